from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def test_gazetteer(gazetteer, monkeypatch):
    """The CLI opens the default gazetteer: point it at the session's small one."""
    monkeypatch.setenv("SITREP_CACHE_DIR", str(gazetteer.path.parent))
REPORT = ("KYIV, March 3, 2024 (Reuters) - Ukraine's military said on Saturday that its air "
          "defences had shot down 14 of 17 Russian drones overnight.\n")


@pytest.fixture()
def report_file(tmp_path):
    path = tmp_path / "kyiv.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_json_for_one_file(report_file):
    result = runner.invoke(app, ["extract", str(report_file)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["published"] == "2024-03-03"
    (claim,) = data["claims"]
    assert (claim["quantity"]["value"], claim["item"], claim["outcome"]) == (14, "uav",
                                                                            "destroyed")
    assert claim["claimant"]["actor"] == "UKR" and claim["subject"]["actor"] == "RUS"


def test_array_for_several_and_jsonl(report_file, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("No figures here at all.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report_file), str(other)])
    assert [len(d["claims"]) for d in json.loads(result.stdout)] == [1, 0]
    result = runner.invoke(app, ["extract", str(report_file), str(other), "--format", "jsonl"])
    assert len(result.stdout.strip().splitlines()) == 2


def test_table_and_output_file(report_file, tmp_path):
    out = tmp_path / "out.txt"
    result = runner.invoke(app, ["extract", str(report_file), "-f", "table", "-o", str(out)])
    assert result.exit_code == 0
    table = out.read_text("utf-8")
    assert "UKR" in table and "14" in table and "uav" in table


def test_stdin(report_file):
    result = runner.invoke(app, ["extract", "-"], input=REPORT)
    assert result.exit_code == 0 and json.loads(result.stdout)["claims"]


@pytest.mark.parametrize("make,message", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "directory"),
    (lambda p: (p / "bin.dat", (p / "bin.dat").write_bytes(b"\x00\x01\x02"))[0], "binary"),
    (lambda p: (p / "empty.txt", (p / "empty.txt").write_text(""))[0], "empty"),
])
def test_unreadable_input_is_one_clear_line(tmp_path, make, message):
    result = runner.invoke(app, ["extract", str(make(tmp_path))])
    assert result.exit_code != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_one_bad_file_does_not_lose_the_others(report_file, tmp_path):
    result = runner.invoke(app, ["extract", str(report_file), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1


def test_bad_published_date(report_file):
    result = runner.invoke(app, ["extract", str(report_file), "--published", "3/3/2024"])
    assert result.exit_code == 2 and "YYYY-MM-DD" not in result.stdout
    assert "2020-09-30" in result.stderr


def test_help_teaches():
    result = runner.invoke(app, ["extract", "--help"])
    assert "--published" in result.stdout and "Example" in result.stdout
