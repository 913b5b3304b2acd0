"""Chroma's own client/server mode: a real `chroma run`, two API workers, a store outage."""

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from helpers import ROOT, corpus_qa_server, free_port, stop, wait_until

from qa.config import Settings

pytestmark = pytest.mark.slow

CHROMA = str(Path(sys.executable).parent / "chroma")
QUESTIONS = [
    "Who is the British Foreign Secretary quoted in the articles?",
    "What other names is APT29 known by?",
    "What is the population of Finland?",
    "Who denied the accusations?",
]


def start_chroma(path: Path, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [CHROMA, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log.open("a"), stderr=subprocess.STDOUT, start_new_session=True, env=os.environ.copy(),
    )  # fmt: skip
    wait_until(f"http://127.0.0.1:{port}/api/v2/heartbeat", process, log, timeout=60)
    return process


def essential(answer: dict) -> tuple:
    return (
        answer["answer"],
        answer["abstained"],
        [(c["doc_id"], c["start"], c["end"]) for c in answer["citations"]],
    )


def test_server_mode_matches_embedded_mode_and_survives_an_outage(tmp_path, seed_service):
    from ingest.pipeline import ingest

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "chroma.log"
    chroma = start_chroma(tmp_path / "chroma-data", port, log)
    try:
        report = ingest(
            ROOT / "seeds", Settings(data_dir=tmp_path / "local", chroma_url=url), progress=False
        )
        assert len(report.added) == 2

        env = {"CORPUS_QA_CHROMA_URL": url}
        with corpus_qa_server(
            tmp_path / "local", tmp_path / "api.log", "--no-ui", "--workers", "2", env=env
        ) as api:
            ask = lambda q: httpx.post(api.url + "/v1/ask", json={"question": q}, timeout=60)  # noqa: E731
            # Two workers, one store: every request gets the answer embedded mode gives.
            for question in QUESTIONS:
                expected = essential(seed_service.ask(question).model_dump())
                for _ in range(4):
                    assert essential(ask(question).json()) == expected, question
            ready = httpx.get(api.url + "/readyz")
            assert ready.json()["store"] == "chroma-server" and url not in ready.text

            # The store goes away: a clear 503, never a 500, and the API stays up.
            stop(chroma)
            for _ in range(3):
                r = ask(QUESTIONS[0])
                assert r.status_code == 503, r.text
                # What to do, without the server's URL or Chroma's exception (those are logged).
                assert "Chroma server" in r.json()["error"]["message"] and url not in r.text
                assert "Retry" in r.json()["error"]["message"]
            assert httpx.get(api.url + "/readyz").status_code == 503
            assert httpx.get(api.url + "/healthz").status_code == 200

            # It comes back (same data, same port): the service recovers by itself.
            chroma = start_chroma(tmp_path / "chroma-data", port, log)
            for question in QUESTIONS:
                r = ask(question)
                assert r.status_code == 200
                assert essential(r.json()) == essential(seed_service.ask(question).model_dump())
            assert httpx.get(api.url + "/readyz").status_code == 200
    finally:
        stop(chroma)
    assert chroma.poll() is not None


@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_an_ingest_reaches_every_worker(tmp_path, mode):
    """The snapshot, BM25 and (embedded) the vector segments follow the corpus version:
    after an ingest by another process, every worker answers from the new corpus."""
    from ingest.pipeline import ingest

    port = free_port()
    url = f"http://127.0.0.1:{port}" if mode == "server" else None
    chroma = start_chroma(tmp_path / "chroma-data", port, tmp_path / "chroma.log") if url else None
    try:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for seed in (ROOT / "seeds").glob("*.txt"):
            (corpus / seed.name).write_bytes(seed.read_bytes())
        data_dir = tmp_path / "index"
        settings = Settings(data_dir=data_dir, chroma_url=url)
        ingest(corpus, settings, progress=False)
        env = {"CORPUS_QA_CHROMA_URL": url} if url else {}
        with corpus_qa_server(
            data_dir, tmp_path / "api.log", "--no-ui", "--workers", "2", env=env
        ) as api:
            question = "Which zoo did the pandas Xin Xin and Lu Lu move to?"
            before = [
                httpx.post(api.url + "/v1/ask", json={"question": question}, timeout=60).json()
                for _ in range(4)
            ]
            assert all(b["abstained"] for b in before)
            (corpus / "zoo.txt").write_text(
                "Panda news\nThe pandas Xin Xin and Lu Lu moved to the Helsinki Zoo in 2021, the zoo said.\n",
                encoding="utf-8",
            )
            ingest(corpus, settings, progress=False)
            after = [
                httpx.post(api.url + "/v1/ask", json={"question": question}, timeout=60)
                for _ in range(6)
            ]
            assert all(r.status_code == 200 for r in after), [r.text for r in after]
            assert all("Helsinki Zoo" in r.json()["answer"] for r in after)
    finally:
        if chroma:
            stop(chroma)
