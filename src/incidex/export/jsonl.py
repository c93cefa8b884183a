"""JSONL export: one full merged incident per line, with the resolver's view and every record merged into it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from itertools import islice
from typing import TextIO

from ..store import IncidentRow, Store

CHUNK = 200


def export_jsonl(store: Store, rows: Iterable[IncidentRow], out: TextIO) -> int:
    """Write ``rows`` to ``out``, one JSON object a line with the store's records of each; returns the number
    written."""
    rows = iter(rows)
    count = 0
    while chunk := list(islice(rows, CHUNK)):
        records = store.records_of([row.incident_id for row in chunk])
        for row in chunk:
            line = {**asdict(row), "records": records.get(row.incident_id, [])}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
