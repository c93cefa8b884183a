"""Incident frames and their arguments: what the incident components know about one incident before it becomes a
record."""

from __future__ import annotations

from dataclasses import dataclass, field

from .annotations import DateMention, PlaceMention


@dataclass
class Trigger:
    """A word or phrase that mentions an incident ("stormed", "took ... hostage")."""

    start: int
    end: int
    text: str
    type: str
    strong: bool
    token: int  # index of the head token in the Doc
    agent: bool = False  # an agent noun ("hostage-takers"): refers to an incident and names its perpetrators
    lemma: str = ""
    casualty: bool = False  # a killing told as its toll ("six militants were killed in an operation"): types no frame
    aside: bool = False  # explosives seized or held, a bombing told of the people ("militants involved in a bomb
    # attack"), a riot unit ("riot police") or stones thrown: types no frame another act types


@dataclass
class Arg:
    """A role filler with its span; ``learned`` names the learned component that found it (None: the rules)."""

    start: int
    end: int
    text: str
    learned: str | None = field(default=None, kw_only=True)


@dataclass
class PerpetratorArg(Arg):
    kind: str = "individual"
    name: str | None = None
    count: int | None = None
    relation: str | None = None
    head: str = ""
    local: bool = False  # unnamed local people on one side of a clash: named after the incident's place


@dataclass
class StatusCue(Arg):
    status: str = ""


@dataclass
class VictimArg(Arg):
    head: str = ""
    count: int | None = None
    statuses: list[StatusCue] = field(default_factory=list)


@dataclass
class CasualtyArg(Arg):
    """A stated figure for one casualty field ("killed.perpetrators"), before reconciliation."""

    field: str = ""
    value: int | None = None
    low: int | None = None
    high: int | None = None
    part_of: int | None = None  # counts of one conjunction ("two soldiers and a civilian") share the head's index
    additive: bool = False  # "also", "another": people beyond those counted before
    died_later: bool = False  # "a wounded guard died in hospital on Tuesday": the incident's own wounded
    toll: bool = False  # "the death toll rose to eight": every death told so far, those counted before included
    alternative: bool = False  # "other sources put the dead at nine": another account's figure, not the report's own


@dataclass
class FrameArguments:
    """What the roles component (``incidex_roles_v1``) attached to one incident frame."""

    places: list[PlaceMention] = field(default_factory=list)
    facilities: list[PlaceMention] = field(default_factory=list)
    perpetrators: list[PerpetratorArg] = field(default_factory=list)
    victims: list[VictimArg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    responders: list[Arg] = field(default_factory=list)
    weapons: list[Arg] = field(default_factory=list)
    casualties: list[CasualtyArg] = field(default_factory=list)


@dataclass
class IncidentFrame:
    """One incident as the incidents component (``incidex_incidents_v1``) found it: its triggers, date and role.

    Later components never change a frame: the roles component writes each frame's arguments to
    ``doc._.incidex_arguments`` and the types component its type to ``doc._.incidex_types``, both keyed by ``id``.
    """

    id: str
    role: str
    triggers: list[Trigger]
    date: DateMention | None = None
    sentences: set[int] = field(default_factory=set)  # start token index of each sentence that mentions it
