"""The sentence selector reads irregular loss verbs ("lost", "shot") without a parser."""

from sitrep.pipeline import _selector


def test_irregular_forms_of_loss_verbs_select_a_sentence():
    selector = _selector()
    assert selector.core("Ukraine has lost over 37,355 servicepeople in total.")
    assert selector.core("Two soldiers were shot by snipers near the town.")
