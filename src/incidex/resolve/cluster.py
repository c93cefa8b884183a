"""Sequential clustering: each record joins the best-scoring incident or starts a new one.

A record is compared with every member of every candidate incident. An incident is out of reach when it already
holds a record of the same report, or when more than half its members conflict with the record (dates, places);
otherwise its score is the mean of the best and the average member score, which resists chaining (one similar
member is not enough when the others disagree) without demanding that every report be alike. The record joins the
highest-scoring incident at or above the threshold; ties go to the incident seen first. New incident ids are
``"inc-" + sha1(record_id)[:12]``, so the same input always gives the same ids. Incidents whose summed text
vector shows that no member can reach the threshold are skipped without pairwise comparison.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import DateRange, conflict
from .model import Assignment
from .profile import Profile
from .similarity import MAX_BONUS, TEXT_WEIGHT, PairEvidence, compare

MAX_REFUSALS = 3  # refused incidents named in a new incident's reasons
FAR_APART_DAYS = 60


@dataclass
class Group:
    """An incident being built: its id, the profiles of its records, and the sum of their text vectors."""

    cluster_id: str
    members: list[Profile] = field(default_factory=list)
    text_sum: dict[str, float] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    span: DateRange | None = None  # union of the members' stated dates, None while any member is undated

    def __post_init__(self) -> None:
        members, self.members = self.members, []
        for member in members:
            self.add(member)

    def add(self, profile: Profile) -> None:
        dates = profile.dates
        if not dates.explicit or dates.start is None or dates.end is None:
            self.span = None  # an undated member could be any day
        elif not self.members:
            self.span = dates
        elif self.span is not None:
            self.span = DateRange(min(self.span.start, dates.start), max(self.span.end, dates.end), True, "span")
        self.members.append(profile)
        self.documents.add(profile.document_id)
        for key, value in profile.text.items():
            self.text_sum[key] = self.text_sum.get(key, 0.0) + value

    def reachable(self, profile: Profile, *, threshold: float) -> bool:
        """False when no member can score ``threshold``: text vectors are non-negative, so the dot product with
        the sum bounds the best member's similarity, and the other evidence adds at most MAX_BONUS. Stated dates
        more than FAR_APART_DAYS from every member's are out of reach whatever the text says."""
        if self.span is not None and profile.dates.explicit and conflict(self.span, profile.dates,
                                                                          tolerance_days=FAR_APART_DAYS):
            return False
        bound = sum(value * self.text_sum.get(key, 0.0) for key, value in profile.text.items())
        return TEXT_WEIGHT * bound + MAX_BONUS >= threshold


@dataclass(frozen=True)
class _Match:
    score: float
    closest: Profile
    evidence: PairEvidence


def _bounded(score: float) -> float:
    """Scores add up evidence and can pass 1; an assignment reports them clipped to [0, 1]."""
    return round(min(1.0, max(0.0, score)), 4)


def cluster_id_for(record_id: str) -> str:
    """The deterministic id of the incident that ``record_id`` starts."""
    return "inc-" + hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:12]


def _match(profile: Profile, group: Group, *, max_days_apart: int) -> _Match | str:
    """The match with ``group``, or why it is out of reach."""
    if not group.members:
        return f"{group.cluster_id}: holds no records"
    pairs = [(compare(profile, member, max_days_apart=max_days_apart), member) for member in group.members]
    usable = [(evidence, member) for evidence, member in pairs if not evidence.blocked]
    if not usable or len(usable) * 2 < len(pairs):
        blocked = next(evidence for evidence, _ in pairs if evidence.blocked)
        return f"{group.cluster_id}: {blocked.reasons[-1]}"
    best, closest = max(usable, key=lambda pair: pair[0].score)
    mean = sum(evidence.score for evidence, _ in usable) / len(usable)
    return _Match((best.score + mean) / 2, closest, best)


def assign_all(
    profiles: Sequence[Profile], groups: list[Group], *, threshold: float, max_days_apart: int
) -> list[Assignment]:
    """Assign ``profiles`` in order; ``groups`` (the candidate incidents) grows with the new incidents."""
    assignments = []
    home = {member.record_id: group for group in groups for member in group.members}
    for profile in profiles:
        if profile.record_id in home:
            group = home[profile.record_id]
            assignments.append(Assignment(profile.record_id, group.cluster_id, False, 1.0, ("already in this incident",)))
            continue
        best: tuple[_Match, Group] | None = None
        refusals: list[str] = []
        for group in groups:
            if profile.document_id in group.documents or not group.reachable(profile, threshold=threshold):
                continue
            match = _match(profile, group, max_days_apart=max_days_apart)
            if isinstance(match, str):
                refusals.append(match)
            elif best is None or match.score > best[0].score:
                best = (match, group)
        if best and best[0].score >= threshold:
            match, group = best
            reasons = (
                *match.evidence.reasons,
                f"closest record: {match.closest.record_id}",
                f"incident score {match.score:.2f} over {len(group.members)} record(s)",
            )
            assignment = Assignment(profile.record_id, group.cluster_id, False, _bounded(match.score), reasons)
        else:
            group = Group(cluster_id_for(profile.record_id))
            groups.append(group)
            if best:
                note = f"best candidate {best[1].cluster_id} scored {best[0].score:.2f}, below {threshold:.2f}"
                assignment = Assignment(profile.record_id, group.cluster_id, True, _bounded(best[0].score), (note,))
            else:
                reasons = ("no compatible incident", *refusals[:MAX_REFUSALS])
                assignment = Assignment(profile.record_id, group.cluster_id, True, 0.0, reasons)
        group.add(profile)
        home[profile.record_id] = group
        assignments.append(assignment)
    return assignments
