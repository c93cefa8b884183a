from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from incidex.store import Store
from incidex.store.migrate import current_revision, head_revision, upgrade
from incidex.store.tables import SEARCH_TABLE, metadata


@pytest.mark.filterwarnings("ignore:.*expression-based index")  # SQLite cannot reflect them; Postgres compares them
def _made_by_sql(diff: tuple) -> bool:
    """SQLite's search tables (migration 0005) are created by SQL, not declared in tables.py."""
    table = diff[1] if diff[0] == "remove_table" else getattr(diff[1], "table", None)
    return diff[0] in ("remove_table", "remove_index") and table is not None and table.name.startswith(SEARCH_TABLE)


def test_migrations_create_exactly_the_declared_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = [d for d in compare_metadata(MigrationContext.configure(connection), metadata)
                       if not _made_by_sql(d)]
    assert differences == []


def test_open_records_the_newest_migration_and_reopening_changes_nothing(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    before = store.dump()
    upgrade(store.engine)
    with Store(store.url) as again:
        assert again.dump() == before


def test_correction_tables_are_ready_for_the_api(store: Store) -> None:
    assert {"overrides", "merge_operations"} <= set(metadata.tables)
    assert store.count("overrides") == 0 and store.count("merge_operations") == 0
