"""Follow-up questions without an LLM: "Who denied it?" leans on the turn before.

Hand-written (LLM mode condenses with the LLM instead). A question that refers back
(a pronoun, "what about", or almost no content words of its own) is joined to the
previous user question for retrieval; its own words still decide what must be found.
"""

from __future__ import annotations

import re

from qa.text import content_terms
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
