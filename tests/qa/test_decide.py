"""The fitted decision: fitting and predicting on a tiny synthetic set, the JSON it is
saved as, the packaged file, and the goal threshold."""

import json

import numpy as np
import pytest

from qa.answer.decide import (
    ANSWER_FEATURE_NAMES,
    PACKAGED,
    DecisionModel,
    Logistic,
    ModelMismatch,
    answer_features,
    best_asked_missing,
    combine,
    goal_figures,
    goal_threshold,
    model_for,
    retrievers_agree,
    top_passages,
)
from qa.answer.features import FEATURE_NAMES, OFFERS, offers_count, offers_person
from qa.answer.question import asked_type, asks_count, attach_vectors, profile_question
from qa.answer.tables import with_heading_units


def synthetic(n: int = 200, seed: int = 0):
    """Candidates whose first feature (cosine) decides whether they answer, plus noise."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, len(FEATURE_NAMES)))
    y = (x[:, 0] + 0.3 * rng.normal(size=n) > 0).astype(float)
    return x, y


def test_a_fitted_scorer_ranks_by_what_decides_the_label():
    x, y = synthetic()
    scorer = Logistic.fit(FEATURE_NAMES, x, y)
    assert scorer.coef[0] == max(scorer.coef, key=abs)  # the informative feature dominates
    test_x, test_y = synthetic(seed=1)
    p = scorer.probabilities(test_x)
    assert ((p > 0.5) == (test_y > 0)).mean() >= 0.8
    assert np.all((p > 0) & (p < 1))


def test_the_model_round_trips_through_json(tmp_path):
    x, y = synthetic()
    scorer = Logistic.fit(FEATURE_NAMES, x, y)
    rows = np.array(
        [
            answer_features(
                scorer.decision(x[i : i + 5]), x[i : i + 5], "abcde", [0] * 5, _views(5)
            )
            for i in range(4)
        ]
    )
    answerer = Logistic.fit(ANSWER_FEATURE_NAMES, np.vstack([rows, -rows]), [1] * 4 + [0] * 4)
    model = DecisionModel(scorer, answerer, 0.4, 0.7, 0.6, {"unknown_name": 0.3})
    model.answerability = Logistic.fit(ANSWER_FEATURE_NAMES, np.vstack([rows, -rows]), [1, 0] * 4)
    path = model.save(tmp_path / "m.json")
    loaded = DecisionModel.load(path)
    assert json.loads(path.read_text())["abstain_below"] == 0.4
    assert loaded.rules == {"unknown_name": 0.3}
    assert loaded.answerability.coef == model.answerability.coef
    np.testing.assert_allclose(loaded.candidate_probabilities(x), model.candidate_probabilities(x))
    order = np.arange(5)
    assert loaded.answer_probability(
        x[:5], order, "aabcd", [0, 0, 3, 1, 2], _views(5)
    ) == pytest.approx(model.answer_probability(x[:5], order, "aabcd", [0, 0, 3, 1, 2], _views(5)))


def test_a_model_fitted_on_other_features_is_refused_with_what_to_do(tmp_path):
    x, y = synthetic()
    data = json.loads(DecisionModel(Logistic.fit(FEATURE_NAMES, x, y)).to_json())
    data["scorer"]["features"][0] = "a_feature_that_is_gone"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelMismatch, match="corpus-qa fit"):
        DecisionModel.load(path)
    with pytest.raises(ModelMismatch, match="does not exist"):
        model_for(tmp_path / "missing.json")


def test_the_packaged_decision_matches_these_features_and_was_fitted_on_dev():
    model = model_for(PACKAGED)
    assert model.scorer.features == FEATURE_NAMES
    assert model.answerer is not None and model.answerer.features == ANSWER_FEATURE_NAMES
    assert model.fitted["split"] == "dev"
    assert 0.0 <= model.abstain_below <= 1.0


def test_the_goal_threshold_raises_the_lowest_goal_figure():
    # Confident items are right, unsure ones wrong or unanswerable.
    best = np.array([0.9, 0.8, 0.7, 0.3, 0.2, 0.1])
    answerable = np.array([True, True, True, True, False, False])
    correct = np.array([True, True, True, False, False, False])
    t = goal_threshold(best, answerable, correct)
    # Abstaining on the wrong answer to an answerable item costs abstention precision
    # (2/3) and gains no key-fact accuracy, so it is answered: the cut is at the gap above
    # the unanswerable ones, and every goal figure is as high as it can be.
    assert 0.2 < t <= 0.3
    assert goal_figures(best >= t, answerable, correct) == (0.75, 1.0, 1.0)
    # When every answer is right and nothing is unanswerable, answer everything.
    assert goal_threshold(best, np.ones(6, bool), np.ones(6, bool)) <= 0.1


def test_goal_figures_count_abstentions_on_unanswerable_items_as_true():
    answered = np.array([True, False, False, True])
    answerable = np.array([True, True, False, False])
    correct = np.array([True, False, False, False])
    accuracy, precision, recall = goal_figures(answered, answerable, correct)
    assert (accuracy, precision, recall) == (0.5, 0.5, 0.5)


def test_without_an_answerer_every_question_with_candidates_is_answered():
    x, y = synthetic()
    model = DecisionModel(Logistic.fit(FEATURE_NAMES, x, y))
    assert model.answer_probability(x[:3], np.arange(3), "abc", [0, 0, 0], _views(3)) == 1.0


def test_the_threshold_weighs_whether_the_documents_answer_at_all():
    # A likely-wrong answer to a question the documents do answer costs less than one to a
    # question they do not.
    p_right = np.array([0.4, 0.4])
    combined = combine(p_right, np.array([0.9, 0.1]))
    assert combined[0] > combined[1]
    assert combine(np.array([1.0]), np.array([1.0]))[0] == pytest.approx(1.0)
    # the mean of the two (measured: better than weighing P(answerable) by 1/2)
    assert combined == pytest.approx([0.65, 0.25])
    np.testing.assert_allclose(combine(p_right, None), p_right)  # without one: P(right)


def test_top_passages_counts_the_passages_of_the_first_five_candidates():
    assert top_passages(["p1", "p1", "p2", "p1", "p1", "p3", "p4"]) == 2.0
    assert top_passages(["p1", "p2", "p3", "p4", "p5", "p6"]) == 5.0
    assert top_passages(["p1"]) == 1.0


def test_best_candidates_scattered_over_passages_lower_the_answer_probability():
    # An answerer that has learnt (as the fit on the dev splits does) that the documents
    # answer less often when the best sentences come from many passages: the same
    # candidates, ranked alike, get a lower probability when they scatter.
    x, y = synthetic()
    names = ANSWER_FEATURE_NAMES
    coef = [0.0] * len(names)
    coef[names.index("top_passages")] = -1.0
    answerer = Logistic(names, [0.0] * len(names), [1.0] * len(names), coef, 3.0)
    model = DecisionModel(Logistic.fit(FEATURE_NAMES, x, y), answerer)
    order = np.arange(6)
    gathered = model.answer_probability(
        x[:6], order, ["a", "a", "a", "b", "a", "c"], [0] * 6, _views(6)
    )
    scattered = model.answer_probability(
        x[:6], order, ["a", "b", "c", "d", "e", "a"], [0] * 6, _views(6)
    )
    assert gathered > scattered
    # `order` ranks the rows, and each passage id stays with its row
    rows = ["s", "t", "a", "a", "a", "a"]
    assert model.answer_probability(
        x[:6], order[::-1], rows, [0] * 6, _views(6)
    ) > model.answer_probability(x[:6], order, rows, [0] * 6, _views(6))


def test_retrievers_agree_is_the_best_worse_rank_among_the_first_three_candidates():
    assert retrievers_agree("abcd", [0, 5, 5, 0]) == 0.0  # the best's passage tops both
    assert retrievers_agree("abcd", [20, 3, 7, 0]) == pytest.approx(np.log1p(3))
    assert retrievers_agree("abcd", [20, 20, 20, 0]) == pytest.approx(np.log1p(20))  # 4th
    assert retrievers_agree("", []) == 0.0


def test_a_passage_only_one_retriever_ranks_high_lowers_the_answer_probability():
    # An answerer that has learnt (as the fit on the dev splits does) that the documents
    # answer less often when the best sentences' passages are low in one retriever's list.
    x, y = synthetic()
    names = ANSWER_FEATURE_NAMES
    coef = [0.0] * len(names)
    coef[names.index("retrievers_agree")] = -1.0
    answerer = Logistic(names, [0.0] * len(names), [1.0] * len(names), coef, 3.0)
    model = DecisionModel(Logistic.fit(FEATURE_NAMES, x, y), answerer)
    order = np.arange(4)
    agreed = model.answer_probability(x[:4], order, "abcd", [0, 9, 9, 9], _views(4))
    apart = model.answer_probability(x[:4], order, "abcd", [9, 9, 9, 0], _views(4))
    assert agreed > apart
    # each rank stays with its row when `order` reorders them
    assert model.answer_probability(x[:4], order[::-1], "abcd", [9, 9, 9, 0], _views(4)) == agreed


class _Seen:
    """What `best_asked_missing` reads of a candidate's view: the question, the text and
    whether it offers the scorer's answer type (`View.offered`)."""

    def __init__(self, question: str, text: str, header: str = "") -> None:
        self.q = profile_question(question, {}, set())
        self.text = text
        self.reading = with_heading_units(text, header)  # as `View.reading`
        self.lower_words: set[str] = set()
        offers = OFFERS.get(self.q.answer_type)
        self.offered = None if offers is None else offers(text, self.q, self.lower_words)


