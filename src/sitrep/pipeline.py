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
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .checks.numbers import number_conflicts
from .checks.pairs import claim_pairs, contradicting_claims
from .extraction import lexicon, subjects
from .extraction.anchor import find_anchor
from .extraction.attribution import find_attributions
from .extraction.attribution import lexicon as attribution_lexicon
from .extraction.claims import ClaimBuilder, SentenceFacts
from .extraction.events import EventBuilder, Trigger, find_triggers
from .extraction.figures import Figure, find_figures
from .ingest.document import prepare
from .nlp import pipeline as nlp_pipeline
from .nlp.sentences import Selector, Sentence, split
from .records import Entity, Flag, Mention, Report, Span
from .resolve.actors import ActorLexicon, document_countries, resolve_sides
from .resolve.places import find_places_in_parts
from .resolve.time import find_dates


class Extractor:
    """Holds the loaded models and lexicons; ``extract`` is safe to call many times."""

    def __init__(self, nlp=None, *, actors: ActorLexicon | None = None, gazetteer=None):
        self.nlp = nlp if nlp is not None else nlp_pipeline.load()
        self.actors = actors if actors is not None else ActorLexicon.default()
        self._gazetteer = gazetteer
        self.selector = _selector()

    @property
    def gazetteer(self):
        """The offline gazetteer, opened (and built, the first time) on first use."""
        if self._gazetteer is None:
            from .resolve.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.open()
        return self._gazetteer

    def extract(self, text: str, published: str | dt.date | None = None,
                encoding: str = "utf-8") -> Report:
        return next(self.extract_many([(text, published, encoding)]))

    def extract_many(self, items: Iterable[tuple[str, str | dt.date | None, str]]
                     ) -> Iterator[Report]:
        for text, published, encoding in items:
            yield self._one(text, published, encoding)

    def _one(self, text: str, published, encoding: str) -> Report:
        prepared = prepare(text, published, encoding)
        dates = find_dates(text, prepared.reference)
        mentions = self.actors.find(text)
        about = document_countries(mentions, states_only=False, lexicon=self.actors)
        mentions = resolve_sides(mentions, about, lexicon=self.actors)
        mentions = _definite_references(text, mentions)
        sentences = split(text, self.nlp.tokenizer)
        facts, parts = self._analyse(text, sentences, dates, prepared.document.title)
        places = find_places_in_parts(
            parts, text, self.gazetteer, countries=[c for c in about if self.actors.is_state(c)],
            dateline=prepared.document.dateline.place)
        anchor = find_anchor(text, [(s.start, s.end) for s in sentences], dates)
        context = self._context(text, mentions, about, sentences,
                                prepared.document.dateline, places)
        disputed = frozenset(f.span.start for f in anchor.flags if f.span)
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
        sides = _opponents(claims, context)
        if sides != context.adversaries:  # who fights whom, as the claims themselves say
            context = replace(context, adversaries=sides)
            claim_builder = builder(context)
            claims = claim_builder.build(facts)
        events = EventBuilder(text, dates, context, prepared.document.published,
                              claim_builder.sources_at, context.places).build(facts, claims)
        flags = [*prepared.flags, *anchor.flags, *_actor_flags(text, mentions),
                 *number_conflicts(claims), *contradicting_claims(claims)]
        return Report(
            document=prepared.document,
            claims=tuple(claims),
            events=tuple(events),
            entities=tuple(_entities(mentions) + _place_entities(places)),
            flags=tuple(flags + _repair_flags(places)),
            claim_pairs=tuple(claim_pairs(claims)),
        )

    def _code_of(self, phrase: str, about=()) -> str | None:
        """An actor code for a source phrase: an agency, mission or armed wing counts as
        its organisation (UNRWA as the UN, the PDF as the NUG)."""
        code = self.actors.code_of(phrase, about)
        return self.actors.umbrella(code) or code

    def _context(self, text: str, mentions, about: list[str], sentences,
                 dateline, places) -> subjects.Context:
        about = list(dict.fromkeys(self.actors.umbrella(c) or c for c in about))
        states = [c for c in about if self.actors.is_state(c)]
        # a party to the fighting is named in more than one sentence: a group named once
        # in background ("linked to al-Qaeda and ISIS") is not the other side
        umbrella = self.actors.umbrella
        parties = [c for c in about if (self.actors.is_state(c) or _armed(mentions, c, umbrella))
                   and _sentences_naming(mentions, c, sentences, umbrella) >= 2]
        home = _place_home(places, dateline, self.actors.is_state) or _home(
            mentions, dateline, states, self.actors.is_state, parties)
        return subjects.Context(
            text=text, actors=mentions, adversaries=_adversaries(parties, self.actors.is_state),
            home=home, is_state=self.actors.is_state, umbrella=self.actors.umbrella,
            belligerents=frozenset(parties[:2]), parties=frozenset(parties),
            places=[p for p in places if p.place is not None],
        )

    def _analyse(self, text: str, sentences: list[Sentence], dates,
                 title: str | None) -> tuple[list[SentenceFacts], list]:
        """Parse the sentences that can hold a claim or a violent event; if they do hold
        one, the report is about a conflict and its statements are parsed too."""
        texts = [s.text for s in sentences]
        headline = 0 if sentences and texts[0].strip() == title else None
        core = [i for i in self.selector.core_indices(texts) if i != headline]
        found = self._parse(text, sentences, core, dates)
        conflict = any(f.figures or any(t.type == "ASSAULT" and t.mode for t in f.triggers)
                       for f, _p in found.values())
        talk = [i for i in self.selector.talk_indices(texts, core, everywhere=conflict)
                if i not in found and i != headline]
        found.update(self._parse(text, sentences, talk, dates))
        ordered = [found[i] for i in sorted(found)]
        return [f for f, _p in ordered], [p for _f, p in ordered]

    def _parse(self, text: str, sentences: list[Sentence], indices: list[int], dates) -> dict:
        docs = self.nlp.pipe((sentences[i].text for i in indices), batch_size=64)
        return {i: (_facts(text, i, sentences[i], sdoc, dates), (sentences[i].start, sdoc))
                for i, sdoc in zip(indices, docs, strict=True)}


