"""evals.fit v0 and its output: the product's fitted defaults."""

import itertools
import json
from pathlib import Path

import pytest

from evals import fit
from evals import metrics as m
from evals.dataset import load_corpus
from evals.run import fit_main, open_bench
from qa.answer.extractive import select
from qa.config import Settings, fitted_settings

TINY = Path(__file__).parent / "data" / "corpora"


@pytest.fixture(scope="module")
def benches(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("fit"))
    return settings, [
        open_bench(settings, load_corpus(TINY / s), False) for s in ("kettle", "leave")
    ]


def test_the_sweeps_shortcut_equals_the_plain_grid(benches):
    """sweep() selects once per side of each item's best cosine, not per grid point: the
    outcome must be exactly what trying every grid point gives."""
    settings, (kettle, leave) = benches
    train = [(b.service, b.corpus.items) for b in (kettle, leave)]
    fast = fit.sweep(train, settings)
    for values, row in zip(itertools.product(*fit.GRID.values()), fast, strict=True):
        variant = settings.model_copy(update=dict(zip(fit.GRID, values, strict=True)))
        total = 0
        for service, items in train:
            for item in items:
                prep = fit.prepared(service, item, settings.top_k)
                selection = select(prep.profile, prep.candidates, variant, prep.snapshot)
                abstained = selection.abstain_reason is not None
                text = "" if abstained else service.compose_answer(prep, selection).answer
                ok = (
                    (not abstained and m.key_facts_present(text, item.key_facts))
                    if item.answerable
                    else abstained
                )
                total += m.crag(item.answerable, abstained, ok)
        assert row["crag"] == total / 16, values


def test_fit_returns_overrides_of_the_grids_settings(benches):
    settings, (kettle, _) = benches
    overrides = fit.fit([(kettle.service, kettle.corpus.split("dev"))], settings)
    assert set(overrides) == set(fit.GRID)
    assert all(overrides[k] in fit.GRID[k] for k in fit.GRID)
    with pytest.raises(ValueError, match="no training items"):
        fit.fit([(kettle.service, [])], settings)


def test_corpus_qa_fit_writes_the_defaults_the_settings_load(benches, tmp_path, monkeypatch):
    settings, _ = benches
    out = tmp_path / "fitted.json"
    assert fit_main(settings, root=TINY, out=out, progress=False) == 0
    written = json.loads(out.read_text())
    assert "kettle (4)" in written["fitted_by"] and "leave (4)" in written["fitted_by"]
    assert set(written["settings"]) == set(fit.GRID)
    assert fitted_settings(out) == written["settings"]
    # The product reads them as defaults; the environment still wins.
    monkeypatch.setattr("qa.config.FITTED", out)
    monkeypatch.setitem(written["settings"], "focus_similarity", 0.123)
    out.write_text(json.dumps(written))
    assert Settings().focus_similarity == 0.123
    monkeypatch.setenv("CORPUS_QA_FOCUS_SIMILARITY", "0.5")
    assert Settings().focus_similarity == 0.5
    out.write_text(json.dumps({"settings": {"focus_similarty": 0.5}}))
    with pytest.raises(ValueError, match="unknown settings \\['focus_similarty'\\]"):
        Settings()


def test_the_shipped_fitted_file_names_only_settings():
    assert set(fitted_settings()) <= set(Settings.model_fields)
    assert set(fitted_settings()) == set(fit.GRID)  # fit v0 tunes these three
