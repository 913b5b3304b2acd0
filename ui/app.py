"""The chat on QAService: no QA logic here, only wiring, rendering (ui/render.py) and the
browser side (ui/static/chat.js, chat.css).

Mounted into the FastAPI app at / (`corpus-qa serve`), or alone (`corpus-qa ui`).
Conversations live in the browser (localStorage), so a request carries one question and
the few turns a follow-up needs. Errors become messages in one place, `_render_error`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, ValidationError

from ingest.formats import READABLE_FORMATS
from qa.config import Settings
from qa.errors import CorpusQAError, InvalidInput, NotFound, public_message
from qa.service import QAService, get_service
from qa.types import Answer, ChatTurn, Feedback, Job
from qa.uploads import SUPPORTED_SUFFIXES, IncomingFile
from ui.render import (
    PAGE_HEADERS,
    DocumentView,
    answer_html,
    copy_text,
    corpus_html,
    document_page,
    documents_table_html,
    error_html,
    error_page,
    esc,
    jobs_html,
    reader_html,
    streaming_html,
    turn_markdown,
)

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"

HEADER = (
    "<header class='cqa-header'><h1>corpus-qa</h1>"
    "<p>Answers quoted from your documents, each with its source.</p></header>"
)
FOOTER = (
    "<footer class='cqa-footer'><a href='/docs' target='_blank' rel='noopener'>Use via API"
    "<span class='cqa-sr'> (the API's documentation, in a new tab)</span></a></footer>"
)
CHAT = (
    "<section id='cqa-transcript' aria-label='Conversation'></section>"
    "<div id='cqa-status' class='cqa-sr' role='status' aria-live='polite'></div>"
)
CONVERSATIONS = """
<nav class='cqa-convs' aria-labelledby='cqa-convs-h'>
  <button type='button' class='cqa-new'>+ New chat</button>
  <h2 id='cqa-convs-h'>Conversations</h2>
  <p id='cqa-conv-empty' class='cqa-hint'>Your conversations are kept in this browser.</p>
  <ul id='cqa-conv-list'></ul>
  <div id='cqa-conv-actions' hidden>
    <p class='cqa-hint'>This conversation:</p>
    <button type='button' class='cqa-rename'>Rename</button>
    <button type='button' class='cqa-export'>Export (.md)</button>
    <button type='button' class='cqa-delete-conv'>Delete</button>
  </div>
  <form id='cqa-rename-form' hidden>
    <label for='cqa-rename-input'>New name</label>
    <input id='cqa-rename-input' type='text' maxlength='200' autocomplete='off'>
    <button type='submit'>Save</button>
    <button type='button' id='cqa-rename-cancel'>Cancel</button>
  </form>
  <div id='cqa-delete-confirm' role='alertdialog' aria-labelledby='cqa-delete-what' hidden>
    <p id='cqa-delete-what'></p>
    <button type='button' id='cqa-delete-yes'>Delete</button>
    <button type='button' id='cqa-delete-no'>Cancel</button>
  </div>
