"""``incidex ingest PATH...``: read reports, extract incidents, store them and merge them into incidents."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..config import Settings, load_settings
from ..errors import EXIT_SOME_FAILED, InputError
from ..store.ingest import Extractor, Failure, IngestSummary, Outcome
from ..types import Document
from .options import learned_model_options, with_learned_model

SHOWN_FAILURES = 20


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Local extraction processes.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS|local:N",
              help="Extract on a Dask cluster: a scheduler address, or local:N for a local cluster of N workers.")
@learned_model_options
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(paths: tuple[str, ...], db_url: str | None, workers: int, dask_address: str | None,
            model_dir: str | None, rules_only: bool, config_path: str | None) -> None:
    """Read the files and directories at PATHS ('-' reads standard input), extract incident records, store the
    documents, records and evidence, and merge records of one incident across reports.

    Documents already in the store are skipped, so an interrupted run can simply be started again. A document that
    fails is stored with its error and the run goes on; a path that does not exist is reported, never stored. Ends
    with a summary: read, new, duplicate, failed, skipped. Exit status: 0 when every document read is stored, 7
    when some failed, 4 when none could be stored.
    """
    from ..ingest import read_paths
    from ..resolve import Resolver
    from ..store import Store, ingest

    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    missing = [path for path in paths if path != "-" and not Path(path).exists()]
    if len(missing) == len(paths):
        raise InputError(f"nothing to ingest: {', '.join(missing)} {'does' if len(missing) == 1 else 'do'} not exist;"
                         " check the paths")
    with Store(db_url or settings.store.url) as store, _Bar() as bar:
        summary = ingest(
            read_paths(paths, max_bytes=settings.input.max_bytes),
            store=store,
            extract=_extractor(settings, workers=workers, dask_address=dask_address),
            resolver=Resolver(settings),
            batch_size=settings.store.batch_size,
            progress=bar.update,
        )
    _report(summary)
    if summary.new + summary.duplicate == 0:
        raise InputError(f"no document could be stored ({summary.failed} failed, {summary.skipped} skipped: the "
                         "lines above say why)")
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


def _extractor(settings: Settings, *, workers: int, dask_address: str | None) -> Extractor:
    from ..parallel import run_dask, run_local

    def extract(documents: Iterable[Document]) -> Iterator[Outcome]:
        if dask_address:
            return run_dask(documents, settings=settings, address=dask_address)
        return run_local(documents, settings=settings, workers=workers)

    return extract


class _Bar:
    """A progress line on standard error: documents handled and documents per second."""

    def __init__(self) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn(
                "ingesting: {task.completed} documents · {task.fields[rate]:.1f} docs/s · {task.fields[new]} new"
            ),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task("ingest", total=None, rate=0.0, new=0)
        self.started = time.monotonic()

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.progress.stop()

    def update(self, summary: IngestSummary) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self.progress.update(self.task, completed=summary.done, rate=summary.done / elapsed, new=summary.new)


def _report(summary: IngestSummary) -> None:
    click.echo(
        f"read {summary.read} · new {summary.new} · duplicate {summary.duplicate} · failed {summary.failed} · "
        f"skipped {summary.skipped} · records {summary.records}"
    )
    _list("skipped", summary.skips, "more skipped files")
    _list("warning", summary.warnings, "more warnings (the warnings column of the documents table)")
    _list("failed", summary.failures, "more failures (status 'failed' or 'unreadable' in the documents table)")


def _list(label: str, items: list[Failure], more: str) -> None:
    """One line per item on standard error, origin first and once, at most :data:`SHOWN_FAILURES` of them."""
    for item in items[:SHOWN_FAILURES]:
        message = item.error.removeprefix(f"{label} ")
        code, _, rest = message.partition(" ") if message.startswith("[E") else ("", "", message)
        rest = rest.removeprefix(f"{item.origin}: ").removeprefix(f"{item.origin} ")
        click.echo(f"incidex: {label}: {item.origin}: {f'{code} ' if code else ''}{rest}", err=True)
    if len(items) > SHOWN_FAILURES:
        click.echo(f"incidex: ... and {len(items) - SHOWN_FAILURES} {more}", err=True)
