"""Follow-up questions without an LLM: "Who denied it?" leans on the turn before.

Hand-written (LLM mode condenses with the LLM instead). A question that refers back
(a pronoun, "what about", or almost no content words of its own) is joined to the
previous user question for retrieval; its own words still decide what must be found.
Those words gain a name where "he" or "she" stands for the person a who-question just
found ("How can I contact her?" -> "How can I contact Jane Okoro?": `rewrite`).
"""

from __future__ import annotations

import re

from qa.text import (
    HONORIFICS,
    NEGATIONS,
    STOPWORDS,
    TIME_WORDS,
    WORD,
    content_terms,
    has_digit,
    names,
    without_possessive,
    words,
)
from qa.types import ChatTurn

_REFERS_BACK = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|he|him|his|she|her|the same|there|then)\b"
    r"|^\s*(and|what about|how about|why|so|also)\b",
    re.I,
)


_CHAIN = 3  # at most this many earlier questions are joined to a follow-up
# Tried in session 42 and not kept: the answer to the last question as context too, where
# its lead is short ("Which trail goes highest?" / "Trail 4, Greyhowe Pike." / "How long
# does it take?" then finds the trail's row), with "which one" / "the other one" read as
# referring back. Dev LOCO (`python -m evals.decision_lab`, with other changes) moved three
# follow-ups to right and two to wrong; the full eval (`corpus-qa eval --loco`, this change
# alone) turned 3 test follow-ups wrong and 1 right, LOCO key-fact .673 -> .669, and five
# LOCO floors failed on the refit.


def refers_back(question: str) -> bool:
    """A pronoun, "what about", or almost no content words of its own."""
    return bool(_REFERS_BACK.search(question)) or len(content_terms(question)) <= 1


def standalone_question(question: str, history: list[ChatTurn]) -> str | None:
    """The question with its context, or None when it stands on its own.

    The context reaches back to the last question that stood on its own, so a follow-up
    of a follow-up keeps the subject ("What is Eco Mode?" / "How do I turn it on?" /
    "Does it need the internet?" is still about Eco Mode)."""
    previous = [t.content.strip() for t in history if t.role == "user" and t.content.strip()]
    if not previous or not refers_back(question):
        return None
    context: list[str] = []
    for earlier in reversed(previous[-_CHAIN:]):
        context.insert(0, earlier)
        if not refers_back(earlier):
            break
    return " ".join([*context, question.strip()])


# --- who "he" and "she" are -------------------------------------------------------------------
# "Who is the data protection officer?" / "Jane Okoro." / "How can I contact her?": the
# pronoun names the person the last exchange was about, and the follow-up's own words are what
# the answer must match ("contact" alone matches nothing in particular; "contact Jane
# Okoro" does). General English: a personal pronoun refers back to the person just named.
# Only a name that stands alone is taken (the answer's lead "Jane Okoro [1] — ...", or
# the X of "Who is X?"): a name inside a sentence may be anyone the sentence mentions.
# "he", "him", "his" and "she", "her", "hers", each family as one pattern; not inside
# another word ("she-wolf", "he/she")
_FAMILIES = [
    re.compile(rf"(?<![\w'’/-])({'|'.join(family)})(?![\w'’/-])", re.I)
    for family in (("he", "him", "his"), ("she", "her", "hers"))
]
_WHO = re.compile(r"^\s*who\b", re.I)
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was)\s+(?P<rest>[^?]+)\??\s*$", re.I)
# What the extractive answer writes around its lead: "According to “Title”: ", a title in
# quotes, then the citation mark, the supporting sentence after " — ", or the clause's end.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_LEAD_END = re.compile(r"\s*(?:\[\d+\]|\s—\s|[.;,:(?!])")
# After "her", a word that makes it the object, not the owner ("call her back", "see her
# yesterday"); before any other word it owns ("her phone number", "her own email").
_NOT_OWNED = {"back", "enough", "twice", "again", "once", "too", "first", "directly"}


