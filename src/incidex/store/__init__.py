"""The incident store: SQLAlchemy Core tables, named migrations, the :class:`Store` and ingest orchestration."""

from .ingest import Failure, IngestSummary, ingest
from .repository import DocumentEntry, IncidentFilters, IncidentRow, Resolver, Store, is_writable

__all__ = [
    "DocumentEntry",
    "Failure",
    "IncidentFilters",
    "IncidentRow",
    "IngestSummary",
    "Resolver",
    "Store",
    "ingest",
    "is_writable",
]
