"""The `corpus-qa` command, run as a user runs it: a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict | None = None, input: str | None = None, timeout: int = 180):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *args],
        cwd=ROOT,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_help_is_instant_and_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("ingest", "ask", "chat", "serve", "eval"):
        assert command in result.stdout
    # --help must not import the heavy stack.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from qa import cli; cli._parser(); print('torch' in sys.modules, 'chromadb' in sys.modules)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert probe.stdout.strip() == "False False"


def test_empty_question_exits_2_with_a_clear_message():
    result = run("ask", "   ")
    assert result.returncode == 2
    assert "question is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_with_a_missing_index_ingests_the_seeds_then_answers_in_json(isolated_data_dir):
    result = run("ask", "Which British Foreign Secretary made a statement?", "--json")
    assert result.returncode == 0, result.stderr
    assert "ingesting" in result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {
        "question",
        "answer",
        "abstained",
        "mode",
        "citations",
        "passages",
        "timings_ms",
    }
    assert "Dominique Raab" in answer["answer"]
    citation = answer["citations"][0]
    assert set(citation) == {"id", "doc_id", "title", "passage_id", "quote", "start", "end", "page"}
    assert citation["page"] is None  # a text file has no pages
    text = (ROOT / "seeds" / citation["doc_id"]).read_text(encoding="utf-8")
    assert text[citation["start"] : citation["end"]] == citation["quote"]


def test_ingest_reports_and_chat_handles_follow_ups(seeded_env, tmp_path):
    result = run("ingest", str(ROOT / "seeds"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "unchanged 2" in result.stdout
    chat = run(
        "chat",
        input="Who did British authorities accuse of cyber espionage against vaccine researchers?\nWho denied it?\n/quit\n",
    )
    assert chat.returncode == 0, chat.stderr
    assert chat.stdout.count("Sources:") == 2
    second = chat.stdout.split("you>")[2]
    assert "rejects" in second or "denie" in second


def test_missing_path_is_a_clear_error(tmp_path):
    result = run("ingest", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_point_17_top_k_is_checked_as_the_api_checks_it():
    for value in ("0", "-3", "100000", "many", "2.5"):
        result = run("ask", "Who denied the accusations?", "--top-k", value)
        assert result.returncode == 2, (value, result.stderr)
        assert "--top-k" in result.stderr and "Traceback" not in result.stderr
    assert "between 1 and 50" in run("ask", "q?", "--top-k", "0").stderr
    assert "between 1 and 50" in run("chat", "--top-k", "51").stderr


def test_point_14_a_lone_surrogate_in_a_question_is_a_clean_error():
    # Bytes that are not UTF-8 reach Python's argv as lone surrogates ("\udcff").
    result = subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", b"What is \xff APT29?"],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, stderr
    assert "lone surrogate" in stderr and "Traceback" not in stderr


def test_point_14_a_line_that_is_not_utf8_in_chat_is_refused_and_chat_goes_on(seeded_env):
    result = subprocess.run(
        [sys.executable, "-m", "qa.cli", "chat"],
        cwd=ROOT,
        input=b"What is \xff\xfe APT29?\nWhich British Foreign Secretary made a statement?\n/quit\n",
        capture_output=True,
        timeout=180,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "not valid UTF-8" in stdout or "lone surrogate" in stdout
    assert "Dominique Raab" in stdout  # the next question is answered


def test_an_empty_data_dir_is_refused_not_taken_for_the_current_folder(tmp_path: Path):
    """CORPUS_QA_DATA_DIR="" once made an eval write its indexes into the source tree."""
    result = run("ingest", str(tmp_path), env_extra={"CORPUS_QA_DATA_DIR": ""})
    assert result.returncode != 0
    assert "CORPUS_QA_DATA_DIR is empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (Path.cwd() / "chroma").exists()
