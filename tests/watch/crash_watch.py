"""Watch the sources of a sources file once, with the stand-in extractor, slowly; run by test_crash_safety.py.

Usage: python crash_watch.py DB_URL SOURCES_TOML DELAY_SECONDS. Prints ``started`` once the store is open, then the
number of committed store writes after each one, so the test can kill it at a chosen point.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]  # tests/: local_http, store.store_helpers

from incidex.ingest.fetch import Fetcher  # noqa: E402
from incidex.store import Store  # noqa: E402
from incidex.watch import Watcher, load_sources  # noqa: E402
from watch.watch_helpers import context, fetch_settings  # noqa: E402


class CountingStore(Store):
    """A store that prints how many writes it has committed."""

    writes = 0

    def write(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        added = super().write(*args, **kwargs)
        self.writes += 1
        print(self.writes, flush=True)
        return added


def main(url: str, sources: str, delay: float) -> None:
    with CountingStore(url) as store, Fetcher(fetch_settings()) as fetcher:
        print("started", flush=True)
        watcher = Watcher(load_sources(sources), context=context(store, fetcher, delay=delay), default_interval=900,
                          log=lambda line: print(line, file=sys.stderr, flush=True), wait=lambda seconds: True)
        results = watcher.run_once()
    print("done " + " ".join(f"{r.source}={r.summary.new}/{r.seen}" for r in results), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
