"""Shared helpers for building and checking the eval question sets under evals/data/<corpus>/.

These scripts are data tooling, not product code: they exist so that evidence offsets are computed
(str.find), never typed by hand, and so that every question set can be re-checked in one command.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
CATEGORIES = {
    "single_fact", "multi_doc", "attribution", "disagreement", "false_premise", "paraphrase",
    "follow_up", "unanswerable", "overview", "comparison", "yes_no", "heading",
}  # fmt: skip
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


def term_hits(docs: dict[str, str], term: str) -> list[str]:
    """Words in the documents that start with `term` (case-insensitive): must be none."""
    pattern = re.compile(r"(?<![\w])" + re.escape(term), re.IGNORECASE)
    return [f"{d}:{m.start()}" for d, t in docs.items() for m in pattern.finditer(t)]


def validate(
    corpus: str, terms: dict[str, list[str]], legacy_ids: set[str] = frozenset()
) -> list[str]:
    """Check a corpus's questions.jsonl; print counts; return the problems found.

    `terms` maps each everyday item to its everyday words. `legacy_ids` are items copied unchanged
    from an older set: a key-fact variant missing from their evidence is reported, not fixed.
    """
    folder = DATA / corpus
    meta = tomllib.loads((folder / "corpus.toml").read_text(encoding="utf-8"))
    problems: list[str] = []
    notes: list[str] = []
    for key in ("name", "kind", "description", "docs"):
        if key not in meta:
            problems.append(f"corpus.toml lacks {key}")
    if not (folder / "SOURCE.md").is_file():
        problems.append("SOURCE.md is missing")
    docs = corpus_docs(corpus)
    items = [
        json.loads(line)
        for line in (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ids = Counter(it["id"] for it in items)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for it in items:
        i = it["id"]
        if set(it) - set(FIELDS) or set(FIELDS) - set(it) - {"paraphrase_of"}:
            problems.append(f"{i}: fields {sorted(it)}")
        if it["category"] not in CATEGORIES:
            problems.append(f"{i}: category {it['category']}")
        if it["split"] not in ("dev", "test"):
            problems.append(f"{i}: split {it['split']}")
        if it["history"] and it["category"] != "follow_up":
            problems.append(f"{i}: history outside follow_up")
        if it["category"] == "follow_up" and not it["history"]:
            problems.append(f"{i}: follow_up without history")
        if it["answerable"] != bool(it["evidence"]) or it["answerable"] != bool(it["key_facts"]):
            problems.append(f"{i}: answerable/evidence/key_facts disagree")
        if it.get("paraphrase_of") and it["paraphrase_of"] not in ids:
            problems.append(f"{i}: paraphrase_of unknown {it['paraphrase_of']}")
        for ev in it["evidence"]:
            text = docs.get(ev["doc_id"])
            if text is None:
                problems.append(f"{i}: unknown doc {ev['doc_id']}")
            elif text[ev["start"] : ev["end"]] != ev["quote"]:
                problems.append(f"{i}: span {ev['start']}:{ev['end']} != quote")
        joined = " ".join(ev["quote"] for ev in it["evidence"]).lower()
        for fact in it["key_facts"]:
            for v in fact:
                if v.lower() not in joined:
                    msg = f"{i}: key-fact variant {v!r} not in its evidence"
                    (notes if i in legacy_ids else problems).append(msg)
        if it["everyday"] != bool(terms.get(i)):
            problems.append(f"{i}: everyday={it['everyday']} but terms={terms.get(i)}")
        for term in terms.get(i, []):
            if term.lower() not in it["question"].lower():
                problems.append(f"{i}: everyday term {term!r} is not in the question")
            hits = term_hits(docs, term)
            if hits:
                problems.append(f"{i}: everyday term {term!r} occurs in the docs at {hits[:3]}")
    _report(corpus, docs, items)
    for n in notes:
        print("  note (legacy item, unchanged):", n)
    for p in problems:
        print("  PROBLEM:", p)
    print(f"  {len(problems)} problems")
    return problems


def _report(corpus: str, docs: dict[str, str], items: list[dict]) -> None:
    n = len(items)
    every = sum(it["everyday"] for it in items)
    unans = sum(not it["answerable"] for it in items)
    words = sum(len(t.split()) for t in docs.values())
    print(f"== {corpus}: {len(docs)} documents, {words} words, {n} questions")
    print(f"  everyday {every} ({every / n:.0%}), unanswerable {unans} ({unans / n:.0%})")
    print(f"  {'category':<14}{'dev':>5}{'test':>5}{'every':>6}{'unans':>6}")
    cats = sorted({it["category"] for it in items})
    for c in [*cats, "ALL"]:
        sel = [it for it in items if c in ("ALL", it["category"])]
        dev = sum(it["split"] == "dev" for it in sel)
        ev = sum(it["everyday"] for it in sel)
        un = sum(not it["answerable"] for it in sel)
        print(f"  {c:<14}{dev:>5}{len(sel) - dev:>5}{ev:>6}{un:>6}")
    for flag, name in ((True, "everyday"), (False, "not everyday")):
        sel = [it for it in items if it["everyday"] == flag]
        dev = sum(it["split"] == "dev" for it in sel)
        print(f"  {name}: dev {dev}, test {len(sel) - dev}")
    sel = [it for it in items if not it["answerable"]]
    dev = sum(it["split"] == "dev" for it in sel)
    print(f"  unanswerable: dev {dev}, test {len(sel) - dev}")
