"""Who the report is about: its parties, who fights whom, and the state it is written from.

Heuristics, each recorded in the basis of the subjects it decides: a party is a state or an
armed actor named in more than one sentence; the home state is the dateline's when it is a party,
else the one most of the report's places lie in, else the state named most; a state's
adversary is the armed group named most, else the other state; once claims exist, the sides
they set against each other win."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from ..resolve.actors import ActorLexicon
from . import subjects


def context(actors: ActorLexicon, text: str, mentions, about: list[str], sentences,
            dateline, places, dateline_country: str | None = None,
            losses: list[tuple[int, int]] = ()) -> subjects.Context:
    """What the claim rules need to know about the whole report: its parties, who fights
    whom, and the state it is written from.

    ``dateline_country`` is the state the dateline's place lies in; ``losses`` are the
    spans of the sentences that count losses."""
    about = list(dict.fromkeys(actors.umbrella(c) or c for c in about))
    states = [c for c in about if actors.is_state(c)]
    # a party to the fighting is named in more than one sentence, or in a sentence that
    # counts losses: a group named once in background ("linked to al-Qaeda and ISIS") is
    # not the other side
    umbrella = actors.umbrella
    parties = [c for c in about if (actors.is_state(c) or _armed(mentions, c, umbrella))
               and (_sentences_naming(mentions, c, sentences, umbrella) >= 2
                    or _names_in(text, mentions, c, losses, umbrella))]
    place_home = _place_home(places, dateline, actors.is_state)
    if place_home and place_home not in parties and losses:
        parties.append(place_home)  # the country the losses are counted in
    home = (dateline_country if dateline_country in parties else None) or place_home or _home(
        mentions, dateline_country, states, actors.is_state)
    adversaries = _adversaries(parties, actors.is_state)
    if subjects.names_hostile(text):
        _unnamed_enemy(adversaries, parties, actors.is_state)
    return subjects.Context(
        text=text, actors=mentions, adversaries=adversaries,
        home=home, is_state=actors.is_state, umbrella=actors.umbrella,
        belligerents=frozenset(parties[:2]), parties=frozenset(parties),
        places=[p for p in places if p.place is not None],
    )


_LOCATIVE = re.compile(r"\b(?:in|near|at|of|from|to)\s+(?:the\s+)?$", re.I)
_LED_BODY = re.compile(r"\s*(?:multinational\s+|military\s+|international\s+|Arab\s+)*"
                       r"(coalition|alliance|forces|force|mission)\b", re.I)


def definite_references(text: str, mentions) -> list:
    """"the Saudi-led coalition ... a drone belonging to the coalition": a body named once
    with its leader is that leader's when the report comes back to it with "the"."""
    bodies: dict[str, object] = {}
    for m in mentions:
        if m.kind == "affiliation" and m.leads and m.code:
            body = _LED_BODY.match(text, m.end)
            if body:
                bodies.setdefault(body.group(1).lower(), m)
    if not bodies:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    pattern = r"\bthe\s+(" + "|".join(map(re.escape, bodies)) + r")\b"
    for match in re.finditer(pattern, text, re.I):
        start, end = match.span(1)
        if any(s <= start < e for s, e in taken):
            continue
        leader = bodies[match.group(1).lower()]
        if leader.end <= start:
            extra.append(replace(leader, start=start, end=end, text=text[start:end],
                                 kind="organisation"))
    return sorted(mentions + extra, key=lambda m: m.start)


def opponents(claims, context: subjects.Context) -> dict[str, str]:
    """Each party's adversary as the report's own claims pair them (a claimant counting
    another party's losses), falling back on the two parties it names most."""
    votes: dict[str, Counter] = {}
    for c in claims:
        a, b = c.claimant.actor, c.subject.actor
        if a and b and a != b and c.subject.basis == "explicit" and \
                {a, b} <= context.parties:
            votes.setdefault(a, Counter())[b] += 1
            votes.setdefault(b, Counter())[a] += 1
    sides = dict(context.adversaries)
    for party, counter in votes.items():
        sides[party] = counter.most_common(1)[0][0]
    return sides


def _place_home(places, dateline, is_state) -> str | None:
    """The country most of the report's places are in: where its events happen."""
    counts = Counter(p.place.country for p in places if p.place is not None
                     and is_state(p.place.country)
                     and not (dateline.span and dateline.span.start <= p.start
                              < dateline.span.end))
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _home(mentions, dateline_country: str | None, states: list[str], is_state) -> str | None:
    """The state the report is about when the dateline's is no party and its places do not
    tell: the one it names most (the dateline's among equals); the dateline may only say
    where the bureau sits ("CAIRO" on Sudan)."""
    named = Counter(m.code for m in mentions if is_state(m.code))
    if not named:
        return states[0] if states else None
    top = max(named.values())
    tied = [c for c, n in named.items() if n == top]
    return dateline_country if dateline_country in tied else tied[0]


def _sentences_naming(mentions, code: str, sentences, umbrella) -> int:
    starts = [s.start for s in sentences]
    return len({bisect.bisect_right(starts, m.start) for m in mentions
                if m.code and (umbrella(m.code) or m.code) == code})


def _names_in(text: str, mentions, code: str, spans, umbrella) -> bool:
    """Is the actor named in one of ``spans`` as itself (not as the maker of a weapon)?"""
    return any(s <= m.start < e for m in mentions for s, e in spans
               if m.code and (umbrella(m.code) or m.code) == code
               and m.kind not in ("affiliation", "place") and not subjects.made_by(text, m)
               and not _LOCATIVE.search(text, max(0, m.start - 12), m.start))


def _armed(mentions, code: str, umbrella) -> bool:
    return any(m.kind in ("armed_group", "armed_forces") for m in mentions
               if m.code and (umbrella(m.code) or m.code) == code)


def _unnamed_enemy(sides: dict[str, str], parties: list[str], is_state) -> None:
    """A state fighting no party the report names, in a report that speaks of
    "terrorists" or "militants", fights an armed group it does not name."""
    for party in parties:
        if is_state(party) and party not in sides:
            sides[party] = subjects.UNNAMED_GROUP
            sides.setdefault(subjects.UNNAMED_GROUP, party)


def _adversaries(parties: list[str], is_state) -> dict[str, str]:
    """Each party's adversary: a state fights the armed group the report names most (a
    report on Mali that mentions Niger is about the army and JNIM), else the other state
    it names most; an armed group fights the state named most. Unresolved with one party."""
    states = [p for p in parties if is_state(p)]
    groups = [p for p in parties if not is_state(p)]
    sides = {}
    for party in parties:
        if is_state(party):
            others = groups or [s for s in states if s != party]
        else:
            others = states or [g for g in groups if g != party]
        if others:
            sides[party] = others[0]
    return sides
