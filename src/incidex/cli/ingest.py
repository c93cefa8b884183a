"""``incidex ingest PATH...``: read reports, extract incidents, store them and merge them into incidents."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..config import Settings, load_settings
from ..store.ingest import Extractor, IngestSummary, Outcome
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
    """Read the files, directories and URLs at PATHS ('-' reads standard input), extract incident records, store
    the documents, records and evidence, and merge records of one incident across reports.

    Besides text, HTML, JSONL and CSV files: RSS/Atom feeds (files or URLs; an entry with only a summary and a link
    is read from the linked page), Telegram Desktop channel exports (result.json or its folder) and web pages by
    URL. Reports not in English are stored with their language and not extracted.

    Documents already in the store are skipped, so an interrupted run can simply be started again. A document that
    fails is stored with its error and the run goes on. Ends with a summary: read, new, duplicate, failed.
    """
    from ..ingest import read_paths
    from ..ingest.fetch import Fetcher
    from ..resolve import Resolver
    from ..store import Store, ingest

    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    with Store(db_url or settings.store.url) as store, Fetcher(settings.fetch) as fetcher, _Bar() as bar:
        summary = ingest(
            read_paths(paths, max_bytes=settings.input.max_bytes, fetcher=fetcher),
            store=store,
            extract=_extractor(settings, workers=workers, dask_address=dask_address),
            resolver=Resolver(settings),
            batch_size=settings.store.batch_size,
            progress=bar.update,
        )
    _report(summary)


def _extractor(settings: Settings, *, workers: int, dask_address: str | None) -> Extractor:
    from ..parallel import run_dask, run_local

    def extract(documents: Iterable[Document]) -> Iterator[Outcome]:
        if dask_address:
            return run_dask(documents, settings=settings, address=dask_address)
        return run_local(documents, settings=settings, workers=workers)

    return extract


def not_english(summary: IngestSummary) -> str:
    """`` · not English N (ru 2, uk 1)`` for the new documents stored without extraction, else ""."""
    if not summary.not_english:
        return ""
    languages = ", ".join(f"{code} {count}" for code, count in sorted(summary.not_english.items()))
    return f" · not English {summary.not_english.total()} ({languages})"


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
        f"skipped {summary.skipped} · records {summary.records}{not_english(summary)}"
    )
    for skip in summary.skips[:SHOWN_FAILURES]:
        click.echo(skip.error, err=True)
    for failure in summary.failures[:SHOWN_FAILURES]:
        click.echo(f"failed: {failure.origin}: {failure.error}", err=True)
    if len(summary.failures) > SHOWN_FAILURES:
        click.echo(f"... and {len(summary.failures) - SHOWN_FAILURES} more failures (status 'failed' in the documents"
                   " table)", err=True)
