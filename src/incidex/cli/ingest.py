"""``incidex ingest PATH...``: read reports, extract incidents, store them and merge them into incidents."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from ..config import Settings, load_settings
from ..errors import EXIT_SOME_FAILED, InputError
from ..ingest_run import Extractor, IngestSummary
from ..types import Document
from .options import learned_model_options, with_learned_model
from .problems import print_problems
from .progress import ProgressLine


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
    fails is stored with its error and the run goes on; a path that does not exist is reported, never stored. Ends
    with a summary: read, new, duplicate, failed, skipped. Exit status: 0 when every document read is stored, 7
    when some failed, 4 when none could be stored.
    """
    from ..ingest import read_paths
    from ..ingest.fetch import Fetcher, is_url
    from ..ingest_run import ingest
    from ..resolve import Resolver
    from ..store import Store

    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    missing = [path for path in paths if path != "-" and not is_url(path) and not Path(path).exists()]
    if len(missing) == len(paths):
        raise InputError(f"nothing to ingest: {', '.join(missing)} {'does' if len(missing) == 1 else 'do'} not exist;"
                         " check the paths")
    bar = ProgressLine("ingesting", extra=" · {task.fields[new]} new", new=0)
    with Store(db_url or settings.store.url) as store, Fetcher(settings.fetch) as fetcher, bar:
        summary = ingest(
            read_paths(paths, max_bytes=settings.input.max_bytes, fetcher=fetcher),
            store=store,
            extract=_extractor(settings, workers=workers, dask_address=dask_address),
            resolver=Resolver(settings),
            batch_size=settings.store.batch_size,
            progress=lambda summary: bar.update(summary.done, new=summary.new),
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


def not_english(summary: IngestSummary) -> str:
    """`` · not English N (ru 2, uk 1)`` for the new documents stored without extraction, else ""."""
    if not summary.not_english:
        return ""
    languages = ", ".join(f"{code} {count}" for code, count in sorted(summary.not_english.items()))
    return f" · not English {summary.not_english.total()} ({languages})"


def _report(summary: IngestSummary) -> None:
    click.echo(
        f"read {summary.read} · new {summary.new} · duplicate {summary.duplicate} · failed {summary.failed} · "
        f"skipped {summary.skipped} · records {summary.records}{not_english(summary)}"
    )
    print_problems("skipped", summary.skips, "more skipped files")
    print_problems("warning", summary.warnings, "more warnings (the warnings column of the documents table)")
    print_problems("failed", summary.failures, "more failures (status 'failed' or 'unreadable' in the documents table)")
