"""The chat in a real browser (Debian's chromium driven by Playwright) against one real
`corpus-qa serve`, at desktop (1366x900) and phone (390x844) sizes.

One server for the module: the two seeds ingested from a temporary copy (uploads land in
the data dir's upload folder, not in that copy), and a scripted LLM so that a streamed answer can be stopped. Each test
gets a fresh browser context (its own localStorage). Screenshots go to test-artifacts/ui/.
"""

from __future__ import annotations

import re
import shutil

import pytest
from axe_support import violations
from browser_support import chromium_browser  # noqa: F401 (the `browser` fixture)
from conftest import SEEDS, artifacts_dir
from doc_files import write_pdf
from helpers import corpus_qa_server

from qa.config import Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
RAAB = "Which British Foreign Secretary made a statement?"
NCSC = "How certain is the NCSC that APT29 is part of Russian intelligence?"


@pytest.fixture(scope="module")
def server(tmp_path_factory, fake_llm):
    from ingest.pipeline import ingest

    corpus = tmp_path_factory.mktemp("ui-corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    data_dir = tmp_path_factory.mktemp("ui-index")
    ingest(corpus, Settings(data_dir=data_dir), progress=False)
    env = {
        "CORPUS_QA_LLM_PROVIDER": "openai-like",
        "CORPUS_QA_LLM_BASE_URL": fake_llm.url + "/v1",
        "CORPUS_QA_LLM_MODEL": "slow-stream",
    }
    log = tmp_path_factory.mktemp("ui") / "server.log"
    with corpus_qa_server(data_dir, log, env=env) as server:
        server.data_dir = data_dir
        server.corpus = corpus
        yield server


@pytest.fixture
def open_page(browser, server):
    """A page in a fresh context (its own localStorage); no script error may happen on it."""
    contexts, errors = [], []

    def make(viewport: dict):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        load(page, server.url)
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == []


def open_document(card):
    """Follow a source card's link: the whole document, opened at the quote in a new page."""
    with card.page.context.expect_page() as opened:
        card.locator("a.cqa-open").click()
    document = opened.value
    document.wait_for_load_state()
    return document


def load(page, url: str) -> None:
    page.goto(url + "/")
    page.locator("#welcome .cqa-corpus, #cqa-transcript .cqa-turn").first.wait_for(timeout=60_000)


def box(page):
    return page.locator("#question textarea")


def answers(page):
    return page.locator("#cqa-transcript .cqa-answer[data-question]")


def ask(page, question: str) -> None:
    """Type, press Enter, and wait for this question's answer (not just any answer)."""
    before = answers(page).count()
    box(page).fill(question)
    box(page).press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#cqa-transcript .cqa-answer[data-question]').length > n",
        arg=before,
        timeout=60_000,
    )


def in_viewport(page, locator) -> bool:
    box_ = locator.bounding_box()
    size = page.viewport_size
    return box_ is not None and box_["y"] >= 0 and box_["y"] + 20 <= size["height"]


def no_serious_violations(page, where: str) -> None:
    """axe finds no serious violation once Gradio has settled. While an event is pending,
    Gradio gives its components the class `pending` (opacity .2), and axe would read their
    text at a fifth of its contrast: a fixed pause was not enough on a loaded CI machine."""
    page.wait_for_function(
        "() => !document.querySelector('.gradio-container .pending')", timeout=30_000
    )
    page.wait_for_timeout(100)  # a transition that outlives the class
    found = violations(page)
    assert not found, f"axe ({where}): {found}"


