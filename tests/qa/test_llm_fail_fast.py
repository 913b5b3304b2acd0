"""Fail fast: LLM output that has clearly gone wrong is stopped early, not waited out.

The rules run on the real judge (the packaged embedding model) and, end to end, against the
scripted OpenAI-protocol server (tests/fake_llm.py), whose runaway models would stream for
~15 s if nobody stopped them.
"""

import re
import time

import httpx
import pytest

from qa.answer.llm import (
    PROMPT_ECHO,
    FailFast,
    SentenceVerifier,
    max_tokens_for,
)
from qa.config import Settings
from qa.service import QAService
from qa.verify import Judge

QUESTION = "How certain is the NCSC that APT29 is part of Russian intelligence?"


@pytest.fixture(scope="module")
def prepared(seed_service):
    return seed_service.prepare(QUESTION, [], 6)


def verifier_for(seed_service, prepared, fail_fast: FailFast) -> SentenceVerifier:
    judge = Judge(lambda texts: seed_service.index.embedder.embed(list(texts)))
    return SentenceVerifier(judge, prepared.passages, "drop", fail_fast)


def first_sentence(prepared, n: int) -> str:
    return prepared.passages[n - 1].sentences[0].text


def feed_all(verifier: SentenceVerifier, text: str, piece: int = 7) -> int:
    """Feeds `text` in small deltas until the verifier says stop; returns the chars fed."""
    for i in range(0, len(text), piece):
        verifier.feed(text[i : i + piece])
        if verifier.stop_reason:
            return i + piece
    verifier.finish()
    return len(text)


MADE_UP = "The committee met on a Tuesday to discuss the colour of the new logo [1]. "


def test_two_unverifiable_sentences_in_a_row_stop_the_generation(seed_service, prepared):
    verifier = verifier_for(seed_service, prepared, FailFast())
    text = f"{first_sentence(prepared, 1)} [1] " + MADE_UP * 30
    fed = feed_all(verifier, text)
    assert verifier.stop_reason and "2 sentences in a row could not be verified" in (
        verifier.stop_reason
    )
    assert fed < len(text) // 5  # stopped within the first few sentences
    assert verifier.counts == {"kept": 1, "flagged": 0, "dropped": 2}
    assert verifier.finish() == []  # the unfinished rest is never shown


def test_one_unverifiable_sentence_between_verified_ones_does_not_stop(seed_service, prepared):
    verifier = verifier_for(seed_service, prepared, FailFast())
    good = f"{first_sentence(prepared, 1)} [1] "
    feed_all(verifier, good + MADE_UP + good + MADE_UP + good)
    assert verifier.stop_reason is None
    assert verifier.counts["kept"] == 3 and verifier.counts["dropped"] == 2


def test_the_threshold_is_a_setting_and_zero_never_stops(seed_service, prepared):
    text = MADE_UP * 6
    three = verifier_for(seed_service, prepared, FailFast(max_unverified_in_a_row=3))
    feed_all(three, text)
    assert three.stop_reason.startswith("3 sentences in a row")
    never = verifier_for(seed_service, prepared, FailFast(0, False, False))
    feed_all(never, text)
    assert never.stop_reason is None and never.counts["dropped"] == 6
    settings = Settings(llm_max_unverified_in_a_row=5, llm_stop_on_prompt_echo=False)
    assert FailFast.from_settings(settings) == FailFast(5, True, False)


def test_a_citation_to_a_passage_never_given_stops_at_once(seed_service, prepared):
    verifier = verifier_for(seed_service, prepared, FailFast())
    unknown = len(prepared.passages) + 3
    feed_all(verifier, f"{first_sentence(prepared, 1)} [{unknown}] " + MADE_UP * 10)
    assert f"cited passage [{unknown}]" in verifier.stop_reason
    assert f"only {len(prepared.passages)} passages were given" in verifier.stop_reason
    assert verifier.counts["kept"] == 0


@pytest.mark.parametrize(
    "echo",
    [
        "\n[7] The Russian government has no reason to comment.",  # a new numbered passage
        '\n<passage id="7" title="x">',
        "\nQuestion: who else?",
        "\nPassages:",
        "\nuser: and then?",
        " <start_of_turn>user",
        " <|im_start|>assistant",
    ],
)
def test_text_that_continues_the_prompt_stops_before_the_sentence_ends(
    seed_service, prepared, echo
):
    verifier = verifier_for(seed_service, prepared, FailFast())
    text = f"{first_sentence(prepared, 1)} [1]{echo} and so on " * 3
    fed = feed_all(verifier, text)
    assert verifier.stop_reason and "prompt's own format" in verifier.stop_reason
    assert fed < len(text) // 3  # within a few characters of the echo
    assert verifier.counts["dropped"] == 0 and verifier.counts["kept"] <= 1


