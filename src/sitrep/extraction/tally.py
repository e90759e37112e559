"""How many were killed, as a conflict-data coder counts a report's claims.

ACLED codes the most conservative figure among competing reports of the same losses, and
sums the losses of the different sides. So: each claimant's figures are summed over the
different losses it reports ("5 FC personnel and 1 officer were killed": 6), then for each
side whose dead are counted the lowest claimant's sum is taken (the ministry's 10 against
the militants' 15: 10), and the sides are summed. Subtotals ("including 2 children") are
inside their totals and not counted again; a vague count ("dozens") counts what coders
assign it (12); a range counts its low end. A bare tally the report gives of all its dead
("3 fatalities.") is that count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..records import Claim
from .repeats import is_tally


def fatalities(claims: Iterable[Claim]) -> int:
    """The conservative death toll of a report's claims."""
    by_claimant: dict[tuple, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    tallies = []
    for claim in claims:
        if claim.outcome != "killed" or claim.item != "personnel" or claim.parent:
            continue
        value = _low(claim)
        if value is None or claim.background:
            continue
        if is_tally(claim):  # "3 fatalities.": the report's own count of all its dead
            tallies.append(value)
            continue
        who = (claim.claimant.actor, claim.claimant.name)
        by_claimant[who][claim.subject.actor] += value
    lowest: dict[str | None, int] = {}
    for counts in by_claimant.values():
        for side, value in counts.items():
            lowest[side] = min(value, lowest.get(side, value))
    return max(tallies) if tallies else sum(lowest.values())


def _low(claim: Claim) -> int | None:
    q = claim.quantity
    if claim.vague:
        return claim.coded_value  # "dozens were killed": what coders count it as
    return q.low if q.qualifier == "range" else q.value
