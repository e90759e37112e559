"""benchmarks.geo on small hand-made corpora in the TR-News/LGL and GeoVirus formats."""

from __future__ import annotations

import json

import pytest

from benchmarks import geo
from tests.resolve.test_gazetteer import built_gazetteer

TEXT = "Shelling hit Kharkiv and Mariupol on Monday, Ukrainian officials said in Kyiv."

TRNEWS = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><phrase>Kharkiv</phrase><start>13</start><end>20</end>
        <gaztag geonameid="706483"><name>Kharkiv</name><fclass>P</fclass><fcode>PPLA</fcode>
          <lat>49.98081</lat><lon>36.25272</lon></gaztag></toponym>
      <toponym><phrase>Mariupol</phrase><start>25</start><end>33</end>
        <gaztag geonameid="701822"><name>Mariupol</name><lat>47.09514</lat>
          <lon>37.54131</lon></gaztag></toponym>
      <toponym><phrase>Ukrainian</phrase><start>45</start><end>54</end>
        <gaztag geonameid="690791"><name>Ukraine</name><lat>49</lat><lon>32</lon></gaztag>
      </toponym>
      <toponym><phrase>Kyiv</phrase><start>73</start><end>77</end>
        <gaztag geonameid="703448"><name>Kyiv</name><lat>50.45466</lat><lon>30.5238</lon>
        </gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

# GeoVirus counts offsets from 1.
GEOVIRUS = f"""<articles>
  <article>
    <source>https://example.org/report</source>
    <text>{TEXT}</text>
    <locations>
      <location><name>Kharkiv</name><start>14</start><end>21</end>
        <lat>49.99</lat><lon>36.23</lon></location>
      <location><name>Kyiv</name><start>74</start><end>78</end>
        <lat>50.45</lat><lon>30.52</lon></location>
    </locations>
  </article>
</articles>
"""


@pytest.fixture(scope="module")
def gazetteer_path(tmp_path_factory):
    return built_gazetteer(tmp_path_factory).path


def test_both_formats_are_read_with_offsets_into_the_text(tmp_path):
    for content, fmt in ((TRNEWS, "trnews"), (GEOVIRUS, "geovirus")):
        path = tmp_path / f"{fmt}.xml"
        path.write_text(content, encoding="utf-8")
        found_fmt, articles = geo.read_corpus(path)
        assert found_fmt == fmt
        for t in articles[0].toponyms:
            assert articles[0].text[t.start:t.end] == t.text
    assert articles[0].toponyms[0].geonameid is None


def test_resolution_scores_gold_spans(tmp_path, gazetteer_path, capsys):
    corpus = tmp_path / "trnews.xml"
    corpus.write_text(TRNEWS, encoding="utf-8")
    assert geo.main(["--corpus", str(corpus), "--json", "--gazetteer", str(gazetteer_path),
                     "--no-end-to-end"]) == 0
    result = json.loads(capsys.readouterr().out)
    resolution = result["resolution"]
    assert resolution["n"] == 4
    assert resolution["acc161"] == 1.0
    assert resolution["exact_id"] == 1.0
    assert 0 <= resolution["median_km"] < 161


def test_end_to_end_on_the_model(tmp_path, gazetteer_path, capsys, nlp):
    corpus = tmp_path / "geovirus.xml"
    corpus.write_text(GEOVIRUS, encoding="utf-8")
    assert geo.main(["--corpus", str(corpus), "--json", "--gazetteer",
                     str(gazetteer_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    e2e = result["end_to_end"]
    assert set(e2e) >= {"precision", "recall", "f1", "acc161", "n"}
    assert e2e["n"] == 2 and e2e["recall"] == 1.0
    assert e2e["demonyms"] is False  # GeoVirus does not annotate adjectives
    assert 0.0 < e2e["precision"] <= 1.0
    assert result["resolution"]["exact_id"] is None


def test_missing_corpus_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit):
        geo.main(["--corpus", str(tmp_path / "nope.xml")])


def test_a_folder_of_corpora_skips_hidden_and_names_broken_files(tmp_path):
    from benchmarks.files import Reader

    (tmp_path / "trnews.xml").write_text(TRNEWS, encoding="utf-8")
    (tmp_path / "._trnews.xml").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff\xfe")
    (tmp_path / "cut.xml").write_text(TRNEWS[:200], encoding="utf-8")
    reader = Reader(quiet=True)
    fmt, articles = geo.read_corpora(tmp_path, reader)
    assert fmt == "trnews" and len(articles) == 1
    assert [u["file"] for u in reader.unreadable] == [str(tmp_path / "cut.xml")]
