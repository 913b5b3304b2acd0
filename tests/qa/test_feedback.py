"""Votes on answers: kept in SQLite in the data dir, replaced or withdrawn, counted by the CLI."""

import pytest
from pydantic import ValidationError

from qa import cli
from qa.feedback import FeedbackStore
from qa.types import Feedback


def vote(answer_id: str, rating, question: str = "Q?") -> Feedback:
    return Feedback(answer_id=answer_id, rating=rating, question=question, answer="A [1].")


def test_votes_are_counted_replaced_and_withdrawn(tmp_path):
    store = FeedbackStore(tmp_path)
    assert store.summary().up == 0 and not store.path.exists()  # reading creates nothing
    store.record(vote("a", "up", "first"))
    store.record(vote("b", "down", "second"))
    store.record(vote("b", "up", "second"))  # a change of mind replaces the vote
    store.record(vote("c", "down"))
    store.record(vote("c", None))  # withdrawn
    summary = store.summary()
    assert (summary.up, summary.down) == (2, 0)
    assert {v["question"] for v in summary.recent} == {"first", "second"}


def test_a_vote_must_name_its_answer_safely():
    for bad in ("", "../x", "a b", "x" * 65):
        with pytest.raises(ValidationError):
            vote(bad, "up")
    with pytest.raises(ValidationError):
        Feedback(answer_id="a", rating="meh")


def test_corpus_qa_feedback_counts_the_votes(isolated_data_dir, capsys):
    store = FeedbackStore(isolated_data_dir)
    store.record(vote("a", "up", "What is in the report?"))
    store.record(vote("b", "down", "Who signed it?"))
    assert cli.main(["feedback"]) == 0
    out = capsys.readouterr().out
    assert "2 votes on answers: 1 up, 1 down" in out and "Who signed it?" in out
    assert cli.main(["feedback", "--json", "--recent", "0"]) == 0
    assert '"up": 1' in capsys.readouterr().out
