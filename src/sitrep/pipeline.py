"""The extraction pipeline: one report text in, one Report record out.

    text ─ prepare (id, title, dateline, report date)
         ─ dates (regex, whole text) ─ actors (lexicon, whole text, MT garbles decoded)
         ─ sentences (rule-based split) ─ select the ones with figures, losses, events, sources
         ─ spaCy on those only, batched ─ figures + attributions per sentence
         ─ start of the fighting ─ claims ─ checks ─ Report

The spaCy pipeline and the lexicons are loaded once per Extractor; build one per process
and reuse it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import budget
from .checks.doubts import disputes, unverified
from .checks.numbers import number_conflicts
from .checks.pairs import claim_pairs, contradicting_claims
from .datafiles import tsv_rows
from .extraction import lexicon, parties
from .extraction.anchor import find_anchor
from .extraction.attribution import lexicon as attribution_lexicon
from .extraction.claims import ClaimBuilder, SentenceFacts
from .extraction.event_details import detail
from .extraction.events import EventBuilder, link_claims
from .extraction.facts import sentence_facts
from .extraction.history import mark_history
from .extraction.loss_lists import ListContext, find_loss_lists, list_claims
from .extraction.repeats import merge_repeats
from .extraction.subjects import made_or_based
from .ingest import truecase
from .ingest.document import document_id, prepare, unknown_year
from .ingest.text import check_text
from .nlp import pipeline as nlp_pipeline
from .nlp.sentences import Selector, Sentence, split
from .offsets import by_start
from .records import Claimant, Entity, Flag, Mention, Report, Span, Subject
from .resolve.actors import ActorLexicon, document_countries, resolve_sides
from .resolve.names import word_frequency
from .resolve.places import find_places_in_parts
from .resolve.time import find_dates
from .resolve.time.context import time_words as _time_words

# Truecasing: the actor kinds that are names, and the smallest town taken for a name.
_NAMED_ACTORS = frozenset({"state", "demonym", "organisation", "armed_group", "armed_forces",
                           "ministry"})
NAME_POPULATION = 1000
DATELINE_POPULATION = 100_000
# a report is about a conflict when its losses and violent deeds fill this share of its
# sentences; then all its statements are parsed, not only those near the violence
CONFLICT_SHARE = 0.1
# Actors whose names are never places ("Islamic State Somalia Province", "Al Shabaab").
_NOT_PLACES = frozenset({"organisation", "armed_group", "armed_forces", "ministry"})
_ARMED = frozenset({"armed_group", "armed_forces"})


def _holding(sentences: list[Sentence], offsets: list[int]) -> list[int]:
    """The indices of the sentences that hold any of the (sorted) offsets."""
    starts = [s.start for s in sentences]
    return sorted({bisect.bisect_right(starts, o) - 1 for o in offsets} - {-1})
_TRUECASED = Flag("truecased", "the report is written in capitals; sitrep restored ordinary "
                  "case before reading it (spans quote the text as written; their "
                  "'truecased' field gives the case sitrep read)")


class Extractor:
    """Holds the loaded models and lexicons; ``extract`` is safe to call many times.

    ``time_budget``: seconds one report may take before it fails with ``OverBudget``
    (``None`` or 0: no limit); see ``sitrep.budget``.
    """

    def __init__(self, nlp=None, *, actors: ActorLexicon | None = None, gazetteer=None,
                 time_budget: float | None = budget.DEFAULT_SECONDS):
        self.nlp = nlp if nlp is not None else nlp_pipeline.load()
        self.actors = actors if actors is not None else ActorLexicon.default()
        self._gazetteer = gazetteer
        self.selector = _selector()
        self.time_budget = time_budget

    @property
    def gazetteer(self):
        """The offline gazetteer, opened (and built, the first time) on first use."""
        if self._gazetteer is None:
            from .resolve.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.open()
        return self._gazetteer

    def extract(self, text: str, published: str | dt.date | None = None,
                encoding: str = "utf-8") -> Report:
        """One report. Raises a ``SitrepError``: ``InputError`` for a text it cannot take
        (not a str, blank, over 5 MB, over its time budget), ``BadOption`` for a bad
        ``published``."""
        return next(self.extract_many([(text, published, encoding)]))

    def extract_many(self, items: Iterable[tuple[str, str | dt.date | None, str]]
                     ) -> Iterator[Report]:
        for text, published, encoding in items:
            yield self._one(check_text(text), published, encoding)

    def _one(self, original: str, published, encoding: str) -> Report:
        clock = budget.Budget.start(self.time_budget)
        with clock.alarm():
            return self._cased(original, published, encoding, clock)

    def _cased(self, original: str, published, encoding: str, clock) -> Report:
        """A report in capitals is read in restored case; its spans quote it as written."""
        text = original
        shouting = truecase.is_shouting(text)
        if shouting:  # the model reads capitals as names; offsets are unchanged
            clock.check("truecasing")
            text = truecase.truecase(text, self._is_name)
        report = self._read(text, published, encoding, clock)
        if shouting:
            report = truecase.restore_spans(report, original)
            report = replace(report, document=replace(
                report.document, id=document_id(original), text=original),
                flags=(_TRUECASED, *report.flags))
        return report

    def _read(self, text: str, published, encoding: str, clock: budget.Budget) -> Report:
        prepared = prepare(text, published, encoding, is_place=self._is_known_place)
        clock.check("dates")
        dates = find_dates(text, prepared.reference)
        year_flag = unknown_year(prepared, dates)
        clock.check("actors")
        # the dateline names where the report was filed, not an actor ("BANGKOK:")
        mentions = _outside(self.actors.find(text), prepared.document.dateline.span, text)
        about = document_countries(mentions, states_only=False, lexicon=self.actors)
        mentions = resolve_sides(mentions, about, lexicon=self.actors)
        # in text order: later stages look actors up by offset
        mentions = by_start(parties.definite_references(text, mentions))
        clock.check("sentences")
        head = prepared.document
        sentences = split(text, self.nlp.tokenizer, ends=[
            _title_end(text, head.title), head.dateline.span.end if head.dateline.span else 0])
        armed = _holding(sentences, [m.start for m in mentions if m.kind in _ARMED])
        facts, parts = self._analyse(text, sentences, dates, prepared.document.title, clock,
                                     armed)
        clock.check("places")
        # sentences the parser skipped still name places ("protesters gathered in X"):
        # read them with the tokenizer alone (place words, capitalised names)
        parsed = {offset for offset, _doc in parts}
        skimmed = [(s.start, self.nlp.make_doc(s.text)) for s in sentences
                   if s.start not in parsed and s.text.strip()]
        places = by_start(find_places_in_parts(  # later stages look them up by offset
            parts, text, self.gazetteer, skimmed=skimmed,
            countries=[c for c in about if self.actors.is_state(c)],
            dateline=prepared.document.dateline.place,
            not_places=[(m.start, m.end) for m in mentions if m.kind in _NOT_PLACES],
            actors=[(m.code, text[m.start:m.end]) for m in mentions]))
        clock.check("start of the fighting")
        anchor = find_anchor(text, [(s.start, s.end) for s in sentences], dates)
        context = parties.context(
            self.actors, text, mentions, about, sentences, prepared.document.dateline, places,
            dateline_country=self._country_of(prepared.document.dateline.place),
            losses=[(f.start, f.end) for f in facts if f.figures])
        disputed = anchor.disputed
        clock.check("claims")
        outbreaks = tuple((v.span.start, v.span.end, v.date) for v in anchor.votes
                          if v.how == "outbreak")
        def code_of(phrase: str) -> str | None:
            return self._code_of(phrase, about)

        def builder(ctx):
            span = prepared.document.dateline.span
            return ClaimBuilder(text, dates, ctx, code_of, anchor.start, disputed,
                                prepared.document.published, outbreaks,
                                span.end if span else 0)

        claim_builder = builder(context)
        claims = claim_builder.build(facts)
        sides = parties.opponents(claims, context)
        if sides != context.adversaries:  # who fights whom, as the claims themselves say
            context = replace(context, adversaries=sides)
            claim_builder = builder(context)
            claims = claim_builder.build(facts)
        title_end = _title_end(text, prepared.document.title)
        head_end = max(title_end, span.end if (span := prepared.document.dateline.span) else 0)
        claims = merge_repeats(claims, title_end, _lede_end(sentences, head_end))
        claims = _with_loss_lists(text, claims, sentences, claim_builder.sources_at, mentions,
                                  context, dates)
        span = prepared.document.dateline.span
        clock.check("events")
        events = EventBuilder(text, dates, context, prepared.document.published,
                              claim_builder.sources_at, places,
                              span.end if span else 0).build(facts, claims)
        spans = [(s.start, s.end) for s in sentences]
        claims = mark_history(link_claims(claims, events), events, text, spans,
                              prepared.document.published)
        claims = disputes(claims, text, spans, claim_builder.sources_at)
        clock.check("checks")
        flags = [*prepared.flags, *([year_flag] if year_flag else []), *anchor.flags,
                 *_actor_flags(text, mentions), *number_conflicts(claims),
                 *unverified(claims, text, spans),
                 *contradicting_claims(claims)]
        return detail(Report(
            document=prepared.document,
            claims=tuple(claims),
            events=tuple(events),
            entities=tuple(_entities(mentions) + _place_entities(places)),
            flags=tuple(flags + _repair_flags(places)),
            claim_pairs=tuple(claim_pairs(claims)),
        ), self.actors)

    def _is_known_place(self, name: str) -> bool:
        """A place a dateline may name without capitals or a date ("Tripoli: ..."): a
        country, a first-level region or a large town."""
        return any(c.feature in ("country", "admin1") or c.population >= DATELINE_POPULATION
                   for c in self.gazetteer.lookup(name))

    def _country_of(self, place: str | None) -> str | None:
        """The state a dateline's place lies in: that of its most populous reading, among
        the readings a dateline can name (a country, a region or a large town; "SHABWA" is
        no village of 3,000 in Myanmar)."""
        candidates = [c for c in self.gazetteer.lookup(place)
                      if c.country and (c.feature in ("country", "admin1", "admin2")
                                        or c.population >= DATELINE_POPULATION)] \
            if place else []
        if not candidates:
            return None
        return max(candidates, key=lambda c: (c.feature == "country", c.population)).country

    def _is_name(self, phrase: str) -> bool | str:
        """A place or a named actor (truecasing asks, for phrases of one to three words);
        an actor written as its code is an acronym and keeps its capitals ("ELN")."""
        whole = [m for m in self.actors.find(phrase)
                 if m.start == 0 and m.end == len(phrase) and m.kind in _NAMED_ACTORS]
        if whole:
            return phrase if any(m.code == phrase.upper() for m in whole) else True
        return any(c.feature != "city" or c.population >= NAME_POPULATION
                   for c in self.gazetteer.lookup(phrase))

    def _code_of(self, phrase: str, about=()) -> str | None:
        """An actor code for a source phrase: an agency, mission or armed wing counts as
        its organisation (UNRWA as the UN, the PDF as the NUG)."""
        code = self.actors.code_of(phrase, about)
        return self.actors.umbrella(code) or code

    def _analyse(self, text: str, sentences: list[Sentence], dates, title: str | None,
                 clock: budget.Budget, armed: Iterable[int] = ()
                 ) -> tuple[list[SentenceFacts], list]:
        """Parse the sentences that can hold a claim or a violent event; if they do hold
        one, the report is about a conflict and its statements are parsed too."""
        texts = [s.text for s in sentences]
        headline = 0 if sentences and texts[0].strip() == title else None
        core = [i for i in self.selector.core_indices(texts, armed) if i != headline]
        core = sorted(set(core) | {i + 1 for i in core if i + 1 < len(texts)
                                   and self.selector.goes_on(texts[i + 1])})
        found = self._parse(text, sentences, core, dates, clock)
        violent = sum(1 for f, _p in found.values() if f.figures
                      or any(t.type == "ASSAULT" and t.mode for t in f.triggers))
        # a political story that mentions a shooting once, or says a candidate "attacked" a
        # rival, is not about a conflict: its statements far from the violence are not news
        conflict = violent > 0 and violent >= CONFLICT_SHARE * len(texts)
        # statements near a loss or deed, all of them in a conflict report, and those of
        # armed actors ("Al Shabaab reached an agreement")
        talk = sorted(set(self.selector.talk_indices(texts, core, everywhere=conflict))
                      | {i for i in armed if self.selector.talks(texts[i])})
        talk = [i for i in talk if i not in found and i != headline]
        found.update(self._parse(text, sentences, talk, dates, clock))
        ordered = [found[i] for i in sorted(found)]
        return [f for f, _p in ordered], [p for _f, p in ordered]

    def _parse(self, text: str, sentences: list[Sentence], indices: list[int], dates,
               clock: budget.Budget) -> dict:
        docs = self.nlp.pipe(clock.each((sentences[i].text for i in indices), "parsing"),
                             batch_size=64)
        found: dict = {}
        for i, sdoc in zip(indices, docs, strict=True):
            # "Among the 14 killed, four were children. The rest ten were militants": the
            # rest of a toll told in the next sentence has the toll's outcome
            before = found.get(i - 1)
            carried = before[0].figures[-1][0].outcome if before and before[0].figures \
                else None
            found[i] = (sentence_facts(text, i, sentences[i], sdoc, dates, carried),
                        (sentences[i].start, sdoc))
        return found


# the kinds of actor that publish a loss list ("General Staff of the Armed Forces of Ukraine")
_PUBLISHERS = frozenset({"ministry", "armed_forces", "state", "organisation", "armed_group"})
PUBLISHER_REACH = 400  # characters before a list's header where its publisher is named


def _with_loss_lists(text, claims, sentences, sources_at, mentions, context, dates) -> list:
    """The claims of the report's loss lists, in place of the figures read from their lines;
    a list's claimant is the source of its header's sentence, else the body named just
    before it; its subject the side its header names, else the claimant's adversary."""
    found = find_loss_lists(text)
    if not found:
        return claims
    lines = [(line.start, line.end) for lst in found for line in lst.lines]
    kept = [c for c in claims if not any(s <= c.quantity.span.start < e for s, e in lines)]
    starts = [s.start for s in sentences]
    for lst in found:
        source = sources_at.get(bisect.bisect_right(starts, lst.header[0]) - 1)
        claimant = source.claimant if source else _publisher(text, lst.header[0], mentions)
        header = [d for d in dates if lst.header[0] <= d.start < lst.header[1] and d.start_date]
        inside = [m for m in mentions if lst.header[0] <= m.start < lst.header[1] and m.code
                  and m.code != claimant.actor and m.kind not in ("place", "affiliation")]
        subject = Subject(inside[0].code, "military", inside[0].text, "explicit") if inside \
            else Subject(context.adversaries.get(claimant.actor), "military", None, "enemy")
        ctx = ListContext(claimant, subject,
                          header[0].start_date.isoformat() if len(header) > 1 else None,
                          header[-1].end_date.isoformat() if header else None,
                          source.stated_on if source else None)
        kept.extend(list_claims(text, lst, ctx, len(kept) + 1))
    return merge_repeats(sorted(kept, key=lambda c: c.evidence.start))


