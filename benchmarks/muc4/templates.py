"""Read MUC-4 answer keys and system responses into typed templates.

Both files use the same layout: blocks of 25 numbered slots (``0.  MESSAGE: ID``
... ``24. HUM TGT: TOTAL NUMBER``); a slot's fillers follow the label, one per line,
further fillers on indented lines below it. Unindented lines that are not slots are
ignored, as the 1992 scorer ignored them (some responses forgot the indentation).
Keys add notation that responses may not use: ``/`` between acceptable alternatives,
``?`` before an optional filler, ``(OPTIONAL)`` after an optional template's number,
and ``(...)`` grouping of alternative dates and locations.

Values keep the raw text of the file (a response's ``"MACHINEGUNS "`` keeps its space)
because the 1992 scorers' recorded judgments are keyed on that text; the automatic
rules in ``scorer`` normalise on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# (number, label in the files, name in the official reports, kind of filler)
SLOTS: tuple[tuple[int, str, str, str], ...] = (
    (0, "MESSAGE: ID", "message-id", "id"),
    (1, "MESSAGE: TEMPLATE", "template-id", "id"),
    (2, "INCIDENT: DATE", "inc-date", "date"),
    (3, "INCIDENT: LOCATION", "inc-loc", "location"),
    (4, "INCIDENT: TYPE", "inc-type", "set"),
    (5, "INCIDENT: STAGE OF EXECUTION", "inc-stage", "set"),
    (6, "INCIDENT: INSTRUMENT ID", "inc-instr-id", "string"),
    (7, "INCIDENT: INSTRUMENT TYPE", "inc-instr-type", "set"),
    (8, "PERP: INCIDENT CATEGORY", "perp-inc-cat", "set"),
    (9, "PERP: INDIVIDUAL ID", "perp-ind-id", "string"),
    (10, "PERP: ORGANIZATION ID", "perp-org-id", "string"),
    (11, "PERP: ORGANIZATION CONFIDENCE", "perp-org-conf", "set"),
    (12, "PHYS TGT: ID", "phys-tgt-id", "string"),
    (13, "PHYS TGT: TYPE", "phys-tgt-type", "set"),
    (14, "PHYS TGT: NUMBER", "phys-tgt-num", "number"),
    (15, "PHYS TGT: FOREIGN NATION", "phys-tgt-nation", "set"),
    (16, "PHYS TGT: EFFECT OF INCIDENT", "phys-tgt-effect", "set"),
    (17, "PHYS TGT: TOTAL NUMBER", "phys-tgt-total-num", "number"),
    (18, "HUM TGT: NAME", "hum-tgt-name", "string"),
    (19, "HUM TGT: DESCRIPTION", "hum-tgt-desc", "string"),
    (20, "HUM TGT: TYPE", "hum-tgt-type", "set"),
    (21, "HUM TGT: NUMBER", "hum-tgt-num", "number"),
    (22, "HUM TGT: FOREIGN NATION", "hum-tgt-nation", "set"),
    (23, "HUM TGT: EFFECT OF INCIDENT", "hum-tgt-effect", "set"),
    (24, "HUM TGT: TOTAL NUMBER", "hum-tgt-total-num", "number"),
)
SCORED_SLOTS = tuple(name for num, _, name, _ in SLOTS if num >= 2)
SLOT_KIND = {name: kind for _, _, name, kind in SLOTS}
# Slots whose fillers carry a cross-reference tag (``VALUE: "REFERENT"``).
XREF_SLOTS = frozenset({
    "inc-instr-type", "perp-org-conf", "phys-tgt-type", "phys-tgt-num", "phys-tgt-nation",
    "phys-tgt-effect", "hum-tgt-desc", "hum-tgt-type", "hum-tgt-num", "hum-tgt-nation",
    "hum-tgt-effect",
})
_LABEL = {num: label for num, label, _, _ in SLOTS}
_NAME = {num: name for num, _, name, _ in SLOTS}
_SLOT_LINE = re.compile(r"^\s*(\d{1,2})\.\s+")


@dataclass(frozen=True)
class Str:
    """A quoted text string; ``text`` is what stood between the quotes."""

    text: str


@dataclass(frozen=True)
class Sym:
    """A set-list item, a country, a number or a date written as one token."""

    text: str


@dataclass(frozen=True)
class Range:
    """``LOW - HIGH`` (a date or number range); ``low`` or ``high`` may be open (None)."""

    low: str | None
    high: str | None


@dataclass(frozen=True)
class Place:
    """``NAME (TYPE)`` inside a location; ``kind`` is None when no type was given."""

    name: str
    kind: str | None


@dataclass(frozen=True)
class Between:
    """``PLACE - PLACE``: the incident happened between two places."""

    first: Place
    second: Place


@dataclass(frozen=True)
class Location:
    """``COUNTRY: PLACE (TYPE): ...``; ``places`` run from the largest to the smallest."""

    country: str
    places: tuple[Place | Between, ...] = ()


Value = Str | Sym | Range | Location


@dataclass(frozen=True)
class Fill:
    """One filler of a slot: alternative values, plus alternative cross-reference tags.

    A response filler has one value (and one tag in a cross-referenced slot). A key
    filler may offer several acceptable values and tags; ``optional`` marks ``?``.
    """

    values: tuple[Value, ...]
    tags: tuple[Str | Sym, ...] | None = None
    optional: bool = False
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class Template:
    """One template: its message, its number, and the fillers of each scored slot.

    ``slots`` maps report names (``inc-date`` ...) to fillers; an empty tuple is a null
    (``-``) or inapplicable (``*``) slot.
    """

    message_id: str
    template_id: str
    optional: bool
    slots: dict[str, tuple[Fill, ...]]

    def fills(self, slot: str) -> tuple[Fill, ...]:
        return self.slots.get(slot, ())


@dataclass(frozen=True)
class Message:
    """All templates for one message; no templates means the message is irrelevant."""

    message_id: str
    templates: tuple[Template, ...]


def read_messages(path: str | Path) -> dict[str, Message]:
    """Read a key or response file; messages keyed by message id, in file order."""
    return parse_messages(Path(path).read_text(encoding="latin-1"))


def parse_messages(text: str) -> dict[str, Message]:
    """Parse key or response text; templates of irrelevant messages (``*``) are dropped."""
    grouped: dict[str, list[Template]] = {}
    for raw in _raw_templates(text):
        message_id = " ".join(raw.get(0, [""])).strip()
        grouped.setdefault(message_id, [])
        number = " ".join(raw.get(1, [])).strip()
        if not number or number.startswith("*"):
            continue
        grouped[message_id].append(_template(message_id, number, raw))
    return {mid: Message(mid, tuple(templates)) for mid, templates in grouped.items()}


def _raw_templates(text: str) -> Iterator[dict[int, list[str]]]:
    """Yield each template as {slot number: lines of filler text}."""
    current: dict[int, list[str]] | None = None
    slot = -1
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        match = _SLOT_LINE.match(line)
        number = int(match.group(1)) if match else -1
        if match and number in _LABEL and line[match.end():].startswith(_LABEL[number]):
            if number == 0:
                if current is not None:
                    yield current
                current = {}
            if current is None:
                continue
            slot = number
            current[slot] = [line[match.end() + len(_LABEL[number]):]]
        elif current is not None and slot >= 0 and line[:1] in (" ", "\t"):
            current[slot].append(line)
        # Other lines are ignored, as the 1992 scorer ignored unindented continuations.
    if current is not None:
        yield current


def _template(message_id: str, number: str, raw: dict[int, list[str]]) -> Template:
    optional = "(OPTIONAL)" in number
    template_id = number.replace("(OPTIONAL)", "").strip()
    slots: dict[str, tuple[Fill, ...]] = {}
    for num in range(2, 25):
        name = _NAME[num]
        slots[name] = tuple(parse_fill(name, text) for text in _fill_texts(raw.get(num, [])))
    return Template(message_id, template_id, optional, slots)


def _fill_texts(lines: list[str]) -> list[str]:
    """Split a slot's lines into filler texts; ``-``/``*`` alone means no filler."""
    texts: list[str] = []
    pending = ""
    for line in lines:
        part = line.strip()
        if not part:
            continue
        pending = f"{pending} {part}" if pending else part
        if _quotes_balanced(pending):
            texts.append(pending)
            pending = ""
    if pending:
        texts.append(pending)
    # "-" is null, "*" inapplicable; a line of "* * *" separates templates in some files
    return [t for t in texts if t != "-" and t.replace("*", "").strip()]


