"""INSTRUMENT and PHYS TGT slots: the weapons and the things attacked."""

from __future__ import annotations

import re

from .incidents import Incident
from .words import NUMBER_WORDS, STOP, fill_of, first_matches, overlaps, quoted

DESTROYED = re.compile(r"\b(?:destroy\w*|blew up|blown up|razed|burned down)\b", re.I)

DAMAGED = re.compile(r"\bdamag\w*\b", re.I)

# "travelling on a rural road": a route the victims used, not a target
_TRAVELLED = re.compile(r"\b(?:on|along|near|down|up)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
                        re.I)


def instruments(sentences: str) -> dict[str, list[str]]:
    ids, types = [], []
    for m in first_matches("inc-instr-type", sentences):
        ref = quoted(m.group())
        if ref not in ids:
            ids.append(ref)
            types.append(f"{fill_of('inc-instr-type', m.group())}: {ref}")
    return {"inc-instr-id": ids or ["-"], "inc-instr-type": types or ["-"]}


def _noun_phrase(text: str, m: re.Match) -> tuple[str, int | str]:
    """The head phrase with up to two modifiers before it, and how many it names."""
    before = text[:m.start()].split()[-3:]
    modifiers: list[str] = []
    count: int | str = "PLURAL" if m.group().lower().endswith("s") else 1
    for word in reversed(before):
        word = word.strip(",.;:\"'()")
        bare = word.lower()
        if bare.isdigit() or bare in NUMBER_WORDS:
            count = int(bare) if bare.isdigit() else NUMBER_WORDS[bare]
            break
        if not bare.isalpha() or bare in STOP or len(modifiers) == 2:
            break
        modifiers.insert(0, word)
    return " ".join([*modifiers, m.group()]), count


def physical_targets(incident: Incident, sentences: str, told: str) -> dict[str, list[str]]:
    ids, types, numbers, effects = [], [], [], []
    effect = ("DESTROYED" if DESTROYED.search(told) else
              "SOME DAMAGE" if DAMAGED.search(told) or incident.type == "ARSON" else None)
    weapons = first_matches("inc-instr-type", sentences)
    found = [m for m in first_matches("phys-tgt-type", sentences)
             if not any(overlaps(m, w) for w in weapons)  # the car of "car bomb" is the weapon
             and not (fill_of("phys-tgt-type", m.group()) == "TRANSPORTATION ROUTE"
                      and _TRAVELLED.search(sentences, 0, m.start()))]
    for m in found[:3]:
        phrase, count = _noun_phrase(sentences, m)
        ref = quoted(phrase)
        if ref in ids:
            continue
        ids.append(ref)
        types.append(f"{fill_of('phys-tgt-type', m.group())}: {ref}")
        numbers.append(f"{count}: {ref}")
        if effect:
            effects.append(f"{effect}: {ref}")
    return {"phys-tgt-id": ids or ["-"], "phys-tgt-type": types or ["-"],
            "phys-tgt-num": numbers or ["-"], "phys-tgt-nation": ["-"],
            "phys-tgt-effect": effects or ["-"], "phys-tgt-total-num": ["-"]}
