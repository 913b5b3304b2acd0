"""No module of the product assigns a top-level name twice. A second `_REACH = 2` far
down `qa/answer/compose.py` once silently replaced an earlier `_REACH = 40` that a
function above it read, and no linter rule catches that (ruff's F811 covers only
functions, classes and imports)."""

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    p
    for pattern in ("qa/**/*.py", "ingest/**/*.py", "ui/**/*.py", "evals/**/*.py")
    for p in ROOT.glob(pattern)
)


def top_level_names(tree: ast.Module) -> Counter:
    """The names a module binds at its top level: assignments, functions and classes (not
    imports, and not names bound inside `if`/`try` blocks, which choose between two)."""
    names: Counter = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_bound_twice(path: Path):
    names = top_level_names(ast.parse(path.read_text(encoding="utf-8")))
    assert [n for n, count in names.items() if count > 1] == []


def test_the_check_sees_a_name_bound_twice():
    tree = ast.parse("_REACH = 40\ndef f():\n    return _REACH\n_REACH: int = 2\n")
    assert top_level_names(tree)["_REACH"] == 2
