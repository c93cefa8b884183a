"""Turn an annotated ``Doc`` into :class:`~incidex.types.Report`: one Incident per frame, each field with evidence."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Span

from ..figures import SourcedFigure, reconcile
from ..types import (
    Claim,
    DateValue,
    DocumentInfo,
    Evidence,
    Figure,
    Incident,
    Location,
    Mention,
    Perpetrator,
    Report,
    Source,
    SourceKind,
    Victim,
    place_rank,
)
from .actors import COMMUNAL_SUFFIX
from .annotations import PlaceMention, SourceMention, doc_text
from .datelines import dateline_of
from .frames import Arg, CasualtyArg, FrameArguments, IncidentFrame
from .places import after_locative, introduced_by_demonym, named_countries, names_a_home, names_a_way, on_a_road
from .unstated_country import unstated_country

DETERMINERS = ("the ", "a ", "an ", "this ", "that ")
SUMMARY_CHARS = 300
LOCAL_MILITIA_PRECISIONS = frozenset({"city", "admin2", "admin1"})
RESPELLED_PLACE = "incidex_places_v1:spelling"  # a location's evidence when the gazetteer matched a respelling


def _component(arg: Arg, rules: str = "incidex_roles_v1") -> str:
    """The component an argument's evidence names: the learned one that found the span, else ``rules``."""
    return arg.learned or rules


def _strip_determiner(text: str) -> str:
    lower = text.lower()
    for det in DETERMINERS:
        if lower.startswith(det):
            return text[len(det):]
    return text


