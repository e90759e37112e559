"""Which sitrep and which lexicons produced a row: the package version and a hash of the
data files (``sitrep/data``), so that a lexicon edit without a version bump still counts as
a different producer for ``sitrep ingest --reprocess``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Version:
    sitrep: str
    lexicon: str

    @property
    def id(self) -> str:
        return f"{self.sitrep}+{self.lexicon}"


@cache
def lexicon_version() -> str:
    """The first 12 hex digits of a sha256 over every data file's name and bytes."""
    digest = hashlib.sha256()
    root = resources.files("sitrep.data")
    for name in sorted(_files(root)):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(root.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def _files(root, prefix: str = "") -> list[str]:
    out = []
    for entry in root.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                out.extend(_files(entry, name + "/"))
        elif not entry.name.endswith(".pyc"):
            out.append(name)
    return out


def current() -> Version:
    from .. import __version__

    return Version(__version__, lexicon_version())
