"""The store's commit point and its repairs (issue 13, points 2 and 3): readers only see
what the committed manifest lists; a store left by an interrupted or older ingest is
repaired by the next ingest. Killed processes: tests/ingest/test_crash.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.embedding import DIMENSIONS
from qa.errors import IndexMissing
from qa.retrieve import Query
from qa.service import QAService
from qa.store import SEARCH_EF, Store, passage_of

# A question the fitted decision answers (it abstains on "Who denied the accusations?").
ANSWERED = "Who will produce the Oxford vaccine in Russia?"


def interrupt_at(monkeypatch: pytest.MonkeyPatch, action: str) -> None:
    """Make the next store call doing `action` die (Ctrl-C) before it runs."""
    real = Store._call

    def dying(self, what, fn):
        if what == action:
            monkeypatch.setattr(Store, "_call", real)
            raise KeyboardInterrupt
        return real(self, what, fn)

    monkeypatch.setattr(Store, "_call", dying)


def test_orphan_sentence_vectors_no_longer_crowd_out_live_hits(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    """Point 3: a crash after the sentence vectors were written left near-copies of live
    sentences that took dense retrieval's top-n slots; the next ingest deletes them."""
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    service = QAService(settings, store=store)
    target = max(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace(" the ", " the very "), encoding="utf-8")
    interrupt_at(monkeypatch, "writing passages")
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus, settings, store=store, progress=False)
    target.write_text(original, encoding="utf-8")  # the edit is undone: nothing to update

    question = "Who denied the accusations?"
    vector = service.index.embedder.embed_query(question)
    live = service.snapshot().owner
    before = store.query_sentences(vector, n=30)
    assert sum(pid not in live for _, pid, _ in before) >= 5, "orphans take top slots"
    assert store.audit()["orphan_sentences"]

    report = ingest(corpus, settings, store=store, progress=False)
    assert report.added == report.updated == [] and report.removed == []
    assert not any(store.audit().values())
    after = store.query_sentences(vector, n=30)
    assert all(pid in live for _, pid, _ in after)
    query = Query(question, vector)
    assert len(service.index.retriever(service.snapshot(), "dense").retrieve(query, 6)) == 6


def test_an_interrupted_shift_leaves_the_committed_passages_where_they_were(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    """Passages that keep their text but move get new ids (the id hashes the whole
    record), so an ingest that dies before its commit has rewritten none of the records
    the committed version lists; put back, the file is simply unchanged."""
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    target = sorted(corpus.glob("*.txt"))[0]
    original = target.read_text(encoding="utf-8")
    before = store.document_passage_ids(target.name)
    # Two more blank lines: no token changes, so later passages keep their text, not their offsets.
    target.write_text(original.replace("\n\n", "\n\n\n\n", 1), encoding="utf-8")
    interrupt_at(monkeypatch, "writing documents")
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus, settings, store=store, progress=False)
    assert store.audit()["orphan_passages"], "the moved passages were written, under new ids"
    target.write_text(original, encoding="utf-8")
    assert store.document_passage_ids(target.name) == before
    stored = store.passages(before)
    assert len(stored) == len(before)
    assert all(original[p.start : p.end] == p.text for p in stored.values()), "none moved"

    report = ingest(corpus, settings, store=store, progress=False)
    assert report.unchanged == sorted(p.name for p in corpus.glob("*.txt"))
    assert report.passages_embedded == 0
    assert store.document_passage_ids(target.name) == before
    assert not any(store.audit().values())


def test_a_shifted_document_is_rewritten_under_new_ids_without_embedding(
    corpus: Path, settings: Settings
):
    """Vectors are reused by content: a document whose text only moved (blank lines
    added at the top) gets new passage ids and offsets, and embeds nothing."""
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    target = sorted(corpus.glob("*.txt"))[0]
    before = in_order(store, target.name)
    old = sentence_vectors(store, before)  # deleted with the old passages after the commit
    target.write_text("\n\n\n" + target.read_text(encoding="utf-8"), encoding="utf-8")

    report = ingest(corpus, settings, store=store, progress=False)
    assert report.updated == [target.name] and report.passages_embedded == 0
    text = store.document(target.name).text
    after = in_order(store, target.name)
    assert {p.passage_id for p in after}.isdisjoint(p.passage_id for p in before), "all new"
    assert [p.text for p in after] == [p.text for p in before]
    assert all(text[p.start : p.end] == p.text for p in after)
    new = sentence_vectors(store, after)
    assert len(old) == len(new) == sum(len(p.sentences) for p in before)
    for a, b in zip(old, new, strict=True):
        assert (a == b).all(), "the stored vectors, not new ones"
    assert not any(store.audit().values())


