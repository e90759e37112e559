"""Turn figures into attributed claims: claimant, subject, dates, period.

Inputs are per-sentence analyses (figures, attributions, char offsets) and document-wide
resolutions (dates, actors, the start of the fighting). The rules, in the order a careful
coder applies them:

- **Claimant**: the source whose reported content holds the figure; else the source named
  elsewhere in the sentence; else the last source of the same statement, carried over the
  following sentences until another source speaks. No source, no claimant.
- **Subject** (whose losses): an actor named in the counted phrase ("Armenian soldiers",
  "of the Asian side", "enemy", "its own"); the subject of "lose"/"suffer"; a total's
  subject for its subtotal; else the previous claim of the same statement in the same
  or the previous sentence (a statement listing losses keeps its subject). Otherwise empty.
- **Dates**: ``stated_on`` from the date attached to the reporting verb; ``period`` from
  "since the outbreak ...", "from X to Y", "since X"; ``event_date`` from a day-precise
  date in the claim's own clause that is neither of those.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..records import Claim, Claimant, Period, Quantity, Span, Subject
from .figures import Figure

CARRY_SENTENCES = 3
_PERIOD_SINCE_OUTBREAK = re.compile(
    r"\bsince\s+the\s+(?:outbreak|start|beginning|onset|eruption)\b|"
    r"\bfrom\s+the\s+(?:outbreak|start|beginning|onset)\b|"
    r"\bsince\s+(?:the\s+)?(?:fighting|conflict|war|hostilities|clashes|offensive|invasion)\s+"
    r"(?:began|broke\s+out|erupted|started)", re.I)
_PERIOD_SINCE = re.compile(r"\b(?:since|from)\s+$", re.I)
_PERIOD_TO = re.compile(r"\b(?:to|until|till|through)\s+(?:the\s+\w+\s+of\s+)?$", re.I)
_PAST_DAY = re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+"
                       r"(?:24\s+hours|day|twenty-four\s+hours)\b", re.I)
_LOSER_VERBS = frozenset({"lose", "suffer", "sustain", "incur"})
_PRONOUNS_SELF = frozenset({"it", "we", "they", "he", "she", "its", "our", "their"})


@dataclass
class SentenceFacts:
    """What the pipeline learned about one sentence, in document character offsets."""

    index: int
    start: int
    end: int
    paragraph: int
    figures: list[tuple[Figure, dict]] = field(default_factory=list)  # figure, char offsets
    attributions: list = field(default_factory=list)  # Attribution, shifted to doc offsets
    loser_subjects: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    claimant: Claimant
    stated_on: str | None
    content: tuple[int, int] | None
    sentence: int


class ClaimBuilder:
    """Builds the claims of one document; holds the document-wide resolutions."""

    def __init__(self, text: str, dates: list, actors: list, resolve_actor, anchor: dt.date | None,
                 adversaries: dict[str, str]):
        self.text = text
        self.dates = sorted(dates, key=lambda d: d.start)
        self.actors = actors
        self.resolve_actor = resolve_actor  # phrase -> code
        self.anchor = anchor
        self.adversaries = adversaries
        self._last_named: Claimant | None = None

    # -- claimants -------------------------------------------------------------------

    def sources(self, facts: SentenceFacts) -> list[Source]:
        out = []
        for attr in facts.attributions:
            if attr.source is None:
                continue
            out.append(Source(self._claimant(attr, out), self._stated_on(attr),
                              attr.content, facts.index))
        return out

    def _claimant(self, attr, earlier: list[Source]) -> Claimant:
        s, e = attr.source
        if attr.pronoun and self._last_named is not None:
            return Claimant(**{**self._last_named.__dict__, "span": Span.of(self.text, s, e),
                               "attribution": "explicit"})
        head = attr.source_head or attr.source
        name = _strip_det(self.text[head[0]:head[1]])
        code = self.resolve_actor(self.text[s:e]) or self.resolve_actor(name)
        person = self.text[attr.person[0]:attr.person[1]] if attr.person else None
        claimant = Claimant(code, name, person, attr.role, Span.of(self.text, s, e), "explicit")
        if code is not None or not attr.pronoun:
            self._last_named = claimant
        return claimant

    def _stated_on(self, attr) -> str | None:
        if attr.stated_date is None:
            return None
        s, e = attr.stated_date
        for mention in self.dates:
            if mention.start < e and s < mention.end:
                return self._day_of(mention)
        return None

    def _day_of(self, mention) -> str | None:
        if mention.kind == "same_day":
            before = [d for d in self.dates if d.end <= mention.start and d.precision == "day"
                      and d.start_date is not None]
            return before[-1].start_date.isoformat() if before else None
        if mention.precision == "day" and mention.start_date is not None:
            return mention.start_date.isoformat()
        return None

    # -- claims ----------------------------------------------------------------------

    def build(self, sentences: list[SentenceFacts]) -> list[Claim]:
        claims: list[Claim] = []
        statement: Source | None = None
        last_in_statement: dict[int, tuple[Claim, int]] = {}
        for facts in sentences:
            here = self.sources(facts)
            if here:
                statement = here[-1]
            elif statement is not None and facts.index - statement.sentence > CARRY_SENTENCES:
                statement = None
            local: list[Claim] = []
            for figure, offsets in facts.figures:
                source = self._source_for(offsets["quantity"][0], here, statement)
                claim = self._claim(figure, offsets, facts, source, local, last_in_statement,
                                    len(claims) + len(local))
                local.append(claim)
                last_in_statement[_statement_key(source)] = (claim, facts.index)
            claims.extend(local)
        return claims

    def _source_for(self, pos: int, here: list[Source], statement: Source | None):
        inside = [s for s in here if s.content and s.content[0] <= pos < s.content[1]]
        if inside:
            return min(inside, key=lambda s: s.content[1] - s.content[0])
        if here:
            return min(here, key=lambda s: abs((s.claimant.span.start if s.claimant.span
                                                else 0) - pos))
        return statement

    def _claim(self, figure: Figure, offsets: dict, facts: SentenceFacts,
               source: Source | None, local: list[Claim], last_in_statement: dict,
               number: int) -> Claim:
        claimant = Claimant()
        stated_on = None
        if source is not None:
            carried = source.sentence != facts.index
            claimant = Claimant(**{**source.claimant.__dict__,
                                   "attribution": "carried" if carried else "explicit"})
            stated_on = source.stated_on
        subject = self._subject(figure, offsets, facts, claimant, local, last_in_statement,
                                source)
        qs, qe = offsets["quantity"]
        q = figure.quantity
        quantity = Quantity(q.value, q.qualifier, q.low, q.high, Span.of(self.text, qs, qe))
        es, ee = offsets["evidence"]
        parent = local[figure.parent].id if figure.parent is not None and \
            figure.parent < len(local) else None
        return Claim(
            claimant=claimant, subject=subject, outcome=figure.outcome, item=figure.item,
            quantity=quantity, stated_on=stated_on,
            period=self._period(facts, offsets, stated_on, source),
            event_date=self._event_date(facts, offsets, source),
            place=None, evidence=Span.of(self.text, es, ee), id=f"C{number + 1}",
            parent=parent,
        )

    # -- subjects --------------------------------------------------------------------

    def _subject(self, figure, offsets, facts, claimant, local, last_in_statement, source
                 ) -> Subject:
        kind = figure.kind
        span = offsets.get("subject")
        found = self._actor_in(span) if span else None
        if found is not None:
            return self._subject_from(found, kind, claimant, span)
        loser = offsets.get("loser")
        if loser is not None:
            found = self._actor_in(loser)
            if found is not None:
                return self._subject_from(found, kind, claimant, loser)
            if self.text[loser[0]:loser[1]].lower() in _PRONOUNS_SELF and claimant.actor:
                return Subject(claimant.actor, kind, self.text[loser[0]:loser[1]], "self")
        if figure.parent is not None and figure.parent < len(local):
            total = local[figure.parent].subject
            return Subject(total.actor, _kind(kind, total.kind), total.text, "total")
        previous = last_in_statement.get(_statement_key(source))
        if source is not None and previous and facts.index - previous[1] <= 1:
            prior = previous[0].subject
            if prior.actor is not None:
                return Subject(prior.actor, _kind(kind, prior.kind), prior.text, "inherited")
        return Subject(None, kind, None, None)

    def _actor_in(self, span: tuple[int, int]):
        for mention in self.actors:
            inside = span[0] <= mention.start and mention.end <= span[1]
            if inside and (mention.code is not None or mention.kind in ("enemy", "self")):
                return mention
        return None

    def _subject_from(self, mention, kind: str, claimant: Claimant, span) -> Subject:
        text = self.text[span[0]:span[1]].strip()
        if mention.kind == "enemy":
            code = self.adversaries.get(claimant.actor) if claimant.actor else None
            return Subject(code, kind, text, "enemy")
        if mention.kind == "self":
            return Subject(claimant.actor, kind, text, "self")
        if mention.military and kind == "unknown":
            kind = "military"
        return Subject(mention.code, kind, text, "explicit")

    # -- dates -----------------------------------------------------------------------

    def _dates_in(self, start: int, end: int) -> list:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def _period(self, facts: SentenceFacts, offsets: dict, stated_on: str | None,
                source: Source | None) -> Period | None:
        clause = self._clause(facts, offsets, source)
        text = self.text[clause[0]:clause[1]]
        start = end = None
        if _PERIOD_SINCE_OUTBREAK.search(text) and self.anchor is not None:
            start = self.anchor.isoformat()
        for mention in self._dates_in(*clause):
            lead = self.text[max(clause[0], mention.start - 20):mention.start]
            day = self._day_of(mention) or (mention.start_date.isoformat()
                                            if mention.start_date else None)
            if _PERIOD_SINCE.search(lead) and start is None:
                start = day
            elif _PERIOD_TO.search(lead) and start is not None:
                end = day
        if start is None and _PAST_DAY.search(text) and stated_on:
            day = dt.date.fromisoformat(stated_on)
            start, end = (day - dt.timedelta(days=1)).isoformat(), stated_on
        if start is None:
            return None
        return Period(start, end or stated_on)

    def _clause(self, facts: SentenceFacts, offsets: dict, source: Source | None
                ) -> tuple[int, int]:
        """The part of the sentence the claim's dates can come from: the reported content
        when the source is in this sentence, else the whole sentence."""
        if source is not None and source.sentence == facts.index and source.content:
            return source.content
        return (facts.start, facts.end)

    def _event_date(self, facts: SentenceFacts, offsets: dict, source: Source | None
                    ) -> str | None:
        clause = self._clause(facts, offsets, source)
        stated = [a.stated_date for a in facts.attributions if a.stated_date]
        for mention in self._dates_in(*clause):
            lead = self.text[max(clause[0], mention.start - 20):mention.start]
            if _PERIOD_SINCE.search(lead) or _PERIOD_TO.search(lead):
                continue
            if any(s < mention.end and mention.start < e for s, e in stated):
                continue
            if mention.kind in ("ordinal_day", "ref", "year", "month"):
                continue
            if _in_period_phrase(self.text, mention):
                continue
            day = self._day_of(mention)
            if day is not None:
                return day
        return None


def _in_period_phrase(text: str, mention) -> bool:
    lead = text[max(0, mention.start - 45):mention.start].lower()
    return bool(re.search(r"(outbreak|start|beginning|onset) of the \w+( \w+)? (on|in)\s*$", lead))


def _statement_key(source: Source | None) -> tuple:
    if source is None:
        return ()
    return (source.claimant.actor, source.claimant.name)


def _kind(own: str, other: str) -> str:
    return own if own != "unknown" else other


def _strip_det(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).strip(" ,")
