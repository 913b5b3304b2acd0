"""Error analysis of the fitted answer/abstain decision, on DEV questions only.

    python -m evals.decision_lab [--out DIR] [--corpus NAME ...]
    python -m evals.decision_lab --compare OLD_DIR NEW_DIR

For each corpus C, the decision is fitted (evals/fit.py) on the dev questions of the other
corpora and applied to C's dev questions (leave-one-corpus-out within dev), so that the
figures say how the decision transfers to a corpus it has not seen, without looking at a
test question. Writes one JSON line per dev question to DIR/rows.jsonl: the answerer's
probability and threshold, the reason shown, whether the gold evidence is among the
candidates (and at which rank), and the features of the first few candidates; and prints
key-fact accuracy, abstention precision/recall and CRAG per corpus.

`--compare` reads two runs' rows.jsonl and says what a change did: the questions whose
outcome changed, and the change in how well the answer probability tells answerable from
unanswerable questions (ROC AUC, with a paired bootstrap 95% interval). The thresholded
figures move by a question or two whenever a refit shifts the threshold (measured in
session 16: changes that fixed the questions they aimed at moved abstention recall by
-0.03 to +0.03 through questions they did not touch); the AUC does not depend on the
threshold, so it tells a real change from that noise better.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from evals import fit as F
from evals import metrics as m
from evals.dataset import load_corpora
from evals.run import open_bench
from qa.answer.decide import ANSWER_FEATURE_NAMES, answer_features, combine, goal_figures
from qa.answer.features import FEATURE_NAMES
from qa.config import Settings

TOP = 3


def evaluate(case: F.Case, model) -> dict:
    ranked = F._rescore(case, model.scorer) if case.prepared.candidates else []
    _SNAPSHOT[:] = [case.prepared.snapshot]
    selection, kind = case.service.choose(case.prepared, ranked, model)
    answer = case.service.compose_answer(case.prepared, selection, kind, model)
    item = case.item
    right = (
        (not answer.abstained and m.key_facts_present(answer.answer, item.key_facts))
        if item.answerable
        else answer.abstained
    )
    prob = None
    row = None
    if ranked and model.answerer is not None:
        x = np.stack([k.features for k in ranked])
        row = answer_features(
            model.scorer.decision(x),
            x,
            [k.passage.passage_id for k in ranked],
            [k.retriever_rank for k in ranked],
            [k.view for k in ranked],
        )
        rows = row[None, :]
        prob = float(
            combine(model.answerer.probabilities(rows), model.probability_answerable(rows))[0]
        )
    labels = F.labels(case.prepared, item)
    gold = F.ranked_gold(case, ranked)
    gold_rank = next((r for r, g in enumerate(gold) if g), None)
    return {
        "id": item.id,
        "category": item.category,
        "question": item.question,
        "answerable": item.answerable,
        "abstained": answer.abstained,
        "right": bool(right),
        "answer": answer.answer[:300],
        **length(answer),
        "neighbours": neighbours(case, answer) if item.answerable and not right else [],
        "probability": prob,
        "threshold": model.abstain_below,
        "gold_retrieved": bool(labels.max(initial=0) > 0),
        "gold_rank": gold_rank,
        "candidates": len(ranked),
        "answer_features": dict(zip(ANSWER_FEATURE_NAMES, map(float, row), strict=True))
        if row is not None
        else None,
        "top": [
            {
                "text": k.sentence.text[:200],
                "p": round(k.probability, 4),
                "gold": gold[r],
                **{n: round(float(v), 3) for n, v in zip(FEATURE_NAMES, k.features, strict=True)},
            }
            for r, k in enumerate(ranked[:TOP])
        ],
        "terms": [
            (t.word, round(t.specificity, 2), t.in_corpus, round(t.corpus_similarity, 2))
            for t in case.prepared.profile.terms
        ],
        "answer_type": case.prepared.profile.answer_type,
    }


def length(answer) -> dict:
    """How long an answer reads: its characters, and the document sentences its citations
    quote (a sentence counts once however many of its spans are cited)."""
    if answer.abstained:
        return {"answer_chars": 0, "answer_sentences": 0}
    quoted = set()
    for c in answer.citations:
        for p in _places_of(c.doc_id):
            s = p[0].sentences[p[1]]
            if s.start < c.end and c.start < s.end:
                quoted.add((c.doc_id, s.start))
    return {"answer_chars": len(answer.answer), "answer_sentences": len(quoted)}


def _places_of(doc_id: str) -> list:
    return _SNAPSHOT[0].document_sentences(doc_id).places if _SNAPSHOT else []


_SNAPSHOT: list = []  # the snapshot of the case being evaluated (set by `evaluate`)


def neighbours(case: F.Case, answer) -> list[dict]:
    """For a wrong answer to an answerable question: the sentence just before and just
    after each quoted span, in the document's reading order, and whether the key facts
    would be present with it added; whether it sits across a passage boundary; and the
    structure that ties the quoted sentence to it (colon, list item, anaphor)."""
    from qa.answer.compose import leans_on_predecessor

    out = []
    if answer.abstained:
        return out
    for c in answer.citations:
        places = _places_of(c.doc_id)
        starts = [p.sentences[i].start for p, i in places]
        ends = [p.sentences[i].end for p, i in places]
        inside = [
            k
            for k, (a, b) in enumerate(zip(starts, ends, strict=True))
            if a < c.end and c.start < b
        ]
        if not inside:
            continue
        for side, k in (("before", min(inside) - 1), ("after", max(inside) + 1)):
            if not 0 <= k < len(places):
                continue
            p, i = places[k]
            edge = places[max(inside)] if side == "after" else places[min(inside)]
            s, e = p.sentences[i], edge[0].sentences[edge[1]]
            quoted_edge = e.text.rstrip()
            out.append(
                {
                    "side": side,
                    "text": s.text[:200],
                    "kind": s.kind,
                    "edge_kind": e.kind,
                    "edge_ends_colon": quoted_edge.endswith(":"),
                    "leans": leans_on_predecessor(s.text) if side == "after" else None,
                    "across_passage": all(x.start != s.start for x in edge[0].sentences),
                    "edge": e.text[-120:],
                    "completes": m.key_facts_present(
                        answer.answer + " " + s.text, case.item.key_facts
                    ),
                    "in_it": any(
                        any(v.lower() in s.text.lower() for v in vs) for vs in case.item.key_facts
                    ),
                }
            )
    return out


def summary(rows: list[dict]) -> dict:
    """The figures the fit aims at (`goal_figures`), and CRAG, over one set of rows."""
    abst = [r for r in rows if r["abstained"]]
    answered = [r for r in rows if not r["abstained"]]
    kf, prec, rec = goal_figures(
        np.array([not r["abstained"] for r in rows], bool),
        np.array([r["answerable"] for r in rows], bool),
        np.array([r["right"] for r in rows], bool),
    )
    crag = np.mean(
        [m.crag(r["answerable"], r["abstained"], r["right"] and r["answerable"]) for r in rows]
    )
    return {
        "n": len(rows),
        "key_fact": round(kf, 3),
        "abst_prec": round(prec, 3),
        "abst_rec": round(rec, 3),
        "crag": round(float(crag), 3),
        "abstained": len(abst),
        "answer_chars": round(float(np.mean([r["answer_chars"] for r in answered] or [0])), 1),
        "answer_sentences": round(
            float(np.mean([r["answer_sentences"] for r in answered] or [0])), 2
        ),
        "abst_answerable_gold": sum(r["answerable"] and r["gold_retrieved"] for r in abst),
    }


def dev_cases(settings: Settings) -> dict[str, list[F.Case]]:
    """Every eval corpus's dev questions, prepared once (indexes built when missing)."""
    benches = {c.slug: open_bench(settings, c, progress=False) for c in load_corpora()}
    t0 = time.perf_counter()
    cases = {
        s: F.cases_of([(b.service, b.corpus.split("dev"))], b.settings) for s, b in benches.items()
    }
    print(f"prepared in {time.perf_counter() - t0:.1f}s", flush=True)
    return cases


