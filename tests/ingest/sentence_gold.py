"""A small labelled set for sentence splitting: paragraphs of several kinds of document,
each written as its list of sentences (the gold boundaries).

Used by tests/ingest/test_structure.py (the chosen splitter must stay accurate on it) and
by benchmarks/sentence_splitters.py (which compares splitters on accuracy and speed).
Hand-written for this purpose; the hard cases are the ones a news-only abbreviation list
gets wrong: legal citations, units, section references, initials, versions, quotes.
"""

from __future__ import annotations

import textwrap

GOLD: dict[str, list[list[str]]] = {
    "legal": [
        [
            "This Agreement is made on 1 March 2024 between Acme Holdings Inc. and Bolt Ltd. of London.",
            "The court in Smith v. Jones held that such a clause was void.",
            "See e.g. Art. 5 and Sec. 4.2 of Regulation No. 2016/679.",
            "The Supplier shall pay approx. 3.5 million euros, i.e. the full amount, within 30 days.",
        ],
        [
            "Notices must be sent to 12 Main St. in Springfield, attn. the General Counsel.",
            "Pursuant to 17 U.S.C. § 107, fair use is not an infringement.",
            "Either party may terminate this Agreement on 30 days' written notice.",
            "Payment is due by Jan. 15 of each year.",
        ],
        [
            "“Confidential Information” means any information disclosed by either party.",
            "The Licensee (hereinafter the “User”) agrees to these terms.",
            "He said: “The contract is void.”",
            "The judge disagreed.",
            "Clause 7.3 survives termination, as does Section 9.",
        ],
        [
            "Cf. the decision in Brown v. Board of Education, 347 U.S. 483 (1954).",
            "The obligations under para. 3 and subs. (b) apply mutatis mutandis.",
            "Claims against Globex Corp. and its affiliates are excluded.",
            "No. 5 of Schedule B lists the fees.",
        ],
    ],
    "manual": [
        [
            "Install version v2.1.0 or later before upgrading the firmware.",
            "Press the Reset button for approx. 5 sec. until the LED blinks.",
            "The device draws 0.5 A at 12 V.",
            "See Fig. 3 for the wiring diagram.",
        ],
        [
            "Use a Phillips No. 2 screwdriver to remove the cover.",
            "Open the file config.yaml and set the option debug to true.",
            "Visit www.example.com for updates.",
            "If the light stays red... wait a minute and try again.",
        ],
        [
            "Do not open the case!",
            "Dangerous voltage is present inside.",
            "Is the cable connected?",
            "Check both ends of the cable.",
            "The default port is 8080 (see Sec. 2.3).",
        ],
        [
            "Supported formats include PNG, JPG and TIFF.",
            "Other formats are converted on import, e.g. BMP files become PNG files.",
            "The API returns HTTP status 404 if the item does not exist.",
            "Python 3.11 or newer is required.",
        ],
    ],
    "news": [
        [
            "Mr. Smith arrived in Washington on Monday.",
            "The U.S. economy grew 3.5% in the second quarter, the Commerce Dept. said.",
            "Prof. Jane Doe of MIT said the results were “very encouraging.”",
            "Others were more cautious.",
        ],
        [
            "Shares of Apple Inc. fell 2% on Tuesday.",
            "The firm was founded in 1998 by a grandson of J. R. R. Tolkien.",
            "Gen. Mark Milley spoke at 9 a.m. on Friday.",
            "“We are ready,” she said.",
            "“The vote is tomorrow.”",
        ],
        [
            "Sales rose by approx. 20 percent vs. last year.",
            "Dr. Patel, a former adviser to the U.K. government, disagreed.",
            "The report, published by the Dept. of Health, runs to 300 pages.",
        ],
    ],
    "notes": [
        [
            "Call Dr. Patel at 555-0100 about the invoice.",
            "Budget is approx. $1.2M, i.e. within the limit.",
            "Ideas: e.g. a shared calendar, a wiki, a chat channel.",
            "Next steps... to be decided on Thursday.",
        ],
        [
            "Read ch. 4 and pp. 10-12 before the meeting.",
            "Ask J. Smith about the v1.2 release notes.",
            "Done!",
            "Moving on to the budget.",
        ],
    ],
    "report": [
        [
            "Smith et al. (2020) report a mean of 4.2 (SD = 1.1).",
            "The results (cf. Table 2) are significant at p < 0.05.",
            "Results are shown in Fig. 2a and Eq. 3.",
            "Approximately 45% of respondents agreed, cf. Section 4.2.",
        ],
        [
            "The survey ran from Oct. 2022 to Feb. 2023.",
            "Participants were aged approx. 18 to 65 years.",
            "Costs rose 12.5% vs. the previous period.",
        ],
    ],
}


def paragraph_text(sentences: list[str]) -> str:
    return " ".join(sentences)


def gold_spans(sentences: list[str]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        at += len(s) + 1
    return spans


def wrapped(text: str, width: int = 70) -> str:
    """Hard-wrap at `width` columns; every break replaces one space, so offsets hold."""
    out = textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)
    assert len(out) == len(text), "wrapping must only turn spaces into newlines"
    return out


def all_paragraphs() -> list[tuple[str, list[str]]]:
    return [(kind, para) for kind, paras in GOLD.items() for para in paras]


# Written after the splitter's rules were settled and never tuned on: the held-out check
# of tests/ingest/test_structure.py and benchmarks/sentence_splitters.py --held-out.
HELD_OUT: dict[str, list[list[str]]] = {
    "legal": [
        [
            "The Tenant shall keep the premises in good repair.",
            "The Landlord may inspect them on 24 hours' notice.",
            "As held in R. v. Brown, consent is no defence to such a charge.",
            "Rent is payable monthly in advance, viz. on the first day of each month.",
        ],
        [
            "The parties (i.e. Northwind Traders Ltd. and its subsidiaries) waive any claim.",
            "Damages are capped at EUR 50,000.00 per event.",
            "This clause does not limit liability for fraud.",
        ],
    ],
    "manual": [
        [
            "Tighten the bolts to approx. 25 Nm.",
            "Do not over-tighten them.",
            "Refer to p. 14 for the torque table.",
            "Firmware 3.0.2 fixes the pairing bug.",
        ],
        [
            "Select Settings > Network > Wi-Fi.",
            "Enter the password and tap Join.",
            "The status light turns blue when the device is online.",
        ],
    ],
    "news": [
        [
            "Sen. Maria Lopez, D-Calif., voted against the bill.",
            "It passed 52 to 48 late on Wednesday.",
            "The measure now goes to the House.",
        ],
        [
            "Analysts at Goldman Sachs Group Inc. expect rates to fall.",
            "“Inflation is cooling,” said Dr. A. K. Rao, the bank's chief economist.",
            "Markets rose 1.2% on the news.",
        ],
    ],
    "notes": [
        [
            "Mtg. with the vendor moved to Fri. afternoon.",
            "Bring the signed NDA and the price list.",
            "Remind Tom re. the deposit.",
        ],
    ],
    "report": [
        [
            "Table 3 summarises the responses.",
            "Mean satisfaction was 3.9 on a five-point scale.",
            "Younger respondents, i.e. those under 30, were less satisfied.",
            "The difference is significant (p = 0.01).",
        ],
    ],
}


def held_out_paragraphs() -> list[tuple[str, list[str]]]:
    return [(kind, para) for kind, paras in HELD_OUT.items() for para in paras]
