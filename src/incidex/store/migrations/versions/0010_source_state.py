"""Watched sources: each source's polling state and the items it has delivered; documents get the detected language,
the declared kind of their outlet and the channel a post was forwarded from, and the status ``skipped`` (stored but
not extracted: a language incidex does not read)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_source_state"
down_revision = "0009_spanning_dates_index"
branch_labels = None
depends_on = None

STATUS = "ck_documents_status"
DOCUMENT_COLUMNS = ("language", "source_kind", "forwarded_from")


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=True))
        batch.add_column(sa.Column("source_kind", sa.String(16), nullable=True))
        batch.add_column(sa.Column("forwarded_from", sa.Text, nullable=True))
        batch.drop_constraint(STATUS, type_="check")
        batch.create_check_constraint(STATUS, "status IN ('ok', 'failed', 'unreadable', 'skipped')")
    op.create_table(
        "sources",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=True),
        sa.Column("etag", sa.Text, nullable=True),
        sa.Column("last_modified", sa.Text, nullable=True),
        sa.Column("last_success", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "source_items",
        sa.Column("source", sa.Text, sa.ForeignKey("sources.name"), primary_key=True),
        sa.Column("item_id", sa.Text, primary_key=True),
        sa.Column("document_id", sa.String, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("source_items")
    op.drop_table("sources")
    op.execute(sa.text("DELETE FROM documents WHERE status = 'skipped'"))
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint(STATUS, type_="check")
        batch.create_check_constraint(STATUS, "status IN ('ok', 'failed', 'unreadable')")
        for name in DOCUMENT_COLUMNS:
            batch.drop_column(name)
