"""What a PDF page's geometry tells that its text alone does not: which lines are page
furniture, which are a table's rows or a heading, where a footnote's mark is, and whether
a sentence runs on to the next page.

PDFium gives a page's characters in content order, with line breaks where it sees them,
and every character's box and font size. The text alone loses what matters for quoting:
- **Page furniture** (`running_lines`, `furniture`): a running title, "Page 3 of 12" and
  the like recur at the top or foot of the pages and would otherwise sit inside the
  sentence that runs over the page break, and be quoted as part of it.
- **Tables** (`render`): PDFium writes a row as its cells' words with one space between
  cells ("Oak Street 4,200 61% -8 pts"), so a row reads as a sentence and runs on into the
  text under the table. The boxes keep the columns: cells are parted by gaps far wider
  than a space. Such rows are written as Markdown rows, `| a | b |`, with a `| --- |` line
  under the first (the header), as the HTML and DOCX readers write tables, so that the
  structure step reads every format's tables alike.
- **Headings** (`typography`, `render`): a PDF marks no headings; lines set larger than
  the body, or bold where it is not, are written as Markdown headings ("## Summary").
- **Footnote marks** (`_superscripts`): a raised digit is written as a superscript digit
  ("42 tonnes.¹"), and the line PDFium broke after it is whole again.
- **Pages that run on** (`runs_on`): a paragraph broken by the page end is one paragraph.

All of this is the product's own logic: PDFium and pypdfium2 give characters and boxes,
not layout.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from math import ceil

from ingest.formats.builder import header_rule, table_row
from ingest.structure import wrap_width as text_wrap_width
from qa.sentences import SUPERSCRIPT_DIGITS
from qa.text import COMMON_ZIPF, zipf

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points)


def _median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


@dataclass
class Line:
    """One printed line: its characters (indexes into the page's glyphs), its text as
    written, and what its geometry says."""

    chars: list[int]
    text: str = ""
    gaps: list[tuple[float, float]] = field(default_factory=list)  # cell gaps, (left, right) x
    size: float = 0.0  # its characters' median font size
    baseline: float = 0.0  # the median of its characters' bottoms (a few letters descend)
    left: float = 0.0
    right: float = 0.0
    bold: bool = False  # set in a bold font throughout


@dataclass
class Page:
    glyphs: list[str]  # each character's text: "" for the second half of a surrogate pair
    boxes: list[Box]
    sizes: list[float]  # each character's font size
    raised: set[int]  # the characters set as superscripts
    lines: list[Line]  # the lines with words in them, in content order

    def visible(self, chars: list[int]) -> list[int]:
        """The characters that are not spaces or line breaks."""
        return [i for i in chars if self.glyphs[i].strip()]


def read_page(textpage) -> Page:
    """The page's characters, boxes, sizes and lines, from a pypdfium2 text page."""
    from pypdfium2 import raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    glyphs = list(textpage.get_text_range())
    if len(glyphs) != count:  # a character beyond the BMP: one text character, two PDFium's
        glyphs = _glyphs(handle, count)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, right, bottom, top)]
    boxes: list[Box] = [(0.0, 0.0, 0.0, 0.0)] * count
    sizes: list[float] = [0.0] * count
    for i, glyph in enumerate(glyphs):  # a space's box and size are never read
        if glyph.strip():
            raw.FPDFText_GetCharBox(handle, i, *refs)
            boxes[i] = (left.value, bottom.value, right.value, top.value)
            # Within a word the size is the word's first letter's (a ctypes call a letter
            # is most of the reader's time); a digit's is its own (it may be raised).
            same = i and sizes[i - 1] and not glyph.isdigit() and not glyphs[i - 1].isdigit()
            sizes[i] = sizes[i - 1] if same else raw.FPDFText_GetFontSize(handle, i)
    printed: list[list[int]] = []
    current: list[int] = []
    for i, glyph in enumerate([*glyphs, "\n"]):
        if glyph not in ("\r", "\n"):
            current.append(i)
        elif current:
            printed.append(current)
            current = []
    page = Page(glyphs, boxes, sizes, set(), [])
    printed = [chars for chars in printed if any(glyphs[i].strip() for i in chars)]
    page.raised = _superscripts(page, printed)
    for chars in _rejoined(page, printed):
        line = Line(chars)
        line.text = clean("".join(_written(page, i) for i in chars))
        visible = page.visible(chars)
        line.size, line.baseline = _body(page, visible)
        line.left = min(boxes[i][0] for i in visible)
        line.right = max(boxes[i][2] for i in visible)
        line.gaps = _cell_gaps(page, visible)
        samples = {visible[0], visible[len(visible) // 2], visible[-1]}
        line.bold = all(_bold(textpage, i) for i in samples)
        page.lines.append(line)
    return page


def _glyphs(handle, count: int) -> list[str]:
    """Each of PDFium's characters as text, a surrogate pair as one character and an empty
    string (so that indexes stay PDFium's)."""
    from pypdfium2 import raw

    glyphs = [chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count)]
    for i in range(count - 1):
        if "\ud800" <= glyphs[i] <= "\udbff" and "\udc00" <= glyphs[i + 1] <= "\udfff":
            pair = (glyphs[i] + glyphs[i + 1]).encode("utf-16", "surrogatepass")
            glyphs[i], glyphs[i + 1] = pair.decode("utf-16"), ""
    return [g if not "\ud800" <= g <= "\udfff" else "\ufffd" for g in glyphs]


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_BOLD_WEIGHT = 600


def _bold(textpage, index: int) -> bool:
    """Is the character set in a bold font (by its weight, or its font's name when the
    font does not say: the standard 14 fonts, "Helvetica-Bold")?"""
    from pypdfium2 import raw

    weight = raw.FPDFText_GetFontWeight(textpage.raw, index)
    if weight > 0:
        return weight >= _BOLD_WEIGHT
    name = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(textpage.raw, index, name, 128, None)
    return bool(_BOLD_NAME.search(name.value.decode("latin-1")))


# --- a line's characters as text --------------------------------------------------------------
# PDFium marks a hyphen it found at a line end as U+0002 (or U+FFFE), and joins the two
# lines there: "mainte\ufffenance", "long\ufffeterm". The page shows "-".
_PDFIUM_HYPHEN = re.compile("[\x02\ufffe]")
_HYPHENATED = re.compile("(\\w+)[\x02\ufffe](\\w+)")
# Other control characters are not text (a NUL from a broken font map, for instance).
_CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b\x0e-\x1f\x7f]")
_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def unhyphenated(first: str, second: str) -> str:
    """A word the typesetter broke over two lines, whole again ("mainte-nance" reads and
    is searched as "maintenance"), unless it is a hyphenated word that happened to end a
    line ("long-term", "re-enter"): whole when the whole word is common in English, or
    commoner than the two parts as a phrase (wordfreq; for words wordfreq does not know,
    the hyphen the page shows stays)."""
    joined = first + second
    if zipf(joined) >= COMMON_ZIPF or zipf(joined) > zipf(f"{first}-{second}"):
        return joined
    return f"{first}-{second}"


