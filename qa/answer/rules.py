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
# Kept in session 41, narrowed to what those examples showed: only a question whether the
# documents OFFER the thing (not whether the asker may have or bring it: "Can I bring a
# friend?", "Can I use my rain barrel?"); only a concrete thing (WordNet's classes of
# artifacts, places, objects, food, animals, substances, plants: not "a charge", "a
# deadline", "options", "a service", "a jab", an act); no corpus word names it, a synonym
# or a kind of it down two steps of hyponyms, spelt with or without hyphens and accents;
# and the fit chooses the closeness bound or none. FIGURES
def unnamed_offer(q: QuestionProfile, bound: float) -> str | None:
    """A yes/no question asks whether the documents offer a concrete thing ("Is there a
    gym for residents?", "Does the centre have a sauna?") that no word of the corpus
    names, nor a synonym or a kind of it (`question._unnamed_offer`), and no word of the
    corpus comes close ("Wi-Fi" for "wifi"). Not whether the asker may have or bring it
    ("Can I bring my dog?": "Pets are not allowed" answers), nor a thing a document may
    offer in other words ("Is there a charge for parking?": "Parking costs £3")."""
    if q.unnamed_offer is None:
        return None
    thing = q.terms[q.unnamed_offer]
    return (
        None if thing.corpus_similarity >= bound else f"nothing in them mentions {_quoted([thing])}"
    )


RULES: dict[str, Rule] = {rule.__name__: rule for rule in (unknown_name, unnamed_offer)}


def first_reason(q: QuestionProfile, kept: dict[str, float]) -> str | None:
    """The reason of the first kept rule that fires, in the order of RULES."""
    for name, rule in RULES.items():
        if name in kept and (reason := rule(q, kept[name])):
            return reason
    return None
