"""The details of deeds: whom they harmed, what they hit and with what, and who is blamed.

A stage after events and claims (``detail(report, actors)``), reading only the report:

- ``victims``: the people an event's recipients name ("Mayor Jose Garcia", "two engineers")
  and those its sentence's claims count killed or wounded ("killed five peasants"), each
  with a kind of person, a number and an effect (death, injury);
- ``targets``: the things its sentence names that a deed hits (``event_objects.tsv``
  targets, "the Colombian embassy", "two buses") and how many; ``damage``: what its
  sentence or the next one tells was done to things (destroyed, damaged);
- ``instruments``: the weapons its sentence names ("a car bomb", "dynamite");
- ``stage``: accomplished, attempted ("tried to", "the bomb was defused") or threatened;
- ``responsibility``: how the report holds the doers responsible: claimed, suspected (by
  the state when a state's official says so), or reported as fact;
- ``blamed``: armed groups its sentence blames or credits, else those claiming
  responsibility anywhere in the report;
- each doer's ``people``: the people its words name ("a group of armed men, who forced
  him" -> "a group of armed men"), none for words that name no people ("the bomb");
- ``possible_doers``: with no doer tied to the deed (none coded, none naming people), the
  first words of its sentence that name people who could have done it.

Every value keeps the character offsets of the words it comes from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import replace

from ..datafiles import tsv_rows
from ..ingest.truecase import RARE_WORD_COUNT
from ..records import Blamed, Claim, Event, Report, Span, Thing, Victim
from ..resolve.names import word_frequency
from .events import DEEDS

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
# Words that end a counted or modified phrase.
STOP = frozenset({"and", "or", "in", "on", "at", "of", "who", "which", "that", "were", "was",
                  "are", "is", "have", "has", "had", "by", "from", "with", "during", "when",
                  "while", "after", "before", "as", "the", "to", "for", "but"})
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"})
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
ARTICLE = re.compile(r"^(?:the|a|an|some|several|other)\s+", re.I)
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
# People named by their number alone ("five persons" is a group of victims; "people" is none).
_COUNTABLE = frozenset({"people", "persons"})
DEATH = re.compile(r"\b(?:kill\w*|murder\w*|assassinat\w*|execut\w*|dead|death|died|"
                   r"massacr\w*|behead\w*)\b", re.I)
INJURY = re.compile(r"\b(?:wound\w*|injur\w*|hurt)\b", re.I)
DESTROYED = re.compile(r"\b(?:destroy\w*|blew up|blown up|razed|burned down)\b", re.I)
DAMAGED = re.compile(r"\bdamag\w*\b", re.I)
# "travelling on a rural road": a route the victims used, not a target
_TRAVELLED = re.compile(r"\b(?:on|along|near|down|up)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
                        re.I)
CLAIMED = re.compile(r"\bclaim(?:ed|ing|s)? (?:\w+ )?(?:responsibility|credit)\b|\badmitted\b",
                     re.I)
SUSPECTED = re.compile(r"\b(?:accus\w+|blam\w+|suspect\w*|attributed|presum\w+|alleged\w*)\b",
                       re.I)
# A deed tried and failed or foiled, or only threatened.
ATTEMPT = re.compile(r"\b(?:attempt\w*|tried to|failed|foiled|defused|deactivated|thwarted)\b",
                     re.I)
THREAT = re.compile(r"\bthreat\w*\b", re.I)
# Where a doer's name ends: a relative clause, a time or a place after it.
_TRAILING_PHRASE = re.compile(r"\s+(?:who|which|that|between|at|in|on|near|during|from|"
                              r"after|before|when|while|as)\b", re.I)
MAX_TARGETS = 3  # per deed; further things its sentence names are scenery


# -- words -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def object_words() -> dict[str, list[tuple[re.Pattern, str]]]:
    """role -> [(pattern of a phrase, class)], longest phrases first (event_objects.tsv)."""
    table: dict[str, list[tuple[re.Pattern, str]]] = {}
    for row in sorted(tsv_rows("event_objects.tsv"), key=lambda r: -len(r["phrase"])):
        pattern = re.compile(rf"\b{re.escape(row['phrase'])}(?:e?s)?\b", re.I)
        table.setdefault(row["role"], []).append((pattern, row["class"]))
    return table


def matches(role: str, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match]:
    """Matches of the role's phrases, longest phrase first, none inside another."""
    end = len(text) if endpos is None else endpos
    taken: list[re.Match] = []
    for pattern, _class in object_words()[role]:
        taken += [m for m in pattern.finditer(text, pos, end)
                  if not any(_overlaps(m, t) for t in taken)]
    return sorted(taken, key=lambda m: m.start())


