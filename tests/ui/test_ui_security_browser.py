"""Issue 13 in a real browser: logging in once (point 7), no reflected script (8), and no
image fetched from a question or a document (10), against a server with an API key."""

import contextlib
import http.server
import threading
from typing import ClassVar
from urllib.parse import quote

import pytest
from browser_support import chromium_browser  # noqa: F401 (the `browser` fixture)
from conftest import artifacts_dir
from helpers import corpus_qa_server, free_port

from qa.config import Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KEY = "browser-k3y"


class Beacon(http.server.BaseHTTPRequestHandler):
    """Stands where a tracker would: any request that reaches it is a leak."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Beacon.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def beacon():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Beacon)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def server(beacon, tmp_path_factory):
    """One document that carries an HTML image and a Markdown image, indexed alone."""
    from ingest.pipeline import ingest

    corpus = tmp_path_factory.mktemp("beacon-corpus")
    (corpus / "notice.txt").write_text(
        "Beacon notice\n\n"
        "The facilities team published the beacon notice for every office in March. "
        f'The beacon notice reads <img src="{beacon}/doc-html.png"> in its header line. '
        f"Its footer shows ![tracker]({beacon}/doc-md.png) as a sample of a hidden image. "
        "Staff should report such images to the facilities team within two days.\n\n"
        "A reference image follows ![logo][beacon] in the signature.\n\n"
        f"[beacon]: {beacon}/doc-ref.png\n",
        encoding="utf-8",
    )
    data_dir = tmp_path_factory.mktemp("beacon-index")
    ingest(corpus, Settings(data_dir=data_dir), progress=False)
    log = tmp_path_factory.mktemp("ui-sec") / "server.log"
    with corpus_qa_server(data_dir, log, env={"CORPUS_QA_API_KEY": KEY}) as server:
        yield server


@pytest.fixture
def page(browser, server):
    """A fresh browser session, logged in through the login page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/")
    assert "/login" in page.url  # sent to the login page first
    page.fill("#key", KEY)
    page.click("button[type=submit]")
    page.locator("#question").wait_for(timeout=60_000)
    yield page
    context.close()


def test_point_7_a_wrong_key_is_refused_and_the_right_one_logs_in_once(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/", wait_until="networkidle")
    page.fill("#key", "not-the-key")
    page.click("button[type=submit]")
    page.get_by_text("Wrong key").wait_for(timeout=10_000)
    assert not context.cookies()

    page.fill("#key", KEY)
    page.click("button[type=submit]")
    page.locator("#question").wait_for(timeout=60_000)
    (cookie,) = context.cookies()
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and KEY not in cookie["value"]
    # The session covers the page's own calls (config, queue) and later visits.
    page.goto(server.url + "/")
    page.locator("#question").wait_for(timeout=60_000)
    assert "/login" not in page.url
    context.close()


def test_point_10_images_in_questions_and_documents_are_never_fetched(page, server, beacon):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    Beacon.hits.clear()
    box = page.locator("#question textarea, #question input").first

    injected = (
        f'What does the beacon notice read? <img src="{beacon}/question-html.png"> '
        f"![x]({beacon}/question-md.png) ![y][q]\n[q]: {beacon}/question-ref.png"
    )
    for question in (injected, "What does the beacon notice read in its header line?"):
        box.fill(question)
        box.press("Enter")
        page.wait_for_function(
            "q => [...document.querySelectorAll('#chat .cqa-answer[data-question]')]"
            ".some(e => e.dataset.question === q)",
            arg=question,
            timeout=60_000,
        )
    chat = page.locator("#chat").inner_text()
    page.get_by_role("tab", name="Documents").click()
    page.locator(".cqa-doc-open").first.click()  # a row opens its document in the reader
    reader = page.locator("#document-text")
    reader.get_by_text("Staff should report").wait_for(timeout=30_000)
    page.screenshot(path=str(artifacts_dir("ui") / "no-beacons.png"), full_page=True)
    page.wait_for_timeout(1000)  # time for any late image load to show up
    assert not [url for url in requested if url.startswith(beacon)], requested
    assert Beacon.hits == []
    # Shown as the text it is, not as images or links.
    assert "question-html.png" in chat and "<img" in chat
    assert "doc-html.png" in chat, chat  # the answer quotes the document's line
    shown = reader.inner_text()
    assert f"![tracker]({beacon}/doc-md.png)" in shown  # literally, no stray backslash
    assert f"[beacon]: {beacon}/doc-ref.png" in shown
    assert reader.locator("img").count() == 0


def test_point_8_a_script_in_a_document_url_does_not_run(page, server, beacon):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    evil = f'<img src="{beacon}/xss.png" onerror="alert(1)"><script>alert(2)</script>'
    response = page.goto(server.url + "/ui/document/" + quote(evil, safe=""))
    assert response.status == 404
    page.wait_for_timeout(1000)
    assert dialogs == []
    assert "<script>alert(2)</script>" in page.locator("body").inner_text()  # shown as text
    assert not [url for url in requested if url.startswith(beacon)]
    with contextlib.suppress(Exception):
        page.goto("about:blank")
