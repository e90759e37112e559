"""Human-readable rendering of a Report: the claims table grouped by claimant."""

from __future__ import annotations

import io
from collections import OrderedDict

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import Claim, Report

_QUALIFIER = {"exact": "", "approx": "~", "at_least": "≥", "more_than": ">", "at_most": "≤",
              "less_than": "<"}


def quantity_text(claim: Claim) -> str:
    q = claim.quantity
    if q.qualifier == "range" and q.low is not None and q.high is not None:
        return f"{q.low:,}–{q.high:,}"
    if q.value is None:  # a vague count: its words, and what coders count it as
        coded = f" (={claim.coded_value:,})" if claim.coded_value is not None else ""
        return f"{claim.vague or '?'}{coded}"
    return f"{_QUALIFIER.get(q.qualifier, '')}{q.value:,}"


def claimant_text(claim: Claim) -> str:
    c = claim.claimant
    if c.actor is None:  # a name without a known side is no attribution to rely on
        return f"unknown ({c.name})" if c.name else "unknown (no source given)"
    name = c.name or ""
    if c.person and c.person not in name:
        name = f"{name} ({c.person})" if name else c.person
    return f"[{c.actor}] {name}".strip()


def _table(report: Report, source: str | None = None) -> Table:
    doc = report.document
    title = doc.title or "(untitled report)"
    # report text goes in as Text, never as markup: "[/b]" in a report is words
    table = Table(title=Text(f"{title} — {doc.published or 'date unknown'}"),
                  show_lines=False, expand=False, box=box.SIMPLE_HEAD, padding=(0, 1),
                  pad_edge=False, caption=Text(source) if source else None,
                  caption_justify="left")
    # widths for a 120-column terminal (each column also takes 2 for padding)
    for header, width in (("id", 3), ("of", 3), ("claimant", 14), ("about", 11),
                          ("outcome", 9), ("what", 10), ("count", 7), ("stated", 10),
                          ("when", 10), ("evidence", 14)):
        dates = header in ("stated", "when")
        table.add_column(header, overflow="fold", width=width + 2,
                         min_width=width + 2 if dates else None)
    groups: OrderedDict[str, list[Claim]] = OrderedDict()
    for claim in report.claims:
        groups.setdefault(claimant_text(claim), []).append(claim)
    for name, claims in groups.items():
        for k, claim in enumerate(claims):
            period = claim.period
            table.add_row(*(Text(cell) for cell in (
                claim.id,
                claim.parent or "",
                name if k == 0 else "",
                _subject_text(claim),
                claim.outcome.replace("_", " "),
                claim.item.replace("_", " "),
                quantity_text(claim),
                claim.stated_on or "",
                f"{period.start or '?'} →\n{period.end or '?'}" if period
                else claim.event_date or "",
                _short(claim.evidence.text) + (" (background)" if claim.background else ""),
            )))
        table.add_section()
    return table


def _subject_text(claim: Claim) -> str:
    s = claim.subject
    who = s.actor or "unknown"
    return who if s.kind == "unknown" else f"{who} {s.kind}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted(flag, limit: int = 5) -> str:
    """The words of a flag's evidence: ' — “July 27”, “the fourth day”, “the 27th”'."""
    quotes = [f"“{_short(span.text, 40)}”" for span in flag.evidence[:limit]]
    more = len(flag.evidence) - limit
    if more > 0:
        quotes.append(f"and {more} more")
    return f" — {', '.join(quotes)}" if quotes else ""


def table_text(report: Report, width: int = 120, source: str | None = None) -> str:
    """The claims table, then the flags; ``source``: the input's path, shown under it."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(_table(report, source))
    if report.flags:
        console.print("[bold]Flags[/]")
        for flag in report.flags:
            console.print(Text.assemble("  ", (flag.kind, "yellow"),
                                        f": {flag.message}{_quoted(flag)}"), highlight=False)
    if not report.claims:
        console.print("No loss figures found in this report.")
    return console.export_text()
