"""What shape of answer a question wants: an overview, a comparison, a yes or no, or a fact.

A list of small named rules over general English question forms, each returning its
reason; the first that fires decides. None of them knows a corpus: they look at how the
question is asked ("Give me an overview", "How do ... differ", "Is ...?"), never at what
it is about. The shape decides how `qa.answer.compose` lays the answer out; which
sentences are evidence at all stays the selection's job.

Hand-written: no packaged model classifies question forms, and these forms are few and
closed (English has a handful of ways to ask for a summary or a comparison).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from qa.sections import DOCUMENT_TYPES, NUMBERED
from qa.sentences import sentence_spans
from qa.text import POSSESSIVE, STOPWORDS, TIME_UNIT, YEAR, has_digit, whole_word_spans, words
from qa.thesaurus import parts_of_speech

OVERVIEW, COMPARISON, YES_NO, FACTOID = "overview", "comparison", "yes_no", "factoid"

# Words that point at the documents themselves, not at anything in them: "these
# documents", "the corpus", "this piece". General English nouns for a text.
DOCUMENT_NOUNS = {
    "document", "documents", "doc", "docs", "corpus", "text", "texts", "article", "articles",
    "piece", "pieces", "file", "files", "paper", "papers", "collection", "source", "sources",
    "material", "materials", "page", "pages", "report", "reports", "story", "stories",
    "content", "contents", "everything", "all", "it", "they", "them", "this", "these", "those",
}  # fmt: skip
# The words of the request itself ("give me an overview of"), not of its topic.
_REQUEST_WORDS = {
    "give", "me", "us", "an", "a", "the", "overview", "summary", "summarise", "summarize",
    "rundown", "run-down", "version", "couple", "sentence", "paragraphs", "single",
    "summarised", "summarized", "sum", "up", "gist", "outline", "recap", "brief", "briefly",
    "main", "key", "points", "point", "ideas", "idea", "topics", "topic", "themes", "theme",
    "what", "is", "are", "was", "were", "about", "of", "on", "please", "can", "could", "you",
    "say", "says", "said", "do", "does", "cover", "covers", "discuss", "discusses", "tell",
    "short", "quick", "general", "high", "level", "high-level", "in", "nutshell", "whole",
    "few", "lines", "line", "words", "sentences", "paragraph", "for", "overall", "most",
    "important", "outcome", "outcomes", "finding", "findings", "result", "results",
    "decision", "decisions", "conclusion", "conclusions", "takeaway", "takeaways",
    "highlight", "highlights", "message", "messages", "argument", "arguments", "change",
    "changes", "feature", "features", "issue", "issues", "subjects", "subject", "areas",
    "area", "things", "address", "talk", "deal", "with", "contain", "what's", "whats",
}  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """The shape of answer a question wants, and why."""

    name: str  # OVERVIEW | COMPARISON | YES_NO | FACTOID
    reason: str
    topic: str = ""  # overview: what to summarise ("" = the documents as a whole)
    sides: tuple[str, ...] = field(default=())  # comparison: the things compared, if named
    # a summary or comparison asked in a softer form ("in short", "What is X?", "Do both
    # articles ...?"): its answering the fitted answerer judges like a fact's (the other
    # summaries and comparisons are always answered: `always_answered`)
    judged: bool = False
    # overview: the words that say WHAT is summarised ("the user guide", "this agreement"),
    # where a document may be named by its title (qa.answer.compose.named_documents)
    source: str = ""
    # overview: what a document covers is asked ("What does the handbook cover?", "What
    # topics does the page cover?"): its sections' headings are listed with the summary
    contents: bool = False


KindRule = Callable[[str], Kind | None]

# What a summary is asked for as: "the main points", "the key outcomes", "the main
# benefits". General English nouns for the parts of a gist, not for any subject.
_GIST_NOUNS = (
    r"points?|ideas?|topics?|themes?|outcomes?|findings?|results?|decisions?|conclusions?|"
    r"takeaways?|highlights?|messages?|arguments?|changes?|features?|issues?"
)
_SUMMARY_WORDS = re.compile(
    r"\b(?:overview|summary|summari[sz]e[ds]?|sum(?:med)? up|gist|outline|recap|tl;?dr|"
    r"run-?down|(?<=me )(?:the|a) (?:short|quick|brief) version|"
    r"in a nutshell|(?:main|key) (?:points?|ideas?|topics?|themes?))\b",
    re.I,
)
# "In a few words", "in a couple of lines", "in two sentences", "in a paragraph": a length
# of the answer; not "in two words" or "in one line", which also say where a thing is.
_IN_A_FEW = (
    r"in (?:a few|a couple of) (?:words|lines|sentences|paragraphs)"
    r"|in (?:a|one|a single|two|three|\d) (?:sentences?|paragraphs?)"
)
# A request for brevity after the question: "..., in a couple of sentences?", "..., briefly?"
_BRIEFLY = re.compile(
    rf"[,;:(\s-]+(?:{_IN_A_FEW}|briefly|in short|in brief|in a nutshell)\W*$", re.I
)
# Softer ways to ask for one: "in short", "the main findings", "the key benefits".
_SUMMARY_HINTS = re.compile(
    rf"\b(?:in short|in brief|{_IN_A_FEW}|"
    rf"(?:main|key|most important) (?:[\w-]+ )?(?:{_GIST_NOUNS}))\b",
    re.I,
)
_SAID_ABOUT = re.compile(
    r"\bwhat\s+(?P<source>.{1,60}?)\s(?:say|says|said|write|writes|wrote|report|reports|reported)\s+"
    r"(?:about|on|regarding)\s+(?P<topic>.+?)\W*$",
    re.I,
)
# ("all about": "what was the chat all about?"; a sentence adverb may stand before the
# verb or close the question: "..., basically?"; and, of a document, the verbs of a study:
# "What did the study look at?", "What does the report examine?", "What's this study
# actually testing?")
_ADVERB = r"(?:basically|really|exactly|actually|then)"
_STUDY = ("look at", "look into", "examine", "investigate", "explore", "study", "focus on", "test")


def _ing(phrase: str) -> str:
    """A verb phrase's present participle: "look at" -> "looking at", "examine" ->
    "examining" (English drops a final silent "e" before "-ing")."""
    verb, _, rest = phrase.partition(" ")
    stem_ = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    return f"{stem_}ing {rest}".rstrip()


_STUDY_VERBS = "|".join(_STUDY)
_STUDYING = "|".join(_ing(v) for v in _STUDY)
_ABOUT_WHAT = re.compile(
    rf"^\W*what(?:'s|’s| is| are| was| were) (?P<topic>.{{1,80}}?) (?:{_ADVERB} )?(?:all )?about"
    rf"(?:,?\s+{_ADVERB})?\W*$"
    rf"|^\W*what (?:(?:topics?|subjects?|themes?|areas?|issues?|things?) )?(?:do|does|did) "
    rf"(?P<topic2>.{{1,80}}?) (?:{_ADVERB} )?(?:cover|discuss|contain|deal with|address|"
    rf"talk about|(?P<studies>{_STUDY_VERBS}))(?:,?\s+{_ADVERB})?\W*$"
    rf"|^\W*what(?:'s|’s| is| are| was| were) (?P<topic3>.{{1,80}}?) (?:{_ADVERB} )?"
    rf"(?P<studying>{_STUDYING})(?:,?\s+{_ADVERB})?\W*$",
    re.I,
)
_SAYS_ABOUT = re.compile(
    r"^\W*(?:what|how) (?:do|does|did) (?P<source>.{1,60}?) (?:say|says|write|report|tell us) "
    r"(?:about|on|regarding) (?P<topic>.+?)\W*$",
    re.I,
)


# "What are the rules for X?", "What are the different ways to X?": a request for the
# several things a document lays down on X (general English plural nouns of a list).
_LIST_OF = re.compile(
    r"^\W*what (?:are|were) the (?:(?:main|different|various|general|basic) )?"
    r"(?:rules|guidelines|ways|kinds|types|modes|options|methods|steps|requirements) "
    r"(?:(?:for|on|about|regarding|of|to|in which|that)\s+)?(?P<topic>.{1,80}?)\W*$",
    re.I,
)
# "What is Acme Sync?", "What is X-200?": a name asked to be explained (every word of it
# capitalised or with a digit in it), not "What is the notice period?".
_WHAT_IS_NAME = re.compile(
    r"^\W*(?i:what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:an?\s+|the\s+)?)"
    r"(?P<name>(?:[A-Z][\w-]*|(?=[\w-]*\d)[\w-]+)(?:\s+(?:[A-Z][\w-]*|(?=[\w-]*\d)[\w-]+)){0,2})\W*$",
)


# What a clause after a request for a summary says is summarised: "(of) what this
# document (actually) covers", "what's in the newsletter", "what the minutes are about",
# "of this leaflet".
_WHAT_IT_HOLDS = re.compile(
    rf"^\W*(?:of\s+)?(?:what(?:'s|’s|\s+is|\s+are|\s+was|\s+were)?\s+(?:in\s+)?)?"
    rf"(?P<doc>[^?,;]{{1,60}}?)(?:\s+{_ADVERB})?(?:\s+(?:covers?|covered|contains?|says?|said|"
    rf"(?:is|are|was|were) (?:all )?about|talks? about|deals? with))?\W*$",
    re.I,
)


# "what is", "what's", "what were": a question that asks what something is.
_WHAT_BE = r"what(?:'s|’s|\s+(?:is|are|was|were))"
# "What is this event", "what's the plan", "what are these": the subject of such a question.
_WHAT_IS = re.compile(rf"^\W*{_WHAT_BE}\s+(?P<subject>[^,;:?]+?)[\s,;:(-]*$", re.I)


# A summary as a thing the documents hold or speak of ("the summary", "an overview"), not a
# request for one ("summarise", "sum up", "in a nutshell")
_SUMMARY_NOUN = re.compile(r"overview|summary|gist|outline|recap|run-?down", re.I)
# A question that asks for a fact of something: who, when, where, which, why or how
# (past a greeting or a lead-in: "hi, who wrote the summary?"; not "how about a recap?")
_ASKS_A_FACT_OF = re.compile(r"(?:who|whom|whose|when|where|which|why|how(?!\s+about))\b", re.I)


def asks_for_a_summary(question: str) -> Kind | None:
    """ "Give me an overview", "Summarize what X says about Y", "the main findings in short".
    Not a question that asks a fact of a summary the documents hold: "Who is sending round
    the summary of the lift consultation?" asks for a person, "When is the overview
    published?" for a date."""
    asked = _SUMMARY_WORDS.search(question) or _SUMMARY_HINTS.search(question)
    if not asked:
        return None
    if _SUMMARY_NOUN.fullmatch(asked.group()) and _ASKS_A_FACT_OF.match(_past_lead_ins(question)):
        return None
    # "Summarize what the contract says about payment": the topic is what follows.
    said = _SAID_ABOUT.search(question)
    topic = _topic(said.group("topic") if said else _past_a_greeting(question, asked.start()))
    source = said.group("source") if said else question[asked.end() :]
    # "What is this event, in a nutshell?": the request for brevity closes the question, so
    # what is summarised is what the question before it asks about ("this event")
    if not said and not words(source) and (what := _WHAT_IS.match(question[: asked.start()])):
        source = what["subject"]
    # "the gist of what this document covers", "sum up what's in the newsletter": the
    # document the clause names is what is summarised, not a topic in it
    if not said and (of := _WHAT_IT_HOLDS.match(source)) and _is_a_document(of["doc"]):
        topic, source = _topic(of["doc"]), of["doc"]  # "sum up this report", too
    return Kind(
        OVERVIEW, "asks for a summary or an overview", topic=topic, source=source,
        judged=not _SUMMARY_WORDS.search(question),
    )  # fmt: skip


