"""Small real documents, written by the format libraries themselves, for ingest and upload tests.

PDFs by reportlab (a text layer) and Pillow (an image-only "scan"), DOCX by python-docx,
HTML as a string; and the bad files a user drops by mistake.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def pdf_bytes(pages: list[str]) -> bytes:
    """A PDF with one paragraph per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = []
    for text in pages:
        story += [Paragraph(text, styles["BodyText"]), PageBreak()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story[:-1])
    return out.getvalue()


def write_pdf(path: Path, pages: list[str]) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def scan_pdf_bytes(pages: int = 1) -> bytes:
    """A 'scan': pages that are pictures of text, with no text layer."""
    from PIL import Image, ImageDraw

    images = []
    for n in range(pages):
        image = Image.new("RGB", (400, 560), "white")
        ImageDraw.Draw(image).text((40, 40), f"Scanned page {n + 1}", fill="black")
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:])
    return out.getvalue()


def docx_bytes(heading: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(heading, 1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_bytes(title: str, heading: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<script>var noise = 'SCRIPT-WORDS';</script></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<main><h1>{heading}</h1>{body}</main></body></html>"
    ).encode()


def zip_bytes() -> bytes:
    """A plain zip archive: what a `.docx` that is not a Word document really is."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
