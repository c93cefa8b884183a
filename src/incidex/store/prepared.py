"""Statements compiled once per shape: hot read queries skip SQLAlchemy's per-call build, cache key and compile.

A shape is everything a statement's SQL text depends on (which filters are given, the sort order, the plan); the
values travel separately as named bound parameters. ``run`` builds and compiles a shape the first time it is asked
for on a dialect, then sends the stored SQL text with new values straight to the driver.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..lru import LRU

Values = Mapping[str, Any]


@dataclass(frozen=True)
class Compiled:
    """The SQL text of one statement shape for one dialect, and the order of its positional parameters."""

    sql: str
    positions: tuple[str, ...] | None  # None: the driver takes named parameters

    def parameters(self, values: Values) -> tuple[Any, ...] | Values:
        return values if self.positions is None else tuple(values[name] for name in self.positions)


class Prepared:
    """The compiled SQL of up to ``size`` statement shapes, least recently used ones dropped first."""

    def __init__(self, *, size: int = 1024) -> None:
        self._compiled: LRU[tuple[str, Hashable], Compiled] = LRU(size)
        self._lock = threading.Lock()  # sync endpoints read through threads

    def compiled(self, dialect: sa.Dialect, shape: Hashable, build: Callable[[], sa.Executable]) -> Compiled:
        """The compiled form of ``shape`` on ``dialect``; ``build`` makes the statement when it is not stored yet."""
        key = (dialect.name, shape)
        with self._lock:
            found = self._compiled.get(key)
            if found is not None:
                return found
        statement = build().compile(dialect=dialect)
        positions = tuple(statement.positiontup or ()) if statement.positional else None
        found = Compiled(statement.string, positions)
        with self._lock:
            self._compiled.put(key, found)
        return found

    def run(
        self, connection: sa.Connection, shape: Hashable, build: Callable[[], sa.Executable], values: Values
    ) -> list[tuple[Any, ...]]:
        """The rows of the statement of ``shape`` with ``values`` bound to its named parameters, as plain tuples."""
        compiled = self.compiled(connection.dialect, shape, build)
        cursor = connection.connection.cursor()
        try:
            cursor.execute(compiled.sql, compiled.parameters(values))
            return cursor.fetchall()
        finally:
            cursor.close()
