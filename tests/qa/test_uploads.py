"""The upload checks on their own: names that could escape or hide in the corpus folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qa.errors import BadUpload, UnsupportedFile, UploadTooLarge
from qa.uploads import IncomingFile, check_name, stage, target_path


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("", "no name"),
        ("a\x00.md", "control character"),
        ("a\n.md", "control character"),
        ("a\ud800.md", "not valid Unicode"),
        ("..", "'..'"),
        ("a/./b.md", "'.'"),
        ("a//b.md", "empty"),
        ("x" * 300 + ".md", "too long"),
        ("sub/.git/config.md", "starts with '.'"),
    ],
)
def test_bad_names_are_refused_with_the_reason(name: str, says: str):
    with pytest.raises(BadUpload) as refused:
        check_name(name)
    assert says in str(refused.value)
    assert not isinstance(refused.value, UnsupportedFile)


def test_good_names_are_kept_as_given():
    assert check_name("Rapport annuel é 2024.PDF") == "Rapport annuel é 2024.PDF"
    assert check_name("  sub/notes.md ") == "sub/notes.md"


def test_a_symlinked_folder_leading_outside_is_refused(tmp_path: Path):
    root, outside = tmp_path / "corpus", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "sub").symlink_to(outside)
    (root / "link.md").symlink_to(outside / "x.md")
    with pytest.raises(BadUpload, match="outside the corpus folder"):
        target_path(root, "sub/x.md")
    with pytest.raises(BadUpload, match="outside the corpus folder"):
        target_path(root, "link.md")
    assert target_path(root, "new/x.md") == root.resolve() / "new" / "x.md"


def test_staging_stops_at_the_size_limit(tmp_path: Path):
    incoming = IncomingFile("a.md", io.BytesIO(b"# A\n" + b"x" * 5000))
    with pytest.raises(UploadTooLarge, match="CORPUS_QA_MAX_FILE_BYTES"):
        stage(incoming, "a.md", tmp_path / "0", max_bytes=4096)
    staged = stage(IncomingFile("a.md", io.BytesIO(b"# A\nbody\n")), "a.md", tmp_path / "1", 4096)
    assert (staged.size, (tmp_path / "1").read_bytes()) == (9, b"# A\nbody\n")


def test_requests_probing_for_writers_at_once_do_not_refuse_each_other(tmp_path: Path):
    """Two uploads arriving together each probe the writer lock; one probe must not read
    as "another writer" to the other (CI saw a 409 for the second of two uploads)."""
    import threading

    from qa.config import Settings
    from qa.errors import WriterBusy
    from qa.jobs import JobRunner

    runner = JobRunner(Settings(data_dir=tmp_path / "data"), store=None)  # the probe reads no store
    refused: list[WriterBusy] = []
    for _ in range(40):
        start = threading.Barrier(6)

        def probe(start: threading.Barrier = start) -> None:
            start.wait()
            try:
                runner._check_not_busy()
            except WriterBusy as exc:
                refused.append(exc)

        threads = [threading.Thread(target=probe) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert refused == []


def test_a_file_is_never_shown_added_without_its_pages_and_passages(settings):
    """Each saved state of a job is what a poller sees. A file read as "added" without its
    facts showed "Added" and then, a poll later, "Added: 2 passages" (the browser test saw
    it once under load): the facts must come with the status."""
    from qa.jobs import JobRunner
    from qa.store import Store

    runner = JobRunner(settings, Store(settings))
    seen: list[tuple[str, int | None]] = []
    save = runner.records.save

    def record(job) -> None:
        seen.extend((f.status, f.passage_count) for f in job.files)
        save(job)

    runner.records.save = record
    body = (
        b"# Tides\n\nThe harbour closes at dusk.\n\n## Fees\n\nA berth costs ten pounds a night.\n"
    )
    job = runner.submit([IncomingFile("tides.md", io.BytesIO(body))])
    assert runner.wait_idle(120)
    assert runner.job(job.job_id).files[0].status == "added"
    added = [count for status, count in seen if status == "added"]
    assert added and all(count for count in added), seen