class _Builder:
    """Collects one incident's fields together with their evidence."""

    def __init__(self, doc: Doc, frame: IncidentFrame, all_frames: list[IncidentFrame],
                 sources: list[SourceMention], sentence_frames: dict[int, list[IncidentFrame]],
                 outlet: tuple[str, SourceKind] | None, countries: Counter[str]) -> None:
        self.doc = doc
        self.args: FrameArguments = (doc._.incidex_arguments or {}).get(frame.id, FrameArguments())
        self.type: str = doc._.incidex_types[frame.id]
        self.outlet = outlet
        self.cased = doc_text(doc)
        self.text = doc._.incidex_original or self.cased  # the input: the Doc may hold it recased (nlp/casing.py)
        self.frame = frame
        self.all_frames = all_frames
        self.sentence_frames = sentence_frames
        self.sources = sources
        self.countries = countries  # places and nationality words the text names per country (named_countries)
        self.evidence: list[Evidence] = []

    def words(self, text: str, start: int) -> str:
        """``text``, found at ``start`` in the Doc, as the input writes it (the Doc may hold the input recased)."""
        if self.text is self.cased or self.cased[start : start + len(text)] != text:
            return text
        return self.text[start : start + len(text)]

    def cite(self, field: str, start: int, end: int, component: str) -> None:
        self.evidence.append(Evidence(field, self.text[start:end], start, end, component))

    def build(self) -> Incident:
        frame, args = self.frame, self.args
        trigger = next((t for t in frame.triggers if t.type == self.type and not t.agent), frame.triggers[0])
        self.cite("type", trigger.start, trigger.end, "incidex_incidents_v1")
        self.cite("role", trigger.start, trigger.end, "incidex_incidents_v1")
        incident = Incident(
            id=frame.id,
            role=frame.role,  # type: ignore[arg-type]
            type=self.type,  # type: ignore[arg-type]
            date=self._date(),
            location=(location := self._location()),
            perpetrators=self._perpetrators(location),
            victims=self._victims(),
            targets=self._mentions("targets", args.targets),
            responders=self._mentions("responders", args.responders),
            weapons=self._mentions("weapons", args.weapons),
        )
        incident.figures, sourced = self._figures(incident)
        incident.casualties, incident.reconciliation = reconcile(sourced)
        for decision in incident.reconciliation:
            figure = next((f for f in incident.figures if f.field == decision.field and
                           (f.value == decision.value or f.low == decision.value)), None)
            figure = figure or next((f for f in incident.figures if f.field.startswith(decision.field.split(".")[0])),
                                    None)
            if figure is not None:
                self.cite(f"casualties.{decision.field}", figure.start, figure.end, "incidex_roles_v1")
        incident.sources = self._sources()
        if self.outlet is not None:
            incident.sources.append(self._outlet_source(incident.figures))
        sentence = self.doc[frame.triggers[0].token].sent
        incident.summary = self.words(sentence.text, sentence.start_char).strip()[:SUMMARY_CHARS]
        incident.evidence = self.evidence
        return incident

    def _date(self) -> DateValue:
        mention = self.frame.date
        if mention is None:
            return self._dateline_date()
        self.cite("date", mention.start, mention.end, "incidex_dates_v1")
        return DateValue(mention.date.value, mention.date.precision, self.words(mention.text, mention.start),
                         mention.date.resolved)

    def _dateline_date(self) -> DateValue:
        """The date of an incident whose text gives none: the dateline's day for the main incident of a wire report
        ("SAN SALVADOR, 3 JAN 90 -- ... GUERRILLAS ATTACKED A BRIDGE"), as a wire files a story on the day of the
        events it tells; else no date. Background incidents are told from earlier days, so they take none."""
        dateline = dateline_of(self.doc) if self.frame.role == "main" else None
        if dateline is None or dateline.date is None or dateline.date_value is None:
            return DateValue(value=None, precision="unknown", text=None, resolved=False)
        start, end = dateline.date
        self.cite("date", start, end, "incidex_datelines_v1")
        return DateValue(dateline.date_value, "day", self.text[start:end])

    def _location(self) -> Location:
        args = self.args
        places = [p for p in args.places if p.location is not None and p.location.lat is not None]
        places = places or [p for p in args.places if p.location is not None]
        location = Location()
        chosen: PlaceMention | None = None
        if places:
            chosen = self._place(places)
            location = Location(**vars(chosen.location))
            if chosen.kind != "country":  # the gazetteer's spelling first, else the text's
                location.name = location.name or self.words(chosen.text, chosen.start)
            start, end = chosen.within or (chosen.start, chosen.end)  # where the country and point came from
            component = RESPELLED_PLACE if chosen.respelled else "incidex_places_v1"
            for field in ("name", "country_code", "admin1", "admin1_code", "lat", "lon", "precision"):
                if getattr(location, field) is not None:
                    own = field in ("name", "precision")
                    self.cite(f"location.{field}", chosen.start if own else start, chosen.end if own else end,
                              component)
            country = next((p for p in args.places if (p.kind == "country" or p.inferred) and p.location), None)
            # else another of its places: "Olkiboko village in the Mosiroi area, Rift Valley Province"
            country = country or next((p for p in args.places if p.location and p.location.country_code), None)
            if location.country_code is None and country is not None and country.location is not None:
                location.country_code, location.uncertain = country.location.country_code, True  # "Likoni"
                self.cite("location.country_code", country.start, country.end, "incidex_places_v1")
        unstated = None if location.country_code else unstated_country(self.doc, [*args.perpetrators,
                                                                                 *(self.doc._.incidex_actors or [])])
        if unstated is not None:  # "Mungiki members killed", a national daily's story, "the Burkinabe army clashed"
            location.country_code, location.uncertain = unstated.code, True
            self.evidence.append(Evidence("location.country_code", unstated.text, unstated.start, unstated.end,
                                          unstated.component))  # the outlet's: the document's metadata, no span
        facilities = args.facilities
        if self.type in {"arrest", "plot"}:  # the facility of a planned attack is not where people were held
            facilities = [f for f in facilities if not any(t.start <= f.start < t.end for t in args.targets)]
        if facilities:
            facility = facilities[0]
            if chosen is not None:
                facility = min(facilities, key=lambda f: abs(f.start - chosen.start))
            location.facility = _strip_determiner(self.words(facility.text, facility.start))
            self.cite("location.facility", facility.start, facility.end, "incidex_places_v1")
        return location

    def _place(self, places: list[PlaceMention]) -> PlaceMention:
        """The incident's place among the frame's.

        Its country is that of a place the sentence of the first trigger names after a preposition that says where
        ("kidnapped in Colombia", "a bomb in the capital of Bogota"; not "from", "to"), in the trigger's clause
        first, else the nearest; when that sentence names none of the frame's places, the first trigger's sentence
        that does. A place finer than a country counts only in the country the whole text states, in the one it
        names the most places and nationality words of (more than one), or in the one a nationality word before it
        states ("the Peruvian town of Yunguyo"), since a town's or region's name is often another country's too.
        Without one, the country the whole text states. In that country: a place not named as a road's end first
        ("on the Kaya-Kongoussi road at Korsimoro" is at Korsimoro), then, when a place finer than a country is
        named after "in", "at", "near" ..., one not named as where a person lives ("Jane Doe, of Fort Smith, was
        shot near Spiro" is at Spiro; :func:`~.places.names_a_home`), then the finest, then one that lies in a unit
        of government that sentence names ("between Kisumu and Eldoret (Uasin Gishu County)" is at Eldoret), then
        one not named as where someone went or came from ("travelling to Mandera, near Lafey" is at Lafey), then
        one in that sentence, then the first.
        """
        doc, countries = self.doc, self.countries
        triggers = [doc[t.token] for t in self.frame.triggers]
        trigger = next((t for t in triggers if any(t.sent.start_char <= p.start < t.sent.end_char for p in places)),
                       triggers[0])
        sentence = trigger.sent
        clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head  # "a bomb exploded in X"
        most = max(countries.values(), default=0)
        stated = doc._.incidex_country  # the country the whole text states
        text_country = stated.location.country_code if stated is not None and stated.location is not None else None

        def told(place: PlaceMention) -> bool:
            return sentence.start_char <= place.start < sentence.end_char

        def states_the_country(place: PlaceMention, span: Span) -> bool:
            code = place.location.country_code
            return (not place.inferred and code is not None and after_locative(span[0], where=True)
                    and (place.location.precision == "country" or code == text_country
                         or countries[code] == most > 1 or introduced_by_demonym(span) == code))

        def outside_its_clause(span: Span) -> bool:
            return span.root != clause and clause not in span.root.ancestors

        cued = [(p, span) for p in places if told(p)
                and (span := doc.char_span(p.start, p.end, alignment_mode="expand")) is not None
                and states_the_country(p, span)]
        nearest = min(cued, key=lambda pair: (outside_its_clause(pair[1]), abs(pair[0].start - trigger.idx)),
                      default=None)
        home = nearest[0].location.country_code if nearest is not None else text_country
        pool = [p for p in places if p.location.country_code in (home, None)] or places
        named = [p for p in pool if p.kind != "country" and not p.inferred] or pool

        units = _named_units([m for m in doc._.incidex_places or [] if told(m)])
        spans = {p.start: doc.char_span(p.start, p.end, alignment_mode="expand") for p in named}
        homes = {start for start, span in spans.items() if span is not None and names_a_home(span)}
        located = any(p.start not in homes and p.location.precision != "country" and spans[p.start] is not None
                      and after_locative(spans[p.start][0], where=True) for p in named)  # "near Spiro"

        def rank(place: PlaceMention) -> tuple[bool, bool, int, bool, bool, bool, int]:
            span = spans[place.start]
            road_end = span is not None and on_a_road(span)
            home = located and place.start in homes
            way = span is not None and names_a_way(span[0])
            precision = place_rank(place.location.precision or "region")
            return road_end, home, precision, not _in_named_unit(place, units), way, not told(place), place.start

        return min(named, key=rank)

    def _perpetrators(self, location: Location) -> list[Perpetrator]:
        """The frame's perpetrators; unnamed local sides of a clash become one "<place> Communal Militia" when the
        incident has a place finer than a country (or a name the gazetteer lacks, in a known country), and are left
        out otherwise (they name no one)."""
        result: list[Perpetrator] = []
        local_name = None
        unlisted = location.precision is None and location.country_code is not None  # a village we lack, in a country
        if location.name and (location.precision in LOCAL_MILITIA_PRECISIONS or unlisted):
            local_name = f"{location.name} {COMMUNAL_SUFFIX}"
        for arg in self.args.perpetrators:
            name = local_name if arg.local else arg.name
            if arg.local and (name is None or any(p.name == name for p in result)):
                continue
            self.cite(f"perpetrators[{len(result)}]", arg.start, arg.end,
                      _component(arg, "incidex_actors_v1" if arg.kind == "organization" else "incidex_roles_v1"))
            result.append(Perpetrator(text=self.words(arg.text, arg.start), name=name,
                                      kind=arg.kind,  # type: ignore[arg-type]
                                      count=arg.count, relation=arg.relation))  # type: ignore[arg-type]
        return result

    def _victims(self) -> list[Victim]:
        result = []
        for arg in self.args.victims:
            statuses: list[str] = []
            for cue in arg.statuses:
                if cue.status not in statuses:
                    statuses.append(cue.status)
            index = len(result)
            self.cite(f"victims[{index}]", arg.start, arg.end, _component(arg))
            for cue in arg.statuses:
                self.cite(f"victims[{index}].status", cue.start, cue.end, "incidex_roles_v1")
            result.append(Victim(text=self.words(arg.text, arg.start), count=arg.count,
                                 status=", ".join(statuses) or None))
        return result

    def _mentions(self, field: str, args: list[Arg]) -> list[Mention]:
        seen: set[str] = set()
        result = []
        for arg in args:
            key = _strip_determiner(arg.text).lower()
            if key in seen:
                continue
            seen.add(key)
            self.cite(f"{field}[{len(result)}]", arg.start, arg.end, _component(arg))
            result.append(Mention(text=self.words(arg.text, arg.start)))
        return result

    def _figures(self, incident: Incident) -> tuple[list[Figure], list[SourcedFigure]]:
        args = self.args
        stated = list(args.casualties)
        if not incident.responders:
            stated = [_as_victims(c) if c.field.endswith(".responders") and c.value != 0 else c for c in stated]
        for victim in args.victims:
            if victim.count is None:
                continue
            statuses = {c.status for c in victim.statuses}
            for status, field in (("taken hostage", "hostages_taken"), ("kidnapped", "hostages_taken"),
                                  ("released", "hostages_released")):
                if status in statuses and not any(c.field == field and c.value == victim.count for c in stated):
                    stated.append(CasualtyArg(victim.start, victim.end, victim.text, field=field, value=victim.count))
        positive = {c.field for c in stated if (c.value or c.low or 0) > 0}
        harmed = {cue.status for victim in args.victims for cue in victim.statuses} & {"killed", "injured"}
        stated = [c for c in stated if (c.value or c.low or 0) > 0  # "a blast injured several people ... no
                  or c.field not in positive and c.field.split(".")[0] not in harmed]  # casualties": injured unknown
        stated = _own_account(stated)
        unique: dict[tuple[str, int, int], CasualtyArg] = {}
        for arg in stated:
            unique.setdefault((arg.field, arg.start, arg.value or -1), arg)
        stated = _summed(list(unique.values()), self._source_of, self.text, self._sentence_of)
        figures, sourced = [], []
        for arg in stated:
            source = self._source_of(arg.start, arg.end)
            name, kind = (source.name, source.kind) if source else self.outlet or (None, None)
            figure = Figure(arg.field, arg.value, name, self.words(arg.text, arg.start), arg.start, arg.end, arg.low,
                            arg.high)
            figures.append(figure)
            sourced.append(SourcedFigure(figure, kind))
        return figures, sourced

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start_char for sentence in self.doc.sents]

    def _sentence_of(self, char: int) -> int:
        """The index of the sentence holding character ``char`` (the sentences are listed once, when first asked)."""
        return bisect_right(self._sentence_starts, char)

    def _source_of(self, start: int, end: int) -> SourceMention | None:
        for source in self.sources:
            if any(c.start <= start and end <= c.end for c in source.claims):
                return source
        return None

    def _sources(self) -> list[Source]:
        spans = self._sentence_spans()
        result = []
        for mention in self.sources:
            claims = [c for c in mention.claims if self._claim_is_about_frame(c, spans)]
            if not claims:
                continue
            self.cite(f"sources[{len(result)}]", mention.start, mention.end, "incidex_attribution_v1")
            result.append(Source(name=mention.name, kind=mention.kind,
                                 claims=[Claim(self.words(c.text, c.start), c.start, c.end, c.hedged)
                                         for c in claims],
                                 verb=mention.verb, start=mention.start, end=mention.end))
        return result

    def _outlet_source(self, figures: list[Figure]) -> Source:
        """The publishing outlet of a declared kind: no span in the text (``start``/``end`` None); its claims are the
        figures the report states in its own voice, which :meth:`_figures` attributed to it."""
        name, kind = self.outlet  # type: ignore[misc]
        own = sorted({(f.start, f.end) for f in figures
                      if f.source == name and self._source_of(f.start, f.end) is None})
        return Source(name=name, kind=kind, claims=[Claim(self.text[start:end], start, end) for start, end in own])

    def _claim_is_about_frame(self, claim: Claim, spans: list[tuple[int, int]]) -> bool:
        """A claim that mentions incidents is about those; one that mentions none, about its sentence's incident."""
        inside = [f for f in self.all_frames for t in f.triggers if claim.start <= t.start < claim.end]
        if inside:
            return self.frame in inside
        return any(s <= claim.start < e for s, e in spans)

    def _sentence_spans(self) -> list[tuple[int, int]]:
        """Character ranges of the sentences about this incident: those with its triggers or arguments, and
        trigger-less sentences next to one of its trigger sentences."""
        doc, args = self.doc, self.args
        starts = {doc[t.token].sent.start_char for t in self.frame.triggers}
        for item in [*args.casualties, *args.victims, *args.weapons, *args.perpetrators]:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None:
                starts.add(span.sent.start_char)
        starts |= {start for start, frames in self.sentence_frames.items() if self.frame in frames}
        return [(s.start_char, s.end_char) for s in doc.sents if s.start_char in starts]


