"""The incident record contract in code.

A :class:`Report` is what ``incidex extract`` prints for one document: document metadata and the list of
:class:`Incident` records found in it. Every filled field of an incident has an :class:`Evidence` entry
pointing at the character span of the input text it came from. Unknown values are ``None``, never 0.

The JSON form (``Report.to_dict``) is validated by ``schema/record.schema.json``; bump
:data:`SCHEMA_VERSION` whenever the shape changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.2"

IncidentType = Literal[
    "hostage_taking",
    "kidnapping",
    "bombing",
    "armed_assault",
    "assassination",
    "arson",
    "air_or_drone_strike",
    "shelling",
    "raid",
    "clash",
    "riot",
    "arrest",
    "plot",
    "robbery",
    "other",
]
INCIDENT_TYPES: tuple[str, ...] = IncidentType.__args__  # type: ignore[attr-defined]

Role = Literal["main", "background"]
DatePrecision = Literal["day", "month", "year", "unknown"]
PlacePrecision = Literal["facility", "city", "admin2", "admin1", "country", "region"]
PLACE_PRECISIONS: tuple[str, ...] = PlacePrecision.__args__  # type: ignore[attr-defined]  # finest first
_PLACE_RANK: dict[str, int] = {precision: rank for rank, precision in enumerate(PLACE_PRECISIONS)}


def place_rank(precision: str | None) -> int:
    """How coarse a place precision is, the one ranking of them: 0 for a facility up to 5 for a region, and 6 (after
    every known precision) when it is unknown."""
    return _PLACE_RANK.get(precision, len(PLACE_PRECISIONS)) if precision else len(PLACE_PRECISIONS)


ActorKind = Literal["individual", "organization"]
Relation = Literal["claimed", "accused", "linked", "suspected", "stated"]
SourceKind = Literal["state_media", "news_media", "official", "social_media", "witness", "group_claim", "other"]
CASUALTY_FIELDS: tuple[str, ...] = (
    "killed.total",
    "killed.perpetrators",
    "killed.victims",
    "killed.responders",
    "injured.total",
    "injured.perpetrators",
    "injured.victims",
    "injured.responders",
    "hostages_taken",
    "hostages_released",
    "arrested",
)


@dataclass(frozen=True)
class Span:
    """A character span of the input text: ``text == input[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Evidence:
    """Where a filled field came from: ``field`` is a dotted path into the incident (``casualties.killed.total``).
    ``start``/``end`` are None when it came from the document's metadata, not its text (the outlet's country: then
    ``text`` names the outlet)."""

    field: str
    text: str
    start: int | None
    end: int | None
    component: str


@dataclass
class DateValue:
    """A date normalized against the publication date; ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str | None
    precision: DatePrecision
    text: str | None
    resolved: bool = True


@dataclass
class Location:
    """A geocoded place; ``uncertain`` is set when several gazetteer entries fit and context did not settle it."""

    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    facility: str | None = None
    uncertain: bool = False
    geonameid: int | None = None
    admin1_code: str | None = None  # ISO 3166-2 ("SO-JH"), so differently spelled names of one region compare


@dataclass
class Perpetrator:
    text: str
    name: str | None
    kind: ActorKind
    count: int | None = None
    relation: Relation | None = None


@dataclass
class Victim:
    text: str
    count: int | None = None
    status: str | None = None


@dataclass
class Mention:
    """A target, responder or weapon as the text names it."""

    text: str


@dataclass
class CasualtyCount:
    total: int | None = None
    perpetrators: int | None = None
    victims: int | None = None
    responders: int | None = None


@dataclass
class Casualties:
    killed: CasualtyCount = field(default_factory=CasualtyCount)
    injured: CasualtyCount = field(default_factory=CasualtyCount)
    hostages_taken: int | None = None
    hostages_released: int | None = None
    arrested: int | None = None

    def get(self, path: str) -> int | None:
        """Value of a dotted casualty field such as ``killed.victims``."""
        head, _, tail = path.partition(".")
        value = getattr(self, head)
        return getattr(value, tail) if tail else value

    def set(self, path: str, value: int | None) -> None:
        head, _, tail = path.partition(".")
        if tail:
            setattr(getattr(self, head), tail, value)
        else:
            setattr(self, head, value)


@dataclass
class Figure:
    """One stated figure with who stated it. ``low``/``high`` bound vague amounts ("dozens")."""

    field: str
    value: int | None
    source: str | None
    text: str
    start: int
    end: int
    low: int | None = None
    high: int | None = None


@dataclass
class Reconciliation:
    """How the value in ``casualties`` was chosen among several ``figures`` for one field."""

    field: str
    value: int | None
    rule: str
    low: int | None = None
    high: int | None = None


@dataclass
class Claim:
    text: str
    start: int
    end: int
    hedged: bool = False


@dataclass
class Source:
    """Who the report says a fact comes from, with the reporting verb and the claims attributed to it."""

    name: str
    kind: SourceKind
    claims: list[Claim] = field(default_factory=list)
    verb: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Incident:
    id: str
    role: Role
    type: IncidentType
    date: DateValue
    location: Location
    perpetrators: list[Perpetrator] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    responders: list[Mention] = field(default_factory=list)
    weapons: list[Mention] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    figures: list[Figure] = field(default_factory=list)
    reconciliation: list[Reconciliation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    summary: str | None = None


@dataclass
class DocumentInfo:
    published: str | None
    source: str | None
    chars: int
    id: str | None = None
    title: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    language: str | None = None  # ISO 639-1 code as detected; None when it could not be told
    source_kind: SourceKind | None = None  # the outlet's kind, when declared (a watched source, a Telegram channel)
    forwarded_from: str | None = None  # a forwarded post: the channel it was forwarded from


@dataclass
class Report:
    document: DocumentInfo
    incidents: list[Incident] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "document": asdict(self.document),
            "incidents": [asdict(incident) for incident in self.incidents],
        }


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a :class:`Report` from its JSON form (the inverse of :meth:`Report.to_dict`)."""
    return Report(
        document=DocumentInfo(**data["document"]),
        incidents=[incident_from_dict(item) for item in data.get("incidents", [])],
        schema_version=data.get("schema_version", SCHEMA_VERSION),
    )


def incident_from_dict(data: dict[str, Any]) -> Incident:
    cas = data.get("casualties") or {}
    casualties = Casualties(
        killed=CasualtyCount(**(cas.get("killed") or {})),
        injured=CasualtyCount(**(cas.get("injured") or {})),
        hostages_taken=cas.get("hostages_taken"),
        hostages_released=cas.get("hostages_released"),
        arrested=cas.get("arrested"),
    )
    return Incident(
        id=data["id"],
        role=data["role"],
        type=data["type"],
        date=DateValue(**data["date"]),
        location=Location(**data["location"]),
        perpetrators=[Perpetrator(**p) for p in data.get("perpetrators", [])],
        victims=[Victim(**v) for v in data.get("victims", [])],
        targets=[Mention(**m) for m in data.get("targets", [])],
        responders=[Mention(**m) for m in data.get("responders", [])],
        weapons=[Mention(**m) for m in data.get("weapons", [])],
        casualties=casualties,
        figures=[Figure(**f) for f in data.get("figures", [])],
        reconciliation=[Reconciliation(**r) for r in data.get("reconciliation", [])],
        sources=[
            Source(**{**s, "claims": [Claim(**c) for c in s.get("claims", [])]}) for s in data.get("sources", [])
        ],
        evidence=[Evidence(**e) for e in data.get("evidence", [])],
        summary=data.get("summary"),
    )


@dataclass
class Document:
    """One input report as read by ``incidex.ingest``: its text and what is known about it."""

    text: str
    id: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str | None = None  # file path (and line/row) or URL it was read from
    source_kind: SourceKind | None = None  # what kind of outlet ``source`` is, when declared
    forwarded_from: str | None = None  # a forwarded post: the channel it was forwarded from
    warnings: list[str] = field(default_factory=list)  # what the reader noticed: "published 'x' is not a date"
