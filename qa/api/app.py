"""The FastAPI application: /v1 (API), /docs (OpenAPI), / (the Gradio UI when mounted)."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from qa.api import errors as api_errors
from qa.api.middleware import BodyLimit, RequestLog
from qa.api.openai_compat import router as openai_router
from qa.api.routes import health, v1
from qa.config import Settings, get_settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, with_ui: bool = False) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="corpus-qa",
        version="0.1.0",
        description="Answers from a fixed corpus; every claim cited with exact character offsets.",
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


def app_factory() -> FastAPI:
    """For uvicorn workers (`--workers N` imports the app by name in each process)."""
    import os

    from qa.cli import setup_logging

    settings = get_settings()
    setup_logging(settings.log_level)
    return create_app(settings, with_ui=os.environ.get("CORPUS_QA_SERVE_UI", "1") == "1")
