"""Superlatives over a table ("Which model is the lightest?"): the superlative and its
direction are read from the question, the column from its words, and the answer is the
row at that end of the column, quoted exactly with the table's header row. The tables
are made up here."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.answer.tables import (
    Value,
    asked_cell,
    cells,
    columns,
    comparative,
    compared_rows,
    extreme,
    named_rows,
    superlative,
    value,
)
from qa.config import Settings

TRAILS = """No.  Trail            Length    Climb   Time      Grade
1    Lantern Round    6.4 km    60 m    2 h       Easy
2    Merewood Trail   3.2 km    25 m    50 min    Easy
3    Gorge Path       9.5 km    310 m   3 h 30 min  Moderate
4    Greyhowe Pike    14.0 km   720 m   6 h       Strenuous""".splitlines()


def _name(question: str, rows: list[str]) -> str | None:
    found = extreme(question, rows, None)
    return rows[found.row][found.name[0] : found.name[1]] if found else None


@pytest.mark.parametrize(
    ("question", "highest", "speed"),
    [
        ("Which trail has the most climbing?", True, False),
        ("What is the longest trail?", True, False),
        ("Which is the shortest route?", False, False),
        ("Which plan has the fewest users?", False, False),
        ("Which model is the biggest?", True, False),
        ("Which route is the easiest?", True, False),
        ("Which trail is the quickest?", True, True),
        ("What is the slowest lift?", False, True),
    ],
)
def test_a_superlative_and_its_direction_are_read_from_the_question(question, highest, speed):
    asked = superlative(question)
    assert asked is not None
    assert (asked.highest, asked.speed) == (highest, speed)


@pytest.mark.parametrize(
    "question",
    [
        "Which trail goes through the forest?",  # "forer" is no English comparative
        "What interest does the loan carry?",
        "Which test failed?",
        "How long is the longest trail?",  # asks for the measure, not which one
        "Is the summit the highest point?",
    ],
)
def test_words_ending_in_est_and_other_questions_are_no_superlative_of_a_thing(question):
    assert superlative(question) is None


def test_a_cell_holds_a_number_with_its_unit_and_a_duration_adds_up():
    assert value("14.0 km") == Value(14000.0, "length")
    assert value("£1,024.50") == Value(1024.5, "£")
    assert value("3 h 30 min") == Value(12600.0, "time")
    assert value("+22.4%") == Value(22.4, "%")
    assert value("Strenuous") is None
    row = "| Orca 200 | 2.4 kg |"
    assert [row[a:b] for a, b in cells(row)] == ["Orca 200", "2.4 kg"]


def test_a_table_is_read_only_under_a_header_row():
    assert columns(TRAILS) is not None
    assert columns(TRAILS[1:]) is None  # no header: the first row is a row like the others
    # a header with numbers of its own ("Adult (16 and over)") over a column of prices
    fees = [
        "| Site | Adult (16+) | Under 5 |",
        "| Holm | £14.00 | £2.00 |",
        "| Aske | £9.00 | £1.00 |",
    ]
    assert [c.header for c in columns(fees)] == ["Site", "Adult (16+)", "Under 5"]
    # a header of years over columns of money: as many numbers, but none in pounds
    years = ["| Item | 2025 | 2024 |", "| Sales | £48.6m | £45.1m |", "| Costs | £38.6m | £35.1m |"]
    assert [c.header for c in columns(years)] == ["Item", "2025", "2024"]


def test_the_row_at_the_asked_end_of_the_measured_column_answers():
    assert _name("Which trail has the most climbing?", TRAILS) == "Greyhowe Pike"
    assert _name("Which trail takes the least time?", TRAILS) == "Merewood Trail"
    # durations of mixed units compare ("50 min" < "2 h"); the quickest takes the least time
    assert _name("Which trail is the quickest?", TRAILS) == "Merewood Trail"
    # the running number is no measure, and a column nothing in the question is about
    # is not guessed (no word vectors here: only a shared stem relates words)
    assert _name("Which trail has the highest number?", TRAILS) is None
    assert _name("Which trail is the most popular?", TRAILS) is None


def test_a_tie_at_the_asked_end_answers_nothing():
    tied = [*TRAILS, "5    Scar Walk        8.0 km    720 m   4 h       Strenuous"]
    assert _name("Which trail has the most climbing?", tied) is None


SPECS = """# Orca power stations

## Models at a glance

| Model | Capacity | Weight | Price |
| --- | --- | --- | --- |
| Orca 200 | 256 Wh | 2.4 kg | €199 |
| Orca 500 | 512 Wh | 5.8 kg | €449 |
| Orca 1000 | 1,024 Wh | 900 g | €799 |

