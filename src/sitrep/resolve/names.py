"""Name folding, phonetic keys and fuzzy matching for place and person names.

Machine translation (above all from Chinese) renders foreign names in many ways: accents
dropped ("Kəlbəcər" -> "Kelbecer"), other transliteration schemes ("Khodzhaly", "Xocalı",
"Hojali"), letters lost or swapped, and names spelled out as pinyin syllables
("Ma Li Wu Bo Er" for 马里乌波尔 = Mariupol). Three layers handle this:

- ``fold``: a display-independent lookup form (ASCII, lower case, punctuation as spaces),
  used for exact gazetteer lookup. Any script is transliterated (anyascii).
- ``keys``: coarse phonetic keys that merge sounds transliteration systems disagree on
  (kh/h/x, zh/j/dzh/ch, v/w/f, b/p, d/t, g/k, r/l, vowel classes). A pinyin-split name gets
  extra keys with Chinese epenthetic vowels removed ("ke" -> k); ``coda_keys`` drops r/l
  before consonants, as Chinese renderings do ("Karvachar" -> "kawacha").
- ``similarity``: the best ratio between two names' key sets (rapidfuzz).

``common_word`` says whether a word is ordinary English (or a very common first name) by
its frequency in pyspellchecker's English list; such words are never repaired.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

# Letters whose anyascii form loses a sound that matters for matching (Turkish, Azerbaijani,
# Slavic, Baltic). Applied before anyascii.
_LETTERS = {
    "ə": "a", "Ə": "a", "ı": "i", "İ": "i", "ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch",
    "ğ": "gh", "Ğ": "gh", "ž": "zh", "Ž": "zh", "š": "sh", "Š": "sh", "č": "ch", "Č": "ch",
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l",
    "Ł": "l", "þ": "th", "ŋ": "ng",
}
_APOSTROPHES = "'’ʼʻʿʾ`´‘ˈ"
_FOLD_TABLE = str.maketrans({**_LETTERS, **{mark: "" for mark in _APOSTROPHES}})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

# Multi-letter spellings of one sound, longest first; then one letter per sound class.
_CLUSTERS = (
    ("shch", "s"), ("sch", "s"), ("tsch", "j"), ("dzh", "j"), ("tch", "j"),
    ("dj", "j"), ("zh", "j"), ("ch", "j"), ("kh", "h"), ("gh", "h"), ("sh", "s"),
    ("ts", "s"), ("tz", "s"), ("dz", "s"), ("ph", "f"), ("th", "t"), ("ck", "k"),
    ("qu", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ye", "i"),
    ("iy", "i"), ("yy", "i"), ("ey", "i"), ("ay", "ai"),
)
_CLUSTER_SOUND = dict(_CLUSTERS)
# Longest first, so "shch" wins over "sh" and "ch".
_CLUSTER_RE = re.compile("|".join(sorted(map(re.escape, _CLUSTER_SOUND), key=len, reverse=True)))
_SOFT_C = re.compile(r"c(?=[eiy])")  # soft c before front vowels sounds like s
_NON_ALPHA = re.compile(r"[^a-z]")
_REPEAT = re.compile(r"(.)\1+")
_CLASS = str.maketrans({
    "b": "p", "d": "t", "g": "k", "q": "k", "c": "k", "x": "h", "y": "i", "e": "i",
    "o": "u", "w": "f", "v": "f", "z": "s", "r": "l",
})
_VOWELS = frozenset("aiu")

# Pinyin syllables (toneless). A name written as two or more of these, space- or
# case-separated, is treated as a Chinese rendering.
_PINYIN = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|"
    r"ua|uai|uan|uang|ue|ui|un|uo|v|ve)$"
)
_PINYIN_INITIAL = (("zh", "j"), ("ch", "ch"), ("sh", "sh"), ("x", "s"), ("q", "ch"),
                   ("c", "ts"), ("z", "dz"))
# Syllables Chinese adds to carry a bare consonant of the source name ("Bakhmut" ->
# Ba-he-mu-te): in the epenthetic reading they stand for the consonant alone.
_EPENTHETIC = re.compile(r"^(?:[bpmfdtlgkhsr]|zh|ch|sh)(?:e|u)$|^(?:[zcs]|zh|ch|sh)i$|^er$")

_MAX_SPELLINGS = 16
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es"})

_SPELL_LIST = ("spellchecker", "resources", "en.json.gz")
# Frequency in pyspellchecker's English list at or above which a word counts as ordinary.
# Names added to the list without corpus evidence carry the floor value 50.
COMMON_WORD_FREQ = 200


def fold(text: str) -> str:
    """Lookup form of a name: ASCII, lower case, words separated by single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    if not text.isascii():
        text = anyascii(text)
    text = _CAMEL.sub(" ", text)
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def _pinyin_syllables(folded: str) -> list[str] | None:
    parts = folded.split()
    if len(parts) < 2 or not all(_PINYIN.match(p) for p in parts):
        return None
    return parts


def is_pinyin(name: str) -> bool:
    """True for a name written as two or more pinyin syllables ("Ma Li Wu Bo Er")."""
    return _pinyin_syllables(fold(name)) is not None


