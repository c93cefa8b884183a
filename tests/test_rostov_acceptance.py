"""Acceptance: the canonical Rostov-on-Don report yields what rostov_expected.json asks for, and nothing it forbids."""

from __future__ import annotations

import json
import math

import pytest

from incidex.schema import validate_report

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def case(extract, shared_file):
    expected = json.loads(shared_file("seed", "rostov_expected.json").read_text(encoding="utf-8"))
    text = shared_file("seed", expected["document"]).read_text(encoding="utf-8")
    report = extract(text, published=expected["published"])
    return expected, report, text


def test_output_follows_the_record_contract(case) -> None:
    _, report, text = case
    validate_report(report.to_dict())
    for incident in report.incidents:
        for evidence in incident.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


def test_main_incident(case) -> None:
    expected, report, _ = case
    want = expected["incidents"][0]
    mains = [i for i in report.incidents if i.role == "main"]
    assert len(mains) == 1
    main = mains[0]
    assert main.type == want["type"]
    assert (main.date.value, main.date.precision) == (want["date"]["value"], want["date"]["precision"])
    assert main.date.text == want["date"]["text"]
    loc, want_loc = main.location, want["location"]
    assert loc.name == want_loc["place"]
    assert loc.country_code == want_loc["country_iso2"]
    assert loc.admin1 and loc.admin1.split()[0] in want_loc["admin1"]
    assert km(loc.lat, loc.lon, want_loc["lat"], want_loc["lon"]) <= want_loc["tolerance_km"]
    assert loc.facility == want_loc["facility"]


def test_main_incident_actors(case) -> None:
    expected, report, _ = case
    want = expected["incidents"][0]
    main = next(i for i in report.incidents if i.role == "main")
    people = [p for p in main.perpetrators if p.kind == "individual"]
    assert [p.count for p in people] == [want["perpetrators"]["individuals"]["count"]]
    orgs = {p.name: p.relation for p in main.perpetrators if p.kind == "organization"}
    assert set(orgs) == {o["name"] for o in want["perpetrators"]["organizations"]}
    assert orgs["Islamic State"] in {"linked", "accused"}
    assert [v.count for v in main.victims] == [want["victims"][0]["count"]]
    status = main.victims[0].status or ""
    assert "hostage" in status and "released" in status
    assert any("special forces" in r.text for r in main.responders)
    assert sorted(w.text.lower() for w in main.weapons) == sorted(want["weapons"])


def test_main_incident_casualties(case) -> None:
    expected, report, _ = case
    want = expected["incidents"][0]["casualties"]
    cas = next(i for i in report.incidents if i.role == "main").casualties
    assert cas.killed.total == want["killed"]["total"]
    assert cas.killed.perpetrators == want["killed"]["perpetrators"]
    assert cas.killed.victims == want["killed"]["victims"]
    assert cas.injured.total == want["injured"]["total"]
    assert cas.hostages_taken == want["hostages"]["taken"]
    assert cas.hostages_released == want["hostages"]["released"]


def test_main_incident_sources(case) -> None:
    expected, report, _ = case
    main = next(i for i in report.incidents if i.role == "main")
    found = {(s.name, s.kind) for s in main.sources}
    for want in expected["incidents"][0]["sources"]:
        assert (want["name"], want["kind"]) in found, f"missing source {want['name']}"
    fsin = next(s for s in main.sources if s.kind == "official")
    claims = " ".join(c.text for c in fsin.claims)
    assert "eliminated" in claims and "uninjured" in claims
    telegram = next(s for s in main.sources if s.name.startswith("112"))
    assert len(telegram.claims) == 2


def test_background_incidents(case) -> None:
    expected, report, _ = case
    background = [i for i in report.incidents if i.role == "background"]
    assert len(background) == 2
    attack, arrest = background
    want_attack, want_arrest = expected["incidents"][1], expected["incidents"][2]
    assert attack.type == want_attack["type"]
    want_date = want_attack["date"]
    assert (attack.date.value, attack.date.precision) == (want_date["value"], want_date["precision"])
    assert attack.casualties.killed.total == want_attack["casualties"]["killed"]["total"]
    assert attack.location.country_code == want_attack["location"]["country_iso2"]
    assert ("Islamic State Khorasan", "claimed") in {(p.name, p.relation) for p in attack.perpetrators}
    assert arrest.type == "arrest"
    want_date = want_arrest["date"]
    assert (arrest.date.value, arrest.date.precision) == (want_date["value"], want_date["precision"])
    assert arrest.casualties.arrested == want_arrest["count"]
    assert arrest.location.country_code == want_arrest["location"]["country_iso2"]
    assert arrest.location.precision == want_arrest["location"]["precision"]
    assert arrest.location.name == want_arrest["location"]["place"]


def test_nothing_the_expected_file_forbids(case) -> None:
    _, report, _ = case
    main = next(i for i in report.incidents if i.role == "main")
    assert all(f.value != 145 for f in main.figures), "the 145 deaths leaked into the Rostov-on-Don incident"
    assert main.location.country_code not in {"IQ", "SY", "IR", "TM", "AF"}
    assert all(p.relation != "claimed" for p in main.perpetrators if p.name == "Islamic State")
    assert all(i.location.country_code not in {"IQ", "SY"} for i in report.incidents), "the defeat became an incident"
