"""Score sitrep's date recogniser and resolver on TimeBank 1.2 (TimeML ``.tml`` files).

Usage::

    python -m benchmarks.timebank --dir ../shared/eval/timebank/TimeBank [--json] [--limit N]
                                  [--errors]

For every document the creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``)
is the reference date. Only the ``<TEXT>`` element is scored; its tags are stripped and the
character offsets of every TIMEX3 are kept.

Measures (fractions 0..1):

- ``value_accuracy``: share of gold DATE timexes (the creation time excluded) whose gold
  ``value`` the resolver reproduces exactly from the gold span's text plus its local context.
- ``recognition_f1`` (overlap match), ``recognition_f1_exact`` (exact span match), with
  precision and recall: ``find_dates`` over the text against the gold DATE spans. A predicted
  mention that overlaps only a gold timex of another type (TIME, DURATION, SET: "Tuesday
  night" is a TIME in TimeML) is neither right nor wrong and is left out;
  ``recognition_precision_strict`` / ``recognition_f1_strict`` count those as false positives.
- ``n``: number of gold DATE timexes scored for values.
- ``unreadable``: the files that could not be read or parsed (named on stderr too);
  hidden files (macOS ``._NAME.tml`` resource forks) are never read.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.files import Reader, data_files
from benchmarks.output import emit
from sitrep.resolve.time import Reference, TimeMention, find_dates, resolve_expression

CONTEXT_CHARS = 600  # local context handed to the resolver on each side of a gold span


@dataclass(frozen=True)
class Timex:
    """One gold TIMEX3 with offsets into the document's stripped text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    function: str


@dataclass(frozen=True)
class TmlDoc:
    name: str
    text: str
    creation: datetime.date | None
    timexes: tuple[Timex, ...]


def _timex(elem: ET.Element, start: int, end: int, text: str) -> Timex:
    return Timex(
        start, end, text[start:end], elem.get("type", ""), elem.get("value", ""),
        elem.get("functionInDocument", "NONE"),
    )


def _walk(elem: ET.Element, parts: list[str], found: list[Timex], pos: int) -> int:
    """Append the element's text to ``parts``; record TIMEX3 offsets; return the new end."""
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        start = pos
        pos = _walk(child, parts, found, pos)
        if child.tag == "TIMEX3":
            found.append(_timex(child, start, pos, "".join(parts)))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def _creation_date(root: ET.Element) -> datetime.date | None:
    for elem in root.iter("TIMEX3"):
        if elem.get("functionInDocument") == "CREATION_TIME":
            match = re.match(r"(\d{4})-(\d{2})-(\d{2})", elem.get("value", ""))
            if match:
                return datetime.date(*(int(g) for g in match.groups()))
    return None


def parse_tml(source: str, name: str = "") -> TmlDoc:
    """Parse one TimeML document: stripped ``<TEXT>`` text, creation date, gold timexes."""
    root = ET.fromstring(source)
    body = root.find(".//TEXT")
    parts: list[str] = []
    found: list[Timex] = []
    if body is not None:
        _walk(body, parts, found, 0)
    return TmlDoc(name, "".join(parts), _creation_date(root), tuple(found))


def load_dir(path: Path, limit: int | None = None,
             reader: Reader | None = None) -> list[TmlDoc]:
    """The ``.tml`` documents under ``path`` (hidden files such as macOS ``._NAME.tml``
    resource forks left out); ``reader`` keeps the files that cannot be read."""
    files = data_files(path, "*.tml", recursive=True)[:limit]
    reader = reader or Reader()
    return [doc for f in files
            if (doc := reader.read(f, lambda text, f=f: parse_tml(text, f.name)))]


def _gold_dates(doc: TmlDoc) -> list[Timex]:
    return [t for t in doc.timexes if t.type == "DATE" and t.function != "CREATION_TIME"]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def error_category(gold: str, got: str | None) -> str:
    """A coarse label for a wrong value, for the error breakdown."""
    if got is None:
        return "unresolved"
    if gold.endswith("_REF") or got.endswith("_REF"):
        return "ref"
    if "X" in gold:
        return "gold_underspecified"
    shape = re.sub(r"\d", "9", gold)
    if shape == re.sub(r"\d", "9", got):
        return "wrong_" + {"9999-99-99": "day", "9999-99": "month", "9999": "year"}.get(
            shape, "same_shape"
        )
    return "wrong_granularity"


