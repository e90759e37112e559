"""Checks on the figures of one report: a part larger than its whole.

- a subtotal ("of whom 180 were killed") above its total;
- a killed count above the same claimant's killed-or-wounded count for the same subject,
  item and statement date.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Claim, Flag


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
                claim.quantity.span, (claim.id, total.id)))
    flags.extend(_killed_above_casualties(claims))
    return flags


def _killed_above_casualties(claims: list[Claim]) -> list[Flag]:
    flags = []
    for part in claims:
        if part.outcome not in ("killed", "wounded"):
            continue
        for whole in claims:
            if (whole.outcome == "killed_or_wounded" and _same_count(part, whole)
                    and lowest(part) > highest(whole)):
                flags.append(Flag(
                    "number_conflict",
                    f"{part.quantity.value} {part.outcome} is more than the "
                    f"{whole.quantity.value} killed or wounded the same source gives",
                    part.quantity.span, (part.id, whole.id)))
    return flags


def _same_count(a: Claim, b: Claim) -> bool:
    return (a.claimant.actor == b.claimant.actor and a.claimant.name == b.claimant.name
            and a.subject.actor == b.subject.actor and a.item == b.item
            and a.stated_on == b.stated_on and a.period == b.period)


def lowest(claim: Claim) -> int:
    q = claim.quantity
    return q.low if q.qualifier == "range" and q.low is not None else (q.value or 0)


def highest(claim: Claim) -> float:
    q = claim.quantity
    if q.qualifier in ("more_than", "at_least"):
        return float("inf")
    return q.high if q.qualifier == "range" and q.high is not None else (q.value or 0)
