import pytest

from sitrep.errors import BinaryInput, EmptyInput, MissingInput, NotAFile, TooLarge
from sitrep.ingest.text import MAX_BYTES, decode, read


def test_utf8_and_bom():
    assert decode("Kyiv — 5 killed".encode()).encoding == "utf-8"
    raw = decode(b"\xef\xbb\xbfKYIV, March 3 (AP) -")
    assert raw.encoding == "utf-8-sig" and raw.text.startswith("KYIV")


def test_latin1_fallback_keeps_the_text():
    raw = decode("SAN SALVADOR — El Salvador's army said".encode("latin-1", "replace")
                 .replace(b"?", b"\xe9"))
    assert raw.encoding == "latin-1" and "SAN SALVADOR" in raw.text


@pytest.mark.parametrize("data,error", [
    (b"", EmptyInput), (b"  \n\t ", EmptyInput), (b"\x00\x01\x02binary", BinaryInput),
    (bytes(range(1, 31)) * 10, BinaryInput), (b"x" * (MAX_BYTES + 1), TooLarge),
])
def test_refusals(data, error):
    with pytest.raises(error):
        decode(data)


def test_read_errors(tmp_path):
    with pytest.raises(MissingInput, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(NotAFile, match="directory"):
        read(tmp_path)


def test_messages_carry_a_code(tmp_path):
    with pytest.raises(MissingInput) as info:
        read(tmp_path / "nope.txt")
    assert str(info.value).startswith("E101: ")
