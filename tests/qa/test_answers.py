"""Answers on the real seeds: right fact, right document, exact quotes, honest abstention.

The expected facts are checked against the corpus text itself, never against anything
inside the product.
"""

import json
import re
from pathlib import Path

import pytest

from qa.service import ABSTAIN_PREFIX
from qa.types import Answer, ChatTurn

DOC_NCSC = "000_d656f2f487da6926.txt"  # the opinion piece
DOC_DPA = "001_974b0b246660ba75.txt"


def assert_contract(answer: Answer, service) -> None:
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert markers == {c.id for c in answer.citations}
    for c in answer.citations:
        text = service.document(c.doc_id).text
        assert text[c.start : c.end] == c.quote
        passage = service.passage(c.passage_id)
        assert passage.doc_id == c.doc_id
    for p in answer.passages:
        assert service.document(p.doc_id).text[p.start : p.end] == p.text


# Plain questions over the seeds, with the fact and the document that hold the answer.
# The fitted decision may abstain on some of them (it is fitted for the CRAG score on the
# dev questions of every corpus, not on these), but it must never answer one wrongly,
# and it must answer most of them.
PLAIN = [
    (
        "Who is the British Foreign Secretary quoted in the articles?",
        ["Dominique Raab"],
        DOC_NCSC,
    ),
    ("How certain is the NCSC that APT29 is part of Russian intelligence?", ["95%"], DOC_NCSC),
    (
        "Which company is Russia negotiating with about manufacturing a vaccine?",
        ["AstraZeneca"],
        DOC_DPA,
    ),
    ("Who will produce the Oxford vaccine in Russia?", ["R-Pharm"], DOC_DPA),
    # "behind" is in no document; a preposition must not make the answer abstain.
    ("Who does the NCSC say is behind the attacks?", ["Moscow"], DOC_DPA),
    ("What did the Russian embassy call the allegations?", ["propaganda"], DOC_DPA),
    ("When will the Russian population be vaccinated?", ["beginning of next year"], DOC_DPA),
    ("Who is Artturi Lehtiö?", ["F-Secure"], DOC_DPA),
    (
        "In which election did the group take part in information fraud operations?",
        ["2016"],
        DOC_NCSC,
    ),
]
MIN_ANSWERED = 6  # of the 9; measured with the packaged decision: see the report


def test_corpus_questions_get_the_right_fact_from_the_right_document_or_abstain(seed_service):
    answered = 0
    for question, facts, doc in PLAIN:
        answer = seed_service.ask(question)
        if answer.abstained:
            assert answer.citations == [] and answer.answer.startswith(ABSTAIN_PREFIX)
            continue
        answered += 1
        for fact in facts:
            assert fact in answer.answer, (question, answer.answer)
            assert any(fact in c.quote and c.doc_id == doc for c in answer.citations), question
        assert_contract(answer, seed_service)
    assert answered >= MIN_ANSWERED


def test_the_groups_other_names_are_answered_from_the_text(seed_service):
    answer = seed_service.ask("What other names is APT29 known by?")
    assert not answer.abstained, answer.answer
    assert "Comfort Bear" in answer.answer or "Cozy Bear" in answer.answer
    assert_contract(answer, seed_service)


def test_another_documents_account_joins_at_the_other_document_ratio(seed_settings, tmp_path: Path):
    """Each seed names the group differently ("Comfort Bear" / "Cozy Bear"). The other
    document's sentence ranks below two of the first's, so whether it is quoted is the
    fitted other-document ratio's call: with same-document companions off and the ratio
    low enough, both accounts are shown."""
    from qa.answer.decide import PACKAGED
    from qa.service import QAService

    data = json.loads(PACKAGED.read_text(encoding="utf-8"))
    data.update(companion_ratio=1.01, other_document_ratio=0.5, abstain_below=0.0)
    model = tmp_path / "decision.json"
    model.write_text(json.dumps(data), encoding="utf-8")
    service = QAService(seed_settings.model_copy(update={"answer_model": model}))
    answer = service.ask("What other names is APT29 known by?")
    assert {c.doc_id for c in answer.citations} == {DOC_NCSC, DOC_DPA}, answer.answer
    assert "Comfort Bear" in answer.answer and "Cozy Bear" in answer.answer
    assert_contract(answer, service)


