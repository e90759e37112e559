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


def test_an_article_counts_only_a_whole_counted_thing():
    # "a source familiar with the ..." counts no "t"; "a point" is no control point
    selector = _selector()
    assert not selector.core("But a source familiar with the probe said hackers took data.")
    assert not selector.core("He made a point that was lost on the voters.")
    assert selector.core("A police officer was killed in the attack.")
    assert selector.core("A control point was destroyed overnight.")


def test_a_reporting_phrase_is_found_by_its_rarest_word():
    selector = _selector()
    assert not selector.talks("The vote in Iowa was close.")
    assert selector.talks("In the words of the minister, the army is ready.")
    assert selector.talks("The two sides will hold talks in Geneva.")


def test_a_story_that_mentions_violence_once_is_not_read_as_a_conflict_report():
    from sitrep.pipeline import Extractor

    extractor = Extractor()
    parsed: list[int] = []
    parse = extractor._parse

    def counting(text, sentences, indices, *args):
        parsed.extend(indices)
        return parse(text, sentences, indices, *args)

    extractor._parse = counting
    politics = [f"The senator said on day {n} that the budget vote would be close." for n in
                range(1, 16)]
    shooting = "Two people were shot dead outside a rally in Ohio, police said."
    extractor.extract(" ".join([shooting, *politics]), "2016-03-01")
    assert max(parsed) <= 1 + 3  # the shooting, and the statements near it
    parsed.clear()
    extractor.extract(" ".join([shooting, *politics[:6]]), "2016-03-01")
    assert max(parsed) == 6  # a tenth of the report or more: every statement is read


def test_a_cue_word_that_names_a_month_counts_in_lower_case_only():
    selector = _selector()
    assert selector.core("Citizens marched on the streets of the city on Labor Day.")
    assert not selector.core("The vote was held in March in Ohio.")
