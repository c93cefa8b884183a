"""The merged view of each incident carries its role, targets and responders (``incidex.resolve.reconcile``), so
the API reads them from ``incidents.merged`` instead of rebuilding them from the records' JSON on every request.

New and rebuilt incidents get them from the resolver; here they are computed for the stored incidents from their
records, with the rule the resolver uses (``first_mentions``), a thousand incidents at a time. SQLite: the search
trigger that relinks an incident on every UPDATE is set aside meanwhile (``merged`` is not searched), as 0012 does.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from incidex.resolve.reconcile import first_mentions

revision = "0013_merged_view_mentions"
down_revision = "0012_incident_list_facets"
branch_labels = None
depends_on = None

UPDATE_TRIGGER = "incidents_search_update"
CHUNK = 1000
KEYS = ("targets", "responders", "role")

incidents = sa.table("incidents", sa.column("incident_id", sa.String), sa.column("merged", sa.JSON))
assignments = sa.table("assignments", sa.column("record_id", sa.String), sa.column("cluster_id", sa.String))
records = sa.table("records", sa.column("record_id", sa.String), sa.column("document_id", sa.String),
                   sa.column("role", sa.String), sa.column("incident", sa.JSON))


def _with_mentions(merged: dict[str, Any], found: list[Any]) -> dict[str, Any]:
    """``merged`` with the role, targets and responders of its records (``found``, in record id order)."""
    def mentions(key: str) -> list[dict[str, str]]:
        named = ((row.document_id, mention["text"]) for row in found for mention in row.incident.get(key) or [])
        return [asdict(mention) for mention in first_mentions(named)]

    role = "main" if any(row.role == "main" for row in found) else "background"
    return {**merged, "targets": mentions("targets"), "responders": mentions("responders"), "role": role}


def _rewrite(change: Any) -> None:
    """Apply ``change(merged, records)`` to every stored incident, a chunk at a time."""
    connection = op.get_bind()
    trigger = None
    if connection.dialect.name == "sqlite":
        trigger = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                             (UPDATE_TRIGGER,)).scalar_one_or_none()
        if trigger is not None:
            op.execute(f"DROP TRIGGER {UPDATE_TRIGGER}")
    last = ""
    while True:
        chunk = connection.execute(
            sa.select(incidents.c.incident_id, incidents.c.merged).where(incidents.c.incident_id > last)
            .order_by(incidents.c.incident_id).limit(CHUNK)
        ).all()
        if not chunk:
            break
        found: dict[str, list[Any]] = {}
        query = (
            sa.select(assignments.c.cluster_id, records.c.document_id, records.c.role, records.c.incident)
            .join(records, records.c.record_id == assignments.c.record_id)
            .where(assignments.c.cluster_id.in_([row.incident_id for row in chunk]))
            .order_by(records.c.record_id)
        )
        for row in connection.execute(query):
            found.setdefault(row.cluster_id, []).append(row)
        connection.execute(
            incidents.update().where(incidents.c.incident_id == sa.bindparam("key"))
            .values(merged=sa.bindparam("view", type_=sa.JSON)),
            [{"key": row.incident_id, "view": change(row.merged, found.get(row.incident_id, []))} for row in chunk],
        )
        last = chunk[-1].incident_id
    if trigger is not None:
        op.execute(trigger)


def upgrade() -> None:
    _rewrite(_with_mentions)


def downgrade() -> None:
    _rewrite(lambda merged, _found: {key: value for key, value in merged.items() if key not in KEYS})
