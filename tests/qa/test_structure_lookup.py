"""Headings found by the document's structure: a part named by number, a passage's section."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import service_over

from ingest.pipeline import ingest
from qa.answer.extractive import select
from qa.answer.headings import names_heading
from qa.config import Settings
from qa.retrieve import Headings, Query, cache_folder
from qa.sections import asks_for_heading, heading_number, references, same_part
from qa.service import QAService
from qa.types import Passage

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
    # a part of a document, not of a thing; the number of a section
    assert asks_for_heading("Which part of the handbook tells me what gear to bring?")
    assert asks_for_heading("What number is the section on people in the annual report?")
    assert not asks_for_heading("Which part of the ship was broken?")
    assert not asks_for_heading("Which part of the plan will be funded first?")  # of the thing
    assert not asks_for_heading("Which part of the statement was false?")


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
    # the heading, then what it covers (after the document's name when others are quoted)
    assert re.match(r"(According to “Team handbook”: )?3\. Expenses \[1\] ", answer.answer)
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


def test_a_file_name_gives_its_words_not_its_dates_or_hashes():
    def words_of(doc_id: str) -> str:
        return Passage(passage_id="p", doc_id=doc_id, start=0, end=1, text="x").file_words

    assert words_of("press-release-2026-02-05.md") == "press release"
    assert words_of("reports/annual_report.2025.docx") == "annual report"
    assert words_of("000_d656f2f487da6926.txt") == ""
    assert words_of("CHANGES") == "CHANGES"


def test_a_document_is_found_by_what_its_file_is_called(tmp_path: Path, settings: Settings):
    """The press release never calls itself one; its file name does, and a letter that
    mentions "your press release" in passing is not it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "press-release-2026-02-05.md").write_text(
        "# Harbour ferry refit extended: extra sailings for the island\n\n"
        "The ferry will stay in dry dock until the end of March while the hull is repaired.\n\n"
        "## Timetable and bookings\n\n"
        "A landing craft will sail on Mondays and Fridays at 09:30 from the north pier. "
        "Bookings open at the harbour office on 10 February.\n\n"
        "## What they said\n\n"
        '"We are sorry for the disruption," said the operations director.\n',
        encoding="utf-8",
    )
    docs_letter = "letter-community-council.txt"
    (docs / docs_letter).write_text(
        "Dear Sir,\n\nYour press release of 5 February about the ferry says that the "
        "community council fully supports the new timetable. It does not: the council "
        "asked for sailings on every weekday and for bookings to open at the island shop. "
        "We ask you to publish a correction of the press release.\n\nYours faithfully,\n"
        "The Secretary\n",
        encoding="utf-8",
    )
    (docs / "email-thread.txt").write_text(
        "From: engineer@ferries.example\nSubject: hull survey\n\nThe survey found fourteen "
        "plates below the renewal limit. The steel work will take six more weeks, and the "
        "vessel cannot sail before the end of March.\n",
        encoding="utf-8",
    )
    (docs / "committee-transcript.txt").write_text(
        "THE CHAIR: The committee will now hear from the ferry company about the refit. "
        "MR. PRYCE: Thank you, Chair. The hull needs more work than we expected, and the "
        "landing craft will carry freight in the meantime.\n",
        encoding="utf-8",
    )
    ingest(docs, settings, progress=False)
    service = QAService(settings)
    snapshot = service.snapshot()
    found = snapshot.passages([pid for pid, _ in snapshot.bm25.top("release", 6)])
    # BM25 finds the press release by a word of its file name, and the letter by its text
    assert {p.doc_id for p in found} == {"press-release-2026-02-05.md", docs_letter}
    answer = service.ask("What is the section of the press release with the quotes called?")
    assert not answer.abstained
    assert answer.citations[0].doc_id == "press-release-2026-02-05.md", answer.answer
    assert "What they said" in answer.answer


