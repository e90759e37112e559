"""Read each figure in a parsed sentence as a loss: what is counted and what happened to it.

A *figure* is a claim before attribution: the quantity, the counted phrase (item and the
words that may name whose losses they are), the outcome, and links to a total it is part
of. Three shapes cover wire copy:

- active: "the shelling killed 12 civilians", "destroyed 5 tanks, 3 drones and 2 trucks";
- passive or intransitive, with lists sharing one verb: "2300 soldiers were killed and
  injured, 130 tanks, 200 sets of artillery ... were destroyed", "at least 20 people died";
- nominal: "20 casualties", "12 dead and 30 wounded", "the death toll rose to 45".

Nothing is guessed: a figure without an item and an outcome in its own clause is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .lexicon import ItemMatch, OutcomeWord, item_at, outcome_at
from .quantities import QuantityMention, find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MEASURES = frozenset({"set", "sets", "unit", "units", "piece", "pieces", "pcs", "item", "items"})
PARTITIVE_DETS = frozenset({"its", "their", "the", "our", "his", "her", "these", "those"})
SUBTOTAL_BEFORE = (("of", "whom"), ("of", "which"), ("among", "them"), ("among", "whom"),
                   ("including",), ("includes",), ("include",), ("of", "them"))
POST_SUBJECT = (("of",), ("belonging", "to"), ("from",), ("from", "the"))
LIST_GLUE = frozenset({",", "and", "as", "well", "plus", "while", "also", "another", "further"})
PASSIVE_GLUE = frozenset({"were", "was", "are", "is", "be", "been", "being", "have", "has",
                          "had", "reportedly", "also", "all", "allegedly", "later",
                          "subsequently", "then", "either", "both", "respectively", "left",
                          "now", "so", "far", "thus", "confirmed", "reported", "got", "get"})
TOLL_VERBS = frozenset({"rise", "rose", "risen", "climb", "reach", "stand", "stood", "increase",
                        "jump", "hit", "top", "surpass", "exceed", "be", "grow", "mount",
                        "soar", "surge", "bring", "put", "raise", "is", "was", "at", "to"})
TOLL_NOUNS = frozenset({"toll", "tally", "number", "count", "figure"})
TOLL_LINKS = frozenset({"to", "at", "of", "is", "was", ":", "reached", "hit", "surpassed",
                        "exceeded", "topped", "passed"})
NP_POS = frozenset({"ADJ", "NOUN", "PROPN", "X", "NUM"})


@dataclass(frozen=True)
class Figure:
    """A loss figure in one sentence; token indices refer to the sentence's Doc."""

    quantity: QuantityMention
    item: str
    kind: str  # military | civilian | unknown
    outcome: str
    np_start: int
    np_end: int
    outcome_start: int
    outcome_end: int
    subject_span: tuple[int, int] | None  # tokens that may name whose losses
    active_verb: int | None  # token of the active verb when the figure is its object
    parent: int | None = None  # index (in the sentence's figures) of the total
    list_of: int | None = None  # index of the first figure of the list it shares a verb with

    @property
    def start(self) -> int:
        return min(self.quantity.start, self.outcome_start)

    @property
    def end(self) -> int:
        return max(self.np_end, self.outcome_end)


@dataclass(frozen=True)
class _Counted:
    item: ItemMatch | None
    np_end: int
    pre: tuple[int, int]
    post: tuple[int, int] | None
    partitive: bool  # "180 of them", "of whom 180"


def find_figures(doc: Doc, sent: Span | None = None, skip: frozenset[int] = frozenset()
                 ) -> list[Figure]:
    """All loss figures in a sentence (the whole Doc by default)."""
    start, stop = (sent.start, sent.end) if sent is not None else (0, len(doc))
    quantities = find_quantities(doc, start, stop, skip) + _article_quantities(doc, start, stop)
    quantities.sort(key=lambda q: q.num_start)
    figures: list[Figure] = []
    for q in quantities:
        figure = _figure(doc, q, start, stop, figures)
        if figure is not None:
            figures.append(figure)
    return figures


