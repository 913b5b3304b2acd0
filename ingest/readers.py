"""Which files an ingest covers, and each one's text exactly as stored and served.

Every offset in the product refers to that text. The formats themselves (PDF, HTML, DOCX,
Markdown, plain text) are read by `ingest.formats`; this module finds the files, applies
the size limit and hands each one to the reader of its suffix.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest import formats
from qa.errors import FileTooLarge, UnreadableFile

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = formats.SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class SourceFile:
    path: Path
    doc_id: str  # path relative to the corpus root, with forward slashes


@dataclass(frozen=True)
class SourceText:
    doc_id: str
    title: str
    text: str
    sha256: str  # of the text (what is indexed), so a re-saved identical file is unchanged
    format: str = "text"  # "pdf" | "html" | "docx" | "markdown" | "text"
    # (start, end, page): contiguous spans covering the text; PDF only.
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    page_count: int = 0  # pages in the file (PDF only), including pages with no text
    headings: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, level)
    warnings: list[str] = field(default_factory=list)  # read anyway, but worth saying


@dataclass
class Discovery:
    """What an ingest of `target` covers."""

    root: Path  # the corpus root: document ids are paths relative to it
    target: Path  # what was asked for, inside the root
    files: list[SourceFile]
    skipped: dict[str, str] = field(default_factory=dict)  # doc_id -> why (not read)

    @property
    def scope(self) -> str:
        """The part of the id space this ingest mirrors: "" (the whole root), "sub/"
        (a folder) or "sub/a.txt" (one file)."""
        rel = self.target.relative_to(self.root).as_posix()
        if rel == ".":
            return ""
        return rel + "/" if self.target.is_dir() else rel

    def __iter__(self):
        """Unpacks as `root, files`, the pair `discover` used to return."""
        return iter((self.root, self.files))

    def covers(self, doc_id: str) -> bool:
        scope = self.scope
        return doc_id.startswith(scope) if scope.endswith("/") or not scope else doc_id == scope


def corpus_root(path: Path, candidates: Sequence[Path | str | None]) -> Path:
    """The root that document ids under `path` are relative to: the first candidate
    folder that contains `path` (the folder the index was built from, then the
    configured corpus folder), else `path` itself (a folder) or its folder (a file).
    So `ingest corpus/sub/a.txt` after `ingest corpus` updates `sub/a.txt` rather than
    adding a second `a.txt`."""
    target = _target(path)
    for candidate in candidates:
        if not candidate:
            continue
        root = Path(candidate).resolve()
        if root.is_dir() and target.is_relative_to(root):
            return root
    return target if target.is_dir() else target.parent


def _target(path: Path) -> Path:
    """`path` made absolute with its folders resolved. A file's own name is kept, so a
    symlink is judged by where it points (`discover`), and named by where it is."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: pass a folder or a file ({', '.join(SUPPORTED_SUFFIXES)})."
        )
    return path.resolve() if path.is_dir() else path.absolute().parent.resolve() / path.name


def discover(path: Path, root: Path | None = None) -> Discovery:
    """The supported files under `path` (a folder or one file), in a stable order, with
    ids relative to `root` (default: `path` itself, or a file's folder).

    Hidden files and folders are left out. A symlink is followed only when it resolves
    inside the root: one that leaves it (`ln -s /etc/passwd corpus/passwd.txt`) is
    skipped with a warning, and a folder is never entered twice (symlink loops)."""
    target = _target(path)
    root = (root or (target if target.is_dir() else target.parent)).resolve()
    if not target.is_relative_to(root):
        raise ValueError(f"{target} is not inside the corpus root {root}")
    found = Discovery(root, target, [])
    if not target.is_dir():
        if target.suffix.lower() in SUPPORTED_SUFFIXES:
            _add(found, target)
        else:
            found.skipped[found.scope] = (
                f"has the suffix {target.suffix or '(none)'}, which is not read; supported: "
                f"{', '.join(SUPPORTED_SUFFIXES)}"
            )
        return found
    seen: set[str] = set()
    for folder, dirs, names in os.walk(target, followlinks=True):
        here = Path(folder)
        real = os.path.realpath(here)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        kept = []
        for name in sorted(dirs):
            sub = here / name
            if name.startswith("."):
                continue
            if not sub.resolve().is_relative_to(root):
                _outside(found, sub)
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                _add(found, here / name)
    found.files.sort(key=lambda f: f.doc_id)
    return found


def _add(found: Discovery, file: Path) -> None:
    if not file.resolve().is_relative_to(found.root):
        _outside(found, file)
    elif file.is_file():
        found.files.append(SourceFile(file, file.relative_to(found.root).as_posix()))


def _outside(found: Discovery, link: Path) -> None:
    doc_id = link.relative_to(found.root).as_posix()
    why = (
        f"is a symlink to {link.resolve()}, outside the corpus root {found.root}; skipped "
        "(copy the file into the corpus folder to ingest it)"
    )
    log.warning("%s %s", doc_id, why)
    found.skipped[doc_id] = why


def read_document(source: SourceFile, max_bytes: int | None = None) -> SourceText:
    """The document's text and structure, read by the reader of its suffix
    (`ingest.formats`). A file over `max_bytes` (the file's size on disk, whatever its
    format) is refused before it is read; a file that cannot be read raises
    UnreadableFile with a message naming it and saying what to do."""
    try:
        size = source.path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(
            f"{source.doc_id}: cannot be read ({exc.strerror}); check its permissions."
        ) from exc
    if max_bytes is not None and size > max_bytes:
        raise FileTooLarge(
            f"{source.doc_id}: {_mb(size)} is over the limit of {_mb(max_bytes)} per file "
            "(CORPUS_QA_MAX_FILE_BYTES); split it into smaller files, or raise the limit."
        )
    read = formats.read(source.path, source.doc_id)
    for warning in read.warnings:
        log.warning("%s: %s", source.doc_id, warning)
    return SourceText(
        doc_id=source.doc_id,
        title=read.title,
        text=read.text,
        sha256=hashlib.sha256(read.text.encode("utf-8")).hexdigest(),
        format=read.format,
        pages=list(read.pages),
        page_count=read.page_count,
        headings=list(read.headings),
        warnings=list(read.warnings),
    )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
