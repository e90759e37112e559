"""Replay the human judgments recorded while the MUC-4 responses were scored in 1992.

The official scorer asked a human about every near-miss filler ("match", "partial" or
"fail") and saved the answers in a cumulative history file, a Lisp form::

    (("TST4-MUC4-0001"                      ; message
      ("1"                                  ; key template number
       (phys-tgt-id                         ; slot
        ("\\"MORMON CHURCH IN TALCAHUANO\\"" match (or "\\"MORMON CHURCH\\"" ...))
        ("\\"PROPERTY\\"" fail)))))

Each judgment pairs a response filler with the key filler it was judged against
(``(or ...)`` alternatives, ``(optional ...)``, ``(xref VALUE TAG)``, dates as
``(range LOW HIGH)``, locations as ``(location COUNTRY (qualified NAME TYPE) ...)``);
``(all-of ...)`` lists several key fillers that share one "distributed" partial.
``History.lookup`` answers: what did the humans say about this response filler here?
``ReplayJudge`` scores with the 1992 program's own rules and, where it asked, with
these answers.

The file is the *final* cumulative history: it holds one judgment per response filler
(as the program compared strings, without nonessential words), message, key template
and slot, and it was written after the answer key was revised. Where a later answer
replaced the one given when a system was officially scored (e.g. "PEOPLE", once a
partial for four key fillers, later a fail), replay cannot recover the official count.
Because the key changed, a judgment is matched to the key filler it names loosely: its
values among the filler's alternatives (``holds``), or, for a cross-reference tag's
referent, the referent filler sharing most alternatives with it (``_closest``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.muc4.scorer import (
    FAIL,
    MATCH,
    PARTIAL,
    REFERENT,
    Context,
    ProgramJudge,
    Verdict,
    canon,
    holds,
    same_fill,
)
from benchmarks.muc4.templates import (
    SLOT_KIND,
    Between,
    Fill,
    Location,
    Place,
    Range,
    Str,
    Sym,
    Value,
)

VERDICTS = ("match", "partial", "fail")
_TOKEN = re.compile(r'\s*(?:(\()|(\))|"((?:[^"\\]|\\.)*)"|([^\s()"]+))', re.S)


@dataclass(frozen=True)
class Atom:
    """A Lisp string (``quoted``) or symbol read from the history file."""

    text: str
    quoted: bool


SExpr = Atom | list  # a list holds SExpr items


@dataclass(frozen=True)
class Judgment:
    """A response filler, the verdict, and the key filler(s) it was judged against."""

    response: Fill
    verdict: str
    keys: tuple[Fill, ...]


class HistoryError(ValueError):
    """The history file is not the Lisp form the 1992 scorer wrote."""


def read_sexprs(text: str) -> list[SExpr]:
    """Read every top-level Lisp form in ``text``."""
    stack: list[list[SExpr]] = [[]]
    pos = 0
    while True:
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
        if match.group(1):
            stack.append([])
        elif match.group(2):
            if len(stack) == 1:
                raise HistoryError(f"unbalanced ')' at offset {pos}")
            done = stack.pop()
            stack[-1].append(done)
        elif match.group(3) is not None:
            stack[-1].append(Atom(re.sub(r"\\(.)", r"\1", match.group(3), flags=re.S), True))
        else:
            stack[-1].append(Atom(match.group(4), False))
    if text[pos:].strip() or len(stack) != 1:
        raise HistoryError(f"unreadable history text at offset {pos}")
    return stack[0]


class History:
    """Recorded judgments, by (message id, key template id, slot)."""

    def __init__(self, judgments: dict[tuple[str, str, str], list[Judgment]]) -> None:
        self._judgments = judgments

    @classmethod
    def read(cls, path: str | Path) -> History:
        return cls.parse(Path(path).read_text(encoding="latin-1"))

    @classmethod
    def parse(cls, text: str) -> History:
        judgments: dict[tuple[str, str, str], list[Judgment]] = {}
        for form in read_sexprs(text):
            for message in _items(form):
                message_id = _atom(message[0])
                for template in message[1:]:
                    template_id = _atom(template[0])
                    for slot_form in template[1:]:
                        slot = _atom(slot_form[0])
                        if slot not in SLOT_KIND:
                            continue
                        entries = judgments.setdefault((message_id, template_id, slot), [])
                        entries.extend(_judgment(slot, e) for e in slot_form[1:])
        return cls(judgments)

    def __len__(self) -> int:
        return sum(len(v) for v in self._judgments.values())

    def entries(self, message_id: str, template_id: str, slot: str) -> list[Judgment]:
        """Every judgment recorded for this message, key template and slot."""
        return self._judgments.get((message_id, template_id, slot), [])

    def lookup(self, message_id: str, template_id: str, slot: str,
               response: Fill) -> list[Judgment]:
        """Judgments recorded for this response filler (compared as the program did)."""
        entries = self._judgments.get((message_id, template_id, slot), [])
        return [j for j in entries if same_fill(j.response, response)]


class ReplayJudge(ProgramJudge):
    """The 1992 program's rules, and the recorded human judgments where it asked.

    Where nothing was recorded the filler counts as incorrect, except a right set fill
    with no tag at all, which the program credited as partial (guidelines 3.1.2).
    """

    def __init__(self, history: History) -> None:
        self.history = history

    def _records(self, ctx: Context, slot: str, response: Fill) -> list[Judgment]:
        return self.history.lookup(ctx.message_id, ctx.key.template_id, slot, response)

    def referent(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        """A tag is right if its referent was judged to match the key's referent; a
        distributed partial there counted as right, a plain partial as partial."""
        key_tags = tuple(key.tags or ())
        best = Verdict(FAIL)
        for slot in REFERENT.get(ctx.slot, ()):
            referents = ctx.key.fills(slot)
            wanted = _closest(referents, key_tags)
            for tag in response.tags or ():
                for record in self._records(ctx, slot, Fill((tag,))):
                    # Judged against the key's referent filler itself, not against
                    # another filler that merely shares an alternative with it.
                    if not any(_names(referents, wanted, k, key_tags) for k in record.keys):
                        continue
                    if record.verdict == MATCH:
                        return Verdict(MATCH, referent=True)
                    if record.verdict == PARTIAL and len(record.keys) > 1:
                        best = Verdict(MATCH, human=True)
                    elif record.verdict == PARTIAL and best.result == FAIL:
                        best = Verdict(PARTIAL)
        return best

    def human(self, ctx: Context, key: Fill, response: Fill) -> Verdict:
        records = self._records(ctx, ctx.slot, response)
        for record in records:
            if any(holds(key, k) for k in record.keys):
                shared = record.keys if len(record.keys) > 1 else ()
                return Verdict(record.verdict, human=True, shared=shared)
        if any(r.verdict == FAIL for r in records):
            return Verdict(FAIL, human=True)
        if SLOT_KIND[ctx.slot] == "set" and not response.tags:
            return Verdict(PARTIAL, wrong_tag=True)
        return Verdict(FAIL)


def _names(referents: Sequence[Fill], wanted: int | None, recorded: Fill,
           key_tags: Sequence[Value]) -> bool:
    """Does a recorded key filler stand for the referent the key's tags name?"""
    if wanted is None:  # the key names no filler of its own template: compare text
        tags = {canon(t) for t in key_tags}
        return all(canon(v) in tags for v in recorded.values)
    return _closest(referents, recorded.values) == wanted


