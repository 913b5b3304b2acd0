"""HTML, Markdown and plain text for the UI: presentation only, from the contracts.

Everything here is a pure function of an `Answer`, a document or a job, so it is tested
without a browser. Text from a question, a document or an LLM is always escaped with
`html.escape` before it meets markup; the only tags are the ones written here.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from urllib.parse import quote as urlquote

from ingest.formats import READABLE_FORMATS
from qa.text import on_one_line
from qa.types import Answer, Citation, Document, DocumentInfo, Job, JobFile

# Up to this many characters of a quote's own paragraph are shown on each side of it.
CONTEXT_CHARS = 320
MAX_TITLES = 8  # titles listed on the first screen; the rest are in the Documents tab

# What is escaped, and why (each one alone is enough to stop what it names):
#   < > &            HTML: <img>, <video>, <iframe>... become text (as entities)
#   (                inline links and images: [text](url), ![alt](url)
#   : after ]        reference definitions ([ref]: url), which reference images use
#   \                so that the text cannot undo one of these escapes
#   * _ ` ~ # | $    emphasis, code, strikethrough, headings, tables: shown as typed
# Brackets and colons elsewhere stay as they are: citation markers read [1], and a copied
# answer has no backslashes there. A bare URL may become a link; links are not fetched.
_MARKDOWN = re.compile(r"[\\`*_~#|$(]|(?<=\]):")
_ESCAPED = re.compile(r"\\([\\`*_~#|$(:])")


def md_text(text: str) -> str:
    """Text from a user, a document or an LLM, for a Gradio Markdown component, shown
    literally (the UI itself renders HTML with `html.escape`; this stays for Markdown)."""
    return html.escape(_MARKDOWN.sub(lambda m: "\\" + m.group(), text), quote=False)


def md_plain(markdown: str) -> str:
    """The text `md_text` escaped, back."""
    return _ESCAPED.sub(r"\1", html.unescape(markdown))


def esc(text: str) -> str:
    """For element content and attribute values alike (quotes escaped too)."""
    return html.escape(text, quote=True)


# --- where a quote is, in words -----------------------------------------------------------
@dataclass
class DocumentView:
    """What the UI needs of a cited document: its text and its page spans (PDF)."""

    text: str
    pages: list[tuple[int, int, int]] = field(default_factory=list)


Lookup = Callable[[str], "DocumentView | None"]
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\r]*\n\s*")


def _page_start(view: DocumentView, offset: int) -> int:
    starts = [start for start, _end, _page in view.pages if start <= offset]
    return max(starts) if starts else 0


def paragraph_number(view: DocumentView, offset: int) -> int:
    """Which paragraph (blank-line separated) holds `offset`, counted from the start of its
    page when the document has pages, else from the start of the document."""
    start = _page_start(view, offset)
    before = view.text[start:offset].strip()
    return len(_PARAGRAPH_BREAK.findall(before)) + 1


def where_words(citation: Citation, view: DocumentView | None) -> str:
    """'page 3, paragraph 2', 'section “5.2 Notice”, paragraph 14' or 'paragraph 4': where a
    reader finds the quote. The character offsets stay in the API and in the link."""
    parts = []
    page = getattr(citation, "page", None)
    section = getattr(citation, "section", None) or ""
    if page:
        parts.append(f"page {page}")
    if section:
        parts.append(f"section “{section}”")
    if view is not None and _quotes(citation, view):
        parts.append(f"paragraph {paragraph_number(view, citation.start)}")
    return ", ".join(parts)


def _quotes(citation: Citation, view: DocumentView) -> bool:
    """The document still has the quote where the citation says (a stored conversation can
    outlive a replaced document)."""
    return view.text[citation.start : citation.end] == citation.quote


def _flow(text: str) -> str:
    """Document text as HTML that reads like the page: a blank line is a paragraph break,
    a wrapped line is a space."""
    paragraphs = _PARAGRAPH_BREAK.split(text)
    html_ = "<br><br>".join(esc(" ".join(p.split())) for p in paragraphs)
    # A break at either end stays a space: the quote's neighbours must not run into it.
    lead = " " if text[:1].isspace() and html_ else ""
    trail = " " if text[-1:].isspace() and html_ else ""
    return lead + html_ + trail


def _context(citation: Citation, view: DocumentView) -> tuple[str, str]:
    """The quote's paragraph around it, at most CONTEXT_CHARS on each side, cut at words."""
    text = view.text
    lo = max(0, citation.start - CONTEXT_CHARS)
    breaks = list(_PARAGRAPH_BREAK.finditer(text, lo, citation.start))
    if breaks:
        lo = breaks[-1].end()
    elif lo > 0:
        lo = text.find(" ", lo, citation.start) + 1 or lo
    hi = min(len(text), citation.end + CONTEXT_CHARS)
    after_break = _PARAGRAPH_BREAK.search(text, citation.end, hi)
    if after_break:
        hi = after_break.start()
    elif hi < len(text):
        hi = text.rfind(" ", citation.end, hi) if " " in text[citation.end : hi] else hi
    before = ("…" if lo > 0 and not breaks else "") + text[lo : citation.start]
    after = text[citation.end : hi] + ("…" if hi < len(text) and not after_break else "")
    return before, after


