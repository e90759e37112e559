"""Toponym recognition, resolution and garbled-name repair."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy

from sitrep.resolve.places import (
    REPAIR_THRESHOLD,
    find_places,
    haversine_km,
    repair,
    resolve_mentions,
    resolve_name,
)
from tests.resolve.test_gazetteer import built_gazetteer

GARBLES = Path(__file__).parents[1] / "fixtures" / "garbles.tsv"


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return built_gazetteer(tmp_path_factory)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _garbles() -> list[dict[str, str]]:
    with GARBLES.open(encoding="utf-8") as handle:
        lines = [ln for ln in handle if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _score(rows, gazetteer):
    correct = wrong = 0
    for row in rows:
        mention = resolve_name(row["written"], gazetteer, countries=[row["country"]])
        if not row["geonameid"]:
            wrong += mention.place is not None
            continue
        if mention.place is None:
            continue
        expected = gazetteer.by_geonameid(int(row["geonameid"]))
        km = haversine_km(expected.lat, expected.lon, mention.place.lat, mention.place.lon)
        if mention.place.geonameid == expected.geonameid or km < 25:
            correct += 1
        else:
            wrong += 1
    positives = sum(1 for r in rows if r["geonameid"])
    return correct / max(1, correct + wrong), correct / positives


def test_garble_set_is_large_enough():
    rows = _garbles()
    places = {r["geonameid"] for r in rows if r["geonameid"]}
    assert len(places) >= 40
    assert sum(1 for r in rows if r["rendering"] == "pinyin") >= 40
    assert sum(1 for r in rows if r["rendering"] in ("word", "name")) >= 40


@pytest.mark.parametrize("split", ["dev", "test"])
def test_garbled_names_are_repaired_precisely(gazetteer, split):
    precision, recall = _score([r for r in _garbles() if r["split"] == split], gazetteer)
    assert precision >= 0.95, precision
    assert recall >= 0.8, recall


def test_ordinary_words_and_names_are_never_repaired(gazetteer):
    for row in _garbles():
        if not row["geonameid"]:
            assert repair(row["written"], gazetteer, countries=[row["country"]]) is None, row


def test_repair_needs_the_documents_countries(gazetteer):
    assert repair("kawacha", gazetteer, countries=[]) is None
    fixed = repair("kawacha", gazetteer, countries=["AZE", "ARM"])
    assert fixed is not None and fixed.similarity >= REPAIR_THRESHOLD
    assert haversine_km(fixed.candidate.lat, fixed.candidate.lon, 40.1067, 46.0381) < 40


def test_mt_report_places_are_found_and_repaired(blank, gazetteer):
    text = ("A set of S-300 systems was destroyed in the battle in hojali area on the 29th. "
            "Of them, 180 were killed in the fighting in the kawacha area. The conflict in "
            "the Naka region entered its fourth day, with shelling along the contact line.")
    mentions = {m.text: m for m in find_places(blank(text), gazetteer, countries=["AZE", "ARM"])}
    hojali, kawacha, naka = mentions["hojali"], mentions["kawacha"], mentions["Naka"]
    assert haversine_km(hojali.place.lat, hojali.place.lon, 39.9113, 46.7892) < 25
    assert haversine_km(kawacha.place.lat, kawacha.place.lon, 40.1067, 46.0381) < 40
    assert naka.place.name == "Nagorno-Karabakh" and naka.place.precision == "region"
    assert all(m.repaired for m in (hojali, kawacha, naka))
    assert kawacha.match == "fuzzy" and kawacha.canonical == kawacha.place.name
    assert mentions["contact line"].place.feature == "front_line"
    assert "fighting" not in mentions and "battle" not in mentions
    span = hojali.place.span
    assert text[span.start:span.end] == "hojali"


def test_admin_hierarchy_after_a_comma(blank, gazetteer):
    # Two towns called Pokrovsk: "Pokrovsk, Donetsk Oblast" is the Ukrainian one even in a
    # report about Russia; alone it is read among the document's countries.
    text = "Fighting near Pokrovsk, Donetsk Oblast, continued."
    found = {m.text: m for m in find_places(blank(text), gazetteer, countries=["RUS"])}
    assert found["Pokrovsk"].place.country == "UKR"
    alone = resolve_name("Pokrovsk", gazetteer, countries=["RUS"])
    assert alone.place.country == "RUS"


def test_a_unit_named_like_its_town_means_the_town_unless_called_a_region(gazetteer):
    town = resolve_name("Idlib", gazetteer, countries=["SYR"])
    province = resolve_name("Idlib", gazetteer, countries=["SYR"], cue="province")
    assert (town.place.feature, town.place.precision) == ("city", "town")
    assert (province.place.feature, province.place.precision) == ("admin1", "region")


def test_a_unit_after_a_comma_that_contains_the_town_before_is_the_unit(gazetteer):
    text = "Shelling hit Kramatorsk, Donetsk on Monday. Strikes on Idlib, Aleppo and Hama."
    spans = [(text.index(w), text.index(w) + len(w))
             for w in ("Kramatorsk", "Donetsk", "Idlib", "Aleppo", "Hama")]
    found = {m.text: m.place for m in resolve_mentions(text, spans, gazetteer)}
    assert (found["Kramatorsk"].feature, found["Donetsk"].feature) == ("city", "admin1")
    # A list of towns is not a hierarchy: Aleppo does not contain Idlib.
    assert {found[w].feature for w in ("Idlib", "Aleppo", "Hama")} == {"city"}


def test_given_spans_are_resolved_with_each_other_as_context(gazetteer):
    text = "Turkish troops moved from Tiflis towards Georgia's border with Armenia."
    spans = [(0, 7), (26, 32), (41, 48), (63, 70)]
    resolved = resolve_mentions(text, spans, gazetteer)
    assert [m.text for m in resolved] == ["Turkish", "Tiflis", "Georgia", "Armenia"]
    assert resolved[0].place.country == "TUR" and resolved[0].match == "demonym"
    assert resolved[1].place.name == "Tbilisi"
    assert resolved[2].place.feature == "country" and resolved[2].place.country == "GEO"


def test_demonyms_are_not_places_unless_asked(blank, gazetteer):
    doc = blank("Armenian forces shelled Shusha.")
    doc.ents = [spacy.tokens.Span(doc, 0, 1, label="NORP"),
                spacy.tokens.Span(doc, 3, 4, label="GPE")]
    assert [m.text for m in find_places(doc, gazetteer)] == ["Shusha"]
    with_adjectives = find_places(doc, gazetteer, demonyms=True)
    assert [m.text for m in with_adjectives] == ["Armenian", "Shusha"]


def test_names_inside_organisations_are_not_places(blank, gazetteer):
    doc = blank("The Minsk group met in Vienna.")
    doc.ents = [spacy.tokens.Span(doc, 1, 2, label="ORG")]
    assert "Minsk" not in [m.text for m in find_places(doc, gazetteer)]


def test_example_report_with_the_model(nlp, gazetteer, example_text):
    mentions = find_places(nlp(example_text), gazetteer, dateline="Beijing")
    by_text: dict[str, list] = {}
    for m in mentions:
        by_text.setdefault(m.text, []).append(m)
    hojali = by_text["hojali"][0].place
    kawacha = by_text["kawacha"][0].place
    assert haversine_km(hojali.lat, hojali.lon, 39.9113, 46.7892) < 25
    assert haversine_km(kawacha.lat, kawacha.lon, 40.1067, 46.0381) < 40
    assert {m.place.name for m in by_text["Naka"]} == {"Nagorno-Karabakh"}
    assert len(by_text["Naka"]) >= 8
    assert by_text["Greece"][0].place.country == "GRC"
    assert by_text["Greece"][0].place.feature == "country"
    assert not any(m.text in ("Armenian", "Azerbaijani", "Minsk") for m in mentions)


def test_a_town_near_another_local_name_of_the_document_beats_a_larger_namesake():
    from collections import Counter

    from sitrep.resolve.gazetteer import Candidate
    from sitrep.resolve.places import _Context, _score, _Span

    def town(i, name, lat, lon, population):
        return Candidate(i, None, name, lat, lon, "GBR", None, "city", population, "town")

    big, small = town(1, "Edmonton", 53.5, -113.5, 1_000_000), town(2, "Edmonton", 51.6, 0, 82_000)
    span = _Span(0, 8, "Edmonton")
    alone = _Context(countries=Counter())
    assert _score(big, span, None, alone) > _score(small, span, None, alone)
    enfield = town(3, "Enfield", 51.65, -0.08, 150_000)
    together = _Context(countries=Counter(), neighbours={("enfield", 3): enfield})
    assert _score(small, span, None, together) > _score(big, span, None, together)
    # A namesake of the same name is no neighbour.
    same = _Context(countries=Counter(), neighbours={("edmonton", 2): small})
    assert _score(big, span, None, same) > _score(small, span, None, same)


def test_a_unit_is_not_read_as_a_town_whose_name_adds_city():
    from sitrep.resolve.gazetteer import Candidate
    from sitrep.resolve.places import _prefer_seat, _Span

    state = Candidate(1, None, "New York", 43.0, -75.0, "USA", None, "admin1", 19_000_000,
                      "region")
    city = Candidate(2, None, "New York City", 40.7, -74.0, "USA", "New York", "city",
                     8_800_000, "town", match="variant")
    assert _prefer_seat(state, [state, city], _Span(0, 8, "New York")) == state
    same = Candidate(3, None, "Idlib", 35.9, 36.6, "SYR", "Idlib", "city", 165_000, "town")
    province = Candidate(4, None, "Idlib", 35.8, 36.6, "SYR", None, "admin1", 1_500_000,
                         "region")
    assert _prefer_seat(province, [province, same], _Span(0, 5, "Idlib")) == same


def test_a_dateline_names_a_town():
    from collections import Counter

    from sitrep.resolve.gazetteer import Candidate
    from sitrep.resolve.places import DATELINE, _Context, _is_dateline, _score, _Span

    text = "WASHINGTON (Reuters) - Talks began.\n  KHERSON - Shelling. In KHERSON and Kyiv."
    spans = {w: _Span(text.index(w), text.index(w) + len(w), w) for w in ("WASHINGTON",
                                                                          "KHERSON", "Kyiv")}
    assert _is_dateline(text, spans["WASHINGTON"]) and _is_dateline(text, spans["KHERSON"])
    later = text.rindex("KHERSON")
    assert not _is_dateline(text, _Span(later, later + 7, "KHERSON"))
    assert not _is_dateline("Kyiv - Talks.", _Span(0, 4, "Kyiv"))
    state = Candidate(1, None, "Washington", 47.5, -120.5, "USA", None, "admin1", 6_500_000,
                      "region")
    city = Candidate(2, None, "Washington", 38.9, -77.0, "USA", None, "city", 690_000, "town")
    context = _Context(countries=Counter())
    plain, dateline = _Span(0, 10, "WASHINGTON"), _Span(0, 10, "WASHINGTON", cue=DATELINE)
    assert _score(state, plain, None, context) > _score(city, plain, None, context)
    assert _score(city, dateline, None, context) > _score(state, dateline, None, context)


def test_a_given_name_ending_in_a_place_word_is_looked_up_without_it(gazetteer):
    text = "Floods in Idlib Province and Kherson Oblast; clashes in Donetsk region."
    spans = [(text.index(w), text.index(w) + len(w))
             for w in ("Idlib Province", "Kherson Oblast", "Donetsk region")]
    found = resolve_mentions(text, spans, gazetteer)
    assert [(m.place.country, m.place.feature) for m in found] == [
        ("SYR", "admin1"), ("UKR", "admin1"), ("UKR", "admin1")]
    assert found[0].cue == "province" and (found[0].start, found[0].end) == spans[0]


def test_resolving_stays_linear_in_the_report_length(nlp, gazetteer):
    """A report repeated 40 times takes far less than 40 squared times as long: names are
    looked up once and distances to the document's places tested once per record."""
    import time

    from sitrep.nlp.sentences import split
    from sitrep.resolve.places import find_places_in_parts

    text = ("Azerbaijani forces shelled Stepanakert and Martuni. Armenian troops held "
            "positions near Fizuli and Hadrut, the ministry in Yerevan said.\n")
    docs = [(s.start, nlp(s.text)) for s in split(text, nlp.tokenizer)]

    def timed(times: int) -> float:
        parts = [(k * len(text) + offset, doc) for k in range(times) for offset, doc in docs]
        begin = time.perf_counter()
        found = find_places_in_parts(parts, text * times, gazetteer, countries=["ARM", "AZE"])
        assert len(found) == times * len(find_places_in_parts(docs, text, gazetteer))
        return time.perf_counter() - begin

    timed(1)  # warm the gazetteer's indexes
    small, large = timed(10), timed(400)
    assert large < 40 * 4 * max(small, 0.01)