def _facts(text: str, index: int, sentence: Sentence, sdoc, dates) -> SentenceFacts:
    base = sentence.start
    facts = SentenceFacts(index, sentence.start, sentence.end, sentence.paragraph)
    skip = _date_tokens(sdoc, base, dates)
    for figure in find_figures(sdoc, None, skip):
        facts.figures.append((figure, _offsets(sdoc, base, figure)))
    facts.attributions = [_shift(a, base) for a in find_attributions(sdoc, nested=True)
                          if a.kind != "action"]
    facts.subjects = _sentence_subjects(sdoc, base)
    facts.triggers = [_shift_trigger(t, base) for t in find_triggers(sdoc)]
    return facts


def _shift_trigger(trigger: Trigger, base: int) -> Trigger:
    def move(pair):
        return (pair[0] + base, pair[1] + base)

    return replace(trigger, cue=move(trigger.cue),
                   agents=tuple(move(a) for a in trigger.agents),
                   recipients=tuple(move(r) for r in trigger.recipients))


def _sentence_subjects(sdoc, base: int) -> list[tuple[int, int]]:
    """The subjects of the main verbs: the referents later pronouns most likely take."""
    out = []
    for tok in sdoc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            out.append(_char(sdoc, base, tok.left_edge.i, tok.i + 1))
    return out


