"""Querying a built gazetteer by name, exactly and by fuzzy match."""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import process

from ...errors import GazetteerMissing
from .. import names
from .build import build, sweep
from .schema import NAME_KINDS, Candidate, default_path, prior, problem

_COLUMNS = ("p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, "
            "p.population, p.precision")


class Gazetteer:
    """Read access to a built gazetteer. Opening is cheap; fuzzy indexes load per country."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = connection
        self.path = path
        self._fuzzy_indexes: dict[str, _FuzzyIndex] = {}
        self._fuzzy_seen: dict[tuple, list] = {}  # names recur across a batch of reports
        self._lookup_seen: dict[tuple, tuple] = {}

    @classmethod
    def open(cls, path: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
        path = Path(path) if path else default_path()
        if path.parent.is_dir():
            sweep(path)  # temporary files of builds that were killed
        trouble = problem(path)
        if trouble is not None:
            if not build_if_missing:
                raise GazetteerMissing(
                    f"the gazetteer at {path} {trouble}; run `sitrep gazetteer build`"
                )
            import sys

            print(f"sitrep: the gazetteer at {path} {trouble}; building it (once; about "
                  "half a minute) ...", file=sys.stderr)
            build(path)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    def lookup(self, name: str, *, countries: Sequence[str] = ()) -> list[Candidate]:
        """Places called exactly ``name`` (after folding), best first by prior.

        Case-sensitive aliases ("Ky.", "UK") match the written form, everything else the
        folded form. ``countries`` (alpha-3) restricts the search.
        """
        key = (name, tuple(countries))
        if key in self._lookup_seen:  # names recur across a batch of reports
            return list(self._lookup_seen[key])
        if len(self._lookup_seen) > 200_000:
            self._lookup_seen.clear()
        rows = self._query("n.form = ?", ["=" + name.strip()], countries)
        folded = names.fold(name)
        if folded:
            rows += self._query("n.form = ?", [folded], countries)
        found = sorted(_dedupe(rows), key=lambda c: -prior(c))
        self._lookup_seen[key] = tuple(found)
        return found

    def fuzzy(
        self, name: str, *, countries: Sequence[str] = (), limit: int = 10
    ) -> list[tuple[Candidate, float]]:
        """Places whose names sound like ``name``, with a similarity in 0-1, best first.

        Searched among the names of places in ``countries``; with none given, among
        countries, first-level subdivisions, regions and cities of 100,000 or more.
        """
        key = (name, tuple(countries), limit)
        if key in self._fuzzy_seen:
            return self._fuzzy_seen[key]
        if len(self._fuzzy_seen) > 50_000:
            self._fuzzy_seen.clear()
        result = self._fuzzy(name, countries, limit)
        self._fuzzy_seen[key] = result
        return result

    def _fuzzy(self, name: str, countries: Sequence[str], limit: int
               ) -> list[tuple[Candidate, float]]:
        query_keys = _sound_keys(name)
        scored: dict[int, float] = {}
        for country in countries or ("",):
            index = self._fuzzy_index(country)
            for qk in query_keys:
                for score, i in index.search(qk, limit * 5):
                    for place in index.places_of(i):
                        scored[place] = max(scored.get(place, 0.0), score)
        return self._ranked(scored, limit)

    def sounding(self, name: str, *, countries: Sequence[str], limit: int = 5
                 ) -> list[Candidate]:
        """Places in ``countries`` whose name sounds exactly like ``name`` (the same
        phonetic key): ``fuzzy``'s perfect matches, found without a search."""
        scored = self._same_sound(_sound_keys(name), countries)
        return [c for c, _score in self._ranked(scored, limit)]

    def units_sounding(self, name: str, limit: int = 5) -> list[Candidate]:
        """First- and second-level units anywhere whose name sounds like ``name``, a final
        h after a vowel being silent ("Shabwa" / "Shabwah", "Hodeida" / "Hodeidah")."""
        query_keys = _sound_keys(name)
        query_keys |= {k + "h" for k in query_keys if k[-1] in _VOWELS} \
            | {k[:-1] for k in query_keys if k.endswith("h") and k[-2:-1] in _VOWELS}
        scored = self._same_sound(query_keys, ("",))
        return [c for c, _score in self._ranked(scored, len(scored))
                if c.feature in ("admin1", "admin2")][:limit]

    def _same_sound(self, keys: set[str], countries: Sequence[str]) -> dict[int, float]:
        """The places of ``countries`` ("" for the major places) that have one of
        ``keys``, each with similarity 1."""
        scored: dict[int, float] = {}
        for country in countries:
            index = self._fuzzy_index(country)
            for key in keys:
                i = index.exact(key)
                if i is not None:
                    scored.update((place, 1.0) for place in index.places_of(i))
        return scored

    def _ranked(self, scored: dict[int, float], limit: int
                ) -> list[tuple[Candidate, float]]:
        found = {c.id: c for c in self._by_ids(list(scored))}
        ranked = sorted(((found[i], s) for i, s in scored.items() if i in found),
                        key=lambda cs: (-cs[1], -prior(cs[0])))
        return [(replace(c, match="fuzzy"), s) for c, s in ranked[:limit]]

    def names_of(self, candidate: Candidate) -> list[str]:
        """The folded names stored for a record (for explaining a match)."""
        rows = self._db.execute(
            "SELECT DISTINCT form FROM name WHERE place = ? AND form NOT LIKE '=%'",
            (candidate.id,),
        )
        return [r[0] for r in rows]

    def country(self, code: str) -> Candidate | None:
        """The country record for an ISO alpha-3 code."""
        row = self._db.execute(
            f"SELECT {_COLUMNS}, 'name' FROM place p WHERE p.feature = 'country' "
            "AND p.country = ?", (code,),
        ).fetchone()
        return Candidate(*row) if row else None

    def by_geonameid(self, geonameid: int) -> Candidate | None:
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, 'name' FROM place p WHERE p.geonameid = ?", (geonameid,)
        ).fetchall()
        candidates = sorted((Candidate(*r) for r in rows), key=lambda c: -prior(c))
        return candidates[0] if candidates else None

    def stats(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    # -- internals ------------------------------------------------------------------------

    def _query(self, where: str, args: list, countries: Sequence[str]) -> list[Candidate]:
        sql = (f"SELECT {_COLUMNS}, n.kind FROM name n JOIN place p ON p.id = n.place "
               f"WHERE {where}")
        if countries:
            sql += f" AND n.country IN ({','.join('?' * len(countries))})"
            args = [*args, *countries]
        return [Candidate(*r) for r in self._db.execute(sql, args)]

    def _by_ids(self, ids: list[int]) -> Iterator[Candidate]:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            sql = (f"SELECT {_COLUMNS}, 'name' FROM place p WHERE p.id IN "
                   f"({','.join('?' * len(chunk))})")
            yield from (Candidate(*r) for r in self._db.execute(sql, chunk))

    def _fuzzy_index(self, country: str) -> _FuzzyIndex:
        if country not in self._fuzzy_indexes:
            self._fuzzy_indexes[country] = self._load_fuzzy_index(country)
        return self._fuzzy_indexes[country]

    def _load_fuzzy_index(self, country: str) -> _FuzzyIndex:
        if country:
            rows = self._db.execute(
                "SELECT key, place FROM name WHERE country = ? AND kind != 'demonym'",
                (country,),
            )
        else:
            rows = self._db.execute(
                "SELECT n.key, n.place FROM name n JOIN place p ON p.id = n.place "
                "WHERE n.kind != 'demonym' AND (p.feature NOT IN ('city', 'admin2') "
                "OR p.population >= 100000)"
            )
        # each key once, with all its places: a shorter scan
        position: dict[str, int] = {}
        groups: list[list[int]] = []
        for k, place in rows:
            # Also index each key with r/l codas dropped, as Chinese renderings drop them.
            coda = names.coda_key(k)
            for variant in (k,) if coda == k else (k, coda):
                if len(variant) < 3:
                    continue
                i = position.get(variant)
                if i is None:
                    position[variant] = len(groups)
                    groups.append([place])
                else:
                    groups[i].append(place)
        starts, flat = array("i", [0]), array("i")
        for group in groups:
            flat.extend(group)
            starts.append(len(flat))
        return _FuzzyIndex(_by_length(list(position)), starts, flat)


def _sound_keys(name: str) -> set[str]:
    """A name's phonetic keys of three letters or more, and each with its r/l codas
    dropped."""
    found = {k for k in names.keys(name) if len(k) >= 3}
    return found | {names.coda_key(k) for k in found}


def _by_length(keys: list[str]) -> dict[int, tuple[list[str], array]]:
    """The keys by length, each length's strings made anew so that they lie together in
    memory (the scan's speed depends on it), with their positions in ``keys``."""
    groups: dict[int, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(len(k), []).append(i)
    return {n: ("\x00".join(keys[i] for i in ids).split("\x00"), array("i", ids))
            for n, ids in groups.items()}


_VOWELS = frozenset("aeiou")
FUZZY_CUTOFF = 0.7  # similarity below which a key is no sound-alike


@dataclass(frozen=True)
class _FuzzyIndex:
    """The distinct phonetic keys of a country's names, by length, and their places
    (compact arrays: a large country has a quarter of a million keys)."""

    lengths: dict[int, tuple[list[str], array]]  # keys by length, with their number
    starts: array  # key i's places are places[starts[i]:starts[i + 1]]
    places: array

    def places_of(self, i: int) -> array:
        return self.places[self.starts[i]:self.starts[i + 1]]

    def exact(self, key: str) -> int | None:
        """The number of a key written exactly so, if any."""
        keys, ids = self.lengths.get(len(key), ((), ()))
        try:
            return ids[keys.index(key)]
        except ValueError:
            return None

    def search(self, key: str, limit: int) -> list[tuple[float, int]]:
        """The ``limit`` keys most like ``key`` (similarity, index), best first. Only
        keys of a length that can reach the cutoff are compared: the similarity is at most
        1 - |difference of lengths| / longer length."""
        n = len(key)
        hits = []
        for length, (keys, ids) in self.lengths.items():
            if abs(length - n) <= (1 - FUZZY_CUTOFF) * max(length, n) + 1e-9:
                hits += [(score, ids[j]) for _k, score, j in process.extract(
                    key, keys, scorer=names.key_similarity, score_cutoff=FUZZY_CUTOFF,
                    limit=limit)]
        return sorted(hits, key=lambda hit: (-hit[0], hit[1]))[:limit]


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per place, keeping its most authoritative kind of match."""
    best: dict[int, Candidate] = {}
    for c in candidates:
        seen = best.get(c.id)
        if seen is None or NAME_KINDS.index(c.match) < NAME_KINDS.index(seen.match):
            best[c.id] = c
    return list(best.values())