def clean(text: str) -> str:
    text = _HYPHENATED.sub(lambda m: unhyphenated(*m.groups()), text)
    text = _PDFIUM_HYPHEN.sub("-", text)
    return _CONTROL.sub("", text)


def _written(page: Page, i: int) -> str:
    return page.glyphs[i].translate(_SUPERSCRIPT) if i in page.raised else page.glyphs[i]


# --- superscripts -----------------------------------------------------------------------------
# A footnote's mark ("42 tonnes.¹") or a unit's power ("m²") is set smaller and raised.
# PDFium gives it as a plain digit and, as it stands above the line, often breaks the line
# after it ("tonnes.1" / " The ..."). Raised digits are written as superscript digits, and
# the line is whole again.
_SMALLER = 0.85  # of the line's size, at most
_RAISED = 0.2  # of the line's size: its bottom this far above the line's baseline, at least
_SAME_BASELINE = 0.3  # of the size: two parts of one printed line
_NEXT_TO = 0.6  # of the size: a footnote's own number stands this close to its text, at most


def _body(page: Page, visible: list[int]) -> tuple[float, float]:
    """A line's size and baseline: the median size and bottom of its visible characters
    (`Page.visible`)."""
    return _median(page.sizes[i] for i in visible), _median(page.boxes[i][1] for i in visible)


