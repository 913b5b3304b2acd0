"""Issue 13's security and edge points, through the in-process client with the UI mounted.

Each test names the point it reproduces: 7 (the key on every route, Gradio's CORS),
8 (reflected XSS), 11 (paths disclosed), 14 (lone surrogates), 15 (oversize history),
16 (/v1 error shapes with the UI; streams refuse before the 200).
"""

import json

import pytest
from fastapi.testclient import TestClient
from helpers import decode, sse_events

from qa.api import auth
from qa.api.app import create_app
from qa.config import Settings
from qa.errors import StoreUnavailable
from qa.service import get_service

KEY = "s3cret-key"
BEARER = {"Authorization": f"Bearer {KEY}"}
DOC = "000_d656f2f487da6926.txt"


@pytest.fixture
def ui_client_for(seed_service, monkeypatch):
    """The full app (API and UI) on the shared seed index."""
    monkeypatch.setattr("ui.app.get_service", lambda: seed_service)
    clients = []

    def make(**overrides) -> TestClient:
        settings = Settings(data_dir=seed_service.settings.data_dir, **overrides)
        app = create_app(settings, with_ui=True)
        app.dependency_overrides[get_service] = lambda: seed_service
        client = TestClient(app)
        client.__enter__()  # runs Gradio's start-up (its queue)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def gradio_requests(client: TestClient) -> list[tuple[str, str, dict | None]]:
    """Every kind of Gradio endpoint, and every event handler by index, named or not."""
    fn_indexes = range(len(client.get("/config", headers=BEARER).json()["dependencies"]))
    return [
        ("GET", "/", None),
        ("GET", "/config", None),
        ("GET", "/gradio_api/info", None),
        ("POST", "/gradio_api/call/chat", {"data": ["What is APT29?", [], 6, "extractive"]}),
        ("GET", "/gradio_api/queue/data?session_hash=abc", None),
        ("POST", "/gradio_api/upload", None),
        ("GET", "/gradio_api/file=/etc/hostname", None),
        ("GET", "/gradio_api/heartbeat/abc", None),
        ("GET", "/theme.css", None),
        *[
            (
                "POST",
                "/gradio_api/queue/join",
                {"data": [], "fn_index": i, "session_hash": "abc", "event_data": None},
            )
            for i in fn_indexes
        ],
    ]


API_REQUESTS = [
    ("GET", f"/ui/document/{DOC}", None),
    ("GET", "/v1/documents", None),
    ("POST", "/v1/ask", {"question": "What is APT29?"}),
    ("POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": "hi"}]}),
    ("GET", "/docs", None),
    ("GET", "/openapi.json", None),
    ("GET", "/v1/no-such-route", None),
]


def test_point_7_the_key_guards_every_route_of_the_api_the_ui_and_gradio(ui_client_for):
    client = ui_client_for(api_key=KEY)
    requests = API_REQUESTS + gradio_requests(client)
    assert len(requests) > 15
    for wrong in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {KEY}"}):
        for method, path, body in requests:
            r = client.request(
                method, path, json=body, headers={"Accept": "application/json", **wrong}
            )
            assert r.status_code == 401, (method, path, wrong, r.status_code, r.text[:200])
            assert r.json()["error"]["type"] == "Unauthorized"
            assert r.headers["www-authenticate"] == "Bearer"
    # With the key, the same routes answer.
    for path in (f"/ui/document/{DOC}", "/config", "/gradio_api/info", "/", "/v1/documents"):
        assert client.get(path, headers=BEARER).status_code == 200, path
    # Open without the key: liveness, readiness and the login page only.
    for path in ("/healthz", "/readyz", "/login"):
        assert client.get(path).status_code == 200, path


