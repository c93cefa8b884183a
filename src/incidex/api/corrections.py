"""Analyst corrections: field overrides with undo, merging and splitting incidents (write endpoints)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path

from ..store import corrections
from .dependencies import Context, require_writer, write_connection
from .schemas import CorrectionOut, IncidentId, MergeRequest, NewCorrection, SplitRequest

router = APIRouter(prefix="/api", tags=["corrections"], dependencies=[Depends(require_writer)],
                   responses={401: {"description": "token required"}, 404: {"description": "unknown id"},
                              422: {"description": "invalid correction"}})
WriteConnection = Annotated[sa.Connection, Depends(write_connection, scope="function")]


def _out(correction: corrections.Correction) -> dict[str, Any]:
    data = asdict(correction)
    data.pop("incident_id")
    return data


@router.post("/incidents/merge", status_code=201, response_model=IncidentId)
def merge(body: MergeRequest, connection: WriteConnection, ctx: Context) -> dict[str, str]:
    """Merge incidents into the first id given; their records and evidence move, nothing is deleted."""
    merged = corrections.merge_incidents(connection, body.ids, who=body.who, why=body.why, resolver=ctx.resolver)
    return {"incident_id": merged}


@router.post("/incidents/{incident_id}/split", status_code=201, response_model=IncidentId)
def split(incident_id: str, body: SplitRequest, connection: WriteConnection, ctx: Context) -> dict[str, str]:
    """Move some records of an incident into a new incident; returns the new id."""
    new_id = corrections.split_incident(connection, incident_id, body.record_ids, who=body.who, why=body.why,
                                        resolver=ctx.resolver)
    return {"incident_id": new_id}


@router.post("/incidents/{incident_id}/corrections", status_code=201, response_model=CorrectionOut)
def correct(incident_id: str, body: NewCorrection, connection: WriteConnection) -> dict[str, Any]:
    """Override one field of the merged incident; the extracted value stays stored and undo restores it."""
    return _out(corrections.add_correction(connection, incident_id, field=body.field, value=body.value, who=body.who,
                                           why=body.why))


@router.post("/corrections/{correction_id}/undo", response_model=CorrectionOut)
def undo(correction_id: Annotated[int, Path(ge=1, le=2**31 - 1)], connection: WriteConnection, ctx: Context) -> dict[str, Any]:
    """Undo a correction: the incident shows the extracted value (or the remaining corrections) again."""
    return _out(corrections.undo_correction(connection, correction_id, resolver=ctx.resolver))
