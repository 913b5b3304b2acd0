"""The API's one place for turning errors into responses.

Every error body has one shape: {"error": {"type", "message", "field"?}}.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa import errors

log = logging.getLogger(__name__)

STATUS: list[tuple[type[errors.CorpusQAError], int]] = [
    (errors.ModeUnavailable, 400),  # a valid request for a mode this deployment lacks
    (errors.UnsupportedFile, 415),
    (errors.UploadTooLarge, 413),
    (errors.BadUpload, 400),
    (errors.WriterBusy, 409),
    (errors.InvalidInput, 422),
    (errors.NotFound, 404),
    (errors.IndexMissing, 503),
    (errors.StoreUnavailable, 503),
    (errors.WriterBusy, 503),  # another writer holds the data dir: retry later
    (errors.LLMTimeout, 504),
    (errors.LLMError, 502),
    (errors.CorpusQAError, 500),
]


def error_body(kind: str, message: str, field: str | None = None) -> dict:
    body = {"type": kind, "message": message}
    if field:
        body["field"] = field
    return {"error": body}


def internal_error_body(request_id: str) -> dict:
    """Any other exception is a bug, not bad input: the client gets the usual shape and
    the request id under which the traceback is logged (qa.api.middleware.RequestLog)."""
    return error_body(
        "InternalError",
        f"Something went wrong inside corpus-qa (request {request_id}); the details are in "
        "the server log. Retry, and report it with the request id if it persists.",
    )


def status_for(exc: errors.CorpusQAError) -> int:
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def error_response(exc: errors.CorpusQAError) -> JSONResponse:
    """The client reads `public_message` (no paths, URLs or raw exception text); the
    full message goes to the log."""
    status = status_for(exc)
    if status >= 500:
        log.warning("%s: %s", type(exc).__name__, exc)
    headers = {"Retry-After": "5"} if status in (503, 409) else None
    return JSONResponse(
        error_body(type(exc).__name__, errors.public_message(exc), getattr(exc, "field", None)),
        status,
        headers=headers,
    )


def _describe(err: dict) -> tuple[str, str]:
    loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path")]
    field = ".".join(loc)
    if err.get("type") == "json_invalid":
        return "Malformed JSON in the request body: " + err.get("ctx", {}).get(
            "error", "parse error"
        ) + ".", ""
    if err.get("type") == "missing":
        return f"`{field}` is required.", field
    if err.get("type") == "extra_forbidden":
        return f"`{field}` is not a known field.", field
    if err.get("type") == "string_unicode":  # as qa.errors.UnencodableText says it
        return (
            f"`{field}` contains a lone surrogate, which is not valid Unicode text: send it "
            "as well-formed UTF-8.",
            field,
        )
    return f"`{field}`: {err.get('msg', 'invalid')}.", field


def install(app: FastAPI) -> None:
    @app.exception_handler(errors.CorpusQAError)
    async def _corpus_qa(_: Request, exc: errors.CorpusQAError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        described = [_describe(e) for e in exc.errors()]
        message = " ".join(m for m, _ in described) or "Invalid request."
        field = next((f for _, f in described if f), None)
        return JSONResponse(error_body("InvalidInput", message, field), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = {
            401: "Unauthorized",
            403: "Forbidden",
            404: "NotFound",
            405: "MethodNotAllowed",
            408: "RequestTimeout",
            413: "PayloadTooLarge",
        }.get(exc.status_code, "HTTPError")
        return JSONResponse(
            error_body(kind, str(exc.detail)),
            exc.status_code,
            headers=getattr(exc, "headers", None),
        )
