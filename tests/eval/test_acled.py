"""The ACLED scorer on our own ACLED-style rows (tests/fixtures/annotated/acled_mini.jsonl) and hand-built reports."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from incidex.errors import EvalError
from incidex.eval.acled import (
    OTHER_TITLE,
    VIOLENT_TITLE,
    acled_documents,
    actor_alternatives,
    admin1_match,
    evaluate_acled,
    load_acled,
    place_named,
)
from incidex.eval.acled_types import ACLED_TYPES, acled_category
from incidex.eval.names import same_group
from incidex.types import INCIDENT_TYPES, Location

from .annotated_helpers import incident, run_of

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "annotated" / "acled_mini.jsonl"

# The (event type, sub-event type) pairs of the ACLED schemas, as listed in ACLED's codebook and the data README.
CATEGORIES = [
    ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"), ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Grenade"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Explosions/Remote violence", "Suicide bomb"),
    ("Protests", "Excessive force against protesters"), ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"), ("Riots", "Mob violence"), ("Riots", "Violent demonstration"),
    ("Strategic developments", "Agreement"), ("Strategic developments", "Arrests"),
    ("Strategic developments", "Change to group/activity"), ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Headquarters or base established"),
    ("Strategic developments", "Looting/property destruction"),
    ("Strategic developments", "Non-violent transfer of territory"), ("Strategic developments", "Other"),
    ("Violence against civilians", "Abduction/forced disappearance"), ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Sexual violence"), ("Riots/Protests", None),
    ("Battle-No change of territory", None), ("Violence against civilians", None), ("Remote violence", None),
    ("Strategic development", None), ("Battle-Government regains territory", None),
    ("Non-violent transfer of territory", None), ("Violence Against Civilians", None),
    ("Battle-Non-state actors overtake territory", None),
]
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Violence Against Civilians",
                 "Remote violence", "Battle-No change of territory", "Battle-Government regains territory",
                 "Battle-Non-state actors overtake territory"}


@pytest.mark.parametrize(("event_type", "sub_event_type"), CATEGORIES)
def test_every_acled_category_maps_to_our_types_and_violence(event_type: str, sub_event_type: str | None) -> None:
    category = acled_category(event_type, sub_event_type)
    assert category.accepted <= set(INCIDENT_TYPES)
    assert category.violent == (event_type in VIOLENT_TYPES)


def test_the_mapping_names_the_types_an_analyst_expects() -> None:
    assert acled_category("Explosions/Remote violence", "Remote explosive/landmine/IED").accepted == {"bombing"}
    assert "kidnapping" in acled_category("Violence against civilians", "Abduction/forced disappearance").accepted
    assert acled_category("Strategic developments", "Arrests").accepted == {"arrest"}
    # violence against civilians is named by its target: an arson attack on civilians is one
    assert "arson" in acled_category("Violence against civilians", "Attack").accepted
    assert "arson" not in acled_category("Battles", "Armed clash").accepted
    assert not acled_category("Protests", "Peaceful protest").accepted  # no incident type: not scored on type
    assert len(ACLED_TYPES) == len(CATEGORIES) - 1  # the capitalisation variant folds into its twin


def test_an_unknown_category_is_an_error_not_a_guess() -> None:
    with pytest.raises(KeyError):
        acled_category("Battles", "Naval battle")


def test_rows_load_and_distinct_notes_become_one_document_each() -> None:
    rows = load_acled(FIXTURE)
    assert [row.id for row in rows] == [f"TST{n}" for n in range(1, 8)]
    documents = acled_documents(rows)
    assert [d.id for d in documents] == ["TST1", "TST2", "TST3", "TST4", "TST5", "TST6"]
    assert all(d.published is None for d in documents)  # the event date is never given away


def test_a_bad_file_is_an_eval_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "no other fields"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad.jsonl:1"):
        load_acled(path)
    with pytest.raises(EvalError, match="not found"):
        load_acled(tmp_path / "missing.jsonl")


def score(rows, incidents_by_id):
    documents = acled_documents(rows)
    return evaluate_acled(rows, run_of([(d, incidents_by_id.get(d.id, [])) for d in documents]))


def fields(evaluation, section: int = 0) -> dict[str, tuple[int, int]]:
    tally = evaluation.sections[section].tally
    return {name: (c.n, c.correct) for name, c in tally.fields.items() if c.n}


def test_a_fully_right_incident_scores_every_field() -> None:
    rows = load_acled(FIXTURE)[:1]
    right = incident(type="clash", date="2021-03-03", country="KE", admin1="Mandera", name="Mandera", lat=3.94,
                     lon=41.86, killed=3, perpetrators=[("Al Shabaab militants", "al-Shabaab", "suspected")])
    evaluation = score(rows, {"TST1": [right]})
    assert evaluation.sections[0].title == VIOLENT_TITLE
    assert all(correct == n == 1 for n, correct in fields(evaluation).values()), fields(evaluation)
    assert "point within 5 km, geo_precision 1" in fields(evaluation)
    assert not evaluation.records and not evaluation.sections[1].tally.fields["incident found"].n


def test_misses_are_counted_and_filed_by_class() -> None:
    rows = load_acled(FIXTURE)[:2]
    wrong = incident(type="riot", date="2021-03-05", country="ET", admin1="Somali", name="Dolo", lat=4.18,
                     lon=42.07, killed=None, perpetrators=[("gunmen", None, None)])
    evaluation = score(rows, {"TST1": [wrong], "TST2": []})
    counts = fields(evaluation)
    assert counts["incident found"] == (2, 1)
    assert counts["type"] == (2, 0) and counts["country"] == (2, 0)
    assert counts["point within 100 km"] == (2, 1)  # Dolo is about 40 km from Mandera
    assert counts["point within 5 km"] == (2, 0)
    assert counts["actor1 named"] == (1, 0)  # TST2's actor is unidentified: not scored
    assert counts["fatalities exact (our null = 0)"] == (2, 0)
    errors = evaluation.sections[0].tally.errors
    assert errors["no main incident"] == 1
    assert errors["type: Battles / Armed clash → riot"] == 1
    assert errors["country: wrong"] == 1  # the row without an incident is filed once, under "no main incident"
    assert errors["fatalities: none found (ACLED > 0)"] == 1
    assert errors["actor1: perpetrators without a canonical name"] == 1
    record = next(r for r in evaluation.records if r["id"] == "TST1")
    assert "country: wrong" in record["errors"] and record["ours"]["country_code"] == "ET"
    assert record["split"] in {"tune", "check"}


def test_a_row_without_an_incident_is_wrong_even_where_acled_codes_no_deaths() -> None:
    rows = [row for row in load_acled(FIXTURE) if row.id == "TST4"]
    evaluation = score(rows, {"TST4": []})
    assert fields(evaluation, 1)["fatalities exact (our null = 0)"] == (1, 0)
    assert sum(evaluation.sections[1].tally.errors.values()) == 1


def test_fatalities_leave_out_coding_notes_and_shared_notes_and_null_counts_as_zero() -> None:
    rows = load_acled(FIXTURE)
    found = {row.id: [incident(type="armed_assault", killed=None)] for row in rows}
    evaluation = score(rows, found)
    violent, other = fields(evaluation, 0), fields(evaluation, 1)
    # TST1, TST2, TST5 are scored; TST3 speaks of ACLED's coding; TST6/TST7 share one note
    assert violent["fatalities exact (our null = 0)"] == (3, 0)
    assert violent["fatalities exact, ACLED > 0"] == (3, 0)
    assert other["fatalities exact (our null = 0)"] == (1, 1)  # the protest: ACLED 0, ours null
    assert evaluation.sections[1].title == OTHER_TITLE
    assert violent["incident found"] == (6, 6)
    assert "type" not in other  # a peaceful protest has no incident type


@pytest.mark.parametrize("coding", ["Deaths are split between the two days here.",
                                    "The fatalities were distributed over three events."])
def test_fatalities_leave_out_notes_whose_deaths_the_coder_split_over_events(coding: str) -> None:
    rows = load_acled(FIXTURE)
    split = replace(rows[0], id="TST8", text=f"{rows[0].text} {coding}")
    evaluation = score([rows[0], split], {"TST1": [incident(killed=3)], "TST8": [incident(killed=3)]})
    assert fields(evaluation)["fatalities exact (our null = 0)"] == (1, 1)  # TST1 alone


def test_admin1_compares_gazetteer_codes_then_names() -> None:
    assert admin1_match(Location(admin1="Mandera", country_code="KE"), "Mandera", "KE")
    assert not admin1_match(Location(admin1="Borno", country_code="NG"), "Mandera", "KE")
    assert admin1_match(Location(admin1="Banadir Region", country_code="SO"), "Banadir", "SO")  # by name
    assert not admin1_match(Location(country_code="SO"), "Banadir", "SO")
    # one region under two spellings: our record's ISO 3166-2 code against the code of ACLED's name
    assert admin1_match(Location(admin1="Jubbada Hoose", admin1_code="SO-JH", country_code="SO"), "Lower Juba", "SO")
    assert not admin1_match(Location(admin1="Gedo", admin1_code="SO-GE", country_code="SO"), "Lower Juba", "SO")


def test_named_actors_and_their_alternatives() -> None:
    assert actor_alternatives("Unidentified Armed Group (Kenya)") is None
    assert actor_alternatives("Military Forces of Kenya (2013-2022)") is None
    assert actor_alternatives("Protesters (Ghana)") is None
    assert actor_alternatives("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)") == [
        "JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)"]
    assert same_group("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM: Group for Support of Islam and Muslims")
    assert same_group("al-Shabaab", "Al Shabaab")
    assert not same_group("Islamic State", "Islamic State (Greater Sahara)")  # the parent is not the group
    assert same_group("Vigilante Group", "Vigilante Group (India)")


def test_identity_militias_match_on_the_identity_named() -> None:
    rows = load_acled(FIXTURE)[:1]
    row = rows[0].__class__(**{**rows[0].__dict__, "actor1": "Pokot Ethnic Militia (Kenya)"})
    evaluation = score([row], {"TST1": [incident(perpetrators=[("Pokot raiders", None, None)])]})
    assert fields(evaluation)["actor1 named: identity militia"] == (1, 1)


def test_what_the_note_names_of_acleds_place() -> None:
    rows = {row.id: row for row in load_acled(FIXTURE)}
    assert place_named(rows["TST1"]) == "the location"
    assert place_named(rows["TST6"]) == "a unit containing it"  # "Est region", not Fada N'gourma

    def note(text: str, **place: str | None) -> str:
        return place_named(replace(rows["TST1"], text=text, **place))

    assert note("Gunmen shot two herders near Mandéra.") == "the location"  # accents and case folded
    district = note("Gunmen shot two herders in Lafey district.", location="Elwak", admin2="Lafey")
    assert district == "a unit containing it"
    assert note("Gunmen shot two herders in northern Kenya.", location="Elwak") == "only the country"
    assert note("Gunmen shot two herders at a well.") == "no place of ACLED's"
    assert note("Gunmen from Manderaville shot two herders.") == "no place of ACLED's"  # whole words only


def test_points_and_countries_are_also_scored_by_what_the_note_names() -> None:
    rows = load_acled(FIXTURE)
    unnamed = replace(rows[0], id="TST8", text="Gunmen shot two herders at a well, killing 3.")
    right = incident(type="clash", country="KE", name="Mandera", lat=3.94, lon=41.86, killed=3)
    evaluation = score([rows[0], unnamed], {"TST1": [right], "TST8": [incident(type="clash", killed=3)]})
    counts = fields(evaluation)
    assert counts["point within 100 km, the note names the location"] == (1, 1)
    assert counts["point within 25 km, the note names the location"] == (1, 1)
    assert counts["point within 100 km"] == (2, 1)
    assert counts["country, the note names no place of ACLED's"] == (1, 0)  # TST8 names no place; we gave none
    named = next(note for note in evaluation.notes if note.startswith("What the notes name"))
    assert "the location: 1 (50.0 %)" in named and "no place of ACLED's: 1 (50.0 %)" in named
    record = next(r for r in evaluation.records if r["id"] == "TST8")
    assert record["note_names"] == "no place of ACLED's"
