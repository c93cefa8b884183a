"""``incidex eval wikievents``: event detection and argument head-word F1 on WikiEvents (with coreference)."""

from __future__ import annotations

from pathlib import Path

import click

from ..eval.event_args import evaluate_events
from ..eval.split import select
from ..eval.wikievents import load_wikievents
from ..types import Document
from .evaluation import eval_options, eval_settings, run_and_report


@click.command("wikievents")
@eval_options("WikiEvents dev.jsonl (coreference is read from coref_dev.jsonlines beside it, or --coref).")
@click.option("--coref", "coref_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="WikiEvents coreference file (default: coref_dev.jsonlines next to --data).")
def command(data_path: Path, out_path: Path | None, workers: int, limit: int | None, split: str,
            model_dir: str | None, rules_only: bool, config_path: str | None, coref_path: Path | None) -> None:
    """Extract each WikiEvents article (text rebuilt from its sentences, no publication date) and score the attack,
    die, injure and arrest events it detects and the perpetrators, victims, weapons and places it fills."""
    settings = eval_settings(config_path, model_dir, rules_only)
    documents = select(load_wikievents(data_path, coref_path), split=split, key=lambda d: d.id, limit=limit)
    run_and_report([Document(text=d.text, id=d.id) for d in documents],
                   lambda run: evaluate_events("WikiEvents", documents, run), settings=settings, workers=workers,
                   out_path=out_path)
