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

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .lexicon import ItemMatch, OutcomeWord, item_at, outcome_at
from .quantities import QuantityMention, find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MEASURES = frozenset({"set", "sets", "unit", "units", "piece", "pieces", "pcs", "item", "items"})
PARTITIVE_DETS = frozenset({"its", "their", "the", "our", "his", "her", "these", "those"})
SUBTOTAL_BEFORE = (("of", "whom"), ("of", "which"), ("among", "them"), ("among", "whom"),
                   ("including",), ("includes",), ("include",), ("among", "those"))
COMPARISON_BEFORE = (("compared", "with"), ("compared", "to"), ("up", "from"),
                     ("down", "from"), ("against",), ("versus",), ("vs",), ("vs.",))
ADDITIVE_BEFORE = (("along", "with"), ("as", "well", "as"), ("in", "addition", "to"),
                   ("together", "with"))
POST_SUBJECT = (("of",), ("belonging", "to"), ("from",), ("used", "by"), ("operated", "by"),
                ("owned", "by"), ("launched", "by"), ("flown", "by"), ("fired", "by"))
LIST_GLUE = frozenset({",", "and", "as", "well", "plus", "also", "another", "further"})
PASSIVE_GLUE = frozenset({"were", "was", "are", "is", "be", "been", "being", "have", "has",
                          "had", "reportedly", "also", "all", "allegedly", "later", "either",
                          "both", "respectively", "now", "so", "far", "thus", "got", "get",
                          "getting", "gotten", "slightly", "seriously", "critically"})
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "got",
                      "gotten", "getting"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
CLAUSE_STOPS = frozenset({"who", "whom", "whose", "which", "that", "while", "when", "after",
                          "before", "because", "but", "although", ";", ":", "whereas", "if"})
INTRANSITIVE = frozenset({"die", "perish", "disappear", "surrender"})
MODALS = frozenset({"will", "would", "could", "may", "might", "'ll", "shall", "should"})
HOSTAGE_WORDS = frozenset({"hostage", "hostages", "prisoner", "prisoners", "captive",
                           "captives"})
TAKE_VERBS = frozenset({"take", "took", "taken", "taking", "takes"})
TOLL_VERBS = frozenset({"rise", "rose", "risen", "climb", "reach", "stand", "stood", "increase",
                        "jump", "hit", "top", "surpass", "exceed", "be", "grow", "mount",
                        "soar", "surge", "bring", "put", "raise", "is", "was", "at", "to"})
TOLL_NOUNS = frozenset({"toll", "tally", "number", "count", "figure"})
TOLL_LINKS = frozenset({"to", "at", "of", "is", "was", ":", "reached", "hit", "surpassed",
                        "exceeded", "topped", "passed", "stood", "stands"})
NP_POS = frozenset({"ADJ", "NOUN", "PROPN", "X", "NUM"})
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]*-\d+[A-Za-z]*$")  # MiG-21, Su-35, F-16


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
    same_as: int | None = None  # a figure this one repeats for another period or place
    head: int | None = None  # the counted noun's last token, when there is one

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
    partitive: bool = False  # "180 of them", "5 of its fighters"
    noun_outcome: OutcomeWord | None = None  # "civilian deaths", "wounded people"
    unknown_noun: bool = False  # a count of something the lexicon does not know


def find_figures(doc: Doc, sent: Span | None = None, skip: frozenset[int] = frozenset()
                 ) -> list[Figure]:
    """All loss figures in a sentence (the whole Doc by default)."""
    start, stop = (sent.start, sent.end) if sent is not None else (0, len(doc))
    quantities = find_quantities(doc, start, stop, skip) + _article_quantities(doc, start, stop)
    quantities.sort(key=lambda q: q.num_start)
    figures: list[Figure] = []
    for q in quantities:
        if figures and figures[-1].quantity.start <= q.start < figures[-1].np_end:
            continue  # "17 of 20 drones": the 20 is part of the first figure's phrase
        figure = _figure(doc, q, start, stop, figures)
        if figure is not None and not _forecast(doc, figure, start):
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
    if counted.unknown_noun:
        return None
    parent, marked = _parent(doc, q, start, earlier, counted)
    item, kind = _item(doc, counted, parent, earlier)
    strict = parent is not None or q.num_start == q.start and doc[q.start].lower_ in ("a", "an")
    outcome = _outcome(doc, q, counted, start, stop, item, strict)
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
    if toll is not None and toll[0] is not None:
        item, kind = toll[0].item, toll[0].kind
    if item is None:
        if word.personnel is None or counted.np_end > q.end + 1:
            return None
        item, kind = "personnel", "unknown"  # "killing three", "180 were killed"
    name = word.for_item(item)
    if name is None:
        return None
    name = _combined(doc, word, item, name, stop)
    subject = toll[1] if toll is not None else _subject_span(counted)
    head = counted.item.end - 1 if counted.item is not None else None
    return Figure(q, item, kind, name, q.start, counted.np_end, word.start, word.end,
                  subject, word.start if active else None, parent, head=head)


