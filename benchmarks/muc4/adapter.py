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
  ORGANIZATION ID, others INDIVIDUAL ID), their category from the kind of actor and the
  confidence from who reports it; **human targets** from the claims (victims counted
  killed or wounded) and the events' recipients; **physical targets** and **instruments**
  from the incident sentences, with the set fills read from ``data/fills.tsv``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from benchmarks.muc4.templates import SLOTS
from sitrep.datafiles import tsv_rows
from sitrep.ingest.truecase import RARE_WORD_COUNT
from sitrep.records import Claim, Event, Report
from sitrep.resolve.names import word_frequency

NINE_COUNTRIES = {"SLV": "EL SALVADOR", "GTM": "GUATEMALA", "HND": "HONDURAS",
                  "ARG": "ARGENTINA", "BOL": "BOLIVIA", "CHL": "CHILE", "COL": "COLOMBIA",
                  "ECU": "ECUADOR", "PER": "PERU"}
# What the task calls a country's first-level division (location set list).
DIVISION = {"ARG": "PROVINCE", "ECU": "PROVINCE", "CHL": "REGION"}
# "TST4-MUC4-0001", "DEV-MUC3-0001 (NOSC)": the id, and the source that prepared the text
MESSAGE_ID = re.compile(r"(?m)^([A-Z0-9]+-MUC\d-\d{4})(?:[ \t]+\([^)\n]*\))?[ \t]*$")
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
NO_KIDNAP_SLOTS = frozenset({"inc-instr-id", "inc-instr-type", "phys-tgt-id", "phys-tgt-type",
                             "phys-tgt-num", "phys-tgt-nation", "phys-tgt-effect",
                             "phys-tgt-total-num"})
ATTEMPT = re.compile(r"\b(?:attempt\w*|tried to|failed|foiled|defused|deactivated|thwarted)\b",
                     re.I)
THREAT = re.compile(r"\bthreat\w*\b", re.I)
CLAIMED = re.compile(r"\bclaimed (?:\w+ )?responsibility\b|\badmitted\b", re.I)
SUSPECTED = re.compile(r"\b(?:accus\w+|blam\w+|suspect\w*|attributed|presum\w+|alleged\w*)\b",
                       re.I)
DESTROYED = re.compile(r"\b(?:destroy\w*|blew up|blown up|razed|burned down)\b", re.I)
DAMAGED = re.compile(r"\bdamag\w*\b", re.I)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_STOP = frozenset({"and", "or", "in", "on", "at", "of", "who", "which", "that", "were", "was",
                   "are", "is", "have", "has", "had", "by", "from", "with", "during", "when",
                   "while", "after", "before", "as", "the", "to", "for", "but"})
_NOT_PEOPLE = frozenset({"he", "him", "she", "her", "they", "them", "it", "one", "victims",
                         "people", "persons", "this", "these", "those", "who", "whom",
                         "others", "themselves", "himself", "herself"})
# What a figure may count besides people ("56 killings", "two hours").
_NOT_PEOPLE_EITHER = frozenset({"killings", "murders", "deaths", "attacks", "cases", "times",
                                "kidnappings", "massacres", "years", "days", "hours", "mass",
                                "fire", "bombs", "explosions", "incidents", "crimes", "dead",
                                "wounded", "injured", "killed", "missing", "nobody",
                                "neither", "we", "us", "none"})
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"})
# Where a doer's name ends: a relative clause, a time or a place after it.
_TRAILING_PHRASE = re.compile(r"\s+(?:who|which|that|between|at|in|on|near|during|from|"
                              r"after|before|when|while|as)\b", re.I)
TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
# "travelling on a rural road": a route the victims used, not a target
_TRAVELLED = re.compile(r"\b(?:on|along|near|down|up)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
                        re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ARTICLE = re.compile(r"^(?:the|a|an|some|several|other)\s+", re.I)


@functools.lru_cache(maxsize=1)
def fill_words() -> dict[str, list[tuple[re.Pattern, str, str]]]:
    """slot -> [(pattern, phrase, fill)], longest phrases first."""
    path = Path(__file__).parent / "data" / "fills.tsv"
    table: dict[str, list[tuple[re.Pattern, str, str]]] = {}
    for row in sorted(tsv_rows(path), key=lambda r: -len(r["phrase"])):
        pattern = re.compile(rf"\b{re.escape(row['phrase'])}(?:e?s)?\b", re.I)
        table.setdefault(row["slot"], []).append((pattern, row["phrase"], row["fill"]))
    return table


def read_texts(path: str | Path) -> list[tuple[str, str]]:
    """(message id, text) for each message of a MUC-4 text file."""
    raw = Path(path).read_text(encoding="latin-1")
    parts = MESSAGE_ID.split(raw)
    return [(parts[i], parts[i + 1].strip("\n")) for i in range(1, len(parts) - 1, 2)]


@dataclass
class Incident:
    """The events of one message that make one template."""

    type: str
    country: str
    events: list[Event] = field(default_factory=list)


def incidents(report: Report, dateline_country: str | None = None) -> list[Incident]:
    """The report's MUC-4 incidents: one per incident type and place (an event that names
    no place joins the first incident of its type).
    Events without a place happened in the country the report's places and actors point
    to, else the dateline's."""
    home = _home_country(report) or dateline_country
    found: dict[tuple[str, str | None], Incident] = {}
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
        key = (kind, where)
        if key not in found:
            key = next((k for k in found if k[0] == kind and _same(k, key)), key)
        found.setdefault(key, Incident(kind, country)).events.append(event)
    return list(found.values())


def _same(held: tuple, new: tuple) -> bool:
    """Same incident unless the places differ where both are known (splitting on dates
    too made more spurious templates than it found on the development set)."""
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
    if event.mode in ("bombing", "arson"):
        return "BOMBING" if event.mode == "bombing" else "ARSON"
    # sitrep calls harm to anyone it cannot code an attack on civilians; the task wants
    # victims who are neither troops nor rebels
    return "ATTACK" if _civilian_victims(event, claims) or _people_attacked(event) else None


def _people_attacked(event: Event) -> bool:
    """An attack on people who are no armed force ("an attack against the former
    minister")."""
    victims = [_victim(r.text or "", r.actor, None) for r in event.recipients
               if not _first_matches("combatant", r.text or "")]
    return any(v and v.kind not in ("ACTIVE MILITARY", "LAW ENFORCEMENT") for v in victims)


def _civilian_victims(event: Event, claims: Iterable[Claim]) -> bool:
    return any(_inside(c, event) and c.subject.kind == "civilian" and c.item == "personnel"
               for c in claims)


def _inside(claim: Claim, event: Event) -> bool:
    return event.evidence.start <= claim.evidence.start < event.evidence.end


def _home_country(report: Report) -> str | None:
    """The task country the report's places mostly lie in."""
    counts = Counter()
    for entity in report.entities:
        if entity.code in NINE_COUNTRIES:
            counts[entity.code] += len(entity.mentions) * (2 if entity.kind == "place" else 1)
    return counts.most_common(1)[0][0] if counts else None


# ------------------------------------------------------------------ slot fillers


def fills(incident: Incident, report: Report, actors) -> dict[str, list[str]]:
    """Slot name -> filler texts as a response file writes them."""
    text = report.document.text
    sentences = [text[e.evidence.start:e.evidence.end] for e in incident.events]
    joined = " ".join(sentences)
    slots: dict[str, list[str]] = {
        "inc-date": [_date(incident, report)],
        "inc-loc": [_location(incident)],
        "inc-type": [incident.type],
        "inc-stage": ["ATTEMPTED" if ATTEMPT.search(joined) else
                      "THREATENED" if THREAT.search(joined) else "ACCOMPLISHED"],
    }
    slots.update(_perpetrators(incident, report, joined, actors))
    told = " ".join(_with_next_sentence(text, e.evidence.end, e.evidence.start)
                    for e in incident.events)
    slots.update(_instruments(joined))
    slots.update(_physical_targets(incident, joined, told))
    slots.update(_human_targets(incident, report))
    if incident.type in ("KIDNAPPING", "ARSON"):
        for slot in ("inc-instr-id", "inc-instr-type"):
            slots[slot] = ["*"]
    if incident.type == "KIDNAPPING":
        for slot in NO_KIDNAP_SLOTS:
            slots[slot] = ["*"]
    return slots


def _date(incident: Incident, report: Report) -> str:
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


def _location(incident: Incident) -> str:
    country = NINE_COUNTRIES[incident.country]
    place = next((e.place for e in incident.events
                  if e.place and e.place.country == incident.country
                  and e.place.precision in ("town", "district", "region")), None)
    if place is None:
        return country
    kind = "CITY" if place.precision == "town" else DIVISION.get(incident.country, "DEPARTMENT")
    return f"{country}: {_plain(place.name)} ({kind})"


def _plain(name: str) -> str:
    """Upper case without accents, as the task's set lists write names."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()


def _quoted(text: str) -> str:
    words = _ARTICLE.sub("", " ".join(text.replace('"', " ").split()).strip(".,;:'"))
    return '"' + words.upper() + '"'


def _perpetrators(incident: Incident, report: Report, sentences: str, actors
                  ) -> dict[str, list[str]]:
    orgs: list[tuple[str, str]] = []
    people: list[str] = []
    state = False
    for event in incident.events:
        confidence = _confidence(event, report, actors)
        for actor in event.actors:
            doers = _doers(actor.text or "")
            if actor.actor:
                state = state or actors.is_state(actor.actor)
                name = _mention_text(report, actor.actor, actor.text or "")
                if name:
                    orgs.append((_quoted(name), confidence))
                people.extend(d for d in doers if d != _quoted(name or ""))
            else:
                people.extend(doers)
    if not orgs:
        orgs = _groups_named(incident, report, actors)
    if not orgs and not people:
        people = [_quoted(m.group()) for m in _first_matches("perp", sentences)][:1]
    return {
        "perp-inc-cat": ["STATE-SPONSORED VIOLENCE" if state else
                         "TERRORIST ACT" if orgs or people else "-"],
        "perp-ind-id": list(dict.fromkeys(people)) or ["-"],
        "perp-org-id": list(dict.fromkeys(o for o, _c in orgs)) or ["-"],
        "perp-org-conf": [f"{c}: {o}" for o, c in dict(orgs).items()] or ["-"],
    }


def _doers(text: str) -> list[str]:
    """The people a doer's words name: "a group of armed men, who forced him ..." ->
    "GROUP OF ARMED MEN"; words naming no people ("the bomb", "0200") give nothing."""
    head = _TRAILING_PHRASE.split(" ".join(text.split()).split(",")[0])[0]
    if not _first_matches("perp", head) or _fill_of("inc-instr-type", head):
        return []
    return [_quoted(head)]


def _mention_text(report: Report, code: str, within: str) -> str | None:
    """How the text names the actor inside a doer's words ("the FMLN", "armed forces")."""
    for entity in report.entities:
        if entity.code == code and entity.kind == "actor":
            for mention in entity.mentions:
                if mention.text.lower() in within.lower():
                    return mention.text
    return None


def _confidence(event: Event, report: Report, actors) -> str:
    sentence = report.document.text[event.evidence.start:event.evidence.end]
    if CLAIMED.search(sentence):
        return "CLAIMED OR ADMITTED"
    by_authority = event.reported_by is not None and actors.is_state(event.reported_by.actor)
    if SUSPECTED.search(sentence) or by_authority:
        return "SUSPECTED OR ACCUSED BY AUTHORITIES" if by_authority else "SUSPECTED OR ACCUSED"
    return "REPORTED AS FACT"


def _groups_named(incident: Incident, report: Report, actors) -> list[tuple[str, str]]:
    """Armed groups the incident's sentences blame or credit ("police blamed the FMLN",
    "the MRTA claimed responsibility")."""
    groups = []
    for event in incident.events:
        confidence = _confidence(event, report, actors)
        if confidence == "REPORTED AS FACT":
            continue  # named near the incident but not blamed for it
        for entity in report.entities:
            if entity.kind == "actor" and actors.kind_of(entity.code) == "armed_group":
                groups.extend((_quoted(m.text), confidence) for m in entity.mentions
                              if event.evidence.start <= m.start < event.evidence.end)
    return groups


def _first_matches(slot: str, text: str) -> list[re.Match]:
    """Matches of the slot's phrases, longest phrase first, none inside another."""
    taken: list[re.Match] = []
    for pattern, _phrase, _fill in fill_words()[slot]:
        for m in pattern.finditer(text):
            if not any(t.start() <= m.start() < t.end() or m.start() <= t.start() < m.end()
                       for t in taken):
                taken.append(m)
    return sorted(taken, key=lambda m: m.start())


def _fill_of(slot: str, words: str) -> str | None:
    for pattern, _phrase, fill in fill_words()[slot]:
        if pattern.search(words):
            return fill
    return None


def _instruments(sentences: str) -> dict[str, list[str]]:
    ids, types = [], []
    for m in _first_matches("inc-instr-type", sentences):
        quoted = _quoted(m.group())
        if quoted not in ids:
            ids.append(quoted)
            types.append(f"{_fill_of('inc-instr-type', m.group())}: {quoted}")
    return {"inc-instr-id": ids or ["-"], "inc-instr-type": types or ["-"]}


def _noun_phrase(text: str, m: re.Match) -> tuple[str, int | str]:
    """The head phrase with up to two modifiers before it, and how many it names."""
    before = text[:m.start()].split()[-3:]
    modifiers: list[str] = []
    count: int | str = "PLURAL" if m.group().lower().endswith("s") else 1
    for word in reversed(before):
        bare = word.strip(",.;:\"'()").lower()
        if bare.isdigit() or bare in NUMBER_WORDS:
            count = int(bare) if bare.isdigit() else NUMBER_WORDS[bare]
            break
        if not bare.isalpha() or bare in _STOP or len(modifiers) == 2:
            break
        modifiers.insert(0, word.strip(",.;:\"'()"))
    return " ".join([*modifiers, m.group()]), count


def _with_next_sentence(text: str, end: int, start: int) -> str:
    """The incident's sentence and the one after it, where reports tell the damage."""
    stop = _SENTENCE_END.search(text, end + 1)
    return text[start:stop.end() if stop else len(text)]


def _physical_targets(incident: Incident, sentences: str, told: str) -> dict[str, list[str]]:
    ids, types, numbers, effects = [], [], [], []
    effect = ("DESTROYED" if DESTROYED.search(told) else
              "SOME DAMAGE" if DAMAGED.search(told) or incident.type == "ARSON" else None)
    weapons = _first_matches("inc-instr-type", sentences)
    found = [m for m in _first_matches("phys-tgt-type", sentences)
             if not any(w.start() <= m.start() < w.end() or m.start() <= w.start() < m.end()
                        for w in weapons)  # the car of "car bomb" is the weapon
             and not (_fill_of("phys-tgt-type", m.group()) == "TRANSPORTATION ROUTE"
                      and _TRAVELLED.search(sentences, 0, m.start()))]
    for m in found[:3]:
        phrase, count = _noun_phrase(sentences, m)
        quoted = _quoted(phrase)
        if quoted in ids:
            continue
        ids.append(quoted)
        types.append(f"{_fill_of('phys-tgt-type', m.group())}: {quoted}")
        numbers.append(f"{count}: {quoted}")
        if effect:
            effects.append(f"{effect}: {quoted}")
    return {"phys-tgt-id": ids or ["-"], "phys-tgt-type": types or ["-"],
            "phys-tgt-num": numbers or ["-"], "phys-tgt-nation": ["-"],
            "phys-tgt-effect": effects or ["-"], "phys-tgt-total-num": ["-"]}


@dataclass(frozen=True)
class Victim:
    """One human target: a name and/or a description, its type, number and effect."""

    name: str | None
    description: str | None
    kind: str
    number: str
    effect: str | None

    @property
    def ref(self) -> str:
        return _quoted(self.name or self.description or "")


DEATH = re.compile(r"\b(?:kill\w*|murder\w*|assassinat\w*|execut\w*|dead|death|died|"
                   r"massacr\w*|behead\w*)\b", re.I)
INJURY = re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.I)


