"""The :class:`Resolver`: the one object the store talks to for merging reports into incidents."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import timedelta

from ..config import Settings
from ..lru import LRU
from .cluster import Group, assign_all
from .families import FOLLOW_UP
from .model import Assignment, CandidateWindow, Cluster, RecordRef
from .profile import Profile, build_profile
from .reconcile import MergedView, reconcile_records
from .similarity import FOLLOW_UP_DAYS


class Resolver:
    """Merges records of different reports that describe the same incident, incrementally and explainably.

    ``window`` tells the store which stored incidents to fetch for a record, ``assign`` places a batch of records
    (in order, so records of one batch merge with each other too) and ``reconcile`` builds the merged incident.
    Profiles of records are cached by record id: records are immutable once stored.
    """

    def __init__(self, settings: Settings, *, cache_size: int = 100_000) -> None:
        self.threshold = settings.resolve.similarity_threshold
        self.max_days_apart = settings.resolve.max_days_apart
        self._profiles: LRU[str, Profile] = LRU(cache_size)

    def profile(self, record: RecordRef) -> Profile:
        cached = self._profiles.get(record.record_id)
        if cached is None:
            cached = build_profile(record)
            self._profiles.put(record.record_id, cached)
        return cached

    def window(self, record: RecordRef) -> CandidateWindow:
        """Stored incidents that may take ``record``: those whose dates reach into this range (open bounds are
        None) and, when a country is given, those in that country or without one. A dated follow-up report (an
        arrest) that names perpetrators reaches back FOLLOW_UP_DAYS to the incidents naming one of them, so that
        it meets its event when that was stored by an earlier batch."""
        profile = self.profile(record)
        slack = timedelta(days=self.max_days_apart)
        start, end = profile.dates.start, profile.dates.end
        follow_up = profile.type == FOLLOW_UP and profile.dates.explicit and bool(profile.actors)
        return CandidateWindow(
            date_from=(start - slack).isoformat() if start else None,
            date_to=(end + slack).isoformat() if end else None,
            country_code=profile.location.country_code,
            follow_up_from=(start - timedelta(days=FOLLOW_UP_DAYS)).isoformat() if follow_up and start else None,
            actors=tuple(sorted(_without_article(name) for name in profile.actors.values())) if follow_up else (),
        )

    def assign(
        self, records: Sequence[RecordRef], candidates: Sequence[Cluster], *,
        reach: Mapping[str, Collection[str]] | None = None,
    ) -> list[Assignment]:
        """One :class:`Assignment` per record, in input order. ``reach`` maps a record id to the ids of the
        candidates its own window selected, the only stored incidents it is compared with (default: all)."""
        groups = [Group(c.cluster_id, [self.profile(r) for r in c.records]) for c in candidates]
        profiles = [self.profile(record) for record in records]
        return assign_all(profiles, groups, threshold=self.threshold, max_days_apart=self.max_days_apart, reach=reach)

    def reconcile(self, cluster: Cluster) -> MergedView:
        """The reconciled incident of ``cluster`` (rules in :mod:`incidex.resolve.reconcile`)."""
        return reconcile_records(cluster)


def _without_article(name: str) -> str:
    """``name`` without a leading "the", as stored incidents may name the actor either way."""
    head, _, rest = name.partition(" ")
    return rest if head.casefold() == "the" and rest else name
