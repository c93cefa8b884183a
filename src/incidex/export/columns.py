"""The flat, ACLED/GTD-style view of a merged incident shared by the CSV and GeoJSON exports."""

from __future__ import annotations

from typing import Any

from ..store import IncidentRow

COLUMNS: tuple[str, ...] = (
    "incident_id",
    "date",
    "date_precision",
    "type",
    "role",
    "country",
    "admin1",
    "admin1_code",
    "location",
    "latitude",
    "longitude",
    "perpetrators",
    "victims",
    "killed",
    "injured",
    "hostages_taken",
    "hostages_released",
    "arrested",
    "sources",
    "document_ids",
    "notes",
)


def flat_fields(row: IncidentRow) -> dict[str, Any]:
    """The :data:`COLUMNS` of one incident; list fields stay lists (the CSV writer joins them)."""
    return {
        "incident_id": row.incident_id,
        "date": row.date,
        "date_precision": row.date_precision,
        "type": row.type,
        "role": row.role,
        "country": row.country,
        "admin1": row.admin1,
        "admin1_code": (row.merged.get("location") or {}).get("admin1_code"),  # kept in the merged view's JSON
        "location": row.location,
        "latitude": row.lat,
        "longitude": row.lon,
        "perpetrators": row.perpetrators,
        "victims": row.victims,
        "killed": row.killed,
        "injured": row.injured,
        "hostages_taken": row.hostages_taken,
        "hostages_released": row.hostages_released,
        "arrested": row.arrested,
        "sources": row.sources,
        "document_ids": row.document_ids,
        "notes": row.notes,
    }
