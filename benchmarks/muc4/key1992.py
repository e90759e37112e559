"""Restore fillers of the 1992 answer key that the distributed key no longer has.

The official TST4 scores were computed with the answer key of 1992; the key that ships
(``key-tst4.v2``) was revised afterwards, mostly in incident dates ("yesterday" counted
from another day): official reports credit ``22 SEP 88`` where v2 says ``21 SEP 88``.
The reports themselves record what the 1992 key held. The program counted a filler
correct on its own (COR without ICR) only when it equalled a key filler, so an
automatic COR for a response value the v2 key filler does not have proves the 1992
key had that value. ``restore_1992_fills`` adds each such value to the key filler as
one more alternative: the v2 values stay, because other reports credit them too.

Only slots where the key template and the response template each have one filler are
used as evidence, so which key filler the value belonged to is never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from benchmarks.muc4.report import NradReport
from benchmarks.muc4.scorer import same_value
from benchmarks.muc4.templates import SCORED_SLOTS, Fill, Message, Template, Value

# (message id, key template id, slot) -> values the 1992 key accepted besides v2's.
Restored = dict[tuple[str, str, str], tuple[Value, ...]]


def evidence(report: NradReport, key: Mapping[str, Message],
             responses: Mapping[str, Message]) -> Restored:
    """Values an official report credits automatically that the key's filler lacks."""
    found: Restored = {}
    for section in report.sections:
        if section.status != "matched" or not (section.key_id and section.response_id):
            continue
        key_t = _template(key, section.message_id, section.key_id)
        resp_t = _template(responses, section.message_id, section.response_id)
        if key_t is None or resp_t is None:
            continue
        for slot in SCORED_SLOTS:
            row = section.rows.get(slot)
            if not _automatic_single_correct(row):
                continue
            key_fills, resp_fills = key_t.fills(slot), resp_t.fills(slot)
            if len(key_fills) != 1 or len(resp_fills) != 1:
                continue
            new = tuple(v for v in resp_fills[0].values
                        if not any(same_value(v, k) for k in key_fills[0].values))
            if new:
                where = (section.message_id, section.key_id, slot)
                found[where] = _union(found.get(where, ()), new)
    return found


def _automatic_single_correct(row: Mapping[str, int] | None) -> bool:
    return (row is not None and row["pos"] == row["act"] == row["cor"] == 1
            and row["icr"] == 0)


def _template(messages: Mapping[str, Message], message_id: str,
              template_id: str) -> Template | None:
    message = messages.get(message_id)
    if message is None:
        return None
    return next((t for t in message.templates if t.template_id == template_id), None)


def _union(old: tuple[Value, ...], new: Iterable[Value]) -> tuple[Value, ...]:
    out = list(old)
    for value in new:
        if not any(same_value(value, o) for o in out):
            out.append(value)
    return tuple(out)


def merge(found: Iterable[Restored]) -> Restored:
    """Pool the evidence of several reports (all were scored against one key)."""
    out: Restored = {}
    for restored in found:
        for where, values in restored.items():
            out[where] = _union(out.get(where, ()), values)
    return out


def restore_1992_fills(key: Mapping[str, Message], restored: Restored) -> dict[str, Message]:
    """The key with each restored value added as an alternative of its filler."""
    out: dict[str, Message] = {}
    for message_id, message in key.items():
        templates = tuple(_restore_template(t, restored) for t in message.templates)
        out[message_id] = Message(message_id, templates)
    return out


def _restore_template(template: Template, restored: Restored) -> Template:
    slots = dict(template.slots)
    changed = False
    for slot, fills in template.slots.items():
        extra = restored.get((template.message_id, template.template_id, slot))
        if extra and len(fills) == 1:
            slots[slot] = (_with_values(fills[0], extra),)
            changed = True
    return replace(template, slots=slots) if changed else template


def _with_values(fill: Fill, extra: tuple[Value, ...]) -> Fill:
    return replace(fill, values=_union(fill.values, extra))
