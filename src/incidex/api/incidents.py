"""GET /api/incidents (filtered, sorted pages) and GET /api/incidents/{id} (the merged view with its evidence)."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, HTTPException, Response
from fastapi.concurrency import run_in_threadpool

from ..store.corrections import history
from . import queries
from .corrections import change_out
from .dependencies import ApiContext, Context, ListParams, ListQuery, ListRequest, ReadConnection, query_parameters
from .schemas import IncidentDetail, IncidentList

router = APIRouter(prefix="/api/incidents", tags=["incidents"])
MAX_CHANGES = 500  # corrections shown with one incident


@router.get("", response_model=IncidentList, openapi_extra=query_parameters(ListParams),
            responses={400: {"description": "a filter value that means nothing"},
                       422: {"description": "a parameter of the wrong type or out of range"}})
async def list_incidents(ctx: Context, query: ListRequest) -> Response:
    """Merged incidents matching every given filter, one page at a time."""
    if ctx.store.engine.dialect.name == "sqlite":  # a local file read in about a millisecond: no thread hop
        body = _list_body(ctx, query)
    else:
        body = await run_in_threadpool(_list_body, ctx, query)
    return Response(body, media_type="application/json")


def _list_body(ctx: ApiContext, query: ListQuery) -> bytes:
    with ctx.store.engine.connect() as connection:
        page = queries.list_incidents(connection, query.filters, sort=query.sort, limit=query.limit,
                                      offset=query.offset)
    return orjson.dumps({"total": page.total, "items": [_item(row) for row in page.rows]})


def _item(row: tuple[Any, ...]) -> dict[str, Any]:
    """One list item (schema ``IncidentItem``) from a row of ``queries.LIST_FIELDS``; the stored JSON lists go out
    as stored, without a decode."""
    (incident_id, day, precision, kind, country, admin1, location, lat, lon, killed, injured, hostages_taken,
     perpetrators, source_count, report_count, reported_from, reported_to, document_ids, role, corrected) = row
    return {
        "id": incident_id, "date": day, "date_precision": precision, "type": kind, "role": role,
        "country": country, "admin1": admin1, "location": location,
        "lat": lat, "lon": lon, "killed": killed, "injured": injured, "hostages_taken": hostages_taken,
        "perpetrators": orjson.Fragment(perpetrators), "source_count": source_count, "report_count": report_count,
        "reported_from": reported_from, "reported_to": reported_to,
        "document_ids": orjson.Fragment(document_ids), "corrected": bool(corrected),
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
        "role": row.role,
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