def _publisher(text: str, before: int, mentions) -> Claimant:
    named = [m for m in mentions if before - PUBLISHER_REACH <= m.start < before and m.code
             and m.kind in _PUBLISHERS]
    if not named:
        return Claimant()
    m = named[-1]
    return Claimant(m.code, m.canonical or m.text, None, None, Span.of(text, m.start, m.end),
                    "explicit")


def _lede_end(sentences, title_end: int) -> int:
    """Where the lede ends: the first paragraph after the title and dateline."""
    body = [s for s in sentences if s.start >= title_end]
    return max((s.end for s in body if s.paragraph == body[0].paragraph), default=0) \
        if body else 0


def _title_end(text: str, title: str | None) -> int:
    if not title:
        return 0
    start = text.find(title)
    return start + len(title) if start >= 0 else 0


def _outside(mentions, span: Span | None, text: str = "") -> list:
    """The actor mentions that name actors: not the dateline's place, not a place of
    origin ("US-made", "a Britain-based monitor")."""
    return [m for m in mentions if not (span and span.start <= m.start < span.end)
            and not made_or_based(text, m)]


def _actor_flags(text: str, mentions) -> list[Flag]:
    out = []
    for m in mentions:
        if m.code is None and len(m.candidates) > 1:
            out.append(Flag(
                "ambiguous_actor",
                f"'{m.text}' could be {', '.join(m.candidates)}; the report does not say "
                "which, so the actor is left empty", Span.of(text, m.start, m.end)))
    return out


