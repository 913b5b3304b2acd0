"""Check the `manual` corpus's questions.jsonl against EVAL_FORMAT.md and print its counts.

Checks: schema and ids; every evidence span equals text[start:end]; every key-fact variant of an
answerable item occurs (case-insensitively) in the concatenation of its evidence quotes; the
everyday words of every everyday item (everyday_words.json) occur nowhere in the documents (as
whole words, case-insensitively); the set-level rules (>= 60 items, >= 1/3 everyday, >= 1/5
unanswerable, dev/test balanced within every category, every required category present).
Exits non-zero on any failure.

Run: python evals/data/manual/validate.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
DOCS = HERE / "docs"
CATEGORIES = {
    "single_fact", "multi_doc", "attribution", "disagreement", "false_premise", "paraphrase",
    "follow_up", "unanswerable", "overview", "comparison", "yes_no", "heading",
}  # fmt: skip
REQUIRED = {"follow_up", "attribution", "multi_doc", "overview", "comparison", "yes_no", "heading"}
FIELDS = {
    "id", "split", "category", "question", "history", "answerable", "everyday",
    "reference_answer", "key_facts", "evidence", "paraphrase_of",
}  # fmt: skip


def main() -> int:
    texts = {
        p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md")
    }
    everyday_words: dict[str, list[str]] = json.loads((HERE / "everyday_words.json").read_text())
    rows = [
        json.loads(line)
        for line in (HERE / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    errors: list[str] = []
    ids = [r["id"] for r in rows]
    for dup in {i for i in ids if ids.count(i) > 1}:
        errors.append(f"duplicate id {dup}")
    spans = 0
    for r in rows:
        rid = r.get("id", "?")
        if set(r) - FIELDS or not {
            "id",
            "split",
            "category",
            "question",
            "answerable",
            "everyday",
        } <= set(r):
            errors.append(f"{rid}: fields {sorted(r)}")
        if r["split"] not in {"dev", "test"}:
            errors.append(f"{rid}: split {r['split']!r}")
        if r["category"] not in CATEGORIES:
            errors.append(f"{rid}: category {r['category']!r}")
        if (r["category"] == "follow_up") != bool(r["history"]):
            errors.append(f"{rid}: history must be given exactly for follow_up items")
        if r.get("paraphrase_of") and r["paraphrase_of"] not in ids:
            errors.append(f"{rid}: paraphrase_of unknown {r['paraphrase_of']}")
        if r["answerable"] != bool(r["key_facts"] and r["evidence"]):
            errors.append(f"{rid}: answerable={r['answerable']} but key_facts/evidence disagree")
        if not r["answerable"] and (r["key_facts"] or r["evidence"]):
            errors.append(f"{rid}: unanswerable item with key_facts or evidence")
        for ev in r["evidence"]:
            spans += 1
            text = texts.get(ev["doc_id"])
            if text is None:
                errors.append(f"{rid}: unknown doc {ev['doc_id']}")
            elif text[ev["start"] : ev["end"]] != ev["quote"]:
                errors.append(f"{rid}: {ev['doc_id']}[{ev['start']}:{ev['end']}] != quote")
        joined = " ".join(ev["quote"] for ev in r["evidence"]).lower()
        for fact in r["key_facts"]:
            if not fact:
                errors.append(f"{rid}: empty key fact")
            for variant in fact:
                if variant.lower() not in joined:
                    errors.append(f"{rid}: key-fact variant {variant!r} not in its evidence")
                if len(variant.split()) > 5:
                    errors.append(f"{rid}: key-fact variant {variant!r} is longer than 5 words")
        words = everyday_words.get(rid, [])
        if r["everyday"] != bool(words):
            errors.append(f"{rid}: everyday={r['everyday']} but everyday words {words}")
        for word in words:
            if word.lower() not in r["question"].lower():
                errors.append(f"{rid}: everyday word {word!r} is not in the question")
            pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
            for doc_id, text in texts.items():
                if pattern.search(text):
                    errors.append(f"{rid}: everyday word {word!r} occurs in {doc_id}")

    n = len(rows)
    everyday = sum(r["everyday"] for r in rows)
    unanswerable = sum(not r["answerable"] for r in rows)
    by_cat = Counter(r["category"] for r in rows)
    print(f"{'category':<14}{'n':>4}{'dev':>5}{'test':>5}{'everyday':>9}{'unans':>6}")
    for cat in sorted(by_cat):
        cat_rows = [r for r in rows if r["category"] == cat]
        dev = sum(r["split"] == "dev" for r in cat_rows)
        test = len(cat_rows) - dev
        ev = sum(r["everyday"] for r in cat_rows)
        un = sum(not r["answerable"] for r in cat_rows)
        print(f"{cat:<14}{len(cat_rows):>4}{dev:>5}{test:>5}{ev:>9}{un:>6}")
        if abs(dev - test) > 1:
            errors.append(f"category {cat}: dev {dev} / test {test} not balanced")
    splits = Counter(r["split"] for r in rows)
    print(f"{'TOTAL':<14}{n:>4}{splits['dev']:>5}{splits['test']:>5}{everyday:>9}{unanswerable:>6}")
    for split in ("dev", "test"):
        part = [r for r in rows if r["split"] == split]
        print(
            f"{split}: {len(part)} items, everyday {sum(r['everyday'] for r in part)}, "
            f"unanswerable {sum(not r['answerable'] for r in part)}"
        )
    print(
        f"everyday {everyday}/{n} = {everyday / n:.0%}; unanswerable {unanswerable}/{n} = {unanswerable / n:.0%}"
    )
    print(f"evidence spans checked: {spans}; documents: {', '.join(sorted(texts))}")
    if n < 60:
        errors.append(f"only {n} items (need >= 60)")
    if everyday * 3 < n:
        errors.append(f"everyday {everyday} < 1/3 of {n}")
    if unanswerable * 5 < n:
        errors.append(f"unanswerable {unanswerable} < 1/5 of {n}")
    for cat in REQUIRED - set(by_cat):
        errors.append(f"no {cat} item")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
