"""GET /api/incidents and /api/incidents/{id}."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from store.store_helpers import CITIES, document_entry, incident_line, store_url_for

from incidex.api.app import create_app
from incidex.config import load_settings
from incidex.errors import NotFoundError
from incidex.resolve import Resolver
from incidex.resolve.dates import parse_partial
from incidex.store import Store, migrate
from incidex.store.tables import incidents
from incidex.types import Document, Mention

from .conftest import BACKENDS, seed


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
        ({"bbox": "1,2,3"}, 422, "minlon"),
        ({"bbox": "10,0,5,1"}, 422, "minlon"),
        ({"date_from": "last week"}, 422, "YYYY-MM-DD"),
        ({"type": "picnic"}, 422, "bombing"),
        ({"country": "R1"}, 422, "alpha-2"),
        ({"q": "a\x00b"}, 422, "control"),
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
    assert (response.status_code, response.json()["code"]) == (404, NotFoundError.code)
    assert "GET /api/incidents" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "countries"),
    [
        ({"q": "MOSUL"}, ["IQ"]),  # places, any case
        ({"q": "nin"}, ["IQ"]),  # admin1, by a part
        ({"q": "gunm"}, ["AF", "IQ", "GR"]),  # actors count for q too
        ({"q": "ab"}, ["AF"]),  # shorter than a trigram
        ({"actor": "gunmen"}, ["AF", "IQ", "GR"]),
        ({"actor": "kabul"}, []),  # actor searches actors only
        ({"source": "<script>"}, ["IQ"]),
        ({"source": "b"}, ["AF"]),
        ({"q": "50%"}, []),  # wildcards are literal
        ({"q": 'x" OR "k'}, []),  # so are full-text operators
        ({"q": "mosulnineveh"}, []),  # never across two values
    ],
)
def test_text_searches_match_parts_of_single_values(client: TestClient, params: dict, countries: list[str]) -> None:
    body = client.get("/api/incidents", params=params).json()
    assert sorted(item["country"] for item in body["items"]) == sorted(countries)
    assert body["total"] == len(countries)


def test_search_follows_corrections_and_their_undo(client: TestClient, kabul_id: str) -> None:
    made = client.post(f"/api/incidents/{kabul_id}/corrections",
                       json={"field": "type", "value": "arson", "who": "analyst", "why": "zebracrossing"})
    assert made.status_code == 201
    assert [i["id"] for i in client.get("/api/incidents", params={"q": "zebracross"}).json()["items"]] == [kabul_id]
    assert client.post(f"/api/corrections/{made.json()['id']}/undo").status_code in (200, 201)
    assert client.get("/api/incidents", params={"q": "zebracross"}).json()["total"] == 0


def _holds(values: list[str], term: str | list[str] | None) -> bool:
    """Whether any of ``values`` contains ``term`` (or one of the terms; none: True), ignoring case as the API's
    searches do."""
    terms = [term] if isinstance(term, str) else term
    return not terms or any(t.lower() in value.lower() for value in values for t in terms)


def _one_of(value: str | None, wanted: str | list[str] | None) -> bool:
    wanted = [wanted] if isinstance(wanted, str) else wanted
    return not wanted or value in wanted


def _stored(client: TestClient) -> list[dict[str, Any]]:
    """Every stored incident as a dict of its columns: the rows the reference computations below filter."""
    store = client.app.state.incidex.store
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(sa.select(incidents))]


def _expected(rows: list[dict[str, Any]], params: dict[str, Any]) -> tuple[int, list[str]]:
    """The total and one page's ids, computed in Python from the stored incidents: the reference for the API's plans."""
    lon0, lat0, lon1, lat1 = (float(x) for x in params.get("bbox", "-180,-90,180,90").split(","))
    first, last = params.get("date_from"), params.get("date_to")
    reported_first, reported_last = params.get("reported_from"), params.get("reported_to")
    found = [
        r for r in rows
        if _one_of(r["type"], params.get("type")) and _one_of(r["country"], params.get("country"))
        and (first is None or (r["date_to"] is not None and r["date_to"] >= first))
        and (last is None or (r["date_from"] is not None and r["date_from"] <= last))
        and (reported_first is None or (r["reported_to"] or "") >= reported_first)
        and (reported_last is None or (r["reported_from"] is not None and r["reported_from"] <= reported_last))
        and ("dated" not in params or r["date_from"] is not None)
        and ("min_killed" not in params or (r["killed"] is not None and r["killed"] >= int(params["min_killed"])))
        and params.get("role") in (None, r["role"])
        and ("bbox" not in params or (r["lat"] is not None and lat0 <= r["lat"] <= lat1 and lon0 <= r["lon"] <= lon1))
        and _holds(r["sources"], params.get("source")) and _holds(r["perpetrators"], params.get("actor"))
        and _holds([r["location"] or "", r["admin1"] or "", *r["perpetrators"], *r["victims"], r["notes"] or ""],
                   params.get("q"))
    ]
    sort = params["sort"]
    column = {"date": "date_from", "killed": "killed", "type": "type", "country": "country",
              "reports": "report_count"}[sort.lstrip("-")]
    found.sort(key=lambda r: r["incident_id"], reverse=sort.startswith("-"))
    found.sort(key=lambda r: (r[column] is not None, r[column] or 0), reverse=sort.startswith("-"))
    found.sort(key=lambda r: r[column] is None)
    offset, limit = int(params["offset"]), int(params["limit"])
    return len(found), [r["incident_id"] for r in found[offset:offset + limit]]


SORTS = ["date", "-date", "killed", "-killed", "type", "country", "reports", "-reports"]


def test_every_plan_gives_the_page_that_sorting_all_matches_gives(corpus_client: TestClient) -> None:
    """Broad filters walk a sort index past non-matches, narrow ones and text searches with other filters sort their
    matches: all must agree with sorting everything, for every sort order, with nulls last and the id breaking ties."""
    rows = _stored(corpus_client)
    assert len(rows) > 50 and any(r["lat"] is None for r in rows) and any(r["date_from"] is None for r in rows)
    assert {r["role"] for r in rows} == {"main", "background"} and any(r["report_count"] > 1 for r in rows)
    assert any(r["reported_from"] is None for r in rows) and any(r["reported_from"] for r in rows)
    rng = random.Random(5)
    for _ in range(300):
        params: dict[str, Any] = {"sort": rng.choice(SORTS), "limit": str(rng.choice([1, 5, 20])),
                                  "offset": str(rng.choice([0, 0, 3, 30]))}
        if rng.random() < 0.4:
            params["type"] = rng.sample(["bombing", "armed_assault", "kidnapping", "raid"], rng.choice([1, 1, 2]))
        if rng.random() < 0.3:
            params["country"] = rng.sample(["AF", "IQ", "RU", "NG", "GR"], rng.choice([1, 1, 3]))
        if rng.random() < 0.4:
            window = rng.choice([("2023-03-01", "2023-09-30"), ("2024-01-01", "2024-12-31")])
            params["date_from"], params["date_to"] = window
        if rng.random() < 0.15:
            params["reported_from" if rng.random() < 0.5 else "reported_to"] = rng.choice(["2023-06-01", "2024-02-02"])
        if rng.random() < 0.2:
            params["bbox"] = rng.choice(["60,30,80,40", "10,5,45,50"])
        if rng.random() < 0.3:
            params[rng.choice(["source", "q"])] = rng.choice(["outlet 1", "OUTLET", "gunmen", "mos", "ka"])
        if rng.random() < 0.2:
            params["actor"] = rng.sample(["gunmen", "state", "ELN", "bo"], rng.choice([1, 2]))
        if rng.random() < 0.3:
            params["role"] = rng.choice(["main", "main", "background"])
        if rng.random() < 0.2:
            params["dated"] = "true"
        if rng.random() < 0.15:
            params["min_killed"] = str(rng.choice([0, 3, 7]))
        body = corpus_client.get("/api/incidents", params=params).json()
        assert (body["total"], [item["id"] for item in body["items"]]) == _expected(rows, params), params


def test_search_index_is_filled_for_incidents_stored_before_it(api_url: str) -> None:
    """Downgrading below the search migration and upgrading again rebuilds the index from the stored incidents."""
    store = Store(api_url)
    migrate.run(store.engine, "downgrade", "0004_correction_undo")
    assert migrate.current_revision(store.engine) == "0004_correction_undo"
    store.close()
    with TestClient(create_app(db_url=api_url, settings=load_settings())) as client:
        assert [i["country"] for i in client.get("/api/incidents", params={"q": "mosul"}).json()["items"]] == ["IQ"]
        assert client.get("/api/incidents", params={"source": "outlet"}).json()["total"] == 2
        dated = {"source": "outlet", "date_from": "2024-05", "type": "bombing", "country": "AF"}
        assert client.get("/api/incidents", params=dated).json()["total"] == 1  # the links' copied columns


def test_searches_follow_corrected_types_and_dates_and_their_undo(client: TestClient, kabul_id: str) -> None:
    """A search combined with type, country or dates tests them on the search links (SQLite): corrections must
    reach the links, and so must their undo."""

    def found(**params: str) -> list[str]:
        return [item["id"] for item in client.get("/api/incidents", params={"q": "kabul", **params}).json()["items"]]

    assert found(type="bombing", date_from="2024-05", date_to="2024-05", country="af") == [kabul_id]
    made = client.post(f"/api/incidents/{kabul_id}/corrections",
                       json={"field": "type", "value": "arson", "who": "analyst", "why": "fire, not a bomb"})
    assert made.status_code == 201
    assert found(type="bombing") == [] and found(type="arson", date_from="2024-05-10") == [kabul_id]
    assert client.post(f"/api/corrections/{made.json()['id']}/undo").status_code in (200, 201)
    assert found(type="arson") == [] and found(type="bombing", date_to="2024-05-10") == [kabul_id]
    assert found(date_from="2024-05-11") == [] and found(date_to="2024-05-09") == []


LIST_PARAMETERS = {"type", "country", "admin1", "actor", "source", "q", "date_from", "date_to", "reported_from",
                   "reported_to", "min_killed", "dated", "bbox", "role"}


def test_openapi_documents_every_list_parameter_once(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    listed = [p["name"] for p in paths["/api/incidents"]["get"]["parameters"]]
    assert sorted(listed) == sorted(LIST_PARAMETERS | {"sort", "limit", "offset"})
    by_name = {p["name"]: p for p in paths["/api/incidents"]["get"]["parameters"]}
    # country's length is checked with its form by the check export shares (store.filters), after the schema's cap
    assert by_name["limit"]["schema"]["maximum"] == 500 and by_name["country"]["schema"]["items"]["maxLength"] == 200
    assert by_name["country"]["schema"]["type"] == "array" and by_name["country"]["in"] == "query"
    assert set(by_name["sort"]["schema"]["enum"]) == {"date", "-date", "killed", "-killed", "type", "country",
                                                      "reports", "-reports"}
    assert "alpha-2" in by_name["country"]["description"]
    weekly = {p["name"] for p in paths["/api/stats/weekly"]["get"]["parameters"]}
    assert weekly == LIST_PARAMETERS


def test_list_validation_errors_name_the_parameter(client: TestClient) -> None:
    response = client.get("/api/incidents", params={"limit": "many", "offset": "-3"})
    assert response.status_code == 422
    assert {tuple(error["loc"]) for error in response.json()["detail"]} == {("query", "limit"), ("query", "offset")}


@pytest.fixture(scope="module", params=BACKENDS, ids=["sqlite-file", "postgres"])
def spans_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The API over incidents dated by a day, a month or a year, some of them reaching across the others."""
    cities, kinds = sorted(CITIES), ("bombing", "armed_assault", "kidnapping", "raid")
    dates = ("2022", "2023", "2023-11", "2023-12-30", "2024", "2024-01", "2024-01-15", "2024-02", "2024-02-29",
             "2024-12-31", "2025-01")
    reports = [Document(text=incident_line(cities[n % 5], day, kinds[n % 4], n), id=f"s{n}")
               for n, day in enumerate(dates * 3)]
    with store_url_for(request.param, tmp_path_factory.mktemp("spans")) as url:
        seed(url, reports)
        with TestClient(create_app(db_url=url, settings=load_settings())) as opened:
            yield opened


