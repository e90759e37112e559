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
    # "shot and killed" share their object: the shooting says how he was killed
    ("Unidentified gunmen shot and killed Mayor Jose Garcia in Medellin.",
     [("ASSAULT", "small-arms", ["Unidentified gunmen"], ["Mayor Jose Garcia"])]),
    # a passive harm whose victim the parse missed is still harm, and no exchange of fire
    ("In Petatlan, Guerrero, a man who was the former PRI leader in Petatlan was shot "
     "dead in Colonia Deportiva.", [("ASSAULT", None, [], [])]),
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


def test_a_deed_told_right_after_a_dated_one_goes_on_with_its_date():
    from sitrep import extract

    report = extract("Shining Path members murdered four peasants in Huanuco on 10 March. "
                     "After killing the family, the terrorists used explosives against the "
                     "town hall. A judge was shot in Lima.", published="1989-03-15")
    murder, bombing, shooting = report.events
    assert murder.date.start == bombing.date.start == "1989-03-10"
    assert shooting.date.start is None  # two sentences on: no longer the same telling


def test_claims_link_to_the_deed_their_sentence_tells():
    from sitrep import extract

    report = extract("KYIV, March 3, 2024 (AP) — Russian shelling killed five civilians in "
                     "Kharkiv, the governor said. Ukraine said it shot down 12 drones.")
    killed, downed = report.claims
    shelling, shot_down = report.events
    assert (killed.quantity.value, killed.event) == (5, shelling.id)
    assert (downed.quantity.value, downed.event) == (12, shot_down.id)
    assert shot_down.acled["sub_event_type"] == "Disrupted weapons use"


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
    # rounds counted with no weapon named: shots are an exchange of fire, projectiles alone
    # shelling; a weapon named tells more than the rounds
    ("On 3 May 2025, monitors recorded 40 projectiles and shots near Zolote.",
     "Battles", "Armed clash"),
    ("On 3 May 2025, monitors recorded 12 projectiles involving unknown weapons near Zolote.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("On 3 May 2025, monitors recorded 30 shots involving heavy machine guns near Zolote.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("On 3 May 2025, monitors recorded 30 bursts of fire involving small arms near Zolote.",
     "Battles", "Armed clash"),
    # machine guns fired beside mortars: the mortars say how
    ("On 3 May 2025, rebel forces fired mortars and machine guns at the village of Hays.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    # bodies found: a killing whose finder is not its doer
    ("On 2 May 2025, the bodies of two men were found in a field near Celaya.",
     "Violence against civilians", "Attack"),
    ("On 2 May 2025, police found a woman dead in her house in Celaya.",
     "Violence against civilians", "Attack"),
    # a gathering told as a demonstration is the protest; arrests at it an intervention
    ("On 1 May 2025, retired teachers gathered at the main square in demonstration against "
     "the pension reform.", "Protests", "Peaceful protest"),
    ("On 1 May 2025, police detained 5 students who were taking part in a protest against "
     "the closure of their school.", "Protests", "Protest with intervention"),
    # burning tyres on a blocked road: the blockers burned them, a violent demonstration
    ("On 4 May 2025, residents blocked the road with burning tyres to demand water.",
     "Riots", "Violent demonstration"),
    ("On 6 May 2025, army troops shot down a drone over the airport of Sirte.",
     "Strategic developments", "Disrupted weapons use"),
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
    # ACLED: shooting down drones is a disrupted weapons use, no strike
    assert triggers(nlp, "Ukraine said it shot down 12 drones.") == [
        ("COERCE", "disrupt", ["it"], ["12 drones"])]


def test_a_demonstration_whose_participants_turn_violent_is_a_riot(extractor):
    report = extractor.extract("On 7 May 2020, villagers demonstrated in Thies against the "
                               "quarantine. They threw stones at the police.", "2020-05-08")
    demonstration = next(e for e in report.events if e.type == "PROTEST")
    assert demonstration.acled == {"event_type": "Riots",
                                   "sub_event_type": "Violent demonstration"}
    calm = extractor.extract("On 7 May 2020, villagers demonstrated in Thies against the "
                             "quarantine.", "2020-05-08")
    assert calm.events[0].acled["event_type"] == "Protests"


def test_a_date_in_a_name_does_not_date_the_event(extractor):
    """"October revolution protesters": the month names the movement, the event is today."""
    report = extractor.extract("On 1 May 2020, hundreds of October revolution protesters held "
                               "a protest in Baghdad.", "2020-05-02")
    protest = next(e for e in report.events if e.type == "PROTEST")
    assert (protest.date.start, protest.background) == ("2020-05-01", False)


def test_observers_of_fire_are_not_its_doers(extractor):
    report = extractor.extract("On 3 May 2021, the monitoring mission observed 40 explosions "
                               "near Zolote.", "2021-05-04")
    assert [e.actors for e in report.events if e.type == "ASSAULT"] == [()]


@pytest.mark.parametrize("text", ["He took a shot at the presidency in Kyiv.",
                                  "The speech drew a burst of applause in Kyiv."])
def test_a_shot_or_a_burst_that_is_no_gunfire_is_no_event(nlp, text):
    assert triggers(nlp, text) == []
