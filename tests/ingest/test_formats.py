"""The format readers on real files written by the format libraries themselves, and bad ones.

PDFs are written by reportlab (text) and Pillow (an image-only "scan"), DOCX by
python-docx, and each test checks the exact stored text, the title, the heading spans and
the page of every offset, or the error the user sees.
"""

from __future__ import annotations

import codecs
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ingest.formats import PAGE_BREAK, SUPPORTED_SUFFIXES, FormatResult, read
from qa.errors import UnreadableFile

ROOT = Path(__file__).resolve().parents[2]

PDF_PAGES = [
    (
        "Part 1: Installation",
        "Mount the unit on a wall that can carry 40 kg, at least 30 cm from any heat source. "
        "Keep the vents free so the fan can move air through the housing.",
    ),
    (
        "Part 2: First start",
        "Switch the breaker on and wait until the status light turns green. The first start "
        "takes about two minutes while the unit calibrates its café-grade sensors.",
    ),
    (
        "Part 3: Warranty",
        "The warranty lasts five years and covers parts and labour. It costs 120 € to extend "
        "it by three more years, within ninety days of purchase.",
    ),
]


def flat(text: str) -> str:
    return " ".join(text.split())


def headings_of(result: FormatResult) -> list[tuple[str, int]]:
    return [(result.text[s:e], level) for s, e, level in result.headings]


# --- file makers ----------------------------------------------------------------------------
def write_pdf(path: Path, pages: list[tuple[str, str]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = []
    for heading, paragraph in pages:
        story += [Paragraph(heading, styles["Heading1"]), Paragraph(paragraph, styles["BodyText"])]
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story[:-1])
    return path


def canvas_pdf(
    path: Path, pages: list[list[tuple[str, float, float, float, str]]], landscape: bool = False
) -> Path:
    """A PDF of lines drawn where they are given: (font, size, x, y, text) per line, a
    list of them per page (A4)."""
    from reportlab.lib import pagesizes
    from reportlab.pdfgen import canvas

    size = pagesizes.landscape(pagesizes.A4) if landscape else pagesizes.A4
    pdf = canvas.Canvas(str(path), pagesize=size)
    for items in pages:
        for font, points, x, y, text in items:
            pdf.setFont(font, points)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return path


def write_image_pdf(path: Path, pages: int = 1) -> Path:
    """A 'scan': pages that are pictures of text, with no text layer."""
    from PIL import Image, ImageDraw

    images = []
    for n in range(pages):
        image = Image.new("RGB", (400, 560), "white")
        ImageDraw.Draw(image).text((40, 40), f"Scanned page {n + 1}", fill="black")
        images.append(image)
    images[0].save(path, save_all=True, append_images=images[1:])
    return path


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Employee handbook", 0)
    document.add_paragraph("Welcome. This handbook explains the rules.")
    document.add_heading("Leave", 1)
    document.add_paragraph("Staff get 25 days of paid leave a year.")
    document.add_paragraph("Ask your manager first", style="List Bullet")
    document.add_paragraph("Book it in the portal", style="List Bullet")
    document.add_paragraph("Nested point", style="List Bullet 2")
    document.add_paragraph("Fill in the form", style="List Number")
    document.add_paragraph("Send it to HR", style="List Number")
    document.add_heading("Pay grades", 2)
    table = document.add_table(rows=3, cols=3)
    rows = [["Grade", "Salary", "Notes"], ["A", "30,000", "entry level"], ["B", "40,000", "x"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 1).merge(table.cell(2, 2)).text = "40,000 or more"
    document.add_paragraph("Grades are reviewed each April.")
    document.save(path)
    return path


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Returns policy - Example Shop</title>
<style>body { font-family: sans-serif } .x::after { content: "STYLE-WORDS" }</style>
<script>var tracking = "SCRIPT-WORDS";</script>
</head><body>
<header><a href="/">Example Shop</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/shop">NAV-WORDS</a></li></ul></nav>
</header>
<div class="cookie" role="banner">BANNER-WORDS</div>
<main><article>
<header><h1>Returns   policy</h1><p>Updated in <time>May</time>.</p></header>
<p>You may return any item within <b>30 days</b> of delivery.
   Refunds go to the original payment method.</p>
<h2>How to <em>return</em> an item</h2>
<ol><li>Open your order history.</li><li>Choose the item and press <em>Return</em>.</li></ol>
<h2>Exceptions</h2>
<p>Gift cards cannot be returned.<br>Opened software neither.</p>
<ul><li>Perishable goods<ul><li>Flowers</li></ul></li><li>Custom-made items</li></ul>
<h3>Damaged goods</h3>
<table><caption>Return windows</caption><tr><th>Item</th><th>Window</th></tr>
<tr><td>Electronics</td><td>14 days</td></tr></table>
<pre>Form R-2
  Box 7</pre>
<p hidden>HIDDEN-WORDS</p><noscript>NOSCRIPT-WORDS</noscript>
</article>
<aside>ASIDE-WORDS</aside></main>
<footer>FOOTER-WORDS &copy; 2024</footer>
</body></html>
"""

HTML_TEXT = """# Returns policy

Updated in May.

You may return any item within 30 days of delivery. Refunds go to the original payment method.

## How to return an item

1. Open your order history.
2. Choose the item and press Return.

## Exceptions

Gift cards cannot be returned.
Opened software neither.

- Perishable goods
  - Flowers
- Custom-made items

### Damaged goods

Return windows

| Item | Window |
| --- | --- |
| Electronics | 14 days |

```
Form R-2
  Box 7
```
"""


# --- PDF ---------------------------------------------------------------------------------------
def test_pdf_text_layer_page_by_page_with_a_page_for_every_offset(tmp_path: Path):
    result = read(write_pdf(tmp_path / "guide.pdf", PDF_PAGES), "guide.pdf")
    assert result.format == "pdf"
    assert result.page_count == 3
    assert result.title == "Part 1: Installation"
    assert result.warnings == []
    # The spans are contiguous, cover the whole text, and hold exactly their page's words.
    assert result.pages[0][0] == 0
    assert all(a[1] == b[0] for a, b in zip(result.pages, result.pages[1:], strict=False))
    assert result.pages[-1][1] == len(result.text)
    assert [n for _, _, n in result.pages] == [1, 2, 3]
    for (start, end, number), (heading, paragraph) in zip(result.pages, PDF_PAGES, strict=True):
        # The heading, set larger than the text, is written as one ("# ..."), as HTML's are.
        assert flat(result.text[start:end]) == flat(f"# {heading} {paragraph}")
        assert result.text[start:end].startswith(f"# {heading}\n")  # line breaks as extracted
        for offset in range(start, end):
            assert result.page_at(offset) == number
    assert result.text.count(PAGE_BREAK) == 2
    assert headings_of(result) == [(heading, 1) for heading, _ in PDF_PAGES]
    # A quote found by offsets is the page's own text (the citation invariant).
    start = result.text.index("120 €")
    assert result.text[start : start + 5] == "120 €" and result.page_at(start) == 3


# A report as word processors export it: a running title and "Page N of M" on every page,
# body paragraphs that run over the page breaks.
RUNNING_TITLE = "Penhallow Libraries: Service Plan 2026 (version 4, May 2026)"
_BRANCHES = ["Abbot", "Bryony", "Cowley", "Dunstan", "Elmer", "Farrow", "Gilby"]
_TEMPLATES = [
    "The {name} library lent {n}0 books on 1 May, {k} more than a year before.",
    "Its librarian checks the {name} shelves every {k} days and logs what is missing.",
    "If visits at {name} fall below {n} a day, the branch opens only in the mornings.",
    "Children may join at {name} from birth, but a parent signs the form at the desk.",
]
REPORT_SENTENCES = [
    _TEMPLATES[n % 4].format(name=_BRANCHES[n % 7], n=n + 20, k=n % 7 + 2) for n in range(160)
]


def write_report_pdf(path: Path, footer_last: bool) -> Path:
    """Three or more pages of justified paragraphs under a running header and footer. With
    `footer_last`, the footer is drawn after the page's body (as word processors do), so it
    ends the page's text; else before it (reportlab's page callback), so it opens it."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    def header(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, A4[1] - 40, RUNNING_TITLE)
        if not footer_last:
            footer(canvas, doc)

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, 30, f"Page {doc.page}  |  Penhallow Libraries")

    body = getSampleStyleSheet()["BodyText"]
    body.alignment = TA_JUSTIFY
    story = [Paragraph(" ".join(REPORT_SENTENCES[n : n + 6]), body) for n in range(0, 160, 6)]
    doc = BaseDocTemplate(str(path), pagesize=A4)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)
    end = footer if footer_last else (lambda canvas, doc: None)
    doc.addPageTemplates([PageTemplate(frames=[frame], onPage=header, onPageEnd=end)])
    doc.build(story)
    return path