@dataclass
class Tally:
    correct: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fp_other_type: int = 0
    fn: int = 0
    exact_tp: int = 0
    exact_fp: int = 0
    exact_fn: int = 0


def score_values(doc: TmlDoc, tally: Tally, errors: list[tuple[str, ...]]) -> None:
    reference = Reference.from_date(doc.creation) if doc.creation else None
    for gold in _gold_dates(doc):
        before = doc.text[max(0, gold.start - CONTEXT_CHARS):gold.start]
        after = doc.text[gold.end:gold.end + CONTEXT_CHARS]
        mention = resolve_expression(gold.text, reference, before=before, after=after)
        got = mention.value if mention else None
        tally.total += 1
        if got == gold.value:
            tally.correct += 1
        else:
            errors.append((error_category(gold.value, got), doc.name, gold.text, gold.value,
                           str(got), str(doc.creation)))


def score_recognition(doc: TmlDoc, tally: Tally, misses: list[tuple[str, ...]]) -> None:
    reference = Reference.from_date(doc.creation) if doc.creation else None
    golds = _gold_dates(doc)
    others = [t for t in doc.timexes if t.type != "DATE" and t.function != "CREATION_TIME"]
    found: list[TimeMention] = find_dates(doc.text, reference)
    for m in found:
        if any(_overlaps(m.start, m.end, g.start, g.end) for g in golds):
            tally.tp += 1
        elif any(_overlaps(m.start, m.end, o.start, o.end) for o in others):
            tally.fp_other_type += 1
        else:
            tally.fp += 1
            misses.append(("false_positive", doc.name, m.text, m.kind))
        exact = any(m.start == g.start and m.end == g.end for g in golds)
        tally.exact_tp += exact
        tally.exact_fp += not exact
    for g in golds:
        if not any(_overlaps(m.start, m.end, g.start, g.end) for m in found):
            tally.fn += 1
            misses.append(("missed", doc.name, g.text, g.value))
        if not any(m.start == g.start and m.end == g.end for m in found):
            tally.exact_fn += 1


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(docs: list[TmlDoc]) -> tuple[dict[str, float | int], list[tuple[str, ...]]]:
    tally = Tally()
    errors: list[tuple[str, ...]] = []
    for doc in docs:
        score_values(doc, tally, errors)
        score_recognition(doc, tally, errors)
    p, r, f = _prf(tally.tp, tally.fp, tally.fn)
    ps, _, fs = _prf(tally.tp, tally.fp + tally.fp_other_type, tally.fn)
    pe, re_, fe = _prf(tally.exact_tp, tally.exact_fp, tally.exact_fn)
    value_errors = Counter(e[0] for e in errors if e[0] not in ("missed", "false_positive"))
    result: dict[str, float | int] = {
        "value_accuracy": round(tally.correct / tally.total, 4) if tally.total else 0.0,
        "recognition_f1": round(f, 4),
        "n": tally.total,
        "documents": len(docs),
        "recognition_precision": round(p, 4),
        "recognition_recall": round(r, 4),
        "recognition_precision_strict": round(ps, 4),
        "recognition_f1_strict": round(fs, 4),
        "recognition_f1_exact": round(fe, 4),
        "recognition_precision_exact": round(pe, 4),
        "recognition_recall_exact": round(re_, 4),
        "predicted_other_type": tally.fp_other_type,
    }
    for category, count in sorted(value_errors.items()):
        result[f"value_errors_{category}"] = count
    return result, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, type=Path, help="directory of .tml files")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    parser.add_argument("--limit", type=int, default=None, help="score the first N files")
    parser.add_argument("--errors", action="store_true", help="list every error on stderr")
    args = parser.parse_args(argv)
    if not args.dir.exists():
        print(f"no such directory: {args.dir}", file=sys.stderr)
        return 2
    reader = Reader()
    docs = load_dir(args.dir, args.limit, reader)
    print(f"scoring {len(docs)} documents", file=sys.stderr)
    result, errors = evaluate(docs)
    result["unreadable"] = reader.unreadable
    if args.errors:
        for row in sorted(errors):
            print("\t".join(row), file=sys.stderr)
    emit(result, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
