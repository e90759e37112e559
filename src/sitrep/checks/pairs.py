"""Claims set against each other: one source contradicting itself, and the two sides'
figures for the same losses side by side.

- ``contradicting_claims``: the same claimant gives figures that cannot all be true for
  the same subject, outcome, item and time (neither a subtotal of the other).
- ``claim_pairs``: for each subject, outcome and item, the claims others make about it
  beside the subject's own — the "they say 2,300, we say 300" view a fact-checker wants.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Claim, Flag
from .numbers import highest, lowest


def contradicting_claims(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per set of claims about the same losses (same claimant, subject, outcome,
    item and time; subtotals left to ``number_conflicts``) whose figures cannot all be
    true: its evidence is every figure that some other one contradicts. Linear in the
    claims, so a long report's flags grow with it, not with its pairs of claims."""
    groups: dict[tuple, list[Claim]] = {}
    for claim in claims:
        if claim.claimant.actor is not None:
            groups.setdefault(_same_losses(claim), []).append(claim)
    flags = []
    for group in groups.values():
        ids = {c.id for c in group}
        group = [c for c in group if c.parent not in ids]  # a subtotal may be smaller
        clashing = _contradicted(group)
        if clashing:
            a = clashing[0]
            flags.append(Flag(
                "contradicting_claims",
                f"{a.claimant.name or a.claimant.actor} gives {_texts(clashing)} "
                f"{a.outcome.replace('_', ' ')} ({a.item.replace('_', ' ')}) for the same "
                "losses", tuple(c.evidence for c in clashing), tuple(c.id for c in clashing)))
    return flags


def _same_losses(claim: Claim) -> tuple:
    return (claim.claimant.actor, claim.subject.actor, claim.subject.kind, claim.outcome,
            claim.item, claim.period, claim.event_date, claim.stated_on, claim.place)


def _contradicted(group: list[Claim]) -> list[Claim]:
    """The claims whose figure some other claim of the group rules out ("300" and "350"
    do not both hold; "more than 100" and "120" do): those lying wholly above the
    lowest ceiling of the others, or below the highest floor of the others."""
    if len(group) < 2:
        return []
    floors = sorted(((lowest(c), i) for i, c in enumerate(group)), reverse=True)[:2]
    ceilings = sorted((highest(c), i) for i, c in enumerate(group))[:2]

    def other(best: list[tuple], i: int):
        return best[1][0] if best[0][1] == i else best[0][0]

    return [c for i, c in enumerate(group)
            if lowest(c) > other(ceilings, i) or highest(c) < other(floors, i)]


def claim_pairs(claims: Iterable[Claim]) -> list[dict]:
    """Per (subject, outcome, item): the other sides' claim ids and the subject's own."""
    groups: dict[tuple, dict] = {}
    for claim in claims:
        subject, claimant = claim.subject.actor, claim.claimant.actor
        if subject is None or claimant is None or claim.parent:
            continue
        key = (subject, claim.outcome, claim.item)
        group = groups.setdefault(key, {"subject": subject, "outcome": claim.outcome,
                                        "item": claim.item, "by_others": [], "by_self": []})
        group["by_self" if claimant == subject else "by_others"].append(
            {"claim": claim.id, "claimant": claimant, "value": claim.quantity.value,
             "qualifier": claim.quantity.qualifier})
    return [g for g in groups.values() if g["by_others"]]


def _texts(claims: list[Claim]) -> str:
    values = list(dict.fromkeys(
        f"{c.quantity.low}-{c.quantity.high}" if c.quantity.qualifier == "range"
        else str(c.quantity.value) for c in claims))
    return " and ".join(values) if len(values) <= 3 else f"{', '.join(values[:3])}, ..."
