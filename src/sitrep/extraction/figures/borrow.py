"""Figures that borrow their item or outcome from another: lists, "along with", comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import outcome_at
from ..quantities import QuantityMention
from .base import ADDITIVE_BEFORE, COMPARISON_BEFORE, LIST_GLUE, QUOTES, Figure, _Counted
from .counted import _subject_span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _inherit(q: QuantityMention, counted: _Counted, item: str | None, kind: str, parent: int,
             earlier: list[Figure]) -> Figure:
    """A subtotal with no verb of its own ("including 5 children") takes its total's."""
    total = earlier[parent]
    return Figure(q, item or total.item, kind, total.outcome, q.start, counted.np_end,
                  total.outcome_start, total.outcome_end, _subject_span(counted), None, parent)


def _shared_active(doc: Doc, q: QuantityMention, counted: _Counted, start: int,
                   earlier: list[Figure], item: str | None, kind: str) -> Figure | None:
    """"destroyed 12 tanks, including four Leopards, and 16 armoured vehicles": later list
    members share the verb of the list's first member."""
    if item is None:
        return None
    head_index = _list_head(doc, q, earlier)
    if head_index is None:
        return None
    head = earlier[head_index]
    word = outcome_at(doc, head.outcome_start, head.outcome_end)
    name = word.for_item(item) if word else None
    if name is None:
        return None
    first = head.list_of if head.list_of is not None else head_index
    return Figure(q, item, kind, name, q.start, counted.np_end, head.outcome_start,
                  head.outcome_end, _subject_span(counted), head.active_verb, None, first)


def _list_head(doc: Doc, q: QuantityMention, earlier: list[Figure]) -> int | None:
    """The last earlier figure with an active verb, reached over list glue and subtotals."""
    end = q.start
    if end == 0 or doc[end - 1].lower_ not in LIST_GLUE and doc[end - 1].text not in QUOTES:
        return None
    for index in range(len(earlier) - 1, -1, -1):
        figure = earlier[index]
        gap = [t for t in doc[figure.np_end:end] if t.text not in QUOTES]
        if any(not _list_gap_word(t) for t in gap):
            return None
        if figure.parent is None:
            return index if figure.active_verb is not None else None
        end = figure.quantity.start
        while end > 0 and doc[end - 1].lower_ in ("including", "among", "them", ",", "of",
                                                  "whom", "which"):
            end -= 1
    return None


def _along_with(doc: Doc, q: QuantityMention, counted: _Counted, start: int,
                earlier: list[Figure], item: str | None, kind: str) -> Figure | None:
    """"11 fighters were among the dead, along with eight soldiers": the same outcome."""
    if not earlier or item is None:
        return None
    before = tuple(t.lower_ for t in doc[max(start, q.start - 3):q.start])
    if not any(before[-len(cue):] == cue for cue in ADDITIVE_BEFORE):
        return None
    prev = earlier[-1]
    word = outcome_at(doc, prev.outcome_start, prev.outcome_end)
    name = word.for_item(item) if word else prev.outcome
    if name is None:
        return None
    return Figure(q, item, kind, name, q.start, counted.np_end, prev.outcome_start,
                  prev.outcome_end, _subject_span(counted), None, None, len(earlier) - 1)


def _list_gap_word(tok) -> bool:
    """Between members of a list: glue, or a place phrase of the previous member
    ("1 Su-25 aircraft in area of Pravdino, and also 1 Mi-8 helicopter")."""
    return tok.lower_ in LIST_GLUE or tok.text in ("(", ")") or (
        tok.pos_ in ("ADP", "DET", "PROPN", "NOUN", "ADJ") and not tok.like_num
        and tok.lower_ != "by")


def _comparison(doc: Doc, q: QuantityMention, counted: _Counted, start: int,
                earlier: list[Figure]) -> Figure | None:
    """"71 leaders were killed this year, compared with 215 in 2022": the same count."""
    if not earlier or counted.item is not None:
        return None
    before = tuple(t.lower_ for t in doc[max(start, q.start - 2):q.start])
    if not any(before[-len(cue):] == cue for cue in COMPARISON_BEFORE):
        return None
    prev = earlier[-1]
    return Figure(q, prev.item, prev.kind, prev.outcome, q.start, counted.np_end,
                  prev.outcome_start, prev.outcome_end, None, None, None, None,
                  len(earlier) - 1)
