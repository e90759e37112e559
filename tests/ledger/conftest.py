"""The ledger tests share the ``war`` ledger defined in tests/conftest.py."""

from __future__ import annotations

from ..conftest import WAR, ingest_war, published_of

__all__ = ["WAR", "ingest_war", "published_of"]
