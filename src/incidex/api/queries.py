"""Read queries of the API over the store's tables (SQLAlchemy Core, bound parameters only)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

import sqlalchemy as sa

from ..store.tables import assignments, documents, incidents, overrides, records

Sort = Literal["date", "-date", "killed", "-killed", "type"]
IncidentRole = Literal["main", "background"]


MAX_DATE_SPAN = timedelta(days=366)  # a merged incident's date is a day, a month or a year


@dataclass(frozen=True)
class ListFilters:
    """Filters of incident lists, stats and exports; dates are already first/last days (ISO)."""

    type: str | None = None
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    source: str | None = None
    q: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    role: IncidentRole | None = None


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: sa.ColumnElement[Any], term: str, *, dialect: str, as_json: bool = False) -> sa.ColumnElement[bool]:
    """Case-insensitive substring test; JSON columns are searched in their stored text (non-ASCII as escapes).

    SQLite's LIKE already ignores ASCII case, so it needs no per-row ``lower()``; PostgreSQL gets ILIKE.
    """
    text = sa.cast(column, sa.Text) if as_json else column
    needle = json.dumps(term)[1:-1] if as_json else term
    if dialect == "sqlite":
        return text.like(_like(needle), escape="\\")
    return text.ilike(_like(needle), escape="\\")


def _main_record() -> sa.Exists:
    return (
        sa.select(1)
        .select_from(assignments.join(records, records.c.record_id == assignments.c.record_id))
        .where(assignments.c.cluster_id == incidents.c.incident_id, records.c.role == "main")
        .exists()
    )


def _corrected() -> sa.Exists:
    return (
        sa.select(1)
        .where(overrides.c.incident_id == incidents.c.incident_id, overrides.c.undone.is_(sa.false()))
        .exists()
    )


def conditions(filters: ListFilters, *, dialect: str) -> list[sa.ColumnElement[bool]]:
    """WHERE terms of ``filters`` for a database of this ``dialect`` (``sqlite`` or ``postgresql``)."""
    found: list[sa.ColumnElement[bool]] = []
    if filters.type:
        found.append(incidents.c.type == filters.type)
    if filters.country:
        found.append(incidents.c.country == filters.country.upper())
    if filters.admin1:
        found.append(sa.func.lower(incidents.c.admin1) == filters.admin1.lower())
    if filters.actor:
        found.append(_contains(incidents.c.perpetrators, filters.actor, dialect=dialect, as_json=True))
    if filters.source:
        found.append(_contains(incidents.c.sources, filters.source, dialect=dialect, as_json=True))
    if filters.q:
        found.append(sa.or_(
            _contains(incidents.c.location, filters.q, dialect=dialect),
            _contains(incidents.c.admin1, filters.q, dialect=dialect),
            _contains(incidents.c.perpetrators, filters.q, dialect=dialect, as_json=True),
            _contains(incidents.c.victims, filters.q, dialect=dialect, as_json=True),
            _contains(incidents.c.notes, filters.q, dialect=dialect),
        ))
    if filters.date_from:
        earliest = (date.fromisoformat(filters.date_from) - MAX_DATE_SPAN).isoformat()
        found.append(incidents.c.date_to >= filters.date_from)
        found.append(incidents.c.date_from >= earliest)  # implied by the span limit; lets the index bound the scan
    if filters.date_to:
        found.append(incidents.c.date_from <= filters.date_to)
    if filters.bbox:
        min_lon, min_lat, max_lon, max_lat = filters.bbox
        found.append(incidents.c.lat.between(min_lat, max_lat))
        found.append(incidents.c.lon.between(min_lon, max_lon))
    if filters.role == "main":
        found.append(_main_record())
    elif filters.role == "background":
        found.append(~_main_record())
    return found


SMALL_RESULT = 5000  # at most this many matches: sort them rather than walk a sort index past non-matches


def _order(sort: Sort, *, small: bool) -> tuple[sa.ColumnElement[Any], ...]:
    """ORDER BY terms (nulls last, id breaks ties); for small results they are wrapped so no index serves them."""
    key = {"date": incidents.c.date_from, "killed": incidents.c.killed, "type": incidents.c.type}[sort.lstrip("-")]
    ident = incidents.c.incident_id
    if small:
        key, ident = sa.func.coalesce(key, key), sa.func.coalesce(ident, ident)
    if sort == "type":
        return key, ident
    if sort.startswith("-"):
        return sa.nulls_last(key.desc()), ident.desc()
    return key.is_(None), key, ident


_LIST_COLUMNS = (
    incidents.c.incident_id, incidents.c.date, incidents.c.date_precision, incidents.c.type, incidents.c.country,
    incidents.c.admin1, incidents.c.location, incidents.c.lat, incidents.c.lon, incidents.c.killed,
    incidents.c.injured, incidents.c.hostages_taken, incidents.c.perpetrators, incidents.c.sources,
    incidents.c.document_ids,
)


def list_incidents(
    connection: sa.Connection, filters: ListFilters, *, sort: Sort, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """The total count of matching incidents and one page of them as list items."""
    where = conditions(filters, dialect=connection.dialect.name)
    total = connection.execute(sa.select(sa.func.count()).select_from(incidents).where(*where)).scalar_one()
    if offset >= total:
        return total, []
    # Choose the page's ids first, then compute the per-row subqueries for those rows only: SQLite evaluates result
    # columns before it sorts, so selecting them with the sort would run them for every matching incident.
    page_ids = (
        sa.select(incidents.c.incident_id)
        .where(*where)
        .order_by(*_order(sort, small=total <= SMALL_RESULT))
        .limit(limit)
        .offset(offset)
        .subquery()
    )
    page = (
        sa.select(*_LIST_COLUMNS, _main_record().label("is_main"), _corrected().label("corrected"))
        .select_from(incidents.join(page_ids, incidents.c.incident_id == page_ids.c.incident_id))
        .order_by(*_order(sort, small=True))
    )
    items = [
        {
            "id": row.incident_id, "date": row.date, "date_precision": row.date_precision, "type": row.type,
            "role": "main" if row.is_main else "background", "country": row.country, "admin1": row.admin1,
            "location": row.location, "lat": row.lat, "lon": row.lon, "killed": row.killed,
            "injured": row.injured, "hostages_taken": row.hostages_taken, "perpetrators": row.perpetrators,
            "source_count": len(row.sources), "document_ids": row.document_ids, "corrected": bool(row.corrected),
        }
        for row in connection.execute(page)
    ]
    return total, items


def incident(connection: sa.Connection, incident_id: str) -> sa.Row[Any] | None:
    return connection.execute(sa.select(incidents).where(incidents.c.incident_id == incident_id)).first()


def merge_reasons(connection: sa.Connection, incident_id: str) -> list[dict[str, Any]]:
    query = (
        sa.select(assignments.c.record_id, assignments.c.score, assignments.c.reasons)
        .where(assignments.c.cluster_id == incident_id)
        .order_by(assignments.c.record_id)
    )
    return [{"record_id": r.record_id, "score": r.score, "reasons": list(r.reasons)} for r in connection.execute(query)]


def documents_by_id(connection: sa.Connection, document_ids: Sequence[str]) -> list[dict[str, Any]]:
    query = (
        sa.select(documents.c.document_id, documents.c.title, documents.c.source, documents.c.published,
                  documents.c.url, documents.c.text)
        .where(documents.c.document_id.in_(sorted(set(document_ids))))
        .order_by(documents.c.document_id)
    )
    return [
        {"id": r.document_id, "title": r.title, "source": r.source, "published": r.published, "url": r.url,
         "text": r.text}
        for r in connection.execute(query)
    ]


def background_incidents(connection: sa.Connection, document_ids: Sequence[str], *, exclude: str) -> list[dict[str, Any]]:
    """Incidents recalled as background in these documents (other than ``exclude``)."""
    clusters = (
        sa.select(assignments.c.cluster_id)
        .join(records, records.c.record_id == assignments.c.record_id)
        .where(records.c.document_id.in_(sorted(set(document_ids))), records.c.role == "background")
    )
    query = (
        sa.select(incidents.c.incident_id, incidents.c.type, incidents.c.date, incidents.c.location, incidents.c.killed)
        .where(incidents.c.incident_id.in_(clusters), incidents.c.incident_id != exclude)
        .order_by(incidents.c.date_from, incidents.c.incident_id)
    )
    return [
        {"id": r.incident_id, "type": r.type, "date": r.date, "location": r.location, "killed": r.killed}
        for r in connection.execute(query)
    ]


def list_documents(connection: sa.Connection, *, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
    query = (
        sa.select(documents.c.document_id, documents.c.title, documents.c.source, documents.c.published,
                  documents.c.status, documents.c.error)
        .order_by(documents.c.document_id)
        .limit(limit)
        .offset(offset)
    )
    items = [
        {"id": r.document_id, "title": r.title, "source": r.source, "published": r.published, "status": r.status,
         "error": r.error}
        for r in connection.execute(query)
    ]
    return total, items


def document(connection: sa.Connection, document_id: str) -> dict[str, Any] | None:
    row = connection.execute(sa.select(documents).where(documents.c.document_id == document_id)).first()
    if row is None:
        return None
    record_ids = connection.execute(
        sa.select(records.c.record_id).where(records.c.document_id == document_id).order_by(records.c.record_id)
    ).scalars().all()
    return {
        "id": row.document_id, "title": row.title, "source": row.source, "published": row.published,
        "url": row.url, "status": row.status, "error": row.error, "origin": row.origin, "text": row.text,
        "record_ids": list(record_ids),
    }


def incidents_of_document(connection: sa.Connection, document_id: str) -> list[str]:
    query = (
        sa.select(assignments.c.cluster_id)
        .join(records, records.c.record_id == assignments.c.record_id)
        .where(records.c.document_id == document_id)
        .distinct()
    )
    return sorted(connection.execute(query).scalars())


def weekly(connection: sa.Connection, filters: ListFilters) -> list[dict[str, Any]]:
    """Counts and deaths per week (Monday) and type; undated incidents are left out."""
    query = (
        sa.select(incidents.c.date_from, incidents.c.type, sa.func.count(), sa.func.sum(incidents.c.killed))
        .where(*conditions(filters, dialect=connection.dialect.name), incidents.c.date_from.is_not(None))
        .group_by(incidents.c.date_from, incidents.c.type)
    )
    weeks: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for day, kind, count, killed in connection.execute(query):
        start = date.fromisoformat(day)
        monday = (start - timedelta(days=start.weekday())).isoformat()
        totals = weeks[(monday, kind)]
        totals[0] += count
        totals[1] += killed or 0
    return [{"week": week, "type": kind, "count": c, "killed": k} for (week, kind), (c, k) in sorted(weeks.items())]


def countries(connection: sa.Connection, filters: ListFilters) -> list[dict[str, Any]]:
    query = (
        sa.select(incidents.c.country, sa.func.count().label("n"), sa.func.sum(incidents.c.killed))
        .where(*conditions(filters, dialect=connection.dialect.name))
        .group_by(incidents.c.country)
        .order_by(sa.desc("n"), incidents.c.country)
    )
    return [{"country": country, "count": n, "killed": killed or 0} for country, n, killed in connection.execute(query)]
