"""What a figure counts: the item phrase, whose it is, and the total it is part of."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import ItemMatch, OutcomeWord, item_at, outcome_at
from ..quantities import QuantityMention
from .base import (
    _MODEL_NAME,
    BE_FORMS,
    HOSTAGE_WORDS,
    MEASURES,
    NP_POS,
    PARTITIVE_DETS,
    POST_SUBJECT,
    QUOTES,
    SUBTOTAL_BEFORE,
    Figure,
    _Counted,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _counted(doc: Doc, q: QuantityMention, stop: int) -> _Counted:
    """The phrase after the number: "Armenian soldiers", "sets of artillery ...", "of them"."""
    i = _skip_quotes(doc, q.end, stop)
    partitive = False
    owner = i  # where the words saying whose begin: "of its" stays in ("two of its staff")
    if i + 1 < stop and doc[i].lower_ == "of" and doc[i + 1].like_num:
        i += 2  # "17 of 20 drones": the item is after the second number
    elif i + 1 < stop and doc[i].lower_ == "of":
        if doc[i + 1].lower_ in ("them", "whom", "which", "those"):
            # "14 of them children": the noun after says what the part is
            end = _np_extent(doc, i + 2, stop)
            item = _head_item(doc, i + 2, end, stop) if end > i + 2 else None
            if item is not None:
                return _Counted(item, item.end, (i, i), None, True)
            return _Counted(None, i + 2, (i, i), None, True)
        if doc[i + 1].lower_ in PARTITIVE_DETS:
            i, partitive = i + 2, True
    if i + 1 < stop and doc[i].lower_ in MEASURES and doc[i + 1].lower_ == "of":
        i += 2
    np_end = _np_extent(doc, i, stop)
    item = _head_item(doc, i, np_end, stop)
    if item is None:
        return _without_item(doc, q, i, np_end, stop, partitive)
    if doc[item.start].lower_ == "fighter":
        item = _aircraft_fighter(doc, item)
    item = _coordinated(doc, item, stop)
    post = _post_subject(doc, item.end, stop)
    end = post[1] if post else item.end
    pre_outcome = _outcome_in(doc, i, item.start)
    return _Counted(item, end, (owner if partitive else i, item.start), post, partitive,
                    pre_outcome)


def _without_item(doc: Doc, q: QuantityMention, i: int, np_end: int, stop: int,
                  partitive: bool) -> _Counted:
    """A number whose noun is no item: an outcome noun ("civilian deaths"), a copula
    ("of which 587 were children"), a bare number, or an unknown thing ("300 homes")."""
    if np_end > i:
        noun = _outcome_in(doc, i, np_end)
        if noun is not None and noun.role == "noun" and noun.end == np_end:
            kind_item = _head_item(doc, i, noun.start, stop) if noun.start > i else None
            return _Counted(kind_item, np_end, (i, noun.start), None, partitive, noun)
        if doc[np_end - 1].pos_ in ("NOUN", "PROPN") and not doc[np_end - 1].is_title:
            return _Counted(None, np_end, (i, i), None, partitive, unknown_noun=True)
        if all(t.pos_ == "PROPN" or t.text == "-" for t in doc[i:np_end]):
            # "21 Al Shabaab were killed": people counted by the name of their group
            return _Counted(None, np_end, (i, np_end), None, partitive, named_group=True)
    if i < stop and doc[i].lower_ in ("from", "of") and not partitive:
        # "killed more than 100 from the elements of the militia" (translated partitive)
        j = i + 1 + (i + 1 < stop and doc[i + 1].pos_ == "DET")
        end = _np_extent(doc, j, stop)
        item = _head_item(doc, j, end, stop)
        if item is not None and item.item == "personnel":
            post = _post_subject(doc, item.end, stop)
            return _Counted(item, post[1] if post else item.end, (j, item.start), post, True)
    if i < stop and doc[i].lower_ in BE_FORMS and not _acronym(doc[i]):
        j = i + 1 + (i + 1 < stop and doc[i + 1].pos_ == "DET")
        end = _np_extent(doc, j, stop)
        item = _head_item(doc, j, end, stop)
        if item is not None:
            return _Counted(item, item.end, (j, item.start), None, partitive)
    return _Counted(None, q.end if np_end == i else i, (i, i), None, partitive)


def _skip_quotes(doc: Doc, i: int, stop: int) -> int:
    while i < stop and doc[i].text in QUOTES:
        i += 1
    return i


def _np_extent(doc: Doc, i: int, stop: int) -> int:
    """End of the noun phrase starting at token i. It stops before a postposed outcome
    ("soldiers dead or wounded") and before "hostage"; a number inside a model name
    ("Leopard 2 tanks") does not end it."""
    j = i
    while j < stop and j - i < 9:
        tok = doc[j]
        modifier = tok.tag_ in ("VBN", "VBG") and j + 1 < stop and \
            doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ")
        if not (tok.pos_ in NP_POS or tok.text in ("-", "/") or tok.text in QUOTES
                or modifier or _acronym(tok)):  # "15 PKK/YPG terrorists"
            break
        if tok.lower_ in ("of", "and") or tok.lower_ in HOSTAGE_WORDS and j > i:
            break  # "took 240 people hostage"; but "47 prisoners were killed"
        if tok.pos_ == "NUM" and j > i and not _model_number(doc, j, stop):
            break
        if j > i and doc[j - 1].pos_ == "NOUN" and _postposed_outcome(doc, j, stop):
            break
        j += 1
    while j > i and doc[j - 1].text in QUOTES:
        j -= 1
    return j


def _acronym(tok) -> bool:
    """"five IS hideouts": a word in capitals in mixed-case text names a group, whatever the
    tagger made of it (here the verb "is")."""
    return tok.is_alpha and 1 < len(tok.text) <= 5 and tok.text.isupper() \
        and not tok.doc.text.isupper()


def _model_number(doc: Doc, j: int, stop: int) -> bool:
    return doc[j - 1].pos_ == "PROPN" and j + 1 < stop and doc[j + 1].pos_ in ("NOUN", "PROPN")


def _postposed_outcome(doc: Doc, j: int, stop: int) -> bool:
    word = outcome_at(doc, j, stop)
    return word is not None and word.role in ("adj", "verb")


def _head_item(doc: Doc, i: int, np_end: int, stop: int) -> ItemMatch | None:
    """The item whose phrase ends at the noun phrase's head (its last word), longest first."""
    best: ItemMatch | None = None
    for k in range(i, np_end):
        match = item_at(doc, k, stop)
        if match is None or match.end < np_end:
            continue
        if best is None or match.end > best.end or (match.end == best.end
                                                     and match.start < best.start):
            best = match
    return best


