"""GeoJSON export: a FeatureCollection of points, one per geocoded incident; the others are only counted.

The count sits in the top-level member ``incidents_without_coordinates``. Written as a stream, so large
exports do not build the whole collection in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..store import IncidentRow, Store
from .columns import flat_fields


def export_geojson(store: Store, rows: Iterable[IncidentRow], out: TextIO) -> int:
    """Write the incidents of ``rows`` to ``out``; returns the number of features written."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = missing = 0
    for row in rows:
        if row.lat is None or row.lon is None:
            missing += 1
            continue
        properties = {k: v for k, v in flat_fields(row).items() if k not in ("latitude", "longitude")}
        feature = {
            "type": "Feature",
            "id": row.incident_id,
            "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
            "properties": properties,
        }
        out.write(("\n" if not written else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write(f'\n], "incidents_without_coordinates": {missing}}}\n')
    return written
