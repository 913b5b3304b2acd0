"""The eval corpora and their question sets (/work/team/EVAL_FORMAT.md), loaded and checked.

    evals/data/<corpus>/corpus.toml      name, kind, description, docs (a path relative to it),
                                         optionally legacy (an older question set it copies)
    evals/data/<corpus>/questions.jsonl  one QuestionItem per line, each marked dev or test
    evals/data/<corpus>/everyday_words.json  id -> the everyday words of that question
    evals/data/<corpus>/near_misses.json  yes/no questions no document answers, appended to
                                         questions.jsonl by evals/data/_tools/near_misses.py
    evals/data/<corpus>/SOURCE.md        where each document comes from, and its licence

Every folder of `evals/data/` holding a corpus.toml is a corpus; its folder name is its slug.
`python -m evals.dataset --check [CORPUS ...]` prints each corpus's counts and every finding
below, and exits 1 on an error or a broken rule: the one checker for every corpus (the build
scripts under evals/data/ write the files; this reads them).

Two kinds of finding, kept apart on purpose:
- errors: a malformed item (bad JSON or schema, an evidence span that does not quote its
  document exactly as ingest reads it, a duplicate id, a split other than dev/test, ...).
  The loader refuses the whole file with one DatasetError listing every problem as
  `file:line: item 'id': what is wrong`, so a data writer fixes them in one pass.
- checks: the format's rules for a question *set* (at least 60 questions, a third
  everyday, a fifth unanswerable, the required kinds, dev/test balanced within every kind),
  for the folder (SOURCE.md, everyday_words.json, a legacy set kept unchanged) and for an
  item (every key-fact variant short and quoted in its evidence, every everyday word in the
  question and absent from the documents). The items are usable, so these do not stop an
  eval; they are listed in the report, and tests/evals/test_dataset.py holds the real
  corpora to the rules. On an item copied from the legacy set the item rules are notes:
  that set predates the format and is kept as written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from qa.errors import DatasetError, IngestError
from qa.types import ChatTurn

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden.jsonl"  # the single seed set from before the corpora; see load_golden
CALIBRATION = DATA / "calibration.jsonl"
QUESTIONS = "questions.jsonl"
CORPUS_TOML = "corpus.toml"
EVERYDAY_WORDS = "everyday_words.json"
NEAR_MISSES = "near_misses.json"  # written by evals/data/_tools/near_misses.py
NEAR_MISS = "near_miss"  # their category
SOURCE = "SOURCE.md"
Category = Literal[
    "single_fact", "multi_doc", "attribution", "disagreement", "false_premise",
    "paraphrase", "follow_up", "unanswerable", "overview", "comparison", "yes_no", "heading",
    "near_miss",  # a yes/no question on the topic that no document answers (near_misses.py)
]  # fmt: skip
Split = Literal["dev", "test"]
SPLITS: tuple[Split, ...] = ("dev", "test")
# What a question set must contain (EVAL_FORMAT.md, "Rules for the question set").
MIN_QUESTIONS = 60
MIN_EVERYDAY_SHARE = 1 / 3
MIN_UNANSWERABLE_SHARE = 1 / 5
REQUIRED_CATEGORIES = ("follow_up", "attribution", "overview", "comparison", "yes_no", "heading")
RESERVED_SLUGS = ("loco", "judge")  # table names in evals/thresholds.toml
MAX_KEY_FACT_WORDS = 5  # "short (1-5 words: the name, number, duration, key phrase)"
MAX_LISTED_ERRORS = 25


class EvidenceSpan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: str = Field(description="Must equal the document's text[start:end].")


class GoldenItem(BaseModel):
    """A question with its gold answer; the fields every question set shares."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    category: Category
    question: str = Field(min_length=1)
    history: list[ChatTurn] = Field(default_factory=list)
    answerable: bool
    reference_answer: str
    key_facts: list[list[str]] = Field(
        default_factory=list, description="Every fact must appear; any variant of a fact counts."
    )
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    paraphrase_of: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> GoldenItem:
        if self.answerable and not (self.key_facts and self.evidence):
            raise ValueError("an answerable item needs key_facts and evidence")
        if not self.answerable and (self.key_facts or self.evidence):
            raise ValueError("an unanswerable item has no key_facts or evidence")
        if any(not variants or not all(v.strip() for v in variants) for variants in self.key_facts):
            raise ValueError("each key fact needs at least one non-empty variant")
        if any(span.end <= span.start for span in self.evidence):
            raise ValueError("an evidence span must end after it starts")
        return self


