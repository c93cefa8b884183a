"""Watching sources: poll feeds, pages and Telegram exports, ingest each new item exactly once."""

from .loop import Watcher, poll_line
from .poll import PollContext, PollResult, poll
from .sources import KINDS, SourceConfig, load_sources

__all__ = ["KINDS", "PollContext", "PollResult", "SourceConfig", "Watcher", "load_sources", "poll", "poll_line"]
