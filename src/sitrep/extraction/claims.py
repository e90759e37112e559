"""Turn figures into attributed claims: claimant, subject, dates, period.

Inputs are per-sentence analyses (figures, attributions, sentence subjects, character
offsets) and document-wide resolutions (dates, actors, the start of the fighting):

- **Claimant** (``sources``): the source whose reported content holds the figure; else the
  source named elsewhere in the sentence; else the last source of the same statement,
  carried over the following sentences until another source speaks. No source, no
  claimant.
- **Subject** (``subjects``): named in the counted phrase, the loser of "lose", a total's,
  the statement's previous subject, the doer's adversary, a side's own, or by place — in
  that order, each with its basis.
- **Dates** (``claim_dates``): ``stated_on`` from the date attached to the reporting
  verb; ``period`` from "since the outbreak ...", "since X", "from X to Y", "this year",
  "in the whole of 2022", "on the 17th and the 18th"; ``event_date`` from a day-precise
  date in the claim's own clause that is none of those.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from ..offsets import within
from ..records import Claim, Claimant, Place, Quantity, Span, Subject
from . import subjects as rules
from .claim_dates import ClaimDates, own_phrase, perfect
from .figures import Figure
from .sources import Source, SourceResolver

_REGION_WORD = re.compile(r"\s*(?:'s\s+|’s\s+)?(?:region|regional|province|provincial|oblast|"
                          r"governorate|district|city|state|county)\b")
# "during the operations", "over the past week", "during a three-day battle": a time of its own
_OWN_TIME = re.compile(r"\b(?:during|over|throughout)\s+(?:the|a|an)\s+|\b[\w]+-day\b", re.I)
_LINKED = re.compile(r"[\s,]*(?:with|and|as\s+well\s+as)\s+", re.I)
_OWNER = re.compile(r"\b(?:used|operated|owned|launched|flown|fired)\s+by\b|\bbelonging\s+to\b",
                    re.I)
_SAME_PERIOD = re.compile(r"\b(?:over|during|in|for)\s+the\s+same\s+period\b", re.I)
_LOSER_VERBS = frozenset({"lose", "suffer", "sustain", "incur"})
_IN_PLACE = re.compile(r"\b(?:in|at|near|around|outside|inside|over|along|on|across|of|into)"
                       r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$", re.I)


@dataclass
class SentenceFacts:
    """What the pipeline learned about one sentence, in document character offsets."""

    index: int
    start: int
    end: int
    paragraph: int
    figures: list[tuple[Figure, dict]] = field(default_factory=list)  # figure, char offsets
    attributions: list = field(default_factory=list)  # Attribution, in document offsets
    subjects: list[tuple[int, int]] = field(default_factory=list)  # sentence subjects
    triggers: list = field(default_factory=list)  # event Triggers, in document offsets


class ClaimBuilder:
    """Builds the claims of one document; holds the document-wide resolutions."""

    def __init__(self, text: str, dates: list, context: rules.Context, code_of,
                 anchor=None, disputed: frozenset[int] = frozenset(),
                 today: str | None = None, outbreaks: tuple = (), dateline_end: int = 0):
        self.text = text
        self.context = context
        self.when = ClaimDates(text, dates, anchor, disputed, today, outbreaks, dateline_end)
        groups = [c for c in context.parties if not context.is_state(c)]
        self.resolver = SourceResolver(text, code_of, self.when.stated_on, context.home,
                                       context.is_state, groups[0] if len(groups) == 1 else None,
                                       dateline_end, self._place_code)
        self.when.today = today

    def _all_sources(self, sentences: list[SentenceFacts]) -> list[list[Source]]:
        found = []
        for facts in sentences:
            here = self.resolver.sources(facts.attributions, facts.index)
            if not here:  # "X put the number ... at 215,000": the toll's giver speaks
                here = [self._speaker(o, facts) for _f, o in facts.figures if "speaker" in o][:1]
            found.append(here)
            self.resolver.add_subjects(facts.subjects)
        flat = [s for here in found for s in here]
        order = [s.sentence for s in flat]  # in sentence order: the next two by bisection
        return [self.resolver.resolve_ahead(here, flat[
            bisect_right(order, here[0].sentence):bisect_right(order, here[0].sentence + 2)]
            if here else []) for here in found]

    def build(self, sentences: list[SentenceFacts]) -> list[Claim]:
        self.when.sentences = sentences
        claims: list[Claim] = []
        statement: Source | None = None
        previous: dict[tuple, tuple[Claim, int]] = {}
        self.sources_at: dict[int, Source] = {}
        self._counted: list[Claim] = []  # every claim so far: what "six of them" goes back to
        for facts, here in zip(sentences, self._all_sources(sentences), strict=True):
            speaking = [s for s in here if _speaks(s, facts)]
            if speaking:
                statement = speaking[-1] if speaking[-1].claims else None
            elif self._background(facts):
                statement = None  # history in the reporter's voice ends the statement
            if statement is not None:
                self.sources_at[facts.index] = here[-1] if here else statement
            local: list[Claim] = []
            positions = [o["quantity"][0] for _f, o in facts.figures]
            dependent = [f.parent is not None or f.same_as is not None for f, _o in facts.figures]
            for k, (figure, offsets) in enumerate(facts.figures):
                nxt = k + 1 < len(positions)
                # a subtotal that ends the sentence keeps the phrase after it to itself
                last_part = nxt and all(dependent[k + 1:])
                offsets = {**offsets, "neighbours": (
                    positions[k - 1] if k else None, positions[k + 1] if nxt else None,
                    last_part, positions[0])}
                source = self._source_for(offsets["quantity"][0], here, statement)
                claim = self._claim(figure, offsets, facts, source, local, previous,
                                    len(claims) + len(local))
                local.append(claim)
                self._counted.append(claim)
                if figure.parent is None:  # a subtotal's kind is not the statement's
                    previous[_statement_key(source)] = (claim, facts.index, figure,
                                                        offsets.get("head", ""))
            claims.extend(_share_list_subjects(local, [f for f, _o in facts.figures]))
        return claims

    # -- claimants -------------------------------------------------------------------

    def _speaker(self, offsets: dict, facts: SentenceFacts) -> Source:
        """The one who gives a toll is its claimant: "X put the number ... at 215,000"."""
        s, e = offsets["speaker"]
        verb = offsets["speaker_verb"]
        dated = [m for m in self.when.dates_in(e, verb[0]) if m.precision == "day"]
        stated = self.when.day_of(dated[0]) if dated else None
        if dated:
            self.when.stated_spans.append((dated[0].start, dated[0].end))
        return self.resolver.named_source(s, e, verb, stated, facts.index)

    def _place_code(self, start: int, end: int) -> str | None:
        """The country of a place a source is of: "the governor of Belgorod region",
        "Dnipropetrovsk regional Gov. X" — not a place inside a name ("Al-Masirah TV")."""
        for m in within(self.context.places, start, end):
            if not self.context.is_state(m.place.country):
                continue
            before = self.text[max(start, m.start - 8):m.start].lower()
            after = self.text[m.end:m.end + 12].lower()
            if re.search(r"\b(?:of|in)\s+(?:the\s+)?$", before) or _REGION_WORD.match(after):
                return m.place.country
        return None

    def _background(self, facts: SentenceFacts) -> bool:
        """A sentence recalling the past (a start of the fighting, or dates weeks before
        the report) is the reporter's background, not the carried statement — unless it
        gives a running total ("the toll has risen to 23,210 since October 7")."""
        if any(offsets.get("toll") for _f, offsets in facts.figures):
            return False
        if self.when.outbreak_within(facts.start, facts.end):
            return True
        if not self.when.today:
            return False
        if facts.attributions:
            return False
        cutoff = (dt.date.fromisoformat(self.when.today) - dt.timedelta(days=7)).isoformat()
        return any(m.end_date is not None and m.end_date.isoformat() < cutoff
                   for m in self.when.dates_in(facts.start, facts.end))

    @staticmethod
    def _source_for(pos: int, here: list[Source], statement: Source | None) -> Source | None:
        here = [s for s in here if s.claims]
        inside = [s for s in here if s.content and s.content[0] <= pos < s.content[1]]
        if inside:
            return min(inside, key=lambda s: s.content[1] - s.content[0])
        if here:
            return min(here, key=lambda s: abs(s.cue[0] - pos))
        return statement

    # -- claims ----------------------------------------------------------------------

    def _claim(self, figure: Figure, offsets: dict, facts: SentenceFacts,
               source: Source | None, local: list[Claim], previous: dict,
               number: int) -> Claim:
        claimant, stated_on = Claimant(), None
        if source is not None:
            carried = source.sentence != facts.index
            claimant = Claimant(**{**source.claimant.__dict__,
                                   "attribution": "carried" if carried else "explicit"})
            stated_on = source.stated_on
        subject = self._subject(figure, offsets, facts, claimant, local, previous, source)
        qs, qe = offsets["quantity"]
        q = figure.quantity
        value = None if q.qualifier == "range" or q.vague else q.value  # no single figure
        quantity = Quantity(value, q.qualifier, q.low, q.high, Span.of(self.text, qs, qe))
        es, ee = offsets["evidence"]
        parent = local[figure.parent].id if figure.parent is not None and \
            figure.parent < len(local) else None
        clause = self._scope(self._clause(facts, source), qs, offsets["neighbours"])
        cumulative = perfect(self.text, offsets)
        period = self.when.period(clause, stated_on, qs, cumulative, offsets["neighbours"])
        prior = previous.get(_statement_key(source))
        same = _SAME_PERIOD.search(self.text, *clause)
        if period is None and prior and same and own_phrase(same.start(), qs,
                                                             offsets["neighbours"]):
            period = prior[0].period  # "over the same period"
        linked = _LINKED.match(self.text, local[-1].evidence.end) if local else None
        if period is None and linked and linked.end() == qs:
            period = local[-1].period  # "had climbed to 19,453, with more than 52,000 wounded"
        if period is None and figure.parent is not None and figure.parent < len(local):
            period = local[figure.parent].period  # "... since 15 April, among them 190 children"
        event_date = None if period else self.when.event_date(facts, clause, qs, cumulative)
        if period is None and event_date is None:
            period = self.when.period_referred(facts, clause)
            event_date = None if period else self.when.event_referred(facts, clause)
        if period is None and event_date is None and source is not None and prior \
                and (source.continues or source.sentence == prior[1]) \
                and facts.index - prior[1] <= 2 and not _OWN_TIME.search(self.text, *clause) \
                and not re.search(r"\bsince\b", self.text[clause[0]:clause[1]], re.I):
            event_date = prior[0].event_date  # "The statement also said ...": same event
        return Claim(
            claimant=claimant, subject=subject, outcome=figure.outcome, item=figure.item,
            quantity=quantity, stated_on=stated_on, period=period, event_date=event_date,
            place=self._place(clause, qs, offsets["neighbours"]),
            evidence=Span.of(self.text, es, ee), id=f"C{number + 1}",
            parent=parent, item_class=offsets.get("item_class"),
            vague=self.text[qs:qe] if q.vague else None, coded_value=q.value if q.vague else None,
            item_detail=self.text[slice(*offsets["model"])] if "model" in offsets else None,
        )

    def _subject(self, figure, offsets, facts, claimant, local, previous, source) -> Subject:
        kind, ctx = figure.kind, self.context
        found = rules.named(ctx, offsets.get("subject"), kind, claimant, figure.item)
        span = offsets.get("subject")
        if found is None and span and _OWNER.search(self.text, *span):
            # "drones launched by terrorist organisations": the text names an owner it does
            # not identify, so nothing else may be assumed
            return Subject(None, kind, self.text[span[0]:span[1]].strip(), None)
        if found is None and offsets.get("verb_lemma") in _LOSER_VERBS:
            found = rules.named(ctx, offsets.get("agent"), kind, claimant)
            agent = offsets.get("agent")
            if found is None and agent and self.text[agent[0]:agent[1]].lower() in (
                    "it", "we", "they") and claimant.actor:
                found = Subject(claimant.actor, kind, None, "self")  # "it had lost one jet"
            if found is not None:
                found = Subject(found.actor, found.kind, found.text, "loser")
        if found is None:
            found = rules.called_enemy(ctx, offsets.get("head", ""), kind, claimant)
        if found is not None:
            return found
        for index, basis in ((figure.parent, "total"), (figure.same_as, "same"),
                             (figure.list_of, "list")):
            if index is not None and index < len(local) and local[index].subject.actor:
                other = local[index].subject
                return Subject(other.actor, _kind(kind, other.kind), other.text, basis)
        if offsets.get("of_them") and figure.parent is None:
            earlier = [c for c in local if c.subject.actor] or self._counted[-1:]
            if earlier and earlier[-1].subject.actor:
                other = earlier[-1].subject
                return Subject(other.actor, _kind(kind, other.kind), other.text, "same")
        fighters = kind == "military" or figure.item != "personnel"
        doer = rules.by_agent(ctx, offsets.get("agent"), kind, claimant, named_only=True) \
            if fighters else None
        if doer is not None:  # "Pakistani forces ..., killing four security personnel"
            return doer
        prior = previous.get(_statement_key(source))
        if source is not None and prior and facts.index - prior[1] <= 1 \
                and prior[0].subject.actor is not None and not _turns(figure, prior[2]) \
                and rules.hostile(offsets.get("head", "")) == rules.hostile(prior[3]):
            other = prior[0].subject
            return Subject(other.actor, _kind(kind, other.kind), other.text, "inherited")
        place = rules.by_place(ctx, (facts.start, facts.end), kind, offsets["quantity"][0])
        people = figure.item == "personnel" and kind != "military"
        return ((place if people else None)  # civilians are where they were hit
                or rules.demonym_after(ctx, offsets["quantity"][1], kind)
                or (None if people else rules.by_agent(ctx, offsets.get("agent"), kind,
                                                       claimant))
                or (rules.own(ctx, kind, figure.item, figure.outcome, offsets.get("head", ""),
                              claimant, self._lost(offsets))
                    if offsets.get("agent") is None else None)
                or place
                or (rules.at_home(ctx, kind) if figure.item == "personnel" else None)
                or Subject(None, kind, None, None))

    def _lost(self, offsets: dict) -> bool:
        """Is the loss word "lose" or "loss" ("admitted the loss of one helicopter")? What a
        side says it lost is its own."""
        start, end = offsets["outcome"]
        return self.text[start:end].lower().startswith(("los", "lost"))

    # -- where the claim's own words are -----------------------------------------------

    def _clause(self, facts: SentenceFacts, source: Source | None) -> tuple[int, int]:
        """Where the claim's own dates can be: the reported content when the source is in
        this sentence, else the whole sentence."""
        if source is not None and source.sentence == facts.index and source.content \
                and source.content[0] >= source.cue[1]:
            # "X said on Monday that ...": what follows the cue, to the next speaker
            later = [a.source[0] if a.source else a.cue[0] for a in facts.attributions
                     if a.cue[0] > source.content[0]]
            return (source.content[0], min(later, default=facts.end))
        return (facts.start, facts.end)  # "..., according to X", "..., X said"

    def _scope(self, clause: tuple[int, int], pos: int, neighbours) -> tuple[int, int]:
        """Dates between the figures either side belong to the nearer figure: "71 leaders
        so far this year, compared with 215 in the whole of 2022"; and the phrase of a
        subtotal is its own ("132 killed, including two who died on Sunday")."""
        start, end = clause
        before, after, after_is_part, _first = neighbours
        if after is not None and start <= after < end and (
                after_is_part or self.when.dates_in(pos, after)):
            end = after
        if before is not None and start <= before < pos and self.when.dates_in(before, pos) \
                and not self.when.dates_in(pos, end):
            start = before
        return start, end

    def _place(self, clause: tuple[int, int], pos: int, neighbours) -> Place | None:
        """Where the counted loss happened: the place named in a locative phrase in the
        claim's clause, nearer to this figure than to the figures either side."""
        before, after, _part, _first = neighbours
        best = None
        for m in within(self.context.places, *clause):
            if not _IN_PLACE.search(self.text[max(clause[0], m.start - 30):m.start]):
                continue
            distance = abs(m.start - pos)
            if after is not None and abs(m.start - after) < distance or \
                    before is not None and abs(m.start - before) < distance:
                continue
            if best is None or distance < best[0]:
                best = (distance, m.place)
        return best[1] if best else None


