from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store.store_helpers import fake_extract, incident_line

from incidex.cli.export import command
from incidex.config import load_settings
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/cli.db"
    documents = [
        Document(text=incident_line("Kabul", "2024-05-10", "bombing", 4), id="k1", source="A"),
        Document(text=incident_line("Kabul", "2024-05-10", "bombing", 5) + " Update.", id="k2", source="B"),
        Document(text=incident_line("Maiduguri", "2023-11-20", "kidnapping", 0), id="m1", source="C"),
        Document(text=incident_line("Atlantis", "2024-01-03", "armed_assault", 1), id="a1", source="D"),
    ]
    with Store(url) as store:
        ingest(documents, store=store, extract=fake_extract, resolver=Resolver(load_settings()), batch_size=2)
    return url


def export(db: str, *options: str) -> str:
    result = CliRunner().invoke(command, ["--db", db, *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_csv_lists_every_incident_with_its_documents(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(export(db, "--format", "csv"))))
    assert [r["location"] for r in rows] == ["Maiduguri", "Atlantis", "Kabul"]
    assert rows[2]["document_ids"] == "k1; k2" and rows[2]["sources"].startswith("A; B")
    assert all(r["incident_id"].strip() for r in rows)


def test_export_filters_by_type_country_and_partial_dates(db: str) -> None:
    def places(*options: str) -> list[str]:
        return [r["location"] for r in csv.DictReader(io.StringIO(export(db, *options)))]

    assert places("--type", "kidnapping") == ["Maiduguri"]
    assert places("--country", "af") == ["Kabul"]
    assert places("--since", "2024") == ["Atlantis", "Kabul"]
    assert places("--until", "2023-11") == ["Maiduguri"]


def test_export_geojson_and_jsonl_parse_and_carry_ids(db: str, tmp_path: Path) -> None:
    collection = json.loads(export(db, "--format", "geojson"))
    assert len(collection["features"]) == 2 and collection["incidents_without_coordinates"] == 1
    out = tmp_path / "incidents.jsonl"
    export(db, "--format", "jsonl", "--output", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and all(line["incident_id"] and line["document_ids"] for line in lines)
    assert sum(len(line["records"]) for line in lines) == 4


def test_export_refuses_a_malformed_date(db: str) -> None:
    result = CliRunner().invoke(command, ["--db", db, "--since", "last week"])
    assert result.exit_code == 2 and "not a date" in result.output


# Each API list filter (GET /api/incidents) as `incidex export` spells it; date_from/date_to keep their older
# names --since/--until.
CLI_NAMES = {"date_from": "since", "date_to": "until"}


def test_export_has_an_option_for_every_filter_of_the_api_list() -> None:
    from incidex.api.dependencies import FilterParams

    options = {opt for param in command.params for opt in param.opts}
    missing = [name for name in FilterParams.model_fields
               if f"--{CLI_NAMES.get(name, name).replace('_', '-')}" not in options]
    assert missing == []


@pytest.mark.parametrize("cli, api", [
    (["--actor", "gunmen", "--min-killed", "4"], {"actor": "gunmen", "min_killed": 4}),
    (["--country", "af", "--country", "ng", "--dated"], {"country": ["af", "ng"], "dated": True}),
    (["--bbox", "60,30,75,40"], {"bbox": "60,30,75,40"}),
    (["--q", "kabul", "--until", "2024-06"], {"q": "kabul", "date_to": "2024-06"}),
    (["--source", "B", "--admin1", "KABUL", "--type", "bombing", "--type", "kidnapping"],
     {"source": "B", "admin1": "KABUL", "type": ["bombing", "kidnapping"]}),
])
def test_export_with_list_filters_writes_what_the_api_export_writes(db: str, cli: list[str], api: dict) -> None:
    from fastapi.testclient import TestClient

    from incidex.api.app import create_app

    with TestClient(create_app(db_url=db, settings=load_settings())) as client:
        served = client.get("/api/export", params={**api, "format": "jsonl"})
    assert served.status_code == 200
    assert export(db, "--format", "jsonl", *cli) == served.text
    assert 0 < served.text.count("\n") < 3  # each case keeps some incidents and leaves some out


def test_export_refuses_a_box_that_means_nothing(db: str) -> None:
    result = CliRunner().invoke(command, ["--db", db, "--bbox", "10,20,5,30"])
    assert result.exit_code == 2 and "bbox must be minlon,minlat,maxlon,maxlat" in result.output
