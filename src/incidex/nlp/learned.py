"""Add the learned component that ``nlp.learned_model`` names to the pipeline.

Two kinds of learned model write ``doc._.incidex_muc``: encoder heads (``heads.json``; the shipped ones are
"encoder", the default) read by :mod:`incidex.nlp.encoder_roles`, and the older spaCy MUC-4 tagger (``config.cfg``;
the shipped one is "muc4") of :mod:`incidex.nlp.muc_roles`. The encoder component runs after incident detection
(it reads only the sentences with triggers), the spaCy tagger before it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from ..config import Settings
from ..errors import ConfigError
from . import encoder_roles, muc_roles

LEARNED_COMPONENTS: frozenset[str] = frozenset({encoder_roles.FACTORY_NAME, muc_roles.FACTORY_NAME})


@dataclass(frozen=True)
class LearnedModel:
    """A learned model directory and its kind: "encoder" (heads) or "spacy" (the MUC-4 tagger)."""

    kind: str
    path: Path


def using_learned_model(settings: Settings, name: str | Path | None) -> Settings:
    """``settings`` with ``nlp.learned_model`` set to ``name`` ("encoder", "muc4", a directory, "" for none);
    None keeps it."""
    return settings if name is None else settings.with_overrides(nlp={"learned_model": str(name)})


def learned_model(settings: Settings) -> LearnedModel | None:
    """The model ``nlp.learned_model`` names, or None for the rules alone."""
    name = settings.nlp.learned_model.strip()
    if not name:
        return None
    if name == "encoder":
        return LearnedModel("encoder", encoder_roles.default_heads_dir())
    if name == "muc4":
        return LearnedModel("spacy", muc_roles.default_model_dir())
    path = Path(name)
    if (path / encoder_roles.HEADS_INFO).is_file():
        return LearnedModel("encoder", path)
    if (path / "config.cfg").is_file():
        return LearnedModel("spacy", path)
    raise ConfigError(f"nlp.learned_model {name!r} is not 'encoder', 'muc4', '' or a directory written by "
                      "`incidex train encoder` (heads.json) or `incidex train muc4` (config.cfg)")


def torch_threads(settings: Settings) -> int:
    """The encoder's torch threads: the setting, else every core of the machine."""
    return settings.nlp.threads or os.cpu_count() or 1


def add_learned_components(nlp: Language, model: LearnedModel, settings: Settings) -> None:
    """Add the component of ``model``; the roles component adds its spans to the rules'."""
    if model.kind == "encoder":
        nlp.add_pipe(encoder_roles.FACTORY_NAME, name="incidex_encoder_roles", after="incidex_incidents",
                     config={"heads_dir": str(model.path), "encoder": settings.nlp.encoder,
                             "threads": torch_threads(settings)})
        return
    nlp.add_pipe(muc_roles.FACTORY_NAME, name="incidex_muc_roles", config={"model_dir": str(model.path)},
                 before="incidex_incidents")
