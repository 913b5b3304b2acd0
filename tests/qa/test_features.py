"""The answerer's general features, on small hand-made sentences from several kinds of
documents (a contract, a manual, a policy, news). Nothing here is drawn from the seeds."""

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from qa.answer import features as f
from qa.answer.extractive import _Words, header_row, introduced, run_in_label, table_header
from qa.answer.question import (
    answer_type_of,
    asked_noun,
    closeness,
    profile_question,
    specificity,
)
from qa.types import Passage, Sentence


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How long is the warranty?", "duration"),
        ("How many days' notice must the customer give?", "duration"),
        ("Who may end the contract?", "person"),
        ("Which party pays for the audit?", "person"),
        ("What happens if the supplier is late?", "open"),
        ("How much does the premium plan cost?", "amount"),
        ("What is the monthly fee?", "amount"),
        ("When does the policy take effect?", "time"),
        ("How likely is a delay, according to the report?", "degree"),
        ("What percentage of staff work remotely?", "degree"),
        ("Where is the head office?", "place"),
        ("Why was the recall issued?", "reason"),
        ("How many units were sold?", "number"),
        ("What is section 4 called?", "heading"),
        ("What is the title of the agreement?", "heading"),
        ("Describe the cleaning procedure.", "open"),
        # everyday wordings that the rules once typed "open"
        ("What is the name of the site manager?", "name"),
        ("What's the new model actually called?", "name"),
        ("What's the price of a day ticket?", "amount"),
        ("What is the annual subscription fee?", "amount"),
        ("What were the company's total takings last year?", "amount"),
        ("How expensive is the premium plan?", "amount"),
        ("How much will they refund me?", "amount"),  # a verb of paying after "how much"
        ("How much will I be charged?", "amount"),
        ("How much notice must I give before a rent rise?", "number"),
        ("How much should I take?", "number"),  # a dose: "takings" is no verb of paying
        ("How much does the fine print matter?", "number"),
        ("What's his phone number?", "contact"),
        ("What number should he phone if it fails?", "contact"),
        ("What number do phone companies report as lost?", "number"),  # no one phones
        ("What email address should I write to?", "contact"),
        ("How can I contact the landlord?", "contact"),
        ("If the boiler fails at night, who do I ring?", "contact"),
        ("Who should I contact about my claim?", "person"),
        ("Who should I call about it?", "person"),
        ("Which pharmaceutical company makes the tablets?", "person"),
        ("Which side can end the lease early?", "person"),
        ("Which of the parties pays the legal costs?", "person"),
        ("Which board member resigned?", "person"),
        ("In which countries is the service available?", "place"),
        ("Which country's law governs the contract?", "place"),
        ("What was the deadline for objections?", "time"),
        ("What date does the lease start?", "time"),
        ("How soon can I use the room again?", "duration"),
        # the time something may be done by; not a delay, nor the newest of a thing
        ("What's the latest I can put my bins out?", "time"),
        ("How early can I check in?", "time"),
        ("How late was the train?", "open"),
        ("How late will the train be?", "open"),
        ("What is the latest version?", "number"),
        ("What is the latest one?", "open"),
        ("What's the latest you've heard from the council?", "open"),
        ("How late is the library open?", "time"),
        ("What is the latest time I can check out?", "time"),
        ("What is the default timeout for a request?", "duration"),
        ("What response time applies to urgent faults?", "duration"),
        ("How heavy is the unit?", "number"),
        ("What is the maximum input voltage?", "number"),
        ("What is the population of the town?", "number"),
        ("What odds does the forecaster give?", "degree"),
        # a head noun after an auxiliary, or a verb, is not asked for
        ("What did the company say about the delay?", "open"),
        ("What is the email thread about?", "open"),
        ("How many customers used the phone service?", "number"),
        # the wh-word after a phrase that sets the scene, or after "and"
        ("On a weekday, when's the first bus into town?", "time"),
        ("In 2024, who chaired the board?", "person"),
        ("And where is the office?", "place"),
        ("How many, when all is said and done?", "number"),
        ("On a weekday, when's the first bus, and when's the last one?", "time"),
        # a wh-word opening a clause inside the question is not the question's
        ("In 2019, when the club moved grounds, how many fans came?", "number"),
        ("And when the alarm sounds, how many exits are there?", "number"),
        ("My landlord, who lives abroad, has kept my deposit. What can I do?", "open"),
        ("In the kitchen, where the fire started, what was damaged?", "open"),
        # the sentence that asks, after the statements that set its scene
        ("My expenses still haven't been paid. Who should I chase?", "person"),
        ("Dr. Okafor moved wards. Where do I send the form?", "place"),
        ("The boiler keeps cutting out. When will someone come?", "time"),
        ("It broke again. Why does it keep failing?", "reason"),
        ("I need it by May. Who? When?", "person"),
        # a when-clause that sets the scene of another question does not ask when
        ("When the light flashes, what should I do?", "open"),
        ("When the light flashes red, and the fan stops, what should I do?", "open"),
        ("When I arrive, who do I ask for?", "person"),
        ("When is the deadline, and who signs?", "time"),
        # ... but not a relative clause inside the scene's clause
        ("If the tenant, who lives abroad, stops paying, can I evict him?", "open"),
        ("If my landlord, who lives abroad, keeps my deposit, what can I do?", "open"),
        # a lead-in a colon closes, or a comma and a joining word
        ("Hi there! Quick question: who chairs the board?", "person"),
        ("Sorry to bother you, but when does the office open?", "time"),
        ("OK, so who pays for repairs?", "person"),
    ],
)
def test_the_answer_type_comes_from_the_wh_word_and_its_head_noun(question, expected):
    assert answer_type_of(question) == expected


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which pharmaceutical company makes it?", ("company", False)),
        ("What is the maximum PV input voltage?", ("voltage", True)),
        ("Which countries share the assessment?", ("countries", False)),  # "share": a verb
        ("What's the overtime pay rate?", ("pay", True)),
        ("What did the company say?", None),
    ],
)
def test_the_head_noun_is_the_first_word_after_the_wh_word_that_names_a_kind(question, noun):
    assert asked_noun(question) == noun


def test_common_words_are_less_specific_than_rare_words_names_and_numbers():
    common = [specificity(w) for w in ("happens", "leader", "likelihood", "runs", "the")]
    rare = [specificity(w) for w in ("licensor", "malware", "indemnification")]
    assert max(common) < min(rare)
    assert specificity("the") == 0.0
    assert specificity("A4-77") == 1.0  # has digits: a model number, an article number


def test_a_day_or_month_used_as_a_time_is_never_missing_from_the_corpus():
    """ "Is it still fine to eat on Wednesday?" over a recipe that says "keeps for 3 days":
    the day says when the asker's case happens, and no document need name it. A name that
    is a month's or a day's, used as a name, is still one the corpus may lack."""
    q = profile_question(
        "We had chicken left over on Sunday. Is it still fine to eat on Wednesday?",
        {"chicken": 2, "eat": 1},
        set(),
    )
    found = {t.word: t.in_corpus for t in q.terms}
    assert found["Wednesday"] and found["Sunday"]
    assert not found["left"]  # other words the corpus lacks are missing still

    def present(question: str, word: str) -> bool:
        return next(
            t.in_corpus for t in profile_question(question, {}, set()).terms if t.word == word
        )

    assert present("Is the office open on Mondays?", "Mondays")
    assert present("Can the landlord drop by on a Sunday?", "Sunday")
    assert present("Is it open on 5 June 2025?", "June")
    assert present("Is there a meeting every Thursday?", "Thursday")
    assert present("Can the courier come at the weekend?", "weekend")
    assert present("Is the desk staffed on weekdays?", "weekdays")
    assert not present("Did April sign the lease?", "April")
    assert not present("What did Tuesday say about the deposit?", "Tuesday")
    # a feast is when the usual rules do not hold: a document that never names it may lack it
    assert not present("What time does the office open at Easter?", "Easter")


def test_a_common_word_opening_a_later_sentence_of_the_question_is_no_name():
    """ "Hi there! Quick question: ...": the capital is the sentence's. A given name there
    is still a name."""
    q = profile_question("Hi there! Quick question: who chairs the board?", {"board": 1}, set())
    assert {t.word: t.name for t in q.terms}["Quick"] is False
    q = profile_question("I asked twice. Mark said no. Is that allowed?", {}, set())
    assert {t.word: t.name for t in q.terms}["Mark"] is True


def test_an_ordinal_in_figures_is_its_number():
    """ "the 21st" is the day "21 June" writes: its ending is no word the answer must have."""
    q = profile_question("Why couldn't they have the party on the 21st?", {"21": 1}, set())
    assert [t.word for t in q.terms] == ["party", "21"]
    assert q.terms[1].in_corpus
    # the words after it stay; a saint's "St" after a house number stays too
    assert [t.word for t in profile_question("Is the 3rd floor open?", {}, set()).terms] == [
        "3",
        "floor",
        "open",
    ]
    assert "1,000" in [t.word for t in profile_question("The 1,000th visitor?", {}, set()).terms]
    assert "th" not in [t.word for t in profile_question("The 1,000th visitor?", {}, set()).terms]
    assert "St" in [
        t.word for t in profile_question("Who lives at 10 St James Square?", {}, set()).terms
    ]


