"""A ministry's running loss list: a header, then one line per kind of loss.

    The total combat losses of the enemy from 24.02.2022 to 10.11.2022 were approximately:
    personnel ‒ about 79,990 (+590) persons were liquidated,
    tanks ‒ 2811 (+7),
    armoured combat vehicles ‒ 5676 (+7),
    ...

Each line gives two claims: the running total, over the period the header states (from its
first date to its last), and the day's change in brackets, over the header's last day. The
lines carry no verb: what they count is the header's loss noun (people killed, equipment
destroyed). Lines may also run on in one paragraph, separated by commas. No spaCy here:
the shape is read from the characters, and each line's item from the item lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Claim, Claimant, Period, Quantity, Span, Subject
from .lexicon import ItemEntry, items

# a header: a loss noun, then a colon ending the line or the phrase
_HEADER = re.compile(r"(?im)^[^\n]{0,200}?\b(?:losses|loss|casualties)\b[^\n:]{0,200}:")
_APPROX = re.compile(r"(?i)\b(?:approximately|about|around|some|roughly)\b")
_NUMBER = r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+"
_LINE = re.compile(
    r"[ \t]*(?:[-•*·][ \t]*)?(?P<item>[^\W\d_][^\n‒–—:(,;]{0,80}?)[ \t]*[‒–—:-]+[ \t]*"
    r"(?:(?P<approx>about|approximately|around|some|~)[ \t]*)?"
    rf"(?P<total>{_NUMBER})(?![\d])[ \t]*"
    rf"(?:\([ \t]*\+[ \t]*(?P<day>{_NUMBER})[ \t]*\))?"
    r"(?P<tail>[^\n,;]{0,60}?)[ \t]*(?:[,;.]|(?=\n)|$)", re.I)
_GAP = re.compile(r"[\s,;]*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]*\s+(?=[A-Z\"“])")
MIN_LINES = 3  # fewer lines than this is prose, not a loss list


@dataclass(frozen=True)
class ListLine:
    start: int  # character offsets of the line
    end: int
    item: ItemEntry
    total: tuple[int, int, int]  # value, start, end
    day: tuple[int, int, int] | None
    approx: bool


@dataclass(frozen=True)
class LossList:
    header: tuple[int, int]
    approx: bool  # "were approximately:"
    lines: tuple[ListLine, ...]


def find_loss_lists(text: str) -> list[LossList]:
    """Every loss list in ``text``: a header and at least three lines naming known items."""
    found = []
    for header in _HEADER.finditer(text):
        lines = _lines(text, header.end())
        if len(lines) >= MIN_LINES:
            # the header is the sentence that ends in the colon, not the whole line
            ends = [m.end() for m in _SENTENCE_END.finditer(text, header.start(), header.end())]
            start = ends[-1] if ends else header.start()
            approx = bool(_APPROX.search(text, start, header.end()))
            found.append(LossList((start, header.end()), approx, tuple(lines)))
    return found


def _lines(text: str, pos: int) -> list[ListLine]:
    lines: list[ListLine] = []
    while pos < len(text):
        pos = _GAP.match(text, pos).end()
        m = _LINE.match(text, pos)
        entry = classify(m.group("item")) if m else None
        if m is None or entry is None or m.end() == pos:
            break
        day = (_value(m.group("day")), m.start("day"), m.end("day")) if m.group("day") else None
        lines.append(ListLine(m.start(), m.end(), entry,
                              (_value(m.group("total")), m.start("total"), m.end("total")),
                              day, bool(m.group("approx"))))
        pos = m.end()
    return lines


def _value(number: str) -> int:
    return int(re.sub(r"\D", "", number))


def classify(phrase: str) -> ItemEntry | None:
    """The item a list line names ("armoured combat vehicles", "MLRS", "warships / boats"):
    the longest lexicon phrase among its words, naively singular."""
    words = _words(phrase)
    table = items()
    best: tuple[int, ItemEntry] | None = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            for key in _variants(words[i:j]):
                if key in table and (best is None or j - i > best[0]):
                    best = (j - i, table[key])
    return best[1] if best else None


def _words(phrase: str) -> list[str]:
    return re.sub(r"-(?=\w)", " - ", phrase.lower()).replace("/", " / ").split()


def _variants(words: list[str]) -> list[tuple[str, ...]]:
    """The words as written, and with the last one made singular ("tanks" -> "tank")."""
    last = words[-1]
    singular = last[:-3] + "y" if last.endswith("ies") and len(last) > 4 else \
        last[:-1] if last.endswith("s") and len(last) > 3 else last
    return [tuple(words), tuple(words[:-1]) + (singular,)]


@dataclass(frozen=True)
class ListContext:
    """What the report says around a list: who publishes it, whose losses it counts, the
    period of its totals (ISO dates from the header) and the day the statement was made."""

    claimant: Claimant
    subject: Subject
    since: str | None
    until: str | None
    stated_on: str | None = None


def list_claims(text: str, found: LossList, ctx: ListContext, first_id: int) -> list[Claim]:
    """Two claims per line, the running total and the day's change, numbered from
    ``first_id``; the change is a part of its total (``parent``)."""
    claims: list[Claim] = []
    for line in found.lines:
        outcome = "killed" if line.item.item == "personnel" else "destroyed"
        subject = Subject(ctx.subject.actor, line.item.kind if line.item.item == "personnel"
                          else "military", ctx.subject.text, ctx.subject.basis)
        qualifier = "approx" if found.approx or line.approx else "exact"
        total_id = f"C{first_id + len(claims)}"
        for figure, period, parent in ((line.total, Period(ctx.since, ctx.until), None),
                                       (line.day, Period(ctx.until, ctx.until), total_id)):
            if figure is None:
                continue
            value, start, end = figure
            claims.append(Claim(
                claimant=ctx.claimant, subject=subject, outcome=outcome, item=line.item.item,
                quantity=Quantity(value, qualifier, span=Span.of(text, start, end)),
                stated_on=ctx.stated_on, period=period, event_date=None, place=None,
                evidence=Span.of(text, line.start, line.end),
                id=f"C{first_id + len(claims)}", parent=parent, item_class=line.item.cls))
    return claims
