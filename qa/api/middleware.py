"""Pure ASGI middleware: request ids with one log line per request, a body size cap and a
body deadline."""

from __future__ import annotations

import json
import logging
import time
import uuid

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa.api.errors import error_body, internal_error_body

access_log = logging.getLogger("corpus_qa.access")
log = logging.getLogger(__name__)


class RequestLog:
    """Adds `X-Request-ID` and logs route, status and latency (never the question text)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        request_id = headers.get(b"x-request-id", b"").decode()[:64] or uuid.uuid4().hex[:16]
        started = time.perf_counter()
        status: int | None = None

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            # Caught here, where the request id is known, instead of dropping the connection.
            log.exception("unexpected error in request %s", request_id)
            if status is not None:
                raise  # the response has begun: nothing better can be sent
            await send_json(send_with_id, 500, internal_error_body(request_id))
        finally:
            access_log.info(
                json.dumps(
                    {
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": scope["path"],
                        "status": status or 500,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    }
                )
            )


class BodyLimit:
    """413 for bodies over `max_bytes`, whether or not Content-Length is sent.

    Kept instead of FastAPI's `max_body_size` (Starlette's RequestBodyLimitMiddleware):
    when a request declares a Content-Length over the limit, Starlette replaces whatever
    response the app sends with a plain-text "Content Too Large", so clients would not get
    the API's error shape (tests/qa/api/test_api_inprocess.py checks it).
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        upload_max_bytes: int | None = None,
        upload_prefix: str | tuple[str, ...] = "/v1/documents",
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Uploads (POST/PUT under `upload_prefix`) may be larger, and are streamed to the
        # app (its multipart parser spools files to disk) rather than held in memory.
        self.upload_max_bytes = upload_max_bytes
        self.upload_prefixes = (upload_prefix,) if isinstance(upload_prefix, str) else upload_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if self._is_upload(scope):
            limit = self.upload_max_bytes or self.max_bytes
            if declared is not None and declared.isdigit() and int(declared) > limit:
                await self._reject(send, limit, "upload")
                return
            await self._stream(scope, receive, send, limit)
            return
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return
        # Read the (capped) body up front, so an oversized chunked body is refused
        # before any handler sees it; then replay it to the app.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                await self._reject(send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    def _is_upload(self, scope: Scope) -> bool:
        if self.upload_max_bytes is None or scope["method"] not in ("POST", "PUT"):
            return False
        path = scope.get("path", "")
        root = scope.get("root_path", "")
        path = path[len(root) :] if root and path.startswith(root) else path
        return any(path == p or path.startswith(p + "/") for p in self.upload_prefixes)

    async def _stream(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """Pass the body through, counting: past `limit`, a 413 goes out, the app reads a
        disconnect (its parser stops) and whatever it sends after is dropped."""
        state = {"seen": 0, "cut": False, "started": False}

        async def counted() -> Message:
            if state["cut"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["seen"] += len(message.get("body", b""))
                if state["seen"] > limit:
                    state["cut"] = True
                    if not state["started"]:
                        state["started"] = True
                        await self._reject(send, limit, "upload")
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            if state["cut"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not state["cut"]:
                raise  # the app's own failure; a cut body's ClientDisconnect is expected

    async def _reject(self, send: Send, limit: int | None = None, kind: str = "body") -> None:
        if kind == "upload":
            message = (
                f"The upload is over {limit} bytes (CORPUS_QA_MAX_UPLOAD_FILES files of at "
                "most CORPUS_QA_MAX_FILE_BYTES each): send fewer or smaller files per request."
            )
        else:
            message = f"The request body is over {self.max_bytes} bytes (CORPUS_QA_MAX_BODY_BYTES): send less."
        await send_json(send, 413, error_body("PayloadTooLarge", message))


class BodyDeadline:
    """408 and a closed connection for a client that does not send its whole body within
    `seconds` (e.g. 12 of 100 promised bytes, then nothing).

    uvicorn has no body read timeout (its keep-alive timer only runs between requests),
    so this bounds the time from the start of the request to the body's last byte. On
    expiry the app's pending `receive()` gets `http.disconnect`, as if the client had left,
    and whatever the app sends after that is dropped. A response that starts while the
    body is still unread carries `Connection: close`, so a client cannot keep the
    connection open by dripping the rest of a body nobody reads.
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        has_body = headers.get(b"content-length", b"0") not in (b"0", b"") or (
            b"transfer-encoding" in headers
        )
        deadline = time.monotonic() + self.seconds
        state = {"body_done": not has_body, "started": False, "cut": False}

        async def timed_receive() -> Message:
            if state["cut"]:
                return {"type": "http.disconnect"}
            if state["body_done"]:
                return await receive()
            with anyio.move_on_after(max(0.0, deadline - time.monotonic())):
                message = await receive()
                if message["type"] != "http.request" or not message.get("more_body", False):
                    state["body_done"] = True
                return message
            state["cut"] = True
            log.warning("request body not received within %.0fs; closing", self.seconds)
            if not state["started"]:
                state["started"] = True
                message = (
                    f"The request body did not arrive within {self.seconds:g}s "
                    "(CORPUS_QA_BODY_TIMEOUT); send it at once."
                )
                await send_json(
                    send, 408, error_body("RequestTimeout", message), close_connection=True
                )
            return {"type": "http.disconnect"}

        async def guarded_send(message: Message) -> None:
            if state["cut"]:
                return  # the 408 has been sent, or the connection is being dropped
            if message["type"] == "http.response.start":
                state["started"] = True
                if not state["body_done"]:
                    message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
            await send(message)

        await self.app(scope, timed_receive, guarded_send)


async def send_json(send: Send, status: int, payload: dict, close_connection: bool = False) -> None:
    body = json.dumps(payload).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close_connection:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
