"""The only module that talks to Chroma (embedded, or a `chroma run` server over HTTP).

Three collections, all keyed by content-derived ids:

* `<prefix>_documents`  one record per document revision: full text (offsets refer to
  it), doc_id, title, sha256, size, ingested_at, passage_count, the ids of its passages.
  Its id is `<doc_id>@<revision>` (the revision hashes content, chunking and model), so a
  new revision never overwrites the one readers are being served.
* `<prefix>_passages`   one record per passage: text, offsets, sentence spans; its
  vector is the normalised mean of its sentences' vectors. Its id hashes everything the
  record holds (ingest.chunking.passage_id), so a record is never rewritten: a passage
  that moves in an updated document gets a new id, and readers of the old version keep
  reading the old record, whose offsets match the old text.
* `<prefix>_sentences`  one record per sentence: only its own vector, under the id
  `<passage_id>:<index>` (the text and offsets are in the passage record). Dense retrieval
  works at sentence level and the extractive answerer scores sentences without
  re-embedding them.

* `<prefix>_words`      the corpus lexicon (qa.retrieve.Lexicon): one record per word and
  model, under the id `<model>:<word>`, holding the vector of the word embedded alone in
  its metadata (float32, base64), not as its Chroma embedding: words are read by id, never
  searched, and an embedded client that loaded a collection's vector index before another
  process added to it fails to read the new ids' embeddings ("Error finding id"), while
  metadata is read from SQLite, which every process sees whole.
  Written at ingest for the words of new text that have none yet, so the first question
  after an ingest embeds no corpus word and re-ingesting embeds nothing. A vector depends
  only on the word and the model, so a record is right whoever wrote it; readers look up
  only the words of committed passages. Each document record lists its words (`words`),
  and the clean-up deletes the vectors no live document lists.

A fifth, `<prefix>_meta`, holds the commit: the record `corpus` names the corpus version
(and the folder the corpus was ingested from), and `manifest:<version>` lists which
document record is live for each document in that version. Readers only ever see the
documents the committed manifest lists, and through them their passages; every worker
(on any machine) reloads its snapshot and BM25 when the version changes.

Writing (`Writer`, under the data dir's write lock, qa/lock.py) has one commit point:
new sentences, passages and document records go in first, invisible; then the manifest
of the new version; then the `corpus` record is replaced in one upsert, which makes the
new version visible at once. Only then are superseded records, passages and sentence
vectors deleted. Nothing a committed version lists is ever written over (every id is
content-derived and new content gets new ids), so a write that dies before its commit
leaves the committed version whole. A `pending` record marks a write in progress: a
writer that finds it (the last one died) reuses the vectors the dead one wrote and
deletes the rest after its own commit (`Writer._reconcile`, `Writer._sweep`).

Every Chroma or network exception is wrapped here, where it enters, into
`StoreUnavailable` with a message that says what to do.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlparse

import numpy as np

from qa.config import Settings
from qa.embedding import DIMENSIONS
from qa.errors import NotFound, StoreUnavailable
from qa.lock import crash_point
from qa.lock import held as lock_held
from qa.text import ends_sentence, lexicon_words, words
from qa.types import Document, DocumentInfo, Passage, Sentence

log = logging.getLogger(__name__)
T = TypeVar("T")
_WRITE_BATCH = 2000
_VERSION_ID = "corpus"  # the commit record: the version readers see
_PENDING_ID = "pending"  # the marker of a write in progress
_MANIFEST_PREFIX = "manifest:"  # + version: doc_id -> its live document record
_FORMAT = 2  # 1 (no `format`): no manifest, every document record was live
# Word records are read by id, never searched: the sparsest index of their dummy vectors
# (817 records: best of 6, 0.13 s against 0.21 s to write; medians equal on a busy machine).
# Sentences are searched for the nearest `n` (up to 200, `DenseRetriever`) with a search
# breadth of SEARCH_EF. Chroma's default (100, so max(100, n) in effect) returned an
# approximate top 200 that changed from one build of the same corpus to the next: of 228
# questions over two eval corpora of 301 and 640 sentences, 35 got other sentences after a
# rebuild, and 32 of 108 missed some of the exact nearest. At 1000 both builds return the
# exact nearest (a brute-force check) on every eval corpus (up to 640 sentences), so a
# rebuilt index answers as before; far larger corpora are searched approximately again,
# more closely than at 100. The cost at 100k passages is in BENCHMARKS.md.
SEARCH_EF = 1000
_CONFIGURATION: dict[str, Any] = {
    "words": {"hnsw": {"ef_construction": 16, "max_neighbors": 4}},
    "sentences": {"hnsw": {"ef_search": SEARCH_EF}},
}


def _apply_search_breadth(coll: Any, kind: str, server: bool) -> None:
    """Give a collection made before SEARCH_EF (or with another) the configured search
    breadth: Chroma applies a configuration only when it creates the collection. Where
    the change is refused (a token without the right to update collections), searches
    go on at the old breadth, with a warning: they still work, only less exactly."""
    wanted = _CONFIGURATION.get(kind, {}).get("hnsw", {}).get("ef_search")
    hnsw = (coll.configuration_json or {}).get("hnsw")
    if wanted is None or hnsw is None or hnsw.get("ef_search") == wanted:
        return  # nothing to set, or not an HNSW index (Chroma's distributed SPANN)
    try:
        coll.modify(configuration={"hnsw": {"ef_search": wanted}})
    except Exception as exc:  # chromadb raises many types; the search works without it
        log.warning("%s: could not set the search breadth to %d (%s)", coll.name, wanted, exc)
        return
    if server:  # a running server keeps the index it has loaded at the old breadth
        log.warning(
            "%s: search breadth set to %d; restart the Chroma server for it to apply",
            coll.name,
            wanted,
        )
    else:
        log.info("%s: search breadth (ef_search) set to %d", coll.name, wanted)


def l2_to_cosine(distance: float) -> float:
    """Chroma's default space is squared L2; for unit vectors cos = 1 - d/2."""
    return 1.0 - float(distance) / 2.0