def _views(n: int) -> list[_Seen]:
    """Views of candidates for a question that asks for no kind of answer."""
    return [_Seen("What was fixed?", "Nothing.") for _ in range(n)]


def test_an_open_question_that_speaks_of_money_asks_for_an_amount():
    assert profile_question("What did the 2024 check-up cost?", {}, set()).answer_type == "open"
    assert asked_type(profile_question("What did the 2024 check-up cost?", {}, set())) == "amount"
    assert asked_type(profile_question("What's the price of the seed?", {}, set())) == "amount"
    assert asked_type(profile_question("When was the pipe mended?", {}, set())) == "time"
    assert asked_type(profile_question("What was fixed in the release?", {}, set())) == "open"
    # money in the scene the question sets is not what it asks
    scene = "Spending on the garden went up a lot. What was that down to?"
    assert asked_type(profile_question(scene, {}, set())) == "open"
    assert asked_type(profile_question("I moved in May. What did the move cost?", {}, set())) == (
        "amount"
    )


def test_whoever_is_in_charge_is_asked_for_no_amount():
    """ "in charge of" speaks of who runs a thing, not of money."""
    for question in ("Which teacher is in charge of the residential?", "Who takes charge?"):
        assert asked_type(profile_question(question, {}, set())) != "amount", question
    assert asked_type(profile_question("What does the tip charge for tyres?", {}, set())) == (
        "amount"
    )


