"""Score sitrep's claims against hand-coded real reports (the reports-dev format).

    python -m benchmarks.reports --dir ../shared/eval/reports-dev [--split all|tune|check]
                                 [--errors] [--json]

A directory holds ``NAME.txt`` (the report), ``NAME.meta.json`` (``published``) and
``NAME.gold.json`` (``claims``). Per report, sitrep's claims are matched to gold claims one
to one: a pair needs the same value (a range as [low, high]) and the same item (gold
``tanks_armored_vehicles`` also takes ``tanks`` or ``armored_vehicles``; ``item_alt``
counts as the item); among candidates the pair with most fields right wins, then the
nearest evidence.

- **value** match: such a pair.
- **strict** match: also the claimant side (gold ``reporter`` takes an empty claimant;
  ``A|B`` takes either), the subject side (``A|B`` likewise) and the outcome (or one in
  ``outcome_alt``).

Gold claims marked ``background`` are left out of recall, and sitrep claims matched to
them are not counted as spurious; claims without a value (vague counts) are left out of
both. Precision = matched / sitrep's claims with a value, recall = matched / gold claims.

``--split tune`` scores two reports in three (the tuning part), ``check`` every third one
(the part kept to measure, never to tune on).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.output import emit

LUMPED = {"tanks_armored_vehicles": {"tanks", "armored_vehicles"}}
STRICT_FIELDS = ("claimant", "subject", "outcome")


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    published: str | None
    gold: list[dict]


@dataclass
class Tally:
    n_reports: int = 0
    n_gold: int = 0
    n_sitrep: int = 0
    value: int = 0
    strict: int = 0
    errors: list[dict] = field(default_factory=list)


def read_cases(directory: Path, split: str = "all") -> list[Case]:
    """Every report of the directory that has a gold file; hidden files are skipped."""
    cases = []
    golds = sorted(p for p in directory.glob("*.gold.json") if not p.name.startswith("."))
    for index, gold_path in enumerate(golds):
        if split == "tune" and index % 3 == 2 or split == "check" and index % 3 != 2:
            continue
        name = gold_path.name[: -len(".gold.json")]
        meta_path = directory / f"{name}.meta.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        cases.append(Case(name, (directory / f"{name}.txt").read_text("utf-8"),
                          meta.get("published"),
                          json.loads(gold_path.read_text("utf-8"))["claims"]))
    return cases


def _value(claim: dict):
    q = claim["quantity"]
    return (q["low"], q["high"]) if q["qualifier"] == "range" else q["value"]


def _gold_value(gold: dict):
    value = gold["value"]
    return tuple(value) if isinstance(value, list) else value


def _items(gold: dict) -> set[str]:
    items = {gold["item"], *gold.get("item_alt", [])}
    for lumped in list(items):
        items |= LUMPED.get(lumped, set())
    return items


def _sides(value: str | None) -> set[str]:
    return set((value or "").split("|")) - {""}


def field_errors(gold: dict, claim: dict) -> list[str]:
    """The strict fields of a value-matched ``claim`` that disagree with ``gold``."""
    wrong = []
    claimant = _sides(gold["claimant_side"])
    got = claim["claimant"]["actor"]
    if not (got in claimant or got is None and "reporter" in claimant):
        wrong.append("claimant")
    if claim["subject"]["actor"] not in _sides(gold["subject_side"]):
        wrong.append("subject")
    if claim["outcome"] not in {gold["outcome"], *gold.get("outcome_alt", [])}:
        wrong.append("outcome")
    return wrong


def match(gold: list[dict], claims: list[dict]) -> list[tuple[int, int, list[str]]]:
    """One-to-one pairs (gold index, claim index, wrong fields), best pairs first."""
    candidates = []
    for g, gc in enumerate(gold):
        for c, claim in enumerate(claims):
            if _value(claim) == _gold_value(gc) and claim["item"] in _items(gc):
                wrong = field_errors(gc, claim)
                distance = abs(claim["evidence"]["start"] - gc["evidence_start"])
                candidates.append((len(wrong), distance, g, c, wrong))
    pairs, used_gold, used_claim = [], set(), set()
    for _n, _d, g, c, wrong in sorted(candidates, key=lambda x: x[:2]):
        if g not in used_gold and c not in used_claim:
            used_gold.add(g)
            used_claim.add(c)
            pairs.append((g, c, wrong))
    return pairs


def score_case(case: Case, report: dict, tally: Tally) -> None:
    claims = [c for c in report["claims"] if _value(c) is not None]
    pairs = match(case.gold, claims)
    background = {g for g, gc in enumerate(case.gold) if gc.get("background")}
    matched_gold = {g for g, _c, _w in pairs}
    tally.n_reports += 1
    tally.n_gold += len(case.gold) - len(background)
    tally.n_sitrep += len(claims) - sum(1 for g, _c, _w in pairs if g in background)
    for g, c, wrong in pairs:
        if g in background:
            continue
        tally.value += 1
        tally.strict += not wrong
        if wrong:
            tally.errors.append(_error(case, "wrong", case.gold[g], claims[c], wrong))
    for g, gc in enumerate(case.gold):
        if g not in matched_gold and g not in background:
            tally.errors.append(_error(case, "missed", gc, None, []))
    matched_claims = {c for _g, c, _w in pairs}
    for c, claim in enumerate(claims):
        if c not in matched_claims:
            tally.errors.append(_error(case, "spurious", None, claim, []))


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return " ".join(text[left:min(stops, default=len(text)) + 1].split())


def _brief(claim: dict) -> dict:
    return {"claimant": claim["claimant"]["actor"], "subject": claim["subject"]["actor"],
            "outcome": claim["outcome"], "item": claim["item"], "value": _value(claim),
            "evidence": claim["evidence"]["text"]}


def _gold_brief(gold: dict) -> dict:
    return {"id": gold["id"], "claimant": gold["claimant_side"],
            "subject": gold["subject_side"], "outcome": gold["outcome"], "item": gold["item"],
            "value": gold["value"], "evidence": gold["evidence"]}


def _error(case: Case, kind: str, gold: dict | None, claim: dict | None,
           wrong: list[str]) -> dict:
    start, end = ((gold["evidence_start"], gold["evidence_end"]) if gold else
                  (claim["evidence"]["start"], claim["evidence"]["end"]))
    return {"report": case.name, "kind": kind, "fields": wrong,
            "gold": _gold_brief(gold) if gold else None,
            "sitrep": _brief(claim) if claim else None,
            "sentence": _sentence(case.text, start, end)}


def _prf(matched: int, produced: int, gold: int) -> dict:
    p = matched / produced if produced else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(cases: list[Case], extractor) -> Tally:
    tally = Tally()
    for number, case in enumerate(cases, 1):
        print(f"[{number}/{len(cases)}] {case.name}", file=sys.stderr)
        score_case(case, extractor.extract(case.text, case.published).to_dict(), tally)
    return tally


def result(tally: Tally, with_errors: bool = False) -> dict:
    out = {
        "strict": _prf(tally.strict, tally.n_sitrep, tally.n_gold),
        "value": _prf(tally.value, tally.n_sitrep, tally.n_gold),
        "n_reports": tally.n_reports,
        "n_gold": tally.n_gold,
        "n_sitrep": tally.n_sitrep,
    }
    if with_errors:
        out["errors"] = tally.errors
    return out


def _print_errors(errors: list[dict]) -> None:
    for e in errors:
        what = e["kind"] + (f" ({', '.join(e['fields'])})" if e["fields"] else "")
        print(f"\n{e['report']}: {what}")
        if e["gold"]:
            print(f"  gold:   {json.dumps(e['gold'], ensure_ascii=False)}")
        if e["sitrep"]:
            print(f"  sitrep: {json.dumps(e['sitrep'], ensure_ascii=False)}")
        print(f"  in: {e['sentence']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True,
                        help="folder of NAME.txt, NAME.meta.json and NAME.gold.json")
    parser.add_argument("--split", choices=("all", "tune", "check"), default="all")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong field")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        parser.error(f"{args.dir}: no such directory")
    cases = read_cases(args.dir, args.split)
    if not cases:
        parser.error(f"{args.dir}: no NAME.gold.json files")
    from sitrep.pipeline import Extractor

    tally = evaluate(cases, Extractor())
    out = result(tally, with_errors=args.errors and args.json)
    emit(out, args.json)
    if args.errors and not args.json:
        _print_errors(tally.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