def class_of(role: str, words: str) -> str | None:
    """The class of the first (longest) phrase of the role in ``words``; "-" for a role
    whose words have no classes (title, people, combatant, doer)."""
    for pattern, kind in object_words()[role]:
        if pattern.search(words):
            return kind
    return None


def _overlaps(a: re.Match, b: re.Match) -> bool:
    return a.start() < b.end() and b.start() < a.end()


# -- the stage -------------------------------------------------------------------------------


def detail(report: Report, actors) -> Report:
    """The report with each deed's details; ``actors`` is the actor lexicon (which codes are
    states, which armed groups)."""
    if not any(e.type in DEEDS for e in report.events):
        return report
    text = report.document.text
    known = frozenset(m.text.lower() for e in report.entities if e.kind in ("place", "actor")
                      for m in e.mentions)
    claimed = [(text.rfind(".", 0, m.start()) + 1, text.find(".", m.end()) % (len(text) + 1))
               for m in CLAIMED.finditer(text)]
    events = []
    for event in report.events:
        if event.type not in DEEDS:
            events.append(event)
            continue
        sentence = (event.evidence.start, event.evidence.end)
        told = (sentence[0], _sentence_end(text, sentence[1] + 1))
        responsibility = _responsibility(text, event, actors)
        blamed = _groups_within(report, actors, [sentence]) \
            if responsibility != "reported" else ()
        blamed = blamed or _groups_within(report, actors, claimed, "claimed")
        doers = tuple(replace(a, people=doer_people(a.text or "")) for a in event.actors)
        events.append(replace(
            event,
            actors=doers,
            responsibility=responsibility,
            stage=_stage(text[event.evidence.start:event.evidence.end]),
            victims=tuple(distinct_victims([*_named_victims(event, text, known),
                                     *_counted_victims(event, report.claims, text)])),
            targets=_targets(text, sentence),
            damage=_damage(text[told[0]:told[1]]),
            instruments=_instruments(text, sentence),
            blamed=tuple(replace(b, confidence=responsibility)
                         if b.confidence == "" else b for b in blamed),
            possible_doers=() if any(a.actor or a.people for a in doers) else tuple(
                Span.of(text, m.start(), m.end()) for m in matches("doer", text, *sentence))[:1]))
    return replace(report, events=tuple(events))


def _sentence_end(text: str, at: int) -> int:
    stop = SENTENCE_END.search(text, at)
    return stop.end() if stop else len(text)


# -- doers -----------------------------------------------------------------------------------


def doer_people(words: str) -> str | None:
    """The people a doer's words name: "a group of armed men, who forced him ..." -> "a
    group of armed men"; words naming no people ("the bomb", "0200") give None."""
    head = _TRAILING_PHRASE.split(" ".join(words.split()).split(",")[0])[0]
    if not matches("doer", head) or class_of("weapon", head):
        return None
    return head


def _stage(sentence: str) -> str:
    """Whether the deed was done, only tried ("an attempt to blow up", "the bomb was
    defused") or threatened."""
    return "attempted" if ATTEMPT.search(sentence) else \
        "threatened" if THREAT.search(sentence) else "accomplished"


def _responsibility(text: str, event: Event, actors) -> str:
    """As fact unless words of suspicion or accusation say otherwise, and then "by the
    state" when a state's official says so; "claimed" when the doers claim it."""
    sentence = text[event.evidence.start:event.evidence.end]
    if CLAIMED.search(sentence):
        return "claimed"
    if not SUSPECTED.search(sentence):
        return "reported"
    by_state = event.reported_by is not None and actors.is_state(event.reported_by.actor)
    return "suspected_by_state" if by_state else "suspected"


