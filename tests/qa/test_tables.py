"""Superlatives over a table ("Which model is the lightest?"): the superlative and its
direction are read from the question, the column from its words, and the answer is the
row at that end of the column, quoted exactly with the table's header row. The tables
are made up here."""

from __future__ import annotations

import json

import pytest
from helpers import service_over

from qa.answer.tables import (
    Value,
    accounts_for,
    across_row,
    asked_cell,
    cells,
    column_asked,
    columns,
    comparative,
    compared_columns,
    compared_rows,
    extreme,
    named_columns,
    named_rows,
    row_holding,
    superlative,
    value,
    year_spans,
)

ROUTES = """No.  Route          Distance  Ascent  Time        Grade
1    Heron Loop     5.1 km    40 m    1 h 45 min  Easy
2    Beck Walk      2.8 km    15 m    50 min      Easy
3    Fox Path       8.7 km    280 m   3 h 30 min  Moderate
4    Raven Crag     12.5 km   650 m   5 h         Strenuous""".splitlines()


def _lexicon(*related: tuple[str, ...]):
    """Word vectors in which the words of each group are the same and the groups
    orthogonal: a stand-in for the corpus lexicon (`qa.retrieve.Lexicon`), so that these
    tests say which words are related instead of depending on the model's similarities."""
    import numpy as np

    from qa.retrieve import Lexicon

    found = [(w, i) for i, group in enumerate(related) for w in group]
    vectors = np.zeros((len(found), len(related)), np.float32)
    for row, (_, i) in enumerate(found):
        vectors[row, i] = 1.0
    return Lexicon([w for w, _ in found], vectors, "test")


RELATED = _lexicon(("fastest", "speed"), ("highest", "price"), ("longest", "distance", "range"))


def _name(question: str, rows: list[str]) -> str | None:
    found = extreme(question, rows, RELATED)
    return rows[found.row][found.name[0] : found.name[1]] if found else None


@pytest.mark.parametrize(
    ("question", "highest", "speed"),
    [
        ("Which route has the most ascent?", True, False),
        ("What is the longest route?", True, False),
        ("Which is the shortest route?", False, False),
        ("Which plan has the fewest users?", False, False),
        ("Which model is the biggest?", True, False),  # "bigg" -> "big"
        ("Which route is the easiest?", False, False),  # "easi" -> "easy", the low end
        ("Which wire is the thinnest?", False, False),  # "thinn" -> "thin"
        ("Which month is the coldest?", False, False),
        ("Which route is quickest?", True, True),
        ("What is the slowest lift?", False, True),
        ("What is the cheapest they sell?", False, False),  # the cheapest one they sell
        ("Which route has the most ascent and is the shortest?", True, False),
        ("Which plan costs the most each month?", True, False),
    ],
)
def test_a_superlative_and_its_direction_are_read_from_the_question(question, highest, speed):
    asked = superlative(question)
    assert asked is not None
    assert (asked.highest, asked.speed) == (highest, speed)


@pytest.mark.parametrize(
    "question",
    [
        "Which route goes through the forest?",  # "forer" is no English comparative
        "What interest does the loan carry?",
        "Which test failed?",
        "How long is the longest route?",  # asks for the measure, not which one
        "Is the summit the highest point?",
        "Which model has a chest strap?",  # no "the" or "is" before it
        "Which models weigh at least 2.4 kg?",  # "at least" is a bound, not a superlative
        "What's the most I can spend on dinner?",  # an amount: the most that I can spend
        "What is the least you will pay?",
        "What are the fewest we can bring?",
        "What's the most an evening meal can cost?",
        "What is the most that anyone can claim?",
    ],
)
def test_words_ending_in_est_and_other_questions_are_no_superlative_of_a_thing(question):
    assert superlative(question) is None


def test_a_cell_holds_the_number_it_opens_with_and_a_measure_adds_up():
    assert value("12.5 km") == Value(12500.0, "length")
    assert value("£1,024.50") == Value(1024.5, "£")
    assert value("-$1,200") == Value(-1200.0, "$")
    assert value("−3.5") == Value(-3.5, "")
    assert value("3 h 30 min") == Value(12600.0, "time")
    assert value("1:30") == Value(5400.0, "time")
    assert value("+22.4%") == Value(22.4, "%")
    assert value("240 km/h") == Value(240.0, "km/h")  # a speed, not a length
    assert value("Strenuous") is None
    assert value("Orca 200") is None  # a name with a number in it
    row = "| Orca 200 | 2.4 kg | | €199 |"
    assert [row[a:b] for a, b in cells(row)] == ["Orca 200", "2.4 kg", "", "€199"]
    assert [ROUTES[1][a:b] for a, b in cells(ROUTES[1])][:3] == ["1", "Heron Loop", "5.1 km"]


def test_a_table_is_read_only_under_a_header_row():
    assert columns(ROUTES) is not None
    assert columns(ROUTES[1:]) is None  # no header: the first row is a row like the others
    wins = ["| Team | Wins |", "| Reds | 12 |"]  # fewer numbers than the row under it
    assert [c.header for c in columns(wins)] == ["Team", "Wins"]
    # a header with numbers of its own over a column of prices
    fees = [
        "| Site | Adult (16+) | Under 5 |",
        "| Holm | £14.00 | £2.00 |",
        "| Fell | £9.00 | £1.00 |",
    ]
    assert [c.header for c in columns(fees)] == ["Site", "Adult (16+)", "Under 5"]
    # a header of years over columns of money, or of counts: as many numbers, but years
    money = ["| Item | 2025 | 2024 |", "| Sales | £48.6m | £45.1m |", "| Costs | £38.6m | £35.1m |"]
    assert [c.header for c in columns(money)] == ["Item", "2025", "2024"]
    counts = ["| Branch | 2023 | 2024 |", "| North | 112 | 130 |", "| South | 95 | 88 |"]
    assert [c.header for c in columns(counts)] == ["Branch", "2023", "2024"]


