"""Migration 0004_correction_undo on a store that already logged merges: links backfilled, old operations explained."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from incidex.errors import InputError
from incidex.resolve import Resolver
from incidex.store import Operation, Store
from incidex.store._engine import engine_for
from incidex.store.tables import operation_incidents

from .store_helpers import migrate_store

BEFORE_UNDO = "0003_api_list_indexes"


def _columns(url: str, table: str) -> set[str]:
    engine = engine_for(url)
    try:
        return {column["name"] for column in sa.inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def test_upgrade_links_logged_operations_and_explains_why_they_cannot_be_undone(
    store_url: str, resolver: Resolver
) -> None:
    migrate_store(store_url, "upgrade", BEFORE_UNDO)
    engine = engine_for(store_url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("INSERT INTO merge_operations (kind, incident_ids, result_ids, record_ids, author, created_at, "
                    "undone) VALUES ('merge', :ids, :result, :records, 'old analyst', :at, :undone)"),
            {"ids": '["a", "b"]', "result": '["a"]', "records": '["b:i1"]', "at": "2024-01-01 00:00:00",
             "undone": False},
        )
    engine.dispose()

    with Store(store_url) as store:
        with store.engine.connect() as connection:
            links = connection.execute(sa.select(operation_incidents.c.incident_id)).scalars().all()
        assert sorted(links) == ["a", "b"]
        (operation,) = store.corrections(incident_id="b")[1]
        assert isinstance(operation, Operation)
        assert (operation.kind, operation.who, operation.undone) == ("merge", "old analyst", False)
        with pytest.raises(InputError, match="logged before incidex could undo"):
            store.undo_operation(operation.id, resolver=resolver)


def test_downgrade_removes_the_undo_columns_and_links(store_url: str) -> None:
    Store(store_url).close()
    assert {"undone_by", "undone_at", "undo_reason", "before"} <= _columns(store_url, "merge_operations")
    migrate_store(store_url, "downgrade", BEFORE_UNDO)
    assert not {"undone_by", "undone_at", "undo_reason", "before"} & _columns(store_url, "merge_operations")
    assert not {"undone_by", "undone_at", "undo_reason"} & _columns(store_url, "overrides")
    engine = engine_for(store_url)
    try:
        assert "operation_incidents" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()
