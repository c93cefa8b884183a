"""What goes into the store (:class:`DocumentEntry`) and comes out (:class:`IncidentRow`), and the pure functions
from extracted reports and resolved clusters to table rows, and back to resolver inputs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from ..resolve.dates import date_range, parse_partial
from ..resolve.model import Cluster, RecordRef
from ..resolve.reconcile import MergedView
from ..types import Document, Incident, Report, incident_from_dict
from .keys import record_id

CONTEXT_MAX_CHARS = 2000
OPEN_START, OPEN_END = "0001-01-01", "9999-12-31"  # stored for open window bounds, so range queries use the index
LEAD_LINES = 3
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


DocumentStatus = Literal["ok", "failed", "unreadable", "skipped"]


@dataclass(frozen=True)
class DocumentEntry:
    """One input to store: a read document with its report, or the reason it gave none (``error``).

    A ``skipped`` entry is a document stored without extraction (``error`` says why); its report holds only the
    document's info, its detected language included.
    """

    document_id: str
    status: DocumentStatus
    content_hash: str | None = None
    document: Document | None = None
    report: Report | None = None
    error: str | None = None
    origin: str | None = None

    @property
    def warnings(self) -> list[str]:
        """What reading and extraction noticed about the document (its report's warnings, else the reader's)."""
        if self.report is not None:
            return self.report.document.warnings
        return self.document.warnings if self.document is not None else []


@dataclass(frozen=True)
class IncidentRow:
    """A merged incident as stored: the columns exports and filters use, and the resolver's view (``merged``)."""

    incident_id: str
    date: str | None
    date_precision: str
    date_from: str | None
    date_to: str | None
    type: str
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    perpetrators: list[str]
    victims: list[str]
    killed: int | None
    injured: int | None
    hostages_taken: int | None
    hostages_released: int | None
    arrested: int | None
    sources: list[str]
    document_ids: list[str]
    record_ids: list[str]
    notes: str | None
    merged: dict[str, Any] = field(default_factory=dict)
    role: Literal["main", "background"] = "main"  # main when any report tells it as its main event


INCIDENT_COLUMNS = tuple(f.name for f in fields(IncidentRow))  # the incidents columns an IncidentRow holds


def evidence_context(text: str, incident: Incident, *, title: str | None = None) -> str:
    """What the resolver compares: for a main incident the title and the report's first lines (its lead), then the
    sentences that hold the incident's evidence spans, in text order, at most 2,000 chars."""
    lead = ""
    if incident.role == "main":
        lead = " ".join(filter(None, [title, *text.strip().splitlines()[:LEAD_LINES]])) + " "
    spans: list[tuple[int, int]] = []
    texts = {(e.start, e.end) for e in incident.evidence if e.start is not None and e.end is not None}
    for item_start, item_end in sorted(texts):  # many fields share a span
        start, end = _sentence_around(text, item_start, item_end)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return (lead + " ".join(text[start:end].strip() for start, end in spans))[:CONTEXT_MAX_CHARS]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_END.search(text, end, end + 400)
    return (before[-1] if before else max(0, start - 400)), (after.start() + 1 if after else min(len(text), end + 400))


def new_ref(document_key: str, document: Document, incident: Incident) -> RecordRef:
    """A just-extracted record of ``document`` (stored under ``document_key``) as the resolver sees it: the store's
    write path and the in-memory merge evaluation both build records with this."""
    context = evidence_context(document.text, incident, title=document.title)
    return RecordRef(record_id(document_key, incident.id), document_key, incident, document.published,
                     document.source, context)


def record_row(ref: RecordRef) -> dict[str, Any]:
    """The ``records`` row of a new record."""
    incident, location = ref.incident, ref.incident.location
    return {
        "record_id": ref.record_id,
        "document_id": ref.document_id,
        "incident_key": incident.id,
        "role": incident.role,
        "type": incident.type,
        "date": incident.date.value,
        "date_precision": incident.date.precision,
        "country": location.country_code,
        "admin1": location.admin1,
        "location": location.name,
        "lat": location.lat,
        "lon": location.lon,
        "context": ref.context,
        "incident": plain(incident),
    }


