"""Find the actors a text names and give them codes.

Pure text, no spaCy. The lexicon comes from ``src/sitrep/data/actors_*.tsv``: states with
their names, demonyms and capitals (``states``), organisations, armed groups and named state
institutions (``orgs``), machine-translation garbles of Chinese "X方" phrases (``mt_sides``),
institution and personnel nouns (``heads``), unnamed parties such as "both sides"
(``generic``), false friends (``stoplist``) and small context word lists (``context``).

``ActorLexicon.find`` tokenises the text once and walks a token trie, taking the longest
alias at each position, then widens a state or organisation match into the institution
phrase around it ("Armenian Ministry of Defence", "Ministry of Defence of Azerbaijan",
"Ukraine's General Staff", "UN envoy") and looks one noun ahead to tell soldiers from
civilians ("Azerbaijani soldiers" is a mention of "Azerbaijani" with military=True).

Codes: ISO 3166-1 alpha-3 for states and their institutions, short upper-case codes for
organisations and armed groups, None when unknown or ambiguous. Ambiguous mentions keep every
reading in ``candidates``; ``resolve_sides`` settles them from the states the document is
about (``document_countries``): "the Asian side" in a report on Armenia and Azerbaijan is
Armenia (亚方), "the Algerian side" there is Azerbaijan (阿方).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from ..errors import SitrepError

_END = "\0"  # trie key under which a node keeps the entries of aliases ending there
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


class ActorLexicon:
    """Alias trie plus phrase patterns; build once (``default()``) and share."""

    def __init__(
        self,
        entries: Iterable[tuple[str, _Entry]],
        heads: Iterable[tuple[str, str, str, str]],
        parents: dict[str, str],
        state_codes: Iterable[str],
        context: dict[str, frozenset[str]],
        kinds: dict[str, str] | None = None,
    ) -> None:
        self._trie: dict = {}
        self._kinds = dict(kinds or {})
        self._canonical: dict[str, str] = {}
        self._bare: set[str] = set()  # folded bare MT renderings ("yi", "ba"), for pairs
        for alias, entry in entries:
            self._add(alias, entry)
            if "bare" in entry.flags:
                self._bare.add(_fold(alias))
        self._merge_shared()
        self._parents = dict(parents)
        self._states = frozenset(state_codes)
        self._calendar = context.get("calendar", frozenset())
        self._free = context.get("free_capital", frozenset()) | self._calendar
        self._leading = context.get("leading", frozenset())
        self._locative = context.get("locative", frozenset())
        self._compile_context(context)
        self._compile_heads(sorted(heads, key=lambda head: -len(head[3])))

    @classmethod
    def default(cls) -> ActorLexicon:
        """The lexicon built from sitrep's own data files (loaded once per process)."""
        return _default_lexicon()

    @classmethod
    def from_directory(cls, directory: Path) -> ActorLexicon:
        """Build a lexicon from the ``actors_*.tsv`` files in ``directory``."""
        entries = [
            (row["phrase"], _Entry("stop", None, None, "stop"))
            for row in _rows(directory / "actors_stoplist.tsv")
        ]
        parents: dict[str, str] = {}
        kinds: dict[str, str] = {}
        for row in _rows(directory / "actors_orgs.tsv"):
            code = row["code"] or None
            if code:
                kinds.setdefault(code, row["kind"])
            if code and row["parent"]:
                parents[code] = row["parent"]
            for cell in _split(row["aliases"]):
                alias, flags = _parse_alias(cell)
                candidates = (code,) if code else ()
                entry = _Entry(row["kind"], code, row["canonical"], "org", (), flags, candidates)
                entries.append((alias, entry))
        states = list(_rows(directory / "actors_states.tsv"))
        for row in states:
            entries.extend(_state_entries(row))
        entries.extend(_mt_entries(directory / "actors_mt_sides.tsv", entries))
        for row in _rows(directory / "actors_generic.tsv"):
            entries.append((row["phrase"], _Entry(row["kind"], None, row["canonical"], "generic")))
        heads = [
            (row["kind"], row["military"], row["position"], row["phrase"])
            for row in _rows(directory / "actors_heads.tsv")
        ]
        context: dict[str, frozenset[str]] = {}
        for row in _rows(directory / "actors_context.tsv"):
            context[row["role"]] = context.get(row["role"], frozenset()) | set(row["words"].split())
        return cls(entries, heads, parents, [row["code"] for row in states], context, kinds)

    # ---- queries ------------------------------------------------------------------------

    def parent_of(self, code: str) -> str | None:
        """The umbrella body of an agency or faction (OCHA -> UN, ISWAP -> ISIS)."""
        return self._parents.get(code)

    def umbrella(self, code: str | None) -> str | None:
        """The organisation an agency, mission or armed wing belongs to (UNRWA -> UN,
        PDF -> NUG); None for an armed group's affiliation (al-Shabaab's al-Qaeda)."""
        parent = self._parents.get(code) if code else None
        return parent if parent and self._kinds.get(parent) == "organisation" else None

    def is_state(self, code: str | None) -> bool:
        return code in self._states

    def canonical_of(self, code: str | None) -> str | None:
        """The printed name of a code ("ARM" -> "Armenia")."""
        return self._canonical.get(code or "")

    def find(self, text: str) -> list[ActorMention]:
        """Every actor mention in ``text``, left to right, longest match first."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        letters = len(_LETTER.findall(text))
        caps = letters > 20 and len(_LOWER.findall(text)) < 0.05 * letters
        scan = _Scan(text, tokens, [_fold(token[2]) for token in tokens], caps)
        hits: list[_Hit] = []
        i = 0
        while i < len(tokens):
            hit = self._match_at(scan, i)
            if hit is None:
                i += 1
                continue
            if hits and hit.start < hits[-1].end:  # a widened phrase must not overlap
                hit.start = hits[-1].end
            if hit.entry.kind != "stop":
                hits.append(hit)
            while i < len(tokens) and tokens[i][0] < hit.end:
                i += 1
        hits = _drop_unanchored(_drop_places(text, hits, self._locative))
        _share_coordinated(text, hits)
        return [self._freeze(text, hit) for hit in hits]

    def find_resolved(self, text: str) -> list[ActorMention]:
        """``find``, then settle ambiguous mentions from what the document is about."""
        mentions = self.find(text)
        about = document_countries(mentions, states_only=False, lexicon=self)
        return resolve_sides(mentions, about, lexicon=self)

    def code_of(self, phrase: str, about: Iterable[str] = ()) -> str | None:
        """The single actor a phrase designates, or None.

        The head organisation wins over nested mentions: the phrase is cut at prepositions
        outside mentions ("the representative | of the Armenian Ministry of Defence") and the
        first piece that names anyone decides; inside it the last mention is the head
        ("Lebanese Hezbollah" -> HEZBOLLAH). Coordinated actors ("Armenian and Azerbaijani
        officials") have no head: None. ``about`` settles MT sides as in resolve_sides.
        """
        mentions = self.find(phrase)
        if about:
            mentions = resolve_sides(mentions, about, lexicon=self)
        # "the Kuwaiti Hospital": a facility's name, not the state's
        mentions = [m for m in mentions if not _FACILITY.match(phrase[m.end:])]
        named = [m for m in mentions if m.kind != "affiliation"]
        for low, high in _segments(phrase, named):
            inside = [m for m in named if low <= m.start < high]
            if any(m.code for m in inside):
                # "the American enemy": an uncoded word beside a coded one adds nothing
                inside = [m for m in inside if m.code or m.kind not in ("enemy", "self")]
            if not inside:
                # "the Saudi-led coalition fighting in Yemen": the leader heads the piece;
                # but a ministry run by a movement stays its territory's ("the Hamas-run
                # health ministry in Gaza")
                leaders = {m.code for m in mentions if m.kind == "affiliation" and m.leads
                           and low <= m.start < high}
                if len(leaders) == 1 and "ministry" not in phrase.lower():
                    return leaders.pop()
                continue
            if len({m.code for m in inside}) == 1:
                return inside[0].code
            for left, right in zip(inside, inside[1:], strict=False):
                if left.code != right.code and _COORDINATION.search(phrase[left.end : right.start]):
                    return None
            return inside[-1].code
        leading = {m.code for m in mentions if m.kind == "affiliation" and m.leads}
        if len(leading) == 1 and "ministry" not in phrase.lower():
            return leading.pop()
        return None

    # ---- building ---------------------------------------------------------------------

    def _add(self, alias: str, entry: _Entry) -> None:
        surface = tuple(m.group() for m in _TOKEN.finditer(alias))
        if not surface:
            return
        node = self._trie
        for token in surface:
            node = node.setdefault(_fold(token), {})
        found = node.setdefault(_END, [])
        entry = replace(entry, surface=surface)
        if entry not in found:
            found.append(entry)
        if entry.code and entry.canonical:
            if entry.source == "name":  # a state's own name beats its institutions' names
                self._canonical[entry.code] = entry.canonical
            else:
                self._canonical.setdefault(entry.code, entry.canonical)

    def _merge_shared(self) -> None:
        stack = [self._trie]
        while stack:
            node = stack.pop()
            stack.extend(child for key, child in node.items() if key != _END)
            if _END in node:
                node[_END] = _merge_entries(node[_END])

    def _compile_context(self, context: dict[str, frozenset[str]]) -> None:
        def words(role: str) -> str:
            return "|".join(sorted(context.get(role, ()), key=len, reverse=True)) or "(?!)"

        flags = re.IGNORECASE
        self._affiliation = re.compile(rf"\s*{_DASH}\s*(?P<verb>{words('affiliation')})\b", flags)
        self._prefix = re.compile(rf"\b(?:{words('prefix')})\s*{_DASH}\s*\Z", flags)
        self._not_modifier = r"\w+ed|" + words("not_modifier")

    def _compile_heads(self, heads: list[tuple[str, str, str, str]]) -> None:
        """One regex per position; each head is a named group so the match says which."""
        self._heads: dict[str, _Head] = {}
        groups: dict[str, list[str]] = {"after": [], "before": [], "noun": []}
        for index, (kind, military, position, phrase) in enumerate(heads):
            name = f"h{index}"
            self._heads[name] = _Head(kind, {"yes": True, "no": False}.get(military))
            group = f"(?P<{name}>{_regex_fragment(phrase)})"
            for slot in ("after", "before") if position == "both" else (position,):
                groups[slot].append(group)
        flags = re.IGNORECASE
        self._after = re.compile(r"\s+(?:" + "|".join(groups["after"]) + r")\b", flags)
        self._before = re.compile(
            r"\b(?:" + "|".join(groups["before"]) + r")\s+of\s+(?:the\s+)?\Z", flags
        )
        # one free word may stand before the noun, but not a verb ("Wagner killed civilians")
        free = r"(?:(?!(?:" + self._not_modifier + r")\b)[a-z][\w-]*\s+)?"
        self._nouns = re.compile(r"\s+" + free + "(?:" + "|".join(groups["noun"]) + r")\b", flags)

    # ---- matching -----------------------------------------------------------------------

    def _match_at(self, scan: _Scan, i: int) -> _Hit | None:
        """The longest acceptable alias starting at token ``i``, widened into a phrase."""
        node = self._trie.get(scan.folded[i])
        ends: list[tuple[int, list[_Entry]]] = []
        j = i
        while node is not None:
            if _END in node:
                ends.append((j + 1, node[_END]))
            j += 1
            node = node.get(scan.folded[j]) if j < len(scan.tokens) else None
        for stop, entries in reversed(ends):
            valid = [entry for entry in entries if self._accepts(entry, scan, i, stop)]
            exact = [entry for entry in valid if "exact" in entry.flags]
            if valid:
                return self._build(scan, i, stop, (exact or valid)[0])
        return None

    def _accepts(self, entry: _Entry, scan: _Scan, i: int, stop: int) -> bool:
        """Whether tokens ``i:stop`` may be read as ``entry`` (case, context, flags)."""
        flags = entry.flags
        if "the" in flags and (i == 0 or scan.folded[i - 1] != "the"):
            return False
        if scan.caps and "word" in flags:
            return False  # "US", "IS", "AMNESTY" in all-caps text are ordinary words
        if "bare" in flags:
            return not scan.caps and self._bare_garble(scan, i, stop)
        if "exact" in flags:
            return tuple(scan.tokens[k][2] for k in range(i, stop)) == entry.surface
        if scan.caps:
            return True
        words = scan.words(i, stop)
        if entry.kind == "self" and len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
            return False  # "US" is the United States, not "us"
        alias_words = [word for word in entry.surface if word[0].isalnum()]
        if "cased" in flags or len(alias_words) == 1:
            # single words and [cased] aliases must be capitalised as written ("Turkey", not
            # "turkey"); other multi-word aliases match in any case (MT lower-cases words)
            checked = len(alias_words) if "cased" in flags else 1
            for word, alias_word in zip(words[:checked], alias_words[:checked], strict=False):
                if alias_word[0].isupper() and not word[0].isupper():
                    return False
        if "person" in flags or entry.source == "capital":
            return self._not_a_person(entry, scan, i, stop)
        return True

    def _bare_garble(self, scan: _Scan, i: int, stop: int) -> bool:
        """ "Yi" is a garble only in "Yi army", "Yi soldiers", "Ba-Yi conflict"."""
        if not scan.tokens[i][2][0].isupper():
            return False
        if self._hyphen_pair(scan, i, stop) is not None:
            return True
        end = scan.tokens[stop - 1][1]
        if self._after.match(scan.text, end):
            return True
        noun = self._nouns.match(scan.text, end)
        return (
            noun is not None
            and noun.lastgroup is not None
            and bool(self._heads[noun.lastgroup].military)
        )

    def _hyphen_pair(self, scan: _Scan, i: int, stop: int) -> int | None:
        """The index of the bare rendering hyphenated to tokens ``i:stop`` ("Ba-Yi"), if any."""
        for other, left, right in ((stop, stop - 1, stop), (i - 1, i - 1, i)):
            if not 0 <= other < len(scan.tokens) or scan.folded[other] not in self._bare:
                continue
            gap = scan.text[scan.tokens[left][1] : scan.tokens[right][0]]
            if _HYPHEN.fullmatch(gap) and scan.tokens[other][2][0].isupper():
                return other
        return None

    def _not_a_person(self, entry: _Entry, scan: _Scan, i: int, stop: int) -> bool:
        """Reject "Michael Jordan", "Paris Hilton", "Washington Post", "Moscow Region"."""
        if "person" in entry.flags and i > 0:
            before = scan.tokens[i - 1][2]
            name_like = before[0].isupper() and before.isalpha()
            if name_like and scan.joined(i - 1, i) and before.lower() not in self._free:
                return False
        if stop < len(scan.tokens):
            after = scan.tokens[stop][2].lower()
            name_like = after[0] != scan.tokens[stop][2][0] and after.isalpha()
            if name_like and scan.joined(stop - 1, stop) and after not in self._calendar:
                return after in self._free
        return True

    def _build(self, scan: _Scan, i: int, stop: int, entry: _Entry) -> _Hit:
        text = scan.text
        start, end = scan.tokens[i][0], scan.tokens[stop - 1][1]
        hit = _Hit(start, end, (start, end), entry, entry.kind)
        if "bare" in entry.flags:  # "Yi army", "E Ministry of Defense", "Ba-Yi conflict"
            if self._hyphen_pair(scan, i, stop) is not None:
                hit.kind = "state"
            elif not self._extend_after(text, hit, end):
                self._look_for_noun(text, hit, end)
            return hit
        if entry.source in ("mt", "stop"):
            return hit
        if entry.source == "generic":
            self._look_for_noun(text, hit, end)
            return hit
        if entry.kind == "armed_forces":
            hit.military = True
        affiliation = self._affiliation.match(text, end)
        prefix = self._prefix.search(text, max(0, start - 6), start)
        if affiliation or prefix:
            hit.kind = "affiliation"
            if prefix:
                hit.start = prefix.start()
            if affiliation:
                hit.end = affiliation.end()
                hit.leads = affiliation.group("verb").lower() in self._leading
            return hit
        possessive = _POSSESSIVE.match(text, end)
        tail = possessive.end() if possessive else end
        if self._extend_after(text, hit, tail):
            return hit
        if not possessive and entry.source in ("name", "capital"):
            self._extend_before(text, hit)
        if not hit.extended:
            self._look_for_noun(text, hit, tail)
        return hit

    def _extend_after(self, text: str, hit: _Hit, tail: int) -> bool:
        """ "Armenian" + " Ministry of Defence", "Ukraine's" + " General Staff"."""
        match = self._after.match(text, tail)
        if match is None or match.lastgroup is None:
            return False
        head = self._heads[match.lastgroup]
        hit.end, hit.kind, hit.extended = match.end(), head.kind, True
        hit.plural_side = head.kind == "side" and match.group().rstrip().endswith("s")
        if head.military is not None:
            hit.military = head.military
        return True

    def _extend_before(self, text: str, hit: _Hit) -> None:
        """ "Ministry of Defence of the " + "Republic of Armenia"."""
        if not _OF_TAIL.search(text, max(0, hit.start - 12), hit.start):
            return
        match = self._before.search(text, max(0, hit.start - 80), hit.start)
        if match is None or match.lastgroup is None:
            return
        head = self._heads[match.lastgroup]
        hit.start, hit.kind, hit.extended = match.start(), head.kind, True
        if head.military is not None:
            hit.military = head.military

    def _look_for_noun(self, text: str, hit: _Hit, tail: int) -> None:
        match = self._nouns.match(text, tail)
        if match is not None and match.lastgroup is not None:
            hit.military = self._heads[match.lastgroup].military

    def _freeze(self, text: str, hit: _Hit) -> ActorMention:
        entry = hit.entry
        code, literal, repaired = entry.code, entry.literal, False
        if entry.source == "mt":
            if literal is not None and entry.candidates == (literal,):
                code = literal
            elif entry.standalone and len(entry.candidates) == 1:
                code, repaired = entry.candidates[0], True
        elif len(entry.candidates) == 1:
            literal = entry.code
        canonical = entry.canonical if code == entry.code else self.canonical_of(code)
        return ActorMention(
            start=hit.start,
            end=hit.end,
            text=text[hit.start : hit.end],
            code=code,
            canonical=canonical,
            kind=hit.kind,
            candidates=entry.candidates,
            repaired=repaired,
            military=hit.military,
            core=hit.core,
            literal=literal,
            leads=hit.leads,
            garbled=entry.source == "mt",
        )


# ---- reading the data files -------------------------------------------------------------


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file as dicts; '#' lines are comments, the first row is the header."""
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise SitrepError(
                f"{path}:{number}: {len(cells)} tab-separated cells but the header has "
                f"{len(header)}; fix the data file (list items are separated by ';')"
            )
        yield dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _parse_alias(cell: str) -> tuple[str, frozenset[str]]:
    """ "US[exact,word]" -> ("US", {"exact", "word"})."""
    alias, _, flags = cell.strip().partition("[")
    return alias.strip(), frozenset(filter(None, flags.rstrip("]").split(",")))


def _plurals(demonym: str) -> list[str]:
    """Armenian -> Armenians, Frenchman -> Frenchmen; Sudanese and Swiss stay as they are."""
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    if demonym.endswith(("s", "sh", "ch", "x", "z", "ese", ".")):
        return []
    return [demonym + "s"]


def _regex_fragment(phrase: str) -> str:
    return phrase.replace("[- ]", r"(?:-|\s+)").replace(" ?", r"\s*").replace(" ", r"\s+")


def _state_entries(row: dict[str, str]) -> Iterator[tuple[str, _Entry]]:
    code, canonical = row["code"], _parse_alias(row["canonical"])[0]
    columns = (
        ("name", [row["canonical"], *_split(row["names"])]),
        ("demonym", _split(row["demonyms"])),
        ("capital", _split(row["capitals"])),
    )
    for source, cells in columns:
        for cell in cells:
            alias, flags = _parse_alias(cell)
            kind = "demonym" if source == "demonym" else "state"
            entry = _Entry(kind, code, canonical, source, (), flags, (code,))
            yield alias, entry
            if source == "demonym":
                for plural in _plurals(alias):
                    yield plural, entry
            if alias.endswith(".") and alias.count(".") > 1:  # "U.S." also as "U.S"
                yield alias[:-1], entry


def _mt_entries(path: Path, known: list[tuple[str, _Entry]]) -> Iterator[tuple[str, _Entry]]:
    """ "the <rendering> side" for every rendering, and the bare renderings ("Yi") alone.

    A rendering listed under several characters gets the union of their candidates.
    """
    literal_of: dict[str, set[str]] = {}
    for alias, entry in known:
        if entry.source in ("name", "demonym") and entry.code:
            literal_of.setdefault(_fold(alias), set()).add(entry.code)
    readings: dict[str, list[str]] = {}
    standalone: dict[str, bool] = {}
    spelling: dict[str, str] = {}
    bare: set[str] = set()
    for row in _rows(path):
        renderings = _split(row["renderings"])
        for rendering in renderings:
            key = _fold(rendering)
            spelling.setdefault(key, rendering)
            codes = readings.setdefault(key, [])
            codes.extend(code for code in _split(row["candidates"]) if code not in codes)
            standalone[key] = standalone.get(key, True) and row["standalone"] == "yes"
        listed = _split(row["bare"]) or [r for r in renderings if _fold(r) == _fold(row["pinyin"])]
        bare.update(_fold(rendering) for rendering in listed if rendering != "-")
    for key, codes in readings.items():
        literal = literal_of.get(key, set())
        entry = _Entry(
            kind="side",
            code=None,
            canonical=None,
            source="mt",
            flags=frozenset({"the"}),
            candidates=tuple(codes),
            literal=next(iter(literal)) if len(literal) == 1 else None,
            standalone=standalone[key],
        )
        yield f"{spelling[key]} side", entry
        if key in bare:
            yield spelling[key], replace(entry, kind="demonym", flags=frozenset({"bare"}))


def _merge_entries(entries: list[_Entry]) -> list[_Entry]:
    """One state entry per alias: "Congolese" (COD, COG) keeps both codes as candidates,
    coded by its [default] row or left None ("Korean")."""
    states = [entry for entry in entries if entry.source in _STATE_SOURCES]
    others = [entry for entry in entries if entry.source not in _STATE_SOURCES]
    codes = tuple(dict.fromkeys(entry.code for entry in states if entry.code))
    if len(codes) <= 1:
        return others + states[:1]  # "U.S." is both a name and a demonym: keep one
    default = next((entry for entry in states if "default" in entry.flags), None)
    merged = replace(
        default or states[0],
        code=default.code if default else None,
        canonical=default.canonical if default else None,
        candidates=codes,
        literal=default.code if default else None,
        flags=frozenset().union(*(entry.flags for entry in states)) - {"default"},
    )
    return others + [merged]


# ---- post-processing --------------------------------------------------------------------


def _drop_unanchored(hits: list[_Hit]) -> list[_Hit]:
    """Keep an [anchored] alias (KIA, PDF, IS) only if its actor is also named plainly."""
    plain = {hit.entry.code for hit in hits if "anchored" not in hit.entry.flags}
    return [hit for hit in hits if "anchored" not in hit.entry.flags or hit.entry.code in plain]


def _drop_places(text: str, hits: list[_Hit], locative: frozenset[str]) -> list[_Hit]:
    """Drop names that stand for a place rather than an actor.

    "Atlanta, Georgia" is the US state: a [person] name right after "Town, " goes unless the
    town is the same actor's ("Tbilisi, Georgia"). "Paris, Texas" is a US town: a capital
    right before ", Region" goes unless the region is itself an actor ("Kyiv, Ukraine",
    "Moscow, Kyiv") or a date ("Baku, October 5").
    A capital after a locative preposition ("protests in Moscow") is kept as kind "place":
    not the government that "Moscow said" stands for, but evidence of what the report is
    about (document_countries counts it).
    """
    kept: list[_Hit] = []
    for index, hit in enumerate(hits):
        entry = hit.entry
        previous = kept[-1] if kept else None
        after = hits[index + 1] if index + 1 < len(hits) else None
        if "person" in entry.flags and entry.source == "name":
            town = _TOWN_COMMA.search(text, max(0, hit.start - 40), hit.start)
            if town and not _same_actor(text, previous, hit):
                continue
        if entry.source == "capital" and hit.kind == "state":
            region = _COMMA_REGION.match(text, hit.end)
            listed = after is not None and text[hit.end : after.start].strip() == ","
            if region and not listed:  # "Paris, Texas"; but "Moscow, Kyiv" is a list
                continue
            word = _WORD_BEFORE.search(text, max(0, hit.start - 20), hit.start)
            if word and word.group(1).lower() in locative:
                hit.kind = "place"  # still tells what the report is about
        kept.append(hit)
    return kept


def _same_actor(text: str, left: _Hit | None, right: _Hit | None) -> bool:
    """Two hits of one actor separated by a comma only."""
    if left is None or right is None or left.entry.code != right.entry.code:
        return False
    return text[left.end : right.start].strip() == ","


def _share_coordinated(text: str, hits: list[_Hit]) -> None:
    """In "Armenian and Azerbaijani soldiers|sides" the first demonym shares the noun."""
    for left, right in zip(reversed(hits[:-1]), reversed(hits[1:]), strict=True):
        if left.extended or left.kind not in ("state", "demonym"):
            continue
        if not _LIST_GAP.fullmatch(text, left.end, right.start):
            continue
        if left.military is None:
            left.military = right.military
        if right.kind == "side" and right.plural_side:
            left.kind, left.plural_side = "side", True


def _segments(phrase: str, mentions: list[ActorMention]) -> list[tuple[int, int]]:
    cuts = [
        match.start()
        for match in _SEGMENT_BREAK.finditer(phrase)
        if not any(m.start <= match.start() < m.end for m in mentions)
    ]
    edges = [0, *cuts, len(phrase)]
    return list(zip(edges, edges[1:], strict=False))


# ---- document-level resolution ----------------------------------------------------------


def document_countries(
    mentions: list[ActorMention],
    *,
    states_only: bool = True,
    lexicon: ActorLexicon | None = None,
) -> list[str]:
    """State codes the document names unambiguously, most-mentioned first.

    Ambiguous mentions (several candidates) and decoded garbles do not count: they are what
    this list decides. ``states_only=False`` keeps organisation and group codes too, so that
    "the Ha side" (哈方) can be read as Hamas in a report about Hamas.
    """
    lexicon = lexicon or ActorLexicon.default()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in mentions:
        code = mention.code
        if code is None or len(mention.candidates) > 1 or mention.repaired:
            continue
        if states_only and not lexicon.is_state(code):
            continue
        counts[code] += 1
        first.setdefault(code, mention.start)
    return sorted(counts, key=lambda code: (-counts[code], first[code]))


def resolve_sides(
    mentions: list[ActorMention],
    about: Iterable[str],
    *,
    lexicon: ActorLexicon | None = None,
) -> list[ActorMention]:
    """Settle ambiguous mentions ("the Algerian side") from the actors the document is about.

    Exactly one candidate among ``about``: take it. Several, and the literal reading is one
    of them: the literal reading. None: keep the mention's own reading (None for garbles, so
    the caller can raise ``ambiguous_actor``; the [default] state for "Congolese").
    ``repaired`` is True for a garble whose code differs from what its words literally say.
    """
    about_set = set(about)
    out = []
    for mention in mentions:
        settled = mention.code is not None or not mention.candidates
        if len(mention.candidates) < 2 and settled:
            out.append(mention)
            continue
        fits = [code for code in mention.candidates if code in about_set]
        code = mention.code
        if len(fits) == 1:
            code = fits[0]
        elif len(fits) > 1:
            code = mention.literal if mention.literal in fits else None
        repaired = mention.garbled and code is not None and code != mention.literal
        if code != mention.code:
            canonical = (lexicon or ActorLexicon.default()).canonical_of(code)
            mention = replace(mention, code=code, canonical=canonical)
        out.append(replace(mention, repaired=repaired))
    return out


@functools.lru_cache(maxsize=1)
def _default_lexicon() -> ActorLexicon:
    return ActorLexicon.from_directory(Path(str(resources.files("sitrep") / "data")))


__all__ = ["ActorLexicon", "ActorMention", "document_countries", "resolve_sides"]
