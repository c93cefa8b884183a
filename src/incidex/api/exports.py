"""GET /api/export: the incidents matching the list filters as CSV, GeoJSON or JSONL, as `incidex export` writes."""

from __future__ import annotations

import io
from typing import Literal

from fastapi import APIRouter, Response

from ..export import EXPORTERS
from .dependencies import Context, Filters

router = APIRouter(prefix="/api", tags=["exports"])

MEDIA_TYPES = {"csv": "text/csv", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}


@router.get("/export", response_class=Response, responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}})
def export(ctx: Context, filters: Filters,
           format: Literal["csv", "geojson", "jsonl"] = "csv") -> Response:
    """Merged incidents matching every filter of the incident list, in the order of ``incidex export`` (dated ones
    first by date): the same bytes as ``incidex export`` with the same filters.

    The ``notes`` column (JSONL: field) lists analyst corrections.
    """
    out = io.StringIO()
    EXPORTERS[format](ctx.store, ctx.store.incidents(filters), out)
    return Response(
        out.getvalue().encode("utf-8"),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="incidents.{format}"'},
    )
