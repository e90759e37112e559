"""Date recognition and resolution: sitrep.resolve.time."""

from __future__ import annotations

import datetime

import pytest

from sitrep.resolve.time import (
    Reference,
    TimeMention,
    find_dates,
    parse_dateline_date,
    resolve_expression,
)

# Wednesday 30 September 2020, the date of the Naka example report
REF = Reference(2020, 9, 30)


def only(text: str, reference: Reference | None = REF) -> TimeMention:
    found = find_dates(text, reference)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def values(text: str, reference: Reference | None = REF) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, reference)]


# ---------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("talks began on September 30.", "September 30", "2020-09-30"),
        ("on Sept. 30 the army said", "Sept. 30", "2020-09-30"),
        ("signed on Sep 30, 2020 in Baku", "Sep 30, 2020", "2020-09-30"),
        ("signed on 30 September 2020 in Baku", "30 September 2020", "2020-09-30"),
        ("by 30 Sept the army", "30 Sept", "2020-09-30"),
        ("released 2020-09-30", "2020-09-30", "2020-09-30"),
        ("on JAN 12, 1990 the", "JAN 12, 1990", "1990-01-12"),
        ("on the 29th of September the", "29th of September", "2020-09-29"),
        ("in the editorial on Saturday, April 25: the", "Saturday, April 25", "2020-04-25"),
        ("since October 8 last year, the", "October 8 last year", "2019-10-08"),
        ("until March 12 next year.", "March 12 next year", "2021-03-12"),
    ],
)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    mention = only(text)
    assert (mention.text, mention.value, mention.kind) == (span, value, "date")
    assert text[mention.start:mention.end] == span


def test_explicit_year_is_flagged_and_dates_are_filled() -> None:
    mention = only("invaded on Feb. 24, 2022, including")
    assert mention.year_explicit
    assert mention.start_date == mention.end_date == datetime.date(2022, 2, 24)
    assert mention.precision == "day"
    assert not only("on September 29 the").year_explicit


def test_two_digit_years_in_fbis_datelines() -> None:
    assert values("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) --", None) == [
        ("12 JAN 90", "1990-01-12")
    ]
    assert values("LIMA, 3 FEB 03 (PANAMERICANA) --", REF) == [("3 FEB 03", "2003-02-03")]


def test_month_day_ranges_give_two_mentions() -> None:
    assert values("fighting from 27 to 30 September killed") == [
        ("27", "2020-09-27"),
        ("30 September", "2020-09-30"),
    ]
    assert values("clashes on September 28-29 left") == [
        ("September 28", "2020-09-28"),
        ("29", "2020-09-29"),
    ]


def test_year_less_date_takes_the_nearest_year() -> None:
    january = Reference(2021, 1, 3)
    assert values("shelling on December 30 killed two", january) == [
        ("December 30", "2020-12-30")
    ]
    # a forward-pointing clause takes the next occurrence
    assert values("talks will resume on Dec. 15 in Geneva", Reference(2020, 12, 20)) == [
        ("Dec. 15", "2021-12-15")
    ]


# ---------------------------------------------------------------- days of month


def test_day_of_month_takes_the_report_month() -> None:
    mention = only("a battle in hojali area on the 29th.")
    assert (mention.text, mention.kind, mention.value) == ("the 29th", "day_of_month",
                                                           "2020-09-29")


def test_day_of_month_later_than_the_report_day_rolls_back_a_month() -> None:
    assert values("clashes broke out on the 27th.", Reference(2020, 10, 2)) == [
        ("the 27th", "2020-09-27")
    ]
    # 31 September does not exist: the 31st is in August
    assert values("on the 31st, the") == [("the 31st", "2020-08-31")]


@pytest.mark.parametrize(
    ("text", "span", "part", "value"),
    [
        ("At a news conference on the evening of 29th, the", "the evening of 29th", "evening",
         "2020-09-29"),
        ("said at a news conference on the evening of 29 that", "the evening of 29", "evening",
         "2020-09-29"),
        ("from the outbreak of the conflict to the morning of 30, a total", "the morning of 30",
         "morning", "2020-09-30"),
    ],
)
def test_bare_day_number_in_a_part_of_day_frame(text: str, span: str, part: str,
                                                value: str) -> None:
    mention = only(text)
    assert (mention.text, mention.part_of_day, mention.kind, mention.value) == (
        span, part, "day_of_month", value)


