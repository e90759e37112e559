from sitrep.checks.numbers import number_conflicts
from sitrep.checks.pairs import claim_pairs, contradicting_claims
from sitrep.records import Claim, Claimant, Quantity, Span, Subject

SPAN = Span(0, 1, "x")


def claim(id_, claimant, subject, value, outcome="killed", qualifier="exact", parent=None):
    return Claim(Claimant(claimant, claimant), Subject(subject, "military"), outcome,
                 "personnel", Quantity(value, qualifier, span=SPAN), "2024-01-02", None, None,
                 None, SPAN, id=id_, parent=parent)


def test_a_subtotal_above_its_total():
    total, part = claim("C1", "UKR", "RUS", 40), claim("C2", "UKR", "RUS", 50, parent="C1")
    assert [f.refs for f in number_conflicts([total, part])] == [("C2", "C1")]


def test_killed_above_killed_or_wounded():
    both = claim("C1", "UKR", "RUS", 100, outcome="killed_or_wounded")
    killed = claim("C2", "UKR", "RUS", 150)
    assert [f.kind for f in number_conflicts([both, killed])] == ["number_conflict"]


def test_one_source_two_figures():
    flags = contradicting_claims([claim("C1", "RUS", "UKR", 300), claim("C2", "RUS", "UKR", 350)])
    assert [f.refs for f in flags] == [("C1", "C2")]


def test_compatible_figures_do_not_contradict():
    flags = contradicting_claims([claim("C1", "RUS", "UKR", 300, qualifier="more_than"),
                                  claim("C2", "RUS", "UKR", 350)])
    assert flags == []


def test_pairs_set_the_sides_side_by_side():
    pairs = claim_pairs([claim("C1", "AZE", "ARM", 2300), claim("C2", "ARM", "ARM", 200),
                         claim("C3", "ARM", "AZE", 790)])
    arm = next(p for p in pairs if p["subject"] == "ARM")
    assert [c["claim"] for c in arm["by_others"]] == ["C1"]
    assert [c["claim"] for c in arm["by_self"]] == ["C2"]
