"""Metrics over per-item outcomes, with bootstrap 95% confidence intervals for rates.

Definitions follow the issue: retrieval against gold character spans (so they survive
re-chunking); ALCE's citation recall and precision; CRAG's +1 / 0 / -1 score.
Abstentions and empty answers are explicit outcomes, never NaN.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

BOOTSTRAP_SAMPLES = 2000
SEED = 20200716  # fixed: two runs give the same intervals


def rate(values: Sequence[float]) -> dict:
    """Mean with a percentile-bootstrap 95% interval; n == 0 gives None values, not NaN."""
    n = len(values)
    if n == 0:
        return {"value": None, "ci95": [None, None], "n": 0}
    arr = np.asarray(values, dtype=float)
    rng = np.random.default_rng(SEED)
    means = arr[rng.integers(0, n, size=(BOOTSTRAP_SAMPLES, n))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return {"value": _r(arr.mean()), "ci95": [_r(lo), _r(hi)], "n": n}


def _r(x: float) -> float:
    return round(float(x), 4)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def retrieval_scores(
    ranked: list[tuple[str, int, int]], gold: list[tuple[str, int, int]], k: int
) -> dict:
    """hit@k, recall@k (share of gold spans touched), MRR, nDCG@k for one question."""
    top = ranked[:k]
    relevant = [any(d == gd and overlaps(s, e, gs, ge) for gd, gs, ge in gold) for d, s, e in top]
    covered = sum(any(d == gd and overlaps(s, e, gs, ge) for d, s, e in top) for gd, gs, ge in gold)
    first = next((i for i, r in enumerate(relevant) if r), None)
    dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(relevant) if r)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(gold))))
    return {
        "hit": float(first is not None),
        "recall": covered / len(gold),
        "mrr": 0.0 if first is None else 1 / (first + 1),
        "ndcg": dcg / ideal if ideal else 0.0,
    }


def key_facts_present(answer: str, key_facts: list[list[str]]) -> bool:
    lowered = answer.lower()
    return all(any(v.lower() in lowered for v in variants) for variants in key_facts)


# An extractive answer that finds a short answer opens with it, then its citation and a
# dash ("30 days [1] — The supplier shall ..."); when several documents answer, the first
# one's title comes before it (qa.answer.compose.answer_fact). A title may hold quotes.
_LEAD = re.compile(r"^(?:According to “.+?”: )?(.+?) \[\d+\] — ")


def lead_of(answer: str) -> str | None:
    """The span the answer leads with, or None where it opens with a quoted sentence."""
    m = _LEAD.match(answer)
    return m.group(1) if m else None


def lead_holds_a_key_fact(answer: str, key_facts: list[list[str]]) -> bool | None:
    """Whether the answer's lead holds one of the key facts (None: no lead). The lead is
    what a reader takes for the answer; a lead that holds none misleads even where the
    quotes after it hold them all."""
    lead = lead_of(answer)
    if lead is None:
        return None
    return any(key_facts_present(lead, [fact]) for fact in key_facts)


def crag(answerable: bool, abstained: bool, correct: bool) -> int:
    if abstained:
        return 1 if not answerable else 0
    if not answerable:
        return -1
    return 1 if correct else -1


def percentile(values: Sequence[float], q: float) -> float | None:
    return _r(np.percentile(values, q)) if len(values) else None
