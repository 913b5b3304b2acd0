"""Fit the extractive answerer's decision (qa/answer/decide.py) on development questions.

The contract with the eval runner (evals/run.py) and `corpus-qa fit`:

    fit(train: list[tuple[QAService, list[QuestionItem]]], settings) -> dict[str, Any]

`train` pairs each corpus's service (its own index) with the items to fit on, which are
only ever dev items (the caller splits, as scikit-learn's fit/score do: nothing scored is
passed here). The result is a dict of SETTINGS OVERRIDES, {"answer_model": path}: the
fitted decision written as JSON, which `Settings.answer_model` points the answerer at.

What is fitted, all on the same dev items:
1. the candidate scorer: a logistic regression over `qa.answer.features`, where a
   candidate sentence is positive when it overlaps a gold evidence span of an answerable
   item (every candidate of an unanswerable item is negative); each question weighs the
   same, however many candidates it has, and its gold sentences as much as its others
   (`_question_weights`);
2. how many sentences an answer quotes (the companion ratios), and which hard rules of
   `qa.answer.rules` to keep, each with its similarity bound: chosen on a small grid for
   the issue's goal figures, where answering is right when the composed answer holds every
   key fact;
3. the abstention threshold on the answer probability, for the best of the lowest goal
   figure: key-fact accuracy, abstention precision, abstention recall
   (`decide.goal_threshold`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import weakref
from copy import copy
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from evals import metrics as m
from qa.answer.decide import (
    ANSWER_FEATURE_NAMES,
    DecisionModel,
    Logistic,
    answer_features,
    combine,
    goal_figures,
    goal_threshold,
)
from qa.answer.features import FEATURE_NAMES
from qa.answer.kinds import always_answered, question_kind
from qa.answer.rules import RULES
from qa.config import Settings

if TYPE_CHECKING:
    from qa.service import Prepared, QAService

# A further sentence joins when its probability is at least this share of the best one's
# (0: always up to max_answer_sentences; 1.01: never).
COMPANION_RATIOS = [0.0, 0.25, 0.5, 1.01]
OTHER_DOCUMENT_RATIOS = [0.0, 0.25, 0.5, 1.01]
# The closeness below which a name the corpus lacks vetoes the answer. Kept low: "Kremlin"
# is 0.28 from "moscow" and "Brits" 0.64 from "british", and neither may veto; a name that
# nothing in the corpus comes near ("Boris Johnson" in a news pair about Moscow) may.
RULE_BOUNDS = {"unknown_name": [None, 0.15, 0.25]}
# scikit-learn's C for the scorer; the default. C=0.1 (session 31, `python -m
# evals.decision_lab`): .673 / .544 / .538 / .384 -> .675 / .544 / .532 / .383, AUC
# -0.0001 [-0.0009, +0.0007]: no steadier and no better.
REGULARISATION = 1.0
# Tried in session 38 and not kept: the scorer fitted on pairs (each gold candidate of a
# question against each of its others, a linear RankNet), then calibrated on the labels
# (Platt): gold ranked first for 329 of 568 answerable dev questions whose gold was
# retrieved, against 325 pointwise, but dev LOCO (`python -m evals.decision_lab`) .681 /
# .560 / .543 / .394 -> .670 / .503 / .497 / .371, AUC -.0098 [-.0231, +.0033].
# The answerer sees one row per question (a few hundred), so it is held closer to zero;
# measured on the dev splits with leave-one-corpus-out: C=0.1 transferred better than 1.0.
# Tried in session 36 and not kept: gradient boosting for the answerer
# (HistGradientBoosting, depth 2, 100 rounds, learning rate 0.05, 20 rows a leaf, balanced
# classes), to read interactions a linear model cannot: dev LOCO (`python -m
# evals.decision_lab`) .686 / .558 / .532 / .396 -> .662 / .472 / .480 / .361, AUC -.036
# [-.055, -.017]. The linear answerer transfers across corpora; the trees did not.
# Nor, the same session, the questions of six probe sets (386 questions in everyday words
# over 42 small corpora, by writers who never read the code) added to every fit's dev
# items: on five held-out probe sets key-fact accuracy .684 -> .688 and abstention recall
# .465 -> .505, but the eval's figures fell (`corpus-qa eval --loco`: test .659 / .460 /
# .455 -> .652 / .441 / .438, leave-one-corpus-out .668 / .507 / .491 -> .646 / .474 /
# .499): 14 figures of six corpora below their floors.
# And C=0.03 (session 43), held closer still: dev LOCO .686 / .548 / .526 / .396 -> .679 /
# .529 / .532 / .397, AUC -.0010 [-.0045, +.0027], 16 of 809 outcomes moved: no better.
ANSWERER_REGULARISATION = 0.1
FOLDS = 5  # for the out-of-fold rankings and probabilities the threshold is chosen on
# Tried in session 34 and not kept: the probes' questions (280 questions in everyday words
# over 28 documents of other kinds, written by helpers who never read the code, a third of
# them near misses the documents do not answer) added to the dev questions the decision is
# fitted on. Dev LOCO (`python -m evals.decision_lab`, the probes in every fold's training)
# .678 / .561 / .555 / .396 -> .668 / .511 / .538 / .391, AUC -.009 [-.020, +.002]; on two
# probes it was not fitted on, 61 -> 58 of 98 answerable questions right, 20 -> 21 of 42
# unanswerable ones abstained on.
# Tried in session 32 and not kept: the answerer's out-of-fold probabilities averaged over
# eight repeats of the folds (seeded shuffles), so that the threshold would not follow one
# split of the dev questions: dev LOCO (`python -m evals.decision_lab`) .673 / .544 / .538
# / .384 -> .676 / .550 / .538 / .387, 2 of 809 questions moved. The threshold's noise is
# not the split's: it is the questions that sit at it.


@dataclass
class Case:
    """One dev question, prepared once: its candidates' features and labels."""

    service: QAService
    item: Any
    prepared: Prepared
    labels: np.ndarray


