"""Lexical helpers shared by retrieval, the extractive answerer and the judge.

Hand-written because they are the product's own rules of evidence: which words of a
question must be found, which tokens are numbers or names that a claim must not change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from qa.sentences import sentence_spans
from qa.types import Sentence

WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*|\d+(?:[.,]\d+)*%?")
_PARAGRAPH = re.compile(r"[^\n]+")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\s*%?|\b\d+\b")
# fmt: off
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
    "billion", "dozen", "half", "percent",
}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_WORDS = MONTHS | DAYS | {
    "yesterday", "today", "tomorrow", "week", "month", "year", "years", "spring", "summer",
    "fall", "autumn", "winter", "evening", "morning", "night", "beginning", "recently",
    "earlier", "later", "since", "days", "months",
}
NEGATIONS = {
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "deny",
    "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting", "refuse",
    "refused", "refuses", "dismiss", "dismissed", "n't",
}
# fmt: on


def _nltk_stopwords() -> frozenset[str]:
    """NLTK's English stop-word list, as llama-index ships it (no download).

    One maintained list for the whole product, rather than a hand-grown one that had
    picked up words to fix single questions. Question words beyond it ("could", "much")
    are common English, so the answerer weighs them by how specific they are (wordfreq),
    not by listing them. Found without importing llama-index (seconds): only the path."""
    from importlib.util import find_spec

    spec = find_spec("llama_index.core")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("llama-index-core is not installed; it ships the stop-word list")
    folder = Path(next(iter(spec.submodule_search_locations)))
    path = folder / "_static" / "nltk_cache" / "corpora" / "stopwords" / "english"
    return frozenset(path.read_text(encoding="utf-8").split())


STOPWORDS = _nltk_stopwords()


_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def ends_sentence(text: str) -> bool:
    """A sentence ends in . ! ? (closing quotes may follow); a heading does not."""
    return bool(_SENTENCE_END.search(text))


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem (PyStemmer, which the BM25 retriever uses too), lower-cased."""
    return english_stemmer().stemWord(word.lower().removesuffix("'s"))


@lru_cache(maxsize=1)
def english_stemmer():
    """One Snowball stemmer per process, shared by `stem` and the BM25 index."""
    import Stemmer

    return Stemmer.Stemmer("english")


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, without repeats."""
    seen: dict[str, None] = {}
    for w in words(text):
        lw = w.lower()
        if lw in STOPWORDS or len(lw) < 2:
            continue
        seen.setdefault(stem(lw), None)
    return list(seen)


def stems(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def numbers(text: str) -> set[str]:
    """Numbers as written, normalised ('95 %' -> '95%')."""
    found = {re.sub(r"\s+", "", m.group()).rstrip(".,") for m in NUMBER.finditer(text)}
    found |= {w.lower() for w in words(text) if w.lower() in NUMBER_WORDS}
    return {n for n in found if n}


def capitalised_names(text: str, common: set[str]) -> set[str]:
    """Words written with a capital that are not ordinary words elsewhere in the corpus.

    `common` is the set of lower-case words the corpus also uses in lower case; a
    sentence-initial "The" or "However" is then not mistaken for a name.
    """
    names = set()
    for w in words(text):
        if w[0].isupper() and w.lower() not in common and w.lower() not in STOPWORDS:
            names.add(w.lower())
    return names


def has_negation(text: str) -> bool:
    lowered = text.lower().replace("’", "'")
    return any(w in NEGATIONS for w in words(lowered)) or "n't" in lowered


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a short text (an LLM's answer, a claim), with exact offsets; a line
    break always ends one here. Documents go through ingest/structure.py instead, where
    a wrapped line is not a boundary. The splitter is qa.sentences (general abbreviations,
    not a news list)."""
    sentences: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        base = para.start()
        for start, end in sentence_spans(para.group()):
            s, e = base + start, base + end
            sentences.append(Sentence(start=s, end=e, text=text[s:e]))
    return sentences
