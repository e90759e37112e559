"""How the templates write sitrep's words: quoted strings and set-list names."""

from __future__ import annotations

import re
import unicodedata

ARTICLE = re.compile(r"^(?:the|a|an|some|several|other)\s+", re.I)


def quoted(text: str) -> str:
    words = ARTICLE.sub("", " ".join(text.replace('"', " ").split()).strip(".,;:'"))
    return '"' + words.upper() + '"'


def plain(name: str) -> str:
    """Upper case without accents, as the task's set lists write names."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()


def fill(kind: str) -> str:
    """A class of sitrep's (event_objects.tsv, the task's own set lists) as a set fill."""
    return kind.upper()
