"""Sentence boundaries with exact offsets, for any kind of English document.

NLTK's Punkt (already installed: llama-index's splitter uses it) with a general
abbreviation list instead of a news one, then a few named rules that keep together what
Punkt alone splits. Chosen by accuracy and speed on the labelled paragraphs of
tests/ingest/sentence_gold.py (legal, manual, news, notes, report; 61 sentences written
with these rules, and 27 held-out sentences written after them and never tuned on),
measured with `python -m benchmarks.sentence_splitters [--held-out] [--wrapped]`:

    share of gold sentences found exactly     labelled   held-out   words/s (2 cores)
    Punkt, the news list used before            0.61       0.82      75k-140k
    Punkt, pretrained English (punkt_tab)       0.61       0.78     100k-150k
    pysbd 0.3.4 (newlines as spaces)            0.79       0.85      45k-58k
    syntok 1.4.4                                0.87       0.96      78k-150k
    this module                                 1.00       1.00     120k-140k

(speeds vary with the shared machine's load; given line breaks, pysbd splits at every
one: 0.41 on wrapped text, so the script hands it spaces). syntok came closest, but needs
a new dependency and splits "No. 2016/679", "para. 3", "Eq. 3"; pysbd is the slowest and
misses "approx.", "cf.", "ch.". Ingest sees ~110k words/s for the whole structure pass
(ingest/structure.py), against ~2.5k words/s for the embedding: ~2% of ingest time.

The rules are general English typography, not a corpus's vocabulary: an abbreviation
that precedes a name or a number ("Dr.", "v.", "No. 5", "Sec. 4.2") does not end a
sentence, and a sentence does not begin with a lower-case word.
`sentence_spans` works on any text, line breaks included (a wrapped line is not a
boundary); the caller decides where blocks end (ingest/structure.py).
"""

from __future__ import annotations

import importlib.abc
import re
import sys
import threading
from collections.abc import Callable
from functools import lru_cache

# fmt: off
# Written with a period and (almost) never a sentence's last word: Punkt keeps the
# sentence going after them unless a capitalised sentence starter follows.
ABBREVIATIONS = frozenset({
    # titles and ranks
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "rev", "hon", "jr", "sr", "st",
    "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "gov", "sen", "rep", "reps",
    "pres", "supt", "insp", "mme", "mlle", "esq", "fr",
    # law and references
    "v", "vs", "cf", "viz", "ibid", "seq", "al", "subs", "subpara", "paras", "secs", "arts",
    "stat", "supp", "amend", "sched", "cl", "cls", "chap", "nos", "figs", "eqs", "pp", "vols",
    "eds", "u.s.c", "c.f.r",
    # organisations
    "inc", "ltd", "corp", "co", "llc", "plc", "bros", "assn", "dept", "depts", "div", "govt",
    "intl", "natl", "univ", "cie",
    # general
    "e.g", "i.e", "etc", "approx", "appx", "ca", "cca", "esp", "incl", "excl", "resp", "misc",
    "avg", "est", "n.b", "a.k.a", "attn", "re",
    # units, months and days are left to the rules below ("5 hr. per day" goes on
    # lower-case, "Jan. 15" before a number), since "HR." or "DEC." can end a sentence
    "a.m", "p.m", "a.d", "b.c", "b.c.e", "c.e",
    # places
    "ave", "blvd", "rd", "hwy", "apt", "bldg", "ste", "mt",
    "u.s", "u.s.a", "u.k", "u.n", "e.u", "d.c",
    # degrees
    "ph.d", "m.d", "b.a", "m.a", "b.sc", "m.sc", "ll.b", "ll.m", "j.d", "m.b.a",
})

