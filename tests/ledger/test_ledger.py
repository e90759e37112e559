"""Across documents: one claim with every source, series, and the two parties compared."""

from __future__ import annotations

from sitrep.ledger.claims import Filters, ledger_claims
from sitrep.ledger.compare import compare
from sitrep.ledger.records import Figure, SeriesPoint
from sitrep.ledger.series import check, series
from sitrep.resolve.actors import ActorLexicon


def _find(claims, claimant, subject, value):
    return [c for c in claims if (c.claimant, c.subject_actor, c.figure.value)
            == (claimant, subject, value)]


def test_two_reports_of_one_ministry_figure_are_one_claim_with_two_sources(war):
    claims = ledger_claims(war)
    (claim,) = _find(claims, "AZE", "ARM", 2300)
    assert (claim.outcome, claim.item, claim.stated_on) == ("killed_or_wounded", "personnel",
                                                            "2020-09-30")
    assert len({s.document_id for s in claim.sources}) == 2
    for source in claim.sources:  # every source points into its own report's text
        assert "2300" in source.text.replace(",", "")
    assert war.counts()["claims"] == sum(len(c.sources) for c in claims)


def test_claims_of_different_claimants_or_days_stay_apart(war):
    claims = ledger_claims(war)
    assert len(_find(claims, "AZE", "ARM", 2700)) == 1
    assert all(len({(c.claimant, c.stated_on) for c in [claim]}) == 1 for claim in claims)
    keys = [(c.claimant, c.subject_actor, c.subject_kind, c.outcome, c.item, c.figure,
             c.stated_on) for c in claims if c.stated_on]
    assert len(keys) == len(set(keys))


def test_filters(war):
    killed = ledger_claims(war, Filters(claimant="ARM", outcome="killed"))
    assert killed and all(c.claimant == "ARM" and c.outcome == "killed" for c in killed)
    import datetime as dt

    late = ledger_claims(war, Filters(since=dt.date(2020, 10, 1)))
    assert late and all(c.stated_on >= "2020-10-01" for c in late)
    by_name = ledger_claims(war, Filters(claimant="defense ministry"))
    assert by_name and all("defense ministry" in (s.claimant_name or "").lower()
                           for c in by_name for s in c.sources[:1])


def test_compare_shows_each_sides_figures_and_the_others_by_date(war):
    result = compare(ledger_claims(war), "ARM", "AZE", ActorLexicon.default().kind_of)
    arm_losses = {s.losses_of: s for s in result.sides}["ARM"]
    aze_losses = {s.losses_of: s for s in result.sides}["AZE"]
    assert arm_losses.claimed_by == "AZE" and aze_losses.claimed_by == "ARM"
    claimed = [(r.date, s.figure.value) for r in arm_losses.rows for s in r.claimed
               if r.outcome == "killed_or_wounded"]
    assert ("2020-09-30", 2300) in claimed and ("2020-10-04", 2700) in claimed
    assert claimed == sorted(claimed)  # by date
    (row,) = [r for r in arm_losses.rows if r.date == "2020-09-30"
              and r.outcome == "killed_or_wounded"]
    assert row.claimed[0].sources == 2
    admitted = [(r.date, s.figure.value) for r in arm_losses.rows for s in r.admitted]
    assert ("2020-10-02", 158) in admitted  # what Armenia says of its own dead
    arm_says = [(r.date, s.figure.value) for r in aze_losses.rows for s in r.claimed]
    assert ("2020-10-02", 1280) in arm_says and ("2020-09-29", 790) in arm_says
    aze_admits = [(r.date, s.figure.value) for r in aze_losses.rows for s in r.admitted]
    assert ("2020-10-04", 24) in aze_admits
    dates = [r.date for r in aze_losses.rows]
    assert dates == sorted(dates)


def test_independent_and_third_party_columns():
    from sitrep.ledger.records import LedgerClaim, Source

    def claim(claimant, value):
        return LedgerClaim(f"id{value}", claimant, None, "AZE", "civilian", "killed",
                           "personnel", Figure(value), "2020-10-05", None, None,
                           (Source("d", 0, 1, "x"),))

    result = compare([claim("ARM", 1), claim("AZE", 2), claim("UN", 3), claim(None, 4),
                      claim("TUR", 5), claim("local officials", 6)], "ARM", "AZE",
                     ActorLexicon.default().kind_of)
    sides = {side.losses_of: side for side in result.sides}
    (row,) = sides["AZE"].rows
    assert [s.figure.value for s in row.claimed] == [1]
    assert [s.figure.value for s in row.admitted] == [2]
    assert [s.figure.value for s in row.independent] == [3, 4, 6]
    assert [s.figure.value for s in row.others] == [5]
    assert sides["ARM"].rows == ()


def test_series_of_a_claimant_by_date(war):
    found = series(ledger_claims(war, Filters(claimant="AZE", subject="ARM",
                                             outcome="killed_or_wounded")))
    (totals,) = [x for x in found if x.item == "personnel"]
    assert [(p.date, p.figure.value) for p in totals.points] == [("2020-09-30", 2300),
                                                                 ("2020-10-04", 2700)]
    assert [p.sources for p in totals.points] == [2, 1]
    assert totals.flags == ()


def _points(*pairs, cumulative=True):
    return tuple(SeriesPoint(date, Figure(value), cumulative, f"c{n}", 1)
                 for n, (date, value) in enumerate(pairs))


def test_a_total_that_goes_backwards_is_flagged():
    flags = check(_points(("2020-10-01", 500), ("2020-10-02", 600), ("2020-10-03", 550)))
    assert [(f.kind, f.claim) for f in flags] == [("backwards", "c2")]
    assert "550" in flags[0].message and "600" in flags[0].message


def test_a_jump_beyond_the_trend_is_flagged_and_a_steady_rise_is_not():
    steady = _points(("2020-10-01", 100), ("2020-10-02", 150), ("2020-10-03", 200),
                     ("2020-10-05", 300))
    assert check(steady) == []
    jump = _points(("2020-10-01", 100), ("2020-10-02", 150), ("2020-10-03", 200),
                   ("2020-10-04", 900))
    assert [(f.kind, f.claim) for f in check(jump)] == [("jump", "c3")]


def test_two_totals_on_one_day_and_incident_counts():
    same = check(_points(("2020-10-01", 500), ("2020-10-01", 520)))
    assert [f.kind for f in same] == ["same_day"]
    assert check(_points(("2020-10-01", 50), ("2020-10-02", 3), cumulative=False)) == []
