"""The house's directions of import (ARCHITECTURE.md), checked on the source: the answer
package never imports the service, the API never imports the CLI, and the UI and the
API's error handling never import each other; ingest, the store, retrieval and
qa/sections.py never import the layers above them."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize(
    ("files", "forbidden"),
    [
        ("qa/answer/*.py", "qa.service"),
        ("qa/api/*.py", "qa.cli"),
        ("ui/*.py", "qa.api"),
        ("qa/api/errors.py", "ui"),
        # ingest -> store -> retrieve -> answer: ingest reads and structures documents
        # without the retrieval or the answerer; retrieval and the shared section words
        # (qa/sections.py) sit below the answerer.
        ("ingest/**/*.py", "qa.answer"),
        ("ingest/**/*.py", "qa.retrieve"),
        ("ingest/**/*.py", "qa.service"),
        ("qa/retrieve.py", "qa.answer"),
        ("qa/sections.py", "qa.answer"),
        ("qa/sections.py", "qa.retrieve"),
        ("qa/store.py", "qa.retrieve"),
        # reading a question's slips needs only words and the thesaurus
        ("qa/spelling.py", "qa.answer"),
        ("qa/spelling.py", "qa.retrieve"),
        ("qa/spelling.py", "qa.service"),
    ],
)
def test_lower_layers_do_not_import_higher_ones(files, forbidden):
    for path in sorted(ROOT.glob(files)):
        bad = {m for m in imported_modules(path) if m == forbidden or m.startswith(forbidden + ".")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