def _entities(mentions) -> list[Entity]:
    grouped: dict[str, list] = {}
    names: dict[str, Counter] = {}
    for m in mentions:
        if m.code is None:
            continue
        grouped.setdefault(m.code, []).append(m)
        names.setdefault(m.code, Counter())[m.canonical or m.text] += 1
    return [
        Entity("actor", names[code].most_common(1)[0][0], code,
               mentions=tuple(Mention(m.start, m.end, m.text, m.repaired) for m in ms))
        for code, ms in grouped.items()
    ]


def _place_entities(places) -> list[Entity]:
    grouped: dict[tuple, list] = {}
    for m in places:
        if m.place is not None:
            key = (m.place.geonameid, m.place.name, m.place.lat, m.place.lon)
            grouped.setdefault(key, []).append(m)
    return [
        Entity("place", ms[0].place.name, ms[0].place.country, ms[0].place.lat,
               ms[0].place.lon, tuple(Mention(m.start, m.end, m.text, m.repaired) for m in ms))
        for ms in grouped.values()
    ]


def _repair_flags(places) -> list[Flag]:
    """One flag per garbled name, at its first mention, saying how often it was repaired."""
    first: dict[tuple[str, str], list] = {}
    for m in places:
        if m.repaired and m.place is not None:
            first.setdefault((m.text.lower(), m.place.name), []).append(m)
    flags = []
    for (_text, name), ms in first.items():
        how = {"fuzzy": "a close spelling", "mt": "a machine-translation abbreviation",
               "variant": "a spelling variant"}.get(ms[0].match, ms[0].match)
        times = f" ({len(ms)} mentions)" if len(ms) > 1 else ""
        flags.append(Flag("name_repair", f"'{ms[0].text}' read as {name}, {how}{times}",
                          Span(ms[0].start, ms[0].end, ms[0].text)))
    return flags


