"""Corrections: overrides with undo, merge, split, survival across re-ingest, and the write token."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from store.store_helpers import incident_line

from incidex.api.app import create_app
from incidex.config import load_settings
from incidex.errors import ConflictError
from incidex.types import Document

from .conftest import seed

WHO = {"who": "analyst@example.org", "why": "official toll"}


def _correct(client: TestClient, incident_id: str, field: str, value: object) -> dict:
    response = client.post(f"/api/incidents/{incident_id}/corrections", json={"field": field, "value": value, **WHO})
    assert response.status_code == 201, response.text
    return response.json()


def test_correction_overrides_view_list_and_export_and_undo_restores(client: TestClient, kabul_id: str) -> None:
    made = _correct(client, kabul_id, "casualties.killed.total", 7)
    assert (made["old"], made["new"], made["undone"]) == (4, 7, False)
    detail = client.get(f"/api/incidents/{kabul_id}").json()
    assert detail["incident"]["casualties"]["killed"]["total"] == 7
    assert [c["id"] for c in detail["corrections"]] == [made["id"]]
    assert all(r["incident"]["casualties"]["killed"]["total"] == 4 for r in detail["records"])  # extraction kept
    item = client.get("/api/incidents", params={"country": "AF"}).json()["items"][0]
    assert item["killed"] == 7 and item["corrected"] is True
    row = next(csv.DictReader(io.StringIO(client.get("/api/export", params={"country": "AF"}).text)))
    assert row["killed"] == "7" and "corrected casualties.killed.total" in row["notes"]

    undone = client.post(f"/api/corrections/{made['id']}/undo")
    assert undone.status_code == 200 and undone.json()["undone"] is True
    item = client.get("/api/incidents", params={"country": "AF"}).json()["items"][0]
    assert item["killed"] == 4 and item["corrected"] is False


def test_type_location_and_date_corrections_move_the_filters(client: TestClient, kabul_id: str) -> None:
    _correct(client, kabul_id, "type", "arson")
    _correct(client, kabul_id, "location.name", "Kabul airport")
    _correct(client, kabul_id, "date", "2024-05-09")
    found = client.get("/api/incidents", params={"type": "arson", "date_to": "2024-05-09"}).json()["items"]
    assert [(i["id"], i["location"], i["date"]) for i in found] == [(kabul_id, "Kabul airport", "2024-05-09")]
    assert client.get("/api/incidents", params={"type": "bombing"}).json()["total"] == 0


def test_bad_corrections_are_refused_with_a_message(client: TestClient, kabul_id: str) -> None:
    cases = [("type", "picnic", "bombing"), ("casualties.killed.total", -3, "whole number"),
             ("location.lat", 91, "coordinate"), ("evidence", "x", "cannot be corrected"), ("date", "soon", "YYYY")]
    for field, value, words in cases:
        response = client.post(f"/api/incidents/{kabul_id}/corrections", json={"field": field, "value": value, **WHO})
        assert response.status_code == 422 and words in response.json()["detail"], (field, response.text)
    missing = client.post("/api/incidents/nope/corrections", json={"field": "type", "value": "arson", **WHO})
    assert missing.status_code == 404
    assert client.post("/api/corrections/99999/undo").status_code == 404


def test_correction_survives_reingest_into_the_same_incident(api_url: str, client: TestClient, kabul_id: str) -> None:
    _correct(client, kabul_id, "casualties.killed.total", 9)
    seed(api_url, [Document(text=incident_line("Kabul", "2024-05-10", "bombing", 5) + " Update.", id="d9",
                            source="Outlet E", published="2024-05-13")])
    detail = client.get(f"/api/incidents/{kabul_id}").json()
    assert "d9" in [d["id"] for d in detail["documents"]]
    assert detail["incident"]["casualties"]["killed"]["total"] == 9


def test_merge_then_split_moves_records_and_keeps_them(client: TestClient, kabul_id: str) -> None:
    mosul_id = client.get("/api/incidents", params={"country": "IQ"}).json()["items"][0]["id"]
    merged = client.post("/api/incidents/merge", json={"ids": [kabul_id, mosul_id], **WHO})
    assert merged.status_code == 201 and merged.json()["incident_id"] == kabul_id
    assert client.get(f"/api/incidents/{mosul_id}").status_code == 404
    records = client.get(f"/api/incidents/{kabul_id}").json()["records"]
    assert {r["document_id"] for r in records} == {"d1", "d2", "d3"}

    mosul_records = [r["record_id"] for r in records if r["document_id"] == "d3"]
    split = client.post(f"/api/incidents/{kabul_id}/split", json={"record_ids": mosul_records, **WHO})
    assert split.status_code == 201
    new = client.get(f"/api/incidents/{split.json()['incident_id']}").json()
    assert [r["record_id"] for r in new["records"]] == mosul_records
    assert new["incident"]["type"] == "armed_assault"
    assert client.get("/api/incidents").json()["total"] == 3


def test_split_refuses_all_or_foreign_records(client: TestClient, kabul_id: str) -> None:
    records = [r["record_id"] for r in client.get(f"/api/incidents/{kabul_id}").json()["records"]]
    for chosen in (records, ["d3:i1"]):
        response = client.post(f"/api/incidents/{kabul_id}/split", json={"record_ids": chosen, **WHO})
        assert response.status_code == 422 and "some, but not all" in response.json()["detail"]


def test_write_endpoints_need_the_token_when_one_is_set(api_url: str) -> None:
    with TestClient(create_app(db_url=api_url, settings=load_settings(), token="s3cret")) as client:
        incident_id = client.get("/api/incidents").json()["items"][0]["id"]
        body = {"field": "type", "value": "arson", **WHO}
        url = f"/api/incidents/{incident_id}/corrections"
        assert client.post(url, json=body).status_code == 401
        assert client.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.post("/api/documents", json={"text": "x"}).status_code == 401
        assert client.post(url, json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 201


def _snapshot(client: TestClient) -> tuple[object, str, str]:
    listing = client.get("/api/incidents", params={"limit": 500}).json()
    return listing, client.get("/api/export").text, client.get("/api/export", params={"format": "jsonl"}).text


def test_one_list_shows_field_merge_and_split_and_each_undo_restores(client: TestClient, kabul_id: str) -> None:
    mosul_id = client.get("/api/incidents", params={"country": "IQ"}).json()["items"][0]["id"]
    before = _snapshot(client)
    made = _correct(client, mosul_id, "casualties.killed.total", 3)
    assert client.post("/api/incidents/merge", json={"ids": [kabul_id, mosul_id], **WHO}).status_code == 201
    records = client.get(f"/api/incidents/{kabul_id}").json()["records"]
    moved = [r["record_id"] for r in records if r["document_id"] == "d2"]
    split_id = client.post(f"/api/incidents/{kabul_id}/split", json={"record_ids": moved, **WHO}).json()["incident_id"]

    listing = client.get("/api/corrections").json()
    assert listing["total"] == 3
    assert [i["kind"] for i in listing["items"]] == ["split", "merge", "field"]
    assert all((i["who"], i["why"], i["undone"], bool(i["at"])) == (WHO["who"], WHO["why"], False, True)
               for i in listing["items"])
    split, merge, field = listing["items"]
    assert (split["incident_ids"], split["result_ids"]) == ([kabul_id], [kabul_id, split_id])
    assert split["record_ids"] == moved
    assert merge["incident_ids"] == [kabul_id, mosul_id] and field["field"] == "casualties.killed.total"
    assert field["undo_path"] == f"/api/corrections/{made['id']}/undo"
    touching = client.get("/api/corrections", params={"incident_id": mosul_id}).json()
    assert [i["kind"] for i in touching["items"]] == ["merge", "field"]  # listed after it was merged away
    detail = client.get(f"/api/incidents/{kabul_id}").json()["corrections"]
    assert [(i["kind"], i["undo_path"]) for i in detail] == [(split["kind"], split["undo_path"]),
                                                             (merge["kind"], merge["undo_path"])]

    for item in (split, merge, field):
        response = client.post(item["undo_path"], json={"who": "lead", "why": "checked the sources"})
        assert response.status_code == 200, response.text
        assert response.json()["undo"]["who"] == "lead" and response.json()["undone"] is True
    assert _snapshot(client) == before
    assert [i["undo"]["why"] for i in client.get("/api/corrections").json()["items"]] == ["checked the sources"] * 3
    shown = client.get(f"/api/incidents/{kabul_id}").json()["corrections"]
    assert shown and all(i["undone"] and i["undo"]["who"] == "lead" for i in shown)


def test_undo_out_of_order_is_a_conflict_that_names_the_later_operation(client: TestClient, kabul_id: str) -> None:
    mosul_id = client.get("/api/incidents", params={"country": "IQ"}).json()["items"][0]["id"]
    atlantis_id = client.get("/api/incidents", params={"country": "GR"}).json()["items"][0]["id"]
    client.post("/api/incidents/merge", json={"ids": [kabul_id, mosul_id], **WHO})
    client.post("/api/incidents/merge", json={"ids": [atlantis_id, kabul_id], **WHO})
    later, first = client.get("/api/corrections").json()["items"]
    response = client.post(first["undo_path"])
    assert response.status_code == 409 and f"undo merge {later['id']}" in response.json()["detail"]
    assert response.json()["code"] == ConflictError.code
    assert client.post(later["undo_path"]).status_code == 200
    assert client.post(first["undo_path"]).status_code == 200
    assert client.get("/api/incidents").json()["total"] == 3
    assert client.post("/api/operations/99999/undo").status_code == 404


def test_corrections_list_is_paged_and_readable_without_the_token(api_url: str) -> None:
    with TestClient(create_app(db_url=api_url, settings=load_settings(), token="s3cret")) as client:
        ids = [i["id"] for i in client.get("/api/incidents").json()["items"]]
        auth = {"Authorization": "Bearer s3cret"}
        for incident_id in ids:
            client.post(f"/api/incidents/{incident_id}/corrections", json={"field": "type", "value": "arson", **WHO},
                        headers=auth)
        page = client.get("/api/corrections", params={"limit": 2, "offset": 1})
        assert page.status_code == 200 and page.json()["total"] == len(ids) and len(page.json()["items"]) == 2
        undo_path = page.json()["items"][0]["undo_path"]
        assert client.post(undo_path).status_code == 401
        assert client.post("/api/operations/1/undo").status_code == 401
        assert client.post(undo_path, headers=auth).status_code == 200
        assert client.get("/api/corrections", params={"limit": 0}).status_code == 422