def _name_only(text: str) -> str | None:
    """The text itself when it is nothing but a name (honorifics and a possessive dropped):
    "Dr Ana Reyes" -> "Ana Reyes"; None for "The DPO is Jane Okoro"."""
    text = _QUOTED.sub(lambda m: m.group()[1:-1], text).strip(" \t\"'“”‘’")
    text = without_possessive(text)
    tokens = list(WORD.finditer(text))
    while tokens and tokens[0].group().lower().rstrip(".") in HONORIFICS:
        tokens.pop(0)
    if not tokens:
        return None
    found = names(text)
    lowered = [m.group().lower().replace("’", "'") for m in tokens]
    if not all(w in found and w not in NEGATIONS for w in lowered):
        return None  # "Nobody." is no one's name
    start, end = tokens[0].start(), tokens[-1].end()
    if re.search(r"[^\w\s'’.-]", text[start:end]):
        return None  # punctuation between the words: a list, not one name
    return text[start:end]


def _person(question: str, answer: str | None) -> str | None:
    """Who a who-question was about: the name it asked about ("Who is Ana Reyes?"),
    else the name its answer consists of or leads with ("Dr Ana Reyes.", "Jane Okoro
    [1] — The officer ...")."""
    asked = _WHO_IS.match(question)
    if asked:
        named = _name_only(asked.group("rest").split(",")[0])
        if named:
            return named
    if not answer:
        return None
    lead = _QUOTED.sub("", answer).strip()
    lead = re.sub(r"^According to\s*:?\s*", "", lead)
    return _name_only(_LEAD_END.split(lead, maxsplit=1)[0])


def _owns(question: str, end: int) -> bool:
    """Is the "her" that ends at `end` a possessive ("her phone number", "her own")?"""
    following = WORD.match(question[end:].lstrip())
    if following is None:
        return False
    word = following.group().lower()
    if word == "own":
        return True
    return not (
        word in STOPWORDS
        or word in _NOT_OWNED
        or word in TIME_WORDS
        or word.endswith("ly")
        or has_digit(word)
    )


def rewrite(question: str, history: list[ChatTurn]) -> tuple[str, str | None]:
    """The rule-based rewrite of a question in a conversation: (the question with its
    "he" or "she" resolved, which the answer must match; the standalone question for
    retrieval, or None when the question stands alone as asked). LLM mode falls back to it."""
    resolved = resolve_person(question, history)
    standalone = standalone_question(resolved, history)
    return resolved, standalone or (resolved if resolved != question else None)


def resolve_person(question: str, history: list[ChatTurn]) -> str:
    """The question with "he", "him", "his" (or "she", "her", "hers") replaced by the person
    the last who-question found, reaching back over follow-ups as `standalone_question`
    does; else the question unchanged. Not when the question uses both families ("did he
    call her?") or names someone before its pronoun ("Did Tom say he ...")."""
    found = [m for pattern in _FAMILIES if (m := pattern.search(question))]
    if len(found) != 1:
        return question
    first = found[0]
    pattern = first.re
    if names(question[: first.start()]) - {words(question)[0].lower()}:
        return question  # someone is named before the pronoun: it may be them
    person = _last_person(history)
    if person is None:
        return question

    def replace(m: re.Match) -> str:
        word = m.group(1).lower()
        owns = word in ("his", "hers") or (word == "her" and _owns(question, m.end()))
        return f"{person}'s" if owns else person

    return pattern.sub(replace, question)


def _last_person(history: list[ChatTurn]) -> str | None:
    """The person of the last who-question, over at most `_CHAIN` user questions, each after
    the first a follow-up (a question that stands alone ends the search)."""
    turns = [t for t in history if t.role in ("user", "assistant") and t.content.strip()]
    asked = [i for i, t in enumerate(turns) if t.role == "user"]
    for i in reversed(asked[-_CHAIN:]):
        question = turns[i].content.strip()
        if _WHO.match(question):
            answer = next((t.content for t in turns[i + 1 :] if t.role == "assistant"), None)
            return _person(question, answer)
        if not refers_back(question):
            return None
    return None
