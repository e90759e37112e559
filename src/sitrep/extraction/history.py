"""What counts as history a report recalls, for claims and events alike.

A figure or a deed is background when the report tells it as the past, not as its news:

- its own date lies more than ``HISTORY_DAYS`` before the report ("in 2016", "last
  month"), and it is not a running total brought up to date ("since October 7");
- its sentence recalls ("As reported earlier, ...", "Let us recall ...", "earlier this
  week") or tells long history ("after the collapse of the Soviet Union", "for decades");
- it counts the losses of an event that is itself background.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from ..records import Claim, Event

HISTORY_DAYS = 30

HISTORY = re.compile(r"\b(?:after|since|following)\s+the\s+(?:disintegration|collapse|fall|"
                     r"break-?up|dissolution|end)\s+of\b|\bfrom\s+time\s+to\s+time\b|"
                     r"\b(?:for|over)\s+(?:decades|centuries|generations)\b|\bhistorically\b",
                     re.I)
# The reporter reminds the reader of something past ("Let us recall the explosion of ...");
# a recent date in the sentence still makes it news.
RECALLED = re.compile(r"\b(?:let\s+us|let's)\s+(?:recall|remember)\b|\b(?:it\s+(?:should|will|"
                      r"must)\s+be\s+(?:recalled|remembered))\b|\bwe\s+must\s+not\s+forget\b|"
                      r"\bin\s+the\s+past\b(?!\s+(?:\d+\s+|few\s+|several\s+|\w+-)?"
                      r"(?:day|days|hours?|nights?|weeks?|months?|years?|24))", re.I)
# "As reported earlier, ...", "As reported days ago", "earlier this week", "previously"
REPORTED_EARLIER = re.compile(r"\bas\s+(?:was\s+)?(?:reported|announced|mentioned)\s+(?:earlier|"
                              r"before|previously|days\s+ago|yesterday|last\s+week)\b|"
                              r"\bearlier\s+this\s+(?:week|month|year)\b|"
                              r"\b(?:had\s+)?previously\s+(?:reported|said)\b", re.I)


def older_than_news(day: str | None, today: str | None) -> bool:
    """Is an ISO date (a day, month or year) more than HISTORY_DAYS before the report?"""
    if not day or not today:
        return False
    parts = [int(p) for p in day.split("-")]
    last = dt.date(parts[0], 12, 31) if len(parts) == 1 else \
        _month_end(parts[0], parts[1]) if len(parts) == 2 else dt.date(*parts[:3])
    return last < dt.date.fromisoformat(today) - dt.timedelta(days=HISTORY_DAYS)


def recalls(sentence: str) -> bool:
    """Does a sentence tell the past as the past ("As reported earlier", "for decades")?"""
    return bool(HISTORY.search(sentence) or RECALLED.search(sentence)
                or REPORTED_EARLIER.search(sentence))


def mark_history(claims: list[Claim], events: list[Event], text: str,
                 sentences: list[tuple[int, int]], today: str | None) -> list[Claim]:
    """Each claim with ``background`` set by the rules above."""
    background_events = {e.id for e in events if e.background}
    starts = [s for s, _e in sentences]
    out = []
    for claim in claims:
        k = bisect.bisect_right(starts, claim.evidence.start) - 1
        sentence = text[sentences[k][0]:sentences[k][1]] if k >= 0 else ""
        own = claim.event_date or (claim.period.end if claim.period else None)
        past = (claim.event in background_events or older_than_news(own, today)
                or recalls(sentence))
        out.append(replace(claim, background=past) if past else claim)
    return out


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
