"""The bundled example report against its gold reading (examples/*.gold.json)."""

from __future__ import annotations

import json

import pytest
from benchmarks.seed import score

from .conftest import EXAMPLES

GOLD = EXAMPLES / "naka-2020-09-30.gold.json"


@pytest.fixture(scope="module")
def result(extractor, example_text):
    gold = json.loads(GOLD.read_text("utf-8"))
    report = extractor.extract(example_text, gold["published"]).to_dict()
    return gold, report, score(gold, report)


def test_every_gold_claim_is_exactly_right(result):
    _gold, _report, scored = result
    wrong = [(r["id"], e) for r in scored["claims"]["rows"] for e in r["errors"]
             if not e.startswith("place:")]
    assert wrong == []


def test_no_forbidden_value_becomes_a_claim(result):
    assert result[2]["not_claims_produced"] == []


def test_no_claims_beyond_the_gold(result):
    gold, report, _ = result
    assert len(report["claims"]) == len(gold["claims"])


def test_every_flag_reads_through_the_contract(result, example_text):
    """CONTRACT.md: a flag is {"kind", "message", "evidence": [Span, ...]}."""
    _gold, report, _ = result
    read = []
    for flag in report["flags"]:
        assert isinstance(flag["message"], str) and flag["message"]
        for span in flag["evidence"]:
            assert example_text[span["start"]:span["end"]] == span["text"]
        read.append((flag["kind"], [span["text"] for span in flag["evidence"]]))
    # "July 27" disagrees with "the fourth day" on September 30 and "On the 27th, a new
    # round of conflict broke out": every statement involved is evidence, the slip first
    assert read == [
        ("date_conflict", ["July 27", "the fourth day", "the 27th"]),
        ("name_repair", ["Naka"]),
        ("name_repair", ["hojali"]),
        ("name_repair", ["kawacha"]),
    ]


def test_offsets_point_into_the_text(result, example_text):
    _gold, report, _ = result
    for claim in report["claims"]:
        for span in (claim["evidence"], claim["quantity"]["span"]):
            assert example_text[span["start"]:span["end"]] == span["text"]


def test_no_year_without_published(extractor, example_text):
    report = extractor.extract(example_text).to_dict()
    assert "unknown_year" in {f["kind"] for f in report["flags"]}
    assert all(c["stated_on"] is None and c["event_date"] is None for c in report["claims"])


def test_gold_events(result):
    _gold, _report, scored = result
    assert scored["events"]["missing"] == []


def test_history_is_background_and_today_is_not(result):
    _gold, report, _ = result
    for event in report["events"]:
        year = (event["date"]["start"] or "2020")[:4]
        if year < "2020":
            assert event["background"], event["evidence"]["text"]
        if event["date"]["start"] and event["date"]["start"] >= "2020-09-27":
            assert not event["background"], event["evidence"]["text"]


def test_example_places(result):
    _gold, _report, scored = result
    assert scored["entities"]["missing"] == []
    assert all(r.get("exact") for r in scored["claims"]["rows"])
