"""The conservative death toll of a report, as ACLED codes it."""

from sitrep.extraction.tally import fatalities
from sitrep.records import Claim, Claimant, Quantity, Span, Subject


def _killed(value, claimant=None, subject=None, parent=None, outcome="killed", low=None):
    q = Quantity(value, "range" if low is not None else "exact", low, value if low else None)
    return Claim(Claimant(claimant, claimant), Subject(subject), outcome, "personnel", q,
                 None, None, None, None, Span(0, 1, "x"), parent=parent)


def test_competing_claims_take_the_lowest_and_sides_add_up():
    claims = [_killed(10, "SOM", "SHABAAB"), _killed(15, "SHABAAB", "SOM"),
              _killed(6, "SOM", "SOM"), _killed(4, "SHABAAB", "SHABAAB")]
    assert fatalities(claims) == 4 + 6


def test_one_claimants_figures_for_different_losses_add_up():
    claims = [_killed(5), _killed(1), _killed(2, parent="C1"), _killed(7, outcome="wounded")]
    assert fatalities(claims) == 6


def test_a_range_counts_its_low_end_and_vague_counts_nothing():
    assert fatalities([_killed(15, low=10), _killed(None)]) == 10


def test_a_bare_tally_is_the_reports_own_count():
    tally = _killed(2)
    tally = type(tally)(**{**tally.__dict__, "evidence": type(tally.evidence)(0, 13,
                                                                              "2 fatalities.")})
    assert fatalities([_killed(1, subject="MEX"), tally]) == 2
