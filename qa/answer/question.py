"""What a question asks for: its answer type, its kind, and its content words with how
specific each one is and how close the corpus comes to it.

Hand-written, and general English only: the answer type comes from the wh-word and its
head noun (a list of small named rules); how specific a word is comes from `wordfreq`
(word frequencies over large general corpora), not from a word list; how close the corpus
comes to a word it never uses comes from the embedding model (`qa.retrieve.Lexicon`).
Nothing here knows a corpus.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from qa.answer.headings import asks_for_heading, structure_stems
from qa.answer.kinds import (
    ASKS,
    AUXILIARIES,
    LEAD_IN,
    OVERVIEW,
    SCENE_CLAUSE,
    WH_WORDS,
    YES_NO,
    is_document_type,
    question_kind,
)
from qa.sections import NUMBERED
from qa.sentences import sentence_spans
from qa.text import (
    DAYS,
    FUNCTION_WORD_ZIPF,
    MONTHS,
    STOPWORDS,
    TIME_UNIT,
    UNIT_WORD,
    VERSION,
    WORD,
    code_form,
    days_named,
    has_digit,
    month_of,
    named_years,
    numbers,
    quantity,
    same_name,
    sentence_initial,
    speaks_to,
    stem,
    without_possessive,
    words,
    zipf,
)
from qa.thesaurus import (
    defined_names,
    derivations,
    noun_classes,
    of_a_kind,
    parts_of_speech,
    phrasal_synonyms,
    reply_word,
    singular,
    synonyms,
)

# --- answer types ------------------------------------------------------------------------
# The rules below return one of these. person: a person, an organisation or a role
# ("either party", "the supplier"); name: what something is called ("What is the name of
# ...?"); contact: a phone number, an email or a web address; place, time (a date or a
# moment), duration ("30 days"), number (a count or a measure: "118 kg"), degree (a
# percentage or a likelihood: "95%", "almost certainly"), amount (money), reason, heading (a
# title or section name), open (anything: what/how/describe, yes/no, overviews)
TypeRule = Callable[[str], str | None]

# The head nouns that ask for each type, in general English (plurals are added below).
# fmt: off
DURATION_NOUNS = (
    "period", "duration", "timeout", "time-out", "lifetime", "lifespan", "interval",
)
DEGREE_NOUNS = (
    "percentage", "proportion", "fraction", "likelihood", "probability", "chance", "odds",
)
MONEY_NOUNS = (
    "price", "cost", "fee", "fine", "amount", "sum", "salary", "wage", "pay", "budget",
    "charge", "penalty", "rent", "premium", "fare", "tariff", "revenue", "income", "profit",
    "surplus", "deficit", "earnings", "takings", "spending", "expenditure", "refund",
    "compensation", "bonus", "allowance", "deposit",
)
MEASURE_NOUNS = (
    "number", "count", "quantity", "temperature", "weight", "mass", "height", "length",
    "width", "depth", "thickness", "size", "capacity", "speed", "distance", "population",
    "voltage", "pressure", "volume", "age", "score", "rating", "rate", "ratio", "version",
    "dimension",
)
TIME_NOUNS = ("year", "day", "date", "month", "deadline", "weekday")
PLACE_NOUNS = (
    "country", "city", "town", "village", "place", "region", "state", "province", "county",
    "district", "location", "address", "continent", "building", "site", "area", "street",
    "venue", "port", "airport", "station",
)
PERSON_NOUNS = (
    "person", "individual", "man", "woman", "official", "officer", "minister", "leader",
    "member", "manager", "director", "chair", "president", "owner", "founder", "employee",
    "staff", "worker", "author", "researcher", "scientist", "expert", "spokesman",
    "spokeswoman", "spokesperson", "representative", "party", "side", "company", "firm",
    "business", "organisation", "organization", "agency", "group", "body", "team",
    "department", "ministry", "government", "authority", "institution", "council",
    "committee", "board", "union", "manufacturer", "supplier", "vendor", "provider",
    "contractor", "customer", "client", "employer", "landlord", "tenant", "bank", "insurer",
    "university", "newspaper", "publisher", "broadcaster", "role",
)
NAME_NOUNS = ("name", "nickname", "brand", "title")
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women"}
# Words that cannot stand between the wh-word and its head noun: function words and
# auxiliaries ("What did the company say?" has no head noun), and "kind of", "sort of".
_NOT_MODIFIERS = (STOPWORDS - {"other", "more", "most", "same", "own"}) | {
    "would", "could", "may", "might", "must", "shall", "can", "will", "kind", "kinds", "sort",
    "sorts", "type", "types",
}
# fmt: on


def _plural(noun: str) -> str:
    """English plural of a noun ("company" -> "companies", "address" -> "addresses")."""
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("s") and not noun.endswith("ss"):  # "odds", "earnings"
        return noun
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(?:s|sh|ch|x|z)$", noun):
        return noun + "es"
    return noun + "s"


def _forms(nouns: tuple[str, ...]) -> frozenset[str]:
    """The nouns with their plurals ("persons" too, for "person")."""
    return frozenset(f for n in nouns for f in (n, _plural(n), n + "s"))


_NOUN_TABLES = (
    DURATION_NOUNS, DEGREE_NOUNS, MONEY_NOUNS, MEASURE_NOUNS, TIME_NOUNS, PLACE_NOUNS,
    PERSON_NOUNS, NAME_NOUNS,
)  # fmt: skip
_ANY_NOUN = frozenset().union(*map(_forms, _NOUN_TABLES))
# "which [of the] ...", "what ...", and "what is the ...", "what's the firm's ...", "what
# were their ...": a copula and a determiner or a possessive before the noun phrase. Up to
# four words follow; the head noun is the first of them that names a kind of answer.
_WH_PHRASE = re.compile(
    r"\b(?:which|what)(?P<copula>(?:'s|’s|\s+(?:is|are|was|were|will\s+be|would\s+be))\s+"
    r"(?:the|a|an|its|their|his|her|your|my|our|this|that|these|those|[\w-]+(?:'s|’s|')))?"
    r"\s+(?:of\s+(?:the|these|those|its|their)\s+)?(?P<words>(?:[\w'’-]+\s*){1,4})",
    re.I,
)


@lru_cache(maxsize=4096)
def asked_noun(text: str) -> tuple[str, bool] | None:
    """The head noun of the question's which/what phrase, and whether a copula came before
    it: "Which pharmaceutical company ...?" -> ("company", False), "What is the maximum
    input voltage?" -> ("voltage", True), "What did the company say?" -> None. The first
    word that names a kind of answer is the head ("which countries share ..." asks for
    countries, "what is the annual subscription fee" for a fee), past a possessive ("the
    company's total takings" asks for takings; "which country's law", with no other, for a
    country)."""
    for m in _WH_PHRASE.finditer(text):
        possessor = None
        for word in m.group("words").split():
            lowered = word.lower()
            bare = re.sub(r"['’]s?$", "", lowered)
            if bare in _NOT_MODIFIERS:
                break
            if bare in _ANY_NOUN and bare != lowered:
                possessor = possessor or bare
            elif bare in _ANY_NOUN:
                return bare, m.group("copula") is not None
        if possessor is not None:
            return possessor, m.group("copula") is not None
    return None


def _rule(
    pattern: str, answer_type: str, nouns: tuple[str, ...] = (), after_copula: bool = True
) -> TypeRule:
    """A rule that finds the type by its pattern, or by the head noun of a which/what
    phrase among `nouns` (with `after_copula`, also after "what is the ...": a measure or a
    price is asked that way; a person or a place is not: "What is the company doing?")."""
    compiled = re.compile(pattern, re.I) if pattern else None
    forms = _forms(nouns)

    def rule(text: str) -> str | None:
        if compiled is not None and compiled.search(text):
            return answer_type
        head = asked_noun(text)
        if head is not None and head[0] in forms and (after_copula or not head[1]):
            return answer_type
        return None

    return rule


def asks_for_a_heading(text: str) -> str | None:
    """ "What is section 4 called?", "What is the title of ...?" (qa.answer.headings)."""
    return "heading" if asks_for_heading(text) else None


# A phone number, an email or a web address, or how to get in touch.
_ASKS_HOW_TO_REACH = (
    r"\b(?:(?:tele)?phone|mobile|fax|contact|office|help ?line|hotline) (?:numbers?|details)\b"
    r"|\be-?mail address(?:es)?\b|\bweb ?(?:site|page|address)s?\b|\burls?\b|\bhow (?:can|do|"
    r"should|could) (?:i|we|you|one) (?:contact|reach|get in touch with|call|ring|email|e-mail)\b"
    r"|\bwhat number (?:(?:should|do|does|can|could|must|would) (?:i|we|you|he|she|they)|to) "
    r"(?:call|ring|dial|phone)\b"
    # "Who do I ring?": a telephone number answers, with whose it is ("Who should I call
    # about it?" is as often answered by a role: "your installer")
    r"|\bwho (?:do|should|can|could|would|must) (?:i|we|you) (?:ring|phone|dial)\b"
)
asks_how_to_reach = _rule(_ASKS_HOW_TO_REACH, "contact")
_REACH_REQUEST = re.compile(_ASKS_HOW_TO_REACH, re.I)


def _request_words(text: str, answer_type: str) -> frozenset[str]:
    """The words that ask for a way to get in touch ("phone number", "what number can I
    ring", "e-mail address"): they say what kind of answer is wanted, which a document
    writes as the number or the address itself ("Telephone: 01632 960 418"), not which
    one. A document lacking them lacks nothing asked."""
    if answer_type != "contact":
        return frozenset()
    found = {w.lower() for m in _REACH_REQUEST.finditer(text) for w in words(m.group())}
    return frozenset(found & _GENERIC_REQUEST)


# The words of a contact request that name no channel: "fax", "mobile", "phone" and
# "e-mail" say which kind of contact is asked for, and stay words the answer must match.
_GENERIC_REQUEST = frozenset({"contact", "number", "numbers", "details", "reach", "call",
                              "ring", "dial", "get", "touch"})  # fmt: skip


# "How long", "how soon", "what notice period", "what is the response time".
asks_how_long = _rule(
    r"\bhow (?:long|often|soon|quickly|frequently)\b|\bfor how (?:many|much) (?:time|days|weeks|"
    r"months|years|hours|minutes|seconds)|\bhow many (?:days|weeks|months|years|hours|minutes|"
    r"seconds|decades)\b|\bwithin what (?:time|period)\b|\bwhat term\b|\bwhat\b[^?]{0,40}?\b"
    r"(?:response|waiting|wait|lead|turnaround|processing|delivery|travel|journey|running|"
    r"charging|recovery|notice) times?\b",
    "duration",
    DURATION_NOUNS,
)
# "How likely", "what percentage", "what is the share of ...".
asks_how_likely = _rule(
    r"\bhow (?:likely|certain|sure|confident|probable)\b|\bwhat level of (?:confidence|"
    r"certainty)\b|\bto what (?:degree|extent)\b|\bpercent|\bwhat share\b|\bthe share of\b",
    "degree",
    DEGREE_NOUNS,
)
# Money: "how much is a ticket", "how much does it cost", "how expensive", "what is the
# annual fee", "what's the price of ...", "what were the company's total takings"; not "how
# much did it shrink" nor "how much does it weigh" (a number: `asks_how_many`).
_asks_how_much_money = _rule(
    r"\bhow much (?:money|is|are|was|were|cost|to pay)\b|\bhow much\b.*\b(?:cost|pay|paid|"
    r"charge|price|fee|worth|spend|spent|earn|earned|owe|owed)\b|\bhow (?:expensive|pricey|"
    r"cheap|costly)\b",
    "amount",
    MONEY_NOUNS,
)
# Verbs of paying and being paid, in general English (their stems): what "how much" asks
# of them is a sum. Not every money noun's stem: "takings" is "take" ("How much should I
# take?" asks a dose), "allowance" is "allow".
_MONEY_VERBS = frozenset(
    map(
        stem,
        ["refund", "reimburse", "compensate", "fine", "charge", "bill", "invoice", "pay",
         "repay", "rent", "cost", "spend", "earn", "owe"],
    )
)  # fmt: skip
_SUBJECT_ARTICLE = r"(?:the|my|your|our|their|his|her|its|a|an|this|that)\s+"
# "How much will they (actually) refund me?", "How much will the landlord refund?", "How
# much will I be charged?": the verb after the auxiliary and its subject
_HOW_MUCH_VERB = re.compile(
    rf"\bhow much\s+(?:will|would|do|does|did|can|could|should|must|shall|am|is|are)\s+"
    rf"(?:{_SUBJECT_ARTICLE})?(?!{_SUBJECT_ARTICLE})\w+\s+"
    r"(?:\w+ly\s+)?(?:(?:be|get|been)\s+)?(\w+)",
    re.I,
)


def asks_how_much_money(text: str) -> str | None:
    """`_asks_how_much_money`, or "how much" whose verb is one of paying ("How much will
    they refund me?", "How much will I be fined?"); not a money word further on ("How
    much notice before a rent rise?" asks no sum), nor a noun after the subject's article
    ("How much does the fine print matter?")."""
    if found := _asks_how_much_money(text):
        return found
    m = _HOW_MUCH_VERB.search(text)
    return "amount" if m and stem(m.group(1).lower()) in _MONEY_VERBS else None


# Where a question's wh-word may stand: first, or after a phrase that sets the scene ("On
# a weekday, when's the first bus?", "In 2024, who chaired it?") or a joining word ("And
# where is it?"); there only if its clause runs to the end, or to a second question joined
# by "and" or "or": in "In 2019, when the club moved, how many fans came?" and "My
# landlord, who lives abroad, has kept my deposit." the wh-word opens a clause inside the
# question, not the question. A clause of condition or time may set the scene before it
# ("When I arrive, who do I ask for?").
def _first(wh: str) -> str:
    # a lead-in closed by a comma or a colon ("In 2024,", "Quick question:"), or a joining
    # word, or both ("Sorry to bother you, but ...")
    opening = rf"(?:(?:{LEAD_IN})?(?:and|but|so|then|also)\s+|{LEAD_IN})"
    runs_to_the_end = r"(?=[^,]*$|[^,]*,\s*(?:and|or)\b)"
    return (
        rf"^\W*+{wh}\b|^\W*+{opening}{wh}\b{runs_to_the_end}"
        rf"|^\W*+{SCENE_CLAUSE}{wh}\b{runs_to_the_end}"
    )


# "When the light flashes, what should I do?": a when-clause that a comma closes before a
# wh-word or an auxiliary sets the scene of the question; it does not ask when.
_SCENE_SET = rf"(?![^?]*,\s*(?:{WH_WORDS}|{AUXILIARIES})\b)"
# The time something may be done by, or a place is open until: "How late can I turn up?",
# "What's the latest (time) I can put the bins out?", "How late is the library open?";
# not a delay ("How late was it?", "How late will the train be?"), nor the newest thing or
# news ("the latest version", "the latest you've heard").
ASKS_LATEST = (
    r"\bhow (?:late|early)\s+(?:can|could|may|might|must|should|do|does|did)\b"
    r"|\bhow (?:late|early)\s+(?:is|are)\s+(?:[\w'’]+\s+){0,4}?open\b"
    r"|\bthe (?:latest|earliest)\s+(?:(?:time|hour)\s+)?(?:i|we|you|they|he|she|someone|anyone)"
    r"\s+(?:can|could|may|might|must|should|need|have to|am|are|is)\b"
)
asks_when = _rule(
    rf"(?:{_first('when')}){_SCENE_SET}|\b(?:by|until|since|as of|from) when\b|\bwhat time\b"
    rf"|\bat what (?:time|point|age)\b|{ASKS_LATEST}",
    "time",
    TIME_NOUNS,
)
# A count or a measure: "how many", "how heavy", "what is the maximum input voltage".
asks_how_many = _rule(
    r"\bhow (?:many|much|far|big|large|small|old|high|low|fast|slow|heavy|light|tall|wide|"
    r"narrow|deep|thick|hot|cold|warm|cool|loud|full|strong|powerful|efficient)\b",
    "number",
    MEASURE_NOUNS,
)
asks_where = _rule(rf"{_first('where')}|\b(?:in|from|to) where\b", "place", PLACE_NOUNS, False)
# People, organisations and roles: "who", "which company", "which side", "the name of the
# person who ...".
asks_who = _rule(
    rf"{_first('(?:who|whom|whose)')}|\b(?:by|to|from|with|for) whom\b|\baccording to whom\b"
    r"|\bname (?:of )?the (?:person|company|organi[sz]ation)\b",
    "person",
    PERSON_NOUNS,
    False,
)
# What something is called: "What is the name of ...?", "What's it actually called?",
# "What other names is it known by?".
asks_for_a_name = _rule(
    r"\bthe names? of\b|\bwhat(?:'s|’s|\s+(?:is|are|was|were))\b.*\bcalled\b|\bcalled what\b",
    "name",
    NAME_NOUNS,
    False,
)
asks_why = _rule(rf"{_first('why')}|\bfor what reason\b|\bwhat (?:is|was) the reason\b", "reason")

ANSWER_TYPE_RULES: list[TypeRule] = [
    asks_for_a_heading,
    asks_how_to_reach,
    asks_how_long,
    asks_how_likely,
    asks_how_much_money,
    asks_when,
    asks_how_many,
    asks_where,
    asks_who,
    asks_for_a_name,
    asks_why,
]


# A question that speaks of money without "how much" or "what price" ("What did the
# check-up cost?", "Is X paying Y?"): general English verbs and nouns of paying. Used only
# by the answerer (`decide.best_asked_missing`), not as the answer type: the scorer's
# answer type is unchanged.
# Not "charge" in "in charge of" or "take charge", which speak of who runs something
# ("Which teacher is in charge of the trip?").
_SPEAKS_OF_MONEY = re.compile(
    r"\b(?:cost|costs|costing|price|prices|priced|fee|fees|paid|pay|pays|paying|"
    r"(?<!\bin )(?<!\btake )(?<!\btakes )(?<!\btook )(?<!\btaking )charge|"
    r"charges|charged|charging|spend|spends|spent|spending)\b",
    re.I,
)


# "How much is the exam worth?", "How much of my deposit do I get back?": a sum or a
# share, where the question names no money ("money", or a word of paying).
_ASKS_A_SHARE = re.compile(r"\bhow much (?:is|are|was|were)\b.*\bworth\b|\bhow much of\b", re.I)


def share_may_answer(text: str) -> bool:
    """May a percentage answer this money question? Yes for "How much is X worth?" and
    "How much of X ...?", which ask a share as well as a sum; not for "How much is a
    ticket?", nor where the question speaks of money."""
    return bool(
        _ASKS_A_SHARE.search(text)
        and not _SPEAKS_OF_MONEY.search(text)
        and not re.search(r"\bmoney\b", text, re.I)
    )


def asked_type(profile: QuestionProfile) -> str:
    """The answer type, where an open question that speaks of money asks for an amount:
    in the part that asks (`asking_part`), not in the scene it sets ("Spending on the
    garden went up a lot. What was that down to?" asks a cause; "... and spent three days
    in bed. Do I lose those days of annual leave?" asks yes or no). Measured in session 50
    with `features.offers_time`'s ordinal point in time (`corpus-qa eval --loco`): test
    outcomes unchanged, LOCO 2 gained and 1 lost; a probe of unseen kinds 3 answerable
    questions gained, none lost (two of them this rule's).

    Tried in session 32 and not kept: this type, not the answer type, for the scorer's
    checks of what a sentence offers (`features.View.offered`), so that "What will it
    cost me to ...?" ranks the sentence with the sum first: dev LOCO (`python -m
    evals.decision_lab`) .676 / .569 / .549 / .387 -> .664 / .558 / .555 / .375; the refit
    scorer moved questions of every type."""
    if profile.answer_type == "open" and _SPEAKS_OF_MONEY.search(asking_part(profile.text)):
        return "amount"
    return profile.answer_type


# A wh-word inside a yes/no question asks what it opens: "Do you know what the charge is?",
# "Can I ask how much they charge?" (an indirect question).
_ASKS_INSIDE = re.compile(r"\b(?:what|which|how much|how many|how long|when|where|who)\b", re.I)


def asks_only_yes_or_no(profile: QuestionProfile) -> bool:
    """A yes/no question that asks nothing else: "Do I get the sign-up fee back?" is
    answered by "The enrollment fee is non-refundable", which states no sum; not "Do you
    know what the charge is for a new card?", an indirect question for the charge."""
    return profile.yes_no and not _ASKS_INSIDE.search(profile.text)


# "How many leaks ...?", "How many people work there?": a count of things, not a year, a
# date or a sum (`features.offers_count`, which `features.offers_number` asks of these);
# the answer type stays "number".
HOW_MANY = re.compile(r"\bhow many\b", re.I)


def asks_count(profile: QuestionProfile) -> bool:
    """The question asks how many of something (answer type number, "how many")."""
    return profile.answer_type == "number" and bool(HOW_MANY.search(profile.text))


# "How many (more) ...", "how much": what the counted words follow (`_COUNTED`).
_HOW_MANY_PREFIX = r"\bhow (?:many|much)\s+(?:more\s+|fewer\s+|less\s+)?"
_COUNTED = re.compile(
    rf"{_HOW_MANY_PREFIX}(?:of\s+(?:the|these|those|its|their|our|your)\s+)?"
    r"((?:[^\W\d_][\w'’-]*\s*){1,3})",
    re.I,
)


@lru_cache(maxsize=4096)
def counted_nouns(question: str) -> tuple[str, ...]:
    """What "how many" counts, lower-cased: the word after it (or after "of the": "How
    many of the plates ..."), and the words on to the first stopword that can be nouns
    ("How many roof tiles does ...": roof, tiles; "How many residents live ...":
    residents, not the verb; all of them without WordNet), not past a word that can only
    be a verb ("How many samples came back?": not "back")."""
    m = _COUNTED.search(question)
    found = _to_a_stopword(words(m.group(1))) if m else []
    found = [w for w in found if not re.search(r"['’]s?$", w)] or found  # "children's books"
    verb = next((i for i, w in enumerate(found) if i and parts_of_speech(w) == {"v"}), None)
    found = found[:verb]  # "How many samples came back?": not past the verb
    return tuple(w.lower() for i, w in enumerate(found) if i == 0 or _may_be_a_noun(w))


NOUN_REACH = 3  # words from a count to its noun: "nine ringed plovers"
_BEFORE_THE_COUNTED = frozenset({"of", "the", "these", "those", "its", "their", "our", "all"})


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
# "after week 6", "on day 3": a singular unit of time after a preposition names one period;
# not "every day 300 people", "last year 4,000 came", "weeks 5 and 6"
_PERIOD_BEFORE = re.compile(
    rf"\b(?:after|before|in|on|by|until|till|from|during|since|of|at|to|through)\s+"
    rf"(?!\w+s )(?:{TIME_UNIT}) $",
    re.I,
)


_WHEN = DAYS | MONTHS | {"today", "tonight", "tomorrow", "yesterday"}


# A code's letters before a hyphen and its number: capitals ("AF-", "COVID-", "A-"), not a
# word ("top-10", "up-to-40", "1-in-10") nor a figure ("2019-20").
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Za-z]*[A-Z][A-Za-z]*-$")
# A division of a text before its number ("section 78 of the Act", "clause 4", "§ 12"):
# the number names that part (qa.sections' division nouns, in any case).
_PART_BEFORE = re.compile(rf"(?:\b(?:{NUMBERED})\s+|§\s*)$", re.I)


def names_by_number(text: str, start: int) -> bool:
    """The number at `start` is part of a name, right after a capitalised noun and one
    space ("Area 4", "Year 6", "Flat 2", "Route 66"): it says which one, and counts
    nothing. Not after a word of grammar ("Over 400 people", "About 480"), a word that is
    no noun ("Nearly 300": WordNet's parts of speech), a day ("On Sunday 40 volunteers
    came", "Today 300 people signed") nor a plural ("Pupils 420": a count's label). After
    a unit of time in the singular, after a preposition, it says which one too: "after week
    6", "on day 3" (not "every day 300 people"). Joined by a hyphen to the letters before
    it, it is a model's or a code's number ("AF-600 air fryer", "HB-10", "COVID-19"), which
    counts no air fryers. (Session 32, `python -m evals.decision_lab`, dev LOCO: .673 /
    .560 / .538 / .378 -> .676 / .569 / .549 / .387, AUC +0.002 [-0.001, +0.007].) After a
    division of a text, in any case, it names that part: "under section 78 of the Act"
    counts no neighbours."""
    before = max(0, start - 20)
    if _CODE_BEFORE.search(text, before, start) or _PART_BEFORE.search(text, before, start):
        return True
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return bool(_PERIOD_BEFORE.search(text, max(0, start - 30), start))
    word = m.group(1).lower()
    plural = word.endswith("s") and stem(word) != word
    return (
        word not in STOPWORDS and word not in _WHEN and not plural and "n" in parts_of_speech(word)
    )


def counts_the_counted(text: str, end: int, counted: tuple[str, ...]) -> bool | None:
    """Does the number that ends at `end` count what the question counts? By the nouns
    right after it, past "of the" ("8 of the 10 sessions") and past a unit's "of" ("0.71
    kg of grain"): True where one of them names a counted thing or a kind of one
    (`names_a_counted`: "eleven nesting pairs", "312 residents" for people); False where
    one can be a noun and none is even of the counted things' class in WordNet ("two full
    rotations", acts, for "How many engineers ...?"; "40 sailors" may be a crew); None
    where no noun follows ("fourteen are below the limit" may count anything)."""
    after = words(re.split(r"[^\w\s'’-]", text[end : end + 60])[0])
    while after and (after[0].lower() in _BEFORE_THE_COUNTED or numbers(after[0])):
        after = after[1:]
    nouns = _to_a_stopword(after[:NOUN_REACH])
    rest = after[len(nouns) :]
    if nouns and rest[:1] and rest[0].lower() == "of":  # "kg of grain", "a pinch of salt"
        nouns += _to_a_stopword(rest[1:3])
    one = counts_one(text[:end])
    heads = [w for i, w in enumerate(nouns) if one or not _modifies_the_next(nouns, i)]
    if any(names_a_counted(w, counted) for w in heads):
        return True
    read = [w for w in heads if "n" in parts_of_speech(w.lower())]
    if not read:
        return None
    classes = frozenset().union(*(noun_classes(c) for c in counted))
    return None if any(noun_classes(w) & classes for w in read) else False


def _to_a_stopword(found: list[str]) -> list[str]:
    return list(itertools.takewhile(lambda w: w.lower() not in STOPWORDS, found))


def _may_be_a_noun(word: str) -> bool:
    read = parts_of_speech(word.lower())
    return not read or "n" in read


@lru_cache(maxsize=16384)
def names_a_counted(word: str, counted: tuple[str, ...]) -> bool:
    """Is the word one of the counted things, by its stem, a synonym, or a kind of thing
    one is or that is one (WordNet: "residents" for "people", "vessels" for "ferries")?"""
    mine = stem(word.lower())
    return any(mine == stem(c) or mine in synonyms(c) or of_a_kind(word, c) for c in counted)


_COUNT_OF_ONE = re.compile(r"\b(?:1|one|a|an|single)\W*$", re.I)


def counts_one(before: str) -> bool:
    """Does the text end with a count of one? Then a singular noun follows as the thing
    counted: "Exactly one student passes each year" counts a student."""
    return bool(_COUNT_OF_ONE.search(before))


def names_the_counted(run: list[str], i: int, counted: tuple[str, ...], one: bool) -> bool:
    """Does word `i` of a run of words after a number (`one`: a count of one) name what
    is counted, as the thing counted and not as its modifier (`_modifies_the_next`)?"""
    return names_a_counted(run[i], counted) and (one or not _modifies_the_next(run, i))


def _modifies_the_next(run: list[str], i: int) -> bool:
    """After a count of more than one, a singular noun before a plural one modifies it:
    "two sample tubes" counts tubes, not samples ("How many samples ...?"). Not a group's
    noun ("12 staff members", "40 crew members": WordNet's noun.group), whose members are
    counted as it is."""
    return (
        i + 1 < len(run)
        and bool(singular(run[i + 1]))
        and not singular(run[i])
        and "noun.group" not in noun_classes(run[i])
    )


_HOW_MANY_UNITS = re.compile(rf"\bhow many\s+({UNIT_WORD})\b", re.I)


@lru_cache(maxsize=4096)
def counted_unit(text: str) -> str | None:
    """The unit a "how many" question counts in ("How many kilometres ..." -> "kilometres"),
    lower-cased; None when it counts things, not a unit."""
    m = _HOW_MANY_UNITS.search(text)
    return m.group(1).lower() if m else None


_HOW_OFTEN = re.compile(
    r"\bhow (?:often|frequently)\b|\b(?:at )?what (?:intervals?|frequency)\b|\bhow many times\b",
    re.I,
)


# "How long is the crack?", "how long were the cables", "how long can the essay be": the
# length of a thing, which a measure ("140 mm", "3,000 words") answers as a duration
# answers "How long is the warranty?".
_HOW_LONG_IS = re.compile(
    r"\bhow long (?:is|are|was|were)\b([^?]*)"
    r"|\bhow long (?:can|could|should|must|may|might|will|would)\s+([^?,]*?)\s*\bbe\b"
    r"(?=\s*(?:[?,;]|$|and\b|or\b))",
    re.I,
)


# "How long are they going to ...", "how long is Acme going to support it", "how long was
# she waiting": someone doing something (English's "going to" future, or a pronoun's
# progressive), whose length is a duration
_DOING = re.compile(
    r"\bhow long (?:is|are|was|were)\b[^?]*?\b(?:going to|gonna)\b"
    r"|\bhow long (?:is|are|was|were) (?:it|they|we|you|he|she|i) \w+ing\b",
    re.I,
)


def asks_length(text: str) -> bool:
    """ "How long is/was ...?", "How long can ... be?": a measure answers too, not only a
    duration. Not where a state follows the thing: after the first word that can be a
    noun, a word WordNet reads as an adjective or a verb and never as a noun ("How long
    were customers unable to pay?", "How long is the pass valid?", "How long was the road
    closed?" ask how long the state lasted; "How long is the new bridge?" does not); nor
    where someone is doing something (`_DOING`: "How long are they going to patch it?")."""
    m = _HOW_LONG_IS.search(text)
    if not m or _DOING.search(text):
        return False
    said = [w for w in words((m.group(1) or m.group(2) or "").lower()) if w not in STOPWORDS]
    read = [parts_of_speech(w) for w in said]
    thing = next((i for i, pos in enumerate(read) if not pos or "n" in pos), len(read))
    return not any(pos and not pos & {"n", "r"} for pos in read[thing + 1 :])


def asks_frequency(text: str) -> bool:
    """ "How often ...?", "How many times ...?": a frequency ("every month", "six
    times") answers, as a number with a time unit does."""
    return bool(_HOW_OFTEN.search(text))


_HOW_SOON = re.compile(r"\bhow (?:soon|quickly)\b", re.I)


def asks_how_soon(text: str) -> bool:
    """ "How soon ...?", "How quickly ...?": a time from now ("the next working day")
    answers, as a period does (`qa.text.SOON`)."""
    return bool(_HOW_SOON.search(text))


def asking_part(question: str) -> str:
    """The question without the statements that set its scene: "My expenses still haven't
    been paid. Who should I chase?" -> "Who should I chase?". The kind of answer wanted is
    in the sentence that asks (the first to end with a question mark, and any after it);
    the whole text when none does. Sentences as documents are split (`qa.sentences`).

    Tried in session 33 and not kept: the asking part read for a yes/no question too ("I'm
    67. Do I pay the full rate?", "If it's stolen, am I covered?"). No dev outcome changed
    (`python -m evals.decision_lab`), and on the probes two answers lost their key fact:
    the yes/no answer quoted at most two sentences a side then, the other answer its
    passage."""
    for start, end in sentence_spans(question):
        if question[start:end].rstrip(" \"”’')").endswith("?"):
            return question[start:].strip() if start else question
    return question


def answer_type_of(text: str) -> str:
    """The first rule's type for the part that asks (`asking_part`), else "open".

    Tried in session 35 and not kept: of a question that joins two ("How much paternity
    leave can I take, and is it paid?", where "paid" makes it ask a sum), the first part's
    type. 37 of 2,171 eval and probe questions changed type; dev LOCO (`python -m
    evals.decision_lab`) .686 / .558 / .532 / .396 -> .686 / .560 / .543 / .402, AUC
    -.0009 [-.0064, +.0042]; on five probes two questions gained, three lost (each part
    of such a question is gathered and answered on its own already: `kinds.question_parts`).

    Nor (session 35) "money" of "how much money" and "time", "date", "year" of "what
    time ..." dropped as words of the kind of answer, as `_request_words` drops a contact
    request's: 2 of 809 dev outcomes moved at the threshold, and the probe question that
    led to it ("How much money does each player get?" over "takes 8 coins") lost the
    soft match of "money" to "coins" that ranked its answer.

    Nor (session 44) a who- or where-question read up to an indirect how-question that a
    preposition brings in ("Who do I talk to about how much power I can feed in?" a
    person, not a count): the one dev question it retyped was then answered wrong (a
    table of settings, where it had abstained), and the refit moved 14 other outcomes
    (`corpus-qa eval --loco`: test .669 / .458 / .470 -> .667 / .458 / .467)."""
    asking = asking_part(text)
    for rule in ANSWER_TYPE_RULES:
        if found := rule(asking):
            return found
    return "open"


# --- kinds of question ----------------------------------------------------------------------
_ATTRIBUTION = re.compile(
    r"\b(?:who|which \w+) (?:said|says|say|claimed|claims|stated|states|told|tells|argued|"
    r"argues|warned|announced|suggested|suggests|believes|believed|thinks|denied|denies|called|"
    r"described|wrote|writes|reported|accused|accuses|blamed|blames)\b|\baccording to whom\b"
    r"|\bwho (?:is|was) (?:quoted|cited)\b|\bwhose (?:view|claim|words|statement)\b",
    re.I,
)


# "Which malware ...", "What kind of sanctions ...", "How many organisations ...": the noun
# after the wh-word names the thing asked about; an auxiliary there ("What did ...") means
# there is none.
_FOCUS = re.compile(
    r"\b(?:which|what|how many|how much)\s+(?:(?:kinds?|types?|sorts?) of\s+)?([A-Za-z][\w'’-]*)",
    re.I,
)


# An auxiliary that NLTK's stop words lack ("would", "could", "may", "must", "cannot"):
# no thing asked.
_AUXILIARY_WORD = re.compile(AUXILIARIES, re.I)


# Tried in session 11 and not kept: the phrase's last word as the focus where the words
# after the wh-word run up to an auxiliary ("Which software vulnerability did ..." asks
# about a vulnerability): dev LOCO (`python -m evals.decision_lab`) 0.628 / 0.495 / 0.495
# -> 0.622 / 0.486 / 0.495, seeds key-fact 0.791 -> 0.746. Tried in session 16 and not kept:
# the noun before "of/for/at ..." in "Who is the head of X?", "What was the rainfall at X?"
# as the focus: dev LOCO .661 / .558 / .573 -> .661 / .542 / .547. Nor the noun that names
# the answer type ("What odds ...", "What nicknames ...") taken as met by a sentence that
# offers that type: .661 / .558 / .573 -> .664 / .555 / .564, gold ranked first (`python
# -m evals.rank_lab`, LOCO) .597 -> .592.
def asked_thing(text: str) -> str | None:
    """The word naming the thing a which/what question asks about, as `_FOCUS` finds it
    ("Which room ..." -> "room"); none where the word after "what" is a verb (WordNet reads
    it as one and never as a noun): in "What happens if ...", "What made the drains clog?"
    the wh-word is the subject and the verb names no thing asked about. (Session 32,
    `python -m evals.decision_lab`, leave one corpus out within dev: key-fact accuracy /
    abstention precision / recall / CRAG .673 / .544 / .538 / .384 -> .676 / .560 / .543
    / .387; the "what happens" questions, which the absent verb had held below the
    threshold, are answered.) Nor where it is an auxiliary NLTK's stop words lack ("What
    would it cost ...?", "How much could they charge?": "would" and "could" were taken for
    the thing asked, and counted missing from every sentence)."""
    m = _FOCUS.search(text)
    if m is None or m.group(1).lower() in STOPWORDS or _AUXILIARY_WORD.fullmatch(m.group(1)):
        return None
    read = parts_of_speech(m.group(1).lower())
    if m.group().lower().startswith("what") and "v" in read and "n" not in read:
        return None
    return m.group(1)


def _focus(text: str, terms: list[Term]) -> int | None:
    """The index of `asked_thing` among the question's terms.

    Tried in session 39 and not kept: a yes/no question's focus too, the thing it asks
    the documents to offer (the head noun after "is there", "do you have", "can I borrow":
    "Is there a campsite near the start?"), so that its absence from the corpus feeds the
    fitted decision as a which-question's does. Dev LOCO (`python -m evals.decision_lab`)
    .686 / .548 / .526 / .396 -> .679 / .529 / .526 / .393, AUC +.0004 [-.0051, +.0061].
    (A hard rule on it fared no better: `qa.answer.rules`.)"""
    thing = asked_thing(text)
    if thing is None:
        return None
    wanted = stem(thing.lower())
    return next((i for i, t in enumerate(terms) if t.stem == wanted), None)


# --- words ----------------------------------------------------------------------------------
# Tried in session 16 and not kept: a hyphenated compound ("one-way", which wordfreq scores
# nearly as common as "way") as rare as its parts occurring together by chance, or halfway
# to it: dev LOCO .657 / .549 / .573 -> .650 / .500 / .538 and .666 / .540 / .521
# (abstention recall fell: a compound missing from a sentence now vetoed it).
def specificity(word: str) -> float:
    """0 for the commonest English words, 1 for rare words, names and numbers.

    The scale's ends (Zipf 6 and 2.5) are where wordfreq's figures put function words and
    product names; in between it is linear. Measured (STACK.md): leader 4.95, happens
    4.96, likelihood 3.91, malware 3.49, licensor 2.35, product names 0-2.5. Feeds the
    fitted decision, never a rule alone.

    Tried in session 32 and not kept: a word as common as the commonest of its WordNet
    base forms ("decides" as "decide", "shipped" as "ship"): dev LOCO (`python -m
    evals.decision_lab`) .676 / .569 / .549 / .387 -> .671 / .554 / .532 / .375, AUC
    +0.002 [-0.007, +0.009]."""
    if has_digit(word):
        return 1.0
    common, rare = FUNCTION_WORD_ZIPF, 2.5
    return float(np.clip((common - zipf(word.lower())) / (common - rare), 0.0, 1.0))


# Two unrelated words already score ~0.25 cosine in MiniLM (measured over a corpus's
# vocabulary: mean 0.25, 90th percentile 0.36, 99th 0.49), so a similarity counts only
# above the 90th percentile, rescaled to 0..1: car~automobile 0.86 -> 0.78,
# brits~british 0.77 -> 0.64, happens~occurs 0.52 -> 0.25, runs~manages 0.27 -> 0.
UNRELATED_SIMILARITY = 0.36


def closeness(similarity: np.ndarray | float) -> np.ndarray | float:
    """A word-level cosine rescaled so that unrelated words score 0 and the same word 1."""
    return np.clip((similarity - UNRELATED_SIMILARITY) / (1 - UNRELATED_SIMILARITY), 0.0, 1.0)


# How close a WordNet synonym (`qa.thesaurus`) counts on the `closeness` scale: as the word
# itself, the two being listed together in one of the word's first senses. Measured
# against 0.6 (a near paraphrase), on the dev questions leave-one-corpus-out:
# answerable-vs-not AUC +0.011 against +0.003.
SYNONYM = 1.0
# Tried in session 47 and not kept: a word the corpus lacks, with no synonym there, matched
# by what its first noun senses are kinds of (WordNet's hypernyms: "nickname" -> name,
# "snoop" -> spy, "odds" -> likelihood) at 0.6 on this scale: dev LOCO (`python -m
# evals.decision_lab`) .681 / .547 / .543 / .399 -> .681 / .552 / .555 / .404, AUC -.0008
# [-.0070, +.0049]; at 0.8, .679 / .544 / .538 / .394, AUC -.0032 [-.0100, +.0031]. Over
# probe 61 (the seeds in everyday words) no question gained: "nicknames" met "names",
# but the sentence that answers says "known as".


@dataclass
class Term:
    """A content word of the question."""

    word: str  # as the question spells it, without a possessive ending (`qa.text.POSSESSIVE`)
    lower: str
    stem: str
    specificity: float
    name: bool  # a name, a number or an acronym: specific by its form
    in_corpus: bool  # the corpus uses the word (its stem)
    rarity: float = 1.0  # in this corpus: 1 for a word no passage has, ~0 for one all have
    corpus_similarity: float = 1.0  # 1.0 when in the corpus, else its nearest word's closeness
    nearest: str = ""  # that nearest corpus word
    vector: np.ndarray | None = None
    # the stems of its WordNet synonyms that the corpus uses (`qa.thesaurus`); of a name,
    # the names its WordNet definition gives (`_related`)
    synonyms: frozenset[str] = frozenset()
    # a plain figure the corpus does not write ("I'm 67"), and whether a retrieved passage
    # states a range or a bound for it ("aged 66 or over": `attach_ranges`)
    figure: float | None = None
    figure_bounded: bool = False
    # the word only sets the scene of the question (`_scene_words`): "Canada" of "My gran is
    # sending me £80 from Canada. Will I be charged to receive it?"
    scene: bool = False

    @property
    def corpus_gap(self) -> float:
        """How far the corpus is from the word: 0 where it has it, 1 where nothing near."""
        return 1.0 - max(self.corpus_similarity, 0.0)

    @property
    def absence_factor(self) -> float:
        """How much the word's absence counts against a word of the asking part's.

        Tried in session 33 and not kept: a word WordNet reads only as a verb counted as a
        scene's word ("shipped", "decides": people ask with other verbs than documents
        use). On the dev questions such a word was missing for 23 answerable questions
        and 4 unanswerable ones, but dev LOCO (`python -m evals.decision_lab`) went .676 /
        .563 / .543 / .386 -> .675 / .557 / .538 / .382.

        Tried in session 40 and not kept: a figure of the asker's own that the scene gives
        ("I got my PhD in 2016 - am I still eligible?", "our uptime was 98.5% - ...": a
        first-person word in the scene, a number not labelling a noun) counted as no
        absence at all, nor as an unknown name. Two probe questions gained; in the eval it
        changed the profiles of two dev questions ("I'm 67 and enrolled on 5 January.",
        "I read that holding the power button for 30 seconds ..."), and the refits that
        followed moved a manual question's companions out of its LOCO answer, below the
        gate's floor (`corpus-qa eval --loco`: manual LOCO CRAG .333 < .34)."""
        return SCENE if self.scene else 1.0


@dataclass
class QuestionProfile:
    text: str
    answer_type: str
    terms: list[Term]
    attribution: bool = False
    overview: bool = False
    yes_no: bool = False
    focus: int | None = None  # index in `terms` of the thing a which/what asks about
    # stems of words that point at a document and are no terms ("the encyclopedia
    # article": `_pointing_words`); still the question's own words
    pointing: frozenset[str] = frozenset()

    @cached_property
    def stems(self) -> set[str]:
        """The stems of the question's own words: its terms and the words pointing at a
        document (a sentence's "the article" is no new thing the question lacks)."""
        return {t.stem for t in self.terms} | self.pointing

    @cached_property
    def weights(self) -> np.ndarray:
        """How much each word counts: its specificity in English."""
        return np.array([t.specificity for t in self.terms], np.float32)

    @cached_property
    def released_versions(self) -> frozenset[str]:
        """ "When did 2.4.1 come out?": the versions a when-question names, in their
        written forms (`qa.text.code_form`); not a bare number ("in 2025" is no release)."""
        if self.answer_type != "time":
            return frozenset()
        return frozenset(
            code
            for t in self.terms
            if has_digit(t.stem)
            for code in map(code_form, written_forms(t.stem, shorter=False))
            if not code.isdigit()
        )

    @cached_property
    def absence_weights(self) -> np.ndarray:
        """How much each word's absence counts (from the corpus, from a candidate): its
        specificity, less for a word that only sets the scene. People tell their case
        before they ask ("Bought a few things in Spain last week - what's the extra cut
        on foreign purchases?"); the documents answer the asking part in their own terms."""
        return np.array([t.specificity * t.absence_factor for t in self.terms], np.float32)

    @cached_property
    def key_weights(self) -> np.ndarray:
        """Specificity times rarity in this corpus: a topic word that every passage uses
        ("pump" in a pump manual) says little about which sentence answers."""
        return np.array([t.specificity * t.rarity for t in self.terms], np.float32)

    def spelled(self, stem_: str) -> str:
        return next((t.word for t in self.terms if t.stem == stem_), stem_)

    def words_to_embed(self, known: Callable[[str], bool]) -> list[str]:
        """The question's words that have no vector yet (the corpus lacks them); not those
        with a digit, which match only exactly (`attach_vectors`)."""
        return [t.lower for t in self.terms if not known(t.lower) and not has_digit(t.word)]


def profile_question(
    text: str,
    doc_freq: dict[str, int],
    lower_words: set[str],
    passages: int = 1,
    similar_stems: Callable[[str], list[str]] | None = None,
) -> QuestionProfile:
    """The question's answer type, kind and content words (vectors are attached later, by
    `attach_vectors`, so that embedding them shares one model call with the query).

    A name is in the corpus in another of its forms too ("Chinese" where the corpus says
    "China": `qa.text.same_name`), looked up among `similar_stems(stem)`."""
    terms: dict[str, Term] = {}
    answer_type = answer_type_of(text)
    kind = question_kind(text)  # overview, comparison, yes/no: qa.answer.kinds
    # In "What is section 4 called?", "section" says where to look, not what to find.
    skip = structure_stems() if answer_type == "heading" else frozenset()
    tokens = words(text)
    # A question written all in capitals ("HOW MANY VOLUMES CAN I BORROW?") names nothing by
    # its case: only its digits do.
    letters = [w for w in tokens if w.isalpha()]
    shouted = len(letters) >= 3 and all(w.isupper() for w in letters)
    pointing = _pointing_words(tokens)
    # The auxiliary or wh-word that opens a later sentence of the question ("... the house
    # will be empty. Would I be covered?"): its capital is the sentence's, no name's.
    # Sentences as documents are split (`qa.sentences`: "Dr. Smith" ends none).
    asking = _positions_within(
        text, [(a, a + m.end()) for a, b in sentence_spans(text) if (m := ASKS.match(text[a:b]))]
    )
    # A common word opening a later sentence or a fragment of the question ("Hi there! Quick
    # question: who ...?"): its capital is the sentence's too, no name's.
    openers = _common_openers(text)
    # Tried in session 41 and not kept: an overview's words of asking for one ("takeaway",
    # "gist", "sum up", "cover", "say": `kinds._REQUEST_WORDS`) as no terms where the
    # corpus lacks them, as a contact request's are. "What's the main takeaway of the
    # report's conclusions?" (test) had abstained for want of "takeaway"; but every
    # overview question's profile changed, and the refit moved the threshold for all:
    # `corpus-qa eval --loco` test .665 / .477 / .462 -> .658 / .483 / .457, CRAG .352 ->
    # .336, four LOCO floors missed (correspondence precision and key facts, reference and
    # research CRAG).
    request = _request_words(text, answer_type)
    modal = _modal_idiom_words(text)
    scene = _scene_words(text)
    # the words of the years the question names, points in time a bound never holds ("in
    # 2022/23")
    years = _positions_within(text, named_years(text))
    pointed: set[str] = set()
    for i, w in enumerate(tokens):
        lw = w.lower()
        if lw in STOPWORDS or i in modal:
            continue  # not "Will" of "Will's role": the possessive goes after this
        w = without_possessive(w)  # "boat's": `qa.text.POSSESSIVE`
        lw = w.lower()
        if len(lw) < 2 and not lw.isdigit():
            continue
        if w in _ORDINAL_ENDINGS and i and tokens[i - 1][-1].isdigit():
            continue  # "the 21st" is the day "21 June" writes ("21", "st": `qa.text.words`)
        s = stem(lw)
        if s in terms:  # said again: it sets the scene only if it does every time
            terms[s].scene = terms[s].scene and i in scene
            continue
        if s in skip:
            continue
        if i in pointing and not any(doc_freq.get(f, 0) for f in written_forms(s)):
            pointed.add(s)  # "the encyclopedia article": where to look, in words the text lacks
            continue
        if lw in request and not doc_freq.get(s, 0):
            pointed.add(s)  # "what number can I ring": the kind of answer, in words the text lacks
            continue
        spelled_out = w.isupper() and len(w) > 1  # an acronym or not: `_acronym` tells
        capitalised = (
            w[0].isupper() and not spelled_out and i > 0 and lw not in lower_words
        ) and i not in asking | openers
        name = has_digit(w) or (not shouted and (capitalised or _acronym(w)))
        in_corpus = (
            any(doc_freq.get(form, 0) > 0 for form in written_forms(s))
            or (name and similar_stems is not None and same_name(s, similar_stems(s)))
            or _calendar_name(tokens, i)
        )
        terms[s] = Term(
            word=w,
            lower=lw,
            stem=s,
            specificity=max(specificity(w), 0.8 if name else 0.0),
            name=name,
            in_corpus=in_corpus,
            rarity=_rarity(doc_freq.get(s, 0), passages),
            synonyms=_stand_ins(lw, name, in_corpus, tokens, i, doc_freq),
            figure=None if in_corpus or i in years else quantity(w),
            scene=i in scene,
        )
    found = list(terms.values())
    return QuestionProfile(
        text=text,
        answer_type=answer_type,
        terms=found,
        focus=_focus(text, found),
        attribution=bool(_ATTRIBUTION.search(text)),
        overview=kind.name == OVERVIEW and not kind.judged,
        yes_no=kind.name == YES_NO,
        pointing=frozenset(pointed),
    )


# How much the absence of a word that only sets the scene counts, against 1 for a word of
# the asking part. Tried in session 36 and not kept: 0 (a scene's word the corpus lacks
# was in 123 answerable questions and 2 unanswerable ones, dev and six probes): dev LOCO
# (`python -m evals.decision_lab`) outcomes unchanged, AUC +.0010 [-.0000, +.0022]; refitted
# on all dev, six probes: one more answer right, and two answerable questions abstained on
# before answered wrongly.
SCENE = 0.5
# What sets the scene of a question, by English punctuation and grammar: a statement
# before the sentence that asks ("My gran is sending me £80 from Canada. Will I ...?"), a
# lead-in before a dash that asks nothing itself ("I'm 21 - do I still have to pay?", not
# "Who may install it — can my electrician?"), and a clause of reason ("because I'm
# skint").
_DASH_LEAD = re.compile(r"^([^?]+?)\s[-—–]\s+(?=\S[^?]*\?)")
_REASON = re.compile(r"\bbecause\b(?!\s+of\b)[^,.;?]*", re.I)  # not "because of a X"


def _scene_words(text: str) -> frozenset[int]:
    """The positions, among the question's `words`, of those that set its scene."""
    return _positions_within(text, _scene_spans(text))


def _common_openers(text: str) -> frozenset[int]:
    """The positions, among the text's `words`, of the common words that open a sentence
    or a fragment after the first and say how, not who (`thesaurus.reply_word`: "Quick",
    "Also", "Sorry"; not "Mark", nor "Reading" or "Bath", which WordNet lists as towns)."""
    return frozenset(
        i
        for i, m in enumerate(WORD.finditer(text))
        if i
        and m.group()[:1].isupper()
        and sentence_initial(text, m.start())
        and reply_word(m.group())
    )


def _positions_within(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The positions, among the text's `words`, of those that start inside the spans."""
    return frozenset(
        i for i, m in enumerate(WORD.finditer(text)) if any(a <= m.start() < b for a, b in spans)
    )


def _scene_spans(text: str) -> list[tuple[int, int]]:
    """Where the question sets its scene: the statements before the last sentence that
    asks (one with no "?" that opens with no question word: not "Can Dr. Patel ...?"),
    a lead-in before a dash, a clause of reason. Sentences as documents are split
    (`qa.sentences`: "£1,200.00" and "Dr. Patel" end none).

    Tried in session 35 and not kept: a clause of condition or time that a comma closes
    before the asking words ("If a fire makes the house unliveable, will you pay ...?")
    as scene too. Dev LOCO (`python -m evals.decision_lab`) .686 / .558 / .532 / .396 ->
    .686 / .561 / .532 / .394, AUC +.0008 [+.0001, +.0017]; on six probes one near miss
    more answered ("If I use chicken breasts instead of thighs, how much shorter ...?")
    and the question that led to it still abstained."""
    sentences = sentence_spans(text)
    asking = max((k for k, (a, b) in enumerate(sentences) if "?" in text[a:b]), default=0)
    spans = [
        (a, b) for a, b in sentences[:asking] if "?" not in text[a:b] and not ASKS.match(text[a:b])
    ]
    if (lead := _DASH_LEAD.match(text)) and not ASKS.match(lead.group(1)):
        spans.append(lead.span(1))
    return spans + [m.span() for m in _REASON.finditer(text)]


# English modal idioms: "be supposed to", "be meant to", "be going to", "be able to" say
# what "should", "will" and "can" say, and name nothing a document must have ("Where are
# we supposed to park?" asks where to park). A verb follows: not "going to Skye".
_MODAL_IDIOM = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't|\w+'[msr]e?)\s+"
    r"(?:[\w']+\s+){0,3}?((?-i:supposed|meant|going|able))\s+to\s+(?-i:[a-z])",
    re.I,
)


