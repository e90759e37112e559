"""What date expressions resolve to: the reports reference date, the mention records, and
the periods (a day, a week, a quarter, a decade) that mentions cover."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

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


# ---------------------------------------------------------------- ISO dates in the output

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_bounds(value: str | None) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of an ISO 8601 calendar date of any precision the output
    uses: "2020-09-30", "2020-09" (a month), "2020" (a year). ``None`` for anything else
    (TimeML values such as "2020-W40", or no date)."""
    match = _ISO.fullmatch(value or "")
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            d = datetime.date(year, month, day)
            return d, d
        if month is not None:
            return _month(year, month).start, _month(year, month).end
        return _year(year).start, _year(year).end
    except ValueError:  # "2020-13", "2021-02-30", year 0
        return None


def iso_precision(value: str | None) -> str | None:
    """"day", "month" or "year" for an ISO date of that precision, else ``None``."""
    if iso_bounds(value) is None:
        return None
    return {10: "day", 7: "month", 4: "year"}[len(value)]
