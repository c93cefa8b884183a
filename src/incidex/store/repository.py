"""The incident store: one :class:`Store` over SQLite (default, WAL) or PostgreSQL, same schema and behaviour.

The store is the only way into the database. Its private modules do the work, in the order data flows:
``_engine`` (URLs, engines, SQLite pragmas), ``_write`` (a batch of documents in), ``_candidates`` (the stored
incidents a new record is compared with), ``_rebuild`` (merged incident rows, with ``_overrides`` applied),
``_corrections`` (analyst field corrections, merges, splits and undo), ``_queries`` and ``_search`` (lists and
filters), ``_aggregates`` (counts for charts and maps), ``_explain`` (why an incident is what it is).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from ..errors import NotFoundError, StoreError
from ..resolve.interface import Merger
from . import _aggregates, _corrections, _explain, _queries, migrate
from . import sources as source_state
from ._corrections import Correction, Operation
from ._engine import SQLITE_MMAP_BYTES, engine_for, is_writable, reason, sqlite_file
from ._explain import Explanation
from ._queries import ListPage
from ._write import RecordCache, write_batch
from .query import IncidentQuery, Sort, TimeUnit
from .rows import DocumentEntry, IncidentRow
from .sources import PollRecord, SeenItem, SourceState
from .tables import documents, metadata

__all__ = ["DocumentEntry", "Store", "is_writable"]

class Store:
    """Documents, extracted records with evidence, resolver assignments and merged incidents in one database.

    Opening runs any missing migrations. :meth:`write` stores a batch of documents in one transaction, so a
    killed process leaves whole batches or nothing. Stored records never change, so the store keeps up to
    ``cached_records`` of them as the resolver reads them and parses only the others when candidates are loaded.
    """

    def __init__(self, url: str, *, cached_records: int = 50_000, create: bool = True, read_only: bool = False,
                 map_bytes: int = SQLITE_MMAP_BYTES) -> None:
        """Open the store at ``url``. Only ``create`` makes a new one (``incidex ingest``); without it a missing
        store is a :class:`StoreError` naming where it was looked for. ``read_only`` never writes, not even a
        migration: the store must already have this version's schema. ``map_bytes``: how much of a SQLite file is
        read through a memory map."""
        self.url = url
        file = sqlite_file(url)
        if not create and file is not None and not file.is_file():
            raise StoreError(f"no store at {file}: the file does not exist; check --db, or create a store with "
                             f"`incidex ingest FILES --db {file}`")
        self.engine = engine_for(url, read_only=read_only, map_bytes=map_bytes)
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
            raise StoreError(f"cannot open the store at {url}: {reason(exc)}; check the URL and permissions") from None
        except StoreError:
            self.engine.dispose()
            raise

    @property
    def backend(self) -> str:
        """The database kind: ``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

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

    def write(self, entries: Sequence[DocumentEntry], *, resolver: Merger, items: Sequence[SeenItem] = ()) -> int:
        """Store ``entries`` and merge their records into incidents, and mark the watched sources' ``items`` seen, all
        in one transaction; returns records added."""
        seen = RecordCache(None)
        try:
            with self.engine.begin() as connection:
                added = write_batch(connection, entries, resolver, seen=seen, cache=self._records)
                source_state.mark_seen(connection, items)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the store at {self.url}: {reason(exc)}") from None
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

    def incidents(self, query: IncidentQuery | None = None) -> Iterator[IncidentRow]:
        """Merged incidents matching ``query``, dated ones first by date, then by id, read in batches."""
        with self._connect() as connection:
            yield from _queries.incident_rows(connection, query or IncidentQuery())

    def incident_page(self, query: IncidentQuery, *, sort: Sort, limit: int, offset: int) -> ListPage:
        """The number of incidents matching ``query`` and the page of them at ``offset`` in ``sort`` order."""
        with self._connect() as connection:
            return _queries.list_incidents(connection, query, sort=sort, limit=limit, offset=offset)

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """The merged incident with its records, documents, the background incidents they recall, its corrections
        (``changes``, newest first) and merge reasons; None when there is no such incident."""
        with self._connect() as connection:
            return _queries.incident_detail(connection, incident_id)

    def documents(self, *, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """How many documents are stored and the page of them at ``offset``, by id."""
        with self._connect() as connection:
            return _queries.list_documents(connection, limit=limit, offset=offset)

    def document(self, document_id: str) -> dict[str, Any] | None:
        """The stored document with its text and record ids; None when there is none with this id."""
        with self._connect() as connection:
            return _queries.document(connection, document_id)

    def incidents_of_document(self, document_id: str) -> list[str]:
        """The ids of the incidents the records of the document joined."""
        with self._connect() as connection:
            return _queries.incidents_of_document(connection, document_id)

    def weekly(self, query: IncidentQuery) -> list[dict[str, Any]]:
        """Counts and deaths of the dated incidents matching ``query`` per week (Monday) and type."""
        with self._connect() as connection:
            return _aggregates.weekly(connection, query)

    def countries(self, query: IncidentQuery) -> list[dict[str, Any]]:
        """Counts and deaths of the incidents matching ``query`` per country, most incidents first."""
        with self._connect() as connection:
            return _aggregates.countries(connection, query)

    def timeline(self, query: IncidentQuery, *, unit: TimeUnit | None) -> dict[str, Any]:
        """The incidents matching ``query`` per day, week, month or year (None: by the range), by type."""
        with self._connect() as connection:
            return _aggregates.timeline(connection, query, unit=unit)

    def map_cells(self, query: IncidentQuery, *, cell: float) -> dict[str, Any]:
        """The located incidents matching ``query`` in square cells of ``cell`` degrees."""
        with self._connect() as connection:
            return _aggregates.map_cells(connection, query, cell=cell)

    def actors(self, query: IncidentQuery, *, limit: int) -> list[dict[str, Any]]:
        """The perpetrators named by the incidents matching ``query`` but its actors, most incidents first."""
        with self._connect() as connection:
            return _aggregates.actors(connection, query, limit=limit)

    def regions(self, query: IncidentQuery, *, limit: int) -> list[dict[str, Any]]:
        """The first-level regions of the incidents matching ``query`` but its admin1, most incidents first."""
        with self._connect() as connection:
            return _aggregates.regions(connection, query, limit=limit)

    def explain(self, incident_id: str) -> Explanation:
        """Why the incident is what it is; :class:`NotFoundError` when the store has no such incident."""
        with self._connect() as connection:
            found = _explain.explain(connection, incident_id)
        if found is None:
            raise NotFoundError(f"no incident {incident_id!r} in the store at {self.url}; list ids with incidex "
                                "export")
        return found

    def corrections(self, *, incident_id: str | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[int, list[Correction | Operation]]:
        """All corrections (field, merge, split), newest first, with their total; those touching ``incident_id``
        when given."""
        with self._connect() as connection:
            return _corrections.history(connection, incident_id=incident_id, limit=limit, offset=offset)

    def correct(self, incident_id: str, *, field: str, value: Any, who: str, why: str | None = None,
                resolver: Merger) -> Correction:
        """Override ``field`` of the incident with ``value`` and rebuild it."""
        with self._transaction("save the correction") as connection:
            return _corrections.add_correction(connection, incident_id, field=field, value=value, who=who, why=why,
                                               resolver=resolver)

    def undo_correction(self, correction_id: int, *, resolver: Merger, who: str | None = None,
                        why: str | None = None) -> Correction:
        """Undo a field correction and rebuild its incident; undoing an undone one changes nothing."""
        with self._transaction("undo the correction") as connection:
            return _corrections.undo_correction(connection, correction_id, resolver=resolver, who=who, why=why)

    def merge_incidents(self, ids: Sequence[str], *, who: str, why: str | None, resolver: Merger) -> str:
        """Move the records of every incident in ``ids`` into the first one; returns its id."""
        with self._transaction("merge the incidents") as connection:
            return _corrections.merge_incidents(connection, ids, who=who, why=why, resolver=resolver)

    def split_incident(self, incident_id: str, record_ids: Sequence[str], *, who: str, why: str | None,
                       resolver: Merger) -> str:
        """Move ``record_ids`` of the incident into a new incident; returns the new id."""
        with self._transaction("split the incident") as connection:
            return _corrections.split_incident(connection, incident_id, record_ids, who=who, why=why,
                                               resolver=resolver)

    def undo_operation(self, operation_id: int, *, resolver: Merger, who: str | None = None,
                       why: str | None = None) -> Operation:
        """Put back the records a merge or split moved; :class:`ConflictError` when later changes stand in the way."""
        with self._transaction("undo the merge or split") as connection:
            return _corrections.undo_operation(connection, operation_id, resolver=resolver, who=who, why=why)

    def records_of(self, incident_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The stored records (document id, record id, incident JSON) of each incident, in record id order."""
        with self._connect() as connection:
            return _queries.records_of(connection, incident_ids)

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
        """One transaction: committed when the block ends, rolled back when it raises; a database error is a
        :class:`StoreError` saying what could not be done."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot {what} in the store at {self.url}: {reason(exc)}") from None

    def _connect(self) -> sa.Connection:
        try:
            return self.engine.connect()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot read the store at {self.url}: {reason(exc)}") from None


def _canonical(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value
