"""The reports benchmark: one-to-one matching and its scores, on a small report written
for this test, and end to end on reports-dev when it is present."""

from __future__ import annotations

import json

from benchmarks.reports import Case, Tally, main, match, result, score_case

from ..conftest import eval_data

TEXT = "The ministry said 12 soldiers were killed and 3 tanks destroyed."


def _claim(actor, subject, outcome, item, value, start=0):
    return {"claimant": {"actor": actor}, "subject": {"actor": subject}, "outcome": outcome,
            "item": item, "quantity": {"value": value, "qualifier": "exact", "low": None,
                                       "high": None},
            "evidence": {"start": start, "end": start + 5, "text": "x"}}


def _gold(id_, claimant, subject, outcome, item, value, start=0, **extra):
    return {"id": id_, "claimant_side": claimant, "subject_side": subject, "outcome": outcome,
            "item": item, "value": value, "evidence": "x", "evidence_start": start,
            "evidence_end": start + 5, **extra}


def test_matching_prefers_the_candidate_with_most_fields_right():
    gold = [_gold("C1", "AZE", "ARM", "killed", "personnel", 12)]
    claims = [_claim("ARM", "AZE", "killed", "personnel", 12),
              _claim("AZE", "ARM", "killed", "personnel", 12)]
    assert match(gold, claims) == [(0, 1, [])]


def test_scores_follow_the_rule():
    gold = [_gold("C1", "reporter", "ARM|AZE", "killed", "personnel", 12, outcome_alt=[]),
            _gold("C2", "AZE", "ARM", "destroyed", "tanks_armored_vehicles", 3),
            _gold("C3", "AZE", "ARM", "killed", "personnel", 40, background=True),
            _gold("C4", "AZE", "ARM", "wounded", "personnel", 7)]
    claims = [_claim(None, "AZE", "killed", "personnel", 12),       # strict: reporter, A|B
              _claim("AZE", "AZE", "destroyed", "tanks", 3),         # value only: subject
              _claim("AZE", "ARM", "killed", "personnel", 40),       # background: neutral
              _claim("AZE", "ARM", "killed", "personnel", 99),       # spurious
              _claim("AZE", "ARM", "killed", "personnel", None)]     # vague: left out
    tally = Tally()
    score_case(Case("r", TEXT, None, gold), {"claims": claims}, tally)
    out = result(tally)
    assert (tally.n_gold, tally.n_sitrep, tally.value, tally.strict) == (3, 3, 2, 1)
    assert out["strict"]["precision"] == round(1 / 3, 4)
    assert out["value"]["recall"] == round(2 / 3, 4)
    kinds = sorted(e["kind"] for e in tally.errors)
    assert kinds == ["missed", "spurious", "wrong"]


def test_reports_dev_end_to_end(capsys):
    directory = eval_data("reports-dev")
    assert main(["--dir", str(directory), "--split", "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n_reports"] == 10 and out["n_gold"] > 0
    assert 0.0 < out["value"]["f1"] <= 1.0
