"""A progress line on standard error for the commands that extract many documents: count and documents per second."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class ProgressLine:
    """``with ProgressLine("extracting") as bar: bar.update(done)``; ``extra`` adds fields to the line
    (``" · {task.fields[new]} new"``, given as ``bar.update(done, new=3)``)."""

    def __init__(self, verb: str, *, extra: str = "", **fields: Any) -> None:
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
        self.started = time.monotonic()

    def __enter__(self) -> ProgressLine:
        self.progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.progress.stop()

    def update(self, done: int, **fields: Any) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self.progress.update(self.task, completed=done, rate=done / elapsed, **fields)
