"""PlaceFinder: find place, facility and region mentions in a Doc and geocode them offline.

Mentions come from three sources, in this order of trust:

1. gazetteer names matched directly in the text (longest match wins; works on all-lowercase text where NER
   fails; stoplisted common words and, in normally cased text, lowercase words are skipped);
2. spaCy NER ``GPE``/``LOC`` entities the gazetteer did not cover (kept with a bare name if not geocodable;
   normally cased text only, as NER on lowercase text mostly finds common words);
3. facility phrases around a facility noun ("a detention center", "the Crocus City Hall"); NER ``FAC`` entities
   are not used (in news they are mostly shows, awards and brands).

Then every place name is resolved at once (:meth:`Gazetteer.resolve`) with the document's countries as context:
countries named, nationality adjectives ("Peruvian" -> PE) and places that resolve without doubt. A facility
takes the location of a place named inside it ("a Moscow concert hall"); otherwise its location has only the
``facility`` text and the assembler links it to the nearest city. Writes ``doc._.incidex_places``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy
from spacy.attrs import IDX, IS_ASCII, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..types import Location
from .annotations import PlaceMention
from .gazetteer import Gazetteer, GeoContext, PlaceKind, default_gazetteer, normalize_name

_ANY: frozenset[str] = frozenset()  # a facility noun that needs no modifier
_CENTER = frozenset({"detention", "shopping", "community", "cultural", "medical", "business", "health", "training",
                     "trade", "remand", "police", "distribution", "exhibition", "data"})
FACILITY_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("prison", "jail", "court", "courthouse", "market", "marketplace", "mosque", "church", "cathedral",
         "synagogue", "temple", "shrine", "school", "university", "college", "hospital", "clinic", "embassy",
         "consulate", "checkpoint", "hotel", "bank", "airport", "airbase", "airfield", "pipeline", "refinery",
         "stadium", "mall", "supermarket", "barracks", "restaurant", "cafe", "nightclub", "theater", "theatre",
         "museum", "headquarters", "factory", "warehouse", "bridge", "dam", "seminary", "madrassa", "ministry",
         "parliament", "garrison", "outpost"),
        _ANY,
    ),
    "center": _CENTER,
    "centre": _CENTER,
    "hall": frozenset({"concert", "city", "town", "music", "wedding", "exhibition", "sports", "prayer", "dance"}),
    "station": frozenset({"police", "train", "bus", "railway", "power", "metro", "subway", "gas", "petrol",
                          "polling", "fire", "radio", "television", "tv", "pumping"}),
    "base": frozenset({"military", "air", "army", "naval", "navy", "airforce", "police"}),
    "camp": frozenset({"refugee", "army", "military", "prison", "training", "detention", "displacement", "idp"}),
    "plant": frozenset({"power", "nuclear", "chemical", "water", "treatment", "gas"}),
    "office": frozenset({"police", "post", "government", "governor", "mayor", "tax", "passport", "party"}),
    "facility": frozenset({"detention", "military", "nuclear", "correctional", "storage", "security"}),
    "colony": frozenset({"penal", "correctional"}),
    "depot": frozenset({"fuel", "oil", "ammunition", "arms", "bus", "train"}),
    "compound": frozenset({"embassy", "military", "government", "residential", "presidential"}),
    "palace": frozenset({"presidential", "royal"}),
}
_FACILITY_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "punct"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})
_NOT_PLACE_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM", "INTJ", "ADJ"})
_MAX_FACILITY_TOKENS = 8
_LOCATIVE = frozenset({"in", "at", "near", "outside", "from", "to", "into", "across", "around", "toward",
                       "towards", "inside", "throughout", "between", "via", "through", "within", "beyond"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "republic",
                          "capital", "outskirts", "suburb", "suburbs", "county", "department", "governorate",
                          "municipality", "area", "port", "island", "oblast", "settlement", "neighbourhood",
                          "neighborhood", "mountains", "hills", "valley", "coast", "streets", "residents",
                          "mayor", "governor", "north", "south", "east", "west", "centre", "center", "heart"})
_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                         "southeastern", "southwestern", "north", "south", "east", "west", "downtown", "rural"})
_ADMIN1_NOUNS = frozenset({"province", "state", "region", "governorate", "department", "oblast", "county",
                           "krai", "prefecture", "republic"})
SMALL_PLACE = 100_000  # a lone word naming only places smaller than this needs NER or "in"/"near"... before it


def _hashes(words: Iterable[str]) -> frozenset[int]:
    return frozenset(hash_string(word) for word in words)


class PlaceFinder:
    """spaCy component ``incidex.places.v1``: writes ``doc._.incidex_places`` (a list of :class:`PlaceMention`).

    ``gazetteer`` defaults to the shipped one (loaded once per process); ``use_ner`` adds GPE/LOC entities the
    gazetteer does not know, when the text is normally cased.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "incidex_places",
        *,
        gazetteer: Gazetteer | None = None,
        use_ner: bool = True,
    ) -> None:
        self.name = name
        self.gazetteer = gazetteer or default_gazetteer()
        self.use_ner = use_ner
        # LOWER hashes of the words that can start a mention: tokens are screened without building Token objects
        self._first_hashes = _hashes(self.gazetteer.first_words)
        self._demonym_hashes = _hashes(key.split(" ")[0] for key in self.gazetteer.demonyms)
        self._facility_hashes = _hashes(h + s for h in FACILITY_NOUNS for s in ("", "s", "es"))
        self._the = hash_string("the")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc._.incidex_places = []
            return doc
        array = doc.to_array([LOWER, IDX, IS_TITLE, IS_UPPER, LENGTH, IS_PUNCT, IS_SPACE, ORTH, IS_ASCII])
        cased = bool(array[:, 2].sum() > 0.02 * len(doc))  # Title-case words: not lowercase, not ALL CAPS
        places = self._gazetteer_matches(doc, array, cased=cased)
        if self.use_ner and cased and doc.has_annotation("ENT_IOB"):
            places = sorted(places + self._ner_places(doc, taken=places), key=lambda span: span.start)
        facilities = self._facilities(doc, array, cased=cased, places=places)
        context = self._demonym_context(doc, array, cased=cased)
        kinds = [_kind_cue(span) for span in places]
        resolutions = self.gazetteer.resolve([span.text for span in places], context=context, kinds=kinds)
        mentions = []
        for span, resolution in zip(places, resolutions, strict=True):
            location = resolution.location
            if location is None and resolution.place is None:
                location = Location(name=span.text, uncertain=True)  # an NER place the gazetteer lacks
            mentions.append(PlaceMention(span.start_char, span.end_char, span.text, location, resolution.kind))
        for span in facilities:
            mentions.append(PlaceMention(span.start_char, span.end_char, span.text,
                                         _facility_location(span, mentions), "facility"))
        doc._.incidex_places = sorted(mentions, key=lambda m: (m.start, -m.end))
        return doc

    def _gazetteer_matches(self, doc: Doc, array: numpy.ndarray, *, cased: bool) -> list[Span]:
        """Longest gazetteer names in the text, left to right, without overlaps.

        Token texts come from the string store by ORTH hash, so no Token object (nor ``doc.text``) is built
        for the many tokens that cannot start a place name.
        """
        gazetteer, strings = self.gazetteer, doc.vocab.strings
        first_words = gazetteer.first_words
        check_pos = doc.has_annotation("POS")
        lowers, offsets, orths = array[:, 0].tolist(), array[:, 1].tolist(), array[:, 7].tolist()
        capital = (array[:, 2] | array[:, 3]).tolist()
        ends = (array[:, 1] + array[:, 4]).tolist()
        punct = (array[:, 5] | array[:, 6]).tolist()
        hashes, the = self._first_hashes, self._the
        starts = [i for i, h in enumerate(lowers) if h in hashes and (capital[i] or not cased or h == the)]
        # "Bogotá": keys are folded, so a word with diacritics is tested by its folded form
        non_ascii = numpy.flatnonzero(array[:, 8] == 0).tolist()
        if non_ascii:
            starts = sorted(set(starts).union(non_ascii))
        spans: list[Span] = []
        n, after = len(doc), 0
        for i in starts:
            if i < after:
                continue
            raw = strings[orths[i]]
            longest = first_words.get(normalize_name(raw))
            if longest is None:
                continue
            best = None
            for j in range(i, min(n, i + 12)):
                if j > i:
                    raw += (" " if offsets[j] > ends[j - 1] else "") + strings[orths[j]]
                if len(raw) > longest + 4:
                    break
                if punct[j] and raw[-1] not in ".'":
                    continue
                key = normalize_name(raw)
                if gazetteer.has_key(key) and self._acceptable(doc[i : j + 1], key, cased=cased, check_pos=check_pos):
                    best = j
            if best is not None:
                spans.append(doc[i : best + 1])
                after = best + 1
        return spans

    def _acceptable(self, span: Span, key: str, *, cased: bool, check_pos: bool) -> bool:
        """Whether a gazetteer match is a place here, not a common word, a short code or part of a name.

        All-lowercase text (``cased`` False) is held to more: the match must be a place's own name (not an
        alternate spelling) and a single word must be tagged as a proper noun or a GPE/LOC entity.
        """
        text = span.text
        if key in self.gazetteer.stopwords and not (cased and text.isupper() and 1 < len(text) <= 3):
            return False  # "US" is a country, "us" a pronoun
        if cased and key.startswith("the ") and not span[-1].text[:1].isupper():
            return False
        candidates = self.gazetteer.lookup(key)
        if key.isalpha() and len(key) <= 3:  # "US", "UK" but not "us", "car", or "EU" as the French town Eu
            if not (cased and text.isupper() and any(c.place.kind == "country" for c in candidates)):
                return False
        token = span[0]
        ner_place = token.ent_type_ in ("GPE", "LOC")
        if not cased and not ner_place and not any(c.primary for c in candidates):
            return False
        if len(span) > 1:
            return True
        if check_pos and token.pos_ in _NOT_PLACE_POS:
            return False
        settlement = all(c.place.kind in ("city", "admin1") for c in candidates)
        if not ner_place and token.ent_type_ in ("PERSON", "ORG") and not any(c.primary for c in candidates):
            return False  # "Maurice" is French for Mauritius, and a first name
        if settlement and not ner_place:
            if token.ent_iob_ == "I" or (token.ent_iob_ == "B" and _entity_length(token) > 1):
                return False  # part of a longer name: "Michael Jackson", "Moscow State University"
            if token.ent_type_ == "NORP":  # "German" is also an Isle of Man parish
                return False
            if all(c.place.population < SMALL_PLACE for c in candidates) and not _after_locative(token):
                return False
            if token.ent_type_ == "PERSON" and not _after_locative(token):  # "Jackson said"
                return False
            previous = token.nbor(-1) if token.i > 0 else None
            if check_pos and previous is not None and previous.pos_ == "PROPN" and not previous.ent_type_:
                return False  # a surname after a first name: "Alan Garcia"
            if not cased and check_pos and token.pos_ != "PROPN":
                return False
        return True

    def _ner_places(self, doc: Doc, *, taken: list[Span]) -> list[Span]:
        """GPE/LOC entities that overlap no gazetteer match ("the" dropped from their start)."""
        occupied = {t for span in taken for t in range(span.start, span.end)}
        spans = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            if ent[0].lower_ == "the":
                ent = ent[1:]
            if not len(ent) or any(t in occupied for t in range(ent.start, ent.end)):
                continue
            key = normalize_name(ent.text)
            if key in self.gazetteer.stopwords or key in self.gazetteer.demonyms or not ent.text[:1].isalpha():
                continue
            if not _after_locative(ent[0]):  # NER alone is too often wrong: "Lohan said" is no place
                continue
            spans.append(ent)
        return spans

    def _facilities(self, doc: Doc, array: numpy.ndarray, *, cased: bool, places: list[Span]) -> list[Span]:
        occupied = {t for span in places for t in range(span.start, span.end)}
        parsed = doc.has_annotation("DEP")
        spans: list[Span] = []
        for i in _positions(array, self._facility_hashes):
            token = doc[i]
            if parsed and token.dep_ == "compound":  # "prison guards"
                continue
            head = _facility_head(token)
            if head is None or i in occupied:  # "bank" in "West Bank"
                continue
            needed = FACILITY_NOUNS[head]
            if needed and (i == 0 or _plain(doc[i - 1]) not in needed):
                continue
            start = _facility_start(token) if parsed else _facility_start_unparsed(token, needed, cased=cased)
            if spans and spans[-1].end > start:
                continue
            spans.append(doc[start : i + 1])
        return spans

    def _demonym_context(self, doc: Doc, array: numpy.ndarray, *, cased: bool) -> GeoContext:
        """Countries the text names through nationality words ("Russian", "South African")."""
        context = GeoContext()
        demonyms = self.gazetteer.demonyms
        for i in _positions(array, self._demonym_hashes):
            token = doc[i]
            if cased and not token.text[:1].isupper():
                continue
            code = demonyms.get(token.lower_)
            if i + 1 < len(doc):
                code = demonyms.get(f"{token.lower_} {doc[i + 1].lower_}", code)
            if code:
                context.countries[code] += 1
        return context


