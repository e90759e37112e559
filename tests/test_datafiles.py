"""The shared reader of the TSV tables in sitrep/data."""

from __future__ import annotations

import pytest

from sitrep.datafiles import tsv_rows
from sitrep.errors import SitrepError


def test_comments_blanks_padding_and_trimming(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("# a comment\nphrase\titem\tkind\n\nsets of artillery \tartillery\n"
                     "tanks\ttank\tequipment\n", encoding="utf-8")
    assert list(tsv_rows(table)) == [
        {"phrase": "sets of artillery", "item": "artillery", "kind": ""},
        {"phrase": "tanks", "item": "tank", "kind": "equipment"},
    ]


def test_a_stray_tab_names_the_file_and_line(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("phrase\titem\ntanks\ttank\textra\n", encoding="utf-8")
    with pytest.raises(SitrepError, match=r"t\.tsv:2: 3 tab-separated cells"):
        list(tsv_rows(table))


def test_packaged_tables_load_by_name():
    rows = list(tsv_rows("events.tsv"))
    assert rows and all(set(r) >= {"phrase", "type", "mode", "role"} for r in rows)
