"""Doubt the report itself casts on its figures: denials and figures nobody could verify.

- **Denials.** "The ministry denied losing the aircraft", "X called the figures groundless":
  a party that denies disputes the other claimants' figures of its own losses. Each such
  claim gets a ``disputed_by`` entry naming the denier and the words of the denial; a
  denial never becomes a claim of its own.
- **Unverified.** "This could not be independently verified", "AFP could not immediately
  confirm": an ``unverified`` flag on the figures of that sentence, or of the sentences just
  before it when it has none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..records import Claim, Dispute, Flag, Span

DENIAL = re.compile(r"\b(?:den(?:y|ied|ies|ying|ial)|dismiss(?:ed|es)?|refut(?:e|ed|es)|"
                    r"reject(?:ed|s)?|groundless|baseless|untrue|not\s+true|"
                    r"(?:is|are|as)\s+false|disinformation|"
                    r"does\s+not\s+reflect\s+(?:the\s+)?reality)\b", re.I)
UNVERIFIED = re.compile(r"\b(?:could|can|was|were)\s*(?:not|n't)\s+(?:be\s+)?(?:immediately\s+|"
                        r"independently\s+)*(?:verif(?:y|ied)|confirm(?:ed)?)\b|"
                        r"\bunverified\b|\bimpossible\s+to\s+(?:verify|confirm)\b", re.I)
LOOK_BACK = 2  # sentences before an "unverified" remark whose figures it concerns


def disputes(claims: list[Claim], text: str, sentences: list[tuple[int, int]],
             speakers: dict[int, object]) -> list[Claim]:
    """``claims`` with the denials that concern them; ``speakers`` maps a sentence index to
    the source speaking there (a Source with a ``claimant``)."""
    out = list(claims)
    for k, (start, end) in enumerate(sentences):
        match = DENIAL.search(text, start, end)
        source = speakers.get(k)
        denier = source.claimant.actor if source is not None else None
        if match is None or denier is None:
            continue
        entry = Dispute(denier, source.claimant.name, Span.of(text, start, end))
        for i, claim in enumerate(out):
            if claim.subject.actor == denier and claim.claimant.actor not in (denier, None) \
                    and not (start <= claim.evidence.start < end):
                out[i] = replace(claim, disputed_by=(*claim.disputed_by, entry))
    return out


def unverified(claims: list[Claim], text: str, sentences: list[tuple[int, int]]
               ) -> list[Flag]:
    """One ``unverified`` flag per remark, naming the figures it concerns."""
    flags = []
    starts = [s for s, _e in sentences]
    for k, (start, end) in enumerate(sentences):
        match = UNVERIFIED.search(text, start, end)
        if match is None:
            continue
        concerned = _claims_in(claims, starts, k, k)
        back = k
        while not concerned and back > 0 and k - back < LOOK_BACK:
            back -= 1
            concerned = _claims_in(claims, starts, back, back)
        if concerned:
            flags.append(Flag("unverified", "the report says these figures could not be "
                              "verified: " + ", ".join(c.id for c in concerned),
                              (Span.of(text, match.start(), match.end()),
                               *(c.evidence for c in concerned)),
                              tuple(c.id for c in concerned)))
    return flags


def _claims_in(claims: list[Claim], starts: list[int], first: int, last: int) -> list[Claim]:
    return [c for c in claims
            if first <= bisect.bisect_right(starts, c.evidence.start) - 1 <= last]
