"""A small real ledger of one war: the bundled example and the ledger fixtures."""

from __future__ import annotations

import pytest

from sitrep.ingest import sources
from sitrep.ledger.ingest import Ingestor
from sitrep.store import Store

from ..conftest import EXAMPLES, FIXTURES

WAR = [EXAMPLES / "naka-2020-09-30.txt", *sorted((FIXTURES / "ledger").glob("*.txt"))]


def published_of(path) -> str:
    """The report date in the fixture's file name (name-YYYY-MM-DD.txt)."""
    return path.stem[-10:]


def ingest_war(store: Store, extractor, paths=WAR):
    ingestor = Ingestor(store, extractor)
    summaries = [ingestor.run(sources.documents([p], published_of(p))) for p in paths]
    return summaries


@pytest.fixture()
def war(db_url, extractor):
    """A ledger (SQLite, then PostgreSQL) holding the four reports of the 2020 war."""
    with Store.open(db_url) as store:
        ingest_war(store, extractor)
        yield store
