"""Uploads through a real `corpus-qa serve`: two workers (embedded store and a `chroma run`
server) answer from a new document as soon as its job is done, without a restart; a server
killed in the middle of a document leaves the index answering as before."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from doc_files import pdf_bytes
from helpers import corpus_qa_server, free_port, stop, wait_until

from ingest.pipeline import ingest
from qa.config import Settings
from qa.lock import CRASH_EXIT

pytestmark = pytest.mark.slow

KEY = {"Authorization": "Bearer admin"}
MD = b"# Kettle notes\n\nDescale the kettle every four weeks with citric acid.\n"
PAGES = [
    "The boiler manual covers installation in a dry basement room.",
    "The pressure relief valve must be tested every six months by a certified engineer.",
]
OLD_Q = "How often should the kettle be descaled?"
NEW_Q = "How often must the pressure relief valve be tested?"


def start_chroma(path: Path, port: int, log: Path) -> subprocess.Popen:
    chroma = str(Path(sys.executable).parent / "chroma")
    process = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log.open("a"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    wait_until(f"http://127.0.0.1:{port}/api/v2/heartbeat", process, log, timeout=60)
    return process


def essential(answer: dict) -> tuple:
    return answer["answer"], [(c["doc_id"], c["start"], c["end"]) for c in answer["citations"]]


def ask(url: str, question: str) -> dict:
    # A new connection each time, so that the kernel spreads requests over the workers.
    r = httpx.post(url + "/v1/ask", json={"question": question}, headers=KEY, timeout=120)
    assert r.status_code == 200, r.text
    return r.json()


def wait_job(url: str, response: httpx.Response, timeout: float = 240) -> dict:
    assert response.status_code == 202, response.text
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = httpx.get(url + response.headers["location"], headers=KEY, timeout=30).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise TimeoutError(job)


def loads(log: Path, version: str) -> int:
    """How many workers have loaded this corpus version (one log line each)."""
    return len(re.findall(f"loaded corpus version {version[:8]}", log.read_text()))


def upload_pdf(url: str, content: bytes | None = None) -> httpx.Response:
    return httpx.post(
        url + "/v1/documents",
        files=[("files", ("boiler.pdf", content or pdf_bytes(PAGES), "application/pdf"))],
        headers=KEY,
        timeout=60,
    )


@pytest.mark.parametrize("mode", ["embedded", "chroma-server"])
def test_two_workers_answer_from_an_upload_without_a_restart(tmp_path: Path, mode: str):
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    (corpus / "kettle.md").write_bytes(MD)
    env = {"CORPUS_QA_CORPUS_DIR": str(corpus), "CORPUS_QA_ADMIN_KEY": "admin"}
    chroma = None
    if mode == "chroma-server":
        port = free_port()
        chroma = start_chroma(tmp_path / "chroma-data", port, tmp_path / "chroma.log")
        env["CORPUS_QA_CHROMA_URL"] = f"http://127.0.0.1:{port}"
    try:
        settings = Settings(data_dir=data, chroma_url=env.get("CORPUS_QA_CHROMA_URL"))
        ingest(corpus, settings, progress=False)
        log = tmp_path / "api.log"
        with corpus_qa_server(data, log, "--no-ui", "--workers", "2", env=env) as api:
            old = httpx.get(api.url + "/readyz", timeout=30)
            for _ in range(60):  # both workers hold the old version before the upload
                assert ask(api.url, OLD_Q)["citations"][0]["doc_id"] == "kettle.md"
                if loads(log, old.json()["corpus_version"]) == 2:
                    break
            assert loads(log, old.json()["corpus_version"]) == 2, "one worker never answered"

            pdf = pdf_bytes(PAGES)
            job = wait_job(api.url, upload_pdf(api.url, pdf))
            assert job["state"] == "done" and job["files"][0]["status"] == "added", job
            answers = []
            # The kernel hands each connection to whichever worker accepts first; under load
            # one busy worker can take 60 in a row (seen once in a CI rehearsal), so ask
            # longer, pausing so that the idle worker gets to accept one.
            for _ in range(200):
                answers.append(ask(api.url, NEW_Q))
                if loads(log, job["corpus_version"]) == 2 and len(answers) >= 4:
                    break
                time.sleep(0.05)
            assert loads(log, job["corpus_version"]) == 2, "a worker did not reload"
            for answer in answers:  # every worker, from its first request after the job
                citation = answer["citations"][0]
                assert (citation["doc_id"], citation["page"]) == ("boiler.pdf", 2), answer
            assert (data / "documents" / "boiler.pdf").read_bytes() == pdf
            assert sorted(os.listdir(corpus)) == ["kettle.md"], "uploads have their own folder"
    finally:
        if chroma is not None:
            stop(chroma)


def test_a_server_killed_mid_document_leaves_the_index_answering_as_before(tmp_path: Path):
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    (corpus / "kettle.md").write_bytes(MD)
    ingest(corpus, Settings(data_dir=data), progress=False)
    env = {"CORPUS_QA_CORPUS_DIR": str(corpus), "CORPUS_QA_ADMIN_KEY": "admin"}

    # The job dies as a kill -9 would, with the new document's records written but not
    # committed (qa.lock.crash_point); one worker, so the whole server goes.
    crash_env = {**env, "CORPUS_QA_TEST_CRASH_AT": "after_documents"}
    with corpus_qa_server(data, tmp_path / "crash.log", "--no-ui", env=crash_env) as api:
        before = ask(api.url, OLD_Q)
        response = upload_pdf(api.url)
        assert response.status_code == 202
        api.process.wait(timeout=120)
        assert api.process.returncode == CRASH_EXIT
    job_url = response.headers["location"]

    with corpus_qa_server(data, tmp_path / "after.log", "--no-ui", env=env) as api:
        # The index answers exactly as before, and lists no part of the new document.
        assert essential(ask(api.url, OLD_Q)) == essential(before)
        docs = httpx.get(api.url + "/v1/documents", headers=KEY).json()
        assert [d["doc_id"] for d in docs] == ["kettle.md"]
        assert all(c["doc_id"] != "boiler.pdf" for c in ask(api.url, NEW_Q)["citations"])
        job = httpx.get(api.url + job_url, headers=KEY).json()
        assert job["state"] == "failed" and "upload them again" in job["error"]
        # Uploading again finishes what the dead job started.
        again = wait_job(api.url, upload_pdf(api.url))
        assert again["files"][0]["status"] == "added", again
        assert ask(api.url, NEW_Q)["citations"][0]["page"] == 2
    assert sorted(os.listdir(corpus)) == ["kettle.md"], "the ingested folder is left alone"
    assert sorted(os.listdir(data / "documents")) == ["boiler.pdf"], "no leftovers"
