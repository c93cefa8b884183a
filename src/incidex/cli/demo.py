"""``incidex demo``: run ``extract`` on the example report shipped with incidex."""

from __future__ import annotations

from importlib import resources

import click

from ..batch import extract_text
from .render import print_table

EXAMPLE = "kandahar_hostage_report.txt"
EXAMPLE_PUBLISHED = "2025-03-11"
EXAMPLE_SOURCE = "incidex example wire"


@click.command("demo")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
def command(fmt: str) -> None:
    """Extract the bundled example report and show what incidex finds."""
    text = resources.files("incidex").joinpath(f"examples/{EXAMPLE}").read_text(encoding="utf-8")
    report = extract_text(text, published=EXAMPLE_PUBLISHED, source=EXAMPLE_SOURCE)
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"Example report: {EXAMPLE} (published {EXAMPLE_PUBLISHED})\n")
        print_table(report, text)
