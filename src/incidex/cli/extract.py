"""``incidex extract``: one report in, its incident records out (JSON or a table)."""

from __future__ import annotations

import json
import sys

import click

from ..batch import extract_text
from ..config import load_settings
from ..ingest import read_text_file
from ..ingest.dates import normalize_published
from ..ingest.txt import text_from_bytes
from .options import learned_model_options, with_learned_model
from .render import print_table


def _read(path: str, max_bytes: int) -> str:
    if path == "-":
        return text_from_bytes(sys.stdin.buffer.read(max_bytes + 1), origin="<stdin>", max_bytes=max_bytes)
    return read_text_file(path, max_bytes=max_bytes)


@click.command("extract")
@click.argument("path")
@click.option("--published", help="Publication date YYYY-MM-DD; relative dates ('on Sunday') resolve against it.")
@click.option("--source", help="Outlet or source name of the report.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
@learned_model_options
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
def command(path: str, published: str | None, source: str | None, fmt: str, model_dir: str | None,
            rules_only: bool, config_path: str | None) -> None:
    """Extract incident records from the report at PATH ('-' reads standard input)."""
    settings = with_learned_model(load_settings(config_path), model_dir, rules_only)
    if published is not None and normalize_published(published) is None:
        raise click.BadParameter(f"{published!r} is not a date; use YYYY-MM-DD", param_hint="--published")
    text = _read(path, settings.input.max_bytes)
    report = extract_text(text, published=normalize_published(published) if published else None, source=source,
                          settings=settings)
    for warning in report.document.warnings:
        click.echo(f"incidex: warning: {warning}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_table(report, text)