def _superscripts(page: Page, printed: list[list[int]]) -> set[int]:
    """The raised digits: smaller than their line and standing above its baseline."""
    out = set()
    for chars in printed:
        size, baseline = _body(page, page.visible(chars))
        out |= {
            i
            for i in chars
            if page.glyphs[i].isdigit()
            and page.sizes[i] <= _SMALLER * size
            and page.boxes[i][1] >= baseline + _RAISED * size
        }
    return out


def _rejoined(page: Page, printed: list[list[int]]) -> list[list[int]]:
    """PDFium's lines, with a line that ends in a raised mark joined to the next when that
    goes on to the right along the same baseline ("tonnes.¹" / " The ...", or "tonnes." /
    "¹ The ..."); a raised mark on a line of its own joins the line it marks ("12,400" /
    "1"). A line of small digits alone, raised less than a line above the next and right
    before its first word (a footnote's own number, "¹" / " Measured at the outlet."), is
    raised too, and joined to it; a page number in a corner is neither. `page.raised`
    gains those digits."""
    boxes, glyphs = page.boxes, page.glyphs
    out: list[list[int]] = []
    for chars in printed:
        before = out[-1] if out else []
        last = next((i for i in reversed(before) if glyphs[i].strip()), None)
        first = next((i for i in chars if glyphs[i].strip()), None)
        if last is None or first is None or boxes[first][0] < boxes[last][0]:
            out.append(list(chars))
            continue
        marks, own = page.visible(before), page.visible(chars)
        size, baseline = _body(page, marks)
        if all(glyphs[i].isdigit() for i in own) and all(
            page.sizes[i] <= _SMALLER * size
            and boxes[i][1] >= baseline + _RAISED * size
            and boxes[i][0] - boxes[last][2] <= _NEXT_TO * size
            for i in own
        ):  # a mark PDFium set on a line of its own, after the word it marks
            page.raised.update(own)
            before.extend(chars)
            continue
        if all(glyphs[i].isdigit() for i in marks):
            next_size, next_baseline = _body(page, own)
            if (
                all(page.sizes[i] <= _SMALLER * next_size for i in marks)
                and all(
                    next_baseline + _RAISED * next_size <= boxes[i][1] <= next_baseline + next_size
                    for i in marks
                )
                and boxes[first][0] - boxes[last][2] <= _NEXT_TO * next_size
            ):
                page.raised.update(marks)
                before.extend(chars)
                continue
        if (last in page.raised or first in page.raised) and abs(
            _body(page, own)[1] - baseline
        ) <= _SAME_BASELINE * size:  # "2019." / "¹ The ...": the break was before the mark
            before.extend(chars)
            continue
        out.append(list(chars))
    return out


# --- page furniture ---------------------------------------------------------------------------
# Headers and footers are the highest and lowest few lines of a page, wherever PDFium puts
# them in its content order (a footer drawn before the body comes first).
_EDGE_LINES = 3
_APART = 1.5  # of the usual line spacing: the gap that sets a header or footer apart
# A line is furniture when it recurs in the same place on at least this share of the pages
# (and two): a running title, "Page 3 of 12", "CONFIDENTIAL". Two-fifths rather than a
# half, so that headers alternating between even and odd pages count too.
_RUNNING_SHARE = 0.4
_FOOTER_WORDS = 12  # at most, in a running line whose numbers count the pages
_DIGITS = re.compile(r"\d+")


def _line_key(text: str) -> str:
    """A line with its numbers masked and its spacing collapsed: "Page 3 of 12" and
    "Page 4 of 12" are one running line."""
    return _DIGITS.sub("#", " ".join(text.split())).casefold()


