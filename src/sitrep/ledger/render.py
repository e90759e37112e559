"""The ledger's views as text: rich tables for a terminal, CSV and JSON for programs."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console
from rich.table import Table

from .records import Comparison, LedgerClaim, MergedEvent, Series, Stated


def to_json(records: list) -> str:
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2) + "\n"


def _text(table: Table) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=160, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _who(code: str | None, name: str | None) -> str:
    if code and code.isupper():
        return code
    return name or code or "(no source given)"


# ---- claims ---------------------------------------------------------------------------

CLAIM_COLUMNS = ("date", "claimant", "claimant_name", "subject", "subject_kind", "outcome",
                 "item", "figure", "value", "qualifier", "low", "high", "stated_on",
                 "period_start", "period_end", "sources", "documents", "evidence", "id")


def claims_table(claims: list[LedgerClaim]) -> str:
    table = Table(title=f"{len(claims)} ledger claims", show_lines=False)
    for header in ("date", "claimant", "about", "outcome", "what", "figure", "sources",
                   "evidence"):
        table.add_column(header, overflow="fold")
    for c in claims:
        table.add_row(c.date or "?", _who(c.claimant, c.claimant_name),
                      f"{c.subject_actor or '?'} {c.subject_kind or ''}".strip(),
                      c.outcome.replace("_", " "), c.item.replace("_", " "), c.figure.text(),
                      str(len(c.sources)), _short(c.sources[0].text if c.sources else ""))
    return _text(table)


def claims_csv(claims: list[LedgerClaim]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CLAIM_COLUMNS)
    for c in claims:
        f = c.figure
        writer.writerow([c.date, c.claimant, c.claimant_name, c.subject_actor, c.subject_kind,
                         c.outcome, c.item, f.text(), f.value, f.qualifier, f.low, f.high,
                         c.stated_on, c.period_start, c.period_end, len(c.sources),
                         ";".join(src.document_id for src in c.sources),
                         c.sources[0].text if c.sources else "", c.id])
    return buffer.getvalue()


# ---- series ---------------------------------------------------------------------------

def series_text(all_series: list[Series]) -> str:
    out = []
    for x in all_series:
        table = Table(title=f"{_who(x.claimant, x.claimant_name)} on {x.subject_actor or '?'}: "
                      f"{x.outcome.replace('_', ' ')}, {x.item.replace('_', ' ')}")
        for header in ("date", "figure", "total", "sources", "flag"):
            table.add_column(header)
        flagged = {f.claim: f for f in x.flags}
        for p in x.points:
            flag = flagged.get(p.claim)
            table.add_row(p.date or "?", p.figure.text(), "yes" if p.cumulative else "",
                          str(p.sources), f"{flag.kind}: {flag.message}" if flag else "")
        out.append(_text(table))
    return "".join(out) or "no series in the ledger\n"


# ---- compare --------------------------------------------------------------------------

def comparison_text(comparison: Comparison) -> str:
    out = []
    for side in comparison.sides:
        table = Table(title=f"Losses of {side.losses_of}")
        for header in ("date", "outcome", "what", f"{side.claimed_by} claims",
                       f"{side.losses_of} admits", "independent", "others"):
            table.add_column(header, overflow="fold")
        for row in side.rows:
            table.add_row(row.date or "?", row.outcome.replace("_", " "),
                          row.item.replace("_", " "), _cell(row.claimed, False),
                          _cell(row.admitted, False), _cell(row.independent, True),
                          _cell(row.others, True))
        if not side.rows:
            table.add_row("—", "", "", "", "", "", "")
        out.append(_text(table))
    return "".join(out)


def _cell(stated: tuple[Stated, ...], named: bool) -> str:
    parts = []
    for s in stated:
        who = f" ({_who(s.claimant, s.claimant_name)})" if named else ""
        many = f" ×{s.sources}" if s.sources > 1 else ""
        parts.append(f"{s.figure.text()}{who}{many}")
    return "\n".join(parts)


# ---- events ---------------------------------------------------------------------------

EVENT_COLUMNS = ("id", "date_start", "date_end", "type", "modes", "actors", "recipients",
                 "place", "lat", "lon", "acled_event_type", "acled_sub_event_type",
                 "sources", "documents", "figures")


def events_table(events: list[MergedEvent]) -> str:
    table = Table(title=f"{len(events)} merged events")
    for header in ("date", "type", "actors", "recipients", "place", "sources", "figures"):
        table.add_column(header, overflow="fold")
    for e in events:
        table.add_row(_dates(e), e.type + (f" ({', '.join(e.modes)})" if e.modes else ""),
                      ", ".join(e.actors), ", ".join(e.recipients),
                      e.place.name if e.place else "", str(len(e.sources)), _figures(e))
    return _text(table)


def events_csv(events: list[MergedEvent]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for e in events:
        writer.writerow([e.id, e.date_start, e.date_end, e.type, ";".join(e.modes),
                         ";".join(e.actors), ";".join(e.recipients),
                         e.place.name if e.place else "", e.place.lat if e.place else "",
                         e.place.lon if e.place else "", e.acled_event_type,
                         e.acled_sub_event_type, len(e.sources),
                         ";".join(dict.fromkeys(s.document_id for s in e.sources)),
                         _figures(e).replace("\n", "; ")])
    return buffer.getvalue()


def _dates(e: MergedEvent) -> str:
    if e.date_start and e.date_end and e.date_end != e.date_start:
        return f"{e.date_start} → {e.date_end}"
    return e.date_start or "?"


def _figures(e: MergedEvent) -> str:
    return "\n".join(f"{_who(f.claimant, f.claimant_name)}: {f.figure.text()} "
                     f"{f.outcome.replace('_', ' ')} ({f.item.replace('_', ' ')})"
                     for f in e.figures)
