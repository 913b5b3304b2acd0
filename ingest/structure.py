"""A document's structure from its exact text: blocks, headings, section paths, sentences.

Plain text and Markdown are read the same way, line by line:

* A single line break inside a paragraph is wrapping, not a boundary. Blank lines,
  headings, list items, numbered clauses, fenced code and table rows are boundaries.
  A hard-wrapped text's wrap width is estimated (`_wrap_width`), so that a full line is
  known to run on and a short one to end early.
* Tables: Markdown `| a | b |` rows, and tables written as text (columns aligned by runs
  of spaces, reStructuredText simple tables): one row per unit.
* Headings: Markdown `#` and underlined headings, numbered headings in title or sentence
  case ("5. Termination.", "2.1 Data sources"), "ARTICLE IV" / "Section 3 — Fees", short
  title-like lines, a FAQ's questions, and a short first line (or a title wrapped over a
  few lines) as the document's title (with the title-like block under it, on a title
  page: `title_block`, or the name on the line under an issuer's line: `title_pair`); a
  short line right above a list heads it; in a definition list (a manual page's options,
  a glossary), each term heads its description, set in further. Not headings: bylines,
  numbered references, a reference number ("PL 20417/0093"), a table's caption in a
  document whose headings are marked.
* Each block has a section path ("5. Termination > 5.2 Notice"): the headings above it.
  Front and back matter ("Abstract", "References") are siblings of numbered sections;
  sub-headings after the last one, set as those inside the sections, are its own.
* Correspondence: an email's header fields, signature lines ("-- ") and the lines of an
  address or a list of names are one unit a line, not prose; each message of a thread is
  a section titled by its From field; quoted text ("> ") is read without its marks, as a
  text of its own that never runs on into the reply, titled by the line over it that
  says who wrote it ("On ... wrote:"), its sections ending where it ends; in a
  transcript, a speaker's turn ("MS. LEE: ...") is never a heading, and its speaker is
  the last part of its section path.
* Sentences are found inside blocks (qa.sentences), so they may span line breaks, and
  `text[start:end] == sentence.text` holds with the original newlines.

Hand-written: the readers of these formats that exist (markdown-it, mistune) parse
Markdown but not hard-wrapped plain text, and none returns character offsets into the
source for every sentence; the product promises exact offsets for every quote. Each
heading rule is a small named function returning its reason (`HEADING_RULES`).
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, takewhile

from qa.sections import DIVISIONS, heading_label
from qa.sentences import sentence_spans, set_in_capitals
from qa.text import (
    CLOCK,
    EMAIL,
    HEADER_FIELD,
    HONORIFICS,
    MONEY,
    QUOTE_MARKS,
    SPEECH_VERBS,
    STOPWORDS,
    goes_on_in_a_cell,
    has_digit,
    is_table_separator,
)
from qa.types import SECTION_SEPARATOR, Sentence

# The kinds of sentence (Sentence.kind): what the answerer may quote, and how.
TITLE, HEADING, SENTENCE, LIST_ITEM, CODE, TABLE_ROW = (
    "title",
    "heading",
    "sentence",
    "list_item",
    "code",
    "table_row",
)
HEADING_KINDS = frozenset({TITLE, HEADING})
QUOTED = "quoted"  # the style of an attribution's heading (`_attribution_headings`)
MESSAGE = "message"  # the style of a message's heading, its From field (`_message_headings`)
_MESSAGES = ((MESSAGE,), (QUOTED,))  # a thread's messages, written or quoted
TERM = "term"  # the style of a heading set out by its indent, with that indent (`_term_heads`)

_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 120
_MAX_QUESTION_WORDS = 25  # a FAQ's question is a longer heading than most
# Lines that run on into a next line needed to estimate a document's wrap width, and the
# first lines looked at for it (enough for any hard-wrapped text; bounds the cost).
_MIN_WRAPPED_LINES = 5
_WIDTH_SAMPLE_LINES = 2000
_MAX_TITLE_LINES = 3
_MAX_TITLE_CHARS = 200
# fmt: off
_SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "as", "per", "via", "vs", "v", "into", "onto", "under", "over", "than",
    "upon", "its", "their", "his", "her", "our", "your",
})
# A line that ends in one of these runs on into the next: a preposition, an article, a
# conjunction or a modal verb never ends a heading ("2.1 The tenancy is for a fixed term of
# 12 months, beginning on" is a clause wrapped early). Closed classes of English grammar.
_RUNS_ON = _SMALL_WORDS | frozenset({
    "within", "between", "before", "after", "until", "during", "without", "through",
    "across", "against", "among", "about", "that", "which", "whose", "if", "when", "where",
    "while", "because", "unless", "must", "shall", "may", "will", "should", "would", "can",
})
# fmt: on
_WH_CLAUSE = re.compile(r"^(?:what|who|whom|which|where|when|how|why)\b")
_PARTICLES = frozenset({"in", "on", "out", "up", "off", "over", "down", "back", "away"})

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")
# A rule of one character at any indent, unbroken: the overline and underline of a plain
# text's framed heading (`_framed_headings`).
_FRAME = re.compile(r"^\s*([-=*_~#^\"+])\1{2,}\s*$")
# reStructuredText's other section adornments ("~", "^", '"', "#" ... under a title, at
# least as long as the title): a heading below "=" and "-" (setext's two levels). Not a
# Markdown fence ("~~~" under "Example:" is shorter than the line it follows) nor a
# backtick run.
_ADORNMENT = re.compile(r"^\s{0,3}([~^\"'#*+:_.])\1{2,}\s*$")
_ADORNMENT_LEVEL = 3
# Bullets: Markdown's, and the glyphs word processors and PDFs set ("●", "➤", "✓", and
# Symbol's bullet in the private use area, U+F0B7).
_BULLET = re.compile(r"^\s*[-*+•◦▪‣–●○■□►➢➤✓✔→\uf0a7\uf0b7]\s+(?=\S)")
# "1." "1)" "(a)" "a)" "a." "(iv)" "iv)" "A)": an enumerated list item or clause; "A1."
# "R12)": an item's label (actions, requirements, recommendations: a capital and a number).
_ENUMERATOR = re.compile(
    r"^\s*(?:\((?:\d{1,3}|[a-zA-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\)"
    r"|(?:\d{1,3}|[a-zA-Z]|[ivxlcdm]{1,6})\)"
    r"|\d{1,3}\.(?!\d)|[a-z]\.|[A-Z]\d{1,3}[.)])\s+(?=\S)"
)
# "2.1 Scope", "5.2. Notice", "10.3.1 The Supplier shall ...": a numbered clause.
_CLAUSE = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\.?\s+(?=\S)")
# "ARTICLE IV", "Article 4 — Fees", "Section 3: Scope", "PART II. DEFINITIONS", "Schedule A"
# The division nouns are qa.sections.DIVISIONS (one list for ingest and the answerer), in
# capitals or title case; "Paragraph 3 ..." more often opens a sentence than labels one.
_LABEL_NOUNS = "|".join(
    form for d in DIVISIONS if d != "paragraph" for form in (d.upper(), d.capitalize())
)
_LABELLED = re.compile(
    rf"^\s*(?:{_LABEL_NOUNS}|§)\s*"
    r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7}|[A-Z])\b\.?(?P<rest>.*)$"
)
_LABEL_SEPARATOR = re.compile(r"^\s*(?:[—–:\-.]\s*)?")
_CLOSING = re.compile(r"[.!?;:,…][\"”’')\]]*$")
_SENTENCE_END = re.compile(r"[.!?:][\"”’')\]]*$")
# "...; and", "..., or": the end of a list item that the next one continues.
_ITEM_JOINER = re.compile(r"[;,]\s+(?:and|or)\s*$")
_TITLE_END = re.compile(r"[.;:,][\"”’')\]]*$")
# A text table's column rule: "=====  =======", "-----  -----".
_COLUMN_RULE = re.compile(r"^\s*(?:=+|-+)(?:\s+(?:=+|-+))+\s*$")
# A rule drawn under one column of a text table, indented to it (a sum follows); a rule
# at the margin is `_RULE`'s
_SUM_RULE = re.compile(r"^\s{4,}([-=_])\1{2,}\s*$")
_PROSE_GAP = re.compile(r"[.!?;:,][\"”’')\]]* {2}")
_NAME_SEPARATOR = re.compile(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")
_QUESTION_END = re.compile(r"\?[\"”’')\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?;][\"”’')\]]*\s")
# A message's header fields (RFC 5322: the fields a mail program shows above a message,
# in English): "From: A <a@b>", "Subject: ...". A run of two or more, one of them From,
# Date or Sent, opens a message in a thread; a line indented under a field continues it.
_MESSAGE_OPENERS = frozenset({"from", "date", "sent"})
# YAML front matter (static-site pages, note-taking apps): the document's first line is
# "---", then "key: value" fields (values may fold onto indented lines or list items) up to
# a closing "---" or "...". Its fields are units of their own, as a message's header is.
_FRONT_MATTER_FIELD = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
_FRONT_MATTER_ENDS = ("---", "...")
# The signature delimiter "-- " (RFC 3676), also typed without its trailing space.
_SIGNATURE = re.compile(r"^--[ \t]?$")
# A speaker's label opening a turn in a transcript, interview or Q&A: one to four
# capitalised words (titles with their stop: "DR. LEE", "THE WITNESS", "Q") and a colon.
_SPEAKER = re.compile(r"^\s*(?P<label>(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*):\s+\S")
_MIN_TURNS = 3  # a document with this many labelled turns is a dialogue
# A line stamped with a date and time, or a time in brackets: a chat message or a log entry
# ("[2026-03-14 02:17] ana.r: ...", "2026-03-14T02:17:05Z ERROR ...", "[02:17] <ana> ...").
# Such entries are written one per line: a stamped line is never the wrapped tail of the
# line before, whatever that line ends with.
_STAMPED = re.compile(
    r"^\s*\[?(?:\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}|\[\d{1,2}:\d{2})(?::\d{2})?[^\]\s]*\]?\s"
)
# A dot leader between a label and its value ("Full member ......... GBP 42", "Payments
# ... Kwame Asante"): a row of a price list, a rota or a table of contents. One row per
# line, in a run of such lines (`_leader_row`).
_LEADER = re.compile(r"\S[ \t]*\.{3,}[ \t]*\S")
_LONG_LEADER = re.compile(r"\S[ \t]*\.{5,}[ \t]*\S")  # no ellipsis: five dots or more
_MAX_LINE_CHARS = 90  # a line of an address or a list of names is short (unwrapped text)
# Markdown's emphasis opening a line ("**Jane Lee**", "_Chair_"): a bullet has a space
# after its mark, emphasis its first letter, and the same mark closes it on the line (a
# footnote's "*Under 3s travel free" does not).
_EMPHASIS_OPENS = re.compile(r"^(\*{1,3}|_{1,3})(?=[^\s*_])(?=[^\n]*?[^\s*_]\1)")
# A field: a label of a few words, a colon and its value ("Households supplied: 48,200",
# "Revenue: £24.7 million; operating costs: £19.1 million"), in a run of such lines
# (`_field_row`).
# a label may be set in Markdown's bold, with its colon or before it: "**Version:** 3.2";
# its words may be abbreviated ("Contact tel.:", "Account no.:")
_FIELD = re.compile(
    r"^\s*(?:\*\*|__)?[A-Z][\w'’()/&.-]*(?:[ \t]+[\w'’()/&.-]+){0,5}(?:\*\*|__)?:(?:\*\*|__)?[ \t]+\S"
)
# A question wholly in Markdown's strong emphasis ("**Can I renew my loans?**"), its words
# between the marks: words opening with a letter, a figure or a quote, and spaced (not
# "__init__" nor "**/build/**"), with no marks inside ("**Rent** and **fees**?").
_STRONG_QUESTION = re.compile(
    r"^\s{0,3}(\*\*|__)(?P<words>[\w\"“‘'](?:(?!\1).)* (?:(?!\1).)*\?)\1\s*$"
)
_NUMBER_PREFIX = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\.?(?:\s|$)")


@dataclass
class Block:
    """A paragraph, heading, list item, code block or table row: sentences never cross it."""

    kind: str  # "title" | "heading" | "paragraph" | "list_item" | "code" | "table_row"
    start: int  # where its content starts (after a bullet or '#' marks)
    end: int
    lines: int = 1
    enumerated: bool = False  # opens with "1." "(a)" "2.1": a list item, clause or heading
    marker_end: int = -1  # end of its enumerator ("5." of "5. Termination"), if enumerated
    level: int = 0  # heading level: Markdown's own, else by style (see `_levels`)
    style: tuple = ()
    section: str = ""  # the heading path, this heading included
    sentences: list[Sentence] = field(default_factory=list)
    # What a block is in correspondence, where it is not prose: "header" (a message's
    # header field), "signature" (after "-- "), "line" (a line of an address, a list of
    # names), "turn" (a speaker's turn, "NAME: text").
    role: str = ""
    depth: int = 0  # how deep it is quoted ("> > ...": 2), in a message quoting others
    # A table row under a header row: the header row's text (its column headings), so that
    # a row read away from the top of its table still says what its cells are.
    columns: str = ""
    columns_start: int = -1


@dataclass
class Structure:
    title: str
    blocks: list[Block]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks for s in b.sentences]

    def breaks(self) -> set[int]:
        """Where a passage must end: before each message of a thread after the first, and
        before each quoted one (a passage holding one sender's sign-off and the next
        sender's greeting would be in neither's section). The start offsets of the
        sentences that open them."""
        return {
            b.sentences[0].start
            for b in self.blocks[1:]
            if b.style[:1] in _MESSAGES and b.sentences
        }

    def sections(self) -> list[str]:
        """The section path of each sentence, in order."""
        return [b.section for b in self.blocks for _ in b.sentences]

    def columns(self) -> list[tuple[int, str]]:
        """For each sentence, in order: where its table's header row starts and its text,
        for a table row under a header row (`Block.columns`); (-1, "") otherwise."""
        return [
            (b.columns_start, b.columns) if b.columns else (-1, "")
            for b in self.blocks
            for _ in b.sentences
        ]


def analyse(text: str) -> Structure:
    """Blocks with section paths and sentences with exact offsets."""
    reading = _Reading.of(text)
    text = reading.text
    lines = _lines(text)
    width = _wrap_width(lines)
    outdented, terms = _sets_sections_out(lines), _term_indents(lines)
    blocks = _scan(text, lines, width, reading.depths, outdented, terms)
    for block in blocks:
        block.depth = reading.depths[reading.line_of(block.start)]
    blocks = _classify(text, blocks, width)
    if outdented or terms:
        _rank_set_out_headings(blocks, lines, reading.line_of, outdented, terms)
        _descriptions(text, blocks)
    _levels_and_sections(text, blocks)
    for block in blocks:
        block.sentences = _sentences(text, block)
    blocks = [b for b in blocks if b.sentences]
    titles = [_flat(text[b.start : b.end]) for b in blocks if b.kind == TITLE]
    title = " — ".join(titles[:2])  # a name under an issuer's line (`title_pair`)
    return Structure(title=title, blocks=[reading.in_source(b) for b in blocks])


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of a document, in order, with its kind."""
    return analyse(text).sentences


