"""The default answering mode: no LLM, answers composed verbatim from the documents.

Hand-written, because it is the product's own: which sentences answer, which context
keeps who-said-what, when two documents both speak, and when to abstain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.answer.evidence import QuestionProfile, coverage, names_covered, offers_answer_type
from qa.answer.headings import (
    HEADING_KINDS,
    asks_for_heading,
    heading_bonus,
    names_heading,
    quotable,
)
from qa.config import Settings
from qa.retrieve import Snapshot
from qa.store import sentence_id
from qa.text import stem, stems, words
from qa.types import Passage, Sentence

SELECT_MARGIN = 0.06  # a second sentence joins when it scores within this of the best
OTHER_DOC_MARGIN = 0.12  # another document's best sentence joins within this margin


@dataclass
class Candidate:
    passage: Passage
    index: int  # sentence index in the passage
    sentence: Sentence
    cosine: float
    lexical: float
    typed: bool
    score: float


@dataclass
class Selection:
    candidates: list[Candidate]
    abstain_reason: str | None = None


def score_candidates(
    profile: QuestionProfile,
    query_vector: np.ndarray,
    passages: list[Passage],
    passage_scores: dict[str, float],
    sentence_vectors: dict[str, np.ndarray],
    snapshot: Snapshot,
) -> list[Candidate]:
    top = max(passage_scores.values(), default=1.0) or 1.0
    heading_asked = asks_for_heading(profile.text)
    out: list[Candidate] = []
    for p in passages:
        for idx, s in enumerate(p.sentences):
            if not quotable(s, heading_asked):
                continue  # a question in the text, or a heading nobody asked for
            vec = sentence_vectors.get(sentence_id(p.passage_id, idx))
            if vec is None:
                continue
            cos = float(np.dot(query_vector, vec))
            # Terms found in the sentence count fully; in the sentence before it, half
            # (a heading or the speaker's introduction is context, not the claim).
            own = stems(s.text)
            before = stems(p.sentences[idx - 1].text) if idx else set()
            lexical = 0.7 * coverage(profile, own) + 0.3 * coverage(profile, own | before)
            typed = offers_answer_type(s.text, profile, snapshot.lower_words)
            if heading_asked and s.kind in HEADING_KINDS:
                typed = True  # the heading is the name asked for ("What is section 4 called?")
            score = (
                cos
                + 0.30 * lexical
                + (0.08 if typed else -0.08 if profile.answer_type != "open" else 0.0)
                + 0.05 * passage_scores.get(p.passage_id) / top
                + (heading_bonus(s, profile.text) if heading_asked else 0.0)
            )
            out.append(Candidate(p, idx, s, cos, lexical, typed, score))
    out.sort(key=lambda c: (-c.score, c.passage.doc_id, c.sentence.start))
    return out


def select(
    profile: QuestionProfile, candidates: list[Candidate], settings: Settings, snapshot: Snapshot
) -> Selection:
    if profile.unknown_names:
        names = ", ".join(f"“{n.title()}”" for n in profile.unknown_names)
        return Selection([], f"nothing in them mentions {names}")
    if not candidates:
        return Selection([], "no passage matches the question")
    best = candidates[0]
    if names_heading(best.sentence, profile.text):  # "What is section 4 called?"
        return Selection([best])
    best_cos = max(c.cosine for c in candidates)
    unknown_focus = [t for t in profile.focus if t in profile.unknown_terms]
    if unknown_focus and best_cos < settings.focus_similarity:
        # "Which malware...?" where the corpus never mentions malware: only a very close
        # paraphrase ("drug maker" for "pharmaceutical company") may still answer.
        return Selection([], f"nothing in them mentions {_quoted(profile, unknown_focus)}")
    # Words the corpus never uses are fine in a paraphrase that is semantically close, or
    # when they are a small part of the question ("commented" among four key terms);
    # otherwise the nearest passages can only be about something else.
    unknown_share = len(profile.unknown_terms) / max(len(profile.key_terms), 1)
    if unknown_share >= 1 / 3 and best_cos < settings.confident_similarity:
        return Selection(
            [], f"none of the passages mention {_quoted(profile, profile.unknown_terms)}"
        )
    if best_cos < settings.min_sentence_similarity:
        return Selection(
            [], f"no passage is close enough to the question (best similarity {best_cos:.2f})"
        )
    if profile.answer_type != "open":
        typed = [c for c in candidates if c.typed]
        if not typed or typed[0].score < best.score - OTHER_DOC_MARGIN:
            return Selection([], f"the closest passages do not give {_KINDS[profile.answer_type]}")
        candidates, best = typed, typed[0]
        # A number or a date must be about what was asked: "How many organizations...",
        # "When was APT29 identified": the sentence giving it must share a key term.
        if profile.answer_type in ("number", "time"):
            needed = set(
                profile.focus or [t for t in profile.key_terms if t not in profile.unknown_terms]
            )
            if needed and not needed & stems(best.sentence.text):
                what = _KINDS[profile.answer_type]
                return Selection(
                    [], f"no passage gives {what} for {_quoted(profile, sorted(needed))}"
                )
    context = stems(best.passage.text)
    previous = snapshot.previous_passage(best.passage.passage_id)
    if previous is not None:
        context |= stems(previous.text)
    missing_names = names_covered(profile, context)
    if missing_names:  # "What did the Canadian government say...": the passage must be about them
        return Selection(
            [], f"the closest passages say nothing about {_quoted(profile, missing_names)}"
        )

    chosen = [best]
    for c in candidates[1:]:
        if len(chosen) >= settings.max_answer_sentences:
            break
        if c.score < best.score - SELECT_MARGIN:
            break
        if _redundant(c, chosen) or not _as_relevant(c, best):
            continue
        chosen.append(c)
    # Where another document also speaks to the question, show its account too, so a
    # disagreement between the sources is visible rather than hidden.
    docs = {c.passage.doc_id for c in chosen}
    for c in candidates:
        if c.passage.doc_id in docs or c.score < best.score - OTHER_DOC_MARGIN:
            continue
        if c.typed and not _redundant(c, chosen) and _as_relevant(c, best):
            chosen.append(c)
            docs.add(c.passage.doc_id)

    evidence = set().union(*(stems(c.sentence.text) for c in chosen))
    evidence |= set().union(
        *(stems(c.passage.sentences[c.index - 1].text) for c in chosen if c.index)
    )
    # Synonyms ("rejects" for "denied") defeat term matching, so a sentence that is
    # semantically close on its own does not need the question's words.
    if (
        best_cos < settings.confident_similarity
        and coverage(profile, evidence) < settings.min_term_coverage
    ):
        return Selection([], "the passages found do not speak to what the question asks")
    return Selection(chosen)


_KINDS = {"number": "a number", "time": "a date or time", "entity": "a name", "place": "a place"}


def _quoted(profile: QuestionProfile, terms: list[str]) -> str:
    """Stems as the question spelled them: “malware”, not “malwar”."""
    spelled: dict[str, str] = {}
    for word in words(profile.text):
        spelled.setdefault(stem(word), word)
    return ", ".join(f"“{spelled.get(t, t)}”" for t in terms)


def _as_relevant(c: Candidate, best: Candidate) -> bool:
    """A companion sentence must share at least half of the best one's key-term support."""
    return c.lexical >= 0.5 * best.lexical and (c.lexical > 0 or best.lexical == 0)


def _redundant(c: Candidate, chosen: list[Candidate]) -> bool:
    return any(c.passage.passage_id == o.passage.passage_id and c.index == o.index for o in chosen)
