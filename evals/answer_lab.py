"""A fast replay of the answerer's fit, for trying answer-level inputs, on DEV questions only.

    python -m evals.answer_lab [--corpus NAME ...] [--cache FILE]

`evals.decision_lab` refits everything per left-out corpus (the scorer, the companion
ratios, the answerer): about 3 minutes a corpus on the shared machine. Of that, only the
answerer (`decide.ANSWER_FEATURES`, its two logistic regressions and the threshold) depends
on the answer-level inputs being tried, so this tool does the rest once per left-out corpus
(leave-one-corpus-out within dev, as decision_lab) and keeps it (`--cache`, a pickle); then,
for each variant, it replays only `fit.choose`'s answerer step: fit on the other corpora's
dev questions with out-of-fold probabilities, choose the rule bounds and the threshold, and
apply them to the left-out corpus. A variant is a list of extra inputs (functions of the
ranked candidates, best first, and their scorer decision values) appended to the current
ones, and names of current ones to drop; try them from a script:

    folds = answer_lab.load_cache(Path("folds.pkl"))
    answer_lab.run(folds, {"mine": ([my_input], []), "without": ([], ["top_passages"])})

It prints decision_lab's pooled figures (key-fact accuracy, abstention precision and
recall) and each corpus's lowest figure. Measured (session 10, eight corpora): the
current inputs replay to exactly decision_lab's figures on main, 0.617 / 0.425 / 0.437;
a variant costs about 20 s idle (a minute under load), against about 25 minutes.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evals import fit as F
from evals.decision_lab import dev_cases
from qa.answer.decide import ANSWER_FEATURE_NAMES, Logistic, combine, goal_figures
from qa.answer.decide import answer_features as base_answer_features
from qa.answer.headings import names_heading
from qa.answer.rules import RULES
from qa.config import Settings

Extra = Callable[[list, np.ndarray], float]


@dataclass
class Side:
    """One side of a fold (the training corpora, or the left-out one), precomputed."""

    ranked: list[list]  # per case: candidates best first (by the fold's scorer)
    correct: np.ndarray  # answering (with the chosen ratios, no answerer) is right
    answerable: np.ndarray
    usable: np.ndarray  # has candidates
    always: np.ndarray  # summaries and comparisons, answered whatever the probability
    named: np.ndarray  # a heading named by the question: answered whatever the probability
    fired: dict  # (rule, bound) -> per case, the rule vetoes
    slugs: list[str]


def _side(cases: list[F.Case], ranked: list[list], model) -> Side:
    correct = []
    for case, cands in zip(cases, ranked, strict=True):
        abstained, right, _ = F._outcome(case, cands, model)
        correct.append(right and bool(case.item.answerable) and not abstained)
    return Side(
        ranked=ranked,
        correct=np.array(correct, bool),
        answerable=np.array([bool(c.item.answerable) for c in cases]),
        usable=np.array([bool(r) for r in ranked]),
        always=np.array([F._always_answered(c) for c in cases]),
        named=np.array(
            [
                any(names_heading(k.sentence, c.prepared.question) for k in r)
                for c, r in zip(cases, ranked, strict=True)
            ]
        ),
        fired={
            (name, bound): np.array(
                [
                    bound is not None and RULES[name](c.prepared.profile, bound) is not None
                    for c in cases
                ]
            )
            for name, bounds in F.RULE_BOUNDS.items()
            for bound in bounds
        },
        slugs=[""] * len(cases),
    )


def prepare_fold(train: list[F.Case], test: list[F.Case], settings: Settings):
    """The fold's scorer, companion ratios and both sides' rankings and outcomes."""
    scorer = F.fit_scorer(train)
    ranked = F._out_of_fold_rankings(train, scorer)
    trials = []
    for ratio, other in itertools.product(F.COMPANION_RATIOS, F.OTHER_DOCUMENT_RATIOS):
        trial = F.DecisionModel(scorer, None, 0.0, ratio, other)
        correct, sizes = [], []
        for case, cands in zip(train, ranked, strict=True):
            abstained, right, size = F._outcome(case, cands, trial)
            correct.append(right and bool(case.item.answerable) and not abstained)
            sizes.append(size)
        trials.append((float(np.mean(correct)), -float(np.mean(sizes)), ratio, other))
    trials.sort(key=lambda t: t[:2], reverse=True)
    _, _, ratio, other = trials[0]
    model = F.DecisionModel(scorer, None, 0.0, ratio, other)
    tr = _side(train, ranked, model)
    test_ranked = [F._rescore(c, scorer) if c.prepared.candidates else [] for c in test]
    te = _side(test, test_ranked, model)
    return tr, te


def rows_of(side: Side, extras: Sequence[Extra], drop: Sequence[str] = ()) -> np.ndarray:
    keep = [i for i, n in enumerate(ANSWER_FEATURE_NAMES) if n not in drop]
    width = len(keep) + len(extras)
    out = np.zeros((len(side.ranked), width))
    for i, r in enumerate(side.ranked):
        if not r:
            continue
        scores = F._decisions(r)
        base = base_answer_features(
            scores,
            np.stack([k.features for k in r]),
            [k.passage.passage_id for k in r],
            [k.retriever_rank for k in r],
            [k.view for k in r],
        )
        out[i] = np.concatenate([base[keep], [f(r, scores) for f in extras]])
    return out


def _oof(rows, target, usable, names):
    folds = F._folds(len(rows))
    out = np.full(len(rows), -1.0)
    for k in range(F.FOLDS):
        train = usable & (folds != k)
        part = Logistic.fit(names, rows[train], target[train], c=F.ANSWERER_REGULARISATION)
        held = usable & (folds == k)
        out[held] = part.probabilities(rows[held])
    return out


def replay(tr: Side, te: Side, rows_tr: np.ndarray, rows_te: np.ndarray) -> np.ndarray:
    """The left-out corpus's answered flags under the answerer fitted on the training side."""
    names = [f"f{i}" for i in range(rows_tr.shape[1])]
    u = tr.usable
    answerer = Logistic.fit(names, rows_tr[u], tr.correct[u], c=F.ANSWERER_REGULARISATION)
    answerability = Logistic.fit(names, rows_tr[u], tr.answerable[u], c=F.ANSWERER_REGULARISATION)
    p = np.where(
        u, combine(_oof(rows_tr, tr.correct, u, names), _oof(rows_tr, tr.answerable, u, names)), -1
    )
    best_key, best = None, None
    for bounds in itertools.product(*F.RULE_BOUNDS.values()):
        forced = ~u
        for name, bound in zip(F.RULE_BOUNDS, bounds, strict=True):
            forced = forced | tr.fired[(name, bound)]
        probs = np.where(tr.always, 2.0, p)
        probs = np.where(forced, -1.0, probs)
        threshold = F.goal_threshold(probs, tr.answerable, tr.correct)
        figures = goal_figures(probs >= threshold, tr.answerable, tr.correct)
        key = (round(min(figures), 9), round(figures[0], 9), -sum(b is not None for b in bounds))
        if best_key is None or key > best_key:
            best_key, best = key, (threshold, bounds)
    threshold, bounds = best
    p_te = combine(answerer.probabilities(rows_te), answerability.probabilities(rows_te))
    forced = ~te.usable
    for name, bound in zip(F.RULE_BOUNDS, bounds, strict=True):
        forced = forced | te.fired[(name, bound)]
    answered = (p_te >= threshold) | te.always | te.named
    return answered & ~forced


