"""A question's slips, read as the corpus's words, and only its plain slips."""

import pytest

from qa.spelling import Correction, corrected, edits, notice, read_as
from qa.text import stem

CORPUS = {"vaccine", "research", "british", "hackers", "okafor", "rest", "posted", "back", "bit"}


def read(word: str) -> str | None:
    return read_as(word, CORPUS, lambda s: s in {stem(w) for w in CORPUS})


def test_edits_are_one_letter_away():
    found = edits("vacine")
    assert {"vaccine", "vacin", "avcine", "vacjne"} <= found
    assert "vaccines" not in found and "vacine" not in found


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vacine", "vaccine"),  # a letter left out
        ("reserch", "research"),
        ("Brittish", "british"),  # a letter doubled
        ("hackres", "hackers"),  # two swapped
        ("Okafer", "okafor"),  # a name English does not know, long enough
        # not a slip: the corpus's word, its stem, or an English word of its own
        ("vaccines", None),
        ("sack", None),  # common English: never "back"
        ("resit", None),  # a prefix on a common word: never "rest"
        ("potted", None),  # WordNet lists it: never "posted"
        ("FSB", None),  # an acronym is a name of its own
        ("Mbit", None),  # a capital past the first letter: a symbol
        ("bitt", None),  # WordNet lists it (a post on a ship's deck)
        ("vcn", None),  # too short to tell
    ],
)
def test_a_word_is_read_as_the_corpus_word_only_when_it_is_a_plain_slip(typed, expected):
    assert read(typed) == expected


def test_the_question_keeps_its_capitals_and_a_unit_after_a_figure_stays():
    question, made = corrected(
        "Did Brittish hackers steal vacine data at 100 Mbit/s?",
        CORPUS,
        lambda s: False,
    )
    assert question == "Did British hackers steal vaccine data at 100 Mbit/s?"
    assert made == [Correction("Brittish", "British"), Correction("vacine", "vaccine")]
    assert notice(made) == "Read “Brittish” as “British”, “vacine” as “vaccine”."
    assert corrected("Who wrote it?", CORPUS, lambda s: False) == ("Who wrote it?", [])
