"""Composing an extractive answer: which sentences to quote around the chosen ones, and
how the quotes are laid out with their citations.

Hand-written, because it is the product's own: verbatim quotes with exact offsets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.headings import HEADING_KINDS
from qa.retrieve import Snapshot
from qa.types import Citation, Sentence

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate

# A sentence opening with one of these leans on the one before it ("He said...",
# "According to this...", "However, ..."), so it is quoted together with it.
_ANAPHORIC = re.compile(
    r"^\W*(?:(?:however|but|in response|in the evening|according to (?:this|that|him|her|them)|this|that|these|those|"
    r"it|its|he|she|they|his|her|their|the group|the embassy|the agency|the government)\b"
    r"|\w+,? (?:he|she|they|it)\b)",
    re.I,
)
_CONTEXT_DEPTH = 2


def with_context(c: Candidate, snapshot: Snapshot) -> list[Sentence]:
    """The sentence plus, for one that leans on its predecessor, the predecessor(s)."""
    span = [c.sentence]
    if c.sentence.kind in HEADING_KINDS:
        return span  # a heading quoted as an answer stands alone
    passage, idx = c.passage, c.index
    for _ in range(_CONTEXT_DEPTH):
        if not _ANAPHORIC.search(span[0].text):
            break
        if idx > 0:
            idx -= 1
            span.insert(0, passage.sentences[idx])
            continue
        previous = snapshot.previous_passage(passage.passage_id)
        if previous is None:
            break
        passage = previous
        idx = len(passage.sentences) - 1
        span.insert(0, passage.sentences[idx])
    # A heading is not a claim to quote.
    while len(span) > 1 and span[0].kind in HEADING_KINDS:
        span.pop(0)
    return span


def compose(chosen: list[Candidate], snapshot: Snapshot, doc_text) -> tuple[str, list[Citation]]:
    """Quote the chosen sentences (with context) verbatim, each followed by its [n].

    Grouped by document, in document order; when more than one document speaks, each
    group is introduced by its document's title, so who-said-what stays visible.
    `doc_text(doc_id)` returns the full text; each citation quotes it exactly.
    """
    spans: dict[str, list[tuple[int, int, str]]] = {}
    titles: dict[str, str] = {}
    for c in chosen:  # best first
        sentences = with_context(c, snapshot)
        start, end = sentences[0].start, sentences[-1].end
        spans.setdefault(c.passage.doc_id, []).append((start, end, c.passage.passage_id))
        titles[c.passage.doc_id] = c.passage.title
    citations: list[Citation] = []
    parts: list[str] = []
    doc_order = list(spans)  # best-scoring document first
    for doc_id in doc_order:
        text = doc_text(doc_id)
        merged: list[list] = []
        for start, end, pid in spans[doc_id]:
            for m in merged:  # overlapping or adjacent spans become one quote
                if start <= m[1] + 2 and end >= m[0] - 2:
                    m[0], m[1] = min(m[0], start), max(m[1], end)
                    break
            else:
                merged.append([start, end, pid])
        pieces = []
        for start, end, pid in merged:
            quote = text[start:end]
            citation = Citation(
                id=len(citations) + 1,
                doc_id=doc_id,
                title=titles[doc_id],
                passage_id=pid,
                quote=quote,
                start=start,
                end=end,
            )
            citations.append(citation)
            pieces.append(f"{_flat(quote)} [{citation.id}]")
        body = " ".join(pieces)
        parts.append(f"According to “{titles[doc_id]}”: {body}" if len(doc_order) > 1 else body)
    return "\n\n".join(parts), citations


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
