"""The eval's human outputs: a terminal table, a Markdown report, a per-category chart."""

from __future__ import annotations

from pathlib import Path


def _fmt(metric: dict) -> str:
    if metric["value"] is None:
        return "n/a (n=0)"
    lo, hi = metric["ci95"]
    return f"{metric['value']:.3f}  [{lo:.3f}, {hi:.3f}]  n={metric['n']}"


def _survival(s: dict) -> str:
    share = "n/a" if s["survival"] is None else f"{s['survival']:.3f}"
    return (
        f"{share} ({s['sentences_kept']} of {s['sentences_written']} sentences verified); "
        f"{s['answers_in_llm_mode']} answers in LLM mode, {s['fell_back_to_extractive']} fell "
        "back to extractive quotes"
    )


def summary_table(results: dict, timings: dict) -> str:
    lines = [
        f"mode: {results['mode']}   items: {results['dataset']['items']}   outcomes: {results['outcomes']}",
        "",
    ]
    lines.append(f"{'metric':<24} value  [95% CI]")
    for name, metric in results["metrics"].items():
        lines.append(f"{name:<24} {_fmt(metric)}")
    judge = results["judge"]
    lines.append(
        f"{'judge balanced acc.':<24} {judge['balanced_accuracy']:.3f}  ({judge['pairs']} labelled pairs)"
    )
    lines.append(f"{'latency p50 / p95':<24} {timings['p50_ms']} / {timings['p95_ms']} ms")
    if survival := results.get("llm_sentences"):
        lines.append(f"{'LLM sentences kept':<24} {_survival(survival)}")
    if llm := results.get("llm_judge"):
        lines.append(
            f"{'LLM judge (optional)':<24} faithfulness {_fmt(llm['faithfulness'])}; agreement "
            f"{_fmt(llm['agreement_with_deterministic_judge'])}; calibration {llm['calibration']}"
        )
    return "\n".join(lines)


def markdown(results: dict, timings: dict, failures: list[str]) -> str:
    out = [f"# Faithfulness eval ({results['mode']} mode)", ""]
    out.append(
        f"Dataset `{results['dataset']['path']}` ({results['dataset']['items']} items, sha256 "
        f"`{results['dataset']['sha256'][:12]}`). Outcomes: {results['outcomes']}."
    )
    out += ["", "| metric | value | 95% CI | n |", "|---|---|---|---|"]
    for name, metric in results["metrics"].items():
        value = "n/a" if metric["value"] is None else f"{metric['value']:.3f}"
        ci = "" if metric["value"] is None else f"{metric['ci95'][0]:.3f} – {metric['ci95'][1]:.3f}"
        out.append(f"| {name} | {value} | {ci} | {metric['n']} |")
    out.append(f"| latency p50 / p95 (ms) | {timings['p50_ms']} / {timings['p95_ms']} | | |")
    out += [
        "",
        "## Per category",
        "",
        "| category | n | correct | abstained |",
        "|---|---|---|---|",
    ]
    for cat, row in results["per_category"].items():
        out.append(f"| {cat} | {row['n']} | {row['correct']:.3f} | {row['abstained']:.3f} |")
    judge = results["judge"]
    out += [
        "",
        "## The judge, measured",
        "",
        f"Balanced accuracy {judge['balanced_accuracy']:.3f} on {judge['pairs']} labelled pairs "
        f"(TPR {judge['true_positive_rate']:.3f}, TNR {judge['true_negative_rate']:.3f}).",
        "",
        "| pair type | accuracy | n |",
        "|---|---|---|",
    ]
    out += [f"| {t} | {v['accuracy']:.3f} | {v['n']} |" for t, v in judge["per_type"].items()]
    if survival := results.get("llm_sentences"):
        out += ["", "## The LLM's sentences", "", _survival(survival) + "."]
    if llm := results.get("llm_judge"):
        out += [
            "",
            "## The optional LLM judge",
            "",
            f"Faithfulness {_fmt(llm['faithfulness'])}; agreement with the deterministic judge "
            f"{_fmt(llm['agreement_with_deterministic_judge'])}; unparsed claims {llm['unparsed_claims']}; "
            f"on the calibration set: {llm['calibration']}.",
        ]
    wrong = [r for r in results["items"] if not r["correct"]]
    out += ["", f"## Items not answered correctly ({len(wrong)})", ""]
    for r in wrong:
        what = "abstained" if r["abstained"] else "answered"
        out.append(
            f"- `{r['id']}` ({r['category']}, {what}): {r['answer'][:160].replace(chr(10), ' ')}"
        )
    unsupported = [
        (r["id"], v) for r in results["items"] for v in r.get("verdicts", []) if not v["supported"]
    ]
    out += ["", f"## Unsupported claims ({len(unsupported)})", ""]
    out += [f"- `{i}`: “{v['claim'][:120]}”: {v['reason']}" for i, v in unsupported]
    out += ["", "## Gate", ""]
    out += [f"- FAILED: {f}" for f in failures] or ["All metrics at or above their thresholds."]
    return "\n".join(out) + "\n"


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = list(results["per_category"])
    correct = [results["per_category"][c]["correct"] for c in cats]
    abstained = [results["per_category"][c]["abstained"] for c in cats]
    fig, ax = plt.subplots(figsize=(9, 4), dpi=100)
    xs = range(len(cats))
    ax.bar([x - 0.2 for x in xs], correct, width=0.4, label="correct")
    ax.bar([x + 0.2 for x in xs], abstained, width=0.4, label="abstained")
    ax.set_xticks(list(xs), [c.replace("_", "\n") for c in cats], fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_title(f"corpus-qa eval per category ({results['mode']} mode)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
