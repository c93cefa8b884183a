"""Exports of merged incidents to text streams: CSV, GeoJSON and JSONL (used by ``incidex export`` and the API)."""

from .csv import export_csv
from .geojson import export_geojson
from .jsonl import export_jsonl

EXPORTERS = {"csv": export_csv, "geojson": export_geojson, "jsonl": export_jsonl}

__all__ = ["EXPORTERS", "export_csv", "export_geojson", "export_jsonl"]
