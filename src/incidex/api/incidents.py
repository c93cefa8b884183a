"""GET /api/incidents (filtered, sorted pages) and GET /api/incidents/{id} (the merged view with its evidence)."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from ..errors import NotFoundError
from .corrections import change_out
from .dependencies import ApiContext, Context, ListParams, ListQuery, ListRequest, query_parameters
from .schemas import IncidentDetail, IncidentList

router = APIRouter(prefix="/api/incidents", tags=["incidents"])


@router.get("", response_model=IncidentList, openapi_extra=query_parameters(ListParams),
            responses={400: {"description": "a filter value that means nothing"},
                       422: {"description": "a parameter of the wrong type or out of range"}})
async def list_incidents(ctx: Context, query: ListRequest) -> Response:
    """Merged incidents matching every given filter, one page at a time."""
    if ctx.store.backend == "sqlite":  # a local file read in about a millisecond: no thread hop
        body = _list_body(ctx, query)
    else:
        body = await run_in_threadpool(_list_body, ctx, query)
    return Response(body, media_type="application/json")


def _list_body(ctx: ApiContext, query: ListQuery) -> bytes:
    page = ctx.store.incident_page(query.filters, sort=query.sort, limit=query.limit, offset=query.offset)
    return orjson.dumps({"total": page.total, "items": [_item(row) for row in page.rows]})


def _item(row: tuple[Any, ...]) -> dict[str, Any]:
    """One list item (schema ``IncidentItem``) from a row of the store's list page; the stored JSON lists go out
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
def get_incident(incident_id: str, ctx: Context) -> dict[str, Any]:
    """The merged incident, every record merged into it with evidence, its documents, corrections and merge reasons."""
    found = ctx.store.incident(incident_id)
    if found is None:
        raise NotFoundError(f"no incident with id {incident_id!r}; list incidents with GET /api/incidents")
    changes = found.pop("changes")
    return found | {"corrections": [change_out(change) for change in changes]}
