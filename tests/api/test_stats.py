"""GET /api/stats/...: weekly, countries, timeline, map, actors and regions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from store.store_helpers import incident_line, store_url_for

from incidex.api.app import create_app
from incidex.config import load_settings
from incidex.types import Document

from .conftest import BACKENDS, seed


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
    assert client.get("/api/stats/countries", params={"bbox": "x"}).status_code == 422


def test_timeline_scale_follows_the_range_and_counts_every_dated_incident(client: TestClient) -> None:
    chart = client.get("/api/stats/timeline").json()
    assert (chart["unit"], chart["start"], chart["end"]) == ("day", "2024-03-02", "2024-06-01")
    assert len(chart["bins"]) == 92 and chart["spans"] == []
    assert sum(b["count"] for b in chart["bins"]) == chart["dated"] == 3 and chart["undated"] == 0
    kabul = next(b for b in chart["bins"] if b["start"] == "2024-05-10")
    assert kabul == {"start": "2024-05-10", "end": "2024-05-10", "count": 1, "killed": 4, "types": {"bombing": 1}}
    monthly = client.get("/api/stats/timeline", params={"unit": "month"}).json()
    assert [(b["start"], b["end"], b["count"]) for b in monthly["bins"]] == [
        ("2024-03-01", "2024-03-31", 1), ("2024-04-01", "2024-04-30", 0), ("2024-05-01", "2024-05-31", 1),
        ("2024-06-01", "2024-06-30", 1)]
    empty = client.get("/api/stats/timeline", params={"type": "arson"}).json()
    assert (empty["unit"], empty["dated"], empty["bins"]) == (None, 0, [])
    assert client.get("/api/stats/timeline", params={"unit": "decade"}).status_code == 422


@pytest.fixture(scope="module", params=BACKENDS, ids=["sqlite-file", "postgres"])
def vague_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Incidents dated by a year, a month and two days of that month, and one undated."""
    dates = {"Kabul": "2023", "Mosul": "2023-11", "Maiduguri": "2023-11-05", "Rostov-on-Don": "2023-11-20",
             "Atlantis": "undated"}
    reports = [Document(text=incident_line(city, day, "bombing", 1), id=city) for city, day in dates.items()]
    with store_url_for(request.param, tmp_path_factory.mktemp("vague")) as url:
        seed(url, reports)
        with TestClient(create_app(db_url=url, settings=load_settings())) as opened:
            yield opened


def test_timeline_draws_vague_dates_as_spans_never_in_their_first_bin(vague_client: TestClient) -> None:
    def chart(**params: str) -> tuple[str, list[tuple[str, int]], list[tuple[str, str, int]], int, int]:
        body = vague_client.get("/api/stats/timeline", params=params).json()
        bins = [(b["start"], b["count"]) for b in body["bins"] if b["count"]]
        spans = [(s["start"], s["end"], s["count"]) for s in body["spans"]]
        return body["unit"], bins, spans, body["dated"], body["undated"]

    assert chart() == ("week", [("2023-10-30", 1), ("2023-11-20", 1)],
                       [("2023-01-01", "2023-12-31", 1), ("2023-11-01", "2023-11-30", 1)], 4, 1)
    assert chart(unit="month") == ("month", [("2023-11-01", 3)], [("2023-01-01", "2023-12-31", 1)], 4, 1)
    assert chart(unit="year") == ("year", [("2023-01-01", 4)], [], 4, 1)
    # within November, by day: the year and the month are both the whole range, one span of two incidents
    assert chart(date_from="2023-11", date_to="2023-11") == (
        "day", [("2023-11-05", 1), ("2023-11-20", 1)], [("2023-11-01", "2023-11-30", 2)], 4, 0)
    assert chart(dated="true")[4] == 0


def test_map_cells_group_located_incidents_and_count_the_others(client: TestClient) -> None:
    world = client.get("/api/stats/map", params={"cell": 360}).json()
    assert [(c["count"], c["id"], c["type"], c["location"]) for c in world["cells"]] == [(2, None, None, None)]
    assert world["unlocated"] == 1 and world["cells"][0]["killed"] == 6
    fine = client.get("/api/stats/map", params={"cell": 1}).json()["cells"]
    listed = client.get("/api/incidents", params={"limit": 10}).json()["items"]
    ids = {i["location"]: i["id"] for i in listed}
    assert sorted((c["location"], c["id"], c["type"], c["count"]) for c in fine) == [
        ("Kabul", ids["Kabul"], "bombing", 1), ("Mosul", ids["Mosul"], "armed_assault", 1)]
    kabul = next(c for c in fine if c["location"] == "Kabul")
    assert kabul["south"] == kabul["north"] == pytest.approx(34.53)
    boxed = client.get("/api/stats/map", params={"cell": 1, "bbox": "60,30,80,40"}).json()
    assert [c["location"] for c in boxed["cells"]] == ["Kabul"] and boxed["unlocated"] == 1
    assert client.get("/api/stats/map", params={"cell": 0}).status_code == 422


def test_facets_list_actors_and_regions_without_their_own_filter(corpus_client: TestClient) -> None:
    actors = corpus_client.get("/api/stats/actors", params={"actor": "boko"}).json()
    assert {a["name"] for a in actors} == {"gunmen", "Islamic State", "the ELN", "Boko Haram"}
    assert [a["count"] for a in actors] == sorted((a["count"] for a in actors), reverse=True)
    total = corpus_client.get("/api/incidents", params={"actor": "Boko Haram"}).json()["total"]
    assert next(a["count"] for a in actors if a["name"] == "Boko Haram") == total
    regions = corpus_client.get("/api/stats/regions", params={"country": "AF", "admin1": "borno"}).json()
    assert [(r["country"], r["admin1"]) for r in regions] == [("AF", "Kabul")]


@pytest.mark.parametrize("params", [{}, {"role": "main"}, {"type": ["raid", "bombing"], "dated": "true"},
                                    {"actor": ["islamic", "eln"]}, {"min_killed": "4", "country": ["IQ", "NG"]}])
def test_aggregates_count_what_the_list_lists(corpus_client: TestClient, params: dict) -> None:
    total = corpus_client.get("/api/incidents", params={**params, "limit": 1}).json()["total"]
    chart = corpus_client.get("/api/stats/timeline", params=params).json()
    assert chart["dated"] + chart["undated"] == total
    assert sum(b["count"] for b in chart["bins"]) + sum(s["count"] for s in chart["spans"]) == chart["dated"]
    cells = corpus_client.get("/api/stats/map", params={**params, "cell": 3}).json()
    assert sum(c["count"] for c in cells["cells"]) + cells["unlocated"] == total
    assert sum(c["count"] for c in corpus_client.get("/api/stats/countries", params=params).json()) == total
