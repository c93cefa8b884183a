"""The store's tables as SQLAlchemy Core objects; the migrations in ``migrations/versions`` create exactly these.

Every key is a deterministic string (document id, record id, cluster id), never a database sequence, so a killed
and restarted ingest writes the same rows as an uninterrupted one. The correction tables (``overrides``,
``merge_operations``, ``operation_incidents``) are written by the API; their integer ids are assigned by the database.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
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
    sa.CheckConstraint("status IN ('ok', 'failed', 'unreadable', 'skipped')", name="ck_documents_status"),
    # migration 0010_source_state: detected language, declared outlet kind, forwarded-from channel
    sa.Column("language", sa.String(8), nullable=True),
    sa.Column("source_kind", sa.String(16), nullable=True),
    sa.Column("forwarded_from", sa.Text, nullable=True),
    # migration 0011_document_warnings: what reading and extraction noticed (a cut text, a bad date)
    sa.Column("warnings", sa.JSON, nullable=True),
)

records = sa.Table(
    "records",
    metadata,
    sa.Column("record_id", sa.String, primary_key=True),
    sa.Column("document_id", sa.String, sa.ForeignKey("documents.document_id"), nullable=False, index=True),
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

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("record_id", sa.String, sa.ForeignKey("records.record_id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=True),  # null: from the document's metadata (the outlet's country)
    sa.Column("end_char", sa.Integer, nullable=True),
    sa.Column("component", sa.Text, nullable=False),
)

assignments = sa.Table(
    "assignments",
    metadata,
    sa.Column("record_id", sa.String, sa.ForeignKey("records.record_id"), primary_key=True),
    sa.Column("cluster_id", sa.String, nullable=False, index=True),
    sa.Column("new_cluster", sa.Boolean, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reasons", sa.JSON, nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("incident_id", sa.String, primary_key=True),
    sa.Column("date", sa.String(10), nullable=True),
    sa.Column("date_precision", sa.String(8), nullable=False),
    sa.Column("date_from", sa.String(10), nullable=True, index=True),
    sa.Column("date_to", sa.String(10), nullable=True),
    sa.Column("window_from", sa.String(10), nullable=False),
    sa.Column("window_to", sa.String(10), nullable=False, index=True),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("country", sa.String(2), nullable=True, index=True),
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
    # For lists (migration 0012_incident_list_facets, which fills them for stored incidents; rows.incident_row for
    # new ones): "main" when any record is a report's main event, else "background"; how many documents report it;
    # the first and last days they were published (null when no report carries a publication date).
    sa.Column("role", sa.String(16), nullable=True),
    sa.Column("report_count", sa.Integer, nullable=True),
    sa.Column("reported_from", sa.String(10), nullable=True),
    sa.Column("reported_to", sa.String(10), nullable=True),
)

# The API's list indexes (migration 0005_search_index): one per sort order ("IS NULL" leads give nulls-last sorts)
# and one per leading filter, each also holding every filtered column (LIST_COVER) so lists never read the table.
# Migration 0012_incident_list_facets added the role to every one and the sorts by country and by reports.
LIST_COVER = ("type", "country", "date_from", "date_to", "lat", "lon", "killed", "admin1", "role")
MAP_INDEX, MAP_COVER = "ix_incidents_list_lat_lon", ("location",)  # the map's cells name their place (0011)
for _name, *_columns in (
    ("ix_incidents_list_date", sa.text("(date_from IS NULL)"), "date_from", "incident_id"),
    ("ix_incidents_list_date_desc", "date_from", "incident_id"),
    ("ix_incidents_list_killed", sa.text("(killed IS NULL)"), "killed", "incident_id"),
    ("ix_incidents_list_killed_desc", "killed", "incident_id"),
    ("ix_incidents_list_type", "type", "incident_id"),
    ("ix_incidents_list_type_dates", "type", "date_from", "date_to", "incident_id"),
    ("ix_incidents_list_country_dates", "country", "date_from", "date_to", "incident_id"),
    ("ix_incidents_list_admin1", sa.text("lower(admin1)"), "date_from", "incident_id"),
    ("ix_incidents_list_lat_lon", "lat", "lon", "incident_id"),
    ("ix_incidents_list_country", sa.text("(country IS NULL)"), "country", "incident_id"),
    ("ix_incidents_list_reports", "report_count", "incident_id"),
    ("ix_incidents_list_reported", "reported_to", "reported_from", "incident_id"),
):
    _keys = [incidents.c[c] if isinstance(c, str) else c for c in _columns]
    _cover = (*LIST_COVER, *MAP_COVER) if _name == MAP_INDEX else LIST_COVER
    sa.Index(_name, *_keys, *(incidents.c[c] for c in _cover if c not in _columns))
# The resolver's candidate windows (migration 0006_candidate_indexes): by country and window start, and by start.
sa.Index("ix_incidents_candidates_country", incidents.c.country, incidents.c.window_from, incidents.c.window_to,
         incidents.c.incident_id)
sa.Index("ix_incidents_candidates", incidents.c.window_from, incidents.c.window_to, incidents.c.incident_id)
# Incidents dated by more than a day, for counting date windows (migration 0009_spanning_dates_index).
SPANNING = incidents.c.date_to > incidents.c.date_from
sa.Index("ix_incidents_spanning", incidents.c.date_from, incidents.c.date_to, sqlite_where=SPANNING,
         postgresql_where=SPANNING)
# Searching (migration 0005_search_index). SQLite: the tables whose names start with SEARCH_TABLE (terms, links to
# incidents, a trigram full-text index and its shadow tables) are created by SQL there, not declared here; migration
# 0007_search_link_filters copies each incident's type, country and dates into its links (0008: as they are inserted).
SEARCH_TABLE = "incidents_search"
# PostgreSQL: the searched texts, values joined by U+001F (functions of migration 0005), with trigram indexes.
PG_SEARCH_TEXTS: dict[str, sa.ColumnElement[str]] = {
    "text": sa.func.incidex_search_text(incidents.c.location, incidents.c.admin1, incidents.c.perpetrators,
                                        incidents.c.victims, incidents.c.notes, type_=sa.Text),
    "actors": sa.func.incidex_search_values(incidents.c.perpetrators, type_=sa.Text),
    "sources": sa.func.incidex_search_values(incidents.c.sources, type_=sa.Text),
}
for _field, _text in PG_SEARCH_TEXTS.items():
    sa.Index(f"ix_incidents_search_{_field}", _text.label(_field), postgresql_using="gin",
             postgresql_ops={_field: "gin_trgm_ops"})


def _undo_columns() -> list[sa.Column[object]]:
    """Who undid a correction, when and why (migration 0004_correction_undo)."""
    return [
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.Text, nullable=True),
        sa.Column("undo_reason", sa.Text, nullable=True),
    ]


overrides = sa.Table(
    "overrides",
    metadata,
    sa.Column("override_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.String, nullable=False, index=True),
    sa.Column("field_path", sa.Text, nullable=False),
    sa.Column("old_value", sa.JSON, nullable=True),
    sa.Column("new_value", sa.JSON, nullable=True),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
    *_undo_columns(),
)

merge_operations = sa.Table(
    "merge_operations",
    metadata,
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
    *_undo_columns(),
    # the assignments the operation replaced, [record_id, cluster_id, new_cluster] each (migration 0004)
    sa.Column("before", sa.JSON, nullable=True),
)

# Each incident an operation took or produced, so an incident's page finds its merges and splits by index.
operation_incidents = sa.Table(
    "operation_incidents",
    metadata,
    sa.Column("operation_id", sa.Integer, sa.ForeignKey("merge_operations.operation_id"), primary_key=True),
    sa.Column("incident_id", sa.String, primary_key=True, index=True),
)


# Watched sources (migration 0010_source_state): the polling state of each source by name, and every item id a
# source has delivered with the document it gave (null when it gave none: a skipped message).
sources = sa.Table(
    "sources",
    metadata,
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

source_items = sa.Table(
    "source_items",
    metadata,
    sa.Column("source", sa.Text, sa.ForeignKey("sources.name"), primary_key=True),
    sa.Column("item_id", sa.Text, primary_key=True),
    sa.Column("document_id", sa.String, nullable=True),
)


def contains_pattern(text: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching any value that contains ``text`` literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"

