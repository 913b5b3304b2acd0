"""Writes the tiny test corpora's questions.jsonl, computing every evidence offset from the
documents (run it after editing a document or a question: `python tests/evals/data/make_corpora.py`).
The corpora are written for corpus-qa's tests (CC0); they are far below the format's 60
questions on purpose, so the eval tests stay fast."""

import json
from pathlib import Path

root = Path(__file__).parent / "corpora"


def item(
    corpus, id, split, category, question, answerable, everyday, ref, facts=(), ev=(), history=()
):
    docs = root / corpus / "docs"
    evidence = []
    for doc, quote in ev:
        text = (docs / doc).read_text(encoding="utf-8")
        start = text.find(quote)
        assert start >= 0, (id, quote)
        evidence.append({"doc_id": doc, "start": start, "end": start + len(quote), "quote": quote})
    row = {
        "id": id,
        "split": split,
        "category": category,
        "question": question,
        "history": [dict(role=r, content=c) for r, c in history],
        "answerable": answerable,
        "everyday": everyday,
        "reference_answer": ref,
        "key_facts": [list(f) for f in facts],
        "evidence": evidence,
    }
    return row


K = "kettle"
M = "kettle-manual.md"
W = "warranty.txt"
kettle = [
    item(
        K,
        "k-01",
        "dev",
        "single_fact",
        "How much water can the kettle take?",
        True,
        False,
        "1.7 litres.",
        [["1.7 litres"]],
        [(M, "The kettle holds at most 1.7 litres of water.")],
    ),
    item(
        K,
        "k-02",
        "test",
        "single_fact",
        "What colour is the light while the water heats?",
        True,
        False,
        "Blue.",
        [["blue"]],
        [(M, "The indicator light turns blue while the water heats.")],
    ),
    item(
        K,
        "k-03",
        "dev",
        "single_fact",
        "How quickly does it cut out if I run it empty?",
        True,
        True,
        "Within 30 seconds.",
        [["30 seconds"]],
        [
            (
                M,
                "If the kettle is switched on without water, the dry-boil protection cuts the power within 30 seconds.",
            )
        ],
    ),
    item(
        K,
        "k-04",
        "test",
        "single_fact",
        "How long is the kettle guaranteed for?",
        True,
        False,
        "Two years from purchase.",
        [["two years"]],
        [
            (
                W,
                "Aurora Appliances guarantees the KT-200 kettle against defects in materials\nand workmanship for two years from the date of purchase.",
            )
        ],
    ),
    item(
        K,
        "k-05",
        "dev",
        "unanswerable",
        "What is the kettle's power rating in watts?",
        False,
        False,
        "The documents do not give the power rating.",
    ),
    item(
        K,
        "k-06",
        "test",
        "unanswerable",
        "Which shops sell the KT-200?",
        False,
        True,
        "The documents do not name any shop.",
    ),
    item(
        K,
        "k-07",
        "test",
        "follow_up",
        "What do I fill it with?",
        True,
        False,
        "Equal parts white vinegar and water.",
        [["white vinegar"]],
        [
            (
                M,
                "Fill it with equal parts white vinegar and water, leave the mixture overnight, and rinse it three times with clean water.",
            )
        ],
        [
            ("user", "How often should I descale the kettle?"),
            ("assistant", "Every four weeks in hard-water areas."),
        ],
    ),
    item(
        K,
        "k-08",
        "dev",
        "yes_no",
        "Is limescale damage covered by the guarantee?",
        True,
        False,
        "No, damage caused by limescale is not covered.",
        [["limescale"]],
        [
            (
                W,
                "The warranty does\nnot cover damage caused by limescale, by dropping the appliance, or by use\nwith a power supply other than the one stated on the rating plate.",
            )
        ],
    ),
]
L = "leave"
P = "leave-policy.txt"
leave = [
    item(
        L,
        "l-01",
        "dev",
        "single_fact",
        "How many days of paid holiday do full-time staff get?",
        True,
        True,
        "Twenty-five days a year.",
        [["twenty-five days"]],
        [
            (
                P,
                "Every full-time employee is entitled to twenty-five days of paid\nannual leave per calendar year.",
            )
        ],
    ),
    item(
        L,
        "l-02",
        "test",
        "single_fact",
        "How many unused days can be carried over into the next year?",
        True,
        False,
        "Up to five.",
        [["five"]],
        [
            (
                P,
                "Up to five unused days may be carried over into the next year; any\nother unused days lapse on 31 December.",
            )
        ],
    ),
    item(
        L,
        "l-03",
        "dev",
        "single_fact",
        "By what time must an ill employee tell their line manager?",
        True,
        False,
        "Before 10 a.m. on the first day.",
        [["10 a.m."]],
        [
            (
                P,
                "An employee who is ill must tell their line manager before 10 a.m. on\nthe first day of absence.",
            )
        ],
    ),
    item(
        L,
        "l-04",
        "test",
        "single_fact",
        "When do I need a doctor's note?",
        True,
        True,
        "For an absence longer than seven calendar days.",
        [["seven calendar days"]],
        [
            (
                P,
                "A medical certificate is required for any\nabsence longer than seven calendar days.",
            )
        ],
    ),
    item(
        L,
        "l-05",
        "dev",
        "unanswerable",
        "How much notice is needed to book annual leave?",
        False,
        False,
        "The policy does not say.",
    ),
    item(
        L,
        "l-06",
        "test",
        "unanswerable",
        "How many days of bereavement leave are there?",
        False,
        True,
        "The policy has no bereavement leave.",
    ),
    item(
        L,
        "l-07",
        "test",
        "single_fact",
        "How many weeks of parental leave are paid at full salary?",
        True,
        False,
        "The first six weeks.",
        [["six weeks"]],
        [
            (
                P,
                "A new parent may take up to eighteen weeks of parental leave, of which\nthe first six weeks are paid at full salary.",
            )
        ],
    ),
    item(
        L,
        "l-08",
        "dev",
        "heading",
        "What is section 2 of the leave policy called?",
        True,
        False,
        "Sick leave.",
        [["Sick leave"]],
        [(P, "2. Sick leave.")],
    ),
]
for name, rows in (("kettle", kettle), ("leave", leave)):
    (root / name / "questions.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
