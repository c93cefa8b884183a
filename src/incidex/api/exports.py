"""GET /api/export: the same bytes as ``incidex export`` for the same filters."""

from __future__ import annotations

import io
from typing import Literal

from fastapi import APIRouter, HTTPException, Response

from ..export import EXPORTERS
from ..store import IncidentFilters
from .dependencies import Context, Filters

router = APIRouter(prefix="/api", tags=["exports"])

MEDIA_TYPES = {"csv": "text/csv", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}
_UNSUPPORTED = ("admin1", "actor", "source", "q", "bbox")


@router.get("/export", response_class=Response, responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}})
def export(ctx: Context, filters: Filters, format: Literal["csv", "geojson", "jsonl"] = "csv") -> Response:
    """Merged incidents as CSV, GeoJSON or JSONL, filtered by type, country, dates and role like ``incidex export``.

    The ``notes`` column (JSONL: field) lists analyst corrections.
    """
    given = [name for name in _UNSUPPORTED if getattr(filters, name) is not None]
    if given:
        raise HTTPException(
            400, f"export filters by type, country, date_from, date_to and role only; drop {', '.join(given)}"
        )
    out = io.StringIO()
    store_filters = IncidentFilters(type=filters.type, country=filters.country, since=filters.date_from,
                                    until=filters.date_to, role=filters.role)
    EXPORTERS[format](ctx.store, store_filters, out)
    return Response(
        out.getvalue().encode("utf-8"),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="incidents.{format}"'},
    )
