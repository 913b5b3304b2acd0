"""Build evals/data/community/questions.jsonl: questions over four everyday local documents
from the fictional town of Wendlecombe (documents written for this eval, CC0-1.0): a
hard-wrapped residential tenancy agreement with numbered clauses and a schedule, a community
grant call in plain text with UPPERCASE headings and "-" bullet lists, a primary school's
end-of-term newsletter in Markdown with a dates table, and a council leaflet on bins and
recycling with dotted table-like lines.

Run: python evals/data/_tools/build_community.py, then python -m evals.dataset --check community
Evidence offsets come from the documents, never typed: each quote is written here with single
spaces and located with a regex in which a space matches any run of whitespace (the tenancy
agreement is hard-wrapped with indented continuation lines, the leaflet's lists are indented),
so the stored quote is the documents' exact text[start:end], newlines included.
"""

from __future__ import annotations

from functools import partial

from common import Q, corpus_docs, finish, hist, located

TA = "tenancy-agreement.txt"
GC = "grant-call-spark-fund-2026.txt"
NL = "saltings-primary-newsletter-autumn-2025.md"
BN = "bins-and-recycling-2026.txt"
DOCS = corpus_docs("community")

x = partial(located, DOCS)  # (doc_id, exact text[, nth]) of a quote written with single spaces


# --- quotes used more than once ---------------------------------------------------------------
T_TITLE = "ASSURED SHORTHOLD TENANCY AGREEMENT"
T_LANDLORD = '(1) Fenella Gorrie, of 3 Chantry Close, Wendlecombe (the "Landlord").'
T_TENANT = '(2) Tobias Arkwright and Leonie Varga (together the "Tenant").'
T_AGENT = (
    "(3) Harbour & Lyle Lettings Ltd, 22 Market Street, Wendlecombe, who manage the Property "
    'for the Landlord (the "Agent").'
)
T_PROPERTY = (
    '1.1 "the Property" means Flat 2, 14 Ropewalk Terrace, Saltings, Wendlecombe, with the '
    "furniture and appliances listed in the Schedule"
)
T_TERM = (
    "The tenancy is for a fixed term of 12 months, beginning on 1 September 2025 and ending on "
    "31 August 2026."
)
T_RENT = (
    'The rent is £1,085 per calendar month (the "Rent"), payable in advance on the 1st day of '
    "each month."
)
T_CASH = "The Agent does not accept cash or cheques."
T_INTEREST = (
    "If any Rent is still unpaid 14 days after it is due, the Tenant must pay interest on it at "
    "3% a year above the Bank of England base rate until it is paid."
)
T_REVIEW = (
    "The Landlord may review the Rent once in any period of 12 months, but not before "
    "1 September 2026, and must give at least one month's written notice of any increase."
)
T_BILLS = (
    "The Tenant is responsible for council tax, gas, electricity, water charges, broadband and "
    "the television licence."
)
T_INSURANCE = (
    "The Landlord pays the buildings insurance and the service charge for the Common Parts."
)
T_DEPOSIT = (
    'On signing this agreement the Tenant must pay a deposit of £1,250 (the "Deposit"), which '
    "the Agent will protect with the Kingsgate Deposit Protection Service within 30 days of "
    "receiving it."
)
T_DEDUCTIONS = (
    "The Landlord must propose any deductions in writing within 10 Working Days after the "
    "Tenant has moved out and returned the keys."
)
T_OCCUPIERS = (
    "The Tenant must use the Property as a private home only, and must not allow more than "
    "three people in total to live there."
)
T_BUSINESS = (
    "The Tenant must not sublet the Property or take in lodgers. Working from home is allowed, "
    "but not a business that receives customers."
)
T_NOISE = "The Tenant must keep noise to a minimum between 23:00 and 07:00."
T_WASTE = (
    "The Tenant must put waste and recycling out only on the day of collection and must return "
    "the containers to the bin store the same day."
)
T_HOOKS = (
    "The Tenant must not redecorate or change the locks without the Landlord's written consent, "
    "but may hang pictures using up to ten small picture hooks in each room."
)
T_EMERGENCY = (
    "In an emergency (a water leak, a smell of gas, or a loss of heating between October and "
    "April) the Tenant must also telephone the Agent's out-of-hours line on 01632 960 771 "
    "straight away."
)
T_LANDLORD_REPAIRS = (
    "The Landlord is responsible for keeping in repair the structure and exterior of the "
    "Property (including drains and gutters), the installations for water, gas and "
    "electricity, the bath, basins and toilet, the boiler and radiators, and the appliances "
    "listed in Part 2 of the Schedule."
)
T_SPEED = (
    "The Landlord will start urgent repairs within 24 hours of being told about them and other "
    "repairs within 14 days."
)
T_TENANT_REPAIRS = (
    "The Tenant is responsible for replacing light bulbs and alarm batteries, clearing "
    "blockages caused by the Tenant's own use, and making good any damage caused by the "
    "Tenant, the Tenant's visitors or the Permitted Pet."
)
T_TRADES = (
    "The Tenant must not instruct tradespeople at the Landlord's expense, except in an "
    "emergency when the Agent cannot be reached, and then only up to £250."
)
T_ACCESS = (
    "Except in an emergency, the Tenant must be given at least 24 hours' written notice of a "
    "visit. Visits will take place between 09:00 and 19:00 on weekdays or between 10:00 and "
    "16:00 on Saturdays, and never on a Sunday."
)
T_VIEWINGS = (
    "during the last two months of the tenancy, to show it to prospective tenants or buyers."
)
T_PET = (
    'The Tenant may keep the cat described in Part 4 of the Schedule (the "Permitted Pet"). No '
    "other animal may be kept without the Landlord's written consent, which will not be "
    "unreasonably refused, except fish in a tank of up to 60 litres."
)
T_PET_END = (
    "At the end of the tenancy the Tenant must have the carpets professionally cleaned and the "
    "Property treated for fleas."
)
T_PERIODIC = (
    "During a periodic tenancy the Tenant may end the tenancy by giving at least one month's "
    "written notice, ending on the last day of a rental period. The Landlord must give at least "
    "two months' notice, in the form required by law."
)
T_BREAK = (
    "Break clause: either party may end the tenancy on any date from 1 March 2026 onwards by "
    "giving written notice of at least one month (if the Tenant gives notice) or at least two "
    "months (if the Landlord gives notice)."
)
T_KEYS_BACK = "On the last day of the tenancy the Tenant must return all keys to the Agent by 12:00"
T_APPLIANCES = (
    "Gas combination boiler, washer-dryer, fridge-freezer, electric oven with a four-ring gas "
    "hob, and microwave."
)
T_KEYS = "Two street door keys, two flat door keys, one bicycle store fob and one window lock key."
T_CAT = "One adult neutered cat called Marmalade, owned by Leonie Varga."

