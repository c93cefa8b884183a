"""The full MUC-4 answer keys (all 25 slots) as gold for the fields of our record.

Each message is extracted from its raw upper-case text as it is, with the date of its dateline as the
publication date (the report date, legitimately known). Our incidents (main and background) are aligned one to one
with the message's templates, greedily by agreement (type, country, date, perpetrator organization); a template
with no incident that agrees on anything is "not found". Templates marked OPTIONAL are left out of the tables.

Per template (n counts the templates whose key fills the slot; a template not found is wrong on every slot):

* type: ``INCIDENT: TYPE`` against our type mapped to MUC-4 (:data:`.muc4.TYPE_TO_MUC`);
* date: ``INCIDENT: DATE``: a day, a range ``A - B``, or ``- B`` (on or before B, when the text gives no date).
  Our date, read as the days it covers (a day, a month, a year), must lie inside the key's interval; for ``- B``
  no date at all is also right;
* country and city: ``INCIDENT: LOCATION`` (``COUNTRY: PLACE (TYPE): …``): the country by ISO code, the city (an
  item typed CITY, TOWN or VILLAGE) by name against our location name;
* stage: ``INCIDENT: STAGE OF EXECUTION``. incidex has no stage field; it is read from our type: ``plot`` is
  THREATENED or ATTEMPTED, every other type ACCOMPLISHED (a gap: an attempt that failed has no type of its own);
* perpetrator organization: every ``PERP: ORGANIZATION ID`` fill must be among our perpetrators (name or text;
  :func:`.names.same_group`); where it is found and ``PERP: ORGANIZATION CONFIDENCE`` gives a confidence, our
  relation must be one :data:`CONFIDENCE_RELATIONS` accepts;
* human-target effect: a template whose ``HUM TGT: EFFECT OF INCIDENT`` includes DEATH needs a killed figure above
  0, INJURY an injured figure above 0; NO DEATH / NO INJURY OR DEATH needs no killed figure above 0.

Messages with no template: the share where we report no main incident.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..types import Document, Incident, Report
from .data import load_records
from .fields import place_match
from .muc4 import TYPE_TO_MUC
from .names import same_group
from .runner import Evaluation, Run, Section
from .split import split_of
from .tally import Tally

# MUC-4 PERP: ORGANIZATION CONFIDENCE -> the relations of our record that say the same.
CONFIDENCE_RELATIONS: dict[str, frozenset[str]] = {
    "CLAIMED OR ADMITTED": frozenset({"claimed"}),
    "SUSPECTED OR ACCUSED BY AUTHORITIES": frozenset({"accused", "suspected"}),
    "SUSPECTED OR ACCUSED": frozenset({"accused", "suspected"}),
    "REPORTED AS FACT": frozenset({"stated", "linked"}),
    "POSSIBLE": frozenset({"suspected"}),
    "ACQUITTED": frozenset(),
}
STAGE_OF_PLOT = frozenset({"THREATENED", "ATTEMPTED"})
CITY_TYPES = frozenset({"CITY", "TOWN", "VILLAGE"})
FIELDS: tuple[str, ...] = (
    "template found",
    "type",
    "date",
    "date (key gives a day or range)",
    "date (key gives only an upper bound)",
    "date (upper bound only, where we give a date)",
    "country",
    "city",
    "stage",
    "stage: ACCOMPLISHED",
    "stage: THREATENED or ATTEMPTED",
    "perpetrator organization found",
    "relation, where the key gives a confidence",
    "effect DEATH: killed > 0",
    "effect INJURY: injured > 0",
    "effect no death: no killed > 0",
    "no template: no main incident",
)

_DATELINE_DATE = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
_KEY_DATE = re.compile(r"^(\d{1,2}) ([A-Z]{3}) (\d{2})$")
_PLACE = re.compile(r"^(?P<name>.+?)\s*\((?P<kind>[^()]*)\)$")
_MONTHS = {name.upper(): number for number, name in enumerate(calendar.month_abbr) if name}


@dataclass(frozen=True)
class KeyTemplate:
    """The slots of one template the scorer reads: each a list of fills, a fill a list of alternatives."""

    optional: bool
    types: tuple[str, ...]
    dates: tuple[tuple[str, ...], ...]
    locations: tuple[tuple[str, ...], ...]
    stages: tuple[str, ...]
    organizations: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (alternatives, confidences)
    effects: frozenset[str]


@dataclass(frozen=True)
class KeyMessage:
    docid: str
    text: str
    published: str | None
    templates: tuple[KeyTemplate, ...]


def load_muc4_keys(path: str | Path, raw_path: str | Path | None = None) -> list[KeyMessage]:
    """Messages of ``keys_*.jsonl`` with their text from ``raw_path`` (default: ``raw_train_dev.jsonl`` beside)."""
    path = Path(path)
    raw_path = Path(raw_path) if raw_path else path.parent / "raw_train_dev.jsonl"
    raw = dict(load_records(raw_path, lambda d: (d["docid"], (d["text"], d["dateline"])), what="MUC-4 raw text",
                            expects="each line needs docid, text and dateline"))
    keys = load_records(path, lambda d: (d["docid"], tuple(_template(t) for t in d["templates"])),
                        what="MUC-4 key", expects="each line needs docid and templates")
    messages = []
    for docid, templates in keys:
        if docid not in raw:
            raise EvalError(f"{raw_path} has no text for {docid}; give the raw file of the same split with --raw")
        text, dateline = raw[docid]
        messages.append(KeyMessage(docid, text, dateline_date(dateline), templates))
    return messages


def dateline_date(dateline: str) -> str | None:
    """The ISO date of a MUC dateline ("LIMA, 10 JAN 90 (EFE)" -> "1990-01-10"), None for "NO DATE"."""
    match = _DATELINE_DATE.search(dateline)
    return _iso(*match.groups()) if match else None


def _iso(day: str, month: str, year: str) -> str | None:
    if month not in _MONTHS:
        return None
    try:
        return date(1900 + int(year), _MONTHS[month], int(day)).isoformat()
    except ValueError:
        return None


def _fills(slot: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [fill for fill in slot or [] if not fill.get("optional")]


def _template(data: dict[str, Any]) -> KeyTemplate:
    confidences: dict[str, tuple[str, ...]] = {}
    for fill in _fills(data["PERP: ORGANIZATION CONFIDENCE"]):
        for name in fill.get("xref") or []:
            confidences[name] = tuple(fill["alternatives"])
    organizations = []
    for fill in _fills(data["PERP: ORGANIZATION ID"]):
        alternatives = tuple(fill["alternatives"])
        organizations.append((alternatives, next((confidences[a] for a in alternatives if a in confidences), ())))
    return KeyTemplate(
        optional=bool(data["_optional_template"]),
        types=tuple(a for fill in _fills(data["INCIDENT: TYPE"]) for a in fill["alternatives"]),
        dates=tuple(tuple(fill["alternatives"]) for fill in _fills(data["INCIDENT: DATE"])),
        locations=tuple(tuple(fill["alternatives"]) for fill in _fills(data["INCIDENT: LOCATION"])),
        stages=tuple(a for fill in _fills(data["INCIDENT: STAGE OF EXECUTION"]) for a in fill["alternatives"]),
        organizations=tuple(organizations),
        effects=frozenset(a for fill in _fills(data["HUM TGT: EFFECT OF INCIDENT"]) for a in fill["alternatives"]),
    )


def key_documents(messages: Sequence[KeyMessage], *, lowercase: bool = False) -> list[Document]:
    """One document per message: its raw text (lowercased if asked) and its dateline's date as published."""
    return [Document(text=m.text.lower() if lowercase else m.text, id=m.docid, published=m.published)
            for m in messages]


