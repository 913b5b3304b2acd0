"""Build evals/data/reference/questions.jsonl: questions over four fictional reference
documents about one pharmaceutical company and its hay fever tablet (written for this eval,
CC0-1.0): an encyclopedia article in HTML (infobox table, sections with dates, places and
people), a help-centre FAQ in Markdown (a heading per question), a patient information
leaflet in hard-wrapped plain text (numbered sections, doses, durations, "do not" rules) and
an annual-report extract in .docx (a results table with year-on-year changes).

Run: python evals/data/_tools/build_reference.py, then python -m evals.dataset --check reference
(the .docx is written by make_reference_docx.py). Evidence offsets come from the documents as
ingest reads them (HTML and DOCX are stored as Markdown-like text, not as their files' bytes),
never typed: each quote is written here with single spaces and located with a regex in which
a space matches any run of whitespace (the leaflet is hard-wrapped).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from common import DATA, Q, finish, hist, located

sys.path.insert(0, str(DATA.parent.parent))  # the checkout, for evals.dataset and ingest
from evals.dataset import read_documents

EN = "vellmoor-laboratories.html"
FAQ = "help-centre-faq.md"
PIL = "pollenex-leaflet.txt"
AR = "annual-report-2025-financial-review.docx"
DOCS = read_documents(Path(DATA / "reference" / "docs"))


x = partial(located, DOCS)  # (doc_id, exact text[, nth]) of a quote written with single spaces


# --- encyclopedia article (HTML) -----------------------------------------------------------------
EN_FOUNDED_ROW = "| Founded | 14 March 1952 in Kestleigh, England |"
EN_FOUNDERS_ROW = "| Founders | Edith Vellmoor, Arthur Lyle |"
EN_KEY_PEOPLE = "| Key people | Richard Tamsin (chair); Hannah Okafor (chief executive) |"
EN_REVENUE_ROW = "| Revenue | £412.6 million (2023) |"
EN_STAFF_ROW = "| Number of employees | 1,900 (2023) |"
EN_LEAD = (
    "Vellmoor Laboratories plc is a British pharmaceutical company based in Kestleigh, a market "
    "town in the north of England. It makes over-the-counter medicines sold in pharmacies, a "
    "small range of prescription medicines, and medicines made under contract for other "
    "companies."
)
EN_BEST_KNOWN = (
    "Its best-known products are Vellmoor's Throat Pastilles, first sold in 1953, and the hay "
    "fever tablet Pollenex."
)
EN_LISTED = "The company has been listed on the London Stock Exchange since 1996."
EN_FOUNDING = (
    "The company was founded on 14 March 1952 by Edith Vellmoor (1911-1994), a pharmacist who "
    "ran a chemist's shop on Market Street in Kestleigh, and Arthur Lyle (1907-1981), a chemist "
    "who had worked for a dye manufacturer in Leeds."
)
EN_ABOVE_SHOP = "They began by making cough mixtures and ointments in a room above the shop."
EN_400 = (
    "Their throat pastille, sold from 1953, was stocked by more than 400 chemists across the "
    "north of England by 1960, and the partners moved production to a former textile mill on "
    "the River Kest in 1957."
)
EN_BRACKENFIELD = (
    "In 1968 the company opened a purpose-built tablet factory at Brackenfield, three miles "
    "south of Kestleigh, which is still its main manufacturing site."
)
EN_OSTWICK_BUY = (
    "In 1979 it bought Ostwick Chemicals, a maker of pharmaceutical ingredients in Ostwick, "
    "Lincolnshire, for £2.3 million."
)
EN_MARTIN = (
    "Edith Vellmoor retired in 1987 and was succeeded as chairman by her son, Martin Vellmoor, "
    "who led the company until 2004."
)
EN_CARDIWELL_1991 = (
    "Under Martin Vellmoor the company moved into prescription medicines, launching the blood "
    "pressure medicine Cardiwell in 1991."
)
EN_FLOAT = (
    "Vellmoor Laboratories was floated on the London Stock Exchange in June 1996, valuing the "
    "company at about £180 million; the Vellmoor family kept a stake of around 30%."
)
EN_RECALL_SUMMARY = (
    "In 2003 it recalled 1.2 million packs of throat pastilles after a batch was found to be "
    "contaminated with a cleaning agent (see Controversies)."
)
EN_POLLENEX = (
    "The hay fever tablet Pollenex, containing merolastine, was launched in 2011 as a "
    "prescription-only medicine and became available from pharmacies without a prescription "
    "in 2016."
)
EN_OSTWICK_2019 = (
    "In 2019 the company opened a contract manufacturing unit at its Ostwick site, making "
    "tablets and capsules for other pharmaceutical firms."
)
EN_OKAFOR = (
    "Hannah Okafor, previously head of operations, became chief executive in January 2022, "
    "succeeding Graham Pell, who had held the post since 2009."
)
EN_TAMSIN = "Richard Tamsin has been chair since 2020."
EN_RANGE = (
    "Vellmoor's consumer range includes Vellmoor's Throat Pastilles, the hay fever tablet "
    "Pollenex, the antiseptic cream Kestoderm and the children's cough syrup Lylet."
)
EN_PRESCRIPTION = (
    "Its prescription medicines include Cardiwell (valtrenolol), for high blood pressure, and "
    "Respira-V, an inhaler for asthma."
)
EN_POLLINEX = (
    "Most products are sold in the United Kingdom and Ireland; Pollenex is also sold in the "
    "Netherlands and Belgium under the name Pollinex."
)
EN_SITES = (
    "The Brackenfield factory makes tablets, pastilles and creams, and the Ostwick site makes "
    "active ingredients and runs the contract manufacturing unit."
)
EN_2023 = (
    "In 2023 the company reported revenue of £412.6 million and employed about 1,900 people, "
    "most of them in Kestleigh and Brackenfield."
)
EN_TRUST = (
    "The company's largest shareholder is the Vellmoor Family Trust, which held 18.4% of the "
    "shares in 2023, down from about 30% at the flotation."
)
EN_OKAFOR_BIO = (
    "The chief executive, Hannah Okafor, trained as a chemical engineer at the University of "
    "Manchester and joined the company in 2008."
)
EN_BOARD = "The board has nine members."
EN_2003 = (
    "In February 2003 a batch of throat pastilles made at Kestleigh was found to contain traces "
    "of a cleaning agent used on the production line."
)
EN_NO_INJURIES = (
    "The company recalled 1.2 million packs from shops in the United Kingdom and Ireland; no "
    "serious injuries were reported."
)
EN_VALVE = (
    "An investigation by the medicines regulator found that a valve had been left open during "
    "cleaning, and the company was fined £250,000 in 2004."
)
EN_PRICE_2015 = (
    "In 2015 the company was criticised by patient groups for raising the price of Cardiwell by "
    "40% in a single year. The increase was partly reversed in 2016."
)

# --- help-centre FAQ (Markdown) ------------------------------------------------------------------
FAQ_UPDATED = "This page was last updated on 12 February 2025."
FAQ_WHERE = (
    "Pollenex is sold in pharmacies in the United Kingdom and Ireland, in packs of 7, 14 and 30 "
    "tablets."
)
FAQ_30 = (
    "The 30-tablet pack is only sold in pharmacies, where the pharmacist may ask you a few "
    "questions before selling it."
)
FAQ_SUPERMARKETS = "The 7-tablet pack is also sold in some supermarkets and petrol stations."
FAQ_DIRECT = "No. We do not sell to the public, online or by post."
FAQ_LYLET = (
    "We expect stock to be back to normal by the end of March 2025. Your pharmacist can suggest "
    "another cough medicine in the meantime."
)
FAQ_HOW = (
    "Adults and children aged 12 and over should take one tablet once a day, swallowed whole "
    "with a glass of water, with or without food. Do not take more than one tablet in 24 hours."
)
FAQ_CHILDREN = (
    "Yes. Children aged 6 to 11 can take half a tablet once a day; the tablet has a score line "
    "so that it can be broken into two equal halves."
)
FAQ_UNDER_6 = "For younger children, ask your pharmacist about a liquid hay fever medicine."
FAQ_DROWSY = (
    "If it makes you feel drowsy, do not drive, cycle or use machines. Alcohol can make "
    "drowsiness worse, so we recommend that you avoid it while taking Pollenex."
)
FAQ_HOW_LONG = "You can take Pollenex for as long as you have symptoms during the pollen season."
FAQ_VEGAN = (
    "No. Each Pollenex tablet contains lactose, which comes from milk, and the tablet coating is "
    "not certified vegan."
)
FAQ_PASTILLES_VEGAN = (
    "Vellmoor's Throat Pastilles (all flavours) are suitable for vegans and vegetarians."
)
FAQ_REPORT = (
    "You can report a side effect to our Medical Information team on 0808 157 0420 (free from "
    "UK landlines and mobiles), Monday to Friday from 8:30 am to 5:30 pm, or by email to "
    "medinfo@vellmoor.example."
)
FAQ_RECALLS = "There are no current recalls of Vellmoor products."
FAQ_ANIMALS = (
    "Pollenex, the throat pastilles, Kestoderm and Lylet have not been tested on animals by us "
    "since 2013."
)
FAQ_ANIMALS_LAW = (
    "We do not test our consumer products or their ingredients on animals, except where the "
    "law requires it for a new medicine."
)
FAQ_LARGE_PRINT = (
    "Large-print leaflets are posted within 5 working days; Braille and audio versions can take "
    "up to 15 working days."
)
FAQ_CONSUMER_CARE = (
    "Call our Consumer Care team on 0808 157 0421, Monday to Friday from 9 am to 5 pm"
)
FAQ_DISPOSE = (
    "Take unused or out-of-date medicines back to a pharmacy, which will dispose of them safely."
)
FAQ_COMPLAIN = (
    "We acknowledge every complaint within 3 working days and aim to send a full reply within "
    "20 working days."
)

# --- patient information leaflet (hard-wrapped text) ---------------------------------------------
PIL_ACTIVE = "Pollenex contains the active substance merolastine, which is an antihistamine."
PIL_USE = (
    "Pollenex is used in adults and children aged 12 years and over to relieve the symptoms of "
    "seasonal allergic rhinitis (hay fever)"
)
PIL_DO_NOT = "Do not take Pollenex:"
PIL_KIDNEY_NO = "if you have severe kidney disease;"
PIL_FUNGAL = "if you are taking ketoconazole or itraconazole (medicines for fungal infections)."
PIL_PRICK = (
    "Stop taking Pollenex 3 days before any skin prick test for allergy, because it may affect "
    "the results."
)
PIL_CHILDREN = (
    "Do not give this medicine to children under 12 years of age. The use of Pollenex in "
    "children aged 6 to 11 years is no longer recommended, and the tablets no longer have a "
    "score line."
)
PIL_ALCOHOL = "Do not drink alcohol while you are taking Pollenex, as it may increase drowsiness."
PIL_GRAPEFRUIT = "Do not take Pollenex with grapefruit juice."
PIL_BREASTFEEDING = "Pollenex is not recommended during breast-feeding."
PIL_DRIVING = (
    "Pollenex may make you feel drowsy or dizzy in some people. If this happens, do not drive or "
    "use any tools or machines."
)
PIL_LACTOSE = "Each tablet contains 71 mg of lactose monohydrate."
PIL_DOSE = (
    "The recommended dose is one tablet once a day. Swallow the tablet whole with a glass of "
    "water. Do not take more than one tablet in 24 hours."
)
PIL_OLDER = "Older people No change in dose is needed."
PIL_KIDNEY_DOSE = (
    "If you have moderate kidney problems, the usual dose is one tablet every other day."
)
PIL_7_DAYS = (
    "If your symptoms have not improved after 7 days, talk to your doctor or pharmacist. Do not "
    "take Pollenex for longer than 3 months in a row without talking to your doctor."
)
PIL_OVERDOSE = (
    "If you or someone else takes too many tablets, contact a doctor or go to the nearest "
    "hospital emergency department straight away."
)
PIL_OVERDOSE_SIGNS = (
    "Signs of an overdose may include severe drowsiness, a fast heartbeat and confusion."
)
PIL_FORGET = (
    "Take the next dose at the usual time. Do not take a double dose to make up for a forgotten "
    "tablet."
)
PIL_ALLERGY = (
    "Stop taking Pollenex and get medical help at once if you have signs of a serious allergic "
    "reaction, such as swelling of the face, lips, tongue or throat, or difficulty breathing or "
    "swallowing."
)
PIL_COMMON = "Common (may affect up to 1 in 10 people): drowsiness, headache, dry mouth."
PIL_UNCOMMON = (
    "Uncommon (may affect up to 1 in 100 people): dizziness, tiredness, stomach pain, feeling sick."
)
PIL_REPORT = "You can also report side effects to Vellmoor Medical Information on 0808 157 0420."
PIL_STORE = (
    "Do not store above 25°C. Store in the original package in order to protect from moisture."
)
PIL_WASTE = (
    "Do not throw away any medicines via wastewater or household waste. Ask your pharmacist how "
    "to throw away medicines you no longer use."
)
PIL_LOOKS = (
    'Pollenex tablets are white, oval, film-coated tablets marked "PX10" on one side and plain '
    "on the other."
)
PIL_PACKS = "They come in blister packs of 7, 14 or 30 tablets."
PIL_MADE = (
    "Manufactured at: Vellmoor Laboratories Ltd, Brackenfield Works, Brackenfield KL7 5JD, "
    "United Kingdom."
)
PIL_REVISED = "This leaflet was last revised in October 2025."
PIL_CONTENTS_10MG = "Each film-coated tablet contains 10 mg of merolastine hydrochloride."

# --- annual report extract (DOCX) ----------------------------------------------------------------
AR_OPENING = (
    "Group revenue rose 7.6% to £486.3 million, driven by Consumer Health and by Contract "
    "Manufacturing, which more than offset the expected decline in Prescription Medicines."
)
AR_OP_PROFIT = (
    "Operating profit grew faster than revenue, by 13.8% to £71.9 million, and the operating "
    "margin improved from 14.0% to 14.8%."
)
AR_TABLE_TITLE = "Table 1: Group results for the year ended 31 December 2025"
AR_ROW_REVENUE = "| Revenue | 486.3 | 451.9 | +7.6% |"
AR_ROW_CH = "| Consumer Health | 271.4 | 244.8 | +10.9% |"
AR_ROW_PM = "| Prescription Medicines | 152.7 | 156.3 | -2.3% |"
AR_ROW_CM = "| Contract Manufacturing | 62.2 | 50.8 | +22.4% |"
AR_ROW_GM = "| Gross margin | 58.4% | 57.1% | +1.3 pts |"
AR_ROW_OM = "| Operating margin | 14.8% | 14.0% | +0.8 pts |"
AR_ROW_PBT = "| Profit before tax | 66.4 | 59.0 | +12.5% |"
AR_ROW_EPS = "| Basic earnings per share | 41.2p | 36.5p | +12.9% |"
AR_ROW_DPS = "| Dividend per share | 13.5p | 12.6p | +7.1% |"
AR_ROW_CASH = "| Net cash at year end | 84.5 | 61.7 | +22.8 |"
AR_ROW_STAFF = "| Employees at year end | 2,140 | 2,030 | +5.4% |"
AR_POLLENEX_SALES = (
    "Pollenex had its best year since it became available without a prescription: sales rose "
    "13.9% to £48.2 million (2024: £42.3 million), helped by an early and long grass pollen "
    "season."
)
AR_WITHDRAWN = (
    "In September 2025, after a review of dosing in younger children agreed with the regulator, "
    "we withdrew the use of Pollenex in children aged 6 to 11; the product is now for adults and "
    "children aged 12 and over, and the tablets no longer carry a score line."
)
AR_RELABEL = (
    "Relabelling and the return of stock from pharmacies cost £1.1 million, which is included in "
    "cost of sales."
)
AR_PASTILLES = "Sales of Vellmoor's Throat Pastilles were flat at £39.6 million."
AR_PM = "Prescription Medicines. Revenue fell 2.3% to £152.7 million."
AR_CARDIWELL = (
    "Cardiwell lost its market exclusivity in April 2025, and its sales fell 19% to £41.0 million "
    "as generic versions entered the market."
)
AR_RESPIRA = "Sales of the asthma inhaler Respira-V grew 8% to £57.3 million."
AR_CM = (
    "Contract Manufacturing. Revenue grew 22.4% to £62.2 million. The unit at Ostwick signed two "
    "new long-term supply contracts during the year, and its utilisation rose to 81% (2024: 68%)."
)
AR_GM = (
    "Gross margin improved by 1.3 percentage points to 58.4%, mainly because Consumer Health, "
    "our highest-margin segment, made up a larger share of sales."
)
AR_RD = "Research and development expenditure rose 10.0% to £38.6 million, or 7.9% of revenue."
AR_PBT = "Profit before tax was £66.4 million, up 12.5%."
AR_TAX = (
    "The effective tax rate was 24.1% (2024: 23.8%), and basic earnings per share rose 12.9% to "
    "41.2 pence."
)
AR_CASH = "Net cash at 31 December 2025 was £84.5 million (2024: £61.7 million)."
AR_CAPEX = (
    "Capital expenditure was £24.3 million, most of it on a new blister-packing line at "
    "Brackenfield, which started production in November 2025."
)
AR_FINAL_DIV = "The Board proposes a final dividend of 8.8 pence per share."
AR_TOTAL_DIV = (
    "With the interim dividend of 4.7 pence paid in October 2025, this makes a total of 13.5 "
    "pence for the year, up 7.1%."
)
AR_DIV_DATES = (
    "Subject to approval at the Annual General Meeting on 21 May 2026, the final dividend will be "
    "paid on 12 June 2026 to shareholders on the register on 15 May 2026."
)
AR_STAFF = (
    "At the end of 2025 the Group employed 2,140 people (2024: 2,030), an increase of 5.4%, most "
    "of it at Ostwick."
)
AR_TURNOVER = "Staff turnover fell to 9.2% (2024: 11.5%)."
AR_OUTLOOK = "For 2026 we expect revenue growth of 4% to 6% at constant exchange rates"
AR_CAPEX_2026 = (
    "We plan capital expenditure of about £32 million, mainly to expand the contract "
    "manufacturing unit at Ostwick."
)
AR_SIGNED = "Lena Marsh, Chief Financial Officer, 3 March 2026"

# fmt: off
NEW: list[Q] = [
    # --- single facts -----------------------------------------------------------------------------
    Q("rf-sf-01", "single_fact", "When was Vellmoor Laboratories founded?",
      "On 14 March 1952, in Kestleigh, England.",
      [["14 March 1952"]],
      [x(EN, EN_FOUNDING)]),
    Q("rf-sf-02", "single_fact", "By 1960, how many stores were selling Vellmoor's throat pastille?",
      "More than 400 chemists across the north of England.",
      [["400"]],
      [x(EN, EN_400)], ["stores"]),
    Q("rf-sf-03", "single_fact", "Where is Vellmoor's main manufacturing site?",
      "At Brackenfield, three miles south of Kestleigh, where a tablet factory opened in 1968.",
      [["Brackenfield"]],
      [x(EN, EN_BRACKENFIELD)]),
    Q("rf-sf-04", "single_fact", "How much did Vellmoor fork out for Ostwick Chemicals?",
      "£2.3 million, in 1979.",
      [["£2.3 million"]],
      [x(EN, EN_OSTWICK_BUY)], ["fork out"]),
    Q("rf-sf-05", "single_fact", "What is the active substance in Pollenex?",
      "Merolastine (as merolastine hydrochloride), an antihistamine.",
      [["merolastine"]],
      [x(PIL, PIL_ACTIVE)]),
    Q("rf-sf-06", "single_fact", "How many Pollenex tablets can I take in 24 hours?",
      "One: the dose is one tablet once a day, and no more than one tablet in 24 hours.",
      [["one tablet"]],
      [x(PIL, PIL_DOSE)]),
    Q("rf-sf-07", "single_fact", "What colour are Pollenex tablets?",
      "White (oval, film-coated, marked \"PX10\").",
      [["white"]],
      [x(PIL, PIL_LOOKS)], ["colour"]),
    Q("rf-sf-08", "single_fact", "Below what temperature should Pollenex be stored?",
      "Not above 25°C, in the original package to protect it from moisture.",
      [["25°C"]],
      [x(PIL, PIL_STORE)]),
    Q("rf-sf-09", "single_fact", "How much milk sugar is in each Pollenex tablet?",
      "71 mg of lactose monohydrate.",
      [["71 mg"]],
      [x(PIL, PIL_LACTOSE)], ["milk sugar"]),
    Q("rf-sf-10", "single_fact", "What's stamped on a Pollenex tablet?",
      "\"PX10\" on one side; the other side is plain.",
      [["PX10"]],
      [x(PIL, PIL_LOOKS)], ["stamped"]),
    Q("rf-sf-11", "single_fact", "What were Vellmoor's total takings in 2025?",
      "Group revenue was £486.3 million, up 7.6%.",
      [["486.3"]],
      [x(AR, AR_OPENING), x(AR, AR_ROW_REVENUE)], ["takings"]),
    Q("rf-sf-12", "single_fact", "What were Pollenex sales in 2025?",
      "£48.2 million, up 13.9% from £42.3 million.",
      [["£48.2 million"]],
      [x(AR, AR_POLLENEX_SALES)]),
    Q("rf-sf-13", "single_fact", "When is the 2025 final dividend handed out?",
      "On 12 June 2026, to shareholders on the register on 15 May 2026, if approved at the AGM on 21 May 2026.",
      [["12 June 2026"]],
      [x(AR, AR_DIV_DATES)], ["handed out"]),
    Q("rf-sf-14", "single_fact", "How many people did Vellmoor employ at the end of 2025?",
      "2,140 (2,030 a year earlier).",
      [["2,140"]],
      [x(AR, AR_STAFF)]),
    Q("rf-sf-15", "single_fact", "What was Vellmoor's effective tax rate in 2025?",
      "24.1% (23.8% in 2024).",
      [["24.1%"]],
      [x(AR, AR_TAX)]),
    Q("rf-sf-16", "single_fact", "What was staff turnover in 2025?",
      "9.2%, down from 11.5% in 2024.",
      [["9.2%"]],
      [x(AR, AR_TURNOVER)]),
    Q("rf-sf-18", "single_fact", "How big was the penalty after the 2003 pastille contamination?",
      "The company was fined £250,000 in 2004.",
      [["£250,000"]],
      [x(EN, EN_VALVE)], ["penalty"]),
    Q("rf-sf-19", "single_fact", "How long can it take to receive a Braille version of a leaflet?",
      "Up to 15 working days.",
      [["15 working days"]],
      [x(FAQ, FAQ_LARGE_PRINT)]),
    Q("rf-sf-20", "single_fact", "What number do I ring to report a side effect?",
      "0808 157 0420 (Vellmoor Medical Information).",
      [["0808 157 0420"]],
      [x(FAQ, FAQ_REPORT)], ["ring"]),
    Q("rf-sf-21", "single_fact", "When is the Medical Information team available?",
      "Monday to Friday, 8:30 am to 5:30 pm.",
      [["8:30 am"]],
      [x(FAQ, FAQ_REPORT)]),
    Q("rf-sf-22", "single_fact", "How long will Vellmoor take to sort out a complaint fully?",
      "It aims to send a full reply within 20 working days (acknowledgement within 3).",
      [["20 working days"]],
      [x(FAQ, FAQ_COMPLAIN)], ["sort out"]),
    Q("rf-sf-23", "single_fact", "How much did the Pollenex relabelling cost?",
      "£1.1 million, including the return of stock from pharmacies, in cost of sales.",
      [["£1.1 million"]],
      [x(AR, AR_RELABEL)]),
    Q("rf-sf-24", "single_fact", "How much did Cardiwell bring in for Vellmoor in 2025?",
      "£41.0 million, down 19% after it lost market exclusivity.",
      [["£41.0 million"]],
      [x(AR, AR_CARDIWELL)], ["bring in"]),
    Q("rf-sf-25", "single_fact", "How much does Vellmoor plan to spend on capital projects in 2026?",
      "About £32 million, mainly to expand the contract manufacturing unit at Ostwick.",
      [["£32 million"]],
      [x(AR, AR_CAPEX_2026)], ["spend"]),
    Q("rf-sf-26", "single_fact", "Since when have you not needed a doctor's note to get Pollenex?",
      "Since 2016, when it became available from pharmacies without a prescription (it was launched in 2011 as prescription-only).",
      [["2016"]],
      [x(EN, EN_POLLENEX)], ["doctor's note"]),
    Q("rf-sf-27", "single_fact", "What should I do if I miss a dose of Pollenex?",
      "Take the next dose at the usual time; do not take a double dose to make up for it.",
      [["double dose"]],
      [x(PIL, PIL_FORGET)], ["miss a dose"]),
    Q("rf-sf-28", "single_fact", "How much was Vellmoor worth when it floated in 1996?",
      "About £180 million.",
      [["£180 million"]],
      [x(EN, EN_FLOAT)]),
    # --- attribution ------------------------------------------------------------------------------
    Q("rf-at-01", "attribution", "Who founded Vellmoor Laboratories?",
      "Edith Vellmoor, a pharmacist, and Arthur Lyle, a chemist, in 1952.",
      [["Edith Vellmoor"], ["Arthur Lyle"]],
      [x(EN, EN_FOUNDING)]),
    Q("rf-at-02", "attribution", "Who took over as chairman when Edith Vellmoor retired?",
      "Her son, Martin Vellmoor, who led the company until 2004.",
      [["Martin Vellmoor"]],
      [x(EN, EN_MARTIN)], ["took over"]),
    Q("rf-at-03", "attribution", "Who did Hannah Okafor replace as chief executive?",
      "Graham Pell, chief executive since 2009.",
      [["Graham Pell"]],
      [x(EN, EN_OKAFOR)], ["replace"]),
    Q("rf-at-04", "attribution", "Who signed the financial review in the 2025 annual report?",
      "Lena Marsh, Chief Financial Officer, on 3 March 2026.",
      [["Lena Marsh"]],
      [x(AR, AR_SIGNED)]),
    Q("rf-at-05", "attribution", "Who complained about the Cardiwell price hike in 2015?",
      "Patient groups criticised the 40% rise in a single year.",
      [["patient groups"]],
      [x(EN, EN_PRICE_2015)], ["hike"]),
    Q("rf-at-06", "attribution", "Who found what caused the 2003 contamination of the pastilles?",
      "An investigation by the medicines regulator, which found a valve had been left open during cleaning.",
      [["medicines regulator"]],
      [x(EN, EN_VALVE)]),
    Q("rf-at-07", "attribution", "Who chairs Vellmoor Laboratories?",
      "Richard Tamsin, chair since 2020.",
      [["Richard Tamsin"]],
      [x(EN, EN_TAMSIN), x(EN, EN_KEY_PEOPLE)]),
    Q("rf-at-08", "attribution", "Who is Vellmoor's biggest shareholder?",
      "The Vellmoor Family Trust, with 18.4% of the shares in 2023.",
      [["Vellmoor Family Trust"]],
      [x(EN, EN_TRUST)], ["biggest"]),
    Q("rf-at-09", "attribution", "Who agreed to the change in Pollenex's dosing for younger children?",
      "The regulator: Vellmoor withdrew the use in children aged 6 to 11 after a review agreed with the regulator (September 2025).",
      [["regulator"]],
      [x(AR, AR_WITHDRAWN)]),
    Q("rf-at-10", "attribution", "Which Vellmoor team sends out large-print leaflets?",
      "The Consumer Care team, on 0808 157 0421.",
      [["Consumer Care"]],
      [x(FAQ, FAQ_CONSUMER_CARE)]),
    # --- multi-document ---------------------------------------------------------------------------
    Q("rf-md-01", "multi_doc", "When was Pollenex launched, and how much did it sell in 2025?",
      "It was launched in 2011 (prescription-only at first); 2025 sales were £48.2 million.",
      [["2011"], ["£48.2 million"]],
      [x(EN, EN_POLLENEX), x(AR, AR_POLLENEX_SALES)]),
    Q("rf-md-02", "multi_doc", "Where is Pollenex manufactured, and when did that factory open?",
      "At Brackenfield Works, Brackenfield; the tablet factory there opened in 1968.",
      [["Brackenfield"], ["1968"]],
      [x(PIL, PIL_MADE), x(EN, EN_BRACKENFIELD)]),
    Q("rf-md-03", "multi_doc", "What number is given for reporting side effects, and when is it staffed?",
      "0808 157 0420 (Medical Information), Monday to Friday 8:30 am to 5:30 pm.",
      [["0808 157 0420"], ["8:30 am"]],
      [x(PIL, PIL_REPORT), x(FAQ, FAQ_REPORT)]),
    Q("rf-md-04", "multi_doc", "When did Cardiwell come out, and what happened to its sales in 2025?",
      "It was launched in 1991; in 2025 its sales fell 19% to £41.0 million after it lost market exclusivity in April.",
      [["1991"], ["19%"]],
      [x(EN, EN_CARDIWELL_1991), x(AR, AR_CARDIWELL)]),
    Q("rf-md-05", "multi_doc", "What is Respira-V, and how did it sell in 2025?",
      "An inhaler for asthma; its sales grew 8% to £57.3 million.",
      [["asthma"], ["£57.3 million"]],
      [x(EN, EN_PRESCRIPTION), x(AR, AR_RESPIRA)]),
    Q("rf-md-06", "multi_doc", "What makes Pollenex unsuitable for vegans, and how much of it is in a tablet?",
      "Lactose (from milk): each tablet contains 71 mg of lactose monohydrate.",
      [["lactose"], ["71 mg"]],
      [x(FAQ, FAQ_VEGAN), x(PIL, PIL_LACTOSE)]),
    Q("rf-md-07", "multi_doc", "When did the Ostwick contract manufacturing unit open, and how busy was it in 2025?",
      "It opened in 2019; its utilisation rose to 81% in 2025 (68% in 2024).",
      [["2019"], ["81%"]],
      [x(EN, EN_OSTWICK_2019), x(AR, AR_CM)], ["busy"]),
    Q("rf-md-08", "multi_doc", "What should I do with leftover tablets I don't need?",
      "Take them back to a pharmacy; do not throw them away in household waste or down the drain.",
      [["pharmacy", "pharmacist"]],
      [x(FAQ, FAQ_DISPOSE), x(PIL, PIL_WASTE)], ["leftover"]),
    # --- disagreement -----------------------------------------------------------------------------
    Q("rf-dg-01", "disagreement", "Can my 8-year-old take Pollenex?",
      "No. The leaflet (revised October 2025) says not to give it to children under 12; use in children aged 6 to 11 was withdrawn in September 2025. The help centre page (February 2025) still says children aged 6 to 11 can take half a tablet, but it is out of date.",
      [["under 12"]],
      [x(PIL, PIL_CHILDREN), x(AR, AR_WITHDRAWN), x(FAQ, FAQ_CHILDREN)], ["8-year-old"]),
    Q("rf-dg-02", "disagreement", "Can I split a Pollenex tablet in half?",
      "Not any more: the help centre (February 2025) says the tablet has a score line to break it into halves, but the leaflet and the 2025 annual report say the tablets no longer have a score line.",
      [["no longer"], ["score line"]],
      [x(PIL, PIL_CHILDREN), x(AR, AR_WITHDRAWN), x(FAQ, FAQ_CHILDREN)], ["split"]),
    Q("rf-dg-03", "disagreement", "How many people work for Vellmoor?",
      "2,140 at the end of 2025, according to the annual report; the encyclopedia's figure of about 1,900 is from 2023.",
      [["2,140"]],
      [x(AR, AR_STAFF), x(EN, EN_STAFF_ROW)]),
    Q("rf-dg-04", "disagreement", "Can I keep taking Pollenex for the whole pollen season?",
      "The help centre says you can take it for as long as you have symptoms in the pollen season, but the leaflet says not to take it for longer than 3 months in a row without talking to your doctor (and to see one if there is no improvement after 7 days).",
      [["3 months"]],
      [x(PIL, PIL_7_DAYS), x(FAQ, FAQ_HOW_LONG)]),
    Q("rf-dg-05", "disagreement", "Is the help centre's advice on giving Pollenex to children still current?",
      "No: it was last updated on 12 February 2025 and says children aged 6 to 11 can take half a tablet, but in September 2025 that use was withdrawn; the product is now for ages 12 and over.",
      [["September 2025"]],
      [x(AR, AR_WITHDRAWN), x(FAQ, FAQ_UPDATED), x(FAQ, FAQ_CHILDREN)]),
    Q("rf-dg-06", "disagreement", "Was Vellmoor's revenue £412.6 million or £486.3 million?",
      "Both, for different years: £412.6 million was 2023 (the encyclopedia), £486.3 million was 2025 (the annual report).",
      [["£412.6 million"], ["£486.3 million"]],
      [x(EN, EN_2023), x(AR, AR_OPENING)]),
    # --- false premise ----------------------------------------------------------------------------
    Q("rf-fp-01", "false_premise", "Why did Prescription Medicines revenue grow in 2025?",
      "It did not: it fell 2.3% to £152.7 million, mainly because Cardiwell lost its market exclusivity.",
      [["fell 2.3%"]],
      [x(AR, AR_PM), x(AR, AR_CARDIWELL)]),
    Q("rf-fp-02", "false_premise", "Why can you only get Pollenex on prescription?",
      "You can't only: it has been available from pharmacies without a prescription since 2016.",
      [["without a prescription"]],
      [x(EN, EN_POLLENEX)]),
    Q("rf-fp-03", "false_premise", "Why did Vellmoor cut its dividend for 2025?",
      "It did not: the total dividend rose 7.1% to 13.5 pence per share (12.6p in 2024).",
      [["13.5"]],
      [x(AR, AR_TOTAL_DIV), x(AR, AR_ROW_DPS)], ["cut"]),
    Q("rf-fp-04", "false_premise", "How do I order Pollenex from Vellmoor's online shop?",
      "You can't: Vellmoor does not sell to the public, online or by post; buy it from a pharmacy or shop.",
      [["not sell to the public"]],
      [x(FAQ, FAQ_DIRECT)]),
    Q("rf-fp-05", "false_premise", "How many people were hurt by the contaminated pastilles in 2003?",
      "No serious injuries were reported.",
      [["no serious injuries"]],
      [x(EN, EN_NO_INJURIES)], ["hurt"]),
    # --- paraphrase -------------------------------------------------------------------------------
    Q("rf-pa-01", "paraphrase", "What's the most Pollenex I'm allowed in a day?",
      "One tablet: do not take more than one tablet in 24 hours.",
      [["one tablet"]],
      [x(PIL, PIL_DOSE)], ["allowed"], paraphrase_of="rf-sf-06"),
    Q("rf-pa-02", "paraphrase", "Who set up the company that makes Pollenex?",
      "Edith Vellmoor and Arthur Lyle, in 1952.",
      [["Edith Vellmoor"], ["Arthur Lyle"]],
      [x(EN, EN_FOUNDING)], ["set up"], paraphrase_of="rf-at-01"),
    Q("rf-pa-03", "paraphrase", "What was the company's total income in 2025?",
      "Revenue of £486.3 million.",
      [["486.3"]],
      [x(AR, AR_OPENING), x(AR, AR_ROW_REVENUE)], ["income"], paraphrase_of="rf-sf-11"),
    Q("rf-pa-04", "paraphrase", "When can I get someone on the phone about a side effect?",
      "Monday to Friday, 8:30 am to 5:30 pm, on 0808 157 0420.",
      [["8:30 am"]],
      [x(FAQ, FAQ_REPORT)], ["phone"], paraphrase_of="rf-sf-21"),
    Q("rf-pa-05", "paraphrase", "How hot is too hot for my hay fever tablets?",
      "Above 25°C: do not store Pollenex above 25°C.",
      [["25°C"]],
      [x(PIL, PIL_STORE)], ["hot"], paraphrase_of="rf-sf-08"),
    # --- follow-ups -------------------------------------------------------------------------------
    Q("rf-fu-01", "follow_up", "When did she retire?",
      "In 1987; her son Martin Vellmoor succeeded her as chairman.",
      [["1987"]],
      [x(EN, EN_MARTIN)],
      history=hist("Who founded Vellmoor Laboratories?",
                   "Edith Vellmoor, a pharmacist, and Arthur Lyle, a chemist, on 14 March 1952.")),
    Q("rf-fu-02", "follow_up", "What are its common side effects?",
      "Drowsiness, headache and dry mouth (may affect up to 1 in 10 people).",
      [["drowsiness"], ["headache"]],
      [x(PIL, PIL_COMMON)],
      history=hist("What is Pollenex?",
                   "A hay fever tablet made by Vellmoor Laboratories, containing the antihistamine merolastine.")),
    Q("rf-fu-03", "follow_up", "And when do shareholders get it?",
      "On 12 June 2026, if it is approved at the AGM on 21 May 2026.",
      [["12 June 2026"]],
      [x(AR, AR_DIV_DATES)],
      history=hist("What final dividend is Vellmoor proposing for 2025?",
                   "8.8 pence per share, making 13.5 pence for the year with the interim dividend.")),
    Q("rf-fu-04", "follow_up", "What caused it?",
      "A valve had been left open during cleaning, the medicines regulator's investigation found.",
      [["valve"]],
      [x(EN, EN_VALVE)],
      history=hist("What happened with Vellmoor's throat pastilles in 2003?",
                   "A batch was found to contain traces of a cleaning agent, and 1.2 million packs were recalled.")),
    Q("rf-fu-05", "follow_up", "What is it used for?",
      "High blood pressure.",
      [["blood pressure"]],
      [x(EN, EN_PRESCRIPTION)],
      history=hist("How much did Cardiwell's sales fall in 2025?",
                   "19%, to £41.0 million, after it lost its market exclusivity in April 2025.")),
    Q("rf-fu-06", "follow_up", "How much is she paid?",
      "Not given: the documents do not state the chief executive's pay.",
      history=hist("Who is Vellmoor's chief executive?",
                   "Hannah Okafor, since January 2022.")),
    Q("rf-fu-07", "follow_up", "Can I get the biggest one at the supermarket?",
      "No: the 30-tablet pack is only sold in pharmacies (the 7-tablet pack is in some supermarkets).",
      [["only sold in pharmacies"]],
      [x(FAQ, FAQ_30)], ["biggest"],
      history=hist("What pack sizes does Pollenex come in?",
                   "Blister packs of 7, 14 or 30 tablets.")),
    Q("rf-fu-08", "follow_up", "Is it OK while breast-feeding?",
      "It is not recommended during breast-feeding; ask a doctor or pharmacist.",
      [["not recommended"]],
      [x(PIL, PIL_BREASTFEEDING)],
      history=hist("What is in a Pollenex tablet?",
                   "10 mg of merolastine hydrochloride, with lactose monohydrate and other ingredients.")),
    # --- overview ---------------------------------------------------------------------------------
    Q("rf-ov-01", "overview", "What does the Pollenex leaflet cover?",
      "What Pollenex is (an antihistamine for hay fever in adults and children 12 and over), who should not take it, how to take it (one tablet once a day), side effects, storage and the pack's contents.",
      [["hay fever"], ["one tablet once a day"]],
      [x(PIL, PIL_USE), x(PIL, PIL_DOSE)]),
    Q("rf-ov-02", "overview", "Sum up Vellmoor's results for 2025.",
      "Revenue rose 7.6% to £486.3 million and operating profit 13.8% to £71.9 million; profit before tax was £66.4 million and the dividend rose to 13.5p.",
      [["7.6%"], ["£71.9 million"]],
      [x(AR, AR_OPENING), x(AR, AR_OP_PROFIT)], ["sum up"]),
    Q("rf-ov-03", "overview", "Give me a potted history of Vellmoor.",
      "Founded in Kestleigh in 1952 by Edith Vellmoor and Arthur Lyle; Brackenfield factory 1968; bought Ostwick Chemicals 1979; floated in 1996; a pastille recall in 2003; Pollenex launched 2011.",
      [["1952"], ["1996"]],
      [x(EN, EN_FOUNDING), x(EN, EN_BRACKENFIELD), x(EN, EN_FLOAT), x(EN, EN_POLLENEX)], ["potted"]),
    Q("rf-ov-04", "overview", "What topics does the help centre page cover?",
      "Buying our products, using Pollenex, safety and side effects, and the company.",
      [["Buying our products"], ["Using Pollenex"]],
      [x(FAQ, "## Buying our products"), x(FAQ, "## Using Pollenex"),
       x(FAQ, "## Safety and side effects"), x(FAQ, "## Our company")]),
    Q("rf-ov-05", "overview", "In a nutshell, what are the main don'ts for Pollenex?",
      "No more than one tablet in 24 hours; not for children under 12; no alcohol or grapefruit juice; do not drive if it makes you drowsy; not with severe kidney disease or with ketoconazole or itraconazole.",
      [["alcohol"], ["under 12"]],
      [x(PIL, PIL_DOSE), x(PIL, PIL_CHILDREN), x(PIL, PIL_ALCOHOL), x(PIL, PIL_DRIVING)], ["nutshell"]),
    Q("rf-ov-06", "overview", "What does Vellmoor make?",
      "Over-the-counter medicines (Throat Pastilles, Pollenex, Kestoderm, Lylet), prescription medicines (Cardiwell, Respira-V) and medicines made under contract for other companies.",
      [["Throat Pastilles"], ["prescription medicines"]],
      [x(EN, EN_LEAD), x(EN, EN_RANGE), x(EN, EN_PRESCRIPTION)]),
    # --- comparison -------------------------------------------------------------------------------
    Q("rf-cp-01", "comparison", "Which part of the business grew fastest in 2025?",
      "Contract Manufacturing, up 22.4% (Consumer Health +10.9%, Prescription Medicines -2.3%).",
      [["Contract Manufacturing"], ["22.4%"]],
      [x(AR, AR_ROW_CM), x(AR, AR_ROW_CH), x(AR, AR_ROW_PM)], ["fastest"]),
    Q("rf-cp-02", "comparison", "How did the operating margin in 2025 compare with 2024?",
      "14.8% against 14.0%, up 0.8 points.",
      [["14.8%"], ["14.0%"]],
      [x(AR, AR_ROW_OM)]),
    Q("rf-cp-03", "comparison", "How long does a large-print leaflet take compared with a Braille one?",
      "Large print within 5 working days; Braille up to 15 working days.",
      [["5 working days"], ["15 working days"]],
      [x(FAQ, FAQ_LARGE_PRINT)]),
    Q("rf-cp-04", "comparison", "Which sold more in 2025, Respira-V or Cardiwell?",
      "Respira-V: £57.3 million against Cardiwell's £41.0 million.",
      [["£57.3 million"], ["£41.0 million"]],
      [x(AR, AR_RESPIRA), x(AR, AR_CARDIWELL)]),
    Q("rf-cp-05", "comparison", "How has the number of employees changed between 2023 and 2025?",
      "From about 1,900 in 2023 (encyclopedia) to 2,140 at the end of 2025 (2,030 at the end of 2024).",
      [["1,900"], ["2,140"]],
      [x(EN, EN_2023), x(AR, AR_STAFF)]),
    Q("rf-cp-06", "comparison", "How does the dose for moderate kidney problems differ from the usual adult dose?",
      "One tablet every other day instead of one tablet once a day.",
      [["every other day"]],
      [x(PIL, PIL_KIDNEY_DOSE), x(PIL, PIL_DOSE)]),
    Q("rf-cp-07", "comparison", "Which is a more frequent side effect of Pollenex, headache or dizziness?",
      "Headache: it is common (up to 1 in 10 people); dizziness is uncommon (up to 1 in 100).",
      [["1 in 10"], ["1 in 100"]],
      [x(PIL, PIL_COMMON), x(PIL, PIL_UNCOMMON)]),
    Q("rf-cp-08", "comparison", "Did profit before tax grow faster than revenue in 2025?",
      "Yes: profit before tax rose 12.5%, revenue 7.6%.",
      [["12.5%"], ["7.6%"]],
      [x(AR, AR_PBT), x(AR, AR_OPENING)]),
    # --- yes/no -----------------------------------------------------------------------------------
    Q("rf-yn-01", "yes_no", "Is it safe to get behind the wheel after taking Pollenex?",
      "Only if it does not make you drowsy or dizzy; if it does, do not drive.",
      [["do not drive"]],
      [x(PIL, PIL_DRIVING)], ["behind the wheel"]),
    Q("rf-yn-02", "yes_no", "Is Pollenex suitable for vegans?",
      "No: each tablet contains lactose, from milk, and the coating is not certified vegan.",
      [["lactose"]],
      [x(FAQ, FAQ_VEGAN)]),
    Q("rf-yn-03", "yes_no", "Can I have a glass of wine while I'm on Pollenex?",
      "No: do not drink alcohol while taking Pollenex, as it may increase drowsiness.",
      [["Do not drink alcohol"]],
      [x(PIL, PIL_ALCOHOL)], ["wine"]),
    Q("rf-yn-04", "yes_no", "Can I take Pollenex with grapefruit juice?",
      "No.",
      [["grapefruit juice"]],
      [x(PIL, PIL_GRAPEFRUIT)]),
    Q("rf-yn-05", "yes_no", "Is Vellmoor listed on the stock exchange?",
      "Yes, on the London Stock Exchange since 1996.",
      [["1996"]],
      [x(EN, EN_LISTED)]),
    Q("rf-yn-06", "yes_no", "Does Vellmoor do animal testing on Pollenex?",
      "No: Pollenex has not been tested on animals by Vellmoor since 2013 (it tests only where the law requires it for a new medicine).",
      [["not been tested on animals"]],
      [x(FAQ, FAQ_ANIMALS), x(FAQ, FAQ_ANIMALS_LAW)], ["animal testing"]),
    Q("rf-yn-07", "yes_no", "Should I keep taking Pollenex right up to an allergy skin prick test?",
      "No: stop taking it 3 days before the test, as it may affect the results.",
      [["3 days before"]],
      [x(PIL, PIL_PRICK)]),
    Q("rf-yn-08", "yes_no", "Did Vellmoor's net cash go up in 2025?",
      "Yes: £84.5 million at the end of 2025, against £61.7 million a year earlier.",
      [["£84.5 million"]],
      [x(AR, AR_CASH)]),
    Q("rf-yn-09", "yes_no", "Was the 2025 final dividend approved at the annual general meeting?",
      "Not known: the meeting is on 21 May 2026, after the report (3 March 2026); the documents do not say whether it was approved."),
    # --- headings ---------------------------------------------------------------------------------
    Q("rf-hd-01", "heading", "Which section of the leaflet says how to store Pollenex?",
      "Section 5, \"How to store Pollenex\".",
      [["HOW TO STORE POLLENEX"]],
      [x(PIL, "5. HOW TO STORE POLLENEX")]),
    Q("rf-hd-02", "heading", "Under which heading does the encyclopedia article describe the 2003 recall in detail?",
      "Controversies.",
      [["Controversies"]],
      [x(EN, "## Controversies"), x(EN, EN_2003)]),
    Q("rf-hd-03", "heading", "What is the help centre's section on side effects called?",
      "Safety and side effects.",
      [["Safety and side effects"]],
      [x(FAQ, "## Safety and side effects")]),
    Q("rf-hd-04", "heading", "Under which heading does the annual report discuss staff turnover?",
      "People.",
      [["People"]],
      [x(AR, "### People"), x(AR, AR_TURNOVER)]),
    Q("rf-hd-05", "heading", "What is Table 1 of the annual report called?",
      "Group results for the year ended 31 December 2025.",
      [["Group results"]],
      [x(AR, AR_TABLE_TITLE)]),
    Q("rf-hd-06", "heading", "Which section of the encyclopedia article covers 1968 to 1995?",
      "Expansion (1968-1995), under History.",
      [["Expansion"]],
      [x(EN, "### Expansion (1968-1995)")]),
    # --- unanswerable -----------------------------------------------------------------------------
    Q("rf-un-01", "unanswerable", "How much will a 30-tablet pack of Pollenex set me back?",
      "Not given: the pack sizes and where they are sold are stated, not prices.", terms=["set me back"]),
    Q("rf-un-02", "unanswerable", "How much were Vellmoor's directors paid in 2025?",
      "Not given: the extract does not include directors' pay."),
    Q("rf-un-03", "unanswerable", "What was Vellmoor's revenue in 2022?",
      "Not given: revenue is stated for 2023, 2024 and 2025 only."),
    Q("rf-un-04", "unanswerable", "How many packs of Pollenex were sold in 2025?",
      "Not given: only the sales value (£48.2 million) is stated."),
    Q("rf-un-05", "unanswerable", "By how much was the 2015 Cardiwell price increase cut back in 2016?",
      "Not given: the increase was \"partly reversed\" in 2016, with no figure."),
    Q("rf-un-06", "unanswerable", "Which companies signed the new contract manufacturing deals at Ostwick?",
      "Not given: the two new long-term supply contracts are mentioned without the customers' names."),
    Q("rf-un-07", "unanswerable", "How did Vellmoor's share price move in 2025?",
      "Not given: the share price is not stated."),
    Q("rf-un-08", "unanswerable", "Which cleaning agent contaminated the throat pastilles in 2003?",
      "Not given: it is described only as a cleaning agent used on the production line."),
    Q("rf-un-09", "unanswerable", "Can Pollenex be taken with the contraceptive pill?",
      "Not stated: the leaflet names sleeping tablets, medicines for anxiety or depression, other antihistamines, ketoconazole and itraconazole, not contraceptives."),
    Q("rf-un-10", "unanswerable", "What liquid hay fever medicine does Vellmoor make for young children?",
      "Not given: the help centre only says to ask a pharmacist about a liquid hay fever medicine; no Vellmoor product is named."),
    Q("rf-un-11", "unanswerable", "When did Lylet cough syrup come back into stock?",
      "Not known: the help centre (February 2025) only expected stock to be back to normal by the end of March 2025."),
    Q("rf-un-12", "unanswerable", "How many workers are based at Ostwick?",
      "Not given: only that most of the 2025 increase in staff was at Ostwick.", terms=["workers"]),
    Q("rf-un-13", "unanswerable", "What was the share price at the 1996 flotation?",
      "Not given: only the valuation (about £180 million) is stated."),
    Q("rf-un-14", "unanswerable", "How long does merolastine stay in your body?",
      "Not given: the leaflet does not state how long the medicine lasts in the body.", terms=["stay in"]),
    Q("rf-un-15", "unanswerable", "How much did the new blister-packing line at Brackenfield cost?",
      "Not given: most of the £24.3 million capital expenditure went on it, but its own cost is not stated."),
    Q("rf-un-16", "unanswerable", "Who was chief executive before Graham Pell?",
      "Not given: Graham Pell held the post from 2009; his predecessor is not named."),
    Q("rf-un-17", "unanswerable", "What tastes do Vellmoor's throat pastilles come in?",
      "Not given: \"all flavours\" are mentioned but not listed.", terms=["tastes"]),
    Q("rf-un-18", "unanswerable", "What share of Vellmoor's revenue comes from outside the UK?",
      "Not given: revenue is broken down by segment, not by country."),
    Q("rf-un-19", "unanswerable", "How much did the 2003 pastille recall cost Vellmoor?",
      "Not given: only the £250,000 fine (2004) is stated, not the cost of the recall."),
    Q("rf-un-20", "unanswerable", "When does the hay fever season kick off?",
      "Not given: the report mentions an early and long grass pollen season in 2025, without dates.", terms=["kick off"]),
    Q("rf-un-21", "unanswerable", "How many Pollenex packs did pharmacies send back after the relabelling?",
      "Not given: only the £1.1 million cost of relabelling and returned stock is stated."),
    Q("rf-un-22", "unanswerable", "How much did Vellmoor spend on advertising in 2025?",
      "Not given: marketing spending is not stated.", terms=["advertising"]),
    Q("rf-un-23", "unanswerable", "How old do you have to be to buy the 30-tablet pack?",
      "Not given: the pharmacist may ask a few questions before selling it; no age limit for buying is stated."),
]
# fmt: on

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def build(write: bool = True) -> list[dict]:
    docs = read_documents(DATA / "reference" / "docs")
    return finish("reference", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
