"""The claims table an analyst reads: ids, parents, a 120-column terminal, 'unknown'."""

from sitrep.render import table_text


def test_the_table_fits_120_columns_and_shows_ids_parents_and_unknowns(extractor):
    report = extractor.extract(
        "At least 13 civilians, including 7 children, were killed in the shelling. "
        "The ministry said 5 soldiers were killed on Monday.", "2024-03-05")
    text = table_text(report)
    assert max(len(line) for line in text.splitlines()) <= 120
    total = next(c for c in report.claims if c.quantity.value == 13)
    part = next(c for c in report.claims if c.quantity.value == 7)
    assert part.parent == total.id
    row = next(line for line in text.splitlines() if line.lstrip().startswith(part.id + " "))
    assert total.id in row.split()
    assert "unknown" in text and "?" not in text