def _article_quantities(doc: Doc, start: int, stop: int) -> list[QuantityMention]:
    """"a tank", "A set of S-300 ...": one lost thing, only with a singular item head."""
    found = []
    for i in range(start, stop):
        if doc[i].lower_ not in ("a", "an"):
            continue
        counted = _counted(doc, QuantityMention(i, i + 1, i, 1, "exact"), stop)
        if counted.item is not None and doc[counted.item.end - 1].tag_ in ("NN", "NNP"):
            found.append(QuantityMention(i, i + 1, i, 1, "exact"))
    return found


def _figure(doc: Doc, q: QuantityMention, start: int, stop: int,
            earlier: list[Figure]) -> Figure | None:
    counted = _counted(doc, q, stop)
    parent = _parent(doc, q, start, earlier, counted.partitive)
    item, kind, np_end = _item(doc, q, counted, parent, earlier)
    outcome = _outcome(doc, q, counted, np_end, start, stop, item)
    if outcome is None and parent is not None:
        return _inherit(q, counted, np_end, parent, earlier)
    if outcome is None:
        return _shared_active(doc, q, counted, np_end, start, earlier, item, kind)
    if item is None:
        item, kind = _bare_item(doc, q, outcome)
        if item is None:
            return None
    word, active = outcome
    name = word.for_item(item)
    if name is None:
        return None
    name = _combined(doc, word, item, name, stop)
    return Figure(q, item, kind, name, q.start, np_end, word.start, word.end,
                  _subject_span(counted), word.start if active else None, parent)


def _counted(doc: Doc, q: QuantityMention, stop: int) -> _Counted:
    """The phrase after the number: "Armenian soldiers", "sets of artillery ...", "of them"."""
    i = q.end
    partitive = False
    if i + 1 < stop and doc[i].lower_ == "of" and doc[i + 1].like_num:
        i += 2  # "17 of 20 drones": the item is after the second number
    elif i + 1 < stop and doc[i].lower_ == "of":
        if doc[i + 1].lower_ in ("them", "whom", "which", "those"):
            return _Counted(None, i + 2, (i, i), None, True)
        if doc[i + 1].lower_ in PARTITIVE_DETS:
            i, partitive = i + 2, True
    if i + 1 < stop and doc[i].lower_ in MEASURES and doc[i + 1].lower_ == "of":
        i += 2
    np_end = _np_extent(doc, i, stop)
    item = _head_item(doc, i, np_end, stop)
    if item is None:
        return _Counted(None, q.end, (q.end, q.end), None, partitive)
    post = _post_subject(doc, item.end, stop)
    end = post[1] if post else item.end
    return _Counted(item, end, (i, item.start), post, partitive)


def _np_extent(doc: Doc, i: int, stop: int) -> int:
    j = i
    while j < stop and j - i < 8:
        tok = doc[j]
        if tok.pos_ in NP_POS or tok.text == "-" or tok.tag_ in ("VBN", "VBG") and j + 1 < stop \
                and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            if tok.pos_ == "NUM" and j > i:
                break
            j += 1
        else:
            break
    return j


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


def _post_subject(doc: Doc, i: int, stop: int) -> tuple[int, int] | None:
    """"of the Asian side", "belonging to the enemy": a phrase after the head naming whose."""
    for cue in POST_SUBJECT:
        n = len(cue)
        if tuple(t.lower_ for t in doc[i:i + n]) == cue and i + n < stop:
            if doc[i + n].lower_ in ("whom", "which", "them"):
                return None
            j = i + n
            while j < stop and j - i < 8 and (doc[j].pos_ in NP_POS | {"DET"}
                                             or doc[j].text == "-"):
                j += 1
            return (i, j) if j > i + n else None
    return None


def _subject_span(counted: _Counted) -> tuple[int, int] | None:
    if counted.post is not None:
        return (counted.pre[0], counted.post[1])
    if counted.pre[1] > counted.pre[0]:
        return counted.pre
    return None


