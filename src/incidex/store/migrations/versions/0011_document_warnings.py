"""Documents keep the warnings their reading and extraction gave (a text cut at ``nlp.max_chars``, a publication
date that is not a date, a report not extracted because it is not in English), as a JSON list; null for documents
stored before."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_document_warnings"
down_revision = "0010_source_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("warnings", sa.JSON, nullable=True))  # no table copy: records refer to it


def downgrade() -> None:
    op.drop_column("documents", "warnings")  # SQLite 3.35+ drops a column in place
