"""Search and list indexes for the API: substring search over places, actors, victims, notes and sources, and
covering indexes for each list sort order and each leading filter (bounding boxes included).

SQLite: each distinct searched value is a term (``incidents_search_terms``: field ``text`` for places, actors,
victims and notes, ``actors``, ``sources``), linked to the incidents that hold it (``incidents_search_links``, by
incident rowid), with an FTS5 trigram index over the terms (``incidents_search``); a search finds the few matching
terms, then their incidents. Triggers on ``incidents`` keep all three current, so every writer (ingest,
corrections, merges) does without code. Terms no incident holds any more stay and match nothing. A later migration
that rebuilds ``incidents`` (alembic batch mode) must recreate the triggers and relink.
PostgreSQL: ``incidex_search_values(json)`` joins a JSON list's strings with U+001F (which the API refuses in search
terms, so a match never spans two values), ``incidex_search_text(...)`` joins places, actors, victims and notes the
same way, and GIN trigram indexes (pg_trgm) serve ILIKE over these texts; without the extension the searches still
work, by scanning.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_search_index"
down_revision = "0004_correction_undo"
branch_labels = None
depends_on = None

COVER = ["type", "country", "date_from", "date_to", "lat", "lon", "killed", "admin1"]
DATE_NULL, KILLED_NULL = sa.text("(date_from IS NULL)"), sa.text("(killed IS NULL)")
# One index per list sort order (read forwards or backwards) and one per filter that can lead a search; every one
# holds all filtered columns, so counting, filtering and walking a sort order never read the table's wide rows.
LIST_INDEXES: dict[str, list[object]] = {
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
REPLACED = {  # 0003's list indexes, superseded by the covering ones
    "ix_incidents_order_date": [DATE_NULL, "date_from", "incident_id"],
    "ix_incidents_order_killed": [KILLED_NULL, "killed", "incident_id"],
    "ix_incidents_order_type": ["type", "incident_id"],
    "ix_incidents_dates": ["date_from", "date_to", "incident_id"],
    "ix_incidents_type_dates": ["type", "date_from", "date_to", "incident_id"],
    "ix_incidents_country_dates": ["country", "date_from", "date_to", "incident_id"],
    "ix_incidents_killed": ["killed", "incident_id"],
}


# (search field, incidents column, whether the column holds a JSON list of values)
SEARCHED = [
    ("text", "location", False), ("text", "admin1", False), ("text", "notes", False),
    ("text", "perpetrators", True), ("text", "victims", True), ("actors", "perpetrators", True),
    ("sources", "sources", True),
]


def _values(row: str | None) -> str:
    """(field, value, incident) of every searched value of the trigger row ``row``, or of all incidents (None)."""
    parts = []
    for field, column, listed in SEARCHED:
        ref, incident = (f"{row}.{column}", f"{row}.rowid") if row else (f"incidents.{column}", "incidents.rowid")
        if listed:
            source = f"json_each({ref}) AS item" if row else f"incidents, json_each({ref}) AS item"
            parts.append(f"SELECT '{field}' AS field, CAST(item.value AS TEXT) AS value, {incident} AS incident "
                         f"FROM {source}")
        else:
            parts.append(f"SELECT '{field}' AS field, {ref} AS value, {incident} AS incident"
                         + ("" if row else " FROM incidents"))
    return " UNION ALL ".join(parts)


def _link(row: str | None) -> list[str]:
    """Statements adding the terms and links of the trigger row ``row`` (or of all incidents)."""
    return [
        f"INSERT OR IGNORE INTO incidents_search_terms (field, value) SELECT field, value FROM ({_values(row)}) "
        "WHERE value <> ''",
        "INSERT OR IGNORE INTO incidents_search_links (term_id, incident) SELECT term.term_id, found.incident "
        f"FROM ({_values(row)}) AS found JOIN incidents_search_terms AS term "
        "ON term.field = found.field AND term.value = found.value",
    ]


def _trigger(name: str, event: str, statements: list[str]) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} BEGIN {'; '.join(statements)}; END"


UNLINK = "DELETE FROM incidents_search_links WHERE incident = old.rowid"
SQLITE_UP = [
    # each distinct searched value once, per field; the full-text index reads its values from this table
    "CREATE TABLE incidents_search_terms (term_id INTEGER PRIMARY KEY, field TEXT NOT NULL, value TEXT NOT NULL, "
    "UNIQUE (field, value))",
    "CREATE TABLE incidents_search_links (term_id INTEGER NOT NULL, incident INTEGER NOT NULL, "
    "PRIMARY KEY (term_id, incident)) WITHOUT ROWID",
    "CREATE INDEX incidents_search_links_incident ON incidents_search_links (incident)",
    "CREATE VIRTUAL TABLE incidents_search USING fts5(value, content = 'incidents_search_terms', "
    "content_rowid = 'term_id', tokenize = 'trigram')",
    *_link(None),
    "INSERT INTO incidents_search (incidents_search) VALUES ('rebuild')",
    _trigger("incidents_search_term", "INSERT ON incidents_search_terms",
             ["INSERT INTO incidents_search (rowid, value) VALUES (new.term_id, new.value)"]),
    _trigger("incidents_search_insert", "INSERT ON incidents", _link("new")),
    _trigger("incidents_search_delete", "DELETE ON incidents", [UNLINK]),
    _trigger("incidents_search_update", "UPDATE ON incidents", [UNLINK, *_link("new")]),
]
SQLITE_DOWN = [
    *(f"DROP TRIGGER incidents_search_{name}" for name in ("update", "delete", "insert", "term")),
    "DROP TABLE incidents_search", "DROP TABLE incidents_search_links", "DROP TABLE incidents_search_terms",
]

PG_FUNCTIONS = [
    """CREATE FUNCTION incidex_search_values(value json) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN json_typeof(value) = 'array'
    THEN (SELECT string_agg(item, chr(31)) FROM json_array_elements_text(value) AS item) END
$$""",
    """CREATE FUNCTION incidex_search_text(location text, admin1 text, perpetrators json, victims json, notes text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(location, '') || chr(31) || coalesce(admin1, '') || chr(31)
    || coalesce(incidex_search_values(perpetrators), '') || chr(31)
    || coalesce(incidex_search_values(victims), '') || chr(31) || coalesce(notes, '')
$$""",
]
PG_TRIGRAM_INDEXES = {
    "ix_incidents_search_text": "incidex_search_text(location, admin1, perpetrators, victims, notes)",
    "ix_incidents_search_actors": "incidex_search_values(perpetrators)",
    "ix_incidents_search_sources": "incidex_search_values(sources)",
}


def upgrade() -> None:
    for name in REPLACED:
        op.drop_index(name, table_name="incidents")
    for name, columns in LIST_INDEXES.items():
        op.create_index(name, "incidents", columns + [c for c in COVER if c not in columns])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for function in PG_FUNCTIONS:
            op.execute(function)
        if _has_trigram(bind):
            for name, expression in PG_TRIGRAM_INDEXES.items():
                op.execute(f"CREATE INDEX {name} ON incidents USING gin (({expression}) gin_trgm_ops)")


def _has_trigram(bind: sa.Connection) -> bool:
    """Whether pg_trgm is (or could here be made) available; a server without it still answers searches by scans."""
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for name in PG_TRIGRAM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute("DROP FUNCTION incidex_search_text(text, text, json, json, text)")
        op.execute("DROP FUNCTION incidex_search_values(json)")
    for name in LIST_INDEXES:
        op.drop_index(name, table_name="incidents")
    for name, columns in REPLACED.items():
        op.create_index(name, "incidents", columns)
