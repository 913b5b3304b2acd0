"""Numbered citations, shared by the extractive composer and the LLM verifier, so that
both number and de-duplicate them the same way."""

from __future__ import annotations

from qa.types import Citation, Passage


def cite(citations: list[Citation], passage: Passage, start: int, end: int, quote: str) -> int:
    """The number of the citation of `quote` (the document's text[start:end]), added to
    `citations` in order of first use; the same span of the same document keeps its number."""
    for c in citations:
        if c.doc_id == passage.doc_id and (c.start, c.end) == (start, end):
            return c.id
    citations.append(
        Citation(
            id=len(citations) + 1,
            doc_id=passage.doc_id,
            title=passage.title,
            passage_id=passage.passage_id,
            quote=quote,
            start=start,
            end=end,
        )
    )
    return citations[-1].id
