"""How the structure pass grows with a document's length.

    PYTHONPATH=$PWD python -m benchmarks.structure_scaling [--lines 8000 16000 32000]

Four synthetic documents per length: a block of labelled fields padded to one column (an
inventory; no blank line between them), the same with one space after each label (a log
of key-value lines), a text table whose rows' last cells wrap over two more lines (each
row read against the first line of the row above), and a run of one-line paragraphs.
Prints the median of 3 timings of `ingest.structure.analyse` per length and the growth
from each length to the next: linear work doubles when the lines double, quadratic work
quadruples. A ratio within one run, so the machine's speed cancels out.
"""

from __future__ import annotations

import argparse
import statistics
import time

from ingest.structure import analyse


def fields(n: int) -> str:
    return "INVENTORY\n\n" + "\n".join(
        f"Item {i} code:   value {i} for the record" for i in range(n)
    )


def plain_fields(n: int) -> str:
    return "INVENTORY\n\n" + "\n".join(f"Name {i}: Bob" for i in range(n))


def text_table(n: int) -> str:
    rows = (
        f"{f'Reagent {i}':<18}{'RT':<10}6 months\n{'':28}in the dark,\n{'':28}away from acids"
        for i in range(n // 3)
    )
    return f"STORAGE\n\n{'Reagent':<18}{'Storage':<10}Kept for\n" + "\n".join(rows)


def paragraphs(n: int) -> str:
    return "\n\n".join(f"Paragraph {i} says something about the topic at hand." for i in range(n))


def seconds(text: str, repeats: int = 3) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        analyse(text)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[8000, 16000, 32000])
    args = parser.parse_args()
    analyse("Warm up.\n")  # imports and Punkt's first load are no part of the pass
    documents = (
        ("fields", fields),
        ("fields, one space", plain_fields),
        ("text table", text_table),
        ("paragraphs", paragraphs),
    )
    for name, make in documents:
        before = None
        for n in args.lines:
            took = seconds(make(n))
            growth = f"  x{took / before[1]:.1f} for x{n / before[0]:.0f} lines" if before else ""
            print(f"{name:17s} {n:6d} lines  {took:6.2f} s{growth}", flush=True)
            before = (n, took)


if __name__ == "__main__":
    main()