def _human_targets(incident: Incident, report: Report) -> dict[str, list[str]]:
    chosen = _distinct([*_named_victims(incident, report), *_counted_victims(incident, report)])
    kidnap = incident.type == "KIDNAPPING"
    return {
        "hum-tgt-name": [_quoted(v.name) for v in chosen if v.name] or ["-"],
        "hum-tgt-desc": [f"{_quoted(v.description)}: {v.ref}" if v.name else v.ref
                         for v in chosen if v.description] or ["-"],
        "hum-tgt-type": [f"{v.kind}: {v.ref}" for v in chosen] or ["-"],
        "hum-tgt-num": [f"{v.number}: {v.ref}" for v in chosen] or ["-"],
        "hum-tgt-nation": ["-"],
        "hum-tgt-effect": [f"{v.effect}: {v.ref}" for v in chosen
                           if v.effect and not kidnap] or ["-"],
        "hum-tgt-total-num": ["-"],
    }


def _distinct(victims: list[Victim]) -> list[Victim]:
    """One victim per person or group: "Romero" is "Msgr Arnulfo Romero", "16 peasants"
    the "44 peasants" told before (the first telling wins, a fuller name replaces)."""
    chosen: dict[str, Victim] = {}
    for victim in victims:
        key = _identity(victim)
        held = chosen.get(key)
        if held is None or victim.name and held.name and len(victim.name) > len(held.name):
            chosen[key] = victim if held is None else Victim(
                victim.name, held.description or victim.description, held.kind, held.number,
                held.effect or victim.effect)
    return list(chosen.values())


