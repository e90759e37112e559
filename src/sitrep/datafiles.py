"""Reading the reviewed TSV tables shipped in ``sitrep/data``.

Every table has the same shape: '#' lines are comments, blank lines are skipped, the first
row is the header, and a short row is padded with empty cells. A row with more cells than
the header is an editing slip (a stray tab) and stops the load with the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import SitrepError


def tsv_rows(source: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a table as dicts: ``source`` is a file name under ``sitrep/data`` or a path."""
    if isinstance(source, Path):
        text, where = source.read_text(encoding="utf-8"), str(source)
    else:
        text, where = resources.files("sitrep.data").joinpath(source).read_text("utf-8"), source
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise SitrepError(
                f"{where}:{number}: {len(cells)} tab-separated cells but the header has "
                f"{len(header)}; fix the data file (list items are separated by ';')"
            )
        yield dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