# --- quoted text ---------------------------------------------------------------------------
@dataclass
class _Reading:
    """A document as it is read: quoted lines ("> text", ">> text") without their marks.

    A message that quotes another has the other's paragraphs, lists, tables, signature
    and header inside its quote; without the marks they are found as in any text, and a
    sentence wrapped over quoted lines is one sentence. Offsets found in the reading are
    mapped back to the source (`in_source`), so `text[start:end] == sentence.text` holds
    for the source, marks and all."""

    source: str
    text: str
    depths: list[int]  # for each line, how deep it is quoted
    starts: list[int]  # where each line starts in the reading
    removed: list[int]  # the marks removed up to each line's start, that line's included

    @classmethod
    def of(cls, source: str) -> _Reading:
        depths, starts, removed, parts = [], [], [], []
        at, gone = 0, 0
        for raw in source.split("\n"):
            m = QUOTE_MARKS.match(raw)
            marks = m.group() if m else ""
            gone += len(marks)
            depths.append(marks.count(">"))
            starts.append(at)
            removed.append(gone)
            parts.append(raw[len(marks) :])
            at += len(raw) - len(marks) + 1
        return cls(source, "\n".join(parts) if gone else source, depths, starts, removed)

    def line_of(self, at: int) -> int:
        return bisect_right(self.starts, at) - 1

    def _start(self, at: int) -> int:
        return at + self.removed[self.line_of(at)]

    def _end(self, at: int) -> int:
        return self._start(at - 1) + 1 if at > 0 else 0

    def in_source(self, block: Block) -> Block:
        """The block with its offsets, and its sentences', in the source text."""
        if self.text is self.source:
            return block
        block.start, block.end = self._start(block.start), self._end(block.end)
        if block.marker_end >= 0:
            block.marker_end = self._end(block.marker_end)
        if block.columns_start >= 0:
            block.columns_start = self._start(block.columns_start)
        block.sentences = [
            Sentence(start=a, end=b, text=self.source[a:b], kind=s.kind)
            for s in block.sentences
            for a, b in [(self._start(s.start), self._end(s.end))]
        ]
        return block


# --- lines and blocks --------------------------------------------------------------------
@dataclass
class _Line:
    start: int
    end: int  # without the line break (and a '\r' before it)
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    out, at = [], 0
    for raw in text.split("\n"):
        end = at + len(raw)
        content = raw[:-1] if raw.endswith("\r") else raw
        out.append(_Line(at, at + len(content), content))
        at = end + 1
    return out


def _wrap_width(lines: list[_Line]) -> int | None:
    """`wrap_width` of the document's first lines."""
    return wrap_width([line.text for line in lines[:_WIDTH_SAMPLE_LINES]])


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a hard-wrapped text is wrapped at: the median length of the lines that a
    lower-case word continues (those are wrapped for sure; list items, table rows and
    unwrapped paragraphs, one to a line, are not counted). None when too few lines are:
    the text does not hard-wrap. One pass, no regex. (Also the PDF reader's, for a page
    that runs on into the next: `ingest.formats.pdf_layout`.)"""
    inner = sorted(
        len(a.rstrip()) for a, b in pairwise(lines) if a.strip() and b.lstrip()[:1].islower()
    )
    return inner[len(inner) // 2] if len(inner) >= _MIN_WRAPPED_LINES else None


def _wrapped(line: _Line | str | None, following: _Line | str | None, width: int | None) -> bool:
    """Did `line` end only because the next line's first word would not fit (wrapping)?
    A heading or a title's last line ends early: the next word would have fitted. This is
    how reflowing tools tell a wrapped line from a short one."""
    if line is None or following is None or width is None:
        return False
    line = line if isinstance(line, str) else line.text
    following = following if isinstance(following, str) else following.text
    word = following.split(maxsplit=1)[0] if following.strip() else ""
    return len(line.rstrip()) + 1 + len(word) > width


def _title_wraps(lines: list[str], width: int | None) -> bool:
    """A title hard-wrapped over a few lines ("Effects of storage temperature on\nthe
    shelf life of packaged goods"): each line but the last is full, and together they are
    short, start with a capital and hold no sentence end. A paragraph ends in a stop."""
    if not 2 <= len(lines) <= _MAX_TITLE_LINES:
        return False
    if not all(_wrapped(a, b, width) for a, b in pairwise(lines)):
        return False
    flat = _flat(" ".join(lines))
    first = next((c for c in flat if c.isalnum()), "")
    return (
        len(flat) <= _MAX_TITLE_CHARS
        and (first.isupper() or first.isdigit())
        and not _SENTENCE_BREAK.search(flat)
        and not _TITLE_END.search(flat)
    )


def wrapped_title(text: str) -> str | None:
    """The document's title when its first paragraph is a title wrapped over lines (see
    `_title_wraps`), with whitespace collapsed; None otherwise. For the format readers,
    so that the stored title and the structure's title agree."""
    lines = _lines(text)
    at = next((i for i, line in enumerate(lines) if not line.blank), None)
    if at is None:
        return None
    paragraph = []
    for line in lines[at : at + _MAX_TITLE_LINES + 1]:
        if line.blank or _SETEXT.match(line.text) or _FRAME.match(line.text):
            break  # an underline is the title's adornment, not a line of it
        paragraph.append(line.text)
    if not paragraph:
        return None
    first = paragraph[0]
    if _ATX.match(first) or _BULLET.match(first) or _ENUMERATOR.match(first) or "|" in first:
        return None
    return _flat(" ".join(paragraph)) if _title_wraps(paragraph, _wrap_width(lines)) else None


def title_block(text: str) -> str | None:
    """The title of a document whose first line stands over a second title-like block:
    both together, parted by " — " ("ACME LTD" over a blank line and "Annual Report 2025"
    gives "ACME LTD — Annual Report 2025"); None when the document does not open that way.

    A title page often sets the issuer, or the kind of document, on the first line and the
    document's own name under it; which of the two names the document the typography does
    not say (a letterhead's company over "Annual Report", "MASTER AGREEMENT" over "Between
    A and B"), so the title holds both. The first line stands alone (a blank line under
    it) and is short with no closing stop; the block under it is one to three short lines
    that stand alone too, with no sentence in them (no stop, no "?", not a line of figures
    such as a date, not a byline) and text after them. Not a Markdown "#" title (the
    writer marked it), nor a first paragraph that is a title wrapped over lines.
    Measured: the reference corpus's leaflet was titled "PACKAGE LEAFLET: INFORMATION FOR
    THE USER", in no word naming its medicine. None of the other 25 documents of the eval
    corpora and the seeds opens this way: those with an issuer's line over the name (a
    handbook, an annual report, a transcript) set the two on adjacent lines (`title_pair`)."""
    lines = _lines(text[: 4 * _MAX_TITLE_CHARS])
    at = next((i for i, line in enumerate(lines) if not line.blank), None)
    if at is None or at + 2 >= len(lines) or not lines[at + 1].blank:
        return None
    first = lines[at].text.strip()
    if _ATX.match(first) or _BULLET.match(first) or _ENUMERATOR.match(first) or "|" in first:
        return None
    if len(first) > _MAX_HEADING_CHARS or _TITLE_END.search(first) or _QUESTION_END.search(first):
        return None
    if not _title_like(first.rstrip("."), strict=False) or _figures_line(first):
        return None
    j = at + 2
    while j < len(lines) and lines[j].blank:
        j += 1
    block: list[str] = []
    while j < len(lines) and not lines[j].blank and len(block) <= _MAX_TITLE_LINES:
        block.append(lines[j].text.strip())
        j += 1
    if not block or len(block) > _MAX_TITLE_LINES or j >= len(lines):
        return None
    second = _flat(" ".join(block))
    if _SETEXT.match(block[0]) or _ATX.match(block[0]) or _BULLET.match(block[0]):
        return None
    if _ENUMERATOR.match(block[0]) or "|" in second or len(second) > _MAX_TITLE_CHARS:
        return None
    if any(len(line) > _MAX_HEADING_CHARS or _CLOSING.search(line) for line in block):
        return None
    if _SENTENCE_BREAK.search(second) or not _title_like(second, strict=False):
        return None
    if _figures_line(second) or _is_name_list(second) or _LABELLED.match(block[0]):
        return None
    if not text[lines[j - 1].end :].strip():
        return None  # the document is its title page: nothing under it
    return f"{_flat(first)} — {second}"


def title_pair(text: str) -> str | None:
    """The title of a document whose first line, an issuer's or a kind's, stands right
    over the document's name on the next line: both, parted by " — " ("Acme Water" over
    "Annual Report 2025" gives "Acme Water — Annual Report 2025"); None otherwise.
    See `_title_pair_lines`."""
    pair = _title_pair_lines(_lines(text[: 4 * _MAX_TITLE_CHARS]))
    return f"{_flat(pair[0].text)} — {_flat(pair[1].text)}" if pair else None


def _title_pair_lines(lines: list[_Line]) -> tuple[_Line, _Line] | None:
    """The first two lines of a title set over two adjacent lines in one typography (both
    in capitals, or both in title case): a letterhead's or an issuer's name over the
    document's own ("ACME LTD" over "EMPLOYEE HANDBOOK"), neither ending in a stop. The
    first line alone would name every document of its issuer alike. Not when a third such
    line follows (a letterhead's address, a list of names), when the second line is set
    otherwise ("ACME LTD" over "The Mill, Leeds": an address), is a date, a reference
    number, a byline or a labelled heading ("Section 1: Scope"), nor when nothing
    follows. Measured: of the eval corpora's documents, an annual report, a handbook and
    a transcript were titled by their issuer's line alone (two documents of one issuer
    shared a title)."""
    at = next((i for i, line in enumerate(lines) if not line.blank), None)
    if at is None or at + 2 >= len(lines) or lines[at + 1].blank:
        return None
    first, second, third = lines[at], lines[at + 1], lines[at + 2]
    if not _title_line(first.text.strip().rstrip(".")) or not _title_line(second.text.strip()):
        return None
    if _SETEXT.match(second.text) or _LABELLED.match(second.text):
        return None
    caps = set_in_capitals(first.text)
    if set_in_capitals(second.text) != caps:
        return None
    if not third.blank and _title_line(third.text.strip()) and set_in_capitals(third.text) == caps:
        return None
    if not "".join(line.text for line in lines[at + 2 :]).strip():
        return None
    return first, second


def _title_line(line: str) -> bool:
    """One line that may be part of a title: short, in title case or capitals, no mark
    of a list, a table, a sentence's end, a date or a byline."""
    if not line or _ATX.match(line) or _BULLET.match(line) or _ENUMERATOR.match(line):
        return False
    if "|" in line or _CLOSING.search(line) or _SENTENCE_BREAK.search(line):
        return False
    return _title_like(line, strict=True) and not _figures_line(line) and not _is_name_list(line)


