"""`corpus-qa eval` and `corpus-qa fit`: every corpus in evals/data, fitted on dev
questions, reported on test, and leave-one-corpus-out (LOCO).

For each corpus (evals/dataset.py), its own index lives in `<data_dir>/evals/<corpus>`
(ingest is idempotent, so an unchanged corpus costs a metadata read; the ONNX export is
shared through settings.model_dir). Every question is asked through QAService and judged
by the same Judge as always. What the answerer tunes comes from `evals.fit.fit` as
settings overrides, and only ever from dev items:

- headline: fitted on the dev items of ALL corpora, scored on each corpus's test items
  (the dev items, scored too, are the in-sample figure beside it);
- LOCO (`--loco`): for each corpus C, fitted on the dev items of the other corpora and
  scored on ALL of C's items, none of which the fit saw.

`--corpus NAME` scores one corpus; the fit still uses every corpus's dev items, so a
corpus's figures are the same in a one-corpus run and in a full one.

Two runs on the same inputs write byte-identical results.json (latencies and wall times
go to timings.json). The exit code is non-zero when a figure falls below its floor in
evals/thresholds.toml, and each line names the corpus, the figure set and the metric.

results.json:
    mode, split ("dev" | "test" | "all"), loco (bool), complete (every corpus scored)
    judge        the deterministic judge on the labelled pairs (corpus-independent)
    llm_judge    only with an LLM configured: the LLM judge beside the deterministic one
    fit          {"headline": FIT, "loco": {corpus: FIT}};
                 FIT = {"trained_on": {corpus: dev items}, "overrides": {setting: value}}
    corpora      {corpus: {name, kind, description,
                           dataset: {path, sha256, items, dev, test},
                           documents: {count, sha256}, checks: [...], notes: [...],
                           test: FIGURES, dev: FIGURES, loco: FIGURES}}
                 (test/dev present as --split asks; loco with --loco and >= 2 corpora)
    FIGURES      {metrics: {name: {value, ci95: [lo, hi], n}},
                  per_category: {category: {n, correct, abstained, crag}},
                  per_everyday: {"everyday" | "plain": {n, correct, abstained, crag}},
                  outcomes: {items, answered, abstained, errors, empty_answers},
                  items: [one row per question: id, split, category, everyday, answerable,
                          abstained, correct, crag, answer, error, retrieval, verdicts,
                          lead_holds_key_fact (answered answerable ones; None: no lead), ...]}
                 correct / abstained / crag are rates with bootstrap 95% CIs (metrics.rate).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import sys
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tqdm import tqdm

from evals import metrics as m
from evals.dataset import DATA, SPLITS, Corpus, GoldenItem, load_calibration, load_corpora
from qa.answer.decide import PACKAGED
from qa.config import Settings
from qa.errors import CorpusQAError, DatasetError
from qa.types import Answer, Mode
from qa.verify import Judge, split_claims

log = logging.getLogger(__name__)
THRESHOLDS = Path(__file__).parent / "thresholds.toml"
SplitArg = Literal["dev", "test", "all"]
FitFn = Callable[[list[tuple[Any, list[GoldenItem]]], Settings], dict[str, Any]]
EVERY_CORPUS = "all_corpora"  # thresholds.toml: floors that apply to each corpus


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


# --- a corpus, ready to be asked --------------------------------------------------------------
@dataclass
class Bench:
    """A corpus over its own index, with one service per set of fitted overrides."""

    corpus: Corpus
    settings: Settings
    ingest_s: float
    services: dict[str, Any] = field(default_factory=dict)
    rows: dict[tuple[str, str], dict] = field(default_factory=dict)  # (overrides, id) -> row
    # (answer, citations) -> judge_answer's verdicts: the headline's and LOCO's decisions
    # often give the same answer, and the judge is deterministic
    judged: dict[tuple, dict] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)

    @property
    def service(self):
        """The service with the base settings (for the fit, which applies its own)."""
        return self.service_for({})

    def service_for(self, overrides: dict[str, Any]):
        from qa.service import QAService

        base = _key({})
        if base not in self.services:
            self.services[base] = QAService(self.settings)
        key = _key(overrides)
        if key not in self.services:  # one Chroma client per index, shared
            settings = self.settings.model_copy(update=overrides)
            self.services[key] = QAService(settings, store=self.services[base].store)
        return self.services[key]


def _key(overrides: dict[str, Any]) -> str:
    return json.dumps(overrides, sort_keys=True)


def corpus_settings(settings: Settings, corpus: Corpus) -> Settings:
    """The corpus's own embedded index under the data dir, sharing the model exports."""
    return settings.model_copy(
        update={
            "data_dir": settings.data_dir / "evals" / corpus.slug,
            "model_dir": settings.model_cache_dir,
            "corpus_dir": corpus.docs,
            # The eval's indexes are private to it, never a configured Chroma server's.
            "chroma_url": None,
        }
    )


