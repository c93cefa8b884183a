"""One incident out of the records merged into it: the :class:`MergedView` and the rules that build it.

- type: the most common type among the main records (background ones only if there is no main record), ``other``
  only if nothing else was said; ties go to the record that came first.
- date: the most precise stated date, the most common one among equally precise dates.
- location: the most precise geocoded place, the most common one among equally precise places.
- casualties, per field: the rule of :mod:`incidex.figures`, the same as within one report (the most
  authoritative kind of source, official first; among equals the latest report), with the minimum and maximum
  across all sources. Every source's figure is kept in ``figures``.
- sources, perpetrators, victims, weapons: all of them, from all records, sources tagged with their document.
- targets and responders: each text once (in any case), with the document of the first record naming it.
- role: ``main`` when any record is a report's main event, else ``background`` (only recalled).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .. import figures as figure_rules
from ..types import (
    CASUALTY_FIELDS,
    Casualties,
    DateValue,
    Figure,
    Location,
    Mention,
    Perpetrator,
    Reconciliation,
    Source,
    Victim,
    place_rank,
)
from .model import Cluster, RecordRef

_DATE_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


@dataclass(frozen=True)
class SourcedFigure:
    """A casualty figure as one report gives it; ``source`` None when the report does not say who stated it."""

    field: str
    value: int | None
    low: int | None
    high: int | None
    source: str | None
    document_id: str
    record_id: str
    published: str | None
    text: str


@dataclass(frozen=True)
class SourcedSource:
    document_id: str
    record_id: str
    source: Source


@dataclass(frozen=True)
class SourcedMention:
    """A target or responder as the first report naming it gives it."""

    text: str
    document_id: str


def first_mentions(named: Iterable[tuple[str, str]]) -> list[SourcedMention]:
    """Each text of the (document id, text) pairs once, in any case, with the document of its first pair."""
    found: dict[str, SourcedMention] = {}
    for document_id, text in named:
        found.setdefault(text.lower(), SourcedMention(text, document_id))
    return list(found.values())


@dataclass
class MergedView:
    """The reconciled incident. ``notes`` say which rule chose type, date and location."""

    cluster_id: str
    type: str
    date: DateValue
    location: Location
    casualties: Casualties
    reconciliation: list[Reconciliation] = field(default_factory=list)
    figures: list[SourcedFigure] = field(default_factory=list)
    sources: list[SourcedSource] = field(default_factory=list)
    perpetrators: list[Perpetrator] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    weapons: list[Mention] = field(default_factory=list)
    targets: list[SourcedMention] = field(default_factory=list)
    responders: list[SourcedMention] = field(default_factory=list)
    role: Literal["main", "background"] = "main"
    document_ids: list[str] = field(default_factory=list)
    record_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _pick_type(records: Sequence[RecordRef]) -> tuple[str, str]:
    mains = [r for r in records if r.incident.role == "main"] or list(records)
    types = [r.incident.type for r in mains if r.incident.type != "other"] or [r.incident.type for r in mains]
    counts = Counter(types)
    top = max(counts.values())
    chosen = next(t for t in types if counts[t] == top)
    return chosen, f"type {chosen}: {counts[chosen]} of {len(mains)} record(s)"


def _pick_date(records: Sequence[RecordRef]) -> tuple[DateValue, str]:
    dated = [r.incident.date for r in records if r.incident.date.value and r.incident.date.resolved]
    if not dated:
        return DateValue(None, "unknown", None), "date unknown in every report"
    best = min(_DATE_RANK.get(d.precision, 3) for d in dated)
    precise = [d for d in dated if _DATE_RANK.get(d.precision, 3) == best]
    counts = Counter(d.value for d in precise)
    top = max(counts.values())
    chosen = next(d for d in precise if counts[d.value] == top)
    return chosen, f"date {chosen.value}: most precise, stated by {counts[chosen.value]} record(s)"


def _pick_location(records: Sequence[RecordRef]) -> tuple[Location, str]:
    places = [r.incident.location for r in records if r.incident.location.name or r.incident.location.country_code]
    if not places:
        return Location(), "location unknown in every report"
    best = min(place_rank(p.precision) - (0.5 if p.lat is not None else 0) for p in places)
    precise = [p for p in places if place_rank(p.precision) - (0.5 if p.lat is not None else 0) == best]
    counts = Counter((p.name, p.country_code) for p in precise)
    top = max(counts.values())
    chosen = next(p for p in precise if counts[(p.name, p.country_code)] == top)
    return chosen, f"location {chosen.name or chosen.country_code}: most precise, stated by {top} record(s)"


def _figures(record: RecordRef) -> list[SourcedFigure]:
    incident = record.incident
    found = []
    for figure in incident.figures:
        name = figure.field.removeprefix("casualties.")
        if name not in CASUALTY_FIELDS:
            continue
        found.append(
            SourcedFigure(
                field=name,
                value=figure.value,
                low=figure.low,
                high=figure.high,
                source=figure.source,
                document_id=record.document_id,
                record_id=record.record_id,
                published=record.published,
                text=figure.text,
            )
        )
    stated = {f.field for f in found}
    for name in CASUALTY_FIELDS:
        value = incident.casualties.get(name)
        if value is not None and name not in stated:
            found.append(
                SourcedFigure(name, value, None, None, None, record.document_id, record.record_id,
                              record.published, "")
            )
    return found


def _authority(records: Sequence[RecordRef], figures: list[SourcedFigure]) -> list[figure_rules.SourcedFigure]:
    """The figures in the shape :func:`incidex.figures.reconcile` ranks: with their source's kind and report date."""
    kinds = {(r.record_id, s.name): s.kind for r in records for s in r.incident.sources}
    return [
        figure_rules.SourcedFigure(
            Figure(f.field, f.value, f.source, f.text, 0, 0, f.low, f.high),
            kinds.get((f.record_id, f.source)) if f.source else None,
            f.published,
            f.document_id,
        )
        for f in figures
    ]


def reconcile_records(cluster: Cluster) -> MergedView:
    """The :class:`MergedView` of ``cluster``; see the module docstring for the rules."""
    records = cluster.records
    kind, type_note = _pick_type(records)
    when, date_note = _pick_date(records)
    where, place_note = _pick_location(records)
    figures = [figure for record in records for figure in _figures(record)]
    casualties, reconciliation = figure_rules.reconcile(_authority(records, figures))
    perpetrators: dict[str, Perpetrator] = {}
    for record in records:
        for perpetrator in record.incident.perpetrators:
            perpetrators.setdefault((perpetrator.name or perpetrator.text).casefold(), perpetrator)
    return MergedView(
        cluster_id=cluster.cluster_id,
        type=kind,
        date=when,
        location=where,
        casualties=casualties,
        reconciliation=reconciliation,
        figures=figures,
        sources=[SourcedSource(r.document_id, r.record_id, s) for r in records for s in r.incident.sources],
        perpetrators=list(perpetrators.values()),
        victims=[v for r in records for v in r.incident.victims],
        weapons=list({w.text.casefold(): w for r in records for w in r.incident.weapons}.values()),
        targets=first_mentions((r.document_id, m.text) for r in records for m in r.incident.targets),
        responders=first_mentions((r.document_id, m.text) for r in records for m in r.incident.responders),
        role="main" if any(r.incident.role == "main" for r in records) else "background",
        document_ids=list(dict.fromkeys(r.document_id for r in records)),
        record_ids=[r.record_id for r in records],
        notes=[type_note, date_note, place_note],
    )
