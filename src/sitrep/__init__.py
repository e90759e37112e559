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
    EmptyInput,
    InputError,
    MissingInput,
    ModelError,
    NoLedger,
    NotAFile,
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
    "BadOption", "BinaryInput", "Claim", "Claimant", "Dateline", "Document", "EmptyInput",
    "Entity", "Event", "Extractor", "Flag", "InputError", "Mention", "MissingInput",
    "ModelError", "NoLedger", "NotAFile", "Period", "Place", "Quantity", "Report",
    "SitrepError", "Span", "StoreError", "Subject", "TooLarge", "__version__", "extract",
    "extract_file",
]


def extract(text: str, published=None) -> Report:
    """Extract one report's claims, events, entities and flags from its text."""
    from .pipeline import extract as _extract

    return _extract(text, published)


def extract_file(path, published=None) -> Report:
    """Read a report file (UTF-8, UTF-8 with BOM, or Latin-1 with a flag) and extract it."""
    from .ingest.text import read
    from .pipeline import extract as _extract

    raw = read(path)
    return _extract(raw.text, published, raw.encoding)


def __getattr__(name: str):
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
