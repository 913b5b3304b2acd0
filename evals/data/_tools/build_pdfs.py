"""Build evals/data/pdfs: three PDF documents about one fictional regional water company in a
drought (written for this eval, CC0-1.0), and the questions over them.

The documents, written here with reportlab (deterministic: rl_config.invariant):
- drought-plan-2026.pdf: Harrowdale Water's statutory-style Drought Plan 2026, version 3.0,
  A4 portrait as exported from a word processor: a title block on page 1, numbered sections
  and sub-sections, justified paragraphs (several run over a page break), five tables, bulleted
  and numbered lists, two footnotes at the foot of the page where they are called, a running
  header (short title, version and month) and a "Page N of M" footer on every page (a
  two-pass build: the first pass counts the pages and finds the footnotes' pages).
- drought-update-customer-forum-2026-06-16.pdf: a 14-slide deck exported to PDF (16:9
  landscape, 960 x 540 pt, as PowerPoint exports it): a title per slide, short bullet
  fragments, small tables and big numbers, a footer with the company's name and slide number.
- waterlines-summer-2026.pdf: issue 41 of the customer newsletter, two columns per A4 page
  (BaseDocTemplate, two Frames), a masthead, boxed items, a running header and footer.

They agree on purpose, except two facts: the deck (16 June 2026) gives 1 July as the start of
the hosepipe ban, which the newsletter (26 June) corrects to 6 July; and the plan (March 2026)
gives the Pellham interconnector's capacity as 15 Ml/d, which the deck and the newsletter give
as 20 Ml/d after an upgrade in April 2026.

Run: python evals/data/_tools/build_pdfs.py   (then: python -m evals.dataset --check pdfs)
It writes the PDFs under evals/data/pdfs/docs/, then questions.jsonl and everyday_words.json.
Evidence offsets are never typed: each quote is written as the sentence reads in the source
text (single spaces) and located with common.located (a space matches any run of whitespace)
in the text as ingest reads the PDF (evals.dataset.read_documents); a table row or cell that
the reader writes as a pipe row ("| June | 80% | 65% | 44% |") is located with a space also
matching the "|" between cells. A quote that cannot be located (a sentence over a page break,
with a reader that keeps the page furniture between the halves) is not fatal: its question is
left out of this build, and the script prints the question ids and quotes at the end, so that
it can simply be re-run once the reader joins them. It also lists the questions whose evidence
it did locate over a page break. `--docs` writes the PDFs and prints their text as read.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import replace

from common import DATA, Q, finish, hist, located

sys.path.insert(0, str(DATA.parent.parent))  # the checkout, for evals.dataset and ingest
from reportlab import rl_config

from evals.dataset import read_documents

rl_config.invariant = 1  # no creation date or random document id: identical bytes every run

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

CORPUS = "pdfs"
DOCS_DIR = DATA / CORPUS / "docs"
PLAN = "drought-plan-2026.pdf"
DECK = "drought-update-customer-forum-2026-06-16.pdf"
NEWS = "waterlines-summer-2026.pdf"

BLUE = colors.HexColor("#1F4E79")
TEAL = colors.HexColor("#2E8B8B")
PALE = colors.HexColor("#E8F1F8")
GREY = colors.HexColor("#595959")
RULE = colors.HexColor("#A6A6A6")

# ================================================================================================
# 1. The drought plan (A4 portrait, a word processor's export)
# ================================================================================================
PLAN_HEADER_LEFT = "Harrowdale Water · Drought Plan 2026"
PLAN_HEADER_RIGHT = "Version 3.0 · March 2026"

P_BODY = ParagraphStyle(
    "body", fontName="Times-Roman", fontSize=11, leading=14.2, alignment=TA_JUSTIFY,
    spaceAfter=6,
)  # fmt: skip
P_H1 = ParagraphStyle(
    "h1", fontName="Helvetica-Bold", fontSize=13, leading=16, textColor=BLUE, spaceBefore=12,
    spaceAfter=5,
)  # fmt: skip
P_H2 = ParagraphStyle(
    "h2", fontName="Helvetica-Bold", fontSize=11, leading=14, textColor=BLUE, spaceBefore=8,
    spaceAfter=3,
)  # fmt: skip
P_CAPTION = ParagraphStyle(
    "caption", fontName="Helvetica-Bold", fontSize=9, leading=11, spaceBefore=4, spaceAfter=4,
    keepWithNext=1,
)  # fmt: skip
P_CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.8, leading=10.6)
P_CELL_HEAD = ParagraphStyle("cellhead", parent=P_CELL, fontName="Helvetica-Bold")
P_LIST = ParagraphStyle("list", parent=P_BODY, alignment=TA_LEFT, spaceAfter=2)
P_NOTE = ParagraphStyle("note", fontName="Times-Roman", fontSize=8.5, leading=10)
P_TITLE_ORG = ParagraphStyle(
    "org", fontName="Helvetica-Bold", fontSize=12, leading=15, textColor=TEAL, spaceAfter=10
)
P_TITLE = ParagraphStyle(
    "title", fontName="Helvetica-Bold", fontSize=26, leading=31, textColor=BLUE, spaceAfter=8
)
P_SUBTITLE = ParagraphStyle(
    "subtitle", fontName="Helvetica", fontSize=13, leading=17, textColor=GREY, spaceAfter=14
)
P_META = ParagraphStyle("meta", fontName="Helvetica", fontSize=9.5, leading=12)
P_META_KEY = ParagraphStyle("metakey", parent=P_META, fontName="Helvetica-Bold")

# Footnotes: the number is called with <super>n</super> and an <onDraw> that records the page.
FOOTNOTES = {
    "1": "Usable storage is the water that can be drawn from a reservoir above its lowest outlet. "
    "Combined storage, used throughout this plan, is the water held in all 11 reservoirs as a "
    "percentage of their total usable storage.",
    "2": "Ml/d: megalitres per day. One megalitre (Ml) is one million litres, roughly the water "
    "in 12,500 full baths.",
}


def fn(n: str) -> str:
    return f'<super>{n}</super><onDraw name="footnote" label="{n}"/>'


# Blocks: ("h1", text), ("h2", text), ("p", text), ("ul", [items]), ("ol", [items]),
# ("table", caption, rows, col_widths), ("keep", [blocks]).
PLAN_BLOCKS = [
    ("h1", "Summary"),
    ("p", "A drought is a long period of low rainfall that leaves our rivers, reservoirs and "
          "aquifers lower than usual. Droughts develop slowly, and we can usually see one "
          "coming months ahead. This plan sets out how we watch for drought, the five drought "
          "levels we use, the actions we take at each level, and how we protect the environment "
          "and our customers while we take them. It follows the drought planning guidance "
          "published by the Water Standards Commission in 2024, and it has been shaped by a "
          "public consultation that ran from 6 October to 1 December 2025 and drew 412 "
          "responses."),
    ("h1", "1. Introduction"),
    ("h2", "1.1 Purpose of this plan"),
    ("p", "This plan explains what Harrowdale Water will do before, during and after a drought "
          "to keep water flowing to homes and businesses in our supply area, while harming the "
          "environment as little as possible. It is a working document: the Drought Management "
          "Group uses it to decide when to act, and our staff use it to know what to do. We "
          "review it every year and rewrite it at least every five years, or sooner after a "
          "drought."),
    ("h2", "1.2 Our supply area"),
    ("p", "We supply drinking water to about 1.38 million people in 594,000 homes and to 41,000 "
          "business premises across the Harrowdale region, from the city of Calderwick in the "
          "north to the coastal towns around Kessing Bay. Our area is divided into three water "
          "resource zones, each of which can be supplied largely on its own (Table 1)."),
    ("table", "Table 1. Our water resource zones",
     [["Zone", "People supplied", "Main sources", "Share of our water"],
      ["North Calder", "612,000", "Stanmoor and Greyholm reservoirs", "41%"],
      ["Seln Valley", "498,000", "The six Brayshaw reservoirs; River Seln intake at Orrin Weir",
       "35%"],
      ["Kessing Coast", "270,000", "Boreholes in the Bracken Edge chalk", "24%"]],
     [3.2 * cm, 3.0 * cm, 7.2 * cm, 2.9 * cm]),
    ("p", "In an average year about 64% of our water comes from our 11 reservoirs, 24% from "
          "groundwater and 12% from the River Seln. The reservoirs have a combined usable "
          "storage of 96,400 megalitres (Ml), of which Stanmoor Reservoir, the largest, holds "
          "38,200 Ml." + fn("1") + " Because most of our water is stored in reservoirs that "
          "fill in winter, a dry winter followed by a dry spring is the pattern that worries us "
          "most."),
    ("p", "In 2025 our customers used an average of 392 megalitres a day (Ml/d)." + fn("2") +
          " Demand reached its highest level of the year, 468 Ml/d, on 18 July 2025, during a "
          "week of hot weather. Household use averaged 139 litres per person per day in "
          "2024-25. Leakage from our mains and from customers' supply pipes was 84 Ml/d, or 21% "
          "of the water we put into supply."),
    ("h2", "1.3 What has changed since the 2022 plan"),
    ("ol", ["We have moved from four drought levels to five, adding Level 1 (developing drought) "
            "so that appeals for restraint start earlier.",
            "A temporary use ban now applies to all three zones at once, because customers told "
            "us that bans in a single zone were confusing.",
            "The Pellham interconnector with Eastmarch Water, completed in 2024, gives us a new "
            "source of water in a drought.",
            "We have added two reserve boreholes, Kessing 4 and Kessing 5, as a drought source.",
            "Our environmental monitoring of the River Seln now starts at Level 1 instead of "
            "Level 2."]),
    ("h1", "2. Monitoring drought"),
    ("h2", "2.1 What we watch"),
    ("p", "We track rainfall, reservoir storage, groundwater levels, river flows and demand every "
          "week of the year, and every day from Level 2. Rainfall is measured at 23 gauges, the "
          "longest-running of which, at Stanmoor, has records going back to 1911. Groundwater "
          "levels are read at 17 observation boreholes in the Bracken Edge chalk, and river "
          "flows at four gauging stations on the River Seln."),
    ("p", "Reservoir storage is our main trigger, because it is what runs out first in the North "
          "Calder and Seln Valley zones. For each month from April to October we have drawn "
          "three trigger lines for combined storage: the Drought Alert line, the Drought Control "
          "line and the Severe Drought line (Table 2). The lines are higher in spring than in "
          "late summer, because a reservoir that is only moderately full in April has the whole "
          "summer still ahead of it. The lines were set by modelling how our system would have "
          "coped with every drought since 1911 and with 200 years of synthetic weather, and they "
          "were checked by independent consultants, Fernhill Hydrology, in 2025."),
    ("table", "Table 2. Trigger lines for combined reservoir storage (% of usable storage)",
     [["Month", "Drought Alert line", "Drought Control line", "Severe Drought line"],
      ["April", "88%", "74%", "52%"],
      ["May", "85%", "70%", "48%"],
      ["June", "80%", "65%", "44%"],
      ["July", "74%", "58%", "39%"],
      ["August", "68%", "52%", "34%"],
      ["September", "63%", "47%", "30%"],
      ["October", "60%", "44%", "28%"]],
     [3.4 * cm, 4.2 * cm, 4.2 * cm, 4.2 * cm]),
    ("p", "From November to March storage normally rises, and we keep using the October lines "
          "until the reservoirs begin to refill. The Kessing Coast zone depends on groundwater, "
          "which responds to drought more slowly. There we use the level at the Hollins Farm "
          "observation borehole: a level below 31.5 metres above sea level in any month from "
          "May to October triggers Drought Alert for that zone, and a level below 29.0 metres "
          "triggers Drought Control."),
    ("h2", "2.2 Drought levels"),
    ("p", "We use five drought levels (Table 3). A level is declared by the Drought Management "
          "Group (section 8.1) when a trigger has been crossed, and it applies to our whole "
          "supply area, although the actions we take may differ between zones. We move down a "
          "level only when storage has been back above the line for that level for four weeks "
          "in a row. Each declaration is published on our website within a day, with the "
          "figures that led to it, and customers who have signed up for text alerts hear of it "
          "on the same day."),
    ("table", "Table 3. Drought levels, triggers and main actions",
     [["Level", "Name", "Trigger", "Main actions"],
      ["0", "Normal", "Storage above the Drought Alert line",
       "Routine monitoring; year-round water efficiency work"],
      ["1", "Developing drought", "Storage below the Drought Alert line",
       "Appeals for restraint; Drought Management Group meets weekly; extra leak repair crews; "
       "environmental monitoring starts"],
      ["2", "Drought", "Storage below the Drought Control line",
       "Temporary use ban; drought permit applications; imports through the Pellham "
       "interconnector; reserve boreholes"],
      ["3", "Severe drought", "Storage below the Severe Drought line",
       "Non-essential use ban (needs a drought order); preparations for Level 4"],
      ["4", "Emergency", "Storage forecast to fall below 20% within 8 weeks",
       "Emergency drought order: rota cuts or standpipes (not expected to be needed)"]],
     [1.4 * cm, 2.9 * cm, 4.6 * cm, 7.4 * cm]),
    ("h2", "2.3 How often we expect restrictions"),
    ("p", "Our levels of service say how often, on average, customers should expect "
          "restrictions on their use of water (Table 4). They are a promise about frequency, "
          "not a guarantee that restrictions will never come sooner: two dry years in a row can "
          "bring a ban even if the last one was recent. We last agreed these levels of service "
          "with our customers in the 2025 consultation, in which 71% of the responses supported "
          "them."),
    ("table", "Table 4. Our levels of service",
     [["Restriction", "No more often than, on average"],
      ["Appeals for restraint", "1 year in 5"],
      ["Temporary use ban", "1 year in 10"],
      ["Non-essential use ban", "1 year in 40"],
      ["Rota cuts or standpipes",
       "Never planned for: we aim to come through a 1-in-500-year drought without them"]],
     [5.2 * cm, 11.1 * cm]),
    ("p", "Our last temporary use ban, in the summer of 2011, lasted 97 days. We have never "
          "needed a non-essential use ban. The drought of 1976, the most severe in our records, "
          "would today bring both a temporary use ban and a non-essential use ban, but with the "
          "sources we now have it would not need rota cuts or standpipes. We report how we have "
          "performed against these levels of service in our annual report, which we publish "
          "each July, and in the review that we write after every drought."),
    ("h1", "3. Managing demand"),
    ("h2", "3.1 Appeals for restraint"),
    ("p", "At Level 1 we ask customers to use water wisely. We use radio, social media, our "
          "website, emails and text messages, and posters in shops and libraries, and we print "
          "a drought message on every letter we send. In past droughts, appeals have reduced "
          "demand by about 2%, some 8 Ml/d. We also offer every household a free water-saving "
          "pack, with a four-minute shower timer, tap inserts and a cistern bag, and free Home "
          "Water Check visits, in which one of our advisers fits water-saving devices and "
          "checks for leaks. We carry out about 3,000 Home Water Checks in a normal year and aim "
          "for 1,000 a month at Levels 1 and 2."),
    ("h2", "3.2 Temporary use bans"),
    ("p", "A temporary use ban, often called a hosepipe ban, stops household customers from "
          "using a hosepipe for certain purposes. It is the most effective step we can take to "
          "reduce demand in summer, and we expect it to save about 5% of demand, or about 20 "
          "Ml/d. We consider a ban when storage falls below the Drought Control line (Level 2)."),
    ("p", "Before a ban starts we must publish a notice on our website and in two local "
          "newspapers, the Calderwick Courier and the Seln Valley Gazette, saying what will be "
          "banned, from when and where. The notice must be published at least 14 days before the "
          "ban starts. Customers and organisations can send us representations about the ban, "
          "and we consider every one before the ban begins; if the representations raise an "
          "issue we had not foreseen, we may change the ban or delay its start. The decision to "
          "impose a ban is taken by the Chief Executive on the advice of the Drought Management "
          "Group."),
    ("p", "While a ban is in force, household customers must not use a hosepipe for any of the "
          "following:"),
    ("ul", ["watering a garden, including an allotment;",
            "cleaning a private car, van, motorcycle or boat;",
            "filling or maintaining a domestic swimming pool or paddling pool;",
            "filling or maintaining a domestic pond, other than a pond with fish in it;",
            "filling or maintaining an ornamental fountain;",
            "cleaning the walls or windows of a home;",
            "cleaning paths, patios, decking or other outdoor hard surfaces."]),
    ("p", "In a ban, a hosepipe means any pipe or hose that carries mains water, whatever is "
          "fitted to its end. Watering cans and buckets filled from the tap can be used at any "
          "time. The following are exempt from a temporary use ban:"),
    ("ol", ["customers who hold a Blue Badge, who may water their garden with a hosepipe;",
            "customers on our Priority Services Register who need water for medical reasons;",
            "watering newly laid turf during the first 28 days after it is laid;",
            "using water from a water butt, a private borehole or a grey water system, even "
            "through a hosepipe;",
            "businesses, for which the use of water is part of their trade, such as car "
            "valeting or garden centres."]),
    ("p", "Breaking a temporary use ban is a criminal offence, and on conviction a court can "
          "fine a person up to £1,000. In practice we talk to customers first: during the 2011 "
          "ban we wrote to 214 customers who were reported to us, and we took nobody to court. "
          "We lift a ban when combined storage has stayed above the Drought Control line for "
          "four weeks in a row and the forecasts for the next eight weeks do not show it falling "
          "below the line again. We announce the end of a ban in the same way as its start."),
    ("h2", "3.3 Non-essential use bans"),
    ("p", "If a drought deepens to Level 3, we may apply for a drought order allowing us to ban "
          "non-essential uses of water by businesses and other organisations. Only the "
          "government can grant a drought order, and the process, which includes a public "
          "hearing if there are objections, usually takes about six weeks. We therefore start "
          "to prepare an application as soon as storage is forecast to reach the Severe Drought "
          "line within two months, and we explain the proposed ban to business retailers and to "
          "the Customer Forum before we apply. A non-essential use ban would save a further 3% "
          "of demand, about 12 Ml/d. It could stop, for example:"),
    ("ul", ["watering golf courses, sports grounds and parks, except greens and pitches in use "
            "for competitions;",
            "filling or maintaining swimming pools that are not open to the public;",
            "operating car washes that do not recycle their water;",
            "cleaning the outside of business premises, except where safety requires it."]),
    ("h2", "3.4 Leakage and our own use of water"),
    ("p", "We cannot ask customers to save water without cutting our own losses. Our normal leak "
          "repair workforce is 48 crews. At Level 1 we add 10 crews from our framework "
          "contractors, and at Level 2 a further 12, bringing the total to 70. From Level 1 we "
          "aim to repair every reported visible leak within 3 days, and leaks on large mains "
          "within 24 hours. We also stop flushing mains except where water quality requires it, "
          "and we stop cleaning our own vehicles and sites with mains water. Leakage was 84 Ml/d "
          "in 2024-25; our target is 71 Ml/d by 2029-30. From Level 1 we publish a leakage "
          "figure on our website every week. Customers can report a leak 24 hours a day, online "
          "or by telephone, and we aim to inspect every reported leak within 24 hours to decide "
          "how urgently it must be repaired."),
    ("h1", "4. Increasing supply"),
    ("h2", "4.1 Drought permits"),
    ("p", "A drought permit allows us, for a limited time, to take more water from a source than "
          "our licence normally allows, or to release less water from a reservoir into a river. "
          "Drought permits are granted by the Water Standards Commission, which aims to decide "
          "within 28 days of an application. A permit normally lasts up to six months and can be "
          "renewed once. We publish every application on our website on the day we submit it, "
          "and anyone may send comments on it to the Commission, which can attach conditions to "
          "a permit, such as extra monitoring of the river or a shorter term during the trout "
          "spawning season. We have two drought permits "
          "ready to apply for, and two other sources we can bring in quickly (Table 5)."),
    ("table", "Table 5. Extra water available in a drought",
     [["Option", "Zone", "Extra water", "Ready within"],
      ["Stanmoor compensation release cut from 18 Ml/d to 11 Ml/d (drought permit)",
       "North Calder", "7 Ml/d", "28 days"],
      ["Orrin Weir abstraction raised from 40 Ml/d to 52 Ml/d (drought permit)",
       "Seln Valley", "12 Ml/d", "28 days"],
      ["Pellham interconnector (import from Eastmarch Water)", "North Calder",
       "up to 15 Ml/d", "14 days"],
      ["Reserve boreholes Kessing 4 and Kessing 5", "Kessing Coast", "6 Ml/d", "10 days"]],
     [7.4 * cm, 3.0 * cm, 3.0 * cm, 2.9 * cm]),
    ("p", "The compensation release is the water that Stanmoor Reservoir must let into the River "
          "Seln to keep the river flowing downstream. Cutting it keeps more water in the "
          "reservoir but leaves less in the river, which is why we apply for this permit only "
          "at Level 2, and only with the environmental monitoring described in section 5."),
    ("h2", "4.2 Bulk transfers"),
    ("p", "The Pellham interconnector, a 14 km main between Eastmarch Water's Deeping Moor "
          "treatment works and our service reservoir at Pellham, was completed in 2024. Under "
          "our agreement with Eastmarch Water, which supplies the area to the east of ours, it "
          "can bring up to 15 Ml/d into the North Calder zone, as long as Eastmarch Water is not "
          "itself in drought. We pay for the water we import at a rate agreed each year; in 2026 "
          "the rate is £410 per megalitre."),
    ("h2", "4.3 Reserve boreholes"),
    ("p", "Kessing 4 and Kessing 5 are boreholes in the Bracken Edge chalk that we keep in "
          "reserve for droughts. They take about 10 days to bring into service, because the "
          "water must be tested before it goes into supply, and together they can supply 6 Ml/d "
          "for up to six months."),
    ("h2", "4.4 Emergency measures"),
    ("p", "If a drought were so severe that storage was forecast to fall below 20% within eight "
          "weeks (Level 4), we would apply for an emergency drought order. This would let us "
          "limit supplies by rota cuts, turning supplies off to one area after another, or by "
          "shutting off supplies to homes and setting up standpipes and bottled water stations "
          "in the street. These measures would cause great hardship, and we have planned our "
          "system so that we should never need them, even in a drought as severe as the worst we "
          "would expect once in 500 years. We keep plans for them only because a drought worse "
          "than any on record cannot be ruled out."),
    ("h1", "5. Protecting the environment"),
    ("h2", "5.1 Where drought actions could cause harm"),
    ("p", "Most of our drought actions affect the environment only by leaving more water in it, "
          "since every litre that customers save is a litre we do not take from a river, a "
          "reservoir or the chalk. "
          "The exceptions are the two drought permits, which leave less water in the River "
          "Seln. The 19 km of the Seln between Stanmoor Reservoir and Calderwick is home to "
          "white-clawed crayfish, a protected species, and is an important spawning river for "
          "brown trout. Downstream of Orrin Weir the river feeds Lowick Marshes, a nature "
          "reserve known for its wading birds, which depends on the river for most of its water "
          "in summer."),
    ("h2", "5.2 Monitoring and mitigation"),
    ("p", "Our environment team, led by our Environment Manager, Bethan Okonjo, samples 14 sites "
          "on the River Seln and its tributaries. Sampling starts at Level 1 and takes place "
          "every two weeks, and every week while a drought permit is in force. At each site we "
          "record flow, water temperature, dissolved oxygen and, in summer, the state of the "
          "crayfish and fish populations. If dissolved oxygen at any site falls below 5 "
          "milligrams per litre for three days in a row, we restore the full compensation "
          "release at once, whatever the permit allows, and we tell the Water Standards "
          "Commission within 24 hours. We have agreed a fish rescue plan with the Seln Rivers "
          "Trust, which can move fish from pools that are drying out within 48 hours of a call."),
    ("p", "We have collected baseline data at all 14 sites since 2019, so that we can tell the "
          "effects of a drought permit apart from the effects of the drought itself."),
    ("h1", "6. Customers and communications"),
    ("h2", "6.1 Keeping customers informed"),
    ("p", "We publish a drought update on our website every week from Level 1, and every day "
          "from Level 2, giving combined storage, demand and the current drought level. "
          "Customers can sign up to receive text alerts whenever the drought level changes. Our "
          "Customer Forum, an independent group of customers and community representatives "
          "chaired by Ambrose Keel, is briefed at every change of level and reviews our "
          "messages to customers before we publish them."),
    ("h2", "6.2 Customers who need extra help"),
    ("p", "Our Priority Services Register lists customers who need extra help, for example "
          "because they rely on water for a medical treatment such as home dialysis, have "
          "limited mobility, or are caring for a young baby. There were 48,200 households on "
          "the register in December 2025. During a drought we contact every household on the "
          "register at each change of level, in the way they have chosen. If the supply to a "
          "customer who relies on water for medical reasons is interrupted, we deliver bottled "
          "water to them within 12 hours."),
    ("h2", "6.3 Business customers"),
    ("p", "Our 41,000 business customers buy their water services from licensed retailers, not "
          "from us. We give retailers at least 48 hours' notice of any public drought "
          "announcement, so that they can prepare their customers."),
    ("h1", "7. Testing the plan"),
    ("p", "We tested this plan in a one-day exercise, Exercise Dry Ridge, on 9 October 2025. "
          "Sixty-two of our staff took part, with observers from Eastmarch Water, Calderwick "
          "City Council and the Water Standards Commission. The exercise took the company from "
          "Level 1 to Level 3 over a simulated summer, and it found three things to improve:"),
    ("ol", ["About 11% of the contact details on the Priority Services Register were out of "
            "date. We have since written to every household on the register to check them.",
            "Drafting the notice of a temporary use ban took four days instead of one. We now "
            "keep a ready-made notice for each zone.",
            "It was not clear who could approve weekend working for leak repair crews. The Head "
            "of Network Operations now holds that authority from Level 1."]),
    ("p", "We will hold the next exercise in the autumn of 2027."),
    ("h1", "8. Governance, review and costs"),
    ("h2", "8.1 The Drought Management Group"),
    ("p", "The Drought Management Group runs our response to a drought. It is chaired by the "
          "Director of Water Resources, Dr Ilse Haverkamp, and its members are the heads of "
          "Water Production, Network Operations, Customer Services, Communications and "
          "Environment. It meets monthly from March to October at Level 0, weekly from Level 1 "
          "and twice a week from Level 3. The group declares each change of level, and it "
          "advises the Chief Executive, Callum Prideaux, on temporary use bans and on "
          "applications for drought orders. The Board is told of every change of level within "
          "24 hours."),
    ("h2", "8.2 Review of this plan"),
    ("p", "We review the plan every year in the autumn and publish a short statement of any "
          "changes. We will rewrite it in full by March 2031, or within a year of the end of any "
          "drought in which we impose a temporary use ban. Questions about this plan can be "
          "sent to droughtplan@harrowdalewater.example or to Water Resources, Harrowdale Water, "
          "Riverside House, Calderwick."),
    ("h2", "8.3 The cost of a drought"),
    ("p", "We estimate that a summer at Level 2 costs us about £4.8 million more than a normal "
          "summer: £2.1 million for extra leak repair crews, £1.3 million for imported water "
          "and extra pumping, £0.6 million for communications, and the rest for monitoring and "
          "administration. We do not raise customers' charges during a drought to pay for these "
          "costs, which are met from our drought reserve of £6 million."),
]  # fmt: skip

PLAN_TITLE_BLOCK = [
    ("Status", "Final plan, version 3.0"),
    ("Published", "16 March 2026"),
    ("Approved", "By the Board of Harrowdale Water Ltd on 24 February 2026"),
    ("Replaces", "Drought Plan 2022 (version 2.2)"),
    ("Plan owner", "Dr Ilse Haverkamp, Director of Water Resources"),
]


def _grid_table(rows: list[list[str]], widths: list[float]) -> Table:
    cells = [
        [Paragraph(c, P_CELL_HEAD if r == 0 else P_CELL) for c in row] for r, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), PALE),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))  # fmt: skip
    return table


def _list(items: list[str], numbered: bool, style: ParagraphStyle) -> ListFlowable:
    kw = {"bulletType": "1", "bulletFormat": "%s."} if numbered else {"bulletType": "bullet"}
    if not numbered:
        kw["start"] = "•"
    return ListFlowable(
        [ListItem(Paragraph(t, style), leftIndent=18) for t in items],
        leftIndent=18, bulletFontName=style.fontName, bulletFontSize=style.fontSize,
        spaceAfter=6, **kw,
    )  # fmt: skip


def plan_story() -> list:
    meta = Table(
        [[Paragraph(k, P_META_KEY), Paragraph(v, P_META)] for k, v in PLAN_TITLE_BLOCK],
        colWidths=[3.0 * cm, 13.3 * cm], hAlign="LEFT",
    )  # fmt: skip
    meta.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), PALE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, BLUE),
        ("LINEBELOW", (0, -1), (-1, -1), 1.5, BLUE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))  # fmt: skip
    story: list = [
        Paragraph("HARROWDALE WATER", P_TITLE_ORG),
        Paragraph("Drought Plan 2026", P_TITLE),
        Paragraph(
            "How we will keep supplies going through a drought, and what we will ask of our "
            "customers",
            P_SUBTITLE,
        ),
        meta,
        Spacer(1, 10),
    ]
    for block in PLAN_BLOCKS:
        kind = block[0]
        if kind == "h1":
            # As a word processor keeps a heading with the first lines of what follows (not
            # with all of it): a paragraph after a heading may run over the page break.
            story += [CondPageBreak(3.2 * cm), Paragraph(block[1], P_H1)]
        elif kind == "h2":
            story += [CondPageBreak(2.2 * cm), Paragraph(block[1], P_H2)]
        elif kind == "p":
            story.append(Paragraph(block[1], P_BODY))
        elif kind in ("ul", "ol"):
            story.append(_list(block[1], kind == "ol", P_LIST))
        elif kind == "table":
            _, caption, rows, widths = block
            story.append(KeepTogether([Paragraph(caption, P_CAPTION), _grid_table(rows, widths)]))
            story.append(Spacer(1, 6))
        else:
            raise ValueError(kind)
    return story


PLAN_MARGINS = {"leftMargin": 2.5 * cm, "rightMargin": 2.5 * cm}
PLAN_TOP, PLAN_BOTTOM = 2.3 * cm, 3.4 * cm  # the bottom margin holds footnotes and the footer


class PlanDoc(SimpleDocTemplate):
    """The plan's template: footnotes drawn at the foot of the page where they are called
    (known from the first pass), after the page's body text, as a word processor exports them."""

    def __init__(self, target, total: int, note_pages: dict[str, int]):
        super().__init__(
            target, pagesize=A4, topMargin=PLAN_TOP, bottomMargin=PLAN_BOTTOM,
            title="Drought Plan 2026", author="Harrowdale Water Ltd",
            subject="Drought Plan 2026, version 3.0", creator="Harrowdale Water",
            **PLAN_MARGINS,
        )  # fmt: skip
        self.total = total
        self.note_pages = note_pages
        self.called: dict[str, int] = {}

    def _footnote(self, canv, kind, label):
        self.called.setdefault(label, canv.getPageNumber())

    def page(self, canv, doc):
        if not self.called and doc.page == 1:
            canv.setNamedCB("footnote", self._footnote)
        width, height = A4
        left, right = PLAN_MARGINS["leftMargin"], width - PLAN_MARGINS["rightMargin"]
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(GREY)
        canv.drawString(left, height - 1.3 * cm, PLAN_HEADER_LEFT)
        canv.drawRightString(right, height - 1.3 * cm, PLAN_HEADER_RIGHT)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, height - 1.45 * cm, right, height - 1.45 * cm)
        canv.drawRightString(right, 1.2 * cm, f"Page {doc.page} of {self.total}")
        canv.restoreState()

    def afterPage(self):
        notes = [n for n, p in sorted(self.note_pages.items()) if p == self.page]
        if not notes:
            return
        canv = self.canv
        left = PLAN_MARGINS["leftMargin"]
        width = A4[0] - left - PLAN_MARGINS["rightMargin"]
        y = PLAN_BOTTOM - 0.35 * cm
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, y, left + 5 * cm, y)
        y -= 0.15 * cm
        for n in notes:
            para = Paragraph(f"<super>{n}</super> {FOOTNOTES[n]}", P_NOTE)
            _, h = para.wrap(width, 3 * cm)
            y -= h
            para.drawOn(canv, left, y)
        canv.restoreState()


