from sitrep.ingest.truecase import is_shouting, truecase

TELEX = ("LIMA, 20 AUG 88 (EFE) -- [TEXT] POLICE SOURCES HAVE REPORTED THAT UNIDENTIFIED "
         "INDIVIDUALS PLANTED A BOMB IN TALCAHUANO. THE FMLN DENIED IT.")
PLACES = {"LIMA", "SAN SALVADOR", "TALCAHUANO"}


def test_shouting_needs_capitals_and_enough_letters():
    assert is_shouting(TELEX)
    assert not is_shouting(TELEX.lower())
    assert not is_shouting("NATO SAID")


def test_truecase_keeps_length_and_restores_ordinary_case():
    out = truecase(TELEX, lambda phrase: phrase in PLACES)
    assert len(out) == len(TELEX)
    assert out.startswith("Lima, 20 Aug 88 (EFE) -- [Text] Police sources have reported")
    assert "planted a bomb in Talcahuano. The FMLN denied it." in out


def test_known_multiword_names_get_capitals_and_common_words_do_not():
    text = "THE BOMB EXPLODED IN SAN SALVADOR NEAR THE CHURCH AND POLICE ARRIVED."
    out = truecase(text, lambda phrase: phrase in PLACES | {"POLICE", "CHURCH"})
    assert out == "The bomb exploded in San Salvador near the church and police arrived."


def test_rare_words_are_names_and_months_are_capitalised():
    out = truecase("PROSECUTOR CARBONE HERRERA SPOKE ON 3 SEPTEMBER.")
    assert out == "Prosecutor Carbone Herrera spoke on 3 September."


def test_a_caller_may_spell_a_name_out():
    out = truecase("THE ELN ATTACKED LIMA.", lambda p: "ELN" if p == "ELN" else p == "LIMA")
    assert out == "The ELN attacked Lima."
