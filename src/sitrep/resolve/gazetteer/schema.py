"""The gazetteer file: its schema, records, location and version check."""

from __future__ import annotations

import functools
import math
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = "1"
FILE_NAME = f"gazetteer-v{SCHEMA_VERSION}.sqlite"
ENV_VAR = "SITREP_CACHE_DIR"
# Bumped when the build derives records differently from the same sources (a file built by
# an older build is stale): 3 = country points at main landmass centroids
# (geometry.country_point), 4 = country names without "the" ("Republic of Congo"),
# 5 = subdivisions without a point take their seat's (build._seat_points).
BUILD_REVISION = 5

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,
    admin1 TEXT,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL,
    precision TEXT NOT NULL
);
-- form: folded name (names.fold), or "=" + the written form for case-sensitive aliases.
-- key: phonetic key (names.keys) of the form; one row per key.
CREATE TABLE name (
    form TEXT NOT NULL,
    place INTEGER NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    key TEXT NOT NULL
);
"""
INDEXES = """
CREATE INDEX name_form ON name(form);
CREATE INDEX name_country ON name(country, kind);
CREATE INDEX place_geonameid ON place(geonameid);
"""

# Kinds of name, most authoritative first. "abbrev": a standard abbreviation or short form;
# "mt": a machine-translation leftover (a match is a repair); "variant": any other spelling
# GeoNames lists; "fuzzy": not stored, marks a sound-alike match.
NAME_KINDS = ("name", "abbrev", "mt", "variant", "demonym", "fuzzy")

FEATURE_PRIOR = {
    "country": 4.0, "continent": 3.5, "region": 2.5, "admin1": 1.5, "sea": 1.5,
    "front_line": 1.0, "river": 1.0, "strait": 1.0, "lake": 1.0, "admin2": 0.3,
    "city": 0.0, "facility": 0.0,
}
MATCH_PRIOR = {
    "name": 1.0, "abbrev": 1.0, "mt": 0.5, "variant": 0.0, "demonym": -0.5, "fuzzy": -1.0,
}


@dataclass(frozen=True)
class Candidate:
    """A gazetteer record a name may refer to, and the kind of name that matched it."""

    id: int  # row id in this gazetteer file (extras have no GeoNames id)
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO alpha-3
    admin1: str | None
    feature: str  # city, admin2, admin1, country, continent, region, river, front_line, ...
    population: int
    precision: str  # town, district, region, country
    match: str = "name"  # one of NAME_KINDS


@dataclass(frozen=True)
class BuildStats:
    path: Path
    places: int
    names: int
    seconds: float
    bytes: int


def default_path() -> Path:
    """Where the gazetteer is kept: $SITREP_CACHE_DIR, else the user's cache directory."""
    base = os.environ.get(ENV_VAR)
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("sitrep")
    return Path(base) / FILE_NAME


def prior(c: Candidate) -> float:
    """How likely a record is meant before context: bigger, higher-level places first."""
    return (math.log10(c.population + 10) + FEATURE_PRIOR.get(c.feature, 0.0)
            + MATCH_PRIOR.get(c.match, 0.0))


@functools.lru_cache(maxsize=8)
def _current_cached(path: str, mtime: float) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == schema_version()


@functools.lru_cache(maxsize=1)
def schema_version() -> str:
    """The schema version and a digest of the build revision and the reviewed data files: a
    file built from older data or by an older build is stale and is rebuilt, not silently
    used."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256(f"build {BUILD_REVISION}".encode())
    for name in ("places_extra.tsv", "place_aliases.tsv"):
        digest.update(resources.files("sitrep.data").joinpath(name).read_bytes())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:12]}"


def _current(path: Path) -> bool:
    """True when ``path`` holds a complete gazetteer of this schema version."""
    if not path.exists():
        return False
    return _current_cached(str(path), path.stat().st_mtime)
