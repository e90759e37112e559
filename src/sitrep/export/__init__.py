"""Exports of the ledger to the formats analysts load.

    jsonl.py    one report per line: the contract JSON with the document's source, URL, origin
    acled.py    merged events as ACLED-style CSV rows (fatalities coded conservatively)
    plover.py   merged events as PLOVER records, validated against plover.schema.json
    parquet.py  ledger claims with their sources (schema: CLAIMS_SCHEMA)
"""

from __future__ import annotations

FORMATS = ("jsonl", "acled-csv", "plover-jsonl", "parquet")


def export(store, fmt: str, path, *, days: int | None = None, km: float | None = None) -> int:
    """Write the ledger to ``path`` in ``fmt``; returns the number of records written."""
    from ..ledger.events import DAYS, KM, merged_events

    if fmt == "jsonl":
        from .jsonl import write_reports

        return write_reports(store, path)
    if fmt == "parquet":
        from .parquet import write_claims

        return write_claims(store, path)
    events = merged_events(store, days=DAYS if days is None else days, km=KM if km is None else km)
    if fmt == "acled-csv":
        from .acled import write_csv

        return write_csv(events, _actor_names(store), path)
    from .plover import write_records

    return write_records(events, path)


def _actor_names(store) -> dict[str, str]:
    from sqlalchemy import select

    from ..store import schema as s

    return {r["code"]: r["name"] for r in store.fetch(select(s.actors))}