# -- what is counted -------------------------------------------------------------------

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
    if i < stop and doc[i].lower_ in ("from", "of") and not partitive:
        # "killed more than 100 from the elements of the militia" (translated partitive)
        j = i + 1 + (i + 1 < stop and doc[i + 1].pos_ == "DET")
        end = _np_extent(doc, j, stop)
        item = _head_item(doc, j, end, stop)
        if item is not None and item.item == "personnel":
            post = _post_subject(doc, item.end, stop)
            return _Counted(item, post[1] if post else item.end, (j, item.start), post, True)
    if i < stop and doc[i].lower_ in BE_FORMS:
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
        if not (tok.pos_ in NP_POS or tok.text == "-" or tok.text in QUOTES or modifier):
            break
        if tok.lower_ in ("of", "and") or tok.lower_ in HOSTAGE_WORDS:
            break
        if tok.pos_ == "NUM" and j > i and not _model_number(doc, j, stop):
            break
        if j > i and doc[j - 1].pos_ == "NOUN" and _postposed_outcome(doc, j, stop):
            break
        j += 1
    while j > i and doc[j - 1].text in QUOTES:
        j -= 1
    return j


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


def _parent(doc: Doc, q: QuantityMention, start: int, earlier: list[Figure],
            counted: _Counted) -> tuple[int | None, bool]:
    """The total a subtotal belongs to, and whether a word marks it so: "including 5
    children", "of whom 180", "14 of them"; unmarked, the next members of such a list
    ("including 35 children and 58 women")."""
    if not earlier:
        return None, False
    before = tuple(t.lower_ for t in doc[max(start, q.start - 2):q.start])
    marked = any(before[-len(cue):] == cue for cue in SUBTOTAL_BEFORE if len(before) >= len(cue))
    pronoun = counted.partitive and q.end + 1 < len(doc) and doc[q.end].lower_ == "of" \
        and doc[q.end + 1].lower_ in ("them", "whom", "which", "those")
    if marked or pronoun:
        return len(earlier) - 1, True
    prev = earlier[-1]
    gap = [t.lower_ for t in doc[prev.np_end:q.start]]
    same_class = counted.item is None or (counted.item.item == "personnel") == (
        prev.item == "personnel")
    if prev.parent is not None and gap and all(w in ("and", ",") for w in gap) and same_class:
        return prev.parent, False
    return None, False


# -- what happened to it ---------------------------------------------------------------

def _outcome(doc: Doc, q: QuantityMention, counted: _Counted, start: int, stop: int,
             item: str | None, strict: bool):
    """(outcome word, whether it is an active verb before the figure, toll frame or None)."""
    if counted.noun_outcome is not None:
        return counted.noun_outcome, False, None
    before = _active_before(doc, q, counted, start)
    if before is not None:
        return before
    after = _passive_after(doc, counted.np_end, stop, strict or item is None)
    return (after, False, None) if after is not None else None


def _usable(doc: Doc, word: OutcomeWord) -> bool:
    pos = doc[word.start].pos_
    if word.role == "verb":
        return pos in ("VERB", "ADJ", "AUX") or doc[word.start].tag_ in ("VBN", "VBD", "VBG")
    if word.role == "adj":
        return pos in ("ADJ", "VERB", "NOUN")
    return pos in ("NOUN", "PROPN")


