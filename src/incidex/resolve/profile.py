"""What the resolver compares about a record, computed once per record: type, date range, place, actors, text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Location
from .dates import DateRange, date_range
from .model import RecordRef
from .text import TextVector, features

_PUNCT = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class Profile:
    record_id: str
    document_id: str
    role: str
    type: str
    dates: DateRange
    location: Location
    actors: dict[str, str]  # normalized key -> canonical name as written
    text: TextVector
    names: frozenset[str]  # the names the text vector weighs more (see ``text.py``)


def actor_key(name: str) -> str:
    """Comparison key of an actor name: case, punctuation and a leading "the" do not matter."""
    key = " ".join(_PUNCT.sub(" ", name.casefold()).split())
    return key.removeprefix("the ")


def build_profile(record: RecordRef) -> Profile:
    incident = record.incident
    actors = {}
    for perpetrator in incident.perpetrators:
        if perpetrator.name and (key := actor_key(perpetrator.name)):
            actors.setdefault(key, perpetrator.name)
    text, names = features(record.context or incident.summary or "")
    return Profile(
        record_id=record.record_id,
        document_id=record.document_id,
        role=incident.role,
        type=incident.type,
        dates=date_range(incident.date, published=record.published, role=incident.role),
        location=incident.location,
        actors=actors,
        text=text,
        names=names,
    )
