"""Rules for dates written out: ISO dates, month and day, day and month, months, days of
the month ("on the 29th"), weekdays, "yesterday"."""

from __future__ import annotations

import datetime
import re

from .context import (
    _capitalised,
    _Ctx,
    _direction,
    _explicit_year,
    _followed_by_function_word,
    _mention,
    _mode,
    _month_number,
    _next_is_name,
    _next_word,
    _prev_words,
    _resolve_day_of_month,
    _resolve_month,
    _resolve_month_day,
    _resolve_weekday,
    _words,
)
from .periods import (
    TimeMention,
    _day,
    _month,
    _safe_date,
)

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


def _rule_day_month_numeric(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"24.02.2022", "10.11.22" (the ministries' day.month.year), and "24/02/2022" only
    when the day cannot be a month (the US writes month/day)."""
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    if m["sep"] == "/" and day <= 12:
        return []
    if year < 100:
        year += 2000 if year < 50 else 1900
    found = _safe_date(year, month, day)
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


def _month_day_year(m: re.Match, ctx: _Ctx) -> tuple[int, int, int | None] | None:
    """Month, day and explicit year of a month-name date, or None when a guard rejects it."""
    year = _explicit_year(m, ctx)
    if not _day_rule_ok(ctx, m["mon"], m.end(), year is not None):
        return None
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    return _month_number(m["mon"]), day, year


def _rule_month_day(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"September 30", "Sept. 30, 2020", "JAN 12, 90", "Saturday, April 25", "Sept 29-30"."""
    parts = _month_day_year(m, ctx)
    if parts is None:
        return []
    month, day, year = parts
    if not m["day2"]:
        return [_dated(ctx, m.start(), m.end(), month, day, year)]
    first = _dated(ctx, m.start(), m.end("d1"), month, day, year)
    return [first, _dated(ctx, m.start("day2"), m.end(), month, int(m["day2"]), year)]


def _rule_day_month(m: re.Match, ctx: _Ctx) -> list[TimeMention]:
    """"30 September 2020", "30 Sept", "12 JAN 90", "27-30 September", "29th of September"."""
    parts = _month_day_year(m, ctx)
    if parts is None:
        return []
    month, day, year = parts
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
