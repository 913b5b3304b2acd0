import pytest

from qa.errors import EmptyQuestion, IndexMissing, ModeUnavailable, QuestionTooLong
from qa.service import QAService


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_questions_are_refused(settings, question):
    with pytest.raises(EmptyQuestion):
        QAService(settings).ask(question)


def test_huge_questions_are_refused_before_any_work(settings):
    with pytest.raises(QuestionTooLong, match="limit is 2000"):
        QAService(settings).ask("why " * 600)


def test_a_missing_index_says_how_to_build_it(settings):
    with pytest.raises(IndexMissing, match="corpus-qa ingest"):
        QAService(settings).ask("Who is APT29?")


def test_llm_mode_without_an_llm_says_how_to_configure_one(seed_settings):
    with pytest.raises(ModeUnavailable, match="CORPUS_QA_LLM_PROVIDER"):
        QAService(seed_settings).ask("Who is APT29?", mode="llm")