def plan_pdf() -> bytes:
    first = PlanDoc(io.BytesIO(), total=0, note_pages={})
    first.build(plan_story(), onFirstPage=first.page, onLaterPages=first.page)
    pages = first.page
    out = io.BytesIO()
    second = PlanDoc(out, total=pages, note_pages=dict(first.called))
    second.build(plan_story(), onFirstPage=second.page, onLaterPages=second.page)
    assert second.page == pages and second.called == first.called, "layout changed"
    assert set(first.called) == set(FOOTNOTES), first.called
    return out.getvalue()


# ================================================================================================
# 2. The slide deck (16:9, 960 x 540 pt, as exported from presentation software)
# ================================================================================================
SLIDE = (960, 540)
DECK_FOOTER = "Harrowdale Water | Drought update | Customer Forum, 16 June 2026"

S_BULLET = ParagraphStyle(
    "sbullet", fontName="Helvetica", fontSize=22, leading=29, spaceAfter=9, leftIndent=30,
    bulletIndent=4, bulletFontName="Helvetica", bulletFontSize=22,
)  # fmt: skip
S_SMALL = ParagraphStyle(
    "ssmall", parent=S_BULLET, fontSize=17, leading=22, spaceAfter=6, bulletFontSize=17
)
S_CELL = ParagraphStyle("scell", fontName="Helvetica", fontSize=15, leading=18)
S_CELL_HEAD = ParagraphStyle("scellhead", parent=S_CELL, fontName="Helvetica-Bold")
S_NOTE = ParagraphStyle("snote", fontName="Helvetica-Oblique", fontSize=12, leading=15,
                        textColor=GREY)  # fmt: skip

