"""Official-style MUC-4 score reports: render ours, read the 1992 ones.

The 1992 scorer printed, per template pair and in total, one row per slot with
``POS ACT|COR PAR INC|ICR IPA|SPU MIS NON|REC PRE OVG`` and summary rows (MATCHED/MISSING,
MATCHED/SPURIOUS, MATCHED ONLY, ALL TEMPLATES, ...); ``render`` prints the same table
for a ``Score``, ``to_json`` the machine-readable form, and ``read_nrad`` reads an
official ``.nrad`` report so the two can be compared pair by pair.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.muc4.scorer import GROUPS, Score, Tally, TemplatePairs, percent
from benchmarks.muc4.templates import SCORED_SLOTS

_COLUMNS = ("pos", "act", "cor", "par", "inc", "icr", "ipa", "spu", "mis", "non")
_HEADER = (
    "SLOT                  POS  ACT| COR  PAR  INC| ICR  IPA| SPU  MIS  NON| REC PRE OVG\n"
    "----------------------------------+--------------+---------+--------------+------------"
)


def _pct(value: float | None) -> str:
    return "  *" if value is None else f"{round(value):3d}"


def _row(name: str, tally: Tally) -> str:
    c = tally
    return (
        f"{name:<20}{c.pos:5d}{c.act:5d}|{c.cor:4d}{c.par:5d}{c.inc:5d}|{c.icr:4d}{c.ipa:5d}|"
        f"{c.spu:4d}{c.mis:5d}{c.non:5d}| {_pct(c.recall)} {_pct(c.precision)} "
        f"{_pct(c.overgeneration)}"
    )


def render(score: Score, *, pairs: bool = False) -> str:
    """The official-style report: optional per-pair tables, then the totals."""
    lines: list[str] = []
    if pairs:
        for pair in score.pairs:
            key = pair.key_id or "<NONE>"
            response = pair.response_id or "<NONE>"
            lines.append(f"\n{pair.message_id}   key: {key}  response: {response}  [{pair.status}]")
            lines.append(_HEADER)
            lines.extend(_row(slot, pair.slots[slot]) for slot in ("template-id", *SCORED_SLOTS))
    lines.append("\n * * * TOTAL SLOT SCORES * * *\n")
    lines.append(_HEADER)
    lines.extend(_row(slot, score.slot(slot)) for slot in ("template-id", *SCORED_SLOTS))
    lines.append("-" * 88)
    lines.extend(_row(group, score.group(group)) for group in GROUPS)
    lines.append("-" * 88)
    for name, tally in score.summary().items():
        lines.append(_row(name, tally))
    lines.append("-" * 88)
    all_t = score.all_templates
    lines.append(f"F-MEASURES   P&R {all_t.f():.2f}   2P&R {all_t.f(0.5):.2f}   "
                 f"P&2R {all_t.f(2):.2f}")
    return "\n".join(lines)


def _counts(tally: Tally) -> dict[str, int]:
    return {name: getattr(tally, name) for name in _COLUMNS}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def to_json(score: Score) -> dict[str, Any]:
    """``{"all_templates": {...}, "slots": {...}}`` in percentages, with the counts."""
    all_t = score.all_templates
    out: dict[str, Any] = {
        "all_templates": {
            "recall": _rounded(all_t.recall),
            "precision": _rounded(all_t.precision),
            "overgeneration": _rounded(all_t.overgeneration),
            "f": round(all_t.f(), 2),
            **_counts(all_t),
        },
        "slots": {},
        "summary": {},
    }
    for slot in ("template-id", *SCORED_SLOTS):
        tally = score.slot(slot)
        out["slots"][slot] = {
            "recall": _rounded(tally.recall),
            "precision": _rounded(tally.precision),
            **_counts(tally),
        }
    for name, tally in score.summary().items():
        out["summary"][name] = {
            "recall": _rounded(tally.recall),
            "precision": _rounded(tally.precision),
            "overgeneration": _rounded(tally.overgeneration),
            **_counts(tally),
        }
    return out


@dataclass(frozen=True)
class NradSection:
    """One template pair of an official report, with the counts of each slot row."""

    message_id: str
    key_id: str | None
    response_id: str | None
    status: str
    rows: dict[str, dict[str, int]]


@dataclass(frozen=True)
class NradReport:
    """An official ``.nrad`` report: the pair sections, the total rows and the F-measure."""

    sections: tuple[NradSection, ...]
    totals: dict[str, dict[str, int]]
    f: float | None


_SECTION = re.compile(
    r"^([A-Z0-9]+-[A-Z0-9]+-\d+)\s*(?:key:\s*(\S+)\s+response:\s*(\S+))?\s*(?:\[(\w+)\])?\s*$"
)
_ROW = re.compile(
    r"^([A-Za-z][\w/ -]*?)\s+(\d+)\s+(\d+)\|\s*(\d+)\s+(\d+)\s+(\d+)\|\s*(\d+)\s+(\d+)\|"
    r"\s*(\d+)\s+(\d+)\s+(\d+)\|"
)
_F = re.compile(r"^F-MEASURES\s+([\d.]+)")


def read_nrad(path: str | Path) -> NradReport:
    """Read an official per-pair score report (``*-scores-pass1.tst4.nrad``)."""
    sections: list[NradSection] = []
    totals: dict[str, dict[str, int]] = {}
    current: dict[str, dict[str, int]] | None = None
    f_value: float | None = None
    for line in Path(path).read_text(encoding="latin-1").splitlines():
        header = _SECTION.match(line)
        if header:
            mid, key, resp, status = header.groups()
            current = {}
            if key is None:
                status = "message"  # per-message report: no template pairs shown
            sections.append(NradSection(
                mid, None if key in (None, "<NONE>", "*") else key,
                None if resp in (None, "<NONE>", "*") else resp,
                status or "matched", current,
            ))
            continue
        if "TOTAL SLOT SCORES" in line:
            current = totals
            continue
        row = _ROW.match(line)
        if row and current is not None:
            name = row.group(1).strip()
            current[name] = dict(zip(_COLUMNS, (int(g) for g in row.groups()[1:]), strict=True))
            continue
        f_match = _F.match(line)
        if f_match:
            f_value = float(f_match.group(1))
    return NradReport(tuple(sections), totals, f_value)


def official_mapping(report: NradReport) -> dict[str, TemplatePairs] | None:
    """The template pairs an official report mapped, per message; None if the report
    shows messages only (SRI's)."""
    if any(s.status == "message" for s in report.sections):
        return None
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for section in report.sections:
        if section.status == "matched" and section.key_id and section.response_id:
            pairs[section.message_id].append((section.key_id, section.response_id))
    return dict(pairs)


@dataclass(frozen=True)
class OfficialRow:
    """One system's line of ``official_scores_tst4.tsv``: F and per-slot R/P (None = *)."""

    system: str
    recall: int | None
    precision: int | None
    f: float
    slots: dict[str, tuple[int | None, int | None]]


def _int(text: str) -> int | None:
    text = text.strip()
    return None if text in ("*", "") else int(text)


def read_official_scores(path: str | Path) -> dict[str, OfficialRow]:
    """Read the official score table; columns ``<slot>_REC/PRE`` hold ``R/P``."""
    rows: dict[str, OfficialRow] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for line in csv.DictReader(handle, delimiter="\t"):
            slots = {}
            for column, value in line.items():
                if column.endswith("_REC/PRE") and value:
                    r, p = value.split("/")
                    slots[column[: -len("_REC/PRE")]] = (_int(r), _int(p))
            rows[line["system"]] = OfficialRow(
                line["system"], _int(line["ALL_REC"]), _int(line["ALL_PRE"]),
                float(line["F(P&R)"]), slots,
            )
    return rows


def slot_deviations(score: Score, official: OfficialRow) -> list[tuple[int, str]]:
    """|ours - official| in whole points for each official slot figure, largest first.

    A figure undefined on one side only (``*``: nothing to divide by) counts 100.
    """
    out: list[tuple[int, str]] = []
    for slot, (rec, pre) in official.slots.items():
        tally = score.slot(slot)
        for label, theirs, ours in (("R", rec, tally.recall), ("P", pre, tally.precision)):
            if theirs is None and ours is None:
                continue
            if theirs is None or ours is None:
                out.append((100, f"{slot} {label}"))
            else:
                out.append((abs(percent(ours) - theirs), f"{slot} {label}"))
    return sorted(out, key=lambda d: -d[0])