class Store:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client = None
        self._collections: dict[str, Any] = {}
        # Opening the client is not thread-safe in Chroma: concurrent first requests
        # each built one and failed ("Could not connect to tenant default_tenant").
        self._open_lock = threading.Lock()
        self._committed_cache: Committed | None = None

    # --- connection --------------------------------------------------------------------
    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.data_dir.resolve() / "chroma")

    def _connect(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if self.settings.chroma_url:
            url = urlparse(self.settings.chroma_url)
            headers = {}
            if self.settings.chroma_auth_token:
                headers["Authorization"] = (
                    f"Bearer {self.settings.chroma_auth_token.get_secret_value()}"
                )
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                headers=headers,
                settings=chroma_settings,
            )
        path = self.settings.data_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except (NotFound, StoreUnavailable):
            raise
        except Exception as exc:  # chromadb raises many types; all mean "store not usable"
            # A broken connection must not be cached: the next call reconnects, so the
            # service recovers by itself when a Chroma server comes back.
            self._client = None
            self._collections.clear()
            hint = (
                f"Is the Chroma server at {self.settings.chroma_url} running? Start it with "
                "`chroma run --path DIR --host HOST --port PORT` or unset CORPUS_QA_CHROMA_URL."
                if self.settings.chroma_url
                else f"Check that {self.location} is readable and writable and not used by another Chroma version."
            )
            raise StoreUnavailable(
                f"The vector store failed while {action}: {exc}. {hint}"
            ) from exc

    def _call(self, action: str, fn: Callable[[], T]) -> T:
        with self._guard(action):
            return fn()

    def _collection(self, kind: str):
        coll = self._collections.get(kind)
        if coll is not None:
            return coll
        with self._guard(f"opening the {kind} collection"):
            client = self._ensure_client()
            with self._open_lock:
                coll = self._collections.get(kind) or client.get_or_create_collection(
                    f"{self.settings.collection_prefix}_{kind}",
                    embedding_function=None,
                    configuration=_CONFIGURATION.get(kind),
                )
                _apply_search_breadth(coll, kind, server=bool(self.settings.chroma_url))
                self._collections[kind] = coll
        return coll

    def reconnect(self) -> None:
        """Drop the client so the next call opens a fresh one.

        Embedded Chroma keeps its vector segments in memory; after another process (an
        ingest, another worker) has written, only a new client sees the new vectors.
        """
        with self._open_lock:
            client, self._client = self._client, None
            self._collections.clear()
        if client is not None and not self.settings.chroma_url:
            with contextlib.suppress(Exception):
                client.close()

    def _ensure_client(self):
        with self._open_lock:
            if self._client is None:
                self._client = self._connect()
            return self._client

    def ping(self) -> None:
        self._call("checking the connection", lambda: self._ensure_client().heartbeat())

    # --- the committed corpus --------------------------------------------------------
    def corpus_version(self) -> str | None:
        meta = self._meta_record(_VERSION_ID, "reading the corpus version")
        return None if meta is None else str(meta["version"])

    def committed(self) -> Committed:
        """The last committed version and its manifest (cached per version)."""
        for _ in range(5):
            meta = self._meta_record(_VERSION_ID, "reading the corpus version")
            if meta is None:
                return Committed(None, {})
            version, root = str(meta["version"]), meta.get("root")
            if meta.get("format") != _FORMAT:  # written before manifests existed
                return Committed(version, self._legacy_records(), legacy=True)
            cached = self._committed_cache
            if cached is not None and (cached.version, cached.root) == (version, root):
                return cached
            manifest = self._meta_record(_manifest_id(version), "reading the manifest")
            if manifest is None:
                continue  # superseded and cleaned up between the two reads: read again
            committed = Committed(version, json.loads(manifest["documents"]), root)
            self._committed_cache = committed
            return committed
        raise StoreUnavailable(
            "The corpus version changed five times while it was being read; try again."
        )

    def _legacy_records(self) -> dict[str, str]:
        """Document records written before manifests (id = doc_id, no doc_id field)."""
        docs = self._collection("documents")
        got = self._call("listing documents", lambda: docs.get(include=["metadatas"]))
        return {
            i: i for i, m in zip(got["ids"], got["metadatas"], strict=True) if "doc_id" not in m
        }

    def _meta_record(self, record_id: str, action: str) -> dict[str, Any] | None:
        coll = self._collection("meta")
        got = self._call(action, lambda: coll.get(ids=[record_id], include=["metadatas"]))
        return got["metadatas"][0] if got["ids"] else None

    def _record_metas(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(record_ids)
        if not ids:
            return {}
        docs = self._collection("documents")
        got = self._call("listing documents", lambda: docs.get(ids=ids, include=["metadatas"]))
        return dict(zip(got["ids"], got["metadatas"], strict=True))

    # --- documents ---------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        committed = self.committed()
        metas = self._record_metas(committed.records.values())
        infos = [
            _doc_info(doc_id, metas[rec])
            for doc_id, rec in committed.records.items()
            if rec in metas
        ]
        return sorted(infos, key=lambda d: d.doc_id)

    def document_info(self, doc_id: str) -> DocumentInfo | None:
        """One committed document's facts (format, pages, passages), None if it has none;
        without reading every document's record, as `documents` does."""
        record = self.committed().records.get(doc_id)
        meta = self._record_metas([record]).get(record) if record else None
        return _doc_info(doc_id, meta) if meta else None

    def document(self, doc_id: str) -> Document:
        record = self.committed().records.get(doc_id)
        coll = self._collection("documents")
        got = (
            {"ids": []}
            if record is None
            else self._call(
                "reading a document",
                lambda: coll.get(ids=[record], include=["metadatas", "documents"]),
            )
        )
        if not got["ids"]:
            raise NotFound(f"No document with id {doc_id!r}; GET /v1/documents lists them.")
        meta = got["metadatas"][0]
        info = _doc_info(doc_id, meta)
        pages = [tuple(span) for span in json.loads(meta.get("pages") or "[]")]
        return Document(**info.model_dump(), text=got["documents"][0], pages=pages)

    def document_passage_ids(self, doc_id: str) -> list[str]:
        """The document's live passage ids, in reading order."""
        return self.passage_lists().get(doc_id, [])

    def passage_lists(self) -> dict[str, list[str]]:
        """Each committed document's passage ids in reading order: the live passages."""
        return self.live_passages()[1]

    def live_passages(self) -> tuple[str | None, dict[str, list[str]]]:
        """The committed version and, for it, each document's passage ids in reading
        order. One call, so a snapshot never pairs one version with another's passages."""
        committed = self.committed()
        metas = self._record_metas(committed.records.values())
        return committed.version, {
            doc_id: json.loads(metas[rec].get("passage_ids", "[]"))
            for doc_id, rec in committed.records.items()
            if rec in metas
        }

    # --- passages and sentences ----------------------------------------------------------
    def passage(self, passage_id: str) -> Passage:
        found = self.passages([passage_id])
        if passage_id not in found:
            raise NotFound(f"No passage with id {passage_id!r}.")
        return found[passage_id]

    def passages(self, ids: Sequence[str]) -> dict[str, Passage]:
        if not ids:
            return {}
        coll = self._collection("passages")
        got = self._call(
            "reading passages",
            lambda: coll.get(ids=list(ids), include=["metadatas", "documents"]),
        )
        return {
            pid: _passage(pid, text, meta)
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }

    def iter_passages(self, page: int = 5000) -> Iterator[Passage]:
        coll = self._collection("passages")
        offset = 0
        while True:
            got = self._call(
                "reading passages",
                lambda o=offset: coll.get(include=["metadatas", "documents"], limit=page, offset=o),
            )
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
                yield _passage(pid, text, meta)
            if len(got["ids"]) < page:
                return
            offset += page

    def count_passages(self) -> int:
        coll = self._collection("passages")
        return self._call("counting passages", coll.count)

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        coll = self._collection("sentences")
        got = self._call(
            "reading sentence vectors", lambda: coll.get(ids=list(ids), include=["embeddings"])
        )
        return {
            i: np.asarray(e, dtype=np.float32)
            for i, e in zip(got["ids"], got["embeddings"], strict=True)
        }

    def query_sentences(self, vector: np.ndarray, n: int) -> list[tuple[str, str, float]]:
        """(sentence_id, passage_id, cosine) for the `n` nearest sentences."""
        coll = self._collection("sentences")
        got = self._call(
            "searching",
            lambda: coll.query(
                query_embeddings=[vector.tolist()], n_results=n, include=["distances"]
            ),
        )
        return [
            (sid, passage_of(sid), l2_to_cosine(dist))
            for sid, dist in zip(got["ids"][0], got["distances"][0], strict=True)
        ]

    # --- the corpus lexicon ---------------------------------------------------------------
    def word_vectors(self, embedding: str, words: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these words under this model (each word embedded alone)."""
        coll = self._collection("words")
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(words), _WRITE_BATCH):
            chunk = [word_id(embedding, w) for w in words[i : i + _WRITE_BATCH]]
            got = self._call(
                "reading word vectors", lambda c=chunk: coll.get(ids=c, include=["metadatas"])
            )
            for wid, meta in zip(got["ids"], got["metadatas"], strict=True):
                out[wid.partition(":")[2]] = _decode_vector(meta["vector"])
        return out

    def stored_words(self, embedding: str, words: Sequence[str]) -> set[str]:
        """Those of the words that have a stored vector of this model (ids only)."""
        coll = self._collection("words")
        out: set[str] = set()
        for i in range(0, len(words), _WRITE_BATCH):
            chunk = [word_id(embedding, w) for w in words[i : i + _WRITE_BATCH]]
            got = self._call("listing word vectors", lambda c=chunk: coll.get(ids=c, include=[]))
            out.update(wid.partition(":")[2] for wid in got["ids"])
        return out

    # --- writing (see `Writer`) ------------------------------------------------------------
    def begin_write(self, embedding: str) -> Writer:
        """A writer on the committed state; the caller holds `qa.lock.writer_lock`."""
        return Writer(self, embedding)

    def _upsert(
        self, kind: str, ids: list, vectors: list, texts: list | None, metas: list | None
    ) -> None:
        coll = self._collection(kind)
        for i in range(0, len(ids), _WRITE_BATCH):
            sl = slice(i, i + _WRITE_BATCH)
            self._call(
                f"writing {kind}",
                lambda sl=sl: coll.upsert(
                    ids=ids[sl],
                    embeddings=np.asarray(vectors[sl]),
                    documents=None if texts is None else texts[sl],
                    metadatas=None if metas is None else metas[sl],
                ),
            )

    def _delete(self, kind: str, ids: Sequence[str]) -> None:
        coll = self._collection(kind)
        ids = list(ids)
        for i in range(0, len(ids), _WRITE_BATCH):
            chunk = ids[i : i + _WRITE_BATCH]
            self._call(f"deleting {kind}", lambda c=chunk: coll.delete(ids=c))

    def _all_ids(self, kind: str, page: int = 20_000) -> list[str]:
        coll = self._collection(kind)
        ids: list[str] = []
        while True:
            offset = len(ids)
            got = self._call(
                f"listing {kind}",
                lambda o=offset: coll.get(include=[], limit=page, offset=o),
            )
            ids += got["ids"]
            if len(got["ids"]) < page:
                return ids

    def _holds_anything(self) -> bool:
        kinds = ("documents", "passages", "sentences")
        return any(self._call(f"counting {k}", self._collection(k).count) for k in kinds)

    def _sentence_ids_of(self, passage_ids: Sequence[str]) -> list[str]:
        """Sentence ids of stored passages (their records say how many sentences)."""
        coll = self._collection("passages")
        out: list[str] = []
        for i in range(0, len(passage_ids), _WRITE_BATCH):
            chunk = list(passage_ids[i : i + _WRITE_BATCH])
            got = self._call(
                "listing sentences", lambda c=chunk: coll.get(ids=c, include=["metadatas"])
            )
            out += [
                sentence_id(pid, k)
                for pid, meta in zip(got["ids"], got["metadatas"], strict=True)
                for k in range(len(json.loads(meta["sentences"])))
            ]
        return out

    def audit(self) -> dict[str, list[str]]:
        """Everything the store holds that the committed version does not account for,
        and everything it lists that is missing. Reads every id: for tests and
        troubleshooting, not for serving. All lists are empty in a consistent store."""
        committed = self.committed()
        lists = self.live_passages()[1]
        live_records = set(committed.records.values())
        live = [pid for ids in lists.values() for pid in ids]
        stored_passages = set(self._all_ids("passages"))
        stored_sentences = set(self._all_ids("sentences"))
        expected = set(self._sentence_ids_of(sorted(stored_passages & set(live))))
        meta_ids = set(self._all_ids("meta"))
        live_words = _listed_words(self._record_metas(live_records).values())
        stored_words = set(self._all_ids("words"))
        return {
            "stale_records": sorted(set(self._all_ids("documents")) - live_records),
            "orphan_passages": sorted(stored_passages - set(live)),
            "orphan_sentences": sorted(stored_sentences - expected),
            "missing_passages": sorted(set(live) - stored_passages),
            "missing_sentences": sorted(expected - stored_sentences),
            "duplicate_passages": sorted({p for p in live if live.count(p) > 1}),
            "stale_meta": sorted(meta_ids - {_VERSION_ID, _manifest_id(committed.version or "")}),
            # Unknowable while a live record predates word lists (None): then not checked.
            "orphan_words": [] if live_words is None else sorted(stored_words - live_words),
            "missing_words": [] if live_words is None else sorted(live_words - stored_words),
        }


@dataclass(frozen=True)
class Committed:
    """What readers see: the corpus version and its manifest."""

    version: str | None
    records: dict[str, str]  # doc_id -> id of its live document record
    root: str | None = None  # the folder the corpus was ingested from (document ids' base)
    legacy: bool = False  # written before manifests: every document record is live


class Writer:
    """One ingest's changes to the store, invisible to readers until `commit()`.

    Made by `Store.begin_write` while the caller holds the data dir's write lock. On
    creation it reads the committed state and, if the last writer died before it
    finished (the `pending` record) or the store predates manifests, reconciles:
    document records that no version lists but that hold vectors of the same model are
    kept so their vectors are reused (an interrupted ingest resumes rather than starts
    over); the rest is swept after the next commit. Nothing needs redoing: a writer
    never rewrites a record the committed version lists. `commit()` makes the new
    version visible in one upsert, then deletes what no version lists any more, then
    clears the marker.
    """

    def __init__(self, store: Store, embedding: str) -> None:
        if not lock_held(store.settings):
            raise RuntimeError("a Writer needs the data dir's write lock (qa.lock.writer_lock)")
        self.store = store
        self.embedding = embedding
        self.version = uuid.uuid4().hex  # what `commit` will publish
        self.base = store.committed()
        self.records = dict(self.base.records)  # the manifest being built
        self._metas = store._record_metas(self.base.records.values())
        self.known: dict[str, DocumentInfo] = {
            doc_id: _doc_info(doc_id, self._metas[rec])
            for doc_id, rec in self.base.records.items()
            if rec in self._metas
        }
        self._lists: dict[str, list[str]] = {}  # record id -> passage ids
        self._words_stored: set[str] = set()  # words known to have a vector of this model
        self._reusable: dict[str, set[str]] = {}  # doc_id -> passages of unfinished records
        marker = store._meta_record(_PENDING_ID, "reading the write marker")
        self.unfinished = marker  # what the dead writer said about itself, if one died
        self._marked = False
        self.adopted: list[str] = []
        self.dirty = (
            marker is not None
            or self.base.legacy
            or (self.base.version is None and store._holds_anything())
        )
        self._changed = self.base.legacy
        if self.dirty:
            self._reconcile()

    # --- reading the plan's inputs -----------------------------------------------------
    def passages_of(self, record_id: str) -> list[str]:
        if record_id not in self._lists:
            meta = self._metas.get(record_id) or {}
            self._lists[record_id] = json.loads(meta.get("passage_ids", "[]"))
        return self._lists[record_id]

    def reusable_passages(self, doc_id: str) -> set[str]:
        """Stored passages of this document whose sentence vectors come from this
        writer's model: those of its committed record, and those of records a dead
        writer left unfinished. A new passage with the same text and sentence spans as
        one of them reuses its vectors (ingest.pipeline), whatever its id."""
        reusable = set(self._reusable.get(doc_id, ()))
        old = self.known.get(doc_id)
        if old is not None and old.embedding == self.embedding:
            reusable.update(self.passages_of(self.base.records[doc_id]))
        return reusable

    # --- repairs ---------------------------------------------------------------------------
    def _reconcile(self) -> None:
        """Sort the document records no version lists: adopt records written before
        manifests existed (each is whole: its passages went in first), keep unfinished
        ones of this model for their vectors (each is whole too), delete the others now
        (nothing will reuse them; their passages and vectors are swept after the commit)."""
        docs = self.store._collection("documents")
        got = self.store._call("listing documents", lambda: docs.get(include=["metadatas"]))
        live = set(self.records.values())
        stale = []
        for rec, meta in zip(got["ids"], got["metadatas"], strict=True):
            if rec in live:
                continue
            if "doc_id" not in meta:
                if self.base.version is None or self.base.legacy:
                    self.records[rec] = rec
                    self._metas[rec] = meta
                    self.known[rec] = _doc_info(rec, meta)
                    self.adopted.append(rec)
                    continue
                stale.append(rec)
            elif meta.get("embedding") == self.embedding and self.embedding:
                passages = json.loads(meta.get("passage_ids", "[]"))
                self._reusable.setdefault(meta["doc_id"], set()).update(passages)
            else:
                stale.append(rec)
        if self.adopted:
            self._changed = True
            log.warning(
                "%d documents were written by an ingest that never committed them; "
                "they are adopted and committed now",
                len(self.adopted),
            )
        if stale:
            self.store._delete("documents", stale)
        if self.unfinished is not None:
            log.warning(
                "the last ingest (pid %s, started %s) did not finish; repairing: vectors "
                "of %d unfinished passages reused, orphans removed after the commit",
                self.unfinished.get("pid", "?"),
                self.unfinished.get("started", "?"),
                sum(len(p) for p in self._reusable.values()),
            )

    # --- writing -------------------------------------------------------------------------
    def _mark(self) -> None:
        """Leave the `pending` marker before the first write: a writer that finds it
        knows the store may hold records no version lists (the dead writer's), to reuse
        or sweep. Its pid, start time and version are for the log."""
        if self._marked:
            return
        self._marked = True
        meta = {
            "pid": os.getpid(),
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "version": self.version,
        }
        coll = self.store._collection("meta")
        self.store._call(
            "writing the write marker",
            lambda: coll.upsert(ids=[_PENDING_ID], embeddings=[[0.0]], metadatas=[meta]),
        )

    def new_words(self, words: Iterable[str]) -> list[str]:
        """The words that have no stored vector of this writer's model yet: the ones an
        ingest embeds (sorted). One id lookup per batch; words this writer wrote are
        remembered."""
        todo = sorted(set(words) - self._words_stored)
        if todo:
            self._words_stored |= self.store.stored_words(self.embedding, todo)
        return [w for w in todo if w not in self._words_stored]

    def write(
        self,
        items: Sequence[tuple[Document, Sequence[Passage]]],
        sentence_vectors: dict[str, np.ndarray],
        word_vectors: dict[str, np.ndarray] | None = None,
    ) -> None:
        """Write documents, not yet visible: the lexicon's new word vectors, sentences,
        passages, then the document records (under new ids), in large batches (per-call
        overhead dominates small writes). Only records under new ids are written: a
        passage id hashes the whole record (ingest.chunking.passage_id), so one already
        stored for this model is the same record and is left alone, and nothing a reader
        may be using is rewritten. With `word_vectors` (None: the caller keeps no lexicon,
        as the benchmark's synthetic corpus), each document record lists its lexicon
        words, so the clean-up knows which word vectors some live document still uses."""
        if not items:
            return
        self._mark()
        if word_vectors is not None:
            ids = [word_id(self.embedding, w) for w in word_vectors]
            metas = [{"vector": _encode_vector(v)} for v in word_vectors.values()]
            self.store._upsert("words", ids, [[0.0]] * len(ids), None, metas)
            self._words_stored.update(word_vectors)
            crash_point("after_words")
        sent_ids, sent_vecs = [], []
        pas_ids, pas_vecs, pas_texts, pas_metas = [], [], [], []
        doc_vecs = []
        for doc, passages in items:
            stored = self.reusable_passages(doc.doc_id)
            means = []
            for position, p in enumerate(passages):
                vecs = [
                    sentence_vectors[sentence_id(p.passage_id, i)] for i in range(len(p.sentences))
                ]
                means.append(_unit_mean(vecs))
                if p.passage_id in stored:
                    continue
                sent_ids += [sentence_id(p.passage_id, i) for i in range(len(vecs))]
                sent_vecs += vecs
                pas_ids.append(p.passage_id)
                pas_vecs.append(means[-1])
                pas_texts.append(p.text)
                pas_metas.append(_passage_meta(p, position))
            doc_vecs.append(_unit_mean(means) if means else np.zeros(DIMENSIONS, np.float32))

        # Sentence records carry no text and no metadata: their id names their passage,
        # their text and offsets are in the passage record, and Chroma full-text-indexes
        # every stored text (a third of the write time, before).
        self.store._upsert("sentences", sent_ids, sent_vecs, None, None)
        crash_point("after_sentences")
        self.store._upsert("passages", pas_ids, pas_vecs, pas_texts, pas_metas)
        crash_point("after_passages")
        record_ids, metas = [], []
        for doc, passages in items:
            meta = doc.model_dump(exclude={"text", "pages"})
            meta["passage_ids"] = json.dumps([p.passage_id for p in passages])
            if doc.pages:  # Chroma metadata holds no nested lists: the spans as JSON
                meta["pages"] = json.dumps(doc.pages)
            if word_vectors is not None:
                found = set().union(*(lexicon_words(words(p.text)) for p in passages))
                meta["words"] = json.dumps(sorted(found))
            record_ids.append(_record_id(doc))
            metas.append(meta)
        self.store._upsert("documents", record_ids, doc_vecs, [doc.text for doc, _ in items], metas)
        crash_point("after_documents")
        for (doc, _), rec, meta in zip(items, record_ids, metas, strict=True):
            self.records[doc.doc_id] = rec
            self._metas[rec] = meta
            self._lists.pop(rec, None)
        self._changed = True

    def remove(self, doc_id: str) -> None:
        """Leave the document out of the next version."""
        if self.records.pop(doc_id, None) is not None:
            self._changed = True

    def commit(self, root: str | None = None, force: bool = False) -> str | None:
        """Make the written documents visible as a new corpus version (one upsert of the
        `corpus` record), then delete what no version lists any more. Returns the new
        version, or None when nothing changed (then only repairs run)."""
        version = None
        root = root or self.base.root
        meta_coll = self.store._collection("meta")
        if self._changed or force:
            self._mark()
            version = self.version
            manifest = {"documents": json.dumps(self.records, sort_keys=True)}
            self.store._call(
                "writing the manifest",
                lambda: meta_coll.upsert(
                    ids=[_manifest_id(version)], embeddings=[[0.0]], metadatas=[manifest]
                ),
            )
            crash_point("before_version")
            self._write_commit_record(version, root)
            crash_point("after_version")
            log.info("committed corpus version %s (%d documents)", version[:8], len(self.records))
        elif root != self.base.root and self.base.version is not None:
            self._write_commit_record(self.base.version, root)  # same content, new root
        self.store._committed_cache = None
        if self._changed or force or self.dirty:
            self._clean_up(version or self.base.version)
        return version

    def _write_commit_record(self, version: str, root: str | None) -> None:
        meta: dict[str, Any] = {
            "version": version,
            "format": _FORMAT,
            "committed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        if root:
            meta["root"] = root
        coll = self.store._collection("meta")
        self.store._call(
            "committing the corpus version",
            lambda: coll.upsert(ids=[_VERSION_ID], embeddings=[[0.0]], metadatas=[meta]),
        )

    def _clean_up(self, version: str | None) -> None:
        """Delete what the committed version does not list: the records it superseded,
        their passages that no live record keeps, and their sentence vectors (or, after
        a crash, everything unaccounted for: `_sweep`). Then clear the marker."""
        if self.dirty:
            records, passages, sentences = self._sweep()
        else:
            live = set(self.records.values())
            records = [r for r in self.base.records.values() if r not in live]
            passages = []
            for doc_id, rec in self.base.records.items():
                if rec in live:
                    continue
                kept = (
                    set(self.passages_of(self.records[doc_id])) if doc_id in self.records else set()
                )
                passages += [p for p in self.passages_of(rec) if p not in kept]
            sentences = self.store._sentence_ids_of(passages)
        self.store._delete("documents", records)
        crash_point("after_delete_documents")
        self.store._delete("passages", passages)
        crash_point("after_delete_passages")
        self.store._delete("sentences", sentences)
        self.store._delete("words", self._unused_words(records, sweep=self.dirty))
        crash_point("after_delete")
        stale_meta = [
            i
            for i in self.store._all_ids("meta")
            if i.startswith(_MANIFEST_PREFIX) and i != _manifest_id(version or "")
        ]
        self.store._delete("meta", [*stale_meta, _PENDING_ID])
        if self.dirty and (records or passages or sentences):
            log.warning(
                "removed what an interrupted ingest left behind: %d document records, "
                "%d passages, %d sentence vectors",
                len(records),
                len(passages),
                len(sentences),
            )

    def _unused_words(self, superseded: list[str], sweep: bool) -> list[str]:
        """Word vectors no live document lists: those the superseded records listed, or
        after a crash every stored one. None while a live record predates word lists."""
        live = _listed_words(self._metas.get(rec) or {} for rec in self.records.values())
        if live is None:
            return []
        if sweep:
            candidates = set(self.store._all_ids("words"))
        else:
            candidates = _listed_words(self._metas.get(rec) or {} for rec in superseded) or set()
        return sorted(candidates - live)

    def _sweep(self) -> tuple[list[str], list[str], list[str]]:
        """Every record, passage and sentence vector the committed version does not
        list (reads every id: only after a crash)."""
        live_records = set(self.records.values())
        live_passages = {p for rec in live_records for p in self.passages_of(rec)}
        records = [r for r in self.store._all_ids("documents") if r not in live_records]
        passages = [p for p in self.store._all_ids("passages") if p not in live_passages]
        sentences = [
            s for s in self.store._all_ids("sentences") if passage_of(s) not in live_passages
        ]
        return records, passages, sentences


def _manifest_id(version: str) -> str:
    return f"{_MANIFEST_PREFIX}{version}"


def _record_id(doc: Document) -> str:
    """A document record's id: its doc_id and a revision derived from what it holds,
    so rewriting the same content is idempotent and new content never overwrites the
    record readers are being served."""
    revision = hashlib.sha256(f"{doc.sha256}\x00{doc.chunking}\x00{doc.embedding}".encode())
    return f"{doc.doc_id}@{revision.hexdigest()[:12]}"


def word_id(embedding: str, word: str) -> str:
    """A lexicon word's vector's id: the model's name and the word."""
    return f"{embedding}:{word}"


def _encode_vector(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")


def _decode_vector(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float32)


def _listed_words(metas: Iterable[dict[str, Any]]) -> set[str] | None:
    """The ids of the word vectors these document records list; None if one of them
    lists none (written before word lists, or by a caller that keeps no lexicon)."""
    ids: set[str] = set()
    for meta in metas:
        if "words" not in meta:
            return None
        embedding = meta.get("embedding", "")
        ids.update(word_id(embedding, w) for w in json.loads(meta["words"]))
    return ids


def sentence_id(passage_id: str, index: int) -> str:
    return f"{passage_id}:{index}"


def passage_of(sentence_id: str) -> str:
    return sentence_id.rsplit(":", 1)[0]


def _passage_meta(p: Passage, position: int) -> dict[str, Any]:
    return {
        "doc_id": p.doc_id,
        "title": p.title,
        "section": p.section,
        "context": p.context,
        "start": p.start,
        "end": p.end,
        "position": position,
        "sentences": json.dumps([[s.start, s.end, s.kind] for s in p.sentences]),
        "sections": json.dumps(p.sections) if p.sections else "",
    }


def _passage(pid: str, text: str, meta: dict[str, Any]) -> Passage:
    start = int(meta["start"])
    sentences = [
        Sentence(
            start=s,
            end=e,
            text=text[s - start : e - start],
            kind=_kind(text[s - start : e - start], kind),
        )
        for s, e, *kind in json.loads(meta["sentences"])  # [start, end, kind]
    ]
    return Passage(
        passage_id=pid,
        doc_id=meta["doc_id"],
        title=meta.get("title", ""),
        section=meta.get("section", ""),
        context=meta.get("context", ""),
        sections=json.loads(meta["sections"]) if meta.get("sections") else [],
        start=start,
        end=int(meta["end"]),
        text=text,
        sentences=sentences,
    )


def _kind(sentence: str, stored: list[str]) -> str:
    """Records written before sentence kinds took a sentence without closing
    punctuation for a heading."""
    if stored:
        return stored[0]
    return "sentence" if ends_sentence(sentence) else "heading"


def _doc_info(doc_id: str, meta: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        doc_id=doc_id,
        title=meta["title"],
        passage_count=int(meta["passage_count"]),
        size=int(meta["size"]),
        sha256=meta["sha256"],
        ingested_at=meta["ingested_at"],
        chunking=meta.get("chunking", ""),
        embedding=meta.get("embedding", ""),
        format=meta.get("format", ""),
        page_count=int(meta.get("page_count", 0)),
    )


def _unit_mean(vectors: Sequence[np.ndarray]) -> np.ndarray:
    mean = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)
