"""Analyst corrections: field overrides and merge/split operations on incidents (written by the API)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_analyst_corrections"
down_revision = "0001_incident_store"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "overrides",
        sa.Column("override_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String, nullable=False),
        sa.Column("field_path", sa.Text, nullable=False),
        sa.Column("old_value", sa.JSON, nullable=True),
        sa.Column("new_value", sa.JSON, nullable=True),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_overrides_incident_id", "overrides", ["incident_id"])
    op.create_table(
        "merge_operations",
        sa.Column("operation_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("incident_ids", sa.JSON, nullable=False),
        sa.Column("result_ids", sa.JSON, nullable=False),
        sa.Column("record_ids", sa.JSON, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.CheckConstraint("kind IN ('merge', 'split')", name="ck_merge_operations_kind"),
    )


def downgrade() -> None:
    op.drop_table("merge_operations")
    op.drop_table("overrides")
