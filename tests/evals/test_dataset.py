import json
from collections import Counter
from pathlib import Path

import pytest

from evals.dataset import GOLDEN, load_calibration, load_golden
from qa.errors import DatasetError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _docs() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


def test_the_golden_set_covers_what_the_issue_asks():
    items = load_golden(GOLDEN, _docs())  # also checks every span against the seeds
    counts = Counter(i.category for i in items)
    assert len(items) >= 60
    assert counts["unanswerable"] >= 15
    for category in (
        "single_fact",
        "multi_doc",
        "attribution",
        "disagreement",
        "false_premise",
        "paraphrase",
        "follow_up",
    ):
        assert counts[category] >= 3, category
    assert all(i.history for i in items if i.category == "follow_up")
    multi = [i for i in items if i.category == "multi_doc"]
    assert any(len({e.doc_id for e in i.evidence}) == 2 for i in multi)


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


def _write(tmp_path: Path, rows: list) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )
    return path


GOOD = {
    "id": "x-1", "category": "single_fact", "question": "Q?", "answerable": True, "reference_answer": "A",
    "key_facts": [["A"]], "evidence": [{"doc_id": "001_974b0b246660ba75.txt", "start": 0, "end": 3, "quote": "Why"}],
}  # fmt: skip


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({**GOOD, "category": "trivia"}, "category"),
        ({**GOOD, "key_facts": []}, "needs key_facts"),
        ({**GOOD, "answerable": False}, "unanswerable item has no key_facts"),
        ({**GOOD, "surprise": 1}, "surprise"),
        ({k: v for k, v in GOOD.items() if k != "question"}, "question"),
        (
            {**GOOD, "evidence": [{**GOOD["evidence"][0], "quote": "Who"}]},
            "does not equal its quote",
        ),
        ("{not json", "not valid JSON"),
    ],
)
def test_a_malformed_dataset_is_refused_naming_the_item(tmp_path, row, message):
    path = _write(tmp_path, [GOOD | {"id": "ok-0"}, row])
    with pytest.raises(DatasetError, match=message) as err:
        load_golden(path, _docs())
    assert ":2" in str(err.value)  # the line
    if isinstance(row, dict) and "id" in row:
        assert "x-1" in str(err.value)


def test_duplicate_ids_are_refused(tmp_path):
    with pytest.raises(DatasetError, match="appears twice"):
        load_golden(_write(tmp_path, [GOOD, GOOD]))
