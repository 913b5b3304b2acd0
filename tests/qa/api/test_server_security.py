"""Issue 13 through a real uvicorn server (API and UI, with an API key): the header and
body timeouts with raw sockets (point 12), and Gradio's own client needing the key (7)."""

import socket
import time

import httpx
import pytest
from helpers import corpus_qa_server

from qa import config  # noqa: F401  (offline environment before gradio_client)

pytestmark = pytest.mark.slow

KEY = "k3y-for-the-ui"
BEARER = {"Authorization": f"Bearer {KEY}"}
HEADER_TIMEOUT, BODY_TIMEOUT = 1, 2


@pytest.fixture(scope="module")
def server(seed_index_dir, tmp_path_factory):
    log = tmp_path_factory.mktemp("logs") / "server.log"
    env = {
        "CORPUS_QA_API_KEY": KEY,
        "CORPUS_QA_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "CORPUS_QA_BODY_TIMEOUT": str(BODY_TIMEOUT),
    }
    with corpus_qa_server(seed_index_dir, log, env=env) as server:
        yield server


def connect(server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=15)
    return sock


def read_until_closed(sock: socket.socket) -> tuple[bytes, float]:
    """Everything the server sends, and the seconds until it closed the connection."""
    started, data = time.monotonic(), b""
    while chunk := sock.recv(65536):
        data += chunk
    return data, time.monotonic() - started


def test_point_12_a_body_that_stops_part_way_gets_408_and_a_closed_connection(server):
    with connect(server) as sock:
        sock.sendall(
            b"POST /v1/ask HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Length: 100\r\n\r\n"
            b'{"question":'  # 12 of the 100 promised bytes, then nothing
        )
        data, seconds = read_until_closed(sock)
    assert data.startswith(b"HTTP/1.1 408"), data[:200]
    assert b"CORPUS_QA_BODY_TIMEOUT" in data and b"connection: close" in data.lower()
    assert BODY_TIMEOUT - 0.5 < seconds < BODY_TIMEOUT + 5


def test_point_12_a_client_that_drips_its_body_is_cut_off_too(server):
    with connect(server) as sock:
        sock.sendall(
            b"POST /v1/ask HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Length: 100\r\n\r\n"
        )
        started = time.monotonic()
        with pytest.raises(OSError):  # the server hangs up while we are still sending
            for _ in range(50):
                sock.sendall(b" ")
                time.sleep(0.2)
            raise AssertionError("still connected after 10 s")
        assert time.monotonic() - started < BODY_TIMEOUT + 5


def test_point_12_headers_that_stop_part_way_get_408_and_a_closed_connection(server):
    with connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n")  # no blank line: unfinished
        data, seconds = read_until_closed(sock)
    assert data.startswith(b"HTTP/1.1 408") and b"CORPUS_QA_HEADER_TIMEOUT" in data
    assert seconds < HEADER_TIMEOUT + 5
    with connect(server) as idle:  # connects and sends nothing at all
        data, seconds = read_until_closed(idle)
    assert data.startswith(b"HTTP/1.1 408") and seconds < HEADER_TIMEOUT + 5


def test_point_12_an_unread_body_does_not_keep_the_connection(server):
    """A refused request (no key) is answered at once and the connection closed, even
    though the client said a body would follow."""
    with connect(server) as sock:
        sock.sendall(
            b"POST /v1/ask HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100\r\n\r\n{"
        )
        data, seconds = read_until_closed(sock)
    assert data.startswith(b"HTTP/1.1 401") and seconds < 2


def test_point_12_normal_and_keep_alive_requests_are_unaffected(server):
    with httpx.Client(base_url=server.url, headers=BEARER, timeout=60) as http:
        for _ in range(3):  # one connection, several requests
            assert http.get("/healthz").status_code == 200
        time.sleep(HEADER_TIMEOUT + 0.5)  # idle between requests: uvicorn's keep-alive rules
        r = http.post("/v1/ask", json={"question": "Who denied the accusations?"})
        # Keep-alive is the point here, not the answer: the contract comes back whole.
        assert r.status_code == 200 and {"answer", "abstained", "citations"} <= set(r.json())


def test_point_7_gradio_client_needs_the_key_and_works_with_it(server):
    from gradio_client import Client
    from gradio_client.exceptions import AuthenticationError

    with pytest.raises(AuthenticationError):  # its reading of our 401
        Client(server.url + "/", verbose=False)
    # With the key, Gradio's own client connects and reads the app's config (its
    # endpoints are private: the product's API is /v1), and a call without it is refused.
    client = Client(server.url + "/", verbose=False, headers=BEARER)
    assert client.config["components"]
    refused = httpx.post(server.url + "/gradio_api/call/respond", json={"data": []})
    assert refused.status_code == 401


def test_point_7_and_11_over_http(server, seed_index_dir):
    ready = httpx.get(server.url + "/readyz")
    assert ready.status_code == 200 and ready.json()["store"] == "embedded"
    assert str(seed_index_dir) not in ready.text
    assert httpx.get(server.url + "/ui/document/000_d656f2f487da6926.txt").status_code == 401
    assert httpx.post(server.url + "/gradio_api/call/chat", json={"data": []}).status_code == 401
    page = httpx.get(server.url + "/", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