class QuestionItem(GoldenItem):
    """A corpus question (EVAL_FORMAT.md): also marked dev or test, and everyday or plain."""

    split: Split
    everyday: bool = Field(
        description="The question's key concept is in words the documents do not use."
    )
    # The format writes these out on every item, empty or not: a missing one is a typo.
    history: list[ChatTurn]
    key_facts: list[list[str]]
    evidence: list[EvidenceSpan]

    @model_validator(mode="after")
    def _kind_consistent(self) -> QuestionItem:
        if self.category in ("unanswerable", NEAR_MISS) and self.answerable:
            raise ValueError(
                f"a question of category {self.category!r} must have answerable: false"
            )
        if self.category == "follow_up" and not self.history:
            raise ValueError("a follow_up item needs the history it follows")
        if self.category != "follow_up" and self.history:
            raise ValueError("only follow_up items carry a history")
        if any(t.role != ("user", "assistant")[n % 2] for n, t in enumerate(self.history)):
            raise ValueError("a history alternates user and assistant turns, the user first")
        return self


T = TypeVar("T", bound=GoldenItem)


@dataclass
class Corpus:
    """One eval corpus: its documents as ingest reads them, and its checked questions."""

    slug: str
    name: str
    kind: str
    description: str
    folder: Path
    docs: Path
    documents: dict[str, str]  # doc_id -> text, exactly as ingest stores it
    items: list[QuestionItem]
    checks: list[str] = field(default_factory=list)  # rule findings; see the module docstring
    notes: list[str] = field(default_factory=list)
    everyday_words: dict[str, list[str]] = field(default_factory=dict)  # id -> its words

    @property
    def questions_path(self) -> Path:
        return self.folder / QUESTIONS

    def split(self, split: Split | Literal["all"]) -> list[QuestionItem]:
        return list(self.items) if split == "all" else [i for i in self.items if i.split == split]


class CalibrationPair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    type: str
    claim: str
    evidence: str
    supported: bool
    doc_id: str


def _read_jsonl(path: Path) -> list[tuple[int, object]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"cannot read the dataset {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: is not UTF-8 (byte {exc.start}); re-save it as UTF-8") from exc
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def _refuse(path: Path, errors: list[str]) -> None:
    if not errors:
        return
    shown = errors[:MAX_LISTED_ERRORS]
    more = len(errors) - len(shown)
    tail = [f"... and {more} more"] if more else []
    raise DatasetError(
        f"{path}: {len(errors)} problem(s); fix them and run again:\n  " + "\n  ".join(shown + tail)
    )


def load_items(path: Path, model: type[T], documents: dict[str, str] | None = None) -> list[T]:
    """Parse and check every item, or refuse the file naming every bad line and item.
    With `documents`, every evidence span must quote its document exactly."""
    items: list[T] = []
    errors: list[str] = []
    lines: dict[str, int] = {}
    for n, row in _read_jsonl(path):
        name = row.get("id", f"line {n}") if isinstance(row, dict) else f"line {n}"
        where = f"{path}:{n}: item {name!r}"
        try:
            item = model.model_validate(row)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in exc.errors()
            )
            errors.append(f"{where} is malformed: {problems}")
            continue
        if item.id in lines:
            errors.append(f"{where}: id appears twice (first on line {lines[item.id]})")
            continue
        lines[item.id] = n
        if documents is not None:
            errors += [f"{where}: {p}" for p in _evidence_problems(item, documents)]
        items.append(item)
    for item in items:
        if item.paraphrase_of and (
            item.paraphrase_of == item.id or item.paraphrase_of not in lines
        ):
            errors.append(
                f"{path}:{lines[item.id]}: item {item.id!r} is a paraphrase of unknown item "
                f"{item.paraphrase_of!r}"
            )
    _refuse(path, errors)
    if not items:
        raise DatasetError(f"{path} has no items: write one JSON question per line")
    return items


