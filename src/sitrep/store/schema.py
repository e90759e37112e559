"""The ledger's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

    versions ─┬─ documents ─┬─ claims ── ledger_claims   (a claim row is one source of a
              │             ├─ events ── event_parties    ledger claim: same claimant,
              │             ├─ mentions                   subject, outcome, item, figure
              │             └─ flags                      and statement day)
              └─ failures            places, actors (shared by every document)

Keys are made from content (the sha256 of a document's normalised text, its ordinal
positions, a hash of a ledger claim's identity), never from sequences, so that a run that
was killed and resumed leaves exactly the rows an uninterrupted run leaves. Every row a
document produced carries the id of the sitrep and lexicon versions that produced it.

This module states what the tables are now; ``migrations/`` records how a database gets
there, in order (``tests/store/test_schema.py`` checks the two agree).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(64)  # sha256 hex of a document; shorter hashes for other content keys

versions = Table(
    "versions", metadata,
    Column("id", String(32), primary_key=True),
    Column("sitrep", Text, nullable=False),
    Column("lexicon", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", Text),
    Column("origin", Text, nullable=False),
    Column("report", JSON, nullable=False),
    Column("version_id", ForeignKey("versions.id"), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("origin", Text, primary_key=True),
    Column("document_id", ID),
    Column("error", Text, nullable=False),
    Column("version_id", ForeignKey("versions.id"), nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
)

places = Table(
    "places", metadata,
    Column("id", String(40), primary_key=True),
    Column("geonameid", BigInteger),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text),
    Column("admin1", Text),
    Column("feature", Text),
    Column("precision", Text),
)

actors = Table(
    "actors", metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
)

ledger_claims = Table(
    "ledger_claims", metadata,
    Column("id", String(32), primary_key=True),
    Column("claimant", Text),  # the actor code, or the name when no code was found
    Column("subject_actor", Text),
    Column("subject_kind", Text),
    Column("outcome", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("value", BigInteger),
    Column("qualifier", Text, nullable=False),
    Column("low", BigInteger),
    Column("high", BigInteger),
    Column("vague", Text),
    Column("stated_on", Date),
)


def _claim_columns() -> list[Column]:
    return [
        Column("document_id", ForeignKey("documents.id"), primary_key=True),
        Column("ordinal", Integer, primary_key=True, autoincrement=False),
        Column("ledger_claim_id", ForeignKey("ledger_claims.id"), nullable=False, index=True),
        Column("report_id", Text),
        Column("claimant_actor", Text),
        Column("claimant_name", Text),
        Column("claimant_person", Text),
        Column("claimant_role", Text),
        Column("subject_actor", Text),
        Column("subject_kind", Text),
        Column("subject_text", Text),
        Column("outcome", Text, nullable=False),
        Column("item", Text, nullable=False),
        Column("item_class", Text),
        Column("item_detail", Text),
        Column("value", BigInteger),
        Column("qualifier", Text, nullable=False),
        Column("low", BigInteger),
        Column("high", BigInteger),
        Column("vague", Text),
        Column("coded_value", BigInteger),
        Column("stated_on", Date, index=True),
        Column("period_start", Date),
        Column("period_end", Date),
        Column("event_date", Date),
        Column("place_id", ForeignKey("places.id")),
        Column("background", Boolean),
        Column("parent", Text),
        Column("event", Text),
        Column("evidence_start", Integer, nullable=False),
        Column("evidence_end", Integer, nullable=False),
        Column("evidence_text", Text, nullable=False),
        Column("version_id", ForeignKey("versions.id"), nullable=False),
    ]


claims = Table("claims", metadata, *_claim_columns())

events = Table(
    "events", metadata,
    Column("document_id", ForeignKey("documents.id"), primary_key=True),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("report_id", Text),
    Column("type", Text, nullable=False, index=True),
    Column("mode", Text),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("precision", Text),
    Column("place_id", ForeignKey("places.id")),
    Column("background", Boolean),
    Column("reporter_actor", Text),
    Column("reporter_name", Text),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("version_id", ForeignKey("versions.id"), nullable=False),
)

event_parties = Table(
    "event_parties", metadata,
    Column("document_id", ID, primary_key=True),
    Column("event_ordinal", Integer, primary_key=True, autoincrement=False),
    Column("role", Text, primary_key=True),  # "actor" or "recipient"
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("actor", Text, index=True),
    Column("text", Text),
    Column("version_id", ForeignKey("versions.id"), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("document_id", ForeignKey("documents.id"), primary_key=True),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("entity_kind", Text, nullable=False),
    Column("code", Text),
    Column("canonical", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("repaired", Boolean, nullable=False),
    Column("version_id", ForeignKey("versions.id"), nullable=False),
)

flags = Table(
    "flags", metadata,
    Column("document_id", ForeignKey("documents.id"), primary_key=True),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("kind", Text, nullable=False, index=True),
    Column("message", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("evidence", JSON, nullable=False),
    Column("version_id", ForeignKey("versions.id"), nullable=False),
)

# Rows a document owns, in the order they are deleted when it is re-extracted.
DOCUMENT_ROWS = (event_parties, events, claims, mentions, flags)
# Every table, in an order that satisfies the foreign keys when filling.
ALL = (versions, places, actors, documents, failures, ledger_claims, claims, events,
       event_parties, mentions, flags)