# Each slide: dict with title, and some of: bullets, big (number, caption), side (bullets
# beside a big number), table (rows, widths), note (a small line at the foot).
SLIDES = [
    {"cover": ("Drought update", "Harrowdale Customer Forum · 16 June 2026",
               "Dr Ilse Haverkamp, Director of Water Resources")},
    {"title": "Where we are",
     "bullets": ["Level 1 (developing drought) since 28 April",
                 "Level 2 (drought) declared 9 June",
                 "March–May rainfall: 46% of long-term average",
                 "Driest spring at Stanmoor gauge since records began (1911)",
                 "Temporary use ban from 1 July"]},
    {"title": "Reservoir storage",
     "big": ("61%", "Combined reservoir storage, 14 June 2026"),
     "side": ["Normal for mid-June: 83%",
              "June Drought Control line: 65%",
              "Falling about 4 points a week"]},
    {"title": "Reservoir by reservoir, 14 June",
     "table": ([["Reservoir", "Usable storage (Ml)", "Full"],
                ["Stanmoor", "38,200", "55%"],
                ["Greyholm", "21,700", "63%"],
                ["Brayshaw group (6)", "19,900", "66%"],
                ["Thornmere", "9,300", "69%"],
                ["Lowick and Fenn", "7,300", "58%"],
                ["All 11 reservoirs", "96,400", "61%"]],
               [300, 230, 120]),
     "note": "Lowick and Fenn are two small reservoirs supplying the North Calder zone."},
    {"title": "Demand is high",
     "bullets": ["Week to 14 June: 446 Ml/d on average",
                 "Normal for June: 401 Ml/d",
                 "Record day: 487 Ml/d, Friday 12 June",
                 "Peaks in the evening, mostly garden watering",
                 "Kessing Coast zone: use up 19% on May"]},
    {"title": "Temporary use ban",
     "bullets": ["Notice published 17 June: website, Calderwick Courier, Seln Valley Gazette",
                 "Representations welcome until 24 June",
                 "Starts Wednesday 1 July 2026",
                 "All homes, all three zones",
                 "Expected saving: about 20 Ml/d",
                 "Fine on conviction: up to £1,000"]},
    {"title": "Who is exempt",
     "bullets": ["Blue Badge holders",
                 "Priority Services Register: medical need",
                 "New turf: first 28 days",
                 "Water butts, grey water, private boreholes",
                 "Businesses: not covered by the ban"]},
    {"title": "Leakage",
     "big": ("79 Ml/d", "Leakage, 12 months to May 2026"),
     "side": ["84 Ml/d in 2024-25",
              "22 extra crews since 9 June: 70 in total",
              "Average repair time: 5.1 days in May, 2.8 days now",
              "Target: 71 Ml/d by 2029-30"]},
    {"title": "Bringing in more water",
     "table": ([["Source", "Extra water", "Status"],
                ["Pellham interconnector", "up to 20 Ml/d", "Importing 14 Ml/d since 10 June"],
                ["Kessing 4 and 5 boreholes", "6 Ml/d", "In service since 12 June"],
                ["Stanmoor drought permit", "7 Ml/d", "Applied 11 June; decision due by 9 July"],
                ["Orrin Weir drought permit", "12 Ml/d", "Held in reserve"]],
               [270, 160, 390]),
     "note": "Interconnector capacity raised from 15 to 20 Ml/d by the Pellham pumping station "
             "upgrade, April 2026."},
    {"title": "Protecting the River Seln",
     "bullets": ["14 sites sampled weekly since 9 June",
                 "Crayfish survey, 4 June: crayfish found at 11 of 14 sites",
                 "Lowest dissolved oxygen: 7.2 mg/l at Ashby Mill",
                 "Fish rescue: Seln Rivers Trust on standby",
                 "Lead: Bethan Okonjo, Environment Manager"]},
    {"title": "Customers who need extra help",
     "bullets": ["Priority Services Register: 51,300 households",
                 "Up 3,100 since December",
                 "All contacted within 48 hours of Level 2",
                 "Bottled water within 12 hours for medical need",
                 "Water-saving packs sent in May: 18,400"]},
    {"title": "If it stays dry",
     "bullets": ["July rainfall below 60% of average: Level 3 possible by late August",
                 "August Severe Drought line: 34%",
                 "Non-essential use ban needs a drought order: about 6 weeks",
                 "Drought order application being drafted now",
                 "Rota cuts and standpipes: not expected"]},
    {"title": "Key dates",
     "table": ([["Date", "What"],
                ["28 April", "Level 1 declared"],
                ["9 June", "Level 2 declared"],
                ["11 June", "Stanmoor drought permit applied for"],
                ["17 June", "Ban notice published"],
                ["24 June", "Forum comments due"],
                ["1 July", "Ban starts"],
                ["14 July", "Next Forum update"]],
               [200, 480])},
    {"title": "Questions for the Forum",
     "bullets": ["Is the ban notice clear?",
                 "How best to reach customers without internet access?",
                 "Which exemptions cause most questions?",
                 "Comments to Ambrose Keel, Forum chair, by 24 June"]},
]  # fmt: skip


def _slide_table(rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[Paragraph(c, S_CELL_HEAD if r == 0 else S_CELL) for c in row]
             for r, row in enumerate(rows)]  # fmt: skip
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), BLUE),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("LINEBELOW", (0, 0), (-1, -1), 0.75, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, PALE]),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))  # fmt: skip
    for c in range(len(rows[0])):  # white header text
        cells[0][c].style = ParagraphStyle(f"h{c}", parent=S_CELL_HEAD, textColor=colors.white)
    return table


def _bullets(c, items: list[str], style: ParagraphStyle, x: float, top: float, width: float):
    y = top
    for item in items:
        para = Paragraph(item, style, bulletText="•")
        _, h = para.wrap(width, 400)
        y -= h
        para.drawOn(c, x, y)
        y -= style.spaceAfter


def deck_pdf() -> bytes:
    out = io.BytesIO()
    c = rl_canvas.Canvas(out, pagesize=SLIDE, pageCompression=1)
    c.setTitle("Drought update: Harrowdale Customer Forum, 16 June 2026")
    c.setAuthor("Ilse Haverkamp")
    c.setCreator("Harrowdale Water")
    w, h = SLIDE
    for number, s in enumerate(SLIDES, start=1):
        if "cover" in s:
            title, line2, line3 = s["cover"]
            c.setFillColor(BLUE)
            c.rect(0, 0, w, h, stroke=0, fill=1)
            c.setFillColor(TEAL)
            c.rect(0, 150, w, 8, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 54)
            c.drawString(70, 330, title)
            c.setFont("Helvetica", 26)
            c.drawString(70, 275, line2)
            c.setFont("Helvetica", 20)
            c.drawString(70, 200, line3)
            c.setFont("Helvetica-Bold", 16)
            c.drawString(70, 90, "Harrowdale Water")
            c.showPage()
            continue
        c.setFillColor(BLUE)
        c.rect(0, h - 92, w, 92, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 34)
        c.drawString(50, h - 60, s["title"])
        c.setFillColor(colors.black)
        if "bullets" in s:
            _bullets(c, s["bullets"], S_BULLET, 60, h - 130, 840)
        if "big" in s:
            figure, caption = s["big"]
            c.setFillColor(TEAL)
            c.setFont("Helvetica-Bold", 110)
            c.drawCentredString(250, 250, figure)
            c.setFillColor(GREY)
            c.setFont("Helvetica", 17)
            c.drawCentredString(250, 205, caption)
            c.setFillColor(colors.black)
            _bullets(c, s["side"], S_SMALL, 500, h - 150, 410)
        if "table" in s:
            rows, widths = s["table"]
            table = _slide_table(rows, widths)
            _, th = table.wrap(w - 100, h - 200)
            table.drawOn(c, 60, h - 125 - th)
        if "note" in s:
            para = Paragraph(s["note"], S_NOTE)
            para.wrap(w - 120, 60)
            para.drawOn(c, 60, 62)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(40, 40, w - 40, 40)
        c.setFillColor(GREY)
        c.setFont("Helvetica", 11)
        c.drawString(40, 22, DECK_FOOTER)
        c.drawRightString(w - 40, 22, str(number))
        c.showPage()
    c.save()
    return out.getvalue()


