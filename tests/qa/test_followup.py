"""The follow-up rewrite (no LLM): a follow-up keeps the subject of the turns before it."""

from __future__ import annotations

from qa.followup import standalone_question
from qa.types import ChatTurn


def turns(*pairs: str) -> list[ChatTurn]:
    out = []
    for i, text in enumerate(pairs):
        out.append(ChatTurn(role="user" if i % 2 == 0 else "assistant", content=text))
    return out


def test_a_question_that_stands_alone_is_not_rewritten():
    history = turns("What is Storm Guard?", "An option that charges the battery.")
    assert standalone_question("What is the maximum PV input voltage?", history) is None
    assert standalone_question("Who denied it?", []) is None


def test_a_follow_up_is_joined_to_the_question_before():
    history = turns("What is Storm Guard?", "An option that charges the battery.")
    assert standalone_question("How do I turn it on?", history) == (
        "What is Storm Guard? How do I turn it on?"
    )


def test_a_follow_up_of_a_follow_up_keeps_the_first_subject():
    history = turns(
        "What is Storm Guard?",
        "An option that charges the battery.",
        "How do I turn it on?",
        "Under Settings.",
    )
    rewritten = standalone_question("Does it need the internet?", history)
    assert rewritten is not None and "Storm Guard" in rewritten
    assert rewritten.endswith("Does it need the internet?")


def test_the_chain_stops_at_the_last_question_that_stood_alone():
    history = turns(
        "Who chairs the Board?",
        "Dr Helena Marsh.",
        "What is Storm Guard?",
        "An option.",
        "How do I turn it on?",
        "Under Settings.",
    )
    rewritten = standalone_question("Does it need the internet?", history)
    assert rewritten == "What is Storm Guard? How do I turn it on? Does it need the internet?"
