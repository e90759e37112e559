"""Ingest: idempotent, failures recorded and skipped, --reprocess replaces rows."""

from __future__ import annotations

from sqlalchemy import select

from sitrep.ingest.incoming import Incoming, Unreadable
from sitrep.ledger.ingest import Ingestor
from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.versions import Version

from .conftest import WAR, ingest_war


def test_ingesting_again_changes_nothing(db_url, extractor):
    with Store.open(db_url) as store:
        first = ingest_war(store, extractor)
        counts = store.counts()
        again = ingest_war(store, extractor)
        assert store.counts() == counts
    assert [x.counts["new"] for x in first] == [1] * len(WAR)
    assert [x.counts["unchanged"] for x in again] == [1] * len(WAR)
    assert sum(x.claims_added for x in again) == 0
    assert counts["documents"] == len(WAR) and counts["claims"] > counts["ledger_claims"]
    assert counts["versions"] == 1 and counts["failures"] == 0


def test_the_same_text_from_another_file_is_unchanged(db_url, extractor, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(WAR[0].read_text("utf-8"), encoding="utf-8")
    with Store.open(db_url) as store:
        ingest_war(store, extractor, WAR[:1])
        summary = Ingestor(store, extractor).run([Incoming(copy.read_text("utf-8"),
                                                           str(copy))])
        assert summary.counts["unchanged"] == 1 and store.counts()["documents"] == 1


def test_a_failing_document_is_recorded_and_skipped(db_url, extractor):
    good = Incoming(WAR[1].read_text("utf-8"), "good.txt", "2020-09-30")
    bad_date = Incoming("Two soldiers were killed on Monday.", "bad.txt", "30/09/2020")
    with Store.open(db_url) as store:
        summary = Ingestor(store, extractor).run(
            [Unreadable("x.txt", "E103: x.txt: looks like binary data"), bad_date, good])
        assert summary.counts == {"new": 1, "unchanged": 0, "reprocessed": 0, "failed": 2}
        failures = {r["origin"]: r["error"] for r in store.fetch(select(s.failures))}
        assert failures == {"x.txt": "E103: x.txt: looks like binary data",
                            "bad.txt": failures["bad.txt"]}
        assert "2020-09-30" in failures["bad.txt"]
        # the same origin read well later clears its failure
        Ingestor(store, extractor).run([Incoming(bad_date.text, "bad.txt", "2020-09-28")])
        assert {r["origin"] for r in store.fetch(select(s.failures))} == {"x.txt"}


def test_reprocess_re_extracts_what_an_older_version_made(db_url, extractor):
    old = Version("0.0.1", "oldlexicon00")
    with Store.open(db_url) as store:
        ingest_war(store, extractor)
        before = store.counts()
        Ingestor(store, extractor, version=old, reprocess=True).reprocess_stored()
        assert store.fetch(select(s.documents.c.version_id).distinct()) == [
            {"version_id": old.id}]
        assert store.counts() | {"versions": 1} == before
        summary = Ingestor(store, extractor).reprocess_stored()
        assert summary.counts["reprocessed"] == len(WAR)
        assert store.counts() | {"versions": 1} == before
        # without --reprocess, a text made by another version is left as it is
        assert Ingestor(store, extractor, version=old).run(
            [Incoming(WAR[0].read_text("utf-8"), "again.txt")]).counts["unchanged"] == 1


def test_a_report_in_capitals_is_known_again(db_url, extractor):
    # sitrep truecases a report written in capitals before reading it; the ledger still
    # knows the document by the text that came in
    text = WAR[1].read_text("utf-8").upper()
    with Store.open(db_url) as store:
        first = Ingestor(store, extractor).run([Incoming(text, "caps.txt", "2020-09-30")])
        second = Ingestor(store, extractor).run([Incoming(text, "caps.txt", "2020-09-30")])
        assert (first.counts["new"], second.counts["unchanged"]) == (1, 1)
        assert store.counts()["failures"] == 0
