"""Read one report from bytes, a file or stdin into text, without any NLP.

Decoding order: UTF-16 when the bytes open with its byte-order mark (Windows tools write
it), UTF-8 (a BOM is stripped), then Latin-1 with a flag, since Latin-1 decodes any byte
string and would otherwise hide a wrong guess. Binary data, empty input and oversized
input are refused with a clear error; so are API inputs that are not text at all
(``check_text``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, MissingInput, NotAFile, NotText, TooLarge

MAX_BYTES = 5 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16" or "latin-1"
    origin: str  # path, or "-" for stdin


def _too_large(origin: str, size: int) -> TooLarge:
    return TooLarge(f"{origin}: {size / 1_048_576:.1f} MB is over the 5 MB limit for one "
                    "report; split it into separate reports")


def decode(data: bytes, origin: str = "<bytes>") -> RawText:
    """Decode report bytes; raise an InputError subclass when they are not a text."""
    if len(data) > MAX_BYTES:
        raise _too_large(origin, len(data))
    if data.startswith(_UTF16_BOMS):
        text, encoding = _utf16(data, origin), "utf-16"
    else:
        text, encoding = _utf8_or_latin1(data, origin)
    if "\x00" in text[:8192] or _control_share(text) > 0.05:
        raise BinaryInput(f"{origin}: looks like binary data, not a text report")
    if not text.strip():
        raise EmptyInput(f"{origin}: the report is empty")
    return RawText(text=text, encoding=encoding, origin=origin)


def _utf8_or_latin1(data: bytes, origin: str) -> tuple[str, str]:
    if b"\x00" in data[:8192]:
        raise BinaryInput(f"{origin}: looks like binary data, not a text report")
    encoding = "utf-8"
    if data.startswith(_BOM):
        data, encoding = data[len(_BOM):], "utf-8-sig"
    try:
        return data.decode("utf-8"), encoding
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _utf16(data: bytes, origin: str) -> str:
    """UTF-16 with its byte-order mark (which the codec reads and drops)."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise BinaryInput(f"{origin}: starts like UTF-16 text but is not valid UTF-16")\
            from None


def check_text(text: object, origin: str = "the text") -> str:
    """The API's input as the command line would take it: a ``str`` of valid Unicode,
    not blank, within the size limit; else the same errors the command line gives."""
    if not isinstance(text, str):
        hint = (" (decode it first, or use sitrep.extract_file for a file)"
                if isinstance(text, (bytes, bytearray)) else "")
        raise NotText(f"{origin}: expected the report as a str, got "
                      f"{type(text).__name__}{hint}")
    bad = _SURROGATE.search(text)
    if bad:
        raise BinaryInput(f"{origin}: holds a lone surrogate (U+{ord(bad.group()):04X}) at "
                          f"offset {bad.start()}: not valid Unicode text")
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8")) > MAX_BYTES:
        raise _too_large(origin, len(text.encode("utf-8")))
    if not text.strip():
        raise EmptyInput(f"{origin}: the report is empty")
    return text


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


def read(path: str | Path) -> RawText:
    """Read a report from a path; ``-`` reads standard input."""
    if str(path) == "-":  # one byte past the limit is enough to refuse it
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise TooLarge("-: standard input holds more than the 5 MB limit for one report; "
                           "split it into separate reports")
        return decode(data, "-")
    p = Path(path)
    if not p.exists():
        raise MissingInput(f"{p}: no such file")
    if not p.is_file():
        raise NotAFile(f"{p}: is a directory, not a report file" if p.is_dir()
                       else f"{p}: not a regular file")
    if p.stat().st_size > MAX_BYTES:
        raise _too_large(str(p), p.stat().st_size)
    try:
        data = p.read_bytes()
    except PermissionError:
        raise MissingInput(f"{p}: permission denied") from None
    return decode(data, str(p))
