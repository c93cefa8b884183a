from incidex.resolve.families import compatible, families_of, follow_up, shared_family
from incidex.types import INCIDENT_TYPES


def test_armed_violence_types_are_compatible():
    assert compatible("armed_assault", "assassination") and compatible("raid", "shelling")
    assert shared_family("clash", "raid") == "armed_violence"


def test_explosive_types_are_compatible_but_not_with_kidnapping():
    assert compatible("bombing", "air_or_drone_strike")
    assert not compatible("bombing", "kidnapping")
    assert not compatible("riot", "hostage_taking")


def test_other_is_compatible_with_everything():
    assert all(compatible("other", kind) for kind in INCIDENT_TYPES)


def test_every_type_but_other_has_a_family():
    assert [kind for kind in INCIDENT_TYPES if not families_of(kind)] == ["other"]


def test_an_arrest_is_a_follow_up_of_any_type():
    assert all(compatible("arrest", kind) for kind in INCIDENT_TYPES)
    assert follow_up("arrest", "bombing") and follow_up("hostage_taking", "arrest")
    assert not follow_up("arrest", "arrest") and not follow_up("bombing", "armed_assault")
