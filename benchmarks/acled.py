"""Score sitrep against ACLED coded events (classic and current CSV exports).

    python -m benchmarks.acled --csv FILE [--json] [--limit N] [--split all|tune|check]
                               [--dump FILE]

Each row's notes (the coder's summary of the source report) are run through sitrep with
the event date as the published date, and compared with the row's coding:

- event type: sitrep's main event (the first that is not history and has an ACLED type)
  against the coded type, in the current names (Battles, Explosions/Remote violence,
  Violence against civilians, Protests, Riots, Strategic developments) and in the classic
  ones (Battle, Remote violence, Violence against civilians, Riots/Protests, Strategic
  development); the sub-event type in the current names;
- actor 1: whether the main event's first actor is the coded actor 1, both normalised
  (``normal_actor``: "Military Forces of Somalia (2022-)" and "SNA forces" are both SOM,
  "Unidentified Armed Group (Mexico)" and "gunmen" both an unidentified armed group);
- place: share of rows whose main place (the main event's, else the first event's or
  claim's, else the first place named) lies within 50 km of the coded point;
- fatalities: sitrep's killed count (``fatalities``) equal to the coded one.

Each measure is given on all rows, on rows with fatalities > 0, and on rows whose notes
carry no coding remark ("coded as", "split": the coder's own rule, not the report, set the
count). Both exports are read: the classic one (upper-case columns, dates like
``9-May-20``, types like "Battle-No change of territory") and the current one (lower-case
columns, ISO dates). ``--split tune`` keeps rows 1, 2, 4, 5, ...; ``--split check`` every
third row (3, 6, 9, ...), held back from tuning.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.output import emit
from sitrep.errors import SitrepError
from sitrep.extraction import tally
from sitrep.records import Dateline, Document, Report

CURRENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
           "Riots", "Strategic developments")
# Current type -> classic type (ACLED codebook before 2019).
CLASSIC = {
    "Battles": "battle", "Explosions/Remote violence": "remote violence",
    "Violence against civilians": "violence against civilians", "Protests": "riots/protests",
    "Riots": "riots/protests", "Strategic developments": "strategic development",
}
# Classic type -> current type, where one current type covers it.
CLASSIC_TO_CURRENT = {"remote violence": "Explosions/Remote violence",
                      "violence against civilians": "Violence against civilians",
                      "battle": "Battles", "strategic development": "Strategic developments"}
REMARK = re.compile(r"coded as|\bsplit\b", re.I)
REQUIRED = ("event_date", "event_type", "notes", "fatalities")
DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d-%B-%Y", "%d-%b-%Y", "%d %B %Y", "%d/%m/%Y")


# -- reading ---------------------------------------------------------------------------------


def read_rows(path: Path, limit: int | None = None) -> list[dict]:
    """The export's rows with lower-case column names (classic exports use upper case)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(handle)]
    missing = set(REQUIRED) - set(rows[0] if rows else {})
    if missing:
        raise SystemExit(f"{path}: not an ACLED export, missing columns {sorted(missing)}")
    return rows[:limit]


def split_rows(rows: list[dict], split: str) -> list[dict]:
    """``tune``: all but every third row; ``check``: every third row (3, 6, 9, ...)."""
    if split == "all":
        return rows
    keep = 0 if split == "check" else None
    return [r for i, r in enumerate(rows, 1) if (i % 3 == 0) == (keep == 0)]


def event_date(value: str) -> str | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def classic_type(acled_type: str) -> str:
    """ACLED's classic type names, coarse: "Battle-No change of territory" -> battle,
    "Protests" -> riots/protests."""
    name = acled_type.strip()
    if name in CLASSIC:
        return CLASSIC[name]
    low = name.lower()
    if low.startswith("battle"):
        return "battle"
    if low in ("headquarters or base established", "non-violent transfer of territory"):
        return "strategic development"
    return low


def current_type(acled_type: str) -> str | None:
    """The current type name of a coded type; None for classic Riots/Protests, which is
    either Protests or Riots."""
    name = acled_type.strip()
    return name if name in CURRENT else CLASSIC_TO_CURRENT.get(classic_type(name))


# -- actors ----------------------------------------------------------------------------------

