"""Vague counts are claims without a value: the words and the count coders assign."""

import pytest


@pytest.mark.parametrize("text,words,coded", [
    ("The army said it killed several insurgents on Monday.", "several", 3),
    ("Dozens were wounded in the shelling, the ministry said.", "Dozens", 12),
    ("The militants lost hundreds of fighters, the army said.", "hundreds", 100),
])
def test_a_count_in_words_keeps_its_words_and_no_figure(extractor, text, words, coded):
    (claim,) = extractor.extract(text, "2024-03-04").claims
    assert claim.quantity.value is None
    assert (claim.vague, claim.coded_value) == (words, coded)
