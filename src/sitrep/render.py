"""Human-readable rendering of a Report: the claims table grouped by claimant."""

from __future__ import annotations

import io
from collections import OrderedDict

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
    if q.value is None:  # a count in words ("dozens"): the words say it
        return getattr(claim, "vague", None) or "?"
    return f"{_QUALIFIER.get(q.qualifier, '')}{q.value:,}"


def claimant_text(claim: Claim) -> str:
    c = claim.claimant
    if c.name is None and c.actor is None:
        return "(no source given)"
    name = c.name or ""
    if c.person:
        name = f"{name} ({c.person})" if name else c.person
    code = f"[{c.actor}] " if c.actor else ""
    return f"{code}{name}".strip()


def _table(report: Report, source: str | None = None) -> Table:
    doc = report.document
    title = doc.title or "(untitled report)"
    # report text goes in as Text, never as markup: "[/b]" in a report is words
    table = Table(title=Text(f"{title} — {doc.published or 'date unknown'}"),
                  show_lines=False, expand=False,
                  caption=Text(source) if source else None, caption_justify="left")
    for header in ("claimant", "about", "outcome", "what", "how many", "stated", "period",
                   "when", "evidence"):
        table.add_column(header, overflow="fold")
    groups: OrderedDict[str, list[Claim]] = OrderedDict()
    for claim in report.claims:
        groups.setdefault(claimant_text(claim), []).append(claim)
    for name, claims in groups.items():
        for k, claim in enumerate(claims):
            period = claim.period
            table.add_row(*(Text(cell) for cell in (
                name if k == 0 else "",
                _subject_text(claim),
                claim.outcome.replace("_", " "),
                claim.item.replace("_", " "),
                quantity_text(claim),
                claim.stated_on or "",
                f"{period.start or '?'} → {period.end or '?'}" if period else "",
                claim.event_date or "",
                _short(claim.evidence.text),
            )))
        table.add_section()
    return table


def _subject_text(claim: Claim) -> str:
    s = claim.subject
    who = s.actor or "?"
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


def table_text(report: Report, width: int = 160, source: str | None = None) -> str:
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
