"""The output names ../shared/CONTRACT.md fixes, on a real report: present, typed, offsets
pointing into the text."""

from __future__ import annotations

import pytest

from .invariants import violations

CLAIM = {"claimant", "subject", "outcome", "item", "quantity", "stated_on", "period",
         "event_date", "place", "evidence"}
EVENT = {"type", "mode", "actors", "recipients", "date", "place", "background",
         "reported_by", "acled", "evidence"}
PLACE = {"name", "geonameid", "lat", "lon", "country", "admin1", "feature", "precision"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
          "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST",
          "CRIME", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def report(extractor, example_text):
    return extractor.extract(example_text, "2020-09-30").to_dict()


def test_top_level(report):
    assert {"document", "claims", "events", "entities", "flags"} <= set(report)
    doc = report["document"]
    assert {"id", "published", "dateline", "title"} <= set(doc)
    assert {"place", "date"} <= set(doc["dateline"]) and len(doc["id"]) == 64


def test_claims(report, example_text):
    from sitrep.records import ITEMS, OUTCOMES, QUALIFIERS, SUBJECT_KINDS

    for claim in report["claims"]:
        assert set(claim) >= CLAIM
        assert {"actor", "name", "person", "role"} <= set(claim["claimant"])
        assert {"actor", "kind", "text"} <= set(claim["subject"])
        assert claim["subject"]["kind"] in SUBJECT_KINDS
        assert claim["outcome"] in OUTCOMES and claim["item"] in ITEMS
        assert {"value", "qualifier", "low", "high"} <= set(claim["quantity"])
        assert claim["quantity"]["qualifier"] in QUALIFIERS
        if claim["place"] is not None:
            assert set(claim["place"]) >= PLACE
        span = claim["evidence"]
        assert example_text[span["start"]:span["end"]] == span["text"]


def test_events(report, example_text):
    for event in report["events"]:
        assert set(event) >= EVENT and event["type"] in PLOVER
        assert {"start", "end", "precision"} <= set(event["date"])
        assert all(set(a) >= {"actor"} for a in event["actors"] + event["recipients"])
        span = event["evidence"]
        assert example_text[span["start"]:span["end"]] == span["text"]


def test_entities(report, example_text):
    for entity in report["entities"]:
        assert {"kind", "canonical", "code", "lat", "lon", "mentions"} <= set(entity)
        for m in entity["mentions"]:
            assert example_text[m["start"]:m["end"]] == m["text"]
            assert isinstance(m["repaired"], bool)


def test_flags(report, example_text):
    kinds = {"date_conflict", "number_conflict", "name_repair", "ambiguous_actor",
             "unknown_year", "contradicting_claims", "encoding", "truecased", "language",
             "unverified"}
    for flag in report["flags"]:
        assert {"kind", "message", "evidence"} <= set(flag) and flag["kind"] in kinds
        for span in flag["evidence"]:
            assert example_text[span["start"]:span["end"]] == span["text"]


def test_every_promise_holds(report, example_text):
    assert violations(report, example_text) == []
