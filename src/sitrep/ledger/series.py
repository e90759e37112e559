"""Series: each claimant's figures for one party's losses of one kind, by date.

A series is keyed by (claimant, subject, outcome, item). Its running totals (claims that
count a period, "since the start of the fighting") are checked against each other:

- ``backwards``: a later total lower than an earlier one of the same claimant;
- ``same_day``: two different totals stated the same day;
- ``jump``: a rise per day more than ``JUMP_FACTOR`` times the series' own median daily
  rise so far (from at least ``JUMP_HISTORY`` earlier steps) and at least ``JUMP_MIN``.

Figures that count a single incident are listed in the series but not checked: they are
not totals and may go up and down.
"""

from __future__ import annotations

import datetime as dt
from statistics import median

from .records import LedgerClaim, Series, SeriesFlag, SeriesPoint

# A daily rise three times the usual is what an editor would query; a rise of a few units
# is noise whatever its rate (one helicopter after none in three days is no jump).
JUMP_FACTOR = 3.0
JUMP_HISTORY = 2
JUMP_MIN = 10


def series(claims: list[LedgerClaim]) -> list[Series]:
    """One Series per (claimant, subject, outcome, item), points in date order."""
    groups: dict[tuple, list[LedgerClaim]] = {}
    for claim in claims:
        key = (claim.claimant, claim.subject_actor, claim.outcome, claim.item)
        groups.setdefault(key, []).append(claim)
    out = []
    for (claimant, subject, outcome, item), members in groups.items():
        members.sort(key=lambda c: (c.date or "9999", c.figure.floor() or 0, c.id))
        points = tuple(SeriesPoint(c.date, c.figure, c.cumulative, c.id, len(c.sources))
                       for c in members)
        name = next((c.claimant_name for c in members if c.claimant_name), None)
        out.append(Series(claimant, name, subject, outcome, item, points,
                          tuple(check(points))))
    return sorted(out, key=lambda x: (x.claimant or "", x.subject_actor or "", x.outcome,
                                      x.item))


def check(points: tuple[SeriesPoint, ...]) -> list[SeriesFlag]:
    totals = [p for p in points if p.cumulative and p.date and p.figure.floor() is not None]
    flags: list[SeriesFlag] = []
    highest: SeriesPoint | None = None
    rates: list[float] = []
    previous: SeriesPoint | None = None
    for point in totals:
        value = point.figure.floor()
        if previous is not None and previous.date == point.date and \
                previous.figure.floor() != value:
            flags.append(SeriesFlag("same_day", point.date, point.claim,
                                    f"{previous.figure.text()} and {point.figure.text()} "
                                    f"both stated on {point.date}"))
        elif highest is not None and value < highest.figure.floor() and \
                highest.date < point.date:
            flags.append(SeriesFlag("backwards", point.date, point.claim,
                                    f"{point.figure.text()} on {point.date} is below "
                                    f"{highest.figure.text()} on {highest.date}"))
        if previous is not None and previous.date < point.date:
            days = (_day(point.date) - _day(previous.date)).days
            rise = value - previous.figure.floor()
            rate = rise / days
            if len(rates) >= JUMP_HISTORY and rise >= JUMP_MIN and \
                    rate > JUMP_FACTOR * max(median(rates), 1 / days):
                flags.append(SeriesFlag("jump", point.date, point.claim,
                                        f"+{rise:,} in {days} day(s) after a median of "
                                        f"{median(rates):,.1f} a day"))
            rates.append(rate)
        if highest is None or value >= highest.figure.floor():
            highest = point
        previous = point
    return flags


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)
