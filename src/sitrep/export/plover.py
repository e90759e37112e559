"""PLOVER export: one merged event per line as a PLOVER event record (field names as in
``plover.schema.json``, which every record is validated against before it is written)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..ledger.records import MergedEvent
from .acled import country_name

SCHEMA = "plover.schema.json"


@cache
def schema() -> dict:
    return json.loads(resources.files("sitrep.export").joinpath(SCHEMA).read_text("utf-8"))


def record(e: MergedEvent) -> dict:
    place = e.place
    actor = e.actors[0] if e.actors else None
    recipient = e.recipients[0] if e.recipients else None
    return {
        "event_id": e.id,
        "event_date": e.date_start,
        "event_type": e.type,
        "event_mode": e.modes[0] if e.modes else None,
        "contexts": [],
        "actor_name": actor,
        "actor_country": _country(actor),
        "recipient_name": recipient,
        "recipient_country": _country(recipient),
        "place_name": place.name if place else None,
        "country": country_name(place.country) if place and place.country else None,
        "province": place.admin1 if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geonames_id": place.geonameid if place else None,
        "feature_type": place.precision if place else None,
        "source": "; ".join(dict.fromkeys(s.source or "" for s in e.sources if s.source)),
        "publication_date": min((s.published for s in e.sources if s.published), default=None),
        "event_text": " ".join((e.sources[0].text if e.sources else "").split()),
        "sitrep": {
            "actors": list(e.actors), "recipients": list(e.recipients),
            "date_end": e.date_end, "date_precision": e.precision, "background": e.background,
            "acled": ({"event_type": e.acled_event_type,
                       "sub_event_type": e.acled_sub_event_type}
                      if e.acled_event_type else None),
            "sources": [s.to_dict() for s in e.sources],
            "figures": [f.to_dict() for f in e.figures],
        },
    }


def _country(code: str | None) -> str | None:
    """A state's code is its country (ISO 3166-1 alpha-3); other actors have none here."""
    return code if code and len(code) == 3 and country_name(code) != code else None


def write_records(events: list[MergedEvent], path) -> int:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    with open(path, "w", encoding="utf-8") as out:
        for e in events:
            rec = record(e)
            validator.validate(rec)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(events)