def test_a_modal_idiom_names_nothing():
    """ "are we supposed to park" asks where to park; "supposed" is no word the documents
    must have. The same word outside the idiom stays."""

    def said(question: str) -> list[str]:
        return [t.word for t in profile_question(question, {}, set()).terms]

    assert said("Where are we supposed to park, and what does it cost?") == ["park", "cost"]
    assert said("Where am I meant to leave my bag?") == ["leave", "bag"]
    assert said("Is the landlord supposed to return the deposit?") == [
        "landlord",
        "return",
        "deposit",
    ]
    assert said("Aren't we supposed to park here?") == ["park"]
    assert said("Are we supposed to pay the supposed fee?") == ["pay", "supposed", "fee"]
    assert said("Is she going to Paris?") == ["going", "Paris"]  # a journey, no idiom


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("Excess mileage charge:     8.4p per mile including VAT", True),
        ("Overdue books are charged at 25p per day.", True),
        ("Each copy is 50¢.", True),
        ("Playback in 1080p only.", False),  # a video's lines, not pence
        ("A 3P supply is needed.", False),  # three-phase
        ("Doors open at 9pm.", False),
        ("Doors open at 10p.m. sharp.", False),
        ("Requires OpenSSL 1.0.2p or later.", False),  # a version's letter
    ],
)
def test_pence_and_cents_after_the_figure_are_money(text, money):
    """ "8.4p per mile" answers "What will it cost me?" as "£0.084" would."""
    from qa.text import MONEY

    assert bool(MONEY.search(text)) is money
    if text.endswith("50¢."):
        assert MONEY.search(text).group() == "50¢"  # the whole sum, not "0¢"
    from qa.answer.features import offers_amount

    question = profile_question("How much is it?", {}, set())
    assert offers_amount(text, question, set()) is money


def test_figures_are_found_whole_and_a_run_of_them_is_read_once():
    """Money, sums and durations in figures; a run of figures ("1,1,1, ...", a CSV row in
    a document) matches none of them, read once (it took 0.5 to 2.6 s per 8,000
    characters when each group was tried again)."""
    from qa.answer.features import _SUM, DURATION
    from qa.text import MONEY

    assert MONEY.search("it was 2,500 dollars").group() == "2,500 dollars"
    assert _SUM.search("a fee of £1,250.50 a year").group() == "£1,250.50"
    assert DURATION.search("allow 2.5 days").group() == "2.5 days"
    assert _SUM.search("approx.500 dollars").group() == "500 dollars"  # after a word's stop
    run = ",".join(["1"] * 4000) + " and"
    assert MONEY.search(run) is None and _SUM.search(run) is None
    assert DURATION.search(run) is None


def test_closeness_makes_unrelated_words_zero_and_the_same_word_one():
    assert closeness(0.25) == 0.0 and closeness(1.0) == 1.0
    assert 0.0 < closeness(0.7) < 1.0


def view(
    question: str, sentence: str, previous: str = "", title: str = "", kind="sentence", q=None
):
    """A View as score_candidates builds it, with exact matching only (no lexicon); `q`:
    the question's profile, when several views share it as a question's candidates do."""
    q = q or profile_question(question, {}, set(), passages=10)
    lex = _Words(q, SimpleNamespace(lexicon=None))
    s = Sentence(start=0, end=len(sentence), text=sentence, kind=kind)
    p = Passage(passage_id="p", doc_id="d", title=title, start=0, end=len(sentence), text=sentence,
                sentences=[s])  # fmt: skip
    match, content = lex.match(sentence)
    context = match
    for extra in (previous, title):
        if extra:
            context = np.maximum(context, lex.match(extra)[0])
    heading = lex.match(title, soft=False)[0] if title else np.zeros(len(q.terms), np.float32)
    return f.View(q=q, passage=p, index=0, sentence=s, cosine=0.5, passage_score=1.0,
                  position=0, lower_words=set(), match=match, context_match=context,
                  title_match=heading, content=content, previous=previous)  # fmt: skip


