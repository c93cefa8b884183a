"""Undoable merge and split: who undid a correction and when, the assignments an operation replaced, and an index
from each incident to the operations that touched it."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_correction_undo"
down_revision = "0003_api_list_indexes"
branch_labels = None
depends_on = None

UNDO_COLUMNS = ("undone_at", "undone_by", "undo_reason")


def _undo_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.Text, nullable=True),
        sa.Column("undo_reason", sa.Text, nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("overrides") as batch:
        for column in _undo_columns():
            batch.add_column(column)
    with op.batch_alter_table("merge_operations") as batch:
        for column in _undo_columns():
            batch.add_column(column)
        batch.add_column(sa.Column("before", sa.JSON, nullable=True))
    links = op.create_table(
        "operation_incidents",
        sa.Column("operation_id", sa.Integer, sa.ForeignKey("merge_operations.operation_id"), primary_key=True),
        sa.Column("incident_id", sa.String, primary_key=True),
    )
    op.create_index("ix_operation_incidents_incident_id", "operation_incidents", ["incident_id"])
    logged = sa.table("merge_operations", sa.column("operation_id"), sa.column("incident_ids", sa.JSON),
                      sa.column("result_ids", sa.JSON))
    rows = [
        {"operation_id": row.operation_id, "incident_id": incident_id}
        for row in op.get_bind().execute(sa.select(logged))
        for incident_id in sorted({*row.incident_ids, *row.result_ids})
    ]
    if rows:
        op.bulk_insert(links, rows)


def downgrade() -> None:
    op.drop_index("ix_operation_incidents_incident_id", table_name="operation_incidents")
    op.drop_table("operation_incidents")
    with op.batch_alter_table("merge_operations") as batch:
        for name in ("before", *UNDO_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("overrides") as batch:
        for name in UNDO_COLUMNS:
            batch.drop_column(name)