def _edges(page: Page, apart: bool = True) -> dict[int, str]:
    """The lines set apart at the top and at the foot of the page, by index, each with its
    place ("top 0", "bottom 1"): a header or footer keeps its place from page to page. Set
    apart: up to three lines, with a gap under them (over them, at the foot) wider than
    one and a half times the page's usual line spacing; a page whose lines run evenly
    from top to bottom has no furniture to tell apart. Without `apart`, the three highest
    and lowest lines: where a running line is already known (a page's footnotes may
    stand close over its "Page 2 of 8")."""
    by_height = sorted(range(len(page.lines)), key=lambda k: -page.lines[k].baseline)
    if not apart:
        places = {k: f"bottom {n}" for n, k in enumerate(reversed(by_height[-_EDGE_LINES:]))}
        places.update({k: f"top {n}" for n, k in enumerate(by_height[:_EDGE_LINES])})
        return places
    heights = [page.lines[k].baseline for k in by_height]
    steps = [a - b for a, b in pairwise(heights)]
    spacing = _median(step for step in steps if step > 0)
    if len(heights) < 3 or not spacing:
        return {}
    most = min(_EDGE_LINES, len(steps))
    bottom = next((n for n in range(1, most + 1) if steps[-n] > _APART * spacing), 0)
    most = min(_EDGE_LINES, len(steps) - bottom)  # the top's gap is not the foot's
    top = next((n for n in range(1, most + 1) if steps[n - 1] > _APART * spacing), 0)
    if top + bottom >= len(heights):
        return {}
    places = {k: f"top {n}" for n, k in enumerate(by_height[:top])}
    if bottom:
        places.update({k: f"bottom {n}" for n, k in enumerate(reversed(by_height[-bottom:]))})
    return places


def _running_key(page: Page, k: int, place: str) -> str:
    return f"{place}: {_line_key(page.lines[k].text)}"


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


def _heads_a_table(page: Page, k: int) -> bool:
    """Is the line a table's header row, repeated at the top of a page: the line under it
    has cell gaps in line with its own (a running header set in two parts, "Acme ·
    Annual plan" far left and "March 2026" far right, has prose under it)?"""
    below = [ln for ln in page.lines if ln.baseline < page.lines[k].baseline]
    under = max(below, key=lambda ln: ln.baseline, default=None)
    return under is not None and _overlap(page.lines[k].gaps, under.gaps)


def running_lines(pages: Sequence[Page], body: float) -> dict[str, bool]:
    """The lines that recur in the same place at the top or foot of many pages (a
    document's running headers, footers and page numbers), by place and `_line_key`, each
    with whether its words are the same on every page (a running title) or number the
    pages. A line that numbers the pages is short and no larger than the body text: a
    chapter's heading ("Chapter 3", set large) is none. A line at the top with cells under
    it is a table's header row repeated on each page (`_heads_a_table`), not furniture."""
    if len(pages) < 2:
        return {}
    # Set apart on one page at least (a full page's foot may stand close to its footer),
    # then counted wherever it stands at the page's top or foot.
    apart = {_running_key(page, k, place) for page in pages for k, place in _edges(page).items()}
    seen: dict[str, list[tuple[int, list[int]]]] = {}
    forms: dict[str, set[str]] = {}
    fits: dict[str, bool] = {}
    for index, page in enumerate(pages):
        for k, place in _edges(page, apart=False).items():
            line = page.lines[k]
            key = _running_key(page, k, place)
            if key not in apart:
                continue
            if line.gaps and place.startswith("top") and _heads_a_table(page, k):
                continue
            seen.setdefault(key, []).append((index, [int(n) for n in _DIGITS.findall(line.text)]))
            forms.setdefault(key, set()).add(" ".join(line.text.split()))
            small = len(line.text.split()) <= _FOOTER_WORDS and line.size <= body * 1.05
            fits[key] = fits.get(key, True) and small
    need = max(2, ceil(_RUNNING_SHARE * len(pages)))
    return {
        key: len(forms[key]) == 1
        for key, occurrences in seen.items()
        if len(occurrences) >= need
        and (len(forms[key]) == 1 or (fits[key] and _counts_pages(occurrences)))
    }