def _named_units(mentions: list[PlaceMention]) -> list[Location]:
    """The units of government (first- and second-level) that a text names and the gazetteer read."""
    return [m.location for m in mentions if m.kind == "place" and m.location is not None and not m.location.uncertain
            and m.location.precision in ("admin1", "admin2")]


def _in_named_unit(place: PlaceMention, units: list[Location]) -> bool:
    """Whether the text names a unit of government coarser than ``place`` whose first-level subdivision holds it
    ("Eldoret ... Uasin Gishu County")."""
    location = place.location
    if location is None or location.admin1 is None:
        return False
    rank = place_rank(location.precision)
    return any(unit.country_code == location.country_code and unit.admin1 == location.admin1
               and place_rank(unit.precision) > rank for unit in units)


def _sentence_frames(doc: Doc, frames: list[IncidentFrame], reach: int = 2) -> dict[int, list[IncidentFrame]]:
    """For each sentence (by start offset), the incidents it is about: those with a trigger in it, else those of the
    nearest sentence with a trigger within ``reach`` sentences (the earlier one on a tie)."""
    sentences = list(doc.sents)
    with_triggers: dict[int, list[IncidentFrame]] = {}
    for frame in frames:
        for trigger in frame.triggers:
            index = next(i for i, s in enumerate(sentences) if s.start <= trigger.token < s.end)
            with_triggers.setdefault(index, [])
            if frame not in with_triggers[index]:
                with_triggers[index].append(frame)
    result: dict[int, list[IncidentFrame]] = {}
    for index, sentence in enumerate(sentences):
        for distance in range(reach + 1):
            found = with_triggers.get(index - distance) or with_triggers.get(index + distance)
            if found:
                result[sentence.start_char] = found
                break
    return result


