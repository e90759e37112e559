"""When a claim was made and what time it covers: statement dates, periods, event dates."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import TYPE_CHECKING

from ..offsets import ByStart, overlapping, start_of, starting_in, within
from ..records import Period
from ..resolve.time import iso_bounds

if TYPE_CHECKING:
    from .claims import SentenceFacts

_SINCE_OUTBREAK = re.compile(
    r"\b(?:since|from)\s+(?:the\s+)?(?:outbreak|start|beginning|onset|eruption)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:conflict|war|fighting|clashes|hostilities|invasion|"
    r"offensive|crisis|aggression|special\s+military\s+operation)\b|"
    r"\bsince\s+(?:the\s+)?(?:fighting|conflict|war|hostilities|clashes|offensive|invasion)"
    r"\s+(?:began|broke\s+out|erupted|started)", re.I)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)
# "since Russia invaded on Feb. 24, 2022", "since clashes began late Monday"
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’.-]+\s+){1,12}?(?:on|in|late|early)?\s*$",
                           re.I)
_DURATION = re.compile(r"\b(?:during|over|in)\s+(?:a|an|the)\s+(?:\w+-day|\w+\s+days?)\b",
                       re.I)
_SINCE_OWN = re.compile(r"^[^.;]{0,60}?\bsince\b", re.I)
_SPAN_WORDS = re.compile(r"\b(?:past|last|previous|recent)\b.*\b(?:hours?|days?|weeks?)\b",
                         re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?$", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}?(?:killed|wounded|injured|"
                       r"left|claimed|destroyed)\b", re.I)
# "said on Wednesday", "said later on Wednesday", "told reporters on the 20th"
_AFTER_CUE = re.compile(r"^\s*(?:(?:reporters|journalists|a\s+\w+|the\s+\w+)\s+)?"
                        r"(?:(?:later|earlier)\s+)?(?:on\s+|late\s+|early\s+)?$", re.I)
_CUMULATIVE = re.compile(r"\b(?:in|of|during)\s+the\s+(?:war|conflict|fighting|offensive|"
                         r"invasion)\b|\bsince\s+the\s+(?:war|conflict|coup|invasion|fighting)\b",
                         re.I)
_TO = re.compile(r"\b(?:to|until|till|through)\s+$", re.I)
_SO_FAR = re.compile(r"\b(?:so\s+far\s+|since\s+the\s+start\s+of\s+|in\s+the\s+whole\s+of\s+|"
                     r"throughout\s+|during\s+|in\s+all\s+of\s+)$", re.I)
_AND = re.compile(r"^\s*(?:and|to|-|–|through)\s+(?:the\s+)?$", re.I)
_DATED_PHRASE = re.compile(r"^(?:\s+[\w'-]+){0,12}?\s+(?:on|in|late|early)\s+(?:the\s+)?$",
                           re.I)
_EVENT_REFERENCE = re.compile(
    r"\bamong\s+the\s+(?:dead|killed|wounded|injured|casualties|victims)\b|"
    r"\b(?:in|during|from|for)\s+the\s+(?:fighting|attack|ambush|strikes?|raids?|clash(?:es)?|"
    r"battle|assault|offensive|shelling|explosions?|bombing|incident|operation|airstrikes?|"
    r"air\s+strikes?)\b|\bthe\s+(?:attacks?|strikes?|raids?|ambush|explosions?|bombings?)\s+"
    r"(?:killed|"
    r"left|wounded|injured)\b", re.I)


class ClaimDates:
    """The document's dates, and which of them date a statement, an event or a period."""

    def __init__(self, text: str, dates: list, anchor=None,
                 disputed: frozenset[int] = frozenset(), today: str | None = None,
                 outbreaks: tuple = (), dateline_end: int = 0):
        self.text = text
        self.dates = sorted(dates, key=lambda d: d.start)
        self.anchor = anchor  # the date the fighting began, when the report settles it
        self.disputed = disputed  # starts of date mentions the report contradicts
        self.outbreaks = outbreaks  # (start, end, date) of each dated start of the fighting
        self._outbreak_starts = sorted(start for start, _end, _date in outbreaks)
        self._outbreaks_by_start = ByStart(list(outbreaks), key=lambda o: o[0])
        self.today = today
        self.dateline_end = dateline_end
        self.stated_spans = _Spans()  # dates that date statements
        self.sentences: list = []  # the document's SentenceFacts, set by the claim builder

    def stated_on(self, attr) -> str | None:
        span = attr.stated_date or self.date_after_cue(attr.cue[1])
        if span is None:
            return None
        self.stated_spans.append(span)
        s, e = span
        mention = next(iter(overlapping(self.dates, s, e)), None)
        return self.day_of(mention) if mention is not None else None

    def date_after_cue(self, cue_end: int) -> tuple[int, int] | None:
        """"X said on the 20th that ...": a date right after the cue dates the statement,
        wherever the parser hung it."""
        for m in starting_in(self.dates, cue_end, cue_end + 41):
            if _AFTER_CUE.match(
                    self.text[cue_end:m.start]) and m.kind not in ("ordinal_day", "ref"):
                return (m.start, m.end)
        return None

    def day_of(self, mention) -> str | None:
        if mention.kind == "same_day":
            at = bisect_left(self.dates, mention.start, key=start_of)
            earlier = (self.dates[k] for k in range(at - 1, -1, -1))
            before = next((d for d in earlier if d.end <= mention.start
                           and d.precision == "day" and d.start_date is not None), None)
            return before.start_date.isoformat() if before else None
        if mention.precision == "day" and mention.start_date is not None:
            return mention.start_date.isoformat()
        return None

    def dates_in(self, start: int, end: int) -> list:
        return [d for d in within(self.dates, start, end)
                if d.start >= self.dateline_end]  # the dateline dates the report

    def period(self, clause: tuple[int, int], stated_on: str | None,
                pos: int, cumulative: bool = True, neighbours=None) -> Period | None:
        """The span a cumulative figure covers, when the clause gives it."""
        text = self.text
        since = _SINCE_OUTBREAK.search(text, clause[0], clause[1])
        if since and neighbours and not own_phrase(since.start(), pos, neighbours):
            since = None  # "9 were killed on the 8th and 185 since the operation began"
        start = end = None
        if since:
            dated = self.dated_after(since.end(), clause[1])
            start = dated or (self.anchor.isoformat() if self.anchor else None)
        start = start or (self.outbreak_in(clause) if cumulative else None)
        if start is None and cumulative and _CUMULATIVE.search(text, clause[0], clause[1]) \
                and self.anchor:
            start = self.anchor.isoformat()  # "the death toll in the war", "since the coup"
        mentions = self.dates_in(*clause)
        spans = [m for m in mentions if _SO_FAR.search(text[max(clause[0], m.start - 30):m.start])
                 and m.precision in ("year", "month", "week")]
        nearest_span = min(spans, key=lambda m: abs(m.start - pos)) if spans else None
        for i, m in enumerate(mentions):
            lead = text[max(clause[0], m.start - 100):m.start]
            if (_SINCE.search(lead[-30:]) or _SINCE_CLAUSE.search(lead)) and start is None \
                    and not _RELATIVE.search(text, m.end, pos if pos > m.end else m.end):
                start = self.undisputed(m)
            elif _TO.search(lead) and start is not None:
                end = _last_day(m)
            elif m is nearest_span and start is None:
                start = _first_day(m)
                ongoing = (_last_day(m) or "") >= (self.today or stated_on or "")
                end = None if ongoing else _last_day(m)
            elif i + 1 < len(mentions) and _AND.match(text[m.end:mentions[i + 1].start]) \
                    and m.precision == mentions[i + 1].precision == "day" and start is None:
                start, end = _first_day(m), _last_day(mentions[i + 1])
        if start is None:
            return None
        return Period(start, end if _in_order(start, end) else None)

    def outbreak_in(self, clause: tuple[int, int]) -> str | None:
        """"The war, which erupted on April 15, 2023, has killed ...": the start of the
        fighting dated in the figure's own sentence, as precisely as the text dates it."""
        for start, end, _date in self._outbreaks_by_start.starting_in(*clause):
            if end <= clause[1]:
                mention = next(iter(starting_in(self.dates, start, start + 1)), None)
                return self.undisputed(mention) if mention else None
        return None

    def outbreak_within(self, start: int, end: int) -> bool:
        """Does a dated start of the fighting begin in ``[start, end)``?"""
        at = bisect_left(self._outbreak_starts, start)
        return at < len(self._outbreak_starts) and self._outbreak_starts[at] < end

    def undisputed(self, mention) -> str | None:
        """The day a "since" date starts; a year or month stays as precise as the text
        ("since it began in 2011" starts in "2011", not on 1 January)."""
        if mention.start in self.disputed and self.anchor is not None:
            return self.anchor.isoformat()
        if mention.precision in ("year", "month") and iso_bounds(mention.value):
            return mention.value  # not a quarter, season or decade: those start on a day
        return _first_day(mention)

    def dated_after(self, pos: int, limit: int) -> str | None:
        """"since the start of the full-scale invasion on Feb. 24, 2022": the given date."""
        for m in self.dates_in(pos, limit):
            if _DATED_PHRASE.match(self.text[pos:m.start]) and m.precision == "day":
                if m.start in self.disputed and self.anchor is not None:
                    return self.anchor.isoformat()  # flagged: the report's own reading wins
                return _first_day(m)
        return None

    def event_referred(self, facts: SentenceFacts, clause: tuple[int, int]) -> str | None:
        """"37 terrorists were neutralised in the fighting": a figure tied to an event named
        with "the" takes that event's date from the sentence before that dates it."""
        if not _EVENT_REFERENCE.search(self.text, clause[0], clause[1]):
            return None
        for sentence in self._two_before(facts):
            stated = [a.stated_date for a in sentence.attributions if a.stated_date]
            for m in self.dates_in(sentence.start, sentence.end):
                taken = any(s < m.end and m.start < e for s, e in stated)
                if not taken and m.kind not in ("ordinal_day", "ref") and self.day_of(m):
                    return self.day_of(m)
        return None

    def period_referred(self, facts: SentenceFacts, clause: tuple[int, int]) -> Period | None:
        """"... exploded on the 17th and the 18th. ... the explosions killed 37": the event
        referred to spans two days."""
        if not _EVENT_REFERENCE.search(self.text, clause[0], clause[1]):
            return None
        for sentence in self._two_before(facts):
            days = [m for m in self.dates_in(sentence.start, sentence.end)
                    if m.precision == "day" and m.start_date]
            for a, b in zip(days, days[1:], strict=False):
                if _AND.match(self.text[a.end:b.start]):
                    return Period(_first_day(a), _last_day(b))
        return None

    def _two_before(self, facts: SentenceFacts) -> list:
        """The two parsed sentences before ``facts``, nearest first (found by bisection:
        a scan of every sentence for every figure would grow as the square of a report)."""
        at = bisect_left(self.sentences, facts.start, key=lambda f: f.start)
        return self.sentences[max(0, at - 2):at][::-1]

    def event_date(self, facts: SentenceFacts, clause: tuple[int, int],
                    pos: int, cumulative: bool = False) -> str | None:
        stated = [a.stated_date for a in facts.attributions if a.stated_date]
        stated += self.stated_spans.overlapping(*clause)
        if _DURATION.search(self.text, pos, min(clause[1], pos + 60)) or \
                _SINCE_OWN.match(self.text, pos):
            return None  # "killed 30 during a three-day battle", "185 have been killed since"
        for mention in sorted(self.dates_in(*clause), key=lambda m: abs(m.start - pos)):
            lo, hi = sorted((mention.end, pos))
            if _DURATION.search(self.text, lo, hi):
                continue  # "on Friday and killed 30 during a three-day battle, and captured 8"
            lead = self.text[max(clause[0], mention.start - 30):mention.start]
            if _SINCE.search(lead) or _TO.search(lead):
                continue
            if mention.kind in ("ordinal_day", "ref", "year", "month") or \
                    _SPAN_WORDS.search(mention.text):
                continue  # "in the past 24 hours" spans time; it dates no single event
            if any(s < mention.end and mention.start < e for s, e in stated):
                continue
            if cumulative and self.outbreak_within(mention.start, mention.end):
                continue  # a running total is not dated by the start of the fighting
            day = self.day_of(mention)
            if day is not None:
                return day
        return None


