"""The UI's API endpoint, called with gradio_client, and the UI's error rendering."""

import pytest
from helpers import corpus_qa_server

from qa import config  # noqa: F401  (offline environment before gradio_client)

pytestmark = pytest.mark.slow


def test_gradio_client_gets_an_answer_with_citations(seed_index_dir, tmp_path):
    from gradio_client import Client

    with corpus_qa_server(seed_index_dir, tmp_path / "server.log") as server:
        client = Client(server.url + "/", verbose=False)
        history, sources, box, answer = client.predict(
            "How certain is the NCSC that APT29 is part of Russian intelligence?",
            [],
            6,
            "extractive",
            api_name="/chat",
        )
    assert box == ""
    assert history[-1]["role"] == "assistant" and "95%" in str(history[-1]["content"])
    assert answer["citations"] and "95%" in answer["citations"][0]["quote"]
    assert "cqa-quote" in sources


def test_errors_become_chat_messages(settings):
    """A store error during an answer is rendered as a message, not raised."""
    from ui.app import build

    demo = build(settings)  # no index in this fresh data dir: IndexMissing
    respond = next(fn for fn in demo.fns.values() if fn.api_name == "chat").fn
    outputs = list(respond("What is APT29?", [], 6, "extractive"))
    history = outputs[-1][0]
    assert history[-1]["role"] == "assistant"
    assert (
        history[-1]["content"].startswith("**Error:**")
        and "corpus-qa ingest" in history[-1]["content"]
    )


def test_corpus_qa_ui_runs_alone(seed_index_dir, tmp_path):
    import sys

    import httpx
    from gradio_client import Client
    from helpers import run_server

    args = [sys.executable, "-m", "qa.cli", "ui"]
    with run_server(
        args, {"CORPUS_QA_DATA_DIR": str(seed_index_dir)}, tmp_path / "ui.log", ready_path="/"
    ) as server:
        client = Client(server.url + "/", verbose=False)
        *_, answer = client.predict(
            "Who is the British Foreign Secretary quoted in the articles?",
            [],
            6,
            "extractive",
            api_name="/chat",
        )
        assert any("Dominique Raab" in c["quote"] for c in answer["citations"])
        page = httpx.get(server.url + "/ui/document/000_d656f2f487da6926.txt?start=0&end=20")
        assert page.status_code == 200 and "<mark id='quote'>" in page.text