def open_bench(settings: Settings, corpus: Corpus, progress: bool = True) -> Bench:
    """Ingest the corpus into its own index (nothing to do when it is unchanged)."""
    from ingest.pipeline import ingest

    own = corpus_settings(settings, corpus)
    began = time.perf_counter()
    report = ingest(corpus.docs, own, progress=progress)
    if report.skipped:
        raise DatasetError(f"{corpus.docs}: ingest skipped {report.skipped}")
    return Bench(corpus, own, round(time.perf_counter() - began, 2))


# --- asking and judging ---------------------------------------------------------------------------
def _evidence_text(service, citation, text: str) -> str:
    """The cited passage of the document `text`, widened to include the quote (a quote may
    reach into context)."""
    passage = service.passage(citation.passage_id)
    return text[min(passage.start, citation.start) : max(passage.end, citation.end)]


def judge_answer(service, judge: Judge, answer: Answer, llm_judge=None) -> dict:
    claims = split_claims(answer.answer)
    by_id = {c.id: c for c in answer.citations}
    # each cited document read once (a store read and a version check each)
    texts = {d: service.document_text(d) for d in {c.doc_id for c in answer.citations}}
    evidence = {c.id: _evidence_text(service, c, texts[c.doc_id]) for c in answer.citations}
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
    valid = [texts[c.doc_id][c.start : c.end] == c.quote for c in answer.citations]
    return {
        "verdicts": verdicts,
        "relevant_citations": relevant,
        "citations": total_citations,
        "valid": valid,
    }


def ask_all(
    bench: Bench,
    items: list[GoldenItem],
    overrides: dict[str, Any],
    judge: Judge,
    mode: Mode,
    progress: bool = True,
    llm_judge=None,
    label: str = "eval",
) -> list[dict]:
    """One judged row per item, asked through the service with `overrides` applied.
    Answers are deterministic, so an item asked under the same overrides twice (LOCO and
    the headline often fit the same values) is answered once; and an extractive answer
    reuses the question's candidates as the fit gathered them (`_gathered`)."""
    service = bench.service_for(overrides)
    key = _key(overrides)
    rows = []
    for item in tqdm(items, desc=label, unit="q", disable=not progress):
        if (key, item.id) not in bench.rows:
            began = time.perf_counter()
            gathered_ms = 0.0
            try:
                reuse = mode == "extractive" and set(overrides) <= {"answer_model"}
                prepared = _gathered(bench, item) if reuse else None
                if prepared is not None:
                    gathered_ms = sum(prepared.timings.values())
                answer = service.ask(
                    item.question, history=item.history, mode=mode, prepared=prepared
                )
                error = None
            except CorpusQAError as exc:
                answer, error = None, f"{type(exc).__name__}: {exc}"
            elapsed = (time.perf_counter() - began) * 1000 + gathered_ms
            bench.latency_ms.setdefault(item.id, round(elapsed, 1))
            bench.rows[(key, item.id)] = _score_item(
                service, judge, item, answer, error, service.settings.top_k, llm_judge,
                bench.judged,
            )  # fmt: skip
        rows.append(bench.rows[(key, item.id)])
    return rows


def _gathered(bench: Bench, item: GoldenItem):
    """The item's candidates, unscored, gathered once per corpus however many decisions ask
    it (the headline's, the left-out corpus's): retrieval and features do not depend on the
    decision (only the answer model is overridden), so they come from the fit's cache
    (`evals.fit.prepare`), which the fit filled for the dev items. None for a question that
    `ask` would change (surrounding space), so that it is always of the very question asked. (Measured with cProfile on
    `corpus-qa eval --loco`: 2429 preparations for 971 questions were 789 s of 2227 s.)"""
    from evals.fit import prepare

    if bench.service.validate_question(item.question) != item.question:
        return None  # raised as `ask` would raise, or not the very question asked
    return prepare(bench.service, item, bench.settings.top_k)


