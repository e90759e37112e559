import pytest

from sitrep.extraction.quantities import find_quantities, number_value


def figures(nlp, text):
    doc = nlp(text)
    return [(doc[q.start:q.end].text, q.value, q.qualifier, q.low, q.high)
            for q in find_quantities(doc)]


@pytest.mark.parametrize("words,value", [
    (["2,300"], 2300), (["2300"], 2300), (["1.2", "million"], 1_200_000),
    (["one", "thousand", "two", "hundred"], 1200), (["twenty", "-", "five"], 25),
    (["one", "hundred", "and", "twenty"], 120), (["two", "dozen"], 24), (["a"], None),
])
def test_number_value(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize("text,expected", [
    ("more than 130 tanks", ("more than 130", 130, "more_than", None, None)),
    ("over 40 people", ("over 40", 40, "more_than", None, None)),
    ("at least 20 people", ("at least 20", 20, "at_least", None, None)),
    ("nearly 300 soldiers", ("nearly 300", 300, "approx", None, None)),
    ("about 45 civilians", ("about 45", 45, "approx", None, None)),
    ("up to 50 fighters", ("up to 50", 50, "at_most", None, None)),
    ("fewer than 10 drones", ("fewer than 10", 10, "less_than", None, None)),
    ("between 30 and 40 fighters", ("between 30 and 40", 40, "range", 30, 40)),
    ("3-5 soldiers", ("3-5", 5, "range", 3, 5)),
    ("a total of 2300 soldiers", ("a total of 2300", 2300, "exact", None, None)),
    ("a total of more than 130 tanks", ("a total of more than 130", 130, "more_than", None,
                                        None)),
    ("dozens of civilians", ("dozens", 12, "at_least", None, None)),
    ("hundreds of soldiers", ("hundreds", 100, "at_least", None, None)),
    ("a dozen tanks", ("a dozen", 12, "approx", None, None)),
    ("one thousand two hundred troops", ("one thousand two hundred", 1200, "exact", None,
                                         None)),
])
def test_qualified_figures(nlp, text, expected):
    assert figures(nlp, text)[0] == expected


def test_growth_keeps_the_new_figure(nlp):
    assert figures(nlp, "the toll rose from 30 to 45")[0][1:3] == (45, "exact")


@pytest.mark.parametrize("text", [
    "a 12 nation Minsk group", "In 1992, the conference met", "In 1994, they agreed",
    "S-300 air defense system", "Su-25 jets", "at 10:30 a.m.", "a 15-member delegation",
    "a 12-year-old boy", "aged 14", "Resolution 2334 was adopted", "40 km from the border",
    "5% of the vote", "$5 million in aid", "300 tonnes of aid", "for 3 days",
    "the 27th", "Bayraktar TB2 drones",
])
def test_numbers_that_are_not_counts(nlp, text):
    assert figures(nlp, text) == []


def test_years_are_counts_before_a_plural_noun(nlp):
    assert [f[1] for f in figures(nlp, "In 2014 2000 soldiers died")] == [2000]
    assert [f[1] for f in figures(nlp, "Another 1900 people were injured")] == [1900]


def test_skip_leaves_known_dates_out(nlp):
    doc = nlp("on September 30 some 30 people died")
    found = find_quantities(doc, skip=frozenset({2}))
    assert [q.value for q in found] == [30]


@pytest.mark.parametrize("words", [
    ["3.5"], ["146.54"], ["999999999999999999999"], ["1,000,000,000,001"],
    ["2.5", "billion"], ["1.2345678", "million"],
])
def test_numbers_that_count_nothing_have_no_value(words):
    assert number_value(words) is None


def test_values_are_exact():
    assert number_value(["999,999,999"]) == 999_999_999
    assert number_value(["0.3", "million"]) == 300_000  # 0.3 * 1e6 is 299999.99... in floats


@pytest.mark.parametrize("text", [
    "999999999999999999999 soldiers were killed",
    "10 ^ 100 tanks were destroyed",
    "10^100 tanks were destroyed",
    "3.5 soldiers were killed",
    "2618 to 146.54 soldiers were killed",
    "3.5 to 5 soldiers were killed",
    "50 to 20 soldiers were killed",
])
def test_absurd_figures_are_left_out(nlp, text):
    assert figures(nlp, text) == []


def test_a_figure_revised_downwards_is_the_new_figure(nlp):
    assert figures(nlp, "the toll was revised from 50 to 20") == [
        ("from 50 to 20", 20, "exact", None, None)]
