"""A progress line on standard error for the commands that extract many documents: count and documents per second."""

from __future__ import annotations

import sys
import time
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

LOG_EVERY_SECONDS = 60.0


class ProgressLine:
    """``with ProgressLine("extracting") as bar: bar.update(done)``; ``extra`` adds fields to the line
    (``" · {task.fields[new]} new"``, given as ``bar.update(done, new=3)``).

    On a terminal the line is redrawn in place; when standard error is a file, a plain line is written once a
    minute instead, so the log of a long run shows how far it got.
    """

    def __init__(self, verb: str, *, extra: str = "", **fields: Any) -> None:
        self.verb = verb
        console = Console(stderr=True)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn(f"{verb}: {{task.completed}} documents · {{task.fields[rate]:.1f}} docs/s{extra}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,  # a log file gets the summary lines, not a redrawn line
        )
        self.task = self.progress.add_task(verb, total=None, rate=0.0, **fields)
        self.started = self.logged = time.monotonic()

    def __enter__(self) -> ProgressLine:
        self.progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.progress.stop()

    def update(self, done: int, **fields: Any) -> None:
        now = time.monotonic()
        rate = done / max(now - self.started, 1e-6)
        self.progress.update(self.task, completed=done, rate=rate, **fields)
        if self.progress.disable and now - self.logged >= LOG_EVERY_SECONDS:
            self.logged = now
            print(f"{self.verb}: {done} documents · {rate:.1f} docs/s", file=sys.stderr, flush=True)
