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


def test_a_batch_loses_only_its_failing_reports(report_file, tmp_path, monkeypatch):
    from sitrep.pipeline import Extractor

    read = Extractor._read

    def crash_on_marker(self, text, *args):  # an internal error, injected for one report
        if "CRASH" in text:
            raise ZeroDivisionError("injected")
        return read(self, text, *args)

    monkeypatch.setattr(Extractor, "_read", crash_on_marker)
    crashing = tmp_path / "crash.txt"
    crashing.write_text("CRASH: 3 soldiers were killed.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text(REPORT.replace("14 of 17", "9 of 10"), encoding="utf-8")
    paths = [str(report_file), str(crashing), str(empty), str(tmp_path / "none.txt"),
             str(other)]
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 1
    written = json.loads(result.stdout)
    assert [d["input"] for d in written] == [str(report_file), str(other)]
    assert [d["claims"][0]["quantity"]["value"] for d in written] == [14, 9]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and "Traceback" not in result.stderr
    assert "E900" in errors[0] and str(crashing) in errors[0]
    assert "E104" in errors[1] and "E101" in errors[2]


def test_jsonl_names_each_input(report_file, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("No figures here at all.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report_file), str(other), "-f", "jsonl"])
    assert [json.loads(line)["input"] for line in result.stdout.splitlines()] == [
        str(report_file), str(other)]


def test_all_failing_is_status_2(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize("where", ["missing-folder/out.json", "."])
def test_output_is_checked_before_extraction(report_file, tmp_path, where, monkeypatch):
    from sitrep.pipeline import Extractor

    def never(*_args, **_kwargs):
        raise AssertionError("extraction started")

    monkeypatch.setattr(Extractor, "extract", never)
    result = runner.invoke(app, ["extract", str(report_file), "-o", str(tmp_path / where)])
    assert result.exit_code == 2 and "-o" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(REPORT.encode("utf-16"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"]["encoding"] == "utf-16" and data["claims"]


def test_stdin_over_the_limit_is_refused(monkeypatch):
    from sitrep.ingest import text

    monkeypatch.setattr(text, "MAX_BYTES", 1000)
    result = runner.invoke(app, ["extract", "-"], input="Five soldiers were killed. " * 100)
    assert result.exit_code == 2 and "5 MB" in result.stderr


@pytest.mark.parametrize("make_cache", [
    lambda tmp: (tmp / "a-file", (tmp / "a-file").write_text("x"))[0],  # a file, no folder
    lambda tmp: (tmp / "ro", (tmp / "ro").mkdir(mode=0o500))[0],  # no permission to write
])
def test_an_unwritable_cache_is_one_clear_line(report_file, tmp_path, monkeypatch,
                                               make_cache):
    import os

    cache = make_cache(tmp_path)
    if os.geteuid() == 0 and cache.is_dir():
        pytest.skip("root writes into read-only folders")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(cache))
    result = runner.invoke(app, ["extract", str(report_file)])
    assert result.exit_code == 2 and "E401" in result.stderr
    assert "SITREP_CACHE_DIR" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2  # "building ..." and the error
