"""Indexes for the resolver's candidate windows: incidents by country and start of their date window, and by start
alone (records without a country), each holding the window's end and the id so the lookups never read the table."""

from __future__ import annotations

from alembic import op

revision = "0006_candidate_indexes"
down_revision = "0005_search_index"
branch_labels = None
depends_on = None

INDEXES: dict[str, list[str]] = {
    "ix_incidents_candidates_country": ["country", "window_from", "window_to", "incident_id"],
    "ix_incidents_candidates": ["window_from", "window_to", "incident_id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
