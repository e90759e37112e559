"""When did the fighting the report speaks of begin?

Reports count days from it ("entered the fourth day") and figures run "since the
outbreak". Every statement of the start is a vote: an outbreak phrase with a date in the
same clause ("On the 27th, a new round of conflict broke out", "since the outbreak of the
conflict on July 27"), or a day count at a known date ("on September 30 ... entered the
fourth day"). The date most statements agree on wins; each disagreeing statement becomes a
``date_conflict`` flag. A tie gives no start, and a flag, rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ..offsets import within
from ..records import Flag, Span

_OUTBREAK = re.compile(
    r"\b(?:broke\s+out|erupted|flared(?:\s+up)?|began|begun|started|outbreak|eruption|"
    r"beginning(?=\s+of)|start(?=\s+of)|"
    r"resumed|launched|escalated|invaded|seized\s+power|took\s+power)\b", re.I)
_FIGHTING = re.compile(
    r"\b(?:conflict|war|fighting|clashes|hostilities|offensive|invasion|battle|"
    r"confrontation|violence|escalation|invaded|coup|power)\b", re.I)
_DAY_COUNT = re.compile(r"\b(?:enter(?:ed|s|ing)?|into|marks?|marked|on|is|was|its)\b", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|announced|stated)\b", re.I)
WINDOW = 70  # characters between a date and the outbreak words it dates
# "broke out on", "the outbreak of the conflict on", "began late", "began with Hamas' "
_CUE_THEN_DATE = re.compile(
    r"\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){1,10}?|(?:in|with|after)\s+(?:an?|the)\s+[\w-]+\s+)?"
    r"(?:(?:on|in|since|late|early)\s+(?:the\s+)?|with\s+(?:[\w-]+['’]s?\s+){1,2})", re.I)


@dataclass(frozen=True)
class Vote:
    date: dt.date
    span: Span  # the words that date the start
    how: str  # "outbreak" or "day_count"


@dataclass(frozen=True)
class Anchor:
    start: dt.date | None
    votes: tuple[Vote, ...]
    flags: tuple[Flag, ...]

    @property
    def disputed(self) -> frozenset[int]:
        """Starts of the date mentions that date the start against the report's majority
        (all of them when there is none)."""
        return frozenset(v.span.start for v in self.votes if v.date != self.start)


def find_anchor(text: str, sentences, dates) -> Anchor:
    """``sentences``: (start, end) char ranges; ``dates``: TimeMentions of the text."""
    votes: list[Vote] = []
    for start, end in sentences:
        inside = within(dates, start, end)
        votes.extend(_outbreak_votes(text, start, end, inside))
        votes.extend(_count_votes(text, inside))
    return _decide(text, votes)


def _outbreak_votes(text: str, start: int, end: int, inside) -> list[Vote]:
    sentence = text[start:end]
    if not _FIGHTING.search(sentence):
        return []
    out = []
    for match in _OUTBREAK.finditer(sentence):
        cue_start, cue_end = start + match.start(), start + match.end()
        for d in inside:
            if d.precision not in ("day", "month") or d.start_date is None \
                    or d.kind == "ordinal_day":
                continue  # "a coup in February 2021" dates the start to the month
            if _dates_the_cue(text, d, cue_start, cue_end):
                out.append(Vote(d.start_date, Span.of(text, d.start, d.end), "outbreak"))
    return out


def _dates_the_cue(text: str, date, cue_start: int, cue_end: int) -> bool:
    """The date belongs to the outbreak phrase: "broke out on DATE", "the outbreak of the
    conflict on DATE", or "On DATE, a new round of fighting broke out"."""
    if date.start >= cue_end:
        return bool(_CUE_THEN_DATE.fullmatch(text[cue_end:date.start]))
    between = text[date.end:cue_start]
    lead = text[max(0, date.start - 4):date.start].lower()
    return (date.end <= cue_start and len(between) <= WINDOW and "on" in lead
            and not _REPORTING.search(between) and bool(_FIGHTING.search(between)))


def _count_votes(text: str, inside) -> list[Vote]:
    """"on September 30 the conflict entered the fourth day" -> started September 27."""
    out = []
    counts = [d for d in inside if d.kind == "ordinal_day" and d.ordinal]
    known = [d for d in inside if d.precision == "day" and d.start_date is not None
             and d.kind != "ordinal_day"]
    for count in counts:
        if not known:
            continue
        ref = min(known, key=lambda d: abs(d.start - count.start))
        first = ref.start_date - dt.timedelta(days=count.ordinal - 1)
        out.append(Vote(first, Span.of(text, count.start, count.end), "day_count"))
    return out


def _decide(text: str, votes: list[Vote]) -> Anchor:
    if not votes:
        return Anchor(None, (), ())
    tally = Counter(v.date for v in votes)
    ranked = tally.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        flag = Flag("date_conflict", "the report dates the start of the fighting "
                    f"{len(ranked)} ways ({', '.join(d.isoformat() for d, _n in ranked)}) "
                    "with no majority, so it is left open", _spans(votes))
        return Anchor(None, tuple(votes), (flag,))
    winner = ranked[0][0]
    backing = _spans(v for v in votes if v.date == winner)
    flags = []
    for date, _count in ranked[1:]:  # one flag per date the majority contradicts
        own = _spans(v for v in votes if v.date == date)
        flags.append(Flag(
            "date_conflict",
            f"'{own[0].text}' dates the start of the fighting to {date.isoformat()}, but "
            f"{len(backing)} statement(s) elsewhere in the report put it at "
            f"{winner.isoformat()}", (*own, *backing)))
    return Anchor(winner, tuple(votes), tuple(flags))


def _spans(votes) -> tuple[Span, ...]:
    """The distinct spans of ``votes`` (a date can vote as outbreak and as day count), in
    text order: a conflict flag's evidence."""
    return tuple(sorted({v.span for v in votes}, key=lambda s: s.start))
