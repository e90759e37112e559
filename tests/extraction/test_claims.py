"""Claims on short wire-style texts: vague counts, possessives, "six of them"."""

import pytest


@pytest.mark.parametrize("text,words,coded", [
    ("The army said it killed several insurgents on Monday.", "several", 3),
    ("Dozens were wounded in the shelling, the ministry said.", "Dozens", 12),
    ("The militants lost hundreds of fighters, the army said.", "hundreds", 100),
])
def test_a_count_in_words_keeps_its_words_and_no_figure(extractor, text, words, coded):
    (claim,) = extractor.extract(text, "2024-03-04").claims
    assert claim.quantity.value is None
    assert (claim.vague, claim.coded_value) == (words, coded)


def test_its_goes_back_to_the_actor_named_just_before(extractor):
    text = ("According to intercepts of Pakistan Army's communication, those killed included "
            "two commandos from its Special Service Group, Indian military sources said.")
    (claim,) = extractor.extract(text, "2020-11-13").claims
    assert (claim.claimant.actor, claim.subject.actor) == ("IND", "PAK")


def test_six_of_them_are_of_the_people_counted_before(extractor):
    text = ("Thirteen terrorists were killed in the operation, the Pakistani army said. In a "
            "second raid, the forces engaged the hideout and killed six of them.")
    claims = extractor.extract(text, "2025-01-31").claims
    assert [c.subject.actor for c in claims] == ["MILITANTS", "MILITANTS"]


def test_whose_losses_the_words_say(extractor):
    text = ("Azerbaijan's losses have amounted to 300 troops, 18 tanks and two helicopters, "
            "the Armenian army said. The Azerbaijani Defense Ministry admitted the loss of "
            "one helicopter. In all, the Russian forces destroyed 458 Ukrainian warplanes and "
            "12,020 special military motor vehicles, the Russian ministry said.")
    claims = extractor.extract(text, "2016-04-04").claims
    assert [(c.quantity.value, c.claimant.actor, c.subject.actor) for c in claims] == [
        (300, "ARM", "AZE"), (18, "ARM", "AZE"), (2, "ARM", "AZE"), (1, "AZE", "AZE"),
        (458, "RUS", "UKR"), (12020, "RUS", "UKR")]


def test_losses_named_by_a_nationality_and_a_rank_inside_a_total(extractor):
    text = ("Intelligence data indicate that the Azerbaijani losses in manpower exceed 3,000, "
            "the Armenian Defense Ministry said. Four Armenian soldiers, including a major, "
            "were killed, it added.")
    claims = extractor.extract(text, "2020-10-03").claims
    assert [(c.quantity.value, c.subject.actor, c.parent is not None) for c in claims] == [
        (3000, "AZE", False), (4, "ARM", False), (1, "ARM", True)]


def test_a_place_of_origin_is_no_party(extractor):
    text = ("The Syrian Observatory for Human Rights, a Britain-based war monitor, said 14 "
            "Syrian soldiers were killed by US-made missiles.")
    (claim,) = extractor.extract(text, "2024-03-03").claims
    assert claim.subject.actor == "SYR"


def test_a_vow_ends_the_statement_but_claims_no_figure(extractor):
    text = ("The Gaza health ministry said the Israeli army killed 17 Palestinians, including "
            "14 in the Gaza Strip and three in the West Bank. Israel vowed heavy retaliation "
            "after homemade rockets killed an Israeli citizen in Sderot.")
    claims = extractor.extract(text, "2008-02-28").claims
    assert [(c.quantity.value, c.parent is not None, c.claimant.actor) for c in claims] == [
        (17, False, "PSE"), (14, True, "PSE"), (3, True, "PSE"), (1, False, None)]


def test_a_predicate_noun_counts_no_one(extractor):
    text = ("The ministry said 14 Palestinians were killed, among them four children; the "
            "youngest was a 5-month-old infant.")
    claims = extractor.extract(text, "2008-02-28").claims
    assert [c.quantity.value for c in claims] == [14, 4]
