"""The sentence-level judge: is a claim grounded in the passages it cites?

Used by LLM mode (to keep, flag or drop each generated sentence) and by the eval suite
(faithfulness, citation recall and precision), so both judge alike. Offline and
deterministic, with no LLM: a claim is supported when

* it is a verbatim (or near-verbatim) quote of the evidence, or
* every number and every name in it occurs in the evidence, no negation is flipped
  ("admitted" against "denied"), no statement is moved to another speaker, and its
  content is covered by the evidence: lexical overlap plus embedding similarity with
  the local MiniLM, against thresholds measured on evals/data/calibration.jsonl.

Every verdict carries the reason and the evidence sentence it was matched with.
Hand-written: this is the product's own rule of evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from qa.text import (
    AFFIRM,
    DENY,
    NEGATIONS,
    STOPWORDS,
    acronyms,
    content_terms,
    dotted_acronyms,
    names,
    numbers,
    same_name,
    speaker_spans,
    split_sentences,
    stem,
    words,
)
from qa.types import SentenceVerdict

MARKERS = re.compile(r"(?:\s*\[\d+\])+")
# The answer's own framing, which is not a claim: "According to “title”: ", a summary's
# "“title”: ", "Evidence for: ", "Evidence against, in “title”: ", a yes/no answer's bare
# "Evidence: " (no sentence took a side), "On “topic”: ", a list
# item's section ("Under “section”: ", "According to “title”, under “section”: "), a
# document's "Its sections: " (or "Its first 12 sections: ") and the "; " between them, a
# list's "“title”, under “section” (first 15 of 20): ", and the dash between a short answer
# and its supporting quote. Titles may hold quotes: "”: " ends one.
FRAMING = re.compile(
    r"^[\s—–;]*(?:(?:According to|On|Evidence(?: for| against)?(?:, in)?) “.*?”(?:, under “.*?”)?:\s"
    r"|Under “.*?”:\s"
    r"|Evidence(?: for| against)?:\s|Its (?:first \d+ )?sections:\s"
    r"|“[^\n]*?”(?: \(first \d+ of \d+\))?:\s)?"
)


@dataclass
class Claim:
    text: str
    citation_ids: list[int]


def split_claims(answer: str) -> list[Claim]:
    """Segments of an answer, each ending at its run of [n] markers.

    A segment is judged as one claim against all the passages its markers cite (an
    extractive quote may span a sentence and its context). Text after the last marker
    is an uncited claim. The "According to “title”:" framing is not a claim.
    """
    claims: list[Claim] = []
    pos = 0
    for match in MARKERS.finditer(answer):
        segment = FRAMING.sub("", answer[pos : match.start()].strip())
        ids = [int(n) for n in re.findall(r"\d+", match.group())]
        pos = match.end()
        if words(segment):
            claims.append(Claim(segment, ids))
    rest = FRAMING.sub("", answer[pos:].strip())
    if words(rest):
        claims.append(Claim(rest, []))
    return claims


def sentence_claims(text: str) -> list[Claim]:
    """Sentences of generated text, each with the markers inside or right after it."""
    claims: list[Claim] = []
    for s in split_sentences(MARKERS.sub(lambda m: m.group() + " ", text)):
        ids = [int(n) for n in re.findall(r"\[(\d+)\]", s.text)]
        body = re.sub(r"\s+([.!?,;:])", r"\1", MARKERS.sub("", s.text)).strip()
        if words(body):
            claims.append(Claim(body, ids))
        elif ids and claims:  # markers that punkt split off onto their own line
            claims[-1].citation_ids.extend(ids)
    return claims


def _word_for(text: str, stemmed: str) -> str:
    """The word as the claim writes it, for a reason a person can read."""
    return next((w for w in words(text) if stem(w.lower()) == stemmed), stemmed)


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _content(text: str) -> set[str]:
    return set(content_terms(text))


NEGATION_STEMS = {stem(w) for w in NEGATIONS} | {"dismiss"}


def _negation_scopes(text: str, before: int = 3, after: int = 3) -> list[set[str]]:
    """For each negation, the content stems around it."""
    tokens = [w.lower() for w in words(text.replace("n't", " not"))]
    scopes = []
    for i, tok in enumerate(tokens):
        if stem(tok) in NEGATION_STEMS:
            left = (
                [stem(t) for t in tokens[max(0, i - 6) : i] if t not in STOPWORDS][-before:]
                if before
                else []
            )
            right = [stem(t) for t in tokens[i + 1 : i + 7] if t not in STOPWORDS][:after]
            scopes.append(set(left + right))
    return scopes


def _around(text: str, vocabulary: set[str]) -> set[str]:
    tokens = [w.lower() for w in words(text)]
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok in vocabulary:
            out |= {
                stem(t) for t in tokens[max(0, i - 6) : i + 7] if t not in STOPWORDS and t != tok
            }
    return out


def _antonym_flip(claim_words: set[str], evidence_words: set[str]) -> bool:
    """ "acceptable" against "unacceptable", and the like."""
    return any(
        (w.startswith("un") and w[2:] in evidence_words) or ("un" + w) in evidence_words
        for w in claim_words
        if len(w) > 4
    )


def _negation_flip(claim: str, evidence: str) -> bool:
    claim_stems, ev_stems = _content(claim), _content(evidence)
    claim_words = {w.lower() for w in words(claim)}
    ev_words = {w.lower() for w in words(evidence)}
    claim_scopes, ev_scopes = _negation_scopes(claim), _negation_scopes(evidence)
    if (claim_words & AFFIRM and ev_words & DENY) or (claim_words & DENY and ev_words & AFFIRM):
        # "admitted" against "denied" about the same thing
        affirm = claim_scopes if claim_words & DENY else [_around(claim, AFFIRM)]
        deny = ev_scopes if claim_words & AFFIRM else [_around(evidence, AFFIRM)]
        if any(a & d for a in affirm for d in deny):
            return True
    if _antonym_flip(claim_words - ev_words, ev_words):
        return True
    for scope in claim_scopes:
        if scope & ev_stems and not any(scope & other for other in ev_scopes):
            return True
    # On the evidence side only what a negation governs counts: "no evidence and the
    # allegations" negates the evidence, not the allegations.
    for scope in _negation_scopes(evidence, before=0, after=2):
        # Only where the claim restates what is negated, and without a negation of its own.
        if len(scope & claim_stems) >= 2 and not any(scope & other for other in claim_scopes):
            return True
    return False


# The document itself or its writer, as a claim may name them (general English).
_THE_DOCUMENT = {
    stem(w)
    for w in ("author", "authors", "writer", "writers", "article", "document", "text", "piece",
              "editorial", "column", "essay", "paper")
}  # fmt: skip


def _speakers(text: str) -> set[str]:
    """Stems of the content words naming who speaks ("The Russian embassy said" ->
    russian, embassi): the subject or agent of each speech verb (`qa.text.speaker_spans`)."""
    return {
        stem(w.lower())
        for start, end in speaker_spans(text)
        for w in words(text[start:end])
        if w.lower() not in STOPWORDS
    }


# --- the judge: one case, a list of small named rules ---------------------------------------
@dataclass
class Finding:
    """A rule's verdict: supported or not, why, how strongly, and on which evidence."""

    supported: bool
    reason: str
    score: float = 0.0
    span: str = ""


