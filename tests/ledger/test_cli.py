"""The ledger's commands: ingest, claims, series, compare, events, show, export; bad input
is one line and a non-zero exit, and nothing already stored is lost."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import Store

from .conftest import WAR

runner = CliRunner()


@pytest.fixture(autouse=True)
def test_gazetteer(gazetteer, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(gazetteer.path.parent))


@pytest.fixture()
def ledger(tmp_path, extractor, monkeypatch):
    """A ledger file with the war's reports, made with the CLI."""
    monkeypatch.setattr("sitrep.pipeline.Extractor", lambda **_settings: extractor)
    db = str(tmp_path / "war.db")
    for path in WAR:
        result = runner.invoke(app, ["ingest", str(path), "--db", db, "--published",
                                     path.stem[-10:]])
        assert result.exit_code == 0, result.output
    return db


def _one_line_error(result, fragment):
    assert result.exit_code != 0
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_ingest_prints_a_summary_and_is_idempotent(ledger):
    result = runner.invoke(app, ["ingest", *map(str, WAR), "--db", ledger])
    assert result.exit_code == 0
    assert f"0 new, {len(WAR)} unchanged" in result.stdout and "0 claims added" in result.stdout


def test_the_ledger_comes_from_sitrep_db_by_default(tmp_path, monkeypatch, extractor):
    monkeypatch.setattr("sitrep.pipeline.Extractor", lambda **_settings: extractor)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITREP_DB", raising=False)
    result = runner.invoke(app, ["ingest", str(WAR[1]), "--published", "2020-09-30"])
    assert result.exit_code == 0 and "1 new" in result.stdout
    assert (tmp_path / "sitrep.db").is_file()
    assert "2,300" in runner.invoke(app, ["claims"]).stdout


def test_claims_series_compare_events(ledger):
    table = runner.invoke(app, ["claims", "--db", ledger, "--claimant", "AZE"]).stdout
    assert "2,300" in table and "2,700" in table and "1,280" not in table
    rows = json.loads(runner.invoke(app, ["claims", "--db", ledger, "--format", "json",
                                          "--subject", "ARM", "--outcome",
                                          "killed_or_wounded", "--item", "personnel",
                                          "--since", "2020-09-30", "--until",
                                          "2020-09-30"]).stdout)
    assert [(r["figure"]["value"], len(r["sources"])) for r in rows] == [(2300, 2)]
    csv_text = runner.invoke(app, ["claims", "--db", ledger, "-f", "csv"]).stdout
    assert csv_text.splitlines()[0].startswith("date,claimant,")
    series = runner.invoke(app, ["series", "--db", ledger, "--claimant", "AZE",
                                 "--subject", "ARM"]).stdout
    assert "2020-09-30" in series and "2020-10-04" in series
    compare = runner.invoke(app, ["compare", "ARM", "AZE", "--db", ledger]).stdout
    assert "Losses of AZE" in compare and "Losses of ARM" in compare
    assert "ARM claims" in compare and "AZE admits" in compare and "1,280" in compare
    data = json.loads(runner.invoke(app, ["compare", "arm", "aze", "--db", ledger,
                                          "--format", "json", "--outcome", "killed"]).stdout)
    assert {s["losses_of"] for s in data["sides"]} == {"ARM", "AZE"}
    events = runner.invoke(app, ["events", "--db", ledger, "--type", "ASSAULT", "--actor",
                                 "ARM", "--days", "1", "--km", "25", "-f", "json"])
    assert events.exit_code == 0
    assert all(e["type"] == "ASSAULT" for e in json.loads(events.stdout))


def test_show_marks_the_extractions(ledger):
    with Store.open(ledger) as store:
        (doc,) = [d for d in store.fetch(__import__("sqlalchemy").text(
            "SELECT id FROM documents WHERE origin LIKE '%baku-2020-09-30%'"))]
    result = runner.invoke(app, ["show", doc["id"][:8], "--db", ledger])
    assert result.exit_code == 0
    assert "⟦C1 " in result.stdout and "C1: AZE says 2300 ARM" in result.stdout
    report = json.loads(runner.invoke(app, ["show", doc["id"], "--db", ledger, "-f",
                                            "json"]).stdout)
    assert report["document"]["id"] == doc["id"]


def test_export_every_format(ledger, tmp_path):
    for fmt, name in (("jsonl", "a.jsonl"), ("acled-csv", "b.csv"),
                      ("plover-jsonl", "c.jsonl"), ("parquet", "d.parquet")):
        result = runner.invoke(app, ["export", "--format", fmt, "-o", str(tmp_path / name),
                                     "--db", ledger])
        assert result.exit_code == 0 and (tmp_path / name).stat().st_size > 0, result.output


def _counts(db):
    with Store.open(db) as store:
        return store.counts()


@pytest.mark.parametrize("args, fragment", [
    (["ingest", "nope/missing.txt"], "no such file"),
    (["ingest"], "give the files"),
    (["ingest", "examples", "--published", "30/09/2020"], "2020-09-30"),
    (["claims", "--since", "yesterday"], "2020-09-30"),
    (["claims", "--outcome", "dead"], "killed"),
    (["series", "--item", "drones"], "uav"),
    (["show", "ffffffffff"], "no document"),
    (["show", "ab"], "at least 6"),
    (["export", "--format", "jsonl", "-o", "/nonexistent/dir/x.jsonl"], "cannot write"),
])
def test_bad_input_is_one_line_and_loses_nothing(ledger, args, fragment):
    before = _counts(ledger)
    _one_line_error(runner.invoke(app, [*args, "--db", ledger]), fragment)
    assert _counts(ledger) == before


def test_a_missing_or_unusable_ledger_is_one_line(tmp_path):
    _one_line_error(runner.invoke(app, ["claims", "--db", str(tmp_path / "none.db")]),
                    "no ledger")
    assert not (tmp_path / "none.db").exists()
    _one_line_error(runner.invoke(app, ["claims", "--db", "nosuch://x"]), "cannot use")
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    _one_line_error(runner.invoke(app, ["claims", "--db", str(tmp_path / "junk.db")]),
                    "cannot open the ledger")


def test_failed_documents_are_reported_and_recorded(ledger, tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 10)
    before = _counts(ledger)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", ledger])
    assert result.exit_code == 1 and "2 failed" in result.stdout
    assert result.stderr.count("skipped") == 2 and "Traceback" not in result.stderr
    assert _counts(ledger) == before | {"failures": 2}
