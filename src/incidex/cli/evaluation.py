"""What the ``incidex eval`` commands on annotated data share: their options and how they run and report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import click

from ..config import Settings, load_settings
from ..eval.runner import Evaluation, Run, run_documents
from ..eval.split import SPLITS
from ..types import Document
from .options import learned_model_options, with_learned_model
from .progress import ProgressLine

F = TypeVar("F", bound=Callable[..., object])


def eval_options(data_help: str) -> Callable[[F], F]:
    """``--data`` (help ``data_help``), ``--out``, ``--workers``, ``--limit``, ``--split``, the learned-model
    options and ``--config``."""

    def decorate(func: F) -> F:
        for option in reversed((
            click.option("--data", "data_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
                         help=data_help),
            click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True, path_type=Path),
                         help="Write a per-document error file here (JSON lines: id, split, errors, gold, ours)."),
            click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                         help="Local extraction processes."),
            click.option("--limit", type=click.IntRange(min=1), default=None,
                         help="Score only the first N documents (after --split)."),
            click.option("--split", type=click.Choice(SPLITS), default="all", show_default=True,
                         help="tune: the 80 % of documents whose id hash falls there; check: the other 20 %."),
            learned_model_options,
            click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                         help="Settings file (TOML)."),
        )):
            func = option(func)
        return func

    return decorate


def eval_settings(config_path: str | None, model_dir: str | None, rules_only: bool) -> Settings:
    return with_learned_model(load_settings(config_path), model_dir, rules_only)


def run_and_report(
    documents: Sequence[Document],
    score: Callable[[Run], Evaluation],
    *,
    settings: Settings,
    workers: int,
    out_path: Path | None,
) -> None:
    """Extract ``documents`` (progress on standard error), score them, print the tables and write ``--out``."""
    with ProgressLine("extracting") as bar:
        run = run_documents(documents, settings=settings, workers=workers, progress=bar.update)
    evaluation = score(run)
    click.echo(evaluation.render())
    if out_path is not None:
        evaluation.write_records(out_path)
        click.echo(f"per-document errors of {len(evaluation.records)} documents written to {out_path}")
