"""The chat in a real browser: Debian's chromium driven by Playwright, against a real server."""

import re
import shutil

import pytest
from conftest import artifacts_dir
from helpers import corpus_qa_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def server(seed_index_dir, tmp_path_factory):
    log = tmp_path_factory.mktemp("ui") / "server.log"
    with corpus_qa_server(seed_index_dir, log) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert shutil.which("chromium"), (
        "chromium is missing: `make test` installs it (apt-get install chromium)"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def ask(page, question: str, wait: bool = True) -> None:
    """Type, press Enter, and wait until the sources panel shows this question's answer."""
    box = page.locator("#question textarea, #question input").first
    box.fill(question)
    box.press("Enter")
    if wait:
        page.wait_for_function(
            "q => [...document.querySelectorAll('#sources [data-question]')].some(e => e.dataset.question === q)",
            arg=question,
            timeout=60_000,
        )


def assistant_messages(page):
    return page.locator("#chat .message-row.bot-row, #chat [data-testid='bot']")


def test_ask_follow_up_and_abstain_in_the_browser(server, browser):
    out = artifacts_dir("ui")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url + "/", wait_until="networkidle")

    ask(page, "Who is the British Foreign Secretary quoted in the articles?")
    chat = page.locator("#chat")
    chat.get_by_text("Dominique Raab").first.wait_for(timeout=60_000)
    assert re.search(r"\[1\]", chat.inner_text())
    quote = page.locator("#sources mark.cqa-quote").first
    quote.wait_for(timeout=30_000)
    assert "Dominique Raab" in quote.inner_text() and quote.is_visible()
    page.screenshot(path=str(out / "answer.png"), full_page=True)

    # The source opens the whole document with the quote marked.
    with page.context.expect_page() as opened:
        page.locator("#sources a.cqa-open").first.click()
    doc_page = opened.value
    doc_page.wait_for_load_state()
    assert "Dominique Raab" in doc_page.locator("mark#quote").inner_text()
    doc_page.close()

    ask(
        page,
        "Who did the British authorities accuse of cyber espionage against vaccine researchers?",
    )
    ask(page, "Who denied it?")
    marked = " ".join(page.locator("#sources mark.cqa-quote").all_inner_texts())
    assert re.search(r"denie|rejects", marked), marked

    ask(page, "What is the population of Finland?")
    page.locator("#sources .cqa-abstained").wait_for(timeout=60_000)
    assert "Not in the documents" in chat.inner_text()
    page.screenshot(path=str(out / "conversation.png"), full_page=True)

    page.locator("#clear").click()
    page.wait_for_function(
        "!document.querySelector('#chat').innerText.includes('Finland')", timeout=15_000
    )
    page.close()


def test_narrow_window_and_documents_tab(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server.url + "/", wait_until="networkidle")
    box = page.locator("#question textarea, #question input").first
    assert box.is_visible()
    box_width = box.bounding_box()["width"]
    assert box_width < 390
    page.get_by_role("tab", name="Documents").click()
    # Selecting the tab lists the documents and opens the first one in the reader.
    page.locator("#document-text").get_by_text("000_d656f2f487da6926.txt").wait_for(timeout=30_000)
    assert "APT29" in page.locator("#document-text").inner_text()
    page.screenshot(path=str(artifacts_dir("ui") / "narrow-documents.png"), full_page=True)
    page.close()


def test_errors_show_in_the_chat_and_the_ui_keeps_working(browser, tmp_path):
    """With no index behind it, the UI says how to build one, and keeps working."""
    with corpus_qa_server(tmp_path / "empty-index", tmp_path / "server.log") as server:
        page = browser.new_page()
        page.goto(server.url + "/", wait_until="networkidle")
        for _ in range(2):  # a second question after an error still gets an answer
            box = page.locator("#question textarea, #question input").first
            box.fill("What is APT29?")
            box.press("Enter")
            page.locator("#chat").get_by_text("corpus-qa ingest").nth(_).wait_for(timeout=60_000)
        text = page.locator("#chat").inner_text()
        assert "Error:" in text and "Traceback" not in page.content()
        page.screenshot(path=str(artifacts_dir("ui") / "error.png"))
        page.close()
