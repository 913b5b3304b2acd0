"""Tables read as tables: a superlative over a column ("Which route has the most ascent?",
"What is the cheapest model?"), a comparison of the rows a question names ("Which is
longer, Heron Loop or Raven Crag?"), the cell of a named row under the asked column
("What does the Orca 500 weigh?"), and, where the columns are the things compared (a
report's years), the column at the asked end of a named row ("Which year had the highest
total spending?", "Was it higher in 22/23 or 23/24?").

No single row says that it has the most, and a row's cell means nothing without its
column's header, so the sentence scorer cannot find these answers: they are lookups and
arithmetic over the table the retrieval found. Hand-written, as it is the product's own
logic: read the question's superlative or comparative and its direction, pick the column
its words are about (shared stems, else the embedding model's word similarity, as the
soft coverage does), and quote the table's header row with the rows that answer. The
words used are English grammar (superlatives, the low end of a scale, units of measure),
not any corpus's vocabulary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from qa.answer.features import content_stems
from qa.answer.question import MONEY_NOUNS, asked_thing, closeness
from qa.retrieve import Lexicon
from qa.text import (
    CURRENCY_CODE,
    CURRENCY_SIGN,
    DIMENSION_UNITS,
    STOPWORDS,
    TIME_UNIT,
    UNIT_SYMBOL,
    UNIT_WORD,
    asked_dimension,
    figure_value,
    goes_on_in_a_cell,
    has_digit,
    stem,
    stems,
    whole_word_spans,
    without_possessive,
    words,
    zipf,
)
from qa.thesaurus import changes_quantity, means_money, parts_of_speech
from qa.types import Sentence, own_heading

# A row of a pipe table: its cells between the pipes, an empty one included ("| a | | c |").
# A row of a text table: runs of text between two or more spaces or tabs.
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")


def cells(row: str) -> list[tuple[int, int]]:
    """Where each cell's text is in the row (`_cells`); a copy, the caller's to change."""
    return list(_cells(row))


@lru_cache(maxsize=16384)
def _cells(row: str) -> tuple[tuple[int, int], ...]:
    """Where each cell's text is in the row: (start, end) offsets. Cached: composing an
    answer reads the same rows again and again (867,290 calls for 1,611 questions in
    `corpus-qa eval --loco`). A pipe table's empty cell is an empty span at its place, so
    that every row of the table has as many cells.
    A row whose cells wrap onto more lines (a text table's: "E01 | Door lock failure - the
    door could not be | ..." over "    | locked at the start ...", or aligned by spaces:
    "Restricted     Payroll, bank details, board" over "               papers, ...") is
    read by its first line, the only one where the cells stand whole in order, unless its
    first cell wrapped alone onto that line (`_first_cell_wrapped`); a cell is one span of
    text."""
    if "\n" in row:
        first, second = row.split("\n", 2)[:2]
        if (wrapped := _first_cell_wrapped(first, second)) is not None:
            return wrapped
        row = first
    if "|" not in row:
        return tuple((m.start(), m.end()) for m in _SPACED_CELL.finditer(row))
    bars = [i for i, ch in enumerate(row) if ch == "|"]
    edges = [-1, *bars, len(row)]
    spans = []
    for a, b in itertools.pairwise(edges):
        text = row[a + 1 : b]
        lead = len(text) - len(text.lstrip())
        spans.append((a + 1 + lead, a + 1 + len(text.rstrip())) if text.strip() else (a + 1, a + 1))
    # the pipes that open and close a row bound no cell
    if row.lstrip().startswith("|"):
        spans = spans[1:]
    if row.rstrip().endswith("|"):
        spans = spans[:-1]
    return tuple(spans)


def _first_cell_wrapped(first: str, second: str) -> tuple[tuple[int, int], ...] | None:
    """A text-table row whose first cell wrapped alone onto its first line ("Organise first
    aid course for ride leaders" over "    (budget £600)      Beth Nyambura   30 Apr
    2025", `ingest.structure._opens_with_a_wrapped_cell`): its cells are the second line's,
    the first one opening on the first line. None for any other row."""
    if "|" in first or "|" in second:
        return None
    opening = list(_SPACED_CELL.finditer(first))
    below = list(_SPACED_CELL.finditer(second))
    if len(opening) != 1 or len(below) < 2 or not second[:1].isspace():
        return None
    if not goes_on_in_a_cell(second):
        return None  # "Totals" over "  2024   2025": a line over figures
    at = len(first) + 1  # where the second line starts in the row
    rest = tuple((at + m.start(), at + m.end()) for m in below[1:])
    return ((opening[0].start(), at + below[0].end()), *rest)


# --- a row's figures in its column's unit ---------------------------------------------------
# A table's column heading may give the unit of every figure under it: "2024/25 (£)", "Cost
# (£m)", "Spend (in US$)", "Share (%)", "Weight [kg]", "Time (minutes)" (the typographic
# convention of tables in English). Its rows then write bare figures that are sums,
# weights or shares. Not a bracket that names no unit: "Respondents (n)", "(count)",
# "(2024)", "(see note 3)".
_HEADING_UNIT = re.compile(r"[(\[]\s*(?:in\s+)?([^()\[\]]{1,12}?)\s*[)\]]\s*$", re.I)
_CURRENCY = re.compile(rf"{CURRENCY_SIGN}|{CURRENCY_CODE}")
_MEASURE_UNIT = re.compile(rf"%|{UNIT_WORD}|{TIME_UNIT}|{UNIT_SYMBOL}", re.I)
_NO_UNIT = frozenset({"n", "no", "no.", "#", "count", "number"})
_BARE_FIGURE = re.compile(r"[-+]?\d[\d.,]*")
# the scale a money column's heading gives: "(£m)", "(£'000)", "(€ million)"
_SCALES = {
    "k": " thousand", "000": " thousand", "thousand": " thousand", "thousands": " thousand",
    "m": " million", "mn": " million", "million": " million", "millions": " million",
    "bn": " billion", "billion": " billion", "billions": " billion",
}  # fmt: skip


# A command-line option's placeholder that names its unit ("`--retention DAYS`", "--timeout
# SECONDS"): the unit of its default, in the column headed "Default" ("`30`" is 30 days),
# where that heading gives none.
_PLACEHOLDER_UNIT = re.compile(rf"^`?--?[a-z][\w-]* +({TIME_UNIT})`?\s*$", re.I)
_DEFAULT = re.compile(r"\bdefaults?\b", re.I)


def _placeholder_unit(label: str) -> str | None:
    """The unit a command-line option's placeholder names (`_PLACEHOLDER_UNIT`), written in
    capitals as placeholders are ("`--retention DAYS`": days; not "--retention days", nor
    an invoice's "LABOUR HOURS", which is no option)."""
    m = _PLACEHOLDER_UNIT.match(label)
    return m.group(1).lower() if m and m.group(1).isupper() else None


def _unit(heading: str) -> str | None:
    """The unit a column heading gives its figures (`_HEADING_UNIT`), or None."""
    found = _HEADING_UNIT.search(heading)
    if found is None or found.group(1).lower() in _NO_UNIT:
        return None
    unit = found.group(1)
    return unit if _CURRENCY.search(unit) or _MEASURE_UNIT.fullmatch(unit) else None


def with_heading_units(row: str, header: str) -> str:
    """The table row with each bare figure written in the unit its column's heading gives
    ("| Audit fee | 450 | 480 |" under "| Line | 2023/24 (£) | 2024/25 (£) |" reads "Audit
    fee | £450 | £480"), so that what it offers is seen; the row as it is where the two do
    not line up cell for cell, where the row's own label gives its unit ("Volunteers
    (people)"), or where no heading gives one. For reading, never for quoting."""
    if "|" not in row or "|" not in header:
        return row  # no pipe table row under a header: most sentences, read as written
    heads, found = cells(header), cells(row)
    if len(heads) != len(found) or len(found) < 2:
        return row
    label = row[found[0][0] : found[0][1]]
    if _HEADING_UNIT.search(label):
        return row
    placeholder = _placeholder_unit(label)
    read = []
    changed = False
    for (ha, hb), (a, b) in zip(heads, found, strict=True):
        cell, unit = row[a:b], _unit(header[ha:hb])
        figure = cell
        if unit is None and placeholder and _DEFAULT.search(header[ha:hb]):
            # the option's default, written as code or not ("`30`")
            unit, figure = placeholder, cell.strip("`")
        if unit and _BARE_FIGURE.fullmatch(figure):
            sign = _CURRENCY.search(unit)
            scale = _SCALES.get(_CURRENCY.sub("", unit).strip(" '").lower(), "") if sign else ""
            cell = f"{sign.group()}{figure}{scale}" if sign else f"{figure} {unit}"
            changed = True
        read.append(cell)
    return " | ".join(read) if changed else row


_MONEY_STEMS = frozenset(stem(noun) for noun in MONEY_NOUNS)


def names_money(section: str) -> bool:
    """The section's own heading names money ("EXPENDITURE", "Fees", "Prices and
    charges"), by the nouns a question asks for an amount with (`question.MONEY_NOUNS`):
    the bare figures of a table under it are sums, as a column heading's unit makes them
    (`with_heading_units`): "Education programme   11,460   10,380" under
    "EXPENDITURE" gives the amount that "How much did they spend on education?" asks.

    Measured in session 50 (`corpus-qa eval --loco`, each fit on this code): test key-fact
    accuracy / abstention recall / precision .666 / .440 / .440 -> .667 / .440 / .443 (one
    question gained, none lost), LOCO .672 / .499 / .504 -> .673 / .487 / .503 (3 gained,
    5 lost, all at the refit threshold); on a probe of unseen kinds a charity's accounts
    are answered with the right row's sum first, where "Governance costs   1,850" had led
    (its "costs" the only sign of money), and a near miss is answered ("How much do
    non-members pay per hour to hire a court?": "Court hire (non-members)   4,120" under
    "INCOME", a year's takings)."""
    return any(stem(w.lower()) in _MONEY_STEMS for w in words(own_heading(section)))


def row_of_sums(sentence: Sentence, section: str) -> bool:
    """A table row under a heading that names money (`names_money`): its bare figures are
    sums, the kind an amount question asks ("Education programme   11,460" under
    "EXPENDITURE"), though no currency stands beside them. What the row offers
    (`features.View.offered`) and what leads its answer (`compose.choose_lead`) both
    read it so."""
    return sentence.kind == "table_row" and names_money(section)


# --- the superlative -----------------------------------------------------------------------
# "most/least/fewest X" and "-est" adjectives. An "-est" word is a superlative when English
# has its comparative ("longest" -> "longer"; wordfreq): "forest", "interest", "test" and
# "protest" are not ("forer", "interer", "ter", "proter" are no words).
# It follows "the", a possessive or a form of "be" ("the longest", "its lowest", "is
# quickest"): "a chest strap" and "at least 2 kg" are none.
_SUPERLATIVE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|your|is|are|was|were|be)|'s)\s+"
    r"(most|least|fewest|(?P<base>[a-z]{2,})est)\b",
    re.I,
)
_COMPARATIVE_ZIPF = 2.0  # "steeper" 2.9, "wetter" 2.9; "forer" 1.3, "interer" 0
_ENTITY_QUESTION = re.compile(r"^\W*(?:which|what|who)\b", re.I)
# "most", "least" or "fewest" as the object of the clause after it asks for an amount
# (the most that I can claim), not which thing has the most of something: "What's the
# most I can claim?", "the least you'll pay", "the most an evening meal can cost", "the
# most that anyone may bring". The clause opens with a subject pronoun, or with a
# determiner's noun phrase and then an auxiliary verb (grammar, closed classes). An
# adjective's superlative so placed still picks a thing ("the cheapest they sell" is the
# cheapest one), and "the latest I can ..." is a time (`question.ASKS_LATEST`).
_CLAUSE_AFTER = re.compile(
    r"\s+(?:that\s+)?(?:"
    r"(?:i|you|we|they|he|she|it|one|anyone|someone|anybody|somebody|everyone)(?=[\s'’])"
    r"|(?:a|an|the|my|your|our|their|his|her|its|this|each|every|any)\s+(?:[\w-]+\s+){0,2}?"
    r"[\w-]+\s+(?:can|could|may|might|will|would|shall|should|must|do|does|did|is|are|was|"
    r"were|need|needs|has|have|had)\b)",
    re.I,
)
# Adjectives for the low end of a scale (English antonym pairs: long/short, high/low ...);
# every other superlative asks for the high end.
_LOW_END = frozenset({
    "short", "small", "low", "cheap", "light", "narrow", "shallow", "young", "early", "near",
    "close", "thin", "weak", "little", "tiny", "slow", "cold", "cool", "easy",
})  # fmt: skip
# Speed asked of a column of durations: the fastest takes the least time.
_SPEED = frozenset({"fast", "quick", "slow"})
# What a degree adjective measures, as the unit families of `_SCALE` (English: "long" is a
# length or a time, "heavy" a mass): a column in those units is about it, whatever its
# header says ("the coldest" and a column of °C headed "Set point"). Wider than
# `qa.text.asked_dimension`, which names a sentence's units for a lead only where "how X"
# is unambiguous ("how long" is mostly a duration, "how low" a level, not a length).
_DIMENSIONS = {
    "length": {"high", "tall", "deep", "far", "wide", "thick", "broad", "long", "short", "low",
               "narrow", "shallow", "thin", "near", "close"},
    "mass": {"heavy", "light"},
    "temperature": {"hot", "cold", "warm", "cool"},
    "time": {"long", "short", "quick", "fast", "slow", "early", "late"},
}  # fmt: skip


