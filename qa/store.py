"""The only module that talks to Chroma (embedded, or a `chroma run` server over HTTP).

Three collections, all keyed by content-derived ids:

* `<prefix>_documents`  one record per document: full text (offsets refer to it), title,
  sha256, size, ingested_at, passage_count, and the ids of its passages.
* `<prefix>_passages`   one record per passage: text, offsets, sentence spans; its
  vector is the normalised mean of its sentences' vectors.
* `<prefix>_sentences`  one record per sentence: only its own vector, under the id
  `<passage_id>:<index>` (the text and offsets are in the passage record). Dense retrieval
  works at sentence level and the extractive answerer scores sentences without
  re-embedding them.

A fourth, `<prefix>_meta`, holds the corpus version that ingest bumps after every change,
so every worker (on any machine) knows when to reload its in-memory snapshot and BM25.

Every Chroma or network exception is wrapped here, where it enters, into
`StoreUnavailable` with a message that says what to do.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlparse

import numpy as np

from qa.config import Settings
from qa.embedding import DIMENSIONS
from qa.errors import NotFound, StoreUnavailable
from qa.text import ends_sentence
from qa.types import Document, DocumentInfo, Passage, Sentence

log = logging.getLogger(__name__)
T = TypeVar("T")
_WRITE_BATCH = 2000
_VERSION_ID = "corpus"


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
                    f"{self.settings.collection_prefix}_{kind}", embedding_function=None
                )
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

    # --- the corpus version ------------------------------------------------------------
    def corpus_version(self) -> str | None:
        coll = self._collection("meta")
        got = self._call(
            "reading the corpus version", lambda: coll.get(ids=[_VERSION_ID], include=["metadatas"])
        )
        if not got["ids"]:
            return None
        return str(got["metadatas"][0]["version"])

    def bump_version(self) -> str:
        version = uuid.uuid4().hex
        coll = self._collection("meta")
        self._call(
            "writing the corpus version",
            lambda: coll.upsert(
                ids=[_VERSION_ID], embeddings=[[0.0]], metadatas=[{"version": version}]
            ),
        )
        return version

    # --- documents ---------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        coll = self._collection("documents")
        got = self._call("listing documents", lambda: coll.get(include=["metadatas"]))
        infos = [_doc_info(i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True)]
        return sorted(infos, key=lambda d: d.doc_id)

    def document(self, doc_id: str) -> Document:
        coll = self._collection("documents")
        got = self._call(
            "reading a document", lambda: coll.get(ids=[doc_id], include=["metadatas", "documents"])
        )
        if not got["ids"]:
            raise NotFound(f"No document with id {doc_id!r}; GET /v1/documents lists them.")
        info = _doc_info(doc_id, got["metadatas"][0])
        return Document(**info.model_dump(), text=got["documents"][0])

    def document_passage_ids(self, doc_id: str) -> list[str]:
        return self._passage_ids_of([doc_id])

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

    # --- writing -------------------------------------------------------------------------
    def write_documents(
        self,
        items: Sequence[tuple[Document, Sequence[Passage]]],
        sentence_vectors: dict[str, np.ndarray],
    ) -> None:
        """Write documents so that a reader never sees one half-written.

        New sentences and passages go in first (in large batches: per-call overhead
        dominates small writes), the document records (the commit point) next, and only
        then are the passages that the new versions no longer have deleted. Passages
        that no committed document record lists are never served (`passage_lists`),
        so an interruption before the commit leaves every old version intact.
        """
        sent_ids, sent_vecs = [], []
        pas_ids, pas_vecs, pas_texts, pas_metas = [], [], [], []
        doc_vecs = []
        for _doc, passages in items:
            first = len(pas_vecs)
            for position, p in enumerate(passages):
                vecs = []
                for idx in range(len(p.sentences)):
                    sid = sentence_id(p.passage_id, idx)
                    vecs.append(sentence_vectors[sid])
                    sent_ids.append(sid)
                sent_vecs.extend(vecs)
                pas_ids.append(p.passage_id)
                pas_vecs.append(_unit_mean(vecs))
                pas_texts.append(p.text)
                pas_metas.append(_passage_meta(p, position))
            doc_vecs.append(
                _unit_mean(pas_vecs[first:])
                if len(pas_vecs) > first
                else np.zeros(DIMENSIONS, np.float32)
            )

        # Sentence records carry no text and no metadata: their id names their passage,
        # their text and offsets are in the passage record, and Chroma full-text-indexes
        # every stored text (a third of the write time, before).
        self._upsert("sentences", sent_ids, sent_vecs, None, None)
        self._upsert("passages", pas_ids, pas_vecs, pas_texts, pas_metas)
        new_ids = set(pas_ids)
        old_ids = set(self._passage_ids_of([doc.doc_id for doc, _ in items])) - new_ids
        docs = self._collection("documents")
        metas = []
        for doc, passages in items:
            meta = doc.model_dump(exclude={"doc_id", "text"})
            meta["passage_ids"] = json.dumps([p.passage_id for p in passages])
            metas.append(meta)
        self._call(
            "writing the document record",
            lambda: docs.upsert(
                ids=[doc.doc_id for doc, _ in items],
                embeddings=np.asarray(doc_vecs),
                documents=[doc.text for doc, _ in items],
                metadatas=metas,
            ),
        )
        self._delete_passages(sorted(old_ids))

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

    def _passage_ids_of(self, doc_ids: Sequence[str]) -> list[str]:
        coll = self._collection("passages")
        got = self._call(
            "listing passages",
            lambda: coll.get(where={"doc_id": {"$in": list(doc_ids)}}, include=[]),
        )
        return list(got["ids"])

    def delete_document(self, doc_id: str) -> None:
        docs = self._collection("documents")
        # The document record goes first: from then on its passages are not served.
        self._call("deleting a document", lambda: docs.delete(ids=[doc_id]))
        self._delete_passages(self.document_passage_ids(doc_id))

    def _delete_passages(self, passage_ids: Sequence[str]) -> None:
        if not passage_ids:
            return
        sentences, passages = self._collection("sentences"), self._collection("passages")
        for i in range(0, len(passage_ids), _WRITE_BATCH):
            chunk = list(passage_ids[i : i + _WRITE_BATCH])
            got = self._call(
                "listing sentences", lambda c=chunk: passages.get(ids=c, include=["metadatas"])
            )
            sentence_ids = [
                sentence_id(pid, k)
                for pid, meta in zip(got["ids"], got["metadatas"], strict=True)
                for k in range(len(json.loads(meta["sentences"])))
            ]
            if sentence_ids:
                self._call("deleting sentences", lambda s=sentence_ids: sentences.delete(ids=s))
            self._call("deleting passages", lambda c=chunk: passages.delete(ids=c))

    def passage_lists(self) -> dict[str, list[str]]:
        """Each document's passage ids in reading order, from the committed document
        records: the live passages (see `write_documents`)."""
        docs = self._collection("documents")
        got = self._call("listing documents", lambda: docs.get(include=["metadatas"]))
        return {
            doc_id: json.loads(meta.get("passage_ids", "[]"))
            for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)
        }


def sentence_id(passage_id: str, index: int) -> str:
    return f"{passage_id}:{index}"


def passage_of(sentence_id: str) -> str:
    return sentence_id.rsplit(":", 1)[0]


def _passage_meta(p: Passage, position: int) -> dict[str, Any]:
    return {
        "doc_id": p.doc_id,
        "title": p.title,
        "section": p.section,
        "start": p.start,
        "end": p.end,
        "position": position,
        "sentences": json.dumps([[s.start, s.end, s.kind] for s in p.sentences]),
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
    )


def _unit_mean(vectors: Sequence[np.ndarray]) -> np.ndarray:
    mean = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)
