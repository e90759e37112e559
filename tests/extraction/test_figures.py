import pytest

from sitrep.extraction.figures import find_figures


def read(nlp, text):
    doc = nlp(text)
    return [(f.quantity.value, f.item, f.outcome) for f in find_figures(doc)]


@pytest.mark.parametrize("text,expected", [
    ("Russian shelling killed 12 civilians and wounded 30 others in Kharkiv.",
     [(12, "personnel", "killed"), (30, "personnel", "wounded")]),
    ("At least 20 people died when a drone struck the market.",
     [(20, "personnel", "killed")]),
    ("Two soldiers were killed and three wounded in an ambush.",
     [(2, "personnel", "killed"), (3, "personnel", "wounded")]),
    ("The army said it had killed 14 militants, captured 6 others and seized two pickup "
     "trucks.",
     [(14, "personnel", "killed"), (6, "personnel", "captured"), (2, "vehicles", "seized")]),
    ("A tank was destroyed and an armored personnel carrier was damaged.",
     [(1, "tanks", "destroyed"), (1, "armored_vehicles", "damaged")]),
    ("The attack left 12 dead and 30 wounded.",
     [(12, "personnel", "killed"), (30, "personnel", "wounded")]),
    ("Ukraine's air defence shot down 17 of 20 drones launched overnight.",
     [(17, "uav", "destroyed")]),
    ("The group said 5 of its fighters died in the fighting.",
     [(5, "personnel", "killed")]),
    ("A drone attack killed 5 soldiers.", [(5, "personnel", "killed")]),
    ("Between 30 and 40 fighters were killed in clashes.", [(40, "personnel", "killed")]),
    ("Ten people were missing and 4 soldiers were taken prisoner.",
     [(10, "personnel", "missing"), (4, "personnel", "captured")]),
    ("The ministry reported 20 casualties.", [(20, "personnel", "killed_or_wounded")]),
])
def test_shapes(nlp, text, expected):
    assert read(nlp, text) == expected


def test_a_list_shares_its_verb(nlp):
    text = ("2300 soldiers were killed and injured, more than 130 tanks and armored "
            "vehicles, 200 sets of artillery and rocket equipment, 25 air defense systems, "
            "6 command posts and observation posts were destroyed.")
    assert read(nlp, text) == [
        (2300, "personnel", "killed_or_wounded"), (130, "tanks_armored_vehicles", "destroyed"),
        (200, "artillery_rockets", "destroyed"), (25, "air_defense", "destroyed"),
        (6, "command_post", "destroyed"),
    ]


def test_an_active_list_shares_its_verb(nlp):
    # "lost N troops" is killed unless the text says otherwise (the claims issue, class 5)
    text = "Russia lost 1,130 troops, 12 tanks and 31 artillery systems in the past day."
    assert read(nlp, text) == [(1130, "personnel", "killed"),
                               (12, "tanks", "destroyed"), (31, "artillery_rockets",
                                                             "destroyed")]


@pytest.mark.parametrize("text,expected", [
    ("The army lost 640 killed and 1,900 wounded.",
     [(640, "personnel", "killed"), (1900, "personnel", "wounded")]),
    ("The enemy lost up to 350 servicemen killed and wounded.",
     [(350, "personnel", "killed_or_wounded")]),
])
def test_the_words_after_a_loss_say_what_it_was(nlp, text, expected):
    assert read(nlp, text) == expected


def test_subtotals_point_to_their_total(nlp):
    doc = nlp("The death toll has risen to 45, including 11 children.")
    total, part = find_figures(doc)
    assert (total.quantity.value, total.outcome) == (45, "killed")
    assert (part.quantity.value, part.kind, part.outcome, part.parent) == (11, "civilian",
                                                                          "killed", 0)


def test_of_whom(nlp):
    doc = nlp("The army has wiped out 790 soldiers, of whom 180 were killed in the fighting.")
    total, part = find_figures(doc)
    assert total.outcome == "killed" and total.active_verb is not None
    assert (part.quantity.value, part.parent, part.item) == (180, 0, "personnel")