# ================================================================================================
# 3. The newsletter (A4, two columns, a masthead on page 1)
# ================================================================================================
N_BODY = ParagraphStyle(
    "nbody", fontName="Times-Roman", fontSize=10.5, leading=13.2, alignment=TA_JUSTIFY,
    spaceAfter=5,
)  # fmt: skip
N_HEAD = ParagraphStyle(
    "nhead", fontName="Helvetica-Bold", fontSize=14.5, leading=17.5, textColor=BLUE,
    spaceBefore=8, spaceAfter=4, keepWithNext=1,
)  # fmt: skip
N_LEAD_HEAD = ParagraphStyle("nlead", parent=N_HEAD, fontSize=21, leading=25, spaceBefore=0)
N_BOX = ParagraphStyle("nbox", parent=N_BODY, fontName="Helvetica", fontSize=9.2, leading=11.8,
                       alignment=TA_LEFT, spaceAfter=3)  # fmt: skip
N_BOX_HEAD = ParagraphStyle("nboxhead", parent=N_BOX, fontName="Helvetica-Bold", fontSize=10.5)
N_LIST = ParagraphStyle("nlist", parent=N_BODY, alignment=TA_LEFT, spaceAfter=1)
N_Q = ParagraphStyle("nq", parent=N_BODY, fontName="Helvetica-Bold", fontSize=9.8,
                     alignment=TA_LEFT, spaceAfter=1, keepWithNext=1)  # fmt: skip
N_SMALL = ParagraphStyle("nsmall", parent=N_BODY, fontName="Helvetica", fontSize=8,
                         leading=10, alignment=TA_LEFT)  # fmt: skip

NEWS_BLOCKS = [
    ("lead", "Hosepipe ban starts on Monday 6 July"),
    ("p", "After the driest spring at our Stanmoor rain gauge since records began in 1911, we "
          "declared a drought on 9 June. From Monday 6 July a temporary use ban, better known as "
          "a hosepipe ban, will apply to every home we supply, in all three of our supply "
          "zones."),
    ("p", "On 21 June our 11 reservoirs held 57% of the water they can store, when we would "
          "normally expect about 81% at this time of year. Rainfall from March to May was less "
          "than half the usual amount, and on Friday 12 June our customers used 487 million "
          "litres of water, more than on any other day in our history."),
    ("p", "“Nobody wants a hosepipe ban, and we have done everything we can to avoid one,” said "
          "Callum Prideaux, our Chief Executive. “But our reservoirs are lower than at any time "
          "since 2011, and saving water now makes it far less likely that we will need tougher "
          "restrictions later in the summer.”"),
    ("box", "Correction",
     ["The briefing we gave the Harrowdale Customer Forum on 16 June said that the ban would "
      "start on Wednesday 1 July. After more than 2,300 customers and organisations sent us "
      "their views, we gave everyone five more days to respond, so the ban will now start on "
      "Monday 6 July. We are sorry for any confusion."]),
    ("tablebox", "Reservoir watch: how full our reservoirs were on 21 June",
     [["Reservoir", "Full", "Normal for late June"],
      ["Stanmoor", "51%", "80%"],
      ["Greyholm", "59%", "82%"],
      ["Brayshaw group", "62%", "83%"],
      ["Thornmere", "66%", "84%"],
      ["Lowick and Fenn", "54%", "79%"],
      ["All 11 reservoirs", "57%", "81%"]]),
    ("h", "What the ban means for you"),
    ("p", "While the ban is in force you must not use a hosepipe to:"),
    ("ul", ["water a garden or an allotment;",
            "clean a car, van, motorcycle or boat;",
            "fill a swimming pool or a paddling pool;",
            "fill a pond, unless it has fish in it, or an ornamental fountain;",
            "clean walls, windows, paths or patios."]),
    ("p", "You can still use a watering can or a bucket filled from the tap, and you can use "
          "water from a water butt however you like. Car valeting firms and garden centres are "
          "not covered, because the ban applies to homes."),
    ("p", "Some customers are exempt. Blue Badge holders can water their gardens with a "
          "hosepipe, and customers on our Priority Services Register who need water for medical "
          "reasons can use it as they need to. If you have just laid new turf, you can water it "
          "with a hosepipe for 28 days."),
    ("h", "How long will it last?"),
    ("p", "We will lift the ban once our reservoirs have stayed above our Drought Control line "
          "for four weeks in a row. That depends on the weather, and after a dry summer the ban "
          "could last into the autumn. Our last hosepipe ban, in 2011, lasted 97 days."),
    ("h", "Fixing leaks faster"),
    ("p", "We have put 22 extra repair crews on the road since we declared a drought, so 70 "
          "crews are now finding and fixing leaks. “The average time from a leak being reported "
          "to it being fixed has come down from just over five days in May to under three days "
          "now,” said Keir Tallant, our Leakage Manager. “Every report helps, so if you see "
          "water running in the street, please tell us.”"),
    ("p", "Leakage has fallen to 79 million litres a day, from 84 million litres a day in "
          "2024-25. You can report a leak 24 hours a day at harrowdalewater.example/leaks or by "
          "calling 0808 157 0192."),
    ("h", "Help from our neighbours"),
    ("p", "Since 10 June we have been bringing in water from Eastmarch Water, which supplies "
          "the area to our east, through the Pellham interconnector. An upgrade to the pumping "
          "station at Pellham, finished in April, means the pipe can now carry up to 20 million "
          "litres a day, enough for the homes of about 140,000 people."),
    ("p", "We have also brought two reserve boreholes near Kessing Bay back into use, and we "
          "have asked the Water Standards Commission for a drought permit to release less water "
          "from Stanmoor Reservoir into the River Seln. While we wait for its decision, our "
          "environment team is checking the river every week at 14 places."),
    ("h", "Extra help if you need it"),
    ("p", "If you rely on water for a medical treatment, have limited mobility or have a young "
          "baby, please join our Priority Services Register. It is free, and more than 51,000 "
          "households are already on it. If your supply is interrupted and you need water for "
          "medical reasons, we will bring bottled water to your door within 12 hours."),
    ("p", "“We would much rather hear from you now than in the middle of a crisis,” said "
          "Marguerite Varga, our Head of Customer Services. You can join at "
          "harrowdalewater.example/priority or by calling 0808 157 0193."),
    ("h", "Five ways to save water"),
    ("ol", ["Keep showers to four minutes. A four-minute shower uses around 50 litres less than "
            "a ten-minute one, and our free shower timer helps.",
            "Turn off the tap while you brush your teeth: a running tap uses about 6 litres a "
            "minute.",
            "Water your garden with a watering can in the early morning or the evening, when "
            "less water evaporates.",
            "Run the dishwasher and the laundry only when they are full.",
            "Fit a water butt. A typical one holds 200 litres, and we are selling them at half "
            "price, £25, until 31 August."]),
    ("p", "You can order a free water-saving pack, with a shower timer, tap inserts and a "
          "cistern bag, at harrowdalewater.example/save. We sent out 18,400 packs in May "
          "alone."),
    ("faq", "Your questions answered", [
        ("Can I fill my paddling pool with a watering can?",
         "Yes. The ban is about hosepipes, so you can fill a paddling pool with a watering can "
         "or a bucket."),
        ("Will the ban affect my business?",
         "No. The ban applies to household customers only. If the drought gets worse, we may "
         "need to restrict some business uses of water as well, and we would give notice "
         "first."),
        ("What happens if someone breaks the ban?",
         "It is a criminal offence, and a court can fine them up to £1,000, but we would always "
         "talk to a customer first. You can tell us about someone ignoring the ban at "
         "harrowdalewater.example/report."),
        ("Can I still clean my car?",
         "Yes, with a bucket and a sponge, or at a car valeting firm, but not with a hosepipe."),
        ("Do I need to do anything to claim an exemption?",
         "No. If you hold a Blue Badge or are on our Priority Services Register for medical "
         "reasons, the exemption applies to you automatically."),
    ]),
    ("h", "Come and ask us"),
    ("p", "The next public meeting of the Harrowdale Customer Forum, chaired by Ambrose Keel, "
          "is on Tuesday 14 July at 6.30pm at Calderwick Central Library. Dr Ilse Haverkamp, "
          "our Director of Water Resources, will give the latest drought update and answer "
          "questions from the floor."),
    ("tablebox", "Dates for your diary",
     [["Date", "What"],
      ["Monday 6 July", "Hosepipe ban starts"],
      ["Tuesday 14 July", "Customer Forum meeting, Calderwick Central Library, 6.30pm"],
      ["31 August", "Half-price water butt offer ends"]]),
    ("small", "Waterlines is published by Harrowdale Water Ltd, Riverside House, Calderwick. "
              "Edited by Morwenna Tuck. Issue 41 was published on 26 June 2026."),
]  # fmt: skip

NEWS_MARGIN = 1.6 * cm
NEWS_GAP = 0.7 * cm
NEWS_MASTHEAD = 3.4 * cm


def _box(title: str, paras: list[str]) -> Table:
    cell = [Paragraph(title, N_BOX_HEAD)] + [Paragraph(p, N_BOX) for p in paras]
    table = Table([[cell]])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), PALE),
        ("BOX", (0, 0), (-1, -1), 1, TEAL),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))  # fmt: skip
    return table


def _news_table(title: str, rows: list[list[str]]) -> Table:
    widths = [3.4 * cm, 1.5 * cm, 3.3 * cm] if len(rows[0]) == 3 else [2.6 * cm, 5.6 * cm]
    cells = [[Paragraph(title, N_BOX_HEAD)] + [""] * (len(rows[0]) - 1)]
    cells += [[Paragraph(c, N_BOX_HEAD if r == 0 else N_BOX) for c in row]
              for r, row in enumerate(rows)]  # fmt: skip
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, -1), PALE),
        ("BOX", (0, 0), (-1, -1), 1, TEAL),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))  # fmt: skip
    return table


def news_story() -> list:
    story: list = [NextPageTemplate("later")]
    for block in NEWS_BLOCKS:
        kind = block[0]
        if kind == "lead":
            story.append(Paragraph(block[1], N_LEAD_HEAD))
        elif kind == "h":
            story.append(Paragraph(block[1], N_HEAD))
        elif kind == "p":
            story.append(Paragraph(block[1], N_BODY))
        elif kind in ("ul", "ol"):
            story.append(_list(block[1], kind == "ol", N_LIST))
        elif kind == "box":
            story += [Spacer(1, 4), _box(block[1], block[2]), Spacer(1, 4)]
        elif kind == "tablebox":
            _, title, rows = block
            story += [Spacer(1, 4), _news_table(title, rows), Spacer(1, 4)]
        elif kind == "faq":
            _, title, pairs = block
            story.append(Paragraph(title, N_HEAD))
            for q, a in pairs:
                story += [Paragraph(q, N_Q), Paragraph(a, N_BODY)]
        elif kind == "small":
            story += [Spacer(1, 6), Paragraph(block[1], N_SMALL)]
        else:
            raise ValueError(kind)
    return story


def _news_masthead(canv, doc):
    w, h = A4
    canv.saveState()
    canv.setFillColor(BLUE)
    canv.rect(0, h - NEWS_MASTHEAD, w, NEWS_MASTHEAD, stroke=0, fill=1)
    canv.setFillColor(colors.white)
    canv.setFont("Helvetica-Bold", 40)
    canv.drawString(NEWS_MARGIN, h - 2.05 * cm, "Waterlines")
    canv.setFont("Helvetica", 11)
    canv.drawString(NEWS_MARGIN, h - 2.85 * cm, "News for Harrowdale Water customers")
    canv.drawRightString(w - NEWS_MARGIN, h - 2.05 * cm, "Issue 41")
    canv.drawRightString(w - NEWS_MARGIN, h - 2.85 * cm, "Summer 2026")
    canv.restoreState()
    _news_footer(canv, doc)


def _news_later(canv, doc):
    w, h = A4
    canv.saveState()
    canv.setFont("Helvetica", 8.5)
    canv.setFillColor(GREY)
    canv.drawString(NEWS_MARGIN, h - 1.0 * cm, "Waterlines · Issue 41 · Summer 2026")
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(NEWS_MARGIN, h - 1.15 * cm, w - NEWS_MARGIN, h - 1.15 * cm)
    canv.restoreState()
    _news_footer(canv, doc)


def _news_footer(canv, doc):
    w, _ = A4
    canv.saveState()
    canv.setFont("Helvetica", 8.5)
    canv.setFillColor(GREY)
    canv.drawRightString(w - NEWS_MARGIN, 0.9 * cm, f"{doc.page} | Harrowdale Water")
    canv.restoreState()


def news_pdf() -> bytes:
    out = io.BytesIO()
    w, h = A4
    col = (w - 2 * NEWS_MARGIN - NEWS_GAP) / 2
    bottom = 1.5 * cm

    def columns(top: float) -> list[Frame]:
        height = h - top - bottom
        return [
            Frame(NEWS_MARGIN, bottom, col, height, id="left", leftPadding=0, rightPadding=0),
            Frame(NEWS_MARGIN + col + NEWS_GAP, bottom, col, height, id="right",
                  leftPadding=0, rightPadding=0),
        ]  # fmt: skip

    doc = BaseDocTemplate(
        out, pagesize=A4, title="Waterlines, issue 41, Summer 2026",
        author="Harrowdale Water Ltd", creator="Harrowdale Water",
    )  # fmt: skip
    doc.addPageTemplates([
        PageTemplate("first", columns(NEWS_MASTHEAD + 0.5 * cm), onPage=_news_masthead),
        PageTemplate("later", columns(1.5 * cm), onPage=_news_later),
    ])  # fmt: skip
    doc.build(news_story())
    return out.getvalue()


# ================================================================================================
DOCUMENTS = {PLAN: plan_pdf, DECK: deck_pdf, NEWS: news_pdf}


def write_documents() -> None:
    DOCS_DIR.mkdir(parents=True, exist_ok=True)
    for name, make in DOCUMENTS.items():
        (DOCS_DIR / name).write_bytes(make())


def check_documents() -> None:
    """The PDFs on disk are the ones this script writes (the bytes are deterministic)."""
    stale = [n for n, make in DOCUMENTS.items() if (DOCS_DIR / n).read_bytes() != make()]
    if stale:
        raise SystemExit(f"evals/data/pdfs/docs differs from this script ({', '.join(stale)}): "
                         "run it to rewrite them")  # fmt: skip


# ================================================================================================
# The questions. Evidence is (doc_id, quote[, nth]) with the quote as the sentence reads in the
# source text above (single spaces); `resolve` locates it in the text as ingest reads the PDF.
# ================================================================================================
def x(doc_id: str, quote: str, nth: int | None = None) -> tuple:
    return (doc_id, quote) if nth is None else (doc_id, quote, nth)


