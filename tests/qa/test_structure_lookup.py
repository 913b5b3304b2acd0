"""Headings found by the document's structure: a part named by number, a passage's section."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest
from qa.config import Settings
from qa.retrieve import Headings, Query, cache_folder
from qa.sections import asks_for_heading, heading_number, references, same_part
from qa.service import QAService

# Long articles: each heading is far (several passages) from most of its text, and
# every article's text cites the others by number, so words alone do not find a heading.
_FILLER = (
    "The parties shall keep records of this obligation for the whole term and shall "
    "provide copies of those records to the other party on reasonable request. "
)
_ARTICLES = [
    ("DEFINITIONS", "Words with capitals have the meanings given here."),
    ("TERM AND RENEWAL", "This agreement runs for thirty-six months and then renews."),
    ("SERVICES", "The supplier provides the hosted platform."),
    ("FEES AND PAYMENT", "The customer pays each invoice within thirty days."),
    ("SERVICE LEVELS", "The platform is available at least 99.9% of each month."),
    ("DATA PROTECTION", "The supplier processes personal data only on instructions."),
    ("CONFIDENTIAL INFORMATION", "Each party keeps the other party's secrets."),
    ("WARRANTIES", "The supplier warrants that the services are performed with care."),
    ("LIABILITY", "Neither party is liable for indirect loss."),
    ("TERMINATION", "Either party may end the agreement after a material breach."),
    ("GOVERNING LAW", "The courts of Ruritania decide every dispute."),
    ("GENERAL", "Notices are given in writing."),
]


def _contract() -> str:
    parts = ["MASTER AGREEMENT\n"]
    for n, (title, text) in enumerate(_ARTICLES, start=1):
        others = ", ".join(f"Article {m}" for m in range(1, len(_ARTICLES) + 1) if m != n)
        body = " ".join([text, f"This article applies together with {others}.", _FILLER * 6])
        parts.append(f"ARTICLE {n} — {title}\n\n{body}\n")
    return "\n".join(parts)


def _notes() -> str:
    """Sections longer than a passage: the heading of section 3 is passages away from
    the sentence about receipts."""
    filler = "Staff read this handbook when they join and again every year. " * 12
    return (
        f"Team handbook\n\n1. Holidays\n\n{filler}Staff take holidays after asking.\n\n"
        f"2. Equipment\n\n{filler}Laptops are returned on the last day of work.\n\n"
        f"3. Expenses\n\n{filler}{filler}Receipts are kept for six years.\n"
    )


def _service(tmp_path: Path, settings: Settings) -> QAService:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "agreement.txt").write_text(_contract(), encoding="utf-8")
    (docs / "handbook.txt").write_text(_notes(), encoding="utf-8")
    ingest(docs, settings, progress=False)
    return QAService(settings)


def _hits(service: QAService, question: str, k: int = 6):
    snapshot = service.snapshot()
    query = Query(question, service.index.embedder.embed_query(question))
    hits = service.index.retriever(snapshot).retrieve(query, k)
    return snapshot.passages([h.passage_id for h in hits])


def test_questions_and_headings_name_numbered_parts():
    assert references("What is Article IV of the agreement called?") == [("article", "4")]
    assert references("See § 3 and clause 2.1, item 6") == [("", "3"), ("clause", "2.1")]
    assert references("the particle 5 and partial 3") == []
    assert heading_number("ARTICLE 6 — CUSTOMER DATA") == ("article", "6")
    assert heading_number("6. Finances") == ("", "6")
    assert heading_number("IV. Scope") == ("", "4")
    assert heading_number("A cyber war is brewing") is None  # a sentence's "A", not part A
    assert same_part(("article", "6"), ("article", "6"))
    assert same_part(("", "6"), ("article", "6"))
    assert not same_part(("section", "6"), ("article", "6"))
    assert not same_part(("article", "6"), ("article", "7"))
    assert asks_for_heading("What was section 6 of the annual report?")
    assert asks_for_heading("What is Article 2 of the agreement called?")
    assert not asks_for_heading("What does section 4 say about fees?")
    assert not asks_for_heading("What is the notice period in section 5?")
    assert not asks_for_heading("What items are in the box?")


def test_a_part_named_by_number_is_found_by_structure(tmp_path: Path, settings: Settings):
    service = _service(tmp_path, settings)
    question = "What is Article 7 of the agreement called?"
    passages = _hits(service, question)
    assert "ARTICLE 7 — CONFIDENTIAL INFORMATION" in passages[0].text
    answer = service.ask(question)
    assert not answer.abstained
    assert answer.answer.startswith("ARTICLE 7 — CONFIDENTIAL INFORMATION")
    [citation] = answer.citations
    assert service.document_text("agreement.txt")[citation.start : citation.end] == (
        "ARTICLE 7 — CONFIDENTIAL INFORMATION"
    )


def test_the_named_document_wins_a_shared_number(tmp_path: Path, settings: Settings):
    service = _service(tmp_path, settings)
    passages = _hits(service, "What is section 2 of the team handbook called?")
    assert passages[0].doc_id == "handbook.txt" and "2. Equipment" in passages[0].text
    # "Article 2" is the agreement's (its own noun), not the handbook's bare "2."
    passages = _hits(service, "What is Article 2 of the agreement called?")
    assert passages[0].doc_id == "agreement.txt"
    assert "ARTICLE 2 — TERM AND RENEWAL" in passages[0].text


def test_a_number_mentioned_in_passing_keeps_the_ranking_but_adds_its_heading(
    tmp_path: Path, settings: Settings
):
    service = _service(tmp_path, settings)
    question = "What does Article 11 say about disputes?"
    passages = _hits(service, question)
    assert any("ARTICLE 11 — GOVERNING LAW" in p.text for p in passages)
    snapshot = service.snapshot()
    query = Query(question, service.index.embedder.embed_query(question))
    plain = service.index.retriever(snapshot).inner.retrieve(query, 6)
    assert [p.passage_id for p in passages[:5]] == [h.passage_id for h in plain[:5]]


def test_which_section_answers_with_the_heading_of_the_best_sentence(
    tmp_path: Path, settings: Settings
):
    service = _service(tmp_path, settings)
    question = "Which section covers how long receipts are kept?"
    passages = _hits(service, question)
    receipts = next(p for p in passages if "Receipts are kept" in p.text)
    assert "3. Expenses" not in receipts.text  # the heading is passages away, not retrieved
    answer = service.ask(question)
    assert answer.answer.startswith("3. Expenses [1] ")  # the heading, then what it covers
    assert "Receipts are kept for six years. [2]" in answer.answer
    heading = answer.citations[0]
    assert service.document_text("handbook.txt")[heading.start : heading.end] == "3. Expenses"


def test_headings_are_cached_with_the_index(tmp_path: Path, settings: Settings):
    service = _service(tmp_path, settings)
    built = service.snapshot().headings
    assert built is not None
    labels = [p.label for p in built.places]
    assert "ARTICLE 7 — CONFIDENTIAL INFORMATION" in labels and "2. Equipment" in labels
    version = service.snapshot().version
    assert (cache_folder(settings.index_cache_dir, version) / Headings.FILE).exists()
    again = QAService(settings).snapshot().headings
    assert again is not None and again.places == built.places


def test_a_plural_division_noun_names_no_part():
    # "sections" once read as the part lettered "s"
    assert references("Which sections cover payment, and what do the articles say?") == []
    assert [n for _, n in references("See section 4, Article IV and §2.")] == ["4", "4", "2"]
    assert heading_number("Parts and Labour") is None
