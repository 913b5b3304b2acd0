"""The eval gate on the seed corpus, through the same code as `corpus-qa eval`."""

import json

import pytest

from evals import run
from evals.run import gate, load_thresholds

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def first_run(seed_settings, tmp_path_factory):
    out = tmp_path_factory.mktemp("eval-1")
    code = run.main(seed_settings, None, "extractive", out, progress=False)
    return code, out


def test_the_gate_passes_on_the_seed_corpus(first_run):
    code, out = first_run
    results = json.loads((out / "results.json").read_text())
    failures = gate(results, load_thresholds("extractive"))
    assert code == 0 and failures == [], failures
    for name in ("results.json", "timings.json", "report.md", "chart.png"):
        assert (out / name).stat().st_size > 0
    assert results["metrics"]["citation_validity"]["value"] == 1.0
    assert results["judge"]["pairs"] >= 150
    assert "latency" not in json.dumps(results["metrics"])


def test_two_runs_write_byte_identical_results(first_run, seed_settings, tmp_path):
    _, out = first_run
    assert run.main(seed_settings, None, "extractive", tmp_path, progress=False) == 0
    assert (tmp_path / "results.json").read_bytes() == (out / "results.json").read_bytes()


def test_the_gate_names_each_metric_below_its_floor(first_run):
    _, out = first_run
    results = json.loads((out / "results.json").read_text())
    failures = gate(
        results, {"key_fact_accuracy": 1.01, "judge_balanced_accuracy": 1.01, "faithfulness": 0.0}
    )
    assert len(failures) == 2
    assert any(f.startswith("key_fact_accuracy") for f in failures)
    assert any(f.startswith("judge_balanced_accuracy") for f in failures)


def test_the_cli_exits_non_zero_and_names_the_metric(
    first_run, seed_settings, tmp_path, monkeypatch, capsys
):
    strict = tmp_path / "strict.toml"
    strict.write_text("[extractive]\nkey_fact_accuracy = 1.01\n")
    monkeypatch.setattr(run, "THRESHOLDS", strict)
    monkeypatch.setattr(
        run, "load_thresholds", lambda mode, path=strict: load_thresholds(mode, path)
    )
    assert run.main(seed_settings, None, "extractive", tmp_path / "out", progress=False) == 1
    assert "key_fact_accuracy" in capsys.readouterr().err
