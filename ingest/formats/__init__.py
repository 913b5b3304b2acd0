"""Readers for the document formats a user brings: PDF, HTML, DOCX, Markdown, plain text
and reStructuredText.

One entry point, `read(path, doc_id) -> FormatResult`. Each reader returns the text the
product stores and serves (every offset in the product, every citation's `text[start:end]`,
refers to it) plus the structure its format knows for sure:

* `pages` (PDF): contiguous `(start, end, page_number)` spans covering the whole text, so
  every offset has a page ("p. 3"). Pages are joined by `PAGE_BREAK` (a line holding a form
  feed): a blank line for the structure step, and a visible page boundary for anyone else.
* `headings` (HTML, DOCX, Markdown): `(start, end, level)` spans of each heading's own
  words (without its `#` marks). HTML and DOCX are written out as Markdown-like text
  (`# Heading`, `- item`, `1. item`, `| cell | cell |`, fenced code) so that the structure
  step reads every format the same way.

Every failure is a `qa.errors.UnreadableFile` whose message names the document, says what is
wrong and what to do; an ingest skips that file and goes on with the others.

The format libraries (pypdfium2, selectolax, python-docx) are imported inside the readers,
never at package import, so `corpus-qa --help` stays instant.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import UnreadableFile

PAGE_BREAK = "\n\f\n"

# suffix -> format name; the reader for each name is looked up lazily in `_reader`.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    # reStructuredText (Sphinx documentation) is plain text to the reader: its headings and
    # simple tables are found by the structure step, as a .txt's are. (Its list-tables
    # are not read as tables yet: each cell is a list item. Tried in session 42, branch
    # wip/s42-list-table-durations: each row one table row of its cells; the refit it
    # brought failed four LOCO floors of corpora without a list-table.)
    ".rst": "text",
    ".rest": "text",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(FORMATS)
# The formats above as a person names them, for the front ends' hints.
READABLE_FORMATS = "PDF, Word (.docx), web pages (.html), Markdown, reStructuredText and plain text"


@dataclass(frozen=True)
class FormatResult:
    """A document as read: the exact text the product stores, and its known structure."""

    text: str
    title: str
    format: str  # "pdf" | "html" | "docx" | "markdown" | "text"
    # (start, end, page_number), contiguous and covering text[0:len(text)]; PDF only.
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    # (start, end, level): text[start:end] is the heading's words; level 1 is the top.
    headings: list[tuple[int, int, int]] = field(default_factory=list)
    # Things the user should know that did not stop the read (e.g. "decoded as Windows-1252").
    warnings: list[str] = field(default_factory=list)
    page_count: int = 0  # pages in the file (PDF only), including pages with no text

    def page_at(self, offset: int) -> int | None:
        """The page number holding `text[offset]`, or None for a format without pages."""
        return page_at(self.pages, offset)


def page_at(pages: list[tuple[int, int, int]], offset: int) -> int | None:
    """The page of `offset` in contiguous page spans (a citation's start gives its page)."""
    if not pages:
        return None
    i = bisect_right([start for start, _, _ in pages], offset) - 1
    return pages[max(i, 0)][2]


def read(path: Path, doc_id: str) -> FormatResult:
    """Read one document by its suffix. Raises UnreadableFile with a message for the user."""
    name = FORMATS.get(path.suffix.lower())
    if name is None:
        raise UnreadableFile(
            f"{doc_id}: the format {path.suffix or '(no suffix)'} is not supported; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}."
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            f"{doc_id}: cannot be read ({exc.strerror}); check that it exists and its permissions."
        ) from exc
    if not raw.strip():
        raise UnreadableFile(f"{doc_id}: is empty ({len(raw)} bytes); nothing to ingest.")
    return _reader(name)(raw, doc_id)


def _reader(name: str) -> Callable[[bytes, str], FormatResult]:
    if name == "pdf":
        from ingest.formats.pdf import read_pdf

        return read_pdf
    if name == "html":
        from ingest.formats.html import read_html

        return read_html
    if name == "docx":
        from ingest.formats.docx import read_docx

        return read_docx
    from ingest.formats.text import read_markdown, read_text

    return read_markdown if name == "markdown" else read_text


__all__ = [
    "FORMATS",
    "PAGE_BREAK",
    "SUPPORTED_SUFFIXES",
    "FormatResult",
    "page_at",
    "read",
]
