"""Batch clustering: the records of a batch and the stored candidate incidents, joined best link first.

Every new record starts as its own node; stored incidents are nodes too, and a new record is linked only with
those its own candidate window selected (``reach``), so its cost does not grow with the rest of the batch. The
strongest link whose score reaches the threshold is joined, then the links of the joined node are pooled, until no
such link is left (agglomerative clustering). So the incidents do not hinge on which report of a batch came first,
and a report that links two earlier ones of the batch brings them together. Main records are joined first and
background records (earlier incidents that reports recall) only then, so that a recalled incident cannot keep two
reports of one incident apart by taking one of them first. Two stored incidents never join (their records are
stored already), no node holds two records of one report, and nodes whose typical (median) stated dates are more
than ``FOLLOW_UP_DAYS`` apart stay apart whatever their records say.

A link pools the pair evidence of the two nodes' records (``similarity.compare``). It is out of reach when more
than half its pairs conflict (dates, places); otherwise its score is BEST_WEIGHT of its best pair plus the rest of
the mean pair score: one close report is the main evidence, and the mean keeps a node whose other reports disagree
from chaining in. Pairs that cannot reach the threshold count as score 0 without being compared: the text cosines of
a batch's new records with all its records are one sparse matrix product, and what a pair's other fields can add
is bounded beforehand (``similarity.bonus_bounds``), so only the pairs that may reach it are visited.

When two nodes join, a stored incident keeps its id, else a node holding a main record, else the earlier node. A
record that founds a new incident (the first of its node) gets the id ``"inc-" + sha1(record_id)[:12]``, so the
same input always gives the same ids, and reasons saying why it joined none of the incidents before it; a record
that joined gives the evidence of its closest record in the incident it joined.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .dates import DateRange, conflict
from .model import Assignment
from .profile import Profile
from .similarity import FOLLOW_UP_DAYS, TEXT_WEIGHT, PairEvidence, bonus_bounds, compare
from .text import similarity_table

MAX_REFUSALS = 3  # refused incidents named in a new incident's reasons
BEST_WEIGHT = 0.7  # a link's score: this share from its best pair, the rest from the mean of its usable pairs
WEAK = PairEvidence(0.0, ("text too different",))


@dataclass
class Group:
    """A stored incident: its id, the profiles of its records, their reports and the span of their dates."""

    cluster_id: str
    members: list[Profile] = field(default_factory=list)
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

    def far_apart(self, profile: Profile) -> bool:
        """Stated dates more than FOLLOW_UP_DAYS from every member's are out of reach whatever the text says."""
        return bool(self.span is not None and profile.dates.explicit
                    and conflict(self.span, profile.dates, tolerance_days=FOLLOW_UP_DAYS))


def cluster_id_for(record_id: str) -> str:
    """The deterministic id of the incident that ``record_id`` starts."""
    return "inc-" + hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:12]


def _bounded(score: float) -> float:
    """Scores add up evidence and can pass 1; an assignment reports them clipped to [0, 1]."""
    return round(min(1.0, max(0.0, score)), 4)


@dataclass
class _Link:
    """Pooled pair evidence between two nodes: conflicting pairs, the sum of pair scores and the best pair. Pairs
    without a link or not counted here are weak (score 0); the number of pairs is the product of the node sizes."""

    blocked: int = 0
    total: float = 0.0
    best: tuple[float, str, str, PairEvidence] | None = None  # score, the two record ids, evidence
    refusal: str | None = None

    def add(self, evidence: PairEvidence, first: str, second: str, *, pairs: int = 1) -> None:
        if evidence.blocked:
            self.blocked += pairs
            self.refusal = self.refusal or evidence.reasons[-1]
            return
        self.total += evidence.score * pairs
        if self.best is None or evidence.score > self.best[0]:
            self.best = (evidence.score, first, second, evidence)

    def merged(self, other: _Link) -> _Link:
        best = max((b for b in (self.best, other.best) if b), key=lambda b: b[0], default=None)
        return _Link(self.blocked + other.blocked, self.total + other.total, best, self.refusal or other.refusal)

    def score(self, pairs: int) -> float | None:
        """The link score over ``pairs`` record pairs, or None when out of reach."""
        usable = pairs - self.blocked
        if self.best is None or usable * 2 < pairs:
            return None
        return BEST_WEIGHT * self.best[0] + (1 - BEST_WEIGHT) * self.total / usable