def _groups_within(report: Report, actors, spans: list[tuple[int, int]],
                   confidence: str = "") -> tuple[Blamed, ...]:
    """Armed groups named inside the spans, each with its first mention ("" confidence:
    the deed's own)."""
    groups: dict[str, Blamed] = {}
    for start, end in spans:
        for entity in report.entities:
            if entity.kind == "actor" and actors.kind_of(entity.code) == "armed_group":
                for m in entity.mentions:
                    if start <= m.start < end and entity.code not in groups:
                        groups[entity.code] = Blamed(entity.code, Span(m.start, m.end, m.text),
                                                     confidence)
    return tuple(groups.values())


# -- victims ---------------------------------------------------------------------------------


def _named_victims(event: Event, text: str, known: frozenset[str]) -> Iterator[Victim]:
    """Victims the event names: "killed Mayor Jose Garcia", "kidnapped two engineers"."""
    sentence = text[event.evidence.start:event.evidence.end]
    effect = "death" if DEATH.search(sentence) else "injury" if INJURY.search(sentence) \
        else None
    for recipient in event.recipients:
        words = recipient.text or ""
        found = _victim(words, recipient.actor, effect, known)
        if found is not None:
            at = text.find(words, event.evidence.start, event.evidence.end)
            evidence = Span.of(text, at, at + len(words)) if at >= 0 else event.evidence
            yield replace(found, evidence=evidence)


def _victim(text: str, actor: str | None, effect: str | None,
           known: frozenset[str] = frozenset()) -> Victim | None:
    """"Carlos Julio Torrado, mayor of Abrego" -> name and title; None for no person.
    ``known`` holds the report's place and organisation names, which name no person."""
    head, _comma, rest = " ".join(text.split()).partition(", ")
    words = ARTICLE.sub("", head.strip())
    kind = class_of("person", text)
    if not _is_person_phrase(words) or class_of("target", words) or actor and not kind:
        return None
    name = _trailing_name(words)
    if name and name.lower() in known:
        name = None
    title = words[:-len(name)].strip() if name else words
    if name:
        name, more = _without_title(name)
        title = " ".join(filter(None, [title, more]))
    elif not (class_of("people", words) or kind):
        return None  # "army positions", "brothels": nobody the text names as a person
    if name and not title and rest[:1].islower():
        title = " ".join(rest.split()[:6])  # an apposition: "..., mayor of Abrego"
    return Victim(name, title or None, kind or "civilian", _count_of(words, name), effect,
                  Span(0, 0, ""), combatant=bool(matches("combatant", text)))


def distinct_victims(victims: list[Victim]) -> list[Victim]:
    """One victim per person or group: "Romero" is "Msgr Arnulfo Romero", "16 peasants"
    the "44 peasants" told before (the first telling wins, a fuller name replaces)."""
    chosen: dict[str, Victim] = {}
    for found in victims:
        key = _identity(found)
        held = chosen.get(key)
        if held is None or found.name and held.name and len(found.name) > len(held.name):
            chosen[key] = found if held is None else replace(
                found, description=held.description or found.description, kind=held.kind,
                number=held.number, effect=held.effect or found.effect)
    return list(chosen.values())


def _identity(found: Victim) -> str:
    words = (found.name or found.description or "").upper().split()
    return words[-1] if words else ""


def _counted_victims(event: Event, claims: tuple[Claim, ...], text: str
                     ) -> Iterator[Victim]:
    """Victims the claims in the event's sentence count: "killed five peasants"."""
    for claim in claims:
        if claim.item != "personnel" or claim.parent or claim.quantity.span is None \
                or not event.evidence.start <= claim.evidence.start < event.evidence.end \
                or claim.outcome not in ("killed", "wounded"):
            continue
        noun, end = _counted_noun(text, claim.quantity.span.end)
        if not noun or not _is_person_phrase(noun):
            continue
        kind = ("active military" if claim.subject.kind == "military" else
                class_of("person", noun) or "civilian")
        yield Victim(None, f"{claim.quantity.span.text} {noun}", kind, _number(claim),
                     "death" if claim.outcome == "killed" else "injury",
                     Span.of(text, claim.quantity.span.start, end), claim.id or None,
                     combatant=bool(matches("combatant", noun)))


def _is_person_phrase(words: str) -> bool:
    """Not a pronoun, a bare number, a date or a weapon ("him", "two", "15 December")."""
    tokens = [t.lower().strip(".,") for t in words.split()]
    if len(tokens) > 1 and tokens[-1] in _COUNTABLE and _counted(tokens[0]):
        return True  # "five persons", "12 people": a group the text counts
    if not tokens or tokens[-1] in _NOT_PEOPLE or tokens[-1].isdigit() \
            or tokens[-1] in NUMBER_WORDS or class_of("weapon", words):
        return False
    return not any(m in tokens for m in MONTH_NAMES)


