"""Fixtures: a fresh store (SQLite file, and PostgreSQL when configured) for each watch test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store.store_helpers import store_url_for

from incidex.store import Store

BACKENDS = [pytest.param("sqlite", id="sqlite-file"), pytest.param("postgres", id="postgres",
                                                                   marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_url_for(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened
