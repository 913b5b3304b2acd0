"""The few hard rules of the extractive answerer, each a small function returning its
reason to abstain (or None).

A rule is kept only where the eval shows it transfers: `evals/fit.py` tries each one on
the development questions of every corpus, keeps it when it raises the lowest of the goal
figures (key-fact accuracy, abstention precision and recall; `decide.goal_threshold`), and
writes the kept rules (with the similarity bound each one uses) into the decision file.
Everything else is the fitted model's job (`qa.answer.decide`), but for one rule of the
documents' vocabulary that has nothing to fit (`offers_nothing_of_the_kind`). A rule on
rare words the corpus lacks was tried and dropped: wordfreq calls "summarize", "corpus",
"quoted" and "Brits" rare, and a veto on them is exactly what a person asking in everyday
words must not get; such words feed the fitted decision instead
(features.missing_in_corpus).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from qa.answer.question import QuestionProfile, Term, asked_to_exist
from qa.text import stem
from qa.thesaurus import kinds, narrower

Rule = Callable[[QuestionProfile, float], str | None]


def _quoted(terms: list[Term]) -> str:
    return ", ".join(f"“{t.word}”" for t in terms)


def unknown_name(q: QuestionProfile, bound: float) -> str | None:
    """The question names something (a name, a number, an acronym) that the corpus never
    mentions, and no word of the corpus comes close ("Putin" where no document has it);
    not a figure of the asker's own situation (`Term.own_figure`)."""
    absent = [
        t
        for t in q.terms
        if t.name and not t.in_corpus and not t.own_figure and t.corpus_similarity < bound
    ]
    return f"nothing in them mentions {_quoted(absent)}" if absent else None


RULES: dict[str, Rule] = {rule.__name__: rule for rule in (unknown_name,)}


def offers_nothing_of_the_kind(q: QuestionProfile, corpus: Mapping[str, int]) -> str | None:
    """A yes/no question whether the documents offer a thing ("Is there a campsite near
    the start?", "Do you have a car park?", "Can I borrow e-books?": `asked_to_exist`)
    where no document names it: not its word, nor a WordNet synonym, nor a word for what
    it is, a kind of it or what it is a kind of ("campground", "water butt" for "rain
    barrel"). `corpus` holds the documents' stems (`Snapshot.doc_freq`).

    A rule of the documents' vocabulary, with no bound to fit, and run on every question:
    the fitted decision sees too few such questions in the eval's dev sets to weigh it
    (there it fired on "Does Russia have a covid jab of its own?", answerable, and on one
    near miss). On the thirteen probes written by helpers who never read the answerer and
    analysed here (seven kinds of document each), it fired on 16 near misses and on no
    answerable question; session 39 had tried it as a fitted rule (with a closeness bound
    on the nearest corpus word), which the fit kept in no fold."""
    thing = asked_to_exist(q.text) if q.yes_no else None
    if thing is None:
        return None
    wanted = stem(thing.lower())
    term = next((t for t in q.terms if t.stem == wanted), None)
    if term is None or term.in_corpus or term.synonyms or term.scene:
        return None
    own, broader = kinds(thing.lower())
    if any(corpus.get(s, 0) for s in own | broader | narrower(thing)):
        return None
    return f"nothing in them mentions “{term.word}”, nor anything of its kind"


def first_reason(q: QuestionProfile, kept: dict[str, float]) -> str | None:
    """The reason of the first kept rule that fires, in the order of RULES."""
    for name, rule in RULES.items():
        if name in kept and (reason := rule(q, kept[name])):
            return reason
    return None