# Retrieval and features do not depend on the fitted model, so a question is prepared
# once per service however many fits (the headline, one per left-out corpus) include it.
_PREPARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def prepare(service: QAService, item: Any, top_k: int) -> Prepared:
    cache = _PREPARED.setdefault(service, {})
    key = (item.question, json.dumps([t.model_dump() for t in item.history]), top_k)
    if key not in cache:
        cache[key] = service.prepare(item.question, item.history, top_k, scored=False)
    return cache[key]


def labels(prepared: Prepared, item: Any) -> np.ndarray:
    """1 for a candidate sentence overlapping a gold evidence span of the item; where some
    of those sentences hold a key fact, only those (a gold quote of three sentences often
    has the answer in one).

    Tried and not kept (session 30): any candidate holding every key fact positive too,
    outside the gold evidence ("Rent: £1,085 per calendar month" beside the lease's rent
    clause). The scorer learnt from sentences that hold a figure by chance, and the
    decision lost (`python -m evals.decision_lab`, thirteen corpora: key-fact /
    abstention precision / recall / CRAG .671 / .542 / .526 / .376 -> .657 / .505 / .532
    / .372, AUC -0.009 [-0.017, -0.000])."""
    gold = [(e.doc_id, e.start, e.end) for e in item.evidence] if item.answerable else []
    inside = np.array(
        [
            any(
                c.passage.doc_id == d and m.overlaps(c.sentence.start, c.sentence.end, s, e)
                for d, s, e in gold
            )
            for c in prepared.candidates
        ],
        bool,
    )
    facts = np.array(
        [
            any(v.lower() in c.sentence.text.lower() for f in item.key_facts for v in f)
            for c in prepared.candidates
        ],
        bool,
    )
    sharp = inside & facts
    return (sharp if sharp.any() else inside).astype(np.float64)


def ranked_gold(case: Case, ranked: list) -> list[bool]:
    """For each candidate in `ranked` (the case's candidates, re-scored and re-ordered),
    whether it is gold by `labels`: the error analyses read ranks off this."""
    gold = labels(case.prepared, case.item)
    where = {(k.passage.passage_id, k.index): i for i, k in enumerate(case.prepared.candidates)}
    return [bool(gold[where[(k.passage.passage_id, k.index)]] > 0) for k in ranked]


def cases_of(train: list[tuple[QAService, list]], settings: Settings) -> list[Case]:
    cases = []
    for service, items in train:
        for item in items:
            if getattr(item, "split", "dev") != "dev":
                raise ValueError(f"fit() was given item {item.id!r} of split {item.split!r}")
            prep = prepare(service, item, settings.top_k)
            cases.append(Case(service, item, prep, labels(prep, item)))
    if not cases:
        raise ValueError("fit() was given no training items")
    return cases