def test_an_answer_quotes_a_restated_sentence_once(seed_service):
    """Seed 001 says "British authorities accuse hackers of cyber espionage among vaccine
    researchers ..." twice (as lead and in the body, "cyber-espionage of"); the answer
    quotes one of them and gives the place to another sentence."""
    from qa.text import restates, stems

    answer = seed_service.ask("What are the Brits accusing Moscow of?")
    assert not answer.abstained, answer.answer
    quotes = [stems(c.quote) for c in answer.citations]
    assert len(quotes) >= 2, answer.answer
    assert not any(restates(a, b) for i, a in enumerate(quotes) for b in quotes[i + 1 :])
    assert_contract(answer, seed_service)


def test_a_sentence_that_leans_on_its_predecessor_brings_it(seed_service):
    # "However, he said, ... AstraZeneca" only makes sense with who "he" is. The answer
    # may lead with the span ("AstraZeneca") and then quote the sentence with its context.
    answer = seed_service.ask(
        "Which company is Russia negotiating with about manufacturing a vaccine?"
    )
    assert not answer.abstained, answer.answer
    quotes = " ".join(c.quote for c in answer.citations if "AstraZeneca" in c.quote)
    assert "Kirill Dmitriev" in quotes or "he told the agency Interfax" in quotes


@pytest.mark.parametrize(
    "question",
    [
        "What is the population of Finland?",
        # Fits from session 11 to session 17 answered this one (each within 0.03 of its
        # threshold; a strict xfail then). Sessions 18 and 19's abstained; within session
        # 20 one fit answered it (P 0.3755 against 0.3717) and the final one abstained (P
        # 0.3810 against 0.3869); in session 21 one fit answered it (P 0.3851 against
        # 0.3795) and the final one abstains (P 0.3827 against 0.3882): a question at the
        # threshold, which each refit may flip.
        "Which software vulnerability did the hackers exploit?",
        "How much money did the hackers steal?",
    ],
)
def test_out_of_corpus_questions_abstain(seed_service, question):
    answer = seed_service.ask(question)
    assert answer.abstained, answer.answer
    assert answer.citations == []
    assert answer.answer.startswith("The documents don't say")


def test_an_abstention_names_the_missing_words_as_the_question_spelled_them(
    seed_settings, tmp_path
):
    """The reason quotes the word as asked ("malware", never its stem "malwar"). Whether
    the fitted decision abstains on this question is its own call (since the answerer
    weighs P(answerable), it answers it with the closest sentence, about APT29's
    "malicious activities"); the wording is checked under a decision that never answers."""
    from dataclasses import replace

    from qa.answer.decide import model_for
    from qa.service import QAService

    strict = replace(model_for(), abstain_below=1.01).save(tmp_path / "strict.json")
    service = QAService(seed_settings.model_copy(update={"answer_model": strict}))
    answer = service.ask("What malware did APT29 use?")
    assert answer.abstained
    assert "“malware”" in answer.answer, answer.answer  # the word, not its stem “malwar”


