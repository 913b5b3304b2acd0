"""Retrieval alone, on DEV questions only: hit@k, recall@k and MRR per corpus, in seconds.

    python -m evals.retrieval_lab [--k 6] [--misses]

For each corpus's answerable dev questions, the query is built as `QAService.prepare`
builds it (the standalone question of a follow-up, the question's vector) and the hybrid,
dense and BM25 retrievers are each asked for k passages. Nothing is answered and nothing
is fitted, so a retrieval change is seen without the noise of refitting the decision
(`evals.decision_lab`, `evals.ceiling` take minutes, and a changed candidate set shifts
every left-out corpus's fitted model). With `--misses`, each question whose gold passage
the hybrid retriever misses is printed with the gold's rank in the dense and BM25 lists.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import numpy as np

from evals import metrics as m
from evals.dataset import load_corpora
from evals.run import open_bench
from qa.config import Settings

KINDS = ("hybrid", "dense", "bm25")
DEPTH = 50  # how far down the lists a missed gold passage is looked for


def query_of(service, item) -> tuple:
    """The snapshot and the query `QAService.prepare` would retrieve with."""
    snapshot = service.index.snapshot()
    return snapshot, service.query(item.question, item.history, snapshot)[2]


def gold_rank(snapshot, ids: list[str], gold: list[tuple[str, int, int]]) -> int | None:
    for i, p in enumerate(snapshot.passages(ids)):
        if any(p.doc_id == d and m.overlaps(p.start, p.end, s, e) for d, s, e in gold):
            return i
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=6, help="passages retrieved per question")
    ap.add_argument("--misses", action="store_true", help="print the hybrid's misses")
    args = ap.parse_args()
    settings = Settings()
    total: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for corpus in load_corpora():
        service = open_bench(settings, corpus, progress=False).service
        scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for item in (i for i in corpus.split("dev") if i.answerable):
            snapshot, query = query_of(service, item)
            gold = [(e.doc_id, e.start, e.end) for e in item.evidence]
            ranked = {}
            for kind in KINDS:
                hits = service.index.retriever(snapshot, kind).retrieve(query, args.k)
                ranked[kind] = [h.passage_id for h in hits]
                spans = [(p.doc_id, p.start, p.end) for p in snapshot.passages(ranked[kind])]
                for key, value in m.retrieval_scores(spans, gold, args.k).items():
                    scores[kind][key].append(value)
                    total[kind][key].append(value)
            if args.misses and gold_rank(snapshot, ranked["hybrid"], gold) is None:
                deep = {
                    kind: gold_rank(
                        snapshot,
                        [
                            h.passage_id
                            for h in service.index.retriever(snapshot, kind).retrieve(query, DEPTH)
                        ],
                        gold,
                    )
                    for kind in ("dense", "bm25")
                }
                print(f"  miss {corpus.slug} {item.id} dense@{deep['dense']} bm25@{deep['bm25']}: "
                      f"{item.question}")  # fmt: skip
        for kind in KINDS:
            print(_line(corpus.slug, kind, scores[kind]), flush=True)
    for kind in KINDS:
        print(_line("ALL", kind, total[kind]))


def _line(name: str, kind: str, scores: dict[str, list[float]]) -> str:
    figures = " ".join(f"{key}={np.mean(scores[key]):.3f}" for key in ("hit", "recall", "mrr"))
    return f"{name:9s} {kind:7s} n={len(scores['hit'])} {figures}"


if __name__ == "__main__":
    main()