def _agent(verb):
    """Who did it: the subject of the outcome verb, or of the clause it hangs from
    ("..., killing 11 soldiers": the subject of the main verb)."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp") or \
                verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _date_tokens(sdoc, base: int, dates) -> frozenset[int]:
    spans = [(d.start - base, d.end - base) for d in dates
             if d.start >= base and d.end <= base + len(sdoc.text)]
    return frozenset(t.i for t in sdoc for s, e in spans
                     if t.idx < e and s < t.idx + len(t.text))


def _char(sdoc, base: int, start: int, end: int) -> tuple[int, int]:
    span = sdoc[start:end]
    return (base + span.start_char, base + span.end_char)


def _offsets(sdoc, base: int, figure: Figure) -> dict:
    q = figure.quantity
    out = {
        "quantity": _char(sdoc, base, q.start, q.end),
        "evidence": _char(sdoc, base, figure.start, figure.end),
        "head": sdoc[figure.head].text if figure.head is not None else "",
        "outcome": _char(sdoc, base, figure.outcome_start, figure.outcome_end),
        # a toll is a running total: "the death toll in the war had climbed to 19,453"
        "toll": _toll_noun(sdoc, figure) is not None,
    }
    if figure.subject_span is not None:
        out["subject"] = _char(sdoc, base, *figure.subject_span)
    speaker = _toll_speaker(sdoc, figure) if out["toll"] else None
    if speaker is not None:
        out["speaker"] = _char(sdoc, base, speaker.left_edge.i, speaker.i + 1)
        out["speaker_verb"] = _char(sdoc, base, speaker.head.i, speaker.head.i + 1)
    verb = sdoc[figure.active_verb] if figure.active_verb is not None else _governor(
        sdoc, figure)
    if verb is not None:
        out["verb_lemma"] = verb.lemma_
        agent = _agent(verb)
        if agent is not None:
            out["agent"] = _char(sdoc, base, agent.left_edge.i, agent.i + 1)
    return out


_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "give", "set", "revise", "raise",
                             "update"})


def _toll_noun(sdoc, figure: Figure):
    """The toll noun a figure completes: "the death toll rose to 45", "the number of
    troops killed ... at 215,000" (the figure itself names no item)."""
    if figure.active_verb is not None or figure.np_end > figure.quantity.end:
        return None
    start = max(0, figure.outcome_start - 6)
    for tok in sdoc[start:min(len(sdoc), figure.outcome_end + 2)]:
        if tok.lower_ in ("toll", "number", "tally"):
            return tok
    return None


def _toll_speaker(sdoc, figure: Figure):
    """"The General Staff put the number of troops killed at 215,000": who gives a toll."""
    tok = _toll_noun(sdoc, figure)
    if tok is not None and tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in _ESTIMATE_VERBS:
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        return subjects[0] if subjects else None
    return None


def _governor(sdoc, figure: Figure):
    """The verb the counted phrase is the object of ("it had left 15 soldiers dead")."""
    head = sdoc[max(figure.np_start, figure.np_end - 1)]
    if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
        return head.head
    return None


def _shift(attribution, base: int):
    def move(pair):
        return None if pair is None else (pair[0] + base, pair[1] + base)

    return replace(
        attribution,
        cue=move(attribution.cue), source=move(attribution.source),
        source_head=move(attribution.source_head), person=move(attribution.person),
        content=move(attribution.content), sentence=move(attribution.sentence),
        stated_date=move(attribution.stated_date),
    )


_LED_BODY = re.compile(r"\s*(?:multinational\s+|military\s+|international\s+|Arab\s+)*"
                       r"(coalition|alliance|forces|force|mission)\b", re.I)


def _definite_references(text: str, mentions) -> list:
    """"the Saudi-led coalition ... a drone belonging to the coalition": a body named once
    with its leader is that leader's when the report comes back to it with "the"."""
    bodies: dict[str, object] = {}
    for m in mentions:
        if m.kind == "affiliation" and m.leads and m.code:
            body = _LED_BODY.match(text, m.end)
            if body:
                bodies.setdefault(body.group(1).lower(), m)
    if not bodies:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    pattern = r"\bthe\s+(" + "|".join(map(re.escape, bodies)) + r")\b"
    for match in re.finditer(pattern, text, re.I):
        start, end = match.span(1)
        if any(s <= start < e for s, e in taken):
            continue
        leader = bodies[match.group(1).lower()]
        if leader.end <= start:
            extra.append(replace(leader, start=start, end=end, text=text[start:end],
                                 kind="organisation"))
    return sorted(mentions + extra, key=lambda m: m.start)


def _opponents(claims, context: subjects.Context) -> dict[str, str]:
    """Each party's adversary as the report's own claims pair them (a claimant counting
    another party's losses), falling back on the two parties it names most."""
    votes: dict[str, Counter] = {}
    for c in claims:
        a, b = c.claimant.actor, c.subject.actor
        if a and b and a != b and c.subject.basis == "explicit" and \
                {a, b} <= context.parties:
            votes.setdefault(a, Counter())[b] += 1
            votes.setdefault(b, Counter())[a] += 1
    sides = dict(context.adversaries)
    for party, counter in votes.items():
        sides[party] = counter.most_common(1)[0][0]
    return sides


