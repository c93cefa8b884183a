"""Why a stored incident is what it is: its reconciled view and, per record, the resolver's score and reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .tables import assignments, documents, incidents, records


@dataclass(frozen=True)
class RecordDecision:
    """One record of the incident and the assignment that put it there."""

    record_id: str
    document_id: str
    title: str | None
    published: str | None
    role: str
    type: str
    date: str | None
    location: str | None
    new_cluster: bool
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    incident_id: str
    merged: dict[str, Any]
    decisions: list[RecordDecision]


def explain(connection: sa.Connection, incident_id: str) -> Explanation | None:
    """The explanation of ``incident_id``; None when the store has no such incident."""
    merged = connection.execute(
        sa.select(incidents.c.merged).where(incidents.c.incident_id == incident_id)
    ).scalar_one_or_none()
    if merged is None:
        return None
    query = (
        sa.select(
            records.c.record_id, records.c.document_id, records.c.role, records.c.type, records.c.date,
            records.c.location, documents.c.title, documents.c.published, assignments.c.new_cluster,
            assignments.c.score, assignments.c.reasons,
        )
        .join(records, records.c.record_id == assignments.c.record_id)
        .join(documents, documents.c.document_id == records.c.document_id)
        .where(assignments.c.cluster_id == incident_id)
        .order_by(assignments.c.new_cluster.desc(), records.c.record_id)
    )
    decisions = [
        RecordDecision(
            record_id=row.record_id, document_id=row.document_id, title=row.title, published=row.published,
            role=row.role, type=row.type, date=row.date, location=row.location,
            new_cluster=bool(row.new_cluster), score=float(row.score), reasons=tuple(row.reasons or ()),
        )
        for row in connection.execute(query)
    ]
    return Explanation(incident_id, merged, decisions)