def _respell_pinyin(syllable: str, *, drop_epenthetic: bool) -> str:
    if syllable == "er":
        return "r"
    if drop_epenthetic and _EPENTHETIC.match(syllable):
        syllable = syllable[:-1]
    for initial, latin in _PINYIN_INITIAL:
        if syllable.startswith(initial):
            return latin + syllable[len(initial):]
    if syllable.startswith("yi"):
        return "i" + syllable[2:]
    if syllable.startswith("wu"):
        return "u" + syllable[2:]
    return syllable


def spellings(folded: str) -> frozenset[str]:
    """The Latin spellings a folded name may stand for (several for pinyin and "kh")."""
    syllables = _pinyin_syllables(folded)
    if syllables is None:
        out = {folded.replace(" ", "")}
        # Arabic names are written with and without the article ("El Fasher", "Fasher").
        head, _, rest = folded.partition(" ")
        if head in _ARTICLES and rest:
            out.add(rest.replace(" ", ""))
    else:
        # Each epenthetic syllable may or may not stand for a bare consonant: try every
        # combination, up to a bound (names rarely have more than four such syllables).
        options = [
            {_respell_pinyin(s, drop_epenthetic=False), _respell_pinyin(s, drop_epenthetic=True)}
            for s in syllables
        ]
        out = {""}
        for choice in options:
            out = {prefix + c for prefix in out for c in choice}
            if len(out) > _MAX_SPELLINGS:
                out = set(sorted(out)[:_MAX_SPELLINGS])
    # "kh" is written for a sound others render as h (Ha-er-ke-fu) or k (Ka-tu-mu).
    return frozenset(out | {s.replace("kh", "k") for s in out if "kh" in s})


def key(spelling: str) -> str:
    """Coarse phonetic key of one Latin spelling (no spaces)."""
    out = _CLUSTER_RE.sub(_cluster_sound, spelling)
    out = _SOFT_C.sub("s", out).translate(_CLASS)
    return _REPEAT.sub(r"\1", _NON_ALPHA.sub("", out))


def _cluster_sound(match: re.Match) -> str:
    return _CLUSTER_SOUND[match.group(0)]


_CODA = re.compile(r"l(?=[^aiu]|$)")


def coda_key(k: str) -> str:
    """Key with r/l dropped before a consonant or at the end, as Chinese renderings do."""
    return _CODA.sub("", k) if "l" in k else k


def keys(name: str) -> frozenset[str]:
    """All phonetic keys of a name (given in any script)."""
    return folded_keys(fold(name))


def folded_keys(folded: str) -> frozenset[str]:
    """All phonetic keys of an already folded name."""
    return frozenset(key(s) for s in spellings(folded))


# Similarity (0-1) of two keys: 1 - edits / length, where swapping two neighbouring letters
# is one edit (optimal string alignment). The C function itself, so rapidfuzz.process can
# use it as a scorer.
key_similarity = OSA.normalized_similarity


def similarity(a: str, b: str) -> float:
    """Best key-to-key similarity (0-1) of two names, allowing dropped codas."""
    best = 0.0
    for ka in keys(a):
        for kb in keys(b):
            for x, y in ((ka, kb), (coda_key(ka), coda_key(kb)), (ka, coda_key(kb)),
                         (coda_key(ka), kb)):
                best = max(best, key_similarity(x, y))
    return best


@functools.lru_cache(maxsize=1)
def _english_frequencies() -> dict[str, int]:
    path = resources.files(_SPELL_LIST[0]).joinpath(*_SPELL_LIST[1:])
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


def word_frequency(word: str) -> int:
    """How often ``word`` (lower case) occurs in pyspellchecker's English list; 0 if not."""
    return _english_frequencies().get(word, 0)


def common_word(word: str) -> bool:
    """True for ordinary English words and very common first names ("fighting", "John")."""
    return word_frequency(word.lower()) >= COMMON_WORD_FREQ


@dataclass(frozen=True)
class NameMatch:
    """A canonical name chosen for a written form, with the similarity that chose it."""

    canonical: str
    written: str
    score: float


class NameIndex:
    """Fuzzy matching against a user-supplied list of canonical names with aliases.

    Used for person names: sitrep bundles no list of people, so a name is only ever repaired
    to one the user supplied (one line per person: ``Canonical|alias|alias``).
    """

    def __init__(self, entries: Sequence[tuple[str, Sequence[str]]]) -> None:
        self._choices: list[str] = []
        self._owner: list[str] = []
        for canonical, aliases in entries:
            for form in (canonical, *aliases):
                for k in keys(form):
                    self._choices.append(k)
                    self._owner.append(canonical)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> NameIndex:
        entries = []
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            names = [n.strip() for n in line.split("|") if n.strip()]
            entries.append((names[0], names[1:]))
        return cls(entries)

    def match(self, written: str, *, threshold: float = 0.8) -> NameMatch | None:
        """The canonical name ``written`` most likely garbles, or None below ``threshold``."""
        best: tuple[float, str] | None = None
        for k in keys(written):
            if len(k) < 4:
                continue
            hit = process.extractOne(k, self._choices, scorer=key_similarity)
            if hit and (best is None or hit[1] > best[0]):
                best = (hit[1], self._owner[hit[2]])
        if best is None or best[0] < threshold:
            return None
        return NameMatch(canonical=best[1], written=written, score=best[0])
