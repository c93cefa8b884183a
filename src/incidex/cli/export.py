"""``incidex export``: merged incidents of the store as CSV, GeoJSON or JSONL."""

from __future__ import annotations

from collections.abc import Callable

import click

from ..config import load_settings
from ..errors import InputError
from ..resolve.dates import parse_partial
from ..store.filters import country_code
from ..types import INCIDENT_TYPES


def _date_bound(index: int) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback turning ``YYYY[-MM[-DD]]`` into its first (index 0) or last (index 1) day."""

    def convert(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        bounds = parse_partial(value)
        if bounds is None:
            raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY", param=param)
        return bounds[index].isoformat()

    return convert


def _country(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The country code, checked as the API checks it."""
    try:
        return country_code(value)
    except InputError as exc:
        raise click.BadParameter(exc.message, param=param) from None


@click.command("export")
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "jsonl"]), default="csv", show_default=True,
              help="csv: one row per incident; geojson: points of geocoded incidents; jsonl: full merged records.")
@click.option("--type", "incident_type", type=click.Choice(INCIDENT_TYPES), help="Only incidents of this type.")
@click.option("--country", callback=_country,
              help="Only incidents in this country (ISO 3166 alpha-2 code, such as RU).")
@click.option("--role", type=click.Choice(["main", "background"]),
              help="Only incidents some report tells as its main event (main), or only recalled ones (background); "
              "default: both.")
@click.option("--since", callback=_date_bound(0), help="Only incidents on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", callback=_date_bound(1), help="Only incidents on or before this date (YYYY[-MM[-DD]]).")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8", lazy=True), default="-",
              help="File to write (default: standard output).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(db_url: str | None, fmt: str, incident_type: str | None, country: str | None, role: str | None,
            since: str | None, until: str | None, output: click.utils.LazyFile, config_path: str | None) -> None:
    """Write the merged incidents of the store, each with its id, its role (main or background) and the ids of the
    documents it comes from. The store must exist (exit 5 naming the path otherwise); it is only read, so a
    read-only store, or one in a read-only folder, can be exported."""
    from ..export import EXPORTERS
    from ..store import IncidentFilters, Store

    filters = IncidentFilters(type=incident_type, country=country, since=since, until=until, role=role)
    with Store(db_url or load_settings(config_path).store.url, create=False, read_only=True) as store:
        count = EXPORTERS[fmt](store, store.incidents(filters), output)
    click.echo(f"exported {count} incidents as {fmt}", err=True)
