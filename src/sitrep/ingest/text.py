"""Read one report from bytes, a file or stdin into text, without any NLP.

Decoding order: UTF-8 (a BOM is stripped), then Latin-1 with a flag, since Latin-1
decodes any byte string and would otherwise hide a wrong guess. Binary data, empty
input and oversized input are refused with a clear error.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, MissingInput, NotAFile, TooLarge

MAX_BYTES = 5 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig" or "latin-1"
    origin: str  # path, or "-" for stdin


def decode(data: bytes, origin: str = "<bytes>") -> RawText:
    """Decode report bytes; raise an InputError subclass when they are not a text."""
    if len(data) > MAX_BYTES:
        raise TooLarge(
            f"{origin}: {len(data) / 1_048_576:.1f} MB is over the 5 MB limit for one report; "
            "split it into separate reports"
        )
    if b"\x00" in data[:8192]:
        raise BinaryInput(f"{origin}: looks like binary data, not a text report")
    encoding = "utf-8"
    if data.startswith(_BOM):
        data, encoding = data[len(_BOM):], "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if _control_share(text) > 0.05:
        raise BinaryInput(f"{origin}: looks like binary data, not a text report")
    if not text.strip():
        raise EmptyInput(f"{origin}: the report is empty")
    return RawText(text=text, encoding=encoding, origin=origin)


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


def read(path: str | Path) -> RawText:
    """Read a report from a path; ``-`` reads standard input."""
    if str(path) == "-":
        return decode(sys.stdin.buffer.read(), "-")
    p = Path(path)
    if not p.exists():
        raise MissingInput(f"{p}: no such file")
    if not p.is_file():
        raise NotAFile(f"{p}: is a directory, not a report file" if p.is_dir()
                       else f"{p}: not a regular file")
    if p.stat().st_size > MAX_BYTES:
        raise TooLarge(
            f"{p}: {p.stat().st_size / 1_048_576:.1f} MB is over the 5 MB limit for one "
            "report; split it into separate reports"
        )
    try:
        data = p.read_bytes()
    except PermissionError:
        raise MissingInput(f"{p}: permission denied") from None
    return decode(data, str(p))
