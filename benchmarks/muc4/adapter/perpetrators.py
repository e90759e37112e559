"""PERP slots from the events' doers, the groups blamed and how sure the report is."""

from __future__ import annotations

import re

from sitrep.records import Report

from .incidents import Incident
from .words import ARTICLE, quoted

CONFIDENCE = {"claimed": "CLAIMED OR ADMITTED", "reported": "REPORTED AS FACT",
              "suspected": "SUSPECTED OR ACCUSED",
              "suspected_by_state": "SUSPECTED OR ACCUSED BY AUTHORITIES"}

# The set list's perpetrator organisations among a state's institutions ("the army", "armed
# forces"); a bare demonym or capital ("Salvadoran", "San Salvador") is none.
FORCE = re.compile(r"\b(?:armed forces|air force|national guard|national police|"
                   r"treasury police|army|navy|police)\b", re.I)


def perpetrators(incident: Incident, report: Report, actors) -> dict[str, list[str]]:
    orgs: dict[str, tuple[str, str]] = {}  # actor code -> (name, confidence)
    people: list[str] = []
    state = False
    for event in incident.events:
        confidence = CONFIDENCE.get(event.responsibility or "", "REPORTED AS FACT")
        for actor in event.actors:
            # "the army" as a doer is the organisation: the set list has no individual for it
            institution = bool(actor.people and FORCE.fullmatch(ARTICLE.sub("", actor.people)))
            doers = [quoted(actor.people)] if actor.people and not institution else []
            state = state or institution
            if actor.actor:
                state = state or actors.is_state(actor.actor)
                name = _mention_text(report, actor.actor, actor.text or "") or (
                    None if actors.is_state(actor.actor) else _first_mention(report, actor.actor))
                if name and (not actors.is_state(actor.actor) or FORCE.search(name)):
                    orgs.setdefault(actor.actor, (quoted(name), confidence))
                people.extend(d for d in doers if d != quoted(name or ""))
            else:
                people.extend(doers)
            force = FORCE.search(actor.text or "")
            if force and (doers or institution):  # "members of the armed forces": the org
                orgs.setdefault(force.group().lower(), (quoted(force.group()), confidence))
    if not orgs:
        orgs = {b.actor: (quoted(b.evidence.text), CONFIDENCE[b.confidence])
                for e in incident.events for b in e.blamed}
    if not orgs and not people:
        people = [quoted(s.text) for e in incident.events for s in e.possible_doers][:1]
    return {
        "perp-inc-cat": ["STATE-SPONSORED VIOLENCE" if state else
                         "TERRORIST ACT" if orgs or people else "-"],
        "perp-ind-id": list(dict.fromkeys(people)) or ["-"],
        "perp-org-id": list(dict.fromkeys(o for o, _c in orgs.values())) or ["-"],
        "perp-org-conf": [f"{c}: {o}" for o, c in dict(orgs.values()).items()] or ["-"],
    }


def _mention_text(report: Report, code: str, within: str) -> str | None:
    """How the text names the actor inside a doer's words ("the FMLN", "armed forces")."""
    for entity in report.entities:
        if entity.code == code and entity.kind == "actor":
            for mention in entity.mentions:
                if mention.text.lower() in within.lower():
                    return mention.text
    return None


def _first_mention(report: Report, code: str) -> str | None:
    """How the report first names a group whose name the doer's words cut short
    ("terrorists of the Farabundo Marti" -> "Farabundo Marti National Liberation Front")."""
    return next((entity.mentions[0].text for entity in report.entities
                 if entity.code == code and entity.kind == "actor" and entity.mentions), None)
