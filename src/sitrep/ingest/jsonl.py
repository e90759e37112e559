"""JSON Lines: one document per line, ``{"text", "published", "source", "url", "title"}``
(only ``text`` is required; ``language`` is kept when given). A bad line is reported as
unreadable with its line number; the other lines are still read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import SitrepError
from .incoming import Incoming, Unreadable, iso_date
from .text import decode


def read_lines(lines: Iterable[bytes], origin: str,
               published: str | None = None) -> Iterator[Incoming | Unreadable]:
    """Documents of a JSONL stream; ``published`` is the date for lines that give none."""
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield _document(line, f"{origin}:{number}", published)


def _document(line: bytes, origin: str, published: str | None) -> Incoming | Unreadable:
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return Unreadable(origin, f"not a JSON object ({exc})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Unreadable(origin, 'a JSONL line needs an object with a "text" string')
    try:
        raw = decode(record["text"].encode("utf-8"), origin)
        date = iso_date(record.get("published"), "published") or published
    except SitrepError as exc:
        return Unreadable(origin, str(exc))
    return Incoming(raw.text, origin, date, _text(record, "source"), _text(record, "url"),
                    _text(record, "title"), _text(record, "language"))


def _text(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
