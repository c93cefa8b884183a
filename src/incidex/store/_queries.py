"""Reads of incidents and documents behind :class:`~incidex.store.Store` (SQLAlchemy Core, bound parameters only).

The incident list's statements are compiled once per shape (:mod:`incidex.store.prepared`): filters appear in them
as named bound parameters (:func:`bound` gives their values), never as values, so one compiled text serves every
request of the same shape.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson
import sqlalchemy as sa

from ._corrections import history
from .prepared import Prepared, Values
from .query import IncidentQuery, Sort
from .rows import INCIDENT_COLUMNS, IncidentRow
from ._search import TRIGRAM, Terms, contains, found, one_of, resolve_terms, search_values, searches
from .tables import SPANNING, assignments, documents, incidents, overrides, records

MAX_DATE_SPAN = timedelta(days=366)  # a merged incident's date is a day, a month or a year
STATEMENTS = Prepared()


BBOX_NAMES = ("min_lon", "min_lat", "max_lon", "max_lat")


def bound(filters: IncidentQuery) -> dict[str, Any]:
    """The values of the bound parameters that :func:`conditions` names for ``filters``."""
    values: dict[str, Any] = {}
    values |= {f"type_{n}": kind for n, kind in enumerate(filters.types)}
    values |= {f"country_{n}": code.upper() for n, code in enumerate(filters.countries)}
    if filters.admin1:
        values["admin1"] = filters.admin1.lower()
    values |= search_values(filters)
    if filters.date_from:
        values["date_from"] = filters.date_from
        values["earliest"] = (date.fromisoformat(filters.date_from) - MAX_DATE_SPAN).isoformat()
    if filters.date_to:
        values["date_to"] = filters.date_to
    if filters.reported_from:
        values["reported_from"] = filters.reported_from
    if filters.reported_to:
        values["reported_to"] = filters.reported_to
    if filters.min_killed is not None:
        values["min_killed"] = filters.min_killed
    if filters.bbox:
        values |= dict(zip(BBOX_NAMES, filters.bbox, strict=True))
    if filters.role:
        values["role"] = filters.role
    return values


def _shape(filters: IncidentQuery, terms: Terms | None) -> Hashable:
    """What the SQL of ``conditions(filters, terms=terms)`` depends on: which filters are given and how many values
    the listed ones have, not their values."""
    searched = tuple(
        (field, terms[(field, given)] if terms is not None else tuple(len(term) >= TRIGRAM for term in given))
        for field, given in searches(filters)
    )
    given = (filters.admin1, filters.date_from, filters.date_to, filters.reported_from, filters.reported_to,
             filters.min_killed, filters.bbox, filters.role)
    listed = (len(filters.types), len(filters.countries))
    return tuple(value is not None for value in given), listed, filters.dated, searched


def _count_statement(filters: IncidentQuery, where: list[sa.ColumnElement[bool]], *, dialect: str,
                     terms: Terms | None) -> sa.Select[Any]:
    """How many incidents match. On SQLite, text searches count their links when these can test the other filters,
    without reading the incidents' rows."""
    searched = searches(filters)
    if dialect == "sqlite" and searched and filters.link_testable():
        matches = found(searched, terms=terms, filters=filters).distinct().subquery()
        return sa.select(sa.func.count()).select_from(matches)
    if filters.date_from and filters.only_event_dates():
        return _window_count(dated_to=bool(filters.date_to))
    return sa.select(sa.func.count()).select_from(incidents).where(*where)


def _window_count(*, dated_to: bool) -> sa.Select[Any]:
    """How many incidents a date window holds, in two index ranges: those starting within it, and those starting
    before it whose date reaches into it (only incidents dated by more than a day can: the partial index of
    migration 0009). A stored incident's ``date_from`` never comes after its ``date_to`` (both bound one parsed
    date), so one starting within the window also ends within or after it. The plain condition of
    :func:`conditions` would scan the window and the :data:`MAX_DATE_SPAN` before it."""
    starts = incidents.c.date_from
    until = [starts <= sa.bindparam("date_to")] if dated_to else []
    within = [starts >= sa.bindparam("date_from"), *until]
    before = [SPANNING, starts >= sa.bindparam("earliest"), starts < sa.bindparam("date_from"),
              incidents.c.date_to >= sa.bindparam("date_from"), *until]

    def counted(where: list[sa.ColumnElement[bool]]) -> sa.ScalarSelect[Any]:
        return sa.select(sa.func.count()).select_from(incidents).where(*where).scalar_subquery()

    return sa.select(counted(within) + counted(before))


