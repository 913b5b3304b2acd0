"""ingest(path) -> IngestReport: idempotent, incremental, one commit point per run.

A document whose sha256 is unchanged costs one metadata read (the content hash makes
re-ingesting free). A changed document reuses the vectors of every passage whose text
and sentence spans are unchanged, even where it moved (and so got a new id: ids hash
the whole record, so no record readers use is rewritten), so only new text is embedded.

The whole run holds the data dir's write lock (qa/lock.py): a second ingest waits for
it, then finds the first one's work committed. Nothing it writes is visible until the
commit at the end (qa/store.py `Writer`); if the run dies, the next one repairs what it
left and resumes: documents it had written keep their vectors. The committed version
is never damaged by a dead writer, so nothing has to be redone from stored text.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from ingest.chunking import chunking_fingerprint, make_passages
from ingest.readers import (
    SUPPORTED_SUFFIXES,
    Discovery,
    SourceText,
    corpus_root,
    discover,
    read_document,
)
from qa.config import Settings
from qa.embedding import Embedder, embedder_for, embedding_name
from qa.errors import IngestError, WouldRemoveAll
from qa.lock import crash_point, writer_lock
from qa.store import Store, Writer, sentence_id
from qa.text import lexicon_words, words
from qa.types import Document, IngestReport, Passage

log = logging.getLogger(__name__)
_PASSAGES_PER_WRITE = 2000  # embedded, then written, per batch: bounds memory, keeps work


@dataclass
class _Pending:
    source: SourceText
    passages: list[Passage]
    kind: str  # "added" or "updated"
    reuse: set[str]  # passages whose stored sentence vectors come from this model


def ingest(
    path: Path,
    settings: Settings,
    *,
    store: Store | None = None,
    embedder: Embedder | None = None,
    prune: bool | None = None,
    progress: bool = True,
    lock_wait: float | None = None,
) -> IngestReport:
    """Make the index mirror `path`: a folder, or one file, under the corpus root.

    Document ids are paths relative to the corpus root (`ingest.readers.corpus_root`).
    `prune`: None (the default) deletes the documents under a folder `path` that are no
    longer there, but refuses (`WouldRemoveAll`) when that would delete every indexed
    document or `path` holds no file at all: an empty or wrong folder must not wipe the
    index. True deletes them regardless; False never deletes. A file that cannot be read
    is skipped with a warning, and its earlier version, if any, stays in the index.
    `lock_wait` overrides CORPUS_QA_WRITE_LOCK_WAIT (an upload passes 0).
    """
    store = store or Store(settings)
    with writer_lock(settings, wait=lock_wait, purpose=f"corpus-qa ingest {path}"):
        return _ingest(Path(path), settings, store, embedder, prune, progress)


def remove(
    doc_ids: list[str],
    settings: Settings,
    *,
    store: Store | None = None,
    lock_wait: float | None = None,
) -> IngestReport:
    """Leave these documents out of the index, as one commit (a delete from the API).
    Ids that are not indexed are ignored; `report.removed` says which ones were."""
    store = store or Store(settings)
    began = time.perf_counter()
    with writer_lock(settings, wait=lock_wait, purpose=f"corpus-qa remove {len(doc_ids)}"):
        writer = store.begin_write(embedding_name(settings.embed_backend))
        report = IngestReport()
        for doc_id in doc_ids:
            if doc_id in writer.known:
                writer.remove(doc_id)
                report.removed.append(doc_id)
        writer.commit()
    report.seconds = time.perf_counter() - began
    return report


def _ingest(
    path: Path,
    settings: Settings,
    store: Store,
    embedder: Embedder | None,
    prune: bool | None,
    progress: bool,
) -> IngestReport:
    began = time.perf_counter()
    embedding = embedding_name(settings.embed_backend)
    writer = store.begin_write(embedding)
    uploads = settings.upload_root  # uploaded documents: ids relative to it (qa/jobs.py)
    found = discover(path, corpus_root(path, [uploads, writer.base.root, settings.corpus_dir]))
    report = IngestReport(skipped=dict(found.skipped))
    fingerprint = chunking_fingerprint(settings.passage_max_tokens)
    if not found.files:
        log.warning("no supported file under %s", found.target)

    sources: list[tuple[SourceText, str]] = []
    for source_file in found.files:
        if found.root != uploads and _has_file(uploads, source_file.doc_id):
            report.skipped[source_file.doc_id] = (
                "an uploaded document has this id (CORPUS_QA_UPLOAD_DIR); rename the file, or "
                "delete the upload (DELETE /v1/documents/...) first"
            )
            continue
        try:
            source = read_document(source_file, settings.max_file_bytes)
        except IngestError as exc:
            log.warning("skipped %s", exc)
            report.skipped[source_file.doc_id] = str(exc)
            continue
        if source.warnings:
            report.warnings[source.doc_id] = source.warnings
        old = writer.known.get(source.doc_id)
        if old is None:
            sources.append((source, "added"))
        elif (old.sha256, old.chunking, old.embedding) != (source.sha256, fingerprint, embedding):
            sources.append((source, "updated"))
        else:
            report.unchanged.append(source.doc_id)

    removals = _removals(writer, found, prune, uploads)

    pending = []
    for source, kind in sources:
        embedder = embedder or embedder_for(settings)
        passages = make_passages(
            source.doc_id,
            source.title,
            source.text,
            settings.passage_max_tokens,
            embedder.count_tokens,
            embedding,
        )
        pending.append(_Pending(source, passages, kind, writer.reusable_passages(source.doc_id)))
        getattr(report, kind).append(source.doc_id)

    now = datetime.now(UTC).isoformat(timespec="seconds")
    total = sum(len(item.passages) for item in pending)
    batches = list(_batches(pending))
    from tqdm import tqdm

    with tqdm(
        total=total, desc="ingesting", unit="passage", disable=not progress or len(batches) < 2
    ) as bar:
        for batch in batches:
            vectors, embedded = _embed_new_sentences(batch, store, embedder, progress)
            report.passages_embedded += embedded
            words = _embed_new_words(batch, writer, embedder)
            crash_point("after_embed")
            writer.write([(_document(item, now, fingerprint, embedding), item.passages)
                          for item in batch], vectors, words)  # fmt: skip
            bar.update(sum(len(item.passages) for item in batch))

    for doc_id in removals:
        writer.remove(doc_id)
        report.removed.append(doc_id)
    # A folder ingest that mirrors its folder moves the root there; adding a folder
    # with --no-prune, or the upload folder, keeps the root the index was built from.
    mirrors = (
        found.target.is_dir()
        and found.root != uploads
        and (prune is not False or not writer.base.root)
    )
    root = str(found.root) if mirrors else None
    version = writer.commit(root=root)
    report.seconds = time.perf_counter() - began
    log.info(
        "ingest %s: %s%s",
        found.target,
        report.summary(),
        f"; corpus version {version[:8]}" if version else "",
    )
    return report


def _removals(writer: Writer, found: Discovery, prune: bool | None, uploads: Path) -> list[str]:
    """The indexed documents under the ingested folder that are gone from it. The other
    folder's documents are not its to remove: the uploaded ones (their file is in the
    upload folder) when a corpus folder is ingested, the corpus folder's when the upload
    folder is."""
    if prune is False or (prune is None and not found.target.is_dir()):
        return []
    present = {f.doc_id for f in found.files}
    other = uploads if found.root != uploads else Path(writer.base.root or uploads)
    mine = [d for d in writer.known if other == found.root or not _has_file(other, d)]
    gone = sorted(d for d in mine if found.covers(d) and d not in present)
    if gone and prune is None and (not found.files or len(gone) == len(mine)):
        raise WouldRemoveAll(
            f"Refusing to remove {len(gone)} of the {len(mine)} indexed documents: "
            + (
                f"{found.target} holds no document ({', '.join(SUPPORTED_SUFFIXES)})."
                if not found.files
                else f"{found.target} holds none of them (document ids are paths relative "
                f"to {found.root})."
            )
            + " Nothing was changed. If that is what you want, run `corpus-qa ingest --prune "
            f"{found.target}` (or --allow-empty); to add files without removing any, use "
            "--no-prune."
        )
    return gone


def _has_file(folder: Path, doc_id: str) -> bool:
    """Whether `doc_id` is a file of `folder` (the upload folder: an uploaded document)."""
    return folder.is_dir() and (folder / doc_id).is_file()


def _batches(pending: list[_Pending]):
    batch: list[_Pending] = []
    size = 0
    for item in pending:
        if batch and size + len(item.passages) > _PASSAGES_PER_WRITE:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item.passages)
    if batch:
        yield batch


def _document(item: _Pending, now: str, fingerprint: str, embedding: str) -> Document:
    src = item.source
    return Document(
        doc_id=src.doc_id, title=src.title, passage_count=len(item.passages), size=len(src.text),
        sha256=src.sha256, ingested_at=now, text=src.text, chunking=fingerprint,
        embedding=embedding, format=src.format, page_count=src.page_count, pages=src.pages,
    )  # fmt: skip


def _embed_new_sentences(
    pending: list[_Pending], store: Store, embedder: Embedder | None, progress: bool
) -> tuple[dict[str, np.ndarray], int]:
    """Vectors for every sentence of the pending passages, and how many passages were
    embedded. Reused by content, not by id: a passage with the same text and sentence
    spans as a stored passage of its document (one of `reuse`, vectors of this model)
    takes that passage's vectors, since a sentence's vector depends only on its passage's
    text and its span in it (`Embedder.embed_spans`). A passage that only moved (new
    offsets, position or section, hence a new id) is not embedded again."""
    stored = store.passages(sorted({pid for item in pending for pid in item.reuse}))
    by_content = {(p.doc_id, *_content(p)): p.passage_id for p in stored.values()}
    sources: dict[str, str] = {}  # sentence id -> the stored sentence whose vector it takes
    for item in pending:
        for p in item.passages:
            old = by_content.get((p.doc_id, *_content(p)))
            if old is not None:
                for i in range(len(p.sentences)):
                    sources[sentence_id(p.passage_id, i)] = sentence_id(old, i)
    found = store.sentence_vectors(sorted(set(sources.values())))
    vectors = {new: found[old] for new, old in sources.items() if old in found}
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


def _content(p: Passage) -> tuple[str, tuple[tuple[int, int], ...]]:
    """What a passage's sentence vectors depend on: its text and the sentences' spans in it."""
    return p.text, tuple((s.start - p.start, s.end - p.start) for s in p.sentences)


def _embed_new_words(
    pending: list[_Pending], writer: Writer, embedder: Embedder | None
) -> dict[str, np.ndarray]:
    """Vectors of the batch's lexicon words that the store has none of yet, each word
    embedded alone (`qa.retrieve.Lexicon`, which readers load instead of embedding the
    corpus's words on the first question). Stored words are never embedded again."""
    found: set[str] = set()
    for item in pending:
        for p in item.passages:
            found |= lexicon_words(words(p.text))
    todo = writer.new_words(found)
    if not todo:
        return {}
    assert embedder is not None
    # As the reader embeds the words it finds no vector for: the same call, the same
    # vectors. Up to 256 words are one batch; more run as bulk, in runs of equal or near
    # token counts (`qa.embedding._runs`: 6% padding on the benchmark's lexicon, was 16%).
    return dict(zip(todo, embedder.embed(todo, batch_size=256), strict=True))
