"""Benchmark-only writes: bulk-insert synthetic passages with given vectors, through the
store's ordinary write path (moved out of `qa.store.Store`: product code never needs it)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qa.store import Store, sentence_id
from qa.types import Document, Passage


def add_synthetic(store: Store, passages: Sequence[Passage], sentence_vectors: np.ndarray) -> None:
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
    store.write_documents([(doc, passages)], vectors)
