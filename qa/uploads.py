"""What is checked about an uploaded file before anything is written: its name, its type, its size.

Each check is a small named rule that returns its reason (or None); the first reason
refuses the whole request, so a request is taken whole or not at all. What only reading
can tell (a corrupt PDF, a scan without a text layer, an undecodable text) is found later
by the ingest job and reported per file; it never stops the other files.

Names become document ids, i.e. paths under the corpus folder: a name that could escape it
(`../`, an absolute path, a backslash, NUL) or hide in it (a dot file) is refused, and the
final path is checked to be inside the folder after symlinks are resolved (`target_path`).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ingest.formats import FORMATS, SUPPORTED_SUFFIXES
from ingest.formats.sniff import content_note, kind_of
from qa.errors import BadUpload, UnsupportedFile, UploadTooLarge

_CHUNK = 1 << 20
_HEAD = 8192  # bytes kept for the content checks
_MAX_NAME_BYTES = 255  # one path segment, as most file systems allow
_MAX_PATH_CHARS = 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class IncomingFile:
    """A file as a front end received it: its name, the type the client declared (if any)
    and a readable binary stream (the API's UploadFile.file, or an open file)."""

    name: str
    stream: BinaryIO
    content_type: str | None = None


@dataclass
class StagedFile:
    """An incoming file copied to the staging folder, checked, with its size and hash."""

    name: str
    doc_id: str
    path: Path
    size: int
    sha256: str


# --- names ---------------------------------------------------------------------------------
NameRule = Callable[[str], "str | None"]


def _not_empty(name: str) -> str | None:
    return "the file has no name; send it with a file name such as report.pdf" if not name else None


def _no_control_characters(name: str) -> str | None:
    if _CONTROL.search(name):
        return "the name contains a control character (NUL, newline, ...); rename the file"
    return None


def _no_backslash(name: str) -> str | None:
    if "\\" in name:
        return "the name contains a backslash; use a plain file name (folders with '/')"
    return None


def _relative(name: str) -> str | None:
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "the name is an absolute path; send a plain file name"
    return None


def _no_dot_segments(name: str) -> str | None:
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "the name has an empty, '.' or '..' part; it must stay inside the corpus folder"
    return None


def _not_hidden(name: str) -> str | None:
    if any(part.startswith(".") for part in name.split("/")):
        return "the name (or one of its folders) starts with '.': hidden files are not indexed"
    return None


def _not_too_long(name: str) -> str | None:
    if len(name) > _MAX_PATH_CHARS or any(
        len(part.encode("utf-8", "surrogatepass")) > _MAX_NAME_BYTES for part in name.split("/")
    ):
        return f"the name is too long (at most {_MAX_NAME_BYTES} bytes per part); shorten it"
    return None


def _encodable(name: str) -> str | None:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the name is not valid Unicode text; rename the file"
    return None


NAME_RULES: tuple[NameRule, ...] = (
    _not_empty,
    _encodable,
    _no_control_characters,
    _no_backslash,
    _relative,
    _no_dot_segments,
    _not_hidden,
    _not_too_long,
)


def check_name(name: str | None) -> str:
    """The document id for an uploaded file name, or BadUpload (400) with the reason.
    Hand-written rules rather than a "secure filename" helper: those rewrite names
    (werkzeug's drops non-ASCII letters), and a document id must be the name the user
    gave, or be refused with a reason."""
    name = (name or "").strip()
    for rule in NAME_RULES:
        if reason := rule(name):
            raise BadUpload(f"{name!r}: {reason}.", "files")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFile(
            f"{name!r}: the type {suffix or '(no suffix)'} is not supported; upload "
            f"{', '.join(SUPPORTED_SUFFIXES)} files.",
            "files",
        )
    return name


def target_path(root: Path, doc_id: str) -> Path:
    """Where `doc_id` lives under the corpus folder `root`; BadUpload if, once its folders'
    symlinks are resolved, that is outside the folder."""
    root = root.resolve()
    target = root / doc_id
    if target.is_dir():
        raise BadUpload(f"{doc_id!r} is a folder in the corpus folder; choose another name.")
    if not target.parent.resolve().is_relative_to(root) or (
        target.is_symlink() and not target.resolve().is_relative_to(root)
    ):
        raise BadUpload(
            f"{doc_id!r}: its folder leads outside the corpus folder (a symlink); choose "
            "another name.",
            "files",
        )
    return target


# --- content ---------------------------------------------------------------------------------
ContentRule = Callable[[str, bytes, Path, "str | None"], "str | None"]

# What clients declare for each format; a declaration outside these (and the generic
# ones) contradicts the suffix. Browsers send "" or octet-stream for types they do not know.
_DECLARED: dict[str, set[str]] = {
    "pdf": {"application/pdf", "application/x-pdf"},
    "docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
        "application/x-zip-compressed",
    },
    "html": {"text/html", "application/xhtml+xml"},
    "markdown": {"text/markdown", "text/x-markdown", "text/plain"},
    "text": {"text/plain", "text/x-rst", "text/prs.fallenstein.rst"},
}
_GENERIC = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}
# Signatures no text file starts with (a text may start with "MZ" or "ID3": those are not here).
_BINARY_KINDS = ("PDF", "image", "zip", "gzip", "7-Zip", "RAR", "Linux program", "Office")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _declared_type_agrees(fmt: str, head: bytes, path: Path, declared: str | None) -> str | None:
    kind = (declared or "").split(";")[0].strip().lower()
    if kind in _GENERIC or kind in _DECLARED[fmt]:
        return None
    return f"was sent as {kind}, which is not a {fmt} type; send the file itself"