def _item(doc: Doc, q: QuantityMention, counted: _Counted, parent: int | None,
          earlier: list[Figure]) -> tuple[str | None, str, int]:
    if counted.item is not None:
        item, kind = counted.item.item, counted.item.kind
        return item, kind, counted.np_end
    if parent is not None:
        return earlier[parent].item, earlier[parent].kind, counted.np_end
    return None, "unknown", counted.np_end


def _bare_item(doc: Doc, q: QuantityMention, outcome: tuple[OutcomeWord, bool]
               ) -> tuple[str | None, str]:
    """A number with no noun counts people only when a people-outcome governs it directly:
    "killing three", "180 were killed", "12 dead", "the death toll rose to 45"."""
    word, _active = outcome
    if word.personnel is None:
        return None, "unknown"
    return "personnel", "unknown"


def _parent(doc: Doc, q: QuantityMention, start: int, earlier: list[Figure],
            partitive_after: bool) -> int | None:
    if not earlier:
        return None
    before = tuple(t.lower_ for t in doc[max(start, q.start - 2):q.start])
    marked = any(before[-len(cue):] == cue for cue in SUBTOTAL_BEFORE if len(before) >= len(cue))
    pronoun = partitive_after and doc[q.end + 1].lower_ in ("them", "whom", "those")
    return len(earlier) - 1 if marked or pronoun else None


def _outcome(doc: Doc, q: QuantityMention, counted: _Counted, np_end: int, start: int,
             stop: int, item: str | None) -> tuple[OutcomeWord, bool] | None:
    """The outcome word governing the figure, and whether it is an active verb before it."""
    if counted.item is not None:
        noun = outcome_at(doc, counted.item.start, counted.item.end)
        if noun is not None and noun.role == "noun":
            return noun, False
    if item is None:
        noun = outcome_at(doc, q.end, min(stop, q.end + 2))
        if noun is not None and noun.role in ("noun", "adj") and noun.start == q.end:
            return noun, False
    before = _active_before(doc, q.start, start)
    if before is not None:
        return before, True
    after = _passive_after(doc, np_end, stop)
    return (after, False) if after is not None else None


def _usable(doc: Doc, word: OutcomeWord) -> bool:
    pos = doc[word.start].pos_
    if word.role == "verb":
        return pos in ("VERB", "ADJ", "AUX") or doc[word.start].tag_ in ("VBN", "VBD", "VBG")
    if word.role == "adj":
        return pos in ("ADJ", "VERB", "NOUN")
    return pos in ("NOUN", "PROPN")


def _active_before(doc: Doc, i: int, start: int) -> OutcomeWord | None:
    """An outcome verb whose object the figure is: "killed 12", "has wiped out 790",
    "shot down 17", or a toll phrase: "the death toll rose to 45"."""
    k = i - 1
    while k >= start:
        word = _outcome_ending_at(doc, k + 1)
        if word is not None and word.start >= start and word.role == "verb" \
                and _usable(doc, word) and not _is_passive(doc, word):
            return word
        if doc[k].pos_ != "ADV" or doc[k].lower_ == "not" or i - k > 2:
            break
        k -= 1
    return _toll_before(doc, i - 1, start)


def _is_passive(doc: Doc, word: OutcomeWord) -> bool:
    prev = doc[word.start - 1] if word.start > 0 else None
    return prev is not None and prev.lemma_ == "be" and doc[word.start].tag_ == "VBN"


def _toll_before(doc: Doc, k: int, start: int) -> OutcomeWord | None:
    """"the death toll (from the strike) has risen to 45", "bringing the toll to 29,954",
    "the number of dead stood at 12": a toll noun shortly before, linked by to/at/of/is."""
    if k < start or (doc[k].lower_ not in TOLL_LINKS and doc[k].lemma_ not in TOLL_VERBS):
        return None
    for j in range(k, max(start - 1, k - 9), -1):
        if doc[j].lower_ not in TOLL_NOUNS:
            continue
        for s in range(max(start, j - 3), min(j + 4, k + 1)):
            word = outcome_at(doc, s, min(j + 4, k + 1))
            if word is not None and word.personnel is not None:
                return replace(word, role="noun")
        if doc[j].lower_ == "toll":  # a bare "toll" in war reporting is the death toll
            return OutcomeWord(j, j + 1, "killed", None, "noun")
    return None