@pytest.mark.parametrize("footer_last", [False, True], ids=["footer-first", "footer-last"])
def test_pdf_leaves_out_running_headers_and_footers_and_joins_sentences_over_pages(
    tmp_path: Path, footer_last: bool
):
    result = read(write_report_pdf(tmp_path / "plan.pdf", footer_last), "plan.pdf")
    assert result.page_count >= 3
    # The running title is kept once, where the document begins; page numbers never.
    assert result.text.count(RUNNING_TITLE) == 1
    assert result.text.startswith(RUNNING_TITLE + "\n")
    assert "Penhallow Libraries\n" not in result.text and "Page 2" not in result.text
    # Every sentence reads whole, including those that run over a page break: no page
    # furniture and no blank line inside any of them.
    over_a_break = 0
    for sentence in REPORT_SENTENCES:
        found = re.search(r"[ \n]".join(map(re.escape, sentence.split())), result.text)
        assert found, sentence
        over_a_break += result.page_at(found.start()) != result.page_at(found.end() - 1)
    assert over_a_break >= 1  # the case at stake
    # The page spans still cover the text, and each page starts where its own words do.
    assert [n for _, _, n in result.pages] == list(range(1, result.page_count + 1))
    assert all(a[1] == b[0] for a, b in zip(result.pages, result.pages[1:], strict=False))
    assert result.pages[-1][1] == len(result.text)
    assert result.title == RUNNING_TITLE


def test_pdf_keeps_a_page_break_where_a_page_ends_its_last_line(tmp_path: Path):
    """Slides: a title and short bullets on each page, the organisation's name and the
    slide number at the foot. The footer goes; a slide's last bullet, short and without a
    stop, does not run on into the next slide's title; the titles, set larger and bold,
    are headings."""
    slides = [
        ("Why we plan for winter", ["Two cold winters in a row", "Visits down 6%"]),
        ("What readers can do", ["Renew online", "Return books on time"]),
        ("What we will do", ["Open on Sundays", "Lend laptops from May"]),
    ]
    pages = [
        [
            ("Helvetica-Bold", 24, 60, 500, title),
            *(("Helvetica", 16, 80, 440 - 30 * k, f"- {b}") for k, b in enumerate(bullets)),
            ("Helvetica", 9, 60, 30, f"Penhallow Libraries  {number}"),
        ]
        for number, (title, bullets) in enumerate(slides, start=1)
    ]
    canvas_pdf(tmp_path / "deck.pdf", pages, landscape=True)
    result = read(tmp_path / "deck.pdf", "deck.pdf")
    assert (
        result.text
        == PAGE_BREAK.join(
            "\n".join([f"# {title}", *(f"- {b}" for b in bullets)]) for title, bullets in slides
        )
        + "\n"
    )


