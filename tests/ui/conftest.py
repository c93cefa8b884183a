"""Fixtures of the browser tests over the scene store (scene.py): one store and server for the session, one chromium
per module. Modules that need another store (the real model's reports, the corrections' stand-ins) define their own
``base_url`` and ``browser``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from incidex.api.app import create_app
    from incidex.config import load_settings

    from .chrome import serve  # skips when chromium or the server extra is missing
    from .scene import write_scene

    url = write_scene(tmp_path_factory.mktemp("scene") / "scene.db")
    with serve(create_app(db_url=url, settings=load_settings())) as served:
        yield served


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from .chrome import chromium

    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver
