"""Structure at ingest: wrapped paragraphs, headings, section paths, sentences with exact
offsets; and, end to end, quotes that cross line breaks and headings quoted as answers."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from sentence_gold import (
    all_paragraphs,
    gold_spans,
    held_out_paragraphs,
    paragraph_text,
    wrapped,
)

from ingest.chunking import make_passages
from ingest.structure import analyse, split_sentences
from qa.config import Settings
from qa.sentences import join_reason, sentence_spans


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _paths(structure) -> dict[str, str]:
    """Each sentence's (flattened) text -> its section path."""
    return dict(
        zip((_flat(s.text) for s in structure.sentences), structure.sections(), strict=True)
    )


def _words(texts: list[str]) -> list[int]:
    return [len(t.split()) for t in texts]


def _exact(text: str, structure) -> None:
    for s in structure.sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def _read(text: str):
    """The text's structure, its sentences checked exact (`_exact`), and the sentences as
    (kind, text with its spaces flattened)."""
    structure = analyse(text)
    _exact(text, structure)
    return structure, [(s.kind, _flat(s.text)) for s in structure.sentences]


def _fill(paragraph: str) -> str:
    return textwrap.fill(paragraph, 70, break_long_words=False, break_on_hyphens=False)


# A lease hard-wrapped at 70 columns: numbered sections "1.", clauses "2.1", sub-clauses
# "(a)" directly under their clause, legal abbreviations.
LEASE_PARTS = [
    "EQUIPMENT LEASE AGREEMENT",
    'This Equipment Lease Agreement (the "Lease") is made on 3 March 2025 between Northwind '
    'Leasing Inc. (the "Lessor") and Harbor Freight Logistics Ltd. (the "Lessee"). The Lessor '
    "agrees to lease to the Lessee the equipment listed in Schedule A, e.g. forklifts, pallet "
    "racks and loading ramps, on the terms below.",
    "1. Definitions",
    '1.1 "Equipment" means the machines and accessories listed in Schedule A, together with '
    "any replacement parts supplied by the Lessor under Section 6.",
    "2. Term",
    "2.1 The Lease begins on the delivery date and continues for a period of thirty-six (36) "
    "months unless it is terminated earlier under Section 5.",
    "3. Rent and Payment",
    "The Lessee shall pay a monthly rent of GBP 4,250 (approx. USD 5,400) in advance on "
    "the first business day of each month. Late payments bear interest at 4% per annum above "
    "the base rate of the Bank of England.",
    "The Lessee shall not withhold rent because of a dispute about the Equipment, cf. the "
    "decision in Smith v. Jones.",
    "4. Maintenance and Insurance",
    "4.1 The Lessee shall keep the Equipment in good working order and shall insure it "
    "against loss, theft and damage for its full replacement value with an insurer approved "
    "by the Lessor.",
    "5. Termination",
    "5.1 The Lessee may terminate this Lease by giving the Lessor not less than sixty (60) "
    "days' written notice, provided that all rent due up to the termination date has been "
    "paid.",
    "5.2 The Lessor may terminate this Lease with immediate effect if the Lessee:",
    "(a) fails to pay any rent within fourteen (14) days after its due date;",
    "(b) becomes insolvent or enters into an arrangement with its creditors; or",
    "(c) moves the Equipment outside the United Kingdom without the Lessor's prior written "
    "consent.",
    "6. Return of Equipment",
    "6.1 On expiry or termination of this Lease the Lessee shall return the Equipment at its "
    "own cost to the Lessor's depot at Unit No. 5, Riverside Industrial Estate, in the same "
    "condition as at delivery, fair wear and tear excepted.",
]


def lease_text() -> str:
    blocks = [_fill(p) for p in LEASE_PARTS]
    text = "\n\n".join(blocks) + "\n"
    # Sub-clauses follow their clause on the next line, without a blank line.
    return re.sub(r"\n\n(?=\([abc]\))", "\n", text)


def test_a_wrapped_line_is_not_a_sentence_boundary():
    text = lease_text()
    assert max(len(line) for line in text.splitlines()) <= 70
    structure = analyse(text)
    _exact(text, structure)
    by_text = {_flat(s.text): s for s in structure.sentences}
    notice = by_text[_flat(LEASE_PARTS[12]).removeprefix("5.1 ")]  # the enumerator is not quoted
    assert "\n" in notice.text and notice.kind == "sentence"
    # Two sentences of one wrapped clause, each whole; the second starts mid-line.
    assert (
        "The Lessee shall pay a monthly rent of GBP 4,250 (approx. USD 5,400) in advance on the first business day of each month."
        in by_text
    )
    assert (
        "Late payments bear interest at 4% per annum above the base rate of the Bank of England."
        in by_text
    )
    assert (
        "The Lessee shall not withhold rent because of a dispute about the Equipment, cf. the decision in Smith v. Jones."
        in by_text
    )
    # No sentence is a line fragment: every one ends a clause or is a heading.
    for s in structure.sentences:
        assert s.kind in ("title", "heading") or s.text.endswith((".", ";", ":", "or")), s.text


