"""What every report promises whatever its text (issue 8, item 9): spans quote the text
as given, also in reports written in capitals; no range runs downwards; no period ends
before it starts; absurd numbers make no figures."""

from __future__ import annotations

import pytest

from sitrep.extraction.claim_dates import _in_order
from sitrep.ingest.document import document_id

from .conftest import EXAMPLES
from .invariants import violations

TELEX = ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE ARMED FORCES PRESS "
         "COMMITTEE REPORTED THAT 12 SOLDIERS WERE KILLED AND 7 WERE WOUNDED IN CLASHES WITH "
         "FMLN GUERRILLAS IN SAN MIGUEL DEPARTMENT. THE FMLN SAID IT DESTROYED 3 TRUCKS.")


def test_a_report_in_capitals_keeps_its_spans_as_written(extractor):
    report = extractor.extract(TELEX)
    data = report.to_dict()
    assert violations(data, TELEX) == []
    assert "truecased" in {f["kind"] for f in data["flags"]}
    assert data["document"]["id"] == document_id(TELEX)
    evidence = [c["evidence"] for c in data["claims"]]
    assert evidence and all(e["text"].isupper() for e in evidence)
    assert all(e["truecased"].lower() == e["text"].lower() and e["truecased"] != e["text"]
               for e in evidence)
    mentions = [m for e in data["entities"] for m in e["mentions"]]
    assert mentions and all(TELEX[m["start"]:m["end"]] == m["text"] for m in mentions)


def test_capitals_that_lower_to_two_characters_keep_offsets(extractor):
    text = "İSTANBUL, 3 MAR 2021 -- " + TELEX.split("-- ", 1)[1]
    data = extractor.extract(text).to_dict()
    assert violations(data, text) == []


def test_ordinary_spans_carry_no_truecased_field(extractor):
    text = (EXAMPLES / "naka-2020-09-30.txt").read_text("utf-8")
    data = extractor.extract(text, "2020-09-30").to_dict()
    assert "truecased" not in data["claims"][0]["evidence"]


@pytest.mark.parametrize("text", [
    "The army said 2618 to 146.54 soldiers were killed.",
    "The army said 999999999999999999999 soldiers were killed.",
    "The army said 10^100 tanks were destroyed.",
    "The army said 3.5 soldiers were killed.",
    "The army said 50 to 20 soldiers were killed.",
])
def test_numbers_beyond_belief_make_no_claim(extractor, text):
    report = extractor.extract(text, "2020-09-30")
    assert report.claims == ()


@pytest.mark.parametrize("start,end,kept", [
    ("2020-09-27", "2020-09-30", True), ("2020-09-30", "2020-09-27", False),
    ("2020", "2020-05-01", True), ("2020-09", "2020-08-31", False), ("2020", None, True),
])
def test_a_period_never_ends_before_it_starts(start, end, kept):
    assert _in_order(start, end) is kept
