"""LLM mode against a real OpenAI-compatible server: llama-cpp-python's, with the packaged
gemma-3-270m GGUF and `--api_key` (`make test-llm`; tests/llm_server.py).

The model is a small *base* model: what it writes is not scripted and mostly wrong. So
every test asserts what must hold whatever it writes:
- no sentence is shown as supported unless the judge supported it;
- every citation is exact (`doc_text[start:end] == quote`) and every [n] has one;
- a fallback to extractive quotes carries a notice;
- nothing hangs (each test is bounded, and each answer is timed).
"""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time

import httpx
import psutil
import pytest
from helpers import corpus_qa_server, decode, sse_events
from llm_server import REQUIRED, corpus_qa_llm_env, llama_server, locate

from qa.answer.llm import PROMPT_ECHO
from qa.config import Settings
from qa.service import QAService
from qa.types import Answer, ChatTurn

FILES, MISSING = locate()
pytestmark = [
    pytest.mark.real_llm,
    pytest.mark.slow,
    pytest.mark.timeout(600),
    # Skipped before any fixture is built, except under `make test-llm`, where the
    # `llama_files` fixture fails instead.
    pytest.mark.skipif(FILES is None and os.environ.get(REQUIRED) != "1", reason=MISSING),
]

QUESTIONS = [
    "How certain is the NCSC that APT29 is part of Russian intelligence?",
    "Who denied the accusations?",
    "What is the population of Finland?",  # not in the corpus
]
# Bound on one answer, whatever the model does: nothing hangs. Most of an answer's time is
# the server reading a ~1,000-token prompt (BENCHMARKS.md has the figures); the margin is
# for a 2-core machine that is busy with other work.
ANSWER_BOUND_S = 120
# Fail fast off and no stop sequences: the base model then writes until its budget ends, so
# only the event under test (a death, a disconnect) can end the generation early.
RUNAWAY = {
    "llm_max_unverified_in_a_row": 0,
    "llm_stop_on_unknown_citation": False,
    "llm_stop_on_prompt_echo": False,
    "llm_stop_sequences": [],
}


@pytest.fixture(scope="module")
def llama_files():
    if FILES is None:
        pytest.fail(MISSING)
    return FILES


@pytest.fixture(scope="module")
def llama(llama_files, tmp_path_factory):
    log = tmp_path_factory.mktemp("llama") / "llama-server.log"
    with llama_server(llama_files, log) as server:
        yield server


def settings_for(data_dir, llama, **overrides) -> Settings:
    values = {
        "data_dir": data_dir, "llm_provider": "openai-like", "llm_base_url": f"{llama.url}/v1",
        "llm_model": llama.model, "llm_api_key": llama.api_key, "llm_timeout": 120,
        **overrides,
    }  # fmt: skip
    return Settings(**values)


def document_text(service: QAService, doc_id: str) -> str:
    return service.document(doc_id).text


def assert_holds(answer: dict | Answer, text_of) -> None:
    """What must hold whatever the model wrote. `text_of(doc_id)` gives a document's text."""
    a = answer if isinstance(answer, dict) else answer.model_dump(mode="json")
    ids = {c["id"] for c in a["citations"]}
    for c in a["citations"]:
        assert text_of(c["doc_id"])[c["start"] : c["end"]] == c["quote"]
    assert {int(n) for n in re.findall(r"\[(\d+)\]", a["answer"])} <= ids
    if a["mode"] == "extractive":  # LLM mode fell back: the user is told why
        assert a["notice"] and "Showing quotes from the documents instead" in a["notice"]
        return
    verdicts = a["sentence_verdicts"]
    supported = [v["sentence"] for v in verdicts if v["supported"]]
    assert a["verification"]["kept"] == len(supported)
    if a["abstained"]:
        assert a["citations"] == [] and supported == []
        return
    assert supported, "an LLM-mode answer that is not an abstention has a verified sentence"
    # The answer is made of the supported sentences, each with its citations, and nothing
    # else (CORPUS_QA_LLM_UNSUPPORTED_POLICY=drop).
    shown = re.sub(r"\s*\[\d+\]", "", a["answer"])
    assert re.sub(r"\s+", " ", shown).strip() == " ".join(supported).strip()


