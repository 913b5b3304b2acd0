"""Re-check every question set under evals/data/ without rewriting it.

Run: python evals/data/_tools/validate.py
Checks, per corpus: corpus.toml and SOURCE.md; every field and category; every evidence span equals
text[start:end]; every key-fact variant occurs (case-insensitively) in the item's evidence quotes;
every everyday word is absent from the documents; questions.jsonl is what the build script makes
(so nobody edits offsets by hand); and the seeds' golden items are unchanged apart from split and
everyday. Prints counts per category, split, everyday and unanswerable. Exit status 1 on a problem.
"""

from __future__ import annotations

import json
import sys

import build_notes
import build_seeds
import build_techdoc
from common import DATA, FIELDS, validate


def _on_disk(corpus: str) -> list[dict]:
    text = (DATA / corpus / "questions.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _stale(corpus: str, built: list[dict]) -> list[str]:
    ordered = [{k: it[k] for k in FIELDS if k in it} for it in built]
    if ordered != _on_disk(corpus):
        return [f"{corpus}/questions.jsonl differs from what its build script makes: rebuild it"]
    return []


def _golden_unchanged() -> list[str]:
    seeds = {it["id"]: it for it in _on_disk("seeds")}
    problems = []
    for old in build_seeds.legacy_items():
        new = seeds.get(old["id"])
        if new is None:
            problems.append(f"golden item {old['id']} is missing from seeds")
            continue
        for key, value in old.items():
            if new.get(key) != value:
                problems.append(f"golden item {old['id']}: {key} changed")
    return problems


def main() -> int:
    problems = validate("seeds", build_seeds.EVERYDAY_TERMS, build_seeds.LEGACY_IDS)
    problems += validate("notes", build_notes.EVERYDAY_TERMS)
    problems += validate("techdoc", build_techdoc.EVERYDAY_TERMS)
    extra = _stale("seeds", build_seeds.build(write=False))
    extra += _stale("notes", build_notes.build(write=False))
    extra += _stale("techdoc", build_techdoc.build(write=False))
    extra += _golden_unchanged()
    for p in extra:
        print("PROBLEM:", p)
    total = len(problems) + len(extra)
    print(f"== {total} problems in all")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
