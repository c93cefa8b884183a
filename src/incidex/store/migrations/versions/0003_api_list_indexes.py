"""Indexes for the API's incident lists: each sort order (nulls last), filter+date order, and date-range counts."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_api_list_indexes"
down_revision = "0002_analyst_corrections"
branch_labels = None
depends_on = None

DATE_NULL, KILLED_NULL = sa.text("(date_from IS NULL)"), sa.text("(killed IS NULL)")
INDEXES: dict[str, list[object]] = {
    "ix_incidents_order_date": [DATE_NULL, "date_from", "incident_id"],
    "ix_incidents_order_date_desc": [DATE_NULL, sa.text("date_from DESC"), sa.text("incident_id DESC")],
    "ix_incidents_order_killed": [KILLED_NULL, "killed", "incident_id"],
    "ix_incidents_order_killed_desc": [KILLED_NULL, sa.text("killed DESC"), sa.text("incident_id DESC")],
    "ix_incidents_order_type": ["type", "incident_id"],
    "ix_incidents_type_date": ["type", DATE_NULL, "date_from", "incident_id"],
    "ix_incidents_country_date": ["country", DATE_NULL, "date_from", "incident_id"],
    "ix_incidents_date_range": ["date_from", "date_to"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
