"""ingest(path) -> IngestReport: idempotent, incremental, atomic per document.

A document whose sha256 is unchanged costs one metadata read (the content hash makes
re-ingesting free). A changed document reuses the vectors of every sentence whose
passage is unchanged (ids are content-derived), so only new text is embedded.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from ingest.chunking import chunking_fingerprint, make_passages
from ingest.readers import SourceText, discover, read_document
from qa.config import Settings
from qa.embedding import Embedder, embedder_for, embedding_name
from qa.errors import IngestError
from qa.store import Store, sentence_id
from qa.types import Document, IngestReport, Passage

log = logging.getLogger(__name__)
_DOCS_PER_WRITE = 200  # documents committed per batch of Chroma writes


@dataclass
class _Pending:
    source: SourceText
    passages: list[Passage]
    is_update: bool
    reuse_vectors: bool  # stored vectors of unchanged passages came from the same model


def ingest(
    path: Path,
    settings: Settings,
    *,
    store: Store | None = None,
    embedder: Embedder | None = None,
    prune: bool | None = None,
    progress: bool = True,
) -> IngestReport:
    """Make the index mirror `path`.

    `prune` (default: true for a folder, false for a single file) deletes documents that
    are no longer under `path`. A file that cannot be read is skipped with a warning, and
    its earlier version, if any, stays in the index.
    """
    began = time.perf_counter()
    store = store or Store(settings)
    root, files = discover(Path(path))
    prune = path.is_dir() if prune is None else prune
    known = {d.doc_id: d for d in store.documents()}
    report = IngestReport()

    fingerprint = chunking_fingerprint(settings.passage_max_tokens)
    embedding = embedding_name(settings.embed_backend)
    pending: list[_Pending] = []
    for source_file in files:
        try:
            source = read_document(source_file)
        except IngestError as exc:
            log.warning("skipped %s", exc)
            report.skipped[source_file.doc_id] = str(exc)
            continue
        old = known.get(source.doc_id)
        same_vectors = old is not None and old.embedding == embedding
        if same_vectors and old.sha256 == source.sha256 and old.chunking == fingerprint:
            report.unchanged.append(source.doc_id)
            continue
        embedder = embedder or embedder_for(settings)
        passages = make_passages(
            source.doc_id,
            source.title,
            source.text,
            settings.passage_max_tokens,
            embedder.count_tokens,
        )
        pending.append(_Pending(source, passages, old is not None, same_vectors))

    vectors, report.passages_embedded = _embed_new_sentences(pending, store, embedder, progress)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    batch = []
    for item in pending:
        src = item.source
        doc = Document(
            doc_id=src.doc_id, title=src.title, passage_count=len(item.passages), size=len(src.text),
            sha256=src.sha256, ingested_at=now, text=src.text, chunking=fingerprint,
            embedding=embedding,
        )  # fmt: skip
        batch.append((doc, item.passages))
        (report.updated if item.is_update else report.added).append(src.doc_id)
    for i in range(0, len(batch), _DOCS_PER_WRITE):
        store.write_documents(batch[i : i + _DOCS_PER_WRITE], vectors)

    if prune:
        present = {f.doc_id for f in files}
        for doc_id in sorted(set(known) - present):
            store.delete_document(doc_id)
            report.removed.append(doc_id)

    if report.added or report.updated or report.removed:
        store.bump_version()
    report.seconds = time.perf_counter() - began
    log.info("ingest %s: %s", root, report.summary())
    return report


def _embed_new_sentences(
    pending: list[_Pending], store: Store, embedder: Embedder | None, progress: bool
) -> tuple[dict[str, np.ndarray], int]:
    """Vectors for every sentence of the pending passages, and how many passages were
    embedded. Passages already stored (same content-derived id, same model) reuse their
    vectors, so unchanged text is never embedded again."""
    reusable = [
        sentence_id(p.passage_id, i)
        for item in pending
        if item.reuse_vectors
        for p in item.passages
        for i in range(len(p.sentences))
    ]
    vectors = store.sentence_vectors(reusable)
    todo = [
        p
        for item in pending
        for p in item.passages
        if any(sentence_id(p.passage_id, i) not in vectors for i in range(len(p.sentences)))
    ]
    if todo:
        assert embedder is not None
        spans = [[(s.start - p.start, s.end - p.start) for s in p.sentences] for p in todo]
        for p, vecs in zip(
            todo, embedder.embed_spans([p.text for p in todo], spans, progress), strict=True
        ):
            vectors.update({sentence_id(p.passage_id, i): v for i, v in enumerate(vecs)})
    return vectors, len(todo)