def test_a_yes_no_question_lacks_no_amount_where_it_only_asks_yes_or_no():
    """ "Do I get the sign-up fee back?" is answered by "The enrollment fee is
    non-refundable", which states no sum; an indirect question for the charge still asks
    for one."""
    sentence = "The enrollment fee is non-refundable, including in the first month."
    assert best_asked_missing([_Seen("Do I get the sign-up fee back?", sentence)]) == 0.0
    assert best_asked_missing([_Seen("Can the fund pay for a minibus?", sentence)]) == 0.0
    indirect = "Do you know what the sign-up fee is?"
    assert best_asked_missing([_Seen(indirect, sentence)]) == 1.0
    assert best_asked_missing([_Seen("What is the sign-up fee?", sentence)]) == 1.0


def test_best_asked_missing_is_the_best_candidate_lacking_the_amount_asked_for():
    q = "What did the 2024 check-up by divers cost?"
    lacking = _Seen(q, "The 2024 inspection was a survey: divers check the hull.")
    giving = _Seen(q, "The 2024 inspection by divers cost £12,400.")
    assert best_asked_missing([lacking, giving]) == 1.0  # the best one counts
    assert best_asked_missing([giving, lacking]) == 0.0
    assert best_asked_missing([_Seen("What was fixed?", "Nothing.")]) == 0.0  # nothing asked
    assert best_asked_missing([]) == 0.0


