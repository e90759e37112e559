"""Find the places a report names, resolve each to a gazetteer record, repair garbled names.

Recognition takes spaCy's GPE/LOC/FAC entities, names written before a place word
("in hojali area", "the Naka region", "Idlib province"), "the line of contact", and
capitalised runs of tokens the gazetteer knows as a country, region or large town.

Resolution scores each candidate record by its prior (population, feature class, kind of
name matched), the countries the document is about (given by the caller, named in it, or
implied by demonyms), a following "X, Y" admin or country name, the place word, nearness to
the document's other places (settled names within 250 km, readings of other local names
within 50 km) and the dateline's country. A name with no exact match is
repaired by a sound-alike search among the document's countries (``repair``), accepted only
above ``REPAIR_THRESHOLD`` and never for ordinary English words.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..datafiles import tsv_rows
from ..records import Place, Span
from . import names
from .gazetteer import Candidate, Gazetteer, prior

if TYPE_CHECKING:
    from spacy.tokens import Doc

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|of|near|at|from|to|outside|around)\s+(?:the\s+)?$",
                              re.I)
# Entity labels that may hide a place name the model mislabelled ("Naka" as ORG).
MAYBE_PLACE_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# Labels the small model gives to runs of capitalised words it cannot place ("the Spanish
# Consulate in Tangier (Tangier" as an EVENT): the names inside are still read.
TRANSPARENT_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def _place_words(kind: str) -> frozenset[str]:
    return frozenset(r["word"] for r in tsv_rows("place_words.tsv") if r["kind"] == kind)


# Words after a name that say it is a place, and which kind of place (data/place_words.tsv).
UNIT_WORDS = _place_words("unit")  # "province", "oblast": the name is a unit
AREA_WORDS = _place_words("area") | UNIT_WORDS
TOWN_WORDS = _place_words("town")
PART_WORDS = _place_words("part")  # a part of a town: "Tombo neighbourhood of Freetown"
COMPASS_WORDS = _place_words("compass")
# Where a name stands as the place something happened ("protested in Ahvaz", "the
# countryside of Aleppo"): a name the model took for an organisation or missed is read as a
# place there if it is a large town or lies in the report's area.
_AT_PLACE = re.compile(r"\b(?:(?:in|near|at|outside|around)\s+(?:the\s+)?|(?:"
                       + "|".join(sorted(_place_words("around"))) + r")\s+of\s+(?:the\s+)?)$",
                       re.I)
PLACE_WORDS = AREA_WORDS | TOWN_WORDS | PART_WORDS
DATELINE = "dateline"  # the cue of a name that opens the text or a line in capitals
LARGE_TOWN = 100_000
LARGE_TOWN_BONUS = 1.0
ADMIN_FEATURES = frozenset({"admin1", "admin2", "region", "country", "front_line"})
MAJOR_FEATURES = frozenset({"country", "continent", "region", "front_line"})
CONTACT_LINE = re.compile(r"\b(?:actual\s+)?(?:line\s+of\s+contact|contact\s+line)\b", re.I)

# Similarity (0-1, names.similarity scale) a sound-alike must reach to repair a name.
# Calibrated on the "dev" rows of tests/fixtures/garbles.tsv: 0.85 is the lowest threshold
# with no wrong repair there (0.83: precision 0.994); 0.86 keeps a margin. Held-out "test"
# rows at 0.86: precision 1.0, recall 0.93.
REPAIR_THRESHOLD = 0.86
# A rival reading must trail the winner by this much, unless it is the same place, a
# namesake, or far less likely (its prior lower by RIVAL_PRIOR_GAP: ~30 times smaller).
REPAIR_MARGIN = 0.03
RIVAL_PRIOR_GAP = 1.5
MIN_REPAIR_LETTERS = 4
MAX_CANDIDATES = 20
LIKENESS_WEIGHT = 1.5
# A town named like the unit it lies in is its seat if it holds this share of the people
# (Quebec City, under 5% of the province's town dwellers, is not what "Quebec" means; Idlib,
# Donetsk, Kherson, over 10%, are).
# Lower shares let a provincial capital stand for its province.
SEAT_SHARE = 0.05

COUNTRY_BONUS = 3.0
REGION_BONUS = 2.0
HIERARCHY_BONUS = 4.0
ANCHOR_GAP = 2.0  # prior lead (about 100 times the population) that settles a name
CUE_BONUS = 2.0
NEAR_BONUS = 1.5
NEAR_KM = 250.0
# Local places read together: a town within CLOSE_KM of a reading of another local name in
# the document (Edmonton and Enfield, both in north London) is likelier than its namesakes.
CLOSE_BONUS = 2.0
VARIANT_CLOSE_BONUS = 1.5
CLOSE_KM = 50.0
NEIGHBOUR_READINGS = 5
LOCAL_FEATURES = frozenset({"city", "admin2", "facility"})
# Settled places a part of a town or a repaired name must lie near (km).
SETTLED_FEATURES = LOCAL_FEATURES | {"admin1"}
PART_KM = 50.0
REPAIR_KM = 200.0


@dataclass(frozen=True)
class PlaceMention:
    """One written place name, the record chosen for it and how it was chosen."""

    start: int
    end: int
    text: str
    place: Place | None
    repaired: bool  # the written form is a garbled or machine-translated rendering
    canonical: str | None  # the record's name, shown beside a repaired form
    score: float  # resolution score (for a repair: the name similarity, 0-1)
    candidates: int  # how many records the name could have meant
    match: str = "name"  # gazetteer.NAME_KINDS entry, or "fuzzy" for a repair
    cue: str | None = None  # the place word after the name ("area", "city"), or "dateline"
    # the place the text says this one lies in ("Balade village (Bossaso, Bari)"): where an
    # event told at an unknown village happened, to the precision the text allows
    within: Place | None = None
    why: str | None = None  # why the record was chosen, or why none was

    @property
    def where(self) -> Place | None:
        """The record for this name, else (none, or one without a point) the place the
        text says it lies in."""
        if self.place is not None and (self.place.lat is not None or self.within is None):
            return self.place
        return self.within


@dataclass(frozen=True)
class Repair:
    candidate: Candidate
    similarity: float


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str
    cue: str | None = None
    source: str = "ner"


def repair(name: str, gazetteer: Gazetteer, *, countries: Sequence[str]) -> Repair | None:
    """The place a garbled ``name`` most likely stands for, among ``countries``' places.

    None when the name is an ordinary English word, too short, has no sound-alike above
    ``REPAIR_THRESHOLD``, or two unrelated places match about equally well (namesakes and
    a town and the unit it lies in are not rivals: the likelier one is taken).
    """
    words = re.findall(r"[^\W\d_]+", name)
    if not countries or sum(len(w) for w in words) < MIN_REPAIR_LETTERS:
        return None
    if _is_common(name):
        return None
    hits = [h for h in gazetteer.fuzzy(name, countries=countries, limit=10)
            if h[1] >= REPAIR_THRESHOLD]
    if not hits:
        return None
    best, score = max(hits, key=lambda h: (round(h[1], 3), prior(h[0])))
    for other, other_score in hits:
        if score - other_score < REPAIR_MARGIN and not _related(best, other) \
                and prior(other) > prior(best) - RIVAL_PRIOR_GAP:
            return None
    return Repair(best, score)


def _is_common(text: str) -> bool:
    """Every word is ordinary English (or a common first name); pinyin syllables
    ("Ba He Mu Te") are a transliteration, not English, whatever the words look like."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words or names.is_pinyin(text):
        return False
    return all(names.common_word(w) for w in words)