</nav>
"""
MODES = [
    ("Quote the documents", "extractive"),
    ("Write with the language model, checked against the documents", "llm"),
]
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class TurnRequest(BaseModel):
    """What chat.js sends with a question: where the answer goes, and the turns before."""

    conversation: str = Field(pattern=_ID.pattern)
    turn: str = Field(pattern=_ID.pattern)
    history: list[ChatTurn] = Field(default_factory=list, max_length=20)


def _render_error(exc: Exception) -> str:
    if isinstance(exc, CorpusQAError):
        message = public_message(exc)
        if message != str(exc):  # the details (paths, URLs) go to the log only
            log.warning("%s: %s", type(exc).__name__, exc)
        return f"Error: {message}"
    log.exception("unexpected error in the UI")
    return "Error: Something went wrong on the server; the error is in its log. Try again."


def _displayable(text: str) -> str:
    """Text that can be sent back to the browser: a lone surrogate becomes U+FFFD."""
    return text.encode("utf-8", "replace").decode("utf-8") if text else text


def theme():
    """Gradio's default look with colours that pass WCAG AA (4.5:1 for text): its orange
    primary button and grey hints do not."""
    import gradio as gr

    # System fonts: nothing to download, and no glyph falls back to another font mid-word.
    return gr.themes.Default(
        primary_hue="blue",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    ).set(
        button_primary_background_fill="#1d4ed8",
        button_primary_background_fill_hover="#1e40af",
        button_primary_text_color="#ffffff",
        button_primary_background_fill_dark="#2563eb",
        button_primary_background_fill_hover_dark="#1d4ed8",
        button_primary_text_color_dark="#ffffff",
        button_cancel_background_fill="#b91c1c",
        button_cancel_background_fill_hover="#991b1b",
        button_cancel_text_color="#ffffff",
        button_cancel_background_fill_dark="#b91c1c",
        button_cancel_text_color_dark="#ffffff",
        body_text_color_subdued="#4b5563",
        body_text_color_subdued_dark="#d1d5db",
        block_info_text_color="#4b5563",
        block_info_text_color_dark="#d1d5db",
        input_placeholder_color="#6b7280",
        input_placeholder_color_dark="#9ca3af",
        link_text_color="#1d4ed8",
        link_text_color_dark="#93c5fd",
        color_accent="#1d4ed8",
        checkbox_background_color_selected="#1d4ed8",
        checkbox_border_color_selected="#1d4ed8",
        checkbox_background_color_selected_dark="#2563eb",
        checkbox_border_color_selected_dark="#2563eb",
    )


def build(settings: Settings, service: QAService | None = None):
    import gradio as gr

    def svc() -> QAService:
        return service or get_service()

    # Uploads and deletions from the browser follow the API's rule: with an admin key set,
    # a browser session (which holds the reader's key) may not change the corpus.
    can_change = getattr(settings, "admin_key", None) is None

    def lookup(doc_id: str) -> DocumentView | None:
        try:
            service_ = svc()
            snapshot = service_.snapshot()
            pages = getattr(snapshot, "document_pages", lambda _id: [])(doc_id)
            return DocumentView(service_.document_text(doc_id), list(pages))
        except (CorpusQAError, KeyError):  # a deleted document: the card shows the quote only
            return None

    # --- asking ------------------------------------------------------------------------
    def respond(question: str, request: str, top_k: int, mode: str) -> Iterator[tuple]:
        keep = gr.update()
        try:
            turn = TurnRequest.model_validate_json(request or "{}")
        except ValidationError:
            log.warning("a question arrived without its request (is chat.js loaded?)")
            yield keep, keep, keep, keep
            return
        question = _displayable((question or "").strip())
        if not question:
            yield keep, keep, keep, keep
            return
        base = {"turn": turn.turn, "conversation": turn.conversation, "question": question}
        try:
            svc().validate_question(question)
        except InvalidInput as exc:  # the text stays in the box, to be shortened
            yield (
                {**base, "state": "error", "html": error_html(_render_error(exc))},
                keep,
                keep,
                keep,
            )
            return
        busy = (gr.update(visible=False), gr.update(visible=True))
        idle = (gr.update(visible=True), gr.update(visible=False))
        yield {**base, "state": "pending"}, "", *busy
        text = ""
        try:
            stream = svc().ask_stream(question, history=turn.history, top_k=int(top_k), mode=mode)
            for item in stream:
                if isinstance(item, Answer):
                    yield _finished(base, question, item), keep, *idle
                elif item:  # empty pieces are keep-alive ticks
                    text += item
                    yield {**base, "state": "streaming", "html": streaming_html(text)}, keep, *busy
        except Exception as exc:  # shown in the chat; the UI keeps working
            message = _render_error(exc)
            yield {**base, "state": "error", "html": error_html(message), "text": ""}, keep, *idle

    def _finished(base: dict, question: str, answer: Answer) -> dict:
        return {
            **base,
            "state": "done",
            "html": answer_html(answer, base["turn"], lookup),
            "text": answer.answer,
            "copy": copy_text(answer, lookup),
            "markdown": turn_markdown(question, answer, lookup),
            "doc_ids": sorted({c.doc_id for c in answer.citations}),
            "mode": answer.mode,
        }

    def stopped():
        return gr.update(visible=True), gr.update(visible=False)

    def record_vote(evt: gr.EventData) -> None:
        raw = (getattr(evt, "_data", None) or {}).get("feedback")
        try:
            svc().record_feedback(Feedback.model_validate_json(raw or ""))
        except ValidationError as exc:
            log.warning("a vote was refused: %s", exc.errors()[:1])

    # --- the corpus ------------------------------------------------------------------------
    def corpus_views() -> tuple[str, str]:
        try:
            docs = svc().documents()
        except CorpusQAError as exc:
            message = _render_error(exc)
            return corpus_html(None, message), f"<p>{esc(message)}</p>"
        deletable = svc().uploaded_documents() if can_change else set()
        return corpus_html(docs), documents_table_html(docs, deletable)

    def on_documents(evt: gr.EventData):
        """A click in the documents table: open a document, or ask before deleting one."""
        data = getattr(evt, "_data", None) or {}
        keep = gr.update()
        if isinstance(data.get("open"), str):
            try:
                doc = svc().document(data["open"])
            except CorpusQAError as exc:
                return error_html(_render_error(exc)), keep, keep, keep
            return reader_html(doc), keep, keep, keep
        if isinstance(data.get("delete"), str) and can_change:
            doc_id = data["delete"]
            title = next((d.title for d in svc().documents() if d.doc_id == doc_id), doc_id)
            question = (
                f"<p id='cqa-confirm-text'><strong>Delete “{esc(title)}”?</strong> It leaves the "
                "index and the upload folder; answers stop citing it. This cannot be undone.</p>"
            )
            return keep, gr.update(visible=True), question, doc_id
        return keep, keep, keep, keep

    def delete_confirmed(doc_id: str | None):
        hidden = gr.update(visible=False)
        if not doc_id or not can_change:
            return hidden, "", *corpus_views(), gr.update()
        try:
            svc().delete_document(doc_id)
            status = f"<p>Deleted “{esc(doc_id)}”.</p>"
        except CorpusQAError as exc:
            status = f"<p class='cqa-bad'>{esc(_render_error(exc))}</p>"
        return hidden, status, *corpus_views(), ""

    def delete_cancelled():
        return gr.update(visible=False), "", None

    # --- uploads ---------------------------------------------------------------------------
    def start_upload(paths: list[str] | None, jobs: list[str]):
        jobs = list(jobs or [])
        if not paths or not can_change:
            return jobs, gr.update(), gr.update(), gr.update(active=False), None
        files = [IncomingFile(Path(p).name, open(p, "rb")) for p in paths]  # noqa: SIM115
        try:
            job = svc().submit_upload(files)
        except CorpusQAError as exc:
            return jobs, gr.update(), error_html(_render_error(exc)), gr.update(), None
        finally:
            for f in files:
                f.stream.close()
                with contextlib.suppress(OSError):
                    Path(f.stream.name).unlink()  # Gradio's copy; the job staged its own
        jobs.append(job.job_id)
        return jobs, jobs_html(_jobs(jobs)), "", gr.update(active=True), None

    def _jobs(ids: list[str]) -> list[Job]:
        found = []
        for job_id in ids[-10:]:
            with contextlib.suppress(CorpusQAError):
                found.append(svc().job(job_id))
        return found

    def poll_jobs(ids: list[str]):
        jobs = _jobs(ids or [])
        running = any(j.state in ("queued", "running") for j in jobs)
        if running:
            return jobs_html(jobs), gr.update(), gr.update(), gr.update()
        return jobs_html(jobs), *corpus_views(), gr.update(active=False)

    # Gradio finds its EventData parameter by the annotation's class; with postponed
    # annotations (and gradio imported here, not at module level) it needs the class itself.
    for handler in (record_vote, on_documents):
        handler.__annotations__["evt"] = gr.EventData

    # --- the page --------------------------------------------------------------------------
    with gr.Blocks(title="corpus-qa") as demo:
        with gr.Sidebar(label="Conversations", open=False, elem_id="cqa-sidebar", width=280):
            gr.HTML(
                CONVERSATIONS,
                elem_id="conversations",
                js_on_load="window.cqa.mountConversations(element);",
            )
        gr.HTML(HEADER, elem_id="cqa-head", js_on_load=None)
        with gr.Tabs(elem_id="cqa-tabs"):
            with gr.Tab("Ask", id="ask"):
                welcome = gr.HTML(elem_id="welcome", js_on_load=None)
                chat = gr.HTML(
                    CHAT, elem_id="chat", js_on_load="window.cqa.mountChat(element, trigger);"
                )
                with gr.Group(elem_id="cqa-input"):
                    with gr.Row(equal_height=True):
                        question = gr.Textbox(
                            label="Your question",
                            placeholder="Ask about the documents",
                            lines=1,
                            max_lines=6,
                            elem_id="question",
                            autofocus=True,
                            scale=5,
                        )
                        send = gr.Button(
                            "Send", variant="primary", elem_id="send", scale=0, min_width=80
                        )
                        stop = gr.Button(
                            "Stop", variant="stop", elem_id="stop", scale=0, min_width=80,
                            visible=False,
                        )  # fmt: skip
                    gr.HTML(
                        "<div id='cqa-count' class='cqa-count'></div>",
                        elem_id="counter",
                        js_on_load=None,
                    )
                with gr.Accordion("Answer settings", open=False, elem_id="settings"):
                    top_k = gr.Slider(
                        1,
                        20,
                        value=settings.top_k,
                        step=1,
                        label="Passages to read for each question",
                        info="More can find more, but answers take a little longer.",
                    )
                    mode = gr.Radio(
                        MODES,
                        value="extractive",
                        label="How to answer",
                        visible=settings.llm_configured,
                    )
                request = gr.Textbox(visible="hidden", elem_id="cqa-request")
                turn_out = gr.JSON(visible="hidden", elem_id="cqa-turn")
            with gr.Tab("Documents", id="documents") as documents_tab:
                gr.HTML("<h2 class='cqa-tab-h'>Documents</h2>", js_on_load=None)
                if can_change:
                    upload = gr.File(
                        label="Add documents: drop files here, or select them",
                        file_count="multiple",
                        file_types=list(SUPPORTED_SUFFIXES),
                        elem_id="upload",
                        height=140,
                    )
                    gr.HTML(
                        f"<p class='cqa-hint' id='cqa-upload-hint'>{READABLE_FORMATS}, "
                        f"up to {settings.max_file_bytes // 1_000_000} MB each. A "
                        "document can be asked about as soon as it shows as added.</p>",
                        js_on_load=None,
                    )
                else:
                    gr.HTML(
                        "<p class='cqa-hint'>Adding and deleting documents needs the admin key "
                        "(CORPUS_QA_ADMIN_KEY): use the API, see <a href='/docs'>/docs</a>.</p>",
                        js_on_load=None,
                    )
                progress = gr.HTML(elem_id="upload-progress", js_on_load=None)
                upload_status = gr.HTML(elem_id="upload-status", js_on_load=None)
                jobs = gr.State([])
                timer = gr.Timer(0.5, active=False)
                with gr.Group(visible=False, elem_id="delete-confirm") as confirm_box:
                    confirm_text = gr.HTML(js_on_load=None)
                    with gr.Row():
                        confirm_yes = gr.Button("Delete", variant="stop", elem_id="delete-yes")
                        confirm_no = gr.Button("Keep it", elem_id="delete-no")
                pending_delete = gr.State(None)
                docs_status = gr.HTML(elem_id="docs-status", js_on_load=None)
                table = gr.HTML(
                    elem_id="documents",
                    js_on_load="window.cqa.mountDocuments(element, trigger);",
                )
                reader = gr.HTML(
                    elem_id="document-text",
                    js_on_load="watch('value', () => window.cqa.readerShown(element));",
                )
        gr.HTML(FOOTER, elem_id="cqa-foot", js_on_load=None)

        private = {"api_visibility": "private"}
        ask_inputs = [question, request, top_k, mode]
        ask_outputs = [turn_out, question, send, stop]
        before = "(q, r, k, m) => window.cqa.beforeSend(q, r, k, m)"
        asks = [
            trigger(respond, ask_inputs, ask_outputs, js=before, concurrency_limit=4, **private)
            for trigger in (question.submit, send.click)
        ]
        turn_out.change(None, [turn_out], None, js="(t) => { window.cqa.onTurn(t); return []; }")
        stop.click(
            stopped, None, [send, stop], cancels=asks, js="() => window.cqa.onStop()", **private
        )
        chat.submit(record_vote, None, None, **private)
        demo.load(corpus_views, None, [welcome, table], **private)
        demo.load(None, None, question, js="() => window.cqa.draft()")
        documents_tab.select(corpus_views, None, [welcome, table], **private)
        table.submit(
            on_documents, None, [reader, confirm_box, confirm_text, pending_delete], **private
        )
        confirm_yes.click(
            delete_confirmed,
            pending_delete,
            [confirm_box, docs_status, welcome, table, reader],
            **private,
        ).then(lambda: None, None, pending_delete, **private)
        confirm_no.click(
            delete_cancelled, None, [confirm_box, docs_status, pending_delete], **private
        )
        if can_change:
            upload.upload(
                start_upload,
                [upload, jobs],
                [jobs, progress, upload_status, timer, upload],
                **private,
            )
        timer.tick(poll_jobs, jobs, [progress, welcome, table, timer], **private)
    return demo


def head(settings: Settings) -> str:
    """The page's own script and its settings, inlined (nothing is fetched from elsewhere).
    `json.dumps` output is safe inside <script> once '<' is escaped."""
    config = json.dumps({"maxChars": settings.max_question_chars}).replace("<", "\\u003c")
    script = (STATIC / "chat.js").read_text(encoding="utf-8")
    return f"<script>window.CQA_CONFIG = {config};</script><script>{script}</script>"


def mount(app: FastAPI, settings: Settings, service: QAService | None = None) -> FastAPI:
    import gradio as gr

    @app.get("/ui/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_view(
        doc_id: str, start: int | None = None, end: int | None = None
    ) -> HTMLResponse:
        try:
            doc = (service or get_service()).document(doc_id)
        except CorpusQAError as exc:  # the message quotes the id: escaped, never reflected
            status = 404 if isinstance(exc, NotFound) else 503
            return HTMLResponse(error_page(public_message(exc)), status, headers=PAGE_HEADERS)
        page = document_page(doc.doc_id, doc.title, doc.text, start, end, doc.pages)
        return HTMLResponse(page, headers=PAGE_HEADERS)

    return gr.mount_gradio_app(
        app,
        build(settings, service),
        path="/",
        css=(STATIC / "chat.css").read_text(encoding="utf-8"),
        head=head(settings),
        theme=theme(),
        ssr_mode=False,
        footer_links=[],  # our footer's "Use via API" goes to /docs, the product's API
        max_file_size=settings.max_file_bytes,
    )
