"""The store's public surface: what ``incidex.store`` exports is exactly the door and the types it takes and gives."""

from __future__ import annotations

import incidex.store


def test_store_exports_exactly_its_public_names() -> None:
    assert sorted(incidex.store.__all__) == [
        "Correction", "DocumentEntry", "Explanation", "IncidentQuery", "IncidentRole", "IncidentRow", "ListPage",
        "Operation", "RecordDecision", "SQLITE_SERVE_MMAP_BYTES", "Sort", "Store", "TimeUnit", "is_writable",
    ]
    assert all(hasattr(incidex.store, name) for name in incidex.store.__all__)
