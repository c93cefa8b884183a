"""GET /api/export gives the bytes of ``incidex export`` for the same filters."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from incidex.cli.export import command as export_command


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
@pytest.mark.parametrize("filters", [{}, {"country": "AF"}, {"type": "kidnapping", "date_from": "2024"}])
def test_export_matches_the_cli_bytes(client: TestClient, api_url: str, fmt: str, filters: dict[str, str]) -> None:
    response = client.get("/api/export", params={"format": fmt, **filters})
    assert response.status_code == 200
    options = {"country": "--country", "type": "--type", "date_from": "--since"}
    args = ["--db", api_url, "--format", fmt, *(x for k, v in filters.items() for x in (options[k], v))]
    result = CliRunner().invoke(export_command, args)
    assert result.exit_code == 0, result.output
    assert response.content == result.stdout_bytes
    assert response.content  # at least a header or the collection frame


@pytest.mark.parametrize(
    "filters",
    [
        {"q": "kabul"},
        {"actor": ["gunmen", "nobody"], "role": "main"},
        {"min_killed": "2", "dated": "true"},
        {"type": ["bombing", "kidnapping"], "bbox": "-180,-90,180,90"},
        {"country": ["af", "iq"], "reported_from": "2024-05-12"},
    ],
)
def test_export_takes_every_list_filter(client: TestClient, filters: dict) -> None:
    listed = client.get("/api/incidents", params={**filters, "limit": 500}).json()
    assert listed["total"] > 0, "choose filters that match something"
    response = client.get("/api/export", params={"format": "csv", **filters})
    assert response.status_code == 200
    exported = [row["incident_id"] for row in csv.DictReader(io.StringIO(response.text))]
    assert sorted(exported) == sorted(item["id"] for item in listed["items"])


def test_export_refuses_what_the_list_refuses(client: TestClient) -> None:
    assert client.get("/api/export", params={"format": "csv", "type": "picnic"}).status_code == 422
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422
