import itertools

import pytest

from incidex.resolve.profile import build_profile
from incidex.resolve.similarity import TEXT_WEIGHT, bonus_bounds, compare
from incidex.types import Location

from .resolve_helpers import TROY, make_record

KINDS = ("hostage_taking", "kidnapping", "arrest", "other", "bombing", "riot")
DATES = ("2024-06-16", "2024-06-17", None, "2024-06")
PLACES = (TROY, Location("Detroit", "US", "Michigan", 42.33, -83.05, "city"), None, Location(country_code="US"),
          Location(admin1="Michigan", precision="admin1"))
ACTORS = ((), ("Free Delta Movement",), ("the Free Delta Movement", "Red Hand"))


def _profiles():
    settings = itertools.product(KINDS, DATES, PLACES, ACTORS)
    return [
        build_profile(make_record(f"d{n}", kind=kind, date=date, location=place, actors=actors,
                                  published="2024-06-18", context="Gunmen seized hostages in Troy."))
        for n, (kind, date, place, actors) in enumerate(settings)
    ]


def test_bonus_bounds_bound_what_compare_adds_to_the_text_score():
    profiles = _profiles()
    bounds = bonus_bounds(profiles, profiles)
    assert bounds.shape == (len(profiles), len(profiles))
    checked = 0
    for (i, a), (j, b) in itertools.product(enumerate(profiles), repeat=2):
        evidence = compare(a, b, max_days_apart=3, similarity=0.2)
        if i != j and not evidence.blocked:
            assert evidence.score - TEXT_WEIGHT * 0.2 <= bounds[i, j] + 1e-9
            checked += 1
    assert checked > len(profiles) ** 2 // 2


def test_bonus_bounds_are_lower_for_records_without_shared_fields():
    rich, bare = (build_profile(make_record(f"d{n}", actors=actors, date=date, location=place))
                  for n, (actors, date, place) in enumerate(((("Red Hand",), "2024-06-16", TROY), ((), None, None))))
    bounds = bonus_bounds([rich], [rich, bare])
    assert bounds[0, 0] == pytest.approx(0.4)  # same type, dates, place and actors
    assert bounds[0, 1] == pytest.approx(0.05)  # only the type


def test_bonus_bounds_of_no_records_are_empty():
    assert bonus_bounds([], []).shape == (0, 0)


MANIZALES = Location("Manizales", "CO", "Caldas", 5.07, -75.51, "city")
RANCHI = Location("Ranchi", "IN", "Jharkhand", 23.34, 85.31, "city")
BOILERPLATE = ("The government has announced several offensives against armed groups in the area, with mixed results. "
               "Last year, {n} people were killed in a series of attacks in and around {city}.")


def test_a_shared_boilerplate_paragraph_does_not_outweigh_places_far_apart():
    a, b = (build_profile(make_record(f"d{n}", kind="armed_assault", role="background", date="2023", precision="year",
                                      location=place, context=BOILERPLATE.format(n=n, city=place.name)))
            for n, place in ((9, MANIZALES), (41, RANCHI)))
    assert a.names == {"manizales"} and b.names == {"ranchi"}
    evidence = compare(a, b, max_days_apart=3)
    assert evidence.blocked and "different countries (CO / IN)" in evidence.reasons[0]


def test_strong_text_with_a_shared_name_outweighs_places_far_apart():
    text = ("Pirates seized the Sirius Star supertanker off the coast with its crew of 25 and sailed the Sirius Star "
            "towards the port of Harardhere, the Saudi owner Vela International said.")
    yemen = Location("Aden", "YE", "Aden", 12.78, 45.04, "city")
    somalia = Location("Harardhere", "SO", "Mudug", 4.65, 47.86, "city")
    a, b = (build_profile(make_record(f"d{n}", kind="hijacking", location=place, context=text))
            for n, place in enumerate((yemen, somalia)))
    evidence = compare(a, b, max_days_apart=3)
    assert not evidence.blocked
    assert any("outweighed by text similarity" in reason for reason in evidence.reasons)
