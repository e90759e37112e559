"""Ingest readers: files, directories, JSONL, HTML, RSS/Atom and .gz of them."""

from __future__ import annotations

import gzip
import json

import pytest

from sitrep.errors import MissingInput
from sitrep.ingest import sources
from sitrep.ingest.incoming import Incoming, Unreadable

from ..conftest import EXAMPLES

REPORT = ("BAKU, October 4 (AzerTag) -- Azerbaijan's Defense Ministry said on Sunday that "
          "2,700 Armenian soldiers had been killed or wounded since September 27.\n")


def _all(*paths, published=None):
    return list(sources.documents([str(p) for p in paths], published))


def test_a_directory_gives_its_report_texts_only():
    found = _all(EXAMPLES, published="2020-09-30")
    assert [d.origin.rsplit("/", 1)[-1] for d in found] == ["naka-2020-09-30.txt"]
    assert found[0].published == "2020-09-30" and "Naka" in found[0].text


def test_directories_are_walked_in_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text(REPORT)
    (tmp_path / "one.txt").write_text(REPORT.replace("2,700", "2,800"))
    (tmp_path / ".git" / "x.txt").write_text(REPORT)
    (tmp_path / "notes.md").write_text(REPORT)
    assert [d.origin[len(str(tmp_path)) + 1:] for d in _all(tmp_path)] == ["b/two.txt",
                                                                          "one.txt"]


def test_jsonl_lines_with_their_metadata_and_bad_lines_reported(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"text": REPORT, "published": "2020-10-04T09:00:00Z",
                         "source": "AzerTag", "url": "https://example.org/a", "title": "T"}),
             "", "{not json", json.dumps({"title": "no text"}),
             json.dumps({"text": REPORT, "published": "4/10/2020"}),
             json.dumps({"text": "   "})]
    path.write_text("\n".join(lines) + "\n")
    found = _all(path)
    assert isinstance(found[0], Incoming)
    assert (found[0].published, found[0].source, found[0].url, found[0].title) == (
        "2020-10-04", "AzerTag", "https://example.org/a", "T")
    assert [type(d) for d in found[1:]] == [Unreadable] * 4
    assert [d.origin.rsplit(":", 1)[1] for d in found] == ["1", "3", "4", "5", "6"]
    assert "JSON" in found[1].error and '"text"' in found[2].error
    assert "2020-09-30" in found[3].error and "empty" in found[4].error


def test_gzip_of_jsonl_and_of_text(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt") as out:
        out.write(json.dumps({"text": REPORT}) + "\n")
    with gzip.open(tmp_path / "b.txt.gz", "wt") as out:
        out.write(REPORT)
    (tmp_path / "c.txt.gz").write_bytes(b"not gzip at all")
    found = _all(tmp_path)
    assert [type(d) for d in found] == [Incoming, Incoming, Unreadable]
    assert found[0].text == found[1].text == REPORT
    assert "cannot read" in found[2].error


def test_html_main_text_title_and_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Azerbaijan raises its count</title>"
        '<meta property="article:published_time" content="2020-10-04T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Azerbaijan raises its count</h1>"
        f"<p>{REPORT}</p><p>The ministry gave no figure for its own losses. Fighting went on "
        "along the line of contact for an eighth day.</p></article>"
        "<footer>Copyright 2020</footer></body></html>")
    (doc,) = _all(page)
    assert doc.published == "2020-10-04" and doc.title == "Azerbaijan raises its count"
    assert doc.text.startswith("Azerbaijan raises its count\n\nBAKU, October 4")
    assert "Home | World" not in doc.text and "Copyright" not in doc.text


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<language>en</language>
<item><title>Azerbaijan raises its count</title><link>https://example.org/1</link>
<pubDate>Sun, 04 Oct 2020 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{report}&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>Armenia answers</title><link>https://example.org/2</link>
<pubDate>Mon, 05 Oct 2020 09:00:00 GMT</pubDate><description>Plain text.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title><entry><title>Atom entry</title><id>urn:1</id>
<link href="https://example.org/3"/><updated>2020-10-06T12:00:00Z</updated>
<content type="html">&lt;p&gt;Three drones were shot down.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_entries(tmp_path):
    (tmp_path / "a.rss").write_text(RSS.format(report=REPORT.strip()))
    (tmp_path / "b.atom").write_text(ATOM)
    (tmp_path / "c.xml").write_text("<html><body>no feed</body></html>")
    found = _all(tmp_path)
    first, second, atom, bad = found
    assert first.title == "Azerbaijan raises its count" and first.source == "Wire"
    assert first.published == "2020-10-04" and first.url == "https://example.org/1"
    assert first.text == f"Azerbaijan raises its count\n\n{REPORT.strip()}\nSecond paragraph."
    assert second.published == "2020-10-05" and second.text.endswith("Plain text.")
    assert atom.published == "2020-10-06" and atom.origin.endswith("#urn:1")
    assert atom.text == "Atom entry\n\nThree drones were shot down."
    assert isinstance(bad, Unreadable) and "not an RSS or Atom feed" in bad.error


def test_a_file_named_explicitly_is_read_whatever_its_extension(tmp_path):
    path = tmp_path / "dev-muc3-0001"
    path.write_text(REPORT)
    assert _all(path)[0].text == REPORT


def test_missing_paths_stop_before_anything_is_read(tmp_path):
    with pytest.raises(MissingInput, match="no such file"):
        sources.check([EXAMPLES, tmp_path / "nope"])
