"""Document text exactly as stored and served: every offset in the product refers to it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from qa.errors import UnreadableFile

SUPPORTED_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class SourceFile:
    path: Path
    doc_id: str  # path relative to the corpus root, with forward slashes


@dataclass(frozen=True)
class SourceText:
    doc_id: str
    title: str
    text: str
    sha256: str


def discover(path: Path) -> tuple[Path, list[SourceFile]]:
    """The corpus root and the supported files under `path`, in a stable order."""
    path = path.resolve()
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: pass a folder or a .txt/.md file.")
    if path.is_file():
        return path.parent, [SourceFile(path, path.name)]
    files = [
        SourceFile(p, p.relative_to(path).as_posix())
        for p in sorted(path.rglob("*"))
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]
    return path, files


def read_document(source: SourceFile) -> SourceText:
    """Decode strictly: a binary or non-UTF-8 file is refused rather than silently mangled."""
    try:
        raw = source.path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            f"{source.doc_id}: cannot be read ({exc.strerror}); check its permissions."
        ) from exc
    if b"\x00" in raw[:8192]:
        raise UnreadableFile(
            f"{source.doc_id}: looks binary (NUL bytes); only UTF-8 text is ingested."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"{source.doc_id}: is not valid UTF-8 (byte {exc.start}); re-save it as UTF-8."
        ) from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise UnreadableFile(f"{source.doc_id}: is empty.")
    return SourceText(
        doc_id=source.doc_id,
        title=_title(text, source.doc_id),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return fallback
