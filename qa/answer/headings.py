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
from collections.abc import Collection
from functools import lru_cache

from qa.sections import (
    DATED,
    DIVISIONS,
    NAMING_WORDS,
    asks_for_heading,
    heading_number,
    references,
    same_part,
)
from qa.text import code_form, has_digit, stem, words
from qa.types import Sentence

HEADING_KINDS = frozenset({"title", "heading"})  # as ingest/structure.py writes them
LIST_KINDS = frozenset({"list_item", "table_row"})  # an item of a list, a row of a table

# Words that name a piece of the document's structure: in a question about a heading
# they say where to look, not what the answer must contain. Not "article": a question
# says "the article" for a whole document (a news article), which is what it asks about.
STRUCTURE_WORDS = frozenset((*DIVISIONS, *NAMING_WORDS)) - {"article"}

MATCHING_NUMBER = 0.5  # the heading of the section the question names
OTHER_NUMBER = -0.3  # a heading of another numbered section than the one named
ASKED_KIND = 0.15  # any heading (or the title) when the question asks for one


@lru_cache(maxsize=1)
def structure_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in STRUCTURE_WORDS)


def quotable(sentence: Sentence, heading_asked: bool, when_named: Collection[str] = ()) -> bool:
    """A question in the text answers nothing; a heading answers only a heading question,
    or a "when" question about a version the heading holds with a date (`when_named`: the
    question's versions, in their written forms): "## [3.0.0] - 2025-04-14" says when 3.0.0
    came out. Not "Roof repairs - 14 March 2025" for "When will the roof be fixed?": the
    date is the section's, not the answer. (A FAQ entry's heading is a question too:
    quoting those for heading questions made more heading candidates and lost a techdoc
    dev question, gaining none.)

    Tried in session 35 and not kept: a form's lines left blank ("Signed: ______  Date:
    ______") as no candidate; no dev document has them, and no answer of three probes
    that do changed."""
    if sentence.text.rstrip().endswith("?"):
        return False
    if when_named and dates_a_release(sentence, when_named):
        return True
    return heading_asked or sentence.kind not in HEADING_KINDS


def dates_a_release(sentence: Sentence, versions: Collection[str]) -> bool:
    """The sentence is a heading that holds one of the versions with a date ("## [3.0.0] -
    2025-04-14" for 3.0.0; not "2.5.0 - 2026-10-01")."""
    return (
        sentence.kind in HEADING_KINDS
        and DATED.search(sentence.text) is not None
        and not set(versions).isdisjoint(_numbers(sentence.text))
    )


def _numbers(text: str) -> set[str]:
    """The text's words with digits, in the written form the question's are matched in
    (`qa.text.code_form`: "v2.4.1" is "2.4.1")."""
    return {code_form(w.lower()) for w in words(text) if has_digit(w)}


def heading_bonus(sentence: Sentence, question: str) -> float:
    """How much better a heading fits a question that asks for one (0 for other kinds)."""
    if sentence.kind not in HEADING_KINDS:
        return 0.0
    asked = references(question)
    if not asked:
        wants_title = re.search(r"\btitle|\btitled|\bentitled", question, re.I)
        return ASKED_KIND + (ASKED_KIND if wants_title and sentence.kind == "title" else 0.0)
    if sentence.kind == "title":
        return 0.0
    own = heading_number(sentence.text)
    if own is None:
        return 0.0
    return MATCHING_NUMBER if any(same_part(own, ref) for ref in asked) else OTHER_NUMBER


def referenced_numbers(question: str) -> set[str]:
    """The numbers of the parts a question names: "section 4" and "Article IV" -> {"4"}."""
    return {number for _, number in references(question)}


def names_heading(sentence: Sentence, question: str) -> bool:
    """Is this the heading of the very section the question asks the name of ("What is
    section 4 called?" and "4. Maintenance and Insurance")? Then it is the answer, however
    far its words are from the question's."""
    return asks_for_heading(question) and heading_bonus(sentence, question) == MATCHING_NUMBER