def test_the_row_at_the_asked_end_of_the_measured_column_answers():
    assert _name("Which route has the most ascent?", ROUTES) == "Raven Crag"
    assert _name("Which route takes the least time?", ROUTES) == "Beck Walk"
    # durations of mixed units compare ("50 min" < "1 h 45 min"); the quickest takes the
    # least time when no header says speed
    assert _name("Which route is the quickest?", ROUTES) == "Beck Walk"
    # a column nothing in the question is about is not guessed (no word vectors here:
    # only a shared stem relates words)
    assert _name("Which route is the most popular?", ROUTES) is None


def test_a_text_rows_first_cell_wrapped_alone_opens_its_cells_on_the_next_line():
    """A text table's row whose first cell wrapped alone onto its own line (as ingest keeps
    it: `structure._opens_with_a_wrapped_cell`) has as many cells as the other rows, the
    first cell over both lines; a row whose last cell wrapped reads by its first line."""
    row = "Organise first aid course\n    (budget £600)      Beth Nyambura   30 Apr 2025"
    assert [row[a:b] for a, b in cells(row)] == [
        "Organise first aid course\n    (budget £600)",
        "Beth Nyambura",
        "30 Apr 2025",
    ]
    row = "Stain     RT     6 months\n                 in the dark"
    assert [row[a:b] for a, b in cells(row)] == ["Stain", "RT", "6 months"]
    row = "Totals\n  2024     2025"  # a line over figures, no wrapped cell
    assert [row[a:b] for a, b in cells(row)] == ["Totals"]


def test_a_header_that_says_speed_beats_the_time_column():
    cars = ["| Car | Top speed | Charge time |", "| Volta S | 180 km/h | 40 min |",
            "| Volta X | 240 km/h | 1 h 10 min |", "| Volta Mini | 140 km/h | 30 min |"]  # fmt: skip
    assert _name("Which car has the fastest top speed?", cars) == "Volta X"


def test_the_column_is_the_one_all_the_words_fit_and_a_tie_picks_none():
    prices = ["| Plan | Price 2024 | Price 2025 |", "| Basic | £5 | £6 |", "| Plus | £8 | £7 |"]
    assert _name("Which plan had the highest price in 2024?", prices) == "Plus"
    assert _name("Which plan has the highest price in 2025?", prices) == "Plus"
    assert _name("Which plan has the highest price?", prices) is None  # two columns alike
    # a winner only on a column the degree itself is about: the larger 2025 figure does
    # not say which grew faster
    growth = ["| Item | 2025 | Change |", "| Sales | 486 | +7.6% |", "| Profit | 66 | +12.5% |"]
    assert _name("Which item grew fastest in 2025?", growth) is None


def test_the_degree_is_about_the_word_it_is_said_of_or_its_units():
    """ "the highest salary" names its column; "the coldest" is about a column of °C
    whatever its header says, and two such columns tie; a winner needs one of these."""
    staff = ["| Name | Salary | Age |", "| Ann | £41,000 | 38 |", "| Bo | £39,500 | 52 |"]
    assert _name("Who has the highest salary?", staff) == "Ann"
    rooms = ["| Room | Set point | Floor |", "| A | 4 °C | 1 |", "| B | −20 °C | 2 |"]
    assert _name("Which room is the coldest?", rooms) == "B"
    alarms = ["| Room | Set point | Alarm |", "| A | 4 °C | 8 °C |", "| B | −20 °C | −15 °C |"]
    assert _name("Which room is the coldest?", alarms) is None
    assert value("−20 °C") == Value(-20.0, "temperature")


def test_a_column_of_mixed_units_is_no_measure():
    mixed = ["| Item | Size |", "| Crate | 5 kg |", "| Box | £3 |", "| Bag | 2 kg |"]
    assert _name("Which item has the biggest size?", mixed) is None


def test_a_tie_at_the_asked_end_answers_nothing():
    tied = [*ROUTES, "5    Owl Ridge      7.0 km    650 m   4 h         Strenuous"]
    assert _name("Which route has the most ascent?", tied) is None


def test_a_table_whose_rows_are_other_things_does_not_answer():
    """ "the tallest summit" over a table of routes: its rows are not summits."""
    assert _name("What is the height of the tallest summit?", ROUTES) is None
    assert _name("Which summit has the most ascent?", ROUTES) is None
    assert _name("What is the distance of the longest route?", ROUTES) == "Raven Crag"
    # the asked noun may name the rows in their cells or the section's heading
    assert _name("Which path has the most ascent?", ROUTES) == "Raven Crag"
    # a noun the table does not say is what is measured: "the longest range" over "Range"
    ranges = ["| Car | Range |", "| Volta S | 310 km |", "| Volta X | 420 km |"]
    assert _name("Which car has the longest range?", ranges) == "Volta X"


