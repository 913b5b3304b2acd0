"""The readers every part of the answerer shares (words, stems, table cells, sentences):
cached, so what they return must be the caller's own, and their fast paths must read as
the slow ones did."""

from __future__ import annotations

import os
import subprocess
import sys

from qa.answer.tables import cells
from qa.text import plain_apostrophes, stems, words


def test_words_read_typographic_apostrophes_as_plain_ones():
    assert words("Isn’t it the tenant’s duty?") == ["Isn't", "it", "the", "tenant's", "duty"]
    assert words("Donʼt") == ["Don't"]
    # a left quote is no part of a word, so it splits as before
    assert words("rock‘n’roll") == ["rock", "n'roll"]
    text = "The boiler’s pressure is 1.5 bar; it’s checked at 09:00 by the caretaker."
    assert words(text) == [plain_apostrophes(w) for w in words(text)]
    assert words("plain text, no apostrophes: 12% of 3,000") == [
        "plain", "text", "no", "apostrophes", "12%", "of", "3,000",
    ]  # fmt: skip


def test_cached_readers_hand_each_caller_its_own_copy():
    first = stems("The tenants pay the rent monthly")
    first.add("changed")
    assert "changed" not in stems("The tenants pay the rent monthly")
    row = "| Plan | Price |"
    spans = cells(row)
    spans.append((0, 0))
    assert cells(row) == [(2, 6), (9, 14)]


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    """`code` run in a fresh interpreter (with `env` added to the environment): what a
    process imports depends on what it imported before."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**os.environ, **env},
    )  # fmt: skip


def test_splitting_sentences_loads_punkt_without_scipy_and_scikit_learn():
    """nltk's package would import both for features Punkt never uses (~2.7 s of every fresh
    process's first answer); a process that wants them later still imports them."""
    code = (
        "import sys\n"
        "from qa.sentences import sentence_spans\n"
        "assert sentence_spans('It rains. We stay in.') == [(0, 9), (10, 21)]\n"
        "assert 'nltk' in sys.modules\n"
        "assert 'scipy' not in sys.modules and 'sklearn' not in sys.modules, 'loaded'\n"
        "import scipy.stats, sklearn.linear_model\n"
        "import nltk\n"
        "from llama_index.core.node_parser import SentenceSplitter\n"
        "assert SentenceSplitter(chunk_size=64, chunk_overlap=0).split_text('One. Two.')\n"
        "assert sys.meta_path[0].__class__.__module__ != 'qa.sentences'\n"
    )
    done = _python(code)
    assert done.returncode == 0, done.stderr


def test_an_nltk_that_needs_scipy_outright_is_imported_whole(tmp_path):
    """Should a later nltk import SciPy unguarded, the light import fails half-way: what it
    loaded is dropped, so that nltk then imports whole (its finished submodules left behind
    would break every later `import nltk`)."""
    package = tmp_path / "nltk"
    (package / "tokenize").mkdir(parents=True)
    (package / "__init__.py").write_text("from nltk import helper\nimport scipy\n")
    (package / "helper.py").write_text("")
    (package / "tokenize" / "__init__.py").write_text("")
    (package / "tokenize" / "punkt.py").write_text("")
    code = (
        "import sys\n"
        "from qa.sentences import _import_punkt_lightly\n"
        "_import_punkt_lightly()\n"
        "assert 'nltk' not in sys.modules and 'nltk.helper' not in sys.modules\n"
        "import nltk.tokenize.punkt\n"
        "assert nltk.helper and 'scipy' in sys.modules\n"
    )
    done = _python(code, PYTHONPATH=str(tmp_path))
    assert done.returncode == 0, done.stderr


def test_a_quote_on_one_line_drops_the_marks_a_reply_sets_after_its_line_breaks():
    from qa.text import on_one_line

    assert on_one_line("It will take about\n> three hours.") == "It will take about three hours."
    assert on_one_line("two\n>> > deep\n  plain") == "two deep plain"
    # A mark that is no quote's stays: "> 5 years" opens the text, "a > b" is inside a line.
    assert on_one_line("> 5 years, and a > b") == "> 5 years, and a > b"