def _evidence_problems(item: GoldenItem, documents: dict[str, str]) -> list[str]:
    problems = []
    for span in item.evidence:
        text = documents.get(span.doc_id)
        if text is None:
            known = ", ".join(sorted(documents)[:5])
            problems.append(f"cites unknown document {span.doc_id!r} (documents: {known}, ...)")
        elif text[span.start : span.end] != span.quote:
            found = text[span.start : span.end][:60]
            at = text.find(span.quote)
            hint = f"; the quote is at {at}:{at + len(span.quote)}" if at >= 0 else ""
            problems.append(
                f"{span.doc_id}[{span.start}:{span.end}] does not equal its quote "
                f"(the text there begins {found!r}{hint}); compute offsets with a script"
            )
    return problems


def load_golden(path: Path | None = None, documents: dict[str, str] | None = None):
    """The seed questions, for callers that want one question set (benchmarks, retrieval
    tests): the seeds corpus's questions once it exists, else the older golden.jsonl."""
    seeds = DATA / "seeds" / QUESTIONS
    if path is None:
        path = seeds if seeds.exists() else GOLDEN
    return load_items(path, QuestionItem if path.name == QUESTIONS else GoldenItem, documents)


def load_calibration(path: Path = CALIBRATION) -> list[CalibrationPair]:
    pairs = []
    for n, row in _read_jsonl(path):
        try:
            pairs.append(CalibrationPair.model_validate(row))
        except ValidationError as exc:
            raise DatasetError(
                f"{path}:{n}: calibration pair is malformed: {exc.errors()[0]['msg']}"
            ) from exc
    return pairs


# --- corpora --------------------------------------------------------------------------------
def discover(root: Path = DATA) -> list[Path]:
    """Every corpus folder under `root` (one with a corpus.toml), in name order."""
    return sorted(p.parent for p in root.glob(f"*/{CORPUS_TOML}"))


def read_documents(docs: Path) -> dict[str, str]:
    """The documents exactly as ingest reads and stores them (the offsets' reference)."""
    from ingest.readers import SUPPORTED_SUFFIXES, read_document
    from ingest.readers import discover as discover_files

    if not docs.is_dir():
        raise DatasetError(f"{docs}: the corpus's docs folder does not exist")
    documents = {}
    for source in discover_files(docs).files:
        try:
            read = read_document(source)
        except IngestError as exc:
            raise DatasetError(f"{docs}: {exc}") from exc
        documents[read.doc_id] = read.text
    if not documents:
        raise DatasetError(f"{docs}: holds no document ({', '.join(SUPPORTED_SUFFIXES)})")
    return documents


def _corpus_toml(folder: Path) -> dict[str, str]:
    path = folder / CORPUS_TOML
    try:
        with path.open("rb") as f:
            meta = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DatasetError(f"{path}: cannot be read as TOML ({exc})") from exc
    allowed = {"name", "kind", "description", "docs", "legacy"}
    problems = [f"unknown key {k!r} (allowed: {sorted(allowed)})" for k in meta if k not in allowed]
    problems += [f"{k!r} is required" for k in ("name", "kind") if k not in meta]
    problems += [f"{k!r} must be a string" for k, v in meta.items() if not isinstance(v, str)]
    if problems:
        raise DatasetError(f"{path}: " + "; ".join(problems))
    return meta


