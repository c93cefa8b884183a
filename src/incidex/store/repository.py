"""The incident store: one :class:`Store` over SQLite (default, WAL) or PostgreSQL, same schema and behaviour."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Collection, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.pool import QueuePool, StaticPool

from ..errors import StoreError
from ..resolve.model import Assignment, CandidateWindow, Cluster, RecordRef
from ..resolve.reconcile import MergedView
from ..types import Document, Report
from . import corrections, migrate
from . import sources as source_state
from .prepared import Prepared, Values
from .rows import evidence_context, evidence_rows, incident_row, record_row, stored_ref
from .sources import PollRecord, SeenItem, SourceState
from .tables import assignments, contains_pattern, documents, evidence, incidents, metadata, records

DocumentStatus = Literal["ok", "failed", "unreadable", "skipped"]


class Resolver(Protocol):
    """What the store needs from :mod:`incidex.resolve` to merge new records into stored incidents."""

    def window(self, record: RecordRef) -> CandidateWindow: ...

    def assign(
        self, records: Sequence[RecordRef], candidates: Sequence[Cluster], *,
        reach: Mapping[str, Collection[str]] | None = None,
    ) -> list[Assignment]: ...

    def reconcile(self, cluster: Cluster) -> MergedView: ...


@dataclass(frozen=True)
class DocumentEntry:
    """One input to store: a read document with its report, or the reason it gave none (``error``).

    A ``skipped`` entry is a document stored without extraction (``error`` says why); its report holds only the
    document's info, its detected language included.
    """

    document_id: str
    status: DocumentStatus
    content_hash: str | None = None
    document: Document | None = None
    report: Report | None = None
    error: str | None = None
    origin: str | None = None

    @property
    def warnings(self) -> list[str]:
        """What reading and extraction noticed about the document (its report's warnings, else the reader's)."""
        if self.report is not None:
            return self.report.document.warnings
        return self.document.warnings if self.document is not None else []


@dataclass(frozen=True)
class IncidentFilters:
    """Which merged incidents to list: type, ISO country code, dates overlapping ``since``..``until``, and role
    (``main``: some report tells it as its main event; ``background``: only recalled; None: both)."""

    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    role: Literal["main", "background"] | None = None


@dataclass(frozen=True)
class IncidentRow:
    """A merged incident as stored: the columns exports and filters use, and the resolver's view (``merged``)."""

    incident_id: str
    date: str | None
    date_precision: str
    date_from: str | None
    date_to: str | None
    type: str
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    perpetrators: list[str]
    victims: list[str]
    killed: int | None
    injured: int | None
    hostages_taken: int | None
    hostages_released: int | None
    arrested: int | None
    sources: list[str]
    document_ids: list[str]
    record_ids: list[str]
    notes: str | None
    merged: dict[str, Any] = field(default_factory=dict)
    role: Literal["main", "background"] = "main"  # main when any report tells it as its main event


_INCIDENT_COLUMNS = tuple(f.name for f in fields(IncidentRow))


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


def engine_for(url: str, *, read_only: bool = False) -> sa.Engine:
    """An engine for ``url`` (see :func:`parse_store_url`); ``read_only`` opens it so that nothing can be written."""
    parsed = parse_store_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, read_only=read_only)
        options = {"connect_args": {"options": "-c default_transaction_read_only=on"}} if read_only else {}
        return sa.create_engine(parsed, pool_pre_ping=True, **options)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}; give sqlite:///FILE or postgresql://...") from None


# per connection; with the memory map, a replay of the 10,000-report benchmark's writes spent 10.4 s instead of
# 15.2 s inserting incidents
SQLITE_CACHE_KIB = 65_536
SQLITE_MMAP_BYTES = 256 * 2**20


def _sqlite_engine(url: sa.URL, *, read_only: bool) -> sa.Engine:
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
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
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


