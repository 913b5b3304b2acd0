"""Servers for tests: started on 127.0.0.1 on a free port, stopped by their PID."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def wait_until(url: str, process: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}"
            )
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2).status_code < 500:
                return
        time.sleep(0.2)
    raise TimeoutError(f"{url} not ready after {timeout}s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (uvicorn workers included), then SIGKILL."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def run_server(
    args: list[str],
    env: dict[str, str],
    log: Path,
    ready_path: str = "/healthz",
    port: int | None = None,
) -> Iterator[Server]:
    port = port or free_port()
    handle = log.open("w")
    process = subprocess.Popen(
        [*args, "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so stop() reaches the workers
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(url + ready_path, process, log)
        yield Server(process, url, log)
    finally:
        stop(process)
        handle.close()


@contextlib.contextmanager
def corpus_qa_server(
    data_dir: Path, log: Path, *extra: str, env: dict | None = None
) -> Iterator[Server]:
    args = [sys.executable, "-m", "qa.cli", "serve", *extra]
    with run_server(args, {"CORPUS_QA_DATA_DIR": str(data_dir), **(env or {})}, log) as server:
        yield server


def sse_events(lines) -> list[tuple[str | None, str]]:
    """(event name, data) pairs from an SSE line iterator."""
    events, name, data = [], None, []
    for line in lines:
        if line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
        elif line == "" and data:
            events.append((name, "\n".join(data)))
            name, data = None, []
    if data:
        events.append((name, "\n".join(data)))
    return events


def decode(data: str):
    return json.loads(data)


def service_over(folder: Path, name: str, text: str):
    """A service over one document `name` holding `text`, ingested into `folder` (its
    documents in `folder/docs`, its index in `folder/index`)."""
    from ingest.pipeline import ingest
    from qa.config import Settings
    from qa.service import QAService

    (folder / "docs").mkdir()
    (folder / "docs" / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=folder / "index")
    ingest(folder / "docs", settings, progress=False)
    return QAService(settings)
