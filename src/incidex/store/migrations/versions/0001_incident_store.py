"""Incident store: documents, extracted records with evidence, resolver assignments, merged incidents."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_incident_store"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("document_id", sa.String, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("origin", sa.Text, nullable=True),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("published", sa.String(32), nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("chars", sa.Integer, nullable=True),
        sa.Column("text", sa.Text, nullable=True),
        sa.CheckConstraint("status IN ('ok', 'failed', 'unreadable')", name="ck_documents_status"),
    )
    op.create_table(
        "records",
        sa.Column("record_id", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, sa.ForeignKey("documents.document_id"), nullable=False),
        sa.Column("incident_key", sa.String, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("admin1", sa.Text, nullable=True),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("incident", sa.JSON, nullable=False),
    )
    op.create_index("ix_records_document_id", "records", ["document_id"])
    op.create_table(
        "evidence",
        sa.Column("record_id", sa.String, sa.ForeignKey("records.record_id"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("component", sa.Text, nullable=False),
    )
    op.create_table(
        "assignments",
        sa.Column("record_id", sa.String, sa.ForeignKey("records.record_id"), primary_key=True),
        sa.Column("cluster_id", sa.String, nullable=False),
        sa.Column("new_cluster", sa.Boolean, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
    )
    op.create_index("ix_assignments_cluster_id", "assignments", ["cluster_id"])
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String, primary_key=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("date_from", sa.String(10), nullable=True),
        sa.Column("date_to", sa.String(10), nullable=True),
        sa.Column("window_from", sa.String(10), nullable=False),
        sa.Column("window_to", sa.String(10), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("admin1", sa.Text, nullable=True),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("perpetrators", sa.JSON, nullable=False),
        sa.Column("victims", sa.JSON, nullable=False),
        sa.Column("killed", sa.Integer, nullable=True),
        sa.Column("injured", sa.Integer, nullable=True),
        sa.Column("hostages_taken", sa.Integer, nullable=True),
        sa.Column("hostages_released", sa.Integer, nullable=True),
        sa.Column("arrested", sa.Integer, nullable=True),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("document_ids", sa.JSON, nullable=False),
        sa.Column("record_ids", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=True),
        sa.Column("merged", sa.JSON, nullable=False),
    )
    op.create_index("ix_incidents_date_from", "incidents", ["date_from"])
    op.create_index("ix_incidents_window_to", "incidents", ["window_to"])
    op.create_index("ix_incidents_type", "incidents", ["type"])
    op.create_index("ix_incidents_country", "incidents", ["country"])


def downgrade() -> None:
    for name in ("incidents", "assignments", "evidence", "records", "documents"):
        op.drop_table(name)