@dataclass(frozen=True)
class Superlative:
    """What a superlative (or comparative) question asks: its content words, which pick
    the column ("the highest price in 2025"); the words of the degree itself ("highest";
    "ascent" of "the most ascent"), which the column must be about; whether the highest
    value answers; and whether it asks for speed."""

    words: tuple[str, ...]
    highest: bool
    speed: bool
    degree: tuple[str, ...] = ()
    families: frozenset[str] = frozenset()  # the unit families the degree measures
    said: str = ""  # the superlative or comparative itself, lower-cased ("more", "highest")


def _adjective(base: str) -> str:
    """ "bigg" -> "big", "easi" -> "easy", "larg" -> "large" for the low-end lookup."""
    if len(base) > 2 and base[-1] == base[-2]:
        return base[:-1]
    if base.endswith("i"):
        return base[:-1] + "y"
    return base if base in _LOW_END or base in _SPEED else base + "e"


def superlative(question: str) -> Superlative | None:
    """The superlative of a question that asks which thing has it ("Which/What ... the
    longest ..."), or None."""
    if not _ENTITY_QUESTION.search(question):
        return None
    return _degree(question, _SUPERLATIVE, "er")


# "more/less/fewer X" and "-er" adjectives, which are comparatives when English has the
# superlative ("longer" -> "longest"; "other", "water", "number" and "never" have none).
_COMPARATIVE = re.compile(r"\b(more|less|fewer|(?P<base>[a-z]{2,})er)\b", re.I)


