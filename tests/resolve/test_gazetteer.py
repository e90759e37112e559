"""The SQLite gazetteer: build into a temporary directory, then exact and fuzzy lookups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.resolve import gazetteer as gz
from sitrep.resolve.gazetteer import Gazetteer, GazetteerMissing
from sitrep.resolve.places import haversine_km
from tests.conftest import session_gazetteer


# Towns of these countries only, to keep the test build to seconds; countries, subdivisions
# and the reviewed additions are always complete.
def built_gazetteer(tmp_path_factory) -> Gazetteer:
    """One gazetteer per test session, in pytest's temporary directory (shared with the
    extraction tests, see tests/conftest.py)."""
    return session_gazetteer(tmp_path_factory)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return built_gazetteer(tmp_path_factory)


def test_build_writes_a_current_indexed_file(gazetteer):
    stats = gazetteer.stats()
    assert stats["schema"] == gz.schema_version() and stats["schema"].startswith(gz.SCHEMA_VERSION)
    assert int(stats["places"]) > 50_000
    with sqlite3.connect(gazetteer.path) as db:
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"name_form", "name_country"} <= indexes


def test_cache_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(gz.ENV_VAR, str(tmp_path))
    assert gz.default_path() == tmp_path / gz.FILE_NAME
    monkeypatch.delenv(gz.ENV_VAR)
    assert gz.default_path().name == gz.FILE_NAME
    assert "sitrep" in str(gz.default_path().parent)


def test_missing_file_is_an_error_when_building_is_off(tmp_path):
    with pytest.raises(GazetteerMissing, match="sitrep gazetteer build"):
        Gazetteer.open(tmp_path / "none.sqlite", build_if_missing=False)


def test_a_truncated_file_is_not_taken_for_a_gazetteer(tmp_path):
    broken = tmp_path / gz.FILE_NAME
    broken.write_bytes(b"SQLite format 3\x00 truncated")
    with pytest.raises(GazetteerMissing):
        Gazetteer.open(broken, build_if_missing=False)


def test_countries_resolve_to_their_own_record(gazetteer):
    top = gazetteer.lookup("Greece")[0]
    assert (top.name, top.feature, top.country, top.precision) == (
        "Greece", "country", "GRC", "country")
    assert top.geonameid == 390903
    assert gazetteer.lookup("Georgia")[0].country == "GEO"
    assert gazetteer.lookup("Georgia", countries=["USA"])[0].feature == "admin1"
    assert gazetteer.lookup("Democratic Republic of Congo")[0].country == "COD"


def test_spelling_variants_in_any_script_find_the_town(gazetteer):
    for written in ("hojali", "Xocalı", "Ходжалы", "Khodzhaly"):
        town = next(c for c in gazetteer.lookup(written) if c.feature == "city")
        assert haversine_km(town.lat, town.lon, 39.9113, 46.7892) < 25, written


def test_alias_table_and_abbreviations(gazetteer):
    naka = gazetteer.lookup("Naka", countries=["AZE"])[0]
    assert (naka.name, naka.match) == ("Nagorno-Karabakh", "mt")
    assert gazetteer.lookup("Congo (Gold)")[0].country == "COD"
    kentucky = gazetteer.lookup("Ky.")[0]
    assert (kentucky.name, kentucky.match) == ("Kentucky", "abbrev")
    # Case-sensitive abbreviations do not match ordinary words.
    assert all(c.name != "Kentucky" for c in gazetteer.lookup("ky"))
    assert all(c.name != "Massachusetts" for c in gazetteer.lookup("mass"))


def test_demonyms_point_to_their_country(gazetteer):
    top = gazetteer.lookup("Azerbaijani")[0]
    assert (top.name, top.match) == ("Azerbaijan", "demonym")


def test_reviewed_regions_and_front_lines(gazetteer):
    donbas = gazetteer.lookup("Donbass")[0]
    assert (donbas.feature, donbas.country, donbas.precision) == ("region", "UKR", "region")
    lines = gazetteer.lookup("line of contact", countries=["UKR"])
    assert [c.feature for c in lines] == ["front_line"]
    assert lines[0].country == "UKR"


def test_subdivisions_have_english_names_and_coordinates(gazetteer):
    oblast = next(c for c in gazetteer.lookup("Donetsk Oblast") if c.feature == "admin1")
    assert oblast.name == "Donetsk Oblast"
    assert oblast.geonameid == 709716
    assert oblast.lat is not None and 46 < oblast.lat < 50
    town = next(c for c in gazetteer.lookup("Kramatorsk") if c.feature == "city")
    assert town.admin1 == "Donetsk Oblast"


def test_fuzzy_finds_sound_alikes_within_the_countries(gazetteer):
    best, score = gazetteer.fuzzy("kawacha", countries=["AZE"])[0]
    assert haversine_km(best.lat, best.lon, 40.1067, 46.0381) < 40
    assert score == 1.0
    assert best.match == "fuzzy"
    assert all(c.country == "SDN" for c, _ in gazetteer.fuzzy("Kartoum", countries=["SDN"]))


def test_sounding_gives_the_perfect_matches_of_fuzzy(gazetteer):
    for name, countries in (("kawacha", ["AZE"]), ("Nikolayev", ["UKR"]), ("Mariupol", ["UKR"])):
        perfect = [c for c, score in gazetteer.fuzzy(name, countries=countries, limit=5)
                   if score >= 0.999]
        assert perfect, name
        assert gazetteer.sounding(name, countries=countries, limit=5) == perfect
    assert gazetteer.sounding("Xqzvw", countries=["UKR"]) == []


def test_fuzzy_without_countries_searches_only_major_places(gazetteer):
    for candidate, _ in gazetteer.fuzzy("Mariupl"):
        assert candidate.feature != "city" or candidate.population >= 100_000


def test_lookup_is_fast_once_open(gazetteer):
    import time

    start = time.perf_counter()
    for _ in range(100):
        gazetteer.lookup("Aleppo")
    assert time.perf_counter() - start < 1.0


def test_opening_an_existing_file_takes_well_under_a_second(gazetteer):
    import time

    start = time.perf_counter()
    again = Gazetteer.open(Path(gazetteer.path), build_if_missing=False)
    again.lookup("Baku")
    assert time.perf_counter() - start < 1.0
    again.close()


def test_country_points_are_main_landmass_centroids_near_the_factbook_point():
    from sitrep.resolve.gazetteer.geometry import AGREE_KM, country_point, km, landmass_centre

    def square(lon, lat, side):
        ring = [[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side]]
        return {"geometry": {"type": "Polygon", "coordinates": [ring]}}

    mainland = {"type": "FeatureCollection", "features": [square(40, 0, 0.5), square(10, 0, 2)]}
    lat, lon = landmass_centre(mainland)  # the larger polygon only
    assert abs(lat - 1.0) < 0.01 and abs(lon - 11.0) < 1e-9
    islands = {"type": "FeatureCollection", "features": [square(10, 0, 1), square(20, 0, 1)]}
    assert landmass_centre(islands) is None  # no polygon holds two thirds of the land
    assert landmass_centre(None) is None
    assert country_point((2.0, 11.0), (1.0, 11.0)) == (1.0, 11.0)
    far = (1.0, 11.0 + 2 * AGREE_KM / 111)
    assert km((1.0, 11.0), far) > AGREE_KM
    assert country_point((1.0, 11.0), far) == (1.0, 11.0)  # the Factbook point is kept
    assert country_point(None, (1.0, 11.0)) == (1.0, 11.0)


def test_united_states_point_is_near_the_geonames_and_wikipedia_points(gazetteer):
    usa = gazetteer.country("USA")
    # The Factbook point (38 N 97 W) is 235 km from GeoNames' 39.76 N 98.5 W.
    assert haversine_km(usa.lat, usa.lon, 39.76, -98.5) < 161
    assert haversine_km(usa.lat, usa.lon, 40.0, -100.0) < 161


def _copy(gazetteer, folder: Path) -> Path:
    import shutil

    target = folder / gz.FILE_NAME
    shutil.copyfile(gazetteer.path, target)
    shutil.copyfile(gz.schema.checksum_path(gazetteer.path), gz.schema.checksum_path(target))
    return target


@pytest.mark.parametrize("damage", [
    lambda data, mid: data[:mid] + bytes(4096) + data[mid + 4096:],  # a block of zeros
    lambda data, mid: data[:mid] + bytes([data[mid] ^ 0x10]) + data[mid + 1:],  # one bit
])
def test_damage_in_the_middle_is_detected(gazetteer, tmp_path, damage):
    path = _copy(gazetteer, tmp_path)
    assert gz.problem(path) is None
    data = path.read_bytes()
    path.write_bytes(damage(data, len(data) // 2))
    assert "damaged" in gz.problem(path)
    with pytest.raises(GazetteerMissing, match="damaged"):
        Gazetteer.open(path, build_if_missing=False)


def test_a_damaged_gazetteer_is_rebuilt(gazetteer, tmp_path, monkeypatch):
    import functools

    from sitrep.resolve.gazetteer import store

    path = _copy(gazetteer, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    # the real build, of one country's towns to keep the test short
    monkeypatch.setattr(store, "build", functools.partial(gz.build, cities_of=("ARM",)))
    rebuilt = Gazetteer.open(path)
    assert gz.problem(path) is None and rebuilt.lookup("Yerevan")


def test_a_file_without_checksum_is_checked_once_and_adopted(gazetteer, tmp_path):
    path = _copy(gazetteer, tmp_path)
    gz.schema.checksum_path(path).unlink()
    assert gz.problem(path) is None  # PRAGMA quick_check passed
    assert gz.schema.checksum_path(path).read_text().strip() == gz.schema.file_digest(path)


def test_a_failing_build_leaves_no_temporary_file(tmp_path, monkeypatch):
    import importlib

    build_module = importlib.import_module("sitrep.resolve.gazetteer.build")

    def fail(self):
        raise RuntimeError("stopped midway")

    monkeypatch.setattr(build_module._Loader, "load_all", fail)
    with pytest.raises(RuntimeError):
        gz.build(tmp_path / gz.FILE_NAME, cities_of=("ARM",))
    assert list(tmp_path.iterdir()) == []


def test_a_build_killed_midway_leaves_no_orphan(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / gz.FILE_NAME
    code = ("import sys; from sitrep.resolve import gazetteer as gz; "
            "gz.build(__import__('pathlib').Path(sys.argv[1]), cities_of=('ARM',))")
    child = subprocess.Popen([sys.executable, "-c", code, str(path)])
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob("*.tmp")) and time.monotonic() < deadline \
            and child.poll() is None:
        time.sleep(0.05)
    assert list(tmp_path.glob("*.tmp")), "the build never started writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert list(tmp_path.glob("*.tmp"))  # what the killed build left
    with pytest.raises(GazetteerMissing):
        Gazetteer.open(path, build_if_missing=False)
    assert list(tmp_path.iterdir()) == []  # swept: its process is gone