def furniture(page: Page, running: dict[str, bool], first: bool) -> set[int]:
    """The indexes of the page's running lines; none when they would be all its lines.
    The first page keeps those above its body whose words never change: a running title
    often carries the version and date that the title block leaves out, and it is quoted
    once, where the document begins."""
    edges = _edges(page, apart=False)
    found = {k for k, place in edges.items() if _running_key(page, k, place) in running}
    rest = [page.lines[k].baseline for k in range(len(page.lines)) if k not in found]
    if not rest:
        return set()
    if first:
        top = max(rest)
        found -= {
            k
            for k in found
            if page.lines[k].baseline > top and running[_running_key(page, k, edges[k])]
        }
    return found


# --- tables -----------------------------------------------------------------------------------
_CELL_GAP = 0.9  # of the font size: wider than a justified line's word space, narrower
# than the space between two cells (a cell's padding on both sides)
# Of the font size: a table's rows stand further apart than the lines of a cell's wrapped
# text (1.2: the usual leading), and two lines closer than half a size are one printed line.
_ROW_SPACING = 1.3
_SAME_LINE = 0.5
_TABLE_GAP = 2.5  # a line further below a table's last line than this is not in it
_EDGE_MARGIN = 0.5  # points: a column starts this far left of its first character
_PROSE_WORDS = 5  # a "table" of two columns whose cells average this many words is prose
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")


def is_marker(word: str) -> bool:
    """A list item's marker: one symbol or punctuation mark, a private-use glyph (word
    processors' bullets), a lone "o", or an enumerator ("3.", "(b)", "iv)")."""
    if len(word) == 1:
        return word == "o" or unicodedata.category(word)[0] in "SP" or word >= "\ue000"
    return bool(_ENUMERATOR.match(word))


def _cell_gaps(page: Page, visible: list[int]) -> list[tuple[float, float]]:
    """The gaps between consecutive visible characters of a line that are wider than a
    cell gap (for the larger font of the two), but the one after a list item's marker
    set apart by a hanging indent ("•    Blue-green algae", "3.   Turn off the supply")."""
    gaps = []
    for a, b in pairwise(visible):
        left, right = page.boxes[a][2], page.boxes[b][0]
        if right - left <= _CELL_GAP * max(page.sizes[a], page.sizes[b]):
            continue
        if not gaps and is_marker("".join(page.glyphs[i] for i in visible if i <= a)):
            continue
        gaps.append((left, right))
    return gaps


def _overlap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def _separators(page: Page, lines: list[Line]) -> list[float]:
    """Where a table's columns part: the right ends of the gaps, wider than a cell gap,
    that no row's characters cover. The right end rather than the middle: a column's
    words start where it does, and a cell's wrapped lines (not rows: no gaps of their
    own) may reach further right than any row's first line."""
    spans = sorted(
        (page.boxes[i][0], page.boxes[i][2], page.sizes[i])
        for line in lines
        for i in page.visible(line.chars)
    )
    out = []
    right, size = spans[0][1], spans[0][2]
    for left, end, this in spans[1:]:
        if left - right > _CELL_GAP * max(size, this):
            out.append(left - _EDGE_MARGIN)
        if end > right:
            right, size = end, this
    return out


def _spans_a_gap(line: Line, rows: list[Line]) -> bool:
    """Does a line without gaps of its own run across a gap between the rows' cells (from
    before it to past it)? A cell's wrapped text stays in its column; prose under the
    table runs across the columns."""
    return any(line.left < x0 and line.right > x1 for row in rows for x0, x1 in row.gaps)


