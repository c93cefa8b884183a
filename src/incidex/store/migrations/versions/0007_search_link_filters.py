"""Search links carry their incident's type, country and dates (SQLite), so a text search combined with those
filters reads only the links that pass them, and a date range is one index range per matching term.

``incidents_search_links`` gains the columns of LINK_COLUMNS, copied from the incident; a trigger fills them for
every new link (migration 0005's triggers relink an incident on every change, so they stay current). PostgreSQL
searches with pg_trgm over the incidents themselves and needs nothing.
"""

from __future__ import annotations

from alembic import op

revision = "0007_search_link_filters"
down_revision = "0006_candidate_indexes"
branch_labels = None
depends_on = None

LINK_COLUMNS = ("type", "country", "date_from", "date_to")
_SET = f"({', '.join(LINK_COLUMNS)}) = (SELECT {', '.join(LINK_COLUMNS)} FROM incidents WHERE incidents.rowid = "
SQLITE_UP = [
    *(f"ALTER TABLE incidents_search_links ADD COLUMN {column} TEXT" for column in LINK_COLUMNS),
    f"UPDATE incidents_search_links SET {_SET}incidents_search_links.incident)",
    # a date range within a term's links, with the other copied columns so no link row is read
    "CREATE INDEX incidents_search_links_dates ON incidents_search_links (term_id, date_from, date_to, type, country)",
    "CREATE TRIGGER incidents_search_link_filters AFTER INSERT ON incidents_search_links BEGIN "
    f"UPDATE incidents_search_links SET {_SET}new.incident) "
    "WHERE term_id = new.term_id AND incident = new.incident; END",
]
SQLITE_DOWN = [
    "DROP TRIGGER incidents_search_link_filters",
    "DROP INDEX incidents_search_links_dates",
    *(f"ALTER TABLE incidents_search_links DROP COLUMN {column}" for column in reversed(LINK_COLUMNS)),
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