@dataclass(frozen=True)
class _Joined:
    """How a record joined an incident: the link score, its closest record there and their evidence, the number
    of records it joined, and the record of its own group the link runs through when not itself."""

    score: float
    closest: str
    evidence: PairEvidence
    size: int
    via: str | None


@dataclass
class _Node:
    profiles: list[Profile]
    documents: set[str]
    stored: Group | None = None
    alive: bool = True
    version: int = 0
    days: list[date] = field(default_factory=list)  # the members' stated dates (first day), sorted
    has_main: bool = False  # a stored incident or one holding a main record

    def __post_init__(self) -> None:
        self.days = sorted(p.dates.start for p in self.profiles if p.dates.explicit and p.dates.start)
        self.has_main = self.stored is not None or any(p.role == "main" for p in self.profiles)

    def typical_day(self) -> date | None:
        """The median stated date: one misdated report does not move it."""
        return self.days[(len(self.days) - 1) // 2] if self.days else None


class _Batch:
    """The state of one clustering run: nodes, their links, and how each new record came to its node."""

    def __init__(self, profiles: Sequence[Profile], groups: Sequence[Group], *, threshold: float,
                 max_days_apart: int, reach: Mapping[str, Collection[str]] | None = None) -> None:
        self.threshold = threshold
        self.max_days_apart = max_days_apart
        self.nodes = [_Node(list(g.members), set(g.documents), g) for g in groups]
        self.stored = len(self.nodes)
        index = {g.cluster_id: n for n, g in enumerate(groups)}
        everything = range(self.stored)
        self.candidates = {  # the stored incidents (node indices) each new record is compared with
            p.record_id: everything if reach is None else sorted(index[c] for c in reach.get(p.record_id, ())
                                                                  if c in index)
            for p in profiles
        }
        self.nodes += [_Node([p], {p.document_id}) for p in profiles]
        self.position = {id(node): n for n, node in enumerate(self.nodes)}  # nodes are never added later
        self.links: list[dict[int, _Link]] = [{} for _ in self.nodes]
        self.joined: dict[str, _Joined] = {}
        self.pairs: dict[tuple[str, str], PairEvidence] = {}
        self.unreachable: set[tuple[str, str]] = set()  # (record id, stored incident id): no member may reach
        self.everyone = [member for node in self.nodes for member in node.profiles]  # the columns of ``cosines``
        self.owner = [n for n, node in enumerate(self.nodes) for _ in node.profiles]  # the node of each column
        self.column = {member.record_id: n for n, member in enumerate(self.everyone)}
        self.row = {profile.record_id: n for n, profile in enumerate(profiles)}
        self.cosines = similarity_table([member.text for member in self.everyone],
                                        [self.column[profile.record_id] for profile in profiles])
        self.reach = TEXT_WEIGHT * self.cosines + bonus_bounds(profiles, self.everyone) >= threshold
        if reach is not None:  # a record reaches only its own candidates and the new records
            allowed = np.zeros((len(profiles), len(self.nodes)), dtype=bool)
            allowed[:, self.stored:] = True
            for row, profile in enumerate(profiles):
                allowed[row, self.candidates[profile.record_id]] = True
            self.reach &= allowed[:, np.array(self.owner, dtype=np.intp)]

    def pair(self, a: Profile, b: Profile) -> PairEvidence:
        """Pair evidence of new record ``a`` and record ``b``, WEAK without comparing when their text and what
        their other fields may add cannot reach the threshold."""
        key = (a.record_id, b.record_id)
        found = self.pairs.get(key)
        if found is None:
            row, column = self.row[a.record_id], self.column[b.record_id]
            if not self.reach[row, column]:
                found = WEAK
            else:
                similarity = float(self.cosines[row, column])
                found = compare(a, b, max_days_apart=self.max_days_apart, similarity=similarity)
            self.pairs[key] = found
        return found

    def link_new(self, index: int, other: int, strong: list[Profile]) -> _Link | None:
        """The link between new record ``index`` and node ``other`` (a stored incident or another new record), of
        whose records ``strong`` are those that may reach the threshold with it."""
        profile = self.nodes[index].profiles[0]
        node = self.nodes[other]
        if profile.document_id in node.documents:
            return None
        link = _Link()
        group = node.stored
        if group is not None and group.far_apart(profile):
            far = PairEvidence(0.0, (f"dates too far apart ({profile.dates.label} / incident's span)",), blocked=True)
            link.add(far, profile.record_id, "", pairs=len(node.profiles))
            return link
        if group is not None and not strong:
            self.unreachable.add((profile.record_id, group.cluster_id))
            return None
        for member in strong:
            if (evidence := self.pair(profile, member)) is not WEAK:
                link.add(evidence, profile.record_id, member.record_id)
        return link if link.best or link.blocked else None

    def link_all(self) -> None:
        """Link every new record with every node before it: with each of its candidate stored incidents (whose
        dates may rule it out whatever the text says) and with the new records that may reach the threshold."""
        for row, index in enumerate(range(self.stored, len(self.nodes))):
            strong: dict[int, list[Profile]] = {}
            for column in np.flatnonzero(self.reach[row]).tolist():
                if (other := self.owner[column]) < index:
                    strong.setdefault(other, []).append(self.everyone[column])
            own = self.nodes[index].profiles[0].record_id
            others = [*self.candidates[own], *sorted(other for other in strong if other >= self.stored)]
            for other in others:
                link = self.link_new(index, other, strong.get(other, []))
                if link is not None:
                    self.links[index][other] = self.links[other][index] = link

    def run(self) -> None:
        """Join main records first, so that a background record (an earlier incident a report recalls) cannot keep
        two reports of one incident apart by joining one of them first; then let background records join."""
        self.link_all()
        for mains_only in (True, False):
            heap: list[tuple[float, int, int, int, int]] = []
            for index in range(len(self.nodes)):
                for other in self.links[index]:
                    if index < other:
                        self._push(heap, index, other, mains_only=mains_only)
            heapq.heapify(heap)
            while heap:
                negative, a, b, version_a, version_b = heapq.heappop(heap)
                node_a, node_b = self.nodes[a], self.nodes[b]
                if not (node_a.alive and node_b.alive) or (node_a.version, node_b.version) != (version_a, version_b):
                    continue
                keep, join = self._roles(a, b)
                self._record_join(keep, join, -negative)
                self._absorb(keep, join)
                for other in self.links[keep]:
                    self._push(heap, *sorted((keep, other)), mains_only=mains_only)

    def near(self, profile: Profile, node_of: dict[str, _Node]) -> list[_Node]:
        """The nodes that a new record's reasons for founding an incident consider, in node order: those now holding
        a record that may reach the threshold with it, and its candidate incidents that hold no records."""
        row = self.row[profile.record_id]
        found = {self.position[id(node_of[self.everyone[column].record_id])]
                 for column in np.flatnonzero(self.reach[row]).tolist()}
        empty = {n for n in self.candidates[profile.record_id] if not self.nodes[n].profiles}
        return [self.nodes[n] for n in sorted(found | empty)]

    def _push(self, heap: list[tuple[float, int, int, int, int]], a: int, b: int, *, mains_only: bool) -> None:
        node_a, node_b = self.nodes[a], self.nodes[b]
        if mains_only and not (node_a.has_main and node_b.has_main):
            return
        score = self.links[a][b].score(len(node_a.profiles) * len(node_b.profiles))
        if score is not None and score >= self.threshold and self._may_join(a, b):
            heapq.heappush(heap, (-score, a, b, node_a.version, node_b.version))

    def _may_join(self, a: int, b: int) -> bool:
        """Two stored incidents never join, nor nodes holding one report, nor nodes whose typical stated dates
        are further apart than a follow-up report could be."""
        node_a, node_b = self.nodes[a], self.nodes[b]
        both_stored = node_a.stored is not None and node_b.stored is not None
        return (node_a.alive and node_b.alive and not both_stored and self.dated_near(node_a, node_b)
                and not node_a.documents & node_b.documents)

    @staticmethod
    def dated_near(a: _Node, b: _Node) -> bool:
        """False when the typical stated dates of two nodes are more than FOLLOW_UP_DAYS apart."""
        day_a, day_b = a.typical_day(), b.typical_day()
        return not (day_a and day_b and abs((day_a - day_b).days) > FOLLOW_UP_DAYS)

    def _roles(self, a: int, b: int) -> tuple[int, int]:
        """(the node that keeps its incident id, the node that joins it): a stored incident, else one holding a
        main record when the other holds none, else the earlier one."""
        node_a, node_b = self.nodes[a], self.nodes[b]
        if node_b.stored is not None or (node_b.has_main and not node_a.has_main):
            return b, a
        return a, b

    def _record_join(self, keep: int, join: int, score: float) -> None:
        """Note for each record of ``join`` its closest record in ``keep`` and the evidence between them (that of
        the link's best pair, with the record of ``join`` it runs through, when the record has none of its own)."""
        members = self.nodes[keep].profiles
        kept = {m.record_id for m in members}
        for profile in self.nodes[join].profiles:
            own = [(e.score, m.record_id, e) for m in members
                   if not (e := self.pair(profile, m)).blocked and e is not WEAK]
            if own:
                _, closest, evidence = max(own, key=lambda item: item[0])
                via = None
            else:
                best = self.links[join][keep].best
                assert best is not None  # a joinable link has a best pair
                closest, via = (best[1], best[2]) if best[1] in kept else (best[2], best[1])
                evidence = best[3]
            self.joined[profile.record_id] = _Joined(score, closest, evidence, len(members), via)

    def _absorb(self, keep: int, join: int) -> None:
        """Move the records of ``join`` into ``keep`` and pool their links."""
        node_keep, node_join = self.nodes[keep], self.nodes[join]
        node_keep.profiles += node_join.profiles
        node_keep.documents |= node_join.documents
        node_keep.days = sorted(node_keep.days + node_join.days)
        node_keep.has_main = node_keep.has_main or node_join.has_main
        node_keep.version += 1
        node_join.alive = False
        for other, link in self.links[join].items():
            if other == keep:
                continue
            combined = link if other not in self.links[keep] else self.links[keep][other].merged(link)
            self.links[keep][other] = self.links[other][keep] = combined
            self.links[other].pop(join, None)
        self.links[keep].pop(join, None)
        self.links[join] = {}


def assign_all(
    profiles: Sequence[Profile], groups: list[Group], *, threshold: float, max_days_apart: int,
    reach: Mapping[str, Collection[str]] | None = None,
) -> list[Assignment]:
    """Assign ``profiles`` (see the module doc); ``groups`` (the candidate incidents) grows with the new ones.
    ``reach`` maps a record id to the ids of the groups it is compared with (default: all of them)."""
    home = {member.record_id: group for group in groups for member in group.members}
    fresh = list({p.record_id: p for p in profiles if p.record_id not in home}.values())
    batch = _Batch(fresh, groups, threshold=threshold, max_days_apart=max_days_apart, reach=reach)
    batch.run()
    order = {p.record_id: n for n, p in enumerate(fresh)}
    node_of: dict[str, _Node] = {}
    for node in batch.nodes:
        if node.alive:
            for profile in node.profiles:
                node_of[profile.record_id] = node
    ids: dict[int, str] = {}
    for node in batch.nodes:
        if node.alive:
            if node.stored is not None:
                ids[id(node)] = node.stored.cluster_id
            else:  # a node's first record is the one that founded it
                ids[id(node)] = cluster_id_for(node.profiles[0].record_id)
    decided: dict[str, Assignment] = {}
    new_groups: dict[str, Group] = {}
    for profile in fresh:
        node = node_of[profile.record_id]
        cluster_id = ids[id(node)]
        founder = node.stored is None and cluster_id == cluster_id_for(profile.record_id)
        if founder:
            decided[profile.record_id] = _founded(batch, profile, cluster_id, ids, node_of, order)
        else:
            joined = batch.joined[profile.record_id]
            through = (f"joined together with {joined.via}",) if joined.via else ()
            reasons = (*joined.evidence.reasons, *through, f"closest record: {joined.closest}",
                       f"incident score {joined.score:.2f} over {joined.size} record(s)")
            decided[profile.record_id] = Assignment(profile.record_id, cluster_id, False, _bounded(joined.score),
                                                    reasons)
        if node.stored is not None:
            node.stored.add(profile)
        else:
            new_groups.setdefault(cluster_id, Group(cluster_id)).add(profile)
    groups.extend(new_groups.values())
    assignments = []
    for profile in profiles:
        if profile.record_id in home:
            assignments.append(Assignment(profile.record_id, home[profile.record_id].cluster_id, False, 1.0,
                                          ("already in this incident",)))
        else:
            assignments.append(decided[profile.record_id])
    return assignments


def _founded(batch: _Batch, profile: Profile, cluster_id: str, ids: dict[int, str], node_of: dict[str, _Node],
             order: dict[str, int]) -> Assignment:
    """The assignment of a record that starts an incident: why it joined none of the incidents before it."""
    best: tuple[float, str] | None = None
    refusals: list[str] = []
    for node in batch.near(profile, node_of):
        if not node.alive or node is node_of[profile.record_id]:
            continue
        if node.stored is None and order[node.profiles[0].record_id] > order[profile.record_id]:
            continue  # a later incident: it had the chance to join this one
        if not node.profiles:
            refusals.append(f"{ids[id(node)]}: holds no records")
            continue
        own = node_of[profile.record_id]
        if profile.document_id in node.documents:
            continue
        if own.documents & node.documents:
            refusals.append(f"{ids[id(node)]}: holds another record of a report in this incident")
            continue
        if not batch.dated_near(own, node):
            refusals.append(f"{ids[id(node)]}: its reports date it more than {FOLLOW_UP_DAYS} days from this one's")
            continue
        stored = node.stored
        if stored is not None and ((profile.record_id, stored.cluster_id) in batch.unreachable
                                   or stored.far_apart(profile)):
            continue
        link = _Link()
        for member in node.profiles:
            if (evidence := batch.pair(profile, member)) is not WEAK:
                link.add(evidence, profile.record_id, member.record_id)
        if not (link.best or link.blocked):
            continue
        score = link.score(len(node.profiles))
        if score is None:
            refusals.append(f"{ids[id(node)]}: {link.refusal}")
        elif best is None or score > best[0]:
            best = (score, ids[id(node)])
    if best:
        note = f"best candidate {best[1]} scored {best[0]:.2f}, below {batch.threshold:.2f}"
        if best[0] >= batch.threshold:
            note = f"best candidate {best[1]} scored {best[0]:.2f}, but with the records joined to this one, below"
            note += f" {batch.threshold:.2f}"
        return Assignment(profile.record_id, cluster_id, True, _bounded(best[0]), (note,))
    return Assignment(profile.record_id, cluster_id, True, 0.0, ("no compatible incident", *refusals[:MAX_REFUSALS]))