@dataclass
class Case:
    """One claim against its evidence, with what several rules share."""

    body: str  # the claim without its markers
    evidence: list[str]
    embed: Callable[[Sequence[str]], np.ndarray]

    @cached_property
    def joined(self) -> str:
        return "\n".join(self.evidence)

    @cached_property
    def sentences(self) -> list[str]:
        return [s.text for e in self.evidence for s in split_sentences(e)] or self.evidence

    @cached_property
    def claim_stems(self) -> set[str]:
        return _content(self.body)

    @cached_property
    def overlaps(self) -> list[float]:
        n = len(self.claim_stems) or 1
        return [len(self.claim_stems & _content(s)) / n for s in self.sentences]

    @cached_property
    def best(self) -> int:
        """The evidence sentence the claim draws on most."""
        return int(np.argmax(self.overlaps))

    @cached_property
    def window(self) -> str:
        """That sentence with its neighbours: where a speaker or a context would stand."""
        return " ".join(self.sentences[max(0, self.best - 1) : self.best + 2])

    @cached_property
    def evidence_stems(self) -> set[str]:
        return {stem(w.lower()) for w in words(self.joined)}

    @cached_property
    def similarity(self) -> tuple[float, float, float]:
        """(lexical overlap, best cosine, their mean): the grounding measures."""
        lexical = len(self.claim_stems & self.evidence_stems) / (len(self.claim_stems) or 1)
        vectors = self.embed([self.body, self.window, *self.sentences])
        cosine = float(max(vectors[1:] @ vectors[0]))
        return lexical, cosine, 0.5 * lexical + 0.5 * cosine

    def word(self, stemmed: str) -> str:
        return _word_for(self.body, stemmed)


Rule = Callable[[Case, "Judge"], Finding | None]


def no_cited_evidence(case: Case, judge: Judge) -> Finding | None:
    """Nothing to check the claim against."""
    return None if case.evidence else Finding(False, "no cited evidence")


def verbatim_quote(case: Case, judge: Judge) -> Finding | None:
    """The claim stands in the evidence word for word (quotes and spacing aside)."""
    core = _norm(case.body).rstrip(".!?;:,\"' ")
    if core and core in _norm(case.joined):
        return Finding(True, "verbatim quote of the evidence", 1.0, case.body)
    return None


def number_not_in_evidence(case: Case, judge: Judge) -> Finding | None:
    """Every number of the claim must be in the evidence: "59%" is not "95%"."""
    missing = numbers(case.body) - numbers(case.joined)
    if missing:
        reason = f"number not in the evidence: {', '.join(sorted(missing))}"
        return Finding(False, reason, span=case.window)
    return None


