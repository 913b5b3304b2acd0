"""QAService: the single entry point. The CLI, the API, the UI and the evals call it.

`get_service()` is the one piece of module-level state in the product: a cached service
per process, so the model and the snapshot load once.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from qa.answer.compose import compose
from qa.answer.evidence import QuestionProfile, profile_question
from qa.answer.extractive import Candidate, Selection, score_candidates, select
from qa.config import Settings, get_settings
from qa.embedding import Embedder, embedder_for
from qa.errors import EmptyQuestion, ModeUnavailable, QuestionTooLong, UnencodableText
from qa.followup import standalone_question
from qa.retrieve import CorpusIndex, Query, Snapshot
from qa.store import Store, sentence_id
from qa.types import Answer, ChatTurn, Document, DocumentInfo, Mode, Passage, ScoredPassage

log = logging.getLogger(__name__)
ABSTAIN_PREFIX = "The documents don't say"


@dataclass
class Prepared:
    question: str
    standalone: str | None
    snapshot: Snapshot
    passages: list[Passage]
    scores: dict[str, float]
    profile: QuestionProfile
    candidates: list[Candidate]
    timings: dict[str, float]
    started: float


class QAService:
    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.index = CorpusIndex(self.store, self._embedder, settings.index_cache_dir)
        self._embedder_lock = threading.Lock()

    def _embedder(self) -> Embedder:
        # The start-up warm-up thread and a first request must not load the model twice.
        with self._embedder_lock:
            return embedder_for(self.settings)

    # --- questions -----------------------------------------------------------------------
    def validate_question(self, question: str) -> str:
        return validate_question(question, self.settings)

    def ask(
        self,
        question: str,
        history: list[ChatTurn] | None = None,
        top_k: int | None = None,
        mode: Mode = "extractive",
    ) -> Answer:
        question = self.validate_question(question)
        validate_history(history or [])
        log.debug("ask (%s): %r", mode, question)  # question text only in debug logs
        if mode == "llm":
            return self._llm().ask(self, question, history or [], top_k or self.settings.top_k)
        return self.extractive(question, history or [], top_k or self.settings.top_k)

    def ask_stream(
        self,
        question: str,
        history: list[ChatTurn] | None = None,
        top_k: int | None = None,
        mode: Mode = "extractive",
    ) -> Iterator[str | Answer]:
        """Answer text in pieces as it is produced, then the complete Answer.

        A piece may be an empty string: a keep-alive tick while an LLM writes a sentence
        that is not verified yet. Front ends skip it (and may stop the stream there)."""
        question = self.validate_question(question)
        validate_history(history or [])
        if mode == "llm":
            yield from self._llm().ask_stream(
                self, question, history or [], top_k or self.settings.top_k
            )
            return
        answer = self.extractive(question, history or [], top_k or self.settings.top_k)
        # Extractive answers exist whole at once; they are streamed sentence by sentence
        # so that every front end has one code path for both modes.
        yield from _pieces(answer.answer)
        yield answer

    def prepare(self, question: str, history: list[ChatTurn], top_k: int) -> Prepared:
        """Retrieve and score candidate sentences: everything before the answer is chosen."""
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        snapshot = self.index.snapshot()
        standalone = standalone_question(question, history)
        query_text = standalone or question
        query = Query(query_text, self._embedder().embed_query(query_text))
        timings["embed"] = _ms(t0)

        t1 = time.perf_counter()
        hits = self.index.retriever(snapshot).retrieve(query, top_k)
        passages = snapshot.passages([h.passage_id for h in hits])
        scores = {h.passage_id: h.score for h in hits}
        timings["retrieve"] = _ms(t1)

        t2 = time.perf_counter()
        vectors = snapshot.sentence_vectors(
            [sentence_id(p.passage_id, i) for p in passages for i in range(len(p.sentences))]
        )
        # The follow-up's own words say what must be found; the previous turn only helps find it.
        profile = profile_question(question, snapshot.doc_freq, snapshot.size, snapshot.lower_words)
        if standalone and not profile.key_terms:
            profile = profile_question(
                standalone, snapshot.doc_freq, snapshot.size, snapshot.lower_words
            )
        candidates = score_candidates(profile, query.vector, passages, scores, vectors, snapshot)
        timings["score"] = _ms(t2)
        return Prepared(
            question, standalone, snapshot, passages, scores, profile, candidates, timings, t0
        )

    def extractive(self, question: str, history: list[ChatTurn], top_k: int) -> Answer:
        prepared = self.prepare(question, history, top_k)
        return self.compose_answer(
            prepared,
            select(prepared.profile, prepared.candidates, self.settings, prepared.snapshot),
        )

    def compose_answer(self, prepared: Prepared, selection: Selection) -> Answer:
        t3 = time.perf_counter()
        if selection.abstain_reason:
            text, citations = f"{ABSTAIN_PREFIX}: {selection.abstain_reason}.", []
        else:
            text, citations = compose(
                selection.candidates,
                prepared.snapshot,
                prepared.snapshot.document_text,
            )
        timings = {**prepared.timings, "answer": _ms(t3), "total": _ms(prepared.started)}
        return Answer(
            question=prepared.question,
            answer=text,
            abstained=selection.abstain_reason is not None,
            mode="extractive",
            citations=citations,
            passages=scored_passages(prepared.passages, prepared.scores),
            timings_ms=timings,
            standalone_question=prepared.standalone,
        )

    def check_mode(self, mode: Mode) -> None:
        if mode == "llm":
            self._llm()

    def _llm(self):
        if not self.settings.llm_configured:
            raise ModeUnavailable(
                "mode 'llm' needs an LLM: set CORPUS_QA_LLM_PROVIDER (openai-like or ollama), "
                "CORPUS_QA_LLM_BASE_URL and CORPUS_QA_LLM_MODEL, or use mode 'extractive'.",
                "mode",
            )
        from qa.answer.llm import LLMAnswerer

        return LLMAnswerer.for_settings(self.settings)

    # --- the corpus --------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        return self.index.snapshot()

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def document(self, doc_id: str) -> Document:
        return self.store.document(doc_id)

    def document_text(self, doc_id: str) -> str:
        """The text citations quote; cached per corpus version, unlike `document()`."""
        return self.index.snapshot().document_text(doc_id)

    def passage(self, passage_id: str) -> Passage:
        return self.store.passage(passage_id)

    def readiness(self) -> dict[str, object]:
        """Store reachable, index, model and vectors loaded; raises StoreUnavailable /
        IndexMissing if not."""
        self.store.ping()
        snapshot = self.index.snapshot()
        # The model and the vector index are loaded before "ready" (Chroma reads the
        # index into memory on the first query: seconds at 1M passages), so the first
        # question is not the slow one. Both are cached, so later checks cost ~ms.
        if snapshot.size:
            self.store.query_sentences(self._embedder().embed_query("ready"), n=1)
        return {
            "passages": snapshot.size,
            "corpus_version": snapshot.version,
            "store": self.store.location,
        }


def validate_question(question: str | None, settings: Settings) -> str:
    """Cheap checks every front end runs before any model or store is touched."""
    if question is None or not question.strip():
        raise EmptyQuestion()
    if len(question) > settings.max_question_chars:
        raise QuestionTooLong(len(question), settings.max_question_chars)
    check_encodable(question, "question")
    return question.strip()


def validate_history(history: list[ChatTurn], field: str = "history") -> None:
    """Earlier turns reach the follow-up rewrite and the LLM: the same text checks."""
    for i, turn in enumerate(history):
        check_encodable(turn.content, f"{field}.{i}.content")


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_encodable(text: str, field: str) -> None:
    """A lone surrogate (JSON `"\\ud800"`, or undecodable bytes in argv) is a str that
    no tokenizer, store or UTF-8 response can take: refuse it before any model sees it."""
    if bad := _SURROGATE.search(text):
        raise UnencodableText(field, bad.start())


def scored_passages(passages: list[Passage], scores: dict[str, float]) -> list[ScoredPassage]:
    return [
        ScoredPassage(
            passage_id=p.passage_id,
            doc_id=p.doc_id,
            title=p.title,
            start=p.start,
            end=p.end,
            score=round(scores.get(p.passage_id, 0.0), 6),
            text=p.text,
        )
        for p in passages
    ]


def _pieces(text: str) -> Iterator[str]:
    for match in re.finditer(r"\S.*?(?:\[\d+\]|$)\s*", text, flags=re.S):
        yield match.group()


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


@lru_cache(maxsize=1)
def get_service() -> QAService:
    return QAService(get_settings())
