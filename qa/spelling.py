"""A question's misspelt words, read as the corpus words they miss by one letter.

People type questions fast: "Who tried to steal the vacine reserch?". A word that no
document uses, and that English barely knows either, is most likely a slip for the corpus
word one edit away (a letter left out, added or changed, or two swapped: the slips of
nearly all misspellings, Damerau 1964). Read as typed, it is a specific word missing from
the corpus, and the answerer rightly refuses ("nothing in them mentions “reserch”"); read
as the corpus's "research", the question finds its answer. The answer says what it read
(`notice`), so a wrong reading is seen.

Only where the slip is plain:
- the word is not the corpus's (nor its stem), has no digit, and no capital past its first
  letter, nor follows a figure (an acronym, a symbol or a code is a name of its own: "FSB"
  is no slip for "NSA", "100 Mbit" none for "bit");
- it is no English word, if a rare one: WordNet does not list it ("a potted history" is no
  "posted" one), it is not an English prefix on a common word ("resit" is not "rest"), and
  wordfreq finds it rare (below `RARE_ZIPF`: "sack" is never a slip for "back");
- the corpus word is far commoner in English (`MORE_COMMON`), or the typed word is
  unknown to English altogether and long enough for one edit to stand out
  (`UNKNOWN_LENGTH`: "Okafer" for the corpus's "Okafor").

Hand-written (Norvig's edit generation, looked up in the corpus's own words): the corpus's
words are the dictionary here, names and terms of art included, which no spelling
library's English word list has. Measured with `python -m evals.slip_lab`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from qa.text import WORD, has_digit, stem, zipf
from qa.thesaurus import parts_of_speech

LETTERS = "abcdefghijklmnopqrstuvwxyz"
RARE_ZIPF = 3.0  # wordfreq: below, a word is rare in English (misspellings are ~1-2.9)
MORE_COMMON = 1.5  # the corpus word at least ~30 times as common in English (Zipf is log10)
UNKNOWN_LENGTH = 5  # an unknown word this long, one edit from a corpus word, is a slip
_SHORTEST = 4  # a shorter word is one edit from too many others


# English prefixes that make a word of a word ("resit", "prebook", "unclip"): such a word is
# rare in wordfreq, but no slip ("resit" is not "rest").
PREFIXES = ("re", "un", "pre", "dis", "mis", "non", "over", "under", "out", "sub", "co")


def _formed(word: str) -> bool:
    """The word is a prefix on a common English word (`PREFIXES`)."""
    return any(
        word.startswith(p) and len(word) - len(p) >= 3 and zipf(word[len(p) :]) >= RARE_ZIPF
        for p in PREFIXES
    )


_AFTER_A_FIGURE = re.compile(r"\d\s?$")


@dataclass(frozen=True)
class Correction:
    """A word as typed, and the corpus word it is read as."""

    typed: str
    read: str


def edits(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts) - {word}


def read_as(
    word: str, vocabulary: Collection[str], known_stem: Callable[[str], bool]
) -> str | None:
    """The corpus word a typed word is a slip for (lower-cased), or None."""
    lower = word.lower()
    if (
        len(lower) < _SHORTEST
        or has_digit(lower)
        or not lower.isalpha()
        or any(c.isupper() for c in word[1:])  # an acronym, a symbol, a brand: "FSB", "Mbit"
        or lower in vocabulary
        or known_stem(stem(lower))
    ):
        return None
    typed = zipf(lower)
    if typed >= RARE_ZIPF or _formed(lower) or parts_of_speech(lower):
        return None  # an English word, if a rare one: a dictionary's, or formed of one
    found = [w for w in edits(lower) if w in vocabulary]
    plain = [
        w
        for w in found
        if zipf(w) >= typed + MORE_COMMON or (typed == 0 and len(lower) >= UNKNOWN_LENGTH)
    ]
    if not plain:
        return None
    return max(plain, key=lambda w: (zipf(w), w))


def corrected(
    question: str, vocabulary: Collection[str], known_stem: Callable[[str], bool]
) -> tuple[str, list[Correction]]:
    """The question with its slips read as corpus words (capitalised as typed), and the
    corrections made."""
    out: list[str] = []
    made: list[Correction] = []
    last = 0
    for m in WORD.finditer(question):
        if _AFTER_A_FIGURE.search(question, 0, m.start()):
            continue  # a unit or a code: "100 Mbit/s" is no slip for "bit"
        found = read_as(m.group(), vocabulary, known_stem)
        if found is None:
            continue
        read = found.capitalize() if m.group()[:1].isupper() else found
        out += [question[last : m.start()], read]
        last = m.end()
        made.append(Correction(m.group(), read))
    out.append(question[last:])
    return "".join(out), made


def notice(corrections: list[Correction]) -> str:
    """What the answer says it read: "Read “vacine” as “vaccine”." """
    pairs = ", ".join(f"“{c.typed}” as “{c.read}”" for c in corrections)
    return f"Read {pairs}."
