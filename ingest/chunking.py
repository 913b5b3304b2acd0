"""Sentence-aware passages with exact offsets and stable ids.

Sentence boundaries come from NLTK's Punkt (the tokenizer llama-index's sentence splitter
uses, with the data llama-index ships). The grouping into passages is hand-written
because the product promises `text[start:end] == passage` exactly, and splitters that
return strings lose the offsets (whitespace is stripped and re-joined).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

from qa.types import Passage, Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_END_PUNCT = re.compile(r"[.!?:;…\"”’)]\s*$")


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    # Common abbreviations in news text; Punkt's untrained model would split after them.
    params.abbrev_types = {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "no",
        "inc",
        "ltd",
        "jr",
        "sr",
        "gen",
        "gov",
        "sen",
        "rep",
    }
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact offsets; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    tokenizer = _punkt()
    for para in _PARAGRAPH.finditer(text):
        base = para.start()
        for start, end in tokenizer.span_tokenize(para.group()):
            chunk = para.group()[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail <= lead:
                continue
            s, e = base + start + lead, base + start + trail
            sentences.append(Sentence(start=s, end=e, text=text[s:e]))
    return sentences


def _is_heading(sentence: Sentence, text: str) -> bool:
    """A short line without closing punctuation that stands alone: it titles what follows."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end == -1 else line_end
    alone = text[line_start:line_end].strip() == sentence.text
    return alone and len(sentence.text) < 120 and not _END_PUNCT.search(sentence.text)


def passage_id(doc_id: str, text: str, occurrence: int) -> str:
    """Stable across re-ingests: the same document content gives the same ids."""
    digest = hashlib.sha256(f"{doc_id}\x00{occurrence}\x00{text}".encode()).hexdigest()
    return digest[:20]


def make_passages(
    doc_id: str,
    title: str,
    text: str,
    max_tokens: int,
    count_tokens: Callable[[str], int],
) -> list[Passage]:
    """Group consecutive sentences into passages of at most `max_tokens` tokens.

    A heading line is never left at the end of a passage: it opens the next one, so it
    travels with the paragraph it titles. A single sentence longer than the budget
    becomes a passage of its own (the embedder truncates it; the offsets stay exact).
    """
    sentences = split_sentences(text)
    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    used = 0
    for sentence in sentences:
        tokens = count_tokens(sentence.text)
        if current and used + tokens > max_tokens:
            carry: list[Sentence] = []
            while current and _is_heading(current[-1], text):
                carry.insert(0, current.pop())
            if current:
                groups.append(current)
            current, used = carry, sum(count_tokens(s.text) for s in carry)
        current.append(sentence)
        used += tokens
    if current:
        groups.append(current)

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
