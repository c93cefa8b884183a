"""``incidex explain INCIDENT_ID``: why the records of a stored incident were merged, and how it was reconciled."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..config import load_settings
from ..errors import IncidexError
from ..resolve.explain import explain, render


@click.command("explain")
@click.argument("incident_id")
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON instead of text.")
def command(incident_id: str, db_url: str | None, as_json: bool) -> None:
    """Show why the records of INCIDENT_ID were merged: each record's score and reasons, and the rule that chose
    each reconciled figure."""
    from ..store import Store

    try:
        with Store(db_url or load_settings().store.url, create=False, read_only=True) as store:
            explanation = explain(store, incident_id)
    except IncidexError as exc:
        click.echo(f"incidex: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    if as_json:
        click.echo(json.dumps(asdict(explanation), ensure_ascii=False, indent=2))
    else:
        click.echo(render(explanation))
