from __future__ import annotations

import io
import json

from incidex.export import export_geojson
from incidex.store import IncidentQuery, Store


def test_geojson_holds_points_and_counts_incidents_without_coordinates(filled_store: Store) -> None:
    out = io.StringIO()
    written = export_geojson(filled_store, filled_store.incidents(), out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and written == len(collection["features"]) == 2
    assert collection["incidents_without_coordinates"] == 1
    kabul = next(f for f in collection["features"] if f["properties"]["location"] == "Kabul")
    assert kabul["geometry"] == {"type": "Point", "coordinates": [69.17, 34.53]}
    assert kabul["id"] == kabul["properties"]["incident_id"]
    assert kabul["properties"]["document_ids"] == ["d1", "d2"]


def test_geojson_of_no_incidents_is_still_valid(filled_store: Store) -> None:
    out = io.StringIO()
    assert export_geojson(filled_store, filled_store.incidents(IncidentQuery(countries=("ZZ",))), out) == 0
    assert json.loads(out.getvalue()) == {
        "type": "FeatureCollection", "features": [], "incidents_without_coordinates": 0
    }