@pytest.mark.parametrize(
    "answer",
    [
        "Answer: The warranty lasts two years [1].",
        "The report [1] says the warranty lasts two years [2].",
        "There are three steps:\n1. Open the lid [1].\n2. Press reset [2].",
        "The user manual says: press reset [1]. Question 4 of the form asks for a date [2].",
    ],
)
def test_ordinary_answers_are_not_taken_for_the_prompt(answer):
    assert PROMPT_ECHO.search(answer) is None


def test_max_tokens_fit_the_question():
    settings = Settings()
    short = max_tokens_for("How many vaccines were tested?", settings)
    open_ = max_tokens_for("Why did the agency publish the advisory?", settings)
    assert short == 2 * settings.llm_tokens_per_sentence
    assert open_ == (settings.max_answer_sentences + 1) * settings.llm_tokens_per_sentence
    assert max_tokens_for("Why?", Settings(llm_max_tokens=100)) == 100  # the cap holds


# --- end to end, against the scripted server ------------------------------------------------
@pytest.fixture(scope="module")
def warm(seed_index_dir, fake_llm):
    """llama-index imported and the model loaded, so a test times only the answer."""
    service_for(seed_index_dir, fake_llm, "faithful").ask(QUESTION, mode="llm")


def stats(fake_llm) -> dict:
    return httpx.get(fake_llm.url + "/_stats").json()


def service_for(seed_index_dir, fake_llm, model: str) -> QAService:
    settings = Settings(
        data_dir=seed_index_dir, llm_provider="openai-like", llm_base_url=f"{fake_llm.url}/v1",
        llm_model=model, llm_timeout=10, llm_max_retries=0,
    )  # fmt: skip
    return QAService(settings)


def wait_for(fake_llm, key: str, timeout: float = 5) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not stats(fake_llm).get(key):
        time.sleep(0.1)
    return stats(fake_llm).get(key, 0)


def assert_exact(answer, service):
    for c in answer.citations:
        assert service.document(c.doc_id).text[c.start : c.end] == c.quote
    assert {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)} == {
        c.id for c in answer.citations
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("model", "reason", "mode"),
    [
        ("runaway-unverified", "2 sentences in a row could not be verified", "llm"),
        ("runaway-unknown-citation", "passages were given", "llm"),
        ("runaway-role-marker", "prompt's own format", "llm"),
        ("runaway-new-passage", "prompt's own format", "extractive"),
    ],
)
def test_a_runaway_is_stopped_within_seconds_and_says_why(
    seed_index_dir, fake_llm, warm, model, reason, mode
):
    service = service_for(seed_index_dir, fake_llm, model)
    started = time.monotonic()
    answer = service.ask(QUESTION, mode="llm")
    took = time.monotonic() - started
    assert took < 6, f"{model} took {took:.1f}s; the whole runaway streams for ~15 s"
    assert answer.mode == mode and "stopped early" in answer.notice
    assert reason in answer.notice
    if mode == "llm":  # the sentence verified before the runaway stays, cited exactly
        assert answer.verification["kept"] == 1 and len(answer.citations) == 1
        assert "Only the sentences verified before that are shown" in answer.notice
    else:
        assert "Showing quotes from the documents instead" in answer.notice
    assert "committee" not in answer.answer and "user:" not in answer.answer
    assert_exact(answer, service)
    # The server saw the stream closed: the generation stopped there.
    assert wait_for(fake_llm, f"cancelled:{model}") >= 1
    assert not stats(fake_llm).get(f"completed:{model}")


@pytest.mark.slow
def test_each_request_carries_stop_sequences_and_a_budget(seed_index_dir, fake_llm):
    service = service_for(seed_index_dir, fake_llm, "faithful")
    service.ask(QUESTION, mode="llm")
    body = httpx.get(fake_llm.url + "/_last").json()
    assert body["stop"] == service.settings.llm_stop_sequences
    assert "<passage" in body["stop"] and "\nQuestion:" in body["stop"]
    assert body["max_tokens"] == max_tokens_for(QUESTION, service.settings)
    assert body["max_tokens"] < service.settings.llm_max_tokens


@pytest.mark.slow
def test_a_rewrite_that_echoes_the_prompt_is_replaced_by_the_rule_based_one(
    seed_index_dir, fake_llm
):
    from qa.followup import standalone_question
    from qa.types import ChatTurn

    history = [ChatTurn(role="user", content="Who accused Russian hackers of targeting research?")]
    service = service_for(seed_index_dir, fake_llm, "echo-condense")
    answer = service.ask("Who denied it?", history=history, mode="llm")
    assert answer.standalone_question == standalone_question("Who denied it?", history)
    assert "Conversation" not in answer.answer
