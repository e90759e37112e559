"""Exports: ACLED CSV loads in pandas with ACLED's columns, Parquet round-trips, PLOVER
records validate against the schema in the repository, JSONL gives every report."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator

from sitrep.export import export
from sitrep.export.acled import COLUMNS, fatalities
from sitrep.export.parquet import CLAIMS_SCHEMA, claim_row
from sitrep.export.plover import schema
from sitrep.ledger.claims import ledger_claims
from sitrep.ledger.records import EventFigure, Figure

from ..ledger.test_events import GANJA, _report, _store

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision",
                 "time_precision", "source", "notes", "fatalities")


@pytest.fixture()
def events_ledger(db_url):
    reports = [
        _report("Ganja shelled, one killed", [("ASSAULT", "2020-10-04", GANJA)],
                [("AZE", "Defense Ministry", 1, "exact")]),
        _report("Ganja shelled, several dead", [("ASSAULT", "2020-10-04", GANJA)],
                [("AZE", "Prosecutor General's Office", 4, "more_than")]),
        _report("Talks", [("CONSULT", None, None)]),
    ]
    with _store(db_url, reports) as store:
        yield store


def test_acled_csv_loads_in_pandas_with_acleds_columns(events_ledger, tmp_path):
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "events.csv"
    assert export(events_ledger, "acled-csv", path) == 1  # the undated talks are no row
    frame = pandas.read_csv(path)
    assert set(ACLED_COLUMNS) <= set(frame.columns) and tuple(frame.columns) == COLUMNS
    row = frame.iloc[0]
    assert row.event_date == "2020-10-04" and row.event_type == "Explosions/Remote violence"
    assert (row.actor1, row.actor2, row.country, row.location) == ("Armenia", "AZE",
                                                                   "Azerbaijan", "Ganja")
    assert row.fatalities == 1  # the most conservative claim
    assert "Defense Ministry" in row.notes and "Prosecutor General" in row.notes
    assert row.geo_precision == 1 and row.time_precision == 1
    assert sorted(row.source.split("; ")) == ["Outlet 0", "Outlet 1"]


def test_conservative_fatalities():
    def killed(value, qualifier="exact", outcome="killed", coded=None, low=None):
        return EventFigure("X", None, "Y", outcome, "personnel",
                           Figure(value, qualifier, low, None), coded, "d")

    assert fatalities(()) == 0
    assert fatalities((killed(12), killed(9, "more_than"))) == 9
    assert fatalities((killed(None, "range", low=5), killed(8))) == 5
    assert fatalities((killed(None, coded=3), killed(20))) == 3
    assert fatalities((killed(2, "less_than"), killed(30, outcome="wounded"))) == 0


def test_plover_records_validate_against_the_schema_in_the_repo(events_ledger, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export(events_ledger, "plover-jsonl", path) == 2
    validator = Draft202012Validator(schema())
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for record in records:
        validator.validate(record)
    assert [r["event_type"] for r in records] == ["ASSAULT", "CONSULT"]
    assert records[0]["actor_country"] == "ARM" and len(records[0]["sitrep"]["sources"]) == 2
    broken = dict(records[0], event_type="BOMBING")
    assert list(validator.iter_errors(broken))


def test_parquet_round_trips(war, tmp_path):
    path = tmp_path / "claims.parquet"
    claims = ledger_claims(war)
    assert export(war, "parquet", path) == len(claims)
    table = pq.read_table(path)
    assert table.schema.equals(CLAIMS_SCHEMA)
    assert table.to_pylist() == [claim_row(c) for c in claims]
    assert max(len(r["sources"]) for r in table.to_pylist()) == 2


def test_jsonl_gives_every_stored_report(war, tmp_path):
    path = tmp_path / "reports.jsonl"
    assert export(war, "jsonl", path) == war.counts()["documents"]
    reports = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert sum(len(r["claims"]) for r in reports) == war.counts()["claims"]
    assert all(r["document"]["origin"] for r in reports)