def test_a_table_rows_bare_figures_are_sums_where_the_column_heading_gives_a_currency():
    """ "What is the internal auditor costing the council this year?" over a budget whose
    rows write "| Internal audit fee | 450 | 480 |" under "| Spending line | 2023/24 (£) |
    2024/25 (£) |": the row offers the amount; without its header it does not."""
    q = "What is the internal auditor costing the council this year?"
    row = "| Internal audit fee | 450 | 480 |"
    header = "| Spending line | 2023/24 (£) | 2024/25 (£) |"
    assert best_asked_missing([_Seen(q, row, header)]) == 0.0
    assert best_asked_missing([_Seen(q, row)]) == 1.0
    assert best_asked_missing([_Seen(q, row, "| Spending line | 2023/24 | 2024/25 |")]) == 1.0


def test_a_best_sentence_without_the_amount_asked_for_lowers_the_answer_probability():
    x, y = synthetic()
    names = ANSWER_FEATURE_NAMES
    coef = [0.0] * len(names)
    coef[names.index("best_asked_missing")] = -1.0
    answerer = Logistic(names, [0.0] * len(names), [1.0] * len(names), coef, 3.0)
    model = DecisionModel(Logistic.fit(FEATURE_NAMES, x, y), answerer)
    q = "How much did it cost to mend the pipe?"
    views = [_Seen(q, "The pipe burst under the lane."), _Seen(q, "The repair cost £8,000.")]
    order = np.arange(2)
    lacking = model.answer_probability(x[:2], order, "ab", [0, 0], views)
    # `order` ranks the rows, and each view stays with its row
    giving = model.answer_probability(x[:2], order[::-1], "ab", [0, 0], views)
    assert giving > lacking


def test_how_many_asks_for_a_count_and_only_how_many_of_things():
    def profile(q: str):
        return profile_question(q, {}, set())

    assert asks_count(profile("How many customers have used the call-back service?"))
    assert asks_count(profile("How many packs were sold in 2025?"))
    assert not asks_count(profile("How many days of leave do I get?"))  # a duration
    assert not asks_count(profile("How much does the package cost?"))  # an amount
    assert not asks_count(profile("How heavy is the battery?"))


def test_a_count_is_a_number_that_is_not_a_year_a_date_or_a_sum():
    q = profile_question("How many packs were sold in 2025?", {}, set())
    assert offers_count("The Group sold 2,140 packs.", q, set())
    assert offers_count("Six of them were returned.", q, set())
    assert not offers_count("In March 2025 the Board agreed to close the office.", q, set())
    assert not offers_count("Sales rose to £48.2 million.", q, set())
    assert not offers_count("It was completed on 14/11/2024.", q, set())
    assert not offers_count("Sales in 2025 were strong.", q, set())  # the question's own number
    assert not offers_count("Order them by calling 0800 555 0142.", q, set())  # a phone number
    assert not offers_count("The pallets arrived at 04:50.", q, set())  # a time of day
    # with its seconds: a transcript's stamp holds no count of 30
    assert not offers_count("[00:05:30] DR OKAFOR: I'd be careful there.", q, set())
    assert not offers_count("We met at 9:00:15 am.", q, set())
    assert offers_count("approx.500 packs", q, set())


def test_a_count_of_other_things_does_not_answer_how_many():
    """ "How many engineers are on the rota?" is not answered by "two full rotations", nor
    "How many students passed?" by "8 of the 10 sessions"; a kind of the counted thing
    (WordNet) is counted, and a number with no noun after it may count anything."""

    def offers(question: str, text: str) -> bool:
        return offers_count(text, profile_question(question, {}, set()), set())

    assert not offers("How many engineers are on the rota?", "New staff shadow two full rotations.")
    assert not offers("How many students passed?", "Attend at least 8 of the 10 sessions.")
    assert not offers("How many calories are in a slice?", "Makes: 1 loaf (8 slices)")
    assert offers("How many people live on Orvane?", "Some 480 residents live there.")
    assert offers("How many ferries sail?", "Fourteen vessels sail each day.")
    assert offers("How many hull plates had rusted?", "Of 58 plates, fourteen are below the limit.")
    assert offers("How many crew pairs nested?", "A survey counted eleven nesting pairs.")
    assert offers("How many staff work there?", "The firm employs 45 people.")  # a group's
    assert offers("How many crew are aboard?", "She carries 40 sailors.")  # one class
    assert offers("How many children's books were sold?", "We sold 400 books.")
    assert offers("How many visitors came?", "In 2023 145000 visitors came.")
    # a singular noun before a plural one modifies it: tubes are counted, not samples
    assert not offers("How many samples were returned?", "Each kit held two sample tubes.")
    assert offers("How many samples were returned?", "We got 3,800 samples back.")
    # "back" after the verb is counted no more than the verb is: the tubes are no count
    assert not offers("How many samples came back?", "Each kit held two sample tubes.")
    # after a count of one the noun is singular; a group's noun counts with its members
    assert offers("How many students passed?", "Exactly one student passes each year.")
    assert offers("How many staff are there?", "We have 12 staff members.")
    # the counted noun after an adverb and an adjective
    assert offers("How many fully qualified teachers work here?", "There are 14 teachers.")


