"""Restore the case of a report written in capitals ("POLICE SOURCES HAVE REPORTED ...").

Old telex copy, many agency feeds and some machine-translation output arrive in upper
case; the English model reads such text as a stream of proper nouns. ``truecase`` gives
it back ordinary case without changing its length, so every character offset into the
original stays valid:

- every word is lower-cased, then
- names the caller recognises (places in the gazetteer, actors in the lexicon), up to
  three words long, get capitals ("San Salvador", "Shining Path");
- words rare in English (pyspellchecker's frequency list) are taken for names and get a
  capital ("Valdebenito"); rare words without a vowel, or of three or four letters, are
  taken for acronyms and stay in capitals ("FMLN", "EFE");
- the first word of each sentence, paragraph and quotation, and "I", get a capital.

The rules guess: a rare common noun gets a capital it did not have, and a name that is
also a common word ("Church") stays lower case unless the caller recognises it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace

from ..records import Mention, Span
from ..resolve.names import word_frequency

# Below this count in pyspellchecker's English list (about 1 in 1.6 million words) a
# word is more likely a name than a common word.
RARE_WORD_COUNT = 1000
MAX_NAME_WORDS = 3
# A single word this common is not looked up as a name: "POLICE" is a town in Poland,
# "WHO" an organisation.
COMMON_NAME_COUNT = 20000
ACRONYM_LENGTH = 4  # a rare word this short that names no known place is an acronym ("EFE")
SHOUTING_SHARE = 0.9  # share of upper-case letters above which a text is in capitals
MIN_LETTERS = 40

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# A sentence, paragraph, quotation or editor's tag ("[TEXT]", "[PASSAGE OMITTED]") starts
# after these, and so does the text after a short tag.
_OPENER = re.compile(r"(?:[.!?\"“\[]|--|\n[ \t]*\n|\[[^\]\n]{1,30}\])\s*$")
# Written with a capital wherever they stand ("may" and "march" are verbs too).
_ALWAYS_CAPITAL = frozenset({
    "january", "february", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "i", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
_VOWEL = re.compile(r"[aeiouy]", re.I)
# Short words that start no name on their own ("OF" in "BANK OF COLOMBIA" is inside one).
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "for", "by", "with", "from",
    "as", "is", "was", "are", "were", "be", "been", "it", "its", "that", "this", "he", "she",
    "they", "we", "his", "her", "their", "not", "no", "but", "has", "have", "had", "will",
})


def is_shouting(text: str) -> bool:
    """True when nearly every letter of ``text`` is a capital."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= SHOUTING_SHARE * len(letters)


def truecase(text: str, is_name: Callable[[str], bool | str] | None = None) -> str:
    """``text`` in ordinary case, the same length; ``is_name(phrase)`` says whether a
    phrase of one to three words (in capitals, as written) names a known place or actor,
    and may return the phrase as the name is written ("ELN", not "Eln")."""
    # character by character: a few capitals lower to two characters ("İ" to "i̇"), which
    # would shift every offset after them; those stay as written
    chars = [c if len(low := c.lower()) != 1 else low for c in text]
    words = list(_WORD.finditer(text))
    named, written = _known_names(text, words, is_name) if is_name else (set(), {})
    for i, word in enumerate(words):
        lower = word.group().lower()
        if lower in _ALWAYS_CAPITAL:
            chars[word.start()] = chars[word.start()].upper()
        elif i in named or _rare(lower) and not text[word.start() - 1:word.start()].isdigit():
            if len(lower) > 2 and (not _VOWEL.search(lower)
                                   or len(lower) <= ACRONYM_LENGTH and i not in named):
                chars[word.start():word.end()] = word.group().upper()
            else:
                chars[word.start()] = chars[word.start()].upper()
        elif i == 0 or _opens(text, word.start()):
            chars[word.start()] = chars[word.start()].upper()
    for abbreviation in _ABBREVIATION.finditer(text):
        chars[abbreviation.start():abbreviation.end()] = abbreviation.group().upper()
    for start, form in written.items():
        chars[start:start + len(form)] = form
    return "".join(chars)


def _opens(text: str, start: int) -> bool:
    return _OPENER.search(text, max(0, start - 40), start) is not None


def _rare(word: str) -> bool:
    return len(word) > 1 and word_frequency(word) < RARE_WORD_COUNT and not _inflected(word)


def _inflected(word: str) -> bool:
    """A rare form of a known word ("dynamited", "machinegunning") is no name."""
    for suffix in ("ed", "ing", "es", "s"):
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) > 2 and any(
                word_frequency(s) >= RARE_WORD_COUNT for s in (stem, stem + "e", stem[:-1])):
            return True
    return False


def _known_names(text: str, words: list[re.Match], is_name: Callable[[str], bool | str]
                 ) -> tuple[set[int], dict[int, str]]:
    """Indices of the words inside a known name, longest names first, and the written
    form of names the caller spells out (by start offset)."""
    named: set[int] = set()
    written: dict[int, str] = {}
    for i in range(len(words)):
        if i in named or words[i].group().lower() in _FUNCTION_WORDS:
            continue
        single = word_frequency(words[i].group().lower()) < COMMON_NAME_COUNT
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            run = words[i:i + n]
            if not _adjacent(text, run) or run[-1].group().lower() in _FUNCTION_WORDS \
                    or n == 1 and not single:
                continue
            phrase = text[run[0].start():run[-1].end()]
            answer = is_name(phrase)
            if answer:
                named.update(range(i, i + n))
                if isinstance(answer, str) and len(answer) == len(phrase):
                    written[run[0].start()] = answer
                break
    return named, written


def _adjacent(text: str, run: list[re.Match]) -> bool:
    """Words of one name: separated by one space or a hyphen, not by punctuation."""
    return all(text[a.end():b.start()] in (" ", "-") for a, b in itertools.pairwise(run))


def restore_spans(record, original: str):
    """``record`` (a Report or any record inside one) with every Span and Mention quoting
    ``original``, the text as given, and the case sitrep read moved to ``truecased``."""
    if isinstance(record, (Span, Mention)):
        written = original[record.start:record.end]
        return record if written == record.text else replace(
            record, text=written, truecased=record.text)
    if isinstance(record, (list, tuple)):
        return type(record)(restore_spans(r, original) for r in record)
    if isinstance(record, dict):
        return {k: restore_spans(v, original) for k, v in record.items()}
    if is_dataclass(record) and not isinstance(record, type):
        changes = {f.name: restore_spans(getattr(record, f.name), original)
                   for f in fields(record) if f.init}
        return replace(record, **changes)
    return record
