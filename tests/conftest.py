"""Fixtures shared across the suite: settings, the real pipeline (loaded once), and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.batch import extract_text
from incidex.config import Settings, load_settings
from incidex.types import Report

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def extract(settings: Settings):
    """``extract(text, published=...) -> Report`` with the real pipeline, loaded once for the session."""

    def run(text: str, *, published: str | None = None, source: str | None = None) -> Report:
        return extract_text(text, published=published, source=source, settings=settings)

    return run


def _shared_file(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (tests that need ../shared/data skip without it)")
    return path


@pytest.fixture(scope="session")
def shared_file():
    """``shared_file("seed", "x.json")``: a path under ../shared/data, or skip the test saying what is missing."""
    return _shared_file


@pytest.fixture
def http_server():
    """A real HTTP server on 127.0.0.1 for this test (see ``local_http.py``)."""
    from local_http import LocalServer

    with LocalServer().running() as server:
        yield server
