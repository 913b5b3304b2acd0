"""Follow-up questions without an LLM: "Who denied it?" leans on the turn before.

Hand-written (LLM mode condenses with the LLM instead). A question that refers back
(a pronoun, "what about", or almost no content words of its own) is joined to the
previous user question for retrieval; its own words still decide what must be found.
"""

from __future__ import annotations

import re

from qa.text import STOPWORDS, WORD, content_terms, names
from qa.types import ChatTurn

_REFERS_BACK = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|he|him|his|she|her|the same|there|then)\b"
    r"|^\s*(and|what about|how about|why|so|also)\b",
    re.I,
)


_CHAIN = 3  # at most this many earlier questions are joined to a follow-up


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
# "Who is the data protection officer?" / "Margit Lindqvist." / "How can I contact her?": the
# pronoun names the person the last exchange was about, and the follow-up's own words are what
# the answer must match ("contact" alone matches nothing in particular; "contact Margit
# Lindqvist" does). General English: a personal pronoun refers back to the person just named.
_PERSON_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers)\b", re.I)
_WHO = re.compile(r"^\s*who\b", re.I)
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was)\s+(?P<rest>[^?]+)\??\s*$", re.I)
# What the extractive answer writes before its lead: "According to “Title”: ", a title in
# quotes, the citation marks and the supporting sentence after " — ".
_QUOTED_TITLE = re.compile(r"“[^”]*”|\"[^\"]*\"")
_LEAD_END = re.compile(r"\s*(?:\[\d+\]|\s—\s|[.;,(])")


def _name_run(text: str) -> str | None:
    """The first run of consecutive name words in a text ("Dr Helena Marsh." -> "Helena
    Marsh"), as written."""
    found = names(text)
    run: list[str] = []
    for m in WORD.finditer(text):
        if m.group().lower().replace("’", "'") in found:
            if run and text[run[-1][1] : m.start()].strip():
                break  # something between: the run ended
            run.append((m.start(), m.end()))
        elif run:
            break
    return text[run[0][0] : run[-1][1]] if run else None


def _person(question: str, answer: str | None) -> str | None:
    """Who a who-question was about: the name it asked about ("Who is Kirill Dmitriev?"),
    else the name its answer leads with ("Who chairs the Board?" / "Dr Helena Marsh.")."""
    if not _WHO.match(question):
        return None
    asked = _WHO_IS.match(question)
    if asked:
        rest = asked.group("rest").strip()
        run = _name_run(rest)
        if run and run == rest.rstrip(" ?.").removesuffix("'s"):
            return run
    if not answer:
        return None
    lead = _QUOTED_TITLE.sub("", answer).removeprefix("According to").lstrip(" :")
    lead = _LEAD_END.split(lead, maxsplit=1)[0]
    return _name_run(lead)


def resolve_person(question: str, history: list[ChatTurn]) -> str:
    """The question with "he", "she", "him", "his", "her" replaced by the person the last
    exchange was about, when it was a who-question; else the question unchanged."""
    if not _PERSON_PRONOUN.search(question):
        return question
    turns = [t for t in history if t.role in ("user", "assistant") and t.content.strip()]
    last_user = next((i for i in range(len(turns) - 1, -1, -1) if turns[i].role == "user"), None)
    if last_user is None:
        return question
    answer = next((t.content for t in turns[last_user + 1 :] if t.role == "assistant"), None)
    person = _person(turns[last_user].content, answer)
    if person is None:
        return question

    def replace(m: re.Match) -> str:
        word = m.group(1).lower()
        following = (
            WORD.match(question, m.end() + 1) if question[m.end() : m.end() + 1] == " " else None
        )
        owns = word in ("his", "hers") or (
            word == "her" and following is not None and following.group().lower() not in STOPWORDS
        )  # "her phone number" owns; "contact her?" and "ask her about" do not
        return f"{person}'s" if owns else person

    return _PERSON_PRONOUN.sub(replace, question, count=1)
