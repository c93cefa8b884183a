"""The resolver's interface with the store: extracted records in, merge decisions out.

The store hands the resolver (any :class:`~incidex.resolve.interface.Merger`) a batch of new :class:`RecordRef`
and the stored :class:`Cluster` objects that the blocking window (:class:`CandidateWindow`) selected; the resolver
answers with one :class:`Assignment` per record. Cluster ids are deterministic functions of record ids, so re-running a killed ingest gives the same store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Incident


@dataclass(frozen=True)
class RecordRef:
    """One extracted incident record of one document."""

    record_id: str  # f"{document_id}:{incident.id}"
    document_id: str
    incident: Incident
    published: str | None
    source: str | None
    context: str  # the report sentences that carry the incident's evidence, for text similarity


@dataclass
class Cluster:
    """A merged incident: the records already resolved into it."""

    cluster_id: str
    records: list[RecordRef] = field(default_factory=list)


@dataclass(frozen=True)
class Assignment:
    """Where a record goes (an existing or a new cluster id), how sure, and why."""

    record_id: str
    cluster_id: str
    new_cluster: bool
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class CandidateWindow:
    """Which stored clusters may merge with a record: date range (ISO, inclusive) and country if known; for a
    follow-up report (an arrest) naming perpetrators, also the clusters naming one of ``actors`` whose dates reach
    back to ``follow_up_from``."""

    date_from: str | None
    date_to: str | None
    country_code: str | None
    follow_up_from: str | None = None
    actors: tuple[str, ...] = ()