def test_a_running_count_is_no_measure():
    """A rank (1, 2, 3 ...) in the first column counts the rows: no "highest ranked"; a
    column of counts elsewhere is a measure."""
    ranked = [ROUTES[0].replace("No.  ", "Rank  "), *ROUTES[1:]]
    assert _name("Which route is ranked highest?", ranked) is None
    assert _name("Which route has the most ascent?", ranked) == "Raven Crag"
    flats = ["| Flat | Bedrooms |", "| A | 1 |", "| B | 2 |", "| C | 3 |"]
    assert _name("Which flat has the most bedrooms?", flats) == "C"


def _cell(question: str, rows: list[str]) -> str | None:
    found = asked_cell(question, rows, None)
    return rows[found[0]][found[1][0] : found[1][1]] if found else None


MODELS = [
    "| Specification | DH-12 | DH-20 | DH-25 Pro |",
    "| Net weight | 10.5 kg | 13.8 kg | 16.2 kg |",
    "| Rated power input | 210 W | 320 W | 410 W |",
]


def test_a_table_of_things_by_column_is_read_at_the_row_found_and_the_column_named():
    """Products as columns, what is said of them as rows: the question names the column
    ("DH-20") and the row in its own words ("heavy"), which the answerer found."""

    def cell(question: str, found_row: int | None) -> str | None:
        found = asked_cell(question, MODELS, None, found_row=found_row)
        return MODELS[found[0]][found[1][0] : found[1][1]] if found else None

    assert cell("How heavy is the DH-20?", 1) == "13.8 kg"
    assert cell("How much power does the DH-25 Pro draw?", 2) == "410 W"
    assert cell("How heavy is the DH-20?", None) is None  # no row found
    assert cell("How heavy is it?", 1) is None  # no column named
    assert cell("Is the DH-12 lighter than the DH-20?", 1) is None  # two columns named
    assert cell("How heavy is the DH-20?", 0) is None  # the header row is no answer
    assert cell("How heavy is the DH-20?", 2) is None  # a row of watts holds no weight
    assert (
        cell("How heavy is the DH-20?", -1) is None and cell("How heavy is the DH-20?", 9) is None
    )
    # a column named in lower case is asked about, not named: the question asks for a row
    huts = ["| Hut | Beds | Drying room | Price |", "| Fell Hut | 12 | Yes | £20 |"]
    assert asked_cell("Which hut has a drying room?", huts, None, found_row=1) is None


def test_a_comparison_of_columns_takes_the_rows_where_they_differ():
    """Models as columns: "the DH-20 and the DH-25 Pro" names two of them, and the rows
    where their cells differ say how they differ; a row where they agree says nothing."""
    rows = [*MODELS, "| Castor wheels | No | Yes | Yes |", "| Laundry mode | No | No | Yes |"]
    assert compared_columns("What's the difference between the DH-20 and the DH-25 Pro?", rows) == [
        1,
        2,
        4,
    ]
    assert compared_columns("How does the DH-12 compare with the DH-20?", rows) == [1, 2, 3]
    # one column named, or none, is no comparison of columns
    assert compared_columns("How heavy is the DH-20?", rows) == []
    assert compared_columns("Which hut has a drying room or a shower?", rows) == []
    # asked about something of them: the sentences ranked for it answer, not every row
    assert compared_columns("How does the DH-12's weight compare with the DH-20?", rows) == []
    assert compared_columns("Which is taller, the DH-12 or the DH-20?", rows) == []
    assert compared_columns("How do the DH-12 and the DH-20's compare?", rows) == [1, 2, 3]


def test_a_column_named_inside_a_longer_one_is_not_compared():
    """ "the DH-20 Pro and the DH-25 Pro" names two columns, not the DH-20's too."""
    rows = [
        "| Specification | DH-12 | DH-20 | DH-20 Pro | DH-25 Pro |",
        "| Net weight | 10.5 kg | 13.8 kg | 14.1 kg | 16.2 kg |",
        "| Castor wheels | No | No | Yes | Yes |",
    ]
    question = "What's the difference between the DH-20 Pro and the DH-25 Pro?"
    assert compared_columns(question, rows) == [1]


def test_a_question_about_one_row_is_led_by_the_cell_of_its_column():
    assert _cell("How much ascent is there on the Fox Path?", ROUTES) == "280 m"
    assert _cell("What grade is Raven Crag?", ROUTES) == "Strenuous"
    assert _cell("What is the distance of the Beck Walk?", ROUTES) == "2.8 km"
    assert _cell("How long is the Beck Walk?", ROUTES) is None  # "long" is no header here
    # no column the question is about, the column of names, or no row named
    assert _cell("Who built the Fox Path?", ROUTES) is None
    assert _cell("Which route is Raven Crag?", ROUTES) is None
    assert _cell("What is the distance of the route?", ROUTES) is None
    # a one-row table has a header too; two columns alike pick none
    assert _cell("What is the top speed of the Volta S?", ["| Car | Top speed |", "| Volta S | 180 km/h |"]) == "180 km/h"  # fmt: skip
    prices = ["| Plan | Price 2024 | Price 2025 |", "| Basic | £5 | £6 |", "| Plus | £8 | £7 |"]
    assert _cell("What is the price of Basic?", prices) is None
    assert _cell("What was the price of Basic in 2025?", prices) == "£6"
    # an empty cell says nothing
    cars = [
        "| Car | Top speed | Range |",
        "| Volta S | | 300 km |",
        "| Volta X | 240 km/h | 420 km |",
    ]
    assert _cell("What is the top speed of the Volta S?", cars) is None
    assert _cell("What is the top speed of the Volta X?", cars) == "240 km/h"


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
    return service_over(tmp_path_factory.mktemp("orca"), "orca.md", SPECS)


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


