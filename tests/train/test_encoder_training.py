"""Training encoder heads end to end on our own MUC-4-format fixture with a tiny BERT built here (real transformers,
real torch): word-piece labels, the feature cache, identical reruns, and loading the heads for extraction."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from incidex.errors import ConfigError
from incidex.eval.muc4 import MucDocument, Template, load_muc4
from incidex.nlp.tags import TAGS
from incidex_train.features import layers_for
from incidex_train.heads import HeadOptions, piece_tags, tag_weights

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "muc4_mini.jsonl"
WORDS = sorted({w for line in FIXTURE.read_text().splitlines()
                for w in json.loads(line)["doctext"].replace(".", " . ").replace(",", " , ").split()})


def test_pieces_inside_a_gold_mention_get_its_role() -> None:
    document = MucDocument("T-1", "the rebels attacked a car bomb depot.",
                           (Template("attack", PerpInd=(("rebels",),), Weapon=(("car bomb",), ("bomb",))),))
    offsets = np.array([[0, 3], [4, 10], [11, 19], [20, 21], [22, 25], [26, 30], [31, 36], [36, 37]])
    tags = [TAGS[t] for t in piece_tags(document, offsets)]
    assert tags == ["O", "B-PerpInd", "O", "O", "B-Weapon", "I-Weapon", "O", "O"]


def test_the_o_weight_scales_only_the_o_tag_in_the_loss() -> None:
    weights = tag_weights(0.5)
    assert weights[TAGS.index("O")] == 0.5
    assert all(weights[i] == 1.0 for i, tag in enumerate(TAGS) if tag != "O")


def test_layers_for_an_encoder_keep_the_shares_of_a_base_model() -> None:
    assert layers_for(12) == (4, 6, 8, 10, 12)
    assert layers_for(3) == (1, 2, 3)


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    transformers = pytest.importorskip("transformers")
    path = tmp_path_factory.mktemp("tiny-bert")
    vocab = path / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True).save_pretrained(str(path))
    config = transformers.BertConfig(vocab_size=len(WORDS) + 5, hidden_size=16, num_hidden_layers=3,
                                     num_attention_heads=2, intermediate_size=32, max_position_embeddings=128)
    transformers.BertModel(config).save_pretrained(str(path))
    return path


def _train(tiny_encoder: Path, root: Path, name: str) -> dict:
    from incidex_train.encoder import EncoderTrainOptions, train_encoder_heads

    options = EncoderTrainOptions(encoder=str(tiny_encoder), heads=HeadOptions(tagger_epochs=2, classifier_epochs=2))
    return train_encoder_heads(FIXTURE, FIXTURE, root / name, cache_dir=root / "cache", options=options,
                               log=lambda _: None)


@pytest.fixture(scope="module")
def trained(tiny_encoder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("heads")
    _train(tiny_encoder, root, "first")
    return root


def test_training_writes_heads_with_their_encoder_and_history(trained: Path, tiny_encoder: Path) -> None:
    info = json.loads((trained / "first" / "heads.json").read_text())
    assert info["encoder"] == str(tiny_encoder) and info["layers"] == [1, 2, 3] and info["hidden"] == 16
    assert len(info["history"]["tagger"]) == 2 and len(info["history"]["classifier"]) == 2
    assert set(info["dev_scores"]) == {"incident_type", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon",
                                       "micro_avg"}
    assert (trained / "cache" / "train.f16").stat().st_size > 0 and (trained / "cache" / "stamp.json").is_file()


def test_a_rerun_from_the_cache_gives_identical_heads(trained: Path, tiny_encoder: Path) -> None:
    _train(tiny_encoder, trained, "second")
    first, second = (trained / name / "heads.safetensors" for name in ("first", "second"))
    assert first.read_bytes() == second.read_bytes()


def test_trained_heads_read_documents_with_offsets_into_the_text(trained: Path, tiny_encoder: Path) -> None:
    from incidex.nlp.encoder_roles import FACTORY_NAME, EncoderModel

    model = EncoderModel(trained / "first", encoder=str(tiny_encoder), threads=1)
    texts = [d.text for d in load_muc4(FIXTURE)]
    learned = model.predict(texts, [None] * len(texts))
    assert len(learned) == len(texts)
    for text, item in zip(texts, learned, strict=True):
        assert item.component == FACTORY_NAME and 0.0 <= (item.relevance or 0.0) <= 1.0
        assert all(text[s.start:s.end] == s.text for s in item.spans)
    assert model.predict(["nothing here."], [[]])[0].relevance == 0.0  # nothing selected, nothing encoded


def test_heads_need_the_encoder_they_were_trained_on(trained: Path) -> None:
    from incidex.nlp.encoder_roles import EncoderModel

    with pytest.raises(ConfigError, match="trained on the encoder"):
        EncoderModel(trained / "first", encoder="all-mpnet-base-v2")


def test_the_command_trains_for_the_epochs_it_is_given(trained: Path, tiny_encoder: Path) -> None:
    from click.testing import CliRunner

    from incidex.cli.main import cli

    out = trained / "from-the-command"
    result = CliRunner().invoke(cli, ["train", "encoder", "--train", str(FIXTURE), "--dev", str(FIXTURE),
                                      "--out", str(out), "--cache", str(trained / "cache"),
                                      "--encoder", str(tiny_encoder), "--tagger-epochs", "3",
                                      "--classifier-epochs", "1", "--o-weight", "0.5"])
    assert result.exit_code == 0, result.output
    info = json.loads((out / "heads.json").read_text())
    assert len(info["history"]["tagger"]) == 3 and len(info["history"]["classifier"]) == 1
    assert "--tagger-epochs 3 --classifier-epochs 1 --o-weight 0.5" in info["command"]
    assert info["options"]["o_weight"] == 0.5
    refused = CliRunner().invoke(cli, ["train", "encoder", "--train", str(FIXTURE), "--dev", str(FIXTURE),
                                       "--out", str(out), "--cache", str(trained / "cache"), "--tagger-epochs", "0"])
    assert refused.exit_code == 2 and "--tagger-epochs" in refused.output


def test_the_tagger_also_trains_on_extra_passages_cached_beside_the_rest(trained: Path, tiny_encoder: Path) -> None:
    from click.testing import CliRunner

    from incidex.cli.main import cli

    out = trained / "with-extra"
    result = CliRunner().invoke(cli, ["train", "encoder", "--train", str(FIXTURE), "--dev", str(FIXTURE),
                                      "--out", str(out), "--cache", str(trained / "cache"),
                                      "--encoder", str(tiny_encoder), "--tagger-epochs", "1",
                                      "--classifier-epochs", "1", "--tagger-extra", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    info = json.loads((out / "heads.json").read_text())
    assert info["tagger_extra"]["documents"] == len(load_muc4(FIXTURE))
    assert f"--tagger-extra {FIXTURE}" in info["command"]
    assert (trained / "cache" / "extra" / "extra.f16").stat().st_size > 0


def test_tagger_windows_come_from_documents_with_templates() -> None:
    from types import SimpleNamespace

    from incidex_train.heads import tagger_windows

    documents = [SimpleNamespace(templates=()), SimpleNamespace(templates=("t",))]
    data = SimpleNamespace(documents=documents, split=SimpleNamespace(windows=[(0, 0, 5), (1, 0, 9), (1, 9, 20)]))
    assert [w for _, w in tagger_windows(data, every_document=False)] == [1, 2]
    assert [w for _, w in tagger_windows(data, every_document=True)] == [0, 1, 2]