# --- the plan -----------------------------------------------------------------------------------
PL_TITLE = "Drought Plan 2026"  # also in the running header, which page 1 may keep: nth=1
PL_SUBTITLE = (
    "How we will keep supplies going through a drought, and what we will ask of our customers"
)
PL_STATUS = "Final plan, version 3.0"
PL_PUBLISHED = "Published 16 March 2026"
PL_APPROVED = "By the Board of Harrowdale Water Ltd on 24 February 2026"
PL_OWNER = "Plan owner Dr Ilse Haverkamp, Director of Water Resources"
PL_SUMMARY = (
    "This plan sets out how we watch for drought, the five drought levels we use, the actions we "
    "take at each level, and how we protect the environment and our customers while we take them."
)
PL_PEOPLE = (
    "We supply drinking water to about 1.38 million people in 594,000 homes and to 41,000 "
    "business premises across the Harrowdale region"
)
PL_STORAGE = (
    "The reservoirs have a combined usable storage of 96,400 megalitres (Ml), of which Stanmoor "
    "Reservoir, the largest, holds 38,200 Ml."
)
PL_PEAK = (
    "Demand reached its highest level of the year, 468 Ml/d, on 18 July 2025, during a week of "
    "hot weather."
)
PL_PCC = "Household use averaged 139 litres per person per day in 2024-25."
PL_LEAK = (
    "Leakage from our mains and from customers' supply pipes was 84 Ml/d, or 21% of the water we "
    "put into supply."
)
PL_ALL_ZONES = (
    "A temporary use ban now applies to all three zones at once, because customers told us that "
    "bans in a single zone were confusing."
)
PL_FERNHILL = "they were checked by independent consultants, Fernhill Hydrology, in 2025."
PL_JUNE_ROW = "June 80% 65% 44%"
PL_JULY_ROW = "July 74% 58% 39%"
PL_HOLLINS = (
    "a level below 31.5 metres above sea level in any month from May to October triggers Drought "
    "Alert for that zone, and a level below 29.0 metres triggers Drought Control."
)
PL_FIVE = "We use five drought levels (Table 3)."
PL_L4 = "Storage forecast to fall below 20% within 8 weeks"
PL_L4_ACTION = "Emergency drought order: rota cuts or standpipes"
PL_TUB_FREQ = "Temporary use ban 1 year in 10"
PL_97 = (
    "Our last temporary use ban, in the summer of 2011, lasted 97 days. We have never needed a "
    "non-essential use ban."
)
PL_1976 = (
    "The drought of 1976, the most severe in our records, would today bring both a temporary use "
    "ban and a non-essential use ban, but with the sources we now have it would not need rota "
    "cuts or standpipes."
)
PL_REPORT = (  # runs over the break from page 3 to page 4
    "We report how we have performed against these levels of service in our annual report, which "
    "we publish each July, and in the review that we write after every drought."
)
PL_TUB_SAVE = "we expect it to save about 5% of demand, or about 20 Ml/d."
PL_PAPERS = (
    "Before a ban starts we must publish a notice on our website and in two local newspapers, the "
    "Calderwick Courier and the Seln Valley Gazette"
)
PL_14DAYS = "The notice must be published at least 14 days before the ban starts."
PL_DECIDE = (
    "The decision to impose a ban is taken by the Chief Executive on the advice of the Drought "
    "Management Group."
)
PL_BAN_GARDEN = "watering a garden, including an allotment;"
PL_BAN_CAR = "cleaning a private car, van, motorcycle or boat;"
PL_CANS = "Watering cans and buckets filled from the tap can be used at any time."
PL_EX_BADGE = "customers who hold a Blue Badge, who may water their garden with a hosepipe;"
PL_EX_PSR = "customers on our Priority Services Register who need water for medical reasons;"
PL_EX_TURF = "watering newly laid turf during the first 28 days after it is laid;"
PL_EX_BUTT = (
    "using water from a water butt, a private borehole or a grey water system, even through a "
    "hosepipe;"
)
PL_EX_BUSINESS = (
    "businesses, for which the use of water is part of their trade, such as car valeting or "
    "garden centres."
)
PL_FINE = (
    "Breaking a temporary use ban is a criminal offence, and on conviction a court can fine a "
    "person up to £1,000."
)
PL_214 = (
    "during the 2011 ban we wrote to 214 customers who were reported to us, and we took nobody "
    "to court."
)
PL_LIFT = (
    "We lift a ban when combined storage has stayed above the Drought Control line for four weeks "
    "in a row and the forecasts for the next eight weeks do not show it falling below the line "
    "again."
)
PL_ORDER = (
    "Only the government can grant a drought order, and the process, which includes a public "
    "hearing if there are objections, usually takes about six weeks."
)
PL_NEUB_SAVE = "A non-essential use ban would save a further 3% of demand, about 12 Ml/d."
PL_28DAYS = (
    "Drought permits are granted by the Water Standards Commission, which aims to decide within "
    "28 days of an application."
)
PL_TWO_PERMITS = (  # runs over the break from page 5 to page 6
    "We have two drought permits ready to apply for, and two other sources we can bring in "
    "quickly (Table 5)."
)
PL_T5_STANMOOR = "Stanmoor compensation release cut from 18 Ml/d to 11 Ml/d (drought permit)"
PL_15 = (
    "it can bring up to 15 Ml/d into the North Calder zone, as long as Eastmarch Water is not "
    "itself in drought."
)
PL_410 = (
    "We pay for the water we import at a rate agreed each year; in 2026 the rate is £410 per "
    "megalitre."
)
PL_BOREHOLES = (
    "They take about 10 days to bring into service, because the water must be tested before it "
    "goes into supply, and together they can supply 6 Ml/d for up to six months."
)
PL_CRAYFISH = (
    "The 19 km of the Seln between Stanmoor Reservoir and Calderwick is home to white-clawed "
    "crayfish, a protected species, and is an important spawning river for brown trout."
)
PL_LOWICK = (  # runs over the break from page 6 to page 7
    "Downstream of Orrin Weir the river feeds Lowick Marshes, a nature reserve known for its "
    "wading birds, which depends on the river for most of its water in summer."
)
PL_OKONJO = (
    "Our environment team, led by our Environment Manager, Bethan Okonjo, samples 14 sites on the "
    "River Seln and its tributaries."
)
PL_SAMPLING = (
    "Sampling starts at Level 1 and takes place every two weeks, and every week while a drought "
    "permit is in force."
)
PL_OXYGEN = (
    "If dissolved oxygen at any site falls below 5 milligrams per litre for three days in a row, "
    "we restore the full compensation release at once"
)
PL_RESCUE = (
    "We have agreed a fish rescue plan with the Seln Rivers Trust, which can move fish from pools "
    "that are drying out within 48 hours of a call."
)
PL_FORUM = (
    "Our Customer Forum, an independent group of customers and community representatives chaired "
    "by Ambrose Keel, is briefed at every change of level"
)
PL_48200 = "There were 48,200 households on the register in December 2025."
PL_12H = (
    "If the supply to a customer who relies on water for medical reasons is interrupted, we "
    "deliver bottled water to them within 12 hours."
)
PL_EX1 = "About 11% of the contact details on the Priority Services Register were out of date."
PL_EX2 = (
    "Drafting the notice of a temporary use ban took four days instead of one. We now keep a "
    "ready-made notice for each zone."
)
PL_EX3 = "It was not clear who could approve weekend working for leak repair crews."
PL_MEETS = (
    "It meets monthly from March to October at Level 0, weekly from Level 1 and twice a week "
    "from Level 3."
)
PL_CEO = (
    "it advises the Chief Executive, Callum Prideaux, on temporary use bans and on applications "
    "for drought orders."
)
PL_COST = (
    "We estimate that a summer at Level 2 costs us about £4.8 million more than a normal summer"
)
PL_RESERVE = (
    "We do not raise customers' charges during a drought to pay for these costs, which are met "
    "from our drought reserve of £6 million."
)
PL_FN_COMBINED = (
    "Combined storage, used throughout this plan, is the water held in all 11 reservoirs as a "
    "percentage of their total usable storage."
)
PL_FN_ML = "One megalitre (Ml) is one million litres, roughly the water in 12,500 full baths."

# --- the deck -----------------------------------------------------------------------------------
DK_COVER = "Harrowdale Customer Forum · 16 June 2026"
DK_PRESENTER = "Dr Ilse Haverkamp, Director of Water Resources"
DK_L1 = "Level 1 (developing drought) since 28 April"
DK_L2 = "Level 2 (drought) declared 9 June"
DK_RAIN = "March–May rainfall: 46% of long-term average"
DK_DRIEST = "Driest spring at Stanmoor gauge since records began (1911)"
DK_BAN_FROM = "Temporary use ban from 1 July"
DK_61 = "Combined reservoir storage, 14 June 2026 61%"
DK_NORMAL = "Normal for mid-June: 83%"
DK_CONTROL = "June Drought Control line: 65%"
DK_STANMOOR = "Stanmoor 38,200 55%"
DK_THORNMERE = "Thornmere 9,300 69%"
DK_RECORD = "Record day: 487 Ml/d, Friday 12 June"
DK_KESSING = "Kessing Coast zone: use up 19% on May"
DK_NOTICE = "Notice published 17 June: website, Calderwick Courier, Seln Valley Gazette"
DK_STARTS = "Starts Wednesday 1 July 2026"
DK_ALL_HOMES = "All homes, all three zones"
DK_FINE = "Fine on conviction: up to £1,000"
DK_EX_BUSINESS = "Businesses: not covered by the ban"
DK_LEAK = "79 Ml/d Leakage, 12 months to May 2026"
DK_LEAK_OLD = "84 Ml/d in 2024-25"
DK_REPAIR = "Average repair time: 5.1 days in May, 2.8 days now"
DK_TARGET = "Target: 71 Ml/d by 2029-30"
DK_PELLHAM = "Pellham interconnector up to 20 Ml/d Importing 14 Ml/d since 10 June"
DK_PERMIT = "Stanmoor drought permit 7 Ml/d Applied 11 June; decision due by 9 July"
DK_UPGRADE = (
    "Interconnector capacity raised from 15 to 20 Ml/d by the Pellham pumping station upgrade, "
    "April 2026."
)
DK_SITES = "14 sites sampled weekly since 9 June"
DK_CRAY = "Crayfish survey, 4 June: crayfish found at 11 of 14 sites"
DK_OXY = "Lowest dissolved oxygen: 7.2 mg/l at Ashby Mill"
DK_LEAD = "Lead: Bethan Okonjo, Environment Manager"
DK_PSR = "Priority Services Register: 51,300 households"
DK_UP = "Up 3,100 since December"
DK_BOTTLED = "Bottled water within 12 hours for medical need"
DK_PACKS = "Water-saving packs sent in May: 18,400"
DK_JULY = "July rainfall below 60% of average: Level 3 possible by late August"
DK_ORDER = "Non-essential use ban needs a drought order: about 6 weeks"
DK_DRAFTING = "Drought order application being drafted now"
DK_ROTA = "Rota cuts and standpipes: not expected"
DK_KEY_START = "1 July Ban starts"
DK_COMMENTS = "Comments to Ambrose Keel, Forum chair, by 24 June"

# --- the newsletter -----------------------------------------------------------------------------
NW_LEAD = "Hosepipe ban starts on Monday 6 July"
NW_DECLARED = (
    "After the driest spring at our Stanmoor rain gauge since records began in 1911, we declared "
    "a drought on 9 June."
)
NW_FROM = (
    "From Monday 6 July a temporary use ban, better known as a hosepipe ban, will apply to every "
    "home we supply, in all three of our supply zones."
)
NW_57 = (
    "On 21 June our 11 reservoirs held 57% of the water they can store, when we would normally "
    "expect about 81% at this time of year."
)
NW_RAIN = "Rainfall from March to May was less than half the usual amount"
NW_487 = (
    "on Friday 12 June our customers used 487 million litres of water, more than on any other day "
    "in our history."
)
NW_CEO = (
    "“Nobody wants a hosepipe ban, and we have done everything we can to avoid one,” said Callum "
    "Prideaux, our Chief Executive."
)
NW_CEO_2011 = "“But our reservoirs are lower than at any time since 2011"
NW_CORRECTION = (
    "The briefing we gave the Harrowdale Customer Forum on 16 June said that the ban would start "
    "on Wednesday 1 July. After more than 2,300 customers and organisations sent us their views, "
    "we gave everyone five more days to respond, so the ban will now start on Monday 6 July."
)
NW_WATCH_ALL = "All 11 reservoirs 57% 81%"
NW_BAN_GARDEN = "water a garden or an allotment;"
NW_CAN = (
    "You can still use a watering can or a bucket filled from the tap, and you can use water from "
    "a water butt however you like."
)
NW_VALET = (
    "Car valeting firms and garden centres are not covered, because the ban applies to homes."
)
NW_BADGE = "Blue Badge holders can water their gardens with a hosepipe"
NW_TURF = "If you have just laid new turf, you can water it with a hosepipe for 28 days."
NW_LIFT = (
    "We will lift the ban once our reservoirs have stayed above our Drought Control line for four "
    "weeks in a row."
)
NW_AUTUMN = "after a dry summer the ban could last into the autumn."
NW_97 = "Our last hosepipe ban, in 2011, lasted 97 days."
NW_CREWS = (
    "We have put 22 extra repair crews on the road since we declared a drought, so 70 crews are "
    "now finding and fixing leaks."
)
NW_TALLANT = (
    "“The average time from a leak being reported to it being fixed has come down from just over "
    "five days in May to under three days now,” said Keir Tallant, our Leakage Manager."
)
NW_79 = "Leakage has fallen to 79 million litres a day, from 84 million litres a day in 2024-25."
NW_REPORT_LEAK = (
    "You can report a leak 24 hours a day at harrowdalewater.example/leaks or by calling 0808 157 "
    "0192."
)
NW_IMPORT = (
    "Since 10 June we have been bringing in water from Eastmarch Water, which supplies the area "
    "to our east, through the Pellham interconnector."
)
NW_20 = (
    "An upgrade to the pumping station at Pellham, finished in April, means the pipe can now carry "
    "up to 20 million litres a day, enough for the homes of about 140,000 people."
)
NW_WEEKLY = (
    "While we wait for its decision, our environment team is checking the river every week at 14 "
    "places."
)
NW_12H = (
    "If your supply is interrupted and you need water for medical reasons, we will bring bottled "
    "water to your door within 12 hours."
)
NW_VARGA = "said Marguerite Varga, our Head of Customer Services."
NW_BUTT = (
    "A typical one holds 200 litres, and we are selling them at half price, £25, until 31 August."
)
NW_PACKS = "We sent out 18,400 packs in May alone."
NW_FAQ_POOL = (
    "Yes. The ban is about hosepipes, so you can fill a paddling pool with a watering can or a "
    "bucket."
)
NW_FAQ_BUSINESS = "No. The ban applies to household customers only."
NW_FAQ_FINE = (
    "It is a criminal offence, and a court can fine them up to £1,000, but we would always talk "
    "to a customer first."
)
NW_FAQ_AUTO = (
    "If you hold a Blue Badge or are on our Priority Services Register for medical reasons, the "
    "exemption applies to you automatically."
)
NW_FORUM = (
    "The next public meeting of the Harrowdale Customer Forum, chaired by Ambrose Keel, is on "
    "Tuesday 14 July at 6.30pm at Calderwick Central Library."
)
NW_EDITOR = "Edited by Morwenna Tuck."
NW_ISSUE = "Issue 41 was published on 26 June 2026."
NW_MASTHEAD = "News for Harrowdale Water customers"