def comparative(question: str) -> Superlative | None:
    """The comparative of a question ("Which is longer, X or Y?", "Is a bunk cheaper at X
    or at Y?"), read as a superlative over the things compared; None without one."""
    return _degree(question, _COMPARATIVE, "est")


def _degree(question: str, pattern: re.Pattern, other_form: str) -> Superlative | None:
    """The first word of `pattern` whose other degree ("-er" for "-est", and the reverse)
    is an English word, with its direction."""
    for m in pattern.finditer(question):
        word, base = m.group(1).lower(), (m.group("base") or "").lower()
        if word in ("most", "least", "fewest") and _CLAUSE_AFTER.match(question, m.end()):
            continue  # "the most I can spend": an amount asked of a clause, not a thing
        if base and zipf(base + other_form) < _COMPARATIVE_ZIPF:
            continue
        adjective = _adjective(base) if base else ""
        measured = tuple(
            dict.fromkeys(w.lower() for w in words(question) if w.lower() not in STOPWORDS)
        )
        low = word in ("least", "fewest", "less", "fewer") or {base, adjective} & _LOW_END
        speed = bool({base, adjective} & _SPEED)
        # the degree and the thing it is said of: "the highest salary", "the most ascent",
        # "the cheapest for an adult" (not a number: "fastest in 2025" says when)
        after = [
            w.lower()
            for w in words(question[m.end() :])[:3]
            if w.lower() not in STOPWORDS and w.isalpha()
        ]
        degree = (word, *after[:1]) if base else tuple(after[:1])
        families = frozenset(
            f for f, adjectives in _DIMENSIONS.items() if {base, adjective} & adjectives
        )
        return Superlative(measured, not low, speed, degree, families, word)
    return None


# --- a column's values ---------------------------------------------------------------------
_VALUE = re.compile(
    rf"(?P<minus>[-−])?(?P<sign>{CURRENCY_SIGN})?\s?(?P<number>[-+−]?\d[\d,]*(?:\.\d+)?)"
    r"(?::(?P<minutes>\d\d)(?::(?P<seconds>\d\d))?)?\s?(?P<unit>%|°\s?[CF]\b|[a-zA-Z]+(?:/[a-zA-Z]+)?)?"
)
# Units a column may mix, in a base unit per family: "45 min" and "2 h" compare. A unit
# not here compares only with itself ("km/h", "Wh", "£").
_SCALE = {
    "mm": ("length", 0.001), "cm": ("length", 0.01), "m": ("length", 1.0),
    "km": ("length", 1000.0), "ft": ("length", 0.3048), "yd": ("length", 0.9144),
    "mi": ("length", 1609.344), "g": ("mass", 1.0), "kg": ("mass", 1000.0),
    "t": ("mass", 1e6), "lb": ("mass", 453.592), "lbs": ("mass", 453.592),
    "oz": ("mass", 28.3495), "ms": ("time", 0.001), "s": ("time", 1.0), "sec": ("time", 1.0),
    "secs": ("time", 1.0), "min": ("time", 60.0), "mins": ("time", 60.0),
    "minutes": ("time", 60.0), "h": ("time", 3600.0), "hr": ("time", 3600.0),
    "hrs": ("time", 3600.0), "hours": ("time", 3600.0), "hour": ("time", 3600.0),
    "days": ("time", 86400.0), "day": ("time", 86400.0), "weeks": ("time", 604800.0),
    "week": ("time", 604800.0), "°c": ("temperature", 1.0),
}  # fmt: skip


@dataclass(frozen=True)
class Value:
    amount: float  # in the family's base unit when the unit has one
    unit: str  # the family ("time"), else the unit as written ("%", "£", "")


def value(cell: str) -> Value | None:
    """The number a cell opens with, with its unit. The parts of a measure in one family
    add up ("1 h 30 min", "2 kg 300 g"); "1:30" is a time in hours and minutes. None for a
    cell that opens with words: "Orca 200" names a thing, "Adult (16 and over)" heads a
    column, "Reception 08:00 to 20:00" is no quantity."""
    found = list(_VALUE.finditer(cell))
    if not found or cell[: found[0].start()].strip():
        return None
    parts = [_part(m) for m in found]
    family = parts[0].unit
    if len(parts) > 1 and family in _FAMILIES and all(p.unit == family for p in parts):
        return Value(sum(p.amount for p in parts), family)
    return parts[0]


