"""Fit what the answerer tunes on development questions, and nothing else (v0).

The contract with the eval runner (evals/run.py) and `corpus-qa fit`:

    fit(train: list[tuple[QAService, list[QuestionItem]]], settings) -> dict[str, Any]

`train` pairs each corpus's service (its own index) with the items to fit on, which are
only ever dev items; the result is a dict of SETTINGS OVERRIDES, applied with
`settings.model_copy(update=overrides)`. It must name every setting that
qa/answer/fitted.json sets, because the runner's leave-one-corpus-out figures rely on the
overrides replacing the product's defaults (fitted on every corpus) entirely.

v0 is the grid search `corpus-qa calibrate` used to run on the single golden set: the
extractive answerer's three abstention thresholds, chosen for the best CRAG score (+1
correct, 0 abstained, -1 wrong), ties broken by key-fact accuracy and then by the middle
of the plateau. Each question is retrieved and scored once per process (`prepared`); only
the selection step runs at most 8 times per item (see sweep), so the runner can refit per
left-out corpus cheaply.
"""

from __future__ import annotations

import itertools
import json
import weakref
from typing import TYPE_CHECKING, Any

import numpy as np

from evals import metrics as m
from qa.answer.extractive import select
from qa.config import Settings

if TYPE_CHECKING:
    from evals.dataset import GoldenItem
    from qa.service import Prepared, QAService

GRID = {
    "min_sentence_similarity": [round(float(x), 3) for x in np.arange(0.10, 0.46, 0.05)],
    "confident_similarity": [round(float(x), 3) for x in np.arange(0.40, 0.76, 0.05)],
    "focus_similarity": [round(float(x), 3) for x in np.arange(0.45, 0.91, 0.05)],
}

# Retrieval and scoring do not depend on the thresholds, so a question is prepared once
# per service however many fits (the headline, one per left-out corpus) include it.
_PREPARED: weakref.WeakKeyDictionary[QAService, dict[tuple, Prepared]] = weakref.WeakKeyDictionary()


def prepared(service: QAService, item: GoldenItem, top_k: int) -> Prepared:
    cache = _PREPARED.setdefault(service, {})
    key = (item.question, json.dumps([t.model_dump() for t in item.history]), top_k)
    if key not in cache:
        cache[key] = service.prepare(item.question, item.history, top_k)
    return cache[key]


def sweep(train: list[tuple[QAService, list[GoldenItem]]], settings: Settings) -> list[dict]:
    """CRAG and key-fact accuracy of every grid point on the training items."""
    cases = [
        (service, item, prepared(service, item, settings.top_k))
        for service, items in train
        for item in items
    ]
    if not cases:
        raise ValueError("fit() was given no training items")
    # select() compares each of these thresholds with one number per question, the best
    # candidate's cosine (`best_cos < threshold`), so two grid points on the same side of
    # it for every threshold select the same sentences. An item's outcome is computed once
    # per such side pattern (at most 8), not per grid point (640), and the grid is then
    # scored with numpy: a fit takes about a second. tests/evals/test_fit.py checks the
    # shortcut against the plain grid, so a change to select() that breaks it fails there.
    grid = np.array(list(itertools.product(*GRID.values())))  # (points, thresholds)
    bits = 2 ** np.arange(grid.shape[1])
    crag = np.zeros(len(grid), dtype=int)
    correct = np.zeros(len(grid), dtype=int)
    for service, item, prep in cases:
        best = max((c.cosine for c in prep.candidates), default=None)
        below = grid > best if best is not None else np.zeros_like(grid, dtype=bool)
        patterns = below.astype(int) @ bits
        outcome: dict[int, tuple[int, bool]] = {}  # pattern -> (CRAG, correct)
        answers: dict[tuple, bool] = {}  # selected sentences -> correct
        for pattern in np.unique(patterns).tolist():
            point = int(np.argmax(patterns == pattern))
            variant = settings.model_copy(
                update={k: float(v) for k, v in zip(GRID, grid[point], strict=True)}
            )
            selection = select(prep.profile, prep.candidates, variant, prep.snapshot)
            abstained = selection.abstain_reason is not None
            key = (abstained, *((c.passage.passage_id, c.index) for c in selection.candidates))
            if key not in answers:
                text = "" if abstained else service.compose_answer(prep, selection).answer
                answers[key] = (
                    (not abstained and m.key_facts_present(text, item.key_facts))
                    if item.answerable
                    else abstained
                )
            outcome[pattern] = (m.crag(item.answerable, abstained, answers[key]), answers[key])
        table = np.array([outcome.get(p, (0, False)) for p in range(2 ** len(bits))], dtype=int)
        crag += table[patterns, 0]
        if item.answerable:
            correct += table[patterns, 1]
    answerable = sum(item.answerable for _, item, _ in cases)
    return [
        {
            **{k: float(v) for k, v in zip(GRID, point, strict=True)},
            "crag": int(c) / len(cases),
            "key_fact_accuracy": int(k) / answerable if answerable else 0.0,
        }
        for point, c, k in zip(grid.tolist(), crag, correct, strict=True)
    ]


def choose(results: list[dict]) -> dict:
    """The best CRAG, then the best key-fact accuracy, then the middle of that plateau
    per threshold (an edge of a plateau is one small shift away from falling off it)."""
    top = max(r["crag"] for r in results)
    best = [r for r in results if r["crag"] == top]
    best_acc = max(r["key_fact_accuracy"] for r in best)
    best = [r for r in best if r["key_fact_accuracy"] == best_acc]
    median = {k: sorted(r[k] for r in best)[len(best) // 2] for k in GRID}
    chosen = next((r for r in best if all(r[k] == median[k] for k in GRID)), best[len(best) // 2])
    return {**chosen, "plateau": {k: sorted({r[k] for r in best}) for k in GRID}}


def fit(train: list[tuple[QAService, list[GoldenItem]]], settings: Settings) -> dict[str, Any]:
    """Settings overrides fitted on `train` (dev items only; see the module docstring)."""
    chosen = choose(sweep(train, settings))
    return {k: chosen[k] for k in GRID}
