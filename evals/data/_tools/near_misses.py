"""Add each corpus's near misses to its questions.jsonl: yes/no questions on the documents'
topic, in everyday words, that no document of the corpus answers ("Is there a phone app for
checking on my backups?").

Why they are a set of their own: the question sets were written with few of them (30
unanswerable yes/no questions against 187 answerable ones), while the probes written by
readers who had not seen the sets ask them as often as the answerable kind (29 against 30
on probes 65 to 67). The decision is fitted on the dev questions, so it learnt that a
yes/no question is nearly always answered.

Written by helpers who read only the corpus's documents and its questions (session 52),
one file per corpus: evals/data/<corpus>/near_misses.json, a list of {"question", "why"}.
They are appended after the corpus's own items, in a category of their own, alternating
dev and test in the file's order: no existing item changes its split, whichever build
script wrote it. `python -m evals.dataset --check` finds a corpus whose questions.jsonl
lacks them (a build script run without this tool after it).

Run: python evals/data/_tools/near_misses.py [CORPUS ...]   (default: every corpus with a
near_misses.json; idempotent: the old near misses are replaced)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
FILE = "near_misses.json"
CATEGORY = "near_miss"


def near_miss_items(folder: Path) -> list[dict]:
    """The corpus's near misses as question items, ids `<corpus>-nm-NN` (none without a
    near_misses.json)."""
    path = folder / FILE
    written = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return [
        {
            "id": f"{folder.name}-nm-{n:02d}",
            "split": ("dev", "test")[(n - 1) % 2],
            "category": CATEGORY,
            "question": q["question"],
            "history": [],
            "answerable": False,
            "everyday": False,  # no everyday_words.json entry: not checked absent word by word
            "reference_answer": f"Not given: {q['why']}",
            "key_facts": [],
            "evidence": [],
            "paraphrase_of": None,
        }
        for n, q in enumerate(written, start=1)
    ]


def add(folder: Path) -> int:
    """Rewrite the folder's questions.jsonl: its own items, then its near misses."""
    path = folder / "questions.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    own = [r for r in rows if r["category"] != CATEGORY]
    added = near_miss_items(folder)
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*own, *added]),
        encoding="utf-8",
    )
    return len(added)


def main(argv: list[str]) -> int:
    folders = [DATA / c for c in argv] or sorted(p.parent for p in DATA.glob(f"*/{FILE}"))
    for folder in folders:
        print(f"{folder.name}: {add(folder)} near misses")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