G_TITLE = "NEIGHBOURHOOD SPARK FUND 2026: CALL FOR APPLICATIONS"
G_DATES = "Round 7. Opens: Monday 2 February 2026. Closes: 12:00 noon on Monday 16 March 2026."
G_POT = "This year there is £120,000 to award."
G_ROUND6 = "In Round 6 we received 143 applications and funded 41 of them."
G_ACHEBE = (
    'Our chief executive, Rosalind Achebe, said: "Some of the best ideas we fund cost less than '
    "a second-hand car."
)
G_OLDER = "reduce loneliness among people aged 65 and over;"
G_YOUNG = "offer free or low-cost activities for young people aged 11 to 18 in the school holidays;"
G_SMALL = "Small grants: from £500 to £2,500. Any eligible group can apply."
G_LARGE = (
    "Larger grants: from £2,501 to £10,000. Only groups that can send at least one year of "
    "annual accounts can apply."
)
G_MATCH = (
    "Grants can pay for up to 100% of a project's costs. You do not need match funding, but "
    "tell us about any volunteer time or donated goods."
)
G_COMPLETE = (
    "Projects must be completed within 12 months of the grant being paid, and no later than "
    "31 March 2027."
)
G_INCOME = "has an annual income of less than £250,000;"
G_PTA = (
    "Schools cannot apply directly. A parent-teacher association that is a registered charity "
    "can apply, but only for things that the school's own budget would not pay for and that "
    "are open to the wider community outside school hours."
)
G_INDIVIDUALS = "individuals, or grants passed on to individuals;"
G_RELIGION = (
    "activities that promote religious belief (faith groups can apply for activities open to "
    "everyone);"
)
G_VEHICLES = "buying or leasing vehicles;"
G_SESSION = (
    "Tuesday 10 February 2026, 18:30 to 19:30: online information session (book a place by e-mail)."
)
G_DROPIN = (
    "Saturday 21 February 2026, 10:00 to 13:00: drop-in help session at Wendlecombe Central "
    "Library, Kiln Street."
)
G_CLOSING = (
    "Monday 16 March 2026, 12:00 noon: closing date. Late applications will not be accepted."
)
G_DECISION = "By Thursday 30 April 2026: every applicant is told the decision by e-mail."
G_NEED = "Community need: 30%."
G_INVOLVE = "Involvement of local people: 25%."
G_DELIVER = "Deliverability: 20%."
G_VALUE = "Value for money: 15%."
G_LASTING = "Lasting benefit: 10%."
G_PASS = (
    "Applications that score less than 60% overall will not be funded, however much money is left."
)
G_PANEL = (
    "The panel is chaired by Councillor Dev Rathore and includes two residents chosen from the "
    "Foundation's community reviewers."
)
G_PAYMENT = (
    "We pay 80% of the grant when you accept our offer and the remaining 20% when we receive "
    "your end-of-grant report."
)
G_REPORT_DUE = "It is due within two months of the end of the project."
G_OFFICER = "Grants officer: Marisol Pennick"
G_PHONE = "Telephone: 01632 960 418 (Monday to Thursday, 09:30 to 16:00)"

N_TITLE = "End of Autumn Term Newsletter, Friday 19 December 2025"
N_SCHOOL = "A community primary school for children aged 4 to 11. Head teacher: Mrs Alison Marwood."
N_PUPILS = "Our 312 children have worked hard"
N_DEN = (
    "The highlight for many of us was the opening of the new reading den in the library on "
    "14 October."
)
N_AMBROSE = (
    "It was opened by the children's author Priya Ambrose, who told our Year 5 pupils: \"Every "
    "writer I know started out as a reader who could not put a book down."
)
N_ZARA = (
    'Its chair, Zara in Year 6, said at our last assembly: "We asked for more benches on the '
    "playground and we got three. Next we want a quiet corner for people who don't want to "
    'play football."'
)
N_ATTENDANCE = "Whole-school attendance this term was 96.2%, just above our target of 96%."
N_ROWAN = (
    "Class Rowan (Year 4) had the best attendance, at 98.7%, and has won the attendance trophy "
    "for the term."
)
N_GATES = "the gates open at 8:40am and the register is taken at 8:50am."
N_QUILL = (
    "This term we say goodbye to Mrs Eleanor Quill, who retires after 22 years of teaching at "
    "Saltings."
)
N_QUILL_SAYS = (
    'Mrs Quill told me: "I have loved every single year here. I shall miss the children, and I '
    'shall even miss the sound of the bell."'
)
N_BRIGHTWELL = (
    "From January, Class Hazel (Year 2) will be taught by Mr Jonah Brightwell, who joins us "
    "from Oxley Green Primary."
)
N_PENHALLOW = (
    'Harriet Penhallow, chair of governors, thanked Mrs Quill at the carol service for "two '
    'decades of kindness, patience and glitter."'
)
N_TERM_ENDS = "| Friday 19 December | Term ends at 1:30pm |"
N_INSET = "| Monday 5 January | INSET day: school closed to pupils |"
N_STARTS = "| Tuesday 6 January | Spring term starts for pupils |"
N_SIGNUP_ROW = "| Friday 9 January | Last day to sign up for spring clubs |"
N_SWIM = (
    "| Tuesday 13 January | Year 3 swimming lessons begin at Wendlecombe Leisure Pool (every "
    "Tuesday until 24 March) |"
)
N_PARENTS_EVE = "| Wednesday 4 and Thursday 5 February | Parents' evenings, 3:30pm to 7:00pm |"
N_HALF_TERM = "| Monday 16 to Friday 20 February | Half term |"
N_RESIDENTIAL = (
    "| Monday 23 to Wednesday 25 March | Year 6 residential trip to Pennock Edge Outdoor Centre |"
)
N_RECEPTION = (
    "Children born between 1 September 2021 and 31 August 2022 are due to start Reception in "
    "September 2026."
)
N_CLUB_TIMES = "After-school clubs run from 3:15pm to 4:15pm."
N_FOOTBALL = "**Wednesday:** Football with Kickstart Coaching, Years 2 to 6, £2.00 a session"
N_CODING = "**Thursday:** Coding club, Years 5 and 6 only, £2.50 a session, 12 places"
N_FREE_CLUBS = [
    "**Monday:** Choir, Years 2 to 6, free",
    "**Tuesday:** Chess club, Years 3 to 6, free",
    "**Friday:** Art club, Reception to Year 2, free",
]
N_BREAKFAST = (
    "Breakfast club runs every school day from 7:45am in the hall, at £3.50 a morning (£2.50 "
    "for a second child from the same family)."
)
N_OWL = "Children can stay at Owl Club, our after-school care, until 5:45pm for £9.00 a session."
N_UNIFORM = (
    "From September 2026 the school sweatshirt and cardigan change from navy to bottle green, "
    "to match our new logo."
)
N_NAVY = "navy sweatshirts and cardigans can still be worn until July 2027."
N_EARRINGS = (
    "Children with newly pierced ears must remove their earrings for PE lessons; staff are not "
    "allowed to tape them over."
)
N_LOST = (
    "At the moment it holds 37 jumpers and cardigans, 14 water bottles, 9 coats and one left "
    "wellington boot (size 11)."
)
N_LOST_END = (
    "Anything not collected by Friday 16 January will go to the PTA's pre-loved uniform sale or "
    "to charity."
)
N_FAIR = (
    "Thank you to everyone who came to the Winter Fair on Saturday 29 November, which raised "
    "£2,846.50."
)
N_TERM_TOTAL = (
    "With the autumn disco (£612.00) and the Friday cake sales (£661.50), the PTA has raised "
    "**£4,120 this term**."
)
N_TRIM = (
    "The money goes towards a trim trail on the school field, which will cost £9,000 in total. "
    "The trim trail fund now stands at £6,300."
)
N_LOWTHER = (
    'PTA chair Gemma Lowther said: "We are so close. Because families from the estate will be '
    "able to use the trim trail at weekends, we plan to apply to the Neighbourhood Spark Fund "
    'for the last £2,700 when it opens in February."'
)
N_PTA_CHARITY = (
    "Saltings Primary PTA is a registered charity and publishes its annual accounts every "
    "September."
)

