"""What a batch command says on standard error about the inputs it skipped, warned about or could not handle."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..errors import IncidexError
from ..ingest_run import Failure, Notice

SHOWN = 20  # lines of one kind, at most; the rest are counted


def problem_line(label: str, origin: str, problem: IncidexError | str) -> str:
    """``incidex: LABEL: ORIGIN: [CODE] reason`` for an error (``reason`` alone for a warning), the origin named
    once even when the reason repeats it."""
    message = problem.message if isinstance(problem, IncidexError) else problem
    message = message.removeprefix(f"{origin}: ").removeprefix(f"{origin} ")
    code = f"[{problem.code}] " if isinstance(problem, IncidexError) else ""
    return f"incidex: {label}: {origin}: {code}{message}"


def print_problems(label: str, items: Sequence[Failure | Notice], more: str) -> None:
    """One :func:`problem_line` per item, at most :data:`SHOWN` of them, then how many ``more`` there are."""
    for item in items[:SHOWN]:
        click.echo(problem_line(label, item.origin, item.error if isinstance(item, Failure) else item.message),
                   err=True)
    if len(items) > SHOWN:
        click.echo(f"incidex: ... and {len(items) - SHOWN} {more}", err=True)
