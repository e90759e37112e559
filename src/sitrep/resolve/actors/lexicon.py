"""The actor lexicon: an alias trie plus the institution phrases built around its matches."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path

from ...datafiles import tsv_rows
from .base import (
    _COORDINATION,
    _DASH,
    _END,
    _FACILITY,
    _HYPHEN,
    _LETTER,
    _LOWER,
    _OF_TAIL,
    _POSSESSIVE,
    _TOKEN,
    ActorMention,
    _Entry,
    _fold,
    _Head,
    _Hit,
    _Scan,
)
from .filters import _drop_places, _drop_unanchored, _segments, _share_coordinated
from .loading import (
    _merge_entries,
    _mt_entries,
    _parse_alias,
    _regex_fragment,
    _split,
    _state_entries,
)
from .sides import document_countries, resolve_sides


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
            for row in tsv_rows(directory / "actors_stoplist.tsv")
        ]
        parents: dict[str, str] = {}
        kinds: dict[str, str] = {}
        for row in tsv_rows(directory / "actors_orgs.tsv"):
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
        states = list(tsv_rows(directory / "actors_states.tsv"))
        for row in states:
            entries.extend(_state_entries(row))
        entries.extend(_mt_entries(directory / "actors_mt_sides.tsv", entries))
        for row in tsv_rows(directory / "actors_generic.tsv"):
            entries.append((row["phrase"], _Entry(row["kind"], None, row["canonical"], "generic")))
        heads = [
            (row["kind"], row["military"], row["position"], row["phrase"])
            for row in tsv_rows(directory / "actors_heads.tsv")
        ]
        context: dict[str, frozenset[str]] = {}
        for row in tsv_rows(directory / "actors_context.tsv"):
            context[row["role"]] = context.get(row["role"], frozenset()) | set(row["words"].split())
        return cls(entries, heads, parents, [row["code"] for row in states], context, kinds)

    # ---- queries ------------------------------------------------------------------------

    def parent_of(self, code: str) -> str | None:
        """The umbrella body of an agency or faction (OCHA -> UN, ISWAP -> ISIS)."""
        return self._parents.get(code)

    def umbrella(self, code: str | None) -> str | None:
        """The organisation an agency, mission or armed wing belongs to (UNRWA -> UN,
        a UN mission -> UN); None for an armed group's affiliation (al-Shabaab's al-Qaeda)."""
        parent = self._parents.get(code) if code else None
        return parent if parent and self._kinds.get(parent) == "organisation" else None

    def kind_of(self, code: str | None) -> str | None:
        """The kind of actor a code names (state, armed_group, organisation, ...)."""
        return self._kinds.get(code or "")

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
            checked = len(alias_words) if "cased" in flags and not _quoted(scan, i, stop) else 1
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


@functools.lru_cache(maxsize=1)
def _default_lexicon() -> ActorLexicon:
    return ActorLexicon.from_directory(Path(str(resources.files("sitrep") / "data")))


_QUOTES = frozenset("\"“”«»'‘’")


def _quoted(scan: _Scan, i: int, stop: int) -> bool:
    """Is the phrase set in quotation marks ("the extremist organisation “Islamic state”")?
    Quotes mark it as a name whatever the case of its later words."""
    start, end = scan.tokens[i][0], scan.tokens[stop - 1][1]
    return start > 0 and end < len(scan.text) and scan.text[start - 1] in _QUOTES \
        and scan.text[end] in _QUOTES

