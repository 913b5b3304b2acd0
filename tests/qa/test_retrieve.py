"""The worker's snapshot: BM25 and statistics cached per corpus version, passages on demand."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.retrieve import (
    Bm25Index,
    FusionRetriever,
    Hit,
    Query,
    Retriever,
    _bm25s,
    bm25_text,
    cache_folder,
)
from qa.service import QAService
from qa.store import Store

QUESTION = "Who denied the accusations?"


def _bm25_ids(service: QAService) -> list[str]:
    snapshot = service.snapshot()
    query = Query(QUESTION, service.index.embedder.embed_query(QUESTION))
    return [h.passage_id for h in service.index.retriever(snapshot, "bm25").retrieve(query, 6)]


def _count_reads(monkeypatch: pytest.MonkeyPatch, method: str) -> list[list[str]]:
    """Record the ids each call of `Store.<method>` asks for."""
    reads: list[list[str]] = []
    real = getattr(Store, method)

    def counting(self, wanted):
        reads.append(list(wanted))
        return real(self, wanted)

    monkeypatch.setattr(Store, method, counting)
    return reads


def test_a_restart_reads_bm25_and_statistics_from_the_cache(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    ingest(corpus, settings, progress=False)
    first = QAService(settings)
    built = first.snapshot()
    assert [p.name for p in settings.index_cache_dir.iterdir()] == [
        cache_folder(settings.index_cache_dir, built.version).name
    ]

    def no_full_scan(self):
        raise AssertionError("the cached index must not be rebuilt")

    monkeypatch.setattr(Store, "iter_passages", no_full_scan)
    second = QAService(settings)
    loaded = second.snapshot()
    assert loaded.version == built.version
    assert loaded.doc_freq == built.doc_freq and loaded.lower_words == built.lower_words
    assert loaded.size == built.size == sum(d.passage_count for d in second.documents())
    assert _bm25_ids(second) == _bm25_ids(first) != []
    assert second.ask(QUESTION).passages  # answered (or abstained on) from the cached index


def test_a_torn_cache_is_rebuilt(corpus: Path, settings: Settings):
    ingest(corpus, settings, progress=False)
    version = QAService(settings).snapshot().version
    stats = cache_folder(settings.index_cache_dir, version) / "stats.json"
    stats.write_text("{ torn", encoding="utf-8")
    service = QAService(settings)
    assert service.snapshot().doc_freq, "statistics rebuilt from the store"
    assert json.loads(stats.read_text(encoding="utf-8"))["doc_freq"]
    assert _bm25_ids(service)


def test_a_cache_derived_the_old_way_is_rebuilt_and_removed(corpus: Path, settings: Settings):
    """The same corpus version cached by code that counted words differently
    (`DERIVED_FORMAT`) is neither read nor kept."""
    ingest(corpus, settings, progress=False)
    service = QAService(settings)
    version = service.snapshot().version
    old = settings.index_cache_dir / version
    shutil.copytree(cache_folder(settings.index_cache_dir, version), old)
    (old / "stats.json").write_text('{"doc_freq": {"stale": 1}, "lower_words": []}', "utf-8")
    shutil.rmtree(cache_folder(settings.index_cache_dir, version))
    rebuilt = QAService(settings).snapshot()
    assert "stale" not in rebuilt.doc_freq and rebuilt.doc_freq
    assert not old.exists()


def test_an_ingest_replaces_the_cached_version(corpus: Path, settings: Settings):
    ingest(corpus, settings, progress=False)
    service = QAService(settings)
    old = service.snapshot().version
    (corpus / "extra.txt").write_text("A short note about Finland.\n", encoding="utf-8")
    ingest(corpus, settings, progress=False)
    new = service.snapshot().version
    assert new != old
    assert [p.name for p in settings.index_cache_dir.iterdir()] == [
        cache_folder(settings.index_cache_dir, new).name
    ]
    assert service.snapshot().doc_freq.get("finland") == 1


def test_passages_are_read_on_demand_once_in_order(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    ingest(corpus, settings, progress=False)
    reads = _count_reads(monkeypatch, "passages")
    snapshot = QAService(settings).snapshot()
    doc_id, ids = max(snapshot.documents.items(), key=lambda item: len(item[1]))
    assert len(ids) >= 3
    wanted = [ids[2], "not-a-passage", ids[0]]
    got = snapshot.passages(wanted)
    assert [p.passage_id for p in got] == [ids[2], ids[0]]
    assert all(p.doc_id == doc_id for p in got)
    assert snapshot.passages([ids[0], ids[2]]) == [got[1], got[0]]
    assert reads == [[ids[2], ids[0]]], "cached after the first read; unknown ids never asked"
    assert snapshot.previous(ids[1]) == ids[0]
    assert snapshot.previous(ids[0]) is None
    assert snapshot.previous("not-a-passage") is None


def test_sentence_vectors_are_read_once_per_version(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    ingest(corpus, settings, progress=False)
    reads = _count_reads(monkeypatch, "sentence_vectors")
    snapshot = QAService(settings).snapshot()
    [passage] = snapshot.passages([next(iter(snapshot.owner))])
    ids = [f"{passage.passage_id}:{i}" for i in range(len(passage.sentences))]
    first = snapshot.sentence_vectors(ids)
    again = snapshot.sentence_vectors(ids)
    assert list(first) == ids and all(first[i] is again[i] for i in ids)
    assert all(v.shape == (384,) for v in first.values())
    assert reads == [ids]


def test_bm25_hits_are_llama_index_bm25_retrievers(seed_settings: Settings):
    """corpus-qa calls bm25s itself (faster start-up) with llama-index's configuration:
    the same passages, in the same order, with the same scores."""
    import Stemmer
    from llama_index.core.schema import QueryBundle, TextNode
    from llama_index.retrievers.bm25 import BM25Retriever

    from evals.dataset import load_golden

    service = QAService(seed_settings)
    snapshot = service.snapshot()
    live = [pid for ids in snapshot.documents.values() for pid in ids]
    # BM25 indexes each passage under its title and section path (qa.retrieve.bm25_text).
    nodes = [TextNode(id_=p.passage_id, text=bm25_text(p)) for p in snapshot.passages(live)]
    reference = BM25Retriever.from_defaults(
        nodes=nodes, similarity_top_k=10, stemmer=Stemmer.Stemmer("english"), language="english"
    )
    questions = [item.question for item in load_golden()]
    assert len(questions) > 20

    def ranked(hits: list[tuple[str, float]]) -> list[tuple[float, str]]:
        return sorted((-round(score, 4), pid) for pid, score in hits)  # ties in id order

    for question in questions:
        expected = [
            (n.node.node_id, n.score)
            for n in reference.retrieve(QueryBundle(question))
            if n.score > 0
        ]
        ours = snapshot.bm25.top(question, 10)
        assert ranked(ours) == ranked(expected), question
        assert [s for _, s in ours] == sorted((s for _, s in ours), reverse=True)


def test_bm25_logs_no_debug_lines(caplog: pytest.LogCaptureFixture):
    """bm25s sets its logger to DEBUG when imported; the index quiets it right after."""
    logging.getLogger("bm25s").setLevel(logging.DEBUG)  # as a fresh import leaves it
    _bm25s.cache_clear()  # as in a fresh process
    with caplog.at_level(logging.DEBUG):
        index = Bm25Index.build(["a", "b"], ["vaccine research", "the embassy denied it"])
        assert [pid for pid, _ in index.top("vaccine", 2)] == ["a"]
    assert not [r for r in caplog.records if r.name.startswith("bm25s")]


class _Listed(Retriever):
    """A retriever that returns fixed hits, best first."""

    def __init__(self, snapshot, ids: list[str]) -> None:
        super().__init__(snapshot)
        self.ids = ids

    def _retrieve(self, query: Query, k: int) -> list[Hit]:
        return [Hit(pid, 1.0 / (i + 1)) for i, pid in enumerate(self.ids)]


class _AllLive:
    size = 10

    def is_live(self, passage_id: str) -> bool:
        return True


def test_fused_hits_carry_their_rank_in_each_retriever():
    """What `qa.answer.decide.retrievers_agree` reads: each fused passage's place in the
    dense and the BM25 list, the depth where one did not retrieve it."""
    snapshot = _AllLive()
    dense, bm25 = _Listed(snapshot, ["a", "b", "c"]), _Listed(snapshot, ["b", "d"])
    fused = FusionRetriever(snapshot, [dense, bm25], depth=5).retrieve(Query("q", None), 4)
    ranks = {h.passage_id: h.ranks for h in fused}
    assert ranks == {"a": (0, 5), "b": (1, 0), "c": (2, 5), "d": (5, 1)}
    assert fused[0].passage_id == "b" and fused[0].retriever_rank() == 1
    assert Hit("e", 1.0).retriever_rank(absent=20) == 20  # placed by structure


def test_an_acronym_is_in_a_corpus_that_writes_the_name_out(tmp_path: Path):
    """ "UK" asks about what the document calls the United Kingdom: its initials count as
    a word of the corpus and of the sentence, so the question is not refused for lacking
    it ("The documents don't say: nothing in them mentions UK")."""
    from helpers import service_over

    service = service_over(
        tmp_path,
        "treaty.txt",
        "Harbour treaty\n\nThe United Kingdom signed the harbour treaty on 4 May 2019. "
        "The treaty sets the fees that ships pay in each port.\n\n"
        "The Board met once a year to review the fees.\n",
    )
    snapshot = service.snapshot()
    assert snapshot.doc_freq.get("uk") == 1
    assert "tb" not in snapshot.doc_freq  # "The Board": a stop word is no initial
    answer = service.ask("When did the UK sign the harbour treaty?")
    assert not answer.abstained, answer.answer
    assert "4 May 2019" in answer.answer
