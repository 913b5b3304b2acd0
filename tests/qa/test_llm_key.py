"""Issue 13, point 13: keyed LLM servers. The fake LLM is started with an API key and,
like OpenAI, answers 401 to a request without it."""

import sys

import httpx
import pytest
from helpers import ROOT, run_server

from qa.answer.llm import LLMAnswerer
from qa.config import Settings
from qa.service import QAService

pytestmark = pytest.mark.slow

KEY = "sk-test-0123456789"
QUESTION = "How certain is the NCSC that APT29 is part of Russian intelligence?"


@pytest.fixture(scope="module")
def keyed_llm(tmp_path_factory):
    log = tmp_path_factory.mktemp("keyed-llm") / "fake.log"
    args = [sys.executable, str(ROOT / "tests" / "fake_llm.py"), "--api-key", KEY]
    with run_server(args, {}, log) as server:
        yield server


def stats(server) -> dict:
    return httpx.get(server.url + "/_stats").json()


def settings_for(seed_index_dir, server, key: str | None) -> Settings:
    return Settings(
        data_dir=seed_index_dir, llm_provider="openai-like", llm_base_url=f"{server.url}/v1",
        llm_model="faithful", llm_api_key=key, llm_timeout=5, llm_max_retries=1,
    )  # fmt: skip


def test_the_fake_llm_refuses_like_openai(keyed_llm):
    url = keyed_llm.url + "/v1/chat/completions"
    body = {"model": "faithful", "messages": [{"role": "user", "content": "hi"}]}
    missing = httpx.post(url, json=body)
    assert missing.status_code == 401
    assert set(missing.json()["error"]) == {"message", "type", "param", "code"}
    assert "didn't provide an API key" in missing.json()["error"]["message"]
    wrong = httpx.post(url, json=body, headers={"Authorization": "Bearer sk-wrong-key-000"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_api_key"
    assert "sk-wrong-key-000" not in wrong.text  # the presented key is masked, as OpenAI does
    right = {"Authorization": f"Bearer {KEY}"}
    assert httpx.post(url, json=body, headers=right).status_code == 200
    for malformed in ({"messages": body["messages"]}, {"model": "faithful"},
                      {"model": "faithful", "messages": [{"role": "wizard", "content": "x"}]}):  # fmt: skip
        r = httpx.post(url, json=malformed, headers=right)
        assert r.status_code == 400 and r.json()["error"]["type"] == "invalid_request_error"
    r = httpx.post(url, content=b"{not json", headers=right)
    assert r.status_code == 400


def test_point_13_the_real_key_reaches_a_keyed_llm(seed_index_dir, keyed_llm):
    before = stats(keyed_llm).get("unauthorized", 0)
    service = QAService(settings_for(seed_index_dir, keyed_llm, KEY))
    answer = service.ask(QUESTION, mode="llm")
    # Before the fix the key went out as "**********": 401, and a quiet extractive fallback.
    assert answer.mode == "llm" and answer.notice is None, answer.notice
    assert answer.verification["kept"] >= 1
    assert stats(keyed_llm).get("unauthorized", 0) == before


def test_point_13_a_wrong_key_falls_back_once_with_a_notice(seed_index_dir, keyed_llm):
    before = stats(keyed_llm).get("unauthorized", 0)
    answer = QAService(settings_for(seed_index_dir, keyed_llm, "sk-wrong")).ask(
        QUESTION, mode="llm"
    )
    assert answer.mode == "extractive" and "HTTP 401" in answer.notice
    assert "CORPUS_QA_LLM_API_KEY" in answer.notice
    assert stats(keyed_llm)["unauthorized"] - before == 1  # a 401 is not retried


def test_point_13_answerers_are_cached_per_key_without_storing_the_key(seed_index_dir, keyed_llm):
    one = settings_for(seed_index_dir, keyed_llm, "sk-one")
    again = settings_for(seed_index_dir, keyed_llm, "sk-one")
    two = settings_for(seed_index_dir, keyed_llm, "sk-two")
    assert LLMAnswerer.for_settings(one) is LLMAnswerer.for_settings(again)
    assert LLMAnswerer.for_settings(one) is not LLMAnswerer.for_settings(two)
    from qa.answer.llm import _cache_key

    assert "sk-one" not in _cache_key(one)
    assert LLMAnswerer.for_settings(two).settings.llm_api_key.get_secret_value() == "sk-two"
