"""``incidex train``: train incidex's learned components (``incidex train muc4``)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import IncidexError


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
    from ..train.muc4 import TrainOptions, train_muc4

    options = TrainOptions(seed=seed)
    if epochs is not None:
        options = TrainOptions(seed=seed, tagger_epochs=epochs, classifier_epochs=epochs)
    try:
        result = train_muc4(
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

