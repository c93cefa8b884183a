"""``incidex train``: train incidex's learned components (``incidex train muc4``, ``incidex train encoder``).

The training code is the ``incidex_train`` package beside ``incidex`` in a source checkout (``src/incidex_train``);
a runtime install does not carry it, and the command says so.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from types import ModuleType

import click

from ..errors import ConfigError, IncidexError

TRAINING_PACKAGE = "incidex_train"


def training(module: str) -> ModuleType:
    """``incidex_train.<module>``, or a :class:`ConfigError` saying where training code lives when it is absent."""
    try:
        return import_module(f"{TRAINING_PACKAGE}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name not in (TRAINING_PACKAGE, f"{TRAINING_PACKAGE}.{module}"):
            raise
        raise ConfigError(f"`incidex train` needs the training code ({TRAINING_PACKAGE}), which a runtime install "
                          "does not carry; run it from a source checkout of incidex (with its src/ on PYTHONPATH, "
                          "or installed with `pip install -e .`)") from None


@click.group("train")
def command() -> None:
    """Train learned components; the model directory written is what `--model DIR` loads."""


@command.command("muc4")
@click.option("--train", "train_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="GTT-format MUC-4 training .jsonl.")
@click.option("--dev", "dev_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="GTT-format MUC-4 dev .jsonl (model selection).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Model directory to write (an earlier incidex model there is replaced).")
@click.option("--seed", default=13, show_default=True, help="Random seed; the same seed and data give the same model.")
@click.option("--epochs", type=int, default=None,
              help="Passes over the data for both parts (default: 6 for the tagger, 10 for the classifier).")
def muc4(train_path: Path, dev_path: Path, out_dir: Path, seed: int, epochs: int | None) -> None:
    """Train the MUC-4 role tagger and incident-type classifier on CPU."""
    muc4_training = training("muc4")
    options = muc4_training.TrainOptions(seed=seed)
    if epochs is not None:
        options = muc4_training.TrainOptions(seed=seed, tagger_epochs=epochs, classifier_epochs=epochs)
    try:
        result = muc4_training.train_muc4(
            train_path,
            dev_path,
            out_dir,
            options=options,
            command=f"incidex train muc4 --train {train_path} --dev {dev_path} --out {out_dir} --seed {seed}"
            + (f" --epochs {epochs}" if epochs is not None else ""),
        )
    except IncidexError as exc:
        click.echo(f"incidex: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    click.echo(f"model written to {result.model_dir} (train sha256 {result.train_sha256[:12]})")



@command.command("encoder")
@click.option("--train", "train_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="GTT-format MUC-4 training .jsonl.")
@click.option("--dev", "dev_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="GTT-format MUC-4 dev .jsonl (epoch and threshold selection).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Heads directory to write (earlier heads there are replaced).")
@click.option("--cache", "cache_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the cached encoder features (about 5 GB for MUC-4; reused when it matches).")
@click.option("--encoder", default="all-mpnet-base-v2", show_default=True,
              help="Encoder to train on: all-mpnet-base-v2 or the path of a Hugging Face encoder directory.")
@click.option("--seed", default=13, show_default=True, help="Random seed; the same seed and data give the same heads.")
@click.option("--threads", default=1, show_default=True, help="torch threads (on a busy machine one is fastest).")
@click.option("--fp32", is_flag=True, help="Encode without int8 quantization (the heads then run unquantized).")
@click.option("--tagger-epochs", default=14, show_default=True, type=click.IntRange(min=1),
              help="Span tagger epochs (the best dev epoch is kept).")
@click.option("--classifier-epochs", default=6, show_default=True, type=click.IntRange(min=1),
              help="Document classifier epochs (the best dev epoch is kept).")
@click.option("--o-weight", default=1.0, show_default=True, type=click.FloatRange(min=0.0, min_open=True),
              help="Weight of the O tag in the span tagger's loss (below 1 favours recall).")
@click.option("--tagger-extra", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="GTT-format passages the span tagger also trains on (python -m incidex_train.arguments).")
@click.option("--extra-cache", type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the features of --tagger-extra (default: CACHE/extra).")
def encoder(train_path: Path, dev_path: Path, out_dir: Path, cache_dir: Path, encoder: str, seed: int,
            threads: int, fp32: bool, tagger_epochs: int, classifier_epochs: int, o_weight: float,
            tagger_extra: Path | None, extra_cache: Path | None) -> None:
    """Cache encoder features of MUC-4 and train the role tagger and document classifier on them (CPU)."""
    encoder_training, heads = training("encoder"), training("heads")
    options = encoder_training.EncoderTrainOptions(encoder=encoder, quantize=not fp32, threads=threads,
                                                   tagger_extra=tagger_extra, extra_cache=extra_cache,
                                                   heads=heads.HeadOptions(seed=seed, tagger_epochs=tagger_epochs,
                                                                           classifier_epochs=classifier_epochs,
                                                                           o_weight=o_weight))
    command_line = (f"incidex train encoder --train {train_path} --dev {dev_path} --out {out_dir} --cache CACHE "
                    f"--encoder {encoder} --seed {seed} --threads {threads} --tagger-epochs {tagger_epochs} "
                    f"--classifier-epochs {classifier_epochs}" + (f" --o-weight {o_weight:g}" if o_weight != 1 else "")
                    + (" --fp32" if fp32 else "") + (f" --tagger-extra {tagger_extra}" if tagger_extra else ""))
    try:
        info = encoder_training.train_encoder_heads(train_path, dev_path, out_dir, cache_dir=cache_dir,
                                                    options=options, command=command_line, log=click.echo)
    except IncidexError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    click.echo(f"heads written to {out_dir} in {info['minutes']} minutes "
               f"(dev micro F1 {info['dev_scores']['micro_avg']['f1']})")
