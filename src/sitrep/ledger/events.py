"""Merged events: the reports of one event gathered into one record.

Two reported events are the same event when they have the same PLOVER type and the same
coded parties (actors and recipients together), their dates are at most ``days`` apart and
their places at most ``km`` apart (or neither report names a place). An event without a
date to the day (none, or only a week, month or year) or without any coded party is never
merged: nothing says which event it is. A group
is complete-linkage: every member fits every other, so a chain of near dates cannot join
events weeks apart.

The merged event lists every source and every figure its reports' claimants give for its
losses (claims whose sentence tells the event); figures are never merged or averaged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from sqlalchemy import select

from ..store import Store
from ..store import schema as s
from .claims import iso
from .records import EventFigure, EventSource, Figure, Location, MergedEvent

DAYS = 1
KM = 25.0
_EARTH_KM = 6371.0


@dataclass(frozen=True)
class EventFilters:
    type: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class _Reported:
    """One report's event, as read from the store."""

    key: tuple[str, int]
    row: dict
    parties: frozenset[str]
    place: Location | None
    figures: tuple[EventFigure, ...]


def merged_events(store: Store, filters: EventFilters = EventFilters(), *, days: int = DAYS,
                  km: float = KM) -> list[MergedEvent]:
    """Merged events in date order."""
    reported = _read(store, filters)
    groups: list[list[_Reported]] = []
    buckets: dict[tuple, list[list[_Reported]]] = {}
    for event in reported:
        if not _identifiable(event):
            groups.append([event])
            continue
        open_groups = buckets.setdefault((event.row["type"], event.parties), [])
        home = next((g for g in open_groups if all(_same(event, m, days, km) for m in g)), None)
        if home is None:
            home = []
            open_groups.append(home)
            groups.append(home)
        home.append(event)
    merged = [_merge(g) for g in groups]
    return sorted(merged, key=lambda m: (m.date_start or "9999", m.type, m.id))


def _identifiable(event: _Reported) -> bool:
    """Coded parties and a date to the day: enough to tell this event from another."""
    return bool(event.parties) and event.row["date_start"] is not None and \
        (event.row["precision"] or "day") == "day"


def _same(a: _Reported, b: _Reported, days: int, km: float) -> bool:
    if abs((a.row["date_start"] - b.row["date_start"]).days) > days:
        return False
    if a.place is None or b.place is None:
        return a.place is None and b.place is None
    return distance_km(a.place, b.place) <= km


def distance_km(a: Location, b: Location) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0 if a.name == b.name else math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(h))


def _read(store: Store, f: EventFilters) -> list[_Reported]:
    e, d, p = s.events.c, s.documents.c, s.places.c
    query = (select(e, d.published, d.source, p.name.label("place_name"), p.geonameid,
                    p.lat, p.lon, p.country, p.admin1, p.precision.label("place_precision"))
             .join(s.documents, d.id == e.document_id)
             .outerjoin(s.places, p.id == e.place_id))
    if f.type:
        query = query.where(e.type == f.type.upper())
    if f.since:
        query = query.where(e.date_start >= f.since)
    if f.until:
        query = query.where(e.date_start <= f.until)
    query = query.order_by(e.date_start, e.document_id, e.ordinal)
    rows = store.fetch(query)
    parties = _parties(store)
    figures = _figures(store)
    out = []
    for row in rows:
        key = (row["document_id"], row["ordinal"])
        codes = parties.get(key, ([], []))
        if f.actor and f.actor.upper() not in codes[0] + codes[1]:
            continue
        place = Location(row["place_name"], row["geonameid"], row["lat"], row["lon"],
                         row["country"], row["admin1"], row["place_precision"]) \
            if row["place_name"] else None
        row["actors"], row["recipients"] = codes
        out.append(_Reported(key, row, frozenset(c for c in codes[0] + codes[1] if c), place,
                             tuple(figures.get((row["document_id"], row["report_id"]), ()))))
    return out


def _parties(store: Store) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
    ep = s.event_parties.c
    out: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
    for r in store.fetch(select(ep).order_by(ep.document_id, ep.event_ordinal, ep.role,
                                            ep.position)):
        lists = out.setdefault((r["document_id"], r["event_ordinal"]), ([], []))
        if r["actor"]:
            lists[0 if r["role"] == "actor" else 1].append(r["actor"])
    return out


def _figures(store: Store) -> dict[tuple[str, str], list[EventFigure]]:
    c, lc = s.claims.c, s.ledger_claims.c
    out: dict[tuple[str, str], list[EventFigure]] = {}
    query = (select(c, lc.claimant).join(s.ledger_claims, lc.id == c.ledger_claim_id)
             .where(c.event.is_not(None)).order_by(c.document_id, c.ordinal))
    for r in store.fetch(query):
        out.setdefault((r["document_id"], r["event"]), []).append(EventFigure(
            r["claimant"], r["claimant_name"], r["subject_actor"], r["outcome"], r["item"],
            Figure(r["value"], r["qualifier"], r["low"], r["high"], r["vague"]),
            r["coded_value"], r["document_id"]))
    return out


def _merge(group: list[_Reported]) -> MergedEvent:
    first = group[0].row
    starts = [g.row["date_start"] for g in group if g.row["date_start"]]
    ends = [g.row["date_end"] or g.row["date_start"] for g in group if g.row["date_start"]]
    digest = hashlib.sha256(f"{group[0].key[0]}:{group[0].key[1]}".encode()).hexdigest()
    sources = tuple(EventSource(
        g.row["document_id"], g.row["report_id"], g.row["evidence_start"],
        g.row["evidence_end"], g.row["evidence_text"], iso(g.row["published"]),
        g.row["source"], g.row["reporter_name"] or g.row["reporter_actor"],
        g.row["background"]) for g in group)
    figures: dict[tuple, EventFigure] = {}
    for g in group:
        for fig in g.figures:
            figures.setdefault((fig.claimant, fig.subject_actor, fig.outcome, fig.item,
                                fig.figure, fig.document_id), fig)
    return MergedEvent(
        id=f"M{digest[:12]}", type=first["type"],
        modes=tuple(dict.fromkeys(g.row["mode"] for g in group if g.row["mode"])),
        actors=tuple(dict.fromkeys(a for g in group for a in g.row["actors"])),
        recipients=tuple(dict.fromkeys(a for g in group for a in g.row["recipients"])),
        date_start=iso(min(starts, default=None)), date_end=iso(max(ends, default=None)),
        precision=first["precision"],
        place=next((g.place for g in group if g.place), None),
        acled_event_type=next((g.row["acled_event_type"] for g in group
                               if g.row["acled_event_type"]), None),
        acled_sub_event_type=next((g.row["acled_sub_event_type"] for g in group
                                   if g.row["acled_sub_event_type"]), None),
        background=all(g.row["background"] for g in group),
        sources=sources, figures=tuple(figures.values()),
    )
