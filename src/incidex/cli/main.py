"""The ``incidex`` command group. Each command lives in its own module; this one only wires them.

Exit codes: 0 ok · 1 unexpected error · 2 usage error · 3 configuration (model, settings) · 4 unreadable input
(ingest, extract of a batch: no document could be read or stored) · 5 store (missing, unreadable or read-only) ·
6 evaluation data · 7 some documents of a batch failed, the others were handled (``ingest``, ``extract`` of a batch,
``watch --once``) · 8 some source could not be read (``watch --once``).
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

import click

from ..errors import IncidexError

COMMANDS: tuple[tuple[str, str], ...] = (
    ("extract", "incidex.cli.extract"),
    ("demo", "incidex.cli.demo"),
    ("ingest", "incidex.cli.ingest"),
    ("watch", "incidex.cli.watch"),
    ("sources", "incidex.cli.sources"),
    ("export", "incidex.cli.export"),
    ("explain", "incidex.cli.explain"),
    ("eval", "incidex.cli.eval"),
    ("train", "incidex.cli.train"),
    ("serve", "incidex.cli.serve"),
)


class LazyGroup(click.Group):
    """Imports a command's module (which exposes ``command``) only when that command runs, so startup stays fast."""

    def __init__(self, *args, lazy: tuple[tuple[str, str], ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.lazy)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = self.lazy.get(cmd_name)
        return import_module(module).command if module else None


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="incidex")
def cli() -> None:
    """incidex: news reports of violent and security incidents in, a source-attributed incident database out."""


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except IncidexError as exc:
        click.echo(f"incidex: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("incidex: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the CLI never shows a traceback unless asked to
        if os.environ.get("INCIDEX_DEBUG"):
            raise
        click.echo(f"incidex: internal error: {exc.__class__.__name__}: {exc} (set INCIDEX_DEBUG=1 for the "
                   "traceback and please report it)", err=True)
        sys.exit(1)
