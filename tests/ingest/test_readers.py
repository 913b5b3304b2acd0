from pathlib import Path

import pytest
from doc_files import write_pdf

from ingest.readers import SourceFile, discover, read_document
from qa.errors import FileTooLarge, UnreadableFile


def test_reads_text_exactly_and_takes_the_first_line_as_title(tmp_path: Path):
    f = tmp_path / "a.md"
    f.write_bytes("\n\n# Heading here\r\nBody “quoted”.\n".encode())
    doc = read_document(SourceFile(f, "a.md"))
    assert doc.title == "Heading here"
    assert doc.text == "\n\n# Heading here\r\nBody “quoted”.\n"


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"\x00\x01\x02binary", "binary"), (b"  \n\t", "empty")],
)
def test_bad_files_are_refused_with_a_reason_naming_them(tmp_path: Path, content: bytes, why: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(UnreadableFile, match=why) as err:
        read_document(SourceFile(f, "bad.txt"))
    assert "bad.txt" in str(err.value)


def test_a_windows_1252_file_is_read_with_a_warning_not_refused(tmp_path: Path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le café coûte 3 € à Zürich.".encode("cp1252"))
    doc = read_document(SourceFile(f, "latin.txt"))
    assert doc.text == "Le café coûte 3 € à Zürich."
    assert doc.format == "text" and doc.pages == []
    assert len(doc.warnings) == 1 and "Windows-1252" in doc.warnings[0]


def test_a_file_over_the_limit_is_refused_by_its_size_on_disk(tmp_path: Path):
    f = tmp_path / "big.md"
    f.write_text("# Big\n" + "word " * 400)
    with pytest.raises(FileTooLarge, match=r"big\.md: 2,006 bytes is over the limit of 2,000"):
        read_document(SourceFile(f, "big.md"), max_bytes=2000)
    assert read_document(SourceFile(f, "big.md"), max_bytes=2006).title == "Big"


def test_a_pdf_is_read_with_its_pages(tmp_path: Path):
    f = write_pdf(tmp_path / "r.pdf", ["First page words.", "Second page words."])
    doc = read_document(SourceFile(f, "r.pdf"))
    assert doc.format == "pdf" and doc.page_count == 2
    second = doc.text.index("Second")
    assert [page for start, end, page in doc.pages if start <= second < end] == [2]


def test_discover_keeps_supported_files_in_order_and_skips_hidden(tmp_path: Path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "e.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("d")
    root, files = discover(tmp_path)
    assert root == tmp_path.resolve()
    assert [f.doc_id for f in files] == ["a.md", "b.txt", "c.pdf", "sub/d.txt"]


def test_discover_a_missing_path_says_so(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover(tmp_path / "nope")
