"""PERP slots: who did it, their kind, and how sure the report is."""

from __future__ import annotations

import re

from sitrep.records import Event, Report

from .incidents import Incident
from .words import fill_of, first_matches, quoted

CLAIMED = re.compile(r"\bclaim(?:ed|ing|s)? (?:\w+ )?(?:responsibility|credit)\b|\badmitted\b",
                     re.I)

SUSPECTED = re.compile(r"\b(?:accus\w+|blam\w+|suspect\w*|attributed|presum\w+|alleged\w*)\b",
                       re.I)

# A state's institution that can be a perpetrator organisation ("the army", "armed forces");
# a bare demonym or capital ("Salvadoran", "San Salvador") names none.
FORCE = re.compile(r"\b(?:armed forces|air force|national guard|national police|"
                   r"treasury police|army|navy|police)\b", re.I)

# Where a doer's name ends: a relative clause, a time or a place after it.
_TRAILING_PHRASE = re.compile(r"\s+(?:who|which|that|between|at|in|on|near|during|from|"
                              r"after|before|when|while|as)\b", re.I)


def perpetrators(incident: Incident, report: Report, sentences: str, actors
                  ) -> dict[str, list[str]]:
    orgs: dict[str, tuple[str, str]] = {}  # actor code -> (name, confidence)
    people: list[str] = []
    state = False
    for event in incident.events:
        confidence = _confidence(event, report, actors)
        for actor in event.actors:
            doers = _doers(actor.text or "")
            if actor.actor:
                state = state or actors.is_state(actor.actor)
                name = _mention_text(report, actor.actor, actor.text or "")
                if name and (not actors.is_state(actor.actor) or FORCE.search(name)):
                    orgs.setdefault(actor.actor, (quoted(name), confidence))
                people.extend(d for d in doers if d != quoted(name or ""))
            else:
                people.extend(doers)
            force = FORCE.search(actor.text or "")
            if force and doers:  # "members of the armed forces": the force is the org
                orgs.setdefault(force.group().lower(), (quoted(force.group()), confidence))
    if not orgs:
        orgs = _groups_named(incident, report, actors)
    if not orgs and not people:
        people = [quoted(m.group()) for m in first_matches("perp", sentences)][:1]
    return {
        "perp-inc-cat": ["STATE-SPONSORED VIOLENCE" if state else
                         "TERRORIST ACT" if orgs or people else "-"],
        "perp-ind-id": list(dict.fromkeys(people)) or ["-"],
        "perp-org-id": list(dict.fromkeys(o for o, _c in orgs.values())) or ["-"],
        "perp-org-conf": [f"{c}: {o}" for o, c in dict(orgs.values()).items()] or ["-"],
    }


def _doers(text: str) -> list[str]:
    """The people a doer's words name: "a group of armed men, who forced him ..." ->
    "GROUP OF ARMED MEN"; words naming no people ("the bomb", "0200") give nothing."""
    head = _TRAILING_PHRASE.split(" ".join(text.split()).split(",")[0])[0]
    if not first_matches("perp", head) or fill_of("inc-instr-type", head):
        return []
    return [quoted(head)]


def _mention_text(report: Report, code: str, within: str) -> str | None:
    """How the text names the actor inside a doer's words ("the FMLN", "armed forces")."""
    for entity in report.entities:
        if entity.code == code and entity.kind == "actor":
            for mention in entity.mentions:
                if mention.text.lower() in within.lower():
                    return mention.text
    return None


def _confidence(event: Event, report: Report, actors) -> str:
    """How the report holds the doer responsible: as fact unless words of suspicion or
    accusation say otherwise, and then "by authorities" when a state's official says so."""
    sentence = report.document.text[event.evidence.start:event.evidence.end]
    if CLAIMED.search(sentence):
        return "CLAIMED OR ADMITTED"
    if not SUSPECTED.search(sentence):
        return "REPORTED AS FACT"
    by_authority = event.reported_by is not None and actors.is_state(event.reported_by.actor)
    return "SUSPECTED OR ACCUSED BY AUTHORITIES" if by_authority else "SUSPECTED OR ACCUSED"


def _groups_named(incident: Incident, report: Report, actors) -> dict[str, tuple[str, str]]:
    """Armed groups the incident's sentences blame or credit ("police blamed the FMLN"),
    else those claiming responsibility anywhere in the message ("the MRTA today
    distributed leaflets claiming responsibility for the murder"); one name per group."""
    blamed = [(e.evidence.start, e.evidence.end, _confidence(e, report, actors))
              for e in incident.events]
    groups = _groups_within(report, actors, [b for b in blamed if b[2] != "REPORTED AS FACT"])
    if groups:
        return groups
    text = report.document.text
    claims = [(text.rfind(".", 0, m.start()) + 1, text.find(".", m.end()) % (len(text) + 1),
               "CLAIMED OR ADMITTED") for m in CLAIMED.finditer(text)]
    return _groups_within(report, actors, claims)


def _groups_within(report: Report, actors, spans: list[tuple[int, int, str]]
                   ) -> dict[str, tuple[str, str]]:
    """Armed groups named inside the spans, each with its first name and the confidence of
    the span it is named in."""
    groups: dict[str, tuple[str, str]] = {}
    for start, end, confidence in spans:
        for entity in report.entities:
            if entity.kind == "actor" and actors.kind_of(entity.code) == "armed_group":
                for m in entity.mentions:
                    if start <= m.start < end:
                        groups.setdefault(entity.code, (quoted(m.text), confidence))
    return groups