def test_pdf_keeps_a_line_that_recurs_inside_the_pages(tmp_path: Path):
    """Only the pages' edges hold furniture: a line repeated in the middle of the pages
    (a table's header row, a refrain) is the document's text."""
    days = ["Monday was quiet.", "Tuesday was busy.", "Wednesday was wet."]
    pages = []
    for number, day in enumerate(days, start=1):
        staff = f"Staff on duty: {[5, 3, 6][number - 1]}."
        lines = [day, "Doors opened.", staff, "Returns sorted.", "Doors locked.",
                 f"{day.split()[0]} ended."]  # fmt: skip
        pages.append([
            *(("Helvetica", 12, 60, 780 - 20 * k, line) for k, line in enumerate(lines)),
            ("Helvetica", 12, 60, 40, f"Branch log, sheet {number}"),  # the footer, at the foot
        ])  # fmt: skip
    canvas_pdf(tmp_path / "log.pdf", pages)
    result = read(tmp_path / "log.pdf", "log.pdf")
    assert result.text.count("Returns sorted.") == 3  # mid-page: kept on every page
    assert "Branch log" not in result.text  # the footer at every page's foot
    for day in days:
        assert result.text.count(day) == 1
    # At the same place on every page, and alike but for a number that does not count the
    # pages: a line of the log, not a page number.
    assert result.text.count("Staff on duty") == 3


def test_pdf_words_broken_over_lines_are_whole_again(tmp_path: Path):
    """A typesetter's hyphen at a line end goes where it split a word ("mainte-nance"),
    and stays in a hyphenated word that happened to end a line ("long-term")."""
    lines = ["The pumps need regular mainte-", "nance, and the long-", "term plan covers re-",
             "enter checks and the com-", "mittee's pro-", "gramme."]  # fmt: skip
    page = [("Helvetica", 12, 60, 780 - 14 * k, line) for k, line in enumerate(lines)]
    canvas_pdf(tmp_path / "plan.pdf", [page])
    result = read(tmp_path / "plan.pdf", "plan.pdf")
    assert flat(result.text) == (
        "The pumps need regular maintenance, and the long-term plan covers re-enter checks "
        "and the committee's programme."
    )


def write_table_pdf(path: Path, padding: float) -> Path:
    """A caption, a table whose cells wrap over lines (a header cell too), a bulleted list
    with hanging indents, and a sentence under them. `padding` is the cells' padding above
    and below: reportlab's 3 points, or none, as word processors set it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    rows = [
        ["Branch", "Area", "Loans per day (books)"],
        ["Market Street, in the old corn exchange beside the square", "North", "7"],
        ["Hill Road, above the health centre on the first floor", "Valley", "12"],
        ["Station Approach", "Coast", "6"],
    ]
    table = Table(
        [[Paragraph(cell, style) for cell in row] for row in rows], colWidths=[200, 80, 120]
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    bullets = ListFlowable(
        [Paragraph(text, style) for text in ["Children under five", "Readers over eighty"]],
        bulletType="bullet",
    )
    story = [
        Paragraph("Table 5. Loans at each branch", style),
        table,
        bullets,
        Paragraph("The mobile library visits the villages each week.", style),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.mark.parametrize("padding", [3, 0])
def test_pdf_tables_are_written_as_rows_of_cells(tmp_path: Path, padding: float):
    """PDFium gives a table cell by cell, one space between cells; the characters' boxes
    keep the columns and rows. Each row is written as a Markdown row, a cell wrapped over
    lines whole in it, under a header; bullets and prose stay as they are."""
    result = read(write_table_pdf(tmp_path / "t.pdf", padding), "t.pdf")
    assert result.text.splitlines() == [
        "Table 5. Loans at each branch",
        "| Branch | Area | Loans per day (books) |",
        "| --- | --- | --- |",
        "| Market Street, in the old corn exchange beside the square | North | 7 |",
        "| Hill Road, above the health centre on the first floor | Valley | 12 |",
        "| Station Approach | Coast | 6 |",
        "• Children under five",
        "• Readers over eighty",
        "The mobile library visits the villages each week.",
    ]


def test_pdf_headings_by_size_and_weight(tmp_path: Path):
    """A PDF has no heading marks: lines set larger than the body, or bold where the body
    is not, are headings, ranked by size (a wrapped one is one heading); a big figure and
    a bold sentence are not. The first page's largest heading titles the document."""
    lines = [
        ("Helvetica", 8, "Penhallow Libraries, internal"),
        ("Helvetica-Bold", 24, "Service Plan"),
        ("Helvetica", 14, "How we keep the doors open"),
        ("Helvetica", 14, "through a hard winter"),
        ("Helvetica-Bold", 10, "1.1 Purpose"),
        ("Helvetica", 10, "This plan says what we do before, during and after a closure."),
        ("Helvetica", 10, "It is reviewed every year by the board and the regulator."),
        ("Helvetica", 40, "61%"),
        ("Helvetica-Bold", 10, "Visits are down, so act now."),
        ("Helvetica", 10, "Readers are asked to renew online and to return books on time."),
    ]
    page, y = [], 820.0
    for font, size, text in lines:
        y -= size * 1.6  # room for the line's own size above its baseline
        page.append((font, size, 60, y, text))
    result = read(canvas_pdf(tmp_path / "plan.pdf", [page]), "plan.pdf")
    assert result.text.splitlines() == [
        "Penhallow Libraries, internal",
        "# Service Plan",
        "## How we keep the doors open through a hard winter",
        "### 1.1 Purpose",
        "This plan says what we do before, during and after a closure.",
        "It is reviewed every year by the board and the regulator.",
        "61%",
        "Visits are down, so act now.",
        "Readers are asked to renew online and to return books on time.",
    ]
    assert result.title == "Service Plan"
    assert headings_of(result) == [
        ("Service Plan", 1),
        ("How we keep the doors open through a hard winter", 2),
        ("1.1 Purpose", 3),
    ]


