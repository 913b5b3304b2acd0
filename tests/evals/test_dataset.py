"""The corpora's loader: malformed items are refused naming file, line and item; the
format's rules for a question set are reported; the real corpora meet them."""

import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from evals import dataset
from evals.dataset import load_calibration, load_corpora, load_corpus, rule_checks
from qa.errors import DatasetError

TINY = Path(__file__).parent / "data" / "corpora"


def test_every_corpus_in_evals_data_loads_and_meets_the_format():
    corpora = load_corpora()  # every evidence span checked against ingest's reading
    assert "seeds" in [c.slug for c in corpora] and len(corpora) >= 3
    documents = {doc: text for c in corpora for doc, text in c.documents.items()}
    assert any(doc.endswith(".md") for doc in documents)  # Markdown is among them
    assert any(_hard_wrapped(text) for doc, text in documents.items() if doc.endswith(".txt"))
    for corpus in corpora:
        assert corpus.checks == [], (corpus.slug, corpus.checks)
        assert all(i.history for i in corpus.items if i.category == "follow_up")
        assert {i.split for i in corpus.items} == {"dev", "test"}


def test_the_legal_corpus_keeps_its_writers_quotas_and_its_wrapping():
    """Beyond the format: legal was written to 75+ questions, 3+ of every required kind
    (false premises too), and documents hard-wrapped within 72 columns."""
    (legal,) = load_corpora(names=["legal"])
    kinds = Counter(i.category for i in legal.items)
    assert len(legal.items) >= 75
    for kind in (*dataset.REQUIRED_CATEGORIES, "multi_doc", "false_premise"):
        assert kinds[kind] >= 3, kind
    for doc, text in legal.documents.items():
        assert max(map(len, text.splitlines())) <= 72, doc


def _script(path: Path, monkeypatch):
    """A build script under evals/data, imported by path (they import their neighbours)."""
    monkeypatch.syspath_prepend(str(path.parent))
    name = f"evals_data_{path.parent.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "slug",
    [
        "seeds",
        "notes",
        "legal",
        "research",
        "correspondence",
        "reference",
        "techdoc",
        "guide",
        "ops",
        "pdfs",
        "howto",
    ],
)
def test_the_question_files_are_what_their_build_scripts_make(slug, monkeypatch):
    """Offsets are computed by the build scripts, never edited by hand in the JSONL."""
    tools = dataset.DATA / ("legal/tools/build_questions.py" if slug == "legal" else "_tools")
    if slug == "legal":
        script = _script(tools, monkeypatch)
        built = script.build()
        words = {k: v for k, v in script.everyday_terms().items() if v}
    else:
        script = _script(tools / f"build_{slug}.py", monkeypatch)
        built = script.build(write=False)
        words = script.EVERYDAY_TERMS
    (corpus,) = load_corpora(names=[slug])
    on_disk = [json.loads(line) for line in corpus.questions_path.read_text("utf-8").splitlines()]
    near_misses = _script(dataset.DATA / "_tools" / "near_misses.py", monkeypatch)
    assert on_disk == built + near_misses.near_miss_items(corpus.questions_path.parent)
    assert corpus.everyday_words == words


def test_near_misses_follow_a_corpus_own_items_and_keep_their_splits(tmp_path, monkeypatch):
    """The near misses are appended in a category of their own, alternating dev and test,
    and replaced when added again; every item before them keeps its split. The checker
    finds a questions.jsonl written without them."""
    folder = _corpus_with(tmp_path, lambda rows: rows)
    own = (folder / "questions.jsonl").read_text(encoding="utf-8")
    written = [
        {"question": f"Is there a lift {n}?", "why": "No lift is mentioned."} for n in (1, 2, 3)
    ]
    (folder / "near_misses.json").write_text(json.dumps(written), encoding="utf-8")
    assert any("near_misses.py" in c for c in load_corpus(folder).checks)
    tool = _script(dataset.DATA / "_tools" / "near_misses.py", monkeypatch)
    assert tool.add(folder) == 3 and tool.add(folder) == 3  # idempotent
    corpus = load_corpus(folder)
    assert not any("near_misses.py" in c for c in corpus.checks)
    rows = corpus.questions_path.read_text(encoding="utf-8").splitlines()
    assert "\n".join(rows[: len(own.splitlines())]) + "\n" == own
    added = [json.loads(r) for r in rows[len(own.splitlines()) :]]
    assert [(r["category"], r["split"], r["answerable"]) for r in added] == [
        ("near_miss", "dev", False),
        ("near_miss", "test", False),
        ("near_miss", "dev", False),
    ]
    assert added[0]["id"] == f"{folder.name}-nm-01" and added[0]["question"] == "Is there a lift 1?"


