"""`make bench-llm`: LLM mode against a real LLM server, timed as a user waits.

Starts llama-cpp-python's server with the packaged gemma-3-270m GGUF (tests/llm_server.py;
`make llm-server` builds it), asks golden-set questions in LLM mode through
`QAService.ask_stream`, and records per question:
- time to the final answer, and whether it fell back to extractive quotes (and why);
- time to the first verified sentence, when one was verified;
- how many of the model's sentences the judge kept and dropped.

Run only against the real server; never part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from qa import config  # noqa: F401  (offline environment first)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the server helpers are shared with the tests

# What the product did before fail fast: no stop sequences, no fail-fast rule, and a
# max_tokens of 512 whatever the question, so a model that went wrong was waited out.
BEFORE = {
    "llm_max_unverified_in_a_row": 0,
    "llm_stop_on_unknown_citation": False,
    "llm_stop_on_prompt_echo": False,
    "llm_stop_sequences": [],
    "llm_tokens_per_sentence": 512,
}


def _server_version(python: Path) -> str:
    import subprocess

    code = "import llama_cpp; print(llama_cpp.__version__)"
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True).stdout.strip()


def questions(limit: int) -> list[str]:
    from evals.dataset import GOLDEN

    rows = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]
    return [r["question"] for r in rows if not r.get("history")][:limit]


def ask_timed(service, question: str, server) -> dict:
    from qa.types import Answer

    cpu = sum(server.cpu_times()[:2])
    started = time.perf_counter()
    first_text = None
    final = None
    for item in service.ask_stream(question, mode="llm"):
        if isinstance(item, Answer):
            final = item
        elif item and first_text is None:
            first_text = time.perf_counter() - started
    total = time.perf_counter() - started
    counts = final.verification or {}
    verified = final.mode == "llm" and not final.abstained and counts.get("kept", 0) > 0
    outcome = "fallback" if final.mode == "extractive" else "llm"
    outcome = "abstained" if final.mode == "llm" and final.abstained else outcome
    return {
        "question": question,
        "seconds": round(total, 2),
        # The LLM server's CPU time for this answer: what it costs whatever else the
        # machine is doing (its wall time on 2 idle cores is about half of it, or less).
        "server_cpu_s": round(sum(server.cpu_times()[:2]) - cpu, 2),
        "outcome": outcome,
        "first_verified_s": round(first_text, 2) if verified and first_text else None,
        "kept": counts.get("kept", 0),
        "dropped": counts.get("dropped", 0) + counts.get("flagged", 0),
        "notice": final.notice,
    }


def run(label: str, service, qs: list[str], server) -> dict:
    service.ask("warm-up", mode="extractive")  # the embedding model, loaded once
    rows = [ask_timed(service, q, server) for q in qs]
    fallbacks = [r["seconds"] for r in rows if r["outcome"] == "fallback"]
    firsts = [r["first_verified_s"] for r in rows if r["first_verified_s"] is not None]
    kept = sum(r["kept"] for r in rows)
    written = kept + sum(r["dropped"] for r in rows)
    summary = {
        "label": label,
        "questions": len(rows),
        "answer_s": _stats([r["seconds"] for r in rows]),
        "server_cpu_s": _stats([r["server_cpu_s"] for r in rows]),
        "fallback_server_cpu_s": _stats(
            [r["server_cpu_s"] for r in rows if r["outcome"] == "fallback"]
        ),
        "fallbacks": len(fallbacks),
        "time_to_fallback_s": _stats(fallbacks),
        "time_to_first_verified_sentence_s": _stats(firsts),
        "sentences_written": written,
        "sentences_kept": kept,
        "survival": round(kept / written, 3) if written else None,
        "rows": rows,
    }
    print(json.dumps({k: v for k, v in summary.items() if k != "rows"}), flush=True)
    return summary


def _stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(values),
        "median": round(statistics.median(values), 2),
        "p95": round(p95, 2),
        "max": round(max(values), 2),
    }


HEADING = "## LLM mode against a real LLM server"


def _cell(stats: dict, key: str = "median") -> str:
    return "n/a" if not stats.get("n") else f"{stats[key]} / {stats['p95']}"


def section(results: dict, command: str) -> str:
    """The BENCHMARKS.md section: one row per configuration, then the eval's LLM-mode row."""
    load = ", ".join(f"{x:.1f}" for x in results["load_average"])
    lines = [
        HEADING,
        "",
        f"Measured {results['measured']} with `{command}`: llama-cpp-python {results['server']} "
        f"serving `{results['model']}` (the *base* gemma-3-270m, Q4_K_M) with `--api_key`, 2 "
        "threads, `OMP_WAIT_POLICY=PASSIVE`, n_ctx 4096; each answer through "
        "`QAService.ask_stream` in LLM mode. The machine's load average during the run was "
        f"{load} on 2 cores (other work was running), so the wall times are several times what "
        "an idle machine gives; the server's CPU seconds per answer depend far less on it.",
        "",
        "| configuration | questions | fell back | time to fallback s (median / p95) "
        "| server CPU s per answer (median / p95) | time to first verified sentence s "
        "| sentences written → verified |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in results["runs"]:
        share = "" if run["survival"] is None else f" ({run['survival']:.2f})"
        lines.append(
            f"| {run['label']} | {run['questions']} | {run['fallbacks']} "
            f"| {_cell(run['time_to_fallback_s'])} | {_cell(run['server_cpu_s'])} "
            f"| {_cell(run['time_to_first_verified_sentence_s'])} "
            f"| {run['sentences_written']} → {run['sentences_kept']}{share} |"
        )
    if ev := results.get("eval"):  # `corpus-qa eval --mode llm` against the same server
        lines += [
            "",
            f"The golden-set eval against the same server (`{ev['command']}`), beside the "
            "extractive run of the same set:",
            "",
            "| mode | key-fact accuracy | CRAG | faithfulness | answers in LLM mode "
            "| fell back to quotes | LLM sentences verified |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in ev["rows"]:
            lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    lines += ["", *[f"- {note}" for note in results.get("notes", [])]]
    return "\n".join(lines).rstrip() + "\n"


def write_section(text: str) -> None:
    """benchmarks/llm.md (which `make bench` appends), and the same section in BENCHMARKS.md."""
    (ROOT / "benchmarks" / "llm.md").write_text(text, encoding="utf-8")
    target = ROOT / "BENCHMARKS.md"
    current = target.read_text(encoding="utf-8")
    kept = current.split(HEADING, 1)[0].rstrip()
    target.write_text(kept + "\n\n" + text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="benchmarks/out/llm.json")
    parser.add_argument("--questions", type=int, default=12)
    parser.add_argument(
        "--before", type=int, default=4,
        help="also time this many questions the way the product answered before fail fast",
    )  # fmt: skip
    parser.add_argument(
        "--markdown", action="store_true",
        help="write the section into benchmarks/llm.md and BENCHMARKS.md",
    )  # fmt: skip
    args = parser.parse_args()

    import psutil
    from llm_server import llama_server, locate

    from ingest.pipeline import ingest
    from qa.config import Settings
    from qa.service import QAService

    files, why = locate()
    if files is None:
        print(why, file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench-llm-"))
    ingest(ROOT / "seeds", Settings(data_dir=work / "index"), progress=False)
    qs = questions(args.questions)
    results = {"measured": time.strftime("%Y-%m-%d"), "model": files.model.name, "runs": []}
    with llama_server(files, work / "llama.log") as llama:

        def service(**overrides) -> QAService:
            return QAService(
                Settings(
                    data_dir=work / "index", llm_provider="openai-like",
                    llm_base_url=f"{llama.url}/v1", llm_model=llama.model,
                    llm_api_key=llama.api_key, llm_timeout=120, **overrides,
                )
            )  # fmt: skip

        server = psutil.Process(llama.pid)
        results["runs"].append(run("fail fast (defaults)", service(), qs, server))
        if args.before:
            before = service(**BEFORE)
            results["runs"].append(run("before", before, qs[: args.before], server))
    results["load_average"] = os.getloadavg()
    results["server"] = _server_version(files.python)
    if args.markdown:
        write_section(section(results, "make bench-llm"))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
