"""`corpus-qa calibrate`: choose the extractive answerer's abstention thresholds from the
golden set, rather than guessing them.

Each question is retrieved and scored once; only the cheap selection step is re-run for
every point of the grid. The objective is the CRAG score (+1 correct, 0 abstained,
-1 wrong), ties broken by key-fact accuracy and then by the middle of the range.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
from tqdm import tqdm

from evals import metrics as m
from evals.dataset import GOLDEN, load_golden
from evals.run import open_service
from qa.answer.extractive import select
from qa.config import Settings

GRID = {
    "min_sentence_similarity": [round(float(x), 3) for x in np.arange(0.10, 0.46, 0.05)],
    "confident_similarity": [round(float(x), 3) for x in np.arange(0.40, 0.76, 0.05)],
    "focus_similarity": [round(float(x), 3) for x in np.arange(0.45, 0.91, 0.05)],
}


def sweep(settings: Settings, dataset: Path = GOLDEN) -> list[dict]:
    service = open_service(settings)
    items = load_golden(dataset)
    prepared = [
        (item, service.prepare(item.question, item.history, settings.top_k))
        for item in tqdm(items, desc="retrieving", unit="q")
    ]
    results = []
    for values in itertools.product(*GRID.values()):
        variant = settings.model_copy(update=dict(zip(GRID, values, strict=True)))
        cragsum, correct = 0, []
        for item, prep in prepared:
            selection = select(prep.profile, prep.candidates, variant, prep.snapshot)
            abstained = selection.abstain_reason is not None
            text = "" if abstained else service.compose_answer(prep, selection).answer
            ok = (
                (not abstained and m.key_facts_present(text, item.key_facts))
                if item.answerable
                else abstained
            )
            cragsum += m.crag(item.answerable, abstained, ok)
            if item.answerable:
                correct.append(ok)
        results.append(
            {
                **dict(zip(GRID, values, strict=True)),
                "crag": cragsum / len(prepared),
                "key_fact_accuracy": float(np.mean(correct)),
            }
        )
    return results


def main(settings: Settings, dataset: str | None = None) -> int:
    results = sweep(settings, Path(dataset) if dataset else GOLDEN)
    top = max(r["crag"] for r in results)
    best = [r for r in results if r["crag"] == top]
    best_acc = max(r["key_fact_accuracy"] for r in best)
    best = [r for r in best if r["key_fact_accuracy"] == best_acc]
    # The middle of the plateau, per threshold, rather than an edge of it.
    median = {k: sorted(r[k] for r in best)[len(best) // 2] for k in GRID}
    chosen = next((r for r in best if all(r[k] == median[k] for k in GRID)), best[len(best) // 2])
    for key in GRID:
        print(f"  plateau {key}: {sorted({r[key] for r in best})}")
    current = next(
        (r for r in results if all(abs(r[k] - getattr(settings, k)) < 1e-9 for k in GRID)), None
    )
    print(
        f"{len(results)} settings tried; {len(best)} share the best CRAG {top:.3f} (key-fact accuracy {best_acc:.3f})."
    )
    print("chosen (middle of the plateau):")
    for key in GRID:
        print(f"  CORPUS_QA_{key.upper()}={chosen[key]}")
    if current:
        print(
            f"current settings: CRAG {current['crag']:.3f}, key-fact accuracy {current['key_fact_accuracy']:.3f}"
        )
    return 0
