from __future__ import annotations

import gc
from pathlib import Path

import pytest
import sqlalchemy as sa

from incidex.errors import StoreError
from incidex.resolve import Resolver
from incidex.store import DocumentEntry, IncidentQuery, Store
from incidex.store._engine import SQLITE_CACHE_KIB, SQLITE_MMAP_BYTES, engine_for
from incidex.types import Document

from .store_helpers import document_entry, incident_line


def test_write_stores_documents_records_evidence_and_incidents(store: Store, resolver: Resolver) -> None:
    text = incident_line("Kabul", "2024-05-10", "bombing", 4) + "\n" + incident_line("Mosul", "2023-01-02", "raid", 1)
    added = store.write([document_entry(text, "doc1")], resolver=resolver)
    assert added == 2
    assert store.count("documents") == 1 and store.count("records") == 2 and store.count("assignments") == 2
    assert store.count("evidence") == 6
    rows = list(store.incidents())
    assert [row.location for row in rows] == ["Mosul", "Kabul"]  # ordered by date
    kabul = rows[1]
    assert kabul.record_ids == ["doc1:i1"] and kabul.document_ids == ["doc1"]
    assert (kabul.type, kabul.country, kabul.killed, kabul.date) == ("bombing", "AF", 4, "2024-05-10")
    assert (kabul.admin1, kabul.merged["location"]["admin1_code"]) == ("Kabul", "AF-KAB")
    assert kabul.merged["cluster_id"] == kabul.incident_id
    assert kabul.sources[0] == "Outlet"


def test_evidence_rows_point_into_the_document_text(store: Store, resolver: Resolver) -> None:
    text = "Breaking. " + incident_line("Maiduguri", "2024-05-03", "kidnapping", 0)
    store.write([document_entry(text, "d")], resolver=resolver)
    with store.engine.connect() as connection:
        stored_text = connection.execute(sa.text("SELECT text FROM documents")).scalar_one()
        spans = connection.execute(sa.text("SELECT text, start_char, end_char FROM evidence")).all()
    assert spans and all(stored_text[start:end] == span for span, start, end in spans)


def test_reports_of_one_incident_in_later_batches_merge_into_it(store: Store, resolver: Resolver) -> None:
    line = incident_line("Rostov-on-Don", "2024-05-10", "kidnapping", 2)
    store.write([document_entry(line + " First report.", "a")], resolver=resolver)
    store.write([document_entry(line + " Second report, later.", "b", source="Other")], resolver=resolver)
    (row,) = store.incidents()
    assert row.document_ids == ["a", "b"] and row.record_ids == ["a:i1", "b:i1"]
    assert row.sources[:2] == ["Outlet", "Other"]
    assert store.count("incidents") == 1


def test_failed_entries_keep_their_error_and_add_no_records(store: Store, resolver: Resolver) -> None:
    failed = DocumentEntry("bad", "failed", "f" * 64, Document(text="x", origin="bad.txt"), error="parser crashed")
    unreadable = DocumentEntry("origin:1", "unreadable", error="not UTF-8", origin="broken.txt")
    assert store.write([failed, unreadable], resolver=resolver) == 0
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT document_id, status, error, origin FROM documents ORDER BY 1")).all()
    assert [tuple(r) for r in rows] == [
        ("bad", "failed", "parser crashed", "bad.txt"),
        ("origin:1", "unreadable", "not UTF-8", "broken.txt"),
    ]
    assert store.count("records") == 0


def test_incident_filters_select_by_type_country_and_dates(store: Store, resolver: Resolver) -> None:
    texts = {
        "k": incident_line("Kabul", "2024-05-10", "bombing", 1),
        "m": incident_line("Mosul", "2024-03-01", "bombing", 2),
        "r": incident_line("Rostov-on-Don", "2024-05-20", "kidnapping", 0),
    }
    store.write([document_entry(text, key, published="2024-05-21") for key, text in texts.items()], resolver=resolver)

    def places(**options: object) -> list[str | None]:
        return [row.location for row in store.incidents(IncidentQuery(**options))]

    assert places(types=("bombing",)) == ["Mosul", "Kabul"]
    assert places(countries=("af",)) == ["Kabul"]
    assert places(date_from="2024-05-01") == ["Kabul", "Rostov-on-Don"]
    assert places(date_to="2024-05-10") == ["Mosul", "Kabul"]
    assert places(date_from="2024-05-15", types=("bombing",)) == []


def test_writing_one_document_twice_fails_and_keeps_the_first(store: Store, resolver: Resolver) -> None:
    store.write([document_entry(incident_line("Kabul", "2024-05-10", "bombing", 1), "same")], resolver=resolver)
    before = store.dump()
    with pytest.raises(StoreError, match="cannot write"):
        store.write([document_entry(incident_line("Kabul", "2024-05-10", "bombing", 1), "same")], resolver=resolver)
    assert store.dump() == before


def test_known_documents_answers_with_content_hashes(store: Store, resolver: Resolver) -> None:
    store.write([document_entry(incident_line("Kabul", "2024-05-10", "bombing", 1), "k")], resolver=resolver)
    assert store.known_documents(["k", "missing"]) == {"k": "kkkk"}
    assert store.known_documents([]) == {}


def test_engine_for_reads_plain_paths_as_sqlite_and_postgres_urls_with_psycopg(tmp_path: Path) -> None:
    assert engine_for(str(tmp_path / "a.db")).url.get_backend_name() == "sqlite"
    assert engine_for("postgresql://u@localhost/db").url.drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="database URL"):
        engine_for("nosuchdb://x")


def test_store_in_an_unwritable_place_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(f"sqlite:///{tmp_path}/missing-dir/x.db")


def test_sqlite_file_store_uses_wal(tmp_path: Path) -> None:
    with Store(str(tmp_path / "w.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


class CollectorWatch:
    """The real resolver, noting whether Python's garbage collector was on while it merged a batch."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.enabled_during: list[bool] = []

    def window(self, record):
        return self.resolver.window(record)

    def assign(self, records, candidates, *, reach=None):
        self.enabled_during.append(gc.isenabled())
        return self.resolver.assign(records, candidates, reach=reach)

    def reconcile(self, cluster):
        return self.resolver.reconcile(cluster)


def test_a_batch_write_leaves_the_garbage_collector_as_the_caller_set_it(store: Store, resolver: Resolver) -> None:
    watch = CollectorWatch(resolver)
    line = incident_line("Kabul", "2024-05-10", "bombing", 4)
    store.write([document_entry(line, "on")], resolver=watch)
    gc.disable()
    try:
        store.write([document_entry(line + " Later.", "off")], resolver=watch)
    finally:
        gc.enable()
    assert watch.enabled_during == [True, False] and gc.isenabled()


def test_sqlite_connections_get_a_page_cache_sized_for_the_store(tmp_path: Path) -> None:
    with Store(str(tmp_path / "cache.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar_one() == -SQLITE_CACHE_KIB
        assert connection.exec_driver_sql("PRAGMA mmap_size").scalar_one() == SQLITE_MMAP_BYTES
    assert SQLITE_CACHE_KIB > 2_000  # more than SQLite's default page cache
