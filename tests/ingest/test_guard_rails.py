"""Issue 13, points 4, 5, 6 and 9: ingests that would empty the index, ids relative to
the corpus root, a size limit per file, symlinks that leave the corpus root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.errors import WouldRemoveAll
from qa.store import Store

ROOT = Path(__file__).resolve().parents[2]
FILES = {
    "a.txt": "Boiler notes\n\nThe boiler pressure should stay between one and two bar.\n",
    "b.md": "# Parking\n\nVisitors park in the yard behind the north gate.\n",
    "sub/c.txt": "Bins\n\nThe paper bin is emptied on Tuesdays and the glass bin on Fridays.\n",
}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def doc_ids(store: Store) -> list[str]:
    return [d.doc_id for d in store.documents()]


# --- point 4: an ingest that would remove every document ---------------------------------
def test_an_empty_folder_does_not_wipe_the_index(tree: Path, tmp_path: Path, settings: Settings):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    version = store.corpus_version()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(WouldRemoveAll, match="--prune") as refused:
        ingest(empty, settings, store=store, progress=False)
    assert "holds no document (.txt, .md," in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert doc_ids(store) == sorted(FILES) and store.corpus_version() == version

    report = ingest(empty, settings, store=store, prune=True, progress=False)
    assert sorted(report.removed) == sorted(FILES)
    assert doc_ids(store) == [] and store.corpus_version() != version
    assert not any(store.audit().values())


def test_a_folder_that_holds_none_of_the_documents_does_not_replace_them(
    tree: Path, tmp_path: Path, settings: Settings
):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    other = tmp_path / "other"
    other.mkdir()
    (other / "z.txt").write_text("Something else entirely.\n", encoding="utf-8")
    with pytest.raises(WouldRemoveAll, match="holds none of them"):
        ingest(other, settings, store=store, progress=False)
    assert doc_ids(store) == sorted(FILES)

    added = ingest(other, settings, store=store, prune=False, progress=False)
    assert added.added == ["z.txt"] and added.removed == []
    assert doc_ids(store) == sorted([*FILES, "z.txt"])


def test_removing_some_documents_needs_no_flag(tree: Path, settings: Settings):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    (tree / "b.md").unlink()
    report = ingest(tree, settings, store=store, progress=False)
    assert report.removed == ["b.md"]


def test_the_cli_refuses_an_empty_folder_until_told_to(tree: Path, tmp_path: Path, settings):
    ingest(tree, settings, progress=False)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "CORPUS_QA_DATA_DIR": str(settings.data_dir)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "qa.cli", "ingest", *args, "--quiet"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip

    refused = run(str(empty))
    assert refused.returncode == 2, refused.stderr
    assert "Refusing to remove 3 of the 3 indexed documents" in refused.stderr
    assert "--prune" in refused.stderr and "Traceback" not in refused.stderr
    assert doc_ids(Store(settings)) == sorted(FILES)
    emptied = run(str(empty), "--allow-empty")
    assert emptied.returncode == 0, emptied.stderr
    assert "removed 3" in emptied.stdout
    assert doc_ids(Store(settings)) == []


# --- point 5: ids relative to the corpus root ---------------------------------------------
def test_one_file_from_a_subfolder_keeps_its_id(tree: Path, settings: Settings):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    (tree / "sub" / "c.txt").write_text("Bins\n\nThe glass bin moved to Mondays.\n")
    report = ingest(tree / "sub" / "c.txt", settings, store=store, progress=False)
    assert report.updated == ["sub/c.txt"] and report.added == []
    assert doc_ids(store) == sorted(FILES), "no second c.txt"
    assert "Mondays" in store.document("sub/c.txt").text


def test_a_subfolder_is_mirrored_without_touching_the_rest(tree: Path, settings: Settings):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    (tree / "sub" / "c.txt").unlink()
    (tree / "sub" / "d.txt").write_text("Keys\n\nSpare keys hang in the office.\n")
    report = ingest(tree / "sub", settings, store=store, progress=False)
    assert (report.added, report.removed) == (["sub/d.txt"], ["sub/c.txt"])
    assert doc_ids(store) == ["a.txt", "b.md", "sub/d.txt"]


def test_the_configured_corpus_folder_is_the_root_of_a_fresh_index(tree: Path, settings):
    configured = settings.model_copy(update={"corpus_dir": tree})
    report = ingest(tree / "sub" / "c.txt", configured, progress=False)
    assert report.added == ["sub/c.txt"]


def test_the_root_is_where_the_index_was_built_from(tree: Path, tmp_path: Path, settings):
    """Not the configured corpus folder (seeds/ by default): the folder last ingested."""
    elsewhere = settings.model_copy(update={"corpus_dir": tmp_path / "unrelated"})
    store = Store(elsewhere)
    ingest(tree, elsewhere, store=store, progress=False)
    assert store.committed().root == str(tree.resolve())
    report = ingest(tree / "sub" / "c.txt", elsewhere, store=store, progress=False)
    assert report.unchanged == ["sub/c.txt"] and report.added == []


# --- point 6: a size limit per file --------------------------------------------------------
def test_files_over_the_size_limit_are_skipped_and_their_old_version_kept(
    tree: Path, settings: Settings
):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    (tree / "a.txt").write_text("Boiler notes\n\n" + "The pressure is fine. " * 200)
    (tree / "big.txt").write_text("Big\n\n" + "Filler sentence here. " * 200)
    small = settings.model_copy(update={"max_file_bytes": 1000})
    report = ingest(tree, small, store=store, progress=False)
    assert sorted(report.skipped) == ["a.txt", "big.txt"]
    why = report.skipped["big.txt"]
    assert "4,405 bytes is over the limit of 1,000 bytes per file" in why
    assert "CORPUS_QA_MAX_FILE_BYTES" in why
    assert report.removed == [] and report.updated == []
    assert store.document("a.txt").text == FILES["a.txt"], "the earlier version stays"
    assert "big.txt" not in doc_ids(store)


def test_a_50_mb_file_is_skipped_at_once_by_default(tree: Path, settings: Settings):
    """It took 20+ minutes and 2.6 GB before; now it is refused before it is read."""
    assert settings.max_file_bytes == 20_000_000
    huge = tree / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50_000_000)  # sparse: costs no disk
    report = ingest(tree, settings, progress=False)
    assert sorted(report.added) == sorted(FILES)
    assert report.skipped["huge.txt"].startswith(
        "huge.txt: 50.0 MB is over the limit of 20.0 MB per file (CORPUS_QA_MAX_FILE_BYTES)"
    )
    assert report.seconds < 60


# --- point 9: symlinks ---------------------------------------------------------------------
def test_symlinks_out_of_the_root_are_skipped_and_inside_ones_followed(
    tree: Path, tmp_path: Path, settings: Settings, caplog
):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "more.txt").write_text("More private text.\n")
    (tree / "passwd.txt").symlink_to(secret)
    (tree / "linked").symlink_to(outside, target_is_directory=True)
    (tree / "alias.txt").symlink_to(tree / "a.txt")  # inside the root: fine
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)  # a cycle

    store = Store(settings)
    report = ingest(tree, settings, store=store, progress=False)
    assert sorted(report.skipped) == ["linked", "passwd.txt"]
    assert "outside the corpus root" in report.skipped["passwd.txt"]
    assert doc_ids(store) == sorted([*FILES, "alias.txt"])
    assert any("passwd.txt" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    alone = ingest(tree / "passwd.txt", settings, store=store, progress=False)
    assert list(alone.skipped) == ["passwd.txt"] and alone.added == []


def test_a_file_replaced_by_an_outside_symlink_leaves_the_index(
    tree: Path, tmp_path: Path, settings: Settings
):
    store = Store(settings)
    ingest(tree, settings, store=store, progress=False)
    secret = tmp_path / "secret.txt"
    secret.write_text("private\n")
    (tree / "b.md").unlink()
    (tree / "b.md").symlink_to(secret)
    report = ingest(tree, settings, store=store, progress=False)
    assert report.removed == ["b.md"] and "b.md" in report.skipped
    assert "b.md" not in doc_ids(store)
