"""How a question and a heading name a numbered part of a document ("section 4",
"Article IV", "4. Maintenance"): the English structure words and number forms.

Below the answerer and the retriever both (retrieval looks a named section up directly;
`qa.answer.headings` decides when a heading answers). Hand-written: these are English
structure words and number forms, not any corpus's vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The English nouns for the numbered parts of a document ("section 4", "Article IV"): one
# list, from which every pattern is made. Not "item": an agenda's or a list's items are
# list entries, not headings (ingest/structure.py), and a question about an agenda's
# item by number answered with another document's heading "6." (notes dev, LOCO).
DIVISIONS = ("section", "chapter", "part", "article", "clause", "schedule", "appendix",
             "annex", "exhibit", "paragraph")  # fmt: skip
NUMBERED = "|".join(DIVISIONS)
_NUMBER = r"\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,7}|[a-z]"
# "section 4", "Article IV", "clause 2.1", "part B"; a space after the noun, so that a
# plural ("sections", "Parts and Labour") is no part lettered "s".
REFERENCE = re.compile(rf"(?:\b(?:{NUMBERED})\s+|§\s*)({_NUMBER})\b", re.I)
# A heading's own number: after its division noun ("ARTICLE 4 —", "Section IV:"), or bare:
# digits ("4.", "2.1 Scope"), or a letter or roman numeral closed by punctuation ("B.",
# "IV)"): a bare "A" or "I" opens a sentence, not a numbered part.
_LABELLED_NUMBER = re.compile(rf"^\s*(?:({NUMBERED})\s+|§\s*)\(?({_NUMBER})\b", re.I)
_BARE_NUMBER = re.compile(r"^\s*\(?(?:(\d{1,3}(?:\.\d{1,3})*)\b|([IVXLC]{1,7}|[A-Z])[.):])", re.I)

# Questions that ask what a part is called.
NAMING_WORDS = ("heading", "headline", "title", "titled", "entitled")
_PARTS = "|".join(
    (*DIVISIONS, "heading", "title", "document", "agreement", "contract", "policy", "guide",
     "manual", "report", "book", "paper")
)  # fmt: skip
_SECTIONS = "|".join(d for d in (*DIVISIONS, "heading") if d not in {"part", "paragraph"})
# Kinds of documents, in general English: "the agreement", "the user guide", "the minutes".
DOCUMENT_TYPES = {
    "agreement", "contract", "policy", "handbook", "manual", "guide", "notes", "minutes",
    "faq", "memo", "letter", "brochure", "specification", "datasheet", "terms", "report",
    "article", "paper", "chapter", "appendix", "newsletter", "statement", "booklet", "leaflet",
    "document", "piece", "story", "release", "summary", "review", "study", "plan", "charter",
    "changelog", "readme", "reference", "agenda", "ad", "advert", "advertisement", "flyer",
    "poster", "syllabus", "rulebook", "prospectus", "pamphlet", "presentation", "slides",
    "transcript", "notice", "bulletin",
}  # fmt: skip
# A part of one of them is asked for ("Which part of the handbook ...?"); not "Which part
# of the ship ...?", a thing's part.
_DOCUMENTS = "|".join(sorted(DOCUMENT_TYPES | {"book", "page", "runbook"}))
# ... that says or holds something ("tells me", "lists", "is about"): not "Which part of the
# plan will be funded first?", a part of the thing planned
_COVERS = (
    r"tells?|covers?|lists?|deals?\s+with|is\s+about|talks?\s+about|describes?|explains?|"
    r"says?|mentions?|has|contains?|gives?|sets?\s+out|shows?|is\s+on|goes\s+over"
)
# Tried and not kept (session 31): a word between "which" and the part ("Which runbook
# section has the rules ...?", "which numbered section"): on the dev questions (`python
# -m evals.decision_lab`) .673 / .544 / .538 / .384 -> .676 / .549 / .520 / .377, seven
# flips at the threshold, and the runbook question then quoted the wrong headings.
_ASKS_NAME = re.compile(
    rf"\b(?:title|titled|entitled|heading|headline|called|named|name of)\b.*\b(?:{_PARTS})\b"
    rf"|\b(?:{_PARTS})\b.*\b(?:titled|entitled|called|named)\b"
    rf"|\b(?:which|what)\s+(?:{_SECTIONS})\b"
    rf"|\b(?:which|what)\s+(?:part|paragraph)\s+of\s+(?:the|this|your)\s+(?:[\w-]+\s+)?"
    rf"(?:{_DOCUMENTS})\s+(?:{_COVERS})\b"
    rf"|\bwhat\s+number\s+is\s+the\s+(?:{_SECTIONS})\b"
    r"|\b(?:what|which)\b.*\b(?:title|heading|headline)\b"
    # "What is Article 4?", "What was section 6 of the report?": a numbered part, nothing
    # asked of its content (not "What does section 4 say ...", nor "What is section 4 about?")
    rf"|^\s*(?:what|which)(?:\s+|'s\s+|’s\s+)(?:(?:is|was|are|were)\s+)?(?:the\s+)?"
    rf"(?:{NUMBERED}|§)\s*[\w.]+(?:\s+(?:on|of|in|under)\b[^?]*)?\?*\s*$",
    re.I,
)


@lru_cache(maxsize=4096)
def asks_for_heading(question: str) -> bool:
    """Does the question ask what a part is called ("What is section 4 titled?", "Which
    section covers X?")? Then a heading may answer it, which otherwise it never does.

    Cached: `extractive.select` asks it of the same question once per candidate, and the
    pattern's `.*` alternatives made that 8% of `corpus-qa eval --loco` (cProfile: 2.4
    million calls, 177 s of 2227 s on the loaded machine)."""
    return bool(_ASKS_NAME.search(question))


def normalise_number(token: str) -> str:
    """'IV' and '4' are the same section number; '2.1' stays '2.1'; letters lower-cased."""
    token = token.strip().lower()
    if (re.fullmatch(r"[ivxlc]+", token) and len(token) > 1) or token in {"i", "v", "x"}:
        values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
        total = 0
        for a, b in zip(token, [*token[1:], ""], strict=True):
            total += -values[a] if b and values[b] > values[a] else values[a]
        return str(total)
    return token


def references(question: str) -> list[tuple[str, str]]:
    """The numbered parts a question names, as (noun, number): "Article IV" -> ("article",
    "4"); "§ 3" -> ("", "3")."""
    out = []
    for m in REFERENCE.finditer(question):
        noun = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
        out.append(("" if noun == "§" else noun, normalise_number(m.group(1))))
    return out


def heading_number(text: str) -> tuple[str, str] | None:
    """A heading's (noun, number): "ARTICLE 4 — FEES" -> ("article", "4"), "4. Scope" ->
    ("", "4"); None for a heading without a number."""
    if m := _LABELLED_NUMBER.match(text):
        return (m.group(1) or "").lower(), normalise_number(m.group(2))
    if m := _BARE_NUMBER.match(text):
        return "", normalise_number(m.group(1) or m.group(2))
    return None


def heading_label(text: str) -> str:
    """A heading as a section path writes it: whitespace collapsed, no closing stop or
    colon. The one definition: ingest/structure.py writes the paths with it, and
    `qa.retrieve.Headings` matches them against it, so the two cannot drift apart."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".:").strip()


def same_part(heading: tuple[str, str], reference: tuple[str, str]) -> bool:
    """Does a heading's (noun, number) name the part a question names? The same number,
    and the same noun where both have one ("Article 4" is not "Section 4"; "4." is
    either)."""
    (noun, number), (asked_noun, asked_number) = heading, reference
    return number == asked_number and (not noun or not asked_noun or noun == asked_noun)
