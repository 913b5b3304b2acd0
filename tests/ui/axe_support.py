"""axe-core, the accessibility engine, for the browser tests: the npm package, installed
once into a cache folder outside the sources (`make axe` does the same ahead of time)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

AXE_VERSION = "4.14.1"
ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("CORPUS_QA_AXE_DIR", ROOT / ".cache" / "axe"))
BAD = ("serious", "critical")


def axe_script() -> str:
    script = CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        assert npm, (
            "npm is missing: `make test` installs it (apt-get install npm), or run `make axe`"
        )
        subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(CACHE),
             f"axe-core@{AXE_VERSION}"],
            check=True,
            timeout=600,
            capture_output=True,
        )  # fmt: skip
    return script.read_text(encoding="utf-8")


def violations(page, impacts: tuple[str, ...] = BAD) -> list[dict]:
    """axe's WCAG 2.x A/AA rules on the page as it is now: the violations of these impacts,
    each with its rule, help text and the first offending elements."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(content=axe_script())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:5]],
            "summary": v["nodes"][0].get("failureSummary", "")[:300] if v["nodes"] else "",
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]
