"""evals.slip_lab: questions asked with one slip, with and without reading slips."""

import random
import re
from pathlib import Path

from evals import slip_lab
from evals.dataset import load_corpus
from qa.config import Settings
from qa.text import WORD, zipf

TINY = Path(__file__).parent / "data" / "corpora"


def test_a_slip_is_one_edit_past_the_first_letter_and_no_english_word():
    for seed in range(50):
        word = slip_lab.slipped_word("warranty", random.Random(seed))
        assert word is not None and word != "warranty" and word[0] == "w"
        assert abs(len(word) - len("warranty")) <= 1 and zipf(word) < slip_lab.RARE_ZIPF
    assert slip_lab.slipped_word("Kettle", random.Random(1))[0] == "K"


def test_the_slip_goes_into_the_longest_word_the_corpus_writes_and_is_seeded():
    vocabulary = {"warranty": 0, "kettle": 1}
    once = slip_lab.slipped("How long is the kettle warranty?", vocabulary, "q1")
    assert once == slip_lab.slipped("How long is the kettle warranty?", vocabulary, "q1")
    before = [w.group() for w in WORD.finditer("How long is the kettle warranty?")]
    after = [w.group() for w in WORD.finditer(once)]
    assert [a for a, b in zip(before, after, strict=True) if a != b] == ["warranty"]
    assert slip_lab.slipped("Is it red?", vocabulary, "q2") is None  # nothing to slip


def _read_back(row: dict) -> bool:
    found = re.search(r"“\w+” as “(\w+)”", row["notice"])
    return found is not None and found.group(1).lower() in row["question"].lower()


def test_each_question_is_asked_as_written_slipped_and_with_slips_read(tmp_path):
    corpus = load_corpus(TINY / "kettle")
    results = slip_lab.run(Settings(data_dir=tmp_path), [corpus], "dev")
    rows = results["rows"]
    assert rows and {r["corpus"] for r in rows} == {"kettle"}
    for r in rows:
        assert r["slipped"] != r["question"]
        assert {r["written"], r["plain"], r["read"]} <= {0.0, 1.0}
    assert results["corrected_as_written"] == []  # the questions as written are spelt right
    assert results["asked"] >= len(rows)
    # the slip was read back as the word the question had: the notice names both
    read_back = [r for r in rows if _read_back(r)]
    assert read_back and all(r["read"] >= r["plain"] for r in read_back)
    answerable = [r for r in rows if r["answerable"]]
    figures = results["corpora"]["ALL"]["key_fact"]
    assert figures["read"]["n"] == len(answerable)
    assert figures["read"]["value"] == round(
        sum(r["read"] for r in answerable) / len(answerable), 4
    )
