"""``incidex eval muc4``: score incidex on GTT-format MUC-4 data and write a prediction file GTT's scorer reads."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import load_settings
from ..errors import IncidexError
from ..eval.muc4 import SYSTEMS, evaluate, load_muc4, write_predictions
from .options import learned_model_options, with_learned_model


@click.command("muc4")
@click.option(
    "--data",
    "data_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="GTT-format MUC-4 .jsonl file (docid, doctext, templates).",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write predictions here in the format GTT's eval.py reads (keys like 10001, pred_templates).",
)
@learned_model_options
@click.option(
    "--system",
    type=click.Choice(SYSTEMS),
    default="pipeline",
    show_default=True,
    help="pipeline: the full incidex pipeline (rules and learned model) mapped to templates; "
    "learned: the learned model alone.",
)
def command(data_path: Path, out_path: Path | None, model_dir: str | None, rules_only: bool, system: str) -> None:
    """Run incidex on each MUC-4 document, print per-role P/R/F1 (GTT-style micro average) and docs/s."""
    settings = with_learned_model(load_settings(), model_dir, rules_only)
    try:
        documents = load_muc4(data_path)
        result = evaluate(documents, system=system, settings=settings)
    except IncidexError as exc:
        click.echo(f"incidex: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    click.echo(result.score.table())
    click.echo(
        f"{len(documents)} documents, {result.docs_per_second:.1f} docs/s "
        f"({result.docs_per_cpu_second:.1f} per CPU-second), {len(result.failures)} failed"
    )
    for docid, reason in result.failures:
        click.echo(f"failed {docid}: {reason}", err=True)
    if out_path is not None:
        write_predictions(out_path, result.predictions, documents)
        click.echo(f"predictions written to {out_path}")
