"""What a question asks for, and what a piece of evidence offers: shared by the extractive
answerer (to select and to abstain) and by the judge (to check answer types).

Hand-written: similarity alone cannot tell "the corpus mentions AstraZeneca" from "the
corpus says who runs AstraZeneca", so abstention also checks the expected answer type
and the question's key terms beyond the topic words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from qa.text import TIME_WORDS, capitalised_names, content_terms, numbers, stem, words

_WHO = re.compile(
    r"^\s*(who|whom|whose)\b|\b(which|what) (person|people|official|minister|secretary|director|researcher|agency|organi[sz]ation|group|company|country|countries|broadcaster|manufacturer|head)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\bhow (many|much|likely|certain|sure|confident)\b|\bwhat (percent|percentage|share|proportion|number)\b|\bpercent",
    re.I,
)
_TIME = re.compile(r"^\s*when\b|\bwhat (year|day|date|month|time)\b|\bhow long\b", re.I)
_PLACE = re.compile(r"^\s*where\b|\bin which (country|city)\b", re.I)


@dataclass
class QuestionProfile:
    text: str
    answer_type: str  # "entity" | "number" | "time" | "place" | "open"
    terms: list[str]  # stems of the content words
    key_terms: list[str]  # terms that are not corpus-wide topic words
    names: set[str] = field(default_factory=set)  # capitalised words the question uses
    unknown_names: list[str] = field(default_factory=list)  # names the corpus never uses
    unknown_terms: list[str] = field(default_factory=list)  # key terms the corpus never uses
    term_weights: dict[str, float] = field(default_factory=dict)


def profile_question(
    text: str, doc_freq: dict[str, int], n_passages: int, lower_words: set[str]
) -> QuestionProfile:
    answer_type = "open"
    if _NUMBER.search(text):
        answer_type = "number"
    elif _TIME.search(text):
        answer_type = "time"
    elif _PLACE.search(text):
        answer_type = "place"
    elif _WHO.search(text):
        answer_type = "entity"
    terms = content_terms(text)
    n = max(n_passages, 1)
    # A word in more than half the passages is the topic, not what the question is after.
    key_terms = [t for t in terms if doc_freq.get(t, 0) <= max(1, n // 2)]
    weights = {t: math.log(1 + n / (1 + doc_freq.get(t, 0))) for t in terms}
    if answer_type == "entity" and terms and re.match(r"^\s*who\b", text, re.I):
        # In "Who denied X?" the predicate right after "who" is the relation asked about.
        weights[terms[0]] *= 2.0
    names = capitalised_names(_drop_first_word(text), lower_words)
    unknown_names = sorted(nm for nm in names if doc_freq.get(stem(nm), 0) == 0)
    unknown_terms = [t for t in key_terms if doc_freq.get(t, 0) == 0]
    return QuestionProfile(
        text, answer_type, terms, key_terms, names, unknown_names, unknown_terms, weights
    )


def _drop_first_word(text: str) -> str:
    return re.sub(r"^\s*\S+", "", text, count=1)


def offers_answer_type(sentence: str, profile: QuestionProfile, lower_words: set[str]) -> bool:
    """Does the sentence contain something of the kind the question asks for, beyond
    what the question already says?"""
    if profile.answer_type == "open":
        return True
    if profile.answer_type == "number":
        return bool(numbers(sentence) - numbers(profile.text))
    if profile.answer_type == "time":
        lowered = {w.lower() for w in words(sentence)}
        return bool(lowered & TIME_WORDS) or bool(re.search(r"\b(1[89]|20)\d\d\b", sentence))
    # entity / place: a name the question does not already contain
    names = capitalised_names(sentence, lower_words)
    question_stems = {stem(w) for w in profile.names} | set(profile.terms)
    return any(stem(nm) not in question_stems for nm in names)


def coverage(profile: QuestionProfile, evidence_stems: set[str]) -> float:
    """Weighted share of the key terms found in the evidence (1.0 when there are none)."""
    terms = profile.key_terms
    if not terms:
        return 1.0
    total = sum(profile.term_weights[t] for t in terms)
    found = sum(profile.term_weights[t] for t in terms if t in evidence_stems)
    return found / total if total else 1.0
