"""Hybrid retrieval: dense (sentence vectors in Chroma) and BM25, fused by reciprocal rank.

Like llama-index's retrievers, the public `retrieve()` does the common work (limits,
ordering, dropping passages that are not live) and each provider implements only
`_retrieve()`. BM25 is bm25s with PyStemmer, configured as llama-index's BM25Retriever
configures it (see `Bm25Index`).

A worker's view of the corpus (`Snapshot`) holds only what every question needs: which
passages are live, in which document and order, the corpus statistics and the BM25
index. Passage texts are fetched from the store for the hits and cached. BM25 and the
statistics are built in one pass over the store, saved on disk under the corpus version
and memory-mapped, so every worker, on any machine, serves the same index after an
ingest, and a restart at 1M passages is ready in seconds rather than minutes.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
from abc import ABC, abstractmethod
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

from qa.embedding import DIMENSIONS, Embedder
from qa.errors import IndexMissing
from qa.sections import asks_for_heading, heading_label, heading_number, references, same_part
from qa.store import Store, sentence_id
from qa.text import STOPWORDS, acronyms, english_stemmer, lexicon_words, stem, words
from qa.types import Passage, own_heading

log = logging.getLogger(__name__)
_TEXT_CACHE = 512  # full document texts kept per snapshot (quotes, sources, evals)
_PASSAGE_CACHE = 20_000  # passages kept per snapshot, least recently used dropped first
_VECTOR_CACHE = 50_000  # sentence vectors kept per snapshot (1.5 KB each)
_DOC_SENTENCES_CACHE = 64  # whole documents' sentences kept per snapshot (summaries)
# How deep FusionRetriever reads each retriever's list; also the rank of a passage that one
# retriever did not return (`Hit.retriever_rank`).
FUSION_DEPTH = 20
_SUMMARY_PASSAGES = 200  # a summary reads at most a document's first passages
V = TypeVar("V")
RRF_K = 60  # the constant from Cormack et al. (2009); robust without tuning


@dataclass
class Hit:
    passage_id: str
    score: float
    # Fused hits: the passage's rank (0 = first) in each fused retriever's list, the fusion
    # depth where one did not retrieve it; empty for other hits (`Hit.retriever_rank`).
    ranks: tuple[int, ...] = ()

    def retriever_rank(self, absent: int = FUSION_DEPTH) -> int:
        """The passage's rank in the retriever that ranked it lowest (dense or BM25): low
        only where both found it near the top (`qa.answer.decide.retrievers_agree`);
        `absent` for a hit without ranks (a heading placed by structure, not by either)."""
        return max(self.ranks) if self.ranks else absent


@dataclass
class Query:
    text: str
    vector: np.ndarray


class ReadThrough(Generic[V]):
    """A bounded LRU in front of a batch read from the store (thread-safe)."""

    def __init__(self, read: Callable[[list[str]], dict[str, V]], size: int) -> None:
        self._read = read
        self._size = size
        self._items: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> dict[str, V]:
        with self._lock:
            missing = [k for k in dict.fromkeys(keys) if k not in self._items]
        fetched = self._read(missing) if missing else {}
        with self._lock:
            self._items.update(fetched)
            found = {k: self._items[k] for k in keys if k in self._items}
            for k in found:
                self._items.move_to_end(k)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return found


class Lexicon:
    """The corpus's words, each embedded alone, for soft matching a question's words.

    The vectors are computed at ingest and stored (qa/store.py, `<prefix>_words`): a
    worker assembles the lexicon of a corpus version beside BM25 from the store, and
    embeds only words the store lacks (an index ingested before the vectors were stored;
    reusing the previous version's cached vectors first), never at query time: a question
    then embeds only the few words of its own that the corpus lacks. Measured: word-level MiniLM similarity
    links paraphrases (contract~agreement 0.62) but also near misses (malware~virus 0.74), so
    the answerer uses it as one feature of a fitted decision, never as a rule of its own.
    """

    MAX_WORDS = 50_000  # the commonest words of a larger corpus; the rest match exactly
    FILE, WORDS = "word-vectors.npy", "words.json"

    def __init__(self, words: list[str], vectors: np.ndarray, embedder: str) -> None:
        self.words = words
        self.vectors = vectors
        # The same memory as a plain ndarray: indexing a memmap goes through its Python
        # __getitem__ first, which cost more than the read itself (rows: per sentence).
        self._rows = np.asarray(vectors)
        self.embedder = embedder
        self.index = {w: i for i, w in enumerate(words)}
        self._extra: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def vector(self, word: str) -> np.ndarray | None:
        row = self.index.get(word)
        if row is not None:
            return self.vectors[row]
        with self._lock:
            return self._extra.get(word)

    def rows(self, words: Iterable[str]) -> np.ndarray:
        """The vectors of those of the words the corpus has, in one read, in the index's
        order whatever the words' order: a set of words iterates in an order that changes
        with each process's string hashing, and a matrix product's rounding depends on where
        a row falls in it, so unsorted rows made features differ in the last bit from run to
        run, enough to move a fitted threshold and flip a dozen eval answers."""
        found = sorted(i for w in words if (i := self.index.get(w)) is not None)
        return self._rows[found] if found else np.zeros((0, DIMENSIONS), np.float32)

    def remember(self, word: str, vector: np.ndarray) -> None:
        """A question word the corpus lacks, embedded once per process (bounded)."""
        with self._lock:
            self._extra[word] = vector
            while len(self._extra) > 4096:
                self._extra.popitem(last=False)

    def nearest(self, vector: np.ndarray) -> tuple[str, float]:
        """The corpus word most similar to a vector, and the cosine."""
        if not self.words:
            return "", 0.0
        sims = self.vectors @ vector
        best = int(np.argmax(sims))
        return self.words[best], float(sims[best])

    @classmethod
    def vocabulary(cls, counts: Counter) -> list[str]:
        return sorted(w for w, _ in counts.most_common(cls.MAX_WORDS))

    def save(self, folder: Path) -> None:
        np.save(folder / self.FILE, self.vectors)
        meta = {"embedder": self.embedder, "words": self.words}
        (folder / self.WORDS).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Lexicon:
        meta = json.loads((folder / cls.WORDS).read_text(encoding="utf-8"))
        vectors = np.load(folder / cls.FILE, mmap_mode="r")
        return cls(meta["words"], vectors, meta["embedder"])

    @classmethod
    def build(
        cls,
        words: list[str],
        embedder: Embedder,
        reuse: list[Path],
        stored: dict[str, np.ndarray] | None = None,
    ) -> Lexicon:
        """Vectors for `words`: the `stored` ones (computed at ingest), then those of
        earlier versions' lexicons, and only the rest embedded now."""
        name = embedder.name
        known: dict[str, np.ndarray] = dict(stored or {})
        for folder in reuse:
            if len(known) >= len(words) and all(w in known for w in words):
                break
            try:
                old = cls.load(folder)
            except (OSError, ValueError, KeyError):
                continue
            if old.embedder == name:
                known.update((w, old.vectors[i]) for w, i in old.index.items())
        vectors = np.zeros((len(words), DIMENSIONS), np.float32)
        new = [i for i, w in enumerate(words) if w not in known]
        for i, w in enumerate(words):
            if w in known:
                vectors[i] = known[w]
        if new:
            log.info("embedding %d corpus words the store holds no vector for", len(new))
            # Words are a few tokens each: big batches cost no padding (2x the speed).
            vectors[new] = embedder.embed([words[i] for i in new], batch_size=256)
        return cls(words, vectors, name)


@dataclass(frozen=True)
class HeadingPlace:
    """Where a heading is: its passage, its sentence in it, and its text as a section path
    writes it (ingest/structure.py)."""

    doc_id: str
    passage_id: str
    index: int
    position: int  # the passage's place in its document
    label: str


class Headings:
    """Every heading of the live corpus and where it is: so that a section the question
    names by number ("What is Article 4 called?") is found directly, not only when its
    words happen to retrieve it, and so that a passage's section heading can be found
    ("Which section covers ...?"). Built in the pass that builds BM25, cached with it."""

    FILE = "headings.v1.json"  # a new name when the format or the labels change

    def __init__(self, places: list[HeadingPlace]) -> None:
        self.places = sorted(places, key=lambda p: (p.doc_id, p.position, p.index))
        self._numbered: dict[str, list[tuple[str, HeadingPlace]]] = defaultdict(list)
        self._by_label: dict[tuple[str, str], list[HeadingPlace]] = defaultdict(list)
        for place in self.places:
            if own := heading_number(place.label):
                self._numbered[own[1]].append((own[0], place))
            self._by_label[(place.doc_id, place.label)].append(place)

    def numbered(self, reference: tuple[str, str]) -> list[tuple[bool, HeadingPlace]]:
        """The headings of the part a question names, ("article", "6"): each with whether
        its own noun is the one named ("ARTICLE 4" for "Article 4"; "4." is a match too)."""
        return [
            (noun == reference[0], place)
            for noun, place in self._numbered.get(reference[1], [])
            if same_part((noun, reference[1]), reference)
        ]

    def of_section(self, doc_id: str, section: str, position: int) -> HeadingPlace | None:
        """The heading that opens a section path's innermost section: the last heading with
        that text at or before the passage (a document may repeat "Overview")."""
        label = own_heading(section)
        before = [p for p in self._by_label.get((doc_id, label), []) if p.position <= position]
        return before[-1] if before else None

    @classmethod
    def collect(cls, passage: Passage, position: int) -> list[HeadingPlace]:
        """A passage's headings, labelled as its section path writes them (`heading_label`),
        so that `of_section` finds a section's heading by the path's last part."""
        return [
            HeadingPlace(passage.doc_id, passage.passage_id, i, position, heading_label(s.text))
            for i, s in enumerate(passage.sentences)
            if s.kind == "heading"
        ]

    def save(self, folder: Path) -> None:
        rows = [[p.doc_id, p.passage_id, p.index, p.position, p.label] for p in self.places]
        (folder / self.FILE).write_text(json.dumps(rows), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Headings:
        rows = json.loads((folder / cls.FILE).read_text(encoding="utf-8"))
        return cls([HeadingPlace(*row) for row in rows])


@dataclass
class DocumentSentences:
    """A document's sentences in reading order: (passage, index in it), and their vectors."""

    places: list[tuple[Passage, int]]
    vectors: np.ndarray  # one unit vector per place


def _places(passages: Sequence[Passage]) -> list[tuple[Passage, int]]:
    """Each sentence of the passages once, in reading order, as (passage, its index there):
    overlapping passages share sentences."""
    places, seen = [], set()
    for p in passages:
        for i, s in enumerate(p.sentences):
            if s.start not in seen:
                seen.add(s.start)
                places.append((p, i))
    return sorted(places, key=lambda place: place[0].sentences[place[1]].start)


@dataclass
class Snapshot:
    """The live corpus as one worker sees it, for one corpus version."""

    version: str
    documents: dict[str, list[str]]  # doc_id -> its live passage ids, in reading order
    bm25: Bm25Index | None
    doc_freq: dict[str, int]  # stem -> passages containing it
    lower_words: set[str]  # words the corpus writes in lower case
    store: Store
    lexicon: Lexicon | None = None  # the corpus's words with their vectors
    headings: Headings | None = None  # every heading and where it is
    owner: dict[str, str] = field(init=False)  # live passage id -> doc_id

    def __post_init__(self) -> None:
        self.owner = {pid: doc for doc, ids in self.documents.items() for pid in ids}
        self._passages = ReadThrough(self.store.passages, _PASSAGE_CACHE)
        self._vectors = ReadThrough(self.store.sentence_vectors, _VECTOR_CACHE)
        self._documents = ReadThrough(
            lambda ids: {i: self.store.document(i) for i in ids}, _TEXT_CACHE
        )
        self._doc_sentences = ReadThrough(self._read_document_sentences, _DOC_SENTENCES_CACHE)
        self._doc_places = ReadThrough(self._read_document_places, _DOC_SENTENCES_CACHE)

    @property
    def size(self) -> int:
        return len(self.owner)

    def stems_starting(self, prefix: str) -> list[str]:
        """The corpus's stems that open with `prefix` (4 letters), from an index built on
        first use: where a question's name is looked for in its other forms."""
        index = self.__dict__.get("_prefixes")
        if index is None:
            index = defaultdict(list)
            for s in self.doc_freq:
                index[s[:4]].append(s)
            self.__dict__["_prefixes"] = index
        return index.get(prefix[:4], [])

    def is_live(self, passage_id: str) -> bool:
        return passage_id in self.owner

    def passages(self, ids: Sequence[str]) -> list[Passage]:
        """Live passages by id, in the given order; read from the store once per version."""
        found = self._passages.get_many([i for i in ids if i in self.owner])
        return [found[i] for i in ids if i in found]

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return self._vectors.get_many(ids)

    def document_text(self, doc_id: str) -> str:
        """The text citations quote, read once per corpus version."""
        return self._documents.get_many([doc_id])[doc_id].text

    def document_pages(self, doc_id: str) -> list[tuple[int, int, int]]:
        """The document's (start, end, page) spans ([] without pages), read with its text."""
        return self._documents.get_many([doc_id])[doc_id].pages

    def document_sentences(self, doc_id: str) -> DocumentSentences:
        """Every sentence of a document once, in reading order, with its vector: what a
        summary needs. Read on first use and cached per corpus version; ordinary
        questions never call it."""
        return self._doc_sentences.get_many([doc_id])[doc_id]

    def document_places(self, doc_id: str) -> list[tuple[Passage, int]]:
        """Every sentence of a document once, in reading order, as (passage, its index
        there), from all its passages, without vectors: what a list of its sections needs.
        Read on first use and cached per corpus version."""
        return self._doc_places.get_many([doc_id])[doc_id]

    def _read_document_places(self, doc_ids: list[str]) -> dict[str, list[tuple[Passage, int]]]:
        return {doc: _places(self.passages(self.documents.get(doc, []))) for doc in doc_ids}

    def _read_document_sentences(self, doc_ids: list[str]) -> dict[str, DocumentSentences]:
        out = {}
        for doc in doc_ids:
            places = _places(self.passages(self.documents.get(doc, [])[:_SUMMARY_PASSAGES]))
            vectors = self.sentence_vectors([sentence_id(p.passage_id, i) for p, i in places])
            kept = [(p, i) for p, i in places if sentence_id(p.passage_id, i) in vectors]
            matrix = np.array(
                [vectors[sentence_id(p.passage_id, i)] for p, i in kept], np.float32
            ).reshape(len(kept), -1)
            out[doc] = DocumentSentences(kept, matrix)
        return out

    def previous_passage(self, passage_id: str) -> Passage | None:
        prev_id = self.previous(passage_id)
        found = self.passages([prev_id]) if prev_id else []
        return found[0] if found else None

    def previous(self, passage_id: str) -> str | None:
        """The live passage just before this one in its document."""
        doc = self.owner.get(passage_id)
        if doc is None:
            return None
        ids = self.documents[doc]
        at = ids.index(passage_id)
        return ids[at - 1] if at else None


# Raised when the derived statistics change for the same passages (a cached corpus version
# derived the old way is rebuilt): 2 = `qa.text.WORD` keeps "v2.4.0" one word; 3 = BM25
# indexes the words of the file name (`bm25_text`); 4 = a name's initials count as a word
# of the corpus (`qa.text.acronyms`).
DERIVED_FORMAT = 4


def cache_folder(cache_dir: Path, version: str) -> Path:
    """Where a corpus version's BM25, statistics and lexicon are cached."""
    return cache_dir / f"{version}-{DERIVED_FORMAT}"


class Retriever(ABC):
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot

    def retrieve(self, query: Query, k: int) -> list[Hit]:
        if k <= 0 or not self.snapshot.size:
            return []
        hits = [h for h in self._retrieve(query, k) if self.snapshot.is_live(h.passage_id)]
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
    """The query's words, as bm25s scores them.

    Measured and not adopted (session 8, dev questions of six corpora): soft query
    expansion, each question word the corpus lacks adding its 3 nearest corpus words in the
    lexicon (cosine >= 0.45, weighted by closeness) to the BM25 query. BM25 alone found more
    (hit@6 0.802 -> 0.837: bill~invoice, RAM~memory, ground~soil), but the fused hybrid did
    not (0.910 -> 0.906; the dense side already finds those passages), and the fitted
    decision lost (decision_lab key-fact 0.594 -> 0.583, abstention precision 0.347 ->
    0.329; ceiling right share 0.70 -> 0.68).

    Nor the WordNet stand-ins of the question's words that the corpus lacks (session 30:
    their synonyms, attributes and derivations that the corpus has, "heavy" -> weight)
    added to the BM25 query: "How heavy is the battery?" found its "| Weight | 118 kg |"
    row, but "How loud is it?" and others found passages on another sense, and the
    decision lost (dev, thirteen corpora: key-fact / abstention precision / recall / CRAG
    .673 / .548 / .532 / .379 -> .665 / .527 / .514 / .365, AUC +0.003 [-0.005, +0.011])."""

    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        if self.snapshot.bm25 is None or not words(query.text):
            return []
        return [Hit(pid, score) for pid, score in self.snapshot.bm25.top(query.text, k)]


@lru_cache(maxsize=1)
def _bm25s():
    """bm25s, imported on first use; importing it sets its own logger to DEBUG. Cached:
    `setLevel` clears every logger's cache, not a thing to do on each query."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


class Bm25Index:
    """bm25s over the live passages, and the passage id of each row.

    bm25s directly rather than through llama-index's `BM25Retriever`, with the same
    settings (English stop words and Snowball stems for the corpus, stems only for the
    query, the same token pattern), so the hits are the same. Measured: importing
    llama-index cost ~3 s of every server start, and its persisted corpus stored every
    passage text again, which also set the first start's memory peak.
    """

    TOKEN_PATTERN = r"(?u)\b\w\w+\b"

    def __init__(self, bm25, ids: list[str]) -> None:
        self.bm25 = bm25
        self.ids = ids

    @classmethod
    def build(cls, ids: list[str], texts: list[str]) -> Bm25Index:
        bm25s = _bm25s()
        tokens = bm25s.tokenize(
            texts,
            stopwords="english",
            stemmer=english_stemmer(),
            token_pattern=cls.TOKEN_PATTERN,
            show_progress=False,
        )
        bm25 = bm25s.BM25()
        bm25.index(tokens, show_progress=False)
        return cls(bm25, ids)

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder / "bm25"))
        (folder / "bm25-ids.json").write_text(json.dumps(self.ids), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Bm25Index:
        """Memory-mapped: a worker's memory does not grow with the index."""
        bm25s = _bm25s()
        ids = json.loads((folder / "bm25-ids.json").read_text(encoding="utf-8"))
        return cls(bm25s.BM25.load(str(folder / "bm25"), mmap=True), ids)

    def top(self, text: str, k: int) -> list[tuple[str, float]]:
        """The k best-scoring passages with a score above zero, best first.

        bm25s scores; the selection is ours, among the passages that share a term with
        the query: bm25s partitions all the scores, mostly tied zeros, which took 30 ms
        per question at 1M passages, and up to 150 ms (BENCHMARKS.md).
        """
        [tokens] = _bm25s().tokenize(
            text,
            stemmer=english_stemmer(),
            token_pattern=self.TOKEN_PATTERN,
            return_ids=False,
            show_progress=False,
        )
        known = [t for t in tokens if t in self.bm25.vocab_dict]
        if not known:
            return []
        scores = self.bm25.get_scores(known)
        hits = np.flatnonzero(scores > 0)
        if len(hits) > k:
            hits = hits[np.argpartition(scores[hits], -k)[-k:]]
        hits = hits[np.argsort(-scores[hits], kind="stable")]
        return [(self.ids[int(i)], float(scores[i])) for i in hits]


def bm25_text(passage: Passage) -> str:
    """What BM25 indexes for a passage: its document's title, the words of its file name
    (`Passage.file_words`) and its own heading before its text, so that a question naming
    the document ("Under the lease, ...", "the press release") or the section finds the
    passage. Only the index sees them: offsets refer to the text.

    The own heading, not the whole path: a chapter's heading repeated in every passage
    under it matched them all alike (legal corpus, hybrid hit@6 0.796 with the path,
    0.828 with the own heading; seeds and notes unchanged). A passage that continues a
    table also has its header row (`Passage.context`): "2025" names a column of it.

    Tried and not kept (session 23): where the document repeats the own heading
    ("Ingredients" under each recipe), the headings above it too, up to one it does not
    repeat ("Cheese and leek quiche Ingredients"). Gold sentences ranked higher for 26
    answerable dev questions and lower for 19 (howto's ingredient questions found their
    list), but the fitted decision did worse on it (`python -m evals.decision_lab`,
    twelve corpora: key-fact / abstention precision / recall / CRAG .646 / .506 / .528 /
    .352 -> .650 / .513 / .503 / .339, AUC -0.006 [-0.019, +0.005]): near-miss questions
    about a section found it as readily."""
    heading = own_heading(passage.section)
    parts = (passage.title, passage.file_words, heading, passage.context, passage.text)
    return "\n".join(part for part in parts if part)


class FusionRetriever(Retriever):
    """Reciprocal rank fusion: hand-written (a few lines) because llama-index's
    QueryFusionRetriever insists on resolving an LLM even for a single query.

    Measured and not adopted (dev questions of the five eval corpora): a convex
    combination of min-max normalised scores (Bruch et al., TOIS 2023; dense weight 0.6,
    depth 60) retrieved better (hybrid hit@6 / recall@6 / MRR over the answerable dev
    questions 0.913 / 0.866 / 0.692 -> 0.926 / 0.885 / 0.724; the ceiling's right share
    0.64 -> 0.65), but the fitted answerer transferred worse across corpora on it
    (decision_lab LOCO-dev CRAG 0.260 -> 0.227) and the eval's floors failed. Revisit with
    the decision, not alone.

    Measured again under the goal-figure threshold (session 8, dev, six corpora): convex,
    dense weight 0.7, depth 60: hybrid hit@6 0.910 -> 0.927 (`python -m evals.retrieval_lab`),
    but the decision worse (`evals.decision_lab` key-fact 0.594 -> 0.576, abstention
    precision 0.347 -> 0.312, recall 0.423 -> 0.372); with the soft expansion (`BM25Retriever`) as well,
    gold not retrieved 0.08 -> 0.06 and the right share unchanged at 0.70 (`evals.ceiling`:
    the gold arrives at rank 4+). Nor adopted, the same session: keeping the dense side's
    first hit in place of the last fused one (hit@6 0.910 -> 0.924, ceiling right 201 ->
    203 of 288, decision_lab key-fact 0.594 -> 0.583, precision 0.347 -> 0.340), and more
    passages per question (top_k 8, 10, 12: precision 0.354, 0.379, 0.308, not a trend).
    For scale: RRF_K 61 for 60 (no answerable dev question's passage set changes) moves
    decision_lab's three figures by about one point (0.597 / 0.358 / 0.436), as refitting
    shifts every left-out corpus's model.

    Tried again in session 21 (dev, eleven corpora, 686 questions), where everyday wording
    leaves BM25 without the passage that the dense side ranks first (a passage missing
    from one list gets no share of its fusion score): adding each retriever's first
    passage (or first two, or the dense side's only) beyond the top k, or the dense
    side's first in place of the last fused hit, or fusing 40 or 80 deep instead of 20.
    decision_lab key-fact / abstention precision / recall went from .656 / .536 / .562 to
    .657-.669 / .520-.548 / .527-.562: within a refit's noise (AUC change -0.002 to
    +0.006, every interval across 0). The few questions it mended (the dense side's first
    passage answering "How much RAM ...?") were offset by others the extra passages misled."""

    def __init__(
        self, snapshot: Snapshot, retrievers: list[Retriever], depth: int = FUSION_DEPTH
    ) -> None:
        super().__init__(snapshot)
        self.retrievers = retrievers
        self.depth = depth

    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        depth = max(k, self.depth)
        fused: dict[str, float] = defaultdict(float)
        ranks: dict[str, list[int]] = defaultdict(lambda: [depth] * len(self.retrievers))
        for i, retriever in enumerate(self.retrievers):
            for rank, hit in enumerate(retriever.retrieve(query, depth)):
                fused[hit.passage_id] += 1.0 / (RRF_K + rank + 1)
                ranks[hit.passage_id][i] = rank
        return [Hit(pid, score, tuple(ranks[pid])) for pid, score in fused.items()]


class StructureAware(Retriever):
    """Another retriever's hits, plus the passages holding the heading of a part the
    question names by number ("What is Article 4 called?", "What does clause 4.2 say?"),
    found in the document structure (`Headings`), not by words: a heading's words are
    rarely the question's, and a number is no word for BM25 or the embedding (legal dev:
    "Article N" retrieved every passage citing it, not its own heading). Placed first
    when the question asks what the part is called, else in place of the last hit.

    Not done for "Which section covers X?": adding the headings of the best hits' sections
    in place of the last hits lost more gold passages than it found (dev); the answerer
    looks that heading up itself (`qa.answer.extractive.section_heading`).
    """

    NAMED = 1  # parts named by number looked up per question
    OPTIONS = 2  # headings of it placed (from different documents, or a repeated number)
    WEIGHED = 20  # headings of a named number whose document titles are compared

    def __init__(self, snapshot: Snapshot, inner: Retriever) -> None:
        super().__init__(snapshot)
        self.inner = inner

    def retrieve(self, query: Query, k: int) -> list[Hit]:
        """In the order placed (a heading next to the text it titles), not re-sorted."""
        if k <= 0 or not self.snapshot.size:
            return []
        return [h for h in self._retrieve(query, k) if self.snapshot.is_live(h.passage_id)][:k]

    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        hits = self.inner.retrieve(query, k)
        headings = self.snapshot.headings
        if not hits or headings is None or not headings.places:
            return hits
        named = asks_for_heading(query.text)
        found = self._named(headings, references(query.text), hits, query.text)
        have = {h.passage_id: h for h in hits}
        if found and named:
            ranks = {p: have[p].ranks if p in have else () for p in found}
            return [Hit(p, hits[0].score, ranks[p]) for p in found] + [
                h for h in hits if h.passage_id not in found
            ]
        if found:
            extra = [p for p in found if p not in have]
            keep = hits[: max(k - len(extra), 0)]
            return keep + [Hit(p, hits[len(keep) - 1].score if keep else 0.0) for p in extra]
        return hits

    def _named(
        self, headings: Headings, asked: list[tuple[str, str]], hits: list[Hit], text: str
    ) -> list[str]:
        """The passages holding the headings of the parts named, best first: the heading
        whose noun is the one named ("ARTICLE 4" before "4." for "Article 4"), in the
        document whose title shares most of the question's words ("section 6 of the
        safety policy"), else the one retrieval ranked first. A few, not one: which
        document is meant is the answerer's to weigh."""
        rank: dict[str, int] = {}
        for i, hit in enumerate(hits):
            rank.setdefault(self.snapshot.owner.get(hit.passage_id, ""), i)
        asked_stems = {stem(w.lower()) for w in words(text) if w.lower() not in STOPWORDS}
        options = [o for reference in asked[: self.NAMED] for o in headings.numbered(reference)]
        options = [o for o in options if self.snapshot.is_live(o[1].passage_id)]
        if not options:
            return []
        # A large corpus has many a "1.": the titles of the likeliest few are read.
        options.sort(key=lambda o: (not o[0], rank.get(o[1].doc_id, len(hits)), o[1].position))
        options = options[: self.WEIGHED]
        titles = {
            p.doc_id: p.title for p in self.snapshot.passages([o[1].passage_id for o in options])
        }

        def order(option: tuple[bool, HeadingPlace]) -> tuple[bool, int, int, int]:
            same_noun, place = option
            title = {stem(w.lower()) for w in words(titles.get(place.doc_id, ""))}
            shared = len(asked_stems & title)
            return (not same_noun, -shared, rank.get(place.doc_id, len(hits)), place.position)

        out: list[str] = []
        for _, place in sorted(options, key=order):
            if place.passage_id not in out:
                out.append(place.passage_id)
        return out[: self.OPTIONS]


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

    def current(self) -> Snapshot:
        """The snapshot last loaded, without asking the store for the version again: for
        work on an answer composed from it moments ago (one store read per question, not
        two), and the version that answer's offsets belong to."""
        return self._snapshot or self.snapshot()

    def retriever(self, snapshot: Snapshot, kind: str = "hybrid") -> Retriever:
        dense = DenseRetriever(snapshot, self.store)
        if kind == "dense":
            return dense
        bm25 = BM25Retriever(snapshot)
        if kind == "bm25":
            return bm25
        return StructureAware(snapshot, FusionRetriever(snapshot, [dense, bm25]))

    def _load(self, version: str) -> Snapshot:
        # The passages and the version they belong to, read together: a commit between
        # reading the version and the passages must not file new passages under the old
        # version (its BM25 cache would then be wrong for every worker).
        version, documents = self.store.live_passages()
        if version is None:
            raise IndexMissing("The index was emptied while loading; run `corpus-qa ingest`.")
        bm25, doc_freq, lower_words, lexicon, headings = self._derived(version, documents)
        snapshot = Snapshot(
            version=version,
            documents=documents,
            bm25=bm25,
            doc_freq=doc_freq,
            lower_words=lower_words,
            store=self.store,
            lexicon=lexicon,
            headings=headings,
        )
        log.info("loaded corpus version %s: %d passages", version[:8], snapshot.size)
        return snapshot

    def _derived(
        self, version: str, documents: dict[str, list[str]]
    ) -> tuple[Bm25Index | None, dict, set[str], Lexicon | None, Headings | None]:
        """BM25, the corpus statistics and the lexicon: read from the cache of this corpus
        version, or built in one pass over the store and cached (a torn cache is rebuilt,
        never fatal). BM25 holds no passage text and is memory-mapped, as are the word
        vectors: a worker's memory and start-up time do not grow with the passage texts."""
        if not any(documents.values()):
            return None, {}, set(), None, None
        path = cache_folder(self.cache_dir, version)
        if (path / "stats.json").exists():
            try:
                stats = json.loads((path / "stats.json").read_text(encoding="utf-8"))
                return (
                    Bm25Index.load(path),
                    stats["doc_freq"],
                    set(stats["lower_words"]),
                    Lexicon.load(path),
                    Headings.load(path),
                )
            except Exception as exc:
                log.warning("index cache %s unreadable (%s); rebuilding", path, exc)
                shutil.rmtree(path, ignore_errors=True)
        log.info("building BM25 and corpus statistics for version %s", version[:8])
        live = {pid: i for ids in documents.values() for i, pid in enumerate(ids)}
        places: list[HeadingPlace] = []
        doc_freq: Counter = Counter()
        vocabulary: Counter = Counter()
        lower_words: set[str] = set()
        ids, texts = [], []
        for p in self.store.iter_passages():
            if p.passage_id not in live:
                continue
            found = words(p.text)
            # A name's initials count as its word: "UK" is in a corpus that writes "United
            # Kingdom" (`qa.text.acronyms`; the sentence match reads them likewise).
            doc_freq.update({stem(w) for w in found} | acronyms(p.text))
            vocabulary.update(lexicon_words(found))
            lower_words.update(w for w in found if w.islower())
            ids.append(p.passage_id)
            texts.append(bm25_text(p))
            places.extend(Headings.collect(p, live[p.passage_id]))
        bm25 = Bm25Index.build(ids, texts)
        headings = Headings(places)
        del texts
        earlier = (
            [d for d in self.cache_dir.iterdir() if (d / Lexicon.WORDS).exists()]
            if self.cache_dir.is_dir()
            else []
        )
        corpus_words = Lexicon.vocabulary(vocabulary)
        embedder = self.embedder
        stored = self.store.word_vectors(embedder.name, corpus_words)
        lexicon = Lexicon.build(corpus_words, embedder, earlier, stored)
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(dir=self.cache_dir, prefix=f"{path.name}."))
            bm25.save(tmp)
            lexicon.save(tmp)
            headings.save(tmp)
            stats = {"doc_freq": doc_freq, "lower_words": sorted(lower_words)}
            (tmp / "stats.json").write_text(json.dumps(stats), encoding="utf-8")
            try:
                tmp.rename(path)  # atomic; another worker may have won the race: keep theirs
            except OSError:
                shutil.rmtree(tmp, ignore_errors=True)
            for old in self.cache_dir.iterdir():
                if not old.name.startswith(path.name):
                    shutil.rmtree(old, ignore_errors=True)
            bm25 = Bm25Index.load(path)
            lexicon = Lexicon.load(path)
        except OSError as exc:
            log.warning("could not cache the index under %s: %s", path, exc)
        return bm25, dict(doc_freq), lower_words, lexicon, headings