def _past_a_greeting(question: str, asked: int) -> str:
    """The question past a greeting or a remark that leads in to the request at `asked`
    ("hi - can you summarise ...", "Quick question: ..."): a lead-in of one or two words,
    no figure in them, names no topic ("hi" had pulled the summary of a quote to "I look
    forward to working with you"). A longer lead-in or one with a figure sets the scene
    ("In 2024, ...") and stays."""
    lead = _LEAD_INS.match(question)
    if lead is None or lead.end() > asked:
        return question
    said = words(question[: lead.end()])
    if len(said) > 2 or any(has_digit(w) for w in said):
        return question
    return question[lead.end() :]


def asks_what_it_is_about(question: str) -> Kind | None:
    """ "What is this corpus about?", "What does the second report cover?" """
    if not (m := _ABOUT_WHAT.search(question)):
        return None
    subject = m.group("topic") or m.group("topic2") or m.group("topic3") or ""
    studies = m.group("studies") or m.group("studying")
    if studies and (_POINTER.fullmatch(subject) or not _is_a_document(subject)):
        return None  # "What did the inspector look at?", "What did they look at?": a fact
    # "What does the handbook cover?": a document's sections answer too; not "What does
    # the warranty cover?", where the warranty is a topic in the documents.
    covers = m.group("topic2") is not None and _is_a_document(subject)
    if _is_the_documents(subject):
        return Kind(OVERVIEW, "asks what the documents are about", contents=covers)
    return Kind(
        OVERVIEW, "asks what something is about", topic=_topic(subject), source=subject,
        contents=covers,
    )  # fmt: skip


