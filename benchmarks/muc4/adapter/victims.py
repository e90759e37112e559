"""HUM TGT slots from the events' victims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extraction.event_details import distinct_victims
from sitrep.records import Victim

from .words import fill, quoted

if TYPE_CHECKING:
    from .incidents import Incident


def ref(victim: Victim) -> str:
    return quoted(victim.name or victim.description or "")


def human_targets(incident: Incident) -> dict[str, list[str]]:
    """The incident's victims, those the events name before those the claims count, one per
    person or group."""
    victims = [v for e in incident.events for v in e.victims]
    chosen = distinct_victims([v for v in victims if v.claim is None]
                              + [v for v in victims if v.claim is not None])
    kidnap = incident.type == "KIDNAPPING"
    return {
        "hum-tgt-name": [quoted(v.name) for v in chosen if v.name] or ["-"],
        "hum-tgt-desc": [f"{quoted(v.description)}: {ref(v)}" if v.name else ref(v)
                         for v in chosen if v.description] or ["-"],
        "hum-tgt-type": [f"{fill(v.kind)}: {ref(v)}" for v in chosen] or ["-"],
        "hum-tgt-num": [f"{fill(v.number)}: {ref(v)}" for v in chosen] or ["-"],
        "hum-tgt-nation": ["-"],
        "hum-tgt-effect": [f"{fill(v.effect)}: {ref(v)}" for v in chosen
                           if v.effect and not kidnap] or ["-"],
        "hum-tgt-total-num": ["-"],
    }
