"""Recognise date expressions in English news text and resolve them against the report date.

``find_dates(text, reference)`` finds every date expression (absolute dates, day-of-month
references, weekdays, relative expressions, years, months, anaphoric "the same day",
counted days "the fourth day" and vague references "now", "recently") and resolves each
against ``reference``, the date of the report. ``resolve_expression(expr, reference)``
resolves one expression a caller already found; ``parse_dateline_date(text)`` reads the
date of a dateline.

Values follow TimeML (TIMEX3 ``value``): "2020-09-30", "2020-09", "2020", "2020-W40",
"1998-Q1", "1998-SU", "199" (a decade), "PAST_REF". Resolution rules:

- A date with month and day but no year takes the year that puts it nearest the report
  date, or the next/previous one when the clause points forward ("will meet on Dec. 15")
  or backward ("was killed on Dec. 15").
- A day of month without month ("on the 29th") takes the report month; a day later than the
  report day falls in the previous month (forward-pointing clauses: the next month).
- A bare weekday is the most recent such day on or before the report date (news agencies
  name the report day itself by its weekday), or the next one on or after it in a
  forward-pointing clause; "last" and "next" exclude the report day.
- A month without year is the most recent such month not after the report month; one up
  to three months ahead when nothing in the clause looks back ("elections in November" in
  an October report), or the next one in a forward-pointing clause. "last May" skips the
  month just gone (that would be "last month").
- Anaphora: "the previous year", "the following month", "that year" follow the year or
  month the text named last; "a year earlier" and "the year-ago quarter" after a quarter
  ("third-quarter profit") give that quarter a year back. Without such an anchor they fall
  back to the report date, or to ``None`` where only the anchor could tell.
- Without a known year, year-less expressions keep ``value=None`` and no dates: the mention
  is still returned, so the caller can flag ``unknown_year``. A year is never guessed.
- "the same day", "that day" (kind ``same_day``) and "the fourth day" (kind
  ``ordinal_day``) are anaphoric: their value stays ``None`` for the caller to resolve.

Clause direction comes from cue words in the sentence before the expression ("will",
"scheduled", "ahead of" point forward; "was", "ago", "since" back). Lexicons and cue lists
live in ``sitrep/data/time_words.json``. Everything here is regular expressions over plain
text: no spaCy. Not handled: numeric dates other than year-first ("12/01/2020" is
ambiguous), times of day, durations ("for three days").
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

KINDS = (
    "date", "day_of_month", "weekday", "relative", "year", "month", "same_day",
    "ordinal_day", "ref",
)
_ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Reference:
    """What the report date is known to be; any part may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_date(cls, d: datetime.date) -> Reference:
        return cls(d.year, d.month, d.day)

    def as_date(self) -> datetime.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return datetime.date(self.year, self.month, self.day)


@dataclass(frozen=True)
class TimeMention:
    """One date expression: offsets into the text searched, its form and its resolution.

    ``kind`` is the form (one of ``KINDS``); ``value`` the TimeML value or ``None`` when it
    cannot be resolved; ``start_date``/``end_date`` the first and last day covered;
    ``precision`` the unit of the value: "day", "week", "month" (also quarters, halves and
    seasons, which are runs of whole months), "year" (also decades and centuries) or
    ``None``. ``ordinal`` is n for kind "ordinal_day"; ``year_explicit`` is true when the
    expression itself states the year.
    """

    start: int
    end: int
    text: str
    kind: str
    value: str | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    precision: str | None
    part_of_day: str | None = None  # "morning", "afternoon", "evening", "night"
    ordinal: int | None = None
    year_explicit: bool = False


@dataclass(frozen=True)
class _Period:
    """A resolved stretch of time: TimeML value, first and last day, unit of the value."""

    value: str
    start: datetime.date
    end: datetime.date
    precision: str | None


# ---------------------------------------------------------------- periods


def _day(d: datetime.date) -> _Period:
    return _Period(d.isoformat(), d, d, "day")


def _month(year: int, month: int) -> _Period:
    last = calendar.monthrange(year, month)[1]
    return _Period(f"{year:04d}-{month:02d}", datetime.date(year, month, 1),
                   datetime.date(year, month, last), "month")