# fmt: off
NEW = [
    # --- single facts: figures with units, dates, tables, footnotes, slides ------------------------
    Q("pd-sf-01", "single_fact", "How many people does Harrowdale Water supply?",
      "About 1.38 million people, in 594,000 homes, plus 41,000 business premises.",
      [["1.38 million"]], [x(PLAN, PL_PEOPLE)]),
    Q("pd-sf-02", "single_fact", "How much water can Harrowdale Water's reservoirs store altogether?",
      "A combined usable storage of 96,400 megalitres, in 11 reservoirs.",
      [["96,400"]], [x(PLAN, PL_STORAGE)], ["altogether"]),
    Q("pd-sf-03", "single_fact", "Which is the biggest reservoir, and how much does it hold?",
      "Stanmoor Reservoir, with 38,200 Ml of usable storage.",
      [["Stanmoor"], ["38,200"]], [x(PLAN, PL_STORAGE)], ["biggest"]),
    Q("pd-sf-04", "single_fact", "How much water does each person use at home per day?",
      "Household use averaged 139 litres per person per day in 2024-25.",
      [["139 litres"]], [x(PLAN, PL_PCC)]),
    Q("pd-sf-05", "single_fact", "How much water was lost to leaks in 2024-25?",
      "84 Ml/d, 21% of the water put into supply.",
      [["84 Ml/d"]], [x(PLAN, PL_LEAK)], ["lost"]),
    Q("pd-sf-06", "single_fact", "What is the Drought Control line for combined storage in July?",
      "58% of usable storage (Drought Alert 74%, Severe Drought 39%).",
      [["58%"]], [x(PLAN, PL_JULY_ROW)]),
    Q("pd-sf-07", "single_fact", "What triggers Level 4, the emergency level?",
      "Combined storage forecast to fall below 20% within 8 weeks.",
      [["20%"], ["8 weeks"]], [x(PLAN, PL_L4)]),
    Q("pd-sf-08", "single_fact", "How often should customers expect a hosepipe ban, according to the levels of service?",
      "No more often than 1 year in 10, on average.",
      [["1 year in 10"]], [x(PLAN, PL_TUB_FREQ)]),
    Q("pd-sf-09", "single_fact", "How long did the last hosepipe ban last?",
      "97 days, in the summer of 2011.",
      [["97 days"]], [x(PLAN, PL_97), x(NEWS, NW_97)]),
    Q("pd-sf-10", "single_fact", "How much notice must Harrowdale Water give before a hosepipe ban starts?",
      "The notice must be published at least 14 days before the ban starts, on its website and in two local newspapers.",
      [["14 days"]], [x(PLAN, PL_14DAYS)]),
    Q("pd-sf-11", "single_fact", "What is the maximum fine for breaking the hosepipe ban?",
      "Up to £1,000 on conviction; breaking the ban is a criminal offence.",
      [["£1,000"]], [x(PLAN, PL_FINE), x(DECK, DK_FINE)], ["maximum"]),
    Q("pd-sf-12", "single_fact", "How much does Harrowdale Water pay for the water it buys from Eastmarch Water?",
      "£410 per megalitre in 2026, a rate agreed each year.",
      [["£410"]], [x(PLAN, PL_410)], ["buys"]),
    Q("pd-sf-13", "single_fact", "How long does it take to switch on the backup wells?",
      "About 10 days, because the water must be tested before it goes into supply.",
      [["10 days"]], [x(PLAN, PL_BOREHOLES)], ["switch on", "backup wells"]),
    Q("pd-sf-14", "single_fact", "What's the price tag of a summer at Level 2?",
      "About £4.8 million more than a normal summer.",
      [["£4.8 million"]], [x(PLAN, PL_COST)], ["price tag"]),
    Q("pd-sf-15", "single_fact", "How many full bathtubs is one megalitre?",
      "Roughly 12,500 full baths: a megalitre is one million litres.",
      [["12,500"]], [x(PLAN, PL_FN_ML)], ["bathtubs"]),
    Q("pd-sf-16", "single_fact", "What does 'combined storage' mean in the drought plan?",
      "The water held in all 11 reservoirs as a percentage of their total usable storage.",
      [["percentage"], ["total usable storage"]], [x(PLAN, PL_FN_COMBINED)]),
    Q("pd-sf-17", "single_fact", "Where does Harrowdale Water publish its track record against its levels of service?",
      "In its annual report, published each July, and in the review it writes after every drought.",
      [["annual report"]], [x(PLAN, PL_REPORT)], ["track record"]),
    Q("pd-sf-18", "single_fact", "How many drought permits does Harrowdale Water have ready to apply for?",
      "Two (Stanmoor and Orrin Weir), plus two other sources it can bring in quickly: the Pellham interconnector and the Kessing reserve boreholes.",
      [["two drought permits"]], [x(PLAN, PL_TWO_PERMITS)]),
    Q("pd-sf-19", "single_fact", "When was the all-time high for water use, and how much was used?",
      "Friday 12 June, with 487 Ml/d (487 million litres).",
      [["487"], ["12 June"]], [x(DECK, DK_RECORD), x(NEWS, NW_487)], ["all-time high"]),
    Q("pd-sf-20", "single_fact", "How dry was the spring of 2026?",
      "March to May rainfall was 46% of the long-term average, the driest spring at the Stanmoor gauge since records began in 1911.",
      [["46%"]], [x(DECK, DK_RAIN), x(DECK, DK_DRIEST), x(NEWS, NW_DECLARED), x(NEWS, NW_RAIN)]),
    Q("pd-sf-21", "single_fact", "Where was the lowest dissolved oxygen in the River Seln measured?",
      "At Ashby Mill: 7.2 mg/l.",
      [["Ashby Mill"], ["7.2 mg/l"]], [x(DECK, DK_OXY)]),
    Q("pd-sf-22", "single_fact", "How many free water-saving kits went out in May?",
      "18,400.",
      [["18,400"]], [x(DECK, DK_PACKS), x(NEWS, NW_PACKS)], ["kits"]),
    Q("pd-sf-23", "single_fact", "How much is a water butt in the summer sale?",
      "£25, half price, until 31 August; a typical one holds 200 litres.",
      [["£25"]], [x(NEWS, NW_BUTT)], ["sale"]),
    Q("pd-sf-24", "single_fact", "What phone number do I ring to report a leak?",
      "0808 157 0192 (or online at harrowdalewater.example/leaks), 24 hours a day.",
      [["0808 157 0192"]], [x(NEWS, NW_REPORT_LEAK)], ["phone", "ring"]),
    Q("pd-sf-25", "single_fact", "When and where is the next public meeting of the Customer Forum?",
      "Tuesday 14 July at 6.30pm, at Calderwick Central Library.",
      [["14 July"], ["Calderwick Central Library"]], [x(NEWS, NW_FORUM)]),
    Q("pd-sf-26", "single_fact", "By how much did water use rise in the Kessing Coast zone?",
      "Up 19% on May.",
      [["19%"]], [x(DECK, DK_KESSING)]),
    Q("pd-sf-27", "single_fact", "At how many monitoring sites were crayfish found in the June survey?",
      "At 11 of the 14 sites, in the survey of 4 June.",
      [["11 of 14"]], [x(DECK, DK_CRAY)]),
    Q("pd-sf-28", "single_fact", "Which local papers carry the notice of a hosepipe ban?",
      "The Calderwick Courier and the Seln Valley Gazette (as well as the website).",
      [["Calderwick Courier"], ["Seln Valley Gazette"]], [x(PLAN, PL_PAPERS), x(DECK, DK_NOTICE)], ["papers"]),
    Q("pd-sf-29", "single_fact", "What is the Drought Alert trigger for the Kessing Coast zone?",
      "A level below 31.5 metres above sea level at the Hollins Farm observation borehole in any month from May to October.",
      [["31.5 metres"]], [x(PLAN, PL_HOLLINS)]),
    Q("pd-sf-30", "single_fact", "What is Lowick Marshes, and why does the River Seln matter to it?",
      "A nature reserve downstream of Orrin Weir, known for its wading birds; it depends on the river for most of its water in summer.",
      [["wading birds"], ["depends on the river"]], [x(PLAN, PL_LOWICK)]),
    Q("pd-sf-31", "single_fact", "Which version of the drought plan is this, and when was it published?",
      "The final plan, version 3.0, published on 16 March 2026.",
      [["version 3.0"], ["16 March 2026"]], [x(PLAN, PL_STATUS), x(PLAN, PL_PUBLISHED)]),
    Q("pd-sf-32", "single_fact", "When did the Board approve the drought plan?",
      "On 24 February 2026.",
      [["24 February 2026"]], [x(PLAN, PL_APPROVED)]),
    # --- attribution --------------------------------------------------------------------------
    Q("pd-at-01", "attribution", "Who is responsible for the drought plan?",
      "Dr Ilse Haverkamp, Director of Water Resources, is the plan owner.",
      [["Ilse Haverkamp"]], [x(PLAN, PL_OWNER)], ["responsible"]),
    Q("pd-at-02", "attribution", "Who has the final say on a hosepipe ban?",
      "The Chief Executive, Callum Prideaux, on the advice of the Drought Management Group.",
      [["Chief Executive"]], [x(PLAN, PL_DECIDE), x(PLAN, PL_CEO)], ["final say"]),
    Q("pd-at-03", "attribution", "Who is in charge of keeping an eye on the River Seln?",
      "Bethan Okonjo, the Environment Manager, whose team samples 14 sites.",
      [["Bethan Okonjo"]], [x(PLAN, PL_OKONJO), x(DECK, DK_LEAD)], ["in charge", "keeping an eye"]),
    Q("pd-at-04", "attribution", "Who said that nobody wants a hosepipe ban?",
      "Callum Prideaux, Harrowdale Water's Chief Executive.",
      [["Callum Prideaux"]], [x(NEWS, NW_CEO)]),
    Q("pd-at-05", "attribution", "Who talked about leaks being fixed faster, and what is his job?",
      "Keir Tallant, the Leakage Manager.",
      [["Tallant"], ["Leakage Manager"]], [x(NEWS, NW_TALLANT)]),
    Q("pd-at-06", "attribution", "Who chairs the Customer Forum?",
      "Ambrose Keel.",
      [["Ambrose Keel"]], [x(PLAN, PL_FORUM), x(DECK, DK_COMMENTS)]),
    Q("pd-at-07", "attribution", "Who gave the drought update to the Customer Forum on 16 June?",
      "Dr Ilse Haverkamp, Director of Water Resources.",
      [["Ilse Haverkamp"]], [x(DECK, DK_COVER), x(DECK, DK_PRESENTER)]),
    Q("pd-at-08", "attribution", "Who checked the trigger lines for reservoir storage?",
      "Independent consultants, Fernhill Hydrology, in 2025.",
      [["Fernhill Hydrology"]], [x(PLAN, PL_FERNHILL)]),
    Q("pd-at-09", "attribution", "Who grants drought permits?",
      "The Water Standards Commission, which aims to decide within 28 days of an application.",
      [["Water Standards Commission"]], [x(PLAN, PL_28DAYS)]),
    Q("pd-at-10", "attribution", "Who would rescue fish if parts of the river dry out?",
      "The Seln Rivers Trust, under a fish rescue plan, within 48 hours of a call.",
      [["Seln Rivers Trust"]], [x(PLAN, PL_RESCUE)], ["dry out"]),
    Q("pd-at-11", "attribution", "Who puts together Waterlines?",
      "Morwenna Tuck.",
      [["Morwenna Tuck"]], [x(NEWS, NW_EDITOR)], ["puts together"]),
    Q("pd-at-12", "attribution", "Who is the boss of customer services at Harrowdale Water?",
      "Marguerite Varga, Head of Customer Services.",
      [["Marguerite Varga"]], [x(NEWS, NW_VARGA)], ["boss"]),
    # --- yes / no -------------------------------------------------------------------------------
    Q("pd-yn-01", "yes_no", "Can I use my rain barrel with a hosepipe during the ban?",
      "Yes: using water from a water butt, a private borehole or a grey water system is exempt, even through a hosepipe.",
      [["water butt"]], [x(PLAN, PL_EX_BUTT), x(NEWS, NW_CAN)], ["rain barrel"]),
    Q("pd-yn-02", "yes_no", "Can a hosepipe ban apply to just one zone?",
      "No: a temporary use ban now applies to all three zones at once.",
      [["all three zones at once"]], [x(PLAN, PL_ALL_ZONES)]),
    Q("pd-yn-03", "yes_no", "Can I fill the kids' paddling pool with a watering can during the ban?",
      "Yes: the ban is about hosepipes, so a paddling pool can be filled with a watering can or a bucket.",
      [["watering can"]], [x(NEWS, NW_FAQ_POOL), x(PLAN, PL_CANS)], ["kids"]),
    Q("pd-yn-04", "yes_no", "Will water bills go up to pay for the drought?",
      "No: Harrowdale Water does not raise customers' charges during a drought; the costs are met from its £6 million drought reserve.",
      [["do not raise"]], [x(PLAN, PL_RESERVE)], ["bills", "go up"]),
    Q("pd-yn-05", "yes_no", "Does the hosepipe ban apply to offices and factories?",
      "No: it applies to household customers only.",
      [["household customers only"]], [x(NEWS, NW_FAQ_BUSINESS), x(PLAN, PL_EX_BUSINESS), x(DECK, DK_EX_BUSINESS)], ["offices", "factories"]),
    Q("pd-yn-06", "yes_no", "Has Harrowdale Water ever had a non-essential use ban?",
      "No, it has never needed one.",
      [["never needed"]], [x(PLAN, PL_97)]),
    Q("pd-yn-07", "yes_no", "Would a drought like 1976 mean queuing at standpipes?",
      "No: it would bring a temporary use ban and a non-essential use ban, but with today's sources it would not need rota cuts or standpipes.",
      [["rota cuts or standpipes"]], [x(PLAN, PL_1976)], ["queuing"]),
    Q("pd-yn-08", "yes_no", "Do Blue Badge holders have to sign up to be allowed to use a hosepipe?",
      "No: the exemption applies to them automatically.",
      [["automatically"]], [x(NEWS, NW_FAQ_AUTO)], ["sign up to be allowed"]),
    Q("pd-yn-09", "yes_no", "Are standpipes expected this summer?",
      "No: rota cuts and standpipes are not expected.",
      [["not expected"]], [x(DECK, DK_ROTA)]),
    # --- headings -----------------------------------------------------------------------------
    Q("pd-hd-01", "heading", "Which section of the drought plan covers hosepipe bans?",
      "Section 3.2, Temporary use bans.",
      [["3.2"]], [x(PLAN, "3.2 Temporary use bans")]),
    Q("pd-hd-02", "heading", "Which section of the plan explains the drought levels?",
      "Section 2.2, Drought levels.",
      [["2.2"]], [x(PLAN, "2.2 Drought levels")]),
    Q("pd-hd-03", "heading", "What is section 4.2 of the drought plan called?",
      "Bulk transfers.",
      [["Bulk transfers"]], [x(PLAN, "4.2 Bulk transfers")]),
    Q("pd-hd-04", "heading", "Which part of the plan is about help for elderly or disabled customers?",
      "Section 6.2, Customers who need extra help.",
      [["6.2"]], [x(PLAN, "6.2 Customers who need extra help")], ["elderly", "disabled"]),
    Q("pd-hd-05", "heading", "Under which heading does the plan describe rota cuts and standpipes?",
      "4.4 Emergency measures.",
      [["Emergency measures"]], [x(PLAN, "4.4 Emergency measures")]),
    Q("pd-hd-06", "heading", "What's the title of the slide about the interconnector and the boreholes?",
      "Bringing in more water.",
      [["Bringing in more water"]], [x(DECK, "Bringing in more water")], ["slide"]),
    Q("pd-hd-07", "heading", "Under what heading does Waterlines give its tips for saving water?",
      "Five ways to save water.",
      [["Five ways to save water"]], [x(NEWS, "Five ways to save water")], ["tips"]),
    Q("pd-hd-08", "heading", "Which section of the plan says how much money a drought costs?",
      "Section 8.3, The cost of a drought.",
      [["8.3"]], [x(PLAN, "8.3 The cost of a drought")], ["money"]),
    # --- comparison ---------------------------------------------------------------------------
    Q("pd-cmp-01", "comparison", "How did reservoir storage on 14 June compare with normal for the time of year?",
      "61%, against 83% normal for mid-June; the June Drought Control line is 65%.",
      [["61%"], ["83%"]], [x(DECK, DK_61), x(DECK, DK_NORMAL)]),
    Q("pd-cmp-02", "comparison", "How much did storage fall between the Forum briefing and the customer news?",
      "From 61% on 14 June to 57% on 21 June.",
      [["61%"], ["57%"]], [x(DECK, DK_61), x(NEWS, NW_57), x(NEWS, NW_WATCH_ALL)]),
    Q("pd-cmp-03", "comparison", "How does leakage now compare with 2024-25 and with the target?",
      "79 Ml/d in the 12 months to May 2026, down from 84 Ml/d in 2024-25; the target is 71 Ml/d by 2029-30.",
      [["79"], ["84"]], [x(DECK, DK_LEAK), x(DECK, DK_LEAK_OLD), x(DECK, DK_TARGET), x(NEWS, NW_79)]),
    Q("pd-cmp-04", "comparison", "How did the busiest day of June 2026 compare with the busiest day the year before?",
      "487 Ml/d on 12 June 2026, against 468 Ml/d on 18 July 2025.",
      [["487"], ["468"]], [x(DECK, DK_RECORD), x(PLAN, PL_PEAK)], ["busiest day"]),
    Q("pd-cmp-05", "comparison", "Which reservoir was emptiest on 14 June, and which was fullest?",
      "Stanmoor was lowest at 55%; Thornmere was fullest at 69%.",
      [["Stanmoor"], ["Thornmere"]], [x(DECK, DK_STANMOOR), x(DECK, DK_THORNMERE)], ["emptiest", "fullest"]),
    Q("pd-cmp-06", "comparison", "Which saves more water, a hosepipe ban or a non-essential use ban?",
      "A hosepipe ban: about 5% of demand, 20 Ml/d; a non-essential use ban saves a further 3%, about 12 Ml/d.",
      [["20 Ml/d"], ["12 Ml/d"]], [x(PLAN, PL_TUB_SAVE), x(PLAN, PL_NEUB_SAVE)]),
    Q("pd-cmp-07", "comparison", "How much quicker are leaks being patched up now than in May?",
      "The average repair time fell from 5.1 days in May to 2.8 days (just over five days to under three).",
      [["5.1 days"], ["2.8 days"]], [x(DECK, DK_REPAIR), x(NEWS, NW_TALLANT)], ["quicker", "patched up"]),
    Q("pd-cmp-08", "comparison", "How has the Priority Services Register grown since December 2025?",
      "From 48,200 households in December 2025 to 51,300 in June 2026, up 3,100.",
      [["48,200"], ["51,300"]], [x(PLAN, PL_48200), x(DECK, DK_PSR), x(DECK, DK_UP)]),
    # --- disagreement -------------------------------------------------------------------------
    Q("pd-dg-01", "disagreement", "The Forum briefing and the customer news give different start dates for the ban. Which is right?",
      "Monday 6 July: the briefing's Wednesday 1 July was corrected after more than 2,300 customers and organisations sent their views and everyone was given five more days.",
      [["6 July"], ["1 July"]], [x(DECK, DK_STARTS), x(NEWS, NW_CORRECTION), x(DECK, DK_KEY_START)]),
    Q("pd-dg-02", "disagreement", "How much water can the Pellham interconnector bring in?",
      "The plan (March 2026) says up to 15 Ml/d; the Forum briefing and Waterlines say up to 20 Ml/d since the pumping station upgrade in April 2026.",
      [["15"], ["20"]], [x(PLAN, PL_15), x(DECK, DK_UPGRADE), x(NEWS, NW_20)]),
    Q("pd-dg-03", "disagreement", "Why did the start date of the hosepipe ban change?",
      "More than 2,300 customers and organisations sent their views, so everyone was given five more days to respond: the start moved from 1 July to 6 July.",
      [["2,300"], ["five more days"]], [x(NEWS, NW_CORRECTION)]),
    Q("pd-dg-04", "disagreement", "The plan samples the river weekly only while a drought permit is in force. Is that what happened in June 2026?",
      "No: sampling went weekly from 9 June, when Level 2 was declared, although the Stanmoor permit was only applied for on 11 June and was still awaiting a decision.",
      [["every week"], ["weekly since 9 June"]],
      [x(PLAN, PL_SAMPLING), x(DECK, DK_SITES), x(DECK, DK_PERMIT), x(NEWS, NW_WEEKLY)]),
    # --- multi-document ---------------------------------------------------------------------------
    Q("pd-md-01", "multi_doc", "What am I not allowed to do with a garden hose during the ban, and who gets a pass?",
      "Watering a garden or allotment, cleaning a car or boat, filling pools, ponds (unless with fish) or fountains, cleaning walls, windows, paths or patios; exempt: Blue Badge holders, customers with medical need on the Priority Services Register, new turf for 28 days, water butts and grey water, businesses.",
      [["garden"], ["Blue Badge"]],
      [x(PLAN, PL_BAN_GARDEN), x(PLAN, PL_EX_BADGE), x(NEWS, NW_BAN_GARDEN), x(NEWS, NW_BADGE), x(PLAN, PL_BAN_CAR), x(PLAN, PL_EX_TURF), x(NEWS, NW_TURF)], ["garden hose", "gets a pass"]),
    Q("pd-md-02", "multi_doc", "Why was Level 2 declared in June 2026?",
      "Storage fell below the Drought Control line, 65% for June: combined storage was 61% on 14 June.",
      [["65%"], ["61%"]], [x(PLAN, PL_JUNE_ROW), x(DECK, DK_CONTROL), x(DECK, DK_61)]),
    Q("pd-md-03", "multi_doc", "How long would a non-essential use ban take to bring in, and is one being prepared?",
      "A drought order usually takes about six weeks; an application was being drafted in June, with Level 3 possible by late August.",
      [["6 weeks"], ["being drafted"]], [x(PLAN, PL_ORDER), x(DECK, DK_ORDER), x(DECK, DK_DRAFTING)]),
    Q("pd-md-04", "multi_doc", "How much water is coming in from the next-door company through the Pellham pipe, and what does it cost?",
      "14 Ml/d since 10 June, at £410 per megalitre in 2026.",
      [["14 Ml/d"], ["£410"]], [x(DECK, DK_PELLHAM), x(PLAN, PL_410)], ["next-door"]),
    Q("pd-md-05", "multi_doc", "What is the Stanmoor drought permit, and when is it decided?",
      "It cuts the compensation release into the River Seln from 18 Ml/d to 11 Ml/d (7 Ml/d more); applied for on 11 June, a decision was due by 9 July.",
      [["18 Ml/d"], ["9 July"]], [x(PLAN, PL_T5_STANMOOR), x(DECK, DK_PERMIT)]),
    Q("pd-md-06", "multi_doc", "When will the hosepipe ban be lifted?",
      "When combined storage has stayed above the Drought Control line for four weeks in a row and the next eight weeks' forecasts do not show it falling below again; after a dry summer it could last into the autumn.",
      [["four weeks in a row"]], [x(PLAN, PL_LIFT), x(NEWS, NW_LIFT), x(NEWS, NW_AUTUMN)]),
    Q("pd-md-07", "multi_doc", "What help is there for people who need water for medical reasons during the drought?",
      "They are exempt from the ban if on the Priority Services Register, and if their supply is interrupted bottled water is delivered within 12 hours.",
      [["Priority Services Register"], ["12 hours"]],
      [x(PLAN, PL_EX_PSR), x(PLAN, PL_12H), x(NEWS, NW_12H), x(DECK, DK_BOTTLED)]),
    Q("pd-md-08", "multi_doc", "What could the Stanmoor permit do to the river's wildlife, and how is it watched?",
      "It leaves less water in the Seln, home to white-clawed crayfish and brown trout; 14 sites are sampled weekly, and the full release is restored if dissolved oxygen stays below 5 mg per litre for three days.",
      [["crayfish"], ["14 sites"]], [x(PLAN, PL_CRAYFISH), x(PLAN, PL_OXYGEN), x(DECK, DK_SITES)], ["wildlife"]),
    # --- overview -----------------------------------------------------------------------------
    Q("pd-ov-01", "overview", "What is the drought plan about?",
      "How Harrowdale Water watches for drought, its five drought levels, the actions at each level (from appeals to hosepipe bans, permits and emergency measures), and how it protects the environment and its customers.",
      [["five drought levels"], ["environment"]], [x(PLAN, PL_SUMMARY)]),
    Q("pd-ov-02", "overview", "Summarise the presentation to the Customer Forum.",
      "Level 2 declared on 9 June after a very dry spring; storage 61% and record demand; a hosepipe ban from 1 July; leakage down with extra crews; more water from the interconnector, boreholes and permits; river monitoring; help for customers; what happens if it stays dry.",
      [["Level 2"], ["1 July"]], [x(DECK, DK_L2), x(DECK, DK_BAN_FROM), x(DECK, DK_61)], ["presentation"]),
    Q("pd-ov-03", "overview", "What are these three documents?",
      "Harrowdale Water's Drought Plan 2026 (version 3.0), the drought update given to the Harrowdale Customer Forum on 16 June 2026, and issue 41 of Waterlines, its news for customers (Summer 2026).",
      [["Drought Plan 2026"], ["Customer Forum"], ["Waterlines"]],
      [x(PLAN, PL_TITLE, 1), x(PLAN, PL_SUBTITLE), x(PLAN, PL_STATUS), x(DECK, DK_COVER), x(NEWS, NW_MASTHEAD), x(NEWS, "Waterlines is published by Harrowdale Water Ltd"), x(NEWS, NW_ISSUE)]),
    Q("pd-ov-04", "overview", "What's in the summer newsletter?",
      "The hosepipe ban from 6 July (with a correction of the date), what it means and how long it may last, faster leak repairs, water from Eastmarch Water, help for customers who need it, water-saving tips, questions and answers, and the next Forum meeting.",
      [["6 July"]], [x(NEWS, NW_LEAD), x(NEWS, NW_CREWS), x(NEWS, NW_IMPORT)], ["newsletter"]),
    Q("pd-ov-05", "overview", "What are the drought levels?",
      "Five: 0 Normal, 1 Developing drought, 2 Drought, 3 Severe drought, 4 Emergency.",
      [["Developing drought"], ["Severe drought"], ["Emergency"]],
      [x(PLAN, PL_FIVE), x(PLAN, "Developing drought"), x(PLAN, "Severe drought"), x(PLAN, PL_L4_ACTION)]),
    Q("pd-ov-06", "overview", "What lessons came out of the drought rehearsal?",
      "Three things: about 11% of Priority Services Register contact details were out of date; drafting the ban notice took four days instead of one; it was unclear who could approve weekend working for leak crews.",
      [["11%"], ["four days"]], [x(PLAN, PL_EX1), x(PLAN, PL_EX2), x(PLAN, PL_EX3)], ["lessons", "rehearsal"]),
    # --- follow-ups -----------------------------------------------------------------------------
    Q("pd-fu-01", "follow_up", "Which zone does it feed?",
      "The North Calder zone.",
      [["North Calder"]], [x(PLAN, PL_15)],
      history=hist("What is the Pellham interconnector?",
                   "A 14 km main from Eastmarch Water's Deeping Moor treatment works to Harrowdale Water's service reservoir at Pellham, completed in 2024.")),
    Q("pd-fu-02", "follow_up", "What did he say about the hosepipe ban?",
      "\"Nobody wants a hosepipe ban, and we have done everything we can to avoid one\"; the reservoirs are lower than at any time since 2011.",
      [["Nobody wants a hosepipe ban"], ["since 2011"]], [x(NEWS, NW_CEO), x(NEWS, NW_CEO_2011)],
      history=hist("Who is Harrowdale Water's Chief Executive?", "Callum Prideaux.")),
    Q("pd-fu-03", "follow_up", "How much can they supply, and for how long?",
      "Together 6 Ml/d, for up to six months.",
      [["6 Ml/d"], ["six months"]], [x(PLAN, PL_BOREHOLES)],
      history=hist("What are Kessing 4 and Kessing 5?",
                   "Boreholes in the Bracken Edge chalk that Harrowdale Water keeps in reserve for droughts.")),
    Q("pd-fu-04", "follow_up", "And Level 1?",
      "Level 1 (developing drought) had been in force since 28 April.",
      [["28 April"]], [x(DECK, DK_L1)],
      history=hist("When was Level 2 declared?", "On 9 June 2026.")),
    Q("pd-fu-05", "follow_up", "How far ahead does it have to be announced?",
      "The notice must be published at least 14 days before the ban starts.",
      [["14 days"]], [x(PLAN, PL_14DAYS)],
      history=hist("What is a temporary use ban?",
                   "A hosepipe ban: it stops household customers from using a hosepipe for certain purposes.")),
    Q("pd-fu-06", "follow_up", "How often does it meet once a drought has started?",
      "Weekly from Level 1 and twice a week from Level 3 (monthly from March to October at Level 0).",
      [["weekly from Level 1"]], [x(PLAN, PL_MEETS)],
      history=hist("What is the Drought Management Group?",
                   "The group that runs Harrowdale Water's response to a drought.")),
    Q("pd-fu-07", "follow_up", "What did they change because of it?",
      "They now keep a ready-made notice for each zone.",
      [["ready-made notice"]], [x(PLAN, PL_EX2)],
      history=hist("What did Exercise Dry Ridge find about the notice of a ban?",
                   "Drafting it took four days instead of one.")),
    Q("pd-fu-08", "follow_up", "How long has he been in the job?",
      "Not given: Keir Tallant is named only as the Leakage Manager.",
      history=hist("Who is the Leakage Manager?", "Keir Tallant.")),
    Q("pd-fu-09", "follow_up", "And how much could it carry at most?",
      "Up to 20 Ml/d since the Pellham pumping station upgrade in April 2026.",
      [["20 Ml/d"]], [x(DECK, DK_UPGRADE)],
      history=hist("How much water was coming through the Pellham interconnector in June?",
                   "14 Ml/d, since 10 June.")),
    # --- false premises -------------------------------------------------------------------------
    Q("pd-fp-01", "false_premise", "Why does the hosepipe ban only cover the North Calder zone?",
      "It does not: it applies to every home, in all three supply zones.",
      [["all three"]], [x(DECK, DK_ALL_HOMES), x(NEWS, NW_FROM)]),
    Q("pd-fp-02", "false_premise", "Why are car valeting firms banned from using hosepipes?",
      "They are not: businesses for which water is part of their trade, such as car valeting, are not covered.",
      [["car valeting"]], [x(PLAN, PL_EX_BUSINESS), x(NEWS, NW_VALET)]),
    Q("pd-fp-03", "false_premise", "Why is Harrowdale Water planning rota cuts for August?",
      "It is not: rota cuts and standpipes are not expected; if July is dry, Level 3 (a non-essential use ban) is possible by late August.",
      [["not expected"]], [x(DECK, DK_ROTA), x(DECK, DK_JULY)]),
    Q("pd-fp-04", "false_premise", "How many people were taken to court during the 2011 hosepipe ban?",
      "None: Harrowdale Water wrote to 214 customers who were reported and took nobody to court.",
      [["nobody to court"], ["214"]], [x(PLAN, PL_214)]),
    Q("pd-fp-05", "false_premise", "Why did Harrowdale Water skip Level 1 this year?",
      "It did not: Level 1 (developing drought) was in force from 28 April, before Level 2 on 9 June.",
      [["28 April"]], [x(DECK, DK_L1)]),
    # --- paraphrases of single facts ------------------------------------------------------------
    Q("pd-pa-01", "paraphrase", "How many people get their water from Harrowdale Water?",
      "About 1.38 million.",
      [["1.38 million"]], [x(PLAN, PL_PEOPLE)], paraphrase_of="pd-sf-01"),
    Q("pd-pa-02", "paraphrase", "What's the largest penalty a court can impose for ignoring the hosepipe ban?",
      "A fine of up to £1,000.",
      [["£1,000"]], [x(PLAN, PL_FINE), x(NEWS, NW_FAQ_FINE)], ["penalty"], paraphrase_of="pd-sf-11"),
    Q("pd-pa-03", "paraphrase", "For how many days did the 2011 hosepipe ban run?",
      "97 days.",
      [["97 days"]], [x(NEWS, NW_97)], paraphrase_of="pd-sf-09"),
    Q("pd-pa-04", "paraphrase", "How long before a hosepipe ban starts does it have to be announced?",
      "At least 14 days.",
      [["14 days"]], [x(PLAN, PL_14DAYS)], paraphrase_of="pd-sf-10"),
    Q("pd-pa-05", "paraphrase", "What share of the water put into supply leaked away in 2024-25?",
      "21%, or 84 Ml/d.",
      [["21%"]], [x(PLAN, PL_LEAK)], ["leaked away"], paraphrase_of="pd-sf-05"),
    # --- plausible but unanswerable -------------------------------------------------------------
    Q("pd-un-01", "unanswerable", "How much did the upgrade of the Pellham pumping station cost?",
      "Not given: the upgrade (April 2026) is mentioned without a cost."),
    Q("pd-un-02", "unanswerable", "What is the average household water bill?",
      "Not given: the documents give no charges, only that they are not raised during a drought.",
      terms=["bill"]),
    Q("pd-un-03", "unanswerable", "What was combined reservoir storage at the end of May 2026?",
      "Not given: only 14 June (61%) and 21 June (57%) are reported."),
    Q("pd-un-04", "unanswerable", "On what date will the hosepipe ban end?",
      "Not known: it ends when storage has stayed above the Drought Control line for four weeks in a row; no date is given."),
    Q("pd-un-05", "unanswerable", "How many employees does Harrowdale Water have?",
      "Not given: only that 62 staff took part in the exercise.", terms=["employees"]),
    Q("pd-un-06", "unanswerable", "How much water does the Deeping Moor treatment works produce?",
      "Not given."),
    Q("pd-un-07", "unanswerable", "How long is the River Seln from source to sea?",
      "Not given: only the 19 km between Stanmoor Reservoir and Calderwick.", terms=["source to sea"]),
    Q("pd-un-08", "unanswerable", "How many white-clawed crayfish live in the River Seln?",
      "Not given: only that crayfish were found at 11 of 14 sites."),
    Q("pd-un-09", "unanswerable", "How much did the drill in October 2025 cost?",
      "Not given.", terms=["drill"]),
    Q("pd-un-10", "unanswerable", "What did the Customer Forum say about the ban notice?",
      "Not given: the briefing asked for comments by 24 June, but none are reported."),
    Q("pd-un-11", "unanswerable", "How deep is the Hollins Farm borehole?",
      "Not given: only its trigger levels (31.5 and 29.0 metres above sea level)."),
    Q("pd-un-12", "unanswerable", "What is the weather forecast for July?",
      "Not given: the briefing only says what would happen if July rainfall were below 60% of average."),
    Q("pd-un-13", "unanswerable", "Which golf courses would be hit by a non-essential use ban?",
      "Not given: golf courses are mentioned only in general.", terms=["hit"]),
    Q("pd-un-14", "unanswerable", "How many households have a Blue Badge?",
      "Not given."),
    Q("pd-un-15", "unanswerable", "Is Harrowdale Water's tap water soft?",
      "Not given: water quality is not described.", terms=["tap water", "soft"]),
    Q("pd-un-16", "unanswerable", "How long does a Home Water Check visit take?",
      "Not given: only how many are carried out (about 3,000 a year; 1,000 a month at Levels 1 and 2)."),
    Q("pd-un-17", "unanswerable", "What were the trigger lines in the 2022 drought plan?",
      "Not given: only the current lines and what changed since 2022."),
    Q("pd-un-18", "unanswerable", "Does Harrowdale Water fit free water meters?",
      "Not given: meters are not mentioned.", terms=["meters"]),
    Q("pd-un-19", "unanswerable", "What is the Chief Executive's salary?",
      "Not given.", terms=["salary"]),
    Q("pd-un-20", "unanswerable", "How much water does the Kessing Coast zone use per day?",
      "Not given: only that its use was up 19% on May."),
    Q("pd-un-21", "unanswerable", "Who was Director of Water Resources before Dr Haverkamp?",
      "Not given."),
    Q("pd-un-22", "unanswerable", "How many public meetings were held during the 2025 consultation?",
      "Not given: only that it ran from 6 October to 1 December 2025 and drew 412 responses."),
    Q("pd-un-23", "unanswerable", "Who is the boss of Eastmarch Water?",
      "Not given: nobody at Eastmarch Water is named.", terms=["boss"]),
    Q("pd-un-24", "unanswerable", "How much bottled water does Harrowdale Water keep in stock for emergencies?",
      "Not given: only that bottled water is delivered within 12 hours to customers with a medical need.",
      terms=["in stock"]),
    Q("pd-un-25", "unanswerable", "How many customers were reported for ignoring the ban in its first week?",
      "Not given: the only such figure is from 2011 (214 customers written to)."),
    Q("pd-un-26", "unanswerable", "How much of the £4.8 million went on monitoring the river?",
      "Not given: monitoring and administration together are the rest of the £4.8 million, not broken down."),
    Q("pd-un-27", "unanswerable", "Can I fill a hot tub during the hosepipe ban?",
      "Not given: the documents list swimming pools and paddling pools but say nothing about hot tubs.",
      terms=["hot tub"]),
    Q("pd-un-28", "unanswerable", "What will the Water Standards Commission decide about the Stanmoor permit?",
      "Not known: a decision was due by 9 July; none is reported."),
]
# fmt: on