def test_pdf_footnote_marks_are_superscripts_and_end_no_line(tmp_path: Path):
    """A footnote's mark is set smaller and raised: it is written as a superscript digit,
    the sentence after it is on the same line and is a sentence of its own, and the
    footnote's own number is a superscript before its text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from qa.sentences import sentence_spans

    first = "The hall seats 120 people."
    end = 60 + stringWidth(first, "Times-Roman", 11)
    page = [
        ("Times-Roman", 11, 60, 760, first),
        ("Times-Roman", 7, end, 765, "1"),
        (
            "Times-Roman",
            11,
            end + stringWidth("1", "Times-Roman", 7),
            760,
            " It is booked every day.",
        ),
        ("Times-Roman", 7, 60, 104, "1"),
        ("Times-Roman", 9, 63.5, 100, " Standing room adds forty more."),
    ]
    canvas_pdf(tmp_path / "note.pdf", [page])
    result = read(tmp_path / "note.pdf", "note.pdf")
    assert result.text.splitlines() == [
        "The hall seats 120 people.¹ It is booked every day.",
        "¹ Standing room adds forty more.",
    ]
    line = result.text.splitlines()[0]
    assert [line[a:b] for a, b in sentence_spans(line)] == [
        "The hall seats 120 people.¹",
        "It is booked every day.",
    ]


def test_pdf_furniture_is_set_apart_small_and_at_the_edges(tmp_path: Path):
    """A chapter's heading at the top of each page ("Chapter 3", set large) and body
    lines that recur on every page, evenly spaced with the rest, are the document's text;
    the small page number set apart at the foot is not."""
    pages = []
    for n in range(1, 5):
        body = [("Helvetica", 10, 60, 750 - 15 * k, f"Topic {n} line {k} says a little more.")
                for k in range(6)]  # fmt: skip
        pages.append([
            ("Helvetica-Bold", 18, 60, 780, f"Chapter {n}"),
            *body,
            ("Helvetica", 10, 60, 660, "Signed off by the branch manager."),
            ("Helvetica", 8, 290, 30, f"- {n} -"),
        ])  # fmt: skip
    result = read(canvas_pdf(tmp_path / "c.pdf", pages), "c.pdf")
    for n in range(1, 5):
        assert f"# Chapter {n}\n" in result.text
        assert f"- {n} -" not in result.text
    assert result.text.count("Signed off by the branch manager.") == 4


def test_pdf_table_over_pages_keeps_its_header_on_each(tmp_path: Path):
    """A long table repeats its header row at the top of each page: a table's header, not
    a running header, so every page's rows are read under it."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    style = getSampleStyleSheet()["BodyText"]
    rows = [["Branch", "Area", "Loans"]] + [
        [f"Branch {i}", ["North", "South", "East"][i % 3], str(100 + i)] for i in range(130)
    ]
    story = [Paragraph("Loans at every branch.", style), Table(rows, repeatRows=1)]
    SimpleDocTemplate(str(tmp_path / "t.pdf")).build(story)
    result = read(tmp_path / "t.pdf", "t.pdf")
    assert result.page_count >= 3
    lines = result.text.splitlines()
    assert lines.count("| Branch | Area | Loans |") == result.page_count
    assert sum(1 for line in lines if re.match(r"\| Branch \d+ \|", line)) == 130
    for start, end, _ in result.pages:
        assert "| Branch | Area | Loans |\n| --- | --- | --- |" in result.text[start:end]


def test_pdf_table_cells_keep_their_footnote_marks_and_blank_lines_break_nothing(tmp_path):
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    style = getSampleStyleSheet()["BodyText"]
    rows = [["Branch", "Books", "Open"], ["Abbot", "12,400<super>1</super> on loan", "61%"],
            ["Bryony", "8,100", "47%"], ["Cowley", "3,050<super>2</super>", "88%"]]  # fmt: skip
    table = Table([[Paragraph(c, style) for c in row] for row in rows], colWidths=[150, 120, 80])
    SimpleDocTemplate(str(tmp_path / "t.pdf")).build([table, Paragraph("Notes follow.", style)])
    assert read(tmp_path / "t.pdf", "t.pdf").text.splitlines() == [
        "| Branch | Books | Open |",
        "| --- | --- | --- |",
        "| Abbot | 12,400¹ on loan | 61% |",
        "| Bryony | 8,100 | 47% |",
        "| Cowley | 3,050² | 88% |",
        "Notes follow.",
    ]
    low = [("Helvetica", 10, 60, 400, "Body text up here in the middle of the page."),
           ("Helvetica", 10, 60, 34, "Name"), ("Helvetica", 10, 200, 34, "Area"),
           ("Helvetica", 10, 60, 22, "Abbot"), ("Helvetica", 10, 200, 22, "North"),
           ("Helvetica", 10, 60, 15, "     "),
           ("Helvetica", 10, 60, 4, "Bryony"), ("Helvetica", 10, 200, 4, "South")]  # fmt: skip
    text = read(canvas_pdf(tmp_path / "low.pdf", [low]), "low.pdf").text
    assert "| Bryony | South |" in text


