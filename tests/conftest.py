"""Shared fixtures: the spaCy pipeline (loaded once per test session) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).parent / "fixtures"
# Third-party evaluation data lives beside the repository, never in it (../shared/eval/).
EVAL = ROOT.parent / "shared" / "eval"


def eval_data(*parts: str) -> Path:
    """A path under ../shared/eval/; the calling test is skipped, saying which data it
    needs, when that path is absent (a fresh clone has no ../shared)."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the evaluation data at {path} (absent here; CI has it)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def extractor(nlp, gazetteer):
    from sitrep.pipeline import Extractor

    return Extractor(nlp, gazetteer=gazetteer)


@pytest.fixture(scope="session")
def example_text() -> str:
    return (EXAMPLES / "naka-2020-09-30.txt").read_text("utf-8")


# Towns of these countries only (countries, subdivisions and reviewed regions are always
# complete): enough for the fixture reports, and a build of seconds instead of half a minute.
GAZETTEER_COUNTRIES = (
    "AZE", "ARM", "UKR", "RUS", "SYR", "SDN", "YEM", "SAU", "MMR", "MLI", "BFA", "NER", "GEO",
    "ETH", "ERI", "SOM", "KEN", "AFG", "IRQ", "IRN", "LBY", "NGA", "COD", "RWA", "BDI", "PSE",
    "ISR", "LBN", "EGY", "GRC", "COL", "IND", "PAK", "SLV", "GTM", "PER", "TUR",
)


def session_gazetteer(tmp_path_factory):
    """The test session's gazetteer, built once into pytest's temporary directory."""
    from sitrep.resolve import gazetteer as gz

    path = tmp_path_factory.getbasetemp() / "sitrep-cache" / gz.FILE_NAME
    if not path.exists():
        gz.build(path, cities_of=GAZETTEER_COUNTRIES)
    return gz.Gazetteer.open(path, build_if_missing=False)


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    return session_gazetteer(tmp_path_factory)


# ---- ledger databases ---------------------------------------------------------------------

# CI (.ci/run) starts a PostgreSQL server and exports its URL here; a developer's machine
# may have one at the same default address.
POSTGRES_ENV = "SITREP_TEST_POSTGRES"
POSTGRES_DEFAULT = "postgresql+psycopg://sitrep:sitrep@localhost:5432/sitrep_test"


def postgres_base_url() -> str:
    """The test server's URL; the calling test is skipped, saying why, when no server is
    reachable there (in CI, where .ci/run starts one, it fails instead)."""
    import os

    import sqlalchemy as sa

    url = os.environ.get(POSTGRES_ENV, POSTGRES_DEFAULT)
    try:
        engine = sa.create_engine(url)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 -- any failure to connect means "no server"
        reason = (f"no PostgreSQL server reachable at {url} ({type(exc).__name__}); "
                  f"set ${POSTGRES_ENV} to a database sitrep may create schemas in")
        if os.environ.get("CI") and os.environ.get(POSTGRES_ENV):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


def fresh_database(kind: str, tmp_path: Path):
    """A URL for an empty ledger of ``kind`` ("sqlite" or "postgresql") and a function
    that removes it. On PostgreSQL each ledger is its own schema."""
    import uuid

    if kind == "sqlite":
        return f"sqlite:///{tmp_path / f'ledger-{uuid.uuid4().hex[:8]}.db'}", None

    import sqlalchemy as sa

    base = postgres_base_url()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"

    def drop():
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()

    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty ledger's URL, once on SQLite and once on PostgreSQL."""
    url, drop = fresh_database(request.param, tmp_path)
    yield url
    if drop:
        drop()


@pytest.fixture()
def make_db(request, tmp_path):
    """A factory of empty ledgers of one kind (for tests that need several)."""
    drops = []

    def make(kind: str) -> str:
        url, drop = fresh_database(kind, tmp_path)
        if drop:
            drops.append(drop)
        return url

    yield make
    for drop in drops:
        drop()


# ---- a small real ledger of one war: the bundled example and the ledger fixtures ------------

WAR = [EXAMPLES / "naka-2020-09-30.txt", *sorted((FIXTURES / "ledger").glob("*.txt"))]


def published_of(path) -> str:
    """The report date in the fixture's file name (name-YYYY-MM-DD.txt)."""
    return path.stem[-10:]


def ingest_war(store, extractor, paths=WAR):
    from sitrep.ingest import sources
    from sitrep.ledger.ingest import Ingestor

    ingestor = Ingestor(store, extractor)
    return [ingestor.run(sources.documents([p], published_of(p))) for p in paths]


@pytest.fixture()
def war(db_url, extractor):
    """A ledger (SQLite, then PostgreSQL) holding the four reports of the 2020 war."""
    from sitrep.store import Store

    with Store.open(db_url) as store:
        ingest_war(store, extractor)
        yield store
