"""The word lists, the matching context, and the cues that say whether a clause looks back
or forward; resolution of month, day and weekday against the reference."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .periods import Reference, TimeMention, _add_months, _day, _month, _Period, _safe_date

# ---------------------------------------------------------------- lexicon and patterns


@lru_cache(maxsize=1)
def _words() -> dict:
    path = resources.files("sitrep") / "data" / "time_words.json"
    return json.loads(path.read_text(encoding="utf-8"))


def time_words() -> dict:
    """The word lists of ``time_words.json`` (months, weekdays, ...), read once."""
    return _words()


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "sept" wins over "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                         reverse=True))


@dataclass(frozen=True)
class _Ctx:
    """What a rule needs besides its match."""

    text: str
    ref: Reference
    lenient: bool  # the caller says the span is a time expression: skip the guards
    upper: bool  # the text is upper case (FBIS copy): capitalisation tells nothing


Rule = Callable[[re.Match, _Ctx], list[TimeMention]]


def _mention(ctx: _Ctx, start: int, end: int, kind: str, period: _Period | None = None, *,
             value: str | None = None, part: str | None = None, ordinal: int | None = None,
             year_explicit: bool = False) -> TimeMention:
    if period is not None:
        return TimeMention(start, end, ctx.text[start:end], kind, period.value, period.start,
                           period.end, period.precision, part, ordinal, year_explicit)
    return TimeMention(start, end, ctx.text[start:end], kind, value, None, None, None, part,
                       ordinal, year_explicit)


# ---------------------------------------------------------------- context cues


_BOUNDARY = re.compile(r"[.!?;]+[\"'”’)]*\s+|\n")


_WORD_BEFORE = re.compile(r"[\w.]+$")
_LONGEST_ABBREVIATION = 40  # characters looked back for one: never the whole text


def _is_boundary(text: str, match: re.Match) -> bool:
    """A full stop after "Jan" or "U.S" does not end the sentence."""
    if match.group().startswith("."):
        word = _WORD_BEFORE.search(
            text, max(0, match.start() - _LONGEST_ABBREVIATION), match.start())
        if word and word.group().lower() in _abbreviations():
            return False
    return True


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(_words()["sentence_abbreviations"])


def _clause_before(text: str, start: int, limit: int = 150) -> str:
    window_start = max(0, start - limit)
    cut = window_start
    for match in _BOUNDARY.finditer(text, window_start, start):
        if _is_boundary(text, match):
            cut = match.end()
    return text[cut:start]


def _clause_after(text: str, end: int, limit: int = 60) -> str:
    for match in _BOUNDARY.finditer(text, end, min(len(text), end + limit)):
        if _is_boundary(text, match):
            return text[end:match.start()]
    return text[end:end + limit]


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern, re.Pattern]:
    words = _words()
    future = re.compile("|".join(words["future_cues"]), re.IGNORECASE)
    past = re.compile("|".join(words["past_cues"]), re.IGNORECASE)
    return future, past


def _direction(ctx: _Ctx, start: int, end: int) -> int:
    """+1 when the clause points forward, -1 when it points back, 0 when it does not say."""
    future, past = _cue_patterns()
    before = _clause_before(ctx.text, start)
    if future.search(before):
        return 1
    if past.search(before) or past.search(_clause_after(ctx.text, end)):
        return -1
    return 0


def _next_word(text: str, end: int) -> str:
    """The word right after ``end`` ("" at punctuation or the end of text)."""
    match = re.match(r"\s*([A-Za-z][\w'-]*|\S?)", text[end:])
    return match.group(1) if match else ""


def _prev_words(text: str, start: int, n: int = 3) -> list[str]:
    return re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])[-n:]


def _capitalised(ctx: _Ctx, word: str) -> bool:
    return ctx.lenient or ctx.upper or word[:1].isupper()


def _next_is_name(ctx: _Ctx, end: int) -> bool:
    """A capitalised word follows ("the 29th Motor Rifle Division"), in mixed-case text."""
    word = _next_word(ctx.text, end)
    return bool(word) and word[0].isupper() and not ctx.upper and word.lower() not in (
        _function_words())


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(_words()["function_words"])


def _followed_by_function_word(ctx: _Ctx, end: int) -> bool:
    word = _next_word(ctx.text, end)
    return word == "" or not word[0].isalpha() or word.lower() in _function_words()


# ---------------------------------------------------------------- resolution against the reference


def _resolve_month_day(ctx: _Ctx, month: int, day: int, direction: int) -> _Period | None:
    """Year-less month and day: nearest to the report date unless the clause gives a direction."""
    ref = ctx.ref
    if ref.year is None:
        return None
    ref_date = ref.as_date()
    if ref_date is None:
        same_year = _safe_date(ref.year, month, day)
        return _day(same_year) if same_year else None
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                  if (d := _safe_date(y, month, day)) is not None]
    if direction > 0:
        candidates = [d for d in candidates if d >= ref_date]
    elif direction < 0:
        # a past-tense clause still means this year's date when it is only weeks ahead
        # ("was extended to Nov. 16"); otherwise it looks back
        candidates = [d for d in candidates if d <= ref_date or (d - ref_date).days <= 31]
    if not candidates:
        return None
    return _day(min(candidates, key=lambda d: (abs((d - ref_date).days), d > ref_date)))


def _resolve_month(ctx: _Ctx, month: int, mode: str | None, direction: int) -> _Period | None:
    """A month without year.

    "last May" is the most recent May before the report month, but not the month just gone
    (that would be "last month"); "next May" likewise. Otherwise the most recent such month,
    or one up to three months ahead when nothing in the clause looks back ("elections in
    November" in an October report) or the clause points forward.
    """
    ref = ctx.ref
    if ref.year is None:
        return None
    if ref.month is None or mode == "this":
        return _month(ref.year, month)
    ahead, back = (month - ref.month) % 12, (ref.month - month) % 12
    if mode == "last":
        back = back + 12 if back <= 1 else back
    elif mode == "next":
        return _month(*_add_months(ref.year, ref.month, ahead + 12 if ahead <= 1 else ahead))
    elif direction > 0 or (direction == 0 and ahead < back and ahead <= _NEAR_MONTHS):
        return _month(*_add_months(ref.year, ref.month, ahead))
    return _month(*_add_months(ref.year, ref.month, -back))


_NEAR_MONTHS = 3


def _resolve_day_of_month(ctx: _Ctx, day: int, direction: int) -> _Period | None:
    """A day number without month: in the report month, or the month before when the day
    is later than the report day (the month after, in a forward-pointing clause)."""
    ref, ref_date = ctx.ref, ctx.ref.as_date()
    if ref_date is None or ref.year is None or ref.month is None:
        return None
    if direction > 0:
        shifts = (0, 1, 2) if day >= ref_date.day else (1, 2)
    else:
        shifts = (0, -1, -2) if day <= ref_date.day else (-1, -2)
    for k in shifts:
        year, month = _add_months(ref.year, ref.month, k)
        found = _safe_date(year, month, day)
        if found is not None:
            return _day(found)
    return None


def _resolve_weekday(ctx: _Ctx, weekday: int, mode: str | None, direction: int) -> _Period | None:
    ref_date = ctx.ref.as_date()
    if ref_date is None:
        return None
    back = (ref_date.weekday() - weekday) % 7
    ahead = (weekday - ref_date.weekday()) % 7
    if mode == "last":
        return _day(ref_date - datetime.timedelta(days=back or 7))
    if mode == "next":
        return _day(ref_date + datetime.timedelta(days=ahead or 7))
    if mode == "this" or direction > 0:
        return _day(ref_date + datetime.timedelta(days=ahead))
    return _day(ref_date - datetime.timedelta(days=back))


def _explicit_year(m: re.Match, ctx: _Ctx) -> int | None:
    """The year a date states: "2020", "'90", or "last year" against the reference."""
    if m.groupdict().get("year"):
        return int(m["year"])
    if m.groupdict().get("yrel"):
        if ctx.ref.year is None:
            return None
        return ctx.ref.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].split()[0].lower()]
    if m.groupdict().get("yy"):
        return _two_digit_year(int(m["yy"]), ctx.ref)
    return None


def _two_digit_year(yy: int, ref: Reference) -> int:
    """'90' -> 1990: the century that puts the year nearest the report year (no more than
    a few years ahead of it), or 19xx from 50 up when the report year is unknown."""
    if ref.year is None:
        return 1900 + yy if yy >= 50 else 2000 + yy
    options = [c + yy for c in range(ref.year // 100 * 100 - 100, ref.year + 101, 100)]
    options = [y for y in options if y <= ref.year + 5] or options
    return min(options, key=lambda y: abs(y - ref.year))


def _month_number(word: str) -> int:
    return _words()["months"][word.lower().rstrip(".")]


def _mode(modifier: str | None) -> str | None:
    """Map a modifier ("last", "this coming", "the previous"...) to last/next/this/None."""
    if not modifier:
        return None
    word = modifier.lower().split()[-1]
    if word in ("last", "past", "previous"):
        return "last"
    if word in ("next", "coming", "following"):
        return "next"
    if word in ("this", "current"):
        return "this"
    return None
