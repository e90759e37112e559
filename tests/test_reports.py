"""Golden tests: every fixture report's claims, compared whole with its expected claims.

A produced claim matches an expected one when value, item and outcome agree; then every
other field the expectation states must agree too. A produced claim that matches none is
an error as much as a missing one.
"""

from __future__ import annotations

import json

import pytest

from .conftest import FIXTURES

REPORTS = sorted((FIXTURES / "reports").glob("*.txt"))
FIELDS = ("claimant", "subject", "subject_kind", "qualifier", "low", "high", "stated_on",
          "event_date", "period_start", "period_end", "vague", "coded_value")


def produced_view(claim: dict) -> dict:
    period = claim["period"] or {}
    return {
        "claimant": claim["claimant"]["actor"], "subject": claim["subject"]["actor"],
        "subject_kind": claim["subject"]["kind"], "outcome": claim["outcome"],
        "item": claim["item"], "value": claim["quantity"]["value"],
        "qualifier": claim["quantity"]["qualifier"], "low": claim["quantity"]["low"],
        "high": claim["quantity"]["high"], "stated_on": claim["stated_on"],
        "event_date": claim["event_date"], "period_start": period.get("start"),
        "period_end": period.get("end"), "evidence": claim["evidence"]["text"],
        "vague": claim.get("vague"), "coded_value": claim.get("coded_value"),
    }


def compare(expected: list[dict], produced: list[dict]) -> list[str]:
    problems, used = [], set()
    for exp in expected:
        candidates = [i for i, p in enumerate(produced) if i not in used
                      and (p["value"], p["item"], p["outcome"])
                      == (exp["value"], exp["item"], exp["outcome"])]
        if not candidates:
            problems.append(f"missing: {exp['value']} {exp['item']} {exp['outcome']} "
                            f"({exp.get('cue')!r})")
            continue
        def wrong(i, exp=exp):
            return [f for f in FIELDS if f in exp and produced[i][f] != exp[f]]
        best = min(candidates, key=lambda i: len(wrong(i)))
        used.add(best)
        for f in wrong(best):
            problems.append(f"{exp['value']} {exp['item']} {exp['outcome']}: {f} is "
                            f"{produced[best][f]!r}, expected {exp[f]!r} ({exp.get('cue')!r})")
    for i, p in enumerate(produced):
        if i not in used:
            problems.append(f"extra: {p['value']} {p['item']} {p['outcome']} "
                            f"({p['evidence']!r})")
    return problems


def forbidden_claims(text: str, not_claims: list[dict], claims: list[dict]) -> list:
    """Not-claims that became claims: a claim whose figure lies inside the not-claim's cue
    (or, for a not-claim without a cue, one with its value)."""
    found = []
    for entry in not_claims:
        cue = entry.get("cue")
        if not cue:
            if any(c["quantity"]["value"] == entry["value"] for c in claims):
                found.append(entry["value"])
            continue
        start = text.find(cue)
        end = start + len(cue)
        if any(start <= c["quantity"]["span"]["start"] < end for c in claims):
            found.append(cue)
    return found


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_report(extractor, path):
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    report = extractor.extract(path.read_text("utf-8"), expected["published"])
    produced = [produced_view(c) for c in report.to_dict()["claims"]]
    problems = compare(expected["claims"], produced)
    forbidden = forbidden_claims(path.read_text("utf-8"), expected.get("not_claims", []),
                                 report.to_dict()["claims"])
    assert not problems and not forbidden, "\n".join(problems + [f"forbidden: {forbidden}"])


def test_there_are_enough_reports():
    assert len(REPORTS) >= 20