def doc_context(doc: Doc, *, gazetteer: Gazetteer | None = None) -> GeoContext:
    """The countries a processed Doc names, for re-resolving one name later with :meth:`Gazetteer.resolve`.

    Counts the places in ``doc._.incidex_places`` that resolved without doubt and the nationality words.
    """
    gazetteer = gazetteer or default_gazetteer()
    context = GeoContext()
    for mention in doc._.incidex_places or []:
        location = mention.location
        if mention.kind != "facility" and location is not None and location.country_code and not location.uncertain:
            context.countries[location.country_code] += 1
    for token in doc:
        code = gazetteer.demonyms.get(token.lower_) if token.text[:1].isupper() else None
        if code:
            context.countries[code] += 1
    return context


def _positions(array: numpy.ndarray, hashes: frozenset[int]) -> list[int]:
    """Indices of the tokens whose LOWER hash (column 0 of ``array``) is in ``hashes``."""
    return [i for i, h in enumerate(array[:, 0].tolist()) if h in hashes]


def _after_locative(token: Token) -> bool:
    """Whether a preposition of place comes before: "in", "near the", "in northern", "the city of"."""
    doc, i = token.doc, token.i - 1
    if i >= 0 and doc[i].lower_ in _DIRECTIONS:
        i -= 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of":  # "the city of", "the outskirts of", not "the death of"
        return doc[i - 1].lower_ in _PLACE_NOUNS
    return i >= 0 and doc[i].lower_ in _LOCATIVE


