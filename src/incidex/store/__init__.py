"""The incident store: :class:`Store` is the one way into the database (SQLite by default, PostgreSQL by URL);
:class:`IncidentQuery` says which incidents to read."""

from ._corrections import Correction, Operation
from ._engine import SQLITE_SERVE_MMAP_BYTES, is_writable
from ._explain import Explanation, RecordDecision
from ._queries import ListPage
from .query import IncidentQuery, IncidentRole, Sort, TimeUnit
from .repository import DocumentEntry, Store
from .rows import IncidentRow

__all__ = [
    "SQLITE_SERVE_MMAP_BYTES",
    "Correction",
    "DocumentEntry",
    "Explanation",
    "IncidentQuery",
    "IncidentRole",
    "IncidentRow",
    "ListPage",
    "Operation",
    "RecordDecision",
    "Sort",
    "Store",
    "TimeUnit",
    "is_writable",
]
