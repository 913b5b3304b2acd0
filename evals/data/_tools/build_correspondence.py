"""Build evals/data/correspondence/questions.jsonl: questions over four pieces of fictional
correspondence about a ferry's refit overrun (documents written for this eval, CC0-1.0): an
email thread with headers, quoted replies and signatures (hard-wrapped at 72 columns), a
committee transcript with speaker turns and a Q/A section, a Markdown press release with a
dateline and an "About" boilerplate, and a letter (hard-wrapped) that corrects the release.

Run: python evals/data/_tools/build_correspondence.py, then
python -m evals.dataset --check correspondence
Evidence offsets come from the documents, never typed: each quote is written here with single
spaces and located with a regex in which a space matches any run of whitespace (two documents
are hard-wrapped), so the stored quote is the document's exact text[start:end].
"""

from __future__ import annotations

from functools import partial

from common import Q, corpus_docs, finish, hist, located

EM = "corrie-lass-email-thread.txt"
TR = "transport-committee-transcript.txt"
PR = "press-release-2026-02-05.md"
LT = "letter-community-council-2026-02-10.txt"
DOCS = corpus_docs("correspondence")


x = partial(located, DOCS)  # (doc_id, exact text[, nth]) of a quote written with single spaces


# --- quotes used by several questions ------------------------------------------------------------
PLATES = (
    "Out of the 58 plates we gauged between frames 4 and 22, fourteen are below 75% of their "
    "original thickness, which is the renewal limit in the class rules."
)
CRACK = (
    "While the stern was open we also found a crack, roughly 140 mm long, in the port propeller "
    "shaft bracket, at the weld to the hull."
)
BRANDT = (
    "Ivo Brandt from Nordmark Class came down on Friday and has seen both. He will not sign off "
    "the vessel until the plating is renewed and the bracket is repaired."
)
ESTIMATE = "Our estimate for the additional work is £186,000 plus VAT"
FOUR_WEEKS = (
    "It would add four weeks to the programme, so the Corrie Lass would leave the yard on "
    "16 March instead of 16 February."
)
CHARTER = (
    "Merrin Marine have confirmed that she is available until the end of March at the same rate "
    "of £4,200 a day, including crew and fuel."
)
PASSENGERS_ONLY = (
    "The trouble is that she carries passengers only (96 of them) and no vehicles, so for a "
    "further month the island would have no way of getting a car, a van or a fuel delivery across."
)
DANA_PROPOSAL = (
    "My proposal is that we hire the landing craft Glenmore Lady from Strath Marine for a freight "
    "run twice a week, on Tuesdays and Fridays."
)
STRATH = (
    "Strath quote £2,900 per return sailing. She can take up to six vehicles or 40 tonnes, and "
    "she can carry the fuel tanker for the island shop's pumps."
)
CONTINGENCY = (
    "The ferry contingency for this financial year is £250,000, and £31,000 of it is already "
    "committed to the new fenders on the Kilmorran pier."
)
PRIYA_WEEKLY = (
    "Second, Dana, I am not convinced that we need the landing craft twice a week. The shop and "
    "the fuel delivery could be handled by one sailing a week, which halves the cost."
)
PRIYA_FROM = "From: Priya Raman <priya.raman@kilmorran.example>"
NO_WAIT = (
    "None of the steel can wait. Under the class rules a plate below the renewal limit has to be "
    "renewed before the certificate is reissued, and Ivo Brandt has confirmed that in writing."
)
LOUNGE = (
    "What can wait is the cosmetic work we had added to this refit: repainting the passenger "
    "lounge and replacing its seating. Taking that out saves £23,500 and five working days."
)
REVISED = (
    "So the revised figures are: additional refit cost £162,500 plus VAT, return to service on "
    "11 March, subject to sea trials."
)
DANA_TOO_LITTLE = (
    "On the landing craft, I still think that once a week is too little. A weekly run would leave "
    "the island without a fuel delivery for up to a fortnight if a single sailing is cancelled "
    "for weather."
)
IN_WATER_EM = (
    "The 2024 inspection was an in-water survey by divers, which would not have picked up "
    "internal wastage of this kind."
)
OSEI_OPEN = (
    "MR. OSEI: Thank you, Chair. The Corrie Lass went into dry dock at Ardveen on 5 January for "
    "what should have been a six-week refit."
)
OSEI_COST = (
    "After we took out some cosmetic work, the additional cost of the refit is £162,500 plus VAT, "
    "and the vessel is due back in service on 11 March, subject to sea trials."
)
OSEI_CHARTER = (
    "We have extended the charter of the Solway Tern to cover the gap, at £4,200 a day, which is "
    "£96,600 for the 23 extra days."
)
SORRY = "I want to say on behalf of the company that I am sorry."
WHITLOCK_SERVICE = (
    "MS. WHITLOCK: Chair, the Solway Tern runs four return crossings a day, against six with the "
    "Corrie Lass, and the crossing takes 35 minutes instead of 25."
)
NINE = "In January she missed nine sailings because of the weather."
WAVES = (
    "She is limited to sailing when the significant wave height is below 1.5 metres, and the "
    "Corrie Lass can sail in up to 2.5 metres."
)
BUDGET_TR = (
    "MS. RAMAN: Chair, the ferry contingency is £250,000, of which £31,000 is committed to the "
    "pier fenders, which leaves £219,000. The refit overrun and the charter together come to "
    "£259,100, so the shortfall, before any freight service, is £40,100."
)
RESERVE = (
    "The report proposes that the shortfall is met from the company's own capital reserve, and "
    "Mr. Osei has agreed to that."
)
WEEKLY_TR = (
    "I should also say that the report recommends one landing craft sailing a week for freight, "
    "at £2,900 a sailing."
)
ELLERY_OPEN = "MS. ELLERY: Thank you, Chair. I speak for the community council"
BRACKET_FAIR = "nobody on the island thinks the ship should sail with a cracked bracket"
PEOPLE_312 = "There are 312 people living on Carrow."
PUMPS = "The shop's fuel pumps ran dry on 27 January."
WHEELCHAIR = (
    "The district nurse's car has been stuck on the mainland side, and one of our oldest "
    "residents, who is 84, had to be taken to a hospital appointment in a borrowed wheelchair, "
    "on a boat with no ramp."
)
ELLERY_ASKS = (
    "We ask for two sailings a week, on Tuesdays and Fridays, as Ms. Whitlock originally "
    "proposed. And we ask that islanders travel free until the Corrie Lass is back."
)
FINCH_2021 = (
    "CLLR. FINCH: Thank you, Chair. I'll be blunt. This is the second refit in a row that has run "
    "over. In 2021 it was three weeks late and £70,000 over budget."
)
IN_WATER_TR = (
    "The 2024 inspection was an in-water survey: divers check the outside of the hull, the "
    "propellers and the rudder. It cannot measure the thickness of the plates from the inside."
)
GAUGED_2021 = (
    "The plates were last gauged in dry dock in 2021, and at that time they were within limits."
)
FINCH_REGIME = (
    "CLLR. FINCH: Then the survey regime is not good enough. I am not prepared to sign a blank "
    "cheque. I will vote against the spending, and I want an independent review of how this "
    "vessel is maintained."
)
QA_HEAD = "QUESTIONS TO MR. PRYCE BY CLLR. HARROW"
AGE = "A: She was built in 1998, so she is 28 this year."
SERVICE_LIFE = (
    "A: With this work done, until 2034 at least. The company's fleet plan has her replaced in "
    "2033."
)
CASTING = (
    "A: There is one risk I would point to, and that is the new bracket casting. Holm Foundry "
    "have promised it for 20 February. If it is late, the date moves with it, day for day."
)
NO_DECK = "A: No. She has no vehicle deck. She is licensed for 96 passengers"
KAY_MOTION = (
    "CLLR. KAY: Chair, I move the recommendation in the report, with one change: that the "
    "landing craft runs twice a week, on Tuesdays and Fridays, for the first two weeks, and that "
    "officers then review whether the second weekly sailing is still needed."
)
HARROW_FARES = (
    "I do not think free travel is right, because the fares help pay for the service, but I "
    "propose a 50% discount on passenger fares for island residents until the Corrie Lass returns."
)
HARROW_SECOND = "CLLR. HARROW: I second that. I would also like to add a point on fares."
LOST_FARES = (
    "MS. RAMAN: Chair, for the record, the discount would cost around £6,000 a month in lost fare "
    "income, on last February's figures."
)
AMENDMENT = (
    "CLLR. FINCH: I move an amendment: that the committee commissions an independent review of "
    "the maintenance and survey regime of the Carrow Ferries fleet, to report by June."
)
SECONDER = "Is there a seconder? Councillor Harrow."
UNANIMOUS = "That is unanimous; the amendment is carried."
MOTION = (
    "Now the motion as amended: additional spending of up to £275,000, met from the ferry "
    "contingency and the company's capital reserve; the landing craft twice a week for two weeks, "
    "then a review by officers; a 50% discount on passenger fares for island residents; and the "
    "independent review."
)
VOTE = (
    "All in favour? Three. Against? One, Councillor Finch. The motion is carried by three votes "
    "to one."
)
MINUTED = (
    "CLLR. FINCH: Chair, I would like it minuted that I voted against the spending, not against "
    "the review or the help for islanders."
)
CLOSED = "The meeting closed at 11:42 a.m."
ITEM4 = "ITEM 4: MV CORRIE LASS - REFIT OVERRUN AND SERVICE ARRANGEMENTS (URGENT ITEM)"
PR_TITLE = "Corrie Lass refit extended: freight sailings and fare discount for Carrow Island"
PR_LEAD = (
    "Carrow Ferries Ltd today confirmed that the MV Corrie Lass, the vehicle ferry serving Carrow "
    "Island, will stay at Ardveen Shipyard until March, after her annual refit found corrosion in "
    "the hull near the stern. The vessel is now expected to return to service on 11 March, "
    "subject to sea trials."
)
PR_295 = (
    "At its meeting on Tuesday, Kilmorran District Council's Transport Committee approved "
    "additional spending of up to £295,000"
)
PR_SIX_WEEKS = "The refit began on 5 January and was planned to last six weeks."
PR_LANDING = (
    "The landing craft Glenmore Lady will carry vehicles and freight every Tuesday and Friday "
    "until the Corrie Lass returns."
)
PR_FIRST = (
    "The first sailing will be on Friday 6 February, leaving Kilmorran slipway at 09:30. Each "
    "sailing can take up to six vehicles."
)
PR_48 = "Vehicles must be booked at least 48 hours in advance through the Pier Office."
PR_DISCOUNT = (
    "Island residents will receive a 50% discount on passenger fares on the Solway Tern from "
    "Monday 9 February until the Corrie Lass returns."
)
PR_CARD = "Residents should show their Island Travel Card when buying a ticket."
PR_NO_REFUND = "Tickets already bought for February will not be refunded."
PR_SEASON = (
    "Holders of monthly vehicle season tickets will have February's charge credited to their "
    "accounts automatically."
)
PR_TIMES = (
    "The Solway Tern leaves Kilmorran at 07:40, 10:20, 13:30 and 16:50, and leaves Carrow "
    "45 minutes after each of those times."
)
PR_LIVESTOCK = "Livestock cannot be carried."
PR_OSEI = (
    'Neil Osei, Managing Director of Carrow Ferries, said: "Safety comes first, and we will not '
    "bring the Corrie Lass back until she is fully repaired."
)
PR_MBEKI = (
    'Councillor Ruth Mbeki, Chair of the Transport Committee, said: "The committee acted quickly '
    "because the island cannot wait."
)
PR_ELLERY = (
    "Morag Ellery, Convener of the Carrow Island Community Council, said that the community "
    'council "fully supports the plan agreed by the committee".'
)
PR_REVIEW = (
    "The review will report to the Transport Committee by June 2026. Its terms of reference will "
    "be published on the council's website."
)
PR_CAPACITY = (
    "The MV Corrie Lass was built in 1998 and can carry up to 24 cars and 180 passengers. The "
    "crossing from Kilmorran to Carrow normally takes 25 minutes."
)
PR_POP = "Carrow Island has a population of about 310."
PR_ABOUT = (
    "Carrow Ferries Ltd was founded in 1974 and is wholly owned by Kilmorran District Council."
)
PR_ROUTES = (
    "It runs three routes: Kilmorran to Carrow, Kilmorran to Inchmurran, and a summer passenger "
    "service from Carrow to Sula Rock."
)
PR_STAFF = (
    "The company employs 46 people and in 2025 carried 212,000 passengers and 38,000 vehicles."
)
PR_MEDIA = "**Media contact:** Elspeth Rennie, Communications Officer, Carrow Ferries Ltd"
LT_SUBJECT = "Your press release of 5 February 2026 about the Corrie Lass"
LT_COURIER = (
    "I write on behalf of the community council about your press release of 5 February, which "
    "has since been printed in the Kilmorran Courier and read out on local radio."
)
LT_THREE = (
    "But the release gets three things wrong, and on an island of 312 people the details matter."
)
LT_QUOTE = (
    'First, the release quotes me as saying that the community council "fully supports the plan '
    'agreed by the committee". I did not say that, and nobody from your office asked me for a '
    "comment before the release went out."
)
LT_SAID = (
    "What I said at the committee was that nobody on the island thinks the ship should sail with "
    "a cracked bracket, which is a different thing."
)
LT_FREE = (
    "We asked for free travel for islanders until the Corrie Lass is back, the committee did not "
    "agree to it, and we still think it would have been fair."
)
LT_275 = (
    "Second, the release says that the committee approved additional spending of up to £295,000. "
    "It did not. The figure the committee approved was up to £275,000"
)
LT_TWO_WEEKS = (
    "The committee agreed two sailings a week for the first two weeks only, after which the "
    "council's officers will review whether the second weekly sailing is still needed."
)
LT_UNTIL = (
    "Third, and most important, the release says that the Glenmore Lady will sail every Tuesday "
    'and Friday "until the Corrie Lass returns". That is not what was agreed.'
)
LT_CANCELLED = (
    "The Solway Tern cancelled six crossings on 6 and 7 February, and on Friday 6 February the "
    "Glenmore Lady's first sailing did not go at all."
)
LT_MORLEY = (
    "The island's doctor, Dr Anwen Morley, has asked me to put to you that one vehicle space on "
    "every Glenmore Lady sailing should be kept free until the day before, for the district "
    "nurse's car or any other emergency or care vehicle."
)
LT_27 = (
    "Your pier office told one of our members on Friday that the new shaft bracket is now "
    "expected from Holm Foundry on 27 February rather than 20 February."
)
LT_CANNOT_HOLD = (
    "If that is right, then, as Mr Pryce told the committee, the return date moves with it, and "
    "the 11 March date in your release cannot hold."
)
LT_CORRECTION = (
    "1. publish a correction of the press release, on your website and in the Kilmorran Courier, "
    "covering the quotation, the £275,000 figure and the freight sailings;"
)
LT_CONFIRM = (
    "2. confirm in writing, by 17 February, whether the Friday sailing of the Glenmore Lady will "
    "continue after 20 February;"
)
LT_MEETING = (
    "4. come, or send Ms Whitlock, to the community council's next meeting, at 7 p.m. on Tuesday "
    "24 February in the Old Schoolhouse, to answer islanders' questions in person."
)
LT_CC = "Councillor Alasdair Finch, Islands ward"
LT_SIGN = "Morag Ellery\nConvener, Carrow Island Community Council"

