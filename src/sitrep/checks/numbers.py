"""Checks on the figures of one report: a part larger than its whole.

- a subtotal ("of whom 180 were killed") above its total;
- killed (or wounded) counts above the same claimant's killed-or-wounded count for the same
  subject, item and statement date: one flag per such count, with every figure involved.

Each flag's ``evidence`` holds the spans of the figures it sets against each other; its
``refs`` the claim ids. Both checks are linear in the number of claims.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Claim, Flag, Span


def number_conflicts(claims: Iterable[Claim]) -> list[Flag]:
    claims = list(claims)
    by_id = {c.id: c for c in claims}
    flags = []
    for claim in claims:
        total = by_id.get(claim.parent) if claim.parent else None
        if total and lowest(claim) > highest(total):
            flags.append(Flag(
                "number_conflict",
                f"{claim.quantity.value} is given as part of {total.quantity.value}, "
                "but is larger than it",
                (figure_span(claim), figure_span(total)), (claim.id, total.id)))
    flags.extend(_killed_above_casualties(claims))
    return flags


def _killed_above_casualties(claims: list[Claim]) -> list[Flag]:
    """Per count (claimant, subject, item, date) and outcome: the killed (or wounded)
    figures above the smallest killed-or-wounded figure, and the ones they exceed."""
    wholes: dict[tuple, list[Claim]] = {}
    for claim in claims:
        if claim.outcome == "killed_or_wounded":
            wholes.setdefault(_count_key(claim), []).append(claim)
    parts: dict[tuple, list[Claim]] = {}
    for claim in claims:
        if claim.outcome in ("killed", "wounded") and _count_key(claim) in wholes:
            parts.setdefault((*_count_key(claim), claim.outcome), []).append(claim)
    flags = []
    for (*key, outcome), group in parts.items():
        smallest = min(highest(w) for w in wholes[tuple(key)])
        above = [p for p in group if lowest(p) > smallest]
        if not above:
            continue
        top = max(lowest(p) for p in above)
        exceeded = [w for w in wholes[tuple(key)] if highest(w) < top]
        flags.append(Flag(
            "number_conflict",
            f"{_values(above)} {outcome} is more than the {_values(exceeded)} killed or "
            "wounded the same source gives",
            tuple(figure_span(c) for c in above + exceeded),
            tuple(c.id for c in above + exceeded)))
    return flags


def _count_key(claim: Claim) -> tuple:
    return (claim.claimant.actor, claim.claimant.name, claim.subject.actor, claim.item,
            claim.stated_on, claim.period)


def _values(claims: list[Claim]) -> str:
    values = list(dict.fromkeys(str(c.quantity.value) for c in claims))
    return " and ".join(values) if len(values) <= 3 else f"{', '.join(values[:3])}, ..."


def figure_span(claim: Claim) -> Span:
    """The words of a claim's figure (its whole evidence when they are not known)."""
    return claim.quantity.span or claim.evidence


def lowest(claim: Claim) -> int:
    q = claim.quantity
    return q.low if q.qualifier == "range" and q.low is not None else (q.value or 0)


def highest(claim: Claim) -> float:
    q = claim.quantity
    if q.qualifier in ("more_than", "at_least"):
        return float("inf")
    return q.high if q.qualifier == "range" and q.high is not None else (q.value or 0)
