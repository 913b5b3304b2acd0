"""The default answering mode: no LLM, answers quoted verbatim from the documents.

Which sentences answer, and whether to answer at all, is one fitted decision
(`qa.answer.decide`) over general features (`qa.answer.features`), plus the few hard
rules that the eval keeps (`qa.answer.rules`). This module gathers the candidates,
scores them, and turns the decision into a selection or a reason to abstain that a
person can read. Composing the quotes is `qa.answer.compose`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from qa.answer.compose import (
    Pick,
    closes_with_a_colon,
    continuation,
    lead_in,
    named_documents,
    table_lookup,
)
from qa.answer.decide import DecisionModel, model_for
from qa.answer.features import (
    KINDS,
    OFFERS,
    View,
    key_coverages,
    offers_person,
    text_facts,
    type_missing,
    vectorise_all,
)
from qa.answer.headings import HEADING_KINDS, dates_a_release, names_heading, quotable
from qa.answer.injection import looks_like_instruction
from qa.answer.question import (
    SYNONYM,
    QuestionProfile,
    Term,
    attach_ranges,
    closeness,
    written_forms,
)
from qa.answer.rules import first_reason
from qa.answer.tables import row_of_sums, with_heading_units
from qa.answer.turns import turns_of
from qa.config import Settings
from qa.retrieve import Snapshot
from qa.sections import heading_label
from qa.store import sentence_id
from qa.text import (
    acronyms,
    code_form,
    days_covered,
    days_named,
    has_digit,
    month_of,
    months_covered,
    part_of_day,
    parts_of_day_covered,
    restates,
    speaks_to,
    stems,
)
from qa.types import Passage, Sentence, own_heading


@dataclass
class Candidate:
    passage: Passage
    index: int  # sentence index in the passage
    sentence: Sentence
    cosine: float
    view: View
    features: np.ndarray
    probability: float = 0.0  # the fitted scorer's: this sentence holds the answer
    # its passage's rank in the retriever that ranked it lowest (qa.retrieve.Hit)
    retriever_rank: int = 0


@dataclass
class Selection:
    candidates: list[Candidate]
    abstain_reason: str | None = None
    question: QuestionProfile | None = field(default=None, repr=False)


class _Words:
    """Per question: each sentence's words, stems and best similarity to each question
    term, computed once (a sentence is a candidate and also the context of the next)."""

    def __init__(self, profile: QuestionProfile, snapshot: Snapshot) -> None:
        self.profile = profile
        self.lexicon = snapshot.lexicon
        vectors = [t.vector for t in profile.terms]
        self.has_vector = np.array([v is not None for v in vectors], bool)
        dim = next((v.shape[0] for v in vectors if v is not None), 1)
        self.terms = np.array(
            [v if v is not None else np.zeros(dim, np.float32) for v in vectors], np.float32
        ).reshape(len(vectors), dim)
        self.stems = [t.stem for t in profile.terms]
        # a term with digits also matches its other written forms ("2.4.0", "v2.4.0"; "3.0"
        # matches "3.0.0", not the other way: "3.0 bar" is no version; `written_forms`)
        self.codes_of = [
            frozenset(map(code_form, written_forms(s, shorter=False)))
            if has_digit(s)
            else frozenset()
            for s in self.stems
        ]
        self.has_codes = any(self.codes_of)
        self.synonyms = [t.synonyms for t in profile.terms]
        self.figures = [t.figure if t.figure_bounded else None for t in profile.terms]
        # an acronym of the question also matches the name it abbreviates ("UK": "United
        # Kingdom"), as the corpus statistics count it (`qa.retrieve`, `qa.text.acronyms`)
        self.acronym = [t.word.isupper() and len(t.word) > 1 for t in profile.terms]
        # a day of the week or a month matches itself, or a range that runs over it
        # ("Monday to Friday" for "Tuesday", "1 November – 31 March" for "December"),
        # never another day or month: the seven days are close to one another in the
        # embedding ("Saturday" ~ "Friday"), the months too, and each names a time the
        # others do not. A month is one the question writes out with its capital ("May"),
        # but not the "May" of "May I ...?", which asks leave. A part of the day matches the
        # clock times in it ("at night" and "11pm to 7am"), which the embedding does not
        # tell; its nearest words still count ("evening" ~ "night").
        modal = re.match(r"\W*may\b", profile.text, re.I) is not None
        self.times = [_time_named(t, modal) for t in profile.terms]
        self.has_vector &= np.array(
            [named is None or named[0] is parts_of_day_covered for named in self.times], bool
        )
        # only the readings of times the question names, once per text: this runs for
        # every candidate sentence and its context
        self.covering = list(dict.fromkeys(named[0] for named in self.times if named))
        self._cache: dict[str, tuple[np.ndarray, frozenset[str]]] = {}

    def match(self, text: str, soft: bool = True) -> tuple[np.ndarray, frozenset[str]]:
        """Per question term: 1.0 when its stem is in the text, else (soft) the closeness
        of its nearest word in the text (`question.closeness`), or `question.SYNONYM`
        where the text has one of its WordNet synonyms; and the text's stems.

        Tried in session 35 and not kept: a term matched exactly by a part of a
        hyphenated word ("dairy" by "dairy-free"): dev LOCO (`python -m
        evals.decision_lab`) .679 / .557 / .538 / .389 -> .679 / .542 / .520 / .384, AUC
        -.002 [-.007, +.002]; a near-miss question's "contract manufacturing" met the
        text's "contract-manufacturing".

        Tried in session 51 and not kept: two terms the question writes side by side
        matched exactly by the two written as one word ("head teacher": "Headteacher",
        "log in": "login"). `corpus-qa eval --loco`: test +2 -6, LOCO +9 -9, dev +1 -5,
        most at the refit's threshold, and manual LOCO CRAG and correspondence LOCO
        key-fact accuracy under their floors; on probe 65 a section heading "FROM THE
        HEADTEACHER" then matched every sentence of the letter under it, and the
        head's sign-off still ranked below them."""
        key = f"{soft}\x00{text}"
        if key in self._cache:
            return self._cache[key]
        facts = text_facts(text)
        content, text_stems = facts.content, facts.stems
        codes = {code_form(s) for s in text_stems if has_digit(s)} if self.has_codes else set()
        named = acronyms(text) if any(self.acronym) else set()
        result = np.array(
            [
                1.0 if s in text_stems or not c.isdisjoint(codes) or (a and s in named) else 0.0
                for s, c, a in zip(self.stems, self.codes_of, self.acronym, strict=True)
            ],
            np.float32,
        )
        if soft and self.lexicon is not None and self.has_vector.any() and content:
            rows = self.lexicon.rows(content)
            if len(rows):
                sims = (self.terms @ rows.T).max(axis=1)
                sims = np.where(self.has_vector, closeness(sims), 0.0)
                result = np.maximum(result, sims.astype(np.float32))
        for i, found in enumerate(self.synonyms if soft else ()):
            if found and not found.isdisjoint(text_stems):
                result[i] = max(result[i], SYNONYM)
        for i, figure in enumerate(self.figures if soft else ()):
            if figure is not None and speaks_to(figure, text):  # "67": "aged 66 or over"
                result[i] = max(result[i], SYNONYM)
        if soft and self.covering:
            covered = {cover: cover(text) for cover in self.covering}
            for i, named in enumerate(self.times):
                if named and not named[1].isdisjoint(covered[named[0]]):
                    result[i] = max(result[i], SYNONYM)
        self._cache[key] = (result, text_stems)
        return result, text_stems


