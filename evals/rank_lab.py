"""How well the candidate scorer ranks the gold sentence first, on DEV questions only.

    python -m evals.rank_lab [--ablate]

A faster loop than `evals.ceiling` (which composes every answer under every trial of the
decision) for one question only: does a change to the features or to the scorer's fit
put the gold sentence higher? For each corpus C, the scorer is fitted as `evals.fit`
fits it (`fit_scorer`'s rows, labels and weights) on the other corpora's dev questions,
and ranks C's answerable dev questions whose gold sentence was retrieved. Printed per
corpus and overall: the share with the gold first, in the first three, and the mean
reciprocal rank.

It also prints the same scorer fitted and scored on all the dev questions at once
(in-sample). When the in-sample figure is no better than leave-one-corpus-out, the
features, not the fit, limit the ranking: a richer fit cannot help, a new signal can.
(Measured at the start of session 8: top-1 0.569 in-sample against 0.562 LOCO.)

Tried in session 9 and not kept (LOCO top-1 over 299 dev questions, baseline 0.562; one
question is 0.003, and most changes below gained and lost 8-12 questions each, i.e. noise):
- the sentence embedded alone (no passage context): the best single signal on 5 of 7
  corpora (top-1 by it alone 0.428 against 0.388 for the pooled cosine), but as an extra
  feature 0.542, as a replacement for cosine/cosine_gap 0.522, max or mean with the pooled
  one 0.538-0.542 (top-3 rises to ~0.775, top-1 falls: legal and research lose). Alone with
  its section heading prefixed 0.542; alone with the previous sentence prefixed 0.572
  (12 gained, 9 lost). Embedding every sentence alone costs about one more embedding pass
  over the corpus at ingest (~18 ms a sentence on the loaded 2-core box);
- a declarative form of the question (wh-word and auxiliary removed) against the pooled
  or the standalone sentence vector: 0.538-0.562;
- the previous / next sentence's similarity, or its lead over this one (answer after
  the best-matching sentence, list items under a lead-in), alone or times type_offered,
  and for attribution questions: 0.542-0.565; a stacked second stage over the neighbours'
  first-stage scores: 0.535-0.552;
- a sentence ending with a colon (it introduces what follows): 0.569, 2 gained, none lost,
  but `evals.decision_lab` LOCO went kf 0.562 -> 0.551, abstention P 0.333 -> 0.339,
  R 0.400 -> 0.433 (more abstentions), so not kept;
- pairwise logistic regression on (gold - other) differences, C 1/0.1/0.01: 0.532-0.545;
  gradient boosting (HistGradientBoosting, depth 2-3): 0.542-0.555; features normalised
  within the question (minus the question's max, or z-scored): 0.538-0.552; rank (1/(1+r))
  transforms of the dense and lexical signals: 0.528-0.559; C 0.1: 0.565, C 0.03: 0.559.
- ablation: no single feature's removal moves top-1 by more than 0.013 upwards.
Again in session 34, over 13 corpora: the logistic scorer ranks the gold first for 0.574
of the questions both leave-one-corpus-out and in-sample; gradient boosting
(HistGradientBoosting: depth 2, 100 rounds; depth 3, 200; 8 leaves, 300, L2 1.0) 0.549-0.560.

`--ablate` refits without each feature in turn: a feature whose removal changes nothing
costs time per candidate for no gain.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from evals import fit as F
from evals.dataset import load_corpora
from evals.run import open_bench
from qa.answer.decide import Logistic
from qa.answer.features import FEATURE_NAMES
from qa.config import Settings


def _rows(cases: list[F.Case]) -> list[F.Case]:
    """The questions the scorer learns from and is judged on: answerable, gold retrieved."""
    return [c for c in cases if c.item.answerable and c.labels.max(initial=0) > 0]


def _fit(rows: list[F.Case], columns: list[int]) -> Logistic:
    """`evals.fit.fit_scorer` on a subset of the feature columns."""
    x = np.concatenate([np.stack([k.features for k in c.prepared.candidates]) for c in rows])
    y = np.concatenate([c.labels for c in rows])
    weight = np.concatenate([F._question_weights(c.labels) * len(rows) for c in rows])
    names = [FEATURE_NAMES[i] for i in columns]
    return Logistic.fit(names, x[:, columns], y, weight, c=F.REGULARISATION, class_weight=None)


def gold_rank(case: F.Case, scorer: Logistic, columns: list[int]) -> int:
    """The rank (0 = first) of the case's best-placed gold sentence under the scorer."""
    x = np.stack([k.features for k in case.prepared.candidates])[:, columns]
    order = np.argsort(-scorer.decision(x), kind="stable")
    return int(np.argmax(case.labels[order] > 0))


def figures(ranks: list[int]) -> tuple[float, float, float]:
    """Top-1 share, top-3 share, mean reciprocal rank."""
    r = np.asarray(ranks)
    if not len(r):
        return 0.0, 0.0, 0.0
    return float((r == 0).mean()), float((r < 3).mean()), float((1.0 / (1 + r)).mean())


def loco(cases: dict[str, list[F.Case]], columns: list[int]) -> dict[str, list[int]]:
    """Each corpus's gold ranks under a scorer fitted on the other corpora."""
    out = {}
    for slug, own in cases.items():
        train = _rows([c for s, cs in cases.items() if s != slug for c in cs])
        scorer = _fit(train, columns)
        out[slug] = [gold_rank(c, scorer, columns) for c in _rows(own)]
    return out


def _line(label: str, ranks: dict[str, list[int]]) -> str:
    every = [r for rs in ranks.values() for r in rs]
    top1, top3, mrr = figures(every)
    per = " ".join(f"{s} {figures(r)[0]:.2f}" for s, r in ranks.items())
    return f"{label:28s} top1 {top1:.3f} top3 {top3:.3f} mrr {mrr:.3f} | top1 {per}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ablate", action="store_true", help="refit without each feature in turn")
    args = ap.parse_args()
    settings = Settings()
    began = time.perf_counter()
    benches = {c.slug: open_bench(settings, c, progress=False) for c in load_corpora()}
    cases = {
        s: F.cases_of([(b.service, b.corpus.split("dev"))], b.settings) for s, b in benches.items()
    }
    print(f"prepared in {time.perf_counter() - began:.0f} s", flush=True)
    every = list(range(len(FEATURE_NAMES)))
    print(_line("leave-one-corpus-out", loco(cases, every)), flush=True)
    rows = _rows([c for cs in cases.values() for c in cs])
    scorer = _fit(rows, every)
    inside = {s: [gold_rank(c, scorer, every) for c in _rows(cs)] for s, cs in cases.items()}
    print(_line("in-sample (all dev)", inside), flush=True)
    if args.ablate:
        for i, name in enumerate(FEATURE_NAMES):
            kept = [j for j in every if j != i]
            print(_line(f"without {name}", loco(cases, kept)), flush=True)


if __name__ == "__main__":
    main()
