"""Why a stored incident is what it is: its reconciled view and, per record, the resolver's score and reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..errors import NotFoundError
from ..store import Store
from ..store.tables import assignments, documents, incidents, records


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


def explain(store: Store, incident_id: str) -> Explanation:
    """The explanation of ``incident_id``; :class:`NotFoundError` when the store has no such incident."""
    with store.engine.connect() as connection:
        merged = connection.execute(
            sa.select(incidents.c.merged).where(incidents.c.incident_id == incident_id)
        ).scalar_one_or_none()
        if merged is None:
            raise NotFoundError(f"no incident {incident_id!r} in the store at {store.url}; list ids with incidex "
                                "export")
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


def render(explanation: Explanation) -> str:
    """The explanation as plain text lines for a terminal."""
    merged = explanation.merged
    date = merged.get("date") or {}
    location = merged.get("location") or {}
    lines = [
        f"incident {explanation.incident_id}: {merged.get('type')}, {date.get('value') or 'date unknown'}, "
        f"{location.get('name') or location.get('country_code') or 'place unknown'}",
        f"  from {len(merged.get('document_ids') or [])} document(s): {', '.join(merged.get('document_ids') or [])}",
    ]
    lines += [f"  chosen: {note}" for note in merged.get("notes") or []]
    for rec in merged.get("reconciliation") or []:
        spread = f" (reports range {rec['low']}-{rec['high']})" if rec.get("low") != rec.get("high") else ""
        lines.append(f"  {rec['field']} = {rec['value']}: {rec['rule']}{spread}")
    lines.append("records:")
    for decision in explanation.decisions:
        how = "started the incident" if decision.new_cluster else f"joined with score {decision.score:.2f}"
        lines.append(
            f"- {decision.record_id} ({decision.role} {decision.type}, {decision.date or 'undated'}, "
            f"{decision.location or 'no place'}; published {decision.published or 'unknown'}): {how}"
        )
        lines += [f"    {reason}" for reason in decision.reasons]
    return "\n".join(lines)