def timed(call):
    started = time.monotonic()
    result = call()
    took = time.monotonic() - started
    assert took < ANSWER_BOUND_S, f"took {took:.1f}s"
    return result, took


# --- in-process ----------------------------------------------------------------------------
@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_in_llm_mode_holds_whatever_the_model_writes(seed_index_dir, llama, question):
    service = QAService(settings_for(seed_index_dir, llama))
    answer, _ = timed(lambda: service.ask(question, mode="llm"))
    assert answer.notice is None or "HTTP 401" not in answer.notice  # the key was sent
    assert_holds(answer, lambda d: document_text(service, d))


def test_the_stream_shows_only_verified_sentences(seed_index_dir, llama):
    service = QAService(settings_for(seed_index_dir, llama))
    pieces, final = [], None
    started = time.monotonic()
    for item in service.ask_stream(QUESTIONS[0], mode="llm"):
        assert time.monotonic() - started < ANSWER_BOUND_S
        if isinstance(item, Answer):
            final = item
        else:
            pieces.append(item)
    assert final is not None
    assert "".join(pieces).split() == final.answer.split()
    assert_holds(final, lambda d: document_text(service, d))


def test_a_follow_up_is_condensed_through_the_server(seed_index_dir, llama):
    service = QAService(settings_for(seed_index_dir, llama))
    before = llama.log().count("POST /v1/chat/completions")
    history = [
        ChatTurn(role="user", content="Who accused Russian hackers of targeting vaccine research?"),
        ChatTurn(role="assistant", content="The NCSC did."),
    ]
    answer, _ = timed(lambda: service.ask("Did they deny it?", history=history, mode="llm"))
    # The model's rewrite, or the rule-based one when the model's is unusable: either way a
    # standalone question, and two requests reached the server (condense, then answer).
    assert answer.standalone_question and answer.standalone_question.strip()
    assert not PROMPT_ECHO.search(answer.standalone_question)  # seen: "Conversation:"
    assert "Conversation" not in answer.answer
    assert llama.log().count("POST /v1/chat/completions") - before == 2
    assert_holds(answer, lambda d: document_text(service, d))


def test_a_wrong_key_is_a_clear_error_naming_the_setting(seed_index_dir, llama):
    service = QAService(settings_for(seed_index_dir, llama, llm_api_key="not-the-key"))
    answer, _ = timed(lambda: service.ask(QUESTIONS[0], mode="llm"))
    assert answer.mode == "extractive"
    assert "HTTP 401" in answer.notice and "CORPUS_QA_LLM_API_KEY" in answer.notice
    assert "not-the-key" not in answer.notice
    assert_holds(answer, lambda d: document_text(service, d))
    assert "401 Unauthorized" in llama.log()


def test_a_server_that_dies_mid_stream_falls_back_in_time(seed_index_dir, llama_files, tmp_path):
    with llama_server(llama_files, tmp_path / "doomed.log") as doomed:
        service = QAService(settings_for(seed_index_dir, doomed, llm_max_retries=0, **RUNAWAY))
        final, killed = None, False
        started = time.monotonic()
        for item in service.ask_stream(QUESTIONS[0], mode="llm"):
            if not killed and isinstance(item, str):  # the first piece: the LLM is writing
                doomed.server.process.send_signal(signal.SIGKILL)
                killed = True
            if isinstance(item, Answer):
                final = item
        took = time.monotonic() - started
    assert killed and final is not None and took < ANSWER_BOUND_S
    assert final.notice and ("LLM failed" in final.notice or "stopped part-way" in final.notice)
    assert_holds(final, lambda d: document_text(service, d))


# --- over HTTP: the real uvicorn server in front of the real LLM server --------------------
@pytest.fixture(scope="module")
def api(seed_index_dir, llama, tmp_path_factory):
    log = tmp_path_factory.mktemp("api") / "api.log"
    with corpus_qa_server(seed_index_dir, log, "--no-ui", env=corpus_qa_llm_env(llama)) as s:
        yield s


