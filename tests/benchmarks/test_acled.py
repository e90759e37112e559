"""The ACLED benchmark on small CSVs written for these tests (no ACLED data): the classic
export (upper-case columns, classic type names) and the current one (lower-case columns)."""

from __future__ import annotations

from benchmarks.acled import (
    classic_type,
    current_type,
    event_date,
    fatalities,
    normal_actor,
    read_rows,
    score,
    split_rows,
)

from benchmarks import acled
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "acled" / "sample.csv"
CURRENT = FIXTURES / "acled" / "current.csv"


def test_reading_the_classic_export():
    rows = read_rows(SAMPLE)
    assert len(rows) == 6 and rows[0]["location"] == "Kharkiv"
    assert event_date(rows[0]["event_date"]) == "2023-02-14"
    assert classic_type("Battle-No change of territory") == "battle"
    assert current_type("Remote violence") == "Explosions/Remote violence"
    assert current_type("Riots/Protests") is None  # Protests or Riots: not decidable


def test_reading_the_current_export():
    rows = read_rows(CURRENT)
    assert rows[0]["event_type"] == "Battles" and rows[0]["sub_event_type"] == "Armed clash"
    assert event_date("2025-04-02") == "2025-04-02"
    assert event_date("9-May-20") == "2020-05-09"
    assert classic_type("Protests") == classic_type("Riots") == "riots/protests"


def test_every_third_row_is_held_back():
    rows = [{"n": i} for i in range(1, 10)]
    assert [r["n"] for r in split_rows(rows, "check")] == [3, 6, 9]
    assert [r["n"] for r in split_rows(rows, "tune")] == [1, 2, 4, 5, 7, 8]


def test_coded_actor_names_are_normalised(extractor):
    code_of = extractor.actors.code_of
    assert normal_actor("Military Forces of Somalia (2022-)", code_of) == "SOM"
    assert normal_actor("Military Forces of Somalia (2022-) Special Forces", code_of) == "SOM"
    assert normal_actor("Al Shabaab", code_of) == "SHABAAB"
    assert normal_actor("Unidentified Armed Group (Mexico)", code_of) == "unidentified"
    assert normal_actor("Protesters (Somalia)", code_of) == "protesters"


def test_fatalities_take_the_lowest_figure_per_side(extractor):
    report = extractor.extract(
        "Ukraine said 10 Russian soldiers were killed. Russia said 6 Russian soldiers were "
        "killed. Russia said 4 Ukrainian soldiers were killed.", "2024-01-02")
    assert fatalities(report) == 6 + 4


def test_sample_scores(extractor):
    result = score(read_rows(SAMPLE), extractor)
    assert result["n"] == 6
    assert result["fatalities_exact"] == 1.0
    assert result["fatalities_exact_nonzero"] == 1.0
    assert result["fatalities_mae"] == 0.0
    assert result["event_type_classic_accuracy"] == 1.0
    assert result["place_within_50km"] >= round(5 / 6, 4)


def test_current_export_runs_without_coordinates(extractor):
    """A row without a coded point, or a report whose place has no coordinates, is
    scored, not a crash; the coding remark ("split") puts row 1 outside no_remark."""
    result = score(read_rows(CURRENT), extractor)
    assert result["n"] == 3 and result["no_remark"]["n"] == 2
    assert result["fatalities_nonzero"]["n"] == 1


def test_cli_json(extractor, capsys, monkeypatch):
    monkeypatch.setattr("sitrep.pipeline.Extractor", lambda: extractor)
    assert acled.main(["--csv", str(SAMPLE), "--json", "--limit", "1"]) == 0
    assert '"n": 1' in capsys.readouterr().out


def test_a_row_without_notes_is_scored_not_fatal(extractor):
    rows = read_rows(CURRENT)
    empty = {**rows[0], "notes": "", "fatalities": "2"}
    plain = {**rows[0], "notes": "Two soldiers were killed in a clash.", "fatalities": "2"}
    result = score([empty, plain], extractor)
    assert result["n"] == 2
    assert result["fatalities_exact_nonzero_no_remark"] == 0.5
