"""The corpus lexicon (word vectors for soft matching) is computed at ingest and stored,
not on the first question: readers load it, and unchanged text is never embedded again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.embedding import Embedder, embedder_for
from qa.service import QAService
from qa.store import Store
from qa.text import lexicon_words, words

QUESTION = "Who denied the accusations?"
NEW_TEXT = "\n\nA quokka was sighted near the embassy gardens on Tuesday.\n"


def _record_embeds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the model embeds from now on (whole texts and late-chunked passages)."""
    seen: list[str] = []
    embed, embed_spans = Embedder.embed, Embedder.embed_spans

    def counting_embed(self, texts, *args, **kwargs):
        seen.extend(texts)
        return embed(self, texts, *args, **kwargs)

    def counting_spans(self, texts, *args, **kwargs):
        seen.extend(texts)
        return embed_spans(self, texts, *args, **kwargs)

    monkeypatch.setattr(Embedder, "embed", counting_embed)
    monkeypatch.setattr(Embedder, "embed_spans", counting_spans)
    return seen


def _corpus_words(corpus: Path) -> set[str]:
    return set().union(*(lexicon_words(words(f.read_text())) for f in corpus.glob("*.txt")))


def test_the_first_question_after_an_ingest_embeds_no_corpus_word(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    ingest(corpus, settings, progress=False)
    # The model is one per process: a test run earlier may have left this question's
    # vector in its query cache.
    embedder_for(settings).clear_query_cache()
    embedded = _record_embeds(monkeypatch)
    service = QAService(settings)
    service.ask(QUESTION)

    lexicon = service.snapshot().lexicon
    assert lexicon is not None and len(lexicon.words) > 300
    assert embedded, "the question itself is embedded"
    assert not set(embedded) & set(lexicon.words), "no corpus word is embedded at query time"
    # The stored vectors are the ones the reader would have computed: each word alone.
    monkeypatch.undo()
    sample = [w for w in lexicon.words if w in {"accusations", "vaccine", "denied"}]
    fresh = embedder_for(settings).embed(sample, batch_size=256)
    for word, vector in zip(sample, fresh, strict=True):
        assert float(np.dot(lexicon.vector(word), vector)) > 0.9999, word


def test_re_ingest_embeds_only_new_words_and_clean_up_drops_unused_ones(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
):
    ingest(corpus, settings, progress=False)
    store = Store(settings)
    name = embedder_for(settings).name
    before = _corpus_words(corpus)
    assert store.stored_words(name, sorted(before)) == before

    embedded = _record_embeds(monkeypatch)
    report = ingest(corpus, settings, progress=False)
    assert report.passages_embedded == 0 and embedded == [], "unchanged files embed nothing"

    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8") + NEW_TEXT, encoding="utf-8")
    ingest(corpus, settings, progress=False)
    new = _corpus_words(corpus) - before
    assert new == lexicon_words(words(NEW_TEXT)) - before and "quokka" in new
    assert [t for t in embedded if t in _corpus_words(corpus)] == sorted(new), (
        "only the words the store lacked are embedded"
    )
    assert not any(Store(settings).audit().values())

    # The quokka leaves the corpus: its vector goes with the last document listing it.
    target.write_text(target.read_text(encoding="utf-8").replace(NEW_TEXT, ""), "utf-8")
    ingest(corpus, settings, progress=False)
    store = Store(settings)
    assert store.stored_words(name, sorted(new)) == set()
    assert store.stored_words(name, sorted(before)) == before
    assert not any(store.audit().values())


def test_ingest_embeds_on_the_bulk_session_with_the_readers_vectors(
    corpus: Path, settings: Settings
):
    """Ingest runs the model on the session that does not spin (`Embedder.bulk_session`),
    and what it stores is what the query session gives the same word."""
    embedder = Embedder(backend="onnx", model_dir=settings.model_cache_dir)
    ingest(corpus, settings, embedder=embedder, progress=False)
    assert "bulk_session" in embedder.__dict__
    sample = sorted(_corpus_words(corpus))[:20]
    stored = Store(settings).word_vectors(embedder.name, sample)
    assert sorted(stored) == sample
    for word in sample:
        alone = embedder.embed([word])[0]  # one text: the query session
        assert float(stored[word] @ alone) > 0.99999


def test_lexicon_rows_come_in_the_lexicons_order_whatever_the_words_order():
    """A set of words iterates in an order that changes with each process's string
    hashing; the rows must not, or a matrix product's last-bit rounding (and a fitted
    threshold with it) changes from run to run."""
    from qa.retrieve import Lexicon

    vectors = np.arange(12, dtype=np.float32).reshape(4, 3)
    lexicon = Lexicon(["alpha", "beta", "gamma", "delta"], vectors, "test")
    forward = lexicon.rows(["alpha", "gamma", "delta", "missing"])
    backward = lexicon.rows(["delta", "missing", "gamma", "alpha"])
    assert np.array_equal(forward, backward)
    assert np.array_equal(forward, vectors[[0, 2, 3]])
