"""The CI gate: `corpus-qa eval --loco` on every corpus in evals/data, through the same code
as the command, against evals/thresholds.toml."""

import json

import pytest

from evals import run
from evals.dataset import discover
from qa.config import Settings

# The whole eval: every corpus's index built, the headline fit and one per left-out corpus,
# and every question asked; about five minutes on two cores, past the suite's default
# timeout of 300 s.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def full_run(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("eval-index"))
    out = tmp_path_factory.mktemp("eval-out")
    code = run.main(settings, out, loco=True, progress=False, llm_judge=False)
    return code, out


def test_the_gate_passes_on_every_corpus_test_and_loco(full_run):
    code, out = full_run
    results = json.loads((out / "results.json").read_text())
    failures = run.gate(results, run.load_thresholds("extractive"))
    assert code == 0 and failures == [], failures
    assert sorted(results["corpora"]) == [p.name for p in discover()]
    floors = run.load_thresholds("extractive")
    for slug, entry in results["corpora"].items():
        assert slug in floors and slug in floors["loco"], f"{slug} is not gated"
        for part in ("test", "dev", "loco"):
            assert entry[part]["outcomes"]["errors"] == 0, (slug, part)
            assert entry[part]["metrics"]["citation_validity"]["value"] == 1.0, (slug, part)
    for name in ("results.json", "timings.json", "report.md", "chart.png"):
        assert (out / name).stat().st_size > 0
    assert results["judge"]["pairs"] >= 150
