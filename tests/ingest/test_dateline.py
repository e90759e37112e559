"""Datelines and title lines in the shapes the wires write them."""

import pytest

from sitrep.ingest.dateline import find_head
from sitrep.ingest.document import prepare

BODY = " The ministry said on Monday that fighting went on near the front line all day."


@pytest.mark.parametrize("head,place,agency", [
    ("STEPANAKERT, SEPTEMBER 30, ARMENPRESS.", "STEPANAKERT", "ARMENPRESS"),
    ("ISLAMABAD, Pakistan, May 3 (APP):", "ISLAMABAD", "APP"),
    ("ANKARA (UrduPoint News / Sputnik - 12th March, 2021) -", "ANKARA", None),
    ("KYIV, Jan 9 (Reuters) -", "KYIV", "Reuters"),
    ("MOSCOW, August 2. /TASS/.", "MOSCOW", "TASS"),
    ("YEREVAN. April 4 (Interfax) -", "YEREVAN", "Interfax"),
    ("NORTH WAZIRISTAN:", "NORTH WAZIRISTAN", None),
    ("Ouagadougou, Feb 4, 2019 –", "Ouagadougou", None),
    ("SAN JOSE (COSTA RICA), 12 SEP 89 (AFP) --", "SAN JOSE", "AFP"),
])
def test_wire_datelines(head, place, agency):
    found = find_head(head + BODY).dateline
    assert found is not None and found.place == place
    assert agency is None or found.agency == agency
    assert (head + BODY)[found.end:].strip().startswith("The ministry")


def test_a_dateline_naming_its_country_dates_the_report():
    prepared = prepare("HAVANA (CUBA), 20 MAR 89 (TASS) -- [TEXT]" + BODY)
    assert prepared.document.published == "1989-03-20"
    assert prepared.document.dateline.place == "Havana"


def test_a_dateline_on_its_own_line_takes_the_agency_line_after_it():
    text = "BAKU, Azerbaijan, Oct. 11\n\nTrend:\n\nAs reported earlier, the army said ..."
    found = find_head(text).dateline
    assert found.place == "BAKU" and found.agency == "Trend"
    assert text[found.end:].strip().startswith("As reported")


def test_a_title_case_place_before_a_colon_needs_a_known_place():
    text = "Tripoli:" + BODY + BODY
    assert find_head(text).dateline is None
    assert find_head(text, is_place=lambda name: name == "Tripoli").dateline.place == "Tripoli"


@pytest.mark.parametrize("text", [
    "Media: 95 People Killed in Armed Conflict\nAt least 26 more fighters were killed.",
    "Yemen: fighting in Marib, 50 dead\nFighting between rebels and forces continued.",
    "Tarnavsky: 'Cotton' blooming; enemy losses per day are 244 people\nSome 18 units ...",
])
def test_a_headline_with_a_colon_is_a_title_not_a_dateline(text):
    head = find_head(text, is_place=lambda name: name == "Yemen")
    assert head.dateline is None
    assert head.title == text.split("\n")[0]


def test_the_title_is_a_line_never_a_paragraph():
    sentence = ("Russia claimed Tuesday that it had repelled Kyiv's counteroffensive, "
                "state media reported.\nA second paragraph.")
    assert prepare(sentence).document.title is None
    assert prepare("Ukraine Loses Over 250 Soldiers\nMOSCOW (Sputnik) - The army said"
                   ).document.title == "Ukraine Loses Over 250 Soldiers"


def test_an_agency_alone_opens_the_body_after_a_title():
    text = ("Azerbaijan admits loss of one helicopter\nSeptember 27, 2020\n"
            "PanARMENIAN.Net - The Azerbaijani Defense Ministry has admitted the loss.")
    head = find_head(text)
    assert head.dateline.agency == "PanARMENIAN.Net" and head.dateline.place is None
    assert head.title == "Azerbaijan admits loss of one helicopter"
