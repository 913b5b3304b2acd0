"""PDF reading against the text path, for `make bench` (issue 16's throughput goal).

The goal: the full ingest of a PDF within 1.2x of the ingest of the same text from a .txt
file, i.e. the reader is not the bottleneck. Two measurements:

* `bench_pdf_reader`: the reader alone. A PDF written by reportlab (a heading and wrapped
  paragraphs per page, made of the seeds' paragraphs), read by `ingest.formats.read`;
  pages/s and chars/s, against reading the very text it yields from a .txt file.
* `bench_pdf_ingest`: the whole ingest (`ingest.pipeline.ingest`) of that PDF against the
  .txt holding its exact text, so both produce the same passages and embed the same
  tokens. Paired runs, median of time ratios (as benchmarks/run.py does). It reports
  `{"wired": False}` until the pipeline reads .pdf files.

From benchmarks/run.py:  `results["formats"] = bench_formats(work, quick=args.quick,
settings_for=lambda name: bench_settings(work, name))`, and `markdown_lines(...)`.
Alone (reader only, a few seconds): `python -m benchmarks.formats [--pages N]`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOAL_RATIO = 1.2


def _paragraphs() -> list[str]:
    return [
        p.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 80
    ]


def make_pdf(path: Path, pages: int, seed: int = 7) -> Path:
    """A `pages`-page PDF: per page a heading and ~2,000 characters of wrapped paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    rng = random.Random(seed)
    paragraphs = _paragraphs()
    styles = getSampleStyleSheet()
    story = []
    for n in range(1, pages + 1):
        story.append(Paragraph(f"Report {n}", styles["Heading1"]))
        size = 0
        while size < 2000:
            text = rng.choice(paragraphs)[:700]
            story.append(Paragraph(escape(text), styles["BodyText"]))
            size += len(text)
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story[:-1])
    return path


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def bench_pdf_reader(work: Path, pages: int = 100, repeats: int = 5) -> dict:
    """The PDF reader's own throughput, and reading the same text from a .txt file."""
    from ingest.formats import read

    folder = work / "formats-reader"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pdf = make_pdf(folder / "report.pdf", pages)
    result = read(pdf, "report.pdf")  # also the warm-up (imports, PDFium's start)
    txt = folder / "report.txt"
    txt.write_text(result.text, encoding="utf-8")
    pdf_s = _median_seconds(lambda: read(pdf, "report.pdf"), repeats)
    txt_s = _median_seconds(lambda: read(txt, "report.txt"), repeats)
    chars = len(result.text)
    return {
        "pages": result.page_count,
        "chars": chars,
        "pdf_bytes": pdf.stat().st_size,
        "pdf_read_s": round(pdf_s, 4),
        "txt_read_s": round(txt_s, 5),
        "pages_per_s": round(result.page_count / pdf_s),
        "chars_per_s": round(chars / pdf_s),
        "ms_per_page": round(1000 * pdf_s / result.page_count, 2),
        "repeats": repeats,
    }


def bench_pdf_ingest(
    work: Path, settings_for: Callable[[str], object], pages: int = 30, repeats: int = 3
) -> dict:
    """Full ingest of the PDF vs the .txt of its exact text: the median paired time ratio."""
    from ingest import readers
    from ingest.formats import read
    from ingest.pipeline import ingest

    if ".pdf" not in readers.SUPPORTED_SUFFIXES:
        return {"wired": False, "note": "ingest.readers does not read .pdf yet"}
    folder = work / "formats-ingest"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "pdf").mkdir(parents=True)
    (folder / "txt").mkdir()
    pdf = make_pdf(folder / "pdf" / "report.pdf", pages)
    text = read(pdf, "report.pdf").text
    (folder / "txt" / "report.txt").write_text(text, encoding="utf-8")
    ingest(folder / "txt", settings_for("formats-warm-up"), progress=False)  # not timed
    runs: dict[str, list[float]] = {"pdf": [], "txt": []}
    passages = {}
    for r in range(repeats):
        order = ["pdf", "txt"] if r % 2 == 0 else ["txt", "pdf"]
        for kind in order:
            began = time.perf_counter()
            report = ingest(folder / kind, settings_for(f"formats-{kind}-{r}"), progress=False)
            runs[kind].append(time.perf_counter() - began)
            passages[kind] = report.passages_embedded
    ratio = statistics.median(p / t for p, t in zip(runs["pdf"], runs["txt"], strict=True))
    return {
        "wired": True,
        "pages": pages,
        "chars": len(text),
        "passages": passages,
        "ratio_pdf_vs_txt": round(ratio, 3),
        "goal": GOAL_RATIO,
        "meets_goal": ratio <= GOAL_RATIO,
        "seconds": {kind: [round(x, 2) for x in values] for kind, values in runs.items()},
    }


def bench_formats(
    work: Path, quick: bool = False, settings_for: Callable[[str], object] | None = None
) -> dict:
    results = {"pdf_reader": bench_pdf_reader(work, pages=30 if quick else 100)}
    if settings_for is not None:
        results["pdf_ingest"] = bench_pdf_ingest(
            work, settings_for, pages=10 if quick else 30, repeats=1 if quick else 3
        )
    return results


def markdown_lines(results: dict) -> list[str]:
    reader = results["pdf_reader"]
    lines = [
        "| PDF reader (pypdfium2) | value |",
        "| --- | --- |",
        f"| pages read | {reader['pages']} ({reader['chars']:,} characters) |",
        f"| pages/s | {reader['pages_per_s']:,} |",
        f"| characters/s | {reader['chars_per_s']:,} |",
        f"| ms per page | {reader['ms_per_page']} |",
        f"| same text from .txt | {reader['txt_read_s'] * 1000:.1f} ms vs "
        f"{reader['pdf_read_s'] * 1000:.1f} ms |",
    ]
    ingest = results.get("pdf_ingest")
    if ingest and ingest.get("wired"):
        verdict = "meets" if ingest["meets_goal"] else "misses"
        lines.append(
            f"| full ingest, PDF / .txt of the same text | {ingest['ratio_pdf_vs_txt']}x "
            f"({verdict} the {ingest['goal']}x goal) |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="The PDF reader's throughput (reader only).")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corpus-qa-formats-"))
    try:
        result = {"pdf_reader": bench_pdf_reader(work, args.pages, args.repeats)}
        print(json.dumps(result, indent=2))
        print("\n".join(markdown_lines(result)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