TimeCover = Callable[[str], frozenset[str]]


def _time_named(term: Term, modal: bool) -> tuple[TimeCover, frozenset[str]] | None:
    """The days of the week (one, or the weekend's), the month or the part of the day the
    term names, with what reads the ones a text covers; None for a term that names none."""
    if days := days_named(term.word):
        return days_covered, days
    if part := part_of_day(term.word):
        return parts_of_day_covered, frozenset({part})
    written_out = term.word[:1].isupper() and not (modal and term.lower == "may")
    if written_out and (month := month_of(term.word)):
        return months_covered, frozenset({month})
    return None


def score_candidates(
    profile: QuestionProfile,
    query_vector: np.ndarray,
    passages: list[Passage],
    passage_scores: dict[str, float],
    sentence_vectors: dict[str, np.ndarray],
    snapshot: Snapshot,
    model: DecisionModel | None,
    passage_ranks: dict[str, int],
) -> list[Candidate]:
    """Every retrieved sentence as a candidate, with its features and its probability of
    answering the question, best first. A sentence that gives orders to the reader of a
    prompt ("Ignore previous instructions ...") is never a candidate. Without a model
    (when fitting one), candidates are ordered by similarity. `passage_ranks` are the
    passages' `Hit.retriever_rank`."""
    top = max(passage_scores.values(), default=1.0) or 1.0
    attach_ranges(profile, [p.text for p in passages])
    lexicon = _Words(profile, snapshot)
    heading_asked = profile.answer_type == "heading"
    named = profile.released_versions
    person_asked = OFFERS.get(profile.answer_type) is offers_person
    before = _previous_sentences(passages, snapshot)
    out: list[Candidate] = []
    for p in passages:
        # Each sentence is read under its own section: a passage may run past a heading.
        headings: dict[str, tuple[str, np.ndarray]] = {}
        order = snapshot.documents.get(p.doc_id, [])
        position = order.index(p.passage_id) if p.passage_id in order else 0
        # Who speaks a turn counts only where the question asks for a person (`View.offered`).
        turns = turns_of(p, snapshot) if person_asked else [None] * len(p.sentences)
        for idx, s in enumerate(p.sentences):
            vec = sentence_vectors.get(sentence_id(p.passage_id, idx))
            if (
                vec is None
                or not quotable(s, heading_asked, named)
                or looks_like_instruction(s.text)
            ):
                continue  # a question in the text, a heading nobody asked for, an order
            section = p.section_of(idx)
            if section not in headings:
                heading = " ".join(x for x in (p.title, p.file_words, section, p.context) if x)
                found = lexicon.match(heading, soft=False)[0] if heading else _zeros(profile)
                headings[section] = (heading, found)
            heading, title_match = headings[section]
            previous = p.sentences[idx - 1].text if idx else before.get(p.passage_id, "")
            # Tried in session 38 and not kept: a turn's speaker label ("Dana: Okay.") read as
            # the sentence's context, not its words (a who-question naming Dana matched every
            # turn of hers): dev LOCO (`python -m evals.decision_lab`) .681 / .560 / .543 /
            # .394 -> .682 / .548 / .532 / .394, AUC -.0020 [-.0061, +.0006]; no probe moved.
            match, content = lexicon.match(s.text)
            context = match
            above = item.text if (item := lead_in(p, idx)) else ""
            # Tried in session 34 and not kept: a table row or list item read without the
            # row or item before it (a sibling, not its context; the header and the lead-in
            # stay). Dev LOCO (`python -m evals.decision_lab`) .682 / .571 / .555 / .399 ->
            # .670 / .541 / .532 / .377, AUC -.015 [-.029, -.003]: in the dev documents a
            # field's or an item's neighbours often carry the words the question asks in.
            for extra in (previous, heading, table_header(p, idx), run_in_label(p, idx), above):
                if extra:
                    context = np.maximum(context, lexicon.match(extra)[0])
            view = View(
                q=profile,
                passage=p,
                index=idx,
                sentence=s,
                cosine=float(np.dot(query_vector, vec)),
                passage_score=passage_scores.get(p.passage_id, 0.0) / top,
                position=position,
                lower_words=snapshot.lower_words,
                match=match,
                context_match=context,
                title_match=title_match,
                content=content,
                previous=previous,
                introduced=introduced(p, idx, snapshot),
                lead_in=above,
                speaker=turn.speaker if (turn := turns[idx]) and turn.stands_before(s) else "",
                as_read=with_heading_units(s.text, header_row(p, idx)),
                row_of_sums=row_of_sums(s, section),
            )
            rank = passage_ranks[p.passage_id]
            out.append(Candidate(p, idx, s, view.cosine, view, np.zeros(0), retriever_rank=rank))
    if not out:
        return out
    views = [c.view for c in out]
    best_cosine = max(c.cosine for c in out)
    best_coverage = float(key_coverages(views).max())
    by_passage: dict[str, np.ndarray] = {}
    for c in out:
        pid = c.passage.passage_id
        seen = by_passage.get(pid)
        by_passage[pid] = (
            c.view.context_match if seen is None else np.maximum(seen, c.view.context_match)
        )
    mean_length = float(np.mean([len(c.view.tokens) for c in out]))
    for c in out:
        c.view.best_cosine, c.view.best_key_coverage = best_cosine, best_coverage
        c.view.mean_length = mean_length
        c.view.passage_match = by_passage[c.passage.passage_id]
    for c, row in zip(out, vectorise_all(views), strict=True):
        c.features = row.copy()  # each candidate its own row, as `vectorise` gave it
    return _ranked(out, model)


