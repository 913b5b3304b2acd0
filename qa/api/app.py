"""The FastAPI application: /v1 (API), /docs (OpenAPI), / (the Gradio UI when mounted)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from qa.api import errors as api_errors
from qa.api.middleware import BodyLimit, RequestLog
from qa.api.openai_compat import router as openai_router
from qa.api.routes import health, v1
from qa.config import Settings, get_settings
from qa.errors import CorpusQAError
from qa.service import get_service

log = logging.getLogger(__name__)


@asynccontextmanager
async def _warm_up(app: FastAPI) -> AsyncIterator[None]:
    """Load the model and the corpus snapshot in the background while the server starts
    accepting requests: /readyz turns 200 once they are loaded."""
    service_factory = app.dependency_overrides.get(get_service, get_service)
    settings = app.dependency_overrides.get(get_settings, get_settings)()
    if settings.llm_configured:
        # Imported before any request can: llama-index's package has import cycles, and
        # two threads importing it at once failed half-way. Costs ~3 s, so only with an LLM.
        import llama_index.core  # noqa: F401

    def warm() -> None:
        try:
            service_factory().readiness()
        except CorpusQAError as exc:
            log.warning("not ready yet: %s", exc)

    threading.Thread(target=warm, name="warm-up", daemon=True).start()
    yield


def create_app(settings: Settings | None = None, with_ui: bool = False) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="corpus-qa",
        version="0.1.0",
        description="Answers from a fixed corpus; every claim cited with exact character offsets.",
        lifespan=_warm_up,
    )
    app.dependency_overrides[get_settings] = lambda: settings
    api_errors.install(app)
    app.include_router(health)
    app.include_router(v1)
    app.include_router(openai_router, dependencies=v1.dependencies)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLog)
    if with_ui:
        from ui.app import mount

        app = mount(app, settings)
    return app


def create_ui_app(settings: Settings) -> FastAPI:
    """The UI alone (`corpus-qa ui`), answering errors as the API does: composed here, so
    that `ui` and `qa.api.errors` never import each other."""
    from ui.app import mount

    app = FastAPI(title="corpus-qa UI")
    api_errors.install(app)
    return mount(app, settings)


def app_factory() -> FastAPI:
    """For uvicorn workers (`--workers N` imports the app by name in each process)."""
    import os

    from qa.logs import setup_logging

    settings = get_settings()
    setup_logging(settings.log_level)
    return create_app(settings, with_ui=os.environ.get("CORPUS_QA_SERVE_UI", "1") == "1")