_FAMILIES = {family for family, _ in _SCALE.values()}


def _part(m: re.Match) -> Value:
    amount = figure_value(m.group("number"))
    if m.group("minutes"):  # "1:30", "2:14:05"
        amount = amount * 3600 + int(m.group("minutes")) * 60 + int(m.group("seconds") or 0)
        return Value(amount, "time")
    if m.group("minus"):
        amount = -amount
    unit = (m.group("unit") or "").lower().replace(" ", "")
    family, scale = _SCALE.get(unit, (unit, 1.0))
    return Value(amount * scale, (m.group("sign") or "") + family)


@dataclass
class Column:
    index: int
    header: str
    values: list[Value | None]  # per data row

    def unit(self) -> str | None:
        """The one unit (or family) of the column's numbers; None when they have several."""
        units = {v.unit for v in self.values if v is not None}
        return units.pop() if len(units) == 1 else None

    def of_names(self) -> bool:
        """A column that names the rows: words, not numbers, in most of its cells. A name
        may hold a figure ("Child under 5", "Car with trailer, 5–8 m" among "Adult (16+)"
        and "Bicycle"), as no measure's column holds words in most."""
        return 2 * sum(v is not None for v in self.values) < len(self.values)

    def comparable(self) -> bool:
        """Two or more numbers in one unit, and, in the first column, not a running count
        (1, 2, 3 ...: a row number, not a measure)."""
        found = [v for v in self.values if v is not None]
        if len(found) < 2 or self.unit() is None:
            return False
        amounts = [v.amount for v in found]
        counting = amounts == [float(n) for n in range(1, len(amounts) + 1)]
        return not (self.index == 0 and counting and not found[0].unit)


def columns(rows: list[str]) -> list[Column] | None:
    """The columns of a table whose first row is its header, or None when the rows do not
    read as such a table."""
    split = [[row[a:b] for a, b in cells(row)] for row in rows]
    width = len(split[0])
    if len(rows) < 2 or width < 2 or any(len(r) != width for r in split):
        return None
    cols = [Column(i, split[0][i], [_figure(r[i]) for r in split[1:]]) for i in range(width)]
    header = [value(c) for c in split[0]]
    return cols if _is_header(header, cols) else None


def _is_header(first: list[Value | None], cols: list[Column]) -> bool:
    """The first row heads the columns: it has fewer numbers than the row after it, or a
    column whose numbers all carry one unit has none in it ("2025" over "£48.6m",
    "£38.6m" ...)."""
    if sum(v is not None for v in first) < sum(c.values[0] is not None for c in cols):
        return True
    if _years(first) and not _years([c.values[0] for c in cols]):
        return True  # "| Branch | 2023 | 2024 |" over counts or amounts
    for v, c in zip(first, cols, strict=True):
        units = {x.unit for x in c.values if x is not None}
        if len(units) == 1 and "" not in units and (v is None or v.unit not in units):
            return True
    return False


def _years(row: list[Value | None]) -> bool:
    """A row whose numbers are all years without a unit, and there are some."""
    found = [v for v in row if v is not None]
    return bool(found) and all(not v.unit and 1800 <= v.amount <= 2100 for v in found)


# --- which column, which row ---------------------------------------------------------------
def relatedness(word: str, header: str, lexicon: Lexicon | None) -> float:
    """How closely a question word fits a column's header: 1.0 when a header word shares
    its stem, else the closeness of the nearest header word (`qa.answer.question.closeness`:
    0 for unrelated words), by the word vectors that the lexicon holds for the corpus's
    words and for the question's (embedded when the question was read)."""
    head = [w.lower() for w in words(header) if w.lower() not in STOPWORDS]
    if stem(word) in {stem(w) for w in head}:
        return 1.0
    own = lexicon.vector(word) if lexicon is not None else None
    if own is None:
        return 0.0
    found = [v for h in head if (v := lexicon.vector(h)) is not None]
    return float(closeness(max(float(np.dot(own, v)) for v in found))) if found else 0.0


def _fit(asked: Iterable[str], header: str, lexicon: Lexicon | None) -> float:
    """How well the asked words together fit a header: their relatedness, summed."""
    return sum(relatedness(w, header, lexicon) for w in asked)


# Of two headers the question's words fit as well, the one that says less besides: "a day
# return" is "Day return", not "Period return (30 days)". A tie-break, below any difference
# in fit.
_SAYS_MORE = 0.01


def _unasked(header: str, asked: list[str]) -> int:
    """How many content words of the header the question does not say."""
    return len(set(content_stems(header)) - {stem(w) for w in asked})


def _best(scored: Iterable[tuple[float, int]]) -> int | None:
    """The index of the best-scored column; None when none scores above 0 or two tie."""
    ranked = sorted(scored, reverse=True)
    if not ranked or ranked[0][0] <= 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def _about(column: Column, asked: Superlative, lexicon: Lexicon | None) -> bool:
    """Is the column what the degree measures ("longest" and "Distance"; the time a route
    takes for "the quickest")? Other words of the question may pick among columns ("in
    2025"), but a winner is claimed only on a column the degree itself is about: "Did
    profit grow faster than revenue in 2025?" is not answered by the larger 2025 figure."""
    if (asked.speed and column.unit() == "time") or column.unit() in asked.families:
        return True
    return _fit(asked.degree, column.header, lexicon) > 0


def measured_column(
    cols: list[Column], asked: Superlative, lexicon: Lexicon | None
) -> Column | None:
    """The comparable column the question measures: the one whose header its words fit
    best (summed over the words, so "price in 2025" picks "Price 2025" over "Price 2024"),
    a column in the units the degree measures counting as one more word; none when
    nothing relates to them or two fit alike."""
    comparable = [c for c in cols if c.comparable()]
    scored = [
        # "the coldest": a column of °C counts as one more word
        (_fit(asked.words, c.header, lexicon) + (c.unit() in asked.families), c.index)
        for c in comparable
    ]
    if not any(score > 0 for score, _ in scored):
        # "the quickest" where no header says speed: the time it takes
        durations = [c for c in comparable if c.unit() == "time"]
        return durations[0] if asked.speed and len(durations) == 1 else None
    best = _best(scored)
    return None if best is None else cols[best]


