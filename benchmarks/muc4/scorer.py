"""Score MUC-4 response templates against an answer key, as the 1992 scorer did.

Per message, response templates are mapped to key templates (``map_templates``); in a
mapped pair each slot's response fillers are paired with key fillers (``score_slot``).
Unmapped key templates are missing, unmapped response templates spurious.

Whether one filler matches another is a ``Judge``'s call. ``ProgramJudge`` holds what
the 1992 program decided by itself (exact matches after dropping nonessential words,
the automatic partial credit of the scoring guidelines, cross-reference tags checked
against their referents) and leaves the rest, which it asked a human about, to
``human``: ``AutomaticJudge`` answers with the deterministic rules of
``scoring-guidelines.v7`` (``compare_values``); ``history.ReplayJudge`` with the
judgments the 1992 scorers recorded.

Counts, as in the official reports: POS (key fillers), ACT (response fillers), COR,
PAR, INC, ICR/IPA (correct/partial by a human judgment), SPU, MIS, NON (both empty).
Recall = (COR + 0.5 PAR) / POS, precision = (COR + 0.5 PAR) / ACT,
overgeneration = SPU / ACT.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace

from benchmarks.muc4.templates import (
    SCORED_SLOTS,
    SLOT_KIND,
    Fill,
    Location,
    Message,
    Range,
    Str,
    Sym,
    Template,
    Value,
)

GROUPS: dict[str, tuple[str, ...]] = {
    "inc-total": ("inc-date", "inc-loc", "inc-type", "inc-stage", "inc-instr-id",
                  "inc-instr-type"),
    "perp-total": ("perp-inc-cat", "perp-ind-id", "perp-org-id", "perp-org-conf"),
    "phys-tgt-total": ("phys-tgt-id", "phys-tgt-type", "phys-tgt-num", "phys-tgt-nation",
                       "phys-tgt-effect", "phys-tgt-total-num"),
    "hum-tgt-total": ("hum-tgt-name", "hum-tgt-desc", "hum-tgt-type", "hum-tgt-num",
                      "hum-tgt-nation", "hum-tgt-effect", "hum-tgt-total-num"),
}
SET_SLOTS = tuple(s for s in SCORED_SLOTS if SLOT_KIND[s] == "set")
STRING_SLOTS = tuple(s for s in SCORED_SLOTS if SLOT_KIND[s] == "string")
# A (partial) match in one of these lets a response template map to a key template
# (guidelines 3.2.1), besides one on the incident type.
MAPPING_SLOTS = ("perp-ind-id", "perp-org-id", "phys-tgt-id", "phys-tgt-type",
                 "hum-tgt-name", "hum-tgt-desc", "hum-tgt-type")
# The slot(s) whose fillers a cross-reference tag names.
REFERENT = {
    "inc-instr-type": ("inc-instr-id",), "perp-org-conf": ("perp-org-id",),
    "phys-tgt-type": ("phys-tgt-id",), "phys-tgt-num": ("phys-tgt-id",),
    "phys-tgt-nation": ("phys-tgt-id",), "phys-tgt-effect": ("phys-tgt-id",),
    "hum-tgt-desc": ("hum-tgt-name",),
    "hum-tgt-type": ("hum-tgt-name", "hum-tgt-desc"),
    "hum-tgt-num": ("hum-tgt-name", "hum-tgt-desc"),
    "hum-tgt-nation": ("hum-tgt-name", "hum-tgt-desc"),
    "hum-tgt-effect": ("hum-tgt-name", "hum-tgt-desc"),
}
MATCH, PARTIAL, FAIL = "match", "partial", "fail"
_RANK = {FAIL: 0, PARTIAL: 1, MATCH: 2}
# Pair statuses that count; an unmatched optional key template ("optional") does not.
# "irrelevant" marks a message both sides left without (required) templates: it only
# counts as NON in the template-id row.
COUNTED = ("matched", "missing", "spurious", "irrelevant")


def percent(value: float) -> int:
    """Round a percentage as the official reports print it (half up)."""
    return math.floor(value + 0.5)


@dataclass(frozen=True)
class Tally:
    """The official counts for one slot, or summed over slots and templates."""

    pos: int = 0
    act: int = 0
    cor: int = 0
    par: int = 0
    inc: int = 0
    icr: int = 0
    ipa: int = 0
    spu: int = 0
    mis: int = 0
    non: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def credit(self) -> float:
        return self.cor + 0.5 * self.par

    @property
    def recall(self) -> float | None:
        return 100.0 * self.credit / self.pos if self.pos else None

    @property
    def precision(self) -> float | None:
        return 100.0 * self.credit / self.act if self.act else None

    @property
    def overgeneration(self) -> float | None:
        return 100.0 * self.spu / self.act if self.act else None

    def f(self, beta: float = 1.0) -> float:
        """F-measure from recall and precision rounded to whole percentages.

        The 1992 reports computed F from the printed (rounded) figures: GE's
        ALL TEMPLATES 62/53 gives the official 57.15, the exact ratios 57.05.
        """
        if self.recall is None or self.precision is None:
            return 0.0
        r, p = percent(self.recall), percent(self.precision)
        if r + p == 0:
            return 0.0
        b2 = beta * beta
        return (b2 + 1) * p * r / (b2 * p + r)


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for tally in tallies:
        out = out + tally
    return out


@dataclass(frozen=True)
class Verdict:
    """How a response filler compares with a key filler; ``human`` if a person said so.

    ``shared`` lists the key fillers of a "distributed" partial (guidelines 3.1.1.3): one
    response filler partially correct for several key fillers.
    """

    result: str
    human: bool = False
    shared: tuple[Fill, ...] = ()
    referent: bool = False  # a tag that is right through its referent's judgment
    wrong_tag: bool = False  # partial credit by rule for a set fill whose tag is not right

    @property
    def credit(self) -> float:
        return {MATCH: 1.0, PARTIAL: 0.5}.get(self.result, 0.0)


@dataclass(frozen=True)
class Context:
    """Where a comparison happens: message, slot, and the two templates."""

    message_id: str
    key: Template
    response: Template
    slot: str

    def at(self, slot: str) -> Context:
        return Context(self.message_id, self.key, self.response, slot)


Judge = Callable[[Context, Fill, Fill], Verdict]


class ProgramJudge:
    """What the 1992 program decided alone; ``human`` stands in for the scorer it asked."""

    def __call__(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        verdict = self.program(ctx, key, response)
        return verdict if verdict is not None else self.human(ctx, key, response)

    def program(self, ctx: Context, key: Fill, response: Fill) -> Verdict | None:
        """The program's own verdict, or None where it would ask."""
        kind = SLOT_KIND[ctx.slot]
        if kind == "set":
            if values_match(key, response):
                tag = self.tag(ctx, key, response)
                return tag if tag.result != FAIL else None
            if set_partial(ctx.slot, key, response):
                # guidelines 3.2.4-3.2.23: automatic, whatever the tag
                right = self.tag(ctx, key, response).result == MATCH
                return Verdict(PARTIAL, wrong_tag=not right)
            return Verdict(FAIL)
        if values_match(key, response):
            tag = self.tag(ctx, key, response)
            if tag.result != FAIL:
                return tag
        if kind == "location" and _same_country(key.values, response.values):
            return Verdict(PARTIAL)  # guidelines 3.2.3, the automatic case
        return None

    def tag(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        """Is the response's cross-reference tag the key's? Equal text, or a referent
        judged to match (full credit) or to match partially (partial credit)."""
        if key.tags is None and response.tags is None:
            return Verdict(MATCH)
        if not key.tags or not response.tags:
            return Verdict(FAIL)
        if any(same_value(k, r) for k in key.tags for r in response.tags):
            return Verdict(MATCH)
        return self.referent(ctx, key, response)

    def referent(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        return Verdict(FAIL)

    def human(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        return Verdict(FAIL)


class AutomaticJudge(ProgramJudge):
    """The program, with the guidelines' deterministic rules where it asked a human."""

    def referent(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        return Verdict(compare_tags(key.tags or (), response.tags or ()))

    def human(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        value = compare_values(SLOT_KIND[ctx.slot], key.values, response.values)
        if value == FAIL:
            return Verdict(FAIL)
        tag = self.tag(ctx, key, response).result
        if value == MATCH and tag == MATCH:
            return Verdict(MATCH)
        # correct value, wrong tag; or partial value (guidelines 3.1.2, 3.2.19)
        return Verdict(PARTIAL)


# ---------------------------------------------------- the program's comparisons

# Words the 1992 program ignored when comparing strings ("nonessential modifiers",
# guidelines 3.1.1.1): found by checking its automatic matches on TST4 ("A GROUP
# TERRORISTS" matched "GROUP OF TERRORISTS", "TWO MORE ENGINEERS" "ENGINEERS",
# "5 BUSES" "BUSES", "SEVERAL POLICEMEN" "POLICEMEN"; "43 PEASANTS" and "15 CIVILIANS"
# went to a human). Demonstratives too: PRC's "GOVERNMENT OFFICIALS" and PMAX's
# "INJURED" got the judgments recorded for "THESE GOVERNMENT OFFICIALS" and
# "THOSE INJURED".
NONESSENTIAL = frozenset({
    "A", "AN", "THE", "OF", "ANY", "ANOTHER", "SOME", "MORE", "SEVERAL", "THESE", "THOSE",
    "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN",
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text.strip().upper())


def normalize_string(text: str) -> str:
    return " ".join(w for w in normalize(text).split(" ") if w not in NONESSENTIAL)


def canon(value: Value) -> Value:
    """A value as the 1992 program compared it: upper case, single spaces, strings
    without nonessential words."""
    if isinstance(value, Str):
        return Str(normalize_string(value.text))
    if isinstance(value, Sym):
        return Sym(normalize(value.text))
    return value


def same_value(a: Value, b: Value) -> bool:
    return canon(a) == canon(b)


def tags_of(fill: Fill) -> set[Value]:
    """A filler's cross-reference tags, as the program compared them."""
    return {canon(t) for t in fill.tags or ()}


def same_fill(a: Fill, b: Fill) -> bool:
    """Same values and tags, compared as the program compared them."""
    return ({canon(v) for v in a.values} == {canon(v) for v in b.values}
            and tags_of(a) == tags_of(b))


def holds(key: Fill, recorded: Fill) -> bool:
    """Is ``recorded`` (a key filler a human judged against) this key filler? Same tags,
    and its values among the key filler's: the 1992 key may list fewer alternatives
    than the key scored now (see ``key1992``), never different ones."""
    mine = {canon(v) for v in key.values}
    return tags_of(recorded) == tags_of(key) and all(canon(v) in mine for v in recorded.values)


def values_match(key: Fill, response: Fill) -> bool:
    return any(same_value(k, r) for k in key.values for r in response.values)


# Shallow hierarchy of instrument types (template doc, slot 7): child -> parent.
_INSTRUMENT_PARENT = {
    "MACHINE GUN": "GUN", "MORTAR": "GUN", "HANDGUN": "GUN", "RIFLE": "GUN",
    "BOMB": "EXPLOSIVE", "VEHICLE BOMB": "BOMB", "DYNAMITE": "BOMB", "MINE": "BOMB",
    "AERIAL BOMB": "BOMB", "GRENADE": "EXPLOSIVE", "MOLOTOV COCKTAIL": "EXPLOSIVE",
    "MISSILE": "PROJECTILE", "ROCKET": "PROJECTILE",
}
# (slot, response, key) set fills worth automatic partial credit (guidelines 3.2.x).
_SET_PARTIALS = frozenset({
    ("perp-org-conf", "SUSPECTED OR ACCUSED", "SUSPECTED OR ACCUSED BY AUTHORITIES"),
    ("phys-tgt-type", "POLITICAL FIGURE OFFICE OR RESIDENCE", "GOVERNMENT OFFICE OR RESIDENCE"),
    ("phys-tgt-effect", "DESTROYED", "SOME DAMAGE"),
    ("hum-tgt-type", "GOVERNMENT OFFICIAL", "FORMER GOVERNMENT OFFICIAL"),
    ("hum-tgt-type", "ACTIVE MILITARY", "FORMER ACTIVE MILITARY"),
    ("hum-tgt-type", "POLITICAL FIGURE", "GOVERNMENT OFFICIAL"),
    ("hum-tgt-effect", "NO INJURY", "NO INJURY OR DEATH"),
    ("hum-tgt-effect", "NO DEATH", "NO INJURY OR DEATH"),
})


def _instrument_ancestors(value: str) -> set[str]:
    out: set[str] = set()
    while value in _INSTRUMENT_PARENT:
        value = _INSTRUMENT_PARENT[value]
        out.add(value)
    return out


def set_partial(slot: str, key: Fill, response: Fill) -> bool:
    """The set-fill partial credit the program gave by itself: ATTACK for any incident
    type, a more general instrument type, and the pairs in ``_SET_PARTIALS``.

    Only against a key without alternatives: with ``NO INJURY OR DEATH / NO DEATH`` the
    1992 program counted ``NO INJURY`` incorrect.
    """
    if len(key.values) != 1 or not isinstance(key.values[0], Sym):
        return False
    wanted = normalize(key.values[0].text)
    for value in response.values:
        given = normalize(value.text) if isinstance(value, Sym) else ""
        if slot == "inc-type" and given == "ATTACK":
            return True
        if slot == "inc-instr-type" and given in _instrument_ancestors(wanted):
            return True
        if (slot, given, wanted) in _SET_PARTIALS:
            return True
    return False


def _same_country(keys: Sequence[Value], responses: Sequence[Value]) -> bool:
    """Right country, place missing or wrong: automatic partial credit (3.2.3)."""
    return any(isinstance(k, Location) and isinstance(r, Location) and k.places
               and normalize(k.country) == normalize(r.country)
               for k in keys for r in responses)


# ------------------------------------------- the guidelines' rules for a human's call

_WORD = re.compile(r"[A-Z0-9]+")
_MONTHS = {month: number for number, month in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
_DATE = re.compile(r"^(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?\s+(\d{2}|\d{4})$")
_NUMBER = re.compile(r"^(~)?\s*(\d+)?\s*(-)?\s*(\d+)?$")
# A response naming the key phrase and then a few words more (no comma) still names
# it ("NATIONAL VANGUARD OFFICES IN THIS CITY"); longer tails are adjuncts (3.1.1.2).
_SHORT_TAIL = 4


def compare_values(kind: str, keys: Sequence[Value], responses: Sequence[Value]) -> str:
    """The best verdict of any response value against any key alternative."""
    best = FAIL
    for key in keys:
        for response in responses:
            result = _compare(kind, key, response)
            if _RANK[result] > _RANK[best]:
                best = result
    return best


def compare_tags(keys: Sequence[Str | Sym], responses: Sequence[Str | Sym]) -> str:
    """A cross-reference tag against the key's, judged like the referent string."""
    best = FAIL
    for key in keys:
        for response in responses:
            if normalize(key.text) == "-" or normalize(response.text) == "-":
                result = MATCH if normalize(key.text) == normalize(response.text) else FAIL
            else:
                result = compare_strings(key.text, response.text)
            if _RANK[result] > _RANK[best]:
                best = result
    return best


def _compare(kind: str, key: Value, response: Value) -> str:
    if kind == "string" and isinstance(key, Str) and isinstance(response, Str):
        return compare_strings(key.text, response.text)
    if kind == "date":
        return compare_dates(key, response)
    if kind == "number" and isinstance(key, Sym) and isinstance(response, Sym):
        return compare_numbers(key.text, response.text)
    if kind == "location" and isinstance(key, Location) and isinstance(response, Location):
        return compare_locations(key, response)
    return MATCH if same_value(key, response) else FAIL


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.upper()) if w not in NONESSENTIAL]


def _find(part: list[str], whole: list[str]) -> int:
    for i in range(len(whole) - len(part) + 1):
        if whole[i:i + len(part)] == part:
            return i
    return -1


def compare_strings(key: str, response: str) -> str:
    """String fills (3.1.1): the same words; the key phrase with modifiers around it;
    a part of the key (a shorter name); or the same head noun ("consistent but inferior
    general strings") - words compared without punctuation or nonessential words."""
    k, r = _words(key), _words(response)
    if not k or not r:
        return FAIL
    if k == r:
        return MATCH
    at = _find(k, r)
    if at >= 0:
        tail = len(r) - at - len(k)
        if tail == 0 or (tail <= _SHORT_TAIL and "," not in response):
            return MATCH
        return PARTIAL
    if _find(r, k) >= 0 or r[-1] == k[-1]:
        return PARTIAL
    return FAIL


def _date(text: str | None) -> datetime.date | None:
    match = _DATE.match(normalize(text or ""))
    if not match or match.group(2) not in _MONTHS:
        return None
    year = int(match.group(3))
    try:
        return datetime.date(year + 1900 if year < 100 else year, _MONTHS[match.group(2)],
                             int(match.group(1)))
    except ValueError:
        return None


def _date_span(value: Value) -> tuple[datetime.date | None, datetime.date | None, bool]:
    """(low, high, default-looking); a simple date is low == high."""
    if isinstance(value, Range):
        return _date(value.low), _date(value.high), value.low is None
    if isinstance(value, Sym):
        day = _date(value.text)
        return day, day, False
    return None, None, False


def compare_dates(key: Value, response: Value) -> str:
    """Dates (3.2.2): the same date in any spelling; partial for a date inside the key's
    range, and for a default-looking ``- DATE`` whose anchor is the key's upper one."""
    k_low, k_high, k_default = _date_span(key)
    r_low, r_high, r_default = _date_span(response)
    if k_high is None or r_high is None:
        return FAIL
    if (k_low, k_high, k_default) == (r_low, r_high, r_default):
        return MATCH
    response_simple = r_low == r_high and not r_default
    key_range = k_low != k_high or k_default
    if response_simple and key_range and (k_low or datetime.date.min) <= r_high <= k_high:
        return PARTIAL
    if r_default and r_high == k_high:
        return PARTIAL
    return FAIL


def _number(text: str) -> tuple:
    cleaned = normalize(text).replace(",", "")
    match = _NUMBER.match(cleaned)
    if cleaned == "PLURAL" or not match or not (match.group(2) or match.group(4)):
        return ("word", cleaned)
    approx, low, dash, high = match.groups()
    if dash:
        return ("range", int(low) if low else None, int(high) if high else None)
    return ("approx" if approx else "exact", int(low))


def compare_numbers(key: str, response: str) -> str:
    """Numbers (3.2.14, 3.2.17): partial for one number that anchors the key's range,
    or that the key gives as approximate (``~7``)."""
    k, r = _number(key), _number(response)
    if k == r:
        return MATCH
    if r[0] == "exact" and ((k[0] == "range" and r[1] in k[1:]) or k == ("approx", r[1])):
        return PARTIAL
    return FAIL


def compare_locations(key: Location, response: Location) -> str:
    """Locations (3.2.3): partial for the right country with a missing or wrong place,
    and for the right places in the wrong country."""
    if normalize(key.country) == normalize(response.country):
        return MATCH if key.places == response.places else PARTIAL
    return PARTIAL if key.places and key.places == response.places else FAIL


@dataclass(frozen=True)
class PairScore:
    """One key template / response template pair (either may be None) and its tallies."""

    message_id: str
    key_id: str | None
    response_id: str | None
    status: str  # matched, missing, spurious, optional
    slots: dict[str, Tally]


@dataclass(frozen=True)
class Score:
    """All pair scores of a run, with the official total rows."""

    pairs: tuple[PairScore, ...]

    def slot(self, slot: str, statuses: Sequence[str] = COUNTED) -> Tally:
        """A slot's tally over the pairs of the given statuses (all counted ones)."""
        return total(p.slots[slot] for p in self.pairs if p.status in statuses)

    def group(self, group: str) -> Tally:
        return total(self.slot(s) for s in GROUPS[group])

    def rows(self, statuses: Sequence[str], slots: Sequence[str] = SCORED_SLOTS) -> Tally:
        return total(self.slot(s, statuses) for s in slots)

    @property
    def all_templates(self) -> Tally:
        return self.rows(COUNTED)

    def summary(self) -> dict[str, Tally]:
        return {
            "MATCHED/MISSING": self.rows(("matched", "missing")),
            "MATCHED/SPURIOUS": self.rows(("matched", "spurious")),
            "MATCHED ONLY": self.rows(("matched",)),
            "ALL TEMPLATES": self.rows(COUNTED),
            "SET FILLS ONLY": self.rows(("matched", "missing"), SET_SLOTS),
            "STRING FILLS ONLY": self.rows(("matched", "missing"), STRING_SLOTS),
        }


# ---------------------------------------------------------------- slot scoring


def score_slot(ctx: Context, keys: Sequence[Fill], responses: Sequence[Fill],
               judge: Judge) -> Tally:
    """Pair one slot's fillers as the 1992 scorer did, then count.

    Exact (program) matches pair first, in response order (see ``_program_pick``); then
    each remaining response filler takes the first remaining key filler with the best
    verdict. A distributed partial pairs with all its key fillers and counts once per key
    filler. Leftover
    key and response fillers pair up as incorrect; the rest are missing (optional key
    fillers excepted) or spurious.
    """
    if not responses and (not keys or (len(keys) == 1 and keys[0].optional)):
        return Tally(non=1)
    verdicts = [[judge(ctx, k, r) for k in keys] for r in responses]
    owner: dict[int, Verdict] = {}  # key filler index -> verdict of its response filler
    done: set[int] = set()
    extra = 0
    for ri, row in enumerate(verdicts):
        matches = [ki for ki, verdict in enumerate(row)
                   if ki not in owner and verdict.result == MATCH and not verdict.human]
        if matches:
            ki, verdict = _program_pick(keys, row, matches)
            owner[ki] = verdict
            done.add(ri)
    for ri, row in enumerate(verdicts):
        if ri in done:
            continue
        open_keys = [ki for ki in range(len(keys))
                     if ki not in owner and _credits(keys[ki], row[ki])]
        if not open_keys:
            continue
        # equal credit: the key filler the tag names, then the first
        best = max(open_keys, key=lambda ki: (row[ki].credit, not row[ki].wrong_tag, -ki))
        verdict = row[best]
        owner[best] = verdict
        done.add(ri)
        for kj, other in enumerate(keys):
            if kj not in owner and any(holds(other, s) for s in verdict.shared):
                owner[kj] = verdict
                extra += 1
    return _count(keys, owner, len(responses), len(responses) - len(done), extra)


def _credits(key: Fill, verdict: Verdict) -> bool:
    """Does the verdict earn credit for this key filler? A set fill's partial credit by
    rule does not for an optional key filler unless its tag names that filler: in the
    TST4 reports the response then counts incorrect (NM-BR's untagged SOME DAMAGE in
    0040 and 0078, GE's EXPLOSIVE: "ANTIEXPLOSIVES" for an optional BOMB: "BOMB" in
    0019), while it earns the partial against required fillers."""
    return verdict.credit > 0 and not (key.optional and verdict.wrong_tag)


def _program_pick(keys: Sequence[Fill], row: Sequence[Verdict],
                  matches: Sequence[int]) -> tuple[int, Verdict]:
    """The key filler an exact match pairs with: the first, unless the tag is right only
    through its referent and other key fillers carry the same tag. Then the program
    could not tell which key filler the response meant and asked the scorer (counted
    ICR), who took the last candidate (TST4 0015, 0056 and 0061, in every report)."""
    first = matches[0]
    if row[first].referent and _tag_repeated(keys, first):
        last = matches[-1]
        return last, replace(row[last], human=True)
    return first, row[first]


def _tag_repeated(keys: Sequence[Fill], index: int) -> bool:
    mine = tags_of(keys[index])
    return any(tags_of(other) == mine for i, other in enumerate(keys) if i != index)


def _count(keys: Sequence[Fill], owner: Mapping[int, Verdict], act: int, left: int,
           extra: int) -> Tally:
    cor = sum(1 for v in owner.values() if v.result == MATCH)
    unpaired = [k for i, k in enumerate(keys) if i not in owner]
    required = sum(1 for k in unpaired if not k.optional)
    # Leftover response fillers pair with leftover key fillers, optional ones included.
    inc = min(len(unpaired), left)
    return Tally(
        pos=len(owner) + required + max(0, inc - required),
        act=act + extra,
        cor=cor,
        par=len(owner) - cor,
        inc=inc,
        icr=sum(1 for v in owner.values() if v.result == MATCH and v.human),
        ipa=sum(1 for v in owner.values() if v.result == PARTIAL and v.human),
        spu=left - inc,
        mis=required - min(inc, required),
    )


# ------------------------------------------------------------ template scoring


def score_pair(message_id: str, key: Template, response: Template, judge: Judge) -> PairScore:
    slots = {"template-id": Tally(pos=1, act=1, cor=1)}
    for slot in SCORED_SLOTS:
        ctx = Context(message_id, key, response, slot)
        slots[slot] = score_slot(ctx, key.fills(slot), response.fills(slot), judge)
    return PairScore(message_id, key.template_id, response.template_id, "matched", slots)


def missing(message_id: str, key: Template) -> PairScore:
    """An unmapped key template: its required fillers are missing."""
    slots = {"template-id": Tally(pos=1, mis=1)}
    for slot in SCORED_SLOTS:
        fills = key.fills(slot)
        required = sum(1 for f in fills if not f.optional)
        if required:
            slots[slot] = Tally(pos=required, mis=required)
        else:
            slots[slot] = Tally(non=1) if len(fills) <= 1 else Tally()
    status = "optional" if key.optional else "missing"
    return PairScore(message_id, key.template_id, None, status, slots)


def spurious(message_id: str, response: Template) -> PairScore:
    """An unmapped response template: all its fillers are spurious."""
    slots = {"template-id": Tally(act=1, spu=1)}
    for slot in SCORED_SLOTS:
        count = len(response.fills(slot))
        slots[slot] = Tally(act=count, spu=count) if count else Tally(non=1)
    return PairScore(message_id, None, response.template_id, "spurious", slots)


def irrelevant(message_id: str) -> PairScore:
    """A message with no required key template and no response template."""
    slots = {slot: Tally() for slot in SCORED_SLOTS}
    slots["template-id"] = Tally(non=1)
    return PairScore(message_id, None, None, "irrelevant", slots)


def mappable(pair: PairScore) -> bool:
    """The content condition for mapping (guidelines 3.2.1): at least a partial match on
    the incident type, and on a perpetrator id, a physical target or a human target."""
    def credited(slot: str) -> bool:
        tally = pair.slots[slot]
        return tally.cor + tally.par > 0

    return credited("inc-type") and any(credited(s) for s in MAPPING_SLOTS)


def _template_number(template: Template) -> tuple[int, str]:
    digits = template.template_id.strip()
    return (int(digits), "") if digits.isdigit() else (1 << 30, digits)


TemplatePairs = Sequence[tuple[str, str]]


def map_templates(message_id: str, keys: Sequence[Template], responses: Sequence[Template],
                  judge: Judge, forced: TemplatePairs | None = None) -> list[PairScore]:
    """Map response templates to key templates, then score every pair and leftover.

    Candidate pairs must meet the content condition; the pair with the highest recall
    is mapped first, then the best of the rest, and so on, ties going to the lower
    template numbers. On TST4 this reproduces 1992's mapping on 94% of the messages
    where there was a choice; scorers remapped some by hand. ``forced`` replays a
    given mapping instead: (key template id, response template id) pairs.
    """
    if not responses and all(k.optional for k in keys):
        return [irrelevant(message_id)]
    keys = sorted(keys, key=_template_number)
    responses = sorted(responses, key=_template_number)
    scored = {(i, j): score_pair(message_id, k, r, judge)
              for i, k in enumerate(keys) for j, r in enumerate(responses)}
    if forced is not None:
        wanted = set(forced)
        chosen = [(i, j) for (i, j) in scored
                  if (keys[i].template_id, responses[j].template_id) in wanted]
    else:
        ranked = sorted((-_recall(pair), i, j) for (i, j), pair in scored.items()
                        if mappable(pair))
        chosen = [(i, j) for _, i, j in ranked]
    out: list[PairScore] = []
    mapped_keys: set[int] = set()
    mapped_responses: set[int] = set()
    for i, j in chosen:
        if i in mapped_keys or j in mapped_responses:
            continue
        out.append(scored[i, j])
        mapped_keys.add(i)
        mapped_responses.add(j)
    out.extend(missing(message_id, k) for i, k in enumerate(keys) if i not in mapped_keys)
    out.extend(spurious(message_id, r) for j, r in enumerate(responses)
               if j not in mapped_responses)
    return out


def _recall(pair: PairScore) -> float:
    return total(pair.slots[s] for s in SCORED_SLOTS).recall or 0.0


def score_messages(keys: Mapping[str, Message], responses: Mapping[str, Message],
                   judge: Judge, mapping: Mapping[str, TemplatePairs] | None = None) -> Score:
    """Score every message of the key (a message without response is all missing);
    response messages the key lacks are spurious. ``mapping`` forces template pairs
    per message (e.g. the 1992 mapping read from an official report)."""
    pairs: list[PairScore] = []
    for message_id, key in keys.items():
        response = responses.get(message_id, Message(message_id, ()))
        forced = None if mapping is None else mapping.get(message_id, ())
        pairs.extend(map_templates(message_id, key.templates, response.templates, judge,
                                   forced))
    for message_id, response in responses.items():
        if message_id not in keys:
            pairs.extend(spurious(message_id, r) for r in response.templates)
    return Score(tuple(pairs))
