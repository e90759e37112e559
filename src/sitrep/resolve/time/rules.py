"""The rule table: each pattern and the handler that turns its match into mentions."""

from __future__ import annotations

import re
from functools import lru_cache

from .absolute import (
    _rule_day_month,
    _rule_day_month_numeric,
    _rule_day_of_month,
    _rule_iso,
    _rule_month,
    _rule_month_day,
    _rule_month_year,
    _rule_part_day_of_month,
    _rule_relative_day,
    _rule_weekday,
)
from .context import (
    Rule,
    _alt,
    _words,
)
from .relative import (
    _rule_ago,
    _rule_q_notation,
    _rule_quarter,
    _rule_relative_unit,
    _rule_season,
    _rule_year_adjective,
    _rule_year_end,
)
from .vague import (
    _rule_century,
    _rule_decade,
    _rule_ordinal_day,
    _rule_period_anaphor,
    _rule_ref,
    _rule_same_day,
    _rule_year,
    _rule_year_words,
)

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
        (r"(?<![\w/.,-])(?P<d>[0-3]?\d)(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)"
         r"(?P<y>(?:19|20)\d\d|\d\d)(?![\w/]|[.,-]\d)", _rule_day_month_numeric),
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