def test_subject_words_are_kept(nlp):
    doc = nlp("A set of S-300 air defense missile system of the Asian side was destroyed.")
    (figure,) = find_figures(doc)
    assert figure.item == "air_defense" and figure.quantity.value == 1
    start, end = figure.subject_span
    assert "Asian side" in doc[start:end].text


@pytest.mark.parametrize("text", [
    "A 12 nation group was formed in 1992.",
    "The talks lasted 3 days and 40 delegates attended.",
    "5 drone strikes hit the city.",
    "Officials said 300 homes were damaged.",
    "The 27 members of the council met.",
])
def test_no_loss_no_figure(nlp, text):
    assert read(nlp, text) == []


@pytest.mark.parametrize("text,expected", [
    ("As a result, 7 civilians, 3 of them women, were killed, and another 34 civilians, 16 "
     "of them women, were severely wounded.",
     [(7, "personnel", "killed"), (3, "personnel", "killed"), (34, "personnel", "wounded"),
      (16, "personnel", "wounded")]),
    ("A tank, an infantry fighting vehicle, two cars and four mortars were destroyed.",
     [(1, "tanks", "destroyed"), (1, "armored_vehicles", "destroyed"),
      (2, "vehicles", "destroyed"), (4, "artillery_rockets", "destroyed")]),
    ("Four security personnel, including two officers, were martyred.",
     [(4, "personnel", "killed"), (2, "personnel", "killed")]),
])
def test_subtotals_set_off_by_commas_and_lists_opened_by_an_article(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Seventy-one soldiers were said to have been killed.", [(71, "personnel", "killed")]),
    ("The ministry said 614 children were among the people killed in the strikes.",
     [(614, "personnel", "killed")]),
    ("A total of 15 health workers have lost their lives.", [(15, "personnel", "killed")]),
    ("Furthermore, 26 troops have gone missing.", [(26, "personnel", "missing")]),
    ("Nine vehicles armed with machine guns have been destroyed.",
     [(9, "vehicles", "destroyed")]),
    ("The hospital received no fewer than 12 bodies.", [(12, "personnel", "killed")]),
    ("Intelligence data indicate that the enemy losses in manpower exceed 3,000.",
     [(3000, "personnel", "killed")]),
    ("He said 45 units of military equipment, including wheeled armored vehicles had been "
     "destroyed.", [(45, "other_equipment", "destroyed")]),
])
def test_the_wires_ways_of_saying_a_loss(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Police forces shot and killed a civilian tuktuk driver at a checkpoint.",
     [(1, "personnel", "killed")]),
    ("Clan militia shot and killed 2 civilian pastoralist near the village.",
     [(2, "personnel", "killed")]),
    ("3 clan militia and 2 Al Shabaab were killed.",
     [(3, "personnel", "killed"), (2, "personnel", "killed")]),
    ("The army killed a lot of time.", []),
])
def test_people_only_verbs_count_people_the_lexicon_does_not_name(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("In the town a drug trafficker was killed after exchanging fire with the police.",
     [(1, "personnel", "killed")]),
    ("Gunmen attacked a minibus on the road and killed the driver.",
     [(1, "personnel", "killed")]),
    ("One policeman was shot and killed by militants while shopping.",
     [(1, "personnel", "killed")]),
    ("12 fighters were reported killed, including a field commander.",
     [(12, "personnel", "killed"), (1, "personnel", "killed")]),
    ("Two men suspected of robberies were fatally assaulted by residents.",
     [(2, "personnel", "killed")]),
    ("Two militants including their chief were killed.", [(2, "personnel", "killed")]),
    ("Three houses were destroyed and the tank was hit.", []),
])
def test_single_victims_and_the_ways_coders_write_a_death(nlp, text, expected):
    assert read(nlp, text) == expected