def _sum(args: list[CasualtyArg], field: str, text: str) -> CasualtyArg:
    """One figure for several counts of distinct people, over the span that states them all."""
    start, end = min(a.start for a in args), max(a.end for a in args)
    exact = all(a.value is not None for a in args)
    lows = [a.value if a.value is not None else a.low for a in args]
    highs = [a.value if a.value is not None else a.high for a in args]
    return CasualtyArg(start, end, text[start:end], field=field,
                       value=sum(a.value or 0 for a in args) if exact else None,
                       low=None if exact or None in lows else sum(x or 0 for x in lows),
                       high=None if exact or None in highs else sum(x or 0 for x in highs))


def _merged(parts: list[CasualtyArg], field: str, text: str) -> CasualtyArg:
    merged = _sum(parts, field, text) if len(parts) > 1 else parts[0]
    merged.additive = any(p.additive for p in parts)
    merged.died_later = any(p.died_later for p in parts)
    return merged


def _conjunction_figures(kind: str, fields: dict[str, list[CasualtyArg]], text: str) -> list[CasualtyArg]:
    """The figures of one conjunction of counts, one per field ("two soldiers and a civilian"). When some parts
    belong to no known party and others do ("the village chief and his son", "a police officer and two
    passers-by"), the total is the sum of every part, not of the unknown ones alone."""
    total = f"{kind}.total"
    if total not in fields or len(fields) == 1:
        return [_merged(parts, field, text) for field, parts in fields.items()]
    every = [arg for parts in fields.values() for arg in parts]
    return [*(_merged(parts, field, text) for field, parts in fields.items() if field != total),
            _merged(sorted(every, key=lambda a: a.start), total, text)]


