"""The Store: one ledger database, written one document per transaction.

    store = Store.open("sitrep.db")          # or a postgresql+psycopg:// URL
    store.write(rows, replace=False)         # a document and every row it owns, atomically
    store.counts()                           # rows per table

A document's rows are written in one transaction together with the shared rows they need
(places, actors, ledger claims), so a process killed at any moment leaves either the whole
document or nothing of it. Shared rows are inserted only when absent: the first document
that names a place or an actor gives its row, the same in every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Table, and_, delete, exists, func, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from ..errors import BadOption, StoreError
from . import schema as s
from .database import connect, first_line, resolve_url, shown


@dataclass(frozen=True)
class DocumentRows:
    """Everything one document adds to the ledger, as rows of the store's tables."""

    document: dict
    version: dict
    places: Sequence[dict] = ()
    actors: Sequence[dict] = ()
    ledger_claims: Sequence[dict] = ()
    owned: dict[str, Sequence[dict]] = field(default_factory=dict)  # table name -> rows

    @property
    def id(self) -> str:
        return self.document["id"]


class Store:
    """A ledger database; open one per process and close it when done."""

    def __init__(self, engine: Engine, url: str = ""):
        self.engine = engine
        self.url = url or str(engine.url)

    @classmethod
    def open(cls, db: str | None = None, *, must_exist: bool = False) -> Store:
        url = resolve_url(db)
        return cls(connect(url, must_exist=must_exist), url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @property
    def shown_url(self) -> str:
        return shown(self.url)

    # ---- writing ------------------------------------------------------------------------

    def version_of(self, document_id: str) -> str | None:
        """The version id that made a stored document, or None when it is not stored."""
        with self._connect() as conn:
            return conn.scalar(select(s.documents.c.version_id)
                               .where(s.documents.c.id == document_id))

    def write(self, rows: DocumentRows, *, replace: bool = False) -> None:
        """Store one document and all its rows in one transaction; ``replace`` first
        removes what an earlier extraction of the same document stored."""
        with self._begin() as conn:
            insert_absent(conn, s.versions, [rows.version])
            stale = self._remove(conn, rows.id) if replace else set()
            insert_absent(conn, s.places, rows.places)
            insert_absent(conn, s.actors, rows.actors)
            insert_absent(conn, s.ledger_claims, rows.ledger_claims)
            conn.execute(insert(s.documents), [rows.document])
            for table in s.DOCUMENT_ROWS[::-1]:
                if rows.owned.get(table.name):
                    conn.execute(insert(table), list(rows.owned[table.name]))
            _drop_unsourced(conn, stale)
            conn.execute(delete(s.failures).where(
                s.failures.c.origin == rows.document["origin"]))

    def _remove(self, conn: Connection, document_id: str) -> set[str]:
        claims = s.claims.c
        stale = set(conn.scalars(select(claims.ledger_claim_id)
                                 .where(claims.document_id == document_id)))
        for table in s.DOCUMENT_ROWS:
            conn.execute(delete(table).where(table.c.document_id == document_id))
        conn.execute(delete(s.documents).where(s.documents.c.id == document_id))
        return stale

    def record_failure(self, origin: str, error: str, version: dict,
                       document_id: str | None = None) -> None:
        """Remember a document that could not be read or extracted (once per origin)."""
        with self._begin() as conn:
            insert_absent(conn, s.versions, [version])
            conn.execute(delete(s.failures).where(s.failures.c.origin == origin))
            conn.execute(insert(s.failures), [{
                "origin": origin, "document_id": document_id, "error": error[:2000],
                "version_id": version["id"], "failed_at": datetime.now(UTC)}])

    def clear_failure(self, origin: str) -> None:
        with self._begin() as conn:
            conn.execute(delete(s.failures).where(s.failures.c.origin == origin))

    # ---- reading ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table, in schema order."""
        with self._connect() as conn:
            return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in s.ALL}

    def outdated(self, version_id: str) -> list[str]:
        """Ids of stored documents that another sitrep or lexicon version produced."""
        docs = s.documents.c
        with self._connect() as conn:
            return list(conn.scalars(select(docs.id).where(docs.version_id != version_id)
                                     .order_by(docs.id)))

    def fetch(self, statement) -> list[dict]:
        """Rows of a SELECT as dicts."""
        with self._connect() as conn:
            return [dict(row._mapping) for row in conn.execute(statement)]

    def find_document(self, prefix: str) -> dict:
        """The stored document whose id is ``prefix`` or starts with it (at least 6 hex
        digits, unique)."""
        docs = s.documents
        prefix = prefix.strip().lower()
        if len(prefix) < 6:
            raise BadOption(f"document id {prefix!r}: give at least 6 characters of it")
        found = self.fetch(select(docs).where(docs.c.id.like(prefix + "%")).limit(2))
        if not found:
            raise BadOption(f"no document with an id starting {prefix!r} in the ledger; "
                            "'sitrep claims --format json' lists document ids")
        if len(found) > 1:
            raise BadOption(f"document id {prefix!r} is ambiguous; give more of it")
        return found[0]

    # ---- connections --------------------------------------------------------------------

    def _begin(self):
        return _Guard(self.engine.begin(), self.shown_url)

    def _connect(self):
        return _Guard(self.engine.connect(), self.shown_url)


# A row one document cannot store (a constraint, a value out of range): that document fails,
# the run goes on. Any other driver error (a lost connection, a locked file) stops the run.
DOCUMENT_ERRORS = (IntegrityError, DataError)


class _Guard:
    """A connection context whose driver errors become one-line StoreErrors, except the
    errors of one document's data (``DOCUMENT_ERRORS``), left to the caller."""

    def __init__(self, context, url: str):
        self._context, self._url = context, url

    def __enter__(self) -> Connection:
        try:
            return self._context.__enter__()
        except DBAPIError as exc:
            raise StoreError(f"ledger {self._url}: {first_line(exc)}") from None

    def __exit__(self, kind, exc, tb) -> bool:
        try:
            self._context.__exit__(kind, exc, tb)
        except DOCUMENT_ERRORS:
            raise
        except DBAPIError as error:
            raise StoreError(f"ledger {self._url}: {first_line(error)}") from None
        if isinstance(exc, DBAPIError) and not isinstance(exc, DOCUMENT_ERRORS):
            raise StoreError(f"ledger {self._url}: {first_line(exc)}") from None
        return False


def insert_absent(conn: Connection, table: Table, rows: Iterable[dict]) -> None:
    """Insert the rows whose primary key is not there yet (the first one wins)."""
    key = [c.name for c in table.primary_key.columns]
    unique = list({tuple(r[k] for k in key): r for r in reversed(list(rows))}.values())[::-1]
    if not unique:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    conn.execute(dialect_insert(table).on_conflict_do_nothing(index_elements=key), unique)


def _drop_unsourced(conn: Connection, ids: set[str]) -> None:
    """Remove ledger claims that no stored claim supports any more."""
    if not ids:
        return
    lc, c = s.ledger_claims.c, s.claims.c
    conn.execute(delete(s.ledger_claims).where(and_(
        lc.id.in_(sorted(ids)), ~exists().where(c.ledger_claim_id == lc.id))))