FARES = """# Ferry fares

For each month the council sets three fares for the island ferry: the off-peak fare, the
peak fare and the night fare (Table 2).

| Month | Off-peak fare | Peak fare | Night fare |
| --- | --- | --- | --- |
| April | £3.10 | £4.20 | £5.00 |
| May | £3.20 | £4.40 | £5.10 |
| June | £3.30 | £4.60 | £5.30 |
| July | £3.40 | £4.90 | £5.60 |
"""


def test_a_row_under_a_sentence_that_describes_the_table_gives_the_cell(tmp_path):
    """The sentence that describes a table can rank above its rows; a row quoted beside
    it still gives the cell the question asks for, not a number of the sentence. (The
    packaged decision without its answerer, which answers whenever there is a candidate:
    this is about what the answer leads with, not whether to answer.)"""
    from ingest.pipeline import ingest
    from qa.answer.decide import PACKAGED
    from qa.config import Settings
    from qa.service import QAService

    model = json.loads(PACKAGED.read_text(encoding="utf-8"))
    model["answerer"] = model["answerability"] = None
    (tmp_path / "model.json").write_text(json.dumps(model), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "fares.md").write_text(FARES, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "index", answer_model=tmp_path / "model.json")
    ingest(tmp_path / "docs", settings, progress=False)
    service = QAService(settings)
    answer = service.ask("What is the peak fare for the island ferry in July?")
    assert answer.answer.startswith("£4.90 [1] — "), answer.answer
    text = service.snapshot().document_text("fares.md")
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
    around the row found, wherever it is (passage 250 of 300 here), and as far as the
    table goes (a row a passage over the next 20 passages)."""
    from qa.answer.compose import Pick, _run_of
    from qa.types import Passage, Sentence

    extra = [
        f"{n}    Walk {n}        {n}.0 km    {n}0 m    {n} h         Easy" for n in range(5, 25)
    ]
    passages, at = [], 0
    for n in range(300):
        if n == 250:
            lines = ROUTES
        elif 250 < n <= 270:
            lines = [extra[n - 251]]
        else:
            lines = [f"Sentence {n} of the text."]
        kind = "table_row" if 250 <= n <= 270 else "sentence"
        sentences, start = [], at
        for line in lines:
            sentences.append(Sentence(start=at, end=at + len(line), text=line, kind=kind))
            at += len(line) + 1
        passages.append(Passage(passage_id=f"p{n}", doc_id="long.txt", start=start, end=at,
                                text="\n".join(lines), sentences=sentences))  # fmt: skip
    row = passages[250].sentences[3]
    run = _run_of(_Passages(passages), Pick(passages[250], 3, row), most=500)
    assert [s.text for _, s in run] == [*ROUTES, *extra]
    # a list is read no further than its most
    assert len(_run_of(_Passages(passages), Pick(passages[250], 3, row), most=15)) == 15


@pytest.mark.parametrize(
    ("question", "highest"),
    [
        ("Which is longer, the Fox Path or Raven Crag?", True),
        ("Is a bunk cheaper at the first hut or the second?", False),
        ("Which takes less time?", False),
        ("Which has more ascent?", True),
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
        "| Moss Bridge Campsite | £9.00 |",
        "| Fell Hut (bunk) | £24.00 |",
        "| Kite Rest Hut (bunk) | £20.00 |",
    ]
    # "Campsite" and "Hut" are every other row's too: the rows are named by the rest
    assert named_rows(fees, 0, "Is a bunk cheaper at Fell Hut or at Kite Rest?") == [2, 3]
    assert named_rows(fees, 0, "How do Holm and Moss Bridge compare?") == [0, 1]
    assert named_rows(fees, 0, "How do the campsites compare?") == []
    assert named_rows(fees, 0, "Is Moss cheaper than Holm?") == [0]  # "Bridge" unsaid


def test_a_comparison_of_named_rows_picks_the_row_at_the_asked_end():
    found = compared_rows("Which takes less time, Heron Loop or Raven Crag?", ROUTES, None)
    assert found is not None and found.rows == [1, 4]
    assert ROUTES[found.winner.row][slice(*found.winner.name)] == "Heron Loop"
    # no comparative, or one no column measures: the rows, and no winner
    plain = compared_rows("How do Heron Loop and Raven Crag compare?", ROUTES, None)
    assert plain is not None and plain.rows == [1, 4] and plain.winner is None
    assert compared_rows("Is Raven Crag harder than Fox Path?", ROUTES, None).winner is None
    # one row named is no comparison of rows
    assert compared_rows("Is Raven Crag longer than 10 km?", ROUTES, None) is None
    # rows named in part, and nothing else of the question in the header: something else
    sites = [
        "| Site | Open |",
        "| Holm Campsite | 1 May to 30 June |",
        "| Fell Campsite | All year |",
    ]
    assert compared_rows("Is it cheaper to park at Holm or at Fell?", sites, None) is None
    assert compared_rows("When are Holm and Fell open?", sites, None).rows == [1, 2]
    assert compared_rows("How do Holm Campsite and Fell Campsite compare?", sites, None)


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


DATASHEET = """# Calloway dehumidifiers

The DH series removes damp from homes of every size.

