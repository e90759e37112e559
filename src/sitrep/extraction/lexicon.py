"""The claim lexicons (data/items.tsv, data/outcomes.tsv) and matching them on tokens.

Phrases are matched on lower-case lemmas or lower-case text, so "Posts", "posts" and
"post" all match "post"; the longest phrase starting at a token wins.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..datafiles import tsv_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class ItemMatch:
    start: int  # token indices
    end: int
    item: str
    kind: str
    cls: str | None = None  # the finer class (CONTRACT.md item_class): "mlrs", "artillery"
    model: bool = False  # a weapon model ("Pantsir", "FH-70"), kept as the claim's detail


@dataclass(frozen=True)
class ItemEntry:
    item: str
    kind: str
    cls: str | None
    model: bool


@dataclass(frozen=True)
class OutcomeWord:
    start: int
    end: int
    personnel: str | None
    equipment: str | None
    role: str  # "verb", "adj" or "noun"

    def for_item(self, item: str) -> str | None:
        return self.personnel if item == "personnel" else self.equipment

    @property
    def people_only(self) -> bool:
        """Said only of people ("killed", "wounded"), never of things ("destroyed")."""
        return self.equipment is None and self.personnel is not None


def _key(phrase: str) -> tuple[str, ...]:
    # the tokenizer splits hyphenated words ("self-propelled"), so the keys do too
    return tuple(phrase.replace("-", " - ").split())


def _model_key(model: str) -> tuple[str, ...]:
    # the tokenizer splits a hyphen before a letter ("Iskander-M") but keeps "FH-70" whole
    return tuple(re.sub(r"-(?=[A-Za-z])", " - ", model).lower().split())


@functools.lru_cache(maxsize=1)
def items() -> dict[tuple[str, ...], ItemEntry]:
    """Kinds of things counted (items.tsv) and weapon models (weapon_models.tsv)."""
    table = {_model_key(r["model"]):
             ItemEntry(r["item"], "military", r["class"] or None, True)
             for r in tsv_rows("weapon_models.tsv")}
    table.update({_key(r["phrase"]): ItemEntry(r["item"], r["kind"], r["class"] or None, False)
                  for r in tsv_rows("items.tsv")})
    return table


@functools.lru_cache(maxsize=1)
def outcomes() -> dict[tuple[str, ...], tuple[str | None, str | None, str]]:
    def opt(value: str) -> str | None:
        return None if value == "-" else value

    return {
        _key(r["phrase"]): (opt(r["personnel"]), opt(r["equipment"]), r["role"])
        for r in tsv_rows("outcomes.tsv")
    }


@functools.lru_cache(maxsize=1)
def _longest(table_name: str) -> int:
    table = items() if table_name == "items" else outcomes()
    return max(len(k) for k in table)


def forms(token: Token) -> tuple[str, ...]:
    """The lower-case keys a token can match: its text, its lemma, a naive singular."""
    low = token.lower_
    lemma = token.lemma_.lower() if token.lemma_ else low
    keys = [lemma, low]
    if low.endswith("ies") and len(low) > 4:
        keys.append(low[:-3] + "y")
    elif low.endswith("s") and len(low) > 3:
        keys.append(low[:-1])
    elif low.endswith("ed") and len(low) > 4:
        # participles the tagger calls adjectives keep no verb lemma: "seized", "injured"
        keys.extend((low[:-1], low[:-2]))
    return tuple(dict.fromkeys(keys))


def _match(doc: Doc, i: int, stop: int, table: dict, longest: int) -> tuple[int, tuple] | None:
    """Longest phrase of ``table`` starting at token i and ending before ``stop``; among
    equally long ones, the reading that fits the first token's part of speech."""
    best = None
    paths: list[tuple[str, ...]] = [()]
    for j in range(i, min(stop, i + longest)):
        paths = [p + (f,) for p in paths for f in forms(doc[j])][:16]
        found = [table[p] for p in dict.fromkeys(paths) if p in table]
        if found:
            best = (j + 1, _fitting(found, doc[i].pos_))
    return best


_ROLE_OF_POS = {"VERB": "verb", "AUX": "verb", "ADJ": "adj", "NOUN": "noun", "PROPN": "noun"}


def _fitting(found: list, pos: str):
    """Of several readings of a phrase, the one whose role fits the part of speech: the
    verb "killed" or the adjective "dead" (outcomes); items have one reading each."""
    role = _ROLE_OF_POS.get(pos)
    for entry in found:
        if isinstance(entry, tuple) and entry[-1] == role:
            return entry
    return found[0]


def item_at(doc: Doc, i: int, stop: int) -> ItemMatch | None:
    found = _match(doc, i, stop, items(), _longest("items"))
    if found is None:
        return None
    end, entry = found
    return ItemMatch(i, end, entry.item, entry.kind, entry.cls, entry.model)


def describe(doc: Doc, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The finer class of what the tokens ``start:end`` count, and the tokens of the weapon
    model they name: "two FH-70 howitzers" -> ("artillery", FH-70), "one Uragan" -> ("mlrs",
    Uragan)."""
    cls, model = None, None
    k = start
    while k < end:
        found = item_at(doc, k, end)
        if found is None:
            k += 1
            continue
        if found.model and model is None:
            model = (found.start, found.end)
        cls = found.cls or cls
        k = found.end
    return cls, model


def outcome_at(doc: Doc, i: int, stop: int) -> OutcomeWord | None:
    found = _match(doc, i, stop, outcomes(), _longest("outcomes"))
    if found is None:
        return None
    end, (personnel, equipment, role) = found
    return OutcomeWord(i, end, personnel, equipment, role)