def extreme_row(
    column: Column, asked: Superlative, summaries: frozenset[int] = frozenset()
) -> int | None:
    """The data row (0-based) at the asked end of the column, of those that are not
    `summaries` (rows that sum up the others); None for a tie."""
    highest = asked.highest
    if asked.speed and column.unit() == "time":
        highest = not highest  # the fastest takes the least time
    found = [
        (v.amount, i) for i, v in enumerate(column.values) if v is not None and i not in summaries
    ]
    if not found:
        return None
    ranked = sorted(found, reverse=highest)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def name_column(cols: list[Column], noun_stems: set[str]) -> Column | None:
    """The column that names the rows, of those that are not columns of numbers: the one
    headed by the asked noun ("Route"), else the first."""
    texts = [c for c in cols if c.of_names()]
    for c in texts:
        if noun_stems & stems(c.header):
            return c
    return next(iter(texts), None)


def row_noun(question: str) -> set[str]:
    """The stems of the thing a superlative question asks which one of: the word after
    "which/what" ("Which route has ..."), and the one after an "-est" superlative ("the
    longest route"), when they are content words."""
    found = []
    m = re.match(r"^\W*(?:which|what)\s+(?:of\s+the\s+)?([\w'’-]+)", question, re.I)
    if m:
        found.append(m.group(1))
    for s in _SUPERLATIVE.finditer(question):
        if s.group("base"):  # "the most ascent" measures ascent; not "the longest route"
            found += words(question[s.end() :])[:1]
    return {stem(w) for w in found if w.lower() not in STOPWORDS}


Span = tuple[int, int]  # offsets within a row


@dataclass(frozen=True)
class Extreme:
    """The answer found in a table: the data row at the asked end of the measured column
    (an index into the rows given, the header being row 0), and the name cell's offsets
    in that row."""

    row: int
    name: Span


def extreme(
    question: str, rows: list[str], lexicon: Lexicon | None, section: str = ""
) -> Extreme | None:
    """The row of a table (its header first, under the heading path `section`) that a
    superlative question asks for, or None when the question has no superlative, the
    table's rows are not the things it asks about, the table has no column it measures,
    or two rows tie."""
    asked = superlative(question)
    cols = columns(rows) if asked else None
    if asked is None or cols is None:
        return None
    asked_row = row_noun(question)
    names = name_column(cols, asked_row)
    if names is None:
        return None
    own = stems(names.header)
    # a noun that heads another column is what is measured ("the highest salary")
    measures = {s for c in cols if c is not names for s in stems(c.header)}
    noun = asked_row - measures
    in_table = noun & (own | stems(section) | stems(" ".join(rows[1:])))
    if noun and not in_table:
        return None  # "the tallest summit" is not one of the rows of a table of routes
    # the asked noun names the rows only where the table says it ("the longest range"
    # over a column "Range" measures the range)
    return _winner(rows, cols, names, asked, own | in_table, lexicon)


def _winner(
    rows: list[str],
    cols: list[Column],
    names: Column,
    asked: Superlative,
    naming: set[str],
    lexicon: Lexicon | None,
) -> Extreme | None:
    """The data row at the asked end of the column that the asked words fit, but for the
    words (`naming` stems) that name the rows rather than what is measured."""
    measured = replace(asked, words=tuple(w for w in asked.words if stem(w) not in naming))
    column = measured_column(cols, measured, lexicon) if measured.words else None
    summaries = frozenset(
        i for i, row in enumerate(rows[1:]) if _EMPHASISED.match(_cell(row, names.index))
    )
    at = extreme_row(column, measured, summaries) if column else None
    if column is None or at is None or not _about(column, measured, lexicon):
        return None
    return Extreme(at + 1, cells(rows[at + 1])[names.index])


@dataclass(frozen=True)
class Compared:
    """The rows of a table that a question names (indices into the rows, the header being
    0), and the one the comparison picks, when it asks for one it can pick."""

    rows: list[int]
    winner: Extreme | None
    fit: float  # how well the question's other words fit the best column's header


def compared_rows(question: str, rows: list[str], lexicon: Lexicon | None) -> Compared | None:
    """ "Which is longer, Heron Loop or Raven Crag?", "How do the fees at Holm and Fell
    compare?": the table's rows (header first) that the question names by
    their name cell, when it names two or more; and by a comparative ("longer", "more
    expensive"), the one at its end of the column it measures (`_winner`). None when the
    question's other words fit no header and it names the rows only in part: it asks
    about something else of the same places."""
    cols = columns(rows)
    names = name_column(cols, row_noun(question)) if cols else None
    if cols is None or names is None:
        return None
    named = [i + 1 for i in named_rows(rows[1:], names.index, question)]
    if len(named) < 2:
        return None
    asked = comparative(question) or superlative(question)
    sub = [rows[0], *(rows[i] for i in named)]
    sub_cols = columns(sub) if asked else None
    naming = stems(names.header) | stems(" ".join(sub[1:]))
    found = _winner(sub, sub_cols, names, asked, naming, lexicon) if sub_cols and asked else None
    winner = replace(found, row=named[found.row - 1]) if found else None
    others = [w.lower() for w in words(question) if w.lower() not in STOPWORDS]
    others = [w for w in others if stem(w) not in naming]
    fit = max(_fit(others, c.header, lexicon) for c in cols)
    whole = all(_name_stems(rows[i], names.index) <= stems(question) for i in named)
    if fit <= 0 and not whole:
        return None  # "Is it cheaper to park at Holm or at Fell?" over the campsites' table
    return Compared(named, winner, fit)


@dataclass(frozen=True)
class Across:
    """The answer found along one row of a table: the row the question names (an index
    into the rows given, the header being 0) and, in the header row, the offsets of the
    header of the column at the asked end of that row (None where the question asks by
    how much: "How much more is a day return than a single?")."""

    row: int
    header: Span | None


