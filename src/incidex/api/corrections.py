"""Analyst corrections: field overrides, merging and splitting incidents, one list of them all, and undo."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ..store import Correction, Operation
from .dependencies import Context, require_writer
from .schemas import (
    ChangeList,
    ChangeOut,
    CorrectionOut,
    IncidentId,
    MergeRequest,
    NewCorrection,
    SplitRequest,
    UndoRequest,
)

router = APIRouter(prefix="/api", tags=["corrections"],
                   responses={404: {"description": "unknown id"}, 422: {"description": "invalid correction"}})
WRITER = [Depends(require_writer)]
TOKEN: dict[int | str, dict[str, Any]] = {401: {"description": "token required"}}
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
MAX_LIMIT, MAX_OFFSET = 500, 10_000


def _out(correction: Correction) -> dict[str, Any]:
    data = asdict(correction)
    data.pop("incident_id")
    return data


def change_out(change: Correction | Operation) -> dict[str, Any]:
    """A correction of any kind in the one shape of :class:`ChangeOut`."""
    data = asdict(change)
    if isinstance(change, Correction):
        data |= {"kind": "field", "incident_ids": [data.pop("incident_id")], "result_ids": [], "record_ids": [],
                 "undo_path": f"/api/corrections/{change.id}/undo"}
    else:
        data["undo_path"] = f"/api/operations/{change.id}/undo"
    return data


@router.get("/corrections", response_model=ChangeList)
def list_corrections(
    ctx: Context,
    incident_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    """Every correction, newest first: field overrides, merges and splits with who, when, why and undo state.

    With ``incident_id``, those that touch the incident: its field corrections and the merges and splits that took
    or produced it (also after it was merged away).
    """
    total, items = ctx.store.corrections(incident_id=incident_id, limit=limit, offset=offset)
    return {"total": total, "items": [change_out(item) for item in items]}


@router.post("/incidents/merge", status_code=201, response_model=IncidentId, dependencies=WRITER,
             responses=TOKEN)
def merge(body: MergeRequest, ctx: Context) -> dict[str, str]:
    """Merge incidents into the first id given; their records and evidence move, nothing is deleted."""
    with ctx.write_lock:
        merged = ctx.store.merge_incidents(body.ids, who=body.who, why=body.why, resolver=ctx.resolver)
    return {"incident_id": merged}


@router.post("/incidents/{incident_id}/split", status_code=201, response_model=IncidentId, dependencies=WRITER,
             responses=TOKEN)
def split(incident_id: str, body: SplitRequest, ctx: Context) -> dict[str, str]:
    """Move some records of an incident into a new incident; returns the new id."""
    with ctx.write_lock:
        new_id = ctx.store.split_incident(incident_id, body.record_ids, who=body.who, why=body.why,
                                          resolver=ctx.resolver)
    return {"incident_id": new_id}


@router.post("/incidents/{incident_id}/corrections", status_code=201, response_model=CorrectionOut,
             dependencies=WRITER, responses=TOKEN)
def correct(incident_id: str, body: NewCorrection, ctx: Context) -> dict[str, Any]:
    """Override one field of the merged incident; the extracted value stays stored and undo restores it."""
    with ctx.write_lock:
        return _out(ctx.store.correct(incident_id, field=body.field, value=body.value, who=body.who, why=body.why,
                                      resolver=ctx.resolver))


@router.post("/corrections/{correction_id}/undo", response_model=CorrectionOut, dependencies=WRITER, responses=TOKEN)
def undo(correction_id: Id, ctx: Context, body: UndoRequest | None = None) -> dict[str, Any]:
    """Undo a field correction: the incident shows the extracted value (or the remaining corrections) again."""
    body = body or UndoRequest()
    with ctx.write_lock:
        return _out(ctx.store.undo_correction(correction_id, who=body.who, why=body.why, resolver=ctx.resolver))


@router.post("/operations/{operation_id}/undo", response_model=ChangeOut,
             dependencies=WRITER,
             responses={**TOKEN, 409: {"description": "a later merge or split must be undone first"}})
def undo_operation(operation_id: Id, ctx: Context, body: UndoRequest | None = None) -> dict[str, Any]:
    """Undo a merge or split: the records it moved go back, and the incidents are as they were before it."""
    body = body or UndoRequest()
    with ctx.write_lock:
        undone = ctx.store.undo_operation(operation_id, who=body.who, why=body.why, resolver=ctx.resolver)
    return change_out(undone)
