"""Turning MUC-4 gold into training Docs, and a real (tiny) training run on our own fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from incidex.errors import ConfigError
from incidex.eval.muc4 import MUC_TYPES, MucDocument, Template, load_muc4
from incidex_train.muc4 import (
    INFO_FILE,
    TrainOptions,
    incident_types,
    role_lexicon,
    tagger_documents,
    train_muc4,
    training_doc,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "muc4_mini.jsonl"


def test_training_doc_labels_every_whole_word_occurrence_of_a_mention() -> None:
    document = MucDocument(
        docid="T-1",
        text="the rebels attacked. later the rebels fled, and the rebelsx hid; the Bridge fell.",
        templates=(Template("attack", PerpInd=(("rebels",),), Target=(("bridge",),)),),
    )
    doc = training_doc(spacy.blank("en"), document)
    assert doc.text == document.text.lower()
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("rebels", "PerpInd"),
        ("rebels", "PerpInd"),
        ("bridge", "Target"),
    ]


def test_training_doc_keeps_the_longest_of_overlapping_mentions() -> None:
    document = MucDocument(
        docid="T-2",
        text="a car bomb went off.",
        templates=(Template("bombing", Weapon=(("bomb",), ("car bomb",))),),
    )
    doc = training_doc(spacy.blank("en"), document)
    assert [e.text for e in doc.ents] == ["car bomb"]


def test_tagger_learns_only_from_documents_that_report_an_incident() -> None:
    documents = load_muc4(FIXTURE)
    chosen = tagger_documents(documents)
    assert {d.docid for d in chosen} == {d.docid for d in documents if d.templates}
    assert "MINI-0002" not in {d.docid for d in chosen}


def test_role_lexicon_keeps_strings_that_reliably_fill_one_role() -> None:
    def doc(docid: str, text: str, **roles: tuple[tuple[str, ...], ...]) -> MucDocument:
        return MucDocument(docid=docid, text=text, templates=(Template("attack", **roles),))

    documents = [
        doc("L-1", "the fmln attacked the army post.", PerpOrg=(("fmln",),), Target=(("army post",),)),
        doc("L-2", "fmln rebels burned a bus near the army post.", PerpOrg=(("fmln",),), Target=(("bus",),)),
        doc("L-3", "the army said the fmln shot a bus driver.", PerpOrg=(("fmln",),), Victim=(("bus driver",),)),
        doc("L-4", "a bus was hit by the army, the fmln said.", Target=(("bus",),)),
    ]
    lexicon = role_lexicon(documents, min_count=2, min_share=0.7)
    assert lexicon == {"fmln": "PerpOrg"}  # "bus" fills a role in 2 of the 3 documents it occurs in as a word
    assert role_lexicon(documents, min_count=2, min_share=0.6) == {"bus": "Target", "fmln": "PerpOrg"}


def test_incident_types_split_combined_values_and_mark_absent_types_zero() -> None:
    document = MucDocument(docid="T-3", text="x", templates=(Template("bombing / attack"),))
    cats = incident_types(document)
    assert set(cats) == set(MUC_TYPES)
    assert cats["bombing"] == cats["attack"] == 1.0
    assert cats["arson"] == 0.0
    assert set(incident_types(MucDocument(docid="T-4", text="x", templates=())).values()) == {0.0}


def test_fixture_converts_without_losing_mentions() -> None:
    nlp = spacy.blank("en")
    for document in load_muc4(FIXTURE):
        doc = training_doc(nlp, document)
        labelled = {e.text for e in doc.ents}
        for template in document.templates:
            for role in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon"):
                for entity in template.entities(role):
                    assert any(m in labelled or any(m in text for text in labelled) for m in entity)


@pytest.mark.slow
def test_training_is_reproducible_and_records_its_provenance(tmp_path: Path) -> None:
    options = TrainOptions(tagger_epochs=1, classifier_epochs=2, eval_frequency=5)
    first = train_muc4(FIXTURE, FIXTURE, tmp_path / "a", options=options, command="test")
    second = train_muc4(FIXTURE, FIXTURE, tmp_path / "b", options=options, command="test")
    for part in ("ner/model", "textcat_multilabel/model"):
        assert (first.model_dir / part).read_bytes() == (second.model_dir / part).read_bytes()
    info = json.loads((first.model_dir / INFO_FILE).read_text(encoding="utf-8"))
    assert info["train"]["sha256"] == first.train_sha256 and len(first.train_sha256) == 64
    assert info["command"] == "test"
    assert info["train"]["documents"] == 6


def test_training_refuses_to_overwrite_a_directory_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ConfigError, match="not an incidex model directory"):
        train_muc4(FIXTURE, FIXTURE, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