@pytest.mark.parametrize(
    ("question", "sentence", "offered"),
    [
        ("How long is the warranty?", "The kettle carries a warranty of three years.", True),
        ("How long do I hold the button?", "Hold the button for 10 seconds.", True),
        ("How long is the notice period?", "Notice must be given within 30 days.", True),
        ("How long is the warranty?", "The warranty covers parts and labour.", False),
        # "how often" is answered by a frequency too; "how long" is not
        ("How often should the tank be drained?", "Drain the tank every month.", True),
        ("How often is the levy paid?", "The levy is paid annually.", True),
        ("How often did the panel sit?", "The panel sat nine times last year.", True),
        ("How often should I clean the nozzle?", "Wipe the nozzle after each use.", True),
        ("How often should I clean the nozzle?", "Press the button once to start.", False),
        ("How often can I be on call?", "Nobody is on call more than one week in five.", True),
        # a year or a count of things after "in" makes no rate: the duration stands
        ("How long did they stay?", "They stayed one night in 2 hotels.", True),
        ("How long was it shut?", "It was shut for a month in 2020.", True),
        ("How long is the warranty?", "The warranty is renewed every year.", False),
        # "how long is" a thing: a length answers as a duration does; not for "how long does"
        ("How long is the crack?", "We found a crack, roughly 140 mm long.", True),
        ("How long is the cable?", "The cable is 12 metres long.", True),
        ("How long is the cable?", "The probe reads -80 to +150 °C.", False),  # no length
        ("How long does the cable last?", "The cable is 12 metres long.", False),
        ("How long can the essay be?", "Essays must not exceed 3,000 words.", True),
        ("How long is the new bridge?", "The bridge is 400 metres long.", True),
        ("How long is?", "The bridge is 400 metres long.", True),  # nothing named: no error
        # ... nor for how long a state lasted ("unable", "closed": no noun in WordNet)
        ("How long were customers unable to pay?", "The cable is 12 metres long.", False),
        ("How long was the road closed?", "The road is 12 metres wide.", False),
        # ... nor for how long someone goes on doing something
        ("How long are they going to fix 2.x?", "The 2.x line is 12 metres long.", False),
        # a financial year's second part is no count
        ("How many members joined?", "Membership grew in 2022/23.", False),
        ("How many members joined?", "Membership grew by 23 in 2022.", True),
        ("How many members joined?", "Membership grew in 2022–23.", False),
        # a version is no date
        ("When did 3.0.0 come out?", "The flag will be removed in 3.0.0.", False),
        ("When did 3.0.0 come out?", "3.0.0 was released on 14.04.2025.", True),
        ("When did 3.0.0 come out?", "It needs urllib3 1.26.18 and Python 3.11.12.", False),
        # the date a period ends says how long it goes on
        ("How long will they fix 2.x?", "It gets fixes only until 2024-12-31.", True),
        ("How long is the office open?", "It stays open until the end of June.", True),
        ("How long are they going to fix 2.x?", "It gets fixes only till March 2027.", True),
        ("How long will they fix 2.x?", "It is fixed until you upgrade.", False),
        # an age is no duration of anything
        ("How soon does it work?", "It is for children aged 6 years and over.", False),
        ("How soon does it work?", "Not for children under 12 years of age.", False),
        ("How soon does it work?", "It works within 2 hours in children aged 6 years.", True),
        ("How soon does it work?", "It is for children aged 6 to 11 years.", False),
        ("How long is the whisky aged?", "The whisky is aged 12 years in oak casks.", True),
        # nor is an interval's level a share
        ("What share of pupils improved?", "The odds rose (aOR 1.74, 95% CI 1.21 to 2.50).", False),
        ("What share of pupils improved?", "41.7% of pupils improved (95% CI 36 to 47).", True),
        ("What share trusts the police?", "There is 45% confidence in the police.", True),
        ("How likely is it to open in May?", "We have 80% confidence that it opens in May.", True),
        ("How long will they fix 2.x?", "It is fixed until 31/12/2024.", True),
        ("How long do I simmer it?", "Simmer until 1500 ml remain.", False),
        ("How long is Acme going to fix 2.x?", "The 2.x line is 12 metres long.", False),
        ("Who may end the contract?", "Either party may terminate this agreement.", True),
        ("Who pays the fees?", "The supplier shall pay all fees.", True),
        ("Who handles the claims?", "Claims are handled by the embassy.", True),
        ("Who may end the contract?", "The contract ends on 31 March.", False),
        ("Who signed the report?", "The report was signed by Maria Keller.", True),
        ("How much does it cost?", "The premium plan costs $40 a month.", True),
        ("How much does it cost?", "The premium plan has 40 features.", False),
        # a price of nothing answers too; "free" in other senses does not
        ("How much does the loan kettle cost?", "Guests borrow it free of charge.", True),
        ("How much is parking?", "Parking at the depot is free.", True),
        ("How much does it cost?", "Feel free to ask at the desk.", False),
        ("How much does it cost?", "The valve is free from defects.", False),
        ("How likely is a delay?", "A delay is almost certainly coming.", True),
        ("What percentage of staff work remotely?", "About 35% of staff work remotely.", True),
        ("When does the policy take effect?", "It takes effect on 1 January 2024.", True),
        ("When does the policy take effect?", "It applies to all permanent staff.", False),
        ("Where is the head office?", "The head office is in Portland.", True),
        # spelled-out numbers, other units and currencies, proportions, clock times
        ("How long is the notice period?", "Either party may give ninety days' notice.", True),
        ("How long do I wait?", "Wait sixty seconds before restarting.", True),
        ("How long is the trial?", "The trial lasts a fortnight.", True),
        ("How much does it cost?", "The licence costs ten dollars.", True),
        ("How much does it cost?", "The tablets cost ₹500 a strip.", True),
        ("What percentage of staff work remotely?", "Ninety percent of staff do.", True),
        ("What percentage of staff work remotely?", "One in ten staff work remotely.", True),
        ("What percentage of staff work remotely?", "Two-thirds of staff work remotely.", True),
        ("What percentage of staff work remotely?", "Staff ranked 3 in 2024.", False),
        ("What time does the office open?", "The office opens at 9:30.", True),
        ("What's the support phone number?", "Call us on +44 20 7946 0000.", True),
        ("What's the support phone number?", "Write to help@example.org.", False),
        ("What's the support phone number?", "Support is open from 2024 to 2025.", False),
        ("What is the name of the new model?", "The new model is called the Zephyr.", True),
        ("What is the name of the new model?", "The new model is lighter.", False),
        # a measure: a number with a unit, a currency or a percentage, or beside the noun
        # asked for; a count: no year, date or sum (invented examples, no eval corpus's)
        ("How deep is the channel?", "The channel is twelve metres deep.", True),
        ("What is the maximum input voltage?", "| Max input voltage | 24 | V |", True),
        ("How big is the repair fund?", "The repair fund holds £90,000.", True),
        ("What is the population of the village?", "The village has a population of 95.", True),
        ("Which version is needed?", "Building needs Rust 1.75 or later.", True),
        ("Which versions are supported?", "Releases 10 and 11 are supported.", True),
        ("What is the height of the tower?", "The tower is 300 m tall.", True),
        ("How big is the hall?", "The hall is 40 square metres.", True),
        ("How high is the summit?", "The summit is 1650 m high.", True),
        ("How much did the hall cost?", "Three rooms were booked in 2019.", False),
        ("How old must a buyer be?", "They come in boxes of 6, 12 or 24 eggs.", False),
        ("How deep is the lake?", "The tenant must pay the rent.", False),  # no "ten"
        ("How deep is the lake?", "Tens of visitors swim there.", False),
        ("How deep is the lake?", "5 bus stops and 12 men serve the lake.", False),  # no units
        ("How fast is the ferry?", "The ferry makes 30 km/h.", True),
        ("What is the version number?", "It shipped on 12 May.", False),
        ("What is the version number?", "Version 2.4.1 fixed it.", True),  # not a date
        (
            "What is the population of the village?",
            "In 1850 it was rebuilt for 40 families.",
            False,
        ),
        ("How many members voted?", "In May 2019 the club voted to move.", False),
        ("How many members voted?", "Since 2019 members have voted by post.", False),
        ("How many members voted?", "On 12 May the club voted to move.", False),
        ("How many members voted?", "Dues rose to £3.5 million.", False),
        ("How many members voted?", "In all, 1,300 members voted.", True),
        # a number that is part of a name counts nothing; one after a word of grammar does
        ("How many new homes are there?", "Area 4: Stenning Park (new homes)", False),
        ("How many pupils went?", "Year 6 pupils went to the coast.", False),
        ("How many pupils went?", "Over 40 pupils went to the coast.", True),
        ("How many volunteers came?", "On Sunday 40 volunteers came.", True),
        ("How many people signed?", "Today 300 people signed the petition.", True),
        ("How many people visit each day?", "Every day 300 people visit the museum.", True),
        ("How many were followed up?", "Nobody was followed up after week 6.", False),
        ("How many members voted?", "Some 1500 members voted.", True),  # a count, not a year
        # a phone number, long or dialled ("call 112"); not any short number
        ("What number do I ring in an emergency?", "In an emergency, call 112.", True),
        ("What number do I ring?", "Ring us on 0800 123 456.", True),
        ("What number do I ring in an emergency?", "Call 2 friends before you go.", False),
        ("What number do I ring in an emergency?", "Route 112 runs every hour.", False),
        # a length of time counts only what the question counts in it
        ("How many calories are in the soup?", "Simmer the soup for 4 minutes.", False),
        ("How many calories are in the soup?", "A bowl has 250 calories.", True),
        ("How many vacation days do I get?", "Staff accrue 22 days a year.", True),
        # a measure counts only in the unit the question counts in; a share is no count
        ("How many litres of fuel can it carry?", "It can carry 40 tonnes.", False),
        ("How many litres of fuel can it carry?", "Its tank holds 400 litres.", True),
        ("How many people work at the plant?", "At the plant, 5.4% of staff left.", False),
        ("How many people live there?", "Some 1.2m people live there.", True),
        ("How many kilometres is the route?", "The route is 12 km long.", True),
        ("How many tonnes can it carry?", "It carries 4,000 tons.", True),
        # a scale word before a noun is no currency; at the end of a sum it is one
        ("How much did the recall cost?", "It recalled 1.2 million packs.", False),
        ("How much did the recall cost?", "The recall cost 3 million dollars.", True),
        ("How much did the recall cost?", "The recall cost 5 million.", True),
        # a price in a currency no list names; the source a report is according to
        ("How pricey is the mix?", "A 25 kg sack costs 38 dravels.", True),
        ("How much does the seed cost?", "A bag weighs 10 kg.", False),
        # how often is not how long
        ("How long does the bus take?", "The bus stops here roughly every 90 minutes.", False),
        ("How long does the bus take?", "The bus takes 90 minutes.", True),
        ("How often does the bus run?", "The bus stops here roughly every 90 minutes.", True),
        # how soon: a time from now answers, as a period does
        (
            "How quickly will someone come out?",
            "You will be visited by the next working day.",
            True,
        ),
        ("How soon will they call back?", "We call back within the same day.", True),
        ("How soon will they call back?", "The next day, the chair thanked members.", False),
        ("How soon will they call back?", "Call us immediately if it arrives damaged.", False),
        ("How quickly does it work?", "Do not take it on the same day as antacids.", False),
        ("How soon will they visit?", "The office is closed until the next working day.", False),
        ("How long does the repair take?", "You will be visited by the next working day.", False),
        ("How quickly will someone come out?", "Engineers visit on weekdays.", False),
        # the way of getting in touch the question names
        ("What is her phone number?", "E-mail her at m.rowan@example.org.", False),
        ("What is her phone number?", "Ring her on 01632 960418.", True),
        ("What is her e-mail address?", "Ring her on 01632 960418.", False),
        ("How can I contact her?", "E-mail her at m.rowan@example.org.", True),
        ("How do I contact her about an order number?", "E-mail m.rowan@example.org.", True),
        # "how much is" asks a share as well as a sum, unless the question speaks of money
        ("How much is the field trip worth?", "| Field trip | 15% | Written up |", True),
        ("How much of the mark is the field trip?", "Field trips rose by 15% this year.", True),
        ("How much is a field trip?", "Field trips rose by 15% this year.", False),
        ("How much does the field trip cost?", "Field trips rose by 15% this year.", False),
        ("How much money is the field trip?", "Field trips rose by 15% this year.", False),
        # a count of money's pieces is an amount (WordNet: coins and banknotes are money)
        ("How much money does each player get?", "Each player receives 7 coins.", True),
        ("How much money does each player get?", "Each player receives 7 cards.", False),
        ("How much money does each player get?", "The bank holds 10 cash machines.", False),
        ("How much money does each player get?", "Each player gets 5 gold coins.", True),
        ("How much money does each of us get?", "Two players get 7 coins instead.", True),
        ("How much money does each player get?", "In 2016 banknotes went polymer.", False),
        ("How much money does each player get?", "The council passed 3 bills.", False),
        ("How much money does each player get?", "The till takes 2 types of coins.", False),
        # a point counted in units of time from a start is a time
        (
            "At what point do I need a doctor's note?",
            "From the 8th calendar day, you must provide a fit note.",
            True,
        ),
        ("When do I pay the rent?", "Rent is due in the second week.", True),
        ("When do I pay the rent?", "Rent is due on the second floor.", False),
        ("According to whom was it approved?", "According to the ministry, it was.", True),
        ("According to whom was it approved?", "According to reports, it was.", False),
    ],
)
def test_a_sentence_offers_the_kind_of_answer_asked_for(question, sentence, offered):
    v = view(question, sentence)
    assert f.type_offered(v) == float(offered)
    assert f.type_missing(v) == float(not offered)


