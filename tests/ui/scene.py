"""A store for the browser tests that need many incidents, written through the store's real write path (documents,
records, the resolver, merged incidents) from incidents we describe here, without the NLP model.

What it holds, like the real reports the issue was found on: main incidents every few months from 2003 to 2020 in
several countries, five background incidents recalled from 1999 (dated only to the year) and one from 1963, incidents
known only to a month, undated incidents, six incidents stacked on one spot in Gaza City, and one incident reported
by four documents, three of them untitled, whose killed figures disagree, one being an open range ("at least 10");
one incident names five perpetrators, one a perpetrator and title written to break HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from incidex.config import load_settings
from incidex.resolve import Resolver
from incidex.store import DocumentEntry, Store
from incidex.types import (
    Casualties,
    CasualtyCount,
    DateValue,
    Document,
    DocumentInfo,
    Evidence,
    Figure,
    Incident,
    Location,
    Perpetrator,
    Report,
)

PLACES = {  # name: (country, admin1, lat, lon)
    "Baghdad": ("IQ", "Baghdad", 33.34, 44.40), "Tehran": ("IR", "Tehran", 35.69, 51.42),
    "Gaza City": ("PS", "Gaza", 31.50, 34.47), "Kabul": ("AF", "Kabul", 34.53, 69.17),
    "Athens": ("GR", "Attica", 37.98, 23.73), "Paris": ("FR", "Île-de-France", 48.85, 2.35),
    "New York": ("US", "New York", 40.71, -74.01), "Philadelphia": ("US", "Pennsylvania", 39.95, -75.17),
    "Lagos": ("NG", "Lagos", 6.45, 3.39), "Mogadishu": ("SO", "Banaadir", 2.04, 45.34),
    "Vancouver": ("CA", "British Columbia", 49.28, -123.12), "Atlantis": ("GR", None, None, None),
    # places of one incident only, so that nothing else can merge with it
    "Bamako": ("ML", "Bamako", 12.65, -8.0), "Islamabad": ("PK", "Islamabad", 33.69, 73.05),
    "Khartoum": ("SD", "Khartoum", 15.50, 32.56), "Caracas": ("VE", "Capital District", 10.49, -66.88),
    "Manila": ("PH", "Metro Manila", 14.60, 120.98), "Quito": ("EC", "Pichincha", -0.22, -78.51),
}
HOSTILE = '<img src=x onerror="alert(1)"> "quoted'
LONG_ACTORS = ("the Popular Mobilization Forces; Kata'ib Hezbollah; Asa'ib Ahl al-Haq; the Badr Organization; "
               "unidentified gunmen on motorcycles")
REGULAR = ("Baghdad", "Tehran", "Kabul", "Athens", "Paris", "New York", "Philadelphia", "Lagos", "Mogadishu",
           "Vancouver")
KINDS = ("bombing", "armed_assault", "riot", "shelling", "kidnapping", "arrest")
ACTORS = ("Islamic State", "the ELN", "Hamas", "al-Shabaab", None)
MERGED_TITLE = "Market bombing in Baghdad kills 12"


@dataclass
class Spec:
    """One incident of one report."""

    key: str
    place: str
    day: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None: undated
    kind: str
    killed: int | None
    role: str = "main"
    actor: str | None = None  # names separated by "; "
    published: str | None = None
    title: str | None = None
    source: str | None = "Wire"
    figures: list[tuple[int | None, int | None, int | None, str | None]] = field(default_factory=list)


def specs() -> list[Spec]:
    """The reports of the scene, one incident each."""
    found = []
    start = date(2003, 3, 1)
    for n in range(68):  # dated main incidents, 100 days apart: no two are the same event
        day = start + timedelta(days=100 * n)
        if day.year == 2019:  # leave the year of the merged incident to its own reports
            continue
        place = REGULAR[n % len(REGULAR)]
        killed = (3, 0, 12, 1, 40, None, 7)[n % 7]
        found.append(Spec(f"m{n:02d}", place, day.isoformat(), KINDS[n % len(KINDS)], killed,
                          actor=ACTORS[n % len(ACTORS)], published=(day + timedelta(days=1)).isoformat(),
                          title=f"{KINDS[n % len(KINDS)].replace('_', ' ').capitalize()} in {place}",
                          source=("Reuters", "AFP", "BBC")[n % 3]))
    for n, place in enumerate(("Baghdad", "Kabul", "Athens", "Paris", "Lagos")):  # recalled, dated to the year
        found.append(Spec(f"b{n}", place, "1999", KINDS[n % 3], 2 + n, role="background", published="2016-05-02"))
    found.append(Spec("b1963", "New York", "1963", "assassination", 1, role="background", published="2013-11-22"))
    found.append(Spec("month1", "Bamako", "2019-03", "bombing", 5, published="2019-04-10"))
    found.append(Spec("month2", "Islamabad", "2012-07", "arrest", None, published="2012-08-15"))
    for n, place in enumerate(("Khartoum", "Caracas", "Atlantis", "Manila")):  # undated
        found.append(Spec(f"u{n}", place, None, KINDS[(n + 2) % len(KINDS)], n, published=f"201{n}-02-0{n + 1}"))
    gaza = date(2008, 12, 27)
    for n in range(6):  # one spot, more than 400 days apart: never merged
        day = gaza + timedelta(days=420 * n)
        found.append(Spec(f"g{n}", "Gaza City", day.isoformat(), KINDS[n % 4], n + 1, actor="Hamas",
                          published=(day + timedelta(days=1)).isoformat()))
    found.append(Spec("x1", "Quito", "2010-10-10", "armed_assault", 2, actor=HOSTILE, title=HOSTILE,
                      published="2010-10-11"))
    found[0].actor = LONG_ACTORS
    merged = [("r1", "Reuters", MERGED_TITLE, "2019-06-15", [(12, None, None, "police")]),
              ("r2", "ECB+ (ecb)", None, "2019-06-15", [(None, 10, None, None)]),
              ("r3", "ECB+ (ecb)", None, "2019-06-16", [(15, None, None, "hospital officials")]),
              ("r4", "ECB+ (ecb)", None, "2019-06-17", [(12, None, None, "the interior ministry")])]
    for key, source, title, published, figures in merged:
        found.append(Spec(key, "Baghdad", "2019-06-14", "bombing", None, actor="Islamic State", published=published,
                          title=title, source=source, figures=figures))
    return found


def _text(spec: Spec) -> str:
    when = f"on {spec.day}" if spec.day else "on a day the report does not give"
    by = f" by {spec.actor}" if spec.actor else ""
    lead = "Recalling an earlier attack: " if spec.role == "background" else ""
    toll = f"killing {spec.killed} people" if spec.killed is not None else "with no toll given"
    stated = "".join(f" {who or 'Some'} said {_amount(v, lo, hi)} died." for v, lo, hi, who in spec.figures)
    return f"{lead}A {spec.kind.replace('_', ' ')}{by} struck {spec.place} {when}, {toll}.{stated} Report {spec.key}."


def _amount(value: int | None, low: int | None, high: int | None) -> str:
    return str(value) if value is not None else f"at least {low}" if high is None else f"{low} to {high}"


def _entry(spec: Spec) -> DocumentEntry:
    text = _text(spec)
    country, admin1, lat, lon = PLACES[spec.place]
    kind_text = spec.kind.replace("_", " ")
    evidence = [Evidence("type", kind_text, text.index(kind_text), text.index(kind_text) + len(kind_text), "scene"),
                Evidence("location", spec.place, text.index(spec.place), text.index(spec.place) + len(spec.place),
                         "scene")]
    figures = []
    for value, low, high, who in spec.figures:
        words = _amount(value, low, high)
        at = text.index(words)
        figures.append(Figure("killed.total", value, who, words, at, at + len(words), low=low, high=high))
    precision = "unknown" if spec.day is None else {10: "day", 7: "month", 4: "year"}[len(spec.day)]
    incident = Incident(
        id="i1", role=spec.role, type=spec.kind,  # type: ignore[arg-type]
        date=DateValue(spec.day, precision, spec.day),  # type: ignore[arg-type]
        location=Location(spec.place, country, admin1, lat, lon, "city" if lat is not None else None),
        perpetrators=[Perpetrator(text=name, name=name, kind="organization")
                      for name in (spec.actor.split("; ") if spec.actor else [])],
        casualties=Casualties(killed=CasualtyCount(total=spec.killed)), figures=figures, evidence=evidence,
        summary=text,
    )
    document = Document(text=text, id=spec.key, published=spec.published, source=spec.source, title=spec.title,
                        origin=f"scene:{spec.key}")
    report = Report(DocumentInfo(spec.published, spec.source, len(text), title=spec.title), [incident])
    return DocumentEntry(spec.key, "ok", spec.key.ljust(8, "0"), document, report)


def write_scene(path: Path) -> str:
    """Write the scene into a new SQLite store at ``path``; returns its URL."""
    url = str(path)
    with Store(url) as store:
        store.write([_entry(spec) for spec in specs()], resolver=Resolver(load_settings()))
    return url
