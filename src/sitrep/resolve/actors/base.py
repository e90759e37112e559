"""Records, token patterns and folding shared by the actor lexicon and its helpers."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Trie key under which a node keeps the entries of aliases ending there: not a string, so
# no token of any text (not even a NUL character) can reach it.
_END = None
_STATE_SOURCES = ("name", "demonym", "capital")

# Words and punctuation marks; hyphens and dashes are dropped so that "al-Shabaab",
# "al Shabaab" and "Armenia–Azerbaijan" tokenise alike.
_TOKEN = re.compile(r"\w+|[^\w\s\-\u2010\u2011\u2012\u2013\u2014]")
_LOWER = re.compile(r"[a-z]")
_LETTER = re.compile(r"[A-Za-z]")
_POSSESSIVE = re.compile(r"['\u2019]s\b|(?<=s)['\u2019](?!\w)")
_DASH = r"[-\u2010\u2011\u2013]"
_OF_TAIL = re.compile(r"\bof\s+(?:the\s+)?\Z", re.IGNORECASE)
_TOWN_COMMA = re.compile(r"\b[A-Z][\w'-]*,\s*\Z")
_COMMA_REGION = re.compile(
    r",\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]"
)
_WORD_BEFORE = re.compile(r"\b(\w+)\s+(?:the\s+)?\Z")
_HYPHEN = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")
_LIST_GAP = re.compile(r"\s*(?:,|and|or|&)\s*")
_COORDINATION = re.compile(r"\s*(?:,|and|or|&|/|as well as)\s*(?:the\s+)?\Z", re.IGNORECASE)
_FACILITY = re.compile(r"\s+(?:hospital|clinic|school|university|mosque|church|airport|"
                       r"hotel|market|bank|company|camp|stadium|street|road|square)\b",
                       re.IGNORECASE)
_SEGMENT_BREAK = re.compile(
    r"\b(?:of|for|to|in|at|on|with|from|by|against|between|over|about|after|before|"
    r"during|near|who|which|that|said|says)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor; offsets index the text passed to ``find``.

    ``kind``: state, demonym, organisation, armed_group, armed_forces, ministry, official,
    side, enemy, self; affiliation ("Russian-backed", "pro-Iranian": the actor stands
    behind someone else); place (a capital used as a location, "fighting in Kyiv": not an
    actor, kept because it tells which states the report is about).
    """

    start: int
    end: int
    text: str
    code: str | None
    canonical: str | None
    kind: str
    candidates: tuple[str, ...]
    repaired: bool
    military: bool | None
    core: tuple[int, int] = (0, 0)  # the naming words: "Armenian" in "Armenian MoD"
    literal: str | None = None  # the code the words name literally ("Algerian side": DZA)
    leads: bool = False  # an affiliation that owns what it modifies ("Saudi-led coalition")
    garbled: bool = False  # an MT rendering of a Chinese abbreviation ("the Asian side")


@dataclass(frozen=True)
class _Entry:
    """What one alias means. Several entries may share an alias ("us": USA, self)."""

    kind: str
    code: str | None
    canonical: str | None
    source: str  # name, demonym, capital, org, mt, generic, stop
    surface: tuple[str, ...] = ()  # the alias's own tokens, as written
    flags: frozenset[str] = frozenset()
    candidates: tuple[str, ...] = ()
    literal: str | None = None
    standalone: bool = False


@dataclass(frozen=True)
class _Head:
    kind: str
    military: bool | None


@dataclass(frozen=True)
class _Scan:
    """The tokenised text that one find() call works on."""

    text: str
    tokens: list[tuple[int, int, str]]
    folded: list[str]
    caps: bool  # all-caps text (FBIS wires): capitalisation tells nothing

    def words(self, i: int, stop: int) -> list[str]:
        return [self.tokens[k][2] for k in range(i, stop) if self.tokens[k][2][0].isalnum()]

    def joined(self, left: int, right: int) -> bool:
        """Only white space (no punctuation) between tokens ``left`` and ``right``."""
        return self.text[self.tokens[left][1] : self.tokens[right][0]].strip() == ""


@dataclass
class _Hit:
    """A mention while it is being built; find() freezes it into an ActorMention."""

    start: int
    end: int
    core: tuple[int, int]
    entry: _Entry
    kind: str
    military: bool | None = None
    extended: bool = False
    plural_side: bool = False
    leads: bool = False


@functools.lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    """Case- and accent-insensitive form of a token (Bogotá = bogota, ’ = ')."""
    token = token.replace("\u2019", "'").replace("\u2018", "'")
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