# "What are these documents?", "What is this?", "What is the changelog?": the texts
# themselves, or one of them named by its kind, asked to be explained.
_DETERMINERS = {"this", "these", "that", "those", "the", "all"}
_WHAT_IS_THIS = re.compile(
    rf"^\W*{_WHAT_BE}\s+"
    rf"(?P<phrase>(?:{'|'.join(sorted(_DETERMINERS))})(?:\s+[\w'’-]+){{0,3}}?)\W*$",
    re.I,
)


# "What job is this ad for?", "Which product is this manual about?": the thing that the
# document being read is written for, which its title and opening name. Pointed at with
# "this" or "these" only: "What amount is the statement for?" asks a fact of a document
# that may not be there.
_WHAT_FOR = re.compile(
    r"^\W*+(?:what|which)\s+(?P<thing>[\w-]+(?:\s+[\w-]+)?)\s+(?:is|are|was|were)\s+"
    r"(?P<phrase>(?:this|these)\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:for|about)\W*$",
    re.I,
)


def asks_what_a_document_is_for(question: str) -> Kind | None:
    """ "What job is this ad for?": the overview of the documents being read, which opens
    with the title. The thing asked ("job") is its topic, so that in a question of two
    parts ("What job is this ad for, and what does it pay?") the second is answered too."""
    m = _WHAT_FOR.search(question)
    if not m or not _names_a_kind_of_document(words(m["phrase"])[-1]):
        return None
    return Kind(OVERVIEW, "asks what a document is for", topic=m["thing"], source=m["phrase"])


def asks_what_the_documents_are(question: str) -> Kind | None:
    """ "What are these documents?" (an overview of them all, always answered); "What is
    the changelog?" (that document's overview, which the fitted answerer judges: no
    document may be of that kind)."""
    if not (m := _WHAT_IS_THIS.search(question)):
        return None
    phrase = m["phrase"]
    if any(w.lower() in STOPWORDS - _DETERMINERS for w in words(phrase)):
        return None  # "the title of section 5", "the fee for ...": a thing of a document
    if _is_the_documents(phrase):
        return Kind(OVERVIEW, "asks what the documents are")
    if _names_a_kind_of_document(words(phrase)[-1]):  # its head noun, not "the release date"
        return Kind(
            OVERVIEW, "asks what a document is", topic=_topic(phrase), source=phrase, judged=True
        )
    return None


# What a document is for, or what it tells its reader, asked of the document itself: "what
# is this agreement (actually) for?", "what's the purpose of this letter?", "what does this
# letter say?", "what is this letter telling us?", "(can you) explain what this page
# covers". The verbs and nouns are general English; the phrase's head must name a kind of
# document (`_is_a_document`): "What is the deposit for?" asks a fact.
def _document_phrase(n: int) -> str:
    return rf"(?P<phrase{n}>(?:{'|'.join(sorted(_DETERMINERS))})(?:\s+[\w'’-]+){{1,3}}?)"


_WHAT_IT_TELLS = re.compile(
    rf"^\W*{_WHAT_BE}\s+{_document_phrase(1)}(?:\s+{_ADVERB})?"
    r"\s+(?:for|(?:telling|saying)(?:\s+(?:us|me))?)\W*$"
    rf"|^\W*what(?:'s|’s|\s+is)\s+the\s+(?:purpose|point|aim)\s+of\s+{_document_phrase(2)}\W*$"
    rf"|^\W*what\s+(?:do|does|did)\s+{_document_phrase(3)}(?:\s+{_ADVERB})?"
    r"\s+(?:say|tell\s+(?:us|me)|mean(?:\s+for\s+(?:us|me))?)\W*$"
    rf"|\bexplain\s+(?:to\s+me\s+)?what\s+{_document_phrase(4)}(?:\s+{_ADVERB})?"
    r"\s+(?:covers|says|means|is\s+(?:about|for))\W*$",
    re.I,
)


def asks_what_a_document_tells(question: str) -> Kind | None:
    """ "What is this agreement for?", "What does this letter say?": the overview of the
    document pointed at or named by its kind, as "What is this document about?" asks."""
    m = _WHAT_IT_TELLS.search(question)
    if m is None:
        return None
    phrase = next(p for p in m.groups() if p)
    if _is_the_documents(phrase):
        return Kind(OVERVIEW, "asks what the documents tell")
    if not _is_a_document(phrase):
        return None
    return Kind(OVERVIEW, "asks what a document tells", topic=_topic(phrase), source=phrase)