def outcome(row: dict) -> str:
    """right / wrong / abstained, and whether the question was unanswerable."""
    done = "abstained" if row["abstained"] else "right" if row["right"] else "wrong"
    return done if row["answerable"] else f"{done} (unanswerable)"


BOOTSTRAP_ROUNDS = 2000


def auc_change(
    old: list[dict], new: list[dict], seed: int = 0, rounds: int = BOOTSTRAP_ROUNDS
) -> tuple[float, float, float]:
    """The change in ROC AUC of the answer probability (answerable against unanswerable)
    from `old` to `new` (the same questions), and its paired bootstrap 95% interval."""
    from sklearn.metrics import roc_auc_score

    by_id = {r["id"]: r for r in new}
    pairs = [(r, by_id[r["id"]]) for r in old if r["id"] in by_id]
    y = np.array([a["answerable"] for a, _ in pairs], bool)
    if y.all() or not y.any():
        return float("nan"), float("nan"), float("nan")  # one class: no AUC
    # no probability (nothing was retrieved): the surest abstention
    p_old = np.array([_probability(a) for a, _ in pairs])
    p_new = np.array([_probability(b) for _, b in pairs])
    change = roc_auc_score(y, p_new) - roc_auc_score(y, p_old)
    rng, draws = np.random.default_rng(seed), []
    for _ in range(rounds):
        k = rng.integers(0, len(y), len(y))
        if y[k].all() or not y[k].any():
            continue
        draws.append(roc_auc_score(y[k], p_new[k]) - roc_auc_score(y[k], p_old[k]))
    low, high = np.percentile(draws, [2.5, 97.5])
    return float(change), float(low), float(high)


