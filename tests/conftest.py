"""Every test gets its own data directory; the seed index is built once per session.

Real components throughout: embedded Chroma on disk, the packaged MiniLM model.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import Server, run_server

from qa import config
from qa.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "test-artifacts"


def _clear_caches() -> None:
    from qa.service import get_service

    config.get_settings.cache_clear()
    get_service.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One ONNX export of the embedding model for the whole session (it takes ~10 s),
    shared by every data directory and every server a test starts."""
    folder = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORPUS_QA_MODEL_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point anything that reads the environment at a fresh temporary index."""
    data_dir = tmp_path / "index"
    monkeypatch.setenv("CORPUS_QA_DATA_DIR", str(data_dir))
    for var in (
        "CORPUS_QA_CHROMA_URL",
        "CORPUS_QA_API_KEY",
        "CORPUS_QA_ADMIN_KEY",
        "CORPUS_QA_LLM_PROVIDER",
    ):
        monkeypatch.delenv(var, raising=False)
    _clear_caches()
    yield data_dir
    _clear_caches()


@pytest.fixture
def settings(isolated_data_dir: Path) -> Settings:
    return Settings(data_dir=isolated_data_dir)


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once; tests that only read share it."""
    from ingest.pipeline import ingest

    data_dir = tmp_path_factory.mktemp("seed-index")
    report = ingest(SEEDS, Settings(data_dir=data_dir), progress=False)
    assert sorted(report.added) == sorted(p.name for p in SEEDS.glob("*.txt"))
    return data_dir


@pytest.fixture(scope="session")
def seed_settings(seed_index_dir: Path) -> Settings:
    return Settings(data_dir=seed_index_dir)


@pytest.fixture(scope="session")
def seed_service(seed_settings: Settings):
    from qa.service import QAService

    return QAService(seed_settings)


@pytest.fixture
def seeded_env(seed_index_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private copy of the seed index, and the environment pointing at it."""
    data_dir = tmp_path / "seeded"
    shutil.copytree(seed_index_dir, data_dir)
    monkeypatch.setenv("CORPUS_QA_DATA_DIR", str(data_dir))
    _clear_caches()
    return data_dir


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small editable corpus: the two seeds plus nothing else."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture(scope="module")
def fake_llm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The scripted OpenAI-protocol server (tests/fake_llm.py), one per test module that asks."""
    log = tmp_path_factory.mktemp("fake-llm") / "fake.log"
    with run_server([sys.executable, str(ROOT / "tests" / "fake_llm.py")], {}, log) as server:
        yield server


def artifacts_dir(name: str) -> Path:
    path = ARTIFACTS / name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under `make test-llm` (CORPUS_QA_TEST_LLM_REQUIRED=1) a skipped test, or none at all,
    fails the run: there, a skip would hide a failure."""
    if os.environ.get("CORPUS_QA_TEST_LLM_REQUIRED") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped or not session.testscollected:
        if reporter:
            reporter.write_line(
                f"CORPUS_QA_TEST_LLM_REQUIRED=1: {skipped} skipped, "
                f"{session.testscollected} collected; every real-LLM test must run",
                red=True,
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
