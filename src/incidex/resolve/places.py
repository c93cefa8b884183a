"""How far apart two records' places are, judged at the coarser of their two precisions.

Facility or city: at most 50 km apart; admin2 (a district): 100 km; admin1: 300 km; country or region: the same country. Places in two
different countries never match. An uncertain geocoding (several gazetteer entries fit) supports a match when near
but never blocks one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..geodesy import distance_km
from ..types import Location, place_rank

LIMIT_KM: dict[str, float | None] = {"facility": 50.0, "city": 50.0, "admin2": 100.0, "admin1": 300.0, "country": None,
                                     "region": None}


@dataclass(frozen=True)
class PlaceMatch:
    """``status``: "near" (supports a merge), "far" (blocks it) or "unknown"; ``precise`` for city level or finer."""

    status: str
    reason: str
    precise: bool = False


def compare_places(a: Location, b: Location) -> PlaceMatch:
    """Compare two locations; see the module docstring for the rule."""
    unsure = a.uncertain or b.uncertain
    if a.country_code and b.country_code and a.country_code != b.country_code:
        reason = f"different countries ({a.country_code} / {b.country_code})"
        return PlaceMatch("unknown" if unsure else "far", reason)
    coarse = max((a.precision or "region", b.precision or "region"), key=place_rank)
    limit = LIMIT_KM[coarse]
    if limit is not None and None not in (a.lat, a.lon, b.lat, b.lon):
        km = distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if km <= limit:
            return PlaceMatch("near", f"{km:.0f} km apart", precise=place_rank(coarse) <= place_rank("city"))
        reason = f"{km:.0f} km apart (over {limit:.0f} km at {coarse} precision)"
        return PlaceMatch("unknown" if unsure else "far", reason)
    if coarse == "admin1" and a.admin1 and b.admin1 and a.country_code == b.country_code:
        if a.admin1 == b.admin1:
            return PlaceMatch("near", f"same admin1 ({a.admin1})")
    if a.country_code and a.country_code == b.country_code:
        return PlaceMatch("near", f"same country ({a.country_code})")
    return PlaceMatch("unknown", "no comparable places")
