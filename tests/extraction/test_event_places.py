import pytest

from sitrep.extraction.event_places import event_place
from sitrep.records import Place
from sitrep.resolve.places import PlaceMention


def mention(text: str, name: str, feature: str | None, *, nth: int = 0, cue=None,
            within: Place | None = None) -> PlaceMention:
    """The ``nth`` written ``name`` of ``text``, resolved to a record of ``feature`` (None:
    unresolved)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    place = Place(name, lat=1.0, lon=1.0, feature=feature) if feature else None
    return PlaceMention(start, start + len(name), name, place, False, None, 1.0, 1, cue=cue,
                        within=within)


def where(text: str, mentions, cue_word: str, recipient: str | None = None, *,
          deed: bool = True) -> str | None:
    cue = text.index(cue_word)
    recipients = [(text.index(recipient), text.index(recipient) + len(recipient))] \
        if recipient else []
    found = event_place(mentions, text, cue, recipients, floor=0, deed=deed)
    return found.name if found else None


def test_the_object_of_the_deed_is_its_place():
    text = "Coalition airstrikes targeted Sirwah district (Marib)."
    places = [mention(text, "Sirwah", "admin2", cue="district"),
              mention(text, "Marib", "admin1")]
    assert where(text, places, "targeted", "Sirwah district (Marib)") == "Sirwah"


def test_a_country_as_object_says_too_little():
    text = "Saudi-led airstrikes hit Yemen."
    places = [mention(text, "Saudi", "country"), mention(text, "Yemen", "country")]
    assert where(text, places, "hit", "Yemen") is None


def test_the_most_specific_place_of_the_sentence_when_nothing_ties_one():
    # "Saudi" of "Saudi-led" is a country, never taken by rank
    text = "Saudi-led airstrikes hit a vehicle on the road between Baqim and the border."
    places = [mention(text, "Saudi", "country"), mention(text, "Baqim", "city")]
    assert where(text, places, "airstrikes") == "Baqim"


def test_a_town_before_its_state_after_a_locative():
    text = "In Hermosillo, Sonora, two armed men attacked a man in Colonia Centro."
    places = [mention(text, "Hermosillo", "city"), mention(text, "Sonora", "admin1")]
    assert where(text, places, "attacked") == "Hermosillo"


def test_a_name_that_only_says_where_the_one_before_it_lies_is_not_the_place():
    # the village is unknown, so it is placed at its district; the district's own
    # province, nearer the deed's word, is only its container
    district = Place("Mahliyah", lat=1.0, lon=1.0, feature="admin2")
    text = "Forces repelled an attack on Qaniyah front (Mahliyah, Marib) near Marib city."
    places = [mention(text, "Qaniyah", None, cue="front", within=district),
              mention(text, "Mahliyah", "admin2"), mention(text, "Marib", "city"),
              mention(text, "Marib", "city", nth=1)]
    assert where(text, places, "attack") == "Mahliyah"
    assert where(text, places[1:], "attack") == "Marib"  # no head: the town near the deed


def test_a_statement_is_placed_only_by_a_locative():
    text = "The governor condemned Kherson's shelling."
    places = [mention(text, "Kherson", "city")]
    assert where(text, places, "condemned", "Kherson's shelling", deed=False) is None
    assert where(text, places, "condemned", "Kherson's shelling") == "Kherson"


def test_a_place_a_distance_is_measured_from_is_not_where():
    text = "Gunmen attacked a bus 40 km north of Bogota."
    assert where(text, [mention(text, "Bogota", "city")], "attacked") is None


@pytest.mark.parametrize("text,expected", [
    # the object of the deed: no locative before it
    ("On 9 May 2020, Saudi-led coalition airstrikes reportedly targeted Sirwah district "
     "(Marib). No fatalities were reported.", "Sirwah"),
    # the town, not the state beside it nor the neighbourhood the deed is nearer to
    ("On 7 May 2020, in Aleppo, Syria, gunmen attacked a checkpoint of the regime forces.",
     "Aleppo"),
])
def test_reports(extractor, text, expected):
    report = extractor.extract(text, "2020-05-09")
    deeds = [e for e in report.events if e.acled and not e.background]
    assert deeds and deeds[0].place is not None and deeds[0].place.name == expected