def introduced(p: Passage, idx: int, snapshot: Snapshot) -> str:
    """What the passage's idx-th sentence introduces when it ends with a colon, as the
    answer would quote it with it (`compose.continuation`): the list items under it, or the
    one sentence after it. "You can contact her:" offers the address its list gives.

    Tried in session 40 and not kept: what any continuation adds ("We also close for two
    staff training days each year." offering the dates of "In 2024/25 these are ...").
    It made "That meant a week with no freight ..." offer a duration for "How long does
    the Glenmore Lady take to cross to Carrow?" (test, unanswerable: P 0.10 -> 0.59), and
    dev LOCO (`python -m evals.decision_lab`) moved by threshold noise only."""
    s = p.sentences[idx]
    if not closes_with_a_colon(s.text):
        return ""
    return " ".join(found.text for _, found in continuation(Pick(p, idx, s), snapshot))


def _ranked(candidates: list[Candidate], model: DecisionModel | None) -> list[Candidate]:
    """`candidates` (in passage order, as gathered) with their probabilities, best first."""
    x = np.stack([c.features for c in candidates])
    probabilities = (
        model.candidate_probabilities(x) if model else np.array([c.cosine for c in candidates])
    )
    for c, prob in zip(candidates, probabilities, strict=True):
        c.probability = float(prob)
    candidates.sort(key=lambda c: (-c.probability, c.passage.doc_id, c.sentence.start))
    return candidates