def test_the_speaker_of_a_chat_line_is_a_person_on_offer():
    q = profile_question("Who said the resync would take hours?", {}, set())
    assert offers_person("[2025-11-02 03:12] rafa.m: no, the resync will take hours.", q, set())
    assert not offers_person("note: the resync will take hours.", q, set())


def test_a_how_many_question_whose_best_candidate_states_no_count_lacks_its_answer():
    q = "How many customers have used the phone call-back service?"
    dated = _Seen(q, "In March 2025 the Board agreed to offer a call-back service.")
    counted = _Seen(q, "By June, 1,200 customers had used the call-back service.")
    assert best_asked_missing([dated, counted]) == 1.0  # the best one counts
    assert best_asked_missing([counted, dated]) == 0.0


def test_the_answerer_reads_the_best_cosine():
    """Without the best cosine the fit answered questions far from every sentence
    ("What is the population of Finland?" on the seeds)."""
    assert "best_cosine" in ANSWER_FEATURE_NAMES


def test_a_number_or_code_the_corpus_lacks_is_missing_however_alike_its_vector():
    """ "What will a night cost in 2027?" over documents that stop at 2026: the vectors
    of 2027 and 2026 are close, but the year is a fact the documents do not hold; a word
    the corpus lacks is still softened by its nearest word ("Brits" ~ "British")."""
    profile = profile_question("What will the Brits pay in 2027?", {"pay": 3}, set())
    vector = np.ones(4, np.float32) / 2.0
    attach_vectors(profile, lambda word: vector, lambda v: ("2026", 0.95))
    by_word = {t.word: t for t in profile.terms}
    assert by_word["2027"].corpus_similarity == 0.0 and by_word["2027"].vector is None
    assert by_word["Brits"].corpus_similarity > 0.8
    assert by_word["pay"].corpus_similarity == 1.0
    assert "2027" not in profile.words_to_embed(lambda word: False)


def test_a_contracted_question_word_is_no_term_but_a_possessive_name_is():
    """NLTK's list has "it's" but not "what's": "What's the fee?" asked for "what"."""
    profile = profile_question(
        "What's the fee at Wexcombe, and who's Sparrowhawk's breeder?", {}, set()
    )
    assert [t.word for t in profile.terms] == ["fee", "Wexcombe", "Sparrowhawk", "breeder"]
    profile = profile_question("What is Will's role, and who signed Don's contract?", {}, set())
    assert [t.word for t in profile.terms] == ["Will", "role", "signed", "Don", "contract"]


def test_words_pointing_at_a_document_are_no_terms_where_the_corpus_lacks_them():
    """ "the encyclopedia article" says where to look: a document rarely names its own
    kind, so "encyclopedia" missing from the corpus vetoes nothing. Where the corpus has
    the words ("the annual report", its title), they stay, to match the title."""
    question = "Which section of the encyclopedia article covers 1968 to 1995?"
    found = profile_question(question, {"cover": 3}, set())  # ("section": a heading question's)
    assert [t.word for t in found.terms] == ["covers", "1968", "1995"]
    kept = profile_question(question, {"encyclopedia": 1, "articl": 2}, set())
    assert [t.word for t in kept.terms][:2] == ["encyclopedia", "article"]
    # "report" ends a phrase that a determiner opens; without one it is an ordinary word
    words_of = lambda q: [t.word for t in profile_question(q, {}, set()).terms]  # noqa: E731
    assert words_of("What did the annual report say about leaks?") == ["say", "leaks"]
    assert words_of("Who wrote a report about leaks?") == ["wrote", "report", "leaks"]
    # a two-letter acronym is no kind of document ("ad"): "the AD progression" is asked
    assert "AD" in words_of("Which drug slows the AD progression?")
