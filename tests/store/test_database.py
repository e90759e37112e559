"""The store: where the ledger is, its migrations, and its errors."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sitrep.errors import NoLedger, StoreError
from sitrep.store import Store, resolve_url
from sitrep.store.schema import metadata


def test_the_migrations_make_the_schema_the_code_declares(db_url):
    with Store.open(db_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == "0001"
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_opening_again_migrates_nothing_and_keeps_rows(db_url):
    with Store.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO actors (code, name) VALUES ('ARM', 'Armenia')"))
    with Store.open(db_url) as store:
        assert store.counts()["actors"] == 1


def test_where_the_ledger_is(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_DB", raising=False)
    assert resolve_url(None) == "sqlite:///sitrep.db"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path}/x.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("SITREP_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("mine.db") == "sqlite:///mine.db"


@pytest.mark.parametrize("url, message", [
    ("nosuchdb://x/y", "cannot use this kind of database"),
    ("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", "cannot open the ledger"),
])
def test_a_database_that_cannot_be_opened_is_one_line(url, message):
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    text = str(caught.value)
    assert message in text and "\n" not in text and "secret" not in text


def test_readers_do_not_create_a_ledger(tmp_path):
    missing = tmp_path / "none.db"
    with pytest.raises(NoLedger, match="sitrep ingest"):
        Store.open(str(missing), must_exist=True)
    assert not missing.exists()