def document_link(doc_id: str, start: int, end: int) -> str:
    return f"/ui/document/{urlquote(doc_id)}?start={start}&end={end}#quote"


# --- an answer ----------------------------------------------------------------------------
_MARKER = re.compile(r"\[(\d+)\]")


def _answer_text_html(text: str, turn: str, cited: dict[int, Citation]) -> str:
    """The answer's paragraphs, escaped, with each [n] of a citation made a button that
    shows source n of this answer (ui/static/chat.js)."""

    def marker(match: re.Match) -> str:
        n = int(match.group(1))
        c = cited.get(n)
        if c is None:
            return match.group()
        label = f"Source {n}: {c.title}"
        return (
            f"<button type='button' class='cqa-cite' data-cite='{n}' "
            f"aria-controls='src-{turn}-{n}' aria-label='{esc(label)}'>[{n}]</button>"
        )

    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{_MARKER.sub(marker, esc(p.strip()))}</p>" for p in paragraphs)


def source_card(c: Citation, turn: str, view: DocumentView | None) -> str:
    where = where_words(c, view)
    quote = on_one_line(c.quote)
    if view is not None and _quotes(c, view):
        before, after = _context(c, view)
        context = f"{_flow(before)}<mark class='cqa-quote'>{esc(quote)}</mark>{_flow(after)}"
    else:
        context = f"<mark class='cqa-quote'>{esc(quote)}</mark>" + (
            " <em>(the document has changed since this answer)</em>" if view else ""
        )
    return (
        f"<li><details class='cqa-source' id='src-{turn}-{c.id}' data-citation='{c.id}'>"
        f"<summary><span class='cqa-marker'>[{c.id}]</span> "
        f"<span class='cqa-src-title'>{esc(c.title)}</span>"
        + (f"<span class='cqa-where'>, {esc(where)}</span>" if where else "")
        + f"<span class='cqa-src-quote'>“{esc(quote)}”</span></summary>"
        f"<div class='cqa-context'>{context}</div>"
        f"<a class='cqa-open' href='{esc(document_link(c.doc_id, c.start, c.end))}' "
        f"target='_blank' rel='noopener'>Open “{esc(c.title)}” at this quote"
        "<span class='cqa-sr'> (opens in a new tab)</span></a></details></li>"
    )


# Thumbs drawn inline (no emoji font on every machine; nothing fetched): Feather icons, MIT.
_SVG = (
    "<svg aria-hidden='true' focusable='false' width='16' height='16' viewBox='0 0 24 24' "
    "fill='none' stroke='currentColor' stroke-width='2' stroke-linecap='round' "
    "stroke-linejoin='round'><path d='{}'/></svg>"
)
_THUMB_UP = _SVG.format(
    "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 "
    "0 1-2-2v-7a2 2 0 0 1 2-2h3"
)
_THUMB_DOWN = _SVG.format(
    "M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 "
    "2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17"
)
ACTIONS = (
    "<div class='cqa-actions'>"
    "<button type='button' class='cqa-copy'>Copy answer and sources</button>"
    "<button type='button' class='cqa-vote' data-vote='up' aria-pressed='false' "
    f"title='Good answer'>{_THUMB_UP}<span class='cqa-sr'>Good answer</span></button>"
    "<button type='button' class='cqa-vote' data-vote='down' aria-pressed='false' "
    f"title='Bad answer'>{_THUMB_DOWN}<span class='cqa-sr'>Bad answer</span></button></div>"
)


