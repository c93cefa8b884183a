"""The write path: insert a batch of documents, their records and evidence, let the resolver place the new records
among the stored incidents of their blocking windows, and rebuild the incidents they joined."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import sqlalchemy as sa

from ..errors import StoreError
from ..resolve.interface import Merger
from ..resolve.model import Assignment, Cluster, RecordRef
from ._candidates import load_clusters, window_ids
from ._rebuild import rebuild
from .rows import DocumentEntry, evidence_rows, new_ref, record_row
from .tables import assignments, documents, evidence, records


class RecordCache(OrderedDict[str, RecordRef]):
    """Stored records by record id; beyond ``size`` (``None``: no limit) the one put in first is dropped."""

    def __init__(self, size: int | None) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: str, value: RecordRef) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if self.size is not None and len(self) > self.size:
            self.popitem(last=False)


def write_batch(
    connection: sa.Connection, entries: Sequence[DocumentEntry], resolver: Merger, *, seen: RecordCache,
    cache: RecordCache,
) -> int:
    """Insert the batch, then resolve it; ``seen`` collects the records read or written (for ``cache`` after commit).
    Returns the number of records added."""
    document_rows, record_rows, evidence_list, refs = [], [], [], []
    for entry in entries:
        document = entry.document
        document_rows.append(
            {
                "document_id": entry.document_id,
                "content_hash": entry.content_hash,
                "status": entry.status,
                "error": entry.error,
                "origin": entry.origin or (document.origin if document else None),
                "source": document.source if document else None,
                "published": document.published if document else None,
                "title": document.title if document else None,
                "url": document.url if document else None,
                "chars": len(document.text) if document else None,
                "text": document.text if document else None,
                "language": entry.report.document.language if entry.report else None,
                "source_kind": document.source_kind if document else None,
                "forwarded_from": document.forwarded_from if document else None,
            }
        )
        if document is None or entry.report is None:
            continue
        for incident in entry.report.incidents:
            ref = new_ref(entry.document_id, document, incident)
            record_rows.append(record_row(ref))
            evidence_list.extend(evidence_rows(ref.record_id, incident))
            refs.append(ref)
    if document_rows:
        connection.execute(sa.insert(documents), document_rows)
    warned = [{"key": entry.document_id, "warnings": entry.warnings} for entry in entries if entry.warnings]
    if warned:  # few documents have any: a second statement for them keeps the common insert unchanged
        update = documents.update().where(documents.c.document_id == sa.bindparam("key"))
        connection.execute(update.values(warnings=sa.bindparam("warnings")), warned)
    if record_rows:
        connection.execute(sa.insert(records), record_rows)
    if evidence_list:
        connection.execute(sa.insert(evidence), evidence_list)
    if refs:
        _resolve(connection, refs, resolver, seen=seen, cache=cache)
        seen.update((ref.record_id, ref) for ref in refs)
    return len(record_rows)


def _resolve(
    connection: sa.Connection, refs: list[RecordRef], resolver: Merger, *, seen: RecordCache, cache: RecordCache
) -> None:
    windows = {ref.record_id: resolver.window(ref) for ref in refs}
    found = {window: frozenset(window_ids(connection, window)) for window in dict.fromkeys(windows.values())}
    reach = {record_id: found[window] for record_id, window in windows.items()}
    candidates = load_clusters(connection, set().union(*found.values()), cache=cache, seen=seen)
    decided = resolver.assign(refs, [candidates[key] for key in sorted(candidates)], reach=reach)
    if sorted(a.record_id for a in decided) != sorted(r.record_id for r in refs):
        raise StoreError("the resolver must assign every new record exactly once; this is a bug in incidex.resolve")
    connection.execute(
        sa.insert(assignments),
        [
            {
                "record_id": a.record_id,
                "cluster_id": a.cluster_id,
                "new_cluster": a.new_cluster,
                "score": a.score,
                "reasons": list(a.reasons),
            }
            for a in decided
        ],
    )
    affected = _merge(connection, candidates, refs, decided, cache=cache, seen=seen)
    rebuild(connection, sorted(affected), resolver=resolver, clusters=affected)


def _merge(
    connection: sa.Connection,
    candidates: dict[str, Cluster],
    refs: list[RecordRef],
    decided: list[Assignment],
    *,
    cache: RecordCache,
    seen: RecordCache,
) -> dict[str, Cluster]:
    """The clusters the assignments touch, with their stored and their new records, in record id order."""
    targets = {a.cluster_id for a in decided}
    clusters = {key: Cluster(key, list(c.records)) for key, c in candidates.items() if key in targets}
    started_here = {a.cluster_id for a in decided if a.new_cluster}
    clusters |= load_clusters(connection, targets - candidates.keys() - started_here, cache=cache, seen=seen)
    by_id = {ref.record_id: ref for ref in refs}
    for a in decided:
        clusters.setdefault(a.cluster_id, Cluster(a.cluster_id)).records.append(by_id[a.record_id])
    for cluster in clusters.values():
        cluster.records.sort(key=lambda record: record.record_id)
    return clusters