def test_losses_that_include_a_list_and_the_models_they_name(nlp):
    doc = nlp("Its losses also included a 2S7 Pion, two FH-70 howitzers and one Uragan.")
    figures = find_figures(doc)
    assert [(f.quantity.value, f.item, f.outcome) for f in figures] == [
        (1, "artillery_rockets", "destroyed"), (2, "artillery_rockets", "destroyed"),
        (1, "artillery_rockets", "destroyed")]
    from sitrep.extraction.lexicon import describe
    described = [describe(doc, f.np_start, f.np_end) for f in figures]
    assert [(c, doc[m[0]:m[1]].text) for c, m in described] == [
        ("artillery", "2S7 Pion"), ("artillery", "FH-70"), ("mlrs", "Uragan")]


def test_casualties_that_include_people(nlp):
    assert read(nlp, "The casualties included seven children and a pregnant woman.") == [
        (7, "personnel", "killed_or_wounded"), (1, "personnel", "killed_or_wounded")]


@pytest.mark.parametrize("text,expected", [
    ("Twenty-two pro-government [forces] were killed, while 43 Houthi [militia] were also "
     "killed.", [(22, "personnel", "killed"), (43, "personnel", "killed")]),
    ('Their losses have amounted to "300 troops, 18 tanks and two helicopters," the army '
     'said.', [(300, "personnel", "killed"), (18, "tanks", "destroyed"),
               (2, "helicopter", "destroyed")]),
])
def test_editors_brackets_and_quoted_lists_of_losses(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The minister and 19 other people were killed in the blast.",
     [(20, "personnel", "killed")]),
    ("The Armenian side lost 25 casualties and 60 wounded.",
     [(25, "personnel", "killed"), (60, "personnel", "wounded")]),
    ("A police officer was shot dead in the city.", [(1, "personnel", "killed")]),
])
def test_the_one_named_beside_a_count_and_casualties_against_wounded(nlp, text, expected):
    assert read(nlp, text) == expected


def test_subtotals_attach_to_their_own_total(nlp):
    doc = nlp("At least 33 people, including 12 women, were killed and 58 others, including "
              "21 children, wounded.")
    figures = find_figures(doc)
    assert [(f.quantity.value, f.outcome, f.parent) for f in figures] == [
        (33, "killed", None), (12, "killed", 0), (58, "wounded", None), (21, "wounded", 2)]


@pytest.mark.parametrize("text,expected", [
    ("At least 47 prisoners were killed by prison guards.", [(47, "personnel", "killed")]),
    ("Five corpses of suspected militants were discovered.", [(5, "personnel", "killed")]),
    ("Clashes began at 10:30 local time, and 3 local policemen were killed.",
     [(3, "personnel", "killed")]),
])
def test_prisoners_corpses_and_local_people(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The shelling claimed the lives of 8 civilians.", [(8, "personnel", "killed")]),
    ("Russian strikes leave 5 dead, 20 injured in Kharkiv.",
     [(5, "personnel", "killed"), (20, "personnel", "wounded")]),
    ("The strike caused 30 casualties, including 10 deaths.",
     [(30, "personnel", "killed_or_wounded"), (10, "personnel", "killed")]),
])
def test_more_ways_of_telling_a_toll(nlp, text, expected):
    assert read(nlp, text) == expected


def test_parts_in_brackets_and_a_toll_of_the_dead_and_wounded(nlp):
    doc = nlp("The enemy's losses in killed, wounded and captured amounted to 244 people (some "
              "93 dead, some 150 wounded and one captured).")
    assert [(f.quantity.value, f.outcome, f.parent) for f in find_figures(doc)] == [
        (244, "killed_or_wounded", None), (93, "killed", 0), (150, "wounded", 0),
        (1, "captured", 0)]