def across_row(question: str, rows: list[str]) -> Across | None:
    """ "Was total spending higher in 2022-23 or 2023-24?", "Which year had the highest
    total spending?": a table whose columns are the things compared (a report's years, a
    datasheet's models) and whose rows are what is measured of them. The question names
    one row by its name cell, and either two or more columns (`named_columns`) or, with a
    superlative, asks which of the kind its columns are ("which year" over years, "which
    plan" over "Basic plan | Pro plan"); the column at the asked end of that row answers.
    None when the degree is not one that the row's figures measure ("more expensive" of a
    row of weights), for a tie, for cells without a figure or in several units, where the
    question names another row by a word of its own ("Did they spend more on food in
    2022-23 or 2023-24?" is no question of the row "Total spending"), or asks how the row
    changed ("grew the most": not a level)."""
    asked = (compares := comparative(question)) or superlative(question)
    cols = columns(rows) if asked else None
    names = name_column(cols, set()) if cols else None
    if asked is None or cols is None or names is None:
        return None
    named_row = named_rows(rows[1:], names.index, question)
    if len(named_row) != 1:
        return None
    at = named_row[0] + 1
    others = [c for c in cols if c is not names]
    compared = named_columns(question, others)
    if len(compared) < 2:
        compared = named_columns(question, others, any_case=True)
    if len(compared) < 2 and not compares and _columns_of_kind(question, others):
        compared = [c.index for c in others]
    if len(compared) < 2:
        return None  # one column, or none, is no comparison along the row
    found = [(_figure(rows[at][a:b]), j) for j in compared for a, b in [cells(rows[at])[j]]]
    if any(v is None for v, _ in found) or len({v.unit for v, _ in found}) > 1:
        return None
    if not _measures(asked, {v.unit for v, _ in found}, rows[at], names.index):
        return None
    if _asks_of_another_row(question, rows, at, names.index) or _asks_a_change(
        question, asked, rows[0]
    ):
        return None
    ranked = sorted(((v.amount, j) for v, j in found), reverse=asked.highest)
    if ranked[0][0] == ranked[1][0]:
        return None
    if (by := _BY_HOW_MUCH.search(question)) and by[1].lower() == asked.said:
        return Across(at, None)  # the figures themselves answer: the row, no column's name
    return Across(at, cells(rows[0])[ranked[0][1]])


# "How much more is ...", "how many fewer", "how much cheaper": asks the difference, which
# the row's figures give; no column is the answer (general English).
# (the comparative the question says: not "how much water")
_BY_HOW_MUCH = re.compile(r"\bhow\s+(?:much|many|far)\s+(more|less|fewer|\w+er)\b", re.I)


def _asks_of_another_row(question: str, rows: list[str], at: int, names: int) -> bool:
    """Does the question name another row than the one found, by a word only that row's
    name has ("food" of "Food purchases", where "spend" found "Total spending")? Not by
    the kind of thing its columns are ("Which year ...": "Surplus for the year")."""
    thing = asked_thing(question)
    asked = stems(question) - stems(rows[0]) - ({stem(thing.lower())} if thing else set())
    own = _name_stems(rows[at], names)
    return any((_name_stems(row, names) - own) & asked for row in rows[1:] if row != rows[at])


def _asks_a_change(question: str, asked: Superlative, header: str) -> bool:
    """ "Which year did food purchases grow the most?": a change between columns, not a
    level along the row (`thesaurus.changes_quantity`: grow, rise, fall, increase); the
    degree itself is none ("lower", though one may lower a price), nor a word of the
    header row, which names a column ("a day return": "Day return")."""
    named = stems(header)
    return any(
        changes_quantity(w)
        for w in words(question)
        if w.lower() not in STOPWORDS and w.lower() != asked.said and stem(w) not in named
    )


def accounts_for(question: str, rows: list[str], section: str = "") -> bool:
    """Does the table account for every noun of the question (`_accounts_for`) along the
    row it answers (`across_row`)? The test for a lookup to answer on its own, without the
    fitted decision (`compose.table_lookup`)."""
    found = across_row(question, rows)
    asked = comparative(question) or superlative(question)
    if found is None or asked is None:
        return False
    return _accounts_for(question, asked, [rows[0], rows[found.row], section])


def _accounts_for(question: str, asked: Superlative, where: list[str]) -> bool:
    """Is every noun of the question (every word WordNet can read as one, or does not
    know) in `where` (the header row, the row named, the section's heading), or the degree
    asked ("higher"), the kind of thing asked ("which year"), or money where the row's
    figures are ("spend more money": its £)? A verb ("allows", "spend") names no row. A
    span of years ("22/23") is a column's however it is written (`year_spans`)."""
    known = set().union(*(stems(text) for text in where))
    said = {stem(w) for w in (asked.said, _degree_word(asked), asked_thing(question) or "")}
    money = re.search(CURRENCY_SIGN, where[1]) is not None
    for w in words(_YEAR_SPAN.sub(" ", question)):
        lw = w.lower()
        read = parts_of_speech(lw)
        if lw in STOPWORDS or (read and "n" not in read) or stem(lw) in known | said:
            continue
        if money and means_money(lw):
            continue
        return False
    return True


# Markdown's bold or italics around a cell ("**£98,200**": a total set in bold)
_EMPHASIS = re.compile(r"^\s*(?:\*\*|__|\*|_)|(?:\*\*|__|\*|_)\s*$")


# A name cell set in bold or italics as a whole: a row that sums up the others ("**Total**",
# "**Surplus for the year**"), no item of a column's superlative ("Which item costs most?")
_EMPHASISED = re.compile(r"^\s*(\*\*|__|\*|_)\S.*\1\s*$")


def _figure(cell: str) -> Value | None:
    """The cell's figure (`value`), read through Markdown's emphasis ("**£98,200**": a
    figure set in bold is a figure)."""
    return value(_EMPHASIS.sub("", cell))


def _cell(row: str, column: int) -> str:
    """The text of the row's cell in the column ("" past its last cell)."""
    spans = cells(row)
    return row[slice(*spans[column])] if column < len(spans) else ""


# The degrees of any quantity: "higher spending", "more money", "the largest share"
# (English's general comparatives, against "heavier" or "cheaper", which measure one thing).
_ANY_QUANTITY = {"more", "less", "fewer", "most", "least", "fewest", "high", "low", "big",
                 "small", "large", "great"}  # fmt: skip


def _measures(asked: Superlative, units: set[str], row: str, names: int) -> bool:
    """Does the degree asked measure the row's figures: a degree of any quantity ("higher",
    "more money"), one of the figures' family ("heavier" of kilograms, "cheaper" of
    pounds), or one whose words the row's name has? "More" before an adjective is that
    adjective's degree: "more expensive" measures a price, not a row of weights."""
    word = _degree_word(asked)
    base = re.sub(r"(?:er|est)$", "", word)
    degree = {word, base, _adjective(base)}
    if degree & _ANY_QUANTITY or units & asked.families:
        return True
    if degree & _PRICE and (
        any(re.fullmatch(CURRENCY_SIGN, u) for u in units) or _CURRENCY.search(row)
    ):
        return True
    return bool(_name_stems(row, names) & {stem(w) for w in asked.degree})


def _degree_word(asked: Superlative) -> str:
    """The word of the degree: "higher", "most"; of "more expensive", the adjective."""
    if asked.said in ("more", "less", "most", "least") and asked.degree:
        after = parts_of_speech(asked.degree[0])
        if after & {"a", "s"} and "n" not in after:
            return asked.degree[0]
    return asked.said