def _scan(
    text: str,
    lines: list[_Line],
    width: int | None,
    depths: list[int],
    outdented: bool,
    terms: frozenset[int],
) -> list[Block]:
    """Cut the lines into blocks: what is a boundary, and what is wrapping. `depths`: how
    deep each line is quoted (`_Reading`); `outdented`: the text sets its sections out to
    the left (`_sets_sections_out`); `terms`: the indents of its definition lists'
    terms (`_term_indents`)."""
    blocks: list[Block] = []
    depth = 0
    current: Block | None = None
    fence: tuple[str, int] | None = None  # (marker, content start)
    in_table = False
    head: Block | None = None  # the header row of the table being read, if it has one
    run: str | None = None  # inside a message's header, a signature or an address
    previous_end = -1  # where the last line of that run ended
    opens_header = _header_openings(lines)

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
        current = None

    framed = _framed_headings(lines)
    for i, line in enumerate(lines):
        stripped = line.text.strip()
        if fence is not None:
            marker, content_start = fence
            closes = stripped.startswith(marker) and not stripped[len(marker) :].strip()
            unquoted = not line.blank and depths[i] < depth  # a fence left open in a quote
            if not closes and not unquoted:
                continue
            if line.start > content_start:
                blocks.append(Block(CODE, content_start, lines[i - 1].end))
            fence = None
            if closes:
                continue
        if i in framed:  # a framed heading's rule, or the heading itself
            close()
            in_table, head = False, None
            if framed[i]:
                blocks.append(Block(HEADING, line.start + _indent(line.text), line.end))
                blocks[-1].style, blocks[-1].level = ("md",), framed[i]
            continue
        if line.blank or depths[i] != depth:
            # Quoted text ("> ", read without its marks: `_Reading`) never runs on into
            # the reply, nor a reply into the text it quotes.
            close()
            in_table, head = False, None
            run = None
            previous_end = -1
            depth = depths[i] if not line.blank else depth
            if line.blank:
                continue
        if run is None and opens_header[i] and _separates_messages(text, current):
            close()  # "-----Original Message-----" right above the quoted message's header
        if run is None and current is None and (opens_header[i] or _opens_front_matter(lines, i)):
            run = "header"
        elif (
            run is None
            and current is None
            and not _field_row(line, _previous(lines, i), _next(lines, i), width)
            and not _grid_row(line, _previous(lines, i), _next(lines, i))
            and _opens_line_run(lines, i, width, outdented)  # after the cheap test: it reads ahead
        ):
            run = "line"  # an address or a signature; a run of fields is a list (`_field_row`)
        elif _SIGNATURE.match(line.text):
            close()
            run, previous_end = "signature", -1
            continue
        if run == "header" and stripped in _FRONT_MATTER_ENDS:
            run, previous_end = None, -1  # the end of front matter
            continue
        if run is not None:
            # A header is a run of fields, each a unit of its own (with the lines folded
            # under it). A signature or an address is one record, one unit: its name,
            # title and company belong together ("Ann Lee\nHead of Sales\nAcme Ltd").
            # A letterhead's first line stays a unit of its own: it is the title.
            first_line = len(blocks) == 1 and blocks[0].start == _skip_space(text, 0)
            opened = previous_end < 0 or blocks[-1].role != run or first_line
            if run == "header" and line.text[:1] in " \t" and blocks:
                blocks[-1].end = line.end
            elif run != "header" and not opened:
                blocks[-1].end, blocks[-1].lines = line.end, blocks[-1].lines + 1
            else:
                blocks.append(Block(TABLE_ROW, line.start + _indent(line.text), line.end, role=run))
            previous_end = line.end
            continue
        if level := _underline_level(text, current, line):
            current.kind, current.style, current.level = HEADING, ("md",), level
            current.enumerated, current.marker_end = False, -1
            close()
            continue
        if m := _FENCE.match(line.text):
            close()
            fence = (m.group(1)[0] * 3, line.end + 1)
            continue
        if m := _ATX.match(line.text):
            close()
            if m.group(2).strip():
                blocks.append(
                    Block(HEADING, line.start + m.start(2), line.start + m.end(2), style=("md",))
                )
                blocks[-1].level = len(m.group(1))
            continue
        if _SUM_RULE.match(line.text) and _row_above(text, _previous(lines, i), blocks):
            close()  # a rule under a column of the text table above: its sum follows
            in_table, head = False, None
            continue
        if _RULE.match(line.text):
            close()
            in_table, head = False, None
            continue
        if _COLUMN_RULE.match(line.text):
            close()  # indented past `_RULE`'s reach: layout, no row of the table
            continue
        if is_table_separator(line.text):
            # The row above was a table's header: it is a row, not a paragraph.
            if (
                current is not None
                and current.lines == 1
                and "|" in text[current.start : current.end]
            ):
                current.kind = TABLE_ROW
            close()
            in_table = True
            previous = _previous(lines, i)
            if (
                head is None  # a grid table rules every row: the first rule ends the header
                and blocks
                and blocks[-1].kind == TABLE_ROW
                and previous
                and blocks[-1].end == previous.end
            ):
                head = blocks[-1]  # a Markdown header row: the row right above "| --- |"
            continue
        if in_table and _continues_pipe_row(text, line, _previous(lines, i), blocks):
            blocks[-1].end = line.end  # a wrapped cell of the row above
            continue
        if stripped.startswith("|") or (in_table and "|" in stripped):
            close()
            blocks.append(Block(TABLE_ROW, line.start, line.end))
            if in_table and head is not None:
                blocks[-1].columns = _flat(text[head.start : head.end])
                blocks[-1].columns_start = head.start
            in_table = True
            continue
        in_table = False
        head = None
        previous = _previous(lines, i)
        row = _row_above(text, previous, blocks)
        if current is None and _continues_text_row(line, previous, row):
            blocks[-1].end = line.end  # a wrapped cell of the row above
            continue
        if _continues_field(text, line, previous, blocks, current):
            blocks[-1].end = line.end  # a field's value wrapped in its column
            continue
        following = _next(lines, i)
        if (
            (
                ("  " in stripped or "\t" in stripped)
                and _text_table_row(
                    line, row or _row_over_a_rule(text, lines, i, blocks) or previous, following
                )
            )
            or _grid_row(line, previous, following)
            or _over_a_grid(line, lines, i)
            or (current is None and _row_across_a_blank(text, line, blocks))
        ):
            if _opens_with_a_wrapped_cell(text, line, previous, current, blocks):
                current.kind, current.end, current.lines = TABLE_ROW, line.end, 2
                close()  # the row's first cell wrapped onto this line, which goes on
                continue
            close()
            blocks.append(Block(TABLE_ROW, line.start + _indent(line.text), line.end))
            continue
        if _leader_row(line, previous, following) or _field_row(line, previous, following, width):
            close()
            blocks.append(Block(LIST_ITEM, line.start + _indent(line.text), line.end))
            continue
        if _STAMPED.match(line.text):
            close()
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        if current is None and (strong := _strong_over_text(lines, i, depths)):
            blocks.append(Block(HEADING, line.start + strong[0], line.start + strong[1]))
            continue
        if m := _BULLET.match(line.text):
            if _heads_list(text, current, previous, line, width):
                current.kind = HEADING  # "Package contents" over "- a charger" "- a cable"
            close()
            current = Block(LIST_ITEM, line.start + m.end(), line.end)
            continue
        enum = _ENUMERATOR.match(line.text) or _CLAUSE.match(line.text)
        if enum and (
            _may_open_block(
                previous, current, list_item=True, wrapped=_wrapped(previous, line, width)
            )
            or _opens_numbered_list(lines, i)
        ):
            if _heads_list(text, current, previous, line, width):
                # "What is in this leaflet" over the numbered list it names: the line ends
                # where the list starts, in wrapped text or not.
                current.kind = HEADING
            close()
            current = Block(
                "paragraph",
                line.start + len(line.text) - len(line.text.lstrip()),
                line.end,
                enumerated=True,
                marker_end=line.start + enum.end(),
            )
            continue
        if _LABELLED.match(line.text) and _may_open_block(previous, current):
            close()
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        if current is not None and _title_line_inside(line, previous, lines, i, current):
            close()
            blocks.append(Block(HEADING, line.start + _indent(line.text), line.end))
            continue
        if current is None:
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        if _term_under_a_description(lines, i, terms):
            close()  # "-q, --quiet" under the last line of "-n"'s description
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        if current.lines == 1 and _term_heads(current, lines, i - 1, terms):
            current.kind, current.style = HEADING, (TERM, _indent(previous.text))
            close()
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        # A heading line opening a block ("5. TERMINATION", "2.1 Scope") ends there when
        # the next line starts a sentence of its own.
        first = text[current.start : current.end]
        if _question_over_its_answer(current, first, line):
            close()  # a FAQ's question, its answer on the next line: blocks apart
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        if (
            current.kind == "paragraph"
            and current.lines == 1
            and (
                _heading_text(
                    first,
                    current,
                    sentence_case=not _wrapped(previous, line, width),
                    over_a_field=_FIELD.match(line.text) is not None,
                )
                or (
                    _title_first_line(first, blocks, current)
                    and not _wrapped(previous, line, width)
                )
                or _short_line_heading(first, current, previous, line, width)
            )
            and (_opens_sentence(line.text) or (outdented and _outdented_over(first, line)))
            and not _hangs_under_a_cell(first, line)
            and not _row_out_of_line(text, current, blocks)
        ):
            current.kind = HEADING
            close()
            current = Block("paragraph", line.start + _indent(line.text), line.end)
            continue
        current.end = line.end  # wrapping: the same paragraph goes on
        current.lines += 1
    close()
    if fence is not None:  # an unclosed fence runs to the end of the document
        marker, content_start = fence
        if content_start < len(text) and text[content_start:].strip():
            blocks.append(Block(CODE, content_start, lines[-1].end))
    return blocks


def _heads_list(
    text: str, current: Block | None, previous: _Line | None, line: _Line, width: int | None
) -> bool:
    """A paragraph of one short line in sentence case, with no closing punctuation, right
    above the first item of a list (bulleted or numbered) that `line` opens, is the list's
    heading ("Package contents" over "- a charger" "- a cable"): the line ends where the
    list starts, so it is no sentence's first line, and a lead-in to a list ends in a colon
    ("You will need:"). Not when the line is full (`_wrapped`: a sentence running on).
    Measured: the reference corpus's leaflet left the line over its list of ingredients a
    paragraph, the list's items under the heading above it."""
    return (
        current is not None
        and current.kind == "paragraph"
        and current.lines == 1
        and not _wrapped(previous, line, width)
        and _sentence_case_line(text[current.start : current.end], current)
    )


_STRONG_MAX_CHARS = 150  # "Do I have to return items to the library I borrowed them from?"


def _strong_over_text(lines: list[_Line], i: int, depths: list[int]) -> tuple[int, int] | None:
    """Line `i`, opening a block, is a question wholly in Markdown's strong emphasis, and
    text follows it on the next line: a heading over that text, as a FAQ sets each
    question in bold over its answer ("**Can I renew my loans?**" over "Yes — up to 5
    times ..."). Where its words start and end in the line: the marks are no part of the
    heading. (Markdown runs the two lines into one paragraph, which read its question and
    the answer's first sentence as one sentence.) Only a question: a bold sentence, label,
    date or name over text ("**Important:**", "**Last updated: 1 March 2024**", "**Prof.
    Alan Grey**" over "Editor") heads no section running to the next heading."""
    m = _STRONG_QUESTION.match(lines[i].text)
    if m is None or len(m.group("words").strip()) > _STRONG_MAX_CHARS:
        return None
    following = _next(lines, i)
    if following is None or following.blank or depths[i + 1] != depths[i]:
        return None
    return m.start("words"), m.end("words")


def _framed_headings(lines: list[_Line]) -> dict[int, int]:
    """The lines of headings framed between two rules of the same character, as a plain
    text centres them ("JUDGMENT" between two lines of dashes, all three indented to the
    middle of the page; reStructuredText's overlined title): one short line that is no
    rule, with a blank line (or the text's start and end) around the three. A lone
    indented rule stays what it was (a sum's rule in a text table, a line under an
    indented code line): only the frame counts. Each rule's index maps to 0, the heading's
    to its level: 1 under "=", else 2 (as a setext underline)."""
    found: dict[int, int] = {}
    for i in range(len(lines) - 2):
        over, title, under = lines[i : i + 3]
        m = _FRAME.match(over.text)
        if not m or not (n := _FRAME.match(under.text)) or m.group(1) != n.group(1):
            continue
        before = _previous(lines, i)
        after = lines[i + 3] if i + 3 < len(lines) else None
        if (before and not before.blank) or (after and not after.blank):
            continue
        if title.blank or _FRAME.match(title.text) or _opens_front_matter(lines, i + 1):
            continue  # (one field between "---" lines is a YAML front matter)
        if len(title.text.split()) > _MAX_HEADING_WORDS:
            continue
        found.update({i: 0, i + 1: 1 if m.group(1) == "=" else 2, i + 2: 0})
    return found


def _underline_level(text: str, current: Block | None, line: _Line) -> int | None:
    """The heading level that `line` gives the one-line paragraph above it by underlining
    it: 1 for "=" and 2 for "-" (Markdown's setext, `_underlines`), `_ADORNMENT_LEVEL` for
    reStructuredText's other adornments (`_ADORNMENT`), which must be at least as long as
    the title, as the format requires (a shorter "~~~" is a Markdown fence); None when it
    underlines nothing."""
    if current is None or current.kind != "paragraph" or current.lines != 1:
        return None
    if m := _SETEXT.match(line.text):
        return (1 if m.group(1)[0] == "=" else 2) if _underlines(text, current, line) else None
    title = text[current.start : current.end].strip()
    if _ADORNMENT.match(line.text) and len(line.text.strip()) >= len(title):
        return _ADORNMENT_LEVEL
    return None


def _underlines(text: str, current: Block, line: _Line) -> bool:
    """Does the rule `line` underline the one-line paragraph above it, making it a heading
    (Markdown's setext, reStructuredText's section title)? Always, unless that line opens
    with a number: "1. Buy milk" over "---" is a list item over a rule, but a numbered
    line over a rule as long as itself is a title (reStructuredText's own condition), as
    a changelog's "2.4.1 - 2026-09-14" over "------------------".
    Measured: the techdoc corpus's changelog lost all of its release headings, its
    "Added" and "Fixed" lists under no version."""
    if not current.enumerated:
        return True
    return len(line.text.strip()) >= len(text[current.start : current.end].strip())


def _header_openings(lines: list[_Line]) -> list[bool]:
    """For each line, whether it opens a message's header: a run of two or more header
    fields (lines folded under a field count with it), one of them naming the sender or
    the date. Read from the end in one pass, each run's fields counted once (a check from
    each line on to the end of its run made a long run of fields cost n^2)."""
    n = len(lines)
    fields = [0] * (n + 1)  # the header fields of the run from this line on
    opener = [False] * (n + 1)  # one of them names the sender or the date
    unfolded = n  # the first line from here on that is not folded under the one before
    for i in range(n - 1, -1, -1):
        line = lines[i]
        m = HEADER_FIELD.match(line.text)
        if m:
            nxt = unfolded
            fields[i] = 1 + (fields[nxt] if nxt < n else 0)
            opener[i] = m.group("name").lower() in _MESSAGE_OPENERS or (
                nxt < n and fields[nxt] > 0 and opener[nxt]
            )
        if line.blank or line.text[:1] not in " \t":
            unfolded = i
    return [fields[i] >= 2 and opener[i] for i in range(n)]


# A line that parts one message of a thread from the one it quotes: words between runs of
# dashes or underscores ("-----Original Message-----", "---------- Forwarded message ---------").
_MESSAGE_SEPARATOR = re.compile(r"^\s*[-_=]{2,}\s*[A-Za-z][\w ]*?\s*[-_=]{2,}\s*$")


def _separates_messages(text: str, current: Block | None) -> bool:
    """The block being read is one line that parts two messages (`_MESSAGE_SEPARATOR`):
    the header under it opens a message, with no blank line between them."""
    return (
        current is not None
        and current.lines == 1
        and _MESSAGE_SEPARATOR.match(text[current.start : current.end]) is not None
    )


def _opens_front_matter(lines: list[_Line], i: int) -> bool:
    """Line `i` opens a document's YAML front matter: it follows the document's first line,
    "---", and fields run from it to a closing "---" or "..."."""
    first = next((k for k, line in enumerate(lines) if not line.blank), None)
    if first is None or i != first + 1 or lines[first].text.strip() != "---":
        return False
    for line in lines[i:]:
        stripped = line.text.strip()
        if stripped in _FRONT_MATTER_ENDS:
            return True
        if line.blank:
            return False
        folded = line.text[:1] in " \t" or stripped.startswith("- ")
        if not folded and not _FRONT_MATTER_FIELD.match(line.text):
            return False
    return False


