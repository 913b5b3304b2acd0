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

from qa.answer.headings import asks_for_heading, structure_stems
from qa.text import (
    STOPWORDS,
    TIME_WORDS,
    capitalised_names,
    content_terms,
    numbers,
    stem,
    with_aliases,
    words,
)

_WHO = re.compile(
    r"^\s*(who|whom|whose)\b|\bname of\b|\bcalled\b"
    r"|\b(which|what) (person|people|official|minister|secretary|director|researcher|agency"
    r"|organi[sz]ation|group|company|country|countries|broadcaster|manufacturer|head)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\bhow (many|much|likely|certain|sure|confident)\b"
    r"|\bwhat (percent|percentage|share|proportion|number)\b|\bpercent",
    re.I,
)
_TIME = re.compile(r"^\s*when\b|\bwhat (year|day|date|month|time)\b|\bhow long\b", re.I)
_PLACE = re.compile(r"^\s*where\b|\bin which (country|city)\b", re.I)
# "Which malware...", "How many organizations...": the thing asked about.
_FOCUS = re.compile(
    r"\b(?:which|what|how many|how much)\s+(?:(?:kinds?|types?|sorts?) of\s+)?"
    r"([A-Za-z][\w\-]*)(?:\s+([A-Za-z][\w\-]*))?",
    re.I,
)


@dataclass
class QuestionProfile:
    text: str
    answer_type: str  # "entity" | "number" | "time" | "place" | "open"
    terms: list[str]  # stems of the content words
    key_terms: list[str]  # terms that are not corpus-wide topic words
    names: set[str] = field(default_factory=set)  # stems of capitalised words the question uses
    focus: list[str] = field(default_factory=list)  # stems of the noun(s) a which/what asks about
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
    if asks_for_heading(text):  # "What is section 4 called?": "section" says where to look
        terms = [t for t in terms if t not in structure_stems()]
    n = max(n_passages, 1)
    # A word in more than half the passages is the topic, not what the question is after.
    key_terms = [t for t in terms if doc_freq.get(t, 0) <= max(1, n // 2)]
    weights = {t: math.log(1 + n / (1 + doc_freq.get(t, 0))) for t in terms}
    if answer_type == "entity" and terms and re.match(r"^\s*who\b", text, re.I):
        # In "Who denied X?" the predicate right after "who" is the relation asked about.
        weights[terms[0]] *= 2.0

    def known(term: str) -> bool:
        return any(doc_freq.get(a, 0) for a in with_aliases({term}))

    names: set[str] = set()
    for name in capitalised_names(_drop_first_word(text), lower_words):
        whole = stem(name)
        # "Oxford-developed" is known when "Oxford" is; "COVID-19" is known as a whole.
        parts = [stem(p) for p in name.split("-") if p]
        names.add(whole if known(whole) or len(parts) == 1 else parts[0])

    focus: list[str] = []
    if match := _FOCUS.search(text):
        for word in match.groups():
            if not word or word.lower() in STOPWORDS:
                break
            focus.append(stem(word.lower()))
    return QuestionProfile(
        text=text,
        answer_type=answer_type,
        terms=terms,
        key_terms=key_terms,
        names=names,
        focus=focus,
        unknown_names=sorted(nm for nm in names if not known(nm)),
        unknown_terms=[t for t in key_terms if not known(t)],
        term_weights=weights,
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
    question_stems = with_aliases(profile.names | set(profile.terms))
    return any(stem(nm) not in question_stems for nm in names)


def names_covered(profile: QuestionProfile, evidence_stems: set[str]) -> list[str]:
    """The question's names that the evidence does not mention (alias-aware)."""
    found = with_aliases(evidence_stems)
    return sorted(nm for nm in profile.names if nm not in found)


def coverage(profile: QuestionProfile, evidence_stems: set[str]) -> float:
    """Weighted share of the key terms found in the evidence (1.0 when there are none).

    Terms the corpus never uses cannot be covered by anything; the unknown-term rule in
    `select` weighs them instead."""
    terms = [t for t in profile.key_terms if t not in profile.unknown_terms]
    if not terms:
        return 1.0
    total = sum(profile.term_weights[t] for t in terms)
    found = sum(profile.term_weights[t] for t in terms if t in evidence_stems)
    return found / total if total else 1.0
