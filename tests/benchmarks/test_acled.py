"""The ACLED benchmark on a small synthetic CSV written for this test (no ACLED data)."""

from __future__ import annotations

from benchmarks.acled import classic_type, event_date, fatalities, read_rows, score

from benchmarks import acled
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "acled" / "sample.csv"


def test_reading_the_classic_export():
    rows = read_rows(SAMPLE)
    assert len(rows) == 6 and rows[0]["LOCATION"] == "Kharkiv"
    assert event_date(rows[0]["EVENT_DATE"]) == "2023-02-14"
    assert classic_type("Battle-No change of territory") == "battle"


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
    # measured: 6/6 types; places 5/6 ("near Sake" is read as the larger Sake up north)
    assert result["event_type_accuracy"] == 1.0
    assert result["place_within_50km"] == round(5 / 6, 4)


def test_cli_json(extractor, capsys, monkeypatch):
    monkeypatch.setattr("sitrep.pipeline.Extractor", lambda: extractor)
    assert acled.main(["--csv", str(SAMPLE), "--json", "--limit", "1"]) == 0
    assert '"n": 1' in capsys.readouterr().out
