"""Incident type families: which extracted types can describe the same real-world incident.

Reports of one incident often disagree on its type (an "attack" in one is a "shooting" or a "raid" in another), so
types merge within a family. ``other`` is compatible with every type, since it means the extractor was unsure.
An ``arrest`` is compatible with every type too: a report of the arrest or trial of the perpetrators is, for an
analyst, a later report of the incident they are accused of, and the extractor often gives such reports the type of
the law-enforcement action.
"""

from __future__ import annotations

from ..types import INCIDENT_TYPES

FAMILIES: dict[str, frozenset[str]] = {
    "armed_violence": frozenset({"armed_assault", "assassination", "clash", "raid", "shelling"}),
    "explosive": frozenset({"bombing", "air_or_drone_strike", "shelling", "arson"}),
    "captivity": frozenset({"hostage_taking", "kidnapping"}),
    "unrest": frozenset({"riot", "clash", "arson"}),
    "law_enforcement": frozenset({"arrest", "plot", "raid"}),
    "theft": frozenset({"robbery", "armed_assault"}),
}
WILDCARD = "other"
FOLLOW_UP = "arrest"

_FAMILIES_OF: dict[str, frozenset[str]] = {
    kind: frozenset(name for name, members in FAMILIES.items() if kind in members) for kind in INCIDENT_TYPES
}


def families_of(kind: str) -> frozenset[str]:
    """Names of the families ``kind`` belongs to (empty for ``other`` and unknown types)."""
    return _FAMILIES_OF.get(kind, frozenset())


def shared_family(a: str, b: str) -> str | None:
    """The first family (alphabetically) that holds both types, or None."""
    common = families_of(a) & families_of(b)
    return min(common) if common else None


def compatible(a: str, b: str) -> bool:
    """Whether records of types ``a`` and ``b`` may be one incident."""
    return a == b or WILDCARD in (a, b) or follow_up(a, b) or shared_family(a, b) is not None


def follow_up(a: str, b: str) -> bool:
    """Whether one type is the law-enforcement follow-up (an arrest) of the other."""
    return FOLLOW_UP in (a, b) and a != b
