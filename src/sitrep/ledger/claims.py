"""Ledger claims: each claim once, with every report that carries it as a source.

    claims = ledger_claims(store, Filters(claimant="AZE", outcome="killed"))

The grouping itself is made at ingest (``identity.py`` gives each stored claim the id of
its ledger claim); here the rows are read back and gathered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from ..store import Store
from ..store import schema as s
from .records import Figure, LedgerClaim, Source


@dataclass(frozen=True)
class Filters:
    """What to keep; None keeps everything. ``claimant`` matches a code or a name."""

    claimant: str | None = None
    subject: str | None = None
    outcome: str | None = None
    item: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def ledger_claims(store: Store, filters: Filters = Filters()) -> list[LedgerClaim]:
    """Ledger claims in date order (then claimant, subject, outcome, item, figure)."""
    lc, c, d = s.ledger_claims.c, s.claims.c, s.documents.c
    query = (select(lc, c.document_id, c.evidence_start, c.evidence_end, c.evidence_text,
                    c.claimant_name, c.period_start, c.period_end, d.published, d.title,
                    d.source, d.url)
             .join(s.claims, c.ledger_claim_id == lc.id)
             .join(s.documents, d.id == c.document_id))
    for condition in _conditions(filters):
        query = query.where(condition)
    query = query.order_by(lc.id, c.document_id, c.ordinal)
    grouped: dict[str, list[dict]] = {}
    for row in store.fetch(query):
        grouped.setdefault(row["id"], []).append(row)
    claims = [_claim(rows) for rows in grouped.values()]
    return sorted(claims, key=_order)


def _conditions(f: Filters) -> list:
    lc, c = s.ledger_claims.c, s.claims.c
    out = []
    if f.claimant:
        out.append(or_(lc.claimant == f.claimant.upper(), lc.claimant == f.claimant.lower(),
                       func.lower(c.claimant_name).contains(f.claimant.lower())))
    if f.subject:
        out.append(lc.subject_actor == f.subject.upper())
    if f.outcome:
        out.append(lc.outcome == f.outcome)
    if f.item:
        out.append(lc.item == f.item)
    if f.since:
        out.append(lc.stated_on >= f.since)
    if f.until:
        out.append(lc.stated_on <= f.until)
    return out


def _claim(rows: list[dict]) -> LedgerClaim:
    first = rows[0]
    return LedgerClaim(
        id=first["id"], claimant=first["claimant"],
        claimant_name=next((r["claimant_name"] for r in rows if r["claimant_name"]), None),
        subject_actor=first["subject_actor"], subject_kind=first["subject_kind"],
        outcome=first["outcome"], item=first["item"],
        figure=Figure(first["value"], first["qualifier"], first["low"], first["high"],
                      first["vague"]),
        stated_on=iso(first["stated_on"]),
        period_start=iso(min((r["period_start"] for r in rows if r["period_start"]),
                             default=None)),
        period_end=iso(max((r["period_end"] for r in rows if r["period_end"]), default=None)),
        sources=tuple(Source(r["document_id"], r["evidence_start"], r["evidence_end"],
                             r["evidence_text"], iso(r["published"]), r["title"], r["source"],
                             r["url"], r["claimant_name"]) for r in rows),
    )


def _order(claim: LedgerClaim) -> tuple:
    return (claim.date or "9999", claim.claimant or "", claim.subject_actor or "",
            claim.outcome, claim.item, claim.figure.value or 0, claim.id)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
