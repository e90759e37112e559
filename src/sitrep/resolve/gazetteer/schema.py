"""The gazetteer file: its schema, records, location and version check."""

from __future__ import annotations

import contextlib
import functools
import hashlib
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


def checksum_path(path: Path) -> Path:
    """The file beside the gazetteer holding the sha256 of its bytes, written by the build."""
    return path.with_name(path.name + ".sha256")


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _problem_cached(path: str, mtime: float, size: int) -> str | None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        return "is damaged (not a readable gazetteer)"
    if not row or row[0] != schema_version():
        return "was built by another version of sitrep" if row else "is incomplete"
    return _damage(Path(path))


def _damage(path: Path) -> str | None:
    """Whether the file's bytes are the ones its build wrote (a zeroed block or a flipped
    bit anywhere fails this). A file from before checksums is checked page by page once
    (``PRAGMA quick_check``, a few seconds) and its checksum recorded when it passes."""
    try:
        recorded = checksum_path(path).read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        recorded = None
    if recorded is not None:
        return None if recorded == file_digest(path) else "is damaged (checksum mismatch)"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            verdict = db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError:
        verdict = None
    if not verdict or verdict[0] != "ok":
        return "is damaged (failed SQLite's quick_check)"
    with contextlib.suppress(OSError):  # a read-only cache stays checked each time
        write_checksum(path, file_digest(path))
    return None


def write_checksum(path: Path, digest: str, target: Path | None = None) -> None:
    (target or checksum_path(path)).write_text(digest + "\n", "ascii")


@functools.lru_cache(maxsize=1)
def schema_version() -> str:
    """The schema version and a digest of the build revision and the reviewed data files: a
    file built from older data or by an older build is stale and is rebuilt, not silently
    used."""
    from importlib import resources

    digest = hashlib.sha256(f"build {BUILD_REVISION}".encode())
    for name in ("places_extra.tsv", "place_aliases.tsv"):
        digest.update(resources.files("sitrep.data").joinpath(name).read_bytes())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:12]}"


def problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be used ("is missing", "is damaged ...", "was built
    by another version of sitrep"), or ``None`` when it holds a complete, intact gazetteer
    of this version."""
    try:
        stat = path.stat()
    except OSError:
        return "is missing"
    if not path.is_file():
        return "is not a file"
    return _problem_cached(str(path), stat.st_mtime, stat.st_size)

