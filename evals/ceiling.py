"""What ranking and composing allow, on DEV questions only: every question is answered.

    python -m evals.ceiling [--out FILE]

For each corpus C, the decision is fitted (evals/fit.py) on the other corpora's dev
questions, its abstention is switched off, and every answerable dev question of C is
answered. Each lands in one bucket: right (its key facts are in the answer), the gold
passage not retrieved, the gold sentence ranked 2-3 or 4+, or ranked first but the
answer lacks a key fact. The shares say where the lost answers go, which is what
`evals.decision_lab` (the decision with abstention) cannot tell apart. One JSON line per
question goes to FILE.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from pathlib import Path

from evals import fit as F
from evals import metrics as m
from evals.dataset import load_corpora
from evals.run import open_bench
from qa.config import Settings


def bucket(case: F.Case, model) -> tuple[str, dict]:
    """The question's bucket, and a row that shows why."""
    item = case.item
    ranked = F._rescore(case, model.scorer) if case.prepared.candidates else []
    selection, kind = case.service.choose(case.prepared, ranked, model)
    answer = case.service.compose_answer(case.prepared, selection, kind, model)
    right = not answer.abstained and m.key_facts_present(answer.answer, item.key_facts)
    labels = F.labels(case.prepared, item)
    rank = next((i for i, g in enumerate(F.ranked_gold(case, ranked)) if g), None)
    if right:
        name = "right"
    elif not labels.max(initial=0) > 0:
        name = "gold_not_retrieved"
    elif rank == 0:
        name = "top1_gold_but_kf_missing"
    else:
        name = "gold_rank_2-3" if rank is not None and rank < 3 else "gold_rank_4+"
    row = {"id": item.id, "category": item.category, "question": item.question,
           "bucket": name, "gold_rank": rank, "kind": kind.name,
           "answer": answer.answer[:300], "key_facts": item.key_facts}  # fmt: skip
    return name, row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/ceiling.jsonl"))
    args = ap.parse_args()
    settings = Settings()
    benches = {c.slug: open_bench(settings, c, progress=False) for c in load_corpora()}
    cases = {
        s: F.cases_of([(b.service, b.corpus.split("dev"))], b.settings) for s, b in benches.items()
    }
    rows, total = [], Counter()
    for slug in benches:
        train = [c for s, cs in cases.items() if s != slug for c in cs]
        fitted = F.choose(train, F.fit_scorer(train), settings)
        model = dataclasses.replace(fitted, abstain_below=-1.0, rules={})
        counts = Counter()
        for case in (c for c in cases[slug] if c.item.answerable):
            name, row = bucket(case, model)
            counts[name] += 1
            rows.append({"corpus": slug, **row})
        total += counts
        n = sum(counts.values())
        print(slug, n, {k: round(v / n, 2) for k, v in sorted(counts.items())}, flush=True)
    n = sum(total.values())
    print("ALL", n, {k: round(v / n, 2) for k, v in sorted(total.items())})
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))


if __name__ == "__main__":
    main()
