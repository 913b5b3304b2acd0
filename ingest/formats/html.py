"""HTML: the page's main text, without scripts, styles, navigation and page chrome.

Chosen by measurement (a page with nav, script, style, header, footer, aside and an article
with h1-h3, lists and a table; see the report of the `formats` branch):

* trafilatura 2.3 kept the article but, to keep headings at all, needed its formatting
  mode, which writes `**bold**` and `*em*` into the text and escapes `<` as `\\<`; on a short
  page (an h1 and a paragraph) it dropped the heading marks entirely; ordered lists lost
  their numbers. Text that differs from the page makes quotes differ from the page.
* selectolax (lexbor) parses the same page in 0.2 ms (trafilatura: 7-10 ms, plus 0.5 s of
  imports and six dependencies); the walk below keeps every word of the content, exactly.

So: selectolax parses; this module decides what is boilerplate (`BOILERPLATE_RULES`, each a
small named rule returning its reason) and writes the rest as Markdown-like blocks
(ingest/formats/builder.py). The main content is `<main>` when the page has one, else its
only `<article>`, else `<body>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.formats import FormatResult
from ingest.formats.builder import TextBuilder, collapse
from ingest.formats.text import decode, first_line_title
from qa.errors import UnreadableFile

# Elements whose content is never document text.
_NON_CONTENT = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link",
        "nav", "aside", "form", "button", "select", "option", "textarea", "input",
        "svg", "math", "canvas", "iframe", "object", "embed", "audio", "video", "picture",
        "img", "map", "dialog",
    }
)  # fmt: skip
# ARIA landmarks of page chrome (https://www.w3.org/TR/wai-aria-1.2/#landmark_roles).
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# A <header>/<footer> inside one of these belongs to it (an article's byline, a section's
# notes); anywhere else it is the page's banner or footer (HTML-AAM's mapping to roles).
_SECTIONING = frozenset({"article", "main", "section", "aside", "nav"})
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "hr", "html",
        "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", "caption", "tr", "td", "th", "tbody", "thead",
        "tfoot", "menu",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "menu"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


# --- boilerplate: each rule returns why an element is left out, or None ----------------
def _non_content_tag(node) -> str | None:
    return f"<{node.tag}> holds no document text" if node.tag in _NON_CONTENT else None


def _hidden(node) -> str | None:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return "hidden from readers"
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return "hidden by its style"
    return None


def _chrome_role(node) -> str | None:
    role = (node.attributes.get("role") or "").lower()
    return f"role={role} is page chrome" if role in _CHROME_ROLES else None


def _page_header_or_footer(node) -> str | None:
    if node.tag not in ("header", "footer"):
        return None
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html", None):
        if parent.tag in _SECTIONING:
            return None
        parent = parent.parent
    return f"the page's <{node.tag}>"


BOILERPLATE_RULES: tuple[Callable[[object], str | None], ...] = (
    _non_content_tag,
    _hidden,
    _chrome_role,
    _page_header_or_footer,
)


def boilerplate_reason(node) -> str | None:
    for rule in BOILERPLATE_RULES:
        if reason := rule(node):
            return reason
    return None


# --- reading -------------------------------------------------------------------------------
def read_html(raw: bytes, doc_id: str) -> FormatResult:
    from selectolax.lexbor import LexborHTMLParser

    declared = _META_CHARSET.search(raw[:4096])
    decoded = decode(raw, doc_id, declared.group(1).decode("ascii") if declared else None)
    try:
        tree = LexborHTMLParser(decoded.text)
    except Exception as exc:  # the parser's own failure on bytes it cannot take
        raise UnreadableFile(f"{doc_id}: cannot be parsed as HTML ({exc}).") from exc
    page_title = collapse(tree.css_first("title").text()) if tree.css_first("title") else ""
    root = _main_content(tree)
    if root is None:
        raise UnreadableFile(f"{doc_id}: has no <body> text; nothing to ingest.")
    _remove_boilerplate(root)
    builder = TextBuilder()
    _Walker(builder).walk(root)
    text = builder.text()
    if not text.strip():
        raise UnreadableFile(
            f"{doc_id}: has no text outside scripts, styles and navigation; nothing to ingest."
        )
    title = builder.first_heading(1) or page_title or first_line_title(text, doc_id)
    warnings = [decoded.warning] if decoded.warning else []
    return FormatResult(
        text=text, title=title, format="html", headings=builder.headings, warnings=warnings
    )


def _main_content(tree):
    """<main>, else the page's only <article>, else <body>: where the document is."""
    for selector in ("main", "article"):
        found = [n for n in tree.css(selector) if boilerplate_reason(n) is None]
        if len(found) == 1:
            return found[0]
    return tree.body


