"""Gold check of one annotated report (default: the bundled Nagorno-Karabakh example).

    python -m benchmarks.seed [--gold FILE] [--text FILE] [--json]

A gold claim is *found* when a produced claim has its value, item and outcome; it is
*exact* when every field the gold states (claimant, subject, qualifier, stated_on,
period, event_date, place) is right too. Also scored: forbidden values produced as
claims, gold events (type, actors, date, background), entities (by mention and
coordinates) and flags (by kind and mention).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "examples" / "naka-2020-09-30.gold.json"


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def claim_errors(gold: dict, claim: dict) -> list[str]:
    """Fields of ``claim`` that disagree with the gold claim."""
    expected = {
        "claimant": claim["claimant"]["actor"],
        "subject": claim["subject"]["actor"],
        "qualifier": claim["quantity"]["qualifier"],
        "stated_on": claim["stated_on"],
        "period_start": (claim["period"] or {}).get("start"),
        "period_end": (claim["period"] or {}).get("end"),
        "event_date": claim["event_date"],
    }
    errors = [f"{k}: {expected[k]!r} != {gold[k]!r}" for k in expected
              if k in gold and expected[k] != gold[k]]
    if "place" in gold:
        place = claim.get("place") or {}
        if (place.get("name") or "").lower() != gold["place"].lower():
            errors.append(f"place: {place.get('name')!r} != {gold['place']!r}")
    return errors


def match_claims(gold_claims: list[dict], produced: list[dict]) -> list[dict]:
    rows, used = [], set()
    for gold in gold_claims:
        candidates = [
            (i, c) for i, c in enumerate(produced)
            if i not in used and c["quantity"]["value"] == gold["value"]
            and c["item"] == gold["item"] and c["outcome"] == gold["outcome"]
        ]
        best = min(candidates, key=lambda ic: len(claim_errors(gold, ic[1])), default=None)
        if best is None:
            rows.append({"id": gold["id"], "found": False, "errors": ["not found"]})
            continue
        used.add(best[0])
        errors = claim_errors(gold, best[1])
        rows.append({"id": gold["id"], "found": True, "exact": not errors, "errors": errors})
    return rows


def score(gold: dict, report: dict) -> dict:
    claims = report["claims"]
    rows = match_claims(gold["claims"], claims)
    forbidden = [n["value"] for n in gold.get("not_claims", [])
                 if any(c["quantity"]["value"] == n["value"] for c in claims)]
    flags = [f for f in gold.get("flags", [])
             if any(r["kind"] == f["kind"] and r["evidence"]
                    and f["mention"] in r["evidence"][0]["text"] for r in report["flags"])]
    entities = _entities(gold.get("entities", []), report["entities"])
    events = _events(gold.get("events", []), report["events"])
    n = len(rows)
    return {
        "claims": {
            "total": n,
            "found": sum(r["found"] for r in rows),
            "exact": sum(r.get("exact", False) for r in rows),
            "produced": len(claims),
            "recall": sum(r["found"] for r in rows) / n if n else 1.0,
            "exact_recall": sum(r.get("exact", False) for r in rows) / n if n else 1.0,
            "rows": rows,
        },
        "not_claims_produced": forbidden,
        "flags": {"total": len(gold.get("flags", [])), "found": len(flags)},
        "entities": entities,
        "events": events,
    }


def _entities(gold: list[dict], produced: list[dict]) -> dict:
    found = []
    for g in gold:
        for e in produced:
            mentions = [m["text"].lower() for m in e.get("mentions", [])]
            if not any(g["mention"].lower() in m or m in g["mention"].lower() for m in mentions):
                continue
            if "code" in g and e.get("code") != g["code"]:
                continue
            if "lat" in g and (e.get("lat") is None or
                               _km(g["lat"], g["lon"], e["lat"], e["lon"]) > g["within_km"]):
                continue
            found.append(g["canonical"])
            break
    return {"total": len(gold), "found": len(found),
            "missing": [g["canonical"] for g in gold if g["canonical"] not in found]}


def _events(gold: list[dict], produced: list[dict]) -> dict:
    found = []
    for g in gold:
        for e in produced:
            actors = sorted(a["actor"] for a in e["actors"] if a.get("actor"))
            if e["type"] != g["type"] or actors != sorted(g["actors"]):
                continue
            if e["background"] != g["background"]:
                continue
            if "date" in g and (e["date"] or {}).get("start") != g["date"]:
                continue
            found.append(g["id"])
            break
    return {"total": len(gold), "found": len(found),
            "missing": [g["id"] for g in gold if g["id"] not in found]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--text", type=Path, help="report text (default: the gold's document "
                        "path, relative to the gold's parent directory)")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text("utf-8"))
    text_path = args.text or args.gold.parent.parent / gold["document"]
    import sitrep

    print(f"extracting {text_path}", file=sys.stderr)
    report = sitrep.extract(text_path.read_text("utf-8"), published=gold.get("published"))
    result = score(gold, report.to_dict())
    if args.json:
        print(json.dumps(result))
        return 0
    c = result["claims"]
    print(f"claims: {c['found']}/{c['total']} found, {c['exact']}/{c['total']} exact "
          f"({c['produced']} produced)")
    for row in c["rows"]:
        if not row.get("exact"):
            print(f"  {row['id']}: {'; '.join(row['errors'])}")
    print(f"forbidden values produced: {result['not_claims_produced'] or 'none'}")
    print(f"flags: {result['flags']['found']}/{result['flags']['total']}")
    e, v = result["entities"], result["events"]
    print(f"entities: {e['found']}/{e['total']} (missing: {', '.join(e['missing']) or '-'})")
    print(f"events: {v['found']}/{v['total']} (missing: {', '.join(v['missing']) or '-'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
