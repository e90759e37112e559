"""Rules for years, decades, centuries, vague references ("now", "recently"), anaphora ("the
same day", "the fourth day", "the following month")."""

from __future__ import annotations

import re
from dataclasses import replace

from .context import (
    _Ctx,
    _function_words,
    _mention,
    _next_word,
    _prev_words,
    _words,
)
from .periods import (
    TimeMention,
    _add_months,
    _century,
    _decade,
    _half,
    _month,
    _Period,
    _quarter,
    _year,
)
from .relative import _number, _unit_period

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