# "What's in the newsletter?", "what is in these notices", "what's in the latest letter?":
# what a document holds, asked of the document named by its kind. Not "What's in the box?",
# a fact the documents may state; nor "What's in the letter from the school?", which of
# two letters the retrieval tells (a reviewer's two letters: the summary of the
# documents a topic is found in took the other).
# So too "What's on the pool page?", "What info does the leaflet give me?": what the
# document holds, in other general English words, of a document named by its kind (not
# "What's on it?" nor "What information does it give?", a follow-up's pronoun), and of
# the whole document, not a place in it ("What's on page 2 of the report?", "What's on the
# back page?": a figure, "of", or an ordinal or a position, closed classes of English).
_WHAT_IS_IN = re.compile(
    rf"^\W*{_WHAT_BE}\s+(?P<preposition>in|inside|on)\s+(?P<phrase>[^?,;:]{{1,60}}?)\W*$"
    r"|^\W*what\s+(?:sort\s+of\s+|kind\s+of\s+)?(?:info|information|details?)\s+(?:do|does|did)\s+"
    r"(?P<given>[^?,;:]{1,60}?)\s+(?:give|have|hold|offer|provide)(?:\s+(?:me|us|you))?\W*$",
    re.I,
)
_A_PLACE_IN_IT = re.compile(
    r"\d|\bof\b|\b(?:first|second|third|last|final|next|previous|back|front|top|bottom|"
    r"opening|closing)\b",
    re.I,
)


def asks_what_a_document_holds(question: str) -> Kind | None:
    """ "What's in the newsletter?", "What's on the pool page?", "What info does the
    leaflet give?": the document's overview, and its sections."""
    if not (m := _WHAT_IS_IN.search(question)):
        return None
    phrase = m["phrase"] or m["given"]
    named = m["given"] or m["preposition"].lower() == "on"
    pronoun = all(w.lower() in STOPWORDS for w in words(phrase))  # "What's on it?"
    if named and (pronoun or _A_PLACE_IN_IT.search(phrase)):
        return None
    if _is_the_documents(phrase):
        return Kind(OVERVIEW, "asks what the documents hold", contents=True)
    if not _is_a_document(phrase):
        return None
    return Kind(
        OVERVIEW, "asks what a document holds", topic=_topic(phrase), source=phrase, contents=True
    )


def asks_what_documents_say(question: str) -> Kind | None:
    """ "What do the documents say about Y?", "What does the agreement say about X?" """
    if not (m := _SAYS_ABOUT.search(question)):
        return None
    topic = _topic(m["topic"])
    if _is_the_documents(m.group("source")):
        return Kind(OVERVIEW, "asks what the documents say about a topic", topic)
    if _names_a_kind_of_document(m["source"]):
        return Kind(
            OVERVIEW, "asks what a document says about a topic", topic, m["source"], judged=True
        )
    return None


def asks_for_a_list(question: str) -> Kind | None:
    """ "What are the rules for X?": the several things a document lays down on X."""
    if not (m := _LIST_OF.search(question)):
        return None
    return Kind(
        OVERVIEW, "asks for the several things said on a topic", _topic(m["topic"]), judged=True
    )


def asks_what_a_name_is(question: str) -> Kind | None:
    """ "What is Acme Sync?": a named thing to be explained."""
    if not (m := _WHAT_IS_NAME.search(question)):
        return None
    return Kind(
        OVERVIEW, "asks what a named thing is", topic=m["name"], source=m["name"], judged=True
    )


# In this order: the first that fires decides (a summary request naming a source is a
# summary, not "what does X say").
OVERVIEW_RULES: list[KindRule] = [
    asks_for_a_summary,
    asks_what_it_is_about,
    asks_what_the_documents_are,
    asks_what_a_document_is_for,
    asks_what_a_document_tells,
    asks_what_a_document_holds,
    asks_what_documents_say,
    asks_for_a_list,
    asks_what_a_name_is,
]


def asks_for_an_overview(question: str) -> Kind | None:
    """The first overview form that fires (OVERVIEW_RULES), if any; or the overview of
    the documents that the first of the questions it joins asks for ("What is this file
    about, and what does the tool do?": the overview answers what the second part asks
    of the whole). Not a judged form, nor one with a topic: "What is Respira-V, and how
    did it sell?" and "What is the newsletter about, and when is sports day?" ask for
    facts, which the answer to a question of several parts gives."""
    brief = _BRIEFLY.search(question)  # "What's this paper about, in a couple of sentences?"
    if brief and (kind := _overview_form(question[: brief.start()])):
        return kind
    if kind := _overview_form(question):
        return kind
    parts = question_parts(question)
    kind = _overview_form(parts[0]) if len(parts) > 1 else None
    whole = kind is not None and not kind.judged and not kind.topic
    return kind if whole else None


def _overview_form(question: str) -> Kind | None:
    return _first_kind(OVERVIEW_RULES, question)


# English's possessive determiners, which open a noun phrase ("my kids", "their pads").
_POSSESSIVE = "my|our|your|their|his|her|its"

_COMPARE = re.compile(
    r"\b(?:compare[ds]?|comparing|comparison|contrast(?:s|ed|ing)?|differ(?:s|ed|ence|ences)?|"
    r"different(?= (?:from|to|than|in|between)\b|\W*$)|versus|vs\.?|in common|"
    r"similarit(?:y|ies)|(?:dis)?agree(?:s|d)? (?:on|about|with|that)|(?:same|different) (?:view|account|story|position)s?)\b",
    re.I,
)
_SIDES = re.compile(
    r"\b(?:between|compare|comparing|contrast)\s+(?P<a>.+?)\s+(?:and|with|to|versus|vs\.?)\s+"
    r"(?P<b>.+?)(?:\s+(?:on|about|regarding|in|when it comes to)\b.*)?\W*$"
    r"|^\W*(?:how|in what way) (?:does|do|did) (?P<c>.+?) (?:differ|compare) (?:from|to|with)\s+"
    r"(?P<d>.+?)(?:\s+(?:on|about|regarding|in)\b.*)?\W*$"
    # "how worn are the front pads compared with the back ones?": the subject of "be", a
    # noun phrase that a determiner opens, then "compared with" (or "to") the other (not
    # "can the ferry take compared with ...": the verb after it is the question's)
    rf"|\b(?:is|are|was|were)\s+(?P<e>(?:the|{_POSSESSIVE}|this|these|that|those)"
    r"(?:\s+(?!(?:compared|is|are|was|were|has|have|had|do|does|did)\b)[\w'’-]+){1,4}?)"
    r",?\s+(?:as\s+)?compared\s+(?:with|to|against)\s+"
    r"(?P<f>[^,]+?)(?:\s+(?:on|about|regarding|in)\b.*)?\W*$"
    # "main pool vs learner pool - what's the difference?": the two things set against
    # each other by "vs" or "versus" before the question proper
    # (not where an auxiliary or a wh-word opens the question: "Is X better vs Y?")
    r"|^\W*(?!(?:is|are|was|were|do|does|did|can|could|should|would|will|which|what|how|who"
    r"|where|when|why)\b)(?P<g>[^,:?]{1,50}?)\s+(?:vs\.?|versus)\s+(?P<h>[^,:?]{1,50}?)"
    r"\s*(?:\s[-–—]\s.*|[,:?].*)?$",
    re.I,
)