def test_a_village_the_gazetteer_lacks_is_placed_in_the_unit_the_text_names(nlp, gazetteer):
    """"Barjala village (Kismaayo, Lower Juba)": the only Barjala is a town in India, which
    is not in Kismaayo; the event is placed at Kismaayo, and the choice says why."""
    text = ("On 10 October 2025, Jubaland forces clashed with Al Shabaab in the outskirts of "
            "Barjala village (Kismaayo, Lower Juba).")
    found = {m.text: m for m in find_places(nlp(text), gazetteer, countries=["SOM"])}
    barjala = found["Barjala"]
    assert barjala.place is None and "Kismaayo" in barjala.why
    assert barjala.where.country == "SOM" and barjala.where.name == found["Kismaayo"].place.name


def test_an_acronym_is_no_town(nlp, gazetteer):
    text = "On 5 May 2020, QSD arrested a number of young men in Raqqa, Syria."
    found = find_places(nlp(text), gazetteer)
    assert not [m for m in found if m.text == "QSD" and m.place is not None]


def _found(nlp, gazetteer, text: str, **kwargs) -> dict:
    from sitrep.resolve.places import find_places_in_parts

    return {m.text: m for m in find_places_in_parts([(0, nlp(text))], text, gazetteer,
                                                    **kwargs)}


