"""One settings object for the whole product.

Built by the cached `get_settings()` (never at import), validated once at start-up, and
passed explicitly to whatever needs it. Every field can be set through the environment
with the `CORPUS_QA_` prefix, e.g. `CORPUS_QA_DATA_DIR=/tmp/index`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Nothing may be fetched from a model hub at run time. These must be set before
# transformers, sentence-transformers, gradio or huggingface_hub are imported, so they
# live in the module every entry point imports first.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EmbedBackend = Literal["onnx", "onnx-int8", "torch"]
# The most passages one question may retrieve: the API, the CLI and the settings agree.
TOP_K_LIMIT = 50


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CORPUS_QA_", extra="ignore")

    # --- where things live -------------------------------------------------------------
    data_dir: Path = Field(
        default=Path(".corpus-qa"),
        description="Embedded Chroma data and the BM25 cache.",
    )
    corpus_dir: Path = Field(default=PROJECT_ROOT / "seeds", description="Default ingest path.")
    upload_dir: Path | None = Field(
        default=None,
        description="Where uploaded documents (POST /v1/documents) are kept; defaults to "
        "<data_dir>/documents, so uploads never write into the folder the index was "
        "ingested from (e.g. the repo's seeds/). Set it to that folder to keep uploads "
        "there, as files of the corpus.",
    )
    collection_prefix: str = Field(default="corpus_qa", min_length=3, max_length=64)

    # --- Chroma server mode ---------------------------------------------------------------
    chroma_url: str | None = Field(
        default=None, description="e.g. http://127.0.0.1:8001; unset means embedded Chroma."
    )
    chroma_auth_token: SecretStr | None = None

    # --- ingestion -------------------------------------------------------------------------
    passage_max_tokens: int = Field(default=160, ge=32, le=256)
    embed_batch_size: int = Field(default=16, ge=1, le=256)
    embed_backend: EmbedBackend = Field(
        default="onnx",
        description="onnx: fp32 in onnxruntime, torch's vectors without importing torch. "
        "onnx-int8: faster on CPU, vectors close to fp32's (BENCHMARKS.md). torch: the "
        "reference. Switching between fp32 and int8 re-embeds the corpus on the next ingest.",
    )
    max_file_bytes: int = Field(
        default=20_000_000,
        ge=1,
        description="Files larger than this are skipped at ingest with a message: a 50 MB text "
        "file took 20+ minutes and 2.6 GB of memory. Split big files, or raise the limit.",
    )
    write_lock_wait: float = Field(
        default=60.0,
        ge=0,
        description="Seconds an ingest waits for another one writing to the same data dir "
        "(one writer at a time, qa/lock.py) before it gives up with a message.",
    )
    max_upload_files: int = Field(
        default=20,
        ge=1,
        le=1000,
        description="Files one upload request may carry (POST /v1/documents); each is "
        "limited by CORPUS_QA_MAX_FILE_BYTES.",
    )
    model_dir: Path | None = Field(
        default=None,
        description="Where the ONNX exports of the embedding model are cached; "
        "defaults to <data_dir>/models. Share it between data directories to export once.",
    )

    # --- retrieval and answering ---------------------------------------------------------
    # Passages a question's candidate sentences come from. 8 was tried in session 32 and not
    # kept: more passages hold the gold (hit@6 0.907, hit@10 0.958 of answerable dev
    # questions, `python -m evals.retrieval_lab`), but the answers lost (`python -m
    # evals.decision_lab`, dev LOCO, top_k 8: .673 / .560 / .538 / .378 -> .662 / .535 /
    # .532 / .367): the scorer ranks the added distractors above the gold more often than
    # it gains a gold.
    top_k: int = Field(default=6, ge=1, le=TOP_K_LIMIT)
    max_question_chars: int = Field(default=2000, ge=10)
    max_answer_sentences: int = Field(default=3, ge=1, le=10)
    read_slips: bool = Field(
        default=True,
        description="Read a question's misspelt word as the corpus word it misses by one "
        'letter ("vacine" as "vaccine"), and say so in the answer\'s notice.',
    )
    answer_model: Path | None = Field(
        default=None,
        description="The fitted answer decision (JSON, written by `corpus-qa fit`); unset "
        "means the one packaged as qa/answer/decision.json.",
    )

    # --- service ----------------------------------------------------------------------------
    api_key: SecretStr | None = Field(
        default=None,
        description="When set, every route but /healthz, /readyz and /login needs it: "
        "`Authorization: Bearer <key>`, or the session cookie the login page sets.",
    )
    admin_key: SecretStr | None = Field(
        default=None,
        description="When set, changing the corpus (upload, replace, delete documents) needs "
        "this key; CORPUS_QA_API_KEY then only reads. Reads accept either key.",
    )
    session_max_age: int = Field(
        default=12 * 3600, ge=60, description="Seconds a browser login lasts (with an api_key)."
    )
    cors_origins: list[str] = Field(default_factory=list)
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    header_timeout: float = Field(
        default=10.0, gt=0, description="Seconds a client may take to send a request's headers."
    )
    body_timeout: float = Field(
        default=30.0, gt=0, description="Seconds a client may take to send a request's body."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # --- optional LLM mode --------------------------------------------------------------
    llm_provider: Literal["openai-like", "ollama"] | None = None
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_temperature: float = Field(default=0.0, ge=0, le=2)
    llm_max_tokens: int = Field(default=512, ge=16)
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_unsupported_policy: Literal["drop", "flag"] = "drop"
    # Fail fast: stop the generation (and fall back) once the output has clearly gone wrong,
    # rather than wait for max_tokens of it. qa.answer.llm.FAIL_FAST_RULES reads these.
    llm_max_unverified_in_a_row: int = Field(
        default=2,
        ge=0,
        description="Stop after this many sentences in a row that cannot be verified; 0 never stops.",
    )
    llm_stop_on_unknown_citation: bool = Field(
        default=True, description="Stop when the LLM cites a passage number it was never given."
    )
    llm_stop_on_prompt_echo: bool = Field(
        default=True,
        description="Stop when the LLM writes the prompt's own format (a new numbered passage, "
        "the prompt's labels or chat role markers) instead of an answer.",
    )
    llm_stop_sequences: list[str] = Field(
        # The prompt's own delimiters (qa/answer/llm.py): text that reaches one is writing
        # the prompt, not an answer. Four at most, OpenAI's limit.
        default_factory=lambda: ["<passage", "</passage", "\nQuestion:", "\nPassages:"],
        max_length=4,
        description="The server stops generating at any of these (JSON list; [] for none).",
    )
    llm_tokens_per_sentence: int = Field(
        default=64,
        ge=8,
        description="max_tokens per request is this times the sentences the question calls "
        "for, capped by CORPUS_QA_LLM_MAX_TOKENS.",
    )

    @field_validator("data_dir", mode="before")
    @classmethod
    def _check_data_dir(cls, value: object) -> object:
        # An empty value would be the current directory: an index and its lock written
        # into whatever folder the command ran in (once, into the source tree).
        if isinstance(value, str) and not value.strip():
            raise ValueError("CORPUS_QA_DATA_DIR is empty: set a folder, or unset the variable")
        return value

    @field_validator("chroma_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("CORPUS_QA_CHROMA_URL must start with http:// or https://")
        return value or None

    @field_validator("api_key")
    @classmethod
    def _check_api_key(cls, value: SecretStr | None) -> SecretStr | None:
        # An empty key would make the login page accept an empty password.
        if value is not None and not value.get_secret_value().strip():
            raise ValueError("CORPUS_QA_API_KEY is empty: set a key, or unset the variable")
        return value

    @field_validator("admin_key")
    @classmethod
    def _check_admin_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().strip():
            raise ValueError("CORPUS_QA_ADMIN_KEY is empty: set a key, or unset the variable")
        return value

    @model_validator(mode="after")
    def _check_keys_differ(self) -> Settings:
        # The same key for both would let every reader change the corpus.
        if (
            self.admin_key is not None
            and self.api_key is not None
            and (self.admin_key.get_secret_value() == self.api_key.get_secret_value())
        ):
            raise ValueError(
                "CORPUS_QA_ADMIN_KEY is the same as CORPUS_QA_API_KEY: give the admin a key of "
                "its own, or unset CORPUS_QA_ADMIN_KEY (then the API key may also write)."
            )
        return self

    @model_validator(mode="after")
    def _check_llm(self) -> Settings:
        if self.llm_provider and not (self.llm_base_url and self.llm_model):
            raise ValueError(
                "CORPUS_QA_LLM_PROVIDER is set, so CORPUS_QA_LLM_BASE_URL and "
                "CORPUS_QA_LLM_MODEL must be set too."
            )
        return self

    @property
    def llm_configured(self) -> bool:
        return self.llm_provider is not None

    @property
    def model_cache_dir(self) -> Path:
        """The ONNX exports of the embedding model (qa.embedding)."""
        return (self.model_dir or self.data_dir / "models").resolve()

    @property
    def upload_root(self) -> Path:
        """The folder uploaded documents live in; their ids are paths relative to it."""
        return (self.upload_dir or self.data_dir / "documents").resolve()

    @property
    def index_cache_dir(self) -> Path:
        """BM25 and corpus statistics per corpus version; derived, safe to delete."""
        return self.data_dir / "index-cache"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment once."""
    return Settings()