| Specification | DH-12 | DH-20 | DH-25 Pro |
|---|---|---|---|
| Extraction rate | 12 L/day | 20 L/day | 25 L/day |
| Net weight | 10.5 kg | 13.8 kg | 16.2 kg |
| Castor wheels | No | Yes | Yes |
| Wi-Fi and app control | No | No | Yes |

Every model has a two-year warranty.
"""


def test_a_comparison_of_two_models_by_column_quotes_the_rows_where_they_differ(tmp_path):
    service = service_over(tmp_path, "datasheet.md", DATASHEET)
    answer = service.ask("What's the difference between the DH-20 and the DH-25 Pro?")
    quotes = [c.quote for c in answer.citations]
    assert quotes == [
        "| Specification | DH-12 | DH-20 | DH-25 Pro |",
        "| Extraction rate | 12 L/day | 20 L/day | 25 L/day |",
        "| Net weight | 10.5 kg | 13.8 kg | 16.2 kg |",
        "| Wi-Fi and app control | No | No | Yes |",
    ], answer.answer
    text = service.snapshot().document_text("datasheet.md")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


TIMETABLE = [
    "| Time | Main Hall | Tern Room | Plover Room |",
    "| 10:45 | Session 1A: Tides | Session 1B: Grasses | Workshop W1: Drone mapping of mudflats |",
    "| 12:15 | Lunch |",
]


def test_the_column_a_named_cell_is_under_answers_which_of_the_columns():
    """A timetable's columns are rooms: "which room" is the header over the cell the
    question names, not a cell of the row."""
    rows = TIMETABLE
    at, (a, b) = column_asked("Which room is the drone workshop on mudflats in?", rows, 1)
    assert at == 0 and rows[0][a:b] == "Plover Room"
    # the cell must stand out: "session" is in two cells
    assert column_asked("Which room is the session in?", rows, 1) is None
    # the noun must head two headers or more ("Main Hall" and one "Hall" are no halls' table)
    assert column_asked("Which hall is the drone workshop in?", rows, 1) is None
    assert column_asked("Which room is lunch in?", rows, 2) is None  # across every room
    assert column_asked("Which room is the drone workshop in?", rows, 0) is None  # the header
    assert column_asked("How do I get to the drone workshop?", rows, 1) is None  # no "which"


def test_a_room_is_read_from_its_own_table_and_the_best_row_only(tmp_path):
    """Two timetables one after the other: each row's header is its own table's (the row
    a delimiter line follows); a lower-ranked row's room never leads over the best one."""
    from qa.answer.compose import Ask, Pick, _column_lead, _table_lead

    second = ["| Day 2 | Heron Room | Curlew Room | Avocet Room |", "| --- | --- | --- | --- |",
              "| 10:45 | Session 2A: Seals | Workshop W2: Kelp survey | Session 2C: Gulls |"]  # fmt: skip
    text = "\n".join(["# Programme", "", TIMETABLE[0], "| --- | --- | --- | --- |",
                      TIMETABLE[1], "", *second]) + "\n"  # fmt: skip
    service = service_over(tmp_path, "programme.md", text)
    snapshot = service.snapshot()
    [passage] = snapshot.passages(snapshot.documents["programme.md"][:1])
    at = next(i for i, s in enumerate(passage.sentences) if "Kelp" in s.text)
    row = Pick(passage, at, passage.sentences[at])
    lead = _column_lead(row, "Which room is the kelp survey workshop in?", snapshot)
    assert snapshot.document_text("programme.md")[lead.start : lead.end] == "Curlew Room"
    ask = Ask.of("Which room is the kelp survey workshop in?", "place", snapshot.lower_words)
    assert _table_lead(row, ask, snapshot, named=True) is None


def test_a_row_across_the_day_leaves_the_column_to_another_row_of_its_table(tmp_path):
    """The break row ("| 12:15 | Lunch |") ranked first gives no room; the chosen row of
    the same table whose cell the question names does. A sentence of prose ranked first
    is not overruled by a row (the test above)."""
    from qa.answer.compose import Ask, Pick, choose_lead

    text = "\n".join(["# Programme", "", TIMETABLE[0], "| --- | --- | --- | --- |",
                      *TIMETABLE[1:]]) + "\n"  # fmt: skip
    service = service_over(tmp_path, "programme.md", text)
    snapshot = service.snapshot()
    [passage] = snapshot.passages(snapshot.documents["programme.md"][:1])

    def row(fragment: str) -> Pick:
        at = next(i for i, s in enumerate(passage.sentences) if fragment in s.text)
        return Pick(passage, at, passage.sentences[at])

    question = "Which room is the drone mapping workshop in?"
    ask = Ask.of(question, "open", snapshot.lower_words)
    lead = choose_lead(row("Lunch"), [row("Drone")], ask, snapshot, first=True)
    assert snapshot.document_text("programme.md")[lead.start : lead.end] == "Plover Room"


def test_a_timetable_question_leads_with_the_room(tmp_path):
    text = "# Programme\n\n" + "\n".join(
        [TIMETABLE[0], "| --- | --- | --- | --- |", *TIMETABLE[1:]]
    )
    service = service_over(tmp_path, "programme.md", text + "\n")
    answer = service.ask("Which room is the workshop on drone mapping of mudflats in?")
    assert not answer.abstained and answer.answer.startswith("Plover Room [1]"), answer.answer
    document = service.document_text("programme.md")
    for c in answer.citations:
        assert document[c.start : c.end] == c.quote