def test_a_mission_or_armed_group_places_the_report_in_its_theatre(nlp, gazetteer):
    # The OSCE SMM worked on the Donbas contact line: a village it names is read in
    # Ukraine, though the report names no country.
    text = "The OSCE SMM observed 6 explosions near Shyrokyne."
    alone = _found(nlp, gazetteer, text).get("Shyrokyne")
    assert alone is None or alone.place is None
    found = _found(nlp, gazetteer, text, actors=[("OSCE", "OSCE SMM")])["Shyrokyne"]
    assert (found.place.country, found.place.admin1) == ("UKR", "Donetsk Oblast")
    # The OSCE itself works in many countries: its code alone sets no area.
    other = _found(nlp, gazetteer, text, actors=[("OSCE", "OSCE")]).get("Shyrokyne")
    assert other is None or other.place is None


def test_a_region_named_by_a_direction_alone_is_read_in_the_report_area(gazetteer):
    text = "Clashes were reported in Central."
    span = [(text.index("Central"), text.index("Central") + 7)]
    (alone,) = resolve_mentions(text, span, gazetteer)
    assert alone.place is None and "direction" in alone.why
    (ghana,) = resolve_mentions(text, span, gazetteer, countries=["GHA"])
    assert (ghana.place.country, ghana.place.feature) == ("GHA", "admin1")