COMBINED = {
    ("tanks", "armored_vehicles"): "tanks_armored_vehicles",
    ("armored_vehicles", "tanks"): "tanks_armored_vehicles",
    ("tanks", "tanks_armored_vehicles"): "tanks_armored_vehicles",
}


def _coordinated(doc: Doc, item: ItemMatch, stop: int) -> ItemMatch:
    """"tanks and other armoured combat vehicles": two classes counted together."""
    k = item.end
    if k >= stop or doc[k].lower_ not in ("and", "or", "/"):
        return item
    k += 1
    if k < stop and doc[k].lower_ in ("other", "various"):
        k += 1
    if k >= stop or doc[k].like_num or doc[k].lower_ in ("a", "an"):
        return item  # "4 tanks and 6 armoured vehicles": two figures, not one class
    end = _np_extent(doc, k, stop)
    other = _head_item(doc, k, end, stop) if end > k else None
    if other is None:
        return item
    if other.item == item.item:
        kind = item.kind if other.kind == item.kind else "unknown"
        return replace(item, end=other.end, kind=kind)
    combined = COMBINED.get((item.item, other.item))
    return replace(item, end=other.end, item=combined) if combined else item


def _aircraft_fighter(doc: Doc, item: ItemMatch) -> ItemMatch:
    """"MiG-21 fighter", "Su-35 fighter": after a model name, a fighter is a jet."""
    if item.start > 0 and _MODEL_NAME.match(doc[item.start - 1].text):
        return replace(item, item="fixed_wing_aircraft", kind="military")
    return item


def _outcome_in(doc: Doc, start: int, end: int) -> OutcomeWord | None:
    """An outcome word inside a noun phrase: "wounded people", "civilian deaths"."""
    for k in range(start, end):
        word = outcome_at(doc, k, end)
        if word is not None and word.role in ("noun", "adj") or \
                word is not None and doc[k].tag_ == "VBN" and word.role == "verb":
            return word
    return None


