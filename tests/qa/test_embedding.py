"""The embedding backends (fp32 ONNX, int8 ONNX, fp32 torch) on the same packaged weights."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import ingest
from qa.config import Settings
from qa.embedding import Embedder, _runs, get_embedder
from qa.errors import EmbeddingUnavailable
from qa.service import QAService
from qa.store import Store
from qa.text import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def fp32(model_dir: Path) -> Embedder:
    return get_embedder(16, "onnx", model_dir)


@pytest.fixture(scope="module")
def int8(model_dir: Path) -> Embedder:
    return get_embedder(16, "onnx-int8", model_dir)


@pytest.fixture(scope="module")
def torch_fp32() -> Embedder:
    return get_embedder(16, "torch")


def _seed_sentences() -> list[str]:
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    return [s.text for s in split_sentences(text)][:40]


def test_onnx_fp32_gives_torchs_vectors(fp32: Embedder, torch_fp32: Embedder):
    """The default backend stands in for torch: stored vectors are shared between them."""
    sentences = _seed_sentences()
    onnx_vectors, torch_vectors = fp32.embed(sentences), torch_fp32.embed(sentences)
    assert (onnx_vectors * torch_vectors).sum(axis=1).min() > 0.9999
    passage = " ".join(sentences[:5])
    spans = [(s.start, s.end) for s in split_sentences(passage)]
    [onnx_spans] = fp32.embed_spans([passage], [spans])
    [torch_spans] = torch_fp32.embed_spans([passage], [spans])
    assert onnx_spans.shape == (len(spans), 384)
    assert (onnx_spans * torch_spans).sum(axis=1).min() > 0.9999


def test_the_tokenizer_matches_transformers(fp32: Embedder):
    """corpus-qa reads tokenizer.json with `tokenizers`; transformers is the reference."""
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(fp32._path)
    texts = [*_seed_sentences(), " ".join(_seed_sentences()) * 3]  # the last is truncated
    for text in texts:
        ours = fp32._encoder.encode(text).ids
        assert ours == reference(text, truncation=True, max_length=fp32.max_length)["input_ids"]
    assert fp32.count_tokens(texts) == [
        len(reference(t, add_special_tokens=False)["input_ids"]) for t in texts
    ]


def test_int8_vectors_stay_close_to_fp32(fp32: Embedder, int8: Embedder):
    sentences = _seed_sentences()
    full = fp32.embed(sentences)
    quantized = int8.embed(sentences)
    assert quantized.shape == full.shape
    np.testing.assert_allclose(np.linalg.norm(quantized, axis=1), 1.0, atol=1e-5)
    cosines = (full * quantized).sum(axis=1)
    assert cosines.min() > 0.97, cosines.min()

    # Nearest neighbours mostly agree (a broken export agrees on ~none). Measured 0.85 on
    # AVX2: int8 reorders near ties, which is why fp32 stays the default.
    def neighbours(v: np.ndarray) -> np.ndarray:
        sims = v @ v.T
        np.fill_diagonal(sims, -1)
        return sims.argmax(axis=1)

    assert (neighbours(full) == neighbours(quantized)).mean() >= 0.75


def test_int8_span_pooling_matches_fp32(fp32: Embedder, int8: Embedder):
    passage = " ".join(_seed_sentences()[:4])
    spans = [(s.start, s.end) for s in split_sentences(passage)]
    [full] = fp32.embed_spans([passage], [spans])
    [quantized] = int8.embed_spans([passage], [spans])
    assert quantized.shape == (len(spans), 384)
    assert (full * quantized).sum(axis=1).min() > 0.97


def test_the_exported_models_are_built_once(fp32: Embedder, int8: Embedder, model_dir: Path):
    exported = sorted(model_dir.glob("*.onnx"))
    assert [p.name.split("-")[4] for p in exported] == ["fp32", "int8"]
    stamps = [p.stat().st_mtime_ns for p in exported]
    Embedder(backend="onnx", model_dir=model_dir)
    Embedder(backend="onnx-int8", model_dir=model_dir)
    assert [p.stat().st_mtime_ns for p in exported] == stamps
    assert sorted(model_dir.iterdir()) == exported, "no temporary files left"


def test_a_new_export_removes_the_exports_of_earlier_versions(
    fp32: Embedder, model_dir: Path, tmp_path: Path
):
    [export] = model_dir.glob("all-MiniLM-L6-v2-fp32-*.onnx")
    shutil.copy(export, tmp_path / export.name)  # this version's fp32: only int8 is built below
    stale = [tmp_path / f"all-MiniLM-L6-v2-{p}-0.0.1-1.0-1.0.onnx" for p in ("fp32", "int8")]
    for path in stale:
        path.write_bytes(b"an export of an earlier version")
    Embedder(backend="onnx-int8", model_dir=tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [export.name, export.name.replace("-fp32-", "-int8-")]


def test_the_onnx_backend_never_imports_torch(model_dir: Path):
    """What makes the server ready sooner: a fresh process embeds without torch."""
    code = (
        "import sys; from pathlib import Path; from qa.embedding import Embedder; "
        f"v = Embedder(backend='onnx', model_dir=Path({str(model_dir)!r})).embed_query('x'); "
        "assert v.shape == (384,); "
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_an_unwritable_model_dir_says_what_to_do(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(EmbeddingUnavailable, match="CORPUS_QA_MODEL_DIR"):
        Embedder(backend="onnx", model_dir=blocked / "models")


def test_switching_backend_re_embeds_and_answers_stay_exact(
    corpus: Path, settings: Settings, model_dir: Path, int8: Embedder
):
    first = ingest(corpus, settings, progress=False)
    store = Store(settings)
    assert {d.embedding for d in store.documents()} == {"all-MiniLM-L6-v2/fp32"}

    switched = settings.model_copy(update={"embed_backend": "onnx-int8"})
    second = ingest(corpus, switched, embedder=int8, progress=False)
    assert sorted(second.updated) == sorted(first.added)
    assert second.passages_embedded == first.passages_embedded, "no fp32 vector is reused"
    assert {d.embedding for d in store.documents()} == {"all-MiniLM-L6-v2/int8"}
    assert ingest(corpus, switched, embedder=int8, progress=False).passages_embedded == 0

    answer = QAService(switched).ask(
        "How certain is the NCSC that APT29 is part of Russian intelligence?"
    )
    assert not answer.abstained
    assert "95%" in answer.answer
    for c in answer.citations:
        assert store.document(c.doc_id).text[c.start : c.end] == c.quote

    # fp32 vectors are shared between the onnx and torch backends: nothing to re-embed.
    as_torch = settings.model_copy(update={"embed_backend": "torch"})
    ingest(corpus, settings, progress=False)
    assert ingest(corpus, as_torch, progress=False).passages_embedded == 0


def test_a_text_gets_the_same_vector_in_any_batch(fp32: Embedder):
    """Batches are padded to their longest text: padding must not change any vector."""
    sentences = _seed_sentences()
    passages = [" ".join(sentences[i : i + k]) for i, k in [(0, 1), (3, 6), (10, 2), (20, 9)]]
    together = fp32.embed(sentences)
    alone = np.vstack([fp32.embed([s]) for s in sentences])
    assert (together * alone).sum(axis=1).min() > 0.99999
    spans = [[(s.start, s.end) for s in split_sentences(p)] for p in passages]
    batched = fp32.embed_spans(passages, spans)
    for passage, passage_spans, vectors in zip(passages, spans, batched, strict=True):
        [single] = fp32.embed_spans([passage], [passage_spans])
        assert vectors.shape == (len(passage_spans), 384)
        assert (vectors * single).sum(axis=1).min() > 0.99999


def test_bulk_embedding_runs_without_spinning_and_gives_the_same_vectors(model_dir: Path):
    """Calls of more than one batch (ingest, the lexicon) run on a second session whose
    threads block instead of spinning; the model's outputs are the same, bit for bit."""
    embedder = Embedder(batch_size=4, backend="onnx", model_dir=model_dir)
    sentences = _seed_sentences()[:12]
    embedder.embed(sentences[:4])
    assert "bulk_session" not in embedder.__dict__  # a query never makes the second session
    embedder.embed(sentences)
    assert "bulk_session" in embedder.__dict__
    for _, inputs, _, _ in embedder._token_batches(sentences, progress=False):
        alone = embedder._forward(inputs, bulk=False)
        assert np.array_equal(embedder._forward(inputs, bulk=True), alone)
    options = embedder.bulk_session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.intra_op_num_threads == 1  # one thread per run, runs side by side
    query = embedder._onnx.get_session_options()
    assert query.get_session_config_entry("session.intra_op.allow_spinning") == "1"


