"""Which events make MUC-4 incidents, and the incident's date and location."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sitrep.records import Claim, Event, Report

from .words import plain

NINE_COUNTRIES = {"SLV": "EL SALVADOR", "GTM": "GUATEMALA", "HND": "HONDURAS",
                  "ARG": "ARGENTINA", "BOL": "BOLIVIA", "CHL": "CHILE", "COL": "COLOMBIA",
                  "ECU": "ECUADOR", "PER": "PERU"}

# What the task calls a country's first-level division (location set list).
DIVISION = {"ARG": "PROVINCE", "ECU": "PROVINCE", "CHL": "REGION"}

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)


@dataclass
class Incident:
    """The events of one message that make one template."""

    type: str
    country: str
    events: list[Event] = field(default_factory=list)


def incidents(report: Report, dateline_country: str | None = None) -> list[Incident]:
    """The report's MUC-4 incidents: one per incident type, place and named victim (an
    event that names neither joins the first incident of its type it does not contradict).
    Events without a place happened in the country the report's places and actors point
    to, else the dateline's."""
    home = _home_country(report) or dateline_country
    found: dict[tuple[str, str | None, str | None], Incident] = {}
    for event in report.events:
        kind = incident_type(event, report.claims)
        if kind is None or event.background:
            continue
        if event.place and event.place.country not in NINE_COUNTRIES:
            # the task's messages are about the nine countries: a place abroad is far more
            # often a misread or a side mention ("evidence sent to Washington") than the scene
            event = replace(event, place=None)
        country = event.place.country if event.place else home
        if country not in NINE_COUNTRIES:
            continue
        where = event.place.name if event.place else None
        key = (kind, where, _named_victim(event))
        if key not in found:
            key = next((k for k in found if k[0] == kind and _same(k, key)), key)
        found.setdefault(key, Incident(kind, country)).events.append(event)
    return [incident for incident in found.values() if specific(incident)]


def specific(incident: Incident) -> bool:
    """The task records an incident only when the report says what was hit: a person or a
    thing ("two other explosions in two La Paz neighborhoods" is no incident, taskdoc 1.0,
    item 7)."""
    return any(e.victims or e.targets for e in incident.events)


def _named_victim(event: Event) -> str | None:
    """The surname of the first person the event names as its victim: the murders of two
    named people are two incidents."""
    return next((v.name.split()[-1].upper() for v in event.victims
                 if v.name and v.claim is None), None)


def _same(held: tuple, new: tuple) -> bool:
    """Same incident unless the places or the named victims differ where both are known
    (splitting on dates too made more spurious templates than it found on DEV)."""
    return all(a is None or b is None or a == b for a, b in zip(held[1:], new[1:], strict=True))


def incident_type(event: Event, claims: Iterable[Claim]) -> str | None:
    if event.type == "COERCE":
        if event.mode == "hijacking":
            return "HIJACKING"
        sub = (event.acled or {}).get("sub_event_type", "")
        return "KIDNAPPING" if sub.startswith("Abduction") else None
    if event.type == "CRIME":
        return "ROBBERY"
    if event.type != "ASSAULT":
        return None
    if event.mode == "bombing":
        return "BOMBING"
    if event.mode == "arson":
        # something set on fire that the task counts ("a grocery store"), not flags in a
        # protest or people "burned to death"
        return "ARSON" if any(_among_recipients(t.evidence.text, event)
                              for t in event.targets) else None
    # sitrep calls harm to anyone it cannot code an attack on civilians; the task wants
    # victims who are neither troops nor rebels
    return "ATTACK" if _civilian_victims(event, claims) or _people_attacked(event) else None


def _among_recipients(words: str, event: Event) -> bool:
    """The target's head word is among what the deed was done to."""
    head = words.split()[-1].lower() if words.split() else ""
    return any(head in (r.text or "").lower().split() for r in event.recipients)


def _people_attacked(event: Event) -> bool:
    """An attack on people who are no armed force ("an attack against the former
    minister")."""
    return any(v.claim is None and not v.combatant
               and v.kind not in ("active military", "law enforcement")
               for v in event.victims)


def _civilian_victims(event: Event, claims: Iterable[Claim]) -> bool:
    return any(event.evidence.start <= c.evidence.start < event.evidence.end
               and c.subject.kind == "civilian" and c.item == "personnel" for c in claims)


def _home_country(report: Report) -> str | None:
    """The task country the report's places mostly lie in."""
    counts = Counter()
    for entity in report.entities:
        if entity.code in NINE_COUNTRIES:
            counts[entity.code] += len(entity.mentions) * (2 if entity.kind == "place" else 1)
    return counts.most_common(1)[0][0] if counts else None


def country_of(place: str, gazetteer) -> str | None:
    """The task country a dateline names (the task's messages all concern one of nine)."""
    found = gazetteer.lookup(place, countries=list(NINE_COUNTRIES))
    return found[0].country if found else None


def date(incident: Incident, report: Report) -> str:
    """The earliest date the incident's events give (reports tell of it afterwards); the
    report's own date only when the text says "today", else "on or before" it (the task's
    rule for dates taken from the header)."""
    published = report.document.published
    text = report.document.text
    dated = [e.date for e in incident.events if e.date.start and (
        e.date.start != published or TODAY.search(text, e.evidence.start, e.evidence.end))]
    if dated:
        first = min(dated, key=lambda d: d.start)
        start, end = _muc_date(first.start), _muc_date(first.end)
        return start if start == end or not end else f"{start} - {end}"
    return f"- {_muc_date(published)}" if published else "-"


def _muc_date(iso: str | None) -> str | None:
    if not iso or len(iso) < 10:
        return None
    year, month, day = iso[:10].split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year[2:]}"


def location(incident: Incident) -> str:
    country = NINE_COUNTRIES[incident.country]
    place = next((e.place for e in incident.events
                  if e.place and e.place.country == incident.country
                  and e.place.precision in ("town", "district", "region")), None)
    if place is None:
        return country
    kind = "CITY" if place.precision == "town" else DIVISION.get(incident.country, "DEPARTMENT")
    return f"{country}: {plain(place.name)} ({kind})"
