"""The few hard rules of the extractive answerer, each a small function returning its
reason to abstain (or None).

A rule is kept only where the eval shows it transfers: `evals/fit.py` tries each one on
the development questions of every corpus, keeps it when it raises the lowest of the goal
figures (key-fact accuracy, abstention precision and recall; `decide.goal_threshold`), and
writes the kept rules (with the similarity bound each one uses) into the decision file.
Everything else is the fitted model's job (`qa.answer.decide`). A rule on rare words the
corpus lacks was tried and dropped: wordfreq calls "summarize", "corpus", "quoted" and
"Brits" rare, and a veto on them is exactly what a person asking in everyday words must
not get; such words feed the fitted decision instead (features.missing_in_corpus).
"""

from __future__ import annotations

from collections.abc import Callable

from qa.answer.question import QuestionProfile, Term

Rule = Callable[[QuestionProfile, float], str | None]


def _quoted(terms: list[Term]) -> str:
    return ", ".join(f"“{t.word}”" for t in terms)


def unknown_name(q: QuestionProfile, bound: float) -> str | None:
    """The question names something (a name, a number, an acronym) that the corpus never
    mentions, and no word of the corpus comes close ("Putin" where no document has it)."""
    absent = [t for t in q.terms if t.name and not t.in_corpus and t.corpus_similarity < bound]
    return f"nothing in them mentions {_quoted(absent)}" if absent else None


# Tried in session 39 and not kept: a rule on the thing a yes/no question asks the documents
# to offer ("Is there a campsite?", "Do you have a car park?", "Can I borrow e-books?")
# where no document has its word nor a synonym, below a closeness bound of 0.2 to 0.4.
# On the eval's questions it fired on more answerable ones than not: "Does Russia have a
# covid jab of its own?" (dev; "jab" is 0.16 from its nearest corpus word), "Can I bring a
# friend to the last session?" and "Can I use my rain barrel ...?" (test; the documents
# say "guest" and "water butt"), against one near miss ("Is there a discount ...?"), and
# the fit kept it in no fold (dev LOCO, `python -m evals.decision_lab`: no outcome changed).
# Tried again in session 40, unfitted, with WordNet's broader and narrower kinds of the
# thing (a "water butt" is a barrel): on thirteen analysed probes it refused 16 near misses
# and no answerable question, but a reviewer's everyday questions showed how often the
# thing asked is a general word the documents never use though they answer: "Is there a
# charge for parking?" ("Parking costs £3 per day"), "Are there vegetarian options?",
# "Is there an age limit?", "Is there a deadline?", "Is there a Sunday service?", "Can I
# bring my dog?" ("Pets are not allowed"), "Can I bring my laptop?" ("Personal
# computers"), and spellings ("crèche", "Wi-Fi", "eBooks"). Not kept.
# Tried a third time in session 41 and not kept: only a question whether the documents
# OFFER the thing (not whether the asker may have or bring it), only a concrete thing
# (WordNet's classes of artifacts, places, food, animals ...: not "a charge", "a deadline",
# "options"), no word of its noun phrase in the corpus, nor a synonym, a kind of it two
# steps down the hyponyms (multi-word kinds too), the phrase written as one word or one
# word as two, and no corpus word closer than 0.5 (`question.closeness`) to any of its
# words; every thing a question joins by "or" so. Its first form this session (the head
# noun alone, the bound fitted: 0.6) refused 11 near misses and no answerable question on
# fourteen analysed probes, and the eval's dev and test questions held one it could refuse
# ("Is there a phone app ...?"). But a reviewer's everyday questions
# over documents that answer them in other words were refused 10 times in 91: "Is there a
# playground?" (a "play park"), "Do they sell logs?" ("firewood"), "Is there a jacuzzi?" (a
# "hot tub"), "Is there a tip I can take furniture to?", "Can I hire a dumpster?" (a
# "skip"), "Is there a checkroom?"; neither WordNet nor the word vectors (logs-firewood
# 0.0) relate them, nor does the best sentence's closeness to the question tell them from
# the near misses (0.09 to 0.70 against 0.19 to 0.43). People ask in their own words, and a
# refusal for want of the documents' word is what they must not get.
RULES: dict[str, Rule] = {rule.__name__: rule for rule in (unknown_name,)}


def first_reason(q: QuestionProfile, kept: dict[str, float]) -> str | None:
    """The reason of the first kept rule that fires, in the order of RULES."""
    for name, rule in RULES.items():
        if name in kept and (reason := rule(q, kept[name])):
            return reason
    return None
