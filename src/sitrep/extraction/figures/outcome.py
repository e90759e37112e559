"""What happened to what a figure counts: active, passive, toll and list readings."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import OutcomeWord, item_at, outcome_at
from ..quantities import QuantityMention
from .base import (
    BE_FORMS,
    CLAUSE_STOPS,
    HOSTAGE_WORDS,
    INTRANSITIVE,
    LIST_GLUE,
    MODALS,
    NP_POS,
    PASSIVE_GLUE,
    QUOTES,
    RAISING,
    TAKE_VERBS,
    TOLL_LINKS,
    TOLL_NOUNS,
    TOLL_VERBS,
    Figure,
    _Counted,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


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


def verb_of(doc: Doc, word: OutcomeWord):
    """The token that carries an outcome phrase's verb ("shot" of "fatally shot")."""
    first = doc[word.start]
    return doc[word.start + 1] if first.pos_ == "ADV" and word.end > word.start + 1 else first


def _usable(doc: Doc, word: OutcomeWord) -> bool:
    verb = verb_of(doc, word)
    pos = verb.pos_
    if word.role == "verb":
        return pos in ("VERB", "ADJ", "AUX") or verb.tag_ in ("VBN", "VBD", "VBG")
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
                and _usable(doc, word) and not telegraphic(doc, word, len(doc)):
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
    before = i - 1
    while before >= start and doc[before].text in QUOTES:
        before -= 1  # 'losses have amounted to "300 troops, 18 tanks ..."'
    return _verb_over_list(doc, i, start) or _included(doc, i, start) \
        or _toll_before(doc, before, start)


LISTED_TOLLS = frozenset({"losses", "loss", "casualties"})
_INCLUDE = frozenset({"include", "included", "includes", "including"})


def _included(doc: Doc, i: int, start: int):
    """"its losses also included a 2S7 Pion, two FH-70 howitzers and one Uragan", "the
    casualties included seven children", "those killed included two commandos": the loss
    word before "included" says what happened to every member of the list after it."""
    k = i - 1
    while k >= start and (doc[k].lower_ in ("and", ",", "-") or doc[k].pos_ in (
            "NOUN", "ADJ", "DET", "PROPN", "NUM")) and i - k <= 16:
        k -= 1
    if k < start or doc[k].lower_ not in _INCLUDE:
        return None
    for j in range(k - 1, max(start - 1, k - 5), -1):
        word = outcome_at(doc, j, k)
        if word is not None and word.end == k - (doc[k - 1].pos_ == "ADV"):
            return replace(word, role="noun"), True, None
    return None


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
    for width in (4, 3, 2, 1):  # "claimed the lives of 8"
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
                # "the losses amounted to 300 troops, 18 tanks ...": a list shares a loss
                listed = doc[j].lower_ in LISTED_TOLLS
                if _dead_and_wounded(doc, j, k + 1):  # "losses in killed, wounded ..."
                    word = replace(word, personnel="killed_or_wounded")
                return replace(word, role="noun"), listed, _toll_counted(doc, j, phrase_end)
        if doc[j].lower_ == "toll":  # a bare "toll" in war reporting is the death toll
            return OutcomeWord(j, j + 1, "killed", None, "noun"), False, None
    return None


def _dead_and_wounded(doc: Doc, start: int, end: int) -> bool:
    """Does a toll's phrase count the dead and the wounded together ("the loss of Russians
    in killed, wounded and captured amounted to 244")?"""
    said = {w.personnel for k in range(start, end) if (w := outcome_at(doc, k, end))}
    return {"killed", "wounded"} <= said


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
    """The item and the subject words of a toll: inside "the number of Russian troops
    killed", or owning it: "Azerbaijan's losses", "the Azerbaijani losses in manpower"."""
    owner = _toll_owner(doc, j)
    for k in range(j + 1, end):
        item = item_at(doc, k, end)
        if item is not None and item.item == "personnel":
            return item, owner or (j + 1, item.end)
    return None, owner


def _toll_owner(doc: Doc, j: int) -> tuple[int, int] | None:
    owner = j - 1
    while owner >= 0 and doc[owner].pos_ == "ADJ" and doc[owner].lower_ in _TOTAL_WORDS:
        owner -= 1  # "Azerbaijan's total losses"
    if owner > 0 and doc[owner].tag_ == "POS":
        return doc[owner - 1].left_edge.i, owner
    named = owner
    while named >= 0 and doc[named].pos_ in ("ADJ", "PROPN") and doc[named].lower_ \
            not in _TOTAL_WORDS and j - named <= 3:
        named -= 1  # "the Azerbaijani losses", "Russian losses"
    return (named + 1, owner + 1) if named < owner else None


