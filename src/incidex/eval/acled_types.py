"""ACLED event types and sub-event types mapped to incidex incident types.

Each ACLED category (event type, sub-event type) maps to the set of incidex types an analyst would accept for it,
and says whether it is a violent event (the targets of issue 12 count those only). An empty set means the category
has no incidex type (peaceful protests, agreements, changes of group activity): its rows are not scored on type.
The old ACLED schema (2015 Asia and 2016 real-time files) has no sub-event types; its categories map coarsely.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AcledCategory:
    accepted: frozenset[str]
    violent: bool


def _cat(*types: str, violent: bool) -> AcledCategory:
    return AcledCategory(frozenset(types), violent)


BATTLE = _cat("clash", "armed_assault", "raid", violent=True)
REMOTE = _cat("bombing", "air_or_drone_strike", "shelling", violent=True)

# (event_type, sub_event_type or None) -> accepted incidex types. A None sub-event type is the old schema.
ACLED_TYPES: dict[tuple[str, str | None], AcledCategory] = {
    ("Battles", "Armed clash"): BATTLE,
    ("Battles", "Government regains territory"): BATTLE,
    ("Battles", "Non-state actor overtakes territory"): BATTLE,
    ("Explosions/Remote violence", "Air/drone strike"): _cat("air_or_drone_strike", violent=True),
    ("Explosions/Remote violence", "Grenade"): _cat("bombing", "armed_assault", violent=True),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): _cat("bombing", violent=True),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): _cat(
        "shelling", "air_or_drone_strike", violent=True
    ),
    ("Explosions/Remote violence", "Suicide bomb"): _cat("bombing", violent=True),
    # violence against civilians is named by whom it targets, our types by the means: an arson attack on civilians'
    # homes, vehicles or persons is both
    ("Violence against civilians", "Attack"): _cat("armed_assault", "assassination", "arson", violent=True),
    ("Violence against civilians", "Abduction/forced disappearance"): _cat(
        "kidnapping", "hostage_taking", violent=True
    ),
    ("Violence against civilians", "Sexual violence"): _cat("armed_assault", "other", violent=True),
    ("Riots", "Mob violence"): _cat("riot", "armed_assault", violent=False),
    ("Riots", "Violent demonstration"): _cat("riot", "arson", violent=False),
    ("Protests", "Excessive force against protesters"): _cat("riot", "armed_assault", violent=False),
    ("Protests", "Peaceful protest"): _cat(violent=False),
    ("Protests", "Protest with intervention"): _cat("riot", "arrest", violent=False),
    ("Strategic developments", "Arrests"): _cat("arrest", violent=False),
    ("Strategic developments", "Looting/property destruction"): _cat("robbery", "arson", "riot", violent=False),
    ("Strategic developments", "Disrupted weapons use"): _cat("plot", "bombing", violent=False),
    ("Strategic developments", "Agreement"): _cat(violent=False),
    ("Strategic developments", "Change to group/activity"): _cat(violent=False),
    ("Strategic developments", "Headquarters or base established"): _cat(violent=False),
    ("Strategic developments", "Non-violent transfer of territory"): _cat(violent=False),
    ("Strategic developments", "Other"): _cat(violent=False),
    # the old schema: no sub-event types
    ("Battle-No change of territory", None): BATTLE,
    ("Battle-Government regains territory", None): BATTLE,
    ("Battle-Non-state actors overtake territory", None): BATTLE,
    ("Remote violence", None): REMOTE,
    ("Violence against civilians", None): _cat(
        "armed_assault", "assassination", "arson", "kidnapping", "hostage_taking", violent=True
    ),
    ("Riots/Protests", None): _cat("riot", "arson", violent=False),
    ("Strategic development", None): _cat(violent=False),
    ("Non-violent transfer of territory", None): _cat(violent=False),
}


def acled_category(event_type: str, sub_event_type: str | None) -> AcledCategory:
    """The category of an ACLED row; the old schema's "Violence Against Civilians" spelling is folded in.

    Raises KeyError for a type this table does not know, so a new ACLED category is noticed, not guessed.
    """
    if event_type == "Violence Against Civilians":
        event_type = "Violence against civilians"
    return ACLED_TYPES[(event_type, sub_event_type)]


def category_name(event_type: str, sub_event_type: str | None) -> str:
    return f"{event_type} / {sub_event_type}" if sub_event_type else event_type
