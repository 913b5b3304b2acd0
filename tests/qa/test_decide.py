"""The fitted decision: fitting and predicting on a tiny synthetic set, the JSON it is
saved as, the packaged file, and the CRAG threshold."""

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
    combine,
    crag_threshold,
    model_for,
    stable_threshold,
)
from qa.answer.features import FEATURE_NAMES
from qa.answer.question import QuestionProfile, Term, attach_vectors, profile_question


def profile(*absent: str, present: tuple[str, ...] = ("battery",)) -> QuestionProfile:
    """A question profile whose words are in the corpus (`present`) or not (`absent`)."""
    terms = [Term(w, w, w, 0.5, False, True) for w in present]
    terms += [Term(w, w, w, 0.8, False, False, corpus_similarity=0.1) for w in absent]
    return QuestionProfile(" ".join(w for w in (*present, *absent)), "open", terms)


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
    q = profile("warranty")
    rows = np.array(
        [answer_features(scorer.decision(x[i : i + 5]), x[i : i + 5], q) for i in range(4)]
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
    assert loaded.answer_probability(x[:5], order, q) == pytest.approx(
        model.answer_probability(x[:5], order, q)
    )


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


def test_the_crag_threshold_answers_where_answering_pays():
    # Confident items are right, unsure ones wrong or unanswerable: answer above the gap.
    best = np.array([0.9, 0.8, 0.7, 0.3, 0.2, 0.1])
    answerable = np.array([True, True, True, True, False, False])
    correct = np.array([True, True, True, False, False, False])
    t = crag_threshold(best, answerable, correct)
    assert 0.3 < t <= 0.7  # just above the first wrong one: the lowest of the best
    assert np.all((best >= t) == correct)
    # When every answer is right, answer everything.
    assert crag_threshold(best, np.ones(6, bool), np.ones(6, bool)) <= 0.1


def test_without_an_answerer_every_question_with_candidates_is_answered():
    x, y = synthetic()
    model = DecisionModel(Logistic.fit(FEATURE_NAMES, x, y))
    assert model.answer_probability(x[:3], np.arange(3), profile()) == 1.0


def test_the_threshold_weighs_whether_the_documents_answer_at_all():
    # CRAG: answering pays when 2 P(right) - 1 >= 1 - P(answerable). A likely-wrong answer
    # to a question the documents do answer costs less than one to a question they do not.
    p_right = np.array([0.4, 0.4])
    combined = combine(p_right, np.array([0.9, 0.1]))
    assert combined[0] > combined[1]
    assert combine(np.array([1.0]), np.array([1.0]))[0] == pytest.approx(1.0)
    np.testing.assert_allclose(combine(p_right, None), p_right)  # without one: P(right)


def test_the_answerer_sees_how_long_the_question_is_and_what_the_corpus_lacks():
    x, y = synthetic()
    scores = Logistic.fit(FEATURE_NAMES, x, y).decision(x[:5])
    named = dict(zip(ANSWER_FEATURE_NAMES, answer_features(scores, x[:5], profile()), strict=True))
    assert named["absent_words"] == 0.0
    assert named["question_length"] == pytest.approx(np.log1p(1))
    two = profile("warranty", "refund")
    named = dict(zip(ANSWER_FEATURE_NAMES, answer_features(scores, x[:5], two), strict=True))
    assert named["absent_words"] == 2.0
    assert named["question_length"] == pytest.approx(np.log1p(3))
    # A word the corpus has in another form (close by the embedding) is not absent.
    near = profile("refunds")
    near.terms[-1].corpus_similarity = 0.8
    named = dict(zip(ANSWER_FEATURE_NAMES, answer_features(scores, x[:5], near), strict=True))
    assert named["absent_words"] == 0.0


def test_the_question_features_come_from_a_real_profile():
    q = profile_question("Who may end the contract early?", {"contract": 3}, set(), 10)
    # The corpus's nearest word to each word it lacks is unrelated (cosine 0.2).
    attach_vectors(q, lambda word: np.ones(3), lambda vector: ("agreement", 0.2))
    named = dict(
        zip(
            ANSWER_FEATURE_NAMES,
            answer_features(np.zeros(1), np.zeros((1, len(FEATURE_NAMES))), q),
            strict=True,
        )
    )
    assert named["question_length"] == pytest.approx(np.log1p(len(q.terms)))
    assert named["absent_words"] == sum(not t.in_corpus for t in q.terms) > 0


def test_the_bagged_threshold_is_reproducible_and_answers_where_answering_pays():
    # The items of the plain threshold's test, many times over, with a few noisy ones.
    rng = np.random.default_rng(3)
    best = np.tile([0.9, 0.8, 0.7, 0.3, 0.2, 0.1], 40) + rng.normal(0, 0.01, 240)
    answerable = np.tile([True, True, True, True, False, False], 40)
    correct = np.tile([True, True, True, False, False, False], 40)
    correct[:3] = False  # a few confident answers are wrong anyway
    t = stable_threshold(best, answerable, correct)
    assert t == stable_threshold(best, answerable, correct)  # the seed is fixed
    assert 0.3 < t <= 0.72
    assert stable_threshold(best, np.ones(240, bool), np.ones(240, bool)) <= 0.1
    # A single item is the plain threshold's own answer.
    assert stable_threshold(best[:1], answerable[:1], correct[:1]) == crag_threshold(
        best[:1], answerable[:1], correct[:1]
    )
