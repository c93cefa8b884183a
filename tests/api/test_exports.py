"""GET /api/export gives the bytes of ``incidex export`` for the same filters."""

from __future__ import annotations

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


def test_export_refuses_filters_it_cannot_apply(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "csv", "q": "kabul"})
    assert response.status_code == 400 and "drop q" in response.json()["detail"]
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422