def rescored(
    passages: list[Passage], candidates: list[Candidate], model: DecisionModel | None
) -> list[Candidate]:
    """Copies of `score_candidates`' candidates for `passages`, scored by `model` instead:
    the same list, probabilities and order as `score_candidates` with `model` gives (it is
    put back in passage order first, so even the floating-point sums are the same), and the
    originals untouched. Features do not depend on the model, so the eval scores one
    gathering of a question's candidates under each decision it fits."""
    where = {p.passage_id: i for i, p in enumerate(passages)}
    copies = sorted(
        (replace(c) for c in candidates), key=lambda c: (where[c.passage.passage_id], c.index)
    )
    return _ranked(copies, model) if copies else copies


def _in_named_document(
    found: list[Candidate], question: str, snapshot: Snapshot | None
) -> Candidate:
    """Of several documents' section 4, the one in the document the question names ("What
    is section 6 of the annual report called?" is not item 6 of the minutes, even where
    that item is called "Annual Report"); else the likeliest."""
    if len(found) > 1 and snapshot is not None:
        named, _ = named_documents(snapshot, question)
        return next((c for c in found if c.passage.doc_id in named), found[0])
    return found[0]


def select(
    profile: QuestionProfile,
    candidates: list[Candidate],
    settings: Settings,
    snapshot: Snapshot | None = None,
    model: DecisionModel | None = None,
) -> Selection:
    """The sentences to quote, or the reason to abstain."""
    model = model or model_for(settings.answer_model)
    if reason := first_reason(profile, model.rules):
        return Selection([], reason, profile)
    if not candidates:
        return Selection([], "no passage matches the question", profile)
    best = candidates[0]
    # "What is section 4 called?": the heading of that very section, the likeliest first.
    if headings := [c for c in candidates if names_heading(c.sentence, profile.text)]:
        return Selection([_in_named_document(headings, profile.text, snapshot)], None, profile)
    # "When did 3.0.0 come out?": the heading that dates that release ("## [3.0.0] -
    # 2025-04-14"), found in the structure as a named section's heading is; the scorer,
    # reading sentences, ranks a line of a version and a date below the ones that say more.
    versions = profile.released_versions
    if dated := [c for c in candidates if versions and dates_a_release(c.sentence, versions)]:
        return Selection(dated[:1], None, profile)
    # "Which year had the highest total spending?": a lookup along a table's row, which the
    # scorer, reading single sentences, cannot see (`compose.table_lookup`).
    if snapshot is not None and (row := table_lookup(profile.text, candidates, snapshot)):
        return Selection([row], None, profile)
    x = np.stack([c.features for c in candidates])
    passages = [c.passage.passage_id for c in candidates]
    ranks = [c.retriever_rank for c in candidates]
    if (
        model.answer_probability(
            x, np.arange(len(candidates)), passages, ranks, [c.view for c in candidates]
        )
        < model.abstain_below
    ):
        return Selection([], explain(best, candidates), profile)
    heading = section_heading(best, candidates, profile, snapshot)  # takes no quote's place
    chosen = [*heading, best]
    said = [stems(o.sentence.text) for o in chosen]  # the chosen sentences' stems, kept
    docs = {best.passage.doc_id}
    for c in candidates[1:]:
        if len(chosen) >= settings.max_answer_sentences + len(heading):
            break
        other = c.passage.doc_id not in docs
        ratio = model.other_document_ratio if other else model.companion_ratio
        if c.probability < ratio * best.probability:
            continue
        bag = stems(c.sentence.text)
        if _redundant(c, bag, chosen, said):
            continue
        chosen.append(c)
        said.append(bag)
        docs.add(c.passage.doc_id)
    return Selection(chosen, None, profile)


