"""Alembic's entry point for sitrep's ledger: migrations run on the connection the store
hands over (``config.attributes["connection"]``); sitrep never runs Alembic from a file."""

from __future__ import annotations

from alembic import context

from sitrep.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