# Never the last word of a sentence: they stand before a name or a term ("Dr. Patel",
# "Smith v. Jones", "e.g. a wiki"), so even a capitalised sentence starter after them
# continues the sentence ("Smith v. The Queen").
NEVER_FINAL = frozenset({
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "rev", "hon", "gen", "col",
    "lt", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "gov", "sen", "rep", "pres", "supt",
    "insp", "mme", "mlle", "fr", "v", "vs", "cf", "viz", "e.g", "i.e", "approx", "appx",
    "ca", "cca", "esp", "incl", "excl", "attn", "re", "a.k.a", "n.b",
})

# Before a number they label it ("No. 5", "Fig. 3", "Sec. 4.2", "p. 12", "Art. IV"); at
# the end of a sentence they are ordinary words ("He said no.").
BEFORE_NUMBER = frozenset({
    "no", "nos", "fig", "figs", "sec", "secs", "art", "arts", "para", "paras", "p", "pp",
    "ch", "chap", "eq", "eqs", "vol", "vols", "tab", "tbl", "ref", "refs", "ex", "exh",
    "pt", "pts", "reg", "regs", "cl", "cls", "sch", "item", "op", "ed", "ver", "rev", "min",
    "max", "tel", "ph", "fn", "n",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})

# Closed-class words that start sentences: after an abbreviation that can end one
# ("Inc.", "etc.", "p.m."), a capitalised one of these starts a new sentence.
SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "if",
    "when", "while", "in", "on", "at", "for", "from", "after", "before", "during", "since",
    "however", "but", "and", "or", "so", "thus", "then", "also", "moreover", "meanwhile",
    "although", "though", "yet", "each", "every", "all", "some", "many", "most", "no",
    "other", "others", "such", "both", "as", "to", "with", "by", "under", "what", "which",
    "who", "where", "why", "how", "please", "see", "note",
})
# fmt: on

# A number, a roman numeral, a letter, or an identifier with a digit ("No. HR-POL-06").
_ROMAN_OR_NUMBER = re.compile(r"[\s(]*(?:\d|[IVXLC]+\b|[A-Z]\b|\(|[A-Za-z][\w/\-]*\d)")
_LAST_WORD = re.compile(r"(\S+?)\.[\"”’')\]]*")
Rule = Callable[[str, str], str | None]


def _last_word(left: str) -> str:
    """The word a full stop closes ("Dr" in "... Dr."), read from the last token only: a
    search over the whole text with a lazy group was quadratic on a long unbroken line."""
    tail = left[:-1] if left.endswith("\n") else left
    if not tail or tail[-1].isspace():
        return ""
    match = _LAST_WORD.fullmatch(tail.rsplit(None, 1)[-1])
    if not match:
        return ""
    return match.group(1).lstrip("([\"“‘'").lower()


def _after_never_final(left: str, right: str) -> str | None:
    word = _last_word(left)
    return f"“{word}.” stands before a name or a term" if word in NEVER_FINAL else None


def _number_after_label(left: str, right: str) -> str | None:
    word = _last_word(left)
    if word in BEFORE_NUMBER and _ROMAN_OR_NUMBER.match(right):
        return f"“{word}.” labels the number after it"
    return None


def _lower_case_continues(left: str, right: str) -> str | None:
    """A sentence does not begin with a lower-case word (“approx. five”, “5 sec. until”)."""
    if left.rstrip().endswith(".") and right[:1].islower():
        return "the next word is lower-case"
    return None


def _punctuation_continues(left: str, right: str) -> str | None:
    """A sentence does not begin with a colon, a semicolon, a comma or a closing bracket:
    a field's label ending in an abbreviation (“Client no.:  AF-20817”, “Ref.: 118”)."""
    if right[:1] in ":;,)]}":
        return "the next piece opens with punctuation that ends a phrase"
    return None


_VOWEL = re.compile(r"[aeiouyAEIOUY]")
_WORD = re.compile(r"[\"“‘'(\[]*([A-Za-z]\S*)")


