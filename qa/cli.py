"""`corpus-qa`: thin commands over qa.service (and ingest / evals, which it may dispatch to).

Heavy imports (torch, chromadb, gradio) happen inside the command that needs them, so
`corpus-qa --help` is instant. Errors are translated to messages and exit codes here, in
`main()`, and nowhere else.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from qa import config
from qa.errors import CorpusQAError, IndexMissing, InvalidInput
from qa.logs import setup_logging

EXIT_INPUT = 2
EXIT_UNAVAILABLE = 3


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        settings = config.get_settings()
    except Exception as exc:  # pydantic's ValidationError names the bad variable
        print(f"error: invalid configuration: {exc}", file=sys.stderr)
        return EXIT_INPUT
    setup_logging(settings.log_level)
    try:
        return args.func(args, settings) or 0
    except InvalidInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except CorpusQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


# --- commands ---------------------------------------------------------------------------
def cmd_ingest(args, settings) -> int:
    from ingest.pipeline import ingest

    path = Path(args.path) if args.path else settings.corpus_dir
    prune = True if args.prune else False if args.no_prune else None
    report = ingest(path, settings, prune=prune, progress=not args.quiet)
    for doc_id, why in report.skipped.items():
        print(
            f"skipped {why}" if why.startswith(doc_id) else f"skipped {doc_id}: {why}",
            file=sys.stderr,
        )
    print(report.summary())
    return 0


def _service(settings, auto_ingest: bool = True):
    from qa.service import get_service

    service = get_service()
    try:
        service.readiness()
    except IndexMissing:
        if not (auto_ingest and settings.corpus_dir.is_dir()):
            raise
        print(f"No index yet: ingesting {settings.corpus_dir} first.", file=sys.stderr)
        from ingest.pipeline import ingest

        ingest(settings.corpus_dir, settings)
    return service


def cmd_ask(args, settings) -> int:
    from qa.service import validate_question

    validate_question(args.question, settings)
    service = _service(settings)
    answer = service.ask(args.question, top_k=args.top_k, mode=args.mode)
    if args.json:
        print(answer.model_dump_json(indent=2))
    else:
        print(render(answer))
    return 0


def cmd_chat(args, settings) -> int:
    from qa.types import ChatTurn

    service = _service(settings)
    history: list[ChatTurn] = []
    if hasattr(sys.stdin, "reconfigure"):
        # A line that is not UTF-8 arrives as lone surrogates, which the service refuses
        # with a message, instead of a UnicodeDecodeError that ends the chat.
        sys.stdin.reconfigure(errors="surrogateescape")
    print(
        "Ask about the documents. Follow-ups refer to earlier turns. /clear forgets them, /quit leaves."
    )
    while True:
        try:
            question = input("\nyou> ").strip()
        except EOFError:
            print()
            return 0
        if question in {"/quit", "/exit"}:
            return 0
        if question == "/clear":
            history.clear()
            print("(conversation cleared)")
            continue
        if not question:
            continue
        try:
            answer = service.ask(question, history=history, top_k=args.top_k, mode=args.mode)
        except InvalidInput as exc:
            print(f"error: {exc}")
            continue
        print(render(answer))
        history += [
            ChatTurn(role="user", content=question),
            ChatTurn(role="assistant", content=answer.answer),
        ]


def cmd_documents(args, settings) -> int:
    service = _service(settings, auto_ingest=False)
    for doc in service.documents():
        print(f"{doc.doc_id}\t{doc.passage_count} passages\t{doc.size} chars\t{doc.title}")
    return 0


def cmd_feedback(args, settings) -> int:
    # The votes file only: no store or model is opened, so this is instant.
    from qa.feedback import FeedbackStore

    summary = FeedbackStore(settings.data_dir).summary(recent=args.recent)
    if args.json:
        print(summary.model_dump_json(indent=2))
        return 0
    total = summary.up + summary.down
    print(f"{total} votes on answers: {summary.up} up, {summary.down} down")
    for vote in summary.recent:
        print(f"{vote['at']}\t{vote['rating']}\t{_one_line(vote['question'])}")
    return 0


def _one_line(text: str, width: int = 100) -> str:
    return textwrap.shorten(" ".join(text.split()), width, placeholder="…")


def cmd_serve(args, settings) -> int:
    from qa.api.server import serve

    serve(settings, host=args.host, port=args.port, workers=args.workers, with_ui=not args.no_ui)
    return 0


def cmd_ui(args, settings) -> int:
    import uvicorn

    from qa.api.app import create_ui_app
    from qa.api.server import uvicorn_options

    app = create_ui_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, **uvicorn_options(settings))
    return 0


def cmd_eval(args, settings) -> int:
    from evals.run import DATA
    from evals.run import main as run_eval

    return run_eval(
        settings,
        out=Path(args.out),
        root=Path(args.data) if args.data else DATA,
        corpora=args.corpus,
        split=args.split,
        loco=args.loco,
        mode=args.mode,
        progress=not args.quiet,
        llm_judge=not args.no_llm_judge,
    )


def cmd_fit(args, settings) -> int:
    from evals.run import DATA, PACKAGED, fit_main

    return fit_main(
        settings,
        root=Path(args.data) if args.data else DATA,
        out=Path(args.out) if args.out else PACKAGED,
        progress=not args.quiet,
    )


def render(answer) -> str:
    """The answer, then its numbered sources with the exact quote and where it stands."""
    lines = [textwrap.fill(p, 100) if p else "" for p in answer.answer.split("\n")]
    if answer.citations:
        lines += ["", "Sources:"]
        for c in answer.citations:
            quote = " ".join(c.quote.split())
            lines.append(
                textwrap.fill(
                    f"[{c.id}] {c.title} ({c.doc_id}, chars {c.start}-{c.end}): “{quote}”",
                    100,
                    subsequent_indent="    ",
                )
            )
    elif answer.abstained and answer.passages:
        lines += ["", "Closest passages (not support for an answer):"]
        lines += [f"  - {p.doc_id} chars {p.start}-{p.end}" for p in answer.passages[:3]]
    if answer.notice:
        lines += ["", f"note: {answer.notice}"]
    return "\n".join(lines)


def top_k_arg(value: str) -> int:
    """--top-k is checked as the API checks `top_k`: 0, negatives and huge values are
    refused here instead of silently changing the answer."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= config.TOP_K_LIMIT:
        raise argparse.ArgumentTypeError(
            f"must be between 1 and {config.TOP_K_LIMIT}, not {number}"
        )
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus-qa",
        description="Answers from a fixed set of documents, every claim cited to its exact passage.",
        epilog=textwrap.dedent(
            """\
            examples:
              corpus-qa ingest seeds/            index a folder (.txt .md .rst .pdf .html .docx)
              corpus-qa ask "Who denied the accusations?"
              corpus-qa chat                     multi-turn; follow-ups refer back
              corpus-qa serve --port 8000        API at /v1, chat UI at /
              corpus-qa eval --loco              every eval corpus: test, dev, leave-one-out

            Settings come from CORPUS_QA_* environment variables (see README.md),
            e.g. CORPUS_QA_DATA_DIR (index location), CORPUS_QA_CHROMA_URL (Chroma server)."""
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("ingest", help="index documents (idempotent: unchanged files cost nothing)")
    p.add_argument(
        "path", nargs="?", help="folder or one document (default: CORPUS_QA_CORPUS_DIR, seeds/)"
    )
    mirror = p.add_mutually_exclusive_group()
    mirror.add_argument(
        "--no-prune", action="store_true", help="keep indexed documents that are not under PATH"
    )
    mirror.add_argument(
        "--prune",
        "--allow-empty",
        action="store_true",
        help="remove indexed documents not under PATH even if that removes all of them "
        "(without it, an ingest that would empty the index is refused)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    def answer_options(p):
        p.add_argument(
            "--top-k",
            type=top_k_arg,
            default=None,
            metavar="N",
            help=f"passages to retrieve, 1 to {config.TOP_K_LIMIT} (default 6)",
        )
        p.add_argument(
            "--mode",
            choices=["extractive", "llm"],
            default="extractive",
            help="default: extractive (no LLM)",
        )

    p = sub.add_parser("ask", help="answer one question with numbered sources")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the full answer contract as JSON")
    answer_options(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="interactive multi-turn chat in the terminal")
    answer_options(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("documents", help="list the indexed documents")
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("feedback", help="count the thumbs up and down given to answers in the UI")
    p.add_argument(
        "--recent", type=int, default=10, metavar="N", help="also list the N latest votes"
    )
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_feedback)

    p = sub.add_parser("serve", help="serve the API (/v1) and the chat UI (/)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="processes sharing one store")
    p.add_argument("--no-ui", action="store_true", help="API only")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("ui", help="serve only the Gradio chat UI")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser(
        "eval", help="the eval over every corpus in evals/data, and its CI gate (thresholds.toml)"
    )
    p.add_argument(
        "--corpus",
        action="append",
        metavar="NAME",
        help="score this corpus only (repeatable; the fit still uses every corpus's dev split)",
    )
    p.add_argument(
        "--split",
        choices=["dev", "test", "all"],
        default="all",
        help="questions to score with the fit on every corpus's dev split (default: all, "
        "reported apart; test is the headline)",
    )
    p.add_argument(
        "--loco",
        action="store_true",
        help="also leave-one-corpus-out: fit on the other corpora, score all of this one",
    )
    p.add_argument("--data", default=None, help="folder of corpora (default: evals/data)")
    p.add_argument("--mode", choices=["extractive", "llm"], default="extractive")
    p.add_argument(
        "--out", default="eval-out", help="folder for results.json, report.md, chart.png"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--no-llm-judge",
        action="store_true",
        help="skip the optional LLM judge even when an LLM is configured",
    )
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "fit", help="fit the answerer's settings on every eval corpus's dev questions"
    )
    p.add_argument("--data", default=None, help="folder of corpora (default: evals/data)")
    p.add_argument(
        "--out",
        default=None,
        help="where to write it (default: the packaged qa/answer/decision.json)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_fit)
    return parser


if __name__ == "__main__":
    sys.exit(main())