def _table_end(page: Page, lines: list[Line], start: int) -> int:
    """Where the table whose header is `lines[start]` ends (the index after its last
    line), or `start` when there is none. PDFium gives a table cell by cell: a cell's
    wrapped lines come as lines without gaps, and the next cells of the same row may come
    after them, back up at the row's top. A line belongs to the table while it stays
    within one column (or its gaps line up with the rows before) and does not stand
    further below the table than a row does."""
    rows = [lines[start]]
    size = _median(line.size for line in rows)
    lowest = lines[start].baseline
    k = start + 1
    while k < len(lines):
        line = lines[k]
        if line.baseline < lowest - _TABLE_GAP * size:
            break
        if line.gaps:
            if not _overlap(rows[-1].gaps, line.gaps):
                break
            rows.append(line)
        elif _spans_a_gap(line, rows):
            break
        lowest = min(lowest, line.baseline)
        k += 1
    separators = _separators(page, rows) if len(rows) >= 2 else []
    if not separators:
        return start
    # After the last row, a line in the first column is the text under the table: a first
    # cell's wrapped lines come before the rest of its row (PDFium gives cells in order).
    last_row = max(j for j in range(start, k) if lines[j].gaps)
    for j in range(last_row + 1, k):
        if lines[j].left < separators[0]:
            return j
    return k


def _cells(page: Page, line: Line, separators: list[float]) -> list[str]:
    """The line's words in each column (a space goes with the word before it)."""
    cells: list[list[str]] = [[] for _ in range(len(separators) + 1)]
    column = None
    for i in line.chars:
        if page.glyphs[i].strip():
            middle = (page.boxes[i][0] + page.boxes[i][2]) / 2
            column = sum(middle > x for x in separators)
        if column is not None:
            cells[column].append(_written(page, i))
    return [" ".join(clean("".join(cell)).split()) for cell in cells]


def _table(page: Page, lines: list[Line]) -> list[str]:
    """A table's lines as Markdown rows, the first being the header. Lines on one
    baseline are one printed line; a printed line opens a new row when it stands a row's
    spacing below the one above, or when it has words in the first column and another
    while the row above has its first cell (a cell's wrapped text is in one column, or
    below the first; a header cell set low, "Share of" over "total", is above the first
    cell's line). Two columns of prose set line by line are columns, not a table: the
    left one's lines, then the right one's."""
    separators = _separators(page, [line for line in lines if line.gaps])
    size = _median(line.size for line in lines)
    printed: list[tuple[float, list[Line]]] = []
    for line in sorted(lines, key=lambda ln: -ln.baseline):
        if printed and abs(printed[-1][0] - line.baseline) < _SAME_LINE * size:
            printed[-1][1].append(line)
        else:
            printed.append((line.baseline, [line]))
    rows: list[list[list[str]]] = []
    above = 0.0
    for y, group in printed:
        cells: list[list[str]] = [[] for _ in range(len(separators) + 1)]
        for line in sorted(group, key=lambda ln: ln.left):
            for column, words in enumerate(_cells(page, line, separators)):
                if words:
                    cells[column].append(words)
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
    texts = [[" ".join(cell) for cell in row] for row in rows]
    words = [len(text.split()) for row in texts for text in row if text]
    if len(separators) == 1 and sum(words) >= _PROSE_WORDS * len(words):
        return [row[0] for row in texts if row[0]] + [row[1] for row in texts if row[1]]
    out = [table_row(row) for row in texts]
    return [out[0], header_rule(len(separators) + 1), *out[1:]]


