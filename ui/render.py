"""HTML and Markdown for the UI: presentation only, from the `Answer` contract."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable
from urllib.parse import quote as urlquote

from qa.types import Answer, DocumentInfo

CONTEXT_CHARS = 280

# Markdown punctuation that links, images, emphasis, code, tables or LaTeX are made of.
_MARKDOWN = re.compile(r"([\\`*_\[\]()!#|~$])")
_ESCAPED = re.compile(r"\\([\\`*_\[\]()!#|~$])")


def md_text(text: str) -> str:
    """Text from a user, a document or an LLM, for a Markdown component, shown literally.

    Gradio's chat and Markdown render HTML (its sanitizer strips handlers but keeps
    <img>) and Markdown images: either one makes the browser fetch a URL that a
    question or a document chose, a tracking beacon. Escaping `<` and the Markdown
    punctuation leaves nothing to fetch; the text reads the same."""
    return html.escape(_MARKDOWN.sub(r"\\\1", text), quote=False)


def md_plain(markdown: str) -> str:
    """The text `md_text` escaped, back: chat history returns to the server as shown."""
    return _ESCAPED.sub(r"\1", html.unescape(markdown))


def answer_markdown(answer: Answer) -> str:
    if answer.abstained:
        return f"**Not in the documents.** {md_text(answer.answer)}"
    text = md_text(answer.answer)
    if answer.notice:
        text += f"\n\n_{md_text(answer.notice)}_"
    return text


def document_link(doc_id: str, start: int, end: int) -> str:
    return f"/ui/document/{urlquote(doc_id)}?start={start}&end={end}#quote"


def sources_html(answer: Answer | None, doc_text: Callable[[str], str]) -> str:
    """One card per citation: the quote highlighted inside its surrounding text."""
    if answer is None:
        return "<div class='cqa-sources-empty'>Sources appear here after an answer.</div>"
    # data-question marks which question the panel answers (tests and scripts wait on it).
    asked = html.escape(answer.question, quote=True)
    if answer.abstained or not answer.citations:
        return (
            f"<div class='cqa-abstained' role='status' data-question=\"{asked}\">"
            f"<strong>No supporting passage.</strong> {html.escape(answer.answer)}</div>"
        )
    cards = []
    for c in answer.citations:
        text = doc_text(c.doc_id)
        before_start = max(0, c.start - CONTEXT_CHARS)
        after_end = min(len(text), c.end + CONTEXT_CHARS)
        before = ("…" if before_start else "") + text[before_start : c.start]
        after = text[c.end : after_end] + ("…" if after_end < len(text) else "")
        cards.append(
            f"<div class='cqa-source' data-citation='{c.id}'>"
            f"<div class='cqa-source-head'><span class='cqa-marker'>[{c.id}]</span> "
            f"<strong>{html.escape(c.title)}</strong> "
            f"<span class='cqa-where'>{html.escape(c.doc_id)} · chars {c.start}–{c.end}</span></div>"
            f"<div class='cqa-context'>{_paragraphs(before)}<mark class='cqa-quote'>{html.escape(c.quote)}</mark>"
            f"{_paragraphs(after)}</div>"
            f"<a class='cqa-open' href='{document_link(c.doc_id, c.start, c.end)}' target='_blank' "
            f"rel='noopener'>Open the whole document at this quote ↗</a></div>"
        )
    return f"<div class='cqa-sources' data-question=\"{asked}\">" + "".join(cards) + "</div>"


def _paragraphs(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


# The document page runs one script of its own (scroll to the quote) and fetches nothing.
_SCROLL = "const q=document.getElementById('quote');if(q)q.scrollIntoView({block:'center'});"
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src "
    f"'sha256-{base64.b64encode(hashlib.sha256(_SCROLL.encode()).digest()).decode()}'; "
    "frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def error_page(message: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Not found</title>"
        f"</head><body><p>{html.escape(message)}</p></body></html>"
    )


def document_page(doc_id: str, title: str, text: str, start: int | None, end: int | None) -> str:
    """A standalone page with the whole document, the quote marked and scrolled to."""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = (
            _paragraphs(text[:start])
            + f"<mark id='quote'>{_paragraphs(text[start:end])}</mark>"
            + _paragraphs(text[end:])
        )
    else:
        body = _paragraphs(text)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>"
        "body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "mark{background:#ffe066;padding:0 .1em} .meta{color:#666;font-size:.9em}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p class='meta'>{html.escape(doc_id)}</p><div>{body}</div>"
        f"<script>{_SCROLL}</script>"
        "</body></html>"
    )


def documents_rows(docs: list[DocumentInfo]) -> list[list]:
    return [[d.doc_id, d.title, d.passage_count, d.size, d.ingested_at] for d in docs]


CSS = """
.cqa-source{border:1px solid var(--border-color-primary);border-radius:8px;padding:.6rem .8rem;margin-bottom:.6rem}
.cqa-source-head{margin-bottom:.3rem}
.cqa-marker{font-weight:700;color:var(--color-accent)}
.cqa-where{color:var(--body-text-color-subdued);font-size:.85em}
.cqa-context{font-size:.92em;line-height:1.5;max-height:14rem;overflow:auto}
mark.cqa-quote{background:#ffe066;color:#111;padding:0 .1em}
.cqa-abstained{border-left:4px solid #d9480f;background:rgba(217,72,15,.08);padding:.6rem .8rem;border-radius:4px}
.cqa-open{font-size:.85em}
"""
