"""A defence ministry's daily loss statement: every running total and every day's change."""

import pytest

from sitrep.extraction.loss_lists import classify, find_loss_lists

STATEMENT = """General Staff of the Armed Forces of Ukraine: the combat losses of the enemy

The total combat losses of the enemy from 24.02.2022 to 10.11.2022 were approximately:
personnel ‒ about 79,990 (+590) persons were liquidated,
tanks ‒ 2811 (+7),
armoured combat vehicles ‒ 5676 (+7),
artillery systems – 1812 (+5),
MLRS - 393 (+0),
Anti-aircraft warfare systems ‒ 205 (+0),
aircraft – 278 (+0),
helicopters – 261 (+0),
UAV operational-tactical level – 1482 (+8),
cruise missiles ‒ 399 (+0),
warships / boats ‒ 16 (+0),
vehicles and fuel tanks – 4237 (+8),
special equipment ‒ 154 (+0).
The data are being updated.
"""

EXPECTED = [  # item, item_class, total, day
    ("personnel", None, 79990, 590), ("tanks", None, 2811, 7),
    ("armored_vehicles", None, 5676, 7), ("artillery_rockets", "artillery", 1812, 5),
    ("artillery_rockets", "mlrs", 393, 0), ("air_defense", None, 205, 0),
    ("fixed_wing_aircraft", None, 278, 0), ("helicopter", None, 261, 0), ("uav", None, 1482, 8),
    ("other_equipment", "cruise_missiles", 399, 0), ("ships", None, 16, 0),
    ("vehicles", "fuel_tanks", 4237, 8), ("other_equipment", "special_equipment", 154, 0),
]


def test_the_list_is_read_line_by_line():
    (found,) = find_loss_lists(STATEMENT)
    assert found.approx
    assert [(line.item.item, line.item.cls, line.total[0], line.day[0])
            for line in found.lines] == EXPECTED


def test_every_running_total_and_every_days_change_is_a_claim(extractor):
    claims = extractor.extract(STATEMENT, "2022-11-10").claims
    totals = [c for c in claims if c.parent is None]
    days = [c for c in claims if c.parent is not None]
    assert [(c.item, c.item_class, c.quantity.value) for c in totals] == [
        (item, cls, total) for item, cls, total, _day in EXPECTED]
    assert [c.quantity.value for c in days] == [day for *_rest, day in EXPECTED]
    assert {(c.period.start, c.period.end) for c in totals} == {("2022-02-24", "2022-11-10")}
    assert {(c.period.start, c.period.end) for c in days} == {("2022-11-10", "2022-11-10")}
    assert {c.claimant.actor for c in claims} == {"UKR"}
    assert {c.outcome for c in claims if c.item == "personnel"} == {"killed"}
    assert {c.outcome for c in claims if c.item != "personnel"} == {"destroyed"}
    by_id = {c.id: c for c in claims}
    assert all(by_id[c.parent].item == c.item for c in days)


def test_a_list_written_on_one_line_and_the_enemy_named_in_its_header(extractor):
    text = ("Russia's Defence Ministry said on Monday. The losses of the Ukrainian army since "
            "the start of the operation were: tanks - 226, drones - 95, helicopters - 4.")
    claims = extractor.extract(text, "2024-12-02").claims
    assert [(c.item, c.quantity.value, c.subject.actor) for c in claims] == [
        ("tanks", 226, "UKR"), ("uav", 95, "UKR"), ("helicopter", 4, "UKR")]


@pytest.mark.parametrize("phrase,item", [
    ("armoured combat vehicles", "armored_vehicles"), ("MLRS", "artillery_rockets"),
    ("warships / boats", "ships"), ("submarines", "ships"), ("the weather", None),
])
def test_items_are_named_by_the_lexicon(phrase, item):
    entry = classify(phrase)
    assert (entry.item if entry else None) == item