_TOTAL_WORDS = frozenset({"total", "overall", "combat", "heavy", "daily", "human", "military",
                          "irretrievable", "significant", "huge", "high"})


def _passive_after(doc: Doc, i: int, stop: int, strict: bool) -> OutcomeWord | None:
    """The first outcome word after the counted phrase in the same clause. Unless
    ``strict``, the rest of a list that shares the verb is skipped over ("130 tanks, 200
    guns ... were destroyed") and so is one place phrase ("5 soldiers in X were killed")."""
    j, pp_skips, np_end = i, 0, i
    while j < stop:
        word = outcome_at(doc, j, stop)
        if word is not None and word.role in ("verb", "adj") and _usable(doc, word):
            return word if _passive_use(doc, word, np_end, stop) else None
        tok = doc[j]
        low = tok.lower_
        if low in CLAUSE_STOPS or _verb_goes_on(doc, j, stop):
            return None
        among = _among_the(doc, j, stop)
        if among is not None:
            return among
        if low == "fatally" and j + 1 < stop and doc[j + 1].tag_ == "VBN":
            return OutcomeWord(j, j + 2, "killed", None, "verb")  # "were fatally assaulted"
        aside = _apposed_part(doc, j, stop)
        if aside is not None:  # "7 civilians, 3 of them women, were killed"
            j = np_end = aside  # "58 others, including 21 children, wounded"
        elif tok.text == "(" and not strict:
            j = _after_parenthesis(doc, j, stop)
        elif low in PASSIVE_GLUE or tok.text in QUOTES or tok.pos_ in ("AUX", "ADV", "PART"):
            j += 1
        elif low in RAISING and j + 1 < stop and doc[j + 1].lower_ == "to":
            j += 2  # "were said to have been killed"
        elif low in RAISING and j + 1 < stop and outcome_at(doc, j + 1, stop) is not None:
            j += 1  # "were reported killed", "are feared dead"
        elif tok.tag_ == "VBN" and j + 2 < stop and doc[j + 1].lower_ == "and" \
                and outcome_at(doc, j + 2, stop) is not None:
            j += 2  # "was shot and killed", "were abducted and killed"

        elif not strict and tok.tag_ == "VBN" and j + 1 < stop \
                and doc[j + 1].lower_ in ("with", "of"):
            j += 1  # "nine vehicles armed with machine guns", "two men suspected of theft"
        elif strict:
            return None
        elif low in LIST_GLUE or tok.pos_ in NP_POS or tok.text == "-" or tok.pos_ == "DET" \
                or tok.tag_ in ("VBN", "VBG") and j + 1 < stop \
                and doc[j + 1].pos_ in ("NOUN", "PROPN"):
            j += 1
        elif low == "of" and j + 1 < stop and doc[j + 1].lower_ not in ("whom", "which"):
            j += 1  # "200 sets of artillery", "of the Asian side"
        elif tok.pos_ == "ADP" and pp_skips < 2 and low not in ("by",):
            j, pp_skips = _skip_pp(doc, j, stop), pp_skips + 1
        else:
            return None
    return None


def _verb_goes_on(doc: Doc, j: int, stop: int) -> bool:
    """"abducted by four men and stabbed to death": after a noun, "and" with a verb of its
    own goes on with the clause's subject, not with the noun before it."""
    if doc[j].lower_ != "and" or j == 0 or j + 1 >= stop \
            or doc[j - 1].pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    word = outcome_at(doc, j + 1, stop)
    return word is not None and word.start == j + 1 and doc[j + 1].tag_ in ("VBD", "VBN")


_PART_MARKS = (("including",), ("among", "them"), ("among", "whom"))
_PART_PRONOUNS = frozenset({"them", "whom", "which"})