def _closest(fills: Sequence[Fill], values: Sequence[Value]) -> int | None:
    """The index of the filler sharing most alternatives with ``values`` (None if none
    shares any). The key scored now may list other alternatives than the key a
    judgment was recorded against, so equality would be too strict."""
    wanted = {canon(v) for v in values}
    overlap = [len(wanted & {canon(v) for v in f.values}) for f in fills]
    if not overlap or max(overlap) == 0:
        return None
    return overlap.index(max(overlap))


def _items(form: SExpr) -> list:
    if isinstance(form, Atom):
        raise HistoryError(f"expected a list of messages, got {form.text!r}")
    # The file holds one list of messages; tolerate several top-level forms too.
    if form and isinstance(form[0], Atom):
        return [form]
    return form


def _atom(item: SExpr) -> str:
    if not isinstance(item, Atom):
        raise HistoryError("expected a string or symbol in the history file")
    return item.text


def _judgment(slot: str, entry: SExpr) -> Judgment:
    if isinstance(entry, Atom) or len(entry) < 2:
        raise HistoryError(f"malformed judgment in slot {slot}")
    verdict = _atom(entry[1])
    if verdict not in VERDICTS:
        raise HistoryError(f"unknown verdict {verdict!r} in slot {slot}")
    response = to_fill(slot, entry[0])
    keys: tuple[Fill, ...] = ()
    if len(entry) > 2:
        key = entry[2]
        if isinstance(key, list) and key and key[0] == Atom("all-of", False):
            keys = tuple(to_fill(slot, k) for k in key[1:])
        else:
            keys = (to_fill(slot, key),)
    return Judgment(response, verdict, keys)


def to_fill(slot: str, form: SExpr) -> Fill:
    """Turn a history filler form into a ``Fill`` comparable with parsed templates."""
    optional = False
    if _head(form) == "optional":
        optional = True
        form = form[1]
    if _head(form) == "xref":
        values = _values(slot, form[1])
        tags = tuple(_tag(t) for t in _alternatives(form[2]))
        return Fill(values, tags, optional)
    return Fill(_values(slot, form), None, optional)


def _head(form: SExpr) -> str | None:
    if isinstance(form, list) and form and isinstance(form[0], Atom) and not form[0].quoted:
        return form[0].text
    return None


def _alternatives(form: SExpr) -> list[SExpr]:
    return list(form[1:]) if _head(form) == "or" else [form]


def _values(slot: str, form: SExpr) -> tuple[Value, ...]:
    return tuple(_value(slot, alt) for alt in _alternatives(form))


def _tag(form: SExpr) -> Str | Sym:
    return _string_value(_atom(form))


def _value(slot: str, form: SExpr) -> Value:
    head = _head(form)
    if head == "range":
        return Range(_maybe(form[1]), _maybe(form[2]))
    if head == "location":
        return Location(_atom(form[1]), tuple(_place_form(p) for p in form[2:]))
    text = _atom(form)
    if SLOT_KIND[slot] == "location":
        return Location(text)
    return _string_value(text)


def _maybe(form: SExpr) -> str | None:
    text = _atom(form)
    return None if text == "nil" and not form.quoted else text


def _place_form(form: SExpr) -> Place | Between:
    head = _head(form)
    if head == "between":
        first, second = _place_form(form[1]), _place_form(form[2])
        if isinstance(first, Between) or isinstance(second, Between):
            raise HistoryError("nested between in a location")
        return Between(first, second)
    if head == "qualified":
        return Place(_atom(form[1]), _atom(form[2]))
    return Place(_atom(form), None)


def _string_value(text: str) -> Str | Sym:
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return Str(text[1:-1])
    return Sym(text)
