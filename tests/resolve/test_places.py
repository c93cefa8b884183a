from incidex.resolve.places import compare_places
from incidex.types import Location

MOSCOW = Location("Moscow", "RU", "Moscow", 55.75, 37.62, "city")
KRASNOGORSK = Location("Krasnogorsk", "RU", "Moscow Oblast", 55.82, 37.33, "city")
ROSTOV = Location("Rostov-on-Don", "RU", "Rostov Oblast", 47.23, 39.72, "city")


def test_cities_within_50_km_are_near_and_further_are_far():
    assert compare_places(MOSCOW, KRASNOGORSK).status == "near"
    match = compare_places(MOSCOW, ROSTOV)
    assert match.status == "far" and "over 50 km at city precision" in match.reason


def test_admin1_precision_allows_300_km():
    oblast = Location("Rostov Oblast", "RU", "Rostov Oblast", 47.7, 40.2, "admin1")
    assert compare_places(oblast, ROSTOV).status == "near"
    moscow_oblast = Location("Moscow Oblast", "RU", "Moscow Oblast", 55.5, 38.0, "admin1")
    assert compare_places(moscow_oblast, ROSTOV).status == "far"


def test_country_precision_needs_the_same_country():
    russia = Location("Russia", "RU", None, 61.5, 105.3, "country")
    assert compare_places(russia, ROSTOV).status == "near"
    assert compare_places(Location("Ukraine", "UA", None, 49.0, 32.0, "country"), ROSTOV).status == "far"


def test_uncertain_geocoding_never_blocks():
    unsure = Location("Tripoli", "LY", None, 32.9, 13.18, "city", uncertain=True)
    assert compare_places(unsure, Location("Tripoli", "LB", None, 34.43, 35.84, "city")).status == "unknown"


def test_missing_places_are_unknown():
    assert compare_places(Location(), ROSTOV).status == "unknown"
