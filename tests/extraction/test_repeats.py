"""One figure, one claim: repeats become mentions of the first body claim."""

from dataclasses import replace

from sitrep.extraction.repeats import merge_repeats
from sitrep.records import Claim, Claimant, Quantity, Span, Subject


def _claim(id_, start, value, claimant="RUS", subject="UKR", outcome="killed",
           parent=None, event_date=None):
    return Claim(Claimant(claimant, "ministry"), Subject(subject, "military"), outcome,
                 "personnel", Quantity(value), None, None, event_date, None,
                 Span(start, start + 5, "x" * 5), id=id_, parent=parent)


def test_a_headline_and_a_repeated_statement_are_mentions_of_one_claim():
    claims = [_claim("C1", 0, 250, claimant=None, outcome="killed_or_wounded"),  # headline
              _claim("C2", 100, 250), _claim("C3", 200, 250), _claim("C4", 300, 40),
              _claim("C5", 400, 12, parent="C4")]
    out = merge_repeats(claims, title_end=50)
    assert [(c.id, c.quantity.value) for c in out] == [("C1", 250), ("C2", 40), ("C3", 12)]
    assert [m.start for m in out[0].mentions] == [200, 0]
    assert out[2].parent == "C2"


def test_other_claimants_single_losses_and_other_days_stay_apart():
    claims = [_claim("C1", 100, 250), _claim("C2", 200, 250, claimant="UKR"),
              _claim("C3", 300, 1), _claim("C4", 400, 1),
              _claim("C5", 500, 7, event_date="2024-01-01"),
              _claim("C6", 600, 7, event_date="2024-01-02")]
    assert len(merge_repeats(claims)) == 6


def test_an_unattributed_lede_figure_is_the_named_sources_figure():
    lede = _claim("C1", 10, 12, claimant=None, subject="SOM")
    body = _claim("C2", 300, 12, claimant="SOM", subject="SOM")
    resident = replace(_claim("C3", 500, 12, claimant=None, subject="SOM"),
                       claimant=Claimant(None, "A resident"))
    out = merge_repeats([lede, body], lede_end=100)
    assert [(c.claimant.actor, [m.start for m in c.mentions]) for c in out] == [("SOM", [10])]
    assert len(merge_repeats([body, resident], lede_end=100)) == 2  # a witness of its own
