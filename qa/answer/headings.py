"""When a heading or a title may be quoted as an answer, and which one.

Headings and titles are kept as sentences of their own kind (ingest/structure.py). They
are not claims, so the extractive answerer quotes one only when the question asks what
a section, a part or the document is called ("What is section 4 called?", "What is the
title of the agreement?", "Which section covers termination?"). Hand-written: these
are the product's own rules of what a question asks for; the words are English
structure words, not any corpus's vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text import stem
from qa.types import Sentence

HEADING_KINDS = frozenset({"title", "heading"})  # as ingest/structure.py writes them

# The English nouns for the numbered parts of a document ("section 4", "Article IV"): one
# list, from which every pattern below is made.
_DIVISIONS = ("section", "chapter", "part", "article", "clause", "schedule", "appendix",
              "annex", "exhibit", "paragraph")  # fmt: skip
_NAMING_WORDS = ("heading", "headline", "title", "titled", "entitled")
_PARTS = "|".join(
    (*_DIVISIONS, "heading", "title", "document", "agreement", "contract", "policy", "guide",
     "manual", "report", "book", "paper")
)  # fmt: skip
_NUMBERED = "|".join(_DIVISIONS)
_SECTIONS = "|".join(d for d in (*_DIVISIONS, "heading") if d not in {"part", "paragraph"})
_ASKS_NAME = re.compile(
    rf"\b(?:title|titled|entitled|heading|headline|called|named|name of)\b.*\b(?:{_PARTS})\b"
    rf"|\b(?:{_PARTS})\b.*\b(?:titled|entitled|called|named)\b"
    rf"|\b(?:which|what)\s+(?:{_SECTIONS})\b"
    r"|\b(?:what|which)\b.*\b(?:title|heading|headline)\b",
    re.I,
)
# "section 4", "Article IV", "clause 2.1", "part B"
_REFERENCE = re.compile(
    rf"\b(?:{_NUMBERED}|§)\s*(\d{{1,3}}(?:\.\d{{1,3}})*|[ivxlc]{{1,7}}|[a-z])\b", re.I
)
_HEADING_NUMBER = re.compile(
    rf"^\s*(?:(?:{_NUMBERED})\s*|§\s*)?\(?(\d{{1,3}}(?:\.\d{{1,3}})*|[IVXLC]{{1,7}}|[A-Z])\b",
    re.I,
)
# Words that name a piece of the document's structure: in a question about a heading
# they say where to look, not what the answer must contain. Not "article": a question
# says "the article" for a whole document (a news article), which is what it asks about.
STRUCTURE_WORDS = frozenset((*_DIVISIONS, *_NAMING_WORDS)) - {"article"}

MATCHING_NUMBER = 0.5  # the heading of the section the question names
OTHER_NUMBER = -0.3  # a heading of another numbered section than the one named
ASKED_KIND = 0.15  # any heading (or the title) when the question asks for one


def asks_for_heading(question: str) -> bool:
    return bool(_ASKS_NAME.search(question))


@lru_cache(maxsize=1)
def structure_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in STRUCTURE_WORDS)


def quotable(sentence: Sentence, heading_asked: bool) -> bool:
    """A question in the text answers nothing; a heading answers only a heading question."""
    if sentence.text.rstrip().endswith("?"):
        return False
    return heading_asked or sentence.kind not in HEADING_KINDS


def heading_bonus(sentence: Sentence, question: str) -> float:
    """How much better a heading fits a question that asks for one (0 for other kinds)."""
    if sentence.kind not in HEADING_KINDS:
        return 0.0
    asked = {_number(m.group(1)) for m in _REFERENCE.finditer(question)}
    if not asked:
        wants_title = re.search(r"\btitle|\btitled|\bentitled", question, re.I)
        return ASKED_KIND + (ASKED_KIND if wants_title and sentence.kind == "title" else 0.0)
    if sentence.kind == "title":
        return 0.0
    match = _HEADING_NUMBER.match(sentence.text)
    if match is None:
        return 0.0
    return MATCHING_NUMBER if _number(match.group(1)) in asked else OTHER_NUMBER


def referenced_numbers(question: str) -> set[str]:
    """The numbers of the parts a question names: "section 4" and "Article IV" -> {"4"}."""
    return {_number(m.group(1)) for m in _REFERENCE.finditer(question)}


def names_heading(sentence: Sentence, question: str) -> bool:
    """Is this the heading of the very section the question asks the name of ("What is
    section 4 called?" and "4. Maintenance and Insurance")? Then it is the answer, however
    far its words are from the question's."""
    return asks_for_heading(question) and heading_bonus(sentence, question) == MATCHING_NUMBER


def _number(token: str) -> str:
    """'IV' and '4' are the same section number; '2.1' stays '2.1'; letters lower-cased."""
    token = token.strip().lower()
    if (re.fullmatch(r"[ivxlc]+", token) and len(token) > 1) or token in {"i", "v", "x"}:
        values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
        total = 0
        for a, b in zip(token, [*token[1:], ""], strict=True):
            total += -values[a] if b and values[b] > values[a] else values[a]
        return str(total)
    return token
