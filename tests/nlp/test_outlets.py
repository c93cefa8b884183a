"""The outlet as context: a national outlet's home country places the stories whose text names no country, and
breaks ties between same-named places; the text always wins. Sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import spacy

from incidex.batch import extract_text
from incidex.config import Settings
from incidex.nlp.actors import actor_countries
from incidex.nlp.group_homes import actor_home, community_homes, group_homes, shared_home
from incidex.nlp.lexicons import phrases
from incidex.nlp.outlets import home_country, outlet_countries, outlet_country, outlet_key
from incidex.nlp.places import army_country
from incidex.schema import validate_report
from incidex.types import Evidence, Incident

from cli.cli_helpers import run_incidex

UNPLACED = "Police beat villagers after an explosion on Sunday night."


def test_names_are_folded_for_lookup() -> None:
    assert outlet_key("The Daily Star (Bangladesh)") == "daily star bangladesh"
    assert outlet_key("L’Observateur Paalga") == outlet_key("L'Observateur Paalga") == "lobservateur paalga"
    assert outlet_key("Mail & Guardian") == "mail and guardian"
    assert outlet_key("www.Tuko.co.ke") == "tuko co ke"


def test_a_national_outlet_has_its_home_country_and_an_international_one_none() -> None:
    assert home_country("Daily Nation") == "KE"
    assert home_country("the daily graphic") == "GH"
    assert home_country("Prothom Alo") == "BD"
    assert home_country("Reuters") is None and home_country("AFP") is None
    assert home_country("A Weekly We Never Heard Of") is None


def test_other_names_and_national_outlets_of_version_2() -> None:
    assert home_country("Kenya Standard") == "KE"  # another name of The Standard (Kenya)
    assert home_country("Citi News") == "GH" and home_country("ekantipur.com") == "NP"
    assert home_country("Infowakat") == "BF" and home_country("Aujourd'hui au Faso") == "BF"
    assert home_country("Ayin Network") == "SD" and home_country("Kashmir Monitor") == "IN"


def test_a_country_in_parentheses_names_the_home_of_an_outlet_we_do_not_list() -> None:
    assert home_country("The Evening Herald (Ghana)") == "GH"
    assert home_country("Morning Post (Ivory Coast)") == "CI"
    assert home_country("BBC (Kenya)") is None  # an international outlet stays one
    assert home_country("Morning Post (Weekend Edition)") is None


def test_a_list_of_outlets_gives_the_country_most_of_its_national_outlets_name() -> None:
    found = outlet_country("AFP; Daily Nation; The Star (Kenya); Daily Monitor")
    assert found is not None and (found.code, found.outlets) == ("KE", ("Daily Nation", "The Star (Kenya)"))
    assert outlet_country("Daily Nation; Daily Monitor") is None  # a tie: no country
    assert outlet_country("Reuters; AP") is None
    assert outlet_country("") is None and outlet_country(None) is None


def test_every_lexicon_row_has_a_source_and_no_name_has_two_countries() -> None:
    rows = [row.split("\t") for row in phrases("outlets")]
    assert len(rows) > 500 and all(len(row) == 4 and row[3].startswith("https://") for row in rows)
    assert len(outlet_countries()) > len(rows)  # the other names count too (a duplicate would have raised)


def _main(text: str, source: str | None, settings: Settings) -> Incident:
    report = extract_text(text, source=source, settings=settings)
    validate_report(report.to_dict())
    return next(incident for incident in report.incidents if incident.role == "main")


def _unstated_country(incident: Incident) -> tuple[str | None, Evidence]:
    """The country an incident took where its text states none (marked uncertain) and its one piece of evidence."""
    assert incident.location.uncertain is True
    [evidence] = [e for e in incident.evidence if e.field == "location.country_code"]
    return incident.location.country_code, evidence


@pytest.mark.slow
def test_an_unlocated_story_takes_its_national_outlets_country_with_the_outlet_as_evidence(settings) -> None:
    incident = _main(UNPLACED, "Daily Nation", settings)
    code, evidence = _unstated_country(incident)
    assert code == "KE"
    assert (incident.location.lat, incident.location.name) == (None, None)  # a country moves no point
    assert (evidence.text, evidence.start, evidence.end, evidence.component) == (
        "Daily Nation", None, None, "incidex_places_v1")
    assert _main(UNPLACED, None, settings).location.country_code is None
    assert _main(UNPLACED, "Reuters", settings).location.country_code is None


@pytest.mark.slow
def test_the_text_wins_over_the_outlet(settings) -> None:
    incident = _main("Police beat villagers after an explosion in Kampala on Sunday night.", "Daily Nation",
                     settings)
    assert incident.location.country_code == "UG"
    assert all(e.start is not None for e in incident.evidence)
    stated = _main("Police beat villagers after an explosion on Sunday night, Ugandan police said.",
                   "Daily Nation", settings)
    assert stated.location.country_code != "KE"


@pytest.mark.slow
def test_the_outlet_breaks_a_tie_between_same_named_places(settings) -> None:
    text = "Gunmen shot dead a shopkeeper in Hyderabad on Tuesday."
    assert _main(text, "Dawn", settings).location.country_code == "PK"
    assert _main(text, "The Times of India", settings).location.country_code == "IN"


@pytest.mark.slow
def test_incidex_extract_reads_the_outlet_from_a_jsonl_source_field(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in (
        {"id": "kenyan", "text": UNPLACED, "source": "The Star (Kenya)"},
        {"id": "wire", "text": UNPLACED, "source": "Reuters"})) + "\n", encoding="utf-8")
    result: subprocess.CompletedProcess[str] = run_incidex("extract", path, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    kenyan, wire = (json.loads(line)["report"] for line in result.stdout.splitlines())
    [incident] = [i for i in kenyan["incidents"] if i["role"] == "main"]
    assert incident["location"]["country_code"] == "KE"
    assert {"field": "location.country_code", "text": "The Star (Kenya)", "start": None, "end": None,
            "component": "incidex_places_v1"} in incident["evidence"]
    assert all(i["location"]["country_code"] is None for i in wire["incidents"])


@pytest.mark.slow
def test_a_national_outlets_unknown_village_is_no_small_town_abroad(settings) -> None:
    text = "Gunmen shot two herders near Kiunga on Friday."
    assert _main(text, None, settings).location.country_code == "PG"  # the gazetteer knows only the town there
    kenyan = _main(text, "The Star (Kenya)", settings).location
    assert (kenyan.name, kenyan.country_code, kenyan.lat, kenyan.uncertain) == ("Kiunga", "KE", None, True)
    pointed = _main("Police in Papua New Guinea said gunmen shot two herders near Kiunga on Friday.",
                    "The Star (Kenya)", settings).location
    assert pointed.country_code == "PG" and pointed.lat is not None  # the text points there: it may be read


@pytest.mark.slow
def test_two_groups_clashing_in_a_village_we_lack_are_named_after_it(settings) -> None:
    text = "Two groups of villagers clashed over a disputed farm at Nyamokoro village, leaving one man dead."
    for source in ("Daily Nation", None):  # the text calls it a village, so no country is needed to name its side
        [side] = _main(text, source, settings).perpetrators
        assert side.name == "Nyamokoro Communal Militia"
    bare = "Two groups of villagers clashed at Nyamokoro, leaving one man dead."
    assert _main(bare, None, settings).perpetrators == []  # a name we cannot place, not called a village: no one


@pytest.mark.slow
def test_a_group_that_acts_in_one_country_places_an_incident_the_text_puts_nowhere(settings) -> None:
    text = "Mungiki members hacked a matatu driver to death on Sunday."
    incident = _main(text, None, settings)
    code, evidence = _unstated_country(incident)
    assert code == "KE"
    assert (evidence.text, evidence.component) == ("Mungiki", "incidex_actors_v1")
    assert _main("Mungiki members hacked a matatu driver to death in Kampala on Sunday night.", None,
                 settings).location.country_code == "UG"  # the text wins


@pytest.mark.slow
def test_a_named_army_places_an_incident_only_when_nothing_else_does(settings) -> None:
    text = "The Burkinabe army clashed with militants on Sunday, killing six of them."
    incident = _main(text, None, settings)
    code, evidence = _unstated_country(incident)
    assert code == "BF"
    assert (evidence.text, evidence.start, evidence.component) == ("Burkinabe", 4, "incidex_places_v1")
    assert _main("South Sudanese troops clashed with rebels.", None, settings).location.country_code == "SS"
    assert _main(text, "Daily Nation", settings).location.country_code == "KE"  # armies fight abroad: outlet first
    assert _main("The Burkinabe army clashed with militants in northern Mali on Sunday.", None,
                 settings).location.country_code == "ML"  # the text's place wins
    assert _main("A Burkinabe trader was shot dead on Sunday.", None, settings).location.country_code is None


def test_army_country_reads_the_first_nationality_word_before_an_army() -> None:
    nlp = spacy.blank("en")
    assert army_country(nlp("An Australian couple saw Kenyan security forces and Ethiopian troops.")) == ("KE", 25, 31)
    assert army_country(nlp("Clashes between South Sudanese soldiers and rebels.")) == ("SS", 16, 30)
    assert army_country(nlp("Kenyan police arrested two men.")) is None  # a home force states the text's country


def test_every_group_home_is_an_alias_table_group_with_a_source() -> None:
    rows = [row.split("\t") for row in phrases("group_homes")]
    assert rows and all(len(row) == 2 and row[1].startswith("https://") for row in rows)
    homes = group_homes()
    assert set(homes) == {row[0] for row in rows}
    assert all(homes[name] == actor_countries()[name][0] for name in homes)
    assert homes["Mungiki"] == "KE" and "al-Shabaab" not in homes


def test_every_community_home_has_countries_and_a_source() -> None:
    rows = [row.split("\t") for row in phrases("community_homes")]
    assert rows and all(len(row) == 3 and row[2].startswith("https://en.wikipedia.org/") for row in rows)
    assert set(community_homes()) == {name.lower() for row in rows for name in row[0].split("|")}
    assert community_homes()["kipsigi"] == community_homes()["kipsigis"] == {"KE"}


def test_actors_point_at_the_one_country_they_share() -> None:
    assert actor_home("Pokots Communal Militia") == {"KE", "UG"}  # a plural spelling of the people
    assert actor_home("Pokot Separatists") == set() and actor_home("Farmers Communal Militia") == set()
    assert shared_home(map(actor_home, ["Pokot Communal Militia"])) is None  # two countries
    assert shared_home(map(actor_home, ["Pokot Communal Militia", "Turkana Communal Militia", "Taliban"])) == "KE"
    assert shared_home(map(actor_home, ["Maasai Communal Militia", "Tiv Communal Militia"])) is None  # none in common
    assert shared_home(map(actor_home, ["New Patriotic Party", "National Democratic Congress"])) == "GH"


@pytest.mark.slow
def test_two_communities_that_share_one_country_place_an_incident_the_text_puts_nowhere(settings) -> None:
    incident = _main("Kipsigis and Maasai youths clashed over grazing land, leaving three people dead.", None,
                     settings)
    code, evidence = _unstated_country(incident)
    assert code == "KE"
    assert (evidence.text, evidence.component) == ("Kipsigis", "incidex_actors_v1")
    assert _main("Pokot raiders killed two herders and drove off their goats.", None,
                 settings).location.country_code is None  # the Pokot live in two countries


@pytest.mark.slow
def test_a_word_that_names_a_group_in_one_country_names_it_in_a_story_its_national_outlet_places_there(
        settings) -> None:
    text = "Maoists shot dead a village headman after branding him an informer."
    indian, nepali = (_main(text, source, settings).perpetrators for source in ("The Hindu", "The Kathmandu Post"))
    assert "Communist Party of India (Maoist)" in {p.name for p in indian}
    assert "Communist Party of India (Maoist)" not in {p.name for p in nepali}