def test_day_range_with_ordinals() -> None:
    assert values("from the 27th to the 30th, the army") == [
        ("the 27th", "2020-09-27"),
        ("the 30th", "2020-09-30"),
    ]


def test_part_of_day_before_a_full_date() -> None:
    mention = only("on the morning of September 30, shells hit")
    assert (mention.text, mention.value, mention.part_of_day) == (
        "the morning of September 30", "2020-09-30", "morning")


# ---------------------------------------------------------------- weekdays and relative days


def test_weekday_resolves_to_the_most_recent_one() -> None:
    assert values("the army said on Tuesday that") == [("Tuesday", "2020-09-29")]
    assert values("Fighting resumed on Sunday.") == [("Sunday", "2020-09-27")]
    # news agencies name the report day itself by its weekday
    assert values("Azerbaijan said Wednesday that") == [("Wednesday", "2020-09-30")]


def test_weekday_modifiers_and_future_cues() -> None:
    assert values("last Wednesday") == [("last Wednesday", "2020-09-23")]
    assert values("next Tuesday") == [("next Tuesday", "2020-10-06")]
    assert values("The talks will resume on Friday.") == [("Friday", "2020-10-02")]
    assert values("talks set to resume Monday in Geneva") == [("Monday", "2020-10-05")]


def test_weekday_with_part_of_day_and_possessive() -> None:
    mention = only("Tuesday night shelling")
    assert (mention.text, mention.value, mention.part_of_day) == ("Tuesday night",
                                                                 "2020-09-29", "night")
    assert values("Monday's attack on Ganja") == [("Monday", "2020-09-28")]


@pytest.mark.parametrize(
    ("text", "value", "part"),
    [
        ("yesterday", "2020-09-29", None),
        ("today", "2020-09-30", None),
        ("tonight", "2020-09-30", "night"),
        ("tomorrow", "2020-10-01", None),
        ("last night", "2020-09-29", "night"),
        ("yesterday afternoon", "2020-09-29", "afternoon"),
    ],
)
def test_relative_days(text: str, value: str, part: str | None) -> None:
    mention = only(f"Shelling {text} hit Stepanakert")
    assert (mention.text, mention.kind, mention.value, mention.part_of_day) == (
        text, "relative", value, part)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last week", "2020-W39"),
        ("this week", "2020-W40"),
        ("next week", "2020-W41"),
        ("last month", "2020-08"),
        ("earlier this month", "2020-09"),
        ("last year", "2019"),
        ("next year", "2021"),
        ("two days ago", "2020-09-28"),
        ("three weeks ago", "2020-W37"),
        ("five years ago", "2015"),
        ("twenty-five years ago", "1995"),
        ("the first quarter", "2020-Q1"),
        ("the third quarter of 1990", "1990-Q3"),
        ("last summer", "2020-SU"),
        ("the summer of 1994", "1994-SU"),
        ("several years ago", "PAST_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("in the near future", "FUTURE_REF"),
    ],
)
def test_relative_expressions(text: str, value: str) -> None:
    assert [v for _, v in values(f"They said {text} that")] == [value]


def test_week_dates_cover_monday_to_sunday() -> None:
    mention = only("fighting last week")
    assert (mention.start_date, mention.end_date, mention.precision) == (
        datetime.date(2020, 9, 21), datetime.date(2020, 9, 27), "week")


# ---------------------------------------------------------------- months and years


def test_month_without_year_is_the_most_recent_one() -> None:
    assert values("the offensive launched in March") == [("March", "2020-03")]
    assert values("fighting in December killed 10", REF) == [("December", "2019-12")]
    assert values("last September") == [("last September", "2019-09")]
    assert values("late September") == [("late September", "2020-09")]


