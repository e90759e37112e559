"""The TimeBank scorer: .tml parsing and the measures, on a tiny document written here."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from benchmarks.timebank import evaluate, main, parse_tml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-09-30" temporalFunction="false"
 functionInDocument="CREATION_TIME">09/30/2020</TIMEX3></DCT>
<TEXT>
Armenia <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE"
 value="2020-09-29" functionInDocument="NONE">Tuesday</TIMEX3> that fighting &amp; shelling
went on for <TIMEX3 tid="t2" type="DURATION" value="P3D" functionInDocument="NONE">three
days</TIMEX3>. Talks held in <TIMEX3 tid="t3" type="DATE" value="1994"
functionInDocument="NONE">1994</TIMEX3> failed; <TIMEX3 tid="t4" type="DATE" value="2020-09"
functionInDocument="NONE">this month</TIMEX3> they <TIMEX3 tid="t5" type="DATE"
value="2020-09-27" functionInDocument="NONE">Sunday</TIMEX3> resumed.
</TEXT>
</TimeML>
"""


def test_parse_tml_strips_tags_and_keeps_offsets() -> None:
    doc = parse_tml(TML, "TEST0001.tml")
    assert doc.creation == datetime.date(2020, 9, 30)
    assert "<" not in doc.text and "fighting & shelling" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2020-09-29"),
        ("three\ndays", "DURATION", "P3D"),
        ("1994", "DATE", "1994"),
        ("this month", "DATE", "2020-09"),
        ("Sunday", "DATE", "2020-09-27"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start:timex.end] == timex.text


def test_parse_tml_reads_a_time_valued_creation_time() -> None:
    source = TML.replace('type="DATE" value="2020-09-30"', 'type="TIME" value="2020-09-30T13:37"')
    assert parse_tml(source).creation == datetime.date(2020, 9, 30)


def test_evaluate_scores_values_and_recognition() -> None:
    result, errors = evaluate([parse_tml(TML, "TEST0001.tml")])
    assert result["n"] == 4  # DATE timexes, the creation time left out
    assert result["value_accuracy"] == 1.0
    assert result["recognition_f1"] == 1.0
    assert result["recognition_f1_exact"] == 1.0
    assert errors == []


def test_wrong_gold_value_counts_as_an_error() -> None:
    doc = parse_tml(TML.replace('value="1994"', 'value="1995"'), "TEST0001.tml")
    result, errors = evaluate([doc])
    assert result["value_accuracy"] == 0.75
    assert ("wrong_year", "TEST0001.tml", "1994", "1995", "1994", "2020-09-30") in errors


def test_cli_prints_only_json(tmp_path, capsys) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "TEST0001.tml").write_text(TML, encoding="utf-8")
    assert main(["--dir", str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"value_accuracy", "recognition_f1", "n"} <= set(result)
    assert result["n"] == 4


# The header of a macOS AppleDouble file ("._NAME"), as real archives carry beside NAME
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\t\xff\xfe"


def test_a_folder_from_a_real_archive_is_scored_to_the_end(tmp_path, capsys) -> None:
    (tmp_path / "good.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "._good.tml").write_bytes(APPLE_DOUBLE)  # a resource fork: never read
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\xff")
    (tmp_path / "latin1.tml").write_bytes(TML.replace("Armenia", "Armènia").encode("latin-1"))
    (tmp_path / "cut.tml").write_text(TML[:300], encoding="utf-8")
    assert main(["--dir", str(tmp_path), "--json"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["documents"] == 1 and result["n"] == 4
    assert sorted(Path(u["file"]).name for u in result["unreadable"]) == ["cut.tml",
                                                                          "latin1.tml"]
    assert "UnicodeDecodeError" in err and "ParseError" in err and "._good" not in err
