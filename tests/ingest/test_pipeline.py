from pathlib import Path

import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.store import Store


def _all_passages(store: Store):
    return {p.passage_id: p for p in store.iter_passages()}


def test_ingest_is_idempotent(corpus: Path, settings: Settings):
    store = Store(settings)
    first = ingest(corpus, settings, store=store, progress=False)
    assert len(first.added) == 2 and first.passages_embedded > 0
    version = store.corpus_version()
    passages = _all_passages(store)
    second = ingest(corpus, settings, store=store, progress=False)
    assert second.added == second.updated == second.removed == []
    assert sorted(second.unchanged) == sorted(first.added)
    assert second.passages_embedded == 0
    assert store.corpus_version() == version, "an unchanged corpus must not bump the version"
    assert _all_passages(store).keys() == passages.keys()


def test_offsets_hold_for_every_stored_passage(corpus: Path, settings: Settings):
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    texts = {d.doc_id: store.document(d.doc_id).text for d in store.documents()}
    for p in store.iter_passages():
        assert texts[p.doc_id][p.start : p.end] == p.text
        for s in p.sentences:
            assert texts[p.doc_id][s.start : s.end] == s.text


def test_a_changed_document_replaces_its_passages(corpus: Path, settings: Settings):
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    target = sorted(corpus.glob("*.txt"))[1]
    before = {pid for pid, p in _all_passages(store).items() if p.doc_id == target.name}
    new_text = (
        target.read_text(encoding="utf-8").replace("Kirill Dmitriev", "Someone Else")
        + "\nA new closing line.\n"
    )
    target.write_text(new_text, encoding="utf-8")
    report = ingest(corpus, settings, store=store, progress=False)
    assert report.updated == [target.name]
    after = {pid: p for pid, p in _all_passages(store).items() if p.doc_id == target.name}
    assert 0 < report.passages_embedded < len(after), "unchanged passages keep their vectors"
    assert before - after.keys(), "passages whose text changed get new ids"
    assert before & after.keys(), "unchanged passages keep their ids"
    text = store.document(target.name).text
    assert text == new_text
    for p in after.values():
        assert text[p.start : p.end] == p.text
    assert not any("Kirill Dmitriev" in p.text for p in after.values())
    assert store.document(target.name).passage_count == len(after)


def test_a_removed_document_is_deleted(corpus: Path, settings: Settings):
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    report = ingest(corpus, settings, store=store, progress=False)
    assert report.removed == [gone.name]
    assert [d.doc_id for d in store.documents()] == [p.name for p in corpus.glob("*.txt")]
    assert all(p.doc_id != gone.name for p in store.iter_passages())


def test_bad_files_are_skipped_and_nothing_is_lost(corpus: Path, settings: Settings, caplog):
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    victim = sorted(corpus.glob("*.txt"))[0]
    kept = {pid for pid, p in _all_passages(store).items() if p.doc_id == victim.name}
    victim.write_bytes(b"\x01\x02 broken \x00 bytes")  # the file turns binary
    (corpus / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (corpus / "fine.md").write_text(
        "# Fine\nA perfectly fine note about vaccines.\n", encoding="utf-8"
    )
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    report = ingest(corpus, settings, store=store, progress=False)
    assert set(report.skipped) == {victim.name, "broken.pdf"}
    assert "binary" in report.skipped[victim.name] and "PDF" in report.skipped["broken.pdf"]
    # A Latin-1 file is read (as Windows-1252), with a warning that says so.
    assert report.added == ["fine.md", "latin1.txt"] and report.removed == []
    assert "Windows-1252" in report.warnings["latin1.txt"][0]
    assert store.document("latin1.txt").text == "café"
    assert kept <= _all_passages(store).keys(), "the skipped file's earlier passages stay"
    assert any(victim.name in r.getMessage() for r in caplog.records)


def test_an_interrupted_write_leaves_the_old_version_whole(
    corpus: Path, settings: Settings, monkeypatch
):
    from qa.service import QAService

    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    target = sorted(corpus.glob("*.txt"))[1]
    old_text = store.document(target.name).text
    old_ids = set(store.document_passage_ids(target.name))
    target.write_text("Replacement\nAn entirely different text about Finland.\n", encoding="utf-8")

    real_call = Store._call

    def crash_at_commit(self, action, fn):
        if action == "committing the corpus version":
            raise KeyboardInterrupt  # everything is written but the commit record
        return real_call(self, action, fn)

    monkeypatch.setattr(Store, "_call", crash_at_commit)
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus, settings, store=store, progress=False)
    monkeypatch.setattr(Store, "_call", real_call)

    assert store.document(target.name).text == old_text
    assert old_ids <= set(store.document_passage_ids(target.name))
    service = QAService(settings, store=store)
    snapshot = service.snapshot()
    written = [p.passage_id for p in store.iter_passages() if "Finland" in p.text]
    assert written, "the crash came after the new passages were written"
    assert not any(snapshot.is_live(pid) for pid in written), "uncommitted passages are not served"
    assert snapshot.passages(written) == []
    assert snapshot.size == sum(d.passage_count for d in store.documents())

    report = ingest(corpus, settings, store=store, progress=False)
    assert report.updated == [target.name]
    assert report.passages_embedded == 0, "the interrupted run's vectors are reused"
    assert set(store.document_passage_ids(target.name)).isdisjoint(old_ids)
    assert store.document(target.name).text == target.read_text(encoding="utf-8")
    assert not any(store.audit().values())


def test_changing_the_passage_size_rechunks_unchanged_files(corpus: Path, settings: Settings):
    store = Store(settings)
    ingest(corpus, settings, store=store, progress=False)
    before = store.count_passages()
    smaller = settings.model_copy(update={"passage_max_tokens": 64})
    report = ingest(corpus, smaller, store=store, progress=False)
    assert sorted(report.updated) == sorted(p.name for p in corpus.glob("*.txt"))
    assert store.count_passages() > before
    assert ingest(corpus, smaller, store=store, progress=False).updated == []
