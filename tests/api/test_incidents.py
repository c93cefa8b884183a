"""GET /api/incidents and /api/incidents/{id}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_list_returns_every_merged_incident_with_total(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["total"] == 3
    assert {item["type"] for item in body["items"]} == {"bombing", "armed_assault", "kidnapping"}
    kabul = next(item for item in body["items"] if item["country"] == "AF")
    assert kabul["document_ids"] == ["d1", "d2"]
    assert kabul["killed"] == 4 and kabul["role"] == "main" and kabul["corrected"] is False
    assert kabul["lat"] == pytest.approx(34.53)


@pytest.mark.parametrize(
    ("params", "countries"),
    [
        ({"type": "bombing"}, ["AF"]),
        ({"country": "iq"}, ["IQ"]),
        ({"admin1": "nineveh"}, ["IQ"]),
        ({"date_from": "2024-05", "date_to": "2024-05"}, ["AF"]),
        ({"date_from": "2024-05-11"}, ["GR"]),
        ({"bbox": "60,30,80,40"}, ["AF"]),
        ({"q": "mosul"}, ["IQ"]),
        ({"actor": "GUNMEN", "type": "kidnapping"}, ["GR"]),
        ({"source": "outlet b"}, ["AF"]),
        ({"role": "background"}, []),
    ],
)
def test_list_filters_combine(client: TestClient, params: dict[str, str], countries: list[str]) -> None:
    body = client.get("/api/incidents", params=params).json()
    assert [item["country"] for item in body["items"]] == countries
    assert body["total"] == len(countries)


def test_list_sorts_and_pages(client: TestClient) -> None:
    by_killed = client.get("/api/incidents", params={"sort": "-killed"}).json()["items"]
    assert [item["killed"] for item in by_killed] == [4, 2, 0]
    by_date = client.get("/api/incidents", params={"sort": "-date"}).json()["items"]
    assert [item["date"] for item in by_date] == ["2024-06-01", "2024-05-10", "2024-03-02"]
    page = client.get("/api/incidents", params={"sort": "date", "limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and [item["date"] for item in page["items"]] == ["2024-05-10"]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"limit": 501}, 422, "500"),
        ({"limit": 0}, 422, "1"),
        ({"offset": -1}, 422, "0"),
        ({"sort": "killed;drop"}, 422, "sort"),
        ({"bbox": "1,2,3"}, 400, "minlon"),
        ({"bbox": "10,0,5,1"}, 400, "minlon"),
        ({"date_from": "last week"}, 400, "YYYY-MM-DD"),
        ({"type": "picnic"}, 400, "bombing"),
        ({"country": "R1"}, 400, "alpha-2"),
        ({"q": "a\x00b"}, 400, "control"),
        ({"role": "side"}, 422, "main"),
    ],
)
def test_list_rejects_bad_parameters_with_a_message(client: TestClient, params: dict, status: int, words: str) -> None:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == status
    assert words in str(response.json()["detail"])


def test_detail_has_merged_view_records_documents_and_reasons(client: TestClient, kabul_id: str) -> None:
    body = client.get(f"/api/incidents/{kabul_id}").json()
    assert body["incident"]["id"] == kabul_id
    assert body["incident"]["casualties"]["killed"]["total"] == 4
    assert {r["document_id"] for r in body["records"]} == {"d1", "d2"}
    assert all(r["incident"]["evidence"] for r in body["records"])
    assert [d["id"] for d in body["documents"]] == ["d1", "d2"]
    assert body["documents"][0]["text"].startswith("Kabul (AF)")
    assert {m["record_id"] for m in body["merge_reasons"]} == {r["record_id"] for r in body["records"]}
    assert body["corrections"] == [] and body["background"] == []


def test_detail_of_unknown_id_is_404_with_message(client: TestClient) -> None:
    response = client.get("/api/incidents/no-such-incident")
    assert response.status_code == 404
    assert "GET /api/incidents" in response.json()["detail"]
