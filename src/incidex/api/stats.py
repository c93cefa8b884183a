"""GET /api/stats/...: counts and deaths of the incidents matching the list filters, by week, country, timeline bin and
map cell, and the actors and regions they name."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..store import TimeUnit
from .dependencies import Context, Filters
from .schemas import CountryCount, FacetCount, MapCells, RegionCount, Timeline, WeekCount

router = APIRouter(prefix="/api/stats", tags=["stats"])
MAX_FACETS = 1000


@router.get("/weekly", response_model=list[WeekCount])
def weekly(ctx: Context, filters: Filters) -> list[dict[str, Any]]:
    """Incidents and deaths per week (starting Monday) and type; undated incidents are left out."""
    return ctx.store.weekly(filters)


@router.get("/countries", response_model=list[CountryCount])
def countries(ctx: Context, filters: Filters) -> list[dict[str, Any]]:
    """Incidents and deaths per country, most incidents first; null is the incidents without a country."""
    return ctx.store.countries(filters)


@router.get("/timeline", response_model=Timeline)
def timeline(ctx: Context, filters: Filters,
             unit: Annotated[TimeUnit | None, Query(description="bin size; default: by the range")] = None,
             ) -> dict[str, Any]:
    """Incidents per day, week, month or year over the event-date filter's range (else the matching incidents'),
    by type. Incidents dated only to a month or a year on a finer scale are counted as spans, not in a bin."""
    return ctx.store.timeline(filters, unit=unit)


@router.get("/map", response_model=MapCells)
def map_cells(ctx: Context, filters: Filters,
              cell: Annotated[float, Query(gt=0.0001, le=360, description="cell size in degrees")] = 5.0,
              ) -> dict[str, Any]:
    """Located incidents grouped into cells of ``cell`` degrees: a map draws one marker per cell and asks for
    smaller cells as it zooms in."""
    return ctx.store.map_cells(filters, cell=cell)


@router.get("/actors", response_model=list[FacetCount])
def actors(ctx: Context, filters: Filters,
           limit: Annotated[int, Query(ge=1, le=MAX_FACETS)] = 200) -> list[dict[str, Any]]:
    """Perpetrators named by the incidents matching every filter but ``actor``, most incidents first."""
    return ctx.store.actors(filters, limit=limit)


@router.get("/regions", response_model=list[RegionCount])
def regions(ctx: Context, filters: Filters,
            limit: Annotated[int, Query(ge=1, le=MAX_FACETS)] = 300) -> list[dict[str, Any]]:
    """First-level regions (admin1) of the incidents matching every filter but ``admin1``, most incidents first."""
    return ctx.store.regions(filters, limit=limit)
