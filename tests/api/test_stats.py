"""GET /api/stats/weekly and /api/stats/countries."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_weekly_counts_by_monday_and_type(client: TestClient) -> None:
    weeks = client.get("/api/stats/weekly").json()
    assert weeks == [
        {"week": "2024-02-26", "type": "armed_assault", "count": 1, "killed": 2},
        {"week": "2024-05-06", "type": "bombing", "count": 1, "killed": 4},
        {"week": "2024-05-27", "type": "kidnapping", "count": 1, "killed": 0},
    ]


def test_stats_take_the_list_filters(client: TestClient) -> None:
    assert [w["type"] for w in client.get("/api/stats/weekly", params={"country": "AF"}).json()] == ["bombing"]
    countries = client.get("/api/stats/countries", params={"date_from": "2024-04"}).json()
    assert sorted((c["country"], c["count"], c["killed"]) for c in countries) == [("AF", 1, 4), ("GR", 1, 0)]
    assert client.get("/api/stats/countries", params={"bbox": "x"}).status_code == 400
