"""``incidex export``: merged incidents of the store as CSV, GeoJSON or JSONL, with every filter of the API's list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..config import load_settings
from ..errors import InputError
from ..store.filters import bbox, country_code, date_bound
from ..types import INCIDENT_TYPES


def _checked(check: Callable[[str], Any]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback applying ``check`` (one of :mod:`incidex.store.filters`, as the API does) to the value, or to
    each value of a repeated option; its :class:`InputError` becomes a usage error."""

    def convert(_ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        try:
            if isinstance(value, tuple):
                return tuple(dict.fromkeys(found for found in (check(item) for item in value) if found))
            return None if value is None else check(value)
        except InputError as exc:
            raise click.BadParameter(exc.message, param=param) from None

    return convert


def _day(index: int, name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """The first (index 0) or last (index 1) day of ``YYYY[-MM[-DD]]``."""
    return _checked(lambda value: date_bound(value, name, index))


def _text(value: str) -> str | None:
    return value.strip() or None


@click.command("export")
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "jsonl"]), default="csv", show_default=True,
              help="csv: one row per incident; geojson: points of geocoded incidents; jsonl: full merged records.")
@click.option("--type", "types", multiple=True, type=click.Choice(INCIDENT_TYPES),
              help="Only incidents of this type; repeat for any of several.")
@click.option("--country", "countries", multiple=True, callback=_checked(country_code),
              help="Only incidents in this country (ISO 3166 alpha-2 code, such as RU); repeat for any of several.")
@click.option("--admin1", callback=_checked(_text), help="Only incidents in this first-level region (any case).")
@click.option("--actor", "actors", multiple=True, callback=_checked(_text),
              help="Only incidents whose perpetrator's name contains this; repeat for any of several.")
@click.option("--source", callback=_checked(_text), help="Only incidents whose outlet or cited source contains this.")
@click.option("--q", callback=_checked(_text), help="Only incidents whose place, actor, victim or note contains this.")
@click.option("--role", type=click.Choice(["main", "background"]),
              help="Only incidents some report tells as its main event (main), or only recalled ones (background); "
              "default: both.")
@click.option("--since", callback=_day(0, "since"), help="Only incidents on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", callback=_day(1, "until"), help="Only incidents on or before this date (YYYY[-MM[-DD]]).")
@click.option("--reported-from", callback=_day(0, "reported-from"),
              help="Only incidents with a report published on or after this date (YYYY[-MM[-DD]]).")
@click.option("--reported-to", callback=_day(1, "reported-to"),
              help="Only incidents with a report published on or before this date (YYYY[-MM[-DD]]).")
@click.option("--min-killed", type=click.IntRange(min=0), help="Only incidents with at least this many killed.")
@click.option("--dated", is_flag=True, help="Only incidents with an event date.")
@click.option("--bbox", "box", callback=_checked(bbox),
              help="Only incidents located in this box: MINLON,MINLAT,MAXLON,MAXLAT in degrees.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8", lazy=True), default="-",
              help="File to write (default: standard output).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(db_url: str | None, fmt: str, output: click.utils.LazyFile, config_path: str | None, since: str | None,
            until: str | None, box: tuple[float, float, float, float] | None, **filters: Any) -> None:
    """Write the merged incidents of the store, each with its id, its role (main or background) and the ids of the
    documents it comes from. The filters are those of the API's incident list (GET /api/incidents), so an export
    holds what the list shows. The store must exist (exit 5 naming the path otherwise); it is only read, so a
    read-only store, or one in a read-only folder, can be exported."""
    from ..export import EXPORTERS
    from ..store import IncidentQuery, Store

    query = IncidentQuery(date_from=since, date_to=until, bbox=box, **filters)
    with Store(db_url or load_settings(config_path).store.url, create=False, read_only=True) as store:
        count = EXPORTERS[fmt](store, store.incidents(query), output)
    click.echo(f"exported {count} incidents as {fmt}", err=True)