_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
_PARENS = re.compile(r"\s*\(([^)]*)\)")
# Generic actors ACLED names by kind: (pattern on the coded name, pattern on sitrep's words).
GENERIC = (
    ("protesters", r"^protesters\b", r"\b(?:protest\w*|demonstrat\w*|march\w*|rall\w*)\b"),
    ("rioters", r"^rioters\b", r"\b(?:riot\w*|mob|youths?|residents?)\b"),
    ("unidentified", r"^unidentified\b",
     r"\b(?:unidentified|unknown|gunm[ae]n|armed (?:men|individuals|persons|assailants)|"
     r"assailants?|attackers?)\b"),
    ("militia", r"\bmilitia\b", r"\bmilitia\w*\b"),
    ("civilians", r"^civilians\b", r"\bcivilians?\b"),
)


def normal_actor(name: str, code_of: Callable[[str], str | None]) -> str | None:
    """A coded ACLED actor as a comparable key: an actor code where sitrep's lexicon knows
    the name ("Military Forces of Somalia (2022-) Special Forces" -> SOM), else the generic
    kind ("Unidentified Armed Group (Mexico)" -> unidentified)."""
    if not name:
        return None
    bare = _YEARS.sub("", name)
    for kind, coded, _words in GENERIC:
        if re.search(coded, bare, re.I):
            return kind
    state = re.match(r"(?:Military|Police) Forces of (?:the )?([\w' -]+?)(?:\s*\(|$| [A-Z])",
                     bare)
    if state:
        found = code_of(state.group(1))
        if found:
            return found
    return code_of(_PARENS.sub("", bare)) or code_of(bare)


def predicted_actor(actor, code_of: Callable[[str], str | None]) -> str | None:
    """sitrep's event actor as a comparable key: its code, else the generic kind its words
    name ("unidentified gunmen" -> unidentified)."""
    if actor.actor:
        return actor.actor
    words = actor.text or ""
    for kind, _coded, pattern in GENERIC:
        if re.search(pattern, words, re.I):
            return kind
    return code_of(words) if words else None


# -- reading sitrep's report -----------------------------------------------------------------


def fatalities(report) -> int:
    """sitrep's killed count for the notes, as coders count it: ``sitrep.extraction.tally``
    (each claimant's figures summed, the lowest claimant per side, the sides summed)."""
    return tally.fatalities(report.claims)


def main_event(report):
    """The first event that is not history and has an ACLED type."""
    return next((e for e in report.events if e.acled and not e.background), None)


def main_type(report) -> str | None:
    """The classic type of the main event (kept for callers of the older scorer)."""
    event = main_event(report)
    return CLASSIC.get(event.acled["event_type"]) if event else None


def main_place(report) -> tuple[float, float] | None:
    event = main_event(report)
    candidates = [event.place] if event is not None else []
    candidates += [e.place for e in report.events if not e.background]
    candidates += [c.place for c in report.claims]
    for place in candidates:
        if place is not None and place.lat is not None and place.lon is not None:
            return place.lat, place.lon
    for entity in report.entities:
        if entity.kind == "place" and entity.lat is not None and entity.lon is not None:
            return entity.lat, entity.lon
    return None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _coded_point(row: dict) -> tuple[float, float] | None:
    try:
        return float(row["latitude"]), float(row["longitude"])
    except (KeyError, ValueError):
        return None


# -- scoring ---------------------------------------------------------------------------------


def judge(row: dict, report, code_of: Callable[[str], str | None]) -> dict:
    """One row's outcome on every measure (None where the row cannot be scored)."""
    event = main_event(report)
    acled = event.acled if event else {}
    gold_current = current_type(row["event_type"])
    place = main_place(report)
    point = _coded_point(row)
    distance = km(place, point) if place and point else None
    gold_actor = normal_actor(row.get("actor1", ""), code_of)
    got_actor = next((predicted_actor(a, code_of) for a in event.actors), None) \
        if event else None
    gold_fatal = int(row["fatalities"] or 0)
    got_fatal = fatalities(report)
    return {
        "type": acled.get("event_type") == gold_current if gold_current else None,
        "type_classic": CLASSIC.get(acled.get("event_type", "")) ==
        classic_type(row["event_type"]),
        "sub_type": (acled.get("sub_event_type") == row["sub_event_type"]
                     if row.get("sub_event_type") else None),
        "actor1": got_actor == gold_actor if gold_actor else None,
        "place_50km": distance is not None and distance <= 50 if point else None,
        "fatalities": got_fatal == gold_fatal,
        "fatalities_error": abs(got_fatal - gold_fatal),
        "got": {"type": acled.get("event_type"), "sub_type": acled.get("sub_event_type"),
                "actor1": got_actor, "km": round(distance, 1) if distance is not None
                else None, "place": event.place.name if event and event.place else None,
                "fatalities": got_fatal},
        "gold": {"type": row["event_type"], "sub_type": row.get("sub_event_type"),
                 "actor1": gold_actor, "location": row.get("location"),
                 "fatalities": gold_fatal},
    }