def _hard_wrapped(text: str) -> bool:
    """Most lines of its paragraphs end before 80 columns and mid-sentence."""
    lines = [line for line in text.splitlines() if line.strip()]
    wrapped = [line for line in lines if len(line) <= 80 and not line.rstrip().endswith((".", ":"))]
    return len(lines) > 20 and len(wrapped) > len(lines) / 2


def test_the_calibration_set_has_every_pair_type():
    pairs = load_calibration()
    types = Counter(p.type for p in pairs)
    assert len(pairs) >= 150
    assert set(types) == {
        "verbatim",
        "paraphrase",
        "swapped_number",
        "swapped_entity",
        "negation",
        "swapped_speaker",
        "added_detail",
    }
    assert all(p.supported == (p.type in ("verbatim", "paraphrase")) for p in pairs)


def test_corpora_are_discovered_by_their_corpus_toml(tmp_path):
    shutil.copytree(TINY, tmp_path, dirs_exist_ok=True)
    (tmp_path / "_tools").mkdir()  # a helper folder without corpus.toml is not a corpus
    assert [p.name for p in dataset.discover(tmp_path)] == ["kettle", "leave"]
    kettle = load_corpora(tmp_path, ["kettle"])[0]
    assert kettle.name.startswith("Aurora") and kettle.kind == "product manual"
    assert sorted(kettle.documents) == ["kettle-manual.md", "warranty.txt"]
    with pytest.raises(DatasetError, match=r"unknown corpus nope.*kettle, leave"):
        load_corpora(tmp_path, ["nope"])
    with pytest.raises(DatasetError, match="no corpus"):
        load_corpora(tmp_path / "_tools")


def test_the_split_filter():
    corpus = load_corpus(TINY / "kettle")
    dev, test = corpus.split("dev"), corpus.split("test")
    assert (
        dev and test and {i.split for i in dev} == {"dev"} and {i.split for i in test} == {"test"}
    )
    assert sorted(i.id for i in dev + test) == sorted(i.id for i in corpus.split("all"))


def _corpus_with(tmp_path: Path, edit) -> Path:
    """A copy of the tiny kettle corpus with its questions edited: edit(rows) -> rows."""
    folder = tmp_path / "kettle"
    shutil.copytree(TINY / "kettle", folder)
    path = folder / "questions.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in edit(rows)]
    path.write_text("\n".join(lines) + "\n")
    return folder


def _second(change: dict):
    return lambda rows: [rows[0], {**rows[1], **change}, *rows[2:]]


def _evidence(change: dict):
    return lambda rows: _second({"evidence": [{**rows[1]["evidence"][0], **change}]})(rows)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_evidence({"start": 1}), "does not equal its quote .*the quote is at"),
        (_second({"split": "train"}), "split: Input should be 'dev' or 'test'"),
        (_second({"category": "trivia"}), "category"),
        (_second({"everyday": None}), "everyday"),
        (_second({"surprise": 1}), "surprise"),
        (_second({"key_facts": []}), "needs key_facts"),
        (_second({"category": "unanswerable"}), "must have answerable: false"),
        (_second({"category": "follow_up"}), "needs the history"),
        (_second({"paraphrase_of": "k-99"}), "paraphrase of unknown item 'k-99'"),
        (lambda rows: [rows[0], {k: v for k, v in rows[1].items() if k != "history"}], "history"),
        (
            _second({"category": "follow_up", "history": [{"role": "assistant", "content": "Hi"}]}),
            "alternates user and assistant turns, the user first",
        ),
        (_evidence({"doc_id": "x.txt"}), "cites unknown document 'x.txt'"),
        (lambda rows: [rows[0], "{not json", *rows[2:]], "not valid JSON"),
    ],
)
def test_a_malformed_item_is_refused_naming_file_line_and_item(tmp_path, edit, message):
    folder = _corpus_with(tmp_path, edit)
    with pytest.raises(DatasetError, match=message) as err:
        load_corpus(folder)
    assert f"{folder / 'questions.jsonl'}:2" in str(err.value)
    if "JSON" not in message:
        assert "k-02" in str(err.value)


