"""What a question asks for: its answer type, its kind, and its content words with how
specific each one is and how close the corpus comes to it.

Hand-written, and general English only: the answer type comes from the wh-word and its
head noun (a list of small named rules); how specific a word is comes from `wordfreq`
(word frequencies over large general corpora), not from a word list; how close the corpus
comes to a word it never uses comes from the embedding model (`qa.retrieve.Lexicon`).
Nothing here knows a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from qa.answer.headings import asks_for_heading, structure_stems
from qa.answer.kinds import OVERVIEW, YES_NO, question_kind
from qa.text import STOPWORDS, same_name, stem, words

# --- answer types ------------------------------------------------------------------------
# The rules below return one of these. person: a person, an organisation or a role
# ("either party", "the supplier")
# place, time (a date or a moment), duration ("30 days"), number, degree (a percentage or
# a likelihood: "95%", "almost certainly"), amount (money), reason, heading (a title or
# section name), open (anything: what/how/describe, yes/no, overviews)
TypeRule = Callable[[str], str | None]


def _rule(pattern: str, answer_type: str) -> TypeRule:
    compiled = re.compile(pattern, re.I)

    def rule(text: str) -> str | None:
        return answer_type if compiled.search(text) else None

    return rule


def asks_for_a_heading(text: str) -> str | None:
    """ "What is section 4 called?", "What is the title of ...?" (qa.answer.headings)."""
    return "heading" if asks_for_heading(text) else None


asks_how_long = _rule(
    r"\bhow long\b|\bhow often\b|\bfor how (?:many|much) (?:time|days|weeks|months|years|hours|minutes|seconds)"
    r"|\bhow many (?:days|weeks|months|years|hours|minutes|seconds|decades)\b|\bwhat (?:period|"
    r"duration|notice period|term)\b|\bwithin what (?:time|period)\b",
    "duration",
)
asks_how_likely = _rule(
    r"\bhow (?:likely|certain|sure|confident|probable)\b|\bwhat (?:percent(?:age)?|share|"
    r"proportion|fraction|likelihood|probability|chance)\b|\bwhat level of (?:confidence|"
    r"certainty)\b|\bto what (?:degree|extent)\b|\bpercent",
    "degree",
)
asks_how_much_money = _rule(
    r"\bhow much (?:money|does|do|did|is|are|will|would|cost|to pay)\b|\bwhat (?:price|cost|fee|"
    r"fine|amount|sum|salary|budget|charge|penalty)\b|\bhow much\b.*\b(?:cost|pay|paid|charge|"
    r"price|fee|worth|spend|spent)\b|\bwhat (?:is|are|was|were) the (?:\w+ )?(?:price|cost|fee|"
    r"fine|salary|budget|charge|penalty|rent|premium)s?\b",
    "amount",
)
asks_how_many = _rule(r"\bhow (?:many|much|far|big|large|old|high|fast)\b", "number")
asks_when = _rule(
    r"^\W*when\b|\b(?:by|until|since|as of|from) when\b|\bwhat (?:year|day|date|month|time|"
    r"deadline)\b|\bwhich (?:year|day|date|month)\b|\bat what (?:time|point|age)\b",
    "time",
)
asks_where = _rule(
    r"^\W*where\b|\b(?:in|from|to) where\b|\b(?:in|from|to|at)?\s*which (?:country|city|town|"
    r"place|region|state|location|address|continent|building|site)\b|\bwhat (?:country|city|"
    r"place|location|address|region)\b",
    "place",
)
asks_who = _rule(
    r"^\W*(?:who|whom|whose)\b|\b(?:by|to|from|with|for) whom\b|\baccording to whom\b"
    r"|\b(?:which|what) (?:person|people|persons|party|parties|official|officials|minister|"
    r"company|companies|firm|organi[sz]ation|organi[sz]ations|agency|agencies|group|body|"
    r"individual|team|department|authority|institution|manufacturer|supplier|vendor|"
    r"provider|researcher|expert|author|employee|role)\b|\bname (?:of )?the (?:person|company|"
    r"organi[sz]ation)\b",
    "person",
)
asks_why = _rule(r"^\W*why\b|\bfor what reason\b|\bwhat (?:is|was) the reason\b", "reason")

ANSWER_TYPE_RULES: list[TypeRule] = [
    asks_for_a_heading,
    asks_how_long,
    asks_how_likely,
    asks_how_much_money,
    asks_when,
    asks_how_many,
    asks_where,
    asks_who,
    asks_why,
]


# A question that speaks of money without "how much" or "what price" ("What did the
# check-up cost?", "What's the price of ...?", "Is X paying Y?"): general English verbs and
# nouns of paying. Used only by the answerer (`decide.best_asked_missing`), not as the
# answer type: the scorer's answer type is unchanged.
_SPEAKS_OF_MONEY = re.compile(
    r"\b(?:cost|costs|costing|price|prices|priced|fee|fees|paid|pay|pays|paying|charge|"
    r"charges|charged|charging|spend|spends|spent|spending)\b",
    re.I,
)


def asked_type(profile: QuestionProfile) -> str:
    """The answer type, where an open question that speaks of money asks for an amount."""
    if profile.answer_type == "open" and _SPEAKS_OF_MONEY.search(profile.text):
        return "amount"
    return profile.answer_type


# "How many leaks ...?", "How many people work there?": a count of things, not a year, a
# date or a sum (`features.offers_count`). Used only by the answerer
# (`decide.best_count_missing`); the scorer's answer type stays "number".
_HOW_MANY = re.compile(r"\bhow many\b", re.I)


def asks_count(profile: QuestionProfile) -> bool:
    """The question asks how many of something (answer type number, "how many")."""
    return profile.answer_type == "number" and bool(_HOW_MANY.search(profile.text))


def answer_type_of(text: str) -> str:
    for rule in ANSWER_TYPE_RULES:
        if found := rule(text):
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


def _focus(text: str, terms: list[Term]) -> int | None:
    m = _FOCUS.search(text)
    if m is None or m.group(1).lower() in STOPWORDS:
        return None
    wanted = stem(m.group(1).lower())
    return next((i for i, t in enumerate(terms) if t.stem == wanted), None)


# --- words ----------------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common the word is in English (wordfreq's Zipf scale: 0 unknown .. ~7.7 "the").

    Measured (STACK.md): leader 4.95, happens 4.96, likelihood 3.91, malware 3.49,
    licensor 2.35, product names 0-2.5. wordfreq ships its lists in the wheel."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def specificity(word: str) -> float:
    """0 for the commonest English words, 1 for rare words, names and numbers.

    The scale's ends (Zipf 6 and 2.5) are where wordfreq's figures put function words and
    product names; in between it is linear. Feeds the fitted decision, never a rule alone."""
    if any(ch.isdigit() for ch in word):
        return 1.0
    return float(np.clip((6.0 - zipf(word.lower())) / 3.5, 0.0, 1.0))


# Two unrelated words already score ~0.25 cosine in MiniLM (measured over a corpus's
# vocabulary: mean 0.25, 90th percentile 0.36, 99th 0.49), so a similarity counts only
# above the 90th percentile, rescaled to 0..1: car~automobile 0.86 -> 0.78,
# brits~british 0.77 -> 0.64, happens~occurs 0.52 -> 0.25, runs~manages 0.27 -> 0.
UNRELATED_SIMILARITY = 0.36


def closeness(similarity: np.ndarray | float) -> np.ndarray | float:
    """A word-level cosine rescaled so that unrelated words score 0 and the same word 1."""
    return np.clip((similarity - UNRELATED_SIMILARITY) / (1 - UNRELATED_SIMILARITY), 0.0, 1.0)


@dataclass
class Term:
    """A content word of the question."""

    word: str  # as the question spells it
    lower: str
    stem: str
    specificity: float
    name: bool  # a name, a number or an acronym: specific by its form
    in_corpus: bool  # the corpus uses the word (its stem)
    rarity: float = 1.0  # in this corpus: 1 for a word no passage has, ~0 for one all have
    corpus_similarity: float = 1.0  # 1.0 when in the corpus, else its nearest word's closeness
    nearest: str = ""  # that nearest corpus word
    vector: np.ndarray | None = None


@dataclass
class QuestionProfile:
    text: str
    answer_type: str
    terms: list[Term]
    attribution: bool = False
    overview: bool = False
    yes_no: bool = False
    focus: int | None = None  # index in `terms` of the thing a which/what asks about

    @cached_property
    def stems(self) -> set[str]:
        return {t.stem for t in self.terms}

    @cached_property
    def weights(self) -> np.ndarray:
        """How much each word counts: its specificity in English."""
        return np.array([t.specificity for t in self.terms], np.float32)

    @cached_property
    def key_weights(self) -> np.ndarray:
        """Specificity times rarity in this corpus: a topic word that every passage uses
        ("pump" in a pump manual) says little about which sentence answers."""
        return np.array([t.specificity * t.rarity for t in self.terms], np.float32)

    def spelled(self, stem_: str) -> str:
        return next((t.word for t in self.terms if t.stem == stem_), stem_)

    def words_to_embed(self, known: Callable[[str], bool]) -> list[str]:
        """The question's words that have no vector yet (the corpus lacks them)."""
        return [t.lower for t in self.terms if not known(t.lower)]


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
    for i, w in enumerate(tokens):
        lw = w.lower()
        if lw in STOPWORDS or (len(lw) < 2 and not lw.isdigit()):
            continue
        s = stem(lw)
        if s in terms or s in skip:
            continue
        capitalised = w[0].isupper() and i > 0 and lw not in lower_words
        name = capitalised or any(ch.isdigit() for ch in w) or (w.isupper() and len(w) > 1)
        terms[s] = Term(
            word=w,
            lower=lw,
            stem=s,
            specificity=max(specificity(w), 0.8 if name else 0.0),
            name=name,
            in_corpus=doc_freq.get(s, 0) > 0
            or (name and similar_stems is not None and same_name(s, similar_stems(s))),
            rarity=_rarity(doc_freq.get(s, 0), passages),
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
    )


def _rarity(df: int, passages: int) -> float:
    """Inverse document frequency scaled to 0..1 (1 for a word in no passage)."""
    n = max(passages, 1)
    return float(np.log1p(n / (1 + df)) / np.log1p(n))


def attach_vectors(profile: QuestionProfile, lookup: Callable[[str], np.ndarray | None], nearest):
    """Give each term its vector, and to each term the corpus lacks, the closeness of
    the corpus's nearest word (`nearest(vector) -> (word, cosine)`)."""
    for t in profile.terms:
        t.vector = lookup(t.lower)
        if t.in_corpus or t.vector is None:
            continue
        t.nearest, similarity = nearest(t.vector)
        t.corpus_similarity = float(closeness(similarity))
