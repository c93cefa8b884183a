"""The factories' contracts: every pipeline variant passes ``nlp.analyze_pipes()`` with no problems."""

from __future__ import annotations

import copy

import pytest
from spacy.language import Language

from incidex.config import load_settings
from incidex.nlp.components import LEARNED, RULES, register_components
from incidex.nlp.learned import using_learned_model
from incidex.nlp.pipeline import build_pipeline


@pytest.mark.parametrize(
    ("learned_model", "learned_roles"),
    [("muc4", "fill"), ("muc4", "decide"), ("encoder", "fill"), ("encoder", "decide"), ("", "fill")],
)
def test_components_every_requirement_is_assigned_before_it_is_read(learned_model: str, learned_roles: str) -> None:
    settings = using_learned_model(load_settings(), learned_model).with_overrides(nlp={"learned_roles": learned_roles})
    nlp = build_pipeline(settings)
    analysis = nlp.analyze_pipes(pretty=False)
    assert {name: problems for name, problems in analysis["problems"].items() if problems} == {}
    ours = [name for name in nlp.pipe_names if name.startswith("incidex_")]
    assert ours[-2:] == ["incidex_roles", "incidex_types"]


def test_components_each_factory_declares_what_it_assigns() -> None:
    register_components()
    for factory in (*RULES, *LEARNED):
        meta = Language.get_factory_meta(factory.name)
        assert meta.assigns and meta.assigns == factory.assigns, factory.name
        assert meta.default_config == factory.default_config, factory.name


def test_components_after_incidents_leave_the_frames_as_built() -> None:
    nlp = build_pipeline(using_learned_model(load_settings(), "muc4"))
    doc = nlp.make_doc("Gunmen shot dead the mayor of Kano on Monday. Hours later protesters set fire to a police "
                       "station, and two officers were injured.")
    built = None
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "incidex_incidents":
            built = copy.deepcopy(doc._.incidex_incidents)
    assert built and doc._.incidex_incidents == built
    assert set(doc._.incidex_arguments) == set(doc._.incidex_types) == {frame.id for frame in built}
