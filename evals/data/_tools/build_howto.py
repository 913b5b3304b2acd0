"""Build evals/data/howto/questions.jsonl: questions over four fictional documents about one
evening cookery course at a community college (written for this eval, CC0-1.0): a student
handbook in hard-wrapped plain text (numbered sections, a week-by-week timetable and an
assessment table aligned with spaces, fees, refunds, attendance rules, contacts), a Markdown
recipe booklet (six recipes with servings, times, oven temperatures, ingredient lists, numbered
steps, allergens, substitutions and storage), a kitchen safety page in HTML (numbered steps, a
table of core temperatures and fridge times, a FAQ) and a hard-wrapped e-mail that changes four
things in the handbook (a session date, a tutor, a concession and a deadline).

Run: python evals/data/_tools/build_howto.py, then python -m evals.dataset --check howto
Evidence offsets come from the documents as ingest reads them (the HTML page is stored as
Markdown-like text, not as its file's bytes), never typed: each quote is written here with
single spaces and located with a regex in which a space matches any run of whitespace (two
documents are hard-wrapped and the timetables are aligned with spaces).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from common import DATA, Q, finish, hist, located

sys.path.insert(0, str(DATA.parent.parent))  # the checkout, for evals.dataset and ingest
from evals.dataset import read_documents

HB = "course-handbook.txt"
RC = "recipes.md"
KS = "kitchen-safety.html"
CH = "changes-spring-term.txt"
DOCS = read_documents(Path(DATA / "howto" / "docs"))


x = partial(located, DOCS)  # (doc_id, exact text[, nth]) of a quote written with single spaces


# --- course handbook (hard-wrapped text) ---------------------------------------------------------
HB_ABOUT = (
    "Cook from Scratch is a practical cookery course for adults who want to cook everyday meals "
    "with confidence. No previous experience is needed."
)
HB_PAIRS = (
    "Each session starts with a short demonstration by the tutor, after which the students cook "
    "the dish themselves in pairs and take home what they have made."
)
HB_WHEN = (
    "The course runs for ten sessions on Tuesday evenings, from 6.30 pm to 9.00 pm, in the "
    "Teaching Kitchen (Room K2) on the ground floor of the Larch Building, Brook Street campus, "
    "Marlbury."
)
HB_AGE = "The course is open to students aged 18 or over."
HB_PLACES = (
    "There are 12 places, and places are given in the order in which enrolments are received."
)
HB_TUTORS = (
    "The course leader is Marguerite Oduya, who teaches most of the sessions. The bread and "
    "pastry sessions are taught by Tomasz Brennick, and the fish session by a guest tutor, Hal "
    "Fenwick, who runs the fish counter at Marlbury's covered market."
)
HB_W1 = "1 Tue 13 Jan 2026 Welcome, kitchen safety, knife skills M. Oduya"
HB_W3 = "3 Tue 27 Jan 2026 Sauces: roux, reductions, dressings M. Oduya"
HB_W4 = "4 Tue 3 Feb 2026 Bread 1: soda bread and flatbreads T. Brennick"
HB_W5 = "5 Tue 10 Feb 2026 Bread 2: enriched doughs T. Brennick"
HB_HALF_TERM = "- Tue 17 Feb 2026 Half-term: no session"
HB_W6 = "6 Tue 24 Feb 2026 Fish: buying, filleting, cooking H. Fenwick"
HB_W7 = "7 Tue 3 Mar 2026 Pastry: shortcrust and a quiche T. Brennick"
HB_W8 = "8 Tue 10 Mar 2026 One-pot meals and cooking on a budget M. Oduya"
HB_W9 = "9 Tue 17 Mar 2026 Practical assessment M. Oduya"
HB_W10 = "10 Tue 24 Mar 2026 Celebration buffet and course review All tutors"
HB_BUFFET = (
    "In week 10 each pair cooks one dish of their choice from the booklet for a shared buffet, "
    "to which each student may invite one guest."
)
HB_FEES_HEAD = "3. Fees and refunds"
HB_FEE = (
    "The course fee is £185. It includes all the ingredients used in the sessions, the loan of an "
    "apron and a hat, and the certificate."
)
HB_CONC = (
    "Students who receive a means-tested benefit pay a concessionary fee of £95. Students aged 65 "
    "or over pay £140."
)
HB_INST = (
    "The full fee may be paid in two instalments: £95 at enrolment and £90 by Tuesday 10 "
    "February 2026. A concessionary fee must be paid in full at enrolment."
)
HB_INST_LATE = (
    "A student whose second instalment has not been received by the due date may not attend "
    "further sessions until it is paid."
)
HB_REFUND_14 = (
    "A student who withdraws within 14 days of enrolling receives a full refund, less an "
    "administration charge of £15."
)
HB_REFUND_HALF = (
    "A student who withdraws later, but before the third session, receives a refund of half the "
    "fee paid."
)
HB_NO_REFUND = (
    "No refund is given after the third session has taken place, except on medical grounds, "
    "supported by a doctor's note, or if the college cancels the course."
)
HB_WITHDRAW = (
    "To withdraw, the student must write to the Adult Learning Office (by e-mail or letter); "
    "telling the tutor is not enough."
)
HB_21_DAYS = "Refunds are made to the card or account used to pay, within 21 days of the request."
HB_CANCEL = (
    "If the college has to cancel a session, it will try to rearrange it. If it cannot, each "
    "student receives £18 for each cancelled session."
)
HB_ATTEND_HEAD = "4. Attendance and lateness"
HB_CERT = (
    "To receive the certificate, a student must attend at least 8 of the 10 sessions and pass the "
    "assessment."
)
HB_BRIEFING = "Each session begins with a safety briefing at 6.30 pm."
HB_LATE = (
    "A student who arrives more than 15 minutes late may not take part in the practical work of "
    "that session, for safety reasons, but may stay and watch the demonstration."
)
HB_ABSENT = (
    "A student who cannot attend should tell the Adult Learning Office before 4 pm on the day, by "
    "phone or e-mail."
)
HB_TWO_MISSED = (
    "A student who misses two sessions in a row without telling the office may be withdrawn from "
    "the course, and the place offered to the waiting list."
)
HB_CATCH_UP = (
    "There are no catch-up sessions. The recipes and the tutor's notes for every session are "
    "posted on the course page by the following Friday."
)
HB_ASSESS_HEAD = "5. Assessment"
HB_PARTS = "It is assessed in three parts:"
HB_PART_A = "A. Kitchen skills log 30% Tue 10 Mar 2026, in class"
HB_PART_B = "B. Practical assessment 50% Tue 17 Mar 2026, in class"
HB_PART_C = "C. Menu plan and costing 20% Fri 13 Mar 2026, 5 pm"
HB_LOG = (
    "The kitchen skills log is a record, kept by the student, of each session: what was cooked, "
    "what went well and what the student would do differently next time, with a photograph of "
    "each dish."
)
HB_LOG_SIGN = "The tutor signs the log at the end of each session."
HB_PRACTICAL = (
    "In the practical assessment the student cooks a two-course meal for two people in 2 hours, "
    "from recipes in the booklet, working alone."
)
HB_MARKS = (
    "The tutor marks the food, the student's hygiene and the way the student organises the work."
)
HB_MENU = (
    "The menu plan is a written plan, of no more than 500 words, for a week of evening meals for a "
    "household of four, with a shopping list and the cost of each meal."
)
HB_MENU_SEND = "It is handed in by e-mail to the course leader."
HB_PASS = (
    "To pass, the student must score at least 50% overall and at least 40% in the practical "
    "assessment."
)
HB_LATE_WORK = (
    "Work handed in up to 7 days late is marked, but its mark is capped at 50%. Work handed in "
    "more than 7 days late is not marked."
)
HB_EXTENSION = (
    "A student who needs more time must ask the course leader for an extension at least 48 hours "
    "before the deadline."
)
HB_RETAKE = (
    "A student who fails the practical assessment may retake it once, on Tuesday 31 March 2026, "
    "for a fee of £25."
)
HB_BRING_HEAD = "6. What to bring"
HB_SHOES = (
    "sturdy shoes that cover the whole foot (sandals and open-toed shoes are not allowed in the "
    "kitchen);"
)
HB_CONTAINERS = (
    "two clean plastic containers with lids, of about 1 litre each, to take food home in;"
)
HB_COOL_BAG = "an insulated bag or a cool bag, for the journey home;"
HB_PROVIDES = "The college provides aprons, hats, knives, chopping boards and all other equipment."
HB_OWN_KNIVES = (
    "A student may bring their own knives, but they must be carried to and from the college in a "
    "knife roll or a case."
)
HB_RINGS = (
    "Rings (other than a plain band), watches and bracelets must be taken off before cooking. "
    "Long hair must be tied back."
)
HB_ALLERGY = (
    "A student with a food allergy or intolerance must say so on the enrolment form and tell the "
    "tutor at the first session."
)
HB_SUBSTITUTE = (
    "The tutor may suggest a substitute ingredient; if the tutor cannot, the student may bring "
    "their own."
)
HB_VEGETARIAN = "Vegetarian versions of most recipes are in the booklet."
HB_OFFICE = (
    "Adult Learning Office, Larch Building, Room L1 Open Monday to Thursday 9 am to 7 pm, Friday "
    "9 am to 4 pm Phone 01632 960418"
)
HB_ODUYA_MAIL = "Marguerite Oduya, course leader E-mail m.oduya@wrenfield.example"
HB_BRENNICK_MAIL = "Tomasz Brennick, tutor (bread and pastry) E-mail t.brennick@wrenfield.example"
HB_NO_PHONES = (
    "Tutors do not have college phones; please contact them by e-mail, or through the Adult "
    "Learning Office."
)
HB_FENWICK_OFFICE = "Hal Fenwick can be contacted only through the office."

# --- recipe booklet (Markdown) -------------------------------------------------------------------
RC_FAN = "Oven temperatures are for a conventional oven; for a fan oven, set it 20°C lower."
RC_SOUP_HEAD = "## Leek and potato soup (week 2)"
RC_SOUP_META = "**Serves:** 4 | **Prep:** 15 minutes | **Cook:** 30 minutes | **Hob only**"
RC_SOUP_LEEKS = "3 medium leeks (about 500 g), trimmed"
RC_SOUP_GRIT = (
    "Slice the leeks into rings and wash them well in a bowl of cold water, as grit hides between "
    "the layers."
)
RC_SOUP_VEGAN = "for a vegan soup, use olive oil instead of butter and leave out the cream."
RC_SOUP_ALLERGENS = "**Allergens:** milk (butter, cream); celery (in most stock cubes)."
RC_SOUP_STORE = (
    "**Storage:** keeps for 3 days in the fridge. Freeze it before adding the cream, for up to 3 "
    "months."
)
RC_CAULI_HEAD = "## Cauliflower cheese (week 3)"
RC_CAULI_META = (
    "**Serves:** 4 as a side dish | **Prep:** 15 minutes | **Cook:** 25 minutes | **Oven:** 200°C, "
    "gas mark 6"
)
RC_CAULI_CHEESE = "100 g mature cheddar, grated"
RC_ROUX = (
    "Make a roux: melt the butter in a pan, stir in the flour and cook for 1 minute, stirring all "
    "the time."
)
RC_WHISK = (
    "Take the pan off the heat and add the milk a little at a time, whisking after each addition "
    "so that no lumps form."
)
RC_LUMPY = "if the sauce goes lumpy, whisk it hard or pass it through a sieve."
RC_CAULI_ALLERGENS = "**Allergens:** milk, gluten (flour, breadcrumbs), mustard."
RC_CAULI_STORE = "**Storage:** keeps for 2 days in the fridge. Not suitable for freezing."
RC_CAULI_DISH = "drain well and put them in an ovenproof dish."
RC_BREAD_HEAD = "## Soda bread (week 4)"
RC_BREAD_META = (
    "**Makes:** 1 loaf (8 slices) | **Prep:** 10 minutes | **Cook:** 30 to 35 minutes | "
    "**Oven:** 220°C, gas mark 7"
)
RC_KNEAD = "Do not knead it: soda bread starts to rise as soon as the buttermilk goes in."
RC_BREAD_DONE = (
    "Bake for 30 to 35 minutes. The loaf is done when it sounds hollow when you tap the bottom."
)
RC_BUTTERMILK = (
    "no buttermilk? Stir 1 tbsp of lemon juice into 400 ml of milk and leave it for 10 minutes."
)
RC_BREAD_STORE = (
    "**Storage:** best eaten on the day. Keeps for 2 days wrapped in a clean tea towel; freezes "
    "for 1 month."
)
RC_HAKE_HEAD = "## Baked hake with a lemon and herb crust (week 6)"
RC_HAKE_META = (
    "**Serves:** 2 | **Prep:** 10 minutes | **Cook:** 12 to 15 minutes | **Oven:** 200°C, gas "
    "mark 6"
)
RC_HAKE_63 = "Check with a probe thermometer that the thickest part has reached 63°C."
RC_HAKE_SWAP = "cod, haddock or pollock fillets can be used instead of hake."
RC_HAKE_STORE = (
    "**Storage:** eat on the day it is cooked. Cooked fish keeps for 1 day in the fridge; do not "
    "reheat it more than once."
)
RC_QUICHE_HEAD = "## Cheese and leek quiche (week 7)"
RC_QUICHE_META = (
    "**Serves:** 6 | **Prep:** 30 minutes, plus 30 minutes chilling | **Cook:** about 50 minutes "
    "| **Oven:** 190°C, gas mark 5, then 170°C, gas mark 3"
)
RC_QUICHE_CHEESE = "150 g mature cheddar, grated"
RC_QUICHE_LEEKS = "2 leeks, sliced and washed"
RC_QUICHE_CHILL = "Wrap it and chill it in the fridge for 30 minutes."
RC_BLIND = "bake blind at 190°C (gas mark 5) for 15 minutes."
RC_QUICHE_LOW = "Turn the oven down to 170°C (gas mark 3)."
RC_QUICHE_CREAM = "use 200 ml of single cream instead of the milk for a richer filling."
RC_QUICHE_ALLERGENS = "**Allergens:** gluten, milk, eggs."
RC_QUICHE_STORE = (
    "**Storage:** keeps for 2 days in the fridge, covered. Serve cold, or reheat until piping hot."
)
RC_CURRY_HEAD = "## Chickpea and spinach curry (week 8)"
RC_CURRY_META = (
    "**Serves:** 4 | **Prep:** 10 minutes | **Cook:** 25 minutes | **Hob only** | **Vegan**"
)
RC_CURRY_ALLERGENS = (
    "**Allergens:** none of the 14 major allergens in these ingredients, but check the curry "
    "powder label, as some blends contain mustard or celery."
)
RC_BUDGET = (
    "this is our cooking-on-a-budget dish: it costs about 90p a portion at the prices we paid in "
    "January 2026."
)
RC_FROZEN_SPINACH = "Frozen spinach works as well as fresh; use 250 g and let it thaw first."
RC_CURRY_STORE = (
    "**Storage:** keeps for 3 days in the fridge, or up to 3 months in the freezer. Reheat until "
    "it is piping hot all the way through."
)

# --- kitchen safety page (HTML, as ingest reads it) ----------------------------------------------
KS_INTRO = (
    "This page sets out how we keep everyone safe in the Teaching Kitchen (Room K2) during the "
    "Cook from Scratch evening course."
)
KS_JEWELLERY = (
    "Take off rings (other than a plain band), watches and bracelets, and tie back long hair."
)
KS_WASH = (
    "Wash your hands with soap and warm water for at least 20 seconds, and dry them on a paper "
    "towel."
)
KS_WASH_AGAIN = (
    "Wash your hands again after handling raw meat, raw fish or raw eggs, after touching the bin, "
    "and after using the toilet."
)
KS_CATCH = "Never try to catch a falling knife: step back and let it fall."
KS_BOARDS = (
    "Our chopping boards are colour-coded: red for raw meat, blue for raw fish, yellow for cooked "
    "meat, green for salad and fruit, brown for vegetables and white for bread and dairy."
)
KS_PURPLE_BOARDS = (
    "Purple boards and purple-handled knives are kept for students with an allergy (see below)."
)
KS_90 = (
    "Hot food that is not served straight away must be cooled and put in the fridge within 90 "
    "minutes."
)
KS_TABLE_TITLE = "Safe core temperatures and fridge times"
KS_POULTRY = "| Chicken, turkey and other poultry | 75°C | 2 days |"
KS_FISH = "| Fish | 63°C | 1 day |"
KS_EGG = "| Egg dishes (quiche, frittata) | 72°C | 2 days |"
KS_SOUPS = "| Soups, stews and curries | 75°C when reheated | 3 days |"
KS_RICE = "| Cooked rice | 75°C when reheated | 1 day |"
KS_ONCE = "Reheat food only once."
KS_HOME = (
    "Food you take home should go into your cool bag at the end of the session and into a fridge "
    "as soon as you get home."
)
KS_ALLERGY_LIST = (
    "Your tutor keeps a list of the students' allergies in the kitchen office and checks it "
    "before each session."
)
KS_PURPLE = (
    "A student with an allergy uses a purple chopping board and purple-handled knife, and starts "
    "cooking at a workstation that has been cleaned first."
)
KS_REACTION_1 = "Stop cooking and call the tutor and the first-aider at once."
KS_INJECTOR = "If the person has an adrenaline auto-injector, help them to use it straight away."
KS_999 = (
    "Call 999 if there are any signs of anaphylaxis, such as difficulty breathing, a swollen "
    "tongue or throat, or feeling faint."
)
KS_SECOND = (
    "If the person does not get better after 5 minutes, they may use a second auto-injector, if "
    "they have one."
)
KS_SECURITY = (
    "Ring campus security on 01632 960777 so that someone can meet the ambulance at the Brook "
    "Street gate."
)
KS_BURNS_HEAD = "## Burns, scalds and cuts"
KS_COOL = "Cool the burn under cool or lukewarm running water for 20 minutes. Do not use ice."
KS_NO_BUTTER = "Do not put butter, cream or ointment on the burn, and do not burst any blisters."
KS_CLING = "Cover it loosely with cling film, laid on in strips, not wrapped around a limb."
KS_BURN_HOSPITAL = (
    "A burn larger than the injured person's hand, or any burn on the face, needs to be seen at "
    "hospital."
)
KS_CUT = (
    "For a cut, press on it firmly with a clean cloth and raise it above the level of the heart."
)
KS_CUT_PLASTER = (
    "When the bleeding stops, cover it with a blue plaster and put a disposable glove on top if "
    "the cut is on your hand."
)
KS_CUT_HOSPITAL = (
    "A deep cut, or one that is still bleeding after 10 minutes of pressure, needs to be seen at "
    "hospital."
)
KS_ACCIDENT_BOOK = (
    "Every accident, however small, must be written in the accident book, which is kept in the "
    "kitchen office."
)
KS_PAN_FIRE = (
    "If a pan catches fire, turn off the heat and, if you can do so safely, cover the pan with its "
    "lid or with the fire blanket that hangs at the end of the cooker line. Never move the pan and "
    "never throw water on burning oil."
)
KS_ALARM = (
    "If the fire alarm sounds, leave by the nearest exit, without stopping to collect your things, "
    "and go to the assembly point in Car Park B, opposite the Larch Building."
)
KS_FIRST_AIDER = "On Tuesday evenings the first-aider is Imogen Salt, the kitchen technician."
KS_SALT_WHERE = (
    "She is in the kitchen office next to Room K2 from 5.30 pm until the end of the session."
)
KS_TUTORS_TRAINED = "All the tutors are also trained in emergency first aid."
KS_KIT = "The first-aid kit is on the wall beside the door of Room K2."
KS_TASTE = (
    "Yes, but use a clean teaspoon each time, and never put a spoon back into the pan after "
    "tasting."
)
KS_GLOVES = "No. Disposable gloves are only for covering a plaster. Wash your hands as usual."
KS_UPSET = (
    "No. Stay away until 48 hours after your symptoms have stopped, and let the Adult Learning "
    "Office know that you will miss the session."
)
KS_DROPPED = "Throw it away and tell your tutor, who will give you more of the ingredient."

# --- changes for the spring term (hard-wrapped e-mail) -------------------------------------------
CH_SUBJECT = "Subject: Changes for the spring term"
CH_FOUR = "please note four changes to the student handbook."
CH_BREAD = (
    "The Teaching Kitchen is needed for the college's open evening on Tuesday 10 February, so the "
    "week 5 session (Bread 2: enriched doughs) will take place on Thursday 12 February 2026 "
    "instead, at the usual time of 6.30 pm to 9.00 pm in Room K2."
)
CH_INSTALMENT = "The second instalment of the fee is still due on Tuesday 10 February."
CH_FENWICK = "Hal Fenwick is no longer able to teach on the course."
CH_QUINN = (
    "The fish session on Tuesday 24 February will be taught by Dervla Quinn, who lectures in "
    "professional cookery at the college and ran the kitchen of the Old Granary restaurant in "
    "Marlbury for eight years."
)
CH_QUINN_MAIL = "She can be contacted at d.quinn@wrenfield.example."
CH_OVER_65 = (
    "Following the college's fee review, the reduced fee of £140 for students aged 65 or over no "
    "longer applies to enrolments made on or after 1 January 2026. These students now pay the "
    "full fee of £185, or the concessionary fee of £95 if they receive a means-tested benefit."
)
CH_KEEPS = "Anyone who enrolled at the £140 rate before 1 January keeps it."
CH_MENU = (
    "The deadline for part C of the assessment (menu plan and costing) has moved from Friday 13 "
    "March to Monday 16 March 2026 at 9 am"
)
CH_SIGNED = "Nadia Petrakis Adult Learning Coordinator"
CH_PHONE = "please phone us on 01632 960418 or reply to this e-mail."


# fmt: off
NEW: list[Q] = [
    # --- single facts (including "what happens if") --------------------------------------------
    Q("ht-sf-01", "single_fact", "How much do I have to shell out for the course?",
      "£185, which covers all the ingredients, the loan of an apron and hat, and the certificate (concessions: £95 on a means-tested benefit).",
      [["£185"]],
      [x(HB, HB_FEE)], ["shell out"]),
    Q("ht-sf-02", "single_fact", "What time do the classes finish?",
      "At 9.00 pm (they run from 6.30 pm on Tuesday evenings).",
      [["9.00 pm"]],
      [x(HB, HB_WHEN)], ["finish"]),
    Q("ht-sf-03", "single_fact", "Where is the course held?",
      "In the Teaching Kitchen, Room K2, on the ground floor of the Larch Building, Brook Street campus, Marlbury.",
      [["K2"], ["Larch Building"]],
      [x(HB, HB_WHEN)]),
    Q("ht-sf-04", "single_fact", "How many spots are there on the course?",
      "12 places, given in the order enrolments are received.",
      [["12 places"]],
      [x(HB, HB_PLACES)], ["spots"]),
    Q("ht-sf-05", "single_fact", "How long have I got to get my money back in full if I change my mind?",
      "Within 14 days of enrolling: a full refund, less a £15 administration charge.",
      [["14 days"]],
      [x(HB, HB_REFUND_14)], ["money back", "change my mind"]),
    Q("ht-sf-06", "single_fact", "How much do they keep back for admin if I pull out in the first fortnight?",
      "£15, the administration charge taken off the refund for withdrawing within 14 days of enrolling.",
      [["£15"]],
      [x(HB, HB_REFUND_14)], ["admin", "pull out", "fortnight"]),
    Q("ht-sf-07", "single_fact", "How late can I turn up and still do the cooking?",
      "Up to 15 minutes: a student more than 15 minutes late may not take part in the practical work, but may watch the demonstration.",
      [["15 minutes"]],
      [x(HB, HB_LATE)], ["turn up"]),
    Q("ht-sf-08", "single_fact", "By what time do I have to let the office know I can't make it?",
      "Before 4 pm on the day, by phone or e-mail to the Adult Learning Office.",
      [["4 pm"]],
      [x(HB, HB_ABSENT)], ["can't make it"]),
    Q("ht-sf-09", "single_fact", "How much is the second instalment of the fee and when is it due?",
      "£90, due by Tuesday 10 February 2026 (the notice of 8 January confirms the date still stands).",
      [["£90"], ["10 February"]],
      [x(HB, HB_INST), x(CH, CH_INSTALMENT)]),
    Q("ht-sf-10", "single_fact", "How long does the leek and potato soup keep in the fridge?",
      "3 days.",
      [["3 days"]],
      [x(RC, RC_SOUP_STORE)]),
    Q("ht-sf-11", "single_fact", "What oven temperature is the soda bread baked at?",
      "220°C, gas mark 7 (20°C lower in a fan oven).",
      [["220°C", "gas mark 7"]],
      [x(RC, RC_BREAD_META)]),
    Q("ht-sf-12", "single_fact", "How much cheese goes in the quiche?",
      "150 g of mature cheddar, grated.",
      [["150 g"]],
      [x(RC, RC_QUICHE_CHEESE)]),
    Q("ht-sf-13", "single_fact", "How hot does the inside of a piece of fish need to get before it's safe to eat?",
      "63°C at the centre (the thickest part), checked with a probe thermometer.",
      [["63°C"]],
      [x(KS, KS_FISH), x(RC, RC_HAKE_63)], ["inside"]),
    Q("ht-sf-14", "single_fact", "I've burnt my hand on a hot tray. How long should I hold it under running water?",
      "20 minutes, under cool or lukewarm running water; do not use ice.",
      [["20 minutes"]],
      [x(KS, KS_COOL)], ["burnt", "hold"]),
    Q("ht-sf-15", "single_fact", "Where do we go if the fire alarm goes off?",
      "Leave by the nearest exit without collecting your things and go to the assembly point in Car Park B, opposite the Larch Building.",
      [["Car Park B"]],
      [x(KS, KS_ALARM)], ["goes off"]),
    Q("ht-sf-16", "single_fact", "What's the pass mark?",
      "At least 50% overall, and at least 40% in the practical assessment.",
      [["50%"], ["40%"]],
      [x(HB, HB_PASS)], ["pass mark"]),
    Q("ht-sf-17", "single_fact", "How much is the resit for the practical, and when is it?",
      "£25, on Tuesday 31 March 2026; the practical can be retaken once.",
      [["£25"], ["31 March"]],
      [x(HB, HB_RETAKE)], ["resit"]),
    Q("ht-sf-18", "single_fact", "How long can the menu plan be?",
      "No more than 500 words.",
      [["500 words"]],
      [x(HB, HB_MENU)]),
    Q("ht-sf-19", "single_fact", "How many classes can I skip and still get the certificate?",
      "Two: you must attend at least 8 of the 10 sessions (and pass the assessment).",
      [["8 of the 10"]],
      [x(HB, HB_CERT)], ["skip"]),
    Q("ht-sf-20", "single_fact", "How many people does the cheese and leek quiche serve?",
      "6 (six).",
      [["6"]],
      [x(RC, RC_QUICHE_META)]),
    Q("ht-sf-21", "single_fact", "How long does the soda bread take in the oven?",
      "30 to 35 minutes at 220°C (gas mark 7), until it sounds hollow when tapped underneath.",
      [["30 to 35 minutes"]],
      [x(RC, RC_BREAD_DONE)]),
    Q("ht-sf-22", "single_fact", "What can I use for the soda bread if I haven't got buttermilk?",
      "Stir 1 tbsp of lemon juice into 400 ml of milk and leave it for 10 minutes.",
      [["lemon juice"]],
      [x(RC, RC_BUTTERMILK)]),
    Q("ht-sf-23", "single_fact", "How quickly will the cash come back to me once I've asked to leave?",
      "Within 21 days of the request, to the card or account used to pay.",
      [["21 days"]],
      [x(HB, HB_21_DAYS)], ["cash"]),
    Q("ht-sf-24", "single_fact", "How many times can leftovers be warmed up again?",
      "Only once.",
      [["once"]],
      [x(KS, KS_ONCE), x(RC, RC_HAKE_STORE)], ["leftovers", "warmed up"]),
    Q("ht-sf-25", "single_fact", "What happens if I don't pay the second instalment on time?",
      "You may not attend further sessions until it is paid.",
      [["until it is paid"]],
      [x(HB, HB_INST_LATE)]),
    Q("ht-sf-26", "single_fact", "What happens if I miss two sessions in a row without telling anyone?",
      "You may be withdrawn from the course and your place offered to the waiting list.",
      [["withdrawn"]],
      [x(HB, HB_TWO_MISSED)]),
    Q("ht-sf-27", "single_fact", "What happens if the college has to call off one of the evenings?",
      "It will try to rearrange the session; if it cannot, each student receives £18 for each cancelled session.",
      [["£18"]],
      [x(HB, HB_CANCEL)], ["call off"]),
    Q("ht-sf-28", "single_fact", "What happens if my skills log is a few days overdue?",
      "Work up to 7 days late is marked but capped at 50%; more than 7 days late, it is not marked.",
      [["capped"], ["7 days"]],
      [x(HB, HB_LATE_WORK)], ["overdue"]),
    # --- attribution ------------------------------------------------------------------------------
    Q("ht-at-01", "attribution", "Who teaches the bread sessions?",
      "Tomasz Brennick, who also teaches the pastry session.",
      [["Brennick"]],
      [x(HB, HB_TUTORS), x(HB, HB_W4)]),
    Q("ht-at-02", "attribution", "Who's the first-aider on Tuesday nights?",
      "Imogen Salt, the kitchen technician; the tutors are also trained in emergency first aid.",
      [["Imogen Salt"]],
      [x(KS, KS_FIRST_AIDER)], ["nights"]),
    Q("ht-at-03", "attribution", "Who do I have to tell if I want to drop out of the course?",
      "The Adult Learning Office, in writing (e-mail or letter); telling the tutor is not enough.",
      [["Adult Learning Office"]],
      [x(HB, HB_WITHDRAW)], ["drop out"]),
    Q("ht-at-04", "attribution", "Who signs the kitchen skills log?",
      "The tutor, at the end of each session (the student keeps the log).",
      [["tutor"]],
      [x(HB, HB_LOG_SIGN)]),
    Q("ht-at-05", "attribution", "Who's in charge of the course?",
      "Marguerite Oduya, the course leader, who teaches most of the sessions.",
      [["Marguerite Oduya"]],
      [x(HB, HB_TUTORS)], ["in charge"]),
    Q("ht-at-06", "attribution", "Who should I ask if I need more time for an assignment?",
      "The course leader (Marguerite Oduya), at least 48 hours before the deadline.",
      [["course leader"]],
      [x(HB, HB_EXTENSION)], ["assignment"]),
    Q("ht-at-07", "attribution", "Who keeps the list of the students' allergies?",
      "The tutor, in the kitchen office; it is checked before each session.",
      [["tutor"]],
      [x(KS, KS_ALLERGY_LIST)]),
    Q("ht-at-08", "attribution", "Who sent the e-mail about the changes for the spring term?",
      "Nadia Petrakis, Adult Learning Coordinator, from the Adult Learning Office.",
      [["Nadia Petrakis"]],
      [x(CH, CH_SIGNED)]),
    Q("ht-at-09", "attribution", "If someone needs an ambulance, who do we ring so it's met at the gate?",
      "Campus security, on 01632 960777, so that someone can meet the ambulance at the Brook Street gate.",
      [["campus security"]],
      [x(KS, KS_SECURITY)]),
    Q("ht-at-10", "attribution", "Who marks the practical assessment, and on what?",
      "The tutor: the food, the student's hygiene and how the student organises the work.",
      [["tutor"], ["hygiene"]],
      [x(HB, HB_MARKS)]),
    # --- comparison -------------------------------------------------------------------------------
    Q("ht-cp-01", "comparison", "Which uses more cheese, the cauliflower cheese or the quiche?",
      "The quiche: 150 g of mature cheddar, against 100 g in the cauliflower cheese.",
      [["150 g"], ["100 g"]],
      [x(RC, RC_QUICHE_CHEESE), x(RC, RC_CAULI_CHEESE)]),
    Q("ht-cp-02", "comparison", "Do the hake and the quiche go in the oven at the same temperature?",
      "No. The hake is baked at 200°C (gas mark 6); the quiche is baked blind at 190°C (gas mark 5), then at 170°C (gas mark 3) with the filling.",
      [["200°C"], ["190°C"]],
      [x(RC, RC_HAKE_META), x(RC, RC_QUICHE_META)]),
    Q("ht-cp-03", "comparison", "How much cheaper is the concessionary fee than the full fee?",
      "£90 less: £95 instead of £185.",
      [["£95"], ["£185"]],
      [x(HB, HB_FEE), x(HB, HB_CONC)], ["cheaper"]),
    Q("ht-cp-04", "comparison", "Which counts for more, the skills log or the menu plan?",
      "The kitchen skills log, 30%, against 20% for the menu plan and costing (the practical is 50%).",
      [["30%"], ["20%"]],
      [x(HB, HB_PART_A), x(HB, HB_PART_C)]),
    Q("ht-cp-05", "comparison", "Which lasts longer in the fridge once cooked, fish or chicken?",
      "Chicken: cooked poultry keeps for 2 days, cooked fish for 1 day.",
      [["2 days"], ["1 day"]],
      [x(KS, KS_POULTRY), x(KS, KS_FISH)], ["lasts"]),
    Q("ht-cp-06", "comparison", "Is the leek and potato soup or the chickpea curry quicker to make?",
      "The curry: 10 minutes' prep and 25 minutes' cooking, against 15 and 30 for the soup.",
      [["25 minutes"], ["30 minutes"]],
      [x(RC, RC_CURRY_META), x(RC, RC_SOUP_META)], ["quicker"]),
    Q("ht-cp-07", "comparison", "How do the core temperatures for egg dishes and poultry compare?",
      "Egg dishes such as quiche must reach 72°C at the centre; poultry 75°C.",
      [["72°C"], ["75°C"]],
      [x(KS, KS_EGG), x(KS, KS_POULTRY)]),
    # --- multi-document ---------------------------------------------------------------------------
    Q("ht-md-01", "multi_doc", "How long can I keep leftover quiche, and how hot should it get if I warm it up?",
      "2 days in the fridge, covered; reheat until piping hot, with the centre reaching 72°C (egg dishes).",
      [["2 days"], ["72°C"]],
      [x(RC, RC_QUICHE_STORE), x(KS, KS_EGG)], ["leftover", "warm it up"]),
    Q("ht-md-02", "multi_doc", "What date do we cook the baked hake?",
      "In week 6, the fish session, on Tuesday 24 February 2026.",
      [["24 Feb"]],
      [x(RC, RC_HAKE_HEAD), x(HB, HB_W6)]),
    Q("ht-md-03", "multi_doc", "What do I need to take my food home in, and when should it go in the fridge?",
      "Two clean lidded containers of about 1 litre and an insulated or cool bag; the food goes into the cool bag at the end of the session and into a fridge as soon as you get home.",
      [["containers"], ["cool bag"]],
      [x(HB, HB_CONTAINERS), x(HB, HB_COOL_BAG), x(KS, KS_HOME)]),
    Q("ht-md-04", "multi_doc", "Which allergens are in the dish we make in the sauces week?",
      "The sauces week is week 3 (27 January), when we make cauliflower cheese: milk, gluten (flour, breadcrumbs) and mustard.",
      [["mustard"], ["gluten"]],
      [x(HB, HB_W3), x(RC, RC_CAULI_HEAD), x(RC, RC_CAULI_ALLERGENS)]),
    Q("ht-md-05", "multi_doc", "What are the rules on jewellery in the kitchen?",
      "Rings (other than a plain band), watches and bracelets must be taken off before cooking, and long hair tied back.",
      [["plain band"]],
      [x(HB, HB_RINGS), x(KS, KS_JEWELLERY)], ["jewellery"]),
    Q("ht-md-06", "multi_doc", "When is the enriched doughs session now, and who teaches it?",
      "Thursday 12 February 2026, 6.30 pm to 9.00 pm in Room K2 (moved from Tuesday 10 February), taught by Tomasz Brennick.",
      [["12 February"], ["Brennick"]],
      [x(CH, CH_BREAD), x(HB, HB_W5)]),
    Q("ht-md-07", "multi_doc", "How much does the budget curry work out at per plate, and which evening do we make it?",
      "About 90p a portion (at January 2026 prices); it's the week 8 dish, on Tuesday 10 March 2026.",
      [["90p"], ["10 Mar"]],
      [x(RC, RC_BUDGET), x(RC, RC_CURRY_HEAD), x(HB, HB_W8)], ["per plate"]),
    # --- disagreement -----------------------------------------------------------------------------
    Q("ht-dg-01", "disagreement", "Is the Bread 2 session on 10 February or 12 February?",
      "Thursday 12 February 2026: the handbook's timetable says Tuesday 10 February, but the 8 January notice moved it because the kitchen is needed for an open evening.",
      [["12 February"]],
      [x(CH, CH_BREAD), x(HB, HB_W5)]),
    Q("ht-dg-02", "disagreement", "Who is teaching the fish session?",
      "Dervla Quinn. The handbook names the guest tutor Hal Fenwick, but the notice of 8 January says he can no longer teach and she takes the session on 24 February.",
      [["Dervla Quinn"]],
      [x(CH, CH_QUINN), x(CH, CH_FENWICK), x(HB, HB_TUTORS)]),
    Q("ht-dg-03", "disagreement", "I'm 67 and enrolled on 5 January. Do I pay the £140 rate?",
      "No: the handbook offers £140 to students aged 65 or over, but the notice says that rate no longer applies to enrolments from 1 January 2026; you pay £185, or £95 with a means-tested benefit.",
      [["£185"]],
      [x(CH, CH_OVER_65), x(HB, HB_CONC)]),
    Q("ht-dg-04", "disagreement", "When is the menu plan due?",
      "Monday 16 March 2026 at 9 am, according to the 8 January notice; the handbook's table still says Friday 13 March, 5 pm.",
      [["16 March"]],
      [x(CH, CH_MENU), x(HB, HB_PART_C)]),
    Q("ht-dg-05", "disagreement", "How do I contact the fish tutor?",
      "The new fish tutor, Dervla Quinn, at d.quinn@wrenfield.example. (The handbook says the original guest tutor, Hal Fenwick, could be contacted only through the office.)",
      [["d.quinn@wrenfield.example"]],
      [x(CH, CH_QUINN_MAIL), x(HB, HB_FENWICK_OFFICE)]),
    # --- false premise ----------------------------------------------------------------------------
    Q("ht-fp-01", "false_premise", "Why is the course on Wednesday evenings?",
      "It isn't: it runs on Tuesday evenings, 6.30 pm to 9.00 pm (only the Bread 2 session moves, to Thursday 12 February).",
      [["Tuesday evenings"]],
      [x(HB, HB_WHEN)]),
    Q("ht-fp-02", "false_premise", "How much extra should I budget for ingredients on top of the fee?",
      "Nothing extra: the £185 fee includes all the ingredients used in the sessions.",
      [["includes all the ingredients"]],
      [x(HB, HB_FEE)]),
    Q("ht-fp-03", "false_premise", "Which knives do I have to buy before the course starts?",
      "None: the college provides knives and other equipment; you may bring your own, carried in a knife roll or case.",
      [["college provides"]],
      [x(HB, HB_PROVIDES)]),
    Q("ht-fp-04", "false_premise", "Why can't the chickpea curry be frozen?",
      "It can: it keeps up to 3 months in the freezer (it's the cauliflower cheese that is not suitable for freezing).",
      [["3 months"]],
      [x(RC, RC_CURRY_STORE)]),
    Q("ht-fp-05", "false_premise", "When is the catch-up session for people who miss a week?",
      "There are no catch-up sessions; the recipes and the tutor's notes are posted on the course page by the following Friday.",
      [["no catch-up sessions"]],
      [x(HB, HB_CATCH_UP)]),
    # --- paraphrase -------------------------------------------------------------------------------
    Q("ht-pa-01", "paraphrase", "What time do we wrap up on a Tuesday?",
      "At 9.00 pm.",
      [["9.00 pm"]],
      [x(HB, HB_WHEN)], ["wrap up"], paraphrase_of="ht-sf-02"),
    Q("ht-pa-02", "paraphrase", "Until when can I withdraw and still get a full refund?",
      "Within 14 days of enrolling (less a £15 administration charge).",
      [["14 days"]],
      [x(HB, HB_REFUND_14)], paraphrase_of="ht-sf-05"),
    Q("ht-pa-03", "paraphrase", "What core temperature does fish have to reach?",
      "63°C.",
      [["63°C"]],
      [x(KS, KS_FISH), x(RC, RC_HAKE_63)], paraphrase_of="ht-sf-13"),
    Q("ht-pa-04", "paraphrase", "If I get stuck in traffic and arrive 20 minutes after the start, can I still cook?",
      "No: more than 15 minutes late, you may not take part in the practical work, but you can stay and watch the demonstration.",
      [["15 minutes"]],
      [x(HB, HB_LATE)], ["traffic"], paraphrase_of="ht-sf-07"),
    # --- follow-up --------------------------------------------------------------------------------
    Q("ht-fu-01", "follow_up", "And how do I get in touch with him?",
      "By e-mail, at t.brennick@wrenfield.example, or through the Adult Learning Office; tutors do not have college phones.",
      [["t.brennick@wrenfield.example"]],
      [x(HB, HB_BRENNICK_MAIL), x(HB, HB_NO_PHONES)], ["get in touch"],
      history=hist("Who teaches the pastry session?",
                   "Tomasz Brennick, on Tuesday 3 March 2026.")),
    Q("ht-fu-02", "follow_up", "How long does the pastry have to sit in the fridge?",
      "30 minutes, wrapped.",
      [["30 minutes"]],
      [x(RC, RC_QUICHE_CHILL)], ["sit in"],
      history=hist("What do we make in the pastry week?",
                   "A cheese and leek quiche in shortcrust pastry.")),
    Q("ht-fu-03", "follow_up", "Can I freeze it?",
      "Yes, before adding the cream, for up to 3 months.",
      [["3 months"]],
      [x(RC, RC_SOUP_STORE)],
      history=hist("How long does the leek and potato soup keep?",
                   "3 days in the fridge.")),
    Q("ht-fu-04", "follow_up", "When should we dial 999?",
      "If there are any signs of anaphylaxis, such as difficulty breathing, a swollen tongue or throat, or feeling faint; say \"anaphylaxis\".",
      [["anaphylaxis"]],
      [x(KS, KS_999)], ["dial"],
      history=hist("What's the first thing to do if someone has an allergic reaction?",
                   "Stop cooking and call the tutor and the first-aider at once; if they have an adrenaline auto-injector, help them use it.")),
    Q("ht-fu-05", "follow_up", "Can I split it into two payments?",
      "Yes, the full fee can be paid in two instalments: £95 at enrolment and £90 by Tuesday 10 February 2026 (a concessionary fee must be paid in full).",
      [["£95"], ["£90"]],
      [x(HB, HB_INST)], ["split", "payments"],
      history=hist("What's the course fee?",
                   "£185, including the ingredients, the loan of an apron and hat, and the certificate.")),
    Q("ht-fu-06", "follow_up", "And when does it need to be seen at hospital?",
      "If it is deep, or still bleeding after 10 minutes of pressure.",
      [["10 minutes"]],
      [x(KS, KS_CUT_HOSPITAL)],
      history=hist("What do I do if I cut myself?",
                   "Press on it firmly with a clean cloth and raise it above the level of the heart; when it stops bleeding, cover it with a blue plaster and a glove.")),
    Q("ht-fu-07", "follow_up", "Who's taking it now that Hal Fenwick can't?",
      "Dervla Quinn, who lectures in professional cookery at the college.",
      [["Dervla Quinn"]],
      [x(CH, CH_QUINN)],
      history=hist("Which week is the fish session?",
                   "Week 6, on Tuesday 24 February 2026.")),
    Q("ht-fu-08", "follow_up", "What's her phone number?",
      "Not given: no number is listed for Imogen Salt (only the Adult Learning Office, 01632 960418, and campus security, 01632 960777).",
      history=hist("Who is the first-aider on Tuesday evenings?",
                   "Imogen Salt, the kitchen technician.")),
    Q("ht-fu-09", "follow_up", "What if I don't pass it?",
      "You may retake it once, on Tuesday 31 March 2026, for a fee of £25.",
      [["31 March"], ["£25"]],
      [x(HB, HB_RETAKE)],
      history=hist("What happens in the practical assessment?",
                   "You cook a two-course meal for two people in 2 hours, alone, from recipes in the booklet; it is worth 50%.")),
    # --- heading ----------------------------------------------------------------------------------
    Q("ht-hd-01", "heading", "Which section of the handbook covers refunds?",
      "Section 3, \"Fees and refunds\" (3.4 Refunds).",
      [["Fees and refunds"]],
      [x(HB, HB_FEES_HEAD)]),
    Q("ht-hd-02", "heading", "Which part of the handbook tells me what gear to bring?",
      "Section 6, \"What to bring\".",
      [["What to bring"]],
      [x(HB, HB_BRING_HEAD)], ["gear"]),
    Q("ht-hd-03", "heading", "Under which heading does the safety page say what to do about a burn?",
      "\"Burns, scalds and cuts\".",
      [["Burns, scalds and cuts"]],
      [x(KS, KS_BURNS_HEAD)]),
    Q("ht-hd-04", "heading", "What's the table on the safety page called?",
      "\"Safe core temperatures and fridge times\".",
      [["Safe core temperatures"]],
      [x(KS, KS_TABLE_TITLE)]),
    Q("ht-hd-05", "heading", "What's the subject line of the e-mail from the Adult Learning Office?",
      "\"Changes for the spring term\".",
      [["Changes for the spring term"]],
      [x(CH, CH_SUBJECT)]),
    Q("ht-hd-06", "heading", "Which section of the handbook deals with being late?",
      "Section 4, \"Attendance and lateness\".",
      [["Attendance and lateness"]],
      [x(HB, HB_ATTEND_HEAD)]),
    # --- overview ---------------------------------------------------------------------------------
    Q("ht-ov-01", "overview", "What's this course about?",
      "Cook from Scratch is a ten-session practical evening cookery course for adults at Wrenfield Community College, on Tuesdays 6.30-9.00 pm: each session a demonstration, then students cook in pairs (knife skills, stocks and soups, sauces, bread, fish, pastry, one-pot and budget meals), ending with a practical assessment and a celebration buffet.",
      [["cookery"], ["Tuesday"]],
      [x(HB, HB_ABOUT), x(HB, HB_PAIRS), x(HB, HB_WHEN)]),
    Q("ht-ov-02", "overview", "Sum up the safety page.",
      "How to stay safe in the Teaching Kitchen: getting ready (jewellery off, hair tied back, hands washed for 20 seconds), knives and colour-coded boards, core temperatures and fridge times, the allergy procedure, first aid for burns and cuts, fire, the first-aider (Imogen Salt) and a short FAQ.",
      [["first-aider"], ["allergy", "allergic"]],
      [x(KS, KS_INTRO), x(KS, KS_WASH), x(KS, KS_TABLE_TITLE), x(KS, KS_PURPLE), x(KS, "If someone has an allergic reaction:"), x(KS, KS_COOL), x(KS, KS_FIRST_AIDER)], ["sum up"]),
    Q("ht-ov-03", "overview", "Give me the gist of the e-mail about changes.",
      "Four changes to the handbook: Bread 2 moves to Thursday 12 February; Dervla Quinn replaces Hal Fenwick for the fish session; the £140 over-65 rate is withdrawn for enrolments from 1 January 2026; the menu plan deadline moves to Monday 16 March, 9 am.",
      [["12 February"], ["Dervla Quinn"]],
      [x(CH, CH_FOUR), x(CH, CH_BREAD), x(CH, CH_QUINN), x(CH, CH_OVER_65), x(CH, CH_MENU)], ["gist"]),
    Q("ht-ov-04", "overview", "What recipes are in the booklet?",
      "Six: leek and potato soup, cauliflower cheese, soda bread, baked hake with a lemon and herb crust, cheese and leek quiche, and chickpea and spinach curry.",
      [["Leek and potato soup"], ["Chickpea and spinach curry"]],
      [x(RC, RC_SOUP_HEAD), x(RC, RC_CAULI_HEAD), x(RC, RC_BREAD_HEAD), x(RC, RC_HAKE_HEAD), x(RC, RC_QUICHE_HEAD), x(RC, RC_CURRY_HEAD)]),
    Q("ht-ov-05", "overview", "In a nutshell, how is the course assessed?",
      "In three parts: a kitchen skills log (30%), a practical assessment cooking a two-course meal in 2 hours (50%) and a menu plan and costing (20%); a pass needs 50% overall and 40% in the practical.",
      [["skills log"], ["menu plan"]],
      [x(HB, HB_PARTS), x(HB, HB_PART_A), x(HB, HB_PART_B), x(HB, HB_PART_C), x(HB, HB_PASS)], ["nutshell"]),
    # --- yes/no -----------------------------------------------------------------------------------
    Q("ht-yn-01", "yes_no", "Can my 16-year-old daughter join the course?",
      "No: the course is open to students aged 18 or over.",
      [["18 or over"]],
      [x(HB, HB_AGE)], ["daughter"]),
    Q("ht-yn-02", "yes_no", "Do I need any previous experience?",
      "No, no previous experience is needed.",
      [["No previous experience"]],
      [x(HB, HB_ABOUT)]),
    Q("ht-yn-03", "yes_no", "Can I wear flip-flops in the kitchen?",
      "No: you need sturdy shoes that cover the whole foot; sandals and open-toed shoes are not allowed.",
      [["not allowed"]],
      [x(HB, HB_SHOES)], ["flip-flops"]),
    Q("ht-yn-04", "yes_no", "Can I bring my own knives?",
      "Yes, but they must be carried to and from the college in a knife roll or a case (the college provides knives anyway).",
      [["knife roll"]],
      [x(HB, HB_OWN_KNIVES)]),
    Q("ht-yn-05", "yes_no", "Is it OK to just pop on gloves rather than scrub up?",
      "No: disposable gloves are only for covering a plaster; wash your hands as usual.",
      [["only for covering a plaster"]],
      [x(KS, KS_GLOVES)], ["pop on", "scrub up"]),
    Q("ht-yn-06", "yes_no", "I was throwing up on Sunday. Should I come in on Tuesday?",
      "No: stay away until 48 hours after your symptoms have stopped, and tell the Adult Learning Office you will miss the session.",
      [["48 hours"]],
      [x(KS, KS_UPSET)], ["throwing up"]),
    Q("ht-yn-07", "yes_no", "Can I bring a friend to the last session?",
      "Yes: at the week 10 celebration buffet each student may invite one guest.",
      [["one guest"]],
      [x(HB, HB_BUFFET)], ["friend"]),
    Q("ht-yn-08", "yes_no", "Is the chickpea curry vegan?",
      "Yes, though some curry powder blends contain mustard or celery, so check the label.",
      [["Vegan"]],
      [x(RC, RC_CURRY_META)]),
    Q("ht-yn-09", "yes_no", "Can I freeze the cauliflower cheese?",
      "No, it is not suitable for freezing; it keeps for 2 days in the fridge.",
      [["Not suitable for freezing"]],
      [x(RC, RC_CAULI_STORE)]),
    Q("ht-yn-10", "yes_no", "Can I throw water on a pan that's caught fire?",
      "No: never throw water on burning oil. Turn off the heat and, if safe, cover the pan with its lid or the fire blanket, without moving it.",
      [["never throw water"]],
      [x(KS, KS_PAN_FIRE)]),
    Q("ht-yn-11", "yes_no", "If I drop out after week 4, do I get anything back?",
      "No: no refund is given after the third session, except on medical grounds with a doctor's note, or if the college cancels the course.",
      [["No refund"]],
      [x(HB, HB_NO_REFUND)], ["drop out"]),
    # --- unanswerable -----------------------------------------------------------------------------
    Q("ht-un-01", "unanswerable", "How much does a hake fillet cost for the fish week?",
      "Not given: the booklet lists 2 hake fillets of about 150 g each, but no prices (the fee includes all ingredients)."),
    Q("ht-un-02", "unanswerable", "What's Marguerite Oduya's phone number?",
      "Not given: tutors do not have college phones; she can be e-mailed at m.oduya@wrenfield.example or reached through the Adult Learning Office."),
    Q("ht-un-03", "unanswerable", "How many calories are in a slice of the soda bread?",
      "Not given: the booklet does not give nutritional information.", terms=["calories"]),
    Q("ht-un-04", "unanswerable", "Is there parking at the Brook Street campus for students?",
      "Not stated: Car Park B is named only as the fire assembly point.", terms=["parking"]),
    Q("ht-un-05", "unanswerable", "What's the recipe for the enriched dough in week 5?",
      "Not given: the booklet has no recipe for the Bread 2 session; it has only the soda bread from week 4."),
    Q("ht-un-06", "unanswerable", "What goes into the flatbreads we make in the first bread session?",
      "Not given: flatbreads are on the week 4 timetable, but the booklet has only a soda bread recipe."),
    Q("ht-un-07", "unanswerable", "Which bus stops closest to the Larch Building?",
      "Not given: no travel information is provided.", terms=["bus"]),
    Q("ht-un-08", "unanswerable", "How soon after the course will the certificate be sent to me?",
      "Not stated: the documents say what the certificate requires, not when it is issued."),
    Q("ht-un-09", "unanswerable", "What's the last date to enrol on the course?",
      "Not given: places are given in the order enrolments are received; no closing date is stated."),
    Q("ht-un-10", "unanswerable", "Why can't Hal Fenwick teach the fish session any more?",
      "Not stated: the notice says only that he is no longer able to teach on the course."),
    Q("ht-un-11", "unanswerable", "Does my guest have to pay to come to the celebration buffet?",
      "Not stated: each student may invite one guest, but nothing is said about a charge.", terms=["pay to come"]),
    Q("ht-un-12", "unanswerable", "Can I resubmit the menu plan if I fail it?",
      "Not stated: only a retake of the practical assessment is described.", terms=["resubmit"]),
    Q("ht-un-13", "unanswerable", "What's the wifi password in the kitchen?",
      "Not given: the documents do not mention wifi.", terms=["wifi"]),
    Q("ht-un-14", "unanswerable", "How many students passed the course last year?",
      "Not given: no results from previous years are reported."),
    Q("ht-un-15", "unanswerable", "Which brand of curry powder does the curry recipe use?",
      "Not given: it asks for 2 tbsp of medium curry powder, with no brand.", terms=["brand"]),
    Q("ht-un-16", "unanswerable", "How much rice should I cook to go with the chickpea curry?",
      "Not given: the recipe does not mention rice or a side dish."),
    Q("ht-un-17", "unanswerable", "What is Imogen Salt's e-mail address?",
      "Not given: only the tutors' and the Adult Learning Office's e-mail addresses are listed."),
    Q("ht-un-18", "unanswerable", "How much does a replacement certificate cost?",
      "Not stated: the documents do not mention replacement certificates."),
    Q("ht-un-19", "unanswerable", "How many people are on the waiting list?",
      "Not given: a waiting list is mentioned without a number."),
    Q("ht-un-20", "unanswerable", "Is there a discount if I sign up with a friend?",
      "Not stated: the only reduced fees mentioned are the concessions.", terms=["discount", "sign up", "friend"]),
    Q("ht-un-21", "unanswerable", "What did Dervla Quinn cook at the Old Granary?",
      "Not given: the notice says only that she ran its kitchen for eight years."),
    Q("ht-un-22", "unanswerable", "What size dish should I use for the cauliflower cheese?",
      "Not given: the recipe says only \"an ovenproof dish\"."),
    Q("ht-un-23", "unanswerable", "What wine goes well with the hake?",
      "Not given: the booklet makes no drink suggestions.", terms=["wine"]),
    Q("ht-un-24", "unanswerable", "How many ovens are there in the Teaching Kitchen?",
      "Not given: students cook in pairs, but the number of ovens is not stated."),
]
# fmt: on

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def build(write: bool = True) -> list[dict]:
    docs = read_documents(DATA / "howto" / "docs")
    return finish("howto", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