def _active_before(doc: Doc, q: QuantityMention, counted: _Counted, start: int):
    """An outcome verb whose object the figure is: "killed 12", "has wiped out 790",
    "shot down 17", "were destroyed: 322 aircraft", "took 240 people hostage", "the
    martyrdom of 2"; or a toll: "the death toll rose to 45"."""
    i = q.start
    k = i - 1
    while k >= start and doc[k].text in QUOTES:
        k -= 1
    colon = k >= start and doc[k].text == ":"
    k -= colon
    if k >= start and doc[k].lower_ in TAKE_VERBS and counted.np_end < len(doc) \
            and doc[counted.np_end].lower_ in HOSTAGE_WORDS:
        return OutcomeWord(k, k + 1, "captured", None, "verb"), True, None
    while k >= start:
        word = _outcome_ending_at(doc, k + 1)
        if word is not None and word.start >= start and word.role == "verb" \
                and _usable(doc, word):
            # a passive verb right before a figure is inverted word order, common in
            # translations: "were destroyed: 322 aircraft", "was shot down 1 Su-25"
            return word, True, None
        if doc[k].lower_ == "of" and k - 1 >= start:
            noun = _outcome_ending_at(doc, k)
            if noun is not None and doc[k - 1].pos_ == "NOUN":
                return replace(noun, role="noun"), False, None  # "the martyrdom of 2"
        if doc[k].pos_ != "ADV" or doc[k].lower_ == "not" or i - k > 2:
            break
        k -= 1
    return _verb_over_list(doc, i, start) or _toll_before(doc, i - 1, start)


def _verb_over_list(doc: Doc, i: int, start: int):
    """"seized weapons, ammunition and six vehicles": the verb governs every list member,
    counted or not. Only plain noun lists are crossed, never another verb or number."""
    k = i - 1
    if k < start or doc[k].lower_ not in ("and", ","):
        return None
    while k >= start and i - k <= 10:
        tok = doc[k]
        word = _outcome_ending_at(doc, k + 1)
        if word is not None and word.role == "verb" and _usable(doc, word) \
                and k + 1 < i and doc[k + 1].pos_ in ("NOUN", "ADJ", "DET"):
            return word, True, None
        if tok.lower_ in ("and", ",") or tok.pos_ in ("NOUN", "ADJ", "DET") and not tok.like_num:
            k -= 1
            continue
        return None
    return None


def _outcome_ending_at(doc: Doc, i: int) -> OutcomeWord | None:
    """The outcome word that ends just before token i ("killed" in "killed and injured")."""
    for width in (3, 2, 1):
        s = i - width
        if s >= 0:
            word = outcome_at(doc, s, i)
            if word is not None and word.end == i:
                return word
    return None


def _toll_before(doc: Doc, k: int, start: int):
    """"the death toll (from the strike) has risen to 45", "bringing the toll to 29,954",
    "put the number of Russian troops killed since ... at about 215,000": a toll noun
    before the figure, linked by to/at/of/is; the toll phrase may say who was counted."""
    if k < start or (doc[k].lower_ not in TOLL_LINKS and doc[k].lemma_ not in TOLL_VERBS):
        return None
    parsed = _toll_subject(doc, k, start)
    for j in [parsed] + list(range(k, max(start - 1, k - 20), -1)):
        if j is None or doc[j].lower_ not in TOLL_NOUNS:
            continue
        if j != parsed and k - j > 8 and doc[j + 1].lower_ != "of":
            continue
        phrase_end = min(k + 1, j + (12 if doc[j + 1].lower_ == "of" else 4))
        for s in range(max(start, j - 3), phrase_end):
            word = outcome_at(doc, s, phrase_end)
            if word is not None and word.personnel is not None:
                return replace(word, role="noun"), False, _toll_counted(doc, j, phrase_end)
        if doc[j].lower_ == "toll":  # a bare "toll" in war reporting is the death toll
            return OutcomeWord(j, j + 1, "killed", None, "noun"), False, None
    return None


def _toll_subject(doc: Doc, k: int, start: int) -> int | None:
    """The parse's answer for long tolls: "The death toll from a strike that tore through
    a building in Dnipro on Saturday rose to 40" — the subject of the verb before "to"."""
    verb = doc[k].head if doc[k].lower_ in ("to", "at") else doc[k]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in TOLL_NOUNS \
                and child.i >= start:
            return child.i
    return None


