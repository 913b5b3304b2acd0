"""The eval's human outputs: a terminal table, a Markdown report and a chart, per corpus.

The structure they read is results.json's, documented in evals/run.py.
"""

from __future__ import annotations

from pathlib import Path

PARTS = (("test", "test"), ("dev", "dev (in-sample)"), ("loco", "LOCO"))
HEADLINE = {  # metric -> short label for the terminal
    "crag_score": "CRAG",
    "key_fact_accuracy": "key-fact",
    "abstention_recall": "abstain-R",
    "abstention_precision": "abstain-P",
    "citation_validity": "cite-valid",
}


def _fmt(metric: dict | None, n: bool = True) -> str:
    if not metric or metric["value"] is None:
        return "n/a"
    lo, hi = metric["ci95"]
    return f"{metric['value']:.3f} [{lo:.2f}, {hi:.2f}]" + (f" n={metric['n']}" if n else "")


def _parts(entry: dict) -> list[tuple[str, str]]:
    return [(key, label) for key, label in PARTS if key in entry]


def _survival(s: dict) -> str:
    share = "n/a" if s["survival"] is None else f"{s['survival']:.3f}"
    return (
        f"{share} ({s['sentences_kept']} of {s['sentences_written']} sentences verified); "
        f"{s['answers_in_llm_mode']} answers in LLM mode, {s['fell_back_to_extractive']} fell "
        "back to extractive quotes"
    )


def summary_table(results: dict, timings: dict) -> str:
    lines = [f"mode: {results['mode']}   split: {results['split']}   loco: {results['loco']}", ""]
    for slug, entry in results["corpora"].items():
        ds = entry["dataset"]
        lines.append(
            f"{slug} ({entry['kind']}; {ds['items']} questions: {ds['dev']} dev, {ds['test']} test)"
        )
        for key, label in _parts(entry):
            figures = entry[key]
            shown = "  ".join(
                f"{short} {_fmt(figures['metrics'][name], n=False)}"
                for name, short in HEADLINE.items()
            )
            lines.append(f"  {label:<16} {shown}  n={figures['outcomes']['items']}")
        for line in entry["checks"]:
            lines.append(f"  dataset check: {line}")
    judge = results["judge"]
    lines += [
        "",
        f"judge balanced accuracy {judge['balanced_accuracy']:.3f} ({judge['pairs']} labelled pairs)",
        f"fitted (dev of {', '.join(results['fit']['headline']['trained_on'])}): "
        f"{results['fit']['headline']['overrides']}",
        f"wall time {timings['seconds']} s (fit {timings['fit_s']} s)",
    ]
    if llm := results.get("llm_judge"):
        lines.append(
            f"LLM judge (optional): faithfulness {_fmt(llm['faithfulness'])}; agreement "
            f"{_fmt(llm['agreement_with_deterministic_judge'])}; calibration {llm['calibration']}"
        )
    return "\n".join(lines)


def _cell(metric: dict | None) -> str:
    if not metric or metric["value"] is None:
        return "n/a"
    lo, hi = metric["ci95"]
    return f"{metric['value']:.3f} ({lo:.2f}–{hi:.2f}, n={metric['n']})"


def _group_table(entry: dict, field: str, title: str) -> list[str]:
    parts = _parts(entry)
    keys = sorted({k for key, _ in parts for k in entry[key][field]})
    if not keys:
        return []
    head = " | ".join(f"{label}: correct | {label}: abstained" for _, label in parts)
    out = ["", f"#### {title}", "", f"| {field.split('_')[1]} | {head} |"]
    out.append("|---" * (1 + 2 * len(parts)) + "|")
    for k in keys:
        cells = []
        for key, _ in parts:
            group = entry[key][field].get(k)
            cells += [_cell(group["correct"]), _cell(group["abstained"])] if group else ["", ""]
        out.append(f"| {k} | " + " | ".join(cells) + " |")
    return out