def _score_item(
    service,
    judge,
    item: GoldenItem,
    answer: Answer | None,
    error: str | None,
    k: int,
    llm_judge=None,
    judged: dict[tuple, dict] | None = None,
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
        "split": getattr(item, "split", None),
        "category": item.category,
        "everyday": getattr(item, "everyday", None),
        "answerable": item.answerable,
        "abstained": abstained,
        "correct": correct,
        "crag": m.crag(item.answerable, abstained, correct),
        "answer": text,
        "error": error,
    }
    if item.answerable and not abstained:
        row["lead_holds_key_fact"] = m.lead_holds_a_key_fact(text, item.key_facts)
    if answer and item.answerable:
        ranked = [(p.doc_id, p.start, p.end) for p in answer.passages]
        gold = [(e.doc_id, e.start, e.end) for e in item.evidence]
        row["retrieval"] = {
            key: round(v, 4) for key, v in m.retrieval_scores(ranked, gold, k).items()
        }
    if answer and answer.verification is not None:  # LLM mode: what the judge did to its sentences
        row["llm_sentences"] = {"mode": answer.mode, **answer.verification}
    if answer and not abstained:
        if judged is None or llm_judge is not None:
            row.update(judge_answer(service, judge, answer, llm_judge))
        else:
            seen = (answer.answer, tuple(c.model_dump_json() for c in answer.citations))
            if seen not in judged:
                judged[seen] = judge_answer(service, judge, answer)
            row.update(copy.deepcopy(judged[seen]))
    return row


def _group(rows: list[dict]) -> dict:
    return {
        "n": len(rows),
        "correct": m.rate([r["correct"] for r in rows]),
        "abstained": m.rate([r["abstained"] for r in rows]),
        "crag": m.rate([r["crag"] for r in rows]),
    }


def aggregate(rows: list[dict], k: int) -> dict:
    """The FIGURES of a set of judged rows (see the module docstring)."""
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
        # of the answerable questions answered with a lead, those whose lead holds a key
        # fact (measured, not gated: issue 15's "answers that read like answers")
        "lead_key_fact_rate": m.rate(
            [
                r["lead_holds_key_fact"]
                for r in answerable
                if r.get("lead_holds_key_fact") is not None
            ]
        ),
    }
    for key in ("hit", "recall", "mrr", "ndcg"):
        metrics[f"{key}_at_{k}"] = m.rate(
            [r["retrieval"][key] for r in answerable if "retrieval" in r]
        )
    per_category = {
        c: _group([r for r in rows if r["category"] == c])
        for c in sorted({r["category"] for r in rows})
    }
    per_everyday = {
        name: _group(group)
        for name, group in (
            ("everyday", [r for r in rows if r["everyday"]]),
            ("plain", [r for r in rows if not r["everyday"]]),
        )
        if group
    }
    outcomes = {
        "items": len(rows),
        "answered": len(answered),
        "abstained": len(abstained),
        "errors": sum(r["error"] is not None for r in rows),
        "empty_answers": sum(not r["answer"].strip() for r in rows),
    }
    return {
        "metrics": metrics,
        "per_category": per_category,
        "per_everyday": per_everyday,
        "outcomes": outcomes,
        "items": rows,
    }


def _llm_judge_summary(llm_judge, rows: list[dict]) -> dict:
    from evals.llm_judge import calibrate

    verdicts = [v for r in rows for v in r.get("verdicts", [])]
    parsed = [v for v in verdicts if v.get("llm_supported") is not None]
    return {
        "faithfulness": m.rate([v["llm_supported"] for v in parsed]),
        "agreement_with_deterministic_judge": m.rate(
            [v["llm_supported"] == v["supported"] for v in parsed]
        ),
        "unparsed_claims": len(verdicts) - len(parsed),
        "calibration": calibrate(llm_judge, load_calibration()),
    }


# --- fitting --------------------------------------------------------------------------------------
def _default_fit() -> FitFn:
    from evals import fit

    return fit.fit  # looked up per run, so the answerer's fit (or a test's) is the one used


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


def fit_on(fit: FitFn, benches: list[Bench], settings: Settings) -> dict:
    """FIT (see the module docstring) on the dev items of `benches`, and nothing else."""
    train = [(b.service, b.corpus.split("dev")) for b in benches if b.corpus.split("dev")]
    if not train:
        raise DatasetError(
            "nothing to fit on: no corpus among "
            f"{[b.corpus.slug for b in benches]} has dev questions"
        )
    overrides = fit(train, settings)
    unknown = sorted(set(overrides) - set(Settings.model_fields))
    if unknown:
        raise ValueError(f"evals.fit.fit returned unknown settings {unknown}")
    # The packaged decision was fitted on every corpus's dev items, the left-out one's too;
    # overrides that left it in place would leak it into LOCO.
    if not overrides.get("answer_model"):
        raise ValueError("evals.fit.fit must return the answer_model it fitted")
    return {
        "trained_on": {
            b.corpus.slug: len(b.corpus.split("dev")) for b in benches if b.corpus.split("dev")
        },
        "overrides": json.loads(json.dumps(overrides)),  # plain JSON values, as results.json
    }


