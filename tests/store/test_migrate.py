from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from incidex.config import load_settings
from incidex.resolve import Resolver
from incidex.store import DocumentEntry, Store, _rebuild
from incidex.store.migrate import current_revision, head_revision, upgrade
from incidex.store.tables import SEARCH_TABLE, incidents, metadata
from incidex.types import Evidence, Mention

from .store_helpers import document_entry, incident_line, migrate_store

DOCUMENT_COLUMNS = ("language", "source_kind", "forwarded_from")  # added to documents by migration 0010


def _made_by_sql(diff: tuple) -> bool:
    """SQLite's search tables (migration 0005) are created by SQL, not declared in tables.py."""
    table = diff[1] if diff[0] == "remove_table" else getattr(diff[1], "table", None)
    return diff[0] in ("remove_table", "remove_index") and table is not None and table.name.startswith(SEARCH_TABLE)


@pytest.mark.filterwarnings("ignore:.*expression-based index")  # SQLite cannot reflect them; Postgres compares them
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


LINK_MISMATCHES = (  # search links whose copied columns differ from their incident's
    "SELECT count(*) FROM incidents_search_links AS link JOIN incidents ON incidents.rowid = link.incident "
    "WHERE link.type IS NOT incidents.type OR link.country IS NOT incidents.country "
    "OR link.date_from IS NOT incidents.date_from OR link.date_to IS NOT incidents.date_to"
)


def _links(store: Store) -> tuple[int, int]:
    with store.engine.connect() as connection:
        total = connection.exec_driver_sql("SELECT count(*) FROM incidents_search_links").scalar_one()
        return total, connection.exec_driver_sql(LINK_MISMATCHES).scalar_one()


