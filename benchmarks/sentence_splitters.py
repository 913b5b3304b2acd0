"""Compare sentence splitters on the labelled paragraphs of tests/ingest/sentence_gold.py.

    PYTHONPATH=$PWD python -m benchmarks.sentence_splitters [--wrapped]

Accuracy: the share of gold sentences that a splitter returns exactly (as spans of the
paragraph), and the share of its sentences that are gold. Speed: words per second over
the paragraphs repeated to ~60,000 words, best of 3. Splitters that are not installed
(pysbd, syntok) are reported as missing; they are not dependencies of the product.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))

from sentence_gold import (
    all_paragraphs,
    gold_spans,
    held_out_paragraphs,
    paragraph_text,
    wrapped,
)

Spans = list[tuple[int, int]]


def _trimmed(text: str, spans) -> Spans:
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.append((s + lead, s + trail))
    return out


def punkt_news() -> Callable[[str], Spans]:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = {
        "mr", "mrs", "ms", "dr", "prof", "st", "u.s", "u.k", "e.g", "i.e", "etc", "vs", "no",
        "inc", "ltd", "jr", "sr", "gen", "gov", "sen", "rep",
    }  # fmt: skip
    tok = PunktSentenceTokenizer(params)
    return lambda text: _trimmed(text, tok.span_tokenize(text))


def punkt_pretrained() -> Callable[[str], Spans]:
    import llama_index.core
    from nltk.tokenize.punkt import PunktTokenizer

    folder = Path(llama_index.core.__file__).parent / "_static" / "nltk_cache"
    import nltk

    nltk.data.path.insert(0, str(folder))
    tok = PunktTokenizer("english")
    return lambda text: _trimmed(text, tok.span_tokenize(text))


def general() -> Callable[[str], Spans]:
    from qa.sentences import sentence_spans

    return sentence_spans


def pysbd_spans() -> Callable[[str], Spans]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> Spans:
        # pysbd ends a sentence at every line break; spaces keep the offsets.
        flat = text.replace("\n", " ")
        return _trimmed(text, [(s.start, s.end) for s in seg.segment(flat)])

    return split


def syntok_spans() -> Callable[[str], Spans]:
    from syntok import segmenter

    def split(text: str) -> Spans:
        spans = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                first, last = sentence[0], sentence[-1]
                spans.append((first.offset, last.offset + len(last.value)))
        return spans

    return split


CANDIDATES = {
    "punkt, news list (before)": punkt_news,
    "punkt, pretrained english": punkt_pretrained,
    "pysbd": pysbd_spans,
    "syntok": syntok_spans,
    "punkt, general list + rules (qa.sentences)": general,
}


def measure(
    split: Callable[[str], Spans], wrap: bool, paragraphs_of=all_paragraphs
) -> tuple[float, float, float, list]:
    right = predicted = gold_total = 0
    errors = []
    for kind, sentences in paragraphs_of():
        text = paragraph_text(sentences)
        if wrap:
            text = wrapped(text)
        gold = set(gold_spans(sentences))
        got = split(text)
        right += len(gold & set(got))
        predicted += len(got)
        gold_total += len(gold)
        errors += [(kind, text[s:e]) for s, e in got if (s, e) not in gold]
    big = " ".join(paragraph_text(s) for _, s in all_paragraphs())
    repeat = max(1, 60_000 // len(big.split()))
    paragraphs = [paragraph_text(s) for _, s in all_paragraphs()] * repeat
    n_words = sum(len(p.split()) for p in paragraphs)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for p in paragraphs:
            split(p)
        best = min(best, time.perf_counter() - t0)
    return right / gold_total, right / max(predicted, 1), n_words / best, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapped", action="store_true", help="hard-wrap paragraphs at 70")
    parser.add_argument("--errors", action="store_true", help="print each wrong sentence")
    parser.add_argument("--held-out", action="store_true", help="the paragraphs never tuned on")
    args = parser.parse_args()
    paragraphs_of = held_out_paragraphs if args.held_out else all_paragraphs
    n = sum(len(s) for _, s in paragraphs_of())
    print(f"{n} gold sentences in {len(paragraphs_of())} paragraphs; wrapped={args.wrapped}")
    print(f"{'splitter':45} {'recall':>7} {'precision':>9} {'words/s':>9}")
    for name, make in CANDIDATES.items():
        try:
            split = make()
        except ImportError as exc:
            print(f"{name:45} not installed ({exc.name})")
            continue
        recall, precision, speed, errors = measure(split, args.wrapped, paragraphs_of)
        print(f"{name:45} {recall:7.3f} {precision:9.3f} {speed:9,.0f}")
        if args.errors:
            for kind, sentence in errors:
                print(f"    [{kind}] {sentence!r}")


if __name__ == "__main__":
    main()