def name_not_in_evidence(case: Case, judge: Judge) -> Finding | None:
    """Every name of the claim must stand in the sentences it draws on, not merely nearby.

    Names are told from capitalised common words by `qa.text.names`, with the evidence's
    own lower-case words (and the corpus's, when the judge has them) as the usage."""
    drawn = (
        " ".join(s for s, o in zip(case.sentences, case.overlaps, strict=True) if o >= 0.3)
        or case.sentences[case.best]
    )
    drawn_stems = {stem(w.lower()) for w in words(drawn)} | dotted_acronyms(drawn) | acronyms(drawn)
    usage = {w.lower() for w in words(case.joined) if w.islower()} | set(judge.lower_words)
    missing = sorted(
        {case.word(stem(n)) for n in names(case.body, usage) if not same_name(stem(n), drawn_stems)}
    )
    if missing:
        return Finding(False, f"name not in the evidence: {', '.join(missing)}", span=case.window)
    return None


def negation_flipped(case: Case, judge: Judge) -> Finding | None:
    """ "admitted" against "denied", "acceptable" against "unacceptable", a dropped "not"."""
    if _negation_flip(case.body, case.sentences[case.best]):
        return Finding(False, "negation differs from the evidence", span=case.window)
    return None


def speaker_moved(case: Case, judge: Judge) -> Finding | None:
    """Who speaks in the claim must speak near the evidence it draws on."""
    speakers = _speakers(case.body)
    if not speakers:
        return None
    window = case.window
    near = {stem(w.lower()) for w in words(window)} | dotted_acronyms(window)
    if not speaker_spans(case.sentences[case.best]):
        # Evidence that reports no speaker is the document's own voice, which a claim may
        # give to "the author" or "the article".
        speakers -= _THE_DOCUMENT
    moved = sorted({case.word(n) for n in speakers - near})
    if moved:
        reason = f"attributed to a different speaker than in the evidence: {', '.join(moved)}"
        return Finding(False, reason, span=case.window)
    return None


def adds_detail(case: Case, judge: Judge) -> Finding | None:
    """A claim that restates an evidence sentence and adds three or more words of its own
    adds what the evidence does not say."""
    extra = sorted({case.word(n) for n in case.claim_stems - case.evidence_stems})
    aligned = _content(case.sentences[case.best])
    restated = len(aligned & case.claim_stems) / (len(aligned) or 1)
    if restated >= 0.7 and len(extra) >= 3:
        reason = f"adds what the evidence does not say: {', '.join(extra[:5])}"
        return Finding(False, reason, span=case.window)
    return None


def near_verbatim(case: Case, judge: Judge) -> Finding | None:
    """Its words and its meaning are both in the evidence."""
    lexical, cosine, score = case.similarity
    if lexical >= judge.verbatim_overlap and cosine >= judge.threshold:
        reason = "near-verbatim: its words and meaning are in the evidence"
        return Finding(True, reason, score, case.window)
    return None


def paraphrase(case: Case, judge: Judge) -> Finding | None:
    """Overlap and similarity together clear the threshold measured on the calibration set."""
    lexical, cosine, score = case.similarity
    if score >= judge.threshold:
        reason = f"paraphrase of the evidence (overlap {lexical:.2f}, similarity {cosine:.2f})"
        return Finding(True, reason, score, case.window)
    return None


def not_grounded(case: Case, judge: Judge) -> Finding:
    """The last word: nothing above grounded the claim."""
    lexical, cosine, score = case.similarity
    unknown = sorted({case.word(n) for n in case.claim_stems - case.evidence_stems})[:5]
    detail = f"; not in the evidence: {', '.join(unknown)}" if unknown else ""
    reason = f"not grounded (overlap {lexical:.2f}, similarity {cosine:.2f}){detail}"
    return Finding(False, reason, score, case.window)


# In order: the first rule that decides, decides. Cheap checks come first; the embedding
# is computed only for claims that reach the grounding rules.
RULES: list[Rule] = [
    no_cited_evidence,
    verbatim_quote,
    number_not_in_evidence,
    name_not_in_evidence,
    negation_flipped,
    speaker_moved,
    adds_detail,
    near_verbatim,
    paraphrase,
]


class Judge:
    """Deterministic claim-versus-evidence judge. `embed` maps texts to unit vectors;
    `lower_words`, when given, is the corpus's lower-case usage (to tell names)."""

    def __init__(
        self,
        embed: Callable[[Sequence[str]], np.ndarray],
        threshold: float = 0.62,
        verbatim_overlap: float = 0.9,
        lower_words: Collection[str] = (),
    ) -> None:
        self.embed = embed
        self.threshold = threshold
        self.verbatim_overlap = verbatim_overlap
        self.lower_words = lower_words

    def judge(self, claim: str, evidence: list[str]) -> SentenceVerdict:
        case = Case(
            body=MARKERS.sub("", claim).strip(),
            evidence=[e for e in evidence if e and e.strip()],
            embed=self.embed,
        )
        finding = next(
            (f for rule in RULES if (f := rule(case, self)) is not None), None
        ) or not_grounded(case, self)
        return SentenceVerdict(
            sentence=claim,
            supported=finding.supported,
            score=round(finding.score, 4),
            reason=finding.reason,
            evidence=finding.span,
        )
