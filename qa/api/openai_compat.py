"""POST /v1/chat/completions in OpenAI's shape, so the `openai` client works unchanged.

Model `corpus-qa` answers extractively; `corpus-qa-llm` uses LLM mode. The message text
keeps its [n] markers; the citations ride along in an extra `citations` field (and in
the final stream chunk).
"""

from __future__ import annotations

import time
import uuid

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from fastapi.sse import ServerSentEvent

from qa.api.deps import ServiceDep
from qa.api.schemas import (
    ChatCompletion,
    ChatCompletionChoice,
    ChatCompletionMessage,
    ChatCompletionRequest,
)
from qa.api.sse import encode, event, stream_events
from qa.errors import InvalidInput
from qa.service import check_encodable
from qa.types import Answer, ChatTurn, Mode

router = APIRouter(tags=["openai-compatible"])
# The longest earlier turn the answer contract (qa.types.ChatTurn) takes.
MAX_TURN_CHARS = ChatTurn.model_fields["content"].metadata[0].max_length
MODELS: dict[str, Mode] = {"corpus-qa": "extractive", "corpus-qa-llm": "llm"}


def _split(body: ChatCompletionRequest) -> tuple[str, list[ChatTurn], Mode]:
    mode = MODELS.get(body.model)
    if mode is None:
        raise InvalidInput(f"Unknown model {body.model!r}; use one of {sorted(MODELS)}.", "model")
    if body.messages[-1].role != "user":
        raise InvalidInput("The last message must come from the user.", "messages")
    history = []
    for i, m in enumerate(body.messages[:-1]):
        if m.role not in ("user", "assistant") or not m.text():
            continue
        field = f"messages.{i}.content"
        check_encodable(m.text(), field)
        if len(m.text()) > MAX_TURN_CHARS:
            raise InvalidInput(
                f"`{field}` has {len(m.text())} characters; an earlier message may have at "
                f"most {MAX_TURN_CHARS}. Shorten or drop it.",
                field,
            )
        history.append(ChatTurn(role=m.role, content=m.text()))
    return body.messages[-1].text(), history, mode


def _usage(question: str, answer: str) -> dict[str, int]:
    prompt, completion = len(question.split()), len(answer.split())
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


@router.get("/v1/models")
def models() -> dict:
    return {
        "object": "list",
        "data": [{"id": m, "object": "model", "owned_by": "corpus-qa"} for m in MODELS],
    }


@router.post("/v1/chat/completions", response_model=ChatCompletion)
def chat_completions(body: ChatCompletionRequest, request: Request, service: ServiceDep):
    question, history, mode = _split(body)
    service.validate_question(question)
    service.check_mode(mode)
    completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())
    if not body.stream:
        answer = service.ask(question, history=history, mode=mode)
        return ChatCompletion(
            id=completion_id,
            created=created,
            model=body.model,
            choices=[ChatCompletionChoice(message=ChatCompletionMessage(content=answer.answer))],
            usage=_usage(question, answer.answer),
            citations=answer.citations,
            corpus_qa=answer,
        )

    def chunk(delta: dict, finish: str | None = None, **extra) -> ServerSentEvent:
        return event(
            {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": body.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                **extra,
            }
        )

    def final(answer: Answer) -> ServerSentEvent:
        return chunk(
            {},
            "stop",
            citations=[c.model_dump() for c in answer.citations],
            corpus_qa=answer.model_dump(mode="json"),
        )

    service.snapshot()  # a store outage or a missing index is a 503 before the 200
    items = service.ask_stream(question, history=history, mode=mode)
    first = chunk({"role": "assistant", "content": ""})

    async def events():
        yield encode(first)
        async for e in stream_events(request, items, lambda t: chunk({"content": t}), final):
            yield encode(e)

    # Not an EventSourceResponse route: this one route answers JSON or SSE, by `stream`.
    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