ACCOUNTS = [
    "| | 2021–22 | 2022–23 | 2023–24 |",
    "| Food purchases | £18,300 | £29,750 | £34,200 |",
    "| **Total income** | **£71,530** | **£90,190** | **£98,625** |",
    "| **Total spending** | **£66,350** | **£87,580** | **£98,200** |",
    "| **Surplus for the year** | **£5,180** | **£2,610** | **£425** |",
]


def test_a_bold_total_is_read_along_its_row_and_never_picked_as_an_item():
    """A report sets its totals in bold: along the row the question names, "**£98,200**"
    is a figure; over a column, a bold total is no item ("Which item costs most?")."""
    rows = ["| Item | Cost |", "| Rent | £500 |", "| Food | £300 |", "| **Total** | **£800** |"]
    found = extreme("Which item has the highest cost?", rows, None)
    assert found is not None and rows[found.row].startswith("| Rent |")
    # a figure set in bold in an item's row is the item's figure
    shops = ["| Shop | Price |", "| Aldgate | **£5.50** |", "| Bow | £3.90 |", "| Camden | £5.10 |"]
    found = extreme("Which shop has the highest price?", shops, None)
    assert found is not None and shops[found.row].startswith("| Aldgate |")
    assert across_row("Which year had the highest total spending?", ACCOUNTS) is not None


def test_a_span_of_years_is_named_however_it_is_written():
    assert year_spans("in 22/23 or 2023-2024") == {("22", "23"), ("23", "24")}
    assert year_spans("| 2021–22 |") == {("21", "22")}
    assert year_spans("99/00") == {("99", "00")}
    assert year_spans("on 12/05/2024, 10:30-11 or 22/24") == set()  # a date, a time, no run
    cols = columns(ACCOUNTS)
    assert named_columns("Did they spend more in 22/23 or in 2023/24?", cols[1:]) == [2, 3]
    assert named_columns("What about 2024-25?", cols[1:]) == []
    # a range of ages is no span of years, and names no column of every question
    ages = columns(["| Fee | 10-12 | 13-15 |", "| Weekly | £5 | £6 |", "| Termly | £50 | £60 |"])
    assert ages is not None and named_columns("What is the weekly fee?", ages[1:]) == []


def test_one_row_is_compared_across_the_columns_it_names():
    """A report's table has the years as its columns: "higher in 2022-23 or 2023-24" reads
    the row named along those columns, and the answer is the column's header."""

    def header(question: str) -> str | None:
        found = across_row(question, ACCOUNTS)
        return None if found is None else ACCOUNTS[0][slice(*found.header)]

    assert header("Was total spending higher in 2022-23 or 2023-24?") == "2023–24"
    assert across_row("Was total spending higher in 2022-23 or 2023-24?", ACCOUNTS).row == 3
    assert header("Did they spend more money in 22/23 or in 23/24?") == "2023–24"
    assert header("Was the surplus for the year lower in 2021-22 or 2022-23?") == "2022–23"
    # a superlative over columns of years asks which year
    assert header("Which year had the highest total spending?") == "2023–24"
    assert header("Which year had the smallest surplus for the year?") == "2023–24"
    assert header("Which year had the lowest food purchases?") == "2021–22"
    # not a row of figures named, nor one column, nor a degree the row does not measure
    assert header("Which year was the best?") is None
    assert header("Was spending higher than income in 2023-24?") is None  # two rows
    assert header("Was total spending higher in 2023-24?") is None  # one column
    assert header("Were food purchases heavier in 2021-22 or 2022-23?") is None
    # a comparative needs its columns named; "which plan" needs plans at the head
    assert header("Was total spending higher than the year before?") is None
    assert header("Which plan had the highest total spending?") is None
    # another row's question ("food" is not "Total spending", which "spend" names); how a
    # row changed ("grew"), which is no level along it
    assert header("Did they spend more on food in 2022-23 or 2023-24?") is None
    assert header("Which year did food purchases grow the most?") is None
    assert header("Which year did the charity have the highest total income?") == "2023–24"
    # to answer on its own (no fitted decision), the header, the row and the table's
    # heading account for every noun: not "rent", which the table does not have
    assert accounts_for("Was total spending higher in 2022-23 or 2023-24?", ACCOUNTS)
    assert not accounts_for("Did they spend more on rent in 22/23 or in 23/24?", ACCOUNTS)
    assert not accounts_for("Which year did the charity have the highest total income?", ACCOUNTS)
    assert accounts_for("Which year did the charity have the most income?", ACCOUNTS, "Charity")
    # one year is no comparison (and no crash)
    single = ["| | 2024 |", "| Grants | £12,000 |", "| Total spending | £14,100 |"]
    assert across_row("Which year had the highest total spending?", single) is None


PASSENGER_FARES = [
    "| Passenger | Single | Day return | Period return (30 days) |",
    "| Adult (16+) | £6.80 | £11.50 | £12.90 |",
    "| Child (5–15) | £3.40 | £5.75 | £6.45 |",
    "| Child under 5 | Free | Free | Free |",
    "| Senior (60+) | £5.10 | £8.60 | £9.70 |",
    "| 10-journey adult book | £52.00 | – | – |",
]


