"""Sentence-aware passages with exact offsets and stable ids.

Sentence boundaries come from `qa.text.split_sentences` (NLTK's Punkt, the tokenizer
llama-index's sentence splitter uses). The grouping into passages is hand-written
because the product promises `text[start:end] == passage` exactly, and splitters that
return strings lose the offsets (whitespace is stripped and re-joined).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from qa.text import ends_sentence, split_sentences
from qa.types import Passage, Sentence


def _is_heading(sentence: Sentence, text: str) -> bool:
    """A short line without closing punctuation that stands alone: it titles what follows."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end == -1 else line_end
    alone = text[line_start:line_end].strip() == sentence.text
    return alone and len(sentence.text) < 120 and not ends_sentence(sentence.text)


CHUNKING_VERSION = 3  # bump when splitting or sentence vectors change: documents are redone


def chunking_fingerprint(max_tokens: int) -> str:
    return f"v{CHUNKING_VERSION}-tokens{max_tokens}"


def passage_id(doc_id: str, text: str, occurrence: int) -> str:
    """Stable across re-ingests: the same document content gives the same ids."""
    digest = hashlib.sha256(f"{doc_id}\x00{occurrence}\x00{text}".encode()).hexdigest()
    return digest[:20]


def make_passages(
    doc_id: str,
    title: str,
    text: str,
    max_tokens: int,
    count_tokens: Callable[[Sequence[str]], list[int]],
) -> list[Passage]:
    """Group consecutive sentences into passages of at most `max_tokens` tokens.

    A heading line is never left at the end of a passage: it opens the next one, so it
    travels with the paragraph it titles. A single sentence longer than the budget
    becomes a passage of its own (the embedder truncates it; the offsets stay exact).
    `count_tokens` takes every sentence at once: one batched tokenizer call is ~3x faster
    than one call per sentence.
    """
    sentences = split_sentences(text)
    counts = count_tokens([s.text for s in sentences])
    groups: list[list[Sentence]] = []
    current: list[tuple[Sentence, int]] = []
    for sentence, tokens in zip(sentences, counts, strict=True):
        if current and sum(n for _, n in current) + tokens > max_tokens:
            carry: list[tuple[Sentence, int]] = []
            while current and _is_heading(current[-1][0], text):
                carry.insert(0, current.pop())
            if current:
                groups.append([s for s, _ in current])
            current = carry
        current.append((sentence, tokens))
    if current:
        groups.append([s for s, _ in current])

    passages: list[Passage] = []
    seen: dict[str, int] = {}
    for group in groups:
        start, end = group[0].start, group[-1].end
        body = text[start:end]
        occurrence = seen.get(body, 0)
        seen[body] = occurrence + 1
        passages.append(
            Passage(
                passage_id=passage_id(doc_id, body, occurrence),
                doc_id=doc_id,
                title=title,
                start=start,
                end=end,
                text=body,
                sentences=group,
            )
        )
    return passages