def _contraction_before_name(left: str, right: str) -> str | None:
    """A word written without a vowel is a contraction, not an English word ("Mgr.",
    "Sgt.": English words have a vowel letter, a, e, i, o, u or y), so its
    period does not end a sentence when a capitalised name follows ("Mgr. Holt",
    "SGT. HOLT: ..." in a transcript written in capitals). Not before a capitalised
    sentence starter ("the PM. The talks"), and an acronym in capitals ("the BBC.
    Officials", "to HR. HR confirms") only where the text is set in capitals."""
    word = _last_word(left)
    if len(word) < 2 or not word.isalpha() or _VOWEL.search(word):
        return None
    words = left.rstrip().rsplit(None, 2)
    token = words[-1].rstrip(".\"”’')]")
    if len(words) > 1 and words[-2][-1:].isdigit():
        return None  # "to 25 Nm. Do not...": a unit after a number ends a sentence
    if not token[:1].isupper():
        return None  # a title or rank is capitalised; "km.", "ml." are units
    m = _WORD.match(right)
    if not m or not m.group(1)[:1].isupper():
        return None
    following = re.sub(r"\W+$", "", m.group(1))
    if following.lower() in SENTENCE_STARTERS:
        return None
    if token.isupper() and not (following.isupper() and set_in_capitals(left)):
        return None  # "to HR. HR confirms": an acronym ends a sentence in mixed case
    return f"“{word}.” has no vowel: a contraction before a name"


