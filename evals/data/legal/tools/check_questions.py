"""Validate evals/data/legal/questions.jsonl against the documents and EVAL_FORMAT.md's rules.

Checks every item's shape, that each evidence span is exact (text[start:end] == quote), that every
key-fact variant is in the item's evidence quotes (case-insensitive), that the everyday words of
each everyday item are absent from all documents, the split balance per category, and the
corpus-level quotas. Prints the counts; exits non-zero on the first list of problems.

Run: python evals/data/legal/tools/check_questions.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_questions import everyday_terms

HERE = Path(__file__).resolve().parent.parent
DOCS = HERE / "docs"
QUESTIONS = HERE / "questions.jsonl"
CATEGORIES = {
    "single_fact", "multi_doc", "attribution", "disagreement", "false_premise", "paraphrase",
    "follow_up", "unanswerable", "overview", "comparison", "yes_no", "heading",
}  # fmt: skip
REQUIRED = {"follow_up", "attribution", "multi_doc", "overview", "comparison", "yes_no",
            "heading", "false_premise"}  # fmt: skip
KEYS = {"id", "split", "category", "question", "history", "answerable", "everyday",
        "reference_answer", "key_facts", "evidence", "paraphrase_of"}  # fmt: skip


def phrase_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern whose spaces match line breaks (the docs wrap)."""
    body = r"\s+".join(re.escape(tok) for tok in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def check() -> list[str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.txt"))}
    items = [
        json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line
    ]
    terms = everyday_terms()
    problems: list[str] = []
    ids = Counter(it["id"] for it in items)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for name, text in texts.items():
        long = [n for n, line in enumerate(text.splitlines(), 1) if len(line) > 72]
        problems += [f"{name}: lines longer than 72 columns: {long}"] if long else []
    for it in items:
        where = it.get("id", "?")
        if set(it) - KEYS or not {"id", "split", "category", "question", "answerable"} <= set(it):
            problems.append(f"{where}: unexpected or missing keys {sorted(set(it) ^ KEYS)}")
        if it["category"] not in CATEGORIES:
            problems.append(f"{where}: unknown category {it['category']}")
        if it["split"] not in ("dev", "test"):
            problems.append(f"{where}: split must be dev or test")
        if (it["category"] == "follow_up") != bool(it["history"]):
            problems.append(f"{where}: history is for follow_up items only, and they need one")
        roles = [t["role"] for t in it["history"]]
        if roles != ["user", "assistant"] * (len(roles) // 2):
            problems.append(f"{where}: history must alternate user/assistant")
        if it.get("paraphrase_of") and it["paraphrase_of"] not in ids:
            problems.append(f"{where}: paraphrase_of {it['paraphrase_of']} does not exist")
        if it["answerable"] != bool(it["key_facts"]) or it["answerable"] != bool(it["evidence"]):
            problems.append(f"{where}: answerable items need key_facts+evidence, others neither")
        for ev in it["evidence"]:
            text = texts.get(ev["doc_id"])
            if text is None:
                problems.append(f"{where}: unknown doc_id {ev['doc_id']}")
            elif text[ev["start"] : ev["end"]] != ev["quote"]:
                problems.append(f"{where}: evidence span {ev['start']}:{ev['end']} != quote")
        quotes = " ".join(ev["quote"] for ev in it["evidence"]).lower()
        for fact in it["key_facts"]:
            if not fact:
                problems.append(f"{where}: empty key fact")
            for variant in fact:
                if variant.lower() not in quotes:
                    problems.append(f"{where}: key fact {variant!r} not in its evidence quotes")
                if len(variant.split()) > 5:
                    problems.append(f"{where}: key fact {variant!r} is longer than 5 words")
        words = terms.get(where, [])
        if it["everyday"] != bool(words):
            problems.append(f"{where}: everyday flag does not match its listed everyday words")
        for word in words:
            if not phrase_pattern(word).search(it["question"]):
                problems.append(f"{where}: everyday word {word!r} is not in the question")
            found = [n for n, t in texts.items() if phrase_pattern(word).search(t)]
            if found:
                problems.append(f"{where}: everyday word {word!r} occurs in {found}")
    by_cat = Counter((it["category"], it["split"]) for it in items)
    for cat in {c for c, _ in by_cat}:
        if abs(by_cat[(cat, "dev")] - by_cat[(cat, "test")]) > 1:
            problems.append(
                f"{cat}: dev/test unbalanced {by_cat[(cat, 'dev')]}/{by_cat[(cat, 'test')]}"
            )
    present = Counter(it["category"] for it in items)
    problems += [f"category {c} has fewer than 3 items" for c in REQUIRED if present[c] < 3]
    n = len(items)
    everyday = sum(it["everyday"] for it in items)
    unanswerable = sum(not it["answerable"] for it in items)
    if n < 75:
        problems.append(f"only {n} questions (need 75)")
    if everyday * 3 < n:
        problems.append(f"everyday {everyday}/{n} is under a third")
    if unanswerable * 5 < n:
        problems.append(f"unanswerable {unanswerable}/{n} is under a fifth")
    report(items)
    return problems


def report(items: list[dict]) -> None:
    rows = sorted({it["category"] for it in items})
    print(f"{'category':<14}{'dev':>5}{'test':>6}{'total':>7}{'everyday':>10}{'unanswerable':>14}")
    for cat in rows:
        sel = [it for it in items if it["category"] == cat]
        dev = sum(it["split"] == "dev" for it in sel)
        ev = sum(it["everyday"] for it in sel)
        un = sum(not it["answerable"] for it in sel)
        print(f"{cat:<14}{dev:>5}{len(sel) - dev:>6}{len(sel):>7}{ev:>10}{un:>14}")
    n = len(items)
    dev = [it for it in items if it["split"] == "dev"]
    print(
        f"{'TOTAL':<14}{len(dev):>5}{n - len(dev):>6}{n:>7}"
        f"{sum(it['everyday'] for it in items):>10}{sum(not it['answerable'] for it in items):>14}"
    )
    for split in ("dev", "test"):
        sel = [it for it in items if it["split"] == split]
        print(
            f"{split}: {len(sel)} items, everyday {sum(it['everyday'] for it in sel)}, "
            f"unanswerable {sum(not it['answerable'] for it in sel)}"
        )
    ev, un = sum(it["everyday"] for it in items), sum(not it["answerable"] for it in items)
    print(f"everyday {ev}/{n} = {ev / n:.1%}; unanswerable {un}/{n} = {un / n:.1%}")


def main() -> None:
    problems = check()
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
