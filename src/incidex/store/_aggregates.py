"""Aggregates of the incidents that match the list filters: counts per week and country, an adaptive timeline, map
cells, and the actors and first-level regions they name (SQLAlchemy Core, bound parameters only).

Every query takes its WHERE terms from :func:`._queries.conditions`, so each aggregate counts exactly the incidents the
list shows for the same filters.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from ._queries import bound, conditions
from ._search import resolve_terms
from .query import IncidentQuery, TimeUnit
from .tables import incidents

# The finest unit whose bins over a range of this many days stay few enough to read (at most ~100-150 bars).
UNIT_LIMITS: tuple[tuple[TimeUnit, int], ...] = (("day", 92), ("week", 731), ("month", 366 * 12))
_PREFIX: dict[TimeUnit, int] = {"day": 10, "week": 10, "month": 7, "year": 4}  # characters of an ISO date per bin


def _where(connection: sa.Connection, filters: IncidentQuery) -> list[sa.ColumnElement[bool]]:
    return conditions(filters, dialect=connection.dialect.name, terms=resolve_terms(connection, filters))


def weekly(connection: sa.Connection, filters: IncidentQuery) -> list[dict[str, Any]]:
    """Counts and deaths per week (Monday) and type; undated incidents are left out."""
    query = (
        sa.select(incidents.c.date_from, incidents.c.type, sa.func.count(), sa.func.sum(incidents.c.killed))
        .where(*_where(connection, filters), incidents.c.date_from.is_not(None))
        .group_by(incidents.c.date_from, incidents.c.type)
    )
    weeks: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for day, kind, count, killed in connection.execute(query, bound(filters)):
        totals = weeks[(_monday(date.fromisoformat(day)).isoformat(), kind)]
        totals[0] += count
        totals[1] += killed or 0
    return [{"week": week, "type": kind, "count": c, "killed": k} for (week, kind), (c, k) in sorted(weeks.items())]


def countries(connection: sa.Connection, filters: IncidentQuery) -> list[dict[str, Any]]:
    """Counts and deaths per country, most incidents first; None is the incidents without a country."""
    query = (
        sa.select(incidents.c.country, sa.func.count().label("n"), sa.func.sum(incidents.c.killed))
        .where(*_where(connection, filters))
        .group_by(incidents.c.country)
        .order_by(sa.desc("n"), incidents.c.country)
    )
    found = connection.execute(query, bound(filters))
    return [{"country": country, "count": n, "killed": killed or 0} for country, n, killed in found]


def timeline(connection: sa.Connection, filters: IncidentQuery, *, unit: TimeUnit | None) -> dict[str, Any]:
    """Incidents per day, week, month or year over the filtered range, by type.

    The range is the event-date filter's, or else that of the matching incidents. ``unit`` None picks the finest
    unit that keeps the bins few (:data:`UNIT_LIMITS`). An incident whose date is known only to a span longer than
    a bin (a month or a year on a finer scale) is not put into the bin of its first day: it is counted in ``spans``
    with its first and last day, clipped to the range.
    """
    where = _where(connection, filters)
    values = bound(filters)
    totals = sa.select(sa.func.count(), sa.func.count(incidents.c.date_from), sa.func.min(incidents.c.date_from),
                       sa.func.max(incidents.c.date_to)).where(*where)
    total, dated, first, last = connection.execute(totals, values).one()
    out: dict[str, Any] = {"unit": unit, "start": None, "end": None, "dated": dated, "undated": total - dated,
                           "bins": [], "spans": []}
    if not dated:
        return out
    start = date.fromisoformat(filters.date_from or first)
    end = date.fromisoformat(filters.date_to or last)
    unit = unit or _unit_for((end - start).days + 1)
    length = _PREFIX[unit]
    query = (
        sa.select(sa.func.substr(incidents.c.date_from, 1, length), sa.func.substr(incidents.c.date_to, 1, length),
                  incidents.c.type, sa.func.count(), sa.func.sum(incidents.c.killed))
        .where(*where, incidents.c.date_from.is_not(None))
        .group_by(sa.text("1"), sa.text("2"), incidents.c.type)
    )
    bins = {key: _tally(first_day, last_day) for key, first_day, last_day in _bins(start, end, unit)}
    spans: dict[tuple[date, date], dict[str, Any]] = {}
    for begins, ends, kind, count, killed in connection.execute(query, values):
        first_day, last_day = _first_day(begins), _last_day(ends)
        key = _bin_key(first_day, unit)
        if key == _bin_key(last_day, unit) and key in bins:
            _add(bins[key], kind, count, killed)
        else:
            span = (max(first_day, start), min(last_day, end))
            _add(spans.setdefault(span, _tally(*span)), kind, count, killed)
    out |= {"unit": unit, "start": start.isoformat(), "end": end.isoformat(), "bins": list(bins.values()),
            "spans": sorted(spans.values(), key=lambda s: (s["start"], s["end"]))}
    return out


def _unit_for(days: int) -> TimeUnit:
    return next((unit for unit, most in UNIT_LIMITS if days <= most), "year")


def _tally(first_day: date, last_day: date) -> dict[str, Any]:
    return {"start": first_day.isoformat(), "end": last_day.isoformat(), "count": 0, "killed": None, "types": {}}


def _add(tally: dict[str, Any], kind: str, count: int, killed: int | None) -> None:
    tally["count"] += count
    tally["types"][kind] = tally["types"].get(kind, 0) + count
    if killed is not None:
        tally["killed"] = (tally["killed"] or 0) + killed


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _first_day(prefix: str) -> date:
    """The first day of an ISO date cut to a day, month or year."""
    return date.fromisoformat((prefix + "-01-01")[:10])


def _last_day(prefix: str) -> date:
    """The last day of an ISO date cut to a day, month or year."""
    if len(prefix) == 4:
        return date(int(prefix), 12, 31)
    if len(prefix) == 7:
        year, month = int(prefix[:4]), int(prefix[5:])
        return date(year, month, calendar.monthrange(year, month)[1])
    return date.fromisoformat(prefix)


def _bin_key(day: date, unit: TimeUnit) -> date:
    """The first day of the bin holding ``day``."""
    if unit == "week":
        return _monday(day)
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _bins(start: date, end: date, unit: TimeUnit) -> list[tuple[date, date, date]]:
    """(key, first day, last day) of every bin from the one holding ``start`` to the one holding ``end``."""
    found = []
    key = _bin_key(start, unit)
    while key <= end:
        if unit == "day":
            following = key + timedelta(days=1)
        elif unit == "week":
            following = key + timedelta(days=7)
        elif unit == "month":
            following = (key + timedelta(days=32)).replace(day=1)
        else:
            following = key.replace(year=key.year + 1)
        found.append((key, key, following - timedelta(days=1)))
        key = following
    return found


def map_cells(connection: sa.Connection, filters: IncidentQuery, *, cell: float) -> dict[str, Any]:
    """The located incidents matching ``filters`` grouped into square cells of ``cell`` degrees (west to east from
    -180, north to south from 90), with each cell's count, deaths, mean and extreme coordinates; for a cell of one
    incident its id, and the type and place its incidents share (None when they differ). ``unlocated`` counts the
    matching incidents without coordinates, whatever ``filters.bbox``."""
    dialect = connection.dialect.name
    column = incidents.c
    x, y = _cell_index(column.lon + 180, cell, dialect), _cell_index(90 - column.lat, cell, dialect)

    def same(values: sa.ColumnElement[Any]) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any]]:
        return sa.func.min(values), sa.func.max(values)

    background = sa.func.sum(sa.case((column.role == sa.literal_column("'background'"), 1), else_=0))
    query = (
        sa.select(x, y, sa.func.count(), sa.func.sum(column.killed), sa.func.avg(column.lat), sa.func.avg(column.lon),
                  *same(column.lat), *same(column.lon), sa.func.min(column.incident_id), *same(column.type),
                  *same(column.location), background)
        .where(*_where(connection, filters), column.lat.is_not(None), column.lon.is_not(None))
        .group_by(x, y)
    )
    cells = []
    for (_x, _y, count, killed, lat, lon, south, north, west, east, first_id, type_a, type_b, place_a, place_b,
         in_background) in connection.execute(query, bound(filters)):
        cells.append({
            "count": count, "killed": killed, "lat": lat, "lon": lon, "south": south, "north": north, "west": west,
            "east": east, "id": first_id if count == 1 else None, "type": type_a if type_a == type_b else None,
            "location": place_a if place_a == place_b else None, "background": in_background,
        })
    everywhere = dataclasses.replace(filters, bbox=None)
    unlocated = sa.select(sa.func.count()).where(*_where(connection, everywhere), column.lat.is_(None))
    return {"cell": cell, "cells": cells,
            "unlocated": connection.execute(unlocated, bound(everywhere)).scalar_one()}


def _cell_index(degrees: sa.ColumnElement[float], cell: float, dialect: str) -> sa.ColumnElement[int]:
    """The whole number of cells in ``degrees`` (never negative): SQLite's CAST truncates, PostgreSQL's rounds."""
    ratio = degrees / sa.bindparam("cell", cell, type_=sa.Float)
    return sa.cast(ratio if dialect == "sqlite" else sa.func.floor(ratio), sa.Integer)


def actors(connection: sa.Connection, filters: IncidentQuery, *, limit: int) -> list[dict[str, Any]]:
    """The perpetrators named by the incidents matching ``filters`` other than its actors, most incidents first."""
    others = dataclasses.replace(filters, actors=())
    if connection.dialect.name == "sqlite":
        listed = sa.func.json_each(incidents.c.perpetrators).table_valued("value").alias("named")
        name = sa.cast(listed.c.value, sa.Text)
    else:
        listed = sa.func.json_array_elements_text(incidents.c.perpetrators).table_valued("value").alias("named")
        name = listed.c.value
    query = (
        sa.select(name.label("name"), sa.func.count().label("n"))
        .select_from(incidents.join(listed, sa.true()))
        .where(*_where(connection, others))
        .group_by(name)
        .order_by(sa.desc("n"), name)
        .limit(limit)
    )
    return [{"name": found, "count": n} for found, n in connection.execute(query, bound(others))]


def regions(connection: sa.Connection, filters: IncidentQuery, *, limit: int) -> list[dict[str, Any]]:
    """The first-level regions (admin1) of the incidents matching ``filters`` other than its admin1, with their
    country, most incidents first."""
    others = dataclasses.replace(filters, admin1=None)
    query = (
        sa.select(incidents.c.country, incidents.c.admin1, sa.func.count().label("n"))
        .where(*_where(connection, others), incidents.c.admin1.is_not(None))
        .group_by(incidents.c.country, incidents.c.admin1)
        .order_by(sa.desc("n"), incidents.c.admin1)
        .limit(limit)
    )
    return [{"country": country, "admin1": admin1, "count": n}
            for country, admin1, n in connection.execute(query, bound(others))]