def _selector() -> Selector:
    """The words that send a sentence to the parser, from sitrep's own lexicons."""
    from .extraction.events import ACTIONS as DEEDS
    from .extraction.events import lexicon as event_lexicon
    from .extraction.events import party_words
    from .extraction.quantities import SCALES, UNITS
    from .extraction.quantities import lexicon as quantity_lexicon

    numbers = set(UNITS) | set(SCALES) | set(quantity_lexicon()["vague"])
    outcomes = lexicon.outcomes()
    single = {p[0] for p in outcomes if len(p) == 1} | {"toll", "casualt", "dead", "death",
                                                        "fatally"}
    losses = single | {_telling(p, single) for p in outcomes}
    losses |= {row["form"] for row in tsv_rows("irregular_verbs.tsv") if row["lemma"] in losses}
    losses -= {None}
    things = {_counted(p, lexicon.items()) for p in lexicon.items()}  # "a tank", "a police officer"
    things |= {"soldier", "civilian", "child", "fighter", "person", "man", "woman", "pilot"}
    events = event_lexicon()
    # words that name violence outright; "war", "attack", "battle" also serve politics, so
    # they count only in reports that have violence or losses at all
    political = {"war", "conflict", "hostilities", "attack", "fight", "battle", "assault",
                 "offensive"}
    loose = set(political)
    # cue words that are also everyday words ("arrive", "rally", "beat") send a sentence
    # only beside an armed party or a crowd
    loose |= {row["word"] for row in tsv_rows("selector_loose.tsv")}
    violence = {_cue_word(k) for (k, _role), (kind, _m, _a) in events.items()
                if kind in DEEDS} - loose - {None}
    # "marched on the streets" is a deed, "in March" a date: a cue word that names a month
    # counts only in lower case
    lower_only = violence & set(_time_words()["months"])
    violence -= lower_only
    irregular = tsv_rows("irregular_verbs.tsv")  # "withdrew", "fought", "shot"
    violence |= {row["form"] for row in irregular if row["lemma"] in violence}
    loose |= {row["form"] for row in irregular if row["lemma"] in loose}
    cues = attribution_lexicon()
    talk = {w for w, kind in {**cues.verbs, **cues.nouns}.items() if kind == "statement"}
    talk |= {min(p.split(), key=word_frequency) for p in cues.preps}  # "in the words of"
    talk |= {_cue_word(k) for (k, _role), (kind, _m, _a) in events.items()
             if kind not in DEEDS} - {None}
    talk |= {"said", "says", "told", "according", "wrote", "added"} | political
    armed = {w for w, (kind, people) in party_words().items()
             if kind in ("armed", "crowd") and people}
    return Selector(numbers, losses, violence, talk, things, loose=loose, armed=armed,
                    lower_only=lower_only)


