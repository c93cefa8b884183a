"""The state of watched sources in the store: each source's polling state and the item ids it has delivered.

An item is marked seen in the transaction that stores its document (see :meth:`Store.write`), so a killed watcher
never loses an item nor stores one twice. A source's ETag and Last-Modified are saved only after every new item of
a poll is stored: a poll cut short fetches the feed in full again and skips what it already stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .tables import source_items, sources


@dataclass(frozen=True)
class SeenItem:
    """An item a source delivered: its id in the source, and the document it gave (None when it gave none)."""

    source: str
    item_id: str
    document_id: str | None


@dataclass(frozen=True)
class SourceState:
    """A watched source as the store knows it."""

    name: str
    url: str
    kind: str | None
    etag: str | None
    last_modified: str | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    next_poll: datetime | None
    seen: int


@dataclass(frozen=True)
class PollRecord:
    """What one poll leaves in a source's state. A failed poll keeps the source's ETag and Last-Modified."""

    at: datetime
    next_poll: datetime
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def register(connection: sa.Connection, *, name: str, url: str, kind: str | None) -> None:
    """Add the source, or update its URL and kind as the sources file now gives them."""
    found = connection.execute(sa.select(sources.c.url, sources.c.kind).where(sources.c.name == name)).first()
    if found is None:
        connection.execute(sa.insert(sources).values(name=name, url=url, kind=kind))
    elif tuple(found) != (url, kind):
        connection.execute(sa.update(sources).where(sources.c.name == name).values(url=url, kind=kind))


def mark_seen(connection: sa.Connection, items: Sequence[SeenItem]) -> None:
    """Mark the items seen; an item marked before keeps its first mark."""
    if not items:
        return
    insert = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}[connection.dialect.name](source_items)
    connection.execute(insert.on_conflict_do_nothing(), [
        {"source": item.source, "item_id": item.item_id, "document_id": item.document_id} for item in items
    ])


def seen_ids(connection: sa.Connection, name: str) -> set[str]:
    query = sa.select(source_items.c.item_id).where(source_items.c.source == name)
    return set(connection.execute(query).scalars())


def save_poll(connection: sa.Connection, name: str, poll: PollRecord) -> None:
    if poll.error is None:
        values = {"etag": poll.etag, "last_modified": poll.last_modified, "last_success": poll.at}
    else:
        values = {"last_error": poll.error, "last_error_at": poll.at}
    connection.execute(sa.update(sources).where(sources.c.name == name).values(next_poll=poll.next_poll, **values))


def states(connection: sa.Connection, *, name: str | None = None) -> list[SourceState]:
    """Every source (or the one called ``name``) with its state and the number of items seen, by name."""
    seen = sa.select(source_items.c.source, sa.func.count().label("seen")).group_by(source_items.c.source)
    if name is not None:
        seen = seen.where(source_items.c.source == name)
    counts = seen.subquery()
    query = (sa.select(sources, sa.func.coalesce(counts.c.seen, 0).label("seen"))
             .outerjoin(counts, counts.c.source == sources.c.name).order_by(sources.c.name))
    if name is not None:
        query = query.where(sources.c.name == name)
    return [SourceState(**row._mapping) for row in connection.execute(query)]