def _kind_cue(span: Span) -> PlaceKind | None:
    """What the text calls a place: "the province of X" and "X province" are admin1, "the city of X" a city."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _ADMIN1_NOUNS:
        return "admin1"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        noun = doc[span.start - 2].lower_
        if noun in _ADMIN1_NOUNS:
            return "admin1"
        if noun in ("city", "town", "village", "capital"):
            return "city"
    return None


def _entity_length(token: Token) -> int:
    """How many tokens the entity that starts at ``token`` covers."""
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return end - token.i


def _plain(token: Token) -> str:
    return token.lower_.removesuffix("'s").removesuffix("\u2019s")


def _facility_head(token: Token) -> str | None:
    """The facility noun a token is, singular ("prisons" -> "prison"), or None."""
    lower = token.lower_
    for stem in (lower, lower.removesuffix("es"), lower.removesuffix("s")):
        if stem in FACILITY_NOUNS:
            return stem
    return None


def _facility_start(head: Token) -> int:
    """The first token of the noun phrase a facility noun heads, modifiers and determiner included."""
    start = head.i
    for child in reversed(list(head.lefts)):
        adjacent = child.i == start - 1 or child.right_edge.i == start - 1
        if child.dep_ not in _FACILITY_DEPS or not adjacent:
            break
        if head.i - child.left_edge.i >= _MAX_FACILITY_TOKENS:
            break
        start = child.left_edge.i
    return start


def _facility_start_unparsed(head: Token, needed: frozenset[str], *, cased: bool) -> int:
    """Without a parser: walk left over the modifier, capitalized words, hyphens and one determiner."""
    doc, start = head.doc, head.i
    while start > 0 and head.i - start < _MAX_FACILITY_TOKENS - 1:
        left = doc[start - 1]
        if left.lower_ in _DETERMINERS:
            return start - 1
        if _plain(left) in needed or left.text == "-" or (cased and left.text[:1].isupper()):
            start -= 1
            continue
        break
    return start


def _facility_location(span: Span, mentions: list[PlaceMention]) -> Location:
    """The facility text (no determiner), with the point of a city named inside the phrase, if any."""
    words = span.text.split(" ", 1)
    facility = words[1] if len(words) > 1 and words[0].lower() in _DETERMINERS else span.text
    for mention in mentions:
        inside = span.start_char <= mention.start and mention.end <= span.end_char
        if inside and mention.location is not None and mention.location.precision == "city":  # not "US embassy"
            return replace(mention.location, facility=facility, precision="facility")
    return Location(facility=facility, precision="facility")


__all__ = ["FACILITY_NOUNS", "PlaceFinder", "doc_context"]
