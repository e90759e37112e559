"""ACLED-style CSV: one row per merged event that ACLED would code.

Columns are ACLED's names, in ACLED's export order (``COLUMNS``). An event is written when
it has a date and an ACLED event type and is not only recalled history. ``fatalities`` is
coded as ACLED codes it: the most conservative figure any source's claimant gives for the
people killed in the event (a range counts its low end, "more than 40" counts 40, a count
in words its conventional value); no figure gives 0. ``notes`` names every claimant and
figure, so the choice can be checked.
"""

from __future__ import annotations

import csv

from ..ledger.records import EventFigure, MergedEvent

COLUMNS = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1",
           "actor2", "country", "admin1", "location", "latitude", "longitude",
           "geo_precision", "source", "notes", "fatalities")
_GEO = {"town": 1, "district": 2, "region": 3, "country": 3}
_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}


def rows(events: list[MergedEvent], actor_names: dict[str, str]) -> list[dict]:
    return [row(e, actor_names) for e in events
            if e.date_start and e.acled_event_type and not e.background]


def row(e: MergedEvent, actor_names: dict[str, str]) -> dict:
    parties = list(e.actors) + [r for r in e.recipients if r not in e.actors]
    names = [actor_names.get(code, code) for code in parties]
    place = e.place
    return {
        "event_date": e.date_start,
        "time_precision": _TIME.get(e.precision or "", 3),
        "event_type": e.acled_event_type,
        "sub_event_type": e.acled_sub_event_type or "",
        "actor1": names[0] if names else "",
        "actor2": names[1] if len(names) > 1 else "",
        "country": country_name(place.country) if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": _GEO.get(place.precision or "", "") if place else "",
        "source": "; ".join(dict.fromkeys(s.source or f"document {s.document_id[:12]}"
                                          for s in e.sources)),
        "notes": notes(e),
        "fatalities": fatalities(e.figures),
    }


def fatalities(figures: tuple[EventFigure, ...]) -> int:
    """The lowest count of people killed that any claimant gives; 0 when none does."""
    counts = [n for n in map(_killed, figures) if n is not None]
    return min(counts, default=0)


def _killed(f: EventFigure) -> int | None:
    if f.outcome != "killed" or f.item != "personnel":
        return None
    floor = f.figure.floor()
    return floor if floor is not None else f.coded_value


def notes(e: MergedEvent) -> str:
    first = e.sources[0].text if e.sources else ""
    parts = [" ".join(first.split())]
    claims = [f"{f.claimant_name or f.claimant or 'an unnamed source'} "
              f"({f.claimant or '?'}): {f.figure.text()} {f.outcome.replace('_', ' ')}"
              f"{'' if f.item == 'personnel' else ' ' + f.item.replace('_', ' ')}"
              for f in e.figures]
    if claims:
        parts.append("Claims: " + "; ".join(dict.fromkeys(claims)) + ".")
    if len(e.sources) > 1:
        parts.append(f"Reported by {len(e.sources)} sources.")
    return " ".join(p for p in parts if p)


def country_name(code: str | None) -> str:
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


def write_csv(events: list[MergedEvent], actor_names: dict[str, str], path) -> int:
    out_rows = rows(events, actor_names)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(out_rows)
    return len(out_rows)
