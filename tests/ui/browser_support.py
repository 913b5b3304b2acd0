"""Debian's chromium driven by Playwright (Playwright cannot download browsers here).

The browser test modules share the `browser` fixture by importing `chromium_browser` from
here (the import registers it under its fixture name). Not a tests/ui/conftest.py: those
modules import the top-level tests/conftest.py as `conftest`, which a second conftest.py
on the path would shadow.
"""

import contextlib
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    assert shutil.which("chromium"), (
        "chromium is missing: `make test` installs it (apt-get install chromium)"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module", name="browser")
def chromium_browser() -> Iterator:
    """One chromium per test module; each test opens its own context in it."""
    with chromium() as launched:
        yield launched