def _corrected() -> sa.Exists:
    return (
        sa.select(1)
        .where(overrides.c.incident_id == incidents.c.incident_id, overrides.c.undone.is_(sa.false()))
        .exists()
    )


def conditions(
    filters: IncidentQuery, *, dialect: str, seek: frozenset[str] | None = None, terms: Terms | None = None
) -> list[sa.ColumnElement[bool]]:
    """WHERE terms of ``filters`` for a database of this ``dialect`` (``sqlite`` or ``postgresql``); their values
    are the bound parameters of :func:`bound`.

    On SQLite, terms on columns outside ``seek`` (None: all columns) are written so that no index serves them, which
    steers the planner to the index that walks the sort order (SQLite has no statistics unless someone runs ANALYZE).
    ``terms``: the text searches' term ids from ``resolve_terms`` (None: looked up within the query).
    """
    # A text search leads when nothing else can, or when its links can test the type, country or dates themselves;
    # otherwise probing its matches while walking a covering index is cheaper than reading each match's row.
    narrowed = bool(filters.types or filters.countries or filters.date_from or filters.date_to)
    leads = dialect == "sqlite" and seek is None and bool(searches(filters)) and (
        narrowed or not (filters.admin1 or filters.bbox))
    col = _column_for(dialect, frozenset() if leads else seek)
    where: list[sa.ColumnElement[bool]] = []
    if filters.types:
        where.append(one_of(col("type"), "type", len(filters.types)))
    if filters.countries:
        where.append(one_of(col("country"), "country", len(filters.countries)))
    if filters.admin1:
        where.append(sa.func.lower(col("admin1")) == sa.bindparam("admin1"))
    rowid = sa.literal_column("incidents.rowid" if leads else "+incidents.rowid")
    where.extend(contains(filters, dialect=dialect, rowid=rowid, probe=seek is not None, terms=terms))
    if filters.date_from:
        where.append(col("date_to") >= sa.bindparam("date_from"))
        where.append(col("date_from") >= sa.bindparam("earliest"))  # implied by the span limit; lets the index bound
    if filters.date_to:
        where.append(col("date_from") <= sa.bindparam("date_to"))
    if filters.dated and not (filters.date_from or filters.date_to):
        where.append(col("date_from").is_not(None))
    if filters.reported_from:
        where.append(col("reported_to") >= sa.bindparam("reported_from"))
    if filters.reported_to:
        where.append(col("reported_from") <= sa.bindparam("reported_to"))
    if filters.min_killed is not None:
        where.append(col("killed") >= sa.bindparam("min_killed"))
    if filters.bbox:
        where.append(col("lat").between(sa.bindparam("min_lat"), sa.bindparam("max_lat")))
        where.append(col("lon").between(sa.bindparam("min_lon"), sa.bindparam("max_lon")))
    if filters.role:
        where.append(col("role") == sa.bindparam("role"))
    return where


def _column_for(dialect: str, seek: frozenset[str] | None) -> Callable[[str], sa.ColumnElement[Any]]:
    """Column references; on SQLite, columns outside ``seek`` get SQLite's unary ``+``, which rules out indexes."""

    def column(name: str) -> sa.ColumnElement[Any]:
        if dialect != "sqlite" or seek is None or name in seek:
            return incidents.c[name]
        return sa.literal_column(f"+incidents.{name}", incidents.c[name].type)

    return column


SORT_KEYS: dict[str, sa.Column[Any]] = {
    "date": incidents.c.date_from, "killed": incidents.c.killed, "type": incidents.c.type,
    "country": incidents.c.country, "reports": incidents.c.report_count,
}
_NEVER_NULL = frozenset({"type", "reports"})  # sort keys every incident has


def _order(sort: Sort, *, walk: bool, dated: bool) -> tuple[sa.ColumnElement[Any], ...]:
    """ORDER BY terms (nulls last, id breaks ties); unless ``walk``, they are wrapped so no index serves them.

    ``dated``: undated incidents are filtered out, so ascending dates need no nulls-last term and the date index
    serves both the range and the order.
    """
    name = sort.lstrip("-")
    key, ident = SORT_KEYS[name], incidents.c.incident_id
    if not walk:
        key, ident = sa.func.coalesce(key, key), sa.func.coalesce(ident, ident)
    if sort.startswith("-"):
        return sa.nulls_last(key.desc()), ident.desc()
    if name in _NEVER_NULL or (name == "date" and dated):
        return key, ident
    return key.is_(None), key, ident


