"""The promises of ../shared/CONTRACT.md that hold for every report, whatever its text:
checked on the example (tests/test_contract.py) and on generated texts
(tests/test_properties.py).

``violations(report_dict, text)`` lists every broken promise as a line of text (empty
when the report keeps them all), so a failing test shows all of them at once.
"""

from __future__ import annotations

import math
import re

from sitrep.records import ITEMS, OUTCOMES, PRECISIONS, QUALIFIERS, SUBJECT_KINDS
from sitrep.resolve.time import iso_bounds

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
          "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST",
          "CRIME", "MOBILIZE", "COERCE", "ASSAULT"}
ENTITY_KINDS = {"actor", "place", "person"}
CLAIM = {"claimant", "subject", "outcome", "item", "quantity", "stated_on", "period",
         "event_date", "place", "evidence"}
EVENT = {"type", "mode", "actors", "recipients", "date", "place", "background",
         "reported_by", "acled", "evidence"}
PLACE = {"name", "geonameid", "lat", "lon", "country", "admin1", "feature", "precision"}
CODE = re.compile(r"[A-Z][A-Z0-9_-]{1,15}")


def violations(report: dict, text: str) -> list[str]:
    out: list[str] = []
    out += _top(report)
    out += _spans(report, text, "report")
    for i, claim in enumerate(report.get("claims", [])):
        out += [f"claims[{i}]: {v}" for v in _claim(claim)]
    for i, event in enumerate(report.get("events", [])):
        out += [f"events[{i}]: {v}" for v in _event(event)]
    for i, entity in enumerate(report.get("entities", [])):
        out += [f"entities[{i}]: {v}" for v in _entity(entity)]
    for i, flag in enumerate(report.get("flags", [])):
        out += [f"flags[{i}]: {v}" for v in _flag(flag)]
    return out


def _top(report: dict) -> list[str]:
    out = [f"missing {k}" for k in ("document", "claims", "events", "entities", "flags")
           if k not in report]
    doc = report.get("document", {})
    out += [f"document: missing {k}" for k in ("id", "published", "dateline", "title")
            if k not in doc]
    if not re.fullmatch(r"[0-9a-f]{64}", str(doc.get("id"))):
        out.append(f"document.id {doc.get('id')!r} is no sha256")
    if doc.get("published") is not None and _day(doc["published"]) is None:
        out.append(f"document.published {doc['published']!r} is no ISO day")
    return out


