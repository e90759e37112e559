"""JSON Lines export: one stored report per line, as ``sitrep extract --format jsonl``
prints it, its ``document`` carrying also ``source``, ``url``, ``origin``, ``language``."""

from __future__ import annotations

import json

from sqlalchemy import select

from ..store import schema as s


def write_reports(store, path) -> int:
    d = s.documents.c
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for row in store.fetch(select(d.report, d.source, d.url, d.origin, d.language)
                               .order_by(d.published, d.id)):
            report = dict(row["report"])
            report["document"] = {**(report.get("document") or {}), "source": row["source"],
                                  "url": row["url"], "origin": row["origin"],
                                  "language": row["language"]}
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
            count += 1
    return count