def section_heading(
    best: Candidate,
    candidates: list[Candidate],
    profile: QuestionProfile,
    snapshot: Snapshot | None,
) -> list[Candidate]:
    """ "Which section covers X?": the heading of the section the best sentence is in,
    quoted before that sentence; none when the best is a heading already or the question
    asks for no heading. Found in the document's structure (`Snapshot.headings`): a
    section's heading is often passages away from its text, and not retrieved."""
    if profile.answer_type != "heading" or best.sentence.kind in HEADING_KINDS:
        return []
    passage = best.passage
    section = passage.section_of(best.index)
    label = own_heading(section)
    if not label:
        return []
    if snapshot is not None and snapshot.headings is not None:
        order = snapshot.documents.get(passage.doc_id, [])
        position = order.index(passage.passage_id) if passage.passage_id in order else 0
        place = snapshot.headings.of_section(passage.doc_id, section, position)
        found = snapshot.passages([place.passage_id]) if place else []
        if not found:
            return []
        # The best sentence's scores stand for its heading's: it is quoted because of them.
        return [replace(best, passage=found[0], index=place.index,
                        sentence=found[0].sentences[place.index])]  # fmt: skip
    for c in candidates:  # no structure at hand: a heading among the candidates
        same = c.passage.doc_id == passage.doc_id and c.sentence.kind == "heading"
        if same and heading_label(c.sentence.text) == label:
            return [c]
    return []


# How close (`question.closeness`) the corpus's nearest word must be for the reason to name
# it beside the word it lacks: "nothing in them mentions “spies” (the closest word they
# use is “espionage”)" tells the reader the documents speak of the thing in other words,
# which "nothing mentions “spies”" alone denies. Wording only: the decision is made.
NEAR_WORD = 0.3


def explain(best: Candidate, candidates: list[Candidate] | None = None) -> str:
    """Why the best candidate is not good enough, in words a person can check: a specific
    word of the question that the corpus never uses; else one that none of the passages
    found has (nor a close word: every retrieved sentence with its context is checked, so
    "the closest passages say nothing about" stays true as said); else the kind of answer
    no passage found gives. (The cut-offs only choose the wording.)"""
    v = best.view
    q = v.q
    absent = [  # a word whose synonym the corpus has is not absent ("volts" and "V"), nor
        # a figure a passage states a range for ("13": "aged 11 to 15")
        t
        for t in q.terms
        if not t.in_corpus and t.specificity >= 0.5 and not t.synonyms and not t.figure_bounded
    ]
    if absent:  # true as said: no document uses the word (names first)
        worst = max(
            absent,
            key=lambda t: (not t.scene, t.name, t.specificity * t.corpus_gap),
        )
        # not for a name, nor a name for a word: another name near it in the embedding is
        # someone else, and the corpus writes a name capitalised (the lexicon lower-cased)
        near = worst.nearest
        close = not worst.name and worst.corpus_similarity >= NEAR_WORD and near in v.lower_words
        said = f" (the closest word they use is “{near}”)" if close else ""
        return f"nothing in them mentions “{worst.word}”{said}"
    if q.terms:
        found = np.max([c.view.context_match for c in candidates or [best]], axis=0)
        local = q.absence_weights * (1.0 - found)
        if found[int(local.argmax())] < 0.3 and local.max() >= 0.3:
            return f"the closest passages say nothing about “{q.terms[int(local.argmax())].word}”"
    if q.answer_type in KINDS and all(type_missing(c.view) for c in candidates or [best]):
        return f"the closest passages do not give {KINDS[q.answer_type]}"
    # Reached when the question's words and the kind of answer asked for were found: "the
    # passages do not speak to it" would be untrue; the fitted decision found no clear answer.
    return "the passages found touch on it, but none answers it clearly enough to quote"