# "Do both articles ...", "How does each document ...", "the two reports", "in either
# piece": a question put to several documents at once (qa.answer.compose.compare keeps a
# comparison to the documents it names so).
ACROSS = re.compile(
    r"\b(?:both|each|either|the two|all (?:the )?(?:two|three))\s+(?:of (?:the|these)\s+)?"
    rf"(?:(?:{_POSSESSIVE})\s+)?(?P<noun>[\w-]+)",  # "both my kids": kids
    re.I,
)


# "How did X change between A and B?", "What changed from version 1 to 2?"
_CHANGE = re.compile(
    r"\bchang(?:e|es|ed|ing)\b.*?\b(?:between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)|from\s+(?P<c>.+?)"
    r"\s+to\s+(?P<d>.+?)|between\s+(?:the\s+two|both)\s+\w+)\W*$",
    re.I,
)
# A choice between two things by a comparative: "Which costs more: A, or B?",
# "Is it faster on A or on B?". The comparatives are general English.
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|longer|shorter|faster|slower|quicker|sooner|higher|lower|bigger|"
    r"smaller|larger|greater|earlier|later|cheaper|dearer|better|worse|stronger|weaker|older|"
    r"newer|wider|narrower|heavier|lighter|stricter|first)\b",
    re.I,
)
_CHOICE = re.compile(r"^(?P<a>.+?),?\s+or\s+(?P<b>.+?)\W*$", re.I)


def asks_across_documents(question: str) -> Kind | None:
    """ "Do both pieces say ...?", "How does each article explain ...?": each document's
    account, side by side."""
    m = ACROSS.search(question)
    if m and _is_the_documents(m.group("noun")) and m.group("noun").lower() not in _NUMERALS:
        return Kind(COMPARISON, "asks what each of several documents says", judged=True)
    return None


def asks_how_something_changed(question: str) -> Kind | None:
    """ "How did the plan change between the first and the second draft?": the account
    at each end."""
    m = _CHANGE.search(question)
    if not m:
        return None
    a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    sides = tuple(x.strip(" ?.!,") for x in (a, b) if x)
    if len(sides) < 2 or any(_is_the_documents(x) for x in sides):
        sides = ()
    return Kind(COMPARISON, "asks how something changed", sides=sides, judged=True)


def asks_to_choose(question: str) -> Kind | None:
    """ "Which costs more: A, or B?": each option's account, side by side."""
    if not _COMPARATIVE.search(question) or re.search(r"\bor not\b", question, re.I):
        return None
    body = question.split(":", 1)[1] if ":" in question else question
    m = _CHOICE.match(body.strip())
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    if ":" not in question:
        # "Which saves more, a hosepipe ban or ...": the option after the comma that follows
        # the comparative (not "1,500", nor "For a family of four, is it cheaper to fly");
        # "faster on a small or a large order": the tail, as long as the other option
        comma = a.rfind(", ")
        if comma > 0 and _COMPARATIVE.search(a[:comma]):
            a = a[comma + 2 :]
        else:
            a = " ".join(a.split()[-max(len(b.split()), 1) :])
    return Kind(
        COMPARISON, "asks to choose between two things", sides=(a.strip(), b.strip()), judged=True
    )


def asks_for_a_comparison(question: str) -> Kind | None:
    """ "How do the two articles differ on X?", "Compare X and Y", "X versus Y"."""
    if not _COMPARE.search(question):
        # Asked in another form ("Do both articles ...?", "How did X change between A and
        # B?", "Which is longer: A, or B?"): quoted side by side, but the fitted answerer
        # judges whether to answer. Always answered, these forms turned dev abstentions into
        # wrong answers: LOCO CRAG fell on three of four corpora (2026-12-02).
        for rule in (asks_across_documents, asks_how_something_changed, asks_to_choose):
            if kind := rule(question):
                return kind
        return None
    sides: tuple[str, ...] = ()
    if m := _SIDES.search(question):
        a, b = next((m[x], m[y]) for x, y in ("ab", "cd", "ef", "gh") if m[x])
        named = tuple(s.strip(" ?.!,") for s in (a, b))
        # "the two articles", "both documents": the sides are the documents themselves; "the
        # fee compared with last year": a time, not a second thing; "the new plan compared
        # with the old one cheaper": the question goes on past the second side
        if not any(_is_the_documents(s) for s in named) and not (
            m["f"] and (_a_time(m["f"]) or _goes_on(m["f"]))
        ):
            sides = named
    return Kind(COMPARISON, "asks how accounts compare or differ", sides=sides)


# The words that open the noun phrase of a thing asked for ("a", "any", "my own"): English's
# articles, quantifiers and possessives.
_OPENS_A_THING = frozenset({"a", "an", "the", "some", "any", "my", "our", "your", "their", "own"})