def _related(a: Candidate, b: Candidate) -> bool:
    """Same place, namesakes, or one lies in the other: not rival readings of a name."""
    return (a.id == b.id or _same_place(a, b) or names.fold(a.name) == names.fold(b.name)
            or _contains(a, b) or _contains(b, a))


def find_places(
    doc: Doc, gazetteer: Gazetteer, *, countries: Sequence[str] = (),
    dateline: str | None = None, demonyms: bool = False,
) -> list[PlaceMention]:
    """Every place named in ``doc``, resolved; unresolvable names come with place None.

    ``countries`` (alpha-3) are what the document is about, if the caller knows; the
    document's own country names and demonyms are added. ``demonyms`` also reports
    adjectives ("Turkish") as mentions of their country (geoparsing corpora count them).
    A name the model took for an organisation or a person is the place the document
    writes it as elsewhere (one reading per name and document).
    """
    spans = _recognise(doc)
    extra = _demonym_countries(doc, gazetteer)
    return _resolve_all(spans, doc.text, gazetteer, countries=countries, dateline=dateline,
                        demonyms=demonyms, extra_countries=extra, elsewhere=True)


def find_places_in_parts(
    parts: Sequence[tuple[int, Doc]], text: str, gazetteer: Gazetteer, *,
    countries: Sequence[str] = (), dateline: str | None = None,
    not_places: Sequence[tuple[int, int]] = (),
    skimmed: Sequence[tuple[int, Doc]] = (),
    actors: Sequence[tuple[str | None, str]] = (),
) -> list[PlaceMention]:
    """``find_places`` over a document parsed in pieces (``(offset, doc)`` pairs whose
    ``doc.text == text[offset:...]``): names are found piece by piece, then resolved
    together so each name has the whole document as its context. ``not_places``: character
    spans that name something else (an armed group, an organisation); a name overlapping
    one is no place ("Islamic State Somalia Province"). ``skimmed``: pieces only tokenized
    (the parser skipped them); their names before place words are looked up but never
    repaired (the sound-alike search is the costly step). ``actors``: (code, written name)
    of the actors the report names; the areas where those groups and missions fight or
    work (data/place_theatres.tsv) join the report's area."""
    spans: list[_Span] = []
    extra: Counter = Counter()
    for offset, doc in parts:
        spans.extend(replace(s, start=s.start + offset, end=s.end + offset)
                     for s in _recognise(doc))
        extra.update(_demonym_countries(doc, gazetteer))
    for offset, doc in skimmed:
        spans.extend(replace(s, start=s.start + offset, end=s.end + offset)
                     for s in _recognise(doc, "tcue"))
    spans.sort(key=lambda s: (s.start, -s.end))
    spans = _outside(spans, sorted(not_places))
    return _resolve_all(_drop_nested(spans), text, gazetteer, countries=countries,
                        dateline=dateline, demonyms=False, extra_countries=extra,
                        actors=actors)


def _outside(spans: list[_Span], taken: list[tuple[int, int]]) -> list[_Span]:
    """The spans that overlap none of ``taken`` (both sorted by start)."""
    if not taken:
        return spans
    starts = [a for a, _b in taken]
    out = []
    for s in spans:
        i = bisect.bisect_left(starts, s.end)  # the taken spans starting before s ends
        if i == 0 or max(b for _a, b in taken[max(0, i - 8):i]) <= s.start:
            out.append(s)
    return out


def resolve_mentions(
    text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer, *,
    countries: Sequence[str] = (), dateline: str | None = None,
) -> list[PlaceMention]:
    """Resolve place names at known character offsets of ``text`` (no recognition).

    Each span is trusted to be a place name; its context is the other spans. Returns one
    mention per span, in order (place None where nothing matched).
    """
    ordered = sorted({(a, b) for a, b in spans})
    own = [_given_span(text, a, b, gazetteer) for a, b in ordered]
    resolved = {(m.start, m.end): m for m in _resolve_all(
        own, text, gazetteer, countries=countries, dateline=dateline, demonyms=True)}
    return [resolved.get((s.start, s.end)) or _unresolved(s, 0) for s in own]


