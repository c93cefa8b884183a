"""The incident store: :class:`Store` is the one way into the database (SQLite by default, PostgreSQL by URL);
:class:`IncidentQuery` says which incidents to read. Ingest orchestration (:func:`ingest`) feeds it."""

from ._corrections import Correction, Operation
from ._engine import SQLITE_SERVE_MMAP_BYTES, is_writable
from ._explain import Explanation, RecordDecision
from ._queries import ListPage
from .ingest import Failure, IngestSummary, ingest
from .query import IncidentQuery, IncidentRole, Sort, TimeUnit
from .repository import DocumentEntry, Store
from .rows import IncidentRow

__all__ = [
    "SQLITE_SERVE_MMAP_BYTES",
    "Correction",
    "DocumentEntry",
    "Explanation",
    "Failure",
    "IncidentQuery",
    "IncidentRole",
    "IncidentRow",
    "IngestSummary",
    "ListPage",
    "Operation",
    "RecordDecision",
    "Sort",
    "Store",
    "TimeUnit",
    "ingest",
    "is_writable",
]
