"""Analyst field overrides: which fields may be corrected, how a value is checked, and how an active override
changes a merged incident's row (:func:`overridden`), which :mod:`._rebuild` applies before the row is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import InputError
from ..resolve.dates import parse_partial
from ..types import CASUALTY_FIELDS, INCIDENT_TYPES
from .filters import country_code

def _check_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10_000_000:
        raise InputError("a casualty count must be a whole number from 0 to 10,000,000, or null for unknown")
    return value


def _check_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 500 or "\x00" in value:
        raise InputError("give a non-empty text value of at most 500 characters, or null")
    return value.strip()


def _check_type(value: Any) -> str:
    if value not in INCIDENT_TYPES:
        raise InputError(f"unknown incident type {value!r}; use one of: {', '.join(INCIDENT_TYPES)}")
    return value


def _check_date(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or parse_partial(value) is None:
        raise InputError(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    return value


def _check_country(value: Any) -> str | None:
    """The country filters' rule and message (:func:`~incidex.store.filters.country_code`), for a JSON value."""
    if value is not None and not isinstance(value, str):
        raise InputError(f"country {value!r} is not an ISO 3166 alpha-2 code; use two letters such as RU")
    return country_code(value)


def _check_coordinate(limit: float) -> Callable[[Any], float | None]:
    def check(value: Any) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
            raise InputError(f"a coordinate must be a number from {-limit:g} to {limit:g}, or null")
        return float(value)

    return check


_COLUMNS_OF_CASUALTY = {
    "killed.total": "killed",
    "injured.total": "injured",
    "hostages_taken": "hostages_taken",
    "hostages_released": "hostages_released",
    "arrested": "arrested",
}

# Correctable field path → (value check, the incidents column it also sets, or None).
FIELDS: dict[str, tuple[Callable[[Any], Any], str | None]] = {
    "type": (_check_type, "type"),
    "date": (_check_date, "date"),
    "location.name": (_check_text, "location"),
    "location.country_code": (_check_country, "country"),
    "location.admin1": (_check_text, "admin1"),
    "location.lat": (_check_coordinate(90), "lat"),
    "location.lon": (_check_coordinate(180), "lon"),
    **{f"casualties.{path}": (_check_int, _COLUMNS_OF_CASUALTY.get(path)) for path in CASUALTY_FIELDS},
}


def current(merged: dict[str, Any], path: str) -> Any:
    """The value at the field ``path`` of a merged view (a date's value, not its dict)."""
    value: Any = merged
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if path == "date" and isinstance(value, dict):
        return value.get("value")
    return value


def _set(merged: dict[str, Any], path: str, value: Any) -> None:
    if path == "date":
        merged["date"] = {"value": value, "precision": _precision(value), "text": None, "resolved": True}
        return
    *parents, last = path.split(".")
    target = merged
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _precision(value: str | None) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value or ""), "unknown")


def _note(row: Any) -> str:
    why = f" ({row.reason})" if row.reason else ""
    return f"corrected {row.field_path}: {row.old_value!r} -> {row.new_value!r} by {row.author}{why}"


def overridden(row: dict[str, Any], active: Sequence[Any]) -> dict[str, Any]:
    """``row`` (an incident row of :func:`.rows.incident_row`) with the ``active`` overrides rows applied in order:
    the merged view and the columns they set, and a note for each after the resolver's notes."""
    if not active:
        return row
    merged = row["merged"]
    values: dict[str, Any] = {}
    for override in active:
        _set(merged, override.field_path, override.new_value)
        column = FIELDS.get(override.field_path, (None, None))[1]
        if column == "date":
            bounds = parse_partial(override.new_value) if override.new_value else None
            values |= {"date": override.new_value, "date_precision": _precision(override.new_value),
                       "date_from": bounds[0].isoformat() if bounds else None,
                       "date_to": bounds[1].isoformat() if bounds else None}
        elif column:
            values[column] = override.new_value
    notes = [*merged.get("notes", []), *(_note(override) for override in active)]
    return row | values | {"merged": merged, "notes": "; ".join(notes) or None}