def _given_span(text: str, start: int, end: int, gazetteer: Gazetteer) -> _Span:
    """A given name; one the gazetteer lacks that ends in a place word ("Nyanza Province")
    is looked up without it, the word kept as its cue ("Plymouth Co.": "Plymouth County")."""
    written = text[start:end]
    head, _, last = written.rpartition(" ")
    head, word = head.strip(), last.lower().rstrip(".")
    if word == "co" and head and gazetteer.lookup(f"{head} County"):
        return _Span(start, end, f"{head} County", source="given")
    if head and word in PLACE_WORDS and not gazetteer.lookup(written) \
            and gazetteer.lookup(head):
        return _Span(start, end, head, cue=word, source="given")
    return _Span(start, end, written, cue=_cue_after(text, end), source="given")


def _resolve_all(
    spans: list[_Span], text: str, gazetteer: Gazetteer, *, countries: Sequence[str],
    dateline: str | None, demonyms: bool, extra_countries: Counter | None = None,
    actors: Sequence[tuple[str | None, str]] = (), elsewhere: bool = False,
) -> list[PlaceMention]:
    """``elsewhere``: names the model doubted are places where the report writes them
    as places elsewhere (``_as_elsewhere``). Not yet for the pipeline's reports: the claims
    stage reads "a civil society leader in Sake" as a state's official once Sake is a
    place, so it waits for that rule to ask what kind of source stands before the place."""
    context = _Context(countries=Counter({c: 3 for c in countries}))
    context.countries.update(extra_countries or {})
    _add_theatres(actors, context, gazetteer)
    if dateline:
        for c in gazetteer.lookup(dateline)[:1]:
            if c.country:
                context.countries[c.country] += 1
    spans = [replace(s, cue=DATELINE) if s.cue is None and _is_dateline(text, s) else s
             for s in spans]
    by_name: dict[str, list[Candidate]] = {}  # a name recurs: look it up once
    for s in spans:
        if s.text not in by_name:
            by_name[s.text] = _no_skeletons(s.text, gazetteer.lookup(s.text))
    lookups = {s: by_name[s.text] for s in spans}
    containers = {s for before, s in zip(spans, spans[1:], strict=False)
                  if _is_apposed(before, s, text)}
    _add_named_countries(lookups, context, containers)
    # Names with one clear reading are settled first; their places then count as "nearby".
    for s in spans:
        found = lookups[s]
        if found and found[0].lat is not None and (
                len(found) == 1 or prior(found[0]) - prior(found[1]) >= ANCHOR_GAP):
            context.anchors.setdefault(found[0].id, found[0])
            if (s.source in ("ner", "given", "cue") or s in containers) \
                    and s.cue not in PART_WORDS:
                # read as a place by the model or the text itself, not a capitalised word
                context.settled.setdefault(found[0].id, found[0])
    _add_neighbours(lookups, context)
    mentions = []
    doubted: list[_Span] = []  # names read as no place, perhaps wrongly
    placed: dict[str, PlaceMention] = {}  # names the model or the text wrote as places
    for i, s in enumerate(spans):
        following = spans[i + 1] if i + 1 < len(spans) else None
        preceding = spans[i - 1] if i > 0 else None
        child = lookups[preceding] if preceding is not None \
            and _is_apposed(preceding, s, text) else None
        mention = _resolve(s, lookups[s], following, lookups.get(following) if following
                           else None, text, gazetteer, context, child=child)
        if mention is None and s.source in ("maybe", "caps"):
            doubted.append(s)
        elif mention is not None and (demonyms or mention.match != "demonym"):
            mentions.append(mention)
            if not mention.repaired and (s.source in ("ner", "cue", "given")
                                         or _located(s, text)):
                placed.setdefault(names.fold(s.text), mention)
    if elsewhere:
        mentions += _as_elsewhere(doubted, placed)
        mentions.sort(key=lambda m: m.start)
    return _with_containers(_one_reading(mentions), text)


def _located(span: _Span, text: str) -> bool:
    """Written where a place stands ("protested in Ahvaz", "the outskirts of Aleppo")."""
    return _AT_PLACE.search(text, max(0, span.start - 25), span.start) is not None


def _as_elsewhere(doubted: list[_Span], placed: dict[str, PlaceMention]
                  ) -> list[PlaceMention]:
    """Names the model took for an organisation or a person, or only capitalised words,
    that the same report writes elsewhere as a place (``placed``: the model's place
    entities and names before place words, not repairs) ("people of Edmonton" beside "a
    school in Edmonton"): one reading per name and report."""
    out = []
    for s in doubted:
        first = placed.get(names.fold(s.text))
        if first is not None and first.place is not None:
            why = "the report writes this name elsewhere as this place"
            place = replace(first.place, span=Span(s.start, s.end, s.text), why=why)
            out.append(replace(first, start=s.start, end=s.end, text=s.text, place=place,
                               cue=s.cue, why=why, within=None))
    return out


_BESIDE = "lies in the place named beside it"


