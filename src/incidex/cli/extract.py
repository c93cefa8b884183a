"""``incidex extract``: one report in, its incident records out (JSON or a table)."""

from __future__ import annotations

import json
from dataclasses import replace

import click

from ..batch import extract_document
from ..config import load_settings
from ..ingest import read_document
from ..ingest.dates import normalize_published
from .options import learned_model_options, with_learned_model
from .render import print_table


@click.command("extract")
@click.argument("path")
@click.option("--published", help="Publication date YYYY-MM-DD; relative dates ('on Sunday') resolve against it.")
@click.option("--source", help="Outlet or source name of the report.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True,
              help="json: the report as one JSON object (the record contract); table: a summary for a person.")
@learned_model_options
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(path: str, published: str | None, source: str | None, fmt: str, model_dir: str | None,
            rules_only: bool, config_path: str | None) -> None:
    """Extract incident records from the report at PATH ('-' reads standard input). An HTML page is read as
    `ingest` reads it: its main text, with its own publication date and site name unless --published / --source
    are given."""
    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    if published is not None and normalize_published(published) is None:
        raise click.BadParameter(f"{published!r} is not a date; use YYYY-MM-DD", param_hint="--published")
    document = read_document(path, max_bytes=settings.input.max_bytes)  # an HTML page's date and site name, as ingest
    document = replace(document, published=normalize_published(published) if published else document.published,
                       source=source or document.source)
    report = extract_document(document, settings=settings)
    text = document.text
    for warning in report.document.warnings:
        click.echo(f"incidex: warning: {warning}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_table(report, text)