def _identity(victim: Victim) -> str:
    words = (victim.name or victim.description or "").upper().split()
    return words[-1] if words else ""


def _counted_victims(incident: Incident, report: Report) -> Iterator[Victim]:
    """Victims the claims count: "killed five peasants"."""
    for claim in report.claims:
        if claim.item != "personnel" or claim.parent or claim.quantity.span is None \
                or not any(_inside(claim, e) for e in incident.events) \
                or claim.outcome not in ("killed", "wounded"):
            continue
        noun = _counted_noun(report.document.text, claim.quantity.span.end)
        if not noun or not _is_person_phrase(noun):
            continue
        kind = ("ACTIVE MILITARY" if claim.subject.kind == "military" else
                _fill_of("hum-tgt-type", noun) or "CIVILIAN")
        yield Victim(None, f"{claim.quantity.span.text} {noun}", kind, _number(claim),
                     "DEATH" if claim.outcome == "killed" else "INJURY")


def _named_victims(incident: Incident, report: Report) -> Iterator[Victim]:
    """Victims the events name: "killed Mayor Jose Garcia", "kidnapped two engineers"."""
    text = report.document.text
    known = _known_names(report)
    for event in incident.events:
        sentence = text[event.evidence.start:event.evidence.end]
        effect = "DEATH" if DEATH.search(sentence) else "INJURY" if INJURY.search(sentence) \
            else None
        for recipient in event.recipients:
            victim = _victim(recipient.text or "", recipient.actor, effect, known)
            if victim is not None:
                yield victim


