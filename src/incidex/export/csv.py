"""CSV export: one row per merged incident, ACLED/GTD-style columns, lists joined with ``"; "``.

Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return) get a
leading apostrophe: the values come from news text, which is hostile input.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from ..store import IncidentRow, Store
from .columns import COLUMNS, flat_fields

LIST_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_csv(store: Store, rows: Iterable[IncidentRow], out: TextIO) -> int:
    """Write ``rows`` to ``out`` as CSV with a header; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        fields = flat_fields(row)
        writer.writerow([_cell(fields[name]) for name in COLUMNS])
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value