NO_DOCUMENTS = SimpleNamespace(documents={})  # a snapshot with no passage after these


def test_a_lead_in_offers_what_the_list_under_it_gives():
    """ "You can contact her:" ends with a colon: its list items hold the address asked for
    (`extractive.introduced` reads them, as the answer quotes them)."""
    text = "You can contact her:\n(a) by email at dpo@example.org;\n(b) by post. Fees apply."
    spans = [
        (0, 20, "sentence"),
        (21, 53, "list_item"),
        (54, 66, "list_item"),
        (67, 79, "sentence"),
    ]
    sentences = [Sentence(start=a, end=b, text=text[a:b], kind=k) for a, b, k in spans]
    p = Passage(passage_id="p", doc_id="d", title="", start=0, end=len(text), text=text,
                sentences=sentences)  # fmt: skip
    assert introduced(p, 0, NO_DOCUMENTS) == "(a) by email at dpo@example.org; (b) by post."
    assert introduced(p, 1, NO_DOCUMENTS) == ""  # no colon: nothing introduced
    question = "How can I contact the data protection officer?"
    lead_in = view(question, "You can contact her:")
    assert f.type_missing(lead_in) == 1.0
    lead_in = replace(lead_in, introduced=introduced(p, 0, NO_DOCUMENTS))
    assert f.type_offered(lead_in) == 1.0 and f.type_missing(lead_in) == 0.0


def test_a_colon_introduces_the_next_sentence_when_no_list_follows():
    text = "The rule is simple: Call 0800 100 200 at once. Then wait."
    spans = [(0, 19), (20, 46), (47, 57)]
    sentences = [Sentence(start=a, end=b, text=text[a:b]) for a, b in spans]
    p = Passage(passage_id="p", doc_id="d", title="", start=0, end=len(text), text=text,
                sentences=sentences)  # fmt: skip
    assert introduced(p, 0, NO_DOCUMENTS) == "Call 0800 100 200 at once."


def _rows(text: str, kinds: list[str], context: str = "") -> Passage:
    lines, at, sentences = text.split("\n"), 0, []
    for line, kind in zip(lines, kinds, strict=True):
        sentences.append(Sentence(start=at, end=at + len(line), text=line, kind=kind))
        at += len(line) + 1
    return Passage(passage_id="p", doc_id="d", title="", context=context, start=0,
                   end=len(text), text=text, sentences=sentences)  # fmt: skip


def test_a_table_row_is_read_with_the_header_row_over_it():
    """ "| July | 74% | 58% |" says nothing of which column is the Drought Control line:
    the header row over it, in the same passage, is part of what the row is read with."""
    text = "Trigger lines:\n| Month | Alert | Control |\n| June | 80% | 65% |\n| July | 74% | 58% |"
    p = _rows(text, ["sentence", "table_row", "table_row", "table_row"])
    assert table_header(p, 3) == table_header(p, 2) == "| Month | Alert | Control |"
    assert table_header(p, 1) == ""  # the header itself
    assert table_header(p, 0) == ""  # no row
    # a passage that continues a table has its header as its context, read with its heading
    continued = _rows("| June | 80% | 65% |\n| July | 74% | 58% |", ["table_row"] * 2, "| M | A |")
    assert table_header(continued, 1) == ""


def test_a_rows_bare_figures_take_the_unit_their_column_heading_gives():
    from qa.answer.tables import with_heading_units as read

    header = "| Spending line | 2023/24 (£) | 2024/25 (£) | Share (%) | Weight [kg] |"
    row = "| Audit fee | 450 | 1,480.50 | 3.5 | 12 |"
    assert read(row, header) == "Audit fee | £450 | £1,480.50 | 3.5 % | 12 kg"
    assert read("| Fee | 4 | 7 |", "| Line | Cost (£m) | Spend (in US$) |") == (
        "Fee | £4 million | $7"
    )
    assert read("| Fee | 450 |", "| Line | Cost (£'000) |") == "Fee | £450 thousand"
    # words stay words; a bracket that names no unit gives none ("(n)" counts, a year)
    assert read("| Fee | n/a |", "| Line | Cost (£) |") == "| Fee | n/a |"
    assert read("| Fee | 450 |", "| Line | Plan (2024) |") == "| Fee | 450 |"
    assert read("| Staff | 412 |", "| Group | Respondents (n) |") == "| Staff | 412 |"
    # a row whose label gives its own unit keeps it: volunteers are counted, not paid
    assert read("| Volunteers (people) | 12 | 15 |", header) == "| Volunteers (people) | 12 | 15 |"
    # an option's placeholder in capitals names the unit of its default, where the
    # column's heading names none ("`--retention DAYS` | `30`" is 30 days)
    options = "| Option | Default | Description |"
    assert read("| `--retention DAYS` | `30` | Kept |", options) == (
        "`--retention DAYS` | 30 days | Kept"
    )
    assert (
        read("| --timeout SECONDS | 60 | Wait |", options)
        == "--timeout SECONDS | 60 seconds | Wait"
    )
    assert read("| --keep N | 7 | Kept |", options) == "| --keep N | 7 | Kept |"
    assert read("| --keep days | 7 | Kept |", options) == "| --keep days | 7 | Kept |"
    assert read("| `--retention DAYS` | `30` | 2.4 |", "| Option | Default | Since |") == (
        "`--retention DAYS` | 30 days | 2.4"
    )  # the default only: not a version after it
    since = "| Option | Since version | Default |"
    assert read("| --retention DAYS | 2 | 30 |", since) == "--retention DAYS | 2 | 30 days"
    invoice = "| Item | Qty | Rate | Total |"
    assert read("| LABOUR HOURS | 6 | 42.00 | 252.00 |", invoice) == (
        "| LABOUR HOURS | 6 | 42.00 | 252.00 |"
    )  # no option: its figures are no hours
    assert read("| Code | `404` |", "| Name | Value (days) |") == "| Code | `404` |"
    # rows and headers that do not line up, and sentences, are read as written
    assert read("| Fee | 450 | 9 |", "| Line | Cost (£) |") == "| Fee | 450 | 9 |"
    assert read("The fee is 450.", "| Line | Cost (£) |") == "The fee is 450."
    # a row is read with its table's header, in the passage or in its context
    text = "| Line | Cost (£) |\n| Audit fee | 450 |"
    assert header_row(_rows(text, ["table_row", "table_row"]), 1) == "| Line | Cost (£) |"
    assert header_row(_rows(text, ["table_row", "table_row"]), 0) == ""  # the header itself
    continued = _rows("| Audit fee | 450 |", ["table_row"], "| Line | Cost (£) |")
    assert header_row(continued, 0) == "| Line | Cost (£) |"
    assert header_row(_rows("Fees are due in May.", ["sentence"], "| L | C |"), 0) == ""
    # a second table in the same passage has its own header, not the continued one's
    two = _rows(
        "| Audit fee | 450 |\nRegions:\n| Region | 2024 |\n| North | 12 |",
        ["table_row", "sentence", "table_row", "table_row"],
        "| Line | Cost (£) |",
    )
    assert [header_row(two, i) for i in range(4)] == [
        "| Line | Cost (£) |",
        "",
        "",
        "| Region | 2024 |",
    ]


def test_a_sentence_is_read_under_the_run_in_label_of_its_paragraph_or_item():
    """ "8. **First dip.** Skim the flower. Keep it under for 3 minutes.": the bold words
    that open the item head all its sentences, as a heading heads a section's."""
    text = (
        "7. **Check the vat.** It is yellow-green.\n"
        "8. **First dip.** Skim the flower aside. Keep it under for 3 minutes.\n"
        "Hang it to air.\n\nRinse it in vinegar. **Not a label.** Dry it flat.\n"
        "5.1 **Notice.** Give notice in writing.\n5.2 The supplier refunds the fees.\n"
        "(a) **Fees.** Pay monthly.\n(b) Deposits are held."
    )
    pieces = ["**Check the vat.** It is yellow-green.", "**First dip.** Skim the flower aside.",
              "Keep it under for 3 minutes.", "Hang it to air.", "Rinse it in vinegar.",
              "**Not a label.** Dry it flat.", "**Notice.** Give notice in writing.",
              "The supplier refunds the fees.", "**Fees.** Pay monthly.",
              "Deposits are held."]  # fmt: skip
    sentences = []
    for piece in pieces:
        at = text.index(piece)
        sentences.append(Sentence(start=at, end=at + len(piece), text=piece, kind="list_item"))
    p = Passage(passage_id="p", doc_id="d", title="", start=0, end=len(text), text=text,
                sentences=sentences)  # fmt: skip
    labels = [run_in_label(p, i) for i in range(len(pieces))]
    # a wrapped line goes on with the item ("Hang it to air."); a blank line or a new
    # item's number or letter starts another ("5.2", "(b)"); bold words inside a paragraph
    # are no label ("**Not a label.**"), and a label heads only the sentences after it
    assert labels == ["", "", "First dip.", "First dip.", "", "", "", "", "", ""]