def test_bulk_runs_give_the_vectors_of_one_batch_bit_for_bit(model_dir: Path):
    """A bulk call is cut into runs of at most `_RUN_TOKENS` padded tokens, run several at
    a time on single-thread runs: every vector is the one a single padded batch on the
    query session gives, bit for bit (stored vectors do not depend on how ingest batches)."""
    sentences = _seed_sentences()
    words = sorted({w.strip(".,;:()").lower() for s in sentences for w in s.split()} - {""})[:200]
    passages = [" ".join(sentences[i : i + k]) for i, k in [(0, 8), (3, 6), (10, 12), (20, 9)]]
    passages += [" ".join(sentences[i : i + 3]) for i in range(0, 30, 2)]
    spans = [[(s.start, s.end) for s in split_sentences(p)] for p in passages]
    one = Embedder(batch_size=256, backend="onnx", model_dir=model_dir)  # one batch, no bulk
    bulk = Embedder(batch_size=4, backend="onnx", model_dir=model_dir)
    assert np.array_equal(bulk.embed(words, batch_size=8), one.embed(words))
    assert np.array_equal(bulk.embed(sentences), one.embed(sentences))
    for a, b in zip(
        bulk.embed_spans(passages, spans), one.embed_spans(passages, spans), strict=True
    ):
        assert np.array_equal(a, b)
    assert "bulk_session" in bulk.__dict__ and "bulk_session" not in one.__dict__


def test_runs_are_cut_by_rows_and_padded_tokens():
    """Texts sorted by token count: a batch ends at `rows` texts or when padding every
    text to the next one would pass the budget; a text longer than the budget runs alone."""
    assert _runs([], 4, 0) == []
    assert _runs([3] * 10, 4, 0) == [slice(0, 4), slice(4, 8), slice(8, 10)]
    assert _runs([3, 3, 3, 5, 5, 5], 256, 12) == [slice(0, 3), slice(3, 5), slice(5, 6)]
    assert _runs([100, 200, 600, 700], 16, 512) == [
        slice(0, 2), slice(2, 3), slice(3, 4)
    ]  # fmt: skip
    widths = [3] * 300 + [4] * 7 + [5] * 200
    cuts = _runs(widths, 256, 512)
    assert sum(c.stop - c.start for c in cuts) == len(widths)
    assert all((c.stop - c.start) * widths[c.stop - 1] <= 512 for c in cuts)
    assert sum((c.stop - c.start) * widths[c.stop - 1] for c in cuts) < 1.02 * sum(widths)
