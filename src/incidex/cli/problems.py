"""What a batch command says on standard error about the inputs it skipped, warned about or could not handle."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..store.ingest import Failure

SHOWN = 20  # lines of one kind, at most; the rest are counted


def problem_line(label: str, origin: str, error: str) -> str:
    """``incidex: LABEL: ORIGIN: [CODE] reason``, the origin named once even when the reason repeats it."""
    message = error.removeprefix(f"{label} ")
    code, _, rest = message.partition(" ") if message.startswith("[E") else ("", "", message)
    rest = rest.removeprefix(f"{origin}: ").removeprefix(f"{origin} ")
    return f"incidex: {label}: {origin}: {f'{code} ' if code else ''}{rest}"


def print_problems(label: str, items: Sequence[Failure], more: str) -> None:
    """One :func:`problem_line` per item, at most :data:`SHOWN` of them, then how many ``more`` there are."""
    for item in items[:SHOWN]:
        click.echo(problem_line(label, item.origin, item.error), err=True)
    if len(items) > SHOWN:
        click.echo(f"incidex: ... and {len(items) - SHOWN} {more}", err=True)
