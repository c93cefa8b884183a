"""Analyst corrections over the store: field overrides, undo, merging and splitting incidents.

A correction never changes extracted data (documents, records, evidence). A field correction is an ``overrides``
row applied on top of the resolver's merged view by :func:`apply_overrides`, which the store's write path calls
after every recomputation, so corrections survive re-ingesting. Merge and split move records between incidents
(their ``assignments``) and are logged in ``merge_operations`` with who, when and why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..errors import InputError, NotFoundError
from ..resolve.dates import parse_partial
from ..types import CASUALTY_FIELDS, INCIDENT_TYPES
from .rows import incident_row
from .tables import assignments, incidents, merge_operations, overrides

if TYPE_CHECKING:
    from .repository import Resolver


@dataclass(frozen=True)
class Correction:
    """One stored field override: ``old`` is the value before it, ``new`` the analyst's value."""

    id: int
    incident_id: str
    field: str
    old: Any
    new: Any
    who: str
    why: str | None
    at: str
    undone: bool


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
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 2 or not value.isascii() or not value.isalpha():
        raise InputError("a country is an ISO 3166 alpha-2 code such as RU, or null")
    return value.upper()


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


def _get(merged: dict[str, Any], path: str) -> Any:
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


def _now() -> datetime:
    return datetime.now(UTC)


