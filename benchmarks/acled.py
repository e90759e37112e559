"""Score sitrep against ACLED-style coded events (the classic CSV export).

    python -m benchmarks.acled --csv FILE [--json] [--limit N]

Each row's NOTES (the coded news paragraph) is run through sitrep with EVENT_DATE as the
published date, and compared with the row's coding:

- fatalities: sitrep's killed count for the paragraph — per subject the lowest figure any
  source gives (coders take the most conservative report), summed over subjects, subtotals
  left out — exact match on all rows and on rows with FATALITIES > 0, and mean absolute
  error;
- event type: sitrep's main event mapped to ACLED's classic types (Battle, Remote
  violence, Violence against civilians, Riots/Protests, Strategic development);
- place: share of rows whose main place (the first event's, else the first claim's, else
  the first place named) lies within 50 km of the coded coordinates.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import sys
from pathlib import Path

from benchmarks.output import emit

CLASSIC = {
    "Battles": "battle", "Explosions/Remote violence": "remote violence",
    "Violence against civilians": "violence against civilians", "Protests": "riots/protests",
    "Riots": "riots/protests", "Strategic developments": "strategic development",
}


def classic_type(acled_type: str) -> str:
    """ACLED's classic type names, coarse: "Battle-No change of territory" -> battle."""
    low = acled_type.strip().lower()
    return "battle" if low.startswith("battle") else low


def read_rows(path: Path, limit: int | None = None) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [{k.strip().upper(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(handle)]
    missing = {"EVENT_DATE", "EVENT_TYPE", "NOTES", "FATALITIES"} - set(rows[0] if rows else {})
    if missing:
        raise SystemExit(f"{path}: not an ACLED export, missing columns {sorted(missing)}")
    return rows[:limit]


def event_date(value: str) -> str | None:
    for fmt in ("%d-%B-%Y", "%d %B %Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def fatalities(report) -> int:
    lowest: dict[tuple, int] = {}
    for claim in report.claims:
        if claim.outcome != "killed" or claim.item != "personnel" or claim.parent:
            continue
        q = claim.quantity
        value = q.low if q.qualifier == "range" else q.value
        if value is None:
            continue
        key = (claim.subject.actor, claim.subject.kind)
        lowest[key] = min(value, lowest.get(key, value))
    return sum(lowest.values())


def main_type(report) -> str | None:
    for event in report.events:
        if event.acled and not event.background:
            return CLASSIC.get(event.acled["event_type"])
    return None


def main_place(report):
    for event in report.events:
        if event.place is not None and not event.background:
            return event.place.lat, event.place.lon
    for claim in report.claims:
        if claim.place is not None:
            return claim.place.lat, claim.place.lon
    for entity in report.entities:
        if entity.kind == "place" and entity.lat is not None:
            return entity.lat, entity.lon
    return None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def score(rows: list[dict], extractor) -> dict:
    exact = exact_nonzero = nonzero = types = near = 0
    errors = []
    for number, row in enumerate(rows, 1):
        print(f"row {number}/{len(rows)}", file=sys.stderr)
        report = extractor.extract(row["NOTES"], event_date(row["EVENT_DATE"]))
        gold = int(row["FATALITIES"] or 0)
        got = fatalities(report)
        exact += got == gold
        errors.append(abs(got - gold))
        if gold > 0:
            nonzero += 1
            exact_nonzero += got == gold
        types += main_type(report) == classic_type(row["EVENT_TYPE"])
        place = main_place(report)
        if place and row.get("LATITUDE") and row.get("LONGITUDE"):
            near += km(place, (float(row["LATITUDE"]), float(row["LONGITUDE"]))) <= 50
    n = len(rows)
    return {
        "fatalities_exact": round(exact / n, 4) if n else 0.0,
        "fatalities_exact_nonzero": round(exact_nonzero / nonzero, 4) if nonzero else 0.0,
        "fatalities_mae": round(sum(errors) / n, 3) if n else 0.0,
        "event_type_accuracy": round(types / n, 4) if n else 0.0,
        "place_within_50km": round(near / n, 4) if n else 0.0,
        "n": n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, required=True, help="ACLED classic CSV export")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    from sitrep.pipeline import Extractor

    emit(score(read_rows(args.csv, args.limit), Extractor()), args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
