"""Claims set against each other: one source contradicting itself, and the two sides'
figures for the same losses side by side.

- ``contradicting_claims``: the same claimant gives two figures that cannot both be true
  for the same subject, outcome, item and time (neither a subtotal of the other).
- ``claim_pairs``: for each subject, outcome and item, the claims others make about it
  beside the subject's own — the "they say 2,300, we say 300" view a fact-checker wants.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Claim, Flag
from .numbers import highest, lowest


def contradicting_claims(claims: Iterable[Claim]) -> list[Flag]:
    claims = list(claims)
    flags = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if _same_thing(a, b) and not _compatible(a, b):
                flags.append(Flag(
                    "contradicting_claims",
                    f"{a.claimant.name or a.claimant.actor} gives {_text(a)} and {_text(b)} "
                    f"{a.outcome.replace('_', ' ')} ({a.item.replace('_', ' ')}) for the "
                    "same losses", b.quantity.span, (a.id, b.id)))
    return flags


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


def _same_thing(a: Claim, b: Claim) -> bool:
    return (a.claimant.actor is not None and a.claimant.actor == b.claimant.actor
            and a.subject.actor == b.subject.actor and a.outcome == b.outcome
            and a.item == b.item and a.period == b.period and a.event_date == b.event_date
            and a.stated_on == b.stated_on and a.place == b.place
            and a.subject.kind == b.subject.kind
            and b.parent != a.id and a.parent != b.id)


def _compatible(a: Claim, b: Claim) -> bool:
    """Can both figures be true? ("more than 100" and "120" can)."""
    return lowest(a) <= highest(b) and lowest(b) <= highest(a)


def _text(claim: Claim) -> str:
    q = claim.quantity
    return f"{q.low}-{q.high}" if q.qualifier == "range" else str(q.value)