def _quotes_balanced(text: str) -> bool:
    count = 0
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            count += 1
    return count % 2 == 0


def split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is outside quotes and parentheses."""
    parts: list[str] = []
    depth = 0
    in_quote = False
    start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if in_quote:
            if char == "\\":
                i += 1
            elif char == '"':
                in_quote = False
        elif char == '"':
            in_quote = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def parse_fill(slot: str, text: str) -> Fill:
    """Parse one filler of ``slot`` (its whole text, alternatives and tag included)."""
    body = text.strip()
    optional = body.startswith("?")
    if optional:
        body = body[1:].strip()
    tags: tuple[Str | Sym, ...] | None = None
    if slot in XREF_SLOTS:
        head, tag_text = _split_tag(body)
        if tag_text is not None:
            body = head
            tags = tuple(_string(t) for t in split_top(tag_text, "/") if t)
    values = parse_values(slot, body)
    return Fill(values, tags, optional, text.strip())


def _split_tag(body: str) -> tuple[str, str | None]:
    """``VALUE: "TAG"`` -> (VALUE, TAG); the tag is the quoted part after a top colon."""
    parts = split_top(body, ":")
    for i in range(len(parts) - 1, 0, -1):
        if parts[i].startswith('"'):
            return ":".join(parts[:i]).strip(), ":".join(parts[i:]).strip()
    if len(parts) > 1:
        # ``GUN: -`` (an unquoted empty tag) or ``INJURY:`` (a tag left blank)
        return ":".join(parts[:-1]).strip(), parts[-1]
    return body, None


def parse_values(slot: str, body: str) -> tuple[Value, ...]:
    """Parse the alternatives of a filler's main part according to the slot's kind."""
    kind = SLOT_KIND[slot]
    if kind == "location":
        return _locations(body)
    alternatives = [_unwrap(a) for a in split_top(body, "/") if a]
    if kind == "string":
        # A string slot's filler missing a quote (a few DEV keys) is still a string.
        return tuple(_text(a) for a in alternatives)
    if kind == "date":
        return tuple(parse_date(a) for a in alternatives)
    if kind == "number":
        return tuple(Sym(a) for a in alternatives)
    return tuple(_string(a) if a.startswith('"') else Sym(a) for a in alternatives)


def _unwrap(text: str) -> str:
    """Drop parentheses that wrap a whole alternative: ``(24 AUG 88)``."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")") and _closing(text, 0) == len(text) - 1:
        text = text[1:-1].strip()
    return text


