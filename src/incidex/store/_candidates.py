"""Which stored incidents a new record is compared with (the resolver's blocking window as queries), and reading
stored clusters back as the resolver sees them."""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import date, timedelta

import sqlalchemy as sa

from ..resolve.model import CandidateWindow, Cluster, RecordRef
from .prepared import Prepared, Values
from .rows import stored_ref
from .tables import assignments, contains_pattern, documents, incidents, records

UNBOUNDED_LIMIT = 60
WIDE_DAYS = 31
FOLLOW_UP_LIMIT = 20


def window_ids(connection: sa.Connection, window: CandidateWindow) -> list[str]:
    """Ids of stored incidents whose date windows reach into the resolver's blocking window (None bounds are open).

    A window open on a side selects at most the UNBOUNDED_LIMIT incidents nearest its closed bound (the most recent
    when it has none) rather than all of a country's or the whole table's history, and a window wider than
    WIDE_DAYS (a month or a year: "last year") the UNBOUNDED_LIMIT most recent. A narrow window takes every
    incident that starts at most WIDE_DAYS before it, but of those that start earlier (incidents dated by a year or
    a season, whose windows reach into many later days) only the UNBOUNDED_LIMIT / 4 that start latest. So an
    undated report or a recalled earlier incident can still join an incident of an earlier batch, and the cost
    stays flat as the store grows. A follow-up window adds the incidents naming one of its actors (see
    :func:`_follow_up_ids`).
    """
    return _date_window_ids(connection, window) + _follow_up_ids(connection, window)


def _follow_up_ids(connection: sa.Connection, window: CandidateWindow) -> list[str]:
    """Ids of at most FOLLOW_UP_LIMIT stored incidents (the latest first) that name one of the window's actors and
    whose dates reach back to its ``follow_up_from``, in its country or without one."""
    if not (window.follow_up_from and window.actors):
        return []
    named = sa.cast(incidents.c.perpetrators, sa.Text)
    query = sa.select(incidents.c.incident_id).where(
        incidents.c.window_to >= window.follow_up_from,
        sa.or_(*(named.ilike(contains_pattern(actor), escape="\\") for actor in window.actors)),
    )
    if window.date_to:
        query = query.where(incidents.c.window_from <= window.date_to)
    if window.country_code:
        query = query.where(sa.or_(incidents.c.country == window.country_code, incidents.c.country.is_(None)))
    query = query.order_by(incidents.c.window_to.desc(), incidents.c.incident_id).limit(FOLLOW_UP_LIMIT)
    return list(connection.execute(query).scalars())


def _date_window_ids(connection: sa.Connection, window: CandidateWindow) -> list[str]:
    """The incidents of the window's dates and country (see :func:`_window_ids`)."""
    values: dict[str, object] = {"date_from": window.date_from, "date_to": window.date_to,
                                 "country": window.country_code, "limit": UNBOUNDED_LIMIT, "offset": 0}
    shape = (bool(window.date_from), bool(window.date_to), bool(window.country_code))
    if window.date_from and window.date_to:
        start = date.fromisoformat(window.date_from)
        if date.fromisoformat(window.date_to) - start > timedelta(days=WIDE_DAYS):
            return _window_run(connection, "latest", shape, values)
        values |= {"wide_start": (start - timedelta(days=WIDE_DAYS)).isoformat(), "limit": UNBOUNDED_LIMIT // 4}
        return _window_run(connection, "narrow", shape, values) + _window_run(connection, "wide", shape, values)
    nearest = "after" if window.date_from else "before" if window.date_to else "latest"
    return _window_run(connection, nearest, shape, values)


WINDOW_STATEMENTS = Prepared()


def _window_run(connection: sa.Connection, kind: str, shape: tuple[bool, bool, bool], values: Values) -> list[str]:
    """The incident ids of the candidate query of ``kind`` and ``shape`` (see :func:`_window_query`)."""
    rows = WINDOW_STATEMENTS.run(connection, (kind, *shape), lambda: _window_query(kind, *shape), values)
    return [incident_id for (incident_id,) in rows]


def _window_query(kind: str, bounded_from: bool, bounded_to: bool, in_country: bool) -> sa.Select:
    """The candidate query of one kind and shape of window (values are bound at each execution): ``narrow`` and
    ``wide`` split a narrow window's incidents by whether they start within WIDE_DAYS of it; ``latest``, ``after``
    and ``before`` take the ``limit`` nearest to the window's bounds."""
    column = incidents.c
    query = sa.select(column.incident_id)
    if bounded_from:
        query = query.where(column.window_to >= sa.bindparam("date_from"))
    if bounded_to:
        query = query.where(column.window_from <= sa.bindparam("date_to"))
    if in_country:
        query = query.where(sa.or_(column.country == sa.bindparam("country"), column.country.is_(None)))
    if kind == "narrow":
        return query.where(column.window_from >= sa.bindparam("wide_start"))
    if kind == "wide":
        query = query.where(column.window_from < sa.bindparam("wide_start"))
        nearest = column.window_from.desc()
    else:
        nearest = {"latest": column.window_to.desc(), "after": column.window_to.asc(),
                   "before": column.window_from.desc()}[kind]
    return (query.order_by(nearest, column.incident_id).limit(sa.bindparam("limit", type_=sa.Integer))
            .offset(sa.bindparam("offset", type_=sa.Integer)))  # SQLite renders an OFFSET with a bound LIMIT


def load_clusters(
    connection: sa.Connection,
    cluster_ids: set[str],
    *,
    cache: MutableMapping[str, RecordRef] | None = None,
    seen: MutableMapping[str, RecordRef] | None = None,
) -> dict[str, Cluster]:
    """The stored clusters with these ids, each with its records in record id order.

    Records found in ``cache`` are not read again; those read are put into ``seen`` (default: ``cache``).
    """
    if not cluster_ids:
        return {}
    cache = {} if cache is None else cache
    seen = cache if seen is None else seen
    members = connection.execute(
        sa.select(assignments.c.cluster_id, assignments.c.record_id)
        .where(assignments.c.cluster_id.in_(sorted(cluster_ids)))
        .order_by(assignments.c.cluster_id, assignments.c.record_id)
    ).all()
    missing = sorted({record for _, record in members if record not in cache and record not in seen})
    if missing:
        query = (
            sa.select(records, documents.c.published, documents.c.source)
            .join(documents, documents.c.document_id == records.c.document_id)
            .where(records.c.record_id.in_(missing))
        )
        for row in connection.execute(query).mappings():
            seen[row["record_id"]] = stored_ref(row, published=row["published"], source=row["source"])
    clusters: dict[str, Cluster] = {}
    for cluster_id, record in members:
        cluster = clusters.setdefault(cluster_id, Cluster(cluster_id=cluster_id))
        cluster.records.append(seen[record] if record in seen else cache[record])
    return clusters


