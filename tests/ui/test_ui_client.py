"""The UI's server side without a browser: its handlers on a real service, and `corpus-qa ui`.

Gradio's endpoints are private (the product's API is /v1, see /docs), so the handlers are
called as Gradio would call them, from the Blocks the UI builds.
"""

import json
import re

import httpx
import pytest

from qa.config import Settings

pytestmark = pytest.mark.slow


def handler(demo, name: str):
    return next(fn.fn for fn in demo.fns.values() if getattr(fn.fn, "__name__", "") == name)


def request(history=()) -> str:
    return json.dumps({"conversation": "c1", "turn": "t1", "history": list(history)})


def test_an_answer_arrives_with_its_sources_copy_text_and_markdown(seed_service):
    from ui.app import build

    demo = build(seed_service.settings, seed_service)
    respond = handler(demo, "respond")
    question = "How certain is the NCSC that APT29 is part of Russian intelligence?"
    outputs = list(respond(question, request(), 6, "extractive"))
    first, last = outputs[0][0], outputs[-1][0]
    assert first["state"] == "pending" and outputs[0][1] == ""  # the box empties at once
    assert last["state"] == "done" and last["turn"] == "t1" and last["conversation"] == "c1"
    assert "data-question" in last["html"] and "class='cqa-cite'" in last["html"]
    assert "id='src-t1-1'" in last["html"] and "95%" in last["html"]
    assert "Sources:" in last["copy"] and "95%" in last["copy"]
    assert "characters" in last["markdown"] and last["doc_ids"]


def test_a_follow_up_uses_the_history_the_browser_sends(seed_service):
    from ui.app import build

    respond = handler(build(seed_service.settings, seed_service), "respond")
    history = [
        {"role": "user", "content": "Who did the British authorities accuse of cyber espionage?"},
        {"role": "assistant", "content": "Russian intelligence hackers [1]."},
    ]
    *_, last = respond("Who denied it?", request(history), 6, "extractive")
    assert last[0]["state"] == "done" and re.search(r"denie|reject", last[0]["html"])


def test_errors_become_chat_messages_and_a_too_long_question_stays_in_the_box(settings):
    from ui.app import build

    respond = handler(build(settings), "respond")  # no index here: IndexMissing
    *_, last = respond("What is APT29?", request(), 6, "extractive")
    assert last[0]["state"] == "error" and "corpus-qa ingest" in last[0]["html"]
    assert "cqa-error" in last[0]["html"]
    long = "x" * (settings.max_question_chars + 1)
    (only,) = list(respond(long, request(), 6, "extractive"))
    assert only[0]["state"] == "error" and "limit is" in only[0]["html"]
    assert only[1] != ""  # the box is left as it was (a no-op update), not emptied


def test_a_request_without_its_ids_is_ignored(seed_service):
    from ui.app import build

    respond = handler(build(seed_service.settings, seed_service), "respond")
    (only,) = list(respond("What is APT29?", "not json", 6, "extractive"))
    assert all(isinstance(x, dict) and x.get("__type__") == "update" for x in only)


def test_votes_are_stored_through_the_service_and_bad_ones_refused(seed_service, tmp_path):
    import gradio as gr

    from qa.service import QAService
    from ui.app import build

    service = QAService(Settings(data_dir=tmp_path / "votes"), store=seed_service.store)
    record_vote = handler(build(service.settings, service), "record_vote")
    vote = {
        "answer_id": "t1",
        "rating": "down",
        "question": "Q?",
        "answer": "A [1].",
        "doc_ids": ["d"],
    }
    record_vote(gr.EventData(None, {"feedback": json.dumps(vote)}))
    record_vote(gr.EventData(None, {"feedback": json.dumps({**vote, "answer_id": "../x"})}))
    record_vote(gr.EventData(None, {"feedback": "<script>"}))
    summary = service.feedback_summary()
    assert (summary.up, summary.down) == (0, 1)


def test_corpus_qa_ui_runs_alone(seed_index_dir, tmp_path):
    import sys

    from helpers import run_server

    args = [sys.executable, "-m", "qa.cli", "ui"]
    with run_server(
        args, {"CORPUS_QA_DATA_DIR": str(seed_index_dir)}, tmp_path / "ui.log", ready_path="/"
    ) as server:
        page = httpx.get(server.url + "/")
        assert page.status_code == 200 and "window.cqa" in page.text
        doc = httpx.get(server.url + "/ui/document/000_d656f2f487da6926.txt?start=0&end=20")
        assert doc.status_code == 200 and "<mark id='quote'>" in doc.text
