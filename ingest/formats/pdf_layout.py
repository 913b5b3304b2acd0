"""What a PDF page's geometry tells that its text alone does not: which lines are page
furniture, which are a table's rows, and whether a sentence runs on to the next page.

PDFium gives a page's text in content order, one line per printed line, and every
character's box. The text alone loses three things that matter for quoting:
- **Page furniture** (`running_lines`, `furniture`): a running title, "Page 3 of 12" and
  the like recur at the pages' edges and would otherwise sit inside the sentence that
  runs over the page break, and be quoted as part of it.
- **Tables** (`render`): PDFium writes a row as its cells' words with one space between
  cells ("Ashcombe 4,200 61% -8 pts"), so a row reads as a sentence and runs on into the
  text under the table. The boxes keep the columns: cells are parted by gaps far wider
  than a space. Such rows are written as Markdown rows, `| a | b |`, with a `| --- |` line
  under the first (the header), as the HTML and DOCX readers write tables, so that the
  structure step reads every format's tables alike.
- **Headings** (`typography`, `render`): a PDF marks no headings; lines set larger than
  the body, or bold where it is not, are written as Markdown headings ("## Summary").
- **Pages that run on** (`runs_on`): a paragraph broken by the page end is one paragraph.

All of this is the product's own logic: PDFium and pypdfium2 give characters and boxes,
not layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from math import ceil

from qa.sentences import SUPERSCRIPT_DIGITS

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points)


@dataclass
class Line:
    """One printed line: its characters (indexes into the page's text) and the gaps in
    it wide enough to part two table cells, as (left, right) x."""

    text: str
    chars: list[int]
    gaps: list[tuple[float, float]] = field(default_factory=list)
    size: float = 0.0  # its characters' median font size
    bold: bool = False  # set in a bold font throughout


@dataclass
class Page:
    text: str  # PDFium's text of the page, lines parted by "\r\n"
    boxes: list[Box]
    sizes: list[float]  # each character's font size
    lines: list[Line]


def read_page(textpage) -> Page:
    """The page's text, characters' boxes and lines, from a pypdfium2 text page."""
    from pypdfium2 import raw

    text = textpage.get_text_range()
    count = textpage.count_chars()
    if count != len(text):  # characters and text do not line up: lines without geometry
        return Page(text, [], [], [Line(t, []) for t in re.split(r"\r\n|\r|\n", text) if t])
    boxes = [textpage.get_charbox(i) for i in range(count)]
    sizes = [raw.FPDFText_GetFontSize(textpage.raw, i) for i in range(count)]
    printed: list[list[int]] = []
    current: list[int] = []
    for i, ch in enumerate([*text, "\n"]):
        if ch not in "\r\n":
            current.append(i)
        elif current:
            printed.append(current)
            current = []
    raised = _superscripts(text, printed, boxes, sizes)
    lines: list[Line] = []
    for chars in _rejoined(text, printed, raised, boxes, sizes):
        line = Line("".join(_raised(text[i]) if i in raised else text[i] for i in chars), chars)
        line.gaps = _cell_gaps(text, chars, boxes, sizes)
        visible = [k for k in chars if not text[k].isspace()]
        if visible:
            line.size = sorted(sizes[k] for k in visible)[len(visible) // 2]
            samples = {visible[0], visible[len(visible) // 2], visible[-1]}
            line.bold = all(_bold(textpage, k) for k in samples)
        lines.append(line)
    return Page(text, boxes, sizes, lines)


# --- superscripts --------------------------------------------------------------------------
# A footnote's mark ("38,200 Ml.¹") or a unit's power ("m²") is set smaller and raised.
# PDFium gives it as a plain digit and, as it stands above the line, often breaks the line
# after it ("Ml.1" / " Because ..."). Raised digits are written as superscript digits, and
# the line is whole again.
_SMALLER = 0.85  # of the line's size, at most
_RAISED = 0.2  # of the line's size: its bottom this far above the line's baseline, at least
_SAME_BASELINE = 0.3  # of the size: two parts of one printed line
_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def _raised(ch: str) -> str:
    return ch.translate(_SUPERSCRIPT)


def _body(text: str, chars: list[int], boxes: list[Box], sizes: list[float]):
    """A line's size and baseline: the median size and bottom of its visible characters."""
    visible = [i for i in chars if not text[i].isspace()]
    if not visible:
        return 0.0, 0.0
    size = sorted(sizes[i] for i in visible)[len(visible) // 2]
    return size, sorted(boxes[i][1] for i in visible)[len(visible) // 2]


def _superscripts(text: str, printed: list[list[int]], boxes, sizes) -> set[int]:
    """The raised digits: smaller than their line and standing above its baseline."""
    out = set()
    for chars in printed:
        size, baseline = _body(text, chars, boxes, sizes)
        out |= {
            i
            for i in chars
            if text[i].isdigit()
            and sizes[i] <= _SMALLER * size
            and boxes[i][1] >= baseline + _RAISED * size
        }
    return out


def _rejoined(text: str, printed: list[list[int]], raised: set[int], boxes, sizes):
    """PDFium's lines, with a line that ends in a raised mark joined to the next when that
    goes on to the right along the same baseline ("Ml.¹" / " Because ..."). A line of
    small digits alone, raised above the next (a footnote's own number, "¹" / " Usable
    storage is ..."), is raised too, and joined to it. `raised` gains those digits."""
    out: list[list[int]] = []
    for chars in printed:
        before = out[-1] if out else []
        last = next((i for i in reversed(before) if not text[i].isspace()), None)
        first = next((i for i in chars if not text[i].isspace()), None)
        if last is None or first is None or boxes[first][0] < boxes[last][0]:
            out.append(list(chars))
            continue
        size, baseline = _body(text, before, boxes, sizes)
        marks = [i for i in before if not text[i].isspace()]
        if all(text[i].isdigit() for i in marks):
            next_size, next_baseline = _body(text, chars, boxes, sizes)
            if all(
                sizes[i] <= _SMALLER * next_size
                and boxes[i][1] >= next_baseline + _RAISED * next_size
                for i in marks
            ):
                raised.update(marks)
                before.extend(chars)
                continue
        if last in raised and abs(boxes[first][1] - baseline) <= _SAME_BASELINE * size:
            before.extend(chars)
            continue
        out.append(list(chars))
    return out


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_BOLD_WEIGHT = 600


def _bold(textpage, index: int) -> bool:
    """Is the character set in a bold font (by its weight, or its font's name when the
    font does not say: the standard 14 fonts, "Helvetica-Bold")?"""
    import ctypes

    from pypdfium2 import raw

    weight = raw.FPDFText_GetFontWeight(textpage.raw, index)
    if weight > 0:
        return weight >= _BOLD_WEIGHT
    name = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(textpage.raw, index, name, 128, None)
    return bool(_BOLD_NAME.search(name.value.decode("latin-1")))


# --- page furniture -----------------------------------------------------------------------
# Headers and footers sit among the first and last few lines of a page's text (PDFium gives
# a page's text in content order: a footer drawn before the body comes first).
_EDGE_LINES = 3
# A line is furniture when it recurs at the edges of at least this share of the pages (and
# of two): a running title, "Page 3 of 12", "CONFIDENTIAL". Two-fifths rather than a half,
# so that headers alternating between even and odd pages (the book's title, the chapter's)
# count too.
_RUNNING_SHARE = 0.4
_DIGITS = re.compile(r"\d+")


def _line_key(line: str) -> str:
    """A line with its numbers masked and its spacing collapsed: "Page 3 of 12" and
    "Page 4 of 12" are one running line."""
    return _DIGITS.sub("#", " ".join(line.split())).casefold()


def _edges(lines: Sequence[str]) -> dict[int, str]:
    """The first and last few lines with words in them, by index, each with its place
    ("top 1", "bottom 2"): a header or footer keeps its place from page to page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    places = {i: f"bottom {k}" for k, i in enumerate(reversed(filled[-_EDGE_LINES:]))}
    places.update({i: f"top {k}" for k, i in enumerate(filled[:_EDGE_LINES])})
    return places


def _running_key(lines: Sequence[str], i: int, place: str) -> str:
    return f"{place}: {_line_key(lines[i])}"


def _counts_pages(occurrences: list[tuple[int, list[int]]]) -> bool:
    """Do a running line's numbers number the pages? Each of its numbers is the same on
    every page, or the page's index plus the same offset (printed page numbers may start
    after a cover), and at least one is the latter: "Page 3 of 12". A body line of a regular
    document ("Staff on duty: 5") has numbers that do neither."""
    if len({len(numbers) for _, numbers in occurrences}) != 1:
        return False
    counting = False
    for column in zip(*(numbers for _, numbers in occurrences), strict=True):
        if len(set(column)) == 1:
            continue
        offsets = {value - page for (page, _), value in zip(occurrences, column, strict=True)}
        if len(offsets) != 1:
            return False
        counting = True
    return counting


def running_lines(pages: Sequence[Sequence[str]]) -> dict[str, bool]:
    """The lines (of each page's lines) that recur in the same place at the edges of many
    pages (a document's running headers, footers and page numbers), by place and
    `_line_key`, each with whether its words are the same on every page (a running title)
    or number the pages."""
    if len(pages) < 2:
        return {}
    seen: dict[str, list[tuple[int, list[int]]]] = {}
    forms: dict[str, set[str]] = {}
    for index, lines in enumerate(pages):
        for i, place in _edges(lines).items():
            key = _running_key(lines, i, place)
            numbers = [int(n) for n in _DIGITS.findall(lines[i])]
            seen.setdefault(key, []).append((index, numbers))
            forms.setdefault(key, set()).add(" ".join(lines[i].split()))
    need = max(2, ceil(_RUNNING_SHARE * len(pages)))
    return {
        key: len(forms[key]) == 1
        for key, occurrences in seen.items()
        if len(occurrences) >= need
        and key.partition(": ")[2]
        and (len(forms[key]) == 1 or _counts_pages(occurrences))
    }


def furniture(lines: Sequence[str], running: dict[str, bool], first: bool) -> set[int]:
    """The indexes of the page's running lines. The first page keeps those above its body
    whose words never change: a running title often carries the version and date that the
    title block leaves out, and it is quoted once, where the document begins."""
    edges = _edges(lines)
    found = {i for i, place in edges.items() if _running_key(lines, i, place) in running}
    body = next((i for i, line in enumerate(lines) if line.strip() and i not in found), len(lines))
    if first:
        found -= {i for i in found if i < body and running[_running_key(lines, i, edges[i])]}
    return found


# --- tables ---------------------------------------------------------------------------------
_CELL_GAP = 0.9  # of the font size: wider than a justified line's word space, narrower
# than the space between two cells (a cell's padding on both sides)
# A list item's marker set apart from its text by a hanging indent ("•    Blue Badge
# holders", "3.   Turn off the supply"): its gap parts no cells.
_MARKER = re.compile(r"^(?:[•◦▪‣·∙●○■□►➢\-–—*]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)])$")
# Of the font size: a table's rows stand further apart than the lines of a cell's wrapped
# text (1.2: the usual leading), and two lines closer than half a size are one printed line.
_ROW_SPACING = 1.3
_SAME_LINE = 0.5
_TABLE_GAP = 2.5  # a line further below a table's last line than this is not in it
_EDGE_MARGIN = 0.5  # points: a column starts this far left of its first character


def _cell_gaps(text: str, chars: list[int], boxes: list[Box], sizes: list[float]):
    """The gaps between consecutive visible characters of a line that are wider than a
    cell gap (for the larger font of the two), but the one after a list item's marker."""
    visible = [i for i in chars if not text[i].isspace()]
    gaps = []
    for a, b in pairwise(visible):
        left, right = boxes[a][2], boxes[b][0]
        if right - left <= _CELL_GAP * max(sizes[a], sizes[b]):
            continue
        if not gaps and _MARKER.match(text[visible[0] : a + 1].strip()):
            continue
        gaps.append((left, right))
    return gaps


def _overlap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def _visible(page: Page, line: Line) -> list[int]:
    return [i for i in line.chars if not page.text[i].isspace()]


def _baseline(page: Page, line: Line) -> float:
    """The line's baseline, near enough: the median of its characters' bottoms (a few
    letters descend below it)."""
    bottoms = sorted(page.boxes[i][1] for i in _visible(page, line))
    return bottoms[len(bottoms) // 2] if bottoms else 0.0


def _size(page: Page, lines: list[Line]) -> float:
    sizes = sorted(page.sizes[i] for line in lines for i in _visible(page, line))
    return sizes[len(sizes) // 2] if sizes else 0.0


def _separators(page: Page, lines: list[Line]) -> list[float]:
    """Where a table's columns part: the right ends of the gaps, wider than a cell gap,
    that no row's characters cover. The right end rather than the middle: a column's
    words start where it does, and a cell's wrapped lines (not rows: no gaps of their
    own) may reach further right than any row's first line."""
    spans = sorted(
        (page.boxes[i][0], page.boxes[i][2], page.sizes[i])
        for line in lines
        for i in _visible(page, line)
    )
    out = []
    right, size = spans[0][1], spans[0][2]
    for left, end, this in spans[1:]:
        if left - right > _CELL_GAP * max(size, this):
            out.append(left - _EDGE_MARGIN)
        if end > right:
            right, size = end, this
    return out


def _column_of(page: Page, i: int, separators: list[float]) -> int:
    middle = (page.boxes[i][0] + page.boxes[i][2]) / 2
    return sum(middle > x for x in separators)


def _spans_a_gap(page: Page, line: Line, rows: list[Line]) -> bool:
    """Does a line without gaps of its own run across a gap between the rows' cells (from
    before it to past it)? A cell's wrapped text stays in its column; prose under the
    table runs across the columns."""
    boxes = [page.boxes[i] for i in _visible(page, line)]
    if not boxes:
        return False
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    return any(left < x0 and right > x1 for row in rows for x0, x1 in row.gaps)


def _table_end(page: Page, lines: list[Line], start: int) -> int:
    """Where the table whose header is `lines[start]` ends (the index after its last
    line), or `start` when there is none. PDFium gives a table cell by cell: a cell's
    wrapped lines come as lines without gaps, and the next cells of the same row may come
    after them, back up at the row's top. A line belongs to the table while it stays
    within one column (or its gaps line up with the rows before) and does not stand
    further below the table than a row does."""
    rows = [lines[start]]
    size = _size(page, rows)
    lowest = _baseline(page, lines[start])
    k = start + 1
    while k < len(lines):
        line = lines[k]
        if _baseline(page, line) < lowest - _TABLE_GAP * size:
            break
        if line.gaps:
            if not _overlap(rows[-1].gaps, line.gaps):
                break
            rows.append(line)
        elif _spans_a_gap(page, line, rows):
            break
        lowest = min(lowest, _baseline(page, line))
        k += 1
    separators = _separators(page, rows) if len(rows) >= 2 else []
    if not separators:
        return start
    # After the last row, a line in the first column is the text under the table: a first
    # cell's wrapped lines come before the rest of its row (PDFium gives cells in order).
    last_row = max(j for j in range(start, k) if lines[j].gaps)
    for j in range(last_row + 1, k):
        if min((page.boxes[i][0] for i in _visible(page, lines[j])), default=0) < separators[0]:
            return j
    return k


def _table(page: Page, lines: list[Line]) -> list[str]:
    """A table's lines as Markdown rows, the first being the header. Lines on one
    baseline are one printed line; a printed line opens a new row when it stands a row's
    spacing below the one above, or when it has words in the first column and another
    while the row above has its first cell (a cell's wrapped text is in one column, or
    below the first; a header cell set low, "Normal for late" over "June", is above the
    first cell's line)."""
    separators = _separators(page, [line for line in lines if line.gaps])
    size = _size(page, lines)
    printed: list[tuple[float, list[Line]]] = []
    for line in sorted(lines, key=lambda ln: -_baseline(page, ln)):
        y = _baseline(page, line)
        if printed and abs(printed[-1][0] - y) < _SAME_LINE * size:
            printed[-1][1].append(line)
        else:
            printed.append((y, [line]))
    rows: list[list[list[str]]] = []
    above = None
    for y, group in printed:
        cells: list[list[str]] = [[] for _ in range(len(separators) + 1)]
        for line in sorted(group, key=lambda ln: page.boxes[_visible(page, ln)[0]][0]):
            by_column: dict[int, list[int]] = {}
            for i in _visible(page, line):
                by_column.setdefault(_column_of(page, i, separators), []).append(i)
            for column, chars in by_column.items():
                cells[column].append(page.text[chars[0] : chars[-1] + 1].strip())
        filled = sum(1 for cell in cells if cell)
        opens = (
            not rows
            or (above - y) > _ROW_SPACING * size
            or (bool(cells[0]) and filled >= 2 and bool(rows[-1][0]))
        )
        if opens:
            rows.append([[] for _ in cells])
        for column, words in enumerate(cells):
            rows[-1][column] += words
        above = y
    out = ["| " + " | ".join(" ".join(cell) for cell in row) + " |" for row in rows]
    return [out[0], "|" + "|".join(" --- " for _ in range(len(separators) + 1)) + "|", *out[1:]]


# --- headings -------------------------------------------------------------------------------
# A PDF has no heading marks: a heading is set larger than the body text, or in bold where
# the body is not. Such lines are written as Markdown headings ("## Reservoir storage"), as
# the HTML and DOCX readers write theirs, so that a slide's title or an unnumbered heading
# ("Summary") heads its section. Its wrapped lines, same size and weight, are one heading.
_LARGER = 1.15  # of the body's size: a heading's least
_HEADING_WORDS = 15  # at most: a longer line is a pull quote or a lead paragraph
_NOT_A_HEADING_END = re.compile(r"[.,;]\s*$")
_BULLET_GLYPH = re.compile(r"^[•◦▪‣·∙●○■□►➢\-–—*]$")
_MAX_LEVEL = 6


@dataclass
class Typography:
    """What the document's body text looks like, and its heading sizes, largest first."""

    body: float = 0.0
    body_bold: bool = False
    sizes: list[float] = field(default_factory=list)

    def level(self, line: Line) -> int | None:
        """The heading level of a line that looks like a heading, else None."""
        if not self.body or not line.size or line.gaps or not _heading_words(line.text):
            return None
        if line.size >= _LARGER * self.body:
            return min(1 + self.sizes.index(round(line.size, 1)), _MAX_LEVEL)
        if line.bold and not self.body_bold and line.size >= self.body / _LARGER:
            return min(1 + len(self.sizes), _MAX_LEVEL)
        return None


def _heading_words(text: str) -> bool:
    """Words a heading may have: a few, a word of three letters at least (not a big
    figure on a slide, "79 Ml/d"), no bullet before them, no stop or comma after."""
    words = text.split()
    return (
        0 < len(words) <= _HEADING_WORDS
        and any(len(word) >= 3 and word.isalpha() for word in words)
        and not _BULLET_GLYPH.match(words[0])
        and not _NOT_A_HEADING_END.search(text)
    )


def typography(pages: Sequence[Page]) -> Typography:
    """The body's size (the size most characters are set in) and whether it is bold, and
    the sizes larger than it that headings use."""
    weight: dict[float, int] = {}
    bold: dict[bool, int] = {}
    for page in pages:
        for line in page.lines:
            n = len(line.chars)
            weight[round(line.size, 1)] = weight.get(round(line.size, 1), 0) + n
    if not weight:
        return Typography()
    body = max(weight, key=weight.get)
    for page in pages:
        for line in page.lines:
            if round(line.size, 1) == body:
                bold[line.bold] = bold.get(line.bold, 0) + len(line.chars)
    larger = {
        round(line.size, 1)
        for page in pages
        for line in page.lines
        if line.size >= _LARGER * body and not line.gaps and _heading_words(line.text)
    }
    return Typography(body, bold.get(True, 0) > bold.get(False, 0), sorted(larger, reverse=True))


def render(page: Page, dropped: set[int] = frozenset(), type_: Typography | None = None) -> str:
    """The page's text, line by line, without the `dropped` lines, with its tables' rows
    written as rows and its headings as headings."""
    type_ = type_ or Typography()
    lines = [line for i, line in enumerate(page.lines) if i not in dropped]
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = _table_end(page, lines, k) if lines[k].gaps else k
        if end > k:
            out += _table(page, lines[k:end])
            k = end
            continue
        level = type_.level(lines[k])
        if level is None:
            out.append(lines[k].text)
            k += 1
            continue
        words = [lines[k].text.strip()]
        k += 1
        while (
            k < len(lines)
            and type_.level(lines[k]) == level
            and (lines[k].size, lines[k].bold) == (lines[k - 1].size, lines[k - 1].bold)
        ):
            words.append(lines[k].text.strip())
            k += 1
        out.append("#" * level + " " + " ".join(words))
    return "\n".join(out)


# --- pages joined ---------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_FULL_LINE = 0.8  # of the wrap width: a line this long ended because the next word did not fit


def wrap_width(pages: Sequence[str]) -> int | None:
    """The width the body text is set at, in characters: the median length of the lines
    that a lower-case word continues (wrapped for sure). None for a document with too few
    such lines (slides, forms): its pages then only run on into a lower-case line."""
    lengths = sorted(
        len(line.rstrip())
        for page in pages
        for line, following in pairwise(page.split("\n"))
        if line.strip() and following.lstrip()[:1].islower()
    )
    return lengths[len(lengths) // 2] if len(lengths) >= 5 else None


def runs_on(page: str, following: str, width: int | None) -> bool:
    """Does a sentence run on from `page` into `following`? Its last line ends no sentence,
    and either the next page opens in lower case or the last line is full (it ended because
    the page did, not the paragraph). A slide's last bullet, short and unpunctuated, does not
    run on into the next slide's title."""
    last = page.rstrip().rpartition("\n")[2]
    first = following.lstrip()
    if not last.strip() or not first or _SENTENCE_END.search(last):
        return False
    return first[:1].islower() or (width is not None and len(last.rstrip()) >= _FULL_LINE * width)
