"""Fixtures for resolver tests."""

from __future__ import annotations

import pytest

from incidex.config import load_settings
from incidex.resolve import Resolver


@pytest.fixture
def resolver() -> Resolver:
    return Resolver(load_settings())
