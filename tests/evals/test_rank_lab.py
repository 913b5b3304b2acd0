"""evals.rank_lab: the gold sentence's rank under the candidate scorer, leave-one-corpus-out."""

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from evals import fit, rank_lab
from evals.dataset import load_corpus
from evals.run import open_bench
from qa.answer.decide import Logistic
from qa.answer.features import FEATURE_NAMES
from qa.config import Settings

TINY = Path(__file__).parent / "data" / "corpora"


def _case(features: list[list[float]], gold: list[int]) -> SimpleNamespace:
    width = len(FEATURE_NAMES)
    rows = [np.array(f + [0.0] * (width - len(f))) for f in features]
    candidates = [SimpleNamespace(features=r) for r in rows]
    return SimpleNamespace(prepared=SimpleNamespace(candidates=candidates),
                           labels=np.array(gold, float))  # fmt: skip


def _scorer(sign: float) -> Logistic:
    coef = [sign] + [0.0] * (len(FEATURE_NAMES) - 1)
    ones = [1.0] * len(FEATURE_NAMES)
    return Logistic(FEATURE_NAMES, [0.0] * len(FEATURE_NAMES), ones, coef, 0.0)


def test_gold_rank_is_the_place_of_the_best_placed_gold_sentence():
    case = _case([[0.1], [0.9], [0.5]], gold=[0, 1, 0])
    every = list(range(len(FEATURE_NAMES)))
    assert rank_lab.gold_rank(case, _scorer(1.0), every) == 0
    assert rank_lab.gold_rank(case, _scorer(-1.0), every) == 2
    assert rank_lab.figures([0, 2, 5]) == pytest.approx((1 / 3, 2 / 3, (1 + 1 / 3 + 1 / 6) / 3))


def test_loco_ranks_every_answerable_question_whose_gold_was_retrieved(tmp_path):
    settings = Settings(data_dir=tmp_path)
    benches = [open_bench(settings, load_corpus(TINY / s), False) for s in ("kettle", "leave")]
    cases = {
        b.corpus.slug: fit.cases_of([(b.service, b.corpus.split("dev"))], b.settings)
        for b in benches
    }
    ranks = rank_lab.loco(cases, list(range(len(FEATURE_NAMES))))
    for slug, own in cases.items():
        judged = [c for c in own if c.item.answerable and c.labels.max(initial=0) > 0]
        assert len(ranks[slug]) == len(judged) > 0
        for case, rank in zip(judged, ranks[slug], strict=True):
            assert 0 <= rank < len(case.prepared.candidates)
