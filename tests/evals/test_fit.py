"""evals.fit: the answer decision fitted on dev items only, and `corpus-qa fit`'s output."""

import json
from pathlib import Path

import numpy as np
import pytest

from evals import fit
from evals.dataset import load_corpus
from evals.run import fit_main, open_bench
from qa.answer.decide import PACKAGED, DecisionModel, model_for
from qa.config import Settings

TINY = Path(__file__).parent / "data" / "corpora"


@pytest.fixture(scope="module")
def benches(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("fit"))
    return settings, [
        open_bench(settings, load_corpus(TINY / s), False) for s in ("kettle", "leave")
    ]


def test_fit_returns_an_answer_model_fitted_on_the_dev_items(benches, tmp_path):
    settings, (kettle, leave) = benches
    train = [(b.service, b.corpus.split("dev")) for b in (kettle, leave)]
    overrides = fit.fit(train, settings, out=tmp_path / "model.json")
    assert set(overrides) == {"answer_model"}
    model = DecisionModel.load(Path(overrides["answer_model"]))
    assert model.fitted["split"] == "dev"
    assert model.fitted["items"] == sum(len(items) for _, items in train)
    assert 0.0 <= model.abstain_below <= 1.0
    # The answerer runs with it.
    service = kettle.service.__class__(settings.model_copy(update=overrides))
    service.store, service.index = kettle.service.store, kettle.service.index
    assert service.ask(kettle.corpus.items[0].question).answer


def test_fit_refuses_test_items_and_empty_training_sets(benches):
    """The split is explicit: whatever is scored must never reach the fit."""
    settings, (kettle, _) = benches
    with pytest.raises(ValueError, match="split 'test'"):
        fit.fit([(kettle.service, kettle.corpus.split("test"))], settings)
    with pytest.raises(ValueError, match="no training items"):
        fit.fit([(kettle.service, [])], settings)


def test_corpus_qa_fit_writes_the_decision_the_answerer_loads(benches, tmp_path, monkeypatch):
    settings, _ = benches
    out = tmp_path / "decision.json"
    assert fit_main(settings, root=TINY, out=out, progress=False) == 0
    written = json.loads(out.read_text())
    assert written["fitted"]["corpora"] == ["kettle", "leave"]
    assert model_for(out).abstain_below == written["abstain_below"]
    monkeypatch.setenv("CORPUS_QA_ANSWER_MODEL", str(out))
    assert Settings().answer_model == out


def test_the_packaged_decision_loads():
    model = model_for(PACKAGED)
    assert model.fitted["split"] == "dev" and len(model.fitted["corpora"]) >= 2


def test_a_questions_gold_sentences_weigh_as_much_as_its_other_candidates():
    from evals.fit import _question_weights

    w = _question_weights(np.array([1.0, 0.0, 0.0, 0.0, 0.0]))
    assert w[0] == pytest.approx(0.5) and w[1:].sum() == pytest.approx(0.5)
    # each question weighs the same, however many candidates and gold sentences it has
    assert _question_weights(np.array([1.0, 1.0, 0.0])).sum() == pytest.approx(1.0)
    assert _question_weights(np.zeros(4)).sum() == pytest.approx(1.0)


def test_the_trials_compose_each_choice_once_with_the_same_outcomes(benches, monkeypatch):
    """The fit's trials (companion ratios) mostly choose the same sentences: each distinct
    choice of a case is composed once per ranking, with the outcome of composing it anew."""
    import itertools

    from qa.service import QAService

    settings, (kettle, leave) = benches
    cases = fit.cases_of([(b.service, b.corpus.split("dev")) for b in (kettle, leave)], settings)
    scorer = fit.fit_scorer(cases)
    ranked = fit._out_of_fold_rankings(cases, scorer)
    memos: list[dict] = [{} for _ in cases]
    trials = list(itertools.product(fit.COMPANION_RATIOS, fit.OTHER_DOCUMENT_RATIOS))
    for ratio, other in trials:
        trial = DecisionModel(scorer, None, 0.0, ratio, other)
        for case, cands, memo in zip(cases, ranked, memos, strict=True):
            assert fit._outcome(case, cands, trial, memo) == fit._outcome(case, cands, trial)
    composed = []
    compose = QAService.compose_answer
    monkeypatch.setattr(
        QAService,
        "compose_answer",
        lambda self, *a, **k: composed.append(1) or compose(self, *a, **k),
    )
    fit.choose(cases, scorer, settings)
    assert sum(len(m) for m in memos) < len(trials) * len(cases)
    assert 0 < len(composed) < len(trials) * len(cases)