def _opens_line_run(lines: list[_Line], i: int, width: int | None, outdented: bool) -> bool:
    """Line `i` opens a paragraph of short lines, each ending where the writer broke it,
    not where it wrapped: an address, a list of names, a signature, a dateline ("Mr A
    Lee\nManaging Director\nAcme Ltd"). Each line opens with a capital or a digit, and
    only the last may end a sentence; a wrapped paragraph's lines are long, or run on
    into a lower-case word."""
    # Line by line, without gathering the paragraph first: a check fails on the first lines
    # of most paragraphs, and gathering made a block of n lines cost n^2 (10,000 lines
    # of fields took seconds).
    if i >= len(lines) or lines[i].blank or (outdented and _over_a_term(lines, i)):
        return False  # a manual page's "ENVIRONMENT" over "       LOGTRIM_CONFIG": no address
    # A run that opens in Markdown's emphasis is a signature or a letterhead ("**Jane
    # Lee**" over "Chair of Trustees" and "Email: ...") only where its first line is a
    # title and every other a title or a field: "**Pros**" over "Cheap to run" is a
    # heading over its lines, and "**Contact us**" over "Phone: ..." a caption over its
    # fields.
    emphasised = _EMPHASIS_OPENS.match(lines[i].text.strip()) is not None
    j = 0
    while i + j < len(lines) and not lines[i + j].blank:
        line = lines[i + j]
        following = lines[i + j + 1] if i + j + 1 < len(lines) else None
        last = following is None or following.blank
        if j == 0 and last:
            return False  # one line is no run
        text = _EMPHASIS_OPENS.sub("", line.text.strip())  # "**Jane Lee**" opens with J
        if emphasised and not _signature_line(line, text, first=j == 0):
            return False
        if (
            len(text) > (width or _MAX_LINE_CHARS)
            or not _opens_sentence(text)
            or text[:1] in "-*•("
        ):
            return False
        if _BULLET.match(line.text) or _numbered(line.text):
            return False  # a list's item, or a clause's number ("1.1 Product identifier")
        if "|" in text and not (last and j):
            return False  # a table's row; a signature's last line may part "phone | web"
        if "  " in text or "\t" in text:
            return False  # cells parted by runs of spaces: a table written as text
        if _SENTENCE_BREAK.search(text) or (j == 0 and _LABELLED.match(text)):
            return False  # prose, or a labelled heading over its text
        if re.search(r"[.!?][\"”’')\]]*$", text) and not (last and j + 1 >= 3):
            return False  # a heading over one line of text ("Scope\nIt applies to all.")
        if following is not None and not last and _wrapped(line, following, width):
            return False
        j += 1
    return True


def _signature_line(line: _Line, text: str, first: bool) -> bool:
    """A line of a signature or a letterhead set in Markdown's emphasis: a title first
    ("Jane Lee"), then titles or fields ("Chair of Trustees", "Email: jane@x.org")."""
    field = _FIELD.match(line.text) is not None
    title = _title_like(text, strict=True)
    return title and not field if first else title or field


def _columns(line: str, ruled: bool = False) -> tuple[set[int], set[int]] | None:
    """Where the cells of a text-table row start and end (past the first cell), the cells
    being parted by runs of two or more spaces or a tab; a column rule ("=====  =====")
    parts them by any space. None for fewer than two cells, and for prose typed with two
    spaces after a full stop ("...sat.  The dog"): a cell does not end in a stop, unless
    the line is `ruled` (next to a column rule, as a header row is: "No.  Trail")."""
    cells = _cells_of(line, r"\s+" if _COLUMN_RULE.match(line) else _CELL_GAP)
    if len(cells) < 2:
        return None
    if not ruled and _PROSE_GAP.search(line) and not _comma_cells(line, cells):
        return None
    return {m.start() for m in cells[1:]}, {m.end() for m in cells[:-1]}


def _comma_cells(line: str, cells: list[re.Match[str]]) -> bool:
    """Three cells or more, of which those before a gap end in a comma at most, padded by
    three spaces or more ("Ibuprofen   400 mg   Three times a day,   5 days"): a cell may
    end in a comma. Prose typed with two spaces after a stop has a stop before them, and
    justified prose two spaces after its commas ("for  the  works,  which")."""
    return len(cells) >= 3 and not any(
        _PROSE_GAP.match(line, m.end() - 1)
        and not (line[m.end() - 1] == "," and line.startswith("   ", m.end()))
        for m in cells[:-1]
    )


def _hangs_under_a_cell(first: str, line: _Line) -> bool:
    """`line` is indented to where a later cell of `first` starts: a record whose cells
    are padded into columns goes on under its second cell ("Outbound  Mon 12 May 2025
    Aurelia Air AU 2417" over "          Manchester (MAN) Terminal 2 dep 07:15"), as a
    field's value wraps into its column. Three cells or more: a heading set out in two
    ("Chapter 3   Installing the Software") may wrap under its title's cell."""
    return _indent(line.text) in _later_cells(first)


def _later_cells(line: str) -> set[int]:
    """Where the cells after the first start, on a line of three cells or more parted by
    runs of spaces (`_columns`); empty for fewer."""
    columns = _columns(line)
    return columns[0] if columns is not None and len(columns[0]) >= 2 else set()


def _row_out_of_line(text: str, current: Block, blocks: list[Block]) -> bool:
    """A line of three cells or more parted by runs of spaces, right under a table's row,
    whose own cells do not line up with it ("Child under 5      Free      Free" under
    "Child (5-15)      £8.50   £5.00"): a row of that table, not a heading over the rows
    after it. Not a heading set out in cells ("4.2   Electrical Requirements   (normative)")
    after text."""
    if not blocks or not _later_cells(text[current.start : current.end]):
        return False
    above = blocks[-1]
    return above.kind == TABLE_ROW and text.count("\n", above.end, current.start) == 1


def _aligned(a: tuple[set[int], set[int]] | None, b: tuple[set[int], set[int]] | None) -> bool:
    """Two lines' cells start or end at a shared column: one table, not two spaced lines."""
    return a is not None and b is not None and bool(a[0] & b[0] or a[1] & b[1])


def _text_table_row(line: _Line, previous: _Line | None, following: _Line | None) -> bool:
    """A line of a table written as text: cells parted by runs of spaces, in columns that
    line up with the line above or below (a table row or its column rule). Two spaces
    after a full stop in prose do not line up from one line to the next."""
    ruled = any(o is not None and _COLUMN_RULE.match(o.text) for o in (previous, following))
    columns = _columns(line.text, ruled)
    if columns is not None and len(columns[0]) == 1 and _numbered(line.text):
        return False  # "3.4  Contents in the garden. We will ...": a clause, spaced
    return columns is not None and any(
        other is not None
        and not other.blank
        and (_aligned(columns, _columns(other.text)) or _sums_aligned(line, other))
        for other in (previous, following)
    )


def _sums_aligned(line: _Line, other: _Line) -> bool:
    """Both lines end in a cell that is a figure, the two ending in one column: figures
    are set flush right ("£646.50" under "£36.00"), so their cells start in different
    columns. Only figures: the ragged end of a text cell lines up by chance, and every
    line of justified prose ends in one column."""
    ends = [_last_figure_cell(o.text) for o in (line, other)]
    return ends[0] is not None and ends[0] == ends[1]


_CELL_GAP = r" {2,}|\t"  # what parts the cells of a table written as text


def _cells_of(line: str, gap: str = _CELL_GAP) -> list[re.Match[str]]:
    """The cells of a text-table row, parted by `gap` (runs of two spaces or more or a
    tab; a column rule's dashes, by any space)."""
    return list(re.finditer(rf"\S(?:(?!{gap}).)*", line))


def _figure_cells(line: str) -> set[int]:
    """Where each cell of the line that is a figure ends ("5,262" of "NET INCOME   5,262")."""
    return {m.end() for m in _cells_of(line)[1:] if _FIGURE.fullmatch(m.group())}


def _last_figure_cell(line: str) -> int | None:
    """Where the line's last cell ends, if it is a figure and not its only cell."""
    cells = _cells_of(line)
    return cells[-1].end() if len(cells) > 1 and _FIGURE.fullmatch(cells[-1].group()) else None


# A figure standing as a cell of a grid: "0615", "12.50", "£5.20", "1,200", "45%".
_FIGURE = re.compile(r"[-+−]?[(£$€]?\d[\d.,:/%]*\)?")
_GRID_COLUMNS = 3  # two shared columns happen in prose with numbers; three do not


def _figures(line: str) -> list[tuple[int, int]]:
    """Where the figures that end the line start and end: the run of figures after its
    last word ("Market Cross 0621 0711" has two; "Admitted: Tuesday 11 March 2025, 08:15"
    one, a field's value and not a grid's cells). Most lines end in a word: they are
    told by their last token alone, without reading the rest (this runs on every line)."""
    last = line.rsplit(None, 1)[-1:]
    if not last or not _FIGURE.fullmatch(last[0]):
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", line)]
    run: list[tuple[int, int]] = []
    for start, end, token in reversed(tokens):
        if not _FIGURE.fullmatch(token):
            break
        run.append((start, end))
    return run[::-1]


def _figure_ends(line: str) -> set[int]:
    """Where each figure of a grid row's cells ends (its column)."""
    return {end for _, end in _figures(line)}


def _grid_row(line: _Line, previous: _Line | None, following: _Line | None) -> bool:
    """A row of a grid of figures whose cells are parted by single spaces, lined up with
    the row above or below: three of its figures or more end in the same columns as theirs
    ("Market Cross 0621 0711 0751" over "Tillingham Green 0634 0724 0804", set in columns).
    Such a row has no run of two spaces to part its cells, where its first cell is long
    ("Marrowby Bus Station (Stand D) 0615 0705"), and it opens a sentence of its own."""
    ends = _figure_ends(line.text)  # first: most lines end in no figure
    if len(ends) < _GRID_COLUMNS or not _may_be_a_grid_row(line):
        return False
    return any(
        other is not None
        and _may_be_a_grid_row(other)
        and len(ends & _figure_ends(other.text)) >= _GRID_COLUMNS
        for other in (previous, following)
    )


def _may_be_a_grid_row(line: _Line) -> bool:
    """Not a list item ("- Mon 0900 1300 1700" is an item that lists times) nor a line of
    prose going on in lower case ("rolled 3 4 6" under "Ann rolled 2 5 6 and"): wrapped
    prose whose figures happen to line up is no grid."""
    text = line.text.lstrip()
    return (
        bool(text)
        and not text[0].islower()
        and not _BULLET.match(line.text)
        and not _numbered(line.text)
    )


def _row_across_a_blank(text: str, line: _Line, blocks: list[Block]) -> bool:
    """A row of figures set a blank line apart from the table above it ("NET INCOME FOR
    THE YEAR      5,262      5,858" under the expenditure's total, "Deposit paid
    -£168.00" under the total of a bill): its cells are parted by runs of spaces, and
    its figures end in the columns of the figures of that table's last row (two of them,
    where that row has two or more). Alone between blank lines, it had been a heading
    in capitals over the rest of the document, or a paragraph."""
    if not blocks or blocks[-1].kind != TABLE_ROW or _columns(line.text) is None:
        return False
    row_end = blocks[-1].end
    if text[row_end : line.start].count("\n") != 2 or text[row_end : line.start].strip():
        return False
    last = _figure_cells(text[text.rfind("\n", 0, row_end) + 1 : row_end])
    return bool(last) and len(_figure_cells(line.text) & last) >= min(2, len(last))


def _over_a_grid(line: _Line, lines: list[_Line], i: int) -> bool:
    """A line of column codes over a grid of figures ("S" over the column of a journey
    that runs on schooldays only, "Sat" over "0930"): each of its words stands within the
    width of a figure of the row below. It belongs to the grid: no heading of the text
    below it, nor a sentence. A heading centred over the columns ("Monday to Friday")
    is wider than any figure, and heads the rows."""
    following, after = _next(lines, i), _next(lines, i + 1)
    if following is None or not _grid_row(following, None, after):
        return False
    figures = _figures(following.text)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line.text)]
    return bool(words) and all(
        any(start_ <= start and end <= end_ for start_, end_ in figures) for start, end in words
    )


def _numbered(line: str) -> bool:
    """The line opens with a list item's or a clause's number ("3.", "(b)", "4.2")."""
    return bool(_ENUMERATOR.match(line) or _CLAUSE.match(line))


def _leader_row(line: _Line, previous: _Line | None, following: _Line | None) -> bool:
    """A row of a list written with dot leaders: the line and the one above or below it
    join a label to its value with a run of dots (`_leads`), one of them with a run too
    long for an ellipsis (`_LONG_LEADER`: "unsure ... about it" on two lines is prose).
    Each row is a unit of its own, as a list item is: "Household membership ... GBP 60"
    is the answer to its own question, not a part of one long sentence of every row."""
    if _BULLET.match(line.text) or not _leads(line):
        return False  # a bulleted row is a list item already, with its marker left out
    pair = [o for o in (previous, following) if o is not None and _leads(o)]
    return any(_LONG_LEADER.search(t.text) for t in (line, *pair)) and bool(pair)


def _next(lines: list[_Line], i: int) -> _Line | None:
    return lines[i + 1] if i + 1 < len(lines) else None


def _previous(lines: list[_Line], i: int) -> _Line | None:
    return lines[i - 1] if i else None


def _field_row(
    line: _Line, previous: _Line | None, following: _Line | None, width: int | None
) -> bool:
    """A row of a list of fields: the line and the one above or below it each give a
    label, a colon and a value (`_is_field`). "Households supplied: 48,200" answers its
    own question, as a dot-leader row does, not as a part of one long sentence of every
    field of a "year at a glance"."""
    if _BULLET.match(line.text) or not _is_field(line, following, width):
        return False
    if following is not None and _in_value_column(following, _value_column(line.text)):
        return True  # "Applicant:   Mr D Ashworth" over "             14 Larch Close": a field
    before = previous is not None and (
        _is_field(previous, line, width) or _in_value_column(previous, _value_column(line.text))
    )
    return before or (following is not None and _is_field(following, None, width))


def _is_field(line: _Line, following: _Line | None, width: int | None) -> bool:
    """A line of a label, a colon and a value that ends no sentence and does not run on
    into the next line (a full line, or one ending in a word that runs on: `_runs_on`): a
    turn of a transcript ("MR LEE: We did inspect it.") ends a sentence, or runs on. The
    values of a schedule are padded to a column: a full line over a field with its value
    in that column did not wrap ("First payment:   £1,385 payable on or before 1 April
    2025" over "Deposit:         £1,598"), and a line indented to it goes on with the value
    (`_in_value_column`)."""
    if not _FIELD.match(line.text) or line.text.rstrip().endswith((".", "!", "?")):
        return False
    column = _value_column(line.text)
    if following is not None and _in_value_column(following, column):
        return True  # its value wraps in its own column
    return not _runs_on(line.text) and not (  # "Warning: do not use it near water or"
        following is not None
        and _wrapped(line, following, width)
        and (column is None or column != _value_column(following.text))
    )


# A field's label, its colon and the spaces that pad its value to a column.
_PADDED_LABEL = re.compile(r"^\s*[A-Z][^:\n]{0,60}:(?:[ \t]{2,}|\t)(?=\S)")


def _value_column(text: str) -> int | None:
    """Where a field line's value starts when it is padded to a column, else None."""
    m = _PADDED_LABEL.match(text)
    return m.end() if m else None


def _in_value_column(line: _Line, column: int | None) -> bool:
    """`line` is no field and is indented to `column`, a field's value column above it:
    that value wrapped ("Holding deposit:   £319, to be credited against the" / "
    first month's Rent")."""
    return column is not None and _indent(line.text) == column and not _FIELD.match(line.text)


