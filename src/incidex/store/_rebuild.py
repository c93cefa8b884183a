"""Rebuilding merged incidents: reconcile each one's records, apply the analyst's active overrides to the view, and
insert each incident row once. The write path, corrections, merges, splits and undos all rebuild through here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from ..resolve.interface import Merger
from ..resolve.model import Cluster
from ._candidates import load_clusters
from ._overrides import overridden
from .rows import incident_row
from .tables import incidents, overrides


def rebuild(
    connection: sa.Connection, incident_ids: Sequence[str], *, resolver: Merger,
    clusters: Mapping[str, Cluster] | None = None,
) -> list[str]:
    """Replace the rows of these incidents by their rebuilt ones; incidents left without records are deleted.

    ``clusters`` holds the incidents' records when the caller has them (the write path); else they are read.
    Returns the ids of the incidents that still exist.
    """
    ids = sorted(set(incident_ids))
    found = load_clusters(connection, set(ids)) if clusters is None else clusters
    kept = sorted(found)
    active = _active_overrides(connection, kept)
    connection.execute(sa.delete(incidents).where(incidents.c.incident_id.in_(ids)))
    if kept:
        rows = [overridden(incident_row(found[key], resolver.reconcile(found[key])), active.get(key, []))
                for key in kept]
        connection.execute(sa.insert(incidents), rows)
    return kept


def _active_overrides(connection: sa.Connection, incident_ids: list[str]) -> dict[str, list[Any]]:
    """The overrides not undone of each of these incidents, oldest first."""
    if not incident_ids:
        return {}
    rows = connection.execute(
        sa.select(overrides)
        .where(overrides.c.incident_id.in_(incident_ids), overrides.c.undone.is_(sa.false()))
        .order_by(overrides.c.override_id)
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        found.setdefault(row.incident_id, []).append(row)
    return found