def _summed(args: list[CasualtyArg], source_of: Callable[[int, int], SourceMention | None],
            text: str, sentence_of: Callable[[int], int]) -> list[CasualtyArg]:
    """Counts that add up, per field and source: the counts of one conjunction ("two soldiers and a civilian") are
    one figure; counts of people beyond those told before ("another civilian", "were also killed") are added to
    each other figure of the field, else (a party no other figure counts) to the stated totals, or, for a total
    that no one states, to the sum of the stated party figures; to those of its own source first, else to those
    of any source. A count beyond others adds only to a figure at most
    two sentences from it, unless those people died later ("a wounded guard died in hospital on Tuesday"): "five
    more were wounded" told five sentences away from "96 people were injured" is another episode's count, not part
    of that figure, and is left out. A toll ("the toll rose to eight") already holds the counts told before it and
    in its sentence."""
    def near(adds: list[CasualtyArg], other: CasualtyArg) -> list[CasualtyArg]:
        def after(add: CasualtyArg) -> int:  # how many sentences after ``other`` the count is told
            return sentence_of(add.start) - sentence_of(other.start)

        return [a for a in adds if (a.died_later or abs(after(a)) <= 2) and (not other.toll or after(a) > 0)]

    def key(arg: CasualtyArg) -> tuple[str, str | None]:
        source = source_of(arg.start, arg.end)
        return arg.field, source.name if source else None

    conjunctions: dict[tuple[str, str | None, int], dict[str, list[CasualtyArg]]] = {}
    result: list[CasualtyArg] = []
    for arg in args:
        if arg.part_of is None or not (arg.value or arg.low):
            result.append(arg)
        else:
            field, source = key(arg)
            conjunctions.setdefault((field.split(".")[0], source, arg.part_of), {}).setdefault(field, []).append(arg)
    for (kind, _, _), fields in conjunctions.items():
        result += _conjunction_figures(kind, fields, text)
    additions: dict[tuple[str, str | None], list[CasualtyArg]] = {}
    for arg in result:
        if arg.additive and (arg.value or arg.low):
            additions.setdefault(key(arg), []).append(arg)
    for (field, source), adds in additions.items():
        kind = field.split(".")[0]
        stated = [a for a in result if not a.additive and a.field in (field, f"{kind}.total") and (a.value or a.low)]
        # "injuring 40 people. Three more were also wounded, police said": beyond the counts told before, whoever
        # told them, when the count's own source told none
        stated = [a for a in stated if key(a)[1] == source] or stated
        others = [a for a in stated if a.field == field]
        totals = [a for a in stated if a.field == f"{kind}.total"]
        if not others and totals and not field.endswith(".total"):
            # "eight policemen were killed ... one militant was also killed": a party of its own, beyond the total
            result = [a for a in result if a not in totals] + [_sum([t, *near(adds, t)], t.field, text)
                                                               for t in totals]
            continue
        if not others and field.endswith(".total"):
            parties = [a for a in result if not a.additive and a.field.startswith(f"{kind}.")
                       and key(a)[1] == source and (a.value or a.low)]
            if parties and len({a.field for a in parties}) == len(parties):
                others = [_sum(parties, field, text)]
        result = [a for a in result if a not in adds and a not in others]
        result += [_sum([other, *near(adds, other)], field, text) for other in others] or [_sum(adds, field, text)]
    return sorted(result, key=lambda a: a.start)