def test_duplicate_ids_are_refused_and_every_problem_is_listed_at_once(tmp_path):
    folder = _corpus_with(
        tmp_path, lambda rows: [rows[0], rows[0], {**rows[2], "split": "holdout"}, *rows[3:]]
    )
    with pytest.raises(DatasetError) as err:
        load_corpus(folder)
    message = str(err.value)
    assert "2 problem(s)" in message
    assert ":2: item 'k-01': id appears twice (first on line 1)" in message
    assert ":3: item 'k-03' is malformed: split" in message


def test_a_malformed_corpus_toml_is_refused(tmp_path):
    folder = _corpus_with(tmp_path, lambda rows: rows)
    (folder / "corpus.toml").write_text('name = "x"\nkind = "y"\nlicense = "CC0"\n')
    with pytest.raises(DatasetError, match=r"corpus\.toml: unknown key 'license'"):
        load_corpus(folder)
    (folder / "corpus.toml").write_text('name = "x"\nkind = "y"\ndocs = "nowhere"\n')
    with pytest.raises(DatasetError, match="docs folder does not exist"):
        load_corpus(folder)
    (folder / "corpus.toml").write_text('name = "x"\nkind = "y"\n')
    (folder / "questions.jsonl").unlink()
    with pytest.raises(DatasetError, match=r"no questions\.jsonl"):
        load_corpus(folder)


