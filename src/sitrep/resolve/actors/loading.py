"""Reading the actor data files into alias entries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ...datafiles import tsv_rows
from .base import _STATE_SOURCES, _Entry, _fold


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _parse_alias(cell: str) -> tuple[str, frozenset[str]]:
    """ "US[exact,word]" -> ("US", {"exact", "word"})."""
    alias, _, flags = cell.strip().partition("[")
    return alias.strip(), frozenset(filter(None, flags.rstrip("]").split(",")))


def _plurals(demonym: str) -> list[str]:
    """Armenian -> Armenians, Frenchman -> Frenchmen; Sudanese and Swiss stay as they are."""
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    if demonym.endswith(("s", "sh", "ch", "x", "z", "ese", ".")):
        return []
    return [demonym + "s"]


def _regex_fragment(phrase: str) -> str:
    return phrase.replace("[- ]", r"(?:-|\s+)").replace(" ?", r"\s*").replace(" ", r"\s+")


def _state_entries(row: dict[str, str]) -> Iterator[tuple[str, _Entry]]:
    code, canonical = row["code"], _parse_alias(row["canonical"])[0]
    columns = (
        ("name", [row["canonical"], *_split(row["names"])]),
        ("demonym", _split(row["demonyms"])),
        ("capital", _split(row["capitals"])),
    )
    for source, cells in columns:
        for cell in cells:
            alias, flags = _parse_alias(cell)
            kind = "demonym" if source == "demonym" else "state"
            entry = _Entry(kind, code, canonical, source, (), flags, (code,))
            yield alias, entry
            if source == "demonym":
                for plural in _plurals(alias):
                    yield plural, entry
            if alias.endswith(".") and alias.count(".") > 1:  # "U.S." also as "U.S"
                yield alias[:-1], entry


def _mt_entries(path: Path, known: list[tuple[str, _Entry]]) -> Iterator[tuple[str, _Entry]]:
    """ "the <rendering> side" for every rendering, and the bare renderings ("Yi") alone.

    A rendering listed under several characters gets the union of their candidates.
    """
    literal_of: dict[str, set[str]] = {}
    for alias, entry in known:
        if entry.source in ("name", "demonym") and entry.code:
            literal_of.setdefault(_fold(alias), set()).add(entry.code)
    readings: dict[str, list[str]] = {}
    standalone: dict[str, bool] = {}
    spelling: dict[str, str] = {}
    bare: set[str] = set()
    for row in tsv_rows(path):
        renderings = _split(row["renderings"])
        for rendering in renderings:
            key = _fold(rendering)
            spelling.setdefault(key, rendering)
            codes = readings.setdefault(key, [])
            codes.extend(code for code in _split(row["candidates"]) if code not in codes)
            standalone[key] = standalone.get(key, True) and row["standalone"] == "yes"
        listed = _split(row["bare"]) or [r for r in renderings if _fold(r) == _fold(row["pinyin"])]
        bare.update(_fold(rendering) for rendering in listed if rendering != "-")
    for key, codes in readings.items():
        literal = literal_of.get(key, set())
        entry = _Entry(
            kind="side",
            code=None,
            canonical=None,
            source="mt",
            flags=frozenset({"the"}),
            candidates=tuple(codes),
            literal=next(iter(literal)) if len(literal) == 1 else None,
            standalone=standalone[key],
        )
        yield f"{spelling[key]} side", entry
        if key in bare:
            yield spelling[key], replace(entry, kind="demonym", flags=frozenset({"bare"}))


def _merge_entries(entries: list[_Entry]) -> list[_Entry]:
    """One state entry per alias: "Congolese" (COD, COG) keeps both codes as candidates,
    coded by its [default] row or left None ("Korean")."""
    states = [entry for entry in entries if entry.source in _STATE_SOURCES]
    others = [entry for entry in entries if entry.source not in _STATE_SOURCES]
    codes = tuple(dict.fromkeys(entry.code for entry in states if entry.code))
    if len(codes) <= 1:
        return others + states[:1]  # "U.S." is both a name and a demonym: keep one
    default = next((entry for entry in states if "default" in entry.flags), None)
    merged = replace(
        default or states[0],
        code=default.code if default else None,
        canonical=default.canonical if default else None,
        candidates=codes,
        literal=default.code if default else None,
        flags=frozenset().union(*(entry.flags for entry in states)) - {"default"},
    )
    return others + [merged]
