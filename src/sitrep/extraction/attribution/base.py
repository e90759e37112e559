"""The attribution records, the cue lexicon, and small helpers on parsed tokens."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ...datafiles import tsv_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token




Offsets = tuple[int, int]
Tokens = tuple[int, int]  # a token range [start, end)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents of a source's head that, set off by a comma, say when or how rather than who
# ("Trump, who leads the polls, said"); appositions stay ("X, spokesman of Y, said").
LOOSE_MODIFIERS = ("relcl", "acl", "advcl", "amod", "advmod", "prep", "npadvmod", "punct")
CONTENT_DEPS = ("xcomp", "dobj", "attr", "oprd", "intj")
CONTENT_PREPS = ("about", "of", "on", "for", "against", "over", "as")
# Verbs whose object is the person addressed, not what is said ("told reporters").
RECIPIENT_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "notify", "ask"})
TO_VERBS = frozenset({"refer", "point", "respond", "reply", "object", "appeal"})
IRREGULAR = {row["form"]: row["lemma"] for row in tsv_rows("irregular_verbs.tsv")}
OPENING_QUOTES = ("“", "«", "„", "``")
CLOSING_QUOTES = ("”", "»")
STRAIGHT_QUOTES = ('"', "''")
QUOTE_MARK = re.compile(r"''|``|[\"“”«»„]")
SEPARATORS = ("—", "–", "--", "|")
DOUBLE_QUOTES = ('"', "“", "”", "''", "``", "«", "»", "„")
QUANTIFYING = frozenset({"nearly", "about", "almost", "least", "only", "just", "most",
                         "roughly", "approximately", "around", "over", "some", "more"})
COLON_SOURCE_POS = ("PROPN", "NOUN", "ADJ", "PART", "PUNCT", "DET")
TIME_ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """One attribution; every span is a pair of character offsets into the Doc text."""

    cue: Offsets
    source: Offsets | None
    source_head: Offsets | None
    person: Offsets | None
    role: str | None
    content: Offsets | None
    sentence: Offsets
    frame: str
    stated_date: Offsets | None
    pronoun: bool
    kind: str = "statement"  # statement, belief, intention, evidence, stance, perception


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    light: frozenset[str]
    preps: dict[str, str]
    roles: dict[str, str]
    pronouns: dict[str, str]
    channels: frozenset[str]
    labels: frozenset[str]
    outlets: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lexicon shipped in ``sitrep/data/reporting_cues.tsv``."""
    table: dict[str, dict[str, str]] = {}
    text = resources.files("sitrep.data").joinpath("reporting_cues.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, entry, label = (line.split("\t") + ["", ""])[:3]
        table.setdefault(kind, {})[entry.strip().lower()] = label.strip()
    return Lexicon(
        verbs=table.get("verb", {}),
        nouns=table.get("noun", {}),
        adjectives=table.get("adjective", {}),
        light=frozenset(table.get("light", {})),
        preps=table.get("prep", {}),
        roles=table.get("role", {}),
        pronouns=table.get("pronoun", {}),
        channels=frozenset(table.get("channel", {})),
        labels=frozenset(table.get("label", {})),
        outlets=frozenset(table.get("outlet", {})),
    )


@dataclass(frozen=True)
class _Found:
    """A cue tied to its parts, as tokens; turned into an Attribution at the end."""

    cue: Tokens
    source: Token | None  # head token of the source
    content: Tokens | None
    frame: str
    kind: str
    reported: bool = True  # content is what the source said, so cues inside it are nested
    source_span: Tokens | None = None  # when the parse cannot give it (headlines)
    outer: bool = False  # frames the whole sentence before it ("..., X said."): never nested


@dataclass
class _Context:
    doc: Doc
    lex: Lexicon
    quotes: list[Offsets]
    used: set[int]  # tokens already part of a cue




# --- small helpers -----------------------------------------------------------------------


def _inverted(tok: Token, source: Token | None) -> bool:
    return source is not None and source.head == tok and source.i > tok.i


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME")


def _prep_object_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _prep_object_of(child)
            if obj is not None:
                return obj
    return None


def _subtree(tok: Token) -> Tokens:
    return (tok.left_edge.i, tok.right_edge.i + 1)


def _char_tokens(doc: Doc, span: Offsets) -> Tokens:
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (chars.start, chars.end) if chars is not None else (0, 0)


def _trim(doc: Doc, rng: Tokens) -> Tokens:
    """Without leading or trailing punctuation, white space and a dangling "and"; quotation
    marks and a closing bracket whose opening one is inside stay ('Sen. Ted Cruz (R-Texas)')."""
    lo, hi = rng

    def loose(tok: Token, at_end: bool) -> bool:
        if tok.is_space or (at_end and tok.dep_ == "cc"):
            return True
        if not tok.is_punct or tok.is_quote:
            return False
        return not (at_end and tok.text == ")" and "(" in doc[lo : tok.i].text)

    while lo < hi and loose(doc[lo], False):
        lo += 1
    while hi > lo and loose(doc[hi - 1], True):
        hi -= 1
    return (lo, hi)


def _chars(doc: Doc, rng: Tokens) -> Offsets:
    lo, hi = rng
    if hi <= lo:
        at = doc[lo].idx if lo < len(doc) else len(doc.text)
        return (at, at)
    return (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))

def _lemma_of_form(word: str, lex: Lexicon) -> str | None:
    if word in IRREGULAR:  # the table also holds loss verbs ("hit", "lost"): cues only
        return IRREGULAR[word] if IRREGULAR[word] in lex.verbs else None
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in lex.verbs:
            return word[: -len(suffix)] + repl
    return None
