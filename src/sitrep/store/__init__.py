"""The ledger's store: SQLAlchemy Core schema, Alembic migrations, SQLite and PostgreSQL.

    from sitrep.store import Store
    with Store.open("sitrep.db") as store:          # a path, or a database URL
        print(store.counts())
"""

from __future__ import annotations

from .database import DEFAULT, ENV, resolve_url
from .ledger_store import DocumentRows, Store

__all__ = ["DEFAULT", "ENV", "DocumentRows", "Store", "resolve_url"]