def _continues_field(
    text: str, line: _Line, previous: _Line | None, blocks: list[Block], current: Block | None
) -> bool:
    """`line` goes on with the value of the field item right above it, in its column."""
    if current is not None or previous is None or not blocks or blocks[-1].kind != LIST_ITEM:
        return False
    item = blocks[-1]
    if item.end != previous.end:
        return False
    opening = text.rfind("\n", 0, item.start) + 1  # the item's first line, its label's
    closing = text.find("\n", opening)
    label = text[opening:] if closing < 0 else text[opening:closing]
    return _in_value_column(line, _value_column(label))


def _leads(line: _Line) -> bool:
    """A label, a leader and a value that ends no sentence ("We waited ... and then it
    came." is prose)."""
    return bool(_LEADER.search(line.text)) and not line.text.rstrip().endswith((".", "!", "?"))


def _continues_text_row(line: _Line, previous: _Line | None, row: _Line | None) -> bool:
    """ "      and is kept for a week." under a text-table row (`row`: its first line, as
    `_row_above` finds it), indented to one of its columns: the row's last cell wrapped
    (reStructuredText simple tables), over as many lines as it takes ("3.4  Contents in
    the garden. We will pay ... within the" / "     boundaries of the" / "     home."):
    the columns are the row's first line's."""
    if row is None or previous is None or previous.text.lstrip().startswith("|"):
        return False
    columns = _columns(row.text)
    indent = _indent(line.text)
    return columns is not None and indent > 0 and indent in columns[0]


def _opens_with_a_wrapped_cell(
    text: str, line: _Line, previous: _Line | None, current: Block | None, blocks: list[Block]
) -> bool:
    """ "  Organise first aid course for ride leaders" / "    (budget £600)      Beth
    Nyambura   30 Apr 2025" under a text-table row: a row whose first cell wrapped, its
    first line holding that cell alone at the rows' indent, its second going on with the
    cell indented further, then the other cells. The line above `line` is a paragraph of
    that one line (`current`), right under a row of the table."""
    if previous is None or current is None or current.kind != "paragraph" or current.lines != 1:
        return False
    if current.end != previous.end or "  " in previous.text.strip() or not blocks:
        return False
    row = blocks[-1]
    between = text[row.end : current.start]
    if row.kind != TABLE_ROW or between.strip() or between.count("\n") != 1:
        return False  # not right under a row (a blank line between ends the table)
    rows_indent = _indent(_first_line(text, row).text)
    # the cell goes on in lower case or in brackets; a line at the rows' indent over a row
    # that opens in capitals is a note or a heading of the rows below ("Saturdays only"),
    # as is a labelled one ("Note: prices rise in May")
    goes_on = goes_on_in_a_cell(line.text)
    labelled = ":" in previous.text
    return goes_on and not labelled and _indent(previous.text) == rows_indent < _indent(line.text)


def _first_line(text: str, block: Block) -> _Line:
    """The whole first line of a block, its indent included (columns count from it)."""
    opens = text.rfind("\n", 0, block.start) + 1
    ends = text.find("\n", block.start)
    ends = ends if ends >= 0 else len(text)
    return _Line(opens, ends, text[opens:ends])


def _row_above(text: str, previous: _Line | None, blocks: list[Block]) -> _Line | None:
    """The first line of the text-table row that the line above ends, its last cell
    wrapped or not: the row a wrapped line goes on with, and a next row lines up with
    ("Destain solution   40% ..." under "Coomassie stain   0.1% ... / in 40% methanol, /
    10% acetic acid"). None where the line above ends no such row."""
    if previous is None or not blocks or blocks[-1].kind != TABLE_ROW:
        return None
    if blocks[-1].end != previous.end:
        return None
    first = _first_line(text, blocks[-1])
    if _columns(first.text) is None and first.end < blocks[-1].end:
        # a first cell wrapped alone (`_opens_with_a_wrapped_cell`): the cells are below
        return _first_line(text, Block(TABLE_ROW, first.end + 1, blocks[-1].end))
    return first


def _row_over_a_rule(text: str, lines: list[_Line], i: int, blocks: list[Block]) -> _Line | None:
    """The row above a rule drawn across a table, for the line under the rule: a total
    ("Revised total   £19,175.00" under "-------") lines up with the rows it sums."""
    if i < 2 or not (_RULE.match(lines[i - 1].text) or _SUM_RULE.match(lines[i - 1].text)):
        return None
    return _row_above(text, lines[i - 2], blocks)


def _continues_pipe_row(
    text: str, line: _Line, previous: _Line | None, blocks: list[Block]
) -> bool:
    """ "     | locked at the start  | caught in the seal." under "E01  | Door lock failure |
    Close the door ...": in a table whose rows open with their first cell, not with "|", a
    line whose first cell is blank and whose other cells go on in lower case goes on with
    the row above (its cells wrapped)."""
    if previous is None or not blocks or blocks[-1].kind != TABLE_ROW:
        return False
    row = blocks[-1]
    row_opens_with_a_cell = not text[row.start : row.end].lstrip().startswith("|")
    if not (row_opens_with_a_cell and row.end == previous.end and re.match(r"\s+\|", line.text)):
        return False
    # Wrapped words go on in lower case; a row of a grouped table ("       | York  | 20")
    # under "North | Leeds | 10" opens its cells as cells do.
    filled = [cell.strip() for cell in line.text.split("|") if cell.strip()]
    return bool(filled) and all(cell[0].islower() for cell in filled)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _may_open_block(
    previous: _Line | None, current: Block | None, list_item: bool = False, wrapped: bool = False
) -> bool:
    """A numbered or labelled line starts a new block only where a new one may start:
    after a blank line, a finished sentence or a colon, or (for the next item) inside a
    list, unless the line before is full (`wrapped`). "...rose by\n12. The" and "...listed
    in\nSchedule B; and" are wrapping."""
    if previous is None or previous.blank or current is None:
        return True
    closes = bool(_CLOSING.search(previous.text.rstrip()))
    if list_item and (current.kind == LIST_ITEM or current.enumerated):
        # "...no later than thirty\n(30) days": a full line without punctuation runs on;
        # "...on receipt; and\n(c) if posted" ends an item.
        return closes or not wrapped or bool(_ITEM_JOINER.search(previous.text))
    return closes


_ITEM_LABEL = re.compile(r"[A-Z]\d{1,3}[.)]\s")  # "A1. " "R12) ": an item's label
_LIST_MARKER = re.compile(r"^\s*(\()?(\d{1,3}|[a-zA-Z]|[A-Z]\d{1,3})([.)])\s+(?=\S)")


def _opens_numbered_list(lines: list[_Line], i: int) -> bool:
    """Line `i` opens a numbered list even where a paragraph goes on above it (after a
    line with no colon: "What is in this leaflet\n1. What it is\n2. How to take it"): it
    is numbered 1 (or a, A, or labelled A1) and the next numbered line of the paragraph is
    numbered 2 (or b, B, A2) in the same form. CommonMark's rule for a list that interrupts a paragraph (it
    must start at 1); the second item makes sure "...rose by\n1. The" is not wrapping."""
    m = _LIST_MARKER.match(lines[i].text)
    if not m or not (m.group(2) in ("1", "a", "A") or m.group(2)[1:] == "1"):
        return False
    successor = _successor(m.group(2))
    for k in range(i + 1, len(lines)):  # by index: a slice here, at every "1.", copied the rest
        line = lines[k]
        if line.blank:
            return False
        if n := _LIST_MARKER.match(line.text):
            return (n.group(1), n.group(2), n.group(3)) == (m.group(1), successor, m.group(3))
    return False


def _successor(label: str) -> str:
    """The next item's label: "1" -> "2", "a" -> "b", "A1" -> "A2"."""
    if label.isdigit():
        return str(int(label) + 1)
    if len(label) == 1:
        return chr(ord(label) + 1)
    return label[0] + str(int(label[1:]) + 1)


# Tried and not kept (session 31): in a text whose lines are its paragraphs, a line of at
# most six words in sentence case between a finished sentence and a whole paragraph line
# as a heading (the notes' annual report's "The Mill Lane burst"). Only that document of
# the eval's 55 changed; on the dev questions only flips at the threshold in other
# corpora (python -m evals.decision_lab: CRAG .384 -> .379, AUC -0.0014), and the full
# eval's mean lowest figure fell (test .428 -> .418).
def _title_line_inside(
    line: _Line, previous: _Line | None, lines: list[_Line], i: int, current: Block
) -> bool:
    """A short title-like line between a finished sentence and a new one, with no blank
    line around it ("...is here.\\nScope of Work\\nThe Supplier..."), is a heading.
    Not the first of a list of such lines under a label ("PRESENT:\\nAnn Lee\\nBo Chan")."""
    if previous is None or not _SENTENCE_END.search(previous.text.rstrip()):
        return False
    following = _next(lines, i)
    if following is None or following.blank or not _opens_sentence(following.text):
        return False
    if _title_like(following.text.strip(), strict=True) and not _CLOSING.search(
        following.text.rstrip()
    ):
        return False  # a list of names or lines, not a heading above its text
    line_text = line.text.strip()
    return _title_like(line_text, strict=True) and not re.search(r"[.!?;:,…]", line_text)


def _is_name_list(line: str) -> bool:
    """A byline: three or more names parted by commas and a last "and" ("Ann Lee, Bo Chan
    and Cy Diaz"), each name two to four words with a capital at both ends. A heading's
    items are single words or phrases with small words in lower case ("Sales, Marketing and
    Support"). Mixed case only: a line in capitals is a title or heading."""
    if line.isupper() or "," not in line:
        return False
    items = [item.split() for item in _NAME_SEPARATOR.split(line.strip().rstrip("."))]
    return len(items) >= 3 and all(
        2 <= len(words) <= 4 and words[0][0].isupper() and words[-1][0].isupper() for words in items
    )


def _title_first_line(line: str, blocks: list[Block], current: Block) -> bool:
    """The document's first line names it when written as a title, even with a line
    under it ("ACME, INC. — PRIVACY POLICY" over "Version 4.2. Last updated ...")."""
    return not blocks and not current.enumerated and _title_like(line.strip().rstrip("."), True)


_OUTDENTED_SECTIONS = 3  # a manual page has NAME, SYNOPSIS and DESCRIPTION at least


def _sets_sections_out(lines: list[_Line]) -> bool:
    """Does the text set its sections out to the left, as a manual page does: three or
    more lines in capitals, each after a blank line, with the text under each indented
    further (`_outdented_over`)? One such line alone is too often something else: a
    name in an address ("ACME LTD" over "   14 Harbour Road"), "WHEREAS" over a recital,
    an acronym opening a sentence."""
    found = 0
    for i in range(len(lines) - 1):
        after_blank = i == 0 or lines[i - 1].blank
        if after_blank and not lines[i + 1].blank and _outdented_over(lines[i].text, lines[i + 1]):
            found += 1
            if found >= _OUTDENTED_SECTIONS:
                return True
    return False


def _outdented_over(first: str, line: _Line) -> bool:
    """A line set in capitals, opening with a letter and ending in no stop, with the text
    under it indented further: in a text that sets its sections so (`_sets_sections_out`),
    a heading, though the text under it need not open a sentence ("NAME" over an indented
    "logtrim - rotate ...", "FILES" over an indented "/etc/app.conf")."""
    head = first.strip()
    return (
        head[:1].isalpha()
        and set_in_capitals(head)
        and not _CLOSING.search(head)
        and _indent(line.text) > _indent(first)
    )


_TERM_MAX_CHARS = 40  # "-z, --compress[=LEVEL]", "Force majeure", "LOGTRIM_TMPDIR"
_TERMS = 3  # a definition list has three terms or more
# A line of code or configuration that opens a block ends in one of these ("usage() {",
# "dependencies = [", "commands =", a shell line continued with "\\", YAML's folded
# "description: >", CoffeeScript's "(n) ->"): no term.
_OPENS_A_BLOCK = "{([=|\\>"
_PROSE_END = re.compile(r"[.!?][\"”’')\]]*$")


def _looks_like_a_term(lines: list[_Line], i: int) -> bool:
    """Line `i` is a term of a definition list over its description, set in further: a
    short line, not ending in a stop, not a list item, not cells parted by spaces, over
    prose (opening a sentence, ending with a stop): "--dry-run" over "       Print what
    would be done ...", "Force majeure" over "    An event beyond ...". Code over its
    body, verse, a log's lines or a traceback's frames are no prose."""
    term = lines[i]
    head = term.text.strip()
    if not 0 < len(head) <= _TERM_MAX_CHARS or _CLOSING.search(head) or "  " in head:
        return False
    if head[-1] in _OPENS_A_BLOCK or _BULLET.match(term.text) or _numbered(term.text):
        return False
    if head.startswith(("..", "\\")) or _STAMPED.match(term.text):
        return False  # markup over its options ("\\begin{theorem}"), a log's entry
    inner, j = _indent(term.text) + 2, i + 1
    while j < len(lines) and not lines[j].blank and _indent(lines[j].text) >= inner:
        j += 1
    if j == i + 1:
        return False  # nothing set in under it
    opening = lines[i + 1].text.strip()
    return (
        opening[:1].isalnum()  # not a string's quote or a bracket
        and _opens_sentence(opening)
        and _PROSE_END.search(lines[j - 1].text.rstrip()) is not None
    )


def _term_indents(lines: list[_Line]) -> frozenset[int]:
    """The indents at which the text sets out terms over their descriptions
    (`_looks_like_a_term`), each after a blank line or a line at another indent: three
    or more at one indent. One such line alone is too often something else (a name over
    an indented address, a lead-in over a quotation)."""
    found: dict[int, int] = {}
    for i, term in enumerate(lines):
        at = _indent(term.text)
        opens = i == 0 or lines[i - 1].blank or _indent(lines[i - 1].text) != at
        if opens and not term.blank and _looks_like_a_term(lines, i):
            found[at] = found.get(at, 0) + 1
    return frozenset(at for at, n in found.items() if n >= _TERMS)


def _term_heads(current: Block, lines: list[_Line], i: int, terms: frozenset[int]) -> bool:
    """The one-line block `current` (on line `i`) is a term over its description: the
    term heads it, nested by its indent, so a description's sentences are read under it
    ("OPTIONS > --copytruncate": "Use this for programs that keep their log open")."""
    return current.kind == "paragraph" and not current.enumerated and _is_term(lines, i, terms)


def _term_under_a_description(lines: list[_Line], i: int, terms: frozenset[int]) -> bool:
    """Line `i` is a term set right under the description before it, with no blank line
    between: it stands out to the left of that description, at a term's indent."""
    return (
        i > 0 and _indent(lines[i - 1].text) > _indent(lines[i].text) and _is_term(lines, i, terms)
    )


