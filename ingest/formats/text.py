"""Plain text and Markdown: the bytes decoded by a short, documented list of rules.

The decoding rules, in order (the first that decides wins):

1. A byte-order mark names the encoding: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE.
2. An encoding declared by the document itself (an HTML `<meta charset>`), if Python
   knows it and the bytes decode with it.
3. NUL bytes without a BOM: a binary file (or UTF-16 without a BOM): refused.
4. Valid UTF-8: UTF-8 (the common case; ASCII is UTF-8).
5. Otherwise Windows-1252 (a superset of Latin-1 for text; what "Latin-1" files from
   Windows really are), accepted only when the result is clearly Western text: no control
   characters, and most letters ASCII. Cyrillic or Greek saved in a legacy code page would
   decode to plausible-looking garbage ("Ïðèâåò"); that is refused, not mangled. The read
   carries a warning saying the file was decoded as Windows-1252.

Hand-written rather than charset-normalizer: measured on short Western texts it picks
cp1250 for "café €" and cp1006 for "one é", which mangles exactly the files this is for.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.formats import FormatResult
from ingest.formats.sniff import content_note
from ingest.structure import (
    letter_subject,
    message_subject,
    title_block,
    title_pair,
    wrapped_title,
)
from qa.errors import UnreadableFile

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MIN_LETTERS_TO_JUDGE = 20
_MAX_NON_ASCII_LETTER_SHARE = 0.5


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a human name: "UTF-8", "UTF-16 LE", "Windows-1252"
    warning: str | None = None


# A rule returns Decoded (decided), a str (refused, with the reason), or None (next rule).
Rule = Callable[[bytes, str | None], "Decoded | str | None"]


def _byte_order_mark(raw: bytes, declared: str | None) -> Decoded | str | None:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(codec), name)
            except UnicodeDecodeError as exc:
                return (
                    f"starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start + len(bom)}); re-save it as UTF-8"
                )
    return None


def _declared_encoding(raw: bytes, declared: str | None) -> Decoded | str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None  # an unknown label: decide from the bytes instead
    if name in ("utf-16", "utf-32"):  # a declaration the bytes (no BOM) contradict
        return None
    # Browsers read "iso-8859-1" and "ascii" as windows-1252 (WHATWG Encoding Standard):
    # pages so labelled use 0x80-0x9F for € “ ” —, which Latin-1 would turn into controls.
    if name in ("iso8859-1", "latin_1", "ascii"):
        name = "cp1252"
    try:
        return Decoded(raw.decode(name), declared)
    except UnicodeDecodeError:
        return None  # the declaration is wrong; the bytes decide


def _nul_bytes(raw: bytes, declared: str | None) -> Decoded | str | None:
    if b"\x00" in raw:
        return (
            f"looks binary (it contains NUL bytes){content_note(raw)}; only text is read "
            "here (a UTF-16 file needs its byte-order mark: re-save it as UTF-8)"
        )
    return None


def _utf8(raw: bytes, declared: str | None) -> Decoded | str | None:
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        return None


def _windows_1252(raw: bytes, declared: str | None) -> Decoded | str | None:
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        return (
            f"is neither UTF-8 nor Windows-1252/Latin-1 text (byte {exc.start})"
            f"{content_note(raw)}; re-save it as UTF-8"
        )
    if m := _CONTROL.search(text):
        return (
            f"looks binary (control character {ord(m.group()):#04x} at {m.start()})"
            f"{content_note(raw)}; only text is read here"
        )
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(not c.isascii() for c in letters)
    if (
        len(letters) >= _MIN_LETTERS_TO_JUDGE
        and non_ascii / len(letters) > _MAX_NON_ASCII_LETTER_SHARE
    ):
        return (
            "is not UTF-8, and read as Windows-1252 most of its letters would be accented "
            "(a Cyrillic, Greek or other legacy code page?); re-save it as UTF-8"
        )
    return Decoded(
        text,
        "Windows-1252",
        "not valid UTF-8: decoded as Windows-1252 (Western European); if accented letters "
        "look wrong, re-save it as UTF-8",
    )


DECODING_RULES: tuple[Rule, ...] = (
    _byte_order_mark,
    _declared_encoding,
    _nul_bytes,
    _utf8,
    _windows_1252,
)


def decode(raw: bytes, doc_id: str, declared: str | None = None) -> Decoded:
    """Text from bytes by `DECODING_RULES`; UnreadableFile naming the reason otherwise."""
    for rule in DECODING_RULES:
        outcome = rule(raw, declared)
        if isinstance(outcome, str):
            raise UnreadableFile(f"{doc_id}: {outcome}.")
        if outcome is not None:
            return outcome
    raise AssertionError("the last rule always decides")  # pragma: no cover


def _checked(decoded: Decoded, doc_id: str) -> Decoded:
    if not decoded.text.strip():
        raise UnreadableFile(f"{doc_id}: is empty (only whitespace); nothing to ingest.")
    return decoded


def read_text(raw: bytes, doc_id: str) -> FormatResult:
    """Plain text, exactly as decoded; its structure is found later (ingest/structure.py)."""
    decoded = _checked(decode(raw, doc_id), doc_id)
    text = decoded.text
    return FormatResult(
        text=text,
        title=first_line_title(text, doc_id),
        format="text",
        warnings=[decoded.warning] if decoded.warning else [],
    )


def read_markdown(raw: bytes, doc_id: str) -> FormatResult:
    """Markdown, exactly as decoded, with its ATX (`# x`) and setext headings recorded."""
    decoded = _checked(decode(raw, doc_id), doc_id)
    text = decoded.text
    body_start = _front_matter_end(text)
    return FormatResult(
        text=text,
        title=first_line_title(text[body_start:], doc_id),
        format="markdown",
        headings=markdown_headings(text, body_start),
        warnings=[decoded.warning] if decoded.warning else [],
    )


def first_line_title(text: str, fallback: str) -> str:
    """The first line with words in it, without its '#' marks; or the whole first paragraph
    when it is a title hard-wrapped over a few lines (`ingest.structure.wrapped_title`, the
    structure pass's own rule); or an email's Subject (`message_subject`), a letter's "RE:"
    line (`letter_subject`); or the first line with the title-like block under it
    (`ingest.structure.title_block`, `title_pair`). Lines of punctuation alone are
    adornment, not a title: reStructuredText over- and underlines ("=====") and rules."""
    if title := wrapped_title(text):
        return title
    if title := message_subject(text):  # an email: its Subject, not its "From:" line
        return title[:200]
    if title := letter_subject(text):  # a letter: its "Re:" line, not its sender's name
        return title
    if title := title_block(text):  # an issuer's or a kind's line over the name
        return title
    if title := title_pair(text):  # the same, on adjacent lines
        return title
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if any(ch.isalnum() for ch in line):
            return line[:200]
    return fallback


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# List items, quotes and table rows: an underline below them is a rule, not a heading.
_NOT_PARAGRAPH = re.compile(r"^\s*(?:[-*+>|]\s|\d{1,9}[.)]\s|\|)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.M | re.S)


def _front_matter_end(text: str) -> int:
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def markdown_headings(text: str, start: int = 0) -> list[tuple[int, int, int]]:
    """(start, end, level) of each heading's words, skipping fenced code.

    Hand-written: the Markdown parsers here (markdown-it, mistune) give line numbers at
    best, not character offsets, and the product needs offsets into the exact text.
    """
    headings: list[tuple[int, int, int]] = []
    fence: str | None = None
    previous: tuple[int, int] | None = None  # the last plain line's content span
    paragraph_open = False  # the line before was not blank
    at = start
    for line in text[start:].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        line_start, at = at, at + len(line)
        if fence is not None:
            if content.strip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(content):
            fence = m.group(1)[0] * 3
            previous, paragraph_open = None, False
            continue
        if m := _ATX.match(content):
            if m.group(2):
                headings.append((line_start + m.start(2), line_start + m.end(2), len(m.group(1))))
            previous, paragraph_open = None, False
            continue
        if (m := _SETEXT.match(content)) and previous is not None:
            level = 1 if m.group(1).startswith("=") else 2
            headings.append((*previous, level))
            previous, paragraph_open = None, False
            continue
        stripped = content.strip()
        if stripped and not paragraph_open and not _NOT_PARAGRAPH.match(content):
            lead = len(content) - len(content.lstrip())
            previous = (line_start + lead, line_start + lead + len(stripped))
        else:
            previous = None  # only a one-line paragraph can be underlined into a heading
        paragraph_open = bool(stripped)
    return headings
