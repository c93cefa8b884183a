"""The country of an incident whose text states none, in the one order the role and assembly components share.

Where nothing in a text places an incident in a country (no place, no country, no nationality word before a police
force or a kind of place: ``doc._.incidex_country`` is None), its country comes, marked uncertain, from:

1. the one home its actors share (:func:`.group_homes.actor_home`: "Mungiki members killed a matatu driver");
2. else the home country of the report's outlet (``doc._.incidex_outlet_country``: a national daily's story);
3. else the country of an army the text names (:func:`.places.army_country`: "the Burkinabe army clashed with
   militants"); armies also fight abroad, so they come last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc

from .annotations import doc_text
from .group_homes import actor_home, shared_home
from .places import army_country


class NamedSpan(Protocol):
    """An actor as the components hold it: a span of the text and a canonical name, if any."""

    start: int
    end: int
    name: str | None


@dataclass(frozen=True)
class UnstatedCountry:
    """A country an incident takes where its text states none, and what points at it: the words of the text
    (``start``/``end``) or, for the outlet, the document's metadata (``start`` None, ``text`` its outlet names)."""

    code: str
    text: str
    start: int | None
    end: int | None
    component: str


def unstated_country(doc: Doc, actors: Iterable[NamedSpan]) -> UnstatedCountry | None:
    """The country of an incident with ``actors`` whose text states none (see the module), or None; None also when
    the text states one (``doc._.incidex_country``)."""
    if doc._.incidex_country is not None:
        return None
    text = doc._.incidex_original or doc_text(doc)
    homes = [(actor, actor_home(actor.name)) for actor in actors if actor.name]
    home = shared_home(h for _, h in homes)
    if home is not None:
        actor = min((pair for pair in homes if home in pair[1]), key=lambda pair: len(pair[1]))[0]  # narrows it most
        return UnstatedCountry(home, text[actor.start : actor.end], actor.start, actor.end, "incidex_actors_v1")
    outlet = doc._.incidex_outlet_country
    if outlet is not None:
        return UnstatedCountry(outlet.code, "; ".join(outlet.outlets), None, None, "incidex_places_v1")
    army = army_country(doc)
    if army is not None:
        code, start, end = army
        return UnstatedCountry(code, text[start:end], start, end, "incidex_places_v1")
    return None


__all__ = ["UnstatedCountry", "unstated_country"]