@pytest.mark.parametrize(
    ("asked", "typed", "notice"),
    [
        (
            "Who is the british foreign secretary quoted in the articles?",
            "Who is the brittish foreign secretery quoted in the articles?",
            "Read “brittish” as “british”, “secretery” as “secretary”.",
        ),
        (
            "Which researcher at F-Secure commented?",
            "Which reseacher at F-Secure commented?",
            "Read “reseacher” as “researcher”.",
        ),
    ],
)
def test_a_slip_is_read_as_the_corpus_word_and_the_answer_says_so(
    seed_service, seed_settings, asked, typed, notice
):
    """A misspelt word is answered as the word the corpus writes, and the notice says what
    was read; the answer keeps the question as typed. With `read_slips` off, the slip is a
    word no document uses, and the answer refuses over it."""
    from qa.service import QAService

    clean = seed_service.ask(asked)
    answer = seed_service.ask(typed)
    assert not clean.abstained and clean.notice is None
    assert (answer.answer, answer.citations) == (clean.answer, clean.citations)
    assert answer.question == typed and answer.notice == notice
    assert_contract(answer, seed_service)
    strict = QAService(seed_settings.model_copy(update={"read_slips": False}))
    refused = strict.ask(typed)
    slips = re.findall(r"(“[^”]+”) as", notice)
    assert refused.abstained and "nothing in them mentions" in refused.answer
    assert any(slip in refused.answer for slip in slips), refused.answer
    assert refused.notice is None


def test_a_follow_up_reads_the_slips_of_the_turns_it_is_rewritten_from(seed_service):
    """ "Why?" takes its words from the question before it, slips and all: they are read
    as the corpus's words there too, and the answer says so."""
    said = ChatTurn(role="assistant", content="Russian hackers, says the embassy.")
    typed = [ChatTurn(role="user", content="Who tried to steal the vacine reserch?"), said]
    spelt = [ChatTurn(role="user", content="Who tried to steal the vaccine research?"), said]
    answer = seed_service.ask("Why?", typed)
    assert not answer.abstained
    assert answer.notice == "Read “vacine” as “vaccine”, “reserch” as “research”."
    assert (answer.answer, answer.citations) == (
        seed_service.ask("Why?", spelt).answer,
        seed_service.ask("Why?", spelt).citations,
    )


def test_a_preparation_is_answered_only_as_its_slips_were_read(seed_service, seed_settings):
    from qa.service import QAService

    question = "Who tried to steal the vacine reserch?"
    prepared = seed_service.prepare(question, [], seed_settings.top_k, scored=False)
    strict = QAService(seed_settings.model_copy(update={"read_slips": False}))
    with pytest.raises(ValueError, match="reads slips"):
        strict.ask(question, prepared=prepared)


@pytest.mark.parametrize(
    "plain", ["Who's the British Foreign Secretary?", "Isn't Russia denying it?"]
)
def test_a_typographic_apostrophe_reads_as_the_plain_one(seed_service, plain):
    """Phones and word processors type "Who’s", "Isn’t"; the question's patterns write
    "Who's" (read with the curly one, "Who’s" quoted the attribution as for another
    question). The answer is the same, and keeps the question as typed."""
    typed = plain.replace("'", "’")
    answer, expected = seed_service.ask(typed), seed_service.ask(plain)
    assert (answer.answer, answer.citations) == (expected.answer, expected.citations)
    assert answer.question == typed and answer.notice is None


def test_a_decision_that_never_answers_abstains_and_says_why(seed_settings, tmp_path):
    """A decision whose threshold cannot be met abstains on every question, with a
    reason a person can read and no citations (never an error)."""
    from dataclasses import replace

    from qa.answer.decide import model_for
    from qa.service import QAService

    strict = replace(model_for(), abstain_below=1.01).save(tmp_path / "strict.json")
    service = QAService(seed_settings.model_copy(update={"answer_model": strict}))
    answer = service.ask("Who denied the accusations?")
    assert answer.abstained and answer.citations == []
    assert answer.answer.startswith(f"{ABSTAIN_PREFIX}: ") and answer.answer.endswith(".")


