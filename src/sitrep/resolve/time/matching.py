"""Running the rules over a text: candidates, overlaps, parts of day, and the public
functions find_dates, resolve_expression and parse_dateline_date."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .context import _Ctx, _words
from .periods import Reference, TimeMention
from .rules import _part_of_day_patterns, _rules
from .vague import _anaphor, _anaphora, _resolve_anaphora

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
    starts: list[int] = []  # the chosen ones, disjoint, kept in text order
    chosen: list[TimeMention] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        at = bisect_left(starts, cand.start)
        if (at < len(chosen) and chosen[at].start < cand.end) or \
                (at > 0 and chosen[at - 1].end > cand.start):
            continue  # overlaps the chosen one after it or the one before it
        starts.insert(at, cand.start)
        chosen.insert(at, cand)
    return chosen


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
