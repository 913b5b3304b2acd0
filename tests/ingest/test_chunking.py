from pathlib import Path

from ingest.chunking import make_passages
from ingest.readers import discover, read_document
from ingest.structure import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _words(texts: list[str]) -> list[int]:
    return [len(t.split()) for t in texts]


def test_passages_and_sentences_have_exact_offsets_on_the_seeds():
    _, files = discover(SEEDS)
    assert len(files) == 2
    for f in files:
        doc = read_document(f)
        passages = make_passages(doc.doc_id, doc.title, doc.text, 120, _words)
        assert passages
        covered = 0
        for p in passages:
            assert doc.text[p.start : p.end] == p.text
            for s in p.sentences:
                assert doc.text[s.start : s.end] == s.text
                assert p.start <= s.start < s.end <= p.end
            covered += sum(len(s.text) for s in p.sentences)
        # Every non-blank character of the document belongs to some sentence.
        assert covered == sum(len(s.text) for s in split_sentences(doc.text))
        assert len({p.passage_id for p in passages}) == len(passages)


def test_ids_are_stable_and_depend_on_content():
    text = "First line heading\nOne sentence here. Another one there.\n\nA second paragraph."
    a = make_passages("d.txt", "t", text, 8, _words)
    b = make_passages("d.txt", "t", text, 8, _words)
    assert [p.passage_id for p in a] == [p.passage_id for p in b]
    c = make_passages("other.txt", "t", text, 8, _words)
    assert {p.passage_id for p in a}.isdisjoint({p.passage_id for p in c})


def test_budget_is_respected_and_heading_travels_with_its_paragraph():
    text = "Intro sentence one is here. Intro sentence two is here.\nSection Heading\nBody sentence about the section."
    passages = make_passages("d.txt", "t", text, 12, _words)
    for p in passages:
        assert _words([p.text])[0] <= 12 or len(p.sentences) == 1
    heading_passage = next(p for p in passages if "Section Heading" in p.text)
    assert "Body sentence" in heading_passage.text


def test_a_list_goes_on_whole_in_the_next_passage_with_its_lead_in():
    """A rota is found and quoted together: a list the budget would cut goes on whole, with
    the line that introduces it, where it fits in one passage; one that does not fit is
    cut as any text."""
    text = (
        "The first paragraph has some words in it. It goes on a while.\n\n"
        "Page these people:\n\n- Database: Tom Reyes\n- Payments: Kwame Asante\n"
        "- Support: Ines Pardo\n"
    )
    passages = make_passages("d.md", "t", text, 16, _words)
    rota = next(p for p in passages if "Kwame" in p.text)
    assert rota.text.startswith("Page these people:") and "Ines Pardo" in rota.text
    assert all(p.text.count("- ") in (0, 3) for p in passages)
    cut = make_passages("d.md", "t", text, 8, _words)  # no passage holds the whole list
    assert any("Tom Reyes" in p.text and "Ines" not in p.text for p in cut)


def test_an_overlong_sentence_is_a_passage_of_its_own():
    # Capitalised: a lower-case word after a period continues the sentence (qa.sentences).
    long = "Word " + " ".join(["word"] * 49) + "."
    passages = make_passages("d.txt", "t", f"Short one. {long} Short two.", 10, _words)
    assert any(p.text == long for p in passages)


def test_a_passage_continuing_a_table_carries_its_header_row_as_context():
    rows = "".join(f"| Item {n} | {n}.1 | {n}.2 |\n" for n in range(1, 13))
    text = "# Results\n\n| Item | 2025 | 2024 |\n| --- | --- | --- |\n" + rows + "\nThe end.\n"
    passages = make_passages("r.md", "t", text, 20, _words)
    assert len(passages) > 2
    for p in passages:
        assert text[p.start : p.end] == p.text  # the offsets' promise holds
    assert passages[0].context == ""  # the header row is in the passage itself
    continuing = [p for p in passages if p.text.startswith("| Item ") and "2025" not in p.text]
    assert continuing
    assert all(p.context == "| Item | 2025 | 2024 |" for p in continuing)
    assert passages[-1].context == "" or passages[-1].text.startswith("| Item")
    # A table without a header row (no "| --- |") gives no context.
    plain = "# Results\n\n" + rows
    assert all(p.context == "" for p in make_passages("p.md", "t", plain, 20, _words))


def test_each_sentence_of_a_passage_over_two_sections_has_its_own_section():
    text = (
        "1. Scope\n\nThis covers every site we run.\n\n2. Fees\n\n"
        "Fees are paid monthly. Late fees add five percent.\n"
    )
    [p] = make_passages("d.txt", "t", text, 100, _words)
    by_text = {s.text: p.section_of(i) for i, s in enumerate(p.sentences)}
    assert p.section == "1. Scope"
    assert by_text["This covers every site we run."] == "1. Scope"
    assert by_text["Late fees add five percent."] == "2. Fees"
    assert by_text["2. Fees"] == "2. Fees"
    # One section: nothing more is stored, and every sentence is in the passage's section.
    [q] = make_passages("d.txt", "t", "1. Scope\n\nThis covers it. All of it.\n", 100, _words)
    assert q.sections == [] and q.section_of(1) == "1. Scope"