def _closing(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _text(text: str) -> Str | Sym:
    value = _string(text)
    if isinstance(value, Sym) and value.text != "-":
        return Str(value.text.strip('"'))
    return value


def _string(text: str) -> Str | Sym:
    text = text.strip()
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return Str(text[1:-1])
    return Sym(text)


_DATE_RANGE = re.compile(r"^(.*?\d)\s*-\s*(\d.*)$")


def parse_date(text: str) -> Value:
    """``25 AUG 88``, ``- 25 AUG 88`` (on or before) or ``24 AUG 88 - 25 AUG 88``."""
    text = text.strip()
    if text.startswith("-"):
        return Range(None, text[1:].strip())
    match = _DATE_RANGE.match(text)
    if match and re.search(r"[A-Z]", match.group(1)) and re.search(r"[A-Z]", match.group(2)):
        return Range(match.group(1).strip(), match.group(2).strip())
    return Sym(text)


def _locations(body: str) -> tuple[Value, ...]:
    """Alternatives of ``COUNTRY: PLACE (TYPE): ...``; later ones may omit the country."""
    out: list[Value] = []
    country = ""
    for alternative in (_unwrap(a) for a in split_top(body, "/") if a):
        levels = split_top(alternative, ":")
        if len(levels) == 1 and "(" not in alternative and not alternative.startswith('"'):
            out.append(Location(alternative))
            country = alternative
            continue
        if "(" in levels[0] and country:
            chain = levels
        else:
            country = levels[0].strip('"')
            chain = levels[1:]
        out.extend(Location(country, places) for places in _place_chains(chain))
    return tuple(out)


def _place_chains(levels: list[str]) -> list[tuple[Place | Between, ...]]:
    """Expand place levels into full chains; a level may itself hold alternatives."""
    chains: list[tuple[Place | Between, ...]] = [()]
    for level in levels:
        options: list[tuple[Place | Between, ...]] = []
        for alternative in split_top(_unwrap(level), "/"):
            inner = split_top(_unwrap(alternative), ":")
            options.append(tuple(_place_or_between(part) for part in inner if part))
        chains = [chain + option for chain in chains for option in options]
    return chains


_PLACE = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def _place_or_between(text: str) -> Place | Between:
    halves = split_top(text, " - ")
    if len(halves) == 2:
        return Between(_place(halves[0]), _place(halves[1]))
    return _place(text)


def _place(text: str) -> Place:
    match = _PLACE.match(_unwrap(text))
    if match:
        return Place(match.group(1).strip(), match.group(2).strip())
    return Place(text.strip(), None)