def load_corpus(folder: Path) -> Corpus:
    """A corpus folder, its documents read by ingest's reader, its questions checked."""
    slug = folder.name
    if slug in RESERVED_SLUGS or not slug.replace("-", "").replace("_", "").isalnum():
        raise DatasetError(
            f"{folder}: a corpus folder is a short slug of letters, digits, '-' or '_', and "
            f"not one of {RESERVED_SLUGS}"
        )
    meta = _corpus_toml(folder)
    docs = (folder / meta.get("docs", "docs")).resolve()
    documents = read_documents(docs)
    questions = folder / QUESTIONS
    if not questions.exists():
        raise DatasetError(f"{folder}: has a corpus.toml but no {QUESTIONS}")
    items = load_items(questions, QuestionItem, documents)
    words = _everyday_words(folder)
    legacy = _legacy_rows(folder, meta)
    checks = folder_checks(folder, meta, items, words) + rule_checks(items, len(documents))
    checks += legacy_checks(items, legacy)
    notes = []
    for item in items:
        found = item_checks(item, words.get(item.id, []), documents)
        (notes if item.id in legacy else checks).extend(found)
        if item.category == "multi_doc" and len({e.doc_id for e in item.evidence}) < 2:
            notes.append(f"{item.id}: a multi_doc item whose evidence is in one document")
    return Corpus(
        slug=slug,
        name=meta["name"],
        kind=meta["kind"],
        description=meta.get("description", ""),
        folder=folder,
        docs=docs,
        documents=documents,
        items=items,
        checks=checks,
        notes=notes,
        everyday_words=words,
    )


def _everyday_words(folder: Path) -> dict[str, list[str]]:
    """id -> the everyday words of that question: kept beside the JSONL, whose schema is fixed."""
    path = folder / EVERYDAY_WORDS
    if not path.exists():
        return {}
    try:
        words = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetError(f"{path}: cannot be read as JSON ({exc})") from exc
    if not isinstance(words, dict) or not all(
        isinstance(w, list) and all(isinstance(x, str) and x.strip() for x in w)
        for w in words.values()
    ):
        raise DatasetError(f'{path}: write one entry per everyday question: {{"id": ["word"]}}')
    return words


def _legacy_rows(folder: Path, meta: dict[str, str]) -> dict[str, dict]:
    """The older set's items by id, as written there (corpus.toml's `legacy`), or none."""
    if "legacy" not in meta:
        return {}
    path = (folder / meta["legacy"]).resolve()
    rows = [row for _, row in _read_jsonl(path)]
    if not all(isinstance(row, dict) and isinstance(row.get("id"), str) for row in rows):
        raise DatasetError(f"{path}: every line of a legacy set is an item with an 'id'")
    return {row["id"]: row for row in rows}


def load_corpora(root: Path = DATA, names: list[str] | None = None) -> list[Corpus]:
    """The corpora under `root` (all, or those named), each loaded and checked."""
    folders = discover(root)
    if names:
        known = {f.name: f for f in folders}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise DatasetError(
                f"unknown corpus {', '.join(unknown)}: the corpora in {root} are "
                f"{', '.join(known) or 'none'}"
            )
        folders = [known[n] for n in names]
    if not folders:
        raise DatasetError(f"{root}: no corpus (a folder with a {CORPUS_TOML}) was found")
    return [load_corpus(f) for f in folders]


def rule_checks(items: list[QuestionItem], documents: int) -> list[str]:
    """The format's rules for a question set, each broken rule as one readable line."""
    n = len(items)
    out = []
    if n < MIN_QUESTIONS:
        out.append(f"{n} questions; the format asks for at least {MIN_QUESTIONS}")
    # The near misses are added to a set written to the format (near_misses.py) and carry
    # no everyday words to check: the share is of the set they were added to.
    own = [i for i in items if i.category != NEAR_MISS]
    everyday = sum(i.everyday for i in own)
    if everyday < MIN_EVERYDAY_SHARE * len(own):
        out.append(f"{everyday}/{len(own)} everyday questions; at least a third are asked for")
    unanswerable = sum(not i.answerable for i in items)
    if unanswerable < MIN_UNANSWERABLE_SHARE * n:
        out.append(f"{unanswerable}/{n} unanswerable questions; at least a fifth are asked for")
    categories = Counter(i.category for i in items)
    required = REQUIRED_CATEGORIES + (("multi_doc",) if documents > 1 else ())
    missing = [c for c in required if not categories[c]]
    if missing:
        out.append(f"no {', '.join(missing)} question (the format asks for each kind)")
    dev = sum(i.split == "dev" for i in items)
    if n and not 0.4 <= dev / n <= 0.6:
        out.append(f"{dev}/{n} questions are dev; roughly half each is asked for")
    for category in sorted(categories):
        dev = sum(i.split == "dev" for i in items if i.category == category)
        test = categories[category] - dev
        if abs(dev - test) > 1:
            out.append(f"{category}: {dev} dev, {test} test; split every kind evenly")
    return out


