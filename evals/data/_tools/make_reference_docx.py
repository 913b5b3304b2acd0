"""Write evals/data/reference/docs/annual-report-2025-financial-review.docx (the reference
corpus's Word document) from the text below, with python-docx: a Title, Heading 1/2
paragraphs, body paragraphs and a results table with a header row.

Run once when the text changes: python evals/data/_tools/make_reference_docx.py; then rebuild
the questions (python evals/data/_tools/build_reference.py), whose offsets are taken from the
text ingest reads from this file. The written file's bytes carry python-docx's timestamps, so
re-running it changes the file even when the text does not.
"""

from __future__ import annotations

from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent
    / "reference/docs/annual-report-2025-financial-review.docx"
)

TITLE = "Vellmoor Laboratories plc: Annual Report and Accounts 2025"
INTRO = "Strategic report (extract). Figures are for the year ended 31 December 2025."

TABLE_CAPTION = "Table 1: Group results for the year ended 31 December 2025"
TABLE = [
    ["£ million unless stated", "2025", "2024", "Change"],
    ["Revenue", "486.3", "451.9", "+7.6%"],
    ["Consumer Health", "271.4", "244.8", "+10.9%"],
    ["Prescription Medicines", "152.7", "156.3", "-2.3%"],
    ["Contract Manufacturing", "62.2", "50.8", "+22.4%"],
    ["Gross margin", "58.4%", "57.1%", "+1.3 pts"],
    ["Operating profit", "71.9", "63.2", "+13.8%"],
    ["Operating margin", "14.8%", "14.0%", "+0.8 pts"],
    ["Research and development", "38.6", "35.1", "+10.0%"],
    ["Profit before tax", "66.4", "59.0", "+12.5%"],
    ["Basic earnings per share", "41.2p", "36.5p", "+12.9%"],
    ["Dividend per share", "13.5p", "12.6p", "+7.1%"],
    ["Net cash at year end", "84.5", "61.7", "+22.8"],
    ["Employees at year end", "2,140", "2,030", "+5.4%"],
]

SECTIONS: list[tuple[str, int, list[str]]] = [
    ("Financial review", 1, [
        "2025 was a year of solid growth for Vellmoor. Group revenue rose 7.6% to £486.3 "
        "million, driven by Consumer Health and by Contract Manufacturing, which more than "
        "offset the expected decline in Prescription Medicines. Operating profit grew faster "
        "than revenue, by 13.8% to £71.9 million, and the operating margin improved from 14.0% "
        "to 14.8%.",
    ]),
    ("Summary of results", 2, []),  # the table follows this heading
    ("Revenue by segment", 2, [
        "Consumer Health. Revenue rose 10.9% to £271.4 million. Pollenex had its best year "
        "since it became available without a prescription: sales rose 13.9% to £48.2 million "
        "(2024: £42.3 million), helped by an early and long grass pollen season. In September "
        "2025, after a review of dosing in younger children agreed with the regulator, we "
        "withdrew the use of Pollenex in children aged 6 to 11; the product is now for adults "
        "and children aged 12 and over, and the tablets no longer carry a score line. "
        "Relabelling and the return of stock from pharmacies cost £1.1 million, which is "
        "included in cost of sales. Sales of Vellmoor's Throat Pastilles were flat at £39.6 "
        "million.",
        "Prescription Medicines. Revenue fell 2.3% to £152.7 million. Cardiwell lost its market "
        "exclusivity in April 2025, and its sales fell 19% to £41.0 million as generic versions "
        "entered the market. Sales of the asthma inhaler Respira-V grew 8% to £57.3 million.",
        "Contract Manufacturing. Revenue grew 22.4% to £62.2 million. The unit at Ostwick "
        "signed two new long-term supply contracts during the year, and its utilisation rose "
        "to 81% (2024: 68%).",
    ]),
    ("Costs, profit and tax", 2, [
        "Gross margin improved by 1.3 percentage points to 58.4%, mainly because Consumer "
        "Health, our highest-margin segment, made up a larger share of sales. Research and "
        "development expenditure rose 10.0% to £38.6 million, or 7.9% of revenue. Profit before "
        "tax was £66.4 million, up 12.5%. The effective tax rate was 24.1% (2024: 23.8%), and "
        "basic earnings per share rose 12.9% to 41.2 pence.",
    ]),
    ("Cash and dividend", 2, [
        "Net cash at 31 December 2025 was £84.5 million (2024: £61.7 million). Capital "
        "expenditure was £24.3 million, most of it on a new blister-packing line at "
        "Brackenfield, which started production in November 2025.",
        "The Board proposes a final dividend of 8.8 pence per share. With the interim dividend "
        "of 4.7 pence paid in October 2025, this makes a total of 13.5 pence for the year, up "
        "7.1%. Subject to approval at the Annual General Meeting on 21 May 2026, the final "
        "dividend will be paid on 12 June 2026 to shareholders on the register on 15 May 2026.",
    ]),
    ("People", 2, [
        "At the end of 2025 the Group employed 2,140 people (2024: 2,030), an increase of 5.4%, "
        "most of it at Ostwick. Staff turnover fell to 9.2% (2024: 11.5%).",
    ]),
    ("Outlook", 2, [
        "For 2026 we expect revenue growth of 4% to 6% at constant exchange rates, with further "
        "growth in Consumer Health and Contract Manufacturing and a further decline in "
        "Cardiwell sales. We plan capital expenditure of about £32 million, mainly to expand "
        "the contract manufacturing unit at Ostwick.",
        "Lena Marsh, Chief Financial Officer, 3 March 2026",
    ]),
]  # fmt: skip


def write(path: Path = OUT) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = "corpus-qa eval (CC0-1.0)"
    document.add_heading(TITLE, level=0)
    document.add_paragraph(INTRO)
    for heading, level, paragraphs in SECTIONS:
        document.add_heading(heading, level=level)
        if heading == "Summary of results":
            document.add_paragraph(TABLE_CAPTION)
            table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
            table.style = "Table Grid"
            for r, row in enumerate(TABLE):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = value
                    if r == 0:
                        cell.paragraphs[0].runs[0].bold = True
        for text in paragraphs:
            document.add_paragraph(text)
    document.save(path)


if __name__ == "__main__":
    write()
