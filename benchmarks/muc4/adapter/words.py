"""Words, phrases and set fills shared by the adapter's slot fillers (``data/fills.tsv``)."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from sitrep.datafiles import tsv_rows
from sitrep.records import Claim, Event

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}

STOP = frozenset({"and", "or", "in", "on", "at", "of", "who", "which", "that", "were", "was",
                  "are", "is", "have", "has", "had", "by", "from", "with", "during", "when",
                  "while", "after", "before", "as", "the", "to", "for", "but"})

MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"})

SENTENCE_END = re.compile(r"[.!?](?:\s|$)")

ARTICLE = re.compile(r"^(?:the|a|an|some|several|other)\s+", re.I)


@functools.lru_cache(maxsize=1)
def fill_words() -> dict[str, list[tuple[re.Pattern, str]]]:
    """slot -> [(pattern of a phrase, fill)], longest phrases first."""
    path = Path(__file__).parents[1] / "data" / "fills.tsv"
    table: dict[str, list[tuple[re.Pattern, str]]] = {}
    for row in sorted(tsv_rows(path), key=lambda r: -len(r["phrase"])):
        pattern = re.compile(rf"\b{re.escape(row['phrase'])}(?:e?s)?\b", re.I)
        table.setdefault(row["slot"], []).append((pattern, row["fill"]))
    return table


def first_matches(slot: str, text: str) -> list[re.Match]:
    """Matches of the slot's phrases, longest phrase first, none inside another."""
    taken: list[re.Match] = []
    for pattern, _fill in fill_words()[slot]:
        taken += [m for m in pattern.finditer(text) if not any(overlaps(m, t) for t in taken)]
    return sorted(taken, key=lambda m: m.start())


def overlaps(a: re.Match, b: re.Match) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def fill_of(slot: str, words: str) -> str | None:
    for pattern, fill in fill_words()[slot]:
        if pattern.search(words):
            return fill
    return None


def quoted(text: str) -> str:
    words = ARTICLE.sub("", " ".join(text.replace('"', " ").split()).strip(".,;:'"))
    return '"' + words.upper() + '"'


def plain(name: str) -> str:
    """Upper case without accents, as the task's set lists write names."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()


def inside(claim: Claim, event: Event) -> bool:
    return event.evidence.start <= claim.evidence.start < event.evidence.end


def with_next_sentence(text: str, start: int, end: int) -> str:
    """The incident's sentence and the one after it, where reports tell the damage."""
    stop = SENTENCE_END.search(text, end + 1)
    return text[start:stop.end() if stop else len(text)]
