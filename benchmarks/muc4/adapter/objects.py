"""INSTRUMENT and PHYS TGT slots from the events' instruments and targets."""

from __future__ import annotations

import re

from .incidents import Incident
from .words import fill, quoted

EFFECTS = {"destroyed": "DESTROYED", "damaged": "SOME DAMAGE"}
# "peasants' houses", "doors, looted stores": the set lists write words without punctuation
INNER_PUNCTUATION = re.compile(r"[,.;:\"'()](?=\S|\s)")
MAX_TARGETS = 3


def instruments(incident: Incident) -> dict[str, list[str]]:
    ids, types = [], []
    for thing in (t for e in incident.events for t in e.instruments):
        ref = quoted(thing.evidence.text)
        if ref not in ids:
            ids.append(ref)
            types.append(f"{fill(thing.kind)}: {ref}")
    return {"inc-instr-id": ids or ["-"], "inc-instr-type": types or ["-"]}


def physical_targets(incident: Incident) -> dict[str, list[str]]:
    ids, types, numbers, effects = [], [], [], []
    things = [t for e in incident.events for t in e.targets][:MAX_TARGETS]
    # the task counts an arson's target as damaged at least
    default = "SOME DAMAGE" if incident.type == "ARSON" else None
    damage = {e.damage for e in incident.events}
    effect = next((EFFECTS[d] for d in ("destroyed", "damaged") if d in damage), default)
    for thing in things:
        ref = quoted(INNER_PUNCTUATION.sub("", thing.evidence.text))
        if ref in ids:
            continue
        ids.append(ref)
        types.append(f"{fill(thing.kind)}: {ref}")
        numbers.append(f"{fill(thing.number or '1')}: {ref}")
        if effect:
            effects.append(f"{effect}: {ref}")
    return {"phys-tgt-id": ids or ["-"], "phys-tgt-type": types or ["-"],
            "phys-tgt-num": numbers or ["-"], "phys-tgt-nation": ["-"],
            "phys-tgt-effect": effects or ["-"], "phys-tgt-total-num": ["-"]}
