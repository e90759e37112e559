"""Compare two parties: what each says about the other's losses beside what the other
admits, by date, with everyone else's figures in their own columns.

    compare(claims, "ARM", "AZE", kind_of=lexicon.kind_of)

For the losses of B: ``claimed`` holds A's figures, ``admitted`` B's own, ``independent``
those of organisations (UN, NGOs, monitors) and of reports that name no claimant (media
counts), ``others`` those of third states and armed groups. Then the same for A's losses.
Every figure stays its claimant's: nothing is merged or averaged across claimants.
"""

from __future__ import annotations

from collections.abc import Callable

from .records import CompareRow, Comparison, LedgerClaim, Side, Stated

# Actor kinds (actors lexicon) whose figures count as independent of the two parties.
INDEPENDENT_KINDS = frozenset({"organisation"})


def compare(claims: list[LedgerClaim], a: str, b: str,
            kind_of: Callable[[str | None], str | None] = lambda _code: None) -> Comparison:
    a, b = a.upper(), b.upper()
    return Comparison(a, b, (_side(claims, b, a, kind_of), _side(claims, a, b, kind_of)))


def _side(claims: list[LedgerClaim], losing: str, other: str, kind_of) -> Side:
    rows: dict[tuple, dict[str, list[Stated]]] = {}
    for claim in claims:
        if claim.subject_actor != losing:
            continue
        column = _column(claim.claimant, losing, other, kind_of)
        key = (claim.date, claim.outcome, claim.item)
        cell = rows.setdefault(key, {"claimed": [], "admitted": [], "independent": [],
                                     "others": []})
        cell[column].append(Stated(claim.claimant, claim.claimant_name, claim.figure,
                                   claim.id, len(claim.sources)))
    ordered = sorted(rows.items(), key=lambda kv: (kv[0][0] or "9999", kv[0][1], kv[0][2]))
    return Side(losing, other, tuple(
        CompareRow(date, outcome, item, *(tuple(cells[c]) for c in
                                          ("claimed", "admitted", "independent", "others")))
        for (date, outcome, item), cells in ordered))


def _column(claimant: str | None, losing: str, other: str, kind_of) -> str:
    if claimant == losing:
        return "admitted"
    if claimant == other:
        return "claimed"
    if claimant is None or not claimant.isupper() or kind_of(claimant) in INDEPENDENT_KINDS:
        return "independent"
    return "others"
