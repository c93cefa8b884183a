"""Evidence may come from a document's metadata instead of a span of its text (a country taken from the outlet's
home country): ``evidence.start_char`` and ``end_char`` become nullable. Stored rows are unchanged."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_evidence_from_metadata"
down_revision = "0013_merged_view_mentions"
branch_labels = None
depends_on = None

SPAN_COLUMNS = ("start_char", "end_char")


def upgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        for name in SPAN_COLUMNS:
            batch.alter_column(name, existing_type=sa.Integer, nullable=True)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM evidence WHERE start_char IS NULL OR end_char IS NULL"))
    with op.batch_alter_table("evidence") as batch:
        for name in SPAN_COLUMNS:
            batch.alter_column(name, existing_type=sa.Integer, nullable=False)