def answer_html(answer: Answer, turn: str, lookup: Lookup) -> str:
    """One answer: its text with [n] buttons, its notice, its own sources, its actions.
    `data-question` says which question it answers (tests and scripts wait on it)."""
    asked = esc(answer.question)
    cited = {c.id: c for c in answer.citations}
    views = {c.doc_id: lookup(c.doc_id) for c in answer.citations}
    if answer.abstained:
        body = (
            "<p class='cqa-abstain-head'><strong>Not in the documents.</strong></p>"
            + _answer_text_html(answer.answer, turn, {})
        )
        kind = "cqa-answer cqa-abstained"
    else:
        body = _answer_text_html(answer.answer, turn, cited)
        kind = "cqa-answer"
    if answer.notice:
        body += f"<p class='cqa-notice'>{esc(answer.notice)}</p>"
    if answer.citations and not answer.abstained:
        count = len(answer.citations)
        cards = "".join(source_card(c, turn, views[c.doc_id]) for c in answer.citations)
        body += (
            f"<section class='cqa-sources' aria-label='Sources of this answer'>"
            f"<p class='cqa-sources-head'>{count} source{'s' if count > 1 else ''} "
            "<span class='cqa-hint'>(select one to see it in context)</span></p>"
            f"<ol>{cards}</ol></section>"
        )
    return f"<div class='{kind}' data-question=\"{asked}\">{body}{ACTIONS}</div>"