def evidence_rows(record_key: str, incident: Incident) -> list[dict[str, Any]]:
    return [
        {
            "record_id": record_key,
            "seq": seq,
            "field": item.field,
            "text": item.text,
            "start_char": item.start,
            "end_char": item.end,
            "component": item.component,
        }
        for seq, item in enumerate(incident.evidence)
    ]


def stored_ref(row: Mapping[str, Any], *, published: str | None, source: str | None) -> RecordRef:
    """A stored record row (with its document's metadata) as the resolver sees it."""
    return RecordRef(
        record_id=row["record_id"],
        document_id=row["document_id"],
        incident=incident_from_dict(row["incident"]),
        published=published,
        source=source,
        context=row["context"],
    )


def plain(value: Any) -> Any:
    """Dataclasses, lists and tuples as JSON-ready dicts and lists: :func:`dataclasses.asdict` without its copies."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [item if type(item) in _SCALARS else plain(item) for item in value]
    if kind is dict:
        return {key: item if type(item) in _SCALARS else plain(item) for key, item in value.items()}
    names = _field_names(kind)
    if names is None:
        return value
    items = ((name, getattr(value, name)) for name in names)
    return {name: item if type(item) in _SCALARS else plain(item) for name, item in items}


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def incident_row(cluster: Cluster, view: MergedView) -> dict[str, Any]:
    """The merged incident's row: the resolver's reconciled view as JSON plus the columns filters and exports use.

    ``date_from``/``date_to`` bound the reconciled date; ``window_from``/``window_to`` cover the date ranges of all
    its records as the resolver reads them, for blocking (open bounds stored as :data:`OPEN_START`/:data:`OPEN_END`).
    ``sources`` lists the outlets that published the reports, then the sources they cite. ``role`` is "main" when
    any record is a report's main event; ``reported_from``/``reported_to`` are the first and last publication days.
    """
    ranges = [date_range(r.incident.date, published=r.published, role=r.incident.role) for r in cluster.records]
    starts, ends = [r.start for r in ranges], [r.end for r in ranges]
    bounds = parse_partial(view.date.value) if view.date.value else None
    location, casualties = view.location, view.casualties
    published = sorted(day for day in (_day(r.published) for r in cluster.records) if day)
    return {
        "incident_id": view.cluster_id,
        "date": view.date.value,
        "date_precision": view.date.precision,
        "date_from": bounds[0].isoformat() if bounds else None,
        "date_to": bounds[1].isoformat() if bounds else None,
        "window_from": _edge(starts, min) or OPEN_START,
        "window_to": _edge(ends, max) or OPEN_END,
        "type": view.type,
        "country": location.country_code,
        "admin1": location.admin1,
        "location": location.name,
        "lat": location.lat,
        "lon": location.lon,
        "perpetrators": _unique(p.name or p.text for p in view.perpetrators),
        "victims": _unique(v.text for v in view.victims),
        "killed": casualties.killed.total,
        "injured": casualties.injured.total,
        "hostages_taken": casualties.hostages_taken,
        "hostages_released": casualties.hostages_released,
        "arrested": casualties.arrested,
        "sources": _unique([*(r.source for r in cluster.records if r.source), *(s.source.name for s in view.sources)]),
        "document_ids": sorted(set(view.document_ids)),
        "record_ids": sorted(view.record_ids),
        "notes": "; ".join(view.notes) or None,
        "merged": plain(view),
        "role": view.role,
        "report_count": len(set(view.document_ids)),
        "reported_from": published[0] if published else None,
        "reported_to": published[-1] if published else None,
    }


def _day(published: str | None) -> str | None:
    """The publication day of a document whose ``published`` starts with ``YYYY-MM-DD``, else None."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def _edge(days: list[date | None], pick: Callable[[list[date]], date]) -> str | None:
    """The outer bound of several ranges' bounds; None (open) when any of them is open."""
    known = [day for day in days if day is not None]
    return pick(known).isoformat() if known and len(known) == len(days) else None


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