# Particles, and verbs too common to send a sentence to the parser on their own: "set_off"
# is found by the bomb it sets off.
_PARTICLES = frozenset({"up", "off", "on", "to", "in", "out", "down", "at", "upon", "with",
                        "over"})
_COMMON_VERB = 200_000  # pyspellchecker count; "set", "place", "throw" are above it


# words that carry no loss of their own in a loss phrase ("in critical condition", "go
# missing", "take prisoner"): the phrase's other words select the sentence
_LIGHT = frozenset({"in", "go", "take", "put", "get", "be", "out", "of"})


def _telling(phrase: tuple[str, ...], single: set[str]) -> str | None:
    """The word of a loss phrase that sends a sentence to the parser: none when another
    of its words is a loss word on its own ("beat to death", "find dead"), else its rarest
    word ("claim the lives of")."""
    words = [w for w in phrase if w not in _LIGHT]
    if not words or len(phrase) > 1 and any(w in single for w in words):
        return None
    return min(words, key=word_frequency)


def _counted(phrase: tuple[str, ...], items) -> str:
    """What an article counts in an item's phrase: its last word when that is an item
    itself ("a police officer": officer), else the whole phrase ("a control point", not
    every "a point")."""
    words = [w for w in phrase if w != "-"]
    return words[-1] if len(words) == 1 or (words[-1],) in items else " ".join(words)


def _cue_word(phrase: str) -> str | None:
    """The word of an event phrase that sends a sentence to the parser: a single word
    itself; "place_bomb" its object; "blow_up" its verb unless common; "car bomb" its
    rarest word."""
    if " " not in phrase and "_" not in phrase:
        return phrase
    if " " in phrase:
        return min(phrase.split(), key=word_frequency)
    verb, *rest = phrase.split("_")
    objects = [w for w in rest if w not in _PARTICLES]
    if objects:
        return objects[-1]
    return verb if word_frequency(verb) < _COMMON_VERB else None


_default: Extractor | None = None


def default() -> Extractor:
    """The process-wide Extractor, loaded on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str, published: str | dt.date | None = None,
            encoding: str = "utf-8") -> Report:
    """Extract one report with the process-wide Extractor."""
    return default().extract(text, published, encoding)
