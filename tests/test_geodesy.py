import pytest

from incidex.geodesy import distance_km


def test_a_degree_of_longitude_on_the_equator_is_about_111_km():
    assert distance_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.1)


def test_moscow_to_rostov_on_don_matches_the_known_distance():
    assert 950 < distance_km(55.75, 37.62, 47.23, 39.72) < 970


def test_antipodes_are_half_the_circumference_and_never_fail():
    assert distance_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=0.5)
