"""Shared helpers for building and checking the eval question sets under evals/data/<corpus>/.

These scripts are data tooling, not product code: they exist so that evidence offsets are computed
(str.find), never typed by hand. `python -m evals.dataset --check` checks what they write.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
FIELDS = [
    "id", "split", "category", "question", "history", "answerable", "everyday",
    "reference_answer", "key_facts", "evidence", "paraphrase_of",
]  # fmt: skip


def corpus_docs(corpus: str) -> dict[str, str]:
    """The corpus's documents by doc_id (path relative to docs/, forward slashes)."""
    folder = DATA / corpus
    meta = tomllib.loads((folder / "corpus.toml").read_text(encoding="utf-8"))
    root = (folder / meta["docs"]).resolve()
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in {".txt", ".md"}
    }


def span(docs: dict[str, str], doc_id: str, quote: str, nth: int | None = None) -> dict:
    """Evidence span for `quote` in `doc_id`; refuses a quote that is missing or ambiguous."""
    text = docs[doc_id]
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        raise ValueError(f"quote not found in {doc_id}: {quote!r}")
    if len(starts) > 1 and nth is None:
        raise ValueError(f"quote occurs {len(starts)} times in {doc_id}, pass nth: {quote!r}")
    start = starts[nth or 0]
    assert text.find(quote, start) == start
    return {"doc_id": doc_id, "start": start, "end": start + len(quote), "quote": quote}


def located(docs: dict[str, str], doc_id: str, quote: str, nth: int | None = None) -> tuple:
    """(doc_id, exact text) for a quote written with single spaces, located with a regex in
    which a space matches any run of whitespace (hard-wrapped text, tables aligned with
    spaces), so the stored quote is the document's exact text, newlines included. Refuses 0
    matches, and 2+ unless `nth` says which ((doc_id, exact text, nth) then, for `span`)."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = [m.group(0) for m in re.finditer(pattern, docs[doc_id])]
    if not found or (len(found) > 1 and nth is None):
        raise ValueError(f"{len(found)} matches in {doc_id} for {quote!r}")
    if len(found) > 1:
        return (doc_id, found[nth], nth)
    return (doc_id, found[0])


@dataclass
class Q:
    """One question as written in a build script; `terms` are its everyday words (if any)."""

    id: str
    category: str
    question: str
    reference_answer: str
    key_facts: list[list[str]] = field(default_factory=list)
    evidence: list[tuple] = field(default_factory=list)  # (doc_id, quote) or (doc_id, quote, nth)
    terms: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    paraphrase_of: str | None = None

    def to_item(self, docs: dict[str, str]) -> dict:
        return {
            "id": self.id,
            "category": self.category,
            "question": self.question,
            "history": self.history,
            "answerable": bool(self.evidence),
            "everyday": bool(self.terms),
            "reference_answer": self.reference_answer,
            "key_facts": self.key_facts,
            "evidence": [span(docs, *e) for e in self.evidence],
            "paraphrase_of": self.paraphrase_of,
        }


def hist(*turns: str) -> list[dict]:
    """Alternating user/assistant turns, starting with the user."""
    return [
        {"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)
    ]


def assign_splits(items: list[dict]) -> None:
    """Deterministic, balanced dev/test split.

    Within each category, items are ordered by (answerable, everyday) group and then file order,
    and alternate dev, test, dev, ...: every category, and every group inside it, differs by at
    most one between the splits. The alternation carries on from one category to the next (in
    order of first appearance), so the odd ones out do not all land in dev.
    """
    by_cat: dict[str, list[tuple[int, dict]]] = {}
    for n, it in enumerate(items):
        by_cat.setdefault(it["category"], []).append((n, it))
    k = 0
    for members in by_cat.values():
        members.sort(key=lambda m: (not m[1]["answerable"], m[1]["everyday"], m[0]))
        for _, it in members:
            it["split"] = "dev" if k % 2 == 0 else "test"
            k += 1


def write_jsonl(path: Path, items: list[dict]) -> None:
    ordered = [{k: it[k] for k in FIELDS if k in it} for it in items]
    path.write_text(
        "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in ordered), encoding="utf-8"
    )


def write_everyday_words(folder: Path, terms: dict[str, list[str]]) -> None:
    """everyday_words.json beside questions.jsonl: what evals.dataset checks absent."""
    (folder / "everyday_words.json").write_text(
        json.dumps(terms, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def finish(corpus: str, items: list[dict], terms: dict[str, list[str]], write: bool) -> list[dict]:
    """Give the items their splits and, with `write`, write the corpus's questions.jsonl
    and everyday_words.json: the last steps of every build script."""
    assign_splits(items)
    if write:
        write_jsonl(DATA / corpus / "questions.jsonl", items)
        write_everyday_words(DATA / corpus, terms)
    return items