def _year(year: int) -> _Period:
    return _Period(f"{year:04d}", datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")


def _week(d: datetime.date, weekend: bool = False) -> _Period:
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - datetime.timedelta(days=d.weekday())
    if weekend:
        return _Period(f"{iso_year:04d}-W{iso_week:02d}-WE", monday + 5 * _ONE_DAY,
                       monday + 6 * _ONE_DAY, "week")
    return _Period(f"{iso_year:04d}-W{iso_week:02d}", monday, monday + 6 * _ONE_DAY, "week")


def _months_span(value: str, year: int, first: int, count: int) -> _Period:
    """A run of whole months (quarter, half, season); precision is "month"."""
    end_year, end_month = _add_months(year, first, count - 1)
    return _Period(value, datetime.date(year, first, 1), _month(end_year, end_month).end, "month")


def _quarter(year: int, quarter: int) -> _Period:
    return _months_span(f"{year:04d}-Q{quarter}", year, 3 * quarter - 2, 3)


def _half(year: int, half: int) -> _Period:
    return _months_span(f"{year:04d}-H{half}", year, 6 * half - 5, 6)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(year: int, code: str) -> _Period:
    return _months_span(f"{year:04d}-{code}", year, _SEASON_START[code], 3)


def _decade(first_year: int) -> _Period:
    return _Period(str(first_year // 10), datetime.date(first_year, 1, 1),
                   datetime.date(first_year + 9, 12, 31), "year")


def _century(number: int) -> _Period | None:
    first = (number - 1) * 100
    if not 1 <= first + 1 <= 9999 - 99:
        return None
    return _Period(f"{number - 1:02d}", datetime.date(max(first, 1), 1, 1),
                   datetime.date(first + 99, 12, 31), "year")


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return datetime.date(year, month, day)


# ---------------------------------------------------------------- lexicon and patterns


@lru_cache(maxsize=1)
def _words() -> dict:
    path = resources.files("sitrep") / "data" / "time_words.json"
    return json.loads(path.read_text(encoding="utf-8"))


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


def _is_boundary(text: str, match: re.Match) -> bool:
    """A full stop after "Jan" or "U.S" does not end the sentence."""
    if match.group().startswith("."):
        word = re.search(r"[\w.]+$", text[:match.start()])
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


# ---------------------------------------------------------------- rules: absolute dates


def _day_rule_ok(ctx: _Ctx, mon_word: str, end: int, has_year: bool) -> bool:
    """Guards for a month name next to a day number ("may 5 people", "30 MAY BE")."""
    if ctx.lenient or has_year:
        return True
    lowered = mon_word.lower().rstrip(".")
    if lowered in _words()["months_needing_frame"]:
        if not _capitalised(ctx, mon_word):
            return False
        if lowered in ("may", "march") and not _followed_by_function_word(ctx, end):
            return False
    return True


def _rule_iso(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    found = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if found is None:
        return []
    return [_mention(ctx, m.start(), m.end(), "date", _day(found), year_explicit=True)]


def _dated(ctx: _Ctx, start: int, end: int, month: int, day: int, year: int | None) -> TimeMention:
    """One month-and-day mention; the year is explicit or comes from the reference."""
    if year is not None:
        found = _safe_date(year, month, day)
        period = _day(found) if found else None
        return _mention(ctx, start, end, "date", period, year_explicit=True)
    period = _resolve_month_day(ctx, month, day, _direction(ctx, start, end))
    return _mention(ctx, start, end, "date", period)


def _rule_month_day(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"September 30", "Sept. 30, 2020", "JAN 12, 90", "Saturday, April 25", "Sept 29-30"."""
    year = _explicit_year(m, ctx)
    if not _day_rule_ok(ctx, m["mon"], m.end(), year is not None):
        return []
    month, day = _month_number(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return []
    if not m["day2"]:
        return [_dated(ctx, m.start(), m.end(), month, day, year)]
    first = _dated(ctx, m.start(), m.end("d1"), month, day, year)
    return [first, _dated(ctx, m.start("day2"), m.end(), month, int(m["day2"]), year)]


def _rule_day_month(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"30 September 2020", "30 Sept", "12 JAN 90", "27-30 September", "29th of September"."""
    year = _explicit_year(m, ctx)
    if not _day_rule_ok(ctx, m["mon"], m.end(), year is not None):
        return []
    month, day = _month_number(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return []
    mentions = []
    if m["day0"] and 1 <= int(m["day0"]) <= 31:
        mentions.append(_dated(ctx, m.start("day0"), m.end("d0"), month, int(m["day0"]), year))
    mentions.append(_dated(ctx, m.start("day"), m.end(), month, day, year))
    return mentions


def _rule_month_year(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"March 2019", "early September 1990", "June of 1994"."""
    period = _month(int(m["year"]), _month_number(m["mon"]))
    return [_mention(ctx, m.start(), m.end(), "month", period, year_explicit=True)]


def _rule_month(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """A month alone: "in March", "last June", "mid-November", "January this year"."""
    word = m["mon"]
    if not ctx.lenient:
        if not _capitalised(ctx, word):
            return []
        framed = m["mod"] or (_prev_words(ctx.text, m.start(), 1) or [""])[0].lower() in (
            "in", "since", "until", "till", "by", "from", "to", "through", "during", "before",
            "after", "between", "of", "and", "or", "early", "late", "mid", "throughout")
        if word.lower().rstrip(".") in _words()["months_needing_frame"] and not framed:
            return []
    month = _month_number(word)
    if m["yrel"]:
        ref_year = ctx.ref.year
        shift = {"last": -1, "this": 0, "next": 1}[m["yrel"].split()[0].lower()]
        period = _month(ref_year + shift, month) if ref_year is not None else None
    else:
        period = _resolve_month(ctx, month, _mode(m["mod"]), _direction(ctx, m.start(), m.end()))
    return [_mention(ctx, m.start(), m.end(), "month", period)]


def _rule_day_of_month(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"on the 29th", "from the 27th to the 30th": a day number in a date frame."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        return []
    if not ctx.lenient:
        before = [w.lower() for w in _prev_words(ctx.text, m.start(), 1)]
        framed = bool(before) and before[0] in ("on", "since", "until", "till", "by", "from",
                                                "to", "through", "before", "after", "of")
        if _next_is_name(ctx, m.end()):
            return []
        if not framed and not _followed_by_function_word(ctx, m.end()):
            return []
        if framed and not _followed_by_function_word(ctx, m.end()) and not ctx.upper \
                and _ordinal_noun_after(ctx, m.end()):
            return []  # "on the 13th brigade"; but "firing on the 13th killed" is a date
    period = _resolve_day_of_month(ctx, day, _direction(ctx, m.start(), m.end()))
    return [_mention(ctx, m.start(), m.end(), "day_of_month", period)]


def _ordinal_noun_after(ctx: _Ctx, end: int) -> bool:
    word = _next_word(ctx.text, end)
    return word is None or word.lower() in _words()["ordinal_nouns"] or word[:1].isupper()


def _rule_part_day_of_month(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the morning of 30", "on the evening of 29th": a bare number after a part of day."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        return []
    part = _words()["parts_of_day"][m["pod"].lower()]
    period = _resolve_day_of_month(ctx, day, _direction(ctx, m.start(), m.end()))
    return [_mention(ctx, m.start(), m.end(), "day_of_month", period, part=part)]


def _rule_weekday(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"Tuesday", "last Tuesday", "next Friday", "early Monday"."""
    if not _capitalised(ctx, m["wd"]):
        return []
    weekday = _words()["weekdays"][m["wd"].lower()]
    period = _resolve_weekday(ctx, weekday, _mode(m["mod"]), _direction(ctx, m.start(), m.end()))
    return [_mention(ctx, m.start(), m.end(), "weekday", period)]


def _rule_relative_day(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"yesterday", "today", "tonight", "last night", "this morning", "late yesterday"."""
    offset, part = _words()["relative_days"][" ".join(m["w"].lower().split())]
    ref_date = ctx.ref.as_date()
    period = _day(ref_date + datetime.timedelta(days=offset)) if ref_date else None
    return [_mention(ctx, m.start(), m.end(), "relative", period, part=part)]


# ---------------------------------------------------------------- rules: relative expressions


def _shift_words(rel: str) -> int:
    last = rel.split()[-1]
    if last in ("last", "past", "previous"):
        return -1
    if last in ("next", "coming", "following"):
        return 1
    return 0


def _unit_period(ctx: _Ctx, unit: str, shift: int) -> _Period | None:
    """The week, month, quarter... of the report date moved by ``shift`` units."""
    ref, ref_date = ctx.ref, ctx.ref.as_date()
    if ref.year is None:
        return None
    if unit in ("year", "fiscal year"):
        return _year(ref.year + shift)
    if unit == "decade":
        return _decade(ref.year // 10 * 10 + 10 * shift)
    if unit == "century":
        return _century(ref.year // 100 + 1 + shift)
    if ref.month is None:
        return None
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, shift))
    if unit == "quarter":
        year, month = _add_months(ref.year, ref.month, 3 * shift)
        return _quarter(year, (month - 1) // 3 + 1)
    if unit == "half":
        year, month = _add_months(ref.year, ref.month, 6 * shift)
        return _half(year, (month - 1) // 6 + 1)
    if ref_date is None:
        return None
    if unit == "weekend":
        # said early in the week, "the weekend" is the one just gone
        back = shift == 0 and ref_date.weekday() <= 2
        return _week(ref_date + datetime.timedelta(days=7 * (shift - back)), weekend=True)
    return _week(ref_date + datetime.timedelta(days=7 * shift))


def _rule_relative_unit(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"last week", "this month", "next year", "earlier this month", "the end of the year",
    "the current quarter", "the latest quarter" (the last one completed)."""
    rel = " ".join(m["rel"].lower().split())
    unit = " ".join(m["unit"].lower().split())
    strict_ok = unit in ("weekend",) or (rel in ("the latest", "latest") and unit in (
        "quarter", "half")) or (rel == "that" and unit in ("year", "month"))
    if rel in ("the", "that", "the latest", "latest") and not (m["edge"] or ctx.lenient
                                                               or strict_ok):
        return []
    if rel in ("that", "the following"):
        # anaphoric: filled in from the year the text named last, or left to the caller
        return [_mention(ctx, m.start(), m.end(), "relative")]
    shift = _shift_words(rel)
    if rel in ("the latest", "latest", "the") and unit in ("quarter", "half"):
        shift = -1  # the quarter a report speaks of is the last complete one
    period = _unit_period(ctx, unit, shift)
    return [_mention(ctx, m.start(), m.end(), "relative", period)]


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    numbers = _words()["number_words"]
    parts = re.split(r"[\s-]+", word)
    if all(p in numbers for p in parts):
        return sum(numbers[p] for p in parts)
    return None


def _rule_ago(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"two days ago", "three weeks ago", "a year earlier", "five years from now"."""
    direction = " ".join(m["dir"].lower().split())
    unit = m["unit"].lower().rstrip("s")
    count = " ".join(m["n"].lower().split())
    forward = direction in ("from now", "hence", "later", "after")
    if count in _words()["vague_counts"]:
        value = "FUTURE_REF" if forward else "PAST_REF"
        return [_mention(ctx, m.start(), m.end(), "ref", value=value)]
    n = _number(count)
    if n is None:
        return []
    if direction in ("later", "after", "before"):
        return [_mention(ctx, m.start(), m.end(), "relative")]  # counted from an event
    sign = 1 if forward else -1
    return [_mention(ctx, m.start(), m.end(), "relative", _ago_period(ctx, unit, sign * n))]


def _ago_period(ctx: _Ctx, unit: str, k: int) -> _Period | None:
    ref, ref_date = ctx.ref, ctx.ref.as_date()
    if ref.year is None:
        return None
    if unit == "year":
        return _year(ref.year + k)
    if unit == "decade":
        return _decade(ref.year // 10 * 10 + 10 * k)
    if ref.month is None:
        return None
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, k))
    if ref_date is None:
        return None
    if unit == "week":
        return _week(ref_date + datetime.timedelta(days=7 * k))
    return _day(ref_date + datetime.timedelta(days=k))


def _rule_year_end(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"year-end", "the end of the year": the report year."""
    period = _year(ctx.ref.year) if ctx.ref.year is not None else None
    return [_mention(ctx, m.start(), m.end(), "relative", period)]


def _rule_year_adjective(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"year-earlier", "year-ago" (financial copy): the year before the report year."""
    period = _year(ctx.ref.year - 1) if ctx.ref.year is not None else None
    return [_mention(ctx, m.start(), m.end(), "relative", period)]


def _rule_quarter(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the third quarter", "third-quarter", "the first half of 1990", "Q3 2020"."""
    ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                "3rd": 3, "4th": 4}
    unit = m["unit"].lower()
    year_text = m["y1"] or m["y2"]
    if m["ord"].lower() == "last":
        if not year_text:
            return []  # "the last quarter": the one before the report's, see relative units
        number = 4 if unit == "quarter" else 2
    else:
        number = ordinals[m["ord"].lower()]
    if unit == "half" and (number > 2 or not (year_text or ctx.lenient)):
        return []  # "the first half" alone is as often a match's as a year's
    if year_text:
        year, kind, explicit = int(year_text), "date", True
    else:
        pre = (m["pre"] or "").lower()
        shift = -1 if pre.startswith("last") or "year-" in pre else 1 if pre.startswith(
            "next") else 0
        year = ctx.ref.year + shift if ctx.ref.year is not None else None
        kind, explicit = "relative", False
    if year is None:
        return [_mention(ctx, m.start(), m.end(), kind)]
    period = _quarter(year, number) if unit == "quarter" else _half(year, number)
    return [_mention(ctx, m.start(), m.end(), kind, period, year_explicit=explicit)]


def _rule_q_notation(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"Q3 2020", "2020 Q3"."""
    period = _quarter(int(m["y"] or m["y2"]), int(m["q"] or m["q2"]))
    return [_mention(ctx, m.start(), m.end(), "date", period, year_explicit=True)]


def _rule_season(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"last summer", "this spring", "the winter of 1994"."""
    code = _words()["seasons"][m["season"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if m["year"]:
        period = _season(int(m["year"]), code)
        return [_mention(ctx, m.start(), m.end(), "date", period, year_explicit=True)]
    if not ctx.lenient and (rel in ("", "early", "late", "mid", "mid-") or (
            rel.startswith("the") and code in ("FA", "SP"))):
        return []  # "the fall of Kabul", "a hot spring"
    return [_mention(ctx, m.start(), m.end(), "relative", _resolve_season(ctx, code, rel))]


def _resolve_season(ctx: _Ctx, code: str, rel: str) -> _Period | None:
    ref = ctx.ref
    if ref.year is None or ref.month is None:
        return None
    ref_date = ref.as_date() or datetime.date(ref.year, ref.month, 15)
    options = [_season(y, code) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    mode = _mode(rel)
    if mode == "last":
        return max((p for p in options if p.end < ref_date), key=lambda p: p.start)
    if mode == "next":
        return min((p for p in options if p.start > ref_date), key=lambda p: p.start)
    containing = [p for p in options if p.start <= ref_date <= p.end]
    return containing[0] if containing else _season(ref.year, code)


# ---------------------------------------------------------------- rules: years and vaguer things




def _plausible_year(ctx: _Ctx, m: re.Match) -> bool:
    """Tell "in 1994" and "the 1992 war" from "another 1900 people" and "Resolution 2254"."""
    before = [w.lower() for w in _prev_words(ctx.text, m.start(), 2)]
    previous = before[-1] if before else ""
    words = _words()
    if previous in words["count_qualifiers"] or previous in words["id_words"]:
        return False
    after = _next_word(ctx.text, m.end()) or ""
    lowered = after.lower()
    if lowered in words["count_nouns"] or ctx.text[m.end():m.end() + 1] in ("%", "-"):
        return False
    if not after or not after[0].isalpha() or lowered in _function_words():
        return True
    if lowered.endswith("s") and len(lowered) > 3 and after.islower():
        return False  # "1900 soldiers", "in 2000 elections" (the second is lost)
    # a year before a noun: "the 1992 war", "its 1990 invasion", "Iraq's 2003 election"
    determiners = ("the", "his", "her", "its", "their", "our", "my", "that", "this", "s")
    return previous in words["year_frames"] or previous in determiners or after[0].isupper()


def _rule_year(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"1994", "in 1994", "mid-2019", "fiscal 1989", "the end of 1990"."""
    year = int(m["year"])
    if not ctx.lenient and not m["mod"] and not (1800 <= year <= 2099 and
                                                 _plausible_year(ctx, m)):
        return []
    return [_mention(ctx, m.start(), m.end(), "year", _year(year), year_explicit=True)]


def _rule_year_words(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    numbers = _words()["number_words"]
    head, *rest = re.split(r"[\s-]+", m["yw"].lower())
    if head == "two":  # "two thousand (and) eight"
        year = 2000 + sum(numbers[w] for w in rest[1:] if w != "and")
    else:
        year = numbers[head] * 100 + sum(numbers[w] for w in rest)
    return [_mention(ctx, m.start(), m.end(), "year", _year(year), year_explicit=True)]


def _rule_decade(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the 1990s", "the mid-1990s", "the '80s", "the nineties"."""
    if m["dec"]:
        return [_mention(ctx, m.start(), m.end(), "year", _decade(int(m["dec"])),
                         year_explicit=True)]
    if m["dw"]:
        before = [w.lower() for w in _prev_words(ctx.text, m.start(), 1)]
        if before and before[0] in ("his", "her", "their", "my", "your", "our", "its"):
            return []  # an age: "in his sixties"
        digit = _words()["decade_words"][m["dw"].lower()]
    else:
        digit = int(m["dd"]) // 10
    year = ctx.ref.year
    if year is None:
        return [_mention(ctx, m.start(), m.end(), "year")]
    first = year // 100 * 100 + digit * 10
    first = first - 100 if first > year else first
    return [_mention(ctx, m.start(), m.end(), "year", _decade(first))]


def _rule_century(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the 20th century", "the eleventh century"."""
    text = m["c"].lower()
    number = int(re.sub(r"\D", "", text)) if text[0].isdigit() else _words()[
        "ordinal_words"].get(text)
    period = _century(number) if number else None
    if period is None:
        return []
    return [_mention(ctx, m.start(), m.end(), "year", period, year_explicit=True)]


def _counts_on(ctx: _Ctx, end: int) -> bool:
    """A number or a unit of time follows ("the past 24 hours", "the past few days")."""
    word = (_next_word(ctx.text, end) or "").lower()
    words = _words()
    return word.isdigit() or word in words["number_words"] or word in (
        "few", "several", "couple") or word.rstrip("s") in ("day", "week", "month", "year",
                                                             "hour", "decade", "century")


def _rule_ref(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"now", "currently", "recently", "the past", "the near future"."""
    phrase = " ".join(m["w"].lower().split())
    words = _words()
    if not ctx.lenient and phrase in ("the past", "the future") and _counts_on(ctx, m.end()):
        return []  # "the past 24 hours" is a duration
    if phrase == "soon" and re.match(r"\s+as\b", ctx.text[m.end():], re.IGNORECASE):
        return []  # "as soon as he learned": a conjunction
    value = words["ref_words"].get(phrase)
    if value is None:
        if not ctx.lenient:
            return []
        value = words["ref_words_resolve_only"][phrase]
    return [_mention(ctx, m.start(), m.end(), "ref", value=value)]


def _rule_same_day(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the same day", "that day", "that night": anaphoric, the caller resolves them."""
    part = _words()["same_day"][" ".join(m["w"].lower().split())]
    return [_mention(ctx, m.start(), m.end(), "same_day", part=part)]


def _rule_ordinal_day(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the fourth day", "the third day of fighting", "day 100 of the war"."""
    what = (m["what"] or "").lower()
    if what in _words()["months"] or what in ("the", "a", "an"):
        return []  # "the first day of September" is a date, left to the date rules
    text = m["n"].lower()
    if text[0].isdigit():
        n = int(re.sub(r"\D", "", text))
    else:
        n = _words()["ordinal_words"].get(text) or _number(text)
    if not n:
        return []
    return [_mention(ctx, m.start(), m.end(), "ordinal_day", ordinal=n)]


# ---------------------------------------------------------------- anaphora


def _rule_period_anaphor(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"the year-ago quarter", "the same period last year", "the quarter" (lenient only),
    "the 1988 period": resolved from the quarter the text last named, see ``_anaphora``.
    On their own they fall back to the year before (when they say so), the year they name,
    or the last complete quarter before the report."""
    text = " ".join(m.group().lower().split())
    has_back = m.groupdict().get("back") or m.groupdict().get("back2")
    if m.groupdict().get("year"):
        period: _Period | None = _year(int(m["year"]))
    elif has_back:
        period = _year(ctx.ref.year - 1) if ctx.ref.year is not None else None
    elif not ctx.lenient:
        return []  # in running text "the quarter" is as often part of a city
    elif text.startswith("that"):
        return [_mention(ctx, m.start(), m.end(), "relative")]
    else:
        period = _unit_period(ctx, "quarter", -1)
    return [_mention(ctx, m.start(), m.end(), "relative", period)]


_ANAPHOR_DISTANCE = 600  # characters back to look for the period an anaphor points to


def _anaphor(text: str) -> tuple[str, int] | None:
    """What an anaphoric expression points to: ("quarter", years back) or ("year", shift)."""
    t = " ".join(text.lower().split())
    names_period = re.search(r"quarter|period|three months", t)
    if t in ("a year ago", "a year earlier", "year-ago", "year-earlier") or (
            names_period and re.search(r"year[- ](?:ago|earlier)|a year before|last year", t)):
        return ("quarter", -1)
    if re.fullmatch(r"(?:the|that) (?:same |corresponding |comparable )?"
                    r"(?:quarter|period|three months)", t):
        return ("quarter", 0)
    if match := re.fullmatch(r"the (\d{4}) (?:quarter|period)", t):
        return ("quarter_of", int(match.group(1)))
    match = re.fullmatch(r"(that|the same|the following|the previous|the prior|the preceding)"
                         r" (year|month)|the (year|month) (before|after)", t)
    if match is None:
        return None
    word = match.group(1) or match.group(4)
    shift = 1 if word in ("the following", "after") else 0 if word in ("that", "the same") else -1
    return (match.group(2) or match.group(3), shift)


def _anaphora(mention: TimeMention, earlier: list[TimeMention]) -> TimeMention:
    """Resolve "the year-ago quarter" or "the following year" from what the text named last."""
    target = _anaphor(mention.text)
    if target is None:
        return mention
    kind, shift = target
    for anchor in reversed(earlier):
        if anchor.end > mention.start or _anaphor(anchor.text) is not None:
            continue
        if mention.start - anchor.end > _ANAPHOR_DISTANCE or not anchor.value:
            break
        period = _from_anchor(anchor, kind, shift)
        if period is not None:
            return replace(mention, value=period.value, start_date=period.start,
                           end_date=period.end, precision=period.precision)
    return mention


def _from_anchor(anchor: TimeMention, kind: str, shift: int) -> _Period | None:
    value = anchor.value or ""
    if kind == "year":
        explicit = anchor.year_explicit and value[:4].isdigit()
        return _year(int(value[:4]) + shift) if explicit else None
    if kind == "month":
        match = re.match(r"(\d{4})-(\d\d)(?:-\d\d)?$", value)
        return _month(*_add_months(int(match[1]), int(match[2]), shift)) if match else None
    match = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
    if match is None:
        return None
    year = shift if kind == "quarter_of" else int(match.group(1)) + shift
    number = int(match.group(3))
    return _quarter(year, number) if match.group(2) == "Q" else _half(year, number)


def _resolve_anaphora(mentions: list[TimeMention]) -> list[TimeMention]:
    resolved: list[TimeMention] = []
    for mention in mentions:
        resolved.append(_anaphora(mention, resolved))
    return resolved


# ---------------------------------------------------------------- the rule table


_L = r"(?<![\w])"  # a match starts at a word boundary
_YEAR4 = r"(?P<year>1[0-9]\d\d|20\d\d)(?![\w%]|[.,]\d)"
_YEAR_WORDS = r"\s+(?P<yrel>last\s+year|this\s+year|next\s+year)(?![\w-])"  # "Oct. 8 last year"
_EDGE = (r"early|late|mid-?|the\s+middle\s+of|the\s+beginning\s+of|the\s+end\s+of|"
         r"the\s+start\s+of")
_MODS = (r"last|next|this\s+past|this\s+coming|this|coming|past|previous|the\s+previous|"
         r"the\s+following|following")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern, Rule], ...]:
    w = _words()
    months = _alt(w["months"])
    full = [m for m in w["months"] if len(m) > 3 and m not in ("sept",)] + ["may"]
    short = _alt(set(w["months"]) - set(full))
    # only an abbreviation takes a full stop: "Sept. 30", but "in December."
    mon = rf"(?P<mon>(?:{_alt(full)})(?![a-z])|(?:{short})(?![a-z])\.?)"
    wd = rf"(?P<wd>{_alt(w['weekdays'])})"
    pod = rf"(?P<pod>{_alt(w['parts_of_day'])})"
    numw = _alt(w["number_words"])
    ordw = _alt(w["ordinal_words"])
    day = r"(?P<d1>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)"
    no_more_digits = r"(?![\d%]|[.,:]\d)"
    units = "one|two|three|four|five|six|seven|eight|nine"
    teens = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
             "nineteen")
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    table: list[tuple[str, Rule]] = [
        (r"(?<![\w/.-])(?P<y>1[0-9]\d\d|20\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)"
         r"(?P<d>[0-3]?\d)(?![\w/]|[.-]\d)", _rule_iso),
        (rf"{_L}(?:{wd},?\s+)?{mon}\s*{day}(?:\s*(?:-|–|to|and|through)\s*"
         rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?{no_more_digits}"
         rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?{_YEAR4}|\s*,\s*'?(?P<yy>\d\d)(?![\w%]|[.,]\d)|"
         rf"{_YEAR_WORDS})?", _rule_month_day),
        (rf"{_L}(?:(?P<d0>(?P<day0>[0-3]?\d)(?:st|nd|rd|th)?)\s*(?:-|–|to|and|until|through)"
         rf"\s*(?:the\s+)?)?(?<![\d.,]){day}\s*(?:of\s+)?{mon}(?:,?\s*{_YEAR4}|"
         rf"\s+'?(?P<yy>\d\d)(?=\s*[(\-—–,;:.]|\s*\n|\s*$)|{_YEAR_WORDS})?", _rule_day_month),
        (rf"{_L}(?:(?P<mod>{_EDGE})\s*)?{mon}(?:\s+of\s+|,\s*|\s+){_YEAR4}", _rule_month_year),
        (rf"{_L}(?:(?P<mod>{_MODS}|{_EDGE})\s*)?{mon}(?![\w-])(?!\s*[-–]?\s*\d)"
         r"(?:\s+(?P<yrel>last\s+year|this\s+year|next\s+year))?", _rule_month),
        (rf"{_L}(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?![\w])", _rule_day_of_month),
        (rf"{_L}(?:the\s+)?(?:(?:early|late)\s+)?{pod}\s+of\s+(?:the\s+)?"
         rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)"
         rf"(?!\s+(?:of\s+)?(?:{months})(?![a-z]))", _rule_part_day_of_month),
        (rf"{_L}(?:(?P<mod>{_MODS}|early|late|earlier|later)\s+)?{wd}(?![\w])", _rule_weekday),
        (rf"{_L}(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>{_alt(w['relative_days'])})"
         r"(?![\w])", _rule_relative_day),
        (rf"{_L}(?:(?P<edge>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|"
         r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|"
         r"earlier\s+in|later\s+in)\s+)?(?P<rel>last|this\s+past|this|next|the\s+past|"
         r"the\s+last|the\s+coming|coming|the\s+current|current|the\s+previous|previous|"
         r"the\s+following|the\s+next|the\s+latest|latest|the|that)\s+"
         r"(?P<unit>week|weekend|month|year|quarter|half|decade|century|fiscal\s+year)"
         r"(?![\w-])", _rule_relative_unit),
        (rf"{_L}(?:(?:nearly|almost|about|some|around|roughly|more\s+than|over|less\s+than|"
         rf"just|only|at\s+least)\s+)?(?P<n>\d{{1,4}}|{_alt(w['vague_counts'])}|"
         rf"(?:{tens})[\s-]+(?:{units})|{numw})\s+(?P<unit>days?|weeks?|months?|years?|decades?)"
         r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence|before|later|after)(?![\w])",
         _rule_ago),
        (rf"{_L}(?:the\s+)?(?:year[-\s]end|year's\s+end|end\s+of\s+the\s+year)(?![\w-])",
         _rule_year_end),
        (rf"{_L}year-(?:ago|earlier)(?![\w-])", _rule_year_adjective),
        (rf"{_L}(?:(?P<pre>this\s+year's|last\s+year's|next\s+year's|(?:the\s+)?(?:comparable\s+)?"
         r"year-(?:ago|earlier)|the|this|"
         r"the\s+fiscal|fiscal)\s+)?(?:(?P<y1>1[0-9]\d\d|20\d\d)\s+)?(?:fiscal[\s-]+)?"
         r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+(?P<unit>quarter|half)"
         r"(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?(?P<y2>1[0-9]\d\d|20\d\d))?(?![\w])",
         _rule_quarter),
        (r"(?<![\w])(?:Q(?P<q>[1-4])\s*(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)\s*Q(?P<q2>[1-4]))"
         r"(?![\w])", _rule_q_notation),
        (rf"{_L}(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+past|the\s+coming|"
         r"the\s+early|the\s+late|the|early|late|mid-?)\s*)?(?P<season>spring|summer|fall|"
         r"autumn|winter)(?:\s+(?:of\s+)?(?P<year>1[0-9]\d\d|20\d\d))?(?![\w-])", _rule_season),
        (r"(?<![\w$£€#/.,'-])(?:(?P<mod>early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|"
         r"the\s+start\s+of|the\s+middle\s+of|fiscal\s+year|fiscal|calendar|the\s+year)\s*)?"
         + _YEAR4, _rule_year),
        (rf"{_L}(?:the\s+year\s+)?(?P<yw>(?:nineteen|twenty)[\s-]+(?:{tens})(?:[\s-]+(?:{units}))?"
         rf"|(?:nineteen|twenty)[\s-]+(?:{teens})|two\s+thousand(?:\s+and)?"
         rf"(?:[\s-]+(?:{units}|{teens}))?)(?![\w-])", _rule_year_words),
        (rf"{_L}(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?P<dec>1[0-9]\d0|20\d0)'?s|"
         rf"'(?P<dd>\d0)s|(?P<dw>{_alt(w['decade_words'])}))(?![\w])", _rule_decade),
        (rf"{_L}(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|{ordw})\s+century(?![\w-])",
         _rule_century),
        (rf"{_L}(?P<w>{_alt(list(w['ref_words']) + list(w['ref_words_resolve_only']))})"
         r"(?![\w-])", _rule_ref),
        (rf"{_L}(?P<w>{_alt(w['same_day'])})(?![\w-])", _rule_same_day),
        (rf"{_L}(?:the\s+)?(?:(?:same|corresponding|comparable)\s+)?(?:(?P<back>year-ago|"
         r"year-earlier|last\s+year's)\s+)?(?:period|quarter|three\s+months)(?:\s+(?P<back2>"
         r"a\s+year\s+(?:ago|earlier|before)|last\s+year|of\s+last\s+year))?(?![\w-])",
         _rule_period_anaphor),
        (rf"{_L}(?:the|that)\s+(?:latest\s+)?(?:quarter|period)(?![\w-])", _rule_period_anaphor),
        (rf"{_L}the\s+(?P<year>1[0-9]\d\d|20\d\d)\s+(?:quarter|period)(?![\w-])",
         _rule_period_anaphor),
        (rf"{_L}(?:the\s+)?(?P<n>{ordw}|\d{{1,3}}(?:st|nd|rd|th))\s+day(?:\s+of\s+(?:the\s+)?"
         r"(?P<what>[a-z][a-z-]+))?(?![\w-])", _rule_ordinal_day),
        (rf"{_L}day\s+(?P<n>\d{{1,4}}|{numw})\s+of\s+(?:the\s+)?(?P<what>[a-z][a-z-]+)(?![\w-])",
         _rule_ordinal_day),
    ]
    return tuple((re.compile(p, re.IGNORECASE), rule) for p, rule in table)


@lru_cache(maxsize=1)
def _part_of_day_patterns() -> tuple[re.Pattern, re.Pattern]:
    pod = rf"(?P<pod>{_alt(_words()['parts_of_day'])})"
    before = re.compile(rf"(?:the\s+)?(?:(?:early|late)\s+)?{pod}\s+of\s+(?:the\s+)?$",
                        re.IGNORECASE)
    after = re.compile(rf"\s+{pod}(?![\w])", re.IGNORECASE)
    return before, after


# ---------------------------------------------------------------- matching


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.9 * len(letters)


def _candidates(ctx: _Ctx) -> list[TimeMention]:
    found: list[TimeMention] = []
    for pattern, rule in _rules():
        for match in pattern.finditer(ctx.text):
            found.extend(rule(match, ctx))
    return found


def _select(candidates: list[TimeMention]) -> list[TimeMention]:
    """Keep the longest of overlapping candidates (earliest first on ties)."""
    chosen: list[TimeMention] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _with_part_of_day(mention: TimeMention, ctx: _Ctx) -> TimeMention:
    """Widen a day mention over "the evening of ..." before it or "... night" after it."""
    if mention.part_of_day or mention.kind not in ("date", "day_of_month", "weekday",
                                                   "relative"):
        return mention
    if mention.kind == "relative" and mention.precision not in ("day", None):
        return mention
    before_re, after_re = _part_of_day_patterns()
    window = ctx.text[max(0, mention.start - 40):mention.start]
    found = before_re.search(window)
    start, end, part = mention.start, mention.end, None
    if found:
        start -= len(window) - found.start()
        part = found["pod"]
    else:
        found = after_re.match(ctx.text, mention.end)
        if found is None:
            return mention
        end, part = found.end(), found["pod"]
    part = _words()["parts_of_day"][part.lower()]
    return replace(mention, start=start, end=end, text=ctx.text[start:end], part_of_day=part)


def _overlap_free(mentions: list[TimeMention]) -> list[TimeMention]:
    kept: list[TimeMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


# ---------------------------------------------------------------- public API


def find_dates(text: str, reference: Reference | None) -> list[TimeMention]:
    """Every date expression in ``text``, resolved against ``reference`` (the report date).

    Offsets index ``text``. Without a known reference year, year-less expressions come back
    with ``value=None`` and no dates.
    """
    ctx = _Ctx(text, reference or Reference(), lenient=False, upper=_is_upper(text))
    chosen = _select(_candidates(ctx))
    return _resolve_anaphora(_overlap_free([_with_part_of_day(m, ctx) for m in chosen]))


def resolve_expression(expr: str, reference: Reference | None, *, before: str = "",
                       after: str = "") -> TimeMention | None:
    """Resolve one expression a caller has already found (e.g. "the morning of 30").

    ``before`` and ``after`` are the text around it in the document, if known: they give the
    tense of the clause and frames such as "the morning of" around a bare "30". The result's
    offsets index ``expr``; ``None`` when nothing in ``expr`` reads as a date.
    """
    text = before + expr + after
    low, high = len(before), len(before) + len(expr)
    ctx = _Ctx(text, reference or Reference(), lenient=True, upper=_is_upper(text))
    found = [c for c in _candidates(ctx) if c.start < high and low < c.end]
    if not found:
        return None

    def fit(c: TimeMention) -> tuple[int, int]:
        inside = min(c.end, high) - max(c.start, low)
        outside = max(0, low - c.start) + max(0, c.end - high)
        return inside, -outside

    best = _with_part_of_day(max(found, key=fit), ctx)
    if _anaphor(best.text) is not None:
        best = _anaphora(best, find_dates(before, reference))
    start, end = max(best.start, low) - low, min(best.end, high) - low
    return replace(best, start=start, end=end, text=expr[start:end])


_DATELINE_END = re.compile(r"--|—|–|\s-\s|:|\)\s*[-_]")
_DATELINE_LINES = 6  # a dateline sits within the first few lines, after a headline


def _dateline_prefix(before: str) -> bool:
    """Only a place name or an agency comes before the date of a dateline: a few words, all
    capitalised ("SAN SALVADOR,", "Xinhua News Agency, Gaza/Jerusalem,", "Beijing's")."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", before)
    return len(words) <= 8 and all(w[0].isupper() or w in ("of", "and", "the", "de", "al", "el")
                                   for w in words)


def parse_dateline_date(text: str, reference: Reference | None = None) -> TimeMention | None:
    """The date in a dateline or header line ("BAKU, Sept 30 (Reuters) -",
    "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) --", "2020-09-30").

    Reads the head of each of the first few lines (up to the first dash or colon) and returns
    the first month-and-day date found there, with offsets into ``text``. Without a year in
    the line or in ``reference`` the mention comes back with ``value=None``; call
    ``resolve_expression(mention.text, reference)`` once the year is known.
    """
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            cut = _DATELINE_END.search(line, 1)
            head = line[:cut.start() if cut else 200]
            for mention in find_dates(head, reference):
                if mention.kind == "date" and _dateline_prefix(line[:mention.start]):
                    return replace(mention, start=mention.start + offset,
                                   end=mention.end + offset)
        if seen >= _DATELINE_LINES:
            break
        offset += len(line)
    return None