def markdown(results: dict, timings: dict, failures: list[str]) -> str:
    fit = results["fit"]
    out = [
        f"# corpus-qa eval ({results['mode']} mode)",
        "",
        "Fitted on dev questions only. **test**: fitted on the dev questions of every corpus, "
        "scored on this corpus's test questions (the headline). **dev**: the same fit scored "
        "on the dev questions it saw (in-sample). **LOCO**: fitted on the other corpora's dev "
        "questions, scored on all of this corpus's questions. Rates carry bootstrap 95% CIs.",
        "",
        "## Summary",
        "",
        "| corpus | kind | questions (dev/test) | "
        + " | ".join(f"{label} CRAG" for _, label in PARTS)
        + " | test key-fact | test citation validity |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for slug, entry in results["corpora"].items():
        ds = entry["dataset"]
        crag = [
            _cell(entry[key]["metrics"]["crag_score"]) if key in entry else "—" for key, _ in PARTS
        ]
        test = entry.get("test", {}).get("metrics", {})
        out.append(
            f"| {slug} | {entry['kind']} | {ds['items']} ({ds['dev']}/{ds['test']}) | "
            + " | ".join(crag)
            + f" | {_cell(test.get('key_fact_accuracy'))} | {_cell(test.get('citation_validity'))} |"
        )
    for slug, entry in results["corpora"].items():
        ds = entry["dataset"]
        parts = _parts(entry)
        out += [
            "",
            f"## {slug}: {entry['name']}",
            "",
            f"{entry['kind']}. {entry['description']}".strip(),
            "",
            f"`{ds['path']}` (sha256 `{ds['sha256'][:12]}`): {ds['items']} questions, "
            f"{ds['dev']} dev, {ds['test']} test; {entry['documents']['count']} documents.",
            "",
            "| metric | " + " | ".join(label for _, label in parts) + " |",
            "|---" * (1 + len(parts)) + "|",
        ]
        for name in entry[parts[0][0]]["metrics"] if parts else []:
            out.append(
                f"| {name} | "
                + " | ".join(_cell(entry[k]["metrics"][name]) for k, _ in parts)
                + " |"
            )
        out += _group_table(entry, "per_category", "Per kind of question")
        out += _group_table(entry, "per_everyday", "Everyday words against the documents' words")
        if entry["checks"] or entry["notes"]:
            out += ["", "#### Dataset checks", ""]
            out += [f"- rule: {line}" for line in entry["checks"]]
            out += [f"- note: {line}" for line in entry["notes"]]
        for key, label in parts:
            wrong = [r for r in entry[key]["items"] if not r["correct"]]
            out += ["", f"#### {label}: not answered correctly ({len(wrong)})", ""]
            for r in wrong:
                what = "abstained" if r["abstained"] else "answered"
                text = r["answer"][:160].replace("\n", " ")
                out.append(f"- `{r['id']}` ({r['category']}, {what}): {text}")
            unsupported = [
                (r["id"], v)
                for r in entry[key]["items"]
                for v in r.get("verdicts", [])
                if not v["supported"]
            ]
            if unsupported:
                out += ["", f"#### {label}: unsupported claims ({len(unsupported)})", ""]
                out += [f"- `{i}`: “{v['claim'][:120]}”: {v['reason']}" for i, v in unsupported]
    out += ["", "## The fit", ""]
    out.append(
        f"- headline, trained on {fit['headline']['trained_on']}: {fit['headline']['overrides']}"
    )
    for slug, f in fit["loco"].items():
        out.append(f"- LOCO for {slug}, trained on {f['trained_on']}: {f['overrides']}")
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
            f"{_fmt(llm['agreement_with_deterministic_judge'])}; unparsed claims "
            f"{llm['unparsed_claims']}; on the calibration set: {llm['calibration']}.",
        ]
    out += ["", "## Timings", ""]
    out.append(f"Wall time {timings['seconds']} s, of which fitting {timings['fit_s']} s.")
    for slug, t in timings["corpora"].items():
        out.append(
            f"- {slug}: ingest {t['ingest_s']} s; latency p50 / p95 {t['p50_ms']} / {t['p95_ms']} ms"
        )
    out += ["", "## Gate", ""]
    out += [f"- FAILED: {f}" for f in failures] or ["All figures at or above their thresholds."]
    return "\n".join(out) + "\n"


def chart(results: dict, path: Path) -> None:
    """One panel per corpus: the share answered correctly per kind of question, test and
    LOCO side by side, with 95% intervals."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    corpora = list(results["corpora"].items())
    fig, axes = plt.subplots(
        len(corpora), 1, figsize=(10, 3.2 * len(corpora)), dpi=100, squeeze=False
    )
    for ax, (slug, entry) in zip(axes[:, 0], corpora, strict=True):
        parts = [(k, label) for k, label in PARTS if k in entry and k != "dev"] or _parts(entry)
        cats = sorted({c for k, _ in parts for c in entry[k]["per_category"]})
        width = 0.8 / max(len(parts), 1)
        for i, (key, label) in enumerate(parts):
            groups = [entry[key]["per_category"].get(c) for c in cats]
            values = [g["correct"]["value"] if g else 0.0 for g in groups]
            lows = [
                v - g["correct"]["ci95"][0] if g else 0.0
                for v, g in zip(values, groups, strict=True)
            ]
            highs = [
                g["correct"]["ci95"][1] - v if g else 0.0
                for v, g in zip(values, groups, strict=True)
            ]
            xs = [x + (i - (len(parts) - 1) / 2) * width for x in range(len(cats))]
            ax.bar(xs, values, width=width, label=label, yerr=[lows, highs], capsize=2)
        ax.set_xticks(list(range(len(cats))), [c.replace("_", "\n") for c in cats], fontsize=7)
        ax.set_ylim(0, 1.05)
        ax.set_ylabel("correct")
        ax.set_title(f"{slug} ({entry['kind']})", fontsize=10)
        ax.legend(fontsize=8, loc="upper right")
    fig.suptitle(f"corpus-qa eval per kind of question ({results['mode']} mode)")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
