"""Parquet export of the ledger claims, one row per ledger claim with its sources nested.

``CLAIMS_SCHEMA`` is the file's schema (documented in docs/LEDGER.md): the claim's identity
(claimant, subject, outcome, item, figure, statement day), its period, and ``sources``, a
list of (document_id, start, end, text, published, title, source, url, claimant_name).
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from ..ledger.claims import ledger_claims
from ..ledger.records import LedgerClaim

SOURCE = pa.struct([
    ("document_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("text", pa.string()), ("published", pa.date32()), ("title", pa.string()),
    ("source", pa.string()), ("url", pa.string()), ("claimant_name", pa.string()),
])
CLAIMS_SCHEMA = pa.schema([
    ("id", pa.string()), ("claimant", pa.string()), ("claimant_name", pa.string()),
    ("subject_actor", pa.string()), ("subject_kind", pa.string()), ("outcome", pa.string()),
    ("item", pa.string()), ("value", pa.int64()), ("qualifier", pa.string()),
    ("low", pa.int64()), ("high", pa.int64()), ("vague", pa.string()),
    ("stated_on", pa.date32()), ("period_start", pa.date32()), ("period_end", pa.date32()),
    ("sources", pa.list_(SOURCE)),
])


def claim_row(c: LedgerClaim) -> dict:
    f = c.figure
    return {
        "id": c.id, "claimant": c.claimant, "claimant_name": c.claimant_name,
        "subject_actor": c.subject_actor, "subject_kind": c.subject_kind,
        "outcome": c.outcome, "item": c.item, "value": f.value, "qualifier": f.qualifier,
        "low": f.low, "high": f.high, "vague": f.vague, "stated_on": _date(c.stated_on),
        "period_start": _date(c.period_start), "period_end": _date(c.period_end),
        "sources": [{**s.to_dict(), "published": _date(s.published)} for s in c.sources],
    }


def table(claims: list[LedgerClaim]) -> pa.Table:
    return pa.Table.from_pylist([claim_row(c) for c in claims], schema=CLAIMS_SCHEMA)


def write_claims(store, path) -> int:
    import pyarrow.parquet as pq

    claims = ledger_claims(store)
    pq.write_table(table(claims), path)
    return len(claims)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
