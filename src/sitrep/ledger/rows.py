"""One extracted report as rows of the ledger's tables.

The report is read as the JSON of the output contract (``Report.to_dict()``), field by
field and defensively: fields added since (``item_class``, ``vague``, ``coded_value``,
flags with an ``evidence`` list) are kept when present and empty when absent, so that the
ledger stores what any sitrep version produced. The whole report is stored as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from datetime import UTC, datetime
from typing import Any

from ..ingest.document import document_id
from ..ingest.incoming import Incoming
from ..store import DocumentRows
from ..store.versions import Version
from .identity import claim_identity


def report_rows(report: dict, incoming: Incoming, version: Version) -> DocumentRows:
    """Every row the report adds: the document, its claims, events, mentions and flags,
    and the shared places, actors and ledger claims they point to."""
    doc = _dict(report.get("document"))
    # The ledger knows a document by its text as it came in (the report's own id is that
    # of the text it read, which differs for a report in capitals it truecased), so that
    # the next run can tell it is stored before extracting it.
    doc_id = document_id(incoming.text)
    tags = {"document_id": doc_id, "version_id": version.id}
    places: list[dict] = []
    claims, identities = [], []
    for n, claim in enumerate(_list(report.get("claims"))):
        row = claim_row(_dict(claim), places) | {"ordinal": n} | tags
        identity = claim_identity(row)
        claims.append(row | {"ledger_claim_id": identity["id"]})
        identities.append(identity)
    events, parties = [], []
    for n, event in enumerate(_list(report.get("events"))):
        row, party_rows = event_rows(_dict(event), places)
        events.append(row | {"ordinal": n} | tags)
        parties.extend(p | {"event_ordinal": n} | tags for p in party_rows)
    mentions, actors = mention_rows(_list(report.get("entities")))
    document = {
        "id": doc_id, "text": incoming.text, "source": incoming.source, "url": incoming.url,
        "title": incoming.title or doc.get("title"),
        "published": date(incoming.published) or date(doc.get("published")),
        "language": incoming.language, "origin": incoming.origin, "report": report,
        "version_id": version.id, "ingested_at": datetime.now(UTC),
    }
    return DocumentRows(
        document=document,
        version={"id": version.id, "sitrep": version.sitrep, "lexicon": version.lexicon},
        places=places, actors=actors, ledger_claims=identities,
        owned={"claims": claims, "events": events, "event_parties": parties,
               "mentions": [m | {"ordinal": n} | tags for n, m in enumerate(mentions)],
               "flags": [f | {"ordinal": n} | tags
                         for n, f in enumerate(map(flag_row, _list(report.get("flags"))))]},
    )


def claim_row(claim: dict, places: list[dict]) -> dict:
    claimant, subject = _dict(claim.get("claimant")), _dict(claim.get("subject"))
    quantity, period = _dict(claim.get("quantity")), _dict(claim.get("period"))
    return {
        "report_id": _str(claim.get("id")),
        "claimant_actor": _str(claimant.get("actor")), "claimant_name": _str(claimant.get("name")),
        "claimant_person": _str(claimant.get("person")),
        "claimant_role": _str(claimant.get("role")),
        "subject_actor": _str(subject.get("actor")), "subject_kind": _str(subject.get("kind")),
        "subject_text": _str(subject.get("text")),
        "outcome": _str(claim.get("outcome")) or "", "item": _str(claim.get("item")) or "",
        "item_class": _str(claim.get("item_class")),
        "item_detail": _str(claim.get("item_detail")),
        "value": _int(quantity.get("value")),
        "qualifier": _str(quantity.get("qualifier")) or "exact",
        "low": _int(quantity.get("low")), "high": _int(quantity.get("high")),
        "vague": _words(claim.get("vague")), "coded_value": _int(claim.get("coded_value")),
        "stated_on": date(claim.get("stated_on")),
        "period_start": date(period.get("start")), "period_end": date(period.get("end")),
        "event_date": date(claim.get("event_date")),
        "place_id": place_id(claim.get("place"), places),
        "background": _bool(claim.get("background")),
        "parent": _str(claim.get("parent")), "event": _str(claim.get("event")),
        **_evidence(claim.get("evidence")),
    }


def event_rows(event: dict, places: list[dict]) -> tuple[dict, list[dict]]:
    when, reporter, acled = (_dict(event.get(k)) for k in ("date", "reported_by", "acled"))
    row = {
        "report_id": _str(event.get("id")), "type": _str(event.get("type")) or "",
        "mode": _str(event.get("mode")),
        "date_start": date(when.get("start")), "date_end": date(when.get("end")),
        "precision": _str(when.get("precision")),
        "place_id": place_id(event.get("place"), places),
        "background": _bool(event.get("background")),
        "reporter_actor": _str(reporter.get("actor")), "reporter_name": _str(reporter.get("name")),
        "acled_event_type": _str(acled.get("event_type")),
        "acled_sub_event_type": _str(acled.get("sub_event_type")),
        **_evidence(event.get("evidence")),
    }
    parties = [{"role": role, "position": i, "actor": _str(_dict(p).get("actor")),
                "text": _str(_dict(p).get("text"))}
               for role, key in (("actor", "actors"), ("recipient", "recipients"))
               for i, p in enumerate(_list(event.get(key)))]
    return row, parties


def mention_rows(entities: list) -> tuple[list[dict], list[dict]]:
    mentions, actors = [], []
    for entity in map(_dict, entities):
        kind, code = _str(entity.get("kind")) or "unknown", _str(entity.get("code"))
        canonical = _str(entity.get("canonical"))
        if kind == "actor" and code:
            actors.append({"code": code, "name": canonical or code})
        for m in map(_dict, _list(entity.get("mentions"))):
            mentions.append({"entity_kind": kind, "code": code, "canonical": canonical,
                             "start": _int(m.get("start")) or 0, "end": _int(m.get("end")) or 0,
                             "text": _str(m.get("text")) or "",
                             "repaired": bool(m.get("repaired"))})
    return mentions, actors


def flag_row(flag: Any) -> dict:
    """A flag in either shape: ``{"span": Span}`` (before 2026-12) or
    ``{"evidence": [Span, ...]}``."""
    flag = _dict(flag)
    spans = [s for s in _list(flag.get("evidence")) if isinstance(s, dict)]
    if not spans and isinstance(flag.get("span"), dict):
        spans = [flag["span"]]
    first = spans[0] if spans else {}
    return {"kind": _str(flag.get("kind")) or "unknown",
            "message": _str(flag.get("message")) or "",
            "start": _int(first.get("start")), "end": _int(first.get("end")),
            "text": _str(first.get("text")), "evidence": spans}


def place_id(place: Any, places: list[dict]) -> str | None:
    """The id of a Place (its GeoNames id, else a hash of name and coordinates), its row
    added to ``places``."""
    if not isinstance(place, dict) or not _str(place.get("name")):
        return None
    geonameid = _int(place.get("geonameid"))
    lat, lon = _float(place.get("lat")), _float(place.get("lon"))
    if geonameid is not None:
        key = f"g{geonameid}"
    else:
        digest = hashlib.sha256(f"{place['name']}|{lat}|{lon}".encode()).hexdigest()
        key = f"n{digest[:24]}"
    places.append({"id": key, "geonameid": geonameid, "name": place["name"], "lat": lat,
                   "lon": lon, "country": _str(place.get("country")),
                   "admin1": _str(place.get("admin1")), "feature": _str(place.get("feature")),
                   "precision": _str(place.get("precision"))})
    return key


def date(value: Any) -> dt.date | None:
    """An ISO date (the first ten characters of a string), else None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _evidence(span: Any) -> dict:
    span = _dict(span)
    return {"evidence_start": _int(span.get("start")) or 0,
            "evidence_end": _int(span.get("end")) or 0,
            "evidence_text": _str(span.get("text")) or ""}


def _words(value: Any) -> str | None:
    """``vague`` as words: a string, or the text of a Span."""
    if isinstance(value, dict):
        return _str(value.get("text"))
    return _str(value) if isinstance(value, str) else None


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None