def _modal_idiom_words(text: str) -> frozenset[int]:
    """The positions, among the question's `words`, of its modal idioms' words ("supposed"
    of "are we supposed to"); not the same word elsewhere, nor "going to Skye"."""
    text = text.replace("’", "'")
    starts = {m.start(): i for i, m in enumerate(WORD.finditer(text))}
    return frozenset(
        starts[m.start(1)] for m in _MODAL_IDIOM.finditer(text) if m.start(1) in starts
    )


# Words that set a day or a month in time: a preposition of time, or a determiner of one
# ("on Wednesday", "in June", "every Thursday", "next Monday"); closed classes of English.
TIME_PREPOSITIONS = frozenset({
    "on", "in", "by", "until", "till", "since", "before", "after", "from", "to", "during",
    "through", "of", "at", "for", "between",
})  # fmt: skip
TIME_DETERMINERS = frozenset({"every", "each", "next", "last", "this", "early", "mid", "late"})


def _calendar_name(tokens: list[str], i: int) -> bool:
    """Token `i` is a day of the week, a part of the week or a month written out
    ("Wednesday", "Mondays", "weekend", "June"), used as a time: after a preposition or a
    determiner of time ("on Wednesday", "on a Sunday", "at the weekend", "every
    Thursday"), or beside a figure ("5 June", "June 2025"). Such a
    word is never missing from a corpus. It says when the asker's case happens ("We had
    chicken left over on Sunday. Is it still fine to eat on Wednesday?", "My partner is
    due in June"), and the documents cover such times by their rules, ranges and periods
    ("keeps for 3 days", "Monday to Friday", "April to October"), which each sentence is
    read for (`extractive._Words`), rather than by writing the name. Not a name used as
    one ("Did April sign the lease?"). Measured: of the dev and probe questions with a
    calendar name that their corpus never writes, 9 of 9 are answerable.

    Tried in session 37 and not kept: a feast so used too ("after the Christmas break",
    "over Easter"; WordNet's holidays and church seasons). No dev question changed, but a
    review showed why a document that never names the feast does not answer it: a feast is
    when the usual rules do not hold ("What time does the office open at Easter?" was
    answered from the weekday opening hours), and the one probe question it let through
    was answered from the wrong sentence."""
    word = tokens[i]
    if not (days_named(word) or (word[:1].isupper() and month_of(word) is not None)):
        return False
    before = [t.lower() for t in tokens[max(0, i - 2) : i]]
    after = tokens[i + 1 : i + 2]
    if before and (before[-1] in TIME_PREPOSITIONS or before[-1] in TIME_DETERMINERS):
        return True
    if len(before) == 2 and before[-1] in ("a", "the") and before[0] in TIME_PREPOSITIONS:
        return True  # "on a Sunday"
    return any(has_digit(t) for t in [*before[-1:], *after])