def folder_checks(
    folder: Path, meta: dict[str, str], items: list[QuestionItem], words: dict[str, list[str]]
) -> list[str]:
    """What the format asks of a corpus folder besides its questions."""
    out = [f"corpus.toml has no {key!r}" for key in ("description", "docs") if key not in meta]
    if not (folder / SOURCE).is_file():
        out.append(f"no {SOURCE}: say where each document comes from and its licence")
    if any(i.everyday for i in items) and not (folder / EVERYDAY_WORDS).exists():
        out.append(f"no {EVERYDAY_WORDS}: list each everyday question's words, to check them")
    ids = {i.id for i in items}
    out += [f"{EVERYDAY_WORDS} lists unknown question {i!r}" for i in words if i not in ids]
    if (folder / NEAR_MISSES).exists():
        written = json.loads((folder / NEAR_MISSES).read_text(encoding="utf-8"))
        asked = [i.question for i in items if i.category == NEAR_MISS]
        if asked != [q["question"] for q in written]:
            out.append(
                f"questions.jsonl does not end with the {NEAR_MISSES} questions: run python "
                f"evals/data/_tools/near_misses.py {folder.name} after its build script"
            )
    return out


# Fields the corpus's own set may add to an item copied from the legacy set.
LEGACY_ADDED = ("split", "everyday", "paraphrase_of")


def legacy_checks(items: list[QuestionItem], legacy: dict[str, dict]) -> list[str]:
    """Every item of the legacy set is still there, unchanged: its figures stay comparable."""
    now = {i.id: i.model_dump(mode="json") for i in items}
    out = []
    for item_id, old in legacy.items():
        if item_id not in now:
            out.append(f"legacy item {item_id!r} is missing")
            continue
        changed = [k for k, v in old.items() if k not in LEGACY_ADDED and now[item_id][k] != v]
        out += [f"legacy item {item_id!r}: {', '.join(changed)} changed"] if changed else []
    return out


# --- the item rules: each returns its reasons (none when the item passes) --------------------
ItemRule = Callable[[QuestionItem, list[str], dict[str, str]], list[str]]


def _variants_are_quoted(item: QuestionItem, words: list[str], docs: dict[str, str]) -> list[str]:
    """An extractive answer quotes its evidence, so every variant must be in the quotes."""
    quotes = " ".join(span.quote for span in item.evidence).lower()
    return [
        f"key-fact variant {v!r} is in none of its evidence quotes"
        for variants in item.key_facts
        for v in variants
        if v.lower() not in quotes
    ]


def _variants_are_short(item: QuestionItem, words: list[str], docs: dict[str, str]) -> list[str]:
    return [
        f"key-fact variant {v!r} is longer than {MAX_KEY_FACT_WORDS} words"
        for variants in item.key_facts
        for v in variants
        if len(v.split()) > MAX_KEY_FACT_WORDS
    ]


def _history_ends_with_an_answer(
    item: QuestionItem, words: list[str], docs: dict[str, str]
) -> list[str]:
    """The question follows the assistant's last turn, never a second user turn."""
    if item.history and item.history[-1].role != "assistant":
        return ["its history ends with a user turn; end it with the assistant's answer"]
    return []


