"""The scaling benchmark's text: a real paragraph repeated to a size in bytes."""

from __future__ import annotations

from benchmarks.scaling import DEFAULT_TEXT, paragraph, parse_size, repeated


def test_sizes_read_as_bytes():
    assert [parse_size(s) for s in ("50k", "2M", "1234", "0.5M")] == [
        50_000, 2_000_000, 1234, 500_000]


def test_the_paragraph_repeats_to_at_least_the_size():
    body = paragraph(DEFAULT_TEXT)
    assert not body.startswith("The conflict in Naka continues")  # the title is left out
    text = repeated(body, 50_000)
    assert 50_000 <= len(text.encode("utf-8")) < 50_000 + len((body + "\n\n").encode())
    assert text.count(body) == len(text.split("\n\n"))
