"""The /v1 routes and health checks: each handler validates, calls QAService, renders."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent

from qa.api.deps import ServiceDep, SettingsDep, require_api_key
from qa.api.schemas import AskRequest, Health, Ready
from qa.api.sse import event, stream_events
from qa.service import validate_history
from qa.types import Answer, Document, DocumentInfo, Passage

v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)])
health = APIRouter(tags=["health"])


@v1.post("/ask", response_model=Answer, tags=["ask"])
def ask(body: AskRequest, service: ServiceDep) -> Answer:
    """Answer a question; `history` makes follow-ups ("Who denied it?") work."""
    return service.ask(body.question, history=body.history, top_k=body.top_k, mode=body.mode)


def _answer_stream(body: AskRequest, service: ServiceDep) -> Iterator[str | Answer]:
    """Everything that can refuse a streamed question, run before the 200 is sent."""
    service.validate_question(body.question)
    validate_history(body.history)
    service.check_mode(body.mode)
    service.snapshot()  # a store outage or a missing index is a 503, not an error event
    return service.ask_stream(body.question, history=body.history, top_k=body.top_k, mode=body.mode)


@v1.post(
    "/ask/stream",
    tags=["ask"],
    response_class=EventSourceResponse,
    responses={200: {"description": "SSE: `delta`* `answer` `[DONE]`"}},
)
async def ask_stream(
    request: Request, items: Annotated[Iterator[str | Answer], Depends(_answer_stream)]
) -> AsyncIterator[ServerSentEvent]:
    """Server-Sent Events: `event: delta` pieces of text as they are produced, then one
    `event: answer` with the full contract (citations, passages), then `data: [DONE]`."""
    async for sse in stream_events(
        request,
        items,
        on_text=lambda text: event({"text": text}, "delta"),
        on_answer=lambda answer: event(answer.model_dump(mode="json"), "answer"),
    ):
        yield sse


@v1.get("/documents", response_model=list[DocumentInfo], tags=["documents"])
def documents(service: ServiceDep) -> list[DocumentInfo]:
    return service.documents()


@v1.get("/documents/{doc_id:path}", response_model=Document, tags=["documents"])
def document(doc_id: str, service: ServiceDep) -> Document:
    """The full text, so a client can show a citation in context (`text[start:end]`)."""
    return service.document(doc_id)


@v1.get("/passages/{passage_id}", response_model=Passage, tags=["documents"])
def passage(passage_id: str, service: ServiceDep) -> Passage:
    return service.passage(passage_id)


@health.get("/healthz", response_model=Health)
def healthz() -> Health:
    """The process is up."""
    return Health()


@health.get(
    "/readyz",
    response_model=Ready,
    responses={503: {"description": "store unreachable or no index"}},
)
def readyz(service: ServiceDep, settings: SettingsDep) -> Ready:
    """The store is reachable and the index is loaded. Open without the API key, so it
    says which kind of store, never its path or URL."""
    ready = service.readiness()
    return Ready(
        passages=ready["passages"],
        corpus_version=ready["corpus_version"],
        store="chroma-server" if settings.chroma_url else "embedded",
    )
