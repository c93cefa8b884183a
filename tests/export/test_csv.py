from __future__ import annotations

import csv
import io

from incidex.export import export_csv
from incidex.export.columns import COLUMNS
from incidex.store import IncidentQuery, Store

from .conftest import HOSTILE


def read(store: Store, filters: IncidentQuery | None = None) -> list[dict[str, str]]:
    out = io.StringIO()
    count = export_csv(store, store.incidents(filters), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows)
    return rows


def test_csv_has_one_row_per_merged_incident_with_acled_style_columns(filled_store: Store) -> None:
    rows = read(filled_store)
    assert tuple(rows[0]) == COLUMNS
    assert [row["location"] for row in rows] == ["Mosul", "Kabul", "Atlantis"]
    kabul = rows[1]
    assert kabul["document_ids"] == "d1; d2"
    assert (kabul["killed"], kabul["country"], kabul["date"], kabul["type"]) == ("4", "AF", "2024-05-10", "bombing")
    assert (kabul["admin1"], kabul["admin1_code"]) == ("Kabul", "AF-KAB")
    assert float(kabul["latitude"]) == 34.53 and kabul["injured"] == ""
    assert all(row["incident_id"] for row in rows)


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(filled_store: Store) -> None:
    mosul = read(filled_store, IncidentQuery(countries=("IQ",)))[0]
    assert mosul["sources"] == "'" + HOSTILE
    assert not any(cell.startswith("=") for row in read(filled_store) for cell in row.values())


def test_csv_applies_filters(filled_store: Store) -> None:
    assert [r["location"] for r in read(filled_store, IncidentQuery(types=("bombing",)))] == ["Kabul"]
    assert [r["location"] for r in read(filled_store, IncidentQuery(date_from="2024-05-01"))] == ["Kabul", "Atlantis"]
    assert [r["location"] for r in read(filled_store, IncidentQuery(date_to="2024-04-30"))] == ["Mosul"]
