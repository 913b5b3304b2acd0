"""One gate in front of every route: the API, the document pages and all of Gradio.

When CORPUS_QA_API_KEY is set, a request passes with `Authorization: Bearer <key>`, or
with the session cookie that the login page sets after the key was typed once. Only
/healthz, /readyz and the login page itself are open.

Why a middleware, and not Gradio's `auth=`: Gradio's login guards Gradio's routes only
(not /v1 or /ui/document), takes a user name and password rather than a bearer key, and
has no notion of API clients. A pure ASGI middleware in front of the mount sees every
request, whatever route or `fn_index` it names, before any handler runs.

The session cookie is stateless so that it works across `--workers` processes: an expiry
time and an HMAC of it, keyed by a secret derived from the API key. It is never the key
itself; changing the key logs every browser out.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import html
import json
import time
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from qa.api.errors import error_body
from qa.config import Settings

COOKIE = "corpus_qa_session"
OPEN_PATHS = frozenset({"/healthz", "/readyz", "/login", "/logout"})
WRONG_KEY_DELAY = 1.0  # seconds: makes guessing a key by trial slow
UNAUTHORIZED = (
    "Missing or wrong API key: send `Authorization: Bearer <CORPUS_QA_API_KEY>`, "
    "or log in at /login in a browser."
)


# --- the session token -------------------------------------------------------------------
def _signing_key(api_key: str) -> bytes:
    return hmac.new(api_key.encode(), b"corpus-qa session v1", hashlib.sha256).digest()


def _sign(api_key: str, expires: int) -> str:
    digest = hmac.new(_signing_key(api_key), str(expires).encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def session_token(api_key: str, max_age: int, now: float | None = None) -> str:
    expires = int((now if now is not None else time.time()) + max_age)
    return f"{expires}.{_sign(api_key, expires)}"


def valid_session(api_key: str, token: str, now: float | None = None) -> bool:
    expires, _, signature = token.partition(".")
    if not expires.isdigit() or int(expires) < (now if now is not None else time.time()):
        return False
    return hmac.compare_digest(signature.encode(), _sign(api_key, int(expires)).encode())


def key_matches(api_key: str, presented: str) -> bool:
    """Constant time, and over digests, so that not even the key's length leaks."""
    return hmac.compare_digest(
        hashlib.sha256(presented.encode("utf-8", "surrogateescape")).digest(),
        hashlib.sha256(api_key.encode()).digest(),
    )


def bearer(headers: Headers) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _cookie(headers: Headers, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


# --- the gate ------------------------------------------------------------------------------
class AuthGate:
    """401 (or a redirect to the login page, for a browser asking for a page) unless the
    request carries the key or a valid session. Installed only when a key is set."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        assert settings.api_key is not None
        self.app = app
        self.key = settings.api_key.get_secret_value()
        # Reads accept the admin key too (CORPUS_QA_ADMIN_KEY); writes check it again.
        self.keys = [self.key] + (
            [settings.admin_key.get_secret_value()] if settings.admin_key is not None else []
        )

    def allowed(self, headers: Headers) -> bool:
        token = bearer(headers)
        if token is not None:
            # Every key is compared (no early exit), so timing does not tell which matched.
            return any([key_matches(key, token) for key in self.keys])
        session = _cookie(headers, COOKIE)
        return session is not None and valid_session(self.key, session)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if route_path(scope) in OPEN_PATHS and scope["type"] == "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.allowed(headers):
            scope.setdefault("state", {})["authenticated"] = True
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["method"] in ("GET", "HEAD") and "text/html" in headers.get("accept", ""):
            target = scope.get("root_path", "") + route_path(scope)
            if scope.get("query_string"):
                target += "?" + scope["query_string"].decode("latin-1")
            location = f"{scope.get('root_path', '')}/login?next={quote(target, safe='')}"
            await RedirectResponse(location, status_code=303)(scope, receive, send)
            return
        body = json.dumps(error_body("Unauthorized", UNAUTHORIZED)).encode()
        await Response(
            body,
            401,
            headers={"WWW-Authenticate": "Bearer"},
            media_type="application/json",
        )(scope, receive, send)


def route_path(scope: Scope) -> str:
    """The path inside the application (a reverse proxy's --root-path removed)."""
    path, root = scope.get("path", ""), scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


# --- the login page ------------------------------------------------------------------------
router = APIRouter(include_in_schema=False)
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never `//evil.example` or `https://...` (open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def login_page(target: str, message: str = "") -> str:
    note = f"<p class='error' role='alert'>{html.escape(message)}</p>" if message else ""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>corpus-qa: log in</title><style>"
        "body{font:16px/1.5 system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}"
        "input{width:100%;padding:.5rem;margin:.3rem 0 1rem;box-sizing:border-box}"
        "button{padding:.5rem 1.2rem}.error{color:#b00020}</style></head><body>"
        "<h1>corpus-qa</h1>"
        f"{note}<form method='post' action='login'>"
        "<label for='key'>API key</label>"
        "<input id='key' name='key' type='password' autocomplete='current-password' "
        "required autofocus>"
        f"<input type='hidden' name='next' value='{html.escape(target, quote=True)}'>"
        "<button type='submit'>Log in</button></form></body></html>"
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(next: str | None = None) -> HTMLResponse:
    return HTMLResponse(login_page(_safe_next(next)), headers=PAGE_HEADERS)


def install_login(app, settings: Settings) -> None:
    """The POST handlers need the key, so they are defined per app."""
    assert settings.api_key is not None
    key = settings.api_key.get_secret_value()

    @app.post("/login", include_in_schema=False)
    async def login(
        request: Request,
        key_field: Annotated[str, Form(alias="key")] = "",
        next: Annotated[str, Form()] = "/",
    ) -> Response:
        target = _safe_next(next)
        if not key_matches(key, key_field):
            await asyncio.sleep(WRONG_KEY_DELAY)
            return HTMLResponse(
                login_page(target, "Wrong key. Try again."), 401, headers=PAGE_HEADERS
            )
        response = RedirectResponse(request.scope.get("root_path", "") + target, 303)
        response.set_cookie(
            COOKIE,
            session_token(key, settings.session_max_age),
            max_age=settings.session_max_age,
            path="/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        response = RedirectResponse(request.scope.get("root_path", "") + "/login", 303)
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
        return response

    app.include_router(router)
