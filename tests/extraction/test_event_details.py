"""The details of deeds: victims, targets, instruments, damage and who is blamed."""

from __future__ import annotations

import pytest

from sitrep.extraction.event_details import class_of, doer_people, matches

BOMBING = ("Urban guerrillas blew up a car bomb outside the Colombian embassy on Tuesday, "
           "killing Mayor Jose Garcia and five peasants. The building was destroyed.")


@pytest.fixture(scope="module")
def bombing(extractor):
    report = extractor.extract(BOMBING, "1990-01-12")
    return report, next(e for e in report.events if e.type == "ASSAULT")


def test_victims_have_a_name_a_kind_a_number_and_an_effect(bombing):
    report, event = bombing
    found = {(v.name, v.description, v.kind, v.number, v.effect) for v in event.victims}
    assert found == {("Jose Garcia", "Mayor", "government official", "1", "death"),
                     (None, "five peasants", "civilian", "5", "death")}
    text = report.document.text
    for victim in event.victims:  # every victim points at the words that name it
        assert text[victim.evidence.start:victim.evidence.end] == victim.evidence.text
        assert (victim.name or victim.description) in victim.evidence.text


def test_targets_instruments_and_damage(bombing):
    _report, event = bombing
    assert [(t.kind, t.evidence.text, t.number) for t in event.targets] == [
        ("diplomat office or residence", "Colombian embassy", "1")]
    assert [(t.kind, t.evidence.text) for t in event.instruments] == [
        ("vehicle bomb", "car bomb")]
    assert event.damage == "destroyed"  # told in the next sentence


def test_the_doers_words_that_name_people(bombing):
    _report, event = bombing
    assert [a.people for a in event.actors] == ["Urban guerrillas"]
    assert doer_people("a group of armed men, who forced him into a car") == \
        "a group of armed men"
    assert doer_people("the bomb") is None  # a weapon does nothing of itself


@pytest.mark.parametrize("sentence,responsibility", [
    ("Gunmen killed a judge in Lima on Monday.", "reported"),
    ("Gunmen suspected of belonging to the rebels killed a judge in Lima on Monday.",
     "suspected"),
    ("Gunmen who later claimed responsibility killed a judge in Lima on Monday.", "claimed"),
])
def test_responsibility_follows_the_words_of_the_report(extractor, sentence, responsibility):
    report = extractor.extract(sentence, "1990-01-16")
    (event,) = [e for e in report.events if e.type == "ASSAULT"]
    assert event.responsibility == responsibility


def test_a_deed_with_no_doer_names_those_who_could_have_done_it(extractor):
    report = extractor.extract("A bomb exploded at a bank in Lima on Monday; witnesses saw "
                               "two gunmen run away.", "1990-01-16")
    (event,) = [e for e in report.events if e.type == "ASSAULT"]
    assert [s.text for s in event.possible_doers] == ["gunmen"]


def test_a_fighter_harmed_is_marked_a_combatant(extractor):
    report = extractor.extract("Soldiers killed three guerrillas and a teacher near Lima on "
                               "Monday.", "1990-01-16")
    (event,) = [e for e in report.events if e.type == "ASSAULT"]
    combatant = {(v.description or "").split()[-1]: v.combatant for v in event.victims}
    assert combatant["guerrillas"] is True
    assert not any(v.combatant for v in event.victims if "teacher" in (v.description or ""))


def test_people_the_text_counts_are_victims_and_bare_people_are_not(extractor):
    report = extractor.extract("Five persons were seriously wounded in a bomb attack in Lima "
                               "on Monday. People heard the attack from afar.", "1990-01-16")
    victims = [(v.description, v.number, v.effect) for e in report.events for v in e.victims]
    assert victims == [("Five persons", "5", "injury")]


def test_who_died_in_a_deed_is_its_victim_not_its_doer(extractor):
    report = extractor.extract("Inspector Eulogio Flores died in the explosion in Lima on "
                               "Monday.", "1990-01-16")
    (event,) = [e for e in report.events if e.type == "ASSAULT"]
    assert not event.actors
    assert [(v.name, v.description, v.effect) for v in event.victims] == [
        ("Eulogio Flores", "Inspector", "death")]


def test_words_are_matched_longest_first_and_classed():
    assert [m.group() for m in matches("weapon", "a car bomb and a bomb")] == ["car bomb",
                                                                                "bomb"]
    assert class_of("weapon", "car bombs") == "vehicle bomb"
    assert class_of("target", "the embassy") == "diplomat office or residence"
    assert class_of("weapon", "the embassy") is None


def test_statements_get_no_details(extractor):
    report = extractor.extract("The president called on both sides to stop the fighting.",
                               "1990-01-16")
    for event in report.events:
        if event.type == "DEMAND":
            assert (event.victims, event.targets, event.responsibility) == ((), (), None)
