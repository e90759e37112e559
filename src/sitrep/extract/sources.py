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

import re
from dataclasses import dataclass, replace

from ..records import Claimant, Span

GENERIC_HEADS = frozenset({"prosecutor", "presidency", "governor",
    "army", "military", "ministry", "statement", "communique", "report", "group", "rebels",
    "mission", "agency", "office", "spokesman", "spokeswoman", "spokesperson", "government",
    "authorities", "committee", "observatory", "monitor", "militia", "movement", "forces",
    "command", "staff", "organisation", "organization", "council", "junta", "side", "update",
    "bulletin", "coalition", "police", "union", "department", "service", "network",
})
STATEMENT_HEADS = frozenset({"statement", "communique", "report", "update", "bulletin"})
STATE_HEADS = frozenset({"army", "military", "government", "ministry", "police", "prosecutor",
                         "authorities", "junta", "regime", "presidency", "governor",
                         "forces", "command", "staff"})


@dataclass(frozen=True)
class Source:
    claimant: Claimant
    stated_on: str | None
    content: tuple[int, int] | None
    sentence: int
    cue: tuple[int, int]


@dataclass(frozen=True)
class Antecedent:
    """A sentence subject that names an actor: a possible referent of a later pronoun."""

    start: int
    end: int
    code: str


class SourceResolver:
    """Resolves the attributions of a document, sentence by sentence, in order."""

    def __init__(self, text: str, code_of, stated_on, home: str | None = None):
        self.text = text
        self.home = home
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
            if attr.source is None:
                continue
            source = self._resolve(attr, sentence)
            out.append(source)
            self.history.append(source)
        return out

    def _resolve(self, attr, sentence: int) -> Source:
        s, e = attr.source
        span = Span.of(self.text, s, e)
        stated = self.stated_on(attr)
        if attr.pronoun:
            return self._continued(self._antecedent(attr.cue[0]), span, stated, attr, sentence)
        head = attr.source_head or attr.source
        name = strip_det(self.text[head[0]:head[1]])
        name = re.split(r"\s+(?:in|of|at|for)\s+", name)[0] if _generic(name.split(" in ")[0]) \
            else name
        code = self.code_of(self.text[s:e]) or self.code_of(name)
        person = self.text[attr.person[0]:attr.person[1]] if attr.person else None
        if code is None and _generic(name):
            earlier = self._same_head(name)
            if earlier is not None:
                return self._continued(earlier, span, stated, attr, sentence)
            if name.lower().split()[-1] in STATE_HEADS:
                code = self.home  # "the army said": the state the report is about
        claimant = Claimant(code, name, person, attr.role, span, "explicit")
        return Source(claimant, stated, attr.content, sentence, attr.cue)

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
        return Source(claimant, stated or earlier.stated_on, attr.content, sentence, attr.cue)

    def _antecedent(self, before: int) -> Source | Antecedent | None:
        """The latest coded source or coded sentence subject before ``before``."""
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

    def _same_head(self, name: str) -> Source | None:
        head = name.lower().split()[-1]
        coded = [h for h in reversed(self.history) if h.claimant.actor]
        for h in coded:
            if h.claimant.name and h.claimant.name.lower().split()[-1] == head:
                return h
        return coded[0] if coded and head in STATEMENT_HEADS else None


def _generic(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and len(words) <= 3 and words[-1] in GENERIC_HEADS


def strip_det(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).strip(" ,")
