"""Ingest against the bare libraries, in CPU time, so a figure taken on a shared machine
means what one taken idle does (`python -m benchmarks.ingest_pairs`).

Wall-clock ratios on a 2-core machine that other jobs load are noise: pairs inside one run
ranged from 0.35 to 2.08. So each side is timed twice, in wall time and in this process's
CPU time (`time.process_time`, which sums every thread: onnxruntime's and torch's pools,
Chroma's), the two sides run interleaved (bare, product, bare, product, ...), one pair per
repeat, and the figure is the median of the per-pair ratios with their spread.

The bare baseline is what a user of the bare libraries writes for the same passages:
`SentenceTransformer.encode` of the product's own passage texts, with the same packaged
model and sentence-transformers' default batch size (32), then `collection.add` of the
vectors and texts into a fresh persistent Chroma collection. The product side is
`ingest()` of the documents into a fresh data dir: reading, structure, chunking, token
counting, passage and sentence vectors, the corpus lexicon's word vectors, the writes and
the commit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from qa import config  # noqa: F401  (offline environment first)

ROOT = Path(__file__).resolve().parent.parent
EVAL_CORPORA = ("legal", "manual", "notes", "research", "techdoc")


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall s, CPU s) of one call. CPU time is the whole process's, all threads."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def spread(ratios: list[float]) -> dict:
    """Median of per-pair ratios, with min, max and the interquartile range."""
    qs = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    return {
        "median": round(statistics.median(ratios), 3),
        "min": round(min(ratios), 3),
        "max": round(max(ratios), 3),
        "iqr": [round(qs[0], 3), round(qs[2], 3)],
        "pairs": [round(r, 3) for r in ratios],
    }


def bare_ingest(texts: list[str], path: Path, batch_size: int = 32) -> None:
    """The bare libraries: sentence-transformers' encode, then a Chroma add."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from benchmarks.run import bare_model

    vectors = bare_model().encode(texts, batch_size=batch_size, normalize_embeddings=True)
    client = chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False)
    )
    coll = client.get_or_create_collection("bare")
    step = client.get_max_batch_size()
    for i in range(0, len(texts), step):
        coll.add(
            ids=[str(k) for k in range(i, min(i + step, len(texts)))],
            embeddings=vectors[i : i + step],
            documents=texts[i : i + step],
        )


def eval_corpus(folder: Path) -> None:
    """The seeds and the eval corpora's documents, one subfolder each."""
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    for name in EVAL_CORPORA:
        shutil.copytree(ROOT / "evals" / "data" / name / "docs", folder / name)


def ingest_pairs(corpus: Path, work: Path, repeats: int, settings_for) -> dict:
    """Interleaved pairs of (bare, product) on `corpus`, after one untimed warm-up of each."""
    from ingest.pipeline import ingest
    from qa.store import Store

    warm = settings_for("pairs-warm-up")
    shutil.rmtree(warm.data_dir, ignore_errors=True)
    report = ingest(corpus, warm, progress=False)
    texts = [p.text for p in Store(warm).iter_passages()]
    bare_ingest(texts, work / "bare-warm-up")
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "product": []}
    for r in range(repeats):
        runs["bare"].append(timed(lambda r=r: bare_ingest(texts, work / f"bare-{r}")))
        settings = settings_for(f"pairs-{r}")
        shutil.rmtree(settings.data_dir, ignore_errors=True)
        runs["product"].append(timed(lambda s=settings: ingest(corpus, s, progress=False)))
    cpu = [b[1] / p[1] for b, p in zip(runs["bare"], runs["product"], strict=True)]
    wall = [b[0] / p[0] for b, p in zip(runs["bare"], runs["product"], strict=True)]
    return {
        "documents": len(report.added),
        "passages": report.passages_embedded,
        "cpu_ratio": spread(cpu),
        "wall_ratio": spread(wall),
        "seconds": {
            name: {"wall": [round(w, 2) for w, _ in v], "cpu": [round(c, 2) for _, c in v]}
            for name, v in runs.items()
        },
    }


def markdown(name: str, result: dict) -> str:
    c, w = result["cpu_ratio"], result["wall_ratio"]
    med = {k: statistics.median(v["cpu"]) for k, v in result["seconds"].items()}
    return (
        f"| {name} ({result['documents']} documents, {result['passages']} passages) "
        f"| **{c['median']}×** ({c['min']}–{c['max']}, IQR {c['iqr'][0]}–{c['iqr'][1]}) "
        f"| {w['median']}× ({w['min']}–{w['max']}) "
        f"| {round(med['bare'], 2)} / {round(med['product'], 2)} |"
    )


def main() -> int:
    from benchmarks.run import synthetic_corpus
    from qa.config import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="a scratch folder (emptied)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--corpus", choices=["synthetic", "eval", "both"], default="both",
        help="synthetic: the 40 documents `make bench` ingests; eval: the seeds and the eval "
        "corpora's documents",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, default=None, help="write the results here too")
    parser.add_argument(
        "--models", type=Path, default=None, help="the ONNX export's folder (default: in --work)"
    )
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    models = args.models or args.work / "models"
    results = {}
    for name in ("synthetic", "eval") if args.corpus == "both" else (args.corpus,):
        corpus = args.work / f"corpus-{name}"
        synthetic_corpus(corpus, 40) if name == "synthetic" else eval_corpus(corpus)
        results[name] = ingest_pairs(
            corpus,
            args.work / name,
            args.repeats,
            lambda n, name=name: Settings(data_dir=args.work / name / n, model_dir=models),
        )
        print(json.dumps(results[name]), flush=True)
    print("| corpus | CPU-time ratio, bare / product: median (min–max, IQR) | wall-time ratio: "
          "median (min–max) | median CPU s, bare / product |\n|---|---|---|---|")  # fmt: skip
    for name, result in results.items():
        print(markdown(name, result))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