def _own_account(args: list[CasualtyArg]) -> list[CasualtyArg]:
    """The figures of the report's own account: another account's figure ("a rival paper puts the dead at nine") is
    kept only for a kind (killed, injured...) the report itself counts no one of."""
    def kind(arg: CasualtyArg) -> str:
        return arg.field.split(".")[0]

    own = {kind(a) for a in args if not a.alternative and (a.value or a.low)}
    return [a for a in args if not a.alternative or kind(a) not in own]


def _as_victims(arg: CasualtyArg) -> CasualtyArg:
    """Security forces who were attacked, not responding, count as victims ("no officers were hurt" stays theirs)."""
    return replace(arg, field=arg.field.replace(".responders", ".victims"))


def assemble(doc: Doc, document: DocumentInfo) -> Report:
    """The report for an annotated Doc. When the document names its outlet and the outlet's kind is declared, the
    figures the report states in its own voice are attributed to the outlet, ranked by that kind. A document with no
    publication date takes its dateline's (the report's date), with a warning naming where it was read."""
    dateline = doc._.incidex_dateline
    if document.published is None and doc._.incidex_published and dateline is not None and dateline.date:
        document.published = doc._.incidex_published
        start, end = dateline.date
        document.warnings.append(f"published: {document.published}, read from the dateline "
                                 f"({(doc._.incidex_original or doc_text(doc))[start:end]!r} at {start}-{end})")
    frames: list[IncidentFrame] = doc._.incidex_incidents or []
    sources: list[SourceMention] = doc._.incidex_sources or []
    sentence_frames = _sentence_frames(doc, frames)
    outlet = (document.source, document.source_kind) if document.source and document.source_kind else None
    countries = named_countries(doc)
    return Report(document=document, incidents=[
        _Builder(doc, frame, frames, sources, sentence_frames, outlet, countries).build() for frame in frames])
