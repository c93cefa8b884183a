"""Pairwise evidence that two records describe the same incident: a score and the reasons behind it.

Two records of the same report never merge (the extractor already kept them apart). Dates further apart than
``max_days_apart`` and places too far apart for their precision block a merge, unless the texts agree strongly
(similarity >= STRONG_TEXT and a name in common, so that a boilerplate paragraph two reports share does not count):
extracted dates and places are the noisiest fields (a report of a ship attack may place it in Yemen, another in
Somalia; a trial report may date the incident by the verdict), so then each conflict only costs CONFLICT_PENALTY.
Dates up to FOLLOW_UP_DAYS apart are what later reports (arrest, charge, trial, verdict) look like, so there
FOLLOW_UP_TEXT or a shared actor is enough. Otherwise the score adds up:

    text similarity x TEXT_WEIGHT     the main evidence (weighted word cosine, see ``text.py``)
    + TYPE_BONUS / - TYPE_PENALTY     same type / incompatible types (families and follow-ups in ``families.py``)
    + DATE_BONUS                      stated dates overlap (half when either is coarser than a day)
    + PLACE_BONUS                     within the distance of the places' precision (a fifth at country level)
    + ACTOR_BONUS                     a perpetrator shared by canonical name

A background record (an earlier incident recalled in a report) says little about itself, so it must also match on
a stated date, a place or an actor, not on text alone. The weights were set on ECB+ topics that are *not* violent
incidents; FOLLOW_UP_DAYS and FOLLOW_UP_TEXT (and the linkage in ``cluster.py``) on six of the twelve violent
topics (3, 12, 18, 22, 32, 41), keeping the other six to check them.

:func:`bonus_bounds` bounds what the evidence beyond text can add to a pair, for a whole batch at once, so that the
clusterer compares only pairs that may reach its threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..types import Location
from .dates import conflict
from .families import WILDCARD, compatible, follow_up, shared_family
from .places import compare_places
from .profile import Profile
from .text import cosine

TEXT_WEIGHT = 1.5
TYPE_BONUS = 0.05
TYPE_PENALTY = 0.15
DATE_BONUS = 0.1
PLACE_BONUS = 0.1
ACTOR_BONUS = 0.15
STRONG_TEXT = 0.5
FOLLOW_UP_DAYS = 400  # a later report (arrest, charge, trial, verdict) may date its incident this much later
FOLLOW_UP_TEXT = 0.3
CONFLICT_PENALTY = 0.2


@dataclass(frozen=True)
class PairEvidence:
    score: float
    reasons: tuple[str, ...]
    blocked: bool = False


def compare(a: Profile, b: Profile, *, max_days_apart: int, similarity: float | None = None) -> PairEvidence:
    """Evidence that records ``a`` and ``b`` are one incident; ``similarity`` is their text cosine when the caller
    has it already."""
    if a.document_id == b.document_id:
        return PairEvidence(0.0, ("same report",), blocked=True)
    if similarity is None:
        similarity = cosine(a.text, b.text)
    conflicts = []
    shared = sorted(set(a.actors) & set(b.actors))
    strong = similarity >= STRONG_TEXT and not a.names.isdisjoint(b.names)
    dates_apart = conflict(a.dates, b.dates, tolerance_days=max_days_apart)
    if dates_apart:
        later = not conflict(a.dates, b.dates, tolerance_days=FOLLOW_UP_DAYS)
        conflicts.append(f"dates too far apart ({a.dates.label} / {b.dates.label})")
        if not (strong or (later and (similarity >= FOLLOW_UP_TEXT or shared))):
            return PairEvidence(0.0, (conflicts[0],), blocked=True)
    place = compare_places(a.location, b.location)
    if place.status == "far":
        conflicts.append(place.reason)
        if not strong:
            return PairEvidence(0.0, (conflicts[0],), blocked=True)

    reasons = [f"{reason}, outweighed by text similarity {similarity:.2f}" for reason in conflicts]
    score = -CONFLICT_PENALTY * len(conflicts)
    structured = False
    if a.type == b.type != WILDCARD:
        score += TYPE_BONUS
        reasons.append(f"same type family ({a.type})")
    elif a.type == b.type:
        reasons.append("type unsure in both (other)")
    elif follow_up(a.type, b.type):
        reasons.append(f"follow-up ({a.type} / {b.type})")
    elif compatible(a.type, b.type):
        family = shared_family(a.type, b.type) or WILDCARD
        reasons.append(f"same type family ({family}: {a.type} / {b.type})")
    else:
        score -= TYPE_PENALTY
        reasons.append(f"types differ ({a.type} / {b.type})")
    if a.dates.explicit and b.dates.explicit and not dates_apart:
        fine = a.dates.start == a.dates.end and b.dates.start == b.dates.end
        score += DATE_BONUS if fine else DATE_BONUS / 2
        structured = structured or fine
        agree = f"within {max_days_apart} days" if conflict(a.dates, b.dates, tolerance_days=0) else "overlap"
        reasons.append(f"dates {agree} ({a.dates.label} / {b.dates.label})")
    if place.status == "near":
        score += PLACE_BONUS if place.precise else PLACE_BONUS / 5
        structured = structured or place.precise
        reasons.append(place.reason)
    if shared:
        score += ACTOR_BONUS
        structured = True
        reasons.extend(f"shared actor: {a.actors[key]}" for key in shared)
    score += TEXT_WEIGHT * similarity
    reasons.append(f"text similarity {similarity:.2f}")
    if "background" in (a.role, b.role) and not structured:
        reasons.append("a background record needs a matching date, place or actor")
        return PairEvidence(score, tuple(reasons), blocked=True)
    return PairEvidence(score, tuple(reasons))


def bonus_bounds(rows: Sequence[Profile], columns: Sequence[Profile]) -> np.ndarray:
    """The most that the type, dates, places and actors of each (row, column) pair can add to its text score (a
    ``len(rows) x len(columns)`` array): type bonus or penalty, and each bonus whose fields both records have."""
    kinds = sorted({profile.type for profile in (*rows, *columns)})
    code = {kind: n for n, kind in enumerate(kinds)}
    types = np.array([[_type_bound(a, b) for b in kinds] for a in kinds], dtype=np.float64)
    types = types.reshape(len(kinds), len(kinds))  # also when there are no records
    weights = np.array([DATE_BONUS, PLACE_BONUS, ACTOR_BONUS])

    def has(profiles: Sequence[Profile]) -> np.ndarray:
        return np.array([[p.dates.explicit, _placed(p.location), bool(p.actors)] for p in profiles],
                        dtype=np.float64).reshape(len(profiles), 3)

    row_types = np.array([code[p.type] for p in rows], dtype=np.intp)
    column_types = np.array([code[p.type] for p in columns], dtype=np.intp)
    return types[np.ix_(row_types, column_types)] + (has(rows) * weights) @ has(columns).T


def _type_bound(a: str, b: str) -> float:
    """What types ``a`` and ``b`` add to a pair's score in :func:`compare`."""
    if a == b != WILDCARD:
        return TYPE_BONUS
    if a == b or follow_up(a, b) or compatible(a, b):
        return 0.0
    return -TYPE_PENALTY


def _placed(location: Location) -> bool:
    """Whether ``location`` has what :func:`compare_places` needs to find it near another."""
    return bool(location.country_code or location.admin1 or location.lat is not None)