def test_a_part_of_a_town_is_never_a_namesake_far_from_the_town(nlp, gazetteer):
    text = "In Salvador, Bahia, a man was shot to death in Periperi neighborhood."
    found = _found(nlp, gazetteer, text)
    assert found["Salvador"].place.country == "BRA"
    part = found["Periperi"]
    assert part.place is None and "part of a town" in part.why
    inside = _found(nlp, gazetteer, "Protesters marched in Alsancak neighborhood of Izmir.")
    assert inside["Alsancak"].place is None
    assert inside["Alsancak"].where.name == "İzmir"  # it lies in Izmir, the text says


def test_a_name_where_a_place_stands_is_read_as_a_large_town(nlp, gazetteer):
    # The small model tags "Ahvaz" as an organisation; after "in" it is the city.
    text = "Laid-off workers of the drilling company held a protest in Ahvaz on Monday."
    found = _found(nlp, gazetteer, text)
    assert found["Ahvaz"].place.country == "IRN"


def test_a_name_after_the_countryside_of_stands_where_a_place_stands(nlp, gazetteer):
    # The small model tags "Aleppo" as a nationality here; the land "of" it is a place.
    text = "On 3 May 2020, Turkish forces shelled Menagh in the northern countryside of Aleppo."
    assert _found(nlp, gazetteer, text)["Aleppo"].place.country == "SYR"