# --- building ---------------------------------------------------------------------------------
def _tolerant(docs: dict[str, str], doc_id: str, quote: str, nth: int | None) -> tuple | None:
    """A quote in a table that the reader wrote as pipe rows ("| June | 80% | 65% |"): a space
    of the quote matches any run of whitespace and "|"; None when that does not find it."""
    pattern = r"[\s|]+".join(re.escape(word) for word in quote.split())
    found = [m.group(0) for m in re.finditer(pattern, docs[doc_id])]
    if not found:
        return None
    if len(found) > 1 and nth is None:
        raise ValueError(f"{len(found)} matches in {doc_id} for {quote!r}")
    return (doc_id, found[nth or 0], nth) if len(found) > 1 else (doc_id, found[0])


def resolve(docs: dict[str, str], evidence: tuple) -> tuple | None:
    """(doc_id, exact text[, nth]) of a quote written with single spaces (common.located), or
    None when the text as ingest reads it does not hold it (say, over a page break)."""
    doc_id, quote, *rest = evidence
    nth = rest[0] if rest else None
    try:
        return located(docs, doc_id, quote, nth)
    except ValueError as exc:
        if not str(exc).startswith("0 matches"):
            raise
    return _tolerant(docs, doc_id, quote, nth)


def _page_breaks(doc_id: str) -> list[int]:
    from ingest.readers import SourceFile, read_document

    read = read_document(SourceFile(DOCS_DIR / doc_id, doc_id))
    return [end for _, end, _ in read.pages[:-1]]


