"""Inputs that once brought sitrep down (issue 8, item 7), each kept as a regression test:
through the public API, every failure is a SitrepError with a one-line message."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep
from sitrep.errors import BadOption, BinaryInput, EmptyInput, NotText, OverBudget, SitrepError

from .invariants import violations

FILLER = "The talks in Vienna went on for another day without any result. " * 140  # > 8 kB


def test_nul_after_an_actor_name(extractor):
    # the actor trie kept its entries under the key "\0": a NUL token walked into them
    text = FILLER + "Armenia \x00 said that 12 Azerbaijani soldiers were killed."
    report = extractor.extract(text, "2020-09-30")
    assert "ARM" in {e.code for e in report.entities}
    assert violations(report.to_dict(), text) == []


def test_a_period_of_a_year_is_no_crash(extractor):
    # the claim's period starts in "2022": events._background parsed it as a day
    text = "Ten infants have died in California since the beginning of this year."
    report = extractor.extract(text, "2022-05-03")
    assert [c.period.start for c in report.claims] == ["2022"]
    assert violations(report.to_dict(), text) == []


def test_a_period_of_a_month_is_no_crash(extractor):
    text = "Since April 1988, 40 soldiers have been killed in the fighting, the army said."
    report = extractor.extract(text, "1988-06-03")
    assert violations(report.to_dict(), text) == []
    assert [c.period.start for c in report.claims] == ["1988-04"]
    assert [e.date.precision for e in report.events] == ["month"]


RELATIVE = ("Five soldiers were killed yesterday, the ministry said on Monday. On the 29th, "
            "three tanks were destroyed. Last week 3 died; the previous year 7 were killed; "
            "tomorrow talks resume; the fourth day of fighting began.")


@pytest.mark.parametrize("published", ["1000-01-01", "2999-12-31"])
def test_relative_dates_at_the_edges_of_the_accepted_years(extractor, published):
    report = extractor.extract(RELATIVE, published)
    assert report.document.published == published
    assert violations(report.to_dict(), RELATIVE) == []


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "0999-12-31"])
def test_report_dates_outside_the_accepted_years_are_refused(extractor, published):
    with pytest.raises(BadOption, match="1000 to 2999"):
        extractor.extract(RELATIVE, published)


@pytest.mark.parametrize("value,error", [
    (None, NotText), (b"Five soldiers were killed.", NotText), (12, NotText),
    ("Five soldiers \ud800 were killed.", BinaryInput), ("", EmptyInput),
    (" \n\t", EmptyInput),
])
def test_the_api_raises_sitreps_own_errors(extractor, value, error):
    with pytest.raises(error) as caught:
        extractor.extract(value, "2020-09-30")
    assert isinstance(caught.value, SitrepError)
    assert "\n" not in str(caught.value) and str(caught.value).startswith("E1")


def test_not_text_is_also_a_type_error(extractor):
    with pytest.raises(TypeError):
        extractor.extract(None)


@pytest.mark.parametrize("published", [20200930, 2020.5, ["2020-09-30"]])
def test_a_published_date_that_is_no_date(extractor, published):
    with pytest.raises(BadOption, match="2020-09-30"):
        extractor.extract("Five soldiers were killed.", published)


def test_a_published_date_object(extractor):
    report = extractor.extract("Five soldiers were killed.", dt.datetime(2020, 9, 30, 12))
    assert report.document.published == "2020-09-30"


def test_the_time_budget_fails_the_report_with_its_reason(nlp, gazetteer):
    slow = sitrep.Extractor(nlp, gazetteer=gazetteer, time_budget=1e-9)
    with pytest.raises(OverBudget, match=r"time budget \(stopped at: \w+"):
        slow.extract("Five soldiers were killed on Monday, the army said.", "2020-09-30")


def test_a_stage_that_runs_long_is_stopped_by_the_budget(nlp, gazetteer, monkeypatch):
    import time

    import sitrep.pipeline

    def stuck(*_args, **_kwargs):  # a stage that never reaches the next check
        time.sleep(30)
        return []

    monkeypatch.setattr(sitrep.pipeline, "find_places_in_parts", stuck)
    slow = sitrep.Extractor(nlp, gazetteer=gazetteer, time_budget=0.5)
    started = time.monotonic()
    with pytest.raises(OverBudget, match=r"stopped at: places"):
        slow.extract("Five soldiers were killed on Monday, the army said.", "2020-09-30")
    assert time.monotonic() - started < 5
    monkeypatch.undo()  # the next report starts afresh, with no alarm left behind
    report = slow.extract("Five soldiers were killed on Monday, the army said.", "2020-09-30")
    assert [c.quantity.value for c in report.claims] == [5]
