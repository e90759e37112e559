"""From sitrep's reports to MUC-4 templates (``python -m benchmarks.muc4 --texts``).

sitrep reads each MUC-4 message as any report (upper-case texts are truecased by the
pipeline itself); this module turns its events, claims and places into the 1992 template:

- **relevance and type**: an event that is not background becomes an incident when its
  kind is one MUC-4 counts: bombings (BOMBING), arson (ARSON), kidnappings (KIDNAPPING),
  hijackings, robberies, attacks on civilians (ATTACK); other armed violence (clashes,
  shelling) only when the report's claims count civilian victims in its sentence, since
  the task excludes fighting between guerrillas and troops. The place must lie in one of
  the task's nine countries. Incidents of one type in one message make one template.
- **date** from the events' dates ("- DD MMM YY", on or before the report, when the text
  gives none); **location** the country, then the town or province;
- **perpetrators** from the events' doers (an armed group or organisation is PERP:
  ORGANIZATION ID, others INDIVIDUAL ID, by the people their words name), else the groups
  sitrep finds blamed or claiming the deed, else its possible doers; the category from the
  kind of actor and the confidence from the event's ``responsibility``; **human targets**
  from the events' ``victims``; **physical targets**, their effect and **instruments** from
  the events' ``targets``, ``damage`` and ``instruments``. sitrep's classes of things are
  the task's own set lists (``src/sitrep/data/event_objects.tsv``), written in capitals.

The adapter holds no extraction rules: every value comes from sitrep's records
(``sitrep.extraction.event_details``); what stays here is the template's own logic (which
event kinds the task counts, one template per incident, the task's date and place forms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from benchmarks.muc4.templates import SLOTS
from sitrep.records import Report

from .incidents import NINE_COUNTRIES, Incident, country_of, date, incidents, location
from .objects import instruments, physical_targets
from .perpetrators import perpetrators
from .victims import human_targets

__all__ = ["NINE_COUNTRIES", "Incident", "incidents", "parse_texts", "read_texts",
           "render_template", "respond", "responses"]

# "TST4-MUC4-0001", "DEV-MUC3-0001 (NOSC)": the id, and the source that prepared the text
MESSAGE_ID = re.compile(r"(?m)^([A-Z0-9]+-MUC\d-\d{4})(?:[ \t]+\([^)\n]*\))?[ \t]*$")

NO_KIDNAP_SLOTS = frozenset({"inc-instr-id", "inc-instr-type", "phys-tgt-id", "phys-tgt-type",
                             "phys-tgt-num", "phys-tgt-nation", "phys-tgt-effect",
                             "phys-tgt-total-num"})

def read_texts(path: str | Path) -> list[tuple[str, str]]:
    """(message id, text) for each message of a MUC-4 text file."""
    return parse_texts(Path(path).read_text(encoding="latin-1"))


def parse_texts(raw: str) -> list[tuple[str, str]]:
    """(message id, text) for each message of a MUC-4 text file's contents."""
    parts = MESSAGE_ID.split(raw)
    return [(parts[i], parts[i + 1].strip("\n")) for i in range(1, len(parts) - 1, 2)]


def fills(incident: Incident, report: Report, actors) -> dict[str, list[str]]:
    """Slot name -> filler texts as a response file writes them."""
    stages = {e.stage for e in incident.events}
    slots: dict[str, list[str]] = {
        "inc-date": [date(incident, report)],
        "inc-loc": [location(incident)],
        "inc-type": [incident.type],
        "inc-stage": [next((s.upper() for s in ("attempted", "threatened") if s in stages),
                           "ACCOMPLISHED")],
    }
    slots.update(perpetrators(incident, report, actors))
    slots.update(instruments(incident))
    slots.update(physical_targets(incident))
    slots.update(human_targets(incident))
    if incident.type in ("KIDNAPPING", "ARSON"):
        for slot in ("inc-instr-id", "inc-instr-type"):
            slots[slot] = ["*"]
    if incident.type == "KIDNAPPING":
        for slot in NO_KIDNAP_SLOTS:
            slots[slot] = ["*"]
    return slots


def render_template(message_id: str, number: str, slots: dict[str, list[str]]) -> str:
    """One template in the layout of the 1992 response files."""
    lines = []
    for num, label, name, _kind in SLOTS:
        values = ([message_id] if num == 0 else [number] if num == 1
                  else slots.get(name) or ["-"])
        head = f"{num}.".ljust(4) + label.ljust(31)
        lines.append(head + values[0])
        lines.extend(" " * 35 + v for v in values[1:])
    return "\n".join(lines) + "\n"


def respond(report: Report, message_id: str, actors, gazetteer=None) -> str:
    """The response templates of one message ("*" everywhere when nothing is relevant)."""
    place = report.document.dateline.place
    found = incidents(report, country_of(place, gazetteer) if place and gazetteer else None)
    if not found:
        return render_template(message_id, "*", {name: ["*"] for _n, _l, name, _k in SLOTS})
    return "\n".join(render_template(message_id, str(i), fills(incident, report, actors))
                     for i, incident in enumerate(found, 1))


def responses(texts: Iterable[tuple[str, str]], extractor,
              ids: dict[str, str] | None = None) -> Iterator[str]:
    """Response templates per message; ``ids`` renames messages to the key's ids
    ("DEV-MUC3-0001" -> "DEV-MUC3-0001 (NCCOSC)")."""
    for message_id, text in texts:
        report = extractor.extract(text)
        yield respond(report, (ids or {}).get(message_id, message_id), extractor.actors,
                      extractor.gazetteer)