# The columns whose index a walk of each sort order's index may still seek on.
_SORT_SEEKS: dict[str, frozenset[str]] = {
    "date": frozenset({"date_from", "date_to"}), "-date": frozenset({"date_from", "date_to"}),
    "killed": frozenset(), "-killed": frozenset(), "type": frozenset({"type"}), "country": frozenset({"country"}),
    "reports": frozenset(), "-reports": frozenset(),
}


def _walks(total: int, everything: int, *, limit: int, offset: int) -> bool:
    """Whether walking the sort order's index past non-matches beats sorting the ``total`` matches.

    A walk reads about ``(offset + limit) * everything / total`` index entries; a sort reads the ``total`` matches.
    """
    return total * total > (offset + limit) * everything


@dataclass(frozen=True)
class ListPage:
    """One page of an incident list: the matching total and the rows, as tuples of :data:`LIST_FIELDS`."""

    total: int
    rows: list[tuple[Any, ...]]


_LIST_COLUMNS = (
    incidents.c.incident_id, incidents.c.date, incidents.c.date_precision, incidents.c.type, incidents.c.country,
    incidents.c.admin1, incidents.c.location, incidents.c.lat, incidents.c.lon, incidents.c.killed,
    incidents.c.injured, incidents.c.hostages_taken,
    sa.cast(incidents.c.perpetrators, sa.Text).label("perpetrators"),
    sa.func.json_array_length(incidents.c.sources).label("source_count"), incidents.c.report_count,
    incidents.c.reported_from, incidents.c.reported_to,
    sa.cast(incidents.c.document_ids, sa.Text).label("document_ids"), incidents.c.role, _corrected().label("corrected"),
)
LIST_FIELDS = tuple(column.name for column in _LIST_COLUMNS)  # the JSON lists come as their stored text


def list_incidents(
    connection: sa.Connection, filters: IncidentQuery, *, sort: Sort, limit: int, offset: int
) -> ListPage:
    """The total count of matching incidents and one page of them, in ``sort`` order."""
    dialect = connection.dialect.name
    terms = resolve_terms(connection, filters)
    shape = _shape(filters, terms)
    values = bound(filters) | {"limit": limit, "offset": offset}
    dated = bool(filters.date_from or filters.date_to or filters.dated)

    def where(seek: frozenset[str] | None = None) -> list[sa.ColumnElement[bool]]:
        return conditions(filters, dialect=dialect, seek=seek, terms=terms)

    if dialect == "sqlite" and searches(filters) and not filters.link_testable():
        return _sorted_matches(connection, where, shape=shape, values=values, sort=sort, dated=dated)
    [(total,)] = STATEMENTS.run(connection, ("count", shape),
                                lambda: _count_statement(filters, where(), dialect=dialect, terms=terms), values)
    if offset >= total:
        return ListPage(total, [])
    walk = _walks(total, _size(connection), limit=limit, offset=offset)

    def page_ids() -> sa.ColumnElement[bool]:
        # Choose the page's ids first, then compute the per-row subqueries for those rows only: SQLite evaluates
        # result columns before it sorts, so selecting them with the sort would run them for every matching incident.
        chosen = (
            sa.select(incidents.c.incident_id)
            .where(*where(_SORT_SEEKS[sort] if walk else None))
            .order_by(*_order(sort, walk=walk, dated=dated))
            .limit(sa.bindparam("limit", type_=sa.Integer))
            .offset(sa.bindparam("offset", type_=sa.Integer))
            .subquery()
        )
        return incidents.c.incident_id.in_(sa.select(chosen))

    rows = STATEMENTS.run(connection, ("page", shape, sort, walk), lambda: _page(page_ids(), sort=sort, dated=dated),
                          values)
    return ListPage(total, rows)


