"""Ingest a directory with the stand-in extractor, slowly; run as a subprocess by test_crash_safety.py.

Usage: python crash_ingest.py DB_URL CORPUS_DIR BATCH_SIZE DELAY_SECONDS. Prints ``started`` once the store is open,
then the number of inputs handled after each one, so the test can kill it at a chosen point.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator

from store_helpers import fake_extract

from incidex.batch import Outcome
from incidex.config import load_settings
from incidex.ingest import read_paths
from incidex.ingest_run import ingest
from incidex.resolve import Resolver
from incidex.store import Store
from incidex.types import Document


def main(url: str, corpus: str, batch_size: int, delay: float) -> None:
    def slow_extract(documents: Iterable[Document]) -> Iterator[Outcome]:
        for outcome in fake_extract(documents):
            time.sleep(delay)
            yield outcome

    with Store(url) as store:
        print("started", flush=True)
        summary = ingest(
            read_paths([corpus]),
            store=store,
            extract=slow_extract,
            resolver=Resolver(load_settings()),
            batch_size=batch_size,
            progress=lambda summary: print(summary.done, flush=True),
        )
    print(f"done new={summary.new} duplicate={summary.duplicate} failed={summary.failed}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