def in_order(store: Store, doc_id: str) -> list:
    ids = store.document_passage_ids(doc_id)
    found = store.passages(ids)
    return [found[i] for i in ids]


def sentence_vectors(store: Store, passages: list) -> list:
    ids = [f"{p.passage_id}:{i}" for p in passages for i in range(len(p.sentences))]
    found = store.sentence_vectors(ids)
    return [found[i] for i in ids]


def test_a_store_written_before_manifests_is_read_and_migrated(corpus: Path, settings: Settings):
    """Stores written by earlier versions: every document record was live; the corpus
    record had no manifest. Readers read them as before; the next ingest migrates."""
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    passages = store.passage_lists()
    _make_legacy(store, keep_version=True)

    reader = Store(settings)
    assert reader.committed().legacy
    assert reader.passage_lists() == passages
    assert len(QAService(settings, store=reader).ask(ANSWERED).citations)

    report = ingest(corpus, settings, store=Store(settings), progress=False)
    assert sorted(report.unchanged) == sorted(passages) and report.passages_embedded == 0
    migrated = Store(settings)
    assert not migrated.committed().legacy
    assert migrated.passage_lists() == passages
    assert not any(migrated.audit().values())


def test_documents_an_older_ingest_never_committed_are_adopted(corpus: Path, settings: Settings):
    """Point 2: an older ingest killed before its version bump left every document
    stored and no version: `ask` said nothing was ingested and ingest changed nothing."""
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    passages = store.passage_lists()
    _make_legacy(store, keep_version=False)
    with pytest.raises(IndexMissing):
        QAService(settings, store=Store(settings)).snapshot()

    report = ingest(corpus, settings, store=Store(settings), progress=False)
    assert sorted(report.unchanged) == sorted(passages) and report.passages_embedded == 0
    service = QAService(settings, store=Store(settings))
    assert service.snapshot().size == sum(len(v) for v in passages.values())
    assert service.ask(ANSWERED).citations


def test_a_snapshot_pairs_each_version_with_its_own_passages(corpus: Path, settings: Settings):
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    version, lists = store.live_passages()
    assert version == store.corpus_version()
    assert lists == store.passage_lists()
    (corpus / "new.txt").write_text("A note on the boiler pressure.\n", encoding="utf-8")
    ingest(corpus, settings, progress=False)  # another store object: another process
    newer, lists = store.live_passages()
    assert newer != version and "new.txt" in lists
    assert {passage_of(f"{p}:0") for p in lists["new.txt"]} == set(lists["new.txt"])


def _make_legacy(store: Store, keep_version: bool) -> None:
    """Rewrite the store in the layout earlier versions wrote: document records keyed by
    doc_id without a doc_id field, no manifest, and a corpus record with only a version
    (or none: an ingest killed before it bumped the version)."""
    docs, meta = store._collection("documents"), store._collection("meta")
    committed = store.committed()
    got = docs.get(
        ids=list(committed.records.values()), include=["metadatas", "documents", "embeddings"]
    )
    docs.delete(ids=got["ids"])
    metas = [{k: v for k, v in m.items() if k != "doc_id"} for m in got["metadatas"]]
    doc_ids = [m["doc_id"] for m in got["metadatas"]]
    docs.upsert(ids=doc_ids, embeddings=got["embeddings"], documents=got["documents"],
                metadatas=metas)  # fmt: skip
    meta.delete(ids=meta.get(include=[])["ids"])
    if keep_version:
        meta.upsert(ids=["corpus"], embeddings=[[0.0]], metadatas=[{"version": "old"}])
    assert json.loads(metas[0]["passage_ids"])


