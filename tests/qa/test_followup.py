"""The follow-up rewrite (no LLM): a follow-up keeps the subject of the turns before it."""

from __future__ import annotations

import pytest

from qa.followup import resolve_person, rewrite, standalone_question
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


# --- who "he" and "she" are ------------------------------------------------------------------
WHO_DPO = ("Who is the data protection officer?", "Margit Lindqvist.")


@pytest.mark.parametrize(
    ("history", "question", "resolved"),
    [
        # the answer to a who-question leads with the person
        (WHO_DPO, "How can I contact her?", "How can I contact Margit Lindqvist?"),
        (WHO_DPO, "What's her phone number?", "What's Margit Lindqvist's phone number?"),
        (WHO_DPO, "Did you ask her about it?", "Did you ask Margit Lindqvist about it?"),
        (("Who chairs the Board?", "Dr Helena Marsh."), "What did she say?",
         "What did Helena Marsh say?"),
        (("Who made the cross?", "Lindiwe Mokoena, in 2014."), "Where was she studying?",
         "Where was Lindiwe Mokoena studying?"),
        (("Who founded it?", "Edith Garrowby, a pharmacist, and Arthur Lyle."),
         "When did she retire?", "When did Edith Garrowby retire?"),
        # the extractive answer's own shape: a title in quotes, the lead, its citation
        (("Who is the Head Ranger?",
          "According to “SKELMOOR NEWS”: Isla Drummond [1] — The Head Ranger, Isla Drummond, said"),
         "What did she say about the bridge?", "What did Isla Drummond say about the bridge?"),
        # "Who is X?" asks about X, whatever the answer says; honorifics and quotes dropped
        (("Who is Kirill Dmitriev?", "He heads Russia's state fund for direct investment."),
         "Did he say Russia needed a vaccine?", "Did Kirill Dmitriev say Russia needed a vaccine?"),
        (("Who is Dr Helena Marsh?", "The CEO."), "What did she say?", "What did Helena Marsh say?"),
        (("Who is “Helena Marsh”?", "The CEO."), "What did she say?", "What did Helena Marsh say?"),
        (("Who is Helena Marsh, the CEO?", "Yes."), "What did she say?",
         "What did Helena Marsh say?"),
        # every pronoun of the family; "her" owns a noun, not an adverb or a time
        (WHO_DPO, "When did she start, and what is her salary?",
         "When did Margit Lindqvist start, and what is Margit Lindqvist's salary?"),
        (WHO_DPO, "Did you see her yesterday?", "Did you see Margit Lindqvist yesterday?"),
        (WHO_DPO, "Can I call her back?", "Can I call Margit Lindqvist back?"),
        (WHO_DPO, "Can I email her directly?", "Can I email Margit Lindqvist directly?"),
        (WHO_DPO, "What is her own email?", "What is Margit Lindqvist's own email?"),
        (WHO_DPO, "What is her\nsalary?", "What is Margit Lindqvist's\nsalary?"),
        # a follow-up of a follow-up still reaches the who-question
        ((*WHO_DPO, "How can I contact her?", "By email."), "What is her phone number?",
         "What is Margit Lindqvist's phone number?"),
    ],
)  # fmt: skip
def test_a_personal_pronoun_names_the_person_a_who_question_found(history, question, resolved):
    assert resolve_person(question, turns(*history)) == resolved


@pytest.mark.parametrize(
    ("history", "question"),
    [
        # not a who-question, though its answer is a name: "her" is the ship, "he" anyone
        (("Why is the Mary Rowan still in dry dock?", "Gareth Pryce."),
         "Who is the surveyor that won't sign her off?"),
        (("What did the FBI Director say?", "That China is working hard."),
         "Which country was he talking about?"),
        # the answer names nobody
        (("Who is the DPO?", "The documents don't say: nothing in them mentions “DPO”."),
         "How can I contact her?"),
        # "Who is X?" where X is no name: the answer's lead is the person, and here there is none
        (("Who is Orvane's data protection officer?", "a lawyer in the legal team."),
         "How can I contact her?"),
        # no personal pronoun, or no history
        (WHO_DPO, "How do I contact the office?"),
        ((), "What did she say?"),
        # the answer does not consist of a name, or lead with one alone: a name inside a
        # sentence may be anyone it mentions
        (("Who is the DPO?", "The DPO is Margit Lindqvist [1]."), "How can I contact her?"),
        (("Who is the DPO?", "According to the Privacy Policy, Margit Lindqvist."),
         "How can I contact her?"),
        (("Who chairs the board?", "In March, Acme appointed Helena Marsh as chair. [1]"),
         "What did she say?"),
        (("Who chairs the board?", "Nobody. The Board has no chair [1]."), "What did she say?"),
        (("Who is the fund's head?", "Russia's fund manager."), "What did he say?"),
        # both families, or someone named before the pronoun: which one is meant is unknown
        (WHO_DPO, "Did she say he was late?"),
        (WHO_DPO, "Did Tom say he met her?"),
        # a pronoun inside another word
        (WHO_DPO, "What's she-wolf about?"),
        (WHO_DPO, "Is he/she in?"),
    ],
)  # fmt: skip
def test_a_pronoun_stays_when_no_person_was_named(history, question):
    assert resolve_person(question, turns(*history)) == question


def test_the_rewrite_gives_the_resolved_question_and_its_standalone_form():
    """One rule-based rewrite for both modes (LLM mode falls back to it): the question with
    its person resolved, and what retrieval is asked with."""
    history = turns(*WHO_DPO)
    assert rewrite("How can I contact her?", history) == (
        "How can I contact Margit Lindqvist?",
        "How can I contact Margit Lindqvist?",
    )
    resolved, standalone = rewrite(
        "How do I turn it on?", turns("What is Storm Guard?", "An option.")
    )
    assert resolved == "How do I turn it on?"
    assert standalone == "What is Storm Guard? How do I turn it on?"
    assert rewrite("What is the maximum PV input voltage?", history) == (
        "What is the maximum PV input voltage?",
        None,
    )
