"""A question's slips, read as the corpus's words, and only its plain slips."""

import pytest

from qa.spelling import Correction, corrected, edits, english, notice, read_as, with_apostrophes
from qa.text import stem

CORPUS = {
    "vaccine", "research", "british", "hackers", "okafor", "rest", "posted", "bit", "under",
    "working", "london", "nasdaq", "litres", "secretary", "february", "hand", "getting",
    "relevant", "legal", "necessary", "contract", "contact", "names", "means",
}  # fmt: skip


def read(word: str, name: bool = False) -> str | None:
    return read_as(word, CORPUS, lambda s: s in {stem(w) for w in CORPUS}, name)


def test_edits_are_one_letter_away_past_the_first():
    found = edits("vacine")
    assert {"vaccine", "vacin", "vcaine", "vacjne"} <= found
    assert "vaccines" not in found and "vacine" not in found
    assert "acine" not in found and "avcine" not in found and "bacine" not in found


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vacine", "vaccine"),  # a letter left out
        ("reserch", "research"),  # rare in English, the corpus word 10,000 times commoner
        ("brittish", "british"),  # a letter doubled
        ("hackres", "hackers"),  # two swapped
        ("Okafer", "okafor"),  # unknown to English and long enough
        # not a slip: the corpus's word, its stem, or an English word of its own
        ("vaccines", None),
        ("sack", None),  # common English: never "back"
        ("resit", None),  # a prefix on a common word: never "rest"
        ("potted", None),  # WordNet lists it: never "posted"
        ("funder", None),  # never the stop word "under"
        ("gutting", None),  # "getting" is not 1,000 times commoner than it
        ("hadn", None),  # a stop word: the "hadn" of "hadn't"
        ("NASDAC", None),  # an acronym is a name of its own
        ("vcn", None),  # too short to tell
        # never a slip on the first letter: that reads a word as its opposite
        ("irelevant", None),
        ("ilegal", None),
        ("unecessary", None),
        ("contrct", None),  # two corpus words one slip away: contract or contact
        ("Nîmes", None),  # a letter English does not write: no "Names"
    ],
)
def test_a_word_is_read_as_the_corpus_word_only_when_it_is_a_plain_slip(typed, expected):
    assert read(typed) == expected


def test_a_name_inside_a_sentence_is_read_only_if_english_barely_knows_it():
    assert read("Secretery", name=True) == "secretary"  # unknown to English
    assert read("Febraury", name=True) == "february"  # a slip English has seen, rarely
    assert read("Woking", name=True) is None  # a town, not "working"
    assert read("Loudon", name=True) is None  # a name English knows, not London


def test_a_name_typed_in_lower_case_is_not_read_as_a_common_word():
    """After a title, or in a question with no capital at all, any word may be a name."""
    assert corrected("who is mr mearns?", CORPUS, lambda s: False) == ("who is mr mearns?", [])
    assert corrected("Who is Mr Mearns?", CORPUS, lambda s: False)[1] == []
    # a slip English has barely seen is still read in a lower-case question
    assert corrected("what is the vacine?", CORPUS, lambda s: False)[0] == "what is the vaccine?"


def test_letters_beside_a_digit_are_a_code():
    assert corrected("Is vacine2020 the covid19 one?", CORPUS, lambda s: False)[1] == []


def test_english_words_are_told_by_wordnet_or_a_prefix():
    assert english("potted") and english("resit")
    assert not english("reserch") and not english("vacine") and not english("coruse")


def test_the_question_keeps_its_capitals_and_skips_quotes_and_units_after_a_number():
    question, made = corrected(
        "Reserch on the 2020 vacine: hadn't “vacine” hackres 100 litrs, vacine-reserch's aim?",
        CORPUS,
        lambda s: False,
    )
    assert question == (
        "Research on the 2020 vaccine: hadn't “vacine” hackers 100 litrs, vaccine-research's aim?"
    )
    assert made == [
        Correction("Reserch", "Research"),
        Correction("vacine", "vaccine"),
        Correction("hackres", "hackers"),
    ]  # each once ("reserch" again in lower case too), in the order typed
    assert notice(made[1:3]) == "Read “vacine” as “vaccine”, “hackres” as “hackers”."
    assert corrected("Who wrote it?", CORPUS, lambda s: False) == ("Who wrote it?", [])


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("whats the daily charge?", "what's the daily charge?"),
        ("Whats this about", "What's this about"),
        ("why dont I get a refund", "why don't I get a refund"),
        ("im 67, do i qualify", "i'm 67, do i qualify"),
        ("whos in charge? theres a leak", "who's in charge? there's a leak"),
        # English words of their own are read as typed, and an acronym too
        ("Were they well? I feel ill", "Were they well? I feel ill"),
        ("its roof, the shed, a wont", "its roof, the shed, a wont"),
        ("Can I send an IM?", "Can I send an IM?"),
    ],
)
def test_a_contraction_typed_without_its_apostrophe_is_read_with_it(typed, read):
    assert with_apostrophes(typed) == read


def test_a_question_typed_without_apostrophes_is_answered_as_with_them(tmp_path):
    from helpers import service_over

    text = (
        "Understanding your bill\n\n"
        "You pay a daily standing charge of 53.35p, even on days you use no electricity.\n"
        "Your unit rate is 24.86p per kWh.\n"
    )
    service = service_over(tmp_path, "bill.txt", text)
    read = [
        service.prepare(q, [], 5).profile
        for q in ("whats the daily standing charge?", "what's the daily standing charge?")
    ]
    assert [t.word for t in read[0].terms] == [t.word for t in read[1].terms]
    assert "whats" not in [t.word for t in read[0].terms]  # no word the documents lack
    assert read[0].answer_type == read[1].answer_type
    answer = service.ask("whats the daily standing charge?")
    assert "53.35p" in answer.answer, answer.answer


def test_without_wordnet_no_contraction_is_restored(monkeypatch):
    """Only WordNet tells "shed" and "well" (words) from "dont" (no word): without it,
    nothing is read otherwise than typed."""
    import qa.spelling

    found = qa.spelling._contractions()
    assert found["dont"] == "don't" and "shed" not in found and "well" not in found
    monkeypatch.setattr(qa.spelling, "wordnet", lambda: None)
    assert qa.spelling._contractions() == {}
