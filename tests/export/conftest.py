"""Fixtures: a store with a few known incidents, on a SQLite file and (when configured) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store.store_helpers import fake_extract, incident_line, store_url_for

from incidex.config import load_settings
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document

HOSTILE = '=HYPERLINK("http://x")'
DOCUMENTS = [
    Document(
        text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="d1", source="Outlet A", published="2024-05-11"
    ),
    Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4) + " Later.", id="d2", source="Outlet B"),
    Document(text=incident_line("Mosul", "2024-03-02", "armed_assault", 2), id="d3", source=HOSTILE),
    Document(text=incident_line("Atlantis", "2024-06-01", "kidnapping", 0), id="d4", source="Outlet C"),
]


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], ids=["sqlite-file", "postgres"]
)
def filled_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with store_url_for(request.param, tmp_path) as url, Store(url) as store:
        ingest(DOCUMENTS, store=store, extract=fake_extract, resolver=Resolver(load_settings()), batch_size=10)
        yield store
