"""Issue 13, points 1-3: an ingest killed at any phase, and two ingests at once.

Each crash runs the real `corpus-qa ingest` in a subprocess that dies (`os._exit`, as a
kill -9 would) at a named phase (qa.lock.PHASES); the test then checks what readers see
while the dead ingest's leftovers are in the store, runs ingest again, and checks that
nothing is stale, orphaned, duplicated or lost, and that a long-lived service finds the
new documents without a restart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.errors import IndexMissing
from qa.lock import CRASH_EXIT, PHASES, writer_lock
from qa.retrieve import Query
from qa.service import QAService
from qa.store import Store

ROOT = Path(__file__).resolve().parents[2]
# Small passages, so a few short files make several passages each.
ENV = {"CORPUS_QA_PASSAGE_MAX_TOKENS": "32"}

FIRST = {
    "kettle.txt": (
        "Kettle manual\n\nFill the kettle with fresh water up to the MAX mark. Never run it "
        "empty.\n\nPress the switch once; the light turns red while the water heats. It "
        "switches off by itself when the water boils.\n\nDescale the kettle every month "
        "with white vinegar and rinse it twice.\n"
    ),
    "lease.md": (
        "# Lease terms\n\nThe tenant pays the rent on the first working day of each month. "
        "A late payment costs a fee of twenty euros.\n\nEither party may end the lease "
        "with three months of notice in writing.\n\nPets are allowed with the landlord's "
        "written consent.\n"
    ),
    "club/hikes.txt": (
        "Hiking club notes\n\nThe spring hike starts at the old mill at eight in the "
        "morning. Bring water and a rain jacket.\n\nThe club treasurer, Marta Lind, "
        "collects the yearly fee of fifteen euros in March.\n"
    ),
}
# The update: one file edited in the middle, one added, one removed.
SECOND = {
    "kettle.txt": FIRST["kettle.txt"].replace(
        "Press the switch once; the light turns red while the water heats.",
        "Press the switch once and wait; the light turns blue while the water heats up.",
    ),
    "club/hikes.txt": FIRST["club/hikes.txt"],
    "garden.txt": (
        "Community garden rules\n\nThe compost bins are emptied by the volunteer "
        "gardener, Tomas Berg, every second Saturday.\n\nWater the beds before nine in "
        "the morning or after six in the evening.\n"
    ),
}
NEW_DOC_QUESTION = "Who empties the compost bins?"
# An early insertion: the kettle manual's later passages keep their text but all move.
SHIFTED = {
    **FIRST,
    "kettle.txt": FIRST["kettle.txt"].replace(
        "Kettle manual\n\n", "Kettle manual\n\nRead this page first and keep it for later.\n\n"
    ),
}


def write_corpus(folder: Path, files: dict[str, str]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def cli_ingest(
    corpus: Path, data_dir: Path, crash: str | None = None, **env: str
) -> subprocess.CompletedProcess:
    extra = {**ENV, "CORPUS_QA_DATA_DIR": str(data_dir), **env}
    if crash:
        extra["CORPUS_QA_TEST_CRASH_AT"] = crash
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", "ingest", str(corpus), "--quiet"],
        cwd=ROOT, env={**os.environ, **extra}, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def settings_for(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, passage_max_tokens=int(ENV["CORPUS_QA_PASSAGE_MAX_TOKENS"]))


def assert_consistent(settings: Settings, files: dict[str, str]) -> None:
    """Exactly the files' documents, whole, each passage once, nothing else stored."""
    store = Store(settings)
    docs = {d.doc_id: d for d in store.documents()}
    assert sorted(docs) == sorted(files), "nothing lost, nothing extra"
    lists = store.passage_lists()
    for doc_id, text in files.items():
        assert store.document(doc_id).text == text
        ids = lists[doc_id]
        passages = store.passages(ids)
        assert len(passages) == len(ids) == docs[doc_id].passage_count
        for p in passages.values():
            assert p.doc_id == doc_id and text[p.start : p.end] == p.text
    problems = {k: v for k, v in store.audit().items() if v}
    assert not problems, problems


