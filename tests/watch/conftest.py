"""Fixtures: a fresh store (SQLite file, and PostgreSQL when configured) for each watch test, as the store tests
have it."""

from store.conftest import store, store_url  # noqa: F401 (fixtures)