def test_an_open_question_expects_no_type():
    v = view("What happens if the supplier is late?", "Late delivery earns a service credit.")
    assert f.type_offered(v) == 0.0 and f.type_missing(v) == 0.0


def test_a_why_question_is_not_judged_by_marker_words():
    """An explanation rarely says "because": no reason offered is not a missing answer."""
    v = view("Why do new staff wait before taking leave?", "Leave accrues from the first day.")
    assert v.offered is None and f.type_missing(v) == 0.0


def test_coverage_counts_specific_words_more_than_common_ones():
    q = "What happens to the licensor's warranty?"
    has_rare = view(q, "The licensor's warranty ends after two years.")
    has_common = view(q, "What happens next is up to the buyer.")
    assert f.exact_coverage(has_rare) > 0.8 > f.exact_coverage(has_common)
    # The most specific missing word: "licensor" missing weighs more than "happens".
    assert f.missing_here(has_common) > 0.8 > f.missing_here(has_rare) + 0.5


def test_context_coverage_counts_the_sentence_before_and_the_title():
    q = "How long is the warranty on the kettle?"
    bare = view(q, "It lasts two years.")
    framed = view(q, "It lasts two years.", previous="The kettle has a warranty.")
    titled = view(q, "It lasts two years.", title="Kettle warranty")
    assert f.context_coverage(framed) > f.context_coverage(bare)
    assert f.context_coverage(titled) > f.context_coverage(bare)
    assert f.title_coverage(titled) > 0.5 and f.title_coverage(bare) == 0.0


def test_who_said_what_looks_at_the_sentence_and_the_one_before():
    q = "Who said the allegations were propaganda?"
    own = view(q, "The allegations are propaganda, the spokesman said.")
    before = view(q, "They are pure propaganda.", previous="A spokesman told reporters:")
    neither = view(q, "The allegations are propaganda.")
    assert f.attributed_answer(own) == f.attributed_answer(before) == 1.0
    assert f.attributed_answer(neither) == 0.0
    # Not an attribution question: the context is noted, the match is not claimed.
    assert f.attributed_answer(view("What were the allegations?", own.text)) == 0.0


def test_a_heading_fits_a_question_about_that_section():
    q = "What is section 4 called?"
    right = view(q, "4. Termination", kind="heading")
    other = view(q, "5. Liability", kind="heading")
    assert f.heading_answer(right) > f.heading_answer(other)
    assert f.heading_answer(view("Who may terminate?", "4. Termination", kind="heading")) == 0.0


def test_overviews_prefer_the_opening_of_a_document():
    v = view("What is this document about?", "This policy explains how we use data.")
    assert f.overview_early(v) == 1.0
    later = view("What is this document about?", "See clause 9.")
    later.position = 9
    assert f.overview_early(later) == pytest.approx(0.1)


def test_novelty_is_low_for_a_sentence_that_only_repeats_the_question():
    q = "Does the warranty cover the lid?"
    assert f.novelty(view(q, "The warranty covers the lid.")) < 0.5
    assert f.novelty(view(q, "Damage from misuse is excluded entirely.")) == 1.0


def test_every_feature_is_named_and_numeric():
    v = view("How long is the warranty?", "The warranty lasts two years.")
    x = f.vectorise(v)
    assert x.shape == (len(f.FEATURE_NAMES),) and np.isfinite(x).all()
    assert len(set(f.FEATURE_NAMES)) == len(f.FEATURE_NAMES)


def _soft_words(settings, question: str, vocabulary: list[str], doc_freq=None):
    """`_Words` for the question over a corpus lexicon of `vocabulary` (the real embedding
    model), and the index of each of the question's terms by its lower-case word."""
    from qa.embedding import embedder_for
    from qa.retrieve import Lexicon

    embedder = embedder_for(settings)
    lexicon = Lexicon.build(vocabulary, embedder, [])
    q = profile_question(question, doc_freq or {}, set(), passages=5)
    for t in q.terms:
        t.vector = lexicon.vector(t.lower)
        if t.vector is None:
            t.vector = embedder.embed([t.lower])[0]
    return _Words(q, SimpleNamespace(lexicon=lexicon)), {t.lower: i for i, t in enumerate(q.terms)}


def test_word_level_soft_matching_uses_the_corpus_lexicon(settings):
    """'car maker' is close to 'automobile manufacturer' in the embedding model, so the
    sentence covers the question softly, and more than an unrelated sentence does."""
    lex, term = _soft_words(
        settings,
        "Which car maker issued the recall?",
        ["automobile", "manufacturer", "recall", "lid", "kettle"],
        {"recal": 1},
    )
    close, _ = lex.match("The automobile manufacturer issued a recall.")
    far, _ = lex.match("The kettle lid issued a recall.")
    assert close[term["car"]] > far[term["car"]] + 0.2


def test_a_weekday_matches_itself_or_a_range_over_it_never_another_day(settings):
    """ "Saturday" is close to "Friday" in the embedding, but names another day: "On a
    Friday night ..." is matched by "Friday" and by "Monday to Friday" or "Fri-Sun", not
    by "Saturday" nor by "Sunday to Thursday"."""
    from qa.text import WEEKDAYS, days_covered

    assert days_covered("Sunday to Thursday nights: 10pm to 7am.") == {
        "sunday", "monday", "tuesday", "wednesday", "thursday"
    }  # fmt: skip
    assert days_covered("Fri–Sun") == {"friday", "saturday", "sunday"}
    assert days_covered("Monday-to-Friday") == days_covered("weekdays") == set(WEEKDAYS[:5])
    assert days_covered("open at weekends") == {"saturday", "sunday"}
    assert days_covered("monthly to weekly; sat to sunlight") == set()
    assert days_covered("The committee sat until Friday.") == {"friday"}  # the verb
    assert days_covered("moved from Tuesday to Thursday") == {"tuesday", "thursday"}
    lex, term = _soft_words(
        settings,
        "On a Friday night, when must the music stop?",
        ["saturday", "sunday", "thursday", "music"],
    )
    friday = term["friday"]
    assert lex.match("Saturday: 9am to 1pm")[0][friday] == 0.0
    assert lex.match("Sunday to Thursday nights: 10pm to 7am.")[0][friday] == 0.0
    assert lex.match("Monday to Friday: 8.30am to 6pm")[0][friday] == 1.0
    assert lex.match("Fri-Sun: 11pm to 8am")[0][friday] == 1.0
    assert lex.match("Open on weekdays from 9am")[0][friday] == 1.0


def test_a_part_of_the_week_matches_the_days_it_covers(settings):
    """ "Are you open at the weekend?" is matched by "Saturday: 9am to 1pm" (a day of the
    weekend), not by "Monday to Friday"; "on weekdays" by "Monday to Friday"."""
    from qa.text import WEEKDAYS, days_named

    assert days_named("weekend") == days_named("Weekends") == set(WEEKDAYS[5:])
    assert days_named("weekdays") == set(WEEKDAYS[:5])
    assert days_named("Mondays") == {"monday"}
    assert days_named("week") == days_named("weekly") == set()
    lex, term = _soft_words(
        settings,
        "Are you open at the weekend or on weekdays after 6pm?",
        ["saturday", "monday", "friday", "open"],
    )
    weekend, weekdays = term["weekend"], term["weekdays"]
    assert lex.match("Saturday: 9am to 1pm")[0][weekend] > 0.0
    assert lex.match("Monday to Friday: 8.30am to 6pm")[0][weekend] == 0.0
    assert lex.match("Monday to Friday: 8.30am to 6pm")[0][weekdays] > 0.0
    assert lex.match("Saturday: 9am to 1pm")[0][weekdays] == 0.0