def test_pdf_lists_code_and_hyphens_read_as_written(tmp_path: Path):
    """A list set with a hanging indent is no table, whatever its marker; a literal "#"
    line is no heading of the PDF's (nor its title); a typesetter's hyphen goes where it
    split a common word, and over a page break too."""
    items = ["Renew online", "Return books on time", "Join the reading group"]
    for mark in ["-", "*", "o", "3."]:
        lines = [("Helvetica", 10, 60, 800, "What we ask of readers:")]
        for k, item in enumerate(items):
            lines += [("Helvetica", 10, 60, 785 - 14 * k, mark),
                      ("Helvetica", 10, 80, 785 - 14 * k, item)]  # fmt: skip
        text = read(canvas_pdf(tmp_path / "l.pdf", [lines]), "l.pdf").text
        assert "|" not in text and f"{mark} Renew online" in text, text
    code = [("Helvetica", 10, 60, 780, "Setup guide for the loans script"),
            ("Courier", 10, 60, 766, "# count the loans every hour"),
            ("Helvetica", 10, 60, 752, "The script logs each count to a file.")]  # fmt: skip
    result = read(canvas_pdf(tmp_path / "code.pdf", [code]), "code.pdf")
    assert result.title == "Setup guide for the loans script" and result.headings == []
    broken = ["The staff must man-", "age the desk with-", "out a break, and up-",
              "date the long-", "term plan."]  # fmt: skip
    hyphens = [[("Helvetica", 10, 60, 780 - 14 * k, line) for k, line in enumerate(broken)]]
    text = read(canvas_pdf(tmp_path / "h.pdf", hyphens), "h.pdf").text
    assert (
        flat(text)
        == "The staff must manage the desk without a break, and update the long-term plan."
    )
    first = [f"Line {k} of the first page runs on and on, and on." for k in range(40)]
    first.append("so the desk needs regular mainte-")
    over = [
        [("Helvetica", 10, 60, 780 - 14 * k, line) for k, line in enumerate(first)],
        [("Helvetica", 10, 60, 780, "nance in the spring.")],
    ]
    text = read(canvas_pdf(tmp_path / "o.pdf", over), "o.pdf").text
    assert "needs regular maintenance in the spring." in flat(text)


def test_pdf_two_columns_set_line_by_line_read_column_by_column(tmp_path: Path):
    import textwrap

    left = (
        "The library opened late after the storm across the hills. Staff worked until "
        "noon to dry the books on the lower shelves. Most readers kept their loans."
    )
    right = ("A new branch opens in June at the foot of the valley. It will lend books to the "
             "upper villages. Work on the car park begins next week.")  # fmt: skip
    a, b = textwrap.wrap(left, 45), textwrap.wrap(right, 45)
    lines = [("Helvetica", 10, 60, 780 - 13 * k, t) for k, t in enumerate(a)]
    lines += [("Helvetica", 10, 310, 780 - 13 * k, t) for k, t in enumerate(b)]
    lines.sort(key=lambda item: (-item[3], item[2]))  # drawn row by row across the page
    text = read(canvas_pdf(tmp_path / "two.pdf", [lines]), "two.pdf").text
    assert flat(text) == flat(left + " " + right)


def test_pdf_printed_by_chromium_reads_as_the_page(tmp_path: Path):
    """A second PDF producer, Debian's chromium printing a web page (the tests' browser):
    its header and footer on every page (the date and title, the address and "1/2") go,
    a footnote's mark stays on its sentence, the table is rows, the headings headings.
    (Cells padded less than about a letter's width apart are not told apart yet.)"""
    import shutil

    chromium = shutil.which("chromium")
    assert chromium, "chromium is missing: `make test` installs it (apt-get install chromium)"
    filler = " ".join(
        f"Paragraph {n} of the review says a little more about the year." for n in range(9)
    )
    html = f"""<html><head><title>Penhallow Libraries review</title></head><body>
    <h1>Penhallow Libraries: annual review 2026</h1>
    <p>Loans rose by 3% to 1.2 million, the first rise since 2019.<sup>1</sup> The branches
    opened for 48 hours a week on average.</p>
    <h2>Branches</h2>
    <table border="1" cellpadding="8"><tr><th>Branch</th><th>Visits</th><th>Loans per day</th></tr>
    <tr><td>Market Street</td><td>120,400</td><td>410</td></tr>
    <tr><td>Station Approach</td><td>33,050</td><td>98</td></tr></table>
    {"".join(f"<p>{filler}</p>" for _ in range(12))}
    <p><sup>1</sup> Loans count e-books from April 2025.</p></body></html>"""
    (tmp_path / "review.html").write_text(html, encoding="utf-8")
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--print-to-pdf={tmp_path / 'review.pdf'}", (tmp_path / "review.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    result = read(tmp_path / "review.pdf", "review.pdf")
    assert result.page_count >= 2
    assert result.title == "Penhallow Libraries: annual review 2026"
    assert "the first rise since 2019.¹ The branches" in flat(result.text)
    assert "| Market Street | 120,400 | 410 |" in result.text
    assert "## Branches" in result.text
    assert "file:" not in result.text and "review.html" not in result.text


