"""Denials and figures the report says could not be verified."""

TEXT = ("The Azerbaijani Defense Ministry said on Monday that 22 Armenian tanks and 550 "
        "Armenian soldiers had been destroyed. The Armenian Defense Ministry dismissed the "
        "figures as groundless. Armenian forces killed 30 Azerbaijani soldiers, Yerevan said. "
        "The claims could not be independently verified.")


def test_a_denial_disputes_the_other_sides_figures_of_the_deniers_losses(extractor):
    claims = extractor.extract(TEXT, "2020-09-28").claims
    disputed = {c.quantity.value: [d.actor for d in c.disputed_by] for c in claims}
    assert disputed == {22: ["ARM"], 550: ["ARM"], 30: []}
    assert all(c.quantity.value for c in claims)  # the denial is no claim of its own


def test_a_figure_that_could_not_be_verified_is_flagged(extractor):
    report = extractor.extract(TEXT, "2020-09-28")
    (flag,) = [f for f in report.flags if f.kind == "unverified"]
    thirty = next(c for c in report.claims if c.quantity.value == 30)
    assert thirty.id in flag.message
