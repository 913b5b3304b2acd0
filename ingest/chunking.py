"""Sentence-aware passages with exact offsets and stable ids, carrying title and section.

Sentences, blocks and section paths come from `ingest.structure` (Punkt with general
abbreviations inside paragraphs; a wrapped line is not a boundary). The grouping into
passages is hand-written because the product promises `text[start:end] == passage`
exactly, and splitters that return strings lose the offsets (whitespace is stripped and
re-joined).

Passages are filled up to the token budget; a heading never ends one, so it travels
with the text it titles, nor does the start of a list that fits whole in the next one
(`_list_start`), and each passage carries the section path of its text. (Measured in
session 23, `python -m evals.decision_lab` over twelve corpora: key-fact / abstention
precision / recall / CRAG .648 / .506 / .491 / .331 -> .648 / .538 / .535 / .345; it
came with dot-leader rows as list items, whose rota had been cut across two passages.)
Tried in session 39 and not kept: a paragraph the budget would cut going on whole in the
next passage, with its headings, where it fits in one (as a list does), so that "Your
employment will begin on 1 September." and "On your first day ..." stay together. Dev
LOCO (`python -m evals.decision_lab`) .686 / .548 / .526 / .396 -> .662 / .514 / .520 /
.368: the passages it shortened lost more answers than the kept paragraphs gained.
Measured on the four eval corpora (hybrid hit@6 / MRR over their answerable questions,
`corpus-qa eval --loco`): cutting passages at every heading, or at paragraph ends once
three quarters full, made more and smaller passages and lost retrieval (seeds hit@6
0.985 -> 0.955, legal 0.849 -> 0.796); filling to the budget keeps it (seeds 0.985,
legal 0.849, notes 0.862, manual 0.825 -> 0.863, though the manual's MRR falls from
0.617 to 0.593).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.structure import HEADING_KINDS, analyse
from qa.types import Passage, Sentence

# Bump when splitting or sentence vectors change: every document is redone. Not bumped
# when passage ids started hashing the whole record: the passages and their vectors are
# the same, a stored document keeps its ids until it changes, and its new ids can never
# equal the old ones (another hash input), so nothing is rewritten in place either way.
# 8: a passage continuing a table carries its header row (context). 9: each sentence's
# section (Passage.sections); a table's caption, a licence number and a title page's
# second line read as what they are (ingest/structure.py). 10: sub-headings after the last
# numbered section nest in it; a short line over a bulleted list heads it; an issuer's line
# over the document's name on the next line titles it with the name; a numbered line over
# an underline as long is a heading; "A1." "A2." items are list items. 11: a numbered line
# ends only the sections of headings numbered before it (a table's row "1" under heading
# "2.1" ended "2. The trails" and left "2.2" outside it). 12: a line stamped with a date
# and time ("[2026-03-14 02:17] ana.r: ...") opens a block of its own: chat messages and
# log entries are one per line, never the wrapped tail of the line before. 13: a PDF's
# running headers, footers and page numbers are left out of its text, and a sentence that
# runs over a page break is read as one; a word hyphenated over two lines is whole again;
# a table's rows are written as rows of cells, lines set larger or bolder than the body as
# headings, and raised footnote marks as superscripts (ingest/formats/pdf_layout.py).
# 14: the fields of a note's YAML front matter are units of their own ("date:
# 2026-04-02"), as a message's header fields are; "●", "➤", "✓" and the like are bullets.
# 15: a line of bold labels and their values ("**Capacity:** 40 | **Access:** lift") is
# text, not a heading (the stop before the value hid behind the bold's closing marks).
# 16: a line of a run of dot-leader rows ("Full member ........ GBP 42") is a list item of
# its own, not a wrapped line of one long sentence (ingest/structure.py `_leader_row`).
# 17: a run of dot-leader rows needs one leader of five dots or more (two lines of prose
# with an ellipsis each are no rows), and a bulleted one stays a bulleted list item.
# 18: a list that a passage would end with goes on whole in the next passage, with the line
# that introduces it, where it fits in one (`_list_start`).
# 19: a line of a run of labelled fields ("Households supplied: 48,200") is a list item of
# its own, not a line of one long sentence (ingest/structure.py `_field_row`).
# 20: a line that ends in a preposition, an article, a conjunction or a modal verb is no
# heading, unless a wh-clause ("What it is used for"); "(1)" followed by "(2)" is a list.
# 21: a heading may end in a capitalised word ("1. Appendix A") or a verb's particle ("2.1
# Signing in"); a field line that runs on ("Warning: ... near water or") is no field.
# 22: an author's initial before a year in brackets does not end a sentence ("Farrah, L.
# (2021) Inland Waters.": qa.sentences `_initial_before_year`).
# 23: a run of one layout mark (a dot leader, a rule) was read as blank by the model and
# counted no tokens; taken back in 26 (the eval corpora's figures fell: qa/embedding.py).
# 24: a text table ruled "-----+-----" is a table, and a row whose cells wrap onto lines
# with a blank first cell is one row (ingest/structure.py `_continues_pipe_row`). 25: only
# a line whose cells go on in lower case continues a row (a grouped table's row with a
# blank first cell is a row of its own), and a grid table's header is the row over its
# first rule, not over each. 26: layout runs are read as written again (23 taken back).
# 27: taken back (a short line in sentence case over a paragraph as a heading). 28: a
# schedule's fields padded to one column are apart even where a line is as long as the
# wrapped text, a value wrapped to its column stays with its field (`structure._is_field`).
# 29: Markdown's bold opens a line of a run ("**Jane Lee**\nChair": a signature, not two
# headings) and a field's label ("**Version:** 3.2" is a field, as "Version: 3.2" is).
# 30: a letter is titled by its "RE:" line (`structure.letter_subject`), and a title over
# its underline without the underline (`structure.wrapped_title`).
# 31: reStructuredText's "~", "^", "#" ... underlines make headings (`structure._underline_level`),
# not a Markdown fence that ran to the end of the document.
# 32: a short line holding a time of day or a sum of money in figures heads nothing ("Open
# Tuesday to Sunday, 8:30am to 4pm": `structure._sentence_case_line`).
# 33: a text-table row whose first cell wrapped alone onto its own line is one row with
# the line under it (`structure._opens_with_a_wrapped_cell`).
# 34: in a text that sets its sections out to the left, as a manual page does, a line in
# capitals heads the text indented under it (`structure._outdented_over`).
# 35: quoted text is read without its "> " marks: a quoted message's paragraphs, lists,
# tables and signature are found as in any text, the line over it that says who wrote it
# ("On ... wrote:") titles it, and its sections end with it (`structure._Reading`,
# `_attribution_headings`, `_holds`).
# 36: a definition list's terms head their descriptions, nested by indent ("OPTIONS >
# --dry-run": `structure._term_heads`); labelled paragraphs are a dialogue's turns only
# where speakers take turns (`structure._takes_turns`); an address on one line heads
# nothing (`structure._address_line`).
# 37: a question in bold over its answer heads it (`structure._strong_over_text`); a
# sentence opens with no colon nor closing bracket (`qa.sentences._punctuation_continues`).
# 38: a grid of figures parted by single spaces is rows, its line of column codes with it
# (`structure._grid_row`, `_over_a_grid`); a row of figures a blank line below its table,
# a sum under a rule drawn under its column, and sums set flush right are rows of the
# table (`structure._row_across_a_blank`, `_SUM_RULE`, `_sums_aligned`).
# 39: a clause's number opens no run of short lines ("1.1 Product identifier" over its
# fields heads them: `structure._opens_line_run`).
# 40: a numbered line ending in a word that runs on ("1.2 Uses advised against") heads a
# field under it (`structure._heading_text`).
# 41: a field whose value wraps into its own column is a field, blank lines around it or
# not ("Applicant:   Mr D Ashworth" over its address: `structure._field_row`).
# 42: a line whose cells are padded into columns, with the next line indented to its second
# cell, is one record, not a heading ("Outbound  Mon 12 May" over the flight's times:
# `structure._hangs_under_a_cell`).
# 43: a line standing alone right above a heading in capitals heads nothing: a letter's
# sign-off (`structure._over_a_heading_in_capitals`).
# 44: a letter's salutation and complimentary close head nothing (`structure._letters_formula`);
# a field's label may be abbreviated ("Contact tel.:": `structure._FIELD`).
# 45: (a heading in capitals trailing off, "AND FINALLY...": undone in 50).
# 46: a message's header right under "-----Original Message-----" opens the message
# (`structure._separates_messages`).
# 47: a line of three cells or more parted by runs of spaces heads nothing
# (`structure._priced_row`).
# 48: (an item marked by a letter in brackets with no run-in heading: undone in 50).
# 49: a line in capitals standing alone over a table heads a section, not a caption, where
# only the title is marked (`structure._heading_in_capitals`).
# 50: the rules of 42 to 49 narrowed after a helper's review of 83 texts: a record hangs
# under the second of three cells or more; a row out of line is one right under a table's
# row; a sign-off opens with an honorific; only "Yours sincerely"-like closes; 45 and 48
# undone; a heading over a table is three words in capitals at most, where no "#" heading is.
# 51: a FAQ's question over its answer on the next line is a block of its own, which heads
# the answer where the text holds more (`structure._question_over_its_answer`).
# 52: the rule under an indented text table's header ("    -----  -------") is no row of it
# (`structure._COLUMN_RULE`, past `_RULE`'s three spaces); it had been a candidate sentence
# of dashes.
# 53: a text table's cell may end in a comma, on a row of three cells or more
# (`structure._comma_cells`); "Three times a day,   5 days" had made its row prose.
CHUNKING_VERSION = 53


def chunking_fingerprint(max_tokens: int) -> str:
    return f"v{CHUNKING_VERSION}-tokens{max_tokens}"


def passage_id(passage: Passage, position: int, embedding: str = "") -> str:
    """A hash of everything the passage's records hold: the document, title, section,
    position, offsets, text, sentence spans and kinds, and the model its vectors come from.

    So a record with a given id never changes. When a document is updated and a passage
    keeps its text but moves (an insertion above it shifts its offsets), it gets a new
    id: the old record stays exactly as readers of the committed version expect it
    (`doc.text[start:end] == text`) until the commit's clean-up deletes it. Vectors are
    reused by content, not by id (`ingest.pipeline._embed_new_sentences`), so a moved
    passage is not embedded again. The same document content still gives the same ids.
    """
    fields = [
        passage.doc_id,
        passage.title,
        passage.section,
        *([passage.context] if passage.context else []),
        *([passage.sections] if passage.sections else []),
        position,
        passage.start,
        passage.end,
        passage.text,
        [[s.start, s.end, s.kind] for s in passage.sentences],
        embedding,
    ]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()[:20]


@dataclass
class _Unit:
    sentence: Sentence
    section: str
    tokens: int
    columns: tuple[int, str] = (-1, "")  # its table's header row: (start, text), if any

    @property
    def is_heading(self) -> bool:
        return self.sentence.kind in HEADING_KINDS


def make_passages(
    doc_id: str,
    title: str,
    text: str,
    max_tokens: int,
    count_tokens: Callable[[Sequence[str]], list[int]],
    embedding: str = "",
) -> list[Passage]:
    """Group consecutive sentences into passages of at most `max_tokens` tokens.

    A heading is not left at the end of a passage (with the headings right above it,
    "5. Termination" then "5.1 Notice", it opens the next one), except right over a list
    that goes on whole in the next passage (`_list_start`). Tried in session 49 and not
    kept: the heading carried over with its list (51 of the 87 eval, seed and probe
    documents cut otherwise); the eval fell (test key-fact accuracy / abstention
    precision .667 / .449 -> .655 / .438; the pdfs corpus's test MRR@6 .718 -> .687).

    A single sentence longer than the budget becomes a passage of its own (the embedder
    truncates it; the offsets stay exact). `count_tokens` takes every sentence at once:
    one batched tokenizer call is ~3x faster than one call per sentence. `embedding` (the
    model's name) goes into the ids, so vectors of another model never land under an id
    readers use.
    """
    structure = analyse(text)
    sentences = structure.sentences
    counts = count_tokens([s.text for s in sentences])
    units = [
        _Unit(s, section, n, columns)
        for s, section, n, columns in zip(
            sentences, structure.sections(), counts, structure.columns(), strict=True
        )
    ]
    groups: list[list[_Unit]] = []
    current: list[_Unit] = []
    breaks = structure.breaks()
    for unit in units:
        if current and unit.sentence.start in breaks:
            groups.append(current)  # a new message of a thread opens a new passage
            current = []
        if current and sum(u.tokens for u in current) + unit.tokens > max_tokens:
            # Headings at the end carry over to the text they title.
            at = len(current)
            while at > 0 and current[at - 1].is_heading:
                at -= 1
            at = _list_start(current, at, unit, max_tokens)
            if at:
                groups.append(current[:at])
            current = current[at:]
        current.append(unit)
    if current:
        groups.append(current)

    passages: list[Passage] = []
    for position, group in enumerate(groups):
        start, end = group[0].sentence.start, group[-1].sentence.end
        passage = Passage(
            passage_id="",
            doc_id=doc_id,
            title=title,
            section=_section(group),
            context=_context(group),
            sections=_sections(group),
            start=start,
            end=end,
            text=text[start:end],
            sentences=[u.sentence for u in group],
        )
        passage.passage_id = passage_id(passage, position, embedding)
        passages.append(passage)
    return passages


def _list_start(current: list[_Unit], at: int, unit: _Unit, max_tokens: int) -> int:
    """Where to end the passage so that a list it ends with goes on whole in the next:
    a run of list items at the end of `current` (and the line that introduces it) that
    the next item continues, when the run with that item fits in one passage. A rota, a
    price list or the steps of a procedure is then quoted and found together."""
    if unit.sentence.kind != "list_item" or at != len(current):
        return at
    start = at
    while start > 0 and current[start - 1].sentence.kind == "list_item":
        start -= 1
    if start > 0 and current[start - 1].sentence.text.rstrip().endswith(":"):
        start -= 1  # "The annual dues are:" goes with its list
    run = sum(u.tokens for u in current[start:]) + unit.tokens
    return start if 0 < start < at and run <= max_tokens else at


def _context(group: list[_Unit]) -> str:
    """The header row of the table a passage continues: its first table row's header, when
    the header row is in an earlier passage. A row cited from the passage ("| Profit before
    tax | 66.4 | 59.0 | +12.5% |") says nothing of which column is which year; retrieval
    and the answerer read the headings here. Not in the passage's text, which is exactly
    `document[start:end]` (the citations' promise), nor in its section path, whose last
    part is the heading a "which section" question is answered with."""
    start = group[0].sentence.start
    at, columns = next((u.columns for u in group if u.columns[1]), (-1, ""))
    return columns if 0 <= at < start else ""


def _sections(group: list[_Unit]) -> list[str]:
    """Each sentence's own section path, when a heading inside the passage opens another
    section ("...the last sentence of 2.1" "2.2 Scope" "The first of 2.2"); [] when they
    all share one (`Passage.section`). A passage is filled to the budget across headings
    (cutting at each lost retrieval, see the module's docstring), so 192 of the 346
    passages of the eval corpora and the seeds held more than one section, and 964 of
    their 2,569 sentences were read by the answerer under the section of the passage's
    first one (the leaflet's "Children" under "Warnings and precautions")."""
    paths = [u.section for u in group]
    return paths if len(set(paths)) > 1 else []


def _section(group: list[_Unit]) -> str:
    """The section the passage's text is in: the path of its first non-heading sentence
    (a passage opened by "5. Termination" and "5.1 Notice" is in "5. Termination > 5.1
    Notice")."""
    body = next((u for u in group if not u.is_heading), group[-1])
    return body.section
