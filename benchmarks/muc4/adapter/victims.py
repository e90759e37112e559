"""HUM TGT slots: the people harmed, from sitrep's claims and events' recipients."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.ingest.truecase import RARE_WORD_COUNT
from sitrep.records import Claim, Report
from sitrep.resolve.names import word_frequency

from .words import ARTICLE, MONTH_NAMES, NUMBER_WORDS, STOP, fill_of, inside, quoted

if TYPE_CHECKING:
    from .incidents import Incident

# Last words that name nobody in particular: pronouns and bare nouns for people, and what a
# figure may count besides people ("56 killings", "two hours", "9 dead").
_NOT_PEOPLE = frozenset({
    "he", "him", "she", "her", "they", "them", "it", "one", "we", "us", "who", "whom", "this",
    "these", "those", "others", "themselves", "himself", "herself", "nobody", "neither",
    "none", "victims", "people", "persons",
    "killings", "murders", "deaths", "attacks", "cases", "times", "kidnappings", "massacres",
    "years", "days", "hours", "mass", "fire", "bombs", "explosions", "incidents", "crimes",
    "dead", "wounded", "injured", "killed", "missing",
})

DEATH = re.compile(r"\b(?:kill\w*|murder\w*|assassinat\w*|execut\w*|dead|death|died|"
                   r"massacr\w*|behead\w*)\b", re.I)

INJURY = re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.I)


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
        return quoted(self.name or self.description or "")


def human_targets(incident: Incident, report: Report) -> dict[str, list[str]]:
    chosen = _distinct([*_named_victims(incident, report), *_counted_victims(incident, report)])
    kidnap = incident.type == "KIDNAPPING"
    return {
        "hum-tgt-name": [quoted(v.name) for v in chosen if v.name] or ["-"],
        "hum-tgt-desc": [f"{quoted(v.description)}: {v.ref}" if v.name else v.ref
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
                or not any(inside(claim, e) for e in incident.events) \
                or claim.outcome not in ("killed", "wounded"):
            continue
        noun = _counted_noun(report.document.text, claim.quantity.span.end)
        if not noun or not _is_person_phrase(noun):
            continue
        kind = ("ACTIVE MILITARY" if claim.subject.kind == "military" else
                fill_of("hum-tgt-type", noun) or "CIVILIAN")
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
            found = victim(recipient.text or "", recipient.actor, effect, known)
            if found is not None:
                yield found


def victim(text: str, actor: str | None, effect: str | None,
           known: frozenset[str] = frozenset()) -> Victim | None:
    """"Carlos Julio Torrado, mayor of Abrego" -> name and title; None for no person.
    ``known`` holds the report's place and organisation names, which name no person."""
    head, _comma, rest = " ".join(text.split()).partition(", ")
    words = ARTICLE.sub("", head.strip())
    kind = fill_of("hum-tgt-type", text)
    if not _is_person_phrase(words) or fill_of("phys-tgt-type", words) or actor and not kind:
        return None
    name = _trailing_name(words)
    if name and name.lower() in known:
        name = None
    title = words[:-len(name)].strip() if name else words
    if name:
        name, more = _without_title(name)
        title = " ".join(filter(None, [title, more]))
    elif not (fill_of("person", words) or kind):
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
    if not tokens or tokens[-1] in _NOT_PEOPLE or tokens[-1].isdigit() \
            or tokens[-1] in NUMBER_WORDS or fill_of("inc-instr-type", words):
        return False
    return not any(m in tokens for m in MONTH_NAMES)


def _without_title(name: str) -> tuple[str, str]:
    """"Msgr Arnulfo Romero" -> ("Arnulfo Romero", "Msgr")."""
    tokens = name.split()
    cut = 0
    while cut < len(tokens) - 1 and (fill_of("title", tokens[cut]) or
                                     fill_of("hum-tgt-type", tokens[cut])):
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
        if not bare.isalpha() or bare.lower() in STOP:
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
        if not token[:1].isupper() or token.lower() in STOP or fill_of("hum-tgt-type", token):
            break
        name.insert(0, token)
    if len(name) == 1 and word_frequency(name[0].lower()) >= RARE_WORD_COUNT:
        return None
    before = tokens[len(tokens) - len(name) - 1].lower() if len(tokens) > len(name) else ""
    if before in STOP:
        return None  # "mayor of the town of Hostigal": a place, not the person
    return " ".join(name) if name else None
