"""Build evals/data/guide/questions.jsonl: questions over a visitor information pack for
Skelmoor National Park, a fictional national park (documents written for this eval, CC0-1.0):
a hard-wrapped plain-text trail and safety guide with numbered sections, a rules list and a
table aligned with spaces; Markdown campsite and hut booking terms with a fee table and
contract-style cancellation terms; and a plain-text notice of changes for the 2026 season,
in prose with quoted statements, which changes some facts the other two state.

Run: python evals/data/_tools/build_guide.py, then python -m evals.dataset --check guide
Evidence offsets come from the documents, never typed: each quote is written here with single
spaces and located with a regex in which a space matches any run of whitespace (the guide is
hard-wrapped and its table is aligned with spaces), so the stored quote is the documents' exact
text[start:end], newlines included.
"""

from __future__ import annotations

from functools import partial

from common import Q, corpus_docs, finish, hist, located

TG = "trail-and-safety-guide.txt"
CH = "campsites-and-huts.md"
SN = "season-notice-2026.txt"
DOCS = corpus_docs("guide")


x = partial(located, DOCS)  # (doc_id, exact text) of a quote written with single spaces


# --- quotes used more than once ---------------------------------------------------------------
BUS_TG = (
    "The first bus leaves Wraybridge station at 08:15 and the last bus back leaves Aske Bridge "
    "at 17:40 and Holmby at 17:55."
)
FARE_TG = (
    "An adult return fare is £4.50; under-16s travel for £2.00 return, and holders of a park "
    "camping confirmation travel free on the day they arrive."
)
CARS_TG = (
    "Visitors coming by car can use the Holmby car park (180 spaces, £6.00 a day, with 8 bays "
    "reserved for Blue Badge holders) or the smaller Aske Bridge car park (40 spaces, £4.00 a day)."
)
ROW1 = "1 Lantern Water Round 6.4 km 60 m 2 h Easy"
ROW2 = "2 Merewood Nature Trail 3.2 km 25 m 1 h Easy"
ROW3 = "3 Aske Gorge Path 9.5 km 310 m 3.5 h Moderate"
ROW4 = "4 Greyhowe Pike 14.0 km 720 m 6 h Strenuous"
ROW5 = "5 Cragside Ridge 11.8 km 540 m 5.5 h Strenuous"
ROW6 = "6 Old Drovers' Way 18.2 km 390 m 6.5 h Moderate"
TABLE = " ".join([ROW1, ROW2, ROW3, ROW4, ROW5, ROW6])
PIKE = (
    "Trail 4, Greyhowe Pike, climbs to the highest point in the park, the summit of Greyhowe "
    "Pike at 812 metres, by way of Fellhead Hut."
)
TURN_BACK = (
    "Rangers advise that walkers who have not reached Fellhead Hut by 13:00 should turn back, "
    "because in most months they will not be off the fell before dusk."
)
WIND = "Do not walk it in winds above 50 km/h;"
BATHING = (
    "Bathing in Lantern Water is prohibited because the water is a drinking-water reservoir "
    "for Wraybridge."
)
MEREWOOD_TG = (
    "It is suitable for pushchairs and for users of wheeled mobility aids, and the Visitor "
    "Centre lends out an all-terrain mobility scooter free of charge; book it at least 48 hours "
    "ahead on 0170 555 2841."
)
DROVERS_TG = "It passes Drovers' Rest Hut at its midpoint, 9.1 km from Holmby."
RULE_DOGS = "2. Keep dogs on a lead no longer than 2 metres on all trails, at all times of year."
RULE_CYCLE = (
    "8. Cycling is allowed only on the Old Drovers' Way and on the surfaced road to Aske Bridge."
)
RULE_DRONE = "9. Flying a drone requires a written permit from the Authority."
GAUGE_TG = (
    "A gauge post stands beside the first stone, painted in bands of white, with a yellow marker "
    "at 0.5 metres above the normal summer level. If the river is at or above the yellow marker, "
    "do not cross: the stones are under water and the current can knock an adult off their feet."
)
DETOUR = (
    "Turn upstream instead and use the footbridge at Holm Mill, 2.4 km further on; this adds "
    "about 45 minutes to the walk."
)
EMERGENCY = (
    "In an emergency on the fells, call 112 and ask for the police and then mountain rescue."
)
HOURS_TG = (
    "Open 09:00 to 17:00 daily from 1 April to 31 October, and 10:00 to 16:00 on Saturdays and "
    "Sundays from November to March."
)
GRADES = [
    "Easy trails are on firm, wide paths with gentle gradients and are suitable for families and "
    "for anyone in ordinary outdoor footwear.",
    "Moderate trails include rough or muddy sections, stiles and some sustained climbs; walkers "
    "need sturdy footwear and some experience.",
    "Strenuous trails cross open fell where the path may be faint, climb above 600 metres and "
    "are exposed to wind and cloud;",
]
NO_CAMPING = "Camping anywhere else in the park, including on the open fell, is not permitted."
RUNS = "The Authority runs two campsites and two mountain huts."
HOLMBY_CH = (
    "**Holmby Campsite**, beside the Visitor Centre: 60 grass pitches and 12 hard-standing "
    "pitches for campervans, 16 of them with electric hook-up."
)
ASKE_CH = (
    "**Aske Bridge Campsite**, by the river at the end of the Aske road: 25 grass pitches for "
    "walkers and cyclists only, with a cold-water tap, a composting WC and no vehicle access "
    "beyond the car park."
)
FELLHEAD_CH = (
    "**Fellhead Hut**, at 620 metres on the Greyhowe Pike trail, 4.5 km and about two hours' "
    "walk from Holmby: 12 bunks in two rooms, a wood-burning stove, a gas cooker and a rainwater "
    "supply that must be boiled before drinking."
)
DROVERS_CH = (
    "**Drovers' Rest Hut**, on the Old Drovers' Way, 9.1 km from Holmby: 8 bunks in one room, a "
    "gas cooker and a spring-fed tap."
)
BAGS = (
    "Bunks in the huts have mattresses and pillows, but guests must bring their own sleeping bags "
    "or sheet liners."
)
FEE_HOLMBY = (
    "| Holmby Campsite | £14.00 | £7.00 | free | Campervan pitch £8.00 per night; electric "
    "hook-up £5.50 per night |"
)
FEE_ASKE = "| Aske Bridge Campsite | £9.00 | £4.50 | free | None |"
FEE_FELLHEAD = "| Fellhead Hut (bunk) | £24.00 | £12.00 | free | Firewood included |"
FEE_DROVERS = (
    "| Drovers' Rest Hut (bunk) | £20.00 | £10.00 | free | Whole-hut hire £140.00 per night |"
)
SEASON_HOLMBY = "| Holmby Campsite | 15 March to 31 October | Reception 08:00 to 20:00 |"
SEASON_ASKE = "| Aske Bridge Campsite | 1 May to 30 September | No reception; ranger visits daily |"
SEASON_DROVERS = (
    "| Drovers' Rest Hut | 1 April to 31 October | No warden; key code sent by e-mail |"
)
SEASON_FELLHEAD = "| Fellhead Hut | All year | Warden on site 1 April to 30 September |"
DOG_FEE = "Dogs at Holmby Campsite are charged £3.00 per dog per night."
OPEN_BOOKING = (
    "Bookings for a season open on 1 December of the year before. Hut bunks can be booked no "
    "more than six months ahead."
)
PAY_CH = "The Booker shall pay the full amount at the time of booking."
REFUND_FULL = "14 days or more before the arrival date: a full refund, less the booking fee;"
REFUND_HALF = "7 to 13 days before the arrival date: a refund of 50% of the fees;"
REFUND_NONE = "fewer than 7 days before the arrival date, or failure to arrive: no refund."
DATE_CHANGE = (
    "The Booker may change the dates of a booking once, free of charge, if the request is "
    "received 14 days or more before the original arrival date and the new dates are in the same "
    "season."
)
AUTH_CANCEL = (
    "If the Authority closes a site because of flooding, storm damage, high fire risk or any "
    "other reason beyond its control, the Booker shall be offered either a full refund, including "
    "the booking fee, or new dates in the same or the following season."
)
CONDUCT = (
    "If a member of the Party seriously or repeatedly breaks them, the warden or a ranger may "
    "require the Party to leave, and no refund will be given."
)
DOGS_HOLMBY = (
    "Dogs are welcome at Holmby Campsite, up to two per pitch, on a lead no longer than 2 metres "
    "at all times."
)
DOGS_ASKE = (
    "Dogs are not allowed at Aske Bridge Campsite, because it lies within the riverside nesting "
    "area."
)
DOGS_HUTS = "Dogs are not allowed in either hut. Assistance dogs are welcome everywhere."
NO_FIRES = "Open fires are not permitted anywhere in the park, including on the campsites."
GRILLS = (
    "Raised charcoal grills may be used at Holmby Campsite on the gravel pads provided, but not "
    "on the grass. Disposable grills are not permitted."
)
RED_FLAG = (
    'When the fire risk is "very high", shown by a red flag at the campsite entrance, no charcoal '
    "may be lit at all."
)
DRONE_CH = (
    "Permits for filming are £60.00 a day, and applications must reach the Authority at least 28 "
    "days before the first day of filming."
)
UPDATES = (
    "This notice updates the Trail and Safety Guide (seventh edition, March 2025) and the "
    "Campsites and Huts booking terms (2025 edition). Where they differ, this notice takes "
    "precedence until new editions are published in the autumn."
)
RIDGE_SN = (
    "Trail 5, Cragside Ridge, will be closed from 1 May to 30 September 2026 while the footbridge "
    "over Scar Beck is replaced."
)
FLOODS_SN = (
    "The winter floods of December 2025 washed away part of the bank beneath the bridge's "
    "eastern end, and the engineers who inspected it found that the bridge can no longer carry "
    "walkers safely."
)
DRUMMOND = (
    '"But the old bridge has carried walkers for forty-one years and we are not going to gamble '
    'with it. The new one will be a single steel span, and it should last well into the 2070s."'
)
DRUMMOND_WHO = (
    "said Isla Drummond, the park's Head Ranger. \"But the old bridge has carried walkers for "
    "forty-one years and we are not going to gamble with it."
)
FEES_SN = (
    "From 1 April 2026 the nightly fee at Holmby Campsite rises from £14.00 to £16.00 for adults "
    "and from £7.00 to £8.00 for juniors."
)
UNCHANGED_SN = (
    "Fees at Aske Bridge Campsite and at both huts are unchanged, and so is the £2.50 booking fee."
)
OLD_FEES_SN = "Bookings already confirmed before 1 February 2026 keep the old fees."
PRITCHARD = (
    '"Even at sixteen pounds, a night at Holmby is still less than half of what a private site '
    'in the valley charges."'
)
PRITCHARD_WHO = (
    "Councillor Owen Pritchard, who chairs the Authority's Visitor Services Committee, said the "
    "decision had not been taken lightly."
)
VOTE = "The committee approved the increase by five votes to two at its meeting of 8 December 2025."
ABERNETHY = (
    'Councillor Ruth Abernethy, who voted against, said she feared the rise "will price out '
    'exactly the young families we most want to see on the fells."'
)
REFUND_SN = (
    "For bookings made on or after 1 February 2026, a Booker who cancels will receive a full "
    "refund, less the booking fee, only if the cancellation reaches the Authority 21 days or more "
    "before the arrival date, instead of 14 days."
)
REFUND_HALF_SN = (
    "Cancellations received 7 to 20 days before arrival will be refunded at 50%, and the rule of "
    "no refund for fewer than 7 days is unchanged."
)
OKAFOR = (
    '"Three weeks gives us a fair chance of offering the pitch to someone on the waiting list."'
)
OKAFOR_WHO = (
    'mostly after a bad weekend forecast, and most of those pitches stayed empty," explained '
    "Helen Okafor, the Authority's bookings manager."
)
BUS_SN = (
    "The first bus will leave Wraybridge station at 07:45 instead of 08:15, so that walkers on "
    "the longer trails can be at Holmby by 08:10."
)
LATE_BUS_SN = (
    "On Saturdays and Sundays in July and August there will also be a later last bus, leaving "
    "Aske Bridge at 18:40 and Holmby at 18:55."
)
HALLIWELL = (
    "\"Walkers told us the 17:40 was simply too early for anyone doing the Drovers' Way or the "
    'Pike," said Tom Halliwell, operations manager at Fellrider Buses.'
)
DOGS_SN = (
    "From 1 March to 31 July 2026 dogs will not be allowed on Trail 2, the Merewood Nature Trail, "
    "even on a lead."
)
CURLEW = (
    "Curlew and lapwing have returned to nest in the wet meadows on the eastern side of Merewood "
    "for the first time since 2009, and a survey last spring counted eleven nesting pairs."
)
MORGAN_DOG = (
    '"A dog on a lead is still a predator to a curlew sitting on eggs," said Dafydd Morgan, the '
    "ranger responsible for Merewood."
)
GAUGE_SN = (
    "The new post has a red band at 0.4 metres above the normal summer level, lower than the old "
    "yellow marker. Walkers must not cross if the water reaches the red band."
)
MORGAN_GAUGE = (
    '"Since the floods the riverbed below the stones has shifted, and our tests showed the '
    "current becomes dangerous at a lower level than before."
)
DROVERS_SN = (
    "Drovers' Rest Hut will stay closed until 31 May 2026 while its roof is renewed and a "
    "composting WC is added, and will open for the season on 1 June instead of 1 April."
)
VC_SN = (
    "In July and August 2026 the Holmby Visitor Centre will stay open until 18:00 every day "
    "instead of 17:00, and the route card box will be checked at 18:00."
)
RAO = (
    "The volunteer coordinator, Meena Rao, is looking for people to help rebuild the stone steps "
    "below Fellhead Hut."
)
VOLUNTEER_DAYS = (
    "Volunteer path days in 2026 will be held on the first Saturday of every month from April to "
    "October, starting at 09:30 at the Visitor Centre."
)

