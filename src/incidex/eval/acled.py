"""ACLED coder notes as gold: each row's note is extracted on its own and its first main incident scored.

What is compared (ACLED field → incidex record; the README's "Evaluation on real annotated data" has the table):

* incident found: the report has at least one ``main`` incident; every other field of a row without one is wrong;
* type: ``event_type`` / ``sub_event_type`` → a set of accepted incidex types (:mod:`.acled_types`);
* date: ``event_date`` at ACLED's ``time_precision`` (exact day; the week: within 6 days; the month). No date is
  given to the pipeline (no publication date), so nothing gives the answer away;
* country: ``iso2`` against ``location.country_code``; each note is given its row's ``source`` (the outlets the coder
  used, "; "-separated) as the document's source unless ``outlets`` is off, so an incident whose text states no
  country takes its outlets' home country (:mod:`incidex.nlp.outlets`);
* admin1: by ISO 3166-2 code when both sides have one (our record's ``admin1_code``; ACLED's name looked up among
  the first-level subdivisions of its country in our gazetteer), else by name (generic words such as "Region" or
  "State" left out);
* point: the distance from our point to ACLED's, within 5 / 25 / 100 km, also by ``geo_precision``;
* fatalities: ``casualties.killed.total`` against ``fatalities``; our null counts as 0 ("none reported"). Notes
  that speak of ACLED's own coding ("Unknown fatalities coded as 10", "deaths split between the days": the coder
  gave each row a share of the deaths the note tells) and notes shared by several rows (the same) are left out;
* what the note names: whether the note names ACLED's location, only a unit that contains it (admin3, admin2,
  admin1), only the country, or none of them (accents and case folded, whole words). The point is also scored on
  the rows whose note names the location, and the country on those that name no place of ACLED's at all: a text
  reader places the first, and only context (outlets, actors) gives the second;
* actor1: a named non-state ``actor1`` (not "Unidentified …", state forces, civilians, protesters or rioters) must
  be among our perpetrators under its canonical name (:func:`.names.same_group`: ACLED's name or the abbreviation
  before its colon). "A and/or B" accepts either. For identity militias ("Pokot Ethnic Militia
  (Kenya)") a perpetrator naming the identity ("Pokot") counts.

Several rows can share one note: each distinct note is extracted once and every row is scored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..geodesy import distance_km
from ..nlp.actors import fold_name
from ..nlp.outlets import outlet_country
from ..types import Document, Incident, Location, Report
from .acled_types import acled_category, category_name
from .data import load_records
from .fields import place_match, tokens
from .names import same_group
from .runner import Evaluation, Run, Section
from .split import split_of
from .tally import Tally

DISTANCES_KM: tuple[int, ...] = (5, 25, 100)
WEEK_DAYS = 6
VIOLENT_TITLE = "ACLED violent events (Battles, Explosions/Remote violence, Violence against civilians)"
OTHER_TITLE = "ACLED other events (riots, protests, strategic developments)"

FIELDS: tuple[str, ...] = (
    "incident found",
    "type",
    "date",
    "country",
    "admin1",
    *(f"point within {km} km" for km in DISTANCES_KM),
    *(f"point within {km} km, geo_precision {p}" for p in (1, 2, 3) for km in DISTANCES_KM),
    *(f"point within {km} km, the note names the location" for km in DISTANCES_KM[1:]),
    "country, the note names no place of ACLED's",
    "fatalities exact (our null = 0)",
    "fatalities exact, ACLED > 0",
    "actor1 named",
    "actor1 named: organization",
    "actor1 named: identity militia",
)

_CODING_NOTE = re.compile(
    r"\b(?:fatalit\w*|deaths?|dead|killed)\b[^.;]{0,60}\bcoded\b|\bcoded\b[^.;]{0,40}\b(?:fatalit\w*|deaths?|dead)\b"
    r"|\b(?:fatalit\w*|deaths?)\b[^.;]{0,30}\b(?:split|distributed|divided|spread)\b",  # over the rows of one story
    re.IGNORECASE,
)
_STATE_ACTOR = re.compile(r"\b(?:Military|Police) Forces of\b|^Government of\b|^(?:Former|Mutiny of)\b")
_GENERIC_ACTOR = re.compile(r"^(?:Unidentified\b|Civilians\b|Protesters\b|Rioters\b|Sole Perpetrator\b)")
_IDENTITY_MILITIA = re.compile(r"^(?P<identity>.+?) (?:Ethnic|Communal|Clan|Tribal) Militia\b")


@dataclass(frozen=True)
class AcledRow:
    """The fields of one ACLED record the scorer uses."""

    id: str
    text: str
    event_date: str
    time_precision: int
    event_type: str
    sub_event_type: str | None
    actor1: str
    country: str
    iso2: str
    admin1: str | None
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    fatalities: int
    source: str | None = None  # the outlets the coder used, "; "-separated
    admin2: str | None = None
    admin3: str | None = None


_OPTIONAL_FIELDS = ("source", "admin2", "admin3")
PLACE_NAMED = ("the location", "a unit containing it", "only the country", "no place of ACLED's")


def load_acled(path: str | Path) -> list[AcledRow]:
    """The rows of an ACLED JSONL file (the shape of ``shared/data/acled/acled_dev.jsonl``)."""
    def row(data: dict[str, Any]) -> AcledRow:
        return AcledRow(**{name: data[name] for name in AcledRow.__dataclass_fields__ if name not in _OPTIONAL_FIELDS},
                        **{name: data.get(name) for name in _OPTIONAL_FIELDS})

    return load_records(path, row, what="ACLED", expects="each line needs the fields of acled_dev.jsonl")


def acled_documents(rows: Sequence[AcledRow], *, outlets: bool = True) -> list[Document]:
    """One document per distinct note (the id and, with ``outlets``, the ``source`` of its first row as the
    document's source: its outlets, "; "-separated), with no publication date."""
    seen: dict[str, Document] = {}
    for row in rows:
        seen.setdefault(row.text, Document(text=row.text, id=row.id, source=row.source if outlets else None))
    return list(seen.values())


def outlets_note(documents: Sequence[Document], *, outlets: bool) -> str:
    """Whether the notes' outlets were given, and how many of the notes have one whose home country is known."""
    if not outlets:
        return "The rows' outlets (source) were not given (--no-outlets): no country comes from an outlet."
    known = sum(outlet_country(document.source) is not None for document in documents)
    return (f"Each note was given its first row's outlets (source, '; '-separated) as its document's source; "
            f"{known} of {len(documents)} notes have outlets with a known home country, which an incident takes "
            f"when its text states no country.")


def place_named(row: AcledRow) -> str:
    """What of ACLED's place the note names (one of :data:`PLACE_NAMED`): its location, else a unit that contains
    it (admin3, admin2, admin1), else its country, else none of them."""
    text = f" {fold_name(row.text)} "

    def names(*places: str | None) -> bool:
        return any(place and (key := fold_name(place)) and f" {key} " in text for place in places)

    if names(row.location):
        return PLACE_NAMED[0]
    if names(row.admin3, row.admin2, row.admin1):
        return PLACE_NAMED[1]
    return PLACE_NAMED[2] if names(row.country) else PLACE_NAMED[3]


def main_incident(report: Report | None) -> Incident | None:
    """The first ``main`` incident of a report: the one a reader sees first."""
    if report is None:
        return None
    return next((incident for incident in report.incidents if incident.role == "main"), None)


def evaluate_acled(rows: Sequence[AcledRow], run: Run, *, outlets: bool = True) -> Evaluation:
    """Score every row against the report of its note (``run`` holds one outcome per :func:`acled_documents`)."""
    by_text = {outcome.document.text: outcome for outcome in run.outcomes}
    shared = Counter(row.text for row in rows)
    violent = Section(VIOLENT_TITLE, Tally.of(FIELDS))
    other = Section(OTHER_TITLE, Tally.of(FIELDS), top_errors=6)
    records = []
    named: dict[str, Counter[str]] = {VIOLENT_TITLE: Counter(), OTHER_TITLE: Counter()}
    for row in rows:
        category = acled_category(row.event_type, row.sub_event_type)
        section = violent if category.violent else other
        where = place_named(row)
        named[section.title][where] += 1
        outcome = by_text[row.text]
        errors = _score_row(section, row, category.accepted, main_incident(outcome.report),
                            error=str(outcome.error) if outcome.error else outcome.skipped, shared=shared[row.text] > 1,
                            named=where)
        if errors:
            records.append(_record(row, main_incident(outcome.report), errors, where))
    excluded = sum(bool(_CODING_NOTE.search(row.text)) for row in rows)
    notes = [
        f"{len(rows)} rows, {len(by_text)} distinct notes ({sum(n for n in shared.values() if n > 1)} rows share "
        f"their note with another row; every row is scored, fatalities only on unshared notes); fatalities also "
        f"leave out {excluded} rows whose note speaks of ACLED's own coding. No publication date is given.",
        outlets_note([outcome.document for outcome in run.outcomes], outlets=outlets),
        *(place_named_note(title, counts) for title, counts in named.items() if counts),
    ]
    return Evaluation("acled", [violent, other], records, run, notes)


def place_named_note(title: str, counts: Counter[str]) -> str:
    """How many rows of a section name each level of ACLED's place."""
    total = sum(counts.values())
    shares = "; ".join(f"{what}: {counts[what]} ({100 * counts[what] / total:.1f} %)" for what in PLACE_NAMED)
    return f"What the notes name of ACLED's place, {title.split(' (')[0]}: {shares}."


def _score_row(section: Section, row: AcledRow, accepted: frozenset[str], incident: Incident | None, *,
               error: str | None, shared: bool, named: str) -> list[str]:
    """Judge every field of one row into ``section``; the error classes of the row."""
    found: list[str] = []
    tally = section.tally
    example = f"{row.id}: {_short(row.text)}"

    def judge(name: str, ok: bool, error_class: str, detail: str = "") -> None:
        """A row with no incident is wrong on every field, and filed once, as "no main incident"."""
        filed = error_class if incident is not None else ""
        ok = ok and incident is not None
        tally.judge(name, ok, error=filed or None, example=f"{example}{detail}")
        if not ok and filed:
            found.append(filed)

    if incident is None:
        reason = "document failed or not extracted" if error else "no main incident"
        tally.judge("incident found", False, error=reason, example=example + (f" [{error}]" if error else ""))
        found.append(reason)
    else:
        tally.judge("incident found", True)
    ours = incident.type if incident else None
    if accepted:
        judge("type", ours in accepted, f"type: {category_name(row.event_type, row.sub_event_type)} → {ours}")
    date_ok, date_error = _date_ok(incident, row)
    judge("date", date_ok, date_error, f" [ours {incident.date.value if incident else None}, gold {row.event_date}]")
    location = incident.location if incident else None
    code = location.country_code if location else None
    judge("country", code == row.iso2, "country: none" if code is None else "country: wrong",
          f" [ours {code}, gold {row.iso2}]")
    if row.admin1:
        ours_admin1 = location.admin1 if location else None
        judge("admin1", location is not None and admin1_match(location, row.admin1, row.iso2),
              "admin1: none" if ours_admin1 is None else "admin1: wrong", f" [ours {ours_admin1}, gold {row.admin1}]")
    km = _distance(incident, row)
    for limit in DISTANCES_KM:
        ok = km is not None and km <= limit
        band = "point: none" if km is None else f"point: over {limit} km"
        detail = f" [{location.name if location else None} {'—' if km is None else f'{km:.0f} km'}]"
        judge(f"point within {limit} km", ok, band if limit == DISTANCES_KM[-1] else "", detail)
        judge(f"point within {limit} km, geo_precision {row.geo_precision}", ok, "")
        if limit != DISTANCES_KM[0] and named == PLACE_NAMED[0]:
            judge(f"point within {limit} km, the note names the location", ok, "")
    if named == PLACE_NAMED[-1]:
        judge("country, the note names no place of ACLED's", code == row.iso2, "")
    if not shared and not _CODING_NOTE.search(row.text):
        killed = incident.casualties.killed.total if incident else None
        ok = (killed or 0) == row.fatalities
        error_class = _fatality_error(killed, row.fatalities)
        detail = f" [ours {killed}, gold {row.fatalities}]"
        judge("fatalities exact (our null = 0)", ok, error_class, detail)
        if row.fatalities > 0:
            judge("fatalities exact, ACLED > 0", ok, "")
    names = actor_alternatives(row.actor1)
    if names is not None:
        ok, error_class = _actor_found(incident, names)
        militia = any(_IDENTITY_MILITIA.match(name) for name in names)
        detail = f" [gold {row.actor1}; ours {[p.name or p.text for p in incident.perpetrators] if incident else []}]"
        judge("actor1 named", ok, error_class, detail)
        judge("actor1 named: identity militia" if militia else "actor1 named: organization", ok, "")
    return found


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date_ok(incident: Incident | None, row: AcledRow) -> tuple[bool, str]:
    value = incident.date.value if incident else None
    if not value:
        return False, "date: none"
    gold = date.fromisoformat(row.event_date)
    if row.time_precision == 3:
        return value[:7] == row.event_date[:7], "date: wrong"
    if len(value) != 10:
        return False, "date: not to the day"
    days = abs((date.fromisoformat(value) - gold).days)
    return days <= (WEEK_DAYS if row.time_precision == 2 else 0), "date: wrong"


def _distance(incident: Incident | None, row: AcledRow) -> float | None:
    if incident is None or incident.location.lat is None or incident.location.lon is None:
        return None
    return distance_km(incident.location.lat, incident.location.lon, row.latitude, row.longitude)


def _fatality_error(ours: int | None, gold: int) -> str:
    if (ours or 0) == gold:
        return ""
    if ours is None:
        return "fatalities: none found (ACLED > 0)"
    if gold == 0:
        return "fatalities: ours > 0, ACLED 0"
    return "fatalities: ours higher" if ours > gold else "fatalities: ours lower"


# --- admin1 ------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def admin1_key(name: str, country: str | None) -> str | None:
    """The code of the first-level subdivision of ``country`` called ``name`` in our gazetteer: its ISO 3166-2 code
    where the gazetteer has one, else ``CC.<GeoNames code>``; None when the gazetteer has no such subdivision."""
    from ..nlp.gazetteer import default_gazetteer

    if not country:
        return None
    for candidate in default_gazetteer().lookup(name):
        place = candidate.place
        if place.kind == "admin1" and place.country_code == country and place.admin1_code:
            return place.admin1_iso or f"{country}.{place.admin1_code}"
    return None


def admin1_match(ours: Location, gold: str, gold_country: str) -> bool:
    """Same subdivision: by code when both sides have one (our record's ``admin1_code``, else its admin1 name looked
    up like the gold name), else by name."""
    if ours.admin1 is None:
        return False
    a = ours.admin1_code or admin1_key(ours.admin1, ours.country_code)
    b = admin1_key(gold, gold_country)
    if a and b:
        return a == b
    return place_match(ours.admin1, gold)


# --- actors --------------------------------------------------------------------------------------------------------


def actor_alternatives(actor1: str) -> list[str] | None:
    """The named non-state actors ``actor1`` stands for ("A and/or B" gives both), or None when it names none."""
    if _GENERIC_ACTOR.match(actor1) or _STATE_ACTOR.search(actor1):
        return None
    return [part.strip() for part in actor1.split(" and/or ") if part.strip()]


def _actor_found(incident: Incident | None, names: Sequence[str]) -> tuple[bool, str]:
    if incident is None or not incident.perpetrators:
        return False, "actor1: no perpetrator"
    for name in names:
        if militia := _IDENTITY_MILITIA.match(name):
            identity = tokens(militia["identity"])
            if any(identity <= tokens(p.name or p.text) for p in incident.perpetrators):
                return True, ""
            continue
        if any(p.name and same_group(p.name, name) for p in incident.perpetrators):
            return True, ""
    if not any(p.name for p in incident.perpetrators):
        return False, "actor1: perpetrators without a canonical name"
    return False, "actor1: another group named"


def _record(row: AcledRow, incident: Incident | None, errors: list[str], named: str) -> dict[str, Any]:
    location = incident.location if incident else None
    return {
        "id": row.id,
        "split": split_of(row.id),
        "errors": errors,
        "text": row.text,
        "note_names": named,
        "gold": {
            "category": category_name(row.event_type, row.sub_event_type),
            "event_date": row.event_date,
            "time_precision": row.time_precision,
            "iso2": row.iso2,
            "admin1": row.admin1,
            "location": row.location,
            "lat": row.latitude,
            "lon": row.longitude,
            "geo_precision": row.geo_precision,
            "fatalities": row.fatalities,
            "actor1": row.actor1,
        },
        "ours": None if incident is None else {
            "type": incident.type,
            "date": incident.date.value,
            "country_code": location.country_code,
            "admin1": location.admin1,
            "location": location.name,
            "lat": location.lat,
            "lon": location.lon,
            "km": None if (km := _distance(incident, row)) is None else round(km, 1),
            "killed": incident.casualties.killed.total,
            "perpetrators": [{"text": p.text, "name": p.name} for p in incident.perpetrators],
        },
    }