def test_point_7_a_browser_logs_in_once_with_a_signed_session_cookie(ui_client_for, monkeypatch):
    monkeypatch.setattr(auth, "WRONG_KEY_DELAY", 0)
    client = ui_client_for(api_key=KEY)
    page = client.get("/?a=1", headers={"Accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2F%3Fa%3D1"
    form = client.get("/login?next=/?a=1")
    assert form.status_code == 200 and "type='password'" in form.text
    assert "default-src 'none'" in form.headers["content-security-policy"]

    wrong = client.post("/login", data={"key": "guess", "next": "/"}, follow_redirects=False)
    assert wrong.status_code == 401 and "Wrong key" in wrong.text
    assert "set-cookie" not in wrong.headers

    ok = client.post("/login", data={"key": KEY, "next": "/?a=1"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/?a=1"
    cookie = ok.headers["set-cookie"]
    assert cookie.startswith(auth.COOKIE + "=") and KEY not in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=43200" in cookie
    # The client now holds the cookie: the UI, the document pages and Gradio answer.
    assert client.get(f"/ui/document/{DOC}").status_code == 200
    assert client.get("/gradio_api/info").status_code == 200
    assert client.get("/v1/documents").status_code == 200

    token = client.cookies[auth.COOKIE]
    expires, _, signature = token.partition(".")
    for forged in (f"{int(expires) + 10**6}.{signature}", f"{expires}.{'A' * len(signature)}"):
        client.cookies.set(auth.COOKIE, forged)
        assert client.get("/gradio_api/info").status_code == 401, forged
    assert not auth.valid_session(KEY, token, now=int(expires) + 1)  # it expires
    assert not auth.valid_session("another key", token)  # a new key logs everyone out

    out = client.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and "Max-Age=0" in out.headers["set-cookie"]


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_point_7_login_never_redirects_off_site(ui_client_for, target):
    client = ui_client_for(api_key=KEY)
    ok = client.post("/login", data={"key": KEY, "next": target}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "qa.example.org"])
def test_point_7_gradio_cors_is_closed_unless_an_origin_is_configured(ui_client_for, host):
    origin = "http://localhost:5173"
    preflight = {
        "Origin": origin,
        "Host": host,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    closed = ui_client_for()
    for path in ("/gradio_api/queue/join", "/gradio_api/call/chat", "/config"):
        r = closed.options(path, headers=preflight)
        assert "access-control-allow-origin" not in r.headers, (path, r.headers)
        assert "access-control-allow-credentials" not in r.headers
    simple = closed.get("/config", headers={"Origin": origin, "Host": host})
    assert simple.status_code == 200 and "access-control-allow-origin" not in simple.headers

    opened = ui_client_for(cors_origins=[origin])
    r = opened.options("/gradio_api/queue/join", headers=preflight)
    assert r.headers["access-control-allow-origin"] == origin
    other = opened.options("/config", headers={**preflight, "Origin": "http://localhost:6666"})
    assert "access-control-allow-origin" not in other.headers


def test_point_8_the_document_page_escapes_what_it_shows(ui_client_for):
    client = ui_client_for()
    r = client.get("/ui/document/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<img" not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    page = client.get(f"/ui/document/{DOC}?start=0&end=20")
    assert page.status_code == 200 and "<mark id='quote'>" in page.text
    assert "script-src 'sha256-" in page.headers["content-security-policy"]


def test_point_10_chat_and_reader_markdown_shows_html_and_images_as_text():
    from ui.render import md_plain, md_text

    for text in (
        '<img src="http://127.0.0.1:9/b.png">',
        "![x](http://127.0.0.1:9/b.png)",
        "![x][r]\n\n[r]: http://127.0.0.1:9/b.png",
        "snake_case, *stars*, `code`, $x$, # not a heading, \\( & co",
    ):
        shown = md_text(text)
        assert "<" not in shown and "](" not in shown and "]:" not in shown
        assert md_plain(shown) == text  # follow-ups get the text back as typed
    assert md_text("Raab said so [1]. Then: no [2].") == "Raab said so [1]. Then: no [2]."


def test_point_11_readyz_and_errors_reveal_no_paths(
    ui_client_for, seed_service, monkeypatch, caplog
):
    client = ui_client_for()
    data_dir = str(seed_service.settings.data_dir.resolve())
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["store"] == "embedded"
    assert data_dir not in ready.text and "/" not in ready.json()["store"]

    secret = f"The vector store failed while reading: OperationalError at {data_dir}/chroma"

    def down(*args, **kwargs):
        raise StoreUnavailable(secret)

    monkeypatch.setattr(seed_service.store, "ping", down)
    monkeypatch.setattr(seed_service, "ask", down)
    monkeypatch.setattr(seed_service, "document", down)
    for r in (
        client.get("/readyz"),
        client.post("/v1/ask", json={"question": "What is APT29?"}),
        client.get(f"/ui/document/{DOC}"),
    ):
        assert r.status_code == 503, r.text
        assert data_dir not in r.text and "OperationalError" not in r.text
        assert "Retry" in r.text and "server log" in r.text
    assert secret in caplog.text  # the details are logged for the operator


def test_point_11_the_ui_shows_errors_without_paths(seed_service, monkeypatch, tmp_path):
    from ui.app import _render_error

    shown = _render_error(StoreUnavailable(f"failed at {tmp_path}/chroma: disk I/O error"))
    assert str(tmp_path) not in shown and "disk I/O" not in shown and "Retry" in shown


def surrogate_body(payload: dict) -> bytes:
    """JSON with a lone surrogate escaped, as a browser's JSON.stringify sends it."""
    return json.dumps(payload).encode()  # ensure_ascii: "\ud800" stays an escape


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        ("/v1/ask", {"question": "What is \ud800 APT29?"}, "question"),
        ("/v1/ask/stream", {"question": "What is \ud800 APT29?"}, "question"),
        (
            "/v1/ask",
            {"question": "Who?", "history": [{"role": "user", "content": "x\udfff"}]},
            "history.0.content",
        ),
        (
            "/v1/ask/stream",
            {"question": "Who?", "history": [{"role": "user", "content": "x\udfff"}]},
            "history.0.content",
        ),
        (
            "/v1/chat/completions",
            {"messages": [{"role": "user", "content": "What is \ud800?"}]},
            "question",
        ),
        (
            "/v1/chat/completions",
            {"messages": [{"role": "user", "content": "What is \ud800?"}], "stream": True},
            "question",
        ),
        (
            "/v1/chat/completions",
            {
                "messages": [
                    {"role": "user", "content": "a \udc00 b"},
                    {"role": "user", "content": "Who denied it?"},
                ],
                "stream": True,
            },
            "messages.0.content",
        ),
    ],
)
def test_point_14_a_lone_surrogate_is_a_422_naming_the_field(ui_client_for, path, payload, field):
    client = ui_client_for()
    r = client.post(
        path, content=surrogate_body(payload), headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["field"] == field and "surrogate" in error["message"]


def test_point_14_an_unexpected_error_mid_stream_still_ends_with_an_error_and_done(
    ui_client_for, seed_service, monkeypatch
):
    def breaks(*args, **kwargs):
        yield "A first piece. "
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(seed_service, "ask_stream", breaks)
    client = ui_client_for()
    with client.stream("POST", "/v1/ask/stream", json={"question": "What is APT29?"}) as r:
        events = sse_events(r.iter_lines())
    assert [n for n, _ in events] == ["delta", "error", None] and events[-1][1] == "[DONE]"
    assert decode(events[1][1])["error"]["type"] == "InternalError"


def test_point_15_an_oversize_earlier_message_is_a_422(ui_client_for):
    client = ui_client_for()
    messages = [
        {"role": "user", "content": "x" * 20_001},
        {"role": "assistant", "content": "ok"},
        {"role": "user", "content": "Who denied it?"},
    ]
    for stream in (False, True):
        r = client.post("/v1/chat/completions", json={"messages": messages, "stream": stream})
        assert r.status_code == 422, r.text
        assert r.json()["error"]["field"] == "messages.0.content"


def test_point_16_v1_keeps_its_404_and_405_with_the_ui_mounted(ui_client_for):
    client = ui_client_for()
    r = client.get("/v1/ask")
    assert r.status_code == 405 and r.headers["allow"] == "POST"
    assert r.json()["error"]["type"] == "MethodNotAllowed"
    r = client.patch(f"/v1/documents/{DOC}")
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    r = client.get("/v1/no/such/route")
    assert r.status_code == 404 and r.json()["error"]["type"] == "NotFound"
    # Everything that exists still answers, and the UI still has /.
    assert client.get(f"/v1/documents/{DOC}").status_code == 200
    assert client.get("/v1/models").status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/v1/ask/stream", {"question": "What is APT29?"}),
        (
            "/v1/chat/completions",
            {"messages": [{"role": "user", "content": "What is APT29?"}], "stream": True},
        ),
    ],
)
def test_point_16_a_stream_reports_a_store_outage_as_503_before_the_200(
    ui_client_for, seed_service, monkeypatch, path, payload
):
    def down(*args, **kwargs):
        raise StoreUnavailable("The vector store failed while reading: gone")

    monkeypatch.setattr(seed_service.index, "snapshot", down)
    client = ui_client_for()
    r = client.post(path, json=payload)
    assert r.status_code == 503 and r.headers["content-type"] == "application/json"
    assert r.json()["error"]["type"] == "StoreUnavailable" and r.headers["retry-after"]


def test_point_7_an_empty_key_is_refused_at_start_up():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="CORPUS_QA_API_KEY is empty"):
        Settings(api_key="  ")