def _zeros(profile: QuestionProfile) -> np.ndarray:
    return np.zeros(len(profile.terms), np.float32)


def _first_row(passage: Passage, index: int) -> int:
    """Where the run of table rows that the index-th sentence ends starts."""
    first = index
    while first > 0 and passage.sentences[first - 1].kind == "table_row":
        first -= 1
    return first


def table_header(passage: Passage, index: int) -> str:
    """The header row over a table row of the passage, where the header is in the passage
    too; "" otherwise (a passage that continues a table has it as its `context`, read with
    its heading). A row ("| July | 74% | 58% | 39% |") says nothing of what its columns
    hold; a question asks for "the Drought Control line in July" in the header's words."""
    if passage.sentences[index].kind != "table_row":
        return ""
    first = _first_row(passage, index)
    if first == index or (first == 0 and passage.context):
        return ""
    return passage.sentences[first].text


def header_row(passage: Passage, index: int) -> str:
    """The header row of the table a row sentence is in: in the passage (`table_header`),
    or its `context` where the passage opens by continuing a table; "" for other
    sentences, and for a row that is a header itself."""
    if passage.sentences[index].kind != "table_row":
        return ""
    first = _first_row(passage, index)
    if first == 0 and passage.context:
        return passage.context
    return passage.sentences[first].text if first < index else ""


# A run-in label: the bold words that open a paragraph or a list item ("8. **First dip.**
# Skim ...", "**Support:** 131 tickets ..."), a heading in all but layout (Markdown's
# emphasis). A paragraph or an item starts after a blank line, or on a new line that opens
# with a bullet, a dash or a number ("-", "5.2", "(a)", "B."). A wrapped line is no start.
_RUN_IN_LABEL = re.compile(r"\W{0,3}\*\*([^*\n]{1,80})\*\*")
_BLOCK_STARTS = re.compile(
    r"\n[ \t]*\n|\n[ \t]*(?:[-*+•–—]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[A-Za-z][.)])[ \t]"
)
_LABEL_REACH = 6  # sentences back to the block's first


def _gap_before(passage: Passage, index: int) -> str:
    """The text between the sentence and the one before it in the passage."""
    end = passage.sentences[index - 1].end if index else passage.start
    return passage.text[end - passage.start : passage.sentences[index].start - passage.start]


def run_in_label(passage: Passage, index: int) -> str:
    """The run-in label of the paragraph or list item that the sentence is in, where the
    sentence is not its first: the third sentence of "8. **First dip.** Skim the flower
    aside. Squeeze the skein. Keep it under for 3 minutes." is read under "First dip", as a
    sentence under a heading is. "" where there is none, and for bold words inside a
    paragraph ("... monthly. **Important:** late payment incurs a fee.")."""
    for j in range(index, max(index - _LABEL_REACH, 0), -1):
        if _BLOCK_STARTS.search(_gap_before(passage, j)):
            return ""
        label = _RUN_IN_LABEL.match(passage.sentences[j - 1].text)
        if label and (j == 1 or "\n" in _gap_before(passage, j - 1)):
            return label.group(1)
    return ""


def _previous_sentences(passages: list[Passage], snapshot: Snapshot) -> dict[str, str]:
    """For each passage, the last sentence of the passage before it (a speaker is often
    named just before the quote), read in one batch."""
    wanted = {p.passage_id: snapshot.previous(p.passage_id) for p in passages}
    found = {q.passage_id: q for q in snapshot.passages([i for i in wanted.values() if i])}
    out = {}
    for pid, prev in wanted.items():
        q = found.get(prev) if prev else None
        if q is not None and q.sentences:
            out[pid] = q.sentences[-1].text
    return out


def _redundant(c: Candidate, bag: set[str], chosen: list[Candidate], said: list[set[str]]) -> bool:
    """The sentence (its stems `bag`) is already quoted, or restates one that is (a lead
    and a headline, or two documents carrying the same wire text): quoting it again adds
    nothing. `said` holds the stems of each of `chosen`, in order."""
    return any(
        (c.passage.passage_id == o.passage.passage_id and c.index == o.index)
        or restates(bag, other)
        for o, other in zip(chosen, said, strict=True)
    )
