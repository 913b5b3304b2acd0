"""The stored text of a structured format (HTML, DOCX), written block by block as Markdown.

Why Markdown-like text: the structure step (ingest/structure.py) already reads `# Heading`,
`- item`, `1. item`, `| a | b |` rows and fenced code in .md files, so a DOCX or a web page
written this way gets the same sections, list items and table rows with no second parser.
The heading spans are recorded here too, as exact offsets of each heading's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH, HEADING, LIST_ITEM, TABLE_ROW, CODE = "paragraph", "heading", "list", "table", "code"
# Consecutive blocks of these kinds stay on adjacent lines (a list, a table); any other
# pair of blocks is separated by a blank line, which the structure step reads as a boundary.
_TIGHT = {LIST_ITEM, TABLE_ROW}
MAX_HEADING_LEVEL = 6


def collapse(text: str) -> str:
    """Whitespace runs (spaces, tabs, newlines, no-break spaces) to one space, trimmed."""
    return " ".join(text.split())


def table_row(cells: list[str]) -> str:
    """A table's row as Markdown: `| a | b |`."""
    return "| " + " | ".join(cells) + " |"


def header_rule(columns: int) -> str:
    """The line under a Markdown table's header row: `| --- | --- |`."""
    return "|" + "|".join(" --- " for _ in range(columns)) + "|"


@dataclass
class TextBuilder:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    headings: list[tuple[int, int, int]] = field(default_factory=list)
    last_kind: str | None = None

    def _start_block(self, kind: str) -> None:
        if self.last_kind is not None:
            self._write("\n" if kind in _TIGHT and kind == self.last_kind else "\n\n")
        self.last_kind = kind

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self, text: str) -> None:
        """A paragraph; inner line breaks are kept (the structure step joins wrapped lines)."""
        lines = [collapse(line) for line in text.splitlines()]
        text = "\n".join(line for line in lines if line)
        if text:
            self._start_block(PARAGRAPH)
            self._write(text)

    def heading(self, text: str, level: int) -> None:
        text = collapse(text)
        if not text:
            return
        level = min(max(level, 1), MAX_HEADING_LEVEL)
        self._start_block(HEADING)
        self._write("#" * level + " ")
        self.headings.append((self.length, self.length + len(text), level))
        self._write(text)

    def list_item(self, text: str, marker: str = "-", depth: int = 0) -> None:
        """One item on its own line: `- item`, `3. item`, indented two spaces per level."""
        text = collapse(text)
        if text:
            self._start_block(LIST_ITEM)
            self._write(f"{'  ' * depth}{marker} {text}")

    def table_row(self, cells: list[str], header: bool = False) -> None:
        """`| a | b |`: the row's cells on one line; a row of empty cells is left out. A
        header row (the column headings) is followed by Markdown's separator line
        `| --- | --- |`, so that the structure step knows it for the table's header."""
        cells = [collapse(cell) for cell in cells]
        if any(cells):
            self._start_block(TABLE_ROW)
            self._write(table_row(cells))
            if header:
                self._write("\n" + header_rule(len(cells)))

    def code(self, text: str) -> None:
        """Preformatted text, kept line for line inside a fence."""
        lines = text.strip("\n").splitlines()
        if any(line.strip() for line in lines):
            self._start_block(CODE)
            self._write("```\n" + "\n".join(line.rstrip() for line in lines) + "\n```")

    def text(self) -> str:
        return "".join(self.parts) + ("\n" if self.parts else "")

    def first_heading(self, level: int | None = None) -> str | None:
        """The words of the first heading (of `level`, if given)."""
        full = "".join(self.parts)
        for start, end, lvl in self.headings:
            if level is None or lvl == level:
                return full[start:end]
        return None