def test_desktop_sources_per_answer_reload_and_accessibility(open_page, server):
    out = artifacts_dir("ui")
    page = open_page(DESKTOP)
    welcome = page.locator("#welcome").inner_text()
    assert re.search(r"Ask about \d+ documents", welcome) and "Why don't we hack back" in welcome
    page.screenshot(path=str(out / "desktop-first-screen.png"))
    no_serious_violations(page, "first screen")

    # An example sends when clicked: the question shows at once, then its answer.
    example = page.locator(".cqa-example").first
    asked = example.inner_text()
    example.click()
    page.locator("#cqa-transcript .cqa-q-text").first.wait_for(timeout=5_000)
    assert page.locator("#cqa-transcript .cqa-q-text").first.inner_text() == asked
    page.wait_for_function(
        "q => [...document.querySelectorAll('.cqa-answer[data-question]')]"
        ".some(e => e.dataset.question === q)",
        arg=asked,
        timeout=60_000,
    )
    ask(page, NCSC)
    ask(page, RAAB)
    older, latest = answers(page).nth(1), answers(page).nth(2)
    assert "Dominique Raab" in latest.inner_text()

    # [1] in the older answer shows that answer's own source, highlighted, in view.
    older.locator(".cqa-cite").first.click()
    card = older.locator(".cqa-source.cqa-focus")
    assert card.count() == 1 and card.get_attribute("open") is not None
    quote = card.locator("mark.cqa-quote")
    assert "95%" in quote.inner_text() and quote.is_visible() and in_viewport(page, quote)
    assert card.locator("summary").evaluate("e => e === document.activeElement")
    assert latest.locator(".cqa-source[open]").count() == 0  # the other answer is untouched
    where = card.locator(".cqa-where").inner_text()
    assert re.search(r"paragraph \d+", where) and "chars" not in where
    page.screenshot(path=str(out / "desktop-older-source.png"))

    # The source opens the whole document at the quote.
    document = open_document(card)
    assert "95%" in document.locator("mark#quote").inner_text()
    document.close()

    # Keyboard: every source is reachable (summary elements are focusable).
    summaries = page.locator(".cqa-source summary")
    assert summaries.count() >= 3
    summaries.last.focus()
    page.keyboard.press("Enter")
    assert summaries.last.evaluate("e => e.parentElement.open")
    no_serious_violations(page, "desktop conversation")

    # A reload (or a server restart) keeps the conversation, and its sources still work.
    page.reload()
    page.locator("#cqa-transcript .cqa-turn").first.wait_for(timeout=60_000)
    assert answers(page).count() == 3
    assert "Dominique Raab" in answers(page).nth(2).inner_text()
    answers(page).nth(1).locator(".cqa-cite").first.click()
    assert "95%" in answers(page).nth(1).locator(".cqa-source.cqa-focus mark").inner_text()
    assert page.locator("#cqa-conv-list .cqa-conv").count() == 1