def test_a_month_matches_itself_or_a_range_over_it_never_another_month(settings):
    """A seasonal timetable names its months by a range ("Winter season: 1 November – 31
    March"): "on a December afternoon" is matched by it and by "December", not by the
    summer's "1 April – 31 October" nor by "November", which the embedding puts close."""
    from qa.text import months_covered

    assert months_covered("Winter season: 1 November – 31 March") == {
        "nov", "dec", "jan", "feb", "mar"
    }  # fmt: skip
    assert months_covered("between April and June") == {"apr", "may", "jun"}
    assert months_covered("from 1 April 2024 to 31 March 2025") == set(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
    assert months_covered("Nov–Feb only") == {"nov", "dec", "jan", "feb"}
    assert months_covered("moved from May to June") == {"may", "jun"}  # a move, no range
    assert months_covered("April and June") == {"apr", "jun"}  # two months, no range
    assert months_covered("We may march on.") == set()  # verbs, in lower case
    assert months_covered("Decisions are made by the Mayor.") == set()  # no "Dec", no "May"
    assert months_covered("from the 1st of November to the 31st of March") == {
        "nov", "dec", "jan", "feb", "mar"
    }  # fmt: skip
    assert len(months_covered("from 1 April 2024 to 1 April 2025")) == 12  # a year or more
    vocabulary = ["november", "october", "winter", "entry"]
    question = "What's the latest entry on a December afternoon?"
    lex, term = _soft_words(settings, question, vocabulary)
    december = term["december"]
    assert lex.match("Summer season: 1 April – 31 October")[0][december] == 0.0
    assert lex.match("Closed on 30 November.")[0][december] == 0.0
    assert lex.match("Winter season: 1 November – 31 March")[0][december] > 0.5
    assert lex.match("Closed on 25 December.")[0][december] == 1.0
    assert lex.match("Decisions are made by the Board.")[0][december] < 0.5
    # "May I ...?" asks leave: no month to match
    may, _ = _soft_words(settings, "May I bring my dog?", vocabulary)
    assert not any(may.times)


def test_a_part_of_the_day_matches_the_clock_times_in_it(settings):
    """ "On a Sunday afternoon" is met by "2pm" and by "8.30am to 6pm", "at night" by "11pm
    to 7am"; the embedding does not tell that "10pm" is night."""
    from qa.text import parts_of_day_covered

    assert parts_of_day_covered("Quiet hours: 11pm to 7am.") == {"night", "morning"}
    assert parts_of_day_covered("Open 9am to 5pm") == {"morning", "afternoon"}
    assert parts_of_day_covered("Collected by 2pm on Saturday.") == {"afternoon"}
    assert parts_of_day_covered("at midnight") == {"night"}
    assert parts_of_day_covered("in 2024, aged 12") == set()
    assert parts_of_day_covered("Classes at 9am and 7pm.") == {"morning", "evening"}  # no range
    assert parts_of_day_covered("Lap time: 1:32; scale 1:50") == set()  # no time of day
    assert parts_of_day_covered("18:00 to 24:00") == {"evening", "night"}
    assert parts_of_day_covered("moved from 9am to 10pm") == {"morning", "evening", "night"}
    lex, term = _soft_words(
        settings, "Can I play music on a Friday night?", ["quiet", "hours", "music", "permit"]
    )
    night = term["night"]
    assert lex.match("Quiet hours: 11pm to 7am.")[0][night] > 0.5
    assert lex.match("Open 9am to 5pm.")[0][night] < 0.5


def test_passage_coverage_counts_what_the_rest_of_the_passage_says():
    v = view("How long is the notice period for the supplier?", "It is thirty days.")
    assert f.passage_coverage(v) == f.context_coverage(v)  # alone in its passage
    other = view("How long is the notice period for the supplier?", "The supplier gives notice.")
    v.passage_match = np.maximum(v.context_match, other.context_match)
    assert f.passage_coverage(v) > f.context_coverage(v)


def _candidate(v):
    from qa.answer.extractive import Candidate

    for t in v.q.terms:  # every word is somewhere in the corpus
        t.in_corpus = True
    return Candidate(v.passage, 0, v.sentence, v.cosine, v, np.zeros(0))


def test_the_reason_names_a_word_only_when_no_passage_found_has_it():
    from qa.answer.extractive import explain

    q = "When does the supplier refund the deposit?"
    best = _candidate(view(q, "The deposit is held in a separate account."))
    other = _candidate(view(q, "The supplier keeps records for six years."))
    # "supplier" is in another retrieved passage: saying they say nothing about it is false
    reason = explain(best, [best, other])
    assert "“supplier”" not in reason
    assert "“refund”" in reason  # no passage found has it


def test_a_reason_quotes_a_word_without_its_possessive_ending():
    """ "My boat's full": the corpus lacks "boat", whatever ending the question gives it."""
    from qa.answer.extractive import explain

    best = _candidate(view("My boat's hold is full. What does the upgrade cost?", "It is 7 coins."))
    boat = next(t for t in best.view.q.terms if t.stem == "boat")
    boat.in_corpus, boat.specificity = False, 0.9
    assert explain(best, [best]) == "nothing in them mentions “boat”"
    assert [t.word for t in profile_question("The members' vote", {}, set()).terms] == [
        "members", "vote"
    ]  # fmt: skip


def test_a_reason_names_the_closest_word_the_documents_use_for_the_one_they_lack():
    """ "Nothing mentions “spies”" alone denies what the documents speak of as espionage:
    the reason names the corpus's nearest word when it is close, and only then."""
    from qa.answer.extractive import explain
    from qa.text import stem

    best = _candidate(view("What were the spies after?", "It is espionage, they said."))
    spies = next(t for t in best.view.q.terms if t.stem == stem("spies"))
    spies.in_corpus, spies.specificity, spies.nearest = False, 0.7, "espionage"
    spies.corpus_similarity = 0.63
    best.view.lower_words = {"espionage"}  # the corpus writes it in lower case: no name
    assert explain(best, [best]) == (
        "nothing in them mentions “spies” (the closest word they use is “espionage”)"
    )
    spies.corpus_similarity = 0.1  # unrelated: no word to name
    assert explain(best, [best]) == "nothing in them mentions “spies”"
    # a name's neighbour in the embedding is someone else: not named as the same thing
    spies.corpus_similarity, spies.name = 0.63, True
    assert explain(best, [best]) == "nothing in them mentions “spies”"
    # nor is a word the corpus writes only capitalised, a name (the lexicon lower-cases it)
    spies.name, best.view.lower_words = False, set()
    assert explain(best, [best]) == "nothing in them mentions “spies”"


def test_the_reason_says_no_passage_gives_the_kind_of_answer_only_when_none_does():
    from qa.answer.extractive import explain

    q = "How long does the warranty last?"
    best = _candidate(view(q, "The warranty covers parts and the warranty covers labour, lasting."))
    dated = _candidate(view(q, "Repairs are free for two years."))
    assert explain(best, [best]) == "the closest passages do not give a duration"
    assert explain(best, [best, dated]) != "the closest passages do not give a duration"


def test_sentence_bm25_favours_the_sentence_with_the_question_words_and_is_bounded():
    q = "What notice period applies to the licensor?"
    has = view(q, "The licensor must give a notice period of sixty days.")
    lacks = view(q, "Either side may end the agreement in writing.")
    assert 0.0 < f.sentence_bm25(has) <= 1.0
    assert f.sentence_bm25(lacks) == 0.0
    # Among candidates of the same mean length, the longer sentence with the same words
    # scores less (BM25's length normalisation).
    long = view(q, "The licensor, after a review by both boards and the auditors and the "
                   "steering committee, must give a notice period of sixty days.")  # fmt: skip
    has.mean_length = long.mean_length = 8.0
    assert f.sentence_bm25(long) < f.sentence_bm25(has)


def test_phrase_overlap_counts_the_question_words_side_by_side():
    q = "What notice period applies?"
    together = view(q, "The notice period that applies is thirty days.")
    apart = view(q, "This period ends when notice is given.")
    assert f.phrase_overlap(together) == 1.0
    assert f.phrase_overlap(apart) == 0.0
    assert f.phrase_overlap(view("Describe it.", "It is red.")) == 0.0  # no pair to find


def test_section_key_coverage_reads_the_section_heading():
    q = "Can the customer terminate early?"
    under = view(q, "Either party may do so on ninety days' notice.", title="12. Termination")
    elsewhere = view(q, "Either party may do so on ninety days' notice.", title="4. Fees")
    assert f.section_key_coverage(under) > 0.0 == f.section_key_coverage(elsewhere)


def test_gives_figure_wants_a_number_the_question_does_not_state():
    q = "What is the maximum input voltage of the model 3 inverter?"
    assert f.gives_figure(view(q, "The maximum input voltage is 600 V.")) == 1.0
    assert f.gives_figure(view(q, "The model 3 inverter has a maximum input voltage.")) == 0.0
    assert f.gives_figure(view(q, "See the label on the side.")) == 0.0


def test_list_items_and_table_rows_are_marked():
    q = "What does the warranty exclude?"
    assert f.list_or_table(view(q, "Damage by flooding.", kind="list_item")) == 1.0
    assert f.list_or_table(view(q, "| Flooding | excluded |", kind="table_row")) == 1.0
    assert f.list_or_table(view(q, "Flooding is excluded.")) == 0.0


_TEXTS = [
    "The supplier shall pay 12,000 euros within 30 days, the manager said.",
    "It lasts two years.",
    "Either party may terminate this Agreement on ninety days' notice.",
    "THE WARRANTY DOES NOT COVER MISUSE.",
    "",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_a_texts_cached_facts_are_the_plain_computations_of_that_text(text):
    from qa.text import SPEECH_VERBS, STOPWORDS, numbers, stem, words

    for other in _TEXTS:  # others first: a cache keyed wrongly would hand back theirs
        f.text_facts(other).tokens, f.text_facts(other).numbers
    facts = f.text_facts(text)
    assert facts.text == text and facts is f.text_facts(text)
    assert facts.words == tuple(words(text))
    assert facts.lowered == {w.lower() for w in words(text)}
    content = {w.lower() for w in words(text) if w.lower() not in STOPWORDS}
    assert facts.content == content and facts.stems == {stem(w) for w in content}
    assert facts.tokens == tuple(f.content_stems(text))
    assert facts.numbers == numbers(text)
    assert facts.speech == any(w.lower() in SPEECH_VERBS for w in words(text))


@pytest.mark.parametrize(
    "question",
    [
        "Who must pay the fees, and within how many days of the invoice?",
        "Does the warranty cover damage caused by misuse of the kettle lid, heater, "
        "plug, cable, filter, base, handle and switch?",  # more than 8 words: pairwise sums
        "What is it?",  # no content word at all
        "How long is the notice period?",
    ],
)
def test_vectorise_all_gives_each_views_vectorise_bit_for_bit(question):
    """The per-question fast path (`vectorise_all`) against the per-view definitions, with
    soft (fractional) matches, a passage match on some views and not others."""
    from qa.text import content_terms

    # some words in many passages, some in few: key weights differ from the plain ones
    doc_freq = {s: 3 * i for i, s in enumerate(content_terms(question))}
    q = profile_question(question, doc_freq, set(), passages=10)
    rng = np.random.default_rng(len(question))
    views = [
        view(question, text, previous=_TEXTS[i - 1], title="Fees and warranty", q=q)
        for i, text in enumerate(_TEXTS[:4])
    ]
    for i, v in enumerate(views):
        soft = rng.random(len(q.terms)).astype(np.float32)
        v.match = np.maximum(v.match, soft * (rng.random(len(q.terms)) < 0.5))
        v.context_match = np.maximum(v.context_match, v.match)
        v.passage_match = None if i % 2 else np.maximum(v.context_match, soft)
        v.title_match = np.maximum(v.title_match, soft[::-1] * (rng.random(len(q.terms)) < 0.5))
        v.best_cosine, v.best_key_coverage, v.mean_length = 0.7, 0.9, 6.0
        v.position = i
    fast = f.vectorise_all(views)
    plain = np.stack([f.vectorise(v) for v in views])
    assert fast.dtype == plain.dtype == np.float32
    assert fast.tobytes() == plain.tobytes()
    with pytest.raises(ValueError, match="one question"):
        f.vectorise_all([views[0], view(question, "Another question's candidate.")])


def test_a_version_matches_in_either_written_form_and_no_other_version():
    """ "What changed in 2.4.0?" under the heading "## v2.4.0": one version, written with or
    without its "v" (and one word: not "v2" and "4.0"); 2.4.2 is another version."""
    q = "What changed in firmware 2.4.0?"
    assert f.title_coverage(view(q, "The limit fell.", title="v2.4.0 — 26 August 2024")) > 0.3
    assert f.title_coverage(view(q, "The limit fell.", title="v2.4.2 — 2 May 2025")) == 0.0
    profile = profile_question("What changed in v2.4.0?", {"2.4.0": 2}, set())
    assert [t.in_corpus for t in profile.terms if t.word == "v2.4.0"] == [True]
    # a last ".0" may be left off: "3.0" is the corpus's "3.0.0", and the other way round
    for asked, written, found in [("3.0", "3.0.0", True), ("3.0.0", "3.0", True),
                                  ("3.0", "3.0.1", False), ("3.1", "3.1.0", True)]:  # fmt: skip
        profile = profile_question(f"What broke in {asked}?", {written: 1}, set())
        assert [t.in_corpus for t in profile.terms if t.word == asked] == [found]


@pytest.mark.parametrize(
    ("figure", "text", "spoken_to"),
    [
        (67, "Students aged 66 or over pay £140.", True),
        (13, "Persons aged 11 to 15 may join as Junior members.", True),
        (25, "It may be operated between −20 °C and +60 °C.", True),  # "minus 25"
        (150, "Riding any motorcycle over 125cc is excluded.", True),
        (30, "Orders of 25 units or more receive a 12 % discount.", True),
        (18, "The bar is open to 18+ only.", True),
        (1250, "Claims of up to £1,500 are paid within a week.", True),
        (67, "Children under 5 travel free.", False),  # a bound of other figures
        (16, "Persons aged 11 to 15 may join as Junior members.", False),
        (2027, "The meeting on 2024-05-01 approved the fees.", False),  # a date is no range
        (19, "The COVID-19 vaccine trial ended.", False),
        (500, "Backups of up to 1,000 GiB are supported.", False),
        (25, "Store it from -30 to -10 °C.", True),  # "minus 25": both signs kept
        (5, "Store it from -30 to -10 °C.", False),
        (7, "See sections 2 and 9.", False),  # "and" makes a range only after "between"
    ],
)
def test_a_range_or_a_bound_speaks_to_a_persons_own_figure(figure, text, spoken_to):
    from qa.text import speaks_to

    assert speaks_to(figure, text) is spoken_to


def test_a_figure_a_passage_bounds_is_found_in_other_words():
    """ "Can a 13-year-old join?" over "aged 11 to 15": the corpus never writes 13, but a
    retrieved passage answers for it. The figure then matches the sentence that bounds it
    (not another), the corpus is not missing it, and no reason says it is never mentioned.
    A version or a code is never a figure: it matches only as written."""
    from qa.answer.extractive import Candidate, explain
    from qa.answer.question import attach_ranges
    from qa.text import stem

    bounded = "Persons aged 11 to 15 may join as Junior members."
    q = profile_question("Can a 13-year-old join the club?", {stem("join"): 2}, set(), 5)
    thirteen = next(i for i, t in enumerate(q.terms) if t.word == "13")
    assert q.terms[thirteen].figure == 13 and not q.terms[thirteen].in_corpus
    words = _Words(q, SimpleNamespace(lexicon=None))
    assert words.match(bounded)[0][thirteen] == 0.0  # not before a passage bounds it

    attach_ranges(q, ["Membership is open to adults.", bounded])
    assert q.terms[thirteen].figure_bounded and q.terms[thirteen].corpus_similarity == 1.0
    words = _Words(q, SimpleNamespace(lexicon=None))
    assert words.match(bounded)[0][thirteen] == 1.0
    assert words.match("Members aged 16 or over may vote.")[0][thirteen] == 1.0  # it bounds 13
    assert words.match("Members may vote at the annual meeting.")[0][thirteen] == 0.0
    best = view("", bounded, q=q)
    assert "13" not in explain(Candidate(best.passage, 0, best.sentence, 0.5, best, np.zeros(0)))

    unbounded = profile_question("Can a 13-year-old join the club?", {stem("join"): 2}, set(), 5)
    attach_ranges(unbounded, ["Membership is open to adults."])
    assert not unbounded.terms[thirteen].figure_bounded
    best = view("", bounded, q=unbounded)
    reason = explain(Candidate(best.passage, 0, best.sentence, 0.5, best, np.zeros(0)))
    assert reason == "nothing in them mentions “13”"
    version = profile_question("What was fixed in 2.4.2?", {}, set(), 5)
    assert all(t.figure is None for t in version.terms)
    # a year is a point in time, which no bound holds: "up to £9,000" is no answer for the
    # financial year 2022/23 (nor its "23" for a count of 23); a sum is a figure still
    dated = profile_question("What was the precept back in 2022/23?", {}, set(), 5)
    attach_ranges(dated, ["An election could cost up to £9,000, for people over 21."])
    assert [(t.word, t.figure, t.figure_bounded) for t in dated.terms if t.word[0].isdigit()] == [
        ("2022", None, False),
        ("23", None, False),
    ]
    paid = profile_question("Do I pay tax on £2000?", {}, set(), 5)
    assert [t.figure for t in paid.terms if t.word == "2000"] == [2000]


def test_the_words_asking_for_a_contact_are_no_words_the_answer_must_match():
    """ "What number can I ring?": a document writes the number ("Telephone: 01632 960
    418"), not "ring" or "number", so where it lacks them they are not missing; where it
    uses them they still match. A word naming the channel ("phone", "fax") and the
    question's other words stay."""
    from qa.text import stem

    q = profile_question("What is the phone number for the grants team?", {}, set(), 5)
    assert [t.word for t in q.terms] == ["phone", "grants", "team"]
    assert stem("number") in q.stems  # still the question's own word
    used = profile_question(
        "What is the phone number for the grants team?", {stem("number"): 2}, set(), 5
    )
    assert [t.word for t in used.terms] == ["phone", "number", "grants", "team"]
    fax = profile_question("What is the fax number for the office?", {}, set(), 5)
    assert [t.word for t in fax.terms] == ["fax", "office"]  # a channel is asked for
    ring = profile_question("What number can I ring if I have questions?", {}, set(), 5)
    assert [t.word for t in ring.terms] == ["questions"]
    fee = profile_question("What is the booking fee for the grants team?", {}, set(), 5)
    assert [t.word for t in fee.terms] == ["booking", "fee", "grants", "team"]


def test_a_word_in_capitals_that_english_writes_so_as_a_modifier_is_no_name():
    """ "Is it OK to ...?" asks nothing of an "OK" the corpus must hold; "the US" and "the
    NHS" are names, which a corpus that lacks them does not answer."""
    names = {
        t.word: t.name
        for q in ("Is it OK to wash wool?", "What did the US and the NHS say?", "Reply ASAP?")
        for t in profile_question(q, {}, set(), 5).terms
    }
    assert names == {"OK": False, "wash": False, "wool": False, "US": True, "NHS": True,
                     "say": False, "Reply": False, "ASAP": False}  # fmt: skip
    # a Roman numeral is a name; a question in capitals names nothing by its case
    assert [t.name for t in profile_question("What does Schedule IV cover?", {}, set()).terms] == [
        True, True, False
    ]  # fmt: skip
    shouted = profile_question("HOW MANY VOLUMES CAN MEMBERS BORROW?", {}, set(), 5)
    assert not any(t.name for t in shouted.terms)


def test_an_auxiliary_opening_a_later_sentence_is_no_name_but_a_name_there_still_is():
    """ "... empty. Would I be covered?": the capital of a question's later sentence that
    opens with an auxiliary or a wh-word is the sentence's. A name that opens a sentence
    still names ("... next week. London is ..."), and "Dr. Smith" opens no sentence."""

    def named(question: str) -> dict[str, bool]:
        return {t.word: t.name for t in profile_question(question, {}, set()).terms}

    assert named("The house will be empty. Would I be covered?")["Would"] is False
    assert named("I start in March. Could Pollenex help?")["Could"] is False
    assert named("I fly next week. London is my stop, is that right?")["London"] is True
    assert named("Can Dr. Smith see me on Monday?")["Smith"] is True
    assert named("Is the house covered by Would?")["Would"] is True  # inside: a name


def test_a_possessive_ending_is_no_part_of_the_word_weighed():
    """ "My boat's full": wordfreq and the embedding read "boat's" as a rarer word than
    "boat" (as specific as a name), which the documents need not share."""
    [boat, *_] = profile_question("My boat's full. What now?", {}, set()).terms
    assert (boat.word, boat.lower, boat.stem) == ("boat", "boat", "boat")
    assert boat.specificity == specificity("boat") < 0.5
    assert [t.word for t in profile_question("WHAT IS THE BOAT'S LENGTH?", {}, set()).terms] == [
        "BOAT", "LENGTH"
    ]  # fmt: skip
    assert [t.word for t in profile_question("Is Plan A's fee due?", {}, set()).terms] == [
        "Plan",
        "fee",
        "due",
    ]  # fmt: skip  (no one-letter "A")


def test_a_version_in_a_sentence_matches_its_longer_form_only():
    """ "3.0" of the question is the changelog's "3.0.0"; "3.0.0" of the question is not
    the "3.0" of "3.0 bar", which may be no version at all."""
    short = profile_question("What broke in 3.0?", {}, set(), 5)
    assert [t.word for t in short.terms] == ["broke", "3.0"]
    assert view("", "[3.0.0] - 2025-04-14", q=short).match[1] == 1.0
    long = profile_question("What broke in 3.0.0?", {}, set(), 5)
    assert view("", "The pump delivers 3.0 bar.", q=long).match[1] == 0.0


def test_a_dated_heading_answers_when_only_for_the_version_it_names():
    """ "When did 2.4.1 come out?": the heading "2.4.1 - 2026-09-14"; not a heading whose
    date is its section's ("Roof repairs - 14 March 2025" for "When will the roof be
    fixed?"), nor another release's."""
    from qa.answer.headings import quotable

    def heading(text: str) -> Sentence:
        return Sentence(start=0, end=len(text), text=text, kind="heading")

    assert quotable(heading("2.4.1 - 2026-09-14"), False, {"2.4.1"})
    assert quotable(heading("[v2.4.1] - 14 September 2026"), False, {"2.4.1"})
    assert not quotable(heading("2.5.0 - 2026-10-01"), False, {"2.4.1"})
    assert not quotable(heading("Roof repairs - 14 March 2025"), False, ())
    assert not quotable(heading("2.4.1 - 2026-09-14"), False, ())  # no version asked


def test_words_that_set_the_scene_count_less_when_absent():
    """A statement before the question, a lead-in before a dash that asks nothing, and a
    clause of reason set the scene; their words' absence counts less
    (`QuestionProfile.absence_weights`). A name among them is still an unknown name: it
    may be what the question is about ("The Model X200 is flashing. What does it mean?")."""
    from qa.answer.question import SCENE
    from qa.answer.rules import unknown_name

    def scene(question: str) -> list[str]:
        return [t.word for t in profile_question(question, {}, set()).terms if t.scene]

    assert scene("My aunt is wiring me £50 from Peru. Will I pay to receive it?") == [
        "aunt",
        "wiring",
        "50",
        "Peru",
    ]
    assert scene("Paid for dinner in Oslo last night - what's the fee on foreign spending?") == [
        "Paid",
        "dinner",
        "Oslo",
        "last",
        "night",
    ]
    assert scene("If two payments fail because I'm broke, what is the charge?") == ["broke"]
    # a full stop inside a figure or after a title ends no sentence
    assert scene("I paid £1,200.00 in Lima. Was I charged a fee?") == ["paid", "1,200.00", "Lima"]
    assert scene("Can Dr. Patel prescribe antibiotics?") == []
    # a lead-in that asks is a question of its own; a question alone has no scene
    assert scene("Who may fit it — can my own plumber do it?") == []
    assert scene("What is the fee? And when is it due?") == []
    assert scene("How much is the fee for foreign spending?") == []
    # "because of" names the condition asked about; a word asked about again is asked
    assert scene("Can I cancel because of a bereavement?") == []
    assert scene("My gran lives in Peru. Can I send money to Peru?") == ["gran", "lives"]

    q = profile_question("Paid for dinner in Oslo - what's the fee on foreign spending?", {}, set())
    oslo = next(i for i, t in enumerate(q.terms) if t.word == "Oslo")
    assert q.absence_weights[oslo] == pytest.approx(q.terms[oslo].specificity * SCENE)
    fee = next(i for i, t in enumerate(q.terms) if t.word == "fee")
    assert q.absence_weights[fee] == pytest.approx(q.terms[fee].specificity)
    for t in q.terms:
        t.corpus_similarity = 0.0
    assert unknown_name(q, 0.15) == "nothing in them mentions “Oslo”"


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("What happens if the tenant pays late?", None),  # a verb after "what": no thing
        ("What made the drains clog in winter?", None),
        ("What caused the outage?", None),
        ("What fee applies to a late payment?", "fee"),
        ("Which costs does the tenant pay?", "costs"),  # a noun as well as a verb
        ("How many replicates did the trial have?", "replicates"),  # only a noun can follow
        # an auxiliary NLTK's stop words lack is no thing asked
        ("What would it cost to make it 50%?", None),
        ("How much could they charge me?", None),
        ("What kind of fee applies?", "fee"),
    ],
)
def test_the_thing_asked_about_is_a_noun_after_the_wh_word(question, focus):
    q = profile_question(question, {}, set())
    assert (q.terms[q.focus].word if q.focus is not None else None) == focus


