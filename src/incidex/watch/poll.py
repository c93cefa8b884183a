"""One poll of one source: list its items (conditional GET for URLs), ingest those not seen, save its state.

Transaction boundaries, so that a watcher killed at any moment and restarted ends with the store of an
uninterrupted run: each new item is stored, extracted records, merged incidents and its "seen" mark together, in
one transaction per item; items that need no storing (duplicates, skipped messages) are marked with the next one.
The source's ETag and Last-Modified are saved only once every new item is stored, so a poll cut short lists the
source in full again and skips what it stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import InputError
from ..ingest.feeds import feed_items
from ..ingest.fetch import Fetcher
from ..ingest.items import Item
from ..ingest.telegram import export_file, telegram_items
from ..ingest.txt import read_bytes
from ..ingest.web import response_items
from ..ingest_run import Extractor, Failure, IngestSummary, Tracked, ingest
from ..resolve.interface import Merger
from ..store import Store
from ..store.sources import PollRecord
from .sources import SourceConfig

ITEMS_PER_TRANSACTION = 1  # "SIGTERM finishes the item in hand": never more than one item is in hand


@dataclass(frozen=True)
class Listing:
    """A source's items now, or ``not_modified`` (HTTP 304), with the validators to send next time."""

    items: list[Item]
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PollResult:
    """What one poll did: ``seen`` counts items already seen in earlier polls; ``error`` why the source could not be
    read; ``complete`` is False when a stop request cut the poll short."""

    source: str
    next_poll: datetime
    summary: IngestSummary = field(default_factory=IngestSummary)
    seen: int = 0
    not_modified: bool = False
    error: InputError | None = None
    complete: bool = True

    @property
    def failures(self) -> list[Failure]:
        return self.summary.failures


@dataclass(frozen=True)
class PollContext:
    """What every poll needs: the store, fetcher, extractor and resolver, limits, the clock and the stop request."""

    store: Store
    fetcher: Fetcher
    extract: Extractor
    resolver: Merger
    max_bytes: int
    now: Callable[[], datetime]
    stop: Callable[[], bool]


def poll(source: SourceConfig, *, interval: float, context: PollContext) -> PollResult:
    """Poll ``source`` once and record the outcome in its state; a source that cannot be read is recorded with
    its error, never raised."""
    store = context.store
    store.register_source(name=source.name, url=source.url, kind=source.kind)
    state = store.source(source.name)
    started = context.now()
    next_poll = started + timedelta(seconds=interval)
    try:
        listing = list_items(source, fetcher=context.fetcher, max_bytes=context.max_bytes,
                             etag=state.etag if state else None, last_modified=state.last_modified if state else None)
    except InputError as exc:
        store.save_poll(source.name, PollRecord(at=started, next_poll=next_poll, error=str(exc)))
        return PollResult(source.name, next_poll, error=exc)
    seen = store.seen_items(source.name)
    fresh = [item for item in listing.items if item.item_id not in seen]
    summary = ingest(_tracked(fresh, source.name, context.stop), store=store, extract=context.extract,
                     resolver=context.resolver, batch_size=ITEMS_PER_TRANSACTION, stop=context.stop)
    result = PollResult(source.name, next_poll, summary, seen=len(listing.items) - len(fresh),
                        not_modified=listing.not_modified)
    if fresh and not {item.item_id for item in fresh} <= store.seen_items(source.name):
        result.complete = False  # stopped: the state stays as it was, the next poll lists the source again
        return result
    store.save_poll(source.name, PollRecord(at=started, next_poll=next_poll, etag=listing.etag,
                                            last_modified=listing.last_modified))
    return result


def list_items(
    source: SourceConfig, *, fetcher: Fetcher, max_bytes: int, etag: str | None, last_modified: str | None
) -> Listing:
    """The items of a feed or page URL (conditional GET), a feed file or a Telegram export; raises InputError."""
    if source.is_url:
        fetched = fetcher.get(source.url, etag=etag, last_modified=last_modified)
        if fetched.not_modified:
            return Listing([], not_modified=True, etag=etag, last_modified=last_modified)
        items = response_items(fetched, fetcher=fetcher, max_bytes=max_bytes, outlet=source.name, kind=source.kind)
        return Listing(items, etag=fetched.etag, last_modified=fetched.last_modified)
    path = Path(source.url)
    if export := export_file(path):
        return Listing(telegram_items(export, max_bytes=max_bytes, username=source.username, name=source.name,
                                      kind=source.kind))
    if path.is_file():
        return Listing(feed_items(read_bytes(path, max_bytes=max_bytes), origin=str(path), fetcher=fetcher,
                                  max_bytes=max_bytes, outlet=source.name, kind=source.kind))
    raise InputError(f"{path} is neither a feed file nor a Telegram export (result.json or its folder); check the "
                     "url of this source")


def _tracked(items: Iterable[Item], source: str, stop: Callable[[], bool]) -> Iterator[Tracked]:
    """Read the items one by one (a feed entry may fetch its page) until a stop is requested."""
    for item in items:
        if stop():
            return
        yield Tracked(item.read(), source, item.item_id)
