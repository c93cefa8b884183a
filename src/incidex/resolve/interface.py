"""The resolver as the store sees it: :class:`Merger`, what :class:`~incidex.store.Store` calls to place new records
among stored incidents and to rebuild a merged incident."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from .model import Assignment, CandidateWindow, Cluster, RecordRef
from .reconcile import MergedView


class Merger(Protocol):
    """What the store needs to merge new records into stored incidents; :class:`~incidex.resolve.Resolver` is the
    implementation, tests may pass their own."""

    def window(self, record: RecordRef) -> CandidateWindow: ...

    def assign(
        self, records: Sequence[RecordRef], candidates: Sequence[Cluster], *,
        reach: Mapping[str, Collection[str]] | None = None,
    ) -> list[Assignment]: ...

    def reconcile(self, cluster: Cluster) -> MergedView: ...
