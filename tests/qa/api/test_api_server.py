"""Through a real uvicorn server on 127.0.0.1, as other applications call it."""

import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from helpers import corpus_qa_server, decode, sse_events

pytestmark = pytest.mark.slow

QUESTIONS = [
    "Which British Foreign Secretary made a statement?",
    "How certain is the NCSC that APT29 is part of Russian intelligence?",
    "What did the Russian embassy call the allegations?",
    "What is the population of Finland?",
    "Which company is Russia negotiating with about manufacturing a vaccine?",
    "Who denied the accusations?",
]


@pytest.fixture(scope="module")
def server(seed_index_dir, tmp_path_factory):
    log = tmp_path_factory.mktemp("logs") / "server.log"
    with corpus_qa_server(
        seed_index_dir, log, "--no-ui", env={"CORPUS_QA_API_KEY": "k3y"}
    ) as server:
        yield server


AUTH = {"Authorization": "Bearer k3y"}


def test_ask_stream_documents_and_auth_over_http(server):
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=60) as http:
        body = http.post("/v1/ask", json={"question": QUESTIONS[0]}).json()
        assert "Dominique Raab" in body["answer"]
        doc = http.get(f"/v1/documents/{body['citations'][0]['doc_id']}").json()
        c = body["citations"][0]
        assert doc["text"][c["start"] : c["end"]] == c["quote"]
        with http.stream("POST", "/v1/ask/stream", json={"question": QUESTIONS[1]}) as r:
            events = sse_events(r.iter_lines())
        assert [n for n, _ in events][-2:] == ["answer", None] and events[-1][1] == "[DONE]"
        assert "95%" in decode(events[-2][1])["answer"]
        history = [
            {
                "role": "user",
                "content": "Who did the British authorities accuse of cyber espionage?",
            }
        ]
        follow = http.post(
            "/v1/ask", json={"question": "Who denied it?", "history": history}
        ).json()
        assert not follow["abstained"]
    assert httpx.post(server.url + "/v1/ask", json={"question": "x"}).status_code == 401
    assert httpx.get(server.url + "/healthz").status_code == 200
    assert httpx.get(server.url + "/readyz").json()["passages"] > 0


def test_bad_input_over_http_never_500(server):
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=30) as http:
        cases = [
            http.post(
                "/v1/ask", content=b"{not json", headers={"content-type": "application/json"}
            ),
            http.post("/v1/ask", json={"question": ""}),
            http.post("/v1/ask", json={"question": "q" * 5000}),
            http.post("/v1/ask", json={"question": ["a list"]}),
            http.post(
                "/v1/ask", content=b"x" * 100_000, headers={"content-type": "application/json"}
            ),
            http.get("/v1/passages/unknown"),
        ]
    assert [r.status_code for r in cases] == [422, 422, 422, 422, 413, 404]
    assert all("error" in r.json() for r in cases)


def test_the_official_openai_client_gets_cited_answers(server):
    from openai import OpenAI

    client = OpenAI(base_url=server.url + "/v1", api_key="k3y", max_retries=0)
    assert "corpus-qa" in [m.id for m in client.models.list().data]
    completion = client.chat.completions.create(
        model="corpus-qa", messages=[{"role": "user", "content": QUESTIONS[4]}]
    )
    text = completion.choices[0].message.content
    assert "AstraZeneca" in text and "[1]" in text
    citations = completion.model_extra["citations"]
    assert citations[0]["quote"] and citations[0]["doc_id"].endswith(".txt")

    chunks = list(
        client.chat.completions.create(
            model="corpus-qa",
            messages=[
                {
                    "role": "user",
                    "content": "Who did the British authorities accuse of cyber espionage?",
                },
                {"role": "assistant", "content": "Russian hackers [1]"},
                {"role": "user", "content": "Who denied it?"},
            ],
            stream=True,
        )
    )
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "[1]" in streamed
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"]


def test_one_structured_log_line_per_request_without_the_question(server):
    marker = "Which secret marker question is this?"
    rid = "test-log-line-1"
    httpx.post(
        server.url + "/v1/ask",
        json={"question": marker},
        headers={**AUTH, "X-Request-ID": rid},
        timeout=60,
    )
    time.sleep(0.3)
    lines = [line for line in server.output().splitlines() if rid in line]
    assert len(lines) == 1
    record = json.loads(lines[0][lines[0].index("{") :])
    assert record["path"] == "/v1/ask" and record["status"] == 200 and record["ms"] > 0
    assert marker not in server.output()


def test_bounded_load_on_loopback(server):
    """16 concurrent clients, 320 requests: zero errors. Latency is printed, not asserted."""
    clients, per_client = 16, 20

    def worker(i: int) -> list[tuple[int, float]]:
        out = []
        with httpx.Client(base_url=server.url, headers=AUTH, timeout=120) as http:
            for j in range(per_client):
                q = QUESTIONS[(i + j) % len(QUESTIONS)]
                t = time.perf_counter()
                r = http.post("/v1/ask", json={"question": q})
                out.append((r.status_code, (time.perf_counter() - t) * 1000))
        return out

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = [r for batch in pool.map(worker, range(clients)) for r in batch]
    elapsed = time.perf_counter() - began
    statuses = [s for s, _ in results]
    latencies = sorted(ms for _, ms in results)
    assert len(results) == clients * per_client
    assert statuses.count(200) == len(results), f"errors: {[s for s in statuses if s != 200]}"
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * len(latencies)) - 1]
    print(
        f"\nload: {len(results)} requests, {clients} clients, {len(results) / elapsed:.1f} req/s, "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms"
    )


def test_a_cold_server_survives_a_burst_of_first_requests(seed_index_dir, tmp_path):
    """The first requests of a fresh server arrive together: none may fail while the
    store, the model and the snapshot load (Chroma's client setup is not thread-safe)."""
    with corpus_qa_server(seed_index_dir, tmp_path / "cold.log", "--no-ui") as cold:

        def first(i: int) -> int:
            return httpx.post(
                cold.url + "/v1/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]}, timeout=120
            ).status_code

        with ThreadPoolExecutor(16) as pool:
            assert list(pool.map(first, range(16))) == [200] * 16
