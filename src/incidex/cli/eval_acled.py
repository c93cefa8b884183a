"""``incidex eval acled``: score incidex on ACLED coder notes (type, date, place, fatalities, actor1)."""

from __future__ import annotations

from pathlib import Path

import click

from ..eval.acled import acled_documents, evaluate_acled, load_acled
from ..eval.split import select
from .evaluation import eval_options, eval_settings, run_and_report


@click.command("acled")
@eval_options("ACLED JSONL file (the shape of shared/data/acled/acled_dev.jsonl).")
@click.option("--outlets/--no-outlets", default=True, show_default=True,
              help="Give each note its row's outlets (source) as the document's source: an incident whose text "
                   "states no country takes their home country.")
def command(data_path: Path, out_path: Path | None, workers: int, limit: int | None, split: str,
            model_dir: str | None, rules_only: bool, config_path: str | None, outlets: bool) -> None:
    """Extract each ACLED note (no publication date given) and score its first main incident against the row:
    incident found, type, date, country, admin1, distance to ACLED's point, fatalities and a named actor1. Each note
    is given its row's outlets as its source unless --no-outlets.
    Violent events are the headline table; riots, protests and strategic developments are scored apart."""
    settings = eval_settings(config_path, model_dir, rules_only)
    rows = select(load_acled(data_path), split=split, key=lambda row: row.id, limit=limit)
    run_and_report(acled_documents(rows, outlets=outlets), lambda run: evaluate_acled(rows, run, outlets=outlets),
                   settings=settings, workers=workers, out_path=out_path)
