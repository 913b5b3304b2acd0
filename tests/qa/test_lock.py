"""The data dir's write lock (qa/lock.py): threads and nesting in one process. Other
processes: tests/ingest/test_crash.py."""

from __future__ import annotations

import json
import threading
import time

import pytest

from qa.config import Settings
from qa.errors import WriterBusy
from qa.lock import held, lock_path, writer_lock
from qa.store import Store


def test_the_lock_is_reentrant_and_describes_its_holder(settings: Settings):
    assert not held(settings)
    with writer_lock(settings, purpose="test"):
        with writer_lock(settings):  # a helper that takes it again does not deadlock
            assert held(settings)
        assert held(settings)
        holder = json.loads(lock_path(settings).read_text())
        assert holder["purpose"] == "test" and isinstance(holder["pid"], int)
    assert not held(settings)
    assert lock_path(settings).read_text() == "", "nobody holds it"


def test_another_thread_waits_then_gets_it_or_gives_up(settings: Settings):
    order: list[str] = []
    taken = threading.Event()

    def first() -> None:
        with writer_lock(settings):
            taken.set()
            time.sleep(0.5)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    taken.wait(5)
    with (
        pytest.raises(WriterBusy, match="CORPUS_QA_WRITE_LOCK_WAIT"),
        writer_lock(settings, wait=0.1),
    ):
        pass
    with writer_lock(settings, wait=10):
        order.append("second")
    thread.join()
    assert order == ["first done", "second"]


def test_the_lock_is_released_when_the_writer_fails(settings: Settings):
    with pytest.raises(RuntimeError), writer_lock(settings):
        raise RuntimeError("boom")
    with writer_lock(settings, wait=0):
        pass


def test_writing_without_the_lock_is_refused(settings: Settings):
    with pytest.raises(RuntimeError, match="write lock"):
        Store(settings).begin_write("any")
