"""`Annotated` dependencies: tests override `get_service` / `get_settings` on the app."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from qa.api.auth import UNAUTHORIZED, bearer, key_matches
from qa.config import Settings, get_settings
from qa.service import QAService, get_service

SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[QAService, Depends(get_service)]


def require_api_key(settings: SettingsDep, request: Request) -> None:
    """When CORPUS_QA_API_KEY is set, /v1 needs the key (or the admin key). The gate in
    front of every route (qa.api.auth.AuthGate) has checked it already; this repeats the
    bearer check so that a router included in an app without the gate still fails closed."""
    if settings.api_key is None or request.scope.get("state", {}).get("authenticated"):
        return
    token = bearer(request.headers)
    if token is None or not any(key_matches(key, token) for key in read_keys(settings)):
        raise HTTPException(
            status_code=401, detail=UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"}
        )


ADMIN_NEEDED = (
    "Changing the corpus needs the admin key: send `Authorization: Bearer <CORPUS_QA_ADMIN_KEY>`."
)


def require_admin_key(settings: SettingsDep, request: Request) -> None:
    """Uploads, replacements and deletions: when CORPUS_QA_ADMIN_KEY is set, only that key
    (a reader's key or a browser session gets 403); otherwise what reads need."""
    if settings.admin_key is None:
        require_api_key(settings, request)
        return
    token = bearer(request.headers)
    if token is not None and key_matches(settings.admin_key.get_secret_value(), token):
        return
    if request.scope.get("state", {}).get("authenticated"):
        raise HTTPException(
            status_code=403, detail=f"This key can read but not change the corpus. {ADMIN_NEEDED}"
        )
    raise HTTPException(
        status_code=401, detail=ADMIN_NEEDED, headers={"WWW-Authenticate": "Bearer"}
    )


def read_keys(settings: Settings) -> list[str]:
    """The keys that may read: the API key and, when set, the admin key."""
    return [k.get_secret_value() for k in (settings.api_key, settings.admin_key) if k is not None]