class Store:
    """Documents, extracted records with evidence, resolver assignments and merged incidents in one database.

    Opening runs any missing migrations. :meth:`write` stores a batch of documents in one transaction, so a
    killed process leaves whole batches or nothing. Stored records never change, so the store keeps up to
    ``cached_records`` of them as the resolver reads them and parses only the others when candidates are loaded.
    """

    def __init__(self, url: str, *, cached_records: int = 50_000, create: bool = True, read_only: bool = False) -> None:
        """Open the store at ``url``. Only ``create`` makes a new one (``incidex ingest``); without it a missing
        store is a :class:`StoreError` naming where it was looked for. ``read_only`` never writes, not even a
        migration: the store must already have this version's schema."""
        self.url = url
        file = sqlite_file(url)
        if not create and file is not None and not file.is_file():
            raise StoreError(f"no store at {file}: the file does not exist; check --db, or create a store with "
                             f"`incidex ingest FILES --db {file}`")
        self.engine = engine_for(url, read_only=read_only)
        self._records = RecordCache(cached_records)
        try:
            revision = migrate.current_revision(self.engine)
            if revision is None and not create:
                raise StoreError(f"no incidex store at {url}: it holds no incidex tables; check --db, or create a "
                                 "store with `incidex ingest FILES --db URL`")
            if read_only and revision != migrate.head_revision():
                raise StoreError(f"the store at {url} has an older schema ({revision}) than this incidex needs "
                                 f"({migrate.head_revision()}) and is opened read-only; open it once writable "
                                 "(`incidex ingest` or `incidex serve`) to migrate it")
            if not read_only:
                migrate.upgrade(self.engine)
        except sa.exc.SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open the store at {url}: {_reason(exc)}; check the URL and permissions") from None
        except StoreError:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def known_documents(self, document_ids: Sequence[str]) -> dict[str, str | None]:
        """Content hash of each of ``document_ids`` already stored (``None`` for inputs that gave no text)."""
        if not document_ids:
            return {}
        query = sa.select(documents.c.document_id, documents.c.content_hash).where(
            documents.c.document_id.in_(sorted(set(document_ids)))
        )
        with self._connect() as connection:
            return {row.document_id: row.content_hash for row in connection.execute(query)}

    def write(self, entries: Sequence[DocumentEntry], *, resolver: Resolver, items: Sequence[SeenItem] = ()) -> int:
        """Store ``entries`` and merge their records into incidents, and mark the watched sources' ``items`` seen, all
        in one transaction; returns records added."""
        seen = RecordCache(None)
        try:
            with _collector_paused(), self.engine.begin() as connection:
                added = _write(connection, entries, resolver, seen=seen, cache=self._records)
                source_state.mark_seen(connection, items)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the store at {self.url}: {_reason(exc)}") from None
        self._records.update(seen)  # only once committed
        return added

    def register_source(self, *, name: str, url: str, kind: str | None) -> None:
        """Add a watched source to the store, or update its URL and kind."""
        with self._transaction("register the source") as connection:
            source_state.register(connection, name=name, url=url, kind=kind)

    def seen_items(self, name: str) -> set[str]:
        """The ids of the items the source ``name`` has delivered."""
        with self._connect() as connection:
            return source_state.seen_ids(connection, name)

    def save_poll(self, name: str, poll: PollRecord) -> None:
        """Record the outcome of a poll of the source ``name``."""
        with self._transaction("save the source's state") as connection:
            source_state.save_poll(connection, name, poll)

    def sources(self) -> list[SourceState]:
        """The watched sources with their state, by name."""
        with self._connect() as connection:
            return source_state.states(connection)

    def source(self, name: str) -> SourceState | None:
        """The state of the watched source ``name``, None when it was never polled."""
        with self._connect() as connection:
            found = source_state.states(connection, name=name)
        return found[0] if found else None

    def incidents(self, filters: IncidentFilters | None = None) -> Iterator[IncidentRow]:
        """Merged incidents matching ``filters``, dated ones first by date, then by id."""
        query = sa.select(*(incidents.c[name] for name in _INCIDENT_COLUMNS))
        for condition in _conditions(filters or IncidentFilters()):
            query = query.where(condition)
        query = query.order_by(incidents.c.date_from.is_(None), incidents.c.date_from, incidents.c.incident_id)
        with self._connect() as connection:
            for row in connection.execution_options(yield_per=500).execute(query):
                yield IncidentRow(**row._mapping)

    def records_of(self, incident_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The stored records (document id, record id, incident JSON) of each incident, in record id order."""
        if not incident_ids:
            return {}
        query = (
            sa.select(assignments.c.cluster_id, records.c.record_id, records.c.document_id, records.c.incident)
            .join(records, records.c.record_id == assignments.c.record_id)
            .where(assignments.c.cluster_id.in_(sorted(set(incident_ids))))
            .order_by(records.c.record_id)
        )
        found: dict[str, list[dict[str, Any]]] = {}
        with self._connect() as connection:
            for row in connection.execute(query):
                found.setdefault(row.cluster_id, []).append(
                    {"record_id": row.record_id, "document_id": row.document_id, "incident": row.incident}
                )
        return found

    def count(self, table: str) -> int:
        with self._connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(metadata.tables[table])).scalar_one()

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, ordered by primary key, JSON as canonical text: equal stores dump equal."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        with self._connect() as connection:
            for table in metadata.sorted_tables:
                query = sa.select(table).order_by(*table.primary_key.columns)
                out[table.name] = [tuple(_canonical(value) for value in row) for row in connection.execute(query)]
        return out

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot {what} in the store at {self.url}: {_reason(exc)}") from None

    def _connect(self) -> sa.Connection:
        try:
            return self.engine.connect()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot read the store at {self.url}: {_reason(exc)}") from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (a batch write).

    A write allocates hundreds of thousands of short-lived objects that reference counting frees, and each
    collection they trigger walks the writer's long-lived records (the cache): pausing it saved about 14 % of the
    store's CPU time on a replay of the first 3,000 reports of the 10,000-report benchmark. The collector runs
    again, cycles included, once the batch is done.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class RecordCache(OrderedDict[str, RecordRef]):
    """Stored records by record id; beyond ``size`` (``None``: no limit) the one put in first is dropped."""

    def __init__(self, size: int | None) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: str, value: RecordRef) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if self.size is not None and len(self) > self.size:
            self.popitem(last=False)


def _write(
    connection: sa.Connection, entries: Sequence[DocumentEntry], resolver: Resolver, *, seen: RecordCache,
    cache: RecordCache,
) -> int:
    """Insert the batch, then resolve it; ``seen`` collects the records read or written (for ``cache`` after commit)."""
    document_rows, record_rows, evidence_list, refs = [], [], [], []
    for entry in entries:
        document = entry.document
        document_rows.append(
            {
                "document_id": entry.document_id,
                "content_hash": entry.content_hash,
                "status": entry.status,
                "error": entry.error,
                "origin": entry.origin or (document.origin if document else None),
                "source": document.source if document else None,
                "published": document.published if document else None,
                "title": document.title if document else None,
                "url": document.url if document else None,
                "chars": len(document.text) if document else None,
                "text": document.text if document else None,
                "language": entry.report.document.language if entry.report else None,
                "source_kind": document.source_kind if document else None,
                "forwarded_from": document.forwarded_from if document else None,
            }
        )
        if document is None or entry.report is None:
            continue
        for incident in entry.report.incidents:
            context = evidence_context(document.text, incident, title=document.title)
            row = record_row(entry.document_id, incident, context)
            record_rows.append(row)
            evidence_list.extend(evidence_rows(row["record_id"], incident))
            refs.append(
                RecordRef(row["record_id"], entry.document_id, incident, document.published, document.source,
                          row["context"])
            )
    if document_rows:
        connection.execute(sa.insert(documents), document_rows)
    warned = [{"key": entry.document_id, "warnings": entry.warnings} for entry in entries if entry.warnings]
    if warned:  # few documents have any: a second statement for them keeps the common insert unchanged
        update = documents.update().where(documents.c.document_id == sa.bindparam("key"))
        connection.execute(update.values(warnings=sa.bindparam("warnings")), warned)
    if record_rows:
        connection.execute(sa.insert(records), record_rows)
    if evidence_list:
        connection.execute(sa.insert(evidence), evidence_list)
    if refs:
        _resolve(connection, refs, resolver, seen=seen, cache=cache)
        seen.update((ref.record_id, ref) for ref in refs)
    return len(record_rows)


def _resolve(
    connection: sa.Connection, refs: list[RecordRef], resolver: Resolver, *, seen: RecordCache, cache: RecordCache
) -> None:
    windows = {ref.record_id: resolver.window(ref) for ref in refs}
    found = {window: frozenset(_window_ids(connection, window)) for window in dict.fromkeys(windows.values())}
    reach = {record_id: found[window] for record_id, window in windows.items()}
    candidates = load_clusters(connection, set().union(*found.values()), cache=cache, seen=seen)
    decided = resolver.assign(refs, [candidates[key] for key in sorted(candidates)], reach=reach)
    if sorted(a.record_id for a in decided) != sorted(r.record_id for r in refs):
        raise StoreError("the resolver must assign every new record exactly once; this is a bug in incidex.resolve")
    connection.execute(
        sa.insert(assignments),
        [
            {
                "record_id": a.record_id,
                "cluster_id": a.cluster_id,
                "new_cluster": a.new_cluster,
                "score": a.score,
                "reasons": list(a.reasons),
            }
            for a in decided
        ],
    )
    affected = _merge(connection, candidates, refs, decided, cache=cache, seen=seen)
    connection.execute(sa.delete(incidents).where(incidents.c.incident_id.in_(sorted(affected))))
    connection.execute(
        sa.insert(incidents),
        [incident_row(affected[key], resolver.reconcile(affected[key])) for key in sorted(affected)],
    )
    corrections.apply_overrides(connection, sorted(affected))


def _merge(
    connection: sa.Connection,
    candidates: dict[str, Cluster],
    refs: list[RecordRef],
    decided: list[Assignment],
    *,
    cache: RecordCache,
    seen: RecordCache,
) -> dict[str, Cluster]:
    """The clusters the assignments touch, with their stored and their new records, in record id order."""
    targets = {a.cluster_id for a in decided}
    clusters = {key: Cluster(key, list(c.records)) for key, c in candidates.items() if key in targets}
    started_here = {a.cluster_id for a in decided if a.new_cluster}
    clusters |= load_clusters(connection, targets - candidates.keys() - started_here, cache=cache, seen=seen)
    by_id = {ref.record_id: ref for ref in refs}
    for a in decided:
        clusters.setdefault(a.cluster_id, Cluster(a.cluster_id)).records.append(by_id[a.record_id])
    for cluster in clusters.values():
        cluster.records.sort(key=lambda record: record.record_id)
    return clusters


UNBOUNDED_LIMIT = 60
WIDE_DAYS = 31
FOLLOW_UP_LIMIT = 20


def _window_ids(connection: sa.Connection, window: CandidateWindow) -> list[str]:
    """Ids of stored incidents whose date windows reach into the resolver's blocking window (None bounds are open).

    A window open on a side selects at most the UNBOUNDED_LIMIT incidents nearest its closed bound (the most recent
    when it has none) rather than all of a country's or the whole table's history, and a window wider than
    WIDE_DAYS (a month or a year: "last year") the UNBOUNDED_LIMIT most recent. A narrow window takes every
    incident that starts at most WIDE_DAYS before it, but of those that start earlier (incidents dated by a year or
    a season, whose windows reach into many later days) only the UNBOUNDED_LIMIT / 4 that start latest. So an
    undated report or a recalled earlier incident can still join an incident of an earlier batch, and the cost
    stays flat as the store grows. A follow-up window adds the incidents naming one of its actors (see
    :func:`_follow_up_ids`).
    """
    return _date_window_ids(connection, window) + _follow_up_ids(connection, window)


def _follow_up_ids(connection: sa.Connection, window: CandidateWindow) -> list[str]:
    """Ids of at most FOLLOW_UP_LIMIT stored incidents (the latest first) that name one of the window's actors and
    whose dates reach back to its ``follow_up_from``, in its country or without one."""
    if not (window.follow_up_from and window.actors):
        return []
    named = sa.cast(incidents.c.perpetrators, sa.Text)
    query = sa.select(incidents.c.incident_id).where(
        incidents.c.window_to >= window.follow_up_from,
        sa.or_(*(named.ilike(contains_pattern(actor), escape="\\") for actor in window.actors)),
    )
    if window.date_to:
        query = query.where(incidents.c.window_from <= window.date_to)
    if window.country_code:
        query = query.where(sa.or_(incidents.c.country == window.country_code, incidents.c.country.is_(None)))
    query = query.order_by(incidents.c.window_to.desc(), incidents.c.incident_id).limit(FOLLOW_UP_LIMIT)
    return list(connection.execute(query).scalars())


def _date_window_ids(connection: sa.Connection, window: CandidateWindow) -> list[str]:
    """The incidents of the window's dates and country (see :func:`_window_ids`)."""
    values: dict[str, object] = {"date_from": window.date_from, "date_to": window.date_to,
                                 "country": window.country_code, "limit": UNBOUNDED_LIMIT, "offset": 0}
    shape = (bool(window.date_from), bool(window.date_to), bool(window.country_code))
    if window.date_from and window.date_to:
        start = date.fromisoformat(window.date_from)
        if date.fromisoformat(window.date_to) - start > timedelta(days=WIDE_DAYS):
            return _window_run(connection, "latest", shape, values)
        values |= {"wide_start": (start - timedelta(days=WIDE_DAYS)).isoformat(), "limit": UNBOUNDED_LIMIT // 4}
        return _window_run(connection, "narrow", shape, values) + _window_run(connection, "wide", shape, values)
    nearest = "after" if window.date_from else "before" if window.date_to else "latest"
    return _window_run(connection, nearest, shape, values)


WINDOW_STATEMENTS = Prepared()


def _window_run(connection: sa.Connection, kind: str, shape: tuple[bool, bool, bool], values: Values) -> list[str]:
    """The incident ids of the candidate query of ``kind`` and ``shape`` (see :func:`_window_query`)."""
    rows = WINDOW_STATEMENTS.run(connection, (kind, *shape), lambda: _window_query(kind, *shape), values)
    return [incident_id for (incident_id,) in rows]


def _window_query(kind: str, bounded_from: bool, bounded_to: bool, in_country: bool) -> sa.Select:
    """The candidate query of one kind and shape of window (values are bound at each execution): ``narrow`` and
    ``wide`` split a narrow window's incidents by whether they start within WIDE_DAYS of it; ``latest``, ``after``
    and ``before`` take the ``limit`` nearest to the window's bounds."""
    column = incidents.c
    query = sa.select(column.incident_id)
    if bounded_from:
        query = query.where(column.window_to >= sa.bindparam("date_from"))
    if bounded_to:
        query = query.where(column.window_from <= sa.bindparam("date_to"))
    if in_country:
        query = query.where(sa.or_(column.country == sa.bindparam("country"), column.country.is_(None)))
    if kind == "narrow":
        return query.where(column.window_from >= sa.bindparam("wide_start"))
    if kind == "wide":
        query = query.where(column.window_from < sa.bindparam("wide_start"))
        nearest = column.window_from.desc()
    else:
        nearest = {"latest": column.window_to.desc(), "after": column.window_to.asc(),
                   "before": column.window_from.desc()}[kind]
    return (query.order_by(nearest, column.incident_id).limit(sa.bindparam("limit", type_=sa.Integer))
            .offset(sa.bindparam("offset", type_=sa.Integer)))  # SQLite renders an OFFSET with a bound LIMIT


def load_clusters(
    connection: sa.Connection,
    cluster_ids: set[str],
    *,
    cache: MutableMapping[str, RecordRef] | None = None,
    seen: MutableMapping[str, RecordRef] | None = None,
) -> dict[str, Cluster]:
    """The stored clusters with these ids, each with its records in record id order.

    Records found in ``cache`` are not read again; those read are put into ``seen`` (default: ``cache``).
    """
    if not cluster_ids:
        return {}
    cache = {} if cache is None else cache
    seen = cache if seen is None else seen
    members = connection.execute(
        sa.select(assignments.c.cluster_id, assignments.c.record_id)
        .where(assignments.c.cluster_id.in_(sorted(cluster_ids)))
        .order_by(assignments.c.cluster_id, assignments.c.record_id)
    ).all()
    missing = sorted({record for _, record in members if record not in cache and record not in seen})
    if missing:
        query = (
            sa.select(records, documents.c.published, documents.c.source)
            .join(documents, documents.c.document_id == records.c.document_id)
            .where(records.c.record_id.in_(missing))
        )
        for row in connection.execute(query).mappings():
            seen[row["record_id"]] = stored_ref(row, published=row["published"], source=row["source"])
    clusters: dict[str, Cluster] = {}
    for cluster_id, record in members:
        cluster = clusters.setdefault(cluster_id, Cluster(cluster_id=cluster_id))
        cluster.records.append(seen[record] if record in seen else cache[record])
    return clusters


def _conditions(filters: IncidentFilters) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.type:
        conditions.append(incidents.c.type == filters.type)
    if filters.country:
        conditions.append(incidents.c.country == filters.country.upper())
    if filters.since:
        conditions.append(incidents.c.date_to >= filters.since)
    if filters.until:
        conditions.append(incidents.c.date_from <= filters.until)
    if filters.role is not None:
        conditions.append(incidents.c.role == filters.role)
    return conditions


def _canonical(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def _reason(exc: sa.exc.SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
