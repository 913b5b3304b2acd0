"""Benchmark-only writes: synthetic passages with given vectors, staged through the store's
ordinary `Writer` and committed as one new corpus version (moved out of `qa.store.Store`:
product code never needs it)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qa.lock import writer_lock
from qa.store import Store, Writer, sentence_id
from qa.types import Document, Passage


class SyntheticCorpus:
    """Adds batches of one-sentence passages; `commit()` makes them visible at once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._writer: Writer | None = None

    def add(self, passages: Sequence[Passage], sentence_vectors: np.ndarray) -> None:
        """One document of one-sentence passages, each with its given (unit) vector."""
        doc = Document(
            doc_id=passages[0].doc_id,
            title="synthetic",
            passage_count=len(passages),
            size=0,
            sha256="synthetic",
            ingested_at="",
            text="",
        )
        vectors = {
            sentence_id(p.passage_id, 0): v for p, v in zip(passages, sentence_vectors, strict=True)
        }
        with writer_lock(self.store.settings):
            self._writer = self._writer or Writer(self.store, "")
            self._writer.write([(doc, passages)], vectors)

    def commit(self) -> str:
        """A new corpus version: what was added, or the committed documents again."""
        with writer_lock(self.store.settings):
            writer, self._writer = self._writer or Writer(self.store, ""), None
            version = writer.commit(force=True)
            assert version is not None
            return version
