from pathlib import Path

import pytest

from ingest.readers import SourceFile, discover, read_document
from qa.errors import UnreadableFile


def test_reads_text_exactly_and_takes_the_first_line_as_title(tmp_path: Path):
    f = tmp_path / "a.md"
    f.write_bytes("\n\n# Heading here\r\nBody “quoted”.\n".encode())
    doc = read_document(SourceFile(f, "a.md"))
    assert doc.title == "Heading here"
    assert doc.text == "\n\n# Heading here\r\nBody “quoted”.\n"


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"\x00\x01\x02binary", "binary"), (b"caf\xe9 latin-1", "UTF-8"), (b"  \n\t", "empty")],
)
def test_bad_files_are_refused_with_a_reason_naming_them(tmp_path: Path, content: bytes, why: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(UnreadableFile, match=why) as err:
        read_document(SourceFile(f, "bad.txt"))
    assert "bad.txt" in str(err.value)


def test_discover_keeps_supported_files_in_order_and_skips_hidden(tmp_path: Path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("d")
    root, files = discover(tmp_path)
    assert root == tmp_path.resolve()
    assert [f.doc_id for f in files] == ["a.md", "b.txt", "sub/d.txt"]


def test_discover_a_missing_path_says_so(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover(tmp_path / "nope")
