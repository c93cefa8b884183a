"""All-capitals wire messages through the whole pipeline: recased, they read as the same message in mixed case does;
their datelines give the report's date and country; evidence still quotes the text as given; mixed-case text is
left alone. The messages are our own, written in the style of 1989-90 wire copy."""

from __future__ import annotations

import pytest

from incidex.batch import extract_text
from incidex.config import Settings
from incidex.types import Report

# (as the wire sends it, the same message as an editor would case it)
MESSAGES = [
    ("BOGOTA, 5 FEB 90 (EFE) -- [TEXT] A CAR BOMB EXPLODED LAST NIGHT OUTSIDE A POLICE STATION IN MEDELLIN, KILLING "
     "FOUR POLICEMEN. AUTHORITIES BLAMED THE MEDELLIN CARTEL FOR THE ATTACK.",
     "BOGOTA, 5 Feb 90 (EFE) -- [TEXT] A car bomb exploded last night outside a police station in Medellin, killing "
     "four policemen. Authorities blamed the Medellin Cartel for the attack."),
    ("GUATEMALA CITY, 20 APR 90 (ACAN) -- [TEXT] THE ARMY REPORTED TODAY THAT REBELS OF THE GUATEMALAN NATIONAL "
     "REVOLUTIONARY UNITY [URNG] KIDNAPPED THREE ENGINEERS ON 18 APRIL NEAR FLORES, IN THE DEPARTMENT OF PETEN. THE "
     "REBELS ALSO BURNED TWO TRUCKS.",
     "GUATEMALA CITY, 20 Apr 90 (ACAN) -- [TEXT] The army reported today that rebels of the Guatemalan National "
     "Revolutionary Unity [URNG] kidnapped three engineers on 18 April near Flores, in the department of Peten. The "
     "rebels also burned two trucks."),
    ("TEGUCIGALPA, 9 OCT 89 (RADIO AMERICA) -- [TEXT] UNIDENTIFIED GUNMEN SHOT DEAD A UNION LEADER IN SAN PEDRO SULA "
     "ON SATURDAY NIGHT. POLICE SAID THEY SUSPECT THE MORAZANIST PATRIOTIC FRONT.",
     "TEGUCIGALPA, 9 Oct 89 (Radio America) -- [TEXT] Unidentified gunmen shot dead a union leader in San Pedro Sula "
     "on Saturday night. Police said they suspect the Morazanist Patriotic Front."),
]


@pytest.fixture(scope="module")
def uncased(settings: Settings) -> Settings:
    return settings.with_overrides(nlp={"casing": False})


def facts(report: Report) -> list[tuple]:
    """What a reader checks of each incident: role, type, date, place, country, named groups and their relation,
    the killed total and hostages taken."""
    return [(i.role, i.type, i.date.value, i.location.name, i.location.country_code,
             sorted((p.name, p.relation) for p in i.perpetrators if p.name),
             i.casualties.killed.total, i.casualties.hostages_taken) for i in report.incidents]


@pytest.mark.parametrize(("wire", "mixed"), MESSAGES)
def test_a_message_in_capitals_reads_as_it_does_in_mixed_case(extract, wire, mixed):
    as_sent = extract(wire)
    assert facts(as_sent) == facts(extract(mixed))
    assert as_sent.incidents and as_sent.incidents[0].location.country_code is not None


def test_names_places_and_dates_of_a_message_in_capitals(extract):
    report = extract(MESSAGES[1][0])
    main = report.incidents[0]
    assert (main.type, main.date.value, main.location.name, main.location.country_code) == \
        ("kidnapping", "1990-04-18", "Flores", "GT")
    assert [p.name for p in main.perpetrators if p.name] == ["Guatemalan National Revolutionary Unity"]
    assert main.casualties.hostages_taken == 3


def test_casing_can_be_turned_off(extract, uncased):
    """The setting does what it says: without recasing the same message loses its date and its perpetrator."""
    wire = MESSAGES[1][0]
    assert facts(extract(wire)) != facts(extract_text(wire, settings=uncased))


def test_evidence_quotes_the_text_as_given(extract):
    wire = MESSAGES[0][0]
    report = extract(wire)
    evidence = [e for incident in report.incidents for e in incident.evidence]
    assert evidence
    for item in evidence:
        assert item.text == wire[item.start : item.end]
        assert item.text == item.text.upper()
    main = report.incidents[0]
    assert main.summary is not None and main.summary in wire
    assert all(p.text in wire for p in main.perpetrators)


def test_the_dateline_gives_the_report_date_and_the_country(extract):
    """No publication date given: the dateline's date places "yesterday", and its place gives the country of an
    incident whose text names no place."""
    wire = ("SAN SALVADOR, 12 JAN 90 (DOMESTIC SERVICE) -- [TEXT] GUERRILLAS KILLED TWO SOLDIERS AND WOUNDED THREE "
            "OTHERS IN AN AMBUSH YESTERDAY, THE ARMED FORCES PRESS COMMITTEE REPORTED.")
    report = extract(wire)
    assert report.document.published == "1990-01-12"
    assert any("read from the dateline" in warning and "12 JAN 90" in warning for warning in report.document.warnings)
    main = report.incidents[0]
    assert main.date.value == "1990-01-11"
    assert (main.location.name, main.location.country_code) == ("San Salvador", "SV")


