"""A document with long runs of figures against the same document without them.

    python -m benchmarks.figure_runs

A CSV row, a version list or a table dumped as text gives a "sentence" of thousands of
characters of figures ("1,1,1,...", "0.1.2.3..."). The answer's figure patterns used to
backtrack into such a run from each of its groups: a question whose candidates held one
took 0.5 to 2 s (measured at 23c53d3). The ratio of the two documents' warm query times,
in the same run, says what the runs cost now (1.0: nothing).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from ingest.pipeline import ingest
from qa.config import Settings
from qa.service import QAService

PROSE = (
    "Readings from the test rig\n\n"
    "The rig ran for 3 days in March. Readings were taken every 10 minutes.\n\n"
)
RUNS = (
    "Version list: " + ".".join(str(i) for i in range(1500)) + "\n\n"
    "Raw values: " + ",".join(["1"] * 4000) + "\n"
)
QUESTIONS = [
    "How long did the rig run?",
    "How much did the readings cost?",
    "When were the readings taken?",
]
REPEATS = 7


def median_ms(text: str, root: Path, models: Path) -> dict[str, float]:
    """The median warm time of each question over a corpus of the one document."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "data.txt").write_text(text, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=docs, model_dir=models)
    ingest(docs, settings, progress=False)
    service = QAService(settings)
    out = {}
    for question in QUESTIONS:
        service.ask(question)  # warm
        times = []
        for _ in range(REPEATS):
            began = time.perf_counter()
            service.ask(question)
            times.append((time.perf_counter() - began) * 1000)
        out[question] = statistics.median(times)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        models = Path(tmp) / "models"
        plain = median_ms(PROSE, Path(tmp) / "plain", models)
        runs = median_ms(PROSE + RUNS, Path(tmp) / "runs", models)
    print(f"{'question':36} {'plain ms':>9} {'with runs ms':>13} {'ratio':>6}")
    for question in QUESTIONS:
        ratio = runs[question] / plain[question]
        print(f"{question:36} {plain[question]:9.1f} {runs[question]:13.1f} {ratio:6.2f}")


if __name__ == "__main__":
    main()