B_TITLE = "YOUR BINS AND RECYCLING: COLLECTIONS FROM 6 APRIL 2026"
B_WHY = (
    "From Monday 6 April 2026 collection days change in some parts of the district, because we "
    "are adding a new round for the homes being built at Stenning Park."
)
B_GREY = (
    "GREY BIN (general rubbish) .......... every 2 weeks Yes: nappies, cat litter and dog waste "
    "(bagged), crisp packets, plastic film and bags, polystyrene, used tissues"
)
B_BLUE = (
    "BLUE BIN (mixed recycling) .......... every 2 weeks, on the other week from the grey bin "
    "Yes: paper, cardboard (flattened), food and drink cans, empty aerosols, plastic bottles, "
    "pots, tubs and trays, food and drink cartons No: glass, shredded paper, plastic bags, "
    "nappies"
)
B_GLASS = (
    "GREEN BOX (glass) .......... every 2 weeks, with the blue bin Yes: glass bottles and jars, "
    "rinsed, with lids removed"
)
B_FOOD = (
    "FOOD CADDY .......... every week Yes: all cooked and uncooked food, tea bags, coffee "
    "grounds, bones, eggshells"
)
B_GARDEN = (
    "BROWN BIN (garden waste, by subscription) .......... every 2 weeks, March to November Yes: "
    "grass cuttings, leaves, hedge trimmings, small branches up to 10 cm thick"
)
B_AREA2 = "Area 2: Saltings, Harbourside, Kiln Street .......... Tuesday"
B_AREA3 = "Area 3: Brookfield, Millbank .......... Wednesday (was Thursday)"
B_AREA4 = "Area 4: Stenning Park (new round) .......... Thursday"
B_OUT = (
    "Put your bins and boxes at the edge of your property by 6:30am on your collection day, "
    "but not before 6pm the evening before."
)
B_BATTERIES = "Please do not put batteries in any bin: they cause fires in our lorries."
B_SUBSCRIPTION = (
    "A garden waste subscription costs £48 a year for one brown bin, or £38 if you sign up "
    "before 1 March."
)
B_MISSED = (
    "Missed bin: report it by 5pm on the next working day after your collection day, and we "
    "will return within two working days."
)
B_REPLACE = "Replacement grey, blue or brown bin: £25, delivered within 10 working days."
B_BULKY = (
    "Bulky items (furniture, mattresses, large appliances): up to three items for £35, then £10 "
    "for each extra item, with a maximum of six items per collection."
)
B_HRC = (
    "It is open every day except Wednesday, from 8am to 6pm from April to September and from "
    "8am to 4pm from October to March."
)
B_HRC_TAKES = (
    "Cobb Lane Household Recycling Centre takes textiles, wood, metal, garden waste, electrical "
    "items, paint and up to 10 bags of rubble a month."
)