# --- headings ---------------------------------------------------------------------------------
# A PDF has no heading marks: a heading is set larger than the body text, or in bold where
# the body is not. Such lines are written as Markdown headings ("## Opening hours"), as
# the HTML and DOCX readers write theirs, so that a slide's title or an unnumbered heading
# ("Summary") heads its section. Its wrapped lines, same size and weight, are one heading.
_LARGER = 1.15  # of the body's size: a heading's least
_HEADING_WORDS = 15  # at most: a longer line is a pull quote or a lead paragraph
_NOT_A_HEADING_END = re.compile(r"[.,;]\s*$")
_WRAPPED = 0.6  # of its column's width: a heading's line this wide may wrap on
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
    figure on a slide, "42 t/h"), no list marker before them, no stop or comma after."""
    words = text.split()
    return (
        0 < len(words) <= _HEADING_WORDS
        and any(len(word) >= 3 and word.isalpha() for word in words)
        and not (len(words[0]) == 1 and is_marker(words[0]))  # a bullet; "1." may number it
        and not _NOT_A_HEADING_END.search(text)
    )


def typography(pages: Sequence[Page]) -> Typography:
    """The body's size (the size most characters are set in) and whether it is bold, and
    the sizes larger than it that headings use."""
    weight: dict[float, int] = {}
    for page in pages:
        for line in page.lines:
            weight[round(line.size, 1)] = weight.get(round(line.size, 1), 0) + len(line.chars)
    if not weight:
        return Typography()
    body = max(weight, key=lambda size: weight[size])
    bold = {True: 0, False: 0}
    larger = set()
    for page in pages:
        for line in page.lines:
            if round(line.size, 1) == body:
                bold[line.bold] += len(line.chars)
            elif line.size >= _LARGER * body and not line.gaps and _heading_words(line.text):
                larger.add(round(line.size, 1))
    return Typography(body, bold[True] > bold[False], sorted(larger, reverse=True))


def _wraps_on(page: Page, line: Line, following: Line) -> bool:
    """Does a heading's line run on into the next (the same heading, wrapped)? The next
    opens in lower case, or this one is wide for its column (the lines that start where it
    does): a list of short bold lines is no heading."""
    column = [ln.right for ln in page.lines if abs(ln.left - line.left) <= line.size]
    width = max(column) - line.left
    return following.text.lstrip()[:1].islower() or (line.right - line.left) >= _WRAPPED * width


def render(
    page: Page, dropped: set[int] = frozenset(), type_: Typography | None = None
) -> tuple[str, list[tuple[int, int, int]]]:
    """The page's text, line by line, without the `dropped` lines, with its tables' rows
    written as rows and its headings as headings; and the headings' (start, end, level)
    in that text."""
    type_ = type_ or Typography()
    lines = [line for k, line in enumerate(page.lines) if k not in dropped]
    out: list[str] = []
    headings: list[tuple[int, int, int]] = []
    at = 0

    def emit(text: str) -> None:
        nonlocal at
        out.append(text)
        at += len(text) + 1

    k = 0
    while k < len(lines):
        end = _table_end(page, lines, k) if lines[k].gaps else k
        if end > k:
            for row in _table(page, lines[k:end]):
                emit(row)
            k = end
            continue
        level = type_.level(lines[k])
        if level is None:
            emit(lines[k].text)
            k += 1
            continue
        words = [lines[k].text.strip()]
        k += 1
        while (
            k < len(lines)
            and type_.level(lines[k]) == level
            and (lines[k].size, lines[k].bold) == (lines[k - 1].size, lines[k - 1].bold)
            and _wraps_on(page, lines[k - 1], lines[k])
            and len(" ".join(words).split()) + len(lines[k].text.split()) <= 2 * _HEADING_WORDS
        ):
            words.append(lines[k].text.strip())
            k += 1
        marks = "#" * level + " "
        headings.append((at + len(marks), at + len(marks) + len(" ".join(words)), level))
        emit(marks + " ".join(words))
    return "\n".join(out), headings


# --- pages joined -----------------------------------------------------------------------------
_SENTENCE_END = re.compile(rf"[.!?…:;][\"'”’)\]]*[{SUPERSCRIPT_DIGITS}]*\s*$")
_FULL_LINE = 0.8  # of the wrap width: a line this long ended because the next word did not fit
_BROKEN_WORD = re.compile(r"(\w+)-$")
_WORD_GOES_ON = re.compile(r"^([a-z]\w*)")


def wrap_width(pages: Sequence[str]) -> int | None:
    """The width the body text is set at, in characters (`ingest.structure.wrap_width`,
    over each page's lines; a blank line between pages keeps them apart). None for a
    document with too few wrapped lines (slides, forms): its pages then only run on into
    a lower-case line."""
    return text_wrap_width([line for page in pages for line in [*page.split("\n"), ""]])


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


def word_runs_on(page: str, following: str) -> bool:
    """Does the page end in a word hyphenated over the page break ("mainte-" / "nance")
    that is whole again (`unhyphenated`)?"""
    a, b = _BROKEN_WORD.search(page), _WORD_GOES_ON.match(following)
    return bool(a and b) and "-" not in unhyphenated(a.group(1), b.group(1))