def _place_home(places, dateline, is_state) -> str | None:
    """The country most of the report's places are in: where its events happen."""
    counts = Counter(p.place.country for p in places if p.place is not None
                     and is_state(p.place.country)
                     and not (dateline.span and dateline.span.start <= p.start
                              < dateline.span.end))
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _home(mentions, dateline, states: list[str], is_state, parties) -> str | None:
    """The state the report is about: the dateline's, when that state is a party to the
    fighting ("DNIPRO, Ukraine"); else the one it names most outside the dateline, which
    may only say where the bureau sits ("CAIRO" on Sudan)."""
    here = _dateline_state(mentions, dateline, is_state)
    if here in parties:
        return here
    outside = Counter(m.code for m in mentions if is_state(m.code) and not (
        dateline.span and dateline.span.start <= m.start < dateline.span.end))
    if not outside:
        return states[0] if states else None
    top = max(outside.values())
    tied = [c for c, n in outside.items() if n == top]
    return here if here in tied else tied[0]


def _dateline_state(mentions, dateline, is_state) -> str | None:
    """The state the dateline names ("GOMA, Congo", "KYIV"): where the report is from."""
    if dateline.span is None:
        return None
    for m in mentions:
        if dateline.span.start <= m.start < dateline.span.end and is_state(m.code):
            return m.code
    return None


def _sentences_naming(mentions, code: str, sentences, umbrella) -> int:
    starts = [s.start for s in sentences]
    return len({bisect.bisect_right(starts, m.start) for m in mentions
                if m.code and (umbrella(m.code) or m.code) == code})


def _armed(mentions, code: str, umbrella) -> bool:
    return any(m.kind in ("armed_group", "armed_forces") for m in mentions
               if m.code and (umbrella(m.code) or m.code) == code)


def _adversaries(parties: list[str], is_state) -> dict[str, str]:
    """Each party's adversary: a state fights the armed group the report names most (a
    report on Mali that mentions Niger is about the army and JNIM), else the other state
    it names most; an armed group fights the state named most. Unresolved with one party."""
    states = [p for p in parties if is_state(p)]
    groups = [p for p in parties if not is_state(p)]
    sides = {}
    for party in parties:
        if is_state(party):
            others = groups or [s for s in states if s != party]
        else:
            others = states or [g for g in groups if g != party]
        if others:
            sides[party] = others[0]
    return sides


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
    from .extraction.events import lexicon as event_lexicon
    from .extraction.quantities import SCALES, UNITS
    from .extraction.quantities import lexicon as quantity_lexicon

    numbers = set(UNITS) | set(SCALES) | set(quantity_lexicon()["vague"])
    losses = {p[0] for p in lexicon.outcomes()} | {"toll", "casualt", "dead", "death"}
    things = {p[-1] for p, (item, _kind) in lexicon.items().items() if item != "personnel"}
    things |= {"soldier", "civilian", "child", "fighter", "person", "man", "woman", "pilot"}
    events = event_lexicon()
    # words that name violence outright; "war", "attack", "battle" also serve politics, so
    # they count only in reports that have violence or losses at all
    loose = {"war", "conflict", "hostilities", "attack", "fight", "battle", "assault",
             "offensive"}
    violence = {k.split("_")[0].split()[0] for (k, _role), (kind, _m, _a) in events.items()
                if kind in ("ASSAULT", "PROTEST", "COERCE")} - loose
    cues = attribution_lexicon()
    talk = {w for w, kind in {**cues.verbs, **cues.nouns}.items() if kind == "statement"}
    talk |= {p.split()[0] for p in cues.preps}
    talk |= {k.split("_")[0].split()[0] for (k, _role), (kind, _m, _a) in events.items()
             if kind not in ("ASSAULT", "PROTEST", "COERCE")}
    talk |= {"said", "says", "told", "according", "wrote", "added"} | loose
    return Selector(numbers, losses, violence, talk, things)


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
