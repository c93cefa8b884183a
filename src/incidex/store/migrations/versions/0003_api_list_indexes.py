"""Indexes for the API's incident lists: each sort order (nulls last), and date-range counts by type or country."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_api_list_indexes"
down_revision = "0002_analyst_corrections"
branch_labels = None
depends_on = None

DATE_NULL, KILLED_NULL = sa.text("(date_from IS NULL)"), sa.text("(killed IS NULL)")
INDEXES: dict[str, list[object]] = {
    # ascending sorts, nulls last: the expression leads
    "ix_incidents_order_date": [DATE_NULL, "date_from", "incident_id"],
    "ix_incidents_order_killed": [KILLED_NULL, "killed", "incident_id"],
    "ix_incidents_order_type": ["type", "incident_id"],
    # descending sorts (nulls last) read these backwards; date-range counts are index-only
    "ix_incidents_dates": ["date_from", "date_to", "incident_id"],
    "ix_incidents_type_dates": ["type", "date_from", "date_to", "incident_id"],
    "ix_incidents_country_dates": ["country", "date_from", "date_to", "incident_id"],
    "ix_incidents_killed": ["killed", "incident_id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
