"""How a question and a heading name a numbered part of a document ("section 4",
"Article IV", "4. Maintenance"): the English structure words and number forms.

Below the answerer and the retriever both (retrieval looks a named section up directly;
`qa.answer.headings` decides when a heading answers). Hand-written: these are English
structure words and number forms, not any corpus's vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text import MONTH_NAME, YEAR_DIGITS

# The English nouns for the numbered parts of a document ("section 4", "Article IV"): one
# list, from which every pattern is made. Not "item": an agenda's or a list's items are
# list entries, not headings (ingest/structure.py), and a question about an agenda's
# item by number answered with another document's heading "6." (notes dev, LOCO).
DIVISIONS = ("section", "chapter", "part", "article", "clause", "schedule", "appendix",
             "annex", "exhibit", "paragraph")  # fmt: skip
NUMBERED = "|".join(DIVISIONS)
_DIGITS = r"\d{1,3}(?:\.\d{1,3})*"  # "4", "2.1", "3.2.0"
_NUMBER = rf"{_DIGITS}|[ivxlc]{{1,7}}|[a-z]"
# "section 4", "Article IV", "clause 2.1", "part B"; a space after the noun, so that a
# plural ("sections", "Parts and Labour") is no part lettered "s".
REFERENCE = re.compile(rf"(?:\b(?:{NUMBERED})\s+|§\s*)({_NUMBER})\b", re.I)
# A heading's own number: after its division noun ("ARTICLE 4 —", "Section IV:"), or bare:
# digits ("4.", "2.1 Scope"), or a letter or roman numeral closed by punctuation ("B.",
# "IV)"): a bare "A" or "I" opens a sentence, not a numbered part.
_LABELLED_NUMBER = re.compile(rf"^\s*(?:({NUMBERED})\s+|§\s*)\(?({_NUMBER})\b", re.I)
_BARE_NUMBER = re.compile(rf"^\s*\(?(?:({_DIGITS})\b|([IVXLC]{{1,7}}|[A-Z])[.):])", re.I)
# A release, named by its version: "version 3.2", "release 2.4.0", "v3.2" in a question;
# "## 3.2.0 (19 March 2024)", "## [3.1.0] - 2024-04-22", "v2.5.0 — 17 February 2025",
# "Version 2 (May 2024)" as a changelog's heading. Digits only ("release a fix" names no
# part). A bare dotted number heads a release only where a date is all that follows it:
# "3.2 Scope" is a section.
RELEASE = "release"
RELEASE_REFERENCE = re.compile(rf"\b(?:(?:version|release)\s+v?|v)({_DIGITS})\b", re.I)
_RELEASE_HEADING = re.compile(
    rf"^\s*(?:(?:version|release)\s+v?|v|\[)({_DIGITS})\b|^\s*({_DIGITS})\b",
    re.I,
)
# A calendar date with its year: "2025-04-14", "14 April 2025", "April 14, 2025".
DATED = re.compile(
    rf"\b{YEAR_DIGITS}-\d\d-\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)? {MONTH_NAME},? {YEAR_DIGITS}\b"
    rf"|\b{MONTH_NAME} \d{{1,2}}(?:st|nd|rd|th)?,? {YEAR_DIGITS}\b",
    re.I,
)

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
    "4"); "§ 3" -> ("", "3"); "version 3.2" -> ("release", "3.2")."""
    out = []
    for m in REFERENCE.finditer(question):
        noun = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
        out.append(("" if noun == "§" else noun, normalise_number(m.group(1))))
    out += [(RELEASE, same_release(m.group(1))) for m in RELEASE_REFERENCE.finditer(question)]
    return out


def heading_number(text: str) -> tuple[str, str] | None:
    """A heading's (noun, number): "ARTICLE 4 — FEES" -> ("article", "4"), "4. Scope" ->
    ("", "4"), "3.2.0 (19 March 2024)" -> ("release", "3.2"); None for a heading without a
    number."""
    if number := release_number(text):
        return RELEASE, number
    if m := _LABELLED_NUMBER.match(text):
        return (m.group(1) or "").lower(), normalise_number(m.group(2))
    if m := _BARE_NUMBER.match(text):
        return "", normalise_number(m.group(1) or m.group(2))
    return None


def release_number(heading: str) -> str | None:
    """The version of the release a heading opens (`same_release`), None where it opens
    none: "[3.1.0] - 2024-04-22" and "3.2.0 (19 March 2024)" do, "3.2 Scope" does not."""
    m = _RELEASE_HEADING.match(heading)
    if m is None:
        return None
    if m.group(2) is not None:  # a bare number: a release only where a date is all that follows
        rest = heading[m.end(2) :]
        if (
            "." not in m.group(2)
            or not DATED.search(rest)
            or re.sub(r"[\W_]", "", DATED.sub("", rest))
        ):
            return None
    return same_release(m.group(1) or m.group(2))


def same_release(version: str) -> str:
    """One form of a version however many of its last parts are zero: "3.2.0" and "3.2"
    are one release, as "3.0.0" and "3" are."""
    return re.sub(r"(?:\.0)+$", "", version) or version


def heading_label(text: str) -> str:
    """A heading as a section path writes it: whitespace collapsed, no closing stop or
    colon. The one definition: ingest/structure.py writes the paths with it, and
    `qa.retrieve.Headings` matches them against it, so the two cannot drift apart."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".:").strip()


def same_part(heading: tuple[str, str], reference: tuple[str, str]) -> bool:
    """Does a heading's (noun, number) name the part a question names? The same number,
    and the same noun where both have one ("Article 4" is not "Section 4"; "4." is
    either). A release is only a release: "version 4" is not the section "4. Fees"."""
    (noun, number), (asked_noun, asked_number) = heading, reference
    if RELEASE in (noun, asked_noun):
        return number == asked_number and noun == asked_noun
    return number == asked_number and (not noun or not asked_noun or noun == asked_noun)