def run(folds: dict, variants: dict[str, tuple[list[Extra], list[str]]]) -> None:
    for name, (extras, drop) in variants.items():
        answered_all, sides, per = [], [], []
        for slug, (tr, te) in folds.items():
            a = replay(tr, te, rows_of(tr, extras, drop), rows_of(te, extras, drop))
            answered_all.append(a)
            sides.append(te)
            per.append((slug, min(goal_figures(a, te.answerable, te.correct))))
        a = np.concatenate(answered_all)
        answerable = np.concatenate([s.answerable for s in sides])
        correct = np.concatenate([s.correct for s in sides])
        kf, p, r = goal_figures(a, answerable, correct)
        lows = " ".join(f"{s[:4]}={v:.2f}" for s, v in per)
        print(
            f"{name:28s} kf={kf:.3f} P={p:.3f} R={r:.3f} low={min(kf, p, r):.3f} | {lows}",
            flush=True,
        )


def load_folds(corpora_only: list[str] | None = None) -> dict:
    settings = Settings()
    cases = dev_cases(settings)
    folds = {}
    for slug in corpora_only or list(cases):
        t1 = time.perf_counter()
        train = [c for s, cs in cases.items() if s != slug for c in cs]
        folds[slug] = prepare_fold(train, cases[slug], settings)
        print(f"fold {slug} in {time.perf_counter() - t1:.0f}s", flush=True)
    return folds


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # Side, pickled under __main__
        return Side if name == "Side" else super().find_class(module, name)


def load_cache(path: Path) -> dict:
    with open(path, "rb") as fh:
        return _Unpickler(fh).load()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", nargs="*")
    ap.add_argument("--cache", type=Path, help="read the folds from (or save them to) this pickle")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        folds = load_cache(args.cache)
    else:
        folds = load_folds(args.corpus)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(folds))
    run(folds, {"current": ([], [])})


if __name__ == "__main__":
    main()
