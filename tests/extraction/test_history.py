"""Background: figures the report recalls rather than reports."""

import pytest

from sitrep.extraction.history import older_than_news, recalls


@pytest.mark.parametrize("sentence,expected", [
    ("As reported earlier, the troops killed three civilians yesterday.", True),
    ("Let us recall that the war killed 6,000 people.", True),
    ("The forces lost 250 soldiers in the past day.", False),
    ("Two people were killed in today's shelling.", False),
])
def test_sentences_that_recall(sentence, expected):
    assert recalls(sentence) is expected


@pytest.mark.parametrize("day,expected", [
    ("2016", True), ("2024-01", True), ("2024-03-01", False), ("2024-02-20", False),
    (None, False),
])
def test_dates_older_than_the_news(day, expected):
    assert older_than_news(day, "2024-03-04") is expected


def test_a_claim_recalled_is_background_and_the_news_is_not(extractor):
    text = ("Two people were killed in shelling on Monday, the governor said. As reported "
            "earlier, Russian troops killed three civilians in the region last week.")
    claims = extractor.extract(text, "2024-03-05").claims
    assert [(c.quantity.value, c.background) for c in claims] == [(2, False), (3, True)]