def _post_subject(doc: Doc, i: int, stop: int) -> tuple[int, int] | None:
    """"of the Asian side", "belonging to the enemy": a phrase after the head naming whose."""
    for cue in POST_SUBJECT:
        n = len(cue)
        if tuple(t.lower_ for t in doc[i:i + n]) == cue and i + n < stop:
            if doc[i + n].lower_ in ("whom", "which", "them"):
                return None
            j = i + n
            while j < stop and j - i < 9 and (doc[j].pos_ in NP_POS | {"DET"}
                                             or doc[j].tag_ == "PRP$"  # "from its unit"
                                             or doc[j].tag_ == "VBN" and doc[j - 1].text == "-"
                                             or doc[j].text == "-" or doc[j].text in QUOTES):
                j += 1
            return (i, j) if j > i + n else None
    return None


def _subject_span(counted: _Counted) -> tuple[int, int] | None:
    if counted.post is not None:
        return (counted.pre[0], counted.post[1])
    if counted.pre[1] > counted.pre[0]:
        return counted.pre
    return None


def _item(doc: Doc, counted: _Counted, parent: int | None, earlier: list[Figure]
          ) -> tuple[str | None, str]:
    if counted.item is not None:
        if doc[counted.item.start].lower_ in ("other", "others") and earlier:
            return earlier[-1].item, earlier[-1].kind  # "destroyed 37 others"
        return counted.item.item, counted.item.kind
    if counted.noun_outcome is not None:
        return "personnel", "unknown"
    if parent is not None:
        return earlier[parent].item, earlier[parent].kind
    return None, "unknown"


def _fronted_total(doc: Doc, earlier: list[Figure], start: int) -> int | None:
    """"Of the 66 people hospitalized, five remained in critical condition": the figures
    after a fronted "of the N" are parts of it."""
    first = earlier[0]
    lead = [t.lower_ for t in doc[start:first.quantity.start]][-2:]
    after = doc[first.np_end:first.np_end + 2]
    fronted = lead in (["of", "the"], ["among", "the"]) and any(t.text == "," for t in after)
    return 0 if fronted else None


def _bracketed_total(doc: Doc, earlier: list[Figure], q: QuantityMention, start: int
                     ) -> int | None:
    """The figure whose brackets the figure stands in: "244 people (some 93 dead, ...)"."""
    opened = next((k for k in range(q.start - 1, start - 1, -1)
                   if doc[k].text in ("(", ")")), None)
    if opened is None or doc[opened].text != "(":
        return None
    return next((i for i, f in enumerate(earlier)
                 if f.parent is None and 0 <= opened - f.np_end <= 1), None)


def _parent(doc: Doc, q: QuantityMention, start: int, earlier: list[Figure],
            counted: _Counted) -> tuple[int | None, bool]:
    """The total a subtotal belongs to, and whether a word marks it so: "including 5
    children", "of whom 180", "14 of them"; unmarked, the next members of such a list
    ("including 35 children and 58 women")."""
    if not earlier:
        return None, False
    before = tuple(t.lower_ for t in doc[max(start, q.start - 2):q.start])
    marked = any(before[-len(cue):] == cue for cue in SUBTOTAL_BEFORE if len(before) >= len(cue))
    total = _bracketed_total(doc, earlier, q, start)
    if total is None:
        total = _fronted_total(doc, earlier, start)
    if total is not None:
        # "amounted to 244 people (some 93 dead, some 150 wounded and one captured)"
        return total, True
    pronoun = counted.partitive and q.end + 1 < len(doc) and doc[q.end].lower_ == "of" \
        and doc[q.end + 1].lower_ in ("them", "whom", "which", "those")
    if marked or pronoun:
        return len(earlier) - 1, True
    prev = earlier[-1]
    gap = doc[prev.np_end:q.start]
    same_class = counted.item is None or (counted.item.item == "personnel") == (
        prev.item == "personnel")
    # "including 14 in the Gaza Strip and three in the West Bank": the list goes on over
    # the place of the part before
    if prev.parent is not None and gap and same_class and gap[-1].lower_ in ("and", ",") \
            and all(t.lower_ in ("and", ",") or t.pos_ in ("ADP", "DET", "PROPN", "NOUN", "AUX")
                    and not t.like_num for t in gap):  # "seven of them are from Hamas, two ..."
        return prev.parent, False
    return None, False