def _probability(row: dict) -> float:
    return -1.0 if row["probability"] is None else float(row["probability"])


def compare(old: list[dict], new: list[dict], rounds: int = BOOTSTRAP_ROUNDS) -> list[str]:
    """What changed from run `old` to run `new`, as lines to print."""
    by_id = {r["id"]: r for r in new}
    lines = [
        f"{r['id']}: {outcome(r)} -> {outcome(by_id[r['id']])} "
        f"(p {_probability(r):.2f} -> {_probability(by_id[r['id']]):.2f}) {r['question']}"
        for r in old
        if r["id"] in by_id and outcome(r) != outcome(by_id[r["id"]])
    ]
    lines.append(f"{len(lines)} of {len(old)} questions changed outcome")
    unmatched = {r["id"] for r in old} ^ set(by_id)
    if unmatched:
        lines.append(f"in one run only (not compared): {', '.join(sorted(unmatched))}")
    for name, rows in (("old", old), ("new", new)):
        lines.append(f"{name}: {summary(rows)}")
    change, low, high = auc_change(old, new, rounds=rounds)
    lines.append(f"AUC (answerable vs not) change {change:+.4f}, 95% CI [{low:+.4f}, {high:+.4f}]")
    return lines


def read_rows(folder: Path) -> list[dict]:
    with open(folder / "rows.jsonl") as fh:
        return [json.loads(line) for line in fh]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/decision-lab"))
    ap.add_argument("--corpus", nargs="*")
    ap.add_argument("--insample", action="store_true", help="also fit on all dev, score dev")
    ap.add_argument(
        "--compare", nargs=2, type=Path, metavar=("OLD", "NEW"),
        help="compare two runs' --out folders (no run)",
    )  # fmt: skip
    args = ap.parse_args()
    if args.compare:
        missing = [str(f) for f in args.compare if not (f / "rows.jsonl").is_file()]
        if missing:
            ap.error(f"no rows.jsonl in {', '.join(missing)}: run with --out FOLDER first")
        print("\n".join(compare(read_rows(args.compare[0]), read_rows(args.compare[1]))))
        return
    settings = Settings()
    args.out.mkdir(parents=True, exist_ok=True)
    cases = dev_cases(settings)
    all_rows = []
    for slug in args.corpus or list(cases):
        t1 = time.perf_counter()
        train = [c for s, cs in cases.items() if s != slug for c in cs]
        model = F.choose(train, F.fit_scorer(train), settings)
        rows = [evaluate(c, model) for c in cases[slug]]
        for r in rows:
            r["corpus"] = slug
        all_rows += rows
        print(slug, "loco-dev", summary(rows), f"{time.perf_counter() - t1:.0f}s", flush=True)
    print("ALL loco-dev", summary(all_rows))
    with open(args.out / "rows.jsonl", "w") as fh:
        for r in all_rows:
            fh.write(json.dumps(r) + "\n")
    if args.insample:
        train = [c for cs in cases.values() for c in cs]
        model = F.choose(train, F.fit_scorer(train), settings)
        for slug, cs in cases.items():
            print(slug, "in-sample dev", summary([evaluate(c, model) for c in cs]))


if __name__ == "__main__":
    main()
