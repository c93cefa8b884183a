"""Every incidex spaCy factory, registered in one place with what it requires, what it assigns and its config.

:func:`register_components` registers them (and the ``Doc._`` extensions) when the pipeline is built; nothing
registers on import. ``nlp.analyze_pipes()`` checks each ``requires`` against what the components before it
assign. The base model's parser, tagger, lemmatizer and NER assign the token attributes; its attribute ruler
(which sets ``token.pos`` from the tag) declares nothing, so components that read the part of speech require the
tag it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from . import encoder_roles, muc_roles
from .annotations import register_extensions

if TYPE_CHECKING:  # the component modules load when a pipeline makes them
    from .actors import ActorFinder
    from .attribution import AttributionFinder
    from .dates import DateFinder
    from .datelines import DatelineReader
    from .incident_types import IncidentTyper
    from .incidents import IncidentFinder
    from .numbers import NumberFinder
    from .places import PlaceFinder
    from .roles import RoleFinder

PARSE = ["token.dep", "token.head", "token.lemma", "token.tag", "doc.sents"]
ENTITIES = ["token.ent_type"]


def _ext(name: str) -> str:
    return f"doc._.{name}"


def make_datelines(nlp: Language, name: str) -> DatelineReader:
    from .datelines import DatelineReader

    return DatelineReader(nlp, name)


def make_numbers(nlp: Language, name: str) -> NumberFinder:
    from .numbers import NumberFinder

    return NumberFinder(nlp, name)


def make_dates(nlp: Language, name: str) -> DateFinder:
    from .dates import DateFinder

    return DateFinder(nlp, name)


def make_actors(nlp: Language, name: str) -> ActorFinder:
    from .actors import ActorFinder

    return ActorFinder(nlp, name)


def make_places(nlp: Language, name: str, use_ner: bool) -> PlaceFinder:
    from .places import PlaceFinder

    return PlaceFinder(nlp, name, use_ner=use_ner)


def make_attribution(nlp: Language, name: str, lexicon: str) -> AttributionFinder:
    from .attribution import AttributionFinder

    return AttributionFinder(nlp, name, lexicon=lexicon or None)


def make_incidents(nlp: Language, name: str, triggers: str, max_date_distance: int) -> IncidentFinder:
    from .incidents import IncidentFinder

    return IncidentFinder(nlp, name, triggers=triggers, max_date_distance=max_date_distance)


def make_roles(nlp: Language, name: str, learned_roles: str, weapons: str) -> RoleFinder:
    from .roles import RoleFinder

    return RoleFinder(nlp, name, learned_roles, weapons)


def make_types(nlp: Language, name: str) -> IncidentTyper:
    from .incident_types import IncidentTyper

    return IncidentTyper(nlp, name)


@dataclass(frozen=True)
class Factory:
    """One registered factory: its versioned name, the function that makes the component, and its contract."""

    name: str
    func: Callable[..., Any]
    requires: list[str] = field(default_factory=list)
    assigns: list[str] = field(default_factory=list)
    default_config: dict[str, Any] = field(default_factory=dict)


# The rule components in pipeline order, then the learned ones (added where nlp.learned_model asks).
RULES: tuple[Factory, ...] = (
    Factory("incidex_datelines_v1", make_datelines,
            assigns=[_ext("incidex_dateline"), _ext("incidex_published")]),
    Factory("incidex_numbers_v1", make_numbers, requires=PARSE + ENTITIES, assigns=[_ext("incidex_numbers")]),
    Factory("incidex_dates_v1", make_dates, requires=PARSE + ENTITIES + [_ext("incidex_dateline")],
            assigns=[_ext("incidex_dates")]),
    Factory("incidex_actors_v1", make_actors, requires=PARSE + ENTITIES, assigns=[_ext("incidex_actors")]),
    Factory("incidex_places_v1", make_places, requires=PARSE + ENTITIES + [_ext("incidex_actors"),
                                                                          _ext("incidex_dateline")],
            assigns=[_ext("incidex_places"), _ext("incidex_country"), _ext("incidex_outlet_country")],
            default_config={"use_ner": True}),
    Factory("incidex_attribution_v1", make_attribution, requires=PARSE + ENTITIES + [_ext("incidex_actors")],
            assigns=[_ext("incidex_sources")], default_config={"lexicon": ""}),
    Factory("incidex_incidents_v1", make_incidents,
            requires=PARSE + ENTITIES + [_ext("incidex_dates"), _ext("incidex_places")],
            assigns=[_ext("incidex_incidents")], default_config={"triggers": "triggers", "max_date_distance": 6}),
    Factory("incidex_roles_v1", make_roles,
            requires=PARSE + ENTITIES + [_ext(n) for n in ("incidex_incidents", "incidex_numbers", "incidex_places",
                                                           "incidex_country", "incidex_actors", "incidex_sources",
                                                           "incidex_dateline")],
            assigns=[_ext("incidex_arguments")], default_config={"learned_roles": "fill", "weapons": "weapons"}),
    Factory("incidex_types_v1", make_types, requires=PARSE + [_ext("incidex_incidents"), _ext("incidex_arguments")],
            assigns=[_ext("incidex_types")]),
)
LEARNED: tuple[Factory, ...] = (
    Factory(encoder_roles.FACTORY_NAME, encoder_roles.create_encoder_roles, requires=[_ext("incidex_incidents")],
            assigns=[_ext(muc_roles.EXTENSION)], default_config=encoder_roles.DEFAULT_CONFIG),
    Factory(muc_roles.FACTORY_NAME, muc_roles.create_muc_roles, assigns=[_ext(muc_roles.EXTENSION)]),
)


def register_components() -> None:
    """Register the ``Doc._`` extensions and every incidex factory with spaCy (idempotent)."""
    register_extensions()
    for factory in (*RULES, *LEARNED):
        if not Language.has_factory(factory.name):
            Language.factory(factory.name, default_config=factory.default_config, requires=factory.requires,
                             assigns=factory.assigns, func=factory.func)