# --- the run --------------------------------------------------------------------------------------
def run_eval(
    settings: Settings,
    root: Path = DATA,
    corpora: list[str] | None = None,
    split: SplitArg = "all",
    loco: bool = False,
    mode: Mode = "extractive",
    progress: bool = True,
    llm_judge: bool = True,
    fit: FitFn | None = None,
) -> tuple[dict, dict]:
    """The whole eval as data: (results, timings). Builds each corpus's index if missing."""
    began = time.perf_counter()
    fit = fit or _default_fit()
    pool = load_corpora(root)  # every corpus: the fit's dev items come from all of them
    known = [c.slug for c in pool]
    scored = list(dict.fromkeys(corpora)) if corpora else known
    if unknown := [slug for slug in scored if slug not in known]:
        raise DatasetError(
            f"unknown corpus {', '.join(unknown)}: the corpora in {root} are {', '.join(known)}"
        )
    benches = {c.slug: open_bench(settings, c, progress) for c in pool}
    first = benches[scored[0]].service
    judge = make_judge(first)
    second = None
    if llm_judge and settings.llm_configured:
        from evals.llm_judge import LLMJudge

        second = LLMJudge(settings)

    t_fit = time.perf_counter()
    headline = fit_on(fit, list(benches.values()), settings)
    fits = {"headline": headline, "loco": {}}
    fit_s = time.perf_counter() - t_fit
    out: dict[str, dict] = {}
    for slug in scored:
        bench = benches[slug]
        corpus = bench.corpus
        k = bench.settings.top_k
        entry = _describe(corpus)
        for part in SPLITS if split == "all" else (split,):
            rows = ask_all(
                bench, corpus.split(part), headline["overrides"], judge, mode, progress,
                second, f"{slug} {part}",
            )  # fmt: skip
            entry[part] = aggregate(rows, k)
        others = [b for s, b in benches.items() if s != slug and b.corpus.split("dev")]
        if loco and others:
            t_fit = time.perf_counter()
            fits["loco"][slug] = fitted = fit_on(fit, others, settings)
            fit_s += time.perf_counter() - t_fit
            rows = ask_all(
                bench, corpus.items, fitted["overrides"], judge, mode, progress, second,
                f"{slug} loco",
            )  # fmt: skip
            entry["loco"] = aggregate(rows, k)
        out[slug] = entry

    results = {
        "mode": mode,
        "split": split,
        "loco": loco,
        "complete": sorted(scored) == sorted(benches),
        "judge": judge_calibration(judge),
        "fit": fits,
        "corpora": out,
    }
    headline_rows = [r for e in out.values() for p in SPLITS if p in e for r in e[p]["items"]]
    if second is not None:
        results["llm_judge"] = _llm_judge_summary(second, headline_rows)
    if mode == "llm":
        results["llm_sentences"] = llm_sentence_survival(headline_rows)
    timings = {"seconds": round(time.perf_counter() - began, 2), "fit_s": round(fit_s, 2)}
    timings["corpora"] = {
        slug: {
            "ingest_s": benches[slug].ingest_s,
            "p50_ms": m.percentile(list(benches[slug].latency_ms.values()), 50),
            "p95_ms": m.percentile(list(benches[slug].latency_ms.values()), 95),
            "latency_ms": benches[slug].latency_ms,
        }
        for slug in scored
    }
    return results, timings


def _describe(corpus: Corpus) -> dict:
    digest = hashlib.sha256()
    for doc_id, text in sorted(corpus.documents.items()):
        digest.update(f"{doc_id}\x00{len(text)}\x00".encode() + text.encode("utf-8"))
    return {
        "name": corpus.name,
        "kind": corpus.kind,
        "description": corpus.description,
        "dataset": {
            "path": f"{corpus.slug}/{corpus.questions_path.name}",
            "sha256": hashlib.sha256(corpus.questions_path.read_bytes()).hexdigest(),
            "items": len(corpus.items),
            "dev": len(corpus.split("dev")),
            "test": len(corpus.split("test")),
        },
        "documents": {"count": len(corpus.documents), "sha256": digest.hexdigest()},
        "checks": corpus.checks,
        "notes": corpus.notes,
    }


# --- the gate -------------------------------------------------------------------------------------
def load_thresholds(mode: Mode, path: Path | None = None) -> dict:
    """The mode's table of evals/thresholds.toml: [mode.<corpus>], [mode.loco.<corpus>],
    [mode.all_corpora] (floors for every corpus's test figures) and judge_balanced_accuracy."""
    with (path or THRESHOLDS).open("rb") as f:
        return tomllib.load(f).get(mode, {})


