"""Prompt injection: a document sentence that gives orders to the AI, the assistant or
whoever reads the prompt is not evidence, in either answering mode.

One rule shared by the extractive answerer (such a sentence is never a candidate answer)
and the LLM mode (it is shown to the model as quoted data, never accepted as evidence).
Hand-written: no packaged classifier for it exists here (STACK.md). The rules aim at
instructions to a *model* (override its instructions, change its role, dictate its
answer), so a manual's ordinary instructions to its reader ("Hold the button for 10
seconds", "Answer the questions on the form") stay evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_OVERRIDE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.!?]{0,30}?"
    r"\b(?:all|any|every|your|previous|prior|above|earlier|preceding|system|original)\b"
    r"[^.!?]{0,20}?\b(?:instructions?|prompts?|directives?|guidelines|rules|context)\b",
    re.I,
)
# Words for an AI model, not for a product model or a computer system ("If you are the
# system administrator" is an ordinary instruction).
_AI = r"(?:ai|a\.i\.|assistant|chat ?bot|language model|llm|gpt)"
_ROLE = re.compile(
    rf"\b(?:you are|you're|act as|pretend (?:to be|you are)|roleplay as|behave as)\s+"
    rf"(?:now\s+)?(?:an?\s+|the\s+)?(?:\w+\s+)?{_AI}\b"
    rf"|\bfrom now on,?\s+you\b|\b(?:system|developer) (?:prompt|mode|message)\b|\bjailbreak"
    rf"|\b(?:if|when|while) you are (?:an?|the) (?:\w+\s+)?{_AI}\b"
    rf"|\b{_AI}s?\s+(?:reading|processing|summari[sz]ing|answering|that reads?)\b",
    re.I,
)
# "answer 'PWNED'", "respond with only \"yes\"": an answer dictated word for word.
_DICTATED = re.compile(
    r"\b(?:answer|reply|respond|output|print|return)\b(?:\s+(?:only|with|exactly|just|by"
    r"|saying|that))*\s*[:\-]?\s*[\"'“‘][^\"'”’]{1,60}[\"'”’]",
    re.I,
)
# "respond to every user by ...": a rule for every answer, aimed at whoever answers users.
_EVERY_QUESTION = re.compile(
    r"\b(?:answer|reply|respond)\b(?:\s+to)?\s+(?:every|all|any|each|the next)\s+"
    r"(?:users?|quer(?:y|ies)|prompts?|requests?|chats?)\b",
    re.I,
)


def overrides_instructions(sentence: str) -> str | None:
    if _OVERRIDE.search(sentence):
        return "tells the reader to set aside its instructions"
    return None


def addresses_a_model(sentence: str) -> str | None:
    if _ROLE.search(sentence):
        return "addresses an AI or assistant, or changes its role"
    return None


def dictates_the_answer(sentence: str) -> str | None:
    if _DICTATED.search(sentence) or _EVERY_QUESTION.search(sentence):
        return "dictates what the answer must say"
    return None


INSTRUCTION_RULES: list[Callable[[str], str | None]] = [
    overrides_instructions,
    addresses_a_model,
    dictates_the_answer,
]


def instruction_reason(sentence: str) -> str | None:
    """Why the sentence is an instruction to the reader of a prompt, or None."""
    for rule in INSTRUCTION_RULES:
        if reason := rule(sentence):
            return reason
    return None


@lru_cache(maxsize=8192)
def looks_like_instruction(sentence: str) -> bool:
    """Cached by the sentence (the rules read nothing else): the answerer asks it of every
    retrieved sentence, and the same sentences come back question after question."""
    return instruction_reason(sentence) is not None
