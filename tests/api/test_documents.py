"""GET /api/documents[/{id}] and POST /api/documents through the real extraction and ingest path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from incidex.api.app import create_app
from incidex.config import load_settings
from incidex.errors import ConflictError, NotFoundError
from incidex.store import Store

from .conftest import XSS

REPORT = (
    "MOSUL, Iraq, March 4 (Reuters) - Gunmen stormed a police checkpoint in Mosul on Monday, killing three "
    "officers and wounding five others, police said. " + XSS + " No group claimed responsibility."
)


def test_documents_list_with_status_and_error(client: TestClient) -> None:
    body = client.get("/api/documents", params={"limit": 10}).json()
    assert body["total"] == 5
    failed = {d["id"]: d["error"] for d in body["items"] if d["status"] == "failed"}
    assert list(failed) == ["d5"] and "refused" in failed["d5"]
    assert client.get("/api/documents", params={"limit": 2, "offset": 4}).json()["items"][0]["id"] == "d5"


def test_document_detail_has_text_and_record_ids(client: TestClient) -> None:
    body = client.get("/api/documents/d1").json()
    assert body["text"].startswith("Kabul (AF), 2024-05-10")
    assert body["record_ids"] == ["d1:i1"]
    missing = client.get("/api/documents/none")
    assert (missing.status_code, missing.json()["code"]) == (404, NotFoundError.code)


def test_an_id_taken_by_other_text_is_a_409_decided_by_the_error_type(client: TestClient) -> None:
    taken = client.post("/api/documents", json={"text": "Other text entirely.", "id": "d1"})
    assert (taken.status_code, taken.json()["code"]) == (409, ConflictError.code), taken.text
    assert "already stored with other text" in taken.json()["detail"]
    assert client.get("/api/documents/d1").json()["text"].startswith("Kabul (AF)")  # the stored text is kept


@pytest.fixture(scope="module")
def live_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('api')) / 'incidex.db'}"
    Store(url).close()  # only ingest (or the library's Store) creates a store; the API serves an existing one
    with TestClient(create_app(db_url=url, settings=load_settings())) as opened:
        yield opened


@pytest.mark.slow
def test_post_document_extracts_stores_and_returns_incidents(live_client: TestClient) -> None:
    response = live_client.post("/api/documents", json={"text": REPORT, "published": "2024-03-04", "id": "r1",
                                                        "source": "Reuters", "title": XSS})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["document_id"] == "r1" and body["duplicate"] is False and body["incident_ids"]
    stored = live_client.get("/api/documents/r1").json()
    assert stored["text"] == REPORT and stored["title"] == XSS
    incident = live_client.get(f"/api/incidents/{body['incident_ids'][0]}").json()
    assert incident["incident"]["location"]["country_code"] == "IQ"
    assert [r["document_id"] for r in incident["records"]] == ["r1"]

    again = live_client.post("/api/documents", json={"text": REPORT, "id": "r1"})
    assert again.status_code == 200 and again.json()["duplicate"] is True  # already stored: 200, the stored id
    assert again.json()["incident_ids"] == body["incident_ids"]
    taken = live_client.post("/api/documents", json={"text": "Other text entirely.", "id": "r1"})
    assert (taken.status_code, taken.json()["code"]) == (409, ConflictError.code) and "new id" in taken.json()["detail"]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", "   \n "])
def test_post_empty_document_is_422(live_client: TestClient, text: str) -> None:
    response = live_client.post("/api/documents", json={"text": text})
    assert response.status_code == 422


@pytest.mark.slow
def test_a_report_not_in_english_is_stored_with_its_language_and_the_reason_it_was_not_extracted(
    live_client: TestClient,
) -> None:
    text = "Боевики напали на полицейский пост в воскресенье, убив трех офицеров, сообщили власти."
    response = live_client.post("/api/documents", json={"text": text, "id": "ru-1", "source": "TASS"})
    assert response.status_code == 201, response.text
    assert response.json()["incident_ids"] == []
    stored = live_client.get("/api/documents/ru-1").json()
    assert (stored["status"], stored["language"], stored["record_ids"]) == ("skipped", "ru", [])
    assert stored["error"].startswith("not extracted: the text is in Russian (ru)")
    listed = {d["id"]: d for d in live_client.get("/api/documents").json()["items"]}
    assert (listed["ru-1"]["status"], listed["ru-1"]["language"]) == ("skipped", "ru")
