"""The MUC-4 answer-key scorer on our own message in the key's shape (tests/fixtures/annotated) and hand-built
incidents: date intervals, locations, stage, confidence to relation, effects."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.errors import EvalError
from incidex.eval.muc4_keys import (
    CONFIDENCE_RELATIONS,
    date_ok,
    dateline_date,
    evaluate_muc4_keys,
    key_documents,
    key_interval,
    load_muc4_keys,
    location_parts,
)
from incidex.types import Relation

from .annotated_helpers import incident, run_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "annotated"


@pytest.fixture(scope="module")
def messages():
    return load_muc4_keys(FIXTURES / "muc4_keys_mini.jsonl", FIXTURES / "muc4_raw_mini.jsonl")


def test_messages_carry_their_raw_text_and_the_dateline_as_published(messages) -> None:
    first, second = messages
    assert first.published == "1990-03-14" and second.published is None  # "NO DATE"
    assert first.text.startswith("   LIMA, 14 MAR 90") and first.text.isupper()
    documents = key_documents(messages, lowercase=True)
    assert documents[0].text == first.text.lower() and documents[0].published == "1990-03-14"
    (template,) = first.templates
    assert template.types == ("BOMBING",) and template.organizations == ((("SHINING PATH",), ("CLAIMED OR ADMITTED",)),)
    assert template.effects == {"DEATH"}


def test_a_key_without_its_raw_text_is_an_eval_error(tmp_path: Path) -> None:
    empty = tmp_path / "raw.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(EvalError, match="no text for TST9-MUC9-0001"):
        load_muc4_keys(FIXTURES / "muc4_keys_mini.jsonl", empty)


@pytest.mark.parametrize(("dateline", "iso"), [
    ("LIMA, 10 JAN 90 (EFE)", "1990-01-10"), ("SAN SALVADOR, 3 JAN 90", "1990-01-03"),
    ("SAN SALVADOR, NO DATE (RADIO CADENA YSU)", None), ("BOGOTA, 31 FEB 90", None),
])
def test_dateline_dates(dateline: str, iso: str | None) -> None:
    assert dateline_date(dateline) == iso


@pytest.mark.parametrize(("value", "key", "ok"), [
    ("1990-02-17", "17 FEB 90", True), ("1990-02-18", "17 FEB 90", False),
    ("1990-02-18", "17 FEB 90 - 18 FEB 90", True), ("1990-02", "01 FEB 90 - 28 FEB 90", True),
    ("1990-02", "17 FEB 90", False), ("1990-02-01", "- 04 FEB 90", True), ("1990-02-05", "- 04 FEB 90", False),
    (None, "- 04 FEB 90", True), (None, "04 FEB 90", False), ("1990", "01 JAN 90 - 31 JAN 90", False),
])
def test_our_date_must_lie_inside_the_key_interval(value: str | None, key: str, ok: bool) -> None:
    assert date_ok(value, [key]) is ok


def test_key_intervals_and_locations_parse() -> None:
    assert key_interval("garbage") is None
    assert location_parts("COLOMBIA: URABA (REGION / CITY)") == ("COLOMBIA", [("URABA", frozenset({"REGION", "CITY"}))])
    country, places = location_parts("EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)")
    assert country == "EL SALVADOR" and [name for name, _ in places] == ["SAN SALVADOR", "ESCALON"]


def test_every_confidence_maps_to_relations_of_our_record() -> None:
    assert set(CONFIDENCE_RELATIONS) >= {"CLAIMED OR ADMITTED", "SUSPECTED OR ACCUSED", "REPORTED AS FACT",
                                         "SUSPECTED OR ACCUSED BY AUTHORITIES", "POSSIBLE"}
    for relations in CONFIDENCE_RELATIONS.values():
        assert relations <= set(Relation.__args__)


def score(messages, first, second):
    return evaluate_muc4_keys(messages, run_of([(d, i) for d, i in zip(key_documents(messages), (first, second),
                                                                          strict=True)]))


def counts(evaluation) -> dict[str, tuple[int, int]]:
    return {name: (c.n, c.correct) for name, c in evaluation.sections[0].tally.fields.items() if c.n}


def test_a_right_incident_scores_every_slot(messages) -> None:
    right = incident(type="bombing", date="1990-03-14", country="PE", name="Ayacucho", killed=3,
                     perpetrators=[("THE SHINING PATH", "Shining Path", "claimed")])
    result = counts(score(messages, [right], []))
    assert all(correct == n for n, correct in result.values()), result
    assert result["relation, where the key gives a confidence"] == (1, 1)
    assert result["no template: no main incident"] == (1, 1)
    assert result["stage: ACCOMPLISHED"] == (1, 1)
    assert result["date (upper bound only, where we give a date)"] == (1, 1)


def test_wrong_slots_are_filed_by_class(messages) -> None:
    wrong = incident(type="bombing", date=None, country="BO", name="La Paz", killed=None,
                     perpetrators=[("SHINING PATH", "Shining Path", "accused")])
    spurious = incident(type="armed_assault")
    evaluation = score(messages, [wrong], [spurious])
    result = counts(evaluation)
    assert result["date"] == (1, 1)  # "- 14 MAR 90": the text gives no date, and we give none
    assert "date (upper bound only, where we give a date)" not in result
    assert result["country"] == (1, 0) and result["city"] == (1, 0)
    assert result["relation, where the key gives a confidence"] == (1, 0)
    assert result["effect DEATH: killed > 0"] == (1, 0)
    assert result["no template: no main incident"] == (1, 0)
    errors = evaluation.sections[0].tally.errors
    assert errors["relation: CLAIMED OR ADMITTED → accused"] == 1
    assert errors["main incident in a message with no template"] == 1


def test_a_template_no_incident_agrees_with_is_not_found(messages) -> None:
    unrelated = incident(type="arrest", country="CO")
    evaluation = score(messages, [unrelated], [])
    result = counts(evaluation)
    assert result["template found"] == (1, 0)
    assert result["type"] == (1, 0)
    assert result["date"] == (1, 0)  # no date is right for "- 14 MAR 90" only when an incident says so
    assert sum(evaluation.sections[0].tally.errors.values()) == 1  # filed once, as "template not found"