# The adjectives of a price, which measure a row of sums of money (general English).
_PRICE = {"cheap", "expensive", "costly", "dear", "pricey"}


def _columns_of_kind(question: str, columns_: Sequence[Column]) -> bool:
    """Are the columns the kind of thing the question asks which one of: its noun in two
    or more headers ("which plan": "Basic plan", "Pro plan"), or years heading them all
    ("which year": "2022–23", "2024")?"""
    thing = asked_thing(question)
    if thing is None:
        return False
    noun = stem(thing.lower())
    if _heads_them(noun, [c.header for c in columns_]):
        return True
    years = all(year_spans(c.header) or _years([value(c.header)]) for c in columns_)
    return noun == stem("year") and years


def _heads_them(noun: str, headers: Sequence[str]) -> bool:
    """Is the noun (a stem) in two or more of the headers, so that the columns are things
    of its kind ("room": "Tern Room", "Room 2"; "plan": "Basic plan", "Pro plan")?"""
    return sum(noun in stems(header) for header in headers) >= 2


def _name_stems(row: str, column: int) -> set[str]:
    """The content stems of a row's name cell."""
    return set(content_stems(_cell(row, column)))


def _in_named_column(
    question: str, rows: list[str], cols: list[Column] | None, found_row: int | None
) -> tuple[int, Span] | None:
    """The cell of the row found under the column the question names (`asked_cell`), where
    it holds a measure of the dimension asked ("How heavy": a weight), if one is asked."""
    if cols is None or found_row is None or not 0 < found_row < len(rows):
        return None
    at = named_column(question, cols[1:])
    if at is None:
        return None
    a, b = cells(rows[found_row])[at]
    dimension = asked_dimension(question)
    if a == b or (dimension and not DIMENSION_UNITS[dimension].search(rows[found_row][a:b])):
        return None
    return found_row, (a, b)


def named_column(question: str, candidates: Sequence[Column]) -> int | None:
    """The index of the one column that the question names (`named_columns`); None when
    none or several are."""
    found = named_columns(question, candidates)
    return found[0] if len(found) == 1 else None


def named_columns(question: str, candidates: Sequence[Column], any_case: bool = False) -> list[int]:
    """The indices of the columns whose header the question writes whole, as a name: with
    a figure or a capital, not as its first word ("DH-20", "the Pro Plan"; not "Which hut
    has a drying room?", which asks for a row). A header written only inside a longer one
    that is named is not named itself: "the DH-20 Pro" names no "DH-20". With `any_case`,
    a header written whole in lower case is named too (where the question has named a row
    already: "a day return" and "a single" for an adult)."""
    asked = stems(question)
    tokens = [without_possessive(w) for w in words(question)[1:]]  # "the DH-20's weight"
    lowered = {t.lower() for t in tokens}
    asked_years = year_spans(question)
    found = [
        c
        for c in candidates
        if (head := words(c.header))
        and (
            (
                stems(c.header) <= asked
                and (
                    ((has_digit(head[0]) or head[0][:1].isupper()) and head[0] in tokens)
                    or (any_case and head[0].lower() in lowered)
                )
            )
            or (
                _YEAR_SPAN.fullmatch(c.header.strip())
                and (spans := year_spans(c.header))
                and spans <= asked_years
            )
        )
    ]
    taken: list[tuple[int, int]] = []  # stretches of the question a longer header holds
    named = set()
    for c in sorted(found, key=lambda c: -len(c.header.strip())):
        spans = whole_word_spans(c.header, question)
        free = [(a, b) for a, b in spans if not any(x <= a and b <= y for x, y in taken)]
        if spans and not free:
            continue
        taken.extend(free)
        named.add(c.index)
    return [c.index for c in found if c.index in named]


# A span of years as a report heads a column ("2022–23", "2022/23", "2023-2024") or a
# person writes it ("22/23"): two years running, read by their last two digits, so that
# "in 22/23" names the column "2022–23".
_YEAR_SPAN = re.compile(r"(?<![\d/.,:])(?:\d\d)?(\d\d)\s?[/–—-]\s?(?:\d\d)?(\d\d)(?![\d/.,:])")


def year_spans(text: str) -> set[tuple[str, str]]:
    """The spans of two running years the text writes, each as its years' last digits."""
    return {(m[1], m[2]) for m in _running_years(text)}


def year_span_places(text: str) -> list[Span]:
    """Where the text writes a span of two running years ("In 2024/25 these are ...")."""
    return [m.span() for m in _running_years(text)]


def _running_years(text: str) -> Iterator[re.Match[str]]:
    return (m for m in _YEAR_SPAN.finditer(text) if (int(m[1]) + 1) % 100 == int(m[2]))


def compared_columns(question: str, rows: list[str]) -> list[int]:
    """ "What's the difference between the DH-20 and the DH-25 Pro?": where the question
    names two or more of a table's columns (`named_columns`: a datasheet's models, a
    report's years) and asks nothing else of them, the data rows whose cells in those
    columns differ (indices into `rows`, header first), the first `_COMPARED_ROWS`.
    Nothing when it names fewer than two (then it compares rows, if anything:
    `compared_rows`), or asks about something of them ("How did the operating margin in
    2025 compare with 2024?", "Which is taller, Kestrel or Sefton?"): the sentences
    ranked for it answer that, a row among them or not."""
    cols = columns(rows)
    named = named_columns(question, cols[1:]) if cols else []
    if len(named) < 2:
        return []
    naming = set().union(*(stems(cols[j].header) for j in named))
    if any(
        w.lower() not in STOPWORDS and w.lower() not in _COMPARING and stem(w) not in naming
        for w in words(question)
    ):
        return []
    differing = []
    for i, row in enumerate(rows[1:], 1):
        spans = cells(row)
        if len({row[a:b].strip().lower() for a, b in (spans[j] for j in named)}) > 1:
            differing.append(i)
    return differing[:_COMPARED_ROWS]


# Words that ask for a comparison and about nothing compared (general English).
_COMPARING = {"difference", "differences", "differ", "different", "compare", "compared",
              "comparison", "versus", "vs", "between", "against"}  # fmt: skip
_COMPARED_ROWS = 6  # a comparison of two columns quotes the first rows where they differ


