"""Typed records that flow between sitrep's pipeline stages.

Every record is a frozen dataclass. ``to_dict()`` produces exactly the shape fixed by
``CONTRACT.md`` (extra fields are allowed there, renamed or dropped ones are not).
A spaCy ``Doc`` never appears in a record: records carry character offsets instead.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

OUTCOMES = (
    "killed", "wounded", "killed_or_wounded", "captured", "missing",
    "destroyed", "damaged", "seized",
)
ITEMS = (
    "personnel", "tanks_armored_vehicles", "tanks", "armored_vehicles", "artillery_rockets",
    "air_defense", "uav", "helicopter", "fixed_wing_aircraft", "command_post", "vehicles",
    "ships", "ammunition_depot", "other_equipment",
)
# CONTRACT.md's item_class: the finer classes under each coarse item
ITEM_CLASSES = {
    "artillery_rockets": ("artillery", "mlrs"),
    "other_equipment": ("cruise_missiles", "ballistic_missiles", "missile_launchers",
                        "special_equipment"),
    "ships": ("submarines", "boats"),
    "vehicles": ("fuel_tanks", "trucks"),
    "fixed_wing_aircraft": ("fighter_jets",),
}
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range")
SUBJECT_KINDS = ("military", "civilian", "unknown")
PRECISIONS = ("day", "week", "month", "year")


def _plain(value: Any) -> Any:
    """Turn records (and containers of them) into JSON-ready values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: field-by-field serialisation in declaration order."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Span(Record):
    """Character offsets into the document text as given; ``text == doc_text[start:end]``.

    ``truecased``: in a report written in capitals, the same words in the case sitrep
    restored to read them ("Armenian Ministry" for "ARMENIAN MINISTRY"); absent from the
    JSON otherwise.
    """

    start: int
    end: int
    text: str
    truecased: str | None = None

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.truecased is None:
            del out["truecased"]
        return out


@dataclass(frozen=True)
class Dateline(Record):
    place: str | None = None
    date: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Document(Record):
    id: str
    published: str | None
    dateline: Dateline
    title: str | None
    text: str = field(repr=False, default="")
    encoding: str = "utf-8"

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        del out["text"]
        out["length"] = len(self.text)
        return out


@dataclass(frozen=True)
class Claimant(Record):
    actor: str | None = None
    name: str | None = None
    person: str | None = None
    role: str | None = None
    span: Span | None = None
    # "explicit": the sentence names the source; "carried": an earlier sentence of the same
    # statement did; None: no source found.
    attribution: str | None = None


@dataclass(frozen=True)
class Subject(Record):
    actor: str | None = None
    kind: str = "unknown"
    text: str | None = None
    # Why the actor was chosen: "explicit" (named in the counted phrase), "list" (shares a
    # list with an explicit one), "inherited" (continues the statement's earlier claim),
    # "enemy" (the claimant's adversary), or None.
    basis: str | None = None


@dataclass(frozen=True)
class Quantity(Record):
    value: int | None
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Period(Record):
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Place(Record):
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: str | None = None
    span: Span | None = None
    # why this record was chosen for the name ("the only reading", "in the report's area
    # (SOM)", "the place the text says it lies in: X"), for a reader checking it
    why: str | None = None


@dataclass(frozen=True)
class Dispute(Record):
    """Who contests a claim in the same report, and the words that do."""

    actor: str | None
    name: str | None
    evidence: Span


@dataclass(frozen=True)
class Claim(Record):
    claimant: Claimant
    subject: Subject
    outcome: str
    item: str
    quantity: Quantity
    stated_on: str | None
    period: Period | None
    event_date: str | None
    place: Place | None
    evidence: Span
    id: str = ""
    parent: str | None = None  # id of the total this claim is a subtotal of
    event: str | None = None  # id of the event whose losses it counts, told in its sentence
    # every other span where the same claimant states the same figure (headline, lede)
    mentions: tuple[Span, ...] = ()
    item_class: str | None = None  # the finer class under ``item`` (ITEM_CLASSES)
    item_detail: str | None = None  # the weapon model the text names ("Pantsir", "FH-70")
    vague: str | None = None  # a count in words ("dozens"): then quantity.value is None
    coded_value: int | None = None  # the count coders assign a vague one (ACLED: dozens 12)
    background: bool = False  # history the report recalls, not its news
    disputed_by: tuple[Dispute, ...] = ()  # who denies or contests it in the same report


