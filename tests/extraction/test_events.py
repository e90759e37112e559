import pytest

from sitrep.extraction.events import find_triggers


def triggers(nlp, text):
    doc = nlp(text)
    return [(t.type, t.mode, [text[a:b] for a, b in t.agents],
             [text[a:b] for a, b in t.recipients]) for t in find_triggers(doc)]


@pytest.mark.parametrize("text,expected", [
    ("Russian forces shelled the city overnight.",
     [("ASSAULT", "heavy-weapons", ["Russian forces"], ["the city"])]),
    ("An Israeli airstrike hit a house in Rafah.",
     [("ASSAULT", "aerial", ["Israeli"], [])]),
    ("On the 27th, a new round of conflict broke out between Armenia and Azerbaijan.",
     [("ASSAULT", None, ["Armenia", "Azerbaijan"], [])]),
    ("The United States calls on both sides to stop the violence.",
     [("DEMAND", None, ["The United States"], ["both sides"])]),
    ("Kyiv accused Moscow of shelling the plant.",
     [("DISAPPROVE", None, ["Kyiv"], ["Moscow"])]),
    ("In 1994, Azerbaijan and Armenia reached an agreement on a ceasefire.",
     [("AGREE", None, ["Azerbaijan", "Armenia"], [])]),
])
def test_triggers(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_conflict_noun_alone_is_no_event(nlp):
    assert triggers(nlp, "The death toll in the war rose to 40.") == []


def test_what_is_alleged_is_not_an_event_of_its_own(nlp):
    found = triggers(nlp, "Both sides accused the other party of launching attacks.")
    assert [t[0] for t in found] == ["DISAPPROVE"]


def test_a_verbless_sentence_ends(nlp):
    # the trigger's ancestors hold no verb: the search must stop at the root
    assert [t[0] for t in triggers(nlp, "Fierce shelling in Kharkiv overnight.")] == ["ASSAULT"]


@pytest.mark.parametrize("text,expected", [
    # a verb of harm with no other violent word is the event, its victim the recipient
    ("Unidentified gunmen shot and killed Mayor Jose Garcia in Medellin.",
     [("ASSAULT", None, ["Unidentified gunmen"], ["Mayor Jose Garcia"])]),
    # a passive subject is harmed, the "by" phrase does it
    ("Judge Maria Lopez was murdered by terrorists.",
     [("ASSAULT", None, ["terrorists"], ["Judge Maria Lopez"])]),
    # with a violent word in the sentence, the harmed join that event
    ("A bomb exploded in a market, killing two students.",
     [("ASSAULT", "bombing", ["A bomb"], ["two students"])]),
])
def test_harm_verbs_name_victims(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_victims_of_a_murder_noun_and_targets_of_an_attack_noun(nlp):
    assert triggers(nlp, "Oqueli's assassination shocked the country.") == [
        ("ASSAULT", None, [], ["Oqueli"])]
    found = triggers(nlp, "Subversives staged an attack against the former minister.")
    assert found[0][3] == ["the former minister"]


def test_a_verb_of_harm_without_a_victim_is_no_event(nlp):
    assert triggers(nlp, "Many were said to have killed in the past.") == []


@pytest.mark.parametrize("text", [
    "The rebels plan to burn vehicles.",
    "The armed forces will be bombing civilians.",
])
def test_a_deed_only_planned_or_foretold_is_no_event(nlp, text):
    assert triggers(nlp, text) == []


def test_every_unnamed_victim_is_kept(nlp):
    found = triggers(nlp, "Guerrillas bombed a bridge and killed two guards yesterday.")
    assert found[0][3] == ["a bridge", "two guards"]


def test_claims_link_to_the_deed_their_sentence_tells():
    from sitrep import extract

    report = extract("KYIV, March 3, 2024 (AP) — Russian shelling killed five civilians in "
                     "Kharkiv, the governor said. Ukraine said it shot down 12 drones.")
    killed, downed = report.claims
    (shelling,) = report.events
    assert (killed.quantity.value, killed.event) == (5, shelling.id)
    assert (downed.quantity.value, downed.event) == (12, None)