def test_an_undated_main_incident_takes_the_dateline_day(extract):
    """A wire story that dates its incident nowhere tells of that day's events: the main incident takes the
    dateline's day, cited from the dateline; a background incident does not."""
    wire = ("LIMA, 14 MAR 90 (PANAMERICANA TELEVISION) -- [TEXT] A GROUP OF TERRORISTS BLEW UP A POWER PYLON IN "
            "HUANCAYO, LEAVING THE CITY WITHOUT LIGHT, THE POLICE REPORTED.  IN A SEPARATE INCIDENT IN PREVIOUS YEARS, "
            "THE SAME GROUP HAD KIDNAPPED A MAYOR IN JAUJA.")
    report = extract(wire)
    main = report.incidents[0]
    assert (main.date.value, main.date.precision, main.date.text) == ("1990-03-14", "day", "14 MAR 90")
    assert {e.field: e.text for e in main.evidence}["date"] == "14 MAR 90"
    assert [(i.role, i.date.value) for i in report.incidents[1:]] == [("background", None)]


def test_a_report_without_a_dateline_leaves_an_undated_incident_undated(extract):
    text = "Gunmen blew up a power pylon near Huancayo, leaving the city without light, the police said."
    assert extract(text, published="1990-03-14").incidents[0].date.value is None


def test_other_incidents_get_the_filing_country_only(extract):
    """An incident the text places nowhere is in the country the report was filed from, as far as we know."""
    wire = ("SAN SALVADOR, 12 JAN 90 (DOMESTIC SERVICE) -- [TEXT] GUERRILLAS KILLED TWO SOLDIERS IN AN AMBUSH IN "
            "APOPA YESTERDAY, THE ARMED FORCES PRESS COMMITTEE REPORTED.  ON 2 JANUARY OTHER REBELS HAD BURNED THREE "
            "BUSES.")
    report = extract(wire)
    assert (report.incidents[0].location.name, report.incidents[0].location.country_code) == ("Apopa", "SV")
    others = [i for i in report.incidents[1:] if i.type == "arson"]
    assert others, [i.type for i in report.incidents]
    location = others[0].location
    assert (location.country_code, location.uncertain) == ("SV", True)
    assert (location.name, location.precision, location.lat) == (None, None, None)  # where in El Salvador: unknown
    cited = {e.field: e.text for e in others[0].evidence}
    assert cited["location.country_code"] == "SAN SALVADOR"


def test_a_report_filed_abroad_places_its_incident_where_the_text_says(extract):
    """Filed in Mexico City, told of an incident in Colombia: the text's country, not the filing city's."""
    wire = ("MEXICO CITY (MEXICO), 3 APR 90 (NOTIMEX) -- [TEXT] THE MEXICAN FOREIGN MINISTRY TODAY CONDEMNED THE "
            "MURDER OF TWO JUDGES BY GUNMEN.  THE JUDGES HAD LIVED IN MEDELLIN AND BOGOTA, WHERE THEY HAD RECEIVED "
            "THREATS FROM CALI AND CARTAGENA.")
    main = extract(wire).incidents[0]
    assert main.location.country_code == "CO"


def test_a_speakers_name_in_brackets_is_no_place(extract):
    """A transcript labels who speaks with the name in brackets, and a name that speaks is a person: a surname that
    is also a town is not a place of the text."""
    wire = ("SANTIAGO, 4 MAY 90 (RADIO CHILENA) -- [TEXT] GUNMEN KILLED A POLICEMAN YESTERDAY.  THE INTERIOR "
            "MINISTER SPOKE TO REPORTERS.  [BEGIN CORDOBA RECORDING] WE WILL FIND THE KILLERS.  [END RECORDING]  "
            "[REPORTER] WHO DID IT?  [CORDOBA] WE DO NOT KNOW YET.  ACCORDING TO CORDOBA, THE KILLERS FLED.  CORDOBA "
            "SAID THE POLICE ARE SEARCHING.")
    report = extract(wire)
    assert report.incidents[0].location.country_code == "CL"
    assert "Cordoba" not in {i.location.name for i in report.incidents}


def test_a_given_publication_date_wins_over_the_dateline(extract):
    wire = ("SAN SALVADOR, 12 JAN 90 (DOMESTIC SERVICE) -- [TEXT] GUERRILLAS KILLED TWO SOLDIERS IN AN AMBUSH "
            "YESTERDAY, THE ARMED FORCES PRESS COMMITTEE REPORTED.")
    report = extract(wire, published="1990-01-15")
    assert report.document.published == "1990-01-15"
    assert report.incidents[0].date.value == "1990-01-14"


def test_mixed_case_text_is_left_untouched(extract, uncased):
    text = ("KABUL, Afghanistan (AP) \u2014 Gunmen stormed a wedding hall in Jalalabad on Sunday, killing four guests "
            "and wounding nine, police said. The Taliban denied any role in the attack.")
    cased = extract(text, published="2024-05-06")
    assert cased.to_dict() == extract_text(text, published="2024-05-06", settings=uncased).to_dict()
    assert cased.incidents[0].location.country_code == "AF"


def test_a_place_before_a_hearsay_verb_stays_a_place(extract):
    """"Youths said to be ..." report what others say of them: the name before them is still where it happened."""
    text = "Two guards were shot in Eastleigh, Nairobi by a militia said to be linked to cattle traders."
    main = extract(text).incidents[0]
    assert (main.location.name, main.location.country_code) == ("Eastleigh", "KE")
