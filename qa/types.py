"""The contracts: defined once here, reused by ingest, the API, the UI, the CLI and evals.

Offsets are character offsets into the document's exact text as ingested
(`ingest.readers.read_document`): for every passage, sentence and citation,
`document.text[start:end] == text`.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Mode = Literal["extractive", "llm"]
SECTION_SEPARATOR = " > "  # between the headings of a section path (Passage.section)


def own_heading(section: str) -> str:
    """The innermost heading of a section path: "5.2 Notice" of "5. Termination > 5.2
    Notice"; "" for no section."""
    return section.rsplit(SECTION_SEPARATOR, 1)[-1]


class Span(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(Span):
    """A sentence of a passage; kept so an answer can quote exactly one sentence.

    It may span line breaks (a wrapped line is not a boundary); `text` keeps them."""

    text: str
    kind: str = Field(
        default="sentence",
        description="sentence | heading | title | list_item | code | table_row "
        "(ingest/structure.py): a heading is quoted only when a question asks for one.",
    )


def without_extension(doc_id: str) -> str:
    """The document id without its file extension ("notes/minutes.md" -> "notes/minutes")."""
    return re.sub(r"\.\w{1,4}$", "", doc_id)


class Passage(BaseModel):
    passage_id: str
    doc_id: str
    title: str = ""
    section: str = Field(
        default="", description="The heading path, e.g. '5. Termination > 5.2 Notice'."
    )  # joined with SECTION_SEPARATOR
    context: str = Field(
        default="",
        description="What the text needs to be read on its own and is not in it: the header "
        "row of a table that the passage continues (its column headings).",
    )
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentences: list[Sentence] = Field(default_factory=list)
    sections: list[str] = Field(
        default_factory=list,
        description="Each sentence's section path, when the passage runs over more than one "
        "section (a heading inside it); empty when every sentence is in `section`.",
    )

    @property
    def file_words(self) -> str:
        """The words of the document's file name ("press-release-2026-02-05.md" -> "press
        release"): people name a document by what its file is called ("the press release",
        "the board minutes"), which its title may not say. Words with a digit are left
        out: a date, a counter or a hash in a file name is not how a question names it."""
        name = without_extension(self.doc_id.rsplit("/", 1)[-1])
        return " ".join(
            w for w in re.split(r"[\W_]+", name) if w and not any(c.isdigit() for c in w)
        )

    def section_of(self, index: int) -> str:
        """The section path of the passage's sentence `index` (`section` for them all,
        unless the passage holds a heading that opens another section)."""
        return self.sections[index] if index < len(self.sections) else self.section


class ScoredPassage(BaseModel):
    """A retrieved passage, as the answer contract shows it."""

    passage_id: str
    doc_id: str
    title: str = ""
    start: int
    end: int
    score: float
    text: str


class Citation(BaseModel):
    id: int = Field(description="The n of the [n] marker in the answer text.")
    doc_id: str
    title: str
    passage_id: str
    quote: str = Field(description="Exactly document_text[start:end].")
    start: int
    end: int
    page: int | None = Field(
        default=None, description="The page the quote starts on (documents with pages: PDF)."
    )


class SentenceVerdict(BaseModel):
    """The judge's verdict on one answer sentence (LLM mode and evals)."""

    sentence: str
    citation_ids: list[int] = Field(default_factory=list)
    supported: bool
    score: float = 0.0
    reason: str = ""
    evidence: str = ""


class ChatTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant", "system"]
    content: str = Field(max_length=20_000)


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    mode: Mode
    citations: list[Citation] = Field(default_factory=list)
    passages: list[ScoredPassage] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    standalone_question: str | None = Field(
        default=None, description="The follow-up rewritten with its context, when it was one."
    )
    unsupported: bool = Field(
        default=False, description="LLM mode: some sentences are flagged as unsupported."
    )
    verification: dict[str, int] | None = Field(
        default=None, description="LLM mode: how many sentences were kept, flagged, dropped."
    )
    sentence_verdicts: list[SentenceVerdict] = Field(default_factory=list)
    notice: str | None = Field(default=None, description="e.g. why LLM mode fell back.")


class DocumentInfo(BaseModel):
    doc_id: str
    title: str
    passage_count: int
    size: int = Field(description="Characters in the document text.")
    sha256: str
    ingested_at: str
    chunking: str = Field(default="", description="How it was split; a change re-ingests it.")
    embedding: str = Field(
        default="", description="Model and backend of its vectors; a change re-embeds it."
    )
    format: str = Field(
        default="", description="pdf, html, docx, markdown or text ('' before formats)."
    )
    page_count: int = Field(default=0, description="Pages in the file (PDF only).")


class Document(DocumentInfo):
    text: str
    pages: list[tuple[int, int, int]] = Field(
        default_factory=list,
        description="(start, end, page) spans of the text, contiguous; empty without pages.",
    )


class IngestReport(BaseModel):
    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    skipped: dict[str, str] = Field(default_factory=dict, description="path -> why")
    warnings: dict[str, list[str]] = Field(
        default_factory=dict,
        description="path -> what to know about a file that was read (e.g. its encoding).",
    )
    passages_embedded: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
            f"unchanged {len(self.unchanged)}, skipped {len(self.skipped)} "
            f"({self.passages_embedded} passages embedded in {self.seconds:.1f}s)"
        )


JobState = Literal["queued", "running", "done", "failed"]
FileStatus = Literal["pending", "running", "added", "updated", "unchanged", "skipped", "failed"]


class JobFile(BaseModel):
    """One file of an upload job, and what became of it."""

    name: str = Field(description="The file name as uploaded.")
    doc_id: str = Field(description="The document it is (or would be) indexed as.")
    size: int = Field(description="Bytes uploaded.")
    sha256: str = Field(description="Of the uploaded bytes.")
    status: FileStatus = "pending"
    reason: str | None = Field(default=None, description="Why it was skipped or failed.")
    warnings: list[str] = Field(default_factory=list)
    format: str | None = None
    page_count: int | None = None
    passage_count: int | None = None


class Job(BaseModel):
    """An upload or replace, run in the background: poll it until `state` is done or failed."""

    job_id: str
    kind: Literal["upload", "replace"]
    state: JobState = "queued"
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    total: int
    done: int = Field(default=0, description="Files finished (any outcome).")
    files: list[JobFile]
    corpus_version: str | None = Field(
        default=None, description="The corpus version once the job finished."
    )
    error: str | None = Field(default=None, description="Why the job as a whole failed.")


FeedbackRating = Literal["up", "down"]


class Feedback(BaseModel):
    """A reader's thumbs up or down on one answer, as a front end sends it (qa/feedback.py)."""

    model_config = ConfigDict(extra="forbid")
    answer_id: str = Field(
        pattern=r"^[A-Za-z0-9_-]{1,64}$",
        description="The front end's id of the answer: a second vote on it replaces the first.",
    )
    rating: FeedbackRating | None = Field(description="None withdraws an earlier vote.")
    question: str = Field(default="", max_length=20_000)
    answer: str = Field(default="", max_length=50_000)
    doc_ids: list[str] = Field(
        default_factory=list, max_length=100, description="The documents the answer cited."
    )
    mode: Mode = "extractive"


class FeedbackSummary(BaseModel):
    up: int = 0
    down: int = 0
    recent: list[dict[str, str]] = Field(
        default_factory=list, description="The latest votes: rating, question, at (newest first)."
    )