def finds(service: QAService, question: str, doc_id: str) -> None:
    """Dense, BM25 and the answer all reach the document."""
    snapshot = service.snapshot()
    query = Query(question, service.index.embedder.embed_query(question))
    for kind in ("dense", "bm25"):
        hits = service.index.retriever(snapshot, kind).retrieve(query, 3)
        assert doc_id in {snapshot.owner[h.passage_id] for h in hits}, kind
    answer = service.ask(question)
    assert not answer.abstained and answer.citations[0].doc_id == doc_id, answer.answer


@pytest.fixture(scope="module")
def first_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FIRST ingested once, in-process; each update case copies it."""
    folder = tmp_path_factory.mktemp("first")
    write_corpus(folder / "corpus", FIRST)
    report = ingest(folder / "corpus", settings_for(folder / "index"), progress=False)
    assert sorted(report.added) == sorted(FIRST)
    return folder / "index"


WRITES = PHASES[: PHASES.index("after_version")]  # before the commit


@pytest.mark.parametrize("phase", WRITES)
def test_a_first_ingest_killed_before_its_commit_is_redone(phase: str, tmp_path: Path):
    corpus, data_dir = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, FIRST)
    crashed = cli_ingest(corpus, data_dir, crash=phase)
    assert crashed.returncode == CRASH_EXIT, crashed.stderr

    settings = settings_for(data_dir)
    assert Store(settings).documents() == [], "nothing is visible before the commit"
    with pytest.raises(IndexMissing, match="corpus-qa ingest"):
        QAService(settings).snapshot()

    report = ingest(corpus, settings, progress=False)
    assert sorted(report.added) == sorted(FIRST)
    if phase in ("after_documents", "before_version"):
        assert report.passages_embedded == 0, "the dead ingest's vectors are reused"
    assert_consistent(settings, FIRST)
    finds(QAService(settings), "Who collects the yearly fee?", "club/hikes.txt")


@pytest.mark.parametrize("phase", PHASES)
def test_an_update_killed_at_any_phase_is_repaired_by_the_next_ingest(
    phase: str, tmp_path: Path, first_index: Path
):
    corpus, data_dir = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(first_index, data_dir)
    settings = settings_for(data_dir)
    service = QAService(settings)  # a long-lived server: its snapshot is the old version
    old_version = service.snapshot().version
    write_corpus(corpus, SECOND)

    crashed = cli_ingest(corpus, data_dir, crash=phase)
    assert crashed.returncode == CRASH_EXIT, crashed.stderr

    # Readers see one whole version: the old one before the commit, the new one after.
    committed = PHASES.index(phase) >= PHASES.index("after_version")
    store = Store(settings)
    visible = {d.doc_id: store.document(d.doc_id).text for d in store.documents()}
    assert visible == (SECOND if committed else FIRST)
    assert (store.corpus_version() != old_version) == committed
    lists = store.passage_lists()
    assert all(len(store.passages(ids)) == len(ids) for ids in lists.values())

    report = ingest(corpus, settings, progress=False)
    if not committed:
        assert (report.added, report.updated, report.removed) == (
            ["garden.txt"],
            ["kettle.txt"],
            ["lease.md"],
        )
    else:
        assert report.added == report.updated == report.removed == []
        assert sorted(report.unchanged) == sorted(SECOND)
    assert_consistent(settings, SECOND)
    # The server that loaded the old version finds the new document without a restart.
    assert service.snapshot().version != old_version
    finds(service, NEW_DOC_QUESTION, "garden.txt")


def serves_whole(service: QAService, files: dict[str, str]) -> None:
    """Every passage of the service's version, read from the store now, lies where it
    says in its document, and an answer's citations quote their documents exactly."""
    snapshot = service.snapshot()
    assert sorted(snapshot.documents) == sorted(files)
    for doc_id, ids in snapshot.documents.items():
        text = snapshot.document_text(doc_id)
        assert text == files[doc_id]
        passages = snapshot.passages(ids)
        assert len(passages) == len(ids)
        for p in passages:
            assert text[p.start : p.end] == p.text, (doc_id, p.start, p.end)
    answer = service.ask("How often should the kettle be descaled?")
    assert answer.citations, answer.answer
    for c in answer.citations:
        assert snapshot.document_text(c.doc_id)[c.start : c.end] == c.quote


