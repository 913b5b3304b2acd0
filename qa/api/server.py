"""`corpus-qa serve`: uvicorn with N worker processes sharing one store."""

from __future__ import annotations

import logging
import os

from qa.config import Settings

log = logging.getLogger(__name__)


def uvicorn_options(settings: Settings) -> dict:
    """What every corpus-qa server passes to uvicorn (`serve`, and `ui` alone)."""
    from qa.api.protocol import HeaderTimeoutProtocol

    return {
        "http": HeaderTimeoutProtocol,  # a header read timeout; the body's is BodyDeadline
        "access_log": False,  # qa.api.middleware.RequestLog writes one line per request
        "log_level": settings.log_level.lower(),
        "timeout_graceful_shutdown": 5,
    }


def serve(settings: Settings, host: str, port: int, workers: int = 1, with_ui: bool = True) -> None:
    import uvicorn

    os.environ["CORPUS_QA_SERVE_UI"] = "1" if with_ui else "0"
    if workers > 1 and not settings.chroma_url:
        log.warning(
            "%d workers share the embedded store at %s; for several machines use a Chroma "
            "server (CORPUS_QA_CHROMA_URL).",
            workers,
            settings.data_dir,
        )
    log.info("serving on http://%s:%d (UI %s)", host, port, "at /" if with_ui else "off")
    uvicorn.run(
        "qa.api.app:app_factory",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **uvicorn_options(settings),
    )