def test_a_follow_up_is_resolved_against_the_previous_turn(seed_service):
    history = [
        ChatTurn(
            role="user",
            content="Who did the British authorities accuse of cyber espionage on vaccine researchers?",
        ),
        ChatTurn(role="assistant", content="Russian hackers [1]"),
    ]
    answer = seed_service.ask("Who denied it?", history=history)
    assert not answer.abstained
    assert answer.standalone_question and "accuse" in answer.standalone_question
    assert re.search(r"den(y|ies|ied)|rejects", answer.answer)
    assert_contract(answer, seed_service)


def test_a_bare_follow_up_asks_for_its_own_kind_of_answer(seed_service):
    """ "When?" after "Who denied the accusations?" is about the denial (the turn before's
    words find it) and asks for a time (its own wh-word), not for a person."""
    history = [
        ChatTurn(role="user", content="Who denied the accusations?"),
        ChatTurn(role="assistant", content="The Russian embassy [1]"),
    ]
    prepared = seed_service.prepare("When?", history, seed_service.settings.top_k)
    assert prepared.standalone and "denied" in prepared.standalone
    assert prepared.profile.answer_type == "time"
    assert "deni" in {t.stem[:4] for t in prepared.profile.terms}
    # after a yes/no question, still a time, not yes or no
    history[0] = ChatTurn(role="user", content="Did Russia deny the accusations?")
    prepared = seed_service.prepare("When?", history, seed_service.settings.top_k)
    assert prepared.profile.answer_type == "time" and not prepared.profile.yes_no


def test_a_follow_up_pronoun_is_the_person_asked_about(seed_service):
    """ "he" after "Who is Kirill Dmitriev?" is Dmitriev: the rewritten question is shown,
    and the answer is the sentence where he speaks."""
    history = [
        ChatTurn(role="user", content="Who is Kirill Dmitriev?"),
        ChatTurn(role="assistant", content="The head of the state fund for direct investment."),
    ]
    answer = seed_service.ask(
        "When did he say the Russian population would be vaccinated?", history=history
    )
    assert answer.standalone_question == (
        "When did Kirill Dmitriev say the Russian population would be vaccinated?"
    )
    assert not answer.abstained and "beginning of next year" in answer.answer
    assert_contract(answer, seed_service)


def test_streaming_yields_the_same_answer_in_pieces(seed_service):
    question = "What did the Russian embassy call the allegations?"
    items = list(seed_service.ask_stream(question))
    final = items[-1]
    assert isinstance(final, Answer)
    pieces = [i for i in items[:-1] if isinstance(i, str)]
    assert len(pieces) >= 1 and "".join(pieces).strip() == final.answer.strip()


def test_top_k_limits_the_passages(seed_service):
    assert len(seed_service.ask("What is APT29?", top_k=2).passages) == 2


@pytest.mark.parametrize(
    "question",
    [q for q, _, _ in PLAIN[:4]]
    + ["Summarize the accusations.", "What is the capital of Australia?"],
)
def test_candidates_gathered_once_answer_as_asking_afresh(seed_service, question):
    """The eval gathers a question's candidates once, unscored, and scores them under each
    decision it fits (`QAService.scored`): the same candidates, probabilities, order and
    answer as asking afresh, and the gathering stays unscored for the next decision."""
    fresh = seed_service.prepare(question, [], 6)
    unscored = seed_service.prepare(question, [], 6, scored=False)
    before = [(c.passage.passage_id, c.index, c.probability) for c in unscored.candidates]
    scored = seed_service.scored(unscored)

    def ranked(prepared):
        return [(c.passage.passage_id, c.index, c.probability) for c in prepared.candidates]

    assert ranked(scored) == ranked(fresh)
    assert ranked(unscored) == before
    again = seed_service.ask(question, top_k=6, prepared=unscored)
    assert again.model_dump(exclude={"timings_ms"}) == seed_service.ask(
        question, top_k=6
    ).model_dump(exclude={"timings_ms"})
    assert again.timings_ms["total"] >= sum(unscored.timings.values())
    with pytest.raises(ValueError, match="its own question"):
        seed_service.ask("Who is Artturi Lehtiö?", prepared=unscored)
