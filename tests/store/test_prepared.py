"""Statements compiled once per shape and run with named values (real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from incidex.store.prepared import Prepared

numbers = sa.table("numbers", sa.column("n"), sa.column("name"))


@pytest.fixture
def connection() -> Iterator[sa.Connection]:
    engine = sa.create_engine("sqlite://")
    with engine.connect() as opened:
        opened.exec_driver_sql("CREATE TABLE numbers (n INTEGER, name TEXT)")
        opened.exec_driver_sql("INSERT INTO numbers VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four')")
        yield opened
    engine.dispose()


def _between() -> sa.Select:
    low, high = sa.bindparam("low"), sa.bindparam("high")
    return sa.select(numbers.c.name).where(numbers.c.n >= low, numbers.c.n <= high, numbers.c.n != high).order_by(
        numbers.c.n)


def test_a_shape_is_built_once_and_takes_new_values_each_run(connection: sa.Connection) -> None:
    built = []

    def build() -> sa.Select:
        built.append(1)
        return _between()

    prepared = Prepared()
    assert prepared.run(connection, "between", build, {"low": 1, "high": 3}) == [("one",), ("two",)]
    assert prepared.run(connection, "between", build, {"high": 4, "low": 2}) == [("two",), ("three",)]
    assert len(built) == 1


def test_positional_drivers_get_values_in_placeholder_order_even_when_a_name_repeats(
    connection: sa.Connection,
) -> None:
    compiled = Prepared().compiled(connection.dialect, "between", _between)
    assert compiled.sql.count("?") == 3
    assert compiled.parameters({"low": 1, "high": 3}) == (1, 3, 3)


def test_missing_values_fail_loudly_instead_of_reusing_old_ones(connection: sa.Connection) -> None:
    prepared = Prepared()
    prepared.run(connection, "between", _between, {"low": 1, "high": 3})
    with pytest.raises(KeyError, match="high"):
        prepared.run(connection, "between", _between, {"low": 1})


def test_the_least_recently_used_shape_is_dropped_beyond_the_size(connection: sa.Connection) -> None:
    prepared = Prepared(size=2)
    built: list[str] = []

    def build(name: str):
        def make() -> sa.Select:
            built.append(name)
            return _between()
        return make

    for name in ("a", "b", "a", "c", "a", "b"):
        prepared.run(connection, name, build(name), {"low": 1, "high": 2})
    assert built == ["a", "b", "c", "b"]  # "b" went when "c" came; "a" stayed in use