def _apposed_part(doc: Doc, j: int, stop: int) -> int | None:
    """Where ", 3 of them women," or ", including a major," ends: a subtotal set off by
    commas between a total and its verb; None when token j opens no such phrase."""
    if doc[j].text != "," and doc[j].lower_ != "including" or j + 2 >= stop:
        return None
    if doc[j].lower_ == "including":  # "two militants including their chief were killed"
        return next((k for k in range(j + 1, min(stop, j + 12)) if doc[k].pos_ == "AUX"), None)
    words = [t.lower_ for t in doc[j + 1:j + 3]]
    partitive = doc[j + 1].like_num and words[1] == "of" and j + 3 < stop \
        and doc[j + 3].lower_ in _PART_PRONOUNS
    marked = any(tuple(words[:len(m)]) == m for m in _PART_MARKS)
    if not (partitive or marked):
        return None
    for k in range(j + 2, min(stop, j + 16)):
        if doc[k].text == ",":
            return k + 1
        if doc[k].pos_ == "AUX" and marked:
            return k  # ", including wheeled armored vehicles had been destroyed"
        if doc[k].lower_ in CLAUSE_STOPS:
            return None
    return None


def _among_the(doc: Doc, j: int, stop: int) -> OutcomeWord | None:
    """"11 fighters were among the dead": membership in the dead or wounded."""
    if doc[j].lower_ != "among" or j + 2 >= stop or doc[j + 1].lower_ != "the":
        return None
    for k in range(j + 2, min(stop, j + 5)):  # "among the (people) killed"
        word = outcome_at(doc, k, min(stop, k + 2))
        if word is not None and word.personnel:
            return replace(word, role="adj")
        if doc[k].pos_ not in ("NOUN", "ADJ", "PROPN"):
            return None
    return None


def _after_parenthesis(doc: Doc, j: int, stop: int) -> int:
    k = j + 1
    while k < stop and doc[k].text != ")" and k - j < 12:
        k += 1
    return k + 1 if k < stop and doc[k].text == ")" else stop


def _passive_use(doc: Doc, word: OutcomeWord, np_end: int, stop: int) -> bool:
    """Is the outcome said of what comes before it? "were killed", "died", "12 dead",
    "12 civilians killed in ..." — but not "had destroyed X" or "injured 12 civilians"."""
    tok = verb_of(doc, word)
    if word.role == "adj" or tok.lemma_ in INTRANSITIVE:
        return True
    if word.end - word.start > 1 and doc[word.end - 1].pos_ not in ("ADP", "PART") \
            and tok.i == word.start:
        return True  # a verb with its object or complement: "lost their lives", "went missing"
    k = word.start - 1
    while k >= np_end and (doc[k].pos_ == "ADV" or doc[k].text in QUOTES
                           or doc[k].lower_ == "and" and doc[k - 1].tag_ == "VBN"
                           or doc[k].tag_ == "VBN" and doc[k + 1].lower_ == "and"
                           or doc[k].lower_ in RAISING):
        k -= 1  # "was shot and killed", "were reported killed"
    if k >= 0 and doc[k].lower_ in BE_FORMS and tok.tag_ == "VBN":
        return True
    if k < np_end and tok.tag_ in ("VBN", "VBD"):
        nxt = doc[word.end] if word.end < stop else None
        return nxt is None or nxt.pos_ not in ("DET", "NUM", "PRON", "NOUN", "PROPN") \
            or telegraphic(doc, word, stop)
    return False


def telegraphic(doc: Doc, word: OutcomeWord, stop: int) -> bool:
    """"1 killed 3 injured": a number before and a number with its own outcome after the
    verb. Each number has its word; the verb does not take the next number as its object."""
    k = word.end
    if word.start == 0 or not doc[word.start - 1].like_num or k + 1 >= stop \
            or not doc[k].like_num:
        return False
    after = outcome_at(doc, k + 1, stop)
    return after is not None and after.start == k + 1 and after.role in ("verb", "adj")


def to_death(doc: Doc, i: int, stop: int) -> bool:
    """Does "to death" or "dead" close the phrase ending before token i ("shot two men to
    death", "shot a man dead")?"""
    words = [t.lower_ for t in doc[i:min(stop, i + 2)]]
    return words[:2] == ["to", "death"] or words[:1] == ["dead"]


def resultative(doc: Doc, q: QuantityMention, np_end: int, start: int, stop: int):
    """"shot two men to death", "beat a man to death": the verb before the victims and the
    result after them make one killing."""
    k = q.start - 1
    if k < start or doc[k].pos_ != "VERB" or not to_death(doc, np_end, stop):
        return None
    return OutcomeWord(k, k + 1, "killed", None, "verb"), True, None


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