@dataclass(frozen=True)
class EventDate(Record):
    start: str | None = None
    end: str | None = None
    precision: str | None = None


@dataclass(frozen=True)
class EventActor(Record):
    actor: str | None
    text: str | None = None
    people: str | None = None  # a doer's words that name people ("a group of armed men")


@dataclass(frozen=True)
class Reporter(Record):
    actor: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Victim(Record):
    """A person or group a deed harmed: "Mayor Jose Garcia", "five peasants"."""

    name: str | None  # a person's name without title ("Jose Garcia")
    description: str | None  # title or counted words ("mayor", "5 peasants")
    kind: str  # class of person (event_objects.tsv: civilian, active military, ...)
    number: str  # "1", "5", "plural", "5-" (at least 5), "~5" (about), "3-7"
    effect: str | None  # death | injury
    evidence: Span  # the words that name the victim
    claim: str | None = None  # the claim that counts them, when a claim does
    combatant: bool = False  # named as a fighter ("two guerrillas"): no civilian harmed


@dataclass(frozen=True)
class Thing(Record):
    """A thing a deed hit (a target) or used (an instrument): "the Colombian embassy",
    "a car bomb"."""

    kind: str  # class (event_objects.tsv: vehicle bomb, commercial, transport vehicle ...)
    evidence: Span  # the words that name it, with up to two modifiers for a target
    number: str | None = None  # targets: "1", "3", "plural"


@dataclass(frozen=True)
class Blamed(Record):
    """An armed group a report blames or credits for a deed, and how sure it is."""

    actor: str
    evidence: Span  # how the text names the group
    confidence: str  # claimed | suspected | suspected_by_state | reported


@dataclass(frozen=True)
class Event(Record):
    type: str
    mode: str | None
    actors: tuple[EventActor, ...]
    recipients: tuple[EventActor, ...]
    date: EventDate
    place: Place | None
    background: bool
    reported_by: Reporter | None
    acled: dict[str, str] | None
    evidence: Span
    id: str = ""
    # how the report holds the doers responsible: claimed | suspected |
    # suspected_by_state | reported (as fact)
    responsibility: str | None = None
    stage: str | None = None  # of a deed: accomplished | attempted | threatened
    victims: tuple[Victim, ...] = ()
    targets: tuple[Thing, ...] = ()
    damage: str | None = None  # what the deed did to things: destroyed | damaged
    instruments: tuple[Thing, ...] = ()
    blamed: tuple[Blamed, ...] = ()  # groups blamed or claiming it, where no doer is coded
    # with no doer tied to the deed: the first words of its sentence that name people who
    # could have done it ("guerrillas" in "a bomb the guerrillas had planted exploded")
    possible_doers: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Mention(Record):
    """One mention of an entity; like a Span, ``text == doc_text[start:end]`` and
    ``truecased`` only in reports written in capitals."""

    start: int
    end: int
    text: str
    repaired: bool = False
    truecased: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.truecased is None:
            del out["truecased"]
        return out


@dataclass(frozen=True)
class Entity(Record):
    kind: str  # "actor", "place" or "person"
    canonical: str
    code: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Flag(Record):
    """Something a reader should check (CONTRACT.md: ``kind``, ``message``, ``evidence``).

    ``evidence``: the span of every statement involved, the one the flag is about first
    (a ``date_conflict``: the disagreeing date, then the statements it disagrees with; a
    ``number_conflict``: both figures); empty for a flag on the whole report. ``refs``:
    the ids of the claims involved. A single Span (or None) given as ``evidence`` is taken
    as a one-span (or empty) list.
    """

    kind: str
    message: str
    evidence: tuple[Span, ...] = ()
    refs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.evidence is None or isinstance(self.evidence, Span):
            object.__setattr__(self, "evidence", (self.evidence,) if self.evidence else ())
        else:
            object.__setattr__(self, "evidence", tuple(self.evidence))

    @property
    def span(self) -> Span | None:
        """The span the flag is about: the first of its evidence."""
        return self.evidence[0] if self.evidence else None


@dataclass(frozen=True)
class Report(Record):
    document: Document
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    flags: tuple[Flag, ...] = ()
    # per subject, outcome and item: others' figures beside the subject's own
    claim_pairs: tuple[dict, ...] = ()
