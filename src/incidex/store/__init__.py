"""The incident store: SQLAlchemy Core tables, named migrations and the :class:`Store`."""

from .repository import DocumentEntry, IncidentFilters, IncidentRow, Resolver, Store, is_writable

__all__ = [
    "DocumentEntry",
    "IncidentFilters",
    "IncidentRow",
    "Resolver",
    "Store",
    "is_writable",
]
