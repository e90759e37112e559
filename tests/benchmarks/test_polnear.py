"""PolNeAR scorer: the brat reader, the choice of annotator and the span matching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.polnear import (
    GoldAttribution,
    load_split,
    main,
    polnear_source,
    read_ann,
    score,
)

TEXT = (
    "“We will not back down,” said Lowell, a spokesman for the party, on Monday. "
    "According to the report, turnout fell."
)
# Offsets into TEXT; T4 is a discontinuous content span, T9 a label the reader ignores.
ANN = """T1\tContent 0 24\t“We will not back down,”
T2\tCue 25 29\tsaid
T3\tSource 30 64\tLowell, a spokesman for the party,
T4\tAttribution 25 29\tsaid
E1\tAttribution:T4 Cue:T2 Source:T3 Content:T1
T5\tCue 76 88\tAccording to
T6\tSource 89 99\tthe report
T7\tContent 101 113;113 114\tturnout fell.
T8\tAttribution 76 88\tAccording to
E2\tAttribution:T8 Source:T6 Cue:T5 Content:T7
T9\tDiscard 0 5\t“We w
"""


def write_corpus(root: Path) -> None:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "lowell.txt").write_text(TEXT, "utf-8")
    (root / "dev" / "attributions" / "lowell_bbbb.ann").write_text(ANN, "utf-8")
    # A second annotator who found nothing: metadata lists bbbb first, so it is not used.
    (root / "dev" / "attributions" / "lowell_aaaa.ann").write_text("", "utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\n" "dev\tlowell\t0\tbbbb|aaaa\n", "utf-8"
    )


def test_read_ann_links_events_to_spans():
    found = read_ann(ANN)
    assert found == [
        GoldAttribution(source=((30, 64),), cue=((25, 29),), content=((0, 24),)),
        GoldAttribution(source=((89, 99),), cue=((76, 88),), content=((101, 113), (113, 114))),
    ]
    assert TEXT[30:64] == "Lowell, a spokesman for the party,"


def test_first_annotator_in_metadata_is_scored(tmp_path):
    write_corpus(tmp_path)
    [article] = load_split(tmp_path, "dev")
    assert article.name == "lowell"
    assert len(article.attributions) == 2


def test_missing_split_is_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="--dir"):
        load_split(tmp_path, "dev")


def test_exact_and_overlap_matching(tmp_path):
    write_corpus(tmp_path)
    articles = load_split(tmp_path, "dev")
    predictions = [[
        # exact source and cue, content overlapping
        {"source": ((30, 64),), "cue": ((25, 29),), "content": ((1, 10),)},
        # source overlapping only, a cue nowhere near gold, no content
        {"source": ((93, 99),), "cue": ((40, 45),), "content": None},
    ]]
    result = score(articles, predictions)
    assert result["n"] == 2
    assert result["source_f1_exact"] == 0.5
    assert result["source_f1_overlap"] == 1.0
    assert result["cue_precision"] == 0.5 and result["cue_recall"] == 0.5
    assert result["content_precision_overlap"] == 1.0
    assert result["content_recall_overlap"] == 0.5


def test_one_gold_span_matches_one_prediction_only(tmp_path):
    write_corpus(tmp_path)
    articles = load_split(tmp_path, "dev")
    twice = [[{"source": ((30, 36),), "cue": ((25, 29),), "content": None},
              {"source": ((38, 50),), "cue": ((25, 29),), "content": None}]]
    result = score(articles, twice)
    assert result["source_predicted"] == 2
    assert result["source_precision_overlap"] == 0.5
    assert result["cue_predicted"] == 1  # the same span predicted twice counts once


def test_parenthetical_comma_convention():
    assert polnear_source(TEXT, (30, 63)) == (30, 64)  # "Lowell, a spokesman ... party,"
    assert polnear_source("Lowell, he said", (0, 6)) == (0, 6)  # no pair, no comma


def test_main_prints_only_json(tmp_path, capsys):
    write_corpus(tmp_path)
    assert main(["--dir", str(tmp_path), "--split", "dev", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == 2
    assert 0.0 <= result["source_f1_overlap"] <= 1.0


def test_hidden_and_unreadable_files_do_not_end_the_run(tmp_path):
    from benchmarks.files import Reader

    write_corpus(tmp_path)
    text_dir, ann_dir = tmp_path / "dev" / "text", tmp_path / "dev" / "attributions"
    (text_dir / "._lowell.txt").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff\xfe")
    (ann_dir / "._lowell_bbbb.ann").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff\xfe")
    (text_dir / "broken.txt").write_bytes("caf\xe9 said".encode("latin-1"))
    (ann_dir / "broken_bbbb.ann").write_text("", "utf-8")
    reader = Reader(quiet=True)
    articles = load_split(tmp_path, "dev", reader=reader)
    assert [a.name for a in articles] == ["lowell"]
    assert [Path(u["file"]).name for u in reader.unreadable] == ["broken.txt"]
