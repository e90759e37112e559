"""People named one by one and joined by "and": "the officer and her daughter died" is two,
"four cadres and a sub-inspector were killed" five."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import OutcomeWord, outcome_at
from ..quantities import QuantityMention
from .base import INTRANSITIVE, NP_POS, PASSIVE_GLUE, Figure, _Counted
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
        and word.people_only


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


def subject_of_loss(doc: Doc, counted: _Counted, q_start: int, stop: int
                    ) -> OutcomeWord | None:
    """The parse's reading when the words between a counted phrase and its verb are too
    many to walk ("two militants who police said were involved in the trade were shot
    dead", "a cadre of the party was killed"): the phrase's head is the passive subject
    of a loss verb, or the subject of one that takes no object ("died")."""
    end = counted.head_end
    if end <= q_start or end > len(doc):
        return None
    head = doc[end - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "a suspect and his companion": the first one's role is theirs
    verb = head.head
    if verb.i <= head.i or verb.i >= stop:
        return None
    passive = head.dep_ == "nsubjpass"
    if not passive and not (head.dep_ == "nsubj" and verb.lemma_ in INTRANSITIVE):
        return None
    word = outcome_at(doc, verb.i, stop)
    if word is None or word.start != verb.i or not word.people_only \
            or word.role not in ("verb", "adj"):
        return None
    return word


_FINDING = frozenset({"find", "discover", "recover", "retrieve", "dump", "locate"})
_REMAINS = frozenset({"body", "corpse"})


def found_bodies(doc: Doc, start: int, stop: int) -> list[QuantityMention]:
    """"an old man's body was found", "the body of a man was found": one dead, counted
    from the body's own words; the words after it (its owner) are part of the count."""
    found = []
    for tok in doc[start:stop]:
        # "a man's body", "the body of a former alderman": the owner is named here; "his
        # body" and "the body" may repeat a death told before
        owner = any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") or c.dep_ == "prep"
                    and c.lower_ == "of" for c in tok.children)
        if owner and tok.lemma_ in _REMAINS and tok.tag_ == "NN" and tok.dep_ == "nsubjpass" \
                and tok.head.lemma_ in _FINDING and tok.left_edge.i >= start:
            found.append(QuantityMention(tok.left_edge.i, tok.i, tok.left_edge.i, 1, "exact"))
    return found


def owner_end(doc: Doc, figure: Figure) -> int:
    """Where the owner after a body found ends ("the body of a man|"), so that the owner is
    not counted again."""
    head = doc[figure.quantity.end]
    if head.lemma_ not in _REMAINS:
        return figure.np_end
    return max(figure.np_end, head.right_edge.i + 1)