def test_an_injected_script_shows_as_text_and_never_runs(open_page):
    page = open_page(DESKTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    injected = "<script>alert('x')</script> **bold** <img src=x onerror=alert(1)> What is APT29?"
    ask(page, injected)
    shown = page.locator("#cqa-transcript .cqa-q-text").last
    assert shown.inner_text() == injected  # exactly as typed: no Markdown, no HTML
    assert (
        page.locator(
            "#cqa-transcript script, #cqa-transcript img, #cqa-transcript strong.x"
        ).count()
        == 0
    )
    assert answers(page).last.get_attribute("data-question") == injected
    page.wait_for_timeout(500)
    assert dialogs == []


def test_conversations_list_rename_export_delete_copy_and_vote(open_page, server):
    from qa.feedback import FeedbackStore

    page = open_page(DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ask(page, RAAB)
    first_title = page.locator(".cqa-conv[aria-current=true]").inner_text()
    assert first_title.startswith("Which British Foreign")

    # Copy puts the answer and its sources on the clipboard.
    answers(page).last.locator(".cqa-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Dominique Raab" in copied and "Sources:" in copied and "[1] " in copied

    # A vote is stored on the server, through qa/, and counted.
    answers(page).last.locator(".cqa-vote[data-vote=up]").click()
    assert (
        answers(page).last.locator(".cqa-vote[data-vote=up]").get_attribute("aria-pressed")
        == "true"
    )
    store = FeedbackStore(server.data_dir)
    page.wait_for_function("() => true")
    for _ in range(50):
        if store.summary().up:
            break
        page.wait_for_timeout(100)
    assert store.summary().up >= 1

    # Rename, then a new chat, then back.
    page.locator(".cqa-rename").click()
    page.locator("#cqa-rename-input").fill("Raab's statement")
    page.locator("#cqa-rename-input").press("Enter")
    assert page.locator(".cqa-conv[aria-current=true]").inner_text() == "Raab's statement"
    page.locator(".cqa-new").click()
    assert answers(page).count() == 0 and page.locator("#welcome").is_visible()
    ask(page, NCSC)
    assert page.locator(".cqa-conv").count() == 2
    page.locator(".cqa-conv", has_text="Raab's statement").click()
    assert "Dominique Raab" in answers(page).last.inner_text()

    # Export as Markdown, with the sources listed.
    with page.expect_download() as download:
        page.locator(".cqa-export").click()
    exported = download.value.path().read_text(encoding="utf-8")
    assert exported.startswith("# Raab's statement")
    assert "**You:** " + RAAB in exported and "Sources:" in exported
    assert re.search(r"characters \d+–\d+", exported)

    # Delete asks first.
    page.locator(".cqa-delete-conv").click()
    assert page.locator("#cqa-delete-confirm").is_visible()
    page.locator("#cqa-delete-yes").click()
    assert page.locator(".cqa-conv").count() == 1
    assert not page.locator(".cqa-conv", has_text="Raab's statement").count()


def test_counter_long_question_and_stop(open_page):
    page = open_page(DESKTOP)
    limit = Settings().max_question_chars
    box(page).fill("x" * (limit - 100))
    counter = page.locator("#cqa-count")
    assert f"of {limit:,}" in counter.inner_text()
    box(page).fill("Why? " + "y" * limit)
    assert "over the limit" in counter.inner_text()
    height = box(page).bounding_box()["height"]
    assert height < 200  # the box stops growing and scrolls
    box(page).press("Enter")
    page.locator(".cqa-error").last.wait_for(timeout=30_000)
    assert "limit is" in page.locator(".cqa-error").last.inner_text()
    assert box(page).input_value().startswith("Why? ")  # nothing lost: shorten and send again

    # An LLM answer streams: Stop keeps what has arrived and ends the wait.
    page.locator("#settings button").first.click()
    page.get_by_label("Write with the language model, checked against the documents").check()
    box(page).fill(RAAB)
    box(page).press("Enter")
    page.locator("#stop").wait_for(state="visible", timeout=30_000)
    page.locator("#cqa-transcript .cqa-pending, #cqa-transcript .cqa-streaming").first.wait_for(
        timeout=10_000
    )
    page.screenshot(path=str(artifacts_dir("ui") / "desktop-streaming.png"))
    page.locator("#stop").click()
    page.locator(".cqa-stopped").wait_for(timeout=10_000)
    page.locator("#send").wait_for(state="visible", timeout=10_000)
    page.reload()
    page.locator("#cqa-transcript .cqa-turn").first.wait_for(timeout=60_000)
    assert page.locator(".cqa-stopped").count() == 1


def test_phone_sources_under_their_answer_and_documents_tab(open_page):
    out = artifacts_dir("ui")
    page = open_page(PHONE)
    assert page.locator("#question textarea").is_visible()
    new_chat = page.locator(".cqa-new").bounding_box()
    assert new_chat is None or new_chat["x"] + new_chat["width"] <= 0  # the list is folded away
    page.screenshot(path=str(out / "phone-first-screen.png"))
    no_serious_violations(page, "phone first screen")
    ask(page, NCSC)
    ask(page, RAAB)
    older = answers(page).first
    older.locator(".cqa-cite").first.click()
    card = older.locator(".cqa-source.cqa-focus")
    quote = card.locator("mark.cqa-quote")
    assert "95%" in quote.inner_text() and in_viewport(page, quote)
    text_box = older.locator("p").first.bounding_box()
    card_box = card.bounding_box()
    assert card_box["y"] > text_box["y"] and card_box["x"] + card_box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(out / "phone-source.png"))
    no_serious_violations(page, "phone conversation")

    page.get_by_role("tab", name="Documents").click()
    table = page.locator("#documents table.cqa-docs")
    table.wait_for(timeout=30_000)
    titles = page.locator(".cqa-doc-open").all_inner_texts()
    assert "Why don't we hack back Russia" in titles
    assert not any(t.endswith(".txt") for t in titles)  # titles, not file names
    page.locator(".cqa-doc-row", has_text="Why don't we hack back Russia").locator("td").nth(
        2
    ).click()
    reader = page.locator("#document-text")
    reader.locator("h2", has_text="Why don't we hack back Russia").wait_for(timeout=30_000)
    assert "APT29" in reader.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(out / "phone-documents.png"), full_page=True)
    no_serious_violations(page, "phone documents")


def test_desktop_documents_headers_read_whole(open_page):
    page = open_page(DESKTOP)
    page.get_by_role("tab", name="Documents").click()
    page.locator("#documents table.cqa-docs").wait_for(timeout=30_000)
    for header in page.locator(".cqa-docs th").all():
        size = header.evaluate("e => [e.scrollWidth, e.clientWidth, e.getClientRects().length]")
        assert size[0] <= size[1], header.inner_text()  # no header cut or broken mid-word
    no_serious_violations(page, "desktop documents")


def test_upload_a_pdf_ask_about_it_and_open_it_at_the_quote(open_page, server, tmp_path):
    out = artifacts_dir("ui")
    pdf = write_pdf(
        tmp_path / "harbour-report.pdf",
        [
            "Harbour Authority Annual Report. The authority runs the northern docks.",
            "Dredging. The eastern channel is twelve metres deep.",
            "Safety. Two minor incidents were reported at the ferry terminal.",
        ],
    )
    page = open_page(DESKTOP)
    page.get_by_role("tab", name="Documents").click()
    page.locator("#upload input[type=file]").set_input_files(str(pdf))
    result = page.locator("#upload-progress li[data-status=added]")
    result.wait_for(timeout=180_000)
    assert "3 pages" in result.inner_text()
    row = page.locator(".cqa-doc-row", has_text="Harbour Authority")
    row.wait_for(timeout=30_000)
    assert "PDF" in row.inner_text() and re.search(r"\b3\b", row.inner_text())
    page.screenshot(path=str(out / "desktop-upload.png"), full_page=True)

    page.get_by_role("tab", name="Ask").click()
    ask(page, "How deep is the eastern channel?")
    answer = answers(page).last
    assert "twelve metres" in answer.inner_text()
    answer.locator(".cqa-cite").first.click()
    card = answer.locator(".cqa-source.cqa-focus")
    assert "page 2" in card.locator(".cqa-where").inner_text()
    page.screenshot(path=str(out / "desktop-pdf-answer.png"))
    document = open_document(card)
    assert "twelve metres" in document.locator("mark#quote").inner_text()
    assert "page 2" in document.locator(".meta").inner_text()
    assert in_viewport(document, document.locator("mark#quote"))
    document.close()

    # Delete asks first; then the document is gone from the list and the folder.
    page.get_by_role("tab", name="Documents").click()
    page.locator(".cqa-doc-delete[data-doc='harbour-report.pdf']").click()
    page.locator("#delete-yes").wait_for(timeout=10_000)
    assert "Harbour Authority" in page.locator("#delete-confirm").first.inner_text()
    page.locator("#delete-yes").click()
    page.locator(".cqa-doc-row", has_text="Harbour Authority").wait_for(
        state="detached", timeout=30_000
    )
    assert not (server.data_dir / "documents" / "harbour-report.pdf").exists()
    assert not (server.corpus / "harbour-report.pdf").exists()


def test_errors_show_in_the_chat_and_the_ui_keeps_working(browser, tmp_path):
    """With no index behind it, the UI says how to build one, and keeps working."""
    with corpus_qa_server(tmp_path / "empty-index", tmp_path / "server.log") as server:
        page = browser.new_page()
        page.goto(server.url + "/")
        page.locator("#welcome .cqa-corpus").wait_for(timeout=60_000)
        for n in range(2):  # a second question after an error still gets an answer
            box(page).fill("What is APT29?")
            box(page).press("Enter")
            page.locator(".cqa-error").nth(n).get_by_text("corpus-qa ingest").wait_for(
                timeout=60_000
            )
        text = page.locator("#chat").inner_text()
        assert "Error:" in text and "Traceback" not in page.content()
        page.screenshot(path=str(artifacts_dir("ui") / "error.png"))
        page.close()