def test_the_named_documents_section_is_named_though_another_heading_has_its_name(
    tmp_path: Path, settings: Settings
):
    """Item 6 of the minutes is called "Annual Report", and both it and section 6 of the
    annual report name section 6: the document the question names decides."""
    docs = tmp_path / "docs"
    docs.mkdir()
    filler = "The figures are set out in the tables that follow this paragraph. " * 6
    sections = ["Chair's statement", "Water quality", "Leakage", "Customers", "Investment"]
    report = ["Osprey Valley Water\n\nAnnual Report 2024-25\n"]
    for n, title in enumerate([*sections, "Finances", "People and safety"], start=1):
        report.append(f"{n}. {title}\n\n{filler}\n")
    (docs / "annual-report.txt").write_text("\n".join(report), encoding="utf-8")
    items = ["Apologies", "Minutes", "Matters arising", "Leakage", "Customer office"]
    minutes = ["Minutes of the Board meeting held on 17 June 2025\n"]
    for n, title in enumerate([*items, "Annual Report 2024-25", "Any other business"], 1):
        minutes.append(f"{n}. {title}\n\nThe Board discussed the item and agreed the paper.\n")
    (docs / "agenda-and-minutes-2025-06.txt").write_text("\n".join(minutes), encoding="utf-8")
    ingest(docs, settings, progress=False)
    service = QAService(settings)
    question = "What is section 6 of the annual report called?"
    prepared = service.prepare(question, [], settings.top_k)
    first = next(c for c in prepared.candidates if names_heading(c.sentence, question))
    assert first.passage.doc_id.startswith("agenda-and-minutes")  # ranked first here
    # The selection, not only the composer's tie-break, takes the named document's: under
    # another fit the two headings' probabilities are no tie.
    selection = select(prepared.profile, prepared.candidates, settings, prepared.snapshot)
    assert [c.sentence.text for c in selection.candidates] == ["6. Finances"]
    assert selection.candidates[0].passage.doc_id == "annual-report.txt"
    answer = service.ask(question)
    assert answer.answer.startswith("6. Finances") and not answer.abstained, answer.answer


CHANGELOG = """# Changelog

All notable changes to Inkwell are documented in this file. The format follows Keep a
Changelog, and the project uses semantic versioning.

## [Unreleased]

### Changed
- The default port of `inkwell serve` will change from 8000 to 4173.

## [3.0.0] - 2025-04-14

### Breaking changes
- The configuration file is now `inkwell.toml`. The old `site.yaml` file is no longer
  read. Run `inkwell migrate-config` once to convert it.
- Python 3.10 or newer is now required. Support for Python 3.8 and 3.9 has been dropped.
- The `--out` flag, deprecated in 2.7.0, has been removed. Use `--output-dir` instead.

### Added
- Incremental builds: only pages whose sources changed are rebuilt.
- A search index is generated at build time.

### Changed
- Template engine upgraded to Jinja2 3.1.
- Timestamps in generated sitemaps now use UTC.

## [2.7.1] - 2025-02-03

### Security
- Updated the bundled Markdown parser to fix a denial of service on deeply nested lists.

### Fixed
- The build no longer crashes when an image file name contains a space.

## [2.7.0] - 2024-12-10

### Added
- A `--drafts` flag for `inkwell serve`.

### Deprecated
- The `--out` flag. It still works but prints a warning, and it will be removed
  in 3.0.0.
"""