@pytest.fixture(scope="module")
def seed_texts(seed_service):
    return lambda doc_id: seed_service.document(doc_id).text


def test_api_ask_in_llm_mode(api, seed_texts):
    r, _ = timed(
        lambda: httpx.post(
            api.url + "/v1/ask",
            json={"question": QUESTIONS[0], "mode": "llm"},
            timeout=ANSWER_BOUND_S + 30,
        )
    )
    assert r.status_code == 200
    assert_holds(r.json(), seed_texts)


def test_api_ask_stream_in_llm_mode(api, seed_texts):
    def call():
        with httpx.stream(
            "POST", api.url + "/v1/ask/stream", json={"question": QUESTIONS[1], "mode": "llm"},
            timeout=ANSWER_BOUND_S + 30,
        ) as r:  # fmt: skip
            assert r.status_code == 200
            return sse_events(r.iter_lines())

    events, _ = timed(call)
    names = [n for n, _ in events]
    assert names[-2:] == ["answer", None] and events[-1][1] == "[DONE]"
    final = decode(events[-2][1])
    text = "".join(decode(d)["text"] for n, d in events if n == "delta")
    assert text.split() == final["answer"].split()
    assert_holds(final, seed_texts)


@pytest.mark.parametrize("stream", [False, True])
def test_the_openai_compatible_endpoint_in_llm_mode(api, seed_texts, stream):
    body = {
        "model": "corpus-qa-llm",
        "messages": [{"role": "user", "content": QUESTIONS[0]}],
        "stream": stream,
    }
    r, _ = timed(
        lambda: httpx.post(api.url + "/v1/chat/completions", json=body, timeout=ANSWER_BOUND_S + 30)
    )
    assert r.status_code == 200
    if not stream:
        payload = r.json()
        assert payload["choices"][0]["message"]["content"] == payload["corpus_qa"]["answer"]
        assert_holds(payload["corpus_qa"], seed_texts)
        return
    data = [d for _, d in sse_events(r.text.splitlines())]
    assert data[-1] == "[DONE]"
    chunks = [decode(d) for d in data[:-1]] + ["[DONE]"]
    final = chunks[-2]["corpus_qa"]
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks[:-1])
    assert text.split() == final["answer"].split()
    assert_holds(final, seed_texts)


def _busy(process: psutil.Process, window: float = 1.0) -> float:
    """CPU seconds the process used per second over `window`."""
    before = sum(process.cpu_times()[:2])
    time.sleep(window)
    return (sum(process.cpu_times()[:2]) - before) / window


def test_a_client_disconnect_stops_the_generation(seed_index_dir, llama_files, tmp_path):
    # Its own LLM server (no other request may touch it) and no fail fast or budget limit,
    # so the model would write for a long time unless the disconnect stops it.
    with llama_server(llama_files, tmp_path / "llama.log") as own:
        env = corpus_qa_llm_env(
            own,
            **{f"CORPUS_QA_{k.upper()}": json.dumps(v) for k, v in RUNAWAY.items()},
            CORPUS_QA_LLM_UNSUPPORTED_POLICY="flag",  # each sentence is shown, marked
            CORPUS_QA_LLM_MAX_TOKENS="2048",
            CORPUS_QA_LLM_TOKENS_PER_SENTENCE="1024",
        )
        llm_process = psutil.Process(own.pid)
        with corpus_qa_server(seed_index_dir, tmp_path / "api.log", "--no-ui", env=env) as api:
            generating = threading.Event()
            with httpx.stream(
                "POST", api.url + "/v1/ask/stream",
                json={"question": "Describe everything the documents say.", "mode": "llm"},
                timeout=ANSWER_BOUND_S + 30,
            ) as r:  # fmt: skip
                for line in r.iter_lines():
                    if line.startswith("event: delta"):  # the model is writing sentences
                        generating.set()
                        break
            # The client has left. The request ends and the model stops within seconds.
            assert generating.is_set(), "the model never wrote a sentence"
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and "Disconnected from client" not in own.log():
                time.sleep(0.2)
            assert "Disconnected from client" in own.log()
            assert _busy(llm_process) < 0.3  # idle: no generation left running
