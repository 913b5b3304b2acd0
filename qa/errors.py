"""Every error the product raises on purpose, in one hierarchy.

    CorpusQAError                   base: `str(err)` says what went wrong and how to fix it
    ├── InvalidInput                the caller sent something unusable (HTTP 400/422, exit 2)
    │   ├── EmptyQuestion
    │   ├── QuestionTooLong
    │   ├── ModeUnavailable         e.g. mode="llm" with no LLM configured
    │   └── WouldRemoveAll          an ingest would empty the index; needs --prune
    ├── NotFound                    unknown document or passage id (HTTP 404)
    ├── IndexMissing                nothing ingested yet (HTTP 503, CLI offers to ingest)
    ├── StoreUnavailable            Chroma cannot be reached (HTTP 503; recovers by itself)
    ├── EmbeddingUnavailable        the configured embedding backend cannot load (HTTP 500)
    ├── WriterBusy                  another process is writing to the data dir (qa/lock.py)
    ├── IngestError                 one input file could not be ingested (skipped, reported)
    │   ├── UnreadableFile
    │   └── FileTooLarge            over CORPUS_QA_MAX_FILE_BYTES
    ├── LLMError                    the optional LLM misbehaved (answer falls back or 502/504)
    │   ├── LLMUnavailable          unreachable, 5xx, or rate-limited past the retries
    │   ├── LLMTimeout
    │   └── LLMBadOutput            empty or malformed output
    └── DatasetError                a malformed eval dataset (names the item)

Errors from outside (Chroma, HTTP, the LLM client, the file system) are wrapped where
they enter with `raise ... from exc`. Each front end translates errors in one place:
`qa/api/errors.py`, `ui/app.py:_render_error`, and `qa/cli.py:main`.
"""

from __future__ import annotations


class CorpusQAError(Exception):
    """Base class; the message is shown to the user as is."""


class InvalidInput(CorpusQAError):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class EmptyQuestion(InvalidInput):
    def __init__(self) -> None:
        super().__init__("The question is empty: type a question about the documents.", "question")


class QuestionTooLong(InvalidInput):
    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"The question has {length} characters; the limit is {limit}. Shorten it "
            "(or raise CORPUS_QA_MAX_QUESTION_CHARS).",
            "question",
        )


class ModeUnavailable(InvalidInput):
    pass


class WouldRemoveAll(InvalidInput):
    """Refused before anything is written: the index keeps every document."""


class NotFound(CorpusQAError):
    pass


class IndexMissing(CorpusQAError):
    pass


class StoreUnavailable(CorpusQAError):
    pass


class EmbeddingUnavailable(CorpusQAError):
    pass


class WriterBusy(CorpusQAError):
    pass


class IngestError(CorpusQAError):
    pass


class UnreadableFile(IngestError):
    pass


class FileTooLarge(IngestError):
    pass


class LLMError(CorpusQAError):
    pass


class LLMUnavailable(LLMError):
    pass


class LLMTimeout(LLMError):
    pass


class LLMBadOutput(LLMError):
    pass


class DatasetError(CorpusQAError):
    pass
