"""`corpus-qa eval`: run the golden set through QAService, judge it, report, and gate.

Two runs on the same inputs write byte-identical results.json (latencies go to
timings.json). The exit code is non-zero when a metric falls below its floor in
evals/thresholds.toml, and every such metric is named.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

from tqdm import tqdm

from evals import metrics as m
from evals.dataset import GOLDEN, GoldenItem, load_calibration, load_golden
from qa.config import Settings
from qa.errors import CorpusQAError, IndexMissing
from qa.types import Answer, Mode
from qa.verify import Judge, split_claims

log = logging.getLogger(__name__)
THRESHOLDS = Path(__file__).parent / "thresholds.toml"


def make_judge(service) -> Judge:
    embedder = service.index.embedder
    return Judge(lambda texts: embedder.embed(list(texts)))


def judge_calibration(judge: Judge) -> dict:
    """Balanced accuracy of the judge on the labelled pairs, overall and per type."""
    by_type: dict[str, list[float]] = defaultdict(list)
    positives, negatives = [], []
    for pair in load_calibration():
        verdict = judge.judge(pair.claim, [pair.evidence])
        right = float(verdict.supported == pair.supported)
        by_type[pair.type].append(right)
        (positives if pair.supported else negatives).append(right)
    tpr = sum(positives) / len(positives)
    tnr = sum(negatives) / len(negatives)
    return {
        "balanced_accuracy": round((tpr + tnr) / 2, 4),
        "true_positive_rate": round(tpr, 4),
        "true_negative_rate": round(tnr, 4),
        "pairs": len(positives) + len(negatives),
        "per_type": {
            t: {"accuracy": round(sum(v) / len(v), 4), "n": len(v)}
            for t, v in sorted(by_type.items())
        },
    }


def open_service(settings: Settings, progress: bool = True):
    """The QA service over the configured index, ingesting the corpus first if it is missing."""
    from qa.service import QAService

    service = QAService(settings)
    try:
        service.readiness()
    except IndexMissing:
        from ingest.pipeline import ingest

        ingest(settings.corpus_dir, settings, progress=progress)
    return service


def _evidence_text(service, citation) -> str:
    """The cited passage, widened to include the quote (a quote may reach into context)."""
    passage = service.passage(citation.passage_id)
    text = service.document_text(citation.doc_id)
    return text[min(passage.start, citation.start) : max(passage.end, citation.end)]


def judge_answer(service, judge: Judge, answer: Answer, llm_judge=None) -> dict:
    claims = split_claims(answer.answer)
    by_id = {c.id: c for c in answer.citations}
    evidence = {c.id: _evidence_text(service, c) for c in answer.citations}
    verdicts, relevant, total_citations = [], 0, 0
    for claim in claims:
        cited = [i for i in claim.citation_ids if i in by_id]
        full = judge.judge(claim.text, [evidence[i] for i in cited])
        verdicts.append(
            {
                "claim": claim.text,
                "citations": cited,
                "supported": full.supported,
                "reason": full.reason,
            }
        )
        if llm_judge is not None:
            verdicts[-1]["llm_supported"] = llm_judge.supported(
                claim.text, [evidence[i] for i in cited]
            )
        for i in cited:  # ALCE citation precision
            total_citations += 1
            alone = judge.judge(claim.text, [evidence[i]]).supported
            others = [evidence[j] for j in cited if j != i]
            rest = judge.judge(claim.text, others).supported if others else False
            relevant += alone or (full.supported and not rest)
    valid = [service.document_text(c.doc_id)[c.start : c.end] == c.quote for c in answer.citations]
    return {
        "verdicts": verdicts,
        "relevant_citations": relevant,
        "citations": total_citations,
        "valid": valid,
    }


def evaluate(
    service,
    items: list[GoldenItem],
    judge: Judge,
    mode: Mode,
    progress: bool = True,
    llm_judge=None,
) -> tuple[dict, dict]:
    k = service.settings.top_k
    rows, latencies = [], {}
    for item in tqdm(items, desc="eval", unit="q", disable=not progress):
        began = time.perf_counter()
        try:
            answer = service.ask(item.question, history=item.history, mode=mode)
            error = None
        except CorpusQAError as exc:
            answer, error = None, f"{type(exc).__name__}: {exc}"
        latencies[item.id] = round((time.perf_counter() - began) * 1000, 1)
        rows.append(_score_item(service, judge, item, answer, error, k, llm_judge))
    return _aggregate(rows, k), {"latency_ms": latencies}


def _score_item(
    service,
    judge,
    item: GoldenItem,
    answer: Answer | None,
    error: str | None,
    k: int,
    llm_judge=None,
) -> dict:
    abstained = answer is None or answer.abstained
    text = answer.answer if answer else ""
    correct = (
        (not abstained and m.key_facts_present(text, item.key_facts))
        if item.answerable
        else abstained
    )
    row = {
        "id": item.id,
        "category": item.category,
        "answerable": item.answerable,
        "abstained": abstained,
        "correct": correct,
        "crag": m.crag(item.answerable, abstained, correct),
        "answer": text,
        "error": error,
    }
    if answer and item.answerable:
        ranked = [(p.doc_id, p.start, p.end) for p in answer.passages]
        gold = [(e.doc_id, e.start, e.end) for e in item.evidence]
        row["retrieval"] = {
            key: round(v, 4) for key, v in m.retrieval_scores(ranked, gold, k).items()
        }
    if answer and answer.verification is not None:  # LLM mode: what the judge did to its sentences
        row["llm_sentences"] = {"mode": answer.mode, **answer.verification}
    if answer and not abstained:
        judged = judge_answer(service, judge, answer, llm_judge)
        row.update(judged)
    return row


def _aggregate(rows: list[dict], k: int) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    abstained = [r for r in rows if r["abstained"]]
    answered = [r for r in rows if not r["abstained"]]
    verdicts = [v for r in answered for v in r.get("verdicts", [])]
    per_answer_faith = [
        sum(v["supported"] for v in r["verdicts"]) / len(r["verdicts"])
        for r in answered
        if r.get("verdicts")
    ]
    metrics = {
        "key_fact_accuracy": m.rate([r["correct"] for r in answerable]),
        "abstention_precision": m.rate([not r["answerable"] for r in abstained]),
        "abstention_recall": m.rate([r["abstained"] for r in rows if not r["answerable"]]),
        "false_abstention_rate": m.rate([r["abstained"] for r in answerable]),
        "crag_score": m.rate([r["crag"] for r in rows]),
        "faithfulness": m.rate(per_answer_faith),
        "claim_support_rate": m.rate([v["supported"] for v in verdicts]),
        "citation_recall": m.rate([v["supported"] and bool(v["citations"]) for v in verdicts]),
        "citation_precision": m.rate(
            [1.0] * sum(r.get("relevant_citations", 0) for r in answered)
            + [0.0] * sum(r.get("citations", 0) - r.get("relevant_citations", 0) for r in answered)
        ),
        "citation_validity": m.rate([v for r in answered for v in r.get("valid", [])]),
    }
    for key in ("hit", "recall", "mrr", "ndcg"):
        metrics[f"{key}_at_{k}"] = m.rate(
            [r["retrieval"][key] for r in answerable if "retrieval" in r]
        )
    per_category = {}
    for category in sorted({r["category"] for r in rows}):
        group = [r for r in rows if r["category"] == category]
        per_category[category] = {
            "n": len(group),
            "correct": m.rate([r["correct"] for r in group])["value"],
            "abstained": round(sum(r["abstained"] for r in group) / len(group), 4),
        }
    outcomes = {
        "items": len(rows),
        "answered": len(answered),
        "abstained": len(abstained),
        "errors": sum(r["error"] is not None for r in rows),
        "empty_answers": sum(not r["answer"].strip() for r in rows),
    }
    return {"metrics": metrics, "per_category": per_category, "outcomes": outcomes, "items": rows}


def _llm_judge_summary(llm_judge, results: dict) -> dict:
    from evals.llm_judge import calibrate

    verdicts = [v for r in results["items"] for v in r.get("verdicts", [])]
    parsed = [v for v in verdicts if v.get("llm_supported") is not None]
    return {
        "faithfulness": m.rate([v["llm_supported"] for v in parsed]),
        "agreement_with_deterministic_judge": m.rate(
            [v["llm_supported"] == v["supported"] for v in parsed]
        ),
        "unparsed_claims": len(verdicts) - len(parsed),
        "calibration": calibrate(llm_judge, load_calibration()),
    }


def llm_sentence_survival(rows: list[dict]) -> dict:
    """How far the LLM can be trusted here: the share of its sentences that the judge kept,
    and how often LLM mode fell back to extractive quotes."""
    counted = [r["llm_sentences"] for r in rows if "llm_sentences" in r]
    kept = sum(c.get("kept", 0) for c in counted)
    written = kept + sum(c.get("dropped", 0) + c.get("flagged", 0) for c in counted)
    return {
        "sentences_written": written,
        "sentences_kept": kept,
        "survival": round(kept / written, 4) if written else None,
        "answers_in_llm_mode": sum(c["mode"] == "llm" for c in counted),
        "fell_back_to_extractive": len(rows) - sum(c["mode"] == "llm" for c in counted),
    }


def load_thresholds(mode: Mode, path: Path = THRESHOLDS) -> dict[str, float]:
    with path.open("rb") as f:
        return tomllib.load(f).get(mode, {})


def gate(results: dict, thresholds: dict[str, float]) -> list[str]:
    """Every metric below its floor, as a readable line."""
    failures = []
    for name, floor in sorted(thresholds.items()):
        if name == "judge_balanced_accuracy":
            value = results["judge"]["balanced_accuracy"]
        else:
            value = results["metrics"].get(name, {}).get("value")
        if value is None or value < floor:
            failures.append(f"{name} = {value} is below its threshold {floor}")
    return failures


def run_eval(
    settings: Settings,
    dataset: Path = GOLDEN,
    mode: Mode = "extractive",
    progress: bool = True,
    llm_judge: bool = True,
):
    """The whole eval as data: (results, timings). Builds the index from the corpus if missing.
    With an LLM configured (and `llm_judge`), the LLM judge is reported beside the deterministic one."""
    service = open_service(settings, progress)
    documents = {d.doc_id: service.document(d.doc_id).text for d in service.documents()}
    items = load_golden(dataset, documents)
    judge = make_judge(service)
    second = None
    if llm_judge and settings.llm_configured:
        from evals.llm_judge import LLMJudge

        second = LLMJudge(settings)
    began = time.perf_counter()
    results, timings = evaluate(service, items, judge, mode, progress, second)
    results["judge"] = judge_calibration(judge)
    if second is not None:
        results["llm_judge"] = _llm_judge_summary(second, results)
    results["mode"] = mode
    if mode == "llm":
        results["llm_sentences"] = llm_sentence_survival(results["items"])
    results["dataset"] = {
        "path": dataset.name,
        "sha256": hashlib.sha256(dataset.read_bytes()).hexdigest(),
        "items": len(items),
    }
    latencies = list(timings["latency_ms"].values())
    timings["p50_ms"] = m.percentile(latencies, 50)
    timings["p95_ms"] = m.percentile(latencies, 95)
    timings["seconds"] = round(time.perf_counter() - began, 2)
    return results, timings


def write_outputs(results: dict, timings: dict, out: Path, failures: list[str]) -> None:
    from evals.report import chart, markdown

    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(
        json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "timings.json").write_text(
        json.dumps(timings, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (out / "report.md").write_text(markdown(results, timings, failures), encoding="utf-8")
    chart(results, out / "chart.png")


def main(
    settings: Settings,
    dataset: str | None,
    mode: Mode,
    out: Path,
    progress: bool = True,
    llm_judge: bool = True,
) -> int:
    from evals.report import summary_table

    results, timings = run_eval(
        settings, Path(dataset) if dataset else GOLDEN, mode, progress, llm_judge
    )
    failures = gate(results, load_thresholds(mode))
    write_outputs(results, timings, out, failures)
    print(summary_table(results, timings))
    print(f"\nwrote {out}/results.json, report.md, chart.png, timings.json")
    if failures:
        print("\nFAILED thresholds (evals/thresholds.toml):", file=sys.stderr)
        for line in failures:
            print(f"  - {line}", file=sys.stderr)
        return 1
    return 0