# What a yes/no question asks whether the documents offer: the noun phrase after English's
# existential "there" ("Is there a campsite near the start?", "Are there any public
# toilets?", "Will there be a bar?"), or after a verb of having, offering or getting ("Do
# you have a car park?", "Does the nursery offer a discount?", "Can I borrow e-books?"), at
# the start of the question or of a clause in it ("hi, quick one - is there ..."). Two
# kinds: whether the documents offer the thing (`offered`: "Is there a gym?", "Can I hire a
# bike?") and whether the asker may have or bring it ("Can I bring my dog?", "Can we have
# fireworks?"). The verbs are a closed list of general English, not any corpus's words.
_TO_EXIST = re.compile(
    r"(?:^\W*|[,;:!?.–—-]\s*|\b(?:and|but|so)\s+)"
    r"(?:(?P<there>(?:is|are|was|were|will)\s+there(?:\s+be)?)"
    r"|(?:do|does|did|will|would|can|could)\s+(?:the\s+)?(?!(?:i|we)\s)[\w'’-]+\s+"
    r"(?P<has>have|offer|provide|sell|stock|run|do|get)"
    r"|(?:do|does|did|will|would|can|could|may)\s+(?:i|we)\s+"
    r"(?:(?P<gets>get|book|borrow|hire|rent|buy|order)|have|bring|use))"
    rf"\s+(?:(?:{'|'.join(sorted(_OPENS_A_THING))})\s+)*"
    r"(?P<phrase>[\w'’-]+(?:\s+[\w'’-]+){0,7})",
    re.I,
)
# The particles of English's phrasal verbs that WordNet also reads as nouns, closing the
# verb's object ("get my travel money back"), a closed class.
_PARTICLES = frozenset({"back", "away", "together", "apart", "aside", "forward", "round"})


def asks_if_offered(text: str) -> bool:
    """Does the yes/no question ask whether the documents offer a thing (`_TO_EXIST`'s
    first kind), not whether the asker may have or bring it?"""
    m = _TO_EXIST.search(text)
    return m is not None and bool(m["there"] or m["has"] or m["gets"])


def things_asked_to_exist(text: str) -> list[list[str]]:
    """The noun phrases of what a yes/no question asks whether the documents offer
    (`_TO_EXIST`), one per thing it joins by "or" ("a sauna or steam room" -> [sauna],
    [steam, room]), each the run of nouns and adjectives that opens it, to its last word
    that can be a noun (its head: "public toilets at the car park" -> [public, toilets]); a
    word WordNet does not list counts as a noun ("e-books"). Of a measure, what it is of
    ("a glass of wine" -> [wine]). Read by `compose.weigh`, which takes no side on a
    sentence that speaks of none of them.

    Tried in session 39 and not kept as the question's focus for the fitted decision
    (`question._focus`): dev LOCO (`python -m evals.decision_lab`) .686 / .548 / .526 /
    .396 -> .679 / .529 / .526 / .393."""
    m = _TO_EXIST.search(text)
    if m is None:
        return []
    found = []
    said = m["phrase"].split()
    while said:
        if len(said) > 2 and said[1].lower() == "of":  # "a glass of wine"
            said = [w for w in said[2:] if w.lower() not in _OPENS_A_THING]
        phrase, rest = _noun_phrase(said)
        if not phrase:
            break
        found.append(phrase)
        if not rest or rest[0].lower() != "or":
            break
        said = list(itertools.dropwhile(lambda w: w.lower() in _OPENS_A_THING, rest[1:]))
    return found


def _noun_phrase(said: list[str]) -> tuple[list[str], list[str]]:
    """The run of nouns and adjectives that opens `said`, to its last word that can be a
    noun, and the words after it."""
    head = -1
    for i, w in enumerate(said):
        lw = w.lower()
        read = parts_of_speech(lw)
        if lw in STOPWORDS or lw in _STANDS_FOR_A_NOUN or (read and not read & {"n", "a", "s"}):
            break
        if head >= 0 and lw in _PARTICLES:
            break  # the verb's particle after its object: "get my travel money back"
        if not read or "n" in read:
            head = i
        elif head >= 0:
            break  # an adjective after the noun begins something else
    return said[: head + 1], said[head + 1 :]


# Pronouns that stand for a thing named elsewhere or for none ("Is there one for downloads
# too?", "Is there anything for children?", "can I bring mine?"), which WordNet also lists
# as nouns: no thing the question names (English's indefinite and possessive pronouns,
# closed classes).
_STANDS_FOR_A_NOUN = frozenset({
    "one", "ones", "anything", "something", "everything", "nothing", "anyone", "someone",
    "everyone", "anybody", "somebody", "everybody", "anywhere", "somewhere", "everywhere",
    "mine", "yours", "ours", "theirs", "hers", "his",
})  # fmt: skip


# English's auxiliary verbs, which open a question that asks whether, and its wh-words.
AUXILIARIES = (
    r"is|are|was|were|am|do|does|did|can|cannot|could|may|might|must|shall|should|will|would|"
    r"has|have|had|(?:is|are|was|were|does|do|did|ca|wo|sha|could|should|would|must|might|need"
    r"|has|have|had)n['’]t"
)
WH_WORDS = r"how|what|which|who|whom|whose|when|where|why"
_AUXILIARY = re.compile(rf"^\W*(?:{AUXILIARIES})\b", re.I)
_REQUEST = re.compile(
    r"^\W*(?:can|could|would|will) you\b|^\W*(?:do|does) (?:anyone|anybody) know\b", re.I
)


def asks_yes_or_no(question: str) -> Kind | None:
    """A question that opens with an auxiliary verb ("Is ...?", "Did ...?") asks whether
    something holds; not a request ("Can you list ...") and not a choice ("Can I pay by card
    or cash?"). Whether the documents offer one thing or another asks whether they offer
    either ("Does the centre have a sauna or steam room?": `asks_if_offered`)."""
    if not _AUXILIARY.search(question) or _REQUEST.search(question):
        return None
    if (
        re.search(r"\bor\b", question, re.I)
        and not re.search(r"\bor not\b", question, re.I)
        and not asks_if_offered(question)
    ):
        return None
    return Kind(YES_NO, "asks whether something holds (opens with an auxiliary verb)")


RULES: list[KindRule] = [asks_for_an_overview, asks_for_a_comparison, asks_yes_or_no]