def _is_term(lines: list[_Line], i: int, terms: frozenset[int]) -> bool:
    """Line `i` looks like a term, at an indent where the text sets out its terms."""
    return _indent(lines[i].text) in terms and _looks_like_a_term(lines, i)


def _rank_set_out_headings(
    blocks: list[Block],
    lines: list[_Line],
    line_of: Callable[[int], int],
    outdented: bool,
    terms: frozenset[int],
) -> None:
    """A heading set out to the left of the text right under it, at a term's indent or in
    a text that sets its sections out, is ranked by its indent, as a term is: headings at
    one indent are siblings whichever rule found them ("NAME" over a name in lower case,
    "EXIT STATUS" over its codes), and nest in those set out further left."""
    for b in blocks:
        if b.kind != HEADING or b.style[:1] not in ((), ("line",)):
            continue
        first, below = line_of(b.start), line_of(b.end) + 1
        at = _indent(lines[first].text)
        if (
            (outdented or at in terms)
            and below < len(lines)
            and not lines[below].blank
            and _indent(lines[below].text) > at
        ):
            b.style = (TERM, at)


def _descriptions(text: str, blocks: list[Block]) -> None:
    """The paragraphs set in under a term (`_term_heads`) are its description: items of
    the definition list, which say only what is in their section ("Use this for programs
    that keep their log open" says it of "--copytruncate"), as a list's items do. Terms
    set out furthest to the left, and headings set out as they are, are the text's
    sections (a manual page's "NAME", "EXAMPLES"), with text under them, not items."""
    indents = [b.style[1] for b in blocks if b.kind == HEADING and b.style[:1] == (TERM,)]
    outermost = min(indents, default=0)
    term = -1  # the indent of the term being described
    for b in blocks:
        indent = _block_indent(text, b)
        if b.kind == HEADING:
            is_term = b.style[:1] == (TERM,) and b.style[1] > outermost
            term = indent if is_term else -1
        elif indent <= term:
            term = -1
        elif term >= 0 and b.kind == "paragraph" and not b.role:
            b.kind = LIST_ITEM


def _over_a_term(lines: list[_Line], i: int) -> bool:
    """Line `i` heads a term with its description set in further still (a manual page's
    "ENVIRONMENT" over "       LOGTRIM_CONFIG" over "              Path of ..."): a
    heading over a definition, not an address, whose lines stand flush."""
    if i + 2 >= len(lines) or lines[i + 2].blank:
        return False
    term, description = lines[i + 1], lines[i + 2]
    return _outdented_over(lines[i].text, term) and _indent(description.text) > _indent(term.text)


def _opens_sentence(line: str) -> bool:
    first = line.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in "\"“‘'(-*•")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’\-]*", text)


def _title_like(text: str, strict: bool) -> bool:
    """Short, and written as a title: every significant word capitalised (or all in
    capitals). Not strict: a short line whose first word is capitalised."""
    words = _words(text)
    if not words or len(words) > _MAX_HEADING_WORDS or len(text) > _MAX_HEADING_CHARS:
        return False
    if _address_line(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return True
    first = next((w for w in words if w[0].isalpha()), "")
    if not first or not first[0].isupper():
        return False
    if not strict:
        return True
    significant = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    return all(w[0].isupper() for w in significant)


def _address_line(text: str) -> bool:
    """An address on one line: four parts or more parted by commas, with a number ("Flat 3,
    Kestrel House, 41 Wharfside Lane, Brackenford BR4 7QT", "Civic Offices, Fore Street,
    Kestlebury KB1 1AD"). A letterhead's or a property's address titles nothing; a
    heading that lists its topics ("Notices, Waiver, Severance, Assignment") has no
    number."""
    return text.count(",") >= 3 and has_digit(text)


def _heading_text(
    line: str, block: Block, sentence_case: bool = True, over_a_field: bool = False
) -> bool:
    """Is this one line, opening `block`, a heading rather than the start of a clause?
    Numbered headings may be in sentence case ("2.1 Data sources") unless the caller says
    the line is wrapped, where only title case counts. A numbered line that ends in a word
    that runs on ("2.1 Uses advised against") still heads a field under it ("Identified
    use: ..."): a field's label opens no line that a clause runs on into."""
    line = line.strip()
    if _runs_on(line) and not (block.enumerated and over_a_field):
        return False
    if block.enumerated:
        rest = line[block.marker_end - block.start :].strip()
        # "5. Termination." ends in one period after a few words; a clause does not.
        body = rest[:-1] if rest.endswith(".") and not rest.endswith("..") else rest
        if not body or _CLOSING.search(body):
            return False
        if _title_like(body, strict=True):
            return True
        # In sentence case, a full stop makes it a sentence ("3. Restart the router.").
        return sentence_case and body == rest and _sentence_case_heading(body)
    if m := _LABELLED.match(line):
        rest = _LABEL_SEPARATOR.sub("", m.group("rest"), count=1).strip()
        body = rest[:-1] if rest.endswith(".") else rest
        return not body or (not _CLOSING.search(body) and _title_like(body, strict=False))
    return not re.search(r"[.!?;:,…]", line) and _title_like(line, strict=True)


def _runs_on(line: str) -> bool:
    """The line's last word is one no heading ends with (`_RUNS_ON`); but a heading that
    is a wh-clause may end in its preposition ("What it is used for", "WHO WE SHARE
    INFORMATION WITH")."""
    written = _words(line)
    found = [w.lower() for w in written]
    if not found or found[-1] not in _RUNS_ON:
        return False
    if written[-1][:1].isupper() and not line.isupper():
        return False  # "1. Appendix A", "3. Dates for May": a letter or a name ends it
    phrase = [w for w in found if not w[0].isdigit()]
    if 1 < len(phrase) <= 3 and phrase[-2].endswith("ing") and phrase[-1] in _PARTICLES:
        return False  # "2.1 Signing in", "Setting up": a short heading, a verb's particle
    opening = next((w for w in found if not w[0].isdigit()), "")  # past a number ("1. What")
    return not _WH_CLAUSE.match(opening)


def _short_line_heading(
    first: str, block: Block, previous: _Line | None, line: _Line, width: int | None
) -> bool:
    """ "Warnings and precautions" over "Talk to your doctor ...": in a hard-wrapped text
    (its wrap width known), a line that ends early (the next line's first word would have
    fitted: `_wrapped`), with no closing punctuation, short and in sentence case, above a
    line that opens a sentence, is a heading in sentence case: a wrapped line is full, and
    a sentence's last line ends in a stop. Leaflets, manuals and reports set their
    sub-headings this way. Not a numbered or labelled line (their own rules), not a line
    of figures ("10 February 2026"), nor a line in a text without a known width (an
    unwrapped text's lines are its paragraphs, "Hi Bob" over "Thanks for ...").
    Measured: the reference corpus's leaflet had 15 such sub-headings glued into the next
    sentence ("If you forget to take a tablet Take the next dose ...")."""
    if width is None or _wrapped(previous, line, width):
        return False
    return _sentence_case_line(first, block)


def _figures_line(line: str) -> bool:
    """A date, a line of figures or a reference number, not a title: figures carry at
    least half its words, and either two or more of them do ("10 February 2026", "Q3
    2024") or every other word is an abbreviation in capitals ("PL 20417/0093", "ISO
    9001": a licence or standard's number, which a heading's words would name, not be).
    One figure with a word ("Phase 2", "Release 4") may still be a heading.
    Measured: the reference corpus's leaflet ended in its licence number, which became
    a heading over the last line of the document ("This leaflet was last revised ...")."""
    tokens = line.split()
    figures = [w for w in tokens if any(c.isdigit() for c in w)]
    if not figures or 2 * len(figures) < len(tokens):
        return False
    others = [w for w in tokens if w not in figures]
    return len(figures) >= 2 or all(_abbreviation(w) for w in others)


def _abbreviation(word: str) -> bool:
    """ "PL", "ISO", "EU": two to four letters, all capitals (a short word in capitals)."""
    letters = word.strip(".,:;()[]")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _sentence_case_line(first: str, block: Block) -> bool:
    """The words of a heading in sentence case, alone on its line (`_short_line_heading`)."""
    if block.enumerated or block.role or _LABELLED.match(first) or _CLOSING.search(first.rstrip()):
        return False
    text = first.strip()
    figures = [w for w in text.split() if any(c.isdigit() for c in w)]
    if figures and 2 * len(figures) >= len(text.split()):
        return False  # a date or a line of figures
    # "Open Tuesday–Sunday, 8:30am–4pm": a time or a sum in figures states a fact; not
    # "noon" or "ten pounds", which a heading may name ("What to do after midnight")
    if any(has_digit(m.group()) for p in (CLOCK, MONEY) for m in p.finditer(text)):
        return False
    return _sentence_case_heading(text) and not _is_name_list(text)


def _sentence_case_heading(body: str) -> bool:
    """ "Data sources", "Scope and limits", "Cost, timing and staffing": short,
    capitalised first word, one phrase (no sentence break inside: "Fees are billed
    monthly. No fee..." is a clause). Only after a number: an unnumbered line in
    sentence case is too often a sentence without its full stop."""
    return _title_like(body, strict=False) and not _SENTENCE_BREAK.search(body)


# --- headings ----------------------------------------------------------------------------
HeadingRule = Callable[[str, list[Block], int], str | None]


def _rule_markdown(text: str, blocks: list[Block], i: int) -> str | None:
    return "a Markdown heading" if blocks[i].kind == HEADING else None


def _rule_numbered(text: str, blocks: list[Block], i: int) -> str | None:
    """ "5. Termination." or "2.1 Scope" alone on its line, followed by something other
    than the next item of the same list ("1. Apples" "2. Pears" are a list)."""
    b = blocks[i]
    if not (b.enumerated and b.lines == 1 and _heading_text(text[b.start : b.end], b)):
        return None
    if i + 1 >= len(blocks):
        return None
    if _is_sibling(text, b, blocks[i + 1]):
        return None  # "1. Apples" "2. Pears": a list of short items
    if _is_list_enumerator(text, b) and _labelled_next(text, b, blocks[i + 1]):
        return None  # "(1) Fenella Gorrie ..." then "(2) Tobias ...": the parties, a list
    if (
        i
        and _is_sibling(text, blocks[i - 1], b)
        and blocks[i - 1].kind == LIST_ITEM
        and _numbered_next(text, blocks[i - 1], b)
    ):
        return None  # the last item of that list
    if not _heading_text(text[b.start : b.end], b, sentence_case=False) and _next_item(
        text, b, blocks[i + 1]
    ):
        return None  # "1. Open the settings" then "2. Choose ...": a list's steps
    return "a numbered heading"


def _numbered_next(text: str, a: Block, b: Block) -> bool:
    """`b`'s number follows `a`'s ("5." then "6."), or either has no number to compare: one
    list goes on. "6. Contents of the pack" then "1. WHAT IT IS": the numbering starts
    again, so "1." is not that list's last item (a contents list above the sections it
    lists)."""
    ma, mb = (
        _NUMBER_PREFIX.match(text[a.start : a.end]),
        _NUMBER_PREFIX.match(text[b.start : b.end]),
    )
    if not ma or not mb:
        return True
    return int(mb.group(1).split(".")[-1]) == int(ma.group(1).split(".")[-1]) + 1


def _labelled_next(text: str, b: Block, following: Block) -> bool:
    """`following` opens with the label after `b`'s, in the same form ("(1)" then "(2)",
    "a)" then "b)"), blank lines between or not: items of one list."""
    ma = _LIST_MARKER.match(text[b.start : b.end])
    mb = _LIST_MARKER.match(text[following.start : following.end])
    return bool(
        ma
        and mb
        and (ma.group(1), ma.group(3)) == (mb.group(1), mb.group(3))
        and mb.group(2) == _successor(ma.group(2))
    )


def _next_item(text: str, b: Block, following: Block) -> bool:
    """`following` is numbered at the same depth, right under `b`: the next step of a
    list. A sentence-case heading is followed by its text, not by the next number."""
    return (
        following.enumerated
        and _depth(text, following) == _depth(text, b)
        and _is_list_enumerator(text, following) == _is_list_enumerator(text, b)
        and not text[b.end : following.start].count("\n") > 1
    )


def _rule_labelled(text: str, blocks: list[Block], i: int) -> str | None:
    b = blocks[i]
    line = text[b.start : b.end]
    if b.lines == 1 and _LABELLED.match(line) and _heading_text(line, b) and i + 1 < len(blocks):
        return "a labelled heading (Article, Section, Part...)"
    return None


def _rule_title_line(text: str, blocks: list[Block], i: int) -> str | None:
    """A short line standing alone, without closing punctuation, before more text."""
    b = blocks[i]
    if b.kind != "paragraph" or b.lines != 1 or b.enumerated or i + 1 >= len(blocks):
        return None
    if blocks[i + 1].role in ("signature", "header") or blocks[i + 1].depth > b.depth:
        return None  # a sign-off ("Anna") above quoted text, a signature or the next message
    line = text[b.start : b.end].strip()
    if _CLOSING.search(line) or not _title_like(line, strict=False) or _is_name_list(line):
        return None
    if _figures_line(line):
        return None  # a date, a line of figures or a reference number, not a title
    if _HONORIFIC.match(line) and _over_a_heading_in_capitals(text, blocks, i):
        return None  # a sign-off ("Mrs H Coombes, Headteacher") over the next item's heading
    if _letters_formula(line):
        return None  # "Dear Mrs Whitcombe", "Yours sincerely"
    # "Version 4.2. Last updated 2024": two sentences. A line set in capitals may hold a
    # label and a colon ("PART 2: BUDGET (DRAFT)") if it is one sentence. The stop may be
    # inside Markdown emphasis: "**Capacity:** 40 | **Access:** lift" is fields, not a title.
    if re.search(r"[.!?;:][*_]*\s", line) and not (
        set_in_capitals(line) and len(sentence_spans(line)) == 1
    ):
        return None
    if _blank_line_after(text, b) or _title_like(line, strict=True):
        return "a short line standing alone"
    return None


def _blank_line_after(text: str, b: Block) -> bool:
    """A blank line (or the end of the text) follows the block."""
    return text[b.end : b.end + 2].replace("\r", "").startswith("\n\n") or b.end >= len(text)


# The formulas a letter opens and closes with, in English: a salutation, a complimentary
# close. They head nothing: the body under "Dear ..." is the letter's, not a section's.
# Only the formulas no section is named by: "Thanks", "Regards" or "Best wishes" head
# sections of cards and reports (a helper's review).
_COMPLIMENTARY_CLOSE = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|sincerely(?:\s+yours)?|"
    r"(?:with\s+)?(?:kind|best|warm|warmest)\s+regards)[\s,.!]*$",
    re.I,
)


