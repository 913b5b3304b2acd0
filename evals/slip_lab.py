"""How well questions typed with a slip are answered, with and without reading slips.

    python -m evals.slip_lab [--split test] [--corpus NAME ...] [--out FILE]

People type fast, and a misspelt word ("vacine") is one no document uses: read as typed,
it is a specific word missing from the corpus, and the answerer refuses. `qa.spelling`
reads such a word as the corpus word it misses by one letter (`Settings.read_slips`).

For each question of the split, one of its words gets one slip: the longest word of five
or more letters that the corpus writes (what a question must match), with a letter left
out, added or changed, or two swapped, never the first letter (people rarely get that
wrong), drawn by a generator seeded by the question's id, and redrawn while the result is
a word of its own in English (wordfreq Zipf 3 or more: "form" for "from" is no slip).
Each question is then asked three ways with the packaged decision: as written, slipped
with slips read (the default), and slipped with `read_slips` off. Printed per corpus and
overall: key-fact accuracy over the answerable questions and the share of unanswerable
ones abstained on, each with a bootstrap 95% interval, and the paired change that reading
slips makes; and every correction made to a question of the split as written (each of
them, slipped or not), which should be none.

`qa.spelling` fits no parameter (its thresholds are on wordfreq's scale, see its docstring);
its guards were shaped by the false corrections this tool found, so a fresh set of
questions (one no guard was drawn from) is the check of them. `--split test` by default.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np

from evals import metrics as m
from evals.dataset import Corpus, load_corpora
from evals.run import open_bench
from qa.config import Settings
from qa.spelling import LETTERS, RARE_ZIPF, notice
from qa.text import STOPWORDS, WORD, zipf

_LONGEST_FIRST = 5  # letters: the word a slip goes into
_TRIES = 20


def slipped_word(word: str, rng: random.Random) -> str | None:
    """The word with one slip past its first letter, that is no English word of its own."""
    lower = word.lower()
    for _ in range(_TRIES):
        kind = rng.choice(("delete", "transpose", "replace", "insert"))
        at = rng.randrange(1, len(lower) - (kind == "transpose") + (kind == "insert"))
        if kind == "transpose":  # the letter at `at` and the next, both past the first
            out = lower[:at] + lower[at + 1] + lower[at] + lower[at + 2 :]
        elif kind == "delete":
            out = lower[:at] + lower[at + 1 :]
        elif kind == "replace":
            out = lower[:at] + rng.choice(LETTERS) + lower[at + 1 :]
        else:
            out = lower[:at] + rng.choice(LETTERS) + lower[at:]
        if out != lower and zipf(out) < RARE_ZIPF:
            return out.capitalize() if word[:1].isupper() else out
    return None


def slipped(question: str, vocabulary: dict[str, int], seed: str) -> str | None:
    """The question with one slip in its longest word that the corpus writes (None when it
    has no such word)."""
    found = [
        w
        for w in WORD.finditer(question)
        if len(w.group()) >= _LONGEST_FIRST
        and w.group().isalpha()
        and not w.group().isupper()
        and w.group().lower() not in STOPWORDS
        and w.group().lower() in vocabulary
    ]
    if not found:
        return None
    target = max(found, key=lambda w: len(w.group()))
    typo = slipped_word(target.group(), random.Random(seed))
    if typo is None:
        return None
    return question[: target.start()] + typo + question[target.end() :]


def _outcome(item, answer) -> float:
    if item.answerable:
        return float(not answer.abstained and m.key_facts_present(answer.answer, item.key_facts))
    return float(answer.abstained)


def _paired(before: list[float], after: list[float]) -> dict:
    """The mean change, with a percentile-bootstrap 95% interval over the questions."""
    diff = np.asarray(after) - np.asarray(before)
    if not len(diff):
        return {"value": None, "ci95": [None, None], "n": 0}
    return m.rate(diff.tolist())


def run(settings: Settings, corpora: list[Corpus], split: str) -> dict:
    rows: list[dict] = []
    corrected_as_written: list[tuple[str, str, str]] = []
    asked = 0
    for corpus in corpora:
        started = time.perf_counter()
        bench = open_bench(settings, corpus, progress=False)
        reading = bench.service_for({})
        plain = bench.service_for({"read_slips": False})
        snapshot = reading.index.snapshot()
        vocabulary = snapshot.lexicon.index if snapshot.lexicon is not None else {}
        for item in corpus.items:
            if item.split != split:
                continue
            asked += 1
            _, made = reading.as_read(item.question, snapshot)
            if made:  # a question as written, "corrected": there should be none
                corrected_as_written.append((item.id, item.question, notice(made)))
            typo = slipped(item.question, vocabulary, item.id)
            if typo is None:
                continue
            read = reading.ask(typo, item.history)
            rows.append(
                {
                    "corpus": corpus.slug,
                    "id": item.id,
                    "answerable": item.answerable,
                    "question": item.question,
                    "slipped": typo,
                    "notice": read.notice or "",
                    "written": _outcome(item, reading.ask(item.question, item.history)),
                    "read": _outcome(item, read),
                    "plain": _outcome(item, plain.ask(typo, item.history)),
                }
            )
        print(f"{corpus.slug}: {time.perf_counter() - started:.0f}s", flush=True)
    return {**summarise(rows), "asked": asked, "corrected_as_written": corrected_as_written}


def summarise(rows: list[dict]) -> dict:
    out: dict = {"rows": rows, "corpora": {}}
    for corpus in [None, *sorted({r["corpus"] for r in rows})]:
        mine = [r for r in rows if corpus is None or r["corpus"] == corpus]
        figures = {}
        for answerable, name in ((True, "key_fact"), (False, "abstained")):
            group = [r for r in mine if r["answerable"] is answerable]
            figures[name] = {
                way: m.rate([r[way] for r in group]) for way in ("written", "plain", "read")
            }
            figures[name]["reading_slips"] = _paired(
                [r["plain"] for r in group], [r["read"] for r in group]
            )
        out["corpora"][corpus or "ALL"] = figures
    return out


def _show(rate: dict, signed: bool = False) -> str:
    if rate["value"] is None:
        return "n/a"
    form = "{:+.3f}" if signed else "{:.3f}"
    lo, hi = (form.format(x) for x in rate["ci95"])
    return f"{form.format(rate['value'])} [{lo}, {hi}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--out", type=Path, help="write every question's outcomes here (JSON)")
    args = parser.parse_args()
    results = run(Settings(), load_corpora(names=args.corpus), args.split)
    for name, figures in results["corpora"].items():
        for measure, ways in figures.items():
            n = ways["written"]["n"]
            print(
                f"{name:12s} {measure:9s} n={n:3d}  as written {_show(ways['written'])}  "
                f"slipped {_show(ways['plain'])}  slips read {_show(ways['read'])}  "
                f"change {_show(ways['reading_slips'], signed=True)}"
            )
    found = results["corrected_as_written"]
    print(f"questions as written that were corrected: {len(found)} of {results['asked']}")
    for row in found:
        print("  ", *row)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