def _spans(node, text: str, where: str) -> list[str]:
    """Every span anywhere in the report quotes the text at its offsets."""
    out = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and "text" in node and "end" in node:
            start, end = node["start"], node["end"]
            if not 0 <= start <= end <= len(text):
                out.append(f"{where}: span {start}-{end} outside the text ({len(text)})")
            elif text[start:end] != node["text"]:
                out.append(f"{where}: span {start}-{end} says {node['text']!r}, the text "
                           f"{text[start:end]!r}")
        for key, value in node.items():
            out += _spans(value, text, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _spans(value, text, f"{where}[{i}]")
    return out


def _claim(claim: dict) -> list[str]:
    out = [f"missing {k}" for k in CLAIM if k not in claim]
    if out:
        return out
    if claim["outcome"] not in OUTCOMES:
        out.append(f"outcome {claim['outcome']!r}")
    if claim["item"] not in ITEMS:
        out.append(f"item {claim['item']!r}")
    if claim["subject"]["kind"] not in SUBJECT_KINDS:
        out.append(f"subject.kind {claim['subject']['kind']!r}")
    for side in ("claimant", "subject"):
        code = claim[side]["actor"]
        if code is not None and not CODE.fullmatch(code):
            out.append(f"{side}.actor {code!r} is no actor code")
    out += _quantity(claim["quantity"])
    for key in ("stated_on", "event_date"):
        if claim[key] is not None and _bounds(claim[key]) is None:
            out.append(f"{key} {claim[key]!r} is no ISO date")
    out += _period(claim["period"], "period")
    if claim["place"] is not None:
        out += _place(claim["place"])
    return out


def _quantity(q: dict) -> list[str]:
    out = [f"quantity: missing {k}" for k in ("value", "qualifier", "low", "high")
           if k not in q]
    if out:
        return out
    if q["qualifier"] not in QUALIFIERS:
        out.append(f"quantity.qualifier {q['qualifier']!r}")
    for key in ("value", "low", "high"):
        v = q[key]
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            out.append(f"quantity.{key} {v!r} is no count")
    if q["qualifier"] == "range":
        if q["low"] is None or q["high"] is None:
            out.append("a range without low and high")
        elif q["low"] > q["high"]:
            out.append(f"range {q['low']} > {q['high']}")
    return out


def _period(period: dict | None, where: str) -> list[str]:
    if period is None:
        return []
    out = []
    bounds = {}
    for key in ("start", "end"):
        value = period.get(key)
        if value is not None:
            bounds[key] = _bounds(value)
            if bounds[key] is None:
                out.append(f"{where}.{key} {value!r} is no ISO date")
    if bounds.get("start") and bounds.get("end") and bounds["end"][1] < bounds["start"][0]:
        out.append(f"{where} ends ({period['end']}) before it starts ({period['start']})")
    return out


def _event(event: dict) -> list[str]:
    out = [f"missing {k}" for k in EVENT if k not in event]
    if out:
        return out
    if event["type"] not in PLOVER:
        out.append(f"type {event['type']!r}")
    date = event["date"]
    if date["precision"] not in (*PRECISIONS, None):
        out.append(f"date.precision {date['precision']!r}")
    out += _period(date, "date")
    if event["place"] is not None:
        out += _place(event["place"])
    if not isinstance(event["background"], bool):
        out.append("background is no boolean")
    acled = event["acled"]
    if acled is not None and not {"event_type", "sub_event_type"} <= set(acled):
        out.append(f"acled {acled!r}")
    for a in event["actors"] + event["recipients"]:
        if "actor" not in a:
            out.append(f"actor without 'actor': {a!r}")
    return out


def _place(place: dict) -> list[str]:
    out = [f"place: missing {k}" for k in PLACE if k not in place]
    lat, lon = place.get("lat"), place.get("lon")
    if lat is not None and not (-90 <= lat <= 90 and math.isfinite(lat)):
        out.append(f"place.lat {lat}")
    if lon is not None and not (-180 <= lon <= 180 and math.isfinite(lon)):
        out.append(f"place.lon {lon}")
    return out


def _entity(entity: dict) -> list[str]:
    out = [f"missing {k}" for k in ("kind", "canonical", "code", "lat", "lon", "mentions")
           if k not in entity]
    if not out and entity["kind"] not in ENTITY_KINDS:
        out.append(f"kind {entity['kind']!r}")
    for m in entity.get("mentions", []):
        if not isinstance(m.get("repaired"), bool):
            out.append(f"mention without 'repaired': {m!r}")
    return out


def _flag(flag: dict) -> list[str]:
    out = [f"missing {k}" for k in ("kind", "message", "evidence") if k not in flag]
    if out:
        return out
    if not isinstance(flag["kind"], str) or not flag["kind"]:
        out.append(f"kind {flag['kind']!r}")
    if not isinstance(flag["message"], str) or not flag["message"].strip():
        out.append("an empty message")
    if not isinstance(flag["evidence"], list):
        return [*out, "evidence is no list"]
    out += [f"evidence {e!r} is no span" for e in flag["evidence"]
            if not isinstance(e, dict) or not {"start", "end", "text"} <= set(e)]
    return out


def _bounds(value: str):
    return iso_bounds(value) if isinstance(value, str) else None


def _day(value: str):
    return iso_bounds(value) if isinstance(value, str) and len(value) == 10 else None