def _letters_formula(line: str) -> bool:
    """A salutation ("Dear Mrs Whitcombe") or a complimentary close ("Yours sincerely")."""
    return bool(_SALUTATION.match(line) or _COMPLIMENTARY_CLOSE.match(line))


# A person's title before a name, in English: a sign-off's opening ("Revd Caroline Ashby"):
# `qa.text.HONORIFICS`, with the clergy's and a council's, which open a sign-off but are
# no closed-class words elsewhere ("Father", "Sister").
_SIGN_OFF_TITLES = {"mx", "revd", "rev", "professor", "cllr", "councillor", "lady", "lord",
                    "fr", "father", "sister", "canon"}  # fmt: skip
_HONORIFIC = re.compile(rf"^(?i:{'|'.join(sorted(HONORIFICS | _SIGN_OFF_TITLES))})\.?\s+[A-Z]")


def _over_a_heading_in_capitals(text: str, blocks: list[Block], i: int) -> bool:
    """The next block is a line set in capitals standing alone, which heads what follows.
    Read only of a name with its honorific (`_HONORIFIC`): a letter's sign-off ("Mrs
    Harriet Coombes, Headteacher") above a newsletter's next item ("CHRISTMAS FAIR -
    SATURDAY 6 DECEMBER") is a line of the letter, which "Who is the head teacher?" may
    quote. (Of any line in smaller case, a helper's review found real headings lost:
    "Getting Started" over "BEFORE YOU BEGIN", "Chapter Two" over its title.)"""
    following = blocks[i + 1]
    line = text[following.start : following.end].strip()
    return (
        following.kind == "paragraph"
        and following.lines == 1
        and set_in_capitals(line)
        and _rule_title_line(text, blocks, i + 1) is not None
    )


def _rule_question(text: str, blocks: list[Block], i: int) -> str | None:
    """A FAQ's question: alone on its line, above its answer, in a document that has
    more such questions. One question standing alone is a rhetorical lead ("Will the
    terns come back?"), not a FAQ; looking for a second stops at the first found."""
    if not _standalone_question(text, blocks, i):
        return None
    others = (j for j in range(len(blocks)) if j != i)
    if any(_standalone_question(text, blocks, j) for j in others):
        return "a question standing alone above its answer (a FAQ)"
    return None


def _standalone_question(text: str, blocks: list[Block], i: int) -> bool:
    """One line, one sentence ending in "?", followed by a block that is not a question
    (a question met before may already be a heading)."""
    b = blocks[i]
    if b.kind not in ("paragraph", HEADING) or b.lines != 1 or b.enumerated:
        return False
    if i + 1 >= len(blocks):
        return False
    if not _one_question(text[b.start : b.end]):
        return False
    following = blocks[i + 1]
    return following.kind in (CODE, TABLE_ROW, LIST_ITEM) or not _QUESTION_END.search(
        text[following.start : following.end].strip()
    )


def _question_over_its_answer(current: Block, first: str, line: _Line) -> bool:
    """A block's first line is a whole question ("How do I get an allotment?") and the
    next line opens a sentence ("Add your name to the waiting list ..."): a FAQ set with no
    blank line between question and answer. The question is a block of its own, which
    heads its answer where the text holds more such questions (`_rule_question`), as a
    question standing alone above its answer does."""
    return (
        current.kind == "paragraph"
        and current.lines == 1
        and not current.enumerated
        and _one_question(first)
        and _opens_sentence(line.text)
    )


def _one_question(line: str) -> bool:
    """The line is one short sentence ending in "?" ("How do I get an allotment?")."""
    line = line.strip()
    return (
        _QUESTION_END.search(line) is not None
        and _SENTENCE_BREAK.search(line) is None
        and len(_words(line)) <= _MAX_QUESTION_WORDS
        and _opens_sentence(line)
    )


HEADING_RULES: tuple[HeadingRule, ...] = (
    _rule_markdown,
    _rule_numbered,
    _rule_labelled,
    _rule_title_line,
    _rule_question,
)


def heading_reason(text: str, blocks: list[Block], i: int) -> str | None:
    for rule in HEADING_RULES:
        if reason := rule(text, blocks, i):
            return reason
    return None


def _message_headings(text: str, blocks: list[Block]) -> None:
    """Each message of a thread is a section, titled by its header's From field (or its
    first field): the passages of a reply are not in the section of the message before."""
    run: list[Block] = []
    for b in [*blocks, None]:
        if b is not None and b.role == "header":
            run.append(b)
            continue
        if run:
            sender = next((h for h in run if _field_name(text, h) == "from"), run[0])
            sender.kind, sender.style, sender.level = HEADING, (MESSAGE,), 1
            run = []


def _attribution_headings(text: str, blocks: list[Block]) -> None:
    """The line over quoted text that says who wrote it ("On Thu, 15 May 2025 at 09:31,
    Rob Tasker <rob@...> wrote:", "Rich Felker wrote:") titles the quoted message, as a
    From field titles a message: the quoted message is a section of its own, nested in
    the message quoting it, and ends with the quote (`_levels_and_sections`). Said of one
    sentence of a line or two ending in a reporting verb and a colon, that names who (an
    email address, or a name alone) or when (a date); not of a lead-in ("Here is what the
    docs say:", "The spec says:" stay sentences)."""
    for b, quoted in pairwise(blocks):
        line = text[b.start : b.end].rstrip()
        *who, verb = _words(line[:-1]) or [""]
        if (
            b.kind == "paragraph"
            and not b.role
            and not b.enumerated
            and b.lines <= 2
            and quoted.depth > b.depth
            and line.endswith(":")
            and verb.lower() in SPEECH_VERBS
            and (
                EMAIL.search(line)
                or has_digit(line)
                or (who and not any(w.lower() in STOPWORDS for w in who))
            )
            and len(sentence_spans(line)) == 1
        ):
            b.kind, b.style = HEADING, (QUOTED,)


def _field_name(text: str, b: Block) -> str:
    m = HEADER_FIELD.match(text[b.start : b.end])
    return m.group("name").lower() if m else ""


# A letter's subject line ("RE: RETURN OF TENANCY DEPOSIT", "Subject: Your claim"), a
# business letter's convention: under the letterhead, the addresses and the date, next to
# the salutation ("Dear Mr Pryce,"), before the body.
_SUBJECT_LINE = re.compile(r"^\s*(?:(?:re|subject)\s*:\s*)+(?P<subject>\S.*?)\s*$", re.I)
_SALUTATION = re.compile(r"^\s*dear\s+\S", re.I)
_LETTER_HEAD_LINES = 40  # a letter's head (addresses, date, salutation) fits in these
_LETTER_HEAD_WIDTH = 60  # and is set in short lines, no prose


def letter_subject(text: str) -> str | None:
    """The subject line of a letter, with the lines in capitals that continue it
    ("RE: RETURN OF TENANCY DEPOSIT" over "FLAT 3, 41 KINGSLEY ROAD"): what the letter is
    about, where its first line is only its sender's name. None unless the text opens as a
    letter does: only short lines (a letterhead, addresses, a date) before the subject line,
    and a salutation before it or within two lines after it (not "Subject: Mathematics" in
    a school report's fields, nor "Re: water supply" in meeting notes)."""
    lines = text.splitlines()[:_LETTER_HEAD_LINES]
    for i, line in enumerate(lines):
        if m := _SUBJECT_LINE.match(line):
            near = lines[: i + 4]
            if not any(_SALUTATION.match(other) for other in near):
                return None
            parts = [m["subject"]]
            if set_in_capitals(m["subject"]):  # the capitals that go on with it
                parts += takewhile(_continues_a_subject, lines[i + 1 : i + 3])
            return _flat(" ".join(parts))[:_MAX_TITLE_CHARS]
        if len(line.strip()) > _LETTER_HEAD_WIDTH:
            return None
    return None


def _continues_a_subject(line: str) -> bool:
    """A line in capitals under a subject in capitals goes on with it ("FLAT 3, 41
    KINGSLEY ROAD"); not a field ("DPS DEPOSIT ID: 1-27734519"), a rule or a salutation
    ("DEAR MR SMITH")."""
    stripped = line.strip()
    if not stripped or ":" in stripped or _FRAME.match(line) or _SALUTATION.match(line):
        return False
    return set_in_capitals(stripped)


def message_subject(text: str) -> str | None:
    """The Subject of the message a document opens with (an email or a thread saved as
    text), for the document's title; None when the document does not open with one."""
    lines = _lines(text)
    at = next((i for i, line in enumerate(lines) if not line.blank), None)
    if at is None or not _header_openings(lines)[at]:
        return None
    for i in range(at, len(lines)):
        if lines[i].blank:
            break
        m = HEADER_FIELD.match(lines[i].text)
        if m and m.group("name").lower() == "subject":
            folded = [lines[i].text[m.end() - 1 :]]
            for line in lines[i + 1 :]:
                if line.blank or line.text[:1] not in " \t":
                    break
                folded.append(line.text)
            return _flat(" ".join(folded)) or None
    return None


def _speaker_turns(text: str, blocks: list[Block]) -> None:
    """In a dialogue (a transcript, an interview, a Q&A: `_MIN_TURNS` or more paragraphs
    open with a speaker's label, "NAME: text", the speakers taking turns), each such
    paragraph is a turn: never a heading, however short or question-like ("THE WITNESS:
    Do I have to?", "Q: Why?"). Labels that never come back ("Landlord:", "Tenant:" and
    "Agent:" once each), or one label that follows itself ("Reason: To protect ..."
    under each condition of a permit), are fields, and name no speaker (`_takes_turns`)."""
    turns = [
        b
        for b in blocks
        if b.kind == "paragraph" and not b.role and _SPEAKER.match(text[b.start : b.end])
    ]
    labels = [_SPEAKER.match(text[b.start : b.end]).group("label").upper() for b in turns]
    if len(turns) >= _MIN_TURNS and _takes_turns(labels):
        for b in turns:
            b.role = "turn"


def _takes_turns(labels: list[str]) -> bool:
    """Speakers take turns: a label comes back, and at least half the time the next
    labelled paragraph is another's."""
    changes = sum(a != b for a, b in pairwise(labels))
    return len(set(labels)) < len(labels) and 2 * changes >= len(labels) - 1


def _speaker(text: str, b: Block) -> str:
    """A turn's speaker, as a section label: "DR. LEE"; "" for a one-letter label (the
    "Q" and "A" of a Q&A name no one)."""
    m = _SPEAKER.match(text[b.start : b.end])
    label = m.group("label") if m else ""
    return label if sum(c.isalpha() for c in label) > 1 else ""


def _is_caption(text: str, blocks: list[Block], i: int, marked: bool) -> bool:
    """An unmarked line right above a table, in a document whose headings are marked
    ("#", as Markdown, HTML and DOCX are stored), is the table's caption (an HTML
    `<caption>`, "Table 1: Results"): it names the table, not a section, so the text after
    the table is not under it. Measured: the reference corpus's encyclopedia page put its
    lead paragraphs under its infobox's caption ("Acme Laboratories plc")."""
    b = blocks[i]
    return (
        marked
        and b.kind == "paragraph"
        and b.lines == 1
        and not b.enumerated
        and i + 1 < len(blocks)
        and blocks[i + 1].kind == TABLE_ROW
        and not blocks[i + 1].role
        and not _heading_in_capitals(text, b)
    )


def _heading_in_capitals(text: str, b: Block) -> bool:
    """A short line in capitals standing alone above a table ("CONTACT", "DIARY DATES")
    heads a section, as its siblings in capitals do, in a plain text whose title alone is
    marked (framed by rules; no "#" heading). A caption names its table in more words or
    with a number ("TABLE 1: NITRATE (MG/L)", "MONTHLY SPEND, JANUARY TO MARCH"), and a
    notice says something ("ALL PRICES INCLUDE VAT"): a helper's review found those."""
    line = text[b.start : b.end].strip()
    return (
        set_in_capitals(line)
        and len(line.split()) <= _CAPITALS_HEADING_WORDS
        and re.fullmatch(r"[A-Z][A-Z &'’-]*", line) is not None
        and _blank_line_after(text, b)
        and _ATX_LINE.search(text) is None
    )


_CAPITALS_HEADING_WORDS = 3
_ATX_LINE = re.compile(r"^\s{0,3}#{1,6}\s", re.M)


def _classify(text: str, blocks: list[Block], width: int | None) -> list[Block]:
    out: list[Block] = []
    _message_headings(text, blocks)
    _attribution_headings(text, blocks)
    _speaker_turns(text, blocks)
    marked = any(b.kind == HEADING and b.style == ("md",) for b in blocks)
    for i, b in enumerate(blocks):
        if b.kind in (CODE, TABLE_ROW) or b.role or _is_caption(text, blocks, i, marked):
            out.append(b)
            continue
        if not _ends_a_quote(blocks, i) and heading_reason(text, blocks, i):
            b.kind = HEADING
            b.style = b.style or _style(text, b)
        elif b.enumerated and b.kind == "paragraph":
            heading = _inline_heading(text, b)
            if heading is not None:  # "5. Termination. Either party may ..."
                out.append(heading)
                b = Block("paragraph", _skip_space(text, heading.end), b.end, lines=b.lines)
            elif _is_list_enumerator(text, b) or _depth(text, b) == 1:
                b.kind = LIST_ITEM
        out.append(b)
    # A letterhead's first line names the document like any first line does.
    first = next(
        (b for b in out if b.role == "line" or (b.kind not in (CODE, TABLE_ROW) and not b.role)),
        None,
    )
    # quoted text names no document: the text quoting it does; a term its description
    first = first if first is None or not (first.depth or first.style[:1] == (TERM,)) else None
    if first is not None and out.index(first) == 0 and _is_title(text, first, out, width):
        first.kind, first.style, first.level = TITLE, (), 0
        _second_title_line(text, out)
    return out


def _ends_a_quote(blocks: list[Block], i: int) -> bool:
    """Block `i` is the last of quoted text: it heads nothing, for the reply under it is
    no part of its section ("> Can you confirm by Monday?" over "Yes, I confirm.")."""
    b = blocks[i]
    return b.depth > 0 and (i + 1 == len(blocks) or blocks[i + 1].depth < b.depth)


