"""PlaceFinder: find place, facility and region mentions in a Doc and geocode them offline.

Mentions come from four sources, in this order of trust:

1. gazetteer names matched directly in the text (longest match wins; works on all-lowercase text where NER
   fails; stoplisted common words and, in normally cased text, lowercase words are skipped; a small place needs a
   cue that a place stands there: "in", "the village of", "X district", a parenthesized list of places, "and"
   after such a place ("between Kaya and Pissila"), the towns a road joins ("the Kaya-Kongoussi road"));
2. spaCy NER ``GPE``/``LOC`` entities the gazetteer did not cover, at such a cue (normally cased text only);
3. capitalized names neither found, where only a place goes ("the village of Posso", "Posso (Titao, Loroum)");
4. facility phrases around a facility noun ("a detention center", "the Crocus City Hall"); NER ``FAC`` entities
   are not used (in news they are mostly shows, awards and brands).

Then every place name is resolved at once (:meth:`Gazetteer.resolve`; the subdistrict around a district's seat,
"Chandpur Sadar", by its district's name) with the document's countries as context:
places that resolve without doubt, and as hints nationality adjectives ("Peruvian" -> PE), the countries of the
armed groups the actors component found and the home country of the report's outlet (:mod:`.outlets`). Names the text puts inside one another ("Posso (Titao, Loroum)", "Mokha,
Yemen", "Zarpora village of Kulgam district", "Zarpora village in Kulgam district", "Zarpora village near Kulgam") are
resolved together; a name with no reading inside the place around (or near) it takes that place's country, point and
precision, marked uncertain, with ``within`` pointing at it: the precision says whose point it is. A facility takes the
location of a place named inside it ("a Moscow concert hall"); otherwise its location has only the ``facility``
text and the assembler links it to the nearest city. Writes ``doc._.incidex_places``, and ``doc._.incidex_country``:
the country the text as a whole states and the words that state it, for incidents it places nowhere else
(:func:`_document_country`), and ``doc._.incidex_outlet_country``: the outlet's home country, for incidents the text
places in no country at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

import numpy
from spacy.attrs import IDX, IS_ASCII, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..types import Location
from .annotations import PlaceMention, doc_text
from .actors import actor_countries, community_homes, known_people
from .datelines import TEXT_KINDS, Dateline, dateline_of
from .gazetteer import (
    Candidate,
    Gazetteer,
    GeoContext,
    Link,
    PlaceKind,
    Resolution,
    default_gazetteer,
    normalize_name,
)
from .lexicons import CLAIM_VERBS, PERSON_NOUNS, SAY_VERBS, phrases, words
from .numbers import UNIT_WORDS
from .outlets import outlet_country
from .syntax import first_conjunct

# A facility noun and the modifiers it needs to name a facility ("police station"); none: any use does ("prison").
FACILITY_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(needed.split()) for noun, _, needed in (row.partition("\t") for row in phrases("facility_nouns"))
}
_ANY_FACILITY = frozenset(noun for noun, needed in FACILITY_NOUNS.items() if not needed)
_FACILITY_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "punct"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})
_NUMERIC_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_NOT_PLACE_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM", "INTJ", "ADJ"})
_MAX_FACILITY_TOKENS = 8
_LOCATIVE = frozenset({"in", "at", "near", "outside", "from", "to", "into", "across", "around", "toward",
                       "towards", "inside", "throughout", "between", "via", "through", "within", "beyond"})
# the prepositions of _LOCATIVE that say where something is, not where it goes or comes from
_WHERE = frozenset({"in", "at", "near", "outside", "inside", "around", "within", "throughout"})
_WAY = frozenset({"to", "toward", "towards", "from"})  # ... and those that say where it goes or comes from
# ... and those after which a verb of leaving names where people went after the incident ("fled into Somalia")
_INTO = frozenset({"to", "toward", "towards", "into", "across"})
_FLIGHT_VERBS = words("flight_verbs")
# nouns of a journey before "to" and a country: "on their way to Uganda", "en route to Niger", "in transit to Somalia"
_JOURNEY_NOUNS = frozenset({"way", "route", "transit", "road", "journey", "trip"})
_NEAR_WORDS = frozenset({"close", "closer", "next", "near", "nearer", "adjacent"})  # "close to X" is where, not a way
_PLACE_NOUNS = words("place_nouns")
_DIRECTIONS = words("direction_words")
_ADMIN1_NOUNS = words("admin1_nouns")
_ADMIN2_NOUNS = words("admin2_nouns")
_CITY_NOUNS = words("city_nouns")
_KIND_NOUNS: dict[str, PlaceKind] = {**dict.fromkeys(_ADMIN1_NOUNS, "admin1"), **dict.fromkeys(_ADMIN2_NOUNS, "admin2"),
                                     **dict.fromkeys(_CITY_NOUNS, "city")}
# the words after a place noun that lead to the place around it: "Zarpora village of Kulgam", "Ada town (Ada East)"
_AFTER_PLACE_NOUN = frozenset({"(", "of", ",", "in", "under", "near"})
# place nouns after which "in", "under" or "near" links no name: a town keeps its own reading ("Embu town in Eastern
# Province" is in Kenya, though only Sri Lanka's Eastern Province is in the gazetteer)
_TOWN_NOUNS = frozenset({"city", "town", "capital"})
# words after a name that say it is a place: "Zarpora village", "Palashbari upazila", "Kalitala area"
_PLACE_AFTER = _ADMIN1_NOUNS | _ADMIN2_NOUNS | _CITY_NOUNS | {"area", "locality", "neighbourhood", "neighborhood",
                                                              "suburb", "settlement", "axis", "villages"}
_VILLAGE_AFTER = _PLACE_AFTER - _TOWN_NOUNS
# words after a place name that make it part of another name: an organization's ("Abu Dhabi TV", "Kenya Airways")
# or a street's ("Karl Marx Avenue")
_ORGANIZATION_WORDS = words("organization_words")
_COMPASS = words("compass_words")
_OWNED_NOUNS = words("owned_nouns")
_HOME_FORCES = words("home_force_nouns")
# words after a nationality that make it state the country of the text ("Kenyan police", "a Kenyan village")
_STATING_WORDS_AFTER = _HOME_FORCES | _PLACE_AFTER
# ... and people mostly attacked at home, which state it only when nothing else does ("Kenyan villagers")
_HOME_PEOPLE = words("home_people_nouns")
# office holders: "the mayor of X", "Governor Jo Ayo of X" name the place they serve, not their home
_OFFICIALS = words("official_nouns")
# words after a nationality that name an army, which also fights abroad ("Kenyan soldiers", "Ethiopian troops")
_ARMIES = words("army_nouns")
# the word after a district's name that names the subdistrict around its seat: "Kurigram Sadar (upazila)"
_SEAT_WORDS = frozenset({"sadar"})
# what joins two towns written with a hyphen: "the Kaya-Kongoussi road", "the axis Djibo-Arbinda"
_ROAD_NOUNS = frozenset({"road", "highway", "axis", "route", "corridor", "roads", "highways"})
_NAME_LIST_TOKENS = 14  # the longest parenthesized list of names read: "(Titao, Loroum)", "(Kelbo, Soum, Sahel)"
_MAX_UNKNOWN_WORDS = 4  # words of a place name the gazetteer lacks, found by where it stands
# first words of capitalized runs that are not place names where they stand
_NOT_NAME_STARTS = words("not_name_starts")
DATELINE_HINT = 2.0  # weight of the dateline's country among the countries a report suggests
OUTLET_HINT = 1.0  # weight of the home country of the report's outlet (as much as one nationality word)
SMALL_PLACE = 100_000  # a lone word naming only places smaller than this needs NER or "in"/"near"... before it
# a transcript's speaker label, a name alone in square brackets where a sentence starts: "... today.  [ROJAS] We
# expect ...", "[BEGIN MORA RECORDING]"
_SPEAKER_BEFORE = re.compile(r"(?:(?i:begin)\s+)?(?:[A-Z][\w'.\-]*\s+){0,2}")
_SPEAKER_AFTER = re.compile(r"(?:\s+[A-Z][\w'.\-]*){0,2}(?:\s+(?i:recording))?\]")


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
        dateline = dateline_of(doc)
        if dateline is not None:
            places = self._with_dateline(doc, places, dateline)
        if self.use_ner and cased and doc.has_annotation("ENT_IOB"):
            places = sorted(places + self._ner_places(doc, taken=places), key=lambda span: span.start)
        if cased:
            places = sorted(places + self._unlisted_places(doc, taken=places), key=lambda span: span.start)
        text = doc_text(doc)
        places = [span for span in places if not self._names_someone(span, text)]
        facilities = self._facilities(doc, array, cased=cased, places=places)
        demonyms = self._demonyms(doc, array, cased=cased)
        context = GeoContext()
        for code, _, _ in demonyms:
            context.hints[code] += 1
        for actor in doc._.incidex_actors or []:  # "al-Shabaab" -> Somalia, Kenya (written by the actors component)
            countries = actor_countries().get(actor.name, ())
            context.names_groups = context.names_groups or bool(countries)
            for code in countries:
                context.hints[code] += 1 / len(countries)
        if dateline is not None:
            self._dateline_hint(doc, dateline, context)
        outlet = outlet_country(doc._.incidex_outlet)
        if outlet is not None:  # a Pakistani daily's "Hyderabad" is the one in Sindh
            context.hints[outlet.code] += OUTLET_HINT
            context.outlet = outlet.code
        kinds = [_kind_cue(span) for span in places]
        links = _links(places)
        # a country across a border, named as an owner or where people fled to is read, but does not decide where
        # the report is ("Zangrelo, Kossi Province, close to the border with Mali" is in Burkina Faso, "a US drone
        # strike in X" is not in the United States, nor "they fled into Somalia" in Somalia)
        elsewhere = [(across_border(span.root) or names_an_owner(span.root) or fled_to(span.root)
                      or bound_for_or_beside(span.root))
                     and self.gazetteer.country_named(span.text) is not None for span in places]
        resolutions = self.gazetteer.resolve([_seat_of(span.text) for span in places], context=context, kinds=kinds,
                                             links=links, elsewhere=elsewhere)
        mentions: list[PlaceMention] = []
        for i, (span, resolution) in enumerate(zip(places, resolutions, strict=True)):
            location, within = resolution.location, None
            if _a_people_abroad(span.text, location):  # "fighting between Orma and Pokomo communities"
                continue
            if location is None and resolution.place is None:
                parent = _resolved_parent(i, links, resolutions)
                if parent is not None:  # a village the gazetteer lacks (or places elsewhere), inside a known place
                    location = replace(resolutions[parent].location, name=span.text, uncertain=True, geonameid=None)
                    within = (places[parent].start_char, places[parent].end_char)
                else:
                    location = Location(name=span.text, uncertain=True)  # a place the gazetteer lacks
            mentions.append(PlaceMention(span.start_char, span.end_char, span.text, location, resolution.kind,
                                         within=within, respelled=resolution.respelled))
        for span in facilities:
            mentions.append(PlaceMention(span.start_char, span.end_char, span.text,
                                         _facility_location(span, mentions), "facility"))
        doc._.incidex_places = sorted(mentions, key=lambda m: (m.start, -m.end))
        doc._.incidex_country = _document_country(doc, doc._.incidex_places, demonyms)
        doc._.incidex_outlet_country = outlet
        return doc

    def _with_dateline(self, doc: Doc, places: list[Span], dateline: Dateline) -> list[Span]:
        """``places`` without names inside the header tags ("[... BISHOP OF SAN SALVADOR ...]"), with the
        dateline's place and country ("MANAGUA (NICARAGUA)", "KABUL, Afghanistan") when the gazetteer knows them."""
        kept = [span for span in places if not dateline.in_tags(span.start_char, span.end_char)]
        for start, end in (s for s in (dateline.place, dateline.country) if s is not None):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or any(p.start < span.end and span.start < p.end for p in kept):
                continue
            if normalize_name(span.text) in self.gazetteer:
                kept.append(span)
        return sorted(kept, key=lambda span: span.start)

    def _dateline_hint(self, doc: Doc, dateline: Dateline, context: GeoContext) -> None:
        """The country a report was filed from is the likeliest country of the places it names: its code joins
        ``context`` as a hint of weight :data:`DATELINE_HINT` ("SAN SALVADOR, 3 JAN 90" favours El Salvador's
        Santo Tomás over the others)."""
        names = [doc_text(doc)[span[0] : span[1]] for span in (dateline.place, dateline.country) if span is not None]
        links: list[Link | None] = [Link(1), None] if len(names) == 2 else [None] * len(names)
        for resolution in self.gazetteer.resolve(names, links=links) if names else []:
            if resolution.location is not None and resolution.location.country_code:
                context.hints[resolution.location.country_code] += DATELINE_HINT
                return

    def _gazetteer_matches(self, doc: Doc, array: numpy.ndarray, *, cased: bool) -> list[Span]:
        """Longest gazetteer names in the text, left to right, without overlaps.

        Token texts come from the string store by ORTH hash, so no Token object (nor ``doc.text``) is built
        for the many tokens that cannot start a place name.
        """
        gazetteer, strings = self.gazetteer, doc.vocab.strings
        check_pos = doc.has_annotation("POS")
        offsets, orths = array[:, 1].tolist(), array[:, 7].tolist()
        ends = (array[:, 1] + array[:, 4]).tolist()
        punct = (array[:, 5] | array[:, 6]).tolist()
        # tokens are screened by their LOWER hash against the first words of names, without Token objects
        screen = gazetteer.first_word_hashes(array[:, 0].astype(numpy.uint64))
        if cased:
            screen &= (array[:, 2] | array[:, 3]).astype(bool) | (array[:, 0] == self._the)
        # "Bogotá": keys are folded, so a word with diacritics is tested by its folded form
        starts = numpy.flatnonzero(screen | (array[:, 8] == 0)).tolist()
        spans: list[Span] = []
        n, after = len(doc), 0
        for i in starts:
            if i < after:
                continue
            raw = strings[orths[i]]
            longest = gazetteer.longest_from(normalize_name(raw))
            if not longest:
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
        if all(t.like_num for t in span):
            return False  # "Ninety six people were detained", not Ninety Six, South Carolina
        if key in _COMPASS and _glued_words(span):
            return False  # "Kacham-Ouest" is one name, not a region called Ouest
        if _names_an_organization(span):
            return False  # "an Abu Dhabi TV photojournalist", "the Kabul Times", "a Dubai-based firm", a street
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
        settlement = all(c.place.kind in ("city", "admin2", "admin1") for c in candidates)
        cue = _place_cue(span)
        if not ner_place and token.ent_type_ in ("PERSON", "ORG") and not any(c.primary for c in candidates):
            towns = all(c.place.kind == "city" for c in candidates)
            if cue < 2 and not (towns and after_locative(token, where=True)):
                return False  # "Maurice" is French for Mauritius, and a first name; "clashes at Bimbilla" a town
        partner = _glued_name(span) if settlement else None
        if (partner is not None and not on_a_road(span) and all(c.place.population < SMALL_PLACE for c in candidates)
                and not self._two_towns(span, candidates, partner)):
            return False  # the "Kosso" of "Kosso-Yiri" is part of a village's name, not a village in Ivory Coast
        if settlement and not ner_place:
            longer = token.ent_type_ not in _NUMERIC_ENTITIES and (  # not "in Moyale Monday", read as a date
                token.ent_iob_ == "I" or (token.ent_iob_ == "B" and _entity_length(token) > 1))
            if longer and not _before_its_unit_word(span) and not _names_a_facility(token) and not on_a_road(span):
                return False  # part of a longer name: "Michael Jackson", not "Rangpur Medical College Hospital"
            if token.ent_type_ == "NORP" and cue < 2 and (
                    key in self.gazetteer.demonyms or not _before_facility(span)):
                return False  # "German" is also an Isle of Man parish; "a Mombasa mosque" is in Mombasa
            if all(c.place.population < SMALL_PLACE for c in candidates) and not cue:
                return False
            if token.ent_type_ == "PERSON" and not cue:  # "Jackson said"
                return False
            previous = token.nbor(-1) if token.i > 0 else None
            if check_pos and previous is not None and previous.pos_ == "PROPN" and not previous.ent_type_:
                return False  # a surname after a first name: "Alan Garcia"
            if not cased and check_pos and token.pos_ != "PROPN":
                return False
        return True

    def _two_towns(self, span: Span, candidates: list[Candidate], other: Token) -> bool:
        """Whether a name glued to ``other`` by a hyphen names one of two towns: after "between" ("between
        Kyaukme-Hsipaw") or with a reading in a country where ``other`` has one ("Sotik-Kericho"), not one half of
        a village's name ("Kosso-Yiri")."""
        first = min(span.start, other.i)
        if first > 0 and span.doc[first - 1].lower_ == "between":
            return True
        countries = {c.place.country_code for c in candidates}
        return any(c.place.country_code in countries for c in self.gazetteer.lookup(other.text))

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
            if not _place_cue(ent):  # NER alone is too often wrong: "Lohan said" is no place
                continue
            spans.append(ent)
        return spans

    def _unlisted_places(self, doc: Doc, *, taken: list[Span]) -> list[Span]:
        """Capitalized names the gazetteer and NER missed, placed where only a place goes: "the village of
        Posso", "Zarpora village", "Toui (Ouesse, Collines)", "in Gotriala, Punjab"; not over ``taken`` places
        nor group names."""
        actors = [doc.char_span(a.start, a.end, alignment_mode="expand") for a in doc._.incidex_actors or []]
        occupied = {t for span in [*taken, *actors] if span is not None for t in range(span.start, span.end)}
        starts = {span.start for span in taken}
        words = [doc.vocab.strings[orth] for orth in doc.to_array(ORTH).tolist()]  # no Token objects
        caps = [_capitalized_word(word) for word in words]
        hyphens = [word == "-" for word in words]
        spans: list[Span] = []
        i, n = 0, len(doc)
        while i < n:
            if i in occupied or not caps[i] or (i > 0 and caps[i - 1]):
                i += 1
                continue
            end = i + 1
            while end < n and end - i < 2 * _MAX_UNKNOWN_WORDS and end not in occupied and (
                caps[end] or (hyphens[end] and end + 1 < n and caps[end + 1])
            ):
                end += 1
            span = doc[i:end]
            after = doc[end] if end < len(doc) else None
            before_list = after is not None and after.text == "(" and _name_list_end(doc, end) is not None and (
                end + 1 in starts)
            before_parent = after is not None and after.text == "," and end + 1 in starts and after_locative(doc[i])
            cue = 2 if before_list else 1 if before_parent else _place_cue(span)
            if cue and self._may_be_unlisted_place(span, cue=cue):
                spans.append(span)
            i = end
        return spans

    def _names_someone(self, span: Span, text: str) -> bool:
        """A name that stands for a person or a language here, not a place: a transcript's speaker label, a name
        below a country that speaks ("Toledo said"), a language that names only small places ("[REPORTER, IN
        ENGLISH]"; a misspelt town the model takes for a language keeps its reading)."""
        if speaker_label(text, span.start_char, span.end_char):
            return True
        if span.root.ent_type_ == "LANGUAGE":
            return all(c.place.population < SMALL_PLACE for c in self.gazetteer.lookup(normalize_name(span.text)))
        return speaks(span.root) and self.gazetteer.country_named(span.text) is None

    def _may_be_unlisted_place(self, span: Span, *, cue: int) -> bool:
        """Whether a capitalized run at a place cue can be a place name: not a known word, nationality, group,
        date or (with only a weak cue) a person or organization."""
        key = normalize_name(span.text)
        words = key.split()
        if len(words) > _MAX_UNKNOWN_WORDS or not key.replace(" ", "").replace("'", "").isalpha():
            return False
        if key in self.gazetteer.stopwords or key in self.gazetteer.demonyms or words[0] in _NOT_NAME_STARTS:
            return False
        return not (span[0].ent_type_ in ("DATE", "TIME") or (span[0].ent_type_ in ("PERSON", "ORG", "NORP") and cue < 2))

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

    def _demonyms(self, doc: Doc, array: numpy.ndarray, *, cased: bool) -> list[tuple[str, int, int]]:
        """Nationality words ("Russian", "South African") with the country each names and its character span."""
        found = []
        demonyms = self.gazetteer.demonyms
        for i in _positions(array, self._demonym_hashes):
            token = doc[i]
            if cased and not token.text[:1].isupper():
                continue
            if (nationality := _demonym_at(doc, i, demonyms)) is not None:
                code, after = nationality
                found.append((code, token.idx, doc[after - 1].idx + len(doc[after - 1])))
        return found


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
    for code, _ in _nationality_words(doc, gazetteer):
        context.hints[code] += 1
    return context


