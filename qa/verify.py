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
from dataclasses import dataclass

import numpy as np

from qa.text import (
    NEGATIONS,
    STOPWORDS,
    content_terms,
    numbers,
    split_sentences,
    stem,
    words,
)
from qa.types import SentenceVerdict

MARKERS = re.compile(r"(?:\s*\[\d+\])+")
FRAMING = re.compile(r"^According to “.*?”:\s")  # titles may hold quotes; "”: " ends it
SPEECH = {
    "said", "says", "say", "claimed", "claims", "claim", "stated", "states", "told", "tells",
    "announced", "announces", "accused", "accuses", "according", "pretended", "added",
}  # fmt: skip
ROLE_NOUNS = {
    "embassy", "government", "author", "researcher", "agency", "authorities", "director",
    "secretary", "minister", "spokesman", "spokeswoman", "officials", "head", "center", "centre",
}  # fmt: skip
AFFIRM = {"admit", "admits", "admitted", "confirm", "confirms", "confirmed", "acknowledge",
          "acknowledged", "accept", "accepts", "accepted", "agree", "agreed", "agrees"}  # fmt: skip
DENY = {
    "deny",
    "denies",
    "denied",
    "reject",
    "rejects",
    "rejected",
    "refuse",
    "refused",
    "dismissed",
}


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


def _names(text: str) -> set[str]:
    """Capitalised words and acronyms: the names a claim must not change."""
    found = set()
    for i, w in enumerate(words(text)):
        lw = w.lower()
        if lw in STOPWORDS or not w[0].isupper():
            continue
        if i == 0 and not (w.isupper() and len(w) > 1) and lw in _COMMON_STARTERS:
            continue
        found.add(stem(lw))
    return found


_COMMON_STARTERS = {
    "however",
    "therefore",
    "coincidentally",
    "recently",
    "moreover",
    "meanwhile",
    "combining",
}


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


def _speakers(text: str) -> set[str]:
    """Names and role nouns standing next to a speech verb ("X said", "said X", "according to X")."""
    tokens = words(text)
    found: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok.lower() not in SPEECH:
            continue
        window = tokens[max(0, i - 6) : i] + tokens[i + 1 : i + 7]
        for w in window:
            lw = w.lower()
            if lw in STOPWORDS or lw in SPEECH:
                continue
            if (w[0].isupper() and i > 0) or lw in ROLE_NOUNS:
                found.add(stem(lw))
    return found


class Judge:
    """Deterministic claim-versus-evidence judge. `embed` maps texts to unit vectors."""

    def __init__(self, embed, threshold: float = 0.62, verbatim_overlap: float = 0.9) -> None:
        self.embed = embed
        self.threshold = threshold
        self.verbatim_overlap = verbatim_overlap

    def judge(self, claim: str, evidence: list[str]) -> SentenceVerdict:
        def verdict(ok: bool, reason: str, score: float = 0.0, span: str = "") -> SentenceVerdict:
            return SentenceVerdict(
                sentence=claim, supported=ok, score=round(score, 4), reason=reason, evidence=span
            )

        evidence = [e for e in evidence if e and e.strip()]
        if not evidence:
            return verdict(False, "no cited evidence")
        joined = "\n".join(evidence)
        body = MARKERS.sub("", claim).strip()
        core = _norm(body).rstrip(".!?;:,\"' ")
        if core and core in _norm(joined):
            return verdict(True, "verbatim quote of the evidence", 1.0, body)

        sentences = [s.text for e in evidence for s in split_sentences(e)] or evidence
        claim_stems = _content(body)
        overlaps = [len(claim_stems & _content(s)) / (len(claim_stems) or 1) for s in sentences]
        best = int(np.argmax(overlaps))
        window = " ".join(sentences[max(0, best - 1) : best + 2])

        missing_numbers = numbers(body) - numbers(joined)
        if missing_numbers:
            return verdict(
                False,
                f"number not in the evidence: {', '.join(sorted(missing_numbers))}",
                span=window,
            )
        evidence_stems = {stem(w.lower()) for w in words(joined)}
        # Names must stand in the sentences the claim draws on, not merely nearby.
        drawn = (
            " ".join(s for s, o in zip(sentences, overlaps, strict=True) if o >= 0.3)
            or sentences[best]
        )
        drawn_stems = {stem(w.lower()) for w in words(drawn)}
        missing_names = sorted({_word_for(body, n) for n in _names(body) if n not in drawn_stems})
        if missing_names:
            return verdict(
                False, f"name not in the evidence: {', '.join(missing_names)}", span=window
            )
        if _negation_flip(body, sentences[best]):
            return verdict(False, "negation differs from the evidence", span=window)
        speakers = _speakers(body)
        if speakers:
            near = {stem(w.lower()) for w in words(window)}
            moved = sorted({_word_for(body, n) for n in speakers - near})
            if moved:
                return verdict(
                    False,
                    f"attributed to a different speaker than in the evidence: {', '.join(moved)}",
                    span=window,
                )

        extra = sorted({_word_for(body, n) for n in claim_stems - evidence_stems})
        aligned = _content(sentences[best])
        restated = len(aligned & claim_stems) / (len(aligned) or 1)
        if restated >= 0.7 and len(extra) >= 3:
            return verdict(
                False, f"adds what the evidence does not say: {', '.join(extra[:5])}", span=window
            )

        lexical = len(claim_stems & evidence_stems) / (len(claim_stems) or 1)
        vectors = self.embed([body, window, *sentences])
        cosine = float(max(vectors[1:] @ vectors[0]))
        score = 0.5 * lexical + 0.5 * cosine
        if lexical >= self.verbatim_overlap and cosine >= self.threshold:
            return verdict(
                True, "near-verbatim: its words and meaning are in the evidence", score, window
            )
        if score >= self.threshold:
            return verdict(
                True,
                f"paraphrase of the evidence (overlap {lexical:.2f}, similarity {cosine:.2f})",
                score,
                window,
            )
        unknown = sorted({_word_for(body, n) for n in claim_stems - evidence_stems})[:5]
        detail = f"; not in the evidence: {', '.join(unknown)}" if unknown else ""
        return verdict(
            False,
            f"not grounded (overlap {lexical:.2f}, similarity {cosine:.2f}){detail}",
            score,
            window,
        )
