"""Turn report text into a Document: id, title, dateline and the report date.

The report date comes from ``published`` when given, else from the dateline. A dateline
without a year and no ``published`` leaves the year unknown: later stages leave year-less
dates null and the report carries an ``unknown_year`` flag (``unknown_year``) naming them,
rather than guessing a year.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace

from ..errors import BadOption
from ..records import Dateline, Document, Flag, Span
from ..resolve.time import Reference, parse_dateline_date
from .dateline import HeadMatch, find_head
from .script import language_flag

_MONTHS = {m.lower(): i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@dataclass(frozen=True)
class Prepared:
    document: Document
    reference: Reference | None
    flags: tuple[Flag, ...]


def normalise(text: str) -> str:
    """The form the document id is computed on: NFC, Unix line ends, no edge white space."""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").strip()


def document_id(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


# Report dates sitrep accepts: wide enough for any archive, narrow enough that date
# arithmetic around them ("the previous year", "30 days before") stays in the calendar.
FIRST_YEAR, LAST_YEAR = 1000, 2999


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """The report date from ``--published`` or the API's ``published``: an ISO date
    (``"2020-09-30"``) or a ``datetime.date``; anything else is a ``BadOption``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, (str, dt.date)):
        raise BadOption(f"published={value!r}: give the report date as a string like "
                        "'2020-09-30' or a datetime.date")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise BadOption(f"--published {value!r}: use a date like 2020-09-30") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise BadOption(f"--published {value.isoformat()}: sitrep reads reports dated from "
                        f"{FIRST_YEAR} to {LAST_YEAR}; check the date")
    return value


def prepare(text: str, published: str | dt.date | None = None,
            encoding: str = "utf-8", is_place=None) -> Prepared:
    """Build the Document for ``text`` and the reference date to resolve its dates;
    ``is_place(name)`` vouches for a title-case dateline place ("Tripoli: ...")."""
    pub = parse_published(published)
    head = find_head(text, is_place)
    title = head.title
    dateline, dateline_ref = _dateline(text, head.dateline)
    reference = Reference.from_date(pub) if pub else dateline_ref
    if pub and dateline_ref and dateline_ref.year is None and dateline.date is None:
        dateline = replace(dateline, date=_in_year_before(dateline_ref, pub))
    flags: list[Flag] = []
    if encoding == "latin-1":
        flags.append(Flag("encoding", "the file is not valid UTF-8; it was read as Latin-1"))
    foreign = language_flag(text)
    if foreign is not None:
        flags.append(foreign)
    report_date = reference.as_date() if reference else None
    document = Document(
        id=document_id(text),
        published=report_date.isoformat() if report_date else None,
        dateline=dateline,
        title=title,
        text=text,
        encoding=encoding,
    )
    return Prepared(document, reference, tuple(flags))


# Mentions whose value waits for another date of the text, not for the report's year.
_ANAPHORIC = frozenset({"ordinal_day", "same_day"})


def unknown_year(prepared: Prepared, dates) -> Flag | None:
    """The ``unknown_year`` flag, when the report's date is unknown (no ``published``, no
    year in the dateline) and some date of the text needs it: its evidence is each date
    left empty ("the 29th", "Tuesday"). A text whose dates all state their year needs
    none."""
    reference = prepared.reference
    if reference is not None and reference.year is not None:
        return None
    empty = [d for d in dates if d.value is None and d.kind not in _ANAPHORIC]
    if not empty:
        return None
    return Flag(
        "unknown_year",
        f"the report's date is unknown (no --published date, no year in a dateline), so "
        f"{len(empty)} date(s) without a year ('{empty[0].text}', ...) are left empty",
        tuple(Span.of(prepared.document.text, d.start, d.end) for d in empty))


def _dateline(text: str, found: HeadMatch | None) -> tuple[Dateline, Reference | None]:
    if found is None:
        return Dateline(), None
    span = Span.of(text, found.start, found.end)
    place = _place_case(found.place) if found.place else None
    mention = parse_dateline_date(span.text)
    if mention is None or mention.start_date is None and mention.text is None:
        return Dateline(place=place, span=span), None
    ref = _reference_of(mention)
    date = ref.as_date() if ref else None
    return Dateline(place, date.isoformat() if date else None, span), ref


def _in_year_before(ref: Reference, pub: dt.date) -> str | None:
    """A year-less dateline date read in the year that puts it on or before ``pub``."""
    for year in (pub.year, pub.year - 1):
        try:
            day = dt.date(year, ref.month, ref.day)
        except (TypeError, ValueError):
            return None
        if day <= pub:
            return day.isoformat()
    return None


def _reference_of(mention) -> Reference | None:
    """The dateline's date; without a year, its month and day still anchor "the 29th"."""
    if mention.start_date is not None:
        return Reference.from_date(mention.start_date)
    words = re.findall(r"[A-Za-z]+|\d+", mention.text)
    month = next((_MONTHS[w[:3].lower()] for w in words if w[:3].lower() in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31), None)
    return Reference(None, month, day) if month and day else None


def _place_case(place: str) -> str:
    return place.title() if place.isupper() else place
