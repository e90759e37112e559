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


@pytest.mark.parametrize("text,event_type,sub_type", [
    ("On 7 March 2026, Al Shabaab shot and killed 6 civilians at a public square in Jilib.",
     "Violence against civilians", "Attack"),
    ("On 2 April 2025, Al Shabaab militants clashed with Somali National Army soldiers "
     "near Afgooye.", "Battles", "Armed clash"),
    ("On 7 May 2020, hundreds of protesters gathered in Baghdad against the new cabinet.",
     "Protests", "Peaceful protest"),
    ("On 4 May 2020, a mob pelted stones at police personnel in Rourkela.",
     "Riots", "Violent demonstration"),
    ("On 7 June 2025, Al Shabaab fighters were deployed in Kismayo.",
     "Strategic developments", "Change to group/activity"),
    ("On 5 May 2020, unidentified gunmen opened fire on a police checkpoint in Kabul.",
     "Battles", "Armed clash"),
])
def test_acled_type_follows_the_codebook(extractor, text, event_type, sub_type):
    """Types from acled.tsv by who acts on whom: armed actors on civilians are violence
    against civilians, on armed actors battles; crowds protest or riot; deployments are
    strategic developments."""
    event = next(e for e in extractor.extract(text, "2025-06-01").events if e.acled)
    assert event.acled == {"event_type": event_type, "sub_event_type": sub_type}


def test_recipients_are_never_dates_and_unnamed_doers_are_actors(extractor):
    report = extractor.extract("On 22 September 2025, unidentified gunmen clashed with police "
                               "officers on Thursday in Garbahaarey town.", "2025-09-26")
    (event,) = [e for e in report.events if e.type == "ASSAULT"]
    assert [a.text for a in event.actors] == ["unidentified gunmen"]
    assert [r.text for r in event.recipients] == ["police officers"]


@pytest.mark.parametrize("text", [
    "The figures could include people killed in earlier clashes with the army.",
    "The rebels could have attacked the convoy.",
])
def test_hedged_talk_is_no_event(nlp, text):
    assert not [t for t in triggers(nlp, text) if t[0] == "ASSAULT"]


def test_shot_down_drones_are_no_drone_strike(nlp):
    assert triggers(nlp, "Ukraine said it shot down 12 drones.") == []


def test_a_demonstration_whose_participants_turn_violent_is_a_riot(extractor):
    report = extractor.extract("On 7 May 2020, villagers demonstrated in Thies against the "
                               "quarantine. They threw stones at the police.", "2020-05-08")
    demonstration = next(e for e in report.events if e.type == "PROTEST")
    assert demonstration.acled == {"event_type": "Riots",
                                   "sub_event_type": "Violent demonstration"}
    calm = extractor.extract("On 7 May 2020, villagers demonstrated in Thies against the "
                             "quarantine.", "2020-05-08")
    assert calm.events[0].acled["event_type"] == "Protests"
