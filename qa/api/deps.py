"""`Annotated` dependencies: tests override `get_service` / `get_settings` on the app."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException

from qa.config import Settings, get_settings
from qa.service import QAService, get_service

SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[QAService, Depends(get_service)]


def require_api_key(
    settings: SettingsDep, authorization: Annotated[str | None, Header()] = None
) -> None:
    """When CORPUS_QA_API_KEY is set, /v1 needs `Authorization: Bearer <key>`."""
    if settings.api_key is None:
        return
    expected = f"Bearer {settings.api_key.get_secret_value()}".encode()
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected):
        raise HTTPException(
            status_code=401,
            detail="Missing or wrong API key: send `Authorization: Bearer <CORPUS_QA_API_KEY>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
