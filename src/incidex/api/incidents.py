"""GET /api/incidents (filtered, sorted pages) and GET /api/incidents/{id} (the merged view with its evidence)."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, HTTPException, Query, Response

from ..store.corrections import history
from . import queries
from .corrections import change_out
from .dependencies import Context, Filters, ReadConnection
from .queries import Sort
from .schemas import IncidentDetail, IncidentList

router = APIRouter(prefix="/api/incidents", tags=["incidents"])
MAX_LIMIT = 500
MAX_CHANGES = 500  # corrections shown with one incident


@router.get("", response_model=IncidentList)
def list_incidents(
    ctx: Context,
    filters: Filters,
    sort: Sort = "date",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    """Merged incidents matching every given filter, one page at a time."""
    with ctx.store.engine.connect() as connection:
        page = queries.list_incidents(connection, filters, sort=sort, limit=limit, offset=offset)
    return Response(orjson.dumps({"total": page.total, "items": [_item(row) for row in page.rows]}),
                    media_type="application/json")


def _item(row: Any) -> dict[str, Any]:
    """One list item (schema ``IncidentItem``); the stored JSON lists go out as stored, without a decode."""
    return {
        "id": row.incident_id, "date": row.date, "date_precision": row.date_precision, "type": row.type,
        "role": "main" if row.is_main else "background", "country": row.country, "admin1": row.admin1,
        "location": row.location, "lat": row.lat, "lon": row.lon, "killed": row.killed, "injured": row.injured,
        "hostages_taken": row.hostages_taken, "perpetrators": orjson.Fragment(row.perpetrators),
        "source_count": row.source_count, "document_ids": orjson.Fragment(row.document_ids),
        "corrected": bool(row.corrected),
    }


@router.get("/{incident_id}", response_model=IncidentDetail, responses={404: {"description": "unknown incident id"}})
def get_incident(incident_id: str, connection: ReadConnection, ctx: Context) -> dict[str, Any]:
    """The merged incident, every record merged into it with evidence, its documents, corrections and merge reasons."""
    row = queries.incident(connection, incident_id)
    if row is None:
        raise HTTPException(404, f"no incident with id {incident_id!r}; list incidents with GET /api/incidents")
    records = ctx.store.records_of([incident_id]).get(incident_id, [])
    merged = dict(row.merged)
    merged |= {
        "id": row.incident_id,
        "role": "main" if any(r["incident"].get("role") == "main" for r in records) else "background",
        "targets": _mentions(records, "targets"),
        "responders": _mentions(records, "responders"),
        "notes": row.notes,
    }
    _, changes = history(connection, incident_id=incident_id, limit=MAX_CHANGES)
    return {
        "incident": merged,
        "records": records,
        "documents": queries.documents_by_id(connection, row.document_ids),
        "background": queries.background_incidents(connection, row.document_ids, exclude=incident_id),
        "corrections": [change_out(change) for change in changes],
        "merge_reasons": queries.merge_reasons(connection, incident_id),
    }


def _mentions(records: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The targets (or responders) of all records, once per text, each with the document that names it."""
    seen: dict[str, dict[str, Any]] = {}
    for record in records:
        for mention in record["incident"].get(key, []):
            seen.setdefault(mention["text"].lower(), {**mention, "document_id": record["document_id"]})
    return list(seen.values())
