"""JSONL export: one full merged incident per line, with the resolver's view and every record merged into it."""

from __future__ import annotations

import json
from dataclasses import asdict
from itertools import islice
from typing import TextIO

from ..store import IncidentFilters, Store

CHUNK = 200


def export_jsonl(store: Store, filters: IncidentFilters | None, out: TextIO) -> int:
    """Write the incidents matching ``filters`` to ``out``, one JSON object a line; returns the number written."""
    rows = store.incidents(filters)
    count = 0
    while chunk := list(islice(rows, CHUNK)):
        records = store.records_of([row.incident_id for row in chunk])
        for row in chunk:
            line = {**asdict(row), "records": records.get(row.incident_id, [])}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
