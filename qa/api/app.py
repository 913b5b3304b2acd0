"""The FastAPI application: /v1 (API), /docs (OpenAPI), / (the Gradio UI when mounted)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from qa.api import documents
from qa.api import errors as api_errors
from qa.api.auth import AuthGate, install_login
from qa.api.middleware import BodyDeadline, BodyLimit, RequestLog
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
    app.include_router(documents.writes)
    app.include_router(documents.reads)
    app.include_router(openai_router, dependencies=v1.dependencies)
    if with_ui:
        from ui.app import mount

        app = mount(app, settings)
    secure(app, settings)
    return app


def create_ui_app(settings: Settings) -> FastAPI:
    """The UI alone (`corpus-qa ui`), answering errors as the API does: composed here, so
    that `ui` and `qa.api.errors` never import each other."""
    from ui.app import mount

    app = FastAPI(title="corpus-qa UI")
    api_errors.install(app)
    app = mount(app, settings)
    secure(app, settings)  # the same gate, limits and timeouts as `corpus-qa serve`
    return app


def secure(app: FastAPI, settings: Settings) -> None:
    """The middleware every corpus-qa app gets, the UI alone included. Outermost first:
    request log, body deadline, CORS (preflights need no key), the key gate, body size."""
    # Checked after the key, so that a client without it cannot make the server read a body.
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        # A multipart body carries a little more than its files.
        upload_max_bytes=settings.max_upload_files * settings.max_file_bytes + 1_000_000,
        # The UI's file picker uploads through Gradio's route, under the same limits; with an
        # admin key the UI cannot add documents, and that route keeps the small limit.
        upload_prefix=("/v1/documents",)
        + (("/gradio_api/upload",) if settings.admin_key is None else ()),
    )
    if settings.api_key is not None:
        install_login(app, settings)
        app.add_middleware(AuthGate, settings=settings)
    # Always installed, even with no allowed origin: Gradio answers credentialed CORS
    # requests from any localhost page unless the parent app has its own CORSMiddleware.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PUT", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
    )
    app.add_middleware(BodyDeadline, seconds=settings.body_timeout)
    app.add_middleware(RequestLog)
    _own_v1_errors(app)
    # Gradio's mount at / takes every path: routes registered after it (the login page,
    # the fallback above) must be matched before it. A stable sort keeps their order.
    app.router.routes.sort(key=lambda route: isinstance(route, Mount))


def _own_v1_errors(app: FastAPI) -> None:
    """With the UI mounted at /, a /v1 path no route takes would fall through to Gradio,
    whose 404 and 405 have another shape. This route, matched after every other /v1 route
    and before the mount, answers them in the API's shape."""

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    async def v1_fallback(request: Request) -> None:
        # Which methods another route takes at this path (routers are matched as a whole,
        # so each method is tried rather than listed).
        others = [
            route
            for route in app.router.routes
            if not isinstance(route, Mount) and getattr(route, "endpoint", None) is not v1_fallback
        ]
        allowed = [
            method
            for method in methods
            if any(r.matches({**request.scope, "method": method})[0] == Match.FULL for r in others)
        ]
        if allowed:
            raise StarletteHTTPException(
                405,
                f"{request.method} is not allowed on {request.url.path}; use {', '.join(allowed)}.",
                headers={"Allow": ", ".join(allowed)},
            )
        raise StarletteHTTPException(
            404, f"No route {request.url.path}; the API's routes are listed at /docs."
        )

    app.add_api_route(
        "/v1/{rest:path}",
        v1_fallback,
        methods=methods,
        include_in_schema=False,
    )


def app_factory() -> FastAPI:
    """For uvicorn workers (`--workers N` imports the app by name in each process)."""
    import os

    from qa.logs import setup_logging

    settings = get_settings()
    setup_logging(settings.log_level)
    return create_app(settings, with_ui=os.environ.get("CORPUS_QA_SERVE_UI", "1") == "1")