def test_pdf_with_an_image_only_page_warns_and_keeps_page_numbers(tmp_path: Path):
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    Image.new("RGB", (200, 100), "gray").save(tmp_path / "scan.png")
    pdf = canvas.Canvas(str(tmp_path / "mixed.pdf"), pagesize=A4)
    pdf.drawString(72, 760, "First page words.")
    pdf.showPage()
    pdf.drawImage(str(tmp_path / "scan.png"), 72, 300)  # page 2: a picture, no text layer
    pdf.showPage()
    pdf.drawString(72, 760, "Third page words.")
    pdf.showPage()
    pdf.save()
    result = read(tmp_path / "mixed.pdf", "mixed.pdf")
    assert result.page_count == 3
    assert result.text == f"First page words.{PAGE_BREAK}{PAGE_BREAK}Third page words.\n"
    assert len(result.warnings) == 1
    assert "1 of 3 pages have no text layer" in result.warnings[0]
    assert "page 2 cannot be searched" in result.warnings[0]
    assert result.page_at(result.text.index("Third")) == 3
    assert result.page_at(result.text.index("First")) == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: write_image_pdf(p, pages=2),
            r"has no text layer \(a scan\?\); OCR is not supported",
        ),
        ("encrypted", r"is encrypted \(password-protected\)"),
        ("truncated", r"is damaged and cannot be opened as a PDF"),
        (lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8), r"is damaged"),
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            r"its content is a PNG image",
        ),
        (lambda p: p.write_bytes(b""), r"is empty \(0 bytes\)"),
    ],
    ids=["scan", "encrypted", "truncated", "garbage", "png-named-pdf", "empty"],
)
def test_bad_pdfs_are_refused_with_a_clear_reason(tmp_path: Path, make, message: str):
    path = tmp_path / "bad.pdf"
    if make == "encrypted":
        from reportlab.lib import pdfencrypt
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
        pdf.drawString(72, 760, "Secret words.")
        pdf.showPage()
        pdf.save()
    elif make == "truncated":
        whole = write_pdf(tmp_path / "whole.pdf", PDF_PAGES).read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
    else:
        make(path)
    with pytest.raises(UnreadableFile, match=message) as err:
        read(path, "folder/bad.pdf")
    assert str(err.value).startswith("folder/bad.pdf: ")


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path):
    """Permissions without a user password: every viewer opens it, and so do we."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "owner.pdf"
    encrypt = pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0)
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    pdf.drawString(72, 760, "Readable words.")
    pdf.showPage()
    pdf.save()
    assert read(path, "owner.pdf").text == "Readable words.\n"


# --- DOCX --------------------------------------------------------------------------------------
def test_docx_paragraphs_headings_lists_and_tables_in_order(tmp_path: Path):
    result = read(write_docx(tmp_path / "handbook.docx"), "handbook.docx")
    assert result.format == "docx"
    assert result.title == "Employee handbook"
    assert result.text == (
        "# Employee handbook\n\n"
        "Welcome. This handbook explains the rules.\n\n"
        "## Leave\n\n"
        "Staff get 25 days of paid leave a year.\n\n"
        "- Ask your manager first\n"
        "- Book it in the portal\n"
        "  - Nested point\n"
        "1. Fill in the form\n"
        "2. Send it to HR\n\n"
        "### Pay grades\n\n"
        "| Grade | Salary | Notes |\n"
        "| --- | --- | --- |\n"  # Word's table look marks the first row as the header
        "| A | 30,000 | entry level |\n"
        "| B | 40,000 or more |\n\n"
        "Grades are reviewed each April.\n"
    )
    assert headings_of(result) == [("Employee handbook", 1), ("Leave", 2), ("Pay grades", 3)]
    assert result.pages == [] and result.page_at(0) is None


def test_docx_without_a_title_uses_heading_levels_as_they_are(tmp_path: Path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Travel policy"
    document.add_heading("Scope", 1)
    document.add_paragraph("All staff.")
    document.add_heading("Flights", 2)
    document.add_paragraph("Economy class.")
    document.save(tmp_path / "t.docx")
    result = read(tmp_path / "t.docx", "t.docx")
    assert result.title == "Travel policy"  # the document's properties, having no Title
    assert headings_of(result) == [("Scope", 1), ("Flights", 2)]
    assert result.text == "# Scope\n\nAll staff.\n\n## Flights\n\nEconomy class.\n"


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _zip(p, {"notes.txt": "hello"}), r"is a zip archive but not a Word document"),
        (
            lambda p: p.write_bytes(write_docx(p.with_suffix(".tmp")).read_bytes()[:2000]),
            r"(is a zip archive but not a Word document|is damaged)",
        ),
        (
            lambda p: p.write_bytes(b"%PDF-1.4\nnot word"),
            r"not a \.docx file \(its content is a PDF",
        ),
        (
            lambda p: p.write_text("just some text"),
            r"not a \.docx file \(it is not a zip package\)",
        ),
        (
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
            r"old Office file \(\.doc/\.xls/\.ppt\)",
        ),
    ],
    ids=["zip-renamed", "truncated", "pdf-named-docx", "text-named-docx", "old-doc"],
)
def test_bad_docx_files_are_refused_with_a_clear_reason(tmp_path: Path, make, message: str):
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(UnreadableFile, match=message) as err:
        read(path, "bad.docx")
    assert str(err.value).startswith("bad.docx: ")


def test_a_docx_with_no_text_is_refused(tmp_path: Path):
    import docx

    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(UnreadableFile, match="has no text"):
        read(tmp_path / "blank.docx", "blank.docx")


# --- HTML --------------------------------------------------------------------------------------
def test_html_main_text_without_scripts_styles_or_page_chrome(tmp_path: Path):
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    result = read(tmp_path / "page.html", "page.html")
    assert result.format == "html"
    assert result.text == HTML_TEXT
    assert result.title == "Returns policy"  # the h1, not the <title> with the site's name
    assert headings_of(result) == [
        ("Returns policy", 1),
        ("How to return an item", 2),
        ("Exceptions", 2),
        ("Damaged goods", 3),
    ]
    for chrome in ("STYLE", "SCRIPT", "NAV", "BANNER", "HIDDEN", "NOSCRIPT", "ASIDE", "FOOTER"):
        assert f"{chrome}-WORDS" not in result.text


def test_html_table_header_row_is_marked_only_for_column_headings(tmp_path: Path):
    page = (
        "<html><body><h1>Results</h1>"
        "<table><thead><tr><td>Item</td><td>2025</td></tr></thead>"
        "<tr><td>Revenue</td><td>486.3</td></tr></table>"
        "<table><tr><th>Type</th><td>Company</td></tr><tr><th>Founded</th><td>1952</td></tr>"
        "</table></body></html>"
    )
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    text = read(tmp_path / "t.html", "t.html").text
    # <thead> (or a row of <th> only) holds column headings; an infobox's <th> + <td> rows
    # have row headings.
    assert "| Item | 2025 |\n| --- | --- |\n| Revenue | 486.3 |" in text
    assert "| Type | Company |\n| Founded | 1952 |" in text


def test_a_line_break_in_an_html_table_cell_parts_its_items(tmp_path: Path):
    page = (
        "<html><body><h1>Company</h1><p>A company.</p><table>"
        "<tr><th>Key people</th><td>Ann Lee (chair)<br>Bo Chan (chief executive)<br></td></tr>"
        "</table><p>Line one<br>line two.</p></body></html>"
    )
    (tmp_path / "c.html").write_text(page, encoding="utf-8")
    text = read(tmp_path / "c.html", "c.html").text
    assert "| Key people | Ann Lee (chair); Bo Chan (chief executive) |" in text
    assert "Line one\nline two." in text  # outside a table a <br> stays a line break


def test_html_without_main_reads_the_body_and_takes_the_title_tag(tmp_path: Path):
    page = (
        "<html><head><title>Release notes</title></head><body>"
        "<header>SITE-HEADER</header><nav>Menu</nav>"
        "<div><p>Version 3 fixes the &lt;export&gt; bug.</p></div>"
        "<section><header><h2>Known issues</h2></header><p>None.</p>"
        "<footer>Section note.</footer></section>"
        "<div><footer>SITE-FOOTER</footer></div></body></html>"
    )
    (tmp_path / "notes.htm").write_text(page, encoding="utf-8")
    result = read(tmp_path / "notes.htm", "notes.htm")
    # The page's header and footer go; a section's own header and footer stay.
    assert result.text == (
        "Version 3 fixes the <export> bug.\n\n## Known issues\n\nNone.\n\nSection note.\n"
    )
    assert result.title == "Release notes"  # no h1: the <title>
    assert headings_of(result) == [("Known issues", 2)]


@pytest.mark.parametrize("label", ["windows-1252", "iso-8859-1"])
def test_html_in_a_declared_legacy_charset_is_decoded(tmp_path: Path, label: str):
    """Browsers read "iso-8859-1" as windows-1252 (WHATWG), and so do we: € stays €."""
    page = (
        f'<html><head><meta charset="{label}"></head><body><p>Prix : 5 € — café</p></body></html>'
    )
    (tmp_path / "prix.html").write_bytes(page.encode("cp1252"))
    result = read(tmp_path / "prix.html", "prix.html")
    assert result.text == "Prix : 5 € — café\n"
    assert result.warnings == []  # declared by the page itself: nothing was guessed


def test_html_with_only_scripts_and_navigation_is_refused(tmp_path: Path):
    (tmp_path / "app.html").write_text(
        "<html><body><nav>Home</nav><script>app()</script><div id='root'></div></body></html>"
    )
    with pytest.raises(UnreadableFile, match="no text outside scripts"):
        read(tmp_path / "app.html", "app.html")


# --- text and Markdown -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8-sig", "utf-32-le"],
)
def test_text_with_a_byte_order_mark_is_decoded_by_it(tmp_path: Path, bom: bytes, codec: str):
    text = "Größe: 5 €\r\nZweite Zeile “zitiert”.\n"
    (tmp_path / "a.txt").write_bytes(bom + text.encode(codec))
    result = read(tmp_path / "a.txt", "a.txt")
    assert result.text == text  # exact, CRLF kept, BOM gone
    assert result.title == "Größe: 5 €"
    assert result.warnings == []


def test_windows_1252_text_is_decoded_with_a_warning(tmp_path: Path):
    text = "Le café coûte 3 € — «bon marché».\nDeuxième ligne.\n"
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    result = read(tmp_path / "fr.txt", "fr.txt")
    assert result.text == text
    assert result.format == "text"
    assert len(result.warnings) == 1 and "Windows-1252" in result.warnings[0]


def test_utf8_text_is_read_exactly_as_today(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes("\n\nTitle line\r\nBody “quoted” café.\n".encode())
    result = read(tmp_path / "a.txt", "a.txt")
    assert result.text == "\n\nTitle line\r\nBody “quoted” café.\n"
    assert result.title == "Title line"
    assert (result.headings, result.pages, result.warnings) == ([], [], [])


@pytest.mark.parametrize("suffix", [".txt", ".md", ".rst"])
def test_a_title_under_an_overline_is_the_title_not_the_adornment(tmp_path: Path, suffix: str):
    """reStructuredText titles sit between two lines of "=": those lines are no title."""
    text = "=======================\nBackup tool reference\n=======================\n\nBody.\n"
    (tmp_path / f"ref{suffix}").write_text(text, encoding="utf-8")
    assert read(tmp_path / f"ref{suffix}", f"ref{suffix}").title == "Backup tool reference"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"is empty \(0 bytes\)"),
        (b"  \n\t\r\n", r"is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"looks binary .*its content is a PNG image"),
        (bytes(range(1, 32)) * 4 + b"\xff", r"looks binary \(control character"),
        ("Привет, как дела? Это тестовый документ.".encode("cp1251"), r"Cyrillic, Greek"),
        ("Größe".encode("utf-16-le"), r"looks binary .*byte-order mark"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", r"not valid UTF-16 LE"),
    ],
    ids=["empty", "whitespace", "png", "controls", "cp1251", "utf16-no-bom", "bad-utf16"],
)
def test_undecodable_text_is_refused_never_mangled(tmp_path: Path, content: bytes, message: str):
    (tmp_path / "bad.txt").write_bytes(content)
    with pytest.raises(UnreadableFile, match=message) as err:
        read(tmp_path / "bad.txt", "bad.txt")
    assert str(err.value).startswith("bad.txt: ")


def test_markdown_headings_are_recorded_outside_code_and_front_matter(tmp_path: Path):
    text = (
        "---\ntitle: x\n---\n"
        "# Guide\n\nIntro.\n\n## Setup ##\n\n```\n# not a heading\n```\n\n"
        "Install\n=======\n\nA paragraph\nthat wraps.\n---\n\n- item\n---\n"
    )
    (tmp_path / "g.md").write_text(text, encoding="utf-8", newline="")
    result = read(tmp_path / "g.md", "g.md")
    assert result.text == text
    assert result.format == "markdown"
    assert result.title == "Guide"
    assert headings_of(result) == [("Guide", 1), ("Setup", 2), ("Install", 1)]


def test_an_unsupported_suffix_and_a_missing_file_say_what_to_do(tmp_path: Path):
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(UnreadableFile, match=r"\.xlsx is not supported; supported: \.txt"):
        read(tmp_path / "sheet.xlsx", "sheet.xlsx")
    with pytest.raises(UnreadableFile, match="cannot be read"):
        read(tmp_path / "gone.txt", "gone.txt")
    assert {".pdf", ".docx", ".html", ".htm", ".md", ".txt", ".rst"} <= set(SUPPORTED_SUFFIXES)


def test_restructuredtext_is_read_as_plain_text(tmp_path: Path):
    """A Sphinx page (.rst) is stored exactly as written and read as plain text: its
    structure (its underlined headings) is the structure step's to find."""
    text = (
        "Settings\n========\n\n.. list-table::\n   :header-rows: 1\n\n   * - Key\n     - Default\n"
    )
    (tmp_path / "settings.rst").write_text(text, encoding="utf-8", newline="")
    result = read(tmp_path / "settings.rst", "settings.rst")
    assert (result.text, result.format, result.title) == (text, "text", "Settings")