# Of English ordinals in figures, lower-case ("10 St James Square" names a saint)
_ORDINAL_ENDINGS = {"st", "nd", "rd", "th"}
_DETERMINERS = {"the", "this", "that", "these", "those", "your", "our", "their", "its"}
_POINTING_WORDS = 3  # "the annual report extract": up to three words before the head noun


def _pointing_words(tokens: list[str]) -> set[int]:
    """The places of the words of phrases that point at a document by its kind: "the
    encyclopedia article", "this leaflet", "the growers' FAQ" (a determiner, a few words,
    a kind of document: `kinds.is_document_type`). They say where to look, and a document
    rarely names its own kind ("encyclopedia"), so where the corpus lacks them they are
    no words the answer must match; where it has them, they match its title."""
    found: set[int] = set()
    for i, w in enumerate(tokens):
        if not is_document_type(w):
            continue
        for j in range(i - 1, max(i - 2 - _POINTING_WORDS, -1), -1):  # back to the determiner
            if tokens[j].lower() in _DETERMINERS:
                found.update(range(j + 1, i + 1))
                break
            if tokens[j].lower() in STOPWORDS:
                break
    return found


def _stand_ins(
    lower: str, name: bool, in_corpus: bool, tokens: list[str], i: int, doc_freq: dict[str, int]
) -> frozenset[str]:
    """The stems the corpus uses that may stand for the question's word (`_related`, and
    of a phrasal verb, `_phrasal`); for a word the corpus lacks and has none of those
    for, the words WordNet derives it from or from it ("How many signatures?" where the
    text says "signed by 15 members")."""
    found = _in_corpus(_related(lower, name), doc_freq) | _in_corpus(_phrasal(tokens, i), doc_freq)
    if found or in_corpus or name:
        return found
    return _in_corpus(derivations(lower), doc_freq)


