"""The first ledger: documents, failures, claims and ledger claims, events and their
parties, places, actors, mentions, flags, and the versions that made each row.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DOC = sa.String(64)


def _version() -> sa.Column:
    return sa.Column("version_id", sa.String(32), sa.ForeignKey("versions.id"), nullable=False)


def _evidence() -> list[sa.Column]:
    return [sa.Column("evidence_start", sa.Integer, nullable=False),
            sa.Column("evidence_end", sa.Integer, nullable=False),
            sa.Column("evidence_text", sa.Text, nullable=False)]


def _owned(name: str, *columns: sa.Column) -> None:
    """A table of rows one document owns, keyed by (document_id, ordinal)."""
    op.create_table(
        name,
        sa.Column("document_id", DOC, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("ordinal", sa.Integer, primary_key=True, autoincrement=False),
        *columns,
        _version(),
    )


def upgrade() -> None:
    op.create_table(
        "versions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("sitrep", sa.Text, nullable=False),
        sa.Column("lexicon", sa.Text, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", DOC, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("language", sa.Text),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("report", sa.JSON, nullable=False),
        _version(),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "failures",
        sa.Column("origin", sa.Text, primary_key=True),
        sa.Column("document_id", DOC),
        sa.Column("error", sa.Text, nullable=False),
        _version(),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("geonameid", sa.BigInteger),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("feature", sa.Text),
        sa.Column("precision", sa.Text),
    )
    op.create_table(
        "actors",
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "ledger_claims",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("claimant", sa.Text),
        sa.Column("subject_actor", sa.Text),
        sa.Column("subject_kind", sa.Text),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("value", sa.BigInteger),
        sa.Column("qualifier", sa.Text, nullable=False),
        sa.Column("low", sa.BigInteger),
        sa.Column("high", sa.BigInteger),
        sa.Column("vague", sa.Text),
        sa.Column("stated_on", sa.Date),
    )
    _owned(
        "claims",
        sa.Column("ledger_claim_id", sa.String(32), sa.ForeignKey("ledger_claims.id"),
                  nullable=False),
        sa.Column("report_id", sa.Text),
        sa.Column("claimant_actor", sa.Text),
        sa.Column("claimant_name", sa.Text),
        sa.Column("claimant_person", sa.Text),
        sa.Column("claimant_role", sa.Text),
        sa.Column("subject_actor", sa.Text),
        sa.Column("subject_kind", sa.Text),
        sa.Column("subject_text", sa.Text),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("item_class", sa.Text),
        sa.Column("item_detail", sa.Text),
        sa.Column("value", sa.BigInteger),
        sa.Column("qualifier", sa.Text, nullable=False),
        sa.Column("low", sa.BigInteger),
        sa.Column("high", sa.BigInteger),
        sa.Column("vague", sa.Text),
        sa.Column("coded_value", sa.BigInteger),
        sa.Column("stated_on", sa.Date),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("event_date", sa.Date),
        sa.Column("place_id", sa.String(40), sa.ForeignKey("places.id")),
        sa.Column("background", sa.Boolean),
        sa.Column("parent", sa.Text),
        sa.Column("event", sa.Text),
        *_evidence(),
    )
    op.create_index("ix_claims_ledger_claim_id", "claims", ["ledger_claim_id"])
    op.create_index("ix_claims_stated_on", "claims", ["stated_on"])
    _owned(
        "events",
        sa.Column("report_id", sa.Text),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("precision", sa.Text),
        sa.Column("place_id", sa.String(40), sa.ForeignKey("places.id")),
        sa.Column("background", sa.Boolean),
        sa.Column("reporter_actor", sa.Text),
        sa.Column("reporter_name", sa.Text),
        sa.Column("acled_event_type", sa.Text),
        sa.Column("acled_sub_event_type", sa.Text),
        *_evidence(),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_table(
        "event_parties",
        sa.Column("document_id", DOC, primary_key=True),
        sa.Column("event_ordinal", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("role", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("actor", sa.Text),
        sa.Column("text", sa.Text),
        _version(),
    )
    op.create_index("ix_event_parties_actor", "event_parties", ["actor"])
    _owned(
        "mentions",
        sa.Column("entity_kind", sa.Text, nullable=False),
        sa.Column("code", sa.Text),
        sa.Column("canonical", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("repaired", sa.Boolean, nullable=False),
    )
    _owned(
        "flags",
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    op.create_index("ix_flags_kind", "flags", ["kind"])


def downgrade() -> None:
    for name in ("flags", "mentions", "event_parties", "events", "claims", "ledger_claims",
                 "actors", "places", "failures", "documents", "versions"):
        op.drop_table(name)