All models charge from a wall socket, a car socket or a solar panel.

## Warranty

Every model has a warranty of two years from the date of purchase.
"""


@pytest.fixture(scope="module")
def orca(tmp_path_factory):
    from ingest.pipeline import ingest
    from qa.service import QAService

    root: Path = tmp_path_factory.mktemp("orca")
    (root / "docs").mkdir()
    (root / "docs" / "orca.md").write_text(SPECS, encoding="utf-8")
    settings = Settings(data_dir=root / "index")
    ingest(root / "docs", settings, progress=False)
    return QAService(settings)


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("Which model is the heaviest?", "Orca 500"),  # weight, by the word vectors
        ("Which model is the lightest?", "Orca 1000"),  # 900 g is less than 2.4 kg
        ("Which model has the largest capacity?", "Orca 1000"),
        ("What is the cheapest model?", "Orca 200"),  # price, by the word vectors
    ],
)
def test_a_superlative_over_a_table_leads_with_the_row_that_has_it(orca, question, model):
    answer = orca.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.answer.startswith(f"{model} [1] — "), answer.answer
    lead, header, row = answer.citations[:3]
    assert lead.quote == model
    assert header.quote == "| Model | Capacity | Weight | Price |"
    assert row.quote.startswith(f"| {model} |")
    text = orca.snapshot().document_text("orca.md")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


def test_a_superlative_that_no_column_measures_is_not_answered_from_the_table(orca):
    answer = orca.ask("Which model is the most popular?")
    assert " — “" not in answer.answer.split("\n")[0], answer.answer


def test_a_table_whose_rows_are_other_things_does_not_answer():
    """ "the tallest summit" over a table of trails: its rows are not summits."""
    assert _name("What is the height of the tallest summit?", TRAILS) is None
    assert _name("What is the length of the longest trail?", TRAILS) == "Greyhowe Pike"
    # the asked noun may name the rows in their cells or the section's heading
    assert extreme("Which pike is the highest?", TRAILS, None) is None  # no column of height
    assert _name("Which path has the most climbing?", TRAILS) == "Greyhowe Pike"
    assert _name("Which summit has the most climbing?", TRAILS) is None


def test_a_running_count_is_no_measure():
    """A rank (1, 2, 3 ...) counts the rows: its highest is no "highest ranked"."""
    ranked = [TRAILS[0].replace("No.  ", "Rank  "), *TRAILS[1:]]
    assert _name("Which trail is ranked highest?", ranked) is None
    assert _name("Which trail has the most climbing?", ranked) == "Greyhowe Pike"


def _cell(question: str, rows: list[str], at: int) -> str | None:
    found = asked_cell(question, rows, at, None)
    return rows[at][found[0] : found[1]] if found else None


def test_a_question_about_one_row_is_led_by_the_cell_of_its_column():
    assert _cell("How much climbing is there on the Gorge Path?", TRAILS, 3) == "310 m"
    assert _cell("What grade is Greyhowe Pike?", TRAILS, 4) == "Strenuous"
    # the row's own words name the row, not a column; a header row is no answer
    assert _cell("How long is the Merewood Trail?", TRAILS, 2) is None  # "long" is no header
    assert _cell("What is the length of the Merewood Trail?", TRAILS, 2) == "3.2 km"
    # no column the question is about, or a cell that only repeats the question
    assert _cell("Who built the Gorge Path?", TRAILS, 3) is None
    assert _cell("Which trail is Greyhowe Pike?", TRAILS, 4) is None


def test_a_question_about_a_row_is_answered_with_the_cell_and_the_header(orca):
    answer = orca.ask("What does the Orca 500 weigh?")
    assert not answer.abstained, answer.answer
    assert answer.answer.startswith("5.8 kg [1] — "), answer.answer
    quotes = [c.quote for c in answer.citations]
    assert "| Model | Capacity | Weight | Price |" in quotes
    assert quotes.index("| Model | Capacity | Weight | Price |") < next(
        i for i, q in enumerate(quotes) if "| Orca 500 |" in q
    )
    text = orca.snapshot().document_text("orca.md")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


class _Passages:
    """What `_run_of` reads of a snapshot: the documents' passage ids, and passages."""

    def __init__(self, passages: list) -> None:
        self.documents = {"long.txt": [p.passage_id for p in passages]}
        self._by_id = {p.passage_id: p for p in passages}

    def passages(self, ids):
        return [self._by_id[i] for i in ids]


