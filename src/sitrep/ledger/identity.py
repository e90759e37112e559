"""When two claims are the same claim: the identity of a ledger claim.

The same figure carried by several reports is one ledger claim with every report as its
source when these agree: the claimant (its actor code, else its name), the subject (actor
and kind), outcome, item, the figure (value, qualifier, range, or the vague words) and the
day the statement was made. Two rules keep different claims apart:

- figures of different claimants are never one claim: a claim whose claimant is unknown
  (no code and no name) is never merged with another report's claim, since its unnamed
  source may be anyone;
- a claim without a statement day is not merged across reports either: the same figure
  stated on different days is a new statement, and the day cannot be told.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

_FIELDS = ("subject_actor", "subject_kind", "outcome", "item", "value", "qualifier", "low",
           "high", "vague", "stated_on")


def claimant_key(claim: dict) -> str | None:
    """Who asserts a claim, for merging: the actor code, else the name in lower case."""
    if claim.get("claimant_actor"):
        return claim["claimant_actor"]
    name = claim.get("claimant_name")
    return " ".join(name.lower().split()) if name else None


def claim_identity(claim: dict) -> dict:
    """The ledger claim row a claim row belongs to (its id a hash of its identity)."""
    claimant = claimant_key(claim)
    row = {"claimant": claimant, **{f: claim.get(f) for f in _FIELDS}}
    scope = None if claimant and claim.get("stated_on") else claim["document_id"]
    key = json.dumps([row[k] if not isinstance(row[k], dt.date) else row[k].isoformat()
                      for k in row] + [scope], separators=(",", ":"))
    return {"id": hashlib.sha256(key.encode("utf-8")).hexdigest()[:32], **row}