def test_each_row_of_a_dot_leader_list_is_a_unit_of_its_own():
    """ "Household membership ...... GBP 60" answers "How much is a family membership?" on
    its own: a run of dot-leader rows is a list, one row per line, not one long sentence
    of every row; an ellipsis in prose is no leader."""
    text = textwrap.dedent("""        The annual dues are:
          Full member ............................ GBP 42
          Household membership ................... GBP 60
          Platform (vault, keys) ... Omar Haddad

        We waited ... and then the ferry came.
        It was late ... again.

        She was unsure ... about the scope of the
        project and said, well ... we might
        wait.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("list_item", "Household membership ................... GBP 60") in found
    assert ("list_item", "Platform (vault, keys) ... Omar Haddad") in found
    assert ("sentence", "The annual dues are:") in found
    assert ("sentence", "We waited ... and then the ferry came.") in found
    assert any(
        k == "sentence" and t.startswith("She was unsure") and t.endswith("wait.") for k, t in found
    )


def test_each_field_of_a_run_of_labelled_lines_is_a_unit_of_its_own():
    """ "Households supplied: 48,200" answers "How many homes?" on its own: a run of lines
    of a label, a colon and a value is a list, one field per line. A turn of a transcript
    ends a sentence, a wrapped line runs on, and an address that opens with its name stays
    one record."""
    text = textwrap.dedent("""\
        2. The year at a glance
        Households supplied: 48,200 (2023-24: 47,650)
        Business customers: 2,140
        Revenue: £24.7 million; operating costs: £19.1 million
        Average household bill: £198 (2023-24: £190), a rise of 4.2%

        THE CHAIR: Thank you. Councillor Finch, you have five minutes.
        CLLR FINCH: Thank you, Chair.

        Note: the venue opens at 9 am and the
        first session starts at 9.30 am sharp, so
        please arrive early.

        Grants Team, Ashcombe Foundation
        The Old Granary, 3 Weir Lane, Tarrowbridge
        Telephone: 01632 960 418
        E-mail: grants@ashcombe.example
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("list_item", "Households supplied: 48,200 (2023-24: 47,650)") in found
    assert ("list_item", "Revenue: £24.7 million; operating costs: £19.1 million") in found
    assert ("list_item", "Average household bill: £198 (2023-24: £190), a rise of 4.2%") in found
    assert ("sentence", "CLLR FINCH: Thank you, Chair.") in found
    assert not any(k == "list_item" and "the venue" in t for k, t in found)
    assert any(t.startswith("Note: the venue") and t.endswith("arrive early.") for _, t in found)
    assert not any(k == "list_item" and "01632" in t for k, t in found)


def test_a_field_alone_between_blank_lines_keeps_its_wrapped_value_and_heads_nothing():
    """A notice's header block sets each field apart by blank lines, its value wrapped
    into its own column ("Applicant:" over an address): a field, not a heading over what
    follows (which had put the site address and the proposal under the agent's name)."""
    text = textwrap.dedent("""\
        NOTICE OF DECISION

        Case officer:           James Whitlock (01632 960 342)

        Applicant:              Mr Daniel Ashworth and Mrs Sophie Ashworth
                                14 Larch Close, Millbrook, Halverton, HV7 4RD

        Agent:                  Owen Pryce, Fenwick Design Studio Ltd
                                3 Mill Yard, Halverton, HV2 5AS

        Site address:           14 Larch Close, Millbrook, Halverton, HV7 4RD

        The council grants planning permission for the development described above.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert (
        "list_item",
        "Applicant: Mr Daniel Ashworth and Mrs Sophie Ashworth 14 Larch Close, Millbrook, "
        "Halverton, HV7 4RD",
    ) in found
    assert (
        "list_item",
        "Agent: Owen Pryce, Fenwick Design Studio Ltd 3 Mill Yard, Halverton, HV2 5AS",
    ) in found
    assert not [t for kind, t in found if kind == "heading" and ("Applicant" in t or "Agent" in t)]
    assert structure.sections()[-1] == ""  # under the title, no field


def test_a_record_whose_lines_hang_under_its_second_cell_is_no_heading():
    """A flight's record sets its cells in columns and goes on under the second one: one
    record, not a heading ("Outbound  Mon 12 May ...") over the times, which had put the
    notes after the flights under the return flight."""
    text = textwrap.dedent("""\
        GROUP TRAVEL ITINERARY

        FLIGHTS
        -------

        Outbound  Mon 12 May 2025  Aurelia Air AU 2417
                  Manchester (MAN) Terminal 2 dep 07:15
                  Porto (OPO) arr 09:50

        Return    Mon 19 May 2025  Aurelia Air AU 2418
                  Porto (OPO) dep 10:40
                  Manchester (MAN) Terminal 2 arr 13:15

        Coach transfer to Manchester Airport departs Ashby Market Place at 03:15.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert not [
        t for kind, t in found if kind == "heading" and t.startswith(("Outbound", "Return"))
    ]
    assert any(t.startswith("Outbound") and "dep 07:15" in t for _, t in found)
    assert structure.sections()[-1] == "FLIGHTS"
    # a heading set out in two cells may wrap under its title's cell
    guide = textwrap.dedent("""\
        User Guide

        Chapter 3   Installing the Software
                    (Windows and macOS)

        Before you begin, make sure you have administrator rights.
        """)
    assert analyse(guide).sentences[1].kind == "heading"


def test_a_sign_off_over_a_heading_in_capitals_is_a_line_of_the_letter():
    """A newsletter's letter ends with its writer's name over the next item's heading in
    capitals: the name heads nothing, and stays a sentence a question may quote. A line
    in title case over text of its own is still a heading."""
    text = textwrap.dedent("""\
        ELMBRIDGE LANE PRIMARY SCHOOL

        FROM THE HEADTEACHER

        Thank you to everyone who came to our Harvest assembly this week.

        Mrs Harriet Coombes, Headteacher

        CHRISTMAS FAIR - SATURDAY 6 DECEMBER

        The PTA Christmas Fair will take place from 11am to 2pm in the hall.

        Lost Property

        Unclaimed items go to charity at half term.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("sentence", "Mrs Harriet Coombes, Headteacher") in found
    assert ("heading", "CHRISTMAS FAIR - SATURDAY 6 DECEMBER") in found
    assert ("heading", "Lost Property") in found
    # only a name with its honorific is a sign-off: a heading in title case over one in
    # capitals still heads its part (a helper's review of the first rule, which took any)
    guide = "Volunteer Guide\n\nGetting Started\n\nBEFORE YOUR FIRST SHIFT\n\nBring photo ID.\n"
    assert ("heading", "Getting Started") in [(s.kind, s.text) for s in analyse(guide).sentences]


def test_a_letters_formulas_and_abbreviated_labels_head_nothing():
    """ "Dear Mrs Whitcombe" and "Yours sincerely" open and close a letter: they head no
    section. A field's label may be abbreviated ("Contact tel.:", "Account no.:"): still a
    field, not a heading over the fields under it."""
    letter = textwrap.dedent("""\
        HARTWELL & DUNMORE SOLICITORS

        Dear Mrs Whitcombe

        Thank you for your letter of 8 March 2024 and for the photographs.

        Yours sincerely

        Peter D. Rowlands
        """)
    found = [(s.kind, _flat(s.text)) for s in analyse(letter).sentences]
    assert ("sentence", "Dear Mrs Whitcombe") in found
    assert ("sentence", "Yours sincerely") in found
    assert not [t for kind, t in found if kind == "heading"]
    report = (
        "FIELD SURVEY REPORT\n\nMethods\n\nKick samples were taken.\n\nThanks\n\nWe are grateful.\n"
    )
    assert ("heading", "Thanks") in [(s.kind, s.text) for s in analyse(report).sentences]
    form = textwrap.dedent("""\
        PATIENT DETAILS

        Next of kin:       Mrs Fiona Macallister (wife)
        Contact tel.:      01382 320 554 / 07700 900 412

        Bank Details

        Sort code:      40-22-17
        Account no.:    61839204
        Reference:      INV-10482
        """)
    structure = analyse(form)
    _exact(form, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("list_item", "Next of kin: Mrs Fiona Macallister (wife)") in found
    assert ("list_item", "Contact tel.: 01382 320 554 / 07700 900 412") in found
    assert ("list_item", "Account no.: 61839204") in found
    assert _paths(structure)["Reference: INV-10482"] == "Bank Details"


def test_a_quoted_message_under_a_separator_is_headed_by_its_sender():
    """ "-----Original Message-----" right above the quoted message's header, no blank line
    between: the header still opens the message, titled by its sender, not by "Sent:"."""
    text = textwrap.dedent("""\
        From: Karen Lindqvist <k.lindqvist@example.com>
        Sent: Thursday, 14 March 2024 16:42
        Subject: RE: Print run

        Thanks for the proofs.

        -----Original Message-----
        From: Marcus Obi <marcus.obi@example.co.uk>
        Sent: Wednesday, 13 March 2024 11:05
        Subject: Print run

        Please find attached the second set of proofs.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    headings = [t for kind, t in found if kind == "heading"]
    assert "From: Marcus Obi <marcus.obi@example.co.uk>" in headings
    assert not [t for t in headings if t.startswith("Sent:")]
    assert _paths(structure)["Please find attached the second set of proofs."].endswith(
        "From: Marcus Obi <marcus.obi@example.co.uk>"
    )


def test_a_table_row_out_of_line_with_its_neighbours_heads_nothing():
    """A fare table's "Free" cells start left of where its prices' did: the row is out of
    line with its neighbours, yet three cells parted by runs of spaces are a row, not a
    heading over the rows and the prose after it."""
    text = textwrap.dedent("""\
        STEAM RAILWAY TIMETABLE

        FARES

        Ticket type                       Return      Single
        Adult                             £16.50       £9.00
        Child (5-15)                       £8.50       £5.00
        Child under 5                        Free        Free
        Family (2 adults + up to 3        £42.00          -
          children)
        Dog                                £2.00       £2.00

        Tickets can be bought at the station or online.
        """)
    structure = analyse(text)
    _exact(text, structure)
    assert not [s.text for s in structure.sentences if s.kind == "heading" and "Free" in s.text]
    assert _paths(structure)["Tickets can be bought at the station or online."] == "FARES"
    spec = textwrap.dedent("""\
        Specification

        4.2   Electrical Requirements   (normative)
        The unit shall operate from a 230 V supply.
        """)
    assert analyse(spec).sentences[1].kind == "heading"  # not under a table's row


def test_a_heading_in_capitals_over_a_table_is_no_caption_in_a_plain_text():
    """A plain notice marks only its title (framed by rules); its sections are lines in
    capitals standing alone. "CONTACT" over its table of numbers heads a section, as its
    siblings do, and the text after the table is under it, not under the section before."""
    text = textwrap.dedent("""\
        ==============================
        WATER SUPPLY INTERRUPTION
        ==============================

        EXTRA SUPPORT

        Bottled water will be available from the community room.

        CONTACT

          Estate Office                 0161 496 0782
          Out-of-hours repairs line     0800 123 4567

        We apologise for the inconvenience.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("heading", "CONTACT") in found
    assert _paths(structure)["We apologise for the inconvenience."] == "CONTACT"
    # a caption with its number, in a document with "#" headings, is still a caption
    report = textwrap.dedent("""\
        # Water Quality Monitoring 2024

        Results are summarised below.

        TABLE 1: NITRATE (MG/L)

        | Site   | Jan | Apr |
        |--------|-----|-----|
        | Inlet  | 4.1 | 3.8 |

        All values are within the permitted limits.
        """)
    found = [(s.kind, _flat(s.text)) for s in analyse(report).sentences]
    assert ("heading", "TABLE 1: NITRATE (MG/L)") not in found


def test_a_faqs_questions_head_their_answers_on_the_next_line():
    """A plain-text FAQ sets each answer on the line under its question, no blank line
    between: each question heads its answer, as a question standing alone does. One
    question opening a paragraph of prose heads nothing."""
    text = textwrap.dedent("""\
        Frequently Asked Questions - Millbrook Allotment Society

        How do I get an allotment?
        Add your name to the waiting list by filling in the form on the notice
        board at the gate, or by emailing the secretary.

        How much does it cost?
        The annual rent for 2024 is £64 for a full plot.
        """)
    structure = analyse(text)
    _exact(text, structure)
    paths = _paths(structure)
    assert paths["The annual rent for 2024 is £64 for a full plot."] == "How much does it cost?"
    assert ("heading", "How do I get an allotment?") in [
        (s.kind, s.text) for s in structure.sentences
    ]
    prose = textwrap.dedent("""\
        River Report

        Why does this matter?
        Because the river floods the lower meadow most winters.
        """)
    assert not [s for s in analyse(prose).sentences if s.kind == "heading"]


def test_a_schedules_fields_padded_to_one_column_are_apart_even_when_a_line_is_full():
    """A hard-wrapped lease's schedule: "First payment: ... 1 April 2025" is as long as the
    wrapped lines, yet "Deposit:" under it is a field of its own, its value in the same
    column; a value wrapped onto an indented line stays with its field."""
    clause = "The Tenant must pay the Rent in advance on the due date by standing order"
    text = textwrap.dedent(f"""\
        4.1 {clause}
            to the account in the Schedule, and must not withhold any of it.

        SCHEDULE

        Rent:                 £1,385 per calendar month
        Rent due date:        1st day of each month
        First payment:        £1,385 payable on or before 1 April 2025
        Deposit:              £1,598 (equivalent to five weeks' rent)
        Holding deposit:      £319, already paid, to be credited against the
                              first month's Rent
        Parking:              one allocated space, bay 7, rear car park
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("list_item", "First payment: £1,385 payable on or before 1 April 2025") in found
    assert ("list_item", "Deposit: £1,598 (equivalent to five weeks' rent)") in found
    assert (
        "list_item",
        "Holding deposit: £319, already paid, to be credited against the first month's Rent",
    ) in found
    # a field whose value is not padded to a column still wraps into the line under it
    body = (
        "The tenant must pay the rent in advance on the due date by standing order to the "
        "account named in the schedule and must keep the property in good repair throughout "
        "the term and return it in the same condition at the end of the tenancy subject to "
        "fair wear and tear, and must allow the landlord access on reasonable notice for "
        "inspections and repairs at any reasonable time of the day."
    )
    text = "\n".join(textwrap.wrap(body, 72)) + (
        "\n\nTenant: Ms Jane Doe\n"
        "Landlord: Mr John Smith of 12 High Street, Little Snoring, Norfolk, England\n"
        "United Kingdom, acting for the owners\n"
    )
    structure = analyse(text)
    _exact(text, structure)
    assert any(
        "Mr John Smith" in t and "acting for the owners" in t
        for _, t in ((s.kind, _flat(s.text)) for s in structure.sentences)
    )


def test_a_clause_wrapped_early_is_no_heading_but_a_heading_may_end_in_its_preposition():
    """A line that ends in a preposition, an article, a conjunction or a modal verb runs on
    into the next ("2.1 The tenancy is for a fixed term of 12 months, beginning on" /
    "1 September 2025 ..."), unless it is a wh-clause ("1. What it is used for"); and a
    numbered party "(1)" followed by "(2)" is an item of a list, not a heading."""
    text = textwrap.dedent("""\
        PARTIES

        (1) Fenella Gorrie, of 3 Chantry Close, Wendlecombe (the "Landlord").

        (2) Tobias Arkwright and Leonie Varga (together the "Tenant").

        2. TERM

        2.1 The tenancy is for a fixed term of 12 months, beginning on
            1 September 2025 and ending on 31 August 2026.

        2.2 The Landlord must return the deposit within
            10 days of the end of the tenancy.

        3. What the tablets are used for

        They relieve hay fever.

        4. Fees for 2025-26

        The fee is £40.

        5. Appendix A

        The forms.

        6. Signing in

        Sign in at the desk.

        Warning: do not use this kettle near water or
        Note: it must be dry.
        """)
    structure = analyse(text)
    _exact(text, structure)
    headings = [_flat(s.text) for s in structure.sentences if s.kind == "heading"]
    assert headings == [
        "2. TERM", "3. What the tablets are used for", "4. Fees for 2025-26", "5. Appendix A",
        "6. Signing in",
    ]  # fmt: skip
    assert not any(s.kind == "list_item" and "Warning" in s.text for s in structure.sentences)
    found = [_flat(s.text) for s in structure.sentences]
    assert any(t.endswith("ending on 31 August 2026.") and "beginning on" in t for t in found)
    assert any(t.startswith("(1) Fenella") or t.startswith("Fenella") for t in found)


def test_a_chat_message_or_log_entry_is_never_the_tail_of_the_line_before():
    """Stamped lines are written one per line: a message that ends without a stop ("ok ok,
    not touching it") does not run on into the next one, and an indented line after a
    message (a pasted error) belongs to that message."""
    text = textwrap.dedent("""\
        [2026-03-14 02:23] dana.k: can I just rm the oldest WAL files
        [2026-03-14 02:23] felix.a: NO. never delete anything in pg_wal by hand
        [2026-03-14 02:24] dana.k: ok ok, not touching it
        [2026-03-14 02:26] felix.a: found it. archiver failing since yesterday:
            walpush: upload to qf-wal-archive failed: 403 AccessDenied
        2026-03-14T02:30:05Z ERROR archiver stuck
        [02:31] <tomas> that's hours
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [_flat(s.text) for s in structure.sentences]
    assert found[0] == "[2026-03-14 02:23] dana.k: can I just rm the oldest WAL files"
    assert "[2026-03-14 02:24] dana.k: ok ok, not touching it" in found
    assert any(f.endswith("failed: 403 AccessDenied") and "02:26" in f for f in found)
    assert "2026-03-14T02:30:05Z ERROR archiver stuck" in found
    assert "[02:31] <tomas> that's hours" in found
    for s in structure.sentences:  # no sentence holds two stamps
        assert len(re.findall(r"\d{1,2}:\d{2}(?::\d{2})?[\]Z]", s.text)) <= 1, s.text


def test_front_matter_fields_are_units_of_their_own():
    """A note's YAML front matter: each field is quoted alone ("date: 2026-04-02"), never
    run together with the next field; a "---" later in the text is no front matter."""
    text = textwrap.dedent("""\
        ---
        title: Allotment committee notes
        date: 2026-04-02
        tags:
          - garden
          - committee
        author: Ruth Abara
        ---

        # Allotment committee notes

        The committee met in the pavilion.
        """)
    structure = analyse(text)
    _exact(text, structure)
    found = [_flat(s.text) for s in structure.sentences]
    assert "date: 2026-04-02" in found
    assert "author: Ruth Abara" in found
    assert any(f.startswith("tags:") and "committee" in f for f in found)
    assert not any("---" in f for f in found)
    later = "Notes\n\n---\ndate: 2026-04-02\nauthor: Ruth Abara\n---\n"
    assert [_flat(s.text) for s in analyse(later).sentences][-1] == (
        "date: 2026-04-02 author: Ruth Abara"
    )


def test_headings_kinds_and_section_paths_of_a_numbered_document():
    text = lease_text()
    structure = analyse(text)
    assert structure.title == "EQUIPMENT LEASE AGREEMENT"
    kinds = {_flat(s.text): s.kind for s in structure.sentences}
    assert kinds["EQUIPMENT LEASE AGREEMENT"] == "title"
    for heading in ("1. Definitions", "2. Term", "5. Termination", "6. Return of Equipment"):
        assert kinds[heading] == "heading"
    assert kinds["becomes insolvent or enters into an arrangement with its creditors; or"] == (
        "list_item"
    )
    sections = dict(
        zip((_flat(s.text) for s in structure.sentences), structure.sections(), strict=True)
    )
    assert sections["becomes insolvent or enters into an arrangement with its creditors; or"] == (
        "5. Termination"
    )
    assert sections[_flat(LEASE_PARTS[3]).removeprefix("1.1 ")] == "1. Definitions"
    assert sections["EQUIPMENT LEASE AGREEMENT"] == ""
    # "Section 6." and "Section 5." at the start of a wrapped line are references, not headings.
    assert not any(k == "heading" and t.startswith("Section") for t, k in kinds.items())


def test_nested_and_labelled_headings_build_the_path():
    text = (
        "Service Terms\n\n"
        "ARTICLE IV — PAYMENT\n\n"
        "Section 9 — Invoices\n"
        "Invoices are issued monthly. They are payable within 30 days.\n\n"
        "5. Termination\n\n"
        "5.2 Notice\n\n"
        "Notice must be given in writing to the address in No. 5 of Schedule B.\n\n"
        "5.3 Effect. On termination all unpaid fees fall due at once. Clause 7.3 survives.\n"
    )
    structure = analyse(text)
    _exact(text, structure)
    path = _paths(structure)
    assert path["They are payable within 30 days."] == "ARTICLE IV — PAYMENT > Section 9 — Invoices"
    assert path["Notice must be given in writing to the address in No. 5 of Schedule B."] == (
        "ARTICLE IV — PAYMENT > Section 9 — Invoices > 5. Termination > 5.2 Notice"
    )
    # "5.3 Effect." opens its clause: a heading inline, the rest its sentences.
    kinds = {_flat(s.text): s.kind for s in structure.sentences}
    assert kinds["5.3 Effect."] == "heading"
    assert kinds["On termination all unpaid fees fall due at once."] == "sentence"
    assert path["Clause 7.3 survives."].endswith("5. Termination > 5.3 Effect")


def test_a_numbered_clause_ends_the_section_of_the_heading_before_it():
    text = (
        "Leave Policy\n\n"
        "Section 4: Other Leave\n\n"
        "4.5 Volunteering. Each employee may take two volunteering days.\n\n"
        "4.6 Study leave. Employees may take up to five days of study leave.\n"
    )
    structure = analyse(text)
    path = _paths(structure)
    assert path["Each employee may take two volunteering days."] == (
        "Section 4: Other Leave > 4.5 Volunteering"
    )
    assert path["Employees may take up to five days of study leave."] == "Section 4: Other Leave"


def test_numbered_table_rows_and_list_items_end_no_section():
    """A table's numbered rows are no clauses, and a list numbered from 1 is a list, under
    whatever heading number; a clause of the heading's own numbering still ends it."""
    text = (
        "Workshop Manual\n\n"
        "1. Introduction\n\nRead this manual first.\n\n"
        "1. Keep it dry.\n2. Keep it clean.\n3. Keep it charged.\n\n"
        "The rules apply to every model.\n\n"
        "2. Parts\n\n"
        "2.1 Parts list\n\n"
        "No.  Part               Weight\n"
        "---  -----------------  ------\n"
        "5    Gear housing       1.2 kg\n"
        "6    Drive shaft        0.8 kg\n\n"
        "2.2 Spares\n\nSpares are ordered from the dealer.\n\n"
        "1. Quote the serial number.\n2. Quote the part number.\n3. Pay in advance.\n\n"
        "2.3 A faulty part is returned to the dealer within thirty days of delivery.\n\n"
        "3. Safety\n\nWear gloves.\n"
    )
    structure = analyse(text)
    path = _paths(structure)
    assert path["Keep it charged."] == "1. Introduction"  # a list under "1." is a list
    assert path["The rules apply to every model."] == "1. Introduction"
    # rows "5" and "6" under "2.1" end neither "2.1" nor "2."
    assert path["Spares are ordered from the dealer."] == "2. Parts > 2.2 Spares"
    assert path["Pay in advance."] == "2. Parts > 2.2 Spares"
    # after the list, clause "2.3" of the heading's own numbering ends "2.2"
    assert (
        path["A faulty part is returned to the dealer within thirty days of delivery."]
        == "2. Parts"
    )
    assert path["Wear gloves."] == "3. Safety"


def test_a_header_row_with_a_stop_over_a_column_rule_is_a_row():
    """ "No.  Part  Weight" over "---  ----  ------" is a table's header row, not prose
    typed with two spaces after a stop (which stays prose when no rule is beside it)."""
    text = (
        "Parts\n\nThe parts are listed below.\n\n"
        "No.  Part           Weight\n"
        "---  -------------  ------\n"
        "1    Gear housing   1.2 kg\n"
        "2    Drive shaft    0.8 kg\n\n"
        "The gear sat.  The shaft turned all day.\n"
    )
    kinds = {s.text: s.kind for s in analyse(text).sentences}
    assert kinds["No.  Part           Weight"] == "table_row"
    assert kinds["1    Gear housing   1.2 kg"] == "table_row"
    assert kinds["The gear sat."] == "sentence"


def test_the_rule_under_an_indented_text_tables_header_is_no_row():
    """A table indented under a numbered clause, its header ruled with one run of dashes
    per column ("    -----  -------"): the rule is layout, not a row (a candidate sentence
    of dashes), and the rows under it are rows."""
    text = (
        "3. CANCELLATION\n\n"
        "3.2 The following charges apply:\n\n"
        "    Notice given before arrival      Amount you lose\n"
        "    -------------------------------  ---------------------\n"
        "    More than 8 weeks                Your deposit only\n"
        "    Less than 4 weeks                The full rental charge\n\n"
        "3.3 We refund what new guests pay, less a fee of £35.\n"
    )
    kinds = {s.text: s.kind for s in analyse(text).sentences}
    assert not any(set(t) <= set("- ") for t in kinds), kinds
    assert kinds["Notice given before arrival      Amount you lose"] == "table_row"
    assert kinds["More than 8 weeks                Your deposit only"] == "table_row"
    assert kinds["Less than 4 weeks                The full rental charge"] == "table_row"


def test_a_text_tables_cell_may_end_in_a_comma():
    """ "Three times a day,   5 days": a cell ending in a comma, on a row of three cells or
    more, is no prose typed with two spaces after a stop; the row and its wrapped cell
    stay one row. Prose with two spaces after its commas stays prose."""
    text = (
        "YOUR MEDICINES\n\n"
        "  Medicine       Dose        How often            How long\n"
        "  -------------  ----------  -------------------  -----------\n"
        "  Paracetamol    1 g         Four times a day     Up to 7 days\n"
        "  Ibuprofen      400 mg      Three times a day,   5 days\n"
        "                             with food\n"
        "  Co-amoxiclav   625 mg      Three times a day    5 days\n\n"
        "The ward sister called,  the porter came,  and we left at noon.\n"
        "Nobody waited,  nothing was lost,  and the car was outside.\n"
    )
    kinds = {s.text: s.kind for s in analyse(text).sentences}
    ibuprofen = next(t for t in kinds if t.startswith("Ibuprofen"))
    assert kinds[ibuprofen] == "table_row" and ibuprofen.endswith("with food"), kinds
    assert kinds["Co-amoxiclav   625 mg      Three times a day    5 days"] == "table_row"
    assert all(k != "table_row" for t, k in kinds.items() if "ward sister" in t), kinds


def test_title_like_line_between_sentences_is_a_heading():
    text = (
        "Intro sentence one is here. Intro sentence two is\nhere.\n"
        "Scope of Work\n"
        "The Supplier shall deliver the goods.\n"
    )
    structure = analyse(text)
    kinds = [(s.text, s.kind) for s in structure.sentences]
    assert ("Scope of Work", "heading") in kinds
    assert ("Intro sentence two is\nhere.", "sentence") in kinds


def test_a_line_of_bold_labels_and_values_is_text_not_a_heading():
    """The colon of "**Capacity:**" stands before the bold's closing marks: still a stop."""
    text = (
        "## Lumen Hall\n\n"
        "**Capacity:** 40 | **Access:** lift | **Licensed**\n\n"
        "### Rooms\n\n- the long gallery\n"
    )
    kinds = {s.text: s.kind for s in analyse(text).sentences}
    assert kinds["**Capacity:** 40 | **Access:** lift | **Licensed**"] != "heading"
    assert kinds["Lumen Hall"] == kinds["Rooms"] == "heading"


def test_numbers_at_a_wrapped_line_start_do_not_open_clauses():
    text = "The index rose\n12.5 points on Monday. Analysts\n2. expected less.\n"
    sentences = analyse(text).sentences
    assert [s.text for s in sentences] == [
        "The index rose\n12.5 points on Monday.",
        "Analysts\n2. expected less.",
    ]


def test_a_list_of_short_numbered_items_is_a_list_not_headings():
    text = "Shopping\n\n1. Apples\n2. Pears\n3. Plums\n\nBuy them on Friday.\n"
    structure = analyse(text)
    kinds = {s.text: s.kind for s in structure.sentences}
    assert kinds["Apples"] == kinds["Plums"] == "list_item"
    assert kinds["Buy them on Friday."] == "sentence"


MARKDOWN = """# Widget 3000 User Guide

The Widget 3000 is a compact controller. It runs firmware v2.1.0 or
later, see Sec. 2.3 of the release notes.

## Installation

1. Unpack the device.
2. Press the Reset button for approx. 5 sec. until the LED
   blinks.

### Linux

Install the driver:

```bash
sudo apt install widget-driver
widget --version
```

## Specifications

| Property | Value |
|----------|-------|
| Voltage  | 12 V  |

- Weight: 200 g
* Size: 10 x 5 cm, i.e. pocket-sized

Troubleshooting
---------------

If the light stays red... wait a minute and try again.
"""


def test_markdown_headings_lists_code_and_tables():
    structure = analyse(MARKDOWN)
    _exact(MARKDOWN, structure)
    got = [(s.kind, s.text) for s in structure.sentences]
    assert got[0] == ("title", "Widget 3000 User Guide")
    assert (
        "sentence",
        "It runs firmware v2.1.0 or\nlater, see Sec. 2.3 of the release notes.",
    ) in got
    assert ("heading", "Installation") in got
    assert (
        "list_item",
        "Press the Reset button for approx. 5 sec. until the LED\n   blinks.",
    ) in got
    # A fenced code block is one unit, without its fences.
    assert ("code", "sudo apt install widget-driver\nwidget --version") in got
    # Each table row is one unit; the separator row is none.
    assert ("table_row", "| Property | Value |") in got
    assert ("table_row", "| Voltage  | 12 V  |") in got
    assert not any("---" in t for _, t in got)
    assert ("list_item", "Weight: 200 g") in got and (
        "list_item",
        "Size: 10 x 5 cm, i.e. pocket-sized",
    ) in got
    assert ("heading", "Troubleshooting") in got
    assert ("sentence", "If the light stays red... wait a minute and try again.") in got
    sections = dict(zip((t for _, t in got), structure.sections(), strict=True))
    assert sections["sudo apt install widget-driver\nwidget --version"] == "Installation > Linux"
    assert sections["| Voltage  | 12 V  |"] == "Specifications"
    assert sections["If the light stays red... wait a minute and try again."] == "Troubleshooting"


@pytest.mark.parametrize(
    "sentences",
    [
        ["The court in Smith v. Jones held that the clause was void.", "The appeal failed."],
        ["Acme Holdings Inc. signed on Monday.", "Bolt Ltd. did not."],
        ["See e.g. Art. 5 and Sec. 4.2 of the Regulation.", "It applies from 2025."],
        ["The fees are listed in No. 5 of Schedule B.", "They are due in advance."],
        ["Pay approx. 3.5 million euros, i.e. the full amount.", "Interest accrues daily."],
        ["Prof. J. R. R. Tolkien wrote it in the U.S. edition.", "It sold well."],
        ["He said: “The contract is void.”", "The judge disagreed."],
        ["Send the form to HR.", "HR confirms the last day in writing."],
        ["Document No. HR-POL-06 applies.", "It was revised on Jan. 15 this year."],
        # a sentence opens with no colon nor closing bracket (`_punctuation_continues`)
        ["Client no.:  AF-20817 is the account.", "It was opened in May."],
        ["Ask as described in [Who should I contact?](#who-should-i-contact).", "We reply."],
    ],
)
def test_legal_and_general_abbreviations_do_not_end_sentences(sentences):
    text = " ".join(sentences)
    for variant in (text, wrapped(text, 30)):
        assert [variant[s:e] for s, e in sentence_spans(variant)] == [
            variant[s:e] for s, e in gold_spans(sentences)
        ]


@pytest.mark.parametrize(
    "paragraphs", [all_paragraphs, held_out_paragraphs], ids=["labelled", "held-out"]
)
def test_the_splitter_on_the_labelled_paragraphs(paragraphs):
    """benchmarks/sentence_splitters.py compares splitters on the same paragraphs."""
    right = total = predicted = 0
    for _, sentences in paragraphs():
        text = wrapped(paragraph_text(sentences))
        got = set(sentence_spans(text))
        gold = set(gold_spans(sentences))
        right += len(got & gold)
        total += len(gold)
        predicted += len(got)
    assert right / total >= 0.95 and right / predicted >= 0.95


def test_each_join_rule_gives_its_reason():
    assert "name" in join_reason("Ask Dr.", "Patel today.")
    assert "number" in join_reason("See Fig.", "3 for details.")
    assert "lower-case" in join_reason("It weighs abt.", "five kilos.")
    assert join_reason("It ended.", "The next one began.") is None
    assert "reference" in join_reason("Dodd, P. and Farrah, L.", "(2021) Inland Waters.")
    assert "reference" in join_reason("Tolkien, J.R.R.", "(1954) The Fellowship.")
    assert "reference" in join_reason("Smith, J.", "(n.d.) Notes.")
    assert "reference" in join_reason("Smith, J.", "(2021, March 3) News.")
    assert join_reason("We chose Plan B.", "(2021) saw record profits.") is None  # no author
    assert join_reason("It ended in 1999.", "(2001) was next.") is None


def test_a_reference_is_one_sentence_up_to_its_title():
    text = "The core textbook is Dodd, P. and Farrah, L. (2021) Inland Waters. Calder Press."
    assert next(text[a:b] for a, b in sentence_spans(text)) == (
        "The core textbook is Dodd, P. and Farrah, L. (2021) Inland Waters."
    )


def test_passages_carry_their_section_and_headings_travel_with_their_text():
    text = lease_text()
    passages = make_passages("lease.txt", "EQUIPMENT LEASE AGREEMENT", text, 40, _words)
    assert len(passages) > 3
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.title == "EQUIPMENT LEASE AGREEMENT"
        assert p.sentences[-1].kind not in ("heading", "title"), "a heading never ends one"
        assert all(text[s.start : s.end] == s.text for s in p.sentences)
    # The section of a passage is the section of its text.
    by_start = {p.sentences[0].text: p for p in passages}
    assert by_start["5. Termination"].section == "5. Termination"
    assert any(p.section == "3. Rent and Payment" for p in passages)
    assert passages[0].sentences[0].kind == "title" and passages[0].section == ""
    again = make_passages("lease.txt", "EQUIPMENT LEASE AGREEMENT", text, 40, _words)
    assert [p.passage_id for p in again] == [p.passage_id for p in passages]


def test_records_written_before_kinds_still_read():
    """Passage records of chunking v3 hold [start, end] per sentence (no kind, no section)."""
    from qa.store import _passage

    text = "Heading\nA sentence that ends with a period."
    meta = {"doc_id": "d.txt", "title": "T", "start": 0, "end": len(text)}
    meta["sentences"] = f"[[0, 7], [8, {len(text)}]]"
    p = _passage("pid", text, meta)
    assert [s.kind for s in p.sentences] == ["heading", "sentence"]
    assert p.section == ""


def test_bm25_indexes_title_file_name_and_section():
    from qa.retrieve import bm25_text
    from qa.types import Passage

    p = Passage(passage_id="x", doc_id="tenancy-2024.txt", title="Lease",
                section="5. Termination > 5.2 Notice", start=0, end=4, text="Body")  # fmt: skip
    # the file name's words, and the own heading, not the whole path
    assert bm25_text(p) == "Lease\ntenancy\n5.2 Notice\nBody"


def test_ask_quotes_whole_wrapped_sentences_and_headings(tmp_path: Path, settings: Settings):
    """End to end: a hard-wrapped contract ingested into a temp index, asked through
    QAService."""
    from ingest.pipeline import ingest
    from qa.cli import render
    from qa.service import QAService
    from qa.store import Store
    from ui.render import DocumentView, esc, source_card

    path = tmp_path / "docs" / "lease.txt"
    path.parent.mkdir()
    text = lease_text()
    path.write_text(text, encoding="utf-8")
    report = ingest(path.parent, settings, progress=False)
    assert report.added == ["lease.txt"]
    store = Store(settings)
    stored = list(store.iter_passages())
    assert {p.section for p in stored} >= {"5. Termination", "3. Rent and Payment"}
    assert any(s.kind == "heading" for p in stored for s in p.sentences)
    service = QAService(settings)

    answer = service.ask("How much notice must the Lessee give to terminate the lease?")
    assert not answer.abstained, answer.answer
    [quote] = [c for c in answer.citations if "sixty (60)" in c.quote]
    assert text[quote.start : quote.end] == quote.quote
    assert "\n" in quote.quote, "the sentence crosses line breaks"
    assert quote.quote.startswith("The Lessee may terminate")
    assert quote.quote.endswith("has been paid.")
    assert _flat(quote.quote) in answer.answer and "\n" not in answer.answer
    assert f"“{_flat(quote.quote)}”" in _flat(render(answer))  # the CLI, flattened
    view = DocumentView(service.document_text(quote.doc_id))
    card = source_card(quote, "t1", view)  # the UI, flattened
    assert f"“{esc(_flat(quote.quote))}”" in card

    answer = service.ask("What is section 4 called?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "4. Maintenance and Insurance"
    assert text[answer.citations[0].start : answer.citations[0].end] == answer.citations[0].quote

    answer = service.ask("What is the title of the agreement?")
    assert [c.quote for c in answer.citations][:1] == ["EQUIPMENT LEASE AGREEMENT"]

    # A heading is not quoted for a question that does not ask for one.
    answer = service.ask("What interest do late payments bear?")
    assert answer.citations and all(
        c.quote not in ("3. Rent and Payment", "EQUIPMENT LEASE AGREEMENT")
        for c in answer.citations
    )
    assert "Late payments bear interest at 4% per annum" in _flat(answer.citations[0].quote)

    # Re-ingesting the unchanged file costs nothing.
    again = ingest(path.parent, settings, progress=False)
    assert again.unchanged == ["lease.txt"] and again.passages_embedded == 0


# --- session 7: documents of other kinds (reports, papers, FAQs) ---------------------------
def _paths(structure) -> dict[str, str]:
    return dict(
        zip((_flat(s.text) for s in structure.sentences), structure.sections(), strict=True)
    )


def _kinds(structure) -> dict[str, str]:
    return {_flat(s.text): s.kind for s in structure.sentences}


# A field report hard-wrapped at 70 columns, in the style of papers and standards:
# sentence-case numbered headings, each alone on its line.
SURVEY = [
    "Nesting success of river terns on three gravel islands",
    "1. Background",
    "Tern colonies on braided rivers lose many nests to floods and to predators. This "
    "report describes the second year of a monitoring programme on the Aske river.",
    "2. Approach",
    "2.1 Field layout",
    "Each island was divided into plots of 20 by 20 metres, marked with painted stakes "
    "at each corner and checked every third day from May to July.",
    "2.2 Counting nests and chicks",
    "Nests were counted from a hide with a telescope, and chicks were ringed when they "
    "were about ten days old.",
    "3. Findings",
    "Two of the three islands flooded in June. Nest success was 31% on the island that "
    "stayed dry and under 10% on the others.",
]


def survey_text() -> str:
    return "\n\n".join(_fill(p) for p in SURVEY) + "\n"


def test_sentence_case_numbered_headings_are_headings():
    """ "2.1 Field layout" is a heading as "2.1 Field Layout" is: reports, standards and
    papers write numbered headings in sentence case."""
    text = survey_text()
    structure = analyse(text)
    kinds, paths = _kinds(structure), _paths(structure)
    assert kinds["2.1 Field layout"] == kinds["2.2 Counting nests and chicks"] == "heading"
    assert paths[_flat(SURVEY[7])] == "2. Approach > 2.2 Counting nests and chicks"
    assert paths[_flat(SURVEY[5])] == "2. Approach > 2.1 Field layout"


def test_a_sentence_case_heading_directly_above_its_text_and_a_wrapped_clause():
    """Directly above its text (no blank line), a sentence-case numbered line is a heading
    when it ends early; a clause's first line that is full (wrapped) is not, even when the
    next line starts with a capital."""
    unwrapped = (
        "Club Handbook\n\n"
        "4. Use of the boat shed\n"
        "Members may store one boat in the shed. The key is kept at the bar.\n"
    )
    assert _kinds(analyse(unwrapped))["4. Use of the boat shed"] == "heading"
    wrapped_clause = (
        _fill(
            "Some text to set the width of this document, wrapped at seventy columns as "
            "the rest of it is, with more words to fill a few lines of the paragraph here. "
            "the boats are kept in the shed by the river and are checked every week by the "
            "boat officer, who keeps a log of repairs and of the state of each hull and oar, "
            "and who reports to the committee at each of its monthly meetings in the club."
        )
        + "\n\n"
        + (
            "7.2 The member who books the boat is responsible for its return to the\n"
            "Club Secretary before dark on the day of the booking.\n"
        )
    )
    wrapped_clause += (
        "\n7.3 A member who returns the boat late pays a fee, and a member who is late more\n"
        "than three times in one season loses the right to book for ninety\n"
        "(90) days after the third late return.\n"
    )
    kinds = _kinds(analyse(wrapped_clause))
    assert "heading" not in kinds.values()
    assert (
        kinds[
            "The member who books the boat is responsible for its return to the Club Secretary "
            "before dark on the day of the booking."
        ]
        == "sentence"
    )
    # "(90)" at the start of a wrapped line continues the clause: no list item.
    assert "list_item" not in kinds.values()


def test_a_title_wrapped_over_several_lines_is_the_whole_title():
    """A report's long title, hard-wrapped like its text, is one title, not a paragraph."""
    text = survey_text().replace(
        SURVEY[0],
        "Nesting success and chick survival of river terns on three gravel islands of\n"
        "the upper Aske: the second year of a flood-pulse monitoring programme",
    )
    structure = analyse(text)
    assert structure.title == (
        "Nesting success and chick survival of river terns on three gravel islands of the "
        "upper Aske: the second year of a flood-pulse monitoring programme"
    )
    assert structure.sentences[0].kind == "title"
    # A first paragraph that is a sentence stays a paragraph.
    prose = survey_text().replace(
        SURVEY[0],
        "This report describes the nesting success of the river terns that breed on\n"
        "three gravel islands of the upper Aske in the second year of monitoring.",
    )
    assert analyse(prose).title == ""


def test_a_table_written_as_text_is_rows_not_a_heading():
    """Columns aligned with runs of spaces are a table: each line a row, the header row
    no heading (it would head every later section); a reStructuredText simple table's
    header between its "=====  =====" rules too, and a row's wrapped cell stays in it."""
    text = survey_text().replace(
        _fill(SURVEY[7]),
        _fill(SURVEY[7]) + "\n\nTable 2. Nests and chicks by island.\n\n"
        "  Island        Nests   Chicks ringed\n"
        "  Upper bar     41      36\n"
        "  Willow spit   28      9\n",
    )
    structure, got = _read(text)
    assert ("table_row", "Island Nests Chicks ringed") in got
    assert ("table_row", "Willow spit 28 9") in got
    paths = _paths(structure)
    assert paths["Two of the three islands flooded in June."] == "3. Findings"
    assert paths["Willow spit 28 9"] == "2. Approach > 2.2 Counting nests and chicks"

    rst = (
        "Tool reference\n\nExit statuses\n-------------\n\nThe tool exits with one of these:\n\n"
        "====  ======================================\n"
        "Code  Meaning\n"
        "====  ======================================\n"
        "0     Done.\n"
        "4     The disk was full; the run stopped and\n"
        "      left the old copy in place.\n"
        "====  ======================================\n\n"
        "Scripts may rely on these.\n"
    )
    structure, got = _read(rst)
    assert ("table_row", "Code Meaning") in got and ("heading", "Code Meaning") not in got
    assert (
        "table_row",
        "4 The disk was full; the run stopped and left the old copy in place.",
    ) in got
    assert _paths(structure)["Scripts may rely on these."] == "Exit statuses"
    # Prose typed with two spaces after a full stop is no table, even where they line up.
    typed = "The boats are out.  The shed is shut.\nThe keys are here.  Ask the warden.\n"
    assert [s.kind for s in analyse(typed).sentences] == ["sentence"] * 4


def test_a_grid_of_figures_parted_by_single_spaces_is_rows_with_their_column_codes():
    """A timetable sets its times in columns parted by one space each, and its longest
    stop name leaves one space before the first time: every line is a row, lined up with
    the next by the ends of its figures, the first stop's and the last one's included
    ("Main Ent.)" ends no sentence there), and the line of column codes over a grid ("S"
    over a schoolday journey) is part of the grid, no heading of the rows below. Two
    field lines with dates and times that happen to line up stay fields."""
    text = (
        "ROUTE 9    Northgate - Harbour\n\n"
        "MONDAYS TO FRIDAYS\n\n"
        "                                       S\n"
        "Northgate Bus Station (Stand D) 0615 0705 0745 0850\n"
        "Market Cross                    0621 0711 0751 0856\n"
        "Fenwick Road                    0626 0716 0756 0901\n"
        "Harbour Hospital (Main Ent.)    0656 0746 0826 0931\n\n"
        "Buses run every hour after that.\n"
    )
    kinds, sections = _kind_and_section_of(text)
    assert kinds["Northgate Bus Station (Stand D) 0615 0705 0745 0850"] == "table_row"
    assert kinds["Harbour Hospital (Main Ent.) 0656 0746 0826 0931"] == "table_row"
    assert kinds["S"] == "table_row"
    assert sections["Market Cross 0621 0711 0751 0856"] == "MONDAYS TO FRIDAYS"
    assert sections["Buses run every hour after that."] == "MONDAYS TO FRIDAYS"

    fields = (
        "DISCHARGE SHEET\n\n"
        "Admitted:            Tuesday 11 March 2025, 08:15\n"
        "Discharged:          Tuesday 11 March 2025, 16:40\n\n"
        "He recovered well.\n"
    )
    kinds, _ = _kind_and_section_of(fields)
    assert kinds["Admitted: Tuesday 11 March 2025, 08:15"] == "list_item"


def test_what_lines_up_like_a_grid_of_figures_and_is_none():
    """A reviewer's cases: list items that list times in columns stay items; a heading
    centred over a timetable's columns still heads its rows (it is wider than any figure);
    prose whose wrapped lines end in figures that line up stays prose; a rule at the
    margin under a pipe table still ends the table. A grid of short lines is rows, not
    one block of lines with the sentences around it."""
    hours = (
        "# Feeding times\n\nThe keepers feed the animals three times a day:\n\n"
        "- Mon 0900 1300 1700\n- Tue 0900 1300 1700\n- Wed 0930 1330 1730\n\n"
        "Visitors may watch from the gallery.\n"
    )
    kinds, _ = _kind_and_section_of(hours)
    assert kinds["Mon 0900 1300 1700"] == kinds["Wed 0930 1330 1730"] == "list_item"
    days = (
        "Route 12 timetable\n\n"
        "                    Monday to Friday\n"
        "Abbey Road     0700 0800 0900 1000 1100\n"
        "Bell Lane      0705 0805 0905 1005 1105\n\n"
        "                    Saturdays\n"
        "Abbey Road     0800 1000 1200 1400 1600\n"
        "Bell Lane      0805 1005 1205 1405 1605\n"
    )
    kinds, sections = _kind_and_section_of(days)
    assert kinds["Saturdays"] == "heading"
    assert sections["Bell Lane 0805 1005 1205 1405 1605"] == "Saturdays"
    prose = (
        "Service changes\n\n"
        "From Monday extra buses will leave Abbey Road at 0615 0645 0715\n"
        "and after that go on to call at the hospitals at 0630 0700 0730\n"
        "before going on to the park and ride site.\n"
    )
    kinds, _ = _kind_and_section_of(prose)
    assert {k for t, k in kinds.items() if t != "Service changes"} == {"sentence"}
    pipes = (
        "# Notes\n\n| Name | Role |\n|------|------|\n| Ann | Chair |\n---\nNext meeting | 4 May\n"
    )
    assert _kind_and_section_of(pipes)[0]["Next meeting | 4 May"] == "sentence"
    results = (
        "Exam results\n\nThe class sat three papers in June.\n"
        "Adams 67 72 80\nBaker 55 61 58\nClark 90 88 94\n"
        "The pass mark was 50 on each paper.\n"
    )
    kinds, _ = _kind_and_section_of(results)
    assert kinds["Baker 55 61 58"] == "table_row"
    assert kinds["The pass mark was 50 on each paper."] == "sentence"


def test_a_numbered_heading_over_fields_heads_them_and_opens_no_run_of_lines():
    """ "1.1 Product identifier" over "Product name: ..." lines is a clause's heading over
    its fields, not the first line of an address-like record of short lines; so is "1.2
    Uses advised against", though it ends in a word that would run on into the next
    line."""
    text = (
        "SAFETY DATA SHEET\n\nSECTION 1: IDENTIFICATION\n\n"
        "1.1 Product identifier\n"
        "Product name: BRISKA Limescale Spray\n"
        "Product code: PHC-LS-750\n"
        "Pack size: 750 ml trigger spray bottle\n\n"
        "SECTION 2: HAZARDS\n\nIt irritates the skin.\n"
    )
    kinds, sections = _kind_and_section_of(text)
    assert kinds["1.1 Product identifier"] == "heading"
    assert kinds["Product code: PHC-LS-750"] == "list_item"
    assert (
        sections["Product code: PHC-LS-750"] == "SECTION 1: IDENTIFICATION > 1.1 Product identifier"
    )
    # a clause's heading that ends in a word that runs on ("against") still heads a field
    uses = text.replace(
        "SECTION 2:",
        "1.2 Uses advised against\nAvoid use: on natural stone, or on brass.\n\nSECTION 2:",
    )
    kinds, sections = _kind_and_section_of(uses)
    assert kinds["1.2 Uses advised against"] == "heading"
    assert sections["Avoid use: on natural stone, or on brass."].endswith(
        "1.2 Uses advised against"
    )
    # not where the line after it goes on with a clause
    prose = (
        "Terms\n\n1.2 We may refuse service to anyone who acts against\nthe rules of the club.\n"
    )
    assert "heading" not in _kind_and_section_of(prose)[0].values()


def test_a_row_of_figures_a_blank_line_below_its_table_is_a_row_not_a_heading():
    """Accounts set their net result a blank line under the last total: a line in capitals
    with figures in the table's columns is a row of it, not a heading over the rest of
    the document. A line in capitals after a table, its figures elsewhere, heads on."""
    text = (
        "4. FINANCIAL SUMMARY\n\n"
        "EXPENDITURE\n"
        "  Raising funds                                  2,870        2,410\n"
        "  TOTAL EXPENDITURE                             58,725       47,825\n\n"
        "NET INCOME FOR THE YEAR                          5,262        5,858\n\n"
        "Notes to the summary follow the accounts.\n\n"
        "5. RESERVES\n\n"
        "  Restricted funds                              14,200       12,000\n\n"
        "TARGET FOR 2026    3 months\n\n"
        "We hold three months of costs.\n"
    )
    kinds, sections = _kind_and_section_of(text)
    assert kinds["NET INCOME FOR THE YEAR 5,262 5,858"] == "table_row"
    assert sections["Notes to the summary follow the accounts."] == (
        "4. FINANCIAL SUMMARY > EXPENDITURE"
    )
    assert kinds["TARGET FOR 2026 3 months"] == "heading"


def test_a_bills_sums_set_flush_right_under_rules_are_rows_of_it():
    """A bill sets its sums flush right, so that "£36.00" and "£646.50" start in different
    columns but end in one; a rule drawn under the column of sums (indented to it) comes
    before each total, and a deduction may stand a blank line below. Each is a row of the
    bill, where the rule had opened a paragraph with the total and the total alone on its
    line had headed the rest of the document."""
    text = (
        "Booking confirmation\n\nPRICE BREAKDOWN\n\n"
        "Room, Fri 21 Mar 2025                          £168.00\n"
        "Room, Sat 22 Mar 2025                          £194.00\n"
        "Car parking, 3 nights x £12.00                  £36.00\n"
        "                                           -----------\n"
        "TOTAL (including VAT at 20%)                   £398.00\n\n"
        "Deposit paid 14 Jan 2025 (Visa ending 4471)   -£168.00\n"
        "                                           -----------\n"
        "BALANCE DUE ON DEPARTURE                       £230.00\n\n"
        "ARRIVAL\n\n"
        "Check-in is from 3:00 pm.\n"
    )
    kinds, sections = _kind_and_section_of(text)
    for row in (
        "Car parking, 3 nights x £12.00 £36.00",
        "TOTAL (including VAT at 20%) £398.00",
        "Deposit paid 14 Jan 2025 (Visa ending 4471) -£168.00",
        "BALANCE DUE ON DEPARTURE £230.00",
    ):
        assert kinds[row] == "table_row", row
        assert sections[row] == "PRICE BREAKDOWN", row
    assert not any("---" in t for t in kinds)
    assert sections["Check-in is from 3:00 pm."] == "ARRIVAL"
    # justified prose ends every line in one column: its last words are no figures
    prose = (
        "The  board  met  twice  in  the  year  and  approved  the  budget\n"
        "for  the  works,  which  the  members  had  asked  for  in  April.\n"
    )
    assert {k for k in _kind_and_section_of(prose)[0].values()} == {"sentence"}


def test_restructuredtext_adornments_under_a_title_make_headings_not_a_fence():
    """A Sphinx page underlines its subsections with "~" or "^" as long as the title: each
    is a heading below the "=" and "-" ones, where "~~~" had opened a Markdown fence that
    swallowed the rest of the page as code. A "~~~" shorter than the line above it is
    still a fence."""
    text = (
        "Usage\n=====\n\nBackups run at night.\n\n"
        "Scheduling\n~~~~~~~~~~\n\nRun the schedule command to set the time.\n\n"
        "Partial restores\n^^^^^^^^^^^^^^^^\n\nPass a path to restore one folder.\n\n"
        "Example:\n~~~\nrestore --path photos\n~~~\n\nAfter the fence.\n"
    )
    structure, got = _read(text)
    assert ("heading", "Scheduling") in got and ("heading", "Partial restores") in got
    paths = _paths(structure)
    assert paths["Run the schedule command to set the time."] == "Scheduling"
    assert paths["Pass a path to restore one folder."] == "Partial restores"
    assert ("code", "restore --path photos") in got
    assert ("sentence", "After the fence.") in got


def test_a_text_table_cell_wraps_over_lines_and_a_spaced_clause_is_no_table():
    """A row's last cell may wrap over several lines, each indented to its column, and the
    next row lines up with the row's first line, not its wrapped one. A numbered clause
    typed with two spaces after its number ("3.4  Contents in the garden. ...") is no
    table of two columns, though the clauses above and below line up with it: it is a
    clause, its run-in heading and sentences read as such."""
    table = (
        "Reagent          Storage   Kept for\n"
        "Stain            RT        6 months\n"
        "                           in the dark,\n"
        "                           away from acids\n"
        "Ladder           -20 C     1 year\n"
    )
    _, got = _read(table)
    assert ("table_row", "Stain RT 6 months in the dark, away from acids") in got
    assert ("table_row", "Ladder -20 C 1 year") in got

    policy = (
        "SECTION 3  CONTENTS\n\n"
        "3.3  Money. We will pay up to £500 for theft of money from the home.\n"
        "3.4  Contents in the garden. We will pay up to £1,000 for loss of or\n"
        "     damage to contents in the open but within the boundaries of the\n"
        "     home.\n"
        "3.5  Freezer contents. We will pay up to £750 for spoiled food.\n"
    )
    _, got = _read(policy)
    assert not any(kind == "table_row" for kind, _ in got)
    assert (
        "sentence",
        "We will pay up to £1,000 for loss of or damage to contents in the open but "
        "within the boundaries of the home.",
    ) in got


def test_a_text_table_rows_first_cell_may_wrap_before_its_other_cells():
    """Minutes' table of actions: a long action wraps, alone on its first line at the
    rows' indent, and goes on further indented on the next, beside its owner and date. The
    two lines are one row, so the date is the action's; a lone line after a blank line
    stays a line of its own."""
    table = (
        "  Action                                Owner          Deadline\n"
        "  Publish the summer ride calendar      Liam Foster    15 Mar 2025\n"
        "  Organise first aid course for ride leaders\n"
        "    (budget £600)                       Beth Nyambura  30 Apr 2025\n"
        "  Review over-70s concession            Committee      Oct 2025\n"
    )
    _, got = _read(table)
    assert (
        "table_row",
        "Organise first aid course for ride leaders (budget £600) Beth Nyambura 30 Apr 2025",
    ) in got
    assert ("table_row", "Review over-70s concession Committee Oct 2025") in got

    _, got = _read(table.replace("  Organise", "\n  Organise"))
    assert ("sentence", "Organise first aid course for ride leaders") in got
    assert ("table_row", "(budget £600) Beth Nyambura 30 Apr 2025") in got
    # a note over rows that open in capitals is no wrapped cell of theirs, nor a
    # labelled one over any row
    noted = table.replace("    (budget £600)   ", "    Budget £600     ")
    _, got = _read(noted)
    assert ("table_row", "Budget £600 Beth Nyambura 30 Apr 2025") in got
    labelled = table.replace("Organise first aid course", "Note: first aid course")
    _, got = _read(labelled)
    assert ("table_row", "(budget £600) Beth Nyambura 30 Apr 2025") in got


def test_unnumbered_headings_do_not_outrank_numbered_ones_and_a_byline_is_no_heading():
    """ "Summary" before "1. Background" and "Acknowledgements" after the last section are
    their siblings, not their parents; so is "PREAMBLE" before "ARTICLE 1". The authors'
    line under a title is a byline, not a heading."""
    text = survey_text().replace(
        SURVEY[0] + "\n\n",
        SURVEY[0] + "\n\nIngrid Solberg, Tomas Vrana, Ada Okonjo and Piet de Wit\n\n"
        "Summary\n\nTwo of three colonies failed in a year of early floods.\n\n",
    )
    text += "\nAcknowledgements\n\nWe thank the island wardens for their help.\n"
    structure = analyse(text)
    kinds, paths = _kinds(structure), _paths(structure)
    assert kinds["Ingrid Solberg, Tomas Vrana, Ada Okonjo and Piet de Wit"] != "heading"
    assert kinds["Summary"] == kinds["Acknowledgements"] == "heading"
    assert paths["Two of three colonies failed in a year of early floods."] == "Summary"
    assert paths[
        "Nests were counted from a hide with a telescope, and chicks were ringed when they were about ten days old."
    ] == ("2. Approach > 2.2 Counting nests and chicks")
    assert paths["We thank the island wardens for their help."] == "Acknowledgements"

    contract = (
        "HIRE AGREEMENT\n\nPREAMBLE\n\nThe Owner lets the boat to the Hirer.\n\n"
        "ARTICLE 1 — HIRE PERIOD\n\nThe hire runs for seven days.\n"
    )
    assert _paths(analyse(contract))["The hire runs for seven days."] == "ARTICLE 1 — HIRE PERIOD"


def test_a_heading_over_sections_numbered_anew_stays_their_parent():
    """Where numbering starts again under each unnumbered heading, those headings are the
    parents ("GENERAL CONDITIONS > 1. Scope", "SPECIAL CONDITIONS > 1. Scope")."""
    text = (
        "Terms of Hire\n\nGENERAL CONDITIONS\n\n1. Scope\n\nThese apply to every hire.\n\n"
        "SPECIAL CONDITIONS\n\n1. Scope\n\nThese apply to hires of sailing boats.\n"
    )
    paths = _paths(analyse(text))
    assert paths["These apply to every hire."] == "GENERAL CONDITIONS > 1. Scope"
    assert paths["These apply to hires of sailing boats."] == "SPECIAL CONDITIONS > 1. Scope"


def test_numbered_references_are_list_items_not_headings():
    """ "1. Berg K, Lund P (2019). Flood timing and tern colonies. Ibis 12: 3-9." is a
    reference, in plain text and in a Markdown ordered list; a run-in heading ("5. Fees.
    The Hirer pays ...") is a short phrase, without an author list or a year in brackets."""
    text = survey_text() + (
        "\nReferences\n\n"
        "1. Berg K, Lund P, Moen A (2019). Flood timing and the breeding of river\n"
        "terns. Journal of Braided Rivers 12: 3-9.\n\n"
        "2. Haas T (2021). Predators on gravel islands. Bird Study 8: 44-51.\n"
    )
    markdown = (
        "# River terns\n\nTerns nest on gravel.\n\n## References\n\n"
        "1. Berg K, Lund P (2019). Flood timing and tern colonies. Ibis 12: 3-9.\n"
        "2. Haas T (2021). Predators on gravel islands. Bird Study 8: 44-51.\n"
    )
    for doc in (text, markdown):
        structure = analyse(doc)
        kinds = _kinds(structure)
        assert not any(k == "heading" and "(20" in t for t, k in kinds.items()), kinds
        assert kinds["Haas T (2021)."] == "list_item"
        assert set(_paths(structure).values()) >= {"References"}
    # Sections numbered 1. 2. 3. above stay siblings of "References", not its children.
    assert _paths(analyse(text))["Haas T (2021)."] == "References"


def test_back_matter_before_an_appendix_is_a_sibling_of_the_sections():
    text = (
        "Tern Survey\n\n1. Counts\n\nWe counted 41 nests.\n\nNotes\n\nCounts are by hide.\n\n"
        "Appendix A — Plots\n\nThe plots are mapped below.\n"
    )
    paths = _paths(analyse(text))
    assert paths["Counts are by hide."] == "Notes"
    assert paths["The plots are mapped below."] == "Appendix A — Plots"


def test_faq_questions_on_their_own_lines_are_headings():
    """A FAQ's questions, each alone on its line above its answer, are its headings; a
    lone question in an article (a rhetorical lead) is not."""
    faq = (
        "Boat hire: questions and answers\n\n"
        "Answers to what members ask the office most often.\n\n"
        "Who may hire a boat?\n\n"
        "Any member who has passed the club's safety course.\n\n"
        "How long may I keep it?\n\n"
        "Up to seven days. Longer hires need the captain's approval.\n\n"
        "What if it is damaged?\n\n"
        "Report it to the boat officer on the day.\n"
    )
    structure = analyse(faq)
    kinds, paths = _kinds(structure), _paths(structure)
    assert kinds["Who may hire a boat?"] == kinds["What if it is damaged?"] == "heading"
    assert paths["Longer hires need the captain's approval."] == "How long may I keep it?"
    assert paths["Report it to the boat officer on the day."] == "What if it is damaged?"
    article = (
        "River Terns Return\n\nWill the terns come back this year?\n\n"
        "The wardens think so. Three pairs were seen on the upper bar last week.\n"
    )
    assert _kinds(analyse(article))["Will the terns come back this year?"] == "sentence"


# --- correspondence: transcripts, emails, letters, press releases -------------------------
def _split(text: str) -> list[str]:
    return [_flat(text[s:e]) for s, e in sentence_spans(text)]


def test_a_contraction_without_a_vowel_before_a_name_does_not_end_the_sentence():
    # A title with no vowel ("Cllr.", "Mgr.") stands before a name, in capitals too (a
    # transcript's speaker labels); before a sentence starter, or an acronym before a
    # mixed-case word, the period still ends the sentence.
    text = (
        "THE CHAIR: Councillor Vance.\n\nCLLR. VANCE: Thank you. I asked Mgr. Holt to "
        "come. He met the PM. The talks went well. She works at the BBC. Officials agree. "
        "Write to HR. HR replies."
    )
    assert _split(text) == [
        "THE CHAIR: Councillor Vance.",
        "CLLR. VANCE: Thank you.",
        "I asked Mgr. Holt to come.",
        "He met the PM.",
        "The talks went well.",
        "She works at the BBC.",
        "Officials agree.",
        "Write to HR.",
        "HR replies.",
    ]
    assert join_reason("CLLR.", "VANCE: Thank you.")


def test_a_bold_lead_in_stays_with_its_sentence():
    text = "**Parking.** Visitors may park on level 2. Staff use level 3."
    assert _split(text) == [
        "**Parking.** Visitors may park on level 2.",
        "Staff use level 3.",
    ]
    assert _split("Use *this.* Not that. * Next.")[0] == "Use *this.* Not that."


def test_an_address_on_one_line_heads_nothing():
    """A letterhead's address under its issuer, or a property's address over an
    agreement, is no heading that every section after it would be under; a heading that
    lists its topics with commas still is one."""
    notice = (
        "Decision notice\n\n"
        "Planning and Building Control, Civic Offices, Fore Street, Kestlebury KB1 1AD\n\n"
        "NOTICE OF DECISION\n\n"
        "Permission is granted for the works described in the application.\n\n"
        "Notices, Waiver, Severance, Assignment\n\n"
        "Any notice must be given in writing to the address above.\n"
    )
    _, section = _kind_and_section_of(notice)
    assert section["Permission is granted for the works described in the application."] == (
        "NOTICE OF DECISION"
    )
    assert section["Any notice must be given in writing to the address above."].endswith(
        "Notices, Waiver, Severance, Assignment"
    )
    tenancy = (
        "TENANCY AGREEMENT\n\n"
        "Flat 3, Kestrel House, 41 Wharfside Lane, Brackenford BR4 7QT\n\n"
        "This Agreement is made on 2 September 2024 between the Landlord and the Tenant.\n"
    )
    assert all(section == "" for _, _, section in _kinds_and_sections(tenancy))


def test_one_label_repeated_or_labels_used_once_name_no_speaker():
    """Labelled paragraphs are a dialogue's turns only when two speakers or more speak
    more than once: "Reason:" under each condition of a permit, or "Landlord:" and
    "Tenant:" once each, are fields, and the text after them is in no one's turn."""
    permit = "CONDITIONS\n\n" + "".join(
        f"{n}.  The works shall be finished in materials to match, stage {n}.\n\n"
        f"    Reason: To protect the character of the area, stage {n}.\n\n"
        for n in range(1, 5)
    )
    sections = {s for _, _, s in _kinds_and_sections(permit)}
    assert not any(s.endswith("Reason") for s in sections)
    parties = (
        "THE PARTIES\n\nLandlord: Ann Lee of 12 Hollin Road.\n\n"
        "Tenant: Bo Chan.\n\nAgent: Castlegate Lettings Ltd.\n\n"
        "The Tenant shall pay the rent monthly.\n"
    )
    section = {t: s for _, t, s in _kinds_and_sections(parties)}
    assert not section["The Tenant shall pay the rent monthly."].endswith("Agent")


def _kinds_and_sections(text: str) -> list[tuple[str, str, str]]:
    structure = analyse(text)
    _exact(text, structure)
    return [
        (s.kind, _flat(s.text), section)
        for s, section in zip(structure.sentences, structure.sections(), strict=True)
    ]


def _kind_and_section_of(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Each sentence's kind, and its section path, by its text (`_kinds_and_sections`)."""
    got = _kinds_and_sections(text)
    return {t: k for k, t, _ in got}, {t: s for _, t, s in got}


EMAIL_THREAD = """\
From: Ana Ruiz <ana@example.org>
To: Ben Cole <ben@example.org>
Date: Mon, 2 Mar 2026 09:00:00 +0000
Subject: Roof repair quote

Ben,

The roofer has sent his quote for the
north wing. It comes to 8,400 euros and
the work would take nine days.

Regards,
Ana

--
Ana Ruiz
Facilities Lead

======================================

From: Ben Cole <ben@example.org>
To: Ana Ruiz <ana@example.org>,
    Chris Dunn <chris@example.org>
Date: Mon, 2 Mar 2026 14:10:00 +0000
Subject: RE: Roof repair quote

Thanks. Please accept the quote and book
the work for April.

Ben

> It comes to 8,400 euros and the work would take
> nine days.

--
Ben Cole
"""


def test_an_email_thread_is_one_section_per_message_with_header_fields_apart():
    got = _kinds_and_sections(EMAIL_THREAD)
    rows = [(k, t) for k, t, _ in got]
    # Each header field is a unit of its own; the From field titles the message.
    assert ("heading", "From: Ana Ruiz <ana@example.org>") in rows
    assert ("table_row", "Date: Mon, 2 Mar 2026 09:00:00 +0000") in rows
    assert ("table_row", "To: Ana Ruiz <ana@example.org>, Chris Dunn <chris@example.org>") in rows
    section = {t: s for _, t, s in got}
    assert section["It comes to 8,400 euros and the work would take nine days."] == (
        "From: Ana Ruiz <ana@example.org>"
    )
    # The reply's text is in the reply's section, not in the first message's, and the
    # sign-off "Ben" above the quote is not a heading.
    reply = "Please accept the quote and book the work for April."
    assert section[reply] == "From: Ben Cole <ben@example.org>"
    assert ("sentence", "Ben") in rows and ("heading", "Ben") not in rows
    # A signature is one record (name and title together), not prose and not a heading.
    assert ("table_row", "Ana Ruiz Facilities Lead") in rows
    # A quoted sentence starts and ends without a ">" marker, apart from the reply.
    quoted = [t for k, t, _ in got if t.startswith("It comes to") and t.endswith("days.")]
    assert len(quoted) == 2 and all(not t.startswith(">") for t in quoted)


# A reply that quotes the whole thread under it, as mail programs do: the quoted message
# has its own paragraphs, a list, a table of figures with a total under a rule, and a
# signature; the message it quotes in turn is quoted one level deeper.
QUOTING_REPLY = """\
From: Jo Hale <jo@example.org>
To: Sam Reed <sam@example.org>
Date: Fri, 6 Jun 2025 18:20
Subject: Re: Boiler service

Thanks Sam, Thursday the 19th is fine.
> Can you confirm by Monday?
Yes, I confirm.

On Fri, 6 Jun 2025 at 11:02, Sam Reed <sam@example.org> wrote:

> Hi Jo,
>
> The engineer can't come on the 12th, so we have moved the visit to
> Thursday 19 June. It will take about
> three hours.
>
> The figures:
>
>   Annual service                £95.00
>   Replacement seal              £18.00
>   ------------------------------------
>   Total, inc. VAT               £113.00
>
> - Water: off for an hour in the morning.
> - Heating: off until the afternoon.
>
> Can you confirm by Monday?
>
> --
> Sam Reed
> Reed Heating Ltd
> 07700 900 123 | www.reedheating.example
>
> On Tue, 3 Jun 2025 at 09:15, Jo Hale
> <jo@example.org> wrote:
>
>> Could you come on Thursday 12 June? The boiler
>> is making a noise again.
"""


def test_a_quoted_message_is_read_as_a_text_of_its_own():
    """Quoted text is read without its "> " marks: its paragraphs, list, table and
    signature are what they would be unquoted, its wrapped sentences whole (their offsets
    exact, marks and all), and the line over it ending in a colon titles it."""
    got = _kinds_and_sections(QUOTING_REPLY)
    kinds = {t: k for k, t, _ in got}
    section = {t: s for _, t, s in got}
    quoted = "On Fri, 6 Jun 2025 at 11:02, Sam Reed <sam@example.org> wrote:"
    assert kinds[quoted] == "heading"
    moved = "It will take about > three hours."
    in_quote = f"From: Jo Hale <jo@example.org> > {quoted.rstrip(':')}"  # nested in the reply
    assert kinds[moved] == "sentence" and section[moved] == in_quote
    [wrapped] = [s for s in split_sentences(QUOTING_REPLY) if s.text.startswith("It will take")]
    assert wrapped.text == "It will take about\n> three hours."
    # The quoted message's paragraphs are apart: the greeting is no part of the news.
    assert kinds["Hi Jo,"] == "sentence"
    assert kinds["Water: off for an hour in the morning."] == "list_item"
    assert kinds["Annual service £95.00"] == "table_row"
    assert kinds["Total, inc. VAT £113.00"] == "table_row"  # the total under the rule
    assert kinds["Sam Reed > Reed Heating Ltd > 07700 900 123 | www.reedheating.example"] == (
        "table_row"
    )
    # The message it quotes is a section of its own, one level deeper.
    older = "On Tue, 3 Jun 2025 at 09:15, Jo Hale > <jo@example.org> wrote:"
    assert kinds[older] == "heading"
    assert section["Could you come on Thursday 12 June?"] == (
        f"{in_quote} > On Tue, 3 Jun 2025 at 09:15, Jo Hale <jo@example.org> wrote"
    )  # titled without the marks
    # Quoted lines never run on into the reply's, nor the reply's into them.
    assert kinds["Thanks Sam, Thursday the 19th is fine."] == "sentence"
    # A quoted heading's section ends with the quote: the reply is its writer's.
    assert section["Yes, I confirm."] == "From: Jo Hale <jo@example.org>"
    assert not any("fine. >" in t or "Monday? Yes" in t for _, t, _ in got)


def test_quoted_text_keeps_its_sections_to_itself():
    """A quoted message's section, and any heading inside the quote, end where the quote
    does: the reply under a quote is its writer's, in the section it was in."""
    post = (
        "From: John Smith <john@example.edu>\n"
        "Subject: Re: malloc returns NULL\n"
        "Date: 12 Nov 1996 14:03:11 GMT\n\n"
        "In article <56a1@news.example.com>, fred@example.com wrote:\n"
        "> My program calls malloc(0) and sometimes gets NULL back.\n"
        ">\n"
        "> ## Details\n"
        ">\n"
        "> I am using gcc 2.7 on SunOS.\n\n"
        "No. The standard allows either NULL or a unique pointer.\n\n"
        "> Is this a bug in the library?\n\n"
        "It is not a bug.\n"
    )
    kinds, section = _kind_and_section_of(post)
    message = "From: John Smith <john@example.edu>"
    quoted = f"{message} > In article <56a1@news.example.com>, fred@example.com wrote"
    assert section["My program calls malloc(0) and sometimes gets NULL back."] == quoted
    assert section["I am using gcc 2.7 on SunOS."] == f"{quoted} > Details"
    assert section["The standard allows either NULL or a unique pointer."] == message
    # A question quoted alone heads nothing: the answer under it is the reply's.
    assert kinds["Is this a bug in the library?"] == "sentence"
    assert section["It is not a bug."] == message


def test_a_lead_in_over_a_quote_stays_a_sentence_and_a_fence_left_open_ends_with_it():
    text = (
        "# Guide\n\n## Setup\n\n"
        "Here is what the docs say:\n\n"
        "> Set the variable `API_KEY` first.\n"
        "> ```\n"
        "> export API_KEY=abc\n\n"
        "Then run the tool in your project folder.\n\n"
        "## Usage\n\nRun the sync command.\n"
    )
    got = _kinds_and_sections(text)
    assert ("sentence", "Here is what the docs say:", "Setup") in got
    assert ("sentence", "Set the variable `API_KEY` first.", "Setup") in got
    assert ("code", "export API_KEY=abc", "Setup") in got
    assert ("sentence", "Then run the tool in your project folder.", "Setup") in got
    assert ("sentence", "Run the sync command.", "Usage") in got
    # Quoted text opening a document does not name it.
    assert analyse("> A quoted line.\n\nThe reply to it, which says more.\n").title == ""


def test_an_answer_from_quoted_text_shows_it_without_the_marks(tmp_path: Path, settings: Settings):
    """End to end: the citation quotes the document exactly, "> " marks and all; the
    answer, the CLI and the UI show the quote as it reads."""
    from ingest.pipeline import ingest
    from qa.cli import render
    from qa.service import QAService
    from ui.render import DocumentView, esc, source_card

    path = tmp_path / "docs" / "boiler.txt"
    path.parent.mkdir()
    path.write_text(QUOTING_REPLY, encoding="utf-8")
    ingest(path.parent, settings, progress=False)
    service = QAService(settings)
    answer = service.ask("How long will the engineer's visit take?")
    assert not answer.abstained, answer.answer
    quote = next(c for c in answer.citations if "\n> three hours" in c.quote)
    assert QUOTING_REPLY[quote.start : quote.end] == quote.quote
    assert "\n> " in quote.quote
    shown = "It will take about three hours."
    assert shown in answer.answer and ">" not in answer.answer
    assert shown in _flat(render(answer))
    card = source_card(quote, "t1", DocumentView(service.document_text(quote.doc_id)))
    [summary] = re.findall(r"<span class='cqa-src-quote'>(.*?)</span>", card)
    assert esc(shown) in summary and esc(">") not in summary


def test_a_total_under_a_rule_is_a_row_of_the_table_it_sums():
    text = (
        "The costs were as follows.\n\n"
        "  Venue hire            £1,200\n"
        "  Catering              £  860\n"
        "  -------------------------------\n"
        "  Total, all in         £2,060\n\n"
        "We paid it in March.\n"
    )
    _, got = _read(text)
    assert ("table_row", "Total, all in £2,060") in got
    # A rule between paragraphs is no table's.
    _, prose = _read("One line of text here.\n-----\nAnother line, after the rule.\n")
    assert ("sentence", "Another line, after the rule.") in prose


def test_a_signature_may_part_its_last_line_with_a_bar():
    text = (
        "Please find the quote attached. The work takes about two weeks\n"
        "and can start on the first of the month, if that suits you.\n\n"
        "Kind regards,\n\n"
        "Rob Tasker\n"
        "Tasker & Sons Joinery\n"
        "Unit 3, Mytholm Yard\n"
        "07700 900 482 | www.example.co.uk\n"
    )
    _, got = _read(text)
    assert (
        "table_row",
        "Rob Tasker Tasker & Sons Joinery Unit 3, Mytholm Yard 07700 900 482 | www.example.co.uk",
    ) in got
    assert not any(k == "heading" for k, _ in got)


def test_a_passage_never_runs_from_one_message_into_the_next():
    passages = make_passages("d", "t", EMAIL_THREAD, 400, _words)
    assert [p.section for p in passages] == [
        "From: Ana Ruiz <ana@example.org>",
        "From: Ben Cole <ben@example.org>",
    ]
    assert passages[1].text.startswith("From: Ben Cole")


def test_an_email_is_titled_by_its_subject():
    from ingest.formats.text import read_text

    assert read_text(EMAIL_THREAD.encode(), "mail.txt").title == "Roof repair quote"


def test_a_centred_title_over_its_underline_is_titled_without_the_underline():
    """An indented title as long as the text's lines, over a rule of "=": the rule is the
    title's adornment, never part of the stored title."""
    from ingest.formats.text import read_text

    body = "".join(
        f"{n}. The Provider will answer calls to the helpdesk within the hours\n"
        "set out in the schedule, and will keep a record of every call it gets\n"
        "from the Customer, with the time it was made and who answered it.\n\n"
        for n in range(1, 6)
    )
    text = " " * 18 + "MANAGED IT SUPPORT SERVICE LEVEL AGREEMENT\n" + " " * 18 + "=" * 42 + "\n\n"
    title = read_text((text + body).encode(), "sla.txt").title
    assert title == "MANAGED IT SUPPORT SERVICE LEVEL AGREEMENT"


def test_a_letter_is_titled_by_its_subject_line_with_the_capitals_that_continue_it():
    """A letter whose first line is its sender's name says what it is about in its "RE:"
    line under the addresses; a "Re:" line after prose is no letter's subject."""
    from ingest.formats.text import read_text

    letter = (
        "Priya Raman\n18 Beech Grove\nHarrogate HG2 0LT\n\n13 September 2024\n\n"
        "Dear Mr Pryce,\n\nRE: RETURN OF TENANCY DEPOSIT\nFLAT 3, 41 KINGSLEY ROAD\n"
        "DPS DEPOSIT ID: 1-27734519\n" + "-" * 60 + "\n\n"
        "I was the sole tenant of the above property under an assured shorthold tenancy.\n"
    )
    title = read_text(letter.encode(), "letter.txt").title
    assert title == "RETURN OF TENANCY DEPOSIT FLAT 3, 41 KINGSLEY ROAD"
    notes = "We met on Tuesday and agreed the plan for the new shelving in the store room.\nRe: x\n"
    assert read_text(notes.encode(), "notes.txt").title.startswith("We met on Tuesday")
    # no salutation: no letter ("Subject: Mathematics" among a report's fields)
    report = (
        "End of Year Report 2024-25\nPupil: Sam Lee\nSubject: Mathematics\n\nSam has worked well.\n"
    )
    assert read_text(report.encode(), "report.txt").title == "End of Year Report 2024-25"
    # a salutation in capitals under the subject is no part of it; "RE: RE:" is one prefix
    shouting = "RE: RE: LATE PAYMENT OF RENT\nDEAR MR SMITH\n\nYour rent is late.\n"
    assert read_text(shouting.encode(), "letter.txt").title == "LATE PAYMENT OF RENT"


TRANSCRIPT = """\
CITY PLANNING BOARD

PRESENT:
Councillor Amy Stone (Chair)
Councillor Raj Patel
Councillor Lee Wong

ITEM 2: HARBOUR ROAD BRIDGE (DEFERRED ITEM)

THE CHAIR: We come to item 2. Mr. Ford will introduce it.

MR. FORD: Thank you. The bridge needs new bearings. The work would close the road for six weeks in the summer, and the cost is 1.2 million.

CLLR. PATEL: Is there no cheaper way to do it?

THE CHAIR: Councillor Wong, do you support the proposal?

CLLR. WONG: I do.
"""


def test_a_transcript_keeps_turns_as_text_with_their_speaker_as_section():
    kinds, section = _kind_and_section_of(TRANSCRIPT)
    # The agenda item is a heading though it holds a colon; a roster line is not one,
    # nor is a speaker's question.
    assert kinds["ITEM 2: HARBOUR ROAD BRIDGE (DEFERRED ITEM)"] == "heading"
    roster = "PRESENT: Councillor Amy Stone (Chair) Councillor Raj Patel Councillor Lee Wong"
    assert kinds[roster] == "table_row"
    assert kinds["THE CHAIR: Councillor Wong, do you support the proposal?"] == "sentence"
    assert kinds["CLLR. PATEL: Is there no cheaper way to do it?"] == "sentence"
    # A speaker's later sentences keep the speaker in their section.
    assert section["The bridge needs new bearings."] == (
        "ITEM 2: HARBOUR ROAD BRIDGE (DEFERRED ITEM) > MR. FORD"
    )


LETTER = """\
RIVERSIDE TENANTS ASSOCIATION
12 Mill Lane, Eastford

Ms Jane Holt
Head of Housing
Eastford Homes Ltd
Station Road
Eastford

4 March 2026

Dear Ms Holt,

Repairs to the lifts at Mill Lane

I write about the lifts, which have been out of service since
January. Residents on the upper floors cannot leave their homes.

Yours sincerely,

Tom Reid
Secretary, Riverside Tenants Association
"""


def test_a_letters_address_date_and_signature_are_not_headings():
    got = _kinds_and_sections(LETTER)
    headings = [t for k, t, _ in got if k == "heading"]
    assert headings == ["Repairs to the lifts at Mill Lane"]
    section = {t: s for _, t, s in got}
    assert section["Residents on the upper floors cannot leave their homes."] == (
        "Repairs to the lifts at Mill Lane"
    )
    assert ("title", "RIVERSIDE TENANTS ASSOCIATION", "") in got
    # The recipient's address is one record: the name with the title and the company.
    assert (
        "table_row",
        "Ms Jane Holt Head of Housing Eastford Homes Ltd Station Road Eastford",
        "",
    ) in got


def test_a_bold_line_in_markdown_does_not_become_the_parent_of_its_headings():
    text = (
        "# Library opens on Sundays\n\n**FOR IMMEDIATE RELEASE**\n\n"
        "The city library will open on Sundays from May.\n\n## Opening hours\n\n"
        "It opens from 10:00 to 16:00.\n"
    )
    section = {t: s for _, t, s in _kinds_and_sections(text)}
    assert section["It opens from 10:00 to 16:00."] == "Opening hours"


# A hard-wrapped leaflet (wrapped at 70): sub-headings in sentence case, each on its own
# line right above its text, no blank line under it and no full stop.
LEAFLET = "\n\n".join(
    [
        "2. BEFORE YOU TAKE THE TABLETS",
        "Warnings and precautions\n"
        + _fill(
            "Talk to your doctor or pharmacist before taking the tablets if you have "
            "epilepsy or have ever had a fit, if you have difficulty passing water, or if "
            "you have an enlarged prostate."
        ),
        "If you forget to take a tablet\n"
        + _fill(
            "Take the next dose at the usual time. Do not take a double dose to make up "
            "for a forgotten tablet, and tell your doctor if you often forget a dose."
        ),
        _fill(
            "Stop taking the tablets three days before any skin prick test for allergy, "
            "because they may affect the results of the test and the advice you get."
        ),
    ]
)


def test_a_short_sentence_case_line_over_its_text_in_wrapped_text_is_a_heading():
    got = _kinds_and_sections(LEAFLET)
    headings = [t for k, t, _ in got if k == "heading"]
    assert headings == [
        "2. BEFORE YOU TAKE THE TABLETS",
        "Warnings and precautions",
        "If you forget to take a tablet",
    ]
    section = {t: s for _, t, s in got}
    assert section["Take the next dose at the usual time."].endswith(
        "If you forget to take a tablet"
    )
    # The wrapped lines of the prose stay one paragraph.
    assert any(t.startswith("Stop taking the tablets three days") for t in section)


def test_a_short_line_with_a_time_of_day_or_a_sum_states_a_fact_and_heads_nothing():
    """ "Open Tuesday to Sunday, 8:30am to 4pm (closed Mondays)" above the text of a
    hard-wrapped page says when the place is open: a time of day or a sum of money in a
    short line is what a heading would name, not the heading."""
    paragraphs = [
        _fill(p)
        for p in (
            "We cook almost everything ourselves in one small kitchen. That means all fourteen"
            " major allergens are handled on the same worktops, and we cannot promise that any"
            " dish is completely free of any allergen.",
            "If you have a severe allergy, please talk to whoever is at the counter before you"
            " order, and do not rely on this guide alone to keep you safe.",
            "Our bread comes from the bakery across the square every morning, and it is made"
            " with wheat flour, so it always contains gluten even when a dish says otherwise.",
            "Cakes are baked here on Tuesdays and Fridays, in the same oven as everything else,"
            " and they are kept under glass on the counter until they are sold out.",
        )
    ]
    for line in (
        "Open Tuesday to Sunday, 8:30am to 4pm (closed Mondays)",
        "Entry for adults £4 and for children £2",
    ):
        text = "The Copper Pot\n\n" + line + "\n" + "\n\n".join(paragraphs) + "\n"
        got = _kinds_and_sections(text)
        assert not [t for k, t, _ in got if k == "heading"], got
        assert any(t.startswith(line) for _, t, _ in got), got
    # a time or a sum in words is still a heading's ("What to do after midnight")
    for line in ("What to do after midnight", "Why a ten pound note matters"):
        text = "The Copper Pot\n\n" + line + "\n" + "\n\n".join(paragraphs) + "\n"
        assert ("heading", line) in [(k, t) for k, t, _ in _kinds_and_sections(text)]


def test_a_numbered_list_under_a_line_without_a_colon_is_a_list_and_restarts_are_not_items():
    text = (
        "Read all of this leaflet before you start taking the tablets.\n\n"
        "What is in this leaflet\n1. What the tablets are and what they are used for\n"
        "2. How to take the tablets\n3. Possible side effects\n\n"
        "1. WHAT THE TABLETS ARE\n\nThe tablets contain an antihistamine.\n\n"
        "2. HOW TO TAKE THE TABLETS\n\nTake one tablet a day.\n\n"
        "Profits rose by\n1. The rest is wrapped prose, not a list.\n"
    )
    got = _kinds_and_sections(text)
    items = [t for k, t, _ in got if k == "list_item"]
    assert items == [
        "What the tablets are and what they are used for",
        "How to take the tablets",
        "Possible side effects",
    ]
    assert ("heading", "What is in this leaflet", "What is in this leaflet") in got
    headings = [t for k, t, _ in got if k == "heading"]
    assert "1. WHAT THE TABLETS ARE" in headings
    # One numbered line under a line that runs on is wrapping, not a list.
    assert not any(t.startswith("The rest") for t in items)


def _block(structure, text: str, words: str):
    return next(b for b in structure.blocks if text[b.start : b.end].startswith(words))


def test_a_tables_caption_in_a_marked_document_is_not_a_heading():
    # An HTML <caption> or "Table 1" line over a table names the table, not a section:
    # the text after the table stays in the section above.
    text = (
        "# Widgets\n\nWidgets are small parts.\n\nFacts about widgets\n\n"
        "| Made | 1950 |\n| Weight | 3 g |\n\n"
        "The first widget was made in a shed.\n\n## Uses\n\nWidgets hold doors open.\n"
    )
    structure = analyse(text)
    caption = _block(structure, text, "Facts about widgets")
    assert caption.kind == "paragraph"
    assert _block(structure, text, "| Made").section == ""
    assert _block(structure, text, "The first widget").section == ""
    assert _block(structure, text, "Widgets hold").section == "Uses"


def test_a_licence_number_standing_alone_is_not_a_heading():
    text = (
        "Care sheet\n\n5. HOW TO STORE IT\n\nKeep it dry and cool at all times.\n\n"
        "PL 12345/0067\n\nThis sheet was last revised in May 2025.\n"
    )
    structure = analyse(text)
    assert _block(structure, text, "PL 12345").kind == "paragraph"
    assert _block(structure, text, "This sheet").section == "5. HOW TO STORE IT"
    # A figure with a word is still a heading ("Phase 2" over its text).
    text = "Plan\n\nPhase 2\n\nThe second phase starts in May. It ends in June.\n"
    assert _block(analyse(text), text, "Phase 2").kind == "heading"


def test_a_title_page_line_over_the_name_titles_the_document_with_it():
    from ingest.formats.text import read_text

    text = (
        "PRODUCT SHEET: FOR THE USER\n\nWidgetol 5 mg tablets\nwidgetine sulfate\n\n"
        "Read all of this sheet before you take it.\n"
    )
    title = read_text(text.encode(), "sheet.txt").title
    assert title == "PRODUCT SHEET: FOR THE USER — Widgetol 5 mg tablets widgetine sulfate"
    # A first line over a sentence, a date or a byline keeps its own title.
    for second in ("It was a dry year.", "10 February 2026", "Ann Lee, Bo Chan and Cy Diaz"):
        text = f"ANNUAL REVIEW\n\n{second}\n\nThe year went well for us all.\n"
        assert read_text(text.encode(), "r.txt").title == "ANNUAL REVIEW"


def test_sub_headings_after_the_last_numbered_section_stay_in_it():
    # Set as the sub-headings inside the numbered sections (sentence case under headings
    # in capitals), they are the last section's own, and so is the text under them.
    text = (
        "CARE GUIDE\n\n1. ABOUT THE DEVICE\n\nThe device cleans the air of one room.\n\n"
        "Power use\n\nIt uses about ten watts on its lowest setting.\n\n"
        "2. LOOKING AFTER IT\n\nFilter changes\n\nChange the filter every six months.\n\n"
        "Spare parts and supplier\n\nParts are sold by Example Ltd, 1 High Street.\n\n"
        "This guide was last revised in May 2025.\n"
    )
    structure = analyse(text)
    last = "2. LOOKING AFTER IT > Spare parts and supplier"
    assert _block(structure, text, "Spare parts").section == last
    assert _block(structure, text, "Parts are sold").section == last
    assert _block(structure, text, "This guide").section == last
    # Back matter set like the numbered headings ("References" after "2. Results") stays
    # their sibling, even where sub-headings in that case were nested inside them.
    text = (
        "Field notes\n\n1. Introduction\n\nThe site lies on a river bank.\n\n"
        "Study area\n\nThe area is ten hectares of grass.\n\n2. Results\n\n"
        "Forty nests were found.\n\nReferences\n\nLee A. 2020. Nests of the river.\n"
    )
    structure = analyse(text)
    results, references = (_block(structure, text, w) for w in ("2. Results", "References"))
    assert references.level == results.level
    assert _block(structure, text, "Lee A.").section == "References"


def test_a_short_line_right_above_a_bulleted_list_is_its_heading():
    text = (
        "Kit sheet\n\n2. USING IT\n\nStarting up\n\nPress the button once.\n\n"
        "3. WHAT IS IN THE BOX\n\nWhat the kit contains\n"
        "- One charger with a cable.\n- Two spare filters.\n\nThe box can be recycled.\n"
    )
    structure = analyse(text)
    assert _block(structure, text, "What the kit").kind == "heading"
    items = [s for s in structure.sentences if s.kind == "list_item"]
    assert [s.text for s in items] == ["One charger with a cable.", "Two spare filters."]
    assert _block(structure, text, "Two spare").section == (
        "3. WHAT IS IN THE BOX > What the kit contains"
    )
    # A lead-in ending in a colon is a sentence over its list, not a heading.
    text = "Kit sheet\n\nYou will need these\nitems at hand:\n- a pen\n- a ruler\n\nThen start.\n"
    assert _block(analyse(text), text, "You will need").kind == "paragraph"


def test_an_issuers_line_over_the_documents_name_on_the_next_line_titles_it_with_the_name():
    from ingest.formats.text import read_text

    text = (
        "Example Water Company\nAnnual Report 2025\nFor the year to March 2025.\n\n"
        "1. Foreword\n\nIt was a dry year for the whole region.\n"
    )
    assert read_text(text.encode(), "r.txt").title == "Example Water Company — Annual Report 2025"
    structure = analyse(text)
    assert structure.title == "Example Water Company — Annual Report 2025"
    assert _block(structure, text, "Annual Report").kind == "title"
    assert _block(structure, text, "For the year").section == ""
    # Both in capitals, a blank line under them: the same.
    text = "EXAMPLE COUNCIL\nPLANNING COMMITTEE\n\nMinutes of the meeting. All were present.\n"
    assert read_text(text.encode(), "m.txt").title == "EXAMPLE COUNCIL — PLANNING COMMITTEE"
    # A letterhead's address under its name (set otherwise, or a third such line) is not
    # the document's name.
    for head in ("EXAMPLE COUNCIL\nThe Old Mill, Townsville", "EXAMPLE LTD\nUNIT 4\nTOWNSVILLE"):
        text = f"{head}\n\nDear Sir,\n\nThank you for your letter of May.\n"
        title = head.split("\n")[0]
        assert read_text(text.encode(), "l.txt").title == title
        assert analyse(text).title == title


def test_a_numbered_line_underlined_as_long_as_itself_is_a_heading():
    # A changelog's releases in reStructuredText or setext style: the version's number
    # does not make the underlined line a list item.
    text = (
        "Changelog\n=========\n\n1.2.0 - 2025-01-01\n------------------\n\n"
        "Fixed\n  * The clock no longer drifts.\n\n"
        "1.1.0 - 2024-06-01\n------------------\n\nAdded\n  * A dark theme.\n"
    )
    structure = analyse(text)
    assert _block(structure, text, "1.2.0").kind == "heading"
    assert _block(structure, text, "The clock").section == "1.2.0 - 2025-01-01 > Fixed"
    assert _block(structure, text, "A dark").section == "1.1.0 - 2024-06-01 > Added"


def test_labelled_items_are_list_items_under_the_line_above_them():
    # "A1." "A2." (actions, requirements): items of a list, one a line, like "1." "2.";
    # the short line over them is the list's heading, not the start of a sentence.
    text = (
        "Minutes\n\n1. Budget\n\nThe budget was agreed by all.\n\nSummary of actions\n"
        "A1. Write the plan. Owner: Ann Lee. Due: May.\n"
        "A2. Book the room. Owner: Bo Chan. Due: June.\n"
    )
    structure = analyse(text)
    assert _block(structure, text, "Summary of actions").kind == "heading"
    # The label names the item ("as A1 says"): it opens the item's first sentence.
    texts = [s.text for s in structure.sentences]
    assert "A1. Write the plan." in texts and "A2. Book the room." in texts
    assert not any(t.endswith("A2.") or t.startswith("Summary of actions\n") for t in texts)
    assert _block(structure, text, "A2.").kind == "list_item"
    assert _block(structure, text, "A2.").section == "Summary of actions"


def test_a_pipe_table_ruled_with_plus_signs_keeps_each_wrapped_row_whole():
    """A text table as psql prints one: the header over a "-----+-----" rule, rows opening
    with their first cell, and a row's cells wrapped onto lines whose first cell is blank.
    Each row is one unit, read with its header, and its cells are its first line's."""
    from qa.answer.tables import cells

    text = (
        "4. ERROR CODES\n\n"
        "Code | Meaning                         | What to do\n"
        "-----+---------------------------------+-------------------------------\n"
        "E01  | Door lock failure - the door    | Close the door firmly and check\n"
        "     | could not be locked             | nothing is caught in the seal.\n"
        "     |                                 | then restart.\n"
        "E03  | Drain time exceeded             | Clean the drain pump filter.\n\n"
        "Call service if a code returns.\n"
    )
    structure = analyse(text)
    _exact(text, structure)
    rows = [s for s in structure.sentences if s.kind == "table_row"]
    assert [_flat(r.text)[:3] for r in rows] == ["Cod", "E01", "E03"]
    assert rows[1].text.endswith("then restart.")  # its three lines, and no row of its own
    columns = [c for _, c in structure.columns()]
    assert columns[2] == "Code | Meaning | What to do"
    assert [rows[1].text[a:b] for a, b in cells(rows[1].text)] == [
        "E01", "Door lock failure - the door", "Close the door firmly and check"
    ]  # fmt: skip
    assert structure.sentences[-1].kind == "sentence"
    # a grouped table's row opens its cells as cells do: a row of its own
    grouped = analyse(
        "Region | City   | Sales\n-------+--------+------\nNorth  | Leeds  | 10 units\n"
        "       | York   | 20 units\nSouth  | Bath   | 30 units\n"
    )
    assert [_flat(r.text) for r in grouped.sentences if r.kind == "table_row"][1:] == [
        "North | Leeds | 10 units", "| York | 20 units", "South | Bath | 30 units"
    ]  # fmt: skip
    # a grid table rules every row: its header is the row over the first rule
    grid = analyse(
        "+------+-----+\n| item | qty |\n+------+-----+\n| spam | 42  |\n+------+-----+\n"
        "| eggs | 451 |\n+------+-----+\n"
    )
    assert {c for _, c in grid.columns()[1:]} == {"| item | qty |"}


def test_the_scan_looks_at_each_line_a_bounded_number_of_times(monkeypatch):
    """A long block of fields (an inventory, a log's key-value lines, padded or not), a long
    run of header fields, or a long run of paragraphs costs the structure pass work in
    proportion to its lines: each check that reads ahead from a line stops at the first
    line that settles it, a run of header fields is counted once, and no check copies the
    rest of the document. Counted, not timed: the blank tests of the scan's lines for 200
    and for 800 lines grow about four times (they grew sixteen times, and 32,000 lines of
    fields took tens of seconds)."""
    from ingest import structure

    looks = {"n": 0}
    blank = structure._Line.blank.fget

    def counted(line: structure._Line) -> bool:
        looks["n"] += 1
        return blank(line)

    monkeypatch.setattr(structure._Line, "blank", property(counted))

    def work(n: int) -> int:
        padded = "\n".join(f"Item {i} code:   value {i} for the record" for i in range(n))
        fields = "\n".join(f"Name {i}: Bob" for i in range(n))
        copied = "\n".join(f"Cc: person{i}@example.org" for i in range(n))
        prose = "\n\n".join(f"Paragraph {i} says something about the topic." for i in range(n))
        looks["n"] = 0
        analyse(f"INVENTORY\n\n{padded}\n\n{fields}\n\n{copied}\n\n{prose}\n")
        return looks["n"]

    assert work(800) < 5 * work(200)


def test_a_centred_heading_between_two_rules_heads_the_text_under_it():
    """A plain text set out as a court's judgment: "JUDGMENT" centred between two rules of
    dashes, all three indented to the middle of the page, heads the numbered paragraphs
    under it (the rules were read as text, and the paragraphs fell under the parties'
    names above). A text table's rule under its columns, broken by spaces, is no rule."""
    text = (
        "IN THE COUNTY COURT AT NORTHBRIDGE\n\nBefore District Judge Okonjo\n\n"
        "                     ----------------------------\n"
        "                             JUDGMENT\n"
        "                     ----------------------------\n\n"
        "1.  This is a claim by the Claimant for the sum of £3,840 arising\n"
        "    from the supply and fitting of quartz kitchen worktops.\n\n"
        "    Item        Cost\n"
        "    --------    ------\n"
        "    Worktop     £2,100\n"
        "    Fitting     £450\n"
    )
    structure, sentences = _read(text)
    assert ("heading", "JUDGMENT") in sentences
    assert not any("-" * 28 in s for _, s in sentences)
    assert _block(structure, text, "1.  This is").section == "JUDGMENT"
    assert _block(structure, text, "Worktop").kind == "table_row"


@pytest.mark.parametrize(
    "text",
    [
        # a sum's rule under a text table's figures, indented to their column
        "    Energy used   £88.10\n                  ------\n    Total         £100.50\n\n"
        "We will take this by direct debit on 3 May.\n",
        # a Markdown code line over an indented rule
        "Build it:\n\n    $ make\n    -----\n\nThen run it.\n",
        # a centred rule under a paragraph, not over it too
        "The parties signed on 3 May.\n                  ------\n\nThe rest follows.\n",
    ],
)
def test_a_lone_indented_rule_makes_no_heading(text):
    """Only a short line framed by two rules, blank lines around, is a framed heading."""
    structure, _ = _read(text)
    assert not [b for b in structure.blocks if b.kind == "heading"]
    assert all(b.section == "" for b in structure.blocks)


def test_a_signature_and_fields_set_in_markdown_bold_read_as_they_do_in_plain_text():
    """Markdown's bold does not hide what a line is: "**Jane Lee**" over "Chair of
    Trustees" is a signature (one record, as an address is; not two headings over nothing,
    which no answer quotes), and "**Version:** 3.2" is a field as "Version: 3.2" is (one
    unit per line)."""
    text = (
        "# Annual report\n\n## A letter from our Chair\n\n"
        "Thank you, as ever, for standing with us.\n\n"
        "**Margaret Oyelaran**\nChair of Trustees\n\n---\n\n## The year in numbers\n\n"
        "We gave out 4,812 food parcels.\n\n"
        "**Version:** 3.2\n**Effective from:** 1 January 2025\n**Policy owner**: People Team\n"
    )
    structure = analyse(text)
    _exact(text, structure)
    found = [(s.kind, _flat(s.text)) for s in structure.sentences]
    assert ("table_row", "**Margaret Oyelaran** Chair of Trustees") in found
    assert not any(k == "heading" and "Oyelaran" in t for k, t in found)
    assert ("heading", "The year in numbers") in found
    assert ("list_item", "**Version:** 3.2") in found
    assert ("list_item", "**Effective from:** 1 January 2025") in found
    assert ("list_item", "**Policy owner**: People Team") in found
    # A signature's contact line is one of its lines, as in plain text.
    signed = analyse("# Letter\n\nThanks.\n\n**Jane Lee**\nChair\nEmail: jane@x.org\n\nP.S. Hi.\n")
    assert [(s.kind, _flat(s.text)) for s in signed.sentences][2] == (
        "table_row",
        "**Jane Lee** Chair Email: jane@x.org",
    )
    # A bold caption over lines or fields is not one: it heads them, or stands apart.
    pros = analyse("# Notes\n\n**Pros**\nCheap to run\nQuiet\n\nMore.\n").blocks
    assert [(b.kind, b.role) for b in pros][1] == ("heading", "")
    fields = analyse("# Notes\n\n**Contact us**\nPhone: 0800 123 456\nEmail: help@x.org\n\nMore.\n")
    assert [s.kind for s in fields.sentences][2:4] == ["list_item", "list_item"]
    # A footnote's mark is no emphasis: the note does not join the lines above it.
    note = analyse("Adult day ticket £12\nChild day ticket £6\n*Under 3s travel free\n\nMore.\n")
    assert not any(b.role == "line" for b in note.blocks)
    # A bullet's mark is no emphasis: a bulleted list stays a list.
    items = analyse("Bring:\n\n* a map\n* a torch\n").sentences
    assert [(s.kind, s.text) for s in items][-2:] == [
        ("list_item", "a map"),
        ("list_item", "a torch"),
    ]


MANUAL_PAGE = """\
TIDY(1)                        User Commands                        TIDY(1)

NAME
       tidy - rotate and prune log files

SYNOPSIS
       tidy [-n] [-k count] [path...]

DESCRIPTION
       tidy rotates log files that have grown past a size threshold.

ENVIRONMENT
       TIDY_CONFIG
              Path of the configuration file to use.

FILES
       /etc/tidy.conf
              Main configuration file.

PRESENT:
  Cllr Ann Lee (Chair)
  Cllr Bo Chan
"""


def test_a_manual_pages_sections_stand_out_to_the_left_of_their_text():
    """A line in capitals over text indented further is a heading, though that text opens
    in lower case, with a path or with a term (`_outdented_over`); a label's list of names
    under it is still one record, not a heading over its lines."""
    got = _kinds_and_sections(MANUAL_PAGE)
    headings = [t for k, t, _ in got if k == "heading"]
    assert headings[:5] == ["NAME", "SYNOPSIS", "DESCRIPTION", "ENVIRONMENT", "TIDY_CONFIG"]
    section = {t: s for _, t, s in got}
    assert section["tidy - rotate and prune log files"] == "NAME"
    assert section["tidy rotates log files that have grown past a size threshold."] == "DESCRIPTION"
    # A variable is a term of its section: nested in it, as its indent says.
    assert section["Path of the configuration file to use."] == "ENVIRONMENT > TIDY_CONFIG"
    assert section["/etc/tidy.conf Main configuration file."] == "FILES"
    # Set at the left margin, the label is in no section set out there.
    assert ("table_row", "PRESENT: Cllr Ann Lee (Chair) Cllr Bo Chan", "") in got


OPTIONS_PAGE = """\
LOGTRIM(1)                       User Commands                      LOGTRIM(1)

NAME
       logtrim - rotate, compress and prune log files

DESCRIPTION
       logtrim rotates log files that have grown past a size threshold.

OPTIONS
       -c, --config FILE
              Read settings from FILE instead of the default
              /etc/logtrim.conf.

       --copytruncate
              Copy the log and then truncate the original, instead of
              renaming it. Use this for programs that keep their log open.

       -n, --dry-run
              Print what would be done without changing anything.
       -q, --quiet
              Print nothing except errors.

       Options may be combined in any order.

EXIT STATUS
       0      Success.

.. note:: reStructuredText's markup is no term
   :class: aside
"""


def test_a_definition_lists_terms_head_their_descriptions():
    """A short line over a description indented further, three or more times at one
    indent, is a term (`_term_heads`): it heads its description, nested in the section it
    is in by its indent, and the description's sentences are its items (each says only
    what is in its section); the terms set out furthest left are sections with text."""
    kinds, section = _kind_and_section_of(OPTIONS_PAGE)
    for term in ("-c, --config FILE", "--copytruncate", "-n, --dry-run", "-q, --quiet"):
        assert kinds[term] == "heading" and section[term] == f"OPTIONS > {term}"
    assert section["Use this for programs that keep their log open."] == "OPTIONS > --copytruncate"
    assert kinds["Use this for programs that keep their log open."] == "list_item"
    # A term under the last line of the description before it, with no blank line.
    assert section["Print nothing except errors."] == "OPTIONS > -q, --quiet"
    # Text set no further in than the terms is none of the last one's description.
    assert section["Options may be combined in any order."] == "OPTIONS"
    # The sections set out furthest left hold text, not items.
    assert kinds["logtrim rotates log files that have grown past a size threshold."] == "sentence"
    assert section["0 Success."] == "EXIT STATUS"
    assert ".. note:: reStructuredText's markup is no term" not in section.values()


def test_a_question_in_bold_over_its_answer_heads_it():
    """A FAQ sets each question in bold on its own line over its answer
    (`_strong_over_text`): the question heads the answer, without its marks, nested under
    the Markdown heading above it; the answer's first sentence is no longer glued to the
    question. A line with bold phrases in it, and an italic line, are text."""
    text = (
        "# Library FAQ\n\n## Charges\n\n"
        "**Will I be fined if my books are late?**\nNo. We no longer charge fines.\n\n"
        "**I've lost my card. What should I do?**\nPhone us. The first new card is free.\n\n"
        "**Rent** and **fees** are due monthly.\nPay them online.\n\n"
        "*Still got a question?*\nEmail the library.\n"
    )
    kinds, section = _kind_and_section_of(text)
    assert kinds["Will I be fined if my books are late?"] == "heading"
    assert section["No."] == "Charges > Will I be fined if my books are late?"
    assert (
        section["The first new card is free."] == "Charges > I've lost my card. What should I do?"
    )
    assert kinds["**Rent** and **fees** are due monthly."] == "sentence"
    assert kinds["*Still got a question?* Email the library."] == "sentence"


def test_an_answer_from_a_description_names_its_term(tmp_path: Path, settings: Settings):
    """End to end: a description says only what its term does; the answer shows the term
    it is under, so the option asked for is named."""
    from ingest.pipeline import ingest
    from qa.service import QAService

    path = tmp_path / "docs" / "logtrim.1.txt"
    path.parent.mkdir()
    path.write_text(OPTIONS_PAGE, encoding="utf-8")
    ingest(path.parent, settings, progress=False)
    answer = QAService(settings).ask(
        "One of my programs keeps its log open. Which option should I use?"
    )
    assert not answer.abstained, answer.answer
    assert "--copytruncate" in answer.answer
    assert any("keep their log open" in c.quote for c in answer.citations)


def test_a_glossarys_terms_are_siblings_whichever_rule_finds_them():
    """Headings set out at one indent over text set in further share a level
    (`_rank_set_out_headings`): the first term under the title, found as a short line,
    is no parent of the terms after it."""
    text = (
        "GLOSSARY OF SAILING TERMS\n"
        "Aft\n   Toward the stern of the boat.\n"
        "Beam\n   The widest part of the boat.\n"
        "Bow\n   The front of the boat.\n"
        "Leeward\n   The side away from the wind.\n"
    )
    _, section = _kind_and_section_of(text)
    assert section["The widest part of the boat."] == "Beam"
    assert section["The side away from the wind."] == "Leeward"


def test_code_verse_and_tracebacks_set_in_are_no_definition_list():
    """A term's description is prose (it opens a sentence with a letter or a figure and
    ends with a stop), and a term does not end as a line of code opening a block nor is
    a log's entry: code over its body, verse, a traceback's frames, a method over its
    string, a log's lines, each three times over, head nothing."""
    code = "".join(
        f"function step{n}(req) {{\n  const page = req.query.page;\n  return page + {n};\n}}\n\n"
        for n in range(3)
    )
    verse = "".join(
        f"i walk out early {n}\n   when the grass is wet\nand the light is thin\n\n"
        for n in range(3)
    )
    trace = "Traceback (most recent call last):\n" + "".join(
        f'  File "cli.py", line {n}, in run\n    cmd.run(args)\n' for n in range(3)
    )
    ruby = "".join(f'  def label{n}\n    "Sold out {n}. Back soon!"\n  end\n\n' for n in range(3))
    log = "".join(
        f"[09:12:0{n}] worker-{n} panic\n    Upstream closed the connection.\n" for n in range(3)
    )
    for text in (code, verse, trace, ruby, log):
        assert [t for k, t, _ in _kinds_and_sections(text) if k == "heading"] == []
    # A short line last, with no line under it, is read as any other (no term, no error).
    assert _kinds_and_sections(OPTIONS_PAGE + "\nSEE ALSO")[-1][1] == "SEE ALSO"


def test_two_short_lines_over_indented_text_are_no_definition_list():
    """Terms need three at one indent (`_term_indents`): a name over its indented address
    and a line of verse over the next are what they were."""
    text = (
        "Please write to us at the office below.\n\n"
        "Harbour Trust\n    14 Quay Street\n    Bristol BS1 4QT\n\n"
        "The tide comes in\n    over the stones\n\nand goes out again.\n"
    )
    got = _kinds_and_sections(text)
    assert [t for k, t, _ in got if k == "heading"] == []


def test_one_line_in_capitals_over_indented_text_is_no_section_of_its_own():
    """Outside a text that sets three or more sections out to the left
    (`_sets_sections_out`), a line in capitals over indented text is what it was: a
    company's name over its address, "WHEREAS" over its recital."""
    letter = (
        "ACME SUPPLIES LTD\n   14 Harbour Road\n   Bristol BS1 4QT\n\n"
        "Dear Ms Patel,\n\nThank you for your order.\n\n"
        "WHEREAS\n    the parties wish to cooperate on the project.\n"
    )
    got = _kinds_and_sections(letter)
    assert [t for k, t, _ in got if k == "heading"] == []
    assert all(section == "" for _, _, section in got)
    assert ("sentence", "WHEREAS the parties wish to cooperate on the project.", "") in got
