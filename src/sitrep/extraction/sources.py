"""Who says so: turn the attributions of each sentence into claimants.

A named source gets its actor code from the actor lexicon ("the representative of the
Armenian Ministry of defense" → ARM; a UN agency → UN). Sources that do not name
themselves are resolved to the source they continue:

- a pronoun ("he said", "it said") → the latest named source or sentence subject before it
  that has an actor;
- a definite generic noun ("the army said", "the statement said", "the ministry added")
  → the latest earlier source with the same head word, else the latest coded source.

Both take the statement date of what they continue when they give none of their own:
they carry on the same statement.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from importlib import resources

from ..records import Claimant, Span

_WORDS = json.loads(resources.files("sitrep.data").joinpath("source_words.json")
                    .read_text("utf-8"))
GENERIC_HEADS = frozenset(_WORDS["generic"]["words"])
STATE_HEADS = frozenset(_WORDS["state"]["words"])
HOSTILE_HEADS = frozenset(_WORDS["hostile"]["words"])
ROLE_WORDS = frozenset(_WORDS["roles"])
STATEMENT_HEADS = frozenset(_WORDS["statements"])
BODIES_AHEAD = frozenset(_WORDS["bodies_ahead"]["words"])
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
RUN_BY_STATE = frozenset(_WORDS["run_by_state"]["places"])
ITS_OFFICIALS = frozenset(_WORDS["run_by_state"]["officials"])


@dataclass(frozen=True)
class Source:
    claimant: Claimant
    stated_on: str | None
    content: tuple[int, int] | None
    sentence: int
    cue: tuple[int, int]
    continues: bool = False  # "The statement also said", "it added": the same statement
    claims: bool = True  # False for a vow or a plan: a speaker, but of no figure


@dataclass(frozen=True)
class Antecedent:
    """A sentence subject that names an actor: a possible referent of a later pronoun."""

    start: int
    end: int
    code: str


class SourceResolver:
    """Resolves the attributions of a document, sentence by sentence, in order."""

    def __init__(self, text: str, code_of, stated_on, home: str | None = None,
                 is_state=lambda code: False, rebels: str | None = None,
                 dateline_end: int = 0, place_code=lambda start, end: None):
        self.text = text
        self.place_code = place_code  # (start, end) -> country of a place named there
        self.home = home
        self.rebels = rebels
        self.dateline_end = dateline_end
        self.is_state = is_state
        self.code_of = code_of  # phrase -> actor code
        self.stated_on = stated_on  # Attribution -> ISO date or None
        self.history: list[Source] = []
        self.subjects: list[Antecedent] = []

    def add_subjects(self, spans: list[tuple[int, int]]) -> None:
        for start, end in spans:
            code = self.code_of(self.text[start:end])
            if code is not None:
                self.subjects.append(Antecedent(start, end, code))

    def sources(self, attributions, sentence: int) -> list[Source]:
        out = []
        for attr in attributions:
            if attr.source is None or attr.source[1] <= self.dateline_end:
                continue  # a dateline ("Sanaa - Saba:") names the agency, not a speaker
            source = self._resolve(attr, sentence)
            if attr.kind == "intention":
                # "Israel vowed retaliation after rockets killed ...": another side speaks,
                # ending the statement before it, but a vow claims no figure
                source = replace(source, claims=False)
            out.append(source)
            self.history.append(source)
        return out

    def _resolve(self, attr, sentence: int) -> Source:
        s, e = attr.source
        if s < self.dateline_end < e:  # "Khartoum, 6 June (agencies) - The Committee"
            s = self.dateline_end
            attr = replace(attr, source=(s, e), source_head=None)
        span = Span.of(self.text, s, e)
        stated = self.stated_on(attr)
        if attr.pronoun:
            person = span.text.lower() in PERSON_PRONOUNS
            return self._continued(self._antecedent(attr.cue[0], person), span, stated, attr,
                                   sentence)
        head = attr.source_head or attr.source
        name = strip_det(self.text[head[0]:head[1]])
        code = self.code_of(self.text[s:e]) or self.code_of(name)
        person = self.text[attr.person[0]:attr.person[1]] if attr.person else None
        code = code or self.place_code(s, e)  # "the governor of Belgorod region"
        generic = (_generic_word(strip_det(self.text[s:e])) or _generic_word(name)) \
            if code is None else None
        if generic is not None:
            earlier = self._same_head(generic)
            if earlier is not None:
                return self._continued(earlier, span, stated, attr, sentence)
            if generic in STATE_HEADS:
                code = self.home  # "the army said": the state the report is about
            elif generic in HOSTILE_HEADS:
                code = self.rebels  # "the rebels said": the one armed group fighting
        named_person = person or (name if re.fullmatch(r"(?:[A-Z][\w'-]+\s?){1,3}", name)
                                  else None)
        if code is None and named_person is not None:
            earlier = self._same_person(named_person)
            if earlier is not None:  # "Mohamed said": the commander named before
                return self._continued(earlier, span, stated, attr, sentence)
        claimant = Claimant(code, name, person, attr.role, span, "explicit")
        return Source(claimant, stated, attr.content, sentence, attr.cue)

    def named_source(self, start: int, end: int, cue: tuple[int, int], stated: str | None,
                     sentence: int) -> Source:
        """A source found outside the attribution finder (who gives a toll)."""
        name = strip_det(self.text[start:end])
        claimant = Claimant(self.code_of(name), name, None, None,
                            Span.of(self.text, start, end), "explicit")
        source = Source(claimant, stated, None, sentence, cue)
        self.history.append(source)
        return source

    def _continued(self, earlier: Source | Antecedent | None, span: Span, stated, attr,
                   sentence: int) -> Source:
        if earlier is None:
            return Source(Claimant(None, None, None, None, span, "explicit"), stated,
                          attr.content, sentence, attr.cue)
        if isinstance(earlier, Antecedent):
            name = strip_det(self.text[earlier.start:earlier.end])
            claimant = Claimant(earlier.code, name, None, None, span, "explicit")
            return Source(claimant, stated, attr.content, sentence, attr.cue)
        claimant = replace(earlier.claimant, span=span, attribution="explicit")
        return Source(claimant, stated or earlier.stated_on, attr.content, sentence, attr.cue,
                      continues=True)

    def _antecedent(self, before: int, person: bool = False) -> Source | Antecedent | None:
        """The latest coded source or coded sentence subject before ``before``; for "he" or
        "she", the latest source that is a person, whether or not its side is known (a
        person is not "a Myanmar military airstrike")."""
        if person:
            named = next((h for h in reversed(self.history)
                          if h.cue[0] < before and (h.claimant.person or h.claimant.role)),
                         None)
            if named is not None:
                return named
        source = next((h for h in reversed(self.history)
                       if h.claimant.actor and h.cue[0] < before), None)
        subject = next((a for a in reversed(self.subjects) if a.end <= before), None)
        if subject is None:
            return source
        if source is None or subject.start > source.cue[0]:
            # the same entity as the last source: keep its name and statement date
            if source is not None and source.claimant.actor == subject.code:
                return source
            return subject
        return source

    def _same_person(self, person: str) -> Source | None:
        last = person.split()[-1].lower()
        for h in reversed(self.history):
            names = " ".join(filter(None, (h.claimant.person, h.claimant.name))).lower()
            if h.claimant.actor and last in re.findall(r"\w+", names):
                return h
        return None

    def _same_head(self, head: str) -> Source | None:
        coded = [h for h in reversed(self.history) if h.claimant.actor]
        for h in coded:
            words = re.findall(r"\w+", (h.claimant.name or "").lower())
            # "Vadym Filashkin, Chief of the Donetsk ... Administration" is "the chief"
            described = re.findall(r"\w+", h.claimant.span.text.lower()) \
                if h.claimant.span and not h.continues else words
            if words and (words[-1] == head or head in described and head not in STATE_HEADS):
                return h
        return coded[0] if coded and head in STATEMENT_HEADS else None

    def resolve_ahead(self, sources: list[Source], later: list[Source]) -> list[Source]:
        """"..., a war monitor said. The Syrian Observatory ... said", "volunteer groups
        reported ... The Sudan Doctors Network said": an unnamed body (not "the ...", not a
        person) is the named one that follows in the next sentences."""
        out = []
        for source in sources:
            span = source.claimant.span
            words = re.findall(r"[\w-]+", span.text.lower()) if span else []
            vague = source.claimant.actor is None and bool(words) and words[0] != "the" \
                and words[-1] in BODIES_AHEAD
            named = next((h for h in later if h.claimant.actor and not self.is_state(
                h.claimant.actor) and h.sentence - source.sentence <= 2), None) if vague \
                else None
            out.append(source if named is None else replace(
                source, claimant=replace(source.claimant, actor=named.claimant.actor)))
        return out


def _generic_word(name: str) -> str | None:
    """The institution word of an unnamed source: "the army" -> army, "Army spokesman
    Lieutenant Colonel X" -> army, "the official spokesman of the armed forces" -> forces,
    "a government military official" -> government, "the rebels' television" -> rebels."""
    words = re.findall(r"[\w-]+", name.lower().replace("'", " "))
    named = _generic(name) or any(w in ROLE_WORDS for w in words)
    run = [w for w in words if w in RUN_BY_STATE]
    if run and any(w in ITS_OFFICIALS for w in words):
        return "government"  # "officials at the Kuwaiti Hospital": the health authority
    for group in (STATE_HEADS, HOSTILE_HEADS):
        found = [w for w in words if w in group]
        if found and named:
            return found[0]
    return _head(name) if _generic(name) else None


def _head(name: str) -> str:
    words = name.lower().split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "in", "at", "for", "from")),
               len(words))
    return words[cut - 1]


def _generic(name: str) -> bool:
    """"the army", "federal Ministry of Health", "the Health Ministry in the Hamas-run
    territory": a phrase headed by an institution (its head ends the first words)."""
    words = name.lower().split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "in", "at", "for", "from")),
               len(words))
    return 0 < cut <= 4 and words[cut - 1] in GENERIC_HEADS


def strip_det(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).strip(" ,")
