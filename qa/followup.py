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


def standalone_question(question: str, history: list[ChatTurn]) -> str | None:
    """The question with its context, or None when it stands on its own."""
    previous = [t.content.strip() for t in history if t.role == "user" and t.content.strip()]
    if not previous:
        return None
    if _REFERS_BACK.search(question) or len(content_terms(question)) <= 1:
        return f"{previous[-1]} {question.strip()}"
    return None
