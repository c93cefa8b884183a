"""``incidex sources``: the watched sources in the store, with their state."""

from __future__ import annotations

from datetime import datetime

import click

from ..config import load_settings


@click.command("sources")
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(db_url: str | None, config_path: str | None) -> None:
    """List the sources `incidex watch` has polled: name, kind, items seen, last success, next poll, ETag /
    Last-Modified, URL, and the last error with its time. Only reads the store: a missing one exits 5."""
    from ..store import Store
    from ..watch.loop import as_utc

    settings = load_settings(config_path)
    with Store(db_url or settings.store.url, create=False, read_only=True) as store:
        states = store.sources()
    if not states:
        click.echo("no sources yet; run incidex watch SOURCES.toml")
        return

    def stamp(moment: datetime | None) -> str:
        return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else "-"

    for state in states:
        line = (f"{state.name} ({state.kind or 'kind not declared'}): seen {state.seen} · last success "
                f"{stamp(state.last_success)} · next poll {stamp(state.next_poll)}")
        if state.etag:
            line += f" · etag {state.etag}"
        if state.last_modified:
            line += f" · last-modified {state.last_modified}"
        click.echo(line)
        click.echo(f"    {state.url}")
        if state.last_error:
            click.echo(f"    last error at {stamp(state.last_error_at)}: {state.last_error}")