def _one_reading(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A name the text once places by its container ("Edmonton, south of Cairns") means
    that place wherever else the report writes it alone ("a house at Edmonton"): one
    reading per name and report."""
    told = {}
    for m in mentions:
        if m.place is not None and m.why == _BESIDE:
            told.setdefault(names.fold(m.text), m)
    if not told:
        return mentions
    out = []
    for m in mentions:
        first = told.get(names.fold(m.text))
        if first is not None and m.place is not None and m.why != _BESIDE \
                and (m.place.name, m.place.lat, m.place.lon) \
                != (first.place.name, first.place.lat, first.place.lon):
            why = "the place the report's other mention of this name lies in"
            m = replace(m, place=replace(first.place, span=m.place.span, why=why),
                        canonical=first.canonical, match=first.match, why=why)
        out.append(m)
    return out


def _no_skeletons(written: str, found: list[Candidate]) -> list[Candidate]:
    """Of a name of one or two letters ("Mr", "Dr", "n't"), not the consonant skeletons
    some transliterations keep as variants ("‘Omer" as "mr", "Dar‘ā" as "dr")."""
    if len(names.fold(written).replace(" ", "")) > 2:
        return found
    return [c for c in found if c.match != "variant"]


def _is_dateline(text: str, span: _Span) -> bool:
    """A capitalised name opening the text or a line ("WASHINGTON (Reuters) -"): a wire
    dateline, which names a town."""
    letters = [ch for ch in span.text if ch.isalpha()]
    if len(letters) < 3 or not all(ch.isupper() for ch in letters):
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    return not text[line_start:span.start].strip()


def _cue_after(text: str, end: int) -> str | None:
    word = re.match(r"\s+([A-Za-z]+)", text[end:end + 20])
    if word and word.group(1).lower() in PLACE_WORDS:
        return word.group(1).lower()
    return None


def resolve_name(
    text: str, gazetteer: Gazetteer, *, countries: Sequence[str] = (), cue: str | None = None
) -> PlaceMention:
    """Resolve a bare name, as ``find_places`` resolves a name found before a place word."""
    span = _Span(0, len(text), text, cue=cue, source="cue")
    context = _Context(countries=Counter({c: 3 for c in countries}))
    if _is_common(text):
        return _unresolved(span, 0)
    found = gazetteer.lookup(text)
    return _resolve(span, found, None, None, text, gazetteer, context) or _unresolved(span, 0)


# -- recognition ---------------------------------------------------------------------------


def _recognise(doc: Doc, cue_source: str = "cue") -> list[_Span]:
    text = doc.text  # built anew on each access of doc.text: read it once
    spans: dict[tuple[int, int], _Span] = {}
    covered: set[int] = set()
    for ent in (piece for whole in doc.ents for piece in _pieces(whole)):
        if ent.label_ in PLACE_LABELS:
            span = _trim(ent, text, source="ner")
        elif ent.label_ in MAYBE_PLACE_LABELS and len(ent) <= 3:
            span = _trim(ent, text, source="maybe")
        else:
            if ent.label_ not in TRANSPARENT_LABELS:
                covered.update(range(ent.start, ent.end))
            continue
        if span is not None:
            spans[(span.start, span.end)] = span
            covered.update(range(ent.start, ent.end))
    for span, tokens in _cue_spans(doc, text, cue_source):
        spans.setdefault((span.start, span.end), span)
        covered.update(tokens)
    for match in CONTACT_LINE.finditer(text):
        spans.setdefault((match.start(), match.end()),
                         _Span(match.start(), match.end(), match.group(0), source="line"))
    for span in _capitalised_runs(doc, text, covered):
        spans.setdefault((span.start, span.end), span)
    return _drop_nested(sorted(spans.values(), key=lambda s: (s.start, -s.end)))


def _pieces(ent):
    """An entity the model ran across a bracket ("Accra (Accra, Greater Accra"), in its
    pieces, each with the entity's label."""
    cuts = [t.i for t in ent if t.text in ("(", ")", ",")]
    if not cuts:
        return [ent]
    from spacy.tokens import Span as SpacySpan

    bounds = [ent.start - 1, *cuts, ent.end]
    return [SpacySpan(ent.doc, a + 1, b, label=ent.label_)
            for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]


def _trim(ent, text: str, *, source: str) -> _Span | None:
    """Strip a leading article and a trailing place word ("the hojali area" -> hojali);
    of "Garbahaarey, Gedo" read as one name keep the first ("Gedo" is found on its own).
    A name the model took for a person or organisation but written before a place word
    ("Garbahaarey town") is read as a place name."""
    tokens = list(ent)
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma:
        tokens = tokens[:comma]
    if tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    cue = None
    if len(tokens) > 1 and tokens[-1].lower_ in PLACE_WORDS:
        cue = tokens[-1].lower_
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    doc = ent.doc
    if cue is None and ent.end < len(doc) and doc[ent.end].lower_ in PLACE_WORDS:
        cue = doc[ent.end].lower_
    if source == "maybe" and cue is not None:
        source = "cue"
    return _Span(start, end, text[start:end], cue=cue, source=source)


def _cue_spans(doc: Doc, text: str, source: str = "cue") -> list[tuple[_Span, range]]:
    """Names written before a place word ("in hojali area", "the kawacha area"), each with
    the indices of its tokens."""
    out = []
    for tok in doc:
        if tok.lower_ not in PLACE_WORDS or tok.i == 0:
            continue
        words = []
        j = tok.i - 1
        while j >= 0 and len(words) < 3 and doc[j].is_alpha and doc[j].lower_ != "the" \
                and not doc[j].is_stop and not (names.common_word(doc[j].text)
                                                and not doc[j].is_title):
            words.insert(0, doc[j])
            j -= 1
        if words:
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            out.append((_Span(start, end, text[start:end], cue=tok.lower_, source=source),
                        range(words[0].i, words[-1].i + 1)))
    return out


def _capitalised_runs(doc: Doc, text: str, covered: set[int]) -> list[_Span]:
    """Title-case runs outside entities ("talks in Minsk" when NER missed it)."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not tok.is_title or not tok.is_alpha or tok.is_sent_start:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 not in covered and doc[j + 1].is_title \
                and doc[j + 1].is_alpha and j + 1 - i < 3:
            j += 1
        start, end = tok.idx, doc[j].idx + len(doc[j])
        out.append(_Span(start, end, text[start:end], source="caps"))
        i = j + 1
    return out


def _drop_nested(spans: list[_Span]) -> list[_Span]:
    out: list[_Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


# -- resolution ----------------------------------------------------------------------------


@dataclass
class _Context:
    """What the whole document says about where it is. Anchors and neighbours are kept once
    per record, and the distance tests against them once per candidate, so resolving a
    report stays linear in its length however often its names recur."""

    countries: Counter
    anchors: dict[int, Candidate] = field(default_factory=dict)  # by record id
    settled: dict[int, Candidate] = field(default_factory=dict)  # anchors written as places
    regions: Counter = field(default_factory=Counter)  # (country, admin1 name) named
    # (folded name, record id) -> candidate: likely readings of each local name
    neighbours: dict[tuple[str, int], Candidate] = field(default_factory=dict)
    _near: dict[int, bool] = field(default_factory=dict)
    _close: dict[tuple[int, str], bool] = field(default_factory=dict)

    def near_anchor(self, c: Candidate) -> bool:
        """A settled place of the document lies within NEAR_KM of ``c``."""
        if c.id not in self._near:
            self._near[c.id] = any(a.id != c.id and _km(a, c) < NEAR_KM
                                   for a in self.anchors.values())
        return self._near[c.id]

    def has_neighbour(self, c: Candidate, name: str) -> bool:
        """A reading of another local name of the document lies within CLOSE_KM of ``c``."""
        key = (c.id, name)
        if key not in self._close:
            self._close[key] = any(other != name and o.id != c.id and _km(o, c) < CLOSE_KM
                                   for (other, _id), o in self.neighbours.items())
        return self._close[key]


def _demonym_countries(doc: Doc, gazetteer: Gazetteer) -> Counter:
    """Countries named by demonyms ("Azerbaijani"), including ones NER took for people."""
    out: Counter = Counter()
    for ent in doc.ents:
        if ent.label_ in ("NORP", "PERSON") and len(ent) == 1:
            for c in gazetteer.lookup(ent.text):
                if c.match == "demonym" and c.country:
                    out[c.country] += 1
    return out


def _add_named_countries(lookups: dict[_Span, list[Candidate]], context: _Context,
                         containers: set[_Span]) -> None:
    """Countries and first-level regions the document names (a name the model took for a
    person counts where it stands as a container: "Balade village (Bossaso, Bari)")."""
    for s, found in lookups.items():
        if s.source == "maybe" and s not in containers:
            continue
        top = found[0] if found else None
        if _by_compass(s.text, found):
            continue
        if top is not None and top.feature in ("country", "admin1", "region") \
                and top.match in ("name", "abbrev", "demonym", "variant") and top.country:
            context.countries[top.country] += 1 if top.match in ("demonym", "variant") else 2
            if top.feature == "admin1":
                context.regions[(top.country, top.name)] += 1


@dataclass(frozen=True)
class _Theatre:
    countries: tuple[str, ...]
    regions: tuple[str, ...]  # first-level regions of the first country


@functools.cache
def _theatres() -> dict[str, _Theatre]:
    """data/place_theatres.tsv by actor code or written alias."""
    return {r["actor"]: _Theatre(tuple(c for c in r["countries"].split("|") if c),
                                 tuple(x for x in r["regions"].split("|") if x))
            for r in tsv_rows("place_theatres.tsv")}


def _add_theatres(actors: Sequence[tuple[str | None, str]], context: _Context,
                  gazetteer: Gazetteer) -> None:
    """The areas of the groups and missions the report names ("the OSCE SMM": Donetsk and
    Luhansk oblasts) weigh as a named country (shared among a group's countries) and its
    regions as named regions; each theatre counts once."""
    table = _theatres()
    seen: set[_Theatre] = set()
    for code, written in actors:
        theatre = table.get(written) or table.get(code or "")
        if theatre is None or theatre in seen:
            continue
        seen.add(theatre)
        weight = 2 if len(theatre.countries) == 1 else 1
        for country in theatre.countries:
            context.countries[country] += weight
        for region in theatre.regions:
            unit = next((c for c in gazetteer.lookup(region) if c.feature == "admin1"
                         and c.country == theatre.countries[0]), None)
            if unit is not None:
                context.regions[(unit.country, unit.name)] += 1


def _add_neighbours(lookups: dict[_Span, list[Candidate]], context: _Context) -> None:
    seen: set[str] = set()
    for s, found in lookups.items():
        name = names.fold(s.text)
        if name in seen or s.source == "maybe":
            continue
        seen.add(name)
        context.neighbours.update(((name, c.id), c) for c in found[:NEIGHBOUR_READINGS]
                                  if c.feature in LOCAL_FEATURES and c.lat is not None
                                  and c.match != "demonym")


def _resolve(span: _Span, found: list[Candidate], following: _Span | None,
             following_found: list[Candidate] | None, text: str, gazetteer: Gazetteer,
             context: _Context, child: list[Candidate] | None = None) -> PlaceMention | None:
    """``child``: the readings of a name written just before this one and a comma ("Bronx,
    New York"): a unit that contains one of them is meant as the unit, not its main town."""
    if span.source == "line":
        found = [c for c in found if c.feature == "front_line"]
    held = following is not None and _is_contained_by(span, following, text)
    placed = (child is not None or held) and span.source in ("maybe", "caps")
    if placed:
        # "Balade village (Bossaso, Bari)", "Accra (Accra, Greater Accra)", "Anne McLellan
        # of Edmonton": a name where a place or its container stands
        span = replace(span, source="cue")
    found = _no_acronym_towns(span, found, text)
    located = span.source in ("maybe", "caps") and _located(span, text)
    if found and span.source not in ("ner", "given") \
            and not _plausible(span, found, context, located=located):
        # Names it could be are elsewhere: a garbled local name is likelier than those.
        if span.source != "cue":
            return None
        found = []
    found = found[:MAX_CANDIDATES] + _sound_alikes(span, found, gazetteer, context) \
        + _units_sounding(span, found, gazetteer)
    if not found:
        # after a name that is no place ("Nancy Pelosi, Gregory Meeks"), only where it
        # stands makes it one: no sound-alike is sought
        return _unresolved(span, 0) if placed and not child and not held \
            else _repair_mention(span, gazetteer, context, text)
    parent = following_found if following is not None and _is_apposed(span, following, text) \
        else None
    if parent and found[0].match != "demonym" and found[0].feature not in MAJOR_FEATURES \
            and not _is_acronym(following, text) \
            and _is_contained_by(span, following, text) and _in_area(parent[0], context):
        # "Barjala village (Kismaayo, Lower Juba)": only a reading inside the unit the text
        # names will do; a namesake elsewhere is not what the report means
        inside = [c for c in found if any(p.id == c.id or _contains(p, c) or _same_place(p, c)
                                          or _close_in_country(p, c) for p in parent[:5])]
        home = {p.country for p in parent[:5]}
        small = all(c.population < LARGE_TOWN and c.feature in LOCAL_FEATURES for c in found)
        if not inside and (small or not any(c.country in home for c in found)):
            return _unresolved(span, 0, why=f"no place of this name lies in {following.text}")
        found = inside or found
    elif not _in_area_or_known(found, span, context):
        return _unresolved(span, len(found), why="only small namesakes far from the report's "
                           "area")
    if _by_compass(span.text, found):
        # "Dowa (Central)": one of the many regions named by a direction alone
        found = [c for c in found if c.country in _area(context)]
        if not found:
            return _unresolved(span, 0, why="a region named by a direction alone, and none "
                               "of that name lies in the report's area")
    if span.cue in PART_WORDS:
        # "Tombo neighbourhood of Freetown": a part of a town the report names
        found = [c for c in found if _in_town_named(c, span, context)]
        if not found:
            return _unresolved(span, 0, why="a part of a town, and no place of this name lies "
                               "near the report's other places")
    scored = sorted(((_score(c, span, parent, context), c) for c in found),
                    key=lambda sc: -sc[0])
    score, best = scored[0]
    if not (child and any(_contains(best, k) for k in child[:5])):
        best = _prefer_seat(best, found, span)
    if best.match == "abbrev" and _is_acronym(span, text) and _area(context) \
            and best.country not in context.countries:
        # "Perumanallur town (Tiruppur, TN)" in India: TN is not Tennessee
        return _unresolved(span, len(found), why="an abbreviation of a place outside the "
                           "report's area")
    repaired = best.match in ("mt", "fuzzy") or (best.match == "variant" and span.text.islower())
    mention = _mention(span, best, repaired=repaired, score=score, candidates=len(found),
                       why=_why(best, found, parent, context))
    if best.lat is None and best.admin1:
        # a district without a point: where it happened is known to its region
        region = next((c for c in gazetteer.lookup(best.admin1) if c.feature == "admin1"
                       and c.country == best.country and c.lat is not None), None)
        if region is not None:
            mention = replace(mention, within=replace(
                _mention(span, region, repaired=False, score=0, candidates=1).place,
                why=f"{best.name} lies in {region.name}; the gazetteer has no point for it"))
    return mention


def _area(context: _Context) -> set[str]:
    """The countries the report is about: those with at least a third of the weight."""
    total = sum(context.countries.values())
    return {c for c, n in context.countries.items() if n * 3 >= total} if total else set()


def _in_area(c: Candidate, context: _Context) -> bool:
    return not context.countries or c.country in _area(context)


def _in_area_or_known(found: list[Candidate], span: _Span, context: _Context) -> bool:
    """A name whose every reading is a small town or district outside the report's area,
    written as a town ("in X village") or a dateline's, is a local place the gazetteer
    lacks, not its namesake on another continent."""
    if sum(context.countries.values()) < 3 or span.cue not in TOWN_WORDS:
        return True
    if span.cue == "village":  # "Baghdad village" in Somalia is not the Iraqi capital
        return any(c.country in context.countries for c in found)
    return any(c.country in context.countries or c.feature not in LOCAL_FEATURES
               or c.population >= LARGE_TOWN for c in found)


def _by_compass(name: str, found: list[Candidate]) -> bool:
    """A name made of direction words alone ("Central", "North West") that regions of
    several countries bear."""
    words = names.fold(name).split()
    return bool(words) and all(w in COMPASS_WORDS for w in words) \
        and len({c.country for c in found}) > 1 and all(c.country for c in found)


def _near_settled(c: Candidate, context: _Context, km: float) -> bool:
    """``c`` lies within ``km`` of a town, district or region the report settles (a name
    with one clear reading)."""
    return any(a.id != c.id and a.feature in SETTLED_FEATURES and _km(a, c) < km
               for a in context.settled.values())


def _why(best: Candidate, found: list[Candidate], parent: list[Candidate] | None,
         context: _Context) -> str:
    """Why ``best`` was chosen among ``found`` (Place.why)."""
    if parent and any(_contains(p, best) for p in parent[:5]):
        return _BESIDE
    if len({c.id for c in found}) == 1:
        return "the only place of this name"
    if best.country in _area(context) and any(c.country != best.country for c in found):
        return f"in the report's area ({best.country}), before namesakes elsewhere"
    if context.near_anchor(best):
        return "near other places of the report"
    return "the likeliest place of this name (size and kind)"


def _no_acronym_towns(span: _Span, found: list[Candidate], text: str) -> list[Candidate]:
    """An acronym ("QSD", "SNA", "CODECO") names a town only as its known abbreviation; a
    town spelt with those letters is a coincidence."""
    if not _is_acronym(span, text):
        return found
    return [c for c in found if c.match == "abbrev" or c.feature in MAJOR_FEATURES]


def _is_acronym(span: _Span, text: str = "") -> bool:
    """Two to five capitals ("QSD", "FMLN"), not a dateline ("BANTAM —")."""
    letters = span.text.replace(".", "")
    return (letters.isalpha() and letters.isupper() and len(letters) <= 5
            and span.cue != DATELINE and not _DASH_AFTER.match(text, span.end))


def _sound_alikes(span: _Span, found: list[Candidate], gazetteer: Gazetteer,
                  context: _Context) -> list[Candidate]:
    """Records in the document's countries that sound exactly like a name matched only as
    a minor spelling variant ("Nikolayev": a village spells it so, the city "Nikolaev")."""
    if not found or not context.countries or found[0].match != "variant" \
            or span.source == "tcue" or _is_common(span.text):
        return []
    countries = [c for c, _ in context.countries.most_common(4)]
    known = {c.id for c in found}
    return [c for c in gazetteer.sounding(span.text, countries=countries, limit=5)
            if c.id not in known and c.feature == found[0].feature]


def _units_sounding(span: _Span, found: list[Candidate], gazetteer: Gazetteer
                    ) -> list[Candidate]:
    """"Shabwa province" names a unit: when no reading of the name is one, the units whose
    names sound the same, a final h being silent (Shabwah in Yemen, not the village Sha
    Bwa in Myanmar). A name that is a town's own name stays that town's ("Zabol county" is
    the county of Zābol, Iran, not Zabul province of Afghanistan)."""
    if span.cue not in UNIT_WORDS or any(c.feature in ("admin1", "admin2") or c.match == "name"
                                         for c in found):
        return []
    known = {c.id for c in found}
    return [c for c in gazetteer.units_sounding(span.text) if c.id not in known]


def _plausible(span: _Span, found: list[Candidate], context: _Context, *,
               located: bool = False) -> bool:
    """Whether a name found outside place entities is worth reporting as a place.
    ``located``: written where a place stands ("protested in Ahvaz")."""
    top = found[:MAX_CANDIDATES]
    if any(c.match in ("mt", "abbrev") for c in top):
        return True
    if top[0].match == "demonym":
        return True  # reported or not as the caller asks (find_places(demonyms=...))
    if any(c.match == "name" and (c.feature in MAJOR_FEATURES or (
            c.feature == "admin1" and (not context.countries or c.country in context.countries)))
           for c in top):
        return True
    if located and not _is_common(span.text) and any(
            c.population >= LARGE_TOWN or c.country in context.countries for c in top):
        return True
    if span.source == "maybe" or _is_common(span.text):
        return False
    if context.countries:
        return any(c.country in context.countries for c in top)
    # written with a place word ("Garbahaarey town"): the gazetteer's reading will do
    return span.source in ("cue", "tcue") or any(c.population >= 100_000 for c in top)


def _score(c: Candidate, span: _Span, parent: list[Candidate] | None,
           context: _Context) -> float:
    score = prior(c)
    total = sum(context.countries.values())
    if c.country and total:
        score += COUNTRY_BONUS * min(1.0, context.countries[c.country] / max(3, total / 2))
    if parent and any(_contains(p, c) for p in parent[:5]):
        score += HIERARCHY_BONUS
    if c.admin1 and (c.feature == "city" or c.match == "name") \
            and context.regions[(c.country, c.admin1)]:
        score += REGION_BONUS
    if span.cue in AREA_WORDS and c.feature in ADMIN_FEATURES:
        score += CUE_BONUS
    if span.cue in TOWN_WORDS and c.feature == "city":
        score += CUE_BONUS
    if span.cue == DATELINE and c.feature == "city":
        # A dateline names a town, and one written alone (without ", State") is a town
        # known on its own (AP style), a large one.
        score += CUE_BONUS + (LARGE_TOWN_BONUS if not parent
                              and c.population >= LARGE_TOWN else 0.0)
    if context.near_anchor(c):
        score += NEAR_BONUS
    if c.feature in LOCAL_FEATURES and context.has_neighbour(c, names.fold(span.text)):
        # a record called by its own name, not by a variant shared with unrelated places
        score += CLOSE_BONUS if c.match == "name" else VARIANT_CLOSE_BONUS
    if c.match in ("variant", "fuzzy"):
        # A spelling shared by unrelated places: prefer the one whose own name looks like it.
        score += LIKENESS_WEIGHT * names.similarity(span.text, c.name)
    return score


def _prefer_seat(best: Candidate, found: list[Candidate], span: _Span) -> Candidate:
    """An admin unit named like its main town means the town, unless the text says region
    or the town's own name adds "City" to the written one ("New York" is the state, the
    city is "New York City")."""
    if best.feature not in ("admin1", "admin2") or span.cue in AREA_WORDS:
        return best
    city_form = names.fold(span.text) + " city"
    towns = [c for c in found if c.feature == "city" and c.country == best.country
             and c.match != "demonym" and (c.admin1 == best.name or _km(c, best) < 100)
             and c.population >= SEAT_SHARE * best.population
             and names.fold(c.name) != city_form]
    return max(towns, key=lambda c: c.population) if towns else best


def _repair_mention(span: _Span, gazetteer: Gazetteer, context: _Context,
                    text: str = "") -> PlaceMention | None:
    # Only names read as places are repaired: a person's or an organisation's name that
    # matches no place is not a garbled place (and fuzzy search is the costly step) —
    # unless it stands where places stand ("the governorate of Hodeidah").
    if span.source == "tcue":
        return None
    if _is_acronym(span, text):
        return _unresolved(span, 0, why="an acronym names no place") \
            if span.source == "ner" else None
    if span.source == "caps" or span.source == "maybe" and not _LOCATIVE_BEFORE.search(
            text[max(0, span.start - 25):span.start]):
        return None
    countries = [c for c, _ in context.countries.most_common(4)]
    fixed = repair(span.text, gazetteer, countries=countries)
    if fixed is None:
        return _unresolved(span, 0) if span.source in ("ner", "cue", "given") else None
    candidate = fixed.candidate
    if span.cue in PART_WORDS and not _in_town_named(candidate, span, context):
        return _unresolved(span, 0, why="a part of a town, and no place of this name lies "
                           "near the report's other places")
    if candidate.feature in LOCAL_FEATURES and _far_from_home(candidate, context):
        # "Renascenca neighborhood" in a report from Teresina is not Renascença, 2,500 km away
        return _unresolved(span, 0, why="its nearest sound-alike lies far from the report's "
                           "other places")
    if candidate.feature in ("admin1", "admin2") and span.cue not in AREA_WORDS:
        seats = [c for c, sim in gazetteer.fuzzy(span.text, countries=countries, limit=10)
                 if sim >= fixed.similarity - REPAIR_MARGIN]
        candidate = _prefer_seat(candidate, seats, span)
    return _mention(span, candidate, repaired=True, score=fixed.similarity, candidates=1)


def _in_town_named(c: Candidate, span: _Span, context: _Context) -> bool:
    """A part of a town ("Periperi neighborhood") lies in or beside a town the report
    names: a settled place or a reading of another local name within PART_KM."""
    return c.id in context.settled or _near_settled(c, context, PART_KM) \
        or context.has_neighbour(c, names.fold(span.text))


def _far_from_home(c: Candidate, context: _Context) -> bool:
    """The report settles towns, districts or regions in ``c``'s country and ``c`` lies
    in none of them and more than REPAIR_KM from each."""
    home = [a for a in context.settled.values() if a.country == c.country
            and a.feature in SETTLED_FEATURES and a.lat is not None and a.id != c.id]
    if c.lat is None or c.population >= LARGE_TOWN:  # a large unit is no village's namesake
        return False
    return bool(home) and not any(
        _km(a, c) < REPAIR_KM or (a.feature == "admin1" and c.admin1 == a.name) for a in home)


def _mention(span: _Span, c: Candidate, *, repaired: bool, score: float,
             candidates: int, why: str | None = None) -> PlaceMention:
    place = Place(name=c.name, geonameid=c.geonameid, lat=c.lat, lon=c.lon, country=c.country,
                  admin1=c.admin1, feature=c.feature, precision=c.precision,
                  span=Span(span.start, span.end, span.text), why=why)
    return PlaceMention(start=span.start, end=span.end, text=span.text, place=place,
                        repaired=repaired, canonical=c.name, score=round(score, 3),
                        candidates=candidates, match=c.match, cue=span.cue, why=why)


def _unresolved(span: _Span, candidates: int, why: str | None = None) -> PlaceMention:
    return PlaceMention(start=span.start, end=span.end, text=span.text, place=None,
                        repaired=False, canonical=None, score=0.0, candidates=candidates,
                        match="none", cue=span.cue, why=why)


def _with_containers(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Each name the text places inside another ("Balade village (Bossaso, Bari)") learns
    that container, from the last name back, so chains reach the first known unit."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        here, nxt = out[i], out[i + 1]
        if (here.place is None or here.place.lat is None) and nxt.where is not None \
                and _is_contained_by(
                _Span(here.start, here.end, here.text, cue=here.cue),
                _Span(nxt.start, nxt.end, nxt.text), text):
            within = replace(nxt.where, why=f"{here.text} lies in {nxt.text}, the text says")
            out[i] = replace(here, within=within)
    return out


# Between a name and the unit that holds it: "Lalbagh, Dhaka", "Balade village (Bossaso,
# Bari)", "Jurneyyeh city in Ar-Raqqa", "Hays city in western Yemen".
_WORDS = "|".join(sorted(PLACE_WORDS))
# "Edmonton, south of Cairns", "Kalam, 40 km north-west of Mingora": a place told by the
# town it lies near, which stands as its container does.
_BEARING = (r",?\s*(?:(?:about|some|around)\s+)?(?:\d[\d,.]*\s*(?:-\s*)?(?:km|kilomet[er]{2}s?|"
            r"miles?|mi)\.?\s+)?(?:north|south|east|west)(?:ern)?(?:-?(?:east|west)(?:ern)?)?"
            r"\s+of\s+(?:the\s+)?")
_APPOSED = re.compile(rf"\s*(?:(?:{_WORDS})\s*)?(?:,|\(|\s(?:in|of|near)\s+(?:the\s+)?"
                      rf"(?:(?:north|south|east|west|central)\w*\s+)?|{_BEARING})\s*$", re.I)
_DASH_AFTER = re.compile(r"\s*[—–-]")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|and\s|or\s|&)")
# Written so that the next name is only the unit that holds this one.
_CONTAINER = re.compile(rf"\s*(?:(?:{_WORDS})\s*)?(?:\(|\s(?:in|of)\s)", re.I)


def holds(outer: PlaceMention, inner: PlaceMention, text: str) -> bool:
    """The text writes ``outer`` only to say where ``inner``, the name before it, lies
    ("Natugo village (Quissanga", "Hermosillo, Sonora", "Jurneyyeh city in Ar-Raqqa")."""
    return inner.end <= outer.start and _is_contained_by(
        _Span(inner.start, inner.end, inner.text, cue=inner.cue),
        _Span(outer.start, outer.end, outer.text), text)


def _is_apposed(span: _Span, following: _Span, text: str) -> bool:
    """"Lalbagh, Dhaka", "Balade village (Bossaso, Bari)", "Hays city in western Yemen":
    the next name follows after a comma, a parenthesis or "in" and names a container."""
    between = text[span.end:following.start]
    return len(between) < 40 and _APPOSED.fullmatch(between) is not None


def _is_contained_by(span: _Span, following: _Span, text: str) -> bool:
    """The text says the next name holds this one: "X (Y", "X in Y", "X village, Y", or
    "X, Y" where no list goes on after Y ("Slavne, Donetsk." but not "Donetsk, Luhansk
    and Kharkiv")."""
    between = text[span.end:following.start]
    if not _is_apposed(span, following, text):
        return False
    return (_CONTAINER.match(between) is not None or span.cue in TOWN_WORDS
            or _LIST_GOES_ON.match(text, following.end) is None)


def _contains(parent: Candidate, child: Candidate) -> bool:
    if parent.id == child.id:
        return False
    if parent.feature == "country":
        return parent.country == child.country
    if parent.feature == "admin1":
        # a record linked to no region is judged by distance
        return child.country == parent.country and (child.admin1 == parent.name or (
            child.admin1 is None and _km(parent, child) < 300))
    return parent.country == child.country and _km(parent, child) < 150


def _close_in_country(unit: Candidate, c: Candidate) -> bool:
    """Near enough to a unit to lie in it though the gazetteer links it to another name of
    its region ("Sukoharjo" to "Jawa", written "Sukoharjo, Central Java")."""
    return unit.country == c.country and _km(unit, c) < 200


def _same_place(a: Candidate, b: Candidate) -> bool:
    return a.country == b.country and _km(a, b) < 30


def _km(a: Candidate, b: Candidate) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


__all__ = ["PlaceMention", "Repair", "find_places", "haversine_km", "repair", "resolve_mentions",
           "resolve_name"]
