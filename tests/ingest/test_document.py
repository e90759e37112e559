import pytest

from sitrep.errors import BadOption
from sitrep.ingest.document import document_id, prepare, unknown_year
from sitrep.resolve.time import find_dates


@pytest.mark.parametrize("text,place,date", [
    ("BAKU, Sept 30 (Reuters) - Azerbaijan said", "Baku", None),
    ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE FMLN SAID", "San Salvador",
     "1990-01-12"),
    ("KYIV, March 3, 2024 (AP) — A Russian drone", "Kyiv", "2024-03-03"),
    ("Beijing’s September 30 comprehensive report: the conflict", "Beijing", None),
    ("San Salvador, 3 Jan 90 -- [Report] The army said", "San Salvador", "1990-01-03"),
    ("Meanwhile, the army said - nothing more", None, None),
])
def test_datelines(text, place, date):
    doc = prepare(text).document
    assert doc.dateline.place == place
    assert doc.dateline.date == date


def test_title_is_a_short_first_line_before_a_blank_line():
    doc = prepare("Strike kills 5 in Kharkiv\n\nKHARKIV, May 2 (Reuters) - A strike").document
    assert doc.title == "Strike kills 5 in Kharkiv"
    assert doc.dateline.place == "Kharkiv"


def test_no_year_anywhere_gives_a_flag_and_no_date():
    text = "BAKU, Sept 30 (Reuters) - Azerbaijan said on the 29th ..."
    prepared = prepare(text)
    assert prepared.document.published is None
    assert prepared.reference.month == 9 and prepared.reference.year is None
    flag = unknown_year(prepared, find_dates(text, prepared.reference))
    assert flag.kind == "unknown_year"
    assert [span.text for span in flag.evidence] == ["Sept 30", "the 29th"]


def test_a_text_that_states_its_years_needs_no_report_date():
    text = "On March 3, 2021, the army said 12 soldiers were killed in 2020."
    prepared = prepare(text)
    assert prepared.reference is None
    assert unknown_year(prepared, find_dates(text, prepared.reference)) is None


def test_published_sets_the_reference_and_dates_the_dateline():
    prepared = prepare("BAKU, Sept 30 (Reuters) - Azerbaijan said", "2020-10-02")
    assert prepared.flags == ()
    assert prepared.document.published == "2020-10-02"
    assert prepared.document.dateline.date == "2020-09-30"


def test_bad_published():
    with pytest.raises(BadOption, match="2020-09-30"):
        prepare("text", "30/09/2020")


def test_id_ignores_line_endings_and_edges():
    assert document_id("a\r\nb\n") == document_id("a\nb")
    assert document_id("a b") != document_id("a  b")