def _remove_boilerplate(root) -> None:
    """Cut every boilerplate element out of the tree (outermost ones only, then free them)."""
    doomed, stack = [], [root]
    while stack:
        node = stack.pop()
        for child in node.iter(include_text=False):
            if boilerplate_reason(child) is not None:
                doomed.append(child)
            else:
                stack.append(child)
    for node in doomed:
        node.decompose()


_BREAK = "\x00"  # where a <br> was, inside a table cell (see `inline_text`)


def inline_text(node, br: str = " ") -> str:
    """The words of an element, with a space where a block or <br> separates them. In a
    table cell (`br="; "`) a <br> parts items ("Ann Lee (chair)<br>Bo Chan (chief
    executive)"): the row must stay on one line, so a line break cannot be kept, and a
    space would run the two items together as one."""
    if br not in (" ", _BREAK):
        marked = inline_text(node, br=_BREAK)
        return re.sub(rf"\s*(?:{_BREAK}\s*)+", br, marked).strip(_BREAK + br + " ")
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.is_text_node:
            parts.append(current.text_content or "")
            continue
        if not current.is_element_node:
            continue
        if current.tag == "br":
            parts.append(br if br == _BREAK else " ")
        elif current.tag in _BLOCKS:
            parts.append(" ")
        stack.extend(reversed(list(current.iter(include_text=True))))
    return collapse("".join(parts))


class _Walker:
    """Turns the cleaned content tree into blocks: headings, paragraphs, list items, rows."""

    def __init__(self, builder: TextBuilder) -> None:
        self.out = builder
        self.buffer: list[str] = []
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.marker: str | None = None  # the open <li>'s marker, until its first text

    def walk(self, root) -> None:
        stack: list[tuple[object, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._leave(node)
            elif node.is_text_node:
                self.buffer.append(re.sub(r"[ \t\r\n\f\v]+", " ", node.text_content or ""))
            elif node.is_element_node and self._enter(node):
                stack.append((node, True))
                children = list(node.iter(include_text=True))
                stack.extend((child, False) for child in reversed(children))
        self._flush()

    def _enter(self, node) -> bool:
        """Handle an element's start; True to walk into its children."""
        tag = node.tag
        if tag == "br":
            self.buffer.append("\n")
            return False
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self.out.heading(inline_text(node), _HEADINGS[tag])
            return False
        if tag == "pre":
            self.out.code(node.text(deep=True))
            return False
        if tag == "table":
            self._table(node)
            return False
        if tag in _LISTS:
            start = node.attributes.get("start") or "1"
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        elif tag == "li":
            ordered, number = self.lists[-1] if self.lists else (False, 1)
            if ordered:
                value = node.attributes.get("value") or ""
                number = int(value) if value.isdigit() else number
                self.lists[-1][1] = number + 1
            self.marker = f"{number}." if ordered else "-"
        return True

    def _leave(self, node) -> None:
        if node.tag in _BLOCKS:
            self._flush()
        if node.tag in _LISTS and self.lists:
            self.lists.pop()
        if node.tag == "li":
            self.marker = None

    def _flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        if not text.strip():
            return
        if self.marker is not None:
            self.out.list_item(text, self.marker, depth=max(len(self.lists) - 1, 0))
            self.marker = None
        else:
            self.out.paragraph(text)

    def _table(self, table) -> None:
        caption = table.css_first("caption")
        if caption is not None:
            self.out.paragraph(inline_text(caption))
        rows = []
        for row in table.css("tr"):
            owner = _closest_table(row)
            if owner is not None and owner.mem_id != table.mem_id:
                continue  # a nested table's row: its words are in the outer cell already
            rows.append((row, [c for c in row.iter(include_text=False) if c.tag in ("td", "th")]))
        for n, (row, cells) in enumerate(rows):
            texts = [inline_text(c, br="; ") for c in cells]
            self.out.table_row(texts, header=_header_row(n, row, cells))


def _header_row(n: int, row, cells: list) -> bool:
    """The table's header row (its column headings): the first row, when it sits in <thead>
    or all its cells are <th> (HTML's own marks). An infobox's rows, a <th> then a <td>,
    have row headings, not column ones."""
    if n or not cells:
        return False
    parent = row.parent
    return (parent is not None and parent.tag == "thead") or all(c.tag == "th" for c in cells)


def _closest_table(node):
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent
