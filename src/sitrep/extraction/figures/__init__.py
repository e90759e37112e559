"""Read each figure in a parsed sentence as a loss: what is counted and what happened to it.

A *figure* is a claim before attribution: the quantity, the counted phrase (item and the
words that may name whose losses they are), the outcome, and links to a total it is part
of. The shapes wire copy uses:

- active: "the shelling killed 12 civilians", "destroyed 5 tanks, 3 drones and 2 trucks";
- passive or intransitive, with lists sharing one verb: "2300 soldiers were killed and
  injured, 130 tanks, 200 sets of artillery ... were destroyed", "at least 20 people died";
- nominal: "20 casualties", "7,031 civilian deaths", "68 wounded people", "the death toll
  rose to 45", "put the number of troops killed at about 215,000", "the martyrdom of 2";
- subtotals and ellipses: "including 5 children", "of whom 180 were killed", "of which 587
  were children", "compared with 215 in 2022".

Nothing is guessed: a figure without an item and an outcome in its own clause is dropped,
and so is a forecast ("will have killed").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..quantities import QuantityMention, find_quantities
from ..quantities import lexicon as quantity_lexicon
from .base import BE_FORMS, Figure
from .borrow import _along_with, _comparison, _inherit, _shared_active
from .counted import _counted, _item, _np_extent, _outcome_in, _parent, _subject_span
from .joined import found_bodies, joined_people, owner_end, subject_of_loss, with_one_after
from .outcome import (
    _combined,
    _forecast,
    _outcome,
    _outcome_ending_at,
    _passive_after,
    resultative,
    to_death,
    verb_of,
)

LOSS_VERBS = frozenset({"lose", "suffer", "sustain", "incur"})

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def find_figures(doc: Doc, sent: Span | None = None, skip: frozenset[int] = frozenset(),
                 carried: str | None = None) -> list[Figure]:
    """All loss figures in a sentence (the whole Doc by default); ``carried`` is the outcome
    of the toll told just before, which a sentence opening "The rest N ..." goes on with."""
    start, stop = (sent.start, sent.end) if sent is not None else (0, len(doc))
    bodies = found_bodies(doc, start, stop)
    quantities = find_quantities(doc, start, stop, skip) + _article_quantities(doc, start, stop) \
        + joined_people(doc, start, stop) + bodies
    # at one start, the widest first: "a suspect and his companion" before "a suspect"
    quantities.sort(key=lambda q: (q.num_start, -q.end))
    figures: list[Figure] = []
    for q in quantities:
        if figures and figures[-1].quantity.start <= q.start < figures[-1].np_end:
            continue  # "17 of 20 drones": the 20 is part of the first figure's phrase
        figure = _figure(doc, q, start, stop, figures)
        if figure is None and not figures and carried is not None:
            figure = _rest_of_toll(doc, q, start, stop, carried)
        if figure is not None and not _forecast(doc, figure, start):
            figure = with_one_after(doc, _with_the_one_before(doc, figure, start), stop)
            if q in bodies:
                figure = replace(figure, np_end=owner_end(doc, figure))
            figures.append(figure)
    return _casualties_against_wounded(doc, figures)


def _with_the_one_before(doc: Doc, figure: Figure, start: int) -> Figure:
    """"the minister and 19 other people were killed": 20, the one named and the others."""
    q = figure.quantity
    if q.end >= len(doc) or doc[q.end].lower_ not in ("other", "others") or q.start - 2 < start \
            or doc[q.start - 1].lower_ != "and":
        return figure
    k = q.start - 2
    if doc[k].tag_ not in ("NN", "NNP"):
        return figure
    while k > start and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET") \
            and not doc[k - 1].like_num:
        k -= 1
    if doc[k].lower_ not in ("the", "a", "an") and doc[k].pos_ != "PROPN":
        return figure
    return replace(figure, quantity=replace(q, start=k, value=q.value + 1), np_start=k)


def _casualties_against_wounded(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """"lost 25 casualties and 60 wounded": set against the wounded, casualties are the dead
    (as Armenian and Russian wire English uses the word)."""
    if not any(f.outcome == "wounded" for f in figures):
        return figures
    return [replace(f, outcome="killed") if f.outcome == "killed_or_wounded"
            and doc[f.outcome_start].lemma_.lower() in ("casualty", "casualties") else f
            for f in figures]


def _opens_list(doc: Doc, i: int, stop: int) -> bool:
    """Does a list of counted things go on after token i ("a tank, two cars and ...")?"""
    return i + 1 < stop and doc[i].lower_ in (",", "and") and (
        doc[i + 1].like_num or doc[i + 1].lower_ in ("a", "an", "one"))


def _article_quantities(doc: Doc, start: int, stop: int) -> list[QuantityMention]:
    """"a tank", "A set of S-300 ...": one lost thing, only with a singular item head;
    "killed a camel herder": one person, after a verb only people suffer."""
    found = []
    for i in range(start, stop):
        if doc[i].lower_ == "both":
            found += _both(doc, i, stop)
            continue
        article = doc[i].lower_ in ("a", "an") or doc[i].lower_ == "another" \
            and _killed_object(doc, QuantityMention(i, i + 1, i, 1, "exact"), start)
        if i > start and doc[i - 1].lower_ in BE_FORMS:
            continue  # "the youngest was a 5-month-old infant": says who, counts no one
        if not article and doc[i].lower_ != "the":
            continue
        one = QuantityMention(i, i + 1, i, 1, "exact")
        counted = _counted(doc, one, stop)
        # the head says it: "the leader of Pashtun Tahafuz Movement" is one leader
        head = counted.head_end
        singular = doc[head - 1].tag_ == "NN" if head > i + 1 else False
        head_tag = doc[counted.item.end - 1].tag_ if counted.item is not None else ""
        # "including a major,": the tagger may call a rank an adjective
        rank = head_tag == "JJ" and counted.item.item == "personnel" \
            and counted.item.end == counted.np_end
        if article and counted.item is not None and (head_tag in ("NN", "NNP") or rank) \
                or (counted.unknown_noun or counted.item is not None and article) \
                and singular and (_killed_object(doc, one, start)
                                  or article and _killed_after(doc, counted.np_end, stop)
                                  and not _object_in_clause(doc, counted)
                                  or article and to_death(doc, counted.np_end, stop)
                                  or article and subject_of_loss(doc, counted, i, stop)):
            found.append(one)  # "killed the driver", "a drug trafficker was killed"
        elif not article and singular and counted.item is not None \
                and counted.item.item == "personnel" and _killed_object(doc, one, start):
            found.append(one)
    return found


def _object_in_clause(doc: Doc, counted) -> bool:
    """"two people who had committed a robbery were lynched": the robbery is the object of
    the clause's verb, not the subject of the loss after it."""
    return counted.head_end > 0 and doc[counted.head_end - 1].dep_ in ("dobj", "pobj")


def _both(doc: Doc, i: int, stop: int) -> list[QuantityMention]:
    """"Both victims died", "both were killed": two. "Both soldiers and civilians were
    killed" joins two phrases and counts no one."""
    if i > 0 and doc[i - 1].pos_ == "ADP":
        return []  # "fighters on both sides dead": the sides are where, not who
    two = QuantityMention(i, i + 1, i, 2, "exact")
    counted = _counted(doc, two, stop)
    end = counted.np_end
    if any(t.lower_ in ("and", ",", "or") for t in doc[i + 1:min(stop, end + 1)]):
        return []
    person = counted.item is not None and counted.item.item == "personnel" \
        or counted.unknown_noun or end == i + 1
    return [two] if person and _killed_after(doc, end, stop) else []


def _killed_after(doc: Doc, i: int, stop: int) -> bool:
    """Does a verb only people suffer follow at once ("a drug trafficker was killed")?"""
    word = _passive_after(doc, i, stop, True)
    return word is not None and word.people_only


_CIVILIAN = frozenset({"civilian", "civilians", "resident", "residents"})
_AMOUNTS = frozenset(quantity_lexicon()["amount_nouns"]["words"])


def _says_civilian(doc: Doc, start: int, end: int) -> bool:
    return any(t.lower_ in _CIVILIAN for t in doc[start:end])


def _killed_object(doc: Doc, q: QuantityMention, start: int) -> bool:
    """Is the counted phrase the object of a verb only people suffer ("shot and killed",
    "murdered", "wounded")? Not when it measures an amount ("killed a lot of time")."""
    if q.end < len(doc) and doc[q.end].lower_ in _AMOUNTS:
        return False
    word = _outcome_ending_at(doc, q.start)
    return word is not None and word.start >= start and word.role == "verb" \
        and word.people_only and verb_of(doc, word).tag_ in ("VBD", "VBN", "VBG")


_REST = (("the", "rest"), ("the", "remaining"), ("the", "other"))


def _rest_of_toll(doc: Doc, q: QuantityMention, start: int, stop: int, carried: str
                  ) -> Figure | None:
    """"The rest ten were militants" after "among the 14 killed, four were children": the
    opening count of the sentence is the rest of the toll before, with its outcome."""
    if tuple(t.lower_ for t in doc[start:q.start]) not in _REST:
        return None
    counted = _counted(doc, q, stop)
    if counted.item is None or counted.item.item != "personnel":
        return None
    return Figure(q, "personnel", counted.item.kind, carried, q.start, counted.np_end,
                  q.start, q.end, _subject_span(counted), None)


def _parsed(word):
    return (word, False, None) if word is not None else None


def _noun_ahead(doc: Doc, i: int, stop: int):
    """"25 rebel fighters and 6 military fatalities": the count before shares the outcome
    noun that ends the next one."""
    if i + 1 >= stop or doc[i].lower_ not in ("and", ",") or not doc[i + 1].like_num:
        return None
    end = _np_extent(doc, i + 2, stop)
    noun = _outcome_in(doc, i + 2, end) if end > i + 2 else None
    if noun is None or noun.role != "noun" or noun.end != end or noun.personnel is None:
        return None
    return noun, False, None


def _figure(doc: Doc, q: QuantityMention, start: int, stop: int,
            earlier: list[Figure]) -> Figure | None:
    counted = _counted(doc, q, stop)
    parsed = subject_of_loss(doc, counted, q.start, stop)
    if counted.unknown_noun and not (_killed_object(doc, q, start)
                                     or _killed_after(doc, counted.np_end, stop) or parsed):
        return None
    parent, marked = _parent(doc, q, start, earlier, counted)
    item, kind = _item(doc, counted, parent, earlier)
    strict = parent is not None or q.num_start == q.start and doc[q.start].lower_ in ("a", "an")
    if counted.named_group:
        # "21 Al Shabaab" are its fighters; "four Palestinians" are people of a nation
        nation = any(t.ent_type_ == "NORP" or t.tag_ == "NNPS"
                     for t in doc[q.end:counted.np_end])
        item, kind, strict = "personnel", "unknown" if nation else "military", False
    outcome = _outcome(doc, q, counted, start, stop, item, strict) \
        or resultative(doc, q, counted.np_end, start, stop) \
        or _noun_ahead(doc, counted.np_end, stop) \
        or _parsed(parsed)
    if outcome is None and strict and parent is None and _opens_list(doc, counted.np_end, stop):
        # "A tank, an infantry fighting vehicle, two cars ... were destroyed"
        outcome = _outcome(doc, q, counted, start, stop, item, False)
    if outcome is not None and parent is not None and marked \
            and outcome[0].start < earlier[parent].quantity.start:
        outcome = None  # "34 civilians, 16 of them women": the total's verb, not "killed" before
    if outcome is not None and parent is not None and not marked:
        # ", and nearly 20,000 civilians were injured": a verb of its own ends the subtotals
        parent = None
        item, kind = _item(doc, counted, None, earlier)
    if outcome is None and parent is not None:
        return _inherit(q, counted, item, kind, parent, earlier)
    if outcome is None:
        return (_shared_active(doc, q, counted, start, earlier, item, kind)
                or _along_with(doc, q, counted, start, earlier, item, kind)
                or _comparison(doc, q, counted, start, earlier))
    word, active, toll = outcome
    said = None
    if active and doc[word.start].lemma_ in LOSS_VERBS:
        # "lost 640 killed and 1,900 wounded", "lost 350 servicemen killed and wounded": the
        # words after the count say what the loss was
        said = _passive_after(doc, counted.np_end, stop, True)
        said = said if said is not None and said.personnel is not None else None
    if toll is not None and toll[0] is not None:
        item, kind = toll[0].item, toll[0].kind
    if item is None and (active or counted.unknown_noun) and word.equipment is None \
            and counted.np_end > q.end:
        # "shot and killed a civilian tuktuk driver": what only people suffer, done to it
        item, kind = "personnel", "civilian" if _says_civilian(doc, q.end, counted.np_end) \
            else "unknown"
    if item is None:
        if word.personnel is None or counted.np_end > q.end + 1:
            return None
        item, kind = "personnel", "unknown"  # "killing three", "180 were killed"
    name = (said or word).for_item(item)
    if name is None:
        return None
    name = _combined(doc, said or word, item, name, stop)
    subject = toll[1] if toll is not None else _subject_span(counted)
    head = counted.item.end - 1 if counted.item is not None else None
    return Figure(q, item, kind, name, q.start, counted.np_end, word.start, word.end,
                  subject, word.start if active else None, parent, head=head)


__all__ = ["Figure", "find_figures"]
