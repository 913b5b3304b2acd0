"""The corpora's loader: malformed items are refused naming file, line and item; the
format's rules for a question set are reported; the real corpora meet them."""

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
