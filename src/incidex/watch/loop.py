"""The watcher: polls every source when it is due, logs one line per source per poll, stops when asked.

A restarted watcher takes each source's next poll from the store, so it resumes the schedule it left. A stop
request (SIGTERM in the CLI) lets the item in hand finish, then ends the run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from .poll import PollContext, PollResult, poll
from .sources import SourceConfig


class Watcher:
    """Polls ``sources`` with ``context``; ``wait(seconds)`` sleeps and answers True when a stop was requested."""

    def __init__(
        self,
        sources: Sequence[SourceConfig],
        *,
        context: PollContext,
        default_interval: float,
        log: Callable[[str], None],
        wait: Callable[[float], bool],
    ) -> None:
        self.sources = list(sources)
        self.context = context
        self.default_interval = default_interval
        self.log = log
        self.wait = wait

    def run_once(self) -> list[PollResult]:
        """Poll each source once, in file order (until a stop is requested)."""
        results = []
        for source in self.sources:
            if self.context.stop():
                break
            results.append(self._poll(source))
        return results

    def run(self) -> None:
        """Poll each source whenever it is due, until a stop is requested."""
        due = {source.name: self._scheduled(source) for source in self.sources}
        while not self.context.stop():
            for source in self.sources:
                if self.context.stop():
                    return
                if due[source.name] <= self.context.now():
                    due[source.name] = self._poll(source).next_poll
            pause = (min(due.values()) - self.context.now()).total_seconds()
            if pause > 0 and self.wait(pause):
                return

    def _poll(self, source: SourceConfig) -> PollResult:
        result = poll(source, interval=source.interval or self.default_interval, context=self.context)
        self.log(poll_line(result, at=self.context.now()))
        return result

    def _scheduled(self, source: SourceConfig) -> datetime:
        """When the store says the source is next due (now when it was never polled)."""
        state = self.context.store.source(source.name)
        if state is None or state.next_poll is None or state.url != source.url:
            return self.context.now()
        return as_utc(state.next_poll)


def poll_line(result: PollResult, *, at: datetime) -> str:
    """``2024-06-16T09:30:00Z 112: new 3 · seen 17 · duplicate 1 · failed 0 · skipped 2 · next poll 09:45:00Z``."""
    when, next_poll = _stamp(at), _stamp(result.next_poll)
    if result.error is not None:
        return f"{when} {result.source}: failed to read: {result.error} · next poll {next_poll}"
    summary = result.summary
    counts = (f"new {summary.new} · seen {result.seen} · duplicate {summary.duplicate} · failed {summary.failed} · "
              f"skipped {summary.skipped}")
    if summary.not_english:
        counts += f" · not English {summary.not_english.total()}"
    if result.not_modified:
        counts = f"not modified · {counts}"
    if not result.complete:
        return f"{when} {result.source}: {counts} · stopped before the end; the next run goes on"
    return f"{when} {result.source}: {counts} · next poll {next_poll}"


def as_utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC datetime (SQLite gives it back naive)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")
