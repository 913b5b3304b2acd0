"""Every error the product raises on purpose, in one hierarchy.

    CorpusQAError                   base: `str(err)` says what went wrong and how to fix it
    ├── InvalidInput                the caller sent something unusable (HTTP 400/422, exit 2)
    │   ├── EmptyQuestion
    │   ├── QuestionTooLong
    │   ├── UnencodableText         a lone surrogate: text no model or store can take
    │   ├── ModeUnavailable         e.g. mode="llm" with no LLM configured
    │   ├── WouldRemoveAll          an ingest would empty the index; needs --prune
    │   └── BadUpload               an uploaded file's name or request is unusable (HTTP 400)
    │       ├── UnsupportedFile     a suffix not read, or content that is not what it says (415)
    │       └── UploadTooLarge      over CORPUS_QA_MAX_FILE_BYTES or too many files (413)
    ├── NotFound                    unknown document or passage id (HTTP 404)
    ├── IndexMissing                nothing ingested yet (HTTP 503, CLI offers to ingest)
    ├── StoreUnavailable            Chroma cannot be reached (HTTP 503; recovers by itself)
    ├── EmbeddingUnavailable        the configured embedding backend cannot load (HTTP 500)
    ├── WriterBusy                  another process is writing to the data dir (qa/lock.py; 409)
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
`qa/api/errors.py`, `ui/app.py:_render_error`, and `qa/cli.py:main`. The network front
ends show `public_message(err)`: server-side failures carry paths, URLs and raw exception
text that belong in the server log, not in a response.
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


class UnencodableText(InvalidInput):
    def __init__(self, field: str, position: int) -> None:
        super().__init__(
            f"`{field}` contains a lone surrogate at character {position + 1}, which is not "
            "valid Unicode text: send it as well-formed UTF-8.",
            field,
        )


class ModeUnavailable(InvalidInput):
    pass


class WouldRemoveAll(InvalidInput):
    """Refused before anything is written: the index keeps every document."""


class BadUpload(InvalidInput):
    """Refused before anything is written: nothing of the request is kept."""


class UnsupportedFile(BadUpload):
    pass


class UploadTooLarge(BadUpload):
    pass


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


# What a client of the API or the UI may read. Errors about the caller's own input (and
# IndexMissing, whose message is fixed advice) are shown as they are; the others are
# replaced by a message that says what to do, and the original goes to the server log.
_PUBLIC: list[tuple[type[CorpusQAError], str]] = [
    (InvalidInput, ""),
    (NotFound, ""),
    (IndexMissing, ""),
    (
        WriterBusy,
        "Another ingest or upload is changing the corpus right now; try again when it has "
        "finished (in a minute or so).",
    ),
    (
        StoreUnavailable,
        "The document store is not reachable right now. Retry in a few seconds; if it keeps "
        "failing, the server log says why (e.g. a stopped Chroma server, or a data directory "
        "that cannot be read).",
    ),
    (
        EmbeddingUnavailable,
        "The embedding model could not be loaded; the server log says why.",
    ),
    (WriterBusy, "Another process is changing the documents; retry in a moment."),
    (LLMTimeout, "The LLM did not answer in time; retry, or use mode 'extractive'."),
    (LLMError, "The LLM failed; the server log says why. Retry, or use mode 'extractive'."),
    (CorpusQAError, "The server could not answer; the server log says why."),
]


def public_message(exc: CorpusQAError) -> str:
    """`str(exc)` when it is safe to show to a remote client, else a message without
    paths, URLs or raw exception text."""
    public = next(text for cls, text in _PUBLIC if isinstance(exc, cls))
    return public or str(exc)