# --- comparing one slot ------------------------------------------------------------------------------------------


def key_interval(text: str) -> tuple[date | None, date] | None:
    """A key date as (first, last) day: "17 FEB 90" a day, "A - B" a range, "- B" (None, B); None if unreadable."""
    first, dash, last = (part.strip() for part in text.partition("-"))
    if not dash:
        day = _key_day(first)
        return (day, day) if day else None
    end = _key_day(last)
    if end is None:
        return None
    return (_key_day(first) if first else None), end


def _key_day(text: str) -> date | None:
    match = _KEY_DATE.match(text)
    iso = _iso(*match.groups()) if match else None
    return date.fromisoformat(iso) if iso else None


def our_interval(value: str) -> tuple[date, date]:
    """The days a date value of our record covers: ``2024-03-05``, ``2024-03`` or ``2024``."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def date_ok(value: str | None, alternatives: Sequence[str]) -> bool:
    for alternative in alternatives:
        interval = key_interval(alternative)
        if interval is None:
            continue
        first, last = interval
        if value is None:
            if first is None:
                return True
            continue
        ours_first, ours_last = our_interval(value)
        if (first is None or ours_first >= first) and ours_last <= last:
            return True
    return False


def location_parts(text: str) -> tuple[str, list[tuple[str, frozenset[str]]]]:
    """"COLOMBIA: URABA (REGION / CITY)" -> ("COLOMBIA", [("URABA", {"REGION", "CITY"})])."""
    country, *places = [part.strip() for part in text.split(":")]
    parsed = []
    for place in places:
        for name in place.split(" - "):
            match = _PLACE.match(name.strip())
            if match:
                parsed.append((match["name"], frozenset(k.strip() for k in match["kind"].split("/"))))
            else:
                parsed.append((name.strip(), frozenset()))
    return country, parsed


@lru_cache(maxsize=512)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, from our gazetteer."""
    from ..nlp.gazetteer import default_gazetteer

    return default_gazetteer().country_named(name)


