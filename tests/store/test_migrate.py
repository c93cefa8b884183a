from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from incidex.store import Store
from incidex.store.migrate import current_revision, head_revision, upgrade
from incidex.store.tables import metadata


@pytest.mark.filterwarnings("ignore:.*expression-based index")  # SQLite cannot reflect them; Postgres compares them
def test_migrations_create_exactly_the_declared_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
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