def test_when_a_release_came_out_is_the_heading_that_dates_it(tmp_path: Path):
    """ "When did 3.0.0 come out?": "## [3.0.0] - 2025-04-14", not the sentence that says
    3.0.0 will remove a flag (which the scorer, reading sentences, ranks higher)."""
    service = service_over(tmp_path, "CHANGELOG.md", CHANGELOG)
    answer = service.ask("When did 3.0.0 come out?")
    assert not answer.abstained and "2025-04-14" in answer.answer, answer.answer
    assert answer.citations[0].quote.startswith("[3.0.0] - 2025-04-14")
    assert "2025-02-03" in service.ask("When was version 2.7.1 released?").answer
    assert service.ask("When will 3.1.0 come out?").abstained
    # however low the scorer ranks the dated heading, the selection takes it
    question = "When did 3.0.0 come out?"
    prepared = service.prepare(question, [], service.settings.top_k)
    heading = [c for c in prepared.candidates if c.sentence.text.startswith("[3.0.0]")]
    others = [c for c in prepared.candidates if c not in heading]
    assert heading and others
    chosen = select(prepared.profile, [*others, *heading], service.settings, prepared.snapshot)
    assert [c.sentence.text for c in chosen.candidates] == ["[3.0.0] - 2025-04-14"]


def test_a_release_is_named_by_its_version():
    """ "version 3.2" names the release whose heading writes 3.2.0; a number without a
    version's mark in a question ("clause 3.2") or before a heading's words ("3.2 Scope")
    names a section, not a release."""
    assert references("When did version 3.2 come out?") == [("release", "3.2")]
    assert references("What changed in v3.2.0?") == [("release", "3.2")]
    assert references("Was release 2.4.1 a security fix?") == [("release", "2.4.1")]
    assert references("Will they release a fix?") == []
    assert references("What does clause 3.2 say?") == [("clause", "3.2")]
    assert heading_number("3.2.0 (19 March 2024)") == ("release", "3.2")
    assert heading_number("[3.1.0] - 2024-04-22") == ("release", "3.1")
    assert heading_number("v2.5.0 — 17 February 2025") == ("release", "2.5")
    assert heading_number("Version 2 (May 2024)") == ("release", "2")
    assert heading_number("3.2 Scope") == ("", "3.2")
    assert heading_number("2.4 - 14 May 2024 meeting") == ("", "2.4")  # more than a date
    assert same_part(("release", "3.2"), ("release", "3.2"))
    assert not same_part(("release", "3.2"), ("clause", "3.2"))
    assert not same_part(("", "4"), ("release", "4"))  # "version 4.0" is not "4. Fees"


def _long_changelog() -> str:
    """Releases of many changes each: a release's heading is passages away from most of
    its changes, and every release's changes name other versions, so a question's words
    find neither the heading nor the release."""
    releases = [
        ("3.4.0", "6 August 2024"),
        ("3.3.0", "2 May 2024"),
        ("3.2.0", "19 March 2024"),
        ("3.1.0", "23 January 2024"),
        ("3.0.0", "5 December 2023"),
    ]
    parts = ["# Harbour Sync — Release Notes\n"]
    for n, (version, date) in enumerate(releases):
        changes = "\n".join(
            f"- Change {n}.{i}: the sync client now handles folder set {i} faster than in "
            f"{releases[(n + 1) % len(releases)][0]}, and the old behaviour of "
            f"{releases[(n + 2) % len(releases)][0]} is kept behind a setting."
            for i in range(14)
        )
        parts.append(f"## {version} ({date})\n\n### Changed\n\n{changes}\n")
    return "\n".join(parts)


def test_when_a_release_named_by_its_version_came_out(tmp_path: Path):
    """ "When did version 3.2 come out?" of "## 3.2.0 (19 March 2024)": the heading is
    found in the structure, as a section named by number is, though neither "3.2" nor
    the question's other words retrieve it."""
    service = service_over(tmp_path, "release-notes.md", _long_changelog())
    question = "When did version 3.2 come out?"
    assert any("## 3.2.0 (19 March 2024)" in p.text for p in _hits(service, question))
    answer = service.ask(question)
    assert not answer.abstained and "19 March 2024" in answer.answer, answer.answer
    assert answer.citations[0].quote == "3.2.0 (19 March 2024)"
    assert "23 January 2024" in service.ask("When was v3.1 released?").answer
    assert service.ask("When did version 3.5 come out?").abstained
