"""Reading a folder of evaluation files the way every scorer does.

Archives carry files that are not data: macOS resource forks (``._NAME.tml`` beside
``NAME.tml``), ``.DS_Store``, editor backups in hidden folders. Those are never read. A
data file that cannot be read (not UTF-8, not well-formed XML, unreadable) is named on
stderr and in the scorer's JSON under ``unreadable``, and the run goes on without it:
one bad file never ends a scoring run, and never passes silently either.

    >>> reader = Reader()
    >>> docs = [d for p in data_files(folder, "*.tml") if (d := reader.read(p, parse))]
    >>> result["unreadable"] = reader.unreadable
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What reading and parsing one file can raise when the file, not the scorer, is at fault
# (a missing element or attribute surfaces as a TypeError or KeyError in the parser).
FILE_ERRORS = (OSError, UnicodeDecodeError, ET.ParseError, ValueError, TypeError, KeyError)


def hidden(path: Path, root: Path | None = None) -> bool:
    """A hidden file or one in a hidden folder (below ``root``): ``._x.tml``,
    ``.DS_Store``, ``.git/...``."""
    parts = path.relative_to(root).parts if root is not None else (path.name,)
    return any(part.startswith(".") for part in parts)


def data_files(root: Path, pattern: str, *, recursive: bool = False) -> list[Path]:
    """The files under ``root`` matching ``pattern``, sorted, hidden ones left out; a file
    given as ``root`` is its own list."""
    if root.is_file():
        return [root]
    found = root.rglob(pattern) if recursive else root.glob(pattern)
    return sorted(p for p in found if p.is_file() and not hidden(p, root))


class Reader:
    """Reads and parses files one by one, keeping the ones it could not read."""

    def __init__(self, encoding: str = "utf-8", quiet: bool = False) -> None:
        self.encoding = encoding
        self.quiet = quiet
        self.unreadable: list[dict[str, str]] = []

    def read(self, path: Path, parse: Callable[[str], T] = str) -> T | None:
        """``parse`` of the file's text, or ``None`` (and a note) when that fails."""
        try:
            return parse(path.read_text(encoding=self.encoding))
        except FILE_ERRORS as exc:
            self.skip(path, exc)
            return None

    def read_all(self, paths: Iterable[Path], parse: Callable[[str], T] = str) -> list[T]:
        return [item for path in paths if (item := self.read(path, parse)) is not None]

    def skip(self, path: Path, exc: BaseException) -> None:
        reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        self.unreadable.append({"file": str(path), "error": reason})
        if not self.quiet:
            print(f"skipped {path}: {reason}", file=sys.stderr)