def _victim(text: str, actor: str | None, effect: str | None,
            known: frozenset[str] = frozenset()) -> Victim | None:
    """"Carlos Julio Torrado, mayor of Abrego" -> name and title; None for no person.
    ``known`` holds the report's place and organisation names, which name no person."""
    head, _comma, rest = " ".join(text.split()).partition(", ")
    words = _ARTICLE.sub("", head.strip())
    kind = _fill_of("hum-tgt-type", text)
    if not _is_person_phrase(words) or _fill_of("phys-tgt-type", words) or actor and not kind:
        return None
    name = _trailing_name(words)
    if name and name.lower() in known:
        name = None
    title = words[:-len(name)].strip() if name else words
    if name:
        name, more = _without_title(name)
        title = " ".join(filter(None, [title, more]))
    elif not (_fill_of("person", words) or kind):
        return None  # "army positions", "brothels": nobody the text names as a person
    if name and not title and rest[:1].islower():
        title = " ".join(rest.split()[:6])  # an apposition: "..., mayor of Abrego"
    return Victim(name, title or None, kind or "CIVILIAN", _count_of(words, name), effect)


def _known_names(report: Report) -> frozenset[str]:
    return frozenset(m.text.lower() for e in report.entities if e.kind in ("place", "actor")
                     for m in e.mentions)


