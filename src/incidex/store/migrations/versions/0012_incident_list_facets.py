"""What the incident list filters and sorts on beyond the reconciled record: each incident's role, how many
documents report it and when they were published; list indexes for sorting by country and by number of reports.

``incidents`` gains ``role`` ("main" when any of its records is a report's main event, else "background"; the API
tested this with a join per incident), ``report_count`` (its documents), ``reported_from`` and ``reported_to``
(the first and last publication day of those documents). They are filled here from the stored records and
documents; new and recomputed incidents get them from ``rows.incident_row``. Every list index of migration 0005
is rebuilt with ``role`` among its covered columns, so the analyst UI's default (main incidents only) is answered
from the indexes (the index by coordinates also covers ``location``, which map cells show), and three are added: by
country (unknown last), by number of reports, by publication days.

SQLite: the search trigger that relinks an incident on every UPDATE (migration 0005) is set aside while the new
columns are filled (they are not searched), then recreated from its stored SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_incident_list_facets"
down_revision = "0011_document_warnings"
branch_labels = None
depends_on = None

COLUMNS = [
    sa.Column("role", sa.String(16), nullable=True),
    sa.Column("report_count", sa.Integer, nullable=True),
    sa.Column("reported_from", sa.String(10), nullable=True),
    sa.Column("reported_to", sa.String(10), nullable=True),
]
OLD_COVER = ["type", "country", "date_from", "date_to", "lat", "lon", "killed", "admin1"]
COVER = [*OLD_COVER, "role"]
MAP_INDEX, MAP_COVER = "ix_incidents_list_lat_lon", [*COVER, "location"]
DATE_NULL, KILLED_NULL = sa.text("(date_from IS NULL)"), sa.text("(killed IS NULL)")
LIST_INDEXES: dict[str, list[object]] = {  # as migration 0005 made them, without the cover
    "ix_incidents_list_date": [DATE_NULL, "date_from", "incident_id"],
    "ix_incidents_list_date_desc": ["date_from", "incident_id"],
    "ix_incidents_list_killed": [KILLED_NULL, "killed", "incident_id"],
    "ix_incidents_list_killed_desc": ["killed", "incident_id"],
    "ix_incidents_list_type": ["type", "incident_id"],
    "ix_incidents_list_type_dates": ["type", "date_from", "date_to", "incident_id"],
    "ix_incidents_list_country_dates": ["country", "date_from", "date_to", "incident_id"],
    "ix_incidents_list_admin1": [sa.text("lower(admin1)"), "date_from", "incident_id"],
    "ix_incidents_list_lat_lon": ["lat", "lon", "incident_id"],
}
NEW_INDEXES: dict[str, list[object]] = {
    "ix_incidents_list_country": [sa.text("(country IS NULL)"), "country", "incident_id"],
    "ix_incidents_list_reports": ["report_count", "incident_id"],
    "ix_incidents_list_reported": ["reported_to", "reported_from", "incident_id"],
}
UPDATE_TRIGGER = "incidents_search_update"

_MAIN = ("EXISTS (SELECT 1 FROM assignments JOIN records ON records.record_id = assignments.record_id "
         "WHERE assignments.cluster_id = incidents.incident_id AND records.role = 'main')")
_DAY = "substr(documents.published, 1, 10)"  # a document's publication day, when _IS_DAY
_IS_DAY = {
    "sqlite": "documents.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'",
    "postgresql": "documents.published ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'",
}
_DOCUMENT_IDS = {  # the incident's document ids as rows of one column named value
    "sqlite": "json_each(incidents.document_ids) AS listed",
    "postgresql": "json_array_elements_text(incidents.document_ids) AS listed(value)",
}


def _reported(dialect: str, pick: str) -> str:
    return (f"(SELECT {pick}({_DAY}) FROM {_DOCUMENT_IDS[dialect]} JOIN documents "
            f"ON documents.document_id = listed.value WHERE {_IS_DAY[dialect]})")


def _fill(dialect: str) -> str:
    return (f"UPDATE incidents SET role = CASE WHEN {_MAIN} THEN 'main' ELSE 'background' END, "
            f"report_count = json_array_length(incidents.document_ids), "
            f"reported_from = {_reported(dialect, 'min')}, reported_to = {_reported(dialect, 'max')}")


def _create(name: str, keys: list[object], cover: list[str]) -> None:
    op.create_index(name, "incidents", [*keys, *(c for c in cover if c not in keys)])


def upgrade() -> None:
    connection = op.get_bind()
    dialect = connection.dialect.name
    for column in COLUMNS:
        op.add_column("incidents", column)
    trigger = None
    if dialect == "sqlite":
        trigger = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                             (UPDATE_TRIGGER,)).scalar_one()
        op.execute(f"DROP TRIGGER {UPDATE_TRIGGER}")
    op.execute(_fill(dialect))
    if trigger is not None:
        op.execute(trigger)
    for name, keys in LIST_INDEXES.items():
        op.drop_index(name, table_name="incidents")
        _create(name, keys, MAP_COVER if name == MAP_INDEX else COVER)
    for name, keys in NEW_INDEXES.items():
        _create(name, keys, COVER)


def downgrade() -> None:
    for name in NEW_INDEXES:
        op.drop_index(name, table_name="incidents")
    for name, keys in LIST_INDEXES.items():
        op.drop_index(name, table_name="incidents")
        _create(name, keys, OLD_COVER)
    for column in reversed(COLUMNS):
        op.drop_column("incidents", column.name)
