"""Logging set-up shared by every entry point (CLI, API workers, UI), below all of them,
so that no front end imports another to configure its logs."""

from __future__ import annotations

import logging
import sys

# Libraries that log at INFO on every request or model load.
_NOISY = ("chromadb", "httpx", "httpcore", "sentence_transformers", "bm25s", "urllib3", "gradio")


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for noisy in _NOISY:
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
