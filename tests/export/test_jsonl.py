from __future__ import annotations

import io
import json

from incidex.export import export_jsonl
from incidex.store import Store
from incidex.types import incident_from_dict


def test_jsonl_gives_full_merged_records_with_their_source_records(filled_store: Store) -> None:
    out = io.StringIO()
    count = export_jsonl(filled_store, filled_store.incidents(), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines) == 3
    kabul = next(line for line in lines if line["location"] == "Kabul")
    assert kabul["document_ids"] == ["d1", "d2"]
    assert [r["record_id"] for r in kabul["records"]] == ["d1:i1", "d2:i1"]
    assert incident_from_dict(kabul["records"][0]["incident"]).casualties.killed.total == 4
    assert kabul["merged"]["cluster_id"] == kabul["incident_id"]
    assert kabul["merged"]["casualties"]["killed"]["total"] == 4
