"""Add the learned components of a trained incidex model directory (``incidex train``) to the pipeline."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from ..config import Settings
from .muc_roles import FACTORY_NAME, create_muc_roles, default_model_dir

SHIPPED_MODEL = "muc4"


def using_learned_model(settings: Settings, name: str | Path | None) -> Settings:
    """``settings`` with ``nlp.learned_model`` set to ``name`` ("muc4", a directory, "" for none); None keeps it."""
    return settings if name is None else settings.with_overrides(nlp={"learned_model": str(name)})


def learned_model_dir(settings: Settings) -> Path | None:
    """The model directory ``nlp.learned_model`` names: the shipped one for "muc4", none for "", else the path."""
    name = settings.nlp.learned_model.strip()
    if not name:
        return None
    return default_model_dir() if name == SHIPPED_MODEL else Path(name)


def add_learned_components(nlp: Language, model_dir: Path) -> None:
    """The learned role tagger runs before incident detection; the roles component adds its spans to the rules'."""
    if not Language.has_factory(FACTORY_NAME):
        Language.factory(FACTORY_NAME, func=create_muc_roles)
    nlp.add_pipe(FACTORY_NAME, name="incidex_muc_roles", config={"model_dir": str(model_dir)},
                 before="incidex_incidents")
