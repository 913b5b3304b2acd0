"""uvicorn's HTTP protocol with a header read timeout.

uvicorn (0.54) arms no timer between accepting a connection and the end of a request's
headers: its keep-alive timer runs only after a response, and is cancelled by the first
byte of the next request. A client that connects and sends nothing, or half a request
line, holds a connection (and a file descriptor) for ever. This subclass closes such a
connection after CORPUS_QA_HEADER_TIMEOUT seconds, with a 408 when it can. The body has
its own deadline, in ASGI (qa.api.middleware.BodyDeadline).

It extends uvicorn's httptools protocol, which uvicorn itself picks when httptools is
installed (chromadb requires uvicorn[standard], which brings it). Passed to uvicorn as
`http=HeaderTimeoutProtocol`; a module-level class, so `--workers` processes import it.
"""

from __future__ import annotations

import asyncio
import json
import logging

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from qa.config import get_settings

log = logging.getLogger(__name__)


class HeaderTimeoutProtocol(HttpToolsProtocol):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = get_settings().header_timeout
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_header_timer()

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            # A pipelined request is late while the previous response is still being
            # sent: let that response finish, then close.
            self.cycle.keep_alive = False
            return
        # No response is under way on this connection: answer, then hang up.
        message = (
            f"The request headers did not arrive within {self.header_timeout:g}s "
            "(CORPUS_QA_HEADER_TIMEOUT)."
        )
        body = json.dumps({"error": {"type": "RequestTimeout", "message": message}}).encode()
        self.transport.write(
            b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
            + b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body)
            + body
        )
        log.info("closed a connection whose request headers did not arrive in time")
        self.transport.close()
