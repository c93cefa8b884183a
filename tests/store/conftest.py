"""Fixtures: every store test runs against a SQLite file and, when configured, a PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from incidex.config import Settings, load_settings
from incidex.resolve import Resolver
from incidex.store import Store

from .store_helpers import store_url_for

BACKENDS = [
    pytest.param("sqlite", id="sqlite-file"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_url_for(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


@pytest.fixture
def settings() -> Settings:
    return load_settings()


@pytest.fixture
def resolver(settings: Settings) -> Resolver:
    return Resolver(settings)
