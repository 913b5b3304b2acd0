"""DOCX (Word 2007+): paragraphs in order, headings, list items and tables, via python-docx.

Written as Markdown-like blocks (ingest/formats/builder.py): the Title paragraph is `# `,
"Heading n" is one level below it (`## ` for Heading 1) when the document has a Title,
else `#` * n, as a web page's h1 is its title and h2 its sections. Lists are `- item` or
`n. item` (two spaces of indent per level); tables are `| cell | cell |` rows, a merged
cell written once. Page headers and footers, footnotes, comments and text boxes are not
read: python-docx does not expose them in the body's order.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from ingest.formats import FormatResult
from ingest.formats.builder import TextBuilder, collapse
from ingest.formats.sniff import content_note
from ingest.formats.text import first_line_title
from qa.errors import UnreadableFile

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list\b(?:.*?)(\d)?$", re.I)
_MAX_STYLE_DEPTH = 5  # base-style chain followed to find a custom heading's origin


@dataclass(frozen=True)
class _Para:
    kind: str  # "title" | "heading" | "list" | "paragraph"
    text: str
    level: int = 0  # heading level, or list depth
    numbered: bool = False


def read_docx(raw: bytes, doc_id: str) -> FormatResult:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not raw.startswith(b"PK\x03\x04"):
        raise UnreadableFile(
            f"{doc_id}: is not a .docx file{content_note(raw) or ' (it is not a zip package)'}; "
            "open it in Word or LibreOffice and save it as .docx."
        )
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile) as exc:
        raise UnreadableFile(
            f"{doc_id}: is a zip archive but not a Word document ({exc}); "
            "save the document as .docx from Word or LibreOffice."
        ) from exc
    except ValueError as exc:  # python-docx: "file ... is not a Word file, content type is ..."
        raise UnreadableFile(f"{doc_id}: is not a Word document ({exc}).") from exc
    except Exception as exc:  # corrupt XML or zip members: the library's own errors vary
        raise UnreadableFile(
            f"{doc_id}: is damaged and cannot be read ({type(exc).__name__}: {exc}); "
            "open it in Word or LibreOffice and save it again."
        ) from exc
    try:
        blocks = list(_blocks(document))
    except Exception as exc:
        raise UnreadableFile(
            f"{doc_id}: is damaged and cannot be read ({type(exc).__name__}: {exc}); "
            "open it in Word or LibreOffice and save it again."
        ) from exc
    builder = _write(blocks)
    text = builder.text()
    if not text.strip():
        raise UnreadableFile(f"{doc_id}: has no text in its body; nothing to ingest.")
    title = (
        next((b.text for b in blocks if isinstance(b, _Para) and b.kind == "title"), None)
        or collapse(document.core_properties.title or "")
        or builder.first_heading()
        or first_line_title(text, doc_id)
    )
    return FormatResult(text=text, title=collapse(title), format="docx", headings=builder.headings)


def _blocks(document):
    """Paragraphs (classified) and tables (as lists of rows of cell texts), in body order."""
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield _table_rows(item)
        else:
            yield _paragraph(item)


def _paragraph(paragraph) -> _Para:
    text = paragraph.text
    style = paragraph.style
    level = _heading_level(style)
    if level == 0:
        return _Para("title", text)
    if level is not None:
        return _Para("heading", text, level)
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    name = style.name if style is not None else ""
    list_style = _LIST_STYLE.match(name or "")
    if num_pr is not None or list_style:
        depth = 0
        if num_pr is not None and num_pr.ilvl is not None:
            depth = int(num_pr.ilvl.val)
        elif list_style and list_style.group(1):
            depth = int(list_style.group(1)) - 1
        numbered = "number" in (name or "").lower() or _numbered(paragraph, num_pr, depth)
        return _Para("list", text, depth, numbered=numbered)
    return _Para("paragraph", text)


def _numbered(paragraph, num_pr, depth: int) -> bool:
    """Whether Word numbers this list level (decimal, letters, roman) rather than bullets it."""
    if num_pr is None or num_pr.numId is None:
        return False
    try:
        numbering = paragraph.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return False  # no numbering part: Word shows no numbers either
    formats = numbering.xpath(
        f"w:abstractNum[@w:abstractNumId=string(../w:num[@w:numId='{num_pr.numId.val}']"
        f"/w:abstractNumId/@w:val)]/w:lvl[@w:ilvl='{depth}']/w:numFmt/@w:val"
    )
    return bool(formats) and formats[0] not in ("bullet", "none")


def _heading_level(style) -> int | None:
    """0 for Title, n for Heading n (or a style based on it, or with an outline level)."""
    for _ in range(_MAX_STYLE_DEPTH):
        if style is None:
            return None
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 0
        if m := _HEADING_STYLE.match(name):
            return int(m.group(1))
        p_pr = style.element.pPr
        outline = p_pr.find(_qn("w:outlineLvl")) if p_pr is not None else None
        if outline is not None and outline.get(_qn("w:val"), "").isdigit():
            value = int(outline.get(_qn("w:val")))
            return value + 1 if value < 9 else None  # 9 is "body text"
        style = style.base_style
    return None


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


class _Table(list):
    """A table's rows of cell texts; `header`: its first row holds the column headings."""

    header: bool = False


def _header_row(table) -> bool:
    """Word's own marks of a header row: the first row repeats as a header row
    (`w:tblHeader`), or the table's look gives the first row the header formatting
    (`w:tblLook w:firstRow="1"`, or bit 0x0020 of its older `w:val` form; Word sets it on
    new tables). A table of one row has no header."""
    tbl = table._tbl
    if len(tbl.tr_lst) < 2:
        return False
    tr_pr = tbl.tr_lst[0].trPr
    if tr_pr is not None and tr_pr.find(_qn("w:tblHeader")) is not None:
        value = tr_pr.find(_qn("w:tblHeader")).get(_qn("w:val"), "1")
        if value not in ("0", "false"):
            return True
    look = tbl.tblPr.find(_qn("w:tblLook")) if tbl.tblPr is not None else None
    if look is None:
        return False
    first_row = look.get(_qn("w:firstRow"))
    if first_row is not None:
        return first_row in ("1", "true")
    try:
        return bool(int(look.get(_qn("w:val"), "0"), 16) & 0x0020)
    except ValueError:
        return False


def _table_rows(table) -> _Table:
    rows = _Table()
    rows.header = _header_row(table)
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated for each grid column
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text)
        rows.append(cells)
    return rows


def _write(blocks: list) -> TextBuilder:
    builder = TextBuilder()
    has_title = any(isinstance(b, _Para) and b.kind == "title" for b in blocks)
    counters: dict[int, int] = {}
    for block in blocks:
        if isinstance(block, list):
            counters.clear()
            for n, cells in enumerate(block):
                builder.table_row(cells, header=n == 0 and getattr(block, "header", False))
            continue
        if block.kind == "list":
            marker = "-"
            if block.numbered:
                counters = {d: n for d, n in counters.items() if d <= block.level}
                counters[block.level] = counters.get(block.level, 0) + 1
                marker = f"{counters[block.level]}."
            builder.list_item(block.text, marker, depth=block.level)
            continue
        if block.text.strip():
            counters.clear()
        if block.kind == "title":
            builder.heading(block.text, 1)
        elif block.kind == "heading":
            builder.heading(block.text, block.level + 1 if has_title else block.level)
        else:
            builder.paragraph(block.text)
    return builder
