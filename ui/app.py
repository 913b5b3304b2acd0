"""The Gradio chat on QAService: no QA logic here, only conversation state and rendering.

Mounted into the FastAPI app at / (`corpus-qa serve`), or alone (`corpus-qa ui`).
Errors are turned into chat messages in one place, `_render_error`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from qa.config import Settings
from qa.errors import CorpusQAError, NotFound, public_message
from qa.service import QAService, get_service
from qa.types import Answer, ChatTurn
from ui.render import (
    CSS,
    PAGE_HEADERS,
    answer_markdown,
    document_page,
    documents_rows,
    error_page,
    md_plain,
    md_text,
    sources_html,
)

log = logging.getLogger(__name__)

EXAMPLES = [
    "Who is the British Foreign Secretary quoted in the articles?",
    "How certain is the NCSC that APT29 is part of Russian intelligence?",
    "What did the Russian embassy say about the allegations?",
    "What other names is APT29 known by?",
]
DOC_HEADERS = ["doc_id", "title", "passages", "characters", "ingested at"]


def _text(content) -> str:
    """Gradio message content is a string or a list of typed parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def _render_error(exc: Exception) -> str:
    if isinstance(exc, CorpusQAError):
        message = public_message(exc)
        if message != str(exc):  # the details (paths, URLs) go to the log only
            log.warning("%s: %s", type(exc).__name__, exc)
        return f"**Error:** {md_text(message)}"
    log.exception("unexpected error in the UI")
    return "**Error:** Something went wrong on the server; the error is in its log. Try again."


def _displayable(text: str) -> str:
    """Text that can be sent back to the browser: a lone surrogate becomes U+FFFD."""
    return text.encode("utf-8", "replace").decode("utf-8") if text else text


def build(settings: Settings, service: QAService | None = None):
    import gradio as gr

    def svc() -> QAService:
        return service or get_service()

    def doc_text(doc_id: str) -> str:
        return svc().document_text(doc_id)

    def respond(message: str, history: list, top_k: int, mode: str) -> Iterator[tuple]:
        history = list(history or [])
        message = (message or "").strip()
        if not message:
            yield history, gr.update(), "", None
            return
        # Messages are shown as escaped Markdown (ui.render.md_text); the service gets
        # the text back as it was typed.
        turns = [
            ChatTurn(role=m["role"], content=md_plain(_text(m["content"])))
            for m in history
            if m.get("role") in ("user", "assistant")
        ]
        history += [
            {"role": "user", "content": md_text(_displayable(message))},
            {"role": "assistant", "content": ""},
        ]
        yield history, gr.update(), "", None
        try:
            for item in svc().ask_stream(message, history=turns, top_k=int(top_k), mode=mode):
                if isinstance(item, Answer):
                    history[-1]["content"] = answer_markdown(item)
                    yield history, sources_html(item, doc_text), "", item.model_dump(mode="json")
                elif item:  # empty pieces are keep-alive ticks
                    history[-1]["content"] += md_text(item)
                    yield history, gr.update(), "", None
        except Exception as exc:  # shown in the chat; the UI keeps working
            history[-1]["content"] = _render_error(exc)
            yield history, sources_html(None, doc_text), "", None

    def list_documents():
        try:
            docs = svc().documents()
        except Exception as exc:
            return gr.update(value=[]), gr.update(choices=[]), _render_error(exc)
        ids = [d.doc_id for d in docs]
        return documents_rows(docs), gr.update(choices=ids, value=ids[0] if ids else None), ""

    def show_document(doc_id: str | None) -> str:
        if not doc_id:
            return ""
        try:
            doc = svc().document(doc_id)
        except Exception as exc:
            return _render_error(exc)
        return (
            f"### {md_text(doc.title)}\n\n{md_text(doc.doc_id)} · {doc.passage_count} passages"
            "\n\n" + md_text(doc.text).replace("\n", "\n\n")
        )

    with gr.Blocks(title="corpus-qa", fill_height=True) as demo:
        gr.Markdown("## corpus-qa\nAnswers quoted from the documents, each with its source.")
        with gr.Tab("Ask"), gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=460,
                    elem_id="chat",
                    buttons=["copy"],
                    placeholder="Ask a question about the documents. Follow-ups can refer to earlier answers.",
                    latex_delimiters=[],  # text is shown as written (ui.render.md_text)
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="Type a question and press Enter",
                        show_label=False,
                        scale=5,
                        elem_id="question",
                        autofocus=True,
                        max_length=settings.max_question_chars,
                    )
                    send = gr.Button(
                        "Send", variant="primary", scale=1, min_width=80, elem_id="send"
                    )
                gr.Examples(EXAMPLES, inputs=[question], label="Try")
                clear = gr.Button("Clear conversation", size="sm", elem_id="clear")
                with gr.Accordion("Settings", open=False):
                    top_k = gr.Slider(
                        1, 20, value=settings.top_k, step=1, label="Passages to retrieve"
                    )
                    mode = gr.Radio(
                        ["extractive", "llm"],
                        value="extractive",
                        label="Answering mode",
                        info="extractive quotes the documents; llm writes an answer whose sentences are checked",
                        visible=settings.llm_configured,
                    )
            with gr.Column(scale=2, min_width=300):
                gr.Markdown("### Sources")
                sources = gr.HTML(sources_html(None, doc_text), elem_id="sources")
                answer_json = gr.JSON(visible=False)
        with gr.Tab("Documents") as documents_tab:
            table = gr.Dataframe(headers=DOC_HEADERS, interactive=False, wrap=True)
            chosen = gr.Dropdown(label="Read a document", choices=[])
            status = gr.Markdown()
            reader = gr.Markdown(elem_id="document-text", latex_delimiters=[])

        outputs = [chatbot, sources, question, answer_json]
        inputs = [question, chatbot, top_k, mode]
        question.submit(respond, inputs, outputs, api_name="chat")
        send.click(respond, inputs, outputs, api_name=False)
        clear.click(
            lambda: ([], sources_html(None, doc_text), "", None), None, outputs, api_name=False
        )
        documents_tab.select(list_documents, None, [table, chosen, status], api_name=False)
        chosen.change(show_document, chosen, reader, api_name=False)
    return demo


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
        return HTMLResponse(
            document_page(doc.doc_id, doc.title, doc.text, start, end), headers=PAGE_HEADERS
        )

    return gr.mount_gradio_app(
        app, build(settings, service), path="/", css=CSS, ssr_mode=False, footer_links=["api"]
    )


def launch(settings: Settings, host: str, port: int) -> None:
    """The UI alone, with the same gate, limits and timeouts as `corpus-qa serve`."""
    import uvicorn

    from qa.api import errors as api_errors
    from qa.api.app import secure
    from qa.api.server import uvicorn_options

    app = FastAPI(title="corpus-qa UI")
    api_errors.install(app)
    app = mount(app, settings)
    secure(app, settings)
    uvicorn.run(app, host=host, port=port, **uvicorn_options(settings))
