"""One figure, one claim: the same figure stated again is a mention, not a new claim.

Wire copy repeats its main figure in the headline, the lede and a quote. Two claims are
one when they count the same losses (subject, item, value) with the same outcome, and
either the same claimant states them or one of them is the headline's, which names no
source of its own ("Ukraine Loses Over 250 Soldiers - MoD" over "the ministry said the
Ukrainian forces have lost more than 250 soldiers"). In the body, a single loss ("a man
was killed") and figures dated to different days are different losses, unless one is a
bare tally summing up the other ("A man was shot dead ... 1 fatality."). The kept claim is
the first one in the body; every other statement of the figure is in its ``mentions``.
A lede's figure whose source names no side is the same as the same figure of a named
source in the body ("..., officials said" in the lede, "an army officer said" below);
figures of different named claimants are never merged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Claim

# a headline's loss word is looser than the body's: "loses 250 soldiers", "250 casualties"
_HEADLINE_OUTCOMES = frozenset({"killed", "killed_or_wounded"})


def merge_repeats(claims: list[Claim], title_end: int = 0, lede_end: int = 0) -> list[Claim]:
    """``claims`` with repeated figures folded into the first body claim stating them;
    ids are renumbered in order and subtotals point at their total's new id. The lede
    (text before ``lede_end``) sums up the body: its unattributed figures are the body's."""
    kept: list[Claim] = []
    merged_into: dict[str, Claim] = {}
    ordered = sorted(claims, key=lambda c: (c.evidence.start < title_end, c.evidence.start))
    for claim in ordered:
        same = next((k for k in kept if _same_figure(k, claim, title_end, lede_end)), None)
        if same is None:
            kept.append(claim)
            continue
        index = kept.index(same)
        if same.claimant.actor is None and claim.claimant.actor is not None:
            # "..., officials said" in the lede, "Military officer X said" in the body: the
            # figure is the one whose source the report names
            kept[index] = replace(claim, mentions=(*claim.mentions, same.evidence,
                                                   *same.mentions))
            merged_into[same.id] = kept[index]
        else:
            kept[index] = replace(same, mentions=(*same.mentions, claim.evidence))
            merged_into[claim.id] = kept[index]
    kept.sort(key=lambda c: c.evidence.start)
    return _renumber(kept, {old: new.id for old, new in merged_into.items()})


def _same_figure(a: Claim, b: Claim, title_end: int, lede_end: int = 0) -> bool:
    if (a.item, a.quantity.value, a.quantity.low, a.quantity.high) != (
            b.item, b.quantity.value, b.quantity.low, b.quantity.high):
        return False
    if a.quantity.value is None and a.quantity.low is None:
        return False  # vague counts ("dozens") are not figures to compare
    if a.parent and b.parent or a.subject.actor != b.subject.actor and not (
            is_tally(a) or is_tally(b)):  # "1 fatality." names no side of its own
        return False
    headline = b.evidence.start < title_end
    if a.outcome != b.outcome and not (
            headline and {a.outcome, b.outcome} <= _HEADLINE_OUTCOMES):
        return False
    if headline:
        return True
    if a.quantity.value == 1 and not (is_tally(a) or is_tally(b)) or _differ(a.event_date,
                                                                       b.event_date):
        return False  # "a man was killed" here, "a woman" there: two losses
    if a.claimant.actor is None or b.claimant.actor is None:
        lede = min(a.evidence.start, b.evidence.start) < lede_end
        return a.claimant.name == b.claimant.name or lede and a.claimant.actor != b.claimant.actor
    return a.claimant.actor == b.claimant.actor


_TALLY = re.compile(r"^\W*(?:\d+|one|a|an)\s+(?:fatalit(?:y|ies)|deaths?|dead|killed|"
                    r"injur(?:y|ies|ed)|wounded|casualt(?:y|ies))\W*$", re.I)


def is_tally(claim: Claim) -> bool:
    """A bare count that sums up what the text has told ("1 fatality.", "2 dead")."""
    return bool(_TALLY.match(claim.evidence.text))


def _differ(a, b) -> bool:
    return a is not None and b is not None and a != b


def _renumber(claims: list[Claim], merged: dict[str, str]) -> list[Claim]:
    new_ids = {c.id: f"C{i}" for i, c in enumerate(claims, 1)}
    for old, into in merged.items():
        new_ids[old] = new_ids.get(into, into)
    return [replace(c, id=new_ids[c.id],
                    parent=new_ids.get(c.parent, c.parent) if c.parent else None)
            for c in claims]