def stage_of(incident: Incident) -> str:
    return "THREATENED or ATTEMPTED" if incident.type == "plot" else "ACCOMPLISHED"


def _org_found(incident: Incident, alternatives: Sequence[str]) -> list[str | None]:
    """The relations of our perpetrators that name the organization (empty when none does)."""
    return [p.relation for p in incident.perpetrators
            if any(same_group(name, alternative) for alternative in alternatives for name in {p.name or p.text, p.text})]


# --- alignment and scoring -----------------------------------------------------------------------------------------


def _agreement(incident: Incident, template: KeyTemplate) -> int:
    score = 2 * (TYPE_TO_MUC.get(incident.type) in {t.lower() for t in template.types})
    countries = {country_code(location_parts(a)[0]) for fill in template.locations for a in fill}
    score += incident.location.country_code is not None and incident.location.country_code in countries
    score += any(date_ok(incident.date.value, fill) for fill in template.dates if incident.date.value)
    score += any(_org_found(incident, alternatives) for alternatives, _ in template.organizations)
    return score


def align(incidents: Sequence[Incident], templates: Sequence[KeyTemplate]) -> dict[int, int]:
    """Template index -> incident index, one to one, greedily by agreement; pairs that agree on nothing stay apart."""
    pairs = sorted(((_agreement(incident, template), -i, -j) for j, template in enumerate(templates)
                    for i, incident in enumerate(incidents)), reverse=True)
    aligned: dict[int, int] = {}
    used: set[int] = set()
    for score, minus_i, minus_j in pairs:
        i, j = -minus_i, -minus_j
        if score > 0 and i not in used and j not in aligned:
            aligned[j] = i
            used.add(i)
    return aligned


def evaluate_muc4_keys(messages: Sequence[KeyMessage], run: Run) -> Evaluation:
    section = Section("MUC-4 answer keys: per template (OPTIONAL templates left out)", Tally.of(FIELDS))
    records = []
    for message, outcome in zip(messages, run.outcomes, strict=True):
        errors = _score_message(section.tally, message, outcome.report, str(outcome.error) if outcome.error else None)
        if errors:
            records.append({"id": message.docid, "split": split_of(message.docid), "errors": errors})
    notes = ["stage: incidex has no stage field; it is read from the type (plot = THREATENED or ATTEMPTED, any "
             "other type = ACCOMPLISHED), so an attempt that failed cannot be told from one that succeeded."]
    return Evaluation("muc4-keys", [section], records, run, notes)


def _score_message(tally: Tally, message: KeyMessage, report: Report | None, error: str | None) -> list[str]:
    if report is None:
        tally.note("document failed", f"{message.docid}: {error}")
    incidents = report.incidents if report else []
    errors: list[str] = []
    if not message.templates:
        ok = not any(incident.role == "main" for incident in incidents)
        tally.judge("no template: no main incident", ok, error="main incident in a message with no template",
                    example=f"{message.docid}: {', '.join(i.type for i in incidents if i.role == 'main')}")
        return [] if ok else ["main incident in a message with no template"]
    aligned = align(incidents, message.templates)
    for j, template in enumerate(message.templates):
        if template.optional:
            continue
        incident = incidents[aligned[j]] if j in aligned else None
        errors.extend(_score_template(tally, message.docid, template, incident))
    return errors


