"""Database engines for store URLs: SQLite (a file, WAL) or PostgreSQL (psycopg 3); every SQLite pragma is set here."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.pool import QueuePool, StaticPool

from ..errors import StoreError

# per connection; with the memory map, a replay of the 10,000-report benchmark's writes spent 10.4 s instead of
# 15.2 s inserting incidents
SQLITE_CACHE_KIB = 65_536
SQLITE_MMAP_BYTES = 256 * 2**20
# the API server reads index and row pages through a larger map: they come from the OS cache without a copy per read
SQLITE_SERVE_MMAP_BYTES = 1 << 30


def parse_store_url(url: str) -> sa.URL:
    """The SQLAlchemy URL of ``url``: a plain path means a SQLite file; ``postgresql://`` uses psycopg 3."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        return sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}; give sqlite:///FILE or postgresql://...") from None


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite store URL or path; None for an in-memory SQLite or another database."""
    parsed = parse_store_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def is_writable(url: str) -> bool:
    """False for a SQLite store whose file or folder this process may not write (it can still be read)."""
    file = sqlite_file(url)
    if file is None or not file.exists():
        return True
    return os.access(file, os.W_OK) and os.access(file.resolve().parent, os.W_OK)


def engine_for(url: str, *, read_only: bool = False, map_bytes: int = SQLITE_MMAP_BYTES) -> sa.Engine:
    """An engine for ``url`` (see :func:`parse_store_url`); ``read_only`` opens it so that nothing can be written;
    ``map_bytes`` is how much of a SQLite file is read through a memory map."""
    parsed = parse_store_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, read_only=read_only, map_bytes=map_bytes)
        options = {"connect_args": {"options": "-c default_transaction_read_only=on"}} if read_only else {}
        return sa.create_engine(parsed, pool_pre_ping=True, **options)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}; give sqlite:///FILE or postgresql://...") from None


def _sqlite_engine(url: sa.URL, *, read_only: bool, map_bytes: int) -> sa.Engine:
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        engine = sa.create_engine(url, poolclass=StaticPool)
    elif read_only:
        uri = _read_only_uri(Path(url.database))
        engine = sa.create_engine("sqlite://", poolclass=QueuePool,
                                  creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    else:
        engine = sa.create_engine(url)

    @sa.event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        elif not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            # the default 2 MiB page cache re-reads index pages on every batch once the store outgrows it
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size={map_bytes}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def _read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only. In a folder we cannot write, SQLite cannot make the shared-memory
    file a WAL store needs, so the file is opened as immutable, unless a write-ahead log holds commits not yet in
    the file (then SQLite reads the log, which needs it to be readable)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    log = path.with_name(path.name + "-wal")
    pending = log.exists() and log.stat().st_size > 0
    if not os.access(path.resolve().parent, os.W_OK) and not pending:
        uri += "&immutable=1"
    return uri


def reason(exc: sa.exc.SQLAlchemyError) -> str:
    """The first line of the database's own message for ``exc``."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
