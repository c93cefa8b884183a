"""The incident type: the one component that decides it (``incidex_types_v1``), after roles.

A frame's triggers give its type (a specific type if any trigger has one, else the most mentioned); who was
involved can change it: a killed official makes an armed assault an assassination, protesters as the subject of a
trigger's sentence make a clash, arson, bombing, armed assault or raid a riot. Writes ``doc._.incidex_types``,
the type of each frame by its id.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .frames import FrameArguments, IncidentFrame
from .lexicons import words
from .triggers import GENERIC_TRIGGERS, TYPE_PRIORITY

SPECIFIC_TYPES = ("hostage_taking", "kidnapping", "assassination", "air_or_drone_strike", "shelling")
# Victims whose killing makes an assassination, and people whose violence makes a riot.
OFFICIAL_NOUNS = words("official_nouns")
PROTEST_NOUNS = words("protest_nouns")
RIOT_PRONE_TYPES = frozenset({"clash", "arson", "bombing", "armed_assault", "raid"})


def trigger_type(frame: IncidentFrame) -> str:
    """The type the triggers give: a specific type if any trigger has one, else the most mentioned type (ties go
    to the earlier type in TYPE_PRIORITY)."""
    typed = [t for t in frame.triggers if not t.agent] or frame.triggers
    specific = [t for t in typed if t.lemma not in GENERIC_TRIGGERS]
    types = [t.type for t in (specific or typed)]
    for specific in SPECIFIC_TYPES:
        if specific in types:
            return specific
    if "arrest" in types and "plot" in types:
        return "arrest"
    return max(TYPE_PRIORITY, key=lambda kind: (types.count(kind), -TYPE_PRIORITY.index(kind)))


def incident_type(doc: Doc, frame: IncidentFrame, arguments: FrameArguments) -> str:
    """The type of one incident: its triggers' type, refined by who was involved."""
    kind = trigger_type(frame)
    if kind == "armed_assault" and any(
        v.head in OFFICIAL_NOUNS and any(c.status == "killed" for c in v.statuses) for v in arguments.victims
    ):
        return "assassination"
    if kind in RIOT_PRONE_TYPES:
        for trigger in frame.triggers:
            sentence = doc[trigger.token].sent
            if any(t.lemma_ in PROTEST_NOUNS and t.dep_ in {"nsubj", "nsubjpass", "poss"} for t in sentence):
                return "riot"
    return kind


class IncidentTyper:
    """spaCy component writing ``doc._.incidex_types``: ``{frame id: type}`` for every incident frame."""

    def __init__(self, nlp: Language, name: str = "incidex_types") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        arguments: dict[str, FrameArguments] = doc._.incidex_arguments or {}
        doc._.incidex_types = {frame.id: incident_type(doc, frame, arguments.get(frame.id, FrameArguments()))
                               for frame in doc._.incidex_incidents or []}
        return doc