def set_in_capitals(piece: str) -> bool:
    """Every letter of the piece is a capital (two or more): a label or line set in
    capitals."""
    letters = [c for c in piece if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


# Markdown's strong or emphasised run ("**Parking.** Visitors may ..."): Punkt ends the
# sentence at the period inside it, leaving the closing marker to open the next piece.
_CLOSING_EMPHASIS = re.compile(r"^(?:\*\*|__|\*|_)(?=\s|$)")


def _emphasis_closes(left: str, right: str) -> str | None:
    """A piece that opens with the closing marker of an emphasis is the rest of the
    sentence before it: a bold lead-in ("**Parking.** Visitors may ...") stays with the
    sentence it leads into, so neither half is a stray marker."""
    m = _CLOSING_EMPHASIS.match(right)
    if m and left.count(m.group(0)) % 2 == 1:  # opened in `left` and not closed there
        return "the next piece closes an emphasis opened in this one"
    return None


# "Dodd, P. and Farrah, L. (2021) *Inland Waters*.": a reference, whose authors' names
# and initials come before the year in brackets (the Harvard and APA styles): a surname, a
# comma and initials ("Farrah, L.", "Tolkien, J.R.R."), then "(2021)", "(2021a)", "(2021,
# March 3)" or "(n.d.)". Not a capital alone ("Plan B. (2021) saw ...").
_AUTHOR = re.compile(r"[A-Z][\w'’-]+,\s*(?:[A-Z]\.\s?-?)+$")
_YEAR_IN_BRACKETS = re.compile(r"^\((?:(?:1[5-9]|20)\d\d[a-z]?(?:,[^)\n]{1,30})?|n\.d\.)\)")
_AUTHOR_TAIL = 60  # characters: the end of the piece, read alone (the piece can be long)


def _initial_before_year(left: str, right: str) -> str | None:
    """An author's initials before a year in brackets are inside a reference, not the end
    of a sentence."""
    if _YEAR_IN_BRACKETS.match(right) and _AUTHOR.search(left[-_AUTHOR_TAIL:].rstrip()):
        return "an author's initial before the year of a reference"
    return None


# Each rule says why two of Punkt's sentences are one.
KEEP_TOGETHER: tuple[Rule, ...] = (
    _after_never_final,
    _initial_before_year,
    _number_after_label,
    _lower_case_continues,
    _punctuation_continues,
    _contraction_before_name,
    _emphasis_closes,
)


def join_reason(left: str, right: str) -> str | None:
    """Why `left` and `right` (consecutive pieces from Punkt) are one sentence, or None."""
    for rule in KEEP_TOGETHER:
        if reason := rule(left, right):
            return reason
    return None


class _Unavailable(importlib.abc.MetaPathFinder):
    """Finds none of the named packages, for one thread: the one importing nltk."""

    def __init__(self, packages: tuple[str, ...]) -> None:
        self.packages, self.thread = packages, threading.get_ident()

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if threading.get_ident() == self.thread and fullname.partition(".")[0] in self.packages:
            raise ModuleNotFoundError(f"{fullname} is not needed by Punkt", name=fullname)
        return None


# nltk's package imports the whole of nltk, and with it SciPy and scikit-learn, which it
# imports only if it can (try/except ImportError), for what Punkt never uses: collocation
# significance tests, scikit-learn classifiers. Measured here: the first sentence split of
# a fresh process (every CLI command and server) 3.4 s with them, 0.7 s without. Those
# nltk features stay off in the process (nothing here or in llama-index, which uses nltk's
# Punkt and stopwords, calls them); SciPy and scikit-learn themselves import as ever.
_NOT_FOR_PUNKT = ("scipy", "sklearn")


def _import_punkt_lightly() -> None:
    """nltk's Punkt, imported without `_NOT_FOR_PUNKT` where this process has not loaded
    nltk yet. Should a later nltk need them outright, the nltk modules the attempt loaded
    are dropped (a failed package import leaves its finished submodules behind, and those
    would break every later `import nltk`), and the caller imports nltk whole. (Other
    packages it loaded stay: they loaded whole, and numpy, for one, must not load twice.)"""
    if "nltk" in sys.modules:
        return
    finder = _Unavailable(_NOT_FOR_PUNKT)
    sys.meta_path.insert(0, finder)
    try:
        import nltk.tokenize.punkt  # noqa: F401
    except ImportError:
        for name in [n for n in sys.modules if n == "nltk" or n.startswith("nltk.")]:
            del sys.modules[name]
    finally:
        sys.meta_path.remove(finder)


@lru_cache(maxsize=1)
def _punkt():
    _import_punkt_lightly()
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


# Punkt reads a lone capital and a period as an initial ("J. Smith"), so it never ends a
# sentence there; but a unit or a label does ("set it to 12 V. The LED...", "Plan B. It").
_CAPITAL_THEN_STARTER = re.compile(
    r"(?<=\b[A-Z]\.)\s+(?=(?:" + "|".join(w.title() for w in sorted(SENTENCE_STARTERS)) + r")\b)"
)


# A footnote's mark set after the stop ("seats 120 people.¹ The hall ..."): Punkt sees a
# word ending in "¹", not a stop, and runs the two sentences together. (PDF readers write
# raised footnote marks as superscript digits: ingest/formats/pdf_layout.py.)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_BREAK = re.compile(
    rf"[.!?][\"”’')\]]?[{SUPERSCRIPT_DIGITS}]+(\s+)(?=[\"“‘'(\[]*[A-Z0-9])"
)


def _split_at(pattern: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at each match of the pattern's first group (else the whole match),
    which is left out: the space between two sentences."""
    pieces, at = [], start
    for match in pattern.finditer(text, start, end):
        gap = 1 if pattern.groups else 0
        pieces.append((at, match.start(gap)))
        at = match.end(gap)
    pieces.append((at, end))
    return pieces


def _split_capital_then_starter(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split_at(_CAPITAL_THEN_STARTER, text, start, end)


def _split_after_footnote_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split_at(_FOOTNOTE_BREAK, text, start, end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, without surrounding whitespace.

    Line breaks inside `text` are ordinary spaces to Punkt, so a sentence may span them;
    `text[start:end]` keeps them as they are.
    """
    spans: list[list[int]] = []
    for start, end in _punkt().span_tokenize(text):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail <= lead:
            continue
        s, e = start + lead, start + trail
        if spans and join_reason(text[spans[-1][0] : spans[-1][1]], text[s:e]):
            spans[-1][1] = e
        else:
            spans.append([s, e])
    return [
        piece
        for s, e in spans
        for part in _split_capital_then_starter(text, s, e)
        for piece in _split_after_footnote_marks(text, *part)
    ]
