"""The field scorer on hand-made predicted/gold pairs."""

from __future__ import annotations

from typing import Any

import pytest

from incidex.eval.fields import (
    FIELDS,
    Score,
    align,
    names_match,
    place_match,
    score_report,
    score_reports,
)
from incidex.eval.gold import parse_gold
from incidex.types import (
    DateValue,
    DocumentInfo,
    Incident,
    Location,
    Mention,
    Perpetrator,
    Report,
    Source,
    Victim,
)

BOMBING_GOLD: dict[str, Any] = {
    "role": "main",
    "type": "bombing",
    "date": {"value": "2024-03-16", "precision": "day"},
    "location": {
        "name": "Mogadishu",
        "country_code": "SO",
        "admin1": ["Banaadir", "Banadir"],
        "lat": 2.037,
        "lon": 45.344,
        "tolerance_km": 20,
        "precision": "city",
    },
    "perpetrators": [
        {"name": ["al-Shabaab", "al Shabaab"], "kind": "organization", "relation": "claimed"},
        {"name": None, "kind": "individual", "count": 2},
    ],
    "victims": [{"count": 12}],
    "weapons": ["car bomb"],
    "casualties": {"killed": {"total": [12, 15], "perpetrators": 2}, "injured": {"total": 41}},
    "sources": [{"name": "police spokesman Abdirahman Nur Hassan", "kind": "official"}],
}
KIDNAP_GOLD: dict[str, Any] = {
    "role": "background",
    "type": "kidnapping",
    "date": {"value": "2014-04", "precision": "month"},
    "location": {"name": "Chibok", "country_code": "NG", "lat": 10.87, "lon": 12.85},
    "casualties": {"hostages_taken": 276},
}


def gold_report(*incidents: dict[str, Any], must_not: list[dict[str, Any]] | None = None):
    return parse_gold({"incidents": list(incidents), "must_not": must_not or []}, name="case", text="")


def bombing(**changes: Any) -> Incident:
    """A prediction that agrees with BOMBING_GOLD in every field; ``changes`` replace attributes."""
    incident = Incident(
        id="p1",
        role="main",
        type="bombing",
        date=DateValue(value="2024-03-16", precision="day", text="on Saturday"),
        location=Location(name="Mogadishu", country_code="SO", admin1="Banadir", lat=2.04, lon=45.34, precision="city"),
        perpetrators=[
            Perpetrator(text="Al-Shabaab", name="Al-Shabaab", kind="organization", relation="claimed"),
            Perpetrator(text="two gunmen", name=None, kind="individual", count=2),
        ],
        victims=[Victim(text="12 people", count=12)],
        weapons=[Mention(text="a car bomb")],
        sources=[Source(name="police spokesman Abdirahman Nur Hassan", kind="official")],
    )
    incident.casualties.set("killed.total", 15)
    incident.casualties.set("killed.perpetrators", 2)
    incident.casualties.set("injured.total", 41)
    for key, value in changes.items():
        setattr(incident, key, value)
    return incident


def kidnapping() -> Incident:
    incident = Incident(
        id="p2",
        role="background",
        type="kidnapping",
        date=DateValue(value="2014-04", precision="month", text="in April 2014"),
        location=Location(name="Chibok", country_code="NG", lat=10.87, lon=12.85),
    )
    incident.casualties.set("hostages_taken", 276)
    return incident


def report(*incidents: Incident) -> Report:
    return Report(document=DocumentInfo(published="2024-03-17", source=None, chars=0), incidents=list(incidents))


def counts(score: Score, name: str) -> tuple[int, int, int]:
    c = score.counts[name]
    return c.correct, c.predicted, c.expected


def test_perfect_prediction_scores_one_on_every_assessed_field():
    score = score_report(report(bombing(), kidnapping()), gold_report(BOMBING_GOLD, KIDNAP_GOLD))
    f1 = score.f1()
    assert f1 and all(value == 1.0 for value in f1.values()), f1
    assert counts(score, "incidents") == (2, 2, 2)
    assert counts(score, "casualties.killed.total") == (1, 1, 1)
    assert counts(score, "casualties.hostages_taken") == (1, 1, 1)