def gate(results: dict, thresholds: dict) -> list[str]:
    """Every figure below its floor, as a line naming the corpus, the figures and the metric.
    A corpus with test figures but no floors of its own fails too (when the mode names any
    corpus), so a new corpus cannot slip past the gate."""
    failures = []
    floor = thresholds.get("judge_balanced_accuracy")
    if floor is not None and results["judge"]["balanced_accuracy"] < floor:
        value = results["judge"]["balanced_accuracy"]
        failures.append(f"judge judge_balanced_accuracy = {value} is below its threshold {floor}")
    every = thresholds.get(EVERY_CORPUS, {})
    named = {
        k: v
        for k, v in thresholds.items()
        if isinstance(v, dict) and k not in ("loco", EVERY_CORPUS)
    }
    loco = thresholds.get("loco", {})
    corpora = results["corpora"]
    for slug, entry in sorted(corpora.items()):
        if "test" in entry:
            if named and slug not in named:
                failures.append(
                    f"{slug} test: no floors; add a [{results['mode']}.{slug}] table to "
                    "evals/thresholds.toml, just under its measured baseline"
                )
            failures += _below(slug, "test", entry["test"], every | named.get(slug, {}))
        if "loco" in entry:
            failures += _below(slug, "loco", entry["loco"], loco.get(slug, {}))
    if results["complete"]:
        for slug in sorted(set(named) - set(corpora)):
            failures.append(f"{slug}: has floors but no figures (is evals/data/{slug} missing?)")
        if results["loco"]:
            for slug in sorted(set(loco) - {s for s, e in corpora.items() if "loco" in e}):
                failures.append(f"{slug} loco: has floors but no LOCO figures")
    return failures


def _below(slug: str, part: str, figures: dict, floors: dict[str, float]) -> list[str]:
    out = []
    for name, floor in sorted(floors.items()):
        value = figures["metrics"].get(name, {}).get("value")
        if value is None:
            out.append(
                f"{slug} {part} {name} has no figure (nothing to measure it on, e.g. no answer "
                f"cited anything); its threshold is {floor}"
            )
        elif value < floor:
            out.append(f"{slug} {part} {name} = {value} is below its threshold {floor}")
    return out


# --- commands -------------------------------------------------------------------------------------
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
    out: Path,
    root: Path = DATA,
    corpora: list[str] | None = None,
    split: SplitArg = "all",
    loco: bool = False,
    mode: Mode = "extractive",
    progress: bool = True,
    llm_judge: bool = True,
    thresholds: Path | None = None,
) -> int:
    from evals.report import summary_table

    results, timings = run_eval(settings, root, corpora, split, loco, mode, progress, llm_judge)
    failures = gate(results, load_thresholds(mode, thresholds))
    write_outputs(results, timings, out, failures)
    print(summary_table(results, timings))
    print(f"\nwrote {out}/results.json, report.md, chart.png, timings.json")
    if split == "dev":
        print("note: --split dev scores no test items, so only LOCO figures are gated")
    if failures:
        print("\nFAILED thresholds (evals/thresholds.toml):", file=sys.stderr)
        for line in failures:
            print(f"  - {line}", file=sys.stderr)
        return 1
    return 0


def fit_main(
    settings: Settings, root: Path = DATA, out: Path = PACKAGED, progress: bool = True
) -> int:
    """`corpus-qa fit`: fit the answer decision on the dev items of every corpus and write
    it where the product reads it by default (qa/answer/decision.json)."""
    from evals.fit import fit_model

    benches = [open_bench(settings, c, progress) for c in load_corpora(root)]
    train = [(b.service, b.corpus.split("dev")) for b in benches if b.corpus.split("dev")]
    if not train:
        raise DatasetError("nothing to fit on: no corpus has dev questions")
    model = fit_model(
        train, settings, names=[b.corpus.slug for b in benches if b.corpus.split("dev")]
    )
    model.save(out)
    print(
        f"fitted on {model.fitted['items']} dev questions of {', '.join(model.fitted['corpora'])}"
    )
    print(
        f"  dev key-fact accuracy {model.fitted.get('dev_key_fact_accuracy')}, abstention "
        f"precision {model.fitted.get('dev_abstention_precision')} / recall "
        f"{model.fitted.get('dev_abstention_recall')}, CRAG {model.fitted['dev_crag']}; "
        f"abstain below {model.abstain_below}, "
        f"companions at {model.companion_ratio} / {model.other_document_ratio}, "
        f"rules {model.rules or 'none'}"
    )
    print(f"wrote {out}")
    return 0
