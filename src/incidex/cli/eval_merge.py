"""``incidex eval merge``: B-cubed scores of cross-report merging on the violent-incident topics of ECB+."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import load_settings
from ..errors import IncidexError

DEFAULT_DATA = Path("../shared/data/news/ecbplus_docs.jsonl")


@click.command("merge")
@click.option("--data", "data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="ECB+ documents (ecbplus_docs.jsonl).")
@click.option("--db", "db_url", default=None,
              help="Ingest into this store (default: a fresh temporary SQLite file).")
@click.option("--in-memory", is_flag=True, help="Resolve in memory with the same resolver API, without a store.")
@click.option("--errors", "show_errors", is_flag=True, help="List predicted incidents that mix gold events.")
def command(data: Path, db_url: str | None, in_memory: bool, show_errors: bool) -> None:
    """Extract the ECB+ documents of the 12 violent-incident topics, merge them incrementally into incidents and
    print B-cubed precision, recall and F1 of documents against the gold events (subtopics)."""
    from ..eval.merge import evaluate_merge, iter_errors, load_ecbplus

    try:
        evaluation = evaluate_merge(data, settings=load_settings(), db_url=db_url, in_memory=in_memory)
    except IncidexError as exc:
        click.echo(f"incidex: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    s = evaluation.scores
    click.echo(f"documents {s.items}  gold events {evaluation.gold_incidents}  "
               f"predicted incidents {evaluation.predicted_incidents}  "
               f"no incident {evaluation.missed}  extraction failures {evaluation.failed}")
    click.echo(f"B-cubed precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}")
    for topic in evaluation.per_topic:
        t = topic.scores
        click.echo(
            f"  topic {topic.topic:>2} ({t.items:>2} docs): P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}"
        )
    if show_errors:
        for line in iter_errors(evaluation, load_ecbplus(data)):
            click.echo(line)
