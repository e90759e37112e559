"""People named one by one and joined by "and": "the officer and her daughter died" is two,
"four cadres and a sub-inspector were killed" five."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import outcome_at
from ..quantities import QuantityMention
from .base import NP_POS, PASSIVE_GLUE, Figure
from .counted import _np_extent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SINGULAR = frozenset({"NN", "NNP"})
_ONE = frozenset({"a", "an", "the", "his", "her", "their", "its"})


def joined_people(doc: Doc, start: int, stop: int) -> list[QuantityMention]:
    """A subject made of two or more singular nouns joined by "and", of a verb only people
    suffer: one count for them all, ending where the last one's words begin."""
    found = []
    for tok in doc[start:stop]:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ not in _SINGULAR:
            continue
        members = _conjuncts(tok)
        if len(members) < 2 or not all(_one_person(m) for m in members):
            continue
        if not _people_only_verb(doc, tok.head, stop):
            continue
        last = members[-1]
        first_word = next((t.i for t in doc[last.left_edge.i:last.i + 1]
                           if t.pos_ in NP_POS), last.i)
        first = tok.left_edge.i
        if first < start or any(t.like_num for t in doc[first:last.i + 1]):
            continue
        found.append(QuantityMention(first, first_word, first, len(members), "exact"))
    return found


def _conjuncts(tok: Token) -> list[Token]:
    members, current = [tok], tok
    while True:
        nxt = next((c for c in current.children if c.dep_ == "conj"), None)
        if nxt is None:
            return members
        members.append(nxt)
        current = nxt


def _one_person(tok: Token) -> bool:
    """A singular noun with its determiner or possessor ("her daughter"), or a name."""
    if tok.tag_ not in _SINGULAR or any(c.dep_ == "nummod" for c in tok.children):
        return False
    return tok.tag_ == "NNP" or any(c.dep_ in ("det", "poss") and c.lower_ in _ONE
                                    or c.dep_ == "poss" for c in tok.children)


def _people_only_verb(doc: Doc, verb: Token, stop: int) -> bool:
    word = outcome_at(doc, verb.i, stop)
    return word is not None and word.start == verb.i and word.role in ("verb", "adj") \
        and word.equipment is None and word.personnel is not None


def with_one_after(doc: Doc, figure: Figure, stop: int) -> Figure:
    """"four cadres and a police sub-inspector were killed": the one named after the count,
    before the verb they share, is one more."""
    k = figure.np_end
    if figure.active_verb is not None or figure.item != "personnel" or k + 2 >= stop \
            or doc[k].lower_ != "and" or doc[k + 1].lower_ not in _ONE:
        return figure
    end = _np_extent(doc, k + 2, stop)
    if end == k + 2 or doc[end - 1].tag_ not in _SINGULAR or end > figure.outcome_start:
        return figure
    if any(t.lower_ not in PASSIVE_GLUE and t.pos_ not in ("AUX", "ADV")
           for t in doc[end:figure.outcome_start]):
        return figure
    q = figure.quantity
    if q.value is None:
        return figure
    return replace(figure, quantity=replace(q, value=q.value + 1), np_end=end)
