import math

from evals import metrics as m


def test_rates_have_deterministic_bootstrap_intervals_and_no_nan():
    a = m.rate([1, 0, 1, 1, 0, 1, 1, 1])
    assert a == m.rate([1, 0, 1, 1, 0, 1, 1, 1])
    assert a["value"] == 0.75 and a["ci95"][0] < 0.75 < a["ci95"][1] and a["n"] == 8
    empty = m.rate([])
    assert empty == {"value": None, "ci95": [None, None], "n": 0}
    assert not any(isinstance(v, float) and math.isnan(v) for v in a["ci95"])


def test_retrieval_scores_against_gold_spans():
    gold = [("d1", 100, 120), ("d2", 0, 10)]
    ranked = [("d1", 0, 50), ("d1", 90, 200), ("d3", 0, 10), ("d2", 5, 40)]
    s = m.retrieval_scores(ranked, gold, k=4)
    assert s["hit"] == 1.0 and s["recall"] == 1.0 and s["mrr"] == 0.5
    ideal = 1 + 1 / math.log2(3)
    assert math.isclose(s["ndcg"], (1 / math.log2(3) + 1 / math.log2(5)) / ideal)
    assert m.retrieval_scores(ranked, gold, k=1) == {
        "hit": 0.0,
        "recall": 0.0,
        "mrr": 0.0,
        "ndcg": 0.0,
    }


def test_key_facts_and_crag():
    assert m.key_facts_present(
        "It was 95% certain, said the NCSC", [["95%"], ["NCSC", "cyber centre"]]
    )
    assert not m.key_facts_present("It was certain", [["95%"]])
    assert m.crag(answerable=True, abstained=False, correct=True) == 1
    assert m.crag(answerable=True, abstained=True, correct=False) == 0
    assert m.crag(answerable=True, abstained=False, correct=False) == -1
    assert m.crag(answerable=False, abstained=True, correct=True) == 1
    assert m.crag(answerable=False, abstained=False, correct=False) == -1


def test_the_lead_is_the_span_before_the_first_citation_and_its_dash():
    facts = [["22 days"]]
    assert m.lead_of("22 days [1] — Employees get 22 days of leave. [2]") == "22 days"
    titled = "According to “The “new” handbook”: 25 days [1] — Managers get 25 days. [2]"
    assert m.lead_of(titled) == "25 days"
    assert m.lead_holds_a_key_fact(titled, facts) is False
    assert m.lead_holds_a_key_fact("22 days [1] — Employees get 22 days. [2]", facts) is True
    # an answer that opens with a quote has no lead: nothing to count
    assert m.lead_of("Employees get 22 days of leave. [1]") is None
    assert m.lead_holds_a_key_fact("Employees get 22 days of leave. [1]", facts) is None
