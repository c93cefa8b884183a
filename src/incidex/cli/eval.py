"""``incidex eval``: built-in evaluations (MUC-4 templates, cross-report merging, annotated incident data)."""

from __future__ import annotations

import click

from .main import LazyGroup

SUBCOMMANDS = (
    ("muc4", "incidex.cli.eval_muc4"),
    ("merge", "incidex.cli.eval_merge"),
    ("acled", "incidex.cli.eval_acled"),
    ("wikievents", "incidex.cli.eval_wikievents"),
    ("rams", "incidex.cli.eval_rams"),
    ("muc4-keys", "incidex.cli.eval_muc4_keys"),
)


@click.group("eval", cls=LazyGroup, lazy=SUBCOMMANDS)
def command() -> None:
    """Measure incidex on public benchmarks and gold data."""