def streaming_html(text: str) -> str:
    """The answer so far, while it streams: plain paragraphs, no sources yet."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    inner = "".join(f"<p>{esc(p.strip())}</p>" for p in paragraphs)
    return f"<div class='cqa-answer cqa-streaming'>{inner}</div>"


def error_html(message: str) -> str:
    return f"<div class='cqa-answer cqa-error' role='alert'><p>{esc(message)}</p></div>"


def copy_text(answer: Answer, lookup: Lookup) -> str:
    """What Copy puts on the clipboard: the answer, then its sources listed."""
    lines = [answer.answer.strip()]
    if answer.notice:
        lines += ["", answer.notice]
    if answer.citations and not answer.abstained:
        lines += ["", "Sources:"]
        for c in answer.citations:
            where = where_words(c, lookup(c.doc_id))
            lines.append(
                f"[{c.id}] {c.title}"
                + (f", {where}" if where else "")
                + f": “{on_one_line(c.quote)}”"
            )
    return "\n".join(lines)


def turn_markdown(question: str, answer: Answer, lookup: Lookup) -> str:
    """One exchange for the Markdown export: the question, the answer, its sources with
    where they are and their exact offsets."""
    parts = [f"**You:** {question.strip()}", "", f"**Answer:** {answer.answer.strip()}"]
    if answer.notice:
        parts += ["", f"_{answer.notice}_"]
    if answer.citations and not answer.abstained:
        parts += ["", "Sources:", ""]
        for c in answer.citations:
            where = where_words(c, lookup(c.doc_id))
            parts.append(
                f"{c.id}. {c.title}"
                + (f", {where}" if where else "")
                + f" — “{on_one_line(c.quote)}” "
                f"(`{c.doc_id}`, characters {c.start}–{c.end})"
            )
    return "\n".join(parts)


# --- the first screen ---------------------------------------------------------------------
def examples(docs: list[DocumentInfo]) -> list[str]:
    """Questions that work on any corpus, with its own titles: an overview, a summary of a
    document, a comparison of two."""
    found = ["What are these documents about?"]
    titles = [d.title for d in docs if d.title]
    if titles:
        found.append(f"Summarize “{titles[0]}”.")
    if len(titles) > 1:
        found.append(f"Compare “{titles[0]}” and “{titles[1]}”.")
    return found


def corpus_html(docs: list[DocumentInfo] | None, error: str | None = None) -> str:
    """What the corpus is (a count and the titles), and example questions that send."""
    if error:
        return f"<div class='cqa-corpus'><p role='alert'>{esc(error)}</p></div>"
    if not docs:
        return (
            "<div class='cqa-corpus'><h2>No documents yet</h2><p>Add some in the "
            f"<strong>Documents</strong> tab ({READABLE_FORMATS}), or run "
            "<code>corpus-qa ingest</code> on a folder. Then ask about them here.</p></div>"
        )
    n = len(docs)
    shown = "".join(f"<li>{esc(d.title or d.doc_id)}</li>" for d in docs[:MAX_TITLES])
    more = (
        f"<p class='cqa-more'>…and {n - MAX_TITLES} more: see the Documents tab.</p>"
        if n > MAX_TITLES
        else ""
    )
    buttons = "".join(
        f"<li><button type='button' class='cqa-example' data-question=\"{esc(q)}\">"
        f"{esc(q)}</button></li>"
        for q in examples(docs)
    )
    return (
        "<div class='cqa-corpus'>"
        f"<h2>Ask about {n} document{'s' if n != 1 else ''}</h2>"
        f"<ul class='cqa-titles'>{shown}</ul>{more}"
        "<p class='cqa-answers-how'>Every answer quotes the documents and shows where each "
        "quote comes from. When they don't say, it tells you.</p>"
        f"<h3 id='cqa-try'>Try one</h3><ul class='cqa-examples' aria-labelledby='cqa-try'>"
        f"{buttons}</ul></div>"
    )


# --- the Documents tab --------------------------------------------------------------------
FORMAT_NAMES = {
    "pdf": "PDF",
    "html": "Web page",
    "docx": "Word",
    "markdown": "Markdown",
    "text": "Text",
}


def format_name(doc: DocumentInfo) -> str:
    if doc.format:
        return FORMAT_NAMES.get(doc.format, doc.format)
    return "Markdown" if doc.doc_id.lower().endswith(".md") else "Text"


def added_at(timestamp: str) -> str:
    """'2 Dec 2026, 14:05 UTC' from the stored ISO time (the raw value if it is not one)."""
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    zone = " UTC" if moment.utcoffset() is not None and not moment.utcoffset() else ""
    return f"{moment.day} {moment:%b %Y, %H:%M}{zone}"


def documents_table_html(docs: list[DocumentInfo], deletable: Collection[str] = ()) -> str:
    """The corpus as a table: a row opens its document; Delete (offered for `deletable`
    documents only: uploaded ones, when changes are allowed) asks first (ui/app.py)."""
    if not docs:
        return "<p class='cqa-empty'>No documents yet: add some above.</p>"
    rows = []
    for d in docs:
        doc = esc(d.doc_id)
        title = esc(d.title or d.doc_id)
        delete = (
            f"<td data-label=''><button type='button' class='cqa-doc-delete' data-doc=\"{doc}\" "
            f"aria-label='Delete “{title}”'>Delete</button></td>"
            if d.doc_id in deletable
            else ("<td data-label=''></td>" if deletable else "")
        )
        rows.append(
            f"<tr class='cqa-doc-row' data-doc=\"{doc}\">"
            f"<td data-label='Title'><button type='button' class='cqa-doc-open' data-doc=\"{doc}\">"
            f"{title}</button></td>"
            f"<td data-label='Format'>{esc(format_name(d))}</td>"
            f"<td data-label='Pages' class='cqa-num'>{d.page_count or '—'}</td>"
            f"<td data-label='Passages' class='cqa-num'>{d.passage_count}</td>"
            f"<td data-label='Added'>{esc(added_at(d.ingested_at))}</td>{delete}</tr>"
        )
    action_head = "<th scope='col'><span class='cqa-sr'>Actions</span></th>" if deletable else ""
    return (
        "<table class='cqa-docs'><caption class='cqa-sr'>The documents in the corpus; "
        "select a title to read it</caption><thead><tr><th scope='col'>Title</th>"
        "<th scope='col'>Format</th><th scope='col' class='cqa-num'>Pages</th>"
        "<th scope='col' class='cqa-num'>Passages</th><th scope='col'>Added</th>"
        f"{action_head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _paged(text: str, pages: list[tuple[int, int, int]], mark: tuple[int, int] | None) -> str:
    """The document's text as paragraphs, a 'Page n' line where each page starts, and the
    quote (if any) marked with id='quote'."""
    cuts = sorted({0, len(text), *[s for s, _, _ in pages], *(mark or ())})
    page_of = {s: p for s, _, p in pages}
    out, first = [], True
    for lo, hi in pairwise(cuts):
        if lo in page_of:
            out.append(f"<p class='cqa-page'>Page {page_of[lo]}</p>")
        piece = _paragraphs(text[lo:hi])
        if mark and mark[0] <= lo and hi <= mark[1]:  # a quote across pages: marked in pieces
            anchor = " id='quote'" if first else ""
            piece = f"<mark{anchor}>{piece}</mark>"
            first = False
        out.append(piece)
    return "".join(out)


def _paragraphs(text: str) -> str:
    return esc(text).replace("\n", "<br>")


def reader_html(doc: Document) -> str:
    facts = [esc(doc.doc_id), esc(format_name(doc))]
    if doc.page_count:
        facts.append(f"{doc.page_count} page{'s' if doc.page_count != 1 else ''}")
    facts.append(_count(doc.passage_count, "passage"))
    return (
        f"<article class='cqa-reader' aria-label='{esc(doc.title)}'>"
        f"<h2 tabindex='-1' id='cqa-reader-title'>{esc(doc.title or doc.doc_id)}</h2>"
        f"<p class='cqa-meta'>{' · '.join(facts)}</p>"
        f"<div class='cqa-reader-text'>{_paged(doc.text, doc.pages, None)}</div></article>"
    )


_STATUS_WORDS = {
    "pending": "Waiting",
    "running": "Reading and indexing…",
    "added": "Added",
    "updated": "Updated",
    "unchanged": "Already in the corpus (same content)",
    "skipped": "Not added",
    "failed": "Failed",
}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _file_result(f: JobFile) -> str:
    words = _STATUS_WORDS.get(f.status, f.status)
    if f.status in ("added", "updated"):
        facts = []
        if f.page_count:
            facts.append(f"{f.page_count} page{'s' if f.page_count != 1 else ''}")
        if f.passage_count is not None:
            facts.append(_count(f.passage_count, "passage"))
        if facts:
            words += f": {', '.join(facts)}. Ask about it in the chat."
    if f.reason:
        words += f": {f.reason}"
    if f.warnings:
        words += " (" + "; ".join(f.warnings) + ")"
    return words


def jobs_html(jobs: list[Job]) -> str:
    """Each uploaded file with a progress bar and, once done, what became of it."""
    if not jobs:
        return ""
    items = []
    for job in jobs:
        for f in job.files:
            done = f.status not in ("pending", "running")
            if f.status == "running":
                bar = f"<progress aria-label='{esc(f.name)}'></progress>"  # indeterminate
            else:
                bar = f"<progress max='1' value='{1 if done else 0}' aria-label='{esc(f.name)}'></progress>"
            bad = f.status in ("failed", "skipped")
            items.append(
                f"<li class='cqa-job-file{' cqa-bad' if bad else ''}' data-status='{esc(f.status)}'>"
                f"<span class='cqa-job-name'>{esc(f.name)}</span>{bar}"
                f"<span class='cqa-job-result'>{esc(_file_result(f))}</span></li>"
            )
        if job.error:
            items.append(f"<li class='cqa-job-file cqa-bad'>{esc(job.error)}</li>")
    return f"<ul class='cqa-jobs'>{''.join(items)}</ul>"


# --- the standalone document page ---------------------------------------------------------
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
        f"</head><body><p>{esc(message)}</p></body></html>"
    )


def document_page(
    doc_id: str,
    title: str,
    text: str,
    start: int | None,
    end: int | None,
    pages: list[tuple[int, int, int]] | None = None,
) -> str:
    """A standalone page with the whole document, the quote marked and scrolled to."""
    mark = (
        (start, end)
        if start is not None and end is not None and 0 <= start < end <= len(text)
        else None
    )
    where = ""
    if mark and pages:
        page = max((p for s, _, p in pages if s <= mark[0]), default=None)
        where = f" · the quote is on page {page}" if page else ""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)}</title><style>"
        "body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "mark{background:#ffe066;color:#111;padding:0 .1em} .meta{color:#555;font-size:.9em}"
        ".cqa-page{color:#555;font-size:.85em;border-top:1px solid #ccc;padding-top:.3em}</style>"
        f"</head><body><main><h1>{esc(title)}</h1><p class='meta'>{esc(doc_id)}{where}</p>"
        f"<div>{_paged(text, pages or [], mark)}</div></main>"
        f"<script>{_SCROLL}</script>"
        "</body></html>"
    )
