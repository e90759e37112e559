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

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .checks.numbers import number_conflicts
from .extract import lexicon
from .extract.anchor import find_anchor
from .extract.attribution import find_attributions
from .extract.claims import ClaimBuilder, SentenceFacts
from .extract.figures import Figure, find_figures
from .ingest.document import prepare
from .nlp import pipeline as nlp_pipeline
from .nlp.sentences import Selector, Sentence, split
from .records import Entity, Flag, Mention, Report, Span
from .resolve.actors import ActorLexicon, document_countries, resolve_sides
from .resolve.time import find_dates

_LOSER_VERBS = frozenset({"lose", "suffer", "sustain", "incur"})


class Extractor:
    """Holds the loaded models and lexicons; ``extract`` is safe to call many times."""

    def __init__(self, nlp=None, *, actors: ActorLexicon | None = None):
        self.nlp = nlp if nlp is not None else nlp_pipeline.load()
        self.actors = actors if actors is not None else ActorLexicon.default()
        self.selector = Selector(_selector_words())

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
        states = [c for c in about if self.actors.is_state(c)]
        sentences = split(text, self.nlp.tokenizer)
        facts = self._analyse(text, sentences, dates)
        anchor = find_anchor(text, [(s.start, s.end) for s in sentences], dates)
        builder = ClaimBuilder(text, dates, mentions, self.actors.code_of, anchor.start,
                               _adversaries(states))
        claims = builder.build(facts)
        flags = [*prepared.flags, *anchor.flags, *_actor_flags(text, mentions),
                 *number_conflicts(claims)]
        return Report(
            document=prepared.document,
            claims=tuple(claims),
            events=(),
            entities=tuple(_entities(mentions)),
            flags=tuple(flags),
        )

    def _analyse(self, text: str, sentences: list[Sentence], dates) -> list[SentenceFacts]:
        chosen = [(i, s) for i, s in enumerate(sentences) if self.selector.wanted(s.text)]
        docs = self.nlp.pipe((s.text for _, s in chosen), batch_size=64)
        out = []
        for (index, sentence), sdoc in zip(chosen, docs, strict=True):
            out.append(_facts(text, index, sentence, sdoc, dates))
        return out


def _facts(text: str, index: int, sentence: Sentence, sdoc, dates) -> SentenceFacts:
    base = sentence.start
    facts = SentenceFacts(index, sentence.start, sentence.end, sentence.paragraph)
    skip = _date_tokens(sdoc, base, dates)
    for figure in find_figures(sdoc, None, skip):
        facts.figures.append((figure, _offsets(sdoc, base, figure)))
    facts.attributions = [_shift(a, base) for a in find_attributions(sdoc)]
    return facts


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
    }
    if figure.subject_span is not None:
        out["subject"] = _char(sdoc, base, *figure.subject_span)
    if figure.active_verb is not None and sdoc[figure.active_verb].lemma_ in _LOSER_VERBS:
        verb = sdoc[figure.active_verb]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            tree = list(subjects[0].subtree)
            out["loser"] = _char(sdoc, base, tree[0].i, tree[-1].i + 1)
    return out


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


def _adversaries(about: list[str]) -> dict[str, str]:
    """The two states a report names most are taken as the two sides: each is the other's
    "enemy". With fewer than two, "enemy" stays unresolved."""
    if len(about) < 2:
        return {}
    first, second = about[0], about[1]
    return {first: second, second: first}


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


def _selector_words() -> list[str]:
    words = {p[0] for p in lexicon.items()} | {p[0] for p in lexicon.outcomes()}
    words |= {"said", "says", "according", "told", "claimed", "announced", "reported",
              "statement", "stated", "one", "two", "three", "four", "five", "six", "seven",
              "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
              "hundred", "thousand", "dozen", "dozens", "hundreds", "thousands", "toll",
              "conflict", "fighting", "clash", "shelling", "attack", "strike", "day"}
    return sorted(w for w in words if len(w) > 2)


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