def fit_scorer(cases: list[Case]) -> Logistic:
    """The candidate scorer, on the answerable questions that have a gold candidate."""
    rows = [c for c in cases if c.item.answerable and c.labels.max(initial=0) > 0]
    if not rows:
        raise ValueError("fit() needs answerable questions whose evidence was retrieved")
    x = np.concatenate([np.stack([k.features for k in c.prepared.candidates]) for c in rows])
    y = np.concatenate([c.labels for c in rows])
    weight = np.concatenate([_question_weights(c.labels) * len(rows) for c in rows])
    return Logistic.fit(FEATURE_NAMES, x, y, weight, c=REGULARISATION, class_weight=None)


def _question_weights(labels: np.ndarray) -> np.ndarray:
    """Each question weighs the same, and within it its gold sentences weigh as much as all
    its other candidates together (half each): the scorer learns to tell a question's gold
    apart from its own distractors, and a question with one gold sentence among forty counts
    as much as one with three among ten. (Measured, LOCO over the dev splits, against equal
    weight per candidate: more questions right on every corpus, with the same features.)"""
    gold = labels > 0
    n_gold, n_other = int(gold.sum()), int((~gold).sum())
    if not n_gold or not n_other:
        return np.full(len(labels), 1.0 / len(labels))
    return np.where(gold, 0.5 / n_gold, 0.5 / n_other)