def build(write: bool = True) -> list[dict]:
    global EVERYDAY_TERMS
    if write:
        write_documents()
    else:
        check_documents()
    docs = read_documents(DOCS_DIR)
    breaks = {doc_id: _page_breaks(doc_id) for doc_id in docs}
    items, missing, crossing = [], [], []
    for q in NEW:
        found = [(e, resolve(docs, e)) for e in q.evidence]
        lost = [e for e, r in found if r is None]
        if lost:
            missing += [(q.id, e[0], e[1]) for e in lost]
            continue
        item = replace(q, evidence=[r for _, r in found]).to_item(docs)
        for span in item["evidence"]:
            if any(span["start"] < b < span["end"] for b in breaks[span["doc_id"]]):
                crossing.append((q.id, span["doc_id"]))
        items.append(item)
    kept = {it["id"] for it in items}
    EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms and q.id in kept}
    items = finish(CORPUS, items, EVERYDAY_TERMS, write)
    if write:
        print(f"{len(items)} questions written; {len(NEW) - len(items)} left out")
        for qid, doc_id in crossing:
            print(f"  located over a page break: {qid} ({doc_id})")
    if missing:
        print("\nQUOTES NOT FOUND in the text as ingest reads the PDFs (a sentence over a page "
              "break?); these questions are left out until they are found:")  # fmt: skip
        for qid, doc_id, quote in missing:
            print(f"  {qid} [{doc_id}]: {quote!r}")
    return items


EVERYDAY_TERMS: dict[str, list[str]] = {}  # filled by build(): only the questions it writes


if __name__ == "__main__":
    if "--docs" in sys.argv:  # write the PDFs and print their text as ingest reads it
        write_documents()
        for doc_id, text in read_documents(DOCS_DIR).items():
            print(f"===== {doc_id} ({len(text.split())} words)\n{text}")
    else:
        build()
