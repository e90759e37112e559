"""sitrep: a source-attributed claims ledger and event dataset from conflict news reports.

    >>> import sitrep
    >>> report = sitrep.extract(text, published="2020-09-30")
    >>> report.to_dict()["claims"]

Nothing heavy happens at import: the spaCy pipeline loads on the first extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import (
    BadOption,
    BinaryInput,
    CacheError,
    EmptyInput,
    GazetteerMissing,
    InputError,
    MissingInput,
    ModelError,
    NoLedger,
    NotAFile,
    NotText,
    OverBudget,
    SitrepError,
    StoreError,
    TooLarge,
)
from .records import (
    Claim,
    Claimant,
    Dateline,
    Document,
    Entity,
    Event,
    Flag,
    Mention,
    Period,
    Place,
    Quantity,
    Report,
    Span,
    Subject,
)

if TYPE_CHECKING:
    from .pipeline import Extractor

__version__ = "0.1.0"

__all__ = [
    "BadOption", "BinaryInput", "CacheError", "Claim", "Claimant", "Dateline", "Document",
    "EmptyInput", "Entity", "Event", "Extractor", "Flag", "GazetteerMissing", "InputError",
    "Mention", "MissingInput", "ModelError", "NoLedger", "NotAFile", "NotText", "OverBudget",
    "Period", "Place", "Quantity", "Report", "SitrepError", "Span", "StoreError", "Subject",
    "TooLarge", "__version__", "extract", "extract_file",
]


def extract(text: str, published=None) -> Report:
    """Extract one report's claims, events, entities and flags from its text.

    ``published``: the report date, ``"YYYY-MM-DD"`` or a ``datetime.date``. Every failure
    is a ``SitrepError`` with the command line's one-line message: ``NotText`` for
    something other than a str, ``EmptyInput`` for blank text, ``BinaryInput`` for a
    str that is not valid Unicode, ``TooLarge`` over 5 MB, ``OverBudget`` past the time
    budget, ``BadOption`` for a bad ``published``.
    """
    from .pipeline import extract as _extract

    return _extract(text, published)


def extract_file(path, published=None) -> Report:
    """Read a report file (UTF-8, UTF-8 with BOM, UTF-16 with BOM, or Latin-1 with a flag)
    and extract it."""
    from .ingest.text import read
    from .pipeline import extract as _extract

    raw = read(path)
    return _extract(raw.text, published, raw.encoding)


def __getattr__(name: str):
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