def _decisions(ranked: list) -> np.ndarray:
    """The scorer's decision values of ranked candidates (the log-odds of their probability)."""
    p = np.clip(np.array([k.probability for k in ranked]), 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def _rescore(case: Case, scorer: Logistic) -> list:
    """The case's candidates ordered by the scorer's probabilities (copies: the cached
    preparation stays unscored for the next fit)."""
    out = []
    probs = scorer.probabilities(np.stack([k.features for k in case.prepared.candidates]))
    for k, p in zip(case.prepared.candidates, probs, strict=True):
        k = copy(k)
        k.probability = float(p)
        out.append(k)
    out.sort(key=lambda k: (-k.probability, k.passage.doc_id, k.sentence.start))
    return out


def _outcome(
    case: Case, candidates: list, model: DecisionModel, composed: dict | None = None
) -> tuple[bool, bool, int]:
    """(abstained, right, sentences chosen) for the case under a trial model, through the
    service's own choice and composition, as the answerer would answer.

    `composed` memoises the composition for one ranking of the case's candidates (the
    trials of one fit, which share the case's scorer): composing depends on the question,
    the pool, which of the ranked candidates were chosen (their probabilities are the
    ranking's) and the scorer (which ranks the parts of a joined question), not on the
    trial's ratios or threshold, and most of the trials choose the same sentences.
    (Measured with cProfile on `corpus-qa eval --loco`: 62,336 compositions were 530 s of
    2227 s.)"""
    selection, kind = case.service.choose(case.prepared, candidates, model)
    key = (
        selection.abstain_reason,
        tuple((k.passage.passage_id, k.index) for k in selection.candidates),
    )
    if composed is not None and key in composed:
        abstained, right = composed[key]
        return abstained, right, len(selection.candidates)
    answer = case.service.compose_answer(case.prepared, selection, kind, model)
    right = (
        (not answer.abstained and m.key_facts_present(answer.answer, case.item.key_facts))
        if case.item.answerable
        else answer.abstained
    )
    if composed is not None:
        composed[key] = (answer.abstained, right)
    return answer.abstained, right, len(selection.candidates)


def _always_answered(case: Case) -> bool:
    """Summaries and comparisons are not the answerer's to refuse (QAService.choose)."""
    return bool(case.prepared.candidates) and always_answered(question_kind(case.prepared.question))


def _folds(n: int) -> np.ndarray:
    return np.arange(n) % FOLDS


def _fold_scorers(cases: list[Case], scorer: Logistic) -> list[Logistic]:
    """For each case, the scorer fitted without that case's fold (`scorer` where the rest
    has nothing to fit on)."""
    folds = _folds(len(cases))
    out: list[Logistic] = [scorer] * len(cases)
    for k in range(FOLDS):
        try:
            fold_scorer = fit_scorer([cases[i] for i in range(len(cases)) if folds[i] != k])
        except ValueError:
            fold_scorer = scorer
        for i in range(len(cases)):
            if folds[i] == k:
                out[i] = fold_scorer
    return out


def _out_of_fold_rankings(
    cases: list[Case], scorer: Logistic, fold_scorers: list[Logistic] | None = None
) -> list[list]:
    """Each case's candidates ranked by a scorer fitted without that case's fold, so that
    choosing the threshold sees rankings as unseen questions get them, not in-sample ones
    (which are better, and made the threshold too trusting)."""
    fold_scorers = fold_scorers or _fold_scorers(cases, scorer)
    return [
        _rescore(case, fold_scorer) if case.prepared.candidates else []
        for case, fold_scorer in zip(cases, fold_scorers, strict=True)
    ]


def _out_of_fold_probabilities(rows: np.ndarray, correct: np.ndarray, usable: np.ndarray):
    """The answerer's probability for each case from a fit without the case's fold."""
    folds = _folds(len(rows))
    out = np.full(len(rows), -1.0)
    for k in range(FOLDS):
        train = usable & (folds != k)
        if correct[train].min(initial=1) == correct[train].max(initial=0):
            return None
        part = Logistic.fit(
            ANSWER_FEATURE_NAMES, rows[train], correct[train], c=ANSWERER_REGULARISATION
        )
        held = usable & (folds == k)
        out[held] = part.probabilities(rows[held])
    return out


# Tried in session 43 and not kept: the answerer and the answerability model fitted on the
# questions they decide only, without the summaries and comparisons that are always answered
# (`_always_answered`), so that how a summary is composed would not move the threshold of
# the facts: dev LOCO (`python -m evals.decision_lab`) .686 / .548 / .526 / .396 -> .678 /
# .534 / .543 / .399, AUC -.0021 [-.0058, +.0015], 20 of 809 outcomes moved both ways.
def choose(cases: list[Case], scorer: Logistic, settings: Settings) -> DecisionModel:
    """The companion ratios that put the key facts in the most answers when every question
    is answered (then fewer quoted sentences); then, at those ratios, the answerer, the
    rules and the abstention threshold with the best lowest goal figure on dev (then
    key-fact accuracy, then fewer rules), all judged on out-of-fold rankings and probabilities (FOLDS-fold over the
    dev questions).

    The ratios are chosen before the answerer, not jointly with it: how much an
    answer quotes is composition's question, and jointly the choice followed the noise of
    the threshold (measured: one-sentence answers were chosen in some fits and halved the
    left-out corpus's key-fact accuracy)."""
    fold_scorers = _fold_scorers(cases, scorer)
    ranked = _out_of_fold_rankings(cases, scorer, fold_scorers)
    usable = np.array([bool(r) for r in ranked])
    rows = np.array(
        [
            answer_features(
                _decisions(r),
                np.stack([k.features for k in r]),
                [k.passage.passage_id for k in r],
                [k.retriever_rank for k in r],
                [k.view for k in r],
            )
            if r
            else np.zeros(len(ANSWER_FEATURE_NAMES))
            for r in ranked
        ]
    )
    answerable = np.array([bool(c.item.answerable) for c in cases])
    # A summary of the documents as a whole is always given (QAService.choose).
    always = np.array([_always_answered(c) for c in cases])
    fired = {
        (name, bound): np.array(
            [
                bound is not None and RULES[name](c.prepared.profile, bound) is not None
                for c in cases
            ]
        )
        for name, bounds in RULE_BOUNDS.items()
        for bound in bounds
    }
    trials = []
    composed: list[dict] = [{} for _ in cases]  # per case, for this ranking (`_outcome`)
    for ratio, other in itertools.product(COMPANION_RATIOS, OTHER_DOCUMENT_RATIOS):
        trial = DecisionModel(scorer, None, 0.0, ratio, other)
        correct, sizes = [], []
        for case, cands, memo, own in zip(cases, ranked, composed, fold_scorers, strict=True):
            # the parts of a joined question are ranked as its candidates were: out of fold
            abstained, right, size = _outcome(case, cands, replace(trial, scorer=own), memo)
            # answering right; an unanswerable item is never "right to answer"
            correct.append(right and bool(case.item.answerable) and not abstained)
            sizes.append(size)
        trials.append((float(np.mean(correct)), -float(np.mean(sizes)), ratio, other, correct))
    trials.sort(key=lambda t: t[:2], reverse=True)
    best, best_key = None, None
    for _, _, ratio, other, correct in trials[:1]:
        correct = np.array(correct)
        target = correct
        if target.min() == target.max():
            continue  # nothing to tell apart
        answerer = Logistic.fit(
            ANSWER_FEATURE_NAMES, rows[usable], target[usable], c=ANSWERER_REGULARISATION
        )
        p_answer = _out_of_fold_probabilities(rows, target, usable)
        if p_answer is None:
            continue
        # Whether the documents answer it at all: abstention precision and recall reward
        # abstaining on those they do not, so the threshold applies to the mean of P(right)
        # and P(answerable) (decide.combine).
        answerability = _p_answerable = None
        if answerable[usable].min() != answerable[usable].max():
            answerability = Logistic.fit(
                ANSWER_FEATURE_NAMES, rows[usable], answerable[usable], c=ANSWERER_REGULARISATION
            )
            _p_answerable = _out_of_fold_probabilities(rows, answerable, usable)
            if _p_answerable is None:
                answerability = None
        p_answer = np.where(usable, combine(p_answer, _p_answerable), -1.0)
        for bounds in itertools.product(*RULE_BOUNDS.values()):
            forced = ~usable
            for name, bound in zip(RULE_BOUNDS, bounds, strict=True):
                forced = forced | fired[(name, bound)]
            probs = np.where(always, 2.0, p_answer)
            probs = np.where(forced, -1.0, probs)  # a rule's refusal is an abstention
            threshold = goal_threshold(probs, answerable, correct)
            answered = probs >= threshold
            figures = goal_figures(answered, answerable, correct)
            crag = np.where(answered, np.where(correct, 1, -1), np.where(answerable, 0, 1))
            rules = {n: b for n, b in zip(RULE_BOUNDS, bounds, strict=True) if b is not None}
            key = (round(min(figures), 9), round(figures[0], 9), -len(rules))
            if best_key is None or key > best_key:
                best_key = key
                best = DecisionModel(scorer, answerer, threshold, ratio, other, rules)
                best.answerability = answerability
                best.fitted = {
                    "dev_crag": round(float(crag.mean()), 4),
                    "dev_key_fact_accuracy": round(figures[0], 4),
                    "dev_abstention_precision": round(figures[1], 4),
                    "dev_abstention_recall": round(figures[2], 4),
                }
    if best is None:
        return _without_answerer(cases, ranked, scorer)
    return best


def _without_answerer(cases: list[Case], ranked: list[list], scorer: Logistic) -> DecisionModel:
    """Too few dev questions to fit an answerer on (every trial right, or every one wrong,
    or a fold without both): answer whenever there are candidates, or never, whichever
    scores the better CRAG on them (the goal figures cannot tell these two apart: each
    leaves one of them at 0)."""
    model = DecisionModel(scorer, None, 0.0)
    outcomes = [_outcome(c, r, model) for c, r in zip(cases, ranked, strict=True)]
    answer_all = np.mean([1 if right else -1 if not ab else 0 for ab, right, _ in outcomes])
    abstain_all = np.mean([0 if c.item.answerable else 1 for c in cases])
    if abstain_all > answer_all:
        model.abstain_below = 1.01  # the answer probability without an answerer is 1.0
    model.fitted = {
        "dev_crag": round(float(max(answer_all, abstain_all)), 4),
        "note": "too few dev questions for an answerer",
    }
    return model


def fit_model(
    train: list[tuple[QAService, list]], settings: Settings, names: list[str] | None = None
) -> DecisionModel:
    """The decision fitted on `train`; `names` are the corpora's names, for provenance."""
    cases = cases_of(train, settings)
    model = choose(cases, fit_scorer(cases), settings)
    model.fitted.update(
        {
            "items": len(cases),
            "answerable": int(sum(bool(c.item.answerable) for c in cases)),
            "corpora": sorted(names or {_corpus_name(s) for s, _ in train}),
            "split": "dev",
        }
    )
    return model


def _corpus_name(service: QAService) -> str:
    return str(getattr(service.settings, "corpus_dir", "")).rstrip("/").split("/")[-1]


def fit(
    train: list[tuple[QAService, list]], settings: Settings, out: Path | None = None
) -> dict[str, Any]:
    """Settings overrides fitted on `train` (dev items only; see the module docstring):
    the decision is written to `out` (default: under the data dir, named by what it was
    fitted on) and the overrides point the answerer at it."""
    model = fit_model(train, settings)
    if out is None:
        ids = sorted(f"{_corpus_name(s)}/{i.id}" for s, items in train for i in items)
        digest = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]
        out = settings.data_dir / "answer-models" / f"{digest}.json"
    model.save(out)
    return {"answer_model": str(out)}