@pytest.mark.parametrize("phase", WRITES)
def test_a_shifting_update_killed_before_its_commit_leaves_readers_the_old_passages(
    phase: str, tmp_path: Path, first_index: Path
):
    """An insertion near the top moves every later passage of the document. Their new
    records go in under new ids, so a server reading the old version, before the
    commit or after a crash there, still gets each passage at its old offsets."""
    corpus, data_dir = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(first_index, data_dir)
    settings = settings_for(data_dir)
    service = QAService(settings)
    old_version = service.snapshot().version  # its passages are read later, from the store
    kettle = {
        p.text
        for p in Store(settings).passages(service.snapshot().documents["kettle.txt"]).values()
    }
    write_corpus(corpus, SHIFTED)

    crashed = cli_ingest(corpus, data_dir, crash=phase)
    assert crashed.returncode == CRASH_EXIT, crashed.stderr
    store = Store(settings)
    if PHASES.index(phase) >= PHASES.index("after_passages"):
        written = store.passages(store.audit()["orphan_passages"]).values()
        assert len(kettle & {p.text for p in written}) == 2, "moved passages, under new ids"
    assert service.snapshot().version == old_version
    serves_whole(service, FIRST)

    report = ingest(corpus, settings, progress=False)
    assert report.updated == ["kettle.txt"] and report.added == report.removed == []
    # The moved passages take their old vectors; only the new first one is embedded,
    # unless the dead ingest's own record of it survived to be reused.
    resumed = phase in ("after_documents", "before_version")
    assert report.passages_embedded == (0 if resumed else 1)
    assert_consistent(settings, SHIFTED)
    assert service.snapshot().version != old_version
    serves_whole(service, SHIFTED)


def test_a_second_ingest_waits_for_the_first_or_is_refused(tmp_path: Path):
    corpus, data_dir = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, FIRST)
    settings = settings_for(data_dir)
    log = tmp_path / "waiting.log"
    with writer_lock(settings):  # this test is the other writer
        refused = cli_ingest(corpus, data_dir, CORPUS_QA_WRITE_LOCK_WAIT="0")
        assert refused.returncode == 3, refused.stderr
        assert f"pid {os.getpid()}" in refused.stderr
        assert "CORPUS_QA_WRITE_LOCK_WAIT" in refused.stderr
        assert "Traceback" not in refused.stderr
        # Readers never wait for the lock.
        started = time.monotonic()
        listing = subprocess.run(
            [sys.executable, "-m", "qa.cli", "documents"], cwd=ROOT, capture_output=True,
            text=True, timeout=60, env={**os.environ, "CORPUS_QA_DATA_DIR": str(data_dir)},
        )  # fmt: skip
        assert "Nothing has been ingested yet" in listing.stderr
        assert time.monotonic() - started < 30

        with log.open("w") as out:
            waiting = subprocess.Popen(
                [sys.executable, "-m", "qa.cli", "ingest", str(corpus), "--quiet"],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, text=True,
                env={**os.environ, **ENV, "CORPUS_QA_DATA_DIR": str(data_dir)},
            )  # fmt: skip
            try:
                deadline = time.monotonic() + 60
                while "another ingest is running" not in log.read_text():
                    assert waiting.poll() is None, log.read_text()
                    assert time.monotonic() < deadline, log.read_text()
                    time.sleep(0.1)
                assert f"pid {os.getpid()}" in log.read_text()
            except BaseException:
                waiting.kill()
                raise
    assert waiting.wait(timeout=120) == 0, log.read_text()
    assert "added 3" in log.read_text()
    assert_consistent(settings, FIRST)


def test_two_concurrent_ingests_leave_one_consistent_index(tmp_path: Path):
    corpus, data_dir = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, FIRST)
    env = {**os.environ, **ENV, "CORPUS_QA_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "qa.cli", "ingest", str(corpus), "--quiet"]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    both = [subprocess.Popen(command, cwd=ROOT, env=env, **pipes) for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in both]
    assert [p.returncode for p in both] == [0, 0], outputs
    summaries = sorted(out.strip().splitlines()[-1] for out, _ in outputs)
    assert summaries[0].startswith("added 0, updated 0, removed 0, unchanged 3"), summaries
    assert summaries[1].startswith("added 3, updated 0, removed 0, unchanged 0"), summaries
    settings = settings_for(data_dir)
    assert_consistent(settings, FIRST)
    finds(QAService(settings), "Who collects the yearly fee?", "club/hikes.txt")