NEW = [
    # --- single facts -----------------------------------------------------------------------------
    Q("cr-sf-01", "single_fact", "How much extra money did the shipyard first ask for to do the additional work?",
      "£186,000 plus VAT (the yard's first estimate, 19 January 2026).",
      [["£186,000"]],
      [x(EM, ESTIMATE, 0)], ["money"]),
    Q("cr-sf-02", "single_fact", "How many of the hull plates had rusted beyond the limit?",
      "Fourteen of the 58 plates gauged between frames 4 and 22 were below 75% of their original thickness, the renewal limit.",
      [["fourteen"]],
      [x(EM, PLATES, 0)], ["rusted"]),
    Q("cr-sf-03", "single_fact", "How long is the crack in the propeller shaft bracket?",
      "Roughly 140 mm, at the weld to the hull.",
      [["140 mm"]],
      [x(EM, CRACK)]),
    Q("cr-sf-04", "single_fact", "What does it cost per day to rent the Solway Tern?",
      "£4,200 a day, including crew and fuel, from Merrin Marine.",
      [["£4,200"]],
      [x(EM, CHARTER)], ["rent"]),
    Q("cr-sf-05", "single_fact", "How big is the ferry's emergency fund this year?",
      "£250,000, of which £31,000 is already committed to the Kilmorran pier fenders.",
      [["£250,000"]],
      [x(EM, CONTINGENCY)], ["fund"]),
    Q("cr-sf-06", "single_fact", "What was the £31,000 of the contingency already set aside for?",
      "New fenders on the Kilmorran pier.",
      [["fenders"]],
      [x(EM, CONTINGENCY)], ["set aside"]),
    Q("cr-sf-07", "single_fact", "How many locals live on Carrow?",
      "312 people (the press release says about 310).",
      [["312", "310"]],
      [x(TR, PEOPLE_312), x(PR, PR_POP)], ["locals"]),
    Q("cr-sf-08", "single_fact", "When did the petrol pumps at the island shop run dry?",
      "On 27 January.",
      [["27 January"]],
      [x(TR, PUMPS)], ["petrol"]),
    Q("cr-sf-09", "single_fact", "How many workers does Carrow Ferries have?",
      "46 people.",
      [["46 people"]],
      [x(PR, PR_STAFF)], ["workers"]),
    Q("cr-sf-10", "single_fact", "When was Carrow Ferries set up?",
      "In 1974.",
      [["1974"]],
      [x(PR, PR_ABOUT)], ["set up"]),
    Q("cr-sf-11", "single_fact", "How many travellers did Carrow Ferries carry in 2025?",
      "212,000 passengers (and 38,000 vehicles).",
      [["212,000"]],
      [x(PR, PR_STAFF)], ["travellers"]),
    Q("cr-sf-12", "single_fact", "Who should journalists contact about the Corrie Lass?",
      "Elspeth Rennie, Communications Officer at Carrow Ferries.",
      [["Elspeth Rennie"]],
      [x(PR, PR_MEDIA)], ["journalists"]),
    Q("cr-sf-13", "single_fact", "What was the deadline the shipyard gave for a written go-ahead?",
      "Thursday 22 January, to hold the steel order and the foundry slot.",
      [["22 January"]],
      [x(EM, "I need a written instruction by Thursday 22 January to hold the steel order and the foundry slot.")],
      ["deadline"]),
    Q("cr-sf-14", "single_fact", "How many trips did the Solway Tern miss in January?",
      "Nine sailings, because of the weather.",
      [["nine"]],
      [x(TR, NINE)], ["trips"]),
    Q("cr-sf-15", "single_fact", "What time is the earliest Solway Tern out of Kilmorran?",
      "07:40 (then 10:20, 13:30 and 16:50).",
      [["07:40"]],
      [x(PR, PR_TIMES)], ["earliest"]),
    Q("cr-sf-16", "single_fact", "How far ahead do I need to grab a spot for my van on the Glenmore Lady?",
      "At least 48 hours in advance, through the Pier Office.",
      [["48 hours"]],
      [x(PR, PR_48)], ["spot"]),
    Q("cr-sf-17", "single_fact", "How much will the cheaper fares for islanders cost the company each month?",
      "Around £6,000 a month in lost fare income, on last February's figures.",
      [["£6,000"]],
      [x(TR, LOST_FARES)], ["cheaper"]),
    Q("cr-sf-18", "single_fact", "What time did the committee meeting wrap up?",
      "At 11:42 a.m.",
      [["11:42"]],
      [x(TR, CLOSED)], ["wrap up"]),
    Q("cr-sf-19", "single_fact", "Which part of the ship was broken?",
      "The port propeller shaft bracket, which had a crack about 140 mm long at the weld to the hull (and fourteen hull plates were below the renewal limit).",
      [["shaft bracket"]],
      [x(EM, CRACK)], ["broken"]),
    Q("cr-sf-20", "single_fact", "What's the bill for keeping the Solway Tern for the 23 extra days?",
      "£96,600 (at £4,200 a day).",
      [["£96,600"]],
      [x(TR, OSEI_CHARTER)], ["bill"]),
    Q("cr-sf-21", "single_fact", "Which newspaper printed the press release?",
      "The Kilmorran Courier (it was also read out on local radio).",
      [["Kilmorran Courier"]],
      [x(LT, LT_COURIER)], ["newspaper"]),
    Q("cr-sf-22", "single_fact", "When will the Corrie Lass be back in action?",
      "11 March 2026, subject to sea trials (the community council's letter warns the date may slip).",
      [["11 March"]],
      [x(PR, PR_LEAD)], ["back in action"]),
    Q("cr-sf-23", "single_fact", "Who is the ferry company's engineer on this job?",
      "Gareth Pryce CEng, Technical Superintendent of Carrow Ferries.",
      [["Gareth Pryce"]],
      [x(EM, "Gareth Pryce CEng\nTechnical Superintendent", 0)], ["engineer"]),
    # --- attribution ------------------------------------------------------------------------------
    Q("cr-at-01", "attribution", "Who first suggested using a landing craft twice a week?",
      "Dana Whitlock, Carrow Ferries' Operations Manager, in her email of 20 January 2026.",
      [["Whitlock"]],
      [x(EM, DANA_PROPOSAL), x(TR, ELLERY_ASKS)]),
    Q("cr-at-02", "attribution", "Who thought one landing craft sailing a week would be enough?",
      "Priya Raman, the council's Transport Officer; her report to the committee recommended one sailing a week.",
      [["Raman"]],
      [x(EM, PRIYA_FROM), x(EM, PRIYA_WEEKLY), x(TR, BUDGET_TR), x(TR, WEEKLY_TR)]),
    Q("cr-at-03", "attribution", "Who proposed the 50% fare discount for island residents?",
      "Councillor Joan Harrow, when seconding Councillor Kay's motion; Kay accepted it into the motion.",
      [["Harrow"]],
      [x(TR, HARROW_SECOND), x(TR, HARROW_FARES)]),
    Q("cr-at-04", "attribution", "Who voted against the motion at the Transport Committee?",
      "Councillor Alasdair Finch; he asked that it be minuted that he voted against the spending only.",
      [["Finch"]],
      [x(TR, VOTE)]),
    Q("cr-at-05", "attribution", "Who asked the committee for free travel for islanders?",
      "Morag Ellery, Convener of the Carrow Island Community Council.",
      [["Ellery"]],
      [x(TR, ELLERY_OPEN), x(TR, ELLERY_ASKS)]),
    Q("cr-at-06", "attribution", "Who moved the amendment calling for an independent review?",
      "Councillor Alasdair Finch; it was seconded by Councillor Harrow and carried unanimously.",
      [["Finch"]],
      [x(TR, AMENDMENT)]),
    Q("cr-at-07", "attribution", "Who seconded the independent review amendment?",
      "Councillor Joan Harrow.",
      [["Harrow"]],
      [x(TR, SECONDER)]),
    Q("cr-at-08", "attribution", "What did Gareth Pryce say when asked if some of the steelwork could wait until 2027?",
      "That none of the steel can wait: under the class rules a plate below the renewal limit has to be renewed before the certificate is reissued, and the bracket is a safety item; only the cosmetic lounge work could wait.",
      [["None of the steel"]],
      [x(EM, NO_WAIT)]),
    Q("cr-at-09", "attribution", "What is Neil Osei quoted as saying in the press release?",
      '"Safety comes first, and we will not bring the Corrie Lass back until she is fully repaired," and he thanked the people of Carrow for their patience.',
      [["Safety comes first"]],
      [x(PR, PR_OSEI)]),
    Q("cr-at-10", "attribution", "According to Mr Pryce, why didn't the 2024 check-up find the corrosion?",
      "It was an in-water survey by divers, which checks the outside of the hull and cannot measure plate thickness from the inside; the plates were last gauged in dry dock in 2021.",
      [["in-water survey"]],
      [x(TR, IN_WATER_TR), x(EM, IN_WATER_EM)], ["check-up"]),
    Q("cr-at-11", "attribution", "What does Ms Ellery say she actually told the committee?",
      "That nobody on the island thinks the ship should sail with a cracked bracket, not that the community council fully supports the plan.",
      [["cracked bracket"]],
      [x(LT, LT_SAID)]),
    Q("cr-at-12", "attribution", "Who is quoted in the press release saying the committee acted quickly?",
      "Councillor Ruth Mbeki, Chair of the Transport Committee.",
      [["Mbeki"]],
      [x(PR, PR_MBEKI)]),
    Q("cr-at-13", "attribution", "Which GP wants a vehicle space kept free for emergencies?",
      "Dr Anwen Morley, the island's doctor, through the community council's letter.",
      [["Anwen Morley"]],
      [x(LT, LT_MORLEY)], ["GP"]),
    Q("cr-at-14", "attribution", "Who told councillors that the new bracket casting was the main risk to the return date?",
      "Gareth Pryce, answering Councillor Harrow's questions: Holm Foundry promised the casting for 20 February, and if it is late the date moves day for day.",
      [["PRYCE"]],
      [x(TR, QA_HEAD), x(TR, CASTING)]),
    Q("cr-at-15", "attribution", "Who apologised to the islanders at the meeting?",
      "Neil Osei, Managing Director of Carrow Ferries, on behalf of the company.",
      [["OSEI"]],
      [x(TR, OSEI_OPEN), x(TR, SORRY)], ["apologised"]),
    Q("cr-at-16", "attribution", "Who moved the motion that the committee passed?",
      "Councillor Desmond Kay, with the landing craft twice a week for the first two weeks; Councillor Harrow seconded it.",
      [["KAY"]],
      [x(TR, KAY_MOTION)]),
    # --- multi-document ---------------------------------------------------------------------------
    Q("cr-md-01", "multi_doc", "The landing craft was first suggested for twice a week. What did the committee end up agreeing?",
      "Dana Whitlock proposed Tuesdays and Fridays; the committee agreed twice a week for the first two weeks only, then a review by officers.",
      [["first two weeks", "for two weeks"]],
      [x(EM, DANA_PROPOSAL), x(TR, KAY_MOTION), x(TR, MOTION)]),
    Q("cr-md-02", "multi_doc", "The shipyard first said the ferry would leave on 16 March. What date did the press release give?",
      "11 March, subject to sea trials: dropping the lounge work saved five working days.",
      [["11 March"]],
      [x(EM, FOUR_WEEKS), x(PR, PR_LEAD)]),
    Q("cr-md-03", "multi_doc", "When is the bracket casting now expected, and what happens to the return date if it's late?",
      "27 February rather than 20 February (according to the pier office); Mr Pryce said the date moves with it day for day.",
      [["27 February"], ["day for day"]],
      [x(LT, LT_27), x(TR, CASTING)]),
    Q("cr-md-04", "multi_doc", "From when does the fare discount apply, and how much will it cost?",
      "From Monday 9 February until the Corrie Lass returns; around £6,000 a month in lost fare income.",
      [["9 February"], ["£6,000"]],
      [x(PR, PR_DISCOUNT), x(TR, LOST_FARES)]),
    Q("cr-md-05", "multi_doc", "How many Solway Tern crossings were called off, in January and then in early February?",
      "Nine in January, and six on 6 and 7 February.",
      [["nine"], ["six crossings"]],
      [x(TR, NINE), x(LT, LT_CANCELLED)], ["called off"]),
    Q("cr-md-06", "multi_doc", "How long was the refit meant to take, and how much longer did the yard first say it would need?",
      "Six weeks from 5 January; the yard's first estimate added four weeks (later cut by five working days).",
      [["six weeks"], ["four weeks"]],
      [x(PR, PR_SIX_WEEKS), x(EM, FOUR_WEEKS)]),
    Q("cr-md-07", "multi_doc", "Who is the island's ward councillor, and how did he vote?",
      "Councillor Alasdair Finch (Islands ward); he voted against the spending but for the review.",
      [["Finch"], ["voted against"]],
      [x(LT, LT_CC), x(TR, MINUTED)]),
    Q("cr-md-08", "multi_doc", "What did the community council ask the committee for, and what did it get?",
      "Two landing craft sailings a week and free travel; it got two sailings a week for the first two weeks and a 50% fare discount instead of free travel.",
      [["travel free"], ["50% discount"]],
      [x(TR, ELLERY_ASKS), x(TR, MOTION), x(LT, LT_FREE)]),
    # --- disagreement -----------------------------------------------------------------------------
    Q("cr-dg-01", "disagreement", "Did the committee approve £275,000 or £295,000?",
      "Up to £275,000; the press release's £295,000 is wrong, as the community council's letter points out.",
      [["£275,000"]],
      [x(TR, MOTION), x(PR, PR_295), x(LT, LT_275)]),
    Q("cr-dg-02", "disagreement", "Will the Glenmore Lady keep running on Tuesdays and Fridays until the Corrie Lass is back?",
      "Not necessarily: the press release says so, but the committee agreed two sailings a week for the first two weeks only, then a review of the second sailing.",
      [["first two weeks"]],
      [x(PR, PR_LANDING), x(TR, KAY_MOTION), x(LT, LT_TWO_WEEKS)]),
    Q("cr-dg-03", "disagreement", "Does the community council fully support the committee's plan, as the press release says?",
      "No: Ms Ellery says she never said that and nobody asked her for a comment; the community council welcomes the freight sailings and discount but still thinks free travel would have been fair.",
      [["I did not say that"]],
      [x(PR, PR_ELLERY), x(LT, LT_QUOTE)]),
    Q("cr-dg-04", "disagreement", "Is 11 March still a realistic return date?",
      "Probably not: the press release gives 11 March, but the community council was told the bracket casting is now due on 27 February instead of 20 February, and the date moves with it.",
      [["27 February"]],
      [x(PR, PR_LEAD), x(LT, LT_27), x(LT, LT_CANNOT_HOLD)]),
    Q("cr-dg-05", "disagreement", "Did Dana Whitlock agree with Priya Raman that a weekly landing craft was enough?",
      "No: she still thought once a week was too little, because a cancelled sailing could leave the island without fuel for up to a fortnight.",
      [["too little"]],
      [x(EM, PRIYA_WEEKLY), x(EM, DANA_TOO_LITTLE)]),
    Q("cr-dg-06", "disagreement", "Councillor Finch and Mr Pryce disagreed about the 2024 inspection. What did each say?",
      "Finch said the corrosion should have been found and the survey regime is not good enough; Pryce said the 2024 in-water survey by divers cannot measure plate thickness from the inside.",
      [["not good enough"], ["in-water survey"]],
      [x(TR, FINCH_REGIME), x(TR, IN_WATER_TR)]),
    # --- false premises ---------------------------------------------------------------------------
    Q("cr-fp-01", "false_premise", "Why did the committee agree to free travel for islanders?",
      "It did not: it agreed a 50% discount on passenger fares for island residents; Councillor Harrow said free travel was not right because fares help pay for the service.",
      [["50% discount"]],
      [x(TR, HARROW_FARES)]),
    Q("cr-fp-02", "false_premise", "Since the Solway Tern can take cars, why is a landing craft needed?",
      "The Solway Tern cannot carry vehicles: she has no vehicle deck and carries passengers only (96).",
      [["no vehicle deck", "passengers only"]],
      [x(TR, NO_DECK), x(EM, PASSENGERS_ONLY)]),
    Q("cr-fp-03", "false_premise", "Why was the motion passed unanimously?",
      "It was not: it was carried by three votes to one, with Councillor Finch against; only the review amendment was unanimous.",
      [["three votes to one"]],
      [x(TR, VOTE)]),
    Q("cr-fp-04", "false_premise", "Why did the 2024 dry-dock survey miss the corrosion?",
      "The 2024 inspection was not in dry dock: it was an in-water survey by divers; the last dry dock was in 2021.",
      [["in-water survey"]],
      [x(EM, IN_WATER_EM), x(TR, IN_WATER_TR)]),
    Q("cr-fp-05", "false_premise", "How much is the lounge makeover adding to the bill?",
      "Nothing: the lounge repainting and new seating were taken out of this refit, saving £23,500 and five working days.",
      [["£23,500"]],
      [x(EM, LOUNGE)], ["bill"]),
    # --- paraphrases ------------------------------------------------------------------------------
    Q("cr-pa-01", "paraphrase", "When did the island shop run out of fuel?",
      "On 27 January.",
      [["27 January"]],
      [x(TR, PUMPS)], ["run out"], paraphrase_of="cr-sf-08"),
    Q("cr-pa-02", "paraphrase", "Whose idea was half-price fares for people who live on Carrow?",
      "Councillor Joan Harrow's.",
      [["Harrow"]],
      [x(TR, HARROW_SECOND), x(TR, HARROW_FARES)], ["half-price"], paraphrase_of="cr-at-03"),
    Q("cr-pa-03", "paraphrase", "What's the daily cost of the stand-in passenger boat?",
      "£4,200 a day for the Solway Tern, including crew and fuel.",
      [["£4,200"]],
      [x(EM, CHARTER)], ["stand-in"], paraphrase_of="cr-sf-04"),
    Q("cr-pa-04", "paraphrase", "Which councillor said no to the extra spending?",
      "Councillor Alasdair Finch.",
      [["Finch"]],
      [x(TR, VOTE), x(TR, MINUTED)], ["said no"], paraphrase_of="cr-at-04"),
    # --- follow-ups -------------------------------------------------------------------------------
    Q("cr-fu-01", "follow_up", "How much would it cost in lost fares?",
      "Around £6,000 a month, according to Priya Raman.",
      [["£6,000"]],
      [x(TR, LOST_FARES)],
      history=hist("Who proposed the 50% fare discount?",
                   "Councillor Joan Harrow, at the Transport Committee on 3 February 2026.")),
    Q("cr-fu-02", "follow_up", "Who is the surveyor that won't sign her off?",
      "Ivo Brandt from Nordmark Class.",
      [["Ivo Brandt"]],
      [x(EM, BRANDT)],
      history=hist("Why is the Corrie Lass still in dry dock?",
                   "Fourteen hull plates near the stern are below the renewal limit and the port propeller shaft bracket is cracked.")),
    Q("cr-fu-03", "follow_up", "And what did it come down to?",
      "£162,500 plus VAT, after the cosmetic lounge work was taken out.",
      [["£162,500"]],
      [x(EM, REVISED)],
      history=hist("What did the yard first estimate for the extra work?",
                   "£186,000 plus VAT, and four more weeks in the yard.")),
    Q("cr-fu-04", "follow_up", "Who did she invite to it?",
      "Mr Osei, or Ms Whitlock in his place, to answer islanders' questions in person.",
      [["Whitlock"]],
      [x(LT, LT_MEETING)],
      history=hist("When is the community council's next meeting?",
                   "At 7 p.m. on Tuesday 24 February, in the Old Schoolhouse.")),
    Q("cr-fu-05", "follow_up", "And how many vehicles can the landing craft take?",
      "Up to six vehicles (or 40 tonnes) per sailing.",
      [["six vehicles"]],
      [x(EM, STRATH), x(PR, PR_FIRST)],
      history=hist("How many passengers can the Solway Tern take?",
                   "96 passengers; she carries no vehicles.")),
    Q("cr-fu-06", "follow_up", "What did he want instead?",
      "An independent review of how the vessel is maintained: his amendment asked for a review of the fleet's maintenance and survey regime, to report by June.",
      [["independent review"]],
      [x(TR, FINCH_REGIME), x(TR, AMENDMENT)],
      history=hist("Who voted against the spending?",
                   "Councillor Alasdair Finch.")),
    Q("cr-fu-07", "follow_up", "How much has the council paid Strath Marine so far?",
      "Not given: only the rate (£2,900 per return sailing) is stated, not what has been paid."
      , [], [],
      history=hist("What does the Glenmore Lady cost per sailing?",
                   "£2,900 per return sailing, hired from Strath Marine.")),
    Q("cr-fu-08", "follow_up", "What do locals need to show to get it?",
      "Their Island Travel Card, when buying a ticket.",
      [["Island Travel Card"]],
      [x(PR, PR_CARD)], ["locals"],
      history=hist("When does the fare discount start?",
                   "On Monday 9 February, for island residents, until the Corrie Lass returns.")),
    # --- overview ---------------------------------------------------------------------------------
    Q("cr-ov-01", "overview", "What is the email thread about?",
      "The Corrie Lass refit: the yard found fourteen hull plates below the renewal limit and a cracked shaft bracket, quoted £186,000 and four more weeks, and after the lounge work was dropped the revised figures were £162,500 and a return on 11 March.",
      [["£186,000", "£162,500"], ["bracket"]],
      [x(EM, PLATES, 0), x(EM, CRACK), x(EM, ESTIMATE, 0), x(EM, REVISED, 0)]),
    Q("cr-ov-02", "overview", "Sum up what the Transport Committee decided.",
      "By three votes to one it approved up to £275,000 from the contingency and the company's reserve, the landing craft twice a week for two weeks then a review, a 50% fare discount for island residents, and an independent review of fleet maintenance.",
      [["£275,000"], ["three votes to one"]],
      [x(TR, MOTION), x(TR, VOTE)], ["sum up"]),
    Q("cr-ov-03", "overview", "In a nutshell, what is the press release announcing?",
      "The Corrie Lass stays in the shipyard until March (due back 11 March) after corrosion was found, and islanders get freight sailings on the Glenmore Lady and a 50% fare discount.",
      [["11 March"]],
      [x(PR, PR_TITLE), x(PR, PR_LEAD)], ["nutshell"]),
    Q("cr-ov-04", "overview", "What's the gist of the community council's letter?",
      "It says the press release gets three things wrong (a quotation Ms Ellery never gave, £295,000 instead of £275,000, and freight sailings promised until the ferry returns), raises the weather cancellations and the likely later return date, and makes four requests.",
      [["£275,000"], ["I did not say that"]],
      [x(LT, LT_THREE), x(LT, LT_QUOTE), x(LT, LT_275)], ["gist"]),
    Q("cr-ov-05", "overview", "What does Ms Ellery's letter ask Carrow Ferries to do?",
      "Publish a correction, confirm by 17 February whether the Friday sailing continues after 20 February, keep one vehicle space on every sailing for emergency and care vehicles, and come to the community council's meeting on 24 February.",
      [["correction"], ["17 February"]],
      [x(LT, LT_CORRECTION), x(LT, LT_CONFIRM)]),
    Q("cr-ov-06", "overview", "What went wrong with the Corrie Lass's refit?",
      "The yard found hull plates near the stern worn below the renewal limit and a cracked propeller shaft bracket, so the six-week refit overran and she is not due back until 11 March.",
      [["fourteen"], ["crack"]],
      [x(EM, PLATES, 0), x(EM, CRACK)]),
    # --- comparison -------------------------------------------------------------------------------
    Q("cr-cp-01", "comparison", "How do the Solway Tern and the Corrie Lass compare in rough seas?",
      "The Solway Tern can only sail when the significant wave height is below 1.5 metres; the Corrie Lass can sail in up to 2.5 metres.",
      [["1.5 metres"], ["2.5 metres"]],
      [x(TR, WAVES)], ["rough seas"]),
    Q("cr-cp-02", "comparison", "How many return crossings a day are there now, compared with normal?",
      "Four a day with the Solway Tern, against six with the Corrie Lass.",
      [["four return crossings"], ["six"]],
      [x(TR, WHITLOCK_SERVICE)]),
    Q("cr-cp-03", "comparison", "How did the yard's revised figure compare with its first estimate?",
      "£162,500 plus VAT against £186,000 plus VAT: £23,500 less, by deferring the lounge work.",
      [["£186,000"], ["£162,500"]],
      [x(EM, ESTIMATE, 0), x(EM, REVISED, 0)]),
    Q("cr-cp-04", "comparison", "How many passengers can the Corrie Lass take compared with the Solway Tern?",
      "180 against 96.",
      [["180"], ["96"]],
      [x(PR, PR_CAPACITY), x(EM, PASSENGERS_ONLY)]),
    Q("cr-cp-05", "comparison", "What did Priya Raman and Dana Whitlock each want for the landing craft?",
      "Raman wanted one sailing a week (half the cost); Whitlock wanted two, on Tuesdays and Fridays.",
      [["one landing craft sailing"], ["twice a week"]],
      [x(EM, PRIYA_WEEKLY), x(TR, WEEKLY_TR), x(EM, DANA_PROPOSAL)]),
    Q("cr-cp-06", "comparison", "How does this overspend compare with the 2021 refit?",
      "In 2021 the refit was three weeks late and £70,000 over budget; this time the extra refit cost is £162,500 plus VAT.",
      [["£70,000"], ["£162,500"]],
      [x(TR, FINCH_2021), x(TR, OSEI_COST)], ["overspend"]),
    Q("cr-cp-07", "comparison", "Is the crossing slower on the Solway Tern than on the Corrie Lass?",
      "Yes: 35 minutes instead of 25.",
      [["35 minutes"]],
      [x(TR, WHITLOCK_SERVICE)], ["slower"]),
    # --- yes/no -----------------------------------------------------------------------------------
    Q("cr-yn-01", "yes_no", "Can the Solway Tern carry vehicles?",
      "No: she has no vehicle deck and is licensed for 96 passengers.",
      [["no vehicle deck"]],
      [x(TR, NO_DECK)]),
    Q("cr-yn-02", "yes_no", "Was Councillor Finch's amendment carried?",
      "Yes, unanimously.",
      [["unanimous"]],
      [x(TR, UNANIMOUS)]),
    Q("cr-yn-03", "yes_no", "Will I get my money back for a February ticket I already bought?",
      "No: tickets already bought for February will not be refunded.",
      [["will not be refunded"]],
      [x(PR, PR_NO_REFUND)], ["money"]),
    Q("cr-yn-04", "yes_no", "Can I take my sheep over on the Glenmore Lady?",
      "No: livestock cannot be carried.",
      [["Livestock cannot be carried"]],
      [x(PR, PR_LIVESTOCK)], ["sheep"]),
    Q("cr-yn-05", "yes_no", "Did Carrow Ferries ask Ms Ellery for a comment before the press release went out?",
      "No: she says nobody from the company's office asked her.",
      [["nobody from your office asked"]],
      [x(LT, LT_QUOTE)]),
    Q("cr-yn-06", "yes_no", "Is Carrow Ferries owned by the council?",
      "Yes: it is wholly owned by Kilmorran District Council.",
      [["wholly owned"]],
      [x(PR, PR_ABOUT)]),
    Q("cr-yn-07", "yes_no", "Did the Glenmore Lady's first sailing go ahead?",
      "No: on Friday 6 February her first sailing did not go at all (weather).",
      [["did not go at all"]],
      [x(LT, LT_CANCELLED)]),
    Q("cr-yn-09", "yes_no", "Has Carrow Ferries published a correction to its press release?",
      "Not known: the letter of 10 February asks for one; no correction is in the documents."),
    # --- headings ---------------------------------------------------------------------------------
    Q("cr-hd-01", "heading", "What was the Corrie Lass agenda item called at the committee?",
      "Item 4: MV Corrie Lass - refit overrun and service arrangements (urgent item).",
      [["REFIT OVERRUN AND SERVICE ARRANGEMENTS"]],
      [x(TR, ITEM4)]),
    Q("cr-hd-02", "heading", "What is the section of the press release with the quotes called?",
      "What they said.",
      [["What they said"]],
      [x(PR, "## What they said")]),
    Q("cr-hd-03", "heading", "What was the subject line of the shipyard's first email?",
      "Corrie Lass - steel survey results.",
      [["steel survey results"]],
      [x(EM, "Subject: Corrie Lass - steel survey results")]),
    Q("cr-hd-04", "heading", "Which section of the press release has the sailing times?",
      "Timetable and bookings.",
      [["Timetable and bookings"]],
      [x(PR, "## Timetable and bookings")]),
    Q("cr-hd-05", "heading", "What is the part of the transcript where Councillor Harrow questions Mr Pryce headed?",
      "Questions to Mr. Pryce by Cllr. Harrow.",
      [["QUESTIONS TO MR. PRYCE"]],
      [x(TR, QA_HEAD)]),
    Q("cr-hd-06", "heading", "What's the headline of the press release?",
      PR_TITLE + ".",
      [["Corrie Lass refit extended"]],
      [x(PR, "# " + PR_TITLE)], ["headline"]),
    # --- unanswerable -----------------------------------------------------------------------------
    Q("cr-un-01", "unanswerable", "What does the refit overrun come to once VAT is added?",
      "Not given: the figures are stated plus VAT, and no VAT amount or total is given."),
    Q("cr-un-02", "unanswerable", "What does an adult passenger fare from Kilmorran to Carrow cost?",
      "Not given: only the 50% discount for island residents is stated, not the fares."),
    Q("cr-un-03", "unanswerable", "How much money did Carrow Ferries make in 2025?",
      "Not given: only passenger and vehicle numbers for 2025 are stated.", terms=["money"]),
    Q("cr-un-04", "unanswerable", "What did the 2024 check-up by divers cost?",
      "Not given: the survey's cost is not mentioned.", terms=["check-up"]),
    Q("cr-un-05", "unanswerable", "What is the name of the elderly islander who had to go to hospital in a borrowed wheelchair?",
      "Not given: the resident is described only as one of the oldest residents, aged 84.", terms=["elderly"]),
    Q("cr-un-06", "unanswerable", "Which firm will carry out the independent review of the fleet's maintenance?",
      "Not given: no reviewer is named; only the June 2026 reporting date is stated."),
    Q("cr-un-07", "unanswerable", "Did the Friday landing craft sailing carry on after 20 February?",
      "Not known: the community council asked for confirmation by 17 February, and no answer is in the documents."),
    Q("cr-un-08", "unanswerable", "What time does the Glenmore Lady leave Carrow on the way back?",
      "Not given: only the 09:30 departure from Kilmorran slipway is stated."),
    Q("cr-un-09", "unanswerable", "How many litres of fuel can the landing craft bring over?",
      "Not given: only the 40-tonne and six-vehicle limits and the fuel tanker are mentioned."),
    Q("cr-un-10", "unanswerable", "What was the original budget for the six-week refit?",
      "Not given: only the additional costs are stated."),
    Q("cr-un-11", "unanswerable", "Which vessel will replace the Corrie Lass in 2033?",
      "Not given: the fleet plan's replacement date is stated, not a replacement vessel."),
    Q("cr-un-12", "unanswerable", "What does it cost to take a car across on the Glenmore Lady?",
      "Not given: vehicle fares are not stated (only the £2,900 the company pays per sailing)."),
    Q("cr-un-13", "unanswerable", "What did Councillor Kay say about the independent review?",
      "Not given: Councillor Kay did not speak about the review; Finch moved it and Harrow seconded it."),
    Q("cr-un-14", "unanswerable", "How thick were the hull plates when the ship was new?",
      "Not given: only the 75% renewal limit is stated, not the original thickness."),
    Q("cr-un-15", "unanswerable", "Which shipyard did the 2021 refit?",
      "Not given: the 2021 refit is mentioned without a yard."),
    Q("cr-un-16", "unanswerable", "How did Mr Osei reply to Ms Ellery's letter?",
      "Not given: no reply is among the documents."),
    Q("cr-un-17", "unanswerable", "How do islanders get an Island Travel Card?",
      "Not given: the card is mentioned but not how to obtain it."),
    Q("cr-un-18", "unanswerable", "How long does the Glenmore Lady take to cross to Carrow?",
      "Not given: crossing times are given only for the Corrie Lass and the Solway Tern."),
    Q("cr-un-19", "unanswerable", "What is the name of the district nurse whose car was stuck on the mainland?",
      "Not given: the nurse is not named."),
    Q("cr-un-20", "unanswerable", "Which contractor is fitting the new fenders on the Kilmorran pier?",
      "Not given: only the £31,000 committed to them is stated."),
    Q("cr-un-21", "unanswerable", "How much is Holm Foundry charging for the new bracket casting?",
      "Not given: the casting is included in the yard's overall estimate."),
    Q("cr-un-22", "unanswerable", "Who is the captain of the Solway Tern?",
      "Not given: no master or crew member is named."),
    Q("cr-un-23", "unanswerable", "What did the classification surveyor say about the lounge seating?",
      "Not given: Ivo Brandt is quoted only on the plating and the bracket."),
]  # fmt: skip

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def build(write: bool = True) -> list[dict]:
    docs = corpus_docs("correspondence")
    return finish("correspondence", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