def named_rows(rows: list[str], column: int, question: str) -> list[int]:
    """The rows (0-based, data rows only) whose name cell the question says: every content
    word of the name that no other row's name has ("Fell" of "Fell Hut (bunk)" beside
    "Moss Hut (bunk)"), and at least one such word. Where no row is so named, the row
    whose name in the first column the question says whole, but for what its brackets add
    and its figures, the longest such name if two are: "an adult day return" names
    "Adult (16+)", whose one word "10-journey adult book" shares. (In another column, a
    cell the question quotes is what it asks about, not a row's name: "the workshop on
    drone mapping" of a timetable's room.)"""
    own = [_name_stems(row, column) for row in rows]
    asked = stems(question)
    named = []
    for i, mine in enumerate(own):
        others = set().union(*(s for j, s in enumerate(own) if j != i))
        unique = mine - others
        if unique and unique <= asked:
            named.append(i)
    if named or column:
        return named  # the fallback reads the first column, where a table names its rows
    whole = {i: name for i, row in enumerate(rows) if (name := _bare_name(row, column)) <= asked}
    most = max(map(len, whole.values()), default=0)
    longest = [i for i, name in whole.items() if most and len(name) == most]
    return longest if len(longest) == 1 else []


def _bare_name(row: str, column: int) -> set[str]:
    """The content words of a row's name cell outside its brackets ("Adult (16+)": adult),
    as stems, but for its figures: "a 5 year old child" is no "Child under 5"."""
    name = re.sub(r"\([^()]*\)", " ", _cell(row, column))
    return {s for s in content_stems(name) if not has_digit(s)}


def asked_cell(
    question: str,
    rows: list[str],
    lexicon: Lexicon | None,
    named: bool = False,
    found_row: int | None = None,
) -> tuple[int, Span] | None:
    """In a table (its header first), the row the question names by its name cell and,
    in it, the cell under the column the question asks about ("How much ascent is there
    on the Fox Path?" -> "280 m" under "Ascent"): the column whose header fits best the
    question's words that no row has (those name a row, not a column), never the column of
    names. None without a header, without exactly one row named, or when no column or
    two fit. With `named`, the column's header must share a word with the question ("the
    peak fare" for "Peak fare"), not only be near it in meaning.

    A table whose columns are the things (products, plans, years) and whose rows are what
    is said of them ("| Net weight | 10.5 kg | 13.8 kg |") is asked by naming a column and
    a row in other words ("How heavy is the DH-20?"): where no row is named, the row the
    answerer found (`found_row`, an index in `rows`) and the one column whose header the
    question writes whole (`named_column`)."""
    cols = columns(rows)
    # the column of names is the one where the question names one row ("What grade is
    # Raven Crag?": the routes', not the grades')
    naming = [
        (c, found)
        for c in cols or []
        if c.of_names() and len(found := named_rows(rows[1:], c.index, question)) == 1
    ]
    if not naming:
        return _in_named_column(question, rows, cols, found_row)
    names, at = naming[0][0], naming[0][1][0] + 1
    in_rows = stems(" ".join(rows[1:]))
    asked = [w.lower() for w in words(question) if w.lower() not in STOPWORDS]
    asked = [w for w in asked if stem(w) not in in_rows]
    best = _best(
        (_fit(asked, c.header, lexicon) - _SAYS_MORE * _unasked(c.header, asked), c.index)
        for c in cols
        if c is not names
    )
    if best is None or (named and not stems(" ".join(asked)) & stems(cols[best].header)):
        return None
    cell = cells(rows[at])[best]
    return (at, cell) if cell[0] < cell[1] else None


def row_holding(question: str, rows: list[str]) -> tuple[int, Span] | None:
    """ "Which classification level do payroll spreadsheets come under?": a table with
    one column headed by the thing asked (`asked_thing`: "Level") and one row whose other
    cells hold more of the question's other words than any other row ("Payroll, bank
    details" beside "Restricted"): that row (an index in `rows`, the header first) and its
    cell in that column. The words of the header name columns, not the row. None where
    the thing heads no column or two, or no row or two hold as many of the words."""
    thing = asked_thing(question)
    if thing is None or len(rows) < 3:
        return None
    header = rows[0]
    heads = cells(header)
    # the thing, or the word after it, the head of a compound ("which classification level")
    m = re.search(rf"\b{re.escape(thing)}(?:\s+([\w'’-]+))?", question)
    nouns = [stem(w.lower()) for w in (m.group(1) if m else None, thing) if w]
    for noun in nouns:
        under = [j for j, (a, b) in enumerate(heads) if noun in stems(header[a:b])]
        if len(under) == 1:
            break
    else:
        return None
    column = under[0]
    asked = set(content_stems(question)) - stems(header) - set(nouns)
    held = []
    for row in rows[1:]:
        mine = _name_stems(row, column)  # the row's cell in that column
        held.append(len(asked & (set(content_stems(row)) - mine)) if mine else 0)
    most = max(held)
    if most == 0 or held.count(most) > 1:
        return None
    at = held.index(most) + 1
    a, b = cells(rows[at])[column]
    return (at, (a, b)) if a < b else None


def column_asked(question: str, rows: list[str], found_row: int | None) -> tuple[int, Span] | None:
    """In a table whose columns are the things asked for (a timetable's rooms: "| Time |
    Kestrel Auditorium | Tern Room | Plover Room |"), the header of the column holding the
    cell of the row found (`found_row`, an index in `rows`, the header first) that the
    question names: "Which room is the drone workshop in?" -> "Plover Room", the header
    over "Workshop W1: Drone survey methods ...". The question's noun ("room") must be in
    two or more of the headers ("Tern Room", "Room 2"), so that the columns are the kind
    of thing asked for; the cell is the one holding most of the question's other words,
    and no other may hold as many; never the first column, which labels the rows. A row
    with fewer cells than the header (a break across the whole day) has no column to give;
    only the row found is read, so a wrong row ranked first gives a wrong column's header,
    with that row quoted under it for the reader to check. (Session 32: no answer
    to a dev question of the eval changed, `python -m evals.decision_lab`; a probe's
    conference programme gains "which room should I head to for the session on ...".)"""
    thing = asked_thing(question)
    if thing is None or not found_row or found_row >= len(rows):
        return None
    noun = stem(thing.lower())
    heads, spans = cells(rows[0]), cells(rows[found_row])
    if len(heads) < 3 or len(heads) != len(spans):
        return None
    if not _heads_them(noun, [rows[0][a:b] for a, b in heads[1:]]):
        return None
    asked = stems(question) - {noun}
    shared = [len(asked & stems(rows[found_row][a:b])) for a, b in spans]
    most = max(shared)
    column = shared.index(most)
    if most == 0 or shared.count(most) > 1 or column == 0:
        return None
    return 0, heads[column]
