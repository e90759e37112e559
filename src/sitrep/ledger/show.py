"""``sitrep show``: a stored document's text with its extractions marked.

Each claim's evidence is wrapped as ``⟦C1 … ⟧`` and each event's as ``⟦E1 … ⟧`` where
the text says it; a list of what each mark holds follows the text.
"""

from __future__ import annotations

from typing import Any

OPEN, CLOSE = "⟦", "⟧"


def marked(document: dict) -> str:
    """The text with marks, then one line per mark."""
    text, report = document["text"], document["report"] or {}
    spans = _spans(report)
    inserts: list[tuple[int, int, str]] = []
    for label, start, end, _line in spans:
        inserts.append((start, 1, f"{OPEN}{label} "))
        inserts.append((end, 0, CLOSE))
    out, last = [], 0
    for offset, _order, mark in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(text[last:offset])
        out.append(mark)
        last = offset
    out.append(text[last:])
    head = (f"document {document['id']}\n"
            f"title: {document.get('title') or '-'}  published: "
            f"{document.get('published') or '-'}  origin: {document.get('origin')}\n\n")
    legend = "\n".join(f"{label}: {line}" for label, _s, _e, line in spans)
    return head + "".join(out).rstrip() + "\n\n" + legend + "\n"


def _spans(report: dict) -> list[tuple[str, int, int, str]]:
    out = []
    for n, claim in enumerate(_list(report.get("claims")), 1):
        ev = claim.get("evidence") or {}
        if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            out.append((claim.get("id") or f"C{n}", ev["start"], ev["end"], _claim_line(claim)))
    for n, event in enumerate(_list(report.get("events")), 1):
        ev = event.get("evidence") or {}
        if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            actors = ", ".join(a.get("actor") or "?" for a in _list(event.get("actors")))
            date = (event.get("date") or {}).get("start") or "?"
            out.append((event.get("id") or f"E{n}", ev["start"], ev["end"],
                        f"{event.get('type')} {actors} {date}"))
    return out


def _claim_line(claim: dict) -> str:
    claimant = claim.get("claimant") or {}
    subject = claim.get("subject") or {}
    quantity = claim.get("quantity") or {}
    figure = quantity.get("value") if quantity.get("value") is not None else claim.get("vague")
    return (f"{claimant.get('actor') or claimant.get('name') or '(no source)'} says "
            f"{figure} {subject.get('actor') or '?'} {claim.get('item')} {claim.get('outcome')}"
            f" (stated {claim.get('stated_on') or '?'})")


def _list(value: Any) -> list:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