def test_a_list_item_offers_what_its_lead_in_gives():
    """ "- dry mouth" under "Common (may affect up to 1 in 10 people):" says how many."""
    question = "How many people get a dry mouth?"
    alone = view(question, "dry mouth", kind="list_item")
    under = replace(alone, lead_in="Common (may affect up to 1 in 10 people):")
    assert f.type_missing(alone) == 1.0
    assert f.type_offered(under) == 1.0 and f.type_missing(under) == 0.0


def test_a_yes_no_question_weighs_the_thing_it_asks_about_missing_from_its_evidence():
    """ "Can I bring my dog into the library?" over "Children under 16 can join ... and
    bring ID.": the evidence leaves out "dog", common English but the question's second
    most specific word; the same sentence with the dog in it misses nothing. A question
    that is no yes/no question gets 0 from all three inputs (the others' slope is theirs)."""
    from qa.answer.decide import asks_yes_no, yes_no_coverage, yes_no_missing

    q = "Can I bring my dog into the library?"
    lacking = view(q, "Children under 16 can bring ID to the library.")
    holding = view(q, "You can bring your dog into the library.")
    assert asks_yes_no([lacking]) == 1.0
    assert yes_no_missing([lacking]) > 0.5 and yes_no_missing([holding]) == 0.0
    assert yes_no_coverage([holding]) == 1.0 > yes_no_coverage([lacking])
    opened = view("Where can I bring my dog?", "Dogs are welcome in the garden.")
    assert asks_yes_no([opened]) == yes_no_coverage([opened]) == yes_no_missing([opened]) == 0.0
    assert asks_yes_no([]) == yes_no_coverage([]) == yes_no_missing([]) == 0.0
