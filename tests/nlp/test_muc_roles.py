"""The learned MUC-4 component, on a tiny model trained here from our own fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from incidex.errors import ConfigError
from incidex.eval.muc4 import MUC_TYPES, ROLES
from incidex.nlp.encoder import sha256_file
from incidex.nlp.muc_roles import (
    EXTENSION,
    LearnedRoles,
    MucModel,
    MucRoles,
    default_model_dir,
    load_model,
    lowercase_same_length,
)
from incidex_train.muc4 import INFO_FILE, TrainOptions, train_muc4

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "muc4_mini.jsonl"
TEXT = "Urban guerrillas set off a car bomb outside the central police station in San Lorenzo."


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("muc4") / "model"
    options = TrainOptions(tagger_epochs=2, classifier_epochs=2, eval_frequency=10)
    return train_muc4(FIXTURE, FIXTURE, out, options=options, command="test").model_dir


def test_lowercase_same_length_keeps_offsets() -> None:
    assert lowercase_same_length("Car BOMB") == "car bomb"
    text = "İstanbul Police"
    assert len(lowercase_same_length(text)) == len(text)
    assert lowercase_same_length(text).endswith("police")


def test_load_model_refuses_a_directory_that_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="incidex train muc4"):
        load_model(tmp_path)


def test_predictions_point_into_the_original_text_and_ignore_case(model_dir: Path) -> None:
    model = MucModel(model_dir)
    cased, lowered = model.predict([TEXT, TEXT.lower()])
    assert [t.type for t in cased.types] and set(t.type for t in cased.types) == set(MUC_TYPES)
    assert [t.score for t in cased.types] == sorted((t.score for t in cased.types), reverse=True)
    for span in cased.spans:
        assert TEXT[span.start : span.end] == span.text
        assert span.role in ROLES
    assert [(s.start, s.end, s.role) for s in cased.spans] == [(s.start, s.end, s.role) for s in lowered.spans]
    assert cased.types == lowered.types


def test_component_writes_learned_roles_to_the_doc(model_dir: Path) -> None:
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)  # normally done by annotations.register_extensions
    nlp = spacy.blank("en")
    component = MucRoles(nlp, model_dir=model_dir)
    doc = component(nlp(TEXT))
    assert isinstance(doc._.get(EXTENSION), LearnedRoles)
    docs = list(component.pipe([nlp(TEXT), nlp("Nothing happened today.")], batch_size=1))
    assert [d.text for d in docs] == [TEXT, "Nothing happened today."]
    assert all(isinstance(d._.get(EXTENSION), LearnedRoles) for d in docs)


SHARED_MUC4 = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "muc4"


@pytest.mark.slow
def test_shipped_model_loads_and_records_its_command_and_data_checksums() -> None:
    info = json.loads((default_model_dir() / INFO_FILE).read_text(encoding="utf-8"))
    assert info["command"] and info["dev_scores"]["micro_avg"]["f1"] > 0
    model = MucModel(default_model_dir())
    learned = next(model.predict(["Guerrillas of the FMLN set off a car bomb at the police station."]))
    assert {t.type for t in learned.types} == set(MUC_TYPES)
    if not SHARED_MUC4.is_dir():
        pytest.skip(f"MUC-4 data not found at {SHARED_MUC4}; checksums not compared")
    assert info["train"]["sha256"] == sha256_file(SHARED_MUC4 / "train.jsonl")
    assert info["dev"]["sha256"] == sha256_file(SHARED_MUC4 / "dev.jsonl")
