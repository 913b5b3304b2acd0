"""Every endpoint and every bad-input case, through FastAPI's in-process client."""

import pytest
from fastapi.testclient import TestClient
from helpers import decode, sse_events

from qa.api.app import create_app
from qa.config import Settings
from qa.service import get_service


@pytest.fixture
def client_for(seed_service):
    def make(**overrides) -> TestClient:
        settings = Settings(data_dir=seed_service.settings.data_dir, **overrides)
        app = create_app(settings)
        app.dependency_overrides[get_service] = lambda: seed_service
        return TestClient(app)

    return make


@pytest.fixture
def client(client_for) -> TestClient:
    return client_for()


def test_ask_returns_the_contract_with_exact_citations(client):
    r = client.post(
        "/v1/ask", json={"question": "Which British Foreign Secretary made a statement?"}
    )
    assert r.status_code == 200
    body = r.json()
    assert "Dominique Raab" in body["answer"] and body["abstained"] is False
    for c in body["citations"]:
        doc = client.get(f"/v1/documents/{c['doc_id']}").json()
        assert doc["text"][c["start"] : c["end"]] == c["quote"]
        assert client.get(f"/v1/passages/{c['passage_id']}").json()["doc_id"] == c["doc_id"]
    assert r.headers["x-request-id"]


def test_follow_up_with_history(client):
    history = [
        {
            "role": "user",
            "content": "Who did the British authorities accuse of cyber espionage on vaccine research?",
        },
        {"role": "assistant", "content": "Russian hackers [1]"},
    ]
    body = client.post("/v1/ask", json={"question": "Who denied it?", "history": history}).json()
    assert not body["abstained"] and body["standalone_question"]
    assert "denie" in body["answer"] or "rejects" in body["answer"]


def test_stream_sends_deltas_then_the_answer_then_done(client):
    with client.stream(
        "POST",
        "/v1/ask/stream",
        json={"question": "How certain is the NCSC that APT29 is Russian intelligence?"},
    ) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r.iter_lines())
    names = [n for n, _ in events]
    assert names[0] == "delta" and names[-2] == "answer" and events[-1][1] == "[DONE]"
    answer = decode(events[-2][1])
    text = "".join(decode(d)["text"] for n, d in events if n == "delta")
    assert text.strip() == answer["answer"].strip() and "95%" in text
    assert answer["citations"]


def test_documents_list_and_text(client):
    docs = client.get("/v1/documents").json()
    assert {d["doc_id"] for d in docs} == {"000_d656f2f487da6926.txt", "001_974b0b246660ba75.txt"}
    assert all(d["passage_count"] > 0 and d["size"] > 0 and d["ingested_at"] for d in docs)


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"question": ""}, 422, "question"),
        ({"question": "   "}, 422, "question"),
        ({"question": "x" * 2001}, 422, "question"),
        ({}, 422, "question"),
        ({"question": 42}, 422, "question"),
        ({"question": "ok", "top_k": 0}, 422, "top_k"),
        ({"question": "ok", "top_k": "many"}, 422, "top_k"),
        ({"question": "ok", "mode": "magic"}, 422, "mode"),
        ({"question": "ok", "colour": "red"}, 422, "colour"),
        (
            {"question": "ok", "history": [{"role": "wizard", "content": "x"}]},
            422,
            "history.0.role",
        ),
        ({"question": "ok", "mode": "llm"}, 400, "mode"),
    ],
)
def test_bad_input_is_a_4xx_naming_the_field(client, body, status, field):
    r = client.post("/v1/ask", json=body)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["field"] == field and error["message"]


def test_malformed_json_and_oversized_bodies(client):
    r = client.post(
        "/v1/ask", content=b'{"question": "x",', headers={"content-type": "application/json"}
    )
    assert r.status_code == 422 and "Malformed JSON" in r.json()["error"]["message"]
    big = b'{"question": "' + b"a" * 70_000 + b'"}'
    r = client.post("/v1/ask", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["type"] == "PayloadTooLarge"


def test_a_chunked_oversized_body_is_refused_too(client):
    def chunks():
        for _ in range(100):
            yield b"a" * 1024

    r = client.post("/v1/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_unknown_ids_are_404(client):
    assert client.get("/v1/documents/nope.txt").status_code == 404
    r = client.get("/v1/passages/0000")
    assert r.status_code == 404 and r.json()["error"]["type"] == "NotFound"


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["passages"] > 0


def test_readiness_without_an_index_is_503_with_advice(settings):
    app = create_app(settings)
    r = TestClient(app).get("/readyz")
    assert r.status_code == 503 and "corpus-qa ingest" in r.json()["error"]["message"]


def test_api_key_guards_v1_but_not_health(client_for):
    client = client_for(api_key="s3cret")
    assert client.post("/v1/ask", json={"question": "What is APT29?"}).status_code == 401
    wrong = client.get("/v1/documents", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert (
        client.get("/v1/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    )
    assert (
        client.post(
            "/v1/chat/completions", json={"messages": [{"role": "user", "content": "hi"}]}
        ).status_code
        == 401
    )
    assert client.get("/healthz").status_code == 200


def test_cors_is_closed_by_default_and_opens_when_configured(client_for):
    preflight = {"Origin": "http://app.example", "Access-Control-Request-Method": "POST"}
    closed = client_for().options("/v1/ask", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    opened = client_for(cors_origins=["http://app.example"]).options("/v1/ask", headers=preflight)
    assert opened.headers["access-control-allow-origin"] == "http://app.example"


def test_openapi_documents_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/ask", "/v1/ask/stream", "/v1/documents", "/v1/chat/completions", "/readyz"):
        assert path in paths


def test_chat_completions_rejects_bad_requests(client):
    assert client.post("/v1/chat/completions", json={"messages": []}).status_code == 422
    r = client.post(
        "/v1/chat/completions",
        json={"model": "gpt-9", "messages": [{"role": "user", "content": "hi"}]},
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "model"


def test_an_unexpected_error_is_a_json_500_with_the_request_id(
    client: TestClient, seed_service, monkeypatch: pytest.MonkeyPatch, caplog
):
    """A bug gets the usual error shape and a request id to find it in the log, and the
    server keeps serving."""

    def broken(*args, **kwargs):
        raise TypeError("a bug")

    monkeypatch.setattr(seed_service, "ask", broken)
    r = client.post("/v1/ask", json={"question": "Who denied the accusations?"})
    assert r.status_code == 500
    request_id = r.headers["x-request-id"]
    error = r.json()["error"]
    assert error["type"] == "InternalError"
    assert request_id in error["message"] and "server log" in error["message"]
    assert any(request_id in rec.getMessage() and rec.exc_info for rec in caplog.records)
    monkeypatch.undo()
    assert (
        client.post("/v1/ask", json={"question": "Who denied the accusations?"}).status_code == 200
    )