def test_a_table_deep_in_a_long_document_is_read_around_its_row():
    """A whole document's sentences stop at its first passages; a table's rows are read
    around the row found, wherever it is (passages 250 and 251 of 300 here)."""
    from qa.answer.compose import Pick, _run_of
    from qa.types import Passage, Sentence

    passages, at = [], 0
    for n in range(300):
        if n in (250, 251):
            lines = (
                TRAILS if n == 250 else ["5    Scar Walk        8.0 km    90 m    4 h       Easy"]
            )
            kinds = ["table_row"] * len(lines)
        else:
            lines, kinds = [f"Sentence {n} of the text."], ["sentence"]
        sentences, start = [], at
        for line, kind in zip(lines, kinds, strict=True):
            sentences.append(Sentence(start=at, end=at + len(line), text=line, kind=kind))
            at += len(line) + 1
        passages.append(Passage(passage_id=f"p{n}", doc_id="long.txt", start=start, end=at,
                                text="\n".join(lines), sentences=sentences))  # fmt: skip
    row = passages[250].sentences[3]
    run = _run_of(_Passages(passages), Pick(passages[250], 3, row), most=500)
    assert [s.text for _, s in run] == [*TRAILS, passages[251].sentences[0].text]


@pytest.mark.parametrize(
    ("question", "highest"),
    [
        ("Which is longer, the Gorge Path or Greyhowe Pike?", True),
        ("Is a bunk cheaper at the first hut or the second?", False),
        ("Which takes less time?", False),
        ("Which has more climbing?", True),
        ("Are there fewer pitches at Holm?", False),
    ],
)
def test_a_comparative_and_its_direction_are_read_from_the_question(question, highest):
    asked = comparative(question)
    assert asked is not None and asked.highest == highest


@pytest.mark.parametrize("word", ["other", "water", "number", "never", "after", "order", "power"])
def test_words_ending_in_er_that_have_no_superlative_are_no_comparative(word):
    assert comparative(f"Is the {word} one in the guide?") is None


def test_the_rows_a_question_names_are_those_whose_own_name_words_it_says():
    fees = [
        "| Holm Campsite | £14.00 |",
        "| Aske Bridge Campsite | £9.00 |",
        "| Fell Hut (bunk) | £24.00 |",
        "| Drovers' Rest Hut (bunk) | £20.00 |",
    ]
    # "Campsite" and "Hut" are every other row's too: the rows are named by the rest
    assert named_rows(fees, 0, "Is a bunk cheaper at Fell Hut or at Drovers' Rest?") == [2, 3]
    assert named_rows(fees, 0, "How do Holm and Aske Bridge compare?") == [0, 1]
    assert named_rows(fees, 0, "How do the campsites compare?") == []
    assert named_rows(fees, 0, "Is Aske cheaper than Holm?") == [0]  # "Bridge" unsaid


def test_a_comparison_of_named_rows_picks_the_row_at_the_asked_end():
    found = compared_rows("Which takes less time, Lantern Round or Greyhowe Pike?", TRAILS, None)
    assert found is not None and found.rows == [1, 4]
    assert TRAILS[found.winner.row][slice(*found.winner.name)] == "Lantern Round"
    # no comparative, or one no column measures: the rows, and no winner
    plain = compared_rows("How do Lantern Round and Greyhowe Pike compare?", TRAILS, None)
    assert plain is not None and plain.rows == [1, 4] and plain.winner is None
    assert compared_rows("Is Greyhowe Pike harder than Gorge Path?", TRAILS, None).winner is None
    # one row named is no comparison of rows
    assert compared_rows("Is Greyhowe Pike longer than 10 km?", TRAILS, None) is None


@pytest.mark.parametrize(
    ("question", "lead", "models"),
    [
        ("Which is heavier, the Orca 200 or the Orca 500?", "Orca 500", ["Orca 200", "Orca 500"]),
        ("Which costs less, the Orca 500 or the Orca 1000?", None, ["Orca 500", "Orca 1000"]),
        ("How do the Orca 200 and the Orca 1000 compare?", None, ["Orca 200", "Orca 1000"]),
    ],
)
def test_a_comparison_of_rows_quotes_the_header_and_the_rows(orca, question, lead, models):
    answer = orca.ask(question)
    assert not answer.abstained, answer.answer
    if lead:
        assert answer.answer.startswith(f"{lead} [1] — "), answer.answer
    quotes = [c.quote for c in answer.citations]
    assert "| Model | Capacity | Weight | Price |" in quotes, answer.answer
    rows = [q for q in quotes if q.startswith("| Orca")]
    assert [r.split("|")[1].strip() for r in rows] == models, answer.answer
    text = orca.snapshot().document_text("orca.md")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)