# "Who signs X, and is there a deadline for Y?": a second question joined by "and" (or a
# semicolon), opening with a wh-word or an auxiliary verb of its own.
_SECOND_QUESTION = re.compile(
    r"(?:,?\s+and|;)\s+(?=(?:(?:in|since|from|for|at|on|by|to|until) )?(?:what|which|who|whom|"
    r"whose|where|when|why|how|is|are|was|were|do|does|did|can|could|should|must|will|would|"
    r"has|have)\b)",
    re.I,
)
# A sentence that asks: it opens with a wh-word or an auxiliary ("And when ...?"); also
# what tells a question's scene from its asking part (`question._scene_spans`).
ASKS = re.compile(rf"^\W*(?:(?:and|but|so|then|also)\s+)?(?:{WH_WORDS}|{AUXILIARIES})\b", re.I)


def _asks(text: str) -> bool:
    """The text's last sentence (as documents are split: `qa.sentences`) asks a question
    of its own (see `ASKS`)."""
    text = text.strip()
    spans = sentence_spans(text)
    last = text[spans[-1][0] : spans[-1][1]] if spans else text
    return last.endswith("?") and bool(ASKS.match(last))


def question_parts(question: str) -> list[str]:
    """The questions a question joins: "What do I need for X, and when does it start?",
    "Did the motion pass? What was the vote?" -> two parts. One part when nothing is
    joined. A sentence after a question mark is a part of its own only where it and the
    one before both ask ("Who do I call? When I called, nobody answered." is one; "Sorry,
    one more thing? Is it heated?" too).

    Tried in session 50 and not kept: a second sentence asking after a statement and a
    dash ("How many coins do we start with? Someone said the later players get a bit extra
    - how much?") as a part of its own. No eval question has that form (`corpus-qa eval
    --loco`: no outcome changed); on the probe that asked it, the part alone was answered
    from another document ("buy up to 5 extra days of leave"), the first part still with
    the second's sentence."""
    asked: list[str] = []
    for piece in re.split(r"(?<=\?)\s+", question.strip()):
        if asked and not (_asks(asked[-1]) and _asks(piece)):
            asked[-1] = f"{asked[-1]} {piece}"
        else:
            asked.append(piece)
    return [
        p.strip(" ,;?") for text in asked for p in _SECOND_QUESTION.split(text) if p.strip(" ,;?")
    ]


def _a_time(phrase: str) -> bool:
    """ "last year", "a month ago", "2023", "this time last year", "last month's": a point in
    time, every word of it (not "the 2023 model", nor "the week ticket")."""
    said = [POSSESSIVE.sub("", w) for w in words(phrase) if w.lower() not in STOPWORDS]
    return bool(said) and all(_TIME_WORD.fullmatch(w) for w in said)


# The words of a point in time (general English): units of time, years, and the words
# that place them ("last", "ago", "same").
_TIME_WORD = re.compile(
    rf"{TIME_UNIT}|{YEAR.pattern}|time|today|yesterday|tomorrow|quarter|season|period|ago|"
    r"before|earlier|later|last|previous|next|same|past",
    re.I,
)


def _goes_on(phrase: str) -> bool:
    """The second side runs on into the question's predicate ("the old one cheaper", "the
    deposit so high", "the old one better"): it ends in a word that can be an adjective
    (not "one", which stands for a noun)."""
    said = words(phrase)
    if not said or said[-1].lower() in ("one", "ones"):
        return False
    return bool(parts_of_speech(said[-1].lower()) & {"a", "s"})


def side_questions(question: str, sides: Sequence[str]) -> list[str]:
    """A question of two named sides, asked of each side alone: the question without the
    other side and the word that joins it ("Which counts for more, the skills log or the
    menu plan?" -> "Which counts for more, the skills log?" and "Which counts for more,
    the menu plan?"; "How does zstd compare with lz4 in X?" -> "How does zstd compare in
    X?" and "How does compare with lz4 in X?"). Retrieved and ranked against both sides at
    once, one side's candidates crowd out the other's, as one part's do in a question of
    two parts (`question_parts`). Nothing when the sides are not two, or not both written
    in the question, in order."""
    if len(sides) != 2:
        return []
    found_b = _last_whole(sides[1], question, len(question))
    found_a = _last_whole(sides[0], question, found_b[0]) if found_b else None
    if found_a is None or found_b is None:
        return []
    (a_start, a_end), (b_start, b_end) = found_a, found_b
    between = question[a_end:b_start].split()
    before_b, after_a = list(between), list(between)
    while before_b and _joins(before_b[-1]):
        before_b.pop()
    while after_a and _joins(after_a[0]):
        after_a.pop(0)
    one = for_one(question[b_start:b_end], sides[0])  # "the back ones": "the back pads"
    asked = (
        [question[:a_end], *before_b, question[b_end:]],
        [question[:a_start], *after_a, one + question[b_end:]],
    )
    return [_tidy(" ".join(" ".join(p).split())) for p in asked]


def for_one(side: str, other: str) -> str:
    """The second side with the noun that its "one" or "ones" stands for: the first side's
    head noun, its last content word before any preposition ("the back ones" after "the
    front brake pads" is "the back pads"; after "the front pad on the left", "the back
    pad"; after "the most expensive plan", "the cheapest plan"), so that the side is asked
    of in the documents' words, not a pronoun's."""
    said = side.split()
    phrase = list(itertools.takewhile(lambda w: w.lower() not in _PREPOSITIONS, other.split()))
    head = [w for w in phrase if w.lower() not in STOPWORDS]
    if len(said) > 1 and said[-1].lower() in ("one", "ones") and head:
        return " ".join([*said[:-1], head[-1]])
    return side


# The prepositions that end a noun phrase's head ("the pad on the left"): general English.
_PREPOSITIONS = {"of", "on", "in", "at", "from", "with", "for", "to", "by", "about", "under",
                 "over", "near", "between", "without", "within"}  # fmt: skip


def _last_whole(phrase: str, text: str, before: int) -> tuple[int, int] | None:
    """Where the phrase last stands in `text[:before]` as whole words, any case."""
    found = whole_word_spans(phrase, text[:before])
    return found[-1] if found else None


