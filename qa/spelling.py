"""A question's misspelt words, read as the corpus words they miss by one letter.

People type questions fast: "Who tried to steal the vacine reserch?". A word that no
document uses, and that English barely knows either, is most likely a slip for the corpus
word one edit away (a letter left out, added or changed, or two swapped: the slips of
nearly all misspellings, Damerau 1964). Read as typed, it is a specific word missing from
the corpus, and the answerer rightly refuses ("nothing in them mentions “reserch”"); read
as the corpus's "research", the question finds its answer. The answer says what it read
(`notice`), so a wrong reading is seen.

Only where the slip is plain, for a wrong reading answers a question that was not asked:
- the word is not the corpus's (nor its stem), no stop word (the "hadn" of "hadn't"), in
  English letters (no "Nîmes" for "Names"), with no capital past its first letter and no
  digit beside it, not in quotation marks (asked about as written), and no unit after a
  number ("100 Mbit" is no slip for "bit");
- it is no English word, if a rare one: WordNet does not list it, and it is not an English
  prefix on a common word ("resit" is not "rest");
- it is rare in English (wordfreq, below `RARE_ZIPF`; a word that may be a name, below
  `RARE_NAME_ZIPF`: "Woking" and "Indira" are names of their own): a capitalised word
  inside a sentence, a word after a title, any word of a question typed in lower case;
- the corpus word is a content word, not among the commonest (`COMMONEST_ZIPF`; never a
  stop word: "funder" is no "under", "Hirst" no "first"), the only one a slip (past the
  first letter) makes the word ("contrct" might be "contract" or "contact": neither is
  read), and far commoner than the word typed, as a noisy channel's prior would have it
  (Kernighan, Church and Gale 1990): at least `MORE_COMMON` orders of magnitude commoner in
  English (wordfreq's Zipf scale is log10; a slip is about one word in a thousand), or the
  typed word unknown to English and long enough for one edit to stand out
  (`UNKNOWN_LENGTH`: "Okafer" for the corpus's "Okafor").

Hand-written (Norvig's edit generation, looked up in the corpus's own words): the corpus's
words are the dictionary here, names and terms of art included, which no spelling
library's English word list has. Measured with `python -m evals.slip_lab`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache

from qa.text import HONORIFICS, STOPWORDS, sentence_initial, stem, zipf
from qa.thesaurus import parts_of_speech, wordnet

LETTERS = "abcdefghijklmnopqrstuvwxyz"
RARE_ZIPF = 3.0  # wordfreq: below, a word is rare in English (misspellings are ~1-2.9)
# A word that may be a name (`_a_name`): one English writes ("Woking" 2.7, "Indira" 2.9,
# "Loudon" 2.6) is its own; a slip English has seen is rarer ("Brittish" 1.5, "Febraury" 1.0).
RARE_NAME_ZIPF = 2.0
MORE_COMMON = 3.0  # the corpus word 1,000 times as common in English as the word typed
# The commonest English words ("said", "back", "first", "still"; about the 500 commonest)
# carry little of what a question asks (`question.specificity` 0.14 or less): reading a word
# as one of them gains little, and mistakes a name ("Saad", "Hirst") for it.
COMMONEST_ZIPF = 5.5
UNKNOWN_LENGTH = 5  # an unknown word this long, one edit from a corpus word, is a slip
_SHORTEST = 4  # a shorter word is one edit from too many others
_UNIT_LENGTH = 5  # a word this short after a number may be its unit ("Mbit", "GiB")

# A run of letters: a possessive's "s", a hyphenated word's parts, each read on its own.
_LETTERS = re.compile(r"[^\W\d_]+")
# A number, and a title, right before a word; each looked for in a short window before it,
# not in all the text before (a long question would be read again for each of its words).
_NUMBER_BEFORE = re.compile(r"(?:^|\s)\d+(?:[.,]\d+)*\s?$")
_TITLE_BEFORE = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted(HONORIFICS))})\.?\s+$", re.I)
_BEFORE = 32  # characters: a number or a title is shorter
# (typographic single quotes are plain apostrophes by now: `qa.text.plain_apostrophes`)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")
# English prefixes that make a word of a word ("resit", "prebook", "unclip"): such a word is
# rare in wordfreq, but no slip ("resit" is not "rest").
PREFIXES = ("re", "un", "pre", "dis", "mis", "non", "over", "under", "out")


@dataclass(frozen=True)
class Correction:
    """A word as typed, and the corpus word it is read as."""

    typed: str
    read: str


def edits(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away, past
    the first letter: people rarely slip on that one, and an edit there reads "irelevant"
    as "relevant", "unecessary" as "necessary" (the opposite of what was meant)."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts) - {word}


def english(word: str) -> bool:
    """WordNet lists the word (in any of its forms), or it is an English prefix on a
    common word (`PREFIXES`: "resit")."""
    if parts_of_speech(word):
        return True
    return any(
        word.startswith(p) and len(word) - len(p) >= 3 and zipf(word[len(p) :]) >= RARE_ZIPF
        for p in PREFIXES
    )


def read_as(
    word: str,
    vocabulary: Collection[str],
    known_stem: Callable[[str], bool],
    name: bool = False,
) -> str | None:
    """The corpus word a typed word is a slip for (lower-cased), or None. `name`: the word
    may be a name (`_a_name`), which English must barely know to be a slip."""
    lower = word.lower()
    if (
        len(lower) < _SHORTEST
        or not lower.isascii()  # "Nîmes" is no "Names", "Marché" no "March"
        or any(c.isupper() for c in word[1:])  # an acronym, a symbol, a brand: "FSB", "Mbit"
        or lower in STOPWORDS  # "hadn" of "hadn't"
        or lower in vocabulary
        or known_stem(stem(lower))
    ):
        return None
    typed = zipf(lower)
    if typed >= (RARE_NAME_ZIPF if name else RARE_ZIPF) or english(lower):
        return None
    found = [
        w
        for w in edits(lower)
        if w in vocabulary and w not in STOPWORDS and zipf(w) < COMMONEST_ZIPF
    ]
    plain = [
        w
        for w in found
        if (typed > 0 and zipf(w) >= typed + MORE_COMMON)
        or (typed == 0 and len(lower) >= UNKNOWN_LENGTH)
    ]
    if len({stem(w) for w in plain}) != 1:
        return None  # none, or two words it may be a slip for ("contrct": contract? contact?)
    return max(plain, key=lambda w: (zipf(w), w))


def corrected(
    question: str, vocabulary: Collection[str], known_stem: Callable[[str], bool]
) -> tuple[str, list[Correction]]:
    """The question with its slips read as corpus words (capitalised as typed), and the
    corrections made, each once."""
    quoted = [m.span() for m in _QUOTED.finditer(question)]
    lowered = not any(c.isupper() for c in question)
    out: list[str] = []
    made: list[Correction] = []
    last = 0
    for m in _LETTERS.finditer(question):
        if any(a <= m.start() < b for a, b in quoted):
            continue  # asked about as written
        if len(m.group()) <= _UNIT_LENGTH and _just_before(_NUMBER_BEFORE, question, m):
            continue  # a unit or a code: "100 Mbit/s"
        if _touches_a_digit(question, m):
            continue  # a code: "covid19", "vacine2020"
        found = read_as(m.group(), vocabulary, known_stem, _a_name(question, m, lowered))
        if found is None:
            continue
        read = found.capitalize() if m.group()[:1].isupper() else found
        out += [question[last : m.start()], read]
        last = m.end()
        if m.group().lower() not in {c.typed.lower() for c in made}:  # "Reserch", "reserch"
            made.append(Correction(m.group(), read))
    out.append(question[last:])
    return "".join(out), made


def _contractions() -> dict[str, str]:
    """Each contraction among the stop words ("what's", "don't", "i'm"), by its form typed
    without the apostrophe ("whats", "dont", "im"), where that form is no English word of
    its own: a stop word ("were") or a lemma WordNet lists as written ("well", "ill",
    "shed", "wont", "cant"), which are read as typed. An inflection is no such word: "whos"
    and "theres" are only the plurals WordNet would make of "WHO" and "there"."""
    db = wordnet()
    if db is None:  # nothing can tell "shed" from "she'd": none is read
        return {}
    found = {}
    for w in STOPWORDS:
        bare = w.replace("'", "")
        listed = any(form == bare for _, form in db.senses(bare))
        if "'" in w and bare not in STOPWORDS and not listed:
            found[bare] = w
    return found


@cache
def _restorer() -> tuple[dict[str, str], re.Pattern]:
    """The contractions by their bare forms and the pattern that finds those, built on the
    first question read (a few milliseconds of WordNet lookups kept out of start-up)."""
    found = _contractions()
    bare = "|".join(sorted(found, key=len, reverse=True)) or "(?!)"
    return found, re.compile(rf"\b(?:{bare})\b", re.I)


def with_apostrophes(question: str) -> str:
    """The question with the apostrophes of its contractions that were typed without one
    ("whats the fee", "dont", "im"): read as typed, "whats" was a specific word no document
    has, and the answerer refused for want of it ("the closest passages say nothing about
    “whats”"). A closed class of English, not a slip (`read_as`), so always read, and not
    said in the answer's notice (as typographic apostrophes are made plain)."""

    contractions, bare = _restorer()

    def restored(m: re.Match) -> str:
        if m.group().isupper():
            return m.group()  # an acronym: "IM" is an instant message
        found = contractions[m.group().lower()]
        return found[0].upper() + found[1:] if m.group()[0].isupper() else found

    return bare.sub(restored, question)


def _touches_a_digit(text: str, m: re.Match) -> bool:
    return text[m.start() - 1 : m.start()].isdigit() or text[m.end() : m.end() + 1].isdigit()


def _a_name(text: str, m: re.Match, lowered: bool) -> bool:
    """The word may be a name: capitalised inside its sentence, after a title ("mr
    mearns" is no "means"), or anywhere in a question typed all in lower case, which
    tells no name by its capital."""
    if lowered or _just_before(_TITLE_BEFORE, text, m):
        return True
    return m.group()[:1].isupper() and not sentence_initial(text, m.start())


def _just_before(pattern: re.Pattern, text: str, m: re.Match) -> bool:
    """The pattern ends right before the word, within `_BEFORE` characters of it."""
    start = max(0, m.start() - _BEFORE)
    return pattern.search(text[start : m.start()]) is not None


def notice(corrections: list[Correction]) -> str:
    """What the answer says it read: "Read “vacine” as “vaccine”." """
    pairs = ", ".join(f"“{c.typed}” as “{c.read}”" for c in corrections)
    return f"Read {pairs}."