def _related(word: str, name: bool) -> frozenset[str]:
    """Stems of the words that may stand for the question's word in the documents: a
    word's WordNet synonyms; a name's, the names its WordNet definition gives (a place or
    a body for its country or government: "Whitehall" -> British, London)."""
    if name:
        return frozenset(stem(w) for w in defined_names(word))
    return synonyms(word)


# The adverbial particles of English phrasal verbs ("call off", "conk out", "hand over"):
# a closed class of grammar.
PARTICLES = frozenset({
    "out", "off", "up", "down", "in", "on", "over", "back", "away", "through", "around",
    "about", "along", "across", "ahead", "forward", "apart", "aside",
})  # fmt: skip


def _phrasal(tokens: list[str], i: int) -> frozenset[str]:
    """The stems of the synonyms of the phrasal verb that token `i` opens with the particle
    after it ("if the heating conks out": fail, break; "call off": cancel), from WordNet:
    the verb alone means something else ("conk" is a blow to the head)."""
    if i + 1 >= len(tokens) or tokens[i + 1].lower() not in PARTICLES:
        return frozenset()
    return phrasal_synonyms(tokens[i], tokens[i + 1])


def _in_corpus(stems: frozenset[str], doc_freq: dict[str, int]) -> frozenset[str]:
    return frozenset(s for s in stems if doc_freq.get(s, 0) > 0)