MEASURES = ("type", "type_classic", "sub_type", "actor1", "place_50km", "fatalities")


def summarise(judged: list[dict]) -> dict:
    """Share right per measure over the rows where it applies."""
    out = {}
    for measure in MEASURES:
        values = [j[measure] for j in judged if j[measure] is not None]
        out[measure] = round(sum(values) / len(values), 4) if values else None
    out["n"] = len(judged)
    return out


def score(rows: list[dict], extractor, dump=None) -> dict:
    """Scores on all rows, rows with fatalities, rows without coding remarks; the first
    keys are those of the earlier scorer."""
    code_of = extractor.actors.code_of
    judged, nonzero, plain, plain_nonzero = [], [], [], []
    for number, row in enumerate(rows, 1):
        if number % 100 == 0 or number == len(rows):
            print(f"row {number}/{len(rows)}", file=sys.stderr)
        try:
            report = extractor.extract(row["notes"], event_date(row["event_date"]))
        except SitrepError as exc:  # a row without notes: nothing to read, scored as such
            print(f"row {number}: {exc}", file=sys.stderr)
            report = Report(Document("", None, Dateline(), None))
        result = judge(row, report, code_of)
        judged.append(result)
        remark = REMARK.search(row["notes"])
        if int(row["fatalities"] or 0) > 0:
            nonzero.append(result)
            if not remark:
                plain_nonzero.append(result)
        if not remark:
            plain.append(result)
        if dump is not None:
            dump.write(json.dumps({"id": row.get("event_id_cnty") or row.get("data_id"),
                                   "notes": row["notes"], **result}) + "\n")
    n = len(judged)
    every = summarise(judged)
    return {
        "fatalities_exact": every["fatalities"] or 0.0,
        "fatalities_exact_nonzero": summarise(nonzero)["fatalities"] or 0.0,
        "fatalities_exact_no_remark": summarise(plain)["fatalities"] or 0.0,
        # issue 9's measure: rows with fatalities whose notes carry no coding remark
        "fatalities_exact_nonzero_no_remark": summarise(plain_nonzero)["fatalities"] or 0.0,
        "fatalities_mae": round(sum(j["fatalities_error"] for j in judged) / n, 3) if n
        else 0.0,
        "event_type_accuracy": every["type"] or 0.0,
        "event_type_classic_accuracy": every["type_classic"] or 0.0,
        "sub_event_type_accuracy": every["sub_type"] or 0.0,
        "actor1_accuracy": every["actor1"] or 0.0,
        "place_within_50km": every["place_50km"] or 0.0,
        "n": n,
        "all": every,
        "fatalities_nonzero": summarise(nonzero),
        "no_remark": summarise(plain),
        "nonzero_no_remark": summarise(plain_nonzero),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, required=True,
                        help="ACLED export (classic or current columns)")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    parser.add_argument("--limit", type=int, help="score only the first N rows")
    parser.add_argument("--split", choices=("all", "tune", "check"), default="all",
                        help="tune: all but every third row; check: every third row")
    parser.add_argument("--dump", type=Path, help="write each row's outcome here (JSONL)")
    args = parser.parse_args(argv)
    from sitrep.pipeline import Extractor

    rows = split_rows(read_rows(args.csv), args.split)[:args.limit]
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    try:
        result = score(rows, Extractor(), dump)
    finally:
        if dump is not None:
            dump.close()
    emit(result, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
