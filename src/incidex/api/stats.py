"""GET /api/stats/weekly and /api/stats/countries: counts and deaths of the incidents matching the filters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from . import queries
from .dependencies import Filters, ReadConnection
from .schemas import CountryCount, WeekCount

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get("/weekly", response_model=list[WeekCount])
def weekly(connection: ReadConnection, filters: Filters) -> list[dict[str, Any]]:
    """Incidents and deaths per week (starting Monday) and type; undated incidents are left out."""
    return queries.weekly(connection, filters)


@router.get("/countries", response_model=list[CountryCount])
def countries(connection: ReadConnection, filters: Filters) -> list[dict[str, Any]]:
    """Incidents and deaths per country, most incidents first; null is the incidents without a country."""
    return queries.countries(connection, filters)