def _second_title_line(text: str, blocks: list[Block]) -> None:
    """The document's name on the line under its first (`_title_pair_lines`) is part of
    its title, not a heading over the text below it, nor the first line of a run of
    lines under it (a letterhead's: "Annual Report 2025" over "For the year to March")."""
    pair = _title_pair_lines(_lines(text[: 4 * _MAX_TITLE_CHARS]))
    if pair is None or len(blocks) < 2 or blocks[0].end != pair[0].end:
        return
    second = blocks[1]
    if second.kind == CODE or second.enumerated or second.end < pair[1].end:
        return
    if second.end > pair[1].end:
        rest = copy.copy(second)
        rest.start, rest.lines = _skip_space(text, pair[1].end), max(1, second.lines - 1)
        second.end, second.lines = pair[1].end, 1
        blocks.insert(2, rest)
    second.kind, second.style, second.level = TITLE, (), 0


def _is_title(text: str, block: Block, blocks: list[Block], width: int | None) -> bool:
    """The document's first line, when it stands alone and short, names the document; so
    does a first paragraph that is a title wrapped over a few lines."""
    if len(blocks) < 2 or block.enumerated:
        return False
    if block.lines != 1:
        lines = text[block.start : block.end].split("\n")
        return block.kind == "paragraph" and _title_wraps(lines, width)
    if block.kind == HEADING and block.style == ("md",):
        return block.level == 1
    line = text[block.start : block.end].strip()
    if _title_like(line.rstrip("."), strict=True):  # "ACME SERVICES, INC."
        return True
    return len(line) <= 200 and not re.search(r"[.;:,][\"”’')\]]*$", line)


def _inline_heading(text: str, b: Block) -> Block | None:
    """The first sentence of a numbered clause, when it is a title ("5. Termination.")."""
    body_start = _skip_space(text, b.marker_end)
    spans = sentence_spans(text[body_start : b.end])
    if len(spans) < 2:
        return None
    first = text[body_start : body_start + spans[0][1]]
    if not first.endswith(".") or first.endswith(".."):
        return None
    if not _title_like(first[:-1], strict=True) or _CLOSING.search(first[:-1]):
        return None
    if not _is_run_in_phrase(first[:-1]):
        return None  # "1. Smith J, Jones K (2001). A study ...": a reference
    end = body_start + spans[0][1]
    return Block(
        HEADING,
        b.start,
        end,
        enumerated=True,
        marker_end=b.marker_end,
        style=_style(text, Block(HEADING, b.start, end, enumerated=True, marker_end=b.marker_end)),
    )


def _is_run_in_phrase(first: str) -> bool:
    """A run-in heading ("5. Termination.", "10.1 By the Buyer.") is a short phrase;
    a numbered reference opens with an author list and a year in brackets ("Smith J,
    Jones K (2001)."), which a heading phrase does not hold: no commas, no brackets."""
    return not re.search(r"[,()\[\]]", first)


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _depth(text: str, b: Block) -> int:
    return len(_number(text, b))


def _number(text: str, b: Block) -> tuple[int, ...]:
    """The block's leading number as a tuple ("4.5 Volunteering" -> (4, 5)); () for none."""
    return _number_of(text[b.start : b.end])


def _continues(number: tuple[int, ...], heading: tuple[int, ...]) -> bool:
    """ "4.2" after heading "4.1": a later clause of the heading's own numbering."""
    return len(number) == len(heading) > 1 and number > heading


def _number_of(line: str) -> tuple[int, ...]:
    m = _NUMBER_PREFIX.match(line)
    return tuple(int(n) for n in m.group(1).split(".")) if m else ()


def _is_list_enumerator(text: str, b: Block) -> bool:
    """'(a)', 'a)', '(iv)': a list item or sub-clause; '5.' and '2.1': a numbered clause."""
    return b.enumerated and not _NUMBER_PREFIX.match(text[b.start : b.end])


def _is_sibling(text: str, a: Block, b: Block) -> bool:
    """Two numbered one-line titles of the same depth and form: items of one list."""
    return (
        a.enumerated
        and b.enumerated
        and a.lines == b.lines == 1
        and _depth(text, a) == _depth(text, b)
        and _is_list_enumerator(text, a) == _is_list_enumerator(text, b)
        and _heading_text(text[a.start : a.end], a)
        and _heading_text(text[b.start : b.end], b)
    )


def _style(text: str, b: Block) -> tuple:
    """What kind of heading this is; headings of one style share a level."""
    if b.style:
        return b.style
    line = text[b.start : b.end]
    if (m := re.match(r"^\s*([A-Za-z§]+)", line)) and _LABELLED.match(line):
        return ("label", m.group(1).lower())
    depth = _depth(text, b)
    if depth:
        return ("number", depth)
    if b.enumerated:
        return ("enumerator",)
    letters = [c for c in line if c.isalpha()]
    return ("line", "caps" if letters and all(c.isupper() for c in letters) else "mixed")


# --- levels and section paths ------------------------------------------------------------
# Labelled headings nest in this order whatever order they appear in; numbered ones
# ("5." "5.2") nest by depth, under "Section". Lower is outer.
_LABEL_RANKS = {
    "part": 10, "schedule": 10, "appendix": 10, "annex": 10, "exhibit": 10, "chapter": 20,
    "article": 30, "section": 40, "§": 40, "clause": 50,
}  # fmt: skip
_NUMBER_RANK = 40
_ENUMERATOR_RANK = 60


# A heading open on the stack of `_levels_and_sections`: (level, heading text, style, how
# deep it is quoted).
_Open = tuple[int, str, tuple, int]


def _levels_and_sections(text: str, blocks: list[Block]) -> None:
    """Markdown headings keep their level; labelled and numbered ones have a fixed rank.
    A title-like line before the first or after the last of the top labelled or numbered
    headings (front and back matter: "Abstract", "References") is their sibling
    (`_top_rank`); one between them gets a rank on first appearance: nested in the
    heading it follows ("4. Incidents" > "The March outage")."""
    ranks: dict[tuple, int] = {}
    # A heading inside quoted text, or the attribution over it, ends where the quote does
    # (`_holds`), and nests in the section of the text that quotes it whatever its level.
    stack: list[_Open] = []
    top = _top_rank(text, blocks)
    speaker = ""  # the speaker of the last turn, until the next heading
    listing = False  # in a numbered list under the last heading (`_number`), until the next
    md = any(b.kind == HEADING and b.style == ("md",) for b in blocks)
    outer = [i for i, b in enumerate(blocks) if b.kind == HEADING and _fixed_rank(b.style) == top]
    for i, b in enumerate(blocks):
        while stack and (_holds(stack[-1]) > b.depth or _outside(stack[-1], text, b)):
            stack.pop()
        if b.kind == HEADING:
            if b.style[:1] == (QUOTED,):
                _to_the_quoting_message(stack)
                b.level = stack[-1][0] + 1 if stack else 1
            elif b.style != ("md",):
                matter = (
                    b.style[:1] != (TERM,)  # a term nests where it is set
                    and bool(outer)
                    and not outer[0] < i < outer[-1]
                    and not _last_section_heading(text, blocks, outer, i, ranks)
                )
                b.level = (
                    top
                    if matter and _fixed_rank(b.style) is None
                    else (_level(b.style, ranks, stack, md))
                )
            while stack and stack[-1][0] >= b.level and stack[-1][3] >= b.depth:
                stack.pop()
            stack.append((b.level, heading_label(text[b.start : b.end]), b.style, b.depth))
            speaker, listing = "", False
        elif b.kind != TABLE_ROW and (number := _number(text, b)):
            # Clause "4.6" ends the section of heading "4.5 Volunteering", and clause "5"
            # that of "4."; an item numbered from the start ("1." under "4.1 Park rules",
            # or under "1. Introduction") opens a list, whose items ("5.") end nothing
            # until a clause of the heading's own numbering ("4.2") or the next heading.
            # A table's numbered rows are no clauses at all.
            heading = _number_of(stack[-1][1]) if stack else ()
            if listing and not _continues(number, heading):
                pass  # the list goes on
            elif heading and number <= heading:
                listing = True
            else:
                listing = False
                while (
                    stack
                    and stack[-1][2][:1] == ("number",)
                    and stack[-1][2][1] >= len(number)
                    and _number_of(stack[-1][1]) < number
                ):
                    stack.pop()
        if b.role == "turn":
            speaker = _speaker(text, b)
        b.section = SECTION_SEPARATOR.join(label for _, label, _, _ in stack)
        if speaker and b.kind not in HEADING_KINDS:
            # The speaker of a turn is its section: a passage that opens mid-turn still
            # says who is speaking.
            b.section = SECTION_SEPARATOR.join(filter(None, (b.section, speaker)))


def _holds(heading: _Open) -> int:
    """How deep the text of a heading's section is quoted: an attribution's is quoted one
    level deeper than the attribution itself."""
    _, _, style, depth = heading
    return depth + 1 if style[:1] == (QUOTED,) else depth


def _outside(heading: _Open, text: str, b: Block) -> bool:
    """Block `b` is set no further in than the term `heading` (`_term_heads`), so none of
    its description: the paragraph after a definition list, at the list's own indent, is
    in the section the list is in, not under its last term; a heading set out no further
    in than the terms ("FILES" after "HOME   Used to locate ...") is no part of it."""
    style = heading[2]
    return style[:1] == (TERM,) and _block_indent(text, b) <= style[1]


def _block_indent(text: str, b: Block) -> int:
    """How far in the line a block opens on is set (a table's row starts at its line's
    start, a paragraph at its first letter: the line tells)."""
    start, end = text.rfind("\n", 0, b.start) + 1, text.find("\n", b.start)
    return _indent(text[start : end if end >= 0 else len(text)])


def _to_the_quoting_message(stack: list[_Open]) -> None:
    """Pop the headings over an attribution (`_attribution_headings`) up to the message
    that quotes it, where the text is a thread's: the quoted message is in the message,
    not in a question that message asked on a line of its own."""
    if any(style[:1] in _MESSAGES for _, _, style, _ in stack):
        while stack[-1][2][:1] not in _MESSAGES:
            stack.pop()


def _last_section_heading(
    text: str, blocks: list[Block], outer: list[int], i: int, ranks: dict[tuple, int]
) -> bool:
    """A heading after the last top heading is a sub-heading of that last section, not
    back matter beside it, when it is set as the sub-headings inside the sections were
    (its style already ranked between them: "Storage" under "4. USING IT" as "Contents
    of the box" is under "6. THE PACK") and unlike the top headings themselves (their
    case: capitals or not). "References" after "5. Conclusions", set like the numbered
    headings, stays their sibling. Measured: the reference corpus's leaflet ranked the
    sub-headings of its last numbered section ("6. CONTENTS OF THE PACK ...") beside
    "1."-"6.", and its last lines were in no numbered section."""
    b = blocks[i]
    if not outer or i < outer[-1] or _fixed_rank(b.style) is not None or b.style not in ranks:
        return False
    return _in_capitals(text, b) != _in_capitals(text, blocks[outer[-1]])


def _in_capitals(text: str, b: Block) -> bool:
    """Is the heading's wording (after its number, if any) set in capitals?"""
    start = b.marker_end if b.enumerated and b.marker_end > b.start else b.start
    return set_in_capitals(text[start : b.end])


def _fixed_rank(style: tuple) -> int | None:
    """The rank a labelled or numbered heading has wherever it stands; None for a
    title-like line, whose rank depends on where it first appears (`_level`)."""
    if not style:
        return None
    if style[0] == "label":
        return _LABEL_RANKS.get(style[1], _NUMBER_RANK)
    if style[0] == "number":
        return _NUMBER_RANK + style[1]
    if style[0] == "enumerator":
        return _ENUMERATOR_RANK
    if style[0] == MESSAGE:
        return 1  # a message of a thread: nothing outranks it
    return None


def _top_rank(text: str, blocks: list[Block]) -> int:
    """The rank of the document's first labelled or numbered heading, which front and back
    matter ("Abstract", "BACKGROUND", "References") share, so that "Abstract",
    "1. Introduction" ... "References" are siblings ("Appendix A" after them still
    outranks them all: labels have fixed ranks). Where depth-1 numbers start again
    ("GENERAL CONDITIONS" 1. 2. "SPECIAL CONDITIONS" 1. 2.), the title-like headings part
    the numbered runs and stay their parents: 1, as in a document without numbers."""
    fixed = [r for b in blocks if b.kind == HEADING and (r := _fixed_rank(b.style)) is not None]
    if not fixed:
        return 1
    firsts = [
        m.group(1)
        for b in blocks
        if b.kind == HEADING
        and b.style == ("number", 1)
        and (m := _NUMBER_PREFIX.match(text[b.start : b.end]))
    ]
    return 1 if len(firsts) != len(set(firsts)) else fixed[0]


_BELOW_MARKDOWN = 7  # Markdown has six heading levels


def _level(
    style: tuple,
    ranks: dict[tuple, int],
    stack: list[_Open],
    md: bool = False,
) -> int:
    if (fixed := _fixed_rank(style)) is not None:
        return fixed
    if md:
        # In a Markdown document the writer's own "#" headings are the outline; a line
        # taken for a heading (a bold "**DRAFT**" line) nests under the one above
        # it and never becomes the parent of the "#" headings after it (nor of another
        # such line: they are siblings under the "#" heading).
        above = [level for level, _, s, _ in stack if s == ("md",)]
        return above[-1] + 1 if above else _BELOW_MARKDOWN
    if style not in ranks:
        ranks[style] = (stack[-1][0] + 1) if stack else 1
    return ranks[style]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- sentences ---------------------------------------------------------------------------
def _sentences(text: str, block: Block) -> list[Sentence]:
    if block.kind in HEADING_KINDS or block.kind in (CODE, TABLE_ROW):
        return _whole(text, block.start, block.end, block.kind)
    kind = LIST_ITEM if block.kind == LIST_ITEM else SENTENCE
    # An enumerator ("5.1", "(a)") is structure, like a bullet: not part of the sentence
    # (a short answer to "How much notice...?" must not be the clause number). An item's
    # label ("R4.") is its name, which the text refers to ("carried forward from A4"): it
    # opens the item's first sentence.
    labelled = block.enumerated and bool(_ITEM_LABEL.match(text, block.start))
    body_start = (
        _skip_space(text, block.marker_end) if block.enumerated and not labelled else block.start
    )
    spans = sentence_spans(text[body_start : block.end])
    if labelled and len(spans) > 1 and body_start + spans[0][1] <= block.marker_end:
        spans = [(spans[0][0], spans[1][1]), *spans[2:]]  # "R4." + "Review the plan."
    return [
        Sentence(
            start=body_start + s,
            end=body_start + e,
            text=text[body_start + s : body_start + e],
            kind=kind,
        )
        for s, e in spans
    ]


def _whole(text: str, start: int, end: int, kind: str) -> list[Sentence]:
    piece = text[start:end]
    s = start + len(piece) - len(piece.lstrip())
    e = start + len(piece.rstrip())
    return [Sentence(start=s, end=e, text=text[s:e], kind=kind)] if e > s else []
