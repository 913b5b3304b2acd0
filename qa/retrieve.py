"""Hybrid retrieval: dense (sentence vectors in Chroma) and BM25, fused by reciprocal rank.

Like llama-index's retrievers, the public `retrieve()` does the common work (limits,
ordering, dropping passages that are not live) and each provider implements only
`_retrieve()`. BM25 is llama-index's `BM25Retriever` (bm25s + PyStemmer); it is built
from the passages in the store and cached on disk under the corpus version, so every
worker, on any machine, serves the same index after an ingest.
"""

from __future__ import annotations

import logging
import shutil
import threading
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.embedding import Embedder
from qa.errors import IndexMissing
from qa.store import Store
from qa.text import stems, words
from qa.types import Passage

log = logging.getLogger(__name__)
_TEXT_CACHE_DOCS = 512  # full texts kept per snapshot; the cache is dropped when full
RRF_K = 60  # the constant from Cormack et al. (2009); robust without tuning


@dataclass
class Hit:
    passage_id: str
    score: float


@dataclass
class Query:
    text: str
    vector: np.ndarray


@dataclass
class Snapshot:
    """The live corpus as one worker sees it, for one corpus version."""

    version: str
    passages: dict[str, Passage]
    bm25: object | None
    doc_freq: Counter = field(default_factory=Counter)  # stem -> passages containing it
    lower_words: set[str] = field(default_factory=set)  # words the corpus writes in lower case
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # doc_id -> full text, filled on use

    @property
    def size(self) -> int:
        return len(self.passages)


class Retriever(ABC):
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot

    def retrieve(self, query: Query, k: int) -> list[Hit]:
        if k <= 0 or not self.snapshot.passages:
            return []
        hits = [h for h in self._retrieve(query, k) if h.passage_id in self.snapshot.passages]
        hits.sort(key=lambda h: (-h.score, h.passage_id))
        return hits[:k]

    @abstractmethod
    def _retrieve(self, query: Query, k: int) -> list[Hit]: ...


class DenseRetriever(Retriever):
    """Nearest sentences, pooled by max into their passages."""

    def __init__(self, snapshot: Snapshot, store: Store) -> None:
        super().__init__(snapshot)
        self.store = store

    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        best: dict[str, float] = {}
        for _sid, pid, cos in self.store.query_sentences(query.vector, n=min(k * 5, 200)):
            best[pid] = max(best.get(pid, -1.0), cos)
        return [Hit(pid, score) for pid, score in best.items()]


class BM25Retriever(Retriever):
    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        if self.snapshot.bm25 is None or not stems(query.text):
            return []
        from llama_index.core.schema import QueryBundle

        nodes = self.snapshot.bm25.retrieve(QueryBundle(query.text))
        return [Hit(n.node.node_id, float(n.score or 0.0)) for n in nodes if (n.score or 0) > 0][:k]


class FusionRetriever(Retriever):
    """Reciprocal rank fusion: hand-written (a few lines) because llama-index's
    QueryFusionRetriever insists on resolving an LLM even for a single query."""

    def __init__(self, snapshot: Snapshot, retrievers: list[Retriever], depth: int = 20) -> None:
        super().__init__(snapshot)
        self.retrievers = retrievers
        self.depth = depth

    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        fused: dict[str, float] = defaultdict(float)
        for retriever in self.retrievers:
            for rank, hit in enumerate(retriever.retrieve(query, max(k, self.depth))):
                fused[hit.passage_id] += 1.0 / (RRF_K + rank + 1)
        return [Hit(pid, score) for pid, score in fused.items()]


class CorpusIndex:
    """Keeps this worker's snapshot in step with the store's corpus version."""

    def __init__(self, store: Store, embedder_factory, cache_dir: Path) -> None:
        self.store = store
        self._embedder_factory = embedder_factory
        self.cache_dir = cache_dir
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    @property
    def embedder(self) -> Embedder:
        return self._embedder_factory()

    def snapshot(self) -> Snapshot:
        """The current snapshot; reloaded when another process has ingested since."""
        version = self.store.corpus_version()
        if version is None:
            raise IndexMissing(
                "Nothing has been ingested yet. Run `corpus-qa ingest` (or `make run`, which "
                "ingests seeds/ first)."
            )
        current = self._snapshot
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                if self._snapshot is not None:
                    self.store.reconnect()  # another process wrote: re-read the vectors too
                self._snapshot = self._load(version)
            return self._snapshot

    def document_text(self, snapshot: Snapshot, doc_id: str) -> str:
        """A document's full text, read once per corpus version (quotes, sources, evals)."""
        text = snapshot.texts.get(doc_id)
        if text is None:
            if len(snapshot.texts) >= _TEXT_CACHE_DOCS:
                snapshot.texts.clear()
            text = snapshot.texts[doc_id] = self.store.document(doc_id).text
        return text

    def retriever(self, snapshot: Snapshot, kind: str = "hybrid") -> Retriever:
        dense = DenseRetriever(snapshot, self.store)
        if kind == "dense":
            return dense
        bm25 = BM25Retriever(snapshot)
        if kind == "bm25":
            return bm25
        return FusionRetriever(snapshot, [dense, bm25])

    def _load(self, version: str) -> Snapshot:
        live = self.store.live_passage_ids()
        passages = {p.passage_id: p for p in self.store.iter_passages() if p.passage_id in live}
        log.info("loaded corpus version %s: %d passages", version[:8], len(passages))
        snapshot = Snapshot(version=version, passages=passages, bm25=self._bm25(version, passages))
        by_doc: dict[str, list[Passage]] = defaultdict(list)
        for p in passages.values():
            by_doc[p.doc_id].append(p)
            snapshot.doc_freq.update(stems(p.text))
            snapshot.lower_words.update(w for w in words(p.text) if w.islower())
        for doc_passages in by_doc.values():
            doc_passages.sort(key=lambda p: p.start)
            ids = [p.passage_id for p in doc_passages]
            for i, pid in enumerate(ids):
                snapshot.neighbours[pid] = (
                    ids[i - 1] if i else None,
                    ids[i + 1] if i + 1 < len(ids) else None,
                )
        return snapshot

    def _bm25(self, version: str, passages: dict[str, Passage]):
        if not passages:
            return None
        import Stemmer
        from llama_index.retrievers.bm25 import BM25Retriever as LlamaBM25

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
        path = self.cache_dir / version
        if path.exists():
            try:
                return LlamaBM25.from_persist_dir(str(path), show_progress=False)
            except Exception as exc:  # a torn cache is rebuilt, never fatal
                log.warning("BM25 cache %s unreadable (%s); rebuilding", path, exc)
        from llama_index.core.schema import TextNode

        nodes = [TextNode(id_=p.passage_id, text=p.text) for p in passages.values()]
        bm25 = LlamaBM25.from_defaults(
            nodes=nodes,
            similarity_top_k=min(50, len(nodes)),
            stemmer=Stemmer.Stemmer("english"),
            language="english",
        )
        try:
            tmp = path.with_suffix(".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            bm25.persist(str(tmp), show_progress=False)
            shutil.rmtree(path, ignore_errors=True)
            tmp.rename(path)
            for old in self.cache_dir.iterdir():
                if old.name != version:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            log.warning("could not cache BM25 under %s: %s", path, exc)
        return bm25
