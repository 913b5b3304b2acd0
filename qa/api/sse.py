"""Server-Sent Events from the service's synchronous stream, stopping when the client leaves.

The events are FastAPI's own (`fastapi.sse.ServerSentEvent`): /v1/ask/stream is a FastAPI
SSE endpoint (which adds keep-alive comments while an LLM is silent), and the OpenAI
endpoint, which answers JSON or SSE from one route and so cannot be one, encodes the
same events with FastAPI's encoder (`encode`).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator

from fastapi import Request
from fastapi.sse import ServerSentEvent, format_sse_event
from starlette.concurrency import iterate_in_threadpool

from qa.api.errors import error_body, status_for
from qa.errors import CorpusQAError, public_message
from qa.types import Answer

log = logging.getLogger(__name__)
DONE = ServerSentEvent(raw_data="[DONE]")


def event(data: object, name: str | None = None) -> ServerSentEvent:
    """Data as JSON with its non-ASCII text as is (FastAPI's `data=` would \\u-escape it)."""
    return ServerSentEvent(raw_data=json.dumps(data, ensure_ascii=False), event=name)


def encode(sse: ServerSentEvent) -> str:
    return format_sse_event(data_str=sse.raw_data, event=sse.event).decode()


async def stream_events(
    request: Request,
    items: Iterator[str | Answer],
    on_text: Callable[[str], ServerSentEvent],
    on_answer: Callable[[Answer], ServerSentEvent],
) -> AsyncIterator[ServerSentEvent]:
    """Each text piece and then the final answer, rendered by the caller, then [DONE].

    Hand-written around FastAPI's events because FastAPI's SSE loop neither closes the
    service's generator when the client leaves (that is what stops an LLM mid-answer) nor
    turns an error raised after the 200 into an `error` event followed by [DONE]."""
    try:
        async for item in iterate_in_threadpool(items):
            if await request.is_disconnected():
                log.info("client disconnected; stopping the answer")
                return
            if isinstance(item, Answer):
                yield on_answer(item)
            elif item:  # empty pieces are keep-alive ticks
                yield on_text(item)
    except CorpusQAError as exc:
        # The 200 has been sent: the error travels as an event, and [DONE] still ends it.
        if status_for(exc) >= 500:
            log.warning("%s during a stream: %s", type(exc).__name__, exc)
        body = error_body(type(exc).__name__, public_message(exc))
        body["error"]["status"] = status_for(exc)
        yield event(body, "error")
    except Exception:
        log.exception("unexpected error during a stream")
        body = error_body(
            "InternalError",
            "Something went wrong inside corpus-qa; the details are in the server log.",
        )
        body["error"]["status"] = 500
        yield event(body, "error")
    finally:
        close = getattr(items, "close", None)
        # Stops the producer (and an LLM stream under it); a producer still running in its
        # thread raises ValueError and ends with its next piece instead.
        if close:
            with contextlib.suppress(ValueError):
                close()
    yield DONE
