"""Opening the ledger: where it is, connecting, and bringing its schema up to date.

    --db FILE or URL  >  $SITREP_DB  >  sitrep.db in the working directory

A plain path is an SQLite file; ``postgresql://`` and ``postgres://`` URLs use psycopg 3.
On SQLite, transactions are explicit (``BEGIN`` on every transaction, so that table
creation is transactional too and a kill during it leaves nothing half-made) and the file
runs in WAL mode: readers never wait for the writer, and a killed writer loses only its
open transaction.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from ..errors import NoLedger, StoreError

DEFAULT = "sitrep.db"
ENV = "SITREP_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL of the ledger: ``db``, else $SITREP_DB, else ./sitrep.db."""
    value = (db or os.environ.get(ENV) or DEFAULT).strip()
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    for plain in ("postgresql://", "postgres://"):
        if value.startswith(plain):
            return "postgresql+psycopg://" + value[len(plain):]
    return value


def shown(url: str) -> str:
    """The URL as it may be printed: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def connect(url: str, *, must_exist: bool = False) -> Engine:
    """An engine for ``url`` with its schema migrated to the newest revision. With
    ``must_exist`` an absent SQLite file is an error instead of a new empty ledger."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"--db {url!r}: not a database URL; give a file path, "
                         "sqlite:///FILE or postgresql+psycopg://USER@HOST/DB") from None
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and must_exist and not _sqlite_exists(parsed.database):
        raise NoLedger(f"no ledger at {parsed.database or ':memory:'}; run 'sitrep ingest "
                       "PATH...' first, or point --db / $SITREP_DB at one")
    try:
        engine = create_engine(parsed, future=True)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise StoreError(f"--db {shown(url)}: cannot use this kind of database ({exc})") \
            from None
    if sqlite:
        _explicit_transactions(engine)
    try:
        migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the ledger at {shown(url)}: {first_line(exc)}") \
            from None
    return engine


def _sqlite_exists(database: str | None) -> bool:
    return bool(database) and database != ":memory:" and Path(database).is_file()


def _explicit_transactions(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN of its own
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL",
                       "busy_timeout=30000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")


def migrate(engine: Engine) -> None:
    """Apply every migration not yet recorded (Alembic's ``alembic_version`` table)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def first_line(exc: BaseException) -> str:
    """The driver's own message, first line only (no SQL, no traceback)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__
