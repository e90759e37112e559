"""Post-processing of raw alias hits: anchoring, places, coordination, segments."""

from __future__ import annotations

from .base import (
    _COMMA_REGION,
    _LIST_GAP,
    _SEGMENT_BREAK,
    _TOWN_COMMA,
    _WORD_BEFORE,
    ActorMention,
    _Hit,
)


def _drop_unanchored(hits: list[_Hit]) -> list[_Hit]:
    """Keep an [anchored] alias (KIA, PDF, IS) only if its actor is also named plainly."""
    plain = {hit.entry.code for hit in hits if "anchored" not in hit.entry.flags}
    return [hit for hit in hits if "anchored" not in hit.entry.flags or hit.entry.code in plain]


def _drop_places(text: str, hits: list[_Hit], locative: frozenset[str]) -> list[_Hit]:
    """Drop names that stand for a place rather than an actor.

    "Atlanta, Georgia" is the US state: a [person] name right after "Town, " goes unless the
    town is the same actor's ("Tbilisi, Georgia"). "Paris, Texas" is a US town: a capital
    right before ", Region" goes unless the region is itself an actor ("Kyiv, Ukraine",
    "Moscow, Kyiv") or a date ("Baku, October 5").
    A capital after a locative preposition ("protests in Moscow") is kept as kind "place":
    not the government that "Moscow said" stands for, but evidence of what the report is
    about (document_countries counts it).
    """
    kept: list[_Hit] = []
    for index, hit in enumerate(hits):
        entry = hit.entry
        previous = kept[-1] if kept else None
        after = hits[index + 1] if index + 1 < len(hits) else None
        if "person" in entry.flags and entry.source == "name":
            town = _TOWN_COMMA.search(text, max(0, hit.start - 40), hit.start)
            if town and not _same_actor(text, previous, hit):
                continue
        if entry.source == "capital" and hit.kind == "state":
            region = _COMMA_REGION.match(text, hit.end)
            listed = after is not None and text[hit.end : after.start].strip() == ","
            if region and not listed:  # "Paris, Texas"; but "Moscow, Kyiv" is a list
                continue
            word = _WORD_BEFORE.search(text, max(0, hit.start - 20), hit.start)
            if word and word.group(1).lower() in locative:
                hit.kind = "place"  # still tells what the report is about
        kept.append(hit)
    return kept


def _same_actor(text: str, left: _Hit | None, right: _Hit | None) -> bool:
    """Two hits of one actor separated by a comma only."""
    if left is None or right is None or left.entry.code != right.entry.code:
        return False
    return text[left.end : right.start].strip() == ","


def _share_coordinated(text: str, hits: list[_Hit]) -> None:
    """In "Armenian and Azerbaijani soldiers|sides" the first demonym shares the noun."""
    for left, right in zip(reversed(hits[:-1]), reversed(hits[1:]), strict=True):
        if left.extended or left.kind not in ("state", "demonym"):
            continue
        if not _LIST_GAP.fullmatch(text, left.end, right.start):
            continue
        if left.military is None:
            left.military = right.military
        if right.kind == "side" and right.plural_side:
            left.kind, left.plural_side = "side", True


def _segments(phrase: str, mentions: list[ActorMention]) -> list[tuple[int, int]]:
    cuts = [
        match.start()
        for match in _SEGMENT_BREAK.finditer(phrase)
        if not any(m.start <= match.start() < m.end for m in mentions)
    ]
    edges = [0, *cuts, len(phrase)]
    return list(zip(edges, edges[1:], strict=False))