def _everyday_flag_matches(item: QuestionItem, words: list[str], docs: dict[str, str]) -> list[str]:
    if item.everyday != bool(words):
        return [f"everyday is {item.everyday} but {EVERYDAY_WORDS} lists {words or 'no words'}"]
    return []


def _everyday_words_are_asked(
    item: QuestionItem, words: list[str], docs: dict[str, str]
) -> list[str]:
    return [
        f"everyday word {w!r} is not in the question"
        for w in words
        if not _phrase(w).search(item.question)
    ]


def _everyday_words_are_absent(
    item: QuestionItem, words: list[str], docs: dict[str, str]
) -> list[str]:
    """The point of an everyday question: the documents say it in other words."""
    out = []
    for w in words:
        found = [doc for doc, text in docs.items() if _phrase(w).search(text)]
        out += [f"everyday word {w!r} occurs in {', '.join(found)}"] if found else []
    return out


ITEM_RULES: tuple[ItemRule, ...] = (
    _variants_are_quoted,
    _variants_are_short,
    _history_ends_with_an_answer,
    _everyday_flag_matches,
    _everyday_words_are_asked,
    _everyday_words_are_absent,
)


def item_checks(item: QuestionItem, words: list[str], documents: dict[str, str]) -> list[str]:
    """Every item rule's reasons, each prefixed with the item's id."""
    return [
        f"{item.id}: {reason}" for rule in ITEM_RULES for reason in rule(item, words, documents)
    ]


@cache
def _phrase(words: str) -> re.Pattern[str]:
    """Whole words, any case, any white space between them (hard-wrapped text breaks lines)."""
    body = r"\s+".join(re.escape(token) for token in words.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


# --- python -m evals.dataset --check ---------------------------------------------------------
def summary(corpus: Corpus) -> list[str]:
    """The counts a data writer checks the format's rules against, one table per corpus."""
    items = corpus.items
    n = len(items)
    words = sum(len(t.split()) for t in corpus.documents.values())
    spans = sum(len(i.evidence) for i in items)
    lines = [
        f"== {corpus.slug}: {len(corpus.documents)} documents, {words} words, {n} questions, "
        f"{spans} evidence spans",
        f"  {'category':<14}{'dev':>5}{'test':>6}{'total':>7}{'everyday':>10}{'unanswerable':>14}",
    ]
    for category in [*sorted({i.category for i in items}), "ALL"]:
        sel = [i for i in items if category in ("ALL", i.category)]
        dev = sum(i.split == "dev" for i in sel)
        every = sum(i.everyday for i in sel)
        unans = sum(not i.answerable for i in sel)
        lines.append(
            f"  {category:<14}{dev:>5}{len(sel) - dev:>6}{len(sel):>7}{every:>10}{unans:>14}"
        )
    for split in SPLITS:
        sel = corpus.split(split)
        every, unans = sum(i.everyday for i in sel), sum(not i.answerable for i in sel)
        lines.append(f"  {split}: {len(sel)} items, everyday {every}, unanswerable {unans}")
    every, unans = sum(i.everyday for i in items), sum(not i.answerable for i in items)
    lines.append(
        f"  everyday {every}/{n} = {every / n:.0%}; unanswerable {unans}/{n} = {unans / n:.0%}"
    )
    lines += [f"  note: {note}" for note in corpus.notes]
    lines += [f"  PROBLEM: {check}" for check in corpus.checks]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.dataset",
        description="Check the eval corpora against the format and print their counts.",
    )
    parser.add_argument("--check", action="store_true", required=True, help="check the corpora")
    parser.add_argument("corpora", nargs="*", metavar="CORPUS", help="slugs (default: all)")
    parser.add_argument("--root", type=Path, default=DATA, help="folder of corpora (%(default)s)")
    args = parser.parse_args(argv)
    try:
        corpora = load_corpora(args.root, args.corpora)
    except DatasetError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = 0
    for corpus in corpora:
        print("\n".join(summary(corpus)))
        problems += len(corpus.checks)
    print(f"== {problems} problem(s)" if problems else "== OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