def _score_template(tally: Tally, docid: str, template: KeyTemplate, incident: Incident | None) -> list[str]:
    found: list[str] = []

    def judge(name: str, ok: bool, error: str | None, detail: str = "") -> None:
        """A template with no incident is wrong on every slot, and filed once, as "template not found"."""
        filed = error if incident is not None else None
        ok = ok and incident is not None
        tally.judge(name, ok, error=filed, example=f"{docid}{detail}")
        if not ok and filed:
            found.append(filed)

    tally.judge("template found", incident is not None, error="template not found",
                example=f"{docid}: {'/'.join(template.types)}")
    if incident is None:
        found.append("template not found")
    ours = TYPE_TO_MUC.get(incident.type) if incident else None
    if template.types:
        judge("type", ours in {t.lower() for t in template.types}, f"type: {'/'.join(template.types)} → {ours}",
              f": ours {incident.type if incident else None}")
    for fill in template.dates:
        value = incident.date.value if incident else None
        ok = date_ok(value, fill)
        bound_only = all((key_interval(a) or (date.min, date.min))[0] is None for a in fill)
        detail = f": ours {value}, key {' / '.join(fill)}"
        judge("date", ok, "date: none" if value is None else "date: wrong", detail)
        judge("date (key gives only an upper bound)" if bound_only else "date (key gives a day or range)", ok, None)
        if bound_only and value is not None:
            judge("date (upper bound only, where we give a date)", ok, None)
    for fill in template.locations:
        location = incident.location if incident else None
        parts = [location_parts(alternative) for alternative in fill]
        codes = {country_code(country) for country, _ in parts}
        code = location.country_code if location else None
        judge("country", code in codes, "country: none" if code is None else "country: wrong",
              f": ours {code}, key {' / '.join(fill)}")
        cities = [name for _, places in parts for name, kinds in places if kinds & CITY_TYPES]
        if cities:
            name = location.name if location else None
            judge("city", name is not None and any(place_match(name, city) for city in cities),
                  "city: none" if name is None else "city: wrong", f": ours {name}, key {' / '.join(cities)}")
    if template.stages:
        stage = stage_of(incident) if incident else None
        ok = stage is not None and any(s in stage for s in template.stages)
        judge("stage", ok, f"stage: {'/'.join(template.stages)} → {stage}")
        gold_stage = "ACCOMPLISHED" if "ACCOMPLISHED" in template.stages else "THREATENED or ATTEMPTED"
        judge(f"stage: {gold_stage}", ok, None)
    for alternatives, confidences in template.organizations:
        relations = _org_found(incident, alternatives) if incident else []
        named = [p.name or p.text for p in incident.perpetrators] if incident else []
        judge("perpetrator organization found", bool(relations), "perpetrator organization: not found",
              f": key {' / '.join(alternatives)}, ours {named}")
        if relations and confidences:
            accepted = frozenset().union(*(CONFIDENCE_RELATIONS.get(c, frozenset()) for c in confidences))
            judge("relation, where the key gives a confidence", any(r in accepted for r in relations),
                  f"relation: {'/'.join(confidences)} → {'/'.join(str(r) for r in relations)}")
    killed = incident.casualties.killed.total if incident else None
    injured = incident.casualties.injured.total if incident else None
    if "DEATH" in template.effects:
        judge("effect DEATH: killed > 0", (killed or 0) > 0, "effect DEATH: no killed figure", f": ours {killed}")
    if "INJURY" in template.effects:
        judge("effect INJURY: injured > 0", (injured or 0) > 0, "effect INJURY: no injured figure", f": ours {injured}")
    if template.effects & {"NO DEATH", "NO INJURY OR DEATH"} and "DEATH" not in template.effects:
        judge("effect no death: no killed > 0", not (killed or 0) > 0, "effect no death: killed figure",
              f": ours {killed}")
    return found