def test_the_count_rules_are_reported_not_raised():
    corpus = load_corpus(TINY / "kettle")  # 8 questions: far from the format's rules
    assert "8 questions; the format asks for at least 60" in corpus.checks
    assert any(line.startswith("no attribution, overview, comparison") for line in corpus.checks)
    items = corpus.items
    # 60 questions, a third everyday, a fifth unanswerable, every kind, both splits: no finding.
    kinds = ("single_fact", "unanswerable", *dataset.REQUIRED_CATEGORIES, "multi_doc")
    full = []
    for n in range(60):
        base = items[4] if n % 5 == 0 else items[0]  # k-05 is unanswerable
        full.append(
            base.model_copy(
                update={
                    "id": f"x-{n}",
                    "split": ("dev", "test")[n % 2],
                    "everyday": n % 3 == 0,
                    "category": "unanswerable" if n % 5 == 0 else kinds[(n // 2) % len(kinds)],
                }
            )
        )
    assert rule_checks(full, documents=2) == []
    fewer = [i.model_copy(update={"everyday": False, "answerable": True}) for i in full]
    assert rule_checks(fewer, documents=2) == [
        "0/60 everyday questions; at least a third are asked for",
        "0/60 unanswerable questions; at least a fifth are asked for",
    ]
    assert any("are dev; roughly half" in c for c in rule_checks(full[:1] * 2, documents=1))


def test_load_golden_gives_the_seed_questions():
    items = dataset.load_golden()
    assert len(items) >= 60 and any(not i.answerable for i in items)


def test_every_item_rule_gives_its_reason_and_legacy_items_get_notes(tmp_path):
    def edit(rows):
        rows[0]["key_facts"] = [["1.7 litres", "one point seven litres"]]  # not quoted
        rows[1]["key_facts"] = [["The indicator light turns blue while"], ["blue"]]
        rows[2]["question"] = "How quickly does it switch off if I run it empty?"
        rows[3]["everyday"] = True  # and no words listed
        rows[6]["history"] = rows[6]["history"][:1]  # ends with the user
        return rows

    folder = _corpus_with(tmp_path, edit)
    words = {"k-03": ["cut out", "run it dry"], "k-06": ["stores"], "k-99": ["x"]}
    (folder / "everyday_words.json").write_text(json.dumps(words))
    (folder / "SOURCE.md").write_text("Written for the tests (CC0).")
    checks = load_corpus(folder).checks
    reasons = [c for c in checks if c.startswith(("k-", "everyday_words"))]
    assert reasons == [
        "everyday_words.json lists unknown question 'k-99'",
        "k-01: key-fact variant 'one point seven litres' is in none of its evidence quotes",
        "k-02: key-fact variant 'The indicator light turns blue while' is longer than 5 words",
        "k-03: everyday word 'cut out' is not in the question",
        "k-03: everyday word 'run it dry' is not in the question",
        "k-04: everyday is True but everyday_words.json lists no words",
        "k-06: everyday word 'stores' is not in the question",
        "k-07: its history ends with a user turn; end it with the assistant's answer",
    ]
    # A word is found across a line break (hard-wrapped text), as a whole word only.
    words["k-06"] = ["limes"]  # the documents say "limescale"
    words["k-03"] = ["run it empty", "materials and"]  # warranty.txt: "materials\nand"
    (folder / "everyday_words.json").write_text(json.dumps(words))
    checks = load_corpus(folder).checks
    assert "k-03: everyday word 'materials and' occurs in warranty.txt" in checks
    assert not any("'run it empty'" in c or "'limes' occurs" in c for c in checks)

    # Items copied from a legacy set: their item findings are notes; changing them is a check.
    legacy = [json.loads(line) for line in (folder / "questions.jsonl").read_text().splitlines()]
    legacy[0]["question"] = "How much water?"
    (folder / "old.jsonl").write_text("\n".join(json.dumps(r) for r in legacy[:2]) + "\n")
    toml = (folder / "corpus.toml").read_text()
    (folder / "corpus.toml").write_text(toml + 'legacy = "old.jsonl"\n')
    corpus = load_corpus(folder)
    assert "legacy item 'k-01': question changed" in corpus.checks
    assert not any(c.startswith(("k-01", "k-02")) for c in corpus.checks)
    assert any(n.startswith("k-02: key-fact variant") for n in corpus.notes)
    legacy[1]["id"] = "k-00"
    (folder / "old.jsonl").write_text(json.dumps(legacy[1]) + "\n")
    assert "legacy item 'k-00' is missing" in load_corpus(folder).checks
    (folder / "old.jsonl").write_text('{"question": "no id"}\n')
    with pytest.raises(DatasetError, match="every line of a legacy set is an item with an 'id'"):
        load_corpus(folder)


def test_every_kind_is_split_evenly():
    items = load_corpus(TINY / "kettle").items
    single = [i for i in items if i.category == "single_fact"]  # two dev, two test
    assert not any("single_fact" in c for c in rule_checks(items, documents=2))
    skewed = [
        *items,
        *(i.model_copy(update={"id": i.id + "x"}) for i in single if i.split == "dev"),
    ]
    assert "single_fact: 4 dev, 2 test; split every kind evenly" in rule_checks(skewed, 2)


def test_the_check_command_prints_the_counts_and_every_problem(tmp_path, capsys):
    assert dataset.main(["--check", "notes"]) == 0
    out = capsys.readouterr().out
    assert "== notes: 3 documents" in out and "unanswerable" in out and out.endswith("== OK\n")

    assert dataset.main(["--check", "--root", str(TINY), "kettle"]) == 1
    out = capsys.readouterr().out
    assert "  ALL               4     4      8         2             2" in out
    assert "  PROBLEM: 8 questions; the format asks for at least 60" in out

    folder = _corpus_with(tmp_path, _evidence({"start": 1}))
    assert dataset.main(["--check", "--root", str(tmp_path)]) == 1
    assert "does not equal its quote" in capsys.readouterr().err
    assert folder.exists()