def test_empty_prediction_has_full_recall_loss_and_no_false_positive():
    score = score_report(report(), gold_report(BOMBING_GOLD))
    assert counts(score, "incidents") == (0, 0, 1)
    assert counts(score, "perpetrators.name") == (0, 0, 1)
    assert counts(score, "casualties.injured.total") == (0, 0, 1)
    assert score.f1()["type"] == 0.0


def test_spurious_incident_costs_precision_of_every_filled_field():
    score = score_report(report(bombing(), kidnapping()), gold_report(BOMBING_GOLD))
    assert counts(score, "incidents") == (1, 2, 1)
    assert counts(score, "casualties.hostages_taken") == (0, 1, 0)
    assert counts(score, "date.value") == (1, 2, 1)
    assert score.counts["type"].precision == 0.5


def test_missing_incident_costs_recall_only():
    score = score_report(report(bombing()), gold_report(BOMBING_GOLD, KIDNAP_GOLD))
    assert counts(score, "incidents") == (1, 1, 2)
    assert counts(score, "casualties.hostages_taken") == (0, 0, 1)
    assert score.counts["date.value"].precision == 1.0


def test_incidents_in_swapped_order_align_to_the_right_gold():
    gold = gold_report(BOMBING_GOLD, KIDNAP_GOLD)
    assert align([kidnapping(), bombing()], gold.incidents) == [(0, 1), (1, 0)]
    swapped = score_report(report(kidnapping(), bombing()), gold)
    assert all(value == 1.0 for value in swapped.f1().values())


def test_wrong_values_are_counted_field_by_field():
    wrong = bombing(
        type="armed_assault",
        date=DateValue(value="2024-03-15", precision="day", text="on Friday"),
        perpetrators=[Perpetrator(text="Boko Haram", name="Boko Haram", kind="organization", relation="claimed")],
        weapons=[Mention(text="rifles")],
    )
    wrong.casualties.set("killed.total", 190)
    wrong.casualties.set("hostages_released", 3)
    score = score_report(report(wrong), gold_report(BOMBING_GOLD))
    assert counts(score, "incidents") == (1, 1, 1)  # place and figures still tie it to the bombing
    assert counts(score, "type") == (0, 1, 1)
    assert counts(score, "date.value") == (0, 1, 1)
    assert counts(score, "date.precision") == (1, 1, 1)
    assert counts(score, "casualties.killed.total") == (0, 1, 1)
    assert counts(score, "casualties.hostages_released") == (0, 1, 0)  # asserted null, predicted 3
    assert counts(score, "perpetrators.name") == (0, 1, 1)
    assert counts(score, "perpetrators.relation") == (0, 1, 1)
    assert counts(score, "weapons") == (0, 1, 1)
    assert counts(score, "location.country_code") == (1, 1, 1)


def test_alternative_values_and_optional_fields():
    gold = dict(BOMBING_GOLD, casualties={"killed": {"total": [12, 15]}, "arrested": [0, None]})
    twelve = bombing()
    twelve.casualties.set("killed.total", 12)
    score = score_report(report(twelve), gold_report(gold))
    assert counts(score, "casualties.killed.total") == (1, 1, 1)
    assert counts(score, "casualties.arrested") == (0, 0, 0)  # optional and left empty
    zero = bombing()
    zero.casualties.set("arrested", 0)
    assert counts(score_report(report(zero), gold_report(gold)), "casualties.arrested") == (1, 1, 1)


def test_counts_match_one_to_one_against_accepted_values():
    gold = dict(BOMBING_GOLD, victims=[{"count": [10, 12]}, {"count": 3}])
    pred = bombing(victims=[Victim(text="12 people", count=12), Victim(text="ten", count=10)])
    assert counts(score_report(report(pred), gold_report(gold)), "victims.count") == (1, 2, 2)
    both = bombing(victims=[Victim(text="12 people", count=12), Victim(text="three", count=3)])
    assert counts(score_report(report(both), gold_report(gold)), "victims.count") == (2, 2, 2)


def test_absent_keys_are_not_assessed():
    sparse = {"role": "main", "type": "bombing"}
    score = score_report(report(bombing()), gold_report(sparse))
    assert counts(score, "type") == (1, 1, 1)
    for name in ("date.value", "location.name", "weapons", "sources.name", "casualties.killed.total"):
        assert counts(score, name) == (0, 0, 0), name


