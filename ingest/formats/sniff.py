"""What a file really is, from its first bytes: so a PNG named `.pdf` is refused by name.

Hand-written: a dozen well-known signatures are all the readers need to say "this is a PNG
image, not a PDF"; a detection library (python-magic, filetype) would add a dependency (and
libmagic) for the same short table.
"""

from __future__ import annotations

# (signature, offset, what it is): the kinds a user is likely to drop by mistake.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        "an old Office file (.doc/.xls/.ppt) or a password-protected Office file",
    ),
    (b"PK\x03\x04", 0, "a zip archive (or an Office .docx/.xlsx/.pptx)"),
    (b"PK\x05\x06", 0, "an empty zip archive"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "a Linux program"),
    (b"MZ", 0, "a Windows program"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"ftyp", 4, "an MP4/MOV video or audio file"),
)


def kind_of(raw: bytes) -> str | None:
    """What the bytes are, when they start with a known signature; None otherwise."""
    for signature, offset, kind in _SIGNATURES:
        if raw[offset : offset + len(signature)] == signature:
            return kind
    return None


def content_note(raw: bytes) -> str:
    """' (its content is a PNG image)' for a known kind, '' otherwise: for error messages.

    Only messages use it: a text file may well start with "MZ" or "ID3", so a signature
    alone never refuses text; the decoding rules do.
    """
    kind = kind_of(raw)
    return f" (its content is {kind})" if kind else ""