def test_a_fare_is_read_from_the_row_named_whole_and_the_column_that_says_no_more():
    """ "an adult day return": "Adult (16+)" is named whole but for its brackets, though
    "10-journey adult book" shares its word; a name holding a figure ("Child under 5")
    keeps the first column one of names; "day return" fits "Day return" and "Period return
    (30 days)" alike, and the header that says no more wins."""

    def cell(question: str) -> str | None:
        found = asked_cell(question, PASSENGER_FARES, None)
        return None if found is None else PASSENGER_FARES[found[0]][slice(*found[1])].strip()

    assert named_rows(PASSENGER_FARES[1:], 0, "how much is an adult day return?") == [0]
    assert cell("how much is an adult day return?") == "£11.50"
    assert cell("what does a period return cost a senior?") == "£9.70"
    # "Child (5–15)" and "Child under 5" both say "child" whole: no row is named
    assert cell("how much is a single for a child?") is None
    # a figure names no row: "a 5 year old child" is no "Child under 5" (two rows say
    # "child" whole then, and none is named)
    assert named_rows(PASSENGER_FARES[1:], 0, "What does a 5 year old child pay?") == []
    assert named_rows(PASSENGER_FARES[1:], 0, "what's the fare for a passenger?") == []
    assert columns(PASSENGER_FARES)[0].of_names() and not columns(PASSENGER_FARES)[1].of_names()


def test_one_row_is_compared_across_columns_written_in_lower_case():
    """ "is a day return or a single more expensive for a child?": with a row named, the
    columns may be written in lower case; "how much more" asks by how much, which the
    row's figures answer (no column leads); "return", a verb of change in WordNet, is
    here a column's word, no change asked."""
    found = across_row("is a day return or a single more expensive for an adult?", PASSENGER_FARES)
    assert found is not None and found.row == 1
    assert PASSENGER_FARES[0][slice(*found.header)].strip() == "Day return"
    found = across_row("how much more is a day return than a single for an adult", PASSENGER_FARES)
    assert found is not None and found.row == 1 and found.header is None
    # no row named: no lower-case columns compared
    assert across_row("is a day return or a single more expensive?", PASSENGER_FARES) is None


LEVELS = [
    "Level          Examples                           Handling rules",
    "Public         Published rates, press releases    No restrictions",
    "Internal       Staff rotas, intranet pages        Company staff only",
    "Confidential   Customer contracts, pricing, HR    Encrypt if sent outside\n"
    "               case files                         the Company",
    "Restricted     Payroll, bank details, board       Named people only; do not\n"
    "               papers, acquisition plans          print or copy to",
]


def test_the_row_holding_the_question_s_words_gives_the_cell_of_the_column_asked():
    """ "Which classification level do payroll spreadsheets come under?": "Level" heads
    one column (the head of "classification level"), and one row holds "payroll": its
    level answers. A row aligned by spaces that wraps is read by its first line, where
    its cells stand as the header's do."""

    def cell(question: str) -> str | None:
        found = row_holding(question, LEVELS)
        return None if found is None else LEVELS[found[0]][slice(*found[1])]

    assert [LEVELS[4][a:b] for a, b in cells(LEVELS[4])] == [
        "Restricted", "Payroll, bank details, board", "Named people only; do not",
    ]  # fmt: skip
    assert cell("payroll spreadsheets - which classification level do they come under?") == (
        "Restricted"
    )
    assert cell("what level are customer contracts?") == "Confidential"
    assert cell("which handling rules apply to staff rotas?") == "Company staff only"
    # no row holds the words, two hold as many, or the thing heads no column
    assert cell("which level are invoices?") is None
    assert cell("which level covers pages and contracts?") is None
    assert cell("which team owns payroll?") is None


def test_a_which_question_leads_with_the_cell_of_the_row_holding_its_words(tmp_path):
    """Over a policy's aligned table, "which classification level" of payroll leads with
    the level of the row that lists payroll, with the header and that row quoted."""
    policy = (
        "8. CLASSIFYING INFORMATION\n\n"
        "8.1 All Company information falls into one of four levels. Handle a document\n"
        "    according to the highest level of any information it contains.\n\n"
        + "\n".join(f"  {row.replace(chr(10), chr(10) + '  ')}" for row in LEVELS)
        + "\n\n8.2 If you are not sure how to classify something, treat it as\n"
        "    Confidential and ask your manager.\n"
    )
    service = service_over(tmp_path, "policy.txt", policy)
    answer = service.ask("payroll spreadsheets - which classification level do they come under?")
    assert answer.answer.startswith("Restricted [1] — "), answer.answer
    assert "Payroll, bank details" in answer.answer
    text = service.snapshot().document_text("policy.txt")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


def test_more_and_an_adjective_is_the_adjectives_degree():
    """ "more expensive" measures a price, not a row of weights; "cheaper" measures one."""
    rows = ["| Specification | DH-20 | DH-25 |", "| Net weight | 13.8 kg | 16.2 kg |",
            "| Price | £199 | £249 |"]  # fmt: skip

    def header(question: str) -> str | None:
        found = across_row(question, rows)
        return None if found is None else rows[0][slice(*found.header)]

    assert header("Is the net weight more expensive on the DH-20 or the DH-25?") is None
    assert header("Is the price cheaper on the DH-20 or the DH-25?") == "DH-20"
    assert header("Is the price more expensive on the DH-20 or the DH-25?") == "DH-25"
    assert header("Is the net weight heavier on the DH-20 or the DH-25?") == "DH-25"
    priced = ["| Specification | DH-20 | DH-25 |", "| Price (£) | 199 | 249 |"]
    found = across_row("Is the price more expensive on the DH-20 or the DH-25?", priced)
    assert found is not None and priced[0][slice(*found.header)] == "DH-25"