_WEAK_BASES = frozenset({None, "agent", "own", "place", "inherited"})


def _share_list_subjects(claims: list[Claim], figures: list[Figure]) -> list[Claim]:
    """"destroyed 4 Merkava tanks and 2 armored personnel carriers of the Yi army": a
    list sharing one verb shares the one subject it names, among like items."""
    out = list(claims)
    groups: dict[int, list[int]] = {}
    for i, figure in enumerate(figures):
        groups.setdefault(figure.outcome_start, []).append(i)
    for members in groups.values():
        named = {out[i].subject.actor for i in members
                 if out[i].subject.basis == "explicit" and out[i].subject.actor}
        if len(named) != 1 or len(members) < 2:
            continue
        actor = named.pop()
        donor = next(out[i] for i in members if out[i].subject.actor == actor)
        for i in members:
            same_class = (out[i].item == "personnel") == (donor.item == "personnel")
            if out[i].subject.basis in _WEAK_BASES and same_class:
                subject = Subject(actor, out[i].subject.kind, donor.subject.text, "list")
                out[i] = replace(out[i], subject=subject)
    return out


def _speaks(source: Source, facts: SentenceFacts) -> bool:
    """Does a source take over the statement the report carries? One that names an actor
    does, and so does one whose words hold a figure; an unknown party's passing remark
    ("the hostile country is trying to refute ...") does not."""
    if source.claimant.actor is not None or source.content is None:
        return source.claimant.actor is not None or source.continues
    return any(source.content[0] <= o["quantity"][0] < source.content[1]
               for _f, o in facts.figures)


def _turns(figure: Figure, prior: Figure) -> bool:
    """A statement turns from what its side did to what it suffered ("killed 20 militants
    ... six soldiers were killed"), or from its losses to its spoils ("... 14 motorcycles
    were seized"): the new figure does not share the previous one's side."""
    passive_soldiers = figure.item == "personnel" and figure.kind == "military" \
        and figure.active_verb is None
    spoils = figure.outcome in ("seized", "captured") and prior.outcome not in (
        "seized", "captured")
    return passive_soldiers and prior.active_verb is not None or spoils


def _statement_key(source: Source | None) -> tuple:
    if source is None:
        return ()
    return (source.claimant.actor, source.claimant.name)


def _kind(own: str, other: str) -> str:
    return own if own != "unknown" else other