def _is_person_phrase(words: str) -> bool:
    """Not a pronoun, a bare number, a date or a weapon ("him", "two", "15 December")."""
    tokens = [t.lower().strip(".,") for t in words.split()]
    if not tokens or tokens[-1] in _NOT_PEOPLE or tokens[-1] in _NOT_PEOPLE_EITHER \
            or tokens[-1].isdigit() \
            or tokens[-1] in NUMBER_WORDS or _fill_of("inc-instr-type", words):
        return False
    return not any(m in tokens for m in MONTH_NAMES)


def _without_title(name: str) -> tuple[str, str]:
    """"Msgr Arnulfo Romero" -> ("Arnulfo Romero", "Msgr")."""
    tokens = name.split()
    cut = 0
    while cut < len(tokens) - 1 and (_fill_of("title", tokens[cut]) or
                                     _fill_of("hum-tgt-type", tokens[cut])):
        cut += 1
    return " ".join(tokens[cut:]), " ".join(tokens[:cut])


def _count_of(words: str, name: str | None) -> str:
    first = words.split()[0].lower()
    if name or first in ("a", "an", "one"):
        return "1"
    if first.isdigit() or first in NUMBER_WORDS:
        return str(int(first) if first.isdigit() else NUMBER_WORDS[first])
    return "PLURAL" if words.lower().endswith("s") else "1"


def _counted_noun(text: str, start: int) -> str:
    """The words a figure counts: "five | peasants and ..." -> "peasants"."""
    words = []
    for word in text[start:start + 60].split()[:3]:
        bare = word.strip(",.;:\"'()")
        if not bare.isalpha() or bare.lower() in _STOP:
            break
        words.append(bare)
        if bare != word:
            break
    return " ".join(words)


def _number(claim: Claim) -> str:
    q = claim.quantity
    if q.low is not None and q.high is not None:
        return f"{q.low}-{q.high}"
    if q.qualifier in ("more_than", "at_least"):
        return f"{q.value}-"
    if q.qualifier == "about":
        return f"~{q.value}"
    return str(q.value)


def _trailing_name(words: str) -> str | None:
    """"businessman Jose Antonio Rodriguez" -> "Jose Antonio Rodriguez"; a single word
    counts when it is no common word ("Castellar")."""
    tokens = words.split()
    name: list[str] = []
    for token in reversed(tokens):
        if not token[:1].isupper() or token.lower() in _STOP or _fill_of("hum-tgt-type", token):
            break
        name.insert(0, token)
    if len(name) == 1 and word_frequency(name[0].lower()) >= RARE_WORD_COUNT:
        return None
    before = tokens[len(tokens) - len(name) - 1].lower() if len(tokens) > len(name) else ""
    if before in _STOP:
        return None  # "mayor of the town of Hostigal": a place, not the person
    return " ".join(name) if name else None


# ------------------------------------------------------------------ response files


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
    found = incidents(report, _country_of(place, gazetteer) if place and gazetteer else None)
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


def _country_of(place: str, gazetteer) -> str | None:
    """The task country a dateline names (the task's messages all concern one of nine)."""
    found = gazetteer.lookup(place, countries=list(NINE_COUNTRIES))
    return found[0].country if found else None
