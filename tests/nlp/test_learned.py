"""The learned role tagger joins the rules by default; settings and CLI options choose another model or none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from incidex.batch import extract_text
from incidex.config import load_settings
from incidex.errors import ConfigError
from incidex.nlp.encoder_roles import HEADS_INFO, default_heads_dir
from incidex.nlp.learned import LearnedModel, learned_model, using_learned_model
from incidex.nlp.muc_roles import LearnedRoles, RoleSpan, default_model_dir
from incidex.nlp.pipeline import build_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_the_setting_names_the_shipped_models_a_directory_or_none(tmp_path: Path) -> None:
    settings = load_settings()
    assert learned_model(settings) == LearnedModel("spacy", default_model_dir())
    assert learned_model(using_learned_model(settings, "encoder")) == LearnedModel("encoder", default_heads_dir())
    assert learned_model(using_learned_model(settings, "")) is None
    with pytest.raises(ConfigError, match="is not 'encoder'"):
        learned_model(using_learned_model(settings, tmp_path))
    (tmp_path / HEADS_INFO).write_text("{}")
    assert learned_model(using_learned_model(settings, tmp_path)) == LearnedModel("encoder", tmp_path)


@pytest.mark.slow
def test_the_encoder_pipeline_runs_the_encoder_after_incidents_and_rules_only_does_not() -> None:
    settings = load_settings()
    names = build_pipeline(using_learned_model(settings, "encoder")).pipe_names
    assert names.index("incidex_incidents") < names.index("incidex_encoder_roles") < names.index("incidex_roles")
    rules = build_pipeline(using_learned_model(settings, ""))
    assert "incidex_encoder_roles" not in rules.pipe_names and "incidex_muc_roles" not in rules.pipe_names
    assert rules.pipe_names[-2:] == ["incidex_roles", "incidex_types"]


@pytest.mark.slow
def test_an_organization_the_rules_hold_is_not_added_again_under_another_alias() -> None:
    # "the National Liberation Army (ELN)" is blamed in the first sentence; "The ELN" later is the same group.
    text = (CORPUS / "arauca_eln_drone.txt").read_text(encoding="utf-8")
    report = extract_text(text, published="2024-07-14")
    main = next(i for i in report.incidents if i.role == "main")
    organizations = [p for p in main.perpetrators if p.kind == "organization"]
    assert [(p.name, p.relation) for p in organizations] == [("National Liberation Army", "accused")]


@pytest.mark.slow
def test_learned_fillers_add_to_what_the_rules_find() -> None:
    # The rules name no target of the Kherson shelling; the encoder heads name what was hit, and the evidence says
    # which component found them.
    text = (CORPUS / "kherson_shelling.txt").read_text(encoding="utf-8")
    rules = extract_text(text, published="2024-06-17", settings=using_learned_model(load_settings(), ""))
    learned = extract_text(text, published="2024-06-17", settings=using_learned_model(load_settings(), "encoder"))
    assert not [t for i in rules.incidents for t in i.targets]
    evidence = [e for i in learned.incidents for e in i.evidence if e.field.startswith("targets[")]
    assert [e.text for e in evidence] == [t.text for i in learned.incidents for t in i.targets] != []
    assert all(e.component == "incidex_encoder_roles_v1" and text[e.start:e.end] == e.text for e in evidence)


def test_learned_roles_takes_fill_or_decide_and_a_bad_value_names_the_setting(tmp_path: Path) -> None:
    assert load_settings().nlp.learned_roles == "fill"
    assert load_settings().with_overrides(nlp={"learned_roles": "decide"}).nlp.learned_roles == "decide"
    config = tmp_path / "incidex.toml"
    config.write_text('[nlp]\nlearned_roles = "replace"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"nlp\.learned_roles must be one of 'fill', 'decide', got 'replace'"):
        load_settings(config)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    example = tmp_path / "report.txt"
    example.write_text("Gunmen killed two people in Kandahar on Monday.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "incidex", "extract", str(example), "--config", str(config)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == ConfigError.exit_code and "nlp.learned_roles" in run.stderr


def _roles_with_learned(text: str, spans: list[tuple[str, str]], *, learned_roles: str = "fill",
                        read: tuple[tuple[int, int], ...] | None = None):
    """Run the rules pipeline on ``text`` with the learned tagger's output given by hand ((phrase, role) pairs and
    the character ranges it read); the arguments of each incident frame."""
    settings = using_learned_model(load_settings(), "").with_overrides(nlp={"learned_roles": learned_roles})
    nlp = build_pipeline(settings)
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "incidex_roles":
            found = [RoleSpan(text.index(p), text.index(p) + len(p), p, role) for p, role in spans]
            doc._.incidex_muc = LearnedRoles(types=(), spans=tuple(found), read=read)
        doc = component(doc)
    return [doc._.incidex_arguments[frame.id] for frame in doc._.incidex_incidents]


DECIDE_TEXT = ("Gunmen opened fire on a bus in Kandahar on Monday, killing 12 passengers. Hours later militants "
               "attacked a police checkpoint with rifles.")


def _arguments(arguments) -> list[tuple[str, str, str | None]]:
    return [(family, arg.text, arg.learned) for args in arguments for family in ("perpetrators", "victims", "targets",
                                                                                 "weapons")
            for arg in getattr(args, family)]


@pytest.mark.slow
def test_in_decide_mode_the_learned_model_decides_which_rule_arguments_stand_in_what_it_read() -> None:
    # The model read the first sentence only and tagged "Gunmen" a perpetrator: there, the rule victim no learned
    # span of its family overlaps is dropped and the confirmed perpetrator stays as the rules found it; what the
    # rules found in the second sentence, which the model did not read, stays.
    read = ((0, DECIDE_TEXT.index(" Hours")),)
    fill = _roles_with_learned(DECIDE_TEXT, [("Gunmen", "PerpInd")], read=read)
    decide = _roles_with_learned(DECIDE_TEXT, [("Gunmen", "PerpInd")], learned_roles="decide", read=read)
    assert ("victims", "12 passengers", None) in _arguments(fill)
    assert _arguments(decide) == [("perpetrators", "Gunmen", None), ("perpetrators", "militants", None),
                                  ("targets", "a police checkpoint", None), ("weapons", "rifles", None)]


@pytest.mark.slow
def test_a_learned_span_of_another_role_does_not_keep_a_rule_argument_and_none_read_means_all_text() -> None:
    # A learned span confirms only its own family: tagged a target, "12 passengers" stops being a rule victim and
    # joins as a learned target. With no read ranges (the spaCy tagger reads the whole text) every rule argument
    # must be confirmed.
    spans = [("Gunmen", "PerpInd"), ("12 passengers", "Target"), ("rifles", "Weapon")]
    decide = _roles_with_learned(DECIDE_TEXT, spans, learned_roles="decide")
    assert _arguments(decide) == [("perpetrators", "Gunmen", None), ("targets", "12 passengers", "incidex_muc_roles_v1"),
                                  ("weapons", "rifles", None)]


@pytest.mark.slow
def test_learned_people_that_are_places_or_end_in_a_verb_are_dropped_or_trimmed() -> None:
    text = "A man wearing a police uniform drove a car bomb into a military base in Maidan Shahr, killing 12 soldiers."
    args = _roles_with_learned(text, [("Maidan Shahr", "Victim"), ("A man wearing", "PerpInd"),
                                      ("military base", "Target")])[0]
    assert "Maidan Shahr" not in [v.text for v in args.victims]
    learned = [(p.text, p.learned) for p in args.perpetrators if p.learned]
    assert learned == [("A man", "incidex_muc_roles_v1")]
    assert [t.text for t in args.targets if t.learned] == ["military base"]
