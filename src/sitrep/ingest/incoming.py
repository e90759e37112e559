"""What the ingest readers hand on: a document's text with what its source says about it,
or the reason it could not be read. No NLP happens here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import BadOption


@dataclass(frozen=True)
class Incoming:
    """One document to ingest. ``origin`` says where it came from (a path, ``path:line``
    for JSONL, ``path#entry`` for a feed); ``published`` is an ISO date or None."""

    text: str
    origin: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Unreadable:
    """A document that could not be read, and why (one line)."""

    origin: str
    error: str


def iso_date(value: object, what: str = "published") -> str | None:
    """An ISO date from a date, a datetime or a string starting with YYYY-MM-DD; None for
    None or ''. Anything else is refused with a message naming ``what``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise BadOption(f"{what} {value!r} is not a date like 2020-09-30")
