"""The JSON Schema of the record contract, shipped as ``schema/record.schema.json``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    return json.loads(resources.files("incidex").joinpath("schema/record.schema.json").read_text(encoding="utf-8"))


def validate_report(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the record contract."""
    import jsonschema

    jsonschema.validate(data, record_schema())
