"""sitrep's exceptions. Every message tells the user what to do next.

    SitrepError
    ├── InputError          the input cannot be read as a report
    │   ├── MissingInput    no such file
    │   ├── NotAFile        a directory or other non-file
    │   ├── BinaryInput     looks like binary data, not text
    │   ├── EmptyInput      nothing but white space
    │   ├── TooLarge        over the size limit
    │   ├── NotText         not a str (None, bytes, a number) given to the API
    │   └── OverBudget      took longer than the report's time budget
    ├── BadOption           a command-line or API option has a bad value
    ├── ModelError          the spaCy pipeline cannot be loaded
    ├── GazetteerMissing    no usable gazetteer file where one was required
    ├── CacheError          the gazetteer cannot be written where it belongs
    └── StoreError          the ledger database cannot be opened, read or written
        └── NoLedger        no ledger where a command needs one to read
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: catch this to handle every sitrep failure."""

    code = "E000"

    def __str__(self) -> str:
        return f"{self.code}: {super().__str__()}"


class InputError(SitrepError):
    code = "E100"


class MissingInput(InputError):
    code = "E101"


class NotAFile(InputError):
    code = "E102"


class BinaryInput(InputError):
    code = "E103"


class EmptyInput(InputError):
    code = "E104"


class TooLarge(InputError):
    code = "E105"


class NotText(InputError, TypeError):
    """Also a TypeError, which is what Python code expects for an argument of a wrong type."""

    code = "E106"


class OverBudget(InputError):
    code = "E107"


class BadOption(SitrepError):
    code = "E200"


class ModelError(SitrepError):
    code = "E300"


class GazetteerMissing(SitrepError):
    code = "E400"


class CacheError(SitrepError):
    code = "E401"


class StoreError(SitrepError):
    code = "E500"


class NoLedger(StoreError):
    code = "E501"
