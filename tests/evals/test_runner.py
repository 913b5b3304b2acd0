"""The multi-corpus runner on two tiny corpora: fit on dev only, LOCO never fits on the
corpus it scores, results.json is deterministic, and the gate names corpus and metric."""

import json
from pathlib import Path

import pytest

from evals import fit as fit_module
from evals import run
from qa import cli
from qa.config import Settings
from qa.errors import DatasetError

TINY = Path(__file__).parent / "data" / "corpora"


class RecordingFit:
    """The real fit, recording which corpora and items it was given."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, str]]] = []

    def __call__(self, train, settings):
        self.calls.append([(item.id, item.split) for _, items in train for item in items])
        return fit_module.fit(train, settings)


@pytest.fixture(scope="module")
def eval_settings(tmp_path_factory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("eval-tiny"))


@pytest.fixture(scope="module")
def loco_run(eval_settings):
    recorder = RecordingFit()
    results, timings = run.run_eval(
        eval_settings, TINY, loco=True, progress=False, llm_judge=False, fit=recorder
    )
    return results, timings, recorder


def test_each_question_is_gathered_once_however_many_decisions_ask_it(eval_settings):
    """Retrieval and features do not depend on the fitted decision: the headline's fit, its
    answers and each LOCO fit and answer share one gathering per question."""
    from qa.service import QAService

    gathered: list[str] = []
    prepare = QAService.prepare
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            QAService,
            "prepare",
            lambda self, question, *a, **k: (
                gathered.append(question) or prepare(self, question, *a, **k)
            ),
        )
        results, _ = run.run_eval(
            eval_settings, TINY, ["kettle"], loco=True, progress=False, llm_judge=False
        )
    asked = [r["id"] for r in results["corpora"]["kettle"]["loco"]["items"]]
    assert len(asked) == 8 and "loco" in results["fit"] and results["corpora"]["kettle"]["test"]
    assert len(gathered) == len(set(gathered)), sorted(gathered)


def test_the_fit_sees_dev_items_only_and_loco_never_sees_the_scored_corpus(loco_run):
    results, _, recorder = loco_run
    headline, *loco = recorder.calls
    assert all(split == "dev" for call in recorder.calls for _, split in call)
    assert {i[0] for i, _ in headline} == {"k", "l"}  # both corpora's dev items
    assert results["fit"]["headline"]["trained_on"] == {"kettle": 4, "leave": 4}
    # One LOCO fit per corpus, in order: kettle's saw only leave's items, and vice versa.
    assert [{i[0] for i, _ in call} for call in loco] == [{"l"}, {"k"}]
    assert results["fit"]["loco"]["kettle"]["trained_on"] == {"leave": 4}
    assert results["fit"]["loco"]["leave"]["trained_on"] == {"kettle": 4}
    for slug, prefix in (("kettle", "k-"), ("leave", "l-")):
        entry = results["corpora"][slug]
        assert {r["split"] for r in entry["test"]["items"]} == {"test"}
        assert {r["split"] for r in entry["dev"]["items"]} == {"dev"}
        loco_ids = [r["id"] for r in entry["loco"]["items"]]
        assert len(loco_ids) == 8 and all(i.startswith(prefix) for i in loco_ids)  # ALL items


def test_figures_per_corpus_category_and_everyday_with_intervals(loco_run):
    results, timings, _ = loco_run
    kettle = results["corpora"]["kettle"]
    assert kettle["dataset"] == {
        "path": "kettle/questions.jsonl",
        "sha256": kettle["dataset"]["sha256"],
        "items": 8,
        "dev": 4,
        "test": 4,
    }
    assert "8 questions; the format asks for at least 60" in kettle["checks"]
    for part in ("test", "dev", "loco"):
        figures = kettle[part]
        crag = figures["metrics"]["crag_score"]
        assert crag["n"] == figures["outcomes"]["items"] and len(crag["ci95"]) == 2
        assert sum(g["n"] for g in figures["per_category"].values()) == crag["n"]
        assert set(figures["per_everyday"]) == {"everyday", "plain"}
        assert figures["per_everyday"]["everyday"]["correct"]["ci95"][0] is not None
    # Citations always quote their document exactly.
    for entry in results["corpora"].values():
        for part in ("test", "dev", "loco"):
            validity = entry[part]["metrics"]["citation_validity"]["value"]
            assert validity in (None, 1.0)
    assert set(timings["corpora"]) == {"kettle", "leave"}
    assert "latency" not in json.dumps(results)


def test_two_runs_write_byte_identical_results(loco_run, eval_settings, tmp_path):
    results, timings, _ = loco_run
    run.write_outputs(results, timings, tmp_path / "first", [])
    second = tmp_path / "second"  # a second run, through the command's code path
    run.main(eval_settings, second, TINY, loco=True, progress=False, llm_judge=False)
    first = (tmp_path / "first" / "results.json").read_bytes()
    assert (second / "results.json").read_bytes() == first
    for name in ("timings.json", "report.md", "chart.png"):
        assert (second / name).stat().st_size > 0
    report = (second / "report.md").read_text()
    assert "## kettle: Aurora kettle" in report and "| crag_score |" in report


def test_one_corpus_and_one_split(eval_settings):
    results, _ = run.run_eval(
        eval_settings, TINY, ["leave"], split="test", progress=False, llm_judge=False
    )
    assert list(results["corpora"]) == ["leave"] and not results["complete"]
    entry = results["corpora"]["leave"]
    assert "test" in entry and "dev" not in entry and "loco" not in entry
    assert {r["split"] for r in entry["test"]["items"]} == {"test"}
    # The fit still learns from every corpus's dev items, as in a full run.
    assert results["fit"]["headline"]["trained_on"] == {"kettle": 4, "leave": 4}
    with pytest.raises(DatasetError, match=r"unknown corpus nope: the corpora in .* kettle, leave"):
        run.run_eval(eval_settings, TINY, ["nope"], progress=False)


def test_the_gate_names_the_corpus_the_figures_and_the_metric(loco_run):
    results, _, _ = loco_run
    thresholds = {
        "judge_balanced_accuracy": 0.9,
        "all_corpora": {"hit_at_6": 0.0},
        "kettle": {"crag_score": 1.01},
        "loco": {"leave": {"key_fact_accuracy": 1.01}},
    }
    failures = run.gate(results, thresholds)
    assert failures == [
        "kettle test crag_score = "
        f"{results['corpora']['kettle']['test']['metrics']['crag_score']['value']} "
        "is below its threshold 1.01",
        "leave test: no floors; add a [extractive.leave] table to evals/thresholds.toml, "
        "just under its measured baseline",
        "leave loco key_fact_accuracy = "
        f"{results['corpora']['leave']['loco']['metrics']['key_fact_accuracy']['value']} "
        "is below its threshold 1.01",
    ]
    # A floor on a figure that was not measured fails, and says so.
    unmeasured = run.gate(results, {"kettle": {"no_such_figure": 0.5}, "leave": {}})
    assert unmeasured == [
        "kettle test no_such_figure has no figure (nothing to measure it on, e.g. no answer "
        "cited anything); its threshold is 0.5"
    ]
    # Floors for a corpus that has no figures in a full run fail too.
    gone = run.gate(results, {"kettle": {}, "leave": {}, "manual": {"crag_score": 0.1}})
    assert gone == ["manual: has floors but no figures (is evals/data/manual missing?)"]


def test_a_fit_that_leaves_the_packaged_decision_in_place_is_refused(eval_settings):
    """The packaged decision was fitted on every corpus's dev items, the left-out one's too:
    a fit that does not replace it would leak it into LOCO."""
    with pytest.raises(ValueError, match=r"must return the answer_model"):
        run.run_eval(
            eval_settings, TINY, split="test", progress=False, llm_judge=False,
            fit=lambda train, settings: {"top_k": 6},
        )  # fmt: skip


def test_the_cli_runs_one_corpus_and_exits_non_zero_naming_the_failure(
    eval_settings, tmp_path, monkeypatch, capsys
):
    strict = tmp_path / "strict.toml"
    strict.write_text("[extractive.kettle]\nkey_fact_accuracy = 1.01\n")
    monkeypatch.setattr(run, "THRESHOLDS", strict)
    monkeypatch.setenv("CORPUS_QA_DATA_DIR", str(eval_settings.data_dir))
    out = tmp_path / "out"
    argv = ["eval", "--data", str(TINY), "--corpus", "kettle", "--split", "test", "--quiet"]
    assert cli.main([*argv, "--out", str(out), "--no-llm-judge"]) == 1
    assert "kettle test key_fact_accuracy" in capsys.readouterr().err
    assert list(json.loads((out / "results.json").read_text())["corpora"]) == ["kettle"]
