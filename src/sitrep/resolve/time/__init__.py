"""Recognise date expressions in English news text and resolve them against the report date.

``find_dates(text, reference)`` finds every date expression (absolute dates, day-of-month
references, weekdays, relative expressions, years, months, anaphoric "the same day",
counted days "the fourth day" and vague references "now", "recently") and resolves each
against ``reference``, the date of the report. ``resolve_expression(expr, reference)``
resolves one expression a caller already found; ``parse_dateline_date(text)`` reads the
date of a dateline.

Dates in sitrep's output are ISO 8601 calendar dates of the precision the text gives
("2020-09-30", "2020-09", "2020"); ``iso_bounds`` turns any of them into its first and
last day. Mentions' values follow TimeML (TIMEX3 ``value``): "2020-09-30", "2020-09",
"2020", "2020-W40", "1998-Q1", "1998-SU", "199" (a decade), "PAST_REF". Resolution rules:

- A date with month and day but no year takes the year that puts it nearest the report
  date, or the next/previous one when the clause points forward ("will meet on Dec. 15")
  or backward ("was killed on Dec. 15").
- A day of month without month ("on the 29th") takes the report month; a day later than the
  report day falls in the previous month (forward-pointing clauses: the next month).
- A bare weekday is the most recent such day on or before the report date (news agencies
  name the report day itself by its weekday), or the next one on or after it in a
  forward-pointing clause; "last" and "next" exclude the report day.
- A month without year is the most recent such month not after the report month; one up
  to three months ahead when nothing in the clause looks back ("elections in November" in
  an October report), or the next one in a forward-pointing clause. "last May" skips the
  month just gone (that would be "last month").
- Anaphora: "the previous year", "the following month", "that year" follow the year or
  month the text named last; "a year earlier" and "the year-ago quarter" after a quarter
  ("third-quarter profit") give that quarter a year back. Without such an anchor they fall
  back to the report date, or to ``None`` where only the anchor could tell.
- Without a known year, year-less expressions keep ``value=None`` and no dates: the mention
  is still returned, so the caller can flag ``unknown_year``. A year is never guessed.
- "the same day", "that day" (kind ``same_day``) and "the fourth day" (kind
  ``ordinal_day``) are anaphoric: their value stays ``None`` for the caller to resolve.

Clause direction comes from cue words in the sentence before the expression ("will",
"scheduled", "ahead of" point forward; "was", "ago", "since" back). Lexicons and cue lists
live in ``sitrep/data/time_words.json``. Everything here is regular expressions over plain
text: no spaCy. Not handled: numeric dates other than year-first ("12/01/2020" is
ambiguous), times of day, durations ("for three days").
"""

from __future__ import annotations

from .matching import find_dates, parse_dateline_date, resolve_expression
from .periods import KINDS, Reference, TimeMention, iso_bounds, iso_precision

__all__ = ["KINDS", "Reference", "TimeMention", "find_dates", "iso_bounds", "iso_precision",
           "parse_dateline_date", "resolve_expression"]