def test_each_sentences_section_is_stored_and_read_back():
    """A passage over two sections keeps each sentence's section (Passage.sections)."""
    from ingest.chunking import make_passages
    from qa.store import _passage, _passage_meta

    text = "1. Scope\n\nThis covers every site.\n\n2. Fees\n\nFees are paid monthly.\n"
    [p] = make_passages("d.txt", "t", text, 100, lambda ts: [len(t.split()) for t in ts])
    back = _passage(p.passage_id, p.text, _passage_meta(p, 0))
    assert back.sections == p.sections and back.section_of(3) == "2. Fees"
    assert back == p


def _clustered_unit_rows(n: int, centres: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Unit vectors around a few topics, as sentence embeddings are (uniformly random ones
    in 384 dimensions are a worst case that no search breadth short of all makes exact)."""
    rows = centres[rng.integers(0, len(centres), n)] + rng.standard_normal((n, DIMENSIONS))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


_MAKE_OLD_INDEX = """
import sys, chromadb, numpy as np
path, name, vectors = sys.argv[1], sys.argv[2], np.load(sys.argv[3])
coll = chromadb.PersistentClient(path=path).get_or_create_collection(name)
assert coll.configuration["hnsw"]["ef_search"] == 100  # Chroma's default
coll.add(ids=[f"p{i // 3}:{i % 3}" for i in range(len(vectors))], embeddings=vectors)
"""


def test_the_nearest_sentences_are_exact_also_in_an_index_made_before(tmp_path: Path):
    """Dense retrieval asks for the 200 nearest sentences. With Chroma's default search
    breadth it got an approximate 200 that changed between two builds of the same corpus;
    an index made with that default (by another process, as by an earlier version) is given
    the store's breadth when it is opened, and then returns exactly the nearest (against a
    brute-force search)."""
    settings = Settings(data_dir=tmp_path)
    rng = np.random.default_rng(1)
    centres = rng.standard_normal((40, DIMENSIONS))
    vectors = _clustered_unit_rows(1000, centres, rng)
    np.save(tmp_path / "vectors.npy", vectors)
    name = f"{settings.collection_prefix}_sentences"
    args = [str(tmp_path / "chroma"), name, str(tmp_path / "vectors.npy")]
    subprocess.run([sys.executable, "-c", _MAKE_OLD_INDEX, *args], check=True, timeout=120)

    store = Store(settings)
    ids = [f"p{i // 3}:{i % 3}" for i in range(len(vectors))]
    for q in _clustered_unit_rows(20, centres, rng):
        got = [sid for sid, _pid, _cos in store.query_sentences(q, n=200)]
        nearest = np.argsort(-(vectors @ q), kind="stable")[:200]
        assert set(got) == {ids[i] for i in nearest}
    assert store._collection("sentences").configuration["hnsw"]["ef_search"] == SEARCH_EF


def test_a_refused_search_breadth_leaves_the_search_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """A token without the right to update collections: the old index is searched at its
    own breadth, with a warning, not refused as an unavailable store."""
    from chromadb.api.models.Collection import Collection

    settings = Settings(data_dir=tmp_path)
    vectors = _clustered_unit_rows(300, np.eye(DIMENSIONS)[:5] * 3, np.random.default_rng(3))
    np.save(tmp_path / "vectors.npy", vectors)
    name = f"{settings.collection_prefix}_sentences"
    args = [str(tmp_path / "chroma"), name, str(tmp_path / "vectors.npy")]
    subprocess.run([sys.executable, "-c", _MAKE_OLD_INDEX, *args], check=True, timeout=120)

    def refuse(self, **kwargs):
        raise PermissionError("Forbidden: modify collection")

    monkeypatch.setattr(Collection, "modify", refuse)
    with caplog.at_level("WARNING", logger="qa.store"):
        hits = Store(settings).query_sentences(vectors[0], n=10)
    assert hits[0][0] == "p0:0" and len(hits) == 10
    assert "could not set the search breadth" in caplog.text
