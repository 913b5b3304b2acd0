"""evals.decision_lab --compare: what a change did, beyond the noise of the threshold."""

import json

import numpy as np

from evals import decision_lab


def _rows(probabilities: list[float], answerable: list[bool]) -> list[dict]:
    return [
        {"id": f"q{i}", "question": f"question {i}", "answerable": a, "probability": p,
         "abstained": p < 0.5, "right": a and p >= 0.5, "answer": "", "answer_chars": 0,
         "answer_sentences": 0, "gold_retrieved": a, "gold_rank": 0 if a else None}
        for i, (p, a) in enumerate(zip(probabilities, answerable, strict=True))
    ]  # fmt: skip


def test_a_probability_that_separates_better_shows_as_a_rise_in_auc():
    rng = np.random.default_rng(1)
    answerable = [bool(i % 2) for i in range(60)]
    noisy = [float(rng.uniform(0.3, 0.7)) for _ in answerable]
    clean = [0.8 if a else 0.2 for a in answerable]
    change, low, high = decision_lab.auc_change(
        _rows(noisy, answerable), _rows(clean, answerable), rounds=200
    )
    assert change > 0.2 and low > 0
    same, low, high = decision_lab.auc_change(
        _rows(noisy, answerable), _rows(noisy, answerable), rounds=200
    )
    assert same == 0.0 and low == high == 0.0


def test_compare_lists_the_questions_whose_outcome_changed(tmp_path):
    answerable = [True, True, False, False]
    old, new = _rows([0.6, 0.4, 0.3, 0.6], answerable), _rows([0.6, 0.7, 0.3, 0.2], answerable)
    for name, rows in (("old", old), ("new", new)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    lines = decision_lab.compare(
        decision_lab.read_rows(tmp_path / "old"),
        decision_lab.read_rows(tmp_path / "new"),
        rounds=200,
    )
    assert lines[0].startswith("q1: abstained -> right")
    assert lines[1].startswith("q3: wrong (unanswerable) -> abstained (unanswerable)")
    assert "2 of 4 questions changed outcome" in lines
    assert lines[-1].startswith("AUC (answerable vs not) change +")


def test_compare_copes_with_a_missing_probability_and_unmatched_questions():
    answerable = [True, False, True, False]
    old, new = _rows([0.6, 0.4, 0.7, 0.2], answerable), _rows([0.6, 0.4, 0.7, 0.2], answerable)
    new[1]["probability"] = None  # nothing was retrieved for it
    lines = decision_lab.compare(old, [*new, dict(new[0], id="q9")], rounds=200)
    assert any("in one run only" in line and "q9" in line for line in lines)
    assert lines[-1].startswith("AUC (answerable vs not) change")
    one_class = decision_lab.auc_change(
        _rows([0.3, 0.6], [True, True]), _rows([0.3, 0.6], [True, True])
    )
    assert all(np.isnan(v) for v in one_class)
