"""Analyst corrections over the store: field overrides, merging and splitting incidents, and undoing any of them.

A correction never changes extracted data (documents, records, evidence). A field correction is an ``overrides``
row applied on top of the resolver's merged view whenever :mod:`._rebuild` rebuilds the incident, so corrections
survive re-ingesting. Merge and split move records between incidents
(their ``assignments``) and are logged in ``merge_operations`` with who, when and why, the assignments they
replaced (``before``) and the incidents they touched (``operation_incidents``). Undoing a merge or split puts
exactly the records it moved back where they were; re-ingesting never moves stored records, so both an active
and an undone operation stay as the analyst left them. :func:`history` lists all three kinds together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import sqlalchemy as sa

from ..errors import ConflictError, InputError, NotFoundError
from ..resolve.interface import Merger
from ._overrides import FIELDS, current
from ._rebuild import rebuild
from .tables import assignments, incidents, merge_operations, operation_incidents, overrides


@dataclass(frozen=True)
class Undo:
    """Who undid a correction, when (ISO 8601) and why."""

    who: str | None
    why: str | None
    at: str


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
    undo: Undo | None = None


@dataclass(frozen=True)
class Operation:
    """One logged merge or split: the incidents it took, the incidents it left, and the records it moved."""

    id: int
    kind: Literal["merge", "split"]
    incident_ids: list[str]
    result_ids: list[str]
    record_ids: list[str]
    who: str
    why: str | None
    at: str
    undone: bool
    undo: Undo | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _incident(connection: sa.Connection, incident_id: str) -> sa.Row[Any]:
    row = connection.execute(
        sa.select(incidents.c.incident_id, incidents.c.merged).where(incidents.c.incident_id == incident_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no incident with id {incident_id!r}; list incidents with GET /api/incidents")
    return row


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _undo_of(row: Any) -> Undo | None:
    if not row.undone or row.undone_at is None:
        return None
    return Undo(row.undone_by, row.undo_reason, _iso(row.undone_at))


def _as_correction(row: Any) -> Correction:
    return Correction(row.override_id, row.incident_id, row.field_path, row.old_value, row.new_value, row.author,
                      row.reason, _iso(row.created_at), bool(row.undone), _undo_of(row))


def _as_operation(row: Any) -> Operation:
    return Operation(row.operation_id, row.kind, list(row.incident_ids), list(row.result_ids), list(row.record_ids),
                     row.author, row.reason, _iso(row.created_at), bool(row.undone), _undo_of(row))


def _undone(who: str | None, why: str | None) -> dict[str, Any]:
    return {"undone": True, "undone_at": _now(), "undone_by": who, "undo_reason": why}


def add_correction(
    connection: sa.Connection, incident_id: str, *, field: str, value: Any, who: str, why: str | None = None,
    resolver: Merger,
) -> Correction:
    """Store an override of ``field`` (a key of :data:`FIELDS`) for the incident and rebuild it."""
    if field not in FIELDS:
        raise InputError(f"field {field!r} cannot be corrected; use one of: {', '.join(FIELDS)}")
    new = FIELDS[field][0](value)
    row = _incident(connection, incident_id)
    created = _now()
    override_id = connection.execute(
        sa.insert(overrides).returning(overrides.c.override_id),
        {"incident_id": incident_id, "field_path": field, "old_value": current(row.merged, field), "new_value": new,
         "author": who, "created_at": created, "reason": why, "undone": False},
    ).scalar_one()
    rebuild(connection, [incident_id], resolver=resolver)
    return corrections_of(connection, incident_id, only=override_id)[0]


def corrections_of(connection: sa.Connection, incident_id: str, *, only: int | None = None) -> list[Correction]:
    """The corrections of an incident, oldest first, undone ones included."""
    query = sa.select(overrides).where(overrides.c.incident_id == incident_id).order_by(overrides.c.override_id)
    if only is not None:
        query = query.where(overrides.c.override_id == only)
    return [_as_correction(row) for row in connection.execute(query)]


def undo_correction(
    connection: sa.Connection, correction_id: int, *, resolver: Merger, who: str | None = None,
    why: str | None = None,
) -> Correction:
    """Mark a field correction undone and rebuild its incident from the records and the remaining corrections.

    Undoing an undone correction changes nothing.
    """
    row = connection.execute(sa.select(overrides).where(overrides.c.override_id == correction_id)).first()
    if row is None:
        raise NotFoundError(f"no correction with id {correction_id}; see the corrections of an incident")
    if not row.undone:
        connection.execute(
            sa.update(overrides).where(overrides.c.override_id == correction_id).values(**_undone(who, why))
        )
        rebuild(connection, [row.incident_id], resolver=resolver)
    return corrections_of(connection, row.incident_id, only=correction_id)[0]


def _log(connection: sa.Connection, kind: str, *, moved: Sequence[str], **values: Any) -> int:
    """Log an operation with the current assignments of the records it is about to move, and link its incidents."""
    before = connection.execute(
        sa.select(assignments.c.record_id, assignments.c.cluster_id, assignments.c.new_cluster)
        .where(assignments.c.record_id.in_(sorted(moved)))
        .order_by(assignments.c.record_id)
    ).all()
    operation_id = connection.execute(
        sa.insert(merge_operations).returning(merge_operations.c.operation_id),
        {"kind": kind, "created_at": _now(), "undone": False, "record_ids": sorted(moved),
         "before": [[r.record_id, r.cluster_id, bool(r.new_cluster)] for r in before], **values},
    ).scalar_one()
    touched = sorted({*values["incident_ids"], *values["result_ids"]})
    connection.execute(
        sa.insert(operation_incidents), [{"operation_id": operation_id, "incident_id": i} for i in touched]
    )
    return operation_id


def merge_incidents(
    connection: sa.Connection, ids: Sequence[str], *, who: str, why: str | None, resolver: Merger
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
    _log(connection, "merge", moved=moved, incident_ids=ids, result_ids=[target], author=who, reason=why)
    connection.execute(
        sa.update(assignments).where(assignments.c.cluster_id.in_(ids[1:])).values(cluster_id=target, new_cluster=False)
    )
    rebuild(connection, ids, resolver=resolver)
    return target


def split_incident(
    connection: sa.Connection, incident_id: str, record_ids: Sequence[str], *, who: str, why: str | None,
    resolver: Merger,
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
    _log(connection, "split", moved=wanted, incident_ids=[incident_id], result_ids=[incident_id, new_id], author=who,
         reason=why)
    connection.execute(
        sa.update(assignments).where(assignments.c.record_id.in_(wanted)).values(cluster_id=new_id, new_cluster=True)
    )
    rebuild(connection, [incident_id, new_id], resolver=resolver)
    return new_id


def _operation_row(connection: sa.Connection, operation_id: int, *, lock: bool = False) -> sa.Row[Any]:
    """The logged operation; ``lock`` holds its row until the transaction ends (PostgreSQL), so two undos queue."""
    query = sa.select(merge_operations).where(merge_operations.c.operation_id == operation_id)
    row = connection.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFoundError(f"no merge or split with id {operation_id}; list corrections with GET /api/corrections")
    return row


def undo_operation(
    connection: sa.Connection, operation_id: int, *, resolver: Merger, who: str | None = None,
    why: str | None = None,
) -> Operation:
    """Put the records a merge or split moved back where they were and rebuild the incidents involved.

    Records that joined the incidents later (re-ingest, other operations) stay where they are. Raises
    :class:`ConflictError` when a later operation moved the same records or removed an incident this one
    would restore into. Undoing an undone operation changes nothing.
    """
    row = _operation_row(connection, operation_id, lock=True)
    if row.undone:
        return _as_operation(row)
    if row.before is None:
        raise InputError(f"{row.kind} {operation_id} was logged before incidex could undo merges and splits, so where "
                         "its records were is unknown; reverse it by hand with a new split or merge")
    placed = row.result_ids[0] if row.kind == "merge" else row.result_ids[-1]
    before = {record_id: (cluster_id, new_cluster) for record_id, cluster_id, new_cluster in row.before}
    homes = sorted({cluster_id for cluster_id, _ in before.values()})
    _check_undoable(connection, row, placed=placed, before=before, homes=homes)
    if before:
        connection.execute(
            sa.update(assignments)
            .where(assignments.c.record_id == sa.bindparam("rid"))
            .values(cluster_id=sa.bindparam("cid"), new_cluster=sa.bindparam("flag")),
            [{"rid": rid, "cid": cid, "flag": flag} for rid, (cid, flag) in sorted(before.items())],
        )
    rebuild(connection, [placed, *homes], resolver=resolver)
    connection.execute(
        sa.update(merge_operations).where(merge_operations.c.operation_id == operation_id).values(**_undone(who, why))
    )
    return _as_operation(_operation_row(connection, operation_id))


def _check_undoable(
    connection: sa.Connection, row: Any, *, placed: str, before: dict[str, tuple[str, bool]], homes: list[str]
) -> None:
    """Refuse an undo that would not restore the state before the operation; name the operation to undo first."""
    now = dict(connection.execute(
        sa.select(assignments.c.record_id, assignments.c.cluster_id).where(assignments.c.record_id.in_(sorted(before)))
    ).all())
    moved_on = sorted(record_id for record_id in before if now.get(record_id) != placed)
    existing = set(connection.execute(
        sa.select(incidents.c.incident_id).where(incidents.c.incident_id.in_(homes))
    ).scalars())
    # a merge's sources must still be gone; a split's source must still be there to take its records back
    blocked = sorted(set(homes) & existing) if row.kind == "merge" else sorted(set(homes) - existing)
    if not moved_on and not blocked:
        return
    later = connection.execute(
        sa.select(merge_operations.c.operation_id, merge_operations.c.kind, merge_operations.c.author)
        .join(operation_incidents, operation_incidents.c.operation_id == merge_operations.c.operation_id)
        .where(operation_incidents.c.incident_id.in_(sorted({placed, *homes})),
               merge_operations.c.operation_id > row.operation_id, merge_operations.c.undone.is_(sa.false()))
        .order_by(merge_operations.c.operation_id.desc())
        .limit(1)
    ).first()
    first = f"undo {later.kind} {later.operation_id} by {later.author} first" if later else "undo later changes first"
    what = f"records {', '.join(moved_on[:5])} moved since" if moved_on else f"incident {blocked[0]} changed since"
    raise ConflictError(f"cannot undo {row.kind} {row.operation_id}: {what}; {first}")


def history(
    connection: sa.Connection, *, incident_id: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[Correction | Operation]]:
    """All corrections (field, merge, split), newest first, with their total; only those touching ``incident_id``
    when given."""
    fields = sa.select(sa.literal(0).label("kind"), overrides.c.override_id.label("id"),
                       overrides.c.created_at.label("at"))
    operations = sa.select(sa.literal(1).label("kind"), merge_operations.c.operation_id.label("id"),
                           merge_operations.c.created_at.label("at"))
    if incident_id is not None:
        fields = fields.where(overrides.c.incident_id == incident_id)
        operations = operations.join(
            operation_incidents, operation_incidents.c.operation_id == merge_operations.c.operation_id
        ).where(operation_incidents.c.incident_id == incident_id)
    keys = sa.union_all(fields, operations).subquery()
    total = connection.execute(sa.select(sa.func.count()).select_from(keys)).scalar_one()
    page = connection.execute(
        sa.select(keys.c.kind, keys.c.id).order_by(keys.c.at.desc(), keys.c.kind.desc(), keys.c.id.desc())
        .limit(limit).offset(offset)
    ).all()
    wanted = {kind: [key for k, key in page if k == kind] for kind in (0, 1)}
    found: dict[tuple[int, int], Correction | Operation] = {}
    if wanted[0]:
        for row in connection.execute(sa.select(overrides).where(overrides.c.override_id.in_(wanted[0]))):
            found[(0, row.override_id)] = _as_correction(row)
    if wanted[1]:
        query = sa.select(merge_operations).where(merge_operations.c.operation_id.in_(wanted[1]))
        for row in connection.execute(query):
            found[(1, row.operation_id)] = _as_operation(row)
    return total, [found[(kind, key)] for kind, key in page]