def _passive_after(doc: Doc, i: int, stop: int) -> OutcomeWord | None:
    """The first outcome word after the counted phrase in the same clause, skipping the
    rest of a list that shares the verb ("130 tanks, 200 guns ... were destroyed")."""
    j, pp_skipped = i, False
    while j < stop:
        word = outcome_at(doc, j, stop)
        if word is not None and word.role in ("verb", "adj") and _usable(doc, word):
            return word
        tok = doc[j]
        low = tok.lower_
        if low in LIST_GLUE or low in PASSIVE_GLUE or tok.pos_ in ("AUX", "ADV", "PART"):
            j += 1
        elif low == "of" and j + 1 < stop and doc[j + 1].lower_ not in ("whom", "which"):
            j += 1  # "200 sets of artillery", "of the Asian side"
        elif tok.pos_ in NP_POS or tok.text == "-" or tok.pos_ == "DET":
            j += 1  # the next items of the list
        elif tok.pos_ == "ADP" and not pp_skipped and low not in ("by", "of"):
            j, pp_skipped = _skip_pp(doc, j, stop), True
        else:
            return None
    return None


def _skip_pp(doc: Doc, j: int, stop: int) -> int:
    """Skip "in the village of X" between a subject and its verb."""
    k = j + 1
    while k < stop and (doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "ADP")
                        and not doc[k].like_num):
        k += 1
    return k


def _combined(doc: Doc, word: OutcomeWord, item: str, name: str, stop: int) -> str:
    """"killed and injured", "dead or wounded" on one figure: killed_or_wounded."""
    if item != "personnel" or name not in ("killed", "wounded"):
        return name
    others = []
    if word.end + 1 < stop and doc[word.end].lower_ in ("and", "or", "/"):
        others.append(outcome_at(doc, word.end + 1, min(stop, word.end + 3)))
    if word.start >= 2 and doc[word.start - 1].lower_ in ("and", "or", "/"):
        others.append(_outcome_ending_at(doc, word.start - 1))
    for other in others:
        if other is not None and other.personnel in ("killed", "wounded") \
                and other.personnel != name:
            return "killed_or_wounded"
    return name


def _outcome_ending_at(doc: Doc, i: int) -> OutcomeWord | None:
    """The outcome word that ends just before token i ("killed" in "killed and injured")."""
    for width in (3, 2, 1):
        s = i - width
        if s >= 0:
            word = outcome_at(doc, s, i)
            if word is not None and word.end == i:
                return word
    return None


def _inherit(q: QuantityMention, counted: _Counted, np_end: int, parent: int,
             earlier: list[Figure]) -> Figure:
    """A subtotal with no verb of its own ("including 5 children") takes its total's."""
    total = earlier[parent]
    item = counted.item.item if counted.item else total.item
    kind = counted.item.kind if counted.item else total.kind
    return Figure(q, item, kind, total.outcome, q.start, np_end, total.outcome_start,
                  total.outcome_end, _subject_span(counted), None, parent)


def _shared_active(doc: Doc, q: QuantityMention, counted: _Counted, np_end: int, start: int,
                   earlier: list[Figure], item: str | None, kind: str) -> Figure | None:
    """"destroyed 5 tanks, 3 drones and 2 trucks": later list members share the verb."""
    if not earlier or item is None:
        return None
    prev = earlier[-1]
    if prev.active_verb is None:
        return None
    gap = [t.lower_ for t in doc[prev.np_end:q.start]]
    if not gap or any(w not in LIST_GLUE for w in gap):
        return None
    word = outcome_at(doc, prev.outcome_start, prev.outcome_end)
    name = word.for_item(item) if word else None
    if name is None:
        return None
    first = prev.list_of if prev.list_of is not None else len(earlier) - 1
    return Figure(q, item, kind, name, q.start, np_end, prev.outcome_start, prev.outcome_end,
                  _subject_span(counted), prev.active_verb, None, first)