def test_a_tie_along_a_row_names_no_column():
    rows = ["| | Basic plan | Pro plan |", "| Storage | 10 GB | 10 GB |", "| Users | 1 | 5 |"]
    assert across_row("Which plan gives the most storage?", rows) is None
    found = across_row("Which plan allows the most users?", rows)
    assert found is not None and rows[0][slice(*found.header)] == "Pro plan"


def test_the_year_a_row_peaks_in_is_answered_with_the_row_quoted(tmp_path):
    document = "\n".join(
        [
            "# Riverside Larder: annual report 2023–24",
            "",
            "Demand rose again this year, and our volunteers packed more parcels than ever.",
            "We bought more food ourselves, as donations from supermarkets fell.",
            "",
            "## Summary accounts",
            "",
            "Three years of income and spending, as filed with the Charity Commission:",
            "",
            ACCOUNTS[0],
            "| --- | --- | --- | --- |",
            *ACCOUNTS[1:],
            "",
            "The trustees keep three months of running costs in reserve.",
            "",
        ]
    )
    service = service_over(tmp_path, "report.md", document)
    text = service.snapshot().document_text("report.md")
    for question in (
        "Which year had the highest total spending?",
        "Did they spend more money in 22/23 or in 23/24?",
    ):  # the second only by the lookup: the fitted decision alone refuses it
        answer = service.ask(question)
        quotes = [c.quote for c in answer.citations]
        assert quotes and quotes[0] == "2023–24", answer.answer
        assert ACCOUNTS[3] in quotes and ACCOUNTS[0] in quotes, answer.answer
        assert all(text[c.start : c.end] == c.quote for c in answer.citations)
    # along a row the question names, before a column's extreme ("**Surplus for the
    # year**" is no year)
    answer = service.ask("Which year had the lowest food purchases?")
    assert answer.citations and answer.citations[0].quote == "2021–22", answer.answer
    # the table has no rent, and food is another row: the lookup along "Total spending"
    # answers for neither
    for question in (
        "Did they spend more on rent in 22/23 or in 23/24?",
        "Did they spend more on food in 2022-23 or 2023-24?",
    ):
        answer = service.ask(question)
        assert not answer.citations or answer.citations[0].quote != "2023–24", answer.answer


ROOMS = """# Little Acorns: parent handbook

## Our rooms

Children move up when they are ready, not on a birthday.

| Room | Age group | Staff to child ratio | Room leader |
| --- | --- | --- | --- |
| Seedlings | 3 months to 2 years | 1:3 | Hannah Brooks |
| Saplings | 2 to 3 years | 1:4 | Jordan Achebe |
| Oaks | 3 to 5 years | 1:8 | Grace Liddell |

Before a move your child will have three short visits to the new room.
"""


def test_a_header_row_found_best_is_answered_with_its_table(tmp_path):
    """A header names the columns asked about and says nothing of them: quoted alone
    ("| Room | Age group | Staff to child ratio |") it answers nothing, so the table is
    quoted, each row cited; a data row found best is no header."""
    from qa.answer.compose import under_the_header

    service = service_over(tmp_path, "handbook.md", ROOMS)
    snapshot = service.snapshot()
    question = "What's the staff to child ratio in each room?"
    prepared = service.prepare(question, [], 10)
    header = next(c for c in prepared.candidates if c.sentence.text.startswith("| Room |"))
    text, citations = under_the_header(question, [header], snapshot)
    assert [c.quote for c in citations] == [
        "| Room | Age group | Staff to child ratio | Room leader |",
        "| Seedlings | 3 months to 2 years | 1:3 | Hannah Brooks |",
        "| Saplings | 2 to 3 years | 1:4 | Jordan Achebe |",
        "| Oaks | 3 to 5 years | 1:8 | Grace Liddell |",
    ], text
    document = snapshot.document_text("handbook.md")
    assert all(document[c.start : c.end] == c.quote for c in citations)
    row = next(c for c in prepared.candidates if c.sentence.text.startswith("| Oaks |"))
    assert under_the_header(question, [row], snapshot) is None
    prose = next(c for c in prepared.candidates if c.sentence.kind != "table_row")
    assert under_the_header(question, [prose], snapshot) is None
    # rows of its own table chosen with it: still the whole table; a sentence outside it
    # chosen too: that sentence answers; a row named: its cell answers
    assert under_the_header(question, [header, row], snapshot) is not None
    assert under_the_header(question, [header, prose], snapshot) is None
    assert under_the_header("What's the staff to child ratio in Oaks?", [header], snapshot) is None
    answer = service.ask("What's the staff to child ratio in Oaks?")
    assert answer.answer.startswith("1:8"), answer.answer


def test_a_heading_names_money_by_the_nouns_an_amount_is_asked_with():
    """The section's own heading, in any case and number, names money ("EXPENDITURE",
    "Fees", "Pricing"); a section under it whose heading names none does not, nor does
    the heading over it count ("Fees > Opening times" is no section of sums)."""
    from qa.answer.tables import names_money

    assert names_money("4. FINANCIAL SUMMARY > EXPENDITURE")
    assert names_money("Fees and charges") and names_money("Pricing")
    assert not names_money("Fees > Opening times")
    assert not names_money("VOLUNTEERS") and not names_money("")