def _toll_counted(doc: Doc, j: int, end: int):
    """The item and the subject words inside "the number of Russian troops killed"."""
    for k in range(j + 1, end):
        item = item_at(doc, k, end)
        if item is not None and item.item == "personnel":
            return item, (j + 1, item.end)
    return None, None


def _passive_after(doc: Doc, i: int, stop: int, strict: bool) -> OutcomeWord | None:
    """The first outcome word after the counted phrase in the same clause. Unless
    ``strict``, the rest of a list that shares the verb is skipped over ("130 tanks, 200
    guns ... were destroyed") and so is one place phrase ("5 soldiers in X were killed")."""
    j, pp_skips = i, 0
    while j < stop:
        word = outcome_at(doc, j, stop)
        if word is not None and word.role in ("verb", "adj") and _usable(doc, word):
            return word if _passive_use(doc, word, i, stop) else None
        tok = doc[j]
        low = tok.lower_
        if low in CLAUSE_STOPS:
            return None
        among = _among_the(doc, j, stop)
        if among is not None:
            return among
        if tok.text == "(" and not strict:
            j = _after_parenthesis(doc, j, stop)
        elif low in PASSIVE_GLUE or tok.text in QUOTES or tok.pos_ in ("AUX", "ADV", "PART"):
            j += 1
        elif strict:
            return None
        elif low in LIST_GLUE or tok.pos_ in NP_POS or tok.text == "-" or tok.pos_ == "DET" \
                or tok.tag_ in ("VBN", "VBG") and j + 1 < stop and doc[j + 1].pos_ == "NOUN":
            j += 1
        elif low == "of" and j + 1 < stop and doc[j + 1].lower_ not in ("whom", "which"):
            j += 1  # "200 sets of artillery", "of the Asian side"
        elif tok.pos_ == "ADP" and pp_skips < 2 and low not in ("by",):
            j, pp_skips = _skip_pp(doc, j, stop), pp_skips + 1
        else:
            return None
    return None


def _among_the(doc: Doc, j: int, stop: int) -> OutcomeWord | None:
    """"11 fighters were among the dead": membership in the dead or wounded."""
    if doc[j].lower_ != "among" or j + 2 >= stop or doc[j + 1].lower_ != "the":
        return None
    word = outcome_at(doc, j + 2, min(stop, j + 4))
    return replace(word, role="adj") if word is not None and word.personnel else None


def _after_parenthesis(doc: Doc, j: int, stop: int) -> int:
    k = j + 1
    while k < stop and doc[k].text != ")" and k - j < 12:
        k += 1
    return k + 1 if k < stop and doc[k].text == ")" else stop


def _passive_use(doc: Doc, word: OutcomeWord, np_end: int, stop: int) -> bool:
    """Is the outcome said of what comes before it? "were killed", "died", "12 dead",
    "12 civilians killed in ..." — but not "had destroyed X" or "injured 12 civilians"."""
    tok = doc[word.start]
    if word.role == "adj" or tok.lemma_ in INTRANSITIVE:
        return True
    k = word.start - 1
    while k >= np_end and (doc[k].pos_ == "ADV" or doc[k].text in QUOTES):
        k -= 1
    if k >= 0 and doc[k].lower_ in BE_FORMS and tok.tag_ == "VBN":
        return True
    if k < np_end and tok.tag_ in ("VBN", "VBD"):
        nxt = doc[word.end] if word.end < stop else None
        return nxt is None or nxt.pos_ not in ("DET", "NUM", "PRON", "NOUN", "PROPN")
    return False


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


def _forecast(doc: Doc, figure: Figure, start: int) -> bool:
    """"will have killed 377,000 by the end of the year" is a projection, not a claim."""
    window = doc[max(start, figure.outcome_start - 3):figure.outcome_start]
    return any(t.lower_ in MODALS for t in window)


# -- figures that borrow from another ------------------------------------------------

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
    return tok.lower_ in LIST_GLUE or (tok.pos_ in ("ADP", "DET", "PROPN", "NOUN", "ADJ")
                                       and not tok.like_num and tok.lower_ != "by")


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