def test_date_window_totals_count_incidents_that_start_before_and_reach_in(spans_client: TestClient) -> None:
    """Date windows without other filters are counted in two index ranges (starting within the window; dated by
    more than a day, starting before it and reaching in): the totals must be those of the plain condition."""
    rows = _stored(spans_client)
    bounds = ("2022-06", "2023-01-01", "2023-12", "2023-12-31", "2024-01-10", "2024-02", "2024-03", "2024-12-31",
              "2025")
    assert any(r["date_from"] and r["date_from"] < _first_day(start) <= r["date_to"] for r in rows
               for start in bounds), "the store must hold incidents that start before a window and reach into it"
    for first in bounds:
        for last in (None, *bounds):
            params = {"sort": "date", "limit": "50", "offset": "0", "date_from": first}
            if last:
                params["date_to"] = last
            body = spans_client.get("/api/incidents", params=params).json()
            expected = _expected(rows, {**params, "date_from": _first_day(first),
                                        **({"date_to": _last_day(last)} if last else {})})
            assert (body["total"], [item["id"] for item in body["items"]]) == expected, params


def _first_day(value: str) -> str:
    return parse_partial(value)[0].isoformat()


def _last_day(value: str) -> str:
    return parse_partial(value)[1].isoformat()


@pytest.mark.parametrize("backend", BACKENDS)
def test_incident_shows_each_target_and_responder_once_with_the_document_that_first_names_it(
    backend: str, tmp_path
) -> None:
    line = incident_line("Kabul", "2024-05-10", "bombing", 4)
    first, second = document_entry(line, "a"), document_entry(line + " Later.", "b", source="Other")
    first.report.incidents[0].targets = [Mention("a police checkpoint")]
    second.report.incidents[0].targets = [Mention("A police checkpoint"), Mention("a school bus")]
    second.report.incidents[0].responders = [Mention("paramedics")]
    with store_url_for(backend, tmp_path) as url:
        with Store(url) as store:
            store.write([first, second], resolver=Resolver(load_settings()))
        with TestClient(create_app(db_url=url, settings=load_settings())) as client:
            (item,) = client.get("/api/incidents").json()["items"]
            incident = client.get(f"/api/incidents/{item['id']}").json()["incident"]
    assert incident["targets"] == [{"text": "a police checkpoint", "document_id": "a"},
                                   {"text": "a school bus", "document_id": "b"}]
    assert incident["responders"] == [{"text": "paramedics", "document_id": "b"}]
    assert incident["role"] == "main" and incident["id"] == item["id"]
