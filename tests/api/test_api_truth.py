"""The API answers hostile and repeated requests truthfully (issue 14, items 7, 8 and 10): a lone surrogate is a
422, an oversized chunked body a 413, a repeated report a 200 with the stored id, /docs works offline, the incident
list is newest first, exports carry each incident's role and filter by it, and a publication date that is not a
date is kept as unknown with a warning, as the file readers do."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from cli.cli_helpers import run_incidex
from fastapi.testclient import TestClient

from incidex.api.app import create_app
from incidex.config import load_settings
from incidex.schema import record_schema
from incidex.store import Store

SURROGATE_BODIES = [
    ("/api/documents", b'{"text": "\\ud800 gunmen attacked a bank"}'),
    ("/api/incidents/x/corrections", b'{"field": "type", "value": "\\udfff", "who": "\\ud800"}'),
    ("/api/incidents/merge", b'{"ids": ["a", "\\udc00"], "who": "analyst"}'),
]


@pytest.mark.parametrize(("path", "body"), SURROGATE_BODIES)
def test_a_lone_surrogate_in_any_json_body_is_a_422(client: TestClient, path: str, body: bytes) -> None:
    response = client.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text
    assert "\\ud" in response.text or "unicode" in response.text.lower()


def test_an_oversized_chunked_body_is_a_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(250):
            yield b"x" * 10_000  # 2.5 MB against the 2 MB default, with no Content-Length
        yield b'"}'

    response = client.post("/api/documents", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and "over 2000000 bytes" in response.json()["detail"]


def test_docs_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/swagger-ui-bundle.js" in page.text and "/static/swagger-ui.css" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    script = client.get("/static/swagger-ui-bundle.js")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text
    assert client.get("/static/swagger-ui.css").status_code == 200
    assert client.get("/redoc").status_code == 404  # it would load its script from a CDN


def test_the_incident_list_is_newest_first_by_default(client: TestClient) -> None:
    dates = [item["date"] for item in client.get("/api/incidents").json()["items"]]
    assert dates == ["2024-06-01", "2024-05-10", "2024-03-02"]


def test_exports_carry_the_role_and_filter_by_it(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv"}).text)))
    assert {row["role"] for row in rows} == {"main"} and len(rows) == 3
    assert client.get("/api/export", params={"format": "csv", "role": "background"}).text.count("\n") == 1
    collection = client.get("/api/export", params={"format": "geojson", "role": "main"}).json()
    assert {f["properties"]["role"] for f in collection["features"]} == {"main"}


def test_a_bad_country_is_one_422_everywhere_with_the_message_the_cli_gives(client: TestClient, kabul_id: str,
                                                                           api_url: str) -> None:
    message = "country 'USA' is not an ISO 3166 alpha-2 code; use two letters such as RU"
    for path in ("/api/incidents", "/api/export", "/api/stats/countries", "/api/stats/timeline"):
        response = client.get(path, params={"country": "USA"})
        assert (response.status_code, response.json()) == (422, {"detail": message, "code": "E200"}), path
    correction = client.post(f"/api/incidents/{kabul_id}/corrections",
                             json={"field": "location.country_code", "value": "USA", "who": "analyst"})
    assert (correction.status_code, correction.json()) == (422, {"detail": message, "code": "E200"}), correction.text
    cli = run_incidex("export", "--db", api_url, "--country", "USA")
    assert cli.returncode == 2 and message in cli.stderr, cli.stderr  # a bad option value: the usage exit code


@pytest.fixture(scope="module")
def live_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('api-truth')) / 'incidex.db'}"
    Store(url).close()
    with TestClient(create_app(db_url=url, settings=load_settings())) as opened:
        yield opened


REPORT = "Gunmen attacked a police post in Mandera on Tuesday, killing two officers, police said."


@pytest.mark.slow
def test_a_repeated_report_answers_200_with_the_stored_id(live_client: TestClient) -> None:
    first = live_client.post("/api/documents", json={"text": REPORT, "source": "Outlet A"})
    assert first.status_code == 201, first.text
    again = live_client.post("/api/documents", json={"text": REPORT, "source": "Outlet A"})
    assert again.status_code == 200, again.text
    assert again.json()["document_id"] == first.json()["document_id"] and again.json()["duplicate"] is True
    assert again.json()["incident_ids"] == first.json()["incident_ids"]


@pytest.mark.slow
def test_a_published_value_that_is_not_a_date_is_kept_as_unknown_with_a_warning(live_client: TestClient) -> None:
    response = live_client.post("/api/documents", json={"text": REPORT.replace("Mandera", "Wajir"),
                                                         "published": "notadate"})
    assert response.status_code == 201, response.text
    assert any("'notadate' is not a date" in w for w in response.json()["warnings"])
    stored = live_client.get(f"/api/documents/{response.json()['document_id']}").json()
    assert stored["published"] is None


def test_openapi_types_the_incident_from_the_record_schema(client: TestClient, kabul_id: str) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    record, merged = schemas["RecordOut"]["properties"]["incident"], schemas["IncidentDetail"]["properties"]["incident"]
    contract = record_schema()["$defs"]["incident"]
    assert record["required"] == contract["required"] and set(record["properties"]) == set(contract["properties"])
    assert record["properties"]["location"] == contract["properties"]["location"]
    assert "$ref" not in str(record) and {"location", "casualties", "targets", "notes"} <= set(merged["properties"])
    detail = client.get(f"/api/incidents/{kabul_id}").json()
    assert len(detail["records"]) == 2
    for item in detail["records"]:  # what the API serves is what its schema says
        jsonschema.validate(item["incident"], record)
    jsonschema.validate(detail["incident"], merged)