def test_month_shortly_ahead_without_a_past_cue_points_forward() -> None:
    assert values("elections in November") == [("November", "2020-11")]
    assert values("He will visit in January") == [("January", "2021-01")]


def test_months_and_years_with_explicit_years() -> None:
    assert values("in March 2019 the") == [("March 2019", "2019-03")]
    assert values("In 1994, Azerbaijani and Armenian reached an agreement") == [
        ("1994", "1994")
    ]
    assert values("in the 1990s") == [("the 1990s", "199")]
    assert values("by mid-2019 the") == [("mid-2019", "2019")]
    assert values("since the 1992 war") == [("1992", "1992")]
    mention = only("in March 2019 the")
    assert (mention.kind, mention.start_date, mention.end_date) == (
        "month", datetime.date(2019, 3, 1), datetime.date(2019, 3, 31))


def test_anaphoric_years_follow_the_year_named_last() -> None:
    text = "The coalition intervened in 2015 after the rebels seized Sanaa the previous year."
    assert values(text) == [("2015", "2015"), ("the previous year", "2014")]
    assert values("In March they met. The following month it collapsed.") == [
        ("March", "2020-03"), ("The following month", "2020-04")]
    # nothing to follow: left to the caller
    assert values("the following year") == [("the following year", None)]


def test_same_period_a_year_earlier_follows_the_quarter_named_last() -> None:
    text = "Third-quarter profit rose to $5 million from $3 million a year earlier."
    assert values(text, Reference(1989, 10, 26)) == [
        ("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]
    assert values("Profit rose from a year earlier.", Reference(1989, 10, 26)) == [
        ("a year earlier", "1988")]


# ---------------------------------------------------------------- anaphoric and counted days


@pytest.mark.parametrize("text", ["the same day", "that day", "That same day"])
def test_same_day_is_left_to_the_caller(text: str) -> None:
    mention = only(f"The ministry said {text} that")
    assert (mention.text, mention.kind, mention.value, mention.start_date) == (
        text, "same_day", None, None)


@pytest.mark.parametrize(
    ("text", "span", "n"),
    [
        ("the conflict entered the fourth day, and", "the fourth day", 4),
        ("on the third day of fighting, the", "the third day of fighting", 3),
        ("on day 100 of the war, the", "day 100 of the war", 100),
        ("raged for a fourth day in El Fasher", "fourth day", 4),
    ],
)
def test_ordinal_days(text: str, span: str, n: int) -> None:
    mention = only(text)
    assert (mention.text, mention.kind, mention.ordinal, mention.value) == (
        span, "ordinal_day", n, None)


# ---------------------------------------------------------------- unknown year


@pytest.mark.parametrize("reference", [None, Reference(None, None, None)])
def test_unknown_year_never_guessed(reference: Reference | None) -> None:
    found = find_dates("On September 30 and on the 29th, in March, on Tuesday, yesterday, "
                       "last week", reference)
    assert [m.text for m in found] == ["September 30", "the 29th", "March", "Tuesday",
                                       "yesterday", "last week"]
    assert all(m.value is None and m.start_date is None for m in found)


def test_year_known_but_not_the_day() -> None:
    found = find_dates("In March, on the 29th, in 1994", Reference(2020, None, None))
    assert [(m.text, m.value) for m in found] == [("March", "2020-03"), ("the 29th", None),
                                                  ("1994", "1994")]


def test_explicit_dates_need_no_reference() -> None:
    assert values("on 30 September 2020 and in 1994", None) == [
        ("30 September 2020", "2020-09-30"), ("1994", "1994")]


# ---------------------------------------------------------------- things that are not dates


@pytest.mark.parametrize(
    "text",
    [
        "the Asian side has wiped out 790 Azerbaijani soldiers",
        "established a 12 nation Minsk group",
        "A set of S-300 air defense missile system",
        "the 27 members of the union",
        "Another 1900 people were injured",
        "a total of 2300 Armenian soldiers were killed",
        "a 30-year-old man and his 12 children",
        "under Resolution 2254",
        "the 29th Motor Rifle Division",
        "the 20 tanks and 30 guns",
        "they may be moved",
        "SOME 30 MAY BE DEAD",
        "at 1800 hours",
        "in his sixties",
        "the fall of Kabul",
        "killed in the past 24 hours",
        "as soon as he learned",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_naka_example_dates() -> None:
    text = (
        "Beijing's September 30 comprehensive report: on September 30, the conflict entered "
        "the fourth day. The Ministry of defense released a news on the same day that, from "
        "the outbreak of the conflict on July 27 to the morning of 30, a total of 2300 "
        "Armenian soldiers were killed. A set of S-300 was destroyed on the 29th. In 1992, "
        "the conference established a 12 nation Minsk group."
    )
    assert [(m.text, m.kind, m.value) for m in find_dates(text, REF)] == [
        ("September 30", "date", "2020-09-30"),
        ("September 30", "date", "2020-09-30"),
        ("the fourth day", "ordinal_day", None),
        ("the same day", "same_day", None),
        ("July 27", "date", "2020-07-27"),
        ("the morning of 30", "day_of_month", "2020-09-30"),
        ("the 29th", "day_of_month", "2020-09-29"),
        ("1992", "year", "1992"),
    ]
    for mention in find_dates(text, REF):
        assert text[mention.start:mention.end] == mention.text


# ---------------------------------------------------------------- resolve_expression


def test_resolve_expression_uses_context_frames() -> None:
    mention = resolve_expression("30", REF, before="to the morning of ", after=", a total")
    assert mention is not None
    assert (mention.value, mention.part_of_day, mention.text) == ("2020-09-30", "morning", "30")
    assert resolve_expression("30", REF) is None


def test_resolve_expression_accepts_what_recognition_would_not() -> None:
    current = resolve_expression("current", REF)
    assert current is not None and current.value == "PRESENT_REF"
    quarter = resolve_expression("the quarter", Reference(1989, 10, 26))
    assert quarter is not None and quarter.value == "1989-Q3"  # the last complete quarter
    mention = resolve_expression("Friday", REF, before="Officials will meet on ")
    assert mention is not None and mention.value == "2020-10-02"


def test_resolve_expression_offsets_index_the_expression() -> None:
    mention = resolve_expression("on the evening of 29th", REF)
    assert mention is not None
    assert (mention.start, mention.end, mention.text) == (3, 22, "the evening of 29th")


def test_reference_round_trip() -> None:
    day = datetime.date(2020, 9, 30)
    assert Reference.from_date(day).as_date() == day
    assert Reference(2020, 9, None).as_date() is None


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "span", "value"),
    [
        ("BAKU, Sept 30 (Reuters) - Azerbaijan said", "Sept 30", None),
        ("Beijing’s September 30 comprehensive report: on September 29", "September 30", None),
        ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT]", "12 JAN 90", "1990-01-12"),
        ("2020-09-30", "2020-09-30", "2020-09-30"),
        ("KYIV, March 3, 2024 (AP) — Russian drones", "March 3, 2024", "2024-03-03"),
        ("MOSCOW, 11 October. /TASS/. The Armed Forces", "11 October", None),
    ],
)
def test_dateline_dates(line: str, span: str, value: str | None) -> None:
    mention = parse_dateline_date(line)
    assert mention is not None
    assert (mention.text, mention.value) == (span, value)
    assert line[mention.start:mention.end] == span


def test_dateline_after_a_headline_and_with_a_reference() -> None:
    text = "Fighting rages in El Fasher\n\nCAIRO, May 14 (Reuters) - Fierce fighting"
    mention = parse_dateline_date(text, Reference(2024, None, None))
    assert mention is not None
    assert (text[mention.start:mention.end], mention.value) == ("May 14", "2024-05-14")


def test_no_dateline_in_running_text() -> None:
    text = "ISTANBUL\n\nIn the statement, the army said an air strike near Djibo on April 18"
    assert parse_dateline_date(text) is None
    assert parse_dateline_date("KYIV, Ukraine (AP) — Russian forces") is None
