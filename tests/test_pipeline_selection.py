"""The sentence selector reads irregular loss verbs ("lost", "shot") without a parser."""

from sitrep.pipeline import _selector


def test_irregular_forms_of_loss_verbs_select_a_sentence():
    selector = _selector()
    assert selector.core("Ukraine has lost over 37,355 servicepeople in total.")
    assert selector.core("Two soldiers were shot by snipers near the town.")


def test_a_number_beside_a_light_word_of_a_loss_phrase_is_no_loss():
    # "in critical condition" is a loss phrase; its "in" alone must not select a sentence
    selector = _selector()
    assert not selector.core("The senator spoke in 2016 in Ohio to 300 donors.")
    assert selector.core("Three of the wounded remain in critical condition.")


def test_everyday_cue_words_count_only_beside_an_armed_party_or_actor():
    selector = _selector()
    assert not selector.core("The governor beat his rival in the March primary.")
    assert not selector.core("Gun control was the issue for the party's base.")
    assert selector.core("Police beat the protesters with batons.")
    sentences = ["Al Shabaab took control of the village.", "The party took control of it."]
    assert selector.core_indices(sentences, armed=[0]) == [0]


def test_irregular_and_y_forms_of_deeds_select_a_sentence():
    selector = _selector()
    assert selector.core("Government forces withdrew from the village.")
    assert selector.core("Hundreds of teachers rallied outside parliament.")


def test_statements_of_armed_actors_are_read_in_any_report():
    from sitrep.pipeline import default

    report = default().extract("Al Shabaab reached an agreement with clan elders in Tayeeglow "
                               "town on Monday.", "2025-04-14")
    assert [e.type for e in report.events] != []


def test_the_rest_of_a_toll_is_read_after_the_toll():
    from sitrep.pipeline import default

    report = default().extract(
        "GAZA, Jan. 16 -- Among the 14 killed, four were children, the ministry said. "
        "The rest ten were militants.", "2008-01-16")
    assert sorted(c.quantity.value for c in report.claims) == [4, 10, 14]