def _not_empty_content(fmt: str, head: bytes, path: Path, declared: str | None) -> str | None:
    return "is empty (0 bytes)" if not head else None


def _pdf_signature(fmt: str, head: bytes, path: Path, declared: str | None) -> str | None:
    if fmt == "pdf" and b"%PDF-" not in head[:1024]:
        return f"is not a PDF{content_note(head)}"
    return None


def _word_document(fmt: str, head: bytes, path: Path, declared: str | None) -> str | None:
    """A .docx is a zip holding word/document.xml: a plain zip, or an old .doc, is not."""
    if fmt != "docx":
        return None
    if not head.startswith(b"PK\x03\x04"):
        return f"is not a Word .docx document{content_note(head)}"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return "is a damaged zip file, not a readable Word .docx document"
    if "word/document.xml" not in names:
        return "is a zip archive, not a Word .docx document (it has no word/document.xml)"
    return None


def _text_is_text(fmt: str, head: bytes, path: Path, declared: str | None) -> str | None:
    if fmt not in ("text", "markdown", "html") or head.startswith(_BOMS):
        return None
    kind = kind_of(head)
    if kind and any(word in kind for word in _BINARY_KINDS):
        return f"is not text: its content is {kind}"
    if b"\x00" in head:
        return "is not text (it contains NUL bytes); a UTF-16 file needs its byte-order mark"
    return None


CONTENT_RULES: tuple[ContentRule, ...] = (
    _not_empty_content,
    _declared_type_agrees,
    _pdf_signature,
    _word_document,
    _text_is_text,
)


def check_content(doc_id: str, head: bytes, path: Path, declared: str | None) -> None:
    """UnsupportedFile (415) when the content is not what the suffix says; BadUpload (400)
    for an empty file."""
    fmt = FORMATS[PurePosixPath(doc_id).suffix.lower()]
    for rule in CONTENT_RULES:
        if reason := rule(fmt, head, path, declared):
            error = BadUpload if rule is _not_empty_content else UnsupportedFile
            raise error(f"{doc_id!r} {reason}.", "files")


# --- staging -----------------------------------------------------------------------------------
def stage(incoming: IncomingFile, doc_id: str, path: Path, max_bytes: int) -> StagedFile:
    """Copy the file to `path` (the job's staging folder), hashing it; refuse it when it
    is over `max_bytes` (413) or its content is not what its name says (415)."""
    digest = hashlib.sha256()
    head = io.BytesIO()
    size = 0
    with path.open("wb") as out:
        while chunk := incoming.stream.read(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise UploadTooLarge(
                    f"{doc_id!r} is over the limit of {_size(max_bytes)} per file "
                    "(CORPUS_QA_MAX_FILE_BYTES); split it, or ask the operator to raise the "
                    "limit.",
                    "files",
                )
            if head.tell() < _HEAD:
                head.write(chunk[: _HEAD - head.tell()])
            digest.update(chunk)
            out.write(chunk)
    check_content(doc_id, head.getvalue(), path, incoming.content_type)
    return StagedFile(incoming.name, doc_id, path, size, digest.hexdigest())


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
