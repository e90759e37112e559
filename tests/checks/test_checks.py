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


def test_a_long_report_gets_one_flag_per_set_of_clashing_claims_not_per_pair():
    # the same two figures repeated 200 times: 40,000 pairs, one set of clashing claims
    claims = [claim(f"C{i}", "RUS", "UKR", 300 if i % 2 else 350) for i in range(400)]
    (flag,) = contradicting_claims(claims)
    assert len(flag.evidence) == 400 and set(flag.refs) == {c.id for c in claims}
    assert "300 and 350" in flag.message or "350 and 300" in flag.message


def test_only_the_contradicted_figures_are_evidence():
    claims = [claim("C1", "RUS", "UKR", 100, qualifier="more_than"),
              claim("C2", "RUS", "UKR", 120), claim("C3", "RUS", "UKR", 50)]
    (flag,) = contradicting_claims(claims)
    assert flag.refs == ("C1", "C2", "C3")  # 50 is below "more than 100" and 120
    claims = [claim("C1", "RUS", "UKR", 100, qualifier="more_than"),
              claim("C2", "RUS", "UKR", 120)]
    assert contradicting_claims(claims) == []


def test_number_conflicts_name_both_figures():
    both = claim("C1", "UKR", "RUS", 100, outcome="killed_or_wounded")
    killed = [claim(f"C{i}", "UKR", "RUS", 150) for i in range(2, 300)]
    (flag,) = number_conflicts([both, *killed])
    assert flag.refs[-1] == "C1" and len(flag.evidence) == 299
