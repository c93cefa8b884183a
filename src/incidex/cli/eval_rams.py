"""``incidex eval rams``: event detection and argument head-word F1 on RAMS (one annotated event per window)."""

from __future__ import annotations

from pathlib import Path

import click

from ..eval.event_args import evaluate_events
from ..eval.rams import load_rams
from ..eval.split import select
from ..types import Document
from .evaluation import eval_options, eval_settings, run_and_report


@click.command("rams")
@eval_options("RAMS .jsonlines file (the shape of shared/data/rams/dev.jsonlines).")
def command(data_path: Path, out_path: Path | None, workers: int, limit: int | None, split: str,
            model_dir: str | None, rules_only: bool, config_path: str | None) -> None:
    """Extract each RAMS window (text rebuilt from its tokens, no publication date) and score whether the annotated
    attack, die, injure or arrest event is detected and its perpetrators, victims, weapons and place filled."""
    settings = eval_settings(config_path, model_dir, rules_only)
    documents = select(load_rams(data_path), split=split, key=lambda d: d.id, limit=limit)
    run_and_report([Document(text=d.text, id=d.id) for d in documents],
                   lambda run: evaluate_events("RAMS", documents, run), settings=settings, workers=workers,
                   out_path=out_path)