def _sorted_matches(
    connection: sa.Connection, where: Callable[[], list[sa.ColumnElement[bool]]], *, shape: Hashable, values: Values,
    sort: Sort, dated: bool,
) -> ListPage:
    """A text search with filters its links cannot test (SQLite): one pass lists every match's id in order, giving the
    total and the page at once; a separate count and page would each probe the search's matches again."""

    def ordered() -> sa.Select[Any]:
        return sa.select(incidents.c.incident_id).where(*where()).order_by(*_order(sort, walk=False, dated=dated))

    ids = STATEMENTS.run(connection, ("ordered", shape, sort), ordered, values)
    chosen = [row[0] for row in ids[values["offset"]:values["offset"] + values["limit"]]]
    if not chosen:
        return ListPage(len(ids), [])

    def listed() -> sa.Select[Any]:
        given = sa.select(sa.column("value")).select_from(sa.func.json_each(sa.bindparam("chosen")))
        return _page(incidents.c.incident_id.in_(given), sort=sort, dated=dated)

    rows = STATEMENTS.run(connection, ("chosen", sort, dated), listed, {"chosen": orjson.dumps(chosen).decode()})
    return ListPage(len(ids), rows)


def _size(connection: sa.Connection) -> int:
    """About how many incidents there are (SQLite: the largest rowid, an index seek instead of a count)."""

    def size() -> sa.Select[Any]:
        if connection.dialect.name == "sqlite":
            return sa.select(sa.func.max(sa.literal_column("rowid"))).select_from(incidents)
        return sa.select(sa.func.count()).select_from(incidents)

    return STATEMENTS.run(connection, ("size",), size, {})[0][0] or 0


def _page(chosen: sa.ColumnElement[bool], *, sort: Sort, dated: bool) -> sa.Select[Any]:
    """The list columns of the ``chosen`` incidents, in ``sort`` order."""
    return sa.select(*_LIST_COLUMNS).where(chosen).order_by(*_order(sort, walk=False, dated=dated))


_ROW_COLUMNS = tuple(incidents.c[name] for name in INCIDENT_COLUMNS)


def incident_rows(connection: sa.Connection, filters: IncidentQuery) -> Iterator[IncidentRow]:
    """The stored incidents matching ``filters`` in the order of ``Store.incidents`` (dated first by date, then id),
    read in batches."""
    where = conditions(filters, dialect=connection.dialect.name, terms=resolve_terms(connection, filters))
    query = (sa.select(*_ROW_COLUMNS).where(*where)
             .order_by(incidents.c.date_from.is_(None), incidents.c.date_from, incidents.c.incident_id))
    for row in connection.execution_options(yield_per=500).execute(query, bound(filters)):
        yield IncidentRow(**row._mapping)


MAX_CHANGES = 500  # corrections shown with one incident


def incident_detail(connection: sa.Connection, incident_id: str) -> dict[str, Any] | None:
    """The merged incident (its view, with its id and the notes of its corrections), its records, documents, the
    background incidents they recall, its corrections (``changes``, newest first) and merge reasons; None when
    there is no such incident."""
    row = connection.execute(sa.select(incidents).where(incidents.c.incident_id == incident_id)).first()
    if row is None:
        return None
    found = records_of(connection, [incident_id]).get(incident_id, [])
    merged = dict(row.merged) | {"id": row.incident_id, "notes": row.notes}
    _, changes = history(connection, incident_id=incident_id, limit=MAX_CHANGES)
    return {
        "incident": merged,
        "records": found,
        "documents": documents_by_id(connection, row.document_ids),
        "background": background_incidents(connection, row.document_ids, exclude=incident_id),
        "changes": changes,
        "merge_reasons": merge_reasons(connection, incident_id),
    }


def records_of(connection: sa.Connection, incident_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The stored records (document id, record id, incident JSON) of each incident, in record id order."""
    if not incident_ids:
        return {}
    query = (
        sa.select(assignments.c.cluster_id, records.c.record_id, records.c.document_id, records.c.incident)
        .join(records, records.c.record_id == assignments.c.record_id)
        .where(assignments.c.cluster_id.in_(sorted(set(incident_ids))))
        .order_by(records.c.record_id)
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for row in connection.execute(query):
        found.setdefault(row.cluster_id, []).append(
            {"record_id": row.record_id, "document_id": row.document_id, "incident": row.incident}
        )
    return found


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


def background_incidents(
    connection: sa.Connection, document_ids: Sequence[str], *, exclude: str
) -> list[dict[str, Any]]:
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
                  documents.c.status, documents.c.error, documents.c.language)
        .order_by(documents.c.document_id)
        .limit(limit)
        .offset(offset)
    )
    items = [
        {"id": r.document_id, "title": r.title, "source": r.source, "published": r.published, "status": r.status,
         "error": r.error, "language": r.language}
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
        "language": row.language, "source_kind": row.source_kind, "forwarded_from": row.forwarded_from,
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