def test_importing_the_readers_loads_no_format_library():
    """`corpus-qa --help` stays instant: the PDF/DOCX/HTML libraries load only when used."""
    code = (
        "import sys, pathlib, tempfile; import ingest.formats as f; "
        "p = pathlib.Path(tempfile.mkdtemp()) / 'a.txt'; p.write_text('hi'); f.read(p, 'a.txt'); "
        "print(sorted(m for m in ('pypdfium2', 'docx', 'selectolax', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_pdf_benchmark_helper_reads_what_it_writes(tmp_path: Path):
    """benchmarks/formats.py stays callable from `make bench` (a 3-page run, no timing asserted)."""
    from benchmarks.formats import bench_pdf_reader, markdown_lines

    result = bench_pdf_reader(tmp_path, pages=3, repeats=1)
    assert result["pages"] == 3 and result["chars"] > 3 * 2000
    assert result["pages_per_s"] > 0 and result["chars_per_s"] > 0
    assert any("pages/s" in line for line in markdown_lines({"pdf_reader": result}))


def test_a_title_wrapped_over_lines_is_stored_whole(tmp_path: Path):
    """The stored title of a hard-wrapped report is its whole title, not its first line;
    a short first line over a sentence stays the title alone."""
    body = (
        "The survey counted the nests of river terns on three gravel islands, each\n"
        "divided into plots that were checked every third day from May to July, and\n"
        "it ringed the chicks when they were about ten days old, as in the year\n"
        "before, so that the two years can be compared plot by plot and week by week,\n"
        "which is the main purpose of the monitoring programme and of this report.\n"
    )
    text = (
        "Nesting success and chick survival of river terns on three gravel islands of\n"
        "the upper Aske: the second year of a flood-pulse monitoring programme\n\n" + body
    )
    (tmp_path / "terns.txt").write_text(text, encoding="utf-8")
    assert read(tmp_path / "terns.txt", "terns.txt").title == (
        "Nesting success and chick survival of river terns on three gravel islands of the "
        "upper Aske: the second year of a flood-pulse monitoring programme"
    )
    (tmp_path / "memo.txt").write_text("Tern survey\nThe survey ended in July.\n\n" + body)
    assert read(tmp_path / "memo.txt", "memo.txt").title == "Tern survey"