def test_location_distance_uses_tolerance():
    near = bombing(location=Location(name="Mogadishu", country_code="SO", lat=2.1, lon=45.3))
    far = bombing(location=Location(name="Mogadishu", country_code="SO", lat=4.0, lon=45.3))
    assert counts(score_report(report(near), gold_report(BOMBING_GOLD)), "location.distance") == (1, 1, 1)
    assert counts(score_report(report(far), gold_report(BOMBING_GOLD)), "location.distance") == (0, 1, 1)


def test_background_incident_in_another_country_does_not_align():
    elsewhere = kidnapping()
    elsewhere.type = "bombing"
    elsewhere.location = Location(name="Chibok", country_code="NG", lat=10.87, lon=12.85)
    elsewhere.date = DateValue(value="2014-04", precision="month", text="in April 2014")
    assert align([elsewhere], gold_report(BOMBING_GOLD).incidents) == []


def test_must_not_flags_figures_attached_to_the_wrong_incident():
    must_not = [
        {"incident": 0, "field": "casualties.*", "equals": 276, "why": "276 is the Chibok figure"},
        {"incident": 0, "perpetrator": "al-Shabaab", "relation": "accused", "why": "al-Shabaab claimed it"},
    ]
    polluted = bombing()
    polluted.casualties.set("hostages_taken", 276)
    score = score_report(report(polluted), gold_report(BOMBING_GOLD, must_not=must_not))
    assert counts(score, "must_not") == (1, 2, 2)
    assert score.violations == ["case: 276 is the Chibok figure"]


def test_no_incident_report_penalizes_any_prediction():
    gold = gold_report(must_not=[{"incident": "any", "field": "*", "why": "no incident"}])
    clean = score_report(report(), gold)
    assert counts(clean, "incidents") == (0, 0, 0) and counts(clean, "must_not") == (1, 1, 1)
    noisy = score_report(report(bombing()), gold)
    assert counts(noisy, "incidents") == (0, 1, 0)
    assert noisy.counts["incidents"].f1 == 0.0 and noisy.violations


def test_optional_gold_incident_is_not_a_miss():
    optional = dict(KIDNAP_GOLD, optional=True)
    score = score_report(report(bombing()), gold_report(BOMBING_GOLD, optional))
    assert counts(score, "incidents") == (1, 1, 1)
    found = score_report(report(bombing(), kidnapping()), gold_report(BOMBING_GOLD, optional))
    assert counts(found, "incidents") == (2, 2, 2)


def test_scores_add_up_over_reports_and_table_lists_fields():
    gold = gold_report(BOMBING_GOLD)
    total = score_reports([(report(bombing()), gold), (report(), gold)])
    assert total.reports == 2
    assert counts(total, "incidents") == (1, 1, 2)
    table = total.table()
    assert "casualties.killed.total" in table and "0.67" in table
    assert set(total.counts) == set(FIELDS)


@pytest.mark.parametrize(
    ("name", "accepted", "threshold", "expected"),
    [
        ("Al-Shabaab", ["al Shabaab"], 0.85, True),
        ("Islamic State group", ["Islamic State"], 0.85, True),
        ("Islamic State", ["Islamic State Khorasan Province"], 0.85, False),
        ("Bogotá", ["Bogota"], 0.8, True),
        ("health ministry", ["interior ministry"], 0.85, False),
    ],
)
def test_names_match_by_normalized_tokens(name, accepted, threshold, expected):
    assert bool(names_match(name, accepted, threshold=threshold)) is expected


@pytest.mark.parametrize(
    ("value", "accepted", "expected"),
    [
        ("Diyala Governorate", "Diyala", True),
        ("Municipalidad Metropolitana de Lima", "Lima", True),
        ("Nangarhār", "Nangarhar", True),
        ("Kirkuk", "Diyala", False),
        ("Santiago de Surco", "Surco", False),
    ],
)
def test_place_names_ignore_generic_words_and_accents(value, accepted, expected):
    assert place_match(value, accepted) is expected


def test_sources_match_on_contained_names():
    pred = bombing(
        sources=[Source(name="Abdirahman Nur Hassan", kind="official"), Source(name="health ministry", kind="official")]
    )
    score = score_report(report(pred), gold_report(BOMBING_GOLD))
    assert counts(score, "sources.name") == (1, 2, 1)
    assert counts(score, "sources.kind") == (1, 2, 1)

