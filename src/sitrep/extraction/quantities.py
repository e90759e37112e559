"""Find the figures in a sentence that could count losses, with their qualifiers.

Works on spaCy tokens (a blank tokenizer is enough) and returns token ranges, so the
claims stage can look at what is counted. Numbers that are dates, times, years, ages,
money, units, identifiers ("Resolution 2334"), model names ("S-300") or group sizes
("a 12 nation group") are left out here, once, rather than in every caller.

So are numbers that cannot count anything: a fraction of a whole ("3.5 soldiers"; "1.5
million" is a whole number), a figure beyond ``MAX_COUNT``, a term of arithmetic ("10 ^
100"), and a "range" that runs downwards ("50 to 20") or to such a number ("2618 to
146.54"): never rounded or reordered into a figure. Values are computed exactly (no
floating point), so "999999999999999999999" is never "1e21".
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
          "billion": 1_000_000_000}
_CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$|^\d+\.\d+$")
# More than anyone has counted of any loss: a figure above it is a misprint or a joke.
MAX_COUNT = 1_000_000_000
# A number next to one of these is a term of a sum, not a count: "10 ^ 100", "2 * 3".
_ARITHMETIC = frozenset({"^", "*", "**", "×", "+", "="})
_RANGE_LINKS = ("and", "to", "-", "or")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class QuantityMention:
    """A figure: ``start``/``end`` are token indices covering qualifier and number."""

    start: int
    end: int
    num_start: int
    value: int
    qualifier: str
    low: int | None = None
    high: int | None = None
    vague: bool = False


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    text = resources.files("sitrep.data").joinpath("quantities.json").read_text("utf-8")
    data = json.loads(text)
    data["units_after"] = frozenset(data["units_after"])
    data["units_before"] = frozenset(data["units_before"])
    data["age_before"] = frozenset(data["age_before"])
    data["compound_after"] = frozenset(data["compound_after"])
    data["growth_verbs"] = frozenset(data["growth_verbs"])
    data["vague"] = {k: v for k, v in data["vague"].items() if not k.startswith("_")}
    return data


def _is_number_word(text: str) -> bool:
    low = text.lower()
    return low in UNITS or low in SCALES


def _is_digits(text: str) -> bool:
    return bool(_DIGITS.match(text))


def _number_end(doc: Doc, i: int, stop: int) -> int:
    """Index after the number phrase starting at token i (digits or words)."""
    j = i + 1
    if _is_digits(doc[i].text):
        while j < stop and doc[j].lower_ in SCALES:
            j += 1
        return j
    while j < stop:
        low = doc[j].lower_
        if _is_number_word(low):
            j += 1
        elif low in ("-", "and") and j + 1 < stop and _is_number_word(doc[j + 1].lower_):
            # "one hundred and twenty", "twenty-five"; but not "two and three"
            if low == "and" and doc[j - 1].lower_ not in SCALES:
                break
            j += 2
        else:
            break
    return j


def number_value(words: list[str]) -> int | None:
    """The integer a number phrase denotes: "2,300", "1.2 million", "one thousand two hundred";
    ``None`` for a fraction ("3.5") or a figure above ``MAX_COUNT``."""
    words = [w.lower() for w in words if w not in ("-", "and")]
    if not words:
        return None
    if _is_digits(words[0]):
        value = Decimal(words[0].replace(",", ""))
        for w in words[1:]:
            value *= SCALES[w]
        if value != value.to_integral_value() or value > MAX_COUNT:
            return None
        return int(value)
    total, current = 0, 0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
    value = total + current
    return value if value <= MAX_COUNT else None


def _value_at(doc: Doc, i: int, stop: int) -> tuple[int, int] | None:
    if i >= stop or not (_is_digits(doc[i].text) or _is_number_word(doc[i].text)):
        return None
    j = _number_end(doc, i, stop)
    value = number_value([t.text for t in doc[i:j]])
    return None if value is None else (value, j)


def _not_a_count(doc: Doc, i: int, j: int, stop: int) -> bool:
    """True when the number at tokens i..j is a year, unit, age, identifier, etc."""
    lex = lexicon()
    tok = doc[i]
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < stop else None
    after_low = after.lower_ if after is not None else ""
    if _ORDINAL.match(tok.text) or (not tok.is_alpha and any(c.isalpha() for c in tok.text)):
        return True
    if before is not None and before.text in _ARITHMETIC or \
            after is not None and after.text in _ARITHMETIC:
        return True
    if after is not None and after_low in lex["units_after"]:
        return True
    if after_low == "local" and j + 1 < stop and doc[j + 1].lower_ == "time":
        return True  # "10:30 local time"; but "3 local policemen" are counted
    if after is not None and after.text in (":", "/") and j + 1 < stop and doc[j + 1].like_num:
        return True  # times and fractions: 10:30, 3/4
    if after_low == "-" and j + 1 < stop and doc[j + 1].lower_.rstrip("s") in lex["compound_after"]:
        return True  # "a 15-member delegation", "a 12-year-old"
    if before is not None:
        if before.lower_ in lex["units_before"] or before.lower_ in lex["age_before"]:
            return True
        if before.text == "-" and i > 1 and doc[i - 2].is_alpha:
            return True  # model names split by the tokenizer: "Su - 25"
        if _identifier_before(doc, i):
            return True
    if _year_like(tok.text, after):
        return True
    return _group_size(doc, i, j, stop)


def _identifier_before(doc: Doc, i: int) -> bool:
    """"Resolution 2334", "Flight 17", "Highway 1": a capitalised noun naming the number."""
    before = doc[i - 1]
    if not before.is_title or (not before.tag_ and (before.is_sent_start or i == 1)):
        return False
    low = before.lower_.rstrip(".")
    if low in lexicon()["qualifiers"] or low in UNITS or low in _CALENDAR:
        return False
    return not before.tag_ or before.pos_ in ("NOUN", "PROPN")


def _year_like(text: str, after) -> bool:
    if not re.fullmatch(r"1[89]\d\d|20\d\d", text):
        return False
    # "2000 soldiers", "1900 people" are counts; "in 1994, ..." and "1994 agreement" are years.
    if after is None or not after.is_alpha:
        return True
    plural = after.tag_ in ("NNS", "NNPS") if after.tag_ else after.lower_.endswith("s")
    return not plural


def _group_size(doc: Doc, i: int, j: int, stop: int) -> bool:
    """"a 12 nation group": an article before and a singular noun after make a modifier."""
    if i == 0 or doc[i - 1].lower_ not in ("a", "an", "the") or j >= stop:
        return False
    after = doc[j]
    if not after.is_alpha or after.lower_ in SCALES:
        return False
    if after.tag_:
        return after.tag_ == "NN"
    return not after.lower_.endswith("s")


def _qualifier(doc: Doc, i: int, floor: int) -> tuple[str, int]:
    """The qualifier phrase ending just before token i, and where the figure starts.
    "a total of more than 130": the inner qualifier counts, the wrapper joins the span."""
    qualifier, start = _phrase_before(doc, i, floor)
    if qualifier is None:
        return "exact", i
    wrapper, outer = _phrase_before(doc, start, floor)
    if wrapper == "exact":
        return (qualifier, outer)
    return qualifier, start


def _phrase_before(doc: Doc, i: int, floor: int) -> tuple[str | None, int]:
    quals = lexicon()["qualifiers"]
    for width in (3, 2, 1):
        k = i - width
        if k >= floor:
            phrase = " ".join(t.lower_ for t in doc[k:i])
            if phrase in quals:
                return quals[phrase], k
    return None, i


@functools.lru_cache(maxsize=1)
def _vague_starts() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon()["vague"])


def _vague(doc: Doc, i: int, stop: int) -> tuple[int, int] | None:
    """"dozens of soldiers", "hundreds were wounded": vague counts, lowest reading."""
    if doc[i].lower_ not in _vague_starts():
        return None
    vague = lexicon()["vague"]
    for width in (3, 2, 1):
        phrase = " ".join(t.lower_ for t in doc[i:i + width])
        if phrase in vague and i + width < stop and (
                doc[i + width].lower_ == "of" or doc[i + width].pos_ in ("AUX", "VERB")
                or doc[i + width].tag_ == "NNS" or doc[i + width].pos_ == "ADJ"):
            return vague[phrase], i + width
    return None


def find_quantities(doc: Doc, start: int = 0, end: int | None = None,
                    skip: set[int] | frozenset[int] = frozenset()) -> list[QuantityMention]:
    """Figures in tokens start..end; ``skip`` holds token indices already known as dates."""
    stop = len(doc) if end is None else end
    found: list[QuantityMention] = []
    i = start
    while i < stop:
        mention, i = _mention_at(doc, i, start, stop, skip)
        if mention is not None:
            found.append(mention)
    return found


def _mention_at(doc: Doc, i: int, floor: int, stop: int,
               skip) -> tuple[QuantityMention | None, int]:
    if i in skip:
        return None, i + 1
    vague = _vague(doc, i, stop)
    if vague is not None:
        value, j = vague
        return QuantityMention(i, j, i, value, "at_least", vague=True), j
    if doc[i].lower_ == "dozen":
        first = i - 1 if i > floor and doc[i - 1].lower_ in ("a", "about") else i
        return QuantityMention(first, i + 1, i, 12, "approx"), i + 1
    parsed = _value_at(doc, i, stop)
    if parsed is None:  # no number, or one that counts nothing ("3.5", "10^100")
        return None, (_number_end(doc, i, stop) if i < stop and _is_digits(doc[i].text)
                      else i + 1)
    value, j = parsed
    if any(k in skip for k in range(i, j)) or _not_a_count(doc, i, j, stop) \
            or _after_no_count(doc, i, floor):
        return None, j
    return _with_range(doc, i, j, value, floor, stop)


def _after_no_count(doc: Doc, i: int, floor: int) -> bool:
    """The end of a range whose start counts nothing: the 5 of "3.5 to 5 soldiers"."""
    return (i - 2 >= floor and doc[i - 1].lower_ in ("to", "-")
            and _is_digits(doc[i - 2].text) and _value_at(doc, i - 2, i - 1) is None)


def _with_range(doc: Doc, i: int, j: int, value: int, floor: int, stop: int):
    """Attach a qualifier, or read "between X and Y", "X to Y", "X-Y", "from X to Y"."""
    link = doc[j].lower_ if j < stop else ""
    second = _value_at(doc, j + 1, stop) if link in _RANGE_LINKS else None
    before = doc[i - 1].lower_ if i > floor else ""
    ranged = link != "and" or before == "between"
    if second is None and ranged and link in _RANGE_LINKS and j + 1 < stop \
            and _is_digits(doc[j + 1].text):
        return None, _number_end(doc, j + 1, stop)  # "2618 to 146.54": no figure at all
    if second is not None and ranged:
        high, k = second
        if not _not_a_count(doc, j + 1, k, stop):
            first = i - 1 if before in ("between", "from") else i
            if before == "from" and (_after_growth_verb(doc, first, floor) or value > high):
                # "rose from 40 to 45", "was revised from 50 to 20": the figure is now Y
                return QuantityMention(first, k, j + 1, high, "exact"), k
            if value > high:
                return None, k  # "50 to 20 soldiers" counts nothing one can tell
            return QuantityMention(first, k, i, high, "range", low=value, high=high), k
    qualifier, qstart = _qualifier(doc, i, floor)
    return QuantityMention(qstart, j, i, value, qualifier), j


def _after_growth_verb(doc: Doc, i: int, floor: int) -> bool:
    verbs = lexicon()["growth_verbs"]
    return any(t.lemma_ in verbs or t.lower_.rstrip("sd") in verbs
               or t.lower_ in ("rose", "grew") for t in doc[max(floor, i - 3):i])