def _incident(connection: sa.Connection, incident_id: str) -> sa.Row[Any]:
    row = connection.execute(
        sa.select(incidents.c.incident_id, incidents.c.merged).where(incidents.c.incident_id == incident_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no incident with id {incident_id!r}; list incidents with GET /api/incidents")
    return row


def _as_correction(row: Any) -> Correction:
    at = row.created_at
    return Correction(row.override_id, row.incident_id, row.field_path, row.old_value, row.new_value, row.author,
                      row.reason, at.isoformat() if isinstance(at, datetime) else str(at), bool(row.undone))


def add_correction(
    connection: sa.Connection, incident_id: str, *, field: str, value: Any, who: str, why: str | None = None
) -> Correction:
    """Store an override of ``field`` (a key of :data:`FIELDS`) for the incident and apply it."""
    if field not in FIELDS:
        raise InputError(f"field {field!r} cannot be corrected; use one of: {', '.join(FIELDS)}")
    new = FIELDS[field][0](value)
    row = _incident(connection, incident_id)
    created = _now()
    override_id = connection.execute(
        sa.insert(overrides).returning(overrides.c.override_id),
        {"incident_id": incident_id, "field_path": field, "old_value": _get(row.merged, field), "new_value": new,
         "author": who, "created_at": created, "reason": why, "undone": False},
    ).scalar_one()
    apply_overrides(connection, [incident_id])
    return corrections_of(connection, incident_id, only=override_id)[0]


def corrections_of(connection: sa.Connection, incident_id: str, *, only: int | None = None) -> list[Correction]:
    """The corrections of an incident, oldest first, undone ones included."""
    query = sa.select(overrides).where(overrides.c.incident_id == incident_id).order_by(overrides.c.override_id)
    if only is not None:
        query = query.where(overrides.c.override_id == only)
    return [_as_correction(row) for row in connection.execute(query)]


def undo_correction(connection: sa.Connection, correction_id: int, *, resolver: Resolver) -> Correction:
    """Mark a correction undone and rebuild its incident from the records and the remaining corrections."""
    row = connection.execute(sa.select(overrides).where(overrides.c.override_id == correction_id)).first()
    if row is None:
        raise NotFoundError(f"no correction with id {correction_id}; see the corrections of an incident")
    connection.execute(sa.update(overrides).where(overrides.c.override_id == correction_id).values(undone=True))
    recompute(connection, [row.incident_id], resolver=resolver)
    return corrections_of(connection, row.incident_id, only=correction_id)[0]


def apply_overrides(connection: sa.Connection, incident_ids: Sequence[str]) -> None:
    """Apply the active overrides of these incidents to their freshly stored rows (idempotent)."""
    if not incident_ids:
        return
    active = connection.execute(
        sa.select(overrides)
        .where(overrides.c.incident_id.in_(sorted(set(incident_ids))), overrides.c.undone.is_(sa.false()))
        .order_by(overrides.c.override_id)
    ).all()
    by_incident: dict[str, list[Any]] = {}
    for row in active:
        by_incident.setdefault(row.incident_id, []).append(row)
    for incident_id, rows in by_incident.items():
        found = connection.execute(
            sa.select(incidents.c.merged).where(incidents.c.incident_id == incident_id)
        ).scalar_one_or_none()
        if found is None:
            continue
        merged = dict(found)
        values: dict[str, Any] = {}
        for row in rows:
            _set(merged, row.field_path, row.new_value)
            column = FIELDS.get(row.field_path, (None, None))[1]
            if column == "date":
                bounds = parse_partial(row.new_value) if row.new_value else None
                values |= {"date": row.new_value, "date_precision": _precision(row.new_value),
                           "date_from": bounds[0].isoformat() if bounds else None,
                           "date_to": bounds[1].isoformat() if bounds else None}
            elif column:
                values[column] = row.new_value
        notes = [*merged.get("notes", []), *(_note(row) for row in rows)]
        values |= {"merged": merged, "notes": "; ".join(notes) or None}
        connection.execute(sa.update(incidents).where(incidents.c.incident_id == incident_id).values(**values))


def _note(row: Any) -> str:
    why = f" ({row.reason})" if row.reason else ""
    return f"corrected {row.field_path}: {row.old_value!r} -> {row.new_value!r} by {row.author}{why}"


def recompute(connection: sa.Connection, incident_ids: Sequence[str], *, resolver: Resolver) -> list[str]:
    """Rebuild the merged rows of these incidents from their assigned records, then apply overrides.

    Incidents left without records are deleted. Returns the ids that still exist.
    """
    from .repository import load_clusters  # imported here: the repository imports this module

    ids = sorted(set(incident_ids))
    clusters = load_clusters(connection, set(ids))
    connection.execute(sa.delete(incidents).where(incidents.c.incident_id.in_(ids)))
    if clusters:
        connection.execute(
            sa.insert(incidents), [incident_row(clusters[key], resolver.reconcile(clusters[key])) for key in sorted(clusters)]
        )
    apply_overrides(connection, sorted(clusters))
    return sorted(clusters)


def _log(connection: sa.Connection, kind: str, **values: Any) -> int:
    return connection.execute(
        sa.insert(merge_operations).returning(merge_operations.c.operation_id),
        {"kind": kind, "created_at": _now(), "undone": False, **values},
    ).scalar_one()


def merge_incidents(
    connection: sa.Connection, ids: Sequence[str], *, who: str, why: str | None, resolver: Resolver
) -> str:
    """Move the records of every incident in ``ids`` into the first one; returns its id."""
    ids = list(dict.fromkeys(ids))
    if len(ids) < 2:
        raise InputError("give at least two different incident ids to merge")
    for incident_id in ids:
        _incident(connection, incident_id)
    target = ids[0]
    moved = connection.execute(
        sa.select(assignments.c.record_id).where(assignments.c.cluster_id.in_(ids[1:]))
    ).scalars().all()
    connection.execute(
        sa.update(assignments).where(assignments.c.cluster_id.in_(ids[1:])).values(cluster_id=target, new_cluster=False)
    )
    recompute(connection, ids, resolver=resolver)
    _log(connection, "merge", incident_ids=ids, result_ids=[target], record_ids=sorted(moved), author=who, reason=why)
    return target


def split_incident(
    connection: sa.Connection, incident_id: str, record_ids: Sequence[str], *, who: str, why: str | None,
    resolver: Resolver,
) -> str:
    """Move ``record_ids`` of the incident into a new incident; returns the new id."""
    _incident(connection, incident_id)
    wanted = sorted(set(record_ids))
    held = set(connection.execute(
        sa.select(assignments.c.record_id).where(assignments.c.cluster_id == incident_id)
    ).scalars())
    if not wanted or not set(wanted) < held:
        raise InputError("give some, but not all, record ids of this incident to split off; see its records")
    new_id = "split-" + hashlib.sha256("\n".join([incident_id, *wanted]).encode("utf-8")).hexdigest()[:16]
    if connection.execute(sa.select(incidents.c.incident_id).where(incidents.c.incident_id == new_id)).first():
        raise InputError(f"these records were already split off as incident {new_id!r}")
    connection.execute(
        sa.update(assignments).where(assignments.c.record_id.in_(wanted)).values(cluster_id=new_id, new_cluster=True)
    )
    recompute(connection, [incident_id, new_id], resolver=resolver)
    _log(connection, "split", incident_ids=[incident_id], result_ids=[incident_id, new_id], record_ids=wanted,
         author=who, reason=why)
    return new_id
