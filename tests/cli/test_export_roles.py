"""``incidex export`` keeps main vs background and validates filters as the API does (issue 14, item 10)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from store.store_helpers import fake_extract, incident_line

from incidex.config import load_settings
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document

from .cli_helpers import run_incidex


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two main incidents and one that a report only recalls (background)."""
    path = tmp_path_factory.mktemp("roles") / "store.db"
    documents = [Document(text=incident_line("Mosul", "2024-03-02", "armed_assault", 2), id="d1"),
                 Document(text=incident_line("Maiduguri", "2024-06-01", "kidnapping", 0), id="d2"),
                 Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="recalled")]

    def extract(items: Iterable[Document]) -> Iterator:
        for outcome in fake_extract(items):
            if outcome.document.id == "recalled":
                outcome.report.incidents[0].role = "background"
            yield outcome

    with Store(str(path)) as store:
        ingest(documents, store=store, extract=extract, resolver=Resolver(load_settings()), batch_size=10)
    return path


def test_csv_has_a_role_column_and_role_filters(db: Path) -> None:
    result = run_incidex("export", "--db", db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted((row["location"], row["role"]) for row in rows) == [
        ("Kabul", "background"), ("Maiduguri", "main"), ("Mosul", "main")]
    background = list(csv.DictReader(io.StringIO(run_incidex("export", "--db", db, "--role", "background").stdout)))
    assert [row["location"] for row in background] == ["Kabul"]
    main = list(csv.DictReader(io.StringIO(run_incidex("export", "--db", db, "--role", "main").stdout)))
    assert sorted(row["location"] for row in main) == ["Maiduguri", "Mosul"]


def test_geojson_properties_carry_the_role(db: Path) -> None:
    result = run_incidex("export", "--db", db, "--format", "geojson")
    roles = {f["properties"]["location"]: f["properties"]["role"] for f in json.loads(result.stdout)["features"]}
    assert roles == {"Kabul": "background", "Maiduguri": "main", "Mosul": "main"}


def test_a_bad_country_is_refused_with_the_apis_message(db: Path) -> None:
    result = run_incidex("export", "--db", db, "--country", "USA")
    assert result.returncode == 2
    assert "country 'USA' is not an ISO 3166 alpha-2 code; use two letters such as RU" in result.stderr
    assert result.stdout == ""
