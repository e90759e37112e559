"""Where an event happened: the place its sentence ties to it.

ACLED-style notes and wire copy tell the place of a deed in three ways, tried in this order:

1. after a locative ("in X", "near X", "at X", "X district of Y" read as one name): the
   most specific such place ("in Hermosillo, Sonora": the town, not its state), the
   nearest to the deed's word among equals;
2. as what the deed was done to ("airstrikes targeted Sirwah district (Marib)",
   "militants attacked Natugo village", "Kherson was shelled"): the first place inside the
   deed's argument, its head (the names after it in brackets or after "of" say where the
   head lies, and an unknown village is placed at them);
3. anywhere else in the sentence ("an IED hit a vehicle on the Hammam al Turkman road"):
   the most specific place the sentence names, a town before a district before a province.
   A country is not taken here: the sentence names it as a side or a demonym ("Saudi-led",
   "the Yemeni-Saudi border") as often as a place.

A name written only to say where the name before it lies ("Natugo village (Quissanga,
Cabo Delgado)") is not the event's place: the name before it is, placed by it when the
gazetteer lacks it. A place a distance is measured from ("460 km northwest of Bogota") is
never where it happened, and a statement's place is where it was made, not the place it
speaks about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Place
from ..resolve.places import PLACE_WORDS, holds

# "460 km northwest of Bogota": a place that measures a distance is not where it happened
DISTANCE = re.compile(r"\b(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)\s+$",
                      re.I)
LOCATIVE = re.compile(r"\b(?:in|at|on|near|around|outside|inside|over|along|across|into|to|"
                      r"of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$", re.I)
# How far before a name its locative may stand (characters).
LOCATIVE_REACH = 30
# Kinds of record from the most to the least specific; a kind not listed is not taken as
# the sentence's place by rank alone (countries, continents, seas, rivers).
SPECIFIC = ("facility", "city", "admin2", "front_line", "admin1")
# Too large to say where a deed was done to ("Israel struck Syria" happened somewhere in it).
LARGE = frozenset({"country", "continent"})


def event_place(mentions: Sequence, text: str, cue: int,
                recipients: Sequence[tuple[int, int]], *, floor: int, deed: bool,
                not_in: tuple[int, int] | None = None) -> Place | None:
    """The place of the event whose word starts at ``cue``, among the place ``mentions``
    of its sentence (``resolve.places.PlaceMention``, the sentence starting at ``floor``).

    ``recipients`` are the spans of what the event was done to; ``deed`` says it happens
    somewhere (an attack, a protest, a deployment), so its object and the sentence's other
    places may tell where (a statement only by a locative); ``not_in`` is a span whose
    places say nothing of where (a statement's content). None when no place of the
    sentence is tied to the event."""
    mentions = list(mentions)
    heads = [m for before, m in zip([None, *mentions], mentions, strict=False)
             if before is None or not holds(m, before, text)]
    placed = [m for m in heads if m.where is not None and not measured_from(text, m.start, floor)
              and not (not_in and not_in[0] <= m.start < not_in[1])]
    located = [m for m in placed if after_locative(text, m.start, floor)]
    if located:
        return min(located, key=lambda m: (_rank(m), abs(m.start - cue))).where
    if not deed:
        return None
    for start, end in recipients:
        inside = [m for m in placed if start <= m.start and m.end <= end
                  and m.where.feature not in LARGE]
        if inside:
            return min(inside, key=lambda m: m.start).where
    ranked = [m for m in placed if _rank(m) < len(SPECIFIC)]
    if ranked:
        return min(ranked, key=lambda m: (_rank(m), abs(m.start - cue))).where
    return None


def _rank(mention) -> int:
    """How specific a written place is: 0 for a town, more for larger units. A local name
    the gazetteer lacks, written with a place word and placed by the unit the text says
    holds it ("Qaniyah front (Mahliyah, Marib)"), is as specific as a town: it is where,
    known to the unit only ("President of Brazil" is no such name)."""
    if (mention.place is None or mention.place.lat is None) and mention.cue in PLACE_WORDS:
        return 0
    feature = mention.where.feature
    return SPECIFIC.index(feature) if feature in SPECIFIC else len(SPECIFIC)


def after_locative(text: str, start: int, floor: int) -> bool:
    """A place written after "in", "at", "near" ... (within a few words)."""
    return LOCATIVE.search(text, max(floor, start - LOCATIVE_REACH), start) is not None


def measured_from(text: str, start: int, floor: int) -> bool:
    """A name written only to say where the name before it lies ("Natugo village (Quissanga,
Cabo Delgado)") is not the event's place: the name before it is, placed by it when the
gazetteer lacks it. A place a distance is measured from ("460 km northwest of Bogota")."""
    return DISTANCE.search(text, max(floor, start - LOCATIVE_REACH), start) is not None