def own_phrase(at: int, pos: int, neighbours) -> bool:
    """Does a phrase at ``at`` belong to the figure at ``pos``? English puts such phrases
    after what they modify, so a phrase belongs to the figure before it; a phrase before
    every figure frames them all."""
    before, after, _part, first = neighbours
    if at >= pos:
        return after is None or at < after
    return before is None or at < first


def _first_day(mention) -> str | None:
    return mention.start_date.isoformat() if mention.start_date else None


def _last_day(mention) -> str | None:
    return mention.end_date.isoformat() if mention.end_date else None


def perfect(text: str, offsets: dict) -> bool:
    """Is the figure cumulative — "has killed", "have been killed", a toll — rather than
    one event's ("in which militants killed 1,200")?"""
    start = offsets.get("outcome", (0, 0))[0]
    return bool(_PERFECT.search(text[max(0, start - 25):start])) or offsets.get("toll", False)


def _in_order(start: str, end: str | None) -> bool:
    """A period never ends before it starts: an end the text puts earlier is left out."""
    first, last = iso_bounds(start), iso_bounds(end)
    return end is None or first is None or last is None or last[1] >= first[0]


class _Spans(list):
    """(start, end) pairs kept sorted as they are appended, so the ones overlapping a
    clause are found by bisection rather than by a scan of the whole report's."""

    def __init__(self) -> None:
        super().__init__()
        self._longest = 0

    def append(self, span: tuple[int, int]) -> None:
        insort(self, tuple(span))
        self._longest = max(self._longest, span[1] - span[0])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect_left(self, (start - self._longest,))
        hi = bisect_left(self, (end,), lo=lo)
        return [(s, e) for s, e in self[lo:hi] if s < end and start < e]