def _write_as_before_0012(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store write incident rows without the columns migration 0012 adds, as a store below it has."""
    full_row = _rebuild.incident_row
    monkeypatch.setattr(_rebuild, "incident_row",
                        lambda *args: {k: v for k, v in full_row(*args).items() if k not in FACET_COLUMNS})


def test_search_links_carry_their_incidents_columns_across_migration_0008(tmp_path, monkeypatch) -> None:
    """Links written by 0007's link trigger and by 0008's incident triggers are the same rows, both ways."""
    resolver = Resolver(load_settings())
    url = f"sqlite:///{tmp_path / 'links.db'}"
    with Store(url) as store:
        store.write([_entry("Kabul", "2024-05-10", "bombing", "a")], resolver=resolver)
        migrate_store(url, "downgrade", "0007_search_link_filters")
        with _later_document_columns(store), monkeypatch.context() as patched:  # this version's writer fills them
            _write_as_before_0012(patched)
            store.write([_entry("Mosul", "2023-01-02", "raid", "b")], resolver=resolver)
        under_0007 = _links(store)
        migrate_store(url, "upgrade", "head")
        later = [_entry("Kabul", "2024-05-10", "bombing", "c"), _entry("Maiduguri", "2024-05-03", "kidnapping", "d")]
        store.write(later, resolver=resolver)
        under_0008 = _links(store)
    assert under_0007[0] > 0 and under_0007[1] == 0
    assert under_0008[0] > under_0007[0] and under_0008[1] == 0



@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migration_0009_adds_and_removes_the_index_of_spanning_dates(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'spans.db'}"

    def indexes() -> set[str]:
        engine = sa.create_engine(url)
        try:
            return {index["name"] for index in sa.inspect(engine).get_indexes("incidents")}
        finally:
            engine.dispose()

    Store(url).close()
    assert "ix_incidents_spanning" in indexes()
    migrate_store(url, "downgrade", "0008_search_links_at_insert")
    assert "ix_incidents_spanning" not in indexes()
    Store(url).close()  # opening the store upgrades it again
    assert "ix_incidents_spanning" in indexes()


def test_migration_0011_keeps_document_warnings_and_its_downgrade_drops_only_them(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'warned.db'}"
    warning = "published 'notadate' is not a date; kept as unknown"
    entry = _entry("Kabul", "2024-05-10", "bombing", "w")
    assert entry.report is not None
    entry.report.document.warnings.append(warning)
    with Store(url) as store:
        store.write([entry], resolver=Resolver(load_settings()))

    def columns() -> tuple[set[str], int]:
        engine = sa.create_engine(url)
        try:
            with engine.connect() as connection:
                count = connection.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
            return {column["name"] for column in sa.inspect(engine).get_columns("documents")}, count
        finally:
            engine.dispose()

    assert _stored_warnings(url) == [[warning]]
    migrate_store(url, "downgrade", "0010_source_state")
    names, count = columns()
    assert "warnings" not in names and set(DOCUMENT_COLUMNS) <= names and count == 1
    Store(url).close()  # opening the store upgrades it again; documents stored before have no warnings recorded
    assert "warnings" in columns()[0] and _stored_warnings(url) == [None]


def _stored_warnings(url: str) -> list:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [json.loads(value) if value else None
                    for value in connection.exec_driver_sql("SELECT warnings FROM documents").scalars()]
    finally:
        engine.dispose()


@contextmanager
def _later_document_columns(store: Store) -> Iterator[None]:
    """The document columns of migration 0010 added to an older schema for the while, then dropped again."""
    store.engine.dispose()  # a pooled connection may still hold the schema from before the downgrade
    with store.engine.begin() as connection:
        for name in DOCUMENT_COLUMNS:
            connection.exec_driver_sql(f"ALTER TABLE documents ADD COLUMN {name} TEXT")
    yield
    with store.engine.begin() as connection:
        for name in DOCUMENT_COLUMNS:
            connection.exec_driver_sql(f"ALTER TABLE documents DROP COLUMN {name}")


FACET_COLUMNS = ("role", "report_count", "reported_from", "reported_to")


def _facets(store: Store) -> dict[str, tuple]:
    with store.engine.connect() as connection:
        query = sa.select(incidents.c.incident_id, *(incidents.c[name] for name in FACET_COLUMNS))
        return {row[0]: tuple(row[1:]) for row in connection.execute(query)}


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migration_0012_fills_role_reports_and_publication_days_as_the_writer_does(tmp_path, monkeypatch) -> None:
    """Incidents stored below 0012 get the values that writing them at 0012 gives; downgrading drops the columns."""
    resolver = Resolver(load_settings())
    kabul = incident_line("Kabul", "2024-05-10", "bombing", 2)
    entries = [document_entry(kabul, "a", published="2024-05-10"), document_entry(kabul, "b", published="2024-05-12"),
               document_entry(incident_line("Mosul", "2023-01-02", "raid", 2), "c", published=None),
               _entry("Maiduguri", "2024-05-03", "kidnapping", "d")]
    written = f"sqlite:///{tmp_path / 'written.db'}"
    with Store(written) as store:
        store.write(entries, resolver=resolver)
        expected = _facets(store)
    assert sorted(expected.values(), key=str) == [("main", 1, "2024-05-03", "2024-05-03"),
                                                  ("main", 1, None, None), ("main", 2, "2024-05-10", "2024-05-12")]
    migrated = f"sqlite:///{tmp_path / 'migrated.db'}"
    with Store(migrated) as store, monkeypatch.context() as patched:
        migrate_store(migrated, "downgrade", "0011_document_warnings")
        store.engine.dispose()  # a pooled connection may still hold the schema from before the downgrade
        _write_as_before_0012(patched)
        store.write(entries, resolver=resolver)
    engine = sa.create_engine(migrated)
    assert not set(FACET_COLUMNS) & {c["name"] for c in sa.inspect(engine).get_columns("incidents")}
    engine.dispose()
    with Store(migrated) as store:  # opening it upgrades it
        assert _facets(store) == expected


def test_background_only_incidents_are_stored_as_background(tmp_path) -> None:
    entry = _entry("Kabul", "2024-05-10", "bombing", "a")
    for incident in entry.report.incidents:
        incident.role = "background"
    with Store(f"sqlite:///{tmp_path / 'background.db'}") as store:
        store.write([entry], resolver=Resolver(load_settings()))
        assert [facets[0] for facets in _facets(store).values()] == ["background"]


def _entry(city: str, day: str, kind: str, key: str) -> DocumentEntry:
    return document_entry(incident_line(city, day, kind, 2), key, published=day)


def _views(store: Store) -> dict[str, dict]:
    with store.engine.connect() as connection:
        return dict(connection.execute(sa.select(incidents.c.incident_id, incidents.c.merged)).all())


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migration_0013_puts_role_targets_and_responders_into_the_merged_view_as_the_writer_does(
    store_url: str, resolver: Resolver
) -> None:
    kabul, again = (_entry("Kabul", "2024-05-10", "bombing", key) for key in ("a", "b"))
    kabul.report.incidents[0].targets = [Mention("the Interior Ministry"), Mention("a checkpoint")]
    again.report.incidents[0].targets = [Mention("the interior ministry"), Mention("a bus")]
    again.report.incidents[0].responders = [Mention("firefighters")]
    with Store(store_url) as store:
        store.write([kabul, again], resolver=resolver)
        store.write([_entry("Mosul", "2023-01-02", "raid", "m")], resolver=resolver)
        written = _views(store)
        migrate_store(store_url, "downgrade", "0012_incident_list_facets")
        store.engine.dispose()
        stripped = _views(store)
    assert all(not {"role", "targets", "responders"} & view.keys() for view in stripped.values())
    assert sorted((v["role"], [t["text"] for t in v["targets"]], [r["document_id"] for r in v["responders"]])
                  for v in written.values()) == [
        ("main", [], []), ("main", ["the Interior Ministry", "a checkpoint", "a bus"], ["b"])]
    with Store(store_url) as store:  # opening it upgrades it
        assert _views(store) == written


def _evidence_spans(url: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.exec_driver_sql(
                "SELECT field, text, start_char, end_char FROM evidence")]
    finally:
        engine.dispose()


def test_migration_0014_stores_evidence_from_the_metadata_and_its_downgrade_drops_only_that(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'outlet.db'}"
    entry = _entry("Kabul", "2024-05-10", "bombing", "o")
    assert entry.report is not None
    [incident] = entry.report.incidents
    incident.evidence.append(Evidence("location.country_code", "Pajhwok Afghan News", None, None, "incidex_places_v1"))
    with Store(url) as store:
        store.write([entry], resolver=Resolver(load_settings()))
    assert ("location.country_code", "Pajhwok Afghan News", None, None) in _evidence_spans(url)
    migrate_store(url, "downgrade", "0013_merged_view_mentions")
    kept = _evidence_spans(url)
    assert kept and all(start is not None for _, _, start, _ in kept)  # the text's spans stay
    Store(url).close()  # opening the store upgrades it again
    assert current_revision(sa.create_engine(url)) == head_revision()