def _acronym(word: str) -> bool:
    """A word in capitals that names something ("US", "NHS", "WHO"); not one that English
    writes in capitals as a modifier, which WordNet reads as an adjective or adverb ("Is it
    OK to ...?", "ASAP"): no name the corpus must have. A Roman numeral ("Schedule IV", "XL")
    stays a name, though WordNet reads it as a number's adjective."""
    if not word.isupper() or len(word) < 2:
        return False
    roman = re.fullmatch(r"[IVXLCDM]+", word) is not None  # WordNet reads "IV" as "four"
    return roman or not parts_of_speech(word) & {"a", "s", "r"}


def written_forms(stem_: str, shorter: bool = True) -> set[str]:
    """The stem, and for one with digits, its forms with and without a version's "v", and
    a version number with or without a last ".0" ("3.0" is "3.0.0": `_same_version`).
    `shorter=False` leaves out the shorter form: "3.0" in a sentence may be no version at
    all ("3.0 bar"), where "3.0.0" is one."""
    if not has_digit(stem_):
        return {stem_}
    forms = {stem_, *_same_version(stem_, shorter)}
    return {f for form in forms for f in (form, code_form(form), f"v{code_form(form)}")}


def _same_version(number: str, shorter: bool = True) -> set[str]:
    """The other ways to write a version number whose last part is zero: "3.0" and
    "3.0.0", "2.4" and "2.4.0" (a release is written either way). Not "3" for "3.0": a bare
    number is no version."""
    if not VERSION.fullmatch(number):
        return set()
    parts = number.split(".")
    longer = {f"{number}.0"} if len(parts) == 2 else set()
    cut = {number[:-2]} if shorter and len(parts) == 3 and parts[-1] == "0" else set()
    return longer | cut