def _counted(word: str) -> bool:
    return word.replace(",", "").isdigit() or word in NUMBER_WORDS or word in ("several",
                                                                             "many")


def _without_title(name: str) -> tuple[str, str]:
    """"Msgr Arnulfo Romero" -> ("Arnulfo Romero", "Msgr")."""
    tokens = name.split()
    cut = 0
    while cut < len(tokens) - 1 and (class_of("title", tokens[cut]) or
                                     class_of("person", tokens[cut])):
        cut += 1
    return " ".join(tokens[cut:]), " ".join(tokens[:cut])


def _count_of(words: str, name: str | None) -> str:
    first = words.split()[0].lower()
    if name or first in ("a", "an", "one"):
        return "1"
    if first.isdigit() or first in NUMBER_WORDS:
        return str(int(first) if first.isdigit() else NUMBER_WORDS[first])
    plural = words.lower().endswith("s") or words.lower().split()[-1] in _COUNTABLE
    return "plural" if plural else "1"


def _counted_noun(text: str, start: int) -> tuple[str, int]:
    """The words a figure counts and where they end: "five | peasants and ..." ->
    "peasants"."""
    words: list[str] = []
    end = start
    for m in re.finditer(r"\S+", text[start:start + 60]):
        if len(words) == 3:
            break
        word = m.group()
        bare = word.strip(",.;:\"'()")
        if not bare.isalpha() or bare.lower() in STOP:
            break
        words.append(bare)
        end = start + m.start() + word.find(bare) + len(bare)
        if bare != word:
            break
    return " ".join(words), end


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
        if not token[:1].isupper() or token.lower() in STOP or class_of("person", token):
            break
        name.insert(0, token)
    if len(name) == 1 and word_frequency(name[0].lower()) >= RARE_WORD_COUNT:
        return None
    before = tokens[len(tokens) - len(name) - 1].lower() if len(tokens) > len(name) else ""
    if before in STOP:
        return None  # "mayor of the town of Hostigal": a place, not the person
    return " ".join(name) if name else None


# -- things ----------------------------------------------------------------------------------


def _instruments(text: str, sentence: tuple[int, int]) -> tuple[Thing, ...]:
    return tuple(Thing(class_of("weapon", m.group()) or "other",
                       Span.of(text, m.start(), m.end()))
                 for m in matches("weapon", text, *sentence))


def _damage(told: str) -> str | None:
    """The damage the deed's sentence or the next one tells."""
    return "destroyed" if DESTROYED.search(told) else "damaged" if DAMAGED.search(told) \
        else None


def _targets(text: str, sentence: tuple[int, int]) -> tuple[Thing, ...]:
    """Things the sentence names that a deed hits, not the weapon ("the car of "car bomb"),
    nor a road the victims travelled."""
    weapons = matches("weapon", text, *sentence)
    found = [m for m in matches("target", text, *sentence)
             if not any(_overlaps(m, w) for w in weapons)
             and not (class_of("target", m.group()) == "transportation route"
                      and _TRAVELLED.search(text, sentence[0], m.start()))]
    out = []
    for m in found[:MAX_TARGETS]:
        start, count = _modifiers(text, sentence[0], m)
        out.append(Thing(class_of("target", m.group()) or "other",
                         Span.of(text, start, m.end()), str(count)))
    return tuple(out)


def _modifiers(text: str, floor: int, m: re.Match) -> tuple[int, int | str]:
    """Where the target's phrase starts (up to two modifiers before its head) and how many
    it names."""
    base = max(floor, m.start() - 80)
    before = list(re.finditer(r"\S+", text[base:m.start()]))[-3:]
    start = m.start()
    count: int | str = "plural" if m.group().lower().endswith("s") else 1
    for taken, word_match in enumerate(reversed(before)):
        bare = word_match.group().strip(",.;:\"'()").lower()
        if bare.isdigit() or bare in NUMBER_WORDS:
            count = int(bare) if bare.isdigit() else NUMBER_WORDS[bare]
            break
        if not bare.isalpha() or bare in STOP or taken == 2:
            break
        start = base + word_match.start()
    return start, count
