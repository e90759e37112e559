"""Typed records of the ledger's cross-document views: ledger claims with their sources,
series, comparisons and merged events. ``to_dict()`` gives their JSON form."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Record


@dataclass(frozen=True)
class Source(Record):
    """One report that carries a claim or an event, and where in its text."""

    document_id: str
    start: int
    end: int
    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    claimant_name: str | None = None


@dataclass(frozen=True)
class Figure(Record):
    """A figure as its claimant states it; never averaged with anyone else's."""

    value: int | None
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None
    vague: str | None = None

    def text(self) -> str:
        if self.qualifier == "range" and self.low is not None and self.high is not None:
            return f"{self.low:,}–{self.high:,}"
        if self.value is None:
            return self.vague or "?"
        sign = {"approx": "~", "at_least": "≥", "more_than": ">", "at_most": "≤",
                "less_than": "<"}.get(self.qualifier, "")
        return f"{sign}{self.value:,}"

    def floor(self) -> int | None:
        """The least this figure says: the value, a range's low end; None for an upper
        bound ("fewer than 10") or words without a number."""
        if self.qualifier in ("at_most", "less_than"):
            return None
        return self.low if self.qualifier == "range" else self.value


@dataclass(frozen=True)
class LedgerClaim(Record):
    """A claim as one or more reports carry it, with every report as a source."""

    id: str
    claimant: str | None  # actor code, else the claimant's name in lower case
    claimant_name: str | None
    subject_actor: str | None
    subject_kind: str | None
    outcome: str
    item: str
    figure: Figure
    stated_on: str | None
    period_start: str | None
    period_end: str | None
    sources: tuple[Source, ...]

    @property
    def date(self) -> str | None:
        """The day the claim speaks for: its statement day, else the end of its period,
        else the publication day of its first report."""
        return self.stated_on or self.period_end or (
            self.sources[0].published if self.sources else None)

    @property
    def cumulative(self) -> bool:
        """A running total since a start (the claimant counts a period)."""
        return self.period_start is not None


@dataclass(frozen=True)
class SeriesPoint(Record):
    date: str | None
    figure: Figure
    cumulative: bool
    claim: str
    sources: int


@dataclass(frozen=True)
class SeriesFlag(Record):
    kind: str  # "backwards", "jump", "same_day"
    date: str | None
    claim: str
    message: str


@dataclass(frozen=True)
class Series(Record):
    claimant: str | None
    claimant_name: str | None
    subject_actor: str | None
    outcome: str
    item: str
    points: tuple[SeriesPoint, ...]
    flags: tuple[SeriesFlag, ...]


@dataclass(frozen=True)
class Stated(Record):
    """One claimant's figure in a comparison cell."""

    claimant: str | None
    claimant_name: str | None
    figure: Figure
    claim: str
    sources: int


@dataclass(frozen=True)
class CompareRow(Record):
    date: str | None
    outcome: str
    item: str
    claimed: tuple[Stated, ...]  # by the other side
    admitted: tuple[Stated, ...]  # by the side itself
    independent: tuple[Stated, ...]  # organisations, media, unattributed
    others: tuple[Stated, ...]  # third states and armed groups


@dataclass(frozen=True)
class Side(Record):
    losses_of: str
    claimed_by: str
    rows: tuple[CompareRow, ...]


@dataclass(frozen=True)
class Comparison(Record):
    a: str
    b: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class EventSource(Record):
    document_id: str
    event: str | None
    start: int
    end: int
    text: str
    published: str | None = None
    source: str | None = None
    reported_by: str | None = None
    background: bool | None = None


@dataclass(frozen=True)
class EventFigure(Record):
    """A figure that one report's claimant gives for the event's losses."""

    claimant: str | None
    claimant_name: str | None
    subject_actor: str | None
    outcome: str
    item: str
    figure: Figure
    coded_value: int | None
    document_id: str


@dataclass(frozen=True)
class Location(Record):
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None


@dataclass(frozen=True)
class MergedEvent(Record):
    """Reports of one event: same type and parties, dates within a tolerance, places
    within a distance. Every source and every differing figure is kept."""

    id: str
    type: str
    modes: tuple[str, ...]
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    date_start: str | None
    date_end: str | None
    precision: str | None
    place: Location | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    background: bool
    sources: tuple[EventSource, ...]
    figures: tuple[EventFigure, ...]
