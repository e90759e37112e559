"""How scorers read folders of evaluation data: hidden files never, unreadable files named."""

from __future__ import annotations

from benchmarks.files import Reader, data_files
from benchmarks.throughput import texts_of


def test_hidden_files_and_folders_are_not_data(tmp_path):
    (tmp_path / "a.txt").write_text("a", "utf-8")
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.txt").write_text("b", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("c", "utf-8")
    assert [p.name for p in data_files(tmp_path, "*.txt")] == ["a.txt"]
    assert [p.name for p in data_files(tmp_path, "*.txt", recursive=True)] == ["a.txt", "c.txt"]
    assert data_files(tmp_path / "a.txt", "*.xml") == [tmp_path / "a.txt"]


def test_unreadable_files_are_named_and_skipped(tmp_path, capsys):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("fine", "utf-8")
    bad.write_bytes(b"\xff\xfe\xfa broken")
    reader = Reader()
    assert reader.read_all([good, bad, tmp_path / "gone.txt"], str.upper) == ["FINE"]
    assert [u["file"] for u in reader.unreadable] == [str(bad), str(tmp_path / "gone.txt")]
    assert "UnicodeDecodeError" in reader.unreadable[0]["error"]
    assert f"skipped {bad}" in capsys.readouterr().err


def test_throughput_reads_only_the_readable_texts(tmp_path):
    folder = tmp_path / "train" / "text"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Five soldiers were killed.", "utf-8")
    (folder / "._a.txt").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff")
    (folder / "b.txt").write_bytes(b"\xff\xfe\xfa")
    reader = Reader(quiet=True)
    assert texts_of(tmp_path, "train", None, reader) == ["Five soldiers were killed."]
    assert [u["file"] for u in reader.unreadable] == [str(folder / "b.txt")]


def test_muc4_texts_from_a_folder(tmp_path):
    from benchmarks.muc4.__main__ import load_texts

    (tmp_path / "tst4-muc4").write_text(
        "TST4-MUC4-0001\n\nSAN SALVADOR, 3 JAN 90 -- TEXT ONE.\n"
        "TST4-MUC4-0002\n\nLIMA, 4 JAN 90 -- TEXT TWO.\n", encoding="latin-1")
    (tmp_path / "._tst4-muc4").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff")
    reader = Reader(encoding="latin-1", quiet=True)
    assert [mid for mid, _text in load_texts(tmp_path, reader)] == ["TST4-MUC4-0001",
                                                                   "TST4-MUC4-0002"]
    assert reader.unreadable == []