NEW = [
    # --- single facts ----------------------------------------------------------------------------
    Q("gd-sf-01", "single_fact", "What's an adult bus fare from Wraybridge, there and back?",
      "£4.50 for an adult return on the Fellrider S1 (under-16s £2.00 return).",
      [["£4.50"]],
      [x(TG, FARE_TG)], ["there and back"]),
    Q("gd-sf-02", "single_fact", "How far is the railway station from Holmby?",
      "Wraybridge station is 11 km south of Holmby.",
      [["11 km"]],
      [x(TG, "The nearest railway station is Wraybridge, 11 km south of Holmby.")]),
    Q("gd-sf-03", "single_fact", "How long is the bus ride from Wraybridge to Holmby?",
      "25 minutes.",
      [["25 minutes"]],
      [x(TG, "The journey from Wraybridge to Holmby takes 25 minutes.")]),
    Q("gd-sf-04", "single_fact", "How much is parking at Holmby for the day?",
      "£6.00 a day at the Holmby car park (cards only).",
      [["£6.00"]],
      [x(TG, CARS_TG)], ["parking"]),
    Q("gd-sf-05", "single_fact", "How high is Greyhowe Pike?",
      "812 metres; its summit is the highest point in the park.",
      [["812 metres"]],
      [x(TG, PIKE)]),
    Q("gd-sf-06", "single_fact", "How long is the Old Drovers' Way?",
      "18.2 km (one way from Holmby to Aske Bridge, 390 m of climb, about 6.5 hours).",
      [["18.2 km"]],
      [x(TG, ROW6)]),
    Q("gd-sf-07", "single_fact", "How much climbing is there on the Aske Gorge Path?",
      "310 m of total ascent.",
      [["310 m"]],
      [x(TG, ROW3)]),
    Q("gd-sf-08", "single_fact", "On the Greyhowe Pike walk, by what time should I have got to Fellhead Hut before I turn around?",
      "13:00; walkers who have not reached Fellhead Hut by then should turn back, or they will not be off the fell before dusk.",
      [["13:00"]],
      [x(TG, TURN_BACK)], ["turn around"]),
    Q("gd-sf-09", "single_fact", "Above what wind speed should I not walk Cragside Ridge?",
      "Above 50 km/h.",
      [["50 km/h"]],
      [x(TG, WIND)]),
    Q("gd-sf-10", "single_fact", "How much water should each person carry on the harder trails?",
      "At least 1.5 litres per person; there is no drinking water on the fells.",
      [["1.5 litres"]],
      [x(TG, "at least 1.5 litres of water per person (there is no drinking water on the fells);")]),
    Q("gd-sf-11", "single_fact", "What number do I ring in an emergency on the fells?",
      "112; ask for the police and then mountain rescue.",
      [["112"]],
      [x(TG, EMERGENCY)], ["ring"]),
    Q("gd-sf-12", "single_fact", "How many bunks are there in Fellhead Hut?",
      "12 bunks in two rooms.",
      [["12 bunks"]],
      [x(CH, FELLHEAD_CH)]),
    Q("gd-sf-13", "single_fact", "If I forget my sleeping bag liner, how much will hiring one set me back?",
      "£4.00 a stay, at Holmby Campsite reception.",
      [["£4.00"]],
      [x(CH, "Liners can be hired at Holmby Campsite reception for £4.00 a stay.")], ["set me back"]),
    Q("gd-sf-14", "single_fact", "From what time at night do we have to keep the noise down on the campsites?",
      "From 22:00; quiet hours are 22:00 to 07:00 at all sites.",
      [["22:00"]],
      [x(CH, "Quiet hours are from 22:00 to 07:00 at all sites.")], ["noise"]),
    Q("gd-sf-15", "single_fact", "How much extra is it to bring a motorhome to Holmby Campsite?",
      "A campervan pitch is £8.00 per night on top of the per-person fee (electric hook-up £5.50 more).",
      [["£8.00"]],
      [x(CH, FEE_HOLMBY)], ["motorhome"]),
    Q("gd-sf-16", "single_fact", "What is the charge for filming with a drone?",
      "A filming permit is £60.00 a day; apply at least 28 days ahead.",
      [["£60.00"]],
      [x(CH, DRONE_CH)]),
    Q("gd-sf-17", "single_fact", "When can I start booking for a season?",
      "On 1 December of the year before.",
      [["1 December"]],
      [x(CH, OPEN_BOOKING)]),
    Q("gd-sf-18", "single_fact", "How long ahead do I have to arrange the all-terrain mobility scooter?",
      "At least 48 hours ahead, on 0170 555 2841.",
      [["48 hours"]],
      [x(TG, MEREWOOD_TG)]),
    Q("gd-sf-19", "single_fact", "How long is lost property kept?",
      "30 days, at the Visitor Centre.",
      [["30 days"]],
      [x(TG, "Lost property is kept at the Visitor Centre for 30 days.")]),
    Q("gd-sf-20", "single_fact", "By what time do we have to be off our pitch on the day we go home?",
      "By 11:00 on the day of departure.",
      [["11:00"]],
      [x(CH, "Pitches and bunks must be vacated by 11:00 on the day of departure.")], ["go home"]),
    Q("gd-sf-21", "single_fact", "How many nights in a row can I stay at one of the huts?",
      "3 consecutive nights at most (7 nights at the campsites).",
      [["3 consecutive nights"]],
      [x(CH, "The maximum stay is 7 nights at the campsites and 3 consecutive nights at either hut.")]),
    Q("gd-sf-22", "single_fact", "How much colder is it on top of Greyhowe Pike than down in Holmby?",
      "Usually 6 to 8 degrees lower.",
      [["6 to 8 degrees"]],
      [x(TG, "The temperature on the summit of Greyhowe Pike is usually 6 to 8 degrees lower than in Holmby, and cloud can come down to 400 metres in minutes.")],
      ["top", "colder"]),
    Q("gd-sf-23", "single_fact", "What is the deposit for a group booking of more than 10 people?",
      "25%, within 7 days of booking; the balance is due 28 days before arrival.",
      [["25%"]],
      [x(CH, "For a group booking of more than 10 people, the Booker shall pay a deposit of 25% within 7 days of booking and the balance no later than 28 days before arrival.")]),
    Q("gd-sf-24", "single_fact", "Where is the nearest A&E?",
      "Wraybridge General Hospital, 14 km from Holmby.",
      [["Wraybridge General Hospital"]],
      [x(TG, "The nearest hospital with an emergency department is Wraybridge General Hospital, 14 km from Holmby.")],
      ["A&E"]),
    Q("gd-sf-25", "single_fact", "By how many votes was the Holmby fee rise passed?",
      "Five votes to two, at the Visitor Services Committee's meeting of 8 December 2025.",
      [["five votes to two"]],
      [x(SN, VOTE)]),
    # --- paraphrases -----------------------------------------------------------------------------
    Q("gd-pa-01", "paraphrase", "What's the height of the park's tallest summit?",
      "812 metres (Greyhowe Pike).",
      [["812 metres"]],
      [x(TG, PIKE)], ["tallest"], paraphrase_of="gd-sf-05"),
    Q("gd-pa-02", "paraphrase", "If someone gets hurt up on the fells, which number should I dial?",
      "112, and ask for the police and then mountain rescue.",
      [["112"]],
      [x(TG, EMERGENCY)], ["hurt", "dial"], paraphrase_of="gd-sf-11"),
    Q("gd-pa-03", "paraphrase", "What does it cost to leave the car at the Holmby car park all day?",
      "£6.00 a day.",
      [["£6.00"]],
      [x(TG, CARS_TG)], ["cost"], paraphrase_of="gd-sf-04"),
    Q("gd-pa-04", "paraphrase", "How many people can sleep at Fellhead Hut?",
      "12: it has 12 bunks in two rooms.",
      [["12 bunks"]],
      [x(CH, FELLHEAD_CH)], ["sleep"], paraphrase_of="gd-sf-12"),
    Q("gd-pa-05", "paraphrase", "From which date can I reserve a pitch for next year?",
      "From 1 December of the year before the season.",
      [["1 December"]],
      [x(CH, OPEN_BOOKING)], ["reserve"], paraphrase_of="gd-sf-17"),
    Q("gd-pa-06", "paraphrase", "What's the latest I can get to Fellhead Hut and still go on to the summit?",
      "13:00; after that the rangers advise turning back.",
      [["13:00"]],
      [x(TG, TURN_BACK)], paraphrase_of="gd-sf-08"),
    # --- yes/no ----------------------------------------------------------------------------------
    Q("gd-yn-01", "yes_no", "Can I swim in Lantern Water?",
      "No: bathing is prohibited because Lantern Water is a drinking-water reservoir for Wraybridge.",
      [["prohibited"]],
      [x(TG, BATHING)], ["swim"]),
    Q("gd-yn-02", "yes_no", "Can we have a campfire at Holmby Campsite?",
      "No: open fires are not permitted anywhere in the park, campsites included.",
      [["not permitted anywhere"]],
      [x(CH, NO_FIRES)], ["campfire"]),
    Q("gd-yn-03", "yes_no", "Is my dog allowed at Aske Bridge Campsite?",
      "No: dogs are not allowed there because it lies within the riverside nesting area (assistance dogs excepted).",
      [["not allowed at Aske Bridge"]],
      [x(CH, DOGS_ASKE)]),
    Q("gd-yn-04", "yes_no", "Can I take my bike on the Old Drovers' Way?",
      "Yes: cycling is allowed on the Old Drovers' Way and on the surfaced road to Aske Bridge, and nowhere else.",
      [["Cycling is allowed only"]],
      [x(TG, RULE_CYCLE)], ["bike"]),
    Q("gd-yn-05", "yes_no", "Do I have to bring my own sleeping bag to the huts?",
      "Yes: the bunks have mattresses and pillows, but guests must bring their own sleeping bags or sheet liners.",
      [["bring their own sleeping bags"]],
      [x(CH, BAGS)]),
    Q("gd-yn-06", "yes_no", "Will I get a signal for my mobile in Aske Gorge?",
      "No: there is no mobile phone coverage in the gorge.",
      [["no mobile phone coverage"]],
      [x(TG, "There is no mobile phone coverage in the gorge.")], ["signal"]),
    Q("gd-yn-07", "yes_no", "Is the water at Fellhead Hut safe to drink straight from the tap?",
      "No: it is a rainwater supply that must be boiled before drinking.",
      [["boiled before drinking"]],
      [x(CH, FELLHEAD_CH)]),
    Q("gd-yn-08", "yes_no", "Does the fell rescue team charge the people it helps?",
      "No: the Skelmoor Fell Rescue Team are volunteers and do not charge the people they help.",
      [["do not charge"]],
      [x(TG, "The Skelmoor Fell Rescue Team are volunteers; they do not charge the people they help.")]),
    Q("gd-yn-09", "yes_no", "Can I pay with cash at the car parks?",
      "No: both car parks take cards only.",
      [["cards only"]],
      [x(TG, "Both take cards only.")], ["cash"]),
    Q("gd-yn-10", "yes_no", "Is a disposable BBQ OK at Holmby Campsite?",
      "No: disposable grills are not permitted; raised charcoal grills may be used on the gravel pads.",
      [["Disposable grills are not permitted"]],
      [x(CH, GRILLS)], ["BBQ"]),
    Q("gd-yn-11", "yes_no", "Is Fellhead Hut open in winter?",
      "Yes: it is open all year; outside the warden season (1 April to 30 September) it is open to booked guests only, with a key code sent by e-mail two days before arrival.",
      [["All year"], ["booked guests only"]],
      [x(CH, SEASON_FELLHEAD),
       x(CH, "Outside the warden season, Fellhead Hut is open to booked guests only, and the key code is sent by e-mail two days before arrival.")]),
    # --- headings --------------------------------------------------------------------------------
    Q("gd-hd-01", "heading", "What is section 4.2 of the trail guide called?",
      "Crossing the river.",
      [["Crossing the river"]],
      [x(TG, "4.2 Crossing the river")]),
    Q("gd-hd-02", "heading", "Which section of the trail guide tells me what to pack for a walk?",
      "Section 3.1, \"What to carry\".",
      [["What to carry"]],
      [x(TG, "3.1 What to carry")], ["pack"]),
    Q("gd-hd-03", "heading", "Which part of the booking terms deals with getting my money back if I cancel?",
      "6.2 Cancellation by the Booker.",
      [["Cancellation by the Booker"]],
      [x(CH, "### 6.2 Cancellation by the Booker")], ["money back"]),
    Q("gd-hd-04", "heading", "What is the 2026 notice titled?",
      "\"Skelmoor News: Notice of changes for the 2026 season\".",
      [["changes for the 2026 season"]],
      [x(SN, "SKELMOOR NEWS Notice of changes for the 2026 season")]),
    Q("gd-hd-05", "heading", "Under which heading does the season notice talk about the bus?",
      "\"An earlier first bus\".",
      [["An earlier first bus"]],
      [x(SN, "An earlier first bus")]),
    Q("gd-hd-06", "heading", "What is section 2.3 of the trail guide called?",
      "How the trails are graded.",
      [["How the trails are graded"]],
      [x(TG, "2.3 How the trails are graded")]),
    Q("gd-hd-07", "heading", "Which section of the campsite terms lists the rules on dogs, fires and drones?",
      "Section 7, \"What is and is not allowed\".",
      [["is and is not allowed"]],
      [x(CH, "## 7. What is and is not allowed")]),
    Q("gd-hd-08", "heading", "What is section 5 of the trail guide called?",
      "Looking after Skelmoor.",
      [["Looking after Skelmoor"]],
      [x(TG, "5. Looking after Skelmoor")]),
    # --- overview --------------------------------------------------------------------------------
    Q("gd-ov-01", "overview", "What is this information pack about?",
      "Visiting Skelmoor National Park: a trail and safety guide to its six waymarked trails, the booking terms and fees for its campsites and huts, and a notice of changes for the 2026 season.",
      [["six waymarked trails"], ["hut bunk", "booking terms"], ["2026 season"]],
      [x(TG, "This guide describes the six waymarked trails that start from the Holmby Visitor Centre or from the Aske Bridge car park, explains how they are graded, and sets out the rules that keep visitors, livestock and wildlife safe."),
       x(CH, "These terms apply to every booking made with the Authority for a campsite pitch or a hut bunk in Skelmoor National Park."),
       x(SN, "Notice of changes for the 2026 season"), x(SN, UPDATES)]),
    Q("gd-ov-02", "overview", "Sum up the cancellation terms for the campsites and huts.",
      "Under the 2025 terms: a full refund less the booking fee 14 days or more before arrival, 50% at 7 to 13 days, nothing under 7 days or for not turning up; for bookings from 1 February 2026 the full-refund limit is 21 days.",
      [["full refund"], ["50%"], ["no refund"]],
      [x(CH, REFUND_FULL), x(CH, REFUND_HALF), x(CH, REFUND_NONE), x(SN, REFUND_SN)], ["sum up"]),
    Q("gd-ov-03", "overview", "Give me the gist of what's changing in 2026.",
      "Cragside Ridge closes from May to September, Holmby Campsite fees go up, a full refund needs 21 days' notice, the first bus is earlier, dogs are banned from the Merewood trail in spring and summer, a new river gauge at Aske Foot, Drovers' Rest Hut opens late and the Visitor Centre opens longer in summer.",
      [["Cragside Ridge"], ["£16.00"], ["07:45"]],
      [x(SN, RIDGE_SN), x(SN, FEES_SN), x(SN, BUS_SN)], ["gist"]),
    Q("gd-ov-04", "overview", "What are my options for somewhere to sleep in the park?",
      "Two campsites (Holmby and Aske Bridge) and two mountain huts (Fellhead Hut and Drovers' Rest Hut); camping anywhere else is not permitted.",
      [["two campsites"], ["two mountain huts"]],
      [x(CH, RUNS), x(CH, NO_CAMPING)], ["somewhere to sleep"]),
    Q("gd-ov-05", "overview", "Briefly, what do the trail grades mean?",
      "Easy: firm, wide paths for anyone; moderate: rough or muddy sections needing sturdy footwear and some experience; strenuous: open fell above 600 metres needing navigation skills, map and compass.",
      [["firm, wide paths"], ["sturdy footwear"], ["open fell"]],
      [x(TG, g) for g in GRADES]),
    Q("gd-ov-06", "overview", "Which trails are there in the park?",
      "Six: the Lantern Water Round, the Merewood Nature Trail, the Aske Gorge Path, Greyhowe Pike, Cragside Ridge and the Old Drovers' Way.",
      [["Lantern Water Round"], ["Merewood Nature Trail"], ["Aske Gorge Path"], ["Greyhowe Pike"], ["Old Drovers' Way"]],
      [x(TG, TABLE)]),
    # --- attribution -----------------------------------------------------------------------------
    Q("gd-at-01", "attribution", "Who said the old Scar Beck bridge had carried walkers for forty-one years?",
      "Isla Drummond, the park's Head Ranger.",
      [["Isla Drummond"]],
      [x(SN, DRUMMOND_WHO)]),
    Q("gd-at-02", "attribution", "Which councillor voted against the Holmby fee rise, and what was she worried about?",
      "Ruth Abernethy; she feared the rise \"will price out exactly the young families we most want to see on the fells\".",
      [["Ruth Abernethy"], ["young families"]],
      [x(SN, ABERNETHY)]),
    Q("gd-at-03", "attribution", "Who explained why you now have to cancel three weeks before to get a full refund?",
      "Helen Okafor, the Authority's bookings manager.",
      [["Helen Okafor"]],
      [x(SN, OKAFOR_WHO)]),
    Q("gd-at-04", "attribution", "Who at the bus company said the 17:40 was too early?",
      "Tom Halliwell, operations manager at Fellrider Buses.",
      [["Tom Halliwell"]],
      [x(SN, HALLIWELL)]),
    Q("gd-at-05", "attribution", "Who said that a dog on a lead is still a predator to a curlew?",
      "Dafydd Morgan, the ranger responsible for Merewood.",
      [["Dafydd Morgan"]],
      [x(SN, MORGAN_DOG)]),
    Q("gd-at-06", "attribution", "Who do I talk to if I want to help out on the path days?",
      "The volunteer coordinator, Meena Rao (volunteer@skelmoor-park.example).",
      [["Meena Rao"]],
      [x(SN, RAO), x(TG, "Contact the volunteer coordinator at volunteer@skelmoor-park.example.")],
      ["help out"]),
    Q("gd-at-07", "attribution", "Who defended the higher Holmby fees, and what did he compare them with?",
      "Councillor Owen Pritchard, chair of the Visitor Services Committee: even at £16 a night Holmby is less than half of what a private site in the valley charges.",
      [["Owen Pritchard"], ["less than half"]],
      [x(SN, PRITCHARD_WHO), x(SN, PRITCHARD)]),
    Q("gd-at-08", "attribution", "According to Dafydd Morgan, why was the danger level at the stepping stones lowered?",
      "Since the floods the riverbed below the stones has shifted, and tests showed the current becomes dangerous at a lower level than before.",
      [["riverbed"], ["lower level"]],
      [x(SN, MORGAN_GAUGE)]),
    # --- multi-document --------------------------------------------------------------------------
    Q("gd-md-01", "multi_doc", "Walking the Old Drovers' Way, where can I stop for the night, and what does a bunk cost an adult?",
      "At Drovers' Rest Hut, at the midpoint 9.1 km from Holmby; a bunk is £20.00 a night for an adult.",
      [["Drovers' Rest Hut"], ["£20.00"]],
      [x(TG, DROVERS_TG), x(CH, FEE_DROVERS)], ["cost"]),
    Q("gd-md-02", "multi_doc", "How long does it take to walk up to Fellhead Hut from Holmby, and by when should I be there if I'm going on to the summit?",
      "About two hours (4.5 km); walkers who have not reached the hut by 13:00 should turn back.",
      [["two hours"], ["13:00"]],
      [x(CH, FELLHEAD_CH), x(TG, TURN_BACK)]),
    Q("gd-md-03", "multi_doc", "I'm arriving by train in May 2026 to camp at Holmby. Is the bus free for me, and when is the first one?",
      "Yes, with a park camping confirmation you travel free on the day you arrive; from 1 May 2026 the first bus leaves Wraybridge station at 07:45.",
      [["travel free"], ["07:45"]],
      [x(TG, FARE_TG), x(SN, BUS_SN)], ["train"]),
    Q("gd-md-04", "multi_doc", "Can I fly my drone in the park, and what does a filming permit cost?",
      "Only with a written permit from the Authority; filming permits are £60.00 a day, applied for at least 28 days ahead.",
      [["written permit"], ["£60.00"]],
      [x(TG, RULE_DRONE), x(CH, DRONE_CH)], ["cost"]),
    Q("gd-md-05", "multi_doc", "Which trail is shut in summer 2026, and how long is it normally?",
      "Cragside Ridge (Trail 5), closed from 1 May to 30 September 2026; it is 11.8 km long.",
      [["Cragside Ridge"], ["11.8 km"]],
      [x(SN, RIDGE_SN), x(TG, ROW5)], ["shut"]),
    Q("gd-md-06", "multi_doc", "Can my pup stay with me at Fellhead Hut, and can it come on the Greyhowe Pike trail?",
      "Not in the hut: dogs are not allowed in either hut (assistance dogs apart). On the trail, yes, on a lead no longer than 2 metres.",
      [["not allowed in either hut"], ["2 metres"]],
      [x(CH, DOGS_HUTS), x(TG, RULE_DOGS)], ["pup"]),
    Q("gd-md-07", "multi_doc", "Where can I buy a map of the park, and how much is it?",
      "At the Visitor Centre, where the Authority's 1:25,000 map (sheet OL-S) is £9.95; the Holmby Campsite shop also sells maps.",
      [["£9.95"], ["maps"]],
      [x(TG, "a map of the park (the Authority's 1:25,000 map, sheet OL-S, is sold at the Visitor Centre for £9.95) and a compass;"),
       x(CH, "a small shop selling milk, bread, gas canisters and maps.")], ["buy"]),
    Q("gd-md-08", "multi_doc", "Why is Drovers' Rest Hut opening late in 2026, and how many bunks does it have?",
      "Its roof is being renewed and a composting WC added, so it opens on 1 June; it has 8 bunks in one room.",
      [["roof is renewed"], ["8 bunks"]],
      [x(SN, DROVERS_SN), x(CH, DROVERS_CH)]),
    # --- disagreement ----------------------------------------------------------------------------
    Q("gd-dg-01", "disagreement", "What time is the first bus from Wraybridge station?",
      "The trail guide says 08:15; the 2026 notice moves it to 07:45 from 1 May 2026.",
      [["08:15"], ["07:45"]],
      [x(TG, BUS_TG), x(SN, BUS_SN)]),
    Q("gd-dg-02", "disagreement", "How much is a night at Holmby Campsite for an adult?",
      "£14.00 in the 2025 terms; from 1 April 2026 it rises to £16.00 (bookings confirmed before 1 February 2026 keep the old fee).",
      [["£14.00"], ["£16.00"]],
      [x(CH, FEE_HOLMBY), x(SN, FEES_SN), x(SN, OLD_FEES_SN)]),
    Q("gd-dg-03", "disagreement", "Can I hike Cragside Ridge in August 2026?",
      "No: the guide lists it as one of the six trails, but the 2026 notice closes it from 1 May to 30 September 2026 while the Scar Beck footbridge is replaced.",
      [["30 September 2026"]],
      [x(TG, ROW5), x(SN, RIDGE_SN)], ["hike"]),
    Q("gd-dg-04", "disagreement", "How many days before arrival do I have to cancel to get all my money back?",
      "The 2025 terms say 14 days or more (less the booking fee); for bookings made on or after 1 February 2026 it is 21 days or more.",
      [["14 days"], ["21 days"]],
      [x(CH, REFUND_FULL), x(SN, REFUND_SN)], ["money back"]),
    Q("gd-dg-05", "disagreement", "At what water level is it unsafe to cross the stepping stones at Aske Foot?",
      "The guide says at or above the yellow marker at 0.5 metres; the 2026 notice says the new post has a red band at 0.4 metres and walkers must not cross if the water reaches it.",
      [["0.5 metres"], ["0.4 metres"]],
      [x(TG, GAUGE_TG), x(SN, GAUGE_SN)]),
    Q("gd-dg-06", "disagreement", "Can I walk my dog on a lead on the Merewood Nature Trail in June 2026?",
      "No: the guide allows dogs on a lead on all trails, but the 2026 notice bans dogs from the Merewood Nature Trail from 1 March to 31 July 2026, even on a lead (assistance dogs exempt).",
      [["even on a lead"]],
      [x(TG, RULE_DOGS), x(SN, DOGS_SN)]),
    Q("gd-dg-07", "disagreement", "When does Drovers' Rest Hut open for the season?",
      "The booking terms say 1 April; in 2026 it opens on 1 June, after roof work.",
      [["1 April"], ["1 June"]],
      [x(CH, SEASON_DROVERS), x(SN, DROVERS_SN)]),
    Q("gd-dg-08", "disagreement", "Until what time is the Visitor Centre open in August?",
      "The guide says 17:00 (April to October); the notice says 18:00 every day in July and August 2026.",
      [["17:00"], ["18:00"]],
      [x(TG, HOURS_TG), x(SN, VC_SN)]),
    Q("gd-dg-09", "disagreement", "When is the last bus home from Aske Bridge on a Saturday in July?",
      "The guide says 17:40; in July and August 2026 there is a later last bus on Saturdays and Sundays, leaving Aske Bridge at 18:40.",
      [["17:40"], ["18:40"]],
      [x(TG, BUS_TG), x(SN, LATE_BUS_SN)], ["bus home"]),
    # --- comparison ------------------------------------------------------------------------------
    Q("gd-cmp-01", "comparison", "Which is longer, the Greyhowe Pike trail or Cragside Ridge?",
      "Greyhowe Pike, 14.0 km against 11.8 km.",
      [["14.0 km"], ["11.8 km"]],
      [x(TG, ROW4 + " " + ROW5)]),
    Q("gd-cmp-02", "comparison", "Which trail has the most climbing?",
      "Greyhowe Pike, with 720 m of ascent (Cragside Ridge 540 m).",
      [["Greyhowe Pike"], ["720 m"]],
      [x(TG, TABLE)]),
    Q("gd-cmp-03", "comparison", "Is a bunk cheaper at Fellhead Hut or at Drovers' Rest Hut?",
      "Drovers' Rest: £20.00 a night for an adult against £24.00 at Fellhead Hut.",
      [["£20.00"], ["£24.00"]],
      [x(CH, FEE_FELLHEAD), x(CH, FEE_DROVERS)], ["cheaper"]),
    Q("gd-cmp-04", "comparison", "What's the difference between the two campsites?",
      "Holmby is the larger (60 grass pitches plus 12 for campervans, heated washrooms, a shop); Aske Bridge has 25 grass pitches for walkers and cyclists only, a cold-water tap and a composting WC, and no vehicle access.",
      [["60 grass pitches"], ["25 grass pitches"]],
      [x(CH, HOLMBY_CH), x(CH, ASKE_CH)]),
    Q("gd-cmp-05", "comparison", "Is it cheaper to leave the car at Holmby or at Aske Bridge?",
      "Aske Bridge: £4.00 a day against £6.00 at Holmby.",
      [["£4.00"], ["£6.00"]],
      [x(TG, CARS_TG)], ["cheaper"]),
    Q("gd-cmp-06", "comparison", "How do the opening seasons of Holmby and Aske Bridge campsites compare?",
      "Holmby opens longer, 15 March to 31 October; Aske Bridge only 1 May to 30 September.",
      [["15 March"], ["1 May"]],
      [x(CH, SEASON_HOLMBY), x(CH, SEASON_ASKE)]),
    Q("gd-cmp-07", "comparison", "Of the two easy trails, which is shorter?",
      "The Merewood Nature Trail, 3.2 km, against 6.4 km for the Lantern Water Round.",
      [["3.2 km"], ["6.4 km"]],
      [x(TG, ROW1 + " " + ROW2)]),
    Q("gd-cmp-08", "comparison", "How much more will my kids be charged per night at Holmby this season than last?",
      "£1.00 more: the junior fee rises from £7.00 to £8.00 a night from 1 April 2026.",
      [["£7.00"], ["£8.00"]],
      [x(SN, FEES_SN)], ["kids"]),
    Q("gd-cmp-09", "comparison", "How does an adult night at Aske Bridge Campsite compare with Holmby?",
      "Aske Bridge is £9.00 against £14.00 at Holmby (2025 terms; Holmby rises to £16.00 from 1 April 2026, Aske Bridge unchanged).",
      [["£9.00"], ["£14.00"]],
      [x(CH, FEE_ASKE), x(CH, FEE_HOLMBY)]),
    # --- false premises --------------------------------------------------------------------------
    Q("gd-fp-01", "false_premise", "Since dogs are allowed in the huts, can I bring mine to Fellhead?",
      "Dogs are not allowed in either hut; only assistance dogs are.",
      [["not allowed in either hut"]],
      [x(CH, DOGS_HUTS)]),
    Q("gd-fp-02", "false_premise", "Where's the best spot to put up my tent on the open fell near Greyhowe Pike?",
      "Nowhere: camping anywhere outside the two campsites and two huts, including on the open fell, is not permitted.",
      [["not permitted"]],
      [x(CH, NO_CAMPING)], ["tent"]),
    Q("gd-fp-03", "false_premise", "Why is the Aske Gorge Path closed this summer?",
      "It is not: the trail closed in 2026 is Cragside Ridge, from 1 May to 30 September, while the Scar Beck footbridge is replaced.",
      [["Cragside Ridge"]],
      [x(SN, RIDGE_SN)]),
    Q("gd-fp-04", "false_premise", "How much is the booking fee going up in 2026?",
      "It is not going up: the £2.50 booking fee is unchanged.",
      [["£2.50"]],
      [x(SN, UNCHANGED_SN)]),
    Q("gd-fp-05", "false_premise", "Why is Drovers' Rest Hut closed for the whole of 2026?",
      "It is not closed all year: it stays closed until 31 May 2026 for roof work and opens on 1 June.",
      [["1 June"]],
      [x(SN, DROVERS_SN)]),
    Q("gd-fp-06", "false_premise", "How much does the Visitor Centre charge to borrow its mobility scooter?",
      "Nothing: it lends the all-terrain mobility scooter free of charge (book 48 hours ahead).",
      [["free of charge"]],
      [x(TG, MEREWOOD_TG)]),
    # --- follow-ups ------------------------------------------------------------------------------
    Q("gd-fu-01", "follow_up", "How long does it take?",
      "About 6 hours for the 14.0 km round.",
      [["6 h"]],
      [x(TG, ROW4)],
      history=hist("Which trail goes to the highest point in the park?",
                   "Trail 4, Greyhowe Pike, to its summit at 812 metres.")),
    Q("gd-fu-02", "follow_up", "What did she say about the new bridge?",
      "It will be a single steel span, and it should last well into the 2070s.",
      [["single steel span"], ["2070s"]],
      [x(SN, DRUMMOND)],
      history=hist("Who is the Head Ranger?", "Isla Drummond.")),
    Q("gd-fu-03", "follow_up", "And how much do they charge for my pooch?",
      "£3.00 per dog per night.",
      [["£3.00"]],
      [x(CH, DOG_FEE)], ["pooch"],
      history=hist("Are dogs allowed at Holmby Campsite?",
                   "Yes, up to two per pitch, on a lead no longer than 2 metres.")),
    Q("gd-fu-04", "follow_up", "How much longer will that make my hike?",
      "About 45 minutes; the Holm Mill footbridge is 2.4 km further upstream.",
      [["45 minutes"]],
      [x(TG, DETOUR)], ["hike"],
      history=hist("What should I do if the stepping stones at Aske Foot are under water?",
                   "Don't cross: turn upstream and use the footbridge at Holm Mill.")),
    Q("gd-fu-05", "follow_up", "And if I cancel three days before?",
      "No refund: cancellations fewer than 7 days before arrival get nothing back.",
      [["no refund"]],
      [x(CH, REFUND_NONE)],
      history=hist("If I cancel 10 days before arrival, what do I get back?",
                   "Under the 2025 terms, a refund of 50% of the fees.")),
    Q("gd-fu-06", "follow_up", "How much is that per night?",
      "£140.00 per night for whole-hut hire.",
      [["£140.00"]],
      [x(CH, FEE_DROVERS)],
      history=hist("Which hut can be hired as a whole?", "Drovers' Rest Hut, which has 8 bunks.")),
    Q("gd-fu-07", "follow_up", "Which company is building the new one?",
      "Not given: the notice says only that the footbridge is being replaced with a single steel span.",
      history=hist("Why is Cragside Ridge closed this summer?",
                   "The Scar Beck footbridge is being replaced after the December 2025 floods damaged it.")),
    Q("gd-fu-08", "follow_up", "What's the warden's number?",
      "0170 555 2877, in season and only from 17:00 to 19:00.",
      [["0170 555 2877"]],
      [x(CH, "Fellhead Hut warden (in season, 17:00 to 19:00 only): 0170 555 2877.")],
      history=hist("When is there a warden at Fellhead Hut?", "From 1 April to 30 September.")),
    Q("gd-fu-09", "follow_up", "And what if there's a red flag at the entrance?",
      "Then the fire risk is \"very high\" and no charcoal may be lit at all.",
      [["no charcoal may be lit"]],
      [x(CH, RED_FLAG)],
      history=hist("Can I use a charcoal grill at Holmby Campsite?",
                   "Yes, a raised one, on the gravel pads provided but not on the grass; disposable grills are not allowed.")),
    Q("gd-fu-10", "follow_up", "How many nesting pairs did they count?",
      "Eleven, in a survey last spring.",
      [["eleven nesting pairs"]],
      [x(SN, CURLEW)],
      history=hist("Why are dogs banned from the Merewood Nature Trail this year?",
                   "Curlew and lapwing have returned to nest in the wet meadows on its eastern side.")),
    # --- unanswerable ----------------------------------------------------------------------------
    Q("gd-un-01", "unanswerable", "What will an adult night at Holmby Campsite cost in 2027?",
      "Not given: the pack gives the 2025 fee (£14.00) and the 2026 fee (£16.00) only.", terms=["cost"]),
    Q("gd-un-02", "unanswerable", "What is the telephone number of Drovers' Rest Hut?",
      "Not given: the hut has no warden and its key code is sent by e-mail; only the Fellhead Hut warden's number is listed."),
    Q("gd-un-03", "unanswerable", "What is the name of the warden at Fellhead Hut?",
      "Not given: the warden's hours and number are listed, but no name."),
    Q("gd-un-04", "unanswerable", "How much did the new Scar Beck footbridge cost?",
      "Not given: the notice gives the reason and dates of the closure, not the cost of the bridge.", terms=["cost"]),
    Q("gd-un-05", "unanswerable", "How did the committee vote on the longer refund notice period?",
      "Not given: a vote (five to two) is reported only for the Holmby fee increase."),
    Q("gd-un-06", "unanswerable", "What time does the shop at Holmby Campsite open?",
      "Not given: reception hours (08:00 to 20:00) are listed, but not the shop's."),
    Q("gd-un-07", "unanswerable", "How much is a go in the washing machine at Holmby?",
      "Not given: a laundry room is mentioned, but no laundry charges.", terms=["washing machine"]),
    Q("gd-un-08", "unanswerable", "How much does it cost to join the Friends of Skelmoor?",
      "Not given: only the members' 10% discount on campsite fees is mentioned.", terms=["cost", "join"]),
    Q("gd-un-09", "unanswerable", "How many curlew pairs nested at Merewood in 2009?",
      "Not given: the notice says only that they nested there then, and that last spring's survey counted eleven pairs."),
    Q("gd-un-10", "unanswerable", "Do I need a permit to go fishing in the River Aske?",
      "Not given: fishing is not mentioned.", terms=["fishing"]),
    Q("gd-un-11", "unanswerable", "How much snow does Greyhowe Pike usually get in winter?",
      "Not given: the guide mentions temperature, cloud and sunset times, but not snow.", terms=["snow"]),
    Q("gd-un-12", "unanswerable", "Is there a taxi rank at Wraybridge station?",
      "Not given: only the Fellrider S1 bus is described.", terms=["taxi"]),
    Q("gd-un-13", "unanswerable", "What is the grid reference of Fellhead Hut?",
      "Not given: the hut's altitude (620 metres) and distance from Holmby (4.5 km) are given, but no grid reference."),
    Q("gd-un-14", "unanswerable", "What's the phone number for Wraybridge General Hospital?",
      "Not given: only its distance from Holmby (14 km) is stated."),
    Q("gd-un-15", "unanswerable", "Can I ride my horse on the Old Drovers' Way?",
      "Not given: the guide allows cycling there but says nothing about horse riding.", terms=["horse"]),
    Q("gd-un-16", "unanswerable", "How long is the Scar Beck trail?",
      "Not given: there is no Scar Beck trail; Scar Beck is crossed by Cragside Ridge (Trail 5)."),
    Q("gd-un-17", "unanswerable", "What's the Wi-Fi password at Holmby Campsite?",
      "Not given: Wi-Fi is not mentioned.", terms=["Wi-Fi", "password"]),
    Q("gd-un-18", "unanswerable", "Who is the chief executive of the Skelmoor National Park Authority?",
      "Not given: no chief executive is named."),
    Q("gd-un-19", "unanswerable", "What did the sixth edition of the trail guide say about the river crossing?",
      "Not given: the sixth edition (April 2022) is mentioned only as replaced."),
    Q("gd-un-20", "unanswerable", "How much is a one-way adult fare on the S1 bus?",
      "Not given: only return fares are listed (£4.50 adult, £2.00 under-16s)."),
    Q("gd-un-21", "unanswerable", "How much does it cost to hire the whole of Fellhead Hut?",
      "Not given: whole-hut hire is offered only at Drovers' Rest Hut (£140.00 a night).", terms=["cost"]),
    Q("gd-un-22", "unanswerable", "What's a good restaurant in Wraybridge?",
      "Not given: the pack does not cover places to eat.", terms=["restaurant"]),
    Q("gd-un-23", "unanswerable", "How many visitors came to Skelmoor last year?",
      "Not given: no visitor numbers are reported (only 300 cancelled nights)."),
    Q("gd-un-24", "unanswerable", "What was the adult fee at Holmby Campsite before it was frozen three seasons ago?",
      "Not given: the pack gives only the £14.00 fee that was held for three seasons and the new £16.00."),
    Q("gd-un-25", "unanswerable", "Which birds nest in the riverside area at Aske Bridge Campsite?",
      "Not given: the terms say only that the campsite lies within the riverside nesting area; curlew and lapwing are named for Merewood, not Aske Bridge."),
    Q("gd-un-27", "unanswerable", "What time is the first bus from Holmby back to Wraybridge in the morning?",
      "Not given: the guide gives the first bus from Wraybridge (08:15; 07:45 from 1 May 2026) and the last buses back, not the morning departures from Holmby."),
    Q("gd-un-26", "unanswerable", "Who was Head Ranger before Isla Drummond?",
      "Not given: no earlier Head Ranger is named."),
]  # fmt: skip

EVERYDAY_TERMS = {q.id: q.terms for q in NEW if q.terms}


def build(write: bool = True) -> list[dict]:
    docs = corpus_docs("guide")
    return finish("guide", [q.to_item(docs) for q in NEW], EVERYDAY_TERMS, write)


if __name__ == "__main__":
    build()
