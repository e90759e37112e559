"""Merged events: same type and parties, close dates and places; every source and figure
kept. Reports are given in the contract's JSON shape and stored as ingest stores them."""

from __future__ import annotations

import hashlib

from sitrep.ingest.incoming import Incoming
from sitrep.ledger.events import EventFilters, merged_events
from sitrep.ledger.rows import report_rows
from sitrep.store import Store
from sitrep.store.versions import current

GANJA = {"name": "Ganja", "geonameid": 586523, "lat": 40.68, "lon": 46.36, "country": "AZE",
         "admin1": "Ganja", "feature": "city", "precision": "town"}
NEAR_GANJA = {"name": "Goygol", "geonameid": 147425, "lat": 40.59, "lon": 46.32,
              "country": "AZE", "admin1": "Goygol", "feature": "city", "precision": "town"}
TERTER = {"name": "Terter", "geonameid": 585170, "lat": 40.34, "lon": 46.93, "country": "AZE",
          "admin1": "Terter", "feature": "city", "precision": "town"}


def _report(text, events, claims=()):
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    span = {"start": 0, "end": len(text), "text": text}
    return {"document": {"id": doc_id, "published": "2020-10-05", "title": None},
            "claims": [{"claimant": {"actor": c[0], "name": c[1]},
                        "subject": {"actor": "AZE", "kind": "civilian"}, "outcome": "killed",
                        "item": "personnel", "quantity": {"value": c[2], "qualifier": c[3]},
                        "stated_on": "2020-10-04", "evidence": span, "id": f"C{n}",
                        "event": "E1"} for n, c in enumerate(claims, 1)],
            "events": [{"id": f"E{n}", "type": e[0], "mode": "heavy-weapons",
                        "actors": [{"actor": "ARM"}], "recipients": [{"actor": "AZE"}],
                        "date": {"start": e[1], "end": e[1],
                                 "precision": e[3] if len(e) > 3 else "day"},
                        "place": e[2], "background": False,
                        "acled": {"event_type": "Explosions/Remote violence",
                                  "sub_event_type": "Shelling/artillery/missile attack"},
                        "evidence": span} for n, e in enumerate(events, 1)],
            "entities": [{"kind": "actor", "canonical": "Armenia", "code": "ARM",
                          "mentions": [{"start": 0, "end": 3, "text": "Arm"}]}],
            "flags": []}


def _store(url, reports):
    store = Store.open(url)
    for n, report in enumerate(reports):
        store.write(report_rows(report, Incoming(f"text {n}", f"r{n}.json", None,
                                                 f"Outlet {n}"), current()))
    return store


def test_reports_of_one_event_become_one_with_every_source_and_figure(db_url):
    reports = [
        _report("Ganja shelled, one killed", [("ASSAULT", "2020-10-04", GANJA)],
                [("AZE", "Defense Ministry", 1, "exact")]),
        _report("Rockets near Ganja, two dead", [("ASSAULT", "2020-10-05", NEAR_GANJA)],
                [("AZE", "Prosecutor General's Office", 2, "exact"),
                 (None, None, 3, "more_than")]),
        _report("Terter shelled", [("ASSAULT", "2020-10-04", TERTER)]),
        _report("Ganja, a week later", [("ASSAULT", "2020-10-11", GANJA)]),
        _report("Talks on Ganja", [("CONSULT", "2020-10-04", GANJA)]),
    ]
    with _store(db_url, reports) as store:
        events = merged_events(store)
        assert len(events) == 4
        (ganja,) = [e for e in events if len(e.sources) > 1]
        assert (ganja.type, ganja.actors, ganja.recipients) == ("ASSAULT", ("ARM",), ("AZE",))
        assert (ganja.date_start, ganja.date_end) == ("2020-10-04", "2020-10-05")
        assert [s.source for s in ganja.sources] == ["Outlet 0", "Outlet 1"]
        figures = sorted((f.claimant or "", f.figure.value, f.figure.qualifier)
                         for f in ganja.figures)
        assert figures == [("", 3, "more_than"), ("AZE", 1, "exact"), ("AZE", 2, "exact")]
        assert len(merged_events(store, km=1.0)) == 5  # Goygol is ~10 km from Ganja
        assert len(merged_events(store, days=0)) == 5
        # complete linkage: the 11th is within 6 days of the 5th but not of the 4th
        assert len(merged_events(store, days=6)) == 4
        assert len(merged_events(store, days=7)) == 3
        assert [e.type for e in merged_events(store, EventFilters(type="consult"))] == [
            "CONSULT"]
        assert merged_events(store, EventFilters(actor="RUS")) == []


def test_events_dated_only_to_the_month_or_year_are_never_merged(db_url):
    reports = [_report("Clashes in 1992", [("ASSAULT", "1992-01-01", None, "year")]),
               _report("Fighting that year", [("ASSAULT", "1992-01-01", None, "year")]),
               _report("A battle in May", [("ASSAULT", "2020-05-01", GANJA, "month")]),
               _report("May fighting", [("ASSAULT", "2020-05-01", GANJA, "month")])]
    with _store(db_url, reports) as store:
        assert [len(e.sources) for e in merged_events(store, days=30)] == [1, 1, 1, 1]
