"""Thumbs up or down on answers, kept in a small SQLite file in the data dir.

Apart from the index: a vote is not corpus data, so it takes no writer lock and never
touches Chroma. SQLite serialises writers itself (several workers may vote at once), and a
vote is keyed by the front end's answer id, so changing one's mind replaces the row.
Counted by `corpus-qa feedback`.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from qa.types import Feedback, FeedbackSummary

FILE_NAME = "feedback.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT PRIMARY KEY,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    doc_ids TEXT NOT NULL,
    mode TEXT NOT NULL,
    at TEXT NOT NULL
)
"""


class FeedbackStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            with connection:  # commits, or rolls back on an error
                connection.execute(_SCHEMA)
                yield connection
        finally:
            connection.close()

    def record(self, feedback: Feedback) -> None:
        """Store a vote (replacing an earlier one on the same answer), or withdraw it."""
        with self._connect() as db:
            if feedback.rating is None:
                db.execute("DELETE FROM feedback WHERE answer_id = ?", (feedback.answer_id,))
                return
            db.execute(
                "INSERT OR REPLACE INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback.answer_id,
                    feedback.rating,
                    feedback.question,
                    feedback.answer,
                    json.dumps(feedback.doc_ids),
                    feedback.mode,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )

    def summary(self, recent: int = 10) -> FeedbackSummary:
        if not self.path.exists():  # reading creates nothing
            return FeedbackSummary()
        with self._connect() as db:
            counts = dict(db.execute("SELECT rating, COUNT(*) FROM feedback GROUP BY rating"))
            rows = db.execute(
                "SELECT rating, question, at FROM feedback ORDER BY at DESC, rowid DESC LIMIT ?",
                (recent,),
            ).fetchall()
        return FeedbackSummary(
            up=counts.get("up", 0),
            down=counts.get("down", 0),
            recent=[{"rating": r, "question": q, "at": at} for r, q, at in rows],
        )