def named_countries(doc: Doc, *, gazetteer: Gazetteer | None = None) -> Counter[str]:
    """How many distinct places (facilities left out) and nationality words ("Kenyan") a processed Doc names in
    each country: how much the text is about each."""
    names = {(m.location.country_code, m.location.name) for m in doc._.incidex_places or []
             if m.kind != "facility" and m.location is not None and m.location.country_code}
    names |= set(_nationality_words(doc, gazetteer or default_gazetteer()))
    return Counter(code for code, _ in names)


def army_country(doc: Doc, *, gazetteer: Gazetteer | None = None) -> tuple[str, int, int] | None:
    """The country of the first nationality word before an army ("the Burkinabe army", "Kenyan security forces",
    "South Sudanese troops") with its character span, or None. Armies also fight abroad: this says where an incident
    is only when nothing else does (:mod:`.unstated_country`)."""
    demonyms = (gazetteer or default_gazetteer()).demonyms
    for token in doc:
        if not token.text[:1].isupper() or (nationality := _demonym_at(doc, token.i, demonyms)) is None:
            continue
        code, after = nationality
        if after < len(doc) and doc[after].lower_ in _ARMIES:
            return code, token.idx, doc[after - 1].idx + len(doc[after - 1])
    return None


def _word_after(doc: Doc, start: int, end: int) -> str:
    """The lowercase word after the words at characters ``start``-``end`` (a nationality word), or ""."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return doc[span.end].lower_ if span is not None and span.end < len(doc) else ""


def _demonym_at(doc: Doc, i: int, demonyms: dict[str, str]) -> tuple[str, int] | None:
    """The country of the nationality word at token ``i`` and the index of the token after it: two words first
    ("South Sudanese"), else one ("Kenyan"); None when there is none."""
    if i + 1 < len(doc) and (code := demonyms.get(f"{doc[i].lower_} {doc[i + 1].lower_}")):
        return code, i + 2
    code = demonyms.get(doc[i].lower_)
    return (code, i + 1) if code else None


def _nationality_words(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[str, str]]:
    """(country code, lower-case word) for each capitalized nationality word of a Doc: ("KE", "kenyan")."""
    for token in doc:
        if token.text[:1].isupper() and (code := gazetteer.demonyms.get(token.lower_)):
            yield code, token.lower_


def _document_country(doc: Doc, mentions: list[PlaceMention],
                      demonyms: list[tuple[str, int, int]]) -> PlaceMention | None:
    """The country the text as a whole states, for incidents whose own place names none: a mention of kind
    "country", uncertain (inferred, not named for the incident), whose span is the words that state it.

    The words are places finer than a country that the gazetteer read without doubt ("Nakuru" states Kenya) and
    nationality words before a force that acts at home or a kind of place ("Kenyan police", "a Kenyan village";
    not "Ethiopian raiders" nor "an Australian couple", who may be abroad); only when there are none, a country's
    own name, unless it is where people came from or the far side of a border ("raiders from Ethiopia", "near the
    border with Somalia"), and never a place that only names an owner ("U.S. citizens"). The country they name
    most often wins, the earliest on a tie; the mention's span is its first place, else its first word (the roles
    component links the main incident to the nearest place in it). Only when neither states one, a nationality word
    before people mostly attacked at home ("armed herders shot two Kenyan villagers": Kenya; "two Kenyan villagers
    were shot in Mogadishu": Somalia). None when no word states a country.
    """
    places, countries = [], []
    for mention in mentions:
        location = mention.location
        if mention.kind == "facility" or location is None or not location.country_code or location.uncertain:
            continue
        word = (location.country_code, mention.start, mention.end)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and names_an_owner(span.root):
            continue
        if location.precision != "country":
            places.append(word)
        elif span is not None and not is_origin(span.root, country=True):
            countries.append(word)
    place_starts = {start for _, start, _ in places}
    forces, people = [], []
    for code, start, end in demonyms:
        following = _word_after(doc, start, end)
        if following in _STATING_WORDS_AFTER:
            forces.append((code, start, end))
        elif following in _HOME_PEOPLE:
            people.append((code, start, end))
    for stating in (places + forces, countries, people):
        if not stating:
            continue
        counts = Counter(code for code, _, _ in stating)
        code = min(stating, key=lambda w: (-counts[w[0]], w[1]))[0]
        start, end = min(((s, e) for c, s, e in stating if c == code), key=lambda span: span[0] not in place_starts)
        return PlaceMention(start, end, doc_text(doc)[start:end], Location(country_code=code, uncertain=True),
                            kind="country", inferred=True)
    return None


BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def across_border(token: Token) -> bool:
    """A place named as the far side of a border: "near the border with Somalia", "the Indo-Myanmar border"."""
    if token.dep_ == "compound" and token.head.lemma_ in BORDER_NOUNS:
        return True
    return token.head.lower_ in ("with", "of") and token.head.head.lemma_ in BORDER_NOUNS


def is_origin(token: Token, *, country: bool = False) -> bool:
    """A place that is not where the incident happened: where people come from ("he is from Kano", for a country
    also "militants from Mali" and where people went after it, :func:`fled_to`) or the country across a border
    (:func:`across_border`)."""
    if across_border(token) or country and (fled_to(token) or bound_for_or_beside(token)):
        return True
    for ancestor in list(token.ancestors)[:3]:
        if ancestor.lower_ == "from" and (ancestor.head.lemma_ in {"be", "come", "hail", "originate"}
                                          or country and ancestor.head.pos_ in ("NOUN", "PROPN")):
            return True
    return False


def fled_to(token: Token) -> bool:
    """A place named as where people fled, withdrew, went back or were taken to: "fled into Somalia", "crossed back
    into Somalia with the hostages", "took them into Somalia", "withdrew towards Mali"; not "crossed into Kenya",
    where raiders arrive to strike."""
    preposition = token.head
    if preposition.lower_ not in _INTO:
        return False
    verb = preposition.head
    back = verb.lower_ == "back" or any(child.lower_ == "back" for child in verb.children)
    if verb.lower_ == "back":  # "fled back to Afghanistan"
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and (back or verb.lemma_.lower() in _FLIGHT_VERBS)


def bound_for_or_beside(token: Token) -> bool:
    """A country (``token`` the root of its name) named as where people were going ("shot while on their way to
    Uganda", "a bus en route to Niger") or as what a place lies near ("a refugee camp near Somalia"): a place on the
    way to a country or beside it is not in it."""
    if token.dep_ == "compound" and token.head.i > token.i:
        return False  # a word of a longer name: "near Pakistan Muslim League offices"
    i = token.i
    while i > 0 and token.doc[i - 1].head == token and token.doc[i - 1].dep_ == "compound":
        i -= 1  # "Burkina" of "Burkina Faso"
    before = token.doc[i - 1].lower_ if i >= 1 else ""
    if before == "near":
        return True
    return before in ("to", "toward", "towards") and i >= 2 and token.doc[i - 2].lower_ in _JOURNEY_NOUNS


def names_a_home(span: Span) -> bool:
    """A place named as where a person lives, not where an incident happened: after a person and "of" ("Jane Doe,
    23, of Fort Smith", "a woman of Fort Smith"), before a noun for one person ("a Spiro man", "a Mombasa
    resident"), or the unit after such a place ("of Fort Smith, Ark.")."""
    doc, i = span.doc, span.start - 1
    if i >= 1 and doc[i].text == "," and _capitalized(doc[i - 1]):  # "Ark." of "of Fort Smith, Ark."
        i -= 1
        while i > 0 and _capitalized(doc[i - 1]):
            i -= 1
        return _after_a_person(doc, i)
    root = span.root
    return (root.dep_ == "compound" and root.head.i >= span.end and root.head.lemma_.lower() in PERSON_NOUNS
            or _after_a_person(doc, span.start))


def _a_people_abroad(name: str, location: Location | None) -> bool:
    """Whether a name is a people's (``community_homes``) read as a place outside the countries that people lives
    in: "Orma" of "fighting between Orma and Pokomo communities" is the Kenyan people, not a Greek village;
    "Kikuyu", also a Kenyan town, stays a place."""
    people = known_people(name)
    code = location.country_code if location is not None else None
    return people is not None and code is not None and code not in community_homes()[people.lower()]


def _after_a_person(doc: Doc, start: int) -> bool:
    """Whether a person and "of" come before token ``start``, past an age between commas: "Jane Doe, 23, of", "a
    woman of"; not a place the parser took for a person ("in Ban Sako of Raman district"), the residents or
    villagers of a place, where attacks on them mostly happen ("a resident of Kijiji village in Mandera"), nor an
    office holder ("Mayor Jo Ayo of Buluan", "the governor of X"), who serves there."""
    i = start - 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    i -= 1
    while i > 0 and (doc[i].text == "," or doc[i].like_num):
        i -= 1
    person = doc[i]
    if person.ent_type_ == "PERSON":
        while i > 0 and _capitalized(doc[i - 1]):
            i -= 1
        title = doc[i].lower_ in _OFFICIALS or (i > 0 and doc[i - 1].lower_ in _OFFICIALS)  # "Mayor Jo Ayo of X"
        return not title and not after_locative(doc[i])
    lemma = person.lemma_.lower()
    return person.tag_ == "NN" and lemma in PERSON_NOUNS and lemma not in _HOME_PEOPLE | _OFFICIALS


def introduced_by_demonym(span: Span, *, gazetteer: Gazetteer | None = None) -> str | None:
    """The country a nationality word states in the words that give a place's kind: "the Peruvian town of Yunguyo"
    -> "PE", "the Somali border town of Beled Hawo" -> "SO", "the South Sudanese town of Nimule" -> "SS"; None
    without one."""
    doc, i = span.doc, span.start - 1
    if i < 2 or doc[i].lower_ != "of" or doc[i - 1].lower_ not in _PLACE_NOUNS:
        return None
    demonyms = (gazetteer or default_gazetteer()).demonyms
    for k in range(i - 2, max(i - 5, 0) - 1, -1):  # back to the determiner: "the Somali port city of"
        if doc[k].lower_ in _DETERMINERS or doc[k].is_punct:
            return None
        two = _demonym_at(doc, k - 1, demonyms) if k > 0 else None
        nationality = two if two is not None and two[1] == k + 1 else _demonym_at(doc, k, demonyms)
        if nationality is not None:
            return nationality[0]
    return None


def where_told(token: Token) -> bool:
    """A place where someone spoke of the incident, not where it happened: the place of a saying verb that has the
    clause it reports ("It was reported in La Paz that a bomb exploded", "told reporters in Kabul that ...");
    not "An attack was reported in Kabul", where the place is the attack's."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("in", "at") else None
    return (verb is not None and verb.lemma_ in SAY_VERBS and verb.pos_ in ("VERB", "AUX")
            and any(child.dep_ == "ccomp" for child in verb.children))


def speaks(token: Token) -> bool:
    """A name that says something, the subject of a saying verb or after "according to" ("Toledo said",
    "according to Cordoba"): a person or an office, never where an incident happened. A group claims: "Islamic State
    Khorasan claimed" is no speaker's name."""
    if token.dep_ == "nsubj" and token.head.lemma_ in SAY_VERBS:  # not "a gang said to be ...": no one speaks
        return token.head.lemma_ not in CLAIM_VERBS and not any(c.dep_ == "xcomp" for c in token.head.children)
    return token.head.lower_ == "to" and token.head.i > 0 and token.doc[token.head.i - 1].lower_ == "according"


def speaker_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a transcript's speaker label, a name alone in square brackets ("[ROJAS]
    we expect ...", "[PEREZ TOLEDO]", "[BEGIN MORA RECORDING]"): a person, not a place."""
    bracket = text.rfind("[", max(0, start - 40), start)
    if bracket < 0 or not _SPEAKER_BEFORE.fullmatch(text, bracket + 1, start) or not _SPEAKER_AFTER.match(text, end):
        return False
    i = bracket - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in '.?!:"]'


def names_an_owner(token: Token) -> bool:
    """A place named as the owner or the nationality of someone or something ("U.S. citizens", "Panama's
    archbishop", "Rome's ambassador", "a US drone strike"), which says nothing of where the incident happened."""
    head = token.head
    nouns = [head, *(c for c in head.children  # "a US drone strike"; not the "National" of "X National Army"
                     if c.dep_ == "compound" and c.i > token.i and c.pos_ == "NOUN")]
    return token.dep_ in ("poss", "compound") and head.i != token.i and any(_owned(noun) for noun in nouns)


def _owned(noun: Token) -> bool:
    """Whether a noun names what a place's people own or are: "citizens", "embassy", "drone"."""
    lower = noun.lower_  # truecased wire copy may leave "Properties" unlemmatized
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower.removesuffix("s")
    return noun.lemma_.lower() in _OWNED_NOUNS or singular in _OWNED_NOUNS


def _positions(array: numpy.ndarray, hashes: frozenset[int]) -> list[int]:
    """Indices of the tokens whose LOWER hash (column 0 of ``array``) is in ``hashes``."""
    return [i for i, h in enumerate(array[:, 0].tolist()) if h in hashes]


def after_locative(token: Token, *, where: bool = False) -> bool:
    """Whether a preposition of place comes before: "in", "near the", "in northern", "the city of"; with
    ``where``, only one that says where something is ("in", "near"; not "from", "to")."""
    doc, i = token.doc, _before_name(token)
    if i >= 1 and doc[i].lower_ == "of":  # "the city of", "the outskirts of", not "the death of"
        return doc[i - 1].lower_ in _PLACE_NOUNS
    return i >= 0 and doc[i].lower_ in (_WHERE if where else _LOCATIVE)


def names_a_way(token: Token) -> bool:
    """Whether a place is named as where someone went or came from: "travelling to Mandera", "raiders from
    the north of Wajir"; not where something happened, how near it was ("close to Moyale", "20 km from Moyale"), nor
    where a text was sent from ("a report from San Salvador states that fighting continues": the fighting's place,
    as a dateline's)."""
    i = _before_name(token)
    if i < 0 or token.doc[i].lower_ not in _WAY:
        return False
    preposition, before = token.doc[i], token.doc[i - 1].lower_ if i else ""
    if before in _NEAR_WORDS or before in UNIT_WORDS:
        return False  # "at a well close to Moyale", "20 km from Moyale": how near, not a way
    return preposition.lower_ != "from" or preposition.head.lemma_.lower() not in TEXT_KINDS


def _before_name(token: Token) -> int:
    """The index of the word before a place name, past a direction and "the" ("in northern", "near the")."""
    doc, i = token.doc, token.i - 1
    if i >= 0 and doc[i].lower_ in _DIRECTIONS:
        i -= 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i


def _seat_of(name: str) -> str:
    """The name to look up for a place name: the district's for the subdistrict around its seat ("Chandpur Sadar
    Upazila" -> "Chandpur", which lies in it), none for that word alone ("Sadar upazila of Gaibandha" takes the
    district the text puts around it), else the name itself."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _ADMIN2_NOUNS:
        words = words[:-1]
    if words and words[-1].lower() in _SEAT_WORDS:
        return " ".join(words[:-1])
    return name


def _place_cue(span: Span) -> int:
    """How surely the text puts ``span`` where a place goes: 2 after "the village of" or before "village" or
    "district", in or before a parenthesized list of names; 1 after a preposition of place ("in", "near the");
    else 0."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    adjective = span[0].ent_type_ == "NORP" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "of"
    if _listed_position(span) or (after is not None and (
        after.lower_ in _PLACE_AFTER and not adjective  # "the Catalan city of Girona": an adjective
        or after.text == "(" and _name_list_end(doc, span.end) is not None
    )):
        return 2
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _PLACE_AFTER:
        return 2
    if on_a_road(span):
        return 2
    return 1 if after_locative(span[0]) or _after_named_place(span) or _conjunct_of_cued(span) else 0


def _conjunct_of_cued(span: Span) -> bool:
    """Whether ``span`` is joined by "and" or "or" to a name after a preposition of place: the "Pissila" of
    "between Kaya and Pissila", the "Kandahar" of "in Kabul and Kandahar"."""
    root = first_conjunct(span.root)
    return root.i != span.root.i and root.i < span.start and after_locative(root.left_edge)


def on_a_road(span: Span) -> bool:
    """Whether ``span`` is one of the towns a road joins, written with a hyphen: "the Kaya-Kongoussi road",
    "on the axis Djibo-Arbinda", "the Nairobi-Mombasa highway"."""
    doc, start, end = span.doc, span.start, span.end
    while start >= 2 and doc[start - 1].text == "-" and _capitalized(doc[start - 2]):
        start -= 2
        while start > 0 and _capitalized(doc[start - 1]) and start > span.start - _MAX_UNKNOWN_WORDS * 2:
            start -= 1
    while end + 1 < len(doc) and doc[end].text == "-" and _capitalized(doc[end + 1]):
        end += 2
        while end < len(doc) and _capitalized(doc[end]) and end < span.end + _MAX_UNKNOWN_WORDS * 2:
            end += 1
    if (start, end) == (span.start, span.end):
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    return after in _ROAD_NOUNS or before in _ROAD_NOUNS


def _after_named_place(span: Span) -> bool:
    """Whether ``span`` follows a comma after a name at a preposition of place, and no verb follows it: the
    "Garissa" of "in Fafi, Garissa." (not "in Nairobi, Otieno said")."""
    doc, comma = span.doc, span.start - 1
    if comma < 2 or doc[comma].text != ",":
        return False
    if span.end < len(doc) and doc[span.end].pos_ in ("VERB", "AUX"):
        return False
    first = comma - 1
    while first > 0 and comma - first < _MAX_UNKNOWN_WORDS and _capitalized(doc[first - 1]):
        first -= 1
    return _capitalized(doc[first]) and after_locative(doc[first])


def _listed_position(span: Span) -> bool:
    """Whether ``span`` is in a parenthesized list of names after a name: the "Titao" and "Loroum" of
    "Posso (Titao, Loroum)" and of "Posso village (Titao, Loroum)"."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and span.start - i < _NAME_LIST_TOKENS and doc[i].text != "(":
        if not _in_name_list(doc[i]):
            return False
        i -= 1
    if i < 1 or doc[i].text != "(" or not (_capitalized(doc[i - 1]) or doc[i - 1].lower_ in _PLACE_AFTER):
        return False
    end = _name_list_end(doc, i)
    return end is not None and end >= span.end


def _name_list_end(doc: Doc, open_at: int) -> int | None:
    """Index of the ")" closing the parenthesis at ``open_at`` when it holds only names, their kinds and commas:
    "(Titao, Loroum)", "(Tawila locality, North Darfur state)"."""
    if doc[open_at].text != "(":
        return None
    for k in range(open_at + 1, min(len(doc), open_at + _NAME_LIST_TOKENS)):
        text = doc[k].text
        if text == ")":
            return k if k > open_at + 1 and doc[k - 1].text != "," else None
        if not _in_name_list(doc[k]):
            return None
    return None


def _in_name_list(token: Token) -> bool:
    """A token of a parenthesized list of places: a name's word, a comma, a hyphen or a kind ("locality")."""
    return token.text in (",", "-") or _capitalized(token) or token.lower_ in _PLACE_AFTER


def _names_an_organization(span: Span) -> bool:
    """Whether a place name is the first part of an organization's or a street's name ("Abu Dhabi TV", "Dubai-based",
    "Karl Marx Avenue") or names where a vehicle was going ("a Dhaka-bound bus"), not where it is."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in ("based", "bound"):
        return True
    return end < len(doc) and doc[end].lower_ in _ORGANIZATION_WORDS and (doc[end].text[:1].isupper()
                                                                         or doc[end].lower_ == "tv")


def _names_a_facility(token: Token) -> bool:
    """Whether the entity that starts with ``token`` is a facility named after its place ("Rangpur Medical College
    Hospital", "Moscow State University"): the place still says where the facility is."""
    if token.ent_iob_ != "B":
        return False
    last = token.doc[token.i + _entity_length(token) - 1]
    return _facility_head(last) in _ANY_FACILITY


def _before_facility(span: Span) -> bool:
    """Whether a facility noun follows ``span`` ("Mombasa mosque", "Mombasa police station")."""
    doc, end = span.doc, span.end
    head = _facility_head(doc[end]) if end < len(doc) else None
    if head in _ANY_FACILITY:
        return True
    after = _facility_head(doc[end + 1]) if end + 1 < len(doc) else None
    return after is not None and doc[end].lower_ in FACILITY_NOUNS[after]


def _glued_words(span: Span) -> list[Token]:
    """The words glued by a hyphen to ``span``, before and after it ("Kacham" of "Kacham-Ouest")."""
    doc = span.doc
    glued = []
    if span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_:
        glued.append(doc[span.start - 2])
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_:
        glued.append(doc[span.end + 1])
    return glued


def _glued_name(span: Span) -> Token | None:
    """The capitalized word glued by a hyphen before or after ``span``: the other half of "Kosso-Yiri", one
    village's name, or of "Kyaukme-Hsipaw", two towns; None without one."""
    return next((word for word in _glued_words(span) if _capitalized(word)), None)


def _capitalized(token: Token) -> bool:
    """A word that may be part of a place name: "Titao", "Pobe"; not an acronym ("AL", "APC")."""
    return _capitalized_word(token.text)


def _capitalized_word(text: str) -> bool:
    return text[:1].isupper() and text[:1].isalpha() and not (len(text) > 1 and text.isupper())


def _links(spans: list[Span]) -> list[Link | None]:
    """Which place name the text puts around each one: "Posso (Titao, Loroum)" links Posso to Titao and Titao to
    Loroum, and so do "Ada town (Ada East, ...)", "Zarpora village of Kulgam" and "Zarpora village in (or under)
    Kulgam district" (strictly); "Mokha, Yemen", "Tiwi in Ukunda" and "Tiwi village near Ukunda" link Mokha to
    Yemen and Tiwi to Ukunda (loosely: a comma may join a list, "in" a time, and "near" is beside, not inside)."""
    index = {span.start: i for i, span in enumerate(spans)}
    links: list[Link | None] = [None] * len(spans)
    for i, span in enumerate(spans):
        doc, at = span.doc, span.end
        if at + 1 >= len(doc):
            continue
        after = doc[at].lower_
        if after in _PLACE_AFTER and doc[at + 1].lower_ in _AFTER_PLACE_NOUN:
            at += 1  # "Ada town (", "Zarpora village of", "Tawila locality, North Darfur", "Tiwi village near"
        if at + 1 >= len(doc):
            continue
        word = doc[at].lower_
        noun = after in _VILLAGE_AFTER or span[-1].lower_ in _VILLAGE_AFTER  # "Zarpora village in", not "X town in"
        if word in ("in", "under", "near") and after in _TOWN_NOUNS:
            continue  # a town keeps its own reading: "Embu town in Eastern Province"
        if doc[at + 1].lower_ == "the" and (word == "of" or word in ("in", "under", "near") and noun):
            at += 1
        parent = index.get(at + 1)
        if parent is None or word in ("in", "under", "near") and across_border(spans[parent].root):
            continue  # "Zangrelo, Yagha Province near the Niger border" is not at Niger's point
        if word == "(" and _name_list_end(doc, at) is not None or word == "of" and at > span.end or (
                word in ("in", "under") and noun):
            links[i] = Link(parent, strict=True)
        elif word == ",":
            links[i] = Link(parent, strict=_listed_position(span))
        elif word == "in" or word == "near" and noun:
            links[i] = Link(parent)
    return links


def _resolved_parent(i: int, links: list[Link | None], resolutions: list[Resolution]) -> int | None:
    """The nearest name around name ``i`` (through its chain of links) that resolved to a place with a point."""
    seen = {i}
    link = links[i]
    while link is not None and link.parent not in seen:
        location = resolutions[link.parent].location
        if location is not None and location.lat is not None:
            return link.parent
        seen.add(link.parent)
        link = links[link.parent]
    return None


def _kind_cue(span: Span) -> PlaceKind | None:
    """What the text calls a place: "X province" is admin1, "X district" admin2, "the city of X" and
    "X village" a city; not the noun of a name before it ("the Eastleigh district of Nairobi": the district is
    Eastleigh, and Nairobi the city around it)."""
    doc = span.doc
    noun = doc[span.end].lower_ if span.end < len(doc) else None
    if noun not in _KIND_NOUNS and span.start >= 2 and doc[span.start - 1].lower_ == "of" and not (
            span.start >= 3 and _a_name(doc[span.start - 3])):
        noun = doc[span.start - 2].lower_
    return _KIND_NOUNS.get(noun or "")


def _a_name(token: Token) -> bool:
    """A proper name, not a nationality word nor a capitalized determiner: "Eastleigh" in "the Eastleigh district of
    Nairobi"; not "Afghan" in "the Afghan province of Kunduz" nor "The" opening "The province of Kunduz"."""
    return (_capitalized(token) and token.lower_ not in {"the", "a", "an"} and token.tag_ != "JJ"
            and token.ent_type_ != "NORP")


def _before_its_unit_word(span: Span) -> bool:
    """Whether the model's entity that ``span`` opens is ``span`` and a unit word after it ("Garissa District",
    taken for a person), not a longer name ("Lakshmipur Sadar upazila")."""
    doc, token = span.doc, span[0]
    return (token.ent_iob_ == "B" and token.i + _entity_length(token) == span.end + 1
            and (doc[span.end].lower_ in _ADMIN1_NOUNS or doc[span.end].lower_ in _ADMIN2_NOUNS))


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


__all__ = ["FACILITY_NOUNS", "PlaceFinder", "army_country", "doc_context", "is_origin", "names_a_home",
           "names_a_way", "on_a_road"]