def _rarity(df: int, passages: int) -> float:
    """Inverse document frequency scaled to 0..1 (1 for a word in no passage)."""
    n = max(passages, 1)
    return float(np.log1p(n / (1 + df)) / np.log1p(n))


def attach_ranges(profile: QuestionProfile, texts: list[str]) -> None:
    """A figure of the question that the corpus never writes, but for which one of `texts`
    (the retrieved passages) states a range or a bound (`qa.text.speaks_to`), is found in
    other words, as a synonym is: "I'm 67" and "aged 66 or over". Its closeness in the
    corpus is then `SYNONYM`'s; it feeds the fitted decision like any match."""
    for t in profile.terms:
        if t.figure is not None and any(speaks_to(t.figure, x) for x in texts):
            t.figure_bounded = True
            t.corpus_similarity = max(t.corpus_similarity, SYNONYM)


def attach_vectors(profile: QuestionProfile, lookup: Callable[[str], np.ndarray | None], nearest):
    """Give each term its vector, and to each term the corpus lacks, the closeness of
    the corpus's nearest word (`nearest(vector) -> (word, cosine)`).

    A term with a digit in it ("2027", "HB-15", "S1") gets no vector: it matches exactly
    or not at all. Its vector is close to its neighbours' ("2027" ~ "2026"), but a year, a
    model number or a route the documents never write is a fact they do not hold."""
    for t in profile.terms:
        if has_digit(t.word):
            t.vector = None
            t.corpus_similarity = 1.0 if t.in_corpus else 0.0
            continue
        t.vector = lookup(t.lower)
        if t.in_corpus or t.vector is None:
            continue
        t.nearest, similarity = nearest(t.vector)
        t.corpus_similarity = float(closeness(similarity))
        if t.synonyms:  # the corpus has the word in other words
            t.corpus_similarity = max(t.corpus_similarity, SYNONYM)
