"""Request and response bodies that only the HTTP API has. The answer, citation and
passage contracts are `qa.types`, reused as is."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from qa.config import TOP_K_LIMIT
from qa.types import Answer, ChatTurn, Citation, Mode


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(description="1 to 2,000 characters (CORPUS_QA_MAX_QUESTION_CHARS).")
    history: list[ChatTurn] = Field(default_factory=list, max_length=50)
    top_k: int | None = Field(default=None, ge=1, le=TOP_K_LIMIT)
    mode: Mode = "extractive"


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Ready(BaseModel):
    status: Literal["ready"] = "ready"
    passages: int
    corpus_version: str
    store: Literal["embedded", "chroma-server"]


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):  # OpenAI's content parts
            return " ".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatCompletionRequest(BaseModel):
    # OpenAI clients send many optional fields (temperature, n, user...); they are accepted
    # and ignored, as the answer comes from the documents.
    model_config = ConfigDict(extra="allow")
    model: str = "corpus-qa"
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False


class ChatCompletionMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class ChatCompletionChoice(BaseModel):
    index: int = 0
    message: ChatCompletionMessage
    finish_reason: Literal["stop"] = "stop"


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatCompletionChoice]
    usage: dict[str, int]
    citations: list[Citation] = Field(description="corpus-qa extension: the sources of [n].")
    corpus_qa: Answer = Field(description="corpus-qa extension: the full answer contract.")
