"""Rules for dates relative to the report: "last week", "two days ago", "the first quarter",
"last summer"."""

from __future__ import annotations

import datetime
import re

from .context import (
    _Ctx,
    _mention,
    _mode,
    _words,
)
from .periods import (
    TimeMention,
    _add_months,
    _century,
    _day,
    _decade,
    _half,
    _month,
    _Period,
    _quarter,
    _season,
    _week,
    _year,
)

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
