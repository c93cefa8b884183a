"""The checks of incident filters shared by the API and ``incidex export``: one rule and one message for each, so
a value one of them refuses the other refuses too (``--country USA`` and ``?country=USA`` alike)."""

from __future__ import annotations

from ..errors import InputError
from ..resolve.dates import parse_partial
from ..types import INCIDENT_TYPES


def country_code(value: str | None) -> str | None:
    """The upper-case ISO 3166 alpha-2 code given (None when blank); :class:`InputError` for anything else."""
    if value is None or not value.strip():
        return None
    code = value.strip()
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise InputError(f"country {value!r} is not an ISO 3166 alpha-2 code; use two letters such as RU")
    return code.upper()


def incident_type(value: str | None) -> str | None:
    """One of :data:`~incidex.types.INCIDENT_TYPES` (None when blank); :class:`InputError` for anything else."""
    if value is None or not value.strip():
        return None
    if value.strip() not in INCIDENT_TYPES:
        raise InputError(f"unknown type {value.strip()!r}; use one of: {', '.join(INCIDENT_TYPES)}")
    return value.strip()


def date_bound(value: str | None, name: str, index: int) -> str | None:
    """The first (``index`` 0) or last (1) day of ``YYYY[-MM[-DD]]`` (None when blank); :class:`InputError` naming
    the filter ``name`` for anything else."""
    if value is None or not value.strip():
        return None
    bounds = parse_partial(value.strip())
    if bounds is None:
        raise InputError(f"{name}={value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return bounds[index].isoformat()


BBOX_FORMAT = "bbox must be minlon,minlat,maxlon,maxlat in degrees, e.g. 30,40,50,60"


def bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """The box ``minlon,minlat,maxlon,maxlat`` (None when blank); :class:`InputError` for anything else."""
    if value is None or not value.strip():
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise InputError(BBOX_FORMAT) from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise InputError(BBOX_FORMAT + " (min not above max, longitudes within ±180, latitudes within ±90)")
    return min_lon, min_lat, max_lon, max_lat