def _tidy(question: str) -> str:
    """No space before a punctuation mark, nor a closing bracket left without its opening
    one ("the bus or the tram (2024)?" asked of the bus)."""
    question = re.sub(r"\s+([?.!,:;)])", r"\1", question)
    return re.sub(r"\)(?=\W*$)", "", question) if "(" not in question else question


# What joins the two sides of a comparison: conjunctions and prepositions (general English).
_JOINING = {"and", "or", "with", "to", "versus", "vs", "vs.", "from", "against", "than",
            "compared"}  # fmt: skip


def _joins(word: str) -> bool:
    return word.lower() in _JOINING or not any(c.isalnum() for c in word)


def always_answered(kind: Kind) -> bool:
    """Summaries and comparisons draw on whole documents, not on one answering sentence, so
    the fitted answerer (which judges whether a sentence answers) does not refuse them;
    only the forms marked `judged` are left to it."""
    return kind.name in (OVERVIEW, COMPARISON) and not kind.judged


@lru_cache(maxsize=4096)
def question_kind(question: str) -> Kind:
    """The first rule that fires; otherwise a question asking for a fact. Cached: a Kind
    is immutable, and choosing and composing an answer ask for it many times."""
    found = _first_kind(RULES, question) or _past_its_lead_in(question)
    return found or Kind(FACTOID, "asks for a fact")


def _first_kind(rules: Sequence[KindRule], question: str) -> Kind | None:
    """The kind the first of the rules that fires gives the question, if one does."""
    return next((kind for rule in rules if (kind := rule(question))), None)


# Where a question's asking part may follow a lead-in: a phrase closed by a comma, a colon
# or a dash set apart by spaces that holds no wh-word ("In 2024,", "Quick question:",
# "Sorry to bother you,", "hi - ", "I got my PhD in 2016 - "), or a clause of condition or
# time ("When I arrive,"). `question` reads its wh-words past the same lead-ins.
LEAD_IN = rf"(?:(?!\b(?:{WH_WORDS})\b)[^,:?]){{1,60}}(?:[,:]|\s[-–—])\s*"
SCENE_CLAUSE = r"(?:if|when|once|after|before|while|whilst|unless)\b[^,?;]{1,80},\s*"
# a greeting or a remark closed by an exclamation mark, too ("Hi there!")
_LEAD_INS = re.compile(
    rf"^\W*(?:{SCENE_CLAUSE}|{LEAD_IN}|[^!?.,:;\n]{{1,40}}!\s+){{1,2}}(?=\w)", re.I
)
# A lead-in that names a thing (a determiner's noun phrase, a part of a document: "The
# appendix,", "Section 4:"), which "it", "this" or "this section" after it may stand for;
# a greeting or a remark names none ("hey,", "Quick question:").
_NAMES_A_THING = re.compile(
    rf"^\W*(?:(?:the|this|that|these|those|my|our|your|their)\b|(?:{NUMBERED})\s+\S)", re.I
)
# A pronoun or a demonstrative that may stand for a thing ("it", "this", "this section").
_POINTER = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those)\b", re.I)


def _past_lead_ins(question: str) -> str:
    """The question from its asking part on, past a greeting, a remark or a scene clause
    (`_LEAD_INS`), and past the spaces and marks before it."""
    lead = _LEAD_INS.match(question)
    rest = question[lead.end() :] if lead else question
    return rest.lstrip(" \t\n\"'“‘(-")


def _past_its_lead_in(question: str) -> Kind | None:
    """The kind of the question's asking part after a lead-in, where the whole question
    gets none: "hey, what is this document about?" asks for an overview, and "If the
    heating fails, can I claim?" yes or no. Not an overview whose subject may be what the
    lead-in names: "The appendix, what does it cover?" asks about the appendix, not the
    documents as a whole, and "Section 2: what does this section cover?" asks about
    section 2."""
    lead = _LEAD_INS.match(question)
    if lead is None:
        return None
    rest = question[lead.end() :]
    kind = _first_kind(RULES, rest)
    named = _NAMES_A_THING.match(question[: lead.end()]) is not None
    if kind is not None and kind.name == OVERVIEW and named and _POINTER.search(rest):
        return None
    return kind


def is_document_type(word: str) -> bool:
    """ "report", "FAQs", "minutes": a word naming a kind of document; not a two-letter
    acronym ("the AD progression" is no advertisement)."""
    if len(word) <= 2 and word.isupper():
        return False
    return word.lower().rstrip("s") in DOCUMENT_TYPES or word.lower() in DOCUMENT_TYPES


def _names_a_kind_of_document(phrase: str) -> bool:
    """ "the agreement", "these minutes": a phrase naming a kind of document, so that what
    it says about a topic is asked for (a summary), not one fact."""
    return any(is_document_type(w) for w in words(phrase))


def _is_a_document(phrase: str) -> bool:
    """ "the help page", "the staff handbooks", "these documents": the phrase's head
    noun (its last word) is a text or a kind of document."""
    found = words(phrase)
    return bool(found) and (
        _names_a_kind_of_document(found[-1]) or found[-1].lower() in DOCUMENT_NOUNS
    )


def _is_the_documents(phrase: str) -> bool:
    """ "these documents", "the two articles", "this corpus", "it": the texts themselves."""
    content = [
        w.lower()
        for w in words(phrase)
        if w.lower() not in STOPWORDS and not w.isdigit() and w.lower() not in _NUMERALS
    ]
    return all(w in DOCUMENT_NOUNS for w in content)


_NUMERALS = {"one", "two", "three", "four", "five", "both", "each", "every", "various"}


def _topic(text: str) -> str:
    """What the request is about, without the request's own words: "Summarize the
    accusations" -> "accusations"; "Give me an overview of these documents" -> ""."""
    skip = _REQUEST_WORDS | DOCUMENT_NOUNS | STOPWORDS | _NUMERALS
    # An acronym ("US") is a topic even where its lower case ("us") is a request word.
    kept = [w for w in words(text) if w.lower() not in skip or (w.isupper() and len(w) > 1)]
    return " ".join(kept)