def test_a_name_after_one_that_is_no_place_is_not_repaired(gazetteer, monkeypatch):
    # the sound-alike search is the costly step: names in a list of people never reach it
    from sitrep.nlp.pipeline import load

    searched: list[str] = []
    fuzzy = gazetteer.fuzzy
    monkeypatch.setattr(gazetteer, "fuzzy", lambda name, **kw: searched.append(name)
                        or fuzzy(name, **kw))
    doc = load()("The bill was backed by Nancy Pelosi, Gregory Meeks and Jim Clyburn.")
    find_places(doc, gazetteer, countries=["USA"])
    assert "Gregory Meeks" not in searched


def test_a_town_placed_by_a_bearing_keeps_that_reading_throughout(blank, gazetteer):
    doc = blank("Floods hit Kazan , 40 km north-west of Ankara . "
                "Many died in Kazan later .")
    doc.ents = [spacy.tokens.Span(doc, i, i + 1, label="GPE") for i in (2, 10, 15)]
    found = [m for m in find_places(doc, gazetteer) if m.text == "Kazan"]
    assert len(found) == 2
    assert {m.place.country for m in found} == {"TUR"}  # not the larger Russian city
    assert found[0].why == "lies in the place named beside it"
    assert found[1].why != found[0].why  # the second says it follows the first
    alone = blank("Many died in Kazan later .")
    alone.ents = [spacy.tokens.Span(alone, 3, 4, label="GPE")]
    assert find_places(alone, gazetteer)[0].place.country == "RUS"


def test_a_name_the_model_took_for_an_organisation_is_the_place_written_elsewhere(
        blank, gazetteer):
    doc = blank("Shelling hit Kherson on Monday . Kherson officials said a Smith was hurt .")
    doc.ents = [spacy.tokens.Span(doc, 2, 3, label="GPE"), spacy.tokens.Span(doc, 6, 7,
                label="ORG"), spacy.tokens.Span(doc, 10, 11, label="PERSON")]
    found = [m for m in find_places(doc, gazetteer) if m.place is not None]
    assert [m.text for m in found] == ["Kherson", "Kherson"]
    assert found[0].place.name == found[1].place.name
    # alone, the organisation's name is no place
    doc = blank("Kherson officials said a Smith was hurt .")
    doc.ents = [spacy.tokens.Span(doc, 0, 1, label="ORG")]
    assert not [m for m in find_places(doc, gazetteer) if m.place is not None]


def test_titles_are_not_the_consonant_skeletons_of_towns(gazetteer):
    text = "Mr Smith and Dr Jones met in Omer."
    spans = [(0, 2), (13, 15), (29, 33)]
    resolved = resolve_mentions(text, spans, gazetteer)
    assert [m.place for m in resolved[:2]] == [None, None]
    assert resolved[2].place is not None and resolved[2].place.country == "ISR"


def test_a_unit_word_seeks_a_unit_whose_name_sounds_the_same(blank, gazetteer):
    # "Shabwa" is spelt exactly like a village of Myanmar ("Sha Bwa"); "province" says it
    # is a unit, and Yemen's Shabwah (a final h, silent) is one
    doc = blank("Fighting went on in Usailan district of Shabwa province .")
    doc.ents = [spacy.tokens.Span(doc, 7, 8, label="GPE")]
    found = {m.text: m for m in find_places(doc, gazetteer)}
    assert found["Shabwa"].place.country == "YEM"
    assert found["Shabwa"].place.feature == "admin1"
