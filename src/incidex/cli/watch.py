"""``incidex watch SOURCES.toml``: poll feeds, pages and Telegram exports and ingest each new item exactly once."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import chain

import click

from ..config import Settings, load_settings
from ..errors import EXIT_SOME_FAILED, EXIT_SOURCE_FAILED
from ..types import Document
from .options import learned_model_options, with_learned_model
from .problems import print_problems


@click.command("watch")
@click.argument("sources_file", metavar="SOURCES.toml", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--once", is_flag=True, help="Poll every source once and exit (exit codes below).")
@click.option("--interval", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Seconds between polls of a source that sets no interval (default: watch.interval, 900).")
@learned_model_options
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(sources_file: str, db_url: str | None, once: bool, interval: float | None, model_dir: str | None,
            rules_only: bool, config_path: str | None) -> None:
    """Poll the feeds, web pages and Telegram exports listed in SOURCES.toml and ingest only their new items,
    each attributed to its source (name and kind).

    Each item is stored with its "seen" mark in one transaction, and a source's state (ETag, Last-Modified, seen
    items, last success and error) lives in the store: a restarted watch resumes, and one killed at any moment
    stores nothing twice and loses nothing. Logs one line per source per poll. SIGTERM (or Ctrl-C) finishes the
    item in hand and stops.

    With --once, exits 0 when every source was read and every new item stored, 7 when some items failed (stored
    with their reasons), 8 when some source could not be read (its error is in its state).
    """
    from ..ingest.fetch import Fetcher
    from ..resolve import Resolver
    from ..store import Store
    from ..watch import PollContext, Watcher, load_sources

    sources = load_sources(sources_file)
    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    with _stop_on_signals() as stopping, Store(db_url or settings.store.url) as store, \
            Fetcher(settings.fetch) as fetcher:
        context = PollContext(store=store, fetcher=fetcher, extract=_Extractor(settings), resolver=Resolver(settings),
                              max_bytes=settings.input.max_bytes, now=lambda: datetime.now(UTC),
                              stop=stopping.is_set)
        watcher = Watcher(sources, context=context, default_interval=interval or settings.watch.interval,
                          log=click.echo, wait=stopping.wait)
        if not once:
            watcher.run()
            return
        results = watcher.run_once()
    failures = [failure for result in results for failure in result.failures]
    print_problems("failed", failures, "more failures (status 'failed' or 'unreadable' in the documents table)")
    if any(result.error for result in results):
        sys.exit(EXIT_SOURCE_FAILED)
    if failures:
        sys.exit(EXIT_SOME_FAILED)


class _Extractor:
    """The batch function with one pipeline for the whole watch, loaded when the first new document arrives."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp = None

    def __call__(self, documents: Iterable[Document]) -> Iterator:
        from ..batch import extract_documents
        from ..nlp.pipeline import build_pipeline

        remaining = iter(documents)
        first = next(remaining, None)
        if first is None:
            return
        if self.nlp is None:
            self.nlp = build_pipeline(self.settings)
        yield from extract_documents(chain([first], remaining), settings=self.settings, nlp=self.nlp)


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT while the block runs (previous handlers restored after)."""
    stopping = threading.Event()
    previous = {number: signal.signal(number, lambda *_: stopping.set()) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stopping
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
