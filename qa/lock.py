"""One writer per data dir: an OS file lock on `<data dir>/write.lock`.

Two ingests writing to one embedded Chroma at once corrupted it ("Failed to apply logs to
the hnsw segment writer", issue 13), and two writers would also each commit a corpus
version computed from a state the other was changing. So every process that writes
holds `writer_lock` for the whole of its work, from reading the committed state to the
commit:

    with writer_lock(settings):                  # waits up to CORPUS_QA_WRITE_LOCK_WAIT
        ...                                      # read, plan, write, commit

`ingest.pipeline.ingest` takes it itself; a front end that must not keep a request waiting
(an upload) passes `wait=0` and turns `WriterBusy` into "try again later". Readers never
take it: they read the last committed version (qa/store.py).

Why `fcntl.flock`: the kernel releases it when the holder dies, however it dies (kill -9
included), so there is no stale lock to clean up and no PID file to trust. The lock
file's content (pid, host, purpose, since) only serves the waiting process's message.
The lock is re-entrant within a process (a per-path RLock in front of the file lock), so
threads of one server queue up behind each other and a writer may call a helper that
takes the lock again.

Limit: the lock serialises the writers that share this data dir, i.e. one machine (flock
over NFS is emulated with POSIX locks; it works on Linux clients, but a local disk is
safer). In Chroma server mode (CORPUS_QA_CHROMA_URL) the store is elsewhere, so writers
are serialised only if they use the same data dir: set CORPUS_QA_DATA_DIR to one absolute
path (the default `.corpus-qa` is relative to the working directory), and run ingests from
one machine. Chroma offers no atomic compare-and-set that a lock across machines could be
built on.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from qa.config import Settings
from qa.errors import WriterBusy

log = logging.getLogger(__name__)
LOCK_NAME = "write.lock"
CRASH_EXIT = 75  # the exit status of a `crash_point` (tests only)
_POLL_SECONDS = 0.2

_registry_guard = threading.Lock()
_thread_locks: dict[Path, threading.RLock] = {}
_depth: dict[Path, int] = {}
_files: dict[Path, int] = {}


def lock_path(settings: Settings) -> Path:
    return settings.data_dir.resolve() / LOCK_NAME


def held(settings: Settings) -> bool:
    """True when this process holds the data dir's write lock."""
    with _registry_guard:
        return _depth.get(lock_path(settings), 0) > 0


@contextmanager
def writer_lock(
    settings: Settings, *, wait: float | None = None, purpose: str = "ingest"
) -> Iterator[None]:
    """Hold the data dir's write lock; wait up to `wait` seconds (default
    `settings.write_lock_wait`) for another writer, then raise `WriterBusy`."""
    path = lock_path(settings)
    wait = settings.write_lock_wait if wait is None else wait
    deadline = time.monotonic() + wait
    local = _thread_lock(path)
    if not local.acquire(blocking=False):
        log.warning(
            "another writer in this process is using %s; waiting up to %.0f s", path.parent, wait
        )
        if not local.acquire(timeout=wait):
            raise WriterBusy(_busy_message(path, wait, "another thread of this process"))
    try:
        with _registry_guard:
            depth = _depth.get(path, 0)
        if depth == 0:
            fd = _lock_file(path, deadline, wait, purpose)
            with _registry_guard:
                _files[path] = fd
        with _registry_guard:
            _depth[path] = depth + 1
        try:
            yield
        finally:
            with _registry_guard:
                _depth[path] -= 1
                last = _depth[path] == 0
                fd = _files.pop(path) if last else -1
            if last:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)  # nobody holds it: describe nobody
                os.close(fd)  # closing the descriptor releases the flock
    finally:
        local.release()


def _thread_lock(path: Path) -> threading.RLock:
    with _registry_guard:
        return _thread_locks.setdefault(path, threading.RLock())


def _lock_file(path: Path, deadline: float, wait: float, purpose: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_flock(fd):
            log.warning(
                "another ingest is running (%s); waiting up to %.0f s for it to finish "
                "(CORPUS_QA_WRITE_LOCK_WAIT)...",
                _holder(path),
                wait,
            )
            while not _try_flock(fd):
                if time.monotonic() >= deadline:
                    raise WriterBusy(_busy_message(path, wait, _holder(path)))
                time.sleep(_POLL_SECONDS)
            log.info("the other writer finished; going on")
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "purpose": purpose,
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    """Who holds the lock, from what it wrote into the file (best effort)."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {info['pid']} on {info['host']}, `{info['purpose']}` since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "holder unknown"


def _busy_message(path: Path, wait: float, holder: str) -> str:
    return (
        f"Another ingest is writing to {path.parent} ({holder}); gave up after waiting "
        f"{wait:.0f} s. Run this again when it has finished, or set "
        "CORPUS_QA_WRITE_LOCK_WAIT to wait longer."
    )


def crash_point(phase: str) -> None:
    """Tests only: die here, as a kill -9 would, when CORPUS_QA_TEST_CRASH_AT names
    `phase`. The crash tests run a real ingest in a subprocess and kill it at each phase
    of a write (see `PHASES`); nothing else sets the variable. Read from the environment
    rather than Settings: it is not a product setting."""
    if os.environ.get("CORPUS_QA_TEST_CRASH_AT") == phase:
        logging.shutdown()
        os._exit(CRASH_EXIT)


# The phases of a write, in order (ingest.pipeline and qa.store call `crash_point`).
PHASES = (
    "after_embed",  # a batch is embedded; nothing of it is written
    "after_words",  # its new lexicon word vectors are written
    "after_sentences",  # its sentence vectors are written
    "after_passages",  # its passage records are written
    "after_documents",  # its document records are written (not yet visible)
    "before_version",  # the manifest of the new version is written, not the commit record
    "after_version",  # committed: the new version is visible; nothing cleaned up yet
    "after_delete_documents",  # superseded and orphan document records deleted
    "after_delete_passages",  # superseded and orphan passages deleted
    "after_delete",  # orphan sentence and word vectors deleted; the marker not yet cleared
)
