"""Fixtures: the API over a store seeded through the real ingest path, on a SQLite file and (when set) PostgreSQL.

Fast tests seed with the store tests' deterministic stand-in extractor; tests marked slow use the real pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from store.store_helpers import CITIES, fake_extract, incident_line, store_url_for

from incidex.api.app import create_app
from incidex.config import load_settings
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document

XSS = '<script>alert(1)</script> " onmouseover="x'
DOCUMENTS = [
    Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="d1", source="Outlet A",
             published="2024-05-11", title="Blast in Kabul"),
    Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4) + " Later.", id="d2", source="Outlet B",
             published="2024-05-12"),
    Document(text=incident_line("Mosul", "2024-03-02", "armed_assault", 2), id="d3", source=XSS, title=XSS,
             published="2024-03-03"),
    Document(text=incident_line("Atlantis", "2024-06-01", "kidnapping", 0), id="d4", source="Outlet C"),
    Document(text="EXTRACTION-FAILS here", id="d5", source="Outlet D"),
]
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def seed(url: str, documents: list[Document]) -> None:
    with Store(url) as store:
        ingest(documents, store=store, extract=fake_extract, resolver=Resolver(load_settings()), batch_size=10)


@pytest.fixture(params=BACKENDS, ids=["sqlite-file", "postgres"])
def api_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_url_for(request.param, tmp_path) as url:
        seed(url, DOCUMENTS)
        yield url


@pytest.fixture
def client(api_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url=api_url, settings=load_settings())) as opened:
        yield opened


@pytest.fixture
def kabul_id(client: TestClient) -> str:
    items = client.get("/api/incidents", params={"country": "AF"}).json()["items"]
    assert len(items) == 1, items
    return items[0]["id"]


CORPUS_ACTORS = (None, "Islamic State", "the ELN", "Boko Haram")


@pytest.fixture(scope="module", params=BACKENDS, ids=["sqlite-file", "postgres"])
def corpus_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The API over a store of 120 reports of about 60 incidents (5 places, one without coordinates; 4 types; 4
    actors; some undated, some recalled as background, some reports without a publication date)."""
    cities, kinds = sorted(CITIES), ("bombing", "armed_assault", "kidnapping", "raid")
    reports = []
    for n in range(120):
        day = date(2023, 1, 1) + timedelta(days=11 * n)
        line = incident_line(cities[n % 5], "undated" if n % 13 == 5 else str(day), kinds[n % 7 % 4], n * 5 % 9,
                             by=CORPUS_ACTORS[n % 4], recalled=n % 6 == 1)
        published = None if n % 10 == 3 else str(day + timedelta(days=n % 3))
        reports.append(Document(text=line, id=f"r{n}", source=f"Outlet {n % 3}", published=published))
    with store_url_for(request.param, tmp_path_factory.mktemp("corpus")) as url:
        seed(url, reports)
        with TestClient(create_app(db_url=url, settings=load_settings())) as opened:
            yield opened