NEW = [
    # --- single facts: the tenancy agreement ----------------------------------------------------
    Q("cm-sf-01", "single_fact", "What's the monthly rent for the flat on Ropewalk Terrace?",
      "£1,085 per calendar month, paid in advance on the 1st.",
      [["£1,085"]], [x(TA, T_RENT)], ["monthly"]),
    Q("cm-sf-02", "single_fact", "Where does the tenants' deposit money get kept safe, and how soon?",
      "The Agent protects the £1,250 Deposit with the Kingsgate Deposit Protection Service within 30 days of receiving it.",
      [["Kingsgate"], ["30 days"]], [x(TA, T_DEPOSIT)], ["kept safe"]),
    Q("cm-sf-03", "single_fact", "When does the lease on Flat 2 run out?",
      "The fixed term ends on 31 August 2026 (it began on 1 September 2025); after that it can continue month to month.",
      [["31 August"]], [x(TA, T_TERM)], ["lease", "run out"]),
    Q("cm-sf-04", "single_fact", "What happens if the tenants get two weeks behind with the rent?",
      "Rent still unpaid 14 days after it is due carries interest at 3% a year above the Bank of England base rate.",
      [["3% a year"]], [x(TA, T_INTEREST)], ["behind"]),
    Q("cm-sf-05", "single_fact", "How many people, flatmates included, can live in the flat?",
      "No more than three people in total.",
      [["three people"]], [x(TA, T_OCCUPIERS)], ["flatmates"]),
    Q("cm-sf-06", "single_fact", "How much warning do the tenants get before the landlord can come round, and at what times?",
      "At least 24 hours' written notice; visits between 09:00 and 19:00 on weekdays or 10:00 and 16:00 on Saturdays, never on a Sunday.",
      [["24 hours"], ["09:00"]], [x(TA, T_ACCESS)], ["warning", "come round"]),
    Q("cm-sf-07", "single_fact", "How fast does the landlord have to start fixing something urgent?",
      "Within 24 hours of being told (other repairs within 14 days).",
      [["24 hours"]], [x(TA, T_SPEED)], ["fixing"]),
    Q("cm-sf-08", "single_fact", "If the tenants can't get hold of the agent in an emergency, how much can they spend on a tradesperson?",
      "Up to £250 at the Landlord's expense.",
      [["£250"]], [x(TA, T_TRADES)], ["get hold of"]),
    Q("cm-sf-09", "single_fact", "What number do the tenants use if the heating conks out on a winter night?",
      "The Agent's out-of-hours line, 01632 960 771 (loss of heating between October and April is an emergency).",
      [["01632 960 771"]], [x(TA, T_EMERGENCY)], ["conks out"]),
    Q("cm-sf-10", "single_fact", "By what time do the tenants have to hand back the keys on their last day?",
      "By 12:00, to the Agent.",
      [["12:00"]], [x(TA, T_KEYS_BACK)], ["hand back"]),
    Q("cm-sf-11", "single_fact", "How much notice does the landlord have to give before a rent hike?",
      "At least one month's written notice, and no review before 1 September 2026.",
      [["one month"]], [x(TA, T_REVIEW)], ["hike"]),
    Q("cm-sf-12", "single_fact", "From what time at night do the tenants have to keep it down?",
      "From 23:00 (until 07:00).",
      [["23:00"]], [x(TA, T_NOISE)], ["keep it down"]),
    Q("cm-sf-13", "single_fact", "How many picture hooks can the tenants put up in a room?",
      "Up to ten small picture hooks in each room.",
      [["up to ten"]], [x(TA, T_HOOKS)], ["put up"]),
    Q("cm-sf-14", "single_fact", "How long has the landlord got to say what will come out of the deposit?",
      "Deductions must be proposed in writing within 10 Working Days after the tenant has moved out and returned the keys.",
      [["10 Working Days"]], [x(TA, T_DEDUCTIONS)], ["come out of"]),
    # --- single facts: the grant call -------------------------------------------------------------
    Q("cm-sf-15", "single_fact", "How much money is in the pot for the Spark Fund this year?",
      "£120,000.",
      [["£120,000"]], [x(GC, G_POT)], ["pot"]),
    Q("cm-sf-16", "single_fact", "What's the smallest grant you can ask for?",
      "£500 (small grants run from £500 to £2,500).",
      [["£500"]], [x(GC, G_SMALL)], ["smallest"]),
    Q("cm-sf-17", "single_fact", "What's the biggest grant on offer?",
      "£10,000 (larger grants, £2,501 to £10,000, for groups with at least one year of accounts).",
      [["£10,000"]], [x(GC, G_LARGE)], ["biggest"]),
    Q("cm-sf-18", "single_fact", "What's the cut-off for getting an application in?",
      "12:00 noon on Monday 16 March 2026; late applications are not accepted.",
      [["16 March 2026"]], [x(GC, G_CLOSING)], ["cut-off"]),
    Q("cm-sf-19", "single_fact", "When will applicants hear back about their grant?",
      "By Thursday 30 April 2026, by e-mail.",
      [["30 April 2026"]], [x(GC, G_DECISION)], ["hear back"]),
    Q("cm-sf-20", "single_fact", "What weight does value for money carry in the scoring?",
      "15%.",
      [["15%"]], [x(GC, G_VALUE)]),
    Q("cm-sf-21", "single_fact", "What's the pass mark for a grant application?",
      "60% overall; anything below is not funded, however much money is left.",
      [["60%"]], [x(GC, G_PASS)], ["pass mark"]),
    Q("cm-sf-22", "single_fact", "Does the grant money come all at once or in chunks?",
      "In two parts: 80% when the offer is accepted and the remaining 20% after the end-of-grant report.",
      [["80%"], ["20%"]], [x(GC, G_PAYMENT)], ["chunks", "all at once"]),
    Q("cm-sf-23", "single_fact", "What number do I dial to talk to someone about the Spark Fund?",
      "01632 960 418, Monday to Thursday, 09:30 to 16:00.",
      [["01632 960 418"]], [x(GC, G_PHONE)], ["dial"]),
    Q("cm-sf-24", "single_fact", "Which teenagers does the fund want to help in the school holidays?",
      "Young people aged 11 to 18, with free or low-cost activities.",
      [["11 to 18"]], [x(GC, G_YOUNG)], ["teenagers"]),
    Q("cm-sf-25", "single_fact", "What's the maximum yearly turnover for a group that wants to apply?",
      "Less than £250,000 a year in income.",
      [["£250,000"]], [x(GC, G_INCOME)], ["turnover"]),
    Q("cm-sf-26", "single_fact", "By when does a funded project have to be finished?",
      "Within 12 months of the grant being paid, and no later than 31 March 2027.",
      [["31 March 2027"]], [x(GC, G_COMPLETE)], ["finished"]),
    Q("cm-sf-28", "single_fact", "Which pensioners count for the fund's loneliness priority?",
      "People aged 65 and over.",
      [["65 and over"]], [x(GC, G_OLDER)], ["pensioners"]),
    # --- single facts: the school newsletter ---------------------------------------------------
    Q("cm-sf-29", "single_fact", "What time does school finish on the last day of the autumn term?",
      "1:30pm on Friday 19 December.",
      [["1:30pm"]], [x(NL, N_TERM_ENDS)], ["finish"]),
    Q("cm-sf-30", "single_fact", "When do the kids go back after Christmas?",
      "Tuesday 6 January (Monday 5 January is an INSET day).",
      [["6 January"]], [x(NL, N_STARTS), x(NL, N_INSET)], ["kids", "go back"]),
    Q("cm-sf-31", "single_fact", "How much did the Christmas fair make?",
      "The Winter Fair on 29 November raised £2,846.50.",
      [["£2,846.50"]], [x(NL, N_FAIR)], ["Christmas fair"]),
    Q("cm-sf-32", "single_fact", "How much is breakfast club?",
      "£3.50 a morning, £2.50 for a second child from the same family.",
      [["£3.50"]], [x(NL, N_BREAKFAST)]),
    Q("cm-sf-33", "single_fact", "Which class was best at turning up this term?",
      "Class Rowan (Year 4), with 98.7% attendance.",
      [["Rowan"]], [x(NL, N_ROWAN)], ["turning up"]),
    Q("cm-sf-34", "single_fact", "Who's taking over Year 2 from Mrs Quill?",
      "Mr Jonah Brightwell, from Oxley Green Primary, from January.",
      [["Brightwell"]], [x(NL, N_BRIGHTWELL)], ["taking over"]),
    Q("cm-sf-35", "single_fact", "When's the week off in February?",
      "Half term, Monday 16 to Friday 20 February.",
      [["16 to Friday 20 February"]], [x(NL, N_HALF_TERM)], ["week off"]),
    Q("cm-sf-36", "single_fact", "Which kids can do coding club?",
      "Years 5 and 6 only (Thursdays, £2.50 a session, 12 places).",
      [["Years 5 and 6"]], [x(NL, N_CODING)], ["kids"]),
    Q("cm-sf-37", "single_fact", "Which birthdays are due to start Reception in September 2026?",
      "Children born between 1 September 2021 and 31 August 2022.",
      [["1 September 2021"], ["31 August 2022"]], [x(NL, N_RECEPTION)], ["birthdays"]),
    Q("cm-sf-38", "single_fact", "What happens to unclaimed lost property?",
      "Anything not collected by Friday 16 January goes to the PTA's pre-loved uniform sale or to charity.",
      [["16 January"]], [x(NL, N_LOST_END)], ["unclaimed"]),
    Q("cm-sf-39", "single_fact", "How much is the trim trail going to cost altogether?",
      "£9,000 in total (£6,300 raised so far).",
      [["£9,000"]], [x(NL, N_TRIM)], ["altogether"]),
    Q("cm-sf-40", "single_fact", "When are the Year 6s going away overnight, and where to?",
      "Monday 23 to Wednesday 25 March, to Pennock Edge Outdoor Centre.",
      [["Pennock Edge"], ["23 to Wednesday 25 March"]], [x(NL, N_RESIDENTIAL)],
      ["going away", "overnight"]),
    # --- single facts: the bins leaflet -------------------------------------------------------
    Q("cm-sf-41", "single_fact", "How often is food waste picked up?",
      "Every week (food caddy).",
      [["every week"]], [x(BN, B_FOOD)], ["picked up"]),
    Q("cm-sf-42", "single_fact", "How much does the council charge to take away an old sofa?",
      "Bulky items are £35 for up to three items, then £10 for each extra, up to six.",
      [["£35"]], [x(BN, B_BULKY)], ["sofa", "take away"]),
    Q("cm-sf-43", "single_fact", "How much is a brown bin for the year if I sign up early?",
      "£38 if you sign up before 1 March (otherwise £48 a year).",
      [["£38"]], [x(BN, B_SUBSCRIPTION)], ["early"]),
    Q("cm-sf-44", "single_fact", "By what time do I have to wheel my bins out?",
      "By 6:30am on collection day, but not before 6pm the evening before.",
      [["6:30am"]], [x(BN, B_OUT)], ["wheel"]),
    Q("cm-sf-45", "single_fact", "What are the tip's opening hours in summer?",
      "8am to 6pm, April to September, every day except Wednesday.",
      [["8am to 6pm"]], [x(BN, B_HRC)], ["tip"]),
    Q("cm-sf-46", "single_fact", "What's the thickest branch the garden waste bin will take?",
      "Small branches up to 10 cm thick.",
      [["10 cm"]], [x(BN, B_GARDEN)], ["thickest"]),
    Q("cm-sf-47", "single_fact", "If my blue bin gets nicked, what does a new one cost?",
      "£25 for a replacement, delivered within 10 working days.",
      [["£25"]], [x(BN, B_REPLACE)], ["nicked"]),
    # --- yes / no -------------------------------------------------------------------------------
    Q("cm-yn-01", "yes_no", "Can the tenants pay their rent in cash?",
      "No: rent is paid by standing order; the Agent does not accept cash or cheques.",
      [["does not accept cash"]], [x(TA, T_CASH)]),
    Q("cm-yn-02", "yes_no", "Are the tenants allowed a goldfish?",
      "Yes: fish in a tank of up to 60 litres are allowed without asking.",
      [["except fish"], ["60 litres"]], [x(TA, T_PET)], ["goldfish"]),
    Q("cm-yn-03", "yes_no", "Can the landlord drop by on a Sunday to show people round?",
      "No: visits are on weekdays or Saturdays, never on a Sunday (except in an emergency).",
      [["Sunday"]], [x(TA, T_ACCESS)], ["drop by"]),
    Q("cm-yn-04", "yes_no", "Could one of the tenants run a hairdressing business from the flat?",
      "No: working from home is allowed, but not a business that receives customers.",
      [["receives customers"]], [x(TA, T_BUSINESS)], ["hairdressing"]),
    Q("cm-yn-05", "yes_no", "Does a group have to raise part of the money itself to get a Spark grant?",
      "No: you do not need match funding; grants can cover up to 100% of costs.",
      [["do not need match funding"]], [x(GC, G_MATCH)], ["raise"]),
    Q("cm-yn-06", "yes_no", "Can a church group apply for a grant?",
      "Yes, for activities open to everyone; activities that promote religious belief are not funded.",
      [["faith groups can apply"]], [x(GC, G_RELIGION)], ["church"]),
    Q("cm-yn-07", "yes_no", "Can the fund pay for a minibus for our group?",
      "No: buying or leasing vehicles is excluded.",
      [["vehicles"]], [x(GC, G_VEHICLES)], ["minibus"]),
    Q("cm-yn-08", "yes_no", "Can children keep new earrings in for PE if a teacher tapes them?",
      "No: children with newly pierced ears must remove their earrings, and staff are not allowed to tape them over.",
      [["remove their earrings", "not allowed to tape"]], [x(NL, N_EARRINGS)]),
    Q("cm-yn-09", "yes_no", "Do we have to buy the green sweatshirt right away in September?",
      "No: navy sweatshirts and cardigans can still be worn until July 2027.",
      [["July 2027"]], [x(NL, N_UNIFORM), x(NL, N_NAVY)], ["right away"]),
    Q("cm-yn-10", "yes_no", "Can glass bottles go in the blue bin?",
      "No: glass goes in the green box, collected with the blue bin.",
      [["No: glass"], ["GREEN BOX"]], [x(BN, B_BLUE), x(BN, B_GLASS)]),
    Q("cm-yn-11", "yes_no", "Is the tip open on Wednesdays?",
      "No: Cobb Lane is open every day except Wednesday.",
      [["except Wednesday"]], [x(BN, B_HRC)], ["tip"]),
    # --- attribution, including who-by-role -----------------------------------------------------
    Q("cm-at-01", "attribution", "Who pays to insure the building, the tenants or the owner?",
      "The Landlord pays the buildings insurance (and the service charge for the Common Parts).",
      [["Landlord"]], [x(TA, T_INSURANCE)], ["owner"]),
    Q("cm-at-02", "attribution", "Who has to replace a blown light bulb in the flat?",
      "The Tenant.",
      [["Tenant"]], [x(TA, T_TENANT_REPAIRS)], ["blown"]),
    Q("cm-at-03", "attribution", "Who's on the hook if the boiler packs up?",
      "The Landlord, who is responsible for keeping the boiler and radiators in repair.",
      [["Landlord"]], [x(TA, T_LANDLORD_REPAIRS)], ["on the hook", "packs up"]),
    Q("cm-at-04", "attribution", "Who owns the cat?",
      "Leonie Varga: Marmalade, an adult neutered cat.",
      [["Leonie Varga"]], [x(TA, T_CAT)]),
    Q("cm-at-05", "attribution", "Who said some of the best ideas cost less than a second-hand car?",
      "Rosalind Achebe, the Foundation's chief executive.",
      [["Achebe"]], [x(GC, G_ACHEBE)]),
    Q("cm-at-06", "attribution", "Who's in charge of the panel that marks the applications?",
      "Councillor Dev Rathore chairs it.",
      [["Rathore"]], [x(GC, G_PANEL)], ["in charge", "marks"]),
    Q("cm-at-07", "attribution", "Who told the Year 5s that every writer started out as a reader?",
      "The children's author Priya Ambrose, who opened the reading den.",
      [["Priya Ambrose"]], [x(NL, N_AMBROSE)]),
    Q("cm-at-08", "attribution", "Who asked for a quiet corner on the playground?",
      "Zara in Year 6, chair of the school council.",
      [["Zara"]], [x(NL, N_ZARA)]),
    Q("cm-at-09", "attribution", "Who said she would even miss the sound of the bell?",
      "Mrs Eleanor Quill, the retiring Year 2 teacher.",
      [["Quill"]], [x(NL, N_QUILL_SAYS)]),
    # --- headings -------------------------------------------------------------------------------
    Q("cm-hd-01", "heading", "Which clause of the tenancy agreement deals with pets?",
      "Clause 8, Pets.",
      [["8. PETS"]], [x(TA, "8. PETS")]),
    Q("cm-hd-02", "heading", "What is section 7 of the tenancy agreement called?",
      "Access by the Landlord.",
      [["ACCESS BY THE LANDLORD"]], [x(TA, "7. ACCESS BY THE LANDLORD")]),
    Q("cm-hd-03", "heading", "Under which heading does the grant call list the things it won't pay for?",
      "What we will not fund.",
      [["WHAT WE WILL NOT FUND"]], [x(GC, "WHAT WE WILL NOT FUND")], ["won't pay for"]),
    Q("cm-hd-04", "heading", "Which part of the newsletter has the parents' association's money news?",
      "News from the PTA.",
      [["News from the PTA"]], [x(NL, "## News from the PTA")], ["parents' association"]),
    Q("cm-hd-05", "heading", "Under what heading does the bins leaflet cover the tip?",
      "Cobb Lane Recycling Centre.",
      [["COBB LANE RECYCLING CENTRE"]], [x(BN, "COBB LANE RECYCLING CENTRE")], ["tip"]),
    # --- comparison -----------------------------------------------------------------------------
    Q("cm-cmp-01", "comparison", "If they want out early, do the tenants have to give as much notice as the landlord?",
      "The Tenant must give at least one month; the Landlord at least two months; either can end it from 1 March 2026.",
      [["one month"], ["two months"]], [x(TA, T_BREAK)], ["want out"]),
    Q("cm-cmp-02", "comparison", "Which counts for more in the scoring, involving local people or deliverability?",
      "Involvement of local people (25%) counts more than deliverability (20%).",
      [["25%"], ["20%"]], [x(GC, G_INVOLVE), x(GC, G_DELIVER)]),
    Q("cm-cmp-03", "comparison", "What's the difference between a small grant and a larger one?",
      "Small grants are £500 to £2,500 and any eligible group can apply; larger grants are £2,501 to £10,000 and need at least one year of annual accounts.",
      [["£500 to £2,500"], ["£2,501 to £10,000"]], [x(GC, G_SMALL), x(GC, G_LARGE)]),
    Q("cm-cmp-04", "comparison", "Which is pricier per session, breakfast club or Owl Club?",
      "Owl Club, at £9.00 a session, against £3.50 a morning for breakfast club.",
      [["£9.00"], ["£3.50"]], [x(NL, N_BREAKFAST), x(NL, N_OWL)], ["pricier"]),
    Q("cm-cmp-05", "comparison", "Which gets collected more often, the food caddy or the grey bin?",
      "The food caddy, every week; the grey bin every 2 weeks.",
      [["every week"], ["every 2 weeks"]], [x(BN, B_FOOD), x(BN, B_GREY)]),
    Q("cm-cmp-06", "comparison", "How do the tip's summer and winter hours differ?",
      "8am to 6pm from April to September, 8am to 4pm from October to March; closed on Wednesdays all year.",
      [["8am to 6pm"], ["8am to 4pm"]], [x(BN, B_HRC)], ["tip"]),
    # --- multi-document -------------------------------------------------------------------------
    Q("cm-md-01", "multi_doc", "From April 2026, what's bin day at the tenants' flat?",
      "Tuesday: the flat is in Saltings, which is in Area 2.",
      [["Tuesday"]], [x(TA, T_PROPERTY), x(BN, B_AREA2)], ["bin day"]),
    Q("cm-md-02", "multi_doc", "Which bin should the tenants use for Marmalade's litter?",
      "The grey bin: cat litter goes in the grey bin, bagged.",
      [["GREY BIN"]], [x(TA, T_CAT), x(BN, B_GREY)]),
    Q("cm-md-03", "multi_doc", "When will the PTA find out whether it got money for the trim trail?",
      "The PTA plans to apply to the Neighbourhood Spark Fund, whose applicants are told the decision by 30 April 2026.",
      [["30 April 2026"]], [x(NL, N_LOWTHER), x(GC, G_DECISION)]),
    Q("cm-md-04", "multi_doc", "Can the school's parents' group go to the Spark Fund for the trim trail money?",
      "Yes: a PTA that is a registered charity can apply for things open to the wider community outside school hours; Saltings Primary PTA is a registered charity and families from the estate will use the trim trail at weekends.",
      [["registered charity"]], [x(GC, G_PTA), x(NL, N_PTA_CHARITY), x(NL, N_LOWTHER)], ["parents' group"]),
    Q("cm-md-05", "multi_doc", "Which size of grant is the PTA going for, and what does it need to send for it?",
      "Its £2,700 bid is a larger grant (£2,501 to £10,000), which needs at least one year of annual accounts; the PTA publishes its accounts every September.",
      [["£2,700"], ["£2,501 to £10,000", "Larger grants"]],
      [x(NL, N_LOWTHER), x(GC, G_LARGE), x(NL, N_PTA_CHARITY)]),
    Q("cm-md-06", "multi_doc", "What's the deadline for the PTA's grant bid?",
      "12:00 noon on Monday 16 March 2026: the Spark Fund the PTA plans to apply to closes then.",
      [["16 March 2026"]], [x(NL, N_LOWTHER), x(GC, G_DATES)], ["bid"]),
    Q("cm-md-07", "multi_doc", "Can the tenants leave their bins out the night before collection?",
      "No: the tenancy says waste goes out only on the day of collection, although the council leaflet allows bins out from 6pm the evening before.",
      [["only on the day"]], [x(TA, T_WASTE), x(BN, B_OUT)], ["night before"]),
    # --- overview -------------------------------------------------------------------------------
    Q("cm-ov-01", "overview", "What are these documents?",
      "A tenancy agreement for a flat in Saltings, a call for applications to the Neighbourhood Spark Fund 2026, Saltings Primary School's end of autumn term newsletter, and the council's bins and recycling leaflet.",
      [["TENANCY AGREEMENT"], ["SPARK FUND"], ["Newsletter"], ["BINS AND RECYCLING"]],
      [x(TA, T_TITLE), x(GC, G_TITLE), x(NL, N_TITLE), x(BN, B_TITLE)]),
    Q("cm-ov-02", "overview", "What's the tenancy agreement about, in a nutshell?",
      "A 12-month assured shorthold tenancy of Flat 2, 14 Ropewalk Terrace, from Fenella Gorrie to Tobias Arkwright and Leonie Varga, at £1,085 a month with a £1,250 deposit, managed by Harbour & Lyle Lettings.",
      [["Ropewalk Terrace"], ["£1,085"]],
      [x(TA, T_PROPERTY), x(TA, T_TERM), x(TA, T_RENT), x(TA, T_DEPOSIT)], ["nutshell"]),
    Q("cm-ov-03", "overview", "Sum up the grant call.",
      "Wendlecombe Community Foundation's Spark Fund has £120,000 for small community groups: small grants of £500 to £2,500 and larger ones up to £10,000, closing at noon on 16 March 2026.",
      [["£120,000"], ["16 March 2026"]],
      [x(GC, G_POT), x(GC, G_SMALL), x(GC, G_LARGE), x(GC, G_DATES)], ["sum up"]),
    Q("cm-ov-04", "overview", "What's been happening at Saltings Primary this term?",
      "A new reading den opened, attendance was 96.2%, Mrs Quill retires after 22 years, and the PTA raised £4,120 towards a trim trail.",
      [["reading den"], ["Quill"]],
      [x(NL, N_DEN), x(NL, N_ATTENDANCE), x(NL, N_QUILL), x(NL, N_TERM_TOTAL)], ["happening"]),
    Q("cm-ov-05", "overview", "What's changing with the bin collections from April 2026?",
      "A new round for Stenning Park (Thursday) means some days change: Brookfield and Millbank move from Thursday to Wednesday.",
      [["Stenning Park"], ["Wednesday"]],
      [x(BN, B_WHY), x(BN, B_AREA3), x(BN, B_AREA4)]),
    Q("cm-ov-06", "overview", "What can I chuck in the blue bin?",
      "Mixed recycling: paper, flattened cardboard, food and drink cans, empty aerosols, plastic bottles, pots, tubs and trays, and cartons; not glass, shredded paper, plastic bags or nappies.",
      [["paper"], ["cans"], ["plastic bottles"]], [x(BN, B_BLUE)], ["chuck"]),
    # --- follow-ups -----------------------------------------------------------------------------
    Q("cm-fu-01", "follow_up", "And where does she live?",
      "3 Chantry Close, Wendlecombe.",
      [["3 Chantry Close"]], [x(TA, T_LANDLORD)],
      history=hist("Who is the landlord of the Ropewalk Terrace flat?", "Fenella Gorrie.")),
    Q("cm-fu-02", "follow_up", "What do they have to do about it when the tenancy ends?",
      "Have the carpets professionally cleaned and the flat treated for fleas.",
      [["fleas"], ["carpets"]], [x(TA, T_PET_END)],
      history=hist("What pet are the tenants allowed?", "One adult neutered cat, Marmalade.")),
    Q("cm-fu-03", "follow_up", "How many places does it have?",
      "12 places.",
      [["12 places"]], [x(NL, N_CODING)],
      history=hist("Which day is coding club?", "Thursday, for Years 5 and 6, at £2.50 a session.")),
    Q("cm-fu-04", "follow_up", "How often is that one emptied?",
      "Every 2 weeks, on the other week from the grey bin.",
      [["every 2 weeks"]], [x(BN, B_BLUE)], ["emptied"],
      history=hist("Which bin does cardboard go in?", "The blue bin, flattened.")),
    Q("cm-fu-05", "follow_up", "When can I reach her on the phone?",
      "Monday to Thursday, 09:30 to 16:00, on 01632 960 418.",
      [["Monday to Thursday"]], [x(GC, G_PHONE)], ["phone"],
      history=hist("Who is the grants officer for the Spark Fund?", "Marisol Pennick.")),
    Q("cm-fu-06", "follow_up", "How much is in the kitty so far?",
      "£6,300 of the £9,000.",
      [["£6,300"]], [x(NL, N_TRIM)], ["kitty"],
      history=hist("What is the PTA saving up for?", "A trim trail on the school field.")),
    Q("cm-fu-07", "follow_up", "How long did he teach there?",
      "Not given: the newsletter says only that he joins from Oxley Green Primary.",
      history=hist("Who is taking over Class Hazel in January?",
                   "Mr Jonah Brightwell, who joins from Oxley Green Primary.")),
    # --- plausible but unanswerable -------------------------------------------------------------
    Q("cm-un-01", "unanswerable", "How much was the holding deposit for Flat 2?",
      "Not given: only the £1,250 Deposit paid on signing is stated."),
    Q("cm-un-02", "unanswerable", "What is Fenella Gorrie's own phone number?",
      "Not given: only the Agent's out-of-hours line and e-mail are given.", terms=["phone"]),
    Q("cm-un-03", "unanswerable", "Does the flat come with a parking space?",
      "Not given: the agreement mentions a bicycle store but says nothing about parking.",
      terms=["parking"]),
    Q("cm-un-04", "unanswerable", "Is Flat 2 upstairs or on the ground floor?",
      "Not given: the agreement mentions shared stairs but not which floor the flat is on.",
      terms=["upstairs", "ground floor"]),
    Q("cm-un-05", "unanswerable", "How much will the rent go up by in September 2026?",
      "Not given: the agreement says only that the Rent may be reviewed, not before 1 September 2026.",
      terms=["go up"]),
    Q("cm-un-06", "unanswerable", "What was the rent for Flat 2 under the previous tenants?",
      "Not given."),
    Q("cm-un-07", "unanswerable", "Who is acting as guarantor for the Tenant?",
      "Not given: no guarantor is named."),
    Q("cm-un-08", "unanswerable", "How much interest will the Kingsgate scheme pay on the Deposit?",
      "Not given."),
    Q("cm-un-09", "unanswerable", "How many applications did the Spark Fund get in Round 5?",
      "Not given: only Round 6 figures (143 applications, 41 funded) are stated."),
    Q("cm-un-10", "unanswerable", "How much money did the fund hand out altogether in Round 6?",
      "Not given: only the number of applications and grants is stated.", terms=["altogether"]),
    Q("cm-un-11", "unanswerable", "Who are the two residents on the scoring panel?",
      "Not given: they are chosen from the community reviewers but not named."),
    Q("cm-un-12", "unanswerable", "How much does the Ashgrove Trust chip in to the Spark Fund?",
      "Not given: the Trust and the council fund it, but their shares are not stated.",
      terms=["chip in"]),
    Q("cm-un-13", "unanswerable", "Will the online information session be recorded for people who miss it?",
      "Not given."),
    Q("cm-un-14", "unanswerable", "What is the Wendlecombe Community Foundation's registered charity number?",
      "Not given: it is called a registered charity, without a number."),
    Q("cm-un-15", "unanswerable", "How many kids are in Year 6 at Saltings Primary?",
      "Not given: only the school total (312 children) is stated.", terms=["kids"]),
    Q("cm-un-16", "unanswerable", "What was whole-school attendance in the summer term?",
      "Not given: only this term's 96.2% is reported."),
    Q("cm-un-17", "unanswerable", "How much will the new bottle green sweatshirt cost?",
      "Not given: only that it will be on sale at Wendlecombe Schoolwear from June."),
    Q("cm-un-18", "unanswerable", "What time do the Year 3 swimming lessons start?",
      "Not given: only the dates (Tuesdays from 13 January to 24 March) and the pool."),
    Q("cm-un-19", "unanswerable", "How much do parents have to fork out for the Year 6 residential at Pennock Edge?",
      "Not given: only the dates and the centre are stated.", terms=["fork out"]),
    Q("cm-un-20", "unanswerable", "How much did the summer fair raise last year?",
      "Not given: only this term's Winter Fair, disco and cake sales are reported."),
    Q("cm-un-21", "unanswerable", "Who designed the school's new logo?",
      "Not given: the logo is mentioned only as the reason for the uniform change."),
    Q("cm-un-22", "unanswerable", "What does Cobb Lane charge for rubble over the 10 bags a month?",
      "Not given: only the limit of 10 bags a month is stated."),
    Q("cm-un-23", "unanswerable", "Which days will bins be collected over Christmas 2026?",
      "Not given: the leaflet says only that collections move by up to two days and that the dates will be on the website from 1 December."),
    Q("cm-un-24", "unanswerable", "How many new houses are going up at Stenning Park?",
      "Not given: only that a new round is being added for the homes being built there.",
      terms=["houses", "going up"]),
    Q("cm-un-25", "unanswerable", "How big is the fine for putting bins out too early?",
      "Not given: no fines are mentioned.", terms=["fine"]),
    Q("cm-un-26", "unanswerable", "What's the phone number for the Cobb Lane recycling centre?",
      "Not given: only the council's general number (01632 960 200) is listed.", terms=["phone"]),
]  # fmt: skip

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def build(write: bool = True) -> list[dict]:
    docs = corpus_docs("community")
    return finish("community", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