@pytest.mark.parametrize("text,expected", [
    ("Turkish forces neutralised 15 PKK/YPG terrorists.", [(15, "personnel", "killed")]),
    ("The army lost 12 tanks (including 4 T-72s) and 3 trucks.",
     [(12, "tanks", "destroyed"), (4, "tanks", "destroyed"), (3, "vehicles", "destroyed")]),
    ("Of the 66 people hospitalized, five remained in critical condition while 34 sustained "
     "severe injuries.", [(66, "personnel", "wounded"), (5, "personnel", "wounded"),
                          (34, "personnel", "wounded")]),
])
def test_slashes_brackets_and_hospitals(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people named one by one and joined: each is one
    ("The officer and her daughter died.", [(2, "personnel", "killed")]),
    ("The district head and his bodyguard were killed and 2 were wounded.",
     [(2, "personnel", "killed"), (2, "personnel", "wounded")]),
    ("Four Maoist cadres and a police sub-inspector were killed in an exchange of fire.",
     [(5, "personnel", "killed")]),
    # "both" counts two; "both X and Y" joins two phrases and counts nothing
    ("Both victims died in hospital.", [(2, "personnel", "killed")]),
    ("Both soldiers and civilians were killed in the strike.", []),
    ("The clashes left hundreds of fighters on both sides dead.", []),
    # a count that shares the noun of the next one: "25 fighters and 6 military fatalities"
    ("The clash resulted in 25 rebel fighters and 6 military fatalities.",
     [(25, "personnel", "killed"), (6, "personnel", "killed")]),
    # telegraphic tolls: each number has its own word
    ("1 killed 3 injured.", [(1, "personnel", "killed"), (3, "personnel", "wounded")]),
    # a resultative: the victims stand between the verb and "to death"
    ("The border guards shot two men to death near the river.",
     [(2, "personnel", "killed")]),
    # the doers of a passive, and a verb that goes on without its own subject, count no one
    ("A man was abducted by four men and stabbed to death.",
     [(1, "personnel", "captured")]),
    # an armed group's acronym is no verb: "five IS hideouts" are places, not people
    ("PMF forces destroyed five IS hideouts and killed 7 militants.",
     [(7, "personnel", "killed")]),
])
def test_people_joined_both_shared_nouns_and_telegraphic_tolls(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the parse joins a subject to its loss verb across a relative clause or an "of" phrase
    ("Two suspected militants who police said were involved in the drug trade were shot "
     "dead in a firefight.", [(2, "personnel", "killed")]),
    ("A cadre of the Maoist party was killed in an exchange of fire.",
     [(1, "personnel", "killed")]),
    ("A man from Saqba died as a result of torture in the prison.",
     [(1, "personnel", "killed")]),
    # the subject of an active verb is the doer, not a loss
    ("Two gunmen from the gang killed a shopkeeper.", [(1, "personnel", "killed")]),
    ("A security guard fatally shot a man at the filling station.",
     [(1, "personnel", "killed")]),
    ("A prisoner was pronounced dead after being held at the centre.",
     [(1, "personnel", "killed")]),
    ("The body of a former alderman was found in the neighborhood.",
     [(1, "personnel", "killed")]),
    ("An old man's body was found in the town with gunshot marks.",
     [(1, "personnel", "killed")]),
    ("A woman was killed and her body was found inside a car.",
     [(1, "personnel", "killed")]),
    ("Two people who had committed a robbery were lynched.", [(2, "personnel", "killed")]),
    ("A drug suspect and his companion, a gang leader, were killed during a raid.",
     [(2, "personnel", "killed")]),
    # one leader, whatever the name of the movement after him
    ("Gunmen fatally shot the leader of Pashtun Tahafuz Movement near his house.",
     [(1, "personnel", "killed")]),
])
def test_subjects_the_parse_joins_to_their_loss_and_bodies_found(nlp, text, expected):
    assert read(nlp, text) == expected


def test_the_rest_of_a_toll_told_in_the_next_sentence(nlp):
    # the pipeline passes the outcome of the sentence before as "carried"
    doc = nlp("The rest ten were militants, seven of them are from Hamas, two from the "
              "Popular Resistance Committees and one from Islamic Jihad.")
    figures = find_figures(doc, carried="killed")
    assert [(f.quantity.value, f.outcome, f.parent) for f in figures] == [
        (10, "killed", None), (7, "killed", 0), (2, "killed", 0), (1, "killed", 0)]
    assert find_figures(doc) == []  # with no toll before, no outcome to go on with
