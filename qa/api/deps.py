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
    """When CORPUS_QA_API_KEY is set, /v1 needs the key. The gate in front of every route
    (qa.api.auth.AuthGate) has checked it already; this repeats the bearer check so that a
    router included in an app without the gate still fails closed."""
    if settings.api_key is None or request.scope.get("state", {}).get("authenticated"):
        return
    token = bearer(request.headers)
    if token is None or not key_matches(settings.api_key.get_secret_value(), token):
        raise HTTPException(
            status_code=401, detail=UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"}
        )
